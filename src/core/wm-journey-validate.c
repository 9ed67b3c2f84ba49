/* wm-journey-validate.c - validation of journeys (journeys.md, Validation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Diagnostics have version null, element the stage id (null for the
 * journey's own fields) and field the field, "steps.ID.FIELD" for a step's.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-expr.h"
#include "wm-journey-validate.h"
#include "wm-model-private.h"
#include "wm-time.h"

#define MAX_STAGES 50
#define MAX_STEPS 50

typedef struct
{
  WmLookup  *lookup;
  gboolean   check_flows;
  GPtrArray *out;
} Ctx;

static void add (Ctx *, WmSeverity, const char *, const char *, const char *, guint,
                 const char *, ...) G_GNUC_PRINTF (7, 8);

static void
add (Ctx        *ctx,
     WmSeverity  severity,
     const char *code,
     const char *stage,
     const char *field,
     guint       column,
     const char *format,
     ...)
{
  WmDiagnostic *d = g_new0 (WmDiagnostic, 1);
  va_list args;

  d->severity = severity;
  d->code = code;
  d->element = g_strdup (stage);
  d->field = g_strdup (field);
  d->column = column;
  va_start (args, format);
  d->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ctx->out, d);
}

#define ERROR(ctx, code, stage, field, ...) add (ctx, WM_SEVERITY_ERROR, code, stage, field, 0, __VA_ARGS__)
#define WARN(ctx, code, stage, field, ...) add (ctx, WM_SEVERITY_WARNING, code, stage, field, 0, __VA_ARGS__)

static void
check_expression (Ctx        *ctx,
                  const char *stage,
                  const char *field,
                  const char *label,
                  JsonNode   *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = NULL;
  guint column = 0;

  if (_wm_json_is_absent (node))
    return;
  if (_wm_json_string (node) == NULL)
    {
      ERROR (ctx, "field-invalid", stage, field, _("The %s must be an expression (text)."), label);
      return;
    }
  expr = wm_expr_compile (_wm_json_string (node), WM_EXPR_EXPRESSION, &column, &error);
  if (expr == NULL)
    add (ctx, WM_SEVERITY_ERROR, "expression-syntax", stage, field, column,
         _("The %s cannot be read at column %u (%s): correct the expression."),
         label, column, error->message);
}

static gboolean
duration_of (Ctx        *ctx,
             const char *stage,
             const char *field,
             JsonNode   *node,
             gint64     *out)
{
  if (_wm_json_string (node) == NULL || !wm_duration_parse (_wm_json_string (node), out))
    {
      ERROR (ctx, "field-invalid", stage, field,
             _("The %s of stage “%s” must be a duration such as 3d or 1w, at most 366 days."), field, stage);
      return FALSE;
    }
  return TRUE;
}

typedef enum { REF_MISSING, REF_NOT_ID, REF_UNKNOWN } RefProblem;

/* Whole sentences for each kind of reference, so that a translation never
 * shows the English word "milestone", "outcome" or "flow" inside its own.
 * Literal formats, one a case, so the compiler checks each. */
static char *
reference_message (const char *what,
                   RefProblem  problem,
                   const char *stage,
                   const char *id)
{
  gboolean milestone = g_str_equal (what, "milestone");
  gboolean outcome = g_str_equal (what, "outcome");

  switch (problem)
    {
    case REF_MISSING:
      if (milestone)
        return g_strdup_printf (_("A step of stage “%s” needs a milestone: fill it in."), stage);
      if (outcome)
        return g_strdup_printf (_("A step of stage “%s” needs an outcome: fill it in."), stage);
      return g_strdup_printf (_("A step of stage “%s” needs a flow: fill it in."), stage);
    case REF_NOT_ID:
      if (milestone)
        return g_strdup_printf (_("The milestone of a step of stage “%s” must be an id of letters, digits, “_” and “-”."), stage);
      if (outcome)
        return g_strdup_printf (_("The outcome of a step of stage “%s” must be an id of letters, digits, “_” and “-”."), stage);
      return g_strdup_printf (_("The flow of a step of stage “%s” must be an id of letters, digits, “_” and “-”."), stage);
    case REF_UNKNOWN:
    default:
      if (milestone)
        return g_strdup_printf (_("Stage “%s” refers to the milestone “%s”, which the workspace does not have: pick an existing one."), stage, id);
      if (outcome)
        return g_strdup_printf (_("Stage “%s” refers to the outcome “%s”, which the workspace does not have: pick an existing one."), stage, id);
      return g_strdup_printf (_("Stage “%s” refers to the flow “%s”, which the workspace does not have: pick an existing one."), stage, id);
    }
}

