/* wm-timeline-model.h - one customer's journey as a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a support agent sees for one customer: built from the Timeline
 * steps (simulation.md, Timeline) of that one profile, made by simulating
 * the profile again with the run's inputs. Profiles never interact, so
 * the steps are those the full run wrote for it, and nothing is kept for
 * customers no one looks at.
 *
 * Items are the profile's own events (inbound), its messages and
 * notifications with their reactions (outbound), and what happened to it
 * in the flows: entries and rejected entries, API calls, milestones,
 * outcomes, goals, exits, stops and errors; and its journeys' lines:
 * journeys and stages begun or completed, steps done (journeys.md). Visits
 * and departures are the path, not items (an API call's departure is its
 * result).
 *
 * Dates are local dates in the profile's time zone: its `timezone`
 * attribute, or when that is missing or unknown the time zone of the
 * run's first flow (simulation.md, Profiles).
 *
 * WmTimelineModel is a GListModel of the WmTimelineItems that pass its
 * filters, in the order the simulator took the steps (time order).
 */
#pragma once

#include <gio/gio.h>

#include "wm-journey.h"
#include "wm-profile.h"
#include "wm-sim-program.h"

G_BEGIN_DECLS

#define WM_TIMELINE_ERROR (wm_timeline_error_quark ())

typedef enum
{
  WM_TIMELINE_ERROR_NOT_FOUND,   /* no profile with that id, e-mail or phone */
  WM_TIMELINE_ERROR_INVALID,     /* a timeline line that is not a step */
} WmTimelineError;

typedef enum
{
  WM_TIMELINE_INBOUND,           /* the profile's own events */
  WM_TIMELINE_OUTBOUND,          /* messages, notifications and their reactions */
  WM_TIMELINE_INTERNAL,          /* what happened inside the flows */
} WmTimelineDirection;

typedef enum
{
  WM_TIMELINE_EVENT,
  WM_TIMELINE_REJECTED,
  WM_TIMELINE_ENTER,
  WM_TIMELINE_SEND,
  WM_TIMELINE_NO_CONTACT,
  WM_TIMELINE_NOTIFY,
  WM_TIMELINE_API,
  WM_TIMELINE_MILESTONE,
  WM_TIMELINE_OUTCOME,
  WM_TIMELINE_GOAL,
  WM_TIMELINE_EXIT,
  WM_TIMELINE_STOPPED,
  WM_TIMELINE_ERROR_REMOVAL,
  /* Journey lines (journeys.md, last paragraph): milestones of the
   * customer's life, not of a flow, so they have no flow and are internal.
   * JOURNEY: began or completed; STAGE: triggered, began or completed
   * (the result); STAGE_STEP: a step of an active stage done. */
  WM_TIMELINE_JOURNEY,
  WM_TIMELINE_STAGE,
  WM_TIMELINE_STAGE_STEP,
} WmTimelineKind;

/* What the red dot means. */
typedef enum
{
  WM_TIMELINE_OK,
  WM_TIMELINE_NOT_DELIVERED,
  WM_TIMELINE_NO_CONTACT_FAILURE,
  WM_TIMELINE_API_FAILURE,
  WM_TIMELINE_OUTCOME_FAILURE,
  WM_TIMELINE_REJECTED_ENTRY,
  WM_TIMELINE_ERROR_FAILURE,
} WmTimelineFailure;

/* One reaction of a send. */
typedef enum
{
  WM_REACTION_NOT_OFFERED,       /* the channel has no such reaction */
  WM_REACTION_HAPPENED,          /* at its time */
  WM_REACTION_DID_NOT_HAPPEN,
  WM_REACTION_AFTER_END,         /* it would happen after the run's end */
} WmReactionState;

typedef enum
{
  WM_REACTION_DELIVERED,
  WM_REACTION_OPENED,
  WM_REACTION_CLICKED,
  WM_N_REACTIONS
} WmReactionKind;

#define WM_TYPE_TIMELINE_ITEM (wm_timeline_item_get_type ())
G_DECLARE_FINAL_TYPE (WmTimelineItem, wm_timeline_item, WM, TIMELINE_ITEM, GObject)

#define WM_TYPE_TIMELINE_MODEL (wm_timeline_model_get_type ())
G_DECLARE_FINAL_TYPE (WmTimelineModel, wm_timeline_model, WM, TIMELINE_MODEL, GObject)

GQuark               wm_timeline_error_quark        (void);

/* (a) The first accepted profile of the file (JSON Lines or CSV) whose id
 * is @query, or whose `email` (ASCII case-insensitive) or `phone`
 * attribute is. NOT_FOUND names the file and the query. */
WmProfile           *wm_timeline_find_profile       (const char          *profiles_path,
                                                     const char          *query,
                                                     GError             **error);

/* (b) The Timeline lines of @profile simulated alone with @program (the
 * run's flows, parameters, window and seed). @profile is changed
 * (set.attribute), so use it once. */
char                *wm_timeline_rerun              (const WmSimProgram  *program,
                                                     WmProfile           *profile);

/* The zone the profile's dates are in (see above). Do not unref. */
GTimeZone           *wm_timeline_zone_for           (const WmSimProgram  *program,
                                                     const WmProfile     *profile);

/* (c) The items of @timeline (the profile's Timeline lines). @program
 * names flows and tells element types and the run's end; it must outlive
 * the model. */
WmTimelineModel     *wm_timeline_model_new          (const WmSimProgram  *program,
                                                     const char          *timeline,
                                                     GTimeZone           *zone,
                                                     GError             **error);

