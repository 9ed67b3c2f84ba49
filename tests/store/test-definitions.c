/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-definitions.c - who uses a milestone, and importing chosen or
 * dropped flow files
 *
 * What the admin window and the import toasts show comes from here: the
 * expectations are the wording, not the code's output.
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-flow-info.h"
#include "wm-time.h"
#include "wm-workspace.h"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *ws;
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

  f->dir = g_dir_make_tmp ("wm-definitions-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (f->ws);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_remove (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_users_are_the_launched_flows (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *unused = NULL;
  g_auto(GStrv) users = NULL;
  g_autofree char *outcome = NULL;
  gint64 t = ts ("2026-03-01T00:00:00Z");

  /* Three cart flows use "cart-reminded"; the draft does not hold it. */
  a = wm_workspace_instantiate_template (f->ws, "cart-abandonment", "Zeta carts", t, &error);
  b = wm_workspace_instantiate_template (f->ws, "cart-abandonment", "alpha carts", t, &error);
  c = wm_workspace_instantiate_template (f->ws, "cart-abandonment", "Draft carts", t, &error);
  g_assert_no_error (error);
  g_assert_true (wm_workspace_launch (f->ws, a, t, &error));
  g_assert_true (wm_workspace_launch (f->ws, b, t, &error));
  g_assert_no_error (error);

  users = wm_workspace_list_definition_users (f->ws, WM_DEFINITION_MILESTONE, "cart-reminded", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 2);
  g_assert_cmpstr (users[0], ==, "alpha carts");
  g_assert_cmpstr (users[1], ==, "Zeta carts");
  g_clear_pointer (&users, g_strfreev);

  /* The drafts are the other question: only "Draft carts" has one. */
  users = wm_workspace_list_definition_users (f->ws, WM_DEFINITION_MILESTONE, "cart-reminded", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 1);
  g_assert_cmpstr (users[0], ==, "Draft carts");
  g_clear_pointer (&users, g_strfreev);

  /* A new version of a launched flow is a draft too: that flow is in both. */
  g_assert_cmpuint (wm_workspace_new_version (f->ws, a, t + 30, &error), ==, 2);
  users = wm_workspace_list_definition_users (f->ws, WM_DEFINITION_MILESTONE, "cart-reminded", TRUE, &error);
  g_assert_cmpuint (g_strv_length (users), ==, 2);
  g_assert_cmpstr (users[0], ==, "Draft carts");
  g_assert_cmpstr (users[1], ==, "Zeta carts");
  g_clear_pointer (&users, g_strfreev);

  /* Stopping keeps the version launched: still a user. */
  g_assert_true (wm_workspace_stop (f->ws, a, 0, t + 60, &error));
  users = wm_workspace_list_definition_users (f->ws, WM_DEFINITION_MILESTONE, "cart-reminded", FALSE, &error);
  g_assert_cmpuint (g_strv_length (users), ==, 2);
  g_clear_pointer (&users, g_strfreev);

  unused = wm_workspace_add_definition (f->ws, WM_DEFINITION_MILESTONE, "Nobody's", NULL, &error);
  users = wm_workspace_list_definition_users (f->ws, WM_DEFINITION_MILESTONE, unused, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (users);
  g_assert_cmpuint (g_strv_length (users), ==, 0);
  g_clear_pointer (&users, g_strfreev);

  /* Outcomes never block anything (they cannot be deleted at all). */
  outcome = wm_workspace_add_definition (f->ws, WM_DEFINITION_OUTCOME, "Bought", NULL, &error);
  g_assert_no_error (error);
  users = wm_workspace_list_definition_users (f->ws, WM_DEFINITION_OUTCOME, outcome, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 0);
  g_clear_pointer (&users, g_strfreev);

  users = wm_workspace_list_definition_users (f->ws, WM_DEFINITION_MILESTONE, "no-such", FALSE, &error);
  g_assert_null (users);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
}

static void
count_signal_cb (WmWorkspace *ws,
                 int          kind,
                 guint       *counts)
{
  counts[kind]++;
}

static void
test_changes_by_another_program_are_signalled (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) other = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_autofree char *id = NULL;
  guint counts[2] = { 0, 0 };

  g_assert_no_error (error);
  g_signal_connect (f->ws, "definitions-changed", G_CALLBACK (count_signal_cb), counts);

  /* Nothing changed: nothing said. */
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (counts[WM_DEFINITION_MILESTONE], ==, 0);

  /* waymark-cli (here a second connection) adds a milestone. */
  id = wm_workspace_add_definition (other, WM_DEFINITION_MILESTONE, "From the command line", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts[WM_DEFINITION_MILESTONE], ==, 0);
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (counts[WM_DEFINITION_MILESTONE], ==, 1);
  g_assert_cmpuint (counts[WM_DEFINITION_OUTCOME], ==, 1);
  g_signal_handlers_disconnect_by_data (f->ws, counts);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return g_file_new_for_path (path);
}

