/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c - libFuzzer target for the CSV profile reader and the import
 *
 * The input is a whole CSV file, read from a memory file descriptor through
 * its /proc/self/fd name. Whatever the input:
 *  - opening either gives a header with exactly one "id" column and no name
 *    twice, or a refusal (WM_CSV_ERROR) with a UTF-8 message;
 *  - records come with strictly increasing first lines; a row that is not
 *    bad-csv has UTF-8 cells without NUL, and its reason is the first that
 *    applies in simulation.md's order (worked out again here, the contact
 *    rules with regular expressions written from the spec);
 *  - a valid row becomes a profile with the row's id and line and its
 *    non-empty cells as string attributes in column order;
 *  - wm_import_csv() writes one JSON Lines line a valid row, each of which
 *    the profile parser reads back to the same id and attributes, and counts
 *    the rows as the reader gave them.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-csv-reader.h"
#include "wm-import.h"
#include "wm-profile-reader.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GRegex *phone_re;
static GRegex *email_re;
static char *outdir;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "fuzz-csv-XXXXXX", NULL);

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* simulation.md, Profiles; \z (not $, which also matches before a final
   * LF) and white space spelled out (ASCII only). */
  phone_re = g_regex_new ("^\\+[1-9][0-9]{7,14}\\z", 0, 0, NULL);
  email_re = g_regex_new ("^[^@ \\t\\n\\v\\f\\r]+@[^@ \\t\\n\\v\\f\\r]+\\.[^@ \\t\\n\\v\\f\\r]+\\z",
                          0, 0, NULL);
  outdir = g_mkdtemp (g_steal_pointer (&template));
  if (phone_re == NULL || email_re == NULL || outdir == NULL)
    abort ();
  return 0;
}

typedef struct
{
  GPtrArray *ids;          /* of the valid rows, in order */
  GPtrArray *attributes;   /* "name=value\n..." of each valid row */
  guint64    total;
  guint64    valid;
} Expected;

static void
append_attribute (const char    *name,
                  const WmValue *value,
                  gpointer       user_data)
{
  GString *out = user_data;

  if (value->type != WM_VALUE_STRING || value->as.string.len == 0)
    abort ();
  g_string_append_printf (out, "%s=%s\n", name, value->as.string.str);
}

static WmCsvReason
expected_reason (const WmCsvRow  *row,
                 guint            n_columns,
                 guint            id_column,
                 int              phone_column,
                 int              email_column,
                 GHashTable      *ids)
{
  const WmCsvCell *phone, *email;

  if (row->n_cells != n_columns)
    return WM_CSV_CELL_COUNT;
  if (row->cells[id_column].len == 0)
    return WM_CSV_ID_MISSING;
  if (row->cells[id_column].len > 128)
    return WM_CSV_ID_TOO_LONG;
  if (g_hash_table_contains (ids, row->cells[id_column].data))
    return WM_CSV_ID_DUPLICATE;
  phone = phone_column >= 0 && row->cells[phone_column].len > 0 ? &row->cells[phone_column] : NULL;
  email = email_column >= 0 && row->cells[email_column].len > 0 ? &row->cells[email_column] : NULL;
  if (phone == NULL && email == NULL)
    return WM_CSV_NO_CONTACT;
  if (phone != NULL && !g_regex_match (phone_re, phone->data, 0, NULL))
    return WM_CSV_PHONE_INVALID;
  if (email != NULL && !g_regex_match (email_re, email->data, 0, NULL))
    return WM_CSV_EMAIL_INVALID;
  return WM_CSV_VALID;
}

