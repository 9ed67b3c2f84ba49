/* wm-import.h - `waymark-cli import`: CSV profiles to JSON Lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Profiles: the valid rows of a CSV file are written as JSON
 * Lines, {"id":...,"attributes":{...}} (attributes in column order, compact
 * JSON), with an import report
 * { "format": "waymark.import-report", "format_version": 1, "total",
 *   "valid", "invalid", "reasons": { sorted }, "rejected": [ {"line",
 *   "reason"} in file order ] }.
 * Every output is written to a temporary file next to it and renamed into
 * place at the end, so a failure leaves nothing half-written.
 */
#pragma once

#include <glib.h>

#include "wm-csv-reader.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 total;     /* rows after the header (empty lines not counted) */
  guint64 valid;
  guint64 invalid;
  guint64 reasons[WM_CSV_N_REASONS];  /* indexed by WmCsvReason */
} WmImportSummary;

/* Imports @csv_path into @out_path, and writes the report to @report_path
 * when it is not NULL. @summary (may be NULL) receives the counts. Returns
 * FALSE with @error set when the file is refused (WM_CSV_ERROR: the CLI
 * exits 2) or cannot be read or written (G_FILE_ERROR / G_IO_ERROR: also
 * exit 2); nothing is written then. Rejected rows are not errors. */
gboolean  wm_import_csv               (const char             *csv_path,
                                       const char             *out_path,
                                       const char             *report_path,
                                       WmImportSummary        *summary,
                                       GError                **error);

/* The one-line summary for standard error when there is no report, e.g.
 * "12 rows: 4 imported, 8 rejected (bad-csv 1, cell-count 1, ...)". No
 * trailing newline. */
char     *wm_import_summary_to_string (const WmImportSummary  *summary);

G_END_DECLS
