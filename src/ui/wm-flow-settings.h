/* wm-flow-settings.h - the settings of a flow and one of its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window (Escape closes it) for the version's re-entry rules,
 * entry limits, goal and variables, and the flow's time zone and
 * schedule. Every change is one undo command on the given stack; changes
 * made elsewhere (undo, redo) show up at once.
 */
#pragma once

#include <adwaita.h>

#include "wm-flow.h"
#include "wm-undo.h"

G_BEGIN_DECLS

#define WM_TYPE_FLOW_SETTINGS (wm_flow_settings_get_type ())
G_DECLARE_FINAL_TYPE (WmFlowSettings, wm_flow_settings, WM, FLOW_SETTINGS, AdwWindow)

/* @parent may be NULL; @undo_stack's flow is @flow; @version is the number
 * of the version whose settings are edited. */
WmFlowSettings *wm_flow_settings_new         (GtkWindow      *parent,
                                              WmFlow         *flow,
                                              guint           version,
                                              WmUndoStack    *undo_stack);
WmFlow         *wm_flow_settings_get_flow    (WmFlowSettings *self);
guint           wm_flow_settings_get_version (WmFlowSettings *self);

/* The widget named @name ("reentry", "delay", "limits", "goal",
 * "goal-event", "goal-value", "goal-window", "variables", "timezone",
 * "start", "end", "indefinite"), for tests and for focusing a diagnostic's
 * field. */
GtkWidget      *wm_flow_settings_get_part    (WmFlowSettings *self,
                                              const char     *name);

G_END_DECLS
