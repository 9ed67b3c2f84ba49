/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "wm-application.h"
#include "wm-ui-types.h"
#include "wm-window.h"

#define RESOURCE_BASE "/io/github/waymark/Waymark"

static WmApplication *app;

/* Every GtkWindow that a test creates is destroyed and must be finalized:
 * a leaked reference (a signal handler, a template child) fails here. */
static void
destroy_and_finalize (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

static void
collect_ui_files (const char *path,
                  GPtrArray  *out)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) children = g_resources_enumerate_children (path, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, "/", children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        {
          child[strlen (child) - 1] = '\0';
          collect_ui_files (child, out);
        }
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

/* The name of the class a composite template is for, or NULL. */
static char *
template_class_of (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *start = strstr (text, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* Loads every .ui file of the resource bundle the way the app does, so a
 * widget, property or object newer than GTK 4.8 / libadwaita 1.2 fails
 * here instead of when someone opens that part of the app. */
static void
test_every_ui_file_loads (void)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gboolean saw_window_template = FALSE;
  gboolean saw_help_overlay = FALSE;

  wm_ui_ensure_types ();
  collect_ui_files (RESOURCE_BASE, files);
  g_assert_cmpuint (files->len, >=, 2);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, &error);
      g_autofree char *class_name = NULL;

      g_assert_no_error (error);
      g_test_message ("loading %s", path);
      class_name = template_class_of (bytes);

      if (class_name != NULL)
        {
          GType type = g_type_from_name (class_name);
          GObject *object;

          g_assert_cmpuint (type, !=, G_TYPE_INVALID);
          /* A template that does not build is a critical in
           * gtk_widget_init_template, fatal in the test environment. */
          if (g_type_is_a (type, GTK_TYPE_APPLICATION_WINDOW))
            object = g_object_new (type, "application", app, NULL);
          else
            object = g_object_new (type, NULL);

          if (GTK_IS_WINDOW (object))
            destroy_and_finalize (GTK_WINDOW (object));
          else
            g_assert_finalize_object (g_object_ref_sink (object));
          saw_window_template |= g_str_equal (class_name, "WmWindow");
        }
      else
        {
          g_autoptr (GtkBuilder) builder = gtk_builder_new ();
          g_autoptr (GSList) objects = NULL;

          gtk_builder_add_from_resource (builder, path, &error);
          g_assert_no_error (error);

          objects = gtk_builder_get_objects (builder);
          g_assert_nonnull (objects);
          for (GSList *l = objects; l != NULL; l = l->next)
            if (GTK_IS_WINDOW (l->data))
              gtk_window_destroy (GTK_WINDOW (l->data));
          saw_help_overlay |= g_str_equal (path, RESOURCE_BASE "/gtk/help-overlay.ui");
        }
    }

  g_assert_true (saw_window_template);
  g_assert_true (saw_help_overlay);
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Maps each item's action to its label, sections included. */
static void
collect_menu_actions (GMenuModel *model,
                      GHashTable *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GMenuModel) section = NULL;
      char *action = NULL;
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL,
                                                          "s", &label));
          g_hash_table_insert (actions, action, label);
        }

      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL)
        collect_menu_actions (section, actions);
    }
}

static void
test_window_has_primary_menu (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr (GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (GStrv) help_accels = NULL;
  GtkWidget *button;
  GMenuModel *menu;

  button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==,
                   "open-menu-symbolic");

  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  collect_menu_actions (menu, actions);
  g_assert_cmpstr (g_hash_table_lookup (actions, "win.show-help-overlay"), ==,
                   "_Keyboard Shortcuts");
  g_assert_cmpstr (g_hash_table_lookup (actions, "app.about"), ==, "_About Waymark");
  g_assert_cmpstr (g_hash_table_lookup (actions, "app.quit"), ==, "_Quit");

  /* The menu's actions exist where the menu looks for them. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));

  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                       "win.show-help-overlay");
  g_assert_cmpstr (help_accels[0], ==, "<Control>question");

  destroy_and_finalize (GTK_WINDOW (window));
}

static void
test_quit_has_ctrl_q (void)
{
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "app.quit");

  g_assert_cmpstr (accels[0], ==, "<Control>q");
  g_assert_null (accels[1]);
}

static void
test_window_title_is_waymark (void)
{
  WmWindow *window = wm_window_new (app);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Waymark");
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));
  /* The devel style marks development builds only. */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==,
                   g_str_equal (PROFILE, "development"));

  destroy_and_finalize (GTK_WINDOW (window));
}

static void
reset_window_settings (GSettings *settings)
{
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "is-maximized");
}

static void
test_window_restores_saved_size (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.waymark.Waymark");
  WmWindow *window;
  int width, height;

  reset_window_settings (settings);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = wm_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  destroy_and_finalize (GTK_WINDOW (window));
  reset_window_settings (settings);
}

static void
test_window_saves_size_on_close (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("io.github.waymark.Waymark");
  WmWindow *window;

  reset_window_settings (settings);
  window = wm_window_new (app);
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  /* gtk_window_close() does nothing to a window that was never shown. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "is-maximized"));

  /* The next window opens at the saved size. */
  window = wm_window_new (app);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1000);
    g_assert_cmpint (height, ==, 700);
  }
  destroy_and_finalize (GTK_WINDOW (window));
  reset_window_settings (settings);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  /* The isolated data dirs hide the system's MIME database, without which
   * gdk-pixbuf cannot tell the app icon is an SVG: load it first. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* A registered application: windows can only join one after startup,
   * which also loads gtk/help-overlay.ui and installs the actions. */
  app = wm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/resources/every-ui-file-loads", test_every_ui_file_loads);
  g_test_add_func ("/ui/window/title-is-waymark", test_window_title_is_waymark);
  g_test_add_func ("/ui/window/primary-menu-has-shortcuts-about-and-quit",
                   test_window_has_primary_menu);
  g_test_add_func ("/ui/app/quit-is-ctrl-q", test_quit_has_ctrl_q);
  g_test_add_func ("/ui/window/restores-saved-size", test_window_restores_saved_size);
  g_test_add_func ("/ui/window/saves-size-on-close", test_window_saves_size_on_close);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
