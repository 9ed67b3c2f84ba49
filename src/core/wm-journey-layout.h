/* wm-journey-layout.h - where a journey's stages sit on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journey board shows stages in columns from left to right, so that
 * every stage sits right of the stages it waits for. This is the geometry
 * without the widgets: which column and row each stage takes, and the
 * `after` links to draw as arrows. No GTK here, so it is unit-tested
 * without a display.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *id;      /* the stage's id ("" when it has none) */
  guint  index;   /* its position in the document's `stages` */
  guint  column;  /* 0: begins with the journey or by hand */
  guint  row;     /* its place within the column, in document order */
} WmJourneyLayoutStage;

/* An `after` link: stage @to waits for stage @from (both positions i of
 * wm_journey_layout_get_stage, the document's indices when every stage
 * is an object, as loading makes sure). */
typedef struct
{
  guint from;
  guint to;
} WmJourneyLayoutLink;

typedef struct _WmJourneyLayout WmJourneyLayout;

/* Lays out @stages (a journey's `stages` array; NULL or entries that are
 * not objects are skipped, as the board cannot show them). */
WmJourneyLayout            *wm_journey_layout_new             (JsonArray       *stages);
void                        wm_journey_layout_free            (WmJourneyLayout *self);

/* The stages in document order (those that were objects). */
guint                       wm_journey_layout_get_n_stages    (WmJourneyLayout *self);
const WmJourneyLayoutStage *wm_journey_layout_get_stage       (WmJourneyLayout *self,
                                                               guint            i);
/* The stage with @id (the first one, when ids repeat), or NULL. */
const WmJourneyLayoutStage *wm_journey_layout_find            (WmJourneyLayout *self,
                                                               const char      *id);

/* Columns run from 0 to n_columns - 1; a column may be empty only when
 * no stage begins with the journey or by hand (column 0). */
guint                       wm_journey_layout_get_n_columns   (WmJourneyLayout *self);
guint                       wm_journey_layout_get_column_size (WmJourneyLayout *self,
                                                               guint            column);
/* The stage at @row of @column, or NULL past the end. */
const WmJourneyLayoutStage *wm_journey_layout_get_cell        (WmJourneyLayout *self,
                                                               guint            column,
                                                               guint            row);

/* The links, by the waiting stage's document order, then the order of
 * its `after` list; each pair once, and only between known stages
 * (links of a cycle included: the board draws them going back). */
guint                       wm_journey_layout_get_n_links     (WmJourneyLayout *self);
const WmJourneyLayoutLink  *wm_journey_layout_get_link        (WmJourneyLayout *self,
                                                               guint            i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJourneyLayout, wm_journey_layout_free)

G_END_DECLS
