/* wm-cli-simulate.c - waymark-cli simulate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Command line. Every output is written to a temporary name
 * and renamed once the run has succeeded, so a failed or interrupted run
 * never leaves half a report, timeline or table under its final name.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <fcntl.h>

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>

#include "wm-catalog.h"
#include "wm-cli.h"
#include "wm-flow-io.h"
#include "wm-journey.h"
#include "wm-simulation.h"
#include "wm-sim-partial.h"
#include "wm-sim-report.h"
#include "wm-tables.h"
#include "wm-time.h"

#define REJECTIONS_PRINTED 100

typedef struct
{
  char          *path;
  char          *temp;
  GOutputStream *stream;
} Output;

/* A temporary file next to @path (same file system, so rename is atomic). */
static gboolean
output_open (Output     *out,
             const char *path,
             GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  int fd;

  out->path = g_strdup (path);
  out->temp = g_build_filename (dir, template, NULL);
  fd = g_mkstemp_full (out->temp, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: cannot write: %s", path, g_strerror (saved));
      g_clear_pointer (&out->temp, g_free);
      return FALSE;
    }
  out->stream = g_unix_output_stream_new (fd, TRUE);
  return TRUE;
}

static gboolean
output_commit (Output  *out,
               GError **error)
{
  if (!g_output_stream_close (out->stream, NULL, error))
    return FALSE;
  if (g_rename (out->temp, out->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: cannot write: %s", out->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&out->temp, g_free);
  return TRUE;
}

static void
output_clear (Output *out)
{
  if (out->temp != NULL)
    {
      if (out->stream != NULL)
        g_output_stream_close (out->stream, NULL, NULL);
      g_unlink (out->temp);
    }
  g_clear_object (&out->stream);
  g_clear_pointer (&out->temp, g_free);
  g_clear_pointer (&out->path, g_free);
}

static void
print_progress (const WmSimProgress *progress,
                gpointer             user_data)
{
  g_printerr ("\r%" G_GUINT64_FORMAT " profiles, %" G_GUINT64_FORMAT " events, %.0f events/s, %.1f s   ",
              progress->profiles, progress->events, progress->events_per_second, progress->seconds);
}

static gboolean
parse_timestamp_option (const char  *name,
                        const char  *text,
                        gint64      *out)
{
  if (text == NULL)
    {
      wm_cli_usage_error ("simulate", _("give the run window with --start and --end, "
                                        "e.g. --start 2026-01-01T00:00:00Z --end 2026-02-01T00:00:00Z"));
      return FALSE;
    }
  if (!wm_timestamp_parse (text, -1, out))
    {
      wm_cli_usage_error ("simulate", _("%s: “%s” is not a timestamp such as 2026-01-01T00:00:00Z"),
                          name, text);
      return FALSE;
    }
  return TRUE;
}

static void
print_diagnostics (GPtrArray  *diagnostics,
                   GPtrArray  *flows,
                   GHashTable *files)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];
      const char *file = g_hash_table_lookup (files, flows->pdata[i]);
      g_autoptr(GString) line = g_string_new (file);

      if (d->version != 0)
        g_string_append_printf (line, ": v%u", d->version);
      if (d->element != NULL)
        g_string_append_printf (line, ": %s", d->element);
      if (d->field != NULL)
        g_string_append_printf (line, ": %s", d->field);
      g_string_append_printf (line, ": %s %s: %s", wm_severity_to_string (d->severity), d->code, d->message);
      g_printerr ("%s\n", line->str);
    }
}

