/* wm-cli-workspace.h - waymark-cli workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from wm-cli.h so the subcommand could be added without
 * touching the shared header; it belongs there when someone next edits it.
 */
#pragma once

G_BEGIN_DECLS

int wm_cli_workspace (int argc, char **argv);

G_END_DECLS
