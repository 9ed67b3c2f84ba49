/* wm-step-row.c - one step of a stage in the stage editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-flow-info.h"
#include "wm-journey-commands.h"
#include "wm-journey-fields.h"
#include "wm-step-row.h"

const char * const wm_step_kinds[] = { "milestone", "outcome", "event", "flow", "task", NULL };

/* The second field of each kind and the choices it has (NULL: free text). */
static const char * const result_ids[] = { "success", "failure", NULL };
static const char * const on_ids[] = { "exit", "enter", NULL };

struct _WmStepRow
{
  WmStageEditor *editor;       /* unowned: it owns the row */
  WmStepChoices *choices;      /* unowned: the editor's */
  char          *stage;
  char          *id;
  char          *kind;
  GtkWidget     *expander;     /* owned */
  GtkWidget     *name_row;
  GtkWidget     *primary;      /* milestone, outcome, flow: a combo; event: an entry row */
  GtkWidget     *secondary;    /* flow, result, on: a combo; where: an entry */
  GtkWidget     *required;     /* a switch */
  GHashTable    *fields;       /* step field -> WmJourneyField (not owned once given) */
};

const char *
wm_step_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "milestone") == 0)
    return _("Milestone");
  if (g_strcmp0 (kind, "outcome") == 0)
    return _("Outcome");
  if (g_strcmp0 (kind, "event") == 0)
    return _("Event");
  if (g_strcmp0 (kind, "flow") == 0)
    return _("Flow");
  if (g_strcmp0 (kind, "task") == 0)
    return _("Task");
  /* Translators: a step whose kind the app does not know */
  return _("Unknown kind");
}

static void
definitions (WmWorkspace      *workspace,
             WmDefinitionKind  kind,
             GStrv            *ids,
             GStrv            *labels)
{
  g_autoptr (GStrvBuilder) id_builder = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) label_builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) list = NULL;

  if (workspace != NULL)
    list = wm_workspace_list_definitions (workspace, kind, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      WmDefinition *definition = g_ptr_array_index (list, i);

      g_strv_builder_add (id_builder, definition->id);
      g_strv_builder_add (label_builder, definition->name);
    }
  *ids = g_strv_builder_end (id_builder);
  *labels = g_strv_builder_end (label_builder);
}

static void
clear_choices (WmStepChoices *choices)
{
  g_clear_pointer (&choices->milestone_ids, g_strfreev);
  g_clear_pointer (&choices->milestone_labels, g_strfreev);
  g_clear_pointer (&choices->outcome_ids, g_strfreev);
  g_clear_pointer (&choices->outcome_labels, g_strfreev);
  g_clear_pointer (&choices->flow_ids, g_strfreev);
  g_clear_pointer (&choices->flow_labels, g_strfreev);
}

void
wm_step_choices_reload (WmStepChoices *choices,
                        WmWorkspace   *workspace)
{
  g_autoptr (GStrvBuilder) id_builder = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) label_builder = g_strv_builder_new ();

  clear_choices (choices);
  definitions (workspace, WM_DEFINITION_MILESTONE, &choices->milestone_ids, &choices->milestone_labels);
  definitions (workspace, WM_DEFINITION_OUTCOME, &choices->outcome_ids, &choices->outcome_labels);
  if (workspace != NULL)
    {
      GListModel *flows = wm_workspace_get_flows (workspace);

      for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
        {
          g_autoptr (WmFlowInfo) info = g_list_model_get_item (flows, i);

          g_strv_builder_add (id_builder, wm_flow_info_get_id (info));
          g_strv_builder_add (label_builder, wm_flow_info_get_name (info));
        }
    }
  choices->flow_ids = g_strv_builder_end (id_builder);
  choices->flow_labels = g_strv_builder_end (label_builder);
}

WmStepChoices *
wm_step_choices_new (WmWorkspace *workspace)
{
  WmStepChoices *choices = g_new0 (WmStepChoices, 1);

  wm_step_choices_reload (choices, workspace);
  return choices;
}

void
wm_step_choices_free (WmStepChoices *choices)
{
  if (choices == NULL)
    return;
  clear_choices (choices);
  g_free (choices);
}

