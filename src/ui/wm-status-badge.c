/* wm-status-badge.c - a version status as a coloured label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-status-badge.h"

void
wm_pages_ensure_css (void)
{
  static GdkDisplay *loaded_for = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/waymark/Waymark/wm-pages.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
wm_status_badge_update (GtkLabel        *label,
                        WmVersionStatus  status)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (status < WM_N_VERSION_STATUSES);

  wm_pages_ensure_css ();
  gtk_widget_add_css_class (GTK_WIDGET (label), "status-badge");
  /* A recycled row carries another status's class: drop them all. */
  for (guint i = 0; i < WM_N_VERSION_STATUSES; i++)
    {
      g_autofree char *css_class = g_strconcat ("status-", wm_version_status_to_string (i), NULL);

      if (i == status)
        gtk_widget_add_css_class (GTK_WIDGET (label), css_class);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), css_class);
    }
  gtk_label_set_text (label, wm_version_status_get_label (status));
}
