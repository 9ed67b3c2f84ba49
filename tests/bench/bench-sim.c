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
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "wm-flow-io.h"
#include "wm-profile-reader.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

#define RUN_START "2026-01-01T00:00:00Z"
#define RUN_END   "2026-02-08T00:00:00Z"

/* ' stands for " so the document stays readable here. */
static const char *bench_flow =
  "{'format':'waymark.flow','format_version':1,'id':'bench','name':'Bench','timezone':'Europe/Zagreb',"
  "'schedule':{'start':null,'end':null,'indefinite':true},'versions':["
  "{'number':1,'status':'active','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-01T00:00:00Z',"
  "'settings':{'reentry':{'enabled':true,'delay':'1h','limits':[{'count':3,'period':'7d'}]},"
  "'goal':{'event':'PurchaseFinished','value':'amount','window':'3d'},"
  "'variables':[{'name':'items','type':'number','initial':0}]},"
  "'elements':["
  "{'id':'e','type':'entry.event','config':{'event':'CartAbandoned','where':'event.cart_value > 20'}},"
  "{'id':'os','type':'outcome.start','config':{'outcome':'recover'}},"
  "{'id':'sv','type':'set.variable','config':{'variable':'items','value':'event.items'}},"
  "{'id':'sms','type':'send.sms','config':{'sender':'Shop','text':'Hi {{profile.first_name}}, your cart of {{event.cart_value}} EUR is waiting'}},"
  "{'id':'we','type':'wait.event','config':{'event':'Login','timeout':'1d'}},"
  "{'id':'br','type':'branch.condition','config':{'branches':[{'label':'pro','when':'profile.plan == \\'pro\\''},"
  "{'label':'many','when':'var.items > 3'}]}},"
  "{'id':'wa','type':'send.whatsapp','config':{'sender':'Shop','template':'cart_pro'}},"
  "{'id':'m2','type':'milestone','config':{'milestone':'converted'}},"
  "{'id':'ok','type':'outcome.set','config':{'outcome':'recover','result':'success'}},"
  "{'id':'x','type':'exit'},"
  "{'id':'api','type':'call.api','config':{'method':'POST','url':'https://crm.example.com/carts/{{profile.id}}'}},"
  "{'id':'nt','type':'notify.internal','config':{'channel':'email','recipient':'ops@example.com','text':'CRM failed for {{profile.id}}'}},"
  "{'id':'em','type':'send.email','config':{'from':'shop@example.com','subject':'Your cart','body':'Hello {{profile.first_name}}',"
  "'send_window':{'from':'09:00','to':'20:00','days':['mon','tue','wed','thu','fri','sat']}}},"
  "{'id':'rm','type':'react.message','config':{'element':'em','reaction':'opened','timeout':'2d'}},"
  "{'id':'m1','type':'milestone','config':{'milestone':'opened'}},"
  "{'id':'sp','type':'split.percent','config':{'variants':[{'label':'viber','weight':1},{'label':'direct','weight':1}]}},"
  "{'id':'vi','type':'send.viber','config':{'sender':'Shop','text':'Still thinking?'}},"
  "{'id':'wd','type':'wait.delay','config':{'duration':'6h'}},"
  "{'id':'vo','type':'send.voice','config':{'from':'+38511111111','text':'Your cart is waiting'}},"
  "{'id':'pu','type':'send.push','config':{'app':'shop','title':'Cart','text':'Come back'}}],"
  "'connections':["
  "{'from':'e','port':'out','to':'os'},{'from':'os','port':'out','to':'sv'},{'from':'sv','port':'out','to':'sms'},"
  "{'from':'sms','port':'out','to':'we'},{'from':'we','port':'occurred','to':'br'},{'from':'we','port':'timeout','to':'em'},"
  "{'from':'br','port':'1','to':'wa'},{'from':'br','port':'2','to':'api'},{'from':'br','port':'else','to':'em'},"
  "{'from':'wa','port':'out','to':'m2'},{'from':'m2','port':'out','to':'ok'},{'from':'ok','port':'out','to':'x'},"
  "{'from':'api','port':'success','to':'m2'},{'from':'api','port':'failure','to':'nt'},{'from':'nt','port':'out','to':'x'},"
  "{'from':'em','port':'out','to':'rm'},{'from':'rm','port':'yes','to':'m1'},{'from':'rm','port':'no','to':'pu'},"
  "{'from':'pu','port':'out','to':'x'},{'from':'m1','port':'out','to':'sp'},{'from':'sp','port':'1','to':'vi'},"
  "{'from':'sp','port':'2','to':'ok'},{'from':'vi','port':'out','to':'wd'},{'from':'wd','port':'out','to':'vo'},"
  "{'from':'vo','port':'out','to':'x'}]}]}";

