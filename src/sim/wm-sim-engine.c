/* wm-sim-engine.c - one worker's simulation of profiles, start to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Processing: each profile has an agenda of items ordered by
 * (time, class, seq): stop removals (class -1), its events (class 0) and
 * everything else (class 1: scheduled entries first, then timers and
 * add.to.flow attempts as they are created). A token runs on at one instant
 * until it has to wait or exits; a departure at a later instant becomes a
 * timer. A profile has at most one token per flow (an attempt while inside
 * is rejected), which keeps the state small.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-draw.h"
#include "wm-json.h"
#include "wm-money.h"
#include "wm-sim-engine-private.h"
#include "wm-sms.h"
#include "wm-time.h"

#define MAX_VISITS_AT_ONE_INSTANT 10000
#define MILESTONES_KEPT 100
#define PATH_MILESTONES_KEPT 20

/* ---- the agenda ---- */

static gboolean
item_before (const Item *a,
             const Item *b)
{
  if (a->time != b->time)
    return a->time < b->time;
  if (a->klass != b->klass)
    return a->klass < b->klass;
  return a->seq < b->seq;
}

/* The agenda is a binary heap of Items in an array of the worker's own;
 * (time, klass, seq) is unique, so the order items come out in does not
 * depend on how the heap moves them. Sifting moves a hole, not swaps. */
void
_wm_sim_heap_push (WmSimWorker *w,
                   Item        *item)
{
  Item *items;
  guint i;

  if (w->heap_len == w->heap_cap)
    {
      w->heap_cap = MAX (32, w->heap_cap * 2);
      w->heap = g_renew (Item, w->heap, w->heap_cap);
    }
  items = w->heap;
  for (i = w->heap_len++; i > 0;)
    {
      guint parent = (i - 1) / 2;

      if (!item_before (item, &items[parent]))
        break;
      items[i] = items[parent];
      i = parent;
    }
  items[i] = *item;
}

static void
heap_pop (WmSimWorker *w,
          Item        *out)
{
  Item *items = w->heap;
  guint n = --w->heap_len, i = 0;
  Item last = items[n];

  *out = items[0];
  if (n == 0)
    return;
  for (;;)
    {
      guint m = 2 * i + 1;

      if (m >= n)
        break;
      if (m + 1 < n && item_before (&items[m + 1], &items[m]))
        m++;
      if (!item_before (&items[m], &last))
        break;
      items[i] = items[m];
      i = m;
    }
  items[i] = last;
}

/* The profile's events are sorted already (time, then file order) and are
 * the only items of class 0: they are merged with the heap as they come
 * instead of going through it, in the very order the heap would give. */
static gboolean
agenda_next (WmSimWorker *w,
             Item        *out)
{
  if (w->next_event < w->end_event)
    {
      const WmProfileEvent *event = &w->events_list[w->next_event];
      Item ev = { event->at, 0, w->next_event, ITEM_EVENT, w->next_event, 0, 0, 0, NULL };

      if (w->heap_len == 0 || item_before (&ev, &w->heap[0]))
        {
          *out = ev;
          w->next_event++;
          return TRUE;
        }
    }
  if (w->heap_len == 0)
    return FALSE;
  heap_pop (w, out);
  return TRUE;
}

static void
schedule (WmSimWorker *w,
          gint64       time,
          int          kind,
          guint        a,
          guint        b,
          guint        port,
          Token       *token,
          gpointer     p)
{
  Item item = { time, 1, w->seq++, kind, a, b, port, token != NULL ? token->gen : 0, p };

  if (token != NULL)
    item.p = token;
  _wm_sim_heap_push (w, &item);
}

/* ---- counters ---- */

static inline void
mark (WmSimWorker *w,
      guint        offset)
{
  if (!w->marks[offset])
    {
      w->marks[offset] = 1;
      g_array_append_val (w->marked, offset);
    }
}

static inline const WmSimFlow *
flow_of (WmSimWorker *w,
         Token       *token)
{
  return &w->program->flows[token->flow];
}

static inline const WmSimVersion *
version_of (WmSimWorker *w,
            Token       *token)
{
  return &w->program->flows[token->flow].versions[token->version];
}

static inline const WmSimElement *
element_of (WmSimWorker *w,
            Token       *token,
            int          index)
{
  return &version_of (w, token)->elements[index];
}

static inline void
count_overall (WmSimWorker *w,
               guint        f,
               guint        v,
               guint        field,
               gint64       n)
{
  const WmSimFlow *sf = &w->program->flows[f];

  w->counters[sf->versions[v].slot.overall + field] += n;
  w->counters[sf->all_slot.overall + field] += n;
}

static inline void
mark_overall (WmSimWorker *w,
              guint        f,
              guint        v,
              guint        field)
{
  const WmSimFlow *sf = &w->program->flows[f];

  mark (w, sf->versions[v].slot.overall + field);
  mark (w, sf->all_slot.overall + field);
}

static inline void
count_element (WmSimWorker        *w,
               Token              *token,
               const WmSimElement *se,
               guint               field,
               gint64              n)
{
  w->counters[se->counters + field] += n;
  w->counters[flow_of (w, token)->all[se->all_index].counters + field] += n;
}

static inline void
count_channel (WmSimWorker *w,
               Token       *token,
               guint        channel,
               guint        field,
               gint64       n)
{
  w->counters[version_of (w, token)->slot.channels + channel * WM_SIM_CF_N + field] += n;
  w->counters[flow_of (w, token)->all_slot.channels + channel * WM_SIM_CF_N + field] += n;
}

static inline void
count_outcome (WmSimWorker *w,
               Token       *token,
               int          outcome,
               guint        field,
               gint64       n)
{
  w->counters[version_of (w, token)->slot.outcomes + WM_SIM_OF_N * outcome + field] += n;
  w->counters[flow_of (w, token)->all_slot.outcomes + WM_SIM_OF_N * outcome + field] += n;
}

/* ---- the timeline ---- */

void
_wm_sim_tl_begin (WmSimWorker *w,
          gint64       at,
          Token       *token,
          int          flow,
          int          version_number,
          const char  *step)
{
  char buf[32];

  g_string_append (w->tl, "{\"profile\":");
  g_string_append (w->tl, w->tl_profile);
  g_string_append (w->tl, ",\"at\":\"");
  g_string_append (w->tl, wm_timestamp_format (at, buf));
  g_string_append (w->tl, "\",\"flow\":");
  if (token != NULL)
    flow = token->flow;
  if (flow >= 0)
    wm_json_append_string (w->tl, w->program->flows[flow].id);
  else
    g_string_append (w->tl, "null");
  g_string_append (w->tl, ",\"version\":");
  if (token != NULL)
    version_number = version_of (w, token)->number;
  if (version_number > 0)
    g_string_append_printf (w->tl, "%d", version_number);
  else
    g_string_append (w->tl, "null");
  g_string_append (w->tl, ",\"entry\":");
  if (token != NULL)
    g_string_append_printf (w->tl, "%u", token->entry);
  else
    g_string_append (w->tl, "null");
  g_string_append (w->tl, ",\"step\":\"");
  g_string_append (w->tl, step);
  g_string_append_c (w->tl, '"');
}

void
_wm_sim_tl_string (WmSimWorker *w,
           const char  *key,
           const char  *value)
{
  g_string_append_printf (w->tl, ",\"%s\":", key);
  if (value != NULL)
    wm_json_append_string (w->tl, value);
  else
    g_string_append (w->tl, "null");
}

static void
tl_money (WmSimWorker *w,
          const char  *key,
          gint64       micro)
{
  g_string_append_printf (w->tl, ",\"%s\":", key);
  wm_money_append (w->tl, micro);
}

void
_wm_sim_tl_end (WmSimWorker *w)
{
  g_string_append (w->tl, "}\n");
}

/* ---- expressions ---- */

typedef struct
{
  WmSimWorker          *w;
  Token                *token;
  const WmProfileEvent *event;
  gboolean              no_entry;   /* an entry's where: var.* and flow.* are null */
} Eval;

