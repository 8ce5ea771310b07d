#!/usr/bin/env bash
# Quick start: install what is missing, build (Release) and plan the built-in default example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
echo
build/release/flyorcall plan --example -o build/release/default.plan.json
