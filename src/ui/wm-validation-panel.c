/* wm-validation-panel.c - the diagnostics of the flow being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-status-badge.h"
#include "wm-validation-panel.h"

struct _WmValidationPanel
{
  GtkWidget      parent_instance;

  GPtrArray  *shown;   /* WmDiagnostic, in row order */

  /* Template children */
  GtkLabel   *summary_label;
  GtkStack   *stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (WmValidationPanel, wm_validation_panel, GTK_TYPE_WIDGET)

enum {
  DIAGNOSTIC_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
wm_format_problem_counts (guint errors,
                          guint warnings)
{
  g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);

  if (errors > 0 && warnings > 0)
    /* Translators: "2 errors, 1 warning" */
    return g_strdup_printf (_("%s, %s"), e, w);
  if (errors > 0)
    return g_steal_pointer (&e);
  if (warnings > 0)
    return g_steal_pointer (&w);
  return NULL;
}

GtkWidget *
wm_validation_panel_new (void)
{
  return g_object_new (WM_TYPE_VALIDATION_PANEL, NULL);
}

static GtkWidget *
make_row (WmDiagnostic *diagnostic,
          WmVersion    *version)
{
  gboolean error = diagnostic->severity == WM_SEVERITY_ERROR;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");
  const char *where = NULL;

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (diagnostic->element != NULL && version != NULL)
    {
      WmElement *element = wm_version_find_element (version, diagnostic->element);

      where = element != NULL ? wm_element_get_display_name (element) : diagnostic->element;
    }
  else if (diagnostic->element == NULL)
    where = diagnostic->version == 0 ? _("Flow") : _("Flow settings");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), diagnostic->message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

void
wm_validation_panel_set_diagnostics (WmValidationPanel *self,
                                     GPtrArray         *diagnostics,
                                     WmVersion         *version)
{
  guint number = version != NULL ? wm_version_get_number (version) : 0;
  guint errors = 0, warnings = 0;
  GtkWidget *child;
  g_autofree char *summary = NULL;

  g_return_if_fail (WM_IS_VALIDATION_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->shown, 0);

  /* Errors before warnings, each in the validator's stable order. */
  for (int pass = 0; pass < 2 && diagnostics != NULL; pass++)
    for (guint i = 0; i < diagnostics->len; i++)
      {
        WmDiagnostic *d = g_ptr_array_index (diagnostics, i);

        if (d->version != 0 && d->version != number)
          continue;
        if ((pass == 0) != (d->severity == WM_SEVERITY_ERROR))
          continue;
        g_ptr_array_add (self->shown, wm_diagnostic_copy (d));
        gtk_list_box_append (self->list_box, make_row (d, version));
        if (pass == 0)
          errors++;
        else
          warnings++;
      }

  summary = wm_format_problem_counts (errors, warnings);
  if (summary == NULL)
    summary = g_strdup (_("No problems"));
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, self->shown->len > 0 ? "list" : "empty");
}

guint
wm_validation_panel_get_n_shown (WmValidationPanel *self)
{
  g_return_val_if_fail (WM_IS_VALIDATION_PANEL (self), 0);
  return self->shown->len;
}

void
wm_validation_panel_activate (WmValidationPanel *self,
                              guint              index)
{
  g_return_if_fail (WM_IS_VALIDATION_PANEL (self));
  g_return_if_fail (index < self->shown->len);

  g_signal_emit (self, signals[DIAGNOSTIC_ACTIVATED], 0, g_ptr_array_index (self->shown, index));
}

GtkWidget *
wm_validation_panel_get_list (WmValidationPanel *self)
{
  g_return_val_if_fail (WM_IS_VALIDATION_PANEL (self), NULL);
  return GTK_WIDGET (self->list_box);
}

static void
list_box_row_activated_cb (WmValidationPanel *self,
                           GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->shown->len)
    wm_validation_panel_activate (self, index);
}

static void
wm_validation_panel_dispose (GObject *object)
{
  WmValidationPanel *self = WM_VALIDATION_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_VALIDATION_PANEL);
  /* The template's top box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_validation_panel_parent_class)->dispose (object);
}

static void
wm_validation_panel_class_init (WmValidationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_validation_panel_dispose;

  /**
   * WmValidationPanel::diagnostic-activated:
   * @diagnostic: (type WmDiagnostic): the diagnostic
   */
  signals[DIAGNOSTIC_ACTIVATED] =
    g_signal_new ("diagnostic-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  WM_TYPE_DIAGNOSTIC | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-validation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WmValidationPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WmValidationPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, WmValidationPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, list_box_row_activated_cb);
}

static void
wm_validation_panel_init (WmValidationPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wm_pages_ensure_css ();
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_diagnostic_free);
  wm_validation_panel_set_diagnostics (self, NULL, NULL);
}
