/* wm-workspace-import-run.c - results made elsewhere stored as a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where a WmRunImport (read and merged by the simulator,
 * wm-run-import.h) becomes a stored run, shared by `waymark-cli workspace
 * runs import` and the app's Import Results…. It is built as its own
 * small library over the store and the simulator (src/meson.build), so
 * that the store itself keeps needing only core and sqlite.
 */
#include "config.h"

#include "wm-runs-import.h"

static WmFlow *
lookup_flow (const char *flow_id,
             gpointer    user_data)
{
  return wm_workspace_get_flow (WM_WORKSPACE (user_data), flow_id, NULL);
}

gint64
wm_workspace_add_imported_run (WmWorkspace       *self,
                               const WmRunImport *import,
                               GError           **error)
{
  g_autoptr(WmRun) run = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (import != NULL, 0);

  if (!wm_run_import_check (import, lookup_flow, self, error))
    return 0;

  run = wm_run_new ();
  run->profiles_path = g_strdup ("");
  run->start = import->start;
  run->end = import->end;
  run->seed = import->seed;
  run->params = g_strdup (import->params);
  run->report = g_strdup (import->report);
  run->origin = g_strdup (import->origin);
  for (guint i = 0; i < import->flows->len; i++)
    {
      const WmRunImportFlow *flow = import->flows->pdata[i];

      /* The run is about the version tried alone, or the newest one the
       * report has figures for. */
      wm_run_add_flow (run, flow->flow_id,
                       flow->tried != 0 ? flow->tried : flow->versions[flow->n_versions - 1],
                       flow->tried != 0);
    }
  return wm_workspace_add_run (self, run, error);
}
