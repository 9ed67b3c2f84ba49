/* wm-sim-report.c - the report of a run (simulation.md, Report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wm-json.h"
#include "wm-money.h"
#include "wm-sim-report.h"
#include "wm-time.h"

static const char * const overall_keys[WM_SIM_OV_N] = {
  "entries", "profiles_in_flow", "exits", "profiles_exited", "stopped", "in_progress",
  "active_profiles", "goal_conversions", "goal_performers", "goal_value", "sends",
  "messages_sent", "no_contact", "notifications", "traffic_cost", "errors",
};
static const char * const rejection_keys[WM_SIM_REJECT_N] = {
  "inactive", "inside", "no-reentry", "delay", "limit", "stage",
};
/* The report's order; `stage` only in runs with journeys. */
static const guint rejection_order[] = {
  WM_SIM_REJECT_INACTIVE, WM_SIM_REJECT_STAGE, WM_SIM_REJECT_INSIDE, WM_SIM_REJECT_NO_REENTRY,
  WM_SIM_REJECT_DELAY, WM_SIM_REJECT_LIMIT,
};
static const char * const stage_keys[WM_SIM_SF_N] = {
  "triggered", "began", "completed", "waiting", "on_track", "behind", "stuck",
  "completed_on_time", "completed_late", NULL,
};
static const char * const channel_keys[WM_SIM_CF_N] = {
  "sends", "messages", "no_contact", "delivered", "opened", "clicked", "cost",
};
static const char * const send_keys[] = {
  "sends", "messages", "no_contact", "delivered", "opened", "clicked",
};
static const guint send_fields[] = {
  WM_SIM_EF_SENDS, WM_SIM_EF_MESSAGES, WM_SIM_EF_NO_CONTACT, WM_SIM_EF_DELIVERED,
  WM_SIM_EF_OPENED, WM_SIM_EF_CLICKED,
};

static void
set_int (JsonObject *object,
         const char *key,
         gint64      value)
{
  json_object_set_int_member (object, key, value);
}

static void
set_money (JsonObject *object,
           const char *key,
           gint64      micro)
{
  char buf[64];

  json_object_set_string_member (object, key, wm_money_format (micro, buf));
}

typedef struct
{
  const WmSimProgram *program;
  const gint64       *c;
  GHashTable         *paths;
  GHashTable         *engaged;
} Ctx;

typedef struct
{
  const char *result;
  const char *milestones;
  guint64     count;
} Path;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const Path *x = a, *y = b;
  int cmp;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  cmp = strcmp (x->result, y->result);
  if (cmp != 0)
    return cmp;
  return strcmp (x->milestones, y->milestones);
}

static JsonNode *
build_paths (Ctx  *ctx,
             guint f,
             guint slot,
             guint outcome)
{
  g_autofree char *prefix = g_strdup_printf ("%u\x1f%u\x1f%u\x1f", f, slot, outcome);
  g_autoptr(GArray) paths = g_array_new (FALSE, FALSE, sizeof (Path));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_alloc ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ctx->paths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, prefix))
      {
        char **split = g_strsplit ((const char *) key + strlen (prefix), "\x1f", 2);
        Path path = { split[0], split[1], *(guint64 *) value };

        g_ptr_array_add (parts, split);
        g_array_append_val (paths, path);
      }
  g_array_sort (paths, compare_paths);

  for (guint i = 0; i < MIN (paths->len, 10); i++)
    {
      Path *path = &g_array_index (paths, Path, i);
      JsonObject *object = json_object_new ();
      JsonArray *milestones = json_array_new ();
      g_auto(GStrv) ids = *path->milestones != '\0' ? g_strsplit (path->milestones, ",", -1) : g_new0 (char *, 1);

      json_object_set_string_member (object, "result", path->result);
      for (guint k = 0; ids[k] != NULL; k++)
        json_array_add_string_element (milestones, ids[k]);
      json_object_set_array_member (object, "milestones", milestones);
      json_object_set_int_member (object, "count", path->count);
      json_array_add_object_element (array, object);
    }

  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

