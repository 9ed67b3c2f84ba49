/* wm-tables.c - the element, port and channel tables (--csv, --xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the report produces the rows of a table as cells (empty,
 * text, or a number held as its decimal text); the CSV and XLSX writers
 * only differ in what they do with a row. Rows follow the report's key
 * order: for each flow its `all` metrics, then each version.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "wm-flow.h"
#include "wm-money.h"
#include "wm-tables.h"

typedef enum
{
  CELL_EMPTY,
  CELL_TEXT,
  CELL_NUMBER,            /* text holds its decimal form */
} CellKind;

typedef struct
{
  CellKind    kind;
  const char *text;
  char        buf[32];
} Cell;

typedef enum
{
  TABLE_ELEMENTS,
  TABLE_PORTS,
  TABLE_CHANNELS,
  N_TABLES
} Table;

typedef gboolean (*RowFunc) (gpointer     data,
                             const Cell  *cells,
                             guint        n_cells,
                             GError     **error);

/* The per-element and per-channel fields, after the leading key columns;
 * cost is money, the others are counts. */
static const char * const element_fields[] = {
  "total_engagements", "unique_users", "sends", "messages", "no_contact",
  "delivered", "opened", "clicked", "notifications", "cost",
};
static const char * const channel_fields[] = {
  "sends", "messages", "no_contact", "delivered", "opened", "clicked", "cost",
};

#define MAX_COLUMNS (5 + G_N_ELEMENTS (element_fields))

static const char * const sheet_names[N_TABLES] = {
  "Elements", "Ports", "Channels",
};
static const char * const csv_names[N_TABLES] = {
  "elements.csv", "ports.csv", "channels.csv",
};

/* What the walk knows about the rows it is producing, for error messages
 * and for finding names and types. */
typedef struct
{
  const char *flow_id;
  WmFlow     *flow;
  GArray     *participating;   /* guint, descending */
  const char *version_label;   /* "all" or the version key */
  guint       version;         /* 0 for all */
} Scope;

static void
cell_text (Cell       *cell,
           const char *text)
{
  cell->kind = text != NULL ? CELL_TEXT : CELL_EMPTY;
  cell->text = text;
}

static void
cell_integer (Cell   *cell,
              gint64  n)
{
  cell->kind = CELL_NUMBER;
  g_snprintf (cell->buf, sizeof cell->buf, "%" G_GINT64_FORMAT, n);
  cell->text = cell->buf;
}

static gboolean
node_get_integer (JsonNode *node,
                  gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        /* Beyond 2^53 a double no longer names one integer. */
        if (!isfinite (d) || d != trunc (d) || fabs (d) > 9007199254740992.0)
          return FALSE;
        *out = (gint64) d;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* -?[0-9]+(\.[0-9]+)? : the report's money text. Anything else would be
 * written into a cell as is, so it is refused. */
static gboolean
is_decimal_text (const char *s)
{
  const char *p = s;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
cell_money (Cell     *cell,
            JsonNode *node)
{
  gint64 n;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (!is_decimal_text (text))
        return FALSE;
      cell->kind = CELL_NUMBER;
      cell->text = text;
      return TRUE;
    }
  if (node_get_integer (node, &n))
    {
      cell_integer (cell, n);
      return TRUE;
    }
  /* Not what the engine hands over, but a report read back from a file
   * has doubles: round them as the report's writer does. */
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_DOUBLE
      && wm_money_from_double (json_node_get_double (node), &n))
    {
      cell->kind = CELL_NUMBER;
      cell->text = wm_money_format (n, cell->buf);
      return TRUE;
    }
  return FALSE;
}

static JsonObject *
member_object (JsonObject  *object,
               const char  *key,
               const char  *where,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The report has no object %s%s%s", where,
                   *where != '\0' ? "." : "", key);
      return NULL;
    }
  return json_node_get_object (node);
}

