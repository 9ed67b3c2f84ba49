/* wm-sim-program.c - flows compiled once for a simulation run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-catalogue.h"
#include "wm-journey-validate.h"
#include "wm-sim-program.h"
#include "wm-time.h"

G_DEFINE_QUARK (wm-sim-error-quark, wm_sim_error)

#define NINETY_DAYS (90 * G_GINT64_CONSTANT (86400))

typedef struct
{
  WmSimProgram *program;
  GHashTable   *flow_index;   /* id -> index + 1 */
} Compiler;

static const char *
intern (WmSimProgram *program,
        const char   *text)
{
  return text != NULL ? g_string_chunk_insert_const (program->strings, text) : NULL;
}

/* Event names differ in their length and ends far more often than not;
 * the hash is cheap and the table's compare settles the rest. */
static guint32
event_hash (const char *name,
            gsize       len)
{
  if (len == 0)
    return 0;
  return (guint32) len * 2654435761u ^ (guchar) name[0] * 40503u
         ^ (guchar) name[len - 1] * 9176u ^ (guchar) name[len / 2] * 331u;
}

static const char **
event_slot (const char **slots,
            guint        mask,
            const char  *name,
            gsize        len)
{
  guint i = event_hash (name, len) & mask;

  while (slots[i] != NULL && (strncmp (slots[i], name, len) != 0 || slots[i][len] != '\0'))
    i = (i + 1) & mask;
  return &slots[i];
}

static void
event_slots_add (WmSimProgram *program,
                 const char   *interned)
{
  if ((program->n_event_slots + 1) * 2 > program->event_mask + 1)
    {
      const char **old = program->event_slots;
      guint old_n = old != NULL ? program->event_mask + 1 : 0;

      program->event_mask = old != NULL ? old_n * 2 - 1 : 15;
      program->event_slots = g_new0 (const char *, program->event_mask + 1);
      for (guint i = 0; i < old_n; i++)
        if (old[i] != NULL)
          *event_slot (program->event_slots, program->event_mask, old[i], strlen (old[i])) = old[i];
      g_free (old);
    }
  *event_slot (program->event_slots, program->event_mask, interned, strlen (interned)) = interned;
  program->n_event_slots++;
}

const char *
wm_sim_program_event_name (const WmSimProgram *program,
                           const char         *name,
                           gsize               len)
{
  if (program->event_slots == NULL)
    return NULL;
  return *event_slot ((const char **) program->event_slots, program->event_mask, name, len);
}

/* An event name the run reacts to, interned in program->event_names. */
static const char *
intern_event (WmSimProgram *program,
              const char   *name)
{
  const char *interned;

  if (name == NULL)
    return NULL;
  interned = g_string_chunk_insert_const (program->strings, name);
  if (g_hash_table_add (program->event_names, (gpointer) interned))
    event_slots_add (program, interned);
  return interned;
}

static gpointer
keep (WmSimProgram   *program,
      gpointer        data,
      GDestroyNotify  destroy)
{
  /* Everything the program allocates is freed with it. */
  if (data != NULL)
    {
      GPtrArray *pair = g_ptr_array_new_with_free_func (destroy);
      g_ptr_array_add (pair, data);
      g_ptr_array_add (program->keep, pair);
    }
  return data;
}

static gpointer
alloc0 (WmSimProgram *program,
        gsize         size)
{
  return keep (program, g_malloc0 (MAX (size, 1)), g_free);
}

static gint64
duration_of (WmElement  *element,
             const char *key)
{
  gint64 seconds = 0;
  const char *text = wm_element_get_config_string (element, key);

  if (text != NULL)
    wm_duration_parse (text, &seconds);
  return seconds;
}

static guint
days_of (JsonNode *node)
{
  guint days = 0;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (node), i);
        guint bit;

        if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING
            && wm_day_parse (json_node_get_string (item), &bit))
          days |= bit;
      }
  return days != 0 ? days : WM_DAYS_ALL;
}

static WmExpr *
compile_expr (WmSimProgram *program,
              WmSimVersion *version,
              const char   *text,
              WmExprKind    kind)
{
  WmExpr *expr;

  if (text == NULL || *text == '\0')
    return NULL;
  /* Validation has passed, so this compiles. */
  expr = wm_expr_compile (text, kind, NULL, NULL);
  if (expr == NULL)
    return NULL;
  keep (program, expr, (GDestroyNotify) wm_expr_free);

  /* Bind var.* paths to variable indices once. */
  for (guint i = 0; i < wm_expr_get_n_paths (expr); i++)
    {
      WmExprPath *path = wm_expr_get_path (expr, i);

      if (path->root != WM_EXPR_ROOT_VAR)
        continue;
      for (guint v = 0; v < version->n_variables; v++)
        if (strcmp (version->variables[v].name, path->keys[0]) == 0)
          path->slot = v;
    }
  return expr;
}

static int
variable_index (WmSimVersion *version,
                const char   *name)
{
  for (guint v = 0; name != NULL && v < version->n_variables; v++)
    if (strcmp (version->variables[v].name, name) == 0)
      return v;
  return -1;
}

static int
string_index (const char **list,
              guint        n,
              const char  *id)
{
  for (guint i = 0; id != NULL && i < n; i++)
    if (strcmp (list[i], id) == 0)
      return i;
  return -1;
}