static const char * const first_names[] = {
  "Ana", "Ivo", "Marija", "Luka", "Petra", "Ivan", "Mia", "Tomislav", "Ema",
  "Josip", "Sara", "Marko", "Lucija", "Nikola", "Elena", "Đuro", "Željka",
};
static const char * const countries[] = { "HR", "SI", "AT", "DE", "US", "GB" };
static const char * const zones[] = {
  "Europe/Zagreb", "Europe/Ljubljana", "Europe/Vienna", "Europe/Berlin",
  "America/New_York", "Europe/London",
};
static const char * const plans[] = { "free", "basic", "pro", "enterprise" };

#define PICK(r, a) (a[g_rand_int_range (r, 0, G_N_ELEMENTS (a))])

/* The generator of tests/sim/gen-profiles.c, with the bench flow's events
 * (CartAbandoned, Login, PurchaseFinished) and some push tokens. About ten
 * events a profile (8..12) over January 2026. */
static gboolean
generate (const char *path,
          gint64      count,
          guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) line = g_string_new (NULL);
  const gint64 month_start = 1767225600;  /* 2026-01-01T00:00:00Z */
  FILE *out = fopen (path, "wb");

  if (out == NULL)
    {
      g_printerr ("Cannot create %s\n", path);
      return FALSE;
    }
  for (gint64 i = 0; i < count; i++)
    {
      int zone = g_rand_int_range (rand, 0, G_N_ELEMENTS (zones));
      int per = g_rand_int_range (rand, 8, 13);

      g_string_truncate (line, 0);
      g_string_append_printf (line,
                              "{\"id\":\"p-%07" G_GINT64_FORMAT "\",\"attributes\":{"
                              "\"first_name\":\"%s\",\"email\":\"user%" G_GINT64_FORMAT "@example.com\","
                              "\"phone\":\"+3859%08u\",\"country\":\"%s\",\"timezone\":\"%s\","
                              "\"plan\":\"%s\",\"age\":%d",
                              i, PICK (rand, first_names), i, g_rand_int_range (rand, 0, 100000000),
                              countries[zone], zones[zone], PICK (rand, plans), g_rand_int_range (rand, 18, 90));
      if (g_rand_boolean (rand))
        g_string_append_printf (line, ",\"push_token\":\"tok-%" G_GINT64_FORMAT "\"", i);
      g_string_append (line, "},\"events\":[");
      for (int e = 0; e < per; e++)
        {
          gint64 t = month_start + g_rand_int_range (rand, 0, 31 * 86400);
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
          g_autofree char *at = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
          int kind = g_rand_int_range (rand, 0, 10);

          if (e > 0)
            g_string_append_c (line, ',');
          if (kind < 3)
            g_string_append_printf (line, "{\"name\":\"CartAbandoned\",\"at\":\"%s\",\"properties\":"
                                    "{\"cart_value\":%d.%02d,\"items\":%d}}",
                                    at, g_rand_int_range (rand, 5, 500), g_rand_int_range (rand, 0, 100),
                                    g_rand_int_range (rand, 1, 9));
          else if (kind < 5)
            g_string_append_printf (line, "{\"name\":\"PurchaseFinished\",\"at\":\"%s\",\"properties\":"
                                    "{\"amount\":%d.%02d,\"currency\":\"EUR\"}}",
                                    at, g_rand_int_range (rand, 5, 900), g_rand_int_range (rand, 0, 100));
          else
            g_string_append_printf (line, "{\"name\":\"Login\",\"at\":\"%s\"}", at);
        }
      g_string_append (line, "]}\n");
      fwrite (line->str, 1, line->len, out);
    }
  if (fclose (out) != 0)
    {
      g_printerr ("Cannot write %s\n", path);
      return FALSE;
    }
  return TRUE;
}

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

