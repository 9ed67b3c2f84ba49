/* wm-cli-validate.c - waymark-cli validate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * validate FILE... [--catalog FILE] [--json] (simulation.md, Command line).
 * The flows given together are at hand for each other's references; a flow
 * whose id was already seen in an earlier file is one it cannot load. It
 * goes on after a file it cannot load and exits 2 when any could not be
 * loaded, else 1 when any error was found, else 0.
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "wm-catalog.h"
#include "wm-cli.h"
#include "wm-flow-io.h"
#include "wm-journey-validate.h"
#include "wm-json.h"
#include "wm-validate.h"

typedef struct
{
  char      *file;
  WmFlow    *flow;
  WmJourney *journey;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_free (loaded->file);
  g_clear_object (&loaded->flow);
  g_clear_object (&loaded->journey);
  g_free (loaded);
}

static void
print_line (const char   *file,
            WmDiagnostic *d)
{
  g_autoptr(GString) line = g_string_new (file);

  /* FILE: vVERSION: ELEMENT: FIELD: SEVERITY CODE: MESSAGE, null parts left out. */
  if (d->version != 0)
    g_string_append_printf (line, ": v%u", d->version);
  if (d->element != NULL)
    g_string_append_printf (line, ": %s", d->element);
  if (d->field != NULL)
    g_string_append_printf (line, ": %s", d->field);
  g_string_append_printf (line, ": %s %s: %s\n", wm_severity_to_string (d->severity), d->code, d->message);
  fputs (line->str, stdout);
}

static void
append_json (GString      *out,
             const char   *file,
             WmDiagnostic *d)
{
  g_string_append (out, "{\"file\":");
  wm_json_append_string (out, file);
  g_string_append (out, ",\"severity\":");
  wm_json_append_string (out, wm_severity_to_string (d->severity));
  g_string_append (out, ",\"code\":");
  wm_json_append_string (out, d->code);
  g_string_append (out, ",\"version\":");
  if (d->version != 0)
    g_string_append_printf (out, "%u", d->version);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"element\":");
  if (d->element != NULL)
    wm_json_append_string (out, d->element);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"field\":");
  if (d->field != NULL)
    wm_json_append_string (out, d->field);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"message\":");
  wm_json_append_string (out, d->message);
  g_string_append_c (out, '}');
}

int
wm_cli_validate (int    argc,
                 char **argv)
{
  g_autofree char *catalog_path = NULL;
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_path,
      N_("Milestones and outcomes to check references against"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array of diagnostics"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCatalog) catalog = wm_catalog_new ();
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) loaded_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) journey_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) out = g_string_new ("[");
  gboolean unloadable = FALSE, errors = FALSE, first = TRUE;

  g_option_context_set_summary (context, _("Checks flow and journey files and prints one line a diagnostic:\n"
                                           "FILE: vVERSION: ELEMENT: FIELD: SEVERITY CODE: MESSAGE"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error ("validate", "%s", error->message);
  if (files == NULL || files[0] == NULL)
    return wm_cli_usage_error ("validate", "%s", _("give one or more flow files to check"));

  if (catalog_path != NULL && !wm_catalog_load_file (catalog, catalog_path, &error))
    return wm_cli_usage_error ("validate", "%s: %s", catalog_path, error->message);

  /* Validation looks at the other flows given: add.to.flow targets,
   * transferred variables and inbound conflicts. A target that is none of
   * the files is not reported (flows not complete). */
  wm_catalog_set_flows_complete (catalog, FALSE);
  wm_catalog_set_check_inbound (catalog, TRUE);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(JsonNode) root = wm_json_parse_file (files[i], &error);
      g_autoptr(WmFlow) flow = NULL;
      g_autoptr(WmJourney) journey = NULL;
      const char *format = NULL;
      const char *id = NULL;
      GHashTable *seen = ids;
      Loaded *entry;

      /* Files are told apart by their format. */
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        format = json_object_get_string_member_with_default (json_node_get_object (root), "format", NULL);
      if (root != NULL && g_strcmp0 (format, "waymark.journey") == 0)
        {
          journey = wm_journey_load_from_node (root, &error);
          id = journey != NULL ? wm_journey_get_id (journey) : NULL;
          seen = journey_ids;
        }
      else if (root != NULL)
        {
          flow = wm_flow_load_from_node (root, &error);
          id = flow != NULL ? wm_flow_get_id (flow) : NULL;
        }

      if (id != NULL && g_hash_table_contains (seen, id))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       flow != NULL ? _("the flow id “%s” is already used by %s")
                                    : _("the journey id “%s” is already used by %s"),
                       id, (const char *) g_hash_table_lookup (seen, id));
          g_clear_object (&flow);
          g_clear_object (&journey);
        }

      if (flow == NULL && journey == NULL)
        {
          g_printerr ("%s: %s\n", files[i], error->message);
          g_clear_error (&error);
          unloadable = TRUE;
          continue;
        }

      if (id != NULL)
        g_hash_table_insert (seen, (gpointer) id, files[i]);
      if (flow != NULL)
        wm_catalog_add_flow (catalog, flow);
      entry = g_new0 (Loaded, 1);
      entry->file = g_strdup (files[i]);
      entry->flow = g_steal_pointer (&flow);
      entry->journey = g_steal_pointer (&journey);
      g_ptr_array_add (loaded, entry);
    }

  for (guint i = 0; i < loaded->len; i++)
    {
      Loaded *entry = loaded->pdata[i];
      /* The command line never reports a journey's flow references. */
      g_autoptr(GPtrArray) diagnostics = entry->flow != NULL
        ? wm_validate_flow (entry->flow, WM_LOOKUP (catalog))
        : wm_validate_journey (entry->journey, WM_LOOKUP (catalog), FALSE);

      for (guint j = 0; j < diagnostics->len; j++)
        {
          WmDiagnostic *d = diagnostics->pdata[j];

          if (d->severity == WM_SEVERITY_ERROR)
            errors = TRUE;
          if (json)
            {
              if (!first)
                g_string_append_c (out, ',');
              g_string_append (out, "\n  ");
              append_json (out, entry->file, d);
              first = FALSE;
            }
          else
            print_line (entry->file, d);
        }
    }

  if (json)
    {
      g_string_append (out, first ? "]\n" : "\n]\n");
      fputs (out->str, stdout);
    }

  if (unloadable)
    return WM_CLI_EXIT_USAGE;
  return errors ? WM_CLI_EXIT_INVALID : WM_CLI_EXIT_OK;
}
