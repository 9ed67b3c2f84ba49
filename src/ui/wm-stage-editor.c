/* wm-stage-editor.c - the side pane that edits one stage of a journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixed fields are made once; the rows that depend on the journey
 * (the stages to wait for, the steps, the grouped flows) are rebuilt only
 * when what they list changes, and otherwise refreshed in place, so an
 * edit's own "changed" never replaces the widget a person types in.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "wm-flow-info.h"
#include "wm-journey-commands.h"
#include "wm-journey-fields.h"
#include "wm-stage-editor.h"
#include "wm-step-row.h"
#include "wm-time.h"
#include "wm-time-editors.h"
#include "wm-validate.h"

struct _WmStageEditor
{
  GtkWidget parent_instance;

  WmWorkspace *workspace;
  WmJourney   *journey;
  WmUndoStack *undo;
  char        *stage_id;
  gulong       changed_id;
  gulong       definitions_id;
  gulong       flows_id;
  gboolean     updating;      /* refresh writes the widgets: no command */
  GPtrArray   *diagnostics;   /* WmDiagnostic copies, or NULL */

  /* The workspace's choices, loaded by set_stage. */
  WmStepChoices *choices;

  GHashTable  *fields;        /* diagnostic field name -> WmJourneyField (owned) */
  GtkWidget   *name_row;
  GtkWidget   *description_row;
  GtkWidget   *begins_row;
  GtkWidget   *entry_entry;
  GtkWidget   *completes_row;
  GtkWidget   *duration_editor;
  GtkWidget   *behind_entry;
  GtkWidget   *stuck_entry;

  char        *after_signature;
  GPtrArray   *after_rows;    /* unowned AdwActionRow, one per other stage */
  char        *steps_signature;
  GPtrArray   *steps;         /* WmStepRow, in document order */
  char        *flows_signature;
  GPtrArray   *flow_rows;     /* unowned */

  /* Template children */
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *begins_group;
  AdwPreferencesGroup *after_group;
  AdwPreferencesGroup *steps_group;
  GtkWidget           *add_step_button;
  GtkWidget           *add_step_popover;
  GtkWidget           *add_step_box;
  AdwPreferencesGroup *flows_group;
  GtkWidget           *add_flow_button;
  GtkWidget           *add_flow_popover;
  GtkWidget           *flow_search;
  GtkWidget           *flow_list;
  AdwPreferencesGroup *timing_group;
};

G_DEFINE_FINAL_TYPE (WmStageEditor, wm_stage_editor, GTK_TYPE_WIDGET)

static const char * const begins_ids[] = { "journey", "after", "manual", NULL };
static const char * const completes_ids[] = { "steps", "manual", NULL };

static void show_diagnostics (WmStageEditor *self);

/* ---- model access ------------------------------------------------------ */

static JsonObject *
find_stage (WmStageEditor *self)
{
  JsonArray *stages;

  if (self->journey == NULL || self->stage_id == NULL)
    return NULL;
  stages = wm_journey_get_stages (self->journey);
  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (wm_journey_object_string (json_node_get_object (node), "id"), self->stage_id) == 0)
        return json_node_get_object (node);
    }
  return NULL;
}

static JsonObject *
stage_begins (JsonObject *stage)
{
  JsonNode *node = json_object_get_member (stage, "begins");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The string members of @object's array @key, in order. */
static GPtrArray *
string_list (JsonObject *object,
             const char *key)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        g_ptr_array_add (list, g_strdup (json_node_get_string (item)));
    }
  return list;
}

static gboolean
list_has (GPtrArray  *list,
          const char *s)
{
  return g_ptr_array_find_with_equal_func (list, s, g_str_equal, NULL);
}

void
_wm_stage_editor_push (WmStageEditor *self,
                       WmCommand     *command)
{
  g_autoptr (WmCommand) owned = command;

  if (self->undo != NULL && !self->updating)
    wm_undo_stack_push (self->undo, owned);
}

static WmJourneyField *
add_field (WmStageEditor       *self,
           AdwPreferencesGroup *group,
           const char          *name,
           WmJourneyField      *field)
{
  if (field->row != NULL && gtk_widget_get_parent (field->row) == NULL)
    adw_preferences_group_add (group, field->row);
  if (field->message_row != NULL)
    adw_preferences_group_add (group, field->message_row);
  g_hash_table_replace (self->fields, g_strdup (name), field);
  return field;
}

static WmJourneyField *
get_field (WmStageEditor *self,
           const char    *name)
{
  return g_hash_table_lookup (self->fields, name);
}

/* ---- the stages it waits for ------------------------------------------- */

