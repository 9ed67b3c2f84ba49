/* wm-simulation.c - running a simulation: profiles in, report out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, The simulator's hot path: lines are read in large blocks in
 * file order, parsed on the workers, then committed in file order (the id
 * set, rejections and line numbers are settled before anything is
 * simulated), with a bounded window of profiles in flight; the timeline is
 * written in file order from that window.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "wm-csv-reader.h"
#include "wm-profile-reader.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"

#define REJECTIONS_KEPT 100
#define BATCH_PER_THREAD 1024
#define BATCH_MAX_BYTES (64 * 1024 * 1024)

typedef struct
{
  /* JSON Lines: lines read here, parsed on the workers. The next batch is
   * read while the workers simulate the current one. */
  WmLineReader    *lines;
  WmLineBatch     *batch;
  WmLineBatch     *next;
  gboolean         have_next;   /* next holds lines read ahead */
  gboolean         next_done;   /* reading ahead found the end */
  GError          *next_error;
  WmIdSet         *ids;
  /* CSV: read and checked here (CSV profiles have no events). */
  WmProfileReader *csv;
  guint64          size;
} Source;

typedef struct
{
  WmProfile *profile;
  char      *reason;
  guint64    line;
} Parsed;

/* A phase of a batch: every worker takes items by index until none is left. */
typedef struct
{
  const WmSimProgram *program;
  WmSimWorker       *worker;
  WmProfileParser   *parser;
  volatile gint     *next;
  guint              n;
  /* parse phase */
  WmLineBatch       *lines;
  Parsed            *parsed;
  /* simulate phase */
  WmProfile        **profiles;
  GString          **timelines;
} Job;

static gpointer
parse_job (gpointer data)
{
  Job *job = data;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (job->next, 1);
      WmLine *line;

      if (i >= job->n)
        break;
      line = &job->lines->lines[i];
      job->parsed[i].line = line->number;
      job->parsed[i].profile = wm_profile_parser_parse (job->parser, line->data, line->len, line->too_long,
                                                        line->number, &job->parsed[i].reason);
    }
  return NULL;
}

static gpointer
simulate_job (gpointer data)
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

/* Runs @func over @jobs on as many threads, the calling one included. */
static void
run_jobs (Job           *jobs,
          guint          n_jobs,
          GThreadFunc    func)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_jobs);

  for (guint i = 1; i < n_jobs; i++)
    threads[i] = g_thread_new ("waymark-sim", func, &jobs[i]);
  func (&jobs[0]);
  for (guint i = 1; i < n_jobs; i++)
    g_thread_join (threads[i]);
}

static gboolean
reject (WmSimResult        *result,
        const WmSimOptions *options,
        guint64             line,
        char               *reason,   /* taken */
        GError            **error)
{
  result->rejected_lines++;
  if (result->rejections->len < REJECTIONS_KEPT)
    {
      WmSimRejection rejection = { line, g_strdup (reason) };
      g_array_append_val (result->rejections, rejection);
    }
  if (options->strict)
    {
      g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_STRICT,
                   "%s: line %" G_GUINT64_FORMAT ": %s (--strict stops at the first rejected line)",
                   options->profiles_path, line, reason);
      g_free (reason);
      return FALSE;
    }
  g_free (reason);
  return TRUE;
}

/* Reads the next batch and leaves its accepted profiles, in file order, in
 * @profiles. FALSE on an error (or a --strict rejection); *@more is FALSE
 * once the file is read. */
