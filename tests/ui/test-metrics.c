/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run's figures in the editor: the sample workspace's Cart abandonment
 * flow (versions 1 and 2 both took part) simulated on the sample profiles
 * with the library, stored and reopened as the app would, then given to
 * the editor. For every element of the flow, the text drawn on the
 * canvas, the node's accessible description and the inspector's
 * Performance rows carry the figures the report holds (read here with
 * plain json-glib calls), each connection carries its port's traffic;
 * switching versions changes the figures, turning the toggle off removes
 * them, and a run of another version says so.
 *
 * With WAYMARK_SHOTS_DIR set to a folder, it also saves light and dark
 * screenshots of the editor there.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-canvas-metrics.h"
#include "wm-canvas-private.h"
#include "wm-editor-metrics.h"
#include "wm-editor-page.h"
#include "wm-flow-info.h"
#include "wm-flow-io.h"
#include "wm-run-program.h"
#include "wm-runs.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-ui-types.h"
#include "wm-workspace.h"
#include "ui-harness.h"

#define DAY (24 * 3600)

typedef struct
{
  char        *dir;
  WmWorkspace *workspace;
  char        *flow_id;
  WmRun       *run;        /* reopened from the store, with its report */
  JsonNode    *report;     /* its report, parsed here */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profiles = NULL;
  g_autofree char *document = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(WmRun) run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  WmRunProgramFlow flows[1];
  WmSimProgram *program;
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;

  f->workspace = temp_workspace_new ("waymark-metrics-XXXXXX", TRUE, &f->dir, NULL);
  f->flow_id = find_flow_id (f->workspace, "Cart abandonment");

  /* The library, as the app's run dialog uses it: both launched versions
   * take part over the month before now. */
  flow = wm_workspace_get_flow (f->workspace, f->flow_id, &error);
  g_assert_no_error (error);
  document = wm_flow_to_canonical (flow, NULL);
  flows[0].document = document;
  flows[0].tried = 0;
  program = wm_run_program_new (flows, 1, NULL, now - 31 * DAY, now, 1, NULL, &error);
  g_assert_no_error (error);
  profiles = wm_workspace_get_sample_profiles_path (f->workspace);
  options.profiles_path = profiles;
  options.threads = 1;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);

  run = wm_run_new ();
  run->profiles_path = g_strdup (profiles);
  run->start = now - 31 * DAY;
  run->end = now;
  run->seed = 1;
  run->params = g_strdup ("{}");
  run->report = wm_sim_report_to_text (result.report);
  g_assert_true (wm_run_stat_profiles (run, &error));
  wm_run_add_flow (run, f->flow_id, 2, FALSE);
  id = wm_workspace_add_run (f->workspace, run, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  wm_sim_result_clear (&result);
  wm_sim_program_free (program);

  f->run = wm_workspace_get_run (f->workspace, id, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, f->run->report, -1, &error));
  f->report = json_node_ref (json_parser_get_root (parser));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  json_node_unref (f->report);
  wm_run_free (f->run);
  temp_workspace_remove (&f->workspace, &f->dir, NULL);
  g_free (f->flow_id);
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  spin (200);
  return window;
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

static WmEditorPage *
open_editor (Fixture    *f,
             GtkWindow **window)
{
  g_autoptr(GError) error = NULL;
  WmEditorPage *page = WM_EDITOR_PAGE (wm_editor_page_new ());

  *window = show_in_window (GTK_WIDGET (page));
  wm_editor_page_set_workspace (page, f->workspace);
  g_assert_true (wm_editor_page_open (page, f->flow_id, &error));
  g_assert_no_error (error);
  spin (100);
  return page;
}

/* The METRICS of the flow in the run's report: version @v, 0 for all. */
static JsonObject *
report_metrics (Fixture *f,
                guint    v)
{
  JsonObject *flow = json_object_get_object_member (json_object_get_object_member (
                       json_node_get_object (f->report), "flows"), f->flow_id);
  g_autofree char *number = g_strdup_printf ("%u", v);

  return v == 0 ? json_object_get_object_member (flow, "all")
                : json_object_get_object_member (json_object_get_object_member (flow, "versions"), number);
}

