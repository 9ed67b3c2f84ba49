/* wm-workspace-lifecycle.c - the lifecycle of flow-format.md as calls that
 * check their preconditions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each call reads the flow from the database inside its write transaction,
 * changes it and writes the versions that changed, so two programs on the
 * same file never undo each other's transitions.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-autoexit.h"
#include "wm-time.h"
#include "wm-validate.h"
#include "wm-workspace-private.h"

#define DEFAULT_RUN_SECONDS (90 * 24 * 3600)

typedef gboolean (*ChangeFunc) (WmWorkspace *self,
                                WmFlow      *flow,
                                gpointer     data,
                                GError     **error);

static const char *
flow_label (WmFlow *flow)
{
  return wm_flow_get_name (flow) != NULL ? wm_flow_get_name (flow) : wm_flow_get_id (flow);
}

static const char *
status_name (WmVersion *version)
{
  return wm_version_status_to_string (wm_version_get_status (version));
}

static gboolean
is_running (WmVersion *version)
{
  WmVersionStatus status = wm_version_get_status (version);

  return status == WM_VERSION_ACTIVE || status == WM_VERSION_PAUSED;
}

/* A timestamp member of the schedule; FALSE when absent, null or not a
 * valid timestamp. */
static gboolean
schedule_time (WmFlow     *flow,
               const char *key,
               gint64     *out)
{
  JsonObject *schedule = wm_flow_get_schedule (flow);
  JsonNode *node = schedule != NULL ? json_object_get_member (schedule, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  return wm_timestamp_parse (json_node_get_string (node), -1, out);
}

/* When running versions stop taking entries: schedule.end, or 90 days
 * after the first launched version's launch unless indefinite. */
static gboolean
schedule_end (WmFlow *flow,
              gint64 *out)
{
  JsonObject *schedule = wm_flow_get_schedule (flow);
  JsonNode *indefinite = schedule != NULL ? json_object_get_member (schedule, "indefinite") : NULL;

  if (schedule_time (flow, "end", out))
    return TRUE;
  if (indefinite != NULL && JSON_NODE_HOLDS_VALUE (indefinite)
      && json_node_get_value_type (indefinite) == G_TYPE_BOOLEAN && json_node_get_boolean (indefinite))
    return FALSE;
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      gint64 launched;

      if (wm_version_get_timestamp (wm_flow_get_version_at (flow, i), "launched_at", &launched))
        {
          *out = launched + DEFAULT_RUN_SECONDS;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_wm_flow_next_due (WmFlow *flow,
                   gint64 *due)
{
  WmVersion *latest = wm_flow_get_latest_version (flow);
  gboolean found = FALSE, running = FALSE;
  gint64 t;

  *due = G_MAXINT64;
  if (latest != NULL && wm_version_get_status (latest) == WM_VERSION_SCHEDULED)
    {
      /* A scheduled version whose start was removed starts at once. */
      *due = schedule_time (flow, "start", &t) ? t : 0;
      found = TRUE;
    }
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    running |= is_running (wm_flow_get_version_at (flow, i));
  if (running && schedule_end (flow, &t))
    {
      *due = MIN (*due, t);
      found = TRUE;
    }
  return found;
}

static gboolean
change_flow (WmWorkspace *self,
             const char  *id,
             gint64       now,
             ChangeFunc   change,
             gpointer     data,
             GError     **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(WmFlow) flow = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Validation looks at other flows through the cache: drop what another
   * program changed. */
  wm_workspace_refresh (self);
  if (!_wm_db_begin (self, error))
    return FALSE;
  flow = _wm_workspace_read_flow (self, id, &stored, error);
  if (flow == NULL
      || !change (self, flow, data, error)
      || !_wm_workspace_write_flow (self, flow, stored, now, error)
      || !_wm_db_commit (self, error))
    {
      _wm_db_rollback (self);
      return FALSE;
    }
  _wm_workspace_flow_changed (self, id);
  return TRUE;
}

/* @version becomes active at @at; the versions that were running finish. */
static void
activate (WmFlow    *flow,
          WmVersion *version,
          gint64     at)
{
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *other = wm_flow_get_version_at (flow, i);
      gint64 launched;

      if (other == version)
        continue;
      if (is_running (other))
        wm_version_set_status (other, WM_VERSION_FINISHING);
      /* launched_at never goes back before an earlier version's. */
      if (wm_version_get_timestamp (other, "launched_at", &launched) && launched > at)
        at = launched;
    }
  wm_version_set_status (version, WM_VERSION_ACTIVE);
  wm_version_set_timestamp (version, "launched_at", at);
}

typedef struct
{
  gint64   now;
  gboolean set_start;
  gint64   start;
} LaunchData;

static gboolean
launch_change (WmWorkspace *self,
               WmFlow      *flow,
               gpointer     user_data,
               GError     **error)
{
  LaunchData *data = user_data;
  WmVersion *latest = wm_flow_get_latest_version (flow);
  guint number = wm_version_get_number (latest);
  g_autoptr(GPtrArray) diagnostics = NULL;
  gint64 start;

  if (wm_version_get_status (latest) != WM_VERSION_DRAFT)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("“%s” has no draft to launch: its latest version %u is %s; create a new version "
                     "first"), flow_label (flow), number, status_name (latest));
      return FALSE;
    }

  if (data->set_start)
    {
      JsonObject *schedule = wm_flow_get_schedule (flow);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) copy = json_object_new ();
      char buf[32];

      /* Keep the other schedule members (and their order) as they are. */
      if (schedule != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (schedule);

          for (GList *l = members; l != NULL; l = l->next)
            json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (schedule, l->data)));
        }
      json_object_set_string_member (copy, "start", wm_timestamp_format (data->start, buf));
      json_node_set_object (node, copy);
      wm_flow_set_member (flow, "schedule", node);
    }

  diagnostics = wm_validate_flow (flow, WM_LOOKUP (self));
  if (wm_diagnostics_block_version (diagnostics, number))
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < diagnostics->len; i++)
        {
          WmDiagnostic *d = diagnostics->pdata[i];

          if (d->severity == WM_SEVERITY_ERROR && (d->version == 0 || d->version == number))
            g_string_append_printf (list, "\n• %s", d->message);
        }
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("“%s” cannot be launched until these errors are fixed:%s"), flow_label (flow), list->str);
      return FALSE;
    }

  wm_version_insert_exits (latest);
  if (schedule_time (flow, "start", &start) && start > data->now)
    {
      wm_version_set_status (latest, WM_VERSION_SCHEDULED);
      return TRUE;
    }
  activate (flow, latest, data->now);
  return TRUE;
}

