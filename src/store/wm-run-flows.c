/* wm-run-flows.c - the flows a simulation of one flow must include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A breadth-first walk over add.to.flow targets, reading each flow from
 * the store once; the order found is the order the run lists them in, so
 * the dialog and the stored run show the same list.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-run-flows.h"

/* Adds the add.to.flow targets of @version not yet seen to @order. */
static void
add_targets (WmVersion  *version,
             GHashTable *seen,
             GPtrArray  *order)
{
  guint n = wm_version_get_n_elements (version);

  for (guint i = 0; i < n; i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);
      const char *target;

      if (g_strcmp0 (wm_element_get_type_name (element), "add.to.flow") != 0)
        continue;
      target = wm_element_get_config_string (element, "flow");
      if (target == NULL || *target == '\0' || g_hash_table_contains (seen, target))
        continue;
      g_hash_table_add (seen, g_strdup (target));
      g_ptr_array_add (order, g_strdup (target));
    }
}

GStrv
wm_workspace_collect_run_flows (WmWorkspace  *self,
                                const char   *flow_id,
                                guint         version,
                                GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WmFlow) flow = NULL;
  WmVersion *first;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (flow_id != NULL, NULL);

  flow = wm_workspace_get_flow (self, flow_id, error);
  if (flow == NULL)
    return NULL;
  first = wm_flow_get_version (flow, version);
  if (first == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("The flow “%s” has no version %u"), wm_flow_get_name (flow), version);
      return NULL;
    }
  g_hash_table_add (seen, g_strdup (flow_id));
  g_ptr_array_add (found, g_strdup (flow_id));
  add_targets (first, seen, order);

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = order->pdata[i];
      g_autoptr(WmFlow) reached = wm_workspace_get_flow (self, id, NULL);

      if (reached == NULL)
        continue;
      g_ptr_array_add (found, g_strdup (id));
      for (guint v = 0; v < wm_flow_get_n_versions (reached); v++)
        add_targets (wm_flow_get_version_at (reached, v), seen, order);
    }
  g_ptr_array_add (found, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}