static void
after_toggled_cb (GtkCheckButton *check,
                  WmStageEditor  *self)
{
  JsonObject *stage = find_stage (self);
  g_autoptr (GPtrArray) after = NULL;
  const char *id = g_object_get_data (G_OBJECT (check), "wm-stage");

  if (self->updating || stage == NULL)
    return;
  /* The order given is kept: a newly checked stage comes last. */
  after = string_list (stage_begins (stage), "after");
  if (gtk_check_button_get_active (check) && !list_has (after, id))
    g_ptr_array_add (after, g_strdup (id));
  else if (!gtk_check_button_get_active (check))
    {
      guint index;

      while (g_ptr_array_find_with_equal_func (after, id, g_str_equal, &index))
        g_ptr_array_remove_index (after, index);
    }
  g_ptr_array_add (after, NULL);
  _wm_stage_editor_push (self, wm_journey_command_set_stage_begins_new (self->stage_id, "after",
                                                                        (const char * const *) after->pdata));
}

static char *
after_signature (WmStageEditor *self)
{
  JsonArray *stages = wm_journey_get_stages (self->journey);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);
      JsonObject *stage = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      /* The shown stage is not listed: renaming it changes nothing here. */
      if (g_strcmp0 (wm_journey_object_string (stage, "id"), self->stage_id) == 0)
        continue;
      g_string_append_printf (signature, "%s\x1f%s\x1e", wm_journey_object_string (stage, "id"),
                              wm_journey_object_string (stage, "name"));
    }
  return g_string_free (signature, FALSE);
}

static void
rebuild_after (WmStageEditor *self)
{
  JsonArray *stages = wm_journey_get_stages (self->journey);
  WmJourneyField *field = get_field (self, "begins.after");

  for (guint i = 0; i < self->after_rows->len; i++)
    adw_preferences_group_remove (self->after_group, g_ptr_array_index (self->after_rows, i));
  g_ptr_array_set_size (self->after_rows, 0);
  field->focus = GTK_WIDGET (self->after_group);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);
      JsonObject *stage = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = wm_journey_object_string (stage, "id");
      const char *name = wm_journey_object_string (stage, "name");
      GtkWidget *row, *check;

      if (id == NULL || g_strcmp0 (id, self->stage_id) == 0)
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL && *name != '\0' ? name : id);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "wm-stage", g_strdup (id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (after_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name != NULL && *name != '\0' ? name : id, -1);
      adw_preferences_group_add (self->after_group, row);
      g_ptr_array_add (self->after_rows, row);
      if (field->focus == GTK_WIDGET (self->after_group))
        field->focus = check;
    }
}

static void
refresh_after (WmStageEditor *self,
               JsonObject    *stage)
{
  g_autofree char *signature = after_signature (self);
  g_autoptr (GPtrArray) after = string_list (stage_begins (stage), "after");

  if (g_strcmp0 (signature, self->after_signature) != 0)
    {
      g_free (self->after_signature);
      self->after_signature = g_steal_pointer (&signature);
      rebuild_after (self);
    }
  for (guint i = 0; i < self->after_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->after_rows, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      gboolean active = list_has (after, g_object_get_data (G_OBJECT (check), "wm-stage"));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != active)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
    }
}

/* ---- steps --------------------------------------------------------------- */

static char *
steps_signature (JsonObject *stage)
{
  JsonNode *node = json_object_get_member (stage, "steps");
  JsonArray *steps = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  GString *signature = g_string_new (NULL);

  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      JsonNode *item = json_array_get_element (steps, i);
      JsonObject *step = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

      g_string_append_printf (signature, "%s\x1f%s\x1e", wm_journey_object_string (step, "id"),
                              wm_journey_object_string (step, "kind"));
    }
  return g_string_free (signature, FALSE);
}

static void
remove_step_fields (WmStageEditor *self)
{
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (g_str_has_prefix (key, "steps."))
      g_hash_table_iter_remove (&iter);
}

static void
rebuild_steps (WmStageEditor *self,
               JsonObject    *stage)
{
  JsonNode *node = json_object_get_member (stage, "steps");
  JsonArray *steps = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = steps != NULL ? json_array_get_length (steps) : 0;
  /* A file may hold two steps of one id (validation says duplicate-id):
   * the first gets a row. Edits name steps by id, and the field table
   * must not hold two rows' fields under one key. */
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  remove_step_fields (self);
  for (guint i = 0; i < self->steps->len; i++)
    adw_preferences_group_remove (self->steps_group, wm_step_row_get_row (g_ptr_array_index (self->steps, i)));
  g_ptr_array_set_size (self->steps, 0);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (steps, i);
      JsonObject *step = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *id = wm_journey_object_string (step, "id");
      WmStepRow *row;
      GHashTable *fields;
      GHashTableIter iter;
      const char *key;
      WmJourneyField *field;

      if (id == NULL || !g_hash_table_add (seen, (gpointer) id))
        continue;
      row = wm_step_row_new (self, self->choices, self->stage_id, id,
                             wm_journey_object_string (step, "kind"), i, n);
      adw_preferences_group_add (self->steps_group, wm_step_row_get_row (row));
      g_ptr_array_add (self->steps, row);
      /* Its fields answer to "steps.ID.FIELD". */
      fields = wm_step_row_get_fields (row);
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &field))
        g_hash_table_replace (self->fields, g_strdup_printf ("steps.%s.%s", id, key), field);
    }
}