/* @ids and @labels with a first choice "" labelled @none. */
static void
with_none (const char * const *ids,
           const char * const *labels,
           const char         *none,
           GStrv              *all_ids,
           GStrv              *all_labels)
{
  g_autoptr (GStrvBuilder) id_builder = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) label_builder = g_strv_builder_new ();

  g_strv_builder_add (id_builder, "");
  g_strv_builder_add (label_builder, none);
  g_strv_builder_addv (id_builder, (const char **) ids);
  g_strv_builder_addv (label_builder, (const char **) labels);
  *all_ids = g_strv_builder_end (id_builder);
  *all_labels = g_strv_builder_end (label_builder);
}

static const char *
primary_key (WmStepRow *row)
{
  if (g_str_equal (row->kind, "milestone") || g_str_equal (row->kind, "outcome")
      || g_str_equal (row->kind, "event") || g_str_equal (row->kind, "flow"))
    return row->kind;
  return NULL;
}

static const char *
secondary_key (WmStepRow *row)
{
  if (g_str_equal (row->kind, "milestone"))
    return "flow";
  if (g_str_equal (row->kind, "outcome"))
    return "result";
  if (g_str_equal (row->kind, "event"))
    return "where";
  if (g_str_equal (row->kind, "flow"))
    return "on";
  return NULL;
}

static void
push_member (WmStepRow  *row,
             const char *key,
             const char *value)
{
  g_autoptr (JsonNode) node = NULL;

  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  _wm_stage_editor_push (row->editor, wm_journey_command_set_step_member_new (row->stage, row->id, key, node));
}

static void
name_changed_cb (GtkEditable *editable,
                 WmStepRow   *row)
{
  _wm_stage_editor_push (row->editor, wm_journey_command_rename_step_new (row->stage, row->id,
                                                                          gtk_editable_get_text (editable)));
}

static void
primary_selected_cb (AdwComboRow *combo,
                     GParamSpec  *pspec,
                     WmStepRow   *row)
{
  const char *value = wm_journey_combo_get (combo);

  /* "Choose a …" removes the member, so validation says it is missing
   * rather than that "" is not an id. */
  if (value != NULL)
    push_member (row, primary_key (row), *value != '\0' ? value : NULL);
}

static void
primary_changed_cb (GtkEditable *editable,
                    WmStepRow   *row)
{
  push_member (row, primary_key (row), gtk_editable_get_text (editable));
}

static void
secondary_selected_cb (AdwComboRow *combo,
                       GParamSpec  *pspec,
                       WmStepRow   *row)
{
  const char *value = wm_journey_combo_get (combo);

  /* A milestone in any flow has no "flow". */
  if (value != NULL)
    push_member (row, secondary_key (row), *value != '\0' ? value : NULL);
}

static void
where_changed_cb (GtkEditable *editable,
                  WmStepRow   *row)
{
  const char *text = gtk_editable_get_text (editable);

  wm_journey_field_set_live_error (g_hash_table_lookup (row->fields, "where"), wm_journey_syntax_error (text));
  push_member (row, "where", text);
}

static void
required_cb (GtkSwitch  *toggle,
             GParamSpec *pspec,
             WmStepRow  *row)
{
  _wm_stage_editor_push (row->editor, wm_journey_command_set_step_required_new (row->stage, row->id,
                                                                                gtk_switch_get_active (toggle)));
}

static void
move_up_cb (GtkButton *button,
            WmStepRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "wm-index"));

  _wm_stage_editor_push (row->editor, wm_journey_command_move_step_new (row->stage, row->id, index - 1));
}

static void
move_down_cb (GtkButton *button,
              WmStepRow *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "wm-index"));

  _wm_stage_editor_push (row->editor, wm_journey_command_move_step_new (row->stage, row->id, index + 1));
}

static void
remove_cb (GtkButton *button,
           WmStepRow *row)
{
  _wm_stage_editor_push (row->editor, wm_journey_command_remove_step_new (row->stage, row->id));
}

static void
add_field (WmStepRow      *row,
           const char     *key,
           WmJourneyField *field)
{
  if (field->row != row->expander)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), field->row);
  if (field->message_row != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), field->message_row);
  g_hash_table_replace (row->fields, (gpointer) key, field);
}

static GtkWidget *
icon_button_new (const char *icon,
                 const char *tooltip,
                 GCallback   callback,
                 WmStepRow  *row,
                 guint       index,
                 gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "wm-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, row);
  return button;
}

static GtkWidget *
combo_new (const char *title,
           GCallback   callback,
           WmStepRow  *row)
{
  GtkWidget *combo = adw_combo_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (combo), FALSE);
  g_signal_connect (combo, "notify::selected", callback, row);
  return combo;
}