/* Money as the report writes it: at most six decimals, no trailing zeros. */
static char *
money_text (double value)
{
  char *text = g_strdup_printf ("%.6f", value);
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

static char *
plural (gint64      n,
        const char *word)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s%s", n, word, n == 1 ? "" : "s");
}

/* Every element of the canvas's version shows the report's figures @v on
 * the canvas, in its accessible description and in the inspector; every
 * connection its traffic. Returns the elements checked. */
static guint
check_every_element (Fixture      *f,
                     WmEditorPage *page,
                     guint         v)
{
  WmCanvas *canvas = wm_editor_page_get_canvas (page);
  WmVersion *version = wm_editor_page_get_version (page);
  JsonObject *metrics = report_metrics (f, v);
  JsonObject *elements = json_object_get_object_member (metrics, "elements");
  guint checked = 0;

  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);
      const char *id = wm_element_get_id (element);
      JsonObject *e = json_object_get_object_member (elements, id);
      const char *text = wm_canvas_get_metrics_text (canvas, id);
      const char *ids[] = { id, NULL };
      WmInspectorPerformance *performance;
      g_autofree char *engagements = plural (json_object_get_int_member (e, "total_engagements"),
                                             "engagement");
      g_autofree char *users = plural (json_object_get_int_member (e, "unique_users"), "user");
      g_autofree char *first_line = g_strdup_printf ("%s · %s", engagements, users);
      g_autofree char *described = g_strdup_printf ("%s, %s", engagements, users);
      g_autofree char *value = NULL;
      GtkWidget *node = wm_canvas_get_node (canvas, element);
      JsonObject *ports = json_object_get_object_member (e, "ports");
      g_autoptr(GList) port_names = json_object_get_members (ports);
      WmReportMetrics *shown = wm_canvas_get_metrics (canvas);
      WmElementMetrics m;
      g_autofree char *description = NULL;
      char *mismatch;

      g_assert_nonnull (e);
      g_assert_nonnull (text);
      g_assert_true (g_str_has_prefix (text, first_line));

      if (json_object_has_member (e, "sends"))
        {
          g_autofree char *cost = money_text (json_object_get_double_member (e, "cost"));
          g_autofree char *messages = plural (json_object_get_int_member (e, "messages"), "message");
          g_autofree char *line = g_strdup_printf ("\n%s · cost %s\n", messages, cost);

          g_assert_nonnull (strstr (text, line));
        }
      if (g_str_has_prefix (wm_element_get_type_name (element), "entry."))
        {
          g_autofree char *conversions = plural (json_object_get_int_member (
                                                   json_object_get_object_member (metrics, "overall"),
                                                   "goal_conversions"), "conversion");

          g_assert_nonnull (strstr (text, conversions));
        }

      /* The accessible description says the same. */
      g_assert_true (wm_report_metrics_get_element (shown, id, wm_element_get_type_name (element),
                                                    g_str_equal (wm_element_get_type_name (element), "milestone")
                                                    ? wm_element_get_config_string (element, "milestone") : NULL,
                                                    &m));
      description = wm_element_metrics_describe (&m);
      g_assert_true (g_str_has_prefix (description, described));
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (node),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      g_assert_null (mismatch);

      /* The inspector of the selected element (brought into view: the
       * flow opens on its start, and a popover points only at a node it
       * can see). */
      wm_canvas_scroll_to_element (canvas, element);
      wm_canvas_set_selection (canvas, ids);
      spin (20);
      performance = wm_inspector_get_performance (wm_editor_page_get_inspector (page));
      g_assert_nonnull (performance);
      value = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (e, "total_engagements"));
      g_assert_cmpstr (wm_inspector_performance_get_value (performance, "Engagements"), ==, value);
      g_free (value);
      value = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (e, "unique_users"));
      g_assert_cmpstr (wm_inspector_performance_get_value (performance, "Unique users"), ==, value);
      if (json_object_has_member (e, "cost"))
        {
          g_free (value);
          value = money_text (json_object_get_double_member (e, "cost"));
          g_assert_cmpstr (wm_inspector_performance_get_value (performance, "Cost"), ==, value);
        }
      if (json_object_has_member (e, "sends"))
        {
          g_free (value);
          value = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (e, "messages"));
          g_assert_cmpstr (wm_inspector_performance_get_value (performance, "Messages"), ==, value);
        }
      /* The popover of the one selected element is up. */
      g_assert_true (gtk_widget_get_visible (wm_canvas_get_metrics_popover (canvas)));

      for (GList *l = port_names; l != NULL; l = l->next)
        {
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    json_object_get_int_member (ports, l->data));
          g_autofree char *label = g_strdup_printf ("Port %s", (const char *) l->data);
          g_autofree char *traffic = wm_canvas_get_traffic_label (canvas, id, l->data);

          g_assert_cmpstr (traffic, ==, count);
          g_assert_cmpstr (wm_inspector_performance_get_value (performance, label), ==, count);
        }
      checked++;
    }
  /* Connections are as thick as their traffic: the busiest is the
   * thickest. */
  {
    double busiest = 0, idle = G_MAXDOUBLE;

    for (guint i = 0; i < wm_version_get_n_connections (version); i++)
      {
        WmConnection *c = wm_version_get_connection_at (version, i);
        double width = wm_canvas_get_connection_width (canvas, wm_connection_get_from (c),
                                                       wm_connection_get_port (c));

        busiest = MAX (busiest, width);
        idle = MIN (idle, width);
      }
    g_assert_cmpfloat (busiest, >, idle);
  }
  return checked;
}

