/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-alloc.h"
#include "wm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (WmApplication) app = NULL;

  /* Before anything is allocated: see wm-alloc.c. */
  wm_alloc_keep_freed_memory ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = wm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
