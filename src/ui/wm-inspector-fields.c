/* wm-inspector-fields.c - one editor per kind of config field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each editor reads its field from the element (refresh) and pushes one
 * "set config member" command per change. While its own command applies
 * (editor->pushing) the inspector does not refresh it, so typing keeps the
 * cursor; while refresh writes the widgets (editor->updating) their
 * signals push nothing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "wm-catalog.h"
#include "wm-expr.h"
#include "wm-inspector-private.h"
#include "wm-json.h"
#include "wm-sms.h"
#include "wm-spin-scroll.h"
#include "wm-time.h"
#include "wm-workspace.h"
#include "wm-time-editors.h"

/* ---- helpers ---------------------------------------------------------- */

static JsonNode *
member (WmFieldEditor *editor)
{
  return wm_element_get_config_member (_wm_inspector_get_element (editor->inspector),
                                       editor->spec->name);
}

/* The member as a string, or NULL when absent, null or not a string. */
static const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static const char *
member_string (WmFieldEditor *editor)
{
  return node_string (member (editor));
}

static gboolean
node_number (JsonNode *node,
             double   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Empty text removes an optional member: flow-format.md reads "" as
 * absent, and a required one is then reported missing either way. */
static JsonNode *
string_node (const char *text)
{
  JsonNode *node;

  if (text == NULL || *text == '\0')
    return NULL;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, text);
  return node;
}

static void
push_string (WmFieldEditor *editor,
             const char    *text)
{
  JsonNode *node = string_node (text);

  _wm_inspector_push_config (editor->inspector, editor, node);
  g_clear_pointer (&node, json_node_unref);
}

static void
set_editable_text (GtkWidget  *editable,
                   const char *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
set_live_error (WmFieldEditor *editor,
                char          *message)
{
  g_free (editor->live_error);
  editor->live_error = message;
  _wm_field_editor_show_message (editor);
}

static void
set_subtitle (WmFieldEditor *editor,
              const char    *subtitle)
{
  g_free (editor->subtitle);
  editor->subtitle = g_strdup (subtitle);
  _wm_field_editor_show_message (editor);
}

/* A syntax error as "Column 12: what is wrong", or NULL. */
static char *
syntax_error (const char *text,
              WmExprKind  kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WmExpr) expr = NULL;
  const char *what;
  guint column = 0;

  if (text == NULL || *text == '\0')
    return NULL;
  expr = wm_expr_compile (text, kind, &column, &error);
  if (expr != NULL)
    return NULL;
  /* The core's message starts with "column N: ". */
  what = strstr (error->message, ": ");
  what = what != NULL ? what + 2 : error->message;
  /* Translators: a syntax error in an expression, "Column 12: unexpected ')'" */
  return g_strdup_printf (_("Column %u: %s"), column, what);
}

static const char *
choice_label (const char *value)
{
  static const struct { const char *value; const char *label; } labels[] = {
    { "profile", N_("Customer's time zone") },
    { "flow", N_("Flow's time zone") },
    { "sms", N_("SMS") },
    { "email", N_("E-mail") },
    { "whatsapp", N_("WhatsApp") },
    { "viber", N_("Viber") },
    { "success", N_("Success") },
    { "failure", N_("Failure") },
    { "delivered", N_("Delivered") },
    { "opened", N_("Opened") },
    { "clicked", N_("Clicked") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].value, value))
      return _(labels[i].label);
  return value;
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A row with the title above the editor and room for an info line and a
 * message under it (templates, expressions, days, lists). */
static GtkWidget *
stacked_row_new (WmFieldEditor *editor,
                 GtkWidget     *content,
                 GtkWidget     *header_suffix)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = new_label (_(editor->spec->label), "caption");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(editor->spec->label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "stacked-field");

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Like the floating title of an entry row. */
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), title);
  if (header_suffix != NULL)
    gtk_box_append (GTK_BOX (header), header_suffix);
  gtk_box_append (GTK_BOX (box), header);

  gtk_box_append (GTK_BOX (box), content);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (content),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);

  editor->info = new_label (NULL, "caption");
  gtk_widget_add_css_class (editor->info, "dim-label");
  gtk_widget_add_css_class (editor->info, "field-info");
  gtk_widget_set_visible (editor->info, FALSE);
  gtk_box_append (GTK_BOX (box), editor->info);

  editor->message = new_label (NULL, "caption");
  gtk_widget_add_css_class (editor->message, "field-message");
  gtk_widget_set_visible (editor->message, FALSE);
  gtk_box_append (GTK_BOX (box), editor->message);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
set_info (WmFieldEditor *editor,
          const char    *text)
{
  gtk_label_set_text (GTK_LABEL (editor->info), text != NULL ? text : "");
  gtk_widget_set_visible (editor->info, text != NULL && *text != '\0');
}

static GtkWidget *
action_row_new (WmFieldEditor *editor,
                GtkWidget     *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(editor->spec->label));
  if (suffix != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_accessible_update_property (GTK_ACCESSIBLE (suffix),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(editor->spec->label), -1);
    }
  return row;
}

/* ---- text: entry rows -------------------------------------------------- */

static void
text_changed_cb (GtkEditable   *editable,
                 WmFieldEditor *editor)
{
  if (!editor->updating)
    push_string (editor, gtk_editable_get_text (editable));
}

static void
text_refresh (WmFieldEditor *editor)
{
  set_editable_text (editor->row, member_string (editor));
}

static void
build_text (WmFieldEditor *editor)
{
  editor->row = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (editor->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->row), _(editor->spec->label));
  if (editor->spec->kind == WM_FIELD_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (editor->row), GTK_INPUT_PURPOSE_EMAIL);
  editor->focus = editor->row;
  editor->refresh = text_refresh;
  g_signal_connect (editor->row, "changed", G_CALLBACK (text_changed_cb), editor);
}

/* ---- templates and expressions ---------------------------------------- */

static gboolean
is_sms_text (WmFieldEditor *editor)
{
  WmElement *element = _wm_inspector_get_element (editor->inspector);

  return g_str_equal (wm_element_get_type_name (element), "send.sms")
         && g_str_equal (editor->spec->name, "text");
}

/* What the SMS warnings of flow-format.md measure: the template's literal
 * text, each placeholder counting as nothing (the raw text while it does
 * not parse). The line always names the characters too, so "Unicode ·
 * 2 segments" reads as "Unicode · 2 segments · 90 characters". */
