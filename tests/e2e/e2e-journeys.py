#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Journeys end to end, driven like a person through the accessibility
# tree (AT-SPI) of the real app on the sample workspace: create a journey
# with two stages, make the second begin after the first, group the flow
# "Welcome message" under the second, simulate the journey on the sample
# profiles, and read each stage's figures on the run's Journeys view. The
# figures must be those of `waymark-cli simulate --journey` for the same
# inputs (the journey and flow exported from the workspace, the run's
# window and seed). Screenshots of the editor and the results go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session): e2e-journeys.py APP CLI OUTDIR

import functools
import json
import os
import sys
import tempfile
import time

from atspi_harness import (KEY_DOWN, KEY_RETURN, Session, act, clickable,  # noqa: E402
                           click_middle, find, find_all, name_of, page, poll, press,
                           run_cli, set_text, settle, type_text, wait_for)

APP, CLI, OUTDIR = sys.argv[1:4]

workdir = tempfile.mkdtemp(prefix="waymark-e2e-journeys-")
data_home = os.path.join(workdir, "data")
t = Session(APP, OUTDIR, "journeys", workdir)
ok, screenshot = t.ok, t.screenshot
cli = functools.partial(run_cli, t, CLI, data_home)


t.start(env_extra={"XDG_DATA_HOME": data_home})

# 1. A new journey from the Journeys page.
switch = poll(lambda a: find(page(a, "WmFlowsPage"), "push button", "Journeys"))
ok(switch is not None, "the flows page offers the Journeys page")
act(switch)
new = poll(lambda a: find(page(a, "WmJourneysPage"), "push button", "New Journey"))
ok(new is not None, "the Journeys page offers New Journey")
act(new)
dialog = poll(lambda a: find(a, "dialog", "New Journey"))
ok(dialog is not None, "New Journey asks for a name")
set_text(wait_for(lambda: find(dialog, "text", "Journey name")), "Trial")
time.sleep(0.5)
act(find(dialog, "push button", "Create"))
editor = poll(lambda a: page(a, "WmJourneyEditor"))
ok(editor is not None and poll(lambda a: find(page(a, "WmJourneyEditor"), "label", "Trial")),
   "Create opens the journey editor")
ok(poll(lambda a: find(page(a, "WmJourneyEditor"), "push button", prefix="Stage First stage")),
   "the new journey has its first stage on the board")

# 2. A second stage that begins after the first and groups a flow.
act(poll(lambda a: find(page(a, "WmJourneyEditor"), "push button", "Add Stage")))
ok(poll(lambda a: find(page(a, "WmJourneyEditor"), "push button", prefix="Stage New stage")),
   "Add Stage puts a second stage on the board")
begins = poll(lambda a: find(page(a, "WmStageEditor"), "combo box", "Begins"))
ok(begins is not None, "the stage editor shows how the new stage begins")
click_middle(begins)  # GTK 4.8 combo rows have no accessible action
settle()
press(KEY_DOWN, 0.3)
press(KEY_RETURN, 0.3)
settle()
waits_for = poll(lambda a: find(page(a, "WmStageEditor"), "check box", "First stage"))
ok(waits_for is not None, "After other stages lists the stage it can wait for")
click_middle(waits_for)  # a check row: no accessible action on GTK 4.8
settle()
ok(poll(lambda a: find(page(a, "WmJourneyEditor"), "push button",
                       prefix="Stage New stage, after First stage")),
   "the board says the second stage begins after the first")
group = poll(lambda a: clickable(find(page(a, "WmStageEditor"), "push button", "Group a Flow")))
ok(group is not None, "the stage editor can group a flow")
act(group)
type_text("Welcome")
time.sleep(1.0)
press(KEY_RETURN, 0.3)
settle()
ok(poll(lambda a: find(page(a, "WmStageEditor"), "push button", contains="Welcome message")),
   "Welcome message is grouped under the second stage")
