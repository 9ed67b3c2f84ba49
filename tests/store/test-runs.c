/* test-runs.c - simulation runs stored in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs survive closing and reopening the file, are listed newest first,
 * renamed and deleted; an older workspace gains the runs table; an edited
 * flow is noticed; a failed add stores nothing.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "wm-flow-io.h"
#include "wm-runs.h"
#include "wm-time.h"
#include "wm-workspace.h"
#include "wm-workspace-private.h"

#define REPORT "{\"format\":\"waymark.report\",\"format_version\":1,\"run\":{\"start\":\"2026-01-01T00:00:00Z\"," \
               "\"end\":\"2026-02-01T00:00:00Z\",\"seed\":7,\"profiles\":2,\"events\":3,\"rejected_lines\":0}," \
               "\"flows\":{}}"

typedef struct
{
  char        *dir;
  char        *path;
  char        *profiles;
  WmWorkspace *ws;
  char        *flow_id;
} Fixture;

static gint64
ts (const char *text)
{
  gint64 t = 0;

  g_assert_true (wm_timestamp_parse (text, -1, &t));
  return t;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("wm-runs-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->profiles = g_build_filename (f->dir, "profiles.jsonl", NULL);
  g_assert_true (g_file_set_contents (f->profiles, "{\"id\":\"p1\"}\n", -1, NULL));
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->flow_id = wm_workspace_create_flow (f->ws, "Cart recovery", ts ("2026-01-01T00:00:00Z"), &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->profiles);
  g_free (f->flow_id);
}

static WmRun *
make_run (Fixture    *f,
          const char *name,
          gint64      ran_at)
{
  WmRun *run = wm_run_new ();

  run->name = g_strdup (name);
  run->profiles_path = g_strdup (f->profiles);
  g_assert_true (wm_run_stat_profiles (run, NULL));
  run->start = ts ("2026-01-01T00:00:00Z");
  run->end = ts ("2026-02-01T00:00:00Z");
  run->seed = G_MAXUINT64;
  run->params = g_strdup ("{\"api_success\":0.5}");
  run->report = g_strdup (REPORT);
  run->ran_at = ran_at;
  run->duration_ms = 1234;
  wm_run_add_flow (run, f->flow_id, 1, TRUE);
  return run;
}

static void
count_cb (WmWorkspace *ws,
          guint       *count)
{
  (*count)++;
}

static void
test_store_and_reopen (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) first = make_run (f, "Before the change", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(WmRun) second = make_run (f, NULL, ts ("2026-03-02T10:00:00Z"));
  g_autoptr(WmRun) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *file = wm_workspace_export_flow (f->ws, f->flow_id, NULL, NULL);
  const WmRunFlow *flow;
  gint64 id1, id2;
  guint changed = 0;

  g_signal_connect (f->ws, "runs-changed", G_CALLBACK (count_cb), &changed);
  id1 = wm_workspace_add_run (f->ws, first, &error);
  g_assert_no_error (error);
  id2 = wm_workspace_add_run (f->ws, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  g_assert_cmpint (id2, !=, id1);
  g_assert_cmpuint (changed, ==, 2);

  /* Closed and opened again: everything is read back from the file. */
  g_clear_object (&f->ws);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  list = wm_workspace_list_runs (f->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first, and cheap: no report. */
  g_assert_cmpint (((WmRun *) list->pdata[0])->id, ==, id2);
  g_assert_cmpint (((WmRun *) list->pdata[1])->id, ==, id1);
  g_assert_null (((WmRun *) list->pdata[0])->report);
  g_assert_null (((WmRunFlow *) ((WmRun *) list->pdata[0])->flows->pdata[0])->document);
  g_assert_cmpstr (((WmRun *) list->pdata[1])->name, ==, "Before the change");
  /* No name: made from the flow's name and the time. */
  expected_name = wm_run_default_name ("Cart recovery", ts ("2026-03-02T10:00:00Z"), NULL);
  g_assert_cmpstr (((WmRun *) list->pdata[0])->name, ==, expected_name);
  g_assert_true (g_str_has_prefix (expected_name, "Cart recovery, "));

  got = wm_workspace_get_run (f->ws, id1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->report, ==, REPORT);
  g_assert_cmpstr (got->profiles_path, ==, f->profiles);
  g_assert_cmpint (got->profiles_size, ==, 12);
  g_assert_cmpint (got->start, ==, ts ("2026-01-01T00:00:00Z"));
  g_assert_cmpint (got->end, ==, ts ("2026-02-01T00:00:00Z"));
  g_assert_cmpuint (got->seed, ==, G_MAXUINT64);
  g_assert_cmpstr (got->params, ==, "{\"api_success\":0.5}");
  g_assert_cmpint (got->ran_at, ==, ts ("2026-03-01T10:00:00Z"));
  g_assert_cmpint (got->duration_ms, ==, 1234);
  g_assert_cmpuint (got->flows->len, ==, 1);
  flow = got->flows->pdata[0];
  g_assert_cmpstr (flow->flow_id, ==, f->flow_id);
  g_assert_cmpuint (flow->version, ==, 1);
  g_assert_cmpuint (strlen (flow->hash), ==, 64);
  g_assert_true (flow->tried);
  /* The flow file as it was simulated. */
  g_assert_nonnull (file);
  g_assert_cmpstr (flow->document, ==, file);
  g_assert_false (wm_run_profiles_changed (got));

  /* The profile file grows: the run says so. */
  g_assert_true (g_file_set_contents (f->profiles, "{\"id\":\"p1\"}\n{\"id\":\"p2\"}\n", -1, NULL));
  g_assert_true (wm_run_profiles_changed (got));
}

