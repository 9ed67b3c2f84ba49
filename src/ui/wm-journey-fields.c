/* wm-journey-fields.c - what the journey panes' fields share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "wm-expr.h"
#include "wm-journey-fields.h"
#include "wm-validate.h"

static GtkWidget *
message_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "field-message");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

WmJourneyField *
wm_journey_field_new (GtkWidget *row,
                      GtkWidget *focus)
{
  WmJourneyField *field = g_new0 (WmJourneyField, 1);

  field->row = row;
  field->focus = focus != NULL ? focus : row;
  field->marked = row;
  field->message = message_label_new ();
  gtk_widget_set_visible (field->message, TRUE);
  gtk_widget_set_margin_top (field->message, 6);
  gtk_widget_set_margin_bottom (field->message, 6);
  gtk_widget_set_margin_start (field->message, 12);
  gtk_widget_set_margin_end (field->message, 12);
  field->message_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->message_row), field->message);
  gtk_widget_set_visible (field->message_row, FALSE);
  return field;
}

WmJourneyField *
wm_journey_field_new_stacked (const char *title,
                              GtkWidget  *content)
{
  WmJourneyField *field = g_new0 (WmJourneyField, 1);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "stacked-field");
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Like the floating title of an entry row. */
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), content);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (content),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  field->message = message_label_new ();
  gtk_box_append (GTK_BOX (box), field->message);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  field->row = row;
  field->title = label;
  field->focus = content;
  field->marked = content;
  return field;
}

void
wm_journey_field_set_title (WmJourneyField *field,
                            const char     *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
  if (field->title != NULL)
    gtk_label_set_text (GTK_LABEL (field->title), title);
}

void
wm_journey_field_free (WmJourneyField *field)
{
  if (field == NULL)
    return;
  g_free (field->live_error);
  g_free (field->diagnostic);
  g_free (field);
}

static void
show (WmJourneyField *field)
{
  /* The live check is newer than the last validation, which reports the
   * same problem in other words. */
  const char *message = field->live_error != NULL ? field->live_error : field->diagnostic;
  /* A warning is shown as one: amber, not the red of what stops a run. */
  gboolean warning = field->live_error == NULL && field->warning;

  if (message != NULL && !warning)
    gtk_widget_add_css_class (field->marked, "error");
  else
    gtk_widget_remove_css_class (field->marked, "error");
  if (message != NULL && warning)
    gtk_widget_add_css_class (field->marked, "warning");
  else
    gtk_widget_remove_css_class (field->marked, "warning");
  if (warning)
    gtk_widget_add_css_class (field->message, "warning");
  else
    gtk_widget_remove_css_class (field->message, "warning");
  gtk_label_set_text (GTK_LABEL (field->message), message != NULL ? message : "");
  if (field->message_row != NULL)
    gtk_widget_set_visible (field->message_row, message != NULL);
  else
    gtk_widget_set_visible (field->message, message != NULL);
}

void
wm_journey_field_set_live_error (WmJourneyField *field,
                                 char           *message)
{
  g_free (field->live_error);
  field->live_error = message;
  show (field);
}

void
wm_journey_field_set_diagnostic (WmJourneyField     *field,
                                 const WmDiagnostic *diagnostic)
{
  g_free (field->diagnostic);
  field->diagnostic = diagnostic != NULL ? g_strdup (diagnostic->message) : NULL;
  field->warning = diagnostic != NULL && diagnostic->severity == WM_SEVERITY_WARNING;
  show (field);
}

void
wm_journey_set_editable_text (GtkWidget  *editable,
                              const char *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

char *
wm_journey_syntax_error (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WmExpr) expr = NULL;
  const char *what;
  guint column = 0;

  if (text == NULL || *text == '\0')
    return NULL;
  expr = wm_expr_compile (text, WM_EXPR_EXPRESSION, &column, &error);
  if (expr != NULL)
    return NULL;
  /* The core's message starts with "column N: ". */
  what = strstr (error->message, ": ");
  what = what != NULL ? what + 2 : error->message;
  /* Translators: a syntax error in an expression, "Column 12: unexpected ')'" */
  return g_strdup_printf (_("Column %u: %s"), column, what);
}

void
wm_journey_combo_set (AdwComboRow        *row,
                      const char * const *ids,
                      const char * const *labels,
                      const char         *value)
{
  g_autoptr (GStrvBuilder) id_builder = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) label_builder = g_strv_builder_new ();
  g_auto (GStrv) new_ids = NULL;
  g_auto (GStrv) new_labels = NULL;
  const char * const *old_ids = g_object_get_data (G_OBJECT (row), "wm-ids");
  guint selected = 0;

  g_strv_builder_addv (id_builder, (const char **) ids);
  g_strv_builder_addv (label_builder, (const char **) labels);
  if (value != NULL && !g_strv_contains (ids, value))
    {
      g_autofree char *label = NULL;

      /* Translators: a milestone, outcome or flow the workspace lacks */
      label = g_strdup_printf (_("%s (unknown)"), value);
      g_strv_builder_add (id_builder, value);
      g_strv_builder_add (label_builder, label);
    }
  new_ids = g_strv_builder_end (id_builder);
  new_labels = g_strv_builder_end (label_builder);
  for (guint i = 0; new_ids[i] != NULL; i++)
    if (g_strcmp0 (new_ids[i], value) == 0)
      selected = i;

  if (old_ids == NULL || !g_strv_equal (old_ids, (const char * const *) new_ids))
    {
      g_autoptr (GtkStringList) model = gtk_string_list_new ((const char * const *) new_labels);

      g_object_set_data_full (G_OBJECT (row), "wm-ids", g_steal_pointer (&new_ids),
                              (GDestroyNotify) g_strfreev);
      adw_combo_row_set_model (row, G_LIST_MODEL (model));
    }
  if (adw_combo_row_get_selected (row) != selected)
    adw_combo_row_set_selected (row, selected);
}

const char *
wm_journey_combo_get (AdwComboRow *row)
{
  const char * const *ids = g_object_get_data (G_OBJECT (row), "wm-ids");
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) ids))
    return NULL;
  return ids[selected];
}

const WmDiagnostic *
wm_journey_find_diagnostic (GPtrArray  *diagnostics,
                            const char *element,
                            const char *field)
{
  if (diagnostics == NULL)
    return NULL;
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_strcmp0 (d->element, element) == 0 && g_strcmp0 (d->field, field) == 0)
        return d;
    }
  return NULL;
}

const char *
wm_journey_object_string (JsonObject *object,
                          const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}
