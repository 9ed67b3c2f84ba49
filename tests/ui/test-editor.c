/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flows page and the editor on a real workspace file: the sample
 * content, searching, opening, autosave, read-only launched versions and
 * the validation panel.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-application.h"
#include "wm-editor-page.h"
#include "wm-flow-info.h"
#include "wm-flows-page.h"
#include "wm-ui-types.h"
#include "wm-workspace.h"
#include "ui-harness.h"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->workspace = temp_workspace_new ("waymark-editor-XXXXXX", TRUE, &f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  temp_workspace_remove (&f->workspace, &f->dir, &f->path);
}

static const char *
shown_name (WmFlowsPage *page,
            guint        i)
{
  g_autoptr(WmFlowInfo) info = g_list_model_get_item (wm_flows_page_get_shown (page), i);

  return wm_flow_info_get_name (info);
}

/* Keeps a widget in a window, as the app does, so that it maps and
 * allocates; destroying the window must finalize everything. */
static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1200, 760);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  spin (100);
  return window;
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

static void
test_flows_page_lists_sample (Fixture       *f,
                              gconstpointer  data)
{
  WmFlowsPage *page = WM_FLOWS_PAGE (wm_flows_page_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (page));

  wm_flows_page_set_workspace (page, f->workspace);
  /* The sample holds the three built-in templates as flows, by name. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_flows_page_get_shown (page)), ==, 3);
  g_assert_cmpstr (shown_name (page, 0), ==, "Appointment reminder");
  g_assert_cmpstr (shown_name (page, 1), ==, "Cart abandonment");
  g_assert_cmpstr (shown_name (page, 2), ==, "Welcome message");

  destroy_window (window);
}

static void
test_flows_page_search_filters (Fixture       *f,
                                gconstpointer  data)
{
  WmFlowsPage *page = WM_FLOWS_PAGE (wm_flows_page_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (page));
  GListModel *shown = wm_flows_page_get_shown (page);

  wm_flows_page_set_workspace (page, f->workspace);

  /* Case-insensitive, anywhere in the name. */
  wm_flows_page_set_search_text (page, "CART");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (shown_name (page, 0), ==, "Cart abandonment");

  wm_flows_page_set_search_text (page, "me");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  wm_flows_page_set_search_text (page, "no such flow");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* The status filter: Welcome message is the only draft, Cart
   * abandonment's latest version is active. */
  wm_flows_page_set_search_text (page, NULL);
  wm_flows_page_set_status_filter (page, WM_VERSION_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (shown_name (page, 0), ==, "Welcome message");
  wm_flows_page_set_status_filter (page, WM_VERSION_ACTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (shown_name (page, 0), ==, "Cart abandonment");
  wm_flows_page_set_status_filter (page, -1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* A new flow shows up at its place in the order. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *id = wm_workspace_create_flow (f->workspace, "Birthday wishes", 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
    g_assert_cmpstr (shown_name (page, 1), ==, "Birthday wishes");
  }

  destroy_window (window);
}

static WmEditorPage *
open_editor (Fixture     *f,
             const char  *name,
             GtkWindow  **window)
{
  WmEditorPage *page = WM_EDITOR_PAGE (wm_editor_page_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *id = find_flow_id (f->workspace, name);

  *window = show_in_window (GTK_WIDGET (page));
  wm_editor_page_set_workspace (page, f->workspace);
  g_assert_true (wm_editor_page_open (page, id, &error));
  g_assert_no_error (error);
  spin (50);
  return page;
}

static void
test_editor_shows_elements (Fixture       *f,
                            gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmCanvas *canvas = wm_editor_page_get_canvas (page);
  WmVersion *version = wm_editor_page_get_version (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = find_flow_id (f->workspace, "Welcome message");
  g_autoptr(WmFlow) stored = wm_workspace_get_flow (f->workspace, id, &error);
  WmVersion *stored_version = wm_flow_get_latest_version (stored);

  g_assert_false (wm_editor_page_is_read_only (page));
  g_assert_true (wm_canvas_get_version (canvas) == version);
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, wm_version_get_n_elements (stored_version));
  /* The template's entry point is there, with a node on the canvas. */
  g_assert_nonnull (wm_version_find_element (version, "signed-up"));
  for (guint i = 0; i < wm_version_get_n_elements (stored_version); i++)
    {
      WmElement *element = wm_version_find_element (version,
                                                    wm_element_get_id (wm_version_get_element_at (stored_version, i)));

      g_assert_nonnull (element);
      g_assert_nonnull (wm_canvas_get_node (canvas, element));
    }
  destroy_window (window);
}

static void
test_editor_autosaves (Fixture       *f,
                       gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  guint before = wm_version_get_n_elements (wm_editor_page_get_version (page));
  g_autofree char *id = g_strdup (wm_flow_get_id (wm_editor_page_get_flow (page)));
  g_autoptr(WmWorkspace) other = NULL;
  g_autoptr(WmFlow) stored = NULL;
  g_autoptr(GError) error = NULL;
  WmVersion *version;
  gint64 start;

  g_assert_true (wm_editor_page_is_saved (page));
  /* What a person does: activate SMS in the palette. */
  g_signal_emit_by_name (wm_editor_page_get_palette (page), "type-activated", "send.sms");
  g_assert_cmpuint (wm_version_get_n_elements (wm_editor_page_get_version (page)), ==, before + 1);
  g_assert_false (wm_editor_page_is_saved (page));

  start = g_get_monotonic_time ();
  while (!wm_editor_page_is_saved (page) && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (wm_editor_page_is_saved (page));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* Another connection to the file finds the new element: nothing waits
   * in memory. */
  other = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  stored = wm_workspace_get_flow (other, id, &error);
  g_assert_no_error (error);
  version = wm_flow_get_latest_version (stored);
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, before + 1);
  g_assert_cmpstr (wm_element_get_type_name (wm_version_get_element_at (version, before)), ==, "send.sms");

  /* Undo is saved too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "editor.undo", NULL));
  g_assert_cmpuint (wm_version_get_n_elements (wm_editor_page_get_version (page)), ==, before);
  g_assert_true (wm_editor_page_save_now (page));
  g_clear_object (&stored);
  stored = wm_workspace_get_flow (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_version_get_n_elements (wm_flow_get_latest_version (stored)), ==, before);

  destroy_window (window);
}

static void
test_editor_launched_is_read_only (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Cart abandonment", &window);

  /* The sample launched version 2 ten days ago. */
  g_assert_cmpuint (wm_version_get_number (wm_editor_page_get_version (page)), ==, 2);
  g_assert_true (wm_editor_page_is_read_only (page));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (wm_editor_page_get_palette (page))));
  g_assert_true (wm_canvas_get_read_only (wm_editor_page_get_canvas (page)));
  /* Still looked at: the canvas takes the pointer for selecting. */
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (wm_editor_page_get_canvas (page))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (wm_editor_page_get_inspector (page))));
  destroy_window (window);
}

