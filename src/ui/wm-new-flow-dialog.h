/* wm-new-flow-dialog.h - a new flow: blank, or from a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window with a name and the choice of a blank flow or one of
 * the workspace's templates (the built-in ones, then those saved). Create
 * adds the flow to the workspace, emits ::flow-created with its id and
 * closes; Escape cancels.
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_NEW_FLOW_DIALOG (wm_new_flow_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmNewFlowDialog, wm_new_flow_dialog, WM, NEW_FLOW_DIALOG, AdwWindow)

GtkWidget *wm_new_flow_dialog_new           (GtkWindow       *parent,
                                             WmWorkspace     *workspace);

/* NULL selects the blank flow. FALSE when no such template is listed. */
gboolean   wm_new_flow_dialog_select_template (WmNewFlowDialog *self,
                                               const char      *template_id);
void       wm_new_flow_dialog_set_name      (WmNewFlowDialog *self,
                                             const char      *name);
/* What the Create button does; returns the new flow's id or NULL with
 * the message shown in the dialog. */
char      *wm_new_flow_dialog_create        (WmNewFlowDialog *self);

G_END_DECLS