static void
check_reference (Ctx        *ctx,
                 const char *stage,
                 const char *field,
                 const char *what,
                 JsonNode   *node,
                 gboolean    required)
{
  const char *id = _wm_json_string (node);
  WmLookupResult found = WM_LOOKUP_UNKNOWN;
  WmFlow *flow = NULL;

  if (_wm_json_is_absent (node))
    {
      if (required)
        {
          g_autofree char *message = reference_message (what, REF_MISSING, stage, NULL);

          ERROR (ctx, "field-missing", stage, field, "%s", message);
        }
      return;
    }
  if (!_wm_is_id (id))
    {
      g_autofree char *message = reference_message (what, REF_NOT_ID, stage, NULL);

      ERROR (ctx, "field-invalid", stage, field, "%s", message);
      return;
    }
  if (ctx->lookup == NULL)
    return;
  if (g_str_equal (what, "milestone"))
    found = wm_lookup_find_milestone (ctx->lookup, id);
  else if (g_str_equal (what, "outcome"))
    found = wm_lookup_find_outcome (ctx->lookup, id);
  else if (ctx->check_flows)
    found = wm_lookup_find_flow (ctx->lookup, id, &flow);
  if (found == WM_LOOKUP_MISSING)
    {
      g_autofree char *message = reference_message (what, REF_UNKNOWN, stage, id);

      ERROR (ctx, "unknown-reference", stage, field, "%s", message);
    }
}

static void
check_choice (Ctx                *ctx,
              const char         *stage,
              const char         *field,
              JsonNode           *node,
              const char * const *allowed,
              const char         *label)
{
  g_autofree char *list = NULL;

  if (_wm_json_is_absent (node) || (_wm_json_string (node) != NULL && g_strv_contains (allowed, _wm_json_string (node))))
    return;
  list = g_strjoinv (", ", (char **) allowed);
  ERROR (ctx, "field-invalid", stage, field, _("The %s of stage “%s” must be one of %s."), label, stage, list);
}

