/* wm-workspace-runs.c - simulation runs stored in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run is one row of `runs`, one row of `run_flows` per flow and one row
 * of `run_journeys` per journey that took part, written in one
 * transaction. A version's hash is taken from the
 * document the store holds, so "has the flow changed since" compares like
 * with like: the stored text then and the stored text now.
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wm-flow-io.h"
#include "wm-runs.h"
#include "wm-workspace-private.h"

static void
run_flow_free (WmRunFlow *flow)
{
  g_free (flow->flow_id);
  g_free (flow->hash);
  g_free (flow->document);
  g_free (flow);
}

static void
run_journey_free (WmRunJourney *journey)
{
  g_free (journey->journey_id);
  g_free (journey->hash);
  g_free (journey->document);
  g_free (journey);
}

WmRun *
wm_run_new (void)
{
  WmRun *run = g_new0 (WmRun, 1);

  run->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) run_flow_free);
  run->journeys = g_ptr_array_new_with_free_func ((GDestroyNotify) run_journey_free);
  run->seed = 1;
  return run;
}

void
wm_run_free (WmRun *run)
{
  if (run == NULL)
    return;
  g_free (run->name);
  g_free (run->profiles_path);
  g_free (run->params);
  g_free (run->report);
  g_free (run->origin);
  g_ptr_array_unref (run->flows);
  g_ptr_array_unref (run->journeys);
  g_free (run);
}

static WmRunFlow *
run_flow_new (const char *flow_id,
              guint       version,
              gboolean    tried)
{
  WmRunFlow *flow = g_new0 (WmRunFlow, 1);

  flow->flow_id = g_strdup (flow_id);
  flow->version = version;
  flow->tried = tried;
  return flow;
}

WmRun *
wm_run_copy (const WmRun *run)
{
  WmRun *copy;

  g_return_val_if_fail (run != NULL, NULL);

  copy = wm_run_new ();
  copy->id = run->id;
  copy->name = g_strdup (run->name);
  copy->profiles_path = g_strdup (run->profiles_path);
  copy->profiles_size = run->profiles_size;
  copy->profiles_mtime = run->profiles_mtime;
  copy->start = run->start;
  copy->end = run->end;
  copy->seed = run->seed;
  copy->params = g_strdup (run->params);
  for (guint i = 0; i < run->flows->len; i++)
    {
      const WmRunFlow *flow = g_ptr_array_index (run->flows, i);
      WmRunFlow *flow_copy = run_flow_new (flow->flow_id, flow->version, flow->tried);

      flow_copy->hash = g_strdup (flow->hash);
      flow_copy->document = g_strdup (flow->document);
      g_ptr_array_add (copy->flows, flow_copy);
    }
  for (guint i = 0; i < run->journeys->len; i++)
    {
      const WmRunJourney *journey = g_ptr_array_index (run->journeys, i);
      WmRunJourney *journey_copy = g_new0 (WmRunJourney, 1);

      journey_copy->journey_id = g_strdup (journey->journey_id);
      journey_copy->hash = g_strdup (journey->hash);
      journey_copy->document = g_strdup (journey->document);
      g_ptr_array_add (copy->journeys, journey_copy);
    }
  copy->report = g_strdup (run->report);
  copy->ran_at = run->ran_at;
  copy->duration_ms = run->duration_ms;
  copy->origin = g_strdup (run->origin);
  return copy;
}

void
wm_run_add_flow (WmRun      *run,
                 const char *flow_id,
                 guint       version,
                 gboolean    tried)
{
  g_return_if_fail (run != NULL && flow_id != NULL);

  g_ptr_array_add (run->flows, run_flow_new (flow_id, version, tried));
}

void
wm_run_add_journey (WmRun      *run,
                    const char *journey_id)
{
  WmRunJourney *journey;

  g_return_if_fail (run != NULL && journey_id != NULL);

  journey = g_new0 (WmRunJourney, 1);
  journey->journey_id = g_strdup (journey_id);
  g_ptr_array_add (run->journeys, journey);
}

char *
wm_run_hash_document (const char *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, document, -1);
}

char *
wm_run_default_name (const char *flow_name,
                     gint64      ran_at,
                     GTimeZone  *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ran_at);
  g_autoptr(GTimeZone) local = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *shown = NULL;

  if (utc == NULL)
    return g_strdup (flow_name != NULL ? flow_name : "");
  when = g_date_time_to_timezone (utc, local);
  /* Translators: the time a simulation ran, see g_date_time_format() */
  shown = g_date_time_format (when, _("%-e %B %Y %H:%M"));
  if (flow_name == NULL || *flow_name == '\0')
    /* Translators: a run's default name when its flow has no name */
    return g_strdup_printf (_("Run of %s"), shown);
  /* Translators: a run's default name: the flow's name and when it ran */
  return g_strdup_printf (_("%s, %s"), flow_name, shown);
}