static void
compile_variables (WmSimProgram *program,
                   WmSimVersion *sv,
                   WmVersion    *version)
{
  JsonObject *settings = wm_version_get_settings (version);
  JsonNode *node = settings != NULL ? json_object_get_member (settings, "variables") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  sv->n_variables = json_array_get_length (array);
  sv->variables = alloc0 (program, sizeof (WmSimVariable) * sv->n_variables);

  for (guint i = 0; i < sv->n_variables; i++)
    {
      JsonObject *var = json_node_get_object (json_array_get_element (array, i));
      JsonNode *initial = json_object_get_member (var, "initial");
      const char *type = json_object_get_string_member (var, "type");

      sv->variables[i].name = intern (program, json_object_get_string_member (var, "name"));
      sv->variables[i].initial = wm_value_null ();
      if (initial == NULL || JSON_NODE_HOLDS_NULL (initial))
        continue;
      if (g_str_equal (type, "datetime"))
        {
          gint64 t;

          if (wm_timestamp_parse (json_node_get_string (initial), -1, &t))
            sv->variables[i].initial = wm_value_datetime (t);
        }
      else if (g_str_equal (type, "string"))
        {
          const char *s = intern (program, json_node_get_string (initial));

          /* flow-format.md: an initial "" is null. */
          if (s != NULL && *s != '\0')
            sv->variables[i].initial = wm_value_string (s, strlen (s));
        }
      else
        wm_value_from_json_node (initial, &sv->variables[i].initial);
    }
}

static void
compile_settings (WmSimProgram *program,
                  WmSimVersion *sv,
                  WmVersion    *version)
{
  JsonObject *settings = wm_version_get_settings (version);
  JsonNode *node;

  sv->reentry = TRUE;
  if (settings == NULL)
    return;

  node = json_object_get_member (settings, "reentry");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *reentry = json_node_get_object (node);
      JsonNode *member = json_object_get_member (reentry, "enabled");
      const char *delay;

      if (member != NULL && JSON_NODE_HOLDS_VALUE (member))
        sv->reentry = json_node_get_boolean (member);
      delay = json_object_get_member (reentry, "delay") != NULL
              && JSON_NODE_HOLDS_VALUE (json_object_get_member (reentry, "delay"))
              ? json_object_get_string_member (reentry, "delay") : NULL;
      if (delay != NULL && *delay != '\0')
        wm_duration_parse (delay, &sv->reentry_delay);

      member = json_object_get_member (reentry, "limits");
      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *limits = json_node_get_array (member);

          sv->n_limits = json_array_get_length (limits);
          sv->limit_counts = alloc0 (program, sizeof (guint) * sv->n_limits);
          sv->limit_periods = alloc0 (program, sizeof (gint64) * sv->n_limits);
          for (guint i = 0; i < sv->n_limits; i++)
            {
              JsonObject *limit = json_node_get_object (json_array_get_element (limits, i));

              /* Validated as a whole number of 1 or more; clamped before converting. */
              sv->limit_counts[i] = (guint) MIN (json_object_get_double_member (limit, "count"), G_MAXUINT);
              wm_duration_parse (json_object_get_string_member (limit, "period"), &sv->limit_periods[i]);
            }
        }
    }

  node = json_object_get_member (settings, "goal");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *goal = json_node_get_object (node);
      JsonNode *value = json_object_get_member (goal, "value");
      JsonNode *window = json_object_get_member (goal, "window");

      sv->goal_event = intern_event (program, json_object_get_string_member (goal, "event"));
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && *json_node_get_string (value) != '\0')
        sv->goal_value = intern (program, json_node_get_string (value));
      if (window != NULL && JSON_NODE_HOLDS_VALUE (window) && *json_node_get_string (window) != '\0')
        wm_duration_parse (json_node_get_string (window), &sv->goal_window);
    }
}

