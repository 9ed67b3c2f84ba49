/* wm-definitions-window.c - the milestones and outcomes of the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Boxed lists rather than a GtkListView: at most 1,000 + 100 rows, each
 * with an edit and a delete button, which a list box keeps simple and
 * fully accessible. The lists are rebuilt from the workspace on
 * ::definitions-changed; the search only filters.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wm-definition-editor.h"
#include "wm-definitions-window.h"

typedef struct
{
  GtkSearchEntry *search_entry;
  GtkLabel       *count_label;
  GtkListBox     *list;
  char           *search;   /* casefolded, or NULL */
} Page;

struct _WmDefinitionsWindow
{
  AdwWindow        parent_instance;

  WmWorkspace     *workspace;
  Page             pages[2];  /* by WmDefinitionKind */

  /* Template children (and the pages' widgets) */
  AdwViewStack    *view_stack;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (WmDefinitionsWindow, wm_definitions_window, ADW_TYPE_WINDOW)

static const char *page_names[] = { "milestones", "outcomes" };

char *
wm_definitions_format_count (WmDefinitionKind kind,
                             guint            n)
{
  guint limit = kind == WM_DEFINITION_MILESTONE ? WM_WORKSPACE_MAX_MILESTONES : WM_WORKSPACE_MAX_OUTCOMES;
  /* The ' flag groups digits as LC_NUMERIC does: "1,000", "1.000", "1000". */
  g_autofree char *count = g_strdup_printf ("%'u", n);
  g_autofree char *most = g_strdup_printf ("%'u", limit);

  if (kind == WM_DEFINITION_MILESTONE)
    /* Translators: "812 of 1,000 milestones"; the plural follows the second number. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s milestone", "%s of %s milestones", limit),
                            count, most);
  /* Translators: "12 of 100 outcomes"; the plural follows the second number. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s outcome", "%s of %s outcomes", limit),
                          count, most);
}

static WmDefinition *
row_definition (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "definition");
}

static gboolean
page_matches (const Page         *page,
              const WmDefinition *definition)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (page->search == NULL)
    return TRUE;
  name = g_utf8_casefold (definition->name, -1);
  if (strstr (name, page->search) != NULL)
    return TRUE;
  description = g_utf8_casefold (definition->description ? definition->description : "", -1);
  return strstr (description, page->search) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  WmDefinition *definition = row_definition (row);

  return definition != NULL && page_matches (user_data, definition);
}

static GtkWidget *
make_button (const char *icon_name,
             const char *label,
             const char *action_name,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GtkWidget *
make_row (WmDefinitionKind  kind,
          WmDefinition     *definition)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *edit = NULL;

  /* Names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), definition->name);
  if (definition->description != NULL && *definition->description != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), definition->description);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Translators: the button that edits one milestone or outcome, "Edit Cart reminded" */
  edit = g_strdup_printf (_("Edit %s"), definition->name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button ("document-edit-symbolic", edit, "definitions.edit",
                                          g_variant_new ("(us)", kind, definition->id)));
  if (kind == WM_DEFINITION_MILESTONE)
    {
      /* Translators: the button that deletes one milestone, "Delete Cart reminded" */
      g_autofree char *delete = g_strdup_printf (_("Delete %s"), definition->name);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button ("user-trash-symbolic", delete, "definitions.delete",
                                              g_variant_new_string (definition->id)));
    }
  g_object_set_data_full (G_OBJECT (row), "definition", definition, (GDestroyNotify) wm_definition_free);
  return row;
}

