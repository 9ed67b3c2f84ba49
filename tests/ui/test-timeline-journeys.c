/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Journey lines in the customer timeline's widgets, on conformance case
 * 23-journey-timing compiled with its journey (stored runs do not carry
 * journeys yet): a customer simulated again, with the journey document
 * naming its stages and steps, shows its journey, stage and stage-step
 * items as chips of their own style, icon and description, the
 * details show the journey, stage and step and never offer "Show in
 * flow", and the table names them a journey's. With
 * WAYMARK_SCREENSHOT_DIR set, timeline-journeys.png,
 * timeline-journeys-details.png and timeline-journeys-grid.png are saved
 * there.
 */

#include "config.h"

#include <adwaita.h>

#include "../sim/case-harness.h"
#include "wm-timeline-chip.h"
#include "wm-timeline-details.h"
#include "wm-timeline-grid.h"
#include "wm-timeline-view.h"
#include "wm-ui-types.h"
#include "ui-harness.h"

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  spin (300);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Customer o-0004 of the case, simulated again: it has an order, journey
 * and stage lines, steps done and a flow's items among them. */
static WmTimelineModel *
customer_model (SimCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfile) profile = wm_timeline_find_profile (c->profiles, "o-0004", &error);
  g_autofree char *timeline = NULL;
  WmTimelineModel *model;

  g_assert_no_error (error);
  timeline = wm_timeline_rerun (c->program, profile);
  model = wm_timeline_model_new (c->program, timeline, wm_timeline_zone_for (c->program, profile), &error);
  g_assert_no_error (error);
  return model;
}

static WmTimelineItem *
item_at (WmTimelineModel *model,
         guint            position)
{
  WmTimelineItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  g_object_unref (item);   /* the model keeps it */
  return item;
}

