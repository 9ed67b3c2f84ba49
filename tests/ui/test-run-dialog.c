/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run dialog and the runs list on a real sample workspace (Welcome
 * message a valid draft, its sample profiles next to the workspace). A run
 * goes through the dialog's own code path (Run, worker threads, storing)
 * and its stored report is compared byte for byte with what waymark-cli
 * simulate writes for the stored inputs. With WAYMARK_SCREENSHOT_DIR set,
 * the dialog, its progress, the rejected lines and the runs list are saved
 * there (run-dialog.png, run-progress.png, run-rejected.png,
 * run-list.png, run-popover.png, run-rename.png...).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-editor-page.h"
#include "wm-flow-info.h"
#include "wm-flow-io.h"
#include "wm-params.h"
#include "wm-run-dialog.h"
#include "wm-runs.h"
#include "wm-runs-list.h"
#include "wm-sample-profiles.h"
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

  f->workspace = temp_workspace_new ("waymark-run-XXXXXX", TRUE, &f->dir, &f->path);
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

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  part)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

static gboolean
is_menu_button_tipped (GtkWidget     *widget,
                       gconstpointer  tip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tip) == 0;
}

static gboolean
is_runs_list (GtkWidget     *widget,
              gconstpointer  data)
{
  return WM_IS_RUNS_LIST (widget);
}

static gboolean
is_list_box (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget);
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  spin (50);
  g_assert_finalize_object (window);
}

/* Destroys a dialog of new_dialog() and drops our reference. */
static void
destroy_dialog (WmRunDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_finalize_object (dialog);
}

static WmRunDialog *
new_dialog (Fixture    *f,
            const char *flow_id,
            guint       version)
{
  WmRunDialog *dialog = WM_RUN_DIALOG (wm_run_dialog_new (NULL, f->workspace, flow_id, version));

  /* Ours: a run without rejections closes the dialog. */
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);
  return dialog;
}

/* A window around the sample profiles' events (the month before the
 * workspace was made). */
