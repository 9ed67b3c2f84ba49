/* wm-sim-program.h - flows compiled once for a simulation run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine never looks at JSON: every participating version is compiled
 * into arrays of elements whose ports are indices, whose expressions are
 * compiled, and whose counters have fixed offsets in one array of integers
 * per worker thread (see the counter layout below). The program is
 * immutable once built, so worker threads share it.
 */
#pragma once

#include "wm-catalog.h"
#include "wm-expr.h"
#include "wm-flow.h"
#include "wm-params.h"
#include "wm-validate.h"

G_BEGIN_DECLS

#define WM_SIM_ERROR (wm_sim_error_quark ())

typedef enum
{
  WM_SIM_ERROR_USAGE,     /* exit 2: bad inputs (duplicate flow id, unknown --try version...) */
  WM_SIM_ERROR_INVALID,   /* exit 1: validation errors of participating versions */
  WM_SIM_ERROR_STRICT,    /* exit 1: --strict and a rejected profile line */
  WM_SIM_ERROR_CANCELLED,
  WM_SIM_ERROR_IO,        /* exit 2: a file could not be read or written */
} WmSimError;

GQuark wm_sim_error_quark (void);

typedef enum
{
  WM_SIM_ENTRY_EVENT,
  WM_SIM_ENTRY_AUDIENCE,
  WM_SIM_ENTRY_INBOUND,
  WM_SIM_ENTRY_DATE,
  WM_SIM_SEND,
  WM_SIM_WAIT_DELAY,
  WM_SIM_WAIT_TIME,
  WM_SIM_WAIT_EVENT,
  WM_SIM_REACT,
  WM_SIM_BRANCH,
  WM_SIM_SPLIT,
  WM_SIM_SET_VARIABLE,
  WM_SIM_SET_ATTRIBUTE,
  WM_SIM_CALL_API,
  WM_SIM_ADD_TO_FLOW,
  WM_SIM_NOTIFY,
  WM_SIM_MILESTONE,
  WM_SIM_OUTCOME_START,
  WM_SIM_OUTCOME_SET,
  WM_SIM_EXIT,
} WmSimKind;

typedef enum
{
  WM_SIM_DELIVERED = 0,
  WM_SIM_OPENED = 1,
  WM_SIM_CLICKED = 2,
} WmSimReaction;

/* Counter fields of an element, then one per port (offset + WM_SIM_EF_N + p). */
enum
{
  WM_SIM_EF_ENGAGEMENTS,
  WM_SIM_EF_UNIQUE,
  WM_SIM_EF_SENDS,
  WM_SIM_EF_MESSAGES,
  WM_SIM_EF_NO_CONTACT,
  WM_SIM_EF_DELIVERED,
  WM_SIM_EF_OPENED,
  WM_SIM_EF_CLICKED,
  WM_SIM_EF_COST,
  WM_SIM_EF_NOTIFICATIONS,
  WM_SIM_EF_N
};

/* Overall fields, in the report's order. */
enum
{
  WM_SIM_OV_ENTRIES,
  WM_SIM_OV_PROFILES_IN_FLOW,
  WM_SIM_OV_EXITS,
  WM_SIM_OV_PROFILES_EXITED,
  WM_SIM_OV_STOPPED,
  WM_SIM_OV_IN_PROGRESS,
  WM_SIM_OV_ACTIVE_PROFILES,
  WM_SIM_OV_GOAL_CONVERSIONS,
  WM_SIM_OV_GOAL_PERFORMERS,
  WM_SIM_OV_GOAL_VALUE,
  WM_SIM_OV_SENDS,
  WM_SIM_OV_MESSAGES_SENT,
  WM_SIM_OV_NO_CONTACT,
  WM_SIM_OV_NOTIFICATIONS,
  WM_SIM_OV_TRAFFIC_COST,
  WM_SIM_OV_ERRORS,
  WM_SIM_OV_N
};

/* Rejection reasons, in the report's order but for `stage`, which exists
 * only in runs with journeys and is written after `inactive`. */
enum
{
  WM_SIM_REJECT_INACTIVE,
  WM_SIM_REJECT_INSIDE,
  WM_SIM_REJECT_NO_REENTRY,
  WM_SIM_REJECT_DELAY,
  WM_SIM_REJECT_LIMIT,
  WM_SIM_REJECT_STAGE,
  WM_SIM_REJECT_N
};

/* Journey counters, then stage counters (journeys.md, Simulation). */
enum
{
  WM_SIM_JF_BEGAN,
  WM_SIM_JF_COMPLETED,
  WM_SIM_JF_COMPLETION_SECONDS,
  WM_SIM_JF_N
};

