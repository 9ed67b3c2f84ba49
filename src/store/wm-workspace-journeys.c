/* wm-workspace-journeys.c - journeys stored in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey is one row of `journeys` holding its canonical document, and
 * its stages and the flows they group are rewritten as rows on every
 * write, in the same transaction: they are an index of the document, never
 * edited on their own. Reading goes through wm_journey_load_from_data, so
 * a row damaged outside Waymark is reported, not trusted.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-journey-validate.h"
#include "wm-journeys.h"
#include "wm-json.h"
#include "wm-workspace-private.h"

/* Room for "-NNNNN" within the 64 characters of an id. */
#define SLUG_MAX 57

void
wm_journey_info_free (WmJourneyInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->name);
  g_free (info);
}

void
wm_flow_group_free (WmFlowGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->journey_id);
  g_free (group->journey_name);
  g_free (group->stage_id);
  g_free (group->stage_name);
  g_free (group);
}

static gboolean
journey_id_is_valid (const char *id)
{
  gsize n = id != NULL ? strlen (id) : 0;

  if (n == 0 || n > 64)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '-')
      return FALSE;
  return TRUE;
}

static void
set_not_found (GError    **error,
               const char *id)
{
  g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no journey “%s” in this workspace; see the list of journeys for the ids"), id);
}

/* A string member, or NULL when absent or not a string. */
static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
journey_label (WmJourney *journey)
{
  const char *name = wm_journey_get_name (journey);

  return name != NULL ? name : wm_journey_get_id (journey);
}

static gboolean
journey_exists (WmWorkspace *self,
                const char  *id,
                gboolean    *exists,
                GError     **error)
{
  return _wm_db_row_exists (self, "SELECT 1 FROM journeys WHERE id = ?1", id,
                            _("Could not read the journeys"), exists, error);
}

/* A journey id made from @base that no journey uses yet. */
static char *
free_journey_id (WmWorkspace *self,
                 const char  *base,
                 GError     **error)
{
  g_autofree char *slug = _wm_slug (base, SLUG_MAX);

  for (guint n = 1; n < 100000; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, n);
      gboolean exists = TRUE;

      if (!journey_exists (self, id, &exists, error))
        return NULL;
      if (!exists)
        return g_steal_pointer (&id);
    }
  g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_EXISTS,
               _("Too many journeys are named like “%s”; choose another name"), base);
  return NULL;
}

/* Every flow a stage groups must be in the workspace: the store keeps
 * that true so that a grouped flow cannot be deleted under a journey. */
static gboolean
check_grouped_flows (WmWorkspace *self,
                     WmJourney   *journey,
                     GError     **error)
{
  JsonArray *stages = wm_journey_get_stages (journey);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      JsonNode *flows = json_object_get_member (stage, "flows");

      if (flows == NULL || !JSON_NODE_HOLDS_ARRAY (flows))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (flows)); j++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (flows), j);
          gboolean exists = FALSE;
          const char *flow_id;

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            continue;
          flow_id = json_node_get_string (item);
          if (!_wm_workspace_flow_exists (self, flow_id, &exists, error))
            return FALSE;
          if (!exists)
            {
              g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                           _("The stage “%s” of the journey “%s” groups the flow “%s”, which this workspace "
                             "does not have; add that flow first or remove it from the stage"),
                           string_member (stage, "id"), journey_label (journey), flow_id);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The stage and stage-flow rows of @journey (its old ones already gone). */
