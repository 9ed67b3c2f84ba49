/* wm-sim-report.h - the report of a run (simulation.md, Report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-sim-engine.h"

G_BEGIN_DECLS

/* The waymark.report document as a tree in the report's key order. Money
 * (cost, traffic_cost, goal_value), percentages (success_pct, failure_pct)
 * and the seed are string nodes holding their exact decimal text, so no
 * double ever rounds them; wm_sim_report_to_text() writes them as numbers. */
JsonNode *wm_sim_report_build   (const WmSimProgram *program,
                                 WmSimWorker        *results,
                                 guint64             profiles,
                                 guint64             rejected_lines);

/* The report as JSON text (two-space indented, final newline). */
char     *wm_sim_report_to_text (JsonNode           *report);

G_END_DECLS
