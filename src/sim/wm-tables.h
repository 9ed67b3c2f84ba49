/* wm-tables.h - the element, port and channel tables (--csv, --xlsx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Command line: the report's per-element, per-port and
 * per-channel figures as tables a spreadsheet opens. Both writers read the
 * report tree (the report format of simulation.md) and take element names
 * and types from the flow documents of the run.
 *
 * In the tree, counts are integer nodes (G_TYPE_INT64, or G_TYPE_DOUBLE
 * holding an integer); money (cost) is a string holding the exact decimal
 * text the report writes ("0.0075", "12", "-3.25"), or an integer number
 * of units. A non-integral double is also accepted and rounded to whole
 * micro-units as the report would write it.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes elements.csv, ports.csv and channels.csv into @dir (which must
 * exist), each to a temporary name then renamed, so a failure leaves no
 * half-written table under a final name. @flows holds the WmFlow of every
 * flow of the report. */
gboolean wm_tables_write_csv  (JsonNode    *report,
                               GPtrArray   *flows,
                               const char  *dir,
                               GError     **error);

/* The same three tables as the sheets Elements, Ports and Channels of an
 * XLSX workbook (numbers as numbers), with the document's creation time set
 * to @created (the run's end, whole UTC seconds since 1970), so the same
 * inputs give the same file; written to a temporary name and renamed. */
gboolean wm_tables_write_xlsx (JsonNode    *report,
                               GPtrArray   *flows,
                               gint64       created,
                               const char  *path,
                               GError     **error);

G_END_DECLS
