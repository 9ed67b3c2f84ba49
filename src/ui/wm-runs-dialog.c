/* wm-runs-dialog.c - the simulation runs stored in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code: a header bar and a list, or a status page when there is
 * no run yet. Escape closes it, as every dialog of the app.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-runs.h"
#include "wm-runs-dialog.h"

struct _WmRunsDialog
{
  AdwWindow    parent_instance;

  GtkWidget   *list;
};

G_DEFINE_FINAL_TYPE (WmRunsDialog, wm_runs_dialog, ADW_TYPE_WINDOW)

static char *
describe_run (const WmRun *run)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (run->ran_at);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *when = g_date_time_format (local, "%e %B %Y %H:%M");
  guint n_flows = run->flows->len;

  g_autofree char *flows = NULL;

  /* Translators: under a run's name: when it ran and how many flows took part */
  flows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u flow", "%s · %u flows", n_flows),
                           g_strstrip (when), n_flows);
  if (run->origin == NULL)
    return g_steal_pointer (&flows);
  /* Translators: a run's line as above, then where its results came from */
  return g_strdup_printf (_("%s · %s"), flows, run->origin);
}

static void
list_row_activated_cb (WmRunsDialog  *self,
                       GtkListBoxRow *row)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "wm-run-id");

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-run", "x", id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill (WmRunsDialog *self,
      WmWorkspace  *workspace,
      GtkWidget    *stack)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = wm_workspace_list_runs (workspace, &error);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      WmRun *run = runs->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_run (run);
      gint64 *id = g_new (gint64, 1);

      *id = run->id;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), run->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "wm-run-id", id, g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }

  if (runs == NULL)
    {
      GtkWidget *status = gtk_stack_get_child_by_name (GTK_STACK (stack), "empty");

      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Could Not Read the Runs"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (stack),
                                    runs != NULL && runs->len > 0 ? "list" : "empty");
}

static void
wm_runs_dialog_class_init (WmRunsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_runs_dialog_init (WmRunsDialog *self)
{
}

WmRunsDialog *
wm_runs_dialog_new (GtkWindow   *parent,
                    WmWorkspace *workspace)
{
  WmRunsDialog *self;
  GtkWidget *box, *header, *stack, *scroller, *clamp, *empty;

  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (WM_TYPE_RUNS_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", _("Simulation Runs"),
                       "default-width", 560,
                       "default-height", 520,
                       NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  stack = gtk_stack_new ();
  gtk_widget_set_vexpand (stack, TRUE);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_valign (self->list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Simulation runs, newest first"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (list_row_activated_cb), self);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), self->list);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (stack), scroller, "list");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "media-playback-start-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Simulation Runs"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Simulate a flow from the editor to see here what it would do to your customers."));
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), stack);
  adw_window_set_content (ADW_WINDOW (self), box);
  fill (self, workspace, stack);
  return self;
}

GtkListBox *
wm_runs_dialog_get_list (WmRunsDialog *self)
{
  g_return_val_if_fail (WM_IS_RUNS_DIALOG (self), NULL);
  return GTK_LIST_BOX (self->list);
}
