#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# waymark-cli workspace, as a TAP test: the real executable on workspaces in
# fresh temporary folders. Expected outputs come from the issue (refusals
# exit 1 with the reason, bad usage or an unusable file 2) and the
# lifecycle of flow-format.md.
#
# Usage: test-cli-workspace.py CLI

import datetime
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])

checks = []


def check(func):
    checks.append(func)
    return func


class Failure(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise Failure(what)


def run(tmp, *args):
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    proc = subprocess.run([CLI, 'workspace'] + list(args), cwd=tmp, capture_output=True, env=env)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


def ok(tmp, *args):
    rc, out, err = run(tmp, *args)
    expect(rc == 0, '%s: exit %d: %s' % (' '.join(args), rc, err))
    return out


def refused(tmp, code, *args):
    rc, out, err = run(tmp, *args)
    expect(rc == code, '%s: expected exit %d, got %d (%s)' % (' '.join(args), code, rc, err))
    expect(err.startswith('waymark-cli workspace: '), 'no reason given: %r' % err)
    return err


def ws(tmp):
    return ['--workspace', os.path.join(tmp, 'w.db')]


@check
def new_file_is_empty_and_private(tmp):
    expect(ok(tmp, *ws(tmp), 'list') == '', 'a new workspace lists no flows')
    mode = stat.S_IMODE(os.stat(os.path.join(tmp, 'w.db')).st_mode)
    expect(mode == 0o600, 'mode %o' % mode)


@check
def lifecycle_through_the_command_line(tmp):
    w = ws(tmp)
    expect(ok(tmp, *w, 'templates', 'instantiate', 'cart-abandonment') == 'cart-abandonment\n', 'instantiate')
    expect(ok(tmp, *w, 'list') == 'cart-abandonment\tdraft\tv1\tCart abandonment\n', 'list after instantiate')
    expect(ok(tmp, *w, 'launch', 'cart-abandonment') == 'Version 1 is active.\n', 'launch')
    err = refused(tmp, 1, *w, 'launch', 'cart-abandonment')
    expect('has no draft to launch: its latest version 1 is active' in err, err)
    expect(ok(tmp, *w, 'new-version', 'cart-abandonment') == 'Version 2 is a new draft.\n', 'new-version')
    ok(tmp, *w, 'launch', 'cart-abandonment')
    show = ok(tmp, *w, 'show', 'cart-abandonment')
    expect('\nv1\tfinishing\t' in show and '\nv2\tactive\t' in show, show)
    ok(tmp, *w, 'pause', 'cart-abandonment')
    expect(ok(tmp, *w, 'list') == 'cart-abandonment\tpaused\tv2\tCart abandonment\n', 'paused')
    ok(tmp, *w, 'resume', 'cart-abandonment')
    ok(tmp, *w, 'finish', 'cart-abandonment', '--version', '1')
    ok(tmp, *w, 'stop', 'cart-abandonment')
    show = ok(tmp, *w, 'show', 'cart-abandonment')
    expect('\nv1\tfinished\t' in show and '\nv2\tstopped\t' in show, show)
    err = refused(tmp, 1, *w, 'delete', 'cart-abandonment')
    expect('cannot be deleted' in err, err)
    expect(ok(tmp, *w, 'duplicate', 'cart-abandonment') == 'Duplicated as “copy-of-cart-abandonment”.\n', 'dup')
    ok(tmp, *w, 'delete', 'copy-of-cart-abandonment')
    expect('copy-of' not in ok(tmp, *w, 'list'), 'deleted')
    err = refused(tmp, 1, *w, 'pause', 'no-such-flow')
    expect('There is no flow “no-such-flow”' in err, err)


@check
def scheduled_launch_and_cancel(tmp):
    w = ws(tmp)
    ok(tmp, *w, 'templates', 'instantiate', 'welcome-message', '--name', 'Hello')
    expect(ok(tmp, *w, 'launch', 'hello', '--at', '2999-01-01T09:00:00Z') == 'Version 1 is scheduled.\n', 'at')
    refused(tmp, 1, *w, 'pause', 'hello')
    ok(tmp, *w, 'cancel', 'hello')
    expect(ok(tmp, *w, 'list') == 'hello\tcanceled\tv1\tHello\n', 'canceled')
    refused(tmp, 2, *w, 'launch', 'hello', '--at', 'tomorrow')


@check
def export_import_round_trip(tmp):
    w = ws(tmp)
    ok(tmp, *w, 'templates', 'instantiate', 'appointment-reminder')
    first = os.path.join(tmp, 'first.waymark.json')
    second = os.path.join(tmp, 'second.waymark.json')
    ok(tmp, *w, 'export', 'appointment-reminder', first)
    out = ok(tmp, *w, 'import', first)
    expect(out == 'The flow id was already taken: imported as “appointment-reminder-2”.\n', out)
    ok(tmp, *w, 'export', 'appointment-reminder-2', second)
    a = open(first, 'rb').read()
    b = open(second, 'rb').read().replace(b'"id": "appointment-reminder-2"', b'"id": "appointment-reminder"', 1)
    expect(a == b, 'the re-exported flow differs')
    # Into another workspace: the same bytes, same id.
    other = ['--workspace', os.path.join(tmp, 'other.db')]
    expect(ok(tmp, *other, 'import', first) == 'Imported as “appointment-reminder”.\n', 'import')
    ok(tmp, *other, 'export', 'appointment-reminder', second)
    expect(open(second, 'rb').read() == a, 'not byte-identical')
    with open(os.path.join(tmp, 'bad.json'), 'w') as f:
        f.write('{"format": "something else"}')
    refused(tmp, 2, *w, 'import', os.path.join(tmp, 'bad.json'))


@check
def milestones_and_outcomes(tmp):
    w = ws(tmp)
    expect(ok(tmp, *w, 'milestones', 'add', 'Big spender', '--description', 'Over 500') == 'big-spender\n', 'add')
    err = refused(tmp, 1, *w, 'milestones', 'add', 'BIG SPENDER')
    expect('exists already' in err, err)
    ok(tmp, *w, 'milestones', 'rename', 'big-spender', 'Huge spender')
    expect(ok(tmp, *w, 'milestones', 'list') == 'big-spender\tHuge spender\tOver 500\n', 'list')
    ok(tmp, *w, 'templates', 'instantiate', 'cart-abandonment')
    ok(tmp, *w, 'launch', 'cart-abandonment')
    err = refused(tmp, 1, *w, 'milestones', 'delete', 'cart-reminded')
    expect(err.endswith('launched versions of these flows use it: “Cart abandonment”\n'), err)
    ok(tmp, *w, 'milestones', 'delete', 'big-spender')
    ok(tmp, *w, 'outcomes', 'add', 'Won back')
    ok(tmp, *w, 'outcomes', 'rename', 'won-back', 'Recovered')
    # Outcomes are never deleted: a refusal that says so.
    err = refused(tmp, 1, *w, 'outcomes', 'delete', 'won-back')
    expect('Outcomes cannot be deleted' in err, err)


@check
def default_workspace_has_the_sample(tmp):
    out = ok(tmp, 'list')
    expect(out == 'appointment-reminder\tscheduled\tv1\tAppointment reminder\n'
                  'cart-abandonment\tactive\tv2\tCart abandonment\n'
                  'welcome-message\tdraft\tv1\tWelcome message\n', out)
    profiles = os.path.join(tmp, 'data', 'waymark', 'workspace-profiles.jsonl')
    # The sample events lie in the 30 days before the workspace was made.
    now = datetime.datetime.now(datetime.timezone.utc)
    start = (now - datetime.timedelta(days=40)).strftime('%Y-%m-%dT00:00:00Z')
    end = (now + datetime.timedelta(days=1)).strftime('%Y-%m-%dT00:00:00Z')
    expect(stat.S_IMODE(os.stat(profiles).st_mode) == 0o600, 'profile file mode')
    expect(sum(1 for _ in open(profiles, encoding='utf-8')) == 2000, '2000 profiles')
    templates = ok(tmp, 'templates', 'list').splitlines()
    expect([t.split('\t')[0] for t in templates] == ['welcome-message', 'appointment-reminder', 'cart-abandonment'],
           templates)


@check
def two_first_starts_at_once_make_one_sample(tmp):
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    procs = [subprocess.Popen([CLI, 'workspace', 'list'], cwd=tmp, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(3)]
    for p in procs:
        out, err = p.communicate()
        expect(p.returncode == 0, err.decode())
    flows = ok(tmp, 'list').splitlines()
    expect(len(flows) == 3, flows)


@check
def other_files_are_refused_untouched(tmp):
    path = os.path.join(tmp, 'notes.txt')
    with open(path, 'w') as f:
        f.write('Not a database. ' * 20)
    before = hashlib.sha256(open(path, 'rb').read()).hexdigest()
    err = refused(tmp, 2, '--workspace', path, 'list')
    expect('is not a Waymark workspace' in err, err)
    expect(hashlib.sha256(open(path, 'rb').read()).hexdigest() == before, 'the file changed')
    refused(tmp, 2, *ws(tmp), 'frobnicate')


def cli(tmp, *args):
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    proc = subprocess.run([CLI] + list(args), cwd=tmp, capture_output=True, env=env)
    return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8', 'replace')


@check
def sample_journey_exports_validates_and_simulates(tmp):
    # The default workspace's onboarding journey (wm-sample.c): four stages,
    # the welcome flow grouped under Welcomed, the cart flow under First
    # purchase.
    expect(ok(tmp, 'journeys', 'list') == 'onboarding\t4\tNew customer onboarding\n', 'journeys list')
    show = ok(tmp, 'journeys', 'show', 'onboarding')
    expect('\nwelcomed\twelcome-message\n' in show and '\nfirst-purchase\tcart-abandonment\n' in show, show)
    expect(' error ' not in show and ' warning ' not in show, 'diagnostics: ' + show)
    show = ok(tmp, 'show', 'welcome-message')
    expect('\nGrouped under: onboarding\twelcomed\n' in show, show)
    expect('Grouped under' not in ok(tmp, 'show', 'appointment-reminder'), 'appointment flow is not grouped')
    journey = os.path.join(tmp, 'onboarding.waymark-journey.json')
    ok(tmp, 'journeys', 'export', 'onboarding', journey)
    expect(ok(tmp, 'journeys', 'export', 'onboarding', '-') == open(journey).read(), 'export to stdout')
    for flow in ('welcome-message', 'cart-abandonment'):
        ok(tmp, 'export', flow, os.path.join(tmp, flow + '.waymark.json'))
    rc, out, err = cli(tmp, 'validate', journey)
    expect(rc == 0 and out == '', 'validate: %d %s %s' % (rc, out, err))

    profiles = os.path.join(tmp, 'data', 'waymark', 'workspace-profiles.jsonl')
    # The sample events lie in the 30 days before the workspace was made.
    now = datetime.datetime.now(datetime.timezone.utc)
    start = (now - datetime.timedelta(days=40)).strftime('%Y-%m-%dT00:00:00Z')
    end = (now + datetime.timedelta(days=1)).strftime('%Y-%m-%dT00:00:00Z')
    reports = []
    for threads in ('1', '2'):
        report = os.path.join(tmp, 'report-%s.json' % threads)
        rc, out, err = cli(tmp, 'simulate', '--profiles', profiles,
                           '--flow', os.path.join(tmp, 'welcome-message.waymark.json'),
                           '--flow', os.path.join(tmp, 'cart-abandonment.waymark.json'),
                           '--try', 'welcome-message:1', '--journey', journey,
                           '--start', start, '--end', end,
                           '--threads', threads, '--report', report)
        expect(rc == 0, 'simulate --threads %s: %d %s' % (threads, rc, err))
        reports.append(open(report, 'rb').read())
    expect(reports[0] == reports[1], 'the report depends on the thread count')
    stages = json.loads(reports[0])['journeys']['onboarding']['stages']
    expect(sorted(stages) == ['first-purchase', 'loyal', 'registered', 'welcomed'], sorted(stages))
    # Every profile with an e-mail begins the journey and Registered; signing
    # up begins Welcomed and First purchase together, for the same people.
    registered = stages['registered']
    expect(registered['began'] > 0 and registered['completed'] > 0, registered)
    for stage in ('welcomed', 'first-purchase'):
        expect(stages[stage]['triggered'] == registered['completed'], (stage, stages[stage]))
        expect(stages[stage]['began'] == registered['completed'], (stage, stages[stage]))
    expect(stages['welcomed']['completed'] > 0, stages['welcomed'])
    expect(stages['welcomed']['steps']['welcome-done'] == stages['welcomed']['completed'], stages['welcomed'])
    expect(stages['first-purchase']['steps']['bought'] == stages['first-purchase']['completed'],
           stages['first-purchase'])


@check
def journey_files_round_trip_and_guard_their_flows(tmp):
    sample = ['--workspace', os.path.join(tmp, 'sample.db')]
    journey = os.path.join(tmp, 'onboarding.waymark-journey.json')
    ok(tmp, 'journeys', 'export', 'onboarding', journey)
    w = ws(tmp)
    # A workspace without the grouped flows refuses, naming stage and flow.
    err = refused(tmp, 1, *w, 'journeys', 'import', journey)
    expect('“welcomed”' in err and '“welcome-message”' in err, err)
    expect(ok(tmp, *w, 'journeys', 'list') == '', 'nothing was stored')
    ok(tmp, *w, 'templates', 'instantiate', 'welcome-message')
    ok(tmp, *w, 'templates', 'instantiate', 'cart-abandonment')
    expect(ok(tmp, *w, 'journeys', 'import', journey) == 'Imported as “onboarding”.\n', 'import')
    copy = os.path.join(tmp, 'copy.json')
    ok(tmp, *w, 'journeys', 'export', 'onboarding', copy)
    expect(open(copy, 'rb').read() == open(journey, 'rb').read(), 'export of an import differs')
    out = ok(tmp, *w, 'journeys', 'import', journey)
    expect(out == 'The journey id was already taken: imported as “onboarding-2”.\n', out)
    # A grouped flow cannot be deleted while a stage lists it.
    err = refused(tmp, 1, *w, 'delete', 'welcome-message')
    expect('“New customer onboarding”' in err and '“Welcomed”' in err, err)
    ok(tmp, *w, 'journeys', 'delete', 'onboarding')
    ok(tmp, *w, 'journeys', 'delete', 'onboarding-2')
    ok(tmp, *w, 'delete', 'welcome-message')
    err = refused(tmp, 1, *w, 'journeys', 'delete', 'onboarding')
    expect('no journey “onboarding”' in err, err)
    # Not a journey file: bad input, exit 2.
    err = refused(tmp, 2, *w, 'journeys', 'import', os.path.join(tmp, 'copy.json') + '.missing')
    with open(os.path.join(tmp, 'flow.json'), 'w') as f:
        f.write('{"format": "waymark.flow", "format_version": 1}')
    err = refused(tmp, 2, *w, 'journeys', 'import', os.path.join(tmp, 'flow.json'))
    expect("expected 'waymark.journey'" in err, err)
    # Create and duplicate print the new ids.
    expect(ok(tmp, *sample, 'journeys', 'create', 'Win back') == 'win-back\n', 'create')
    expect(ok(tmp, *sample, 'journeys', 'duplicate', 'win-back') == 'copy-of-win-back\n', 'duplicate')
    refused(tmp, 2, *w, 'journeys', 'frobnicate')


@check
def results_made_elsewhere_are_imported_as_runs(tmp):
    # Issue #11: the sample's cart flow simulated outside the workspace,
    # split in 3 parts, each part simulated with --partial (as on a cluster),
    # then the partials imported as one run; a merged report likewise. Both
    # keep where they came from, and export the very report `merge` writes.
    flow = os.path.join(tmp, 'cart.waymark.json')
    ok(tmp, 'export', 'cart-abandonment', flow)
    profiles = os.path.join(tmp, 'data', 'waymark', 'workspace-profiles.jsonl')
    now = datetime.datetime.now(datetime.timezone.utc)
    start = (now - datetime.timedelta(days=40)).strftime('%Y-%m-%dT00:00:00Z')
    end = (now + datetime.timedelta(days=1)).strftime('%Y-%m-%dT00:00:00Z')
    parts = os.path.join(tmp, 'parts')
    os.mkdir(parts)
    rc, out, err = cli(tmp, 'split', '--profiles', profiles, '--parts', '3', '--out', parts)
    expect(rc == 0, 'split: %s' % err)
    partials = []
    for name in sorted(os.listdir(parts)):
        partial = os.path.join(parts, name + '.partial')
        rc, out, err = cli(tmp, 'simulate', '--flow', flow, '--profiles', os.path.join(parts, name),
                           '--start', start, '--end', end, '--seed', '9',
                           '--partial', partial, '--report', '/dev/null')
        expect(rc == 0, 'simulate %s: %s' % (name, err))
        partials.append(partial)
    merged = os.path.join(tmp, 'merged.json')
    rc, out, err = cli(tmp, 'merge', *partials, '--report', merged)
    expect(rc == 0, 'merge: %s' % err)

    out = ok(tmp, 'runs', 'import', *partials)
    expect(out.startswith('Imported as run '), out)
    run_id = out.split()[3].rstrip('.')
    listed = ok(tmp, 'runs', 'list').splitlines()
    expect(len(listed) == 1 and 'Imported from 3 partial results' in listed[0], listed)
    exported = os.path.join(tmp, 'exported.json')
    ok(tmp, 'runs', 'export', run_id, exported)
    expect(open(exported, 'rb').read() == open(merged, 'rb').read(), 'the stored report is merge\'s')

    out = ok(tmp, 'runs', 'import', merged)
    listed = ok(tmp, 'runs', 'list').splitlines()
    expect(len(listed) == 2 and 'Imported from the report' in listed[0], listed)

    # Bad input: a report with other files, a file of another kind.
    refused(tmp, 2, 'runs', 'import', merged, partials[0])
    refused(tmp, 2, 'runs', 'import', flow)
    # Results for a version that changed since: refused, nothing stored.
    with open(flow, encoding='utf-8') as f:
        doc = json.load(f)
    for element in doc['versions'][-1]['elements']:
        if element['type'] == 'send.sms':
            element['config']['text'] = 'Something else entirely'
            break
    else:
        raise Failure('the cart flow has no SMS to change')
    changed = os.path.join(tmp, 'changed.waymark.json')
    with open(changed, 'w', encoding='utf-8') as f:
        json.dump(doc, f)
    other = ['--workspace', os.path.join(tmp, 'other.db')]
    ok(tmp, *other, 'import', changed)
    err = refused(tmp, 1, *other, 'runs', 'import', *partials)
    expect('has changed since' in err, err)
    expect(ok(tmp, *other, 'runs', 'list') == '', 'nothing was stored')
    ok(tmp, 'runs', 'delete', run_id)
    expect(len(ok(tmp, 'runs', 'list').splitlines()) == 1, 'deleted')


def main():
    print('1..%d' % len(checks))
    failed = 0
    for i, func in enumerate(checks, 1):
        tmp = tempfile.mkdtemp(prefix='waymark-ws-test-')
        try:
            func(tmp)
            print('ok %d %s' % (i, func.__name__))
        except Failure as e:
            failed += 1
            print('not ok %d %s' % (i, func.__name__))
            for line in str(e).splitlines():
                print('# ' + line)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