static void
compile_element (Compiler     *c,
                 WmSimFlow    *sf,
                 WmSimVersion *sv,
                 WmVersion    *version,
                 WmElement    *element,
                 WmSimElement *se)
{
  WmSimProgram *program = c->program;
  const WmElementType *type = wm_element_get_element_type (element);
  const char *t = type->type;
  JsonNode *node;

  se->id = intern (program, wm_element_get_id (element));
  se->type = t;
  se->react_element = -1;
  se->variable = -1;
  se->target_flow = -1;
  se->milestone = -1;
  se->outcome = -1;

  if (g_str_equal (t, "entry.event"))
    {
      se->kind = WM_SIM_ENTRY_EVENT;
      se->event = intern_event (program, wm_element_get_config_string (element, "event"));
      se->expr = compile_expr (program, sv, wm_element_get_config_string (element, "where"), WM_EXPR_EXPRESSION);
    }
  else if (g_str_equal (t, "entry.audience"))
    {
      se->kind = WM_SIM_ENTRY_AUDIENCE;
      se->expr = compile_expr (program, sv, wm_element_get_config_string (element, "where"), WM_EXPR_EXPRESSION);
    }
  else if (g_str_equal (t, "entry.inbound"))
    {
      g_autofree char *name = g_strconcat ("inbound.", wm_element_get_config_string (element, "channel"), NULL);

      se->kind = WM_SIM_ENTRY_INBOUND;
      se->event = intern_event (program, name);
      se->number = intern (program, wm_element_get_config_string (element, "number"));
      se->keyword = intern (program, wm_element_get_config_string (element, "keyword"));
    }
  else if (g_str_equal (t, "entry.date"))
    {
      const char *at = wm_element_get_config_string (element, "at");
      JsonNode *offset = wm_element_get_config_member (element, "offset");

      se->kind = WM_SIM_ENTRY_DATE;
      se->attribute = intern (program, wm_element_get_config_string (element, "attribute"));
      se->at_minute = 9 * 60;
      if (at != NULL)
        wm_clock_parse (at, &se->at_minute);
      if (offset != NULL && JSON_NODE_HOLDS_VALUE (offset) && json_node_get_value_type (offset) != G_TYPE_STRING)
        /* Validated as a whole number; beyond 10,000 years it can meet no date
         * of a run, so clamping before converting changes nothing. */
        se->offset_days = (int) CLAMP (json_node_get_double (offset), -3700000, 3700000);
      se->zone_flow = g_strcmp0 (wm_element_get_config_string (element, "zone"), "flow") == 0;
    }
  else if (type->category == WM_CATEGORY_CHANNEL)
    {
      se->kind = WM_SIM_SEND;
      wm_sim_channel_from_string (type->channel, &se->channel);
      se->contact = type->contact;
      sv->channel_used[se->channel] = TRUE;
      sf->all_channel_used[se->channel] = TRUE;
      if (se->channel == WM_SIM_CHANNEL_SMS)
        se->sms_text = compile_expr (program, sv, wm_element_get_config_string (element, "text"), WM_EXPR_TEMPLATE);
      node = wm_element_get_config_member (element, "send_window");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *window = json_node_get_object (node);

          se->has_window = TRUE;
          wm_clock_parse (json_object_get_string_member (window, "from"), &se->window_from);
          wm_clock_parse (json_object_get_string_member (window, "to"), &se->window_to);
          se->window_days = days_of (json_object_get_member (window, "days"));
          se->window_zone_flow = json_object_has_member (window, "zone")
                                 && JSON_NODE_HOLDS_VALUE (json_object_get_member (window, "zone"))
                                 && g_strcmp0 (json_object_get_string_member (window, "zone"), "flow") == 0;
        }
    }
  else if (g_str_equal (t, "wait.delay"))
    {
      se->kind = WM_SIM_WAIT_DELAY;
      se->duration = duration_of (element, "duration");
    }
  else if (g_str_equal (t, "wait.time"))
    {
      se->kind = WM_SIM_WAIT_TIME;
      wm_clock_parse (wm_element_get_config_string (element, "at"), &se->at_minute);
      se->days = days_of (wm_element_get_config_member (element, "days"));
      se->zone_flow = g_strcmp0 (wm_element_get_config_string (element, "zone"), "flow") == 0;
    }
  else if (g_str_equal (t, "wait.event"))
    {
      se->kind = WM_SIM_WAIT_EVENT;
      se->event = intern_event (program, wm_element_get_config_string (element, "event"));
      se->expr = compile_expr (program, sv, wm_element_get_config_string (element, "where"), WM_EXPR_EXPRESSION);
      se->duration = duration_of (element, "timeout");
      node = wm_element_get_config_member (element, "assign");
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          se->n_assign = json_array_get_length (array);
          se->assign_vars = alloc0 (program, sizeof (int) * se->n_assign);
          se->assign_props = alloc0 (program, sizeof (char *) * se->n_assign);
          for (guint i = 0; i < se->n_assign; i++)
            {
              JsonObject *assign = json_node_get_object (json_array_get_element (array, i));

              se->assign_vars[i] = variable_index (sv, json_object_get_string_member (assign, "variable"));
              se->assign_props[i] = intern (program, json_object_get_string_member (assign, "property"));
            }
        }
    }
  else if (g_str_equal (t, "react.message"))
    {
      const char *reaction = wm_element_get_config_string (element, "reaction");

      se->kind = WM_SIM_REACT;
      se->duration = duration_of (element, "timeout");
      se->reaction = g_strcmp0 (reaction, "opened") == 0 ? WM_SIM_OPENED
                     : g_strcmp0 (reaction, "clicked") == 0 ? WM_SIM_CLICKED : WM_SIM_DELIVERED;
      /* react_element is resolved once every element has an index. */
    }
  else if (g_str_equal (t, "branch.condition"))
    {
      JsonArray *array = json_node_get_array (wm_element_get_config_member (element, "branches"));

      se->kind = WM_SIM_BRANCH;
      se->n_whens = json_array_get_length (array);
      se->whens = alloc0 (program, sizeof (WmExpr *) * se->n_whens);
      for (guint i = 0; i < se->n_whens; i++)
        {
          JsonObject *branch = json_node_get_object (json_array_get_element (array, i));

          se->whens[i] = compile_expr (program, sv, json_object_get_string_member (branch, "when"),
                                       WM_EXPR_EXPRESSION);
        }
    }
  else if (g_str_equal (t, "split.percent"))
    {
      JsonArray *array = json_node_get_array (wm_element_get_config_member (element, "variants"));
      guint n = json_array_get_length (array);

      se->kind = WM_SIM_SPLIT;
      se->cumulative = alloc0 (program, sizeof (double) * n);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *variant = json_node_get_object (json_array_get_element (array, i));

          se->total_weight += json_object_get_double_member (variant, "weight");
          se->cumulative[i] = se->total_weight;
        }
    }
  else if (g_str_equal (t, "set.variable"))
    {
      se->kind = WM_SIM_SET_VARIABLE;
      se->variable = variable_index (sv, wm_element_get_config_string (element, "variable"));
      se->expr = compile_expr (program, sv, wm_element_get_config_string (element, "value"), WM_EXPR_EXPRESSION);
    }
  else if (g_str_equal (t, "set.attribute"))
    {
      se->kind = WM_SIM_SET_ATTRIBUTE;
      se->attribute = intern (program, wm_element_get_config_string (element, "attribute"));
      se->expr = compile_expr (program, sv, wm_element_get_config_string (element, "value"), WM_EXPR_EXPRESSION);
    }
  else if (g_str_equal (t, "call.api"))
    se->kind = WM_SIM_CALL_API;
  else if (g_str_equal (t, "add.to.flow"))
    {
      se->kind = WM_SIM_ADD_TO_FLOW;
      se->target_flow = GPOINTER_TO_INT (g_hash_table_lookup (c->flow_index,
                                                              wm_element_get_config_string (element, "flow"))) - 1;
      node = wm_element_get_config_member (element, "transfer");
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          se->n_transfer = json_array_get_length (array);
          se->transfer_names = alloc0 (program, sizeof (char *) * se->n_transfer);
          se->transfer_vars = alloc0 (program, sizeof (int) * se->n_transfer);
          for (guint i = 0; i < se->n_transfer; i++)
            {
              se->transfer_names[i] = intern (program, json_array_get_string_element (array, i));
              se->transfer_vars[i] = variable_index (sv, se->transfer_names[i]);
            }
        }
    }
  else if (g_str_equal (t, "notify.internal"))
    {
      se->kind = WM_SIM_NOTIFY;
      se->channel = g_strcmp0 (wm_element_get_config_string (element, "channel"), "sms") == 0
                    ? WM_SIM_CHANNEL_SMS : WM_SIM_CHANNEL_EMAIL;
    }
  else if (g_str_equal (t, "milestone"))
    {
      se->kind = WM_SIM_MILESTONE;
      se->milestone = string_index (sf->milestones, sf->n_milestones,
                                    wm_element_get_config_string (element, "milestone"));
      sv->milestone_used[se->milestone] = TRUE;
      sf->all_milestone_used[se->milestone] = TRUE;
    }
  else if (g_str_equal (t, "outcome.start") || g_str_equal (t, "outcome.set"))
    {
      se->kind = g_str_equal (t, "outcome.start") ? WM_SIM_OUTCOME_START : WM_SIM_OUTCOME_SET;
      se->outcome = string_index (sf->outcomes, sf->n_outcomes,
                                  wm_element_get_config_string (element, "outcome"));
      se->success = g_strcmp0 (wm_element_get_config_string (element, "result"), "success") == 0;
      sv->outcome_used[se->outcome] = TRUE;
      sf->all_outcome_used[se->outcome] = TRUE;
    }
  else
    se->kind = WM_SIM_EXIT;
}

