/* wm-flow-settings.c - the settings of a flow and one of its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "wm-commands.h"
#include "wm-flow-settings.h"
#include "wm-json.h"
#include "wm-spin-scroll.h"
#include "wm-time.h"
#include "wm-time-editors.h"

typedef struct
{
  const char *key;         /* "start" or "end" */
  GtkWidget  *row;
  GtkWidget  *button;
  GtkWidget  *calendar;
  GtkWidget  *time_entry;
  gboolean    typing;      /* the time entry's own change is applying */
} ScheduleEnd;

struct _WmFlowSettings
{
  AdwWindow parent_instance;

  WmFlow      *flow;
  guint        version;
  WmUndoStack *undo_stack;
  gulong       flow_changed_id;
  gboolean     pushing;    /* our own command is applying: no rebuild */
  gboolean     updating;   /* refresh writes the widgets: no command */

  GPtrArray   *limit_rows;     /* unowned rows in limits_group */
  GPtrArray   *variable_rows;  /* unowned rows in variables_group */
  ScheduleEnd  start;
  ScheduleEnd  end;

  /* Template children */
  GtkSwitch           *reentry_switch;
  AdwActionRow        *delay_row;
  WmDurationEditor    *delay_editor;
  AdwPreferencesGroup *limits_group;
  GtkWidget           *add_limit_button;
  AdwExpanderRow      *goal_row;
  AdwEntryRow         *goal_event_row;
  AdwEntryRow         *goal_value_row;
  AdwActionRow        *goal_window_row;
  WmDurationEditor    *goal_window_editor;
  AdwPreferencesGroup *variables_group;
  GtkWidget           *add_variable_button;
  AdwActionRow        *timezone_row;
  GtkDropDown         *timezone_drop_down;
  AdwActionRow        *start_row;
  GtkWidget           *start_button;
  AdwActionRow        *end_row;
  GtkWidget           *end_button;
  GtkSwitch           *indefinite_switch;
};

G_DEFINE_FINAL_TYPE (WmFlowSettings, wm_flow_settings, ADW_TYPE_WINDOW)

static const char * const variable_types[] = { "string", "number", "boolean", "datetime", NULL };

static void refresh (WmFlowSettings *self);

/* ---- model access ------------------------------------------------------ */

static WmVersion *
get_version (WmFlowSettings *self)
{
  return wm_flow_get_version (self->flow, self->version);
}

static JsonNode *
get_setting (WmFlowSettings *self,
             const char     *key)
{
  WmVersion *version = get_version (self);
  JsonObject *settings = version != NULL ? wm_version_get_settings (version) : NULL;

  return settings != NULL ? json_object_get_member (settings, key) : NULL;
}

/* A deep copy of a settings member that is an object (or a new object). */
static JsonObject *
copy_object_setting (WmFlowSettings *self,
                     const char     *key)
{
  JsonNode *node = get_setting (self, key);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr (JsonNode) copy = wm_json_node_deep_copy (node);

      return json_object_ref (json_node_get_object (copy));
    }
  return json_object_new ();
}

static JsonArray *
copy_array (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr (JsonNode) copy = wm_json_node_deep_copy (node);

      return json_array_ref (json_node_get_array (copy));
    }
  return json_array_new ();
}

static const char *
node_string (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static const char *
object_string (JsonObject *object,
               const char *key)
{
  return object != NULL ? node_string (json_object_get_member (object, key)) : NULL;
}

static void
push (WmFlowSettings *self,
      WmCommand      *command)
{
  g_autoptr (WmCommand) owned = command;

  self->pushing = TRUE;
  wm_undo_stack_push (self->undo_stack, owned);
  self->pushing = FALSE;
}

static void
push_object_setting (WmFlowSettings *self,
                     const char     *key,
                     JsonObject     *object)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  if (g_str_equal (key, "reentry"))
    push (self, wm_command_set_reentry_new (self->version, node));
  else
    push (self, wm_command_set_goal_new (self->version, node));
}

static void
mark_row (GtkWidget  *row,
          const char *message,
          const char *subtitle)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message != NULL ? message : subtitle != NULL ? subtitle : "");
  else if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), message != NULL ? message : subtitle);
  else
    gtk_widget_set_tooltip_text (row, message);
}

/* Shows a duration and marks it when the file's text is not one. */
static void
show_duration (WmDurationEditor *editor,
               GtkWidget        *row,
               const char       *text,
               const char       *subtitle)
{
  g_autofree char *message = NULL;
  gint64 seconds;

  wm_duration_editor_set_text (editor, text);
  if (text != NULL && !wm_duration_parse (text, &seconds))
    message = g_strdup_printf (_("“%s” is not a duration such as 90s, 15m, 2h, 3d or 1w"), text);
  mark_row (row, message, subtitle);
}

/* The editor's duration, or NULL (and the row marked) when it is over the
 * 366 days flow-format.md allows. */
static char *
read_duration (WmDurationEditor *editor,
               GtkWidget        *row,
               const char       *subtitle)
{
  g_autofree char *text = wm_duration_editor_get_text (editor);
  gint64 seconds;

  if (!wm_duration_parse (text, &seconds))
    {
      mark_row (row, _("A duration can be at most 366 days"), subtitle);
      return NULL;
    }
  mark_row (row, NULL, subtitle);
  return g_steal_pointer (&text);
}

