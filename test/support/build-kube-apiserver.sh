#!/usr/bin/env bash
# Builds kube-apiserver 1.20.2 from Debian 12's `kubernetes` source package into
# ~/.cache/rigger/kube/v1.20.2/, for the tests that need a real Kubernetes API server
# (test/support/kube-api.ts). Debian ships no kube-apiserver binary and this machine can reach
# only Debian's archive and npm, so the source package is the one way to a real server.
#
# A no-op when the cached binary runs and was built by this recipe. Otherwise it takes about
# 5 minutes on 2 cores (a 34 MB download, then the Go build in a temp dir removed afterwards).
# Needs root or passwordless sudo for apt-get. Safe to run concurrently: a lock serialises builds.
set -euo pipefail

readonly version=v1.20.2
readonly cache_dir="$HOME/.cache/rigger/kube/$version"
readonly bin="$cache_dir/kube-apiserver"
# Written next to the binary once it is built by this recipe: a binary from an older recipe (the
# reflect2 crash below) or copied in by hand is rebuilt.
readonly recipe=reflect2-1.0.2
readonly stamp="$cache_dir/kube-apiserver.recipe"
readonly deb_src_file=/etc/apt/sources.list.d/rigger-bookworm-src.sources

log() { printf '[build-kube-apiserver] %s\n' "$*" >&2; }

runs() {
  [[ -x "$bin" && "$(cat "$stamp" 2>/dev/null)" == "$recipe" ]] && "$bin" --version >/dev/null 2>&1
}

if runs; then
  exit 0
fi

mkdir -p "$cache_dir"
# Two test processes starting at once must not both spend 5 minutes building.
exec 9>"$cache_dir/.build.lock"
flock 9
if runs; then
  log "built by another process meanwhile: $bin"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi

started=$SECONDS
phase_started=$SECONDS
phase() {
  log "$1 done in $((SECONDS - phase_started)) s"
  phase_started=$SECONDS
}

# A deb822 stanza from the machine's own sources that serves bookworm, turned into a deb-src
# stanza: the same URIs and Signed-By (which may be an inline key spanning several lines).
deb822_src_stanza() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -e "$f" ]] || continue
    awk '
      function tokens(line,   v) { v = line; sub(/^[^:]*:[ \t]*/, "", v); return " " v " " }
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; suites = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          name = tolower($i); sub(/:.*/, "", name)
          if (name == "types") types = tokens($i)
          else if (name == "suites") suites = tokens($i)
          else if (name == "enabled") enabled = tolower(tokens($i))
        }
        if (types !~ / deb / || suites !~ / bookworm / || enabled ~ / no /) next
        out = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^#/) continue
          name = tolower($i); sub(/:.*/, "", name)
          if (name == "types") out = out "Types: deb-src\n"
          else if (name == "suites") out = out "Suites: bookworm\n"
          else if (name == "components") out = out "Components: main\n"
          else out = out $i "\n"
        }
        printf "%s", out
        exit
      }
    ' "$f" | grep . && return 0
  done
  return 1
}

# The same for a one-line-style entry (/etc/apt/sources.list), written as a .list line.
legacy_src_line() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -e "$f" ]] || continue
    awk '
      $1 != "deb" { next }
      {
        i = 2
        if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i + 1) == "bookworm") { sub(/^deb[ \t]/, "deb-src "); print; exit }
      }
    ' "$f" | grep . && return 0
  done
  return 1
}

ensure_deb_src() {
  # Asks apt itself, so entries in either file format count. `$(CODENAME)` is apt's, not bash's.
  # shellcheck disable=SC2016
  if apt-get indextargets --format '$(CODENAME)' 'Created-By: Sources' | grep -x bookworm >/dev/null; then
    return 0
  fi
  local stanza
  if stanza=$(deb822_src_stanza); then
    log "adding a deb-src entry for bookworm: $deb_src_file"
    printf '%s\n' "$stanza" | "${sudo[@]}" tee "$deb_src_file" >/dev/null
  elif stanza=$(legacy_src_line); then
    log "adding a deb-src entry for bookworm: ${deb_src_file%.sources}.list"
    printf '%s\n' "$stanza" | "${sudo[@]}" tee "${deb_src_file%.sources}.list" >/dev/null
  else
    log "no apt source for Debian bookworm found; cannot fetch the kubernetes source package"
    exit 1
  fi
  "${sudo[@]}" apt-get update -q >/dev/null
}

log "kube-apiserver $version not cached; building it (about 5 minutes)"
"${sudo[@]}" apt-get update -q >/dev/null
phase "apt-get update"

needed=(golang-go make rsync etcd-server etcd-client dpkg-dev golang-github-modern-go-reflect2-dev)
missing=()
for p in "${needed[@]}"; do
  [[ $(dpkg-query -W -f '${Status}' "$p" 2>/dev/null) == 'install ok installed' ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
ensure_deb_src
phase "packages and sources"

work=$(mktemp -d "${TMPDIR:-/tmp}/rigger-kube-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# apt-get source --download-only works as any user; the _apt sandbox warning is harmless here.
apt-get source -q --download-only kubernetes >"$work/apt-source.log" 2>&1 || {
  cat "$work/apt-source.log" >&2
  exit 1
}
orig=$(compgen -G 'kubernetes_*.orig.tar.*' | head -n1 || true)
if [[ -z "$orig" ]]; then
  log "apt-get source kubernetes fetched no .orig tarball"
  exit 1
fi
mkdir src
tar -xf "$orig" -C src --strip-components=1
phase "download and unpack ($orig)"

cd src
# Kubernetes 1.20 vendors reflect2 1.0.1, whose map iteration breaks with Go >= 1.18: built with
# Debian's Go 1.19 the server dies (SIGSEGV in mapiterinit) on the first custom resource it stores.
# reflect2 1.0.2 is the upstream fix and API-compatible; Debian packages it.
reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
rm -f vendor/github.com/modern-go/reflect2/*.go vendor/github.com/modern-go/reflect2/*.s
cp "$reflect2"/*.go "$reflect2"/*.s vendor/github.com/modern-go/reflect2/
# Kubernetes 1.20's build still resolves its own packages through GOPATH.
mkdir -p .go/src/k8s.io
ln -s ../../.. .go/src/k8s.io/kubernetes
# The version (v1.20.2 at /version) comes from the git-archive stamp in hack/lib/version.sh, no
# .git needed. The Go build cache stays in the temp dir so no gigabytes are left behind.
GOPATH="$PWD/.go" GOCACHE="$work/go-build" CGO_ENABLED=0 \
  make WHAT=cmd/kube-apiserver >"$work/make.log" 2>&1 || {
  tail -n 40 "$work/make.log" >&2
  exit 1
}
phase "go build"

tmp_bin="$cache_dir/.kube-apiserver.$$"
cp _output/bin/kube-apiserver "$tmp_bin"
chmod 0755 "$tmp_bin"
mv -f "$tmp_bin" "$bin"
printf '%s\n' "$recipe" >"$stamp"
log "$("$bin" --version) cached at $bin; total $((SECONDS - started)) s"
