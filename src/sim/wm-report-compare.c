/* wm-report-compare.c - two reports side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number of a report is an integer or a decimal of at most six
 * places, so all are held as integer millionths: the difference of two
 * costs is exact, and written back the way the report writes numbers.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-report-compare.h"

#define MILLION G_GINT64_CONSTANT (1000000)

G_DEFINE_QUARK (wm-report-compare-error-quark, wm_report_compare_error)

/* The report's order of channels (simulation.md, Run parameters). */
static const char * const channel_order[] = { "sms", "email", "whatsapp", "viber", "push", "voice" };

static void
metric_free (WmCompareMetric *metric)
{
  g_free (metric->key);
  g_free (metric);
}

static void
group_free (WmCompareGroup *group)
{
  g_free (group->id);
  g_ptr_array_unref (group->metrics);
  g_free (group);
}

static WmCompareKind
kind_of (const char *key)
{
  if (g_str_equal (key, "cost") || g_str_equal (key, "traffic_cost") || g_str_equal (key, "goal_value"))
    return WM_COMPARE_MONEY;
  if (g_str_equal (key, "success_pct") || g_str_equal (key, "failure_pct"))
    return WM_COMPARE_PERCENT;
  return WM_COMPARE_COUNT;
}

/* "-12.0075" -> -12007500; at most six decimals. */
static gboolean
parse_decimal (const char *text,
               gint64     *out)
{
  gboolean negative = FALSE;
  gint64 whole = 0, fraction = 0, scale = MILLION;
  const char *p = text;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (whole > G_MAXINT64 / 10 / MILLION)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (scale == 1)
          return FALSE;
        scale /= 10;
        fraction += (*p - '0') * scale;
      }
  if (*p != '\0')
    return FALSE;
  *out = (whole * MILLION + fraction) * (negative ? -1 : 1);
  return TRUE;
}

static gboolean
node_millionths (JsonNode *node,
                 gint64   *out)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node) * MILLION;
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      /* A parsed report's decimals have at most six places, so the
       * nearest millionth of the double is the written number. */
      *out = llround (json_node_get_double (node) * (double) MILLION);
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    return parse_decimal (json_node_get_string (node), out);
  return FALSE;
}

/* The numbers of @object as (key, millionths), "ports.NAME" for ports;
 * arrays (outcome paths) are not figures to compare. */
static void
collect_numbers (JsonObject *object,
                 GPtrArray  *keys,
                 GArray     *values)
{
  g_autoptr(GList) members = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      gint64 value;

      if (g_str_equal (l->data, "ports") && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *ports = json_node_get_object (node);
          g_autoptr(GList) names = json_object_get_members (ports);

          for (GList *n = names; n != NULL; n = n->next)
            if (node_millionths (json_object_get_member (ports, n->data), &value))
              {
                g_ptr_array_add (keys, g_strconcat ("ports.", n->data, NULL));
                g_array_append_val (values, value);
              }
        }
      else if (node_millionths (node, &value))
        {
          g_ptr_array_add (keys, g_strdup (l->data));
          g_array_append_val (values, value);
        }
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const WmCompareMetric *x = *(WmCompareMetric * const *) a;
  const WmCompareMetric *y = *(WmCompareMetric * const *) b;

  return strcmp (x->key, y->key);
}

static WmCompareGroup *
compare_objects (const char *section,
                 const char *id,
                 JsonObject *a,
                 JsonObject *b,
                 gboolean    sort_metrics)
{
  WmCompareGroup *group = g_new0 (WmCompareGroup, 1);
  g_autoptr(GPtrArray) keys_a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys_b = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values_a = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values_b = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  group->section = section;
  group->id = g_strdup (id);
  if (a != NULL && b != NULL)
    group->presence = WM_COMPARE_IN_BOTH;
  else
    group->presence = a != NULL ? WM_COMPARE_ONLY_A : WM_COMPARE_ONLY_B;
  group->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) metric_free);

  collect_numbers (a, keys_a, values_a);
  collect_numbers (b, keys_b, values_b);
  for (guint i = 0; i < keys_a->len; i++)
    {
      WmCompareMetric *m = g_new0 (WmCompareMetric, 1);

      m->key = g_strdup (keys_a->pdata[i]);
      m->kind = kind_of (g_str_has_prefix (m->key, "ports.") ? "ports" : m->key);
      m->presence = WM_COMPARE_ONLY_A;
      m->a = g_array_index (values_a, gint64, i);
      g_ptr_array_add (group->metrics, m);
      g_hash_table_insert (index, m->key, m);
    }
  for (guint i = 0; i < keys_b->len; i++)
    {
      WmCompareMetric *m = g_hash_table_lookup (index, keys_b->pdata[i]);

      if (m == NULL)
        {
          m = g_new0 (WmCompareMetric, 1);
          m->key = g_strdup (keys_b->pdata[i]);
          m->kind = kind_of (g_str_has_prefix (m->key, "ports.") ? "ports" : m->key);
          m->presence = WM_COMPARE_ONLY_B;
          g_ptr_array_add (group->metrics, m);
        }
      else
        m->presence = WM_COMPARE_IN_BOTH;
      m->b = g_array_index (values_b, gint64, i);
    }
  if (sort_metrics)
    g_ptr_array_sort (group->metrics, compare_keys);
  return group;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static guint
channel_rank (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_order); i++)
    if (g_str_equal (channel_order[i], id))
      return i;
  return G_N_ELEMENTS (channel_order);
}

static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  guint rx = channel_rank (x), ry = channel_rank (y);

  return rx != ry ? (rx < ry ? -1 : 1) : strcmp (x, y);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* One group per id of @section found in either side, matched by id. */