static void
compile_ports (WmSimProgram *program,
               WmSimVersion *sv,
               WmVersion    *version,
               WmElement    *element,
               WmSimElement *se)
{
  g_auto(GStrv) ports = wm_element_list_ports (element);

  se->n_ports = g_strv_length (ports);
  se->port_names = alloc0 (program, sizeof (char *) * se->n_ports);
  se->port_targets = alloc0 (program, sizeof (int) * se->n_ports);
  se->port_all = alloc0 (program, sizeof (guint) * se->n_ports);

  for (guint p = 0; p < se->n_ports; p++)
    {
      WmConnection *connection = wm_version_find_connection (version, se->id, ports[p]);
      WmElement *target = connection != NULL
                          ? wm_version_find_element (version, wm_connection_get_to (connection)) : NULL;
      guint position;

      se->port_names[p] = intern (program, ports[p]);
      se->port_targets[p] = -1;
      if (target != NULL && wm_version_find_element_position (version, target, &position))
        se->port_targets[p] = position;
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static const char **
sorted_keys (WmSimProgram *program,
             GHashTable   *set,
             guint        *n)
{
  g_autofree gpointer keys = g_hash_table_get_keys_as_array (set, n);
  const char **out = alloc0 (program, sizeof (char *) * *n);

  memcpy (out, keys, sizeof (char *) * *n);
  qsort (out, *n, sizeof (char *), compare_strings);
  return out;
}

/* The ids of milestones and outcomes the participating versions refer to,
 * sorted as the report lists them. */
static void
collect_references (WmSimProgram *program,
                    WmSimFlow    *sf,
                    GPtrArray    *versions)
{
  g_autoptr(GHashTable) milestones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) outcomes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint v = 0; v < versions->len; v++)
    {
      WmVersion *version = versions->pdata[v];

      for (guint i = 0; i < wm_version_get_n_elements (version); i++)
        {
          WmElement *element = wm_version_get_element_at (version, i);
          const char *t = wm_element_get_type_name (element);

          if (g_str_equal (t, "milestone"))
            g_hash_table_add (milestones, (gpointer) intern (program, wm_element_get_config_string (element, "milestone")));
          else if (g_str_has_prefix (t, "outcome."))
            g_hash_table_add (outcomes, (gpointer) intern (program, wm_element_get_config_string (element, "outcome")));
        }
    }

  sf->milestones = sorted_keys (program, milestones, &sf->n_milestones);
  sf->outcomes = sorted_keys (program, outcomes, &sf->n_outcomes);
}

static guint
layout_slot (WmSimFlow *sf,
             WmSimSlot *slot,
             guint      next)
{
  slot->overall = next;
  next += WM_SIM_OV_N;
  slot->rejections = next;
  next += WM_SIM_REJECT_N;
  slot->channels = next;
  next += WM_SIM_N_CHANNELS * WM_SIM_CF_N;
  slot->milestones = next;
  next += 2 * sf->n_milestones;
  slot->outcomes = next;
  next += WM_SIM_OF_N * sf->n_outcomes;
  return next;
}

/* The `all` elements: the union of the participating versions' elements by
 * id, each with the union of its ports: the ports of the latest version
 * that has it, then the remaining ports of earlier versions, latest first. */
