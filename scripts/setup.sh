#!/usr/bin/env bash
# Installs everything flyorcall needs to build and test on Debian 12 (as root, or through sudo).
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config tzdata git clang-format clang libclang-rt-14-dev
  libboost-graph-dev nlohmann-json3-dev libeigen3-dev libhowardhinnant-date-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium python3 # the report_in_chromium test opens the HTML report in headless Chromium
  libgumbo-dev # fuzz_report reads the HTML report back with an HTML5 parser
  python3-jsonschema # tests check data/schema/ and the examples with an independent validator
  libical-dev # report --format ics builds and serialises the calendar with libical
  python3-icalendar python3-dateutil # report_ics_readback reads the calendars back independently
  libxlsxwriter-dev # report --format xlsx writes the Excel workbook with libxlsxwriter
  python3-openpyxl # report_xlsx_readback opens the workbook with an independent reader
  coinor-cbc python3-scipy # op_exact_reference proves random orienteering optima (CBC, min cuts)
  pybind11-dev python3-pybind11 python3-dev # the Python package's extension module (docs/python.md)
  python3-pytest # the Python package's tests, run by ctest with /usr/bin/python3
  python3-pandas # flyorcall.plan_frame: plans as DataFrames (optional for users, tested here)
  python3-distributed # batches sharded over Dask distributed workers (docs/python.md)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