static void
resolve (gpointer          user_data,
         const WmExprPath *path,
         WmValue          *out)
{
  Eval *e = user_data;

  *out = wm_value_null ();
  switch (path->root)
    {
    case WM_EXPR_ROOT_PROFILE:
      if (path->n_keys == 1 && strcmp (path->keys[0], "id") == 0)
        *out = wm_value_string (e->w->profile_id, e->w->profile_id_len);
      else
        wm_profile_lookup (e->w->profile, path->keys, path->n_keys, out);
      break;
    case WM_EXPR_ROOT_EVENT:
      if (e->event != NULL)
        wm_profile_event_lookup (e->w->profile, e->event, path->keys, path->n_keys, out);
      break;
    case WM_EXPR_ROOT_VAR:
      if (!e->no_entry && e->token != NULL && path->n_keys == 1 && path->slot >= 0)
        *out = e->token->vars[path->slot];
      break;
    case WM_EXPR_ROOT_FLOW:
      if (e->no_entry || e->token == NULL || path->n_keys != 1)
        break;
      if (strcmp (path->keys[0], "entered_at") == 0)
        *out = wm_value_datetime (e->token->entered_at);
      else if (strcmp (path->keys[0], "entry") == 0)
        *out = wm_value_number (e->token->entry);
      break;
    default:
      break;
    }
}

static WmValue
evaluate (WmSimWorker          *w,
          const WmExpr         *expr,
          Token                *token,
          const WmProfileEvent *event,
          gboolean              no_entry,
          gint64                now)
{
  Eval e = { w, token, event, no_entry };
  WmExprContext ctx = { resolve, &e, now, w->arena };

  return wm_expr_eval (expr, &ctx);
}

gboolean
_wm_sim_truthy (WmSimWorker          *w,
        const WmExpr         *expr,
        Token                *token,
        const WmProfileEvent *event,
        gboolean              no_entry,
        gint64                now)
{
  WmValue value;
  gboolean result;

  if (expr == NULL)
    return TRUE;
  value = evaluate (w, expr, token, event, no_entry, now);
  result = wm_value_truthy (&value);
  wm_expr_arena_reset (w->arena);
  return result;
}

/* A value that must outlive the evaluation arena (a variable). */
static WmValue
keep_value (WmSimWorker *w,
            WmValue      value)
{
  if (value.type == WM_VALUE_STRING)
    {
      char *copy = wm_expr_arena_alloc (w->keep, value.as.string.len + 1);

      memcpy (copy, value.as.string.str, value.as.string.len);
      copy[value.as.string.len] = '\0';
      value.as.string.str = copy;
    }
  return value;
}

/* ---- profile attributes ---- */

static gboolean
attribute_string (WmSimWorker *w,
                  const char  *name,
                  WmValue     *out)
{
  const char *keys[] = { name };

  return wm_profile_lookup (w->profile, keys, 1, out) && out->type == WM_VALUE_STRING;
}

static const char * const contacts[] = { "phone", "email", "push_token" };
static const char * const rate_names[] = { "sim_delivery", "sim_open", "sim_click" };

/* simulation.md: attributes are read when they are used, so a set.attribute
 * of phone, timezone or sim_open affects later sends; between two
 * set.attribute they cannot change, so they are read once. */
static void
fill_cache (WmSimWorker *w)
{
  /* Every attribute the cache holds, read in one pass. */
  static const char * const names[] = { "timezone", "phone", "email", "push_token",
                                        "sim_delivery", "sim_open", "sim_click" };
  WmValue values[G_N_ELEMENTS (names)];
  gboolean found[G_N_ELEMENTS (names)];

  wm_profile_lookup_attributes (w->profile, names, G_N_ELEMENTS (names), values, found);

  w->cache_zone = NULL;
  if (found[0] && values[0].type == WM_VALUE_STRING)
    w->cache_zone = wm_zone_get (values[0].as.string.str);

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      const WmValue *value = &values[1 + i];
      gboolean valid = FALSE;

      if (found[1 + i] && value->type == WM_VALUE_STRING)
        {
          if (i == 0)
            valid = wm_contact_phone_is_valid (value->as.string.str, value->as.string.len);
          else if (i == 1)
            valid = wm_contact_email_is_valid (value->as.string.str, value->as.string.len);
          else
            valid = value->as.string.len > 0;
        }
      w->cache_contact[i] = valid;
    }

  /* sim_delivery, sim_open, sim_click: a JSON number in 0..1 replaces the
   * channel's rate for this profile; anything else is ignored. */
  for (guint i = 0; i < G_N_ELEMENTS (rate_names); i++)
    {
      const WmValue *value = &values[4 + i];

      w->cache_rate[i] = -1;
      if (found[4 + i] && value->type == WM_VALUE_NUMBER
          && value->as.number >= 0 && value->as.number <= 1)
        w->cache_rate[i] = value->as.number;
    }
  w->cache_valid = TRUE;
}

static GTimeZone *
profile_zone (WmSimWorker     *w,
              const WmSimFlow *sf)
{
  if (!w->cache_valid)
    fill_cache (w);
  return w->cache_zone != NULL ? w->cache_zone : sf->zone;
}

static gboolean
contact_valid (WmSimWorker *w,
               const char  *contact)
{
  if (!w->cache_valid)
    fill_cache (w);
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    if (strcmp (contact, contacts[i]) == 0)
      return w->cache_contact[i];
  return FALSE;
}

static double
rate (WmSimWorker *w,
      guint        which,
      double       fallback)
{
  if (!w->cache_valid)
    fill_cache (w);
  return w->cache_rate[which] >= 0 ? w->cache_rate[which] : fallback;
}

/* ---- entries ---- */

static int
accepting_version (const WmSimFlow *sf,
                   gint64           t)
{
  for (guint v = 0; v < sf->n_versions; v++)
    if (sf->versions[v].accept_from <= t && t < sf->versions[v].accept_until)
      return v;
  return -1;
}

static void run_token (WmSimWorker *w, Token *token, int element, gint64 t);

static const char * const reject_names[] = { "inactive", "inside", "no-reentry", "delay", "limit", "stage" };

static void
reject (WmSimWorker *w,
        guint        f,
        int          v,
        int          reason,
        gint64       t)
{
  const WmSimFlow *sf = &w->program->flows[f];

  if (v >= 0)
    w->counters[sf->versions[v].slot.rejections + reason]++;
  w->counters[sf->all_slot.rejections + reason]++;
  if (w->tl != NULL)
    {
      _wm_sim_tl_begin (w, t, NULL, f, v >= 0 ? (int) sf->versions[v].number : 0, "rejected");
      _wm_sim_tl_string (w, "reason", reject_names[reason]);
      _wm_sim_tl_end (w);
    }
}

/* Rounds up to an alignment that suits every member type. */
#define BLOCK_ALIGN(n) (((n) + 15) & ~(gsize) 15)

/* A token and its arrays (per element of the version, per outcome of the
 * flow) are one block, zeroed: entries are frequent, and seven
 * allocations (and frees) per entry were a tenth of a run. The blocks of a
 * finished profile go to the worker's pool (their milestone log with
 * them) for the next profiles. */
static Token *
token_new (WmSimWorker        *w,
           const WmSimFlow    *sf,
           const WmSimVersion *sv)
{
  gsize n_vars = MAX (sv->n_variables, 1);
  gsize n_elements = MAX (sv->n_elements, 1);
  gsize n_outcomes = MAX (sf->n_outcomes, 1);
  gsize vars = BLOCK_ALIGN (sizeof (Token));
  gsize sends = vars + BLOCK_ALIGN (n_vars * sizeof (WmValue));
  gsize opened_at = sends + BLOCK_ALIGN (n_elements * sizeof (SendRecord));
  gsize visits = opened_at + BLOCK_ALIGN (n_outcomes * sizeof (gint64));
  gsize open = visits + BLOCK_ALIGN (n_elements * sizeof (guint));
  gsize opened_log = open + BLOCK_ALIGN (n_outcomes * sizeof (gboolean));
  gsize size = opened_log + n_outcomes * sizeof (guint);
  Token *token = NULL;
  GArray *log = NULL;
  char *block;

  if (w->token_pool->len > 0)
    {
      token = g_ptr_array_steal_index_fast (w->token_pool, w->token_pool->len - 1);
      log = token->log;
      if (token->block_size >= size)
        size = token->block_size;
      else
        g_clear_pointer (&token, g_free);
    }
  if (token == NULL)
    token = g_malloc (size);
  if (log == NULL)
    log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_size (log, 0);
  memset (token, 0, size);
  block = (char *) token;
  token->block_size = size;
  token->log = log;
  token->vars = (WmValue *) (block + vars);
  token->sends = (SendRecord *) (block + sends);
  token->opened_at = (gint64 *) (block + opened_at);
  token->visits = (guint *) (block + visits);
  token->open = (gboolean *) (block + open);
  token->opened_log = (guint *) (block + opened_log);
  return token;
}

