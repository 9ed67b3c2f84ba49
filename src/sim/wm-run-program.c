/* wm-run-program.c - a stored run's inputs made into a program again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same steps as the command line's simulate (load the flows and the
 * journeys, apply the parameters over the defaults, note the tried
 * versions, compile), from text instead of files.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "wm-flow-io.h"
#include "wm-journey.h"
#include "wm-run-program.h"

/* The id a journey file that does not load says it has, or NULL: the
 * error can then name the journey rather than only its place. */
static char *
journey_file_id (const char *document)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, document, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root), "id", NULL));
}

WmSimProgram *
wm_run_program_new (const WmRunProgramFlow *flows,
                    guint                   n_flows,
                    const char             *params_json,
                    gint64                  start,
                    gint64                  end,
                    guint64                 seed,
                    const char * const     *journey_documents,
                    GError                **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) tries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  WmSimInputs inputs = { 0 };

  g_return_val_if_fail (flows != NULL || n_flows == 0, NULL);

  if (n_flows == 0)
    {
      g_set_error_literal (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                           _("The run names no flow; a run simulates at least one flow"));
      return NULL;
    }
  if (start >= end)
    {
      g_set_error_literal (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                           _("The run’s window ends before it starts; choose an end after the start"));
      return NULL;
    }
  for (guint i = 0; i < n_flows; i++)
    {
      g_autoptr(GError) local = NULL;
      WmFlow *flow = flows[i].document != NULL
                     ? wm_flow_load_from_data (flows[i].document, -1, &local) : NULL;

      if (flow == NULL)
        {
          g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                       _("Flow %u of the run cannot be loaded (%s); run the simulation again"), i + 1,
                       local != NULL ? local->message : _("it is missing"));
          return NULL;
        }
      g_ptr_array_add (loaded, flow);
      if (flows[i].tried > 0)
        g_hash_table_insert (tries, g_strdup (wm_flow_get_id (flow)), GUINT_TO_POINTER (flows[i].tried));
    }

  for (guint i = 0; journey_documents != NULL && journey_documents[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;
      WmJourney *journey = wm_journey_load_from_data (journey_documents[i], -1, &local);

      if (journey == NULL)
        {
          g_autofree char *id = journey_file_id (journey_documents[i]);

          if (id != NULL && *id != '\0')
            g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                         _("The journey “%s” of the run cannot be loaded (%s); run the simulation again"), id,
                         local->message);
          else
            g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                         _("Journey %u of the run cannot be loaded (%s); run the simulation again"), i + 1,
                         local->message);
          return NULL;
        }
      g_ptr_array_add (journeys, journey);
    }

  wm_params_init_defaults (&inputs.params);
  if (params_json != NULL && !wm_params_load_data (&inputs.params, params_json, -1, error))
    {
      g_prefix_error (error, _("The run’s parameters: "));
      return NULL;
    }
  inputs.flows = loaded;
  inputs.start = start;
  inputs.end = end;
  inputs.seed = seed;
  inputs.tries = tries;
  inputs.journeys = journeys;
  return wm_sim_program_new (&inputs, NULL, NULL, error);
}