static void
test_editor_validation_panel (Fixture       *f,
                              gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_editor (f, "Welcome message", &window);
  WmValidationPanel *panel = wm_editor_page_get_validation_panel (page);
  WmCanvas *canvas = wm_editor_page_get_canvas (page);
  g_auto(GStrv) selected = NULL;
  WmElement *sms;
  guint errors_before = wm_editor_page_get_n_errors (page);
  guint index = G_MAXUINT;

  /* The template is valid; an SMS with no sender and no text is two
   * field-missing errors, shown after the validation pause. */
  g_assert_cmpuint (errors_before, ==, 0);
  g_signal_emit_by_name (wm_editor_page_get_palette (page), "type-activated", "send.sms");
  sms = wm_version_get_element_at (wm_editor_page_get_version (page),
                                   wm_version_get_n_elements (wm_editor_page_get_version (page)) - 1);
  spin (WM_EDITOR_VALIDATE_DELAY_MS + 200);
  g_assert_cmpuint (wm_editor_page_get_n_errors (page), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "editor.validate", NULL));
  g_assert_true (wm_editor_page_get_panel_visible (page));
  g_assert_cmpuint (wm_validation_panel_get_n_shown (panel), >=, 2);

  /* Activating the first problem selects the SMS and focuses its field. */
  wm_canvas_unselect_all (canvas);
  index = 0;
  wm_validation_panel_activate (panel, index);
  spin (50);
  selected = wm_canvas_get_selected_ids (canvas);
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, wm_element_get_id (sms));
  g_assert_true (wm_inspector_get_element (wm_editor_page_get_inspector (page)) == sms);

  /* Fill both fields: no errors left. */
  wm_element_set_config_string (sms, "sender", "Shop");
  wm_element_set_config_string (sms, "text", "Hello");
  wm_editor_page_validate_now (page);
  g_assert_cmpuint (wm_editor_page_get_n_errors (page), ==, 0);

  destroy_window (window);
}

static WmEditorPage *
open_blank_editor (Fixture     *f,
                   GtkWindow  **window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = wm_workspace_create_flow (f->workspace, "Chain", 0, &error);

  g_assert_no_error (error);
  return open_editor (f, "Chain", window);
}