static void
attempt (WmSimWorker          *w,
         guint                 f,
         gint64                t,
         const WmProfileEvent *event,
         AddAttempt           *add)
{
  const WmSimFlow *sf = &w->program->flows[f];
  FlowState *fs = &w->flows[f];
  int v = accepting_version (sf, t);
  const WmSimVersion *sv;
  Token *token;
  EntryRecord *record;

  if (v < 0)
    {
      reject (w, f, -1, WM_SIM_REJECT_INACTIVE, t);
      return;
    }
  sv = &sf->versions[v];

  if (w->journeys != NULL && _wm_sim_journeys_gate_closed (w, sf))
    {
      reject (w, f, v, WM_SIM_REJECT_STAGE, t);
      return;
    }
  if (fs->token != NULL)
    {
      reject (w, f, v, WM_SIM_REJECT_INSIDE, t);
      return;
    }
  if (!sv->reentry && fs->accepted > 0)
    {
      reject (w, f, v, WM_SIM_REJECT_NO_REENTRY, t);
      return;
    }
  if (fs->has_exit && fs->last_exit + sv->reentry_delay > t)
    {
      reject (w, f, v, WM_SIM_REJECT_DELAY, t);
      return;
    }
  for (guint l = 0; l < sv->n_limits; l++)
    {
      guint count = 0;

      for (guint i = 0; i < fs->times->len; i++)
        if (g_array_index (fs->times, gint64, i) > t - sv->limit_periods[l])
          count++;
      if (count >= sv->limit_counts[l])
        {
          reject (w, f, v, WM_SIM_REJECT_LIMIT, t);
          return;
        }
    }

  /* Accepted. */
  token = token_new (w, sf, sv);
  token->flow = f;
  token->version = v;
  token->entry = ++fs->accepted;
  token->entered_at = t;
  token->event = event;
  token->alive = TRUE;
  token->element = -1;
  token->instant = G_MININT64;
  for (guint i = 0; i < sv->n_variables; i++)
    token->vars[i] = sv->variables[i].initial;
  if (add != NULL)
    for (guint i = 0; i < add->n; i++)
      for (guint k = 0; k < sv->n_variables; k++)
        if (strcmp (sv->variables[k].name, add->names[i]) == 0)
          token->vars[k] = add->values[i];
  wm_draw_key_init (&token->key, w->program->seed, w->profile_id, w->profile_id_len,
                    sf->id, sv->number, token->entry);
  g_ptr_array_add (w->tokens, token);

  record = g_new0 (EntryRecord, 1);
  record->entry = token->entry;
  record->version = v;
  record->began = t;
  record->state = RECORD_INSIDE;
  g_ptr_array_add (fs->records, record);
  token->record = record;

  g_array_append_val (fs->times, t);
  fs->token = token;

  count_overall (w, f, v, WM_SIM_OV_ENTRIES, 1);
  mark_overall (w, f, v, WM_SIM_OV_PROFILES_IN_FLOW);

  if (w->tl != NULL)
    {
      _wm_sim_tl_begin (w, t, token, -1, 0, "enter");
      _wm_sim_tl_string (w, "element", sv->elements[sv->entry].id);
      _wm_sim_tl_end (w);
    }

  if (w->journeys != NULL)
    {
      Happening h = { WM_SIM_STEP_FLOW, NULL, sf->id, TRUE, NULL };
      _wm_sim_journeys_happen (w, &h, t);
    }

  run_token (w, token, sv->entry, t);
}

/* ---- ending an entry ---- */

static void
stop_waiting (WmSimWorker *w,
              Token       *token)
{
  if (token->waiting)
    {
      g_ptr_array_remove (w->waiting, token);
      token->waiting = FALSE;
    }
}

static void
count_milestones (WmSimWorker *w,
                  Token       *token)
{
  const WmSimFlow *sf = flow_of (w, token);
  const WmSimVersion *sv = version_of (w, token);
  guint n = token->log->len;
  guint first = n > MILESTONES_KEPT ? n - MILESTONES_KEPT : 0;

  for (guint i = first; i < n; i++)
    {
      guint m = g_array_index (token->log, guint, i);

      w->counters[sv->slot.milestones + 2 * m]++;
      w->counters[sf->all_slot.milestones + 2 * m]++;
      mark (w, sv->slot.milestones + 2 * m + 1);
      mark (w, sf->all_slot.milestones + 2 * m + 1);
    }
}

/* Ends the entry: exit, stop or error. Open outcomes are abandoned, in
 * byte-wise order of outcome id, after the line that ended the entry. */
static void
end_entry (WmSimWorker *w,
           Token       *token,
           gint64       t,
           int          state)
{
  const WmSimFlow *sf = flow_of (w, token);

  stop_waiting (w, token);
  token->alive = FALSE;
  token->gen++;
  token->record->state = state;
  token->record->exited_at = t;
  w->flows[token->flow].token = NULL;

  count_milestones (w, token);

  for (guint o = 0; o < sf->n_outcomes; o++)
    if (token->open[o])
      {
        token->open[o] = FALSE;
        count_outcome (w, token, o, WM_SIM_OF_ABANDONED, 1);
        if (w->tl != NULL)
          {
            _wm_sim_tl_begin (w, t, token, -1, 0, "outcome");
            _wm_sim_tl_string (w, "element", NULL);
            _wm_sim_tl_string (w, "outcome", sf->outcomes[o]);
            _wm_sim_tl_string (w, "result", "abandoned");
            _wm_sim_tl_end (w);
          }
      }
}

static void
exit_token (WmSimWorker *w,
            Token       *token,
            int          element,
            gint64       t)
{
  FlowState *fs = &w->flows[token->flow];

  count_overall (w, token->flow, token->version, WM_SIM_OV_EXITS, 1);
  mark_overall (w, token->flow, token->version, WM_SIM_OV_PROFILES_EXITED);
  if (w->tl != NULL)
    {
      _wm_sim_tl_begin (w, t, token, -1, 0, "exit");
      _wm_sim_tl_string (w, "element", element_of (w, token, element)->id);
      _wm_sim_tl_end (w);
    }
  fs->has_exit = TRUE;
  fs->last_exit = t;
  end_entry (w, token, t, RECORD_EXITED);

  /* The journey lines of an exit follow its abandoned outcomes. */
  if (w->journeys != NULL)
    {
      Happening h = { WM_SIM_STEP_FLOW, NULL, flow_of (w, token)->id, FALSE, NULL };
      _wm_sim_journeys_happen (w, &h, t);
    }
}

static void
remove_token (WmSimWorker *w,
              Token       *token,
              gint64       t,
              gboolean     error)
{
  if (error)
    {
      count_overall (w, token->flow, token->version, WM_SIM_OV_ERRORS, 1);
      if (w->tl != NULL)
        {
          _wm_sim_tl_begin (w, t, token, -1, 0, "error");
          _wm_sim_tl_string (w, "element", element_of (w, token, token->element)->id);
          _wm_sim_tl_end (w);
        }
    }
  else
    {
      count_overall (w, token->flow, token->version, WM_SIM_OV_STOPPED, 1);
      if (w->tl != NULL)
        {
          _wm_sim_tl_begin (w, t, token, -1, 0, "stopped");
          _wm_sim_tl_end (w);
        }
    }
  end_entry (w, token, t, RECORD_REMOVED);
}

/* ---- sends ---- */

/* Engaged persons: the (flow, slot, month) a profile was sent a message in,
 * kept as small integers during the profile and counted once at its end. */
static void
engaged (WmSimWorker *w,
         Token       *token,
         gint64       s)
{
  int year, month;
  guint key[3];

  wm_civil_from_days (s >= 0 ? s / 86400 : (s - 86399) / 86400, &year, &month, NULL);
  key[0] = token->flow;
  key[2] = (guint) (year * 12 + month - 1);
  for (int slot = 0; slot < 2; slot++)
    {
      gboolean seen = FALSE;

      key[1] = slot == 0 ? token->version : flow_of (w, token)->n_versions;
      for (guint i = 0; i + 2 < w->profile_engaged->len && !seen; i += 3)
        seen = memcmp (&g_array_index (w->profile_engaged, guint, i), key, sizeof key) == 0;
      if (!seen)
        g_array_append_vals (w->profile_engaged, key, 3);
    }
}