static void
test_chips_and_details (void)
{
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WmTimelineModel) model = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = wm_timeline_view_new ();
  WmTimelineDetails *details = g_object_new (WM_TYPE_TIMELINE_DETAILS, NULL);
  guint n_journey = 0, n_stage = 0, n_step = 0, n_flow = 0;
  SimCase c;

  sim_case_load (&c, "23-journey-timing", TRUE);
  sim_case_add_journeys (&c, journeys);
  model = customer_model (&c);
  /* The run's journey document names the stages and steps. */
  wm_timeline_model_name_journey (model, journeys->pdata[0]);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_size_request (GTK_WIDGET (details), 340, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (details));
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 900);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 560);
  wm_timeline_view_set_model (WM_TIMELINE_VIEW (view), model);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      WmTimelineItem *item = item_at (model, i);
      WmTimelineKind kind = wm_timeline_item_get_kind (item);
      g_autofree char *description = wm_timeline_item_describe (item);
      GtkWidget *chip;

      wm_timeline_view_focus_item (WM_TIMELINE_VIEW (view), i);
      spin (30);
      chip = wm_timeline_view_get_chip (WM_TIMELINE_VIEW (view), i);
      g_assert_nonnull (chip);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, description);
      g_assert_cmpint (gtk_widget_has_css_class (chip, "journey"), ==,
                       kind == WM_TIMELINE_JOURNEY || kind == WM_TIMELINE_STAGE);
      g_assert_cmpint (gtk_widget_has_css_class (chip, "stage-step"), ==, kind == WM_TIMELINE_STAGE_STEP);

      wm_timeline_details_show (details, model, i);
      g_assert_cmpint (wm_timeline_details_offers_show_in_flow (details), ==, !wm_timeline_item_is_journey (item));
      switch (kind)
        {
        case WM_TIMELINE_JOURNEY:
          n_journey++;
          g_assert_cmpstr (wm_timeline_item_icon_name (item), ==, "emoji-travel-symbolic");
          g_assert_cmpstr (wm_timeline_details_get_value (details, "journey"), ==, "Order delivery (delivery)");
          g_assert_null (wm_timeline_details_get_value (details, "stage"));
          g_assert_null (wm_timeline_details_get_value (details, "flow"));
          break;
        case WM_TIMELINE_STAGE:
          n_stage++;
          g_assert_cmpstr (wm_timeline_item_icon_name (item), ==, "mark-location-symbolic");
          {
            g_autofree char *stage = g_strdup_printf ("%s (%s)", wm_timeline_item_get_stage_name (item),
                                                      wm_timeline_item_get_stage (item));

            g_assert_nonnull (wm_timeline_item_get_stage_name (item));
            g_assert_cmpstr (wm_timeline_details_get_value (details, "stage"), ==, stage);
          }
          g_assert_null (wm_timeline_details_get_value (details, "step"));
          break;
        case WM_TIMELINE_STAGE_STEP:
          n_step++;
          g_assert_cmpstr (wm_timeline_item_icon_name (item), ==, "object-select-symbolic");
          {
            g_autofree char *step = g_strdup_printf ("%s (%s)", wm_timeline_item_get_step_name (item),
                                                     wm_timeline_item_get_name (item));

            g_assert_nonnull (wm_timeline_item_get_step_name (item));
            g_assert_cmpstr (wm_timeline_details_get_value (details, "step"), ==, step);
          }
          g_assert_cmpstr (wm_timeline_details_get_value (details, "journey"), ==, "Order delivery (delivery)");
          break;
        default:
          if (wm_timeline_item_get_flow (item) != NULL)
            n_flow++;
          g_assert_null (wm_timeline_details_get_value (details, "journey"));
          break;
        }
    }
  g_assert_cmpuint (n_journey, >=, 1);
  g_assert_cmpuint (n_stage, >=, 3);
  g_assert_cmpuint (n_step, >=, 1);
  g_assert_cmpuint (n_flow, >=, 1);

  /* The stage that began first, with its details open, for the picture. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    if (wm_timeline_item_get_kind (item_at (model, i)) == WM_TIMELINE_STAGE
        && g_strcmp0 (wm_timeline_item_get_result (item_at (model, i)), "began") == 0)
      {
        wm_timeline_view_focus_item (WM_TIMELINE_VIEW (view), 0);
        wm_timeline_view_set_selected (WM_TIMELINE_VIEW (view), i);
        wm_timeline_details_show (details, model, i);
        break;
      }
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  save_screenshot (window, "timeline-journeys-details.png");
  /* Without the details, where the flow's items come among the journey's. */
  gtk_widget_set_visible (GTK_WIDGET (details), FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    if (wm_timeline_item_get_flow (item_at (model, i)) != NULL)
      {
        wm_timeline_view_focus_item (WM_TIMELINE_VIEW (view), i);
        break;
      }
  save_screenshot (window, "timeline-journeys.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&model);
  sim_case_clear (&c);
}

/* The cells under @root styled as a journey line's, and those saying
 * "Journey" (the direction column). */
static void
count_labels (GtkWidget *root,
              guint     *styled,
              guint     *journey_texts)
{
  if (GTK_IS_LABEL (root))
    {
      *styled += gtk_widget_has_css_class (root, "timeline-journey");
      *journey_texts += g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), "Journey") == 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_labels (child, styled, journey_texts);
}

static void
test_grid (void)
{
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WmTimelineModel) model = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnView *grid = wm_timeline_grid_new ();
  guint styled = 0, journey_texts = 0;
  SimCase c;

  sim_case_load (&c, "23-journey-timing", TRUE);
  sim_case_add_journeys (&c, journeys);
  model = customer_model (&c);
  wm_timeline_grid_set_model (grid, model);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (grid));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 560);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  /* Every row of the table is an item, journey lines included, and the
   * journey lines' cells are styled as such. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_assert_true (wm_timeline_grid_get_item (grid, i) == item_at (model, i));
  count_labels (GTK_WIDGET (grid), &styled, &journey_texts);
  g_assert_cmpuint (styled, >, 0);
  g_assert_cmpuint (journey_texts, >, 0);
  save_screenshot (window, "timeline-journeys-grid.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&model);
  sim_case_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (!ui_test_init (&argc, &argv))
    return 0;
  /* The app's style sheet, as AdwApplication loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/waymark/Waymark/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/waymark/Waymark/icons");

  g_test_add_func ("/ui/timeline-journeys/chips-and-details", test_chips_and_details);
  g_test_add_func ("/ui/timeline-journeys/grid", test_grid);
  return g_test_run ();
}
