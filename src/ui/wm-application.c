/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-application.h"
#include "wm-window.h"

struct _WmApplication
{
  AdwApplication parent_instance;
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

static void
wm_application_activate (GApplication *app)
{
  GtkWindow *window;

  /* Single instance: a second launch presents the window we already have. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (wm_window_new (WM_APPLICATION (app)));

  gtk_window_present (window);
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

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = wm_application_activate;
  app_class->startup = wm_application_startup;
}

static void
wm_application_init (WmApplication *self)
{
}