static void
check_step (Ctx        *ctx,
            const char *stage,
            JsonObject *step,
            const char *id)
{
  static const char * const results[] = { "success", "failure", NULL };
  static const char * const ons[] = { "exit", "enter", NULL };
  const char *kind = _wm_json_string (json_object_get_member (step, "kind"));
  JsonNode *required = json_object_get_member (step, "required");
  g_autofree char *f_kind = g_strdup_printf ("steps.%s.kind", id);
  g_autofree char *f_required = g_strdup_printf ("steps.%s.required", id);
  g_autofree char *f_name = g_strdup_printf ("steps.%s.name", id);
  JsonNode *name = json_object_get_member (step, "name");

  if (!_wm_is_id (id))
    {
      g_autofree char *f_id = g_strdup_printf ("steps.%s.id", id);
      ERROR (ctx, "field-invalid", stage, f_id,
             _("Step ids of stage “%s” must be letters, digits, “_” and “-” (at most 64)."), stage);
    }
  if (!_wm_json_is_absent (name) && _wm_json_string (name) == NULL)
    ERROR (ctx, "field-invalid", stage, f_name, _("Step names of stage “%s” must be text."), stage);
  if (required != NULL && !JSON_NODE_HOLDS_NULL (required)
      && !(JSON_NODE_HOLDS_VALUE (required) && json_node_get_value_type (required) == G_TYPE_BOOLEAN))
    ERROR (ctx, "field-invalid", stage, f_required,
           _("“Required” of a step of stage “%s” must be true or false."), stage);

  if (_wm_json_is_absent (json_object_get_member (step, "kind")))
    {
      ERROR (ctx, "field-missing", stage, f_kind, _("A step of stage “%s” needs a kind."), stage);
      return;
    }

  if (g_strcmp0 (kind, "milestone") == 0)
    {
      g_autofree char *f1 = g_strdup_printf ("steps.%s.milestone", id);
      g_autofree char *f2 = g_strdup_printf ("steps.%s.flow", id);

      check_reference (ctx, stage, f1, "milestone", json_object_get_member (step, "milestone"), TRUE);
      check_reference (ctx, stage, f2, "flow", json_object_get_member (step, "flow"), FALSE);
    }
  else if (g_strcmp0 (kind, "outcome") == 0)
    {
      g_autofree char *f1 = g_strdup_printf ("steps.%s.outcome", id);
      g_autofree char *f2 = g_strdup_printf ("steps.%s.result", id);

      check_reference (ctx, stage, f1, "outcome", json_object_get_member (step, "outcome"), TRUE);
      check_choice (ctx, stage, f2, json_object_get_member (step, "result"), results, _("step result"));
    }
  else if (g_strcmp0 (kind, "event") == 0)
    {
      g_autofree char *f1 = g_strdup_printf ("steps.%s.event", id);
      g_autofree char *f2 = g_strdup_printf ("steps.%s.where", id);
      JsonNode *event = json_object_get_member (step, "event");

      if (_wm_json_is_absent (event))
        ERROR (ctx, "field-missing", stage, f1, _("An event step of stage “%s” needs an event name."), stage);
      else if (_wm_json_string (event) == NULL)
        ERROR (ctx, "field-invalid", stage, f1, _("The event of a step of stage “%s” must be a name."), stage);
      check_expression (ctx, stage, f2, _("step condition"), json_object_get_member (step, "where"));
    }
  else if (g_strcmp0 (kind, "flow") == 0)
    {
      g_autofree char *f1 = g_strdup_printf ("steps.%s.flow", id);
      g_autofree char *f2 = g_strdup_printf ("steps.%s.on", id);

      check_reference (ctx, stage, f1, "flow", json_object_get_member (step, "flow"), TRUE);
      check_choice (ctx, stage, f2, json_object_get_member (step, "on"), ons, _("step trigger"));
    }
  else if (g_strcmp0 (kind, "task") != 0)
    ERROR (ctx, "field-invalid", stage, f_kind,
           _("The step kind of stage “%s” must be milestone, outcome, event, flow or task."), stage);
}

static gboolean
step_is_required (JsonObject *step)
{
  JsonNode *required = json_object_get_member (step, "required");

  if (required == NULL || !JSON_NODE_HOLDS_VALUE (required)
      || json_node_get_value_type (required) != G_TYPE_BOOLEAN)
    return TRUE;
  return json_node_get_boolean (required);
}