gboolean
wm_run_stat_profiles (WmRun   *run,
                      GError **error)
{
  GStatBuf st;

  g_return_val_if_fail (run != NULL && run->profiles_path != NULL, FALSE);

  if (g_stat (run->profiles_path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO,
                   _("Could not read the profile file “%s”: %s"), run->profiles_path,
                   g_strerror (saved));
      return FALSE;
    }
  run->profiles_size = st.st_size;
  run->profiles_mtime = st.st_mtime;
  return TRUE;
}

gboolean
wm_run_profiles_changed (const WmRun *run)
{
  GStatBuf st;

  g_return_val_if_fail (run != NULL && run->profiles_path != NULL, TRUE);

  if (run->origin != NULL && *run->profiles_path == '\0')
    return FALSE;
  if (g_stat (run->profiles_path, &st) != 0)
    return TRUE;
  return st.st_size != run->profiles_size || (gint64) st.st_mtime != run->profiles_mtime;
}

/* The stored document of version @number of flow @id, or NULL (no error)
 * when there is none. */
static gboolean
read_version_document (WmWorkspace  *self,
                       const char   *id,
                       guint         number,
                       char        **document,
                       GError      **error)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, "SELECT document FROM versions WHERE flow_id = ? AND number = ?",
                                       error);
  int rc;

  *document = NULL;
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *document = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the workspace"), error);
      return FALSE;
    }
  return TRUE;
}

/* The stored document of journey @id, or NULL (no error) when there is
 * none. */
static gboolean
read_journey_document (WmWorkspace  *self,
                       const char   *id,
                       char        **document,
                       GError      **error)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, "SELECT document FROM journeys WHERE id = ?", error);
  int rc;

  *document = NULL;
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *document = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the workspace"), error);
      return FALSE;
    }
  return TRUE;
}

/* The journeys' rows of run @id: the stored journey file is the file as
 * simulated (journeys have no versions), so hash and document come from
 * the same text. */