gboolean
wm_workspace_launch (WmWorkspace *self,
                     const char  *id,
                     gint64       now,
                     GError     **error)
{
  LaunchData data = { now, FALSE, 0 };

  return change_flow (self, id, now, launch_change, &data, error);
}

gboolean
wm_workspace_launch_at (WmWorkspace *self,
                        const char  *id,
                        gint64       start,
                        gint64       now,
                        GError     **error)
{
  LaunchData data = { now, TRUE, start };

  g_return_val_if_fail (start >= WM_TIME_MIN && start <= WM_TIME_MAX, FALSE);
  return change_flow (self, id, now, launch_change, &data, error);
}

static gboolean
cancel_change (WmWorkspace *self,
               WmFlow      *flow,
               gpointer     data,
               GError     **error)
{
  WmVersion *latest = wm_flow_get_latest_version (flow);

  if (wm_version_get_status (latest) != WM_VERSION_SCHEDULED)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("Only a scheduled launch can be canceled, and version %u of “%s” is %s; stop it "
                     "instead if it runs"),
                   wm_version_get_number (latest), flow_label (flow), status_name (latest));
      return FALSE;
    }
  wm_version_set_status (latest, WM_VERSION_CANCELED);
  return TRUE;
}

gboolean
wm_workspace_cancel (WmWorkspace *self,
                     const char  *id,
                     GError     **error)
{
  return change_flow (self, id, _wm_workspace_now (), cancel_change, NULL, error);
}

/* The last version of @status, or NULL. */
static WmVersion *
find_status (WmFlow          *flow,
             WmVersionStatus  status)
{
  for (guint i = wm_flow_get_n_versions (flow); i > 0; i--)
    if (wm_version_get_status (wm_flow_get_version_at (flow, i - 1)) == status)
      return wm_flow_get_version_at (flow, i - 1);
  return NULL;
}

