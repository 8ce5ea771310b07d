#!/usr/bin/env bash
# Builds the libFuzzer harnesses (preset "fuzz", clang) and runs each for SECONDS (default 60),
# FLYORCALL_JOBS (default: the number of cores) at a time: each harness is one process on one core.
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   e.g. scripts/fuzz.sh 600 fuzz_input
# Seeds: fuzz/corpus/<harness without fuzz_>/ (+ data/examples/*.json for fuzz_input); a
# dictionary fuzz/<harness>.dict is used when present. New corpus entries go to
# build/fuzz/corpus/<harness>/ (kept between runs); a crash leaves its input in
# build/fuzz/artifacts/ and makes this script fail. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
jobs="${FLYORCALL_JOBS:-$(nproc)}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for f in build/fuzz/fuzz/fuzz_*; do [ -x "$f" ] && harnesses+=("$(basename "$f")"); done
fi
mkdir -p build/fuzz/artifacts

# Runs one harness and records libFuzzer's exit status (non-zero: a crash, a leak or a timeout)
# in build/fuzz/<harness>.status.
run_one() {
  local h="$1" name="${1#fuzz_}" work="build/fuzz/corpus/$1"
  mkdir -p "$work"
  local seeds=() dict=()
  [ -d "fuzz/corpus/$name" ] && seeds+=("fuzz/corpus/$name")
  [ "$h" = fuzz_input ] && seeds+=(data/examples)
  [ -f "fuzz/$h.dict" ] && dict=("-dict=fuzz/$h.dict")
  "build/fuzz/fuzz/$h" "${dict[@]}" -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$h-" "$work" "${seeds[@]}" >"build/fuzz/$h.log" 2>&1 &&
    echo 0 >"build/fuzz/$h.status" || echo $? >"build/fuzz/$h.status"
}

# Start the harnesses `jobs` at a time; results are reported in the order given.
for h in "${harnesses[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  echo "fuzz: $h for ${seconds}s"
  rm -f "build/fuzz/$h.status"
  run_one "$h" &
done
wait
status=0
for h in "${harnesses[@]}"; do
  if [ "$(cat "build/fuzz/$h.status" 2>/dev/null)" != 0 ]; then
    echo "fuzz: $h FOUND A PROBLEM (log: build/fuzz/$h.log)"
    tail -40 "build/fuzz/$h.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "build/fuzz/$h.log" |
      sed "s/^/fuzz: $h /"
  fi
done
exit $status
