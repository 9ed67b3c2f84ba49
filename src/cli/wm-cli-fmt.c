/* wm-cli-fmt.c - waymark-cli fmt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fmt FILE...: rewrites each file in the canonical form of flow-format.md.
 * A file already in that form is left untouched; a file that cannot be
 * loaded is left as it is, reported, and makes the exit code 2.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-cli.h"
#include "wm-flow-io.h"

int
wm_cli_fmt (int    argc,
            char **argv)
{
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = WM_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Rewrites flow files in the canonical form."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error ("fmt", "%s", error->message);
  if (files == NULL || files[0] == NULL)
    return wm_cli_usage_error ("fmt", "%s", _("give one or more flow files to rewrite"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(WmFlow) flow = wm_flow_load_from_file (files[i], &error);

      if (flow == NULL || !wm_flow_save_to_file (flow, files[i], &error))
        {
          g_printerr ("%s: %s\n", files[i], error->message);
          g_clear_error (&error);
          status = WM_CLI_EXIT_USAGE;
        }
    }

  return status;
}
