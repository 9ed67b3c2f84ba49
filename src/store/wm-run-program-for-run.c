/* wm-run-program-for-run.c - a stored run's program compiled again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer timeline and a run's journey results both simulate one
 * customer again with exactly the run's inputs; this is the one place
 * that turns a stored run into those inputs. It needs the store's WmRun
 * and the simulator, so it is built with the other store parts that need
 * the simulator (src/meson.build), not into the store library.
 */
#include "config.h"

#include "wm-run-program-for-run.h"

WmSimProgram *
wm_run_program_new_for_run (const WmRun  *run,
                            GError      **error)
{
  g_autofree WmRunProgramFlow *flows = NULL;
  g_autofree const char **journeys = NULL;

  g_return_val_if_fail (run != NULL, NULL);

  flows = g_new0 (WmRunProgramFlow, run->flows->len);
  for (guint i = 0; i < run->flows->len; i++)
    {
      const WmRunFlow *flow = g_ptr_array_index (run->flows, i);

      /* A missing file (NULL) is reported as missing, by its place. */
      flows[i].document = flow->document;
      flows[i].tried = flow->tried ? flow->version : 0;
    }
  /* NULL ends the list: a journey without its file is kept in it as an
   * empty file, which then fails to load (named), rather than silently
   * ending the list there. */
  journeys = g_new0 (const char *, run->journeys->len + 1);
  for (guint i = 0; i < run->journeys->len; i++)
    {
      const WmRunJourney *journey = g_ptr_array_index (run->journeys, i);

      journeys[i] = journey->document != NULL ? journey->document : "";
    }
  return wm_run_program_new (flows, run->flows->len, run->params, run->start, run->end, run->seed,
                             journeys, error);
}
