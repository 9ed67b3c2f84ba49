#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Issue #8's last steps end to end, driven like a person through the
# accessibility tree (AT-SPI) of the real app on the sample workspace: run
# "Cart abandonment" twice (seeds 1 and 2), then
#   1. open a customer's timeline, found by profile id and by e-mail, and
#      read the items' accessible names against waymark-cli's timeline;
#   2. filter by channel (only that channel's messages stay, with the
#      journey lines) and by period;
#   3. open an item's details and step to the next item of its date;
#   4. compare the two runs and find a difference marked for a screen
#      reader;
#   5. export the report's tables as CSV through the file chooser and
#      compare the files byte for byte with waymark-cli simulate --csv on
#      the run's stored inputs.
# Screenshots of each view go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session): e2e-timeline.py APP CLI OUTDIR

import collections
import datetime
import functools
import json
import os
import re
import sys
import tempfile
import time
import zoneinfo

import atspi_harness  # noqa: E402
from atspi_harness import (KEY_DOWN, KEY_ESCAPE, KEY_HOME, KEY_RETURN, Atspi,  # noqa: E402
                           Session, act, app_now, children, click_middle, clickable,
                           double_click_middle, dump, find, find_all, name_of, page,
                           poll, press, run_cli, set_text, settle, type_text, wait_for)

APP, CLI, OUTDIR = sys.argv[1:4]

workdir = tempfile.mkdtemp(prefix="waymark-e2e-timeline-")
data_home = os.path.join(workdir, "data")
profiles_path = os.path.join(data_home, "waymark", "workspace-profiles.jsonl")
t = Session(APP, OUTDIR, "timeline", workdir)
ok, screenshot = t.ok, t.screenshot
cli = functools.partial(run_cli, t, CLI, data_home)
# This script's pages, dialogs and popovers map quickly: it settles for
# less time than the others after each step.
atspi_harness.SETTLE_SECONDS = 1.5


def fresh(acc):
    """@acc read afresh: its subtree's cached children dropped. A page is
    found once and then searched alone, since walking the whole app
    through every page over D-Bus takes seconds."""
    if acc is not None:
        try:
            acc.clear_cache()
        except Exception:
            pass
    return acc


held = {}


def held_page(name):
    if held.get(name) is None:
        held[name] = poll(lambda a: page(a, name))
    return fresh(held[name])


def editor(a=None):
    return held_page("WmEditorPage")


def timeline(a=None):
    return held_page("WmTimelinePage")


def run_page(a=None):
    return held_page("WmRunPage")


def run_simulation(seed):
    act(poll(lambda a: find(editor(a), "push button", "Run a Simulation")))
    dialog = poll(lambda a: find(a, "frame", "Run Simulation"))
    ok(dialog is not None, "Run a Simulation opens the run dialog (seed %d)" % seed)
    seed_row = wait_for(lambda: find(dialog, "text", "Seed"))
    ok(seed_row is not None, "the run dialog has a Seed field")
    set_text(seed_row, str(seed))
    time.sleep(0.3)
    act(wait_for(lambda: find(dialog, "push button", "Run")))
    ok(poll(lambda a: find(a, "frame", "Run Simulation") is None, 120),
       "the run with seed %d finishes and the dialog closes" % seed)


def stored_runs():
    """{seed: (run id, stored run, name)} of the runs in the workspace."""
    runs = {}
    for line in cli("workspace", "runs", "list").strip().splitlines():
        run_id, name = line.split("\t")[0], line.split("\t")[2]
        path = os.path.join(workdir, "run-%s.json" % run_id)
        cli("workspace", "runs", "export", run_id, path)
        stored = json.load(open(path))
        runs[stored["run"]["seed"]] = (run_id, stored, name)
    return runs


def cli_inputs(stored):
    """waymark-cli simulate's arguments for a stored run's inputs, as
    e2e-simulation.py builds them: the flows and journeys as exported from
    the workspace, the open flow's latest version tried alone."""
    args = []
    documents = {}
    for flow_id in stored["flows"]:
        path = os.path.join(workdir, flow_id + ".waymark.json")
        if not os.path.exists(path):
            cli("workspace", "export", flow_id, path)
        documents[flow_id] = json.load(open(path))
        args += ["--flow", path]
    for journey_id in sorted(stored.get("journeys", {})):
        path = os.path.join(workdir, journey_id + ".waymark-journey.json")
        if not os.path.exists(path):
            cli("workspace", "journeys", "export", journey_id, path)
        args += ["--journey", path]
    latest = max(v["number"] for v in documents["cart-abandonment"]["versions"])
    args += ["--try", "cart-abandonment:%d" % latest, "--profiles", profiles_path,
             "--start", stored["run"]["start"], "--end", stored["run"]["end"],
             "--seed", str(stored["run"]["seed"]), "--threads", "1"]
    return args, documents


