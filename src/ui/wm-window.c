/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-run-dialog.h"
#include "wm-runs-dialog.h"
#include "wm-timeline-page.h"
#include "wm-window.h"

/* The schema id is the same for the regular and the development profile:
 * both are one app to the user, and the keys hold nothing profile-specific. */
#define WM_SETTINGS_SCHEMA_ID "io.github.waymark.Waymark"

struct _WmWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  /* Template children */
  GtkStack      *stack;
  WmFlowsPage   *flows_page;
  WmJourneysPage *journeys_page;
  WmJourneyEditor *journey_editor;
  WmEditorPage  *editor_page;
  WmRunPage     *run_page;

  /* The page to go back to from the run page. */
  char          *before_run;
  WmTimelinePage *timeline_page;

  /* The page the timeline was opened from, to go back to. */
  char          *before_timeline;

  /* Closing was asked once while the journey could not be saved. */
  gboolean       close_unsaved;
};

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

WmWindow *
wm_window_new (WmApplication *application)
{
  g_return_val_if_fail (WM_IS_APPLICATION (application), NULL);

  return g_object_new (WM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

WmFlowsPage *
wm_window_get_flows_page (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->flows_page;
}

WmEditorPage *
wm_window_get_editor_page (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->editor_page;
}

gboolean
wm_window_open_flow (WmWindow    *self,
                     const char  *id,
                     GError     **error)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!wm_editor_page_open (self->editor_page, id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "editor");
  gtk_widget_grab_focus (GTK_WIDGET (wm_editor_page_get_canvas (self->editor_page)));
  return TRUE;
}

WmRunPage *
wm_window_get_run_page (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->run_page;
}

gboolean
wm_window_show_run (WmWindow  *self,
                    gint64     id,
                    GError   **error)
{
  const char *shown;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  if (!wm_run_page_show_run (self->run_page, id, error))
    return FALSE;
  shown = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (shown, "run") != 0)
    {
      g_free (self->before_run);
      self->before_run = g_strdup (shown);
    }
  gtk_stack_set_visible_child_name (self->stack, "run");
  gtk_widget_grab_focus (GTK_WIDGET (self->run_page));
  return TRUE;
}

static void
run_page_back_cb (WmWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->before_run != NULL ? self->before_run : "flows");
}

static void
show_run_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (!wm_window_show_run (self, g_variant_get_int64 (parameter), &error))
    wm_flows_page_add_toast (self->flows_page, error->message);
}

static void
show_runs_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  WmWorkspace *workspace = wm_flows_page_get_workspace (self->flows_page);

  if (workspace != NULL)
    gtk_window_present (GTK_WINDOW (wm_runs_dialog_new (GTK_WINDOW (self), workspace)));
}

void
wm_window_show_flows (WmWindow *self)
{
  g_return_if_fail (WM_IS_WINDOW (self));

  wm_editor_page_close (self->editor_page);
  /* A journey that could not be saved stays in view, with its toast. */
  if (!wm_journey_editor_close (self->journey_editor))
    return;
  gtk_stack_set_visible_child_name (self->stack, "flows");
}

WmJourneysPage *
wm_window_get_journeys_page (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->journeys_page;
}

void
wm_window_show_journeys (WmWindow *self)
{
  g_return_if_fail (WM_IS_WINDOW (self));

  wm_editor_page_close (self->editor_page);
  if (!wm_journey_editor_close (self->journey_editor))
    return;
  gtk_stack_set_visible_child_name (self->stack, "journeys");
}

/* win.show-page: the state follows the stack, so the Flows | Journeys
 * toggles show the list in view, and stays on the last list while an
 * editor, a run or a timeline is shown. */
static void
show_page_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  if (g_str_equal (g_variant_get_string (parameter, NULL), "journeys"))
    wm_window_show_journeys (self);
  else
    wm_window_show_flows (self);
}

static void
stack_visible_child_cb (WmWindow *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-page");

  if (action != NULL && (g_strcmp0 (shown, "flows") == 0 || g_strcmp0 (shown, "journeys") == 0))
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (shown));
}

WmJourneyEditor *
wm_window_get_journey_editor (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  return self->journey_editor;
}

