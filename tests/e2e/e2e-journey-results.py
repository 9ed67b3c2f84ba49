#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A journey's results end to end, read through the accessibility tree
# (AT-SPI) of the real app: the sample workspace's flows and onboarding
# journey are simulated with the command line, the report imported as a
# run, the run opened (win.show-run over D-Bus) and its Journeys view
# chosen; every stage's figures are read from the labels and compared
# with the report, the funnel bars' names say how many began each stage,
# and activating a stage shows why this imported run cannot list its
# customers. Screenshots go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session):
#   e2e-journey-results.py APP CLI APP-ID OUTDIR

import datetime
import json
import os
import subprocess
import sys
import tempfile
import time

from atspi_harness import Session, app_now, find, walk, wait_for  # noqa: E402
from gi.repository import Gio, GLib  # noqa: E402

APP, CLI, APP_ID, OUTDIR = sys.argv[1:5]
workdir = tempfile.mkdtemp(prefix="waymark-e2e-journeys-")
t = Session(APP, OUTDIR, "journey-results", workdir)
ok, finish, screenshot = t.ok, t.finish, t.screenshot


def cli(*args):
    subprocess.run([CLI, *args], env=env, check=True, stdout=subprocess.DEVNULL)


env = dict(os.environ)
env.pop("GTK_A11Y", None)
env.pop("G_DEBUG", None)
env["XDG_DATA_HOME"] = os.path.join(workdir, "data")
env["XDG_CONFIG_HOME"] = os.path.join(workdir, "config")
env["XDG_CACHE_HOME"] = os.path.join(workdir, "cache")

# The default workspace starts with the sample flows, profiles and journey.
flows = []
for flow in ("appointment-reminder", "cart-abandonment", "welcome-message"):
    path = os.path.join(workdir, flow + ".json")
    cli("workspace", "export", flow, path)
    flows += ["--flow", path]
journey = os.path.join(workdir, "onboarding.json")
cli("workspace", "journeys", "export", "onboarding", journey)
profiles = os.path.join(workdir, "data", "waymark", "workspace-profiles.jsonl")
report_path = os.path.join(workdir, "report.json")
end = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
start = end - datetime.timedelta(days=120)
cli("simulate", *flows, "--journey", journey, "--profiles", profiles, "--threads", "1",
    "--start", start.strftime("%Y-%m-%dT%H:%M:%SZ"), "--end", end.strftime("%Y-%m-%dT%H:%M:%SZ"),
    "--report", report_path)
cli("workspace", "runs", "import", report_path)
with open(report_path) as f:
    report = json.load(f)["journeys"]["onboarding"]
names = {"registered": "Registered", "welcomed": "Welcomed", "first-purchase": "First purchase", "loyal": "Loyal"}

t.start(env_extra={k: env[k] for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")})

# Open run 1 as the runs list does, through the window's action.
bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
path = "/" + APP_ID.replace(".", "/") + "/window/1"
actions = Gio.DBusActionGroup.get(bus, APP_ID, path)
ok(wait_for(lambda: find(app_now(), "label", "Cart abandonment")), "the flows page shows")
actions.activate_action("show-run", GLib.Variant("x", 1))
tab = wait_for(lambda: find(app_now(), "page tab", "Journeys"))
ok(tab is not None, "the run page offers a Journeys view")
tab.get_action_iface().do_action(0)
title = wait_for(lambda: find(app_now(), "label", "New customer onboarding"))
ok(title is not None, "the Journeys view shows the onboarding journey by name")
time.sleep(0.5)
screenshot("journeys-view")

# One walk of the view: the tree is read over D-Bus, node by node.
view = app_now()
nodes = []
for acc, _ in walk(view):
    try:
        nodes.append((acc.get_role_name(), acc.get_name() or "", acc))
    except Exception:
        pass


def node(role, name=None, prefix=None):
    for r, n, acc in nodes:
        if r == role and (name is None or n == name) and (prefix is None or n.startswith(prefix)):
            return acc
    return None


summary = "%d customers began the journey;" % report["began"]
ok(node("label", prefix=summary) is not None, "the summary says how many began the journey")
for stage_id, name in names.items():
    figures = report["stages"][stage_id]
    began = figures["began"]
    ok(node("image", prefix="%s: %d began the stage" % (name, began)) is not None,
       "the funnel bar of %s says %d began it" % (name, began))
    row = node("list item", name)
    ok(row is not None, "%s has a row" % name)
    texts = set()
    for acc, _ in walk(row):
        try:
            if acc.get_role_name() == "label":
                texts.add(acc.get_name())
        except Exception:
            pass
    for key, title in (("completed", "Completed"), ("on_track", "On track"), ("behind", "Behind"),
                       ("stuck", "Stuck"), ("waiting", "Waiting"), ("triggered", "Triggered"),
                       ("completed_on_time", "Completed on time"), ("completed_late", "Completed late")):
        text = "%s: %d" % (title, figures[key])
        ok(text in texts, "%s reads “%s”" % (name, text))

button = node("push button", "Show the customers of Welcomed")
ok(button is not None, "each stage has a button to show its customers")
button.get_action_iface().do_action(0)
heading = wait_for(lambda: find(app_now(), "label", "Customers stuck in Welcomed"))
ok(heading is not None, "activating a stage shows its stuck customers' list")
ok(wait_for(lambda: find(app_now(), "label", prefix="This run’s profile file is not known here")),
   "an imported run says why it cannot list its customers")
time.sleep(0.3)
screenshot("journeys-customers")
finish(0)
