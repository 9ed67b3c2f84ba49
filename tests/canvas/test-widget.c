/* test-widget.c - the canvas widget on the all-types fixture, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drags are driven by emitting the drag gesture's signals with view
 * coordinates, as GTK would after hit-testing a real press.
 */

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "canvas-harness.h"
#include "wm-canvas-clipboard.h"
#include "wm-canvas-export.h"
#include "wm-canvas-geometry.h"
#include "wm-canvas.h"
#include "wm-commands.h"
#include "wm-flow-io.h"
#include "wm-flow-preview.h"
#include "wm-node.h"
#include "wm-validate.h"

typedef struct
{
  WmFlow      *flow;
  WmVersion   *version;
  WmUndoStack *undo;
  GtkWidget   *window;
  WmCanvas    *canvas;
  guint        selection_changes;
} Fixture;

static void
selection_changed_cb (WmCanvas *canvas,
                      Fixture  *f)
{
  f->selection_changes++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->flow = load_all_types ();
  f->version = wm_flow_get_version (f->flow, 1);
  f->undo = wm_undo_stack_new (f->flow);

  f->window = canvas_window_new (f->version, f->undo, &f->canvas);
  g_signal_connect (f->canvas, "selection-changed", G_CALLBACK (selection_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->canvas), (gpointer *) &f->canvas);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (20);
  g_assert_null (f->canvas);
  g_assert_finalize_object (f->undo);
  g_assert_finalize_object (f->flow);
}

static GtkWidget *
node_of (Fixture    *f,
         const char *id)
{
  WmElement *element = wm_version_find_element (f->version, id);

  return element != NULL ? wm_canvas_get_node (f->canvas, element) : NULL;
}

static void
position_of (Fixture    *f,
             const char *id,
             double     *x,
             double     *y)
{
  g_assert_true (wm_element_get_position (wm_version_find_element (f->version, id), x, y));
}

/* A drag in canvas coordinates, through the gesture's signals. */
static void
drag_begin (Fixture *f,
            double   cx,
            double   cy)
{
  double vx, vy;

  wm_canvas_canvas_to_view (f->canvas, cx, cy, &vx, &vy);
  g_signal_emit_by_name (find_drag (f->canvas), "drag-begin", vx, vy);
}

static void
drag_update (Fixture *f,
             double   dx,
             double   dy)
{
  double zoom = wm_canvas_get_zoom (f->canvas);

  g_signal_emit_by_name (find_drag (f->canvas), "drag-update", dx * zoom, dy * zoom);
}

static void
drag_end (Fixture *f,
          double   dx,
          double   dy)
{
  double zoom = wm_canvas_get_zoom (f->canvas);

  g_signal_emit_by_name (find_drag (f->canvas), "drag-end", dx * zoom, dy * zoom);
}

static void
test_nodes_follow_items_changed (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(WmElement) element = wm_element_new ("new", "wait.delay");
  g_autoptr(WmCommand) add = NULL;
  GtkWidget *node;

  for (guint i = 0; i < wm_version_get_n_elements (f->version); i++)
    {
      node = wm_canvas_get_node (f->canvas, wm_version_get_element_at (f->version, i));
      g_assert_nonnull (node);
      g_assert_true (gtk_widget_get_parent (node) == GTK_WIDGET (f->canvas));
    }

  wm_element_set_position (element, 100, 600);
  add = wm_command_add_element_new (1, element, 3);
  g_assert_true (wm_undo_stack_push (f->undo, add));
  node = node_of (f, "new");
  g_assert_nonnull (node);
  g_assert_cmpfloat (wm_node_get_height (WM_NODE (node)), ==, 72.0);

  g_assert_true (wm_undo_stack_undo (f->undo));
  g_assert_null (wm_version_find_element (f->version, "new"));
  g_assert_null (wm_canvas_get_node (f->canvas, element));
  g_assert_true (wm_undo_stack_redo (f->undo));
  g_assert_nonnull (node_of (f, "new"));
}