def chips(a=None):
    """The timeline items a screen reader reaches now (the view binds only
    those in view)."""
    if held.get("view") is None:
        held["view"] = find(timeline(), "list", "Customer timeline")
    return [c for c in children(fresh(held["view"])) if c.get_role_name() == "push button" and name_of(c)]


def search(query):
    entry = poll(lambda a: find(timeline(a), "entry", "Find a customer by profile id, e-mail or phone"))
    click_middle(entry)
    time.sleep(0.3)
    set_text(entry, query)
    time.sleep(0.3)
    press(KEY_RETURN, 0.3)


def choose(combo_name, label, where=None):
    """Picks @label in the drop-down @combo_name of the timeline page (or
    of @where()) by keyboard, as its popover lists it."""
    combo = poll(lambda a: find((where or timeline)(), "combo box", combo_name))
    if combo is None:
        dump((where or timeline)(), os.path.join(OUTDIR, "timeline-no-combo.txt"))
    ok(combo is not None, "the drop-down %s is there" % combo_name)
    click_middle(combo)  # GTK 4.8 drop-downs have no accessible action
    settle()
    listed = poll(lambda a: [name_of(x) for x in find_all(find(fresh(combo), "list"), "label")])
    ok(listed and label in listed, "the %s drop-down offers %s (it lists %s)" % (combo_name, label, listed))
    # The list opens on the item chosen before.
    press(KEY_HOME, 0.3)
    for _ in range(listed.index(label)):
        press(KEY_DOWN, 0.3)
    press(KEY_RETURN, 0.3)
    settle()


def when(step, zone):
    """A step's time as a timeline item says it ("11 November 08:00")."""
    at = datetime.datetime.fromisoformat(step["at"].replace("Z", "+00:00")).astimezone(zone)
    return "%d %s %s" % (at.day, at.strftime("%B"), at.strftime("%H:%M"))


t.start(env_extra={"XDG_DATA_HOME": data_home})

# Two runs of Cart abandonment on the sample profiles.
row = poll(lambda a: find(page(a, "WmFlowsPage"), "label", "Cart abandonment"))
ok(row is not None, "the flows page lists Cart abandonment")
double_click_middle(row)
settle()
ok(poll(lambda a: find(editor(a), "panel", "Flow canvas")), "Cart abandonment opens in the editor")
run_simulation(1)
run_simulation(2)
runs = stored_runs()
ok(sorted(runs) == [1, 2], "both runs are stored, with seeds 1 and 2 (%s)" % sorted(runs))

# The customers as waymark-cli sees run 1: one with SMS and e-mail, and
# another to find by e-mail.
args, documents = cli_inputs(runs[1][1])
steps = collections.defaultdict(list)
timeline_path = os.path.join(workdir, "timeline.jsonl")
cli("simulate", *args, "--report", os.path.join(workdir, "report-1.json"), "--timeline", timeline_path)
for line in open(timeline_path):
    step = json.loads(line)
    steps[step["profile"]].append(step)
profiles = {}
for line in open(profiles_path):
    profile = json.loads(line)
    profiles[profile["id"]] = profile


def sends(pid, channel):
    return [s for s in steps[pid] if s["step"] == "send" and s.get("channel") == channel]


candidates = sorted((len(steps[p]), p) for p in steps if sends(p, "sms") and sends(p, "email"))
ok(len(candidates) >= 2, "waymark-cli's timeline has customers who got an SMS and an e-mail")
customer, other = candidates[0][1], candidates[1][1]
zone = zoneinfo.ZoneInfo(profiles[customer]["attributes"].get("timezone")
                         or documents["cart-abandonment"]["timezone"])

# 1. The customer's timeline, found by id and by e-mail.
past = poll(lambda a: clickable(find(editor(a), "push button", "Past Runs")))
ok(past is not None, "the editor has Past Runs")
act(past)
# Newest first: run 1 is the last of the list.
buttons = poll(lambda a: list(find_all(editor(), "push button", "Open Customer Timeline")))
ok(buttons and len(buttons) == 2, "Past Runs lists both runs, each with Open Customer Timeline")
act(buttons[-1])
ok(poll(lambda a: find(timeline(a), "label", "Customer Timeline")), "Open Customer Timeline shows the timeline page")
ok(poll(lambda a: find(timeline(a), "label", "Find a Customer")), "the page asks for a customer first")

search(other)
ok(poll(lambda a: find(timeline(a), "label", prefix="Profile %s · " % other)),
   "searching for the profile id %s shows that customer" % other)
