/* wm-runs-list.h - the stored runs of one flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace's runs that include the flow, newest first, each with its
 * name, when it ran and how long it took, and whether the flow or the
 * profile file changed since. Activating a run emits ::run-activated
 * (the editor reopens it); each row opens the run's report (win.show-run)
 * and customer timeline (win.show-timeline), renames it and deletes it
 * after a confirmation. The list follows WmWorkspace::runs-changed.
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_RUNS_LIST (wm_runs_list_get_type ())
G_DECLARE_FINAL_TYPE (WmRunsList, wm_runs_list, WM, RUNS_LIST, GtkWidget)

GtkWidget  *wm_runs_list_new          (void);

/* Lists the runs of flow @flow_id (NULL: none) in @workspace. */
void        wm_runs_list_set_flow     (WmRunsList  *self,
                                       WmWorkspace *workspace,
                                       const char  *flow_id);
/* Reads the runs again (the flow may have changed since). */
void        wm_runs_list_refresh      (WmRunsList  *self);

guint       wm_runs_list_get_n_runs   (WmRunsList  *self);
gint64      wm_runs_list_get_run_id   (WmRunsList  *self,
                                       guint        position);
/* The row's title and subtitle (with what changed since the run). */
const char *wm_runs_list_get_title    (WmRunsList  *self,
                                       guint        position);
const char *wm_runs_list_get_subtitle (WmRunsList  *self,
                                       guint        position);

/* What a row's Rename and Delete buttons do: present the dialog (an
 * AdwMessageDialog, responses "rename" / "delete" and "cancel") and
 * return it. */
GtkWidget  *wm_runs_list_rename       (WmRunsList  *self,
                                       gint64       id);
GtkWidget  *wm_runs_list_delete       (WmRunsList  *self,
                                       gint64       id);

G_END_DECLS