/* Lets frames go by until @popover is on screen (@shown) or off it, for
 * at most five seconds (a loaded machine draws slowly); TRUE if it got
 * there. */
static gboolean
popover_shown_within (GtkWidget *popover,
                      gboolean   shown)
{
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (gtk_widget_get_mapped (popover) != shown && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return gtk_widget_get_mapped (popover) == shown;
}

static void
test_every_element (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, &window);
  GtkToggleButton *toggle = wm_editor_page_get_metrics_toggle (page);
  GtkDropDown *versions = wm_editor_page_get_metrics_versions (page);
  WmCanvas *canvas = wm_editor_page_get_canvas (page);
  guint checked;

  /* Without a run there is nothing to show. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));
  g_assert_null (wm_canvas_get_metrics (canvas));

  wm_editor_page_set_run (page, f->run);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));
  g_assert_false (gtk_toggle_button_get_active (toggle));
  g_assert_null (wm_editor_page_get_metrics_notice (page));
  /* Version 1, version 2, all; the run's version 2 is picked. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (versions)), ==, 3);
  g_assert_cmpuint (wm_editor_page_get_metrics_version (page), ==, 2);
  g_assert_null (wm_canvas_get_metrics_text (canvas, wm_element_get_id (
                   wm_version_get_element_at (wm_editor_page_get_version (page), 0))));

  gtk_toggle_button_set_active (toggle, TRUE);
  checked = check_every_element (f, page, 2);
  g_assert_cmpuint (checked, ==, wm_version_get_n_elements (wm_editor_page_get_version (page)));
  g_assert_cmpuint (checked, >=, 5);
  {
    const char *ids[] = { wm_element_get_id (wm_version_get_entry (wm_editor_page_get_version (page))), NULL };

    wm_canvas_set_selection (canvas, ids);
  }
  save_shot (GTK_WIDGET (window), "metrics-light-fit.png");
  wm_canvas_set_zoom (canvas, 1.0);
  wm_canvas_scroll_to_element (canvas, wm_version_get_entry (wm_editor_page_get_version (page)));
  save_shot (GTK_WIDGET (window), "metrics-light.png");

  /* The selected element scrolled out of view takes its popover with it
   * and brings it back. Neither may happen inside the canvas's
   * allocation: hiding or showing queues a resize, and the frame would be
   * drawn with the canvas's ancestors unallocated, a warning the suite's
   * fatal-warnings turns into a failure. */
  {
    GtkWidget *popover = wm_canvas_get_metrics_popover (canvas);
    GtkAdjustment *hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
    double h = gtk_adjustment_get_value (hadj), v = gtk_adjustment_get_value (vadj);

    g_assert_true (popover_shown_within (popover, TRUE));
    gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj));
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
    g_assert_true (popover_shown_within (popover, FALSE));
    g_assert_false (gtk_widget_get_visible (popover));
    gtk_adjustment_set_value (hadj, h);
    gtk_adjustment_set_value (vadj, v);
    g_assert_true (popover_shown_within (popover, TRUE));
  }

  /* While a zoom moves the labels are images painted with the elements'
   * into the layer's picture (wm-canvas-raster.c): one a label in view,
   * and the overlay appends nothing of its own. Once the zoom rests they
   * are drawn as themselves again and the images go. */
  wm_canvas_set_zoom (canvas, 0.8);
  canvas->zoomed_at = G_MAXINT64 / 2;
  spin (50);
  g_assert_true (canvas->rasters_now);
  g_assert_cmpuint (canvas->overlay_placed->len, >=, canvas->shown->len);
  {
    g_autoptr(GtkSnapshot) own = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) labels = NULL;
    WmRect view;

    wm_canvas_get_visible_area (canvas, &view.x, &view.y, &view.width, &view.height);
    _wm_canvas_snapshot_metrics (canvas, own, &view);
    labels = gtk_snapshot_free_to_node (g_steal_pointer (&own));
    g_assert_null (labels);
  }
  save_shot (GTK_WIDGET (window), "metrics-zooming.png");
  canvas->zoomed_at = 0;
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  spin (50);
  g_assert_false (canvas->rasters_now);
  g_assert_cmpuint (g_hash_table_size (canvas->overlay_rasters), ==, 0);

  /* All versions, every element in view again (the popover shows for a
   * selected element in view). */
  wm_canvas_zoom_to_fit (canvas);
  spin (50);
  gtk_drop_down_set_selected (versions, 2);
  g_assert_cmpuint (wm_editor_page_get_metrics_version (page), ==, 0);
  check_every_element (f, page, 0);

  /* Toggling off removes the overlay, the popover, the section and the
   * descriptions. */
  gtk_toggle_button_set_active (toggle, FALSE);
  g_assert_null (wm_canvas_get_metrics (canvas));
  g_assert_false (gtk_widget_get_visible (wm_canvas_get_metrics_popover (canvas)));
  g_assert_null (wm_inspector_get_performance (wm_editor_page_get_inspector (page)));
  for (guint i = 0; i < wm_version_get_n_elements (wm_editor_page_get_version (page)); i++)
    {
      WmElement *element = wm_version_get_element_at (wm_editor_page_get_version (page), i);

      g_assert_null (wm_canvas_get_metrics_text (canvas, wm_element_get_id (element)));
      g_assert_null (wm_canvas_get_traffic_label (canvas, wm_element_get_id (element), "out"));
      g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (wm_canvas_get_node (canvas, element)),
                                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, NULL));
    }

  /* Clearing the run makes the toggle insensitive again. */
  wm_editor_page_set_run (page, NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));
  destroy_window (window);
}