static char *
sms_line (const char *text)
{
  g_autoptr (WmExpr) expr = wm_expr_compile (text, WM_EXPR_TEMPLATE, NULL, NULL);
  g_autofree char *literal = expr != NULL ? wm_expr_template_literal (expr) : g_strdup (text);
  g_autofree char *segments = NULL;
  g_autofree char *characters = NULL;
  WmSmsInfo info;

  wm_sms_measure (literal, -1, &info);
  segments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u segment", "%u segments", info.segments),
                              info.segments);
  characters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters",
                                             info.characters),
                                info.characters);
  /* Translators: "GSM-7 · 1 segment · 34 characters" */
  return g_strdup_printf (_("%s · %s · %s"),
                          info.encoding == WM_SMS_GSM7 ? _("GSM-7") : _("Unicode"),
                          segments, characters);
}

static void
check_expression_text (WmFieldEditor *editor,
                       const char    *text)
{
  WmExprKind kind = editor->spec->kind == WM_FIELD_TEMPLATE ? WM_EXPR_TEMPLATE : WM_EXPR_EXPRESSION;

  set_live_error (editor, syntax_error (text, kind));
  if (is_sms_text (editor))
    {
      g_autofree char *line = sms_line (text != NULL ? text : "");

      set_info (editor, line);
    }
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
template_changed_cb (GtkTextBuffer *buffer,
                     WmFieldEditor *editor)
{
  g_autofree char *text = buffer_text (buffer);

  if (editor->updating)
    return;
  push_string (editor, text);
  check_expression_text (editor, text);
}

static void
template_refresh (WmFieldEditor *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor->parts[0]));
  g_autofree char *current = buffer_text (buffer);
  const char *text = member_string (editor);

  if (g_strcmp0 (current, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  check_expression_text (editor, text);
}

static void
build_template (WmFieldEditor *editor)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gtk_text_view_new ();
  const char *name = editor->spec->name;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_hexpand (view, TRUE);
  /* Bodies and message texts get room for a few lines; subjects, titles,
   * addresses one. */
  if (g_str_equal (name, "text") || g_str_equal (name, "body"))
    gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (frame, "field-text");
  gtk_box_append (GTK_BOX (frame), view);

  editor->row = stacked_row_new (editor, frame, NULL);
  /* The box is labelled by the title; the view is what takes focus, so a
   * screen reader must hear the field's name there too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(editor->spec->label), -1);
  editor->parts[0] = view;
  editor->parts[1] = frame;
  editor->focus = view;
  editor->refresh = template_refresh;
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (template_changed_cb), editor);
}

static void
expression_changed_cb (GtkEditable   *editable,
                       WmFieldEditor *editor)
{
  if (editor->updating)
    return;
  push_string (editor, gtk_editable_get_text (editable));
  check_expression_text (editor, gtk_editable_get_text (editable));
}

static void
expression_refresh (WmFieldEditor *editor)
{
  const char *text = member_string (editor);

  set_editable_text (editor->parts[0], text);
  check_expression_text (editor, text);
}

static void
build_expression (WmFieldEditor *editor)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_add_css_class (entry, "monospace");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  g_str_equal (editor->spec->name, "where")
                                  ? _("Always") : NULL);
  editor->row = stacked_row_new (editor, entry, NULL);
  editor->parts[0] = entry;
  editor->parts[1] = entry;
  editor->focus = entry;
  editor->refresh = expression_refresh;
  g_signal_connect (entry, "changed", G_CALLBACK (expression_changed_cb), editor);
}

/* ---- choices and pickers: combo rows ----------------------------------- */

static void
combo_selected_cb (AdwComboRow   *row,
                   GParamSpec    *pspec,
                   WmFieldEditor *editor)
{
  guint selected = adw_combo_row_get_selected (row);

  if (editor->updating || editor->ids == NULL || selected >= editor->ids->len)
    return;
  push_string (editor, g_ptr_array_index (editor->ids, selected));
}

/* Shows @ids (values) with @labels, selecting @value; a value that is not
 * among them is added, so that what the file says stays visible. */
static void
combo_fill (WmFieldEditor *editor,
            GPtrArray     *ids,
            GPtrArray     *labels,
            const char    *value)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  if (value != NULL)
    {
      guint index;

      if (!g_ptr_array_find_with_equal_func (ids, value, g_str_equal, &index))
        {
          g_ptr_array_add (ids, g_strdup (value));
          g_ptr_array_add (labels, g_strdup (value));
          index = ids->len - 1;
        }
      selected = index;
    }
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  g_clear_pointer (&editor->ids, g_ptr_array_unref);
  editor->ids = g_ptr_array_ref (ids);
  adw_combo_row_set_model (ADW_COMBO_ROW (editor->row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor->row), selected);
}

static void
choice_refresh (WmFieldEditor *editor)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *value = member_string (editor);

  for (guint i = 0; editor->spec->allowed[i] != NULL; i++)
    {
      g_ptr_array_add (ids, g_strdup (editor->spec->allowed[i]));
      g_ptr_array_add (labels, g_strdup (choice_label (editor->spec->allowed[i])));
    }
  /* An absent optional choice is its default. */
  if (value == NULL && editor->spec->default_text != NULL)
    value = editor->spec->default_text;
  combo_fill (editor, ids, labels, value);
}

static void
add_unique (GPtrArray  *ids,
            GPtrArray  *labels,
            const char *id,
            const char *label)
{
  if (id == NULL || g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
    return;
  g_ptr_array_add (ids, g_strdup (id));
  g_ptr_array_add (labels, g_strdup (label != NULL ? label : id));
}

static WmVersion *
editor_version (WmFieldEditor *editor)
{
  return wm_element_get_version (_wm_inspector_get_element (editor->inspector));
}

static void
collect_send_elements (WmFieldEditor *editor,
                       GPtrArray     *ids,
                       GPtrArray     *labels)
{
  WmVersion *version = editor_version (editor);

  for (guint i = 0; version != NULL && i < wm_version_get_n_elements (version); i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);

      if (wm_element_get_element_type (element)->channel != NULL)
        add_unique (ids, labels, wm_element_get_id (element), wm_element_get_display_name (element));
    }
}

