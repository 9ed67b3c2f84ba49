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

#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <glib/gstdio.h>

#include "wm-csv-reader.h"
#include "wm-profile-reader.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"

#define REJECTIONS_KEPT 100
/* A chunk is the unit a worker takes: small enough that waiting for the
 * previous chunk's commit costs little, large enough that the lock is
 * taken rarely. */
#define CHUNK_LINES 256
#define CHUNK_MAX_BYTES (8 * 1024 * 1024)
/* Chunks whose timeline may wait to be written, per thread. */
#define WINDOW_PER_THREAD 4
#define PROGRESS_EVERY 4096

typedef struct
{
  WmProfile *profile;
  char      *reason;
  guint64    line;
} Parsed;

typedef struct _Run Run;

/* A worker thread's own state: it reads, parses, commits (in its turn),
 * simulates and frees its chunk, so nothing allocated on one thread is
 * freed on another and no thread is started per batch. */
typedef struct
{
  Run             *run;
  guint            index;       /* 0: the calling thread */
  WmSimWorker     *sim;
  WmProfileParser *parser;
  WmLineBatch     *lines;
  Parsed          *parsed;      /* CHUNK_LINES */
  WmProfile      **profiles;    /* CHUNK_LINES: the accepted ones, in file order */
  GError          *chunk_error; /* raised in this chunk's commit turn */
} Worker;

struct _Run
{
  const WmSimOptions *options;
  WmSimResult        *result;
  guint64             size;          /* file bytes, for progress */
  gint64              started;
  GMutex              lock;
  GCond               moved;         /* committed or written moved on, or stop */
  /* Everything below is under lock. */
  WmLineReader       *lines;
  WmProfileReader    *csv;
  WmIdSet            *ids;
  guint64             next_ticket;   /* chunks handed out, in file order */
  guint64             committed;     /* chunks whose ids and rejections are settled */
  guint64             written;       /* chunks whose timeline is written */
  gboolean            read_end;      /* the file is read (or could not be) */
  gboolean            stop;          /* an error: hand out nothing more */
  GError             *error;         /* the first error, in file order */
  guint64             profiles_done;
  guint64             events_done;
  guint64             progress_at;
  /* The timeline window: chunk k's lines in slots[k % window]. */
  guint               window;
  GString           **slots;
  gboolean           *slot_done;
};