static void
check_stage (Ctx        *ctx,
             JsonObject *stage,
             GHashTable *stage_ids)
{
  static const char * const whens[] = { "journey", "after", "manual", NULL };
  static const char * const completes_values[] = { "steps", "manual", NULL };
  const char *id = _wm_json_object_get_string (stage, "id");
  JsonNode *node, *begins = json_object_get_member (stage, "begins");
  const char *completes;
  gint64 duration = 0, behind = 0, stuck = 0;
  gboolean has_duration = FALSE, has_behind = FALSE, has_stuck = FALSE;

  if (!_wm_is_id (id))
    ERROR (ctx, "field-invalid", id, "id",
           _("Stage ids must be letters, digits, “_” and “-” (at most 64): rename “%s”."), id);
  node = json_object_get_member (stage, "name");
  if (_wm_json_is_absent (node))
    ERROR (ctx, "name-missing", id, NULL, _("Stage “%s” has no name: give it one."), id);
  else if (_wm_json_string (node) == NULL)
    ERROR (ctx, "field-invalid", id, "name", _("The name of stage “%s” must be text."), id);
  node = json_object_get_member (stage, "description");
  if (!_wm_json_is_absent (node) && _wm_json_string (node) == NULL)
    ERROR (ctx, "field-invalid", id, "description", _("The description of stage “%s” must be text."), id);

  /* begins */
  if (_wm_json_is_absent (begins))
    ERROR (ctx, "field-missing", id, "begins.when",
           _("Stage “%s” needs to say when it begins: with the journey, after other stages, or by hand."), id);
  else if (!JSON_NODE_HOLDS_OBJECT (begins))
    ERROR (ctx, "field-invalid", id, "begins", _("When stage “%s” begins is damaged (not an object): set it again."), id);
  else
    {
      JsonObject *b = json_node_get_object (begins);
      JsonNode *when = json_object_get_member (b, "when");
      JsonNode *after = json_object_get_member (b, "after");

      if (_wm_json_is_absent (when))
        ERROR (ctx, "field-missing", id, "begins.when",
               _("Stage “%s” needs to say when it begins: with the journey, after other stages, or by hand."), id);
      else
        check_choice (ctx, id, "begins.when", when, whens, _("beginning"));

      if (!_wm_json_is_absent (after) && !JSON_NODE_HOLDS_ARRAY (after))
        ERROR (ctx, "field-invalid", id, "begins.after", _("The stages “%s” waits for must be a list."), id);
      else if (g_strcmp0 (_wm_json_string (when), "after") == 0
               && (_wm_json_is_absent (after) || json_array_get_length (json_node_get_array (after)) == 0))
        ERROR (ctx, "field-invalid", id, "begins.after",
               _("Stage “%s” begins after other stages: pick at least one."), id);
      else if (!_wm_json_is_absent (after))
        {
          JsonArray *list = json_node_get_array (after);

          for (guint i = 0; i < json_array_get_length (list); i++)
            {
              const char *other = _wm_json_string (json_array_get_element (list, i));

              if (other == NULL)
                ERROR (ctx, "field-invalid", id, "begins.after",
                       _("The stages “%s” waits for must be stage ids."), id);
              else if (g_strcmp0 (other, id) == 0 || !g_hash_table_contains (stage_ids, other))
                ERROR (ctx, "unknown-reference", id, "begins.after",
                       _("Stage “%s” waits for “%s”, which is not another stage of this journey."), id, other);
            }
        }
    }

  node = json_object_get_member (stage, "entry");
  check_expression (ctx, id, "entry", _("entry condition"), node);

  node = json_object_get_member (stage, "completes");
  completes = _wm_json_string (node);
  if (_wm_json_is_absent (node))
    ERROR (ctx, "field-missing", id, "completes",
           _("Stage “%s” needs to say when it completes: when its steps are done, or by hand."), id);
  else
    check_choice (ctx, id, "completes", node, completes_values, _("completion"));

  /* steps */
  node = json_object_get_member (stage, "steps");
  if (!_wm_json_is_absent (node) && !JSON_NODE_HOLDS_ARRAY (node))
    ERROR (ctx, "field-invalid", id, "steps", _("The steps of stage “%s” must be a list."), id);
  else
    {
      JsonArray *steps = _wm_json_is_absent (node) ? NULL : json_node_get_array (node);
      guint n = steps != NULL ? json_array_get_length (steps) : 0;
      g_autoptr(GHashTable) step_ids = g_hash_table_new (g_str_hash, g_str_equal);
      gboolean any_required = FALSE;

      if (n > MAX_STEPS)
        ERROR (ctx, "limit-exceeded", id, "steps",
               _("Stage “%s” has %u steps; at most %u are allowed."), id, n, MAX_STEPS);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *step = json_node_get_object (json_array_get_element (steps, i));
          const char *step_id = _wm_json_object_get_string (step, "id");

          if (g_hash_table_contains (step_ids, step_id))
            {
              g_autofree char *field = g_strdup_printf ("steps.%s.id", step_id);
              ERROR (ctx, "duplicate-id", id, field,
                     _("Two steps of stage “%s” share the id “%s”: rename one."), id, step_id);
            }
          g_hash_table_add (step_ids, (gpointer) step_id);
          check_step (ctx, id, step, step_id);
          if (step_is_required (step))
            any_required = TRUE;
        }
      if (g_strcmp0 (completes, "steps") == 0 && !any_required)
        WARN (ctx, "stage-no-steps", id, "steps",
              _("Stage “%s” has no required step, so it completes as soon as it begins: add a step or "
                "make it complete by hand."), id);
    }

  /* flows */
  node = json_object_get_member (stage, "flows");
  if (!_wm_json_is_absent (node) && !JSON_NODE_HOLDS_ARRAY (node))
    ERROR (ctx, "field-invalid", id, "flows", _("The flows of stage “%s” must be a list of flow ids."), id);
  else if (!_wm_json_is_absent (node))
    {
      JsonArray *flows = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (flows); i++)
        {
          JsonNode *flow = json_array_get_element (flows, i);
          WmFlow *found = NULL;

          if (!_wm_is_id (_wm_json_string (flow)))
            ERROR (ctx, "field-invalid", id, "flows", _("The flows of stage “%s” must be flow ids."), id);
          else if (ctx->check_flows && ctx->lookup != NULL
                   && wm_lookup_find_flow (ctx->lookup, _wm_json_string (flow), &found) == WM_LOOKUP_MISSING)
            ERROR (ctx, "unknown-reference", id, "flows",
                   _("Stage “%s” groups the flow “%s”, which the workspace does not have."), id, _wm_json_string (flow));
        }
    }

  /* duration, behind, stuck */
  node = json_object_get_member (stage, "duration");
  if (_wm_json_is_absent (node))
    ERROR (ctx, "field-missing", id, "duration",
           _("Stage “%s” needs to say how long it should take, such as 7d."), id);
  else
    has_duration = duration_of (ctx, id, "duration", node, &duration);
  node = json_object_get_member (stage, "behind");
  if (!_wm_json_is_absent (node))
    has_behind = duration_of (ctx, id, "behind", node, &behind);
  node = json_object_get_member (stage, "stuck");
  if (!_wm_json_is_absent (node))
    has_stuck = duration_of (ctx, id, "stuck", node, &stuck);

  /* behind defaults to duration, stuck to twice it; compared after the
   * defaults, reported on the field given, on behind when both were. */
  if (has_duration || (has_behind && has_stuck))
    {
      gboolean behind_given = !_wm_json_is_absent (json_object_get_member (stage, "behind"));
      gboolean stuck_given = !_wm_json_is_absent (json_object_get_member (stage, "stuck"));
      gboolean ok = (!behind_given || has_behind) && (!stuck_given || has_stuck);
      gint64 b = behind_given ? behind : duration;
      gint64 s = stuck_given ? stuck : 2 * duration;

      if (ok && (behind_given || stuck_given) && (behind_given || has_duration) && (stuck_given || has_duration)
          && b > s)
        ERROR (ctx, "field-invalid", id, behind_given ? "behind" : "stuck",
               _("Stage “%s” counts as behind later than it counts as stuck: make “behind” no later than “stuck”."), id);
    }
}