static void
collect_reactions (WmFieldEditor *editor,
                   GPtrArray     *ids,
                   GPtrArray     *labels)
{
  WmElement *element = _wm_inspector_get_element (editor->inspector);
  WmVersion *version = editor_version (editor);
  const char *message = wm_element_get_config_string (element, "element");
  WmElement *target = version != NULL && message != NULL ? wm_version_find_element (version, message) : NULL;
  const WmElementType *type = target != NULL ? wm_element_get_element_type (target) : NULL;

  for (guint i = 0; type != NULL && type->reactions != NULL && type->reactions[i] != NULL; i++)
    add_unique (ids, labels, type->reactions[i], choice_label (type->reactions[i]));
}

static void
collect_variables (WmFieldEditor *editor,
                   GPtrArray     *ids,
                   GPtrArray     *labels)
{
  WmVersion *version = editor_version (editor);
  JsonObject *settings = version != NULL ? wm_version_get_settings (version) : NULL;
  JsonNode *node = settings != NULL ? json_object_get_member (settings, "variables") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      name = node_string (json_object_get_member (json_node_get_object (item), "name"));
      add_unique (ids, labels, name, name);
    }
}

/* Milestone and outcome ids in use by the elements of @flow. */
static void
collect_definitions_of_flow (WmFlow      *flow,
                             WmFieldKind  kind,
                             WmCatalog   *catalog,
                             GPtrArray   *ids,
                             GPtrArray   *labels)
{
  const char *key = kind == WM_FIELD_MILESTONE ? "milestone" : "outcome";

  for (guint v = 0; v < wm_flow_get_n_versions (flow); v++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, v);

      for (guint i = 0; i < wm_version_get_n_elements (version); i++)
        {
          WmElement *element = wm_version_get_element_at (version, i);
          const WmElementType *type = wm_element_get_element_type (element);
          const char *id;
          const char *name = NULL;

          if (wm_element_type_get_field (type, key) == NULL)
            continue;
          id = wm_element_get_config_string (element, key);
          if (id != NULL && catalog != NULL)
            name = kind == WM_FIELD_MILESTONE ? wm_catalog_get_milestone_name (catalog, id)
                                              : wm_catalog_get_outcome_name (catalog, id);
          add_unique (ids, labels, id, name);
        }
    }
}

/* In the app the lookup is the workspace: the picker offers every
 * milestone or outcome it defines, by name, used or not yet (one added in
 * the admin window must be pickable). Other lookups can tell whether an id
 * exists but cannot list definitions, so the picker then offers the ids in
 * use in this flow and the flows at hand (with their names when the lookup
 * is a catalog); a new one comes from "New milestone…". */
static void
collect_definitions (WmFieldEditor *editor,
                     GPtrArray     *ids,
                     GPtrArray     *labels)
{
  WmLookup *lookup = _wm_inspector_get_lookup (editor->inspector);
  WmCatalog *catalog = lookup != NULL && WM_IS_CATALOG (lookup) ? WM_CATALOG (lookup) : NULL;
  /* Borrowed from the lookup (wm-lookup.h). */
  GPtrArray *flows = lookup != NULL ? wm_lookup_list_flows (lookup) : NULL;

  if (lookup != NULL && WM_IS_WORKSPACE (lookup))
    {
      g_autoptr (GPtrArray) definitions =
        wm_workspace_list_definitions (WM_WORKSPACE (lookup),
                                       editor->spec->kind == WM_FIELD_MILESTONE ? WM_DEFINITION_MILESTONE
                                                                                : WM_DEFINITION_OUTCOME,
                                       NULL);

      for (guint i = 0; definitions != NULL && i < definitions->len; i++)
        {
          WmDefinition *definition = g_ptr_array_index (definitions, i);

          add_unique (ids, labels, definition->id, definition->name);
        }
    }
  collect_definitions_of_flow (_wm_inspector_get_flow (editor->inspector), editor->spec->kind,
                               catalog, ids, labels);
  for (guint i = 0; flows != NULL && i < flows->len; i++)
    collect_definitions_of_flow (g_ptr_array_index (flows, i), editor->spec->kind, catalog, ids, labels);
}

static void
collect_flows (WmFieldEditor *editor,
               GPtrArray     *ids,
               GPtrArray     *labels)
{
  WmLookup *lookup = _wm_inspector_get_lookup (editor->inspector);
  const char *own = wm_flow_get_id (_wm_inspector_get_flow (editor->inspector));
  /* Borrowed from the lookup (wm-lookup.h). */
  GPtrArray *flows = lookup != NULL ? wm_lookup_list_flows (lookup) : NULL;

  for (guint i = 0; flows != NULL && i < flows->len; i++)
    {
      WmFlow *flow = g_ptr_array_index (flows, i);

      if (g_strcmp0 (wm_flow_get_id (flow), own) != 0)
        add_unique (ids, labels, wm_flow_get_id (flow), wm_flow_get_name (flow));
    }
}

static void
picker_refresh (WmFieldEditor *editor)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *empty = NULL;

  switch ((int) editor->spec->kind)
    {
    case WM_FIELD_ELEMENT:
      collect_send_elements (editor, ids, labels);
      empty = _("This version sends no messages yet");
      break;
    case WM_FIELD_REACTION:
      collect_reactions (editor, ids, labels);
      empty = _("Choose the message first");
      break;
    case WM_FIELD_VARIABLE:
      collect_variables (editor, ids, labels);
      empty = _("No variables: declare them in the flow settings");
      break;
    case WM_FIELD_MILESTONE:
    case WM_FIELD_OUTCOME:
      collect_definitions (editor, ids, labels);
      empty = editor->spec->kind == WM_FIELD_MILESTONE ? _("No milestones yet") : _("No outcomes yet");
      break;
    case WM_FIELD_FLOW:
    default:
      collect_flows (editor, ids, labels);
      empty = _("No other flows at hand");
      break;
    }

  set_subtitle (editor, ids->len == 0 && member_string (editor) == NULL ? empty : NULL);
  combo_fill (editor, ids, labels, member_string (editor));
}

static void
new_definition_clicked_cb (GtkButton     *button,
                           WmFieldEditor *editor)
{
  _wm_inspector_emit_new_definition (editor->inspector, editor->spec->kind);
}

