/* wm-cli.h - the subcommands of waymark-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each subcommand takes its own argv (argv[0] is the subcommand's name) and
 * returns the process exit code: 0 done, 1 validation errors or a --strict
 * failure, 2 bad usage, an unreadable file or a document that is not valid.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WM_CLI_EXIT_OK      0
#define WM_CLI_EXIT_INVALID 1
#define WM_CLI_EXIT_USAGE   2

int wm_cli_validate (int argc, char **argv);
int wm_cli_fmt      (int argc, char **argv);
int wm_cli_simulate (int argc, char **argv);
int wm_cli_import   (int argc, char **argv);
int wm_cli_split    (int argc, char **argv);
int wm_cli_merge    (int argc, char **argv);

/* Prints "waymark-cli SUBCOMMAND: MESSAGE" on standard error; returns 2. */
int wm_cli_usage_error (const char *subcommand,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