static void
fill_page (WmDefinitionsWindow *self,
           WmDefinitionKind     kind)
{
  Page *page = &self->pages[kind];
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GtkListBoxRow *row;
  guint limit = kind == WM_DEFINITION_MILESTONE ? WM_WORKSPACE_MAX_MILESTONES : WM_WORKSPACE_MAX_OUTCOMES;

  /* Row by row: removing every child would take the placeholder too. */
  while ((row = gtk_list_box_get_row_at_index (page->list, 0)) != NULL)
    gtk_list_box_remove (page->list, GTK_WIDGET (row));
  gtk_label_set_text (page->count_label, "");
  if (self->workspace == NULL)
    return;

  list = wm_workspace_list_definitions (self->workspace, kind, &error);
  if (list == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* The rows own the definitions from here. */
  g_ptr_array_set_free_func (list, NULL);
  for (guint i = 0; i < list->len; i++)
    gtk_list_box_append (page->list, make_row (kind, g_ptr_array_index (list, i)));

  count = wm_definitions_format_count (kind, list->len);
  gtk_label_set_text (page->count_label, count);
  /* Full: adding will be refused, so say it before someone types a name. */
  if (list->len >= limit)
    gtk_widget_add_css_class (GTK_WIDGET (page->count_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (page->count_label), "warning");
}

static void
workspace_definitions_changed_cb (WmWorkspace         *workspace,
                                  int                  kind,
                                  WmDefinitionsWindow *self)
{
  if (kind == WM_DEFINITION_MILESTONE || kind == WM_DEFINITION_OUTCOME)
    fill_page (self, kind);
}

GtkWidget *
wm_definitions_window_new (GtkWindow   *parent,
                           WmWorkspace *workspace)
{
  WmDefinitionsWindow *self;

  g_return_val_if_fail (workspace == NULL || WM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (WM_TYPE_DEFINITIONS_WINDOW, "transient-for", parent, NULL);
  wm_definitions_window_set_workspace (self, workspace);
  return GTK_WIDGET (self);
}

void
wm_definitions_window_set_workspace (WmDefinitionsWindow *self,
                                     WmWorkspace         *workspace)
{
  g_return_if_fail (WM_IS_DEFINITIONS_WINDOW (self));
  g_return_if_fail (workspace == NULL || WM_IS_WORKSPACE (workspace));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (!g_set_object (&self->workspace, workspace))
    return;
  if (workspace != NULL)
    g_signal_connect_object (workspace, "definitions-changed",
                             G_CALLBACK (workspace_definitions_changed_cb), self, 0);
  fill_page (self, WM_DEFINITION_MILESTONE);
  fill_page (self, WM_DEFINITION_OUTCOME);
}

WmDefinitionKind
wm_definitions_window_get_kind (WmDefinitionsWindow *self)
{
  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), WM_DEFINITION_MILESTONE);

  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "outcomes") == 0
         ? WM_DEFINITION_OUTCOME : WM_DEFINITION_MILESTONE;
}

void
wm_definitions_window_set_kind (WmDefinitionsWindow *self,
                                WmDefinitionKind     kind)
{
  g_return_if_fail (WM_IS_DEFINITIONS_WINDOW (self));
  g_return_if_fail (kind <= WM_DEFINITION_OUTCOME);

  adw_view_stack_set_visible_child_name (self->view_stack, page_names[kind]);
}

static void
set_page_search (Page       *page,
                 const char *text)
{
  g_clear_pointer (&page->search, g_free);
  if (text != NULL && *text != '\0')
    page->search = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (page->list);
}

void
wm_definitions_window_set_search_text (WmDefinitionsWindow *self,
                                       WmDefinitionKind     kind,
                                       const char          *text)
{
  Page *page;

  g_return_if_fail (WM_IS_DEFINITIONS_WINDOW (self));
  g_return_if_fail (kind <= WM_DEFINITION_OUTCOME);

  /* The entry reports its new text later (search-changed is delayed):
   * filter on @text now. */
  page = &self->pages[kind];
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (page->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (page->search_entry), text ? text : "");
  set_page_search (page, text);
}

static void
search_changed (WmDefinitionsWindow *self,
                WmDefinitionKind     kind)
{
  Page *page = &self->pages[kind];

  set_page_search (page, gtk_editable_get_text (GTK_EDITABLE (page->search_entry)));
}

static void
milestone_search_changed_cb (WmDefinitionsWindow *self)
{
  search_changed (self, WM_DEFINITION_MILESTONE);
}

