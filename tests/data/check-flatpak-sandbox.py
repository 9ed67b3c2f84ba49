#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest's promises that flatpak-builder does not:
the GNOME 43 runtime (GTK 4.8, libadwaita 1.2, the stack the code is fenced
to), the waymark command, and a sandbox with no network and no file system
access (files come through the documents portal).

Usage: check-flatpak-sandbox.py MANIFEST
"""

import json
import sys

REQUIRED_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}


def problems(manifest):
    if manifest.get('id') != 'io.github.waymark.Waymark':
        yield f"id is {manifest.get('id')!r}, not 'io.github.waymark.Waymark'"
    if manifest.get('runtime') != 'org.gnome.Platform':
        yield f"runtime is {manifest.get('runtime')!r}, not 'org.gnome.Platform'"
    if manifest.get('runtime-version') != '43':
        yield f"runtime-version is {manifest.get('runtime-version')!r}, not '43'"
    if manifest.get('sdk') != 'org.gnome.Sdk':
        yield f"sdk is {manifest.get('sdk')!r}, not 'org.gnome.Sdk'"
    if manifest.get('command') != 'waymark':
        yield f"command is {manifest.get('command')!r}, not 'waymark'"

    args = manifest.get('finish-args', [])
    for missing in sorted(REQUIRED_ARGS - set(args)):
        yield f'finish-args lacks {missing}'
    for arg in args:
        if arg.startswith(('--share=network', '--filesystem', '--device=all')):
            yield f'finish-args grants {arg}; the sandbox has no network and no file system access'

    modules = manifest.get('modules', [])
    last = modules[-1] if modules else {}
    if last.get('name') != 'waymark' or last.get('buildsystem') != 'meson':
        yield 'the last module is not waymark built with meson'
    elif {'type': 'dir', 'path': '..'} not in last.get('sources', []):
        yield "the waymark module does not build the source folder ('dir' source, path '..')"


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        manifest = json.load(f)
    found = list(problems(manifest))
    for problem in found:
        print(f'{sys.argv[1]}: {problem}')
    if not found:
        print(f'{sys.argv[1]}: runtime, command and sandbox as promised')
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
