#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# compare-reports.py EXPECTED.json ACTUAL.json
#
# Exit 0 when the two reports are the same JSON values, numbers read as
# Decimal (so 0.10 and 0.1 are equal and no float rounding hides a
# difference); else 1, printing the first differing paths.
import json
import sys
from decimal import Decimal


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=Decimal, parse_int=Decimal)


def differences(a, b, path="$"):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                yield "%s.%s: only in %s" % (path, key, "expected" if key in a else "actual")
            else:
                yield from differences(a[key], b[key], "%s.%s" % (path, key))
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield "%s: %d items, expected %d" % (path, len(b), len(a))
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, "%s[%d]" % (path, i))
    elif type(a) is not type(b) or a != b:
        yield "%s: %r, expected %r" % (path, b, a)


def main():
    if len(sys.argv) != 3:
        print("usage: compare-reports.py EXPECTED.json ACTUAL.json", file=sys.stderr)
        return 2
    try:
        expected, actual = load(sys.argv[1]), load(sys.argv[2])
    except (OSError, ValueError) as e:
        print("compare-reports.py: %s" % e, file=sys.stderr)
        return 1
    found = list(differences(expected, actual))
    for line in found[:10]:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
