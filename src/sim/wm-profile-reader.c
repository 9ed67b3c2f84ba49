/* wm-profile-reader.c - pull reader over JSON Lines or CSV profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The single-threaded composition of wm-line-reader.c, wm-profile-parser.c
 * and wm-id-set.c (or of wm-csv-reader.c for .csv files).
 */
#include "config.h"

#include <string.h>

#include "wm-csv-reader.h"
#include "wm-profile-reader.h"

struct _WmProfileReader
{
  WmLineReader    *lines;
  WmProfileParser *parser;
  WmIdSet         *ids;
  WmCsvReader     *csv;
  char            *reason;
};

WmProfileReader *
wm_profile_reader_open (const char  *path,
                        GError     **error)
{
  WmProfileReader *reader;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  len = strlen (path);
  reader = g_new0 (WmProfileReader, 1);
  if (len >= 4 && g_ascii_strcasecmp (path + len - 4, ".csv") == 0)
    reader->csv = wm_csv_reader_open (path, error);
  else
    reader->lines = wm_line_reader_open (path, error);
  if (reader->csv == NULL && reader->lines == NULL)
    {
      g_free (reader);
      return NULL;
    }
  if (reader->lines != NULL)
    {
      reader->parser = wm_profile_parser_new ();
      reader->ids = wm_id_set_new ();
    }
  return reader;
}

void
wm_profile_reader_free (WmProfileReader *reader)
{
  if (reader == NULL)
    return;
  wm_line_reader_free (reader->lines);
  wm_profile_parser_free (reader->parser);
  wm_id_set_free (reader->ids);
  wm_csv_reader_free (reader->csv);
  g_free (reader->reason);
  g_free (reader);
}

WmProfileReadResult
wm_profile_reader_next (WmProfileReader  *reader,
                        WmProfile       **profile,
                        guint64          *line,
                        const char      **reason,
                        GError          **error)
{
  g_return_val_if_fail (reader != NULL, WM_PROFILE_READ_ERROR);
  g_return_val_if_fail (profile != NULL, WM_PROFILE_READ_ERROR);

  *profile = NULL;
  g_clear_pointer (&reader->reason, g_free);

  if (reader->csv != NULL)
    {
      WmCsvRow row;
      GError *local_error = NULL;

      if (!wm_csv_reader_next (reader->csv, &row, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return WM_PROFILE_READ_ERROR;
            }
          return WM_PROFILE_READ_END;
        }
      if (line != NULL)
        *line = row.line;
      if (row.reason != WM_CSV_VALID)
        {
          if (reason != NULL)
            *reason = wm_csv_reason_to_string (row.reason);
          return WM_PROFILE_READ_REJECTED;
        }
      *profile = wm_csv_reader_row_to_profile (reader->csv, &row);
      return WM_PROFILE_READ_PROFILE;
    }
  else
    {
      WmLine l;
      GError *local_error = NULL;
      WmProfile *p;
      const char *id;
      gsize id_len;

      if (!wm_line_reader_next (reader->lines, &l, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return WM_PROFILE_READ_ERROR;
            }
          return WM_PROFILE_READ_END;
        }
      if (line != NULL)
        *line = l.number;
      p = wm_profile_parser_parse (reader->parser, l.data, l.len, l.too_long,
                                   l.number, &reader->reason);
      if (p != NULL)
        {
          id = wm_profile_get_id (p, &id_len);
          if (wm_id_set_add (reader->ids, id, id_len))
            {
              *profile = p;
              return WM_PROFILE_READ_PROFILE;
            }
          wm_profile_free (p);
          reader->reason = g_strdup (WM_PROFILE_DUPLICATE_ID_REASON);
        }
      if (reason != NULL)
        *reason = reader->reason;
      return WM_PROFILE_READ_REJECTED;
    }
}