static void
add_engaged_text (GHashTable  *table,
                  const guint *key,
                  guint64      n)
{
  char text[64];
  guint64 *count;

  g_snprintf (text, sizeof text, "%u\x1f%u\x1f%04u-%02u", key[0], key[1], key[2] / 12, key[2] % 12 + 1);
  count = g_hash_table_lookup (table, text);
  if (count == NULL)
    {
      count = g_new0 (guint64, 1);
      g_hash_table_insert (table, g_strdup (text), count);
    }
  *count += n;
}

/* Counts one engaged person at a profile's end. Formatting the text key
 * for each was a twentieth of a run, so the counts go to a table keyed by
 * the packed integers (flow and slot below 2^16, the month below 2^32: any
 * real run) and become text keys only when someone reads or merges them
 * (flush_engaged). */
static void
count_engaged (WmSimWorker *w,
               const guint *key)
{
  gint64 packed;
  guint64 *count;

  if (G_UNLIKELY (key[0] >= 0x10000 || key[1] >= 0x10000))
    {
      add_engaged_text (w->engaged, key, 1);
      return;
    }
  packed = ((gint64) key[0] << 48) | ((gint64) key[1] << 32) | key[2];
  count = g_hash_table_lookup (w->engaged_fast, &packed);
  if (count == NULL)
    {
      gint64 *stored = g_new (gint64, 2);

      stored[0] = packed;
      stored[1] = 0;
      g_hash_table_insert (w->engaged_fast, stored, &stored[1]);
      count = (guint64 *) &stored[1];
    }
  (*count)++;
}

static void
flush_engaged (WmSimWorker *w)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, w->engaged_fast);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 packed = *(gint64 *) key;
      guint triple[3] = { (guint) (packed >> 48), (guint) ((packed >> 32) & 0xffff),
                          (guint) (packed & 0xffffffff) };

      add_engaged_text (w->engaged, triple, *(guint64 *) value);
    }
  g_hash_table_remove_all (w->engaged_fast);
}

static void
tl_reaction (WmSimWorker *w,
             const char  *key,
             gint64       time)
{
  char buf[32];

  if (time < 0)
    g_string_append_printf (w->tl, ",\"%s\":false", key);
  else if (time > w->program->end)
    g_string_append_printf (w->tl, ",\"%s\":null", key);
  else
    g_string_append_printf (w->tl, ",\"%s\":\"%s\"", key, wm_timestamp_format (time, buf));
}

static void
send_message (WmSimWorker *w,
              Token       *token,
              int          index,
              gint64       s)
{
  const WmSimElement *se = element_of (w, token, index);
  const WmChannelParams *params = &w->program->params.channels[se->channel];
  const char *channel = wm_sim_channel_to_string (se->channel);
  SendRecord *record = &token->sends[index];
  gint64 messages = 1, cost, end = w->program->end;
  guint visit = token->visits[index];
  double delivery, open, click;
  gint64 d = -1, o = -1, c = -1;
  WmDrawKey draws;   /* the key for this element and visit */

  if (!contact_valid (w, se->contact))
    {
      count_element (w, token, se, WM_SIM_EF_NO_CONTACT, 1);
      count_channel (w, token, se->channel, WM_SIM_CF_NO_CONTACT, 1);
      count_overall (w, token->flow, token->version, WM_SIM_OV_NO_CONTACT, 1);
      if (w->tl != NULL)
        {
          _wm_sim_tl_begin (w, s, token, -1, 0, "no_contact");
          _wm_sim_tl_string (w, "element", se->id);
          _wm_sim_tl_string (w, "channel", channel);
          _wm_sim_tl_end (w);
        }
      return;
    }

  if (se->sms_text != NULL)
    {
      WmValue text = evaluate (w, se->sms_text, token, token->event, FALSE, s);
      WmSmsInfo info;

      wm_sms_measure (text.type == WM_VALUE_STRING ? text.as.string.str : "",
                      text.type == WM_VALUE_STRING ? (gssize) text.as.string.len : 0, &info);
      messages = info.segments;
      wm_expr_arena_reset (w->arena);
    }
  cost = messages * params->price;

  count_element (w, token, se, WM_SIM_EF_SENDS, 1);
  count_element (w, token, se, WM_SIM_EF_MESSAGES, messages);
  count_element (w, token, se, WM_SIM_EF_COST, cost);
  count_channel (w, token, se->channel, WM_SIM_CF_SENDS, 1);
  count_channel (w, token, se->channel, WM_SIM_CF_MESSAGES, messages);
  count_channel (w, token, se->channel, WM_SIM_CF_COST, cost);
  count_overall (w, token->flow, token->version, WM_SIM_OV_SENDS, 1);
  count_overall (w, token->flow, token->version, WM_SIM_OV_MESSAGES_SENT, messages);
  count_overall (w, token->flow, token->version, WM_SIM_OV_TRAFFIC_COST, cost);
  engaged (w, token, s);

  delivery = rate (w, 0, params->delivery);
  open = rate (w, 1, params->open);
  click = rate (w, 2, params->click);

  draws = wm_draw_key_visit (&token->key, se->id, visit);
  if (wm_draw_visit_u (draws, "delivered") < delivery)
    d = s + wm_draw_delay (wm_draw_visit_u (draws, "delivered-delay"), params->delivery_delay);
  if (params->has_open && d >= 0 && wm_draw_visit_u (draws, "opened") < open)
    o = d + wm_draw_delay (wm_draw_visit_u (draws, "opened-delay"), params->open_delay);
  if (params->has_click && (params->has_open ? o >= 0 : d >= 0)
      && wm_draw_visit_u (draws, "clicked") < click)
    c = (params->has_open ? o : d)
        + wm_draw_delay (wm_draw_visit_u (draws, "clicked-delay"), params->click_delay);

  if (d >= 0 && d <= end)
    {
      count_element (w, token, se, WM_SIM_EF_DELIVERED, 1);
      count_channel (w, token, se->channel, WM_SIM_CF_DELIVERED, 1);
    }
  if (o >= 0 && o <= end)
    {
      count_element (w, token, se, WM_SIM_EF_OPENED, 1);
      count_channel (w, token, se->channel, WM_SIM_CF_OPENED, 1);
      mark_overall (w, token->flow, token->version, WM_SIM_OV_ACTIVE_PROFILES);
    }
  if (c >= 0 && c <= end)
    {
      count_element (w, token, se, WM_SIM_EF_CLICKED, 1);
      count_channel (w, token, se->channel, WM_SIM_CF_CLICKED, 1);
      mark_overall (w, token->flow, token->version, WM_SIM_OV_ACTIVE_PROFILES);
    }

  record->valid = TRUE;
  record->s = s;
  record->r[WM_SIM_DELIVERED] = d;
  record->r[WM_SIM_OPENED] = o;
  record->r[WM_SIM_CLICKED] = c;

  if (w->tl != NULL)
    {
      _wm_sim_tl_begin (w, s, token, -1, 0, "send");
      _wm_sim_tl_string (w, "element", se->id);
      _wm_sim_tl_string (w, "channel", channel);
      g_string_append_printf (w->tl, ",\"messages\":%" G_GINT64_FORMAT, messages);
      tl_money (w, "cost", cost);
      tl_reaction (w, "delivered", d);
      if (params->has_open)
        tl_reaction (w, "opened", o);
      if (params->has_click)
        tl_reaction (w, "clicked", c);
      _wm_sim_tl_end (w);
    }
}

/* ---- visits ---- */

static void
append_uint (GString *out,
             guint    n)
{
  char digits[16];
  int i = sizeof digits;

  do
    digits[--i] = (char) ('0' + n % 10);
  while ((n /= 10) != 0);
  g_string_append_len (out, digits + i, sizeof digits - i);
}

/* "flow\x1fversion\x1foutcome\x1fresult\x1f" into @key, emptied first:
 * what g_string_printf made of it, without the printf (once per resolved
 * outcome, it was a fiftieth of a run). */