enum
{
  WM_SIM_SF_TRIGGERED,
  WM_SIM_SF_BEGAN,
  WM_SIM_SF_COMPLETED,
  WM_SIM_SF_WAITING,
  WM_SIM_SF_ON_TRACK,
  WM_SIM_SF_BEHIND,
  WM_SIM_SF_STUCK,
  WM_SIM_SF_COMPLETED_ON_TIME,
  WM_SIM_SF_COMPLETED_LATE,
  WM_SIM_SF_COMPLETION_SECONDS,
  WM_SIM_SF_N                     /* then one counter per step */
};

typedef enum
{
  WM_SIM_STEP_MILESTONE,
  WM_SIM_STEP_OUTCOME,
  WM_SIM_STEP_EVENT,
  WM_SIM_STEP_FLOW,
  WM_SIM_STEP_TASK,
} WmSimStepKind;

typedef enum
{
  WM_SIM_BEGINS_JOURNEY,
  WM_SIM_BEGINS_AFTER,
  WM_SIM_BEGINS_MANUAL,
} WmSimBegins;

typedef struct
{
  const char   *id;
  WmSimStepKind kind;
  gboolean      required;
  const char   *name;         /* milestone, outcome or event name */
  const char   *flow;         /* milestone (optional) and flow steps: a flow id */
  gboolean      success;      /* outcome: the result that counts */
  gboolean      on_enter;     /* flow: enter instead of exit */
  WmExpr       *where;        /* event */
} WmSimStep;

typedef struct
{
  const char  *id;
  WmSimBegins  begins;
  guint        n_after;
  guint       *after;         /* stage indices */
  WmExpr      *entry;
  gboolean     manual_completion;
  guint        n_steps;
  WmSimStep   *steps;
  gint64       duration;
  gint64       behind;
  gint64       stuck;
  guint        counters;      /* WM_SIM_SF_N + n_steps */
} WmSimStage;

typedef struct
{
  const char  *id;
  const char  *name;
  const char  *begins_event;  /* NULL: at the run start */
  WmExpr      *begins_where;
  guint        n_stages;
  WmSimStage  *stages;
  guint        counters;      /* WM_SIM_JF_N */
} WmSimJourney;

/* Channel fields, in the report's order. */
enum
{
  WM_SIM_CF_SENDS,
  WM_SIM_CF_MESSAGES,
  WM_SIM_CF_NO_CONTACT,
  WM_SIM_CF_DELIVERED,
  WM_SIM_CF_OPENED,
  WM_SIM_CF_CLICKED,
  WM_SIM_CF_COST,
  WM_SIM_CF_N
};

/* Outcome fields. */
enum
{
  WM_SIM_OF_STARTED,
  WM_SIM_OF_SUCCESS,
  WM_SIM_OF_FAILURE,
  WM_SIM_OF_ABANDONED,
  WM_SIM_OF_SUCCESS_SECONDS,
  WM_SIM_OF_N
};

/* The counters of one "slot": a participating version, or `all`. */
typedef struct
{
  guint  overall;                 /* WM_SIM_OV_N counters */
  guint  rejections;              /* WM_SIM_REJECT_N */
  guint  channels;                /* WM_SIM_N_CHANNELS * WM_SIM_CF_N */
  guint  milestones;              /* 2 per milestone id of the flow: reached, profiles */
  guint  outcomes;                /* WM_SIM_OF_N per outcome id of the flow */
} WmSimSlot;

typedef struct
{
  const char  *id;
  WmSimKind    kind;
  const char  *type;               /* catalogue type name */
  guint        all_index;          /* index in the flow's `all` elements */
  guint        counters;           /* offset of this element's counters (version slot) */

  guint        n_ports;
  const char **port_names;
  int         *port_targets;       /* element index, or -1: unconnected (exit) */
  guint       *port_all;           /* index of the port in the `all` element's ports */

  /* Expressions: entry where, wait.event where, set.* value; branch whens. */
  WmExpr      *expr;
  WmExpr     **whens;
  guint        n_whens;
  double      *cumulative;         /* split.percent: running weight sums */
  double       total_weight;

  /* Sends and notifications. */
  WmSimChannel channel;
  const char  *contact;            /* "phone", "email", "push_token" */
  WmExpr      *sms_text;           /* send.sms text (the only template that changes numbers) */
  gboolean     has_window;
  int          window_from;
  int          window_to;
  guint        window_days;
  gboolean     window_zone_flow;

  /* Waits. */
  gint64       duration;           /* wait.delay, wait.event timeout, react timeout */
  int          at_minute;          /* wait.time, entry.date */
  guint        days;
  gboolean     zone_flow;

  /* Names: event (entry.event, wait.event), attribute (set.attribute, entry.date),
   * inbound number and keyword, milestone and outcome ids. */
  const char  *event;
  const char  *attribute;
  const char  *number;
  const char  *keyword;
  int          offset_days;

  int          react_element;      /* react.message: the send element's index */
  WmSimReaction reaction;

  int          variable;           /* set.variable: index in the version's variables */
  guint        n_assign;           /* wait.event assign */
  int         *assign_vars;
  const char **assign_props;

  int          target_flow;        /* add.to.flow */
  guint        n_transfer;
  const char **transfer_names;
  int         *transfer_vars;

  int          milestone;          /* index of the milestone id in the flow */
  int          outcome;            /* index of the outcome id in the flow */
  gboolean     success;            /* outcome.set result */
} WmSimElement;

