/* wm-run-journeys-view.h - the Journeys view of a stored run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the run page beside the flows' performance, when the run's report
 * has `journeys`: a journey picker (shown when there are several) and
 * that journey's results (wm-journey-results.h), named, ordered and with
 * step names from the journey documents the run simulated; a stage's
 * customers are found by simulating the run's profiles again with the
 * run's own flows and journeys.
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-journey-results.h"
#include "wm-runs.h"

G_BEGIN_DECLS

#define WM_TYPE_RUN_JOURNEYS_VIEW (wm_run_journeys_view_get_type ())
G_DECLARE_FINAL_TYPE (WmRunJourneysView, wm_run_journeys_view, WM, RUN_JOURNEYS_VIEW, GtkWidget)

GtkWidget        *wm_run_journeys_view_new            (void);

/* Shows the journeys of @run (with its report) from @workspace, the
 * first one selected. Returns whether the report has journeys: the page
 * shows the view only then. */
gboolean          wm_run_journeys_view_set_run        (WmRunJourneysView *self,
                                                       WmWorkspace       *workspace,
                                                       const WmRun       *run,
                                                       JsonObject        *report);
/* Shows journey @journey_id of the run. */
gboolean          wm_run_journeys_view_select_journey (WmRunJourneysView *self,
                                                       const char        *journey_id,
                                                       GError           **error);
const char       *wm_run_journeys_view_get_journey    (WmRunJourneysView *self);
WmJourneyResults *wm_run_journeys_view_get_results    (WmRunJourneysView *self);

G_END_DECLS
