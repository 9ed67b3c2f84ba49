/* wm-lookup.c - what validation needs to know beyond the flow itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-lookup.h"

G_DEFINE_INTERFACE (WmLookup, wm_lookup, G_TYPE_OBJECT)

static void
wm_lookup_default_init (WmLookupInterface *iface)
{
}

WmLookupResult
wm_lookup_find_milestone (WmLookup   *self,
                          const char *id)
{
  WmLookupInterface *iface;

  g_return_val_if_fail (WM_IS_LOOKUP (self), WM_LOOKUP_UNKNOWN);

  iface = WM_LOOKUP_GET_IFACE (self);
  return iface->find_milestone != NULL ? iface->find_milestone (self, id) : WM_LOOKUP_UNKNOWN;
}

WmLookupResult
wm_lookup_find_outcome (WmLookup   *self,
                        const char *id)
{
  WmLookupInterface *iface;

  g_return_val_if_fail (WM_IS_LOOKUP (self), WM_LOOKUP_UNKNOWN);

  iface = WM_LOOKUP_GET_IFACE (self);
  return iface->find_outcome != NULL ? iface->find_outcome (self, id) : WM_LOOKUP_UNKNOWN;
}

WmLookupResult
wm_lookup_find_flow (WmLookup   *self,
                     const char *id,
                     WmFlow    **flow)
{
  WmLookupInterface *iface;

  g_return_val_if_fail (WM_IS_LOOKUP (self), WM_LOOKUP_UNKNOWN);

  if (flow != NULL)
    *flow = NULL;
  iface = WM_LOOKUP_GET_IFACE (self);
  return iface->find_flow != NULL ? iface->find_flow (self, id, flow) : WM_LOOKUP_UNKNOWN;
}

GPtrArray *
wm_lookup_list_flows (WmLookup *self)
{
  WmLookupInterface *iface;

  g_return_val_if_fail (WM_IS_LOOKUP (self), NULL);

  iface = WM_LOOKUP_GET_IFACE (self);
  return iface->list_flows != NULL ? iface->list_flows (self) : NULL;
}
