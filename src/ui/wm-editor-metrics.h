/* wm-editor-metrics.h - a run's figures in the flow editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm_editor_page_set_run() (wm-editor-page.h) gives the editor a run; a
 * "Metrics" toggle in its header, insensitive without a run that
 * simulated the open flow, shows the run's figures on the canvas
 * (wm-canvas-metrics.h) and in the inspector's Performance section, and
 * a drop-down next to it picks whose figures: each version of the run,
 * or all of them. A line under the header says when the version on the
 * canvas is not the one the run simulated, or was edited since.
 */
#pragma once

#include "wm-editor-page.h"

G_BEGIN_DECLS

/* The header's controls and the line, for tests. */
GtkToggleButton *wm_editor_page_get_metrics_toggle   (WmEditorPage *self);
GtkDropDown     *wm_editor_page_get_metrics_versions (WmEditorPage *self);
/* The line's text, or NULL when it is hidden. */
const char      *wm_editor_page_get_metrics_notice   (WmEditorPage *self);
/* The version whose figures are picked (0: all); 0 without a run. */
guint            wm_editor_page_get_metrics_version  (WmEditorPage *self);

/* For wm-editor-page.c: makes the controls (in @header, the line after
 * @after in @content), and follows the open flow. */
void             _wm_editor_metrics_init             (WmEditorPage *self,
                                                      AdwHeaderBar *header,
                                                      GtkBox       *content,
                                                      GtkWidget    *after);
void             _wm_editor_metrics_update           (WmEditorPage *self);

G_END_DECLS