static void
build_kind_fields (WmStepRow *row)
{
  const char *kind = row->kind;

  if (g_str_equal (kind, "milestone") || g_str_equal (kind, "outcome") || g_str_equal (kind, "flow"))
    {
      const char *title = g_str_equal (kind, "milestone") ? _("Milestone")
                          : g_str_equal (kind, "outcome") ? _("Outcome") : _("Flow");

      row->primary = combo_new (title, G_CALLBACK (primary_selected_cb), row);
      add_field (row, primary_key (row), wm_journey_field_new (row->primary, NULL));
    }
  else if (g_str_equal (kind, "event"))
    {
      row->primary = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->primary), _("Event name"));
      g_signal_connect (row->primary, "changed", G_CALLBACK (primary_changed_cb), row);
      add_field (row, "event", wm_journey_field_new (row->primary, NULL));
    }

  if (g_str_equal (kind, "milestone"))
    row->secondary = combo_new (_("In flow"), G_CALLBACK (secondary_selected_cb), row);
  else if (g_str_equal (kind, "outcome"))
    row->secondary = combo_new (_("Result"), G_CALLBACK (secondary_selected_cb), row);
  else if (g_str_equal (kind, "flow"))
    row->secondary = combo_new (_("Done on"), G_CALLBACK (secondary_selected_cb), row);
  if (row->secondary != NULL)
    add_field (row, secondary_key (row), wm_journey_field_new (row->secondary, NULL));
  else if (g_str_equal (kind, "event"))
    {
      row->secondary = gtk_entry_new ();
      gtk_widget_add_css_class (row->secondary, "monospace");
      gtk_entry_set_placeholder_text (GTK_ENTRY (row->secondary), _("Every such event"));
      g_signal_connect (row->secondary, "changed", G_CALLBACK (where_changed_cb), row);
      add_field (row, "where", wm_journey_field_new_stacked (_("Where (over event and profile)"), row->secondary));
    }
}

WmStepRow *
wm_step_row_new (WmStageEditor *editor,
                 WmStepChoices *choices,
                 const char    *stage,
                 const char    *id,
                 const char    *kind,
                 guint          index,
                 guint          n)
{
  WmStepRow *row = g_new0 (WmStepRow, 1);
  GtkWidget *required_row;
  WmJourneyField *field;

  row->editor = editor;
  row->choices = choices;
  row->stage = g_strdup (stage);
  row->id = g_strdup (id);
  row->kind = g_strdup (kind != NULL ? kind : "");
  row->fields = g_hash_table_new (g_str_hash, g_str_equal);

  /* Held until the row is freed, after its group let it go. */
  row->expander = g_object_ref_sink (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  gtk_widget_set_name (row->expander, id);
  /* Each action goes before the ones added earlier: added last to first. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander),
                               icon_button_new ("user-trash-symbolic", _("Remove Step"), G_CALLBACK (remove_cb),
                                                row, index, TRUE));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander),
                               icon_button_new ("go-down-symbolic", _("Move Down"), G_CALLBACK (move_down_cb),
                                                row, index, index + 1 < n));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander),
                               icon_button_new ("go-up-symbolic", _("Move Up"), G_CALLBACK (move_up_cb),
                                                row, index, index > 0));
  /* The kind and the id have no widget of their own: their problems show
   * on the row. */
  field = wm_journey_field_new (row->expander, NULL);
  add_field (row, "kind", field);

  row->name_row = adw_entry_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->name_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->name_row), _("Name"));
  g_signal_connect (row->name_row, "changed", G_CALLBACK (name_changed_cb), row);
  add_field (row, "name", wm_journey_field_new (row->name_row, NULL));

  build_kind_fields (row);

  required_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (required_row), _("Required"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (required_row), _("The stage completes when every required step is done"));
  row->required = gtk_switch_new ();
  gtk_widget_set_valign (row->required, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (required_row), row->required);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (required_row), row->required);
  g_signal_connect (row->required, "notify::active", G_CALLBACK (required_cb), row);
  add_field (row, "required", wm_journey_field_new (required_row, row->required));
  return row;
}

/* The widgets may outlive the row a moment (a button's click that removed
 * the step is still being emitted): none may call back into freed data. */
