/* test-simulation-run.c - a run over many chunks on several threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm_simulation_run hands chunks of lines to worker threads and settles
 * ids, rejections and the timeline in file order. A file of a few thousand
 * lines (several chunks) with duplicate ids far apart, bad lines and blank
 * lines must give the same report, timeline, rejections and --strict error
 * with 1, 2 and 3 threads; progress ends at the whole file; a cancelled
 * run and a timeline that cannot be written fail with their own error.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "wm-flow-io.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

#define N_LINES 2600

static const char *flow_text =
  "{\"format\":\"waymark.flow\",\"format_version\":1,\"id\":\"f\",\"name\":\"F\",\"timezone\":\"UTC\","
  "\"schedule\":{\"start\":null,\"end\":null,\"indefinite\":true},\"versions\":[{\"number\":1,"
  "\"status\":\"active\",\"created_at\":\"2025-12-01T00:00:00Z\",\"launched_at\":\"2026-01-01T00:00:00Z\","
  "\"elements\":[{\"id\":\"e\",\"type\":\"entry.event\",\"config\":{\"event\":\"Visit\"}},"
  "{\"id\":\"w\",\"type\":\"wait.delay\",\"config\":{\"duration\":\"1h\"}},"
  "{\"id\":\"s\",\"type\":\"send.sms\",\"config\":{\"sender\":\"S\",\"text\":\"Hi {{profile.name}}\"}}],"
  "\"connections\":[{\"from\":\"e\",\"port\":\"out\",\"to\":\"w\"},{\"from\":\"w\",\"port\":\"out\",\"to\":\"s\"}]}]}";

typedef struct
{
  char    *dir;
  char    *path;
  guint64  accepted;     /* lines that are new, valid profiles */
  guint64  first_bad;    /* the first rejected line's number */
} Input;

/* Line i (from 1): every 7th is blank, every 101st is not JSON, every 53rd
 * repeats the id of the line 400 before it (another chunk), the rest are
 * new profiles with a few Visit events. */
static void
input_write (Input *input)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  memset (input, 0, sizeof *input);
  for (guint i = 1; i <= N_LINES; i++)
    {
      if (i % 7 == 0)
        g_string_append (text, "  \n");
      else if (i % 101 == 0)
        {
          g_string_append (text, "{\"id\": \"broken\n");
          if (input->first_bad == 0)
            input->first_bad = i;
        }
      else if (i % 53 == 0 && i > 400 && (i - 400) % 7 != 0 && (i - 400) % 101 != 0 && (i - 400) % 53 != 0)
        {
          g_string_append_printf (text, "{\"id\":\"p%u\",\"events\":[]}\n", i - 400);
          if (input->first_bad == 0)
            input->first_bad = i;
        }
      else
        {
          g_string_append_printf (text, "{\"id\":\"p%u\",\"attributes\":{\"name\":\"N%u\",\"phone\":\"+38591%07u\"},"
                                  "\"events\":[", i, i, i);
          for (guint e = 0; e < i % 4; e++)
            g_string_append_printf (text, "%s{\"name\":\"Visit\",\"at\":\"2026-01-%02uT%02u:00:00Z\"}",
                                    e > 0 ? "," : "", 2 + e * 3, i % 24);
          g_string_append (text, "]}\n");
          input->accepted++;
        }
    }
  input->dir = g_dir_make_tmp ("waymark-simrun-XXXXXX", &error);
  g_assert_no_error (error);
  input->path = g_build_filename (input->dir, "profiles.jsonl", NULL);
  g_assert_true (g_file_set_contents (input->path, text->str, text->len, &error));
  g_string_free (text, TRUE);
}

static void
input_clear (Input *input)
{
  g_unlink (input->path);
  g_rmdir (input->dir);
  g_free (input->path);
  g_free (input->dir);
}

static WmSimProgram *
program_new (void)
{
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) diagnostic_flows = NULL;
  g_autoptr(GError) error = NULL;
  WmSimInputs inputs = { 0 };
  WmSimProgram *program;
  WmFlow *flow = wm_flow_load_from_data (flow_text, -1, &error);

  g_assert_no_error (error);
  g_ptr_array_add (flows, flow);
  inputs.flows = flows;
  g_assert_true (wm_timestamp_parse ("2026-01-01T00:00:00Z", -1, &inputs.start));
  g_assert_true (wm_timestamp_parse ("2026-02-01T00:00:00Z", -1, &inputs.end));
  inputs.seed = 7;
  wm_params_init_defaults (&inputs.params);
  program = wm_sim_program_new (&inputs, &diagnostics, &diagnostic_flows, &error);
  g_assert_no_error (error);
  g_assert_nonnull (program);
  return program;
}

typedef struct
{
  char    *report;
  char    *timeline;
  char    *rejections;   /* "line: reason" lines */
  guint64  profiles;
  guint64  events;
  guint64  rejected;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_free (outcome->report);
  g_free (outcome->timeline);
  g_free (outcome->rejections);
}

static void
run (const WmSimProgram *program,
     const Input        *input,
     guint               threads,
     Outcome            *outcome)
{
  g_autoptr(GOutputStream) timeline = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GString *rejections = g_string_new (NULL);
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };

  options.profiles_path = input->path;
  options.threads = threads;
  options.timeline = timeline;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (timeline, NULL, NULL));

  outcome->report = wm_sim_report_to_text (result.report);
  outcome->timeline = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (timeline)),
                                 g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (timeline)));
  for (guint i = 0; i < result.rejections->len; i++)
    {
      WmSimRejection *r = &g_array_index (result.rejections, WmSimRejection, i);

      g_string_append_printf (rejections, "%" G_GUINT64_FORMAT ": %s\n", r->line, r->reason);
    }
  outcome->rejections = g_string_free (rejections, FALSE);
  outcome->profiles = result.profiles;
  outcome->events = result.events;
  outcome->rejected = result.rejected_lines;
  wm_sim_result_clear (&result);
}

