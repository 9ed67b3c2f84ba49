/* wm-workspace-catalog.c - milestone and outcome definitions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * flow-format.md, Lifecycle: at most 1000 milestones (deletable unless a
 * non-draft version uses them) and 100 outcomes (never deletable). Names
 * are unique in their kind, compared after Unicode normalisation and case
 * folding (so "Cart recovered" and "CART RECOVERED" clash), the way element
 * names are compared.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-flow-info.h"
#include "wm-names.h"
#include "wm-workspace-private.h"

typedef struct
{
  const char *count;
  const char *by_key;
  const char *exists;
  const char *insert;
  const char *list;
  const char *rename;
  const char *describe;
  const char *get_name;
  guint       limit;
} KindSql;

static const KindSql kinds[] = {
  [WM_DEFINITION_MILESTONE] = {
    "SELECT count(*) FROM milestones",
    "SELECT id FROM milestones WHERE name_key = ?1",
    "SELECT 1 FROM milestones WHERE id = ?1",
    "INSERT INTO milestones (id, name, name_key, description) VALUES (?1, ?2, ?3, ?4)",
    "SELECT id, name, description FROM milestones ORDER BY name_key, id",
    "UPDATE milestones SET name = ?2, name_key = ?3 WHERE id = ?1",
    "UPDATE milestones SET description = ?2 WHERE id = ?1",
    "SELECT name FROM milestones WHERE id = ?1",
    WM_WORKSPACE_MAX_MILESTONES,
  },
  [WM_DEFINITION_OUTCOME] = {
    "SELECT count(*) FROM outcomes",
    "SELECT id FROM outcomes WHERE name_key = ?1",
    "SELECT 1 FROM outcomes WHERE id = ?1",
    "INSERT INTO outcomes (id, name, name_key, description) VALUES (?1, ?2, ?3, ?4)",
    "SELECT id, name, description FROM outcomes ORDER BY name_key, id",
    "UPDATE outcomes SET name = ?2, name_key = ?3 WHERE id = ?1",
    "UPDATE outcomes SET description = ?2 WHERE id = ?1",
    "SELECT name FROM outcomes WHERE id = ?1",
    WM_WORKSPACE_MAX_OUTCOMES,
  },
};

char *
_wm_slug (const char *name,
          gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < max; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "flow");
  return g_string_free (slug, FALSE);
}

static char *
name_key (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (normal != NULL ? normal : name, -1);
}

static const char *
kind_noun (WmDefinitionKind kind)
{
  return kind == WM_DEFINITION_MILESTONE ? _("milestone") : _("outcome");
}

/* -1 on failure. */
static gint64
query_count (WmWorkspace  *self,
             const char   *sql,
             const char   *text,
             char        **first_text,
             GError      **error)
{
  sqlite3_stmt *stmt = _wm_db_prepare (self, sql, error);
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  if (text != NULL)
    _wm_db_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      n = text == NULL ? sqlite3_column_int64 (stmt, 0) : 1;
      if (first_text != NULL)
        *first_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the workspace"), error);
      return -1;
    }
  return n;
}

static gboolean
check_name (WmDefinitionKind   kind,
            const char        *name,
            GError           **error)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("A %s needs a name; type one"), kind_noun (kind));
      return FALSE;
    }
  return TRUE;
}

/* In a transaction: adds a definition; @id NULL makes one from the name. */
static char *
insert_definition (WmWorkspace      *self,
                   WmDefinitionKind  kind,
                   const char       *id,
                   const char       *name,
                   const char       *description,
                   GError          **error)
{
  const KindSql *sql = &kinds[kind];
  g_autofree char *key = name_key (name);
  g_autofree char *new_id = NULL;
  g_autofree char *slug = NULL;
  sqlite3_stmt *stmt;
  gint64 n;

  n = query_count (self, sql->count, NULL, NULL, error);
  if (n < 0)
    return NULL;
  if (n >= sql->limit)
    {
      if (kind == WM_DEFINITION_MILESTONE)
        g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_LIMIT,
                     _("The workspace holds %u milestones, the most it can; delete one that no "
                       "launched flow uses"), sql->limit);
      else
        g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_LIMIT,
                     _("The workspace holds %u outcomes, the most it can; outcomes cannot be "
                       "deleted, so rename one you no longer use"), sql->limit);
      return NULL;
    }
  n = query_count (self, sql->by_key, key, NULL, error);
  if (n < 0)
    return NULL;
  if (n > 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_EXISTS,
                   _("A %s named “%s” exists already; choose another name"), kind_noun (kind), name);
      return NULL;
    }

  slug = id != NULL ? g_strdup (id) : _wm_slug (name, 57);
  for (guint i = 1; new_id == NULL; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, i);

      n = query_count (self, sql->exists, candidate, NULL, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        new_id = g_steal_pointer (&candidate);
    }

  stmt = _wm_db_prepare (self, sql->insert, error);
  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, new_id);
  _wm_db_bind_text (stmt, 2, name);
  _wm_db_bind_text (stmt, 3, key);
  _wm_db_bind_text (stmt, 4, description != NULL ? description : "");
  if (!_wm_db_step_done (self, stmt, error))
    return NULL;
  return g_steal_pointer (&new_id);
}

