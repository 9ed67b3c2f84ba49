/* wm-run-chart.h - bar charts of a run's figures, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Monthly engaged persons (vertical bars), the milestone funnel and the
 * outcomes (horizontal bars, stacked success / failure / abandoned). Each
 * bar is a small focusable child widget whose accessible label says its
 * value ("2026-03: 12 engaged persons"), since GTK 4.8 has no accessibles
 * that are not widgets; the page adds the same figures as a table.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  WM_RUN_CHART_COLUMNS,   /* vertical bars, one series */
  WM_RUN_CHART_FUNNEL,    /* horizontal bars, one series */
  WM_RUN_CHART_STACKED,   /* horizontal bars of three series */
} WmRunChartKind;

#define WM_TYPE_RUN_CHART (wm_run_chart_get_type ())
G_DECLARE_FINAL_TYPE (WmRunChart, wm_run_chart, WM, RUN_CHART, GtkWidget)

GtkWidget *wm_run_chart_new        (WmRunChartKind  kind);
/* The names and colours of a stacked chart's three series. */
GtkWidget *wm_run_chart_legend_new (void);
/* Removes every bar. */
void       wm_run_chart_clear      (WmRunChart     *self);
/* Adds a bar named @label with @n_values values (1, or 3 for a stacked
 * chart), described to assistive technology by @description. */
void       wm_run_chart_add_bar    (WmRunChart     *self,
                                    const char     *label,
                                    const guint64  *values,
                                    guint           n_values,
                                    const char     *description);
guint      wm_run_chart_get_n_bars (WmRunChart     *self);
/* The bar widget at @index (its accessible label is the description). */
GtkWidget *wm_run_chart_get_bar    (WmRunChart     *self,
                                    guint           index);

G_END_DECLS
