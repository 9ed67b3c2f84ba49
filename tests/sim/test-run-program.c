/* test-run-program.c - a stored run's inputs made into a program again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the text a stored run keeps (flow files, tried versions, the
 * parameters document), every customer simulated again gives exactly the
 * conformance case's expected timeline lines: 17-try-version (a tried
 * draft) and 02-channels (parameters that change prices and rates).
 */

#include "config.h"

#include "case-harness.h"
#include "wm-profile-reader.h"
#include "wm-run-program.h"
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
                                case_ts ("2026-03-12T00:00:00Z"), 195420, &error);
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
                                case_ts ("2026-05-01T00:00:00Z"), 4284, &error);
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

  g_assert_null (wm_run_program_new (good, 1, "{\"channels\":{\"sms\":{\"delivery\":2}}}", 0, 60, 1, &error));
  g_assert_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The run’s parameters: "));
  g_assert_nonnull (strstr (error->message, "channels.sms.delivery"));
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (broken, 2, NULL, 0, 60, 1, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_true (g_str_has_prefix (error->message, "Flow 2 of the run cannot be loaded ("));
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (good, 1, NULL, 60, 60, 1, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "The run’s window ends before it starts; choose an end after the start");
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (missing_version, 1, NULL, 0, 60, 1, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_clear_error (&error);

  g_assert_null (wm_run_program_new (NULL, 0, NULL, 0, 60, 1, &error));
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/run-program/tried-version-reruns-as-the-run", test_tried_version);
  g_test_add_func ("/sim/run-program/parameters-rerun-as-the-run", test_parameters);
  g_test_add_func ("/sim/run-program/bad-inputs-are-named", test_bad_inputs_are_named);

  return g_test_run ();
}
