/* wm-store-db.c - the workspace's sqlite file: checks, schema, migrations,
 * transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is recognised by its sqlite header and PRAGMA application_id
 * before sqlite opens it for writing, and checked (schema version,
 * quick_check) on a read-only connection: a file that is not a workspace,
 * is damaged or is newer is never written to, not even by a WAL
 * checkpoint on close.
 *
 * Durability: WAL with synchronous=NORMAL. A commit that returned is in
 * the WAL file, so it survives the process being killed (the crash-safety
 * test); only a power cut can lose the last commits, never corrupt.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "wm-workspace-private.h"

/* How long one statement waits for another program's lock, and how often a
 * BEGIN IMMEDIATE that still found the file busy is tried again. */
#define BUSY_TIMEOUT_MS 5000
#define BEGIN_ATTEMPTS  4

/* migrations[i] takes a file from user_version i to i + 1. A new file runs
 * them all. Never change a released step: add one (and a fixture of the
 * version before it in tests/store/data). */
static const char * const migrations[WM_WORKSPACE_SCHEMA_VERSION] = {
  /* 0 -> 1 */
  "CREATE TABLE flows ("
  "  id            TEXT PRIMARY KEY NOT NULL,"
  "  name          TEXT NOT NULL DEFAULT '',"
  "  header        TEXT NOT NULL,"            /* canonical JSON, without versions */
  "  latest_number INTEGER NOT NULL,"
  "  latest_status TEXT NOT NULL,"
  "  entry_type    TEXT,"                     /* of the latest version */
  "  next_due      INTEGER,"                  /* when apply_schedule has work */
  "  created_at    INTEGER NOT NULL,"
  "  changed_at    INTEGER NOT NULL);"
  "CREATE INDEX flows_by_name ON flows (name COLLATE NOCASE, id);"
  "CREATE INDEX flows_by_due ON flows (next_due) WHERE next_due IS NOT NULL;"
  "CREATE TABLE versions ("
  "  flow_id  TEXT NOT NULL REFERENCES flows (id) ON DELETE CASCADE,"
  "  number   INTEGER NOT NULL,"
  "  status   TEXT NOT NULL,"
  "  document TEXT NOT NULL,"                 /* canonical JSON of the version */
  "  PRIMARY KEY (flow_id, number)) WITHOUT ROWID;"
  "CREATE TABLE milestones ("
  "  id          TEXT PRIMARY KEY NOT NULL,"
  "  name        TEXT NOT NULL,"
  "  name_key    TEXT NOT NULL UNIQUE,"       /* case-folded name */
  "  description TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE outcomes ("
  "  id          TEXT PRIMARY KEY NOT NULL,"
  "  name        TEXT NOT NULL,"
  "  name_key    TEXT NOT NULL UNIQUE,"
  "  description TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE templates ("
  "  id          TEXT PRIMARY KEY NOT NULL,"
  "  name        TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  document    TEXT NOT NULL,"              /* a flow file, one draft version */
  "  created_at  INTEGER NOT NULL);",

  /* 1 -> 2: which versions use which milestone, so that deleting one is
   * checked without reading every version. Filled from the stored
   * documents. */
  "CREATE TABLE version_milestones ("
  "  flow_id      TEXT NOT NULL,"
  "  number       INTEGER NOT NULL,"
  "  milestone_id TEXT NOT NULL,"
  "  PRIMARY KEY (flow_id, number, milestone_id),"
  "  FOREIGN KEY (flow_id, number) REFERENCES versions (flow_id, number) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX version_milestones_by_milestone ON version_milestones (milestone_id);"
  "INSERT OR IGNORE INTO version_milestones"
  "  SELECT v.flow_id, v.number, json_extract (e.value, '$.config.milestone')"
  "  FROM versions v, json_each (v.document, '$.elements') e"
  "  WHERE json_extract (e.value, '$.type') = 'milestone'"
  "    AND json_type (e.value, '$.config.milestone') = 'text';",

  /* 2 -> 3: simulation runs. A run's flows are not foreign keys: a run
   * outlives the flow it simulated (it then says the flow is gone), and
   * keeps the flow file it simulated so that a customer's timeline can be
   * made again with the same inputs. The seed is text because it is an
   * unsigned 64-bit number. */
  "CREATE TABLE runs ("
  "  id             INTEGER PRIMARY KEY,"
  "  name           TEXT NOT NULL,"
  "  profiles_path  TEXT NOT NULL,"
  "  profiles_size  INTEGER NOT NULL,"
  "  profiles_mtime INTEGER NOT NULL,"
  "  window_start   INTEGER NOT NULL,"
  "  window_end     INTEGER NOT NULL,"
  "  seed           TEXT NOT NULL,"
  "  params         TEXT NOT NULL,"            /* run parameters JSON */
  "  report         TEXT NOT NULL,"            /* waymark.report JSON */
  "  ran_at         INTEGER NOT NULL,"
  "  duration_ms    INTEGER NOT NULL);"
  "CREATE INDEX runs_by_time ON runs (ran_at, id);"
  "CREATE TABLE run_flows ("
  "  run_id   INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  flow_id  TEXT NOT NULL,"
  "  number   INTEGER NOT NULL,"
  "  hash     TEXT NOT NULL,"                  /* SHA-256 of the version's document */
  "  tried    INTEGER NOT NULL,"               /* the version simulated alone (--try) */
  "  document TEXT NOT NULL,"                  /* the flow file as simulated */
  "  PRIMARY KEY (run_id, position)) WITHOUT ROWID;",

  /* 3 -> 4: journeys. The document is the canonical journey file; its
   * stages and the flows they group are rows too, so that the flows list
   * and deleting a flow ask by flow id. A grouped flow is not a foreign
   * key: deleting it is refused with the journey named, not by sqlite. */
  "CREATE TABLE journeys ("
  "  id         TEXT PRIMARY KEY NOT NULL,"
  "  name       TEXT NOT NULL DEFAULT '',"
  "  document   TEXT NOT NULL,"                /* canonical JSON */
  "  created_at INTEGER NOT NULL,"
  "  changed_at INTEGER NOT NULL);"
  "CREATE INDEX journeys_by_name ON journeys (name COLLATE NOCASE, id);"
  "CREATE TABLE journey_stages ("
  "  journey_id TEXT NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"             /* document order */
  "  stage_id   TEXT NOT NULL,"
  "  name       TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (journey_id, position)) WITHOUT ROWID;"
  "CREATE TABLE stage_flows ("
  "  journey_id TEXT NOT NULL,"
  "  position   INTEGER NOT NULL,"
  "  flow_id    TEXT NOT NULL,"
  "  PRIMARY KEY (journey_id, position, flow_id),"
  "  FOREIGN KEY (journey_id, position) REFERENCES journey_stages (journey_id, position) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX stage_flows_by_flow ON stage_flows (flow_id);",

  /* 4 -> 5: where a run came from when it was not simulated here (results
   * imported from a report or partials made elsewhere); NULL for the
   * app's own runs. Such a run may have no profile file (''). */
  "ALTER TABLE runs ADD COLUMN origin TEXT;",

  /* 5 -> 6: the journeys of a run. Like run_flows, not a foreign key to
   * journeys: the run keeps the journey file it simulated, so deleting
   * or editing the journey later leaves the run as it was. */
  "CREATE TABLE run_journeys ("
  "  run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  journey_id TEXT NOT NULL,"
  "  hash       TEXT NOT NULL,"                /* SHA-256 of the journey's stored document */
  "  document   TEXT NOT NULL,"                /* the journey file as simulated */
  "  PRIMARY KEY (run_id, position)) WITHOUT ROWID;",
};