typedef struct
{
  const char *name;
  WmValue     initial;
} WmSimVariable;

typedef struct
{
  guint          number;
  gint64         accept_from;      /* A */
  gint64         accept_until;     /* B (G_MAXINT64: none) */
  gboolean       has_stop;
  gint64         stopped_at;

  gboolean       reentry;
  gint64         reentry_delay;
  guint          n_limits;
  guint         *limit_counts;
  gint64        *limit_periods;

  const char    *goal_event;       /* NULL: no goal */
  const char    *goal_value;       /* event property to sum, or NULL */
  gint64         goal_window;

  guint          n_variables;
  WmSimVariable *variables;

  guint          n_elements;
  WmSimElement  *elements;
  int            entry;            /* index of the entry element */

  WmSimSlot      slot;
  gboolean       channel_used[WM_SIM_N_CHANNELS];
  gboolean      *milestone_used;   /* per milestone id of the flow */
  gboolean      *outcome_used;
} WmSimVersion;

typedef struct
{
  const char  *id;
  const char  *type;               /* of the latest participating version that has it */
  gboolean     is_send;            /* a send.* in any version */
  gboolean     is_notify;
  guint        n_ports;
  const char **port_names;         /* the union, in the report's order */
  guint        counters;           /* offset in the `all` slot */
} WmSimAllElement;

typedef struct
{
  const char      *id;
  const char      *name;
  WmFlow          *flow;
  GTimeZone       *zone;

  guint            n_versions;     /* participating versions, in number order */
  WmSimVersion    *versions;

  guint            n_all;          /* `all` elements, sorted by id */
  WmSimAllElement *all;
  WmSimSlot        all_slot;
  gboolean         all_channel_used[WM_SIM_N_CHANNELS];

  guint            n_milestones;   /* ids referred to by any participating version, sorted */
  const char     **milestones;
  guint            n_outcomes;
  const char     **outcomes;
  gboolean        *all_milestone_used;
  gboolean        *all_outcome_used;

  /* The stages that list this flow (entries are gated by them). */
  guint            n_gates;
  guint           *gate_journeys;
  guint           *gate_stages;
} WmSimFlow;

typedef struct
{
  GPtrArray  *flows;       /* WmFlow* of the run */
  WmCatalog  *catalog;     /* NULL: no catalog */
  WmParams    params;
  gint64      start;
  gint64      end;
  guint64     seed;
  GHashTable *tries;       /* flow id -> GUINT_TO_POINTER (version) */
  GPtrArray  *journeys;    /* WmJourney* of the run, or NULL */
} WmSimInputs;

typedef struct _WmSimProgram WmSimProgram;

struct _WmSimProgram
{
  gint64      start;
  gint64      end;
  guint64     seed;
  WmParams    params;

  guint       n_flows;     /* sorted by id, byte-wise */
  WmSimFlow  *flows;

  guint         n_journeys;  /* sorted by id, byte-wise */
  WmSimJourney *journeys;

  guint       n_counters;  /* size of a worker's counter array */

  /* Every event name the run reacts to, interned: the engine compares an
   * event's name by pointer and skips events no flow or journey names. */
  GHashTable *event_names;
  /* The same names by FNV-1a of their bytes (open addressing, at most half
   * full): wm_sim_program_event_name, the engine's lookup per event. */
  const char **event_slots;
  guint        event_mask;
  guint        n_event_slots;

  /* private */
  GPtrArray  *keep;        /* WmFlow references and compiled expressions */
  GStringChunk *strings;
};

/* Compiles @inputs. A flow-level error, an error of a participating (or
 * tried) version, or a journey error fails with WM_SIM_ERROR_INVALID and the
 * diagnostics in *@diagnostics, each with the WmFlow or WmJourney it is
 * about at the same index of *@diagnostic_sources; bad usage fails with
 * WM_SIM_ERROR_USAGE. */
WmSimProgram *wm_sim_program_new   (const WmSimInputs *inputs,
                                    GPtrArray        **diagnostics,
                                    GPtrArray        **diagnostic_sources,
                                    GError           **error);
void          wm_sim_program_free  (WmSimProgram      *program);

/* The interned event name equal to the @len bytes at @name, or NULL when
 * the run does not react to it. */
const char   *wm_sim_program_event_name (const WmSimProgram *program,
                                         const char         *name,
                                         gsize               len);

/* The index of flow @id, or -1. */
int           wm_sim_program_find_flow (const WmSimProgram *program,
                                        const char         *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSimProgram, wm_sim_program_free)

G_END_DECLS
