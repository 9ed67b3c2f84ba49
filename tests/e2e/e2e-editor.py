#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The editor end to end, driven like a person through the accessibility
# tree (AT-SPI) of the real app: create a flow, add an event entry, an SMS
# and a wait from the palette, fill in the SMS, watch the error count go
# to zero, undo and redo, quit, start again and find the flow as it was.
# Screenshots of each main screen go to OUTDIR.
#
# Usage (under xvfb-run and dbus-run-session): e2e-editor.py APP OUTDIR

import os
import sys
import tempfile
import time

from atspi_harness import (Session, app_now, children, click, double_click_middle,  # noqa: E402
                           dump, find, poll, set_text, wait_for)

APP, OUTDIR = sys.argv[1:3]

workdir = tempfile.mkdtemp(prefix="waymark-e2e-")
workspace = os.path.join(workdir, "e2e.db")
t = Session(APP, OUTDIR, "editor", workdir)
ok, screenshot = t.ok, t.screenshot

t.start(["--workspace", workspace])
ok(poll(lambda a: find(a, "push button", "New Flow")), "the flows page offers New Flow")
time.sleep(0.5)
screenshot("flows-page-empty")

click(poll(lambda a: find(a, "push button", "New Flow")))
dialog = poll(lambda a: find(a, "frame", "New Flow"))
ok(dialog is not None, "New Flow opens its dialog")
name_entry = wait_for(lambda: find(dialog, "text", "Name"))
ok(name_entry is not None, "the dialog asks for a name")
set_text(name_entry, "Spring reminder")
time.sleep(0.3)
screenshot("new-flow-dialog")
click(find(dialog, "push button", "Create"))

# After Create the stack switches to the editor. GTK 4.8 logs
# "g_variant_is_object_path: assertion 'string != NULL' failed" then: it
# refers over D-Bus to a widget whose accessible context is not realized
# yet, whose object path is still NULL (not a bad character in a path).
# Walking the tree in that moment makes GTK 4.8 build a reply with that
# NULL path and the app dies of SIGSEGV in g_variant_new (seen under gdb:
# a GDBus method-call handler in libgtk-4). So leave the tree alone while
# the editor maps, then wait for its named widgets.
time.sleep(2.5)
ok(t.proc.poll() is None, "the app is still running after Create")
ok(poll(lambda a: find(a, "frame", "New Flow") is None), "Create closes the dialog")
ok(poll(lambda a: find(a, "panel", "Flow canvas")), "the editor shows its canvas")
ok(poll(lambda a: find(a, "push button", prefix="Problems: 1 error")),
   "a blank flow has one error: it has no entry point")
time.sleep(0.5)
if os.environ.get("E2E_DUMP"):
    dump(app_now(), os.path.join(OUTDIR, "tree-editor.txt"))


def canvas_nodes():
    canvas = find(app_now(), "panel", "Flow canvas")
    return [c for c in children(canvas)] if canvas is not None else []


def palette_activate(label):
    row = poll(lambda a: find(a, "list item", label))
    ok(row is not None, "the palette lists %s" % label)
    before = len(canvas_nodes())
    double_click_middle(row)
    ok(wait_for(lambda: len(canvas_nodes()) > before, 10),
       "activating %s in the palette adds it to the canvas" % label)


def fill(label, text):
    entry = poll(lambda a: find(a, "text", label), 10)
    ok(entry is not None, "the inspector has a %s field" % label)
    set_text(entry, text)
    ok(wait_for(lambda: entry.get_text_iface().get_text(0, -1) == text, 5),
       "%s reads back %r" % (label, text))


# Each activation selects the new element, so the next one is added to its
# right and connected to it: Event -> SMS -> Wait.
palette_activate("Event")
palette_activate("SMS")
palette_activate("Wait")
ok(len(canvas_nodes()) == 3, "the canvas shows three elements")
time.sleep(0.8)
screenshot("editor-chain")
# Not yet driven here: filling the inspector over AT-SPI (set_text_contents
# on the inspector's entries does not read back on GTK 4.8), undo/redo
# through the header, quit and restart; tests/ui/test-editor.c covers them
# through the widgets.
t.finish(0)
