/* wm-journey-editor.c - the editor of one journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page assembles the board (wm-journey-board.h), the stage editor and
 * the journey's properties (wm-stage-editor.h, wm-journey-properties.h):
 * they push their edits on the one undo stack and follow the journey's
 * ::changed, and this page saves and validates after each change. The
 * save is not pushed back by each keystroke, so typing without a pause
 * is still written within WM_EDITOR_SAVE_DELAY_MS; closing the page or
 * the window writes what is left (nothing typed is lost).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-editor-page.h"
#include "wm-journey-board.h"
#include "wm-journey-commands.h"
#include "wm-journey-editor.h"
#include "wm-journey-properties.h"
#include "wm-journey-validate.h"
#include "wm-journeys-page.h"
#include "wm-stage-editor.h"
#include "wm-status-badge.h"
#include "wm-validation-panel.h"

struct _WmJourneyEditor
{
  GtkWidget        parent_instance;

  WmWorkspace     *workspace;
  WmJourney       *journey;
  WmUndoStack     *undo;
  GPtrArray       *problems;     /* WmDiagnostic, errors first */
  char            *selected;     /* the stage shown at the side, or NULL */
  guint            save_source;
  guint            validate_source;
  gboolean         save_failed;
  char            *save_error;   /* the last failed save's toast, shown once */
  guint            n_errors;
  guint            n_warnings;

  WmJourneyBoard  *board;
  WmStageEditor   *stage_editor;
  WmJourneyProperties *properties;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *save_label;
  GtkWidget       *undo_button;
  GtkWidget       *redo_button;
  GtkToggleButton *problems_button;
  GtkImage        *problems_icon;
  GtkLabel        *problems_label;
  GtkBox          *board_box;
  GtkRevealer     *problems_revealer;
  GtkListBox      *problems_list;
  GtkStack        *side_stack;
};

