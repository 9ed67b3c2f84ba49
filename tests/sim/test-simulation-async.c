/* test-simulation-async.c - the app's way of running a simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm_simulation_run_async() with options.nice = 10, as the run dialog
 * calls it: the same report as wm_simulation_run(), progress in the
 * caller's main context, a cancel that stops it; and its threads (the
 * run's and the simulator's workers) run at nice 10 or lower priority, so
 * the interface keeps its frames on a two-core machine.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-sim-data.h"
#include "wm-flow-io.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

typedef struct
{
  char         *dir;
  char         *profiles;
  GPtrArray    *flows;
  WmSimProgram *program;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = bench_swap_quotes (bench_flow);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) diagnostic_flows = NULL;
  WmSimInputs inputs = { 0 };
  WmFlow *flow;

  f->dir = g_dir_make_tmp ("waymark-simulation-async-XXXXXX", &error);
  g_assert_no_error (error);
  f->profiles = g_build_filename (f->dir, "profiles.jsonl", NULL);
  g_assert_true (bench_generate_profiles (f->profiles, GPOINTER_TO_INT (data), 7));
  flow = wm_flow_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  f->flows = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->flows, flow);
  inputs.flows = f->flows;
  wm_params_init_defaults (&inputs.params);
  inputs.seed = 3;
  g_assert_true (wm_timestamp_parse (BENCH_RUN_START, -1, &inputs.start));
  g_assert_true (wm_timestamp_parse (BENCH_RUN_END, -1, &inputs.end));
  f->program = wm_sim_program_new (&inputs, &diagnostics, &diagnostic_flows, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->program);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  wm_sim_program_free (f->program);
  g_ptr_array_unref (f->flows);
  g_remove (f->profiles);
  g_rmdir (f->dir);
  g_free (f->profiles);
  g_free (f->dir);
}

typedef struct
{
  WmSimResult *result;
  GError      *error;
  gboolean     done;
  guint        progress_calls;
  GThread     *progress_thread;
  int          run_nice;       /* of the "waymark-run" thread, seen during the run */
  int          lowest_nice;    /* the lowest of every run thread seen */
} Outcome;

/* The nice value of each thread of this process named @name, from
 * /proc/self/task/<tid>/stat (field 19). Returns the lowest, or G_MAXINT
 * when there is no such thread. */
static int
lowest_nice_of (const char *name)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;
  int lowest = G_MAXINT;

  while (tasks != NULL && (tid = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *comm_path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *comm = NULL;
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      const char *after;

      if (!g_file_get_contents (comm_path, &comm, NULL, NULL)
          || !g_str_equal (g_strstrip (comm), name)
          || !g_file_get_contents (stat_path, &stat, NULL, NULL)
          || (after = strrchr (stat, ')')) == NULL)
        continue;
      /* After "pid (comm)": state is field 3, nice field 19. */
      fields = g_strsplit (after + 2, " ", -1);
      if (g_strv_length (fields) > 16)
        lowest = MIN (lowest, (int) g_ascii_strtoll (fields[16], NULL, 10));
    }
  return lowest;
}

static void
progress_cb (const WmSimProgress *progress,
             gpointer             data)
{
  Outcome *outcome = data;

  outcome->progress_calls++;
  outcome->progress_thread = g_thread_self ();
  outcome->run_nice = MIN (outcome->run_nice, lowest_nice_of ("waymark-run"));
  outcome->lowest_nice = MIN (outcome->lowest_nice, outcome->run_nice);
  outcome->lowest_nice = MIN (outcome->lowest_nice, lowest_nice_of ("waymark-sim"));
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Outcome *outcome = data;

  outcome->result = wm_simulation_run_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
start_in_background (Fixture      *f,
                     const char   *profiles,
                     GCancellable *cancellable,
                     Outcome      *outcome)
{
  WmSimOptions options = { 0 };

  outcome->run_nice = outcome->lowest_nice = G_MAXINT;
  options.profiles_path = profiles;
  options.threads = 1;
  options.progress = progress_cb;
  options.progress_data = outcome;
  options.nice = 10;
  wm_simulation_run_async (f->program, &options, cancellable, done_cb, outcome);
}

static void
wait_for (Outcome *outcome)
{
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Feeds @contents to the run through the FIFO at @fifo. The writer's
 * open only succeeds once the run's thread has opened the FIFO to read,
 * which it does after taking its priority, and the run cannot end before
 * the FIFO is closed: so the thread is certainly there to be looked at,
 * however late the progress reaches this thread on a loaded machine. */
static void
feed_fifo (const char *fifo,
           const char *contents,
           gsize       length,
           Outcome    *outcome)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  gsize written = 0;
  int fd;

  while ((fd = open (fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
    {
      g_assert_cmpint (errno, ==, ENXIO);   /* no reader yet */
      g_assert_false (outcome->done);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (fcntl (fd, F_SETFL, 0), ==, 0);
  outcome->run_nice = MIN (outcome->run_nice, lowest_nice_of ("waymark-run"));
  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      g_assert_cmpint (n, >, 0);
      written += (gsize) n;
    }
  g_assert_cmpint (close (fd), ==, 0);
}

/* The same report as the simulator's own run, progress in this thread,
 * and the run's threads at nice 10 at least. */
static void
test_same_report_lower_priority (Fixture       *f,
                                 gconstpointer  data)
{
  WmSimOptions options = { 0 };
  WmSimResult direct = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *fifo = g_build_filename (f->dir, "profiles-fifo.jsonl", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Outcome outcome = { 0 };
  int caller_nice = getpriority (PRIO_PROCESS, 0);

  options.profiles_path = f->profiles;
  options.threads = 1;
  g_assert_true (wm_simulation_run (f->program, &options, &direct, &error));
  g_assert_no_error (error);
  expected = wm_sim_report_to_text (direct.report);
  wm_sim_result_clear (&direct);

  g_assert_true (g_file_get_contents (f->profiles, &contents, &length, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start_in_background (f, fifo, NULL, &outcome);
  feed_fifo (fifo, contents, length, &outcome);
  wait_for (&outcome);
  g_remove (fifo);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.result);
  got = wm_sim_report_to_text (outcome.result->report);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (outcome.result->profiles, ==, GPOINTER_TO_INT (data));

  g_assert_cmpuint (outcome.progress_calls, >, 0);
  g_assert_true (outcome.progress_thread == g_thread_self ());
  /* The run's thread was seen (while it read the FIFO), and no thread of
   * the run ran at the interface's priority. */
  g_assert_cmpint (outcome.run_nice, !=, G_MAXINT);
  g_assert_cmpint (outcome.lowest_nice, >=, 10);
  /* The caller's own thread keeps its priority. */
  g_assert_cmpint (getpriority (PRIO_PROCESS, 0), ==, caller_nice);
  wm_sim_result_free (outcome.result);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { 0 };

  start_in_background (f, f->profiles, cancellable, &outcome);
  g_cancellable_cancel (cancellable);
  wait_for (&outcome);
  g_assert_null (outcome.result);
  g_assert_true (g_error_matches (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                 || g_error_matches (outcome.error, WM_SIM_ERROR, WM_SIM_ERROR_CANCELLED));
  g_clear_error (&outcome.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sim/simulation-async/same-report-at-lower-priority", Fixture, GINT_TO_POINTER (20000),
              fixture_set_up, test_same_report_lower_priority, fixture_tear_down);
  g_test_add ("/sim/simulation-async/cancel", Fixture, GINT_TO_POINTER (20000),
              fixture_set_up, test_cancel, fixture_tear_down);
  return g_test_run ();
}
