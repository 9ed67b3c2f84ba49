/* wm-workspace.c - the workspace: opening, flows as stored, the list of
 * flows, the lookup validation uses, flow files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each flow is one row of document-level fields (its JSON without
 * "versions") plus one row a version (the version's JSON), so saving an
 * edit rewrites one version row and the flow's row, never the whole
 * workspace. Export joins them and writes the canonical form, so
 * export -> import -> export gives the same bytes.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-catalogue.h"
#include "wm-flow-info.h"
#include "wm-flow-io.h"
#include "wm-json.h"
#include "wm-sample-profiles.h"
#include "wm-workspace-private.h"

enum {
  FLOW_CHANGED,
  DEFINITIONS_CHANGED,
  RUNS_CHANGED,
  JOURNEYS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void lookup_iface_init (WmLookupInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WmWorkspace, wm_workspace, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WM_TYPE_LOOKUP, lookup_iface_init))

G_DEFINE_QUARK (wm-workspace-error-quark, wm_workspace_error)

void
wm_definition_free (WmDefinition *definition)
{
  if (definition == NULL)
    return;
  g_free (definition->id);
  g_free (definition->name);
  g_free (definition->description);
  g_free (definition);
}

gint64
_wm_workspace_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
wm_workspace_finalize (GObject *object)
{
  WmWorkspace *self = (WmWorkspace *) object;

  g_clear_pointer (&self->inbound, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_object (&self->flows);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (wm_workspace_parent_class)->finalize (object);
}

static void
wm_workspace_class_init (WmWorkspaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_workspace_finalize;

  /**
   * WmWorkspace::flow-changed:
   * @id: (nullable): the flow's id, or NULL when another program changed
   *   the workspace and everything was read again
   *
   * A flow was changed by a lifecycle call, imported, created, duplicated or
   * deleted. A save of the caller's own edits (save_version,
   * save_flow_fields) updates the list but does not emit this.
   */
  signals[FLOW_CHANGED] =
    g_signal_new ("flow-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * WmWorkspace::definitions-changed:
   * @kind: a WmDefinitionKind
   *
   * A milestone or outcome was added, renamed, described or deleted.
   */
  signals[DEFINITIONS_CHANGED] =
    g_signal_new ("definitions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * WmWorkspace::runs-changed:
   *
   * A simulation run was added, renamed or deleted (wm-runs.h), or another
   * program changed the workspace (wm_workspace_refresh).
   */
  signals[RUNS_CHANGED] =
    g_signal_new ("runs-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * WmWorkspace::journeys-changed:
   * @id: (nullable): the journey's id, or NULL when another program changed
   *   the workspace
   *
   * A journey was created, saved, duplicated, imported or deleted
   * (wm-journeys.h).
   */
  signals[JOURNEYS_CHANGED] =
    g_signal_new ("journeys-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wm_workspace_init (WmWorkspace *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->flows = g_list_store_new (WM_TYPE_FLOW_INFO);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

char *
wm_workspace_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "waymark", "workspace.db", NULL);
}

const char *
wm_workspace_get_path (WmWorkspace *self)
{
  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  return self->path;
}

char *
wm_workspace_get_sample_profiles_path (WmWorkspace *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  base = g_str_has_suffix (self->path, ".db")
    ? g_strndup (self->path, strlen (self->path) - 3) : g_strdup (self->path);
  return g_strconcat (base, "-profiles.jsonl", NULL);
}

static gint64
read_data_version (WmWorkspace *self)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

static WmFlowInfo *
info_from_row (sqlite3_stmt *stmt)
{
  int status = wm_version_status_from_string ((const char *) sqlite3_column_text (stmt, 2));

  return wm_flow_info_new ((const char *) sqlite3_column_text (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1),
                           status < 0 ? WM_VERSION_DRAFT : status,
                           sqlite3_column_int (stmt, 3),
                           sqlite3_column_int64 (stmt, 4));
}

static gboolean
load_list (WmWorkspace *self,
           GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _wm_db_prepare (self,
                         "SELECT id, name, latest_status, latest_number, changed_at FROM flows "
                         "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, info_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the list of flows"), error);
      return FALSE;
    }
  g_list_store_splice (self->flows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->flows)),
                       items->pdata, items->len);
  return TRUE;
}

