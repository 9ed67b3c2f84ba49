/* test-compare.c - the canvas comparing two versions, and a locked element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Version 2 is a copy of the all-types fixture's version 1 with one
 * element changed, one removed and one added, shown against version 1.
 * With WAYMARK_SHOTS_DIR set, it saves versions-canvas.png there.
 */

#include "canvas-harness.h"
#include "wm-flow-diff.h"
#include "wm-node.h"

typedef struct
{
  WmFlow      *flow;
  WmVersion   *v1;
  WmVersion   *v2;
  WmUndoStack *undo;
  GtkWidget   *window;
  WmCanvas    *canvas;
} Fixture;

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("WAYMARK_SHOTS_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WmVersion) v2 = NULL;
  g_autoptr(WmElement) added = wm_element_new ("e23", "wait.delay");
  g_autoptr(WmConnection) link = wm_connection_new ("e8", "out", "e23");

  f->flow = load_all_types ();
  f->v1 = wm_flow_get_version (f->flow, 1);
  v2 = wm_version_copy (f->v1, 2);
  wm_version_set_status (v2, WM_VERSION_DRAFT);
  wm_element_set_name (wm_version_find_element (v2, "e2"), "Second reminder");
  wm_version_remove_connection (v2, wm_version_find_connection (v2, "e8", "out"));
  wm_version_remove_connection (v2, wm_version_find_connection (v2, "e9", "out"));
  wm_version_remove_element (v2, wm_version_find_element (v2, "e9"));
  wm_element_set_position (added, 480, 480);
  wm_version_insert_element (v2, wm_version_get_n_elements (v2), added);
  wm_version_insert_connection (v2, 0, link);
  wm_flow_append_version (f->flow, v2);
  f->v2 = v2;
  f->undo = wm_undo_stack_new (f->flow);

  f->window = canvas_window_new (f->v2, f->undo, &f->canvas);
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

static WmNode *
node_of (Fixture    *f,
         const char *id)
{
  WmElement *element = wm_version_find_element (f->v2, id);

  g_assert_nonnull (element);
  return WM_NODE (wm_canvas_get_node (f->canvas, element));
}

static void
test_marks_and_ghosts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WmFlowDiff) diff = wm_flow_diff_new (f->v1, f->v2);
  GtkWidget *ghost;
  double x, y;

  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "e2"), ==, WM_NODE_NO_MARK);
  wm_canvas_set_comparison (f->canvas, diff);
  g_assert_true (wm_canvas_get_comparison (f->canvas) == diff);

  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "e2"), ==, WM_DIFF_CHANGED);
  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "e23"), ==, WM_DIFF_ADDED);
  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "e9"), ==, WM_DIFF_REMOVED);
  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "e1"), ==, WM_NODE_NO_MARK);
  /* The node carries the mark, its CSS class and its description. */
  g_assert_cmpint (wm_node_get_mark (node_of (f, "e2")), ==, WM_DIFF_CHANGED);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (node_of (f, "e2")), "changed"));
  g_assert_cmpstr (wm_node_get_mark_description (node_of (f, "e2")), ==, "Changed in version 2: name");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (node_of (f, "e23")), "added"));
  g_assert_cmpstr (wm_node_get_mark_description (node_of (f, "e23")), ==, "Added in version 2");
  g_assert_null (wm_node_get_mark_description (node_of (f, "e1")));

  /* The ghost is a child drawn where version 1 had it, which takes no
   * focus and is not an element of version 2. */
  ghost = wm_canvas_get_ghost (f->canvas, "e9");
  g_assert_nonnull (ghost);
  g_assert_true (gtk_widget_get_parent (ghost) == GTK_WIDGET (f->canvas));
  g_assert_false (gtk_widget_get_focusable (ghost));
  g_assert_true (gtk_widget_has_css_class (ghost, "removed"));
  g_assert_cmpstr (wm_node_get_mark_description (WM_NODE (ghost)), ==, "Removed in version 2");
  g_assert_nonnull (wm_node_get_description (WM_NODE (ghost)));
  g_assert_null (wm_version_find_element (f->v2, "e9"));
  g_assert_true (wm_element_get_position (wm_node_get_element (WM_NODE (ghost)), &x, &y));
  g_assert_true (wm_element_get_position (wm_version_find_element (f->v1, "e9"), &x, &y));
  g_assert_null (wm_canvas_get_ghost (f->canvas, "e2"));

  /* Shown and drawn without trouble, scrolled to the ghost. */
  wm_canvas_set_zoom (f->canvas, 1.0);
  wm_canvas_center_on (f->canvas, x, y);
  spin (50);
  g_assert_true (gtk_widget_get_child_visible (ghost));
  save_shot (GTK_WIDGET (f->canvas), "versions-canvas.png");

  /* Ending the comparison clears the marks and drops the ghost. */
  g_object_add_weak_pointer (G_OBJECT (ghost), (gpointer *) &ghost);
  wm_canvas_set_comparison (f->canvas, NULL);
  g_assert_null (ghost);
  g_assert_null (wm_canvas_get_comparison (f->canvas));
  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "e2"), ==, WM_NODE_NO_MARK);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (node_of (f, "e2")), "changed"));
  g_assert_null (wm_node_get_mark_description (node_of (f, "e2")));
  spin (30);
}