/* A copy holds everything a stored run holds, in memory of its own: it
 * outlives the run it was copied from. */
static void
test_copy_outlives_the_run (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) made = make_run (f, "Copied", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(WmRun) copy = NULL;
  WmRun *got;
  const WmRunFlow *flow;
  const WmRunJourney *journey;
  g_autofree char *file = wm_workspace_export_flow (f->ws, f->flow_id, NULL, NULL);
  g_autofree char *hash = NULL;
  gint64 id;

  made->origin = g_strdup ("cluster-7");
  id = wm_workspace_add_run (f->ws, made, &error);
  g_assert_no_error (error);
  got = wm_workspace_get_run (f->ws, id, &error);
  g_assert_no_error (error);
  /* A journey part as a stored run with journeys has it. */
  wm_run_add_journey (got, "buyers");
  ((WmRunJourney *) g_ptr_array_index (got->journeys, 0))->hash = g_strdup ("abc");
  ((WmRunJourney *) g_ptr_array_index (got->journeys, 0))->document = g_strdup ("{\"id\":\"buyers\"}");
  hash = g_strdup (((WmRunFlow *) g_ptr_array_index (got->flows, 0))->hash);

  copy = wm_run_copy (got);
  g_assert_true (copy != got);
  g_assert_true (copy->flows != got->flows);
  g_assert_true (copy->report != got->report);
  wm_run_free (got);

  g_assert_cmpint (copy->id, ==, id);
  g_assert_cmpstr (copy->name, ==, "Copied");
  g_assert_cmpstr (copy->profiles_path, ==, f->profiles);
  g_assert_cmpint (copy->profiles_size, ==, 12);
  g_assert_cmpint (copy->profiles_mtime, >, 0);
  g_assert_cmpint (copy->start, ==, ts ("2026-01-01T00:00:00Z"));
  g_assert_cmpint (copy->end, ==, ts ("2026-02-01T00:00:00Z"));
  g_assert_cmpuint (copy->seed, ==, G_MAXUINT64);
  g_assert_cmpstr (copy->params, ==, "{\"api_success\":0.5}");
  g_assert_cmpstr (copy->report, ==, REPORT);
  g_assert_cmpint (copy->ran_at, ==, ts ("2026-03-01T10:00:00Z"));
  g_assert_cmpint (copy->duration_ms, ==, 1234);
  g_assert_cmpstr (copy->origin, ==, "cluster-7");
  g_assert_cmpuint (copy->flows->len, ==, 1);
  flow = copy->flows->pdata[0];
  g_assert_cmpstr (flow->flow_id, ==, f->flow_id);
  g_assert_cmpuint (flow->version, ==, 1);
  g_assert_true (flow->tried);
  g_assert_cmpstr (flow->hash, ==, hash);
  g_assert_cmpstr (flow->document, ==, file);
  g_assert_cmpuint (copy->journeys->len, ==, 1);
  journey = copy->journeys->pdata[0];
  g_assert_cmpstr (journey->journey_id, ==, "buyers");
  g_assert_cmpstr (journey->hash, ==, "abc");
  g_assert_cmpstr (journey->document, ==, "{\"id\":\"buyers\"}");
}

/* Results imported from elsewhere keep where they came from and need no
 * profile file; the app's own runs have no origin. */
