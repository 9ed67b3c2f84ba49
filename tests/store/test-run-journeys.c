/* test-run-journeys.c - the journeys a stored run keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run keeps each journey's stored file and its hash; lists leave the
 * files out; a journey that is not stored refuses the run (named), and
 * nothing is written; editing or deleting the journey later leaves the
 * run as it was; deleting the run deletes its rows; the schema-5 fixture
 * gains the table. Results imported from elsewhere keep the journeys
 * their report names that the workspace has.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "wm-journeys.h"
#include "wm-run-program.h"
#include "wm-runs-import.h"
#include "wm-runs.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-workspace.h"
#include "wm-workspace-private.h"

#define REPORT "{\"format\":\"waymark.report\",\"format_version\":1,\"run\":{\"start\":\"2026-01-01T00:00:00Z\"," \
               "\"end\":\"2026-02-01T00:00:00Z\",\"seed\":7,\"profiles\":2,\"events\":3,\"rejected_lines\":0}," \
               "\"flows\":{}}"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *ws;
  char        *flow_id;
  char        *journey_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("wm-run-journeys-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->flow_id = wm_workspace_create_flow (f->ws, "Cart recovery", 1767225600, &error);
  g_assert_no_error (error);
  f->journey_id = wm_workspace_create_journey (f->ws, "Buyers", 1767225600, &error);
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
  g_free (f->flow_id);
  g_free (f->journey_id);
}

/* One number or text from @sql on a connection of its own (another
 * program's view of the file). */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  g_autofree char *text = query_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static char *
stored_journey (const char *path,
                const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT document FROM journeys WHERE id = '%s'", id);

  return query_text (path, sql);
}

static WmRun *
make_run (Fixture    *f,
          const char *name)
{
  WmRun *run = wm_run_new ();

  run->name = g_strdup (name);
  run->profiles_path = g_strdup (f->path);
  g_assert_true (wm_run_stat_profiles (run, NULL));
  run->start = 1767225600;
  run->end = 1769904000;
  run->report = g_strdup (REPORT);
  wm_run_add_flow (run, f->flow_id, 1, TRUE);
  return run;
}