/* Which `after` stages can ever begin: a fixed point from the stages that
 * begin with the journey or by hand. */
static void
check_graph (Ctx       *ctx,
             JsonArray *stages)
{
  guint n = json_array_get_length (stages);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *can = g_new0 (gboolean, n);
  g_autofree int *state = g_new0 (int, n);   /* DFS: 0 new, 1 on stack, 2 done */
  g_autoptr(GHashTable) reported = g_hash_table_new (NULL, NULL);
  gboolean changed = TRUE;

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (index, (gpointer) _wm_json_object_get_string (json_node_get_object (json_array_get_element (stages, i)), "id"),
                         GUINT_TO_POINTER (i + 1));

#define STAGE(i) json_node_get_object (json_array_get_element (stages, i))
#define WHEN(i) (JSON_NODE_HOLDS_OBJECT_SAFE (json_object_get_member (STAGE (i), "begins")) \
                 ? _wm_json_string (json_object_get_member (json_node_get_object (json_object_get_member (STAGE (i), "begins")), "when")) : NULL)
#define AFTER(i) (JSON_NODE_HOLDS_OBJECT_SAFE (json_object_get_member (STAGE (i), "begins")) \
                  ? json_object_get_member (json_node_get_object (json_object_get_member (STAGE (i), "begins")), "after") : NULL)