static void
build_all (WmSimProgram *program,
           WmSimFlow    *sf)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (int v = sf->n_versions - 1; v >= 0; v--)
    for (guint e = 0; e < sf->versions[v].n_elements; e++)
      if (!g_hash_table_contains (index, sf->versions[v].elements[e].id))
        {
          g_hash_table_add (index, (gpointer) sf->versions[v].elements[e].id);
          g_ptr_array_add (ids, (gpointer) sf->versions[v].elements[e].id);
        }

  g_ptr_array_sort (ids, compare_strings);
  sf->n_all = ids->len;
  sf->all = alloc0 (program, sizeof (WmSimAllElement) * ids->len);
  g_hash_table_remove_all (index);
  for (guint i = 0; i < ids->len; i++)
    {
      sf->all[i].id = ids->pdata[i];
      g_hash_table_insert (index, ids->pdata[i], GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < sf->n_all; i++)
    {
      WmSimAllElement *ae = &sf->all[i];
      g_autoptr(GPtrArray) ports = g_ptr_array_new ();

      for (int v = sf->n_versions - 1; v >= 0; v--)
        for (guint e = 0; e < sf->versions[v].n_elements; e++)
          {
            WmSimElement *se = &sf->versions[v].elements[e];

            if (strcmp (se->id, ae->id) != 0)
              continue;
            if (ae->type == NULL)
              ae->type = se->type;
            if (se->kind == WM_SIM_SEND)
              ae->is_send = TRUE;
            if (se->kind == WM_SIM_NOTIFY)
              ae->is_notify = TRUE;
            for (guint p = 0; p < se->n_ports; p++)
              {
                guint k;

                for (k = 0; k < ports->len; k++)
                  if (strcmp (ports->pdata[k], se->port_names[p]) == 0)
                    break;
                if (k == ports->len)
                  g_ptr_array_add (ports, (gpointer) se->port_names[p]);
              }
          }
      ae->n_ports = ports->len;
      ae->port_names = alloc0 (program, sizeof (char *) * ports->len);
      if (ports->len > 0)   /* an empty GPtrArray has no pdata at all */
        memcpy (ae->port_names, ports->pdata, sizeof (char *) * ports->len);
    }

  for (guint v = 0; v < sf->n_versions; v++)
    for (guint e = 0; e < sf->versions[v].n_elements; e++)
      {
        WmSimElement *se = &sf->versions[v].elements[e];
        WmSimAllElement *ae;

        se->all_index = GPOINTER_TO_UINT (g_hash_table_lookup (index, se->id));
        ae = &sf->all[se->all_index];
        for (guint p = 0; p < se->n_ports; p++)
          for (guint k = 0; k < ae->n_ports; k++)
            if (strcmp (ae->port_names[k], se->port_names[p]) == 0)
              se->port_all[p] = k;
      }
}

/* Which versions take part, and their accepting windows [A, B)
 * (simulation.md, Versions; --try: Trying a version). */
static gboolean
select_versions (const WmSimInputs *inputs,
                 WmFlow            *flow,
                 GPtrArray         *out,
                 GArray            *launches,
                 GError           **error)
{
  gpointer tried;
  const char *id = wm_flow_get_id (flow);

  if (inputs->tries != NULL && g_hash_table_lookup_extended (inputs->tries, id, NULL, &tried))
    {
      WmVersion *version = wm_flow_get_version (flow, GPOINTER_TO_UINT (tried));
      gint64 t = inputs->start;

      if (version == NULL)
        {
          g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                       "--try %s:%u: the flow has no version %u", id, GPOINTER_TO_UINT (tried),
                       GPOINTER_TO_UINT (tried));
          return FALSE;
        }
      g_ptr_array_add (out, version);
      g_array_append_val (launches, t);
      return TRUE;
    }

  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, i);
      gint64 t;

      if (wm_version_get_timestamp (version, "launched_at", &t))
        {
          g_ptr_array_add (out, version);
          g_array_append_val (launches, t);
        }
    }
  if (out->len == 0)
    {
      /* None launched: the last version takes part as if launched at
       * schedule.start, or at the run start when that is null. */
      JsonObject *schedule = wm_flow_get_schedule (flow);
      const char *start = schedule != NULL && json_object_has_member (schedule, "start")
                          && JSON_NODE_HOLDS_VALUE (json_object_get_member (schedule, "start"))
                          ? json_object_get_string_member (schedule, "start") : NULL;
      gint64 t = inputs->start;

      if (start != NULL)
        wm_timestamp_parse (start, -1, &t);
      g_ptr_array_add (out, wm_flow_get_latest_version (flow));
      g_array_append_val (launches, t);
    }
  return TRUE;
}

static void
accepting_windows (const WmSimInputs *inputs,
                   WmSimFlow         *sf,
                   WmFlow            *flow,
                   GArray            *launches,
                   gboolean           tried)
{
  JsonObject *schedule = wm_flow_get_schedule (flow);
  gint64 start = 0, end = 0;
  gboolean has_start = FALSE, has_end = FALSE, indefinite = FALSE;

  if (schedule != NULL)
    {
      JsonNode *node = json_object_get_member (schedule, "start");

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        has_start = wm_timestamp_parse (json_node_get_string (node), -1, &start);
      node = json_object_get_member (schedule, "end");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        has_end = wm_timestamp_parse (json_node_get_string (node), -1, &end);
      node = json_object_get_member (schedule, "indefinite");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        indefinite = json_node_get_boolean (node);
    }

  for (guint v = 0; v < sf->n_versions; v++)
    {
      WmSimVersion *sv = &sf->versions[v];
      gint64 launched = g_array_index (launches, gint64, v);
      gint64 a = launched, b = G_MAXINT64;

      if (has_start && start > a)
        a = start;
      if (!tried && v + 1 < sf->n_versions)
        b = MIN (b, g_array_index (launches, gint64, v + 1));
      if (!tried && sv->has_stop)
        b = MIN (b, sv->stopped_at);
      if (has_end)
        b = MIN (b, end);
      else if (!indefinite)
        /* 90 days after the first participating version's launch; for a
         * tried version, after its A. */
        b = MIN (b, (tried ? a : g_array_index (launches, gint64, 0)) + NINETY_DAYS);
      sv->accept_from = a;
      sv->accept_until = b;
    }
}