email = profiles[customer]["attributes"]["email"]
search(email)
label = poll(lambda a: find(timeline(a), "label", prefix="Profile %s · " % customer))
ok(label is not None, "searching for the e-mail %s shows customer %s" % (email, customer))
n_items = int(name_of(label).split("·")[1].split()[0])
names = poll(lambda a: [name_of(c) for c in chips(a)])
ok(names and all(n.strip() for n in names), "every item in view has an accessible name (%d in view)" % len(names))
time.sleep(0.5)
screenshot("timeline-customer")

# 2. Filters: SMS leaves the SMS messages (and the journey lines, the
# landmarks of every filter); the channel's items in view are those
# waymark-cli sent.
choose("Channel", "SMS")
sms_names = poll(lambda a: [name_of(c) for c in chips(a)])
flow_items = [n for n in sms_names if not n.startswith(("Stage ", "Step ", "Journey "))]
ok(flow_items and all("SMS" in n for n in flow_items),
   "with the SMS filter only SMS items remain besides journey lines: %s" % flow_items)
expected = ["SMS sent %s" % when(s, zone) for s in sends(customer, "sms")]
sent = [n for n in flow_items if n.startswith("SMS sent ")]
ok(sent and all(any(n.startswith(e) for e in expected) for n in sent),
   "the SMS items in view say what waymark-cli sent (%s): %s" % (expected, sent))
ok(not any("e-mail" in n or "E-mail" in n for n in sms_names), "no e-mail item remains with the SMS filter")
time.sleep(0.5)
screenshot("timeline-sms")
choose("Channel", "E-mail")
email_names = poll(lambda a: [name_of(c) for c in chips(a)])
ok(any(n.startswith("E-mail sent %s" % when(s, zone)) for s in sends(customer, "email") for n in email_names)
   and not any("SMS" in n for n in email_names),
   "the E-mail filter shows the e-mails and no SMS")
choose("Channel", "All channels")
choose("Flow", "Cart abandonment")
flow_names = poll(lambda a: [name_of(c) for c in chips(a)])
ok(flow_names and not any(n.startswith("Event ") for n in flow_names)
   and any("“Cart abandonment”" in n for n in flow_names),
   "the flow filter leaves the flow's items, without the customer's own events: %s" % flow_names)
choose("Flow", "All flows")
all_names = poll(lambda a: sorted(name_of(c) for c in chips(a)))
choose("Period", "Last 3 months")
ok(poll(lambda a: sorted(name_of(c) for c in chips(a)) == all_names, 5),
   "the last 3 months of a one-month run show the same items as the last 12")
ok(find(timeline(), "label", "Profile %s · %d items" % (customer, n_items)), "the customer stays shown")

# 3. An item's details, and the next item of the same date.
def details_button(name):
    if held.get(name) is None:
        held[name] = find(timeline(), "push button", name)
    return fresh(held[name])


def details_text(a=None):
    """The details' description (what the item is, as its chip says it)
    and counter ("2 of 5 this date"): the labels next to the details'
    Close button and Next button."""
    close, following = details_button("Close Details"), details_button("Next Item of This Date")
    if close is None or following is None:
        return None
    description = fresh(close.get_parent().get_parent()).get_child_at_index(1)
    counter = fresh(following.get_parent().get_parent()).get_child_at_index(1)
    return name_of(description), name_of(counter)


opened = before = None
view_width = held["view"].get_extents(Atspi.CoordType.WINDOW)
for chip in chips():
    ext = chip.get_extents(Atspi.CoordType.WINDOW)
    if ext.x < view_width.x or ext.x + ext.width > view_width.x + view_width.width:
        continue  # partly scrolled out: a click could miss it
    click_middle(chip)  # a person's click: the focus goes into the timeline
    before = poll(lambda a: (lambda d: d if d and d[0] == name_of(chip) else None)(details_text()), 5)
    if before is not None and details_button("Next Item of This Date").get_state_set().contains(
            Atspi.StateType.SENSITIVE):
        opened = name_of(chip)
        break
ok(opened is not None, "clicking an item with another after it on its date opens its details, which "
   "describe it: %s (%s)" % before if opened else "no item in view opened details with a next item")
time.sleep(0.5)
screenshot("timeline-details")
act(details_button("Next Item of This Date"))
after = poll(lambda a: (lambda d: d if d and d != before else None)(details_text(a)), 5)
ok(after is not None, "Next shows another item: %s (%s), then %s (%s)" % (before[0], before[1], *after))
position = int(before[1].split()[0])
ok(after[1].startswith("%d of " % (position + 1)), "Next goes to the next item of the date")
ok(after[0] in [name_of(c) for c in chips(app_now())], "the next item is one of the timeline's items in view")
day = re.compile(r"(\d+ [A-Z][a-z]+) \d\d:\d\d")
ok(day.search(after[0]) and day.search(after[0]).group(1) == day.search(before[0]).group(1),
   "the next item is of the same date")


