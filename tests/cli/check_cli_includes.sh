#!/bin/sh
# The command-line tool includes only the library's public headers (include/flyorcall/) and its
# own headers in src/cli/: every command's work lives in the library (docs/library.md). Prints
# each offending line and fails when there is one.
set -eu
cli_dir="$1"
bad=$(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$cli_dir"/*.cpp "$cli_dir"/*.hpp |
  grep -v -E '#[[:space:]]*include[[:space:]]*"(flyorcall/[^"]+|[a-z_]+\.hpp)"' || true)
for f in "$cli_dir"/*.cpp "$cli_dir"/*.hpp; do
  for h in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([a-z_]*\.hpp\)".*/\1/p' "$f"); do
    [ -f "$cli_dir/$h" ] || bad="$bad
$f: \"$h\" is not a header of $cli_dir"
  done
done
if [ -n "$bad" ]; then
  echo "src/cli includes private library headers:$bad"
  exit 1
fi
echo "src/cli includes public headers only"
