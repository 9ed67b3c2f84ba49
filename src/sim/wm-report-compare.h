/* wm-report-compare.h - two reports side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compares the metrics of one flow and version (or `all`) in two
 * waymark.report documents: two runs, or two versions of one run. Groups
 * follow the report (simulation.md, Report): the run's counts, overall,
 * rejections, each channel, element, milestone and outcome matched by id,
 * and the engaged persons (one metric per month). A group or metric found in one
 * report only is flagged as such. Values are exact: money and percentages
 * are held in millionths, as decimal numbers, never through a rounding
 * double, so a difference of 0.00005 is 0.00005.
 *
 * The reports may come from wm_sim_report_build() (money as decimal text)
 * or be parsed from the files the command line writes (money as numbers).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_REPORT_COMPARE_ERROR (wm_report_compare_error_quark ())

typedef enum
{
  WM_REPORT_COMPARE_ERROR_INVALID,    /* not a waymark.report */
  WM_REPORT_COMPARE_ERROR_NOT_FOUND,  /* no such flow or version in it */
} WmReportCompareError;

typedef enum
{
  WM_COMPARE_IN_BOTH,
  WM_COMPARE_ONLY_A,
  WM_COMPARE_ONLY_B,
} WmComparePresence;

typedef enum
{
  WM_COMPARE_COUNT,       /* an integer */
  WM_COMPARE_MONEY,       /* cost, traffic_cost, goal_value: up to 6 decimals */
  WM_COMPARE_PERCENT,     /* success_pct, failure_pct: up to 2 decimals */
} WmCompareKind;

typedef struct
{
  char              *key;       /* as in the report; ports are "ports.NAME" */
  WmCompareKind      kind;
  WmComparePresence  presence;
  gint64             a;         /* millionths; 0 where absent */
  gint64             b;
} WmCompareMetric;

typedef struct
{
  const char        *section;   /* "run", "overall", "rejections", "channels",
                                 * "elements", "milestones", "outcomes", "engaged" */
  char              *id;        /* channel, element, milestone, outcome id or
                                 * month; NULL for run, overall, rejections */
  WmComparePresence  presence;
  GPtrArray         *metrics;   /* WmCompareMetric */
} WmCompareGroup;

GQuark      wm_report_compare_error_quark (void);

/* The METRICS object of @flow_id in @report: version @version, or `all`
 * when @version is 0. Borrowed from @report. */
JsonObject *wm_report_get_metrics     (JsonNode        *report,
                                       const char      *flow_id,
                                       guint            version,
                                       GError         **error);

/* The groups (WmCompareGroup) of flow @flow_id, version @version_a of
 * @report_a against version @version_b of @report_b (0: `all`). */
GPtrArray  *wm_report_compare         (JsonNode        *report_a,
                                       guint            version_a,
                                       JsonNode        *report_b,
                                       guint            version_b,
                                       const char      *flow_id,
                                       GError         **error);

/* The group of @section and @id (NULL for sections without ids), or NULL. */
const WmCompareGroup  *wm_compare_find_group  (GPtrArray       *groups,
                                               const char      *section,
                                               const char      *id);
const WmCompareMetric *wm_compare_find_metric (const WmCompareGroup *group,
                                               const char      *key);

/* A value as the report writes it ("12", "0.0075", "7.5"). */
char       *wm_compare_format_value   (WmCompareKind    kind,
                                       gint64           millionths);
/* b - a with its sign ("+3", "-0.00005", "0"). */
char       *wm_compare_format_difference (const WmCompareMetric *metric);

G_END_DECLS