static gboolean
insert_run_journeys (WmWorkspace *self,
                     const WmRun *run,
                     gint64       id,
                     GError     **error)
{
  for (guint i = 0; i < run->journeys->len; i++)
    {
      const WmRunJourney *journey = run->journeys->pdata[i];
      g_autofree char *document = NULL;
      g_autofree char *hash = NULL;
      sqlite3_stmt *stmt;

      if (!read_journey_document (self, journey->journey_id, &document, error))
        return FALSE;
      if (document == NULL)
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                       _("The workspace has no journey “%s”; save or import the journey before "
                         "storing its run"), journey->journey_id);
          return FALSE;
        }
      hash = wm_run_hash_document (document);
      stmt = _wm_db_prepare (self, "INSERT INTO run_journeys (run_id, position, journey_id, hash, document)"
                                   " VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, i);
      _wm_db_bind_text (stmt, 3, journey->journey_id);
      _wm_db_bind_text (stmt, 4, hash);
      _wm_db_bind_text (stmt, 5, document);
      if (!_wm_db_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
read_flow_name (WmWorkspace *self,
                const char  *id)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, "SELECT name FROM flows WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

/* Checked before anything is written: what the caller can fix. */
static gboolean
check_run (const WmRun *run,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if ((run->profiles_path == NULL || *run->profiles_path == '\0') && run->origin == NULL)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("The run has no profile file; choose the profiles it simulated"));
      return FALSE;
    }
  if (run->start >= run->end)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("The run’s window ends before it starts; choose an end after the start"));
      return FALSE;
    }
  if (run->flows->len == 0)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("The run names no flow; a run simulates at least one flow"));
      return FALSE;
    }
  if (run->report == NULL || !json_parser_load_from_data (parser, run->report, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", NULL),
                    "waymark.report") != 0)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("The run’s report is not a Waymark report; run the simulation again"));
      return FALSE;
    }
  if (run->params != NULL && !json_parser_load_from_data (parser, run->params, -1, NULL))
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("The run’s parameters are not JSON; reset them to the defaults"));
      return FALSE;
    }
  return TRUE;
}

/* @name, or "@name (2)", "(3)"… when a run already has it: two runs made
 * in the same minute would otherwise share their default name, and
 * "Compare with" could not tell them apart. */
static char *
unique_run_name (WmWorkspace *self,
                 const char  *name,
                 GError     **error)
{
  char *candidate = g_strdup (name);

  for (guint n = 2;; n++)
    {
      gboolean taken;

      if (!_wm_db_row_exists (self, "SELECT 1 FROM runs WHERE name = ?1", candidate,
                              _("Could not read the runs"), &taken, error))
        {
          g_free (candidate);
          return NULL;
        }
      if (!taken)
        return candidate;
      g_free (candidate);
      /* Translators: a run's name made unique: "Cart abandonment, 30 November 2026 14:05 (2)" */
      candidate = g_strdup_printf (_("%s (%u)"), name, n);
    }
}

static gboolean
insert_run (WmWorkspace *self,
            const WmRun *run,
            gint64      *id,
            GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, run->seed);
  gint64 ran_at = run->ran_at > 0 ? run->ran_at : _wm_workspace_now ();
  sqlite3_stmt *stmt;

  name = g_strstrip (g_strdup (run->name != NULL ? run->name : ""));
  if (*name == '\0')
    {
      const WmRunFlow *first = run->flows->pdata[0];
      g_autofree char *flow_name = read_flow_name (self, first->flow_id);

      g_free (name);
      name = wm_run_default_name (flow_name != NULL ? flow_name : first->flow_id, ran_at, NULL);
    }
  {
    char *unique = unique_run_name (self, name, error);

    if (unique == NULL)
      return FALSE;
    g_free (name);
    name = unique;
  }

  stmt = _wm_db_prepare (self,
                         "INSERT INTO runs (name, profiles_path, profiles_size, profiles_mtime, window_start,"
                         " window_end, seed, params, report, ran_at, duration_ms, origin)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, name);
  _wm_db_bind_text (stmt, 2, run->profiles_path != NULL ? run->profiles_path : "");
  sqlite3_bind_int64 (stmt, 3, run->profiles_size);
  sqlite3_bind_int64 (stmt, 4, run->profiles_mtime);
  sqlite3_bind_int64 (stmt, 5, run->start);
  sqlite3_bind_int64 (stmt, 6, run->end);
  _wm_db_bind_text (stmt, 7, seed);
  _wm_db_bind_text (stmt, 8, run->params != NULL ? run->params : "{}");
  _wm_db_bind_text (stmt, 9, run->report);
  sqlite3_bind_int64 (stmt, 10, ran_at);
  sqlite3_bind_int64 (stmt, 11, run->duration_ms);
  if (run->origin != NULL)
    _wm_db_bind_text (stmt, 12, run->origin);
  else
    sqlite3_bind_null (stmt, 12);
  if (!_wm_db_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < run->flows->len; i++)
    {
      const WmRunFlow *flow = run->flows->pdata[i];
      g_autofree char *version_document = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *file = NULL;
      g_autoptr(WmFlow) stored = NULL;

      if (!read_version_document (self, flow->flow_id, flow->version, &version_document, error))
        return FALSE;
      if (version_document == NULL)
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                       _("The workspace has no version %u of the flow “%s”; save the flow before "
                         "storing its run"), flow->version, flow->flow_id);
          return FALSE;
        }
      hash = wm_run_hash_document (version_document);
      stored = _wm_workspace_read_flow (self, flow->flow_id, NULL, error);
      if (stored == NULL)
        return FALSE;
      file = wm_flow_to_canonical (stored, NULL);

      stmt = _wm_db_prepare (self, "INSERT INTO run_flows (run_id, position, flow_id, number, hash, tried, document)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_int64 (stmt, 2, i);
      _wm_db_bind_text (stmt, 3, flow->flow_id);
      sqlite3_bind_int64 (stmt, 4, flow->version);
      _wm_db_bind_text (stmt, 5, hash);
      sqlite3_bind_int (stmt, 6, flow->tried ? 1 : 0);
      _wm_db_bind_text (stmt, 7, file);
      if (!_wm_db_step_done (self, stmt, error))
        return FALSE;
    }
  return insert_run_journeys (self, run, *id, error);
}

