/* wm-outcomes-summary.c - the milestones and outcomes report in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the report's `all` metrics of each flow (simulation.md, Report)
 * and adds them up by id; percentages and paths are computed from the
 * sums with the report's own rules, so a single flow's summary shows the
 * report's numbers exactly.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-outcomes-summary.h"
#include "wm-report-compare.h"

#define MAX_PATHS 10

typedef struct
{
  WmOutcomeSummary *summary;
  gint64            weighted_seconds;  /* sum of mean * success */
  guint             flows_with_success;
  GHashTable       *paths;             /* "RESULT\x1fm1,m2" -> PathCount */
} OutcomeAcc;

typedef struct
{
  char     *result;
  char     *ids;        /* comma-joined, for the report's ordering */
  char    **milestones;
  guint64   count;
} PathCount;

static void
path_count_free (PathCount *path)
{
  g_free (path->result);
  g_free (path->ids);
  g_strfreev (path->milestones);
  g_free (path);
}

static void
outcome_path_free (WmOutcomePath *path)
{
  g_free (path->result);
  g_free (path->text);
  g_free (path);
}

static void
outcome_summary_free (WmOutcomeSummary *summary)
{
  g_free (summary->id);
  g_free (summary->name);
  g_ptr_array_unref (summary->paths);
  g_free (summary);
}

static void
milestone_summary_free (WmMilestoneSummary *summary)
{
  g_free (summary->id);
  g_free (summary->name);
  g_free (summary);
}

static void
outcome_acc_free (OutcomeAcc *acc)
{
  if (acc->summary != NULL)
    outcome_summary_free (acc->summary);
  g_hash_table_unref (acc->paths);
  g_free (acc);
}

void
wm_outcomes_summary_free (WmOutcomesSummary *summary)
{
  if (summary == NULL)
    return;
  g_ptr_array_unref (summary->outcomes);
  g_ptr_array_unref (summary->milestones);
  g_free (summary);
}

static guint64
count_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return (guint64) MAX (json_node_get_int (node), 0);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* 10000 * n / d rounded half up (simulation.md, Report); 0 when d is 0. */
static guint
basis_points (guint64 n,
              guint64 d)
{
  return d == 0 ? 0 : (guint) ((20000 * n + d) / (2 * d));
}

static const char *
display_name (WmNameLookupFunc lookup,
              gpointer         user_data,
              const char      *id)
{
  const char *name = lookup != NULL ? lookup (id, user_data) : NULL;

  return name != NULL && *name != '\0' ? name : id;
}

static void
add_paths (OutcomeAcc *acc,
           JsonArray  *paths)
{
  for (guint i = 0; paths != NULL && i < json_array_get_length (paths); i++)
    {
      JsonObject *path = json_array_get_object_element (paths, i);
      JsonArray *milestones = path != NULL ? json_object_get_array_member (path, "milestones") : NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *key = NULL;
      const char *result;
      PathCount *count;

      if (path == NULL || milestones == NULL)
        continue;
      result = json_object_get_string_member_with_default (path, "result", "");
      for (guint m = 0; m < json_array_get_length (milestones); m++)
        g_strv_builder_add (builder, json_array_get_string_element (milestones, m));
      ids = g_strv_builder_end (builder);
      joined = g_strjoinv (",", ids);
      key = g_strconcat (result, "\x1f", joined, NULL);
      count = g_hash_table_lookup (acc->paths, key);
      if (count == NULL)
        {
          count = g_new0 (PathCount, 1);
          count->result = g_strdup (result);
          count->ids = g_steal_pointer (&joined);
          count->milestones = g_steal_pointer (&ids);
          g_hash_table_insert (acc->paths, g_steal_pointer (&key), count);
        }
      count->count += count_member (path, "count");
    }
}