static void
test_config_change_updates_ports (Fixture       *f,
                                  gconstpointer  data)
{
  WmNode *branch = WM_NODE (node_of (f, "e12"));
  g_autoptr(JsonNode) one = json_from_string ("[{\"label\": \"Only\", \"when\": \"true\"}]", NULL);
  g_autoptr(WmCommand) command = wm_command_set_config_new (1, "e12", "branches", one);

  /* "1", "2", "else": 72 + 3 × 22 + 6. */
  g_assert_cmpfloat (wm_node_get_height (branch), ==, 144.0);
  g_assert_true (wm_undo_stack_push (f->undo, command));
  g_assert_cmpstrv (wm_node_get_ports (branch), ((const char *[]) { "1", "else", NULL }));
  g_assert_cmpfloat (wm_node_get_height (branch), ==, 122.0);
}

static void
test_drag_moves_through_the_undo_stack (Fixture       *f,
                                        gconstpointer  data)
{
  guint steps = wm_undo_stack_get_n_undo (f->undo);
  double x, y;

  /* Press in e2's head (at 240, 0), away from its port dot. */
  drag_begin (f, 300, 30);
  drag_update (f, 10, 0);
  drag_update (f, 50, 20);
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 290);
  g_assert_cmpfloat (y, ==, 20);
  drag_end (f, 50, 20);

  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, steps + 1);
  g_assert_false (wm_undo_stack_in_group (f->undo));
  g_assert_true (wm_canvas_is_selected (f->canvas, wm_version_find_element (f->version, "e2")));

  g_assert_true (wm_undo_stack_undo (f->undo));
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 240);
  g_assert_cmpfloat (y, ==, 0);
}

static void
test_snapped_drag (Fixture       *f,
                   gconstpointer  data)
{
  double x, y;

  wm_canvas_set_snap_to_grid (f->canvas, TRUE);
  drag_begin (f, 300, 30);
  drag_update (f, 37, 5);
  drag_end (f, 37, 5);
  /* 240 + 37 = 277 snaps to 272; 0 + 5 to 0. */
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 272);
  g_assert_cmpfloat (y, ==, 0);
}

/* "Show in flow": the path is lit (elements, and connections by the port
 * they were left by), the rest dimmed, until Escape or another version. */
static void
test_highlighted_path (Fixture       *f,
                       gconstpointer  data)
{
  const char * const elements[] = { "e1", "e2", "e3", NULL };
  const char * const ports[] = { "out", "out", "", NULL };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->canvas));
  gboolean handled = FALSE;

  g_assert_false (wm_canvas_has_highlighted_path (f->canvas));
  g_assert_false (wm_canvas_is_highlighted (f->canvas, "e1", NULL));

  wm_canvas_set_highlighted_path (f->canvas, elements, ports);
  g_assert_true (wm_canvas_has_highlighted_path (f->canvas));
  g_assert_true (wm_canvas_is_highlighted (f->canvas, "e1", NULL));
  g_assert_true (wm_canvas_is_highlighted (f->canvas, "e3", NULL));
  g_assert_false (wm_canvas_is_highlighted (f->canvas, "e4", NULL));
  g_assert_true (wm_canvas_is_highlighted (f->canvas, "e1", "out"));
  g_assert_true (wm_canvas_is_highlighted (f->canvas, "e2", "out"));
  /* The path ended at e3: its connection on to e4 is not lit. */
  g_assert_false (wm_canvas_is_highlighted (f->canvas, "e3", "out"));
  /* A path is view state: the document did not change. */
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 0);
  spin (50);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    }
  g_assert_true (handled);
  g_assert_false (wm_canvas_has_highlighted_path (f->canvas));

  /* Showing another version clears it too. */
  wm_canvas_set_highlighted_path (f->canvas, elements, NULL);
  g_assert_true (wm_canvas_is_highlighted (f->canvas, "e2", NULL));
  g_assert_false (wm_canvas_is_highlighted (f->canvas, "e2", "out"));
  wm_canvas_set_version (f->canvas, NULL, NULL);
  g_assert_false (wm_canvas_has_highlighted_path (f->canvas));
}

