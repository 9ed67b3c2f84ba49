/* wm-editor-lifecycle.h - the editor's launch and status actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cross-file internals of WmEditorPage, kept apart so the editor page
 * itself stays about editing. The actions (group "editor"): launch (the
 * launch dialog, for a draft), pause, resume, stop-version and stop-all
 * (after a confirmation that people inside leave at once),
 * cancel-schedule, finish. Each is enabled for the statuses the
 * lifecycle allows (flow-format.md, Lifecycle), reloads the flow from the
 * workspace and says what happened in a toast.
 */
#pragma once

#include "wm-editor-page.h"

G_BEGIN_DECLS

void _wm_editor_lifecycle_class_init (GtkWidgetClass *widget_class);

/* Enables the actions for the flow's statuses, shows the Launch button
 * (a draft) or the status menu (something to pause, stop...), and lists
 * earlier versions that are finishing in @finishing_label. */
void _wm_editor_lifecycle_update     (WmEditorPage   *self,
                                      GtkWidget      *launch_button,
                                      GtkWidget      *status_button,
                                      GtkLabel       *finishing_label);

G_END_DECLS