void
wm_workspace_refresh (WmWorkspace *self)
{
  gint64 version;

  g_return_if_fail (WM_IS_WORKSPACE (self));

  /* data_version changes only when another connection commits. */
  version = read_data_version (self);
  if (version == self->data_version)
    return;
  self->data_version = version;
  g_hash_table_remove_all (self->cache);
  if (!load_list (self, NULL))
    return;
  g_signal_emit (self, signals[FLOW_CHANGED], 0, NULL);
  /* The commit may have been a run's or a journey's. */
  g_signal_emit (self, signals[RUNS_CHANGED], 0);
  /* The other program may have changed milestones or outcomes too; there
   * is no cheap way to tell, and the lists they feed are short. */
  _wm_workspace_definitions_changed (self, WM_DEFINITION_MILESTONE);
  _wm_workspace_definitions_changed (self, WM_DEFINITION_OUTCOME);
  g_signal_emit (self, signals[JOURNEYS_CHANGED], 0, NULL);
}

WmWorkspace *
wm_workspace_open (const char           *path,
                   WmWorkspaceOpenFlags  flags,
                   GError              **error)
{
  g_autoptr(WmWorkspace) self = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (WM_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  self->db = _wm_db_open (path, (flags & WM_WORKSPACE_OPEN_CREATE) != 0, &created, error);
  if (self->db == NULL)
    return NULL;

  if (created && (flags & WM_WORKSPACE_OPEN_SAMPLE) != 0)
    {
      gint64 now = _wm_workspace_now ();
      g_autofree char *profiles = wm_workspace_get_sample_profiles_path (self);

      if (!_wm_workspace_fill_sample (self, now, error)
          || !wm_sample_profiles_write (profiles, now, WM_SAMPLE_PROFILES_COUNT, error))
        return NULL;
    }

  if (!load_list (self, error))
    return NULL;
  self->data_version = read_data_version (self);
  if (!wm_workspace_apply_schedule (self, _wm_workspace_now (), NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

GListModel *
wm_workspace_get_flows (WmWorkspace *self)
{
  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->flows);
}

/* Flows as stored */

static void
set_not_found (GError    **error,
               const char *id)
{
  g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no flow “%s” in this workspace; see the list of flows for the ids"), id);
}

static JsonNode *
parse_stored (const char *text,
              const char *what,
              GError    **error)
{
  g_autoptr(GError) local = NULL;
  JsonNode *node = wm_json_parse (text, -1, 0, NULL, NULL, &local);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_CORRUPT,
                   _("The workspace is damaged: %s cannot be read (%s); open a backup copy"),
                   what, local != NULL ? local->message : _("not an object"));
      g_clear_pointer (&node, json_node_unref);
    }
  return node;
}

/* What wm_version_new_from_json relies on (the loader's checks of a
 * version), for rows damaged outside Waymark. */
static gboolean
version_shape_ok (JsonNode *node)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *member = json_object_get_member (object, "number");
  JsonNode *elements = json_object_get_member (object, "elements");

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_DOUBLE)
    return FALSE;
  member = json_object_get_member (object, "status");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING
      || wm_version_status_from_string (json_node_get_string (member)) < 0)
    return FALSE;
  if (elements != NULL && JSON_NODE_HOLDS_ARRAY (elements))
    {
      JsonArray *array = json_node_get_array (elements);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *element;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            return FALSE;
          element = json_node_get_object (item);
          if (!json_object_has_member (element, "id") || !json_object_has_member (element, "type")
              || wm_catalogue_lookup (json_object_get_string_member_with_default (element, "type", "")) == NULL
              || json_node_get_value_type (json_object_get_member (element, "id")) != G_TYPE_STRING)
            return FALSE;
        }
    }
  return TRUE;
}