/* Switching to version 1 shows version 1's figures, which differ. */
static void
test_version_switch (Fixture       *f,
                     gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, &window);
  WmCanvas *canvas = wm_editor_page_get_canvas (page);
  WmVersion *version;
  g_autofree char *before = NULL;
  gboolean changed = FALSE;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  wm_editor_page_set_run (page, f->run);
  gtk_toggle_button_set_active (wm_editor_page_get_metrics_toggle (page), TRUE);
  version = wm_editor_page_get_version (page);
  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    g_ptr_array_add (texts, g_strdup (wm_canvas_get_metrics_text (canvas, wm_element_get_id (
                                        wm_version_get_element_at (version, i)))));

  gtk_drop_down_set_selected (wm_editor_page_get_metrics_versions (page), 0);
  g_assert_cmpuint (wm_editor_page_get_metrics_version (page), ==, 1);
  g_assert_cmpuint (wm_report_metrics_get_version (wm_canvas_get_metrics (canvas)), ==, 1);
  check_every_element (f, page, 1);
  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    if (g_strcmp0 (texts->pdata[i], wm_canvas_get_metrics_text (canvas, wm_element_get_id (
                                      wm_version_get_element_at (version, i)))) != 0)
      changed = TRUE;
  g_assert_true (changed);
  destroy_window (window);
}