static void
refresh_steps (WmStageEditor *self,
               JsonObject    *stage)
{
  g_autofree char *signature = steps_signature (stage);
  JsonNode *node = json_object_get_member (stage, "steps");
  JsonArray *steps = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  gboolean rebuilt = FALSE;

  if (g_strcmp0 (signature, self->steps_signature) != 0)
    {
      g_free (self->steps_signature);
      self->steps_signature = g_steal_pointer (&signature);
      rebuild_steps (self, stage);
      rebuilt = TRUE;
    }
  for (guint i = 0; i < self->steps->len; i++)
    {
      WmStepRow *row = g_ptr_array_index (self->steps, i);

      for (guint k = 0; steps != NULL && k < json_array_get_length (steps); k++)
        {
          JsonNode *item = json_array_get_element (steps, k);
          JsonObject *step = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

          if (g_strcmp0 (wm_journey_object_string (step, "id"), wm_step_row_get_id (row)) == 0)
            wm_step_row_refresh (row, step);
        }
    }
  /* The new rows show the diagnostics of their steps. */
  if (rebuilt)
    show_diagnostics (self);
}

static void
add_step_cb (GtkButton     *button,
             WmStageEditor *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "wm-kind");
  g_autoptr (JsonNode) step = NULL;
  g_autoptr (WmCommand) command = NULL;
  const char *new_id;

  gtk_popover_popdown (GTK_POPOVER (self->add_step_popover));
  if (self->journey == NULL || find_stage (self) == NULL)
    return;
  step = wm_journey_new_step (self->journey, self->stage_id, kind, wm_step_kind_label (kind));
  command = wm_journey_command_add_step_new (self->stage_id, step, WM_JOURNEY_POSITION_END);
  _wm_stage_editor_push (self, g_object_ref (command));
  /* Open the new step to fill in its fields. */
  new_id = wm_journey_command_get_new_id (command);
  for (guint i = 0; new_id != NULL && i < self->steps->len; i++)
    {
      WmStepRow *row = g_ptr_array_index (self->steps, i);

      if (g_strcmp0 (wm_step_row_get_id (row), new_id) == 0)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (wm_step_row_get_row (row)), TRUE);
    }
}

/* ---- flows ----------------------------------------------------------------- */

static char *
flow_name (WmStageEditor *self,
           const char    *id)
{
  for (guint i = 0; self->choices->flow_ids[i] != NULL; i++)
    if (g_str_equal (self->choices->flow_ids[i], id))
      return g_strdup (self->choices->flow_labels[i]);
  /* Translators: a flow the workspace does not have */
  return g_strdup_printf (_("%s (not in the workspace)"), id);
}

static void
ungroup_clicked_cb (GtkButton     *button,
                    WmStageEditor *self)
{
  const char *flow = g_object_get_data (G_OBJECT (button), "wm-flow");

  _wm_stage_editor_push (self, wm_journey_command_ungroup_flow_new (self->stage_id, flow));
}

static void fill_flow_list (WmStageEditor *self);

static void
refresh_flows (WmStageEditor *self,
               JsonObject    *stage)
{
  g_autoptr (GPtrArray) flows = string_list (stage, "flows");
  g_autoptr (GString) signature = g_string_new (NULL);

  for (guint i = 0; i < flows->len; i++)
    g_string_append_printf (signature, "%s\x1e", (char *) g_ptr_array_index (flows, i));
  if (g_strcmp0 (signature->str, self->flows_signature) == 0)
    return;
  g_free (self->flows_signature);
  self->flows_signature = g_strdup (signature->str);

  for (guint i = 0; i < self->flow_rows->len; i++)
    adw_preferences_group_remove (self->flows_group, g_ptr_array_index (self->flow_rows, i));
  g_ptr_array_set_size (self->flow_rows, 0);
  for (guint i = 0; i < flows->len; i++)
    {
      const char *id = g_ptr_array_index (flows, i);
      g_autofree char *name = flow_name (self, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *label = g_strdup_printf (_("Take “%s” out of the stage"), name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "wm-flow", g_strdup (id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (ungroup_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->flows_group, row);
      g_ptr_array_add (self->flow_rows, row);
    }
  /* The add list offers the flows not grouped yet. */
  fill_flow_list (self);
}

static gboolean
flow_filter (GtkListBoxRow *row,
             gpointer       user_data)
{
  WmStageEditor *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->flow_search));
  const char *name = g_object_get_data (G_OBJECT (row), "wm-name");
  g_autofree char *folded_search = g_utf8_casefold (search, -1);
  g_autofree char *folded_name = g_utf8_casefold (name != NULL ? name : "", -1);

  return *search == '\0' || strstr (folded_name, folded_search) != NULL;
}

static void
flow_search_changed_cb (WmStageEditor *self)
{
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->flow_list));
}