static gboolean
write_stages (WmWorkspace *self,
              WmJourney   *journey,
              GError     **error)
{
  const char *id = wm_journey_get_id (journey);
  JsonArray *stages = wm_journey_get_stages (journey);
  sqlite3_stmt *stmt;

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      JsonNode *flows = json_object_get_member (stage, "flows");
      const char *name = string_member (stage, "name");

      stmt = _wm_db_prepare (self, "INSERT INTO journey_stages (journey_id, position, stage_id, name)"
                                   " VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      _wm_db_bind_text (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, i);
      _wm_db_bind_text (stmt, 3, string_member (stage, "id"));
      _wm_db_bind_text (stmt, 4, name != NULL ? name : "");
      if (!_wm_db_step_done (self, stmt, error))
        return FALSE;

      if (flows == NULL || !JSON_NODE_HOLDS_ARRAY (flows))
        continue;
      for (guint j = 0; j < json_array_get_length (json_node_get_array (flows)); j++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (flows), j);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            continue;
          /* A flow listed twice by a stage is one row (validation reports
           * nothing the store cares about). */
          stmt = _wm_db_prepare (self, "INSERT OR IGNORE INTO stage_flows (journey_id, position, flow_id)"
                                       " VALUES (?1, ?2, ?3)", error);
          if (stmt == NULL)
            return FALSE;
          _wm_db_bind_text (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, i);
          _wm_db_bind_text (stmt, 3, json_node_get_string (item));
          if (!_wm_db_step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Inserts (@insert) or replaces the journey's row, then its stages, in
 * the current transaction. */
static gboolean
write_journey (WmWorkspace *self,
               WmJourney   *journey,
               gboolean     insert,
               gint64       now,
               GError     **error)
{
  g_autofree char *document = wm_journey_to_canonical (journey, NULL);
  const char *name = wm_journey_get_name (journey);
  sqlite3_stmt *stmt;

  if (!check_grouped_flows (self, journey, error))
    return FALSE;
  stmt = insert
    ? _wm_db_prepare (self, "INSERT INTO journeys (id, name, document, created_at, changed_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?4)", error)
    : _wm_db_prepare (self, "UPDATE journeys SET name = ?2, document = ?3, changed_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, wm_journey_get_id (journey));
  _wm_db_bind_text (stmt, 2, name != NULL ? name : "");
  _wm_db_bind_text (stmt, 3, document);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!_wm_db_step_done (self, stmt, error))
    return FALSE;

  stmt = _wm_db_prepare (self, "DELETE FROM journey_stages WHERE journey_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _wm_db_bind_text (stmt, 1, wm_journey_get_id (journey));
  return _wm_db_step_done (self, stmt, error) && write_stages (self, journey, error);
}

/* Stores @journey under a new id when its own is taken or unusable (made
 * from @base); one transaction. Returns the id. */
static char *
add_journey (WmWorkspace *self,
             WmJourney   *journey,
             const char  *base,
             gint64       now,
             gboolean    *renamed,
             GError     **error)
{
  g_autoptr(WmJourney) stored = NULL;
  g_autofree char *id = g_strdup (wm_journey_get_id (journey));
  gboolean exists = FALSE;

  if (renamed != NULL)
    *renamed = FALSE;
  if (!_wm_db_begin (self, error))
    return NULL;
  if (journey_id_is_valid (id) && !journey_exists (self, id, &exists, error))
    goto fail;
  stored = g_object_ref (journey);
  if (!journey_id_is_valid (id) || exists)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonNode) copy = NULL;

      g_free (id);
      id = free_journey_id (self, base, error);
      if (id == NULL)
        goto fail;
      /* The caller's journey is left as it was. */
      json_node_set_object (root, wm_journey_get_json (journey));
      copy = wm_json_node_deep_copy (root);
      json_object_set_string_member (json_node_get_object (copy), "id", id);
      g_clear_object (&stored);
      stored = wm_journey_load_from_node (copy, error);
      if (stored == NULL)
        goto fail;
      if (renamed != NULL)
        *renamed = TRUE;
    }
  if (!write_journey (self, stored, TRUE, now, error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_journeys_changed (self, id);
  return g_steal_pointer (&id);

fail:
  _wm_db_rollback (self);
  return NULL;
}

GPtrArray *
wm_workspace_list_journeys (WmWorkspace *self,
                            GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_journey_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  stmt = _wm_db_prepare (self, "SELECT j.id, j.name, j.changed_at,"
                               " (SELECT count(*) FROM journey_stages s WHERE s.journey_id = j.id)"
                               " FROM journeys j ORDER BY j.name COLLATE NOCASE, j.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmJourneyInfo *info = g_new0 (WmJourneyInfo, 1);

      info->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->changed_at = sqlite3_column_int64 (stmt, 2);
      info->n_stages = (guint) sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the list of journeys"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The stored document; NOT_FOUND when there is none. */
static char *
read_document (WmWorkspace *self,
               const char  *id,
               GError     **error)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, "SELECT document FROM journeys WHERE id = ?1", error);
  char *document = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    document = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error, id);
  else if (rc != SQLITE_ROW)
    _wm_db_set_error (self->db, rc, _("Could not read the journey"), error);
  return document;
}

WmJourney *
wm_workspace_get_journey (WmWorkspace *self,
                          const char  *id,
                          GError     **error)
{
  g_autofree char *document = NULL;
  g_autoptr(GError) local = NULL;
  WmJourney *journey;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  document = read_document (self, id, error);
  if (document == NULL)
    return NULL;
  journey = wm_journey_load_from_data (document, -1, &local);
  if (journey == NULL)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_CORRUPT,
                 _("The workspace is damaged: the journey “%s” cannot be read (%s); open a backup copy"),
                 id, local->message);
  return journey;
}

/* A journey of one stage that begins with it (journeys.md, Document). */
static WmJourney *
new_journey (const char *id,
             const char *name)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "waymark.journey");
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "");
  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "first-stage");
  json_builder_set_member_name (b, "name");
  /* Translators: the one stage of a new journey */
  json_builder_add_string_value (b, _("First stage"));
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "");
  json_builder_set_member_name (b, "begins");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "when");
  json_builder_add_string_value (b, "journey");
  json_builder_set_member_name (b, "after");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "entry");
  json_builder_add_string_value (b, "");
  json_builder_set_member_name (b, "completes");
  json_builder_add_string_value (b, "steps");
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "flows");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "duration");
  json_builder_add_string_value (b, "7d");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return wm_journey_load_from_node (root, NULL);
}

