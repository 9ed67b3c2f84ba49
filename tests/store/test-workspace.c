/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workspace.c - the workspace: files, flows, lifecycle, definitions,
 * templates, flow files, sample content
 *
 * Expected messages and states come from flow-format.md's Lifecycle and the
 * issue's rules, not from the code's output.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "wm-flow-info.h"
#include "wm-flow-io.h"
#include "wm-sample-profiles.h"
#include "wm-templates.h"
#include "wm-time.h"
#include "wm-validate.h"
#include "wm-workspace.h"
#include "wm-workspace-private.h"

#define DAY (24 * 3600)

static gint64
ts (const char *text)
{
  gint64 t = 0;

  g_assert_true (wm_timestamp_parse (text, -1, &t));
  return t;
}

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *ws;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("wm-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->ws);
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_remove (p);
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
}

/* A valid flow file: an event entry and an SMS (its port left open, so
 * launch adds an exit). */
static char *
flow_text (const char *id,
           const char *entry_type,
           const char *entry_config)
{
  return g_strdup_printf (
    "{ \"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"%s\", \"name\": \"Flow %s\",\n"
    "  \"versions\": [ { \"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\",\n"
    "    \"elements\": [\n"
    "      { \"id\": \"in\", \"type\": \"%s\", \"position\": [0, 0], \"config\": %s },\n"
    "      { \"id\": \"sms\", \"type\": \"send.sms\", \"name\": \"Hello\", \"position\": [240, 0],\n"
    "        \"config\": { \"sender\": \"Shop\", \"text\": \"Hi\" } } ],\n"
    "    \"connections\": [ { \"from\": \"in\", \"port\": \"out\", \"to\": \"sms\" } ] } ] }\n",
    id, id, entry_type, entry_config);
}

static void
import_text (Fixture    *f,
             const char *text,
             const char *expected_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = wm_workspace_import_flow (f->ws, text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, expected_id);
}

static void
import_event_flow (Fixture    *f,
                   const char *id)
{
  g_autofree char *text = flow_text (id, "entry.event", "{ \"event\": \"SignedUp\" }");

  import_text (f, text, id);
}

static WmVersionStatus
status_of (Fixture    *f,
           const char *id,
           guint       number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->ws, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wm_flow_get_version (flow, number));
  return wm_version_get_status (wm_flow_get_version (flow, number));
}

static gint64
timestamp_of (Fixture    *f,
              const char *id,
              guint       number,
              const char *key)
{
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->ws, id, NULL);
  gint64 t = -1;

  if (!wm_version_get_timestamp (wm_flow_get_version (flow, number), key, &t))
    return -1;
  return t;
}

static guint8 *
read_bytes (const char *path,
            gsize      *length)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return (guint8 *) data;
}

static void
assert_file_unchanged (const char   *path,
                       const guint8 *before,
                       gsize         before_length)
{
  gsize length = 0;
  g_autofree guint8 *after = read_bytes (path, &length);

  g_assert_cmpmem (after, length, before, before_length);
}

/* Files */

static void
test_open_creates_private_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  GStatBuf st;
  mode_t old = umask (0);

  /* Whatever the umask, the file is the user's only. */
  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  umask (old);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (g_list_model_get_n_items (wm_workspace_get_flows (ws)), ==, 0);
  g_clear_object (&ws);

  /* Opened again: the same, empty workspace. */
  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&ws);
  remove_dir (dir);
}

static void
test_open_missing_without_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open ("/nonexistent-dir/none.db", WM_WORKSPACE_OPEN_DEFAULT, &error);

  g_assert_null (ws);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO);
}

static void
test_open_refuses_other_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-store-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  const char *content = "These are my notes, not a database, and they are long enough to have a header.\n"
                        "A second line so that the file is more than one hundred bytes long in total.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  g_autofree guint8 *before = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, content, -1, NULL));
  ws = wm_workspace_open (text, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_null (ws);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, "is not a Waymark workspace"));
  assert_file_unchanged (text, (const guint8 *) content, strlen (content));
  g_clear_error (&error);

  /* Another program's sqlite database: recognised by its application id
   * and never opened for writing. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (other, &length);
  ws = wm_workspace_open (other, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_null (ws);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_A_WORKSPACE);
  g_assert_nonnull (strstr (error->message, "another program"));
  assert_file_unchanged (other, before, length);
  remove_dir (dir);
}

static void
test_open_refuses_newer_schema (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_autofree guint8 *before = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&ws);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = read_bytes (path, &length);
  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_null (ws);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version of Waymark"));
  assert_file_unchanged (path, before, length);
  remove_dir (dir);
}

static void
test_open_refuses_corrupted (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_autofree guint8 *data = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Milestone %u", i);
      g_autofree char *id = wm_workspace_add_definition (ws, WM_DEFINITION_MILESTONE, name, NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&ws);   /* the last connection checkpoints the WAL */

  /* Garbage over everything after the first page: the header still says
   * "workspace", the tables are gone. */
  data = read_bytes (path, &length);
  g_assert_cmpuint (length, >, 4096 * 2);
  for (gsize i = 4096; i < length; i++)
    data[i] = (guint8) (i * 7 + 3);
  g_assert_true (g_file_set_contents (path, (const char *) data, length, NULL));

  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_null (ws);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  assert_file_unchanged (path, data, length);
  remove_dir (dir);
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "store", "data", "workspace-v1.db", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(WmFlow) flow = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_get_contents (fixture, &data, &length, NULL));
  g_assert_true (g_file_set_contents (path, data, length, NULL));

  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_workspace_get_flows (ws)), ==, 2);
  flow = wm_workspace_get_flow (ws, "old-flow", &error);
  g_assert_no_error (error);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (flow, 1)), ==, WM_VERSION_ACTIVE);

  /* Version 2 tracks milestone use: filled from the old documents, so the
   * milestone the active version uses cannot be deleted... */
  g_assert_false (wm_workspace_delete_definition (ws, WM_DEFINITION_MILESTONE, "old-milestone", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "The milestone “Old milestone” cannot be deleted: launched versions of these flows use "
                   "it: “Old flow”");
  g_clear_error (&error);
  /* ...and an unused one can. */
  g_assert_true (wm_workspace_delete_definition (ws, WM_DEFINITION_MILESTONE, "unused", &error));
  g_assert_no_error (error);
  milestones = wm_workspace_list_definitions (ws, WM_DEFINITION_MILESTONE, &error);
  g_assert_cmpuint (milestones->len, ==, 1);
  g_clear_object (&ws);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* Migrated through every later step. */
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, WM_WORKSPACE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  remove_dir (dir);
}

