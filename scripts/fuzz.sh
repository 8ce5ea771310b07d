#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset "fuzz", clang) and runs each for SECONDS (default 60).
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   e.g. scripts/fuzz.sh 600 fuzz_input
# Seeds: fuzz/corpus/<harness without fuzz_>/ (+ data/examples/*.json for fuzz_input); a
# dictionary fuzz/<harness>.dict is used when present. New corpus entries go to
# build/fuzz/corpus/<harness>/ (kept between runs); a crash leaves its input in
# build/fuzz/artifacts/ and makes this script fail. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in build/fuzz/fuzz/fuzz_*; do [ -x "$f" ] && harnesses+=("$(basename "$f")"); done
fi
mkdir -p build/fuzz/artifacts
status=0
for h in "${harnesses[@]}"; do
  name="${h#fuzz_}"
  work="build/fuzz/corpus/$h"
  mkdir -p "$work"
  seeds=()
  [ -d "fuzz/corpus/$name" ] && seeds+=("fuzz/corpus/$name")
  [ "$h" = fuzz_input ] && seeds+=(data/examples)
  dict=()
  [ -f "fuzz/$h.dict" ] && dict=("-dict=fuzz/$h.dict")
  echo "fuzz: $h for ${seconds}s"
  if ! "build/fuzz/fuzz/$h" "${dict[@]}" -max_total_time="$seconds" -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="build/fuzz/artifacts/$h-" "$work" "${seeds[@]}" \
      >"build/fuzz/$h.log" 2>&1; then
    echo "fuzz: $h FOUND A PROBLEM (log: build/fuzz/$h.log)"
    tail -40 "build/fuzz/$h.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "build/fuzz/$h.log" |
      sed "s/^/fuzz: $h /"
  fi
done
exit $status
