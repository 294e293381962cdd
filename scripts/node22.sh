#!/usr/bin/env bash
# Prints a directory holding the Node release pinned in .nvmrc (the image's), installing it first when
# the machine has another one. The binary comes from the npm registry: the platform package that the
# `node` package's own install script would fetch, taken directly so no install script has to run.
# Usage: PATH="$(bash scripts/node22.sh):$PATH" npm test
set -euo pipefail
cd "$(dirname "$0")/.."
want="$(tr -d '[:space:]' < .nvmrc)"
if [ "$(node -v 2>/dev/null || true)" = "v$want" ]; then
  dirname "$(command -v node)"
  exit 0
fi
platform="$(node -p 'process.platform === "win32" ? "win" : process.platform')"
arch="$(node -p 'process.arch')"
prefix=node
[ "$platform-$arch" = darwin-arm64 ] && prefix=node-bin
pkg="$prefix-$platform-$arch"
dir="${HALOBESTIE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/halobestie-node}/$want-$platform-$arch"
bin="$dir/node_modules/$pkg/bin"
if [ "$("$bin/node" -v 2>/dev/null || true)" != "v$want" ]; then
  echo "installing Node $want ($pkg) into $dir" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
    "$pkg@$want" >&2
fi
"$bin/node" -v >/dev/null
echo "$bin"