static void
test_imported_run_keeps_origin (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) local = make_run (f, "Here", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(WmRun) imported = make_run (f, "From the cluster", ts ("2026-03-02T10:00:00Z"));
  g_autoptr(WmRun) no_profiles = make_run (f, "Nowhere", ts ("2026-03-03T10:00:00Z"));
  g_autoptr(WmRun) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 local_id, imported_id;

  g_free (imported->profiles_path);
  imported->profiles_path = g_strdup ("");
  imported->origin = g_strdup ("Imported from 4 partial results (part-0000.partial, …)");
  local_id = wm_workspace_add_run (f->ws, local, &error);
  g_assert_no_error (error);
  imported_id = wm_workspace_add_run (f->ws, imported, &error);
  g_assert_no_error (error);

  /* A run simulated here must name its profile file. */
  g_free (no_profiles->profiles_path);
  no_profiles->profiles_path = g_strdup ("");
  g_assert_cmpint (wm_workspace_add_run (f->ws, no_profiles, &error), ==, 0);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&f->ws);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  list = wm_workspace_list_runs (f->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((WmRun *) list->pdata[0])->id, ==, imported_id);
  g_assert_cmpstr (((WmRun *) list->pdata[0])->origin, ==, imported->origin);
  g_assert_null (((WmRun *) list->pdata[1])->origin);

  got = wm_workspace_get_run (f->ws, imported_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->origin, ==, imported->origin);
  g_assert_cmpstr (got->profiles_path, ==, "");
  g_assert_cmpstr (got->report, ==, REPORT);
  /* No profile file here: nothing to have changed. */
  g_assert_false (wm_run_profiles_changed (got));
  g_clear_pointer (&got, wm_run_free);
  got = wm_workspace_get_run (f->ws, local_id, &error);
  g_assert_no_error (error);
  g_assert_null (got->origin);
}

static void
test_default_name (void)
{
  g_autoptr(GTimeZone) zagreb = g_time_zone_new_identifier ("Europe/Zagreb");
  g_autofree char *name = NULL;
  g_autofree char *unnamed = NULL;

  g_assert_nonnull (zagreb);
  name = wm_run_default_name ("Welcome", ts ("2026-03-12T08:12:00Z"), zagreb);
  g_assert_cmpstr (name, ==, "Welcome, 12 March 2026 09:12");
  unnamed = wm_run_default_name ("", ts ("2026-03-12T08:12:00Z"), zagreb);
  g_assert_cmpstr (unnamed, ==, "Run of 12 March 2026 09:12");
}

/* Two runs stored with one name (two runs of a flow in the same minute
 * get the same default name) are told apart: the second is "… (2)". */
static void
test_names_made_unique (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) first = make_run (f, "Welcome, 12 March 2026 09:12", ts ("2026-03-12T08:12:00Z"));
  g_autoptr(WmRun) second = make_run (f, "Welcome, 12 March 2026 09:12", ts ("2026-03-12T08:12:30Z"));
  g_autoptr(WmRun) third = make_run (f, "Welcome, 12 March 2026 09:12", ts ("2026-03-12T08:12:40Z"));
  g_autoptr(WmRun) got = NULL;
  gint64 id1, id2, id3;

  id1 = wm_workspace_add_run (f->ws, first, &error);
  g_assert_no_error (error);
  id2 = wm_workspace_add_run (f->ws, second, &error);
  g_assert_no_error (error);
  id3 = wm_workspace_add_run (f->ws, third, &error);
  g_assert_no_error (error);
  got = wm_workspace_get_run (f->ws, id1, &error);
  g_assert_cmpstr (got->name, ==, "Welcome, 12 March 2026 09:12");
  g_clear_pointer (&got, wm_run_free);
  got = wm_workspace_get_run (f->ws, id2, &error);
  g_assert_cmpstr (got->name, ==, "Welcome, 12 March 2026 09:12 (2)");
  g_clear_pointer (&got, wm_run_free);
  got = wm_workspace_get_run (f->ws, id3, &error);
  g_assert_cmpstr (got->name, ==, "Welcome, 12 March 2026 09:12 (3)");
}