def selected_chips():
    return [name_of(c) for c in chips() if c.get_state_set().contains(Atspi.StateType.SELECTED)]


ok(poll(lambda a: selected_chips() == [after[0]], 5),
   "the item whose details are open is the one selected (%s)" % selected_chips())
press(KEY_ESCAPE, 0.3)
ok(poll(lambda a: selected_chips() == [], 5), "Escape closes the details: no item stays selected")
time.sleep(0.5)
screenshot("timeline-closed")


# 4. The two runs compared: the report of run 2 (seed 2) against run 1.
press(KEY_ESCAPE, 0.3)  # Escape again: back to the editor
past = poll(lambda a: clickable(find(editor(), "push button", "Past Runs")))
act(past)
reports = poll(lambda a: list(find_all(editor(), "push button", "Open Report")))
ok(reports and len(reports) == 2, "back in the editor, Past Runs offers each run's report")
act(reports[0])  # newest first: run 2
ok(poll(lambda a: find(run_page(), "label", contains="seed 2")), "Open Report shows run 2 (seed 2)")
compare = poll(lambda a: next((x for x in find_all(run_page(), name="Compare")
                               if x.get_role_name() in ("page tab", "toggle button", "radio button")), None))
ok(compare is not None, "the report has a Compare view")
act(compare)
run1_name = runs[1][2]
choose("Compare with", run1_name, run_page)
status = poll(lambda a: find(run_page(), "label", contains=" differ from "))
ok(status is not None, "the compare view says how many parts differ")
ok(run1_name in name_of(status), "…from run 1: %s" % name_of(status))
groups = poll(lambda a: list(find_all(find(run_page(), "list", "Differences between the runs"), "list item")))
ok(groups, "the differences are listed, group by group")
marked = [(name_of(g), g.get_description()) for g in groups if (g.get_description() or "").startswith("Differs: ")]
ok(marked, "groups that differ are marked for a screen reader: %s" % marked[:3])
run_group = dict(marked).get("Run", "")
ok("Seed 2 → 1" in run_group, "the Run group says the seeds differ: %s" % run_group)
overall = re.search(r"Entries ([\d,]+) → ([\d,]+)", dict(marked).get("Overall", ""))
if overall:
    shown = [int(x.replace(",", "")) for x in overall.groups()]
    expected = [runs[2][1]["flows"]["cart-abandonment"]["all"]["overall"]["entries"],
                json.load(open(os.path.join(workdir, "report-1.json")))["flows"]["cart-abandonment"]["all"][
                    "overall"]["entries"]]
    ok(shown == expected, "the entries compared are run 2's and waymark-cli's for run 1: %s" % expected)
time.sleep(0.5)
screenshot("timeline-compare")

# 5. The tables exported as CSV from the report, through the file chooser,
# are the files waymark-cli writes for run 2's inputs.
export_dir = os.path.join(workdir, "exported")
os.makedirs(export_dir)
act(poll(lambda a: clickable(find(run_page(), "push button", "Export Report"))))
item = poll(lambda a: find(run_page(), "menu item", "Export Tables as CSV…"), 10)
ok(item is not None, "Export Report offers Export Tables as CSV…")
act(item)
chooser = poll(lambda a: next((w for w in children(a) if name_of(w) == "Export Tables to a Folder"), None))
ok(chooser is not None, "Export Tables as CSV… asks for a folder")
# As a person would: "/" opens the chooser's location entry, then the
# path, and the chooser's Export button.
type_text(export_dir)
time.sleep(0.5)
screenshot("timeline-chooser")
accept = wait_for(lambda: find(fresh(chooser), "push button", "Export"))
ok(accept is not None, "the file chooser has an Export button")
act(accept)
written = wait_for(lambda: sorted(os.listdir(export_dir)) or None, 10)
ok(written, "the app wrote the tables into the folder typed: %s" % written)
cli_dir = os.path.join(workdir, "cli-csv")
args2, _ = cli_inputs(runs[2][1])
cli("simulate", *args2, "--report", os.path.join(workdir, "report-2.json"), "--csv", cli_dir)
expected_files = sorted(os.listdir(cli_dir))
ok(written == expected_files, "the app wrote the files waymark-cli writes: %s" % expected_files)
for name in expected_files:
    with open(os.path.join(export_dir, name), "rb") as mine, open(os.path.join(cli_dir, name), "rb") as theirs:
        a, b = mine.read(), theirs.read()
    ok(a == b, "%s is byte for byte waymark-cli's (%d bytes, %d rows)" % (name, len(b), b.count(b"\n")))
time.sleep(0.5)
screenshot("timeline-exported")

t.finish(0)
