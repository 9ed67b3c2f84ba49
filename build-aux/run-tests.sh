#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Waymark needs, builds it in a clean folder and runs the whole
# test suite: build-aux/run-tests.sh [BUILD_FOLDER]   (default _build-tests)
#
# The last line printed is "N passed, N failed", counting each subtest of a
# TAP test (build-aux/count-tests.py). Exits non-zero if anything failed.
#
# Display tests run under xvfb-run (found by meson); the test environment
# (tests/meson.build) disables the session bus for them, so no dbus-daemon
# or portal is started behind the suite's back.
set -euo pipefail

cd "$(dirname "$0")/.."
builddir="${1:-_build-tests}"

build-aux/install-deps.sh

# A clean build every time; a folder given on the command line is only wiped
# when it is a meson build folder, never an arbitrary directory.
if [ -e "$builddir" ]; then
  if [ "$builddir" = "_build-tests" ] || [ -d "$builddir/meson-private" ]; then
    rm -rf "$builddir"
  else
    echo "run-tests.sh: $builddir exists and is not a meson build folder; not wiping it" >&2
    exit 2
  fi
fi

meson setup "$builddir"
meson compile -C "$builddir"

status=0
meson test -C "$builddir" --print-errorlogs || status=$?

# The summary line; testlog.json itself is never printed (it records each
# test's whole environment).
count_status=0
/usr/bin/python3 build-aux/count-tests.py "$builddir/meson-logs/testlog.json" || count_status=$?

if [ "$status" -ne 0 ] || [ "$count_status" -ne 0 ]; then
  exit 1
fi
