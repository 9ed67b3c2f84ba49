#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a source file with translatable strings is missing from
po/POTFILES.in, or when POTFILES.in names a file that does not exist.

Usage: check-potfiles.py SOURCE_ROOT
"""

import os
import re
import sys

# _( N_( C_( ngettext ( g_dngettext ( not preceded by an identifier character (so g_strdup_( or
# foo_( do not count), and GtkBuilder's translatable attribute.
MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:N_|C_|_|ngettext|g_dngettext|g_dpgettext2)\s*\(|translatable="yes"')
SUFFIXES = ('.c', '.ui', '.in')
FOLDERS = ('src', 'data')


def listed_files(root):
    listed = set()
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.add(line)
    return listed


def marked_files(root):
    found = set()
    for folder in FOLDERS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, folder)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    if MARKER.search(f.read()):
                        found.add(os.path.relpath(path, root))
    return found


def main():
    if len(sys.argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = sys.argv[1]
    listed = listed_files(root)
    failed = False
    for path in sorted(marked_files(root) - listed):
        print(f'{path} has translatable strings but is not in po/POTFILES.in')
        failed = True
    for path in sorted(listed):
        if not os.path.exists(os.path.join(root, path)):
            print(f'po/POTFILES.in lists {path}, which does not exist')
            failed = True
    if not failed:
        print(f'po/POTFILES.in lists all {len(listed)} files with translatable strings')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
