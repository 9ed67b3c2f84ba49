# SPDX-License-Identifier: GPL-3.0-or-later
#
# What every end-to-end test needs to drive the real app through the
# accessibility tree (AT-SPI) under Xvfb: start it, find widgets by role
# and name, click, type, take screenshots, and report TAP. The pitfalls of
# GTK 4.8's accessibility (TESTING.md) are handled here once.

import os
import shutil
import subprocess
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402


def wait_for(pred, timeout=10.0, step=0.1):
    """Calls pred() until it returns something true, or None after timeout."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = pred()
        except GLib.Error:
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


def name_of(acc):
    try:
        return acc.get_name() or ""
    except Exception:
        return ""


def find_all(root, role=None, name=None, prefix=None, contains=None, visible=False):
    if root is None:
        return
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
        yield acc


def find(root, role=None, name=None, prefix=None, contains=None, visible=False):
    return next(find_all(root, role, name, prefix, contains, visible), None)


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
    if acc is None:
        return None
    for a, _ in walk(acc):
        try:
            if a.get_action_iface() is not None and a.get_action_iface().get_n_actions() > 0:
                return a
        except Exception:
            pass
    return None


def click(acc):
    acc.get_action_iface().do_action(0)


def double_click_middle(acc):
    """GTK 4.8 list rows offer no accessible action: double-click the
    middle (window coordinates; without a window manager the window sits
    at 0, 0)."""
    ext = acc.get_extents(Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1d")


def click_middle(acc):
    """A single click in the middle of @acc, for widgets without an
    accessible action (canvas nodes)."""
    ext = acc.get_extents(Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, "b1c")


def set_text(acc, text):
    acc.get_editable_text_iface().set_text_contents(text)


def text_of(acc):
    try:
        return acc.get_text_iface().get_text(0, -1)
    except Exception:
        return None


def find_app():
    for app in children(Atspi.get_desktop(0)):
        try:
            if "waymark" in (app.get_name() or "").lower():
                return app
        except Exception:
            pass
    return None


def app_now():
    """The app's accessible as the bus shows it now. GTK 4.8 loses
    children-changed events during page switches, so libatspi's cache
    could keep an old children list for good: read the tree afresh."""
    app = find_app()
    if app is not None:
        try:
            app.clear_cache()
        except Exception:
            pass
    return app


def poll(what, timeout=20.0):
    """Waits for what() (a finder over the live tree) to return something."""
    return wait_for(lambda: what(app_now()), timeout)


class Session:
    """One test script: its TAP lines, the app it started, its screenshots
    and its temporary folder (removed at the end)."""

    def __init__(self, app_path, outdir, name, workdir=None):
        self.app_path = app_path
        self.outdir = outdir
        self.name = name
        self.workdir = workdir
        self.proc = None
        self.tap = []
        self.shots = os.environ.get("E2E_SHOTS_DIR")

    def ok(self, cond, what):
        if not cond and self.proc is not None and self.proc.poll() is not None:
            what += " (the app exited with %d)" % self.proc.poll()
        self.tap.append(bool(cond))
        print(("ok %d - %s" if cond else "not ok %d - %s") % (len(self.tap), what), flush=True)
        if not cond:
            self.finish(1)
        return cond

    def finish(self, code):
        if code != 0:
            try:
                dump(find_app(), os.path.join(self.outdir, self.name + "-tree-failure.txt"))
                self.screenshot(self.name + "-failure")
            except Exception:
                pass
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
        print("1..%d" % len(self.tap), flush=True)
        sys.exit(code)

    def screenshot(self, name):
        path = os.path.join(self.outdir, name + ".png")
        subprocess.run(["import", "-window", "root", path], check=False)
        if self.shots:
            os.makedirs(self.shots, exist_ok=True)
            subprocess.run(["cp", path, self.shots], check=False)
        return path

    def start(self, args=(), env_extra=None, first=True):
        """Starts the app; on the first start, a machine whose
        accessibility bus does not list the app skips the test (its AT-SPI
        set-up is missing, not a failure of the app)."""
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        env.pop("G_DEBUG", None)
        env.update(env_extra or {})
        self.proc = subprocess.Popen([self.app_path] + list(args), env=env)
        app = wait_for(find_app, 45)
        if app is None and self.proc.poll() is None and first:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None
            if self.workdir is not None:
                shutil.rmtree(self.workdir, ignore_errors=True)
            print("1..0 # SKIP the accessibility bus does not list the app", flush=True)
            sys.exit(0)
        self.ok(app is not None, "the app shows up on the accessibility bus")
        return app

    def stop(self):
        """Closes the window with its Close button; the app must quit
        cleanly."""
        close = find(app_now(), role="push button", name="Close")
        self.ok(close is not None, "the window has a Close button")
        click(close)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            pass
        self.ok(self.proc.poll() == 0, "the app quits cleanly when its window is closed")
        self.proc = None


# How long settle() waits; a script whose pages map quickly may lower it
# once for all its steps (e2e-timeline.py).
SETTLE_SECONDS = 2.5


def settle():
    """Leaves the tree alone while new widgets (a toast, a page, a popover)
    map: GTK 4.8 can answer a walk in that moment with a NULL object path
    and die in g_variant_new (see e2e-editor.py)."""
    time.sleep(SETTLE_SECONDS)


def act(acc):
    """Clicks @acc and lets what the click shows map before the next walk."""
    click(acc)
    settle()


def page(root, name):
    """The page (a GtkWidget subclass named @name) under @root: GTK 4.8 sets
    SHOWING on windows only, so steps look inside the page shown."""
    return find(root, "filler", name)


def sensitive(acc):
    try:
        return acc.get_state_set().contains(Atspi.StateType.SENSITIVE)
    except Exception:
        return False


def run_cli(session, cli_path, data_home, *args):
    """Runs waymark-cli on the workspace under @data_home; a failure is a
    failed step of @session, with the CLI's message. Returns its output."""
    env = dict(os.environ, XDG_DATA_HOME=data_home)
    done = subprocess.run([cli_path] + list(args), env=env, capture_output=True, text=True)
    session.ok(done.returncode == 0, "waymark-cli %s succeeds%s" % (" ".join(args[:3]),
                                                                    "" if done.returncode == 0 else ": " + done.stderr))
    return done.stdout


