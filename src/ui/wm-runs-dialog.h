/* wm-runs-dialog.h - the simulation runs stored in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal list of the stored runs, newest first. Activating a run closes
 * the dialog and activates win.show-run on the window it belongs to, so
 * the list works whoever made the runs.
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_RUNS_DIALOG (wm_runs_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmRunsDialog, wm_runs_dialog, WM, RUNS_DIALOG, AdwWindow)

WmRunsDialog *wm_runs_dialog_new        (GtkWindow    *parent,
                                         WmWorkspace  *workspace);
/* The list of runs (one GtkListBoxRow per run, each with its run id as
 * "wm-run-id" data). */
GtkListBox   *wm_runs_dialog_get_list   (WmRunsDialog *self);

G_END_DECLS