static void
flow_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       WmStageEditor *self)
{
  const char *flow = g_object_get_data (G_OBJECT (row), "wm-flow");

  gtk_popover_popdown (GTK_POPOVER (self->add_flow_popover));
  if (flow != NULL)
    _wm_stage_editor_push (self, wm_journey_command_group_flow_new (self->stage_id, flow));
}

/* Enter in the search groups the first flow that matches: type a few
 * letters of a name and press Enter, no pointer needed. */
static void
flow_search_activate_cb (WmStageEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (self->flow_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row)
          && g_object_get_data (G_OBJECT (row), "wm-flow") != NULL)
        {
          flow_row_activated_cb (GTK_LIST_BOX (self->flow_list), GTK_LIST_BOX_ROW (row), self);
          return;
        }
    }
}

/* Lists the workspace's flows the stage does not group yet. */
static void
fill_flow_list (WmStageEditor *self)
{
  JsonObject *stage = find_stage (self);
  g_autoptr (GPtrArray) grouped = string_list (stage, "flows");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->flow_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->flow_list), child);
  for (guint i = 0; self->choices->flow_ids[i] != NULL; i++)
    {
      GtkWidget *row, *label;

      if (*self->choices->flow_ids[i] == '\0' || list_has (grouped, self->choices->flow_ids[i]))
        continue;
      row = gtk_list_box_row_new ();
      label = gtk_label_new (self->choices->flow_labels[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "wm-flow", g_strdup (self->choices->flow_ids[i]), g_free);
      g_object_set_data_full (G_OBJECT (row), "wm-name", g_strdup (self->choices->flow_labels[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->flow_list), row);
    }
  if (gtk_widget_get_first_child (self->flow_list) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Every flow of the workspace is grouped here"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (self->flow_list), label);
    }
}

/* The next search starts afresh. */
static void
add_flow_popover_closed_cb (WmStageEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->flow_search), "");
}

/* ---- durations --------------------------------------------------------- */

static void
check_duration (WmJourneyField *field,
                const char     *text)
{
  gint64 seconds;

  if (text != NULL && *text != '\0' && !wm_duration_parse (text, &seconds))
    wm_journey_field_set_live_error (field,
                                     g_strdup_printf (_("“%s” is not a duration such as 90s, 15m, 2h, 3d or 1w"),
                                                      text));
  else
    wm_journey_field_set_live_error (field, NULL);
}

/* Whole days read as days ("14 days", not "2 weeks"): stages are
 * planned in days. */
static char *
describe_duration (gint64 seconds)
{
  if (seconds > 0 && seconds % (24 * 3600) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", (gulong) (seconds / (24 * 3600))),
                            (guint) (seconds / (24 * 3600)));
  return wm_duration_describe (seconds);
}

static void
duration_changed_cb (WmStageEditor *self)
{
  g_autofree char *text = NULL;

  if (self->updating)
    return;
  text = wm_duration_editor_get_text (WM_DURATION_EDITOR (self->duration_editor));
  wm_journey_field_set_live_error (get_field (self, "duration"), NULL);
  _wm_stage_editor_push (self, wm_journey_command_set_stage_duration_new (self->stage_id, text));
}

void
wm_stage_editor_commit (WmStageEditor *self)
{
  g_autofree char *text = NULL;
  JsonObject *stage;

  g_return_if_fail (WM_IS_STAGE_EDITOR (self));

  if (self->updating || self->journey == NULL || (stage = find_stage (self)) == NULL)
    return;
  /* Taking the typed digits emits ::changed, which pushes the command;
   * push here only when it did not. */
  text = wm_duration_editor_get_text (WM_DURATION_EDITOR (self->duration_editor));
  stage = find_stage (self);
  if (stage != NULL)
    {
      const char *stored = wm_journey_object_string (stage, "duration");
      gint64 shown_seconds = 0, stored_seconds = 0;

      /* Compared as lengths: "14d" shown as 2 weeks is the same. A stage
       * without a (valid) duration keeps it so unless a person typed one,
       * which ::changed has pushed already. */
      if (stored != NULL && wm_duration_parse (stored, &stored_seconds)
          && wm_duration_parse (text, &shown_seconds) && shown_seconds != stored_seconds)
        _wm_stage_editor_push (self, wm_journey_command_set_stage_duration_new (self->stage_id, text));
    }
}

