/* wm-inspector-performance.h - the inspector's Performance section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure a run gives the shown element (wm_element_metrics_rows):
 * engagements, users, the send counts with their rates, cost, conversions,
 * milestone counts and each port's traffic, one row each, titled with the
 * version the figures are of.
 */
#pragma once

#include <adwaita.h>

#include "wm-element.h"
#include "wm-report-metrics.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR_PERFORMANCE (wm_inspector_performance_get_type ())
G_DECLARE_FINAL_TYPE (WmInspectorPerformance, wm_inspector_performance, WM, INSPECTOR_PERFORMANCE,
                      AdwPreferencesGroup)

/* The figures of @element in @metrics. */
GtkWidget  *wm_inspector_performance_new       (WmReportMetrics        *metrics,
                                                WmElement              *element);
/* The value shown in the row titled @label ("Engagements", "Port out"),
 * or NULL when there is no such row. */
const char *wm_inspector_performance_get_value (WmInspectorPerformance *self,
                                                const char             *label);

G_END_DECLS
