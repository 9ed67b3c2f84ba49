/* wm-cli-split.c - waymark-cli split
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * split --profiles FILE --parts N --out DIR [--progress] (simulation.md,
 * Splitting a run).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-cli.h"
#include "wm-split.h"

static void
print_progress (guint64  lines,
                guint64  bytes,
                gpointer user_data)
{
  g_printerr ("\r%" G_GUINT64_FORMAT " lines", lines);
}

int
wm_cli_split (int    argc,
              char **argv)
{
  g_autofree char *profiles = NULL, *out = NULL;
  int parts = 0;
  gboolean progress = FALSE;
  const GOptionEntry entries[] = {
    { "profiles", 0, 0, G_OPTION_ARG_FILENAME, &profiles, N_("The profile file to split (.jsonl or .csv)"), N_("FILE") },
    { "parts", 0, 0, G_OPTION_ARG_INT, &parts, N_("How many parts"), N_("N") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to write part-0000… into"), N_("DIR") },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, N_("Show progress on standard error"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _("Cuts a profile file into parts by profile id, to simulate "
                                           "each part anywhere and merge the partial results."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error ("split", "%s", error->message);
  if (argc > 1)
    return wm_cli_usage_error ("split", _("unexpected argument “%s”"), argv[1]);
  if (profiles == NULL || out == NULL)
    return wm_cli_usage_error ("split", "%s", _("give --profiles FILE, --parts N and --out DIR"));
  if (parts < 1 || parts > WM_SPLIT_MAX_PARTS)
    return wm_cli_usage_error ("split", _("--parts must be from 1 to %u"), WM_SPLIT_MAX_PARTS);

  if (!wm_split_profiles (profiles, parts, out, progress ? print_progress : NULL, NULL, &error))
    {
      if (progress)
        g_printerr ("\n");
      return wm_cli_usage_error ("split", "%s", error->message);
    }
  if (progress)
    g_printerr ("\n");
  return WM_CLI_EXIT_OK;
}
