/* wm-csv-reader.h - streaming CSV profile reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Profiles (CSV): RFC 4180, UTF-8, LF or CR LF line ends, a
 * leading byte order mark skipped, a header row with an `id` column and no
 * name twice (otherwise the file is refused: wm_csv_reader_open() fails and
 * the CLI exits 2). Every other column is a string attribute, an empty cell
 * an absent one; empty lines are skipped. Each record is either valid or
 * rejected for the first reason that applies, in the order of WmCsvReason.
 *
 * After a bad-csv record, reading goes on from the line after the one where
 * the error was found; a quoted field still open at the end of the file is
 * one bad-csv record. A record is reported at its first line.
 *
 * The file is streamed in 4 MiB blocks; one record (at most 64 MiB) is held
 * at a time. The reader keeps the set of valid ids (id-duplicate).
 */
#pragma once

#include <glib.h>

#include "wm-profile.h"

G_BEGIN_DECLS

#define WM_CSV_ERROR (wm_csv_error_quark ())

typedef enum
{
  WM_CSV_ERROR_NO_HEADER,         /* empty file */
  WM_CSV_ERROR_BAD_HEADER,        /* the header row is not valid CSV */
  WM_CSV_ERROR_NO_ID_COLUMN,
  WM_CSV_ERROR_DUPLICATE_COLUMN,
} WmCsvError;

/* simulation.md: a record longer than this is bad-csv. */
#define WM_CSV_RECORD_MAX (64 * 1024 * 1024)

/* In the order the rules are tested. */
typedef enum
{
  WM_CSV_VALID,
  WM_CSV_BAD_CSV,
  WM_CSV_CELL_COUNT,
  WM_CSV_ID_MISSING,
  WM_CSV_ID_TOO_LONG,
  WM_CSV_ID_DUPLICATE,
  WM_CSV_NO_CONTACT,
  WM_CSV_PHONE_INVALID,
  WM_CSV_EMAIL_INVALID,
} WmCsvReason;

#define WM_CSV_N_REASONS (WM_CSV_EMAIL_INVALID + 1)

typedef struct
{
  const char *data;  /* NUL-terminated UTF-8 */
  gsize       len;   /* 0: an empty cell, an absent attribute */
} WmCsvCell;

typedef struct
{
  guint64          line;     /* first line of the record */
  WmCsvReason      reason;
  /* The record's cells (none for bad-csv), valid until the next call. */
  const WmCsvCell *cells;
  guint            n_cells;
} WmCsvRow;

typedef struct _WmCsvReader WmCsvReader;

GQuark       wm_csv_error_quark           (void);

/* "bad-csv", "cell-count", ...; NULL for WM_CSV_VALID. */
const char  *wm_csv_reason_to_string      (WmCsvReason   reason);

/* Opens @path and reads its header row. Errors name the file and, for a
 * bad header, its line: "people.csv: line 1: no id column in the header
 * row". */
WmCsvReader *wm_csv_reader_open           (const char   *path,
                                           GError      **error);
void         wm_csv_reader_free           (WmCsvReader  *reader);

/* The header's column names, in order. */
const char * const *wm_csv_reader_get_columns (WmCsvReader *reader,
                                               guint       *n_columns);
/* The index of the `id` column. */
guint        wm_csv_reader_get_id_column  (WmCsvReader  *reader);

/* The next record that is not an empty line. Returns FALSE at the end of
 * the file or on a read error (@error set). */
gboolean     wm_csv_reader_next           (WmCsvReader  *reader,
                                           WmCsvRow     *row,
                                           GError      **error);

/* A valid row as a profile: every non-empty cell but the id's a string
 * attribute, in column order; no events. */
WmProfile   *wm_csv_reader_row_to_profile (WmCsvReader     *reader,
                                           const WmCsvRow  *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmCsvReader, wm_csv_reader_free)

G_END_DECLS
