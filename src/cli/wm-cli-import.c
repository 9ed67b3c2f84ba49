/* wm-cli-import.c - waymark-cli import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * import FILE.csv --out FILE.jsonl [--report FILE] (simulation.md,
 * Profiles): the valid rows as JSON Lines; exit 0 unless the file is refused.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-cli.h"
#include "wm-import.h"

int
wm_cli_import (int    argc,
               char **argv)
{
  g_autofree char *out = NULL, *report = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the valid rows here as JSON Lines"), N_("FILE") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report, N_("Write the import report here"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE.csv") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  WmImportSummary summary = { 0 };

  g_option_context_set_summary (context, _("Turns a CSV file of profiles into JSON Lines and reports "
                                           "the rows it rejected."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error ("import", "%s", error->message);
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return wm_cli_usage_error ("import", "%s", _("give one CSV file to import"));
  if (out == NULL)
    return wm_cli_usage_error ("import", "%s", _("give the output file with --out FILE.jsonl"));

  if (!wm_import_csv (files[0], out, report, &summary, &error))
    return wm_cli_usage_error ("import", "%s", error->message);

  if (report == NULL)
    {
      g_autofree char *line = wm_import_summary_to_string (&summary);
      g_printerr ("%s: %s\n", files[0], line);
    }
  return WM_CLI_EXIT_OK;
}
