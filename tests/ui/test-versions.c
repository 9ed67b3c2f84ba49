/* test-versions.c - the versions panel on a real workspace file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A launched flow gets a new version through the panel, with its entry
 * point locked; a field changes, the store launches it and the panel shows
 * version 1 finishing; the two versions are compared on the canvas and in
 * the list of changes; stopping asks first; duplicating makes a new flow.
 *
 * With WAYMARK_SHOTS_DIR set, it saves versions-panel.png and
 * versions-compare.png there.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wm-editor-page.h"
#include "wm-flow-info.h"
#include "wm-node.h"
#include "wm-ui-types.h"
#include "wm-versions-panel.h"
#include "wm-workspace.h"
#include "ui-harness.h"

#define LOCK_REASON "The entry point of a running flow cannot change; stop the flow or duplicate it to use another entry"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *workspace;
  char        *id;
  GtkWindow   *window;
  WmEditorPage *page;
  WmVersionsPanel *panel;
} Fixture;

/* Runs the main loop until the page's version is @status, or two seconds
 * have passed: the panel reopens a stale page from an idle, after layouts
 * and redraws. */
static void
wait_for_page_status (WmEditorPage    *page,
                      WmVersionStatus  status)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end
         && wm_version_get_status (wm_editor_page_get_version (page)) != status)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_typed_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_typed_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *toggle;

  f->workspace = temp_workspace_new ("waymark-versions-XXXXXX", FALSE, &f->dir, &f->path);
  f->id = wm_workspace_instantiate_template (f->workspace, "cart-abandonment", "Cart reminder",
                                             now - 3 * 86400, &error);
  g_assert_no_error (error);
  g_assert_true (wm_workspace_launch (f->workspace, f->id, now - 2 * 86400, &error));
  g_assert_no_error (error);

  f->page = WM_EDITOR_PAGE (wm_editor_page_new ());
  wm_editor_page_set_workspace (f->page, f->workspace);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  g_assert_true (wm_editor_page_open (f->page, f->id, &error));
  g_assert_no_error (error);

  f->panel = WM_VERSIONS_PANEL (find_typed_widget (GTK_WIDGET (f->page), WM_TYPE_VERSIONS_PANEL, NULL));
  g_assert_nonnull (f->panel);
  toggle = find_typed_widget (GTK_WIDGET (f->page), GTK_TYPE_TOGGLE_BUTTON, "Versions");
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  spin (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
  gtk_window_destroy (f->window);
  spin (50);
  g_assert_null (f->page);
  temp_workspace_remove (&f->workspace, &f->dir, &f->path);
  g_free (f->id);
}