static void
stop_with (Run    *run,
           GError *error)   /* taken */
{
  if (run->error == NULL)
    run->error = error;
  else
    g_error_free (error);
  run->stop = TRUE;
  g_cond_broadcast (&run->moved);
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

/* CSV, under the lock: the reader checks the profiles and their ids itself
 * (CSV profiles have no events), so reading them in ticket order is their
 * commit. */
static guint
read_csv_chunk (Worker *wk)
{
  Run *run = wk->run;
  guint n = 0;

  while (n < CHUNK_LINES)
    {
      WmProfile *profile = NULL;
      guint64 line = 0;
      const char *why = NULL;

      switch (wm_profile_reader_next (run->csv, &profile, &line, &why, &wk->chunk_error))
        {
        case WM_PROFILE_READ_PROFILE:
          wk->profiles[n++] = profile;
          break;
        case WM_PROFILE_READ_REJECTED:
          if (!reject (run->result, run->options, line, g_strdup (why), &wk->chunk_error))
            {
              run->read_end = TRUE;
              return n;
            }
          break;
        case WM_PROFILE_READ_ERROR:
        case WM_PROFILE_READ_END:
        default:
          run->read_end = TRUE;
          return n;
        }
    }
  return n;
}

static void
parse_chunk (Worker *wk)
{
  for (guint i = 0; i < wk->lines->n_lines; i++)
    {
      const WmLine *line = &wk->lines->lines[i];
      Parsed *p = &wk->parsed[i];

      p->line = line->number;
      p->profile = wm_profile_parser_parse (wk->parser, line->data, line->len, line->too_long,
                                            line->number, &p->reason);
    }
}

static void
clear_parsed (Worker *wk,
              guint   from)
{
  for (guint k = from; k < wk->lines->n_lines; k++)
    {
      g_clear_pointer (&wk->parsed[k].profile, wm_profile_free);
      g_clear_pointer (&wk->parsed[k].reason, g_free);
    }
}

/* Under the lock, in this chunk's turn: a rejected line does not reserve
 * its id. Returns the number of accepted profiles. */
static guint
commit_chunk (Worker *wk)
{
  Run *run = wk->run;
  guint n = 0;

  for (guint i = 0; i < wk->lines->n_lines; i++)
    {
      Parsed *p = &wk->parsed[i];
      GError *error = NULL;

      if (p->profile != NULL)
        {
          gsize len;
          const char *id = wm_profile_get_id (p->profile, &len);

          if (wm_id_set_add (run->ids, id, len))
            {
              wk->profiles[n++] = g_steal_pointer (&p->profile);
              continue;
            }
          g_clear_pointer (&p->profile, wm_profile_free);
          p->reason = g_strdup (WM_PROFILE_DUPLICATE_ID_REASON);
        }
      if (!reject (run->result, run->options, p->line, g_steal_pointer (&p->reason), &error))
        {
          clear_parsed (wk, i + 1);
          stop_with (run, error);
          return n;
        }
    }
  return n;
}

/* Under the lock: hands this chunk's timeline over and writes every
 * finished one that is next in file order. */
static void
write_turn (Run    *run,
            guint64 ticket)
{
  run->slot_done[ticket % run->window] = TRUE;
  while (!run->stop && run->slot_done[run->written % run->window])
    {
      GString *slot = run->slots[run->written % run->window];
      GError *error = NULL;

      if (slot->len > 0
          && !g_output_stream_write_all (run->options->timeline, slot->str, slot->len, NULL,
                                         run->options->cancellable, &error))
        stop_with (run, error);
      g_string_truncate (slot, 0);
      run->slot_done[run->written % run->window] = FALSE;
      run->written++;
    }
  g_cond_broadcast (&run->moved);
}

/* Under the lock; the calling thread only. */
static void
report_progress (Run     *run,
                 gboolean finished)
{
  WmSimProgress progress = { 0 };
  guint64 offset = run->lines != NULL ? wm_line_reader_get_offset (run->lines) : 0;

  run->progress_at = run->profiles_done;
  progress.events = run->events_done;
  progress.profiles = run->profiles_done;
  progress.seconds = (g_get_monotonic_time () - run->started) / 1e6;
  progress.events_per_second = progress.seconds > 0 ? progress.events / progress.seconds : 0;
  progress.fraction = finished ? 1.0 : run->size > 0 ? (double) offset / run->size : 0;
  progress.eta_seconds = progress.fraction > 0
                         ? progress.seconds * (1 - progress.fraction) / progress.fraction : -1;
  run->options->progress (&progress, run->options->progress_data);
}

static gpointer
work (gpointer data)
{
  Worker *wk = data;
  Run *run = wk->run;
  const WmSimOptions *options = run->options;

  g_mutex_lock (&run->lock);
  for (;;)
    {
      guint64 ticket, events_before;
      GError *error = NULL;
      guint n = 0;

      /* Take the next chunk of lines, in file order. */
      if (!run->stop && g_cancellable_set_error_if_cancelled (options->cancellable, &error))
        stop_with (run, error);
      while (!run->stop && !run->read_end && run->slots != NULL
             && run->next_ticket - run->written >= run->window)
        g_cond_wait (&run->moved, &run->lock);
      if (run->stop || run->read_end)
        break;
      ticket = run->next_ticket++;
      if (run->csv != NULL)
        n = read_csv_chunk (wk);
      else if (!wm_line_reader_fill_batch (run->lines, wk->lines, CHUNK_LINES, CHUNK_MAX_BYTES,
                                           &wk->chunk_error))
        {
          run->read_end = TRUE;
          wk->lines->n_lines = 0;
        }
      g_mutex_unlock (&run->lock);

      parse_chunk (wk);

      /* Commit in file order. */
      g_mutex_lock (&run->lock);
      while (!run->stop && run->committed != ticket)
        g_cond_wait (&run->moved, &run->lock);
      if (run->stop)
        {
          clear_parsed (wk, 0);
          for (guint i = 0; i < n; i++)
            g_clear_pointer (&wk->profiles[i], wm_profile_free);
          break;
        }
      if (run->csv == NULL)
        n = commit_chunk (wk);
      if (wk->chunk_error != NULL)
        stop_with (run, g_steal_pointer (&wk->chunk_error));
      run->result->profiles += n;
      run->committed++;
      g_cond_broadcast (&run->moved);
      g_mutex_unlock (&run->lock);

      /* Simulate, then free what this thread allocated. */
      events_before = wm_sim_worker_get_events (wk->sim);
      for (guint i = 0; i < n; i++)
        {
          wm_sim_worker_run_profile (wk->sim, wk->profiles[i],
                                     run->slots != NULL ? run->slots[ticket % run->window] : NULL);
          g_clear_pointer (&wk->profiles[i], wm_profile_free);
        }

      g_mutex_lock (&run->lock);
      run->profiles_done += n;
      run->events_done += wm_sim_worker_get_events (wk->sim) - events_before;
      if (run->slots != NULL)
        write_turn (run, ticket);
      if (wk->index == 0 && options->progress != NULL && !run->stop
          && run->profiles_done - run->progress_at >= PROGRESS_EVERY)
        report_progress (run, FALSE);
    }
  g_mutex_unlock (&run->lock);
  return NULL;
}

gboolean
wm_simulation_run (const WmSimProgram *program,
                   const WmSimOptions *options,
                   WmSimResult        *result,
                   GError            **error)
{
  guint threads = options->threads > 0 ? options->threads : g_get_num_processors ();
  g_autoptr(GPtrArray) sims = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_sim_worker_free);
  g_autofree Worker *workers = g_new0 (Worker, threads);
  g_autofree GThread **running = g_new0 (GThread *, threads);
  Run run = { 0 };
  GStatBuf st;

  memset (result, 0, sizeof *result);
  result->rejections = g_array_new (FALSE, FALSE, sizeof (WmSimRejection));
  run.options = options;
  run.result = result;
  run.started = g_get_monotonic_time ();

  if (g_str_has_suffix (options->profiles_path, ".csv") || g_str_has_suffix (options->profiles_path, ".CSV"))
    run.csv = wm_profile_reader_open (options->profiles_path, error);
  else
    run.lines = wm_line_reader_open (options->profiles_path, error);
  if (run.csv == NULL && run.lines == NULL)
    return FALSE;
  run.ids = wm_id_set_new ();
  if (g_stat (options->profiles_path, &st) == 0)
    run.size = st.st_size;
  g_mutex_init (&run.lock);
  g_cond_init (&run.moved);
  if (options->timeline != NULL)
    {
      run.window = WINDOW_PER_THREAD * threads;
      run.slots = g_new0 (GString *, run.window);
      run.slot_done = g_new0 (gboolean, run.window);
      for (guint i = 0; i < run.window; i++)
        run.slots[i] = g_string_new (NULL);
    }

  for (guint i = 0; i < threads; i++)
    {
      Worker *wk = &workers[i];

      wk->run = &run;
      wk->index = i;
      wk->sim = wm_sim_worker_new (program);
      g_ptr_array_add (sims, wk->sim);
      wk->parser = wm_profile_parser_new ();
      wk->lines = wm_line_batch_new ();
      wk->parsed = g_new0 (Parsed, CHUNK_LINES);
      wk->profiles = g_new0 (WmProfile *, CHUNK_LINES);
    }
  for (guint i = 1; i < threads; i++)
    running[i] = g_thread_new ("waymark-sim", work, &workers[i]);
  work (&workers[0]);
  for (guint i = 1; i < threads; i++)
    g_thread_join (running[i]);

  if (run.error == NULL && options->progress != NULL)
    report_progress (&run, TRUE);

  for (guint i = 0; i < threads; i++)
    {
      wm_profile_parser_free (workers[i].parser);
      wm_line_batch_free (workers[i].lines);
      g_free (workers[i].parsed);
      g_free (workers[i].profiles);
      g_clear_error (&workers[i].chunk_error);
    }
  for (guint i = 0; i < run.window; i++)
    g_string_free (run.slots[i], TRUE);
  g_free (run.slots);
  g_free (run.slot_done);
  g_clear_pointer (&run.lines, wm_line_reader_free);
  g_clear_pointer (&run.csv, wm_profile_reader_free);
  g_clear_pointer (&run.ids, wm_id_set_free);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.moved);

  if (run.error != NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }

  for (guint i = 1; i < sims->len; i++)
    wm_sim_worker_merge (sims->pdata[0], sims->pdata[i]);
  result->events = wm_sim_worker_get_events (sims->pdata[0]);
  result->report = wm_sim_report_build (program, sims->pdata[0], result->profiles, result->rejected_lines);
  result->results = g_ptr_array_steal_index (sims, 0);
  result->seconds = (g_get_monotonic_time () - run.started) / 1e6;
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

