#!/usr/bin/env bash
# Install what is missing, build (Release, warnings as errors) and run the whole test suite.
# With --sanitize, also build and test everything under AddressSanitizer + UndefinedBehaviorSanitizer,
# and the multi-threaded commands' tests (ctest label `parallel`) under ThreadSanitizer. Tests
# labelled `heavy` (large inputs beside a CPU burner) and `release_only` (Python readers of the
# output files, and the destination tests again as an unprivileged user: what they check does not
# change under a sanitizer, and the C++ paths they drive run under it in other tests) run in the
# release build only.
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
  if [ "$preset" = release ]; then
    ctest --preset "$preset" -j "$jobs"
  else
    ctest --preset "$preset" -j "$jobs" -LE "heavy|release_only"
  fi
done
if [ "${1:-}" = "--sanitize" ]; then
  echo "== tsan: build the parallel commands and their tests"
  cmake --preset tsan >/dev/null
  cmake --build --preset tsan --target flyorcall_cli test_compare_cli test_batch_cli test_compare test_method_cli
  echo "== tsan: test (label parallel)"
  ctest --preset tsan -L parallel -j "$jobs"
fi