/* The first element of @version that is not its entry point. */
static WmElement *
first_non_entry (WmVersion *version)
{
  WmElement *entry = wm_version_get_entry (version);

  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    if (wm_version_get_element_at (version, i) != entry)
      return wm_version_get_element_at (version, i);
  g_assert_not_reached ();
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Collects the texts of every label under @widget, one a line. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static void
test_new_version_launch_compare (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  WmCanvas *canvas = wm_editor_page_get_canvas (f->page);
  WmInspector *inspector = wm_editor_page_get_inspector (f->page);
  WmVersion *version;
  WmElement *entry, *changed;
  g_autofree char *entry_id = NULL;
  g_autofree char *changed_id = NULL;
  g_autofree char *old_name = NULL;
  GtkListBoxRow *row = NULL;
  GtkListBox *changes;

  /* One card: version 1, active. */
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 1), ==, WM_VERSION_ACTIVE);
  g_assert_null (wm_versions_panel_get_card (f->panel, 2));
  g_assert_true (wm_editor_page_is_read_only (f->page));

  /* New Version from version 1: the editor shows the draft. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.new-version", "u", 1);
  spin (50);
  version = wm_editor_page_get_version (f->page);
  g_assert_cmpuint (wm_version_get_number (version), ==, 2);
  g_assert_false (wm_editor_page_is_read_only (f->page));
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 2), ==, WM_VERSION_DRAFT);
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 1), ==, WM_VERSION_ACTIVE);
  /* Newest first. */
  g_assert_true (gtk_widget_get_next_sibling (wm_versions_panel_get_card (f->panel, 2))
                 == wm_versions_panel_get_card (f->panel, 1));

  /* Its entry point is locked on the canvas and in the inspector. */
  entry = wm_version_get_entry (version);
  g_assert_nonnull (entry);
  entry_id = g_strdup (wm_element_get_id (entry));
  g_assert_cmpstr (wm_canvas_get_locked_element (canvas), ==, entry_id);
  {
    const char *ids[] = { entry_id, NULL };

    wm_canvas_set_selection (canvas, ids);
    g_assert_true (wm_inspector_get_element (inspector) == entry);
    g_assert_cmpstr (wm_inspector_get_locked_reason (inspector), ==, LOCK_REASON);
    /* Its fields can be read, not changed. */
    g_assert_false (gtk_widget_is_sensitive (wm_inspector_get_field_row (inspector, "name")));
    g_assert_nonnull (wm_inspector_get_field_row (inspector, "event"));
    g_assert_false (gtk_widget_is_sensitive (wm_inspector_get_field_row (inspector, "event")));
    wm_canvas_delete_selection (canvas);
    g_assert_nonnull (wm_version_find_element (version, entry_id));
    if (g_getenv ("WAYMARK_SHOTS_DIR") != NULL)
      {
        /* The inspector's column, to see the lock and its reason. */
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_typed_widget (GTK_WIDGET (f->page), GTK_TYPE_TOGGLE_BUTTON,
                                                                      "Versions")), FALSE);
        wm_canvas_set_zoom (canvas, 1.0);
        wm_canvas_scroll_to_element (canvas, entry);
        spin (400);
        save_shot (GTK_WIDGET (f->window), "versions-locked.png");
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_typed_widget (GTK_WIDGET (f->page), GTK_TYPE_TOGGLE_BUTTON,
                                                                      "Versions")), TRUE);
      }
  }

  /* Another element is not locked; rename it and save. */
  changed = first_non_entry (version);
  changed_id = g_strdup (wm_element_get_id (changed));
  {
    const char *ids[] = { changed_id, NULL };

    wm_canvas_set_selection (canvas, ids);
    g_assert_null (wm_inspector_get_locked_reason (inspector));
    g_assert_true (gtk_widget_is_sensitive (wm_inspector_get_field_row (inspector, "name")));
  }
  old_name = g_strdup (wm_element_get_display_name (changed));
  wm_element_set_name (changed, "Last reminder");
  g_assert_true (wm_editor_page_save_now (f->page));

  /* The store launches it: version 1 finishes, version 2 runs. */
  g_assert_true (wm_workspace_launch (f->workspace, f->id, g_get_real_time () / G_USEC_PER_SEC, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 1), ==, WM_VERSION_FINISHING);
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 2), ==, WM_VERSION_ACTIVE);
  /* The page's draft copy is stale now: it shows version 2 as stored. */
  wait_for_page_status (f->page, WM_VERSION_ACTIVE);
  g_assert_cmpint (wm_version_get_status (wm_editor_page_get_version (f->page)), ==, WM_VERSION_ACTIVE);
  g_assert_true (wm_editor_page_is_read_only (f->page));
  spin (300);
  save_shot (GTK_WIDGET (f->window), "versions-panel.png");

  /* Compare: the canvas shows version 2 marked against version 1. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.compare", "(uu)", 1, 2);
  spin (100);
  g_assert_true (wm_versions_panel_is_comparing (f->panel));
  g_assert_cmpuint (wm_version_get_number (wm_editor_page_get_version (f->page)), ==, 2);
  g_assert_true (wm_canvas_get_read_only (canvas));
  g_assert_cmpint (wm_canvas_get_mark (canvas, changed_id), ==, WM_DIFF_CHANGED);
  g_assert_cmpint (wm_canvas_get_mark (canvas, entry_id), ==, WM_NODE_NO_MARK);
  {
    WmElement *shown = wm_version_find_element (wm_editor_page_get_version (f->page), changed_id);
    GtkWidget *node = wm_canvas_get_node (canvas, shown);

    g_assert_cmpstr (wm_node_get_mark_description (WM_NODE (node)), ==, "Changed in version 2: name");
  }

  /* The list has one row, for the renamed element, naming the field. */
  changes = wm_versions_panel_get_changes (f->panel);
  row = gtk_list_box_get_row_at_index (changes, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (changes, 1));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "element-id"), ==, changed_id);
  collect_text (GTK_WIDGET (row), text);
  g_assert_nonnull (strstr (text->str, "Changed\n"));
  g_assert_nonnull (strstr (text->str, "Last reminder\n"));
  {
    g_autofree char *line = g_strdup_printf ("Name: %s → Last reminder\n", old_name);

    g_assert_nonnull (strstr (text->str, line));
  }

  /* Activating the change selects its element (and scrolls to it). */
  wm_canvas_set_zoom (canvas, 1.0);
  wm_canvas_unselect_all (canvas);
  g_signal_emit_by_name (changes, "row-activated", row);
  {
    g_auto(GStrv) selected = wm_canvas_get_selected_ids (canvas);

    g_assert_cmpuint (g_strv_length (selected), ==, 1);
    g_assert_cmpstr (selected[0], ==, changed_id);
  }
  /* Past the stack's slide, for the screenshot. */
  spin (400);
  save_shot (GTK_WIDGET (f->window), "versions-compare.png");

  /* Stop Comparing: the marks go. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.stop-comparing", NULL);
  g_assert_false (wm_versions_panel_is_comparing (f->panel));
  g_assert_null (wm_canvas_get_comparison (canvas));
  g_assert_cmpint (wm_canvas_get_mark (canvas, changed_id), ==, WM_NODE_NO_MARK);
  /* Version 2 is active now: read-only as before. */
  g_assert_true (wm_canvas_get_read_only (canvas));
}

