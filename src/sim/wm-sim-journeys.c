/* wm-sim-journeys.c - journeys in a run (journeys.md, Simulation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Called for every event, milestone, outcome, entry and exit of a run with
 * journeys, so it is kept cheap (issue #9: at most 1.3x the run without
 * them): the state is allocated once per worker and reset per profile, the
 * names compare as interned pointers (the program interns every id and
 * event name in one string chunk), and a profile with no active (or no
 * waiting) stage skips the step matching (or the entry re-tests) at once.
 */

#include "config.h"

#include <string.h>

#include "wm-sim-engine-private.h"

/* ---- journeys (journeys.md, Simulation) ----
 *
 * Everything happens at the instant of what caused it, before the next
 * thing at that instant; journeys in id order, stages in document order. */

static void
tl_journey (WmSimWorker  *w,
            gint64        t,
            const char   *step,
            const WmSimJourney *sj,
            const char   *stage,
            const char   *key,
            const char   *value)
{
  if (w->tl == NULL)
    return;
  _wm_sim_tl_begin (w, t, NULL, -1, 0, step);
  _wm_sim_tl_string (w, "journey", sj->id);
  if (stage != NULL)
    _wm_sim_tl_string (w, "stage", stage);
  _wm_sim_tl_string (w, key, value);
  _wm_sim_tl_end (w);
}

static void stage_complete (WmSimWorker *w, guint j, guint s, gint64 t);

/* Moves a stage to @state, keeping the profile's counts of active and
 * waiting stages that the early outs test. */
static inline void
stage_set_state (WmSimWorker *w,
                 StageState  *st,
                 int          state)
{
  if (st->state == STAGE_ACTIVE)
    w->stages_active--;
  else if (st->state == STAGE_WAITING)
    w->stages_waiting--;
  st->state = state;
  if (state == STAGE_ACTIVE)
    w->stages_active++;
  else if (state == STAGE_WAITING)
    w->stages_waiting++;
}

static void
stage_begin (WmSimWorker *w,
             guint        j,
             guint        s,
             gint64       t)
{
  const WmSimStage *ss = &w->program->journeys[j].stages[s];
  StageState *st = &w->journeys[j].stages[s];
  gboolean all = TRUE;

  stage_set_state (w, st, STAGE_ACTIVE);
  st->began_at = t;
  /* What happened before does not count. */
  memset (st->done, 0, sizeof (gboolean) * ss->n_steps);
  st->pending = 0;
  w->counters[ss->counters + WM_SIM_SF_BEGAN]++;
  tl_journey (w, t, "stage", &w->program->journeys[j], ss->id, "result", "began");

  for (guint k = 0; k < ss->n_steps; k++)
    {
      st->pending |= 1u << ss->steps[k].kind;
      if (ss->steps[k].required)
        all = FALSE;
    }
  if (!ss->manual_completion && all)
    stage_complete (w, j, s, t);
}

static gboolean
stage_entry_holds (WmSimWorker      *w,
                   const WmSimStage *ss,
                   gint64            t)
{
  return _wm_sim_truthy (w, ss->entry, NULL, NULL, TRUE, t);
}

static void
stage_trigger (WmSimWorker *w,
               guint        j,
               guint        s,
               gint64       t)
{
  const WmSimStage *ss = &w->program->journeys[j].stages[s];

  stage_set_state (w, &w->journeys[j].stages[s], STAGE_WAITING);
  w->counters[ss->counters + WM_SIM_SF_TRIGGERED]++;
  tl_journey (w, t, "stage", &w->program->journeys[j], ss->id, "result", "triggered");
  if (stage_entry_holds (w, ss, t))
    stage_begin (w, j, s, t);
}

