/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The launch dialog and the editor's status actions on a real workspace
 * (the sample: Welcome message a valid draft, Cart abandonment version 2
 * active with version 1 finishing, Appointment reminder scheduled). What
 * is asserted is read back from the workspace and from the widgets shown.
 * With WAYMARK_SCREENSHOT_DIR set, the dialog is saved there as
 * launch-valid.png and launch-invalid.png, the editor right after a
 * launch as launch-launched.png and that of a running flow as
 * launch-status-header.png.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-editor-page.h"
#include "wm-flow-info.h"
#include "wm-launch-dialog.h"
#include "wm-launch-summary.h"
#include "wm-time.h"
#include "wm-ui-types.h"
#include "wm-workspace.h"
#include "ui-harness.h"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->workspace = temp_workspace_new ("waymark-launch-XXXXXX", TRUE, &f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  temp_workspace_remove (&f->workspace, &f->dir, &f->path);
}

/* The status of version @number (0: the latest) as stored. */
static WmVersionStatus
stored_status (Fixture    *f,
               const char *name,
               guint       number)
{
  g_autofree char *id = find_flow_id (f->workspace, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->workspace, id, &error);

  g_assert_no_error (error);
  return wm_version_get_status (number == 0 ? wm_flow_get_latest_version (flow)
                                            : wm_flow_get_version (flow, number));
}

static gboolean
is_menu_button_labelled (GtkWidget     *widget,
                         gconstpointer  label)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

static gboolean
is_badge (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "status-badge")
         && gtk_widget_get_visible (widget)
         && (data == NULL || g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data));
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_error_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && g_object_get_data (G_OBJECT (widget), "wm-diagnostic") != NULL;
}

/* The first toplevel of @type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static WmEditorPage *
open_editor (Fixture     *f,
             const char  *name,
             GtkWindow  **window_out)
{
  GtkWidget *page = wm_editor_page_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autofree char *id = find_flow_id (f->workspace, name);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (window, 1200, 760);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  wm_editor_page_set_workspace (WM_EDITOR_PAGE (page), f->workspace);
  g_assert_true (wm_editor_page_open (WM_EDITOR_PAGE (page), id, &error));
  g_assert_no_error (error);
  spin (100);
  *window_out = window;
  return WM_EDITOR_PAGE (page);
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

/* Opens the launch dialog the way a person does: the header's button. */
static WmLaunchDialog *
open_dialog (WmEditorPage *page)
{
  GtkWidget *button = find_widget (GTK_WIDGET (page), is_button_for_action, "editor.launch");
  GtkWidget *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin (200);
  dialog = find_toplevel (WM_TYPE_LAUNCH_DIALOG);
  g_assert_nonnull (dialog);
  return WM_LAUNCH_DIALOG (dialog);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  spin (300);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_valid_flow_launches_now (Fixture       *f,
                              gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmLaunchDialog *dialog;
  GtkWidget *launch, *row;

  g_assert_cmpint (stored_status (f, "Welcome message", 0), ==, WM_VERSION_DRAFT);
  /* A draft has nothing to pause or stop. */
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), is_menu_button_labelled, "_Status")));

  dialog = open_dialog (page);
  g_assert_cmpuint (wm_launch_dialog_get_n_errors (dialog), ==, 0);
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Who enters");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "People who trigger SignedUp");
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "How often");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Only once: nobody enters twice");
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "E-mail");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Up to 1 message per entry");
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Estimated cost");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Up to 0.8 per 1,000 entries at default prices");
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Starts");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Now");

  launch = find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Launch Now");
  g_assert_true (gtk_widget_is_sensitive (launch));
  g_signal_emit_by_name (launch, "clicked");
  spin (200);

  /* The dialog closed; the store and the header say active. */
  g_assert_null (find_toplevel (WM_TYPE_LAUNCH_DIALOG));
  g_assert_cmpint (stored_status (f, "Welcome message", 0), ==, WM_VERSION_ACTIVE);
  g_assert_cmpint (wm_version_get_status (wm_editor_page_get_version (page)), ==, WM_VERSION_ACTIVE);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_badge, "Active"));
  g_assert_true (wm_editor_page_is_read_only (page));
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), is_button_for_action, "editor.launch")));
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), is_menu_button_labelled, "_Status")));
  save_screenshot (GTK_WIDGET (window), "launch-launched.png");

  destroy_window (window);
}