static void
test_compare_a_draft (Fixture       *f,
                      gconstpointer  data)
{
  WmCanvas *canvas = wm_editor_page_get_canvas (f->page);
  GtkListBox *changes = wm_versions_panel_get_changes (f->panel);
  g_autofree char *removed_id = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkListBoxRow *row;
  WmVersion *version;
  guint n_rows = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.new-version", "u", 1);
  spin (50);
  version = wm_editor_page_get_version (f->page);
  g_assert_cmpuint (wm_version_get_number (version), ==, 2);

  /* Delete the element after the entry point (and its connections). */
  removed_id = g_strdup (wm_element_get_id (first_non_entry (version)));
  {
    const char *ids[] = { removed_id, NULL };

    wm_canvas_set_selection (canvas, ids);
    wm_canvas_delete_selection (canvas);
    g_assert_null (wm_version_find_element (version, removed_id));
  }

  g_assert_true (wm_versions_panel_compare (f->panel, 2, 1, NULL));
  g_assert_true (wm_canvas_get_read_only (canvas));
  g_assert_cmpint (wm_canvas_get_mark (canvas, removed_id), ==, WM_DIFF_REMOVED);
  g_assert_nonnull (wm_canvas_get_ghost (canvas, removed_id));

  /* The removed element, then the connections that went with it. */
  row = gtk_list_box_get_row_at_index (changes, 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "element-id"), ==, removed_id);
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind")), ==, WM_DIFF_REMOVED);
  while (gtk_list_box_get_row_at_index (changes, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 1 + 2);
  collect_text (GTK_WIDGET (gtk_list_box_get_row_at_index (changes, 2)), text);
  g_assert_nonnull (strstr (text->str, "Removed\nConnection\n"));
  g_assert_nonnull (strstr (text->str, " → "));

  /* Activating the removed element selects nothing: it is not here. */
  wm_canvas_set_zoom (canvas, 1.0);
  g_signal_emit_by_name (changes, "row-activated", row);
  g_assert_cmpuint (wm_canvas_get_n_selected (canvas), ==, 0);
  spin (400);
  save_shot (GTK_WIDGET (f->window), "versions-compare-removed.png");

  /* The draft is editable again after the comparison. */
  wm_versions_panel_stop_comparing (f->panel);
  g_assert_false (wm_canvas_get_read_only (canvas));
  g_assert_null (wm_canvas_get_ghost (canvas, removed_id));
}