static void
stage_complete (WmSimWorker *w,
                guint        j,
                guint        s,
                gint64       t)
{
  const WmSimJourney *sj = &w->program->journeys[j];
  const WmSimStage *ss = &sj->stages[s];
  JourneyState *js = &w->journeys[j];
  StageState *st = &js->stages[s];
  gboolean all_done = TRUE;

  stage_set_state (w, st, STAGE_COMPLETED);
  w->counters[ss->counters + WM_SIM_SF_COMPLETED]++;
  w->counters[ss->counters + (t - st->began_at <= ss->duration ? WM_SIM_SF_COMPLETED_ON_TIME
                                                                : WM_SIM_SF_COMPLETED_LATE)]++;
  w->counters[ss->counters + WM_SIM_SF_COMPLETION_SECONDS] += t - st->began_at;
  tl_journey (w, t, "stage", sj, ss->id, "result", "completed");

  /* Every `after` stage whose listed stages have all completed is triggered. */
  for (guint k = 0; k < sj->n_stages; k++)
    {
      const WmSimStage *next = &sj->stages[k];
      gboolean ready = next->begins == WM_SIM_BEGINS_AFTER && js->stages[k].state == STAGE_IDLE;

      for (guint a = 0; ready && a < next->n_after; a++)
        if (js->stages[next->after[a]].state != STAGE_COMPLETED)
          ready = FALSE;
      if (ready)
        stage_trigger (w, j, k, t);
    }

  for (guint k = 0; k < sj->n_stages; k++)
    if (js->stages[k].state != STAGE_COMPLETED)
      all_done = FALSE;
  if (all_done && js->state == JOURNEY_BEGUN)
    {
      js->state = JOURNEY_COMPLETED;
      w->counters[sj->counters + WM_SIM_JF_COMPLETED]++;
      w->counters[sj->counters + WM_SIM_JF_COMPLETION_SECONDS] += t - js->began_at;
      tl_journey (w, t, "journey", sj, NULL, "result", "completed");
    }
}

void
_wm_sim_journey_begin (WmSimWorker *w,
               guint        j,
               gint64       t)
{
  const WmSimJourney *sj = &w->program->journeys[j];

  w->journeys[j].state = JOURNEY_BEGUN;
  w->journeys[j].began_at = t;
  w->counters[sj->counters + WM_SIM_JF_BEGAN]++;
  tl_journey (w, t, "journey", sj, NULL, "result", "began");
  for (guint s = 0; s < sj->n_stages; s++)
    if (sj->stages[s].begins == WM_SIM_BEGINS_JOURNEY && w->journeys[j].stages[s].state == STAGE_IDLE)
      stage_trigger (w, j, s, t);
}

/* Marks one step done: its line, its count. */
static void
step_done (WmSimWorker *w,
           guint        j,
           guint        s,
           guint        k,
           gint64       t)
{
  const WmSimStage *ss = &w->program->journeys[j].stages[s];
  StageState *st = &w->journeys[j].stages[s];
  WmSimStepKind kind = ss->steps[k].kind;

  st->done[k] = TRUE;
  st->pending &= ~(1u << kind);
  for (guint i = 0; i < ss->n_steps; i++)
    if (!st->done[i] && ss->steps[i].kind == kind)
      st->pending |= 1u << kind;
  w->counters[ss->counters + WM_SIM_SF_N + k]++;
  tl_journey (w, t, "stage-step", &w->program->journeys[j], ss->id, "id", ss->steps[k].id);
}

/* A `steps` stage whose required steps are all done completes. */
static void
journeys_settle (WmSimWorker *w,
                 gint64       t)
{
  for (guint j = 0; j < w->program->n_journeys; j++)
    {
      const WmSimJourney *sj = &w->program->journeys[j];

      for (guint s = 0; s < sj->n_stages; s++)
        {
          const WmSimStage *ss = &sj->stages[s];
          StageState *st = &w->journeys[j].stages[s];
          gboolean all = TRUE;

          if (st->state != STAGE_ACTIVE || ss->manual_completion)
            continue;
          for (guint k = 0; k < ss->n_steps; k++)
            if (ss->steps[k].required && !st->done[k])
              all = FALSE;
          if (all)
            stage_complete (w, j, s, t);
        }
    }
}


/* Names and flow ids are interned in the program (an event's name is
 * passed interned too), so equal strings are equal pointers. */
static gboolean
step_matches (WmSimWorker     *w,
              const WmSimStep *step,
              const Happening *h)
{
  if (step->kind != h->kind)
    return FALSE;
  switch (step->kind)
    {
    case WM_SIM_STEP_MILESTONE:
      return step->name == h->name && (step->flow == NULL || step->flow == h->flow);
    case WM_SIM_STEP_OUTCOME:
      return step->name == h->name && step->success == h->flag;
    case WM_SIM_STEP_EVENT:
      return step->name == h->name && _wm_sim_truthy (w, step->where, NULL, h->event, TRUE, h->event->at);
    case WM_SIM_STEP_FLOW:
      return step->flow == h->flow && step->on_enter == h->flag;
    case WM_SIM_STEP_TASK:
    default:
      return FALSE;
    }
}