static void
test_editor_palette_chains (Fixture       *f,
                            gconstpointer  data)
{
  GtkWindow *window;
  WmEditorPage *page = open_blank_editor (f, &window);
  WmVersion *version = wm_editor_page_get_version (page);
  WmCanvas *canvas = wm_editor_page_get_canvas (page);
  WmPalette *palette = wm_editor_page_get_palette (page);
  WmUndoStack *undo = wm_editor_page_get_undo_stack (page);
  WmConnection *connection;
  WmElement *entry, *sms, *wait;
  const char *entry_ids[2] = { NULL, NULL };
  double ex, ey, sx, sy, wx, wy;
  g_auto(GStrv) selected = NULL;

  /* Nothing selected: the entry goes in on its own. */
  g_signal_emit_by_name (palette, "type-activated", "entry.event");
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, 1);
  g_assert_cmpuint (wm_version_get_n_connections (version), ==, 0);
  entry = wm_version_get_element_at (version, 0);

  /* The entry selected, SMS activated: the SMS goes 240 to the right of
   * it and the entry's "out" leads to it. */
  entry_ids[0] = wm_element_get_id (entry);
  wm_canvas_set_selection (canvas, entry_ids);
  g_signal_emit_by_name (palette, "type-activated", "send.sms");
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, 2);
  g_assert_cmpuint (wm_version_get_n_connections (version), ==, 1);
  sms = wm_version_get_element_at (version, 1);
  g_assert_cmpstr (wm_element_get_type_name (sms), ==, "send.sms");
  connection = wm_version_get_connection_at (version, 0);
  g_assert_cmpstr (wm_connection_get_from (connection), ==, wm_element_get_id (entry));
  g_assert_cmpstr (wm_connection_get_port (connection), ==, "out");
  g_assert_cmpstr (wm_connection_get_to (connection), ==, wm_element_get_id (sms));
  g_assert_true (wm_element_get_position (entry, &ex, &ey));
  g_assert_true (wm_element_get_position (sms, &sx, &sy));
  g_assert_cmpfloat (sx, ==, ex + 240);
  g_assert_cmpfloat (sy, ==, ey);
  /* The SMS is selected now, so the next activation continues from it. */
  selected = wm_canvas_get_selected_ids (canvas);
  g_assert_cmpuint (g_strv_length (selected), ==, 1);
  g_assert_cmpstr (selected[0], ==, wm_element_get_id (sms));

  /* Undo once takes the SMS and its connection away together. */
  g_assert_true (wm_undo_stack_undo (undo));
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, 1);
  g_assert_cmpuint (wm_version_get_n_connections (version), ==, 0);
  g_assert_true (wm_version_get_element_at (version, 0) == entry);

  /* Redo, then chain a wait: the SMS's "out" leads to it. */
  g_assert_true (wm_undo_stack_redo (undo));
  sms = wm_version_get_element_at (version, 1);
  entry_ids[0] = wm_element_get_id (sms);
  wm_canvas_set_selection (canvas, entry_ids);
  g_signal_emit_by_name (palette, "type-activated", "wait.delay");
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, 3);
  g_assert_cmpuint (wm_version_get_n_connections (version), ==, 2);
  wait = wm_version_get_element_at (version, 2);
  connection = wm_version_get_connection_at (version, 1);
  g_assert_cmpstr (wm_connection_get_from (connection), ==, wm_element_get_id (sms));
  g_assert_cmpstr (wm_connection_get_port (connection), ==, "out");
  g_assert_cmpstr (wm_connection_get_to (connection), ==, wm_element_get_id (wait));

  /* The entry's "out" is taken now: with it selected, an E-mail goes in
   * unconnected, below what is there. */
  entry_ids[0] = wm_element_get_id (entry);
  wm_canvas_set_selection (canvas, entry_ids);
  g_signal_emit_by_name (palette, "type-activated", "send.email");
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, 4);
  g_assert_cmpuint (wm_version_get_n_connections (version), ==, 2);
  g_assert_true (wm_element_get_position (wait, &wx, &wy));
  g_assert_cmpfloat (wx, ==, ex + 480);
  g_assert_true (wm_undo_stack_undo (undo));

  /* A spot already taken pushes the new element down: put an element
   * where the SMS's next one would go, then chain from the SMS. */
  g_assert_true (wm_undo_stack_undo (undo));
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, 2);
  wm_canvas_add_element (canvas, "notify.internal", sx + 240, sy);
  entry_ids[0] = wm_element_get_id (sms);
  wm_canvas_set_selection (canvas, entry_ids);
  g_signal_emit_by_name (palette, "type-activated", "wait.delay");
  wait = wm_version_get_element_at (version, 3);
  g_assert_true (wm_element_get_position (wait, &wx, &wy));
  g_assert_cmpfloat (wx, ==, sx + 240);
  g_assert_cmpfloat (wy, >, sy);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/flows/lists-the-sample-workspace-by-name", Fixture, NULL,
              fixture_set_up, test_flows_page_lists_sample, fixture_tear_down);
  g_test_add ("/ui/flows/search-and-status-filter-the-list", Fixture, NULL,
              fixture_set_up, test_flows_page_search_filters, fixture_tear_down);
  g_test_add ("/ui/editor/opening-a-flow-shows-its-elements", Fixture, NULL,
              fixture_set_up, test_editor_shows_elements, fixture_tear_down);
  g_test_add ("/ui/editor/an-edit-is-saved-within-a-second", Fixture, NULL,
              fixture_set_up, test_editor_autosaves, fixture_tear_down);
  g_test_add ("/ui/editor/a-launched-version-is-read-only", Fixture, NULL,
              fixture_set_up, test_editor_launched_is_read_only, fixture_tear_down);
  g_test_add ("/ui/editor/palette-activation-chains-to-the-selected-element", Fixture, NULL,
              fixture_set_up, test_editor_palette_chains, fixture_tear_down);
  g_test_add ("/ui/editor/validation-panel-lists-errors-and-selects-the-element", Fixture, NULL,
              fixture_set_up, test_editor_validation_panel, fixture_tear_down);

  return g_test_run ();
}