static JsonObject *
build_element (const gint64 *counters,
               guint         offset,
               guint         n_ports,
               const char  **port_names,
               gboolean      is_send,
               gboolean      is_notify)
{
  JsonObject *object = json_object_new ();
  JsonObject *ports = json_object_new ();

  set_int (object, "total_engagements", counters[offset + WM_SIM_EF_ENGAGEMENTS]);
  set_int (object, "unique_users", counters[offset + WM_SIM_EF_UNIQUE]);
  for (guint p = 0; p < n_ports; p++)
    set_int (ports, port_names[p], counters[offset + WM_SIM_EF_N + p]);
  json_object_set_object_member (object, "ports", ports);
  if (is_send)
    {
      for (guint k = 0; k < G_N_ELEMENTS (send_keys); k++)
        set_int (object, send_keys[k], counters[offset + send_fields[k]]);
      set_money (object, "cost", counters[offset + WM_SIM_EF_COST]);
    }
  else if (is_notify)
    {
      set_int (object, "notifications", counters[offset + WM_SIM_EF_NOTIFICATIONS]);
      set_money (object, "cost", counters[offset + WM_SIM_EF_COST]);
    }
  return object;
}

static int
compare_elements (gconstpointer a,
                  gconstpointer b)
{
  return strcmp ((*(const WmSimElement **) a)->id, (*(const WmSimElement **) b)->id);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static JsonObject *
build_metrics (Ctx             *ctx,
               guint            f,
               int              v)   /* -1: all */
{
  const WmSimFlow *sf = &ctx->program->flows[f];
  const WmSimVersion *sv = v >= 0 ? &sf->versions[v] : NULL;
  const WmSimSlot *slot = sv != NULL ? &sv->slot : &sf->all_slot;
  const gboolean *channel_used = sv != NULL ? sv->channel_used : sf->all_channel_used;
  const gboolean *milestone_used = sv != NULL ? sv->milestone_used : sf->all_milestone_used;
  const gboolean *outcome_used = sv != NULL ? sv->outcome_used : sf->all_outcome_used;
  guint slot_index = sv != NULL ? (guint) v : sf->n_versions;
  const gint64 *c = ctx->c;
  JsonObject *metrics = json_object_new ();
  JsonObject *object;
  g_autofree char *prefix = g_strdup_printf ("%u\x1f%u\x1f", f, slot_index);
  g_autoptr(GPtrArray) months = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  object = json_object_new ();
  for (guint k = 0; k < WM_SIM_OV_N; k++)
    {
      if (k == WM_SIM_OV_GOAL_VALUE || k == WM_SIM_OV_TRAFFIC_COST)
        set_money (object, overall_keys[k], c[slot->overall + k]);
      else
        set_int (object, overall_keys[k], c[slot->overall + k]);
    }
  json_object_set_object_member (metrics, "overall", object);

  object = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (rejection_order); i++)
    {
      guint k = rejection_order[i];

      if (k == WM_SIM_REJECT_STAGE && ctx->program->n_journeys == 0)
        continue;
      set_int (object, rejection_keys[k], c[slot->rejections + k]);
    }
  json_object_set_object_member (metrics, "rejections", object);

  object = json_object_new ();
  for (guint ch = 0; ch < WM_SIM_N_CHANNELS; ch++)
    if (channel_used[ch])
      {
        JsonObject *channel = json_object_new ();

        for (guint k = 0; k < WM_SIM_CF_N; k++)
          {
            gint64 value = c[slot->channels + ch * WM_SIM_CF_N + k];

            if (k == WM_SIM_CF_COST)
              set_money (channel, channel_keys[k], value);
            else
              set_int (channel, channel_keys[k], value);
          }
        json_object_set_object_member (object, wm_sim_channel_to_string (ch), channel);
      }
  json_object_set_object_member (metrics, "channels", object);

  object = json_object_new ();
  if (sv != NULL)
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (guint e = 0; e < sv->n_elements; e++)
        g_ptr_array_add (sorted, (gpointer) &sv->elements[e]);
      g_ptr_array_sort (sorted, compare_elements);
      for (guint e = 0; e < sorted->len; e++)
        {
          const WmSimElement *se = sorted->pdata[e];

          json_object_set_object_member (object, se->id,
                                         build_element (c, se->counters, se->n_ports, se->port_names,
                                                        se->kind == WM_SIM_SEND, se->kind == WM_SIM_NOTIFY));
        }
    }
  else
    for (guint e = 0; e < sf->n_all; e++)
      {
        const WmSimAllElement *ae = &sf->all[e];

        json_object_set_object_member (object, ae->id,
                                       build_element (c, ae->counters, ae->n_ports, ae->port_names,
                                                      ae->is_send, !ae->is_send && ae->is_notify));
      }
  json_object_set_object_member (metrics, "elements", object);

  object = json_object_new ();
  for (guint m = 0; m < sf->n_milestones; m++)
    if (milestone_used[m])
      {
        JsonObject *milestone = json_object_new ();

        set_int (milestone, "reached", c[slot->milestones + 2 * m]);
        set_int (milestone, "profiles", c[slot->milestones + 2 * m + 1]);
        json_object_set_object_member (object, sf->milestones[m], milestone);
      }
  json_object_set_object_member (metrics, "milestones", object);

  object = json_object_new ();
  for (guint o = 0; o < sf->n_outcomes; o++)
    if (outcome_used[o])
      {
        JsonObject *outcome = json_object_new ();
        const gint64 *oc = &c[slot->outcomes + WM_SIM_OF_N * o];
        char buf[32];

        set_int (outcome, "started", oc[WM_SIM_OF_STARTED]);
        set_int (outcome, "success", oc[WM_SIM_OF_SUCCESS]);
        set_int (outcome, "failure", oc[WM_SIM_OF_FAILURE]);
        set_int (outcome, "abandoned", oc[WM_SIM_OF_ABANDONED]);
        json_object_set_string_member (outcome, "success_pct",
                                       wm_percent_format (wm_basis_points (oc[WM_SIM_OF_SUCCESS], oc[WM_SIM_OF_STARTED]), buf));
        json_object_set_string_member (outcome, "failure_pct",
                                       wm_percent_format (wm_basis_points (oc[WM_SIM_OF_FAILURE], oc[WM_SIM_OF_STARTED]), buf));
        set_int (outcome, "mean_success_seconds",
                 oc[WM_SIM_OF_SUCCESS] > 0
                   ? (gint64) wm_div_round_half_up (oc[WM_SIM_OF_SUCCESS_SECONDS], oc[WM_SIM_OF_SUCCESS]) : 0);
        json_object_set_member (outcome, "paths", build_paths (ctx, f, slot_index, o));
        json_object_set_object_member (object, sf->outcomes[o], outcome);
      }
  json_object_set_object_member (metrics, "outcomes", object);

  object = json_object_new ();
  g_hash_table_iter_init (&iter, ctx->engaged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_ptr_array_add (months, key);
  g_ptr_array_sort (months, compare_keys);
  for (guint i = 0; i < months->len; i++)
    set_int (object, (const char *) months->pdata[i] + strlen (prefix),
             *(guint64 *) g_hash_table_lookup (ctx->engaged, months->pdata[i]));
  json_object_set_object_member (metrics, "engaged", object);

  return metrics;
}