static void
behind_changed_cb (GtkEditable   *editable,
                   WmStageEditor *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->updating)
    return;
  check_duration (get_field (self, "behind"), text);
  _wm_stage_editor_push (self, wm_journey_command_set_stage_behind_new (self->stage_id,
                                                                       *text != '\0' ? text : NULL));
}

static void
stuck_changed_cb (GtkEditable   *editable,
                  WmStageEditor *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->updating)
    return;
  check_duration (get_field (self, "stuck"), text);
  _wm_stage_editor_push (self, wm_journey_command_set_stage_stuck_new (self->stage_id,
                                                                      *text != '\0' ? text : NULL));
}

static void
refresh_durations (WmStageEditor *self,
                   JsonObject    *stage)
{
  const char *duration = wm_journey_object_string (stage, "duration");
  const char *behind = wm_journey_object_string (stage, "behind");
  const char *stuck = wm_journey_object_string (stage, "stuck");
  /* Peek, not get: getting takes digits still being typed, which would
   * then be written over by the stored value (no command: updating). */
  g_autofree char *shown = wm_duration_editor_peek_text (WM_DURATION_EDITOR (self->duration_editor));
  g_autofree char *behind_default = NULL, *stuck_default = NULL;
  gint64 seconds;

  if (duration == NULL || g_strcmp0 (shown, duration) != 0)
    wm_duration_editor_set_text (WM_DURATION_EDITOR (self->duration_editor), duration);
  check_duration (get_field (self, "duration"), duration);
  if (duration != NULL && wm_duration_parse (duration, &seconds))
    {
      g_autofree char *once = describe_duration (seconds);
      g_autofree char *twice = describe_duration (seconds * 2);

      /* Translators: the default of "behind", "7 days (same as should take)" */
      behind_default = g_strdup_printf (_("%s (same as should take)"), once);
      /* Translators: the default of "stuck", "14 days (twice should take)" */
      stuck_default = g_strdup_printf (_("%s (twice should take)"), twice);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->behind_entry),
                                  behind_default != NULL ? behind_default : _("Same as should take"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->stuck_entry),
                                  stuck_default != NULL ? stuck_default : _("Twice should take"));
  wm_journey_set_editable_text (self->behind_entry, behind);
  check_duration (get_field (self, "behind"), behind);
  wm_journey_set_editable_text (self->stuck_entry, stuck);
  check_duration (get_field (self, "stuck"), stuck);
}

/* ---- the stage's own fields ---------------------------------------------- */

static void
name_changed_cb (GtkEditable   *editable,
                 WmStageEditor *self)
{
  if (!self->updating)
    _wm_stage_editor_push (self, wm_journey_command_rename_stage_new (self->stage_id,
                                                                      gtk_editable_get_text (editable)));
}

static void
description_changed_cb (GtkEditable   *editable,
                        WmStageEditor *self)
{
  if (!self->updating)
    _wm_stage_editor_push (self, wm_journey_command_set_stage_description_new (self->stage_id,
                                                                               gtk_editable_get_text (editable)));
}

static void
entry_changed_cb (GtkEditable   *editable,
                  WmStageEditor *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->updating)
    return;
  wm_journey_field_set_live_error (get_field (self, "entry"), wm_journey_syntax_error (text));
  _wm_stage_editor_push (self, wm_journey_command_set_stage_entry_new (self->stage_id, text));
}

static void
begins_selected_cb (AdwComboRow   *row,
                    GParamSpec    *pspec,
                    WmStageEditor *self)
{
  const char *when = wm_journey_combo_get (row);
  JsonObject *stage = find_stage (self);
  g_autoptr (GPtrArray) after = NULL;

  if (self->updating || when == NULL || stage == NULL)
    return;
  /* The stages to wait for are kept for "after" only: another kind of
   * beginning waits for none. */
  after = g_str_equal (when, "after") ? string_list (stage_begins (stage), "after")
                                      : g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (after, NULL);
  _wm_stage_editor_push (self, wm_journey_command_set_stage_begins_new (self->stage_id, when,
                                                                        (const char * const *) after->pdata));
}

static void
completes_selected_cb (AdwComboRow   *row,
                       GParamSpec    *pspec,
                       WmStageEditor *self)
{
  const char *completes = wm_journey_combo_get (row);

  if (!self->updating && completes != NULL)
    _wm_stage_editor_push (self, wm_journey_command_set_stage_completes_new (self->stage_id, completes));
}