/* ---- re-entry ---------------------------------------------------------- */

static void
reentry_switch_active_cb (WmFlowSettings *self)
{
  g_autoptr (JsonObject) reentry = NULL;

  if (self->updating)
    return;
  reentry = copy_object_setting (self, "reentry");
  json_object_set_boolean_member (reentry, "enabled", gtk_switch_get_active (self->reentry_switch));
  push_object_setting (self, "reentry", reentry);
}

static void
delay_editor_changed_cb (WmFlowSettings *self)
{
  g_autofree char *text = NULL;
  g_autoptr (JsonObject) reentry = NULL;

  if (self->updating)
    return;
  text = read_duration (self->delay_editor, GTK_WIDGET (self->delay_row), NULL);
  if (text == NULL)
    return;
  reentry = copy_object_setting (self, "reentry");
  json_object_set_string_member (reentry, "delay", text);
  push_object_setting (self, "reentry", reentry);
}

/* ---- entry limits ------------------------------------------------------ */

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "wm-index"));
}

static void
push_limits (WmFlowSettings *self,
             JsonArray      *limits)
{
  g_autoptr (JsonObject) reentry = copy_object_setting (self, "reentry");

  json_object_set_array_member (reentry, "limits", limits);
  push_object_setting (self, "reentry", reentry);
}

static JsonArray *
copy_limits (WmFlowSettings *self)
{
  JsonNode *reentry = get_setting (self, "reentry");

  return copy_array (reentry != NULL && JSON_NODE_HOLDS_OBJECT (reentry)
                     ? json_object_get_member (json_node_get_object (reentry), "limits") : NULL);
}

static JsonObject *
limit_at (JsonArray *limits,
          guint      index)
{
  JsonNode *item;

  while (json_array_get_length (limits) <= index)
    json_array_add_object_element (limits, json_object_new ());
  item = json_array_get_element (limits, index);
  if (!JSON_NODE_HOLDS_OBJECT (item))
    json_node_init_object (item, json_object_new ());
  return json_node_get_object (item);
}

static void
limit_count_changed_cb (GtkSpinButton  *spin,
                        WmFlowSettings *self)
{
  JsonArray *limits;

  if (self->updating)
    return;
  limits = copy_limits (self);
  json_object_set_int_member (limit_at (limits, row_index (GTK_WIDGET (spin))), "count",
                              gtk_spin_button_get_value_as_int (spin));
  push_limits (self, limits);
}

static void
limit_period_changed_cb (WmDurationEditor *editor,
                         WmFlowSettings   *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (editor), "wm-row");
  g_autofree char *text = NULL;
  JsonArray *limits;

  if (self->updating)
    return;
  text = read_duration (editor, row, NULL);
  if (text == NULL)
    return;
  limits = copy_limits (self);
  json_object_set_string_member (limit_at (limits, row_index (GTK_WIDGET (editor))), "period", text);
  push_limits (self, limits);
}

static void
limit_remove_clicked_cb (GtkButton      *button,
                         WmFlowSettings *self)
{
  JsonArray *limits = copy_limits (self);
  guint index = row_index (GTK_WIDGET (button));

  if (index < json_array_get_length (limits))
    json_array_remove_element (limits, index);
  push_limits (self, limits);
  refresh (self);
  gtk_widget_grab_focus (self->add_limit_button);
}

static void
add_limit_button_clicked_cb (WmFlowSettings *self)
{
  JsonArray *limits = copy_limits (self);
  JsonObject *limit = json_object_new ();
  GtkWidget *last;

  /* flow-format.md's example: at most 2 entries within 7 days. */
  json_object_set_int_member (limit, "count", 2);
  json_object_set_string_member (limit, "period", "7d");
  json_array_add_object_element (limits, limit);
  push_limits (self, limits);
  refresh (self);
  last = self->limit_rows->len > 0 ? g_ptr_array_index (self->limit_rows, self->limit_rows->len - 1) : NULL;
  if (last != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (last), "wm-focus"));
}

