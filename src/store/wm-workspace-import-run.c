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

#include <string.h>

#include <json-glib/json-glib.h>

#include "wm-journeys.h"
#include "wm-runs-import.h"

static WmFlow *
lookup_flow (const char *flow_id,
             gpointer    user_data)
{
  return wm_workspace_get_flow (WM_WORKSPACE (user_data), flow_id, NULL);
}

/* A report made elsewhere says which journeys it simulated (the member
 * names of its `journeys`), not what their files were. The run keeps the
 * journeys this workspace has under those ids, as stored now, so that a
 * customer of the run simulated again here takes part in them; an id the
 * workspace does not have is left out rather than refusing the results
 * (their figures are in the report either way). A report without
 * `journeys` gives a run without journeys. */
static void
add_report_journeys (WmWorkspace *self,
                     WmRun       *run,
                     const char  *report)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root, *journeys;
  g_autoptr(GList) ids = NULL;

  if (!json_parser_load_from_data (parser, report, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  journeys = json_object_get_member (json_node_get_object (root), "journeys");
  if (journeys == NULL || !JSON_NODE_HOLDS_OBJECT (journeys))
    return;
  ids = json_object_get_members (json_node_get_object (journeys));
  ids = g_list_sort (ids, (GCompareFunc) strcmp);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      g_autoptr(WmJourney) journey = wm_workspace_get_journey (self, l->data, NULL);

      if (journey != NULL)
        wm_run_add_journey (run, l->data);
    }
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
  add_report_journeys (self, run, import->report);
  return wm_workspace_add_run (self, run, error);
}
