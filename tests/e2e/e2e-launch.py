#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Launching and versions end to end, driven like a person through the
# accessibility tree (AT-SPI) of the real app on the sample workspace:
# launch the valid draft "Welcome message" and read its new status; try to
# launch a blank flow and read why not; make a new version of the running
# "Cart abandonment", change it, launch it and see version 2 finishing;
# compare the two versions and find the change marked; duplicate a flow.
# Screenshots of the launch dialog, the versions panel and the comparison
# go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session): e2e-launch.py APP OUTDIR

import os
import sys
import tempfile
import time

from atspi_harness import (Session, act, click, clickable, click_middle,  # noqa: E402
                           double_click_middle, find, page, poll, sensitive,
                           set_text, settle, type_keys, wait_for)

APP, OUTDIR = sys.argv[1:3]

workdir = tempfile.mkdtemp(prefix="waymark-e2e-launch-")
t = Session(APP, OUTDIR, "launch", workdir)
ok, screenshot = t.ok, t.screenshot


def editor(a):
    return page(a, "WmEditorPage")


def flows(a):
    return page(a, "WmFlowsPage")


def open_flow(name):
    row = poll(lambda a: find(flows(a), "label", name))
    ok(row is not None, "the flows page lists %s" % name)
    double_click_middle(row)
    settle()
    ok(poll(lambda a: find(editor(a), "panel", "Flow canvas")), "%s opens in the editor" % name)


def back_to_flows():
    back = poll(lambda a: find(editor(a), "push button", "Back"))
    ok(back is not None, "the editor has a Back button")
    act(back)
    ok(poll(lambda a: find(flows(a), "push button", "New Flow")), "Back shows the flows page")


def menu_item(button_name, item_name):
    button = poll(lambda a: clickable(find(a, "push button", button_name)))
    ok(button is not None, "there is a %s button" % button_name)
    click(button)
    item = poll(lambda a: find(a, "menu item", item_name), 10)
    ok(item is not None, "%s offers %s" % (button_name, item_name))
    act(item)


t.start(env_extra={"XDG_DATA_HOME": os.path.join(workdir, "data")})

# 1. Launch a valid draft.
open_flow("Welcome message")
ok(poll(lambda a: find(editor(a), "label", "Draft")), "the header says the flow is a draft")
act(poll(lambda a: find(editor(a), "push button", "Launch…")))
dialog = poll(lambda a: find(a, "frame", "Launch Flow"))
ok(dialog is not None, "Launch… opens the launch dialog")
ok(wait_for(lambda: find(dialog, "label", "People who trigger SignedUp")),
   "the dialog says in plain words who will enter")
ok(find(dialog, "label", "Only once: nobody enters twice") is not None, "it states the re-entry policy")
ok(find(dialog, "label", prefix="Up to 0.8 per 1,000 entries") is not None, "it estimates the cost per 1,000 entries")
time.sleep(0.5)
screenshot("launch-dialog")
launch_now = find(dialog, "push button", "Launch Now")
ok(launch_now is not None and sensitive(launch_now), "Launch Now is offered for a valid flow")
act(launch_now)
ok(poll(lambda a: find(a, "frame", "Launch Flow") is None), "Launch Now closes the dialog")
ok(poll(lambda a: find(editor(a), "label", "Active")), "the flow's new status is Active")
time.sleep(0.5)
screenshot("launch-launched")
back_to_flows()