static GtkWidget *
limit_row_new (WmFlowSettings *self,
               JsonNode       *item,
               guint           index)
{
  JsonObject *limit = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
  JsonNode *count_node = limit != NULL ? json_object_get_member (limit, "count") : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count = gtk_spin_button_new_with_range (1, 1000000, 1);
  GtkWidget *period = wm_duration_editor_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *within = gtk_label_new (C_("entry limit: N entries within a period", "entries within"));
  double value = 1;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: an entry limit reads "At most [2] entries within [7 days]" */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_label_new (C_("entry limit", "At most")));
  gtk_editable_set_width_chars (GTK_EDITABLE (count), 4);

  if (count_node != NULL && JSON_NODE_HOLDS_VALUE (count_node)
      && (json_node_get_value_type (count_node) == G_TYPE_INT64
          || json_node_get_value_type (count_node) == G_TYPE_DOUBLE))
    value = json_node_get_double (count_node);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (count), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (count), TRUE);
  wm_spin_button_scroll_only_focused (GTK_SPIN_BUTTON (count));
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number of entries"), -1);
  g_object_set_data (G_OBJECT (count), "wm-index", GUINT_TO_POINTER (index));
  g_signal_connect (count, "value-changed", G_CALLBACK (limit_count_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  if (value < 1)
    mark_row (row, _("A limit allows at least 1 entry"), NULL);

  gtk_widget_add_css_class (within, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), within);

  show_duration (WM_DURATION_EDITOR (period), row, object_string (limit, "period"), NULL);
  g_object_set_data (G_OBJECT (period), "wm-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (period), "wm-row", row);
  g_signal_connect (period, "changed", G_CALLBACK (limit_period_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), period);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this limit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this limit"), -1);
  g_object_set_data (G_OBJECT (remove), "wm-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (limit_remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "wm-focus", count);
  return row;
}

/* ---- goal -------------------------------------------------------------- */

static void
goal_row_enabled_cb (WmFlowSettings *self)
{
  if (self->updating)
    return;
  if (adw_expander_row_get_enable_expansion (self->goal_row))
    {
      g_autoptr (JsonObject) goal = json_object_new ();

      json_object_set_string_member (goal, "event", "");
      push_object_setting (self, "goal", goal);
      adw_expander_row_set_expanded (self->goal_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->goal_event_row));
    }
  else
    push (self, wm_command_set_goal_new (self->version, NULL));
  refresh (self);
}

static void
goal_text_changed (WmFlowSettings *self,
                   const char     *key,
                   const char     *text)
{
  g_autoptr (JsonObject) goal = NULL;

  if (self->updating)
    return;
  goal = copy_object_setting (self, "goal");
  /* "value" is optional: empty removes it. "event" stays, empty, so the
   * goal stays switched on while it is typed. */
  if (*text == '\0' && g_str_equal (key, "value"))
    json_object_remove_member (goal, key);
  else
    json_object_set_string_member (goal, key, text);
  push_object_setting (self, "goal", goal);
  if (g_str_equal (key, "event"))
    mark_row (GTK_WIDGET (self->goal_event_row),
              *text == '\0' ? _("Name the event that counts as the goal") : NULL, NULL);
}

static void
goal_event_row_changed_cb (WmFlowSettings *self)
{
  goal_text_changed (self, "event", gtk_editable_get_text (GTK_EDITABLE (self->goal_event_row)));
}

static void
goal_value_row_changed_cb (WmFlowSettings *self)
{
  goal_text_changed (self, "value", gtk_editable_get_text (GTK_EDITABLE (self->goal_value_row)));
}

static void
goal_window_editor_changed_cb (WmFlowSettings *self)
{
  g_autofree char *text = NULL;
  g_autoptr (JsonObject) goal = NULL;

  if (self->updating)
    return;
  text = read_duration (self->goal_window_editor, GTK_WIDGET (self->goal_window_row),
                        _("How long after the exit the event still counts"));
  if (text == NULL)
    return;
  goal = copy_object_setting (self, "goal");
  json_object_set_string_member (goal, "window", text);
  push_object_setting (self, "goal", goal);
}

/* ---- variables --------------------------------------------------------- */

static gboolean
variable_name_is_valid (const char *name)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len == 0 || len > 64 || !(g_ascii_isalpha (name[0]) || name[0] == '_'))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!(g_ascii_isalnum (name[i]) || name[i] == '_'))
      return FALSE;
  return TRUE;
}

/* The JSON value of @text as an initial value of @type: a null node for
 * "", NULL when @text is not a value of that type. */
static JsonNode *
parse_initial (const char *type,
               const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (*text == '\0')
    return json_node_init_null (node);

  if (g_strcmp0 (type, "number") == 0)
    {
      char *end = NULL;
      double value = g_ascii_strtod (text, &end);

      if (end == text || *end != '\0' || !isfinite (value))
        return (json_node_unref (node), NULL);
      if (value == floor (value) && fabs (value) < 1e15)
        json_node_set_int (node, (gint64) value);
      else
        json_node_set_double (node, value);
    }
  else if (g_strcmp0 (type, "boolean") == 0)
    {
      if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
        return (json_node_unref (node), NULL);
      json_node_set_boolean (node, g_str_equal (text, "true"));
    }
  else if (g_strcmp0 (type, "datetime") == 0)
    {
      gint64 t;

      if (!wm_timestamp_parse (text, -1, &t))
        return (json_node_unref (node), NULL);
      json_node_set_string (node, text);
    }
  else
    json_node_set_string (node, text);
  return node;
}

static char *
initial_text (JsonNode *node)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.17g", json_node_get_double (node)));
    default:
      return g_strdup ("");
    }
}

static const char *
initial_hint (const char *type)
{
  if (g_strcmp0 (type, "number") == 0)
    return _("The initial value must be a number such as 0 or 2.5");
  if (g_strcmp0 (type, "boolean") == 0)
    return _("The initial value must be true or false");
  if (g_strcmp0 (type, "datetime") == 0)
    return _("The initial value must be a time such as 2026-01-03T09:00:00Z");
  return NULL;
}

/* flow-format.md: `initial` is null or a JSON value of the type, a
 * datetime as a timestamp string. */
