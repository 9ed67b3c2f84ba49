/* wm-report-rows.c - a report's element and channel figures as list rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Properties are installed from the column tables, so a figure added to
 * the report needs one line here and nothing in the views.
 */

#include "config.h"

#include <gio/gio.h>

#include "wm-element.h"
#include "wm-money.h"
#include "wm-report-rows.h"
#include "wm-version.h"

static const WmReportColumn element_columns[] = {
  { "total_engagements", "total-engagements", FALSE },
  { "unique_users", "unique-users", FALSE },
  { "sends", "sends", FALSE },
  { "messages", "messages", FALSE },
  { "no_contact", "no-contact", FALSE },
  { "delivered", "delivered", FALSE },
  { "opened", "opened", FALSE },
  { "clicked", "clicked", FALSE },
  { "notifications", "notifications", FALSE },
  { "cost", "cost", TRUE },
};

/* A channel has every element figure from sends on but notifications. */
static const WmReportColumn channel_columns[] = {
  { "sends", "sends", FALSE },
  { "messages", "messages", FALSE },
  { "no_contact", "no-contact", FALSE },
  { "delivered", "delivered", FALSE },
  { "opened", "opened", FALSE },
  { "clicked", "clicked", FALSE },
  { "cost", "cost", TRUE },
};

#define N_VALUES G_N_ELEMENTS (element_columns)

struct _WmReportRow
{
  GObject parent_instance;

  char   *id;
  char   *name;
  char   *kind;
  gint64  values[N_VALUES];
};

G_DEFINE_FINAL_TYPE (WmReportRow, wm_report_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_FIRST_VALUE,
};

const WmReportColumn *
wm_report_element_columns (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (element_columns);
  return element_columns;
}

const WmReportColumn *
wm_report_channel_columns (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (channel_columns);
  return channel_columns;
}

static int
value_index (const char *key)
{
  for (guint i = 0; i < N_VALUES; i++)
    if (g_str_equal (element_columns[i].key, key))
      return i;
  return -1;
}

static void
wm_report_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WmReportRow *self = WM_REPORT_ROW (object);

  if (prop_id == PROP_ID)
    g_value_set_string (value, self->id);
  else if (prop_id == PROP_NAME)
    g_value_set_string (value, self->name);
  else if (prop_id == PROP_KIND)
    g_value_set_string (value, self->kind);
  else if (prop_id >= PROP_FIRST_VALUE && prop_id < PROP_FIRST_VALUE + N_VALUES)
    g_value_set_int64 (value, self->values[prop_id - PROP_FIRST_VALUE]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
wm_report_row_finalize (GObject *object)
{
  WmReportRow *self = WM_REPORT_ROW (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->kind);

  G_OBJECT_CLASS (wm_report_row_parent_class)->finalize (object);
}

static void
wm_report_row_class_init (WmReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = wm_report_row_get_property;
  object_class->finalize = wm_report_row_finalize;

  /* Read-only: rows are made from a report and never change. */
  g_object_class_install_property (object_class, PROP_ID,
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_NAME,
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_KIND,
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  for (guint i = 0; i < N_VALUES; i++)
    g_object_class_install_property (object_class, PROP_FIRST_VALUE + i,
      g_param_spec_int64 (element_columns[i].property, NULL, NULL, -1, G_MAXINT64, -1,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
wm_report_row_init (WmReportRow *self)
{
  for (guint i = 0; i < N_VALUES; i++)
    self->values[i] = -1;
}

const char *
wm_report_row_get_id (WmReportRow *self)
{
  g_return_val_if_fail (WM_IS_REPORT_ROW (self), NULL);
  return self->id;
}

const char *
wm_report_row_get_name (WmReportRow *self)
{
  g_return_val_if_fail (WM_IS_REPORT_ROW (self), NULL);
  return self->name;
}

const char *
wm_report_row_get_kind (WmReportRow *self)
{
  g_return_val_if_fail (WM_IS_REPORT_ROW (self), NULL);
  return self->kind;
}

gint64
wm_report_row_get_value (WmReportRow *self,
                         const char  *key)
{
  int i;

  g_return_val_if_fail (WM_IS_REPORT_ROW (self), -1);
  i = value_index (key);
  g_return_val_if_fail (i >= 0, -1);
  return self->values[i];
}

/* "0.0075", "-3.25", "12" to micro-units; at most six decimals. */
static gboolean
parse_decimal (const char *text,
               gint64     *micro)
{
  gboolean negative = *text == '-';
  const char *p = text + negative;
  gint64 units = 0, fraction = 0;
  guint decimals = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (units > (G_MAXINT64 / WM_MONEY_MICRO - 10) / 10)
        return FALSE;
      units = units * 10 + (*p - '0');
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, decimals++)
      {
        if (decimals == 6)
          return FALSE;
        fraction = fraction * 10 + (*p - '0');
      }
  if (*p != '\0')
    return FALSE;
  for (; decimals < 6; decimals++)
    fraction *= 10;
  *micro = (units * WM_MONEY_MICRO + fraction) * (negative ? -1 : 1);
  return TRUE;
}

gboolean
wm_report_read_value (JsonNode *node,
                      gboolean  money,
                      gint64   *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node) * (money ? WM_MONEY_MICRO : 1);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        if (money)
          return wm_money_from_double (d, value);
        /* Counts past 2^53 are written as integers; a double count is one
         * that a reader widened. */
        if (d != (double) (gint64) d)
          return FALSE;
        *value = (gint64) d;
        return TRUE;
      }
    case G_TYPE_STRING:
      return money && parse_decimal (json_node_get_string (node), value);
    default:
      return FALSE;
    }
}

static WmElement *
find_named_element (JsonObject *flow_object,
                    WmFlow     *flow,
                    guint       version,
                    const char *id)
{
  JsonObject *versions;
  g_autoptr(GList) keys = NULL;
  guint best = 0;
  WmElement *found = NULL;

  if (flow == NULL)
    return NULL;
  if (version != 0)
    {
      WmVersion *v = wm_flow_get_version (flow, version);

      return v != NULL ? wm_version_find_element (v, id) : NULL;
    }

  /* `all`: the latest participating version that has the element. */
  versions = NULL;
  if (flow_object != NULL && json_object_has_member (flow_object, "versions")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (flow_object, "versions")))
    versions = json_object_get_object_member (flow_object, "versions");
  if (versions != NULL)
    keys = json_object_get_members (versions);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      guint number = (guint) g_ascii_strtoull (l->data, NULL, 10);
      WmVersion *v = wm_flow_get_version (flow, number);
      WmElement *element = v != NULL ? wm_version_find_element (v, id) : NULL;

      if (element != NULL && number > best)
        {
          best = number;
          found = element;
        }
    }
  return found;
}