static void
refresh (WmStageEditor *self)
{
  JsonObject *stage = find_stage (self);
  JsonObject *begins;
  const char *when;
  const char *begins_labels[] = { _("With the journey"), _("After other stages"), _("By hand"), NULL };
  const char *completes_labels[] = { _("When the required steps are done"), _("By hand"), NULL };

  if (stage == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  begins = stage_begins (stage);
  when = wm_journey_object_string (begins, "when");

  self->updating = TRUE;
  wm_journey_set_editable_text (self->name_row, wm_journey_object_string (stage, "name"));
  wm_journey_set_editable_text (self->description_row, wm_journey_object_string (stage, "description"));
  wm_journey_combo_set (ADW_COMBO_ROW (self->begins_row), begins_ids, begins_labels, when);
  gtk_widget_set_visible (GTK_WIDGET (self->after_group), g_strcmp0 (when, "after") == 0);
  refresh_after (self, stage);
  wm_journey_set_editable_text (self->entry_entry, wm_journey_object_string (stage, "entry"));
  wm_journey_field_set_live_error (get_field (self, "entry"),
                                   wm_journey_syntax_error (wm_journey_object_string (stage, "entry")));
  wm_journey_combo_set (ADW_COMBO_ROW (self->completes_row), completes_ids, completes_labels,
                        wm_journey_object_string (stage, "completes"));
  refresh_steps (self, stage);
  refresh_flows (self, stage);
  refresh_durations (self, stage);
  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "stage");
}

static void
journey_changed_cb (WmStageEditor *self)
{
  refresh (self);
}

/* A milestone, outcome or flow came, went or was renamed: the pickers
 * and the flow names show it. */
static void
workspace_changed_cb (WmStageEditor *self)
{
  wm_step_choices_reload (self->choices, self->workspace);
  g_clear_pointer (&self->flows_signature, g_free);
  refresh (self);
}

static GtkWidget *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static GtkWidget *
combo_row_new (const char *title)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static GtkWidget *
duration_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_add_css_class (entry, "monospace");
  return entry;
}

static void
build (WmStageEditor *self)
{
  WmJourneyField *field;
  GtkWidget *row;

  self->name_row = entry_row_new (_("Name"));
  add_field (self, self->details_group, "name", wm_journey_field_new (self->name_row, NULL));
  g_signal_connect (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  self->description_row = entry_row_new (_("Description"));
  add_field (self, self->details_group, "description", wm_journey_field_new (self->description_row, NULL));
  g_signal_connect (self->description_row, "changed", G_CALLBACK (description_changed_cb), self);

  self->begins_row = combo_row_new (_("Begins"));
  add_field (self, self->begins_group, "begins", wm_journey_field_new (self->begins_row, NULL));
  g_signal_connect (self->begins_row, "notify::selected", G_CALLBACK (begins_selected_cb), self);
  self->entry_entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry_entry, "monospace");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry_entry), _("Always"));
  add_field (self, self->begins_group, "entry",
             wm_journey_field_new_stacked (_("Entry condition (over profile)"), self->entry_entry));
  g_signal_connect (self->entry_entry, "changed", G_CALLBACK (entry_changed_cb), self);

  /* The check rows come after this message row. */
  field = wm_journey_field_new (NULL, NULL);
  field->marked = GTK_WIDGET (self->after_group);
  field->row = GTK_WIDGET (self->after_group);
  field->focus = GTK_WIDGET (self->after_group);
  add_field (self, self->after_group, "begins.after", field);

  self->completes_row = combo_row_new (_("Completes"));
  /* "When the required steps are done" is too long to sit beside it. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->completes_row), TRUE);
  add_field (self, self->steps_group, "completes", wm_journey_field_new (self->completes_row, NULL));
  g_signal_connect (self->completes_row, "notify::selected", G_CALLBACK (completes_selected_cb), self);
  field = wm_journey_field_new (NULL, self->add_step_button);
  field->row = GTK_WIDGET (self->steps_group);
  field->marked = GTK_WIDGET (self->steps_group);
  add_field (self, self->steps_group, "steps", field);

  field = wm_journey_field_new (NULL, self->add_flow_button);
  field->row = GTK_WIDGET (self->flows_group);
  field->marked = GTK_WIDGET (self->flows_group);
  add_field (self, self->flows_group, "flows", field);

  self->duration_editor = wm_duration_editor_new ();
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Should take"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->duration_editor);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->duration_editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Should take"), -1);
  add_field (self, self->timing_group, "duration",
             wm_journey_field_new (row, wm_duration_editor_get_spin (WM_DURATION_EDITOR (self->duration_editor))));
  g_signal_connect_swapped (self->duration_editor, "changed", G_CALLBACK (duration_changed_cb), self);
  self->behind_entry = duration_entry_new ();
  add_field (self, self->timing_group, "behind",
             wm_journey_field_new_stacked (_("Behind after"), self->behind_entry));
  g_signal_connect (self->behind_entry, "changed", G_CALLBACK (behind_changed_cb), self);
  self->stuck_entry = duration_entry_new ();
  add_field (self, self->timing_group, "stuck",
             wm_journey_field_new_stacked (_("Stuck after"), self->stuck_entry));
  g_signal_connect (self->stuck_entry, "changed", G_CALLBACK (stuck_changed_cb), self);

  for (guint i = 0; wm_step_kinds[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (wm_step_kind_label (wm_step_kinds[i]));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (button), "wm-kind", (gpointer) wm_step_kinds[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (add_step_cb), self);
      gtk_box_append (GTK_BOX (self->add_step_box), button);
    }

  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->flow_list), flow_filter, self, NULL);
  g_signal_connect_swapped (self->flow_search, "search-changed", G_CALLBACK (flow_search_changed_cb), self);
  g_signal_connect_swapped (self->flow_search, "activate", G_CALLBACK (flow_search_activate_cb), self);
  g_signal_connect (self->flow_list, "row-activated", G_CALLBACK (flow_row_activated_cb), self);
  g_signal_connect_swapped (self->add_flow_popover, "closed", G_CALLBACK (add_flow_popover_closed_cb), self);
}

/* ---- diagnostics and focus ---------------------------------------------- */

