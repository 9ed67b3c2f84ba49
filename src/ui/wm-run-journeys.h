/* wm-run-journeys.h - the journeys a run includes, switched on or off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run dialog's "Journeys" group: one row a journey of the workspace
 * with a switch. A journey switched on takes part in the run exactly as
 * `waymark-cli simulate --journey FILE` would add it: its stages gate the
 * flows they group. On by default for the journeys whose stages group a
 * flow of the run, since those flows are gated by them in any case once
 * the journey runs; the others are offered, off.
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_RUN_JOURNEYS (wm_run_journeys_get_type ())
G_DECLARE_FINAL_TYPE (WmRunJourneys, wm_run_journeys, WM, RUN_JOURNEYS, AdwPreferencesGroup)

GtkWidget          *wm_run_journeys_new      (void);
/* Lists @workspace's journeys (by name), switching on those whose stages
 * group one of @flow_ids. The group hides when there are none. */
gboolean            wm_run_journeys_load     (WmRunJourneys       *self,
                                              WmWorkspace         *workspace,
                                              const char * const  *flow_ids,
                                              GError             **error);
/* Switches on the journeys of @ids (NULL: none) and off the others; an id
 * the list does not have is left out. */
void                wm_run_journeys_set_ids  (WmRunJourneys       *self,
                                              const char * const  *ids);
/* The ids of the journeys switched on, in the list's order. */
const char * const *wm_run_journeys_get_ids  (WmRunJourneys       *self);
/* The journey's name as listed (its id when it has none), or NULL. */
const char         *wm_run_journeys_get_name (WmRunJourneys       *self,
                                              const char          *id);

G_END_DECLS
