/* wm-definition-editor.c - adding or editing one milestone or outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The name is renamed before the description is set: the name is what the
 * workspace may refuse, and a refusal then leaves both unchanged.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-definition-editor.h"

struct _WmDefinitionEditor
{
  AdwWindow         parent_instance;

  WmWorkspace      *workspace;
  WmDefinitionKind  kind;
  char             *id;           /* NULL: adding */
  char             *old_name;
  char             *old_description;

  /* Template children */
  AdwWindowTitle   *window_title;
  GtkButton        *save_button;
  AdwEntryRow      *name_row;
  AdwEntryRow      *description_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (WmDefinitionEditor, wm_definition_editor, ADW_TYPE_WINDOW)

static const char *
window_title (WmDefinitionKind kind,
              gboolean         adding)
{
  if (kind == WM_DEFINITION_MILESTONE)
    return adding ? _("New Milestone") : _("Edit Milestone");
  return adding ? _("New Outcome") : _("Edit Outcome");
}

GtkWidget *
wm_definition_editor_new (GtkWindow          *parent,
                          WmWorkspace        *workspace,
                          WmDefinitionKind    kind,
                          const WmDefinition *definition)
{
  WmDefinitionEditor *self;
  const char *title;

  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (kind <= WM_DEFINITION_OUTCOME, NULL);

  self = g_object_new (WM_TYPE_DEFINITION_EDITOR, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->kind = kind;
  title = window_title (kind, definition == NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (definition != NULL)
    {
      self->id = g_strdup (definition->id);
      self->old_name = g_strdup (definition->name);
      self->old_description = g_strdup (definition->description ? definition->description : "");
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->old_name);
      gtk_editable_set_text (GTK_EDITABLE (self->description_row), self->old_description);
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  return GTK_WIDGET (self);
}

void
wm_definition_editor_set_name (WmDefinitionEditor *self,
                               const char         *name)
{
  g_return_if_fail (WM_IS_DEFINITION_EDITOR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

void
wm_definition_editor_set_description (WmDefinitionEditor *self,
                                      const char         *description)
{
  g_return_if_fail (WM_IS_DEFINITION_EDITOR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description ? description : "");
}

const char *
wm_definition_editor_get_error (WmDefinitionEditor *self)
{
  g_return_val_if_fail (WM_IS_DEFINITION_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

static void
show_error (WmDefinitionEditor *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
}

gboolean
wm_definition_editor_save (WmDefinitionEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  const char *description;

  g_return_val_if_fail (WM_IS_DEFINITION_EDITOR (self), FALSE);

  /* Leading and trailing spaces are typing accidents, not part of a name. */
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  if (self->id == NULL)
    {
      id = wm_workspace_add_definition (self->workspace, self->kind, name, description, &error);
      if (id == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }
      /* A second Save must not add it twice. */
      self->id = g_steal_pointer (&id);
      self->old_name = g_strdup (name);
      self->old_description = g_strdup (description);
      return TRUE;
    }

  if (g_strcmp0 (name, self->old_name) != 0)
    {
      if (!wm_workspace_rename_definition (self->workspace, self->kind, self->id, name, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
      g_free (self->old_name);
      self->old_name = g_strdup (name);
    }
  if (g_strcmp0 (description, self->old_description) != 0)
    {
      if (!wm_workspace_set_definition_description (self->workspace, self->kind, self->id,
                                                    description, &error))
        {
          show_error (self, error->message);
          return FALSE;
        }
      g_free (self->old_description);
      self->old_description = g_strdup (description);
    }
  return TRUE;
}

static void
save_button_clicked_cb (WmDefinitionEditor *self)
{
  if (wm_definition_editor_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
name_row_changed_cb (WmDefinitionEditor *self)
{
  /* The refusal was about the old text: typing clears it. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
wm_definition_editor_dispose (GObject *object)
{
  WmDefinitionEditor *self = WM_DEFINITION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_DEFINITION_EDITOR);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_definition_editor_parent_class)->dispose (object);
}

static void
wm_definition_editor_finalize (GObject *object)
{
  WmDefinitionEditor *self = WM_DEFINITION_EDITOR (object);

  g_free (self->id);
  g_free (self->old_name);
  g_free (self->old_description);

  G_OBJECT_CLASS (wm_definition_editor_parent_class)->finalize (object);
}

static void
wm_definition_editor_class_init (WmDefinitionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_definition_editor_dispose;
  object_class->finalize = wm_definition_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-definition-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, WmDefinitionEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_row_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_definition_editor_init (WmDefinitionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
