/* case-harness.h - running a conformance case from test code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a case's case.json (../shared/conformance), loads its flows,
 * parameters and catalog, and runs it with wm_simulation_run() as the
 * command line would. Header-only (static functions) so each test program
 * includes it once.
 */
#pragma once

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wm-catalog.h"
#include "wm-flow-io.h"
#include "wm-journey.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

typedef struct
{
  char         *dir;
  char         *profiles;
  GPtrArray    *flows;      /* WmFlow */
  GHashTable   *tries;
  WmCatalog    *catalog;
  WmSimInputs   inputs;
  WmSimProgram *program;
} SimCase;

static G_GNUC_UNUSED gint64
case_ts (const char *text)
{
  gint64 t = 0;

  g_assert_true (wm_timestamp_parse (text, -1, &t));
  return t;
}

/* Loads case @name; its params.json only when @with_params. */
static G_GNUC_UNUSED void
sim_case_load (SimCase    *c,
               const char *name,
               gboolean    with_params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *case_path = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  JsonObject *spec;
  JsonArray *flows;
  JsonNode *node;

  memset (c, 0, sizeof *c);
  c->dir = g_build_filename (SHARED_DIR, "conformance", name, NULL);
  case_path = g_build_filename (c->dir, "case.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, case_path, &error));
  g_assert_no_error (error);
  spec = json_node_get_object (json_parser_get_root (parser));

  c->flows = g_ptr_array_new_with_free_func (g_object_unref);
  flows = json_object_get_array_member (spec, "flows");
  for (guint i = 0; i < json_array_get_length (flows); i++)
    {
      g_autofree char *path = g_build_filename (c->dir, json_array_get_string_element (flows, i), NULL);
      WmFlow *flow = wm_flow_load_from_file (path, &error);

      g_assert_no_error (error);
      g_ptr_array_add (c->flows, flow);
    }
  c->profiles = g_build_filename (c->dir, json_object_get_string_member (spec, "profiles"), NULL);
  c->inputs.flows = c->flows;
  c->inputs.start = case_ts (json_object_get_string_member (spec, "start"));
  c->inputs.end = case_ts (json_object_get_string_member (spec, "end"));
  c->inputs.seed = (guint64) json_object_get_int_member (spec, "seed");
  wm_params_init_defaults (&c->inputs.params);
  node = json_object_get_member (spec, "params");
  if (with_params && node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autofree char *path = g_build_filename (c->dir, json_node_get_string (node), NULL);

      g_assert_true (wm_params_load_file (&c->inputs.params, path, &error));
      g_assert_no_error (error);
    }
  node = json_object_get_member (spec, "catalog");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autofree char *path = g_build_filename (c->dir, json_node_get_string (node), NULL);

      c->catalog = wm_catalog_new ();
      g_assert_true (wm_catalog_load_file (c->catalog, path, &error));
      g_assert_no_error (error);
      c->inputs.catalog = c->catalog;
    }
  c->program = wm_sim_program_new (&c->inputs, &diagnostics, &sources, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c->program);
}

/* Runs the case; the report, and the timeline in *@timeline when not NULL. */
static G_GNUC_UNUSED JsonNode *
sim_case_run (SimCase  *c,
              char    **timeline)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  JsonNode *report;

  options.profiles_path = c->profiles;
  options.threads = 1;
  options.timeline = timeline != NULL ? stream : NULL;
  g_assert_true (wm_simulation_run (c->program, &options, &result, &error));
  g_assert_no_error (error);
  if (timeline != NULL)
    {
      g_assert_true (g_output_stream_close (stream, NULL, NULL));
      *timeline = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                             g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
    }
  report = g_steal_pointer (&result.report);
  wm_sim_result_clear (&result);
  return report;
}

/* Compiles the case again with the journeys its case.json lists (held in
 * @journeys, which must outlive the case). */
static G_GNUC_UNUSED void
sim_case_add_journeys (SimCase   *c,
                       GPtrArray *journeys)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *case_path = g_build_filename (c->dir, "case.json", NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  JsonArray *files;

  g_assert_true (json_parser_load_from_file (parser, case_path, &error));
  files = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "journeys");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      g_autofree char *path = g_build_filename (c->dir, json_array_get_string_element (files, i), NULL);
      WmJourney *journey = wm_journey_load_from_file (path, &error);

      g_assert_no_error (error);
      g_ptr_array_add (journeys, journey);
    }
  g_assert_cmpuint (journeys->len, >, 0);
  c->inputs.journeys = journeys;
  g_clear_pointer (&c->program, wm_sim_program_free);
  c->program = wm_sim_program_new (&c->inputs, &diagnostics, &sources, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c->program);
}

static G_GNUC_UNUSED void
sim_case_clear (SimCase *c)
{
  g_clear_pointer (&c->program, wm_sim_program_free);
  g_clear_object (&c->catalog);
  g_clear_pointer (&c->flows, g_ptr_array_unref);
  g_clear_pointer (&c->profiles, g_free);
  g_clear_pointer (&c->dir, g_free);
}

/* The parsed file @name of the case (expected.json). */
static G_GNUC_UNUSED JsonNode *
sim_case_read_json (SimCase    *c,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (c->dir, name, NULL);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}
