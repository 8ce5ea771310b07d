#!/bin/sh
# Runs a test program as an unprivileged user (nobody) when the suite runs as root, so that what
# ordinary users see is tested as well as what root sees; run by a normal user, it runs the program
# as that user. Exit 77 (ctest: skipped) when nobody cannot run the program where it was built.
set -eu
if [ "$(id -u)" -ne 0 ]; then exec "$@"; fi
if ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$1"; then
  echo "skipped: user nobody cannot run $1 (a directory above it is not searchable by others)"
  exit 77
fi
cd /tmp
exec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