/* Flows */

static void
test_flow_save_and_load (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = wm_workspace_create_flow (f->ws, "Spring sale!", ts ("2026-03-01T00:00:00Z"), &error);
  g_autoptr(WmFlow) stored = NULL;
  g_autoptr(WmFlow) edit = NULL;
  g_autoptr(WmFlow) again = NULL;
  g_autoptr(WmElement) element = NULL;
  g_autoptr(WmWorkspace) other = NULL;
  WmFlowInfo *info;

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "spring-sale");
  stored = wm_workspace_get_flow (f->ws, id, &error);
  g_assert_cmpstr (wm_flow_get_name (stored), ==, "Spring sale!");
  g_assert_cmpuint (wm_flow_get_n_versions (stored), ==, 1);

  edit = wm_flow_copy (stored);
  element = wm_element_new ("start", "entry.event");
  wm_element_set_config_string (element, "event", "SignedUp");
  wm_version_insert_element (wm_flow_get_version (edit, 1), 0, element);
  wm_flow_set_description (edit, "Twenty percent off");
  g_assert_true (wm_workspace_save_version (f->ws, edit, 1, &error));
  g_assert_no_error (error);

  /* Another connection (another program) sees the edit. */
  other = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  again = wm_workspace_get_flow (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_flow_get_description (again), ==, "Twenty percent off");
  g_assert_nonnull (wm_version_find_element (wm_flow_get_version (again, 1), "start"));

  info = g_list_model_get_item (wm_workspace_get_flows (other), 0);
  g_assert_cmpstr (wm_flow_info_get_id (info), ==, "spring-sale");
  g_assert_cmpint (wm_flow_info_get_status (info), ==, WM_VERSION_DRAFT);
  g_assert_cmpuint (wm_flow_info_get_latest_number (info), ==, 1);
  g_object_unref (info);

  /* A second flow with the same name gets the next free id. */
  g_free (id);
  id = wm_workspace_create_flow (f->ws, "Spring sale!", 0, &error);
  g_assert_cmpstr (id, ==, "spring-sale-2");
}

static void
count_changes (guint      *count,
               const char *id)
{
  /* Another program's change: everything was read again. */
  g_assert_null (id);
  (*count)++;
}

