/* test-inspector-width.c - no element widens the inspector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor page gives the inspector 340 pixels and the canvas the rest;
 * an editor wider than that takes its width from the canvas whenever its
 * element is selected (the SMS send window did). Every element of every
 * type fits those 340 pixels; in the editor page on the sample
 * workspace, selecting the SMS of Cart abandonment leaves the inspector
 * and the canvas as wide as selecting its entry. With WAYMARK_SHOTS_DIR
 * set, screenshots of both go there.
 */

#include "config.h"

#include <adwaita.h>

#include "wm-canvas.h"
#include "wm-editor-page.h"
#include "wm-flow-io.h"
#include "wm-inspector.h"
#include "ui-harness.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"
/* The inspector's width-request in wm-editor-page.ui. */
#define INSPECTOR_WIDTH 340

static gboolean
is_expander_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

static gboolean
is_days_editor (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_str_equal (gtk_widget_get_css_name (widget), "dayseditor");
}

/* Where @day lies in @days. */
static graphene_rect_t
day_bounds (GtkWidget *days,
            GtkWidget *day)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (day, days, &bounds));
  return bounds;
}

/* Every element of the all-types flow, its optional parts switched on
 * (the SMS's send window among them), needs no more than the width the
 * editor page gives the inspector. */
static void
test_every_type_fits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_file (ALL_TYPES, &error);
  g_autoptr(WmUndoStack) undo = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = wm_inspector_new ();
  g_autoptr(GString) too_wide = g_string_new (NULL);
  GListModel *versions;
  guint checked = 0;

  g_assert_no_error (error);
  undo = wm_undo_stack_new (flow);
  gtk_widget_set_size_request (inspector, INSPECTOR_WIDTH, -1);
  gtk_window_set_child (GTK_WINDOW (window), inspector);
  gtk_window_present (GTK_WINDOW (window));
  versions = wm_flow_get_versions (flow);
  for (guint v = 0; v < g_list_model_get_n_items (versions); v++)
    {
      g_autoptr(WmVersion) version = g_list_model_get_item (versions, v);

      for (guint i = 0; i < wm_version_get_n_elements (version); i++)
        {
          WmElement *element = wm_version_get_element_at (version, i);
          int minimum = 0;

          wm_inspector_set_element (WM_INSPECTOR (inspector), element, flow, undo, NULL);
          spin (20);
          gtk_widget_measure (inspector, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_test_message ("%s (%s): %d pixels", wm_element_get_id (element),
                          wm_element_get_type_name (element), minimum);
          if (minimum > INSPECTOR_WIDTH)
            g_string_append_printf (too_wide, "%s%s (%s) needs %d", too_wide->len > 0 ? "; " : "",
                                    wm_element_get_id (element), wm_element_get_type_name (element), minimum);
          checked++;
          if (g_str_equal (wm_element_get_id (element), "e2"))
            {
              /* The SMS's send window, open: its days wrap. */
              GtkWidget *send_window = find_widget (inspector, is_expander_row, NULL);

              g_assert_nonnull (send_window);
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (send_window), TRUE);
              gtk_window_set_default_size (GTK_WINDOW (window), INSPECTOR_WIDTH, 760);
              spin (600);
              save_shot (window, "inspector-width-send-window.png");
              {
                GtkWidget *days = find_widget (send_window, is_days_editor, NULL);
                GtkWidget *monday, *tuesday, *friday;

                g_assert_nonnull (days);
                monday = gtk_widget_get_first_child (days);
                tuesday = gtk_widget_get_next_sibling (monday);
                friday = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (
                  gtk_widget_get_next_sibling (tuesday)));
                /* Two rows: Friday under Monday, Tuesday beside it. */
                g_assert_cmpfloat (day_bounds (days, friday).origin.y, >, day_bounds (days, monday).origin.y);
                g_assert_cmpfloat (day_bounds (days, friday).origin.x, ==, day_bounds (days, monday).origin.x);
                g_assert_cmpfloat (day_bounds (days, tuesday).origin.x, >, day_bounds (days, monday).origin.x);
                /* Right to left the week starts at the right. */
                gtk_widget_set_direction (days, GTK_TEXT_DIR_RTL);
                spin (100);
                g_assert_cmpfloat (day_bounds (days, tuesday).origin.x, <, day_bounds (days, monday).origin.x);
                g_assert_cmpfloat (day_bounds (days, friday).origin.x, ==, day_bounds (days, monday).origin.x);
                gtk_widget_set_direction (days, GTK_TEXT_DIR_NONE);
              }
            }
        }
    }
  g_assert_cmpuint (checked, >=, 25);
  if (too_wide->len > 0)
    g_test_fail_printf ("wider than the inspector's %d pixels: %s", INSPECTOR_WIDTH, too_wide->str);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The id of the first element of @type in the version shown. */
static const char *
element_of_type (WmEditorPage *page,
                 const char   *type)
{
  WmVersion *version = wm_editor_page_get_version (page);

  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);

      if (g_str_equal (wm_element_get_type_name (element), type))
        return wm_element_get_id (element);
    }
  g_assert_not_reached ();
}

static void
select_element (WmEditorPage *page,
                const char   *id)
{
  const char *ids[] = { id, NULL };

  wm_canvas_set_selection (wm_editor_page_get_canvas (page), ids);
  spin (300);
}

/* In the editor page, selecting the SMS (its send window expanded)
 * leaves the inspector and the canvas as wide as selecting the entry. */
static void
test_sms_keeps_the_canvas_width (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *flow_id = NULL;
  WmWorkspace *workspace = temp_workspace_new ("waymark-inspector-width-XXXXXX", TRUE, &dir, &path);
  GtkWidget *window = gtk_window_new ();
  WmEditorPage *page = WM_EDITOR_PAGE (wm_editor_page_new ());
  GtkWidget *inspector, *canvas, *send_window;
  int inspector_width, canvas_width;

  wm_editor_page_set_workspace (page, workspace);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  flow_id = find_flow_id (workspace, "Cart abandonment");
  g_assert_true (wm_editor_page_open (page, flow_id, &error));
  g_assert_no_error (error);
  inspector = GTK_WIDGET (wm_editor_page_get_inspector (page));
  canvas = GTK_WIDGET (wm_editor_page_get_canvas (page));

  select_element (page, element_of_type (page, "entry.event"));
  inspector_width = gtk_widget_get_width (inspector);
  canvas_width = gtk_widget_get_width (canvas);
  g_assert_cmpint (inspector_width, ==, INSPECTOR_WIDTH);
  save_shot (GTK_WIDGET (window), "inspector-width-entry.png");

  select_element (page, element_of_type (page, "send.sms"));
  send_window = find_widget (inspector, is_expander_row, NULL);
  g_assert_nonnull (send_window);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (send_window), TRUE);
  spin (500);
  save_shot (GTK_WIDGET (window), "inspector-width-sms.png");
  g_assert_cmpint (gtk_widget_get_width (inspector), ==, inspector_width);
  g_assert_cmpint (gtk_widget_get_width (canvas), ==, canvas_width);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  temp_workspace_remove (&workspace, &dir, &path);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/inspector-width/every-type-fits", test_every_type_fits);
  g_test_add_func ("/ui/inspector-width/sms-keeps-the-canvas-width", test_sms_keeps_the_canvas_width);
  return g_test_run ();
}
