#!/usr/bin/env bash
# Configures and builds flyorcall with a CMake preset (default: release) into build/<preset>.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
jobs="${FLYORCALL_JOBS:-$(nproc)}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$jobs"