static void
test_flow_list_is_sorted_and_follows (Fixture       *f,
                                      gconstpointer  data)
{
  GListModel *list = wm_workspace_get_flows (f->ws);
  g_autofree char *b = wm_workspace_create_flow (f->ws, "beta", 0, NULL);
  g_autofree char *a = wm_workspace_create_flow (f->ws, "Alpha", 0, NULL);
  g_autofree char *c = wm_workspace_create_flow (f->ws, "Gamma", 0, NULL);
  g_autoptr(WmWorkspace) other = NULL;
  g_autoptr(GError) error = NULL;
  WmFlowInfo *info;
  guint changes = 0;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  info = g_list_model_get_item (list, 0);
  g_assert_cmpstr (wm_flow_info_get_name (info), ==, "Alpha");
  g_object_unref (info);
  info = g_list_model_get_item (list, 1);
  g_assert_cmpstr (wm_flow_info_get_name (info), ==, "beta");
  g_object_unref (info);

  g_assert_true (wm_workspace_delete_flow (f->ws, "beta", &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* A change by another program shows after refresh. */
  other = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_free (wm_workspace_create_flow (other, "Delta", 0, &error));
  g_assert_no_error (error);
  g_signal_connect_swapped (f->ws, "flow-changed", G_CALLBACK (count_changes), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpuint (changes, ==, 1);
  /* Nothing new: no reload. */
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (changes, ==, 1);
}

/* Lifecycle */

static void
test_launch_now_adds_exits (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  gint64 now = ts ("2026-03-01T12:00:00Z");
  WmVersion *v1;
  WmElement *exit;

  import_event_flow (f, "a");
  g_assert_true (wm_workspace_launch (f->ws, "a", now, &error));
  g_assert_no_error (error);
  flow = wm_workspace_get_flow (f->ws, "a", &error);
  v1 = wm_flow_get_version (flow, 1);
  g_assert_cmpint (wm_version_get_status (v1), ==, WM_VERSION_ACTIVE);
  g_assert_cmpint (timestamp_of (f, "a", 1, "launched_at"), ==, now);
  /* The SMS's open port got an explicit exit "sms-out". */
  exit = wm_version_find_element (v1, "sms-out");
  g_assert_nonnull (exit);
  g_assert_cmpstr (wm_element_get_type_name (exit), ==, "exit");
  g_assert_cmpstr (wm_connection_get_to (wm_version_find_connection (v1, "sms", "out")), ==, "sms-out");

  /* Launching again: nothing to launch. */
  g_assert_false (wm_workspace_launch (f->ws, "a", now, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "“Flow a” has no draft to launch: its latest version 1 is active; create a new version first");
}

static void
test_launch_refused_with_errors (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text =
    "{ \"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"bad\", \"name\": \"Bad\",\n"
    "  \"versions\": [ { \"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\",\n"
    "    \"elements\": [ { \"id\": \"in\", \"type\": \"entry.event\", \"config\": {} },\n"
    "                    { \"id\": \"m\", \"type\": \"milestone\", \"config\": { \"milestone\": \"nope\" } } ],\n"
    "    \"connections\": [ { \"from\": \"in\", \"port\": \"out\", \"to\": \"m\" } ] } ] }\n";

  import_text (f, text, "bad");
  g_assert_false (wm_workspace_launch (f->ws, "bad", ts ("2026-03-01T00:00:00Z"), &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  /* Two errors listed, one a line: the missing event and the milestone
   * that is not in the workspace. */
  g_assert_true (g_str_has_prefix (error->message, "“Bad” cannot be launched until these errors are fixed:\n• "));
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n• ", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
  g_assert_cmpint (status_of (f, "bad", 1), ==, WM_VERSION_DRAFT);
  g_assert_cmpint (timestamp_of (f, "bad", 1, "launched_at"), ==, -1);
}

static void
test_launch_scheduled_then_start (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = ts ("2026-03-01T12:00:00Z"), start = ts ("2026-03-05T09:00:00Z");
  guint changed = 99;

  import_event_flow (f, "s");
  g_assert_true (wm_workspace_launch_at (f->ws, "s", start, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, "s", 1), ==, WM_VERSION_SCHEDULED);
  g_assert_cmpint (timestamp_of (f, "s", 1, "launched_at"), ==, -1);

  /* Before the start nothing happens. */
  g_assert_true (wm_workspace_apply_schedule (f->ws, start - 1, &changed, &error));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpint (status_of (f, "s", 1), ==, WM_VERSION_SCHEDULED);

  /* Checked later than the start: active since the start. */
  g_assert_true (wm_workspace_apply_schedule (f->ws, start + 3600, &changed, &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (status_of (f, "s", 1), ==, WM_VERSION_ACTIVE);
  g_assert_cmpint (timestamp_of (f, "s", 1, "launched_at"), ==, start);
}

static void
test_scheduled_start_applied_on_open (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) again = NULL;
  g_autoptr(WmFlow) flow = NULL;
  gint64 real_now = g_get_real_time () / G_USEC_PER_SEC;

  import_event_flow (f, "s");
  /* Scheduled a minute from a clock an hour behind: already due now. */
  g_assert_true (wm_workspace_launch_at (f->ws, "s", real_now - 3600 + 60, real_now - 3600, &error));
  g_assert_cmpint (status_of (f, "s", 1), ==, WM_VERSION_SCHEDULED);
  g_clear_object (&f->ws);
  again = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  flow = wm_workspace_get_flow (again, "s", &error);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (flow, 1)), ==, WM_VERSION_ACTIVE);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = ts ("2026-03-01T12:00:00Z");

  import_event_flow (f, "c");
  g_assert_false (wm_workspace_cancel (f->ws, "c", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "Only a scheduled launch can be canceled, and version 1 of “Flow c” is draft; stop it "
                   "instead if it runs");
  g_clear_error (&error);

  g_assert_true (wm_workspace_launch_at (f->ws, "c", now + DAY, now, &error));
  g_assert_true (wm_workspace_cancel (f->ws, "c", &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, "c", 1), ==, WM_VERSION_CANCELED);
  g_assert_cmpint (timestamp_of (f, "c", 1, "launched_at"), ==, -1);
  /* A canceled flow never starts. */
  g_assert_true (wm_workspace_apply_schedule (f->ws, now + 2 * DAY, NULL, &error));
  g_assert_cmpint (status_of (f, "c", 1), ==, WM_VERSION_CANCELED);
}

static void
test_pause_resume (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  import_event_flow (f, "p");
  g_assert_false (wm_workspace_pause (f->ws, "p", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "“Flow p” has no active version to pause (its latest version is draft); only an active flow "
                   "can be paused");
  g_clear_error (&error);

  g_assert_true (wm_workspace_launch (f->ws, "p", ts ("2026-03-01T00:00:00Z"), &error));
  g_assert_false (wm_workspace_resume (f->ws, "p", &error));
  g_assert_cmpstr (error->message, ==,
                   "“Flow p” is not paused (its latest version is active); only a paused flow can be resumed");
  g_clear_error (&error);

  g_assert_true (wm_workspace_pause (f->ws, "p", &error));
  g_assert_cmpint (status_of (f, "p", 1), ==, WM_VERSION_PAUSED);
  g_assert_false (wm_workspace_pause (f->ws, "p", &error));
  g_assert_cmpstr (error->message, ==, "“Flow p” is paused already; resume it to take new entries again");
  g_clear_error (&error);
  g_assert_true (wm_workspace_resume (f->ws, "p", &error));
  g_assert_cmpint (status_of (f, "p", 1), ==, WM_VERSION_ACTIVE);
}

static void
test_new_version_and_relaunch (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  gint64 t1 = ts ("2026-03-01T00:00:00Z"), t2 = ts ("2026-03-10T00:00:00Z");
  WmVersion *v2;

  import_event_flow (f, "n");
  /* No launched version yet. */
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "n", t1, &error), ==, 0);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "A new version is made from a launched version that is active, paused or finishing, and "
                   "the latest version of “Flow n” is draft; edit that draft and launch it");
  g_clear_error (&error);

  g_assert_true (wm_workspace_launch (f->ws, "n", t1, &error));
  g_assert_true (wm_workspace_pause (f->ws, "n", &error));
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "n", t2, &error), ==, 2);
  g_assert_no_error (error);

  /* The draft copies version 1 (exits included) with its entry point. */
  flow = wm_workspace_get_flow (f->ws, "n", &error);
  v2 = wm_flow_get_version (flow, 2);
  g_assert_cmpint (wm_version_get_status (v2), ==, WM_VERSION_DRAFT);
  g_assert_cmpstr (wm_element_get_config_string (wm_version_get_entry (v2), "event"), ==, "SignedUp");
  g_assert_nonnull (wm_version_find_element (v2, "sms-out"));
  g_assert_null (wm_version_get_member (v2, "launched_at"));
  g_assert_cmpint (timestamp_of (f, "n", 2, "created_at"), ==, t2);

  /* Only one draft at a time. */
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "n", t2, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "“Flow n” already has a new version: version 2 is a draft; edit and launch it");
  g_clear_error (&error);

  /* Launching version 2 moves the paused version 1 to finishing. */
  g_assert_true (wm_workspace_launch (f->ws, "n", t2 + 60, &error));
  g_assert_cmpint (status_of (f, "n", 1), ==, WM_VERSION_FINISHING);
  g_assert_cmpint (status_of (f, "n", 2), ==, WM_VERSION_ACTIVE);
  g_assert_cmpint (timestamp_of (f, "n", 2, "launched_at"), ==, t2 + 60);

  /* A new version can also come from a finishing latest version... */
  g_assert_true (wm_workspace_stop (f->ws, "n", 2, t2 + 120, &error));
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "n", t2, &error), ==, 0);
  g_assert_cmpstr (error->message, ==,
                   "A new version is made from a launched version that is active, paused or finishing, and "
                   "the latest version of “Flow n” is stopped; duplicate the flow to start again from it");
}