/* wm_version_new_from_json deep-copies the whole version; the parsed tree
 * is ours alone, so the version is built from a skeleton without its
 * elements and connections, and the elements wrap the parsed objects
 * (wm_element_new_from_json takes a reference, no copy). Empty arrays are
 * kept in the skeleton so that "elements": [] stays present. */
static WmVersion *
build_version (JsonObject *object)
{
  g_autoptr(JsonObject) skeleton = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);
  JsonNode *elements = json_object_get_member (object, "elements");
  JsonNode *connections = json_object_get_member (object, "connections");
  WmVersion *version;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);

      if ((g_str_equal (key, "elements") || g_str_equal (key, "connections")) && JSON_NODE_HOLDS_ARRAY (member))
        json_object_set_array_member (skeleton, key, json_array_new ());
      else
        json_object_set_member (skeleton, key, json_node_ref (member));
    }
  version = wm_version_new_from_json (skeleton);

  if (elements != NULL && JSON_NODE_HOLDS_ARRAY (elements))
    {
      JsonArray *array = json_node_get_array (elements);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(WmElement) element = wm_element_new_from_json (json_array_get_object_element (array, i));

          wm_version_insert_element (version, i, element);
        }
    }
  if (connections != NULL && JSON_NODE_HOLDS_ARRAY (connections))
    {
      JsonArray *array = json_node_get_array (connections);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(WmConnection) connection = wm_connection_new_from_json (json_array_get_element (array, i));

          wm_version_insert_connection (version, i, connection);
        }
    }
  return version;
}

static WmFlow *
read_flow_rows (WmWorkspace *self,
                const char  *id,
                GHashTable  *stored,
                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) versions = json_array_new ();
  sqlite3_stmt *stmt;
  WmFlow *flow;
  int rc;

  stmt = _wm_db_prepare (self, "SELECT header FROM flows WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    root = parse_stored ((const char *) sqlite3_column_text (stmt, 0), id, error);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error, id);
  else if (rc != SQLITE_ROW)
    _wm_db_set_error (self->db, rc, _("Could not read the flow"), error);
  if (root == NULL)
    return NULL;

  stmt = _wm_db_prepare (self, "SELECT number, document FROM versions WHERE flow_id = ?1 ORDER BY number",
                         error);
  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      JsonNode *node = parse_stored (text, id, error);

      if (node == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      json_array_add_element (versions, node);
      if (stored != NULL)
        g_hash_table_insert (stored, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)), g_strdup (text));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the flow"), error);
      return NULL;
    }

  /* The rows were written by this code from flows the loader had checked,
   * so the model is built directly: wm_flow_load_from_node would check
   * the shape again and copy every version twice. */
  flow = wm_flow_new_from_json (json_node_get_object (root));
  for (guint i = 0; i < json_array_get_length (versions); i++)
    {
      JsonNode *node = json_array_get_element (versions, i);
      g_autoptr(WmVersion) version = NULL;

      if (!version_shape_ok (node))
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_CORRUPT,
                       _("The workspace is damaged: the flow “%s” cannot be read; open a backup copy"), id);
          g_clear_object (&flow);
          return NULL;
        }
      version = build_version (json_node_get_object (node));
      wm_flow_append_version (flow, version);
    }
  return flow;
}

WmFlow *
_wm_workspace_read_flow (WmWorkspace *self,
                         const char  *id,
                         GHashTable **stored,
                         GError     **error)
{
  g_autoptr(GHashTable) table = NULL;
  gboolean own_transaction = sqlite3_get_autocommit (self->db);
  WmFlow *flow;

  if (stored != NULL)
    table = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  /* The flow's row and its versions from one snapshot. */
  if (own_transaction && !_wm_db_exec (self->db, "BEGIN", error))
    return NULL;
  flow = read_flow_rows (self, id, table, error);
  if (own_transaction)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (flow != NULL && stored != NULL)
    *stored = g_steal_pointer (&table);
  return flow;
}

