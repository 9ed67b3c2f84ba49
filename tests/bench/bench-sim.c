/* bench-sim.c - how fast the simulator replays a large profile file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-sim [--profiles N] [--file PATH] [--threads 1,2] [--keep]
 *
 * Generates (once, seeded) a synthetic JSON Lines file of N profiles with
 * about ten events each, unless --file names an existing one, then measures
 * in separate child processes, so each has its own peak RSS:
 *   - read-and-parse only: WmProfileReader over the whole file (ids checked
 *     for duplicates, as in a run), nothing simulated;
 *   - the full simulation of a 20-element flow that uses every channel,
 *     waits, a wait-for-event, a react, a branch, a split, goals and
 *     milestones, with each --threads count.
 * The targets: simulation at most 3x the read-and-parse time, at
 * least 2 million events a second with 2 threads, and a peak RSS of at most
 * 256 MB apart from the id set whatever the number of profiles.
 * Run by hand on a quiet machine; the file goes to $TMPDIR, never the repo.
 * Each line also gives the events per CPU second and the load average
 * when its child ran: on a shared machine the wall figures say little, the
 * CPU figures more.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-sim-data.h"
#include "wm-flow-io.h"
#include "wm-profile-reader.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* User + system CPU seconds of this process: next to the wall time it shows
 * whether the run had its cores (a shared machine may not give them). */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Child: read and parse every line, simulate nothing. Prints
 * "seconds profiles events rss_kb". */
static int
child_parse (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfileReader) reader = wm_profile_reader_open (path, &error);
  guint64 profiles = 0, events = 0, line;
  gint64 started = g_get_monotonic_time ();
  const char *reason;
  WmProfile *profile;

  if (reader == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  for (;;)
    {
      WmProfileReadResult r = wm_profile_reader_next (reader, &profile, &line, &reason, &error);

      if (r == WM_PROFILE_READ_END)
        break;
      if (r == WM_PROFILE_READ_ERROR)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      if (r == WM_PROFILE_READ_PROFILE)
        {
          guint n = 0;

          wm_profile_get_events (profile, &n);
          events += n;
          profiles++;
          wm_profile_free (profile);
        }
    }
  printf ("%.3f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %ld %.3f\n",
          (g_get_monotonic_time () - started) / 1e6, profiles, events, peak_rss_kb (), cpu_seconds ());
  return 0;
}

