/* wm-editor-runs.c - the editor's simulation runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The runs list is filled when its popover opens, not on every edit: only
 * then does "the flow has changed since" need asking.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-editor-runs.h"
#include "wm-run-dialog.h"
#include "wm-runs.h"
#include "wm-runs-list.h"

static void
run_stored_cb (WmEditorPage *self,
               gint64        id)
{
  g_autoptr(WmRun) run = wm_workspace_get_run (wm_editor_page_get_workspace (self), id, NULL);
  g_autofree char *title = NULL;
  AdwToast *toast;

  wm_editor_page_show_run (self, id);
  /* Translators: a toast after a simulation, with the run's name */
  title = g_strdup_printf (_("Simulation stored: %s"), run != NULL ? run->name : "");
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open Report"));
  adw_toast_set_action_name (toast, "win.show-run");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_timeout (toast, 10);
  wm_editor_page_show_toast (self, toast);
}

static void
run_simulation_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  WmFlow *flow = wm_editor_page_get_flow (self);
  WmVersion *version = wm_editor_page_get_version (self);
  GtkWidget *dialog;

  /* The run simulates what the workspace holds: what is on the canvas. */
  if (flow == NULL || version == NULL || !wm_editor_page_save_now (self))
    return;
  dialog = wm_run_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), wm_editor_page_get_workspace (self),
                              wm_flow_get_id (flow), wm_version_get_number (version));
  g_signal_connect_object (dialog, "run-stored", G_CALLBACK (run_stored_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
popover_show_cb (GtkPopover *popover,
                 WmRunsList *list)
{
  WmEditorPage *self = WM_EDITOR_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (popover), WM_TYPE_EDITOR_PAGE));
  WmFlow *flow = self != NULL ? wm_editor_page_get_flow (self) : NULL;

  wm_runs_list_set_flow (list, self != NULL ? wm_editor_page_get_workspace (self) : NULL,
                         flow != NULL ? wm_flow_get_id (flow) : NULL);
}

static void
run_activated_cb (WmRunsList *list,
                  gint64      id,
                  GtkPopover *popover)
{
  WmEditorPage *self = WM_EDITOR_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (popover), WM_TYPE_EDITOR_PAGE));

  gtk_popover_popdown (popover);
  if (self != NULL)
    wm_editor_page_show_run (self, id);
}

void
_wm_editor_runs_init (WmEditorPage  *self,
                      GtkMenuButton *runs_button)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = wm_runs_list_new ();

  gtk_widget_set_margin_top (list, 6);
  gtk_widget_set_margin_bottom (list, 6);
  gtk_widget_set_margin_start (list, 6);
  gtk_widget_set_margin_end (list, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_menu_button_set_popover (runs_button, popover);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), list);
  g_signal_connect (list, "run-activated", G_CALLBACK (run_activated_cb), popover);
}

void
_wm_editor_runs_update (WmEditorPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.run-simulation",
                                 wm_editor_page_get_flow (self) != NULL);
}

void
_wm_editor_runs_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.run-simulation", NULL, run_simulation_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "editor.run-simulation", NULL);
}
