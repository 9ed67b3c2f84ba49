/* wm-report-metrics.c - one element's figures from a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads straight from the report tree: a JsonObject lookup per figure is
 * cheap enough for the overlay, which asks once per element when a run is
 * set and caches the texts.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-money.h"
#include "wm-report-compare.h"
#include "wm-report-metrics.h"

struct _WmReportMetrics
{
  gatomicrefcount  ref_count;
  JsonNode        *report;
  char            *flow_id;
  guint            version;
  JsonObject      *metrics;     /* borrowed from report */
  guint64          max_port;
};

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A count as the report writes it; a parsed report may hold a whole
 * number as a double only if someone rewrote it, so accept that too. */
static guint64
member_count (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (guint64) MAX (json_node_get_int (node), 0);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (guint64) MAX (llround (json_node_get_double (node)), 0);
  return 0;
}

/* Money in micro-units: a number of a parsed report (at most six
 * decimals, so the nearest micro-unit is the written value) or the exact
 * decimal text of wm_sim_report_build(). */
static gboolean
member_money (JsonObject *object,
              const char *name,
              gint64     *micro)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  GType type;

  *micro = 0;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *micro = json_node_get_int (node) * WM_MONEY_MICRO;
  else if (type == G_TYPE_DOUBLE)
    *micro = llround (json_node_get_double (node) * WM_MONEY_MICRO);
  else if (type == G_TYPE_STRING)
    *micro = llround (g_ascii_strtod (json_node_get_string (node), NULL) * WM_MONEY_MICRO);
  else
    return FALSE;
  return TRUE;
}

WmReportMetrics *
wm_report_metrics_new (JsonNode   *report,
                       const char *flow_id,
                       guint       version,
                       GError    **error)
{
  WmReportMetrics *self;
  JsonObject *metrics, *elements;

  g_return_val_if_fail (flow_id != NULL, NULL);

  metrics = wm_report_get_metrics (report, flow_id, version, error);
  if (metrics == NULL)
    return NULL;
  self = g_new0 (WmReportMetrics, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->report = json_node_ref (report);
  self->flow_id = g_strdup (flow_id);
  self->version = version;
  self->metrics = metrics;

  elements = member_object (metrics, "elements");
  if (elements != NULL)
    {
      g_autoptr(GList) ids = json_object_get_members (elements);

      for (GList *l = ids; l != NULL; l = l->next)
        {
          JsonObject *ports = member_object (member_object (elements, l->data), "ports");
          g_autoptr(GList) names = ports != NULL ? json_object_get_members (ports) : NULL;

          for (GList *p = names; p != NULL; p = p->next)
            self->max_port = MAX (self->max_port, member_count (ports, p->data));
        }
    }
  return self;
}

WmReportMetrics *
wm_report_metrics_new_from_text (const char *report_text,
                                 const char *flow_id,
                                 guint       version,
                                 GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;

  if (report_text == NULL || !json_parser_load_from_data (parser, report_text, -1, &parse_error))
    {
      g_set_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_INVALID,
                   _("The run's report cannot be read (%s); simulate again to make a new one"),
                   parse_error != NULL ? parse_error->message : _("there is none"));
      return NULL;
    }
  return wm_report_metrics_new (json_parser_get_root (parser), flow_id, version, error);
}

