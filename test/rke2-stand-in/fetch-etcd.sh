#!/usr/bin/env bash
# Fetches etcd 3.5 (the major.minor RKE2 v1.35 runs) from Debian trixie for the RKE2 stand-in and
# prints the directory holding `etcd` and `etcdctl`. The build machine runs bookworm, whose etcd
# is 3.4; trixie's .debs carry static Go binaries that run on bookworm. apt gets its own source
# list and state dir under the cache, so the machine's apt configuration is neither read nor
# changed, and no package is installed: `apt-get download` + `dpkg -x` only.
#
#   ~/.cache/rigger/etcd/<deb version>/{etcd,etcdctl}   the binaries (a finished dir is never changed)
#   ~/.cache/rigger/etcd/current                         the version last fetched
#
# A cached version is used without touching the network. RIGGER_ETCD_REFRESH=1 asks trixie again.
set -euo pipefail

log() { printf '[fetch-etcd] %s\n' "$*" >&2; }

cache=${XDG_CACHE_HOME:-$HOME/.cache}/rigger/etcd
suite=trixie
mkdir -p "$cache"

if [[ ${RIGGER_ETCD_REFRESH:-} != 1 && -f $cache/current ]]; then
  cur=$(cat "$cache/current")
  if [[ -x $cache/$cur/etcd && -x $cache/$cur/etcdctl ]]; then
    echo "$cache/$cur"
    exit 0
  fi
fi

apt_dir=$cache/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" \
  >"$apt_dir/sources.list"
apt_opts=(
  -q
  -o "Dir::Etc::sourcelist=$apt_dir/sources.list"
  -o "Dir::Etc::sourceparts=/nonexistent"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache::archives=$apt_dir/archives"
  -o "Debug::NoLocking=1"
  -o "APT::Sandbox::User=$(id -un)"
)
log "apt-get update ($suite only, state in $apt_dir)"
apt-get "${apt_opts[@]}" update >&2
version=$(apt-cache "${apt_opts[@]}" show etcd-server 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n1)
[[ $version == 3.5.* ]] || {
  echo "fetch-etcd.sh: $suite's etcd-server is '${version:-missing}', expected 3.5.x (RKE2 v1.35 runs etcd 3.5)" >&2
  exit 1
}
if [[ -x $cache/$version/etcd && -x $cache/$version/etcdctl ]]; then
  echo "$version" >"$cache/current.tmp" && mv -f "$cache/current.tmp" "$cache/current"
  echo "$cache/$version"
  exit 0
fi

tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
log "downloading etcd-server and etcd-client $version from $suite"
(cd "$tmp" && apt-get "${apt_opts[@]}" download "etcd-server=$version" "etcd-client=$version" >&2)
for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
install -d -m 0755 "$tmp/out"
install -m 0755 "$tmp/root/usr/bin/etcd" "$tmp/root/usr/bin/etcdctl" "$tmp/out/"
"$tmp/out/etcd" --version | grep -q "^etcd Version: 3\.5\." || {
  echo "fetch-etcd.sh: the downloaded etcd does not report version 3.5:" >&2
  "$tmp/out/etcd" --version >&2 || true
  exit 1
}
rm -rf "${cache:?}/$version"
mv "$tmp/out" "$cache/$version"
echo "$version" >"$cache/current.tmp" && mv -f "$cache/current.tmp" "$cache/current"
log "etcd $version in $cache/$version"
echo "$cache/$version"
