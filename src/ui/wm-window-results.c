/* wm-window-results.c - Import Results…: runs simulated elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run can be simulated outside the app, on a cluster or with GNU
 * parallel (README, Scale out). Its merged report, or the partial results
 * of its parts, come back here: read and merged in a thread (a thousand
 * partials take a moment), then checked against the workspace's flows and
 * stored as a run that remembers where it came from, and shown on the
 * performance page like a local run. Results made for other versions of a
 * flow are refused with the reason.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-runs-import.h"
#include "wm-window.h"

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  WmRunImport *import = wm_run_import_read ((const char * const *) task_data, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) wm_run_import_free);
}

void
wm_window_import_results_async (WmWindow            *self,
                                const char * const  *paths,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wm_window_import_results_async);
  g_task_set_task_data (task, g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, read_in_thread);
}

gint64
wm_window_import_results_finish (WmWindow      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_autoptr(WmRunImport) import = NULL;
  WmWorkspace *workspace;
  GError *local = NULL;
  gint64 id = 0;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  import = g_task_propagate_pointer (G_TASK (result), &local);
  workspace = wm_flows_page_get_workspace (wm_window_get_flows_page (self));
  if (import != NULL && workspace == NULL)
    local = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                                 _("No workspace is open to import into"));
  else if (import != NULL)
    id = wm_workspace_add_imported_run (workspace, import, &local);

  if (id == 0)
    {
      _wm_window_show_toast (self, local->message);
      g_propagate_error (error, local);
      return 0;
    }

  /* Shown like a local run: on the canvas when its flow is open, and on
   * the performance page. */
  {
    WmEditorPage *editor = wm_window_get_editor_page (self);
    WmFlow *open = wm_editor_page_get_flow (editor);

    for (guint i = 0; open != NULL && i < import->flows->len; i++)
      if (g_strcmp0 (((WmRunImportFlow *) import->flows->pdata[i])->flow_id, wm_flow_get_id (open)) == 0)
        wm_editor_page_show_run (editor, id);
  }
  if (!wm_window_show_run (self, id, &local))
    {
      _wm_window_show_toast (self, local->message);
      g_clear_error (&local);
    }
  _wm_window_show_toast (self, import->origin);
  return id;
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* The toast has said what went wrong. */
  wm_window_import_results_finish (WM_WINDOW (source), result, NULL);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (chosen, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      if (paths->len > 1)
        wm_window_import_results_async (self, (const char * const *) paths->pdata, NULL, imported_cb, NULL);
    }
  g_object_unref (chooser);
}

static void
import_results_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) results = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Simulation Results"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  /* One merged report, or every partial result of a split run at once. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (results, _("Reports and partial results"));
  gtk_file_filter_add_pattern (results, "*.json");
  gtk_file_filter_add_pattern (results, "*.partial");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), results);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), results);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_wm_window_results_init (WmWindow *self)
{
  static const GActionEntry actions[] = {
    { "import-results", import_results_activated_cb, NULL, NULL, NULL },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
