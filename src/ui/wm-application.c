/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-application.h"
#include "wm-ui-types.h"
#include "wm-window.h"
#include "wm-workspace.h"

/* How often scheduled launches and schedule ends are looked at. */
#define SCHEDULE_SECONDS 30

struct _WmApplication
{
  AdwApplication parent_instance;

  char          *workspace_path;   /* --workspace, or NULL for the default */
  WmWorkspace   *workspace;
  GError        *workspace_error;  /* why it could not be opened */
  guint          schedule_source;
};

G_DEFINE_FINAL_TYPE (WmApplication, wm_application, ADW_TYPE_APPLICATION)

WmApplication *
wm_application_new (void)
{
  /* The resources live under the base id for both profiles, so the
   * development build (io.github.waymark.Waymark.Devel) finds the same
   * gtk/help-overlay.ui, style.css and icons as the regular one. */
  return g_object_new (WM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/waymark/Waymark",
                       NULL);
}

WmWorkspace *
wm_application_get_workspace (WmApplication *self)
{
  g_return_val_if_fail (WM_IS_APPLICATION (self), NULL);
  return self->workspace;
}

static void
show_workspace_error (WmApplication *self,
                      GtkWindow     *window)
{
  GtkWidget *dialog;

  /* The file was left as it is (the store never writes to a file it
   * cannot use); say why and let the user choose another. */
  dialog = adw_message_dialog_new (window, _("Cannot Open the Workspace"), self->workspace_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
wm_application_activate (GApplication *app)
{
  WmApplication *self = WM_APPLICATION (app);
  GtkWindow *window;

  /* Single instance: a second launch presents the window we already have. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (wm_window_new (self));
      if (self->workspace_error != NULL)
        {
          gtk_window_present (window);
          show_workspace_error (self, window);
          return;
        }
    }

  gtk_window_present (window);
}

static gboolean
schedule_timeout_cb (gpointer user_data)
{
  WmApplication *self = WM_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  /* Another program (waymark-cli) may have changed the file; then the
   * clock: scheduled versions start, schedule ends pass. */
  wm_workspace_refresh (self->workspace);
  if (!wm_workspace_apply_schedule (self->workspace, g_get_real_time () / G_USEC_PER_SEC, NULL, &error))
    g_warning ("Could not apply the flow schedules: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static void
open_workspace (WmApplication *self)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  WmWorkspaceOpenFlags flags = WM_WORKSPACE_OPEN_CREATE;

  if (self->workspace_path != NULL)
    path = g_strdup (self->workspace_path);
  else
    {
      /* The default workspace starts with the sample content. */
      path = wm_workspace_get_default_path ();
      dir = g_path_get_dirname (path);
      g_mkdir_with_parents (dir, 0700);
      flags |= WM_WORKSPACE_OPEN_SAMPLE;
    }
  self->workspace = wm_workspace_open (path, flags, &self->workspace_error);
  if (self->workspace != NULL)
    self->schedule_source = g_timeout_add_seconds (SCHEDULE_SECONDS, schedule_timeout_cb, self);
}

static int
wm_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  WmApplication *self = WM_APPLICATION (app);
  g_autofree char *path = NULL;

  /* Read in the process that was started; a second launch of a running
   * app presents its window with the workspace it has open. */
  if (g_variant_dict_lookup (options, "workspace", "^ay", &path))
    {
      g_free (self->workspace_path);
      self->workspace_path = g_canonicalize_filename (path, NULL);
    }
  return -1;
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Waymark developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Waymark"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Waymark developers"),
                        "developers", developers,
                        "copyright", _("© 2026 The Waymark developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/waymark/waymark",
                        "issue-url", "https://github.com/waymark/waymark/issues",
                        /* Translators: replace with your names, one a line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows;

  /* Close the windows rather than g_application_quit(), so each one saves
   * its size in its close-request handler; the application ends with the
   * last window. */
  windows = g_list_copy (gtk_application_get_windows (app));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb, NULL, NULL, NULL },
  { "quit", quit_activated_cb, NULL, NULL, NULL },
};

static void
wm_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *import_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (app);
  wm_ui_ensure_types ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.import", import_accels);

  open_workspace (WM_APPLICATION (app));
}

static void
wm_application_dispose (GObject *object)
{
  WmApplication *self = WM_APPLICATION (object);

  g_clear_handle_id (&self->schedule_source, g_source_remove);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_application_parent_class)->dispose (object);
}

static void
wm_application_finalize (GObject *object)
{
  WmApplication *self = WM_APPLICATION (object);

  g_clear_error (&self->workspace_error);
  g_free (self->workspace_path);

  G_OBJECT_CLASS (wm_application_parent_class)->finalize (object);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = wm_application_dispose;
  object_class->finalize = wm_application_finalize;
  app_class->activate = wm_application_activate;
  app_class->startup = wm_application_startup;
  app_class->handle_local_options = wm_application_handle_local_options;
}

static void
wm_application_init (WmApplication *self)
{
  const GOptionEntry options[] = {
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this workspace file (created when it does not exist)"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