static void
test_rename_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = make_run (f, "First", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(WmRun) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = wm_workspace_add_run (f->ws, run, &error);
  guint changed = 0;

  g_assert_no_error (error);
  g_signal_connect (f->ws, "runs-changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (wm_workspace_rename_run (f->ws, id, "  Launched vs draft  ", &error));
  g_assert_no_error (error);
  got = wm_workspace_get_run (f->ws, id, &error);
  g_assert_cmpstr (got->name, ==, "Launched vs draft");
  g_assert_cmpuint (changed, ==, 1);

  /* An empty name is refused and the old one kept. */
  g_assert_false (wm_workspace_rename_run (f->ws, id, "   ", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A run needs a name; type one");
  g_clear_error (&error);
  g_clear_pointer (&got, wm_run_free);
  got = wm_workspace_get_run (f->ws, id, &error);
  g_assert_cmpstr (got->name, ==, "Launched vs draft");

  g_assert_true (wm_workspace_delete_run (f->ws, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  list = wm_workspace_list_runs (f->ws, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (wm_workspace_get_run (f->ws, id, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Deleting or renaming what is gone says so. */
  g_assert_false (wm_workspace_delete_run (f->ws, id, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wm_workspace_rename_run (f->ws, id, "Again", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpuint (changed, ==, 2);
}

static void
test_changed_flow_noticed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = make_run (f, "Run", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(WmFlow) edit = NULL;
  g_autoptr(WmElement) element = NULL;
  g_autoptr(WmRun) got = NULL;
  g_autofree char *now = NULL;
  WmRunFlowState state = WM_RUN_FLOW_GONE;
  gint64 id = wm_workspace_add_run (f->ws, run, &error);

  g_assert_no_error (error);
  g_assert_true (wm_workspace_check_run_flow (f->ws, id, f->flow_id, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, WM_RUN_FLOW_SAME);

  /* Saving the flow's document-level fields leaves the version alone. */
  edit = wm_workspace_get_flow (f->ws, f->flow_id, &error);
  g_assert_no_error (error);
  wm_flow_set_name (edit, "Cart recovery (renamed)");
  g_assert_true (wm_workspace_save_flow_fields (f->ws, edit, &error));
  g_assert_no_error (error);
  g_assert_true (wm_workspace_check_run_flow (f->ws, id, f->flow_id, &state, &error));
  g_assert_cmpint (state, ==, WM_RUN_FLOW_SAME);

  /* An element added to the simulated version is a change. */
  element = wm_element_new ("start", "entry.event");
  wm_element_set_config_string (element, "event", "SignedUp");
  wm_version_insert_element (wm_flow_get_version (edit, 1), 0, element);
  g_assert_true (wm_workspace_save_version (f->ws, edit, 1, &error));
  g_assert_no_error (error);
  g_assert_true (wm_workspace_check_run_flow (f->ws, id, f->flow_id, &state, &error));
  g_assert_cmpint (state, ==, WM_RUN_FLOW_CHANGED);
  /* The run keeps the flow file it simulated, without the new element. */
  got = wm_workspace_get_run (f->ws, id, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (((WmRunFlow *) got->flows->pdata[0])->document, "SignedUp"));
  now = wm_workspace_export_flow (f->ws, f->flow_id, NULL, &error);
  g_assert_nonnull (strstr (now, "SignedUp"));

  /* The flow deleted: gone, and the run stays. */
  g_assert_true (wm_workspace_delete_flow (f->ws, f->flow_id, &error));
  g_assert_no_error (error);
  g_assert_true (wm_workspace_check_run_flow (f->ws, id, f->flow_id, &state, &error));
  g_assert_cmpint (state, ==, WM_RUN_FLOW_GONE);

  /* A flow the run did not simulate is an error, not a state. */
  g_assert_false (wm_workspace_check_run_flow (f->ws, id, "other", &state, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_failed_add_stores_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = make_run (f, "Half", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(WmRun) bad_report = make_run (f, "Bad report", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(WmRun) bad_window = make_run (f, "Bad window", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(GPtrArray) list = NULL;
  guint changed = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_signal_connect (f->ws, "runs-changed", G_CALLBACK (count_cb), &changed);

  /* The second flow's version does not exist: found only after the run's
   * row and its first flow were written, so the transaction must undo them. */
  wm_run_add_flow (run, f->flow_id, 7, TRUE);
  g_assert_cmpint (wm_workspace_add_run (f->ws, run, &error), ==, 0);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no version 7 of the flow “cart-recovery”"));
  g_clear_error (&error);

  g_clear_pointer (&bad_report->report, g_free);
  bad_report->report = g_strdup ("{\"format\":\"waymark.flow\"}");
  g_assert_cmpint (wm_workspace_add_run (f->ws, bad_report, &error), ==, 0);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  bad_window->end = bad_window->start;
  g_assert_cmpint (wm_workspace_add_run (f->ws, bad_window, &error), ==, 0);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (changed, ==, 0);
  list = wm_workspace_list_runs (f->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  /* Not a row left behind in either table, seen by another connection. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM run_flows)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Another program (here a second connection) adds a run: refresh tells. */
static void
test_other_program_is_followed (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) other = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_autoptr(WmRun) run = make_run (f, "From the command line", ts ("2026-03-01T10:00:00Z"));
  g_autoptr(GPtrArray) list = NULL;
  guint changed = 0;

  g_assert_no_error (error);
  g_signal_connect (f->ws, "runs-changed", G_CALLBACK (count_cb), &changed);
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpint (wm_workspace_add_run (other, run, &error), >, 0);
  g_assert_no_error (error);
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (changed, ==, 1);
  list = wm_workspace_list_runs (f->ws, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((WmRun *) list->pdata[0])->name, ==, "From the command line");
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* The fixture of schema version 2 (the one before runs) gains the runs
 * tables and keeps everything it had. */
static void
test_migrates_version_2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "store", "data", "workspace-v2.db", NULL);
  g_autofree char *dir = g_dir_make_tmp ("wm-runs-v2-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  g_autoptr(WmRun) run = wm_run_new ();
  g_autoptr(GPtrArray) list = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (user_version (path), ==, 2);

  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_workspace_get_flows (ws)), ==, 2);
  /* Version 2's milestone-use table came through. */
  g_assert_false (wm_workspace_delete_definition (ws, WM_DEFINITION_MILESTONE, "old-milestone", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_clear_error (&error);

  list = wm_workspace_list_runs (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  run->profiles_path = g_strdup (path);
  run->start = 0;
  run->end = 60;
  run->report = g_strdup (REPORT);
  wm_run_add_flow (run, "old-flow", 1, FALSE);
  g_assert_cmpint (wm_workspace_add_run (ws, run, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&ws);
  g_assert_cmpint (user_version (path), ==, WM_WORKSPACE_SCHEMA_VERSION);
  remove_dir (dir);
}

/* The version 1 fixture goes through both steps and can store a run of
 * its old flow. */
static void
test_migrates_version_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "store", "data", "workspace-v1.db", NULL);
  g_autofree char *dir = g_dir_make_tmp ("wm-runs-v1-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  g_autoptr(WmRun) run = wm_run_new ();
  g_autoptr(WmRun) got = NULL;
  WmRunFlowState state = WM_RUN_FLOW_GONE;
  gsize length;
  gint64 id, before;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  run->profiles_path = g_strdup (path);
  run->start = 0;
  run->end = 60;
  run->report = g_strdup (REPORT);
  wm_run_add_flow (run, "old-flow", 1, FALSE);
  before = g_get_real_time () / G_USEC_PER_SEC;
  id = wm_workspace_add_run (ws, run, &error);
  g_assert_no_error (error);
  got = wm_workspace_get_run (ws, id, &error);
  /* No time given: it ran now. */
  g_assert_cmpint (got->ran_at, >=, before);
  g_assert_cmpint (got->ran_at, <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_true (g_str_has_prefix (got->name, "Old flow, "));
  g_assert_true (wm_workspace_check_run_flow (ws, id, "old-flow", &state, &error));
  g_assert_cmpint (state, ==, WM_RUN_FLOW_SAME);
  g_clear_object (&ws);
  g_assert_cmpint (user_version (path), ==, WM_WORKSPACE_SCHEMA_VERSION);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/runs/stored-and-reopened", test_store_and_reopen);
  ADD ("/store/runs/renamed-and-deleted", test_rename_and_delete);
  ADD ("/store/runs/names-made-unique", test_names_made_unique);
  ADD ("/store/runs/changed-flow-is-noticed", test_changed_flow_noticed);
  ADD ("/store/runs/failed-add-stores-nothing", test_failed_add_stores_nothing);
  ADD ("/store/runs/another-program-is-followed", test_other_program_is_followed);
  ADD ("/store/runs/imported-run-keeps-its-origin", test_imported_run_keeps_origin);
  ADD ("/store/runs/copy-outlives-the-run", test_copy_outlives_the_run);
#undef ADD
  g_test_add_func ("/store/runs/default-name-says-flow-and-time", test_default_name);
  g_test_add_func ("/store/runs/version-2-file-is-migrated", test_migrates_version_2);
  g_test_add_func ("/store/runs/version-1-file-is-migrated", test_migrates_version_1);

  return g_test_run ();
}
