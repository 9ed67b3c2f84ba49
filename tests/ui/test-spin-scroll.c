/* test-spin-scroll.c - the wheel over a spin button scrolls its panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real wheel turns (XTest, under the test's X server) over the spin
 * buttons of the inspector (an integer field and a duration) and of the
 * flow settings (an entry limit's count): without the focus the value
 * stays and the panel scrolls; with the focus the value spins, as a
 * GtkSpinButton always did. Without an X11 display or libXtst the test
 * skips, saying why.
 */

#include "config.h"

#include <dlfcn.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "wm-flow-io.h"
#include "wm-flow-settings.h"
#include "wm-inspector.h"
#include "ui-harness.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"

/* libXtst has no development files on every machine: its three calls
 * are looked up at run time. */
typedef int (*FakeButtonFunc) (Display *, unsigned int, Bool, unsigned long);
typedef int (*FakeMotionFunc) (Display *, int, int, int, unsigned long);
typedef Bool (*TranslateFunc) (Display *, Window, Window, int, int, int *, int *, Window *);
typedef int (*FlushFunc) (Display *);

static struct
{
  FakeButtonFunc button;
  FakeMotionFunc motion;
  TranslateFunc  translate;
  FlushFunc      flush;
} xtest;

/* NULL when the wheel can be turned, else why not. */
static const char *
load_xtest (void)
{
  void *library;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return "the display is not X11";
  /* Kept open for the whole test. */
  library = dlopen ("libXtst.so.6", RTLD_NOW);
  if (library == NULL)
    return "libXtst.so.6 cannot be loaded";
  /* libXtst links libX11: its symbols are found through it. */
  xtest.button = (FakeButtonFunc) dlsym (library, "XTestFakeButtonEvent");
  xtest.motion = (FakeMotionFunc) dlsym (library, "XTestFakeMotionEvent");
  xtest.translate = (TranslateFunc) dlsym (library, "XTranslateCoordinates");
  xtest.flush = (FlushFunc) dlsym (library, "XFlush");
  if (xtest.button == NULL || xtest.motion == NULL || xtest.translate == NULL || xtest.flush == NULL)
    return "libXtst.so.6 lacks the XTest calls";
  return NULL;
}

/* Turns the wheel one notch (@button 4: up, 5: down) with the pointer
 * in the middle of @widget. */
static void
wheel_over (GtkWidget *widget,
            guint      button)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *dpy = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                 gtk_widget_get_height (widget) / 2.f);
  graphene_point_t at;
  double sx, sy;
  int x, y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &at));
  gtk_native_get_surface_transform (native, &sx, &sy);
  xtest.translate (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (native)), DefaultRootWindow (dpy),
                   (int) (at.x + sx), (int) (at.y + sy), &x, &y, &child);
  xtest.motion (dpy, -1, x, y, 0);
  xtest.flush (dpy);
  spin (100);
  xtest.button (dpy, button, True, 0);
  xtest.button (dpy, button, False, 0);
  xtest.flush (dpy);
  spin (300);
}

static gboolean
contains_focus (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* The wheel over @spin, in the scrolled panel of @window: spins it only
 * while it has the focus, else scrolls the panel. */
static void
assert_wheel_scrolls_unless_focused (GtkWindow *window,
                                     GtkWidget *spin_button)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (spin_button, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadjustment;
  double value, panel;

  g_assert_nonnull (scrolled);
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* The window is short: the panel has somewhere to scroll to. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >,
                     gtk_adjustment_get_page_size (vadjustment) + 20);
  gtk_adjustment_set_value (vadjustment, 0);
  g_assert_true (gtk_widget_get_mapped (spin_button));

  /* Focused: the wheel spins the value (up: one step more), the panel
   * stays. */
  gtk_widget_grab_focus (spin_button);
  spin (800);
  g_assert_true (contains_focus (spin_button));
  value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button));
  /* (Taking the focus may have scrolled the panel to show it: the
   * animation has ended.) */
  panel = gtk_adjustment_get_value (vadjustment);
  wheel_over (spin_button, 4);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button)), ==, value + 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, panel);

  /* Not focused: the value stays, the panel scrolls (up when it can,
   * else down). */
  gtk_window_set_focus (window, NULL);
  spin (100);
  g_assert_false (contains_focus (spin_button));
  value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button));
  panel = gtk_adjustment_get_value (vadjustment);
  wheel_over (spin_button, panel > 0 ? 4 : 5);
  spin (500);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin_button)), ==, value);
  if (panel > 0)
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <, panel);
  else
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, panel);
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static void
test_inspector (gconstpointer data)
{
  const char *element_id = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_file (ALL_TYPES, &error);
  g_autoptr(WmUndoStack) undo = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = wm_inspector_new ();
  WmElement *element = NULL;
  GtkWidget *spin_button;

  g_assert_no_error (error);
  undo = wm_undo_stack_new (flow);
  for (guint v = 1; element == NULL && v <= 3; v++)
    if (wm_flow_get_version (flow, v) != NULL)
      element = wm_version_find_element (wm_flow_get_version (flow, v), element_id);
  g_assert_nonnull (element);
  /* Short, so that the fields do not fit. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 160);
  gtk_window_set_child (GTK_WINDOW (window), inspector);
  gtk_window_present (GTK_WINDOW (window));
  wm_inspector_set_element (WM_INSPECTOR (inspector), element, flow, undo, NULL);
  spin (300);
  spin_button = find_widget (inspector, is_spin_button, NULL);
  g_assert_nonnull (spin_button);

  assert_wheel_scrolls_unless_focused (GTK_WINDOW (window), spin_button);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_flow_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_file (ALL_TYPES, &error);
  g_autoptr(WmUndoStack) undo = NULL;
  WmFlowSettings *settings;
  GtkWidget *spin_button;

  g_assert_no_error (error);
  undo = wm_undo_stack_new (flow);
  settings = wm_flow_settings_new (NULL, flow, 1, undo);
  gtk_window_set_default_size (GTK_WINDOW (settings), 480, 300);
  gtk_window_present (GTK_WINDOW (settings));
  spin (300);
  /* The entry limit's count: version 1 has one limit. */
  spin_button = find_widget (GTK_WIDGET (settings), is_spin_button, NULL);
  g_assert_nonnull (spin_button);

  assert_wheel_scrolls_unless_focused (GTK_WINDOW (settings), spin_button);

  g_object_ref (settings);
  gtk_window_destroy (GTK_WINDOW (settings));
  g_assert_finalize_object (settings);
}

int
main (int   argc,
      char *argv[])
{
  const char *why_not;

  if (!ui_test_init (&argc, &argv))
    return 0;
  why_not = load_xtest ();
  if (why_not != NULL)
    {
      g_print ("1..0 # SKIP %s: the wheel cannot be turned\n", why_not);
      return 0;
    }

  g_test_add_data_func ("/ui/spin-scroll/inspector-integer-field", "a3", test_inspector);
  g_test_add_data_func ("/ui/spin-scroll/inspector-duration", "e8", test_inspector);
  g_test_add_func ("/ui/spin-scroll/flow-settings-limit-count", test_flow_settings);
  return g_test_run ();
}