static void
append_path_head (GString    *key,
                  guint       flow,
                  guint       version,
                  int         outcome,
                  const char *result)
{
  g_string_truncate (key, 0);
  append_uint (key, flow);
  g_string_append_c (key, '\x1f');
  append_uint (key, version);
  g_string_append_c (key, '\x1f');
  if (outcome < 0)
    g_string_append_c (key, '-');
  append_uint (key, outcome < 0 ? -(guint) outcome : (guint) outcome);
  g_string_append_c (key, '\x1f');
  g_string_append (key, result);
  g_string_append_c (key, '\x1f');
}

static void
wait_until (WmSimWorker *w,
            Token       *token,
            gint64       time,
            int          action,
            guint        port)
{
  token->gen++;
  schedule (w, time, ITEM_TIMER, token->flow, action, port, token, NULL);
}

static guint
port_named (const WmSimElement *se,
            const char         *name)
{
  for (guint p = 0; p < se->n_ports; p++)
    if (strcmp (se->port_names[p], name) == 0)
      return p;
  g_assert_not_reached ();
}

/* Visits element @index at @t. Returns the port the token leaves by at
 * once, or -1 when it waits, exits or was removed. */
static int
visit (WmSimWorker *w,
       Token       *token,
       int          index,
       gint64       t)
{
  const WmSimFlow *sf = flow_of (w, token);
  const WmSimElement *se = element_of (w, token, index);

  token->element = index;
  if (t != token->instant)
    {
      token->instant = t;
      token->instant_visits = 0;
    }
  token->instant_visits++;
  token->visits[index]++;

  count_element (w, token, se, WM_SIM_EF_ENGAGEMENTS, 1);
  mark (w, se->counters + WM_SIM_EF_UNIQUE);
  mark (w, sf->all[se->all_index].counters + WM_SIM_EF_UNIQUE);

  if (w->tl != NULL)
    {
      _wm_sim_tl_begin (w, t, token, -1, 0, "visit");
      _wm_sim_tl_string (w, "element", se->id);
      _wm_sim_tl_end (w);
    }

  if (token->instant_visits > MAX_VISITS_AT_ONE_INSTANT)
    {
      remove_token (w, token, t, TRUE);
      return -1;
    }

  switch (se->kind)
    {
    case WM_SIM_ENTRY_EVENT:
    case WM_SIM_ENTRY_AUDIENCE:
    case WM_SIM_ENTRY_INBOUND:
    case WM_SIM_ENTRY_DATE:
      return 0;

    case WM_SIM_SEND:
      if (se->has_window)
        {
          GTimeZone *zone = se->window_zone_flow ? sf->zone : profile_zone (w, sf);
          gint64 s;

          if (!wm_next_window_instant (zone, t, se->window_from, se->window_to, se->window_days, &s))
            return -1;   /* no window in 8 days: it waits for ever */
          if (s > t)
            {
              wait_until (w, token, s, TIMER_SEND, 0);
              return -1;
            }
        }
      send_message (w, token, index, t);
      return 0;

    case WM_SIM_WAIT_DELAY:
      if (se->duration == 0)
        return 0;
      wait_until (w, token, t + se->duration, TIMER_DEPART, 0);
      return -1;

    case WM_SIM_WAIT_TIME:
      {
        GTimeZone *zone = se->zone_flow ? sf->zone : profile_zone (w, sf);
        gint64 s = wm_next_clock_instant (zone, t, se->at_minute, se->days);

        if (s <= t)
          return 0;
        wait_until (w, token, s, TIMER_DEPART, 0);
        return -1;
      }

    case WM_SIM_WAIT_EVENT:
      /* An event can only catch a token that arrived earlier, so with no
       * timeout the token leaves by timeout at once. */
      if (se->duration == 0)
        return 1;
      token->waiting = TRUE;
      token->wait_since = t;
      g_ptr_array_add (w->waiting, token);
      wait_until (w, token, t + se->duration, TIMER_DEPART, 1);
      return -1;

    case WM_SIM_REACT:
      {
        const SendRecord *record = se->react_element >= 0 ? &token->sends[se->react_element] : NULL;
        gint64 r;

        if (record == NULL || !record->valid)
          return 1;
        r = record->r[se->reaction];
        if (r >= 0 && r <= t)
          return 0;
        if (r >= 0 && r <= t + se->duration)
          {
            wait_until (w, token, r, TIMER_DEPART, 0);
            return -1;
          }
        if (se->duration == 0)
          return 1;
        wait_until (w, token, t + se->duration, TIMER_DEPART, 1);
        return -1;
      }

    case WM_SIM_BRANCH:
      for (guint i = 0; i < se->n_whens; i++)
        if (_wm_sim_truthy (w, se->whens[i], token, token->event, FALSE, t))
          return i;
      return se->n_whens;

    case WM_SIM_SPLIT:
      {
        double u = wm_draw_key_u (&token->key, se->id, token->visits[index], "split");

        for (guint i = 0; i + 1 < se->n_ports; i++)
          if (u < se->cumulative[i] / se->total_weight)
            return i;
        return se->n_ports - 1;
      }

    case WM_SIM_SET_VARIABLE:
      {
        WmValue value = evaluate (w, se->expr, token, token->event, FALSE, t);

        if (se->variable >= 0)
          token->vars[se->variable] = keep_value (w, value);
        wm_expr_arena_reset (w->arena);
        return 0;
      }

    case WM_SIM_SET_ATTRIBUTE:
      {
        WmValue value = evaluate (w, se->expr, token, token->event, FALSE, t);

        wm_profile_set_attribute (w->profile, se->attribute, &value);
        wm_expr_arena_reset (w->arena);
        w->cache_valid = FALSE;
        if (w->journeys != NULL)
          _wm_sim_journeys_retest (w, t);
        return 0;
      }

    case WM_SIM_CALL_API:
      return wm_draw_key_u (&token->key, se->id, token->visits[index], "api")
             < w->program->params.api_success ? 0 : 1;

    case WM_SIM_ADD_TO_FLOW:
      {
        AddAttempt *add = g_new0 (AddAttempt, 1);

        add->flow = se->target_flow;
        add->n = se->n_transfer;
        add->names = se->transfer_names;
        add->values = g_new0 (WmValue, MAX (se->n_transfer, 1));
        for (guint i = 0; i < se->n_transfer; i++)
          add->values[i] = se->transfer_vars[i] >= 0 ? token->vars[se->transfer_vars[i]] : wm_value_null ();
        g_ptr_array_add (w->adds, add);
        schedule (w, t, ITEM_ADD, se->target_flow, 0, 0, NULL, add);
        return 0;
      }

    case WM_SIM_NOTIFY:
      {
        gint64 cost = w->program->params.channels[se->channel].price;

        count_element (w, token, se, WM_SIM_EF_NOTIFICATIONS, 1);
        count_element (w, token, se, WM_SIM_EF_COST, cost);
        count_overall (w, token->flow, token->version, WM_SIM_OV_NOTIFICATIONS, 1);
        count_overall (w, token->flow, token->version, WM_SIM_OV_TRAFFIC_COST, cost);
        if (w->tl != NULL)
          {
            _wm_sim_tl_begin (w, t, token, -1, 0, "notify");
            _wm_sim_tl_string (w, "element", se->id);
            _wm_sim_tl_string (w, "channel", wm_sim_channel_to_string (se->channel));
            tl_money (w, "cost", cost);
            _wm_sim_tl_end (w);
          }
        return 0;
      }

    case WM_SIM_MILESTONE:
      {
        guint m = se->milestone;

        g_array_append_val (token->log, m);
        if (w->tl != NULL)
          {
            _wm_sim_tl_begin (w, t, token, -1, 0, "milestone");
            _wm_sim_tl_string (w, "element", se->id);
            _wm_sim_tl_string (w, "milestone", sf->milestones[m]);
            _wm_sim_tl_end (w);
          }
        if (w->journeys != NULL)
          {
            Happening h = { WM_SIM_STEP_MILESTONE, sf->milestones[m], sf->id, FALSE, NULL };
            _wm_sim_journeys_happen (w, &h, t);
          }
        return 0;
      }

    case WM_SIM_OUTCOME_START:
      if (!token->open[se->outcome])
        {
          token->open[se->outcome] = TRUE;
          token->opened_at[se->outcome] = t;
          token->opened_log[se->outcome] = token->log->len;
          count_outcome (w, token, se->outcome, WM_SIM_OF_STARTED, 1);
          if (w->tl != NULL)
            {
              _wm_sim_tl_begin (w, t, token, -1, 0, "outcome");
              _wm_sim_tl_string (w, "element", se->id);
              _wm_sim_tl_string (w, "outcome", sf->outcomes[se->outcome]);
              _wm_sim_tl_string (w, "result", "started");
              _wm_sim_tl_end (w);
            }
        }
      return 0;

    case WM_SIM_OUTCOME_SET:
      if (token->open[se->outcome])
        {
          const char *result = se->success ? "success" : "failure";
          g_autoptr(GString) key = g_string_new (NULL);
          guint from = token->opened_log[se->outcome], n = token->log->len;
          guint64 *count;

          token->open[se->outcome] = FALSE;
          if (se->success)
            {
              count_outcome (w, token, se->outcome, WM_SIM_OF_SUCCESS, 1);
              count_outcome (w, token, se->outcome, WM_SIM_OF_SUCCESS_SECONDS,
                             t - token->opened_at[se->outcome]);
            }
          else
            count_outcome (w, token, se->outcome, WM_SIM_OF_FAILURE, 1);

          /* The path: the milestones between opening and resolution, the last 20. */
          if (n - from > PATH_MILESTONES_KEPT)
            from = n - PATH_MILESTONES_KEPT;
          for (int slot = 0; slot < 2; slot++)
            {
              append_path_head (key, token->flow, slot == 0 ? token->version : sf->n_versions,
                                se->outcome, result);
              for (guint i = from; i < n; i++)
                {
                  if (i > from)
                    g_string_append_c (key, ',');
                  g_string_append (key, sf->milestones[g_array_index (token->log, guint, i)]);
                }
              count = g_hash_table_lookup (w->paths, key->str);
              if (count == NULL)
                {
                  count = g_new0 (guint64, 1);
                  g_hash_table_insert (w->paths, g_strdup (key->str), count);
                }
              (*count)++;
            }

          if (w->tl != NULL)
            {
              _wm_sim_tl_begin (w, t, token, -1, 0, "outcome");
              _wm_sim_tl_string (w, "element", se->id);
              _wm_sim_tl_string (w, "outcome", sf->outcomes[se->outcome]);
              _wm_sim_tl_string (w, "result", result);
              _wm_sim_tl_end (w);
            }
          if (w->journeys != NULL)
            {
              Happening h = { WM_SIM_STEP_OUTCOME, sf->outcomes[se->outcome], sf->id, se->success, NULL };
              _wm_sim_journeys_happen (w, &h, t);
            }
        }
      return 0;

    case WM_SIM_EXIT:
      exit_token (w, token, index, t);
      return -1;

    default:
      g_assert_not_reached ();
    }
}