static gboolean
initial_matches (const char *type,
                 JsonNode   *initial)
{
  GType value_type;

  if (initial == NULL || JSON_NODE_HOLDS_NULL (initial))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (initial))
    return FALSE;
  value_type = json_node_get_value_type (initial);
  if (g_strcmp0 (type, "number") == 0)
    return value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
  if (g_strcmp0 (type, "boolean") == 0)
    return value_type == G_TYPE_BOOLEAN;
  if (g_strcmp0 (type, "datetime") == 0)
    {
      gint64 t;

      return value_type == G_TYPE_STRING && wm_timestamp_parse (json_node_get_string (initial), -1, &t);
    }
  return value_type == G_TYPE_STRING;
}

static JsonArray *
copy_variables (WmFlowSettings *self)
{
  return copy_array (get_setting (self, "variables"));
}

static JsonObject *
variable_at (JsonArray *variables,
             guint      index)
{
  return limit_at (variables, index);
}

/* Marks every variable row: bad or duplicate names, initial values of
 * another type (variable-invalid in flow-format.md). */
static void
check_variables (WmFlowSettings *self)
{
  JsonNode *node = get_setting (self, "variables");
  JsonArray *variables = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; i < self->variable_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->variable_rows, i);
      GtkWidget *message = g_object_get_data (G_OBJECT (row), "wm-message");
      JsonNode *item = variables != NULL && i < json_array_get_length (variables)
                       ? json_array_get_element (variables, i) : NULL;
      JsonObject *variable = item != NULL && JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *name = object_string (variable, "name");
      const char *type = object_string (variable, "type");
      static const char * const parts[] = { "wm-name", "wm-type", "wm-initial" };
      GtkWidget *culprit = NULL;
      const char *error = NULL;
      const char *typed_initial = g_object_get_data (G_OBJECT (row), "wm-bad-initial");

      if (!variable_name_is_valid (name))
        error = _("A name starts with a letter or _ and has only letters, digits and _ (at most 64)");
      else
        for (guint j = 0; j < i && variables != NULL; j++)
          {
            JsonNode *other = json_array_get_element (variables, j);

            if (JSON_NODE_HOLDS_OBJECT (other)
                && g_strcmp0 (object_string (json_node_get_object (other), "name"), name) == 0)
              error = _("Another variable has this name");
          }
      if (error != NULL)
        culprit = g_object_get_data (G_OBJECT (row), "wm-name");
      if (error == NULL && (type == NULL || !g_strv_contains (variable_types, type)))
        {
          error = _("Choose a type");
          culprit = g_object_get_data (G_OBJECT (row), "wm-type");
        }
      if (error == NULL && typed_initial != NULL)
        error = initial_hint (type);
      if (error == NULL && variable != NULL
          && !initial_matches (type, json_object_get_member (variable, "initial")))
        error = initial_hint (type) != NULL ? initial_hint (type) : _("The initial value must be text");
      if (error != NULL && culprit == NULL)
        culprit = g_object_get_data (G_OBJECT (row), "wm-initial");

      gtk_label_set_text (GTK_LABEL (message), error != NULL ? error : "");
      gtk_widget_set_visible (message, error != NULL);
      /* Mark the value at fault, not the whole row (the error style
       * colours everything it holds). */
      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          GtkWidget *widget = g_object_get_data (G_OBJECT (row), parts[k]);

          if (widget == culprit)
            gtk_widget_add_css_class (widget, "error");
          else
            gtk_widget_remove_css_class (widget, "error");
        }
    }
}

static void
push_variables (WmFlowSettings *self,
                JsonArray      *variables)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, variables);
  push (self, wm_command_set_variables_new (self->version, node));
  check_variables (self);
}

static void
variable_name_changed_cb (GtkEditable    *entry,
                          WmFlowSettings *self)
{
  JsonArray *variables;

  if (self->updating)
    return;
  variables = copy_variables (self);
  json_object_set_string_member (variable_at (variables, row_index (GTK_WIDGET (entry))), "name",
                                 gtk_editable_get_text (entry));
  push_variables (self, variables);
}

static void
variable_initial_changed_cb (GtkEditable    *entry,
                             WmFlowSettings *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (entry), "wm-row");
  JsonArray *variables;
  JsonObject *variable;
  JsonNode *initial;

  if (self->updating)
    return;
  variables = copy_variables (self);
  variable = variable_at (variables, row_index (GTK_WIDGET (entry)));
  initial = parse_initial (object_string (variable, "type"), gtk_editable_get_text (entry));
  if (initial == NULL)
    {
      /* Not a value of the type: shown, not stored. */
      g_object_set_data (G_OBJECT (row), "wm-bad-initial", (gpointer) "1");
      json_array_unref (variables);
      check_variables (self);
      return;
    }
  g_object_set_data (G_OBJECT (row), "wm-bad-initial", NULL);
  json_object_set_member (variable, "initial", initial);
  push_variables (self, variables);
}