/* Reads the file with the reader; FALSE when it is refused. */
static gboolean
read_all (const char *path,
          Expected   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCsvReader) reader = wm_csv_reader_open (path, &error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *columns;
  guint n_columns, id_column, n_ids = 0;
  int phone_column = -1, email_column = -1;
  guint64 last_line = 0;
  WmCsvRow row;

  if (reader == NULL)
    {
      if (error == NULL || error->domain != WM_CSV_ERROR
          || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return FALSE;
    }

  columns = wm_csv_reader_get_columns (reader, &n_columns);
  id_column = wm_csv_reader_get_id_column (reader);
  if (n_columns == 0 || id_column >= n_columns || strcmp (columns[id_column], "id") != 0
      || columns[n_columns] != NULL)
    abort ();
  for (guint i = 0; i < n_columns; i++)
    {
      if (!g_utf8_validate (columns[i], -1, NULL))
        abort ();
      for (guint j = 0; j < i; j++)
        if (strcmp (columns[i], columns[j]) == 0)
          abort ();
      if (strcmp (columns[i], "id") == 0)
        n_ids++;
      else if (strcmp (columns[i], "phone") == 0)
        phone_column = i;
      else if (strcmp (columns[i], "email") == 0)
        email_column = i;
    }
  if (n_ids != 1)
    abort ();

  while (wm_csv_reader_next (reader, &row, &error))
    {
      WmCsvReason reason;

      if (row.line <= last_line || row.reason >= WM_CSV_N_REASONS)
        abort ();
      last_line = row.line;
      expected->total++;
      if (row.reason == WM_CSV_BAD_CSV)
        {
          if (row.n_cells != 0)
            abort ();
          continue;
        }
      for (guint i = 0; i < row.n_cells; i++)
        if (row.cells[i].data[row.cells[i].len] != '\0'
            || strlen (row.cells[i].data) != row.cells[i].len
            || !g_utf8_validate (row.cells[i].data, row.cells[i].len, NULL))
          abort ();

      reason = expected_reason (&row, n_columns, id_column, phone_column, email_column, ids);
      if (reason != row.reason)
        {
          fprintf (stderr, "line %" G_GUINT64_FORMAT ": reason %s, expected %s\n", row.line,
                   wm_csv_reason_to_string (row.reason), wm_csv_reason_to_string (reason));
          abort ();
        }
      if (reason == WM_CSV_VALID)
        {
          g_autoptr(WmProfile) profile = wm_csv_reader_row_to_profile (reader, &row);
          GString *attributes = g_string_new (NULL);
          GString *want = g_string_new (NULL);
          gsize id_len;
          const char *id = wm_profile_get_id (profile, &id_len);

          if (id_len != row.cells[id_column].len || strcmp (id, row.cells[id_column].data) != 0
              || wm_profile_get_line (profile) != row.line)
            abort ();
          wm_profile_foreach_attribute (profile, append_attribute, attributes);
          for (guint i = 0; i < n_columns; i++)
            if (i != id_column && row.cells[i].len > 0)
              g_string_append_printf (want, "%s=%s\n", columns[i], row.cells[i].data);
          if (strcmp (attributes->str, want->str) != 0)
            abort ();
          g_string_free (want, TRUE);
          g_hash_table_add (ids, g_strdup (id));
          g_ptr_array_add (expected->ids, g_strdup (id));
          g_ptr_array_add (expected->attributes, g_string_free (attributes, FALSE));
          expected->valid++;
        }
    }
  if (error != NULL)
    abort ();
  return TRUE;
}

/* The import's output read back with the profile parser. */
static void
check_import (const char     *path,
              const Expected *expected,
              gboolean        refused)
{
  g_autofree char *out = g_build_filename (outdir, "out.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfileParser) parser = NULL;
  g_autofree char *contents = NULL;
  WmImportSummary summary = { 0 };
  gsize length;
  char *line, *next;
  guint n = 0;

  g_unlink (out);
  if (!wm_import_csv (path, out, NULL, &summary, &error))
    {
      /* Refused exactly when the reader refused; nothing is written. */
      if (!refused || error->domain != WM_CSV_ERROR || g_file_test (out, G_FILE_TEST_EXISTS))
        abort ();
      return;
    }
  if (refused || summary.total != expected->total || summary.valid != expected->valid
      || summary.invalid != expected->total - expected->valid)
    abort ();
  if (!g_file_get_contents (out, &contents, &length, NULL))
    abort ();

  parser = wm_profile_parser_new ();
  for (line = contents; line < contents + length; line = next + 1)
    {
      g_autofree char *reason = NULL;
      g_autoptr(WmProfile) profile = NULL;
      g_autoptr(GString) attributes = g_string_new (NULL);
      gsize id_len;

      next = memchr (line, '\n', contents + length - line);
      if (next == NULL || n >= expected->ids->len)
        abort ();
      profile = wm_profile_parser_parse (parser, line, next - line, FALSE, n + 1, &reason);
      if (profile == NULL)
        {
          fprintf (stderr, "import line %u does not read back: %s\n", n + 1, reason);
          abort ();
        }
      if (strcmp (wm_profile_get_id (profile, &id_len), expected->ids->pdata[n]) != 0)
        abort ();
      wm_profile_foreach_attribute (profile, append_attribute, attributes);
      if (strcmp (attributes->str, expected->attributes->pdata[n]) != 0)
        abort ();
      n++;
    }
  if (n != expected->ids->len)
    abort ();
  g_unlink (out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  int fd = memfd_create ("profiles.csv", MFD_CLOEXEC);
  g_autofree char *path = NULL;
  Expected expected = { g_ptr_array_new_with_free_func (g_free),
                        g_ptr_array_new_with_free_func (g_free), 0, 0 };
  gboolean opened;

  if (fd < 0)
    abort ();
  if (size > 0 && write (fd, data, size) != (ssize_t) size)
    abort ();
  path = g_strdup_printf ("/proc/self/fd/%d", fd);

  opened = read_all (path, &expected);
  check_import (path, &expected, !opened);

  g_ptr_array_unref (expected.ids);
  g_ptr_array_unref (expected.attributes);
  close (fd);
  return 0;
}
