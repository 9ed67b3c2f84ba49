#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the malformed-input corpus of tests/data/bad/ and its MANIFEST.

Each case is a file broken in one way, with the exit code and a piece of the
message the real waymark-cli must give for it (derived from the spec:
flow-format.md Loading and Validation, journeys.md, simulation.md Profiles,
CSV and Run parameters, expressions.md). Run it again after adding a case;
run-bad.py checks them all. Files bigger than a few kilobytes (lines over
64 MiB, documents over the size limit) are not kept in git: the MANIFEST names
them with a "gen:" recipe that run-bad.py carries out in a temporary folder.

Usage: make-bad.py   (from any folder; writes next to itself)
"""

import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, '..', '..', '..', '..', 'shared')
CORPUS = os.path.join(HERE, '..', '..', 'fuzz', 'corpus')

BASE_FLOW = json.load(open(os.path.join(CORPUS, 'flow', '01-sms-texts-sms-cart.waymark.json')))
BASE_JOURNEY = json.load(open(os.path.join(CORPUS, 'journey', '22-journey-gating-trial.waymark-journey.json')))

cases = []  # (reader, name, bytes or None, exit, message, recipe)


def add(reader, name, data, code, message, recipe=None):
    if isinstance(data, str):
        data = data.encode('utf-8')
    cases.append((reader, name, data, code, message, recipe))


def flow_text(mutate=None):
    d = json.loads(json.dumps(BASE_FLOW))
    if mutate:
        mutate(d)
    return json.dumps(d, ensure_ascii=False, indent=1)


def element(d, eid):
    return next(e for e in d['versions'][0]['elements'] if e['id'] == eid)


def set_config(eid, key, value):
    def m(d):
        element(d, eid)['config'][key] = value
    return m


good = flow_text()

# --- flow: the JSON reader and the flow loader (validate exits 2) ---------
add('flow', 'empty.waymark.json', b'', 2, 'line 1, column 1')
add('flow', 'truncated.waymark.json', good[:len(good) // 2], 2, 'line ')
add('flow', 'only-bom.waymark.json', b'\xef\xbb\xbf', 2, 'line 1, column 1')
add('flow', 'two-boms.waymark.json', b'\xef\xbb\xbf\xef\xbb\xbf' + good.encode(), 2, 'line 1, column 1')
add('flow', 'bom-inside.waymark.json', good.replace('"format"', '\ufeff"format"', 1), 2, 'line 2')
add('flow', 'nul-byte.waymark.json', good.encode().replace(b'"name"', b'"na\x00me"', 1), 2, 'line ')
add('flow', 'escaped-nul.waymark.json', good.replace('"Shop"', '"Sh\\u0000op"', 1), 2, '\\u0000')
add('flow', 'invalid-utf8.waymark.json', good.encode().replace(b'"Shop"', b'"Sh\xc3\x28op"', 1), 2, 'UTF-8')
add('flow', 'overlong-utf8.waymark.json', good.encode().replace(b'"Shop"', b'"Sh\xc0\xafop"', 1), 2, 'UTF-8')
add('flow', 'lone-surrogate.waymark.json', good.replace('"Shop"', '"\\ud83d"', 1), 2, 'surrogate')
add('flow', 'duplicate-key.waymark.json', good.replace('"format": "waymark.flow",', '"format": "waymark.flow", "format": "waymark.flow",', 1), 2, "duplicate key 'format'")
add('flow', 'huge-number.waymark.json', good.replace('"format_version": 1', '"format_version": 1e400', 1), 2, 'line 3')
add('flow', 'deep-nesting.waymark.json', '{"x-deep": ' + '[' * 70 + ']' * 70 + ', ' + good.lstrip()[1:], 2, 'line 1')
add('flow', 'wrong-format.waymark.json', good.replace('"waymark.flow"', '"waymark.flows"', 1), 2, 'format')
add('flow', 'format-version-2.waymark.json', good.replace('"format_version": 1', '"format_version": 2', 1), 2, 'format_version')
add('flow', 'versions-not-array.waymark.json', flow_text(lambda d: d.update(versions={})), 2, 'versions')
add('flow', 'no-versions.waymark.json', flow_text(lambda d: d.update(versions=[])), 2, 'versions')
add('flow', 'unknown-key.waymark.json', flow_text(lambda d: d.update(colour='red')), 2, "unknown key 'colour'")
add('flow', 'unknown-element-type.waymark.json', flow_text(lambda d: element(d, 'w1').update(type='wait.forever')), 2, 'wait.forever')
add('flow', 'element-id-number.waymark.json', flow_text(lambda d: element(d, 'w1').update(id=7)), 2, 'id')
add('flow', 'array-document.waymark.json', '[' + good + ']', 2, 'object')
add('flow', 'crlf-and-trailing-garbage.waymark.json', good.replace('\n', '\r\n') + '\r\n}', 2, 'line ')
add('flow', 'string-number.waymark.json', good.replace('"format_version": 1', '"format_version": "1"', 1), 2, 'format_version')
add('flow', 'too-large.waymark.json', None, 2, 'MiB', 'flow-too-large')
# Loads (CRLF is white space) but validates with errors: exit 1.
add('flow', 'crlf-wrong-types.waymark.json',
    flow_text(lambda d: element(d, 'w1').update(config={'duration': 30})).replace('\n', '\r\n'),
    1, 'error field-invalid')

# --- journey: the journey loader (validate exits 2, or 1 on validation) ---


def journey_text(mutate=None):
    d = json.loads(json.dumps(BASE_JOURNEY))
    if mutate:
        mutate(d)
    return json.dumps(d, ensure_ascii=False, indent=1)


jgood = journey_text()
add('journey', 'truncated.waymark-journey.json', jgood[:len(jgood) * 2 // 3], 2, 'line ')
add('journey', 'empty.waymark-journey.json', b'', 2, 'line 1, column 1')
add('journey', 'nul-byte.waymark-journey.json', jgood.encode().replace(b'"Trial"', b'"Tr\x00ial"', 1), 2, 'line ')
add('journey', 'invalid-utf8.waymark-journey.json', jgood.encode().replace(b'"Trial"', b'"Tr\xff"', 1), 2, 'UTF-8')
add('journey', 'lone-surrogate.waymark-journey.json', jgood.replace('"Trial"', '"\\udc00"', 1), 2, 'surrogate')
add('journey', 'duplicate-key.waymark-journey.json', jgood.replace('"id": "trial",', '"id": "trial", "id": "trial2",', 1), 2, "duplicate key 'id'")
add('journey', 'deep-nesting.waymark-journey.json', '{"x-deep": ' + '{"a":' * 70 + '1' + '}' * 70 + ', ' + jgood.lstrip()[1:], 2, 'line 1')
add('journey', 'huge-number.waymark-journey.json', jgood.replace('"format_version": 1', '"format_version": 1e999', 1), 2, 'line 3')
add('journey', 'format-version-2.waymark-journey.json', jgood.replace('"format_version": 1', '"format_version": 2', 1), 2, 'format_version')
add('journey', 'unknown-key.waymark-journey.json', journey_text(lambda d: d.update(colour='red')), 2, "unknown key 'colour'")
add('journey', 'unknown-step-key.waymark-journey.json', journey_text(lambda d: d['stages'][0]['steps'][0].update(colour='x')), 2, "stages[0].steps[0]: unknown key 'colour'")
add('journey', 'stages-object.waymark-journey.json', journey_text(lambda d: d.update(stages={})), 2, 'stages')
add('journey', 'stage-not-object.waymark-journey.json', journey_text(lambda d: d.update(stages=[1])), 2, 'stages[0]')
add('journey', 'array-document.waymark-journey.json', '[' + jgood + ']', 2, 'object')
add('journey', 'bom-twice.waymark-journey.json', b'\xef\xbb\xbf\xef\xbb\xbf' + jgood.encode(), 2, 'line 1, column 1')
add('journey', 'crlf-trailing-comma.waymark-journey.json', jgood.replace('\n', '\r\n').replace('"Trial",', '"Trial",,', 1), 2, 'line ')
add('journey', 'string-number.waymark-journey.json', jgood.replace('"format_version": 1', '"format_version": "1"', 1), 2, 'format_version')
add('journey', 'id-number.waymark-journey.json', journey_text(lambda d: d.update(id=12)), 2, 'id')
# Load, then fail validation: exit 1.
add('journey', 'bad-where.waymark-journey.json', journey_text(lambda d: d['begins'].update(where='profile.plan == ')), 1, 'error expression-syntax')
add('journey', 'sixty-stages.waymark-journey.json',
    journey_text(lambda d: d.update(stages=[dict(d['stages'][0], id='s%d' % i) for i in range(60)])), 1, 'error limit-exceeded')
add('journey', 'bad-duration.waymark-journey.json', journey_text(lambda d: d['stages'][0].update(duration='14 days')), 1, 'error field-invalid')

# --- expr: expressions in a flow (validate exits 1, expression-syntax) ----
exprs = [
    ('unclosed-paren', '(event.cart_value > 0', 'column 22'),
    ('unknown-function', 'sqrt(event.cart_value) > 0', 'column 1'),
    ('too-many-args', 'lower(event.x, event.y) == "a"', 'column 14'),
    ('too-few-args', 'contains(event.x) == true', 'column 17'),
    ('bad-escape', "event.x == 'a\\q'", 'column 15'),
    ('unterminated-string', "event.x == 'abc", 'column 12'),
    ('missing-operand', 'event.cart_value >', 'column 19'),
    ('bare-root', 'profile > 1', 'column'),
    ('double-operator', '1 + * 2', 'column 5'),
    ('chained-compare', '1 < 2 < 3', 'column 7'),
    ('nesting-257', '(' * 257 + '1' + ')' * 257, 'column 257'),
    ('minus-257', '-' * 257 + '1', 'column 257'),
    ('not-257', 'not ' * 257 + 'true', 'column 1025'),
    ('nul-escape', 'event.x == "\\u0000"', 'column'),
    ('trailing-dot', 'profile.address. == 1', 'column'),
    ('number-dot', '1. + 2', 'column'),
    ('unknown-root', 'customer.name == 1', 'column 1'),
    ('assignment', 'event.x = 1', 'column 9'),
    ('empty', ' ', 'column 2'),
    ('non-ascii-name', 'profile.ime\u017e == 1', 'column'),
    ('only-comma', ',', 'column 1'),
    ('long-line', '1 + ' * 25000 + ')', 'column 100001'),
]
# The message must hold "column N" (or, where the column is not pinned
# down here, the code).
for name, text, column in exprs:
    add('expr', name + '.waymark.json', flow_text(set_config('e1', 'where', text)), 1,
        column if column != 'column' else 'error expression-syntax')

# --- template: {{ }} in an SMS text (validate exits 1) --------------------
templates = [
    ('unclosed', 'Hi {{ profile.first_name', 'column 4'),
    ('unclosed-at-end', 'Hi {{', 'column 4'),
    ('empty-placeholder', 'Hi {{ }}', 'column 7'),
    ('bad-expression', 'Hi {{ profile. }}', 'column'),
    ('nested', 'Hi {{ {{ profile.x }} }}', 'column 7'),
    ('unclosed-string', "Hi {{ 'abc }}", 'column 7'),
    ('unknown-function', 'Hi {{ shout(profile.x) }}', 'column 7'),
    ('too-deep', '{{ ' + '(' * 257 + '1' + ')' * 257 + ' }}', 'column 260'),
    ('second-unclosed', '{{ 1 }} and {{ 2', 'column 13'),
    ('single-braces-then-open', '{ } {{', 'column 5'),
    ('bad-escape', "{{ 'a\\x' }}", 'column 7'),
    ('operator-only', '{{ + }}', 'column 4'),
    ('unknown-root', '{{ user.name }}', 'column 4'),
    ('comma', '{{ 1, 2 }}', 'column 5'),
    ('trailing-operator', 'Total: {{ 1 + }}', 'column 15'),
    ('emoji-then-unclosed', '\U0001F600 {{', 'column 3'),
    ('crlf-unclosed', 'line\r\n{{ profile.x', 'column 7'),
    ('long-text-unclosed', 'x' * 100000 + '{{', 'column 100001'),
    ('many-placeholders-one-bad', '{{ 1 }}' * 1000 + '{{ ( }}', 'column'),
    ('bare-flow', '{{ flow }}', 'column'),
]
for name, text, column in templates:
    add('template', name + '.waymark.json', flow_text(set_config('s_a', 'text', text)), 1,
        column if column != 'column' else 'expression-syntax')

# --- profile: JSON Lines (simulate exits 0, reports "line N: REASON") -----
P = 'profiles.jsonl'
ok_line = '{"id":"ok","attributes":{"phone":"+385911234567"}}'
profiles = [
    ('not-json', 'hello', 'line 1: bad JSON'),
    ('truncated', '{"id":"a","attributes":{"phone":"+3859', 'line 1: bad JSON'),
    ('array', '[{"id":"a"}]', 'line 1: not an object'),
    ('missing-id', '{"attributes":{}}', 'line 1: missing id'),
    ('id-number', '{"id":17}', 'line 1: id must be a string'),
    ('id-empty', '{"id":""}', 'line 1: id must not be empty'),
    ('id-too-long', '{"id":"' + 'x' * 129 + '"}', 'line 1: id longer than 128 bytes'),
    ('duplicate-id', ok_line + '\n' + ok_line, 'line 2: duplicate id'),
    ('duplicate-key', '{"id":"a","id":"b"}', 'line 1: bad JSON'),
    ('attributes-array', '{"id":"a","attributes":[]}', 'line 1: attributes must be an object'),
    ('events-object', '{"id":"a","events":{}}', 'line 1: events must be an array'),
    ('event-not-object', '{"id":"a","events":[1]}', 'line 1: events[0] must be an object'),
    ('event-empty-name', '{"id":"a","events":[{"name":"","at":"2026-01-01T00:00:00Z"}]}', 'line 1: events[0].name must be a non-empty string'),
    ('event-at-number', '{"id":"a","events":[{"name":"x","at":5}]}', 'line 1: events[0].at must be a timestamp'),
    ('event-space-timestamp', '{"id":"a","events":[{"name":"x","at":"2026-01-01 00:00:00Z"}]}', 'line 1: bad timestamp in events[0].at'),
    ('event-leap-second', '{"id":"a","events":[{"name":"x","at":"2026-06-30T23:59:60Z"}]}', 'line 1: bad timestamp in events[0].at'),
    ('event-properties-string', '{"id":"a","events":[{"name":"x","at":"2026-01-01T00:00:00Z","properties":"p"}]}', 'line 1: events[0].properties must be an object'),
    ('huge-number', '{"id":"a","attributes":{"n":1e400}}', 'line 1: bad JSON'),
    ('nan', '{"id":"a","attributes":{"n":NaN}}', 'line 1: bad JSON'),
    ('deep-nesting', '{"id":"a","attributes":' + '[' * 64 + ']' * 64 + '}', 'line 1: bad JSON'),
    ('lone-surrogate', '{"id":"\\ud800"}', 'line 1: bad JSON'),
    ('escaped-nul', '{"id":"a\\u0000"}', 'line 1: bad JSON'),
]
for name, text, msg in profiles:
    add('profile', name + '.jsonl', text + '\n', 0, msg)
add('profile', 'nul-byte.jsonl', b'{"id":"a\x00"}\n', 0, 'line 1: bad JSON')
add('profile', 'invalid-utf8.jsonl', b'{"id":"a\xff"}\n', 0, 'line 1: bad JSON')
add('profile', 'bom-on-second-line.jsonl', (ok_line + '\n\ufeff{"id":"b"}\n').encode(), 0, 'line 2: bad JSON')
add('profile', 'crlf-then-bad.jsonl', (ok_line + '\r\n\r\n{"id":5}\r\n').encode(), 0, 'line 3: id must be a string')
add('profile', 'long-line.jsonl', None, 0, 'line 1: bad JSON', 'profile-long-line')

# --- csv: profiles as CSV (import exits 0 with rejected rows, 2 refused) --
H = 'id,phone,email\n'
csvs = [
    ('empty', b'', 2, 'no header row'),
    ('no-id-column', b'name,phone\nA,+385911234567\n', 2, 'line 1: the header row has no'),
    ('duplicate-column', b'id,phone,phone\n', 2, 'appears twice'),
    ('bad-header-quote', b'id,"phone\n', 2, 'line 1: the header row is not valid CSV'),
    ('quote-inside-field', (H + 'a,+385911234567,x"y@example.com\n').encode(), 0, 'bad-csv 1'),
    ('text-after-closing-quote', (H + '"a"b,+385911234567,\n').encode(), 0, 'bad-csv 1'),
    ('open-quote-at-end', (H + 'a,+385911234567,\n"b,+385911234567,\n').encode(), 0, '1 imported, 1 rejected (bad-csv 1)'),
    ('nul-byte', (H + 'a\x00,+385911234567,\n').encode(), 0, 'bad-csv 1'),
    ('invalid-utf8', (H).encode() + b'a\xff,+385911234567,\n', 0, 'bad-csv 1'),
    ('overlong-utf8', (H).encode() + b'a\xc0\xaf,+385911234567,\n', 0, 'bad-csv 1'),
    ('surrogate-utf8', (H).encode() + b'a\xed\xa0\x80,+385911234567,\n', 0, 'bad-csv 1'),
    ('too-few-cells', (H + 'a,+385911234567\n').encode(), 0, 'cell-count 1'),
    ('too-many-cells', (H + 'a,+385911234567,,\n').encode(), 0, 'cell-count 1'),
    ('id-missing', (H + ',+385911234567,\n').encode(), 0, 'id-missing 1'),
    ('id-too-long', (H + 'x' * 129 + ',+385911234567,\n').encode(), 0, 'id-too-long 1'),
    ('id-duplicate', (H + 'a,+385911234567,\na,+385911234568,\n').encode(), 0, 'id-duplicate 1'),
    ('no-contact', (H + 'a,,\n').encode(), 0, 'no-contact 1'),
    ('phone-invalid', (H + 'a,0911234567,\n').encode(), 0, 'phone-invalid 1'),
    ('email-invalid', (H + 'a,,a@b\n').encode(), 0, 'email-invalid 1'),
    ('email-nbsp', (H + 'a,,a\u00a0b@example.com\n').encode(), 0, '1 imported, 0 rejected'),
    ('bom-in-data', (H + '\ufeffa,+385911234567,\n').encode(), 0, '1 imported'),
    # A CR that is not before a LF is data (simulation.md: LF or CR LF), so
    # this is one header row whose third column is "email\ra": no rows.
    ('cr-only-line-ends', b'id,phone,email\ra,+385911234567,\r', 0, '0 rows: 0 imported, 0 rejected'),
    ('crlf-quoted-newline', b'\xef\xbb\xbfid,phone,email,note\r\na,+385911234567,,"two\r\nlines"\r\nb,,,\r\n', 0, '2 rows: 1 imported, 1 rejected (no-contact 1)'),
]
for name, data, code, msg in csvs:
    add('csv', name + '.csv', data, code, msg.decode('utf-8') if isinstance(msg, bytes) else msg)
add('csv', 'long-record.csv', None, 0, '2 rows: 1 imported, 1 rejected (bad-csv 1)', 'csv-long-record')

# --- params: run parameters (simulate exits 2) ----------------------------
params = [
    ('empty', '', 'line 1, column 1'),
    ('truncated', '{"channels":{"sms":{"price":0.01', 'line 1'),
    ('array', '[]', 'object'),
    ('unknown-key', '{"colour":1}', 'colour'),
    ('unknown-channel', '{"channels":{"fax":{}}}', 'fax'),
    ('unknown-channel-key', '{"channels":{"sms":{"speed":1}}}', 'channels.sms.speed: unknown key'),
    ('rate-above-one', '{"channels":{"sms":{"delivery":1.5}}}', 'channels.sms.delivery: must be a number from 0 to 1'),
    ('negative-price', '{"channels":{"email":{"price":-0.1}}}', 'channels.email.price: must be a number of 0 or more'),
    ('negative-delay', '{"channels":{"push":{"delivery_delay":-1}}}', 'channels.push.delivery_delay: must be a number of 0 or more'),
    ('string-rate', '{"channels":{"sms":{"delivery":"0.5"}}}', 'channels.sms.delivery: must be a number from 0 to 1'),
    ('null-rate', '{"api_success":null}', 'api_success'),
    ('api-success-above-one', '{"api_success":2}', 'api_success'),
    ('huge-price', '{"channels":{"sms":{"price":1e300}}}', 'channels.sms.price'),
    ('overflow-number', '{"api_success":1e400}', 'line 1'),
    ('channels-array', '{"channels":[]}', 'channels'),
    ('channel-string', '{"channels":{"sms":"cheap"}}', 'channels.sms'),
    ('duplicate-key', '{"api_success":0.5,"api_success":0.6}', "duplicate key 'api_success'"),
    ('deep-nesting', '{"x":' + '[' * 80 + ']' * 80 + '}', 'line 1'),
]
for name, text, msg in params:
    add('params', name + '.json', text, 2, msg)
add('params', 'nul-byte.json', b'{"api_success":0.5\x00}', 2, 'line 1')
add('params', 'invalid-utf8.json', b'{"\xff":1}', 2, 'UTF-8')
add('params', 'bom-twice.json', b'\xef\xbb\xbf\xef\xbb\xbf{}', 2, 'line 1, column 1')
add('params', 'crlf-trailing-comma.json', b'{\r\n"api_success": 0.5,\r\n}\r\n', 2, 'line 3')


def main():
    for reader in sorted({c[0] for c in cases}):
        path = os.path.join(HERE, reader)
        if os.path.isdir(path):
            shutil.rmtree(path)
        os.makedirs(path)
    lines = ['# SPDX-License-Identifier: GPL-3.0-or-later',
             '# Written by make-bad.py: READER/FILE <TAB> EXIT <TAB> MESSAGE [<TAB> gen:RECIPE]',
             '# MESSAGE must appear in what waymark-cli prints (standard output and error).']
    for reader, name, data, code, message, recipe in cases:
        if data is not None:
            with open(os.path.join(HERE, reader, name), 'wb') as f:
                f.write(data)
        line = '%s/%s\t%d\t%s' % (reader, name, code, message)
        if recipe:
            line += '\tgen:' + recipe
        lines.append(line)
    with open(os.path.join(HERE, 'MANIFEST'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    for reader in sorted({c[0] for c in cases}):
        print(reader, sum(1 for c in cases if c[0] == reader))


main()