/* Rows hold the model's JSON as held (members in the order read, x- keys
 * included) written compactly with the canonical writer's string and
 * number rules: lossless, and export writes the canonical form from it.
 * Building the canonical tree instead would double the time of a save. */
static char *
compact_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  wm_json_append_compact (out, node);
  return g_string_free (out, FALSE);
}

/* The document-level fields: the document without "versions". */
static char *
header_text (WmFlow *flow)
{
  g_autoptr(JsonNode) doc = wm_flow_to_json (flow);
  g_autoptr(JsonObject) fields = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, json_node_get_object (doc));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    if (!g_str_equal (key, "versions"))
      json_object_set_member (fields, key, json_node_ref (value));
  json_node_set_object (doc, fields);
  return compact_text (doc);
}

static char *
version_text (WmVersion *version)
{
  g_autoptr(JsonNode) node = wm_version_to_json (version);

  return compact_text (node);
}

static gboolean
write_milestone_uses (WmWorkspace *self,
                      const char  *flow_id,
                      WmVersion   *version,
                      GError     **error)
{
  guint number = wm_version_get_number (version);
  sqlite3_stmt *stmt;

  stmt = _wm_db_prepare (self, "DELETE FROM version_milestones WHERE flow_id = ?1 AND number = ?2", error);
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, flow_id);
  sqlite3_bind_int64 (stmt, 2, number);
  if (!_wm_db_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);
      const char *milestone;

      if (!g_str_equal (wm_element_get_type_name (element), "milestone"))
        continue;
      milestone = wm_element_get_config_string (element, "milestone");
      if (milestone == NULL)
        continue;
      stmt = _wm_db_prepare (self,
                             "INSERT OR IGNORE INTO version_milestones (flow_id, number, milestone_id) "
                             "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      _wm_db_bind_text (stmt, 1, flow_id);
      sqlite3_bind_int64 (stmt, 2, number);
      _wm_db_bind_text (stmt, 3, milestone);
      if (!_wm_db_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_version_row (WmWorkspace *self,
                   const char  *flow_id,
                   WmVersion   *version,
                   const char  *text,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _wm_db_prepare (self,
                         "INSERT INTO versions (flow_id, number, status, document) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (flow_id, number) DO UPDATE SET status = excluded.status, "
                         "document = excluded.document", error);
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, flow_id);
  sqlite3_bind_int64 (stmt, 2, wm_version_get_number (version));
  _wm_db_bind_text (stmt, 3, wm_version_status_to_string (wm_version_get_status (version)));
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
  if (!_wm_db_step_done (self, stmt, error))
    return FALSE;
  return write_milestone_uses (self, flow_id, version, error);
}

static const char *
entry_type_of (WmVersion *version)
{
  WmElement *entry = version != NULL ? wm_version_get_entry (version) : NULL;

  return entry != NULL ? wm_element_get_type_name (entry) : NULL;
}

gboolean
_wm_workspace_write_flow (WmWorkspace *self,
                          WmFlow      *flow,
                          GHashTable  *stored,
                          gint64       now,
                          GError     **error)
{
  g_autofree char *header = header_text (flow);
  const char *id = wm_flow_get_id (flow);
  WmVersion *latest = wm_flow_get_latest_version (flow);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_direct_hash, g_direct_equal);
  sqlite3_stmt *stmt;
  gint64 created_at = now, due = 0;

  if (wm_flow_get_n_versions (flow) > 0)
    wm_version_get_timestamp (wm_flow_get_version_at (flow, 0), "created_at", &created_at);

  stmt = _wm_db_prepare (self,
                         "INSERT INTO flows (id, name, header, latest_number, latest_status, entry_type, "
                         "created_at, changed_at, next_due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                         "ON CONFLICT (id) DO UPDATE SET name = excluded.name, header = excluded.header, "
                         "latest_number = excluded.latest_number, latest_status = excluded.latest_status, "
                         "entry_type = excluded.entry_type, changed_at = excluded.changed_at, "
                         "next_due = excluded.next_due", error);
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, id);
  _wm_db_bind_text (stmt, 2, wm_flow_get_name (flow) != NULL ? wm_flow_get_name (flow) : "");
  sqlite3_bind_text (stmt, 3, header, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, latest != NULL ? wm_version_get_number (latest) : 0);
  _wm_db_bind_text (stmt, 5, wm_version_status_to_string (latest != NULL ? wm_version_get_status (latest)
                                                                        : WM_VERSION_DRAFT));
  _wm_db_bind_text (stmt, 6, entry_type_of (latest));
  sqlite3_bind_int64 (stmt, 7, created_at);
  sqlite3_bind_int64 (stmt, 8, now);
  if (_wm_flow_next_due (flow, &due))
    sqlite3_bind_int64 (stmt, 9, due);
  if (!_wm_db_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, i);
      guint number = wm_version_get_number (version);
      g_autofree char *text = version_text (version);

      g_hash_table_add (kept, GUINT_TO_POINTER (number));
      if (stored != NULL && g_strcmp0 (g_hash_table_lookup (stored, GUINT_TO_POINTER (number)), text) == 0)
        continue;
      if (!write_version_row (self, id, version, text, error))
        return FALSE;
    }

  if (stored != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, stored);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          if (g_hash_table_contains (kept, key))
            continue;
          stmt = _wm_db_prepare (self, "DELETE FROM versions WHERE flow_id = ?1 AND number = ?2", error);
          if (stmt == NULL)
            return FALSE;
          _wm_db_bind_text (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, GPOINTER_TO_UINT (key));
          if (!_wm_db_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_wm_workspace_insert_flow (WmWorkspace *self,
                           WmFlow      *flow,
                           gint64       now,
                           GError     **error)
{
  return _wm_workspace_write_flow (self, flow, NULL, now, error);
}

gboolean
_wm_workspace_flow_exists (WmWorkspace *self,
                           const char  *id,
                           gboolean    *exists,
                           GError     **error)
{
  return _wm_db_row_exists (self, "SELECT 1 FROM flows WHERE id = ?1", id,
                            _("Could not read the list of flows"), exists, error);
}

char *
_wm_workspace_free_flow_id (WmWorkspace *self,
                            const char  *base,
                            GError     **error)
{
  /* Room for "-NNNNN" within the 64 characters of an id. */
  g_autofree char *slug = _wm_slug (base, 57);

  for (guint n = 1; n < 100000; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, n);
      gboolean exists = TRUE;

      if (!_wm_workspace_flow_exists (self, id, &exists, error))
        return NULL;
      if (!exists)
        return g_steal_pointer (&id);
    }
  g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_EXISTS,
               _("Too many flows are named like “%s”; choose another name"), base);
  return NULL;
}

