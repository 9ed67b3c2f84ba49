/* wm-journey-editor.h - the editor of one journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journey's stages on a board in the middle (WmJourneyBoard), the
 * selected stage's editor at the side (WmStageEditor), or the journey's
 * own properties when no stage is selected (WmJourneyProperties), and the
 * problems below the board. The header shows the journey's name and its
 * number of stages, undo and redo, Add Stage, the problem counts and
 * Simulate…. Every edit is an undo command; the journey is validated
 * after a pause of WM_EDITOR_VALIDATE_DELAY_MS and saved at most
 * WM_EDITOR_SAVE_DELAY_MS after the first unsaved change, and when the
 * editor closes, like the flow editor.
 *
 * Actions (group "journey"): back, undo [Ctrl+Z], redo [Ctrl+Shift+Z],
 * add-stage [Ctrl+N], delete-stage [Delete, on the board],
 * duplicate-stage, problems (shows / hides the problems), simulate
 * (activates win.simulate-journey with the journey's id), export,
 * duplicate.
 */
#pragma once

#include <adwaita.h>

#include "wm-journeys.h"
#include "wm-undo.h"
#include "wm-validate.h"

G_BEGIN_DECLS

#define WM_TYPE_JOURNEY_EDITOR (wm_journey_editor_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyEditor, wm_journey_editor, WM, JOURNEY_EDITOR, GtkWidget)

GtkWidget   *wm_journey_editor_new              (void);

/* Opens journey @journey_id of @workspace; saves the journey open before. */
gboolean     wm_journey_editor_open             (WmJourneyEditor  *self,
                                                 WmWorkspace      *workspace,
                                                 const char       *journey_id,
                                                 GError          **error);
/* Saves what is pending and shows nothing. When it cannot be saved (a
 * toast says why), the journey stays open, so nothing typed is lost, and
 * FALSE is returned. */
gboolean     wm_journey_editor_close            (WmJourneyEditor  *self);
/* Saves a pending change now; FALSE when saving failed (a toast says
 * why, and the change is kept to be saved again). */
gboolean     wm_journey_editor_save_now         (WmJourneyEditor  *self);
/* Saved: nothing waits to be written. */
gboolean     wm_journey_editor_is_saved         (WmJourneyEditor  *self);
/* Validates now instead of after the pause. */
void         wm_journey_editor_validate_now     (WmJourneyEditor  *self);

WmJourney   *wm_journey_editor_get_journey      (WmJourneyEditor  *self);
WmUndoStack *wm_journey_editor_get_undo_stack   (WmJourneyEditor  *self);
/* The stage shown at the side, or NULL (the journey's properties). */
const char  *wm_journey_editor_get_selected_stage (WmJourneyEditor *self);
/* Selects stage @stage_id on the board and shows its editor (NULL: the
 * journey's properties). */
void         wm_journey_editor_select_stage     (WmJourneyEditor  *self,
                                                 const char       *stage_id);

/* The problems: counts as in the header, and the rows listed (errors
 * first). Activating one selects its stage and focuses its field. */
guint        wm_journey_editor_get_n_errors     (WmJourneyEditor  *self);
guint        wm_journey_editor_get_n_warnings   (WmJourneyEditor  *self);
guint        wm_journey_editor_get_n_problems   (WmJourneyEditor  *self);
const WmDiagnostic *wm_journey_editor_get_problem (WmJourneyEditor *self,
                                                 guint             index);
void         wm_journey_editor_activate_problem (WmJourneyEditor  *self,
                                                 guint             index);

void         wm_journey_editor_add_toast        (WmJourneyEditor  *self,
                                                 const char       *message);
/* Shows @toast (taken). */
void         wm_journey_editor_show_toast       (WmJourneyEditor  *self,
                                                 AdwToast         *toast);

G_END_DECLS
