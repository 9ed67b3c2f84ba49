/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run dialog's journeys on a real sample workspace (its onboarding
 * journey groups Welcome message): on by default for a journey that
 * groups a flow of the run, switched off by hand or by
 * wm_run_dialog_set_journeys; a run with a journey on is stored with the
 * journey (WmRun.journeys) and a report with `journeys`, byte for byte
 * what `waymark-cli simulate --journey` writes for the stored inputs, and
 * a customer the CLI's timeline gates is gated again when the timeline
 * page simulates it from the stored run; a journey with errors is named and refuses the run until switched off;
 * the dialog for a journey runs the flows its stages group. With
 * WAYMARK_SCREENSHOT_DIR set, run-journeys.png, run-journey-errors.png and
 * run-for-journey.png are saved there.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-journeys.h"
#include "wm-run-dialog.h"
#include "wm-runs.h"
#include "wm-timeline-page.h"
#include "wm-time.h"
#include "wm-ui-types.h"
#include "wm-workspace.h"
#include "ui-harness.h"

#define DAY (24 * 3600)

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *workspace;
  char        *welcome;   /* the id of "Welcome message" */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->workspace = temp_workspace_new ("waymark-run-journeys-XXXXXX", TRUE, &f->dir, &f->path);
  f->welcome = find_flow_id (f->workspace, "Welcome message");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  temp_workspace_remove (&f->workspace, &f->dir, &f->path);
  g_free (f->welcome);
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

/* Scrolls the dialog's setup page so that @widget is at the top. */
static void
scroll_to (GtkWidget *dialog,
           GtkWidget *widget)
{
  GtkWidget *scroll = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t at;

  g_assert_nonnull (scroll);
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroll)),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll)), at.y - 12);
  spin (100);
}

static WmRunDialog *
present (GtkWidget *widget)
{
  WmRunDialog *dialog = WM_RUN_DIALOG (widget);

  /* Ours: a run without rejections closes the dialog. */
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);
  return dialog;
}

static void
destroy_dialog (WmRunDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_finalize_object (dialog);
}

static void
sample_window (WmRunDialog *dialog)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  wm_run_dialog_set_window (dialog, now - 40 * DAY, now + DAY);
}

