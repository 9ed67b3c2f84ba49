/* wm-cli-merge.c - waymark-cli merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * merge PARTIAL... [--report FILE] [--csv DIR] [--xlsx FILE]: the report and
 * tables one simulate run over all the parts would write.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-cli.h"
#include "wm-sim-partial.h"
#include "wm-sim-report.h"
#include "wm-tables.h"

int
wm_cli_merge (int    argc,
              char **argv)
{
  g_autofree char *report_path = NULL, *csv_dir = NULL, *xlsx_path = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_path, N_("Write the report here (default: standard output)"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_dir, N_("Write elements.csv, ports.csv and channels.csv here"), N_("DIR") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx_path, N_("Write the tables as an XLSX workbook"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("PARTIAL…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSimMerge) merge = NULL;
  g_autofree char *text = NULL;

  g_option_context_set_summary (context, _("Adds partial results up into the report one run over all "
                                           "the parts would write."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error ("merge", "%s", error->message);
  if (files == NULL || files[0] == NULL)
    return wm_cli_usage_error ("merge", "%s", _("give one or more partial results to merge"));

  merge = wm_sim_merge ((const char * const *) files, &error);
  if (merge == NULL)
    return wm_cli_usage_error ("merge", "%s", error->message);

  text = wm_sim_report_to_text (merge->report);
  if (csv_dir != NULL && g_mkdir_with_parents (csv_dir, 0755) != 0)
    {
      int saved = errno;
      return wm_cli_usage_error ("merge", _("--csv %s: cannot create the folder: %s"), csv_dir, g_strerror (saved));
    }
  if (csv_dir != NULL && !wm_tables_write_csv (merge->report, merge->flows, csv_dir, &error))
    return wm_cli_usage_error ("merge", "%s", error->message);
  if (xlsx_path != NULL && !wm_tables_write_xlsx (merge->report, merge->flows, merge->inputs.end, xlsx_path, &error))
    return wm_cli_usage_error ("merge", "%s", error->message);
  if (report_path != NULL)
    {
      if (!g_file_set_contents_full (report_path, text, strlen (text), G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        return wm_cli_usage_error ("merge", "%s", error->message);
    }
  else
    fputs (text, stdout);
  return WM_CLI_EXIT_OK;
}