char *
wm_workspace_create_journey (WmWorkspace *self,
                             const char  *name,
                             gint64       now,
                             GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;
  g_autoptr(WmJourney) journey = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*clean == '\0')
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("A journey needs a name; type one"));
      return NULL;
    }
  /* The id is made again inside add_journey's transaction when another
   * program took it meanwhile. */
  id = free_journey_id (self, clean, error);
  if (id == NULL)
    return NULL;
  journey = new_journey (id, clean);
  return add_journey (self, journey, clean, now, NULL, error);
}

gboolean
wm_workspace_save_journey (WmWorkspace *self,
                           WmJourney   *journey,
                           GPtrArray  **diagnostics,
                           GError     **error)
{
  const char *id;
  gboolean exists = FALSE;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (WM_IS_JOURNEY (journey), FALSE);

  if (diagnostics != NULL)
    *diagnostics = NULL;
  id = wm_journey_get_id (journey);
  if (!journey_id_is_valid (id))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("The journey id “%s” is not usable: use 1 to 64 letters, digits, “-” or “_”"), id);
      return FALSE;
    }
  if (!_wm_db_begin (self, error))
    return FALSE;
  if (!journey_exists (self, id, &exists, error))
    goto fail;
  if (!exists)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no journey “%s” in this workspace to save over (it may have been deleted); "
                     "import it or create a new journey"), id);
      goto fail;
    }
  if (!write_journey (self, journey, FALSE, _wm_workspace_now (), error) || !_wm_db_commit (self, error))
    goto fail;
  if (diagnostics != NULL)
    *diagnostics = wm_validate_journey (journey, WM_LOOKUP (self), TRUE);
  _wm_workspace_journeys_changed (self, id);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