/* Leaves the current element by @port at @t; returns the next element, or
 * -1 after an exit through an unconnected port. */
static int
depart (WmSimWorker *w,
        Token       *token,
        guint        port,
        gint64       t)
{
  const WmSimElement *se = element_of (w, token, token->element);
  const WmSimAllElement *ae = &flow_of (w, token)->all[se->all_index];

  w->counters[se->counters + WM_SIM_EF_N + port]++;
  w->counters[ae->counters + WM_SIM_EF_N + se->port_all[port]]++;
  if (w->tl != NULL)
    {
      _wm_sim_tl_begin (w, t, token, -1, 0, "depart");
      _wm_sim_tl_string (w, "element", se->id);
      _wm_sim_tl_string (w, "port", se->port_names[port]);
      _wm_sim_tl_end (w);
    }

  if (se->port_targets[port] < 0)
    {
      exit_token (w, token, token->element, t);
      return -1;
    }
  return se->port_targets[port];
}

/* A token runs on at one instant until it has to wait or exits. */
static void
run_token (WmSimWorker *w,
           Token       *token,
           int          element,
           gint64       t)
{
  while (element >= 0 && token->alive)
    {
      int port = visit (w, token, element, t);

      if (port < 0 || !token->alive)
        break;
      element = depart (w, token, port, t);
    }
}

/* ---- agenda items ---- */

static void
process_timer (WmSimWorker *w,
               Item        *item)
{
  Token *token = item->p;
  int next;

  if (!token->alive || token->gen != item->gen)
    return;   /* left earlier (an event, a stop) */

  if (item->b == TIMER_SEND)
    {
      send_message (w, token, token->element, item->time);
      next = depart (w, token, 0, item->time);
    }
  else
    {
      stop_waiting (w, token);
      next = depart (w, token, item->port, item->time);
    }
  run_token (w, token, next, item->time);
}

static gboolean
first_word_matches (const WmValue *text,
                    const char    *keyword)
{
  const char *p, *start;

  if (keyword == NULL || *keyword == '\0')
    return TRUE;
  if (text->type != WM_VALUE_STRING)
    return FALSE;
  /* The first run of characters that are not ASCII white space, leading
   * white space skipped. */
  for (p = text->as.string.str; *p && strchr (" \t\n\v\f\r", *p) != NULL; p++)
    ;
  for (start = p; *p && strchr (" \t\n\v\f\r", *p) == NULL; p++)
    ;
  return strlen (keyword) == (gsize) (p - start) && g_ascii_strncasecmp (start, keyword, p - start) == 0;
}

static void
convert_goals (WmSimWorker          *w,
               const WmProfileEvent *event,
               const char           *name)
{
  gint64 t = event->at;

  for (guint f = 0; f < w->program->n_flows; f++)
    {
      const WmSimFlow *sf = &w->program->flows[f];
      FlowState *fs = &w->flows[f];
      EntryRecord *latest = NULL;

      for (int i = fs->records->len - 1; i >= 0; i--)
        {
          EntryRecord *r = fs->records->pdata[i];
          const WmSimVersion *sv = &sf->versions[r->version];

          if (r->began > t || sv->goal_event != name)
            continue;
          if (r->state == RECORD_INSIDE
              || (r->state == RECORD_EXITED && t <= r->exited_at + sv->goal_window))
            {
              latest = r;
              break;
            }
        }
      if (latest == NULL || latest->converted)
        continue;

      {
        const WmSimVersion *sv = &sf->versions[latest->version];
        gboolean has_value = FALSE;
        gint64 micro = 0;

        latest->converted = TRUE;
        count_overall (w, f, latest->version, WM_SIM_OV_GOAL_CONVERSIONS, 1);
        mark_overall (w, f, latest->version, WM_SIM_OV_GOAL_PERFORMERS);
        if (sv->goal_value != NULL)
          {
            const char *keys[] = { sv->goal_value };
            WmValue value;

            if (wm_profile_event_lookup (w->profile, event, keys, 1, &value)
                && value.type == WM_VALUE_NUMBER && wm_money_from_double (value.as.number, &micro))
              {
                has_value = TRUE;
                count_overall (w, f, latest->version, WM_SIM_OV_GOAL_VALUE, micro);
              }
          }
        if (w->tl != NULL)
          {
            _wm_sim_tl_begin (w, t, NULL, f, sv->number, "goal");
            /* The entry of the converting entry, not of a token. */
            g_string_truncate (w->tl, w->tl->len - strlen (",\"entry\":null,\"step\":\"goal\""));
            g_string_append_printf (w->tl, ",\"entry\":%u,\"step\":\"goal\"", latest->entry);
            _wm_sim_tl_string (w, "event", event->name);
            if (has_value)
              tl_money (w, "value", micro);
            else
              g_string_append (w->tl, ",\"value\":null");
            _wm_sim_tl_end (w);
          }
      }
    }
}

