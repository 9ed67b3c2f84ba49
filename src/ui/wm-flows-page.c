/* wm-flows-page.c - "All communications": every flow of the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-flow-info.h"
#include "wm-flows-page.h"
#include "wm-new-flow-dialog.h"
#include "wm-status-badge.h"

struct _WmFlowsPage
{
  GtkWidget              parent_instance;

  WmWorkspace        *workspace;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *search_text;  /* casefolded, or NULL */
  int                 status;       /* -1: any */

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_new_button;
};

G_DEFINE_FINAL_TYPE (WmFlowsPage, wm_flows_page, GTK_TYPE_WIDGET)

enum {
  FLOW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wm_flows_page_new (void)
{
  return g_object_new (WM_TYPE_FLOWS_PAGE, NULL);
}

char *
wm_format_changed_at (gint64 changed_at,
                      gint64 now)
{
  gint64 ago = now - changed_at;
  g_autoptr(GDateTime) local = NULL;

  /* A clock set back shows "Just now" rather than "in 3 minutes". */
  if (ago < 60)
    return g_strdup (_("Just now"));
  if (ago < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         ago / 60), (int) (ago / 60));
  if (ago < 24 * 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago",
                                         ago / 3600), (int) (ago / 3600));
  if (ago < 7 * 24 * 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago",
                                         ago / 86400), (int) (ago / 86400));
  local = g_date_time_new_from_unix_local (changed_at);
  if (local == NULL)
    return g_strdup ("");
  /* Translators: the date of an older change, see strftime(3). */
  return g_date_time_format (local, _("%e %b %Y"));
}

