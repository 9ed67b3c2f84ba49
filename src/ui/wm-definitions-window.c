/* wm-definitions-window.c - the milestones and outcomes of the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page is a GtkListView over a GListStore of the definitions: up to a
 * thousand milestones, and a boxed GtkListBox of a thousand rows took
 * seconds to build, while a list view makes only the rows on screen. On
 * ::definitions-changed only the stretch of items that changed is
 * replaced, so one rename keeps the scroll and the focus.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wm-definition-editor.h"
#include "wm-definitions-window.h"
#include "wm-status-badge.h"

/* One definition as an item of the list models. */
#define WM_TYPE_DEFINITION_ITEM (wm_definition_item_get_type ())
G_DECLARE_FINAL_TYPE (WmDefinitionItem, wm_definition_item, WM, DEFINITION_ITEM, GObject)

struct _WmDefinitionItem
{
  GObject       parent_instance;
  WmDefinition *definition;
};

G_DEFINE_FINAL_TYPE (WmDefinitionItem, wm_definition_item, G_TYPE_OBJECT)

static void
wm_definition_item_finalize (GObject *object)
{
  wm_definition_free (WM_DEFINITION_ITEM (object)->definition);
  G_OBJECT_CLASS (wm_definition_item_parent_class)->finalize (object);
}

static void
wm_definition_item_class_init (WmDefinitionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_definition_item_finalize;
}

static void
wm_definition_item_init (WmDefinitionItem *self)
{
}

/* Takes @definition. */
static WmDefinitionItem *
wm_definition_item_new (WmDefinition *definition)
{
  WmDefinitionItem *self = g_object_new (WM_TYPE_DEFINITION_ITEM, NULL);

  self->definition = definition;
  return self;
}

typedef struct
{
  GtkWidget          *page;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GListStore         *store;     /* WmDefinitionItem, in the workspace's order */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *search;    /* casefolded, or NULL */
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
item_matches (gpointer item,
              gpointer user_data)
{
  return page_matches (user_data, WM_DEFINITION_ITEM (item)->definition);
}

static void
update_empty_state (WmDefinitionsWindow *self,
                    WmDefinitionKind     kind)
{
  Page *page = &self->pages[kind];

  if (g_list_model_get_n_items (G_LIST_MODEL (page->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (page->stack, "list");
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (page->store)) > 0)
    gtk_label_set_text (page->empty_label, kind == WM_DEFINITION_MILESTONE ? _("No matching milestones")
                                                                           : _("No matching outcomes"));
  else
    gtk_label_set_text (page->empty_label, kind == WM_DEFINITION_MILESTONE ? _("No milestones yet")
                                                                           : _("No outcomes yet"));
  gtk_stack_set_visible_child_name (page->stack, "empty");
}

static void
milestones_shown_changed_cb (WmDefinitionsWindow *self)
{
  update_empty_state (self, WM_DEFINITION_MILESTONE);
}

static void
outcomes_shown_changed_cb (WmDefinitionsWindow *self)
{
  update_empty_state (self, WM_DEFINITION_OUTCOME);
}

/* Rows */

static GtkWidget *
make_button (const char *icon_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  WmDefinitionKind kind = GPOINTER_TO_UINT (user_data);
  GtkWidget *box, *text_box, *name, *description, *edit;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  description = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");
  gtk_box_append (GTK_BOX (text_box), name);
  gtk_box_append (GTK_BOX (text_box), description);
  gtk_box_append (GTK_BOX (box), text_box);

  edit = make_button ("document-edit-symbolic");
  gtk_box_append (GTK_BOX (box), edit);
  g_object_set_data (G_OBJECT (box), "edit", edit);
  /* Outcomes have no delete button at all (the page says why). */
  if (kind == WM_DEFINITION_MILESTONE)
    {
      GtkWidget *delete = make_button ("user-trash-symbolic");

      gtk_box_append (GTK_BOX (box), delete);
      g_object_set_data (G_OBJECT (box), "delete", delete);
    }
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "description", description);
  gtk_list_item_set_child (item, box);
}

static void
set_button_label (GtkWidget  *button,
                  const char *label)
{
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  WmDefinitionKind kind = GPOINTER_TO_UINT (user_data);
  WmDefinition *definition = WM_DEFINITION_ITEM (gtk_list_item_get_item (item))->definition;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *edit = g_object_get_data (G_OBJECT (box), "edit");
  GtkWidget *delete = g_object_get_data (G_OBJECT (box), "delete");
  GtkWidget *description = g_object_get_data (G_OBJECT (box), "description");
  /* Translators: the button that edits one milestone or outcome, "Edit Cart reminded" */
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), definition->name);
  const char *text = definition->description != NULL ? definition->description : "";

  /* Labels without markup: names are the user's text. */
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), definition->name);
  gtk_label_set_text (GTK_LABEL (description), text);
  gtk_widget_set_visible (description, *text != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, definition->name, -1);
  /* The action is named once it has a target of its type. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new ("(us)", kind, definition->id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "definitions.edit");
  set_button_label (edit, edit_label);
  if (delete != NULL)
    {
      /* Translators: the button that deletes one milestone, "Delete Cart reminded" */
      g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), definition->name);

      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete), g_variant_new_string (definition->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "definitions.delete");
      set_button_label (delete, delete_label);
    }
  g_object_set_data_full (G_OBJECT (box), "definition-id", g_strdup (definition->id), g_free);
}

