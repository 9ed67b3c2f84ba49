/* wm-sim-engine-private.h - the worker's state, shared by the engine's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-draw.h"
#include "wm-sim-engine.h"

G_BEGIN_DECLS

enum { ITEM_STOP, ITEM_EVENT, ITEM_AUDIENCE, ITEM_DATE, ITEM_TIMER, ITEM_ADD, ITEM_JOURNEY };
enum { STAGE_IDLE, STAGE_WAITING, STAGE_ACTIVE, STAGE_COMPLETED };
enum { JOURNEY_IDLE, JOURNEY_BEGUN, JOURNEY_COMPLETED };
enum { TIMER_DEPART, TIMER_SEND };
enum { RECORD_INSIDE, RECORD_EXITED, RECORD_REMOVED };

typedef struct
{
  gint64   time;
  int      klass;
  guint64  seq;
  int      kind;
  guint    a;       /* flow, event index */
  guint    b;       /* version index, timer action */
  guint    port;
  guint    gen;
  gpointer p;       /* token, add attempt */
} Item;

typedef struct
{
  gboolean valid;
  gint64   s;
  gint64   r[3];    /* delivered, opened, clicked; -1 when it does not happen */
} SendRecord;

typedef struct
{
  guint    entry;
  guint    version;
  gint64   began;
  int      state;
  gint64   exited_at;
  gboolean converted;
} EntryRecord;

typedef struct
{
  guint                 flow;
  guint                 version;
  guint                 entry;
  gint64                entered_at;
  const WmProfileEvent *event;
  WmDrawKey             key;
  WmValue              *vars;
  guint                *visits;
  SendRecord           *sends;
  int                   element;
  guint                 gen;
  gboolean              alive;
  gint64                instant;
  guint                 instant_visits;
  gboolean              waiting;
  gint64                wait_since;
  GArray               *log;         /* milestone indices, in order */
  gboolean             *open;        /* per outcome of the flow */
  gint64               *opened_at;
  guint                *opened_log;
  EntryRecord          *record;
  gsize                 block_size;  /* the token and its arrays: token_new */
} Token;

/* A waiting token and its generation when an event came. */
typedef struct
{
  Token *token;
  guint  gen;
} Waiter;

typedef struct
{
  guint      accepted;
  gboolean   has_exit;
  gint64     last_exit;
  GArray    *times;     /* gint64: accepted entry instants */
  GPtrArray *records;   /* EntryRecord */
  Token     *token;     /* the token inside, or NULL */
} FlowState;

typedef struct
{
  guint    flow;
  guint    n;
  const char **names;
  WmValue *values;
} AddAttempt;

typedef struct
{
  int       state;
  guint     pending;     /* bit per WmSimStepKind of its steps not done */
  gint64    began_at;
  gboolean *done;        /* per step */
} StageState;

typedef struct
{
  int         state;
  gint64      began_at;
  StageState *stages;
} JourneyState;

struct _WmSimWorker
{
  const WmSimProgram *program;

  gint64     *counters;
  guint8     *marks;           /* unique counters touched by this profile */
  GArray     *marked;          /* guint offsets */
  GHashTable *paths;
  GHashTable *engaged;         /* "flow\x1fslot\x1fYYYY-MM" -> guint64 count */
  GHashTable *engaged_fast;    /* the same, keyed by a packed gint64, not yet in engaged */
  GArray     *profile_engaged; /* guint triples: flow, slot, year * 12 + month - 1 */
  guint64     events;

  /* Per profile. */
  WmProfile            *profile;
  const char           *profile_id;
  gsize                 profile_id_len;
  GString              *tl;
  char                 *tl_profile;   /* the profile id as a JSON string */
  const WmProfileEvent *events_list;
  guint                 n_events;
  Item                 *heap;         /* the agenda: a binary heap */
  guint                 heap_len;
  guint                 heap_cap;
  guint                 next_event;   /* events_list[next_event..end_event) are still to come */
  guint                 end_event;
  guint64               seq;
  FlowState            *flows;        /* flow_states while a profile runs, else NULL */
  FlowState            *flow_states;  /* per flow, kept from profile to profile */
  guint                 n_flow_states;
  GPtrArray            *tokens;       /* every Token of the profile */
  GPtrArray            *token_pool;   /* Token blocks of earlier profiles, to reuse */
  GPtrArray            *waiting;      /* tokens at a wait.event, in the order they began waiting */
  GArray               *snapshot;     /* Waiter: the waiting tokens when an event came */
  GString              *id_json;      /* the profile id as a JSON string (timeline) */
  GPtrArray            *adds;
  WmExprArena          *arena;        /* evaluation scratch */
  WmExprArena          *keep;         /* strings kept for the profile (variables) */
  JourneyState         *journeys;     /* kept from profile to profile */
  /* This profile's active and waiting stages, all journeys: early outs. */
  guint                 stages_active;
  guint                 stages_waiting;
  const char           *journey_actions[3];  /* interned journey.begin, .complete, .task */

  /* Attributes read at every send, cached until a set.attribute. */
  gboolean              cache_valid;
  GTimeZone            *cache_zone;      /* the profile's zone, or NULL */
  gboolean              cache_contact[3];/* phone, email, push_token valid */
  double                cache_rate[3];   /* sim_delivery, sim_open, sim_click; -1: none */
};


typedef struct
{
  WmSimStepKind         kind;
  const char           *name;      /* milestone, outcome, event name */
  const char           *flow;      /* flow id */
  gboolean              flag;      /* outcome success; flow entered */
  const WmProfileEvent *event;
} Happening;

/* wm-sim-engine.c */
void     _wm_sim_heap_push          (WmSimWorker          *w,
                                     Item                 *item);
void     _wm_sim_tl_begin           (WmSimWorker          *w,
                                     gint64                at,
                                     Token                *token,
                                     int                   flow,
                                     int                   version_number,
                                     const char           *step);
void     _wm_sim_tl_string          (WmSimWorker          *w,
                                     const char           *key,
                                     const char           *value);
void     _wm_sim_tl_end             (WmSimWorker          *w);
gboolean _wm_sim_truthy             (WmSimWorker          *w,
                                     const WmExpr         *expr,
                                     Token                *token,
                                     const WmProfileEvent *event,
                                     gboolean              no_entry,
                                     gint64                now);

/* wm-sim-journeys.c (journeys.md, Simulation) */
void     _wm_sim_journeys_start     (WmSimWorker          *w);
void     _wm_sim_journeys_finish    (WmSimWorker          *w);
void     _wm_sim_journeys_free      (WmSimWorker          *w);
void     _wm_sim_journeys_on_event  (WmSimWorker          *w,
                                     const WmProfileEvent *event,
                                     const char           *name);
void     _wm_sim_journeys_happen    (WmSimWorker          *w,
                                     const Happening      *h,
                                     gint64                t);
void     _wm_sim_journeys_retest    (WmSimWorker          *w,
                                     gint64                t);
gboolean _wm_sim_journeys_gate_closed (WmSimWorker        *w,
                                     const WmSimFlow      *sf);
void     _wm_sim_journey_begin      (WmSimWorker          *w,
                                     guint                 j,
                                     gint64                t);

G_END_DECLS