static void
test_escape_cancels_a_drag (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->canvas));
  guint steps = wm_undo_stack_get_n_undo (f->undo);
  gboolean handled = FALSE;
  double x, y;

  drag_begin (f, 300, 30);
  drag_update (f, 80, 40);
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 320);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    }
  g_assert_true (handled);
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 240);
  g_assert_cmpfloat (y, ==, 0);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, steps);
  g_assert_false (wm_undo_stack_in_group (f->undo));
}

static void
test_zoom_keeps_the_point_under_the_pointer (Fixture       *f,
                                             gconstpointer  data)
{
  double before_x, before_y, after_x, after_y;

  wm_canvas_view_to_canvas (f->canvas, 300, 200, &before_x, &before_y);
  wm_canvas_zoom_at (f->canvas, 2.0, 300, 200);
  g_assert_cmpfloat (wm_canvas_get_zoom (f->canvas), ==, 2.0);
  spin (30);
  wm_canvas_view_to_canvas (f->canvas, 300, 200, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-9);

  wm_canvas_zoom_at (f->canvas, 0.5, 10, 650);
  wm_canvas_view_to_canvas (f->canvas, 300, 200, &after_x, &after_y);
  g_assert_cmpfloat (wm_canvas_get_zoom (f->canvas), ==, 0.5);

  /* Out of range zooms clamp. */
  wm_canvas_set_zoom (f->canvas, 100);
  g_assert_cmpfloat (wm_canvas_get_zoom (f->canvas), ==, WM_CANVAS_MAX_ZOOM);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-reset", NULL);
  g_assert_cmpfloat (wm_canvas_get_zoom (f->canvas), ==, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-in", NULL);
  g_assert_cmpfloat (wm_canvas_get_zoom (f->canvas), ==, 1.25);
}

static void
test_rubber_band_selects (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(GStrv) ids = NULL;

  /* From empty canvas above-left of e1 over e1 (0, 0) and e2 (240, 0),
   * short of e3 (480, 0) and of the second row (y 160). */
  drag_begin (f, -20, -20);
  drag_update (f, 480, 70);
  drag_end (f, 480, 70);
  ids = wm_canvas_get_selected_ids (f->canvas);
  g_assert_cmpstrv (ids, ((const char *[]) { "e1", "e2", NULL }));
  g_assert_cmpuint (f->selection_changes, >, 0);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  const char *ids[] = { "e2", NULL };

  wm_canvas_set_selection (f->canvas, ids);
  g_assert_cmpuint (wm_canvas_get_n_selected (f->canvas), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete", NULL);
  g_assert_null (wm_version_find_element (f->version, "e2"));
  g_assert_null (wm_version_find_connection (f->version, "e1", "out"));
  g_assert_cmpuint (wm_canvas_get_n_selected (f->canvas), ==, 0);

  g_assert_true (wm_undo_stack_undo (f->undo));
  g_assert_nonnull (node_of (f, "e2"));
  g_assert_nonnull (wm_version_find_connection (f->version, "e1", "out"));
}

static void
test_connect_by_dragging_a_port (Fixture       *f,
                                 gconstpointer  data)
{
  WmConnection *connection;
  double ax, ay;

  /* e17 (480, 320) has one unconnected "out"; drop it on e18 (720, 320). */
  wm_node_port_anchor (480, 320, (const char *[]) { "out", NULL }, 0, &ax, &ay);
  drag_begin (f, ax, ay);
  drag_update (f, 820 - ax, 350 - ay);
  drag_end (f, 820 - ax, 350 - ay);
  connection = wm_version_find_connection (f->version, "e17", "out");
  g_assert_nonnull (connection);
  g_assert_cmpstr (wm_connection_get_to (connection), ==, "e18");
  g_assert_true (wm_undo_stack_undo (f->undo));
  g_assert_null (wm_version_find_connection (f->version, "e17", "out"));

  /* Into an entry point: nothing. */
  drag_begin (f, ax, ay);
  drag_update (f, 100 - ax, 30 - ay);
  drag_end (f, 100 - ax, 30 - ay);
  g_assert_null (wm_version_find_connection (f->version, "e17", "out"));
}

static void
test_dragging_a_connection_end_off_disconnects (Fixture       *f,
                                                gconstpointer  data)
{
  const char *success[] = { "success", "failure", NULL };
  WmBezier curve;
  double fx, fy, tx, ty, px, py;

  /* e16 (240, 320) success -> e17 (480, 320). */
  wm_node_port_anchor (240, 320, success, 0, &fx, &fy);
  wm_node_input_anchor (480, 320, &tx, &ty);
  wm_connection_curve (fx, fy, tx, ty, &curve);
  wm_bezier_point (&curve, 0.9, &px, &py);
  drag_begin (f, px, py);
  drag_update (f, 1000 - px, 600 - py);
  drag_end (f, 1000 - px, 600 - py);
  g_assert_null (wm_version_find_connection (f->version, "e16", "success"));
  g_assert_true (wm_undo_stack_undo (f->undo));
  g_assert_nonnull (wm_version_find_connection (f->version, "e16", "success"));

  /* The context menu's Disconnect. */
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.disconnect", "(ss)", "e16", "success");
  g_assert_null (wm_version_find_connection (f->version, "e16", "success"));
}

static void
test_nudges_merge (Fixture       *f,
                   gconstpointer  data)
{
  const char *ids[] = { "e2", NULL };
  double x, y;

  wm_canvas_set_selection (f->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ii)", 1, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ii)", 1, 1);
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 272);
  g_assert_cmpfloat (y, ==, 16);
  g_assert_true (wm_undo_stack_undo (f->undo));
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 240);
  g_assert_cmpfloat (y, ==, 0);
}