void
_wm_db_set_error (sqlite3    *db,
                  int         rc,
                  const char *what,
                  GError    **error)
{
  int code = WM_WORKSPACE_ERROR_IO;
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    code = WM_WORKSPACE_ERROR_BUSY;
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    code = WM_WORKSPACE_ERROR_CORRUPT;

  if (code == WM_WORKSPACE_ERROR_BUSY)
    g_set_error (error, WM_WORKSPACE_ERROR, code,
                 _("%s: another program kept the workspace busy; close it or try again"), what);
  else if (code == WM_WORKSPACE_ERROR_CORRUPT)
    g_set_error (error, WM_WORKSPACE_ERROR, code,
                 _("%s: the workspace is damaged (%s); open a backup copy"), what,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_set_error (error, WM_WORKSPACE_ERROR, code, _("%s: %s"), what,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
_wm_db_exec (sqlite3    *db,
             const char *sql,
             GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (db, rc, _("Could not change the workspace"), error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  _wm_db_set_error (db, rc, _("Could not read the workspace"), error);
  sqlite3_finalize (stmt);
  return FALSE;
}

/* Looks at the first 100 bytes without sqlite: an sqlite header with our
 * application id, or FALSE with NOT_A_WORKSPACE. */
static gboolean
check_header (const char *path,
              GError    **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  ssize_t got = -1;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  guint32 app_id;

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO,
                   _("Could not open “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  got = read (fd, header, sizeof header);
  close (fd);
  if (got != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Waymark workspace; it was left as it is. Choose a workspace file "
                     "or a new file name"), path);
      return FALSE;
    }
  app_id = ((guint32) header[68] << 24) | ((guint32) header[69] << 16)
           | ((guint32) header[70] << 8) | header[71];
  if (app_id != WM_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is a database of another program, not a Waymark workspace; it was left "
                     "as it is. Choose a workspace file or a new file name"), path);
      return FALSE;
    }
  return TRUE;
}

/* On a read-only connection: the schema version and quick_check. */
static gboolean
check_readable (const char *path,
                GError    **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0, app_id = 0;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (db, rc, path, error);
      goto out;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (!query_int (db, "PRAGMA application_id", &app_id, error)
      || !query_int (db, "PRAGMA user_version", &version, error))
    goto out;
  if (app_id != WM_WORKSPACE_APPLICATION_ID || version <= 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Waymark workspace; it was left as it is. Choose a workspace file "
                     "or a new file name"), path);
      goto out;
    }
  if (version > WM_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NEWER,
                   _("“%s” was saved by a newer version of Waymark (workspace format %d; this "
                     "version reads up to %d); it was left as it is. Update Waymark to open it"),
                   path, (int) version, WM_WORKSPACE_SCHEMA_VERSION);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _wm_db_set_error (db, rc, path, error);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s); it was left as it is. Open a backup copy"),
                   path, (const char *) sqlite3_column_text (stmt, 0));
      goto out;
    }
  ok = TRUE;

