/* wm-run-outcomes-view.h - the milestones and outcomes report of a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each outcome: started, success, failure, abandoned, success and
 * failure rates, the mean time to success in words and the top paths with
 * milestone names; for each milestone how often it was reached and by how
 * many profiles (wm-outcomes-summary.h does the counting).
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-outcomes-summary.h"

G_BEGIN_DECLS

/* Replaces the children of @box with the report of @summary, or with
 * @error_message when @summary is NULL. */
void wm_run_outcomes_view_fill (GtkWidget               *box,
                                const WmOutcomesSummary *summary,
                                const char              *error_message);

G_END_DECLS