static void
update_list_item (WmWorkspace *self,
                  const char  *id)
{
  sqlite3_stmt *stmt;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->flows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (G_LIST_MODEL (self->flows), i);

      if (g_str_equal (wm_flow_info_get_id (info), id))
        {
          g_list_store_remove (self->flows, i);
          break;
        }
    }

  stmt = _wm_db_prepare (self,
                         "SELECT id, name, latest_status, latest_number, changed_at FROM flows WHERE id = ?1",
                         NULL);
  if (stmt == NULL)
    return;
  _wm_db_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(WmFlowInfo) info = info_from_row (stmt);

      g_list_store_insert_sorted (self->flows, info, wm_flow_info_compare, NULL);
    }
  sqlite3_reset (stmt);
}

static void
flow_saved (WmWorkspace *self,
            const char  *id)
{
  g_hash_table_remove (self->cache, id);
  update_list_item (self, id);
}

void
_wm_workspace_flow_changed (WmWorkspace *self,
                            const char  *id)
{
  g_autofree char *copy = g_strdup (id);

  g_hash_table_remove (self->cache, id);
  update_list_item (self, id);
  g_signal_emit (self, signals[FLOW_CHANGED], 0, copy);
}

static WmFlow *
cached_flow (WmWorkspace *self,
             const char  *id,
             GError     **error)
{
  WmFlow *flow = g_hash_table_lookup (self->cache, id);

  if (flow == NULL)
    {
      flow = _wm_workspace_read_flow (self, id, NULL, error);
      if (flow == NULL)
        return NULL;
      g_hash_table_insert (self->cache, g_strdup (id), flow);
    }
  return flow;
}

