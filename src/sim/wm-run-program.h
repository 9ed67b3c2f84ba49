/* wm-run-program.h - a stored run's inputs made into a program again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run stored in the workspace keeps its inputs as text: each flow's
 * file as it was simulated, which versions were tried alone, each
 * journey's file, the parameters document, the window and the seed. Compiled again they give
 * the same program, so one customer can be simulated again
 * (wm-timeline-model.h) with exactly the run's inputs, whatever was
 * edited since.
 */
#pragma once

#include "wm-sim-program.h"

G_BEGIN_DECLS

typedef struct
{
  const char *document;  /* a flow file (canonical JSON) */
  guint       tried;     /* the version simulated alone (--try), or 0 */
} WmRunProgramFlow;

/* Compiles @n_flows flows and the journey files @journey_documents
 * (NULL-terminated; NULL: none) with @params_json (NULL or "{}": the
 * defaults), as `waymark-cli simulate --journey` does. Errors name what
 * is wrong: a flow or journey file that does not load (and which one),
 * parameters that are not valid, or the program's own errors
 * (WM_SIM_ERROR_INVALID with the diagnostics' count). */
WmSimProgram *wm_run_program_new (const WmRunProgramFlow *flows,
                                  guint                   n_flows,
                                  const char             *params_json,
                                  gint64                  start,
                                  gint64                  end,
                                  guint64                 seed,
                                  const char * const     *journey_documents,
                                  GError                **error);

G_END_DECLS
