/* test-run-program.c - a stored run's inputs made into a program again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the text a stored run keeps (flow files, tried versions, the
 * parameters document), every customer simulated again gives exactly the
 * conformance case's expected timeline lines: 17-try-version (a tried
 * draft) and 02-channels (parameters that change prices and rates). With
 * journey files too (20-journey-onboarding), a whole run gives the very
 * report and timeline `waymark-cli simulate --journey` gives.
 */

#include "config.h"

#include "case-harness.h"
#include "wm-profile-reader.h"
#include "wm-run-program.h"
#include "wm-sim-report.h"
#include "wm-timeline-model.h"

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Every profile of @profiles rerun with @program equals its lines of the
 * case's expected timeline. */
static void
assert_reruns_equal_expected (WmSimProgram *program,
                              const char   *dir,
                              const char   *profiles)
{
  g_autofree char *expected = read_text (dir, "timeline.jsonl");
  g_autofree char *path = g_build_filename (dir, profiles, NULL);
  g_autoptr(WmProfileReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GString *all = g_string_new (NULL);
  g_autofree char *joined = NULL;
  guint n = 0;

  reader = wm_profile_reader_open (path, &error);
  g_assert_no_error (error);
  for (;;)
    {
      WmProfile *profile = NULL;
      const char *reason = NULL;
      guint64 line = 0;
      WmProfileReadResult r = wm_profile_reader_next (reader, &profile, &line, &reason, &error);

      g_assert_no_error (error);
      if (r == WM_PROFILE_READ_END)
        break;
      if (r != WM_PROFILE_READ_PROFILE)
        continue;
      {
        g_autofree char *lines = wm_timeline_rerun (program, profile);

        g_string_append (all, lines);
        n++;
      }
      wm_profile_free (profile);
    }
  g_assert_cmpuint (n, >, 0);
  joined = g_string_free (all, FALSE);
  g_assert_cmpstr (joined, ==, expected);
}

static void
test_tried_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", "17-try-version", NULL);
  g_autofree char *tried = read_text (dir, "tried.waymark.json");
  g_autofree char *untried = read_text (dir, "untried.waymark.json");
  WmRunProgramFlow flows[] = { { untried, 0 }, { tried, 2 } };
  g_autoptr(WmSimProgram) program = NULL;

  program = wm_run_program_new (flows, G_N_ELEMENTS (flows), NULL, case_ts ("2026-01-31T00:00:00Z"),
                                case_ts ("2026-03-12T00:00:00Z"), 195420, NULL, &error);
  g_assert_no_error (error);
  assert_reruns_equal_expected (program, dir, "profiles.jsonl");
}

static void
test_parameters (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", "02-channels", NULL);
  g_autofree char *flow = read_text (dir, "omni-welcome.waymark.json");
  g_autofree char *params = read_text (dir, "params.json");
  WmRunProgramFlow flows[] = { { flow, 0 } };
  g_autoptr(WmSimProgram) program = NULL;

  program = wm_run_program_new (flows, 1, params, case_ts ("2026-04-01T00:00:00Z"),
                                case_ts ("2026-05-01T00:00:00Z"), 4284, NULL, &error);
  g_assert_no_error (error);
  assert_reruns_equal_expected (program, dir, "profiles.jsonl");
}