static void
test_scheduled_new_version_finishes_old_at_start (Fixture       *f,
                                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = ts ("2026-03-01T00:00:00Z"), start = ts ("2026-03-20T08:00:00Z");

  import_event_flow (f, "v");
  g_assert_true (wm_workspace_launch (f->ws, "v", t, &error));
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "v", t + DAY, &error), ==, 2);
  g_assert_true (wm_workspace_launch_at (f->ws, "v", start, t + 2 * DAY, &error));
  g_assert_no_error (error);
  /* Until version 2 starts, version 1 keeps running. */
  g_assert_cmpint (status_of (f, "v", 1), ==, WM_VERSION_ACTIVE);
  g_assert_cmpint (status_of (f, "v", 2), ==, WM_VERSION_SCHEDULED);
  g_assert_true (wm_workspace_apply_schedule (f->ws, start, NULL, &error));
  g_assert_cmpint (status_of (f, "v", 1), ==, WM_VERSION_FINISHING);
  g_assert_cmpint (status_of (f, "v", 2), ==, WM_VERSION_ACTIVE);
  g_assert_cmpint (timestamp_of (f, "v", 2, "launched_at"), ==, start);
  /* The 90 days count from the first launch, not the second. */
  g_assert_true (wm_workspace_apply_schedule (f->ws, t + 90 * DAY, NULL, &error));
  g_assert_cmpint (status_of (f, "v", 2), ==, WM_VERSION_FINISHING);
}

static void
test_new_version_refused_for_audience (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = flow_text ("aud", "entry.audience", "{ \"where\": \"profile.country == 'HR'\" }");

  import_text (f, text, "aud");
  g_assert_true (wm_workspace_launch (f->ws, "aud", ts ("2026-03-01T00:00:00Z"), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "aud", ts ("2026-03-02T00:00:00Z"), &error), ==, 0);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "“Flow aud” starts from an audience, and such flows cannot get a new version; duplicate the "
                   "flow instead");
}

static void
test_stop_and_finish (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = ts ("2026-03-01T00:00:00Z");

  import_event_flow (f, "x");
  g_assert_false (wm_workspace_stop (f->ws, "x", 0, t, &error));
  g_assert_cmpstr (error->message, ==, "“Flow x” has no active, paused or finishing version to stop");
  g_clear_error (&error);

  g_assert_true (wm_workspace_launch (f->ws, "x", t, &error));
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "x", t + 10, &error), ==, 2);
  g_assert_true (wm_workspace_launch (f->ws, "x", t + 20, &error));

  g_assert_false (wm_workspace_finish (f->ws, "x", 2, &error));
  g_assert_cmpstr (error->message, ==,
                   "Version 2 of “Flow x” is active; only a finishing version can be marked finished");
  g_clear_error (&error);
  g_assert_false (wm_workspace_stop (f->ws, "x", 3, t, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“Flow x” has no version 3");
  g_clear_error (&error);

  /* Finish the finishing version 1, stop version 2 alone. */
  g_assert_true (wm_workspace_finish (f->ws, "x", 0, &error));
  g_assert_cmpint (status_of (f, "x", 1), ==, WM_VERSION_FINISHED);
  g_assert_false (wm_workspace_stop (f->ws, "x", 1, t + 30, &error));
  g_assert_cmpstr (error->message, ==,
                   "Version 1 of “Flow x” is finished; only an active, paused or finishing version can be stopped");
  g_clear_error (&error);
  g_assert_true (wm_workspace_stop (f->ws, "x", 2, t + 30, &error));
  g_assert_cmpint (status_of (f, "x", 2), ==, WM_VERSION_STOPPED);
  g_assert_cmpint (timestamp_of (f, "x", 2, "stopped_at"), ==, t + 30);
  g_assert_cmpint (timestamp_of (f, "x", 1, "stopped_at"), ==, -1);
}

static void
test_stop_all (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = ts ("2026-03-01T00:00:00Z");

  import_event_flow (f, "y");
  g_assert_true (wm_workspace_launch (f->ws, "y", t, &error));
  g_assert_cmpuint (wm_workspace_new_version (f->ws, "y", t + 10, &error), ==, 2);
  g_assert_true (wm_workspace_launch (f->ws, "y", t + 20, &error));
  g_assert_true (wm_workspace_stop (f->ws, "y", 0, t + 40, &error));
  g_assert_cmpint (status_of (f, "y", 1), ==, WM_VERSION_STOPPED);
  g_assert_cmpint (status_of (f, "y", 2), ==, WM_VERSION_STOPPED);
  g_assert_cmpint (timestamp_of (f, "y", 1, "stopped_at"), ==, t + 40);
}

static void
test_schedule_end_finishing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  gint64 t = ts ("2026-03-01T00:00:00Z");

  /* No end and not indefinite: 90 days after the first launch. */
  import_event_flow (f, "e");
  g_assert_true (wm_workspace_launch (f->ws, "e", t, &error));
  g_assert_true (wm_workspace_apply_schedule (f->ws, t + 90 * DAY - 1, &changed, &error));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (wm_workspace_apply_schedule (f->ws, t + 90 * DAY, &changed, &error));
  g_assert_cmpuint (changed, ==, 1);
  /* The schedule end stops new entries: finishing, not finished. */
  g_assert_cmpint (status_of (f, "e", 1), ==, WM_VERSION_FINISHING);
  g_assert_true (wm_workspace_finish (f->ws, "e", 1, &error));
  g_assert_cmpint (status_of (f, "e", 1), ==, WM_VERSION_FINISHED);
}