static gboolean
read_batch (Source             *source,
            Job                *jobs,
            guint               n_jobs,
            guint               batch_size,
            Parsed             *parsed,
            WmProfile         **profiles,
            guint              *n_profiles,
            gboolean           *more,
            const WmSimOptions *options,
            WmSimResult        *result,
            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n;

  *n_profiles = 0;

  if (source->csv != NULL)
    {
      while (*n_profiles < batch_size)
        {
          WmProfile *profile = NULL;
          guint64 line = 0;
          const char *why = NULL;

          switch (wm_profile_reader_next (source->csv, &profile, &line, &why, &local_error))
            {
            case WM_PROFILE_READ_PROFILE:
              profiles[(*n_profiles)++] = profile;
              break;
            case WM_PROFILE_READ_REJECTED:
              if (!reject (result, options, line, g_strdup (why), error))
                return FALSE;
              break;
            case WM_PROFILE_READ_ERROR:
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            case WM_PROFILE_READ_END:
            default:
              *more = FALSE;
              return TRUE;
            }
        }
      return TRUE;
    }

  if (source->have_next)
    {
      WmLineBatch *swap = source->batch;

      source->batch = source->next;
      source->next = swap;
      source->have_next = FALSE;
    }
  else if (source->next_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&source->next_error));
      return FALSE;
    }
  else if (source->next_done
           || !wm_line_reader_fill_batch (source->lines, source->batch, batch_size, BATCH_MAX_BYTES,
                                          &local_error))
    {
      *more = FALSE;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  /* Parse on the workers... */
  n = source->batch->n_lines;
  {
    volatile gint next = 0;

    for (guint i = 0; i < n_jobs; i++)
      {
        jobs[i].next = &next;
        jobs[i].n = n;
        jobs[i].lines = source->batch;
        jobs[i].parsed = parsed;
      }
    run_jobs (jobs, MIN (n_jobs, n), parse_job);
  }

  /* ...and commit in file order: a rejected line does not reserve its id. */
  for (guint i = 0; i < n; i++)
    {
      Parsed *p = &parsed[i];

      if (p->profile != NULL)
        {
          gsize len;
          const char *id = wm_profile_get_id (p->profile, &len);

          if (wm_id_set_add (source->ids, id, len))
            {
              profiles[(*n_profiles)++] = p->profile;
              p->profile = NULL;
              continue;
            }
          g_clear_pointer (&p->profile, wm_profile_free);
          p->reason = g_strdup (WM_PROFILE_DUPLICATE_ID_REASON);
        }
      if (!reject (result, options, p->line, g_steal_pointer (&p->reason), error))
        {
          for (guint k = i + 1; k < n; k++)
            {
              g_clear_pointer (&parsed[k].profile, wm_profile_free);
              g_clear_pointer (&parsed[k].reason, g_free);
            }
          return FALSE;
        }
    }
  return TRUE;
}

static guint64
source_offset (Source *source)
{
  return source->lines != NULL ? wm_line_reader_get_offset (source->lines) : 0;
}

