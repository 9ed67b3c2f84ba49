/* wm-run-compare-view.h - two runs' figures side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a list box with one row per compared group (the run, overall,
 * rejections, each channel, element, milestone, outcome and month) from
 * wm_report_compare(): each metric with this run's value, the other's and
 * the difference. A metric that differs, and the row holding it, carry the
 * CSS class "changed"; a group found in one run only says so.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @groups: WmCompareGroup, or NULL to empty the list. @element_names,
 * @milestone_names and @outcome_names map ids to names (may be NULL);
 * @titles name the two sides ("This run", "Other run"). With
 * @only_differences, groups without a difference are left out. */
void wm_run_compare_view_fill (GtkListBox         *list,
                               GPtrArray          *groups,
                               GHashTable         *element_names,
                               GHashTable         *milestone_names,
                               GHashTable         *outcome_names,
                               const char * const *titles,
                               gboolean            only_differences);

G_END_DECLS