static void
compare_section (GPtrArray  *groups,
                 const char *section,
                 JsonObject *metrics_a,
                 JsonObject *metrics_b)
{
  JsonObject *a = object_member (metrics_a, section);
  JsonObject *b = object_member (metrics_b, section);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) members_a = a != NULL ? json_object_get_members (a) : NULL;
  g_autoptr(GList) members_b = b != NULL ? json_object_get_members (b) : NULL;

  for (GList *l = members_a; l != NULL; l = l->next)
    if (g_hash_table_add (seen, l->data))
      g_ptr_array_add (ids, l->data);
  for (GList *l = members_b; l != NULL; l = l->next)
    if (g_hash_table_add (seen, l->data))
      g_ptr_array_add (ids, l->data);
  g_ptr_array_sort (ids, g_str_equal (section, "channels") ? compare_channels : compare_ids);

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (groups, compare_objects (section, ids->pdata[i], object_member (a, ids->pdata[i]),
                                              object_member (b, ids->pdata[i]), FALSE));
}

JsonObject *
wm_report_get_metrics (JsonNode   *report,
                       const char *flow_id,
                       guint       version,
                       GError    **error)
{
  JsonObject *root, *flow, *metrics;
  g_autofree char *number = NULL;

  g_return_val_if_fail (flow_id != NULL, NULL);

  root = report != NULL && JSON_NODE_HOLDS_OBJECT (report) ? json_node_get_object (report) : NULL;
  if (root == NULL
      || g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), "waymark.report") != 0)
    {
      g_set_error_literal (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_INVALID,
                           _("This is not a Waymark report; choose a report written by a simulation"));
      return NULL;
    }
  flow = object_member (object_member (root, "flows"), flow_id);
  if (flow == NULL)
    {
      g_set_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_NOT_FOUND,
                   _("The report has no flow “%s”; choose a run that simulated it"), flow_id);
      return NULL;
    }
  if (version == 0)
    metrics = object_member (flow, "all");
  else
    {
      number = g_strdup_printf ("%u", version);
      metrics = object_member (object_member (flow, "versions"), number);
    }
  if (metrics == NULL)
    {
      g_set_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_NOT_FOUND,
                   _("Version %u of the flow “%s” did not take part in the run; choose a version it "
                     "simulated"), version, flow_id);
      return NULL;
    }
  return metrics;
}

GPtrArray *
wm_report_compare (JsonNode   *report_a,
                   guint       version_a,
                   JsonNode   *report_b,
                   guint       version_b,
                   const char *flow_id,
                   GError    **error)
{
  static const char * const sections[] = { "channels", "elements", "milestones", "outcomes" };
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  JsonObject *a, *b;

  a = wm_report_get_metrics (report_a, flow_id, version_a, error);
  if (a == NULL)
    return NULL;
  b = wm_report_get_metrics (report_b, flow_id, version_b, error);
  if (b == NULL)
    return NULL;

  g_ptr_array_add (groups, compare_objects ("run", NULL,
                                            object_member (json_node_get_object (report_a), "run"),
                                            object_member (json_node_get_object (report_b), "run"),
                                            FALSE));
  g_ptr_array_add (groups, compare_objects ("overall", NULL, object_member (a, "overall"),
                                            object_member (b, "overall"), FALSE));
  g_ptr_array_add (groups, compare_objects ("rejections", NULL, object_member (a, "rejections"),
                                            object_member (b, "rejections"), FALSE));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    compare_section (groups, sections[i], a, b);
  /* Months: one metric each, in time order. */
  g_ptr_array_add (groups, compare_objects ("engaged", NULL, object_member (a, "engaged"),
                                            object_member (b, "engaged"), TRUE));
  return g_steal_pointer (&groups);
}

const WmCompareGroup *
wm_compare_find_group (GPtrArray  *groups,
                       const char *section,
                       const char *id)
{
  g_return_val_if_fail (groups != NULL && section != NULL, NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      const WmCompareGroup *group = groups->pdata[i];

      if (g_str_equal (group->section, section) && g_strcmp0 (group->id, id) == 0)
        return group;
    }
  return NULL;
}

const WmCompareMetric *
wm_compare_find_metric (const WmCompareGroup *group,
                        const char           *key)
{
  g_return_val_if_fail (group != NULL && key != NULL, NULL);

  for (guint i = 0; i < group->metrics->len; i++)
    {
      const WmCompareMetric *metric = group->metrics->pdata[i];

      if (g_str_equal (metric->key, key))
        return metric;
    }
  return NULL;
}

char *
wm_compare_format_value (WmCompareKind kind,
                         gint64        millionths)
{
  guint64 magnitude = millionths < 0 ? -(guint64) millionths : (guint64) millionths;
  guint64 whole = magnitude / MILLION, fraction = magnitude % MILLION;
  char digits[8];
  int end;

  if (fraction == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, millionths < 0 ? "-" : "", whole);
  g_snprintf (digits, sizeof digits, "%06" G_GUINT64_FORMAT, fraction);
  for (end = 6; end > 0 && digits[end - 1] == '0'; end--)
    ;
  digits[end] = '\0';
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", millionths < 0 ? "-" : "", whole, digits);
}

char *
wm_compare_format_difference (const WmCompareMetric *metric)
{
  gint64 diff;
  g_autofree char *text = NULL;

  g_return_val_if_fail (metric != NULL, NULL);

  diff = metric->b - metric->a;
  text = wm_compare_format_value (metric->kind, diff);
  return diff > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}