static void
test_invalid_flow_lists_errors (Fixture       *f,
                                gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmLaunchDialog *dialog;
  WmElement *sms;
  GtkWidget *row;
  g_auto(GStrv) selected = NULL;

  /* An SMS without sender and text: two errors. */
  g_signal_emit_by_name (wm_editor_page_get_palette (page), "type-activated", "send.sms");
  sms = wm_version_get_element_at (wm_editor_page_get_version (page),
                                   wm_version_get_n_elements (wm_editor_page_get_version (page)) - 1);
  spin (100);

  dialog = open_dialog (page);
  g_assert_cmpuint (wm_launch_dialog_get_n_errors (dialog), ==, 2);
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Launch Now")));
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "S_chedule")));
  g_assert_false (gtk_widget_is_visible (find_widget (GTK_WIDGET (dialog), is_row_titled, "Who enters")));
  row = find_widget (GTK_WIDGET (dialog), is_error_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, wm_element_get_display_name (sms));
  save_screenshot (GTK_WIDGET (dialog), "launch-invalid.png");

  /* Launching anyway (a keyboard shortcut, a stale click) is refused with
   * a message, and nothing changes. */
  g_assert_false (wm_launch_dialog_launch_now (dialog));
  g_assert_nonnull (wm_launch_dialog_get_message (dialog));
  g_assert_cmpint (stored_status (f, "Welcome message", 0), ==, WM_VERSION_DRAFT);

  /* An error is a link: the SMS is selected and the dialog closes. */
  g_signal_emit_by_name (row, "activated");
  spin (100);
  g_assert_null (find_toplevel (WM_TYPE_LAUNCH_DIALOG));
  selected = wm_canvas_get_selected_ids (wm_editor_page_get_canvas (page));
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, wm_element_get_id (sms));

  destroy_window (window);
}

static void
test_schedule_later (Fixture       *f,
                     gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmLaunchDialog *dialog = open_dialog (page);
  gint64 start = (g_get_real_time () / G_USEC_PER_SEC / 60 + 2 * 24 * 60) * 60;  /* whole minutes */
  g_autofree char *id = find_flow_id (f->workspace, "Welcome message");
  g_autofree char *expected = wm_launch_describe_start (FALSE, start, "Europe/Zagreb");
  g_autoptr(WmFlow) stored = NULL;
  JsonObject *schedule;
  GtkWidget *button, *row;
  gint64 stored_start = 0;

  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "S_chedule")));
  wm_launch_dialog_set_start (dialog, start);
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Starts");
  /* The sample flows are in Europe/Zagreb. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  save_screenshot (GTK_WIDGET (dialog), "launch-valid.png");

  button = find_widget (GTK_WIDGET (dialog), is_button_labelled, "S_chedule");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin (200);

  g_assert_null (find_toplevel (WM_TYPE_LAUNCH_DIALOG));
  g_assert_cmpint (stored_status (f, "Welcome message", 0), ==, WM_VERSION_SCHEDULED);
  stored = wm_workspace_get_flow (f->workspace, id, NULL);
  schedule = wm_flow_get_schedule (stored);
  g_assert_nonnull (schedule);
  g_assert_true (wm_timestamp_parse (json_object_get_string_member (schedule, "start"), -1, &stored_start));
  g_assert_cmpint (stored_start, ==, start);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_badge, "Scheduled"));
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), is_menu_button_labelled, "_Status")));

  destroy_window (window);
}

static void
test_keep_as_draft_and_end_before_start (Fixture       *f,
                                         gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmLaunchDialog *dialog = open_dialog (page);
  gint64 start = g_get_real_time () / G_USEC_PER_SEC + 5 * 24 * 3600;
  g_autofree char *id = find_flow_id (f->workspace, "Welcome message");
  g_autoptr(WmFlow) stored = NULL;
  JsonObject *schedule;

  /* An end before the start is an error of the flow, shown at once. */
  wm_launch_dialog_set_start (dialog, start);
  wm_launch_dialog_set_end (dialog, TRUE, start - 3600, FALSE);
  g_assert_cmpuint (wm_launch_dialog_get_n_errors (dialog), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (dialog), is_button_labelled, "S_chedule")));
  wm_launch_dialog_set_end (dialog, FALSE, 0, TRUE);
  g_assert_cmpuint (wm_launch_dialog_get_n_errors (dialog), ==, 0);

  /* Keep as Draft writes nothing. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Keep as Draft"), "clicked");
  spin (100);
  g_assert_null (find_toplevel (WM_TYPE_LAUNCH_DIALOG));
  stored = wm_workspace_get_flow (f->workspace, id, NULL);
  schedule = wm_flow_get_schedule (stored);
  g_assert_true (schedule == NULL || !json_object_has_member (schedule, "start")
                 || json_object_get_null_member (schedule, "start"));
  g_assert_cmpint (stored_status (f, "Welcome message", 0), ==, WM_VERSION_DRAFT);

  destroy_window (window);
}

static void
test_refusal_is_shown_in_the_dialog (Fixture       *f,
                                     gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmLaunchDialog *dialog = open_dialog (page);
  g_autofree char *id = find_flow_id (f->workspace, "Welcome message");
  g_autoptr(GError) error = NULL;

  /* Another program launches it first: the workspace refuses ours. */
  g_assert_true (wm_workspace_launch (f->workspace, id, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
  g_assert_false (wm_launch_dialog_launch_now (dialog));
  g_assert_nonnull (wm_launch_dialog_get_message (dialog));
  g_assert_nonnull (strstr (wm_launch_dialog_get_message (dialog), "no draft to launch"));
  g_assert_nonnull (find_toplevel (WM_TYPE_LAUNCH_DIALOG));

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

static void
test_audience_flow (Fixture       *f,
                    gconstpointer  data)
{
  static const char document[] =
    "{\"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"hr-news\", \"name\": \"HR news\","
    " \"timezone\": \"Europe/Zagreb\","
    " \"versions\": [{\"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\","
    " \"elements\": [{\"id\": \"a\", \"type\": \"entry.audience\","
    " \"config\": {\"where\": \"profile.country == \\\"HR\\\"\"}},"
    " {\"id\": \"s\", \"type\": \"send.sms\", \"config\": {\"sender\": \"Shop\", \"text\": \"Novo!\"}}],"
    " \"connections\": [{\"from\": \"a\", \"port\": \"out\", \"to\": \"s\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autofree char *id = wm_workspace_import_flow (f->workspace, document, sizeof document - 1, NULL, &error);
  GtkWindow *window;
  WmEditorPage *page;
  WmLaunchDialog *dialog;
  GtkWidget *row;
  AdwComboRow *end_row;

  g_assert_no_error (error);
  page = open_editor (f, "HR news", &window);
  dialog = open_dialog (page);
  g_assert_cmpuint (wm_launch_dialog_get_n_errors (dialog), ==, 0);
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Who enters");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Everyone in the audience where profile.country == \"HR\", once, at launch");
  /* Read once at the start: no re-entry, and it cannot run indefinitely. */
  g_assert_false (gtk_widget_get_visible (find_widget (GTK_WIDGET (dialog), is_row_titled, "How often")));
  end_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled, "_End"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (end_row)), ==, 2);
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "SMS");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Up to 1 message per entry");
  row = find_widget (GTK_WIDGET (dialog), is_row_titled, "Estimated cost");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Up to 7.5 per 1,000 entries at default prices");

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