static gint64
mean (gint64 seconds,
      gint64 count)
{
  return count > 0 ? (gint64) wm_div_round_half_up (seconds, count) : 0;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (**(const char ***) a, **(const char ***) b);
}

/* journeys.md: counts are of profiles; stages and steps sorted by id. */
static JsonObject *
build_journeys (Ctx *ctx)
{
  const gint64 *c = ctx->c;
  JsonObject *journeys = json_object_new ();

  for (guint j = 0; j < ctx->program->n_journeys; j++)
    {
      const WmSimJourney *sj = &ctx->program->journeys[j];
      JsonObject *journey = json_object_new ();
      JsonObject *stages = json_object_new ();
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      json_object_set_string_member (journey, "name", sj->name != NULL ? sj->name : "");
      set_int (journey, "began", c[sj->counters + WM_SIM_JF_BEGAN]);
      set_int (journey, "completed", c[sj->counters + WM_SIM_JF_COMPLETED]);
      set_int (journey, "mean_completion_seconds",
               mean (c[sj->counters + WM_SIM_JF_COMPLETION_SECONDS], c[sj->counters + WM_SIM_JF_COMPLETED]));

      for (guint s = 0; s < sj->n_stages; s++)
        g_ptr_array_add (sorted, (gpointer) &sj->stages[s]);
      g_ptr_array_sort (sorted, compare_ids);
      for (guint i = 0; i < sorted->len; i++)
        {
          const WmSimStage *ss = sorted->pdata[i];
          JsonObject *stage = json_object_new ();
          JsonObject *steps = json_object_new ();
          g_autoptr(GPtrArray) sorted_steps = g_ptr_array_new ();

          for (guint k = 0; k < WM_SIM_SF_COMPLETION_SECONDS; k++)
            set_int (stage, stage_keys[k], c[ss->counters + k]);
          set_int (stage, "mean_completion_seconds",
                   mean (c[ss->counters + WM_SIM_SF_COMPLETION_SECONDS], c[ss->counters + WM_SIM_SF_COMPLETED]));
          for (guint k = 0; k < ss->n_steps; k++)
            g_ptr_array_add (sorted_steps, (gpointer) &ss->steps[k]);
          g_ptr_array_sort (sorted_steps, compare_ids);
          for (guint k = 0; k < sorted_steps->len; k++)
            {
              const WmSimStep *step = sorted_steps->pdata[k];

              set_int (steps, step->id, c[ss->counters + WM_SIM_SF_N + (step - ss->steps)]);
            }
          json_object_set_object_member (stage, "steps", steps);
          json_object_set_object_member (stages, ss->id, stage);
        }
      json_object_set_object_member (journey, "stages", stages);
      json_object_set_object_member (journeys, sj->id, journey);
    }
  return journeys;
}