/* The report's order: count descending, then result, then the ids. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const PathCount *x = *(PathCount * const *) a;
  const PathCount *y = *(PathCount * const *) b;
  int c;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  c = strcmp (x->result, y->result);
  return c != 0 ? c : strcmp (x->ids, y->ids);
}

static void
finish_outcome (OutcomeAcc       *acc,
                WmNameLookupFunc  milestone_name,
                gpointer          user_data)
{
  WmOutcomeSummary *s = acc->summary;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, acc->paths);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  s->success_bp = basis_points (s->success, s->started);
  s->failure_bp = basis_points (s->failure, s->started);
  /* Rounded half up, as the report rounds its means. */
  if (s->success > 0)
    s->mean_success_seconds = (2 * acc->weighted_seconds + (gint64) s->success) / (2 * (gint64) s->success);
  s->mean_exact = acc->flows_with_success <= 1;
  g_ptr_array_sort (sorted, compare_paths);
  for (guint i = 0; i < sorted->len && i < MAX_PATHS; i++)
    {
      const PathCount *count = sorted->pdata[i];
      WmOutcomePath *path = g_new0 (WmOutcomePath, 1);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint m = 0; count->milestones[m] != NULL; m++)
        g_ptr_array_add (names, (gpointer) display_name (milestone_name, user_data, count->milestones[m]));
      g_ptr_array_add (names, NULL);
      path->result = g_strdup (count->result);
      if (names->len > 1)
        path->text = g_strjoinv (" → ", (char **) names->pdata);
      else
        path->text = g_strdup (_("no milestones"));
      path->count = count->count;
      g_ptr_array_add (s->paths, path);
    }
}

static void
add_flow (JsonObject       *all,
          GHashTable       *outcomes,
          GHashTable       *milestones,
          WmNameLookupFunc  milestone_name,
          WmNameLookupFunc  outcome_name,
          gpointer          user_data)
{
  JsonObject *section = object_member (all, "outcomes");
  g_autoptr(GList) ids = section != NULL ? json_object_get_members (section) : NULL;

  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *o = object_member (section, l->data);
      OutcomeAcc *acc = g_hash_table_lookup (outcomes, l->data);
      guint64 success;

      if (o == NULL)
        continue;
      if (acc == NULL)
        {
          acc = g_new0 (OutcomeAcc, 1);
          acc->summary = g_new0 (WmOutcomeSummary, 1);
          acc->summary->id = g_strdup (l->data);
          acc->summary->name = g_strdup (display_name (outcome_name, user_data, l->data));
          acc->summary->paths = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_path_free);
          acc->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) path_count_free);
          g_hash_table_insert (outcomes, acc->summary->id, acc);
        }
      success = count_member (o, "success");
      acc->summary->started += count_member (o, "started");
      acc->summary->success += success;
      acc->summary->failure += count_member (o, "failure");
      acc->summary->abandoned += count_member (o, "abandoned");
      acc->weighted_seconds += (gint64) count_member (o, "mean_success_seconds") * (gint64) success;
      acc->flows_with_success += success > 0;
      add_paths (acc, json_object_get_array_member (o, "paths"));
    }

  section = object_member (all, "milestones");
  g_clear_pointer (&ids, g_list_free);
  ids = section != NULL ? json_object_get_members (section) : NULL;
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *m = object_member (section, l->data);
      WmMilestoneSummary *s = g_hash_table_lookup (milestones, l->data);

      if (m == NULL)
        continue;
      if (s == NULL)
        {
          s = g_new0 (WmMilestoneSummary, 1);
          s->id = g_strdup (l->data);
          s->name = g_strdup (display_name (milestone_name, user_data, l->data));
          g_hash_table_insert (milestones, s->id, s);
        }
      s->reached += count_member (m, "reached");
      s->profiles += count_member (m, "profiles");
    }
}

static int
compare_outcome_ids (gconstpointer a,
                     gconstpointer b)
{
  return strcmp ((*(WmOutcomeSummary * const *) a)->id, (*(WmOutcomeSummary * const *) b)->id);
}

static int
compare_milestone_ids (gconstpointer a,
                       gconstpointer b)
{
  return strcmp ((*(WmMilestoneSummary * const *) a)->id, (*(WmMilestoneSummary * const *) b)->id);
}

