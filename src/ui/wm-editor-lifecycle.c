/* wm-editor-lifecycle.c - the editor's launch and status actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through the workspace, which checks the status again
 * inside its transaction (another program may have changed the flow), so
 * a refusal is shown as a toast with the workspace's message; afterwards
 * the flow is read back from the workspace, never patched here.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-editor-lifecycle.h"
#include "wm-launch-dialog.h"
#include "wm-status-badge.h"

static const char *
flow_name (WmFlow *flow)
{
  return wm_flow_get_name (flow) != NULL ? wm_flow_get_name (flow) : _("Untitled flow");
}

static gboolean
any_version (WmFlow          *flow,
             WmVersionStatus  a,
             WmVersionStatus  b,
             WmVersionStatus  c)
{
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersionStatus status = wm_version_get_status (wm_flow_get_version_at (flow, i));

      if (status == a || status == b || status == c)
        return TRUE;
    }
  return FALSE;
}

/* The version "Stop This Version" stops: the one taking entries (active
 * or paused; with a new draft on top it is not the latest), else the last
 * finishing one. */
static WmVersion *
running_version (WmFlow *flow)
{
  WmVersion *finishing = NULL;

  for (guint i = wm_flow_get_n_versions (flow); i > 0; i--)
    {
      WmVersion *version = wm_flow_get_version_at (flow, i - 1);
      WmVersionStatus status = wm_version_get_status (version);

      if (status == WM_VERSION_ACTIVE || status == WM_VERSION_PAUSED)
        return version;
      if (status == WM_VERSION_FINISHING && finishing == NULL)
        finishing = version;
    }
  return finishing;
}

/* Reads the flow back and shows @toast, or the workspace's refusal. */
static void
finish_change (WmEditorPage *self,
               gboolean      ok,
               GError       *error,
               const char   *toast)
{
  g_autofree char *id = g_strdup (wm_flow_get_id (wm_editor_page_get_flow (self)));
  g_autoptr(GError) open_error = NULL;

  if (!ok)
    {
      wm_editor_page_add_toast (self, error->message);
      return;
    }
  if (!wm_editor_page_open (self, id, &open_error))
    {
      wm_editor_page_add_toast (self, open_error->message);
      return;
    }
  wm_editor_page_add_toast (self, toast);
}

/* ---- launch ------------------------------------------------------------- */

static void
launch_dialog_launched_cb (WmEditorPage *self,
                           const char   *message)
{
  finish_change (self, TRUE, NULL, message);
}

static void
launch_dialog_diagnostic_activated_cb (WmEditorPage *self,
                                       WmDiagnostic *diagnostic)
{
  wm_editor_page_show_diagnostic (self, diagnostic);
}

