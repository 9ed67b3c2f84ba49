/* wm-simulation.h - running a simulation: profiles in, report out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the profile file (JSON Lines or CSV) as a stream in file order,
 * hands whole profiles to worker threads in bounded batches, writes the
 * timeline in file order, and adds the workers' counters up at the end, so
 * the report is the same whatever the thread count. Usable from the app
 * (wm_simulation_run_async) and the CLI.
 */
#pragma once

#include <gio/gio.h>

#include "wm-sim-engine.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 profiles;       /* accepted profiles done */
  guint64 events;
  double  events_per_second;
  double  seconds;        /* since the start */
  double  fraction;       /* of the file read, 0..1 */
  double  eta_seconds;    /* estimated time left, -1 when unknown */
} WmSimProgress;

typedef void (*WmSimProgressFunc) (const WmSimProgress *progress,
                                   gpointer             user_data);

typedef struct
{
  const char        *profiles_path;
  guint              threads;          /* 0: the number of processors */
  gboolean           strict;           /* fail at the first rejected line */
  GOutputStream     *timeline;         /* NULL: no timeline */
  WmSimProgressFunc  progress;
  gpointer           progress_data;
  GCancellable      *cancellable;
  /* wm_simulation_run_async() only: the nice value (at least) of the run's
   * threads, so an interface at 0 keeps a core (Linux: per thread, and
   * the workers started from the run's thread inherit it); 0: unchanged. */
  int                nice;
} WmSimOptions;

typedef struct
{
  guint64    line;
  char      *reason;
} WmSimRejection;

typedef struct
{
  JsonNode    *report;
  WmSimWorker *results;        /* every worker's results added up (for a partial) */
  guint64    profiles;
  guint64    events;
  guint64    rejected_lines;
  GArray    *rejections;       /* WmSimRejection: the first 100 */
  double     seconds;
} WmSimResult;

/* Runs @program over the profiles. Fails with WM_SIM_ERROR_STRICT at the
 * first rejected line under --strict, WM_SIM_ERROR_CANCELLED, or the
 * reader's error when the file cannot be read or is refused (a CSV header
 * without an id column). */
gboolean wm_simulation_run          (const WmSimProgram *program,
                                     const WmSimOptions *options,
                                     WmSimResult        *result,
                                     GError            **error);

void     wm_sim_result_clear        (WmSimResult        *result);
void     wm_sim_result_free         (WmSimResult        *result);

/* Runs wm_simulation_run() in a thread of its own (not a pool thread:
 * a raised nice value could not be lowered for the pool's next task), at
 * @options->nice. @program must stay alive
 * until the callback. The progress function of @options is called in the
 * caller's thread-default main context (coalesced to the latest figures),
 * so the UI can update from it directly. Cancel with @cancellable: the run
 * stops after the batch in flight and fails with G_IO_ERROR_CANCELLED,
 * leaving nothing written. */
void         wm_simulation_run_async  (const WmSimProgram  *program,
                                       const WmSimOptions  *options,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
WmSimResult *wm_simulation_run_finish (GAsyncResult        *result,
                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSimResult, wm_sim_result_free)

G_END_DECLS