/* Marks the matching steps of every active stage, then completes what is
 * complete: its stage-step lines first, then the stage and journey lines. */
void
_wm_sim_journeys_happen (WmSimWorker     *w,
                 const Happening *h,
                 gint64           t)
{
  gboolean any = FALSE;

  if (w->stages_active == 0)
    return;
  for (guint j = 0; j < w->program->n_journeys; j++)
    {
      const WmSimJourney *sj = &w->program->journeys[j];

      for (guint s = 0; s < sj->n_stages; s++)
        {
          const WmSimStage *ss = &sj->stages[s];
          StageState *st = &w->journeys[j].stages[s];

          /* Most happenings concern no step of most stages. */
          if (st->state != STAGE_ACTIVE || !(st->pending & (1u << h->kind)))
            continue;
          for (guint k = 0; k < ss->n_steps; k++)
            if (!st->done[k] && step_matches (w, &ss->steps[k], h))
              {
                step_done (w, j, s, k, t);
                any = TRUE;
              }
        }
    }
  if (any)
    journeys_settle (w, t);
}

void
_wm_sim_journeys_retest (WmSimWorker *w,
                 gint64       t)
{
  if (w->stages_waiting == 0)
    return;
  for (guint j = 0; j < w->program->n_journeys; j++)
    for (guint s = 0; s < w->program->journeys[j].n_stages; s++)
      if (w->journeys[j].stages[s].state == STAGE_WAITING
          && stage_entry_holds (w, &w->program->journeys[j].stages[s], t))
        stage_begin (w, j, s, t);
}

static const char *
event_string (WmSimWorker          *w,
              const WmProfileEvent *event,
              const char           *property)
{
  const char *keys[] = { property };
  WmValue value;

  if (!wm_profile_event_lookup (w->profile, event, keys, 1, &value) || value.type != WM_VALUE_STRING)
    return NULL;
  return value.as.string.str;
}

static gboolean
find_stage (WmSimWorker          *w,
            const WmProfileEvent *event,
            guint                *j,
            guint                *s)
{
  const char *journey = event_string (w, event, "journey");
  const char *stage = event_string (w, event, "stage");

  if (journey == NULL || stage == NULL)
    return FALSE;
  for (*j = 0; *j < w->program->n_journeys; (*j)++)
    if (strcmp (w->program->journeys[*j].id, journey) == 0)
      {
        if (w->journeys[*j].state == JOURNEY_IDLE)
          return FALSE;
        for (*s = 0; *s < w->program->journeys[*j].n_stages; (*s)++)
          if (strcmp (w->program->journeys[*j].stages[*s].id, stage) == 0)
            return TRUE;
        return FALSE;
      }
  return FALSE;
}

/* Step 0 of an event's dispatch; @name is the event's name as the program
 * interned it. */
void
_wm_sim_journeys_on_event (WmSimWorker          *w,
                   const WmProfileEvent *event,
                   const char           *name)
{
  gint64 t = event->at;
  guint j, s;
  Happening h = { WM_SIM_STEP_EVENT, name, NULL, FALSE, event };

  /* Journeys waiting for this event begin. */
  for (j = 0; j < w->program->n_journeys; j++)
    {
      const WmSimJourney *sj = &w->program->journeys[j];

      if (w->journeys[j].state == JOURNEY_IDLE && sj->begins_event == name
          && _wm_sim_truthy (w, sj->begins_where, NULL, event, TRUE, t))
        _wm_sim_journey_begin (w, j, t);
    }

  /* Manual actions; ignored unless the stage is in the state they need. */
  if (name == w->journey_actions[0])
    {
      if (find_stage (w, event, &j, &s) && w->journeys[j].stages[s].state == STAGE_IDLE
          && w->program->journeys[j].stages[s].begins == WM_SIM_BEGINS_MANUAL)
        stage_trigger (w, j, s, t);
    }
  else if (name == w->journey_actions[1])
    {
      if (find_stage (w, event, &j, &s) && w->journeys[j].stages[s].state == STAGE_ACTIVE)
        stage_complete (w, j, s, t);
    }
  else if (name == w->journey_actions[2])
    {
      const char *step = event_string (w, event, "step");

      if (step != NULL && find_stage (w, event, &j, &s) && w->journeys[j].stages[s].state == STAGE_ACTIVE)
        {
          const WmSimStage *ss = &w->program->journeys[j].stages[s];

          for (guint k = 0; k < ss->n_steps; k++)
            if (ss->steps[k].kind == WM_SIM_STEP_TASK && strcmp (ss->steps[k].id, step) == 0
                && !w->journeys[j].stages[s].done[k])
              {
                step_done (w, j, s, k, t);
                journeys_settle (w, t);
                break;
              }
        }
    }

  /* Event steps, of stages begun earlier in this step too; then waiting
   * stages are tested again. */
  _wm_sim_journeys_happen (w, &h, t);
  _wm_sim_journeys_retest (w, t);
}

