#!/usr/bin/env bash
# Fails when a tracked C++ file does not match .clang-format (run from the source tree).
set -euo pipefail
cd "$1"
formatter="$2"
files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find include src tests benchmarks -name '*.[ch]pp')
[ -n "$files" ] || { echo "no files"; exit 1; }
# shellcheck disable=SC2086
"$formatter" --dry-run --Werror $files
echo "format: $(echo "$files" | wc -w) files clean"