/* The program keeps only a journey's own name: this names the stages and
 * steps of @journey's lines (and the journey, when the program does not
 * have it) from the journey document the run simulated, for the titles
 * and descriptions ("Stage “Onboarded” of …"). Unknown ids keep no name.
 * Call it before the model is shown: a timeline chip reads its item once. */
void                 wm_timeline_model_name_journey (WmTimelineModel     *self,
                                                     WmJourney           *journey);

/* Names the milestones and outcomes of the items from @names (wm-names.h;
 * the workspace's): wm_timeline_item_get_label() gives the name, or the
 * id when it is not at hand. Call it before the model is shown. */
void                 wm_timeline_model_name_definitions (WmTimelineModel *self,
                                                         GHashTable      *names);

/* Filters: NULL shows every flow or channel; with both set, the channel
 * within the flow. Period: the last 3, 6, 9 or 12 months of the run
 * (default 12). Each change emits items-changed. */
void                 wm_timeline_model_set_flow     (WmTimelineModel     *self,
                                                     const char          *flow_id);
void                 wm_timeline_model_set_channel  (WmTimelineModel     *self,
                                                     const char          *channel);
void                 wm_timeline_model_set_period   (WmTimelineModel     *self,
                                                     guint                months);
guint                wm_timeline_model_get_period   (WmTimelineModel     *self);
/* Every item, filters aside. */
guint                wm_timeline_model_get_n_all    (WmTimelineModel     *self);

/* Dates of the items shown, oldest first: the local date as days since
 * 1970-01-01, and the range of positions holding it. */
guint                wm_timeline_model_get_n_days   (WmTimelineModel     *self);
gint64               wm_timeline_model_get_day      (WmTimelineModel     *self,
                                                     guint                index,
                                                     guint               *first,
                                                     guint               *n_items);
/* One element of the path a customer took through a flow. */
typedef struct
{
  char *element;
  char *port;      /* the port it left by; NULL when it did not leave */
} WmPathStep;

void                 wm_path_step_free              (WmPathStep          *step);

/* "Show in flow": the elements @item's entry visited, in order, with the
 * ports it left them by (WmPathStep); empty for an item of no entry
 * (an event, a rejection). Read from the visits and departures on demand,
 * so building the model does not pay for them. */
GPtrArray           *wm_timeline_model_get_path     (WmTimelineModel     *self,
                                                     WmTimelineItem      *item);

/* The item before or after @position on the same date, or G_MAXUINT. */
guint                wm_timeline_model_get_previous (WmTimelineModel     *self,
                                                     guint                position);
guint                wm_timeline_model_get_next     (WmTimelineModel     *self,
                                                     guint                position);

gint64               wm_timeline_item_get_at        (WmTimelineItem      *self);
gint64               wm_timeline_item_get_day       (WmTimelineItem      *self);
WmTimelineDirection  wm_timeline_item_get_direction (WmTimelineItem      *self);
WmTimelineKind       wm_timeline_item_get_kind      (WmTimelineItem      *self);
WmTimelineFailure    wm_timeline_item_get_failure   (WmTimelineItem      *self);
/* NULL for an event. */
const char          *wm_timeline_item_get_flow      (WmTimelineItem      *self);
/* The flow's name in the run, or NULL. */
const char          *wm_timeline_item_get_flow_name (WmTimelineItem      *self);
/* The zone of the item's date and description. */
GTimeZone           *wm_timeline_item_get_zone      (WmTimelineItem      *self);
/* 0 when none (events, rejections as `inactive`). */
guint                wm_timeline_item_get_version   (WmTimelineItem      *self);
guint                wm_timeline_item_get_entry     (WmTimelineItem      *self);
const char          *wm_timeline_item_get_element   (WmTimelineItem      *self);
/* sms, email, ...; for an inbound.* event its channel; else NULL. */
const char          *wm_timeline_item_get_channel   (WmTimelineItem      *self);
/* The event, milestone, outcome or goal event name, rejection reason,
 * API call's port, or the id of a stage step done. */
const char          *wm_timeline_item_get_name      (WmTimelineItem      *self);
/* A milestone's or outcome's name (wm_timeline_model_name_definitions),
 * else what wm_timeline_item_get_name() gives. */
const char          *wm_timeline_item_get_label     (WmTimelineItem      *self);
/* Outcomes: started, success, failure, abandoned; journeys: began,
 * completed; stages: triggered, began, completed. */
const char          *wm_timeline_item_get_result    (WmTimelineItem      *self);
guint                wm_timeline_item_get_messages  (WmTimelineItem      *self);
/* Journey lines: the journey's id and, when the run's program has the
 * journey, its name (else NULL); the stage's id (NULL for a journey
 * line). */
const char          *wm_timeline_item_get_journey   (WmTimelineItem      *self);
const char          *wm_timeline_item_get_journey_name (WmTimelineItem   *self);
const char          *wm_timeline_item_get_stage     (WmTimelineItem      *self);
/* The stage's and the step's names, when the model was given the
 * journey (wm_timeline_model_name_journey), else NULL. */
const char          *wm_timeline_item_get_stage_name (WmTimelineItem     *self);
const char          *wm_timeline_item_get_step_name (WmTimelineItem      *self);
/* Micro-units (a message's or notification's cost, a goal's value). */
gint64               wm_timeline_item_get_cost      (WmTimelineItem      *self);
WmReactionState      wm_timeline_item_get_reaction  (WmTimelineItem      *self,
                                                     WmReactionKind       reaction,
                                                     gint64              *at);
/* One translated line that says what happened, for the accessible name:
 * "SMS sent 12 March 09:12, delivered, not clicked". */
char                *wm_timeline_item_describe      (WmTimelineItem      *self);

G_END_DECLS
