#!/usr/bin/env bash
# Builds the air-gap artifacts of the RKE2 STAND-IN (rigger's lab only; not Rancher's RKE2) into
# OUTDIR, laid out as an RKE2 release ships them:
#
#   rke2.linux-amd64.tar.gz         bin/rke2 (the python3 stand-in), bin/rke2-killall.sh,
#                                   bin/rke2-uninstall.sh, lib/systemd/system/rke2-{server,agent}.{service,env},
#                                   share/rke2/{rke2-cis-sysctl.conf,LICENSE.txt,STAND-IN.txt},
#                                   share/rke2/helm-controller/{crds.json,charts.json} (the stand-in
#                                   helm-controller's data: manifests/helm-controller/crds.yaml as
#                                   JSON, converted here with node and the repo's `yaml` package, since
#                                   the hosts' python3 has no YAML parser; and the chart catalogue)
#   rke2-images.linux-amd64.tar.gz  the "images": the real etcd and etcdctl 3.5 (Debian trixie's, fetched by
#                                   fetch-etcd.sh) and kube-apiserver
#                                   1.20.2 (built by test/support/build-kube-apiserver.sh) under bin/
#   rke2-images-cilium.linux-amd64.tar.gz  Cilium's "images" (a marker file), as RKE2 ships them apart
#   sha256sum-amd64.txt             `<hex>  <name>` for each
#
# Usage: build.sh OUTDIR [VERSION]   (VERSION defaults to v1.35.7+rke2r1)
#
# Deterministic (sorted names, fixed mtime and owner, gzip -n), so a rebuild yields the same
# sha256; a no-op when the inputs' hash matches OUTDIR/.stand-in-build-stamp; files are written to
# a temp dir in OUTDIR and renamed into place.
set -euo pipefail