G_DEFINE_FINAL_TYPE (WmJourneyEditor, wm_journey_editor, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wm_journey_editor_new (void)
{
  return g_object_new (WM_TYPE_JOURNEY_EDITOR, NULL);
}

void
wm_journey_editor_add_toast (WmJourneyEditor *self,
                             const char      *message)
{
  g_return_if_fail (WM_IS_JOURNEY_EDITOR (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
wm_journey_editor_show_toast (WmJourneyEditor *self,
                              AdwToast        *toast)
{
  g_return_if_fail (WM_IS_JOURNEY_EDITOR (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The stage object of @id, or NULL. */
static JsonObject *
find_stage (WmJourneyEditor *self,
            const char      *id)
{
  JsonArray *stages = self->journey != NULL ? wm_journey_get_stages (self->journey) : NULL;

  if (stages == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);
      JsonObject *stage = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (stage != NULL && g_strcmp0 (json_object_get_string_member_with_default (stage, "id", NULL), id) == 0)
        return stage;
    }
  return NULL;
}

/* Header */

static void
update_save_label (WmJourneyEditor *self)
{
  if (self->journey == NULL)
    gtk_label_set_text (self->save_label, "");
  else if (self->save_source != 0)
    gtk_label_set_text (self->save_label, _("Saving…"));
  else if (self->save_failed)
    gtk_label_set_text (self->save_label, _("Not saved"));
  else
    gtk_label_set_text (self->save_label, _("Saved"));
}

static void
update_title (WmJourneyEditor *self)
{
  JsonArray *stages = self->journey != NULL ? wm_journey_get_stages (self->journey) : NULL;
  guint n = stages != NULL ? json_array_get_length (stages) : 0;
  const char *name = self->journey != NULL ? wm_journey_get_name (self->journey) : NULL;
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage", "%u stages", n), n);

  adw_window_title_set_title (self->window_title, name != NULL ? name : _("Untitled journey"));
  adw_window_title_set_subtitle (self->window_title, self->journey != NULL ? subtitle : "");
}

static void
update_actions (WmJourneyEditor *self)
{
  gboolean open = self->journey != NULL;
  gboolean can_undo = open && wm_undo_stack_can_undo (self->undo);
  gboolean can_redo = open && wm_undo_stack_can_redo (self->undo);
  gboolean stage = open && self->selected != NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.delete-stage", stage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.duplicate-stage", stage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.add-stage", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.simulate", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journey.duplicate", open);
  /* Translators: "Undo Add stage ‘Onboarded’" */
  undo = can_undo ? g_strdup_printf (_("Undo %s"), wm_undo_stack_get_undo_description (self->undo))
                  : g_strdup (_("Undo"));
  /* Translators: "Redo Add stage ‘Onboarded’" */
  redo = can_redo ? g_strdup_printf (_("Redo %s"), wm_undo_stack_get_redo_description (self->undo))
                  : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo);
  gtk_widget_set_tooltip_text (self->redo_button, redo);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, undo, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, redo, -1);
}

/* Problems */

static void
update_counts (WmJourneyEditor *self)
{
  g_autofree char *counts = wm_format_problem_counts (self->n_errors, self->n_warnings);
  g_autofree char *label = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_button), "has-errors");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problems_button), "has-warnings");
  if (self->n_errors > 0)
    {
      gtk_image_set_from_icon_name (self->problems_icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_button), "has-errors");
    }
  else if (self->n_warnings > 0)
    {
      gtk_image_set_from_icon_name (self->problems_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_button), "has-warnings");
    }
  else
    gtk_image_set_from_icon_name (self->problems_icon, "emblem-ok-symbolic");
  gtk_label_set_text (self->problems_label, counts != NULL ? counts : _("No problems"));
  /* Translators: the Problems button's name for screen readers, "Problems: 2 errors" */
  label = g_strdup_printf (_("Problems: %s"), counts != NULL ? counts : _("none"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
make_problem_row (WmJourneyEditor    *self,
                  const WmDiagnostic *diagnostic)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon, *place, *message;
  JsonObject *stage = find_stage (self, diagnostic->element);
  const char *stage_name = stage != NULL ? json_object_get_string_member_with_default (stage, "name", NULL) : NULL;
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;

  icon = gtk_image_new_from_icon_name (diagnostic->severity == WM_SEVERITY_ERROR
                                       ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, diagnostic->severity == WM_SEVERITY_ERROR ? "error" : "warning");
  if (diagnostic->element == NULL)
    where = g_strdup (_("Journey"));
  else if (stage_name != NULL && *stage_name != '\0')
    where = g_strdup (stage_name);
  else
    where = g_strdup (diagnostic->element);
  place = gtk_label_new (where);
  gtk_widget_add_css_class (place, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (place), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (place), 24);
  message = gtk_label_new (diagnostic->message);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), place);
  gtk_box_append (GTK_BOX (box), message);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a problem for screen readers, "Error, Registered: Give the stage a name." */
  accessible = g_strdup_printf (_("%s, %s: %s"),
                                diagnostic->severity == WM_SEVERITY_ERROR ? _("Error") : _("Warning"),
                                where, diagnostic->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  const WmDiagnostic *da = *(const WmDiagnostic **) a;
  const WmDiagnostic *db = *(const WmDiagnostic **) b;

  return (int) da->severity - (int) db->severity;
}

/* Takes @diagnostics (may be NULL: none). */
static void
set_problems (WmJourneyEditor *self,
              GPtrArray       *diagnostics)
{
  GtkWidget *child;

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = diagnostics != NULL ? diagnostics
                                       : g_ptr_array_new_with_free_func ((GDestroyNotify) wm_diagnostic_free);
  /* Errors first, each severity in the validator's order (stable). */
  g_ptr_array_sort (self->problems, compare_severity);
  self->n_errors = wm_diagnostics_count (self->problems, WM_SEVERITY_ERROR, G_MAXUINT);
  self->n_warnings = wm_diagnostics_count (self->problems, WM_SEVERITY_WARNING, G_MAXUINT);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < self->problems->len; i++)
    gtk_list_box_append (self->problems_list, make_problem_row (self, g_ptr_array_index (self->problems, i)));
  if (self->board != NULL)
    {
      wm_journey_board_set_diagnostics (self->board, self->problems);
      wm_stage_editor_set_diagnostics (self->stage_editor, self->problems);
      wm_journey_properties_set_diagnostics (self->properties, self->problems);
    }
  update_counts (self);
}