static void
sample_window (WmRunDialog *dialog)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  wm_run_dialog_set_window (dialog, now - 40 * DAY, now + DAY);
}

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  WmRunDialog *dialog = new_dialog (f, f->welcome, 1);
  g_autofree char *sample = wm_workspace_get_sample_profiles_path (f->workspace);
  const char * const *flows = wm_run_dialog_get_flow_ids (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *params = NULL;
  g_autoptr(JsonNode) defaults_node = NULL;
  g_autofree char *defaults = NULL;
  WmParams p;
  gint64 start, end, now = g_get_real_time () / G_USEC_PER_SEC;

  /* The sample's profiles preselected; the month before today. */
  g_assert_cmpstr (wm_run_dialog_get_profiles_path (dialog), ==, sample);
  g_assert_true (wm_run_dialog_get_window (dialog, &start, &end));
  g_assert_cmpint (start % DAY, ==, 0);
  g_assert_cmpint (end % DAY, ==, 0);
  g_assert_cmpint (end, >, now);
  g_assert_cmpint (end - now, <=, DAY);
  g_assert_cmpint (end - start, >=, 29 * DAY);
  g_assert_cmpint (end - start, <=, 32 * DAY);
  /* The open flow alone: it adds no one to another flow. */
  g_assert_cmpuint (g_strv_length ((GStrv) flows), ==, 1);
  g_assert_cmpstr (flows[0], ==, f->welcome);
  g_assert_cmpuint (wm_run_dialog_get_n_errors (dialog), ==, 0);
  g_assert_null (wm_run_dialog_get_message (dialog));

  /* The table shows the spec's defaults. */
  params = wm_run_dialog_get_parameters (dialog, &error);
  g_assert_no_error (error);
  wm_params_init_defaults (&p);
  defaults_node = wm_params_to_json (&p);
  defaults = json_to_string (defaults_node, FALSE);
  g_assert_cmpstr (params, ==, defaults);

  /* Reset puts back what was edited. */
  g_assert_true (wm_run_dialog_set_parameter (dialog, "sms", "price", "0.5"));
  g_assert_false (wm_run_dialog_set_parameter (dialog, "sms", "open", "0.5"));
  g_clear_pointer (&params, g_free);
  params = wm_run_dialog_get_parameters (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (params, !=, defaults);
  wm_run_dialog_reset_parameters (dialog);
  g_clear_pointer (&params, g_free);
  params = wm_run_dialog_get_parameters (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (params, ==, defaults);

  save_screenshot (GTK_WIDGET (dialog), "run-dialog.png");
  destroy_dialog (dialog);
}

/* Runs waymark-cli simulate on the stored run's own inputs (its journeys
 * with --journey). */
static char *
cli_report (Fixture     *f,
            const WmRun *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *params = write_temp (f, "params.json", run->params, -1);
  g_autofree char *report = g_build_filename (f->dir, "cli-report.json", NULL);
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
      g_ptr_array_add (argv, write_temp (f, name, flow->document, -1));
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
      g_ptr_array_add (argv, write_temp (f, name, journey->document, -1));
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
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_file_get_contents (report, &text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

static void
run_shown_cb (WmEditorPage *page,
              gint64        id,
              gint64       *out)
{
  *out = id;
}

/* Through the editor: Ctrl+R's action, the dialog's Run button, the
 * stored run shown by the editor; its report is the CLI's. */
static void
test_run_matches_cli (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = wm_editor_page_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GListModel) toplevels = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *params = NULL;
  WmRunDialog *dialog = NULL, *again;
  GtkWidget *runs_button, *popover, *list, *box;
  gint64 shown = -1, start, end;
  const WmRunFlow *flow;

  gtk_window_set_default_size (window, 1200, 760);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  wm_editor_page_set_workspace (WM_EDITOR_PAGE (page), f->workspace);
  g_assert_true (wm_editor_page_open (WM_EDITOR_PAGE (page), f->welcome, &error));
  g_assert_no_error (error);
  g_signal_connect (page, "run-shown", G_CALLBACK (run_shown_cb), &shown);
  spin (100);

  g_assert_true (gtk_widget_activate_action (page, "editor.run-simulation", NULL));
  spin (100);
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (WM_IS_RUN_DIALOG (item))
        dialog = WM_RUN_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);

  sample_window (dialog);
  wm_run_dialog_set_seed (dialog, 7);
  g_assert_true (wm_run_dialog_set_parameter (dialog, "email", "delivery", "0.9"));
  g_assert_true (wm_run_dialog_set_parameter (dialog, NULL, NULL, "0.95"));
  g_assert_true (wm_run_dialog_run (dialog));
  g_assert_true (wm_run_dialog_is_running (dialog));
  wait_for_run (dialog);

  /* Stored, shown by the editor, and the dialog closed (nothing rejected). */
  g_assert_cmpint (wm_run_dialog_get_run_id (dialog), >, 0);
  g_assert_cmpint (shown, ==, wm_run_dialog_get_run_id (dialog));
  g_assert_cmpint (wm_editor_page_get_run_id (WM_EDITOR_PAGE (page)), ==, shown);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (count_runs (f), ==, 1);

  run = wm_workspace_get_run (f->workspace, shown, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run->seed, ==, 7);
  g_assert_true (wm_run_dialog_get_window (dialog, &start, &end));
  g_assert_cmpint (run->start, ==, start);
  g_assert_cmpint (run->end, ==, end);
  g_assert_cmpuint (run->flows->len, ==, 1);
  flow = run->flows->pdata[0];
  g_assert_cmpstr (flow->flow_id, ==, f->welcome);
  g_assert_cmpuint (flow->version, ==, 1);
  g_assert_true (flow->tried);
  {
    WmParams stored;

    wm_params_init_defaults (&stored);
    g_assert_true (wm_params_load_data (&stored, run->params, -1, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (stored.api_success, ==, 0.95);
    g_assert_cmpfloat (stored.channels[WM_SIM_CHANNEL_EMAIL].delivery, ==, 0.9);
  }
  g_assert_cmpint (run->profiles_size, >, 0);
  g_assert_nonnull (strstr (run->report, "\"profiles\""));

  expected = cli_report (f, run);
  g_assert_cmpstr (run->report, ==, expected);
  g_object_unref (dialog);
  save_screenshot (GTK_WIDGET (window), "run-editor.png");

  /* The header's Runs popover lists it; choosing it shows it again. */
  runs_button = find_widget (page, is_menu_button_tipped, "Past Runs");
  g_assert_nonnull (runs_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (runs_button));
  spin (200);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (runs_button)));
  list = find_widget (popover, is_runs_list, NULL);
  g_assert_cmpuint (wm_runs_list_get_n_runs (WM_RUNS_LIST (list)), ==, 1);
  g_assert_cmpint (wm_runs_list_get_run_id (WM_RUNS_LIST (list), 0), ==, shown);
  save_screenshot (popover, "run-popover.png");
  wm_editor_page_show_run (WM_EDITOR_PAGE (page), 0);
  g_assert_cmpint (shown, ==, 0);
  box = find_widget (list, is_list_box, NULL);
  g_signal_emit_by_name (box, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), 0));
  g_assert_cmpint (shown, ==, run->id);
  g_assert_false (gtk_widget_get_visible (popover));

  /* The parameters are remembered for this workspace. */
  again = new_dialog (f, f->welcome, 1);
  params = wm_run_dialog_get_parameters (again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (params, ==, run->params);
  destroy_dialog (again);

  /* Closing the flow shows no run. */
  wm_editor_page_close (WM_EDITOR_PAGE (page));
  g_assert_cmpint (shown, ==, 0);
  destroy_window (window);
}

static gboolean
is_progress_bar (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_PROGRESS_BAR (widget);
}

static void
test_cancel_stores_nothing (Fixture       *f,
                            gconstpointer  data)
{
  WmRunDialog *dialog = new_dialog (f, f->welcome, 1);
  g_autofree char *big = g_build_filename (f->dir, "big.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  gboolean stored = FALSE;
  GtkWidget *bar, *label;
  gint64 asked, end;

  /* Big enough to be running after a moment, also on a fast machine. */
  g_assert_true (wm_sample_profiles_write (big, g_get_real_time () / G_USEC_PER_SEC, 200000, &error));
  g_assert_no_error (error);
  g_signal_connect_swapped (dialog, "run-stored", G_CALLBACK (g_nullify_pointer), &stored);
  stored = TRUE;
  sample_window (dialog);
  wm_run_dialog_set_profiles_path (dialog, big);
  g_assert_true (wm_run_dialog_run (dialog));

  /* The interface goes on while it runs, with the progress shown. */
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  bar = find_widget (GTK_WIDGET (dialog), is_progress_bar, NULL);
  while (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wm_run_dialog_is_running (dialog));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0);
  label = find_widget (GTK_WIDGET (dialog), is_label_containing, " profiles done · ");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (label));
  save_screenshot (GTK_WIDGET (dialog), "run-progress.png");

  asked = g_get_monotonic_time ();
  wm_run_dialog_cancel (dialog);
  wait_for_run (dialog);
  /* At once: the batch in flight, not the rest of the file. */
  g_assert_cmpint (g_get_monotonic_time () - asked, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpstr (wm_run_dialog_get_message (dialog), ==, "The run was cancelled; nothing was stored.");
  g_assert_cmpint (wm_run_dialog_get_run_id (dialog), ==, 0);
  g_assert_true (stored);
  g_assert_cmpuint (count_runs (f), ==, 0);
  /* The dialog is ready for another try, which can be cancelled too. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (wm_run_dialog_run (dialog));
  g_assert_true (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "C_ancel Run")));
  wm_run_dialog_cancel (dialog);
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "C_ancel Run")));
  wait_for_run (dialog);
  g_assert_cmpuint (count_runs (f), ==, 0);
  destroy_dialog (dialog);
}

static void assert_message (WmRunDialog *dialog,
                            const char  *expected);

/* Escape while it runs: the run stops and the dialog closes, nothing
 * stored. */
static void
test_escape_stops_the_run (Fixture       *f,
                           gconstpointer  data)
{
  WmRunDialog *dialog = new_dialog (f, f->welcome, 1);
  g_autofree char *big = g_build_filename (f->dir, "big.jsonl", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_sample_profiles_write (big, g_get_real_time () / G_USEC_PER_SEC, 200000, &error));
  g_assert_no_error (error);
  sample_window (dialog);
  wm_run_dialog_set_profiles_path (dialog, big);
  g_assert_true (wm_run_dialog_run (dialog));
  spin (100);
  g_assert_true (wm_run_dialog_is_running (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_for_run (dialog);
  g_assert_cmpint (wm_run_dialog_get_run_id (dialog), ==, 0);
  g_assert_cmpuint (count_runs (f), ==, 0);
  g_assert_finalize_object (dialog);
}

static void
test_flow_changed_while_running (Fixture       *f,
                                 gconstpointer  data)
{
  WmRunDialog *dialog = new_dialog (f, f->welcome, 1);
  g_autofree char *big = g_build_filename (f->dir, "big.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;

  g_assert_true (wm_sample_profiles_write (big, g_get_real_time () / G_USEC_PER_SEC, 100000, &error));
  g_assert_no_error (error);
  sample_window (dialog);
  wm_run_dialog_set_profiles_path (dialog, big);
  g_assert_true (wm_run_dialog_run (dialog));

  /* Another window saves the flow meanwhile. */
  flow = wm_workspace_get_flow (f->workspace, f->welcome, &error);
  g_assert_no_error (error);
  wm_flow_set_description (flow, "Edited while the run went on");
  g_assert_true (wm_workspace_save_version (f->workspace, flow, 1, &error));
  g_assert_no_error (error);
  g_assert_true (wm_run_dialog_is_running (dialog));

  wait_for_run (dialog);
  assert_message (dialog, "was changed while it ran");
  g_assert_cmpuint (count_runs (f), ==, 0);
  destroy_dialog (dialog);
}

static void
assert_message (WmRunDialog *dialog,
                const char  *expected)
{
  const char *message = wm_run_dialog_get_message (dialog);

  g_assert_nonnull (message);
  if (strstr (message, expected) == NULL)
    g_error ("“%s” does not say “%s”", message, expected);
}

/* Run is refused with @expected (a part of the message), nothing stored. */
static void
assert_refused (Fixture     *f,
                WmRunDialog *dialog,
                const char  *expected)
{
  g_assert_false (wm_run_dialog_run (dialog));
  g_assert_false (wm_run_dialog_is_running (dialog));
  assert_message (dialog, expected);
  g_assert_cmpuint (count_runs (f), ==, 0);
}

static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  WmRunDialog *dialog = new_dialog (f, f->welcome, 1);
  g_autofree char *sample = wm_workspace_get_sample_profiles_path (f->workspace);
  g_autofree char *missing = g_build_filename (f->dir, "missing.jsonl", NULL);
  g_autofree char *binary = write_temp (f, "picture.jsonl", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *array = write_temp (f, "list.json", "[1, 2, 3]\n", -1);
  g_autofree char *garbage = write_temp (f, "garbage.jsonl", "{not json\n{\"no\":\"id\"}\n", -1);
  g_autofree char *no_id = write_temp (f, "no-id.csv", "name,email\nAna,ana@example.com\n", -1);
  g_autofree char *unreadable = write_temp (f, "locked.jsonl", "{}\n", -1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  sample_window (dialog);

  wm_run_dialog_set_profiles_path (dialog, missing);
  assert_refused (f, dialog, "cannot be read");
  wm_run_dialog_set_profiles_path (dialog, f->dir);
  assert_refused (f, dialog, "is a folder");
  if (getuid () != 0)
    {
      g_chmod (unreadable, 0);
      wm_run_dialog_set_profiles_path (dialog, unreadable);
      assert_refused (f, dialog, "Permission denied");
    }
  wm_run_dialog_set_profiles_path (dialog, binary);
  assert_refused (f, dialog, "is not a text file");
  wm_run_dialog_set_profiles_path (dialog, array);
  assert_refused (f, dialog, "is not a JSON Lines profile file");
  wm_run_dialog_set_profiles_path (dialog, NULL);
  assert_refused (f, dialog, "Choose the profile file");

  /* Refused by the reader, or not one profile in it: found after the run,
   * still nothing stored. */
  wm_run_dialog_set_profiles_path (dialog, no_id);
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  assert_message (dialog, "The simulation failed");
  g_assert_cmpuint (count_runs (f), ==, 0);
  wm_run_dialog_set_profiles_path (dialog, garbage);
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  assert_message (dialog, "garbage.jsonl” is a profile (line 1: bad JSON");
  g_assert_cmpuint (count_runs (f), ==, 0);

  wm_run_dialog_set_profiles_path (dialog, sample);
  wm_run_dialog_set_window (dialog, now, now - 3 * DAY);
  assert_refused (f, dialog, "The window ends before it starts");
  sample_window (dialog);

  wm_run_dialog_set_seed (dialog, 1);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_entry_row_titled, "Seed")), "-4");
  assert_refused (f, dialog, "Seed: “-4” is not a whole number");
  wm_run_dialog_set_seed (dialog, 1);

  g_assert_true (wm_run_dialog_set_parameter (dialog, "sms", "delivery", "lots"));
  assert_refused (f, dialog, "SMS Delivered: “lots” is not a number");
  g_assert_true (wm_run_dialog_set_parameter (dialog, "sms", "delivery", "1.5"));
  assert_refused (f, dialog, "channels.sms.delivery");
  g_assert_true (wm_run_dialog_set_parameter (dialog, "sms", "price", "-1"));
  wm_run_dialog_reset_parameters (dialog);

  /* With every input right it runs. */
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  g_assert_cmpuint (count_runs (f), ==, 1);
  destroy_dialog (dialog);
}

static void
test_flow_errors_block (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->workspace, f->welcome, &error);
  g_autoptr(WmElement) sms = wm_element_new ("broken-sms", "send.sms");
  WmRunDialog *dialog;

  /* The draft gets an SMS without sender and text: two errors. */
  g_assert_no_error (error);
  wm_version_insert_element (wm_flow_get_latest_version (flow), 0, sms);
  g_assert_true (wm_workspace_save_version (f->workspace, flow, 1, &error));
  g_assert_no_error (error);

  dialog = new_dialog (f, f->welcome, 1);
  g_assert_cmpuint (wm_run_dialog_get_n_errors (dialog), >=, 2);
  sample_window (dialog);
  assert_refused (f, dialog, "errors; fix them first");
  save_screenshot (GTK_WIDGET (dialog), "run-errors.png");
  destroy_dialog (dialog);
}

static void
test_rejected_lines_listed (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *sample = wm_workspace_get_sample_profiles_path (f->workspace);
  g_autofree char *text = NULL;
  g_autoptr(GString) mixed = g_string_new (NULL);
  g_autofree char *path = NULL;
  char *csv = write_temp (f, "people.csv",
                                     "id,email\np-1,ana@example.com\np-2,a,b\np-3,ivo@example.com\np-1,x@example.com\n",
                                     -1);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  WmRunDialog *dialog;
  GtkWidget *label;

  /* The sample's first three lines with a bad line between them. */
  g_file_get_contents (sample, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", 4);
  g_string_append_printf (mixed, "%s\n{\"id\": 5}\n%s\n%s\n", lines[0], lines[1], lines[2]);
  path = write_temp (f, "mixed.jsonl", mixed->str, -1);

  dialog = new_dialog (f, f->welcome, 1);
  sample_window (dialog);
  wm_run_dialog_set_profiles_path (dialog, path);
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  g_assert_cmpint (wm_run_dialog_get_run_id (dialog), >, 0);
  g_assert_cmpuint (wm_run_dialog_get_n_rejected (dialog), ==, 1);
  /* The dialog stays to show them. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  save_screenshot (GTK_WIDGET (dialog), "run-rejected.png");
  destroy_dialog (dialog);

  /* A CSV file: its rows as an import report. */
  dialog = new_dialog (f, f->welcome, 1);
  sample_window (dialog);
  wm_run_dialog_set_profiles_path (dialog, csv);
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  g_assert_cmpuint (wm_run_dialog_get_n_rejected (dialog), ==, 2);
  label = find_widget (GTK_WIDGET (dialog), is_label_starting, "Import report");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Import report: 4 rows, 2 valid, 2 invalid."));
  save_screenshot (GTK_WIDGET (dialog), "run-rejected-csv.png");
  destroy_dialog (dialog);
  g_assert_cmpuint (count_runs (f), ==, 2);

  /* More rejected rows than listed: every row's reason is counted. */
  g_string_assign (mixed, "id,email\n");
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (mixed, "p-%u,a@example.com,extra\n", i);
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (mixed, ",b@example.com\n");
  g_string_append (mixed, "p-ok,c@example.com\n");
  g_free (csv);
  csv = write_temp (f, "many.csv", mixed->str, -1);
  dialog = new_dialog (f, f->welcome, 1);
  sample_window (dialog);
  wm_run_dialog_set_profiles_path (dialog, csv);
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  g_assert_cmpuint (wm_run_dialog_get_n_rejected (dialog), ==, 100);
  while (wm_run_dialog_is_counting (dialog))
    g_main_context_iteration (NULL, TRUE);
  label = find_widget (GTK_WIDGET (dialog), is_label_starting, "Import report");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Import report: 181 rows, 1 valid, 180 invalid.\nReasons:\ncell-count: 150\nid-missing: 30");
  destroy_dialog (dialog);
  g_free (csv);
}

static void
test_reached_flows_take_part (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *cart = find_flow_id (f->workspace, "Cart abandonment");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->workspace, f->welcome, &error);
  g_autoptr(WmElement) element = wm_element_new ("to-cart", "add.to.flow");
  const char * const *flows;
  WmRunDialog *dialog;

  wm_element_set_config_string (element, "flow", cart);
  wm_version_insert_element (wm_flow_get_latest_version (flow), 0, element);
  g_assert_true (wm_workspace_save_version (f->workspace, flow, 1, &error));
  g_assert_no_error (error);

  dialog = new_dialog (f, f->welcome, 1);
  flows = wm_run_dialog_get_flow_ids (dialog);
  g_assert_cmpuint (g_strv_length ((GStrv) flows), ==, 2);
  g_assert_cmpstr (flows[0], ==, f->welcome);
  g_assert_cmpstr (flows[1], ==, cart);
  destroy_dialog (dialog);
}

/* A stored run, quickly: through the dialog on the sample. */
static gint64
store_run (Fixture *f)
{
  WmRunDialog *dialog = new_dialog (f, f->welcome, 1);
  gint64 id;

  sample_window (dialog);
  g_assert_true (wm_run_dialog_run (dialog));
  wait_for_run (dialog);
  id = wm_run_dialog_get_run_id (dialog);
  g_assert_cmpint (id, >, 0);
  destroy_dialog (dialog);
  return id;
}

static void
test_runs_list (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  WmRunsList *list = WM_RUNS_LIST (wm_runs_list_new ());
  g_autofree char *cart = find_flow_id (f->workspace, "Cart abandonment");
  g_autofree char *sample = wm_workspace_get_sample_profiles_path (f->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(WmRun) renamed = NULL;
  GtkWidget *dialog, *box;
  gint64 first, second, activated = 0;
  FILE *file;

  gtk_window_set_default_size (window, 600, 420);
  gtk_window_set_child (window, GTK_WIDGET (list));
  gtk_window_present (window);
  wm_runs_list_set_flow (list, f->workspace, f->welcome);
  g_assert_cmpuint (wm_runs_list_get_n_runs (list), ==, 0);

  first = store_run (f);
  second = store_run (f);
  /* Followed through runs-changed, newest first. */
  g_assert_cmpuint (wm_runs_list_get_n_runs (list), ==, 2);
  g_assert_cmpint (wm_runs_list_get_run_id (list, 0), ==, second);
  g_assert_cmpint (wm_runs_list_get_run_id (list, 1), ==, first);
  g_assert_null (strstr (wm_runs_list_get_subtitle (list, 0), "changed"));

  /* Another flow's list does not show them. */
  wm_runs_list_set_flow (list, f->workspace, cart);
  g_assert_cmpuint (wm_runs_list_get_n_runs (list), ==, 0);
  wm_runs_list_set_flow (list, f->workspace, f->welcome);

  g_signal_connect (list, "run-activated", G_CALLBACK (run_shown_cb), &activated);
  box = find_widget (GTK_WIDGET (list), is_list_box, NULL);
  g_signal_emit_by_name (box, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), 0));
  g_assert_cmpint (activated, ==, second);

  /* Rename through the dialog. */
  dialog = wm_runs_list_rename (list, first);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                         "  Before the new subject line ");
  save_screenshot (dialog, "run-rename.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  spin (100);
  renamed = wm_workspace_get_run (f->workspace, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renamed->name, ==, "Before the new subject line");
  g_assert_cmpstr (wm_runs_list_get_title (list, 1), ==, "Before the new subject line");
  /* An empty name cannot be given. */
  dialog = wm_runs_list_rename (list, first);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  spin (100);

  /* What changed since is said on the row. */
  file = g_fopen (sample, "a");
  g_assert_nonnull (file);
  fputs ("\n", file);
  fclose (file);
  flow = wm_workspace_get_flow (f->workspace, f->welcome, &error);
  g_assert_no_error (error);
  wm_version_remove_element (wm_flow_get_latest_version (flow),
                             wm_version_get_element_at (wm_flow_get_latest_version (flow), 0));
  g_assert_true (wm_workspace_save_version (f->workspace, flow, 1, &error));
  g_assert_no_error (error);
  wm_runs_list_refresh (list);
  g_assert_nonnull (strstr (wm_runs_list_get_subtitle (list, 0), "The flow has changed since this run."));
  g_assert_nonnull (strstr (wm_runs_list_get_subtitle (list, 0), "The profile file has changed since this run."));
  save_screenshot (GTK_WIDGET (window), "run-list.png");

  /* Delete: Cancel keeps it, Delete removes it. */
  dialog = wm_runs_list_delete (list, second);
  save_screenshot (dialog, "run-delete.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  spin (100);
  g_assert_cmpuint (count_runs (f), ==, 2);
  dialog = wm_runs_list_delete (list, second);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  spin (100);
  g_assert_cmpuint (count_runs (f), ==, 1);
  g_assert_cmpuint (wm_runs_list_get_n_runs (list), ==, 1);
  g_assert_cmpint (wm_runs_list_get_run_id (list, 0), ==, first);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/run-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("defaults-and-reset", test_defaults);
  ADD ("a-run-stores-the-cli-report", test_run_matches_cli);
  ADD ("cancel-stores-nothing", test_cancel_stores_nothing);
  ADD ("escape-stops-the-run-and-closes", test_escape_stops_the_run);
  ADD ("a-flow-saved-during-the-run-stores-nothing", test_flow_changed_while_running);
  ADD ("bad-inputs-are-named", test_bad_inputs);
  ADD ("flow-errors-block-the-run", test_flow_errors_block);
  ADD ("rejected-lines-are-listed", test_rejected_lines_listed);
  ADD ("reached-flows-take-part", test_reached_flows_take_part);
  ADD ("runs-list-rename-delete-and-changes", test_runs_list);
#undef ADD

  return g_test_run ();
}