gboolean
wm_window_open_journey (WmWindow    *self,
                        const char  *id,
                        GError     **error)
{
  WmWorkspace *workspace;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  workspace = wm_flows_page_get_workspace (self->flows_page);
  if (workspace == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("No workspace is open"));
      return FALSE;
    }
  if (!wm_journey_editor_open (self->journey_editor, workspace, id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "journey");
  gtk_widget_grab_focus (GTK_WIDGET (self->journey_editor));
  return TRUE;
}

static void
journey_editor_closed_cb (WmWindow *self)
{
  wm_window_show_journeys (self);
}

/* win.simulate-journey ("s": a journey id): the run dialog for the
 * journey (jrun's wm_run_dialog_new_for_journey); a stored run is shown
 * on the performance page. */
static void
journey_run_stored_cb (WmWindow *self,
                       gint64    id)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-run", g_variant_new_int64 (id));
}

static void
simulate_journey_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  WmWorkspace *workspace = wm_flows_page_get_workspace (self->flows_page);
  GtkWidget *dialog;

  if (workspace == NULL)
    return;
  dialog = wm_run_dialog_new_for_journey (GTK_WINDOW (self), workspace, g_variant_get_string (parameter, NULL));
  g_signal_connect_object (dialog, "run-stored", G_CALLBACK (journey_run_stored_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
journeys_page_journey_activated_cb (WmWindow   *self,
                                    const char *id)
{
  g_autoptr(GError) error = NULL;

  if (!wm_window_open_journey (self, id, &error))
    wm_journeys_page_add_toast (self->journeys_page, error->message);
}

static void
flows_page_flow_activated_cb (WmWindow   *self,
                              const char *id)
{
  g_autoptr(GError) error = NULL;

  if (!wm_window_open_flow (self, id, &error))
    wm_flows_page_add_toast (self->flows_page, error->message);
}

static void
editor_page_closed_cb (WmWindow *self)
{
  wm_window_show_flows (self);
}

/* win.show-timeline (x: a run id): the customer timeline of that run. */
static void
show_timeline_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  WmWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (!wm_timeline_page_show_run (self->timeline_page, g_variant_get_int64 (parameter), &error))
    {
      if (g_strcmp0 (current, "editor") == 0)
        wm_editor_page_add_toast (self->editor_page, error->message);
      else
        wm_flows_page_add_toast (self->flows_page, error->message);
      return;
    }
  if (g_strcmp0 (current, "timeline") != 0)
    {
      g_free (self->before_timeline);
      self->before_timeline = g_strdup (current);
    }
  gtk_stack_set_visible_child_name (self->stack, "timeline");
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline_page));
}

/* win.show-customer ((xs): a run id, a profile id): that customer's
 * timeline in that run, e.g. from a journey's stuck customers. */
static void
show_customer_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  WmWindow *self = user_data;
  g_autoptr(GVariant) run = g_variant_get_child_value (parameter, 0);
  g_autoptr(GError) error = NULL;
  const char *profile_id = NULL;

  g_variant_get_child (parameter, 1, "&s", &profile_id);
  show_timeline_activated_cb (action, run, self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "timeline") != 0
      || wm_timeline_page_get_run_id (self->timeline_page) != g_variant_get_int64 (run))
    return;   /* the run could not be shown: its toast says why */
  if (!wm_timeline_page_find_customer (self->timeline_page, profile_id, &error))
    wm_timeline_page_add_toast (self->timeline_page, error->message);
}

static void
timeline_page_closed_cb (WmWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    self->before_timeline != NULL ? self->before_timeline : "flows");
}

/* "Show in flow": the version the customer went through (not the latest:
 * its elements may differ) in the editor, with the customer's path lit. */
