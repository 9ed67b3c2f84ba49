/* wm-cli-workspace.h - waymark-cli workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from wm-cli.h so the subcommand could be added without
 * touching the shared header; it belongs there when someone next edits it.
 */
#pragma once

#include "wm-workspace.h"

G_BEGIN_DECLS

int wm_cli_workspace      (int           argc,
                           char        **argv);
/* workspace runs list|import|export|delete (wm-cli-workspace-runs.c) */
int wm_cli_workspace_runs (WmWorkspace  *ws,
                           char        **args,
                           guint         n_args);

G_END_DECLS
