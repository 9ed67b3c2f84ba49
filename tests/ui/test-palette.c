/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "wm-catalogue.h"
#include "wm-palette.h"

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
new_palette (void)
{
  return g_object_ref_sink (wm_palette_new ());
}

static const char * const category_classes[] = {
  "category-entry", "category-channel", "category-function", "category-milestone", "category-exit",
};

static void
test_lists_every_type_in_five_categories (void)
{
  GtkWidget *palette = new_palette ();
  GtkListBox *list = find_list_box (palette);
  guint rows = 0, headers = 0;
  guint per_category[5] = { 0 };

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      guint matched = 0;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      rows++;
      for (guint c = 0; c < 5; c++)
        if (gtk_widget_has_css_class (row, category_classes[c]))
          {
            per_category[c]++;
            matched++;
          }
      g_assert_cmpuint (matched, ==, 1);
      if (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row)) != NULL)
        headers++;
    }

  /* flow-format.md's catalogue: 4 entry points, 6 channels, 11 functions,
   * 3 milestones and outcomes, 1 exit. */
  g_assert_cmpuint (rows, ==, 25);
  g_assert_cmpuint (per_category[0], ==, 4);
  g_assert_cmpuint (per_category[1], ==, 6);
  g_assert_cmpuint (per_category[2], ==, 11);
  g_assert_cmpuint (per_category[3], ==, 3);
  g_assert_cmpuint (per_category[4], ==, 1);
  g_assert_cmpuint (headers, ==, 5);
  g_assert_cmpuint (wm_palette_get_n_visible (WM_PALETTE (palette)), ==, 25);

  g_assert_finalize_object (palette);
}

static void
test_search_filters (void)
{
  GtkWidget *palette = new_palette ();
  GtkListBox *list = find_list_box (palette);
  guint shown = 0;

  wm_palette_set_search_text (WM_PALETTE (palette), "wait");
  /* Wait, Wait until a time, Wait for event. */
  g_assert_cmpuint (wm_palette_get_n_visible (WM_PALETTE (palette)), ==, 3);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      shown++;
  g_assert_cmpuint (shown, ==, 3);

  /* Case and descriptions: "SMS" by its label, "Calls and speaks a
   * message" by its description. */
  wm_palette_set_search_text (WM_PALETTE (palette), "sms");
  g_assert_cmpuint (wm_palette_get_n_visible (WM_PALETTE (palette)), ==, 1);
  wm_palette_set_search_text (WM_PALETTE (palette), "SPEAKS");
  g_assert_cmpuint (wm_palette_get_n_visible (WM_PALETTE (palette)), ==, 1);

  wm_palette_set_search_text (WM_PALETTE (palette), "no such element");
  g_assert_cmpuint (wm_palette_get_n_visible (WM_PALETTE (palette)), ==, 0);

  wm_palette_set_search_text (WM_PALETTE (palette), "");
  g_assert_cmpuint (wm_palette_get_n_visible (WM_PALETTE (palette)), ==, 25);

  g_assert_finalize_object (palette);
}

static void
type_activated_cb (WmPalette  *palette,
                   const char *type,
                   char      **out)
{
  g_free (*out);
  *out = g_strdup (type);
}

static GtkListBoxRow *
row_of_type (GtkListBox *list,
             guint       index)
{
  return gtk_list_box_get_row_at_index (list, index);
}

static void
test_activating_emits_the_type (void)
{
  GtkWidget *palette = new_palette ();
  GtkListBox *list = find_list_box (palette);
  g_autofree char *activated = NULL;

  g_signal_connect (palette, "type-activated", G_CALLBACK (type_activated_cb), &activated);

  /* The fifth item is the first channel, SMS. */
  g_signal_emit_by_name (list, "row-activated", row_of_type (list, 4));
  g_assert_cmpstr (activated, ==, "send.sms");

  /* Enter in the search entry activates the first match. */
  wm_palette_set_search_text (WM_PALETTE (palette), "voice");
  g_assert_true (wm_palette_activate_first (WM_PALETTE (palette)));
  g_assert_cmpstr (activated, ==, "send.voice");

  wm_palette_set_search_text (WM_PALETTE (palette), "nothing matches this");
  g_clear_pointer (&activated, g_free);
  g_assert_false (wm_palette_activate_first (WM_PALETTE (palette)));
  g_assert_null (activated);

  g_assert_finalize_object (palette);
}

static void
test_items_drag_their_type_name (void)
{
  GtkWidget *palette = new_palette ();
  GtkListBox *list = find_list_box (palette);
  GtkWidget *row = GTK_WIDGET (row_of_type (list, 10));   /* wait.delay */
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (row);
  GtkDragSource *source = NULL;
  g_autoptr (GdkContentProvider) content = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        source = GTK_DRAG_SOURCE (controller);
    }
  g_assert_nonnull (source);

  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, "wait.delay");

  g_clear_object (&controllers);
  g_assert_finalize_object (palette);
}

int
main (int   argc,
      char *argv[])
{
  /* The isolated data dirs hide the MIME database that gdk-pixbuf needs
   * to load the SVG icons: read it first. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/palette/lists-every-type-in-five-categories",
                   test_lists_every_type_in_five_categories);
  g_test_add_func ("/ui/palette/search-filters-by-label-and-description", test_search_filters);
  g_test_add_func ("/ui/palette/activating-emits-the-type", test_activating_emits_the_type);
  g_test_add_func ("/ui/palette/items-drag-their-type-name", test_items_drag_their_type_name);

  return g_test_run ();
}
