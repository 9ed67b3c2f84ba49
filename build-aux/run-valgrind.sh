#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the compiled tests of the core, store and sim suites under valgrind's
# memcheck: build-aux/run-valgrind.sh [BUILD_FOLDER]   (default _build-valgrind)
#
# A test fails on any memory error or on a definite leak
# (--errors-for-leak-kinds=definite; memory still reachable at exit, such as
# GLib's type registry, is not a leak). Script tests (Python driving the
# CLI) are left out: valgrind would be checking the Python interpreter.
# build-aux/valgrind.supp holds the suppressions, each explained.
#
# Not part of .ci/run (it takes several times longer than the sanitizer
# run, which finds the same classes of errors); run it by hand before a
# release. The last line is "N passed, N failed".
set -euo pipefail

cd "$(dirname "$0")/.."
builddir="${1:-_build-valgrind}"

if ! command -v valgrind >/dev/null; then
  echo "run-valgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2
  exit 2
fi
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dgui=false -Dbenchmarks=false -Dbuildtype=debugoptimized
fi
meson compile -C "$builddir"

# The compiled tests of the suites, by name (meson introspect lists them with
# their command; a script's command starts with its interpreter).
mapfile -t tests < <(/usr/bin/python3 - "$builddir" <<'PY'
import json, os, subprocess, sys
out = subprocess.run(['meson', 'introspect', '--tests', sys.argv[1]],
                     check=True, capture_output=True, text=True).stdout
for t in json.loads(out):
    if not set(t['suite']) & {'waymark:core', 'waymark:store', 'waymark:sim',
                              'core', 'store', 'sim'}:
        continue
    if os.path.basename(t['cmd'][0]).startswith('python'):
        continue
    print(t['name'])
PY
)
if [ "${#tests[@]}" -eq 0 ]; then
  echo "run-valgrind.sh: no compiled tests found" >&2
  exit 1
fi

export G_SLICE=always-malloc G_DEBUG=gc-friendly
# The tests' time bounds (tests/core/time-factor.h) are for quadratic
# behaviour; under memcheck everything runs 20 to 50 times slower.
export WAYMARK_TIME_FACTOR=50
status=0
meson test -C "$builddir" --print-errorlogs --timeout-multiplier 20 \
  --wrap="valgrind --quiet --leak-check=full --error-exitcode=1 --errors-for-leak-kinds=definite --show-leak-kinds=definite --suppressions=$PWD/build-aux/valgrind.supp" \
  "${tests[@]}" || status=$?

count_status=0
# With --wrap, meson names its log after the wrapper: testlog-valgrind.json.
/usr/bin/python3 build-aux/count-tests.py "$builddir/meson-logs/testlog-valgrind.json" || count_status=$?

if [ "$status" -ne 0 ] || [ "$count_status" -ne 0 ]; then
  exit 1
fi