static void
build_combo (WmFieldEditor *editor)
{
  editor->row = adw_combo_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (editor->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->row), _(editor->spec->label));
  editor->focus = editor->row;
  editor->refresh = editor->spec->kind == WM_FIELD_CHOICE ? choice_refresh : picker_refresh;

  if (editor->spec->kind == WM_FIELD_MILESTONE || editor->spec->kind == WM_FIELD_OUTCOME)
    {
      const char *text = editor->spec->kind == WM_FIELD_MILESTONE ? _("New milestone…") : _("New outcome…");
      GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_name (button, "new");
      adw_action_row_add_suffix (ADW_ACTION_ROW (editor->row), button);
      editor->parts[0] = button;
      g_signal_connect (button, "clicked", G_CALLBACK (new_definition_clicked_cb), editor);
    }
  g_signal_connect (editor->row, "notify::selected", G_CALLBACK (combo_selected_cb), editor);
}

/* ---- durations, clock times, days, integers ---------------------------- */

static void
duration_changed_cb (WmDurationEditor *duration,
                     WmFieldEditor    *editor)
{
  g_autofree char *text = wm_duration_editor_get_text (duration);
  gint64 seconds;

  if (editor->updating)
    return;
  if (!wm_duration_parse (text, &seconds))
    {
      set_live_error (editor, g_strdup (_("A duration can be at most 366 days")));
      return;
    }
  set_live_error (editor, NULL);
  push_string (editor, text);
  set_subtitle (editor, NULL);
}

static void
duration_refresh (WmFieldEditor *editor)
{
  JsonNode *node = member (editor);
  const char *text = node_string (node);
  gint64 seconds;

  wm_duration_editor_set_text (WM_DURATION_EDITOR (editor->parts[0]), text);
  g_clear_pointer (&editor->live_error, g_free);
  if (text == NULL)
    set_subtitle (editor, _("Not set"));
  else if (!wm_duration_parse (text, &seconds))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a duration"), text);

      set_subtitle (editor, message);
    }
  else
    set_subtitle (editor, NULL);
}

static void
build_duration (WmFieldEditor *editor)
{
  GtkWidget *duration = wm_duration_editor_new ();

  editor->row = action_row_new (editor, duration);
  editor->parts[0] = duration;
  editor->focus = wm_duration_editor_get_spin (WM_DURATION_EDITOR (duration));
  editor->refresh = duration_refresh;
  g_signal_connect (duration, "changed", G_CALLBACK (duration_changed_cb), editor);
}

static void
clock_changed_cb (GtkEditable   *editable,
                  WmFieldEditor *editor)
{
  const char *text = gtk_editable_get_text (editable);
  int minutes;

  if (editor->updating)
    return;
  if (*text != '\0' && !wm_clock_parse (text, &minutes))
    {
      set_live_error (editor, g_strdup (_("Enter a time from 00:00 to 23:59")));
      return;
    }
  set_live_error (editor, NULL);
  push_string (editor, text);
}

static void
clock_refresh (WmFieldEditor *editor)
{
  g_autofree char *subtitle = NULL;

  set_editable_text (editor->parts[0], member_string (editor));
  g_clear_pointer (&editor->live_error, g_free);
  if (editor->spec->default_text != NULL)
    subtitle = g_strdup_printf (_("Default %s"), editor->spec->default_text);
  set_subtitle (editor, subtitle);
}

static void
build_clock (WmFieldEditor *editor)
{
  GtkWidget *entry = wm_clock_entry_new ();

  if (editor->spec->default_text != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), editor->spec->default_text);
  editor->row = action_row_new (editor, entry);
  editor->parts[0] = entry;
  editor->parts[1] = entry;
  editor->focus = entry;
  editor->refresh = clock_refresh;
  g_signal_connect (entry, "changed", G_CALLBACK (clock_changed_cb), editor);
}

static void
days_changed_cb (WmDaysEditor  *days_editor,
                 WmFieldEditor *editor)
{
  guint days = wm_days_editor_get_days (days_editor);
  JsonNode *node;

  if (editor->updating)
    return;
  /* No day chosen is every day: flow-format.md reads a missing list so. */
  node = days != 0 ? wm_days_to_json (days) : NULL;
  _wm_inspector_push_config (editor->inspector, editor, node);
  g_clear_pointer (&node, json_node_unref);
  set_info (editor, days == 0 ? _("Every day") : NULL);
}

static void
days_refresh (WmFieldEditor *editor)
{
  guint days = 0;
  gboolean valid = wm_days_from_json (member (editor), &days);

  wm_days_editor_set_days (WM_DAYS_EDITOR (editor->parts[0]), days);
  set_info (editor, days == 0 && valid ? _("Every day") : NULL);
}

static void
build_days (WmFieldEditor *editor)
{
  GtkWidget *days = wm_days_editor_new ();

  editor->row = stacked_row_new (editor, days, NULL);
  editor->parts[0] = days;
  editor->focus = wm_days_editor_get_button (WM_DAYS_EDITOR (days), 0);
  editor->refresh = days_refresh;
  g_signal_connect (days, "changed", G_CALLBACK (days_changed_cb), editor);
}

static void
integer_changed_cb (GtkSpinButton *spin,
                    WmFieldEditor *editor)
{
  JsonNode *node;

  if (editor->updating)
    return;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_int (node, gtk_spin_button_get_value_as_int (spin));
  _wm_inspector_push_config (editor->inspector, editor, node);
  json_node_unref (node);
}

static void
integer_refresh (WmFieldEditor *editor)
{
  double value = 0;

  if (!node_number (member (editor), &value) && editor->spec->default_text != NULL)
    value = g_ascii_strtod (editor->spec->default_text, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (editor->parts[0]), value);
}

