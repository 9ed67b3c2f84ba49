/* wm-background-run.h - a simulation run that leaves the interface a core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm_simulation_run_async() for the app: the same run, progress and
 * cancellation, on a thread of its own at a lower scheduling priority, so
 * the window keeps its frame rate while a long run takes every other cycle.
 */
#pragma once

#include "wm-simulation.h"

G_BEGIN_DECLS

/* As wm_simulation_run_async(): @program must stay alive until the
 * callback; progress comes in the caller's thread-default main context,
 * coalesced to the latest figures. */
void         wm_background_run_async  (const WmSimProgram  *program,
                                       const WmSimOptions  *options,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
WmSimResult *wm_background_run_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
