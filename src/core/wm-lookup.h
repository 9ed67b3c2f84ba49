/* wm-lookup.h - what validation needs to know beyond the flow itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Milestone, outcome and flow references, and inbound conflicts, are checked
 * against what is at hand: the workspace in the app, the files given
 * together and the --catalog in the command line. Something that is not at
 * hand is not reported (WM_LOOKUP_UNKNOWN).
 */
#pragma once

#include "wm-flow.h"

G_BEGIN_DECLS

typedef enum
{
  WM_LOOKUP_UNKNOWN,   /* cannot tell: not reported */
  WM_LOOKUP_FOUND,
  WM_LOOKUP_MISSING,   /* known not to exist: unknown-reference */
} WmLookupResult;

#define WM_TYPE_LOOKUP (wm_lookup_get_type ())
G_DECLARE_INTERFACE (WmLookup, wm_lookup, WM, LOOKUP, GObject)

struct _WmLookupInterface
{
  GTypeInterface parent_iface;

  WmLookupResult (*find_milestone) (WmLookup   *self,
                                    const char *id);
  WmLookupResult (*find_outcome)   (WmLookup   *self,
                                    const char *id);
  /* @flow (borrowed) is set when FOUND and the flow's document is at hand. */
  WmLookupResult (*find_flow)      (WmLookup   *self,
                                    const char *id,
                                    WmFlow    **flow);
  /* The other flows to check inbound conflicts against (borrowed
   * WmFlow*), or NULL when inbound conflicts are not checked. */
  GPtrArray     *(*list_flows)     (WmLookup   *self);
};

WmLookupResult wm_lookup_find_milestone (WmLookup   *self,
                                         const char *id);
WmLookupResult wm_lookup_find_outcome   (WmLookup   *self,
                                         const char *id);
WmLookupResult wm_lookup_find_flow      (WmLookup   *self,
                                         const char *id,
                                         WmFlow    **flow);
GPtrArray     *wm_lookup_list_flows     (WmLookup   *self);

G_END_DECLS