static void
test_schedule_end_after_editing_schedule (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) stored = NULL;
  g_autoptr(WmFlow) edit = NULL;
  g_autoptr(JsonNode) schedule = json_from_string ("{\"start\": null, \"end\": \"2026-03-03T00:00:00Z\"}", NULL);
  gint64 t = ts ("2026-03-01T00:00:00Z");
  guint changed = 0;

  import_event_flow (f, "e");
  g_assert_true (wm_workspace_launch (f->ws, "e", t, &error));
  stored = wm_workspace_get_flow (f->ws, "e", &error);
  edit = wm_flow_copy (stored);
  wm_flow_set_member (edit, "schedule", schedule);
  g_assert_true (wm_workspace_save_flow_fields (f->ws, edit, &error));
  g_assert_no_error (error);
  g_assert_true (wm_workspace_apply_schedule (f->ws, ts ("2026-03-03T00:00:00Z"), &changed, &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (status_of (f, "e", 1), ==, WM_VERSION_FINISHING);
}

static void
test_save_refuses_launched_versions (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) stale = NULL;
  g_autoptr(WmFlow) launched = NULL;
  g_autoptr(WmFlow) stored = NULL;

  import_event_flow (f, "d");
  stored = wm_workspace_get_flow (f->ws, "d", &error);
  stale = wm_flow_copy (stored);
  g_assert_true (wm_workspace_launch (f->ws, "d", ts ("2026-03-01T00:00:00Z"), &error));

  /* An editor still holding the draft cannot overwrite the launched version. */
  wm_flow_set_name (stale, "Changed");
  g_assert_false (wm_workspace_save_version (f->ws, stale, 1, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "Version 1 of “d” was launched meanwhile (it is active); only a draft can be edited, so "
                   "create a new version to change it");
  g_clear_error (&error);

  launched = wm_workspace_get_flow (f->ws, "d", &error);
  g_assert_cmpstr (wm_flow_get_name (launched), ==, "Flow d");
  g_assert_false (wm_workspace_save_version (f->ws, launched, 1, &error));
  g_assert_cmpstr (error->message, ==,
                   "Version 1 is Active: only a draft can be edited; create a new version to change it");
}

static void
test_delete_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) gone = NULL;

  import_event_flow (f, "draft-only");
  import_event_flow (f, "launched");
  g_assert_true (wm_workspace_launch (f->ws, "launched", ts ("2026-03-01T00:00:00Z"), &error));
  g_assert_true (wm_workspace_stop (f->ws, "launched", 0, ts ("2026-03-02T00:00:00Z"), &error));

  g_assert_false (wm_workspace_delete_flow (f->ws, "launched", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "“Flow launched” cannot be deleted: version 1 is stopped, and only a flow that was never "
                   "launched can be deleted; stop it instead");
  g_clear_error (&error);

  g_assert_true (wm_workspace_delete_flow (f->ws, "draft-only", &error));
  gone = wm_workspace_get_flow (f->ws, "draft-only", &error);
  g_assert_null (gone);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "There is no flow “draft-only” in this workspace; see the list of flows for the ids");
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  gint64 t = ts ("2026-03-01T00:00:00Z");
  WmVersion *v;

  import_event_flow (f, "orig");
  g_assert_true (wm_workspace_launch (f->ws, "orig", t, &error));
  g_assert_true (wm_workspace_stop (f->ws, "orig", 0, t + 60, &error));

  /* Any status: a stopped flow duplicates into one draft version 1. */
  id = wm_workspace_duplicate (f->ws, "orig", 0, t + 120, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "copy-of-flow-orig");
  copy = wm_workspace_get_flow (f->ws, id, &error);
  g_assert_cmpstr (wm_flow_get_name (copy), ==, "Copy of Flow orig");
  g_assert_cmpuint (wm_flow_get_n_versions (copy), ==, 1);
  v = wm_flow_get_version (copy, 1);
  g_assert_nonnull (v);
  g_assert_cmpint (wm_version_get_status (v), ==, WM_VERSION_DRAFT);
  g_assert_null (wm_version_get_member (v, "launched_at"));
  g_assert_null (wm_version_get_member (v, "stopped_at"));
  g_assert_nonnull (wm_version_find_element (v, "sms-out"));

  id2 = wm_workspace_duplicate (f->ws, "orig", 1, t + 180, &error);
  g_assert_cmpstr (id2, ==, "copy-of-flow-orig-2");
  g_assert_null (wm_workspace_duplicate (f->ws, "orig", 7, t, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_inbound_conflict (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = flow_text ("in-a", "entry.inbound",
                                  "{ \"channel\": \"sms\", \"number\": \"+385911111111\", \"keyword\": \"PIZZA\" }");
  g_autofree char *b = flow_text ("in-b", "entry.inbound",
                                  "{ \"channel\": \"sms\", \"number\": \"+385911111111\", \"keyword\": \"pizza\" }");
  g_autofree char *c = flow_text ("in-c", "entry.inbound",
                                  "{ \"channel\": \"sms\", \"number\": \"+385911111111\", \"keyword\": \"PASTA\" }");
  gint64 t = ts ("2026-03-01T00:00:00Z");

  import_text (f, a, "in-a");
  import_text (f, b, "in-b");
  import_text (f, c, "in-c");
  /* Both drafts: no conflict yet. */
  g_assert_true (wm_workspace_launch (f->ws, "in-a", t, &error));
  g_assert_no_error (error);
  /* Same number, same keyword in another case: refused. */
  g_assert_false (wm_workspace_launch (f->ws, "in-b", t, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Flow in-a”"));
  g_clear_error (&error);
  /* Another keyword is fine. */
  g_assert_true (wm_workspace_launch (f->ws, "in-c", t, &error));
  g_assert_no_error (error);
  /* Once in-a is stopped, in-b may launch. */
  g_assert_true (wm_workspace_stop (f->ws, "in-a", 0, t + 10, &error));
  g_assert_true (wm_workspace_launch (f->ws, "in-b", t + 20, &error));
  g_assert_no_error (error);
}

/* Milestones and outcomes */

static void
test_definitions_names_and_rename (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, "Straße erreicht", "x", &error);
  g_autofree char *other = NULL;
  g_autofree char *outcome = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "strasse-erreicht");
  /* Names compare after case folding. */
  g_assert_null (wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, "STRASSE ERREICHT", NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "A milestone named “STRASSE ERREICHT” exists already; choose another name");
  g_clear_error (&error);
  g_assert_null (wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, "", NULL, &error));
  g_assert_cmpstr (error->message, ==, "A milestone needs a name; type one");
  g_clear_error (&error);

  other = wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, "Other", NULL, &error);
  g_assert_false (wm_workspace_rename_definition (f->ws, WM_DEFINITION_MILESTONE, other, "straße ERREICHT", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);
  /* Renaming to its own name in another case is fine. */
  g_assert_true (wm_workspace_rename_definition (f->ws, WM_DEFINITION_MILESTONE, other, "OTHER", &error));
  g_assert_true (wm_workspace_set_definition_description (f->ws, WM_DEFINITION_MILESTONE, other, "said", &error));

  /* Outcomes: renamed, never deleted. The same name as a milestone is
   * allowed (separate kinds). */
  outcome = wm_workspace_add_definition (f->ws, WM_DEFINITION_OUTCOME, "Other", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wm_workspace_rename_definition (f->ws, WM_DEFINITION_OUTCOME, outcome, "Renamed", &error));
  g_assert_false (wm_workspace_delete_definition (f->ws, WM_DEFINITION_OUTCOME, outcome, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE);
  g_assert_cmpstr (error->message, ==,
                   "Outcomes cannot be deleted, because reports keep counting them; rename the outcome instead");
  g_clear_error (&error);
  g_assert_false (wm_workspace_rename_definition (f->ws, WM_DEFINITION_OUTCOME, "nope", "X", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = wm_workspace_list_definitions (f->ws, WM_DEFINITION_MILESTONE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((WmDefinition *) list->pdata[0])->name, ==, "OTHER");
  g_assert_cmpstr (((WmDefinition *) list->pdata[0])->description, ==, "said");
}

static void
test_definitions_limits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("M%u", i);
      g_autofree char *id = wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, name, NULL, &error);

      g_assert_no_error (error);
    }
  g_assert_null (wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, "One too many", NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "The workspace holds 1000 milestones, the most it can; delete one that no launched flow uses");
  g_clear_error (&error);

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("O%u", i);
      g_autofree char *id = wm_workspace_add_definition (f->ws, WM_DEFINITION_OUTCOME, name, NULL, &error);

      g_assert_no_error (error);
    }
  g_assert_null (wm_workspace_add_definition (f->ws, WM_DEFINITION_OUTCOME, "One too many", NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "The workspace holds 100 outcomes, the most it can; outcomes cannot be deleted, so rename one "
                   "you no longer use");
}

static void
test_milestone_in_use (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gint64 t = ts ("2026-03-01T00:00:00Z");

  /* Both cart flows use the milestone "cart-reminded" the template adds. */
  a = wm_workspace_instantiate_template (f->ws, "cart-abandonment", "Zeta carts", t, &error);
  b = wm_workspace_instantiate_template (f->ws, "cart-abandonment", "Alpha carts", t, &error);
  g_assert_no_error (error);

  /* Launched, both hold it... */
  g_assert_true (wm_workspace_launch (f->ws, a, t, &error));
  g_assert_true (wm_workspace_launch (f->ws, b, t, &error));
  g_assert_no_error (error);
  g_assert_false (wm_workspace_delete_definition (f->ws, WM_DEFINITION_MILESTONE, "cart-reminded", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==,
                   "The milestone “Cart reminded” cannot be deleted: launched versions of these flows use it: "
                   "“Alpha carts”, “Zeta carts”");
  g_clear_error (&error);

  /* ...while one only a draft uses can go. */
  id = wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, "Draft only", NULL, &error);
  g_assert_true (wm_workspace_delete_definition (f->ws, WM_DEFINITION_MILESTONE, id, &error));
  g_assert_false (wm_workspace_delete_definition (f->ws, WM_DEFINITION_MILESTONE, id, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
}

/* Templates */

static void
test_builtin_templates_are_valid (Fixture       *f,
                                  gconstpointer  data)
{
  const WmBuiltinTemplate *templates;
  guint n = 0;
  gint64 t = ts ("2026-03-01T00:00:00Z");

  templates = wm_builtin_templates (&n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (templates[0].name, ==, "Welcome message");
  g_assert_cmpstr (templates[1].name, ==, "Appointment reminder");
  g_assert_cmpstr (templates[2].name, ==, "Cart abandonment");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmFlow) flow = wm_flow_load_from_data (templates[i].document, -1, &error);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autofree char *id = NULL;
      g_autoptr(WmFlow) stored = NULL;

      g_assert_no_error (error);
      /* Valid on its own (references not at hand are not reported)... */
      diagnostics = wm_validate_flow (flow, NULL);
      g_assert_cmpuint (wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, G_MAXUINT), ==, 0);
      g_assert_cmpuint (wm_diagnostics_count (diagnostics, WM_SEVERITY_WARNING, G_MAXUINT), ==, 0);
      g_clear_pointer (&diagnostics, g_ptr_array_unref);

      /* ...and in the workspace once instantiated: its milestones and
       * outcomes were added. */
      id = wm_workspace_instantiate_template (f->ws, templates[i].id, NULL, t, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (id, ==, templates[i].id);
      stored = wm_workspace_get_flow (f->ws, id, &error);
      g_assert_cmpstr (wm_flow_get_name (stored), ==, templates[i].name);
      diagnostics = wm_validate_flow (stored, WM_LOOKUP (f->ws));
      g_assert_cmpuint (wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, G_MAXUINT), ==, 0);
      g_assert_true (wm_workspace_launch (f->ws, id, t, &error));
      g_assert_no_error (error);
    }
}

static void
test_cart_template_content (Fixture       *f,
                            gconstpointer  data)
{
  const WmBuiltinTemplate *cart = wm_builtin_template_find ("cart-abandonment");
  g_autoptr(WmFlow) flow = wm_flow_load_from_data (cart->document, -1, NULL);
  WmVersion *v = wm_flow_get_version (flow, 1);
  JsonObject *goal = json_object_get_object_member (wm_version_get_settings (v), "goal");
  gboolean types[5] = { FALSE };
  const char *wanted[5] = { "wait.delay", "send.email", "react.message", "send.sms", "milestone" };

  g_assert_cmpstr (wm_element_get_type_name (wm_version_get_entry (v)), ==, "entry.event");
  g_assert_cmpstr (json_object_get_string_member (goal, "event"), ==, "PurchaseFinished");
  g_assert_cmpstr (json_object_get_string_member (goal, "value"), ==, "amount");
  for (guint i = 0; i < wm_version_get_n_elements (v); i++)
    for (guint k = 0; k < 5; k++)
      types[k] |= g_str_equal (wm_element_get_type_name (wm_version_get_element_at (v, i)), wanted[k]);
  for (guint k = 0; k < 5; k++)
    g_assert_true (types[k]);
  /* It reacts to the e-mail being opened; the SMS is the fallback. */
  g_assert_cmpstr (wm_element_get_config_string (wm_version_find_element (v, "email-opened"), "reaction"), ==,
                   "opened");
  g_assert_cmpstr (wm_connection_get_to (wm_version_find_connection (v, "email-opened", "no")), ==, "reminder-sms");
}

static void
test_save_as_template (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *flow_id = NULL;
  g_autoptr(WmFlow) flow = NULL;
  gint64 t = ts ("2026-03-01T00:00:00Z");

  import_event_flow (f, "src");
  g_assert_true (wm_workspace_launch (f->ws, "src", t, &error));
  template_id = wm_workspace_save_template (f->ws, "src", 0, "My template", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (template_id, ==, "my-template");
  templates = wm_workspace_list_templates (f->ws, &error);
  g_assert_cmpuint (templates->len, ==, 4);
  g_assert_true (((WmDefinition *) templates->pdata[0])->builtin);
  g_assert_cmpstr (((WmDefinition *) templates->pdata[3])->name, ==, "My template");
  g_assert_false (((WmDefinition *) templates->pdata[3])->builtin);

  flow_id = wm_workspace_instantiate_template (f->ws, template_id, "From mine", t + 10, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (flow_id, ==, "from-mine");
  flow = wm_workspace_get_flow (f->ws, flow_id, &error);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (flow, 1)), ==, WM_VERSION_DRAFT);
  g_assert_nonnull (wm_version_find_element (wm_flow_get_version (flow, 1), "sms-out"));
  g_assert_cmpint (timestamp_of (f, flow_id, 1, "created_at"), ==, t + 10);

  g_assert_null (wm_workspace_instantiate_template (f->ws, "nope", NULL, t, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no template “nope”; see the list of templates for the ids");
}

/* Flow files */

static void
test_export_import_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *expected = NULL;
  gsize n1 = 0, n2 = 0, n3 = 0;
  gboolean renamed = FALSE;
  /* Unusual but loadable: x- keys, null members, numbers, unicode. */
  const char *text =
    "{ \"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"rt\", \"name\": \"Round “trip” ✓\",\n"
    "  \"x-owner\": { \"team\": \"CRM\", \"n\": 0.1 }, \"description\": null, \"timezone\": \"Europe/Zagreb\",\n"
    "  \"schedule\": { \"start\": null, \"end\": null, \"indefinite\": false },\n"
    "  \"versions\": [ { \"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\",\n"
    "    \"x-note\": [1, 2.5, 1e-05],\n"
    "    \"elements\": [ { \"id\": \"in\", \"type\": \"entry.event\", \"position\": [0.5, -3], \"config\": { \"event\": \"A\", \"x-k\": null } } ],\n"
    "    \"connections\": [] } ] }\n";

  import_text (f, text, "rt");
  first = wm_workspace_export_flow (f->ws, "rt", &n1, &error);
  g_assert_no_error (error);
  /* The export is the canonical form of the file read. */
  {
    g_autoptr(WmFlow) direct = wm_flow_load_from_data (text, -1, &error);
    expected = wm_flow_to_canonical (direct, NULL);
  }
  g_assert_cmpstr (first, ==, expected);

  /* Importing it again: the id is taken, so it gets a new one, and says so. */
  id = wm_workspace_import_flow (f->ws, first, n1, &renamed, &error);
  g_assert_no_error (error);
  g_assert_true (renamed);
  g_assert_cmpstr (id, ==, "rt-2");
  second = wm_workspace_export_flow (f->ws, id, &n2, &error);
  /* Byte-identical but for the id line. */
  {
    g_autofree char *with_old_id = NULL;
    g_auto(GStrv) parts = g_strsplit (second, "\"id\": \"rt-2\"", 2);
    with_old_id = g_strjoinv ("\"id\": \"rt\"", parts);
    g_assert_cmpstr (with_old_id, ==, first);
  }

  /* Into a fresh workspace: the same bytes exactly. */
  g_clear_object (&f->ws);
  remove_dir (f->dir);
  g_mkdir (f->dir, 0700);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_CREATE, &error);
  id2 = wm_workspace_import_flow (f->ws, first, n1, &renamed, &error);
  g_assert_false (renamed);
  third = wm_workspace_export_flow (f->ws, id2, &n3, &error);
  g_assert_cmpmem (third, n3, first, n1);
}

static void
test_import_refuses_bad_files (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text = "{ \"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"x\", \"versions\": [], \"nme\": 1 }";

  g_assert_null (wm_workspace_import_flow (f->ws, text, strlen (text), NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "This is not a flow file Waymark can import: "));
  g_assert_cmpuint (g_list_model_get_n_items (wm_workspace_get_flows (f->ws)), ==, 0);
}

/* Sample */

static void
test_sample_workspace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autofree char *profiles = g_build_filename (dir, "workspace-profiles.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE | WM_WORKSPACE_OPEN_SAMPLE, &error);
  g_autoptr(WmFlow) cart = NULL;
  g_autoptr(WmFlow) welcome = NULL;
  g_autoptr(WmFlow) appointment = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_workspace_get_flows (ws)), ==, 3);

  cart = wm_workspace_get_flow (ws, "cart-abandonment", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_flow_get_n_versions (cart), ==, 2);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (cart, 1)), ==, WM_VERSION_FINISHING);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (cart, 2)), ==, WM_VERSION_ACTIVE);
  welcome = wm_workspace_get_flow (ws, "welcome-message", &error);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (welcome, 1)), ==, WM_VERSION_DRAFT);
  appointment = wm_workspace_get_flow (ws, "appointment-reminder", &error);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (appointment, 1)), ==, WM_VERSION_SCHEDULED);

  milestones = wm_workspace_list_definitions (ws, WM_DEFINITION_MILESTONE, &error);
  outcomes = wm_workspace_list_definitions (ws, WM_DEFINITION_OUTCOME, &error);
  /* 3 of the templates + 3 more; 2 of the templates + 2 more. */
  g_assert_cmpuint (milestones->len, ==, 6);
  g_assert_cmpuint (outcomes->len, ==, 4);

  sample_path = wm_workspace_get_sample_profiles_path (ws);
  g_assert_cmpstr (sample_path, ==, profiles);
  g_assert_cmpint (g_stat (profiles, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (profiles, &data, NULL, NULL));
  lines = g_strsplit (data, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2001);   /* and the final newline */
  g_assert_cmpstr (lines[2000], ==, "");
  remove_dir (dir);
}

