/* wm-run-flows.h - the flows a simulation of one flow must include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A flow's add.to.flow elements hand customers to other flows, and the
 * simulator refuses an add.to.flow whose target is not part of the run
 * (simulation.md, Inputs). So running one flow means running every flow
 * it reaches, transitively; this finds them in the workspace.
 */
#pragma once

#include "wm-workspace.h"

G_BEGIN_DECLS

/* The ids of the flows a run of version @version of flow @flow_id takes
 * part in: @flow_id first, then the flows its add.to.flow elements reach,
 * in the order they are found (breadth first, each once). Of @flow_id
 * only version @version is read; of a reached flow every version, since
 * any of them may accept entries during the run. A target the workspace
 * does not hold is left out (validation names it: unknown-reference).
 * NOT_FOUND when @flow_id or its version @version does not exist. */
GStrv wm_workspace_collect_run_flows (WmWorkspace  *self,
                                      const char   *flow_id,
                                      guint         version,
                                      GError      **error);

G_END_DECLS