static void
test_arrows_move_focus (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *e1 = node_of (f, "e1");

  gtk_widget_grab_focus (e1);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.focus-move", "i", GTK_DIR_RIGHT);
  g_assert_true (gtk_widget_has_focus (node_of (f, "e2")));
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.focus-move", "i", GTK_DIR_DOWN);
  g_assert_true (gtk_widget_has_focus (node_of (f, "e9")));
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.focus-move", "i", GTK_DIR_LEFT);
  g_assert_true (gtk_widget_has_focus (node_of (f, "e8")));
}

static void
test_drop_adds_an_element (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->canvas));
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  double vx, vy, x, y;
  WmElement *element;
  g_auto(GStrv) ids = NULL;

  wm_canvas_canvas_to_view (f->canvas, 504, 536, &vx, &vy);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_static_string (&value, "send.sms");
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, vx, vy, &accepted);
    }
  g_value_unset (&value);
  g_assert_true (accepted);

  /* e1..e22 are taken; the head's middle is under the pointer. */
  element = wm_version_find_element (f->version, "e23");
  g_assert_nonnull (element);
  g_assert_cmpstr (wm_element_get_type_name (element), ==, "send.sms");
  g_assert_true (wm_element_get_position (element, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 500, 1e-9);
  ids = wm_canvas_get_selected_ids (f->canvas);
  g_assert_cmpstrv (ids, ((const char *[]) { "e23", NULL }));
  g_assert_nonnull (wm_canvas_get_node (f->canvas, element));
  g_assert_true (wm_undo_stack_undo (f->undo));
  g_assert_null (wm_version_find_element (f->version, "e23"));
}