static gboolean
same_definition (const WmDefinition *a,
                 const WmDefinition *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->description, b->description) == 0;
}

static WmDefinition *
stored_at (Page  *page,
           guint  position)
{
  g_autoptr(WmDefinitionItem) item = g_list_model_get_item (G_LIST_MODEL (page->store), position);

  /* The store keeps its own reference. */
  return item->definition;
}

static void
fill_page (WmDefinitionsWindow *self,
           WmDefinitionKind     kind)
{
  Page *page = &self->pages[kind];
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint limit = kind == WM_DEFINITION_MILESTONE ? WM_WORKSPACE_MAX_MILESTONES : WM_WORKSPACE_MAX_OUTCOMES;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (page->store));
  guint n, prefix = 0, suffix = 0;

  if (self->workspace != NULL)
    {
      list = wm_workspace_list_definitions (self->workspace, kind, &error);
      if (list == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return;
        }
    }
  n = list != NULL ? list->len : 0;

  /* Replace only the stretch between the unchanged start and end. */
  while (prefix < n && prefix < n_old && same_definition (list->pdata[prefix], stored_at (page, prefix)))
    prefix++;
  while (suffix < n - prefix && suffix < n_old - prefix
         && same_definition (list->pdata[n - 1 - suffix], stored_at (page, n_old - 1 - suffix)))
    suffix++;
  for (guint i = prefix; i < n - suffix; i++)
    g_ptr_array_add (items, wm_definition_item_new (g_steal_pointer (&list->pdata[i])));
  g_list_store_splice (page->store, prefix, n_old - prefix - suffix, items->pdata, items->len);

  if (list == NULL)
    {
      gtk_label_set_text (page->count_label, "");
      return;
    }
  count = wm_definitions_format_count (kind, n);
  gtk_label_set_text (page->count_label, count);
  /* Full: adding will be refused, so say it before someone types a name. */
  if (n >= limit)
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
  gtk_filter_changed (GTK_FILTER (page->filter), GTK_FILTER_CHANGE_DIFFERENT);
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