static gboolean
pause_change (WmWorkspace *self,
              WmFlow      *flow,
              gpointer     data,
              GError     **error)
{
  gboolean pause = GPOINTER_TO_INT (data);
  WmVersion *version = find_status (flow, pause ? WM_VERSION_ACTIVE : WM_VERSION_PAUSED);

  if (version == NULL && pause && find_status (flow, WM_VERSION_PAUSED) != NULL)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                 _("“%s” is paused already; resume it to take new entries again"), flow_label (flow));
  else if (version == NULL && pause)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                 _("“%s” has no active version to pause (its latest version is %s); only an active "
                   "flow can be paused"), flow_label (flow), status_name (wm_flow_get_latest_version (flow)));
  else if (version == NULL)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                 _("“%s” is not paused (its latest version is %s); only a paused flow can be resumed"),
                 flow_label (flow), status_name (wm_flow_get_latest_version (flow)));
  if (version == NULL)
    return FALSE;
  wm_version_set_status (version, pause ? WM_VERSION_PAUSED : WM_VERSION_ACTIVE);
  return TRUE;
}

gboolean
wm_workspace_pause (WmWorkspace *self,
                    const char  *id,
                    GError     **error)
{
  return change_flow (self, id, _wm_workspace_now (), pause_change, GINT_TO_POINTER (TRUE), error);
}

gboolean
wm_workspace_resume (WmWorkspace *self,
                     const char  *id,
                     GError     **error)
{
  return change_flow (self, id, _wm_workspace_now (), pause_change, GINT_TO_POINTER (FALSE), error);
}

typedef struct
{
  guint  number;
  gint64 now;
} StopData;

static gboolean
can_stop (WmVersion *version)
{
  return is_running (version) || wm_version_get_status (version) == WM_VERSION_FINISHING;
}

static void
stop_version (WmVersion *version,
              gint64     now)
{
  gint64 launched;

  /* stopped_at is never earlier than launched_at. */
  if (wm_version_get_timestamp (version, "launched_at", &launched) && launched > now)
    now = launched;
  wm_version_set_status (version, WM_VERSION_STOPPED);
  wm_version_set_timestamp (version, "stopped_at", now);
}

static WmVersion *
version_or_error (WmFlow  *flow,
                  guint    number,
                  GError **error)
{
  WmVersion *version = wm_flow_get_version (flow, number);

  if (version == NULL)
    g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                 _("“%s” has no version %u"), flow_label (flow), number);
  return version;
}

static gboolean
stop_change (WmWorkspace *self,
             WmFlow      *flow,
             gpointer     user_data,
             GError     **error)
{
  StopData *data = user_data;
  guint stopped = 0;

  if (data->number != 0)
    {
      WmVersion *version = version_or_error (flow, data->number, error);

      if (version == NULL)
        return FALSE;
      if (!can_stop (version))
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                       _("Version %u of “%s” is %s; only an active, paused or finishing version can be "
                         "stopped"), data->number, flow_label (flow), status_name (version));
          return FALSE;
        }
      stop_version (version, data->now);
      return TRUE;
    }

  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    if (can_stop (wm_flow_get_version_at (flow, i)))
      {
        stop_version (wm_flow_get_version_at (flow, i), data->now);
        stopped++;
      }
  if (stopped == 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("“%s” has no active, paused or finishing version to stop"), flow_label (flow));
      return FALSE;
    }
  return TRUE;
}

gboolean
wm_workspace_stop (WmWorkspace *self,
                   const char  *id,
                   guint        number,
                   gint64       now,
                   GError     **error)
{
  StopData data = { number, now };

  return change_flow (self, id, now, stop_change, &data, error);
}

static gboolean
finish_change (WmWorkspace *self,
               WmFlow      *flow,
               gpointer     user_data,
               GError     **error)
{
  guint number = GPOINTER_TO_UINT (user_data), finished = 0;

  if (number != 0)
    {
      WmVersion *version = version_or_error (flow, number, error);

      if (version == NULL)
        return FALSE;
      if (wm_version_get_status (version) != WM_VERSION_FINISHING)
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                       _("Version %u of “%s” is %s; only a finishing version can be marked finished"),
                       number, flow_label (flow), status_name (version));
          return FALSE;
        }
      wm_version_set_status (version, WM_VERSION_FINISHED);
      return TRUE;
    }
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    if (wm_version_get_status (wm_flow_get_version_at (flow, i)) == WM_VERSION_FINISHING)
      {
        wm_version_set_status (wm_flow_get_version_at (flow, i), WM_VERSION_FINISHED);
        finished++;
      }
  if (finished == 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("“%s” has no finishing version to mark finished"), flow_label (flow));
      return FALSE;
    }
  return TRUE;
}