static void
wait_for_run (WmRunDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (wm_run_dialog_is_running (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (wm_run_dialog_is_running (dialog));
  spin (50);
}

static guint
count_runs (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = wm_workspace_list_runs (f->workspace, &error);

  g_assert_no_error (error);
  return runs->len;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
}

static gboolean
is_row_subtitled (GtkWidget     *widget,
                  gconstpointer  subtitle)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

/* The switch of the journey row titled @name. */
static GtkSwitch *
journey_switch (WmRunDialog *dialog,
                const char  *name)
{
  GtkWidget *row = find_widget (GTK_WIDGET (dialog), is_row_titled, name);

  g_assert_nonnull (row);
  return GTK_SWITCH (find_widget (row, is_switch, NULL));
}

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* waymark-cli simulate on the stored run's own inputs: its flow files
 * (--try for the tried versions), its journey files (--journey); its
 * timeline in *@timeline when not NULL. */
static char *
cli_report (Fixture     *f,
            const WmRun *run,
            char       **timeline)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *params = write_temp (f, "params.json", run->params);
  g_autofree char *report = g_build_filename (f->dir, "cli-report.json", NULL);
  g_autofree char *timeline_path = g_build_filename (f->dir, "cli-timeline.jsonl", NULL);
  g_autofree char *text = NULL;
  char buf[32];
  int status;

  g_ptr_array_add (argv, g_strdup (WAYMARK_CLI));
  g_ptr_array_add (argv, g_strdup ("simulate"));
  for (guint i = 0; i < run->flows->len; i++)
    {
      const WmRunFlow *flow = run->flows->pdata[i];
      g_autofree char *name = g_strdup_printf ("flow-%u.json", i);

      g_ptr_array_add (argv, g_strdup ("--flow"));
      g_ptr_array_add (argv, write_temp (f, name, flow->document));
      if (flow->tried)
        {
          g_ptr_array_add (argv, g_strdup ("--try"));
          g_ptr_array_add (argv, g_strdup_printf ("%s:%u", flow->flow_id, flow->version));
        }
    }
  for (guint i = 0; i < run->journeys->len; i++)
    {
      const WmRunJourney *journey = run->journeys->pdata[i];
      g_autofree char *name = g_strdup_printf ("journey-%u.json", i);

      g_ptr_array_add (argv, g_strdup ("--journey"));
      g_ptr_array_add (argv, write_temp (f, name, journey->document));
    }
  g_ptr_array_add (argv, g_strdup ("--profiles"));
  g_ptr_array_add (argv, g_strdup (run->profiles_path));
  g_ptr_array_add (argv, g_strdup ("--start"));
  g_ptr_array_add (argv, g_strdup (wm_timestamp_format (run->start, buf)));
  g_ptr_array_add (argv, g_strdup ("--end"));
  g_ptr_array_add (argv, g_strdup (wm_timestamp_format (run->end, buf)));
  g_ptr_array_add (argv, g_strdup ("--seed"));
  g_ptr_array_add (argv, g_strdup_printf ("%" G_GUINT64_FORMAT, run->seed));
  g_ptr_array_add (argv, g_strdup ("--params"));
  g_ptr_array_add (argv, g_strdup (params));
  g_ptr_array_add (argv, g_strdup ("--report"));
  g_ptr_array_add (argv, g_strdup (report));
  g_ptr_array_add (argv, g_strdup ("--timeline"));
  g_ptr_array_add (argv, g_strdup (timeline_path));
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_file_get_contents (report, &text, NULL, &error);
  g_assert_no_error (error);
  if (timeline != NULL)
    {
      g_file_get_contents (timeline_path, timeline, NULL, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&text);
}

/* Runs @dialog on the sample profiles and returns the stored run. */
static WmRun *
run_and_get (Fixture     *f,
             WmRunDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  WmRun *run;

  sample_window (dialog);
  wm_run_dialog_set_seed (dialog, 11);
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  g_assert_cmpint (wm_run_dialog_get_run_id (dialog), >, 0);
  run = wm_workspace_get_run (f->workspace, wm_run_dialog_get_run_id (dialog), &error);
  g_assert_no_error (error);
  return run;
}

static gboolean
report_has_journey (const char *report,
                    const char *id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonNode *journeys;

  g_assert_true (json_parser_load_from_data (parser, report, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  journeys = json_object_get_member (root, "journeys");
  if (journeys == NULL)
    return FALSE;
  return id == NULL || json_object_has_member (json_node_get_object (journeys), id);
}

/* A customer whose entry the CLI's timeline rejects for `stage` (no stage
 * grouping the flow active): simulated again by the timeline page from
 * the stored run, the rejection is there too, so the run's journeys took
 * part again. */
static void
assert_customer_gated (Fixture     *f,
                       const WmRun *run,
                       const char  *timeline)
{
  g_auto(GStrv) lines = g_strsplit (timeline, "\n", -1);
  g_autofree char *profile = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = g_object_new (WM_TYPE_TIMELINE_PAGE, NULL);
  GListModel *model;
  gboolean gated = FALSE;
  guint named;

  for (guint i = 0; lines[i] != NULL && profile == NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *line;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      line = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member_with_default (line, "step", ""), "rejected") == 0
          && g_strcmp0 (json_object_get_string_member_with_default (line, "reason", ""), "stage") == 0)
        profile = g_strdup (json_object_get_string_member (line, "profile"));
    }
  g_assert_nonnull (profile);

  gtk_window_set_default_size (window, 1100, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  wm_timeline_page_set_workspace (WM_TIMELINE_PAGE (page), f->workspace);
  g_assert_true (wm_timeline_page_show_run (WM_TIMELINE_PAGE (page), run->id, &error));
  g_assert_no_error (error);
  g_assert_true (wm_timeline_page_find_customer (WM_TIMELINE_PAGE (page), profile, &error));
  g_assert_no_error (error);
  spin (100);
  model = G_LIST_MODEL (wm_timeline_page_get_model (WM_TIMELINE_PAGE (page)));
  g_assert_nonnull (model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WmTimelineItem) item = g_list_model_get_item (model, i);

      if (wm_timeline_item_get_kind (item) == WM_TIMELINE_REJECTED
          && g_strcmp0 (wm_timeline_item_get_name (item), "stage") == 0)
        gated = TRUE;
    }
  g_assert_true (gated);

  /* A customer with stage lines sees the stages by the names the run's
   * journey gave them, not by id. */
  g_clear_pointer (&profile, g_free);
  for (guint i = 0; lines[i] != NULL && profile == NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *line;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      line = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member_with_default (line, "step", ""), "stage") == 0)
        profile = g_strdup (json_object_get_string_member (line, "profile"));
    }
  g_assert_nonnull (profile);
  g_assert_true (wm_timeline_page_find_customer (WM_TIMELINE_PAGE (page), profile, &error));
  g_assert_no_error (error);
  spin (100);
  model = G_LIST_MODEL (wm_timeline_page_get_model (WM_TIMELINE_PAGE (page)));
  named = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WmTimelineItem) item = g_list_model_get_item (model, i);

      if (wm_timeline_item_get_kind (item) != WM_TIMELINE_STAGE)
        continue;
      g_assert_nonnull (wm_timeline_item_get_stage_name (item));
      g_assert_cmpstr (wm_timeline_item_get_stage_name (item), !=, wm_timeline_item_get_stage (item));
      named++;
    }
  g_assert_cmpuint (named, >, 0);
  gtk_window_destroy (window);
  spin (50);
}