WmOutcomesSummary *
wm_outcomes_summary_new (JsonNode         *report,
                         const char       *flow_id,
                         WmNameLookupFunc  milestone_name,
                         WmNameLookupFunc  outcome_name,
                         gpointer          user_data,
                         GError          **error)
{
  g_autoptr(GHashTable) outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) outcome_acc_free);
  g_autoptr(GHashTable) milestones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) milestone_summary_free);
  WmOutcomesSummary *summary;
  GHashTableIter iter;
  gpointer value;

  if (flow_id != NULL)
    {
      JsonObject *all = wm_report_get_metrics (report, flow_id, 0, error);

      if (all == NULL)
        return NULL;
      add_flow (all, outcomes, milestones, milestone_name, outcome_name, user_data);
    }
  else
    {
      JsonObject *flows;
      g_autoptr(GList) ids = NULL;

      /* Checks that it is a report; any flow id will do for that. */
      if (report == NULL || !JSON_NODE_HOLDS_OBJECT (report)
          || g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (report), "format",
                                                                    NULL), "waymark.report") != 0)
        {
          g_set_error_literal (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_INVALID,
                               _("This is not a Waymark report; choose a report written by a simulation"));
          return NULL;
        }
      flows = object_member (json_node_get_object (report), "flows");
      ids = flows != NULL ? json_object_get_members (flows) : NULL;
      for (GList *l = ids; l != NULL; l = l->next)
        add_flow (object_member (object_member (flows, l->data), "all"), outcomes, milestones,
                  milestone_name, outcome_name, user_data);
    }

  summary = g_new0 (WmOutcomesSummary, 1);
  summary->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_summary_free);
  summary->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) milestone_summary_free);
  g_hash_table_iter_init (&iter, outcomes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      OutcomeAcc *acc = value;

      finish_outcome (acc, milestone_name, user_data);
      g_ptr_array_add (summary->outcomes, g_steal_pointer (&acc->summary));
    }
  g_hash_table_iter_init (&iter, milestones);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (summary->milestones, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (summary->outcomes, compare_outcome_ids);
  g_ptr_array_sort (summary->milestones, compare_milestone_ids);
  return summary;
}

static void
append_unit (GString *out,
             guint    unit,
             gint64   n)
{
  int v = (int) MIN (n, (gint64) G_MAXINT);
  gulong c = (gulong) v;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (unit == 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", c), v);
  else if (unit == 1)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", c), v);
  else if (unit == 2)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", c), v);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", c), v);
}

char *
wm_describe_mean_duration (gint64 seconds)
{
  static const gint64 sizes[] = { 86400, 3600, 60, 1 };
  GString *out = g_string_new (NULL);
  guint big = G_N_ELEMENTS (sizes) - 1;
  gint64 small_units, first, second;

  g_return_val_if_fail (seconds >= 0, NULL);

  /* The largest unit that fits, and the next one rounded half up. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (sizes); i++)
    if (seconds >= sizes[i])
      {
        big = i;
        break;
      }
  if (big == G_N_ELEMENTS (sizes) - 1)
    {
      append_unit (out, big, seconds);
      return g_string_free (out, FALSE);
    }
  small_units = (seconds + sizes[big + 1] / 2) / sizes[big + 1];
  first = small_units / (sizes[big] / sizes[big + 1]);
  second = small_units % (sizes[big] / sizes[big + 1]);
  append_unit (out, big, first);
  if (second > 0)
    append_unit (out, big + 1, second);
  return g_string_free (out, FALSE);
}

char *
wm_describe_percent (guint basis_points)
{
  g_autofree char *number = NULL;

  if (basis_points % 100 == 0)
    number = g_strdup_printf ("%u", basis_points / 100);
  else if (basis_points % 10 == 0)
    number = g_strdup_printf ("%u.%u", basis_points / 100, (basis_points % 100) / 10);
  else
    number = g_strdup_printf ("%u.%02u", basis_points / 100, basis_points % 100);
  /* Translators: a percentage, e.g. "18.75%" */
  return g_strdup_printf (_("%s%%"), number);
}