gboolean
wm_workspace_finish (WmWorkspace *self,
                     const char  *id,
                     guint        number,
                     GError     **error)
{
  return change_flow (self, id, _wm_workspace_now (), finish_change, GUINT_TO_POINTER (number), error);
}

/* What the clock does: scheduled -> active at the start, running ->
 * finishing at the schedule end. TRUE when something changed. */
static gboolean
apply_due (WmFlow *flow,
           gint64  now)
{
  WmVersion *latest = wm_flow_get_latest_version (flow);
  gboolean changed = FALSE;
  gint64 start, end;

  if (wm_version_get_status (latest) == WM_VERSION_SCHEDULED)
    {
      if (!schedule_time (flow, "start", &start))
        start = now;
      if (start <= now)
        {
          /* launched_at is when it became active: the start time, even when
           * the workspace was opened later. */
          activate (flow, latest, start);
          changed = TRUE;
        }
    }
  if (schedule_end (flow, &end) && end <= now)
    for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
      if (is_running (wm_flow_get_version_at (flow, i)))
        {
          /* The schedule end stops new entries; the user's Finish action
           * makes it finished (spec README, Workspace). */
          wm_version_set_status (wm_flow_get_version_at (flow, i), WM_VERSION_FINISHING);
          changed = TRUE;
        }
  return changed;
}

gboolean
wm_workspace_apply_schedule (WmWorkspace *self,
                             gint64       now,
                             guint       *changed,
                             GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);

  if (changed != NULL)
    *changed = 0;
  wm_workspace_refresh (self);
  if (!_wm_db_begin (self, error))
    return FALSE;
  stmt = _wm_db_prepare (self, "SELECT id FROM flows WHERE next_due <= ?1 ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _wm_db_set_error (self->db, rc, _("Could not read the list of flows"), error);
      goto fail;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GHashTable) stored = NULL;
      g_autoptr(WmFlow) flow = _wm_workspace_read_flow (self, ids->pdata[i], &stored, error);
      gint64 due = 0;
      gboolean has_due;

      if (flow == NULL)
        goto fail;
      if (apply_due (flow, now))
        {
          if (!_wm_workspace_write_flow (self, flow, stored, now, error))
            goto fail;
          g_ptr_array_add (flows, g_steal_pointer (&flow));
          continue;
        }
      /* Nothing to do yet (e.g. after a schedule edit): only the due time. */
      has_due = _wm_flow_next_due (flow, &due);
      stmt = _wm_db_prepare (self, "UPDATE flows SET next_due = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      _wm_db_bind_text (stmt, 1, ids->pdata[i]);
      if (has_due)
        sqlite3_bind_int64 (stmt, 2, due);
      if (!_wm_db_step_done (self, stmt, error))
        goto fail;
    }
  if (!_wm_db_commit (self, error))
    goto fail;

  for (guint i = 0; i < flows->len; i++)
    _wm_workspace_flow_changed (self, wm_flow_get_id (flows->pdata[i]));
  if (changed != NULL)
    *changed = flows->len;
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}

static gboolean
new_version_change (WmWorkspace *self,
                    WmFlow      *flow,
                    gpointer     user_data,
                    GError     **error)
{
  gint64 now = *(gint64 *) user_data;
  WmVersion *latest = wm_flow_get_latest_version (flow);
  WmVersionStatus status = wm_version_get_status (latest);
  WmElement *entry = wm_version_get_entry (latest);
  g_autoptr(WmVersion) draft = NULL;

  if (entry != NULL && g_str_equal (wm_element_get_type_name (entry), "entry.audience"))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("“%s” starts from an audience, and such flows cannot get a new version; duplicate "
                     "the flow instead"), flow_label (flow));
      return FALSE;
    }
  if (status == WM_VERSION_DRAFT && wm_flow_get_n_versions (flow) > 1)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("“%s” already has a new version: version %u is a draft; edit and launch it"),
                   flow_label (flow), wm_version_get_number (latest));
      return FALSE;
    }
  if (status != WM_VERSION_ACTIVE && status != WM_VERSION_PAUSED && status != WM_VERSION_FINISHING)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                   _("A new version is made from a launched version that is active, paused or finishing, "
                     "and the latest version of “%s” is %s; %s"),
                   flow_label (flow), status_name (latest),
                   status == WM_VERSION_DRAFT ? _("edit that draft and launch it")
                   : status == WM_VERSION_SCHEDULED ? _("wait until it starts, or cancel the launch")
                   : _("duplicate the flow to start again from it"));
      return FALSE;
    }

  /* A draft copy of the latest version, with the same entry point. */
  draft = wm_version_copy (latest, wm_version_get_number (latest) + 1);
  wm_version_set_status (draft, WM_VERSION_DRAFT);
  wm_version_set_member (draft, "launched_at", NULL);
  wm_version_set_member (draft, "stopped_at", NULL);
  wm_version_set_timestamp (draft, "created_at", now);
  wm_flow_append_version (flow, draft);
  return TRUE;
}