/* The onboarding journey groups Welcome message: on by default; the
 * stored run keeps it and its report is the CLI's with --journey. */
static void
test_journey_on_is_stored (Fixture       *f,
                           gconstpointer  data)
{
  WmRunDialog *dialog = present (wm_run_dialog_new (NULL, f->workspace, f->welcome, 1));
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = NULL;
  g_autofree char *document = wm_workspace_export_journey (f->workspace, "onboarding", NULL, &error);
  g_autofree char *expected = NULL;
  g_autofree char *timeline = NULL;
  const char * const *ids = wm_run_dialog_get_journey_ids (dialog);
  GtkSwitch *toggle = journey_switch (dialog, "New customer onboarding");
  const WmRunJourney *journey;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "onboarding");
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpuint (wm_run_dialog_get_n_errors (dialog), ==, 0);
  scroll_to (GTK_WIDGET (dialog), GTK_WIDGET (toggle));
  save_screenshot (GTK_WIDGET (dialog), "run-journeys.png");

  run = run_and_get (f, dialog);
  g_assert_cmpuint (run->journeys->len, ==, 1);
  journey = run->journeys->pdata[0];
  g_assert_cmpstr (journey->journey_id, ==, "onboarding");
  g_assert_cmpstr (journey->document, ==, document);
  g_assert_true (report_has_journey (run->report, "onboarding"));
  expected = cli_report (f, run, &timeline);
  g_assert_cmpstr (run->report, ==, expected);
  g_object_unref (dialog);

  assert_customer_gated (f, run, timeline);
}

/* Switched off, by its switch or by set_journeys: the run has none. */
static void
test_journey_off_takes_no_part (Fixture       *f,
                                gconstpointer  data)
{
  WmRunDialog *dialog = present (wm_run_dialog_new (NULL, f->workspace, f->welcome, 1));
  const char *on[] = { "onboarding", "not-a-journey", NULL };
  GtkSwitch *toggle = journey_switch (dialog, "New customer onboarding");
  g_autoptr(WmRun) run = NULL;

  gtk_switch_set_active (toggle, FALSE);
  g_assert_cmpuint (g_strv_length ((GStrv) wm_run_dialog_get_journey_ids (dialog)), ==, 0);
  wm_run_dialog_set_journeys (dialog, on);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpstrv (wm_run_dialog_get_journey_ids (dialog), ((const char *[]) { "onboarding", NULL }));
  wm_run_dialog_set_journeys (dialog, NULL);
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_cmpuint (g_strv_length ((GStrv) wm_run_dialog_get_journey_ids (dialog)), ==, 0);

  run = run_and_get (f, dialog);
  g_assert_cmpuint (run->journeys->len, ==, 0);
  g_assert_false (report_has_journey (run->report, NULL));
  g_object_unref (dialog);
}

/* A journey with a validation error, grouping Welcome message too: named
 * in the dialog, the run refused until it is switched off. */
static void
test_journey_errors_block (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_strdup_printf (
    "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"broken\",\"name\":\"Broken journey\","
    "\"description\":\"\",\"begins\":{\"event\":null,\"where\":\"\"},"
    "\"stages\":[{\"id\":\"first\",\"name\":\"First steps\",\"description\":\"\","
    "\"begins\":{\"when\":\"after\",\"after\":[\"first\"]},\"entry\":\"\",\"completes\":\"steps\","
    "\"steps\":[],\"flows\":[\"%s\"],\"duration\":\"3d\"}]}", f->welcome);
  g_autofree char *id = wm_workspace_import_journey (f->workspace, broken, -1, NULL, &error);
  WmRunDialog *dialog;
  g_autoptr(WmRun) run = NULL;
  GtkWidget *row;

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "broken");
  dialog = present (wm_run_dialog_new (NULL, f->workspace, f->welcome, 1));
  g_assert_true (gtk_switch_get_active (journey_switch (dialog, "Broken journey")));
  g_assert_cmpuint (wm_run_dialog_get_n_errors (dialog), >=, 1);
  /* The error row says which journey and stage. */
  row = find_widget (GTK_WIDGET (dialog), is_row_subtitled, "Broken journey, stage: First steps");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));
  g_assert_false (wm_run_dialog_run (dialog));
  g_assert_true (g_str_has_prefix (wm_run_dialog_get_message (dialog), "“Broken journey” has "));
  g_assert_true (g_str_has_suffix (wm_run_dialog_get_message (dialog), "or switch the journey off."));
  g_assert_cmpuint (count_runs (f), ==, 0);
  save_screenshot (GTK_WIDGET (dialog), "run-journey-errors.png");

  gtk_switch_set_active (journey_switch (dialog, "Broken journey"), FALSE);
  g_assert_cmpuint (wm_run_dialog_get_n_errors (dialog), ==, 0);
  g_assert_null (wm_run_dialog_get_message (dialog));
  run = run_and_get (f, dialog);
  g_assert_cmpuint (run->journeys->len, ==, 1);
  g_assert_cmpstr (((WmRunJourney *) run->journeys->pdata[0])->journey_id, ==, "onboarding");
  g_object_unref (dialog);
}

