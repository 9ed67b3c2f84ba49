/* wm-report-metrics.h - one element's figures from a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas overlay, its popover and the inspector's Performance
 * section show for an element of a run (simulation.md, Report): its
 * engagements and unique users; on channels its sends, messages, cost and
 * the delivered, opened and clicked counts with their rates; notifications
 * on notify.internal; the flow's goal conversions on an entry; the reached
 * counts of a milestone element's milestone; and each port's traffic. For
 * one version of the flow, or `all`.
 *
 * The figures are read from the report as it is, never recomputed, so the
 * app shows exactly what the command line writes. Rates are the only
 * derived figures: delivered per send, opened and clicked per delivered
 * message, in basis points rounded half up like the report's percentages.
 * The texts are built here too, so the canvas, the popover, the inspector
 * and the accessible descriptions all say the same.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _WmReportMetrics WmReportMetrics;

typedef struct
{
  const char *id;
  gboolean    found;              /* the report has the element */
  guint64     total_engagements;
  guint64     unique_users;
  const char *channel;            /* "sms" … for send.*, else NULL */
  gboolean    has_sends;          /* the send fields below are set */
  guint64     sends;
  guint64     messages;
  guint64     no_contact;
  guint64     delivered;
  guint64     opened;
  guint64     clicked;
  gboolean    has_opens;          /* the channel offers the reaction */
  gboolean    has_clicks;
  gboolean    has_notifications;
  guint64     notifications;
  gboolean    has_cost;
  gint64      cost;               /* micro-units */
  gboolean    is_entry;           /* conversions holds the flow's */
  guint64     conversions;
  const char *milestone;          /* the milestone recorded, or NULL */
  guint64     reached;
  guint64     milestone_profiles;
} WmElementMetrics;

typedef struct
{
  char *label;
  char *value;
} WmMetricRow;

/* The metrics of flow @flow_id in @report (referenced): version @version,
 * or `all` when 0. Errors as wm_report_get_metrics(). */
WmReportMetrics *wm_report_metrics_new          (JsonNode          *report,
                                                 const char        *flow_id,
                                                 guint              version,
                                                 GError           **error);
/* The same from a report's text (a stored run's). */
WmReportMetrics *wm_report_metrics_new_from_text (const char       *report_text,
                                                 const char        *flow_id,
                                                 guint              version,
                                                 GError           **error);
WmReportMetrics *wm_report_metrics_ref          (WmReportMetrics   *self);
void             wm_report_metrics_unref        (WmReportMetrics   *self);

JsonNode        *wm_report_metrics_get_report   (WmReportMetrics   *self);
const char      *wm_report_metrics_get_flow_id  (WmReportMetrics   *self);
guint            wm_report_metrics_get_version  (WmReportMetrics   *self);

/* The versions of @flow_id in @report, ascending (guint); empty when the
 * report has no such flow. */
GArray          *wm_report_list_versions        (JsonNode          *report,
                                                 const char        *flow_id);

/* Fills @out for element @element_id of catalogue type @type_name (NULL:
 * unknown) that records milestone @milestone (NULL: none). FALSE (and
 * @out->found FALSE, every figure 0) when the report has no such element. */
gboolean         wm_report_metrics_get_element  (WmReportMetrics   *self,
                                                 const char        *element_id,
                                                 const char        *type_name,
                                                 const char        *milestone,
                                                 WmElementMetrics  *out);
/* The departures through @port of @element_id; FALSE when not reported. */
gboolean         wm_report_metrics_get_port     (WmReportMetrics   *self,
                                                 const char        *element_id,
                                                 const char        *port,
                                                 guint64           *count);
/* The largest port count of any element (for scaling traffic). */
guint64          wm_report_metrics_get_max_port (WmReportMetrics   *self);

/* A rate in basis points, rounded half up; 0 when @total is 0. */
gint64           wm_metric_rate                 (guint64            n,
                                                 guint64            total);

/* The compact text shown on the canvas: one line of engagements and users,
 * then the element's own figures ("15 messages · cost 0.01275", the rates,
 * conversions, reached), lines joined by "\n". */
char            *wm_element_metrics_format_summary (const WmElementMetrics *metrics);
/* The one figure shown when the canvas is zoomed too far out for the
 * summary: the engagements, as a bare number ("528") so that it fits
 * under a small node; the accessible description still says it whole. */
char            *wm_element_metrics_format_compact (const WmElementMetrics *metrics);
/* Every figure as one sentence, for the accessible description. */
char            *wm_element_metrics_describe    (const WmElementMetrics *metrics);
/* Every figure as label and value rows (WmMetricRow), for the popover and
 * the inspector; ports of @ports (NULL-terminated, may be NULL) follow as
 * "Port NAME" rows. */
GPtrArray       *wm_element_metrics_rows        (WmReportMetrics        *self,
                                                 const WmElementMetrics *metrics,
                                                 const char * const     *ports);
/* The label of a connection from @port of @element_id: its traffic as the
 * report writes it, or NULL when not reported. */
char            *wm_report_metrics_format_port  (WmReportMetrics        *self,
                                                 const char             *element_id,
                                                 const char             *port);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmReportMetrics, wm_report_metrics_unref)

G_END_DECLS