static void
process_event (WmSimWorker          *w,
               const WmProfileEvent *event)
{
  gint64 t = event->at;
  const char *name;
  GArray *snapshot = w->snapshot;

  if (w->tl != NULL)
    {
      _wm_sim_tl_begin (w, t, NULL, -1, 0, "event");
      _wm_sim_tl_string (w, "name", event->name);
      _wm_sim_tl_end (w);
    }

  /* An event no flow or journey names changes nothing; the names the run
   * reacts to are interned, so they compare as pointers below. */
  name = wm_sim_program_event_name (w->program, event->name, event->name_len);
  if (name == NULL)
    return;

  /* 0. Journeys. */
  if (w->journeys != NULL)
    _wm_sim_journeys_on_event (w, event, name);

  /* 1. Waiting tokens, in the order they began to wait; each runs on
   * before the next is tested. */
  g_array_set_size (snapshot, w->waiting->len);
  for (guint i = 0; i < w->waiting->len; i++)
    {
      Waiter *waiter = &g_array_index (snapshot, Waiter, i);

      waiter->token = w->waiting->pdata[i];
      waiter->gen = waiter->token->gen;
    }
  for (guint i = 0; i < snapshot->len; i++)
    {
      Token *token = g_array_index (snapshot, Waiter, i).token;
      const WmSimElement *se;
      int next;

      if (!token->alive || !token->waiting || token->gen != g_array_index (snapshot, Waiter, i).gen)
        continue;
      se = element_of (w, token, token->element);
      if (se->event != name || token->wait_since >= t
          || !_wm_sim_truthy (w, se->expr, token, event, FALSE, t))
        continue;

      stop_waiting (w, token);
      token->gen++;   /* the timeout no longer applies */
      for (guint a = 0; a < se->n_assign; a++)
        {
          const char *keys[] = { se->assign_props[a] };
          WmValue value = wm_value_null ();

          if (se->assign_vars[a] < 0)
            continue;
          wm_profile_event_lookup (w->profile, event, keys, 1, &value);
          token->vars[se->assign_vars[a]] = value;   /* points into the profile */
        }
      next = depart (w, token, port_named (se, "occurred"), t);
      run_token (w, token, next, t);
    }

  /* 2. Goals. */
  convert_goals (w, event, name);

  /* 3. Entries, flows in id order. */
  for (guint f = 0; f < w->program->n_flows; f++)
    {
      const WmSimFlow *sf = &w->program->flows[f];
      int v = accepting_version (sf, t);
      const WmSimElement *entry;

      if (v < 0)
        continue;
      entry = &sf->versions[v].elements[sf->versions[v].entry];
      if (entry->kind == WM_SIM_ENTRY_EVENT)
        {
          if (entry->event == name
              && _wm_sim_truthy (w, entry->expr, NULL, event, TRUE, t))
            attempt (w, f, t, event, NULL);
        }
      else if (entry->kind == WM_SIM_ENTRY_INBOUND && entry->event == name)
        {
          const char *number_key[] = { "number" };
          const char *text_key[] = { "text" };
          WmValue number, text;

          if (!wm_profile_event_lookup (w->profile, event, number_key, 1, &number)
              || number.type != WM_VALUE_STRING || strcmp (number.as.string.str, entry->number) != 0)
            continue;
          if (!wm_profile_event_lookup (w->profile, event, text_key, 1, &text))
            text = wm_value_null ();
          if (first_word_matches (&text, entry->keyword))
            attempt (w, f, t, event, NULL);
        }
    }
}

static int
compare_tokens_by_entry (gconstpointer a,
                         gconstpointer b)
{
  const Token *x = *(Token **) a, *y = *(Token **) b;

  if (x->entered_at != y->entered_at)
    return x->entered_at < y->entered_at ? -1 : 1;
  if (x->flow != y->flow)
    return x->flow < y->flow ? -1 : 1;
  return 0;
}

/* Every stop at one instant together: the tokens removed are written in
 * the order their entries began. */
static void
process_stops (WmSimWorker *w,
               Item        *first)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  Item item = *first;

  for (;;)
    {
      Token *token = w->flows[item.a].token;

      if (token != NULL && token->version == item.b)
        g_ptr_array_add (removed, token);
      /* Stops (class -1) come before any event at their time, so the
       * next stop, if any, is the heap's top. */
      if (w->heap_len == 0 || w->heap[0].kind != ITEM_STOP || w->heap[0].time != first->time)
        break;
      heap_pop (w, &item);
    }

  g_ptr_array_sort (removed, compare_tokens_by_entry);
  for (guint i = 0; i < removed->len; i++)
    remove_token (w, removed->pdata[i], first->time, FALSE);
}

/* ---- scheduled entries ---- */

static void
schedule_dates (WmSimWorker     *w,
                guint            f,
                GArray          *instants)
{
  const WmSimFlow *sf = &w->program->flows[f];
  const WmSimProgram *program = w->program;

  for (guint v = 0; v < sf->n_versions; v++)
    {
      const WmSimVersion *sv = &sf->versions[v];
      const WmSimElement *entry = &sv->elements[sv->entry];
      WmValue value;
      int year, month, day, first_year, last_year;
      GTimeZone *zone;

      if (entry->kind != WM_SIM_ENTRY_DATE || !attribute_string (w, entry->attribute, &value)
          || !wm_date_parse (value.as.string.str, &year, &month, &day))
        continue;
      zone = entry->zone_flow ? sf->zone : profile_zone (w, sf);

      /* The local date is the attribute's date moved by the offset, so the
       * years to try are those of the run window moved back by it. */
      wm_civil_from_days (program->start / 86400 - entry->offset_days - 2, &first_year, NULL, NULL);
      wm_civil_from_days (program->end / 86400 - entry->offset_days + 2, &last_year, NULL, NULL);
      first_year = MAX (first_year, 1);
      last_year = MIN (last_year, 9999);
      for (int y = first_year; y <= last_year; y++)
        {
          /* 29 February is 28 February in other years. */
          gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
          int d = (month == 2 && day == 29 && !leap) ? 28 : day;
          gint64 days = wm_days_from_civil (y, month, d) + entry->offset_days;
          int ly, lm, ld;
          gint64 instant;

          if (y < 1 || y > 9999)
            continue;
          wm_civil_from_days (days, &ly, &lm, &ld);
          if (ly < 1 || ly > 9999)
            continue;
          instant = wm_local_to_instant (zone, ly, lm, ld, entry->at_minute);
          if (instant < program->start || instant > program->end
              || instant < sv->accept_from || instant >= sv->accept_until)
            continue;
          g_array_append_val (instants, instant);
        }
    }
}

static int
compare_instants (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
schedule_entries (WmSimWorker *w)
{
  const WmSimProgram *program = w->program;

  for (guint f = 0; f < program->n_flows; f++)
    {
      const WmSimFlow *sf = &program->flows[f];
      g_autoptr(GArray) instants = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint v = 0; v < sf->n_versions; v++)
        {
          const WmSimVersion *sv = &sf->versions[v];

          if (sv->elements[sv->entry].kind == WM_SIM_ENTRY_AUDIENCE
              && sv->accept_from < sv->accept_until
              && sv->accept_from >= program->start && sv->accept_from <= program->end)
            schedule (w, sv->accept_from, ITEM_AUDIENCE, f, v, 0, NULL, NULL);
        }

      schedule_dates (w, f, instants);
      g_array_sort (instants, compare_instants);
      for (guint i = 0; i < instants->len; i++)
        schedule (w, g_array_index (instants, gint64, i), ITEM_DATE, f, 0, 0, NULL, NULL);
    }
}

/* ---- profiles ---- */

static void
token_free (Token *token)
{
  g_array_unref (token->log);
  g_free (token);   /* its arrays with it: token_new */
}

static void
add_attempt_free (AddAttempt *add)
{
  g_free (add->values);
  g_free (add);
}