/* The dialog of a journey: every flow its stages group, each one's
 * latest version tried alone, the journey on; named after the journey. */
static void
test_dialog_for_journey (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) journey = wm_workspace_get_journey (f->workspace, "onboarding", &error);
  WmRunDialog *dialog = present (wm_run_dialog_new_for_journey (NULL, f->workspace, "onboarding"));
  const char * const *flows = wm_run_dialog_get_flow_ids (dialog);
  g_autoptr(WmRun) run = NULL;
  g_autofree char *expected = NULL;
  JsonArray *stages;
  guint n_grouped = 0;

  g_assert_no_error (error);
  g_assert_null (wm_run_dialog_get_message (dialog));
  g_assert_cmpuint (wm_run_dialog_get_n_errors (dialog), ==, 0);
  g_assert_true (g_strv_contains (wm_run_dialog_get_journey_ids (dialog), "onboarding"));
  stages = wm_journey_get_stages (journey);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonArray *grouped = json_object_get_array_member (json_array_get_object_element (stages, i), "flows");

      for (guint g = 0; g < json_array_get_length (grouped); g++)
        {
          g_assert_true (g_strv_contains (flows, json_array_get_string_element (grouped, g)));
          n_grouped++;
        }
    }
  g_assert_cmpuint (n_grouped, >=, 2);
  save_screenshot (GTK_WIDGET (dialog), "run-for-journey.png");

  run = run_and_get (f, dialog);
  g_assert_true (g_str_has_prefix (run->name, "New customer onboarding, "));
  g_assert_cmpuint (run->flows->len, ==, g_strv_length ((GStrv) flows));
  for (guint i = 0; i < run->flows->len; i++)
    {
      const WmRunFlow *flow = run->flows->pdata[i];
      g_autoptr(WmFlow) stored = wm_workspace_get_flow (f->workspace, flow->flow_id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (flow->flow_id, ==, flows[i]);
      /* Grouped flows are tried at their latest version. */
      if (flow->tried)
        g_assert_cmpuint (flow->version, ==, wm_version_get_number (wm_flow_get_latest_version (stored)));
    }
  g_assert_true (((WmRunFlow *) run->flows->pdata[0])->tried);
  g_assert_cmpuint (run->journeys->len, >=, 1);
  /* The journey simulated comes first: the results open on it. */
  g_assert_cmpstr (((WmRunJourney *) run->journeys->pdata[0])->journey_id, ==, "onboarding");
  g_assert_true (report_has_journey (run->report, "onboarding"));
  expected = cli_report (f, run, NULL);
  g_assert_cmpstr (run->report, ==, expected);
  g_object_unref (dialog);
}

/* A journey that groups no flow has nothing to run: said, and refused. */
static void
test_journey_without_flows (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = wm_workspace_create_journey (f->workspace, "Nothing grouped", 0, &error);
  WmRunDialog *dialog;

  g_assert_no_error (error);
  dialog = present (wm_run_dialog_new_for_journey (NULL, f->workspace, id));
  g_assert_nonnull (wm_run_dialog_get_message (dialog));
  g_assert_nonnull (strstr (wm_run_dialog_get_message (dialog), "groups no flow"));
  g_assert_true (g_strv_contains (wm_run_dialog_get_journey_ids (dialog), id));
  sample_window (dialog);
  g_assert_false (wm_run_dialog_run (dialog));
  g_assert_nonnull (strstr (wm_run_dialog_get_message (dialog), "groups no flow"));
  g_assert_cmpuint (count_runs (f), ==, 0);
  destroy_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/run-journeys/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("journey-on-is-stored-with-the-cli-report", test_journey_on_is_stored);
  ADD ("journey-off-takes-no-part", test_journey_off_takes_no_part);
  ADD ("journey-errors-block-the-run", test_journey_errors_block);
  ADD ("dialog-for-a-journey", test_dialog_for_journey);
  ADD ("journey-without-flows-is-refused", test_journey_without_flows);
#undef ADD

  return g_test_run ();
}
