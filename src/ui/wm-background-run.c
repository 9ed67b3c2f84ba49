/* wm-background-run.c - a simulation run that leaves the interface a core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm_simulation_run_async() runs on a GLib pool thread at the interface's
 * priority, and its reader and worker threads then take both cores of a
 * two-core machine: the frame clock waits its turn (tests/bench/
 * bench-run-frames: frames 47 ms apart at the 95th percentile during a
 * 1,000,000-profile run). Here the run gets a thread of its own whose nice
 * value is raised before anything starts; the simulator's worker threads,
 * started from it, inherit it (Linux keeps the nice value per thread), so
 * the interface gets a core as soon as it wants one and the run still has
 * every cycle the interface leaves. A pool thread is not used: its raised
 * nice value could not be lowered again for the pool's next task.
 */

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "wm-background-run.h"

/* Niceness of the run's threads: the scheduler then gives a thread of the
 * interface (nice 0) about ten times their share of a contended core. */
#define RUN_NICE 10

typedef struct
{
  const WmSimProgram *program;     /* the caller keeps it alive */
  WmSimOptions        options;
  char               *profiles_path;
  GMainContext       *context;
  WmSimProgressFunc   progress;
  gpointer            progress_data;
  GMutex              lock;
  WmSimProgress       latest;
  gboolean            pending;
} Run;

static void
run_free (Run *run)
{
  g_free (run->profiles_path);
  g_clear_object (&run->options.timeline);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_mutex_clear (&run->lock);
  g_free (run);
}

static gboolean
deliver_progress (gpointer data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  WmSimProgress progress;

  g_mutex_lock (&run->lock);
  progress = run->latest;
  run->pending = FALSE;
  g_mutex_unlock (&run->lock);
  if (!g_task_get_completed (task))
    run->progress (&progress, run->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the run's thread: only the latest figures wait for the interface. */
static void
thread_progress (const WmSimProgress *progress,
                 gpointer             data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
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
lower_priority (void)
{
#ifdef __linux__
  id_t tid = (id_t) syscall (SYS_gettid);
  int now;

  /* Never raise it: a person may have started the app niced already. */
  errno = 0;
  now = getpriority (PRIO_PROCESS, tid);
  if (errno == 0 && now < RUN_NICE)
    (void) setpriority (PRIO_PROCESS, tid, RUN_NICE);
#endif
}

static gpointer
run_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  Run *run = g_task_get_task_data (task);
  WmSimResult *result = g_new0 (WmSimResult, 1);
  GError *error = NULL;

  lower_priority ();
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
wm_background_run_async (const WmSimProgram  *program,
                         const WmSimOptions  *options,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);
  GError *error = NULL;
  GThread *thread;

  g_return_if_fail (program != NULL);
  g_return_if_fail (options != NULL);

  run->program = program;
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
  g_task_set_source_tag (task, wm_background_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

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
wm_background_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