static void
test_stored_listed_read (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = make_run (f, "With a journey");
  g_autoptr(WmRun) plain = make_run (f, "Without");
  g_autoptr(WmRun) got = NULL;
  g_autoptr(WmRun) got_plain = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(WmWorkspace) reopened = NULL;
  g_autofree char *document = stored_journey (f->path, f->journey_id);
  g_autofree char *hash = NULL;
  const WmRunJourney *journey;
  gint64 id, plain_id;

  g_assert_nonnull (document);
  hash = wm_run_hash_document (document);
  wm_run_add_journey (run, f->journey_id);
  id = wm_workspace_add_run (f->ws, run, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  plain_id = wm_workspace_add_run (f->ws, plain, &error);
  g_assert_no_error (error);

  /* Read back from a second opening of the file. */
  reopened = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  got = wm_workspace_get_run (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->journeys->len, ==, 1);
  journey = got->journeys->pdata[0];
  g_assert_cmpstr (journey->journey_id, ==, f->journey_id);
  g_assert_cmpstr (journey->document, ==, document);
  g_assert_cmpstr (journey->hash, ==, hash);
  g_assert_cmpuint (strlen (journey->hash), ==, 64);
  got_plain = wm_workspace_get_run (reopened, plain_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got_plain->journeys->len, ==, 0);

  list = wm_workspace_list_runs (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      WmRun *listed = list->pdata[i];

      if (listed->id == id)
        {
          g_assert_cmpuint (listed->journeys->len, ==, 1);
          journey = listed->journeys->pdata[0];
          g_assert_cmpstr (journey->journey_id, ==, f->journey_id);
          g_assert_cmpstr (journey->hash, ==, hash);
          g_assert_null (journey->document);
        }
      else
        g_assert_cmpuint (listed->journeys->len, ==, 0);
    }
}

/* A journey the workspace does not hold is named and nothing is stored. */
static void
test_missing_journey_refused (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = make_run (f, "Refused");

  wm_run_add_journey (run, f->journey_id);
  wm_run_add_journey (run, "never-stored");
  g_assert_cmpint (wm_workspace_add_run (f->ws, run, &error), ==, 0);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“never-stored”"));
  g_assert_cmpint (query_int (f->path, "SELECT (SELECT count(*) FROM runs) + (SELECT count(*) FROM run_flows)"
                                       " + (SELECT count(*) FROM run_journeys)"), ==, 0);
}

/* The run keeps the journey as it was simulated: editing it, or deleting
 * it, changes nothing in the run. */
static void
test_journey_changed_or_deleted_later (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = make_run (f, "Before the edit");
  g_autoptr(WmRun) after_edit = NULL;
  g_autoptr(WmRun) after_delete = NULL;
  g_autoptr(WmJourney) journey = NULL;
  g_autofree char *before = stored_journey (f->path, f->journey_id);
  g_autofree char *edited = NULL;
  gint64 id;

  wm_run_add_journey (run, f->journey_id);
  id = wm_workspace_add_run (f->ws, run, &error);
  g_assert_no_error (error);

  journey = wm_workspace_get_journey (f->ws, f->journey_id, &error);
  g_assert_no_error (error);
  json_object_set_string_member (wm_journey_get_json (journey), "name", "Buyers, renamed");
  g_assert_true (wm_workspace_save_journey (f->ws, journey, NULL, &error));
  g_assert_no_error (error);
  edited = stored_journey (f->path, f->journey_id);
  g_assert_cmpstr (edited, !=, before);
  after_edit = wm_workspace_get_run (f->ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((WmRunJourney *) after_edit->journeys->pdata[0])->document, ==, before);

  g_assert_true (wm_workspace_delete_journey (f->ws, f->journey_id, &error));
  g_assert_no_error (error);
  after_delete = wm_workspace_get_run (f->ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_delete->journeys->len, ==, 1);
  g_assert_cmpstr (((WmRunJourney *) after_delete->journeys->pdata[0])->document, ==, before);
  g_assert_cmpstr (((WmRunJourney *) after_delete->journeys->pdata[0])->journey_id, ==, f->journey_id);
}

static void
test_deleted_with_the_run (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) first = make_run (f, "Deleted");
  g_autoptr(WmRun) second = make_run (f, "Kept");
  gint64 id1, id2;

  wm_run_add_journey (first, f->journey_id);
  wm_run_add_journey (second, f->journey_id);
  id1 = wm_workspace_add_run (f->ws, first, &error);
  g_assert_no_error (error);
  id2 = wm_workspace_add_run (f->ws, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM run_journeys"), ==, 2);

  g_assert_true (wm_workspace_delete_run (f->ws, id1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM run_journeys"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT run_id FROM run_journeys"), ==, id2);
}

/* The schema-5 fixture (the one before runs kept journeys) gains the
 * table; its run has no journeys; a new run keeps its journey. */
static void
test_migrates_version_5 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "store", "data", "workspace-v5.db", NULL);
  g_autofree char *dir = g_dir_make_tmp ("wm-run-journeys-v5-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *document = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(WmRun) old = NULL;
  g_autoptr(WmRun) run = wm_run_new ();
  g_autoptr(WmRun) got = NULL;
  gsize length;
  gint64 id;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 5);
  document = stored_journey (path, "old-journey");
  g_assert_nonnull (document);

  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (WM_WORKSPACE_SCHEMA_VERSION, ==, 6);
  journeys = wm_workspace_list_journeys (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (journeys->len, ==, 1);
  list = wm_workspace_list_runs (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((WmRun *) list->pdata[0])->name, ==, "Old run");
  g_assert_cmpuint (((WmRun *) list->pdata[0])->journeys->len, ==, 0);
  old = wm_workspace_get_run (ws, ((WmRun *) list->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->journeys->len, ==, 0);
  g_assert_null (old->origin);

  run->profiles_path = g_strdup (path);
  run->start = 0;
  run->end = 60;
  run->report = g_strdup (REPORT);
  wm_run_add_flow (run, "old-flow", 1, FALSE);
  wm_run_add_journey (run, "old-journey");
  id = wm_workspace_add_run (ws, run, &error);
  g_assert_no_error (error);
  got = wm_workspace_get_run (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->journeys->len, ==, 1);
  g_assert_cmpstr (((WmRunJourney *) got->journeys->pdata[0])->document, ==, document);
  g_clear_object (&ws);
  remove_dir (dir);
}

/* The sample's welcome flow simulated with (or without) the sample's
 * onboarding journey, the report written to @dir/NAME; when @ghost, the
 * report also names a journey the workspace does not have. */
static char *
write_sample_report (WmWorkspace *ws,
                     const char  *dir,
                     const char  *name,
                     gboolean     with_journey,
                     gboolean     ghost)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *flow = wm_workspace_export_flow (ws, "welcome-message", NULL, &error);
  g_autofree char *journey = wm_workspace_export_journey (ws, "onboarding", NULL, &error);
  g_autofree char *profiles = wm_workspace_get_sample_profiles_path (ws);
  g_autoptr(WmSimProgram) program = NULL;
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, name, NULL);
  const char *journeys[] = { journey, NULL };
  WmRunProgramFlow flows[1] = { { flow, 0 } };
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };

  g_assert_no_error (error);
  program = wm_run_program_new (flows, 1, NULL, 1767225600, 1769904000, 3, with_journey ? journeys : NULL,
                                &error);
  g_assert_no_error (error);
  options.profiles_path = profiles;
  options.threads = 1;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (json_node_get_object (result.report), "journeys") == with_journey);
  if (ghost)
    json_object_set_object_member (json_object_get_object_member (json_node_get_object (result.report),
                                                                  "journeys"),
                                   "not-in-this-workspace", json_object_new ());
  text = wm_sim_report_to_text (result.report);
  wm_sim_result_clear (&result);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static WmRun *