JsonNode *
wm_sim_report_build (const WmSimProgram *program,
                     WmSimWorker        *results,
                     guint64             profiles,
                     guint64             rejected_lines)
{
  Ctx ctx = { program, wm_sim_worker_get_counters (results),
              wm_sim_worker_get_paths (results), wm_sim_worker_get_engaged (results) };
  JsonObject *root = json_object_new ();
  JsonObject *run = json_object_new ();
  JsonObject *flows = json_object_new ();
  JsonNode *node = json_node_alloc ();
  char buf[32];

  json_object_set_string_member (root, "format", "waymark.report");
  json_object_set_int_member (root, "format_version", 1);

  json_object_set_string_member (run, "start", wm_timestamp_format (program->start, buf));
  json_object_set_string_member (run, "end", wm_timestamp_format (program->end, buf));
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, program->seed);
  json_object_set_string_member (run, "seed", buf);
  set_int (run, "profiles", profiles);
  set_int (run, "events", wm_sim_worker_get_events (results));
  set_int (run, "rejected_lines", rejected_lines);
  json_object_set_object_member (root, "run", run);

  for (guint f = 0; f < program->n_flows; f++)
    {
      const WmSimFlow *sf = &program->flows[f];
      JsonObject *flow = json_object_new ();
      JsonObject *versions = json_object_new ();

      json_object_set_string_member (flow, "name", sf->name != NULL ? sf->name : "");
      json_object_set_object_member (flow, "all", build_metrics (&ctx, f, -1));
      for (guint v = 0; v < sf->n_versions; v++)
        {
          g_snprintf (buf, sizeof buf, "%u", sf->versions[v].number);
          json_object_set_object_member (versions, buf, build_metrics (&ctx, f, v));
        }
      json_object_set_object_member (flow, "versions", versions);
      json_object_set_object_member (flows, sf->id, flow);
    }
  json_object_set_object_member (root, "flows", flows);
  if (program->n_journeys > 0)
    json_object_set_object_member (root, "journeys", build_journeys (&ctx));

  json_node_init_object (node, root);
  json_object_unref (root);
  return node;
}

static gboolean
is_raw_key (const char *key)
{
  static const char * const raw[] = {
    "cost", "traffic_cost", "goal_value", "success_pct", "failure_pct", "seed", NULL
  };

  return key != NULL && g_strv_contains (raw, key);
}

static void
write_node (GString    *out,
            JsonNode   *node,
            const char *key,
            int         indent)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        if (json_object_get_size (json_node_get_object (node)) == 0)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_string_append (out, first ? "\n" : ",\n");
            g_string_append_printf (out, "%*s", (indent + 1) * 2, "");
            wm_json_append_string (out, name);
            g_string_append (out, ": ");
            write_node (out, member, name, indent + 1);
            first = FALSE;
          }
        g_string_append_printf (out, "\n%*s}", indent * 2, "");
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append (out, i == 0 ? "\n" : ",\n");
            g_string_append_printf (out, "%*s", (indent + 1) * 2, "");
            write_node (out, json_array_get_element (array, i), NULL, indent + 1);
          }
        g_string_append_printf (out, "\n%*s]", indent * 2, "");
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING && is_raw_key (key))
        g_string_append (out, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        wm_json_append_compact (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
wm_sim_report_to_text (JsonNode *report)
{
  GString *out = g_string_new (NULL);

  write_node (out, report, NULL, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
