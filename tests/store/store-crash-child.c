/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store-crash-child.c - saves edits to a workspace for test-crash
 *
 *   store-crash-child loop FILE START
 *     for i = START, START+1, ...: an even i renames element "sms" of the
 *     draft of flow "crash" to "edit-i" (save_version), an odd i creates a
 *     flow named "f-i"; after each save returns prints "i" on a line (and
 *     "ready" once the workspace is open). Runs until killed.
 *   store-crash-child count FILE PREFIX N
 *     creates N flows "PREFIX-1".."PREFIX-N" while other programs write
 *     too; exits 0 when all were saved.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-workspace.h"

static int
loop (const char *path,
      guint64     start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);

  if (ws == NULL)
    {
      fprintf (stderr, "open: %s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  for (guint64 i = start;; i++)
    {
      char name[64];

      g_snprintf (name, sizeof name, i % 2 == 0 ? "edit-%" G_GUINT64_FORMAT : "f-%" G_GUINT64_FORMAT, i);
      if (i % 2 == 0)
        {
          g_autoptr(WmFlow) stored = wm_workspace_get_flow (ws, "crash", &error);
          g_autoptr(WmFlow) flow = stored != NULL ? wm_flow_copy (stored) : NULL;

          if (flow == NULL)
            break;
          wm_element_set_name (wm_version_find_element (wm_flow_get_version (flow, 1), "sms"), name);
          if (!wm_workspace_save_version (ws, flow, 1, &error))
            break;
        }
      else
        {
          g_autofree char *id = wm_workspace_create_flow (ws, name, 0, &error);

          if (id == NULL)
            break;
        }
      printf ("%" G_GUINT64_FORMAT "\n", i);
      fflush (stdout);
    }
  fprintf (stderr, "save: %s\n", error->message);
  return 1;
}

static int
count (const char *path,
       const char *prefix,
       guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);

  if (ws == NULL)
    {
      fprintf (stderr, "open: %s\n", error->message);
      return 1;
    }
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", prefix, i);
      g_autofree char *id = wm_workspace_create_flow (ws, name, 0, &error);

      if (id == NULL)
        {
          fprintf (stderr, "create %s: %s\n", name, error->message);
          return 1;
        }
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "loop") == 0)
    return loop (argv[2], g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 5 && strcmp (argv[1], "count") == 0)
    return count (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));
  fprintf (stderr, "usage: store-crash-child loop FILE START | count FILE PREFIX N\n");
  return 2;
}
