#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Waymark without the GUI under AddressSanitizer and
# UndefinedBehaviorSanitizer in its own folder and runs the core, store, sim,
# cli and bad (malformed inputs through the CLI) suites there:
# build-aux/run-sanitizers.sh [BUILD_FOLDER]   (default _build-asan).
#
# Any sanitizer report fails the test it happens in: ASan aborts on the
# first error, UBSan halts on the first undefined behaviour, and LeakSanitizer
# (on by default with ASan on Linux) fails a test that leaks at exit. GLib's
# own one-time allocations stay reachable, so LSan needs no suppressions; the
# file below is for the rare one that does not, each line explained there.
#
# The last line is "N passed, N failed" (build-aux/count-tests.py). Exits
# non-zero if anything failed.
set -euo pipefail

cd "$(dirname "$0")/.."
builddir="${1:-_build-asan}"

if [ ! -f "$builddir/build.ninja" ]; then
  # b_lundef=false: the sanitizer runtimes are linked by the compiler driver,
  # not as ordinary libraries. Benchmarks are not tests: not built.
  meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dgui=false -Dbenchmarks=false
fi
meson compile -C "$builddir"

# GLib's slice allocator would hide heap errors from ASan.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
# Full stacks on malloc (GLib has no frame pointers), so the leak
# suppressions can match.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:fast_unwind_on_malloc=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0"

status=0
# The 'slow' suite (determinism at scale, split and merge of every case,
# the SIGKILL loop) runs in the normal suite only.
meson test -C "$builddir" --print-errorlogs --suite core --suite store --suite sim --suite cli --suite bad \
  --no-suite slow --timeout-multiplier 4 || status=$?

count_status=0
/usr/bin/python3 build-aux/count-tests.py "$builddir/meson-logs/testlog.json" || count_status=$?

if [ "$status" -ne 0 ] || [ "$count_status" -ne 0 ]; then
  exit 1
fi