static void
build_integer (WmFieldEditor *editor)
{
  double lo = editor->spec->min, hi = editor->spec->max;
  GtkWidget *spin;

  /* min == max: the spec sets no bound (entry.date offset); ten years of
   * days either way is more than anyone means. */
  if (lo >= hi)
    {
      lo = -3660;
      hi = 3660;
    }
  spin = gtk_spin_button_new_with_range (lo, hi, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  wm_spin_button_scroll_only_focused (GTK_SPIN_BUTTON (spin));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  editor->row = action_row_new (editor, spin);
  editor->parts[0] = spin;
  editor->focus = spin;
  editor->refresh = integer_refresh;
  g_signal_connect (spin, "value-changed", G_CALLBACK (integer_changed_cb), editor);
}

/* ---- lists: branches, variants, assign, transfer ----------------------- */

typedef struct
{
  const char *member;      /* NULL: the item is the string itself */
  const char *placeholder; /* translatable */
  gboolean    expression;
  gboolean    number;
  gboolean    own_line;    /* on a line of its own under the others */
} ListColumn;

static const ListColumn branch_columns[] = {
  { "label", N_("Label"), FALSE, FALSE, FALSE },
  { "when", N_("Condition"), TRUE, FALSE, TRUE },
  { NULL }
};
static const ListColumn variant_columns[] = {
  { "label", N_("Label"), FALSE, FALSE, FALSE },
  { "weight", N_("Weight"), FALSE, TRUE, FALSE },
  { NULL }
};
static const ListColumn assign_columns[] = {
  { "variable", N_("Variable"), FALSE, FALSE, FALSE },
  { "property", N_("Event property"), FALSE, FALSE, FALSE },
  { NULL }
};
static const ListColumn transfer_columns[] = {
  { NULL, N_("Variable"), FALSE, FALSE, FALSE },
  { NULL }
};

static const ListColumn *
list_columns (WmFieldEditor *editor)
{
  switch ((int) editor->spec->kind)
    {
    case WM_FIELD_BRANCHES: return branch_columns;
    case WM_FIELD_VARIANTS: return variant_columns;
    case WM_FIELD_ASSIGN: return assign_columns;
    case WM_FIELD_TRANSFER:
    default:
      return transfer_columns;
    }
}

static guint
n_columns (const ListColumn *columns)
{
  guint n = 0;

  while (columns[n].placeholder != NULL)
    n++;
  return n;
}

/* A copy of the list as an array (a list of another JSON type starts
 * over empty). */
static JsonArray *
copy_list (WmFieldEditor *editor)
{
  JsonNode *node = member (editor);
  JsonArray *copy = json_array_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, wm_json_node_deep_copy (json_array_get_element (array, i)));
    }
  return copy;
}

static void
push_list (WmFieldEditor *editor,
           JsonArray     *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  _wm_inspector_push_config (editor->inspector, editor, node);
  json_node_unref (node);
}

static JsonNode *
number_node (const char *text)
{
  char *end = NULL;
  double value;
  JsonNode *node;

  if (text == NULL || *text == '\0')
    return NULL;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return NULL;
  node = json_node_new (JSON_NODE_VALUE);
  if (value == floor (value) && fabs (value) < 1e15)
    json_node_set_int (node, (gint64) value);
  else
    json_node_set_double (node, value);
  return node;
}

/* The syntax errors of a branch list as one message (the first one), and
 * each condition entry marked. */
static void
check_list (WmFieldEditor *editor)
{
  const ListColumn *columns = list_columns (editor);
  char *first = NULL;
  guint index = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (editor->items);
       item != NULL;
       item = gtk_widget_get_next_sibling (item), index++)
    for (guint c = 0; columns[c].placeholder != NULL; c++)
      {
        GtkWidget *entry;
        g_autofree char *message = NULL;

        if (!columns[c].expression && !columns[c].number)
          continue;
        entry = gtk_grid_get_child_at (GTK_GRID (item), columns[c].own_line ? 0 : c, columns[c].own_line ? 1 : 0);
        if (columns[c].expression)
          message = syntax_error (gtk_editable_get_text (GTK_EDITABLE (entry)), WM_EXPR_EXPRESSION);
        else
          {
            JsonNode *number = number_node (gtk_editable_get_text (GTK_EDITABLE (entry)));
            double value = 0;

            if (number == NULL || !node_number (number, &value) || value <= 0)
              message = g_strdup (_("A weight is a number above 0"));
            g_clear_pointer (&number, json_node_unref);
          }

        if (message != NULL)
          gtk_widget_add_css_class (entry, "error");
        else
          gtk_widget_remove_css_class (entry, "error");
        gtk_widget_set_tooltip_text (entry, message);
        if (message != NULL && first == NULL)
          /* Translators: an item of a list and its problem, "Item 2: Column 5: …" */
          first = g_strdup_printf (_("Item %u: %s"), index + 1, message);
      }
  set_live_error (editor, first);
}

static void
list_entry_changed_cb (GtkEditable   *entry,
                       WmFieldEditor *editor)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "wm-index"));
  const ListColumn *column = g_object_get_data (G_OBJECT (entry), "wm-column");
  const char *text = gtk_editable_get_text (entry);
  JsonArray *array;
  JsonNode *value;

  if (editor->updating)
    return;

  if (column->number)
    {
      value = number_node (text);
      if (value == NULL)
        {
          check_list (editor);
          return;
        }
    }
  else
    {
      value = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (value, text);
    }

  array = copy_list (editor);
  while (json_array_get_length (array) <= index)
    json_array_add_element (array, json_node_init_object (json_node_alloc (), json_object_new ()));

  if (column->member == NULL)
    {
      json_array_remove_element (array, index);
      /* json-glib has no insert: rebuild around the changed item. */
      {
        JsonArray *rebuilt = json_array_new ();

        for (guint i = 0; i <= json_array_get_length (array); i++)
          {
            if (i == index)
              json_array_add_element (rebuilt, wm_json_node_deep_copy (value));
            if (i < json_array_get_length (array))
              json_array_add_element (rebuilt, wm_json_node_deep_copy (json_array_get_element (array, i)));
          }
        json_array_unref (array);
        array = rebuilt;
      }
    }
  else
    {
      JsonNode *item = json_array_get_element (array, index);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        json_node_init_object (item, json_object_new ());
      json_object_set_member (json_node_get_object (item), column->member, wm_json_node_deep_copy (value));
    }
  json_node_unref (value);
  push_list (editor, array);
  check_list (editor);
}

static void list_refresh (WmFieldEditor *editor);

static void
focus_item (WmFieldEditor *editor,
            guint          index)
{
  GtkWidget *item = gtk_widget_get_first_child (editor->items);

  for (guint i = 0; item != NULL && i < index; i++)
    item = gtk_widget_get_next_sibling (item);
  if (item != NULL)
    gtk_widget_grab_focus (gtk_grid_get_child_at (GTK_GRID (item), 0, 0));
}