static void
test_thread_counts_agree (void)
{
  g_autoptr(WmSimProgram) program = program_new ();
  g_autofree char *first_rejection = NULL;
  Input input;
  Outcome one, two, three;

  input_write (&input);
  first_rejection = g_strdup_printf ("%" G_GUINT64_FORMAT ": ", input.first_bad);
  run (program, &input, 1, &one);
  run (program, &input, 2, &two);
  run (program, &input, 3, &three);

  g_assert_cmpuint (one.profiles, ==, input.accepted);
  g_assert_cmpuint (one.profiles + one.rejected, ==, N_LINES - N_LINES / 7);
  g_assert_cmpuint (one.events, >, 2000);
  /* The flow ran: SMS lines in the timeline. */
  g_assert_cmpuint (strlen (one.timeline), >, 100000);
  g_assert_nonnull (strstr (one.rejections, "duplicate"));
  g_assert_true (g_str_has_prefix (one.rejections, first_rejection));

  g_assert_cmpstr (one.report, ==, two.report);
  g_assert_cmpstr (one.report, ==, three.report);
  g_assert_true (g_str_equal (one.timeline, two.timeline));
  g_assert_true (g_str_equal (one.timeline, three.timeline));
  g_assert_cmpstr (one.rejections, ==, two.rejections);
  g_assert_cmpstr (one.rejections, ==, three.rejections);
  g_assert_cmpuint (one.events, ==, three.events);

  outcome_clear (&one);
  outcome_clear (&two);
  outcome_clear (&three);
  input_clear (&input);
}

static void
test_strict_stops_at_the_first_rejected_line (void)
{
  g_autoptr(WmSimProgram) program = program_new ();
  g_autofree char *first = NULL;
  Input input;

  input_write (&input);
  for (guint threads = 1; threads <= 3; threads++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_strdup_printf (": line %" G_GUINT64_FORMAT ": ", input.first_bad);
      WmSimOptions options = { 0 };
      WmSimResult result = { 0 };

      options.profiles_path = input.path;
      options.threads = threads;
      options.strict = TRUE;
      g_assert_false (wm_simulation_run (program, &options, &result, &error));
      g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_STRICT);
      g_assert_nonnull (strstr (error->message, line));
      if (first == NULL)
        first = g_strdup (error->message);
      g_assert_cmpstr (error->message, ==, first);
      wm_sim_result_clear (&result);
    }
  input_clear (&input);
}

typedef struct
{
  GThread *thread;
  guint    calls;
  gboolean other_thread;
  double   last_fraction;
  guint64  last_profiles;
} Progress;

static void
on_progress (const WmSimProgress *progress,
             gpointer             data)
{
  Progress *p = data;

  p->calls++;
  p->other_thread |= g_thread_self () != p->thread;
  g_assert_cmpfloat (progress->fraction, >=, p->last_fraction);
  g_assert_cmpuint (progress->profiles, >=, p->last_profiles);
  p->last_fraction = progress->fraction;
  p->last_profiles = progress->profiles;
}

static void
test_progress_ends_at_the_whole_file (void)
{
  g_autoptr(WmSimProgram) program = program_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { g_thread_self (), 0, FALSE, 0, 0 };
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  Input input;

  input_write (&input);
  options.profiles_path = input.path;
  options.threads = 3;
  options.progress = on_progress;
  options.progress_data = &progress;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >=, 1);
  /* Called on the thread that runs the simulation, never a worker. */
  g_assert_false (progress.other_thread);
  g_assert_cmpfloat (progress.last_fraction, ==, 1.0);
  g_assert_cmpuint (progress.last_profiles, ==, result.profiles);
  wm_sim_result_clear (&result);
  input_clear (&input);
}

static void
test_cancelled_and_unwritable_runs_fail (void)
{
  g_autoptr(WmSimProgram) program = program_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) closed = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  Input input;

  input_write (&input);
  options.profiles_path = input.path;
  options.threads = 2;
  options.cancellable = cancellable;
  g_cancellable_cancel (cancellable);
  g_assert_false (wm_simulation_run (program, &options, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  wm_sim_result_clear (&result);
  g_clear_error (&error);

  g_assert_true (g_output_stream_close (closed, NULL, NULL));
  options.cancellable = NULL;
  options.threads = 3;
  options.timeline = closed;
  g_assert_false (wm_simulation_run (program, &options, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  wm_sim_result_clear (&result);
  input_clear (&input);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/simulation-run/one-two-and-three-threads-agree", test_thread_counts_agree);
  g_test_add_func ("/sim/simulation-run/strict-stops-at-the-first-rejected-line",
                   test_strict_stops_at_the_first_rejected_line);
  g_test_add_func ("/sim/simulation-run/progress-ends-at-the-whole-file", test_progress_ends_at_the_whole_file);
  g_test_add_func ("/sim/simulation-run/cancelled-and-unwritable-runs-fail",
                   test_cancelled_and_unwritable_runs_fail);

  return g_test_run ();
}