WmFlow *
wm_workspace_get_flow (WmWorkspace *self,
                       const char  *id,
                       GError     **error)
{
  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  wm_workspace_refresh (self);
  return _wm_workspace_read_flow (self, id, NULL, error);
}

char *
wm_workspace_create_flow (WmWorkspace *self,
                          const char  *name,
                          gint64       now,
                          GError     **error)
{
  g_autofree char *id = NULL;
  g_autoptr(WmFlow) flow = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("A flow needs a name; type one"));
      return NULL;
    }
  if (!_wm_db_begin (self, error))
    return NULL;
  id = _wm_workspace_free_flow_id (self, name, error);
  if (id == NULL)
    goto fail;
  flow = wm_flow_new (id, name, now);
  if (!_wm_workspace_insert_flow (self, flow, now, error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_flow_changed (self, id);
  return g_steal_pointer (&id);

fail:
  _wm_db_rollback (self);
  return NULL;
}

/* Reads version statuses: number -> status name. */
static GHashTable *
read_statuses (WmWorkspace *self,
               const char  *id,
               guint       *latest,
               GError     **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  sqlite3_stmt *stmt;
  int rc;

  *latest = 0;
  stmt = _wm_db_prepare (self, "SELECT number, status FROM versions WHERE flow_id = ?1 ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *latest = sqlite3_column_int (stmt, 0);
      g_hash_table_insert (statuses, GUINT_TO_POINTER (*latest),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the flow"), error);
      return NULL;
    }
  if (g_hash_table_size (statuses) == 0)
    {
      set_not_found (error, id);
      return NULL;
    }
  return g_steal_pointer (&statuses);
}

static gboolean
write_fields (WmWorkspace *self,
              const char  *id,
              WmFlow      *flow,
              const char  *header,
              gint64       now,
              GError     **error)
{
  sqlite3_stmt *stmt;

  /* The schedule may have changed: a flow that is scheduled or running is
   * looked at by the next apply_schedule, which sets the real next_due. */
  stmt = _wm_db_prepare (self,
                         "UPDATE flows SET name = ?2, header = ?3, changed_at = ?4, next_due = CASE "
                         "WHEN EXISTS (SELECT 1 FROM versions v WHERE v.flow_id = flows.id "
                         "AND v.status IN ('scheduled', 'active', 'paused')) THEN 0 "
                         "ELSE NULL END WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, id);
  _wm_db_bind_text (stmt, 2, wm_flow_get_name (flow) != NULL ? wm_flow_get_name (flow) : "");
  sqlite3_bind_text (stmt, 3, header, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  return _wm_db_step_done (self, stmt, error);
}

gboolean
wm_workspace_save_version (WmWorkspace *self,
                           WmFlow      *flow,
                           guint        number,
                           GError     **error)
{
  const char *id;
  WmVersion *version;
  g_autoptr(GHashTable) statuses = NULL;
  g_autofree char *header = NULL;
  g_autofree char *text = NULL;
  const char *stored_status;
  guint latest = 0;
  gint64 now = _wm_workspace_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (WM_IS_FLOW (flow), FALSE);

  id = wm_flow_get_id (flow);
  version = wm_flow_get_version (flow, number);
  if (id == NULL || version == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("The flow has no version %u to save"), number);
      return FALSE;
    }
  if (wm_version_get_status (version) != WM_VERSION_DRAFT)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("Version %u is %s: only a draft can be edited; create a new version to change it"),
                   number, wm_version_status_get_label (wm_version_get_status (version)));
      return FALSE;
    }
  /* Serialised before the transaction, so the lock is held only for the
   * writes. */
  header = header_text (flow);
  text = version_text (version);

  if (!_wm_db_begin (self, error))
    return FALSE;
  statuses = read_statuses (self, id, &latest, error);
  if (statuses == NULL)
    goto fail;
  stored_status = g_hash_table_lookup (statuses, GUINT_TO_POINTER (number));
  if (stored_status == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("The flow “%s” has no version %u in the workspace; create versions with New Version"),
                   id, number);
      goto fail;
    }
  if (!g_str_equal (stored_status, "draft"))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("Version %u of “%s” was launched meanwhile (it is %s); only a draft can be "
                     "edited, so create a new version to change it"), number, id, stored_status);
      goto fail;
    }
  if (!write_fields (self, id, flow, header, now, error)
      || !write_version_row (self, id, version, text, error))
    goto fail;
  if (number == latest)
    {
      stmt = _wm_db_prepare (self, "UPDATE flows SET entry_type = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      _wm_db_bind_text (stmt, 1, id);
      _wm_db_bind_text (stmt, 2, entry_type_of (version));
      if (!_wm_db_step_done (self, stmt, error))
        goto fail;
    }
  if (!_wm_db_commit (self, error))
    goto fail;
  flow_saved (self, id);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

gboolean
wm_workspace_save_flow_fields (WmWorkspace *self,
                               WmFlow      *flow,
                               GError     **error)
{
  g_autofree char *header = NULL;
  gboolean exists = FALSE;
  const char *id;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (WM_IS_FLOW (flow), FALSE);

  id = wm_flow_get_id (flow);
  if (id == NULL)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("The flow has no id"));
      return FALSE;
    }
  header = header_text (flow);
  if (!_wm_db_begin (self, error))
    return FALSE;
  if (!_wm_workspace_flow_exists (self, id, &exists, error))
    goto fail;
  if (!exists)
    {
      set_not_found (error, id);
      goto fail;
    }
  if (!write_fields (self, id, flow, header, _wm_workspace_now (), error) || !_wm_db_commit (self, error))
    goto fail;
  flow_saved (self, id);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