/* Raises the calling thread's nice value to @nice, never lowers it (a
 * person may have started the app niced already). */
static void
lower_priority (int nice)
{
#ifdef __linux__
  id_t tid = (id_t) syscall (SYS_gettid);
  int now;

  if (nice <= 0)
    return;
  errno = 0;
  now = getpriority (PRIO_PROCESS, tid);
  if (errno == 0 && now < nice)
    (void) setpriority (PRIO_PROCESS, tid, nice);
#endif
}

static gpointer
run_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  AsyncRun *run = g_task_get_task_data (task);
  WmSimResult *result = g_new0 (WmSimResult, 1);
  GError *error = NULL;

  lower_priority (run->options.nice);
  run->options.cancellable = g_task_get_cancellable (task);
  if (wm_simulation_run (run->program, &run->options, result, &error))
    g_task_return_pointer (task, result, (GDestroyNotify) wm_sim_result_free);
  else
    {
      wm_sim_result_free (result);
      g_task_return_error (task, error);
    }
  return NULL;
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
  GError *error = NULL;
  GThread *thread;

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
  thread = g_thread_try_new ("waymark-run", run_thread, g_object_ref (task), &error);
  if (thread == NULL)
    {
      g_object_unref (task);   /* the thread's reference */
      g_task_return_error (task, error);
      return;
    }
  g_thread_unref (thread);
}

WmSimResult *
wm_simulation_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
