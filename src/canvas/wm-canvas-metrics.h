/* wm-canvas-metrics.h - a run's figures drawn on the flow canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With metrics set, each element in view shows its figures in a small
 * label under its node (wm_element_metrics_format_summary), each
 * connection is as thick as its traffic allows and carries its count, and
 * each node's accessible description says the figures. Hovering a node,
 * or selecting exactly one, shows all of its figures in a popover.
 * Elements are matched to the report by id, so the figures follow the
 * version on the canvas even where it differs from the one simulated;
 * an element the report lacks shows "No figures in this run".
 */
#pragma once

#include "wm-canvas.h"
#include "wm-report-metrics.h"

G_BEGIN_DECLS

/* Shows @metrics (referenced; NULL hides the overlay). */
void             wm_canvas_set_metrics            (WmCanvas        *self,
                                                   WmReportMetrics *metrics);
WmReportMetrics *wm_canvas_get_metrics            (WmCanvas        *self);

/* The label drawn under the node of @element_id (lines joined by "\n"),
 * or NULL when no metrics are shown or there is no such element. */
const char      *wm_canvas_get_metrics_text       (WmCanvas        *self,
                                                   const char      *element_id);
/* The count drawn on the connection from @port of @element_id, or NULL. */
char            *wm_canvas_get_traffic_label      (WmCanvas        *self,
                                                   const char      *element_id,
                                                   const char      *port);
/* The line width (canvas units) the connection from @port of @element_id
 * is drawn with at the current zoom. */
double           wm_canvas_get_connection_width   (WmCanvas        *self,
                                                   const char      *element_id,
                                                   const char      *port);

/* The popover of figures; shown for @element_id (NULL hides it). */
GtkWidget       *wm_canvas_get_metrics_popover    (WmCanvas        *self);
void             wm_canvas_show_metrics_popover   (WmCanvas        *self,
                                                   const char      *element_id);

G_END_DECLS