static void
test_other_version_ends_comparison (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(WmFlowDiff) diff = wm_flow_diff_new (f->v1, f->v2);
  GtkWidget *ghost;

  wm_canvas_set_comparison (f->canvas, diff);
  ghost = wm_canvas_get_ghost (f->canvas, "e9");
  g_object_add_weak_pointer (G_OBJECT (ghost), (gpointer *) &ghost);
  wm_canvas_set_version (f->canvas, f->v1, f->undo);
  g_assert_null (wm_canvas_get_comparison (f->canvas));
  g_assert_null (ghost);
  spin (30);
}

static void
test_added_node_is_marked (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WmFlowDiff) diff = wm_flow_diff_new (f->v1, f->v2);
  WmElement *e23 = wm_version_find_element (f->v2, "e23");
  g_autoptr(WmElement) keep = g_object_ref (e23);

  wm_canvas_set_comparison (f->canvas, diff);
  /* An element that comes back (undo of a delete) gets its mark again. */
  wm_version_remove_element (f->v2, e23);
  wm_version_insert_element (f->v2, 0, keep);
  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "e23"), ==, WM_DIFF_ADDED);
  spin (30);
}

static void
test_unrelated_versions_ghost_everything (Fixture       *f,
                                          gconstpointer  data)
{
  WmVersion *v3 = wm_flow_get_version (f->flow, 3);
  g_autoptr(WmFlowDiff) diff = wm_flow_diff_new (f->v1, v3);

  /* Version 3 shares no id with version 1: every element of version 1 is
   * a ghost, every one of version 3 is added. */
  wm_canvas_set_version (f->canvas, v3, f->undo);
  wm_canvas_set_comparison (f->canvas, diff);
  for (guint i = 1; i <= 22; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      g_assert_nonnull (wm_canvas_get_ghost (f->canvas, id));
      g_assert_cmpint (wm_canvas_get_mark (f->canvas, id), ==, WM_DIFF_REMOVED);
    }
  g_assert_cmpint (wm_canvas_get_mark (f->canvas, "a1"), ==, WM_DIFF_ADDED);
  /* Drawn at several zooms, the far-out overview too. */
  wm_canvas_zoom_to_fit (f->canvas);
  spin (50);
  wm_canvas_set_zoom (f->canvas, 0.2);
  spin (50);
  wm_canvas_set_comparison (f->canvas, NULL);
  g_assert_null (wm_canvas_get_ghost (f->canvas, "e1"));
  spin (20);
}

static void
test_locked_element_stays (Fixture       *f,
                           gconstpointer  data)
{
  const char *both[] = { "e1", "e2", NULL };
  const char *only[] = { "e1", NULL };
  double x, y, x2, y2, nx, ny;
  g_auto(GStrv) selected = NULL;

  wm_canvas_set_locked_element (f->canvas, "e1");
  g_assert_cmpstr (wm_canvas_get_locked_element (f->canvas), ==, "e1");
  g_assert_true (wm_node_get_locked (node_of (f, "e1")));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (node_of (f, "e1")), "locked"));
  g_assert_false (wm_node_get_locked (node_of (f, "e2")));
  wm_element_get_position (wm_version_find_element (f->v2, "e1"), &x, &y);
  wm_element_get_position (wm_version_find_element (f->v2, "e2"), &x2, &y2);

  /* Nudging both moves only the other one. */
  wm_canvas_set_selection (f->canvas, both);
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ii)", 1, 0);
  wm_element_get_position (wm_version_find_element (f->v2, "e1"), &nx, &ny);
  g_assert_cmpfloat (nx, ==, x);
  wm_element_get_position (wm_version_find_element (f->v2, "e2"), &nx, &ny);
  g_assert_cmpfloat (nx, ==, x2 + WM_CANVAS_GRID);

  /* Deleting both deletes only the other one; alone it stays. */
  wm_canvas_delete_selection (f->canvas);
  g_assert_nonnull (wm_version_find_element (f->v2, "e1"));
  g_assert_null (wm_version_find_element (f->v2, "e2"));
  wm_canvas_set_selection (f->canvas, only);
  wm_canvas_delete_selection (f->canvas);
  wm_canvas_cut_selection (f->canvas);
  g_assert_nonnull (wm_version_find_element (f->v2, "e1"));
  selected = wm_canvas_get_selected_ids (f->canvas);
  g_assert_cmpstrv (selected, only);

  /* Arranging moves the others around it. */
  wm_canvas_arrange (f->canvas);
  wm_element_get_position (wm_version_find_element (f->v2, "e1"), &nx, &ny);
  g_assert_cmpfloat (nx, ==, x);
  g_assert_cmpfloat (ny, ==, y);

  /* Unlocked, it moves again. */
  wm_canvas_set_locked_element (f->canvas, NULL);
  g_assert_false (wm_node_get_locked (node_of (f, "e1")));
  gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.nudge", "(ii)", 0, 1);
  wm_element_get_position (wm_version_find_element (f->v2, "e1"), &nx, &ny);
  g_assert_cmpfloat (ny, ==, y + WM_CANVAS_GRID);
  spin (30);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

#define ADD(name, func) \
  g_test_add ("/canvas/compare/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("marks-and-ghosts", test_marks_and_ghosts);
  ADD ("other-version-ends-comparison", test_other_version_ends_comparison);
  ADD ("added-node-is-marked", test_added_node_is_marked);
  ADD ("unrelated-versions-ghost-everything", test_unrelated_versions_ghost_everything);
  ADD ("locked-element-stays", test_locked_element_stays);
#undef ADD

  return g_test_run ();
}
