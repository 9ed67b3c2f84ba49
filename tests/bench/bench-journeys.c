/* bench-journeys.c - what a 5-stage journey adds to a large simulation run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-journeys [--profiles N] [--file PATH] [--threads N] [--runs N]
 *                [--reports DIR] [--keep] [--check]
 *
 * The target (#9): 1,000,000 profiles through the benchmark flow
 * with a 5-stage journey take at most 1.3x the time of the same run without
 * the journey. Uses bench-sim's seeded profiles (generated once unless
 * --file names an existing file) and its 20-element flow, and runs in
 * separate child processes, alternately, --runs times each (default 3):
 *   - the flow alone;
 *   - the flow and the journey below, which makes real work for every
 *     profile: it begins for everyone at the run start; its stages begin
 *     with the journey or after others, one has an entry condition that
 *     most profiles pass and one that many wait on (re-tested at every
 *     event), their steps are milestones, an outcome, events with and
 *     without `where` and flow entries and exits, and the flow is grouped
 *     under four stages so every entry attempt is tested for `stage`.
 * Prints each run, the medians (wall and CPU) and their ratio; with --check
 * exits 1 when the median wall ratio is above 1.3. --reports DIR writes the
 * two runs' reports (plain.json, journey.json), to compare before and after
 * a change of the simulator. Run by hand; the file goes to $TMPDIR.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-sim-data.h"
#include "wm-flow-io.h"
#include "wm-journey.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

#define TARGET_RATIO 1.3
#define MAX_RUNS     99

/* ' stands for " as in bench_flow. */
static const char *bench_journey =
  "{'format':'waymark.journey','format_version':1,'id':'bench-journey','name':'Bench journey',"
  "'description':'','begins':{'event':null,'where':''},'stages':["
  "{'id':'visiting','name':'Visiting','description':'','begins':{'when':'journey','after':[]},"
  "'entry':'','completes':'steps','steps':["
  "{'id':'logged-in','name':'Logged in','kind':'event','event':'Login','required':true}],"
  "'flows':['bench'],'duration':'2d'},"
  "{'id':'carting','name':'Carting','description':'','begins':{'when':'after','after':['visiting']},"
  "'entry':'profile.age >= 21','completes':'steps','steps':["
  "{'id':'entered','name':'Entered the cart flow','kind':'flow','flow':'bench','on':'enter','required':true},"
  "{'id':'big-cart','name':'Big cart','kind':'event','event':'CartAbandoned','where':'event.cart_value > 100',"
  "'required':false}],"
  "'flows':['bench'],'duration':'5d'},"
  "{'id':'engaged','name':'Engaged','description':'','begins':{'when':'after','after':['carting']},"
  "'entry':'','completes':'steps','steps':["
  "{'id':'opened','name':'Opened the e-mail','kind':'milestone','milestone':'opened','flow':'bench','required':false},"
  "{'id':'left','name':'Left the cart flow','kind':'flow','flow':'bench','on':'exit','required':true}],"
  "'flows':['bench'],'duration':'7d'},"
  "{'id':'buying','name':'Buying','description':'','begins':{'when':'after','after':['engaged']},"
  "'entry':'','completes':'steps','steps':["
  "{'id':'recovered','name':'Cart recovered','kind':'outcome','outcome':'recover','result':'success','required':true},"
  "{'id':'converted','name':'Converted','kind':'milestone','milestone':'converted','required':false}],"
  "'flows':['bench'],'duration':'7d','behind':'5d','stuck':'10d'},"
  "{'id':'loyal','name':'Loyal','description':'','begins':{'when':'after','after':['buying']},"
  "'entry':'profile.plan != \\'free\\'','completes':'steps','steps':["
  "{'id':'purchased','name':'Big purchase','kind':'event','event':'PurchaseFinished','where':'event.amount > 100',"
  "'required':true}],"
  "'flows':[],'duration':'14d'}]}";

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Child: one full simulation, with the journey or without. Prints
 * "seconds profiles events cpu". */
