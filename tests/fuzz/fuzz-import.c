/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import.c - libFuzzer target for importing a flow file into a workspace
 *
 * A flow file comes from anywhere (a colleague, a drop on the window, the
 * command line), and importing it writes to the workspace that holds
 * everything else the user made. Whatever the input, importing it either
 *  - is refused with a UTF-8 message and leaves the list of flows as it
 *    was (nothing half-stored), or
 *  - adds exactly one flow, under the id it returns, which reads back from
 *    the store and exports to a flow file that loads again with that id.
 * The workspace is a real sqlite file in a temporary folder, started anew
 * every so many inputs so that renamed copies do not pile up.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "wm-flow-io.h"
#include "wm-workspace.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define INPUTS_PER_WORKSPACE 500

static char *folder;
static WmWorkspace *workspace;
static guint inputs;

static void
fresh_workspace (void)
{
  g_autofree char *path = g_build_filename (folder, "workspace.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&workspace);
  g_remove (path);
  g_remove (journal);
  g_remove (wal);
  g_remove (shm);
  workspace = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  if (workspace == NULL)
    {
      g_printerr ("fuzz-import: %s\n", error->message);
      abort ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  folder = g_dir_make_tmp ("waymark-fuzz-import-XXXXXX", NULL);
  if (folder == NULL)
    abort ();
  fresh_workspace ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GListModel *flows;
  guint before;

  if (++inputs % INPUTS_PER_WORKSPACE == 0)
    fresh_workspace ();
  flows = wm_workspace_get_flows (workspace);
  before = g_list_model_get_n_items (flows);

  /* The store takes a pointer and a length: the input need not end in NUL
   * and may hold NULs. */
  id = wm_workspace_import_flow (workspace, (const char *) data, size, NULL, &error);
  if (id == NULL)
    {
      if (error == NULL || error->message[0] == '\0'
          || !g_utf8_validate (error->message, -1, NULL)
          || g_list_model_get_n_items (flows) != before)
        abort ();
    }
  else
    {
      g_autoptr(WmFlow) stored = NULL;
      g_autoptr(WmFlow) again = NULL;
      g_autofree char *text = NULL;
      gsize length = 0;

      if (error != NULL || g_list_model_get_n_items (flows) != before + 1)
        abort ();
      stored = wm_workspace_get_flow (workspace, id, NULL);
      text = wm_workspace_export_flow (workspace, id, &length, NULL);
      if (stored == NULL || text == NULL
          || strcmp (wm_flow_get_id (stored), id) != 0)
        abort ();
      again = wm_flow_load_from_data (text, length, NULL);
      if (again == NULL || strcmp (wm_flow_get_id (again), id) != 0)
        abort ();
    }
  return 0;
}