#define JSON_NODE_HOLDS_OBJECT_SAFE(node) ((node) != NULL && JSON_NODE_HOLDS_OBJECT (node))

  /* Cycles in the after links (only for stages that begin after others). */
  for (guint root = 0; root < n; root++)
    {
      g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (guint));

      if (state[root] != 0)
        continue;
      g_array_append_val (stack, root);
      {
        guint zero = 0;
        g_array_append_val (next, zero);
      }
      state[root] = 1;
      while (stack->len > 0)
        {
          guint v = g_array_index (stack, guint, stack->len - 1);
          guint *k = &g_array_index (next, guint, next->len - 1);
          JsonNode *after = g_strcmp0 (WHEN (v), "after") == 0 ? AFTER (v) : NULL;
          guint len = after != NULL && JSON_NODE_HOLDS_ARRAY (after) ? json_array_get_length (json_node_get_array (after)) : 0;

          if (*k < len)
            {
              const char *other = _wm_json_string (json_array_get_element (json_node_get_array (after), (*k)++));
              guint w = GPOINTER_TO_UINT (g_hash_table_lookup (index, other != NULL ? other : ""));

              if (w == 0)
                continue;
              w--;
              if (state[w] == 0)
                {
                  guint zero = 0;

                  state[w] = 1;
                  g_array_append_val (stack, w);
                  g_array_append_val (next, zero);
                }
              else if (state[w] == 1 && !g_hash_table_contains (reported, GUINT_TO_POINTER (w + 1)))
                {
                  /* The cycle: from w to the top of the stack. */
                  g_autoptr(GString) members = g_string_new (NULL);
                  guint from = 0, first = G_MAXUINT;

                  for (guint s = 0; s < stack->len; s++)
                    if (g_array_index (stack, guint, s) == w)
                      from = s;
                  for (guint s = from; s < stack->len; s++)
                    {
                      guint m = g_array_index (stack, guint, s);

                      if (members->len > 0)
                        g_string_append (members, ", ");
                      g_string_append (members, _wm_json_object_get_string (STAGE (m), "id"));
                      first = MIN (first, m);
                      g_hash_table_add (reported, GUINT_TO_POINTER (m + 1));
                    }
                  ERROR (ctx, "journey-cycle", _wm_json_object_get_string (STAGE (first), "id"), "begins.after",
                         _("The stages %s wait for each other in a circle, so none of them can begin: "
                           "break the circle."), members->str);
                }
              continue;
            }
          state[v] = 2;
          g_array_set_size (stack, stack->len - 1);
          g_array_set_size (next, next->len - 1);
        }
    }

  /* Which stages can begin. */
  for (guint i = 0; i < n; i++)
    can[i] = g_strcmp0 (WHEN (i), "journey") == 0 || g_strcmp0 (WHEN (i), "manual") == 0;
  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < n; i++)
        {
          JsonNode *after = AFTER (i);
          gboolean all = TRUE;

          if (can[i] || g_strcmp0 (WHEN (i), "after") != 0 || after == NULL || !JSON_NODE_HOLDS_ARRAY (after)
              || json_array_get_length (json_node_get_array (after)) == 0)
            continue;
          for (guint k = 0; all && k < json_array_get_length (json_node_get_array (after)); k++)
            {
              const char *other = _wm_json_string (json_array_get_element (json_node_get_array (after), k));
              guint w = GPOINTER_TO_UINT (g_hash_table_lookup (index, other != NULL ? other : ""));

              all = w != 0 && w - 1 != i && can[w - 1];
            }
          if (all)
            can[i] = changed = TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (WHEN (i), "after") == 0 && !can[i])
      {
        const char *id = _wm_json_object_get_string (STAGE (i), "id");

        WARN (ctx, "stage-unreachable", id, "begins.after",
              _("Stage “%s” can never begin: a stage it waits for never begins or completes; change what it waits for."),
              id);
      }

