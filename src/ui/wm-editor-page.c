/* wm-editor-page.c - the editor of one flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "wm-catalogue.h"
#include "wm-commands.h"
#include "wm-editor-lifecycle.h"
#include "wm-editor-metrics.h"
#include "wm-editor-page.h"
#include "wm-editor-runs.h"
#include "wm-flow-settings.h"
#include "wm-minimap.h"
#include "wm-status-badge.h"
#include "wm-validate.h"
#include "wm-versions-panel.h"

struct _WmEditorPage
{
  GtkWidget             parent_instance;

  WmWorkspace       *workspace;
  WmFlow            *flow;
  WmVersion         *version;      /* the version shown */
  WmUndoStack       *undo_stack;
  GPtrArray         *diagnostics;  /* of the last validation, or NULL */
  guint              n_errors;
  guint              n_warnings;
  guint              validate_source;
  guint              save_source;
  gboolean           read_only;
  gboolean           save_failed;
  gboolean           updating_name;
  gint64             run_id;       /* the run shown, or 0 */

  /* Template children */
  AdwToastOverlay   *toast_overlay;
  GtkBox            *content_box;
  AdwHeaderBar      *header_bar;
  GtkWidget         *undo_button;
  GtkWidget         *redo_button;
  GtkEditableLabel  *name_label;
  GtkLabel          *version_label;
  GtkLabel          *status_label;
  GtkLabel          *finishing_label;
  GtkWidget         *launch_button;
  GtkWidget         *status_button;
  GtkWidget         *runs_button;
  GtkLabel          *save_label;
  GtkToggleButton   *validate_button;
  GtkImage          *validate_icon;
  GtkLabel          *validate_label;
  GtkRevealer       *read_only_revealer;
  GtkLabel          *read_only_label;
  WmPalette         *palette;
  WmCanvas          *canvas;
  WmMinimap         *minimap;
  GtkRevealer       *panel_revealer;
  WmValidationPanel *validation_panel;
  WmInspector       *inspector;
  GtkToggleButton   *versions_button;
  GtkStack          *sidebar_stack;
  WmVersionsPanel   *versions_panel;
};

/* Where palette activation puts an element chained to the selected one:
 * this far to its right (a node is 208 wide, so 32 of gap), and this far
 * further down each time that spot is already taken. */
#define WM_EDITOR_CHAIN_STEP_X 240.0
#define WM_EDITOR_CHAIN_STEP_Y 128.0

G_DEFINE_FINAL_TYPE (WmEditorPage, wm_editor_page, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  RUN_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
wm_editor_page_new (void)
{
  return g_object_new (WM_TYPE_EDITOR_PAGE, NULL);
}

void
wm_editor_page_add_toast (WmEditorPage *self,
                          const char   *message)
{
  g_return_if_fail (WM_IS_EDITOR_PAGE (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
wm_editor_page_show_toast (WmEditorPage *self,
                           AdwToast     *toast)
{
  g_return_if_fail (WM_IS_EDITOR_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
wm_editor_page_show_run (WmEditorPage *self,
                         gint64        run_id)
{
  g_return_if_fail (WM_IS_EDITOR_PAGE (self));

  self->run_id = run_id;
  /* The run's figures go to the Metrics toggle (wm-editor-metrics.c). */
  if (run_id == 0 || self->workspace == NULL)
    wm_editor_page_set_run (self, NULL);
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmRun) run = wm_workspace_get_run (self->workspace, run_id, &error);

      if (run == NULL)
        wm_editor_page_add_toast (self, error->message);
      wm_editor_page_set_run (self, run);
    }
  g_signal_emit (self, signals[RUN_SHOWN], 0, run_id);
}

gint64
wm_editor_page_get_run_id (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), 0);
  return self->run_id;
}

static WmLookup *
get_lookup (WmEditorPage *self)
{
  return self->workspace != NULL ? WM_LOOKUP (self->workspace) : NULL;
}

/* Header */

static void
update_save_label (WmEditorPage *self)
{
  if (self->flow == NULL || self->read_only)
    gtk_label_set_text (self->save_label, "");
  else if (self->save_source != 0)
    gtk_label_set_text (self->save_label, _("Saving…"));
  else if (self->save_failed)
    gtk_label_set_text (self->save_label, _("Not saved"));
  else
    gtk_label_set_text (self->save_label, _("Saved"));
}

static void
update_undo_actions (WmEditorPage *self)
{
  gboolean editable = self->undo_stack != NULL && !self->read_only;
  gboolean can_undo = editable && wm_undo_stack_can_undo (self->undo_stack);
  gboolean can_redo = editable && wm_undo_stack_can_redo (self->undo_stack);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", can_redo);
  /* Translators: "Undo Move 3 elements" */
  undo = can_undo ? g_strdup_printf (_("Undo %s"), wm_undo_stack_get_undo_description (self->undo_stack))
                  : g_strdup (_("Undo"));
  /* Translators: "Redo Move 3 elements" */
  redo = can_redo ? g_strdup_printf (_("Redo %s"), wm_undo_stack_get_redo_description (self->undo_stack))
                  : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo);
  gtk_widget_set_tooltip_text (self->redo_button, redo);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, undo, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, redo, -1);
}