usage() {
  echo "usage: $0 OUTDIR [VERSION]" >&2
  exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
outdir=$1
version=${2:-v1.35.7+rke2r1}
[[ $version =~ ^v[0-9]+\.[0-9]+\.[0-9]+\+rke2r[0-9]+$ ]] || {
  echo "build.sh: version must look like v1.35.7+rke2r1, got $version" >&2
  exit 2
}

log() { printf '[rke2-stand-in] %s\n' "$*" >&2; }

# The real parts: kube-apiserver (cached after the first build) and etcd 3.5 from Debian trixie
# (RKE2 v1.35 runs etcd 3.5; bookworm's is 3.4), both cached under ~/.cache/rigger.
bash "$repo/test/support/build-kube-apiserver.sh"
kube_apiserver=$HOME/.cache/rigger/kube/v1.20.2/kube-apiserver
etcd_dir=$(bash "$here/fetch-etcd.sh")
etcd=$etcd_dir/etcd
etcdctl=$etcd_dir/etcdctl
for b in "$kube_apiserver" "$etcd" "$etcdctl"; do
  [[ -x $b ]] || {
    echo "build.sh: $b is missing" >&2
    exit 1
  }
done
# helm for the stand-in helm-controller, in the images as klipper-helm's image carries it (helm
# v4.1.4 in both). Only with the project's chart repository beside the repo: without it the lab
# serves no chart mirror and the stand-in records install Jobs from its chart catalogue instead.
helm_bin=
if [[ -f $repo/../shared/charts/index.yaml ]]; then
  helm_bin=$(bash "$repo/test/support/real-helm.sh")/helm
else
  log "WARNING: no chart repository at $repo/../shared/charts: the stand-in ships no helm, add-on charts are NOT rendered"
fi

sources=(
  "$here/build.sh"
  "$here/fetch-etcd.sh"
  "$here/rke2.py"
  "$here/files/rke2-server.service"
  "$here/files/rke2-agent.service"
  "$here/files/rke2-server.env"
  "$here/files/rke2-agent.env"
  "$here/files/rke2-killall.sh"
  "$here/files/rke2-uninstall.sh"
  "$here/files/rke2-cis-sysctl.conf"
  "$here/files/LICENSE.txt"
  "$here/files/STAND-IN.txt"
  "$here/files/images-stand-in.txt"
  "$here/charts.json"
  "$repo/manifests/helm-controller/crds.yaml"
)
tarball=rke2.linux-amd64.tar.gz
images=rke2-images.linux-amd64.tar.gz
# RKE2 ships Cilium's images apart from the main archive (rke2-docs install/airgap.md); the
# stand-in's holds a marker only: its node agent "runs" Cilium where this archive was installed.
cilium_images=rke2-images-cilium.linux-amd64.tar.gz
# The bundled rke2-cilium chart: RKE2 v1.35.7 bundles Cilium 1.19.6. Upstream's chart stands in
# for rancher/rke2-charts' rke2-cilium (which wraps it, values under `cilium:`).
cilium_chart=$repo/../shared/charts/cilium-1.19.6.tgz
[[ -f $cilium_chart ]] || {
  echo "build.sh: the bundled Cilium chart $cilium_chart is missing" >&2
  exit 1
}
sums=sha256sum-amd64.txt
stamp_file=$outdir/.stand-in-build-stamp
images_stamp_file=$outdir/.stand-in-images-stamp

# Binaries by size+mtime+path (hashing 130 MB on every call would cost a second); sources by content.
input_hash=$(
  {
    echo "version $version"
    echo "recipe 2"
    sha256sum "${sources[@]}" | sed -e "s| $here/| |" -e "s| $repo/| |"
    for b in "$kube_apiserver" "$etcd" "$etcdctl" $helm_bin; do stat -L -c '%n %s %Y' "$b"; done
  } | sha256sum | cut -d' ' -f1
)

# The images archive depends on the binaries and its note only: reused when only rke2 changed.
images_hash=$(
  {
    echo "images recipe 2"
    sha256sum "$cilium_chart" | cut -d' ' -f1
    sha256sum "$here/files/images-stand-in.txt" | cut -d' ' -f1
    for b in "$kube_apiserver" "$etcd" "$etcdctl" $helm_bin; do stat -L -c '%n %s %Y' "$b"; done
  } | sha256sum | cut -d' ' -f1
)

mkdir -p "$outdir"
if [[ -f $stamp_file && $(cat "$stamp_file") == "$input_hash" && -f $outdir/$tarball && -f $outdir/$images && -f $outdir/$cilium_images && -f $outdir/$sums ]] &&
  (cd "$outdir" && sha256sum --quiet -c "$sums" >/dev/null 2>&1); then
  log "up to date: $outdir ($version)"
  exit 0
fi

started=$SECONDS
tmp=$(mktemp -d "$outdir/.build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Fixed metadata for reproducible archives.
tar_det=(--sort=name --mtime=@1767225600 --owner=0 --group=0 --numeric-owner --format=gnu)

# --- the release tarball ---
root=$tmp/rke2
install -d -m 0755 "$root/bin" "$root/lib/systemd/system" "$root/share/rke2"
sed "s|^VERSION = \"@VERSION@\"|VERSION = \"$version\"|" "$here/rke2.py" >"$root/bin/rke2"
grep -q "^VERSION = \"$version\"" "$root/bin/rke2" || {
  echo "build.sh: could not set the version in bin/rke2" >&2
  exit 1
}
chmod 0755 "$root/bin/rke2"
install -m 0755 "$here/files/rke2-killall.sh" "$here/files/rke2-uninstall.sh" "$root/bin/"
install -m 0644 "$here"/files/rke2-{server,agent}.{service,env} "$root/lib/systemd/system/"
install -m 0644 "$here/files/rke2-cis-sysctl.conf" "$here/files/LICENSE.txt" "$here/files/STAND-IN.txt" "$root/share/rke2/"
# The stand-in helm-controller's data. Every YAML document of crds.yaml becomes one element of a
# JSON array (node runs from the repo root so that `yaml` resolves from its node_modules).
install -d -m 0755 "$root/share/rke2/helm-controller"
yaml_to_json='
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
const file = process.argv[1];
const docs = parseAllDocuments(readFileSync(file, "utf8"));
const bad = docs.flatMap((d) => d.errors.map((e) => `${file}: ${e.message}`));
if (bad.length > 0) {
  console.error(bad.join("\n"));
  process.exit(1);
}
const objects = docs.map((d) => d.toJS()).filter((o) => o !== null && o !== undefined);
process.stdout.write(JSON.stringify(objects) + "\n");
'
command -v node >/dev/null || {
  echo "build.sh: node is needed to convert manifests/helm-controller/crds.yaml to JSON" >&2
  exit 1
}
(cd "$repo" && node --input-type=module -e "$yaml_to_json" manifests/helm-controller/crds.yaml) \
  >"$root/share/rke2/helm-controller/crds.json"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$here/charts.json"
install -m 0644 "$here/charts.json" "$root/share/rke2/helm-controller/charts.json"
chmod 0644 "$root/share/rke2/helm-controller/crds.json"
python3 -m py_compile "$root/bin/rke2" 2>/dev/null || {
  python3 -m py_compile "$root/bin/rke2"
  exit 1
}
rm -rf "$root/bin/__pycache__"
find "$root" -type d -exec chmod 0755 {} +
tar "${tar_det[@]}" -C "$root" -cf - bin lib share | gzip -n -6 >"$tmp/$tarball"

# --- the images archive: the real binaries RKE2 would run from container images ---
img=$tmp/images
if [[ -f $images_stamp_file && $(cat "$images_stamp_file") == "$images_hash" && -f $outdir/$images ]] &&
  (cd "$outdir" && grep " $images\$" "$sums" 2>/dev/null | sha256sum --quiet -c >/dev/null 2>&1); then
  cp "$outdir/$images" "$tmp/$images"
else
install -d -m 0755 "$img/bin"
install -m 0755 "$etcd" "$etcdctl" "$kube_apiserver" $helm_bin "$img/bin/"
{
  cat "$here/files/images-stand-in.txt"
  echo
  echo "Contents (built for $version):"
  echo "  bin/etcd            $("$etcd" --version | head -n1)"
  echo "  bin/etcdctl         $("$etcdctl" version 2>/dev/null | head -n1)"
  echo "  bin/kube-apiserver  $("$kube_apiserver" --version)"
  [[ -z $helm_bin ]] || echo "  bin/helm            $("$helm_bin" version --short) (the stand-in helm-controller's)"
} >"$img/stand-in.txt"
chmod 0644 "$img/stand-in.txt"
# RKE2's runtime image carries its bundled charts as HelmChart manifests (charts/rke2-*.yaml,
# copied to server/manifests at start: rke2 pkg/bootstrap updateManifests). JSON is YAML.
install -d -m 0755 "$img/charts"
python3 - "$cilium_chart" >"$img/charts/rke2-cilium.yaml" <<'PY'
import base64, json, sys
chart = {
    "apiVersion": "helm.cattle.io/v1",
    "kind": "HelmChart",
    "metadata": {"name": "rke2-cilium", "namespace": "kube-system"},
    "spec": {"bootstrap": True, "chartContent": base64.b64encode(open(sys.argv[1], "rb").read()).decode()},
}
print(json.dumps(chart, indent=2))
PY
chmod 0644 "$img/charts/rke2-cilium.yaml"
tar "${tar_det[@]}" -C "$img" -cf - bin charts stand-in.txt | gzip -n -6 >"$tmp/$images"
fi

# The Cilium images archive: a marker file (reproducible, like the others).
cil=$tmp/cilium
install -d -m 0755 "$cil"
printf 'RKE2 stand-in: Cilium images for rke2-cilium (a marker; no container images).\n' >"$cil/stand-in-cilium.txt"
chmod 0644 "$cil/stand-in-cilium.txt"
tar "${tar_det[@]}" -C "$cil" -cf - stand-in-cilium.txt | gzip -n -6 >"$tmp/$cilium_images"

(cd "$tmp" && sha256sum "$tarball" "$images" "$cilium_images" >"$sums")

# Into place: the archives first, then the checksums that name them, then the stamp.
for f in "$tarball" "$images" "$cilium_images" "$sums"; do
  mv -f "$tmp/$f" "$outdir/$f"
done
printf '%s\n' "$images_hash" >"$tmp/images-stamp"
mv -f "$tmp/images-stamp" "$images_stamp_file"
printf '%s\n' "$input_hash" >"$tmp/stamp"
mv -f "$tmp/stamp" "$stamp_file"
log "built $outdir ($version) in $((SECONDS - started)) s:"
sed 's/^/  /' "$outdir/$sums" >&2