static void
test_duplicate_and_arrange (Fixture       *f,
                            gconstpointer  data)
{
  const char *ids[] = { "e1", "e2", NULL };
  g_auto(GStrv) selected = NULL;
  guint steps = wm_undo_stack_get_n_undo (f->undo);
  double x, y;

  wm_canvas_set_selection (f->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.duplicate", NULL);
  selected = wm_canvas_get_selected_ids (f->canvas);
  g_assert_cmpstrv (selected, ((const char *[]) { "e23", "e24", NULL }));
  position_of (f, "e24", &x, &y);
  g_assert_cmpfloat (x, ==, 272);
  g_assert_cmpfloat (y, ==, 32);
  g_assert_nonnull (wm_version_find_connection (f->version, "e23", "out"));
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, steps + 1);
  g_assert_true (wm_undo_stack_undo (f->undo));
  g_assert_null (wm_version_find_element (f->version, "e23"));

  /* Arrange: the entry e1 goes to column 0, e2 (one step on) to column 1,
   * all in one undo step. */
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.arrange", NULL);
  position_of (f, "e1", &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 288);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (f->undo), ==, "Arrange elements");
  g_assert_true (wm_undo_stack_undo (f->undo));
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 240);
}

static void
wait_for_descriptions (Fixture *f)
{
  WmNode *node = WM_NODE (node_of (f, "e2"));
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (wm_node_get_description (node) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  spin (30);
}

static void
test_accessible_labels (Fixture       *f,
                        gconstpointer  data)
{
  WmNode *sms = WM_NODE (node_of (f, "e2"));
  g_autoptr(WmCommand) rename = NULL;

  wait_for_descriptions (f);
  g_assert_cmpstr (wm_node_get_description (sms), ==,
                   "SMS ‘Reminder SMS’, 1 segment, leads to E-mail ‘Reminder e-mail’");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sms), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "SMS ‘Reminder SMS’, 1 segment, leads to E-mail ‘Reminder e-mail’");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (sms), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (sms), GTK_ACCESSIBLE_RELATION_FLOW_TO,
                                       node_of (f, "e3"), NULL);
  /* The exit e22 leads nowhere. */
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (node_of (f, "e22")),
                                                    GTK_ACCESSIBLE_RELATION_FLOW_TO));

  /* Renaming the target changes what leads to it. */
  rename = wm_command_rename_element_new (1, "e3", "Nudge");
  g_assert_true (wm_undo_stack_push (f->undo, rename));
  spin (100);
  g_assert_cmpstr (wm_node_get_description (sms), ==,
                   "SMS ‘Reminder SMS’, 1 segment, leads to E-mail ‘Nudge’");
}

static void
test_badges_from_diagnostics (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new ();
  WmDiagnostic warning = { WM_SEVERITY_WARNING, "x", 1, (char *) "e3", NULL, (char *) "w", 0 };
  WmDiagnostic error = { WM_SEVERITY_ERROR, "x", 1, (char *) "e3", NULL, (char *) "e", 0 };
  WmDiagnostic other = { WM_SEVERITY_ERROR, "x", 3, (char *) "e2", NULL, (char *) "e", 0 };
  WmDiagnostic only = { WM_SEVERITY_WARNING, "x", 1, (char *) "e4", NULL, (char *) "w", 0 };

  g_ptr_array_add (diagnostics, &warning);
  g_ptr_array_add (diagnostics, &error);
  g_ptr_array_add (diagnostics, &other);
  g_ptr_array_add (diagnostics, &only);
  wm_canvas_set_diagnostics (f->canvas, diagnostics);
  g_assert_cmpuint (wm_node_get_badge (WM_NODE (node_of (f, "e3"))), ==, 2);
  g_assert_cmpuint (wm_node_get_badge (WM_NODE (node_of (f, "e4"))), ==, 1);
  /* Version 3's diagnostic does not mark version 1's e2. */
  g_assert_cmpuint (wm_node_get_badge (WM_NODE (node_of (f, "e2"))), ==, 0);
  g_assert_true (gtk_widget_has_css_class (node_of (f, "e3"), "error"));
  wm_canvas_set_diagnostics (f->canvas, NULL);
  g_assert_cmpuint (wm_node_get_badge (WM_NODE (node_of (f, "e3"))), ==, 0);
}