static void
update_name_label (WmEditorPage *self)
{
  const char *name = self->flow != NULL ? wm_flow_get_name (self->flow) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_label)), name ? name : "") == 0)
    return;
  self->updating_name = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_label), name ? name : "");
  self->updating_name = FALSE;
}

static void
update_header (WmEditorPage *self)
{
  g_autofree char *version = NULL;

  update_name_label (self);
  _wm_editor_lifecycle_update (self, self->launch_button, self->status_button, self->finishing_label);
  _wm_editor_runs_update (self);
  if (self->version == NULL)
    return;
  version = g_strdup_printf (_("Version %u"), wm_version_get_number (self->version));
  gtk_label_set_text (self->version_label, version);
  wm_status_badge_update (self->status_label, wm_version_get_status (self->version));
  update_save_label (self);
  update_undo_actions (self);
}

static void
update_counts (WmEditorPage *self)
{
  g_autofree char *counts = wm_format_problem_counts (self->n_errors, self->n_warnings);
  g_autofree char *label = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->validate_button), "has-errors");
  gtk_widget_remove_css_class (GTK_WIDGET (self->validate_button), "has-warnings");
  if (self->n_errors > 0)
    {
      gtk_image_set_from_icon_name (self->validate_icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->validate_button), "has-errors");
    }
  else if (self->n_warnings > 0)
    {
      gtk_image_set_from_icon_name (self->validate_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->validate_button), "has-warnings");
    }
  else
    gtk_image_set_from_icon_name (self->validate_icon, "emblem-ok-symbolic");

  gtk_label_set_text (self->validate_label, counts != NULL ? counts : _("No problems"));
  /* Translators: the Validate button's name for screen readers, "Problems: 2 errors" */
  label = g_strdup_printf (_("Problems: %s"), counts != NULL ? counts : _("none"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->validate_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Validation */

void
wm_editor_page_validate_now (WmEditorPage *self)
{
  guint number;

  g_return_if_fail (WM_IS_EDITOR_PAGE (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (self->flow == NULL)
    return;

  number = wm_version_get_number (self->version);
  self->diagnostics = wm_validate_flow (self->flow, get_lookup (self));
  self->n_errors = wm_diagnostics_count (self->diagnostics, WM_SEVERITY_ERROR, 0)
                   + wm_diagnostics_count (self->diagnostics, WM_SEVERITY_ERROR, number);
  self->n_warnings = wm_diagnostics_count (self->diagnostics, WM_SEVERITY_WARNING, 0)
                     + wm_diagnostics_count (self->diagnostics, WM_SEVERITY_WARNING, number);
  wm_canvas_set_diagnostics (self->canvas, self->diagnostics);
  wm_inspector_set_diagnostics (self->inspector, self->diagnostics);
  wm_validation_panel_set_diagnostics (self->validation_panel, self->diagnostics, self->version);
  update_counts (self);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  WmEditorPage *self = WM_EDITOR_PAGE (user_data);

  self->validate_source = 0;
  wm_editor_page_validate_now (self);
  return G_SOURCE_REMOVE;
}

/* Autosave */

gboolean
wm_editor_page_save_now (WmEditorPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), FALSE);

  if (self->save_source == 0)
    return !self->save_failed;
  g_clear_handle_id (&self->save_source, g_source_remove);

  /* Launched versions change only through the lifecycle: a read-only
   * version is never written (nothing edits it anyway). */
  if (self->flow == NULL || self->read_only)
    return TRUE;
  self->save_failed = !wm_workspace_save_version (self->workspace, self->flow,
                                                  wm_version_get_number (self->version), &error);
  if (self->save_failed)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the flow: %s"), error->message);

      wm_editor_page_add_toast (self, message);
    }
  else
    wm_undo_stack_set_clean (self->undo_stack);
  update_save_label (self);
  return !self->save_failed;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  WmEditorPage *self = WM_EDITOR_PAGE (user_data);

  /* Mark the source gone before saving: save_now then writes. */
  wm_editor_page_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
flow_changed_cb (WmEditorPage *self)
{
  update_name_label (self);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (WM_EDITOR_VALIDATE_DELAY_MS, validate_timeout_cb, self);

  /* Not pushed back by each change: typing without a pause still saves
   * within WM_EDITOR_SAVE_DELAY_MS of the first unsaved keystroke. */
  if (self->save_source == 0 && !self->read_only)
    self->save_source = g_timeout_add (WM_EDITOR_SAVE_DELAY_MS, save_timeout_cb, self);
  update_save_label (self);
}

/* Opening and closing */

static void
undo_stack_notify_cb (WmEditorPage *self)
{
  update_undo_actions (self);
}

static void
show_element (WmEditorPage *self,
              WmElement    *element)
{
  const char *locked = wm_canvas_get_locked_element (self->canvas);

  wm_inspector_set_element (self->inspector, element, self->flow, self->undo_stack, get_lookup (self));
  wm_inspector_set_diagnostics (self->inspector, self->diagnostics);
  if (element != NULL && g_strcmp0 (wm_element_get_id (element), locked) == 0)
    wm_inspector_set_locked (self->inspector,
                             _("The entry point of a running flow cannot change; stop the flow or "
                               "duplicate it to use another entry"));
}

static void
release_flow (WmEditorPage *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  wm_inspector_set_element (self->inspector, NULL, NULL, NULL, NULL);
  wm_canvas_set_version (self->canvas, NULL, NULL);
  if (self->flow != NULL)
    g_signal_handlers_disconnect_by_data (self->flow, self);
  if (self->undo_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_stack, self);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_object (&self->undo_stack);
  self->version = NULL;
  g_clear_object (&self->flow);
  self->save_failed = FALSE;
  self->n_errors = self->n_warnings = 0;
}

void
wm_editor_page_close (WmEditorPage *self)
{
  g_return_if_fail (WM_IS_EDITOR_PAGE (self));

  wm_editor_page_save_now (self);
  release_flow (self);
  wm_versions_panel_sync (self->versions_panel);
  /* A run is shown over its flow only. */
  if (self->run_id != 0)
    wm_editor_page_show_run (self, 0);
}

static void
set_read_only (WmEditorPage *self,
               gboolean      read_only)
{
  self->read_only = read_only;
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  if (read_only)
    {
      g_autofree char *status = g_utf8_strdown (wm_version_status_get_label (wm_version_get_status (self->version)), -1);
      /* Translators: "Version 2 is active. …"; the status is lower-cased. */
      g_autofree char *text = g_strdup_printf (_("Version %u is %s. Create a new version to change it."),
                                               wm_version_get_number (self->version), status);

      gtk_label_set_text (self->read_only_label, text);
    }
  /* A launched version is looked at, not touched: its elements can be
   * selected and inspected (the inspector's fields insensitive), the
   * view scrolled and zoomed, but nothing moves or connects. */
  wm_canvas_set_read_only (self->canvas, read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->palette), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->inspector), !read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_label), !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.rename", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", !read_only);
}

