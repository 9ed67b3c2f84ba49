/* wm-journey-properties.c - the side pane for a journey's own fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-journey-commands.h"
#include "wm-journey-fields.h"
#include "wm-journey-properties.h"
#include "wm-validate.h"

enum { FIELD_NAME, FIELD_DESCRIPTION, FIELD_BEGINS, FIELD_EVENT, FIELD_WHERE, N_FIELDS };

/* A diagnostic's field, and the field that shows it. */
static const struct
{
  const char *name;
  guint       field;
} field_names[] = {
  { "name", FIELD_NAME },
  { "description", FIELD_DESCRIPTION },
  { "begins", FIELD_BEGINS },
  { "begins.event", FIELD_EVENT },
  { "begins.where", FIELD_WHERE },
};

struct _WmJourneyProperties
{
  GtkWidget parent_instance;

  WmJourney      *journey;
  WmUndoStack    *undo;
  gulong          changed_id;
  GPtrArray      *diagnostics;        /* WmDiagnostic copies, or NULL */
  gboolean        updating;           /* refresh writes the widgets: no command */
  char           *event;              /* the last event name, for switching back */
  WmJourneyField *fields[N_FIELDS];

  GtkWidget      *name_row;
  GtkWidget      *description_row;
  GtkWidget      *begins_row;
  GtkWidget      *event_row;
  GtkWidget      *where_entry;

  /* Template children */
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *begins_group;
};

G_DEFINE_FINAL_TYPE (WmJourneyProperties, wm_journey_properties, GTK_TYPE_WIDGET)

static JsonObject *
begins_object (WmJourneyProperties *self)
{
  JsonNode *node = json_object_get_member (wm_journey_get_json (self->journey), "begins");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The begins event: NULL when the journey begins at the run's start. */
static const char *
begins_event (WmJourneyProperties *self,
              gboolean            *has_event)
{
  JsonObject *begins = begins_object (self);
  JsonNode *node = begins != NULL ? json_object_get_member (begins, "event") : NULL;

  *has_event = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static void
push (WmJourneyProperties *self,
      WmCommand           *command)
{
  g_autoptr (WmCommand) owned = command;

  if (self->undo != NULL)
    wm_undo_stack_push (self->undo, owned);
}

static void
refresh (WmJourneyProperties *self)
{
  JsonObject *json;
  JsonObject *begins;
  const char *event;
  const char *where;
  gboolean has_event;

  if (self->journey == NULL)
    return;
  json = wm_journey_get_json (self->journey);
  begins = begins_object (self);
  event = begins_event (self, &has_event);
  where = begins != NULL ? wm_journey_object_string (begins, "where") : NULL;

  self->updating = TRUE;
  wm_journey_set_editable_text (self->name_row, wm_journey_object_string (json, "name"));
  wm_journey_set_editable_text (self->description_row, wm_journey_object_string (json, "description"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->begins_row), has_event ? 1 : 0);
  if (has_event)
    {
      wm_journey_set_editable_text (self->event_row, event);
      g_free (self->event);
      self->event = g_strdup (event);
    }
  gtk_widget_set_visible (self->event_row, has_event);
  wm_journey_field_set_title (self->fields[FIELD_WHERE],
                              has_event ? _("Where (over event and profile)") : _("For profiles where"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->where_entry),
                                  has_event ? _("Every such event") : _("Every profile"));
  wm_journey_set_editable_text (self->where_entry, where);
  wm_journey_field_set_live_error (self->fields[FIELD_WHERE], wm_journey_syntax_error (where));
  self->updating = FALSE;
}

static void
journey_changed_cb (WmJourneyProperties *self)
{
  refresh (self);
}

static void
name_changed_cb (GtkEditable         *editable,
                 WmJourneyProperties *self)
{
  if (!self->updating)
    push (self, wm_journey_command_rename_new (gtk_editable_get_text (editable)));
}

static void
description_changed_cb (GtkEditable         *editable,
                        WmJourneyProperties *self)
{
  if (!self->updating)
    push (self, wm_journey_command_set_description_new (gtk_editable_get_text (editable)));
}

static void
begins_selected_cb (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    WmJourneyProperties *self)
{
  if (self->updating)
    return;
  if (adw_combo_row_get_selected (row) == 1)
    push (self, wm_journey_command_set_begins_event_new (self->event != NULL ? self->event : ""));
  else
    push (self, wm_journey_command_set_begins_event_new (NULL));
}

static void
event_changed_cb (GtkEditable         *editable,
                  WmJourneyProperties *self)
{
  if (!self->updating)
    push (self, wm_journey_command_set_begins_event_new (gtk_editable_get_text (editable)));
}

static void
where_changed_cb (GtkEditable         *editable,
                  WmJourneyProperties *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->updating)
    return;
  push (self, wm_journey_command_set_begins_where_new (text));
  wm_journey_field_set_live_error (self->fields[FIELD_WHERE], wm_journey_syntax_error (text));
}

static void
add_field (AdwPreferencesGroup *group,
           WmJourneyField      *field)
{
  adw_preferences_group_add (group, field->row);
  if (field->message_row != NULL)
    adw_preferences_group_add (group, field->message_row);
}

static void
build (WmJourneyProperties *self)
{
  const char *begins[] = { _("At the run’s start"), _("At an event"), NULL };
  g_autoptr (GtkStringList) model = gtk_string_list_new (begins);

  self->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  self->fields[FIELD_NAME] = wm_journey_field_new (self->name_row, NULL);
  g_signal_connect (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);

  self->description_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row), _("Description"));
  self->fields[FIELD_DESCRIPTION] = wm_journey_field_new (self->description_row, NULL);
  g_signal_connect (self->description_row, "changed", G_CALLBACK (description_changed_cb), self);

  self->begins_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->begins_row), _("Begins"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->begins_row), G_LIST_MODEL (model));
  self->fields[FIELD_BEGINS] = wm_journey_field_new (self->begins_row, NULL);
  g_signal_connect (self->begins_row, "notify::selected", G_CALLBACK (begins_selected_cb), self);

  self->event_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->event_row), _("Event name"));
  self->fields[FIELD_EVENT] = wm_journey_field_new (self->event_row, NULL);
  g_signal_connect (self->event_row, "changed", G_CALLBACK (event_changed_cb), self);

  self->where_entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->where_entry, "monospace");
  self->fields[FIELD_WHERE] = wm_journey_field_new_stacked (_("For profiles where"), self->where_entry);
  g_signal_connect (self->where_entry, "changed", G_CALLBACK (where_changed_cb), self);

  add_field (self->details_group, self->fields[FIELD_NAME]);
  add_field (self->details_group, self->fields[FIELD_DESCRIPTION]);
  add_field (self->begins_group, self->fields[FIELD_BEGINS]);
  add_field (self->begins_group, self->fields[FIELD_EVENT]);
  add_field (self->begins_group, self->fields[FIELD_WHERE]);
}