void
wm_journey_editor_validate_now (WmJourneyEditor *self)
{
  g_return_if_fail (WM_IS_JOURNEY_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->journey == NULL)
    return;
  set_problems (self, wm_validate_journey (self->journey, WM_LOOKUP (self->workspace), TRUE));
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (user_data);

  self->validate_source = 0;
  wm_journey_editor_validate_now (self);
  return G_SOURCE_REMOVE;
}

guint
wm_journey_editor_get_n_errors (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), 0);
  return self->n_errors;
}

guint
wm_journey_editor_get_n_warnings (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), 0);
  return self->n_warnings;
}

guint
wm_journey_editor_get_n_problems (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), 0);
  return self->problems != NULL ? self->problems->len : 0;
}

const WmDiagnostic *
wm_journey_editor_get_problem (WmJourneyEditor *self,
                               guint            index)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), NULL);

  if (self->problems == NULL || index >= self->problems->len)
    return NULL;
  return g_ptr_array_index (self->problems, index);
}

/* Side pane */

static void
show_selection (WmJourneyEditor *self,
                const char      *stage_id)
{
  g_autofree char *id = g_strdup (stage_id);

  /* What was typed in the stage being left belongs to it. */
  wm_stage_editor_commit (self->stage_editor);
  if (id != NULL && find_stage (self, id) == NULL)
    g_clear_pointer (&id, g_free);
  g_free (self->selected);
  self->selected = g_steal_pointer (&id);
  if (self->selected != NULL)
    {
      wm_stage_editor_set_stage (self->stage_editor, self->workspace, self->journey, self->undo,
                                 self->selected);
      gtk_stack_set_visible_child_name (self->side_stack, "stage");
    }
  else
    {
      wm_stage_editor_set_stage (self->stage_editor, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->side_stack, "journey");
    }
  update_actions (self);
}

static void
board_stage_selected_cb (WmJourneyEditor *self,
                         const char      *stage_id)
{
  if (g_strcmp0 (stage_id, self->selected) != 0)
    show_selection (self, stage_id);
}

const char *
wm_journey_editor_get_selected_stage (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), NULL);
  return self->selected;
}

void
wm_journey_editor_select_stage (WmJourneyEditor *self,
                                const char      *stage_id)
{
  g_return_if_fail (WM_IS_JOURNEY_EDITOR (self));

  if (self->journey == NULL)
    return;
  wm_journey_board_select_stage (self->board, stage_id);
  if (g_strcmp0 (stage_id, self->selected) != 0)
    show_selection (self, stage_id);
}

void
wm_journey_editor_activate_problem (WmJourneyEditor *self,
                                    guint            index)
{
  const WmDiagnostic *diagnostic;

  g_return_if_fail (WM_IS_JOURNEY_EDITOR (self));

  diagnostic = wm_journey_editor_get_problem (self, index);
  if (diagnostic == NULL)
    return;
  /* A problem of a stage that is gone (the list waits for the pause)
   * shows the journey instead. */
  wm_journey_editor_select_stage (self, find_stage (self, diagnostic->element) != NULL
                                        ? diagnostic->element : NULL);
  if (self->selected != NULL)
    {
      if (diagnostic->field == NULL || !wm_stage_editor_focus_field (self->stage_editor, diagnostic->field))
        gtk_widget_grab_focus (GTK_WIDGET (self->stage_editor));
    }
  else if (diagnostic->field == NULL || !wm_journey_properties_focus_field (self->properties, diagnostic->field))
    gtk_widget_grab_focus (GTK_WIDGET (self->properties));
}