gboolean
wm_editor_page_open (WmEditorPage *self,
                     const char   *id,
                     GError      **error)
{
  return wm_editor_page_open_version (self, id, 0, error);
}

gboolean
wm_editor_page_open_version (WmEditorPage *self,
                             const char   *id,
                             guint         number,
                             GError      **error)
{
  g_autoptr(WmFlow) flow = NULL;
  WmVersion *version;
  WmElement *locked;

  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* Save first: reopening the flow open reads it back from the store. */
  wm_editor_page_save_now (self);
  flow = wm_workspace_get_flow (self->workspace, id, error);
  if (flow == NULL)
    return FALSE;
  version = number != 0 ? wm_flow_get_version (flow, number) : wm_flow_get_latest_version (flow);
  if (version == NULL && number != 0)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("The flow “%s” has no version %u."), id, number);
      return FALSE;
    }
  if (version == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("The flow “%s” has no version to show."), id);
      return FALSE;
    }
  wm_editor_page_close (self);

  self->flow = g_steal_pointer (&flow);
  self->version = version;
  self->undo_stack = wm_undo_stack_new (self->flow);
  g_signal_connect_swapped (self->flow, "changed", G_CALLBACK (flow_changed_cb), self);
  g_signal_connect_swapped (self->undo_stack, "notify::can-undo", G_CALLBACK (undo_stack_notify_cb), self);
  g_signal_connect_swapped (self->undo_stack, "notify::can-redo", G_CALLBACK (undo_stack_notify_cb), self);
  g_signal_connect_swapped (self->undo_stack, "notify::undo-description", G_CALLBACK (undo_stack_notify_cb), self);
  g_signal_connect_swapped (self->undo_stack, "notify::redo-description", G_CALLBACK (undo_stack_notify_cb), self);

  /* The canvas shows a milestone's, outcome's or flow's name, not its id:
   * "Coupon used" for coupon-used; read from the workspace as the flow
   * opens (not on every change of the workspace: a window being closed
   * would have the page answer the workspace's last signals half torn
   * down). Set before the version: release_flow () has emptied the
   * canvas, so no node is refreshed, and each new node is built with the
   * names once (after it, a changed table would refresh them all again). */
  {
    g_autoptr(GHashTable) names = self->workspace != NULL ? wm_workspace_get_names (self->workspace) : NULL;

    wm_canvas_set_names (self->canvas, names);
  }
  wm_canvas_set_version (self->canvas, self->version, self->undo_stack);
  /* A new version keeps the entry point of the running one. */
  locked = wm_flow_diff_locked_entry (self->version);
  wm_canvas_set_locked_element (self->canvas, locked != NULL ? wm_element_get_id (locked) : NULL);
  show_element (self, NULL);
  set_read_only (self, wm_version_get_status (self->version) != WM_VERSION_DRAFT);
  update_header (self);
  wm_editor_page_validate_now (self);
  wm_canvas_show_start (self->canvas);
  wm_versions_panel_sync (self->versions_panel);
  _wm_editor_metrics_update (self);
  return TRUE;
}