static void
variable_type_changed_cb (GtkDropDown    *drop_down,
                          GParamSpec     *pspec,
                          WmFlowSettings *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  GtkWidget *row = g_object_get_data (G_OBJECT (drop_down), "wm-row");
  GtkWidget *initial_entry = g_object_get_data (G_OBJECT (row), "wm-initial");
  JsonArray *variables;
  JsonObject *variable;
  JsonNode *initial;

  if (self->updating || selected >= G_N_ELEMENTS (variable_types) - 1)
    return;
  variables = copy_variables (self);
  variable = variable_at (variables, row_index (GTK_WIDGET (drop_down)));
  json_object_set_string_member (variable, "type", variable_types[selected]);
  /* The initial value moves along when it reads as the new type (0 as
   * text "0"), else it becomes null rather than a value of another type. */
  initial = parse_initial (variable_types[selected], gtk_editable_get_text (GTK_EDITABLE (initial_entry)));
  if (initial == NULL)
    initial = json_node_init_null (json_node_alloc ());
  json_object_set_member (variable, "initial", initial);
  g_object_set_data (G_OBJECT (row), "wm-bad-initial", NULL);
  push_variables (self, variables);
  self->updating = TRUE;
  if (JSON_NODE_HOLDS_NULL (json_object_get_member (variable, "initial")))
    gtk_editable_set_text (GTK_EDITABLE (initial_entry), "");
  self->updating = FALSE;
}

static void
variable_remove_clicked_cb (GtkButton      *button,
                            WmFlowSettings *self)
{
  JsonArray *variables = copy_variables (self);
  guint index = row_index (GTK_WIDGET (button));

  if (index < json_array_get_length (variables))
    json_array_remove_element (variables, index);
  push_variables (self, variables);
  refresh (self);
  gtk_widget_grab_focus (self->add_variable_button);
}

static void
add_variable_button_clicked_cb (WmFlowSettings *self)
{
  JsonArray *variables = copy_variables (self);
  JsonObject *variable = json_object_new ();
  g_autofree char *name = g_strdup_printf ("variable%u", json_array_get_length (variables) + 1);
  GtkWidget *last;

  json_object_set_string_member (variable, "name", name);
  json_object_set_string_member (variable, "type", "string");
  json_object_set_null_member (variable, "initial");
  json_array_add_object_element (variables, variable);
  push_variables (self, variables);
  refresh (self);
  last = self->variable_rows->len > 0 ? g_ptr_array_index (self->variable_rows, self->variable_rows->len - 1) : NULL;
  if (last != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (last), "wm-focus"));
}

static GtkWidget *
variable_row_new (WmFlowSettings *self,
                  JsonNode       *item,
                  guint           index)
{
  JsonObject *variable = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
  const char *type = object_string (variable, "type");
  const char *type_labels[] = { _("Text"), _("Number"), _("True or false"), _("Date and time"), NULL };
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *type_drop_down = gtk_drop_down_new_from_strings (type_labels);
  GtkWidget *initial = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *message = gtk_label_new (NULL);
  g_autofree char *initial_str = initial_text (variable != NULL ? json_object_get_member (variable, "initial") : NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), object_string (variable, "name"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_editable_set_text (GTK_EDITABLE (name), object_string (variable, "name") ? object_string (variable, "name") : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_name (name, "name");
  g_object_set_data (G_OBJECT (name), "wm-index", GUINT_TO_POINTER (index));
  g_signal_connect (name, "changed", G_CALLBACK (variable_name_changed_cb), self);
  gtk_box_append (GTK_BOX (line), name);

  for (guint i = 0; variable_types[i] != NULL; i++)
    if (g_strcmp0 (type, variable_types[i]) == 0)
      selected = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type_drop_down), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (type_drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type"), -1);
  gtk_widget_set_name (type_drop_down, "type");
  g_object_set_data (G_OBJECT (type_drop_down), "wm-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (type_drop_down), "wm-row", row);
  g_signal_connect (type_drop_down, "notify::selected", G_CALLBACK (variable_type_changed_cb), self);
  gtk_box_append (GTK_BOX (line), type_drop_down);

  gtk_editable_set_text (GTK_EDITABLE (initial), initial_str);
  gtk_entry_set_placeholder_text (GTK_ENTRY (initial), _("No initial value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (initial), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Initial value"), -1);
  gtk_widget_set_hexpand (initial, TRUE);
  gtk_widget_set_name (initial, "initial");
  g_object_set_data (G_OBJECT (initial), "wm-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (initial), "wm-row", row);
  g_signal_connect (initial, "changed", G_CALLBACK (variable_initial_changed_cb), self);
  gtk_box_append (GTK_BOX (line), initial);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this variable"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this variable"), -1);
  g_object_set_data (G_OBJECT (remove), "wm-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (variable_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (box), line);

  gtk_label_set_xalign (GTK_LABEL (message), 0.0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_add_css_class (message, "field-message");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (box), message);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "wm-message", message);
  g_object_set_data (G_OBJECT (row), "wm-initial", initial);
  g_object_set_data (G_OBJECT (row), "wm-name", name);
  g_object_set_data (G_OBJECT (row), "wm-type", type_drop_down);
  g_object_set_data (G_OBJECT (row), "wm-focus", name);
  return row;
}

/* ---- time zone --------------------------------------------------------- */

static void
timezone_drop_down_selected_cb (WmFlowSettings *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->timezone_drop_down);

  if (self->updating || item == NULL)
    return;
  push (self, wm_command_set_timezone_new (gtk_string_object_get_string (item)));
  refresh (self);
}

/* ---- schedule ---------------------------------------------------------- */

static GTimeZone *
flow_zone (WmFlowSettings *self)
{
  GTimeZone *tz = wm_zone_get (wm_flow_get_timezone (self->flow));

  /* An invalid zone is marked on its row; times are shown in UTC then. */
  return tz != NULL ? tz : wm_zone_get ("UTC");
}

static gboolean
schedule_time (WmFlowSettings *self,
               const char     *key,
               gint64         *out)
{
  JsonObject *schedule = wm_flow_get_schedule (self->flow);
  const char *text = object_string (schedule, key);

  return text != NULL && wm_timestamp_parse (text, -1, out);
}

static void
push_schedule_member (WmFlowSettings *self,
                      const char     *key,
                      JsonNode       *value)
{
  JsonObject *schedule = wm_flow_get_schedule (self->flow);
  g_autoptr (JsonNode) node = NULL;

  if (schedule != NULL)
    {
      g_autoptr (JsonNode) current = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (current, schedule);
      node = wm_json_node_deep_copy (current);
    }
  else
    node = json_node_init_object (json_node_alloc (), json_object_new ());
  json_object_set_member (json_node_get_object (node), key,
                          value != NULL ? json_node_ref (value) : json_node_init_null (json_node_alloc ()));
  push (self, wm_command_set_schedule_new (node));
  refresh (self);
}

/* The calendar's day at the entry's time (midnight while it is not a
 * time), in the flow's zone. */
static void
schedule_end_changed (WmFlowSettings *self,
                      ScheduleEnd    *end)
{
  g_autoptr (GDateTime) date = NULL;
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (end->time_entry));
  g_autoptr (JsonNode) value = NULL;
  char buf[32];
  int minute = 0;
  int year, month, day;
  gint64 t;

  if (self->updating)
    return;
  /* A time being typed waits until it is whole; a day picked without a
   * time is at midnight. */
  if (*time_text == '\0' && end->typing)
    return;
  if (*time_text != '\0' && !wm_clock_parse (time_text, &minute))
    {
      gtk_widget_add_css_class (end->time_entry, "error");
      return;
    }
  gtk_widget_remove_css_class (end->time_entry, "error");

  date = gtk_calendar_get_date (GTK_CALENDAR (end->calendar));
  g_date_time_get_ymd (date, &year, &month, &day);
  t = wm_local_to_instant (flow_zone (self), year, month, day, minute);
  /* The calendar tells a new date by several signals (see
   * schedule_end_init): the first one stores it. */
  {
    gint64 current;

    if (schedule_time (self, end->key, &current) && current == t)
      return;
  }
  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (value, wm_timestamp_format (t, buf));
  push_schedule_member (self, end->key, value);
}

