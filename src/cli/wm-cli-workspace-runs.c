/* wm-cli-workspace-runs.c - waymark-cli workspace runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulation runs stored in a workspace: list them, import results
 * made elsewhere (a merged report, or the partial results of a split run,
 * merged on import, e.g. from a Slurm cluster), export a run's report, and
 * delete a run. Importing refuses results made for other versions of the
 * workspace's flows (wm-run-import.h): exit 1 with the reason; a file that
 * is not a report nor a partial exits 2.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "wm-cli.h"
#include "wm-cli-workspace.h"
#include "wm-runs-import.h"
#include "wm-time.h"

#define CMD "workspace"

static int
runs_list (WmWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = wm_workspace_list_runs (ws, &error);

  if (runs == NULL)
    return wm_cli_usage_error (CMD, "%s", error->message);
  for (guint i = 0; i < runs->len; i++)
    {
      const WmRun *run = runs->pdata[i];
      char when[32];

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", run->id, wm_timestamp_format (run->ran_at, when),
              run->name, run->origin != NULL ? run->origin : run->profiles_path);
    }
  return WM_CLI_EXIT_OK;
}

static int
runs_import (WmWorkspace *ws,
             char       **paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRunImport) import = wm_run_import_read ((const char * const *) paths, &error);
  gint64 id;

  if (import == NULL)
    return wm_cli_usage_error (CMD, "%s", error->message);
  id = wm_workspace_add_imported_run (ws, import, &error);
  if (id == 0)
    {
      g_printerr ("waymark-cli %s: %s\n", CMD, error->message);
      return WM_CLI_EXIT_INVALID;
    }
  {
    /* The number goes in as text: a G_GINT64_FORMAT inside the msgid would
     * keep xgettext from reading it. */
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    printf (_("Imported as run %s.\n"), number);
  }
  return WM_CLI_EXIT_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static int
runs_export (WmWorkspace *ws,
             const char  *id_text,
             const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = NULL;
  gint64 id;

  if (!parse_id (id_text, &id))
    return wm_cli_usage_error (CMD, _("“%s” is not a run number; see waymark-cli workspace runs list"), id_text);
  run = wm_workspace_get_run (ws, id, &error);
  if (run == NULL)
    {
      g_printerr ("waymark-cli %s: %s\n", CMD, error->message);
      return WM_CLI_EXIT_INVALID;
    }
  if (!g_file_set_contents_full (path, run->report, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    return wm_cli_usage_error (CMD, "%s", error->message);
  return WM_CLI_EXIT_OK;
}

static int
runs_delete (WmWorkspace *ws,
             const char  *id_text)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_id (id_text, &id))
    return wm_cli_usage_error (CMD, _("“%s” is not a run number; see waymark-cli workspace runs list"), id_text);
  if (!wm_workspace_delete_run (ws, id, &error))
    {
      g_printerr ("waymark-cli %s: %s\n", CMD, error->message);
      return WM_CLI_EXIT_INVALID;
    }
  return WM_CLI_EXIT_OK;
}

int
wm_cli_workspace_runs (WmWorkspace *ws,
                       char       **args,
                       guint        n_args)
{
  const char *sub = n_args > 0 ? args[0] : NULL;

  if (g_strcmp0 (sub, "list") == 0 && n_args == 1)
    return runs_list (ws);
  if (g_strcmp0 (sub, "import") == 0 && n_args >= 2)
    return runs_import (ws, args + 1);
  if (g_strcmp0 (sub, "export") == 0 && n_args == 3)
    return runs_export (ws, args[1], args[2]);
  if (g_strcmp0 (sub, "delete") == 0 && n_args == 2)
    return runs_delete (ws, args[1]);
  return wm_cli_usage_error (CMD, "%s", _("use: runs list | runs import REPORT-OR-PARTIALS… | "
                                          "runs export RUN FILE | runs delete RUN"));
}