/* Canvas, palette, panel */

static void
canvas_selection_changed_cb (WmEditorPage *self)
{
  g_auto(GStrv) ids = wm_canvas_get_selected_ids (self->canvas);
  WmElement *element = NULL;

  if (self->version != NULL && ids != NULL && ids[0] != NULL && ids[1] == NULL)
    element = wm_version_find_element (self->version, ids[0]);
  if (element != wm_inspector_get_element (self->inspector))
    show_element (self, element);
}

static void
canvas_element_activated_cb (WmEditorPage *self,
                             WmElement    *element)
{
  if (element != wm_inspector_get_element (self->inspector))
    show_element (self, element);
  wm_inspector_focus_field (self->inspector, "name");
}

/* The first output port of @element with no connection leaving it. */
static char *
first_free_port (WmVersion *version,
                 WmElement *element)
{
  g_auto(GStrv) ports = wm_element_list_ports (element);

  for (guint i = 0; ports != NULL && ports[i] != NULL; i++)
    if (wm_version_find_connection (version, wm_element_get_id (element), ports[i]) == NULL)
      return g_strdup (ports[i]);
  return NULL;
}

/* Whether an element's top-left corner is within a node's footprint of
 * @x, @y, so that a node put there would cover it. */
static gboolean
spot_taken (WmVersion *version,
            double     x,
            double     y)
{
  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    {
      double ex, ey;

      if (wm_element_get_position (wm_version_get_element_at (version, i), &ex, &ey)
          && fabs (ex - x) < WM_EDITOR_CHAIN_STEP_X - 2 * WM_CANVAS_GRID
          && fabs (ey - y) < WM_EDITOR_CHAIN_STEP_Y)
        return TRUE;
    }
  return FALSE;
}