static int
child_simulate (const char *path,
                guint       threads,
                gboolean    with_journey,
                const char *report_path)
{
  g_autofree char *flow_text = bench_swap_quotes (bench_flow);
  g_autofree char *journey_text = bench_swap_quotes (bench_journey);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) diagnostic_sources = NULL;
  g_autoptr(WmSimProgram) program = NULL;
  WmFlow *flow = wm_flow_load_from_data (flow_text, -1, &error);
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
  if (with_journey)
    {
      WmJourney *journey = wm_journey_load_from_data (journey_text, -1, &error);

      if (journey == NULL)
        {
          g_printerr ("bench journey: %s\n", error->message);
          return 2;
        }
      g_ptr_array_add (journeys, journey);
      inputs.journeys = journeys;
    }
  inputs.flows = flows;
  wm_params_init_defaults (&inputs.params);
  inputs.seed = 1;
  if (!wm_timestamp_parse (BENCH_RUN_START, -1, &inputs.start) || !wm_timestamp_parse (BENCH_RUN_END, -1, &inputs.end))
    return 2;
  program = wm_sim_program_new (&inputs, &diagnostics, &diagnostic_sources, &error);
  if (program == NULL)
    {
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
        g_printerr ("bench inputs: %s\n", ((WmDiagnostic *) diagnostics->pdata[i])->message);
      g_printerr ("bench inputs: %s\n", error->message);
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
  printf ("%.3f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %.3f\n",
          (g_get_monotonic_time () - started) / 1e6, result.profiles, result.events, cpu_seconds ());
  if (report_path != NULL)
    {
      g_autofree char *report = wm_sim_report_to_text (result.report);

      if (!g_file_set_contents (report_path, report, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }
  wm_sim_result_clear (&result);
  return 0;
}

typedef struct
{
  double  seconds;
  guint64 profiles;
  guint64 events;
  double  cpu;         /* whole child process, loading included */
} Figures;

static gboolean
run_child (const char *mode,
           const char *path,
           guint       threads,
           const char *reports,
           Figures    *figures)
{
  g_autofree char *threads_text = g_strdup_printf ("%u", threads);
  g_autofree char *report_name = g_strconcat (mode, ".json", NULL);
  g_autofree char *report = reports != NULL ? g_build_filename (reports, report_name, NULL) : NULL;
  const char *argv[] = { "/proc/self/exe", "--child", mode, "--file", path, "--threads", threads_text,
                         report != NULL ? "--report" : NULL, report, NULL };
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
  if (sscanf (out, "%lf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %lf",
              &figures->seconds, &figures->profiles, &figures->events, &figures->cpu) != 4)
    {
      g_printerr ("%s child: unexpected output %s\n", mode, out);
      return FALSE;
    }
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n values (sorted in place); the mean of the middle two
 * when @n is even. */
static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  gint64 count = 1000000;
  gint runs = 3;
  gint threads = 1;
  g_autofree char *file = NULL;
  g_autofree char *child = NULL;
  g_autofree char *report = NULL;
  g_autofree char *reports = NULL;
  gboolean keep = FALSE, check = FALSE;
  GOptionEntry entries[] = {
    { "profiles", 0, 0, G_OPTION_ARG_INT64, &count, "Profiles to generate (default 1000000)", "N" },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, "Profile file to reuse (generated there when missing)", "PATH" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, "Simulation threads (default 1)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each case (default 3)", "N" },
    { "reports", 0, 0, G_OPTION_ARG_FILENAME, &reports, "Write plain.json and journey.json there", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep a generated file", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, "Exit 1 when the ratio is above 1.3", NULL },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, NULL, NULL },
    { "report", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &report, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- journey simulation benchmark");
  g_autoptr(GError) error = NULL;
  double wall[2][MAX_RUNS], cpu[2][MAX_RUNS];
  const char *modes[2] = { "plain", "journey" };
  gboolean generated = FALSE;
  double median_wall[2], median_cpu[2], ratio;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (runs < 1 || runs > MAX_RUNS || threads < 1 || count < 1)
    {
      g_printerr ("--threads and --profiles must be at least 1, --runs 1 to %d\n", MAX_RUNS);
      return 2;
    }
  if (child != NULL)
    return child_simulate (file, (guint) threads, g_str_equal (child, "journey"), report);

  if (reports != NULL && g_mkdir_with_parents (reports, 0755) != 0)
    {
      g_printerr ("Cannot create %s\n", reports);
      return 2;
    }
  if (file == NULL)
    file = g_strdup_printf ("%s/waymark-bench-sim-%" G_GINT64_FORMAT ".jsonl", g_get_tmp_dir (), count);
  if (!bench_prepare_profiles (file, count, &generated))
    return 1;

  /* Alternately, so a busy spell of the machine falls on both cases. */
  for (gint r = 0; r < runs; r++)
    for (guint m = 0; m < 2; m++)
      {
        Figures f;

        if (!run_child (modes[m], file, (guint) threads, r == 0 ? reports : NULL, &f))
          return 1;
        wall[m][r] = f.seconds;
        cpu[m][r] = f.cpu;
        printf ("run %d, %-7s: %.2f s (CPU %.2f s), %" G_GUINT64_FORMAT " profiles, %" G_GUINT64_FORMAT
                " events, %.0f events/s\n",
                r + 1, modes[m], f.seconds, f.cpu, f.profiles, f.events, f.events / f.seconds);
        fflush (stdout);
      }
  for (guint m = 0; m < 2; m++)
    {
      median_wall[m] = median (wall[m], runs);
      median_cpu[m] = median (cpu[m], runs);
    }
  ratio = median_wall[1] / median_wall[0];
  printf ("median of %d, --threads %d: without the journey %.2f s (CPU %.2f s), with it %.2f s (CPU %.2f s)\n",
          runs, threads, median_wall[0], median_cpu[0], median_wall[1], median_cpu[1]);
  printf ("ratio: %.3fx wall, %.3fx CPU (target: at most %.1fx)\n",
          ratio, median_cpu[1] / median_cpu[0], TARGET_RATIO);
  if (generated && !keep)
    g_unlink (file);
  if (check && ratio > TARGET_RATIO)
    {
      g_printerr ("the journey run took %.3fx the plain run, above %.1fx\n", ratio, TARGET_RATIO);
      return 1;
    }
  return 0;
}
