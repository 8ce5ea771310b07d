#!/usr/bin/env bash
# Install what is missing, build (Release, warnings as errors) and run the whole test suite.
# With --sanitize, also build and test under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs="${FLYORCALL_JOBS:-$(nproc)}"
presets=(release)
[ "${1:-}" = "--sanitize" ] && presets+=(asan)
for preset in "${presets[@]}"; do
  echo "== $preset: build"
  scripts/build.sh "$preset"
  echo "== $preset: test"
  ctest --preset "$preset" -j "$jobs"
done