/* "flows.ID.all" or "flows.ID.versions.N", then ".@rest" when given. */
static char *
scope_where (const Scope *scope,
             const char  *rest)
{
  GString *where = g_string_new ("flows.");

  g_string_append (where, scope->flow_id);
  if (scope->version == 0)
    g_string_append (where, ".all");
  else
    g_string_append_printf (where, ".versions.%s", scope->version_label);
  if (rest != NULL)
    g_string_append_printf (where, ".%s", rest);
  return g_string_free (where, FALSE);
}

/* Fills cells[first...] from the fields of @object: absent members are
 * empty cells, the last field ("cost") is money. */
static gboolean
fill_fields (Cell               *cells,
             JsonObject         *object,
             const char * const *fields,
             guint               n_fields,
             const Scope        *scope,
             const char         *what,
             GError            **error)
{
  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *node = json_object_get_member (object, fields[i]);
      gboolean money = g_str_equal (fields[i], "cost");
      gint64 n;

      if (node == NULL)
        {
          cell_text (&cells[i], NULL);
          continue;
        }
      if (money && cell_money (&cells[i], node))
        continue;
      if (!money && node_get_integer (node, &n))
        {
          cell_integer (&cells[i], n);
          continue;
        }

      {
        g_autofree char *rest = g_strdup_printf ("%s.%s", what, fields[i]);
        g_autofree char *where = scope_where (scope, rest);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     money ? "The report's %s is not a decimal number"
                           : "The report's %s is not an integer", where);
        return FALSE;
      }
    }
  return TRUE;
}

static WmFlow *
find_flow (GPtrArray  *flows,
           const char *id)
{
  for (guint i = 0; flows != NULL && i < flows->len; i++)
    {
      const char *fid = wm_flow_get_id (g_ptr_array_index (flows, i));

      if (g_strcmp0 (fid, id) == 0)
        return g_ptr_array_index (flows, i);
    }
  return NULL;
}

/* The element a row describes: in a version's rows that version's; in the
 * `all` rows the latest participating version that has it. */
static WmElement *
find_element (const Scope *scope,
              const char  *id)
{
  if (scope->version != 0)
    {
      WmVersion *version = wm_flow_get_version (scope->flow, scope->version);

      return version != NULL ? wm_version_find_element (version, id) : NULL;
    }
  for (guint i = 0; i < scope->participating->len; i++)
    {
      guint number = g_array_index (scope->participating, guint, i);
      WmVersion *version = wm_flow_get_version (scope->flow, number);
      WmElement *element;

      if (version == NULL)
        continue;
      element = wm_version_find_element (version, id);
      if (element != NULL)
        return element;
    }
  return NULL;
}

static void
fill_keys (Cell        *cells,
           const Scope *scope)
{
  cell_text (&cells[0], scope->flow_id);
  if (scope->version == 0)
    cell_text (&cells[1], "all");
  else
    cell_integer (&cells[1], scope->version);
}