static void
calendar_day_selected_cb (GtkCalendar    *calendar,
                          WmFlowSettings *self)
{
  schedule_end_changed (self, g_object_get_data (G_OBJECT (calendar), "wm-end"));
}

static void
calendar_date_notify_cb (GtkCalendar    *calendar,
                         GParamSpec     *pspec,
                         WmFlowSettings *self)
{
  schedule_end_changed (self, g_object_get_data (G_OBJECT (calendar), "wm-end"));
}

static void
time_entry_changed_cb (GtkEditable    *entry,
                       WmFlowSettings *self)
{
  ScheduleEnd *end = g_object_get_data (G_OBJECT (entry), "wm-end");

  end->typing = TRUE;
  schedule_end_changed (self, end);
  end->typing = FALSE;
}

static void
clear_clicked_cb (GtkButton      *button,
                  WmFlowSettings *self)
{
  ScheduleEnd *end = g_object_get_data (G_OBJECT (button), "wm-end");

  push_schedule_member (self, end->key, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (end->button));
}

static void
indefinite_switch_active_cb (WmFlowSettings *self)
{
  g_autoptr (JsonNode) value = NULL;

  if (self->updating)
    return;
  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_boolean (value, gtk_switch_get_active (self->indefinite_switch));
  push_schedule_member (self, "indefinite", value);
}

static void
schedule_end_init (WmFlowSettings *self,
                   ScheduleEnd    *end,
                   const char     *key,
                   GtkWidget      *row,
                   GtkWidget      *button,
                   const char     *clear_label)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *time_label = gtk_label_new_with_mnemonic (_("_Time"));
  GtkWidget *clear = gtk_button_new_with_label (clear_label);

  end->key = key;
  end->row = row;
  end->button = button;
  end->calendar = gtk_calendar_new ();
  end->time_entry = wm_clock_entry_new ();

  g_object_set_data (G_OBJECT (end->calendar), "wm-end", end);
  g_object_set_data (G_OBJECT (end->time_entry), "wm-end", end);
  g_object_set_data (G_OBJECT (clear), "wm-end", end);
  /* GTK 4.8 emits ::day-selected only when the day of the month changes
   * (1 March after 1 June is silent), so month and year changes count
   * too; the calendar's date is whole when each of them is emitted. */
  g_signal_connect (end->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  g_signal_connect (end->calendar, "notify::month", G_CALLBACK (calendar_date_notify_cb), self);
  g_signal_connect (end->calendar, "notify::year", G_CALLBACK (calendar_date_notify_cb), self);
  g_signal_connect (end->time_entry, "changed", G_CALLBACK (time_entry_changed_cb), self);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);

  gtk_label_set_mnemonic_widget (GTK_LABEL (time_label), end->time_entry);
  gtk_widget_set_hexpand (time_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (time_label), 0.0);
  gtk_box_append (GTK_BOX (time_box), time_label);
  gtk_box_append (GTK_BOX (time_box), end->time_entry);

  gtk_box_append (GTK_BOX (box), end->calendar);
  gtk_box_append (GTK_BOX (box), time_box);
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
}