/* Answers the confirmation that is shown with @response; returns its body. */
static char *
answer_confirmation (const char *response)
{
  GtkWidget *dialog;
  char *body;

  spin (100);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);
  return body;
}

static void
test_pause_resume_stop (Fixture       *f,
                        gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Cart abandonment", &window);
  GtkWidget *widget = GTK_WIDGET (page);
  g_autofree char *body = NULL;
  g_autofree char *kept = NULL;

  /* Version 2 active, version 1 finishing: both shown in the header. */
  g_assert_nonnull (find_widget (widget, is_badge, "Active"));
  g_assert_nonnull (find_widget (widget, is_badge, "Version 1 finishing"));
  g_assert_false (gtk_widget_get_visible (find_widget (widget, is_button_for_action, "editor.launch")));
  save_screenshot (GTK_WIDGET (window), "launch-status-header.png");

  g_assert_true (gtk_widget_activate_action (widget, "editor.pause", NULL));
  g_assert_cmpint (stored_status (f, "Cart abandonment", 2), ==, WM_VERSION_PAUSED);
  g_assert_nonnull (find_widget (widget, is_badge, "Paused"));

  g_assert_true (gtk_widget_activate_action (widget, "editor.resume", NULL));
  g_assert_cmpint (stored_status (f, "Cart abandonment", 2), ==, WM_VERSION_ACTIVE);
  g_assert_nonnull (find_widget (widget, is_badge, "Active"));

  /* Keep Running changes nothing. */
  g_assert_true (gtk_widget_activate_action (widget, "editor.stop-version", NULL));
  kept = answer_confirmation ("keep");
  g_assert_cmpint (stored_status (f, "Cart abandonment", 2), ==, WM_VERSION_ACTIVE);

  /* Stop this version: the confirmation says people leave at once. */
  g_assert_true (gtk_widget_activate_action (widget, "editor.stop-version", NULL));
  body = answer_confirmation ("stop-version");
  g_assert_nonnull (strstr (body, "leave the flow at once"));
  g_assert_cmpint (stored_status (f, "Cart abandonment", 2), ==, WM_VERSION_STOPPED);
  g_assert_cmpint (stored_status (f, "Cart abandonment", 1), ==, WM_VERSION_FINISHING);
  g_assert_nonnull (find_widget (widget, is_badge, "Stopped"));

  /* Stop all: the finishing version 1 stops too, and nothing is left to
   * pause or stop. */
  g_clear_pointer (&body, g_free);
  g_assert_true (gtk_widget_activate_action (widget, "editor.stop-all", NULL));
  body = answer_confirmation ("stop-all");
  g_assert_nonnull (strstr (body, "leave the flow at once"));
  g_assert_cmpint (stored_status (f, "Cart abandonment", 1), ==, WM_VERSION_STOPPED);
  g_assert_null (find_widget (widget, is_badge, "Version 1 finishing"));
  g_assert_false (gtk_widget_get_visible (find_widget (widget, is_menu_button_labelled, "_Status")));

  destroy_window (window);
}

