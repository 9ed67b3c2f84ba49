/* wm-sim-engine.h - one worker's simulation of profiles, start to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Profiles never interact, so a worker takes whole profiles and adds their
 * results to its private counters; workers' counters are added up at the
 * end, and since every count is an integer (money in micro-units) the sum
 * does not depend on which worker took which profile.
 */
#pragma once

#include "wm-profile.h"
#include "wm-sim-program.h"

G_BEGIN_DECLS

typedef struct _WmSimWorker WmSimWorker;

WmSimWorker  *wm_sim_worker_new          (const WmSimProgram *program);
void          wm_sim_worker_free         (WmSimWorker        *worker);

/* Simulates @profile from the run start to the run end. When @timeline is
 * not NULL the profile's Timeline lines (simulation.md, Timeline) are
 * appended to it. @profile is changed (set.attribute). */
void          wm_sim_worker_run_profile  (WmSimWorker        *worker,
                                          WmProfile          *profile,
                                          GString            *timeline);

/* Adds @other's results to @worker's. */
void          wm_sim_worker_merge        (WmSimWorker        *worker,
                                          WmSimWorker        *other);

/* The results: counters laid out by the program; outcome paths keyed
 * "FLOW\x1fSLOT\x1fOUTCOME\x1fRESULT\x1fM1,M2,..." (indices in decimal;
 * SLOT n_versions is `all`) and engaged persons keyed
 * "FLOW\x1fSLOT\x1fYYYY-MM", both to guint64 counts. */
const gint64 *wm_sim_worker_get_counters (WmSimWorker        *worker);
GHashTable   *wm_sim_worker_get_paths    (WmSimWorker        *worker);
GHashTable   *wm_sim_worker_get_engaged  (WmSimWorker        *worker);
guint64       wm_sim_worker_get_events   (WmSimWorker        *worker);
guint         wm_sim_worker_get_n_counters (WmSimWorker      *worker);

/* Adds results read back from elsewhere (a partial result): counters laid
 * out as the program lays them out, and path and engaged counts by key. */
void          wm_sim_worker_add_counters (WmSimWorker        *worker,
                                          const gint64       *counters);
void          wm_sim_worker_add_path     (WmSimWorker        *worker,
                                          const char         *key,
                                          guint64             count);
void          wm_sim_worker_add_engaged  (WmSimWorker        *worker,
                                          const char         *key,
                                          guint64             count);
void          wm_sim_worker_add_events   (WmSimWorker        *worker,
                                          guint64             events);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSimWorker, wm_sim_worker_free)

G_END_DECLS