WmReportMetrics *
wm_report_metrics_ref (WmReportMetrics *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
wm_report_metrics_unref (WmReportMetrics *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  json_node_unref (self->report);
  g_free (self->flow_id);
  g_free (self);
}

JsonNode *
wm_report_metrics_get_report (WmReportMetrics *self)
{
  return self->report;
}

const char *
wm_report_metrics_get_flow_id (WmReportMetrics *self)
{
  return self->flow_id;
}

guint
wm_report_metrics_get_version (WmReportMetrics *self)
{
  return self->version;
}

static gint
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

GArray *
wm_report_list_versions (JsonNode   *report,
                         const char *flow_id)
{
  GArray *versions = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonObject *root = report != NULL && JSON_NODE_HOLDS_OBJECT (report) ? json_node_get_object (report) : NULL;
  JsonObject *flow = member_object (member_object (root, "flows"), flow_id);
  g_autoptr(GList) names = NULL;

  if (flow == NULL || member_object (flow, "versions") == NULL)
    return versions;
  names = json_object_get_members (member_object (flow, "versions"));
  for (GList *l = names; l != NULL; l = l->next)
    {
      guint64 n;

      if (g_ascii_string_to_unsigned (l->data, 10, 1, G_MAXUINT, &n, NULL))
        {
          guint v = (guint) n;

          g_array_append_val (versions, v);
        }
    }
  g_array_sort (versions, compare_guint);
  return versions;
}

/* The channels and their reactions (simulation.md, Run parameters). */
static const struct
{
  const char *name;
  gboolean    opens;
  gboolean    clicks;
} channels[] = {
  { "sms", FALSE, TRUE },
  { "email", TRUE, TRUE },
  { "whatsapp", TRUE, TRUE },
  { "viber", TRUE, TRUE },
  { "push", TRUE, FALSE },
  { "voice", FALSE, FALSE },
};

gboolean
wm_report_metrics_get_element (WmReportMetrics  *self,
                               const char       *element_id,
                               const char       *type_name,
                               const char       *milestone,
                               WmElementMetrics *out)
{
  JsonObject *element;

  g_return_val_if_fail (self != NULL && element_id != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->id = element_id;
  element = member_object (member_object (self->metrics, "elements"), element_id);
  if (element == NULL)
    return FALSE;
  out->found = TRUE;
  out->total_engagements = member_count (element, "total_engagements");
  out->unique_users = member_count (element, "unique_users");
  out->has_sends = json_object_has_member (element, "sends");
  if (out->has_sends)
    {
      out->sends = member_count (element, "sends");
      out->messages = member_count (element, "messages");
      out->no_contact = member_count (element, "no_contact");
      out->delivered = member_count (element, "delivered");
      out->opened = member_count (element, "opened");
      out->clicked = member_count (element, "clicked");
    }
  if (type_name != NULL && g_str_has_prefix (type_name, "send."))
    for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
      if (g_str_equal (type_name + strlen ("send."), channels[i].name))
        {
          out->channel = channels[i].name;
          out->has_opens = channels[i].opens;
          out->has_clicks = channels[i].clicks;
        }
  out->has_notifications = json_object_has_member (element, "notifications");
  out->notifications = member_count (element, "notifications");
  out->has_cost = member_money (element, "cost", &out->cost);
  if (type_name != NULL && g_str_has_prefix (type_name, "entry."))
    {
      out->is_entry = TRUE;
      out->conversions = member_count (member_object (self->metrics, "overall"), "goal_conversions");
    }
  if (milestone != NULL && *milestone != '\0')
    {
      JsonObject *m = member_object (member_object (self->metrics, "milestones"), milestone);

      out->milestone = milestone;
      out->reached = member_count (m, "reached");
      out->milestone_profiles = member_count (m, "profiles");
    }
  return TRUE;
}

gboolean
wm_report_metrics_get_port (WmReportMetrics *self,
                            const char      *element_id,
                            const char      *port,
                            guint64         *count)
{
  JsonObject *ports = member_object (member_object (member_object (self->metrics, "elements"),
                                                    element_id), "ports");

  *count = 0;
  if (ports == NULL || !json_object_has_member (ports, port))
    return FALSE;
  *count = member_count (ports, port);
  return TRUE;
}

guint64
wm_report_metrics_get_max_port (WmReportMetrics *self)
{
  return self->max_port;
}

gint64
wm_metric_rate (guint64 n,
                guint64 total)
{
  return wm_basis_points (n, total);
}

/* Texts */

static char *
count_text (guint64 n)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, n);
}

static char *
rate_text (guint64 n,
           guint64 total)
{
  char buf[32];

  return g_strdup (wm_percent_format (wm_metric_rate (n, total), buf));
}

static char *
money_text (gint64 micro)
{
  char buf[32];

  return g_strdup (wm_money_format (micro, buf));
}

/* "18 engagements": @n in @format, a plural form chosen for it. */
static char *
counted_text (guint64     n,
              const char *format)
{
  g_autofree char *number = count_text (n);
  /* Replaced rather than printf'd: the format comes from a catalogue. */
  g_auto(GStrv) parts = g_strsplit (format, "%s", 2);

  return g_strjoinv (number, parts);
}

/* The number g_dngettext() picks a plural form by. */
static gulong
plural (guint64 n)
{
  return (gulong) MIN (n, G_MAXULONG);
}

