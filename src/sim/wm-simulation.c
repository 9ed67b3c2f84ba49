/* wm-simulation.c - running a simulation: profiles in, report out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-profile-reader.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"

#define REJECTIONS_KEPT 100
#define BATCH_PER_THREAD 512

/* The next accepted profile, or a rejected line with its reason. Returns
 * FALSE at the end, or on an error (then @error is set). The reader reads
 * JSON Lines or, for a .csv name, CSV. */
static gboolean
source_next (WmProfileReader  *reader,
             WmProfile       **profile,
             guint64          *line,
             char            **reason,
             GError          **error)
{
  const char *why = NULL;

  *profile = NULL;
  *reason = NULL;
  switch (wm_profile_reader_next (reader, profile, line, &why, error))
    {
    case WM_PROFILE_READ_PROFILE:
      return TRUE;
    case WM_PROFILE_READ_REJECTED:
      *reason = g_strdup (why);
      return TRUE;
    case WM_PROFILE_READ_END:
    case WM_PROFILE_READ_ERROR:
    default:
      return FALSE;
    }
}

typedef struct
{
  WmSimWorker  *worker;
  WmProfile   **profiles;
  GString     **timelines;
  guint         n;
  volatile gint *next;
} Job;

static gpointer
job_run (gpointer data)
{
  Job *job = data;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (job->next, 1);

      if (i >= job->n)
        break;
      wm_sim_worker_run_profile (job->worker, job->profiles[i],
                                 job->timelines != NULL ? job->timelines[i] : NULL);
    }
  return NULL;
}

static gboolean
write_timelines (GOutputStream *out,
                 GString      **timelines,
                 guint          n,
                 GCancellable  *cancellable,
                 GError       **error)
{
  for (guint i = 0; i < n; i++)
    if (timelines[i]->len > 0
        && !g_output_stream_write_all (out, timelines[i]->str, timelines[i]->len, NULL, cancellable, error))
      return FALSE;
  return TRUE;
}

gboolean
wm_simulation_run (const WmSimProgram *program,
                   const WmSimOptions *options,
                   WmSimResult        *result,
                   GError            **error)
{
  guint threads = options->threads > 0 ? options->threads : g_get_num_processors ();
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_sim_worker_free);
  g_autofree WmProfile **batch = NULL;
  g_autofree GString **timelines = NULL;
  guint batch_size, n = 0;
  g_autoptr(WmProfileReader) reader = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean ok = TRUE, more = TRUE;

  memset (result, 0, sizeof *result);
  result->rejections = g_array_new (FALSE, FALSE, sizeof (WmSimRejection));

  reader = wm_profile_reader_open (options->profiles_path, error);
  if (reader == NULL)
    return FALSE;

  for (guint i = 0; i < threads; i++)
    g_ptr_array_add (workers, wm_sim_worker_new (program));
  batch_size = BATCH_PER_THREAD * threads;
  batch = g_new0 (WmProfile *, batch_size);
  timelines = g_new0 (GString *, batch_size);
  for (guint i = 0; i < batch_size && options->timeline != NULL; i++)
    timelines[i] = g_string_new (NULL);

  while (ok && more)
    {
      /* Read a batch in file order: ids, rejections and line numbers are
       * settled here, before any simulation. */
      n = 0;
      while (n < batch_size)
        {
          WmProfile *profile;
          guint64 line;
          g_autofree char *reason = NULL;
          g_autoptr(GError) read_error = NULL;

          if (!source_next (reader, &profile, &line, &reason, &read_error))
            {
              more = FALSE;
              if (read_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&read_error));
                  ok = FALSE;
                }
              break;
            }
          if (reason != NULL)
            {
              result->rejected_lines++;
              if (result->rejections->len < REJECTIONS_KEPT)
                {
                  WmSimRejection rejection = { line, g_steal_pointer (&reason) };
                  g_array_append_val (result->rejections, rejection);
                }
              if (options->strict)
                {
                  g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_STRICT,
                               "%s: line %" G_GUINT64_FORMAT ": %s (--strict stops at the first rejected line)",
                               options->profiles_path, line,
                               g_array_index (result->rejections, WmSimRejection, result->rejections->len - 1).reason);
                  ok = FALSE;
                  break;
                }
              continue;
            }
          batch[n++] = profile;
        }

      if (ok && n > 0)
        {
          volatile gint next = 0;
          guint used = MIN (threads, n);
          g_autofree Job *jobs = g_new0 (Job, used);
          g_autofree GThread **running = g_new0 (GThread *, used);

          for (guint i = 0; i < used; i++)
            {
              jobs[i].worker = workers->pdata[i];
              jobs[i].profiles = batch;
              jobs[i].timelines = options->timeline != NULL ? timelines : NULL;
              jobs[i].n = n;
              jobs[i].next = &next;
              running[i] = i == 0 ? NULL : g_thread_new ("waymark-sim", job_run, &jobs[i]);
            }
          job_run (&jobs[0]);
          for (guint i = 1; i < used; i++)
            g_thread_join (running[i]);

          if (options->timeline != NULL)
            {
              ok = write_timelines (options->timeline, timelines, n, options->cancellable, error);
              for (guint i = 0; i < n; i++)
                g_string_truncate (timelines[i], 0);
            }
          result->profiles += n;
        }

      for (guint i = 0; i < n; i++)
        g_clear_pointer (&batch[i], wm_profile_free);

      if (ok && g_cancellable_set_error_if_cancelled (options->cancellable, error))
        ok = FALSE;

      if (ok && options->progress != NULL)
        {
          WmSimProgress progress = { 0 };
          guint64 events = 0;

          for (guint i = 0; i < workers->len; i++)
            events += wm_sim_worker_get_events (workers->pdata[i]);
          progress.profiles = result->profiles;
          progress.events = events;
          progress.seconds = (g_get_monotonic_time () - started) / 1e6;
          progress.events_per_second = progress.seconds > 0 ? events / progress.seconds : 0;
          progress.fraction = more ? 0 : 1;
          progress.eta_seconds = -1;
          options->progress (&progress, options->progress_data);
        }
    }

  for (guint i = 0; i < batch_size && options->timeline != NULL; i++)
    g_string_free (timelines[i], TRUE);

  if (!ok)
    return FALSE;

  for (guint i = 1; i < workers->len; i++)
    wm_sim_worker_merge (workers->pdata[0], workers->pdata[i]);
  result->events = wm_sim_worker_get_events (workers->pdata[0]);
  result->report = wm_sim_report_build (program, workers->pdata[0], result->profiles, result->rejected_lines);
  result->seconds = (g_get_monotonic_time () - started) / 1e6;
  return TRUE;
}

void
wm_sim_result_clear (WmSimResult *result)
{
  g_clear_pointer (&result->report, json_node_unref);
  if (result->rejections != NULL)
    {
      for (guint i = 0; i < result->rejections->len; i++)
        g_free (g_array_index (result->rejections, WmSimRejection, i).reason);
      g_clear_pointer (&result->rejections, g_array_unref);
    }
}