static void
disconnect_tree (GtkWidget *widget,
                 WmStepRow *row)
{
  g_signal_handlers_disconnect_by_data (widget, row);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    disconnect_tree (child, row);
}

void
wm_step_row_free (WmStepRow *row)
{
  if (row == NULL)
    return;
  disconnect_tree (row->expander, row);
  g_object_unref (row->expander);
  g_hash_table_unref (row->fields);
  g_free (row->stage);
  g_free (row->id);
  g_free (row->kind);
  g_free (row);
}

GtkWidget *
wm_step_row_get_row (WmStepRow *row)
{
  return row->expander;
}

const char *
wm_step_row_get_id (WmStepRow *row)
{
  return row->id;
}

GHashTable *
wm_step_row_get_fields (WmStepRow *row)
{
  return row->fields;
}

static void
refresh_picker (WmStepRow          *row,
                const char * const *ids,
                const char * const *labels,
                const char         *none,
                const char         *value)
{
  g_auto (GStrv) all_ids = NULL;
  g_auto (GStrv) all_labels = NULL;

  with_none (ids, labels, none, &all_ids, &all_labels);
  wm_journey_combo_set (ADW_COMBO_ROW (row->primary), (const char * const *) all_ids,
                        (const char * const *) all_labels, value != NULL ? value : "");
}

void
wm_step_row_refresh (WmStepRow  *row,
                     JsonObject *step)
{
  const char *name = wm_journey_object_string (step, "name");
  const char *secondary = secondary_key (row) != NULL ? wm_journey_object_string (step, secondary_key (row)) : NULL;
  JsonNode *required_node = json_object_get_member (step, "required");
  gboolean required = required_node == NULL || !JSON_NODE_HOLDS_VALUE (required_node)
                      || json_node_get_value_type (required_node) != G_TYPE_BOOLEAN
                      || json_node_get_boolean (required_node);
  WmStepChoices *c = row->choices;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 name != NULL && *name != '\0' ? name : _("Unnamed step"));
  /* Translators: a step's kind and whether it is required, "Milestone · optional" */
  subtitle = required ? g_strdup (wm_step_kind_label (row->kind))
                      : g_strdup_printf (_("%s · optional"), wm_step_kind_label (row->kind));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle);
  wm_journey_set_editable_text (row->name_row, name);
  if (gtk_switch_get_active (GTK_SWITCH (row->required)) != required)
    gtk_switch_set_active (GTK_SWITCH (row->required), required);

  if (g_str_equal (row->kind, "milestone"))
    {
      g_auto (GStrv) ids = NULL;
      g_auto (GStrv) labels = NULL;

      refresh_picker (row, (const char * const *) c->milestone_ids, (const char * const *) c->milestone_labels,
                      _("Choose a milestone"), wm_journey_object_string (step, "milestone"));
      with_none ((const char * const *) c->flow_ids, (const char * const *) c->flow_labels,
                 _("Any flow"), &ids, &labels);
      wm_journey_combo_set (ADW_COMBO_ROW (row->secondary), (const char * const *) ids,
                            (const char * const *) labels, secondary != NULL ? secondary : "");
    }
  else if (g_str_equal (row->kind, "outcome"))
    {
      const char *labels[] = { _("Success"), _("Failure"), NULL };

      refresh_picker (row, (const char * const *) c->outcome_ids, (const char * const *) c->outcome_labels,
                      _("Choose an outcome"), wm_journey_object_string (step, "outcome"));
      wm_journey_combo_set (ADW_COMBO_ROW (row->secondary), result_ids, labels,
                            secondary != NULL ? secondary : "success");
    }
  else if (g_str_equal (row->kind, "flow"))
    {
      const char *labels[] = { _("Exit"), _("Enter"), NULL };

      refresh_picker (row, (const char * const *) c->flow_ids, (const char * const *) c->flow_labels,
                      _("Choose a flow"), wm_journey_object_string (step, "flow"));
      wm_journey_combo_set (ADW_COMBO_ROW (row->secondary), on_ids, labels,
                            secondary != NULL ? secondary : "exit");
    }
  else if (g_str_equal (row->kind, "event"))
    {
      wm_journey_set_editable_text (row->primary, wm_journey_object_string (step, "event"));
      wm_journey_set_editable_text (row->secondary, secondary);
      wm_journey_field_set_live_error (g_hash_table_lookup (row->fields, "where"),
                                       wm_journey_syntax_error (secondary));
    }
}