static void
show_schedule_end (WmFlowSettings *self,
                   ScheduleEnd    *end,
                   const char     *unset_text)
{
  JsonObject *schedule = wm_flow_get_schedule (self->flow);
  JsonNode *node = schedule != NULL ? json_object_get_member (schedule, end->key) : NULL;
  const char *text = node_string (node);
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  gint64 t;

  if (text != NULL && wm_timestamp_parse (text, -1, &t))
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (t);
      g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, flow_zone (self));
      g_autoptr (GDateTime) day = g_date_time_new_utc (g_date_time_get_year (local),
                                                       g_date_time_get_month (local),
                                                       g_date_time_get_day_of_month (local), 0, 0, 0);
      char clock[8];

      /* Translators: a date and time as shown, see g_date_time_format() */
      shown = g_date_time_format (local, _("%-e %B %Y, %H:%M"));
      gtk_calendar_select_day (GTK_CALENDAR (end->calendar), day);
      g_snprintf (clock, sizeof clock, "%02d:%02d", g_date_time_get_hour (local), g_date_time_get_minute (local));
      /* Not under the cursor of the entry being typed in. */
      if (!end->typing)
        gtk_editable_set_text (GTK_EDITABLE (end->time_entry), clock);
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    message = g_strdup (_("Not a valid time: choose another"));
  else if (!end->typing)
    gtk_editable_set_text (GTK_EDITABLE (end->time_entry), "");

  mark_row (end->row, message, shown != NULL ? shown : unset_text);
}

/* ---- the whole window -------------------------------------------------- */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
refresh (WmFlowSettings *self)
{
  JsonNode *reentry_node = get_setting (self, "reentry");
  JsonObject *reentry = reentry_node != NULL && JSON_NODE_HOLDS_OBJECT (reentry_node)
                        ? json_node_get_object (reentry_node) : NULL;
  JsonNode *enabled = reentry != NULL ? json_object_get_member (reentry, "enabled") : NULL;
  JsonNode *goal_node = get_setting (self, "goal");
  JsonObject *goal = goal_node != NULL && JSON_NODE_HOLDS_OBJECT (goal_node) ? json_node_get_object (goal_node) : NULL;
  JsonNode *limits = reentry != NULL ? json_object_get_member (reentry, "limits") : NULL;
  JsonNode *variables = get_setting (self, "variables");
  JsonObject *schedule = wm_flow_get_schedule (self->flow);
  JsonNode *indefinite = schedule != NULL ? json_object_get_member (schedule, "indefinite") : NULL;
  const char * const *zones = wm_zone_list_names ();
  const char *zone = wm_flow_get_timezone (self->flow);
  guint zone_index = GTK_INVALID_LIST_POSITION;
  gint64 start, end;

  self->updating = TRUE;

  /* Re-entry: missing settings mean enabled, delay 0s, no limits. */
  gtk_switch_set_active (self->reentry_switch,
                         enabled == NULL || !JSON_NODE_HOLDS_VALUE (enabled)
                         || json_node_get_value_type (enabled) != G_TYPE_BOOLEAN
                         || json_node_get_boolean (enabled));
  show_duration (self->delay_editor, GTK_WIDGET (self->delay_row), object_string (reentry, "delay"),
                 object_string (reentry, "delay") == NULL ? _("None") : NULL);
  if (object_string (reentry, "delay") == NULL)
    wm_duration_editor_set_text (self->delay_editor, "0s");

  clear_rows (self->limits_group, self->limit_rows);
  if (limits != NULL && JSON_NODE_HOLDS_ARRAY (limits))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (limits)); i++)
      {
        GtkWidget *row = limit_row_new (self, json_array_get_element (json_node_get_array (limits), i), i);

        adw_preferences_group_add (self->limits_group, row);
        g_ptr_array_add (self->limit_rows, row);
      }

  adw_expander_row_set_enable_expansion (self->goal_row, goal != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->goal_event_row),
                         object_string (goal, "event") != NULL ? object_string (goal, "event") : "");
  mark_row (GTK_WIDGET (self->goal_event_row),
            goal != NULL && object_string (goal, "event") == NULL
            ? _("Name the event that counts as the goal") : NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->goal_value_row),
                         object_string (goal, "value") != NULL ? object_string (goal, "value") : "");
  show_duration (self->goal_window_editor, GTK_WIDGET (self->goal_window_row),
                 object_string (goal, "window"), _("How long after the exit the event still counts"));
  if (object_string (goal, "window") == NULL)
    wm_duration_editor_set_text (self->goal_window_editor, "0s");

  clear_rows (self->variables_group, self->variable_rows);
  if (variables != NULL && JSON_NODE_HOLDS_ARRAY (variables))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (variables)); i++)
      {
        GtkWidget *row = variable_row_new (self, json_array_get_element (json_node_get_array (variables), i), i);

        adw_preferences_group_add (self->variables_group, row);
        g_ptr_array_add (self->variable_rows, row);
      }
  check_variables (self);

  for (guint i = 0; zones[i] != NULL; i++)
    if (g_str_equal (zones[i], zone))
      zone_index = i;
  gtk_drop_down_set_selected (self->timezone_drop_down, zone_index);
  if (zone_index == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time zone: choose one"), zone);

      mark_row (GTK_WIDGET (self->timezone_row), message, NULL);
    }
  else
    mark_row (GTK_WIDGET (self->timezone_row), NULL, _("Times of the schedule are in this zone"));

  gtk_switch_set_active (self->indefinite_switch,
                         indefinite != NULL && JSON_NODE_HOLDS_VALUE (indefinite)
                         && json_node_get_value_type (indefinite) == G_TYPE_BOOLEAN
                         && json_node_get_boolean (indefinite));
  show_schedule_end (self, &self->start, _("At launch"));
  show_schedule_end (self, &self->end, gtk_switch_get_active (self->indefinite_switch)
                                       ? _("Runs until stopped")
                                       : _("90 days after the first launch"));
  if (schedule_time (self, "start", &start) && schedule_time (self, "end", &end) && end <= start)
    mark_row (GTK_WIDGET (self->end_row), _("The end must be later than the start"), NULL);

  self->updating = FALSE;
}