char *
wm_workspace_duplicate_journey (WmWorkspace *self,
                                const char  *id,
                                gint64       now,
                                GError     **error)
{
  g_autoptr(WmJourney) journey = NULL;
  g_autoptr(WmJourney) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *name = NULL;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  journey = wm_workspace_get_journey (self, id, error);
  if (journey == NULL)
    return NULL;
  /* Translators: the name of a duplicated journey */
  name = g_strdup_printf (_("Copy of %s"), journey_label (journey));
  new_id = free_journey_id (self, name, error);
  if (new_id == NULL)
    return NULL;
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root, wm_journey_get_json (journey));
  node = wm_json_node_deep_copy (root);
  json_object_set_string_member (json_node_get_object (node), "id", new_id);
  json_object_set_string_member (json_node_get_object (node), "name", name);
  copy = wm_journey_load_from_node (node, error);
  if (copy == NULL)
    return NULL;
  return add_journey (self, copy, name, now, NULL, error);
}

gboolean
wm_workspace_delete_journey (WmWorkspace *self,
                             const char  *id,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_wm_db_begin (self, error))
    return FALSE;
  stmt = _wm_db_prepare (self, "DELETE FROM journeys WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  _wm_db_bind_text (stmt, 1, id);
  if (!_wm_db_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, id);
      goto fail;
    }
  if (!_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_journeys_changed (self, id);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

char *
wm_workspace_export_journey (WmWorkspace *self,
                             const char  *id,
                             gsize       *length,
                             GError     **error)
{
  char *document;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  document = read_document (self, id, error);
  if (document != NULL && length != NULL)
    *length = strlen (document);
  return document;
}

char *
wm_workspace_import_journey (WmWorkspace *self,
                             const char  *data,
                             gsize        length,
                             gboolean    *renamed,
                             GError     **error)
{
  g_autoptr(WmJourney) journey = NULL;
  g_autoptr(GError) local = NULL;
  const char *id, *name;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (renamed != NULL)
    *renamed = FALSE;
  journey = wm_journey_load_from_data (data, length, &local);
  if (journey == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("This is not a journey file Waymark can import: %s"), local->message);
      return NULL;
    }
  id = wm_journey_get_id (journey);
  name = wm_journey_get_name (journey);
  return add_journey (self, journey, journey_id_is_valid (id) ? id : name != NULL ? name : "journey",
                      _wm_workspace_now (), renamed, error);
}

GPtrArray *
wm_workspace_list_flow_groups (WmWorkspace *self,
                               const char  *flow_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_flow_group_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (flow_id != NULL, NULL);

  stmt = _wm_db_prepare (self, "SELECT j.id, j.name, s.stage_id, s.name FROM stage_flows f"
                               " JOIN journey_stages s ON s.journey_id = f.journey_id AND s.position = f.position"
                               " JOIN journeys j ON j.id = f.journey_id WHERE f.flow_id = ?1"
                               " ORDER BY j.name COLLATE NOCASE, j.id, s.position", error);
  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, flow_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmFlowGroup *group = g_new0 (WmFlowGroup, 1);

      group->journey_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      group->journey_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      group->stage_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      group->stage_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (list, group);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the journeys"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
_wm_workspace_check_ungrouped (WmWorkspace *self,
                               const char  *id,
                               const char  *label,
                               GError     **error)
{
  g_autoptr(GPtrArray) groups = wm_workspace_list_flow_groups (self, id, error);
  WmFlowGroup *first;

  if (groups == NULL)
    return FALSE;
  if (groups->len == 0)
    return TRUE;
  first = groups->pdata[0];
  /* The action first: the app shows this in a one-line toast. */
  if (groups->len == 1)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE,
                 _("Remove “%s” from the stage “%s” of the journey “%s” before deleting it"), label,
                 *first->stage_name != '\0' ? first->stage_name : first->stage_id,
                 *first->journey_name != '\0' ? first->journey_name : first->journey_id);
  else
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Remove “%s” from the stage “%s” of the journey “%s” and from %u other stage "
                              "before deleting it",
                              "Remove “%s” from the stage “%s” of the journey “%s” and from %u other stages "
                              "before deleting it", groups->len - 1),
                 label, *first->stage_name != '\0' ? first->stage_name : first->stage_id,
                 *first->journey_name != '\0' ? first->journey_name : first->journey_id, groups->len - 1);
  return FALSE;
}
