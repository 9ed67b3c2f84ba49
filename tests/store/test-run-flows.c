/* test-run-flows.c - the flows a simulation of one flow must include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * add.to.flow targets are followed transitively and each flow is listed
 * once, in the order found; of the open flow only the version run counts,
 * of a reached flow every version; a target the workspace lacks is left
 * to validation.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "wm-flow-io.h"
#include "wm-run-flows.h"
#include "wm-workspace.h"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *ws;
  char        *a, *b, *c, *d;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = 1767225600;  /* 2026-01-01 */

  f->dir = g_dir_make_tmp ("wm-run-flows-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->a = wm_workspace_create_flow (f->ws, "A", now, &error);
  g_assert_no_error (error);
  f->b = wm_workspace_create_flow (f->ws, "B", now, &error);
  g_assert_no_error (error);
  f->c = wm_workspace_create_flow (f->ws, "C", now, &error);
  g_assert_no_error (error);
  f->d = wm_workspace_create_flow (f->ws, "D", now, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (f->ws);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_free (f->a);
  g_free (f->b);
  g_free (f->c);
  g_free (f->d);
}

static WmElement *
hand_over_element (const char *to)
{
  g_autofree char *id = g_strdup_printf ("to-%s", to);
  WmElement *element = wm_element_new (id, "add.to.flow");

  wm_element_set_config_string (element, "flow", to);
  return element;
}

/* Adds to the draft version 1 of flow @from an add.to.flow element that
 * hands customers to @to. */
static void
add_hand_over (Fixture    *f,
               const char *from,
               guint       number,
               const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->ws, from, &error);
  g_autoptr(WmElement) element = hand_over_element (to);

  g_assert_no_error (error);
  wm_version_insert_element (wm_flow_get_version (flow, number), 0, element);
  g_assert_true (wm_workspace_save_version (f->ws, flow, number, &error));
  g_assert_no_error (error);
}

static void
assert_flows (GStrv         found,
              const char   *first,
              ...)
{
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *), i++)
    g_assert_cmpstr (found[i], ==, id);
  va_end (args);
  g_assert_null (found[i]);
}

static void
test_alone (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = wm_workspace_collect_run_flows (f->ws, f->a, 1, &error);

  g_assert_no_error (error);
  assert_flows (found, f->a, NULL);
}

static void
test_transitive_once_each (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = NULL;

  /* A -> C, A -> B, B -> D, D -> A (a cycle back), C -> B (seen). */
  add_hand_over (f, f->a, 1, f->b);
  add_hand_over (f, f->a, 1, f->c);
  add_hand_over (f, f->b, 1, f->d);
  add_hand_over (f, f->d, 1, f->a);
  add_hand_over (f, f->c, 1, f->b);
  found = wm_workspace_collect_run_flows (f->ws, f->a, 1, &error);
  g_assert_no_error (error);
  /* The last inserted element comes first in A: C, then B. */
  assert_flows (found, f->a, f->c, f->b, f->d, NULL);
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->ws, f->a, &error);
  g_autoptr(WmElement) to_c = hand_over_element (f->c);
  g_autoptr(WmElement) to_b = hand_over_element (f->b);
  g_autoptr(WmVersion) draft = NULL;
  g_autofree char *document = NULL;
  g_autofree char *x = NULL;
  g_auto(GStrv) of_v1 = NULL;
  g_auto(GStrv) of_v2 = NULL;
  g_auto(GStrv) from_d = NULL;
  WmVersion *active;

  /* Flow X: version 1 active, handing over to C; version 2 a draft,
   * handing over to B. Imported whole (a launched version is not saved
   * through the editor's call). */
  g_assert_no_error (error);
  active = wm_flow_get_version (flow, 1);
  draft = wm_version_copy (active, 2);
  wm_version_set_status (active, WM_VERSION_ACTIVE);
  wm_version_set_timestamp (active, "launched_at", 1767225600);
  wm_version_insert_element (active, 0, to_c);
  wm_version_insert_element (draft, 0, to_b);
  wm_flow_append_version (flow, draft);
  document = wm_flow_to_canonical (flow, NULL);
  x = wm_workspace_import_flow (f->ws, document, strlen (document), NULL, &error);
  g_assert_no_error (error);

  /* Of the open flow, only the version run. */
  of_v1 = wm_workspace_collect_run_flows (f->ws, x, 1, &error);
  g_assert_no_error (error);
  assert_flows (of_v1, x, f->c, NULL);
  of_v2 = wm_workspace_collect_run_flows (f->ws, x, 2, &error);
  g_assert_no_error (error);
  assert_flows (of_v2, x, f->b, NULL);

  /* Reached, X counts with every version, in version order. */
  add_hand_over (f, f->d, 1, x);
  from_d = wm_workspace_collect_run_flows (f->ws, f->d, 1, &error);
  g_assert_no_error (error);
  assert_flows (from_d, f->d, x, f->c, f->b, NULL);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = NULL;
  GStrv none;

  add_hand_over (f, f->a, 1, "no-such-flow");
  found = wm_workspace_collect_run_flows (f->ws, f->a, 1, &error);
  g_assert_no_error (error);
  assert_flows (found, f->a, NULL);

  none = wm_workspace_collect_run_flows (f->ws, f->a, 9, &error);
  g_assert_null (none);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "has no version 9"));
  g_clear_error (&error);
  none = wm_workspace_collect_run_flows (f->ws, "no-such-flow", 1, &error);
  g_assert_null (none);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/run-flows/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("a-flow-alone", test_alone);
  ADD ("reached-flows-transitively-once-each", test_transitive_once_each);
  ADD ("the-open-version-and-every-reached-version", test_versions);
  ADD ("missing-targets-and-versions", test_missing);
#undef ADD

  return g_test_run ();
}