static void
test_cancel_schedule (Fixture       *f,
                      gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Appointment reminder", &window);
  g_autofree char *body = NULL;

  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_badge, "Scheduled"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "editor.cancel-schedule", NULL));
  body = answer_confirmation ("cancel-schedule");
  g_assert_cmpint (stored_status (f, "Appointment reminder", 0), ==, WM_VERSION_CANCELED);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_badge, "Canceled"));

  destroy_window (window);
}

static void
test_new_draft_over_a_running_version (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *id = find_flow_id (f->workspace, "Cart abandonment");
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWindow *window;
  WmEditorPage *page;

  g_assert_cmpuint (wm_workspace_new_version (f->workspace, id, g_get_real_time () / G_USEC_PER_SEC, &error),
                    ==, 3);
  g_assert_no_error (error);
  page = open_editor (f, "Cart abandonment", &window);

  /* Version 3 is a draft to launch; version 2 still runs and can be
   * paused and stopped from the same header. */
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), is_button_for_action, "editor.launch")));
  g_assert_true (gtk_widget_get_visible (find_widget (GTK_WIDGET (page), is_menu_button_labelled, "_Status")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "editor.pause", NULL));
  g_assert_cmpint (stored_status (f, "Cart abandonment", 2), ==, WM_VERSION_PAUSED);
  g_assert_cmpint (stored_status (f, "Cart abandonment", 3), ==, WM_VERSION_DRAFT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "editor.stop-version", NULL));
  body = answer_confirmation ("stop-version");
  g_assert_cmpint (stored_status (f, "Cart abandonment", 2), ==, WM_VERSION_STOPPED);
  g_assert_cmpint (stored_status (f, "Cart abandonment", 1), ==, WM_VERSION_FINISHING);
  g_assert_cmpint (stored_status (f, "Cart abandonment", 3), ==, WM_VERSION_DRAFT);

  destroy_window (window);
}

static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmLaunchDialog *dialog = open_dialog (page);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  gboolean found = FALSE;

  /* Escape is bound to window.close among the dialog's shortcuts; the
   * action closes it and writes nothing. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape)
              && GTK_IS_NAMED_ACTION (action)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "window.close"))
            found = TRUE;
        }
    }
  g_assert_true (found);
  g_clear_object (&controllers);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin (100);
  g_assert_null (find_toplevel (WM_TYPE_LAUNCH_DIALOG));
  g_assert_cmpint (stored_status (f, "Welcome message", 0), ==, WM_VERSION_DRAFT);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/launch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("a-valid-flow-launches-now", test_valid_flow_launches_now);
  ADD ("an-invalid-flow-lists-its-errors-and-launch-is-off", test_invalid_flow_lists_errors);
  ADD ("a-later-start-schedules", test_schedule_later);
  ADD ("keep-as-draft-writes-nothing", test_keep_as_draft_and_end_before_start);
  ADD ("a-refusal-is-shown-in-the-dialog", test_refusal_is_shown_in_the_dialog);
  ADD ("pause-resume-and-stop-through-the-actions", test_pause_resume_stop);
  ADD ("cancel-a-schedule", test_cancel_schedule);
  ADD ("a-new-draft-over-a-running-version", test_new_draft_over_a_running_version);
  ADD ("escape-closes-the-dialog", test_escape_closes);
  ADD ("an-audience-flow-is-read-once", test_audience_flow);
#undef ADD

  return g_test_run ();
}