/* The field that shows a diagnostic's @field: itself, or the one it
 * belongs to ("begins.when" is Begins, a step field the pane has no
 * widget for is the step's name). */
static WmJourneyField *
resolve_field (WmStageEditor *self,
               const char    *field,
               char         **step)
{
  WmJourneyField *found;

  if (field == NULL)
    return NULL;
  found = get_field (self, field);
  if (found == NULL && g_str_has_prefix (field, "begins"))
    found = get_field (self, "begins");
  if (g_str_has_prefix (field, "steps."))
    {
      const char *id = field + strlen ("steps.");
      const char *dot = strrchr (id, '.');
      g_autofree char *step_id = dot != NULL ? g_strndup (id, dot - id) : g_strdup (id);

      if (found == NULL)
        {
          g_autofree char *name = g_strdup_printf ("steps.%s.name", step_id);

          found = get_field (self, name);
        }
      if (step != NULL && found != NULL)
        *step = g_steal_pointer (&step_id);
    }
  if (found == NULL && g_str_equal (field, "id"))
    found = get_field (self, "name");
  return found;
}

static void
show_diagnostics (WmStageEditor *self)
{
  GHashTableIter iter;
  WmJourneyField *field;
  g_autoptr (GHashTable) shown = g_hash_table_new (NULL, NULL);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &field))
    wm_journey_field_set_diagnostic (field, NULL);
  for (guint i = 0; self->diagnostics != NULL && i < self->diagnostics->len; i++)
    {
      WmDiagnostic *d = g_ptr_array_index (self->diagnostics, i);

      if (self->stage_id == NULL || g_strcmp0 (d->element, self->stage_id) != 0)
        continue;
      field = resolve_field (self, d->field, NULL);
      /* The first diagnostic of a field is the one shown. */
      if (field != NULL && g_hash_table_add (shown, field))
        wm_journey_field_set_diagnostic (field, d);
    }
}

/* ---- the widget ------------------------------------------------------------ */

static void
clear_journey (WmStageEditor *self)
{
  if (self->journey != NULL)
    g_clear_signal_handler (&self->changed_id, self->journey);
  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->definitions_id, self->workspace);
      g_clear_signal_handler (&self->flows_id, wm_workspace_get_flows (self->workspace));
    }
  g_clear_object (&self->journey);
  g_clear_object (&self->undo);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->stage_id, g_free);
}

static void
wm_stage_editor_dispose (GObject *object)
{
  WmStageEditor *self = WM_STAGE_EDITOR (object);

  clear_journey (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_STAGE_EDITOR);
  G_OBJECT_CLASS (wm_stage_editor_parent_class)->dispose (object);
}

static void
wm_stage_editor_finalize (GObject *object)
{
  WmStageEditor *self = WM_STAGE_EDITOR (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->after_rows, g_ptr_array_unref);
  g_clear_pointer (&self->flow_rows, g_ptr_array_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->choices, wm_step_choices_free);
  g_free (self->after_signature);
  g_free (self->steps_signature);
  g_free (self->flows_signature);
  G_OBJECT_CLASS (wm_stage_editor_parent_class)->finalize (object);
}

