/* wm-run-program-for-run.h - a stored run's program compiled again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-run-program.h"
#include "wm-runs.h"

G_BEGIN_DECLS

/* Compiles the program @run (as wm_workspace_get_run () returns it, with
 * its files) was simulated with: its flow files with the versions tried
 * alone, its journey files, parameters, window and seed
 * (wm_run_program_new ()). A flow or journey file the run lacks is an
 * error naming it, as is any file that no longer loads. */
WmSimProgram *wm_run_program_new_for_run (const WmRun  *run,
                                          GError      **error);

G_END_DECLS