static void
list_remove_clicked_cb (GtkButton     *button,
                        WmFieldEditor *editor)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "wm-index"));
  JsonArray *array = copy_list (editor);
  guint n;

  if (index < json_array_get_length (array))
    json_array_remove_element (array, index);
  n = json_array_get_length (array);
  push_list (editor, array);
  list_refresh (editor);
  if (n > 0)
    focus_item (editor, MIN (index, n - 1));
  else
    gtk_widget_grab_focus (editor->parts[0]);
}

static void
list_add_clicked_cb (GtkButton     *button,
                     WmFieldEditor *editor)
{
  JsonArray *array = copy_list (editor);
  guint n = json_array_get_length (array);

  switch ((int) editor->spec->kind)
    {
    case WM_FIELD_BRANCHES:
      {
        JsonObject *item = json_object_new ();
        g_autofree char *label = g_strdup_printf (_("Branch %u"), n + 1);

        json_object_set_string_member (item, "label", label);
        json_object_set_string_member (item, "when", "");
        json_array_add_object_element (array, item);
      }
      break;
    case WM_FIELD_VARIANTS:
      {
        JsonObject *item = json_object_new ();
        /* Translators: the default label of a split's variant, "Variant A" */
        g_autofree char *label = g_strdup_printf (_("Variant %c"), 'A' + (char) MIN (n, 25));

        json_object_set_string_member (item, "label", label);
        json_object_set_int_member (item, "weight", 1);
        json_array_add_object_element (array, item);
      }
      break;
    case WM_FIELD_ASSIGN:
      {
        JsonObject *item = json_object_new ();

        json_object_set_string_member (item, "variable", "");
        json_object_set_string_member (item, "property", "");
        json_array_add_object_element (array, item);
      }
      break;
    case WM_FIELD_TRANSFER:
    default:
      json_array_add_string_element (array, "");
      break;
    }
  push_list (editor, array);
  list_refresh (editor);
  focus_item (editor, n);
}

static GtkWidget *
list_item_new (WmFieldEditor *editor,
               JsonNode      *item,
               guint          index,
               gboolean       removable)
{
  const ListColumn *columns = list_columns (editor);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  guint n_inline = 0;
  g_autofree char *remove_label = g_strdup_printf (_("Remove item %u"), index + 1);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);

  for (guint c = 0; columns[c].placeholder != NULL; c++)
    {
      const ListColumn *column = &columns[c];
      GtkWidget *entry = gtk_entry_new ();
      JsonNode *value = NULL;
      g_autofree char *text = NULL;

      if (column->member == NULL)
        value = item;
      else if (JSON_NODE_HOLDS_OBJECT (item))
        value = json_object_get_member (json_node_get_object (item), column->member);

      if (node_string (value) != NULL)
        text = g_strdup (node_string (value));
      else if (value != NULL && JSON_NODE_HOLDS_VALUE (value)
               && json_node_get_value_type (value) != G_TYPE_STRING
               && json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        {
          double number = 0;

          node_number (value, &number);
          text = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);
          g_ascii_formatd (text, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", number);
        }

      gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(column->placeholder));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(column->placeholder), -1);
      gtk_widget_set_name (entry, column->member != NULL ? column->member : "value");
      if (column->expression)
        gtk_widget_add_css_class (entry, "monospace");
      if (column->number)
        {
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
        }
      else
        gtk_widget_set_hexpand (entry, TRUE);
      g_object_set_data (G_OBJECT (entry), "wm-index", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (entry), "wm-column", (gpointer) column);
      g_signal_connect (entry, "changed", G_CALLBACK (list_entry_changed_cb), editor);

      if (editor->size_groups->len > c)
        gtk_size_group_add_widget (g_ptr_array_index (editor->size_groups, c), entry);
      if (column->own_line)
        gtk_grid_attach (GTK_GRID (grid), entry, 0, 1, n_columns (columns), 1);
      else
        gtk_grid_attach (GTK_GRID (grid), entry, n_inline++, 0, 1, 1);
    }

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_sensitive (remove, removable);
  g_object_set_data (G_OBJECT (remove), "wm-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (list_remove_clicked_cb), editor);
  if (editor->size_groups->len > n_columns (columns))
    gtk_size_group_add_widget (g_ptr_array_index (editor->size_groups, n_columns (columns)), remove);
  gtk_grid_attach (GTK_GRID (grid), remove, n_columns (columns), 0, 1, 1);

  return grid;
}

static void
list_refresh (WmFieldEditor *editor)
{
  JsonNode *node = member (editor);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = array != NULL ? json_array_get_length (array) : 0;
  double lo = editor->spec->min, hi = editor->spec->max;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (editor->items)) != NULL)
    gtk_box_remove (GTK_BOX (editor->items), child);

  editor->updating = TRUE;
  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (editor->items),
                    list_item_new (editor, json_array_get_element (array, i), i, hi <= lo || n > lo));
  editor->updating = FALSE;

  gtk_widget_set_visible (editor->items, n > 0);
  if (editor->parts[2] != NULL)
    gtk_widget_set_visible (editor->parts[2], n > 0);
  gtk_widget_set_sensitive (editor->parts[0], hi <= lo || n < hi);
  check_list (editor);
  if (n == 0)
    set_info (editor, editor->spec->kind == WM_FIELD_TRANSFER ? _("No variables are passed on")
                                                              : _("None yet"));
  else
    set_info (editor, NULL);
}

