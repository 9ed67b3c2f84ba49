/* ui-harness.h - what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only (static functions): the start of a test's main(), letting
 * the main loop run, finding a widget in a tree, finding a flow of a
 * workspace by name, a workspace file in a temporary folder that the test
 * removes after it, and screenshots to look at.
 */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-flow-info.h"
#include "wm-ui-types.h"
#include "wm-workspace.h"

typedef gboolean (*Predicate) (GtkWidget *widget, gconstpointer data);

/* The start of a widget test's main(): the test framework with isolated
 * folders, GTK and libadwaita, and every UI type registered for the
 * builder. Without a display it prints a TAP skip and returns FALSE (the
 * test then returns 0). Environment a test wants GTK to see (GTK_A11Y,
 * LANGUAGE) is set before calling it. */
static G_GNUC_UNUSED gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  /* The isolated data dirs hide the MIME database that gdk-pixbuf needs
   * to load the SVG icons: read it first. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  wm_ui_ensure_types ();
  return TRUE;
}

/* Lets the main loop run for @ms milliseconds. */
static G_GNUC_UNUSED void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* With WAYMARK_SHOTS_DIR=DIR, saves @widget as it is drawn to DIR/@name
 * (a PNG), after letting it settle; without it, does nothing. */
static G_GNUC_UNUSED void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("WAYMARK_SHOTS_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  spin (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Removes @path: a file, or a folder with everything in it (a symbolic
 * link is removed, never followed). */
static G_GNUC_UNUSED void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* Creates the workspace file "workspace.db" in a new temporary folder
 * made from @dir_template ("waymark-NAME-XXXXXX"), with the sample
 * content when @sample. Sets *@dir and, unless @path is NULL, *@path;
 * temp_workspace_remove () undoes all of it. */
static G_GNUC_UNUSED WmWorkspace *
temp_workspace_new (const char  *dir_template,
                    gboolean     sample,
                    char       **dir,
                    char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  WmWorkspace *workspace;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  file = g_build_filename (*dir, "workspace.db", NULL);
  workspace = wm_workspace_open (file, sample ? WM_WORKSPACE_OPEN_CREATE | WM_WORKSPACE_OPEN_SAMPLE
                                               : WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return workspace;
}

/* Checks that the test let go of every reference to *@workspace, then
 * removes its folder and frees (and clears) what temp_workspace_new ()
 * set. */
static G_GNUC_UNUSED void
temp_workspace_remove (WmWorkspace **workspace,
                       char        **dir,
                       char        **path)
{
  g_assert_finalize_object (g_steal_pointer (workspace));
  remove_tree (*dir);
  g_clear_pointer (dir, g_free);
  if (path != NULL)
    g_clear_pointer (path, g_free);
}

/* The id of the flow named @name (the test fails when there is none). */
static G_GNUC_UNUSED char *
find_flow_id (WmWorkspace *workspace,
              const char  *name)
{
  GListModel *flows = wm_workspace_get_flows (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (flows, i);

      if (g_str_equal (wm_flow_info_get_name (info), name))
        return g_strdup (wm_flow_info_get_id (info));
    }
  g_assert_not_reached ();
}

/* The first widget under @root (itself included) that @predicate accepts. */
static G_GNUC_UNUSED GtkWidget *
find_widget (GtkWidget     *root,
             Predicate      predicate,
             gconstpointer  data)
{
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static G_GNUC_UNUSED gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static G_GNUC_UNUSED gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}