static void
palette_type_activated_cb (WmEditorPage *self,
                           const char   *type)
{
  double x, y, w, h;
  g_auto(GStrv) selected = NULL;
  g_autofree char *from = NULL;
  g_autofree char *port = NULL;
  WmElement *element;
  GtkWidget *node;

  if (self->version == NULL || self->read_only || wm_catalogue_lookup (type) == NULL)
    return;

  /* With one element selected that has a free output port, the new one
   * goes to its right and that port is connected to it, as one undo
   * step; the new element is selected, so activating again builds a
   * chain. */
  selected = wm_canvas_get_selected_ids (self->canvas);
  if (selected != NULL && selected[0] != NULL && selected[1] == NULL)
    {
      WmElement *source = wm_version_find_element (self->version, selected[0]);

      if (source != NULL && (port = first_free_port (self->version, source)) != NULL)
        from = g_strdup (selected[0]);
    }

  if (from != NULL)
    {
      g_autoptr(WmCommand) connect = NULL;

      wm_element_get_position (wm_version_find_element (self->version, from), &x, &y);
      x += WM_EDITOR_CHAIN_STEP_X;
      while (spot_taken (self->version, x, y))
        y += WM_EDITOR_CHAIN_STEP_Y;
      wm_undo_stack_begin_group (self->undo_stack, NULL);
      element = wm_canvas_add_element (self->canvas, type, x, y);
      if (element == NULL)
        {
          wm_undo_stack_cancel_group (self->undo_stack);
          return;
        }
      connect = wm_command_connect_new (wm_version_get_number (self->version), from, port,
                                        wm_element_get_id (element));
      if (!wm_undo_stack_push (self->undo_stack, connect))
        {
          wm_undo_stack_cancel_group (self->undo_stack);
          return;
        }
      wm_undo_stack_end_group (self->undo_stack);
    }
  else
    {
      /* Below what is there, so a flow built from the palette reads top
       * to bottom; an empty flow starts near the top left of the view. */
      if (wm_canvas_get_content_area (self->canvas, &x, &y, &w, &h))
        y += h + 3 * WM_CANVAS_GRID;
      else
        {
          wm_canvas_get_visible_area (self->canvas, &x, &y, &w, &h);
          x += 4 * WM_CANVAS_GRID;
          y += 4 * WM_CANVAS_GRID;
        }
      element = wm_canvas_add_element (self->canvas, type, x, y);
    }
  if (element == NULL)
    return;
  wm_canvas_scroll_to_element (self->canvas, element);
  node = wm_canvas_get_node (self->canvas, element);
  if (node != NULL)
    gtk_widget_grab_focus (node);
}

static void
open_settings (WmEditorPage *self)
{
  WmFlowSettings *settings;

  if (self->flow == NULL)
    return;
  settings = wm_flow_settings_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->flow, wm_version_get_number (self->version),
                                   self->undo_stack);
  if (self->read_only)
    gtk_widget_set_sensitive (adw_window_get_content (ADW_WINDOW (settings)), FALSE);
  gtk_window_present (GTK_WINDOW (settings));
}

static void
validation_panel_diagnostic_activated_cb (WmEditorPage *self,
                                          WmDiagnostic *diagnostic)
{
  if (self->version == NULL)
    return;
  if (diagnostic->element != NULL)
    {
      const char *ids[] = { diagnostic->element, NULL };
      WmElement *element = wm_version_find_element (self->version, diagnostic->element);

      if (element == NULL)
        return;
      wm_canvas_set_selection (self->canvas, ids);
      wm_canvas_scroll_to_element (self->canvas, element);
      if (element != wm_inspector_get_element (self->inspector))
        show_element (self, element);
      if (diagnostic->field == NULL || !wm_inspector_focus_field (self->inspector, diagnostic->field))
        wm_inspector_focus_field (self->inspector, "name");
    }
  else if (diagnostic->version == 0 && g_strcmp0 (diagnostic->field, "name") == 0)
    gtk_editable_label_start_editing (self->name_label);
  else
    /* The version's settings, the flow's time zone and schedule. */
    open_settings (self);
}

void
wm_editor_page_show_diagnostic (WmEditorPage *self,
                                WmDiagnostic *diagnostic)
{
  g_return_if_fail (WM_IS_EDITOR_PAGE (self));
  g_return_if_fail (diagnostic != NULL);

  validation_panel_diagnostic_activated_cb (self, diagnostic);
}

