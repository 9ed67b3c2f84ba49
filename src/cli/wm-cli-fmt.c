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
#include "wm-journey.h"
#include "wm-json.h"

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

  g_option_context_set_summary (context, _("Rewrites flow and journey files in the canonical form."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error ("fmt", "%s", error->message);
  if (files == NULL || files[0] == NULL)
    return wm_cli_usage_error ("fmt", "%s", _("give one or more flow files to rewrite"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(JsonNode) root = wm_json_parse_file (files[i], &error);
      g_autoptr(WmFlow) flow = NULL;
      g_autoptr(WmJourney) journey = NULL;
      gboolean ok = FALSE;

      /* Files are told apart by their format. */
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root)
          && g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", NULL),
                        "waymark.journey") == 0)
        {
          journey = wm_journey_load_from_node (root, &error);
          ok = journey != NULL && wm_journey_save_to_file (journey, files[i], &error);
        }
      else if (root != NULL)
        {
          flow = wm_flow_load_from_node (root, &error);
          ok = flow != NULL && wm_flow_save_to_file (flow, files[i], &error);
        }

      if (!ok)
        {
          g_printerr ("%s: %s\n", files[i], error->message);
          g_clear_error (&error);
          status = WM_CLI_EXIT_USAGE;
        }
    }

  return status;
}