static void
test_stop_asks_first (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(WmFlow) flow = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.stop", "u", 1);
  spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  /* The confirmation says what stopping does to the people inside. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "leaves the flow at once"));
  adw_message_dialog_response (dialog, "cancel");
  spin (50);
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 1), ==, WM_VERSION_ACTIVE);

  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.stop", "u", 1);
  spin (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "stop");
  spin (50);
  flow = wm_workspace_get_flow (f->workspace, f->id, NULL);
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (flow, 1)), ==, WM_VERSION_STOPPED);
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 1), ==, WM_VERSION_STOPPED);
  /* The page shows the version as it is now. */
  wait_for_page_status (f->page, WM_VERSION_STOPPED);
  g_assert_cmpint (wm_version_get_status (wm_editor_page_get_version (f->page)), ==, WM_VERSION_STOPPED);

  /* A stopped flow's last version cannot get a new one: the store says
   * why and the page stays. */
  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.new-version", "u", 1);
  spin (20);
  g_assert_cmpstr (wm_flow_get_id (wm_editor_page_get_flow (f->page)), ==, f->id);
  g_assert_null (wm_versions_panel_get_card (f->panel, 2));
}

static void
test_duplicate_makes_a_new_flow (Fixture       *f,
                                 gconstpointer  data)
{
  GListModel *flows = wm_workspace_get_flows (f->workspace);
  guint before = g_list_model_get_n_items (flows);
  WmFlow *copy;

  gtk_widget_activate_action (GTK_WIDGET (f->panel), "versions.duplicate", "u", 1);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (flows), ==, before + 1);
  copy = wm_editor_page_get_flow (f->page);
  g_assert_cmpstr (wm_flow_get_id (copy), !=, f->id);
  g_assert_cmpstr (wm_flow_get_name (copy), ==, "Copy of Cart reminder");
  g_assert_cmpuint (wm_flow_get_n_versions (copy), ==, 1);
  g_assert_cmpint (wm_version_get_status (wm_editor_page_get_version (f->page)), ==, WM_VERSION_DRAFT);
  /* The panel follows the page to the copy; nothing is locked there. */
  g_assert_cmpint (wm_versions_panel_get_card_status (f->panel, 1), ==, WM_VERSION_DRAFT);
  g_assert_null (wm_canvas_get_locked_element (wm_editor_page_get_canvas (f->page)));
}

static void
test_compare_refuses_bad_versions (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_versions_panel_compare (f->panel, 1, 1, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "pick another one"));
  g_clear_error (&error);
  g_assert_false (wm_versions_panel_compare (f->panel, 1, 7, &error));
  g_assert_nonnull (strstr (error->message, "has no version 7"));
  g_assert_false (wm_versions_panel_is_comparing (f->panel));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(name, func) \
  g_test_add ("/ui/versions/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new-version-launch-compare", test_new_version_launch_compare);
  ADD ("compare-a-draft", test_compare_a_draft);
  ADD ("stop-asks-first", test_stop_asks_first);
  ADD ("duplicate-makes-a-new-flow", test_duplicate_makes_a_new_flow);
  ADD ("compare-refuses-bad-versions", test_compare_refuses_bad_versions);
#undef ADD

  return g_test_run ();
}