static void
show_diagnostics (WmJourneyProperties *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    wm_journey_field_set_diagnostic (self->fields[field_names[i].field],
                                     wm_journey_find_diagnostic (self->diagnostics, NULL, field_names[i].name));
}

static void
disconnect_journey (WmJourneyProperties *self)
{
  if (self->journey != NULL)
    g_clear_signal_handler (&self->changed_id, self->journey);
  g_clear_object (&self->journey);
  g_clear_object (&self->undo);
}

static void
wm_journey_properties_dispose (GObject *object)
{
  WmJourneyProperties *self = WM_JOURNEY_PROPERTIES (object);

  disconnect_journey (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_JOURNEY_PROPERTIES);
  G_OBJECT_CLASS (wm_journey_properties_parent_class)->dispose (object);
}

static void
wm_journey_properties_finalize (GObject *object)
{
  WmJourneyProperties *self = WM_JOURNEY_PROPERTIES (object);

  for (guint i = 0; i < N_FIELDS; i++)
    wm_journey_field_free (self->fields[i]);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_free (self->event);
  G_OBJECT_CLASS (wm_journey_properties_parent_class)->finalize (object);
}

static void
wm_journey_properties_class_init (WmJourneyPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_journey_properties_dispose;
  object_class->finalize = wm_journey_properties_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, 
                                               "/io/github/waymark/Waymark/wm-journey-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, WmJourneyProperties, stack);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyProperties, page);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyProperties, details_group);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyProperties, begins_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wm_journey_properties_init (WmJourneyProperties *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build (self);
}

GtkWidget *
wm_journey_properties_new (void)
{
  return g_object_new (WM_TYPE_JOURNEY_PROPERTIES, NULL);
}

void
wm_journey_properties_set_journey (WmJourneyProperties *self,
                                   WmJourney           *journey,
                                   WmUndoStack         *undo)
{
  g_return_if_fail (WM_IS_JOURNEY_PROPERTIES (self));
  g_return_if_fail (journey == NULL || WM_IS_JOURNEY (journey));

  disconnect_journey (self);
  g_clear_pointer (&self->event, g_free);
  if (journey == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->journey = g_object_ref (journey);
  self->undo = undo != NULL ? g_object_ref (undo) : NULL;
  self->changed_id = g_signal_connect_swapped (journey, "changed", G_CALLBACK (journey_changed_cb), self);
  refresh (self);
  show_diagnostics (self);
  gtk_stack_set_visible_child_name (self->stack, "journey");
}

static WmJourneyField *
find_field (WmJourneyProperties *self,
            const char          *field)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (field_names[i].name, field))
      return self->fields[field_names[i].field];
  /* "begins.when" and the like belong to Begins. */
  if (field != NULL && g_str_has_prefix (field, "begins"))
    return self->fields[FIELD_BEGINS];
  return NULL;
}

GtkWidget *
wm_journey_properties_get_field (WmJourneyProperties *self,
                                 const char          *field)
{
  WmJourneyField *found;

  g_return_val_if_fail (WM_IS_JOURNEY_PROPERTIES (self), NULL);
  found = find_field (self, field);
  return found != NULL ? found->focus : NULL;
}

gboolean
wm_journey_properties_focus_field (WmJourneyProperties *self,
                                   const char          *field)
{
  WmJourneyField *found;

  g_return_val_if_fail (WM_IS_JOURNEY_PROPERTIES (self), FALSE);
  found = find_field (self, field);
  if (found == NULL || self->journey == NULL || !gtk_widget_get_visible (found->row))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "journey");
  return gtk_widget_grab_focus (found->focus);
}

void
wm_journey_properties_set_diagnostics (WmJourneyProperties *self,
                                       GPtrArray           *diagnostics)
{
  g_return_if_fail (WM_IS_JOURNEY_PROPERTIES (self));

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (diagnostics != NULL)
    {
      self->diagnostics = g_ptr_array_copy (diagnostics, (GCopyFunc) wm_diagnostic_copy, NULL);
      g_ptr_array_set_free_func (self->diagnostics, (GDestroyNotify) wm_diagnostic_free);
    }
  show_diagnostics (self);
}