time.sleep(0.5)
screenshot("journeys-editor")

# 3. Simulate the journey on the sample profiles.
act(poll(lambda a: find(page(a, "WmJourneyEditor"), "push button", "Simulate…")))
run_dialog = poll(lambda a: find(a, "frame", "Run Simulation"))
ok(run_dialog is not None, "Simulate… opens the run dialog")
run = wait_for(lambda: find(run_dialog, "push button", "Run"))
ok(run is not None, "the run dialog can run")
act(run)
ok(poll(lambda a: find(a, "frame", "Run Simulation") is None, 120), "the run finishes and the dialog closes")
ok(poll(lambda a: page(a, "WmRunPage")), "the stored run is shown")
settle()

# The stored run's report, and the same inputs through waymark-cli.
runs = cli("workspace", "runs", "list").strip().splitlines()
ok(len(runs) >= 1, "the run is stored in the workspace")
run_id = runs[0].split("\t")[0]
stored_path = os.path.join(workdir, "stored.json")
cli("workspace", "runs", "export", run_id, stored_path)
stored = json.load(open(stored_path))
ok("trial" in stored.get("journeys", {}), "the stored report has the journey")
# The run took the new journey and every journey that groups one of its
# flows (the sample's onboarding groups Welcome message): all of them go
# to the CLI too.
journey_args = []
for journey_id in sorted(stored["journeys"]):
    path = os.path.join(workdir, journey_id + ".waymark-journey.json")
    cli("workspace", "journeys", "export", journey_id, path)
    journey_args += ["--journey", path]
flow_args = []
for flow_id in stored["flows"]:
    path = os.path.join(workdir, flow_id + ".waymark.json")
    cli("workspace", "export", flow_id, path)
    flow_args += ["--flow", path]
report_path = os.path.join(workdir, "cli.json")
cli("simulate", *flow_args, "--try", "welcome-message:1", *journey_args,
    "--profiles", os.path.join(data_home, "waymark", "workspace-profiles.jsonl"),
    "--start", stored["run"]["start"], "--end", stored["run"]["end"],
    "--seed", str(stored["run"]["seed"]), "--threads", "1", "--report", report_path)
expected = json.load(open(report_path))
if expected["journeys"] != stored["journeys"]:
    with open(os.path.join(OUTDIR, "journeys-mismatch.json"), "w") as f:
        json.dump({"stored": stored, "cli": expected}, f, indent=1)
ok(expected["journeys"] == stored["journeys"], "the stored journey figures are the CLI's for the same inputs")

# 4. The figures on the run's Journeys view, as a person reads them.
view = poll(lambda a: find(page(a, "WmRunPage"), "page tab", "Journeys"))
ok(view is not None, "the run page offers its Journeys view")
act(view)
ok(poll(lambda a: find(page(a, "WmRunPage"), "label", "Trial")), "the Journeys view shows the journey")
stages = expected["journeys"]["trial"]["stages"]
for stage_id, name in (("first-stage", "First stage"), ("new-stage", "New stage")):
    figures = stages[stage_id]
    ok(poll(lambda a: find(page(a, "WmRunPage"), "image", prefix="%s: %d began the stage" % (name, figures["began"]))),
       "the funnel says %d began %s, as the CLI reports" % (figures["began"], name))
    row = poll(lambda a: find(page(a, "WmRunPage"), "list item", name))
    ok(row is not None, "%s has a row of figures" % name)
    texts = set(name_of(x) for x in find_all(row, "label"))
    for field, title in (("completed", "Completed"), ("waiting", "Waiting"), ("on_track", "On track"),
                         ("behind", "Behind"), ("stuck", "Stuck")):
        text = "%s: %d" % (title, figures[field])
        ok(text in texts, "%s reads “%s”, as the CLI reports" % (name, text))
time.sleep(0.8)
screenshot("journeys-results")
t.finish(0)
