/* wm-flow-info.h - one row of the workspace's list of flows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the flows page shows without loading a flow: immutable, replaced by
 * a new item when the flow changes.
 */
#pragma once

#include <glib-object.h>

#include "wm-version.h"

G_BEGIN_DECLS

#define WM_TYPE_FLOW_INFO (wm_flow_info_get_type ())
G_DECLARE_FINAL_TYPE (WmFlowInfo, wm_flow_info, WM, FLOW_INFO, GObject)

WmFlowInfo      *wm_flow_info_new                (const char      *id,
                                                  const char      *name,
                                                  WmVersionStatus  status,
                                                  guint            latest_number,
                                                  gint64           changed_at);

const char      *wm_flow_info_get_id             (WmFlowInfo      *self);
/* The name, or "" when the flow has none. */
const char      *wm_flow_info_get_name           (WmFlowInfo      *self);
/* The status of the latest version. */
WmVersionStatus  wm_flow_info_get_status         (WmFlowInfo      *self);
guint            wm_flow_info_get_latest_number  (WmFlowInfo      *self);
/* When the flow was last changed (UTC seconds). */
gint64           wm_flow_info_get_changed_at     (WmFlowInfo      *self);

/* Name (ASCII case-insensitive), then id: the order of the list. */
int              wm_flow_info_compare            (gconstpointer    a,
                                                  gconstpointer    b,
                                                  gpointer         user_data);

G_END_DECLS