gboolean
wm_simulation_run (const WmSimProgram *program,
                   const WmSimOptions *options,
                   WmSimResult        *result,
                   GError            **error)
{
  guint threads = options->threads > 0 ? options->threads : g_get_num_processors ();
  guint batch_size = BATCH_PER_THREAD * threads;
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_sim_worker_free);
  g_autofree Job *jobs = g_new0 (Job, threads);
  g_autofree Parsed *parsed = g_new0 (Parsed, batch_size);
  g_autofree WmProfile **profiles = g_new0 (WmProfile *, batch_size);
  g_autofree GString **timelines = NULL;
  Source source = { 0 };
  gint64 started = g_get_monotonic_time ();
  gboolean ok = TRUE, more = TRUE;
  GStatBuf st;

  memset (result, 0, sizeof *result);
  result->rejections = g_array_new (FALSE, FALSE, sizeof (WmSimRejection));

  if (g_str_has_suffix (options->profiles_path, ".csv") || g_str_has_suffix (options->profiles_path, ".CSV"))
    source.csv = wm_profile_reader_open (options->profiles_path, error);
  else
    source.lines = wm_line_reader_open (options->profiles_path, error);
  if (source.csv == NULL && source.lines == NULL)
    return FALSE;
  source.batch = wm_line_batch_new ();
  source.next = wm_line_batch_new ();
  source.ids = wm_id_set_new ();
  if (g_stat (options->profiles_path, &st) == 0)
    source.size = st.st_size;

  for (guint i = 0; i < threads; i++)
    {
      g_ptr_array_add (workers, wm_sim_worker_new (program));
      jobs[i].program = program;
      jobs[i].worker = workers->pdata[i];
      jobs[i].parser = wm_profile_parser_new ();
    }
  if (options->timeline != NULL)
    {
      timelines = g_new0 (GString *, batch_size);
      for (guint i = 0; i < batch_size; i++)
        timelines[i] = g_string_new (NULL);
    }

  while (ok && more)
    {
      guint n = 0;

      ok = read_batch (&source, jobs, threads, batch_size, parsed, profiles, &n, &more,
                       options, result, error);

      if (ok && n > 0)
        {
          volatile gint next = 0;

          for (guint i = 0; i < threads; i++)
            {
              jobs[i].next = &next;
              jobs[i].n = n;
              jobs[i].profiles = profiles;
              jobs[i].timelines = timelines;
            }
          {
            /* The workers simulate this batch while this thread reads the
             * next one: the reading is then off the critical path. */
            guint used = MIN (threads, n);
            g_autofree GThread **running = g_new0 (GThread *, used);

            for (guint i = 0; i < used; i++)
              running[i] = g_thread_new ("waymark-sim", simulate_job, &jobs[i]);
            if (source.lines != NULL && more && !source.next_done && source.next_error == NULL)
              {
                if (wm_line_reader_fill_batch (source.lines, source.next, batch_size, BATCH_MAX_BYTES,
                                               &source.next_error))
                  source.have_next = TRUE;
                else
                  source.next_done = TRUE;
              }
            for (guint i = 0; i < used; i++)
              g_thread_join (running[i]);
          }

          if (timelines != NULL)
            for (guint i = 0; i < n; i++)
              {
                if (ok && timelines[i]->len > 0
                    && !g_output_stream_write_all (options->timeline, timelines[i]->str, timelines[i]->len,
                                                   NULL, options->cancellable, error))
                  ok = FALSE;
                g_string_truncate (timelines[i], 0);
              }
          result->profiles += n;
        }
      for (guint i = 0; i < n; i++)
        g_clear_pointer (&profiles[i], wm_profile_free);

      if (ok && g_cancellable_set_error_if_cancelled (options->cancellable, error))
        ok = FALSE;

      if (ok && options->progress != NULL)
        {
          WmSimProgress progress = { 0 };
          guint64 offset = source_offset (&source);

          for (guint i = 0; i < workers->len; i++)
            progress.events += wm_sim_worker_get_events (workers->pdata[i]);
          progress.profiles = result->profiles;
          progress.seconds = (g_get_monotonic_time () - started) / 1e6;
          progress.events_per_second = progress.seconds > 0 ? progress.events / progress.seconds : 0;
          progress.fraction = !more ? 1.0 : source.size > 0 ? (double) offset / source.size : 0;
          progress.eta_seconds = progress.fraction > 0
                                 ? progress.seconds * (1 - progress.fraction) / progress.fraction : -1;
          options->progress (&progress, options->progress_data);
        }
    }

  for (guint i = 0; i < threads; i++)
    wm_profile_parser_free (jobs[i].parser);
  for (guint i = 0; timelines != NULL && i < batch_size; i++)
    g_string_free (timelines[i], TRUE);
  g_clear_pointer (&source.lines, wm_line_reader_free);
  g_clear_pointer (&source.csv, wm_profile_reader_free);
  g_clear_pointer (&source.batch, wm_line_batch_free);
  g_clear_pointer (&source.next, wm_line_batch_free);
  g_clear_error (&source.next_error);
  g_clear_pointer (&source.ids, wm_id_set_free);

  if (!ok)
    return FALSE;

  for (guint i = 1; i < workers->len; i++)
    wm_sim_worker_merge (workers->pdata[0], workers->pdata[i]);
  result->events = wm_sim_worker_get_events (workers->pdata[0]);
  result->report = wm_sim_report_build (program, workers->pdata[0], result->profiles, result->rejected_lines);
  result->results = g_ptr_array_steal_index (workers, 0);
  result->seconds = (g_get_monotonic_time () - started) / 1e6;
  return TRUE;
}

