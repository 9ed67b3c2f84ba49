/* wm-import.c - CSV profiles to JSON Lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-import.h"
#include "wm-json.h"

#define FLUSH_SIZE (1024 * 1024)

typedef struct
{
  guint64 line;
  guint   reason;
} Rejection;

/* An output written under a temporary name beside its final path. */
typedef struct
{
  char *path;
  char *tmp;
  int   fd;
} Output;

static gboolean
output_open (Output      *out,
             const char  *path,
             GError     **error)
{
  int saved;

  out->path = g_strdup (path);
  out->tmp = g_strconcat (path, ".XXXXXX", NULL);
  out->fd = g_mkstemp_full (out->tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (out->fd >= 0)
    return TRUE;
  saved = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "Cannot create a file beside %s: %s", path, g_strerror (saved));
  return FALSE;
}

static gboolean
output_write (Output      *out,
              GString     *data,
              GError     **error)
{
  const char *p = data->str;
  gsize left = data->len;

  while (left > 0)
    {
      gssize n = write (out->fd, p, left);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Cannot write %s: %s", out->path, g_strerror (saved));
          return FALSE;
        }
      p += n;
      left -= n;
    }
  g_string_truncate (data, 0);
  return TRUE;
}

static gboolean
output_close (Output      *out,
              GError     **error)
{
  int fd = out->fd;

  out->fd = -1;
  if (close (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot write %s: %s", out->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
output_commit (Output      *out,
               GError     **error)
{
  if (g_rename (out->tmp, out->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot write %s: %s", out->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&out->tmp, g_free);
  return TRUE;
}

/* Drops whatever was not committed. */
static void
output_clear (Output *out)
{
  if (out->fd >= 0)
    close (out->fd);
  if (out->tmp != NULL)
    g_unlink (out->tmp);
  g_free (out->tmp);
  g_free (out->path);
  out->fd = -1;
  out->tmp = out->path = NULL;
}

static void
append_row (GString            *buf,
            const WmCsvRow     *row,
            const char * const *columns,
            guint               id_column)
{
  gboolean first = TRUE;

  g_string_append (buf, "{\"id\":");
  wm_json_append_string (buf, row->cells[id_column].data);
  g_string_append (buf, ",\"attributes\":{");
  for (guint i = 0; i < row->n_cells; i++)
    {
      if (i == id_column || row->cells[i].len == 0)
        continue;
      if (!first)
        g_string_append_c (buf, ',');
      first = FALSE;
      wm_json_append_string (buf, columns[i]);
      g_string_append_c (buf, ':');
      wm_json_append_string (buf, row->cells[i].data);
    }
  g_string_append (buf, "}}\n");
}

static int
compare_reason_names (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (wm_csv_reason_to_string (*(const guint *) a),
                 wm_csv_reason_to_string (*(const guint *) b));
}

static void
append_report (GString               *buf,
               const WmImportSummary *s,
               GArray                *rejected)
{
  guint order[WM_CSV_N_REASONS];
  guint n = 0;
  gboolean first = TRUE;

  g_string_append_printf (buf,
                          "{\n"
                          "  \"format\": \"waymark.import-report\",\n"
                          "  \"format_version\": 1,\n"
                          "  \"total\": %" G_GUINT64_FORMAT ",\n"
                          "  \"valid\": %" G_GUINT64_FORMAT ",\n"
                          "  \"invalid\": %" G_GUINT64_FORMAT ",\n"
                          "  \"reasons\": {",
                          s->total, s->valid, s->invalid);
  for (guint r = WM_CSV_BAD_CSV; r < WM_CSV_N_REASONS; r++)
    if (s->reasons[r] > 0)
      order[n++] = r;
  qsort (order, n, sizeof order[0], compare_reason_names);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (buf, "%s\n    \"%s\": %" G_GUINT64_FORMAT,
                            i > 0 ? "," : "",
                            wm_csv_reason_to_string (order[i]),
                            s->reasons[order[i]]);
  g_string_append (buf, n > 0 ? "\n  },\n  \"rejected\": [" : "},\n  \"rejected\": [");
  for (guint i = 0; i < rejected->len; i++)
    {
      Rejection *r = &g_array_index (rejected, Rejection, i);

      g_string_append_printf (buf,
                              "%s\n    {\n      \"line\": %" G_GUINT64_FORMAT ",\n"
                              "      \"reason\": \"%s\"\n    }",
                              first ? "" : ",", r->line,
                              wm_csv_reason_to_string (r->reason));
      first = FALSE;
    }
  g_string_append (buf, rejected->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

gboolean
wm_import_csv (const char       *csv_path,
               const char       *out_path,
               const char       *report_path,
               WmImportSummary  *summary,
               GError          **error)
{
  g_autoptr(WmCsvReader) reader = NULL;
  g_autoptr(GString) buf = NULL;
  g_autoptr(GArray) rejected = NULL;
  Output out = { .fd = -1 }, report = { .fd = -1 };
  WmImportSummary s = { 0 };
  const char * const *columns;
  guint id_column;
  WmCsvRow row;
  GError *local_error = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (csv_path != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);

  reader = wm_csv_reader_open (csv_path, error);
  if (reader == NULL)
    return FALSE;
  columns = wm_csv_reader_get_columns (reader, NULL);
  id_column = wm_csv_reader_get_id_column (reader);

  if (!output_open (&out, out_path, error))
    goto out;
  if (report_path != NULL && !output_open (&report, report_path, error))
    goto out;

  /* Grown as rows come (to a little over FLUSH_SIZE, then reused): a small
   * import does not pay for a megabyte up front. */
  buf = g_string_new (NULL);
  rejected = g_array_new (FALSE, FALSE, sizeof (Rejection));
  while (wm_csv_reader_next (reader, &row, &local_error))
    {
      s.total++;
      if (row.reason == WM_CSV_VALID)
        {
          s.valid++;
          append_row (buf, &row, columns, id_column);
          if (buf->len >= FLUSH_SIZE && !output_write (&out, buf, error))
            goto out;
        }
      else
        {
          Rejection r = { row.line, row.reason };

          s.invalid++;
          s.reasons[row.reason]++;
          g_array_append_val (rejected, r);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto out;
    }
  if (!output_write (&out, buf, error) || !output_close (&out, error))
    goto out;
  if (report_path != NULL)
    {
      append_report (buf, &s, rejected);
      if (!output_write (&report, buf, error) || !output_close (&report, error))
        goto out;
      if (!output_commit (&report, error))
        goto out;
    }
  if (!output_commit (&out, error))
    goto out;
  if (summary != NULL)
    *summary = s;
  ok = TRUE;

out:
  output_clear (&out);
  output_clear (&report);
  return ok;
}

char *
wm_import_summary_to_string (const WmImportSummary *summary)
{
  GString *text;
  gboolean first = TRUE;

  g_return_val_if_fail (summary != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%" G_GUINT64_FORMAT " rows: %" G_GUINT64_FORMAT
                          " imported, %" G_GUINT64_FORMAT " rejected",
                          summary->total, summary->valid, summary->invalid);
  for (guint r = WM_CSV_BAD_CSV; r < WM_CSV_N_REASONS; r++)
    if (summary->reasons[r] > 0)
      {
        g_string_append_printf (text, "%s%s %" G_GUINT64_FORMAT,
                                first ? " (" : ", ",
                                wm_csv_reason_to_string (r), summary->reasons[r]);
        first = FALSE;
      }
  if (!first)
    g_string_append_c (text, ')');
  return g_string_free (text, FALSE);
}