static void
outcome_search_changed_cb (WmDefinitionsWindow *self)
{
  search_changed (self, WM_DEFINITION_OUTCOME);
}

/* Escape in a search entry clears it; in an empty one, closes the window
 * as Escape does everywhere else in it. */
static void
stop_search (WmDefinitionsWindow *self,
             WmDefinitionKind     kind)
{
  if (self->pages[kind].search != NULL
      || *gtk_editable_get_text (GTK_EDITABLE (self->pages[kind].search_entry)) != '\0')
    wm_definitions_window_set_search_text (self, kind, NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
milestone_stop_search_cb (WmDefinitionsWindow *self)
{
  stop_search (self, WM_DEFINITION_MILESTONE);
}

static void
outcome_stop_search_cb (WmDefinitionsWindow *self)
{
  stop_search (self, WM_DEFINITION_OUTCOME);
}

GStrv
wm_definitions_window_get_shown (WmDefinitionsWindow *self,
                                 WmDefinitionKind     kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->pages[kind].list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      WmDefinition *definition = GTK_IS_LIST_BOX_ROW (row) ? row_definition (GTK_LIST_BOX_ROW (row)) : NULL;

      if (definition != NULL && page_matches (&self->pages[kind], definition))
        g_strv_builder_add (builder, definition->id);
    }
  return g_strv_builder_end (builder);
}

GtkWidget *
wm_definitions_window_get_row (WmDefinitionsWindow *self,
                               WmDefinitionKind     kind,
                               const char          *id)
{
  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->pages[kind].list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      WmDefinition *definition = GTK_IS_LIST_BOX_ROW (row) ? row_definition (GTK_LIST_BOX_ROW (row)) : NULL;

      if (definition != NULL && g_strcmp0 (definition->id, id) == 0)
        return row;
    }
  return NULL;
}

const char *
wm_definitions_window_get_count_text (WmDefinitionsWindow *self,
                                      WmDefinitionKind     kind)
{
  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  return gtk_label_get_text (self->pages[kind].count_label);
}

/* Add and edit */