void
wm_sim_worker_run_profile (WmSimWorker *w,
                           WmProfile   *profile,
                           GString     *timeline)
{
  const WmSimProgram *program = w->program;
  GString *id_json = w->id_json;
  Item item;

  w->profile = profile;
  w->cache_valid = FALSE;
  w->profile_id = wm_profile_get_id (profile, &w->profile_id_len);
  w->tl = timeline;
  g_string_truncate (id_json, 0);
  if (timeline != NULL)
    wm_json_append_string (id_json, w->profile_id);
  w->tl_profile = id_json->str;
  w->events_list = wm_profile_get_events (profile, &w->n_events);
  w->events += w->n_events;
  w->seq = 0;
  w->heap_len = 0;
  /* The per-flow state and its arrays are the worker's, emptied here. */
  w->flows = w->flow_states;
  for (guint f = 0; f < program->n_flows; f++)
    {
      FlowState *fs = &w->flows[f];

      fs->accepted = 0;
      fs->has_exit = FALSE;
      fs->last_exit = 0;
      fs->token = NULL;
      g_array_set_size (fs->times, 0);
      g_ptr_array_set_size (fs->records, 0);
    }

  /* Journey begins at the run start (class -2). */
  _wm_sim_journeys_start (w);

  /* Stop removals (class -1). */
  for (guint f = 0; f < program->n_flows; f++)
    for (guint v = 0; v < program->flows[f].n_versions; v++)
      {
        const WmSimVersion *sv = &program->flows[f].versions[v];

        if (sv->has_stop && sv->stopped_at >= program->start && sv->stopped_at <= program->end)
          {
            Item stop = { sv->stopped_at, -1, w->seq++, ITEM_STOP, f, v, 0, 0, NULL };
            _wm_sim_heap_push (w, &stop);
          }
      }

  /* Events (class 0), in time order, file order among equals: those
   * within the run, merged in by agenda_next. */
  w->next_event = 0;
  while (w->next_event < w->n_events && w->events_list[w->next_event].at < program->start)
    w->next_event++;
  w->end_event = w->n_events;
  while (w->end_event > w->next_event && w->events_list[w->end_event - 1].at > program->end)
    w->end_event--;

  /* Scheduled entries come first among class 1. */
  schedule_entries (w);

  while (agenda_next (w, &item))
    {
      if (item.time > program->end)
        break;

      switch (item.kind)
        {
        case ITEM_STOP:
          process_stops (w, &item);
          break;
        case ITEM_EVENT:
          process_event (w, &w->events_list[item.a]);
          break;
        case ITEM_AUDIENCE:
          {
            const WmSimVersion *sv = &program->flows[item.a].versions[item.b];

            if (_wm_sim_truthy (w, sv->elements[sv->entry].expr, NULL, NULL, TRUE, item.time))
              attempt (w, item.a, item.time, NULL, NULL);
          }
          break;
        case ITEM_DATE:
          attempt (w, item.a, item.time, NULL, NULL);
          break;
        case ITEM_ADD:
          attempt (w, item.a, item.time, NULL, item.p);
          break;
        case ITEM_TIMER:
          process_timer (w, &item);
          break;
        case ITEM_JOURNEY:
          if (_wm_sim_truthy (w, program->journeys[item.a].begins_where, NULL, NULL, TRUE, item.time))
            _wm_sim_journey_begin (w, item.a, item.time);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* The run end: tokens still inside are in progress; their milestones
   * count, their open outcomes are not resolved. */
  for (guint f = 0; f < program->n_flows; f++)
    {
      Token *token = w->flows[f].token;

      if (token != NULL)
        {
          count_overall (w, f, token->version, WM_SIM_OV_IN_PROGRESS, 1);
          count_milestones (w, token);
        }
    }

  if (w->journeys != NULL)
    _wm_sim_journeys_finish (w);

  /* Unique counts: once per profile. */
  for (guint i = 0; i < w->marked->len; i++)
    {
      guint offset = g_array_index (w->marked, guint, i);

      w->counters[offset]++;
      w->marks[offset] = 0;
    }
  g_array_set_size (w->marked, 0);
  for (guint i = 0; i + 2 < w->profile_engaged->len; i += 3)
    {
      const guint *key = &g_array_index (w->profile_engaged, guint, i);

      count_engaged (w, key);
    }
  g_array_set_size (w->profile_engaged, 0);

  w->flows = NULL;
  for (guint i = 0; i < w->tokens->len; i++)
    g_ptr_array_add (w->token_pool, w->tokens->pdata[i]);
  g_ptr_array_set_size (w->tokens, 0);
  g_ptr_array_set_size (w->waiting, 0);
  g_ptr_array_set_size (w->adds, 0);
  wm_expr_arena_reset (w->keep);
  wm_expr_arena_reset (w->arena);
  w->profile = NULL;
  w->tl = NULL;
  w->tl_profile = NULL;
}

WmSimWorker *
wm_sim_worker_new (const WmSimProgram *program)
{
  WmSimWorker *w = g_new0 (WmSimWorker, 1);

  w->program = program;
  w->counters = g_new0 (gint64, MAX (program->n_counters, 1));
  w->marks = g_new0 (guint8, MAX (program->n_counters, 1));
  w->marked = g_array_new (FALSE, FALSE, sizeof (guint));
  w->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->engaged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Keys and counts share one allocation: the key owns it. */
  w->engaged_fast = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  w->profile_engaged = g_array_new (FALSE, FALSE, sizeof (guint));
  w->snapshot = g_array_new (FALSE, FALSE, sizeof (Waiter));
  w->id_json = g_string_new (NULL);
  w->flow_states = g_new0 (FlowState, MAX (program->n_flows, 1));
  w->n_flow_states = program->n_flows;
  for (guint f = 0; f < program->n_flows; f++)
    {
      w->flow_states[f].times = g_array_new (FALSE, FALSE, sizeof (gint64));
      w->flow_states[f].records = g_ptr_array_new_with_free_func (g_free);
    }
  w->tokens = g_ptr_array_new ();   /* they go to token_pool */
  w->token_pool = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);
  w->waiting = g_ptr_array_new ();
  w->adds = g_ptr_array_new_with_free_func ((GDestroyNotify) add_attempt_free);
  w->arena = wm_expr_arena_new ();
  w->keep = wm_expr_arena_new ();
  return w;
}

void
wm_sim_worker_free (WmSimWorker *w)
{
  if (w == NULL)
    return;
  g_free (w->counters);
  g_free (w->marks);
  g_array_unref (w->marked);
  g_hash_table_unref (w->paths);
  g_hash_table_unref (w->engaged);
  g_hash_table_unref (w->engaged_fast);
  g_array_unref (w->profile_engaged);
  g_free (w->heap);
  g_array_unref (w->snapshot);
  g_string_free (w->id_json, TRUE);
  /* The program may be gone by now: n_flow_states is the worker's own. */
  for (guint f = 0; f < w->n_flow_states; f++)
    {
      g_array_unref (w->flow_states[f].times);
      g_ptr_array_unref (w->flow_states[f].records);
    }
  g_free (w->flow_states);
  g_ptr_array_foreach (w->tokens, (GFunc) token_free, NULL);
  g_ptr_array_unref (w->tokens);
  g_ptr_array_unref (w->token_pool);
  g_ptr_array_unref (w->waiting);
  g_ptr_array_unref (w->adds);
  wm_expr_arena_free (w->arena);
  wm_expr_arena_free (w->keep);
  _wm_sim_journeys_free (w);
  g_free (w);
}

static void
merge_counts (GHashTable *into,
              GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 *count = g_hash_table_lookup (into, key);

      if (count == NULL)
        {
          count = g_new0 (guint64, 1);
          g_hash_table_insert (into, g_strdup (key), count);
        }
      *count += *(guint64 *) value;
    }
}

void
wm_sim_worker_merge (WmSimWorker *w,
                     WmSimWorker *other)
{
  for (guint i = 0; i < w->program->n_counters; i++)
    w->counters[i] += other->counters[i];
  merge_counts (w->paths, other->paths);
  flush_engaged (w);
  flush_engaged (other);
  merge_counts (w->engaged, other->engaged);
  w->events += other->events;
}

const gint64 *
wm_sim_worker_get_counters (WmSimWorker *w)
{
  return w->counters;
}

GHashTable *
wm_sim_worker_get_paths (WmSimWorker *w)
{
  return w->paths;
}

GHashTable *
wm_sim_worker_get_engaged (WmSimWorker *w)
{
  flush_engaged (w);
  return w->engaged;
}

guint64
wm_sim_worker_get_events (WmSimWorker *w)
{
  return w->events;
}

void
wm_sim_worker_add_counters (WmSimWorker  *w,
                            const gint64 *counters)
{
  for (guint i = 0; i < w->program->n_counters; i++)
    w->counters[i] += counters[i];
}

static void
add_count (GHashTable *table,
           const char *key,
           guint64     n)
{
  guint64 *count = g_hash_table_lookup (table, key);

  if (count == NULL)
    {
      count = g_new0 (guint64, 1);
      g_hash_table_insert (table, g_strdup (key), count);
    }
  *count += n;
}

void
wm_sim_worker_add_path (WmSimWorker *w,
                        const char  *key,
                        guint64      count)
{
  add_count (w->paths, key, count);
}

void
wm_sim_worker_add_engaged (WmSimWorker *w,
                           const char  *key,
                           guint64      count)
{
  flush_engaged (w);
  add_count (w->engaged, key, count);
}

void
wm_sim_worker_add_events (WmSimWorker *w,
                          guint64      events)
{
  w->events += events;
}

guint
wm_sim_worker_get_n_counters (WmSimWorker *w)
{
  return w->program->n_counters;
}