static void
launch_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  WmFlow *flow = wm_editor_page_get_flow (self);
  GtkWidget *dialog;

  /* The dialog and the workspace see what is on the canvas. */
  if (flow == NULL || !wm_editor_page_save_now (self))
    return;
  dialog = wm_launch_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                 wm_editor_page_get_workspace (self), flow);
  g_signal_connect_object (dialog, "launched", G_CALLBACK (launch_dialog_launched_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "diagnostic-activated", G_CALLBACK (launch_dialog_diagnostic_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- pause, resume, finish ---------------------------------------------- */

static void
pause_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  WmFlow *flow = wm_editor_page_get_flow (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gboolean pause = g_str_equal (action_name, "editor.pause");
  gboolean ok;

  if (flow == NULL)
    return;
  ok = pause ? wm_workspace_pause (wm_editor_page_get_workspace (self), wm_flow_get_id (flow), &error)
             : wm_workspace_resume (wm_editor_page_get_workspace (self), wm_flow_get_id (flow), &error);
  toast = pause ? g_strdup_printf (_("“%s” is paused: nobody new enters until you resume it"), flow_name (flow))
                : g_strdup_printf (_("“%s” is active again"), flow_name (flow));
  finish_change (self, ok, error, toast);
}

static void
finish_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  WmFlow *flow = wm_editor_page_get_flow (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (flow == NULL)
    return;
  ok = wm_workspace_finish (wm_editor_page_get_workspace (self), wm_flow_get_id (flow), 0, &error);
  finish_change (self, ok, error, _("The finishing versions are finished"));
}

/* ---- stop and cancel, after a confirmation ------------------------------ */

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     WmEditorPage     *self)
{
  WmFlow *flow = wm_editor_page_get_flow (self);
  WmWorkspace *workspace = wm_editor_page_get_workspace (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint number;
  gboolean ok;

  if (flow == NULL || g_strcmp0 (response, "cancel") == 0 || g_strcmp0 (response, "keep") == 0)
    return;
  if (g_str_equal (response, "stop-version"))
    {
      if (running_version (flow) == NULL)
        return;
      number = wm_version_get_number (running_version (flow));
      ok = wm_workspace_stop (workspace, wm_flow_get_id (flow), number, now, &error);
      toast = g_strdup_printf (_("Version %u of “%s” is stopped"), number, flow_name (flow));
    }
  else if (g_str_equal (response, "stop-all"))
    {
      ok = wm_workspace_stop (workspace, wm_flow_get_id (flow), 0, now, &error);
      toast = g_strdup_printf (_("Every version of “%s” is stopped"), flow_name (flow));
    }
  else if (g_str_equal (response, "cancel-schedule"))
    {
      ok = wm_workspace_cancel (workspace, wm_flow_get_id (flow), &error);
      toast = g_strdup_printf (_("“%s” will not start: its schedule is canceled"), flow_name (flow));
    }
  else
    return;
  finish_change (self, ok, error, toast);
}

static void
confirm (WmEditorPage *self,
         const char   *heading,
         const char   *body,
         const char   *response,
         const char   *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Running"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stop_version_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);
  WmFlow *flow = wm_editor_page_get_flow (self);
  g_autofree char *heading = NULL;

  if (flow == NULL || running_version (flow) == NULL)
    return;
  heading = g_strdup_printf (_("Stop Version %u?"), wm_version_get_number (running_version (flow)));
  confirm (self, heading,
           _("People inside this version leave the flow at once, and nobody new enters it. "
             "A stopped version cannot be started again."),
           "stop-version", _("_Stop Version"));
}

static void
stop_all_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  if (wm_editor_page_get_flow (self) == NULL)
    return;
  confirm (self, _("Stop All Versions?"),
           _("Every running, paused and finishing version stops: people inside leave the flow at once, "
             "and nobody new enters. Stopped versions cannot be started again."),
           "stop-all", _("_Stop All"));
}

static void
cancel_schedule_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WmEditorPage *self = WM_EDITOR_PAGE (widget);

  if (wm_editor_page_get_flow (self) == NULL)
    return;
  confirm (self, _("Cancel the Schedule?"),
           _("The flow will not start, and this version cannot be launched again. "
             "To launch it later, duplicate the flow."),
           "cancel-schedule", _("_Cancel Schedule"));
}

/* ---- state -------------------------------------------------------------- */

void
_wm_editor_lifecycle_update (WmEditorPage *self,
                             GtkWidget    *launch_button,
                             GtkWidget    *status_button,
                             GtkLabel     *finishing_label)
{
  GtkWidget *widget = GTK_WIDGET (self);
  WmFlow *flow = wm_editor_page_get_flow (self);
  WmVersion *latest = flow != NULL ? wm_flow_get_latest_version (flow) : NULL;
  WmVersionStatus status = latest != NULL ? wm_version_get_status (latest) : WM_VERSION_CANCELED;
  gboolean running = flow != NULL && any_version (flow, WM_VERSION_ACTIVE, WM_VERSION_PAUSED, WM_VERSION_FINISHING);
  gboolean finishing = flow != NULL && any_version (flow, WM_VERSION_FINISHING, WM_VERSION_FINISHING,
                                                    WM_VERSION_FINISHING);
  gboolean any_status_action;
  g_autoptr(GString) earlier = g_string_new (NULL);
  guint n_earlier = 0;

  gtk_widget_action_set_enabled (widget, "editor.launch", latest != NULL && status == WM_VERSION_DRAFT);
  /* As the workspace does: pause the last active version, resume the
   * last paused one, whichever version is the latest. */
  gtk_widget_action_set_enabled (widget, "editor.pause",
                                 flow != NULL && any_version (flow, WM_VERSION_ACTIVE, WM_VERSION_ACTIVE,
                                                              WM_VERSION_ACTIVE));
  gtk_widget_action_set_enabled (widget, "editor.resume",
                                 flow != NULL && any_version (flow, WM_VERSION_PAUSED, WM_VERSION_PAUSED,
                                                              WM_VERSION_PAUSED));
  gtk_widget_action_set_enabled (widget, "editor.stop-version", running);
  gtk_widget_action_set_enabled (widget, "editor.stop-all", running);
  gtk_widget_action_set_enabled (widget, "editor.cancel-schedule", status == WM_VERSION_SCHEDULED);
  gtk_widget_action_set_enabled (widget, "editor.finish", finishing);

  any_status_action = running || finishing || status == WM_VERSION_SCHEDULED;
  gtk_widget_set_visible (launch_button, latest != NULL && status == WM_VERSION_DRAFT);
  gtk_widget_set_visible (status_button, any_status_action);

  /* Earlier versions still finishing their journeys, next to the badge of
   * the latest one. */
  for (guint i = 0; flow != NULL && i + 1 < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, i);

      if (version == latest || wm_version_get_status (version) != WM_VERSION_FINISHING)
        continue;
      if (earlier->len > 0)
        g_string_append (earlier, ", ");
      g_string_append_printf (earlier, "%u", wm_version_get_number (version));
      n_earlier++;
    }
  if (n_earlier > 0)
    {
      g_autofree char *text =
        /* Translators: "Version 1 finishing", "Versions 1, 2 finishing" (version numbers) */
        g_strdup_printf (ngettext ("Version %s finishing", "Versions %s finishing", n_earlier), earlier->str);

      wm_status_badge_update (finishing_label, WM_VERSION_FINISHING);
      gtk_label_set_text (finishing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (finishing_label), n_earlier > 0);
}

void
_wm_editor_lifecycle_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.launch", NULL, launch_activated);
  gtk_widget_class_install_action (widget_class, "editor.pause", NULL, pause_activated);
  gtk_widget_class_install_action (widget_class, "editor.resume", NULL, pause_activated);
  gtk_widget_class_install_action (widget_class, "editor.stop-version", NULL, stop_version_activated);
  gtk_widget_class_install_action (widget_class, "editor.stop-all", NULL, stop_all_activated);
  gtk_widget_class_install_action (widget_class, "editor.cancel-schedule", NULL, cancel_schedule_activated);
  gtk_widget_class_install_action (widget_class, "editor.finish", NULL, finish_activated);
}