KEY_END, KEY_BACKSPACE, KEY_RETURN, KEY_ESCAPE = 0xff57, 0xff08, 0xff0d, 0xff1b
KEY_DOWN, KEY_UP, KEY_TAB, KEY_HOME = 0xff54, 0xff52, 0xff09, 0xff50
# Modifiers are held by X keycode: AT-SPI's key synth types are not flags,
# so a press alone is only available for keycodes (Xvfb's evdev keymap).
CONTROL, SHIFT = 37, 50


def press(keysym, pause=0.05):
    """Presses and releases @keysym, then waits @pause seconds (longer
    for a key that opens or closes a popover)."""
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    time.sleep(pause)


def chord(keysym, *modifiers):
    """Presses @keysym with @modifiers (CONTROL, SHIFT) held."""
    for m in modifiers:
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.PRESS)
    time.sleep(0.05)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    time.sleep(0.05)
    for m in reversed(modifiers):
        Atspi.generate_keyboard_event(m, None, Atspi.KeySynthType.RELEASE)
    time.sleep(0.1)


def type_text(text):
    for ch in text:
        Atspi.generate_keyboard_event(0, ch, Atspi.KeySynthType.STRING)
        time.sleep(0.02)


def type_keys(acc, old, text):
    """Clicks into @acc, erases @old, which it holds, and types @text, key
    by key (GTK 4.8's entries take no text over AT-SPI, and refuse
    grab_focus)."""
    click_middle(acc)
    time.sleep(0.5)
    press(KEY_END)
    for _ in range(len(old)):
        press(KEY_BACKSPACE)
    type_text(text)


def drag(x0, y0, x1, y1, steps=12):
    """A real mouse drag in window coordinates: press at (x0, y0), move in
    steps (GTK's drag gestures want motion past their threshold), release
    at (x1, y1)."""
    Atspi.generate_mouse_event(int(x0), int(y0), "abs")
    time.sleep(0.1)
    Atspi.generate_mouse_event(int(x0), int(y0), "b1p")
    time.sleep(0.1)
    for i in range(1, steps + 1):
        Atspi.generate_mouse_event(int(x0 + (x1 - x0) * i / steps), int(y0 + (y1 - y0) * i / steps), "abs")
        time.sleep(0.03)
    time.sleep(0.1)
    Atspi.generate_mouse_event(int(x1), int(y1), "b1r")
    time.sleep(0.2)