out:
  if (!ok && error != NULL && *error != NULL && (*error)->code == WM_WORKSPACE_ERROR_CORRUPT
      && strstr ((*error)->message, path) == NULL)
    {
      /* Name the file in sqlite's own corruption messages too. */
      g_prefix_error (error, "“%s”: ", path);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static gboolean
migrate (sqlite3  *db,
         gboolean  fresh,
         gboolean *initialised,
         GError  **error)
{
  gint64 version = 0;
  int rc;

  /* Another program may be migrating (or creating) the same file: the
   * version is read again inside the write transaction. */
  for (int attempt = 0;; attempt++)
    {
      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY || attempt + 1 >= BEGIN_ATTEMPTS)
        break;
    }
  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (db, rc, _("Could not prepare the workspace"), error);
      return FALSE;
    }
  if (!query_int (db, "PRAGMA user_version", &version, error))
    goto fail;
  if (version == 0 && !fresh)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                           _("The file is not a Waymark workspace; it was left as it is"));
      goto fail;
    }
  /* Only the program that made the schema fills in the sample content,
   * when two start on a new file at once. */
  *initialised = version == 0;
  if (version == 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", WM_WORKSPACE_APPLICATION_ID);

      if (!_wm_db_exec (db, sql, error))
        goto fail;
    }
  for (gint64 v = version; v < WM_WORKSPACE_SCHEMA_VERSION; v++)
    if (!_wm_db_exec (db, migrations[v], error))
      goto fail;
  if (version < WM_WORKSPACE_SCHEMA_VERSION)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", WM_WORKSPACE_SCHEMA_VERSION);

      if (!_wm_db_exec (db, sql, error))
        goto fail;
    }
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (db, rc, _("Could not prepare the workspace"), error);
      goto fail;
    }
  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