static void
test_sample_profiles (void)
{
  gint64 created = ts ("2026-03-01T00:00:00Z");
  gsize n1 = 0, n2 = 0;
  g_autofree char *a = wm_sample_profiles_generate (created, 2000, &n1);
  g_autofree char *b = wm_sample_profiles_generate (created, 2000, &n2);
  g_auto(GStrv) lines = g_strsplit (a, "\n", -1);
  g_autoptr(GRegex) phone = g_regex_new ("^\\+[1-9][0-9]{7,14}$", 0, 0, NULL);
  g_autoptr(GRegex) email = g_regex_new ("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", 0, 0, NULL);
  guint kinds[5] = { 0 }, croatian = 0, phones = 0;
  const char *names[5] = { "SignedUp", "CartAbandoned", "PurchaseFinished", "AppointmentBooked", "inbound.sms" };

  /* Deterministic. */
  g_assert_cmpmem (a, n1, b, n2);
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
      JsonObject *profile, *attributes;
      JsonArray *events;

      g_assert_nonnull (node);
      profile = json_node_get_object (node);
      attributes = json_object_get_object_member (profile, "attributes");
      g_assert_true (json_object_has_member (attributes, "first_name"));
      g_assert_true (wm_zone_name_is_valid (json_object_get_string_member (attributes, "timezone")));
      if (json_object_has_member (attributes, "phone"))
        {
          const char *p = json_object_get_string_member (attributes, "phone");
          g_assert_true (g_regex_match (phone, p, 0, NULL));
          croatian += g_str_has_prefix (p, "+385");
          phones++;
        }
      if (json_object_has_member (attributes, "email"))
        g_assert_true (g_regex_match (email, json_object_get_string_member (attributes, "email"), 0, NULL));
      events = json_object_get_array_member (profile, "events");
      for (guint e = 0; e < json_array_get_length (events); e++)
        {
          JsonObject *event = json_array_get_object_element (events, e);
          gint64 at = ts (json_object_get_string_member (event, "at"));

          /* The month before creation. */
          g_assert_cmpint (at, >=, created - 30 * DAY);
          g_assert_cmpint (at, <, created);
          for (guint k = 0; k < 5; k++)
            if (g_str_equal (json_object_get_string_member (event, "name"), names[k]))
              kinds[k]++;
          if (g_str_equal (json_object_get_string_member (event, "name"), "CartAbandoned"))
            g_assert_true (json_object_has_member (json_object_get_object_member (event, "properties"), "cart_value"));
          if (g_str_equal (json_object_get_string_member (event, "name"), "PurchaseFinished"))
            g_assert_true (json_object_has_member (json_object_get_object_member (event, "properties"), "amount"));
        }
    }
  g_assert_cmpstr (lines[2000], ==, "");
  for (guint k = 0; k < 5; k++)
    g_assert_cmpuint (kinds[k], >, 50);
  /* Mostly Croatian numbers. */
  g_assert_cmpuint (croatian * 2, >, phones);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/store/file/new-file-is-private-0600", test_open_creates_private_file);
  g_test_add_func ("/store/file/missing-file-without-create-is-an-error", test_open_missing_without_create);
  g_test_add_func ("/store/file/other-files-are-refused-and-untouched", test_open_refuses_other_files);
  g_test_add_func ("/store/file/newer-schema-is-refused-and-untouched", test_open_refuses_newer_schema);
  g_test_add_func ("/store/file/corrupted-workspace-is-refused-and-untouched", test_open_refuses_corrupted);
  g_test_add_func ("/store/file/v1-fixture-is-migrated", test_migrate_from_v1);
  ADD ("flows/save-and-load", test_flow_save_and_load);
  ADD ("flows/list-is-sorted-and-follows-changes", test_flow_list_is_sorted_and_follows);
  ADD ("flows/save-refuses-launched-versions", test_save_refuses_launched_versions);
  ADD ("lifecycle/launch-now-adds-exits", test_launch_now_adds_exits);
  ADD ("lifecycle/launch-refused-with-errors-listed", test_launch_refused_with_errors);
  ADD ("lifecycle/launch-scheduled-then-start", test_launch_scheduled_then_start);
  ADD ("lifecycle/scheduled-start-applied-on-open", test_scheduled_start_applied_on_open);
  ADD ("lifecycle/cancel", test_cancel);
  ADD ("lifecycle/pause-resume", test_pause_resume);
  ADD ("lifecycle/new-version-and-relaunch", test_new_version_and_relaunch);
  ADD ("lifecycle/new-version-refused-for-audience", test_new_version_refused_for_audience);
  ADD ("lifecycle/scheduled-new-version-finishes-old-at-start", test_scheduled_new_version_finishes_old_at_start);
  ADD ("lifecycle/stop-one-and-finish", test_stop_and_finish);
  ADD ("lifecycle/stop-all", test_stop_all);
  ADD ("lifecycle/schedule-end-makes-finishing", test_schedule_end_finishing);
  ADD ("lifecycle/schedule-end-after-schedule-edit", test_schedule_end_after_editing_schedule);
  ADD ("lifecycle/delete-only-all-draft-flows", test_delete_rules);
  ADD ("lifecycle/duplicate-any-status", test_duplicate);
  ADD ("lifecycle/inbound-conflict-refuses-launch", test_inbound_conflict);
  ADD ("definitions/unique-names-and-rename", test_definitions_names_and_rename);
  ADD ("definitions/limits-1000-and-100", test_definitions_limits);
  ADD ("definitions/milestone-in-use-lists-flows", test_milestone_in_use);
  ADD ("templates/builtin-are-valid", test_builtin_templates_are_valid);
  ADD ("templates/cart-abandonment-content", test_cart_template_content);
  ADD ("templates/save-version-as-template", test_save_as_template);
  ADD ("io/export-import-export-is-byte-identical", test_export_import_round_trip);
  ADD ("io/import-refuses-bad-files", test_import_refuses_bad_files);
  g_test_add_func ("/store/sample/first-start-content", test_sample_workspace);
  g_test_add_func ("/store/sample/profiles-are-deterministic-and-realistic", test_sample_profiles);
#undef ADD

  return g_test_run ();
}