int
wm_cli_simulate (int    argc,
                 char **argv)
{
  g_auto(GStrv) flow_files = NULL;
  g_auto(GStrv) journey_files = NULL;
  g_auto(GStrv) tries = NULL;
  g_autofree char *profiles = NULL, *start_text = NULL, *end_text = NULL, *seed_text = NULL;
  g_autofree char *params_path = NULL, *catalog_path = NULL, *report_path = NULL;
  g_autofree char *timeline_path = NULL, *csv_dir = NULL, *xlsx_path = NULL, *partial_path = NULL;
  int threads = 0;
  gboolean strict = FALSE, progress = FALSE;
  const GOptionEntry entries[] = {
    { "flow", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &flow_files, N_("A flow of the run (repeatable)"), N_("FILE") },
    { "profiles", 0, 0, G_OPTION_ARG_FILENAME, &profiles, N_("Recorded profiles (.jsonl or .csv)"), N_("FILE") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, N_("Start of the run window"), N_("TIMESTAMP") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text, N_("End of the run window"), N_("TIMESTAMP") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("Seed of the deterministic draws (default 1)"), N_("N") },
    { "params", 0, 0, G_OPTION_ARG_FILENAME, &params_path, N_("Run parameters (prices, rates, delays)"), N_("FILE") },
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_path, N_("Milestones and outcomes"), N_("FILE") },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Worker threads (default: the number of processors)"), N_("N") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_path, N_("Write the report here (default: standard output)"), N_("FILE") },
    { "timeline", 0, 0, G_OPTION_ARG_FILENAME, &timeline_path, N_("Write every step of every profile as JSON Lines"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_dir, N_("Write elements.csv, ports.csv and channels.csv here"), N_("DIR") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx_path, N_("Write the tables as an XLSX workbook"), N_("FILE") },
    { "journey", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &journey_files, N_("A journey of the run (repeatable)"), N_("FILE") },
    { "try", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tries, N_("Simulate version N of FLOW alone, as if launched at the start"), N_("FLOW:N") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_("Fail at the first rejected profile line"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, N_("Show progress on standard error"), NULL },
    { "partial", 0, 0, G_OPTION_ARG_FILENAME, &partial_path, N_("Write a partial result for merging"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) files = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) try_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(WmCatalog) catalog = NULL;
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) diagnostic_flows = NULL;
  WmSimInputs inputs = { 0 };
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  Output timeline = { 0 }, report = { 0 };
  g_autofree char *text = NULL;
  int status = WM_CLI_EXIT_OK;

  g_option_context_set_summary (context, _("Replays recorded profiles through flows and reports "
                                           "per-element performance."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error ("simulate", "%s", error->message);
  if (argc > 1)
    return wm_cli_usage_error ("simulate", _("unexpected argument “%s”"), argv[1]);
  if (flow_files == NULL)
    return wm_cli_usage_error ("simulate", "%s", _("give at least one flow with --flow FILE"));
  if (profiles == NULL)
    return wm_cli_usage_error ("simulate", "%s", _("give the recorded profiles with --profiles FILE"));
  if (!parse_timestamp_option ("--start", start_text, &inputs.start)
      || !parse_timestamp_option ("--end", end_text, &inputs.end))
    return WM_CLI_EXIT_USAGE;
  if (inputs.start >= inputs.end)
    return wm_cli_usage_error ("simulate", "%s", _("--end must be later than --start"));
  inputs.seed = 1;
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &inputs.seed, NULL))
    return wm_cli_usage_error ("simulate", _("--seed: “%s” is not an unsigned 64-bit integer"), seed_text);
  if (threads < 0 || threads > 1024)
    return wm_cli_usage_error ("simulate", "%s", _("--threads must be from 1 to 1024"));

  for (guint i = 0; flow_files[i] != NULL; i++)
    {
      WmFlow *flow = wm_flow_load_from_file (flow_files[i], &error);

      if (flow == NULL)
        return wm_cli_usage_error ("simulate", "%s: %s", flow_files[i], error->message);
      g_hash_table_insert (files, flow, flow_files[i]);
      g_ptr_array_add (flows, flow);
    }

  for (guint i = 0; journey_files != NULL && journey_files[i] != NULL; i++)
    {
      WmJourney *journey = wm_journey_load_from_file (journey_files[i], &error);

      if (journey == NULL)
        return wm_cli_usage_error ("simulate", "%s: %s", journey_files[i], error->message);
      g_hash_table_insert (files, journey, journey_files[i]);
      g_ptr_array_add (journeys, journey);
    }
  inputs.journeys = journeys;

  for (guint i = 0; tries != NULL && tries[i] != NULL; i++)
    {
      const char *colon = strrchr (tries[i], ':');
      guint64 number;
      g_autofree char *id = NULL;

      if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT32, &number, NULL))
        return wm_cli_usage_error ("simulate", _("--try %s: write it as FLOW:N, e.g. welcome:2"), tries[i]);
      id = g_strndup (tries[i], colon - tries[i]);
      if (g_hash_table_contains (try_table, id))
        return wm_cli_usage_error ("simulate", _("--try %s: one tried version per flow"), tries[i]);
      g_hash_table_insert (try_table, g_steal_pointer (&id), GUINT_TO_POINTER ((guint) number));
    }
  inputs.tries = try_table;

  wm_params_init_defaults (&inputs.params);
  /* The parameters' errors already name the file. */
  if (params_path != NULL && !wm_params_load_file (&inputs.params, params_path, &error))
    return wm_cli_usage_error ("simulate", "%s", error->message);
  if (catalog_path != NULL)
    {
      catalog = wm_catalog_new ();
      if (!wm_catalog_load_file (catalog, catalog_path, &error))
        return wm_cli_usage_error ("simulate", "%s: %s", catalog_path, error->message);
      inputs.catalog = catalog;
    }
  inputs.flows = flows;

  program = wm_sim_program_new (&inputs, &diagnostics, &diagnostic_flows, &error);
  if (program == NULL)
    {
      if (g_error_matches (error, WM_SIM_ERROR, WM_SIM_ERROR_INVALID))
        {
          print_diagnostics (diagnostics, diagnostic_flows, files);
          g_printerr ("waymark-cli simulate: %s\n", error->message);
          return WM_CLI_EXIT_INVALID;
        }
      return wm_cli_usage_error ("simulate", "%s", error->message);
    }

  if (timeline_path != NULL && !output_open (&timeline, timeline_path, &error))
    {
      status = wm_cli_usage_error ("simulate", "%s", error->message);
      goto out;
    }
  if (csv_dir != NULL && g_mkdir_with_parents (csv_dir, 0755) != 0)
    {
      int saved = errno;

      status = wm_cli_usage_error ("simulate", _("--csv %s: cannot create the folder: %s"),
                                   csv_dir, g_strerror (saved));
      goto out;
    }

  options.profiles_path = profiles;
  options.threads = threads;
  options.strict = strict;
  options.timeline = timeline.stream;
  if (progress)
    options.progress = print_progress;

  if (!wm_simulation_run (program, &options, &result, &error))
    {
      if (progress)
        g_printerr ("\n");
      if (g_error_matches (error, WM_SIM_ERROR, WM_SIM_ERROR_STRICT))
        {
          g_printerr ("waymark-cli simulate: %s\n", error->message);
          status = WM_CLI_EXIT_INVALID;
        }
      else
        status = wm_cli_usage_error ("simulate", "%s", error->message);
      goto out;
    }
  if (progress)
    g_printerr ("\n");

  for (guint i = 0; i < result.rejections->len; i++)
    {
      WmSimRejection *r = &g_array_index (result.rejections, WmSimRejection, i);
      g_printerr ("%s: line %" G_GUINT64_FORMAT ": %s\n", profiles, r->line, r->reason);
    }
  if (result.rejected_lines > result.rejections->len)
    {
      /* The count as text: xgettext cannot read a message built with
       * G_GUINT64_FORMAT. */
      g_autofree char *more = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                               result.rejected_lines - result.rejections->len);

      g_printerr (_("%s: %s more rejected lines\n"), profiles, more);
    }

  text = wm_sim_report_to_text (result.report);
  if (csv_dir != NULL && !wm_tables_write_csv (result.report, flows, csv_dir, &error))
    {
      status = wm_cli_usage_error ("simulate", "%s", error->message);
      goto out;
    }
  if (xlsx_path != NULL && !wm_tables_write_xlsx (result.report, flows, inputs.end, xlsx_path, &error))
    {
      status = wm_cli_usage_error ("simulate", "%s", error->message);
      goto out;
    }
  if (timeline_path != NULL && !output_commit (&timeline, &error))
    {
      status = wm_cli_usage_error ("simulate", "%s", error->message);
      goto out;
    }
  if (partial_path != NULL && !wm_sim_partial_write (&inputs, &result, partial_path, &error))
    {
      status = wm_cli_usage_error ("simulate", "%s", error->message);
      goto out;
    }
  if (report_path != NULL)
    {
      if (!output_open (&report, report_path, &error)
          || !g_output_stream_write_all (report.stream, text, strlen (text), NULL, NULL, &error)
          || !output_commit (&report, &error))
        {
          status = wm_cli_usage_error ("simulate", "%s", error->message);
          goto out;
        }
    }
  else
    fputs (text, stdout);

out:
  output_clear (&timeline);
  output_clear (&report);
  wm_sim_result_clear (&result);
  return status;
}
