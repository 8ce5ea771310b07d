#!/usr/bin/env bash
# Quick start: install what is missing, build (Release), install the Python package for Debian's
# python3 (docs/python.md) and plan the built-in default example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
# `import flyorcall` for /usr/bin/python3: the package goes to /usr/local/lib/python3.X/dist-packages.
cmake --install build/release --component python >/dev/null
echo "Python package installed: /usr/bin/python3 -c 'import flyorcall'"
echo
build/release/flyorcall plan --example -o build/release/default.plan.json