import_report (WmWorkspace *ws,
               const char  *path)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  g_autoptr(WmRunImport) import = wm_run_import_read (paths, &error);
  WmRun *run;
  gint64 id;

  g_assert_no_error (error);
  id = wm_workspace_add_imported_run (ws, import, &error);
  g_assert_no_error (error);
  run = wm_workspace_get_run (ws, id, &error);
  g_assert_no_error (error);
  return run;
}

/* Imported results keep the journeys their report names that the
 * workspace has, as stored now; without `journeys`, none. */
static void
test_imported_run_journeys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wm-run-journeys-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE | WM_WORKSPACE_OPEN_SAMPLE, &error);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *document = NULL;
  g_autoptr(WmRun) imported = NULL;
  g_autoptr(WmRun) plain = NULL;

  g_assert_no_error (error);
  document = stored_journey (path, "onboarding");
  with = write_sample_report (ws, dir, "with.json", TRUE, TRUE);
  without = write_sample_report (ws, dir, "without.json", FALSE, FALSE);

  imported = import_report (ws, with);
  g_assert_nonnull (imported->origin);
  g_assert_cmpuint (imported->journeys->len, ==, 1);
  g_assert_cmpstr (((WmRunJourney *) imported->journeys->pdata[0])->journey_id, ==, "onboarding");
  g_assert_cmpstr (((WmRunJourney *) imported->journeys->pdata[0])->document, ==, document);

  plain = import_report (ws, without);
  g_assert_cmpuint (plain->journeys->len, ==, 0);
  g_clear_object (&ws);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/run-journeys/stored-listed-read", test_stored_listed_read);
  ADD ("/store/run-journeys/missing-journey-is-named", test_missing_journey_refused);
  ADD ("/store/run-journeys/journey-changed-or-deleted-later", test_journey_changed_or_deleted_later);
  ADD ("/store/run-journeys/deleted-with-the-run", test_deleted_with_the_run);
#undef ADD
  g_test_add_func ("/store/run-journeys/migrates-version-5", test_migrates_version_5);
  g_test_add_func ("/store/run-journeys/imported-results-keep-journeys", test_imported_run_journeys);

  return g_test_run ();
}
