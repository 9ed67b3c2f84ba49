/* waymark-cli.c - the command line front end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "wm-cli.h"
#include "wm-cli-workspace.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Subcommand;

static const Subcommand subcommands[] = {
  { "validate", wm_cli_validate, N_("Check flow files and print their errors and warnings") },
  { "fmt", wm_cli_fmt, N_("Rewrite flow files in the canonical form") },
  { "simulate", wm_cli_simulate, N_("Replay recorded profiles through flows and report") },
  { "import", wm_cli_import, N_("Turn a CSV file of profiles into JSON Lines") },
  { "workspace", wm_cli_workspace, N_("List, launch, export and import the flows of a workspace") },
  { "split", wm_cli_split, N_("Cut a profile file into parts by profile id") },
  { "merge", wm_cli_merge, N_("Add partial results up into one report") },
};

int
wm_cli_usage_error (const char *subcommand,
                    const char *format,
                    ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("waymark-cli %s: %s\n", subcommand, message);
  return WM_CLI_EXIT_USAGE;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: waymark-cli COMMAND [OPTION…] [FILE…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (out, "\n%s\n", _("Run “waymark-cli COMMAND --help” for a command's options."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return WM_CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return WM_CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("waymark-cli %s\n", PACKAGE_VERSION);
      return WM_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      return subcommands[i].run (argc - 1, argv + 1);

  g_printerr (_("waymark-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return WM_CLI_EXIT_USAGE;
}