void
wm_sim_result_clear (WmSimResult *result)
{
  g_clear_pointer (&result->report, json_node_unref);
  g_clear_pointer (&result->results, wm_sim_worker_free);
  if (result->rejections != NULL)
    {
      for (guint i = 0; i < result->rejections->len; i++)
        g_free (g_array_index (result->rejections, WmSimRejection, i).reason);
      g_clear_pointer (&result->rejections, g_array_unref);
    }
}

void
wm_sim_result_free (WmSimResult *result)
{
  if (result == NULL)
    return;
  wm_sim_result_clear (result);
  g_free (result);
}

/* ---- asynchronously, for the app ---- */

typedef struct
{
  WmSimProgram      *program;     /* borrowed; the caller keeps it alive */
  WmSimOptions       options;
  char              *profiles_path;
  GMainContext      *context;
  WmSimProgressFunc  progress;
  gpointer           progress_data;
  GMutex             lock;
  WmSimProgress      latest;
  gboolean           pending;
} AsyncRun;

static void
async_run_free (AsyncRun *run)
{
  g_free (run->profiles_path);
  g_clear_object (&run->options.timeline);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_mutex_clear (&run->lock);
  g_free (run);
}

/* Progress is reported in the caller's main context, coalesced: the UI gets
 * the latest figures, never a queue of stale ones. */
static gboolean
deliver_progress (gpointer data)
{
  GTask *task = data;
  AsyncRun *run = g_task_get_task_data (task);
  WmSimProgress progress;

  g_mutex_lock (&run->lock);
  progress = run->latest;
  run->pending = FALSE;
  g_mutex_unlock (&run->lock);
  if (!g_task_get_completed (task) && run->progress != NULL)
    run->progress (&progress, run->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress (const WmSimProgress *progress,
                 gpointer             data)
{
  GTask *task = data;
  AsyncRun *run = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&run->lock);
  run->latest = *progress;
  schedule = !run->pending;
  run->pending = TRUE;
  g_mutex_unlock (&run->lock);
  if (schedule)
    g_main_context_invoke_full (run->context, G_PRIORITY_DEFAULT, deliver_progress,
                                g_object_ref (task), g_object_unref);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncRun *run = task_data;
  WmSimResult *result = g_new0 (WmSimResult, 1);
  GError *error = NULL;

  run->options.cancellable = cancellable;
  if (wm_simulation_run (run->program, &run->options, result, &error))
    g_task_return_pointer (task, result, (GDestroyNotify) wm_sim_result_free);
  else
    {
      wm_sim_result_free (result);
      g_task_return_error (task, error);
    }
}

void
wm_simulation_run_async (const WmSimProgram  *program,
                         const WmSimOptions  *options,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AsyncRun *run = g_new0 (AsyncRun, 1);

  run->program = (WmSimProgram *) program;
  run->options = *options;
  run->profiles_path = g_strdup (options->profiles_path);
  run->options.profiles_path = run->profiles_path;
  if (options->timeline != NULL)
    g_object_ref (options->timeline);
  run->context = g_main_context_ref_thread_default ();
  run->progress = options->progress;
  run->progress_data = options->progress_data;
  if (options->progress != NULL)
    {
      run->options.progress = thread_progress;
      run->options.progress_data = task;
    }
  g_mutex_init (&run->lock);

  g_task_set_source_tag (task, wm_simulation_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) async_run_free);
  g_task_run_in_thread (task, run_in_thread);
}

WmSimResult *
wm_simulation_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
