#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The milestones and outcomes window end to end, driven through the
# accessibility tree (AT-SPI) of the real app on the sample workspace:
# open it from the main menu, read the count, try to delete a milestone a
# launched flow uses and read which flow keeps it, find no way to delete
# an outcome and read why, add a milestone and see the count go up, then
# use the new milestone in a draft flow and find it in the workspace.
# Screenshots go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session): e2e-admin.py APP OUTDIR

import glob
import json
import os
import sqlite3
import sys
import tempfile
import time

from atspi_harness import (KEY_ESCAPE, Session, app_now, children, click,  # noqa: E402
                           click_middle, clickable, double_click_middle, find, page, poll,
                           press, settle, switcher_button, toplevel_with, type_keys,
                           wait_for)

APP, OUTDIR = sys.argv[1:3]

workdir = tempfile.mkdtemp(prefix="waymark-e2e-admin-")
t = Session(APP, OUTDIR, "admin", workdir)
ok, screenshot = t.ok, t.screenshot
# No --workspace: the default workspace, under this data folder, starts
# with the sample content (a launched cart flow that uses "Cart reminded").
t.start(env_extra={"XDG_DATA_HOME": os.path.join(workdir, "data")})
ok(poll(lambda a: find(a, "label", "Cart abandonment")), "the sample flows are listed")

menu = poll(lambda a: clickable(find(a, "push button", "Main Menu")))
ok(menu is not None, "the flows page has a main menu")
click(menu)
item = poll(lambda a: find(a, "menu item", "Milestones and Outcomes"), 10)
ok(item is not None, "the main menu offers Milestones and Outcomes")
ok(find(app_now(), "menu item", "Import Flow…") is not None, "the main menu offers Import Flow…")
click(item)

admin = poll(lambda a: find(a, "frame", "Milestones and Outcomes"))
ok(admin is not None, "the menu item opens the Milestones and Outcomes window")
count = poll(lambda a: find(a, "label", "6 of 1000 milestones"))
ok(count is not None, "it counts the milestones against the limit")
time.sleep(0.5)
screenshot("admin-milestones")

delete = poll(lambda a: find(a, "push button", "Delete Cart reminded"))
ok(delete is not None, "each milestone has a delete button")
click(delete)
refusal = poll(lambda a: find(a, "label", contains="cannot be deleted: launched versions"))
ok(refusal is not None, "deleting a milestone a launched flow uses is refused")
ok(poll(lambda a: find(a, "label", contains="• Cart abandonment")) is not None,
   "the refusal names the flow that uses it")
time.sleep(0.3)
screenshot("admin-milestone-in-use")
dialog = toplevel_with(app_now(), role="label", contains="• Cart abandonment")
ok(dialog is not None and find(dialog, "push button", "Close") is not None, "the refusal has a Close button")
click(find(dialog, "push button", "Close"))
ok(poll(lambda a: find(a, "label", contains="cannot be deleted: launched versions") is None),
   "Close dismisses the refusal")
ok(find(app_now(), "push button", "Delete Cart reminded") is not None, "the milestone is still there")

outcomes = poll(lambda a: switcher_button(a, "Outcomes"))
ok(outcomes is not None, "the window has an Outcomes page")
click(outcomes)
ok(poll(lambda a: find(a, "label", "4 of 100 outcomes")), "it counts the outcomes against the limit")
ok(poll(lambda a: find(a, "push button", "Edit Cart recovered")), "an outcome can be edited")
ok(find(app_now(), "push button", prefix="Delete Cart recovered") is None, "an outcome has no delete button")
ok(find(app_now(), "label", prefix="Outcomes cannot be deleted: reports keep counting"),
   "the page says why outcomes cannot be deleted")
time.sleep(0.3)
screenshot("admin-outcomes")

click(poll(lambda a: switcher_button(a, "Milestones")))
add = poll(lambda a: find(find(a, "frame", "Milestones and Outcomes"), "push button", "Add"))
ok(add is not None, "the window has an Add button")
click(add)
editor = poll(lambda a: find(a, "frame", "New Milestone"))
ok(editor is not None, "Add opens New Milestone")
name = wait_for(lambda: find(editor, "text", "Name"))
ok(name is not None, "New Milestone asks for a name")
name.get_editable_text_iface().set_text_contents("Coupon used")
time.sleep(0.3)
click(find(editor, "push button", "Add"))
ok(poll(lambda a: find(a, "frame", "New Milestone") is None), "Add closes New Milestone")
ok(poll(lambda a: find(a, "label", "7 of 1000 milestones")), "the count goes up")
ok(poll(lambda a: find(a, "push button", "Delete Coupon used")), "the new milestone is listed")

# Use it in a flow: close the window, open the draft Welcome message, add
# a milestone element from the palette and pick "Coupon used" for it.
press(KEY_ESCAPE)
ok(poll(lambda a: find(a, "frame", "Milestones and Outcomes") is None), "Escape closes the window")
row = poll(lambda a: find(page(a, "WmFlowsPage"), "label", "Welcome message"))
ok(row is not None, "the flows page lists the draft Welcome message")
double_click_middle(row)
settle()
ok(poll(lambda a: find(page(a, "WmEditorPage"), "panel", "Flow canvas")), "Welcome message opens")
nodes_before = len(list(children(find(app_now(), "panel", "Flow canvas"))))
type_keys(poll(lambda a: find(a, "entry", "Search elements")), "", "Milestone")
item = poll(lambda a: find(page(a, "WmEditorPage"), "list item", "Milestone"))
ok(item is not None, "the palette finds Milestone")
double_click_middle(item)
ok(wait_for(lambda: len(list(children(find(app_now(), "panel", "Flow canvas")))) > nodes_before),
   "activating it adds a milestone element")
settle()
picker = poll(lambda a: find(page(a, "WmInspector"), "combo box", "Milestone"))
ok(picker is not None, "the inspector shows the new element's Milestone picker")
click_middle(picker)
settle()
choice = poll(lambda a: find(a, "label", "Coupon used"), 10)
ok(choice is not None, "the picker offers the milestone added a moment ago")
click_middle(choice)
ok(poll(lambda a: find(find(a, "panel", "Flow canvas"), "push button", prefix="Milestone, Coupon used")),
   "the canvas shows the element recording Coupon used")
time.sleep(0.5)
screenshot("admin-milestone-in-flow")
time.sleep(1.5)  # autosave: within a second of the change


def stored_milestones():
    """The milestone ids the workspace's Welcome message uses, and the id
    of the one named Coupon used."""
    path = glob.glob(os.path.join(workdir, "data", "**", "*.db"), recursive=True)[0]
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        doc = db.execute("SELECT v.document FROM versions v JOIN flows f ON f.id = v.flow_id "
                         "WHERE f.name = 'Welcome message' ORDER BY v.number DESC").fetchone()[0]
        coupon = db.execute("SELECT id FROM milestones WHERE name = 'Coupon used'").fetchone()[0]
    finally:
        db.close()
    used = [e["config"].get("milestone") for e in json.loads(doc)["elements"] if e["type"] == "milestone"]
    return used, coupon


used, coupon = stored_milestones()
ok(coupon in used, "the workspace's Welcome message records the new milestone (%s in %s)" % (coupon, used))
t.finish(0)
