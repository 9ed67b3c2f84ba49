/* wm-editor-runs.h - the editor's simulation runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cross-file internals of WmEditorPage, kept apart so the editor page
 * itself stays about editing. The action editor.run-simulation [Ctrl+R]
 * saves pending edits and opens the run dialog for the version shown; a
 * stored run is shown (wm_editor_page_show_run) with a toast that opens
 * its report (win.show-run). The Runs button's popover lists the flow's
 * stored runs (wm-runs-list.h); choosing one shows it again.
 */
#pragma once

#include "wm-editor-page.h"

G_BEGIN_DECLS

void _wm_editor_runs_class_init (GtkWidgetClass *widget_class);
/* Gives @runs_button its popover with the runs list. */
void _wm_editor_runs_init       (WmEditorPage   *self,
                                 GtkMenuButton  *runs_button);
/* Enables the actions for the flow shown (none: off). */
void _wm_editor_runs_update     (WmEditorPage   *self);

G_END_DECLS
