/* wm-journey-results.h - one journey's figures from a run's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A funnel across the stages (how many began each, as a share of those
 * who began the journey), then for each stage a stacked bar of where its
 * customers are at the run's end (completed, on track, behind, stuck,
 * waiting) with the same figures as text, completed on time and late, the
 * mean time to complete in words and how many did each step. Every figure
 * is also a label, so a screen reader reads what the bars draw.
 *
 * Activating a stage (click, Enter on its row, or its Show Customers
 * button) emits ::stage-activated and lists the stage's stuck customers
 * (behind or waiting ones on request; wm-stage-customer-list.h), or says
 * why it cannot; activating a customer activates win.show-customer with
 * the run's id and the profile's id.
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-journey.h"
#include "wm-sim-program.h"

G_BEGIN_DECLS

#define WM_TYPE_JOURNEY_RESULTS (wm_journey_results_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyResults, wm_journey_results, WM, JOURNEY_RESULTS, GtkWidget)

/* Compiles the run's program again (its flows and journeys), or NULL with
 * an error; called once, the first time customers are listed. */
typedef WmSimProgram *(*WmJourneyResultsProgramFunc) (gpointer   user_data,
                                                      GError   **error);

GtkWidget  *wm_journey_results_new           (void);

/* Shows journey @journey_id of @report (a waymark.report object), with
 * the names, durations and step names of @journey when not NULL. On error
 * the widget says what is wrong and FALSE is returned. */
gboolean    wm_journey_results_set_report    (WmJourneyResults *self,
                                              JsonObject       *report,
                                              const char       *journey_id,
                                              WmJourney        *journey,
                                              GError          **error);

/* Where a stage's customers are found: the run @run_id, its profile file
 * @profiles_path and its program, made by @make_program when first
 * needed. @run_id 0 (or a NULL @make_program) lists no customers. */
void        wm_journey_results_set_customers_source (WmJourneyResults           *self,
                                                     gint64                      run_id,
                                                     const char                 *profiles_path,
                                                     WmJourneyResultsProgramFunc make_program,
                                                     gpointer                    user_data,
                                                     GDestroyNotify              destroy);

/* The stage whose customers are shown (as if activated), or NULL. */
void        wm_journey_results_activate_stage (WmJourneyResults *self,
                                               const char       *stage_id);
const char *wm_journey_results_get_active_stage (WmJourneyResults *self);

G_END_DECLS