static void
test_export_writes_png_and_svg (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("canvas-export-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "flow.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "flow.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  WmRect bounds;

  g_assert_true (wm_canvas_export (f->version, WM_EXPORT_PNG, png, 1.0, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* Elements span x 0..1680+208 and y 0..320+72 (e16's 122-tall node
   * ends at 442): plus 32 on each side. */
  g_assert_true (wm_canvas_export_bounds (f->version, &bounds));
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1888 + 64);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 442 + 64);
  cairo_surface_destroy (surface);

  g_assert_true (wm_canvas_export (f->version, WM_EXPORT_SVG, svg, 1.0, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "<svg"));
  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

static gboolean
drop_type (Fixture    *f,
           const char *type,
           double      cx,
           double      cy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->canvas));
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  double vx, vy;

  wm_canvas_canvas_to_view (f->canvas, cx, cy, &vx, &vy);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_static_string (&value, type);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, vx, vy, &accepted);
    }
  g_value_unset (&value);
  return accepted;
}

static void
test_read_only_looks_but_does_not_touch (Fixture       *f,
                                         gconstpointer  data)
{
  const char *ids[] = { "e2", NULL };
  const char *out[] = { "out", NULL };
  guint steps = wm_undo_stack_get_n_undo (f->undo);
  guint n_elements = wm_version_get_n_elements (f->version);
  guint n_connections = wm_version_get_n_connections (f->version);
  double x, y, ax, ay, zoom;
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (f->canvas));
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  wm_canvas_set_read_only (f->canvas, TRUE);
  g_assert_true (wm_canvas_get_read_only (f->canvas));

  /* A press on e2's head (240, 0) selects it; dragging does not move it. */
  drag_begin (f, 300, 30);
  drag_update (f, 50, 20);
  drag_end (f, 50, 20);
  g_assert_true (wm_canvas_is_selected (f->canvas, wm_version_find_element (f->version, "e2")));
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 240);
  g_assert_cmpfloat (y, ==, 0);

  /* Dragging e17's free port onto e18 connects nothing. */
  wm_node_port_anchor (480, 320, out, 0, &ax, &ay);
  drag_begin (f, ax, ay);
  drag_update (f, 820 - ax, 350 - ay);
  drag_end (f, 820 - ax, 350 - ay);
  g_assert_null (wm_version_find_connection (f->version, "e17", "out"));

  /* Delete, nudge, paste, duplicate, arrange, undo: disabled, and the
   * public calls do nothing either. */
  wm_canvas_set_selection (f->canvas, ids);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ii)", 1, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.duplicate", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.arrange", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.disconnect", "(ss)", "e1", "out");
  wm_canvas_delete_selection (f->canvas);
  wm_canvas_cut_selection (f->canvas);
  wm_canvas_paste (f->canvas);
  spin (50);
  g_assert_null (wm_canvas_add_element (f->canvas, "send.sms", 0, 900));
  g_assert_false (drop_type (f, "send.sms", 504, 536));
  g_assert_nonnull (wm_version_find_element (f->version, "e2"));
  position_of (f, "e2", &x, &y);
  g_assert_cmpfloat (x, ==, 240);
  g_assert_cmpfloat (y, ==, 0);
  g_assert_cmpuint (wm_version_get_n_elements (f->version), ==, n_elements);
  g_assert_cmpuint (wm_version_get_n_connections (f->version), ==, n_connections);
  g_assert_nonnull (wm_version_find_connection (f->version, "e1", "out"));
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, steps);
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (f->canvas)));

  /* Copy, select all, zoom and scroll still work. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.select-all", NULL));
  g_assert_cmpuint (wm_canvas_get_n_selected (f->canvas), ==, n_elements);
  zoom = wm_canvas_get_zoom (f->canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.zoom-in", NULL));
  g_assert_cmpfloat (wm_canvas_get_zoom (f->canvas), >, zoom);
  /* Zoomed in, the all-types flow is taller than the view. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj), >,
                     gtk_adjustment_get_lower (vadj) + 100);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj) + 100);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, gtk_adjustment_get_lower (vadj) + 100);

  /* Editable again: the same delete works. */
  wm_canvas_set_read_only (f->canvas, FALSE);
  wm_canvas_set_selection (f->canvas, ids);
  wm_canvas_delete_selection (f->canvas);
  g_assert_null (wm_version_find_element (f->version, "e2"));
}

