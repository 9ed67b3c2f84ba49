/* wm-stage-editor.h - the side pane that edits one stage of a journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, description, when it begins (and after which stages), its entry
 * condition, how it completes, its steps, the flows grouped under it and
 * its durations. Every edit is one command pushed on the journey's undo
 * stack; when the journey changes (undo, redo, the board) the fields show
 * it without disturbing the field being typed in.
 */
#pragma once

#include <adwaita.h>

#include "wm-journey.h"
#include "wm-undo.h"
#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_STAGE_EDITOR (wm_stage_editor_get_type ())
G_DECLARE_FINAL_TYPE (WmStageEditor, wm_stage_editor, WM, STAGE_EDITOR, GtkWidget)

GtkWidget  *wm_stage_editor_new             (void);
/* Shows stage @stage_id of @journey, whose edits go on @undo; @workspace
 * gives the milestones, outcomes and flows to pick from (may be NULL). A
 * NULL @journey (or a stage the journey lacks) clears the pane. */
void        wm_stage_editor_set_stage       (WmStageEditor *self,
                                             WmWorkspace   *workspace,
                                             WmJourney     *journey,
                                             WmUndoStack   *undo,
                                             const char    *stage_id);
const char *wm_stage_editor_get_stage       (WmStageEditor *self);
/* Focuses the widget of a diagnostic's @field ("name", "entry",
 * "begins.after", "steps.welcomed.milestone", ...), opening the step's
 * row; FALSE when the pane has no such field. */
gboolean    wm_stage_editor_focus_field     (WmStageEditor *self,
                                             const char    *field);
/* Shows the diagnostics (WmDiagnostic) whose element is the shown stage
 * under their fields; NULL clears them. A copy is kept. */
void        wm_stage_editor_set_diagnostics (WmStageEditor *self,
                                             GPtrArray     *diagnostics);
/* Takes what is typed but not yet taken (digits in "Should take" before
 * Enter or focus out) as an edit: call before saving or leaving. */
void        wm_stage_editor_commit          (WmStageEditor *self);
/* The widget that edits @field (as for focus_field), for tests. */
GtkWidget  *wm_stage_editor_get_field       (WmStageEditor *self,
                                             const char    *field);

G_END_DECLS