static void
validate_button_toggled_cb (WmEditorPage *self)
{
  gboolean show = gtk_toggle_button_get_active (self->validate_button);

  if (show)
    wm_editor_page_validate_now (self);
  gtk_revealer_set_reveal_child (self->panel_revealer, show);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->validate_button),
                               show ? _("Hide Problems") : _("Show Problems"));
}

static void
name_label_text_changed_cb (WmEditorPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_label));
  g_autoptr(WmCommand) command = NULL;

  if (self->updating_name || self->flow == NULL || self->read_only)
    return;
  if (g_strcmp0 (text, wm_flow_get_name (self->flow) ? wm_flow_get_name (self->flow) : "") == 0)
    return;
  command = wm_command_rename_flow_new (text);
  wm_undo_stack_push (self->undo_stack, command);
}

/* Actions */

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  wm_editor_page_close (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  if (self->undo_stack != NULL && !self->read_only)
    wm_undo_stack_undo (self->undo_stack);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  if (self->undo_stack != NULL && !self->read_only)
    wm_undo_stack_redo (self->undo_stack);
}

static void
validate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  gtk_toggle_button_set_active (self->validate_button,
                                !gtk_toggle_button_get_active (self->validate_button));
  if (gtk_toggle_button_get_active (self->validate_button))
    gtk_widget_grab_focus (wm_validation_panel_get_list (self->validation_panel));
}

static void
settings_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_settings (WM_EDITOR_PAGE (widget));
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  if (!self->read_only)
    gtk_editable_label_start_editing (self->name_label);
}

static void
search_palette_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  gtk_widget_child_focus (GTK_WIDGET (self->palette), GTK_DIR_TAB_FORWARD);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->flow == NULL || !wm_editor_page_save_now (self))
    return;
  id = wm_workspace_duplicate (self->workspace, wm_flow_get_id (self->flow),
                               wm_version_get_number (self->version),
                               g_get_real_time () / G_USEC_PER_SEC, &error);
  if (id == NULL || !wm_editor_page_open (self, id, &error))
    {
      wm_editor_page_add_toast (self, error->message);
      return;
    }
  wm_editor_page_add_toast (self, _("This is the copy"));
}

static void
save_template_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *name;

  if (self->flow == NULL || !wm_editor_page_save_now (self))
    return;
  name = wm_flow_get_name (self->flow);
  id = wm_workspace_save_template (self->workspace, wm_flow_get_id (self->flow),
                                   wm_version_get_number (self->version),
                                   name != NULL ? name : _("Untitled flow"), &error);
  wm_editor_page_add_toast (self, id != NULL ? _("Saved as a template") : error->message);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    WmEditorPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (response == GTK_RESPONSE_ACCEPT && self->flow != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      data = wm_workspace_export_flow (self->workspace, wm_flow_get_id (self->flow), &length, &error);
      if (data == NULL
          || !g_file_replace_contents (file, data, length, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        wm_editor_page_add_toast (self, error->message);
      else
        wm_editor_page_add_toast (self, _("Flow exported"));
    }
  g_object_unref (chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *file_name = NULL;

  if (self->flow == NULL || !wm_editor_page_save_now (self))
    return;
  chooser = gtk_file_chooser_native_new (_("Export Flow"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  /* The suffix the import chooser and a drop on the window look for. */
  file_name = g_strconcat (wm_flow_get_id (self->flow), ".waymark.json", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, _("Flow files"));
  gtk_file_filter_add_pattern (filter, "*.waymark.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WmEditorPage     *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->flow == NULL)
    return;
  id = g_strdup (wm_flow_get_id (self->flow));
  /* Nothing left to save: the flow goes. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!wm_workspace_delete_flow (self->workspace, id, &error))
    {
      wm_editor_page_add_toast (self, error->message);
      return;
    }
  release_flow (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  GtkWidget *dialog;

  if (self->flow == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete Draft?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be deleted. This cannot be undone."),
                                  wm_flow_get_name (self->flow) ? wm_flow_get_name (self->flow) : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The versions panel takes the inspector's place while shown. */
static void
versions_button_toggled_cb (WmEditorPage *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->versions_button);

  gtk_stack_set_visible_child (self->sidebar_stack,
                               shown ? GTK_WIDGET (self->versions_panel) : GTK_WIDGET (self->inspector));
  if (!shown)
    wm_versions_panel_stop_comparing (self->versions_panel);
}

/* Accessors */


void
wm_editor_page_set_workspace (WmEditorPage *self,
                              WmWorkspace  *workspace)
{
  g_return_if_fail (WM_IS_EDITOR_PAGE (self));

  if (self->workspace == workspace)
    return;
  wm_editor_page_close (self);
  g_set_object (&self->workspace, workspace);
  wm_versions_panel_sync (self->versions_panel);
}

WmWorkspace *
wm_editor_page_get_workspace (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->workspace;
}

WmFlow *
wm_editor_page_get_flow (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->flow;
}

WmVersion *
wm_editor_page_get_version (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->version;
}

WmUndoStack *
wm_editor_page_get_undo_stack (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->undo_stack;
}

gboolean
wm_editor_page_is_read_only (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), FALSE);
  return self->read_only;
}

gboolean
wm_editor_page_is_saved (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), FALSE);
  return self->save_source == 0 && !self->save_failed;
}

guint
wm_editor_page_get_n_errors (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), 0);
  return self->n_errors;
}

