/* wm-report-rows.h - a report's element and channel figures as list rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's performance page shows the report's per-element and
 * per-channel figures in sortable tables. Each row is a GObject with one
 * gint64 property per figure (money in micro-units), so a list view can
 * sort on any column with a property expression. A figure the element does
 * not have (sends on a wait, notifications on an SMS) is -1, shown as an
 * empty cell as in the CSV, and sorts below every real value. Names and
 * types come from the flow documents of the run, as in the tables the
 * command line writes.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-flow.h"

G_BEGIN_DECLS

#define WM_TYPE_REPORT_ROW (wm_report_row_get_type ())
G_DECLARE_FINAL_TYPE (WmReportRow, wm_report_row, WM, REPORT_ROW, GObject)

typedef struct
{
  const char *key;        /* as in the report ("total_engagements") */
  const char *property;   /* the row's property ("total-engagements") */
  gboolean    money;
} WmReportColumn;

/* The figures of an element row, in the CSV's order. */
const WmReportColumn *wm_report_element_columns (guint *n_columns);
/* The figures of a channel row, in the report's order. */
const WmReportColumn *wm_report_channel_columns (guint *n_columns);

const char *wm_report_row_get_id    (WmReportRow *self);
/* The element's name (NULL when it has none) and type; a channel row has
 * neither. */
const char *wm_report_row_get_name  (WmReportRow *self);
const char *wm_report_row_get_kind  (WmReportRow *self);
/* The figure under report key @key, or -1 when the row does not have it. */
gint64      wm_report_row_get_value (WmReportRow *self,
                                     const char  *key);

/* Reads a count or a money figure of the report into *@value (money in
 * micro-units), whether the tree was parsed from the report text (money as
 * numbers) or built by wm_sim_report_build() (money as decimal text). */
gboolean    wm_report_read_value    (JsonNode    *node,
                                     gboolean     money,
                                     gint64      *value);

/* Rows (WmReportRow) of the elements of @metrics, in the report's order,
 * named from @flow: version @version, or for `all` (0) the latest of the
 * versions of @flow_report (the report's object of that flow) that has
 * the element. */
GListStore *wm_report_rows_elements (JsonObject  *metrics,
                                     JsonObject  *flow_report,
                                     WmFlow      *flow,
                                     guint        version,
                                     GError     **error);
/* Rows of the channels of @metrics, in the report's order. */
GListStore *wm_report_rows_channels (JsonObject  *metrics,
                                     GError     **error);

/* "12", "0.0075": a figure as the report writes it; "" for -1. */
char       *wm_report_format_value  (gint64       value,
                                     gboolean     money);

G_END_DECLS