/* Flow files */

char *
wm_workspace_export_flow (WmWorkspace *self,
                          const char  *id,
                          gsize       *length,
                          GError     **error)
{
  g_autoptr(WmFlow) flow = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  flow = _wm_workspace_read_flow (self, id, NULL, error);
  if (flow == NULL)
    return NULL;
  return wm_flow_to_canonical (flow, length);
}

static gboolean
id_is_valid (const char *id)
{
  gsize n = id != NULL ? strlen (id) : 0;

  if (n == 0 || n > 64)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '-')
      return FALSE;
  return TRUE;
}

char *
wm_workspace_import_flow (WmWorkspace *self,
                          const char  *data,
                          gsize        length,
                          gboolean    *renamed,
                          GError     **error)
{
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *id = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (renamed != NULL)
    *renamed = FALSE;
  flow = wm_flow_load_from_data (data, length, &local);
  if (flow == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("This is not a flow file Waymark can import: %s"), local->message);
      return NULL;
    }

  if (!_wm_db_begin (self, error))
    return NULL;
  id = g_strdup (wm_flow_get_id (flow));
  if (id_is_valid (id) && !_wm_workspace_flow_exists (self, id, &exists, error))
    goto fail;
  if (!id_is_valid (id) || exists)
    {
      /* The workspace keeps ids unique: the imported flow gets a new one
       * made from its id (or its name when the id is unusable). */
      g_free (id);
      id = _wm_workspace_free_flow_id (self, id_is_valid (wm_flow_get_id (flow)) ? wm_flow_get_id (flow)
                                       : wm_flow_get_name (flow) != NULL ? wm_flow_get_name (flow) : "flow",
                                       error);
      if (id == NULL)
        goto fail;
      wm_flow_set_id (flow, id);
      if (renamed != NULL)
        *renamed = TRUE;
    }
  if (!_wm_workspace_insert_flow (self, flow, _wm_workspace_now (), error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_flow_changed (self, id);
  return g_steal_pointer (&id);

fail:
  _wm_db_rollback (self);
  return NULL;
}

/* WmLookup: validation in the app checks against the workspace. */

static WmLookupResult
find_definition (WmWorkspace *self,
                 const char  *sql,
                 const char  *id)
{
  gboolean exists;

  if (!_wm_db_row_exists (self, sql, id, "", &exists, NULL))
    return WM_LOOKUP_UNKNOWN;
  return exists ? WM_LOOKUP_FOUND : WM_LOOKUP_MISSING;
}

static WmLookupResult
workspace_find_milestone (WmLookup   *lookup,
                          const char *id)
{
  return find_definition (WM_WORKSPACE (lookup), "SELECT 1 FROM milestones WHERE id = ?1", id);
}

static WmLookupResult
workspace_find_outcome (WmLookup   *lookup,
                        const char *id)
{
  return find_definition (WM_WORKSPACE (lookup), "SELECT 1 FROM outcomes WHERE id = ?1", id);
}

static WmLookupResult
workspace_find_flow (WmLookup   *lookup,
                     const char *id,
                     WmFlow    **flow)
{
  WmWorkspace *self = WM_WORKSPACE (lookup);
  g_autoptr(GError) error = NULL;
  WmFlow *found = cached_flow (self, id, &error);

  if (found == NULL)
    return g_error_matches (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND)
      ? WM_LOOKUP_MISSING : WM_LOOKUP_UNKNOWN;
  *flow = found;
  return WM_LOOKUP_FOUND;
}

static GPtrArray *
workspace_list_flows (WmLookup *lookup)
{
  WmWorkspace *self = WM_WORKSPACE (lookup);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  /* Only flows that can conflict: an inbound entry in a latest version that
   * is scheduled, active or paused (the validator checks the details). */
  stmt = _wm_db_prepare (self,
                         "SELECT id FROM flows WHERE entry_type = 'entry.inbound' "
                         "AND latest_status IN ('scheduled', 'active', 'paused')", NULL);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  /* Borrowed by the caller until the next call. */
  g_clear_pointer (&self->inbound, g_ptr_array_unref);
  self->inbound = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      WmFlow *flow = cached_flow (self, ids->pdata[i], NULL);

      if (flow != NULL)
        g_ptr_array_add (self->inbound, g_object_ref (flow));
    }
  return self->inbound;
}

static void
lookup_iface_init (WmLookupInterface *iface)
{
  iface->find_milestone = workspace_find_milestone;
  iface->find_outcome = workspace_find_outcome;
  iface->find_flow = workspace_find_flow;
  iface->list_flows = workspace_list_flows;
}

void
_wm_workspace_definitions_changed (WmWorkspace      *self,
                                   WmDefinitionKind  kind)
{
  g_signal_emit (self, signals[DEFINITIONS_CHANGED], 0, (int) kind);
}

void
_wm_workspace_runs_changed (WmWorkspace *self)
{
  g_signal_emit (self, signals[RUNS_CHANGED], 0);
}

void
_wm_workspace_journeys_changed (WmWorkspace *self,
                                const char  *id)
{
  g_signal_emit (self, signals[JOURNEYS_CHANGED], 0, id);
}
