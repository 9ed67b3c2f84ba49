/* canvas-harness.h - what the canvas widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only (static functions): letting the main loop run, the
 * all-types fixture flow, a window showing a version on a canvas in a
 * scrolled window (as the editor page has it), and the canvas's drag
 * gesture, driven through its signals.
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-canvas.h"
#include "wm-flow-io.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"

/* Lets the main loop run for @ms milliseconds. */
static G_GNUC_UNUSED void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The all-types fixture: every element type, in versions 1 and 3. */
static G_GNUC_UNUSED WmFlow *
load_all_types (void)
{
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_file (ALL_TYPES, &error);

  g_assert_no_error (error);
  return flow;
}

/* A 1000×700 window showing @version on a new canvas (*@canvas) in a
 * scrolled window; returns once the canvas has its size. */
static G_GNUC_UNUSED GtkWidget *
canvas_window_new (WmVersion    *version,
                   WmUndoStack  *undo,
                   WmCanvas    **canvas)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  *canvas = WM_CANVAS (wm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (*canvas));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  wm_canvas_set_version (*canvas, version, undo);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (*canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  spin (50);
  return window;
}

/* The canvas's primary-button drag gesture. */
static G_GNUC_UNUSED GtkGesture *
find_drag (WmCanvas *canvas)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}