static void
build_list (WmFieldEditor *editor)
{
  GtkWidget *add = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *label;

  switch ((int) editor->spec->kind)
    {
    case WM_FIELD_BRANCHES: label = _("Add branch"); break;
    case WM_FIELD_VARIANTS: label = _("Add variant"); break;
    case WM_FIELD_ASSIGN: label = _("Add property"); break;
    case WM_FIELD_TRANSFER:
    default: label = _("Add variable"); break;
    }
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (content), gtk_label_new (label));
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_name (add, "add");
  g_signal_connect (add, "clicked", G_CALLBACK (list_add_clicked_cb), editor);

  editor->items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  editor->size_groups = g_ptr_array_new_with_free_func (g_object_unref);

  /* Several values an item: their names above the columns, as wide as
   * the entries under them. */
  {
    const ListColumn *columns = list_columns (editor);
    GtkWidget *items = editor->items;
    guint n = n_columns (columns);

    if (n > 1 && !columns[n - 1].own_line)
      {
        GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *spacer = gtk_label_new (NULL);

        for (guint c = 0; c <= n; c++)
          g_ptr_array_add (editor->size_groups, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));
        for (guint c = 0; c < n; c++)
          {
            GtkWidget *heading = new_label (_(columns[c].placeholder), "caption");

            gtk_widget_add_css_class (heading, "dim-label");
            gtk_label_set_wrap (GTK_LABEL (heading), FALSE);
            gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
            gtk_size_group_add_widget (g_ptr_array_index (editor->size_groups, c), heading);
            gtk_box_append (GTK_BOX (header), heading);
          }
        gtk_size_group_add_widget (g_ptr_array_index (editor->size_groups, n), spacer);
        gtk_box_append (GTK_BOX (header), spacer);
        editor->parts[2] = header;
        editor->items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        gtk_box_append (GTK_BOX (editor->items), header);
        gtk_box_append (GTK_BOX (editor->items), items);
        editor->row = stacked_row_new (editor, editor->items, add);
        editor->items = items;
      }
    else
      editor->row = stacked_row_new (editor, editor->items, add);
  }
  editor->parts[0] = add;
  editor->focus = add;
  editor->refresh = list_refresh;
}

/* ---- the send window --------------------------------------------------- */

enum { WINDOW_FROM, WINDOW_TO, WINDOW_DAYS, WINDOW_ZONE };

static JsonObject *
copy_window (WmFieldEditor *editor)
{
  JsonNode *node = member (editor);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *copy = wm_json_node_deep_copy (node);
      JsonObject *window = json_object_ref (json_node_get_object (copy));

      json_node_unref (copy);
      return window;
    }
  return json_object_new ();
}

static void
push_window (WmFieldEditor *editor,
             JsonObject    *window)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, window);
  _wm_inspector_push_config (editor->inspector, editor, node);
  json_node_unref (node);
}

static void
window_check (WmFieldEditor *editor)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (editor->parts[WINDOW_FROM]));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (editor->parts[WINDOW_TO]));
  int from_minute, to_minute;
  gboolean from_ok = wm_clock_parse (from, &from_minute);
  gboolean to_ok = wm_clock_parse (to, &to_minute);
  char *message = NULL;

  if (!adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (editor->row)))
    message = NULL;
  else if (!from_ok || !to_ok)
    message = g_strdup (_("Enter times from 00:00 to 23:59"));
  else if (from_minute >= to_minute)
    message = g_strdup (_("“From” must be earlier than “To”"));

  if (!from_ok && message != NULL)
    gtk_widget_add_css_class (editor->parts[WINDOW_FROM], "error");
  else
    gtk_widget_remove_css_class (editor->parts[WINDOW_FROM], "error");
  if ((!to_ok || (from_ok && from_minute >= to_minute)) && message != NULL)
    gtk_widget_add_css_class (editor->parts[WINDOW_TO], "error");
  else
    gtk_widget_remove_css_class (editor->parts[WINDOW_TO], "error");
  set_live_error (editor, message);
}

static void
window_clock_changed_cb (GtkEditable   *entry,
                         WmFieldEditor *editor)
{
  const char *key = gtk_widget_get_name (GTK_WIDGET (entry));
  const char *text = gtk_editable_get_text (entry);
  g_autoptr (JsonObject) window = NULL;
  int minute;

  if (editor->updating)
    return;
  window_check (editor);
  if (!wm_clock_parse (text, &minute))
    return;
  window = copy_window (editor);
  json_object_set_string_member (window, key, text);
  push_window (editor, window);
}

static void
window_days_changed_cb (WmDaysEditor  *days_editor,
                        WmFieldEditor *editor)
{
  guint days = wm_days_editor_get_days (days_editor);
  g_autoptr (JsonObject) window = NULL;

  if (editor->updating)
    return;
  window = copy_window (editor);
  if (days == 0)
    json_object_remove_member (window, "days");
  else
    json_object_set_member (window, "days", wm_days_to_json (days));
  push_window (editor, window);
}

static void
window_zone_changed_cb (AdwComboRow   *row,
                        GParamSpec    *pspec,
                        WmFieldEditor *editor)
{
  static const char * const zones[] = { "profile", "flow" };
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr (JsonObject) window = NULL;

  if (editor->updating || selected >= G_N_ELEMENTS (zones))
    return;
  window = copy_window (editor);
  json_object_set_string_member (window, "zone", zones[selected]);
  push_window (editor, window);
}

static void
window_enabled_cb (AdwExpanderRow *row,
                   GParamSpec     *pspec,
                   WmFieldEditor  *editor)
{
  if (editor->updating)
    return;
  if (adw_expander_row_get_enable_expansion (row))
    {
      /* A working window to start from: flow-format.md's example. */
      g_autoptr (JsonObject) window = json_object_new ();

      json_object_set_string_member (window, "from", "09:00");
      json_object_set_string_member (window, "to", "20:00");
      push_window (editor, window);
      adw_expander_row_set_expanded (row, TRUE);
    }
  else
    _wm_inspector_push_config (editor->inspector, editor, NULL);
  editor->refresh (editor);
}

static void
window_refresh (WmFieldEditor *editor)
{
  JsonNode *node = member (editor);
  JsonObject *window = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *zone = window != NULL ? node_string (json_object_get_member (window, "zone")) : NULL;
  guint days = 0;

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (editor->row), window != NULL);
  set_editable_text (editor->parts[WINDOW_FROM],
                     window != NULL ? node_string (json_object_get_member (window, "from")) : NULL);
  set_editable_text (editor->parts[WINDOW_TO],
                     window != NULL ? node_string (json_object_get_member (window, "to")) : NULL);
  if (window != NULL)
    wm_days_from_json (json_object_get_member (window, "days"), &days);
  wm_days_editor_set_days (WM_DAYS_EDITOR (editor->parts[WINDOW_DAYS]), days);
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor->parts[WINDOW_ZONE]),
                              g_strcmp0 (zone, "flow") == 0 ? 1 : 0);

  set_subtitle (editor, window != NULL ? _("Sends only within these hours")
                                       : _("Sends at any time"));
  window_check (editor);
}

static GtkWidget *
window_clock_row (const char *title,
                  const char *key,
                  GtkWidget **entry)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *entry = wm_clock_entry_new ();
  gtk_widget_set_name (*entry, key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *entry);
  return row;
}