static void
problems_list_row_activated_cb (WmJourneyEditor *self,
                                GtkListBoxRow   *row)
{
  wm_journey_editor_activate_problem (self, gtk_list_box_row_get_index (row));
}

static void
problems_button_toggled_cb (WmJourneyEditor *self)
{
  gtk_revealer_set_reveal_child (self->problems_revealer, gtk_toggle_button_get_active (self->problems_button));
}

/* Autosave */

gboolean
wm_journey_editor_save_now (WmJourneyEditor *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *diagnostics = NULL;

  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), FALSE);

  /* Digits typed in a duration and not yet taken count as typed. */
  wm_stage_editor_commit (self->stage_editor);
  if (self->save_source == 0 && !self->save_failed)
    return TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->journey == NULL)
    return TRUE;

  self->save_failed = !wm_workspace_save_journey (self->workspace, self->journey, &diagnostics, &error);
  if (self->save_failed)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the journey: %s"), error->message);

      /* Saving is retried after every keystroke: say it once, not each time. */
      if (g_strcmp0 (message, self->save_error) != 0)
        wm_journey_editor_add_toast (self, message);
      g_free (self->save_error);
      self->save_error = g_steal_pointer (&message);
    }
  else
    {
      g_clear_pointer (&self->save_error, g_free);
      wm_undo_stack_set_clean (self->undo);
      /* The store validated what it saved: that is the list to show. */
      g_clear_handle_id (&self->validate_source, g_source_remove);
      set_problems (self, diagnostics);
    }
  update_save_label (self);
  return !self->save_failed;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (user_data);

  wm_journey_editor_save_now (self);
  return G_SOURCE_REMOVE;
}

gboolean
wm_journey_editor_is_saved (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), FALSE);
  return self->save_source == 0 && !self->save_failed;
}

static void
journey_changed_cb (WmJourneyEditor *self)
{
  update_title (self);
  /* Undo can take the selected stage away. */
  if (self->selected != NULL && find_stage (self, self->selected) == NULL)
    wm_journey_editor_select_stage (self, NULL);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (WM_EDITOR_VALIDATE_DELAY_MS, validate_timeout_cb, self);
  if (self->save_source == 0)
    self->save_source = g_timeout_add (WM_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
  update_save_label (self);
}

static void
undo_notify_cb (WmJourneyEditor *self)
{
  update_actions (self);
}

/* Opening and closing */

static void
release_journey (WmJourneyEditor *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  wm_journey_board_set_journey (self->board, NULL, NULL);
  wm_stage_editor_set_stage (self->stage_editor, NULL, NULL, NULL, NULL);
  wm_journey_properties_set_journey (self->properties, NULL, NULL);
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_data (self->journey, self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->journey);
  g_clear_pointer (&self->selected, g_free);
  g_clear_object (&self->workspace);
  self->save_failed = FALSE;
  g_clear_pointer (&self->save_error, g_free);
  set_problems (self, NULL);
}

gboolean
wm_journey_editor_close (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), FALSE);

  if (!wm_journey_editor_save_now (self))
    {
      /* Asked to leave: say again why it stays. */
      wm_journey_editor_add_toast (self, self->save_error);
      return FALSE;
    }
  release_journey (self);
  update_title (self);
  update_save_label (self);
  update_actions (self);
  return TRUE;
}

