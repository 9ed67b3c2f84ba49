/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c - crash safety and several programs on one workspace
 *
 * A child process saves edits in a loop and is killed with SIGKILL at
 * random moments (a GRand with a fixed seed picks them), at least 200
 * times. After each kill the workspace opens, passes PRAGMA
 * integrity_check, and holds every edit the child reported as saved (it
 * prints an edit's number only after the save returned).
 *
 * WM_CRASH_ITERATIONS overrides the number of kills.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "wm-flow-info.h"
#include "wm-workspace.h"

#define FLOW_TEXT \
  "{ \"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"crash\", \"name\": \"Crash\",\n" \
  "  \"versions\": [ { \"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\",\n" \
  "    \"elements\": [ { \"id\": \"sms\", \"type\": \"send.sms\", \"name\": \"start\" } ] } ] }\n"

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
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Starts the child with its standard output on a pipe. */
static GPid
spawn_child (char  **argv,
             int    *out_fd)
{
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL, out_fd,
                            NULL, &error);
  g_assert_no_error (error);
  return pid;
}

static char *
read_all (int fd)
{
  GString *out = g_string_new (NULL);
  char buf[4096];
  ssize_t n;

  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (out, buf, n);
    }
  close (fd);
  return g_string_free (out, FALSE);
}

static void
test_kill_at_random_moments (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(GPtrArray) acked_flows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  const char *env = g_getenv ("WM_CRASH_ITERATIONS");
  guint iterations = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 200;
  guint total_acked = 0, killed_early = 0;

  g_assert_no_error (error);
  id = wm_workspace_import_flow (ws, FLOW_TEXT, strlen (FLOW_TEXT), NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&ws);

  for (guint iter = 0; iter < iterations; iter++)
    {
      g_autofree char *start = g_strdup_printf ("%u", (iter + 1) * 100000);
      char *argv[] = { (char *) CRASH_CHILD, (char *) "loop", path, start, NULL };
      g_autofree char *output = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(WmFlow) flow = NULL;
      gint64 last_edit = -1;
      const char *stored_name;
      int fd = -1, status = 0;
      GString *head = g_string_new (NULL);
      GPid pid = spawn_child (argv, &fd);

      /* One kill in five lands while the child opens the file; the others
       * anywhere in its first few dozen saves. */
      if (g_rand_int_range (rand, 0, 5) != 0)
        {
          char c;

          while (read (fd, &c, 1) == 1 && c != '\n')
            g_string_append_c (head, c);
          g_assert_cmpstr (head->str, ==, "ready");
          g_usleep (g_rand_int_range (rand, 0, 30000));
        }
      else
        g_usleep (g_rand_int_range (rand, 0, 20000));
      g_string_free (head, TRUE);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      output = read_all (fd);
      /* The child never stops by itself: it died of the kill. */
      g_assert_true (WIFSIGNALED (status));

      /* Only complete lines count: a line is printed after its save. */
      lines = g_strsplit (output, "\n", -1);
      for (guint l = 0; lines[l] != NULL && lines[l + 1] != NULL; l++)
        {
          guint64 i;

          if (g_str_equal (lines[l], "ready"))
            continue;
          i = g_ascii_strtoull (lines[l], NULL, 10);
          total_acked++;
          if (i % 2 == 0)
            last_edit = (gint64) i;
          else
            g_ptr_array_add (acked_flows, g_strdup_printf ("f-%" G_GUINT64_FORMAT, i));
        }
      if (last_edit < 0)
        killed_early++;

      assert_integrity (path);
      ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      flow = wm_workspace_get_flow (ws, "crash", &error);
      g_assert_no_error (error);
      stored_name = wm_element_get_name (wm_version_find_element (wm_flow_get_version (flow, 1), "sms"));
      if (last_edit >= 0)
        {
          /* That edit or a later one of this run (saved, not yet reported). */
          g_assert_true (g_str_has_prefix (stored_name, "edit-"));
          g_assert_cmpint (g_ascii_strtoll (stored_name + 5, NULL, 10), >=, last_edit);
          g_assert_cmpint (g_ascii_strtoll (stored_name + 5, NULL, 10), <, (iter + 2) * 100000);
        }
      {
        g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        GListModel *list = wm_workspace_get_flows (ws);

        for (guint k = 0; k < g_list_model_get_n_items (list); k++)
          {
            g_autoptr(WmFlowInfo) info = g_list_model_get_item (list, k);

            g_hash_table_add (ids, g_strdup (wm_flow_info_get_id (info)));
          }
        for (guint k = 0; k < acked_flows->len; k++)
          g_assert_true (g_hash_table_contains (ids, acked_flows->pdata[k]));
      }
      g_clear_object (&ws);
    }
  g_test_message ("%u kills, %u edits reported saved, %u kills before the first edit", iterations,
                  total_acked, killed_early);
  /* The moments vary: some kills land before any save, most after some. */
  g_assert_cmpuint (total_acked, >, iterations);
  remove_dir (dir);
}

static void
test_programs_write_at_once (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  char *argv_a[] = { (char *) CRASH_CHILD, (char *) "count", path, (char *) "a", (char *) "150", NULL };
  char *argv_b[] = { (char *) CRASH_CHILD, (char *) "count", path, (char *) "b", (char *) "150", NULL };
  int fd_a = -1, fd_b = -1, status = 0;
  GPid a, b;

  g_assert_no_error (error);
  a = spawn_child (argv_a, &fd_a);
  b = spawn_child (argv_b, &fd_b);
  /* This process writes too, through the same calls the app uses. */
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *name = g_strdup_printf ("c-%u", i);
      g_free (wm_workspace_create_flow (ws, name, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (waitpid (a, &status, 0), ==, a);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (waitpid (b, &status, 0), ==, b);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_free (read_all (fd_a));
  g_free (read_all (fd_b));

  /* No write lost: all 450 flows, and the list catches up. */
  wm_workspace_refresh (ws);
  g_assert_cmpuint (g_list_model_get_n_items (wm_workspace_get_flows (ws)), ==, 450);
  g_clear_object (&ws);
  assert_integrity (path);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/sigkill-at-random-moments-loses-no-saved-edit", test_kill_at_random_moments);
  g_test_add_func ("/store/crash/three-programs-writing-at-once-lose-nothing", test_programs_write_at_once);

  return g_test_run ();
}