GPtrArray *
wm_workspace_list_definitions (WmWorkspace      *self,
                               WmDefinitionKind  kind,
                               GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_definition_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  stmt = _wm_db_prepare (self, kinds[kind].list, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmDefinition *d = g_new0 (WmDefinition, 1);

      d->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      d->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      d->description = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (list, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

char *
wm_workspace_add_definition (WmWorkspace      *self,
                             WmDefinitionKind  kind,
                             const char       *name,
                             const char       *description,
                             GError          **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  if (!check_name (kind, name, error) || !_wm_db_begin (self, error))
    return NULL;
  id = insert_definition (self, kind, NULL, name, description, error);
  if (id == NULL || !_wm_db_commit (self, error))
    {
      _wm_db_rollback (self);
      return NULL;
    }
  _wm_workspace_definitions_changed (self, kind);
  return g_steal_pointer (&id);
}

static gboolean
require_definition (WmWorkspace      *self,
                    WmDefinitionKind  kind,
                    const char       *id,
                    GError          **error)
{
  gint64 n = query_count (self, kinds[kind].exists, id, NULL, error);

  if (n == 0)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                 _("There is no %s “%s” in this workspace; see the list for the ids"), kind_noun (kind), id);
  return n > 0;
}

gboolean
wm_workspace_rename_definition (WmWorkspace      *self,
                                WmDefinitionKind  kind,
                                const char       *id,
                                const char       *name,
                                GError          **error)
{
  g_autofree char *key = NULL;
  g_autofree char *holder = NULL;
  sqlite3_stmt *stmt;
  gint64 n;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!check_name (kind, name, error) || !_wm_db_begin (self, error))
    return FALSE;
  if (!require_definition (self, kind, id, error))
    goto fail;
  key = name_key (name);
  n = query_count (self, kinds[kind].by_key, key, &holder, error);
  if (n < 0)
    goto fail;
  if (n > 0 && g_strcmp0 (holder, id) != 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_EXISTS,
                   _("A %s named “%s” exists already; choose another name"), kind_noun (kind), name);
      goto fail;
    }
  stmt = _wm_db_prepare (self, kinds[kind].rename, error);
  if (stmt == NULL)
    goto fail;
  _wm_db_bind_text (stmt, 1, id);
  _wm_db_bind_text (stmt, 2, name);
  _wm_db_bind_text (stmt, 3, key);
  if (!_wm_db_step_done (self, stmt, error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_definitions_changed (self, kind);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

gboolean
wm_workspace_set_definition_description (WmWorkspace      *self,
                                         WmDefinitionKind  kind,
                                         const char       *id,
                                         const char       *description,
                                         GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_wm_db_begin (self, error))
    return FALSE;
  if (!require_definition (self, kind, id, error))
    goto fail;
  stmt = _wm_db_prepare (self, kinds[kind].describe, error);
  if (stmt == NULL)
    goto fail;
  _wm_db_bind_text (stmt, 1, id);
  _wm_db_bind_text (stmt, 2, description != NULL ? description : "");
  if (!_wm_db_step_done (self, stmt, error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_definitions_changed (self, kind);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

/* The names of the flows (their ids when unnamed) with a non-draft
 * version (or with @drafts, a draft) that uses milestone @id, by name. */
static GPtrArray *
collect_users (WmWorkspace  *self,
               const char   *id,
               gboolean      drafts,
               GError      **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Two literals: statements are cached by their text. */
  if (drafts)
    stmt = _wm_db_prepare (self,
                           "SELECT DISTINCT f.name, f.id FROM version_milestones m "
                           "JOIN versions v ON v.flow_id = m.flow_id AND v.number = m.number "
                           "JOIN flows f ON f.id = m.flow_id "
                           "WHERE m.milestone_id = ?1 AND v.status = 'draft' "
                           "ORDER BY f.name COLLATE NOCASE, f.id", error);
  else
    stmt = _wm_db_prepare (self,
                           "SELECT DISTINCT f.name, f.id FROM version_milestones m "
                           "JOIN versions v ON v.flow_id = m.flow_id AND v.number = m.number "
                           "JOIN flows f ON f.id = m.flow_id "
                           "WHERE m.milestone_id = ?1 AND v.status <> 'draft' "
                           "ORDER BY f.name COLLATE NOCASE, f.id", error);
  if (stmt == NULL)
    return NULL;
  _wm_db_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *flow_name = (const char *) sqlite3_column_text (stmt, 0);

      g_ptr_array_add (users, g_strdup (*flow_name != '\0' ? flow_name
                                                           : (const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the workspace"), error);
      return NULL;
    }
  return g_steal_pointer (&users);
}

char **
wm_workspace_list_definition_users (WmWorkspace      *self,
                                    WmDefinitionKind  kind,
                                    const char       *id,
                                    gboolean          drafts,
                                    GError          **error)
{
  g_autoptr(GPtrArray) users = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!require_definition (self, kind, id, error))
    return NULL;
  if (kind == WM_DEFINITION_MILESTONE)
    users = collect_users (self, id, drafts, error);
  else
    users = g_ptr_array_new_with_free_func (g_free);
  if (users == NULL)
    return NULL;
  g_ptr_array_add (users, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&users), FALSE);
}

gboolean
wm_workspace_delete_definition (WmWorkspace      *self,
                                WmDefinitionKind  kind,
                                const char       *id,
                                GError          **error)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (kind == WM_DEFINITION_OUTCOME)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                           _("Outcomes cannot be deleted, because reports keep counting them; rename "
                             "the outcome instead"));
      return FALSE;
    }

  if (!_wm_db_begin (self, error))
    return FALSE;
  if (!require_definition (self, kind, id, error)
      || query_count (self, kinds[kind].get_name, id, &name, error) < 0)
    goto fail;

  users = collect_users (self, id, FALSE, error);
  if (users == NULL)
    goto fail;
  if (users->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < users->len; i++)
        g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (users, i));
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE,
                   _("The milestone “%s” cannot be deleted: launched versions of these flows use it: %s"),
                   name, list->str);
      goto fail;
    }

  stmt = _wm_db_prepare (self, "DELETE FROM milestones WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  _wm_db_bind_text (stmt, 1, id);
  if (!_wm_db_step_done (self, stmt, error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_definitions_changed (self, kind);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

/* "cart-recovered" -> "Cart recovered" */
static char *
name_from_id (const char *id)
{
  char *name = g_strdelimit (g_strdup (id), "-_", ' ');

  name[0] = g_ascii_toupper (name[0]);
  return name;
}

static gboolean
ensure_one (WmWorkspace      *self,
            WmDefinitionKind  kind,
            const char       *id,
            GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *added = NULL;
  gint64 n = query_count (self, kinds[kind].exists, id, NULL, error);

  if (n != 0)
    return n > 0;
  name = name_from_id (id);
  key = name_key (name);
  n = query_count (self, kinds[kind].by_key, key, NULL, error);
  if (n < 0)
    return FALSE;
  if (n > 0)
    {
      /* The natural name is taken by another id: the id itself is a name
       * nobody else has made from it. */
      g_free (name);
      name = g_strdup (id);
    }
  added = insert_definition (self, kind, id, name, NULL, error);
  return added != NULL;
}

gboolean
_wm_workspace_ensure_definitions (WmWorkspace *self,
                                  WmFlow      *flow,
                                  GError     **error)
{
  for (guint v = 0; v < wm_flow_get_n_versions (flow); v++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, v);

      for (guint i = 0; i < wm_version_get_n_elements (version); i++)
        {
          WmElement *element = wm_version_get_element_at (version, i);
          const char *type = wm_element_get_type_name (element);
          const char *milestone = g_str_equal (type, "milestone")
            ? wm_element_get_config_string (element, "milestone") : NULL;
          const char *outcome = g_str_has_prefix (type, "outcome.")
            ? wm_element_get_config_string (element, "outcome") : NULL;

          if (milestone != NULL && !ensure_one (self, WM_DEFINITION_MILESTONE, milestone, error))
            return FALSE;
          if (outcome != NULL && !ensure_one (self, WM_DEFINITION_OUTCOME, outcome, error))
            return FALSE;
        }
    }
  return TRUE;
}

GHashTable *
wm_workspace_get_names (WmWorkspace *self)
{
  static const struct { WmDefinitionKind kind; const char *key; } named[] = {
    { WM_DEFINITION_MILESTONE, WM_NAMES_MILESTONE },
    { WM_DEFINITION_OUTCOME, WM_NAMES_OUTCOME },
  };
  GHashTable *names;
  GListModel *flows;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  names = wm_names_new ();
  for (guint k = 0; k < G_N_ELEMENTS (named); k++)
    {
      /* A definition that cannot be read is shown by its id. */
      g_autoptr(GPtrArray) definitions = wm_workspace_list_definitions (self, named[k].kind, NULL);

      for (guint i = 0; definitions != NULL && i < definitions->len; i++)
        {
          WmDefinition *definition = g_ptr_array_index (definitions, i);

          wm_names_insert (names, named[k].key, definition->id, definition->name);
        }
    }
  flows = wm_workspace_get_flows (self);
  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (flows, i);

      wm_names_insert (names, WM_NAMES_FLOW, wm_flow_info_get_id (info), wm_flow_info_get_name (info));
    }
  return names;
}