/* A template's preview fits every placed element of the latest version,
 * and draws something there; an empty flow draws nothing. */
static void
test_flow_preview (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *preview = wm_flow_preview_new ();
  GListModel *elements = wm_version_get_elements (wm_flow_get_latest_version (f->flow));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(WmFlow) empty = NULL;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE;
  WmRect bounds;

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (elements, i);
      double x, y;

      g_assert_true (wm_element_get_position (element, &x, &y));
      x1 = MIN (x1, x);
      y1 = MIN (y1, y);
      x2 = MAX (x2, x + WM_NODE_WIDTH);
    }
  wm_flow_preview_set_flow (WM_FLOW_PREVIEW (preview), f->flow);
  g_assert_true (wm_flow_preview_get_version (WM_FLOW_PREVIEW (preview)) == wm_flow_get_latest_version (f->flow));
  g_assert_true (wm_flow_preview_get_bounds (WM_FLOW_PREVIEW (preview), &bounds));
  g_assert_cmpfloat_with_epsilon (bounds.x, x1, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.y, y1, 1e-9);
  g_assert_cmpfloat_with_epsilon (bounds.x + bounds.width, x2, 1e-9);
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (preview)) == GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_set_size_request (preview, 144, 56);
  gtk_window_set_child (GTK_WINDOW (window), preview);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (preview) == 0)
    g_main_context_iteration (NULL, TRUE);
  paintable = gtk_widget_paintable_new (preview);
  spin (50);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), >=, 144);

  empty = wm_flow_new ("empty", "Empty", 0);
  wm_flow_preview_set_flow (WM_FLOW_PREVIEW (preview), empty);
  g_assert_false (wm_flow_preview_get_bounds (WM_FLOW_PREVIEW (preview), &bounds));
  wm_flow_preview_set_flow (WM_FLOW_PREVIEW (preview), NULL);
  g_assert_null (wm_flow_preview_get_version (WM_FLOW_PREVIEW (preview)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* GTK's in-process test accessibility backend, so that labels and
   * relations can be read back without an AT-SPI bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

#define ADD(path, func) \
  g_test_add ("/canvas/widget/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("nodes-follow-items-changed", test_nodes_follow_items_changed);
  ADD ("config-change-updates-ports", test_config_change_updates_ports);
  ADD ("drag-moves-through-the-undo-stack", test_drag_moves_through_the_undo_stack);
  ADD ("snapped-drag", test_snapped_drag);
  ADD ("escape-cancels-a-drag", test_escape_cancels_a_drag);
  ADD ("a-highlighted-path-lights-and-escape-clears", test_highlighted_path);
  ADD ("zoom-keeps-the-point-under-the-pointer", test_zoom_keeps_the_point_under_the_pointer);
  ADD ("rubber-band-selects", test_rubber_band_selects);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("connect-by-dragging-a-port", test_connect_by_dragging_a_port);
  ADD ("dragging-a-connection-end-off-disconnects", test_dragging_a_connection_end_off_disconnects);
  ADD ("nudges-merge", test_nudges_merge);
  ADD ("arrows-move-focus", test_arrows_move_focus);
  ADD ("drop-adds-an-element", test_drop_adds_an_element);
  ADD ("duplicate-and-arrange", test_duplicate_and_arrange);
  ADD ("read-only-selects-and-zooms-but-changes-nothing", test_read_only_looks_but_does_not_touch);
  ADD ("accessible-labels", test_accessible_labels);
  ADD ("badges-from-diagnostics", test_badges_from_diagnostics);
  ADD ("export-writes-png-and-svg", test_export_writes_png_and_svg);
  ADD ("a-flow-preview-fits-the-graph", test_flow_preview);
#undef ADD

  return g_test_run ();
}
