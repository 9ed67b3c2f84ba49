/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journeys page on a real workspace file: the sample's onboarding
 * journey listed, search, New Journey… through its dialog, Duplicate,
 * Delete only after the confirmation, Export and Import (a round trip
 * gives back the stored bytes), and the window's import, which sends
 * journey files to the journeys and flow files to the flows.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-journeys-page.h"
#include "wm-ui-types.h"
#include "wm-window.h"
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

  f->workspace = temp_workspace_new ("waymark-journeys-XXXXXX", TRUE, &f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  temp_workspace_remove (&f->workspace, &f->dir, &f->path);
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 900, 600);
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

/* The message dialog shown with @heading, or NULL. */
static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  AdwMessageDialog *found = NULL;
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
has_journey (Fixture    *f,
             const char *id)
{
  g_autoptr(WmJourney) journey = wm_workspace_get_journey (f->workspace, id, NULL);

  return journey != NULL;
}

static guint
n_journeys (Fixture *f)
{
  g_autoptr(GPtrArray) list = wm_workspace_list_journeys (f->workspace, NULL);

  return list->len;
}

static void
activated_cb (WmJourneysPage *page,
              const char     *id,
              char          **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_lists_and_searches (Fixture       *f,
                         gconstpointer  data)
{
  WmJourneysPage *page = WM_JOURNEYS_PAGE (wm_journeys_page_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (page));
  g_autofree char *activated = NULL;
  GtkWidget *row;

  /* No workspace: the empty state, New disabled. */
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "journeys.new", NULL)
                  && find_message_dialog ("New Journey") != NULL);

  wm_journeys_page_set_workspace (page, f->workspace);
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 1);
  g_assert_cmpstr (wm_journeys_page_get_shown_id (page, 0), ==, "onboarding");
  row = wm_journeys_page_get_row (page, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "New customer onboarding");
  /* Four stages, stored just now. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "4 stages · Just now");
  save_shot (GTK_WIDGET (window), "jpage-journeys-page.png");

  g_signal_connect (page, "journey-activated", G_CALLBACK (activated_cb), &activated);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (activated, ==, "onboarding");

  wm_journeys_page_set_search_text (page, "ONBOARD");
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 1);
  wm_journeys_page_set_search_text (page, "loyalty");
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 0);
  wm_journeys_page_set_search_text (page, NULL);
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 1);

  /* Deleting the last one shows "No Journeys Yet" with a New button. */
  g_assert_true (wm_workspace_delete_journey (f->workspace, "onboarding", NULL));
  spin (20);
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_button_for_action, "journeys.new"));
  save_shot (GTK_WIDGET (window), "jpage-journeys-empty.png");

  destroy_window (window);
}

static void
test_new_duplicate_delete (Fixture       *f,
                           gconstpointer  data)
{
  WmJourneysPage *page = WM_JOURNEYS_PAGE (wm_journeys_page_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (page));
  g_autofree char *activated = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  wm_journeys_page_set_workspace (page, f->workspace);
  g_signal_connect (page, "journey-activated", G_CALLBACK (activated_cb), &activated);

  /* New Journey… asks a name; Create is off until there is one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journeys.new", NULL));
  spin (50);
  dialog = find_message_dialog ("New Journey");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Win back  ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  spin (50);
  g_assert_nonnull (activated);
  g_assert_true (has_journey (f, activated));
  {
    g_autoptr(WmJourney) journey = wm_workspace_get_journey (f->workspace, activated, NULL);

    g_assert_cmpstr (wm_journey_get_name (journey), ==, "Win back");
  }
  /* Listed by name: "New customer onboarding", then "Win back". */
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 2);
  g_assert_cmpstr (wm_journeys_page_get_shown_id (page, 1), ==, activated);

  /* Duplicate: "Copy of …", a toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journeys.duplicate", "s", "onboarding"));
  spin (20);
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (wm_journeys_page_get_row (page, 0))),
                   ==, "Copy of New customer onboarding");

  /* Delete asks first and says it cannot be undone; Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journeys.delete", "s", activated));
  spin (50);
  dialog = find_message_dialog ("Delete Journey?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Win back”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "This cannot be undone."));
  g_assert_true (has_journey (f, activated));
  adw_message_dialog_response (dialog, "cancel");
  spin (50);
  g_assert_true (has_journey (f, activated));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journeys.delete", "s", activated));
  spin (50);
  dialog = find_message_dialog ("Delete Journey?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  spin (50);
  g_assert_false (has_journey (f, activated));
  g_assert_cmpuint (wm_journeys_page_get_n_shown (page), ==, 2);

  destroy_window (window);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return g_file_new_for_path (path);
}

static void
test_export_import_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *written = NULL;
  g_autofree char *path = g_build_filename (f->dir, "onboarding.waymark-journey.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) flow = NULL;
  g_autofree char *message = NULL;
  g_autofree char *id = NULL;
  gsize stored_length = 0, written_length = 0;

  stored = wm_workspace_export_journey (f->workspace, "onboarding", &stored_length, &error);
  g_assert_no_error (error);
  g_assert_true (wm_export_journey_file (f->workspace, "onboarding", file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &written_length, NULL));
  g_assert_cmpmem (written, written_length, stored, stored_length);

  /* Imported back: a copy under a new id, and exporting the copy gives
   * the same stages byte for byte but for the id. */
  g_assert_true (wm_file_is_journey (file));
  message = wm_import_journey_file (f->workspace, file, &id);
  g_assert_cmpstr (message, ==, "“New customer onboarding” already existed; imported as a copy");
  g_assert_nonnull (id);
  g_assert_cmpstr (id, !=, "onboarding");
  g_assert_cmpuint (n_journeys (f), ==, 2);

  /* Into a workspace without it: the same id and the same bytes. */
  g_assert_true (wm_workspace_delete_journey (f->workspace, "onboarding", NULL));
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&id, g_free);
  message = wm_import_journey_file (f->workspace, file, &id);
  g_assert_cmpstr (message, ==, "Imported “New customer onboarding”");
  g_assert_cmpstr (id, ==, "onboarding");
  g_clear_pointer (&written, g_free);
  written = wm_workspace_export_journey (f->workspace, "onboarding", &written_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (written, written_length, stored, stored_length);

  /* A broken journey file: named, nothing imported. */
  bad = write_file (f, "broken.waymark-journey.json", "{\"format\": \"waymark.journey\",", -1);
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&id, g_free);
  message = wm_import_journey_file (f->workspace, bad, &id);
  g_assert_null (id);
  g_assert_true (g_str_has_prefix (message, "“broken.waymark-journey.json”: "));
  g_assert_cmpuint (n_journeys (f), ==, 2);

  /* Told apart by the format, whatever the name. */
  flow = write_file (f, "renamed.json", "{\"format\": \"waymark.flow\"}", -1);
  g_assert_false (wm_file_is_journey (flow));
  g_clear_object (&bad);
  bad = write_file (f, "renamed.json", stored, stored_length);
  g_assert_true (wm_file_is_journey (bad));
}

