#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs every case of tests/data/bad/MANIFEST through the real waymark-cli
and checks its exit code and message. Speaks TAP, one result a case.

flow, journey, expr and template files go through `validate`; profile files
through `simulate` (a rejected line does not fail the run: exit 0 and
"FILE: line N: REASON" on standard error); csv files through `import`;
params files through `simulate --params`. Cases with a "gen:" recipe are
written into a temporary folder first (they are too big for git).

Usage: run-bad.py WAYMARK_CLI [BAD_DIR]
"""

import os
import subprocess
import sys
import tempfile

MIB = 1024 * 1024
LIMIT = 64 * MIB
START = '2026-01-01T00:00:00Z'
END = '2026-01-02T00:00:00Z'
OK_PROFILE = b'{"id":"ok","attributes":{"phone":"+385911234567"}}\n'


def write_big(path, head, fill, size, tail):
    """head + fill repeated to @size bytes + tail, written in pieces so the
    test itself never holds it whole."""
    with open(path, 'wb') as f:
        f.write(head)
        block = fill * (MIB // len(fill))
        left = size
        while left > 0:
            piece = block[:min(left, len(block))]
            f.write(piece)
            left -= len(piece)
        f.write(tail)


def generate(recipe, path):
    if recipe == 'flow-too-large':
        # A flow whose x- string pushes it past 64 MiB.
        write_big(path, b'{"format":"waymark.flow","x-pad":"', b'a', LIMIT + 1, b'"}\n')
    elif recipe == 'profile-long-line':
        write_big(path, b'{"id":"big","attributes":{"pad":"', b'a', LIMIT + 1, b'"}}\n' + OK_PROFILE)
    elif recipe == 'csv-long-record':
        write_big(path, b'id,phone,email,note\nbig,+385911234567,,"', b'a', LIMIT + 1,
                  b'"\nok,+385911234567,,\n')
    else:
        raise ValueError('unknown recipe ' + recipe)


def command(cli, reader, path, tmp, here):
    run_flow = os.path.join(here, 'run.waymark.json')
    if reader in ('flow', 'journey', 'expr', 'template'):
        return [cli, 'validate', path]
    if reader == 'profile':
        return [cli, 'simulate', '--flow', run_flow, '--profiles', path, '--start', START,
                '--end', END, '--threads', '2', '--report', os.path.join(tmp, 'report.json')]
    if reader == 'csv':
        return [cli, 'import', path, '--out', os.path.join(tmp, 'out.jsonl')]
    if reader == 'params':
        profiles = os.path.join(tmp, 'ok.jsonl')
        with open(profiles, 'wb') as f:
            f.write(OK_PROFILE)
        return [cli, 'simulate', '--flow', run_flow, '--profiles', profiles, '--start', START,
                '--end', END, '--params', path, '--report', os.path.join(tmp, 'report.json')]
    raise ValueError('unknown reader ' + reader)


def main():
    cli = sys.argv[1]
    here = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    cases = []
    with open(os.path.join(here, 'MANIFEST'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            parts = line.split('\t')
            recipe = parts[3][4:] if len(parts) > 3 else None
            cases.append((parts[0], int(parts[1]), parts[2], recipe))

    print('1..%d' % len(cases))
    failures = 0
    env = dict(os.environ, LANGUAGE='C', LC_ALL='C.UTF-8')
    for n, (name, code, message, recipe) in enumerate(cases, 1):
        reader = name.split('/')[0]
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(here, name)
            if recipe:
                path = os.path.join(tmp, os.path.basename(name))
                generate(recipe, path)
            try:
                result = subprocess.run(command(cli, reader, path, tmp, here), env=env,
                                        capture_output=True, timeout=120)
                output = (result.stdout + result.stderr).decode('utf-8', 'replace')
                status = result.returncode
            except subprocess.TimeoutExpired:
                output, status = 'timed out after 120 s', None
        problems = []
        if status != code:
            problems.append('exit %s, expected %d' % (status, code))
        if message not in output:
            problems.append('no "%s" in the output' % message)
        if status is not None and status < 0:
            problems.append('killed by signal %d' % -status)
        if problems:
            failures += 1
            print('not ok %d %s: %s' % (n, name, '; '.join(problems)))
            for out_line in output.splitlines()[:8]:
                print('# ' + out_line[:300])
        else:
            print('ok %d %s' % (n, name))
    return 1 if failures else 0


sys.exit(main())