static char *
swap_quotes (const char *text)
{
  char *out = g_strdup (text);

  /* \' (an expression's string quote) stays '; a lone ' becomes ". */
  for (char *p = out, *q = out; ; p++, q++)
    {
      if (p[0] == '\\' && p[1] == '\'')
        *q = *++p;
      else if (*p == '\'')
        *q = '"';
      else
        *q = *p;
      if (*p == '\0')
        break;
    }
  return out;
}

/* Child: the full simulation. Prints "seconds profiles events rss_kb". */
static int
child_simulate (const char *path,
                guint       threads)
{
  g_autofree char *text = swap_quotes (bench_flow);
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
  if (!wm_timestamp_parse (RUN_START, -1, &inputs.start) || !wm_timestamp_parse (RUN_END, -1, &inputs.end))
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

typedef struct
{
  double  seconds;
  guint64 profiles;
  guint64 events;
  long    rss_kb;
  double  cpu;         /* whole child process, loading included */
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
  if (!g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (file);
      struct statvfs fs;
      /* about 1.2 kB a profile; ask for twice that */
      guint64 need = (guint64) count * 2400;
      gint64 started;

      if (statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < need)
        {
          g_printerr ("%s: %" G_GUINT64_FORMAT " MB free, %" G_GUINT64_FORMAT " MB needed\n", dir,
                      (guint64) fs.f_bavail * fs.f_frsize >> 20, need >> 20);
          return 1;
        }
      started = g_get_monotonic_time ();
      if (!generate (file, count, 20260101))
        return 1;
      generated = TRUE;
      printf ("generated %s (%" G_GINT64_FORMAT " profiles) in %.1f s\n", file, count,
              (g_get_monotonic_time () - started) / 1e6);
    }
  else
    printf ("reusing %s\n", file);
  fflush (stdout);

  if (!run_child ("parse", file, 1, &parse))
    return 1;
  printf ("read and parse only: %.2f s (CPU %.2f s), %" G_GUINT64_FORMAT " profiles, %" G_GUINT64_FORMAT
          " events, %.0f events/s, peak RSS %.1f MB\n",
          parse.seconds, parse.cpu, parse.profiles, parse.events, parse.events / parse.seconds,
          parse.rss_kb / 1024.0);

  for (guint i = 0; thread_counts[i] != NULL; i++)
    {
      guint threads = (guint) g_ascii_strtoull (thread_counts[i], NULL, 10);
      Figures sim;

      if (!run_child ("simulate", file, threads, &sim))
        return 1;
      printf ("simulate --threads %u: %.2f s (CPU %.2f s), %" G_GUINT64_FORMAT " events, %.0f events/s, "
              "%.2fx read-and-parse, peak RSS %.1f MB (%.1f MB above read-and-parse)\n",
              threads, sim.seconds, sim.cpu, sim.events, sim.events / sim.seconds, sim.seconds / parse.seconds,
              sim.rss_kb / 1024.0, (sim.rss_kb - parse.rss_kb) / 1024.0);
    }
  printf ("targets: simulation <= 3x read-and-parse; >= 2,000,000 events/s with 2 threads; "
          "peak RSS <= 256 MB apart from the id set\n");
  if (generated && !keep)
    g_unlink (file);
  return 0;
}