static void
build_send_window (WmFieldEditor *editor)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *days_row = adw_preferences_row_new ();
  GtkWidget *days_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *days_label = new_label (_("Days"), NULL);
  GtkWidget *zone_row = adw_combo_row_new ();
  const char *zone_labels[] = { choice_label ("profile"), choice_label ("flow"), NULL };
  g_autoptr (GtkStringList) zones = gtk_string_list_new (zone_labels);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(editor->spec->label));
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            window_clock_row (C_("send window", "From"), "from", &editor->parts[WINDOW_FROM]));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            window_clock_row (C_("send window", "To"), "to", &editor->parts[WINDOW_TO]));

  editor->parts[WINDOW_DAYS] = wm_days_editor_new ();
  gtk_widget_set_name (editor->parts[WINDOW_DAYS], "days");
  gtk_widget_set_margin_top (days_box, 10);
  gtk_widget_set_margin_bottom (days_box, 10);
  gtk_widget_set_margin_start (days_box, 12);
  gtk_widget_set_margin_end (days_box, 12);
  gtk_box_append (GTK_BOX (days_box), days_label);
  gtk_box_append (GTK_BOX (days_box), editor->parts[WINDOW_DAYS]);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (days_row), days_box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (days_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row), _("Days"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), days_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (zone_row), _("Time zone"));
  adw_combo_row_set_model (ADW_COMBO_ROW (zone_row), G_LIST_MODEL (zones));
  gtk_widget_set_name (zone_row, "zone");
  editor->parts[WINDOW_ZONE] = zone_row;
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), zone_row);

  editor->row = row;
  editor->focus = row;
  editor->refresh = window_refresh;
  g_signal_connect (row, "notify::enable-expansion", G_CALLBACK (window_enabled_cb), editor);
  g_signal_connect (editor->parts[WINDOW_FROM], "changed", G_CALLBACK (window_clock_changed_cb), editor);
  g_signal_connect (editor->parts[WINDOW_TO], "changed", G_CALLBACK (window_clock_changed_cb), editor);
  g_signal_connect (editor->parts[WINDOW_DAYS], "changed", G_CALLBACK (window_days_changed_cb), editor);
  g_signal_connect (zone_row, "notify::selected", G_CALLBACK (window_zone_changed_cb), editor);
}

/* ---- the editor -------------------------------------------------------- */

gboolean
_wm_field_kind_wants_group (WmFieldKind kind)
{
  switch ((int) kind)
    {
    case WM_FIELD_BRANCHES:
    case WM_FIELD_VARIANTS:
    case WM_FIELD_ASSIGN:
    case WM_FIELD_TRANSFER:
    case WM_FIELD_SEND_WINDOW:
      return TRUE;
    default:
      return FALSE;
    }
}

WmFieldEditor *
_wm_field_editor_new (WmInspector       *inspector,
                      const WmFieldSpec *spec)
{
  WmFieldEditor *editor = g_new0 (WmFieldEditor, 1);

  editor->inspector = inspector;
  editor->spec = spec;

  switch (spec->kind)
    {
    case WM_FIELD_TEXT:
    case WM_FIELD_EVENT_NAME:
    case WM_FIELD_EMAIL:
    case WM_FIELD_ATTRIBUTE:
      build_text (editor);
      break;
    case WM_FIELD_TEMPLATE:
      build_template (editor);
      break;
    case WM_FIELD_EXPRESSION:
      build_expression (editor);
      break;
    case WM_FIELD_CHOICE:
    case WM_FIELD_ELEMENT:
    case WM_FIELD_REACTION:
    case WM_FIELD_VARIABLE:
    case WM_FIELD_MILESTONE:
    case WM_FIELD_OUTCOME:
    case WM_FIELD_FLOW:
      build_combo (editor);
      break;
    case WM_FIELD_DURATION:
      build_duration (editor);
      break;
    case WM_FIELD_CLOCK:
      build_clock (editor);
      break;
    case WM_FIELD_DAYS:
      build_days (editor);
      break;
    case WM_FIELD_INTEGER:
      build_integer (editor);
      break;
    case WM_FIELD_BRANCHES:
    case WM_FIELD_VARIANTS:
    case WM_FIELD_ASSIGN:
    case WM_FIELD_TRANSFER:
      build_list (editor);
      break;
    case WM_FIELD_SEND_WINDOW:
      build_send_window (editor);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_name (editor->row, spec->name);
  return editor;
}

void
_wm_field_editor_free (WmFieldEditor *editor)
{
  g_clear_pointer (&editor->ids, g_ptr_array_unref);
  g_clear_pointer (&editor->size_groups, g_ptr_array_unref);
  g_free (editor->subtitle);
  g_free (editor->live_error);
  g_free (editor->diagnostic);
  g_free (editor);
}

void
_wm_field_editor_refresh (WmFieldEditor *editor)
{
  editor->updating = TRUE;
  editor->refresh (editor);
  editor->updating = FALSE;
  _wm_field_editor_show_message (editor);
}

void
_wm_field_editor_show_message (WmFieldEditor *editor)
{
  /* The editor's own check is newer than the last validation, which
   * reports the same problem in other words. */
  const char *message = editor->live_error != NULL ? editor->live_error : editor->diagnostic;

  /* The error style colours all a widget holds: a row with a message
   * label marks its editor only (and a list its items, in check_list). */
  if (message != NULL && editor->message == NULL)
    gtk_widget_add_css_class (editor->row, "error");
  else
    gtk_widget_remove_css_class (editor->row, "error");

  if (editor->message != NULL)
    {
      gtk_label_set_text (GTK_LABEL (editor->message), message != NULL ? message : "");
      gtk_widget_set_visible (editor->message, message != NULL);
      if (editor->parts[1] != NULL)
        {
          if (message != NULL)
            gtk_widget_add_css_class (editor->parts[1], "error");
          else
            gtk_widget_remove_css_class (editor->parts[1], "error");
        }
    }
  else if (ADW_IS_ENTRY_ROW (editor->row))
    gtk_widget_set_tooltip_text (editor->row, message);
  else if (ADW_IS_ACTION_ROW (editor->row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (editor->row),
                                 message != NULL ? message : editor->subtitle != NULL ? editor->subtitle : "");
  else if (ADW_IS_EXPANDER_ROW (editor->row))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (editor->row),
                                   message != NULL ? message : editor->subtitle != NULL ? editor->subtitle : "");
}
