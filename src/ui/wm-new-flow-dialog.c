/* wm-new-flow-dialog.c - a new flow: blank, or from a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-flow-preview.h"
#include "wm-new-flow-dialog.h"

struct _WmNewFlowDialog
{
  AdwWindow    parent_instance;

  WmWorkspace *workspace;

  /* Template children */
  AdwEntryRow *name_row;
  GtkLabel    *error_label;
  GtkListBox  *template_list;
};

G_DEFINE_FINAL_TYPE (WmNewFlowDialog, wm_new_flow_dialog, ADW_TYPE_WINDOW)

enum {
  FLOW_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
add_choice (WmNewFlowDialog *self,
            const char      *template_id,
            const char      *title,
            const char      *subtitle,
            const char      *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  g_object_set_data_full (G_OBJECT (row), "template-id", g_strdup (template_id), g_free);
  gtk_list_box_append (self->template_list, row);
  return row;
}

static void
add_preview (GtkWidget  *row,
             const char *name,
             WmFlow     *flow)
{
  GtkWidget *preview = wm_flow_preview_new ();
  WmVersion *version;
  g_autofree char *label = NULL;
  guint n;

  wm_flow_preview_set_flow (WM_FLOW_PREVIEW (preview), flow);
  version = wm_flow_preview_get_version (WM_FLOW_PREVIEW (preview));
  n = version != NULL ? wm_version_get_n_elements (version) : 0;
  /* Translators: the accessible name of a template's picture, "Preview of Cart recovery, 6 elements" */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Preview of %s, %u element", "Preview of %s, %u elements", n),
                           name, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_size_request (preview, 144, 56);
  gtk_widget_set_valign (preview, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (preview, "template-preview");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), preview);
}

static void
fill_templates (WmNewFlowDialog *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *blank;

  blank = add_choice (self, NULL, _("Blank Flow"), _("An empty draft to build from scratch"),
                      "document-new-symbolic");
  gtk_list_box_select_row (self->template_list, GTK_LIST_BOX_ROW (blank));

  templates = wm_workspace_list_templates (self->workspace, &error);
  if (templates == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      WmDefinition *t = g_ptr_array_index (templates, i);
      GtkWidget *row = add_choice (self, t->id, t->name, t->description,
                                   t->builtin ? "view-paged-symbolic" : "document-save-symbolic");
      g_autoptr(WmFlow) flow = wm_workspace_get_template (self->workspace, t->id, NULL);

      /* The graph it starts with, small; a template that cannot be read
       * keeps its icon only (choosing it says why). */
      if (flow != NULL)
        add_preview (row, t->name, flow);
    }
}

GtkWidget *
wm_new_flow_dialog_new (GtkWindow   *parent,
                        WmWorkspace *workspace)
{
  WmNewFlowDialog *self;

  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (WM_TYPE_NEW_FLOW_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  fill_templates (self);
  return GTK_WIDGET (self);
}

gboolean
wm_new_flow_dialog_select_template (WmNewFlowDialog *self,
                                    const char      *template_id)
{
  g_return_val_if_fail (WM_IS_NEW_FLOW_DIALOG (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->template_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && g_strcmp0 (g_object_get_data (G_OBJECT (row), "template-id"), template_id) == 0)
      {
        gtk_list_box_select_row (self->template_list, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

void
wm_new_flow_dialog_set_name (WmNewFlowDialog *self,
                             const char      *name)
{
  g_return_if_fail (WM_IS_NEW_FLOW_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

char *
wm_new_flow_dialog_create (WmNewFlowDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->template_list);
  const char *template_id = row ? g_object_get_data (G_OBJECT (row), "template-id") : NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  char *id;

  g_return_val_if_fail (WM_IS_NEW_FLOW_DIALOG (self), NULL);

  /* An empty name takes the template's, or "Untitled flow" for a blank
   * one: a flow is never nameless in the list. */
  if (template_id != NULL)
    id = wm_workspace_instantiate_template (self->workspace, template_id,
                                            *name != '\0' ? name : NULL, now, &error);
  else
    id = wm_workspace_create_flow (self->workspace, *name != '\0' ? name : _("Untitled flow"),
                                   now, &error);
  if (id == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return NULL;
    }
  g_signal_emit (self, signals[FLOW_CREATED], 0, id);
  return id;
}

static void
create_button_clicked_cb (WmNewFlowDialog *self)
{
  g_autofree char *id = wm_new_flow_dialog_create (self);

  if (id != NULL)
    gtk_window_close (GTK_WINDOW (self));
}

static void
wm_new_flow_dialog_dispose (GObject *object)
{
  WmNewFlowDialog *self = WM_NEW_FLOW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_NEW_FLOW_DIALOG);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_new_flow_dialog_parent_class)->dispose (object);
}

static void
wm_new_flow_dialog_class_init (WmNewFlowDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_new_flow_dialog_dispose;

  /**
   * WmNewFlowDialog::flow-created:
   * @id: the new flow's id
   */
  signals[FLOW_CREATED] =
    g_signal_new ("flow-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-new-flow-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmNewFlowDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WmNewFlowDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WmNewFlowDialog, template_list);
  gtk_widget_class_bind_template_callback (widget_class, create_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_new_flow_dialog_init (WmNewFlowDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