static gboolean
emit_metrics (Table        table,
              JsonObject  *metrics,
              const Scope *scope,
              RowFunc      func,
              gpointer     data,
              GError     **error)
{
  g_autofree char *where = scope_where (scope, NULL);
  Cell cells[MAX_COLUMNS];
  JsonObject *members;
  GList *keys;

  members = member_object (metrics,
                           table == TABLE_CHANNELS ? "channels" : "elements",
                           where, error);
  if (members == NULL)
    return FALSE;

  keys = json_object_get_members (members);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *id = l->data;
      g_autofree char *item_where = g_strdup_printf (
        "%s.%s", where, table == TABLE_CHANNELS ? "channels" : "elements");
      JsonObject *item = member_object (members, id, item_where, error);
      g_autofree char *what = NULL;

      if (item == NULL)
        goto fail;
      what = g_strdup_printf ("%s.%s",
                              table == TABLE_CHANNELS ? "channels" : "elements",
                              id);
      fill_keys (cells, scope);
      cell_text (&cells[2], id);

      if (table == TABLE_CHANNELS)
        {
          if (!fill_fields (&cells[3], item, channel_fields,
                            G_N_ELEMENTS (channel_fields), scope, what, error)
              || !func (data, cells, 3 + G_N_ELEMENTS (channel_fields), error))
            goto fail;
        }
      else if (table == TABLE_ELEMENTS)
        {
          WmElement *element = find_element (scope, id);

          if (element == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "Flow “%s”, version %s: the report's element “%s” "
                           "is not in the flow document", scope->flow_id,
                           scope->version_label, id);
              goto fail;
            }
          cell_text (&cells[3], wm_element_get_name (element));
          cell_text (&cells[4], wm_element_get_type_name (element));
          if (!fill_fields (&cells[5], item, element_fields,
                            G_N_ELEMENTS (element_fields), scope, what, error)
              || !func (data, cells, 5 + G_N_ELEMENTS (element_fields), error))
            goto fail;
        }
      else
        {
          g_autofree char *ports_where = scope_where (scope, what);
          JsonObject *ports = member_object (item, "ports", ports_where, error);
          GList *port_keys;

          if (ports == NULL)
            goto fail;
          port_keys = json_object_get_members (ports);
          for (GList *p = port_keys; p != NULL; p = p->next)
            {
              gint64 count;

              if (!node_get_integer (json_object_get_member (ports, p->data),
                                     &count))
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The report's %s.ports.%s is not an integer",
                               ports_where, (const char *) p->data);
                  g_list_free (port_keys);
                  goto fail;
                }
              cell_text (&cells[3], p->data);
              cell_integer (&cells[4], count);
              if (!func (data, cells, 5, error))
                {
                  g_list_free (port_keys);
                  goto fail;
                }
            }
          g_list_free (port_keys);
        }
    }
  g_list_free (keys);
  return TRUE;

fail:
  g_list_free (keys);
  return FALSE;
}

static gint
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static gboolean
parse_version_key (const char *key,
                   guint      *out)
{
  guint64 n;

  if (!g_ascii_string_to_unsigned (key, 10, 1, G_MAXUINT, &n, NULL))
    return FALSE;
  *out = (guint) n;
  return TRUE;
}

static gboolean
emit_header (Table     table,
             RowFunc   func,
             gpointer  data,
             GError  **error)
{
  Cell cells[MAX_COLUMNS];
  guint n = 0;

  cell_text (&cells[n++], "flow");
  cell_text (&cells[n++], "version");
  if (table == TABLE_CHANNELS)
    {
      cell_text (&cells[n++], "channel");
      for (guint i = 0; i < G_N_ELEMENTS (channel_fields); i++)
        cell_text (&cells[n++], channel_fields[i]);
    }
  else
    {
      cell_text (&cells[n++], "element");
      if (table == TABLE_ELEMENTS)
        {
          cell_text (&cells[n++], "name");
          cell_text (&cells[n++], "type");
          for (guint i = 0; i < G_N_ELEMENTS (element_fields); i++)
            cell_text (&cells[n++], element_fields[i]);
        }
      else
        {
          cell_text (&cells[n++], "port");
          cell_text (&cells[n++], "count");
        }
    }
  return func (data, cells, n, error);
}

/* The rows of @table, header first, in the report's key order (its
 * `versions` keys are sorted numerically, as simulation.md's Report says). */
