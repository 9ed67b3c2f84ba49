/* wm-journey-customers.c - the customers in one state of a journey stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each profile is simulated alone without a timeline, and its state is read
 * from the engine's own counters: the worker adds one to the stage's
 * `waiting`, `on_track`, ... counter exactly when the report would, so the
 * counts found equal the report's by construction and no text is written
 * or parsed for the many profiles that are not listed. Only the (at most
 * @limit) listed customers are simulated again with their Timeline lines,
 * in a second pass over the file up to the last of them, to tell when
 * their stage began.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "wm-journey-customers.h"
#include "wm-profile-reader.h"
#include "wm-sim-engine.h"
#include "wm-time.h"

/* How many profiles are simulated between two looks at the cancellable. */
#define CANCEL_EVERY 256

typedef struct
{
  const WmSimProgram *program;
  char               *path;
  const char         *journey_id;   /* the program's */
  const char         *stage_id;
  guint               counter;      /* offset of the state's stage counter */
  WmStageState        state;
  guint               limit;
  GArray             *lines;        /* guint64: the listed profiles' lines */
  guint               n_total;
} Scan;

static void
scan_free (Scan *scan)
{
  g_free (scan->path);
  g_array_unref (scan->lines);
  g_free (scan);
}

void
wm_stage_customer_free (WmStageCustomer *c)
{
  if (c == NULL)
    return;
  g_free (c->profile_id);
  g_free (c);
}

static guint
state_field (WmStageState state)
{
  switch (state)
    {
    case WM_STAGE_WAITING:
      return WM_SIM_SF_WAITING;
    case WM_STAGE_ON_TRACK:
      return WM_SIM_SF_ON_TRACK;
    case WM_STAGE_BEHIND:
      return WM_SIM_SF_BEHIND;
    case WM_STAGE_STUCK:
      return WM_SIM_SF_STUCK;
    case WM_STAGE_COMPLETED_ON_TIME:
      return WM_SIM_SF_COMPLETED_ON_TIME;
    case WM_STAGE_COMPLETED_LATE:
    default:
      return WM_SIM_SF_COMPLETED_LATE;
    }
}

/* When the listed customer's stage began (or was triggered, for a waiting
 * stage), read from its Timeline lines; 0 when none says so. */
static gint64
since_from_timeline (Scan       *scan,
                     JsonParser *parser,
                     const char *timeline)
{
  const char *wanted = scan->state == WM_STAGE_WAITING ? "triggered" : "began";
  const char *line = timeline;

  while (*line != '\0')
    {
      const char *newline = strchr (line, '\n');
      gsize len = newline != NULL ? (gsize) (newline - line) : strlen (line);

      /* Only stage lines matter; the keys' order is fixed. */
      if (g_strstr_len (line, len, ",\"step\":\"stage\",") != NULL
          && json_parser_load_from_data (parser, line, len, NULL)
          && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *step = json_node_get_object (json_parser_get_root (parser));
          gint64 at = 0;

          if (g_strcmp0 (json_object_get_string_member_with_default (step, "journey", ""), scan->journey_id) == 0
              && g_strcmp0 (json_object_get_string_member_with_default (step, "stage", ""), scan->stage_id) == 0
              && g_strcmp0 (json_object_get_string_member_with_default (step, "result", ""), wanted) == 0
              && wm_timestamp_parse (json_object_get_string_member_with_default (step, "at", ""), -1, &at))
            return at;
        }
      if (newline == NULL)
        break;
      line = newline + 1;
    }
  return 0;
}