static void
wm_stage_editor_class_init (WmStageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_stage_editor_dispose;
  object_class->finalize = wm_stage_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-stage-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, page);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, details_group);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, begins_group);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, after_group);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, steps_group);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, add_step_button);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, add_step_popover);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, add_step_box);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, flows_group);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, add_flow_button);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, add_flow_popover);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, flow_search);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, flow_list);
  gtk_widget_class_bind_template_child (widget_class, WmStageEditor, timing_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wm_stage_editor_init (WmStageEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) wm_journey_field_free);
  self->after_rows = g_ptr_array_new ();
  self->flow_rows = g_ptr_array_new ();
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_step_row_free);
  self->choices = wm_step_choices_new (NULL);
  build (self);
}

GtkWidget *
wm_stage_editor_new (void)
{
  return g_object_new (WM_TYPE_STAGE_EDITOR, NULL);
}

void
wm_stage_editor_set_stage (WmStageEditor *self,
                           WmWorkspace   *workspace,
                           WmJourney     *journey,
                           WmUndoStack   *undo,
                           const char    *stage_id)
{
  g_return_if_fail (WM_IS_STAGE_EDITOR (self));
  g_return_if_fail (workspace == NULL || WM_IS_WORKSPACE (workspace));
  g_return_if_fail (journey == NULL || WM_IS_JOURNEY (journey));

  /* The stage already shown: nothing is rebuilt, so a field being typed
   * in keeps its cursor. */
  if (journey != NULL && journey == self->journey && undo == self->undo && workspace == self->workspace
      && g_strcmp0 (stage_id, self->stage_id) == 0)
    {
      refresh (self);
      return;
    }
  clear_journey (self);
  /* Another stage or journey: every list is made anew. */
  g_clear_pointer (&self->after_signature, g_free);
  g_clear_pointer (&self->steps_signature, g_free);
  g_clear_pointer (&self->flows_signature, g_free);
  if (journey == NULL || stage_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->workspace = workspace != NULL ? g_object_ref (workspace) : NULL;
  self->journey = g_object_ref (journey);
  self->undo = undo != NULL ? g_object_ref (undo) : NULL;
  self->stage_id = g_strdup (stage_id);
  wm_step_choices_reload (self->choices, workspace);
  if (workspace != NULL)
    {
      self->definitions_id = g_signal_connect_swapped (workspace, "definitions-changed",
                                                       G_CALLBACK (workspace_changed_cb), self);
      self->flows_id = g_signal_connect_swapped (wm_workspace_get_flows (workspace), "items-changed",
                                                 G_CALLBACK (workspace_changed_cb), self);
    }
  self->changed_id = g_signal_connect_swapped (journey, "changed", G_CALLBACK (journey_changed_cb), self);
  refresh (self);
  show_diagnostics (self);
}

const char *
wm_stage_editor_get_stage (WmStageEditor *self)
{
  g_return_val_if_fail (WM_IS_STAGE_EDITOR (self), NULL);
  return self->stage_id;
}

GtkWidget *
wm_stage_editor_get_field (WmStageEditor *self,
                           const char    *field)
{
  WmJourneyField *found;

  g_return_val_if_fail (WM_IS_STAGE_EDITOR (self), NULL);
  found = resolve_field (self, field, NULL);
  return found != NULL ? found->focus : NULL;
}

gboolean
wm_stage_editor_focus_field (WmStageEditor *self,
                             const char    *field)
{
  g_autofree char *step = NULL;
  WmJourneyField *found;

  g_return_val_if_fail (WM_IS_STAGE_EDITOR (self), FALSE);
  if (find_stage (self) == NULL)
    return FALSE;
  found = resolve_field (self, field, &step);
  if (found == NULL)
    return FALSE;
  /* A step's field is inside its row: open it first. */
  for (guint i = 0; step != NULL && i < self->steps->len; i++)
    {
      WmStepRow *row = g_ptr_array_index (self->steps, i);

      if (g_str_equal (wm_step_row_get_id (row), step))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (wm_step_row_get_row (row)), TRUE);
    }
  /* Begins' waiting list shows for "after" only; it is where a link to
   * fix is. */
  if (found == get_field (self, "begins.after"))
    gtk_widget_set_visible (GTK_WIDGET (self->after_group), TRUE);
  return gtk_widget_grab_focus (found->focus);
}

void
wm_stage_editor_set_diagnostics (WmStageEditor *self,
                                 GPtrArray     *diagnostics)
{
  g_return_if_fail (WM_IS_STAGE_EDITOR (self));

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (diagnostics != NULL)
    {
      self->diagnostics = g_ptr_array_copy (diagnostics, (GCopyFunc) wm_diagnostic_copy, NULL);
      g_ptr_array_set_free_func (self->diagnostics, (GDestroyNotify) wm_diagnostic_free);
    }
  show_diagnostics (self);
}