gint64
wm_workspace_add_run (WmWorkspace *self,
                      const WmRun *run,
                      GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (run != NULL, 0);

  if (!check_run (run, error) || !_wm_db_begin (self, error))
    return 0;
  if (!insert_run (self, run, &id, error))
    {
      _wm_db_rollback (self);
      return 0;
    }
  if (!_wm_db_commit (self, error))
    return 0;
  _wm_workspace_runs_changed (self);
  return id;
}

/* The run's flows; their files too when @documents. */
static gboolean
read_run_flows (WmWorkspace *self,
                WmRun       *run,
                gboolean     documents,
                GError     **error)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, "SELECT flow_id, number, hash, tried,"
                                             " CASE WHEN ? THEN document END"
                                             " FROM run_flows WHERE run_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, documents ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, run->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmRunFlow *flow = run_flow_new ((const char *) sqlite3_column_text (stmt, 0),
                                      (guint) sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_int (stmt, 3) != 0);

      flow->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      flow->document = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (run->flows, flow);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the runs"), error);
      return FALSE;
    }
  return TRUE;
}

/* The run's journeys; their files too when @documents. */
static gboolean
read_run_journeys (WmWorkspace *self,
                   WmRun       *run,
                   gboolean     documents,
                   GError     **error)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, "SELECT journey_id, hash, CASE WHEN ? THEN document END"
                                             " FROM run_journeys WHERE run_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, documents ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, run->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmRunJourney *journey;

      wm_run_add_journey (run, (const char *) sqlite3_column_text (stmt, 0));
      journey = run->journeys->pdata[run->journeys->len - 1];
      journey->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      journey->document = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the runs"), error);
      return FALSE;
    }
  return TRUE;
}

/* Columns 0..11 of the run queries below. */
static WmRun *
run_from_row (sqlite3_stmt *stmt)
{
  WmRun *run = wm_run_new ();

  run->id = sqlite3_column_int64 (stmt, 0);
  run->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  run->profiles_path = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  run->profiles_size = sqlite3_column_int64 (stmt, 3);
  run->profiles_mtime = sqlite3_column_int64 (stmt, 4);
  run->start = sqlite3_column_int64 (stmt, 5);
  run->end = sqlite3_column_int64 (stmt, 6);
  run->seed = g_ascii_strtoull ((const char *) sqlite3_column_text (stmt, 7), NULL, 10);
  run->params = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  run->ran_at = sqlite3_column_int64 (stmt, 9);
  run->duration_ms = sqlite3_column_int64 (stmt, 10);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    run->origin = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  return run;
}