static gboolean
cancelled (guint64       n,
           GCancellable *cancellable,
           GError      **error)
{
  return n % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The first pass: every profile, counters only. */
static gboolean
count_customers (Scan         *scan,
                 GPtrArray    *found,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_autoptr(WmProfileReader) reader = wm_profile_reader_open (scan->path, error);
  g_autoptr(WmSimWorker) worker = NULL;
  guint64 n = 0;

  if (reader == NULL)
    return FALSE;
  worker = wm_sim_worker_new (scan->program);
  for (;;)
    {
      g_autoptr(WmProfile) profile = NULL;
      const char *reason = NULL;
      guint64 line = 0;
      gint64 before;

      if (cancelled (n++, cancellable, error))
        return FALSE;
      switch (wm_profile_reader_next (reader, &profile, &line, &reason, error))
        {
        case WM_PROFILE_READ_PROFILE:
          before = wm_sim_worker_get_counters (worker)[scan->counter];
          wm_sim_worker_run_profile (worker, profile, NULL);
          if (wm_sim_worker_get_counters (worker)[scan->counter] == before)
            break;
          scan->n_total++;
          if (found->len < scan->limit)
            {
              WmStageCustomer *c = g_new0 (WmStageCustomer, 1);
              guint64 at = wm_profile_get_line (profile);

              c->profile_id = g_strdup (wm_profile_get_id (profile, NULL));
              g_ptr_array_add (found, c);
              g_array_append_val (scan->lines, at);
            }
          break;
        case WM_PROFILE_READ_REJECTED:
          break;
        case WM_PROFILE_READ_END:
          return TRUE;
        case WM_PROFILE_READ_ERROR:
        default:
          return FALSE;
        }
    }
}

/* The second pass: the listed profiles again, with their Timeline lines,
 * reading the file no further than the last of them. */
static gboolean
find_since (Scan         *scan,
            GPtrArray    *found,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(WmProfileReader) reader = NULL;
  g_autoptr(WmSimWorker) worker = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint next = 0;
  guint64 n = 0;

  if (found->len == 0)
    return TRUE;
  reader = wm_profile_reader_open (scan->path, error);
  if (reader == NULL)
    return FALSE;
  worker = wm_sim_worker_new (scan->program);
  while (next < found->len)
    {
      g_autoptr(WmProfile) profile = NULL;
      const char *reason = NULL;
      guint64 line = 0;

      if (cancelled (n++, cancellable, error))
        return FALSE;
      switch (wm_profile_reader_next (reader, &profile, &line, &reason, error))
        {
        case WM_PROFILE_READ_PROFILE:
          if (wm_profile_get_line (profile) == g_array_index (scan->lines, guint64, next))
            {
              g_autoptr(GString) timeline = g_string_new (NULL);
              WmStageCustomer *c = found->pdata[next++];

              wm_sim_worker_run_profile (worker, profile, timeline);
              c->since = since_from_timeline (scan, parser, timeline->str);
            }
          break;
        case WM_PROFILE_READ_REJECTED:
          break;
        case WM_PROFILE_READ_END:
          g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_IO,
                       _("The profile file “%s” changed while it was read; look for the customers again"),
                       scan->path);
          return FALSE;
        case WM_PROFILE_READ_ERROR:
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Scan *scan = task_data;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_stage_customer_free);
  GError *error = NULL;

  if (!count_customers (scan, found, cancellable, &error)
      || !find_since (scan, found, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

/* The stage's counter for @state, or FALSE with an error naming what the
 * run lacks. */
static gboolean
find_counter (Scan        *scan,
              const char  *journey_id,
              const char  *stage_id,
              GError     **error)
{
  for (guint j = 0; j < scan->program->n_journeys; j++)
    {
      const WmSimJourney *sj = &scan->program->journeys[j];

      if (!g_str_equal (sj->id, journey_id))
        continue;
      for (guint s = 0; s < sj->n_stages; s++)
        if (g_str_equal (sj->stages[s].id, stage_id))
          {
            scan->journey_id = sj->id;
            scan->stage_id = sj->stages[s].id;
            scan->counter = sj->stages[s].counters + state_field (scan->state);
            return TRUE;
          }
      g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                   _("The journey “%s” of the run has no stage “%s”; choose one of its stages"),
                   journey_id, stage_id);
      return FALSE;
    }
  g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
               _("The run has no journey “%s”; choose a run that simulated it"), journey_id);
  return FALSE;
}

void
wm_stage_customers_async (const WmSimProgram  *program,
                          const char          *profiles_path,
                          const char          *journey_id,
                          const char          *stage_id,
                          WmStageState         state,
                          guint                limit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Scan *scan;

  g_return_if_fail (program != NULL && profiles_path != NULL);
  g_return_if_fail (journey_id != NULL && stage_id != NULL);
  g_return_if_fail (state <= WM_STAGE_COMPLETED_LATE);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wm_stage_customers_async);
  /* The scan notices a cancellation every CANCEL_EVERY profiles; a scan
   * that finished before its cancellation was seen still reports
   * G_IO_ERROR_CANCELLED (GTask checks the cancellable when the result is
   * taken), as GIO callers expect: who cancelled wants no list. */
  scan = g_new0 (Scan, 1);
  scan->program = program;
  scan->path = g_strdup (profiles_path);
  scan->state = state;
  scan->limit = limit;
  scan->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_task_set_task_data (task, scan, (GDestroyNotify) scan_free);
  if (!find_counter (scan, journey_id, stage_id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, scan_thread);
}

GPtrArray *
wm_stage_customers_finish (GAsyncResult  *result,
                           guint         *n_total,
                           GError       **error)
{
  GTask *task = G_TASK (result);
  GPtrArray *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == wm_stage_customers_async, NULL);

  found = g_task_propagate_pointer (task, error);
  if (n_total != NULL)
    *n_total = found != NULL ? ((Scan *) g_task_get_task_data (task))->n_total : 0;
  return found;
}