static guint
n_flows (Fixture *f)
{
  return g_list_model_get_n_items (wm_workspace_get_flows (f->ws));
}

static void
test_import_files_report_each_file (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *other = NULL;
  g_autofree char *missing_path = g_build_filename (f->dir, "gone.waymark.json", NULL);
  g_autofree char *folder_path = g_build_filename (f->dir, "folder.waymark.json", NULL);
  g_auto(GStrv) messages = NULL;
  g_autoptr(GSList) files = NULL;
  gsize length = 0;
  guint imported = 99;
  guint before;

  id = wm_workspace_create_flow (f->ws, "Welcome", ts ("2026-03-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  exported = wm_workspace_export_flow (f->ws, id, &length, &error);
  g_assert_no_error (error);
  /* A flow of another workspace, by hand: its id is free here. */
  other = g_strdup ("{\"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"from-afar\", "
                    "\"name\": \"From afar\", \"versions\": [{\"number\": 1, \"status\": \"draft\", "
                    "\"created_at\": \"2026-01-01T00:00:00Z\", \"elements\": [], \"connections\": []}]}");

  files = g_slist_append (files, write_file (f, "welcome.waymark.json", exported, length));
  files = g_slist_append (files, write_file (f, "broken.waymark.json", "{\"format\": ", -1));
  files = g_slist_append (files, write_file (f, "notes.txt", exported, length));
  files = g_slist_append (files, g_file_new_for_path (missing_path));
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  files = g_slist_append (files, g_file_new_for_path (folder_path));
  files = g_slist_append (files, write_file (f, "afar.json", other, -1));

  before = n_flows (f);
  messages = wm_workspace_import_files (f->ws, files, &imported);
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);

  g_assert_cmpuint (g_strv_length (messages), ==, 6);
  g_assert_cmpstr (messages[0], ==, "“Welcome” already existed; imported as a copy");
  g_assert_true (g_str_has_prefix (messages[1],
                                   "“broken.waymark.json”: This is not a flow file Waymark can import: "));
  g_assert_cmpstr (messages[2], ==,
                   "“notes.txt” is not a flow file: Waymark imports files ending in .waymark.json");
  g_assert_true (g_str_has_prefix (messages[3], "“gone.waymark.json” could not be read: "));
  g_assert_cmpstr (messages[4], ==, "“folder.waymark.json” is a folder; choose the flow files inside it");
  g_assert_cmpstr (messages[5], ==, "Imported “From afar”");

  /* The two good ones came in, nothing of the others. */
  g_assert_cmpuint (imported, ==, 2);
  g_assert_cmpuint (n_flows (f), ==, before + 2);
}

static void
test_import_file_too_large (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.waymark.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int fd;

  /* A sparse file: big by its size, cheap on the disk. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (goffset) 65 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);

  id = wm_workspace_import_file (f->ws, file, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“huge.waymark.json” is larger than 64 MiB, more than any flow file can be; check that "
                   "it is the right file");
  g_assert_cmpuint (n_flows (f), ==, 0);
}

/* The template gallery draws each template's graph: the built-in ones and
 * those saved are read as flows; an unknown id is NOT_FOUND. */
static void
test_templates_read_as_flows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) builtin = NULL;
  g_autoptr(WmFlow) saved = NULL;
  g_autoptr(WmFlow) missing = NULL;
  g_autofree char *flow_id = NULL;
  g_autofree char *template_id = NULL;

  builtin = wm_workspace_get_template (f->ws, "cart-abandonment", &error);
  g_assert_no_error (error);
  g_assert_nonnull (builtin);
  g_assert_cmpuint (wm_version_get_n_elements (wm_flow_get_latest_version (builtin)), >, 2);

  flow_id = wm_workspace_instantiate_template (f->ws, "cart-abandonment", "Carts", ts ("2026-03-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  template_id = wm_workspace_save_template (f->ws, flow_id, 0, "My carts", &error);
  g_assert_no_error (error);
  saved = wm_workspace_get_template (f->ws, template_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_version_get_n_elements (wm_flow_get_latest_version (saved)), ==,
                    wm_version_get_n_elements (wm_flow_get_latest_version (builtin)));

  missing = wm_workspace_get_template (f->ws, "no-such-template", &error);
  g_assert_null (missing);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn) g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("definitions/users-of-a-milestone-are-the-launched-flows", test_users_are_the_launched_flows);
  ADD ("definitions/changes-by-another-program-are-signalled", test_changes_by_another_program_are_signalled);
  ADD ("import/each-file-gets-its-own-result", test_import_files_report_each_file);
  ADD ("templates/read-as-flows-for-their-preview", test_templates_read_as_flows);
  ADD ("import/a-file-too-large-is-refused-unread", test_import_file_too_large);
#undef ADD

  return g_test_run ();
}
