/* wm-journey-figures.h - one journey's figures read from a run's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app's journey results show, from the report's `journeys` part
 * (journeys.md, Simulation): how many profiles began and completed the
 * journey and how long it took them; for each stage how many were
 * triggered, began, completed (on time or late), and where the others are
 * at the run's end (waiting, on track, behind, stuck), its mean time to
 * complete and how many did each step. The report sorts stages and steps
 * by id; with the journey document at hand they come in its order and
 * with its names and durations, since that is how people think of them.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-journey.h"

G_BEGIN_DECLS

typedef struct
{
  char    *id;
  char    *name;          /* the journey's name for it, else the id */
  guint64  count;         /* profiles that did it while the stage was active */
} WmStepFigures;

typedef struct
{
  char      *id;
  char      *name;        /* the journey's name for it, else the id */
  gint64     duration;    /* "should take", in seconds; -1 unknown */
  guint64    triggered;
  guint64    began;
  guint64    completed;
  guint64    waiting;
  guint64    on_track;
  guint64    behind;
  guint64    stuck;
  guint64    completed_on_time;
  guint64    completed_late;
  gint64     mean_completion_seconds;
  GPtrArray *steps;       /* WmStepFigures */
} WmStageFigures;

typedef struct
{
  char      *id;
  char      *name;        /* the report's name, else the journey's, else the id */
  guint64    began;
  guint64    completed;
  gint64     mean_completion_seconds;
  GPtrArray *stages;      /* WmStageFigures */
} WmJourneyFigures;

/* The ids of the journeys in @report, in the report's order; an empty
 * array when it has none (never NULL). */
GPtrArray        *wm_journey_figures_list_ids   (JsonObject       *report);

/* The figures of journey @journey_id in @report (a waymark.report object),
 * named and ordered by @journey when not NULL. NULL with an error naming
 * the problem when the report has no journeys, lacks that journey, or a
 * figure is missing or not a count. */
WmJourneyFigures *wm_journey_figures_new        (JsonObject       *report,
                                                 const char       *journey_id,
                                                 WmJourney        *journey,
                                                 GError          **error);
void              wm_journey_figures_free       (WmJourneyFigures *figures);

/* The stage @stage_id of @figures, or NULL. */
const WmStageFigures *wm_journey_figures_get_stage (const WmJourneyFigures *figures,
                                                    const char             *stage_id);

/* @part of @whole in basis points, rounded half up; 0 when @whole is 0. */
guint             wm_journey_figures_share      (guint64           part,
                                                 guint64           whole);

/* The mean time to complete in words ("2 days 4 hours"), or "No one
 * completed it" when @completed is 0; translated. */
char             *wm_journey_figures_describe_mean (gint64         seconds,
                                                    guint64        completed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJourneyFigures, wm_journey_figures_free)

G_END_DECLS