char *
wm_element_metrics_format_summary (const WmElementMetrics *m)
{
  GString *out = g_string_new (NULL);
  g_autofree char *engagements = NULL;
  g_autofree char *users = NULL;
  g_autofree char *cost = money_text (m->cost);

  /* Translators: on a canvas node: "18 engagements · 14 users" */
  engagements = counted_text (m->total_engagements,
                              g_dngettext (GETTEXT_PACKAGE, "%s engagement", "%s engagements", plural (m->total_engagements)));
  users = counted_text (m->unique_users,
                        g_dngettext (GETTEXT_PACKAGE, "%s user", "%s users", plural (m->unique_users)));
  g_string_append_printf (out, "%s · %s", engagements, users);
  if (m->has_sends)
    {
      g_autofree char *messages = counted_text (m->messages,
                                                g_dngettext (GETTEXT_PACKAGE, "%s message", "%s messages", plural (m->messages)));
      g_autofree char *delivered = rate_text (m->delivered, m->sends);

      g_string_append_c (out, '\n');
      /* Translators: "15 messages · cost 0.01275" */
      g_string_append_printf (out, _("%s · cost %s"), messages, cost);
      g_string_append_c (out, '\n');
      /* Translators: a rate: "93.33% delivered" */
      g_string_append_printf (out, _("%s%% delivered"), delivered);
      if (m->has_opens)
        {
          g_autofree char *opened = rate_text (m->opened, m->delivered);

          /* Translators: a rate after "93.33% delivered": " · 35.71% opened" */
          g_string_append_printf (out, _(" · %s%% opened"), opened);
        }
      if (m->has_clicks)
        {
          g_autofree char *clicked = rate_text (m->clicked, m->delivered);

          /* Translators: a rate after "93.33% delivered": " · 21.43% clicked" */
          g_string_append_printf (out, _(" · %s%% clicked"), clicked);
        }
    }
  else if (m->has_notifications)
    {
      g_autofree char *notifications = counted_text (m->notifications,
                                                     g_dngettext (GETTEXT_PACKAGE, "%s notification", "%s notifications", plural (m->notifications)));

      g_string_append_c (out, '\n');
      /* Translators: "18 notifications · cost 0.144" */
      g_string_append_printf (out, _("%s · cost %s"), notifications, cost);
    }
  if (m->is_entry)
    {
      /* Translators: the flow's goal conversions, on its entry */
      g_autofree char *conversions = counted_text (m->conversions,
                                                   g_dngettext (GETTEXT_PACKAGE, "%s conversion", "%s conversions", plural (m->conversions)));

      g_string_append_c (out, '\n');
      g_string_append (out, conversions);
    }
  if (m->milestone != NULL)
    {
      g_autofree char *profiles = counted_text (m->milestone_profiles,
                                                g_dngettext (GETTEXT_PACKAGE, "%s profile", "%s profiles", plural (m->milestone_profiles)));
      g_autofree char *reached = count_text (m->reached);

      g_string_append_c (out, '\n');
      /* Translators: a milestone: "4 reached by 3 profiles" */
      g_string_append_printf (out, _("%s reached by %s"), reached, profiles);
    }
  return g_string_free (out, FALSE);
}

char *
wm_element_metrics_format_compact (const WmElementMetrics *m)
{
  return count_text (m->total_engagements);
}

static void
add_row (GPtrArray  *rows,
         const char *label,
         char       *value)
{
  WmMetricRow *row = g_new (WmMetricRow, 1);

  row->label = g_strdup (label);
  row->value = value;
  g_ptr_array_add (rows, row);
}

static void
metric_row_free (WmMetricRow *row)
{
  g_free (row->label);
  g_free (row->value);
  g_free (row);
}

/* "14 (93.33%)" */
static char *
count_with_rate (guint64 n,
                 guint64 total)
{
  g_autofree char *rate = rate_text (n, total);

  return g_strdup_printf ("%" G_GUINT64_FORMAT " (%s%%)", n, rate);
}

GPtrArray *
wm_element_metrics_rows (WmReportMetrics        *self,
                         const WmElementMetrics *m,
                         const char * const     *ports)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) metric_row_free);

  add_row (rows, _("Engagements"), count_text (m->total_engagements));
  add_row (rows, _("Unique users"), count_text (m->unique_users));
  if (m->has_sends)
    {
      add_row (rows, _("Sends"), count_text (m->sends));
      add_row (rows, _("Messages"), count_text (m->messages));
      add_row (rows, _("No contact"), count_text (m->no_contact));
      add_row (rows, _("Delivered"), count_with_rate (m->delivered, m->sends));
      if (m->has_opens)
        add_row (rows, _("Opened"), count_with_rate (m->opened, m->delivered));
      if (m->has_clicks)
        add_row (rows, _("Clicked"), count_with_rate (m->clicked, m->delivered));
    }
  if (m->has_notifications)
    add_row (rows, _("Notifications"), count_text (m->notifications));
  if (m->has_cost)
    add_row (rows, _("Cost"), money_text (m->cost));
  if (m->is_entry)
    add_row (rows, _("Goal conversions"), count_text (m->conversions));
  if (m->milestone != NULL)
    {
      add_row (rows, _("Milestone reached"), count_text (m->reached));
      add_row (rows, _("Profiles reaching it"), count_text (m->milestone_profiles));
    }
  for (guint i = 0; ports != NULL && ports[i] != NULL; i++)
    {
      guint64 count;

      if (wm_report_metrics_get_port (self, m->id, ports[i], &count))
        {
          /* Translators: a row naming an output port: "Port out" */
          g_autofree char *label = g_strdup_printf (_("Port %s"), ports[i]);

          add_row (rows, label, count_text (count));
        }
    }
  return rows;
}

char *
wm_element_metrics_describe (const WmElementMetrics *m)
{
  g_autofree char *summary = NULL;
  g_auto(GStrv) lines = NULL;

  if (!m->found)
    return g_strdup (_("No figures in this run"));
  summary = wm_element_metrics_format_summary (m);
  lines = g_strsplit (summary, "\n", -1);
  /* The same words as on the canvas, so a screen reader hears what is
   * drawn; the middle dots become commas. */
  {
    g_autofree char *joined = g_strjoinv (", ", lines);
    g_auto(GStrv) parts = g_strsplit (joined, " · ", -1);

    return g_strjoinv (", ", parts);
  }
}

char *
wm_report_metrics_format_port (WmReportMetrics *self,
                               const char      *element_id,
                               const char      *port)
{
  guint64 count;

  if (!wm_report_metrics_get_port (self, element_id, port, &count))
    return NULL;
  return count_text (count);
}