/* A run of another version than the canvas's says so; a run without this
 * flow cannot be shown. */
static void
test_notices (Fixture       *f,
              gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, &window);
  WmRunFlow *flow = g_ptr_array_index (f->run->flows, 0);
  const char *notice;
  g_autofree char *saved_id = NULL;

  flow->version = 1;
  wm_editor_page_set_run (page, f->run);
  notice = wm_editor_page_get_metrics_notice (page);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "simulated version 1"));
  g_assert_nonnull (strstr (notice, "shows version 2"));
  g_assert_cmpuint (wm_editor_page_get_metrics_version (page), ==, 1);
  flow->version = 2;

  /* The report of a run that did not simulate this flow. */
  saved_id = flow->flow_id;
  flow->flow_id = g_strdup ("another-flow");
  {
    g_autofree char *report = f->run->report;

    f->run->report = g_strdup ("{\"format\":\"waymark.report\",\"flows\":{}}");
    wm_editor_page_set_run (page, f->run);
    g_free (f->run->report);
    f->run->report = g_steal_pointer (&report);
  }
  g_free (flow->flow_id);
  flow->flow_id = g_steal_pointer (&saved_id);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (wm_editor_page_get_metrics_toggle (page))));
  notice = wm_editor_page_get_metrics_notice (page);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "did not simulate this flow"));

  /* A report that does not parse. */
  {
    g_autofree char *report = f->run->report;

    f->run->report = g_strdup ("{broken");
    wm_editor_page_set_run (page, f->run);
    g_free (f->run->report);
    f->run->report = g_steal_pointer (&report);
  }
  notice = wm_editor_page_get_metrics_notice (page);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "cannot be read"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (wm_editor_page_get_metrics_toggle (page))));
  destroy_window (window);
}

/* The dark style, for the screenshot. */
static void
test_dark_shot (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page;
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (g_getenv ("WAYMARK_SHOTS_DIR") == NULL)
    {
      g_test_skip ("WAYMARK_SHOTS_DIR is not set");
      return;
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  page = open_editor (f, &window);
  wm_editor_page_set_run (page, f->run);
  gtk_toggle_button_set_active (wm_editor_page_get_metrics_toggle (page), TRUE);
  gtk_drop_down_set_selected (wm_editor_page_get_metrics_versions (page), 2);
  save_shot (GTK_WIDGET (window), "metrics-dark-fit.png");
  wm_canvas_set_zoom (wm_editor_page_get_canvas (page), 1.0);
  wm_canvas_scroll_to_element (wm_editor_page_get_canvas (page),
                               wm_version_get_entry (wm_editor_page_get_version (page)));
  save_shot (GTK_WIDGET (window), "metrics-dark.png");
  destroy_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible descriptions are read back from GTK's test backend (the
   * suite's "none" keeps no properties). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/metrics/every-element", Fixture, NULL, fixture_set_up, test_every_element, fixture_tear_down);
  g_test_add ("/metrics/version-switch", Fixture, NULL, fixture_set_up, test_version_switch, fixture_tear_down);
  g_test_add ("/metrics/notices", Fixture, NULL, fixture_set_up, test_notices, fixture_tear_down);
  g_test_add ("/metrics/dark-shot", Fixture, NULL, fixture_set_up, test_dark_shot, fixture_tear_down);

  return g_test_run ();
}
