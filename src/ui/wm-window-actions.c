/* wm-window-actions.c - importing flow and journey files, and the
 * milestones and outcomes window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Window actions (win.import, win.definitions) rather than page actions:
 * both pages' menus offer them, and a drop lands on the window whichever
 * page is shown. The chooser and the drop hand their files to one call,
 * wm_window_import_files, which tests drive directly.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-definitions-window.h"
#include "wm-window.h"

static WmWorkspace *
window_workspace (WmWindow *self)
{
  return wm_flows_page_get_workspace (wm_window_get_flows_page (self));
}

/* A toast shows one line: a longer message (a parse error with its line
 * and column) is cut short, so its toast offers the whole text. */
#define TOAST_CHARS 64

/* On the page a person is looking at. */
void
_wm_window_show_toast (WmWindow   *self,
                       const char *message)
{
  WmEditorPage *editor = wm_window_get_editor_page (self);
  AdwToast *toast = adw_toast_new (message);

  if (g_utf8_strlen (message, -1) > TOAST_CHARS)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-message");
      adw_toast_set_action_target_value (toast, g_variant_new_string (message));
    }
  if (gtk_widget_get_child_visible (GTK_WIDGET (editor)))
    wm_editor_page_show_toast (editor, toast);
  else if (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journey_editor (self))))
    wm_journey_editor_show_toast (wm_window_get_journey_editor (self), toast);
  else if (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journeys_page (self))))
    wm_journeys_page_show_toast (wm_window_get_journeys_page (self), toast);
  else
    wm_flows_page_show_toast (wm_window_get_flows_page (self), toast);
}

static void
show_message_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (user_data), _("Import Flows"),
                                   g_variant_get_string (parameter, NULL));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

char **
wm_window_import_files (WmWindow *self,
                        GSList   *files)
{
  WmWorkspace *workspace;
  char **messages;
  guint n;

  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  workspace = window_workspace (self);
  if (workspace == NULL)
    {
      _wm_window_show_toast (self, _("No workspace is open to import into"));
      return NULL;
    }
  /* Flows and journeys come through the same chooser and drop: each file
   * goes to its importer, by its "format", in the order given. */
  messages = g_new0 (char *, g_slist_length (files) + 1);
  n = 0;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GSList one = { .data = l->data, .next = NULL };
      g_auto(GStrv) flow_messages = NULL;

      if (wm_file_is_journey (G_FILE (l->data)))
        messages[n++] = wm_import_journey_file (workspace, G_FILE (l->data), NULL);
      else
        {
          flow_messages = wm_workspace_import_files (workspace, &one, NULL);
          messages[n++] = g_strdup (flow_messages[0]);
        }
    }
  for (guint i = 0; messages[i] != NULL; i++)
    _wm_window_show_toast (self, messages[i]);
  return messages;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    WmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_auto(GStrv) messages = NULL;
      GSList *files = NULL;

      for (guint i = g_list_model_get_n_items (chosen); i > 0; i--)
        files = g_slist_prepend (files, g_list_model_get_item (chosen, i - 1));
      messages = wm_window_import_files (self, files);
      g_slist_free_full (files, g_object_unref);
    }
  g_object_unref (chooser);
}

static void
import_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) flows = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) journeys = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  gboolean on_journeys = gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journeys_page (self)))
                         || gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journey_editor (self)));

  chooser = gtk_file_chooser_native_new (on_journeys ? _("Import Journeys") : _("Import Flows"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (flows, _("Flow files"));
  gtk_file_filter_add_pattern (flows, "*.waymark.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), flows);
  gtk_file_filter_set_name (journeys, _("Journey files"));
  gtk_file_filter_add_pattern (journeys, "*.waymark-journey.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), journeys);
  /* A flow saved under another name is still a flow. */
  gtk_file_filter_set_name (json, _("JSON files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), on_journeys ? journeys : flows);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_target_drop_cb (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     WmWindow      *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = NULL;
  g_auto(GStrv) messages = NULL;

  if (list == NULL)
    return FALSE;
  /* The list holds the files; only its links are ours to free. */
  files = gdk_file_list_get_files (list);
  messages = wm_window_import_files (self, files);
  return messages != NULL;
}

GtkWidget *
wm_window_show_definitions (WmWindow *self)
{
  WmWorkspace *workspace;
  GtkWidget *window;

  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  workspace = window_workspace (self);
  if (workspace == NULL)
    {
      _wm_window_show_toast (self, _("No workspace is open"));
      return NULL;
    }
  window = wm_definitions_window_new (GTK_WINDOW (self), workspace);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
definitions_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  wm_window_show_definitions (WM_WINDOW (user_data));
}

static const GActionEntry window_actions[] = {
  { "import", import_activated_cb, NULL, NULL, NULL },
  { "definitions", definitions_activated_cb, NULL, NULL, NULL },
  { "show-message", show_message_activated_cb, "s", NULL, NULL },
};

void
_wm_window_actions_init (WmWindow *self)
{
  GtkDropTarget *drop;

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_target_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