static void
flow_changed_cb (WmFlowSettings *self)
{
  if (!self->pushing)
    refresh (self);
}

static void
wm_flow_settings_dispose (GObject *object)
{
  WmFlowSettings *self = WM_FLOW_SETTINGS (object);

  if (self->flow != NULL)
    g_clear_signal_handler (&self->flow_changed_id, self->flow);
  g_clear_object (&self->flow);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->limit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->variable_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_FLOW_SETTINGS);

  G_OBJECT_CLASS (wm_flow_settings_parent_class)->dispose (object);
}

static void
wm_flow_settings_class_init (WmFlowSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_flow_settings_dispose;

  g_type_ensure (WM_TYPE_DURATION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-flow-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, reentry_switch);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, delay_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, delay_editor);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, limits_group);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, add_limit_button);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, goal_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, goal_event_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, goal_value_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, goal_window_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, goal_window_editor);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, variables_group);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, add_variable_button);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, timezone_drop_down);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, start_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, start_button);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, end_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, end_button);
  gtk_widget_class_bind_template_child (widget_class, WmFlowSettings, indefinite_switch);
  gtk_widget_class_bind_template_callback (widget_class, reentry_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, delay_editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_limit_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_row_enabled_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_event_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_value_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_window_editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_variable_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, timezone_drop_down_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, indefinite_switch_active_cb);
}

static void
wm_flow_settings_init (WmFlowSettings *self)
{
  g_autoptr (GtkStringList) zones = NULL;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->limit_rows = g_ptr_array_new ();
  self->variable_rows = g_ptr_array_new ();

  /* A searchable list of the zone names of tzdata (DESIGN.md). */
  zones = gtk_string_list_new ((const char * const *) wm_zone_list_names ());
  gtk_drop_down_set_expression (self->timezone_drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_model (self->timezone_drop_down, G_LIST_MODEL (zones));

  schedule_end_init (self, &self->start, "start", GTK_WIDGET (self->start_row), self->start_button,
                     _("Start at Launch"));
  schedule_end_init (self, &self->end, "end", GTK_WIDGET (self->end_row), self->end_button,
                     _("No End Date"));
  self->updating = FALSE;
}

WmFlowSettings *
wm_flow_settings_new (GtkWindow   *parent,
                      WmFlow      *flow,
                      guint        version,
                      WmUndoStack *undo_stack)
{
  WmFlowSettings *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WM_IS_FLOW (flow), NULL);
  g_return_val_if_fail (WM_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (wm_flow_get_version (flow, version) != NULL, NULL);

  self = g_object_new (WM_TYPE_FLOW_SETTINGS,
                       "transient-for", parent,
                       NULL);
  self->flow = g_object_ref (flow);
  self->version = version;
  self->undo_stack = g_object_ref (undo_stack);
  self->flow_changed_id = g_signal_connect_swapped (flow, "changed", G_CALLBACK (flow_changed_cb), self);
  refresh (self);
  return self;
}

WmFlow *
wm_flow_settings_get_flow (WmFlowSettings *self)
{
  g_return_val_if_fail (WM_IS_FLOW_SETTINGS (self), NULL);
  return self->flow;
}

guint
wm_flow_settings_get_version (WmFlowSettings *self)
{
  g_return_val_if_fail (WM_IS_FLOW_SETTINGS (self), 0);
  return self->version;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
wm_flow_settings_get_part (WmFlowSettings *self,
                           const char     *name)
{
  g_return_val_if_fail (WM_IS_FLOW_SETTINGS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The header buttons of the groups live outside the content tree's
   * list rows but inside the window. */
  return find_named (GTK_WIDGET (self), name);
}