static void
view_stack_visible_child_cb (WmDefinitionsWindow *self)
{
  WmDefinitionKind kind = wm_definitions_window_get_kind (self);

  /* Typing on a page searches it, so the page's entry has the focus. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->pages[kind].search_entry));
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
  GListModel *shown;

  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  shown = G_LIST_MODEL (self->pages[kind].filtered);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(WmDefinitionItem) item = g_list_model_get_item (shown, i);

      g_strv_builder_add (builder, item->definition->id);
    }
  return g_strv_builder_end (builder);
}

static GtkWidget *
find_row_widget (GtkWidget  *widget,
                 const char *id)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "definition-id"), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
wm_definitions_window_get_row (WmDefinitionsWindow *self,
                               WmDefinitionKind     kind,
                               const char          *id)
{
  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find_row_widget (GTK_WIDGET (self->pages[kind].list_view), id);
}

/* The definition @id as the page holds it (not a copy), or NULL. */
static WmDefinition *
find_definition (WmDefinitionsWindow *self,
                 WmDefinitionKind     kind,
                 const char          *id)
{
  GListModel *store = G_LIST_MODEL (self->pages[kind].store);

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(WmDefinitionItem) item = g_list_model_get_item (store, i);

      if (g_strcmp0 (item->definition->id, id) == 0)
        return item->definition;
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
  WmDefinition *definition;
  GtkWidget *editor;

  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  definition = find_definition (self, kind, id);
  if (definition == NULL || self->workspace == NULL)
    return NULL;
  editor = wm_definition_editor_new (GTK_WINDOW (self), self->workspace, kind, definition);
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
activate_position (WmDefinitionsWindow *self,
                   WmDefinitionKind     kind,
                   guint                position)
{
  g_autoptr(WmDefinitionItem) item = g_list_model_get_item (G_LIST_MODEL (self->pages[kind].filtered), position);

  if (item != NULL)
    wm_definitions_window_edit (self, kind, item->definition->id);
}

static void
milestone_list_activate_cb (WmDefinitionsWindow *self,
                            guint                position)
{
  activate_position (self, WM_DEFINITION_MILESTONE, position);
}

static void
outcome_list_activate_cb (WmDefinitionsWindow *self,
                          guint                position)
{
  activate_position (self, WM_DEFINITION_OUTCOME, position);
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
  g_auto(GStrv) drafts = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  WmDefinition *definition;

  g_return_val_if_fail (WM_IS_DEFINITIONS_WINDOW (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  definition = find_definition (self, WM_DEFINITION_MILESTONE, id);
  if (definition == NULL || self->workspace == NULL)
    return NULL;

  users = wm_workspace_list_definition_users (self->workspace, WM_DEFINITION_MILESTONE, id, FALSE, &error);
  if (users == NULL)
    return show_message (self, _("Cannot Delete Milestone"), error->message);
  if (users[0] != NULL)
    {
      g_autoptr(GString) refusal = g_string_new (NULL);

      g_string_append_printf (refusal,
                              _("“%s” cannot be deleted: launched versions of these flows record it, "
                                "and their reports count it."),
                              definition->name);
      g_string_append_c (refusal, '\n');
      for (guint i = 0; users[i] != NULL; i++)
        g_string_append_printf (refusal, "\n• %s", users[i]);
      return show_message (self, _("Milestone In Use"), refusal->str);
    }

  /* Drafts may use it: deleting is allowed, but say which will need another. */
  drafts = wm_workspace_list_definition_users (self->workspace, WM_DEFINITION_MILESTONE, id, TRUE, &error);
  if (drafts == NULL)
    return show_message (self, _("Cannot Delete Milestone"), error->message);
  body = g_string_new (NULL);
  if (drafts[0] == NULL)
    g_string_append_printf (body, _("“%s” will be deleted. No flow uses it."), definition->name);
  else
    {
      g_string_append_printf (body,
                              _("“%s” will be deleted. These drafts use it and will show it as unknown "
                                "until you choose another milestone:"),
                              definition->name);
      g_string_append_c (body, '\n');
      for (guint i = 0; drafts[i] != NULL; i++)
        g_string_append_printf (body, "\n• %s", drafts[i]);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Milestone?"), body->str);
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
wm_definitions_window_map (GtkWidget *widget)
{
  WmDefinitionsWindow *self = WM_DEFINITIONS_WINDOW (widget);

  GTK_WIDGET_CLASS (wm_definitions_window_parent_class)->map (widget);
  /* GtkWindow would focus the Add button, the first thing in the header. */
  gtk_widget_grab_focus (GTK_WIDGET (self->pages[wm_definitions_window_get_kind (self)].search_entry));
}

static void
wm_definitions_window_dispose (GObject *object)
{
  WmDefinitionsWindow *self = WM_DEFINITIONS_WINDOW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  for (guint kind = 0; kind < G_N_ELEMENTS (self->pages); kind++)
    if (self->pages[kind].filtered != NULL)
      g_signal_handlers_disconnect_by_data (self->pages[kind].filtered, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_DEFINITIONS_WINDOW);
  for (guint kind = 0; kind < G_N_ELEMENTS (self->pages); kind++)
    {
      g_clear_object (&self->pages[kind].filtered);
      g_clear_object (&self->pages[kind].store);
    }
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
  widget_class->map = wm_definitions_window_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-definitions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionsWindow, toast_overlay);
  BIND_PAGE_CHILD ("milestone_page", WM_DEFINITION_MILESTONE, page);
  BIND_PAGE_CHILD ("outcome_page", WM_DEFINITION_OUTCOME, page);
  BIND_PAGE_CHILD ("milestone_search", WM_DEFINITION_MILESTONE, search_entry);
  BIND_PAGE_CHILD ("milestone_count", WM_DEFINITION_MILESTONE, count_label);
  BIND_PAGE_CHILD ("milestone_stack", WM_DEFINITION_MILESTONE, stack);
  BIND_PAGE_CHILD ("milestone_list", WM_DEFINITION_MILESTONE, list_view);
  BIND_PAGE_CHILD ("milestone_empty", WM_DEFINITION_MILESTONE, empty_label);
  BIND_PAGE_CHILD ("outcome_search", WM_DEFINITION_OUTCOME, search_entry);
  BIND_PAGE_CHILD ("outcome_count", WM_DEFINITION_OUTCOME, count_label);
  BIND_PAGE_CHILD ("outcome_stack", WM_DEFINITION_OUTCOME, stack);
  BIND_PAGE_CHILD ("outcome_list", WM_DEFINITION_OUTCOME, list_view);
  BIND_PAGE_CHILD ("outcome_empty", WM_DEFINITION_OUTCOME, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, milestone_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, milestone_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, milestone_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "definitions.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "definitions.edit", "(us)", edit_activated);
  gtk_widget_class_install_action (widget_class, "definitions.delete", "s", delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "definitions.add", NULL);
}

static void
wm_definitions_window_init (WmDefinitionsWindow *self)
{
  GCallback shown_changed[] = { G_CALLBACK (milestones_shown_changed_cb), G_CALLBACK (outcomes_shown_changed_cb) };

  gtk_widget_init_template (GTK_WIDGET (self));
  wm_pages_ensure_css ();

  for (guint kind = 0; kind < G_N_ELEMENTS (self->pages); kind++)
    {
      Page *page = &self->pages[kind];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkNoSelection *selection;

      /* Typing anywhere on the page (in the list too) goes to its search. */
      gtk_search_entry_set_key_capture_widget (page->search_entry, page->page);
      page->store = g_list_store_new (WM_TYPE_DEFINITION_ITEM);
      page->filter = gtk_custom_filter_new (item_matches, page, NULL);
      page->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (page->store)),
                                                  GTK_FILTER (page->filter));
      g_signal_connect_swapped (page->filtered, "items-changed", shown_changed[kind], self);
      selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (page->filtered)));
      gtk_list_view_set_model (page->list_view, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);

      g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), GUINT_TO_POINTER (kind));
      g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), GUINT_TO_POINTER (kind));
      gtk_list_view_set_factory (page->list_view, factory);
      g_object_unref (factory);
      update_empty_state (self, kind);
    }
}