static gboolean
walk_table (Table       table,
            JsonNode   *report,
            GPtrArray  *flows,
            RowFunc     func,
            gpointer    data,
            GError    **error)
{
  JsonObject *flows_object;
  GList *flow_ids;
  gboolean ok = FALSE;

  if (report == NULL || !JSON_NODE_HOLDS_OBJECT (report))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The report is not a JSON object");
      return FALSE;
    }
  flows_object = member_object (json_node_get_object (report), "flows", "",
                                error);
  if (flows_object == NULL || !emit_header (table, func, data, error))
    return FALSE;

  flow_ids = json_object_get_members (flows_object);
  for (GList *l = flow_ids; l != NULL; l = l->next)
    {
      g_autoptr(GArray) participating = g_array_new (FALSE, FALSE,
                                                     sizeof (guint));
      g_autofree char *flow_where = g_strdup_printf ("flows.%s",
                                                     (const char *) l->data);
      Scope scope = { l->data, NULL, participating, "all", 0 };
      JsonObject *flow_object;
      JsonObject *all;
      JsonObject *versions;
      GList *version_keys;
      gboolean versions_ok = TRUE;

      flow_object = member_object (flows_object, l->data, "flows", error);
      if (flow_object == NULL
          || (all = member_object (flow_object, "all", flow_where,
                                   error)) == NULL
          || (versions = member_object (flow_object, "versions", flow_where,
                                        error)) == NULL)
        goto out;

      scope.flow = find_flow (flows, scope.flow_id);
      if (scope.flow == NULL && table == TABLE_ELEMENTS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "The report's flow “%s” is not among the run's flows; "
                       "its element names and types are unknown",
                       scope.flow_id);
          goto out;
        }

      version_keys = json_object_get_members (versions);
      for (GList *v = version_keys; v != NULL; v = v->next)
        {
          guint number;

          if (!parse_version_key (v->data, &number))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The report's %s.versions has a key “%s” that is "
                           "not a version number", flow_where,
                           (const char *) v->data);
              versions_ok = FALSE;
              break;
            }
          g_array_append_val (participating, number);
        }
      g_array_sort (participating, compare_descending);

      if (versions_ok)
        versions_ok = emit_metrics (table, all, &scope, func, data, error);
      for (GList *v = version_keys; versions_ok && v != NULL; v = v->next)
        {
          g_autofree char *versions_where = g_strdup_printf ("%s.versions",
                                                             flow_where);
          JsonObject *metrics = member_object (versions, v->data,
                                               versions_where, error);

          scope.version_label = v->data;
          versions_ok = metrics != NULL
                        && parse_version_key (v->data, &scope.version)
                        && emit_metrics (table, metrics, &scope, func, data,
                                         error);
        }
      g_list_free (version_keys);
      if (!versions_ok)
        goto out;
    }
  ok = TRUE;

out:
  g_list_free (flow_ids);
  return ok;
}

/* simulation.md: a text cell starting with one of these gets a leading '
 * so that no spreadsheet reads it as a formula. */
static gboolean
needs_neutralising (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* CSV */

static gboolean
csv_row (gpointer     data,
         const Cell  *cells,
         guint        n_cells,
         GError     **error)
{
  GString *out = data;

  for (guint i = 0; i < n_cells; i++)
    {
      const char *text = cells[i].text;

      if (i > 0)
        g_string_append_c (out, ',');
      if (cells[i].kind == CELL_EMPTY)
        continue;
      if (cells[i].kind == CELL_NUMBER)
        {
          g_string_append (out, text);
          continue;
        }
      if (strpbrk (text, ",\"\r\n") != NULL)
        {
          g_string_append_c (out, '"');
          if (needs_neutralising (text))
            g_string_append_c (out, '\'');
          for (const char *p = text; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        {
          if (needs_neutralising (text))
            g_string_append_c (out, '\'');
          g_string_append (out, text);
        }
    }
  g_string_append (out, "\r\n");
  return TRUE;
}

gboolean
wm_tables_write_csv (JsonNode    *report,
                     GPtrArray   *flows,
                     const char  *dir,
                     GError     **error)
{
  GString *texts[N_TABLES] = { NULL };
  gboolean ok = TRUE;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Every table is made before any is written, so a report the walk
   * refuses leaves the folder as it was. */
  for (guint t = 0; ok && t < N_TABLES; t++)
    {
      texts[t] = g_string_new (NULL);
      ok = walk_table (t, report, flows, csv_row, texts[t], error);
    }

  for (guint t = 0; ok && t < N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (dir, csv_names[t], NULL);

      /* CONSISTENT: written to a temporary name, then renamed. */
      ok = g_file_set_contents_full (path, texts[t]->str, texts[t]->len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                     error);
    }

  for (guint t = 0; t < N_TABLES; t++)
    if (texts[t] != NULL)
      g_string_free (texts[t], TRUE);
  return ok;
}

/* XLSX */

typedef struct
{
  lxw_worksheet *sheet;
  const char    *sheet_name;
  const char    *path;
  lxw_row_t      row;
} XlsxSink;

static gboolean
xlsx_failed (lxw_error    err,
             const char  *path,
             const char  *sheet_name,
             GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "Could not write the %s sheet of “%s”: %s", sheet_name, path,
               lxw_strerror (err));
  return FALSE;
}

static gboolean
xlsx_row (gpointer     data,
          const Cell  *cells,
          guint        n_cells,
          GError     **error)
{
  XlsxSink *sink = data;

  if (sink->row >= LXW_ROW_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "The %s table of “%s” has more rows than a sheet holds "
                   "(%d); use --csv instead", sink->sheet_name, sink->path,
                   LXW_ROW_MAX);
      return FALSE;
    }
  for (guint i = 0; i < n_cells; i++)
    {
      lxw_error err = LXW_NO_ERROR;

      if (cells[i].kind == CELL_NUMBER)
        err = worksheet_write_number (sink->sheet, sink->row, i,
                                      g_ascii_strtod (cells[i].text, NULL),
                                      NULL);
      else if (cells[i].kind == CELL_TEXT && needs_neutralising (cells[i].text))
        {
          g_autofree char *text = g_strconcat ("'", cells[i].text, NULL);

          err = worksheet_write_string (sink->sheet, sink->row, i, text, NULL);
        }
      else if (cells[i].kind == CELL_TEXT)
        err = worksheet_write_string (sink->sheet, sink->row, i,
                                      cells[i].text, NULL);
      if (err != LXW_NO_ERROR)
        return xlsx_failed (err, sink->path, sink->sheet_name, error);
    }
  sink->row++;
  return TRUE;
}

/* A new empty file next to @path, created with the usual permissions
 * (0666 less the umask) so the renamed workbook has them too. */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmp = g_strdup_printf ("%s.%08x.tmp", path,
                                              g_random_int ());
      int fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&tmp);
        }
      if (errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Could not create “%s”: %s", tmp, g_strerror (saved));
          return NULL;
        }
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               "Could not find a free temporary name next to “%s”", path);
  return NULL;
}