GtkWidget *
wm_definitions_window_add (WmDefinitionsWindow *self,
                           WmDefinitionKind     kind)
{
  GtkWidget *editor;

  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  if (self->workspace == NULL)
    return NULL;
  editor = wm_definition_editor_new (GTK_WINDOW (self), self->workspace, kind, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

GtkWidget *
wm_definitions_window_edit (WmDefinitionsWindow *self,
                            WmDefinitionKind     kind,
                            const char          *id)
{
  GtkWidget *row;
  GtkWidget *editor;

  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  row = wm_definitions_window_get_row (self, kind, id);
  if (row == NULL || self->workspace == NULL)
    return NULL;
  editor = wm_definition_editor_new (GTK_WINDOW (self), self->workspace, kind,
                                     row_definition (GTK_LIST_BOX_ROW (row)));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmDefinitionsWindow *self = WM_DEFINITIONS_WINDOW (widget);

  wm_definitions_window_add (self, wm_definitions_window_get_kind (self));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  guint32 kind;
  const char *id;

  g_variant_get (parameter, "(u&s)", &kind, &id);
  if (kind <= WM_DEFINITION_OUTCOME)
    wm_definitions_window_edit (WM_DEFINITIONS_WINDOW (widget), kind, id);
}

static void
list_row_activated_cb (WmDefinitionsWindow *self,
                       GtkListBoxRow       *row,
                       GtkListBox          *list)
{
  WmDefinition *definition = row_definition (row);
  WmDefinitionKind kind = list == self->pages[WM_DEFINITION_OUTCOME].list
                          ? WM_DEFINITION_OUTCOME : WM_DEFINITION_MILESTONE;

  if (definition != NULL)
    wm_definitions_window_edit (self, kind, definition->id);
}

/* Delete */

static GtkWidget *
show_message (WmDefinitionsWindow *self,
              const char          *heading,
              const char          *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    WmDefinitionsWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "definition-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "definition-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->workspace == NULL)
    return;
  /* A flow may have been launched with it since the question was asked:
   * the workspace checks again and says so. */
  if (!wm_workspace_delete_definition (self->workspace, WM_DEFINITION_MILESTONE, id, &error))
    {
      show_message (self, _("Cannot Delete Milestone"), error->message);
      return;
    }
  done = g_strdup_printf (_("Milestone “%s” deleted"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
}

GtkWidget *
wm_definitions_window_delete (WmDefinitionsWindow *self,
                              const char          *id)
{
  g_auto(GStrv) users = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkWidget *dialog;
  WmDefinition *definition;

  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  row = wm_definitions_window_get_row (self, WM_DEFINITION_MILESTONE, id);
  if (row == NULL || self->workspace == NULL)
    return NULL;
  definition = row_definition (GTK_LIST_BOX_ROW (row));

  users = wm_workspace_list_definition_users (self->workspace, WM_DEFINITION_MILESTONE, id, &error);
  if (users == NULL)
    return show_message (self, _("Cannot Delete Milestone"), error->message);
  if (users[0] != NULL)
    {
      g_autoptr(GString) body = g_string_new (NULL);

      g_string_append_printf (body,
                              _("“%s” cannot be deleted: launched versions of these flows record it, "
                                "and their reports count it."),
                              definition->name);
      g_string_append_c (body, '\n');
      for (guint i = 0; users[i] != NULL; i++)
        g_string_append_printf (body, "\n• %s", users[i]);
      return show_message (self, _("Milestone In Use"), body->str);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Milestone?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be deleted. Drafts that use it will show it as unknown "
                                    "until you choose another milestone."),
                                  definition->name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "definition-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "definition-name", g_strdup (definition->name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  wm_definitions_window_delete (WM_DEFINITIONS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
wm_definitions_window_dispose (GObject *object)
{
  WmDefinitionsWindow *self = WM_DEFINITIONS_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_DEFINITIONS_WINDOW);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_definitions_window_parent_class)->dispose (object);
}

static void
wm_definitions_window_finalize (GObject *object)
{
  WmDefinitionsWindow *self = WM_DEFINITIONS_WINDOW (object);

  g_free (self->pages[WM_DEFINITION_MILESTONE].search);
  g_free (self->pages[WM_DEFINITION_OUTCOME].search);

  G_OBJECT_CLASS (wm_definitions_window_parent_class)->finalize (object);
}

#define BIND_PAGE_CHILD(name, kind, field) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (WmDefinitionsWindow, pages[kind].field))

static void
wm_definitions_window_class_init (WmDefinitionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_definitions_window_dispose;
  object_class->finalize = wm_definitions_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-definitions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionsWindow, toast_overlay);
  BIND_PAGE_CHILD ("milestone_search", WM_DEFINITION_MILESTONE, search_entry);
  BIND_PAGE_CHILD ("milestone_count", WM_DEFINITION_MILESTONE, count_label);
  BIND_PAGE_CHILD ("milestone_list", WM_DEFINITION_MILESTONE, list);
  BIND_PAGE_CHILD ("outcome_search", WM_DEFINITION_OUTCOME, search_entry);
  BIND_PAGE_CHILD ("outcome_count", WM_DEFINITION_OUTCOME, count_label);
  BIND_PAGE_CHILD ("outcome_list", WM_DEFINITION_OUTCOME, list);
  gtk_widget_class_bind_template_callback (widget_class, milestone_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, milestone_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "definitions.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "definitions.edit", "(us)", edit_activated);
  gtk_widget_class_install_action (widget_class, "definitions.delete", "s", delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "definitions.add", NULL);
}

static void
wm_definitions_window_init (WmDefinitionsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint kind = 0; kind < G_N_ELEMENTS (self->pages); kind++)
    gtk_list_box_set_filter_func (self->pages[kind].list, filter_row, &self->pages[kind], NULL);
}