static gboolean
flow_matches (gpointer item,
              gpointer user_data)
{
  WmFlowsPage *self = WM_FLOWS_PAGE (user_data);
  WmFlowInfo *info = WM_FLOW_INFO (item);

  if (self->status >= 0 && (int) wm_flow_info_get_status (info) != self->status)
    return FALSE;
  if (self->search_text != NULL)
    {
      g_autofree char *name = g_utf8_casefold (wm_flow_info_get_name (info), -1);

      if (strstr (name, self->search_text) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
update_empty_state (WmFlowsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = self->workspace != NULL
              ? g_list_model_get_n_items (wm_workspace_get_flows (self->workspace)) : 0;

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (all == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "mail-send-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Flows Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("A flow sends messages, waits and branches for each customer who enters it."));
      gtk_widget_set_visible (self->empty_new_button, TRUE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Flows"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another name or status."));
      gtk_widget_set_visible (self->empty_new_button, FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
filtered_items_changed_cb (WmFlowsPage *self)
{
  update_empty_state (self);
}

static void
refilter (WmFlowsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

void
wm_flows_page_set_search_text (WmFlowsPage *self,
                               const char  *text)
{
  g_return_if_fail (WM_IS_FLOWS_PAGE (self));

  /* Setting the entry's text first clears it, and the entry reports the
   * empty text at once: filter on @text after that. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_clear_pointer (&self->search_text, g_free);
  if (text != NULL && *text != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  refilter (self);
}

void
wm_flows_page_set_status_filter (WmFlowsPage *self,
                                 int          status)
{
  g_return_if_fail (WM_IS_FLOWS_PAGE (self));
  g_return_if_fail (status >= -1 && status < WM_N_VERSION_STATUSES);

  self->status = status;
  if ((int) gtk_drop_down_get_selected (self->status_dropdown) != status + 1)
    gtk_drop_down_set_selected (self->status_dropdown, status + 1);
  refilter (self);
}

GListModel *
wm_flows_page_get_shown (WmFlowsPage *self)
{
  g_return_val_if_fail (WM_IS_FLOWS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

static void
search_entry_search_changed_cb (WmFlowsPage    *self,
                                GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->search_text, g_free);
  if (*text != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
status_dropdown_selected_cb (WmFlowsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  /* Item 0 is "Any status", then the statuses in their enum order. */
  self->status = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  refilter (self);
}

void
wm_flows_page_add_toast (WmFlowsPage *self,
                         const char  *message)
{
  g_return_if_fail (WM_IS_FLOWS_PAGE (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
wm_flows_page_show_toast (WmFlowsPage *self,
                          AdwToast    *toast)
{
  g_return_if_fail (WM_IS_FLOWS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static WmFlowInfo *
find_info (WmFlowsPage *self,
           const char  *id)
{
  GListModel *flows;

  if (self->workspace == NULL)
    return NULL;
  flows = wm_workspace_get_flows (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (flows, i);

      if (g_strcmp0 (wm_flow_info_get_id (info), id) == 0)
        return g_steal_pointer (&info);
    }
  return NULL;
}

static void
list_view_activate_cb (WmFlowsPage *self,
                       guint        position)
{
  g_autoptr(WmFlowInfo) info = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (info != NULL)
    g_signal_emit (self, signals[FLOW_ACTIVATED], 0, wm_flow_info_get_id (info));
}

/* Rows */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box, *text_box, *name, *details, *badge, *menu_button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "flow-row");

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "flow-name");
  details = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (text_box), name);
  gtk_box_append (GTK_BOX (text_box), details);

  badge = gtk_label_new (NULL);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");

  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), menu_button);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "details", details);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  g_object_set_data (G_OBJECT (box), "menu", menu_button);
  gtk_list_item_set_child (item, box);
}

static GMenuModel *
make_row_menu (const char *id)
{
  GMenu *menu = g_menu_new ();
  const struct { const char *label; const char *action; } items[] = {
    { N_("_Open"), "flows.open" },
    { N_("_Duplicate"), "flows.duplicate" },
    { N_("_Delete…"), "flows.delete" },
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
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  WmFlowInfo *info = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *name = g_object_get_data (G_OBJECT (box), "name");
  GtkLabel *details = g_object_get_data (G_OBJECT (box), "details");
  GtkLabel *badge = g_object_get_data (G_OBJECT (box), "badge");
  GtkMenuButton *menu_button = g_object_get_data (G_OBJECT (box), "menu");
  g_autoptr(GMenuModel) menu = make_row_menu (wm_flow_info_get_id (info));
  g_autofree char *changed = wm_format_changed_at (wm_flow_info_get_changed_at (info),
                                                    g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  const char *flow_name = wm_flow_info_get_name (info);

  if (*flow_name == '\0')
    flow_name = _("Untitled flow");
  gtk_label_set_text (name, flow_name);
  /* Translators: "Version 2 · 3 hours ago" */
  text = g_strdup_printf (_("Version %u · %s"), wm_flow_info_get_latest_number (info), changed);
  gtk_label_set_text (details, text);
  wm_status_badge_update (badge, wm_flow_info_get_status (info));
  gtk_menu_button_set_menu_model (menu_button, menu);
  /* Translators: the menu of one flow, "More for Welcome message" */
  more = g_strdup_printf (_("More for %s"), flow_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (menu_button), more);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, flow_name, -1);
}

/* Actions */

static void
new_flow_created_cb (WmFlowsPage *self,
                     const char  *id)
{
  g_signal_emit (self, signals[FLOW_ACTIVATED], 0, id);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmFlowsPage *self = WM_FLOWS_PAGE (widget);
  GtkWidget *dialog;

  if (self->workspace == NULL)
    return;
  dialog = wm_new_flow_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->workspace);
  g_signal_connect_object (dialog, "flow-created", G_CALLBACK (new_flow_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmFlowsPage *self = WM_FLOWS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[FLOW_ACTIVATED], 0, g_variant_get_string (parameter, NULL));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmFlowsPage *self = WM_FLOWS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->workspace == NULL)
    return;
  id = wm_workspace_duplicate (self->workspace, g_variant_get_string (parameter, NULL), 0,
                               g_get_real_time () / G_USEC_PER_SEC, &error);
  if (id == NULL)
    wm_flows_page_add_toast (self, error->message);
  else
    wm_flows_page_add_toast (self, _("Flow duplicated"));
}

static void
delete_flow (WmFlowsPage *self,
             const char  *id)
{
  g_autoptr(GError) error = NULL;

  if (!wm_workspace_delete_flow (self->workspace, id, &error))
    wm_flows_page_add_toast (self, error->message);
}

static void
delete_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           WmFlowsPage      *self)
{
  if (g_strcmp0 (response, "delete") == 0 && self->workspace != NULL)
    delete_flow (self, g_object_get_data (G_OBJECT (dialog), "flow-id"));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmFlowsPage *self = WM_FLOWS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(WmFlowInfo) info = find_info (self, id);
  GtkWidget *dialog;

  if (info == NULL)
    return;
  /* A launched flow cannot be deleted: the workspace says why, and there
   * is nothing to confirm. */
  if (wm_flow_info_get_status (info) != WM_VERSION_DRAFT)
    {
      delete_flow (self, id);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete Flow?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and all its drafts will be deleted. This cannot be undone."),
                                  wm_flow_info_get_name (info));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "flow-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Workspace */

WmWorkspace *
wm_flows_page_get_workspace (WmFlowsPage *self)
{
  g_return_val_if_fail (WM_IS_FLOWS_PAGE (self), NULL);
  return self->workspace;
}

void
wm_flows_page_set_workspace (WmFlowsPage *self,
                             WmWorkspace *workspace)
{
  g_return_if_fail (WM_IS_FLOWS_PAGE (self));
  g_return_if_fail (workspace == NULL || WM_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;
  gtk_filter_list_model_set_model (self->filtered,
                                   workspace != NULL ? wm_workspace_get_flows (workspace) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flows.new", workspace != NULL);
  update_empty_state (self);
}

static void
wm_flows_page_dispose (GObject *object)
{
  WmFlowsPage *self = WM_FLOWS_PAGE (object);
  GtkWidget *child;

  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_FLOWS_PAGE);
  /* The template's top box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_flows_page_parent_class)->dispose (object);
}

static void
wm_flows_page_finalize (GObject *object)
{
  WmFlowsPage *self = WM_FLOWS_PAGE (object);

  g_free (self->search_text);

  G_OBJECT_CLASS (wm_flows_page_parent_class)->finalize (object);
}

static void
wm_flows_page_class_init (WmFlowsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_flows_page_dispose;
  object_class->finalize = wm_flows_page_finalize;

  /**
   * WmFlowsPage::flow-activated:
   * @id: the flow's id
   *
   * A person opened a flow, or created one.
   */
  signals[FLOW_ACTIVATED] =
    g_signal_new ("flow-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-flows-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WmFlowsPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "flows.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "flows.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "flows.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "flows.duplicate", "s", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "flows.delete", "s", delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "flows.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "flows.new", NULL);
}

static void
wm_flows_page_init (WmFlowsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  wm_pages_ensure_css ();
  self->status = -1;

  self->filter = gtk_custom_filter_new (flow_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (filtered_items_changed_cb), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; i < WM_N_VERSION_STATUSES; i++)
    gtk_string_list_append (statuses, wm_version_status_get_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flows.new", FALSE);
  update_empty_state (self);
}
