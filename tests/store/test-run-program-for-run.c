/* test-run-program-for-run.c - a stored run's program compiled again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run holding a conformance case's files, as the store keeps them (the
 * flow files with the version tried alone, the journey files, the
 * parameters document, the window and the seed), compiles to the program
 * that gives the case's expected report: 17-try-version (a tried draft)
 * and 20-journey-onboarding (journeys and parameters). A run missing a
 * flow's or a journey's file says which one.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "wm-run-program-for-run.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gint64
timestamp (JsonObject *spec,
           const char *member)
{
  gint64 t = 0;

  g_assert_true (wm_timestamp_parse (json_object_get_string_member (spec, member), -1, &t));
  return t;
}

/* The version case.json's "try" gives flow @flow_id ("ID:N"), or 0. */
static guint
tried_version (JsonObject *spec,
               const char *flow_id)
{
  JsonNode *node = json_object_get_member (spec, "try");
  JsonArray *tries;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  tries = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (tries); i++)
    {
      const char *entry = json_array_get_string_element (tries, i);
      const char *colon = strrchr (entry, ':');

      if (colon != NULL && strncmp (entry, flow_id, colon - entry) == 0 && flow_id[colon - entry] == '\0')
        return (guint) g_ascii_strtoull (colon + 1, NULL, 10);
    }
  return 0;
}

/* The id a flow file says it has. */
static char *
flow_id_of (const char *document)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, document, -1, NULL));
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "id"));
}

/* A run as wm_workspace_get_run () gives it, with case @name's files. */
static WmRun *
run_of_case (const char *dir)
{
  g_autofree char *case_text = read_text (dir, "case.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  WmRun *run = wm_run_new ();
  JsonObject *spec;
  JsonArray *files;
  JsonNode *node;

  g_assert_true (json_parser_load_from_data (parser, case_text, -1, NULL));
  spec = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_array_member (spec, "flows");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      char *document = read_text (dir, json_array_get_string_element (files, i));
      g_autofree char *id = flow_id_of (document);
      guint tried = tried_version (spec, id);
      WmRunFlow *flow;

      wm_run_add_flow (run, id, tried > 0 ? tried : 1, tried > 0);
      flow = g_ptr_array_index (run->flows, run->flows->len - 1);
      flow->document = document;
    }
  node = json_object_get_member (spec, "journeys");
  files = node != NULL ? json_node_get_array (node) : NULL;
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      WmRunJourney *journey;

      wm_run_add_journey (run, json_array_get_string_element (files, i));
      journey = g_ptr_array_index (run->journeys, run->journeys->len - 1);
      journey->document = read_text (dir, json_array_get_string_element (files, i));
    }
  node = json_object_get_member (spec, "params");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    run->params = read_text (dir, json_node_get_string (node));
  run->start = timestamp (spec, "start");
  run->end = timestamp (spec, "end");
  run->seed = (guint64) json_object_get_int_member (spec, "seed");
  return run;
}

/* The program of @case_name's run simulates the case's expected report. */
static void
test_case_report (gconstpointer data)
{
  const char *case_name = data;
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", case_name, NULL);
  g_autofree char *profiles = g_build_filename (dir, "profiles.jsonl", NULL);
  g_autofree char *expected_text = read_text (dir, "expected.json");
  g_autoptr(WmRun) run = run_of_case (dir);
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(JsonParser) written = json_parser_new ();
  g_autoptr(JsonParser) expected = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };

  program = wm_run_program_new_for_run (run, &error);
  g_assert_no_error (error);
  g_assert_nonnull (program);
  g_assert_cmpuint (program->n_flows, ==, run->flows->len);
  g_assert_cmpuint (program->n_journeys, ==, run->journeys->len);

  options.profiles_path = profiles;
  options.threads = 1;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  report = wm_sim_report_to_text (result.report);
  wm_sim_result_clear (&result);

  g_assert_true (json_parser_load_from_data (written, report, -1, &error));
  g_assert_true (json_parser_load_from_data (expected, expected_text, -1, &error));
  if (!json_node_equal (json_parser_get_root (written), json_parser_get_root (expected)))
    {
      g_test_message ("report: %s", report);
      g_test_fail_printf ("the run's program gives another report than %s/expected.json", case_name);
    }
}

/* A run without a flow's or a journey's file names which is missing,
 * and compiles nothing. */
static void
test_missing_files_are_named (void)
{
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", "20-journey-onboarding", NULL);
  g_autoptr(WmRun) run = run_of_case (dir);
  g_autoptr(GError) error = NULL;
  WmRunFlow *flow = g_ptr_array_index (run->flows, 1);
  WmRunJourney *journey = g_ptr_array_index (run->journeys, 0);
  char *kept;

  kept = g_steal_pointer (&flow->document);
  g_assert_null (wm_run_program_new_for_run (run, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "Flow 2 of the run cannot be loaded (it is missing); run the simulation again");
  g_clear_error (&error);
  flow->document = kept;

  /* The first journey without its file: still an error, not a run with
   * no journeys at all. */
  g_clear_pointer (&journey->document, g_free);
  g_assert_null (wm_run_program_new_for_run (run, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_true (g_str_has_prefix (error->message, "Journey 1 of the run cannot be loaded ("));
  g_clear_error (&error);

  g_ptr_array_set_size (run->flows, 0);
  g_assert_null (wm_run_program_new_for_run (run, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/store/run-program-for-run/tried-version-as-the-case", "17-try-version",
                        test_case_report);
  g_test_add_data_func ("/store/run-program-for-run/journeys-and-parameters-as-the-case",
                        "20-journey-onboarding", test_case_report);
  g_test_add_func ("/store/run-program-for-run/missing-files-are-named", test_missing_files_are_named);
  return g_test_run ();
}
