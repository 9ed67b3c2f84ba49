/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey's results: the widget shows the figures of a hand-written
 * report (every label read back: summary, funnel, each stage's parts,
 * timing and steps, in the journey's order and with its names), says what
 * is wrong with a report without journeys, and activating a stage emits
 * ::stage-activated and shows its customers list; the run page shows the
 * Journeys view only for a run whose report has journeys, with a picker
 * when there are several; on a real run of the sample's onboarding
 * journey every stage lists as many stuck, behind and waiting customers
 * as the report counts, and activating one opens their timeline in that
 * run (win.show-customer).
 * With WAYMARK_SCREENSHOT_DIR set, the widget is saved there as
 * journey-results.png and the run page as journey-run-page.png and
 * journey-run-page-customers.png.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <utime.h>

#include "wm-application.h"
#include "wm-flow-info.h"
#include "wm-journey-results.h"
#include "wm-journeys.h"
#include "wm-run-journeys-view.h"
#include "wm-run-page.h"
#include "wm-run-program.h"
#include "wm-runs.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-stage-customer-list.h"
#include "wm-timeline-page.h"
#include "wm-window.h"
#include "ui-harness.h"

static WmApplication *app;

/* Stages and steps sorted by id, as the report writes them. */
static const char journeys_part[] =
  "{ \"onboarding\": { \"name\": \"New customer onboarding\", \"began\": 40, \"completed\": 6,"
  "    \"mean_completion_seconds\": 187200, \"stages\": {"
  "    \"first-purchase\": { \"triggered\": 30, \"began\": 30, \"completed\": 12, \"waiting\": 0,"
  "      \"on_track\": 8, \"behind\": 6, \"stuck\": 4, \"completed_on_time\": 9, \"completed_late\": 3,"
  "      \"mean_completion_seconds\": 90000, \"steps\": { \"bought\": 12, \"cart-reminder\": 5 } },"
  "    \"registered\": { \"triggered\": 40, \"began\": 38, \"completed\": 30, \"waiting\": 2,"
  "      \"on_track\": 5, \"behind\": 2, \"stuck\": 1, \"completed_on_time\": 25, \"completed_late\": 5,"
  "      \"mean_completion_seconds\": 320247, \"steps\": { \"signed-up\": 30 } },"
  "    \"welcomed\": { \"triggered\": 30, \"began\": 30, \"completed\": 20, \"waiting\": 0,"
  "      \"on_track\": 10, \"behind\": 0, \"stuck\": 0, \"completed_on_time\": 20, \"completed_late\": 0,"
  "      \"mean_completion_seconds\": 0, \"steps\": {} } } },"
  "  \"retention\": { \"name\": \"Retention\", \"began\": 0, \"completed\": 0, \"mean_completion_seconds\": 0,"
  "    \"stages\": {} } }";

static const char journey_text[] =
  "{ \"format\": \"waymark.journey\", \"format_version\": 1, \"id\": \"onboarding\", \"name\": \"Onboarding\","
  "  \"stages\": ["
  "    { \"id\": \"registered\", \"name\": \"Registered\", \"begins\": { \"when\": \"journey\", \"after\": [] },"
  "      \"completes\": \"steps\", \"steps\": [ { \"id\": \"signed-up\", \"name\": \"Signed up\", \"kind\": \"task\" } ],"
  "      \"flows\": [], \"duration\": \"30d\" },"
  "    { \"id\": \"welcomed\", \"name\": \"Welcomed\", \"begins\": { \"when\": \"after\", \"after\": [\"registered\"] },"
  "      \"completes\": \"manual\", \"steps\": [], \"flows\": [], \"duration\": \"14d\" },"
  "    { \"id\": \"first-purchase\", \"name\": \"First purchase\", \"begins\": { \"when\": \"after\", \"after\": [\"registered\"] },"
  "      \"completes\": \"steps\", \"steps\": ["
  "        { \"id\": \"cart-reminder\", \"name\": \"Reminded of a cart\", \"kind\": \"task\", \"required\": false },"
  "        { \"id\": \"bought\", \"name\": \"Bought\", \"kind\": \"task\" } ],"
  "      \"flows\": [], \"duration\": \"2w\" } ] }";

static JsonObject *
hand_written_report (void)
{
  g_autofree char *text = g_strdup_printf ("{ \"format\": \"waymark.report\", \"flows\": {}, \"journeys\": %s }",
                                           journeys_part);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = find_widget (root, is_named, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkWidget *
stage_row (GtkWidget  *results,
           const char *stage_id)
{
  g_autofree char *name = g_strdup_printf ("stage-%s", stage_id);
  GtkWidget *row = find_widget (results, is_named, name);

  g_assert_nonnull (row);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  return row;
}

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
  paintable = gtk_widget_paintable_new (widget);
  /* A window shown just now may not have drawn its first frame yet. */
  for (guint i = 0; node == NULL && i < 30; i++)
    {
      spin (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Scrolls the view so that @widget is near the top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), at;

  g_assert_true (gtk_widget_compute_point (widget, gtk_widget_get_first_child (viewport), &top, &at));
  gtk_adjustment_set_value (adjustment, at.y - 40);
}

static GtkWidget *
results_window (GtkWidget **results_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *results = wm_journey_results_new ();

  gtk_widget_set_margin_start (results, 18);
  gtk_widget_set_margin_end (results, 18);
  gtk_widget_set_margin_top (results, 18);
  gtk_widget_set_margin_bottom (results, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), results);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  gtk_window_present (GTK_WINDOW (window));
  *results_out = results;
  return window;
}

static void
test_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = hand_written_report ();
  g_autoptr(WmJourney) journey = wm_journey_load_from_data (journey_text, -1, &error);
  GtkWidget *results, *window, *funnel, *row, *first;
  const char *order[] = { "registered", "welcomed", "first-purchase" };
  guint i = 0;

  g_assert_no_error (error);
  window = results_window (&results);
  g_assert_true (wm_journey_results_set_report (WM_JOURNEY_RESULTS (results), report, "onboarding", journey, &error));
  g_assert_no_error (error);
  spin (100);

  g_assert_cmpstr (label_text (results, "journey-title"), ==, "New customer onboarding");
  g_assert_cmpstr (label_text (results, "journey-summary"), ==,
                   "40 customers began the journey; 6 completed it (15%). Mean time to complete: 2 days 4 hours.");

  /* The funnel: stages in the journey's order, each as a share of the 40. */
  funnel = find_widget (results, is_named, "funnel");
  g_assert_nonnull (funnel);
  for (GtkWidget *child = gtk_widget_get_first_child (funnel); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (order));
      g_assert_cmpstr (gtk_widget_get_name (child), ==, order[i]);
      i++;
    }
  g_assert_cmpuint (i, ==, 3);
  row = find_widget (funnel, is_named, "registered");
  g_assert_cmpstr (label_text (row, "funnel-value"), ==, "38 (95%)");
  row = find_widget (funnel, is_named, "first-purchase");
  g_assert_cmpstr (label_text (row, "funnel-value"), ==, "30 (75%)");

  /* The stage rows, in the same order, every figure a label. */
  first = gtk_widget_get_first_child (find_widget (results, is_named, "stages"));
  g_assert_true (first == stage_row (results, "registered"));
  g_assert_true (gtk_widget_get_next_sibling (first) == stage_row (results, "welcomed"));

  row = stage_row (results, "registered");
  g_assert_cmpstr (label_text (row, "completed"), ==, "Completed: 30");
  g_assert_cmpstr (label_text (row, "on_track"), ==, "On track: 5");
  g_assert_cmpstr (label_text (row, "behind"), ==, "Behind: 2");
  g_assert_cmpstr (label_text (row, "stuck"), ==, "Stuck: 1");
  g_assert_cmpstr (label_text (row, "waiting"), ==, "Waiting: 2");
  g_assert_cmpstr (label_text (row, "triggered"), ==, "Triggered: 40");
  g_assert_cmpstr (label_text (row, "began"), ==, "Began: 38");
  g_assert_cmpstr (label_text (row, "completed_on_time"), ==, "Completed on time: 25");
  g_assert_cmpstr (label_text (row, "completed_late"), ==, "Completed late: 5");
  g_assert_cmpstr (label_text (row, "mean"), ==, "Mean time to complete: 3 days 17 hours");
  g_assert_cmpstr (label_text (row, "duration"), ==, "Should take 30 days");
  g_assert_cmpstr (label_text (row, "step-signed-up"), ==, "Step Signed up: 30");
  /* The bar says the same to assistive technology (its tooltip is its label). */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_widget (row, is_named, "stage-bar")), ==,
                   "Registered: Completed 30, On track 5, Behind 2, Stuck 1, Waiting 2");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_widget (funnel, is_named, "funnel-bar")), ==,
                   "Registered: 38 began the stage, 95% of those who began the journey");

  row = stage_row (results, "first-purchase");
  g_assert_cmpstr (label_text (row, "stuck"), ==, "Stuck: 4");
  g_assert_cmpstr (label_text (row, "behind"), ==, "Behind: 6");
  g_assert_cmpstr (label_text (row, "mean"), ==, "Mean time to complete: 1 day 1 hour");
  g_assert_cmpstr (label_text (row, "duration"), ==, "Should take 14 days");
  g_assert_cmpstr (label_text (row, "step-cart-reminder"), ==, "Step Reminded of a cart: 5");
  g_assert_cmpstr (label_text (row, "step-bought"), ==, "Step Bought: 12");

  row = stage_row (results, "welcomed");
  g_assert_cmpstr (label_text (row, "mean"), ==, "Mean time to complete: 0 seconds");
  g_assert_cmpstr (label_text (row, "stuck"), ==, "Stuck: 0");
  g_assert_cmpstr (label_text (row, "no-steps"), ==, "No steps");

  save_screenshot (window, "journey-results.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_journeys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string ("{ \"format\": \"waymark.report\", \"flows\": {} }", NULL);
  g_autoptr(JsonObject) report = hand_written_report ();
  GtkWidget *results, *window = results_window (&results);

  g_assert_false (wm_journey_results_set_report (WM_JOURNEY_RESULTS (results), json_node_get_object (node),
                                                 "onboarding", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (label_text (results, "journey-title"), ==, "No Journey Figures");
  g_assert_cmpstr (label_text (results, "journey-summary"), ==,
                   "This run’s report has no journeys; simulate again with a journey to see its stages");
  g_assert_false (gtk_widget_get_visible (find_widget (results, is_named, "stages")));

  /* A journey the run did not simulate. */
  g_assert_false (wm_journey_results_set_report (WM_JOURNEY_RESULTS (results), report, "loyalty", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (label_text (results, "journey-summary"), ==,
                   "Journey “loyalty” was not simulated in this run; simulate again with it");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
stage_activated_cb (WmJourneyResults *results,
                    const char       *stage_id,
                    char            **out)
{
  g_free (*out);
  *out = g_strdup (stage_id);
}

static WmSimProgram *
failing_program_cb (gpointer   user_data,
                    GError   **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "flow 2 does not load");
  return NULL;
}

static void
test_activate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = hand_written_report ();
  g_autofree char *activated = NULL;
  GtkWidget *results, *window = results_window (&results);
  GtkWidget *customers;

  g_assert_true (wm_journey_results_set_report (WM_JOURNEY_RESULTS (results), report, "onboarding", NULL, &error));
  g_signal_connect (results, "stage-activated", G_CALLBACK (stage_activated_cb), &activated);
  customers = find_widget (results, is_named, "customers-heading");
  g_assert_nonnull (customers);
  g_assert_false (gtk_widget_is_visible (customers));

  /* A click or Enter activates the row; both go through its activate signal. */
  gtk_widget_activate (stage_row (results, "first-purchase"));
  spin (50);
  g_assert_cmpstr (activated, ==, "first-purchase");
  g_assert_cmpstr (wm_journey_results_get_active_stage (WM_JOURNEY_RESULTS (results)), ==, "first-purchase");
  g_assert_true (gtk_widget_is_visible (customers));
  /* Without the report's names the stage is its id. */
  g_assert_cmpstr (label_text (results, "customers-heading"), ==, "Customers stuck in first-purchase");
  /* No run to scan: it says so rather than scanning nothing. */
  g_assert_cmpstr (label_text (results, "customers-status"), ==,
                   "This run’s profile file is not known here, so its customers cannot be listed; "
                   "simulate the journey in this app to list them");

  /* Its button does the same. */
  g_clear_pointer (&activated, g_free);
  /* A button activated with the keyboard clicks after its press shows. */
  g_assert_true (gtk_widget_activate (find_widget (stage_row (results, "registered"), is_named, "show-customers")));
  spin (400);
  g_assert_cmpstr (activated, ==, "registered");
  g_assert_cmpstr (label_text (results, "customers-heading"), ==, "Customers stuck in registered");
  wm_journey_results_activate_stage (WM_JOURNEY_RESULTS (results), "first-purchase");

  /* Behind instead of stuck. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (results, is_named, "show-behind")), TRUE);
  g_assert_cmpstr (label_text (results, "customers-heading"), ==, "Customers behind in first-purchase");

  /* The list took the focus, so it is in view. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         gtk_widget_get_ancestor (customers, WM_TYPE_STAGE_CUSTOMER_LIST)));

  /* A run that cannot be compiled again says why. */
  wm_journey_results_set_customers_source (WM_JOURNEY_RESULTS (results), 7, "/nowhere/profiles.jsonl",
                                           failing_program_cb, NULL, NULL);
  wm_journey_results_activate_stage (WM_JOURNEY_RESULTS (results), "registered");
  g_assert_cmpstr (label_text (results, "customers-heading"), ==, "Customers stuck in registered");
  g_assert_cmpstr (label_text (results, "customers-status"), ==,
                   "The run cannot be simulated again: flow 2 does not load");
  /* An unknown stage activates nothing. */
  wm_journey_results_activate_stage (WM_JOURNEY_RESULTS (results), "nope");
  g_assert_null (wm_journey_results_get_active_stage (WM_JOURNEY_RESULTS (results)));
  g_assert_false (gtk_widget_is_visible (customers));
  g_assert_cmpstr (activated, ==, "registered");

  /* Another report hides the list again. */
  wm_journey_results_activate_stage (WM_JOURNEY_RESULTS (results), "welcomed");
  g_assert_true (gtk_widget_is_visible (customers));
  g_assert_true (wm_journey_results_set_report (WM_JOURNEY_RESULTS (results), report, "onboarding", NULL, &error));
  g_assert_null (wm_journey_results_get_active_stage (WM_JOURNEY_RESULTS (results)));
  g_assert_false (gtk_widget_is_visible (customers));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Simulates the sample workspace's flows (latest versions) on its
 * profiles over @days days before now and stores the run; with
 * @journey_id the workspace's journey takes part, with @journeys (a
 * report part) the stored report gets it written by hand. */
static gint64
store_run (WmWorkspace *workspace,
           const char  *name,
           const char  *journey_id,
           const char  *journeys,
           gint64       days,
           JsonNode   **report_out)
{
  g_autoptr(GError) error = NULL;
  GListModel *infos = wm_workspace_get_flows (workspace);
  guint n = g_list_model_get_n_items (infos);
  g_autofree WmRunProgramFlow *program_flows = g_new0 (WmRunProgramFlow, n);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(WmRun) run = wm_run_new ();
  g_autofree char *profiles = wm_workspace_get_sample_profiles_path (workspace);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  g_autofree char *journey_document = NULL;
  const char *journey_documents[2] = { NULL, NULL };
  gint64 id;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (infos, i);
      g_autoptr(WmFlow) flow = wm_workspace_get_flow (workspace, wm_flow_info_get_id (info), &error);
      char *document;

      g_assert_no_error (error);
      document = wm_workspace_export_flow (workspace, wm_flow_info_get_id (info), NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
      program_flows[i].document = document;
      wm_run_add_flow (run, wm_flow_info_get_id (info),
                       wm_version_get_number (wm_flow_get_latest_version (flow)), FALSE);
    }
  if (journey_id != NULL)
    {
      journey_document = wm_workspace_export_journey (workspace, journey_id, NULL, &error);
      g_assert_no_error (error);
      journey_documents[0] = journey_document;
      wm_run_add_journey (run, journey_id);
    }
  run->name = g_strdup (name);
  run->profiles_path = g_strdup (profiles);
  g_assert_true (wm_run_stat_profiles (run, &error));
  run->start = now - days * 24 * 3600;
  run->end = now;
  run->seed = 1;
  program = wm_run_program_new (program_flows, n, NULL, run->start, run->end, run->seed,
                                journey_documents, &error);
  g_assert_no_error (error);
  options.profiles_path = profiles;
  options.threads = 1;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  if (journeys != NULL)
    {
      g_autoptr(JsonNode) part = json_from_string (journeys, &error);

      g_assert_no_error (error);
      json_object_set_member (json_node_get_object (result.report), "journeys", g_steal_pointer (&part));
    }
  run->report = wm_sim_report_to_text (result.report);
  run->duration_ms = 1000;
  id = wm_workspace_add_run (workspace, run, &error);
  g_assert_no_error (error);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&result.report);
  wm_sim_result_clear (&result);
  return id;
}

static gboolean
is_journeys_view (GtkWidget     *widget,
                  gconstpointer  data)
{
  return WM_IS_RUN_JOURNEYS_VIEW (widget);
}

/* Whether the run page offers its Journeys view. */
static gboolean
journeys_view_visible (WmRunPage  *page,
                       GtkWidget **view_out)
{
  GtkWidget *view = find_widget (GTK_WIDGET (page), is_journeys_view, NULL);
  GtkWidget *stack;

  g_assert_nonnull (view);
  stack = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  *view_out = view;
  return adw_view_stack_page_get_visible (adw_view_stack_get_page (ADW_VIEW_STACK (stack), view));
}

static void
test_run_page (void)
{
  WmWorkspace *workspace = wm_application_get_workspace (app);
  g_autoptr(GError) error = NULL;
  gint64 plain = store_run (workspace, "Without journeys", NULL, NULL, 40, NULL);
  gint64 with = store_run (workspace, "With journeys", NULL, journeys_part, 40, NULL);
  WmWindow *window = wm_window_new (app);
  WmRunPage *page = wm_window_get_run_page (window);
  g_autofree char *profiles = NULL;
  GtkWidget *view, *picker, *results;
  struct utimbuf times;
  GStatBuf st;

  gtk_window_present (GTK_WINDOW (window));
  spin (200);
  g_assert_true (wm_window_show_run (window, plain, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_false (journeys_view_visible (page, &view));

  g_assert_true (wm_window_show_run (window, with, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_true (journeys_view_visible (page, &view));
  /* Two journeys: the picker shows, the first is selected. */
  picker = find_widget (view, is_named, "journey-picker");
  g_assert_true (gtk_widget_is_visible (gtk_widget_get_parent (picker)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (picker))), ==, 2);
  g_assert_cmpstr (wm_run_journeys_view_get_journey (WM_RUN_JOURNEYS_VIEW (view)), ==, "onboarding");
  results = GTK_WIDGET (wm_run_journeys_view_get_results (WM_RUN_JOURNEYS_VIEW (view)));
  g_assert_false (gtk_widget_get_visible (find_widget (view, is_named, "profiles-changed")));
  /* The workspace's onboarding journey names the stages. */
  g_assert_cmpstr (label_text (stage_row (results, "registered"), "stuck"), ==, "Stuck: 1");
  g_assert_cmpstr (label_text (stage_row (results, "registered"), "step-signed-up"), ==, "Step Signed up: 30");
  g_assert_cmpstr (label_text (results, "journey-title"), ==, "New customer onboarding");

  /* Picking the other journey shows it. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (picker), 1);
  g_assert_cmpstr (wm_run_journeys_view_get_journey (WM_RUN_JOURNEYS_VIEW (view)), ==, "retention");
  g_assert_cmpstr (label_text (results, "journey-title"), ==, "Retention");
  g_assert_cmpstr (label_text (results, "journey-summary"), ==,
                   "0 customers began the journey; none completed it.");

  /* A profile file changed since the run: its customers may not match. */
  profiles = wm_workspace_get_sample_profiles_path (workspace);
  g_assert_cmpint (g_stat (profiles, &st), ==, 0);
  times.actime = st.st_atime;
  times.modtime = st.st_mtime + 3600;
  g_assert_cmpint (g_utime (profiles, &times), ==, 0);
  g_assert_true (wm_window_show_run (window, with, &error));
  g_assert_true (journeys_view_visible (page, &view));
  g_assert_true (gtk_widget_get_visible (find_widget (view, is_named, "profiles-changed")));

  /* Back to a run without journeys: the view goes away. */
  g_assert_true (wm_window_show_run (window, plain, &error));
  g_assert_false (journeys_view_visible (page, &view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
show_customer_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  GVariant     **out)
{
  g_clear_pointer (out, g_variant_unref);
  *out = g_variant_ref (parameter);
}

static guint64
stage_count (JsonNode   *report,
             const char *stage_id,
             const char *key)
{
  JsonObject *journeys = json_object_get_object_member (json_node_get_object (report), "journeys");
  JsonObject *journey = json_object_get_object_member (journeys, "onboarding");
  JsonObject *stages = json_object_get_object_member (journey, "stages");

  return (guint64) json_object_get_int_member (json_object_get_object_member (stages, stage_id), key);
}

static gboolean
is_timeline_page (GtkWidget     *widget,
                  gconstpointer  data)
{
  return WM_IS_TIMELINE_PAGE (widget);
}

/* The window's timeline page once it shows a customer. */
static GtkWidget *
wait_for_timeline (WmWindow *window)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), is_timeline_page, NULL);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_nonnull (page);
  while (wm_timeline_page_get_customer_id (WM_TIMELINE_PAGE (page)) == NULL
         || wm_timeline_page_is_searching (WM_TIMELINE_PAGE (page)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  spin (100);
  return page;
}

/* Waits for the customers list of @results to finish its scan. */
static void
wait_for_scan (GtkWidget *results)
{
  GtkWidget *list = gtk_widget_get_ancestor (find_widget (results, is_named, "customers-heading"),
                                             WM_TYPE_STAGE_CUSTOMER_LIST);
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_nonnull (list);
  spin (20);
  while (wm_stage_customer_list_is_busy (WM_STAGE_CUSTOMER_LIST (list)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static guint
count_rows (GtkWidget *results)
{
  GtkWidget *list = find_widget (results, is_named, "customers");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return gtk_widget_get_visible (list) ? n : 0;
}

static char *
expected_status (const char *state,
                 guint64     n)
{
  if (n == 0)
    return g_strdup_printf ("No customers %s", state);
  if (n > 200)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " customers %s, showing the first 200", n, state);
  return g_strdup_printf ("%" G_GUINT64_FORMAT " customer%s %s", n, n == 1 ? "" : "s", state);
}

/* A real run of the sample workspace with its onboarding journey: each
 * stage's stuck, behind and waiting customers are listed, as many as the
 * report counts; activating one opens their timeline in that run through
 * the window's win.show-customer, whose parameter is checked too. */
static void
test_stuck_customers (void)
{
  WmWorkspace *workspace = wm_application_get_workspace (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GVariant) shown = NULL;
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-customer", G_VARIANT_TYPE ("(xs)"));
  gint64 id = store_run (workspace, "Onboarding", "onboarding", NULL, 120, &report);
  WmWindow *window = wm_window_new (app);
  WmRunPage *page = wm_window_get_run_page (window);
  const char *stages[] = { "registered", "welcomed", "first-purchase", "loyal" };
  const char *states[][2] = { { "stuck", "show-stuck" }, { "behind", "show-behind" }, { "waiting", "show-waiting" } };
  GtkWidget *view, *results, *flow_chooser, *timeline, *row = NULL;
  guint64 total_stuck = 0;
  const char *profile_id;
  gint64 run_id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);
  g_assert_true (wm_window_show_run (window, id, &error));
  g_assert_no_error (error);
  g_assert_true (journeys_view_visible (page, &view));
  /* The flow chooser has nothing to do with journeys: it hides there. */
  flow_chooser = find_widget (GTK_WIDGET (page), is_named, "GtkDropDown");
  g_assert_true (GTK_IS_DROP_DOWN (flow_chooser));
  g_assert_true (gtk_widget_get_visible (flow_chooser));
  adw_view_stack_set_visible_child (ADW_VIEW_STACK (gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK)), view);
  g_assert_false (gtk_widget_get_visible (flow_chooser));
  results = GTK_WIDGET (wm_run_journeys_view_get_results (WM_RUN_JOURNEYS_VIEW (view)));
  save_screenshot (GTK_WIDGET (window), "journey-run-page.png");
  /* One journey: no picker. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find_widget (view, is_named, "journey-picker"))));

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      gtk_widget_activate (stage_row (results, stages[i]));
      for (guint k = 0; k < G_N_ELEMENTS (states); k++)
        {
          guint64 expected = stage_count (report, stages[i], states[k][0]);
          g_autofree char *status = expected_status (states[k][0], expected);

          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (results, is_named, states[k][1])), TRUE);
          wait_for_scan (results);
          g_assert_cmpstr (label_text (results, "customers-status"), ==, status);
          g_assert_cmpuint (count_rows (results), ==, MIN (expected, 200));
          if (k == 0)
            total_stuck += expected;
        }
    }
  /* The sample's 120 days leave customers stuck somewhere. */
  g_assert_cmpuint (total_stuck, >, 0);

  for (guint i = 0; row == NULL && i < G_N_ELEMENTS (stages); i++)
    if (stage_count (report, stages[i], "stuck") > 0)
      {
        gtk_widget_activate (stage_row (results, stages[i]));
        wait_for_scan (results);
        row = gtk_widget_get_first_child (find_widget (results, is_named, "customers"));
      }
  g_assert_nonnull (row);
  spin (100);
  scroll_to (find_widget (results, is_named, "customers-heading"));
  save_screenshot (GTK_WIDGET (window), "journey-run-page-customers.png");
  /* The window's own action opens that customer's timeline in this run. */
  gtk_widget_activate (row);
  timeline = wait_for_timeline (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (timeline))), ==, "timeline");
  g_assert_cmpint (wm_timeline_page_get_run_id (WM_TIMELINE_PAGE (timeline)), ==, id);
  g_assert_cmpstr (wm_timeline_page_get_customer_id (WM_TIMELINE_PAGE (timeline)), ==,
                   g_object_get_data (G_OBJECT (row), "profile-id"));
  save_screenshot (GTK_WIDGET (window), "journey-customer-timeline.png");

  /* What it sends: the run and the profile, as "(xs)". */
  g_signal_connect (action, "activate", G_CALLBACK (show_customer_cb), &shown);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  gtk_widget_activate (row);
  spin (50);
  g_assert_nonnull (shown);
  g_variant_get (shown, "(x&s)", &run_id, &profile_id);
  g_assert_cmpint (run_id, ==, id);
  g_assert_cmpstr (profile_id, ==, g_object_get_data (G_OBJECT (row), "profile-id"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int ret;

  /* The application opens its default workspace when it registers: give
   * the process folders of its own first, so it never opens the user's. */
  home = g_dir_make_tmp ("waymark-journey-results-home-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      const char *names[] = { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *sub = g_build_filename (home, names[i], NULL);

      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      g_setenv (names[i], sub, TRUE);
    }

  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  app = wm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/journey-results/figures", test_figures);
  g_test_add_func ("/ui/journey-results/no-journeys", test_no_journeys);
  g_test_add_func ("/ui/journey-results/activate-stage", test_activate);
  g_test_add_func ("/ui/journey-results/run-page", test_run_page);
  g_test_add_func ("/ui/journey-results/stuck-customers", test_stuck_customers);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