gboolean
wm_tables_write_xlsx (JsonNode    *report,
                      GPtrArray   *flows,
                      gint64       created,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *tmp = NULL;
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  locale_t c_numeric;
  locale_t previous;
  lxw_error err;
  gboolean ok = TRUE;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tmp = create_temporary (path, error);
  if (tmp == NULL)
    return FALSE;

  /* libxlsxwriter writes numbers with printf's "%.16G", which follows
   * LC_NUMERIC: under a German locale 0.0875 would become "0,0875" and the
   * cell unreadable. This thread uses the C locale until the file is
   * closed (uselocale is per thread, unlike setlocale). */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (c_numeric == (locale_t) 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write “%s”: no C locale for numbers", path);
      g_unlink (tmp);
      return FALSE;
    }
  previous = uselocale (c_numeric);

  workbook = workbook_new (tmp);
  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not start the workbook “%s”", tmp);
      uselocale (previous);
      freelocale (c_numeric);
      g_unlink (tmp);
      return FALSE;
    }

  /* libxlsxwriter takes a creation time of 0 to mean "now", which would
   * make the file differ from run to run; a run ending exactly at
   * 1970-01-01T00:00:00Z is written one second later instead. */
  properties.created = (time_t) (created != 0 ? created : 1);
  err = workbook_set_properties (workbook, &properties);
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not set the document properties of “%s”: %s", path,
                   lxw_strerror (err));
      ok = FALSE;
    }

  for (guint t = 0; ok && t < N_TABLES; t++)
    {
      XlsxSink sink = { NULL, sheet_names[t], path, 0 };

      sink.sheet = workbook_add_worksheet (workbook, sheet_names[t]);
      if (sink.sheet == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "Could not add the sheet %s to “%s”", sheet_names[t],
                       path);
          ok = FALSE;
          break;
        }
      ok = walk_table (t, report, flows, xlsx_row, &sink, error);
    }

  /* Closing also frees the workbook, so it is done even after a failure. */
  err = workbook_close (workbook);
  uselocale (previous);
  freelocale (c_numeric);
  if (ok && err != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write “%s”: %s", path, lxw_strerror (err));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Could not rename “%s” to “%s”: %s", tmp, path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
