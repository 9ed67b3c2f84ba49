#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A simulation run from the flow editor end to end, driven like a person
# through the accessibility tree (AT-SPI) of the real app on the sample
# workspace: open "Cart abandonment", run a simulation on the sample
# profiles, and read each element's figures from the canvas (what a screen
# reader says of a node). The stored report must be the one waymark-cli
# writes for the same inputs, and every element's engagements and users on
# the canvas must be the report's. Screenshots go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session): e2e-simulation.py APP CLI OUTDIR

import functools
import json
import os
import re
import sys
import tempfile
import time

from atspi_harness import (Session, act, app_now, children, double_click_middle,  # noqa: E402
                           find, name_of, page, poll, run_cli, settle, wait_for)

APP, CLI, OUTDIR = sys.argv[1:4]

workdir = tempfile.mkdtemp(prefix="waymark-e2e-simulation-")
data_home = os.path.join(workdir, "data")
t = Session(APP, OUTDIR, "simulation", workdir)
ok, screenshot = t.ok, t.screenshot
cli = functools.partial(run_cli, t, CLI, data_home)


def editor(a):
    return page(a, "WmEditorPage")


def count(text):
    return int(text.replace(",", "").replace("\u202f", "").replace(".", ""))


t.start(env_extra={"XDG_DATA_HOME": data_home})

# 1. Open the flow and run a simulation on the sample profiles.
row = poll(lambda a: find(page(a, "WmFlowsPage"), "label", "Cart abandonment"))
ok(row is not None, "the flows page lists Cart abandonment")
double_click_middle(row)
settle()
ok(poll(lambda a: find(editor(a), "panel", "Flow canvas")), "Cart abandonment opens in the editor")
act(poll(lambda a: find(editor(a), "push button", "Run a Simulation")))
dialog = poll(lambda a: find(a, "frame", "Run Simulation"))
ok(dialog is not None, "Run a Simulation opens the run dialog")
run = wait_for(lambda: find(dialog, "push button", "Run"))
ok(run is not None, "the dialog can run")
act(run)
ok(poll(lambda a: find(a, "frame", "Run Simulation") is None, 120), "the run finishes and the dialog closes")
settle()

# 2. The stored report is the CLI's for the same inputs.
runs = cli("workspace", "runs", "list").strip().splitlines()
ok(len(runs) == 1, "the run is stored in the workspace")
stored_path = os.path.join(workdir, "stored.json")
cli("workspace", "runs", "export", runs[0].split("\t")[0], stored_path)
stored = json.load(open(stored_path))
args = []
documents = {}
for flow_id in stored["flows"]:
    path = os.path.join(workdir, flow_id + ".waymark.json")
    cli("workspace", "export", flow_id, path)
    documents[flow_id] = json.load(open(path))
    args += ["--flow", path]
for journey_id in sorted(stored.get("journeys", {})):
    path = os.path.join(workdir, journey_id + ".waymark-journey.json")
    cli("workspace", "journeys", "export", journey_id, path)
    args += ["--journey", path]
latest = max(v["number"] for v in documents["cart-abandonment"]["versions"])
report_path = os.path.join(workdir, "cli.json")
cli("simulate", *args, "--try", "cart-abandonment:%d" % latest,
    "--profiles", os.path.join(data_home, "waymark", "workspace-profiles.jsonl"),
    "--start", stored["run"]["start"], "--end", stored["run"]["end"],
    "--seed", str(stored["run"]["seed"]), "--threads", "1", "--report", report_path)
expected = json.load(open(report_path))
ok(expected["flows"] == stored["flows"], "the stored flow figures are the CLI's for the same inputs")

# 3. Every element's figures on the canvas, as a screen reader hears them.
metrics = poll(lambda a: find(editor(a), "push button", "Metrics"))
ok(metrics is not None, "the editor has a Metrics toggle")
if not poll(lambda a: any(re.match(r"[\d,]+ engagements?, ", n.get_description() or "")
                          for n in children(find(editor(a), "panel", "Flow canvas"))), 5):
    act(metrics)
elements = expected["flows"]["cart-abandonment"]["versions"][str(latest)]["elements"]
version = next(v for v in documents["cart-abandonment"]["versions"] if v["number"] == latest)
names = {e["id"]: e.get("name") or "" for e in version["elements"]}
nodes = wait_for(lambda: [n for n in children(find(editor(app_now()), "panel", "Flow canvas"))
                          if re.match(r"[\d,]+ engagements?, ", n.get_description() or "")], 20)
ok(nodes, "the canvas nodes describe their figures")
checked = 0
for node in nodes:
    match = re.match(r"([\d,]+) engagements?, ([\d,]+) users?", node.get_description())
    element_id = next((i for i, n in names.items() if n and "‘%s’" % n in name_of(node)), None)
    if element_id is None or element_id not in elements:
        continue
    figures = elements[element_id]
    ok((count(match.group(1)), count(match.group(2))) == (figures["total_engagements"], figures["unique_users"]),
       "%s shows %d engagements and %d users, as the CLI reports" % (names[element_id], figures["total_engagements"],
                                                                    figures["unique_users"]))
    checked += 1
ok(checked >= 3, "the figures of %d elements were checked" % checked)
time.sleep(0.5)
screenshot("simulation-metrics")
t.finish(0)
