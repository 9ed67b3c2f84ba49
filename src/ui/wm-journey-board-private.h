/* wm-journey-board-private.h - what the board and its area share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board (wm-journey-board.c: selection, keys, drag and drop, following
 * the journey) and the area inside its scrolled window
 * (wm-journey-board-area.c: placing and drawing) are one widget split in
 * two files; they share the board's state and the geometry.
 */
#pragma once

#include "wm-journey-board.h"
#include "wm-journey-layout.h"

G_BEGIN_DECLS

#define MARGIN 24
#define CARD_WIDTH 232
#define COLUMN_GAP 72
#define ROW_GAP 20

#define WM_TYPE_JOURNEY_BOARD_AREA (wm_journey_board_area_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyBoardArea, wm_journey_board_area, WM, JOURNEY_BOARD_AREA, GtkWidget)

struct _WmJourneyBoardArea
{
  GtkWidget parent_instance;

  WmJourneyBoard *board; /* unowned: the board owns the area */
};

struct _WmJourneyBoard
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  WmJourneyBoardArea *area;
  GtkWidget *placeholder;

  WmJourney *journey;
  WmUndoStack *undo;
  gulong changed_id;
  GPtrArray *diagnostics;  /* WmDiagnostic copies, or NULL */

  WmJourneyLayout *layout;
  GPtrArray *cards;        /* WmJourneyCard, by layout position */
  GPtrArray *headers;      /* GtkLabel, per column */
  char *selected;
  char *scroll_to;         /* the stage to bring into view once laid out */
  guint scroll_idle;

  /* The drop indicator while a card is dragged over the board. */
  gboolean drop_shown;
  guint drop_target;       /* layout position of the card it is next to */
  gboolean drop_after;
};

guint      wm_journey_board_get_n_columns        (WmJourneyBoard             *self);
/* A layout stage's position in the layout (and in self->cards). */
guint      wm_journey_board_position_of          (WmJourneyBoard             *self,
                                                  const WmJourneyLayoutStage *stage);
GtkWidget *wm_journey_board_card_at              (WmJourneyBoard             *self,
                                                  guint                       column,
                                                  guint                       row);
/* An idle callback: brings self->scroll_to into view once laid out. */
gboolean   wm_journey_board_scroll_when_laid_out (gpointer                    data);

G_END_DECLS