# 2. A blank flow cannot be launched, and the dialog says why.
act(poll(lambda a: find(flows(a), "push button", "New Flow")))
new_flow = poll(lambda a: find(a, "frame", "New Flow"))
ok(new_flow is not None, "New Flow opens its dialog")
name_entry = wait_for(lambda: find(new_flow, "text", "Name"))
set_text(name_entry, "Not ready yet")
time.sleep(0.3)
act(find(new_flow, "push button", "Create"))
settle()
ok(poll(lambda a: find(editor(a), "panel", "Flow canvas")), "Create opens the new flow")
act(poll(lambda a: find(editor(a), "push button", "Launch…")))
dialog = poll(lambda a: find(a, "frame", "Launch Flow"))
ok(dialog is not None, "Launch… opens the launch dialog for the blank flow")
ok(wait_for(lambda: find(dialog, "label", "Fix These Errors First")), "the dialog lists the errors first")
ok(find(dialog, "label", contains="entry point") is not None, "it names the missing entry point")
launch_now = find(dialog, "push button", "Launch Now")
ok(launch_now is not None and not sensitive(launch_now), "Launch Now is disabled while there are errors")
time.sleep(0.3)
screenshot("launch-refused")
act(find(dialog, "push button", "Close"))
ok(poll(lambda a: find(a, "frame", "Launch Flow") is None), "Close dismisses the dialog")
back_to_flows()

# 3. A new version of a running flow, changed and launched: the old one
# finishes.
open_flow("Cart abandonment")
act(poll(lambda a: find(editor(a), "push button", "Versions")))
ok(poll(lambda a: find(editor(a), "list item", "Version 2, Active")),
   "the versions panel shows version 2")
time.sleep(0.5)
screenshot("launch-versions")
menu_item("More actions for version 2", "New Version from This")
ok(poll(lambda a: find(editor(a), "list item", "Version 3, Draft")),
   "New Version makes version 3, a draft copy")
ok(poll(lambda a: find(editor(a), "label", "Version 3")), "the editor shows version 3")
# Change a field as a person would: select the wait on the canvas and
# type a new name into the inspector (keys, since GTK 4.8's entries do not
# take set_text_contents).
act(poll(lambda a: find(editor(a), "push button", "Versions")))  # the inspector comes back
node = poll(lambda a: find(editor(a), "push button", prefix="Wait ‘Wait half an hour’"))
ok(node is not None, "the canvas shows the wait ‘Wait half an hour’")
click_middle(node)
settle()
name_field = poll(lambda a: find(page(editor(a), "WmInspector"), "text", "Name"))
ok(name_field is not None, "selecting it shows its Name in the inspector")
type_keys(name_field, "Wait half an hour", "Wait an hour")
ok(poll(lambda a: find(editor(a), "push button", prefix="Wait ‘Wait an hour’")),
   "the canvas shows the renamed wait")
ok(poll(lambda a: find(editor(a), "push button", "Problems: none")), "the changed version has no problems")
act(poll(lambda a: find(editor(a), "push button", "Launch…")))
dialog = poll(lambda a: find(a, "frame", "Launch Flow"))
ok(dialog is not None, "the new version can be launched")
act(wait_for(lambda: find(dialog, "push button", "Launch Now")))
ok(poll(lambda a: find(a, "frame", "Launch Flow") is None), "Launch Now launches version 3")
act(poll(lambda a: find(editor(a), "push button", "Versions")))
ok(poll(lambda a: find(editor(a), "list item", "Version 2, Finishing")),
   "version 2 is finishing")
time.sleep(0.5)
screenshot("launch-finishing")

# 4. Compare versions 1 and 2 of the flow.
compare = poll(lambda a: clickable(find(editor(a), "push button", "Compare version 2 with…")))
ok(compare is not None, "a version card offers Compare With…")
act(compare)
item = poll(lambda a: find(a, "menu item", "Version 1"), 10)
ok(item is not None, "Compare With… lists version 1")
act(item)
ok(poll(lambda a: find(editor(a), "label", "Version 1 → Version 2")), "the comparison is shown")
ok(poll(lambda a: find(a, prefix="Changed: ") or find(a, prefix="Added: ") or find(a, prefix="Removed: ")),
   "the changed elements are listed, each marked as added, removed or changed")
time.sleep(0.8)
screenshot("launch-compare")
act(poll(lambda a: find(editor(a), "push button", "Stop Comparing")))
back_to_flows()

# 5. Duplicate a flow from the list.
menu_item("More for Welcome message", "Duplicate")
ok(poll(lambda a: find(flows(a), "label", "Copy of Welcome message")), "the duplicate is listed")
t.finish(0)