/* The flow is gated when a stage lists it: an entry needs one of those
 * stages active. */
gboolean
_wm_sim_journeys_gate_closed (WmSimWorker     *w,
                      const WmSimFlow *sf)
{
  for (guint g = 0; g < sf->n_gates; g++)
    if (w->journeys[sf->gate_journeys[g]].stages[sf->gate_stages[g]].state == STAGE_ACTIVE)
      return FALSE;
  return sf->n_gates > 0;
}

/* The worker's journey state in one block, made at its first profile:
 * JourneyState per journey, StageState per stage, a done flag per step. */
static void
journeys_alloc (WmSimWorker *w)
{
  const WmSimProgram *program = w->program;
  guint n_stages = 0, n_steps = 0;
  StageState *stages;
  gboolean *done;

  for (guint j = 0; j < program->n_journeys; j++)
    for (guint s = 0; s < program->journeys[j].n_stages; s++, n_stages++)
      n_steps += program->journeys[j].stages[s].n_steps;
  /* Both structs hold a gint64, so the arrays after the first stay aligned. */
  w->journeys = g_malloc0 (sizeof (JourneyState) * program->n_journeys + sizeof (StageState) * n_stages
                           + sizeof (gboolean) * MAX (n_steps, 1));
  stages = (StageState *) (w->journeys + program->n_journeys);
  done = (gboolean *) (stages + n_stages);
  for (guint j = 0; j < program->n_journeys; j++)
    {
      w->journeys[j].stages = stages;
      for (guint s = 0; s < program->journeys[j].n_stages; s++)
        {
          stages[s].done = done;
          done += program->journeys[j].stages[s].n_steps;
        }
      stages += program->journeys[j].n_stages;
    }
  w->journey_actions[0] = g_hash_table_lookup (program->event_names, "journey.begin");
  w->journey_actions[1] = g_hash_table_lookup (program->event_names, "journey.complete");
  w->journey_actions[2] = g_hash_table_lookup (program->event_names, "journey.task");
}

void
_wm_sim_journeys_start (WmSimWorker *w)
{
  const WmSimProgram *program = w->program;

  if (program->n_journeys == 0)
    return;
  if (w->journeys == NULL)
    journeys_alloc (w);
  /* A stage's done flags are cleared when it begins. */
  for (guint j = 0; j < program->n_journeys; j++)
    {
      w->journeys[j].state = JOURNEY_IDLE;
      w->journeys[j].began_at = 0;
      for (guint s = 0; s < program->journeys[j].n_stages; s++)
        {
          w->journeys[j].stages[s].state = STAGE_IDLE;
          w->journeys[j].stages[s].began_at = 0;
        }
      /* Begins without an event: class -2 items at the run start. */
      if (program->journeys[j].begins_event == NULL)
        {
          Item item = { program->start, -2, w->seq++, ITEM_JOURNEY, j, 0, 0, 0, NULL };
          _wm_sim_heap_push (w, &item);
        }
    }
  w->stages_active = 0;
  w->stages_waiting = 0;
}

void
_wm_sim_journeys_finish (WmSimWorker *w)
{
  const WmSimProgram *program = w->program;

  for (guint j = 0; j < program->n_journeys; j++)
    {
      for (guint s = 0; s < program->journeys[j].n_stages; s++)
        {
          const WmSimStage *ss = &program->journeys[j].stages[s];
          StageState *st = &w->journeys[j].stages[s];

          if (st->state == STAGE_WAITING)
            w->counters[ss->counters + WM_SIM_SF_WAITING]++;
          else if (st->state == STAGE_ACTIVE)
            {
              gint64 d = program->end - st->began_at;

              w->counters[ss->counters + (d <= ss->behind ? WM_SIM_SF_ON_TRACK
                                          : d <= ss->stuck ? WM_SIM_SF_BEHIND : WM_SIM_SF_STUCK)]++;
            }
        }
    }
}

void
_wm_sim_journeys_free (WmSimWorker *w)
{
  g_clear_pointer (&w->journeys, g_free);
}