static void
test_bad_inputs_are_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", "02-channels", NULL);
  g_autofree char *flow = read_text (dir, "omni-welcome.waymark.json");
  WmRunProgramFlow good[] = { { flow, 0 } };
  WmRunProgramFlow broken[] = { { flow, 0 }, { "{\"format\": \"waymark.flow\"", 0 } };
  WmRunProgramFlow missing_version[] = { { flow, 9 } };

  g_assert_null (wm_run_program_new (good, 1, "{\"channels\":{\"sms\":{\"delivery\":2}}}", 0, 60, 1, NULL, &error));
  g_assert_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The run’s parameters: "));
  g_assert_nonnull (strstr (error->message, "channels.sms.delivery"));
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (broken, 2, NULL, 0, 60, 1, NULL, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_true (g_str_has_prefix (error->message, "Flow 2 of the run cannot be loaded ("));
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (good, 1, NULL, 60, 60, 1, NULL, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "The run’s window ends before it starts; choose an end after the start");
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (missing_version, 1, NULL, 0, 60, 1, NULL, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (NULL, 0, NULL, 0, 60, 1, NULL, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
}

/* The case's files named by @member of case.json, read as text. */
static GPtrArray *
read_case_files (const char *dir,
                 JsonObject *spec,
                 const char *member)
{
  JsonArray *names = json_object_get_array_member (spec, member);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (names); i++)
    g_ptr_array_add (texts, read_text (dir, json_array_get_string_element (names, i)));
  return texts;
}

/* 20-journey-onboarding from text, as the app stores it: the expected
 * report and timeline are what the command line writes for the case's
 * --flow, --journey, --params, window and seed (conformance.py checks
 * that), so equal ones mean the app simulates journeys as the command
 * line does. */
static void
test_journeys_as_the_command_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", "20-journey-onboarding", NULL);
  g_autofree char *case_text = read_text (dir, "case.json");
  g_autofree char *params = read_text (dir, "params.json");
  g_autofree char *expected_timeline = read_text (dir, "timeline.jsonl");
  g_autofree char *expected_text = read_text (dir, "expected.json");
  g_autofree char *profiles = g_build_filename (dir, "profiles.jsonl", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) expected = json_parser_new ();
  g_autoptr(GPtrArray) flow_texts = NULL;
  g_autoptr(GPtrArray) journey_texts = NULL;
  g_autofree WmRunProgramFlow *flows = NULL;
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) written = json_parser_new ();
  g_autofree char *report = NULL;
  g_autofree char *timeline = NULL;
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  JsonObject *spec;

  g_assert_true (json_parser_load_from_data (parser, case_text, -1, &error));
  spec = json_node_get_object (json_parser_get_root (parser));
  flow_texts = read_case_files (dir, spec, "flows");
  journey_texts = read_case_files (dir, spec, "journeys");
  g_assert_cmpuint (journey_texts->len, ==, 2);
  g_ptr_array_add (journey_texts, NULL);
  flows = g_new0 (WmRunProgramFlow, flow_texts->len);
  for (guint i = 0; i < flow_texts->len; i++)
    flows[i].document = flow_texts->pdata[i];

  program = wm_run_program_new (flows, flow_texts->len, params,
                                case_ts (json_object_get_string_member (spec, "start")),
                                case_ts (json_object_get_string_member (spec, "end")),
                                (guint64) json_object_get_int_member (spec, "seed"),
                                (const char * const *) journey_texts->pdata, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (program->n_journeys, ==, 2);

  options.profiles_path = profiles;
  options.threads = 1;
  options.timeline = stream;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  timeline = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  /* As the command line writes it (exact decimals), then compared as
   * JSON like conformance.py does. */
  report = wm_sim_report_to_text (result.report);
  wm_sim_result_clear (&result);

  g_assert_true (json_parser_load_from_data (written, report, -1, &error));
  g_assert_true (json_parser_load_from_data (expected, expected_text, -1, &error));
  g_assert_true (json_object_has_member (json_node_get_object (json_parser_get_root (written)), "journeys"));
  if (!json_node_equal (json_parser_get_root (written), json_parser_get_root (expected)))
    {
      g_test_message ("report: %s", report);
      g_test_fail_printf ("the run program's report differs from 20-journey-onboarding/expected.json");
    }
  g_assert_cmpstr (timeline, ==, expected_timeline);
}

/* A journey file that does not load is named: by its id when it has one,
 * else by its place; nothing is compiled. */
static void
test_bad_journey_is_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", "20-journey-onboarding", NULL);
  g_autofree char *flow = read_text (dir, "welcome.waymark.json");
  g_autofree char *journey = read_text (dir, "onboarding.waymark-journey.json");
  WmRunProgramFlow flows[] = { { flow, 0 } };
  const char *unknown_format[] = { journey, "{\"format\":\"waymark.flow\",\"id\":\"late-buyers\"}", NULL };
  const char *not_json[] = { "{ stages", NULL };
  g_autoptr(WmSimProgram) program = NULL;

  g_assert_null (wm_run_program_new (flows, 1, NULL, 0, 60, 1, unknown_format, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_true (g_str_has_prefix (error->message, "The journey “late-buyers” of the run cannot be loaded ("));
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (flows, 1, NULL, 0, 60, 1, not_json, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_true (g_str_has_prefix (error->message, "Journey 1 of the run cannot be loaded ("));
  g_clear_error (&error);

  /* No journeys: a program without any, as before. */
  program = wm_run_program_new (flows, 1, NULL, 0, 60, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (program->n_journeys, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/run-program/tried-version-reruns-as-the-run", test_tried_version);
  g_test_add_func ("/sim/run-program/parameters-rerun-as-the-run", test_parameters);
  g_test_add_func ("/sim/run-program/bad-inputs-are-named", test_bad_inputs_are_named);
  g_test_add_func ("/sim/run-program/journeys-as-the-command-line", test_journeys_as_the_command_line);
  g_test_add_func ("/sim/run-program/bad-journey-is-named", test_bad_journey_is_named);

  return g_test_run ();
}