guint
wm_workspace_new_version (WmWorkspace *self,
                          const char  *id,
                          gint64       now,
                          GError     **error)
{
  g_autoptr(WmFlow) flow = NULL;

  if (!change_flow (self, id, now, new_version_change, &now, error))
    return 0;
  flow = wm_workspace_get_flow (self, id, NULL);
  return flow != NULL ? wm_version_get_number (wm_flow_get_latest_version (flow)) : 0;
}

char *
wm_workspace_duplicate (WmWorkspace *self,
                        const char  *id,
                        guint        number,
                        gint64       now,
                        GError     **error)
{
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(WmFlow) copy = NULL;
  g_autoptr(WmVersion) draft = NULL;
  g_autofree char *name = NULL;
  g_autofree char *new_id = NULL;
  WmVersion *source;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!_wm_db_begin (self, error))
    return NULL;
  flow = _wm_workspace_read_flow (self, id, NULL, error);
  if (flow == NULL)
    goto fail;
  source = number == 0 ? wm_flow_get_latest_version (flow) : version_or_error (flow, number, error);
  if (source == NULL)
    goto fail;

  /* Translators: the name of a duplicated flow (flow-format.md says
   * "Copy of NAME"). */
  name = g_strdup_printf (_("Copy of %s"), flow_label (flow));
  new_id = _wm_workspace_free_flow_id (self, name, error);
  if (new_id == NULL)
    goto fail;

  /* The document-level fields (timezone, schedule, description, x- keys)
   * come along; the versions are replaced by one draft. */
  copy = wm_flow_copy (flow);
  while (wm_flow_get_n_versions (copy) > 0)
    wm_flow_remove_version (copy, wm_flow_get_version_at (copy, 0));
  draft = wm_version_copy (source, 1);
  wm_version_set_status (draft, WM_VERSION_DRAFT);
  wm_version_set_member (draft, "launched_at", NULL);
  wm_version_set_member (draft, "stopped_at", NULL);
  wm_version_set_timestamp (draft, "created_at", now);
  wm_flow_append_version (copy, draft);
  wm_flow_set_id (copy, new_id);
  wm_flow_set_name (copy, name);

  if (!_wm_workspace_insert_flow (self, copy, now, error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_flow_changed (self, new_id);
  return g_steal_pointer (&new_id);

fail:
  _wm_db_rollback (self);
  return NULL;
}

gboolean
wm_workspace_delete_flow (WmWorkspace *self,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(WmFlow) flow = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!_wm_db_begin (self, error))
    return FALSE;
  flow = _wm_workspace_read_flow (self, id, NULL, error);
  if (flow == NULL)
    goto fail;
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, i);

      if (wm_version_get_status (version) != WM_VERSION_DRAFT)
        {
          g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_STATE,
                       _("“%s” cannot be deleted: version %u is %s, and only a flow that was never "
                         "launched can be deleted; stop it instead"),
                       flow_label (flow), wm_version_get_number (version), status_name (version));
          goto fail;
        }
    }
  if (!_wm_workspace_check_ungrouped (self, id, flow_label (flow), error))
    goto fail;
  stmt = _wm_db_prepare (self, "DELETE FROM flows WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  _wm_db_bind_text (stmt, 1, id);
  if (!_wm_db_step_done (self, stmt, error) || !_wm_db_commit (self, error))
    goto fail;
  _wm_workspace_flow_changed (self, id);
  return TRUE;

fail:
  _wm_db_rollback (self);
  return FALSE;
}