static gboolean
compile_flow (Compiler          *c,
              const WmSimInputs *inputs,
              WmFlow            *flow,
              WmSimFlow         *sf,
              GError           **error)
{
  WmSimProgram *program = c->program;
  g_autoptr(GPtrArray) versions = g_ptr_array_new ();
  g_autoptr(GArray) launches = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean tried = inputs->tries != NULL && g_hash_table_contains (inputs->tries, wm_flow_get_id (flow));

  sf->id = intern (program, wm_flow_get_id (flow));
  sf->name = intern (program, wm_flow_get_name (flow));
  sf->flow = keep (program, g_object_ref (flow), g_object_unref);
  sf->zone = wm_zone_get (wm_flow_get_timezone (flow));
  if (sf->zone == NULL)
    sf->zone = wm_zone_get ("UTC");

  if (!select_versions (inputs, flow, versions, launches, error))
    return FALSE;

  collect_references (program, sf, versions);
  sf->all_milestone_used = alloc0 (program, sizeof (gboolean) * sf->n_milestones);
  sf->all_outcome_used = alloc0 (program, sizeof (gboolean) * sf->n_outcomes);

  sf->n_versions = versions->len;
  sf->versions = alloc0 (program, sizeof (WmSimVersion) * versions->len);
  for (guint v = 0; v < versions->len; v++)
    {
      WmVersion *version = versions->pdata[v];
      WmSimVersion *sv = &sf->versions[v];

      sv->number = wm_version_get_number (version);
      sv->has_stop = !tried && wm_version_get_timestamp (version, "stopped_at", &sv->stopped_at);
      sv->milestone_used = alloc0 (program, sizeof (gboolean) * sf->n_milestones);
      sv->outcome_used = alloc0 (program, sizeof (gboolean) * sf->n_outcomes);
      compile_variables (program, sv, version);
      compile_settings (program, sv, version);

      sv->n_elements = wm_version_get_n_elements (version);
      sv->elements = alloc0 (program, sizeof (WmSimElement) * sv->n_elements);
      sv->entry = -1;
      for (guint e = 0; e < sv->n_elements; e++)
        {
          WmElement *element = wm_version_get_element_at (version, e);
          WmSimElement *se = &sv->elements[e];

          compile_element (c, sf, sv, version, element, se);
          compile_ports (program, sv, version, element, se);
          if (wm_element_get_element_type (element)->category == WM_CATEGORY_ENTRY)
            sv->entry = e;
        }
      for (guint e = 0; e < sv->n_elements; e++)
        if (sv->elements[e].kind == WM_SIM_REACT)
          {
            const char *ref = wm_element_get_config_string (wm_version_get_element_at (version, e), "element");

            for (guint k = 0; k < sv->n_elements; k++)
              if (g_strcmp0 (sv->elements[k].id, ref) == 0 && sv->elements[k].kind == WM_SIM_SEND)
                {
                  sv->elements[e].react_element = k;
                  break;
                }
          }
    }

  accepting_windows (inputs, sf, flow, launches, tried);
  build_all (program, sf);
  return TRUE;
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || *json_node_get_string (node) == '\0')
    return NULL;
  return json_node_get_string (node);
}

static WmExpr *
compile_plain (WmSimProgram *program,
               const char   *text)
{
  WmExpr *expr;

  if (text == NULL)
    return NULL;
  expr = wm_expr_compile (text, WM_EXPR_EXPRESSION, NULL, NULL);
  return keep (program, expr, (GDestroyNotify) wm_expr_free);
}

static void
compile_stage (WmSimProgram *program,
               JsonObject   *stage,
               JsonArray    *stages,
               WmSimStage   *ss)
{
  JsonNode *begins = json_object_get_member (stage, "begins");
  JsonObject *b = begins != NULL && JSON_NODE_HOLDS_OBJECT (begins) ? json_node_get_object (begins) : NULL;
  const char *when = member_string (b, "when");
  JsonNode *node;

  ss->id = intern (program, member_string (stage, "id"));
  ss->begins = g_strcmp0 (when, "after") == 0 ? WM_SIM_BEGINS_AFTER
               : g_strcmp0 (when, "manual") == 0 ? WM_SIM_BEGINS_MANUAL : WM_SIM_BEGINS_JOURNEY;
  if (ss->begins == WM_SIM_BEGINS_AFTER)
    {
      JsonArray *after = json_object_get_array_member (b, "after");

      ss->n_after = json_array_get_length (after);
      ss->after = alloc0 (program, sizeof (guint) * ss->n_after);
      for (guint k = 0; k < ss->n_after; k++)
        for (guint i = 0; i < json_array_get_length (stages); i++)
          if (g_strcmp0 (member_string (json_node_get_object (json_array_get_element (stages, i)), "id"),
                         json_array_get_string_element (after, k)) == 0)
            ss->after[k] = i;
    }
  ss->entry = compile_plain (program, member_string (stage, "entry"));
  ss->manual_completion = g_strcmp0 (member_string (stage, "completes"), "manual") == 0;
  wm_duration_parse (member_string (stage, "duration"), &ss->duration);
  ss->behind = ss->duration;
  ss->stuck = 2 * ss->duration;
  if (member_string (stage, "behind") != NULL)
    wm_duration_parse (member_string (stage, "behind"), &ss->behind);
  if (member_string (stage, "stuck") != NULL)
    wm_duration_parse (member_string (stage, "stuck"), &ss->stuck);

  node = json_object_get_member (stage, "steps");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *steps = json_node_get_array (node);

      ss->n_steps = json_array_get_length (steps);
      ss->steps = alloc0 (program, sizeof (WmSimStep) * ss->n_steps);
      for (guint k = 0; k < ss->n_steps; k++)
        {
          JsonObject *step = json_node_get_object (json_array_get_element (steps, k));
          WmSimStep *st = &ss->steps[k];
          const char *kind = member_string (step, "kind");
          JsonNode *required = json_object_get_member (step, "required");

          st->id = intern (program, member_string (step, "id"));
          st->required = !(required != NULL && JSON_NODE_HOLDS_VALUE (required)
                           && json_node_get_value_type (required) == G_TYPE_BOOLEAN
                           && !json_node_get_boolean (required));
          if (g_strcmp0 (kind, "milestone") == 0)
            {
              st->kind = WM_SIM_STEP_MILESTONE;
              st->name = intern (program, member_string (step, "milestone"));
              st->flow = intern (program, member_string (step, "flow"));
            }
          else if (g_strcmp0 (kind, "outcome") == 0)
            {
              st->kind = WM_SIM_STEP_OUTCOME;
              st->name = intern (program, member_string (step, "outcome"));
              st->success = g_strcmp0 (member_string (step, "result"), "failure") != 0;
            }
          else if (g_strcmp0 (kind, "event") == 0)
            {
              st->kind = WM_SIM_STEP_EVENT;
              st->name = intern_event (program, member_string (step, "event"));
              st->where = compile_plain (program, member_string (step, "where"));
            }
          else if (g_strcmp0 (kind, "flow") == 0)
            {
              st->kind = WM_SIM_STEP_FLOW;
              st->flow = intern (program, member_string (step, "flow"));
              st->on_enter = g_strcmp0 (member_string (step, "on"), "enter") == 0;
            }
          else
            st->kind = WM_SIM_STEP_TASK;
        }
    }
}