gboolean
wm_journey_editor_open (WmJourneyEditor  *self,
                        WmWorkspace      *workspace,
                        const char       *journey_id,
                        GError          **error)
{
  g_autoptr(WmJourney) journey = NULL;

  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), FALSE);
  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (journey_id != NULL, FALSE);

  /* Save first: reopening the journey open reads it back from the store.
   * What cannot be saved stays open rather than being dropped. */
  if (!wm_journey_editor_save_now (self))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("The journey open could not be saved; correct it or undo the change first"));
      return FALSE;
    }
  journey = wm_workspace_get_journey (workspace, journey_id, error);
  if (journey == NULL)
    return FALSE;
  release_journey (self);

  self->workspace = g_object_ref (workspace);
  self->journey = g_steal_pointer (&journey);
  self->undo = wm_undo_stack_new_for_journey (self->journey);
  g_signal_connect_swapped (self->journey, "changed", G_CALLBACK (journey_changed_cb), self);
  g_signal_connect_swapped (self->undo, "notify::can-undo", G_CALLBACK (undo_notify_cb), self);
  g_signal_connect_swapped (self->undo, "notify::can-redo", G_CALLBACK (undo_notify_cb), self);
  g_signal_connect_swapped (self->undo, "notify::undo-description", G_CALLBACK (undo_notify_cb), self);
  g_signal_connect_swapped (self->undo, "notify::redo-description", G_CALLBACK (undo_notify_cb), self);

  wm_journey_board_set_journey (self->board, self->journey, self->undo);
  wm_journey_properties_set_journey (self->properties, self->journey, self->undo);
  wm_journey_board_select_stage (self->board, NULL);
  show_selection (self, NULL);
  wm_journey_editor_validate_now (self);
  update_title (self);
  update_save_label (self);
  update_actions (self);
  return TRUE;
}

WmJourney *
wm_journey_editor_get_journey (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), NULL);
  return self->journey;
}

WmUndoStack *
wm_journey_editor_get_undo_stack (WmJourneyEditor *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_EDITOR (self), NULL);
  return self->undo;
}

/* Actions */

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);

  if (wm_journey_editor_close (self))
    g_signal_emit (self, signals[CLOSED], 0);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);

  if (self->undo != NULL)
    wm_undo_stack_undo (self->undo);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);

  if (self->undo != NULL)
    wm_undo_stack_redo (self->undo);
}

/* Pushes an add or duplicate command and selects the stage it made. */
static void
push_and_select (WmJourneyEditor *self,
                 WmCommand       *command)
{
  const char *id;

  if (!wm_undo_stack_push (self->undo, command))
    return;
  id = wm_journey_command_get_new_id (command);
  if (id != NULL)
    wm_journey_editor_select_stage (self, id);
}

static void
add_stage_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);
  g_autoptr(JsonNode) stage = NULL;
  g_autoptr(WmCommand) command = NULL;

  if (self->journey == NULL)
    return;
  wm_stage_editor_commit (self->stage_editor);
  stage = wm_journey_new_stage (self->journey, _("New stage"));
  command = wm_journey_command_add_stage_new (stage, WM_JOURNEY_POSITION_END);
  push_and_select (self, command);
}

static void
duplicate_stage_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);
  g_autoptr(WmCommand) command = NULL;

  if (self->journey == NULL || self->selected == NULL)
    return;
  command = wm_journey_command_duplicate_stage_new (self->selected);
  push_and_select (self, command);
}

static void
delete_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);
  g_autoptr(WmCommand) command = NULL;

  if (self->journey == NULL || self->selected == NULL)
    return;
  /* Undo brings it back: no question asked. */
  command = wm_journey_command_remove_stage_new (self->selected);
  if (wm_undo_stack_push (self->undo, command))
    wm_journey_editor_select_stage (self, NULL);
}

static void
problems_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);

  gtk_toggle_button_set_active (self->problems_button, !gtk_toggle_button_get_active (self->problems_button));
}

