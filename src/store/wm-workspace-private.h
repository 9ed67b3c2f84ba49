/* wm-workspace-private.h - what the workspace's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

/* PRAGMA application_id of a Waymark workspace: "WYMK". */
#define WM_WORKSPACE_APPLICATION_ID 0x57594D4B
/* PRAGMA user_version this build writes; older files are migrated. */
#define WM_WORKSPACE_SCHEMA_VERSION 6

struct _WmWorkspace
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;    /* SQL text (static) -> sqlite3_stmt* */
  gint64      data_version;  /* PRAGMA data_version at the last look */

  GListStore *flows;         /* WmFlowInfo */
  GHashTable *cache;         /* id -> WmFlow: the flows validation looked
                              * at (add.to.flow targets, inbound
                              * conflicts), dropped when they change */
  GPtrArray  *inbound;       /* WmFlow*, the last list_flows answer */
};

/* wm-store-db.c: the database file. */

/* Opens @path after checking, read-only, that it is a workspace this build
 * can read (never writing to a file that is not); creates it when asked and
 * it does not exist; migrates older schemas. Sets *@created when this
 * call made the schema (only then is the sample content added). */
sqlite3      *_wm_db_open               (const char   *path,
                                         gboolean      create,
                                         gboolean     *created,
                                         GError      **error);
/* A prepared statement for @sql (a string literal: it is the cache key),
 * reset and with its bindings cleared. */
sqlite3_stmt *_wm_db_prepare            (WmWorkspace  *self,
                                         const char   *sql,
                                         GError      **error);
/* BEGIN IMMEDIATE, retried while another program holds the file. */
gboolean      _wm_db_begin              (WmWorkspace  *self,
                                         GError      **error);
gboolean      _wm_db_commit             (WmWorkspace  *self,
                                         GError      **error);
void          _wm_db_rollback           (WmWorkspace  *self);
/* Runs @sql (no results); FALSE with an error on failure. */
gboolean      _wm_db_exec               (sqlite3      *db,
                                         const char   *sql,
                                         GError      **error);
/* Steps @stmt to its end; FALSE with an error on failure. */
gboolean      _wm_db_step_done          (WmWorkspace  *self,
                                         sqlite3_stmt *stmt,
                                         GError      **error);
/* Sets an error from the connection's last failure, prefixed by @what. */
void          _wm_db_set_error          (sqlite3      *db,
                                         int           rc,
                                         const char   *what,
                                         GError      **error);
void          _wm_db_bind_text          (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
/* Whether @sql (a "SELECT 1 … WHERE … = ?1" literal) finds a row for
 * @value: sets *@exists and returns TRUE, or FALSE with an error that
 * starts with @failure ("Could not read the journeys"). */
gboolean      _wm_db_row_exists         (WmWorkspace  *self,
                                         const char   *sql,
                                         const char   *value,
                                         const char   *failure,
                                         gboolean     *exists,
                                         GError      **error);

/* wm-workspace.c: flows as stored. */

/* Reads a flow from the database (not the cache); NOT_FOUND when absent.
 * @stored (may be NULL) receives number -> stored version text. */
WmFlow       *_wm_workspace_read_flow   (WmWorkspace  *self,
                                         const char   *id,
                                         GHashTable  **stored,
                                         GError      **error);
/* Writes @flow's document-level fields and summary, and the versions whose
 * text differs from @stored (all when @stored is NULL); removes stored
 * versions the flow no longer has. Inside a transaction. */
gboolean      _wm_workspace_write_flow  (WmWorkspace  *self,
                                         WmFlow       *flow,
                                         GHashTable   *stored,
                                         gint64        now,
                                         GError      **error);
/* After a commit: the cache, the list and ::flow-changed follow. */
void          _wm_workspace_flow_changed (WmWorkspace *self,
                                         const char   *id);
/* A flow id made from @name (or @base) that no flow uses yet. */
char         *_wm_workspace_free_flow_id (WmWorkspace *self,
                                         const char   *base,
                                         GError      **error);
/* Adds @flow (new id already free) in the current transaction. */
gboolean      _wm_workspace_insert_flow (WmWorkspace  *self,
                                         WmFlow       *flow,
                                         gint64        now,
                                         GError      **error);
gboolean      _wm_workspace_flow_exists (WmWorkspace  *self,
                                         const char   *id,
                                         gboolean     *exists,
                                         GError      **error);
gint64        _wm_workspace_now         (void);

/* wm-workspace-catalog.c: makes sure the milestones and outcomes @flow
 * refers to exist (added with names made from their ids). Inside a
 * transaction. */
gboolean      _wm_workspace_ensure_definitions (WmWorkspace *self,
                                         WmFlow       *flow,
                                         GError      **error);
/* "cart-recovered" from "Cart recovered!": lower-case ASCII letters,
 * digits and '-', at most @max bytes; "flow" when nothing is left. */
char         *_wm_slug                  (const char   *name,
                                         gsize         max);

void          _wm_workspace_definitions_changed (WmWorkspace *self,
                                         WmDefinitionKind kind);
/* Emits ::runs-changed (wm-workspace-runs.c). */
void          _wm_workspace_runs_changed (WmWorkspace *self);

/* Emits ::journeys-changed (wm-workspace-journeys.c). */
void          _wm_workspace_journeys_changed (WmWorkspace *self,
                                         const char   *id);
/* FALSE with IN_USE, naming the journey and stage, when a stage groups
 * flow @id (labelled @label). Inside a transaction. */
gboolean      _wm_workspace_check_ungrouped (WmWorkspace *self,
                                         const char   *id,
                                         const char   *label,
                                         GError      **error);

/* wm-workspace-lifecycle.c: when apply_schedule next has work for @flow
 * (a scheduled start, a schedule end of a running version); FALSE when
 * never. */
gboolean      _wm_flow_next_due         (WmFlow       *flow,
                                         gint64       *due);

/* wm-sample.c: the sample content of a new default workspace. */
gboolean      _wm_workspace_fill_sample (WmWorkspace  *self,
                                         gint64        now,
                                         GError      **error);

G_END_DECLS