/* Child: the full simulation. Prints "seconds profiles events rss_kb". */
static int
child_simulate (const char *path,
                guint       threads)
{
  g_autofree char *text = bench_swap_quotes (bench_flow);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) diagnostic_flows = NULL;
  g_autoptr(WmSimProgram) program = NULL;
  WmFlow *flow = wm_flow_load_from_data (text, -1, &error);
  WmSimInputs inputs = { 0 };
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  gint64 started;

  if (flow == NULL)
    {
      g_printerr ("bench flow: %s\n", error->message);
      return 2;
    }
  g_ptr_array_add (flows, flow);
  inputs.flows = flows;
  wm_params_init_defaults (&inputs.params);
  inputs.seed = 1;
  if (!wm_timestamp_parse (BENCH_RUN_START, -1, &inputs.start) || !wm_timestamp_parse (BENCH_RUN_END, -1, &inputs.end))
    return 2;
  program = wm_sim_program_new (&inputs, &diagnostics, &diagnostic_flows, &error);
  if (program == NULL)
    {
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
        g_printerr ("bench flow: %s\n", ((WmDiagnostic *) diagnostics->pdata[i])->message);
      g_printerr ("bench flow: %s\n", error->message);
      return 2;
    }
  options.profiles_path = path;
  options.threads = threads;
  started = g_get_monotonic_time ();
  if (!wm_simulation_run (program, &options, &result, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  printf ("%.3f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %ld %.3f\n",
          (g_get_monotonic_time () - started) / 1e6, result.profiles, result.events, peak_rss_kb (),
          cpu_seconds ());
  if (g_getenv ("BENCH_SIM_REPORT") != NULL)
    {
      g_autofree char *report = wm_sim_report_to_text (result.report);

      g_file_set_contents (g_getenv ("BENCH_SIM_REPORT"), report, -1, NULL);
    }
  wm_sim_result_clear (&result);
  return 0;
}

/* The 1-minute load average, or -1 where /proc/loadavg is missing. */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

typedef struct
{
  double  seconds;
  guint64 profiles;
  guint64 events;
  long    rss_kb;
  double  cpu;         /* whole child process, loading included */
  double  load;        /* load average as the child ended */
} Figures;

static gboolean
run_child (const char *mode,
           const char *path,
           guint       threads,
           Figures    *figures)
{
  g_autofree char *threads_text = g_strdup_printf ("%u", threads);
  const char *argv[] = { "/proc/self/exe", "--child", mode, "--file", path, "--threads", threads_text, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s child: %s\n", mode, error->message);
      return FALSE;
    }
  if (sscanf (out, "%lf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %ld %lf",
              &figures->seconds, &figures->profiles, &figures->events, &figures->rss_kb,
              &figures->cpu) != 5)
    {
      g_printerr ("%s child: unexpected output %s\n", mode, out);
      return FALSE;
    }
  figures->load = load_average ();
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gint64 count = 1000000;
  g_autofree char *file = NULL;
  g_autofree char *threads_text = NULL;
  g_autofree char *child = NULL;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "profiles", 0, 0, G_OPTION_ARG_INT64, &count, "Profiles to generate (default 1000000)", "N" },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, "Profile file to reuse (generated there when missing)", "PATH" },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &threads_text, "Thread counts to simulate with (default 1,2)", "N,..." },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep a generated file", NULL },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- simulator benchmark");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) thread_counts = NULL;
  gboolean generated = FALSE;
  Figures parse;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  thread_counts = g_strsplit (threads_text != NULL ? threads_text : "1,2", ",", -1);

  if (child != NULL)
    {
      if (g_str_equal (child, "parse"))
        return child_parse (file);
      return child_simulate (file, (guint) g_ascii_strtoull (thread_counts[0], NULL, 10));
    }

  if (file == NULL)
    file = g_strdup_printf ("%s/waymark-bench-sim-%" G_GINT64_FORMAT ".jsonl", g_get_tmp_dir (), count);
  if (!bench_prepare_profiles (file, count, &generated))
    return 1;
  fflush (stdout);

  if (!run_child ("parse", file, 1, &parse))
    return 1;
  printf ("read and parse only: %.2f s (CPU %.2f s), %" G_GUINT64_FORMAT " profiles, %" G_GUINT64_FORMAT
          " events, %.0f events/s (%.0f per CPU second), peak RSS %.1f MB, load %.2f\n",
          parse.seconds, parse.cpu, parse.profiles, parse.events, parse.events / parse.seconds,
          parse.events / parse.cpu, parse.rss_kb / 1024.0, parse.load);

  for (guint i = 0; thread_counts[i] != NULL; i++)
    {
      guint threads = (guint) g_ascii_strtoull (thread_counts[i], NULL, 10);
      Figures sim;

      if (!run_child ("simulate", file, threads, &sim))
        return 1;
      printf ("simulate --threads %u: %.2f s (CPU %.2f s), %" G_GUINT64_FORMAT " events, %.0f events/s "
              "(%.0f per CPU second), %.2fx read-and-parse, peak RSS %.1f MB (%.1f MB above read-and-parse), "
              "load %.2f\n",
              threads, sim.seconds, sim.cpu, sim.events, sim.events / sim.seconds, sim.events / sim.cpu,
              sim.seconds / parse.seconds, sim.rss_kb / 1024.0, (sim.rss_kb - parse.rss_kb) / 1024.0, sim.load);
    }
  printf ("targets: simulation <= 3x read-and-parse; >= 2,000,000 events/s with 2 threads; "
          "peak RSS <= 256 MB apart from the id set\n");
  if (generated && !keep)
    g_unlink (file);
  return 0;
}