static int
compare_journeys (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (wm_journey_get_id (*(WmJourney **) a), wm_journey_get_id (*(WmJourney **) b));
}

/* Journeys (journeys.md, Simulation): compiled like flows, and each flow
 * learns which stages gate its entries. */
static void
compile_journeys (Compiler  *c,
                  GPtrArray *journeys)
{
  WmSimProgram *program = c->program;
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (journeys, NULL, NULL);
  g_autoptr(GArray) gates = g_array_new (FALSE, FALSE, sizeof (guint) * 3);

  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_journeys);
  /* Manual actions are events every journey listens to. */
  intern_event (program, "journey.begin");
  intern_event (program, "journey.complete");
  intern_event (program, "journey.task");
  program->n_journeys = sorted->len;
  program->journeys = alloc0 (program, sizeof (WmSimJourney) * sorted->len);

  for (guint j = 0; j < sorted->len; j++)
    {
      WmJourney *journey = sorted->pdata[j];
      WmSimJourney *sj = &program->journeys[j];
      JsonObject *json = wm_journey_get_json (journey);
      JsonNode *begins = json_object_get_member (json, "begins");
      JsonObject *b = begins != NULL && JSON_NODE_HOLDS_OBJECT (begins) ? json_node_get_object (begins) : NULL;
      JsonArray *stages = wm_journey_get_stages (journey);

      keep (program, g_object_ref (journey), g_object_unref);
      sj->id = intern (program, wm_journey_get_id (journey));
      sj->name = intern (program, wm_journey_get_name (journey));
      sj->begins_event = intern_event (program, member_string (b, "event"));
      sj->begins_where = compile_plain (program, member_string (b, "where"));
      sj->n_stages = json_array_get_length (stages);
      sj->stages = alloc0 (program, sizeof (WmSimStage) * sj->n_stages);
      for (guint s = 0; s < sj->n_stages; s++)
        {
          JsonObject *stage = json_node_get_object (json_array_get_element (stages, s));
          JsonNode *flows = json_object_get_member (stage, "flows");

          compile_stage (program, stage, stages, &sj->stages[s]);
          if (flows != NULL && JSON_NODE_HOLDS_ARRAY (flows))
            for (guint k = 0; k < json_array_get_length (json_node_get_array (flows)); k++)
              {
                int f = wm_sim_program_find_flow (program,
                                                  json_array_get_string_element (json_node_get_array (flows), k));
                guint gate[3] = { f, j, s };

                if (f >= 0)
                  g_array_append_val (gates, gate);
              }
        }
    }

  for (guint f = 0; f < program->n_flows; f++)
    {
      WmSimFlow *sf = &program->flows[f];

      for (guint g = 0; g < gates->len; g++)
        if (((guint *) gates->data)[3 * g] == f)
          sf->n_gates++;
      sf->gate_journeys = alloc0 (program, sizeof (guint) * sf->n_gates);
      sf->gate_stages = alloc0 (program, sizeof (guint) * sf->n_gates);
      sf->n_gates = 0;
      for (guint g = 0; g < gates->len; g++)
        if (((guint *) gates->data)[3 * g] == f)
          {
            sf->gate_journeys[sf->n_gates] = ((guint *) gates->data)[3 * g + 1];
            sf->gate_stages[sf->n_gates] = ((guint *) gates->data)[3 * g + 2];
            sf->n_gates++;
          }
    }
}

static void
layout_counters (WmSimProgram *program)
{
  guint next = 0;

  for (guint f = 0; f < program->n_flows; f++)
    {
      WmSimFlow *sf = &program->flows[f];

      for (guint v = 0; v < sf->n_versions; v++)
        {
          WmSimVersion *sv = &sf->versions[v];

          next = layout_slot (sf, &sv->slot, next);
          for (guint e = 0; e < sv->n_elements; e++)
            {
              sv->elements[e].counters = next;
              next += WM_SIM_EF_N + sv->elements[e].n_ports;
            }
        }
      next = layout_slot (sf, &sf->all_slot, next);
      for (guint i = 0; i < sf->n_all; i++)
        {
          sf->all[i].counters = next;
          next += WM_SIM_EF_N + sf->all[i].n_ports;
        }
    }
  for (guint j = 0; j < program->n_journeys; j++)
    {
      WmSimJourney *sj = &program->journeys[j];

      sj->counters = next;
      next += WM_SIM_JF_N;
      for (guint s = 0; s < sj->n_stages; s++)
        {
          sj->stages[s].counters = next;
          next += WM_SIM_SF_N + sj->stages[s].n_steps;
        }
    }
  program->n_counters = next;
}

static int
compare_flows (gconstpointer a,
               gconstpointer b)
{
  return strcmp (wm_flow_get_id (*(WmFlow **) a), wm_flow_get_id (*(WmFlow **) b));
}