#undef STAGE
#undef WHEN
#undef AFTER
#undef JSON_NODE_HOLDS_OBJECT_SAFE
}

GPtrArray *
wm_validate_journey (WmJourney *journey,
                     WmLookup  *lookup,
                     gboolean   check_flows)
{
  Ctx ctx = { lookup, check_flows, g_ptr_array_new_with_free_func ((GDestroyNotify) wm_diagnostic_free) };
  JsonObject *json = wm_journey_get_json (journey);
  JsonArray *stages = wm_journey_get_stages (journey);
  JsonNode *node;
  g_autoptr(GHashTable) stage_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  if (!_wm_is_id (wm_journey_get_id (journey)))
    ERROR (&ctx, "field-invalid", NULL, "id",
           _("The journey's id must be 1 to 64 letters, digits, “_” or “-”."));
  node = json_object_get_member (json, "name");
  if (_wm_json_is_absent (node))
    ERROR (&ctx, "name-missing", NULL, NULL, _("The journey has no name: give it one."));
  else if (_wm_json_string (node) == NULL)
    ERROR (&ctx, "field-invalid", NULL, "name", _("The journey's name must be text."));
  node = json_object_get_member (json, "description");
  if (!_wm_json_is_absent (node) && _wm_json_string (node) == NULL)
    ERROR (&ctx, "field-invalid", NULL, "description", _("The journey's description must be text."));

  node = json_object_get_member (json, "begins");
  if (!_wm_json_is_absent (node) && !JSON_NODE_HOLDS_OBJECT (node))
    ERROR (&ctx, "field-invalid", NULL, "begins", _("When the journey begins is damaged (not an object): set it again."));
  else if (!_wm_json_is_absent (node))
    {
      JsonObject *begins = json_node_get_object (node);
      JsonNode *event = json_object_get_member (begins, "event");

      if (!_wm_json_is_absent (event) && _wm_json_string (event) == NULL)
        ERROR (&ctx, "field-invalid", NULL, "begins.event", _("The event that begins the journey must be a name."));
      check_expression (&ctx, NULL, "begins.where", _("journey condition"), json_object_get_member (begins, "where"));
    }

  n = json_array_get_length (stages);
  if (n == 0)
    ERROR (&ctx, "field-invalid", NULL, "stages", _("The journey has no stages: add at least one."));
  if (n > MAX_STAGES)
    ERROR (&ctx, "limit-exceeded", NULL, "stages",
           _("The journey has %u stages; at most %u are allowed."), n, MAX_STAGES);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *stage = json_node_get_object (json_array_get_element (stages, i));
      const char *id = _wm_json_object_get_string (stage, "id");
      const char *name = _wm_json_string (json_object_get_member (stage, "name"));

      if (g_hash_table_contains (stage_ids, id))
        ERROR (&ctx, "duplicate-id", id, "id", _("Two stages share the id “%s”: rename one."), id);
      g_hash_table_add (stage_ids, (gpointer) id);
      if (name != NULL && *name != '\0')
        {
          char *folded = g_utf8_casefold (name, -1);

          if (g_hash_table_contains (names, folded))
            {
              ERROR (&ctx, "duplicate-id", id, "name", _("Two stages are named “%s”: rename one."), name);
              g_free (folded);
            }
          else
            g_hash_table_add (names, folded);
        }
    }

  for (guint i = 0; i < n; i++)
    check_stage (&ctx, json_node_get_object (json_array_get_element (stages, i)), stage_ids);
  check_graph (&ctx, stages);

  return ctx.out;
}