static gboolean
fill_values (WmReportRow          *row,
             JsonObject           *item,
             const WmReportColumn *columns,
             guint                 n_columns,
             const char           *where,
             GError              **error)
{
  for (guint i = 0; i < n_columns; i++)
    {
      JsonNode *node = json_object_get_member (item, columns[i].key);
      gint64 value;

      if (node == NULL)
        continue;
      if (!wm_report_read_value (node, columns[i].money, &value))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The report's %s.%s is not a number", where, columns[i].key);
          return FALSE;
        }
      row->values[value_index (columns[i].key)] = value;
    }
  return TRUE;
}

static GListStore *
rows_of (JsonObject  *metrics,
         const char  *section,
         WmFlow      *flow,
         JsonObject  *flow_object,
         guint        version,
         GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (WM_TYPE_REPORT_ROW);
  gboolean channels = g_str_equal (section, "channels");
  JsonObject *items;
  g_autoptr(GList) ids = NULL;
  guint n_columns;
  const WmReportColumn *columns = channels ? wm_report_channel_columns (&n_columns)
                                           : wm_report_element_columns (&n_columns);

  if (metrics == NULL || !json_object_has_member (metrics, section)
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (metrics, section)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The report has no %s object; it may be damaged", section);
      return NULL;
    }
  items = json_object_get_object_member (metrics, section);
  ids = json_object_get_members (items);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      g_autoptr(WmReportRow) row = g_object_new (WM_TYPE_REPORT_ROW, NULL);
      g_autofree char *where = g_strdup_printf ("%s.%s", section, (char *) l->data);
      JsonNode *node = json_object_get_member (items, l->data);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The report's %s is not an object", where);
          return NULL;
        }
      row->id = g_strdup (l->data);
      if (!channels)
        {
          WmElement *element = find_named_element (flow_object, flow, version, l->data);

          if (element != NULL)
            {
              row->name = g_strdup (wm_element_get_name (element));
              row->kind = g_strdup (wm_element_get_type_name (element));
            }
        }
      if (!fill_values (row, json_node_get_object (node), columns, n_columns, where, error))
        return NULL;
      g_list_store_append (store, row);
    }
  return g_steal_pointer (&store);
}

GListStore *
wm_report_rows_elements (JsonObject  *metrics,
                         JsonObject  *flow_report,
                         WmFlow      *flow,
                         guint        version,
                         GError     **error)
{
  return rows_of (metrics, "elements", flow, flow_report, version, error);
}

GListStore *
wm_report_rows_channels (JsonObject  *metrics,
                         GError     **error)
{
  return rows_of (metrics, "channels", NULL, NULL, 0, error);
}

char *
wm_report_format_value (gint64   value,
                        gboolean money)
{
  char buf[32];

  if (value < 0 && !money)
    return g_strdup ("");
  if (money)
    return g_strdup (value == -1 ? "" : wm_money_format (value, buf));
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}
