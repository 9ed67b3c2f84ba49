#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test results in meson's testlog.json and prints, as its last line,
"N passed, N failed". Exits 1 if any failed, 2 if the log cannot be read.

- A TAP test counts each subtest: an "ok" line passes, a "not ok" line fails;
  "ok ... # SKIP" counts neither, nor does "not ok ... # TODO" (an expected
  failure). If the test itself crashed, bailed out, timed out or otherwise
  failed without a "not ok" line to show for it, that counts as one more
  failure (so a crash after three passing subtests is 3 passed, 1 failed).
- A test whose result is SKIP counts neither.
- Any other test counts once, by its result.

Never prints the log itself: it holds each test's environment.

Usage: count-tests.py BUILD/meson-logs/testlog.json
"""

import json
import re
import sys

TAP_RESULT = re.compile(r'^(not ok|ok)\b(.*)$')
TAP_PLAN = re.compile(r'^1\.\.\d+')
PASSING = {'OK', 'EXPECTEDFAIL'}


def count_tap(stdout, result):
    passed = failed = 0
    for line in stdout.splitlines():
        m = TAP_RESULT.match(line)
        if not m:
            continue
        directive = m.group(2).split('#', 1)[1].strip().upper() if '#' in m.group(2) else ''
        if m.group(1) == 'ok':
            if not directive.startswith('SKIP'):
                passed += 1
        elif not directive.startswith('TODO'):
            failed += 1
    if result not in PASSING and (result in ('ERROR', 'TIMEOUT') or failed == 0):
        failed += 1
    return passed, failed


def is_tap(test):
    if test.get('protocol') == 'tap':
        return True
    stdout = test.get('stdout') or ''
    return any(TAP_PLAN.match(line) or TAP_RESULT.match(line) for line in stdout.splitlines())


def main():
    if len(sys.argv) != 2:
        print('usage: count-tests.py BUILD/meson-logs/testlog.json', file=sys.stderr)
        return 2
    passed = failed = 0
    try:
        with open(sys.argv[1], encoding='utf-8', errors='replace') as f:
            tests = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        print(f'count-tests.py: cannot read {sys.argv[1]}: {e}', file=sys.stderr)
        print('0 passed, 0 failed')
        return 2

    for test in tests:
        result = test.get('result', 'ERROR')
        if result == 'SKIP':
            continue
        if is_tap(test):
            p, f = count_tap(test.get('stdout') or '', result)
        else:
            p, f = (1, 0) if result in PASSING else (0, 1)
        if f:
            print(f"failed: {test.get('name', '?')} ({result})")
        passed += p
        failed += f

    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