GPtrArray *
wm_workspace_list_runs (WmWorkspace *self,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_run_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  stmt = _wm_db_prepare (self, "SELECT id, name, profiles_path, profiles_size, profiles_mtime, window_start,"
                               " window_end, seed, params, ran_at, duration_ms, origin FROM runs"
                               " ORDER BY ran_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, run_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the runs"), error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    if (!read_run_flows (self, list->pdata[i], FALSE, error)
        || !read_run_journeys (self, list->pdata[i], FALSE, error))
      return NULL;
  return g_steal_pointer (&list);
}

static void
set_run_not_found (gint64   id,
                   GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no run %s in the workspace; it may have been deleted"), number);
}

WmRun *
wm_workspace_get_run (WmWorkspace *self,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(WmRun) run = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  stmt = _wm_db_prepare (self, "SELECT id, name, profiles_path, profiles_size, profiles_mtime, window_start,"
                               " window_end, seed, params, ran_at, duration_ms, origin, report FROM runs WHERE id = ?",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      run = run_from_row (stmt);
      run->report = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the runs"), error);
      return NULL;
    }
  if (run == NULL)
    {
      set_run_not_found (id, error);
      return NULL;
    }
  if (!read_run_flows (self, run, TRUE, error) || !read_run_journeys (self, run, TRUE, error))
    return NULL;
  return g_steal_pointer (&run);
}

/* Runs @sql (binding @text, then @id) in a transaction; NOT_FOUND when no
 * row changed. */
static gboolean
change_run (WmWorkspace *self,
            const char  *sql,
            gint64       id,
            const char  *text,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int index = 1;

  if (!_wm_db_begin (self, error))
    return FALSE;
  stmt = _wm_db_prepare (self, sql, error);
  if (stmt == NULL)
    goto fail;
  if (text != NULL)
    _wm_db_bind_text (stmt, index++, text);
  sqlite3_bind_int64 (stmt, index, id);
  if (!_wm_db_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      set_run_not_found (id, error);
      goto fail;
    }
  if (!_wm_db_commit (self, error))
    return FALSE;
  _wm_workspace_runs_changed (self);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

gboolean
wm_workspace_rename_run (WmWorkspace *self,
                         gint64       id,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);

  clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*clean == '\0')
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("A run needs a name; type one"));
      return FALSE;
    }
  return change_run (self, "UPDATE runs SET name = ? WHERE id = ?", id, clean, error);
}

gboolean
wm_workspace_delete_run (WmWorkspace *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);

  return change_run (self, "DELETE FROM runs WHERE id = ?", id, NULL, error);
}

gboolean
wm_workspace_check_run_flow (WmWorkspace    *self,
                             gint64          id,
                             const char     *flow_id,
                             WmRunFlowState *state,
                             GError        **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *document = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  guint number = 0;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (flow_id != NULL && state != NULL, FALSE);

  stmt = _wm_db_prepare (self, "SELECT number, hash FROM run_flows WHERE run_id = ? AND flow_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _wm_db_bind_text (stmt, 2, flow_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      number = (guint) sqlite3_column_int64 (stmt, 0);
      hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the runs"), error);
      return FALSE;
    }
  if (hash == NULL)
    {
      g_autofree char *number_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("Run %s did not simulate the flow “%s”"), number_text, flow_id);
      return FALSE;
    }
  if (!read_version_document (self, flow_id, number, &document, error))
    return FALSE;
  if (document == NULL)
    {
      *state = WM_RUN_FLOW_GONE;
      return TRUE;
    }
  now = wm_run_hash_document (document);
  *state = g_str_equal (now, hash) ? WM_RUN_FLOW_SAME : WM_RUN_FLOW_CHANGED;
  return TRUE;
}