sqlite3 *
_wm_db_open (const char *path,
             gboolean    create,
             gboolean   *created,
             GError    **error)
{
  GStatBuf st;
  gboolean fresh = FALSE;
  sqlite3 *db = NULL;
  gint64 version = 0;
  int rc;

  *created = FALSE;
  if (g_stat (path, &st) != 0)
    {
      int saved = errno, fd;

      if (saved != ENOENT || !create)
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO,
                       _("Could not open “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }
      /* The database holds customer-facing content: private to the user
       * whatever the umask (sqlite gives -wal and -shm the same mode). */
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          saved = errno;
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO,
                       _("Could not create “%s”: %s"), path, g_strerror (saved));
          return NULL;
        }
      if (fd >= 0)
        {
          fchmod (fd, 0600);
          close (fd);
          fresh = TRUE;
        }
      else if (g_stat (path, &st) != 0)
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO,
                       _("Could not open “%s”: %s"), path, g_strerror (errno));
          return NULL;
        }
    }
  if (!fresh && S_ISREG (st.st_mode) && st.st_size == 0 && create)
    {
      /* An empty file holds nothing to lose (e.g. one made by a file
       * chooser, a crash right after creation, or another program that is
       * creating it this moment): it becomes a workspace. */
      fresh = TRUE;
    }
  else if (!fresh && (!check_header (path, error) || !check_readable (path, error)))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (db, rc, path, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (!_wm_db_exec (db, "PRAGMA foreign_keys = ON", error))
    goto fail;

  if (!query_int (db, "PRAGMA user_version", &version, error))
    goto fail;
  *created = FALSE;
  if (version < WM_WORKSPACE_SCHEMA_VERSION && !migrate (db, fresh, created, error))
    goto fail;
  /* Persistent in the file; set after the schema so that the header a new
   * file starts with (application id included) is in the main file. The
   * switch needs the file to itself: when another program has it open
   * right then, the next opening makes it (rollback mode is slower with
   * readers, not less safe). */
  if (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("%s stays in rollback journal mode for now: %s", path, sqlite3_errmsg (db));
  if (!_wm_db_exec (db, "PRAGMA synchronous = NORMAL", error))
    goto fail;
  return db;

fail:
  sqlite3_close (db);
  return NULL;
}

sqlite3_stmt *
_wm_db_prepare (WmWorkspace *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_wm_db_step_done (WmWorkspace  *self,
                  sqlite3_stmt *stmt,
                  GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not save to the workspace"), error);
      return FALSE;
    }
  return TRUE;
}

void
_wm_db_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
_wm_db_row_exists (WmWorkspace *self,
                   const char  *sql,
                   const char  *value,
                   const char  *failure,
                   gboolean    *exists,
                   GError     **error)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, value);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, failure, error);
      return FALSE;
    }
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

gboolean
_wm_db_begin (WmWorkspace *self,
              GError     **error)
{
  int rc = SQLITE_OK;

  /* The busy timeout already waits; BEGIN IMMEDIATE can still come back
   * busy when the lock was never released in that time, or at once on a
   * WAL recovery by another connection. */
  for (int attempt = 0; attempt < BEGIN_ATTEMPTS; attempt++)
    {
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY)
        break;
      g_usleep (10000 * (attempt + 1));
    }
  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (self->db, rc, _("Could not change the workspace"), error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_wm_db_commit (WmWorkspace *self,
               GError     **error)
{
  int rc = SQLITE_OK;

  for (int attempt = 0; attempt < BEGIN_ATTEMPTS; attempt++)
    {
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY)
        break;
      g_usleep (10000 * (attempt + 1));
    }
  if (rc != SQLITE_OK)
    {
      _wm_db_set_error (self->db, rc, _("Could not save to the workspace"), error);
      _wm_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
_wm_db_rollback (WmWorkspace *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}