static void
simulate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);

  /* The run simulates what the workspace holds: what is on the board. */
  if (self->journey == NULL || !wm_journey_editor_save_now (self))
    return;
  gtk_widget_activate_action (widget, "win.simulate-journey", "s", wm_journey_get_id (self->journey));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);

  if (self->journey == NULL || !wm_journey_editor_save_now (self))
    return;
  wm_show_export_journey_dialog (widget, self->toast_overlay, self->workspace,
                                 wm_journey_get_id (self->journey));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (widget);
  g_autoptr(WmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->journey == NULL || !wm_journey_editor_save_now (self))
    return;
  workspace = g_object_ref (self->workspace);
  id = wm_workspace_duplicate_journey (workspace, wm_journey_get_id (self->journey),
                                      g_get_real_time () / G_USEC_PER_SEC, &error);
  if (id == NULL || !wm_journey_editor_open (self, workspace, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not duplicate the journey: %s"), error->message);

      wm_journey_editor_add_toast (self, message);
      return;
    }
  wm_journey_editor_add_toast (self, _("This is the copy; the original journey is unchanged"));
}

static void
wm_journey_editor_dispose (GObject *object)
{
  WmJourneyEditor *self = WM_JOURNEY_EDITOR (object);
  GtkWidget *child;

  /* A page that goes away writes what it has not written yet. */
  if (self->journey != NULL)
    {
      wm_journey_editor_save_now (self);
      release_journey (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_JOURNEY_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_journey_editor_parent_class)->dispose (object);
}

static void
wm_journey_editor_class_init (WmJourneyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_journey_editor_dispose;

  /**
   * WmJourneyEditor::closed:
   *
   * Back was activated: the journey is saved and the page shows nothing.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-journey-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, problems_button);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, board_box);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, problems_list);
  gtk_widget_class_bind_template_child (widget_class, WmJourneyEditor, side_stack);
  gtk_widget_class_bind_template_callback (widget_class, problems_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, problems_button_toggled_cb);

  gtk_widget_class_install_action (widget_class, "journey.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "journey.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "journey.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "journey.add-stage", NULL, add_stage_activated);
  gtk_widget_class_install_action (widget_class, "journey.delete-stage", NULL, delete_stage_activated);
  gtk_widget_class_install_action (widget_class, "journey.duplicate-stage", NULL, duplicate_stage_activated);
  gtk_widget_class_install_action (widget_class, "journey.problems", NULL, problems_activated);
  gtk_widget_class_install_action (widget_class, "journey.simulate", NULL, simulate_activated);
  gtk_widget_class_install_action (widget_class, "journey.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "journey.duplicate", NULL, duplicate_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "journey.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "journey.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "journey.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "journey.add-stage", NULL);
}

static void
wm_journey_editor_init (WmJourneyEditor *self)
{
  GtkEventController *board_keys;
  GtkShortcut *delete_key;

  gtk_widget_init_template (GTK_WIDGET (self));
  wm_pages_ensure_css ();

  self->board = WM_JOURNEY_BOARD (wm_journey_board_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->board), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->board), TRUE);
  gtk_box_append (self->board_box, GTK_WIDGET (self->board));
  g_signal_connect_object (self->board, "stage-selected", G_CALLBACK (board_stage_selected_cb), self,
                           G_CONNECT_SWAPPED);
  /* Delete deletes the selected stage only while the board has the focus:
   * in the stage editor it edits text. */
  board_keys = gtk_shortcut_controller_new ();
  delete_key = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                 gtk_named_action_new ("journey.delete-stage"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (board_keys), delete_key);
  gtk_widget_add_controller (GTK_WIDGET (self->board_box), board_keys);

  self->stage_editor = WM_STAGE_EDITOR (wm_stage_editor_new ());
  gtk_stack_add_named (self->side_stack, GTK_WIDGET (self->stage_editor), "stage");
  self->properties = WM_JOURNEY_PROPERTIES (wm_journey_properties_new ());
  gtk_stack_add_named (self->side_stack, GTK_WIDGET (self->properties), "journey");
  gtk_stack_set_visible_child_name (self->side_stack, "journey");

  set_problems (self, NULL);
  update_title (self);
  update_save_label (self);
  update_actions (self);
}
