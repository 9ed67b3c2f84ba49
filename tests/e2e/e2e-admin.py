#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The milestones and outcomes window end to end, driven through the
# accessibility tree (AT-SPI) of the real app on the sample workspace:
# open it from the main menu, read the count, try to delete a milestone a
# launched flow uses and read which flow keeps it, find no way to delete
# an outcome and read why, add a milestone and see the count go up.
# Screenshots go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session): e2e-admin.py APP OUTDIR

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

APP, OUTDIR = sys.argv[1:3]
TAP = []
proc = None


def ok(cond, what):
    if not cond and proc is not None and proc.poll() is not None:
        what += " (the app exited with %d)" % proc.poll()
    TAP.append((bool(cond), what))
    print(("ok %d - %s" if cond else "not ok %d - %s") % (len(TAP), what), flush=True)
    if not cond:
        finish(1)


def finish(code):
    if code != 0:
        try:
            dump(find_app(), os.path.join(OUTDIR, "admin-tree-failure.txt"))
            screenshot("admin-failure")
        except Exception:
            pass
    if proc is not None and proc.poll() is None:
        proc.terminate()
        proc.wait(10)
    shutil.rmtree(workdir, ignore_errors=True)
    print("1..%d" % len(TAP), flush=True)
    sys.exit(code)


def wait_for(pred, timeout=10.0, step=0.1):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = pred()
        except gi.repository.GLib.Error:
            value = None
        if value:
            return value
        time.sleep(step)
    return None


def children(acc):
    try:
        n = acc.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            c = acc.get_child_at_index(i)
        except Exception:
            c = None
        if c is not None:
            yield c


def walk(acc, depth=0):
    yield acc, depth
    for c in children(acc):
        yield from walk(c, depth + 1)


def showing(acc):
    try:
        return acc.get_state_set().contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def find(root, role=None, name=None, prefix=None, contains=None, visible=False):
    if root is None:
        return None
    for acc, _ in walk(root):
        try:
            if role is not None and acc.get_role_name() != role:
                continue
            n = acc.get_name() or ""
        except Exception:
            continue
        # GTK 4.8 names a button with a mnemonic "_Close Close".
        if name is not None and n != name and not n.endswith(" " + name):
            continue
        if prefix is not None and not n.startswith(prefix):
            continue
        if contains is not None and contains not in n:
            continue
        if visible and not showing(acc):
            continue
        return acc
    return None


def toplevel_with(app, **what):
    """The window of @app (a dialog is a window of its own) holding a
    widget that find(**what) matches."""
    for window in children(app):
        if find(window, **what) is not None:
            return window
    return None


def switcher_button(app, name):
    for acc, _ in walk(app):
        try:
            if acc.get_name() == name and acc.get_role_name() in ("page tab", "toggle button", "radio button"):
                return acc
        except Exception:
            pass
    return None


def dump(root, path):
    with open(path, "w") as f:
        for acc, depth in walk(root):
            try:
                f.write("%s%s [%s]%s\n" % ("  " * depth, acc.get_role_name(), acc.get_name(),
                                          " showing" if showing(acc) else ""))
            except Exception:
                pass


def clickable(acc):
    """@acc, or its first descendant with an action (GtkMenuButton holds
    the toggle button that has one)."""
    for a, _ in walk(acc):
        try:
            if a.get_action_iface() is not None and a.get_action_iface().get_n_actions() > 0:
                return a
        except Exception:
            pass
    return None


def click(acc):
    acc.get_action_iface().do_action(0)


def screenshot(name):
    path = os.path.join(OUTDIR, name + ".png")
    subprocess.run(["import", "-window", "root", path], check=False)
    return path


def find_app():
    for app in children(Atspi.get_desktop(0)):
        try:
            if "waymark" in (app.get_name() or "").lower():
                return app
        except Exception:
            pass
    return None


def app_now():
    app = find_app()
    if app is not None:
        try:
            app.clear_cache()
        except Exception:
            pass
    return app


def poll(what, timeout=20.0):
    return wait_for(lambda: what(app_now()), timeout)


workdir = tempfile.mkdtemp(prefix="waymark-e2e-admin-")
env = dict(os.environ)
env.pop("GTK_A11Y", None)
env.pop("G_DEBUG", None)
# No --workspace: the default workspace, under this data folder, starts
# with the sample content (a launched cart flow that uses "Cart reminded").
env["XDG_DATA_HOME"] = os.path.join(workdir, "data")
proc = subprocess.Popen([APP], env=env)
app = wait_for(find_app, 45)
if app is None and proc.poll() is None:
    proc.terminate()
    proc.wait(10)
    proc = None
    shutil.rmtree(workdir, ignore_errors=True)
    print("1..0 # SKIP the accessibility bus does not list the app", flush=True)
    sys.exit(0)
ok(app is not None, "the app shows up on the accessibility bus")
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
finish(0)
