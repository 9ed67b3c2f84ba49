/* wm-workspace-templates.c - templates: the built-in ones and those saved
 * in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-flow-io.h"
#include "wm-templates.h"
#include "wm-workspace-private.h"

GPtrArray *
wm_workspace_list_templates (WmWorkspace *self,
                             GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_definition_free);
  const WmBuiltinTemplate *builtin;
  sqlite3_stmt *stmt;
  guint n;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  builtin = wm_builtin_templates (&n);
  for (guint i = 0; i < n; i++)
    {
      WmDefinition *d = g_new0 (WmDefinition, 1);

      d->id = g_strdup (builtin[i].id);
      d->name = g_strdup (_(builtin[i].name));
      d->description = g_strdup (_(builtin[i].description));
      d->builtin = TRUE;
      g_ptr_array_add (list, d);
    }

  stmt = _wm_db_prepare (self, "SELECT id, name, description FROM templates ORDER BY name COLLATE NOCASE, id",
                         error);
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
      _wm_db_set_error (self->db, rc, _("Could not read the templates"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The template's flow and its display name; in a transaction. */
static WmFlow *
load_template (WmWorkspace  *self,
               const char   *id,
               char        **template_name,
               GError      **error)
{
  const WmBuiltinTemplate *builtin = wm_builtin_template_find (id);
  g_autofree char *document = NULL;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;
  WmFlow *flow;
  int rc;

  if (builtin != NULL)
    {
      document = g_strdup (builtin->document);
      *template_name = g_strdup (_(builtin->name));
    }
  else
    {
      stmt = _wm_db_prepare (self, "SELECT name, document FROM templates WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      _wm_db_bind_text (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *template_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          document = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                       _("There is no template “%s”; see the list of templates for the ids"), id);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          _wm_db_set_error (self->db, rc, _("Could not read the templates"), error);
          return NULL;
        }
    }

  flow = wm_flow_load_from_data (document, -1, &local);
  if (flow == NULL)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_CORRUPT,
                 _("The template “%s” cannot be read (%s)"), id, local->message);
  return flow;
}

WmFlow *
wm_workspace_get_template (WmWorkspace  *self,
                           const char   *id,
                           GError      **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return load_template (self, id, &name, error);
}

char *
wm_workspace_instantiate_template (WmWorkspace *self,
                                   const char  *template_id,
                                   const char  *name,
                                   gint64       now,
                                   GError     **error)
{
  g_autoptr(WmFlow) flow = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  if (!_wm_db_begin (self, error))
    return NULL;
  flow = load_template (self, template_id, &template_name, error);
  if (flow == NULL)
    goto fail;
  if (name == NULL || *name == '\0')
    name = template_name;
  id = _wm_workspace_free_flow_id (self, name, error);
  if (id == NULL)
    goto fail;
  wm_flow_set_id (flow, id);
  wm_flow_set_name (flow, name);
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    wm_version_set_timestamp (wm_flow_get_version_at (flow, i), "created_at", now);

  /* So that the new flow validates: its milestones and outcomes exist. */
  if (!_wm_workspace_ensure_definitions (self, flow, error)
      || !_wm_workspace_insert_flow (self, flow, now, error)
      || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_flow_changed (self, id);
  _wm_workspace_definitions_changed (self, WM_DEFINITION_MILESTONE);
  _wm_workspace_definitions_changed (self, WM_DEFINITION_OUTCOME);
  return g_steal_pointer (&id);

fail:
  _wm_db_rollback (self);
  return NULL;
}

char *
wm_workspace_save_template (WmWorkspace *self,
                            const char  *flow_id,
                            guint        number,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(WmFlow) copy = NULL;
  g_autoptr(WmVersion) draft = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  g_autofree char *document = NULL;
  WmVersion *source;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (flow_id != NULL, NULL);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("A template needs a name; type one"));
      return NULL;
    }
  if (!_wm_db_begin (self, error))
    return NULL;
  flow = _wm_workspace_read_flow (self, flow_id, NULL, error);
  if (flow == NULL)
    goto fail;
  source = number == 0 ? wm_flow_get_latest_version (flow) : wm_flow_get_version (flow, number);
  if (source == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("The flow “%s” has no version %u"), flow_id, number);
      goto fail;
    }

  /* A template is the version as a draft; the schedule's dates belong to
   * the flow it came from, so they are left out. */
  copy = wm_flow_copy (flow);
  while (wm_flow_get_n_versions (copy) > 0)
    wm_flow_remove_version (copy, wm_flow_get_version_at (copy, 0));
  draft = wm_version_copy (source, 1);
  wm_version_set_status (draft, WM_VERSION_DRAFT);
  wm_version_set_member (draft, "launched_at", NULL);
  wm_version_set_member (draft, "stopped_at", NULL);
  wm_flow_append_version (copy, draft);
  wm_flow_set_member (copy, "schedule", NULL);
  wm_flow_set_name (copy, name);

  slug = _wm_slug (name, 57);
  for (guint i = 1; id == NULL; i++)
    {
      g_autofree char *candidate = i == 1 ? g_strdup (slug) : g_strdup_printf ("%s-%u", slug, i);
      gboolean taken;

      if (wm_builtin_template_find (candidate) != NULL)
        continue;
      if (!_wm_db_row_exists (self, "SELECT 1 FROM templates WHERE id = ?1", candidate,
                              _("Could not read the templates"), &taken, error))
        goto fail;
      if (!taken)
        id = g_steal_pointer (&candidate);
    }
  wm_flow_set_id (copy, id);
  document = wm_flow_to_canonical (copy, NULL);

  stmt = _wm_db_prepare (self,
                         "INSERT INTO templates (id, name, description, document, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    goto fail;
  _wm_db_bind_text (stmt, 1, id);
  _wm_db_bind_text (stmt, 2, name);
  _wm_db_bind_text (stmt, 3, wm_flow_get_description (flow) != NULL ? wm_flow_get_description (flow) : "");
  _wm_db_bind_text (stmt, 4, document);
  sqlite3_bind_int64 (stmt, 5, _wm_workspace_now ());
  if (!_wm_db_step_done (self, stmt, error) || !_wm_db_commit (self, error))
    goto fail;
  return g_steal_pointer (&id);

fail:
  _wm_db_rollback (self);
  return NULL;
}
