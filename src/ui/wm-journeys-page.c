/* wm-journeys-page.c - the workspace's journeys, beside the flows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace holds a handful of journeys, not thousands of flows: the
 * list is a boxed GtkListBox rebuilt from wm_workspace_list_journeys
 * whenever the workspace says a journey changed, and the search rebuilds
 * it too, so what is shown is always what is stored.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-flows-page.h"
#include "wm-journeys-page.h"
#include "wm-json.h"
#include "wm-status-badge.h"

#define JOURNEY_FILE_SUFFIX ".waymark-journey.json"

struct _WmJourneysPage
{
  GtkWidget        parent_instance;

  WmWorkspace     *workspace;
  GPtrArray       *shown;        /* WmJourneyInfo, after the search */
  char            *search_text;  /* casefolded, or NULL */
  guint            n_journeys;   /* before the search */

  /* Template children */
  AdwToastOverlay *toast_overlay;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkListBox      *list_box;
  AdwStatusPage   *empty_page;
  GtkWidget       *empty_new_button;
};

G_DEFINE_FINAL_TYPE (WmJourneysPage, wm_journeys_page, GTK_TYPE_WIDGET)

enum {
  JOURNEY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wm_journeys_page_new (void)
{
  return g_object_new (WM_TYPE_JOURNEYS_PAGE, NULL);
}

void
wm_journeys_page_add_toast (WmJourneysPage *self,
                            const char     *message)
{
  g_return_if_fail (WM_IS_JOURNEYS_PAGE (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
wm_journeys_page_show_toast (WmJourneysPage *self,
                             AdwToast       *toast)
{
  g_return_if_fail (WM_IS_JOURNEYS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const char *
shown_name (WmJourneyInfo *info)
{
  return *info->name != '\0' ? info->name : _("Untitled journey");
}

static WmJourneyInfo *
find_shown (WmJourneysPage *self,
            const char     *id)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      WmJourneyInfo *info = g_ptr_array_index (self->shown, i);

      if (g_str_equal (info->id, id))
        return info;
    }
  return NULL;
}

/* Rows */

static GMenuModel *
make_row_menu (const char *id)
{
  GMenu *menu = g_menu_new ();
  const struct { const char *label; const char *action; } items[] = {
    { N_("_Open"), "journeys.open" },
    { N_("_Duplicate"), "journeys.duplicate" },
    { N_("_Export…"), "journeys.export" },
    { N_("_Delete…"), "journeys.delete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
row_activated_cb (AdwActionRow   *row,
                  WmJourneysPage *self)
{
  g_signal_emit (self, signals[JOURNEY_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "journey-id"));
}

static GtkWidget *
make_row (WmJourneysPage *self,
          WmJourneyInfo  *info,
          gint64          now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = make_row_menu (info->id);
  g_autofree char *changed = wm_format_changed_at (info->changed_at, now);
  g_autofree char *stages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage", "%u stages",
                                                          info->n_stages), info->n_stages);
  /* Translators: "3 stages · 2 hours ago" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), stages, changed);
  /* Translators: the menu of one journey, "More for Onboarding" */
  g_autofree char *more = g_strdup_printf (_("More for %s"), shown_name (info));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown_name (info));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mark-location-symbolic"));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, more);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "journey-id", g_strdup (info->id), g_free);
  g_object_set_data (G_OBJECT (row), "menu-button", menu_button);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  return row;
}

static gboolean
matches (WmJourneysPage *self,
         WmJourneyInfo  *info)
{
  g_autofree char *name = NULL;

  if (self->search_text == NULL)
    return TRUE;
  name = g_utf8_casefold (shown_name (info), -1);
  return strstr (name, self->search_text) != NULL;
}

static void
update_empty_state (WmJourneysPage *self)
{
  if (self->shown->len > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (self->n_journeys == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "mark-location-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Journeys Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("A journey maps the stages customers go through, and groups the flows that serve each stage."));
      gtk_widget_set_visible (self->empty_new_button, TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Journeys"));
      adw_status_page_set_description (self->empty_page, _("Try another name."));
      gtk_widget_set_visible (self->empty_new_button, FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
reload (WmJourneysPage *self)
{
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->shown, 0);
  self->n_journeys = 0;

  if (self->workspace != NULL)
    {
      journeys = wm_workspace_list_journeys (self->workspace, &error);
      if (journeys == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Could not list the journeys: %s"), error->message);

          wm_journeys_page_add_toast (self, message);
        }
    }
  if (journeys != NULL)
    {
      self->n_journeys = journeys->len;
      for (guint i = 0; i < journeys->len; i++)
        {
          WmJourneyInfo *info = g_ptr_array_index (journeys, i);

          if (!matches (self, info))
            continue;
          gtk_list_box_append (self->list_box, make_row (self, info, now));
          g_ptr_array_add (self->shown, g_steal_pointer (&journeys->pdata[i]));
        }
    }
  update_empty_state (self);
}

guint
wm_journeys_page_get_n_shown (WmJourneysPage *self)
{
  g_return_val_if_fail (WM_IS_JOURNEYS_PAGE (self), 0);
  return self->shown->len;
}

const char *
wm_journeys_page_get_shown_id (WmJourneysPage *self,
                               guint           index)
{
  g_return_val_if_fail (WM_IS_JOURNEYS_PAGE (self), NULL);

  if (index >= self->shown->len)
    return NULL;
  return ((WmJourneyInfo *) g_ptr_array_index (self->shown, index))->id;
}

GtkWidget *
wm_journeys_page_get_row (WmJourneysPage *self,
                          guint           index)
{
  g_return_val_if_fail (WM_IS_JOURNEYS_PAGE (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, index));
}

void
wm_journeys_page_set_search_text (WmJourneysPage *self,
                                  const char     *text)
{
  g_return_if_fail (WM_IS_JOURNEYS_PAGE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_clear_pointer (&self->search_text, g_free);
  if (text != NULL && *text != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  reload (self);
}

static void
search_entry_search_changed_cb (WmJourneysPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;

  if (g_strcmp0 (folded, self->search_text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&folded);
  reload (self);
}

/* Journey files */

static char *
file_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *uri = NULL;

  if (base != NULL)
    return g_filename_display_name (base);
  uri = g_file_get_uri (file);
  return g_strdup (uri);
}

gboolean
wm_file_is_journey (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = file_display_name (file);
  if (g_str_has_suffix (name, JOURNEY_FILE_SUFFIX))
    return TRUE;
  if (!g_str_has_suffix (name, ".json"))
    return FALSE;
  /* Anything that cannot be read or is too big is the flow importer's to
   * report: it names the file and the problem already. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_size (info) > WM_JSON_MAX_SIZE)
    return FALSE;
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, NULL))
    return FALSE;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  return g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL),
                    "waymark.journey") == 0;
}

char *
wm_import_journey_file (WmWorkspace  *workspace,
                        GFile        *file,
                        char        **id)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) journey = NULL;
  gboolean renamed = FALSE;
  const char *journey_name;
  gsize length = 0;

  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (id != NULL)
    *id = NULL;
  name = file_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    return g_strdup_printf (_("“%s” could not be read: %s"), name, error->message);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return g_strdup_printf (_("“%s” is a folder; choose the journey files inside it"), name);
  if (g_file_info_get_size (info) > WM_JSON_MAX_SIZE)
    return g_strdup_printf (_("“%s” is larger than 64 MiB, more than any journey file can be; "
                              "check that it is the right file"), name);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    return g_strdup_printf (_("“%s” could not be read: %s"), name, error->message);

  stored = wm_workspace_import_journey (workspace, data, length, &renamed, &error);
  if (stored == NULL)
    /* Translators: the file's name, then why it was not imported. */
    return g_strdup_printf (_("“%s”: %s"), name, error->message);

  journey = wm_workspace_get_journey (workspace, stored, NULL);
  journey_name = journey != NULL ? wm_journey_get_name (journey) : NULL;
  if (journey_name == NULL)
    journey_name = stored;
  if (id != NULL)
    *id = g_strdup (stored);
  if (renamed)
    return g_strdup_printf (_("“%s” already existed; imported as a copy"), journey_name);
  return g_strdup_printf (_("Imported “%s”"), journey_name);
}

/* Actions */

char *
wm_journeys_page_create (WmJourneysPage  *self,
                         const char      *name,
                         GError         **error)
{
  g_autoptr(GError) local = NULL;
  char *id;

  g_return_val_if_fail (WM_IS_JOURNEYS_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->workspace == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("No workspace is open to create the journey in"));
      return NULL;
    }
  id = wm_workspace_create_journey (self->workspace, name, g_get_real_time () / G_USEC_PER_SEC, &local);
  if (id == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not create the journey: %s"), local->message);

      wm_journeys_page_add_toast (self, message);
      g_propagate_error (error, g_steal_pointer (&local));
    }
  return id;
}

static void
new_name_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
new_name_activate_cb (GtkEntry         *entry,
                      AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    adw_message_dialog_response (dialog, "create");
}

static void
new_dialog_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        WmJourneysPage   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *id = NULL;

  if (g_strcmp0 (response, "create") != 0 || *name == '\0')
    return;
  id = wm_journeys_page_create (self, name, NULL);
  if (id != NULL)
    g_signal_emit (self, signals[JOURNEY_ACTIVATED], 0, id);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (widget);
  GtkWidget *dialog, *entry;

  if (self->workspace == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("New Journey"),
                                   _("A journey is named after what customers go through, such as “Onboarding”."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Journey name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Journey name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (new_name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (new_name_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[JOURNEY_ACTIVATED], 0, g_variant_get_string (parameter, NULL));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->workspace == NULL)
    return;
  id = wm_workspace_duplicate_journey (self->workspace, g_variant_get_string (parameter, NULL),
                                      g_get_real_time () / G_USEC_PER_SEC, &error);
  if (id == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not duplicate the journey: %s"), error->message);

      wm_journeys_page_add_toast (self, message);
    }
  else
    wm_journeys_page_add_toast (self, _("Journey duplicated"));
}

static void
delete_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           WmJourneysPage   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->workspace == NULL)
    return;
  if (!wm_workspace_delete_journey (self->workspace, g_object_get_data (G_OBJECT (dialog), "journey-id"),
                                    &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not delete the journey: %s"), error->message);

      wm_journeys_page_add_toast (self, message);
    }
  else
    wm_journeys_page_add_toast (self, _("Journey deleted"));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WmJourneyInfo *info = find_shown (self, id);
  GtkWidget *dialog;

  if (self->workspace == NULL || info == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete Journey?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its stages will be deleted; the flows they group are kept. "
                                    "This cannot be undone."),
                                  shown_name (info));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "journey-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
wm_export_journey_file (WmWorkspace  *workspace,
                        const char   *id,
                        GFile        *file,
                        GError      **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = wm_workspace_export_journey (workspace, id, &length, error);
  if (data == NULL)
    return FALSE;
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  WmWorkspace *workspace = g_object_get_data (G_OBJECT (chooser), "workspace");
  AdwToastOverlay *toasts = g_object_get_data (G_OBJECT (chooser), "toasts");
  const char *id = g_object_get_data (G_OBJECT (chooser), "journey-id");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *name = file_display_name (file);
      g_autofree char *message = NULL;

      if (wm_export_journey_file (workspace, id, file, &error))
        message = g_strdup_printf (_("Exported to “%s”"), name);
      else
        message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      adw_toast_overlay_add_toast (toasts, adw_toast_new (message));
    }
  g_object_unref (chooser);
}

void
wm_show_export_journey_dialog (GtkWidget       *parent,
                               AdwToastOverlay *toasts,
                               WmWorkspace     *workspace,
                               const char      *id)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = g_strconcat (id, JOURNEY_FILE_SUFFIX, NULL);
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (WM_IS_WORKSPACE (workspace));
  g_return_if_fail (id != NULL);

  chooser = gtk_file_chooser_native_new (_("Export Journey"), GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Journey files"));
  gtk_file_filter_add_pattern (filter, "*" JOURNEY_FILE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data_full (G_OBJECT (chooser), "journey-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (chooser), "workspace", g_object_ref (workspace), g_object_unref);
  g_object_set_data_full (G_OBJECT (chooser), "toasts", g_object_ref (toasts), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (widget);

  if (self->workspace != NULL)
    wm_show_export_journey_dialog (widget, self->toast_overlay, self->workspace,
                                   g_variant_get_string (parameter, NULL));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    WmJourneysPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      /* Each file on its own: a bad one does not stop the others. */
      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (chosen, i);
          g_autofree char *message = wm_import_journey_file (self->workspace, file, NULL);

          wm_journeys_page_add_toast (self, message);
        }
    }
  g_object_unref (chooser);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (widget);
  g_autoptr(GtkFileFilter) journeys = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->workspace == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Journeys"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (journeys, _("Journey files"));
  gtk_file_filter_add_pattern (journeys, "*" JOURNEY_FILE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), journeys);
  gtk_file_filter_set_name (json, _("JSON files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), journeys);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Workspace */

static void
journeys_changed_cb (WmJourneysPage *self)
{
  reload (self);
}

WmWorkspace *
wm_journeys_page_get_workspace (WmJourneysPage *self)
{
  g_return_val_if_fail (WM_IS_JOURNEYS_PAGE (self), NULL);
  return self->workspace;
}

void
wm_journeys_page_set_workspace (WmJourneysPage *self,
                                WmWorkspace    *workspace)
{
  g_return_if_fail (WM_IS_JOURNEYS_PAGE (self));
  g_return_if_fail (workspace == NULL || WM_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "journeys-changed", G_CALLBACK (journeys_changed_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.new", workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.import", workspace != NULL);
  reload (self);
}

static void
wm_journeys_page_dispose (GObject *object)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (object);
  GtkWidget *child;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_JOURNEYS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_journeys_page_parent_class)->dispose (object);
}

static void
wm_journeys_page_finalize (GObject *object)
{
  WmJourneysPage *self = WM_JOURNEYS_PAGE (object);

  g_ptr_array_unref (self->shown);
  g_free (self->search_text);

  G_OBJECT_CLASS (wm_journeys_page_parent_class)->finalize (object);
}

static void
wm_journeys_page_class_init (WmJourneysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_journeys_page_dispose;
  object_class->finalize = wm_journeys_page_finalize;

  /**
   * WmJourneysPage::journey-activated:
   * @id: the journey's id
   *
   * A person opened a journey, or created one.
   */
  signals[JOURNEY_ACTIVATED] =
    g_signal_new ("journey-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-journeys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmJourneysPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmJourneysPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WmJourneysPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WmJourneysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WmJourneysPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, WmJourneysPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WmJourneysPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "journeys.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "journeys.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "journeys.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "journeys.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "journeys.duplicate", "s", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "journeys.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "journeys.delete", "s", delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "journeys.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "journeys.new", NULL);
}

static void
wm_journeys_page_init (WmJourneysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wm_pages_ensure_css ();
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_journey_info_free);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journeys.import", FALSE);
  update_empty_state (self);
}
