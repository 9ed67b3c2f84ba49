/* wm-journey-board.h - a journey's stages as cards in columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journey editor's main view: each stage a card, placed by
 * wm-journey-layout.h (a stage right of the stages it waits for), with
 * arrows for the `after` links. It selects stages and reorders them
 * (keyboard or drag and drop, as undo commands); the editor page shows
 * the selected stage's fields beside it.
 *
 * Keys (also in the cards' accessible description): the arrow keys move
 * the selection between cards (up and down within a column, left and
 * right between columns); Alt+Up and Alt+Down move the selected stage
 * one place earlier or later in the document. Other keys (Delete) are
 * left to the page. A click on the background clears the selection.
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-journey.h"
#include "wm-undo.h"

G_BEGIN_DECLS

#define WM_TYPE_JOURNEY_BOARD (wm_journey_board_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyBoard, wm_journey_board, WM, JOURNEY_BOARD, GtkWidget)

GtkWidget  *wm_journey_board_new                (void);

/* Shows @journey (NULL clears the board) and follows its ::changed,
 * keeping the selection while the selected stage exists. Reorders are
 * pushed on @undo (a stack made for @journey; NULL: the board cannot
 * reorder). */
void        wm_journey_board_set_journey        (WmJourneyBoard *self,
                                                 WmJourney      *journey,
                                                 WmUndoStack    *undo);
/* WmDiagnostic of wm_validate_journey: a card is marked with the worst
 * severity of the diagnostics whose element is its stage. NULL: none. */
void        wm_journey_board_set_diagnostics    (WmJourneyBoard *self,
                                                 GPtrArray      *diagnostics);
/* Selects stage @stage_id (NULL or an unknown id: none) and scrolls its
 * card into view. Emits ::stage-selected when the selection changes. */
void        wm_journey_board_select_stage       (WmJourneyBoard *self,
                                                 const char     *stage_id);
const char *wm_journey_board_get_selected_stage (WmJourneyBoard *self);

G_END_DECLS