guint
wm_editor_page_get_n_warnings (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), 0);
  return self->n_warnings;
}

WmCanvas *
wm_editor_page_get_canvas (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->canvas;
}

WmPalette *
wm_editor_page_get_palette (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->palette;
}

WmInspector *
wm_editor_page_get_inspector (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->inspector;
}

WmValidationPanel *
wm_editor_page_get_validation_panel (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), NULL);
  return self->validation_panel;
}

gboolean
wm_editor_page_get_panel_visible (WmEditorPage *self)
{
  g_return_val_if_fail (WM_IS_EDITOR_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->panel_revealer);
}

static void
wm_editor_page_dispose (GObject *object)
{
  WmEditorPage *self = WM_EDITOR_PAGE (object);
  GtkWidget *child;

  /* Closing the window saves what is pending. */
  if (self->flow != NULL)
    wm_editor_page_close (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_EDITOR_PAGE);
  /* The template's top box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_editor_page_parent_class)->dispose (object);
}

static void
wm_editor_page_class_init (WmEditorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_editor_page_dispose;

  /**
   * WmEditorPage::closed:
   *
   * The page let go of its flow: Back, or the flow was deleted.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * WmEditorPage::run-shown:
   * @run_id: the run whose figures are shown, or 0 for none
   *
   * wm_editor_page_show_run() chose a run, or the flow was closed.
   */
  signals[RUN_SHOWN] =
    g_signal_new ("run-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (WM_TYPE_CANVAS);
  g_type_ensure (WM_TYPE_MINIMAP);
  g_type_ensure (WM_TYPE_PALETTE);
  g_type_ensure (WM_TYPE_INSPECTOR);
  g_type_ensure (WM_TYPE_VALIDATION_PANEL);
  g_type_ensure (WM_TYPE_VERSIONS_PANEL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-editor-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, version_label);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, finishing_label);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, launch_button);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, runs_button);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, save_label);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, validate_button);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, validate_icon);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, validate_label);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, palette);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, minimap);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, validation_panel);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, inspector);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, versions_button);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, WmEditorPage, versions_panel);
  gtk_widget_class_bind_template_callback (widget_class, versions_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_element_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, validation_panel_diagnostic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_label_text_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "editor.validate", NULL, validate_activated);
  gtk_widget_class_install_action (widget_class, "editor.settings", NULL, settings_activated);
  gtk_widget_class_install_action (widget_class, "editor.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "editor.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "editor.save-template", NULL, save_template_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.search-palette", NULL, search_palette_activated);

  _wm_editor_lifecycle_class_init (widget_class);
  _wm_editor_runs_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "editor.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.search-palette", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "editor.settings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "editor.back", NULL);
}

static void
wm_editor_page_init (WmEditorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wm_pages_ensure_css ();
  wm_minimap_set_canvas (self->minimap, self->canvas);
  wm_versions_panel_set_page (self->versions_panel, self);
  _wm_editor_runs_init (self, GTK_MENU_BUTTON (self->runs_button));
  g_signal_connect_object (self->palette, "type-activated",
                           G_CALLBACK (palette_type_activated_cb), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  update_counts (self);
  update_save_label (self);
  _wm_editor_lifecycle_update (self, self->launch_button, self->status_button, self->finishing_label);
  _wm_editor_metrics_init (self, self->header_bar, self->content_box, GTK_WIDGET (self->read_only_revealer));
}