static void
test_window_import_routes_by_format (Fixture       *f,
                                     gconstpointer  data)
{
  GtkWindow *window = g_object_new (WM_TYPE_WINDOW, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *journey = NULL;

  g_autofree char *flow = NULL;
  g_auto(GStrv) messages = NULL;
  GSList *files = NULL;
  gsize journey_length = 0, flow_length = 0;
  guint flows_before = g_list_model_get_n_items (wm_workspace_get_flows (f->workspace));
  GListModel *flows = wm_workspace_get_flows (f->workspace);
  g_autoptr(GObject) first = g_list_model_get_item (flows, 0);

  gtk_window_set_default_size (window, 1000, 640);
  wm_flows_page_set_workspace (wm_window_get_flows_page (WM_WINDOW (window)), f->workspace);
  gtk_window_present (window);
  spin (100);

  journey = wm_workspace_export_journey (f->workspace, "onboarding", &journey_length, &error);
  g_assert_no_error (error);
  flow = wm_workspace_export_flow (f->workspace, wm_flow_info_get_id (WM_FLOW_INFO (first)), &flow_length, &error);
  g_assert_no_error (error);
  /* A journey saved as plain .json goes to the journeys too. */
  files = g_slist_append (files, write_file (f, "journey.json", journey, journey_length));
  files = g_slist_append (files, write_file (f, "flow.waymark.json", flow, flow_length));
  messages = wm_window_import_files (WM_WINDOW (window), files);
  g_slist_free_full (files, g_object_unref);

  g_assert_cmpuint (g_strv_length (messages), ==, 2);
  g_assert_cmpstr (messages[0], ==, "“New customer onboarding” already existed; imported as a copy");
  g_assert_true (g_str_has_suffix (messages[1], "already existed; imported as a copy"));
  g_assert_cmpuint (n_journeys (f), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (flows), ==, flows_before + 1);

  /* Alt+2 / Alt+1: the lists; the switcher follows. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("journeys"));
  spin (50);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journeys_page (WM_WINDOW (window)))));
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-page");

    g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "journeys");
  }
  /* The window's journeys page has the workspace only through the app:
   * give it here, as the application does. */
  wm_journeys_page_set_workspace (wm_window_get_journeys_page (WM_WINDOW (window)), f->workspace);
  g_assert_cmpuint (wm_journeys_page_get_n_shown (wm_window_get_journeys_page (WM_WINDOW (window))), ==, 2);
  save_shot (GTK_WIDGET (window), "jpage-window-journeys.png");

  /* Activating a row opens the journey editor; Back returns here. */
  g_signal_emit_by_name (wm_journeys_page_get_row (wm_window_get_journeys_page (WM_WINDOW (window)), 0),
                         "activated");
  spin (50);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journey_editor (WM_WINDOW (window)))));
  g_assert_nonnull (wm_journey_editor_get_journey (wm_window_get_journey_editor (WM_WINDOW (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wm_window_get_journey_editor (WM_WINDOW (window))),
                                             "journey.back", NULL));
  spin (50);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journeys_page (WM_WINDOW (window)))));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("flows"));
  spin (50);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_flows_page (WM_WINDOW (window)))));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add ("/ui/journeys/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("lists-the-sample-and-searches", test_lists_and_searches);
  ADD ("new-duplicate-and-delete-after-confirming", test_new_duplicate_delete);
  ADD ("export-and-import-round-trip", test_export_import_round_trip);
  ADD ("window-import-routes-by-format", test_window_import_routes_by_format);
#undef ADD

  return g_test_run ();
}
