#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# waymark-cli validate and fmt (simulation.md, Command line), as a TAP test.
#
# Usage: test-validate-fmt.py CLI SHARED_DIR
#
# Every check runs the real executable in a fresh temporary folder holding
# copies of data/, so fmt never touches the source tree. Expected outputs are
# written from the spec: the line format, the --json keys, the exit codes and
# the canonical form of flow-format.md (data/fmt-expected.waymark.json was
# written by hand).

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
SHARED = os.path.abspath(sys.argv[2])
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')

# An old, exact modification time: a rewrite shows even within a second.
OLD_NS = 1_000_000_000 * 1_600_000_000 + 123_456_789

checks = []


def check(func):
    checks.append(func)
    return func


class Failure(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise Failure(what)


def workdir():
    tmp = tempfile.mkdtemp(prefix='waymark-cli-test-')
    for name in os.listdir(DATA):
        shutil.copy(os.path.join(DATA, name), tmp)
    return tmp


def run(tmp, *args):
    proc = subprocess.run([CLI] + list(args), cwd=tmp, capture_output=True)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def describe(rc, out, err):
    return 'exit %d\n--- stdout\n%s--- stderr\n%s' % (rc, out, err)


def lines_of(out):
    return [line for line in out.split('\n') if line != '']


def find_line(lines, pattern):
    regex = re.compile(pattern)
    return [line for line in lines if regex.fullmatch(line)]


def stamp(path):
    os.utime(path, ns=(OLD_NS, OLD_NS))
    st = os.stat(path)
    with open(path, 'rb') as f:
        return st.st_ino, st.st_mtime_ns, f.read()


def unchanged(path, before):
    st = os.stat(path)
    with open(path, 'rb') as f:
        return (st.st_ino, st.st_mtime_ns, f.read()) == before


# ---- validate: line format and exit codes --------------------------------

@check
def validate_clean_file_prints_nothing_and_exits_0(tmp):
    rc, out, err = run(tmp, 'validate', 'clean.waymark.json')
    expect(rc == 0, 'exit 0 expected\n' + describe(rc, out, err))
    expect(out == '', 'no diagnostics expected\n' + describe(rc, out, err))


@check
def validate_warnings_only_exits_0(tmp):
    rc, out, err = run(tmp, 'validate', 'warn.waymark.json')
    lines = lines_of(out)
    expect(rc == 0, 'exit 0 expected (warnings only)\n' + describe(rc, out, err))
    # The element part is its id; unreachable may name a field or not.
    expect(find_line(lines, r'warn\.waymark\.json: v1: w: (\S+: )?warning unreachable: \S.*'),
           'no "warn.waymark.json: v1: w: warning unreachable: ..." line\n' + describe(rc, out, err))
    expect(len(lines) == 1, 'exactly one diagnostic expected\n' + describe(rc, out, err))


@check
def validate_line_format_leaves_null_parts_out(tmp):
    rc, out, err = run(tmp, 'validate', 'errors.waymark.json')
    lines = lines_of(out)
    expect(rc == 1, 'exit 1 expected (errors)\n' + describe(rc, out, err))
    flow_level = find_line(lines, r'errors\.waymark\.json: error name-missing: \S.*')
    settings = find_line(lines, r'errors\.waymark\.json: v1: settings\.goal\.window: error field-invalid: \S.*')
    element = find_line(lines, r'errors\.waymark\.json: v2: e3: text: error expression-syntax: \S.*')
    expect(flow_level, 'flow-level line without version, element and field parts missing\n' + describe(rc, out, err))
    expect(settings, 'settings field line without element part missing\n' + describe(rc, out, err))
    expect(element, 'element field line missing\n' + describe(rc, out, err))
    # Flow-level first, then by version number.
    expect(lines.index(flow_level[0]) < lines.index(settings[0]) < lines.index(element[0]),
           'order: flow-level, v1, v2 expected\n' + describe(rc, out, err))
    expect(len(lines) == 3, 'exactly three diagnostics expected\n' + describe(rc, out, err))


@check
def validate_json_is_one_array_with_file_first(tmp):
    rc, out, err = run(tmp, 'validate', '--json', 'errors.waymark.json', 'warn.waymark.json')
    expect(rc == 1, 'exit 1 expected\n' + describe(rc, out, err))
    try:
        items = json.loads(out)
    except ValueError as e:
        raise Failure('stdout is not one JSON document: %s\n%s' % (e, describe(rc, out, err)))
    expect(isinstance(items, list), 'a JSON array expected')
    expect(len(items) == 4, '4 diagnostics expected\n' + describe(rc, out, err))
    keys = ['file', 'severity', 'code', 'version', 'element', 'field', 'message']
    for item in items:
        expect(list(item.keys()) == keys, 'keys %s expected, got %s' % (keys, list(item.keys())))
        expect(isinstance(item['message'], str) and item['message'] != '', 'a message expected: %r' % item)
    wanted = [
        ('errors.waymark.json', 'error', 'name-missing', None, None, None),
        ('errors.waymark.json', 'error', 'field-invalid', 1, None, 'settings.goal.window'),
        ('errors.waymark.json', 'error', 'expression-syntax', 2, 'e3', 'text'),
    ]
    got = [(i['file'], i['severity'], i['code'], i['version'], i['element'], i['field']) for i in items]
    # name-missing's null field is checked by validate-line-format-leaves-null-parts-out.
    got[0] = got[0][:5] + (None,)
    expect(got[:3] == wanted, 'first three diagnostics %r expected, got %r' % (wanted, got[:3]))
    last = items[3]
    expect((last['file'], last['severity'], last['code'], last['version'], last['element'])
           == ('warn.waymark.json', 'warning', 'unreachable', 1, 'w'),
           'the warning of warn.waymark.json expected last, got %r' % (last,))

    # The same diagnostics as the lines, message for message.
    rc2, out2, err2 = run(tmp, 'validate', 'errors.waymark.json', 'warn.waymark.json')
    expect(rc2 == rc, 'same exit code with and without --json')
    for item, line in zip(items, lines_of(out2)):
        parts = [item['file']]
        if item['version'] is not None:
            parts.append('v%d' % item['version'])
        for key in ('element', 'field'):
            if item[key] is not None:
                parts.append(item[key])
        parts.append('%s %s' % (item['severity'], item['code']))
        parts.append(item['message'])
        expect(': '.join(parts) == line, 'line %r does not match JSON %r' % (line, item))


@check
def validate_json_with_no_diagnostics_is_an_empty_array(tmp):
    rc, out, err = run(tmp, 'validate', '--json', 'clean.waymark.json')
    expect(rc == 0, 'exit 0 expected\n' + describe(rc, out, err))
    expect(json.loads(out) == [], 'an empty array expected\n' + describe(rc, out, err))


@check
def validate_goes_on_after_a_file_it_cannot_load_and_exits_2(tmp):
    for bad in ('bad-json.waymark.json', 'not-a-flow.json', 'unknown-key.waymark.json', 'missing.waymark.json'):
        rc, out, err = run(tmp, 'validate', bad, 'errors.waymark.json')
        expect(rc == 2, '%s: exit 2 expected\n%s' % (bad, describe(rc, out, err)))
        expect(bad in err, '%s: the file should be named on stderr\n%s' % (bad, describe(rc, out, err)))
        expect(find_line(lines_of(out), r'errors\.waymark\.json: v2: e3: text: error expression-syntax: \S.*'),
               '%s: the next file should still be validated\n%s' % (bad, describe(rc, out, err)))


@check
def validate_names_the_unknown_key_with_its_path(tmp):
    rc, out, err = run(tmp, 'validate', 'unknown-key.waymark.json')
    expect(rc == 2, 'exit 2 expected\n' + describe(rc, out, err))
    expect("versions[0].elements[1].config: unknown key 'timout'" in err,
           'the path and key expected on stderr\n' + describe(rc, out, err))


@check
def validate_a_repeated_flow_id_makes_the_later_file_unloadable(tmp):
    # dup.waymark.json has the id of clean.waymark.json and no name.
    rc, out, err = run(tmp, 'validate', 'clean.waymark.json', 'dup.waymark.json')
    expect(rc == 2, 'exit 2 expected\n' + describe(rc, out, err))
    expect('dup.waymark.json' in err, 'the later file should be reported\n' + describe(rc, out, err))
    expect('name-missing' not in out, 'the later file must not be validated\n' + describe(rc, out, err))

    rc, out, err = run(tmp, 'validate', 'dup.waymark.json', 'clean.waymark.json')
    expect(rc == 2, 'exit 2 expected (reversed)\n' + describe(rc, out, err))
    expect('clean.waymark.json' in err, 'the later file should be reported\n' + describe(rc, out, err))
    expect(find_line(lines_of(out), r'dup\.waymark\.json: (.*: )?error name-missing: \S.*'),
           'the earlier file is still validated\n' + describe(rc, out, err))


@check
def validate_exit_2_wins_over_errors_and_1_over_warnings(tmp):
    rc, out, err = run(tmp, 'validate', 'warn.waymark.json', 'errors.waymark.json')
    expect(rc == 1, 'warnings and errors: exit 1 expected\n' + describe(rc, out, err))
    rc, out, err = run(tmp, 'validate', 'errors.waymark.json', 'bad-json.waymark.json')
    expect(rc == 2, 'errors and an unloadable file: exit 2 expected\n' + describe(rc, out, err))


@check
def validate_without_files_is_a_usage_error(tmp):
    rc, out, err = run(tmp, 'validate')
    expect(rc == 2, 'exit 2 expected\n' + describe(rc, out, err))


@check
def validate_catalog_makes_unknown_milestones_errors(tmp):
    rc, out, err = run(tmp, 'validate', 'milestones.waymark.json')
    expect(rc == 0, 'without a catalog milestone ids are not checked: exit 0 expected\n' + describe(rc, out, err))
    expect('unknown-reference' not in out, 'no unknown-reference expected\n' + describe(rc, out, err))

    rc, out, err = run(tmp, 'validate', 'milestones.waymark.json', '--catalog', 'catalog.json')
    lines = lines_of(out)
    expect(rc == 1, 'with the catalog: exit 1 expected\n' + describe(rc, out, err))
    expect(find_line(lines, r'milestones\.waymark\.json: v1: m1: milestone: error unknown-reference: \S.*'),
           'm-unknown should be reported\n' + describe(rc, out, err))
    expect(not [line for line in lines if ': m2: ' in line], 'm-known is in the catalog\n' + describe(rc, out, err))


@check
def validate_a_missing_catalog_exits_2(tmp):
    rc, out, err = run(tmp, 'validate', 'clean.waymark.json', '--catalog', 'no-such-catalog.json')
    expect(rc == 2, 'exit 2 expected\n' + describe(rc, out, err))
    rc, out, err = run(tmp, 'validate', 'clean.waymark.json', '--catalog', 'clean.waymark.json')
    expect(rc == 2, 'a flow given as the catalog: exit 2 expected\n' + describe(rc, out, err))


@check
def validate_files_given_together_are_at_hand(tmp):
    # adder transfers "score" to cli-clean, whose latest version does not
    # declare it: only seen when both files are given.
    rc, out, err = run(tmp, 'validate', 'adder.waymark.json')
    expect(rc == 0, 'alone: exit 0 expected\n' + describe(rc, out, err))
    rc, out, err = run(tmp, 'validate', 'adder.waymark.json', 'clean.waymark.json')
    expect(rc == 1, 'together: exit 1 expected\n' + describe(rc, out, err))
    expect(find_line(lines_of(out), r'adder\.waymark\.json: v1: a: transfer\S*: error unknown-variable: \S.*'),
           'unknown-variable on the transfer expected\n' + describe(rc, out, err))


@check
def validate_checks_inbound_conflicts_between_the_files(tmp):
    # Both use sms +38591000000 with JOIN / join. Only the draft conflicts:
    # the other flow's latest version must be scheduled, active or paused.
    rc, out, err = run(tmp, 'validate', 'inbound-draft.waymark.json')
    expect(rc == 0, 'alone: exit 0 expected\n' + describe(rc, out, err))
    rc, out, err = run(tmp, 'validate', 'inbound-active.waymark.json', 'inbound-draft.waymark.json')
    lines = lines_of(out)
    expect(rc == 1, 'together: exit 1 expected\n' + describe(rc, out, err))
    expect(find_line(lines, r'inbound-draft\.waymark\.json: v1: in: (\S+: )?error inbound-conflict: \S.*'),
           'inbound-conflict on the draft expected\n' + describe(rc, out, err))
    expect(not [line for line in lines if line.startswith('inbound-active.waymark.json')],
           'nothing on the active flow expected\n' + describe(rc, out, err))


# ---- fmt -----------------------------------------------------------------

@check
def fmt_leaves_a_canonical_file_untouched(tmp):
    path = os.path.join(tmp, 'clean.waymark.json')
    before = stamp(path)
    rc, out, err = run(tmp, 'fmt', 'clean.waymark.json')
    expect(rc == 0, 'exit 0 expected\n' + describe(rc, out, err))
    expect(unchanged(path, before), 'inode, mtime or bytes changed')


@check
def fmt_rewrites_to_the_canonical_form(tmp):
    path = os.path.join(tmp, 'fmt-input.waymark.json')
    rc, out, err = run(tmp, 'fmt', 'fmt-input.waymark.json')
    expect(rc == 0, 'exit 0 expected\n' + describe(rc, out, err))
    with open(path, 'rb') as f:
        got = f.read()
    with open(os.path.join(DATA, 'fmt-expected.waymark.json'), 'rb') as f:
        wanted = f.read()
    if got != wanted:
        got_lines = got.decode('utf-8', 'replace').split('\n')
        wanted_lines = wanted.decode('utf-8', 'replace').split('\n')
        for n, (a, b) in enumerate(zip(got_lines, wanted_lines), 1):
            if a != b:
                raise Failure('line %d: got %r, expected %r' % (n, a, b))
        raise Failure('lengths differ: got %d lines, expected %d' % (len(got_lines), len(wanted_lines)))
    # And a second run changes nothing.
    before = stamp(path)
    rc, out, err = run(tmp, 'fmt', 'fmt-input.waymark.json')
    expect(rc == 0 and unchanged(path, before), 'a second fmt changed the file\n' + describe(rc, out, err))


@check
def fmt_refuses_a_file_that_is_not_a_flow_and_leaves_it(tmp):
    for bad in ('not-a-flow.json', 'bad-json.waymark.json', 'unknown-key.waymark.json'):
        path = os.path.join(tmp, bad)
        before = stamp(path)
        rc, out, err = run(tmp, 'fmt', bad)
        expect(rc == 2, '%s: exit 2 expected\n%s' % (bad, describe(rc, out, err)))
        expect(unchanged(path, before), '%s: the file was changed' % bad)


@check
def fmt_leaves_absent_fields_absent(tmp):
    # The hand-written data flows are canonical although they leave out
    # optional fields (name, settings, connections...): absent stays absent.
    names = ['clean.waymark.json', 'warn.waymark.json', 'errors.waymark.json', 'dup.waymark.json',
             'milestones.waymark.json', 'adder.waymark.json', 'fmt-expected.waymark.json',
             'inbound-active.waymark.json', 'inbound-draft.waymark.json']
    befores = [(n, stamp(os.path.join(tmp, n))) for n in names]
    rc, out, err = run(tmp, 'fmt', *names)
    expect(rc == 0, 'exit 0 expected (validation errors do not matter to fmt)\n' + describe(rc, out, err))
    changed = [n for n, before in befores if not unchanged(os.path.join(tmp, n), before)]
    expect(not changed, 'fmt changed %s' % ', '.join(changed))


@check
def fmt_goes_on_after_a_file_it_cannot_load(tmp):
    # "fmt rewrites each file": one bad file does not stop the others.
    rc, out, err = run(tmp, 'fmt', 'bad-json.waymark.json', 'fmt-input.waymark.json')
    expect(rc == 2, 'exit 2 expected\n' + describe(rc, out, err))
    with open(os.path.join(tmp, 'fmt-input.waymark.json'), 'rb') as f:
        got = f.read()
    with open(os.path.join(DATA, 'fmt-expected.waymark.json'), 'rb') as f:
        expect(got == f.read(), 'the loadable file was not rewritten')


@check
def fmt_without_files_is_a_usage_error(tmp):
    rc, out, err = run(tmp, 'fmt')
    expect(rc == 2, 'exit 2 expected\n' + describe(rc, out, err))


@check
def fmt_changes_no_conformance_flow(tmp):
    paths = sorted(glob.glob(os.path.join(SHARED, 'conformance', '*', '*.waymark.json')))
    expect(len(paths) > 20, 'conformance flows expected under %s' % SHARED)
    copies = []
    for n, source in enumerate(paths):
        copy = os.path.join(tmp, '%02d-%s' % (n, os.path.basename(source)))
        shutil.copy(source, copy)
        copies.append((copy, stamp(copy)))
    rc, out, err = run(tmp, 'fmt', *[c for c, _ in copies])
    expect(rc == 0, 'exit 0 expected\n' + describe(rc, out, err))
    changed = [os.path.basename(c) for c, before in copies if not unchanged(c, before)]
    expect(not changed, 'fmt changed %s' % ', '.join(changed))


def main():
    print('1..%d' % len(checks))
    failed = 0
    for n, func in enumerate(checks, 1):
        name = func.__name__.replace('_', '-')
        tmp = workdir()
        try:
            func(tmp)
            print('ok %d - %s' % (n, name))
        except Failure as e:
            failed += 1
            print('not ok %d - %s' % (n, name))
            for line in str(e).split('\n'):
                print('# ' + line)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