static void
timeline_page_show_in_flow_cb (WmWindow   *self,
                               const char *flow_id,
                               guint       version,
                               GStrv       element_ids,
                               GStrv       port_keys)
{
  g_autoptr(GError) error = NULL;
  WmCanvas *canvas;

  if (!wm_editor_page_open_version (self->editor_page, flow_id, version, &error))
    {
      wm_timeline_page_add_toast (self->timeline_page, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "editor");
  gtk_widget_grab_focus (GTK_WIDGET (wm_editor_page_get_canvas (self->editor_page)));
  canvas = wm_editor_page_get_canvas (self->editor_page);
  wm_canvas_set_highlighted_path (canvas, (const char * const *) element_ids,
                                  (const char * const *) port_keys);
}

static void
restore_window_state (WmWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "is-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (WmWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* A maximized window's size is the screen's: keep the size it had
   * before, so unmaximizing after a restart gives it back. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "is-maximized", maximized);
}

static gboolean
wm_window_close_request (GtkWindow *window)
{
  WmWindow *self = WM_WINDOW (window);

  /* What the editor has not written yet goes to the workspace now. */
  wm_editor_page_close (self->editor_page);
  /* A journey that cannot be saved keeps the window open once, with the
   * reason in a toast; closing again closes without it. */
  if (!wm_journey_editor_close (self->journey_editor) && !self->close_unsaved)
    {
      self->close_unsaved = TRUE;
      wm_journey_editor_add_toast (self->journey_editor,
                                   _("The journey is not saved; close again to close without it"));
      return TRUE;
    }
  save_window_state (self);

  return GTK_WINDOW_CLASS (wm_window_parent_class)->close_request (window);
}

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->before_run, g_free);
  g_clear_pointer (&self->before_timeline, g_free);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

static void
application_changed_cb (WmWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* The application opened the workspace at startup (or says why it
   * could not); the pages work on it. GtkWindow:application is set after
   * construction, hence the notify. */
  if (WM_IS_APPLICATION (app))
    {
      WmWorkspace *workspace = wm_application_get_workspace (WM_APPLICATION (app));

      wm_flows_page_set_workspace (self->flows_page, workspace);
      wm_journeys_page_set_workspace (self->journeys_page, workspace);
      wm_editor_page_set_workspace (self->editor_page, workspace);
      wm_run_page_set_workspace (self->run_page, workspace);
      wm_timeline_page_set_workspace (self->timeline_page, workspace);
    }
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_window_dispose;
  window_class->close_request = wm_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, flows_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, editor_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, timeline_page);
  gtk_widget_class_bind_template_callback (widget_class, flows_page_flow_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, journeys_page);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, journeys_page_journey_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, journey_editor);
  gtk_widget_class_bind_template_callback (widget_class, journey_editor_closed_cb);
  g_type_ensure (WM_TYPE_JOURNEY_EDITOR);
  g_type_ensure (WM_TYPE_JOURNEYS_PAGE);
  gtk_widget_class_bind_template_callback (widget_class, editor_page_closed_cb);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, run_page);
  gtk_widget_class_bind_template_callback (widget_class, run_page_back_cb);
  g_type_ensure (WM_TYPE_FLOWS_PAGE);
  g_type_ensure (WM_TYPE_EDITOR_PAGE);
  g_type_ensure (WM_TYPE_RUN_PAGE);
  gtk_widget_class_bind_template_callback (widget_class, timeline_page_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, timeline_page_show_in_flow_cb);
  g_type_ensure (WM_TYPE_TIMELINE_PAGE);
}

static void
wm_window_init (WmWindow *self)
{
  static const GActionEntry run_actions[] = {
    { "show-run", show_run_activated_cb, "x" },
    { "show-runs", show_runs_activated_cb },
    { "show-timeline", show_timeline_activated_cb, "x" },
    { "show-customer", show_customer_activated_cb, "(xs)" },
    { "show-page", show_page_activated_cb, "s", "'flows'" },
    { "simulate-journey", simulate_journey_activated_cb, "s" },
  };
  static const char * const pages[] = { "flows", "journeys" };
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), run_actions, G_N_ELEMENTS (run_actions), self);

  /* Alt+1 / Alt+2 switch between the lists from anywhere in the window,
   * as in other GNOME apps with a view switcher. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                                                gtk_named_action_new ("win.show-page"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (pages[i]));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  _wm_window_actions_init (self);
  _wm_window_results_init (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  self->settings = g_settings_new (WM_SETTINGS_SCHEMA_ID);
  restore_window_state (self);
}