WmSimProgram *
wm_sim_program_new (const WmSimInputs *inputs,
                    GPtrArray        **diagnostics,
                    GPtrArray        **diagnostic_sources,
                    GError           **error)
{
  g_autoptr(WmSimProgram) program = g_new0 (WmSimProgram, 1);
  g_autoptr(GPtrArray) flows = g_ptr_array_copy (inputs->flows, NULL, NULL);
  g_autoptr(WmCatalog) lookup = wm_catalog_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_diagnostic_free);
  g_autoptr(GPtrArray) found_flows = g_ptr_array_new ();
  g_autoptr(GHashTable) flow_index = g_hash_table_new (g_str_hash, g_str_equal);
  Compiler c = { program, flow_index };

  program->keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  program->strings = g_string_chunk_new (4096);
  program->event_names = g_hash_table_new (g_str_hash, g_str_equal);
  program->start = inputs->start;
  program->end = inputs->end;
  program->seed = inputs->seed;
  program->params = inputs->params;

  /* The copy takes the original's free function; it owns nothing. */
  g_ptr_array_set_free_func (flows, NULL);
  g_ptr_array_sort (flows, compare_flows);
  for (guint i = 0; i < flows->len; i++)
    {
      const char *id = wm_flow_get_id (flows->pdata[i]);

      if (id == NULL)
        continue;   /* validation reports the bad id */
      if (g_hash_table_contains (flow_index, id))
        {
          g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                       "the flow id “%s” is given twice", id);
          return NULL;
        }
      g_hash_table_insert (flow_index, (gpointer) id, GINT_TO_POINTER (i + 1));
    }

  if (inputs->tries != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, inputs->tries);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (flow_index, key))
          {
            g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                         "--try %s: no flow of the run has that id", (const char *) key);
            return NULL;
          }
    }

  /* Validation as simulate does it: the flows of the run are all there is
   * (an add.to.flow target outside the run is an error), inbound conflicts
   * are about launching and not checked. */
  if (inputs->catalog != NULL)
    wm_catalog_copy_definitions (lookup, inputs->catalog);
  for (guint i = 0; i < flows->len; i++)
    wm_catalog_add_flow (lookup, flows->pdata[i]);
  wm_catalog_set_flows_complete (lookup, TRUE);
  wm_catalog_set_check_inbound (lookup, FALSE);

  for (guint i = 0; i < flows->len; i++)
    {
      WmFlow *flow = flows->pdata[i];
      g_autoptr(GPtrArray) result = wm_validate_flow (flow, WM_LOOKUP (lookup));
      g_autoptr(GPtrArray) versions = g_ptr_array_new ();
      g_autoptr(GArray) launches = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GError) local_error = NULL;

      if (wm_flow_get_id (flow) != NULL
          && !select_versions (inputs, flow, versions, launches, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      for (guint d = 0; d < result->len; d++)
        {
          WmDiagnostic *diagnostic = result->pdata[d];
          gboolean counts = diagnostic->severity == WM_SEVERITY_ERROR && diagnostic->version == 0;

          for (guint v = 0; !counts && diagnostic->severity == WM_SEVERITY_ERROR && v < versions->len; v++)
            if (wm_version_get_number (versions->pdata[v]) == diagnostic->version)
              counts = TRUE;
          if (counts)
            {
              g_ptr_array_add (found, wm_diagnostic_copy (diagnostic));
              g_ptr_array_add (found_flows, flow);
            }
        }
    }

  if (inputs->journeys != NULL)
    {
      g_autoptr(GHashTable) journey_ids = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < inputs->journeys->len; i++)
        {
          WmJourney *journey = inputs->journeys->pdata[i];
          g_autoptr(GPtrArray) result = NULL;

          if (g_hash_table_contains (journey_ids, wm_journey_get_id (journey)))
            {
              g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                           "the journey id “%s” is given twice", wm_journey_get_id (journey));
              return NULL;
            }
          g_hash_table_add (journey_ids, (gpointer) wm_journey_get_id (journey));

          /* A journey's flow references are not reported (flow-format.md's
           * scope rule): a listed flow that is not in the run gates nothing. */
          result = wm_validate_journey (journey, WM_LOOKUP (lookup), FALSE);
          for (guint d = 0; d < result->len; d++)
            if (((WmDiagnostic *) result->pdata[d])->severity == WM_SEVERITY_ERROR)
              {
                g_ptr_array_add (found, wm_diagnostic_copy (result->pdata[d]));
                g_ptr_array_add (found_flows, journey);
              }
        }
    }

  if (found->len > 0)
    {
      g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_INVALID,
                   "%u validation error(s) in the flows of the run", found->len);
      if (diagnostics != NULL)
        *diagnostics = g_steal_pointer (&found);
      if (diagnostic_sources != NULL)
        *diagnostic_sources = g_steal_pointer (&found_flows);
      return NULL;
    }

  program->n_flows = flows->len;
  program->flows = alloc0 (program, sizeof (WmSimFlow) * flows->len);
  for (guint i = 0; i < flows->len; i++)
    if (!compile_flow (&c, inputs, flows->pdata[i], &program->flows[i], error))
      return NULL;

  if (inputs->journeys != NULL)
    compile_journeys (&c, inputs->journeys);

  layout_counters (program);
  return g_steal_pointer (&program);
}

void
wm_sim_program_free (WmSimProgram *program)
{
  if (program == NULL)
    return;
  g_clear_pointer (&program->keep, g_ptr_array_unref);
  g_clear_pointer (&program->event_names, g_hash_table_unref);
  g_free (program->event_slots);
  g_clear_pointer (&program->strings, g_string_chunk_free);
  g_free (program);
}

int
wm_sim_program_find_flow (const WmSimProgram *program,
                          const char         *id)
{
  for (guint i = 0; i < program->n_flows; i++)
    if (strcmp (program->flows[i].id, id) == 0)
      return i;
  return -1;
}
