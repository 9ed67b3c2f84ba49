/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer journey timeline on the sample workspace: a run of every
 * sample flow over the sample profiles is made with the simulation library
 * and stored, then opened through win.show-timeline as the app would. A
 * customer is found by id and by e-mail, filtered by channel, an item's
 * details are opened and stepped, and "Show in flow" lights the path on
 * the editor's canvas. What is asserted is read from the timeline model
 * (the library's) and from the widgets shown. With WAYMARK_SCREENSHOT_DIR
 * set, timeline-timeline.png, timeline-grid.png, timeline-details.png,
 * timeline-path.png and timeline-show-customer.png are saved there.
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-flow-info.h"
#include "wm-run-program.h"
#include "wm-runs.h"
#include "wm-simulation.h"
#include "wm-timeline-chip.h"
#include "wm-timeline-grid.h"
#include "wm-timeline-page.h"
#include "wm-ui-types.h"
#include "wm-window.h"
#include "ui-harness.h"

static WmApplication *app;
static gint64 run_id;
/* A customer with messages of more than one channel, and one date with
 * two or more items, chosen once from the sample. */
static char *customer_id;
static char *customer_email;

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("WAYMARK_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  spin (400);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Simulates every sample flow over the sample profiles with the library,
 * as the app's run dialog does, and stores the run. */
static gint64
store_sample_run (WmWorkspace *workspace)
{
  GListModel *flows = wm_workspace_get_flows (workspace);
  guint n = g_list_model_get_n_items (flows);
  g_autoptr(WmRun) run = wm_run_new ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) program_flows = g_array_new (FALSE, TRUE, sizeof (WmRunProgramFlow));
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id;

  run->profiles_path = wm_workspace_get_sample_profiles_path (workspace);
  g_assert_true (wm_run_stat_profiles (run, &error));
  g_assert_no_error (error);
  run->start = now - 60 * 86400;
  run->end = now + 30 * 86400;
  run->seed = 8;
  run->params = g_strdup ("{}");
  run->name = g_strdup ("Timeline test run");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (flows, i);
      const char *flow_id = wm_flow_info_get_id (info);
      char *document = wm_workspace_export_flow (workspace, flow_id, NULL, &error);
      WmRunProgramFlow f = { document, 0 };

      g_assert_no_error (error);
      wm_run_add_flow (run, flow_id, wm_flow_info_get_latest_number (info), FALSE);
      g_ptr_array_add (documents, document);
      g_array_append_val (program_flows, f);
    }
  program = wm_run_program_new ((WmRunProgramFlow *) program_flows->data, program_flows->len,
                                run->params, run->start, run->end, run->seed, NULL, &error);
  g_assert_no_error (error);
  options.profiles_path = run->profiles_path;
  options.threads = 1;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  run->report = json_to_string (result.report, FALSE);
  wm_sim_result_clear (&result);
  id = wm_workspace_add_run (workspace, run, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static WmWindow *
open_window (WmTimelinePage **page_out)
{
  WmWindow *window = wm_window_new (app);
  GtkWidget *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-timeline",
                                  g_variant_new_int64 (run_id));
  spin (200);
  stack = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "timeline");
  *page_out = WM_TIMELINE_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack)));
  g_assert_cmpint (wm_timeline_page_get_run_id (*page_out), ==, run_id);
  return window;
}

static void
destroy_window (WmWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static WmTimelineItem *
item_at (WmTimelineModel *model,
         guint            position)
{
  WmTimelineItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  g_object_unref (item);   /* the model keeps it */
  return item;
}

/* The first position on a date with two or more items, or G_MAXUINT. */
static guint
busy_date_start (WmTimelineModel *model)
{
  for (guint d = 0; d < wm_timeline_model_get_n_days (model); d++)
    {
      guint first, count;

      wm_timeline_model_get_day (model, d, &first, &count);
      if (count >= 2)
        return first;
    }
  return G_MAXUINT;
}

static guint
n_channels (WmTimelineModel *model)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      const char *channel = wm_timeline_item_get_channel (item_at (model, i));

      if (channel != NULL)
        g_hash_table_add (seen, (gpointer) channel);
    }
  return g_hash_table_size (seen);
}

/* Picks the test's customer: the first sample profile with an e-mail
 * whose timeline has two channels and a busy date. */
static void
choose_customer (WmTimelinePage *page,
                 const char     *profiles_path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (profiles_path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && customer_id == NULL; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
      JsonObject *object, *attributes;
      WmTimelineModel *model;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      attributes = json_object_get_object_member (object, "attributes");
      if (attributes == NULL || !json_object_has_member (attributes, "email"))
        continue;
      g_assert_true (wm_timeline_page_find_customer (page, json_object_get_string_member (object, "id"), NULL));
      model = wm_timeline_page_get_model (page);
      if (n_channels (model) >= 2 && busy_date_start (model) != G_MAXUINT)
        {
          customer_id = g_strdup (json_object_get_string_member (object, "id"));
          customer_email = g_strdup (json_object_get_string_member (attributes, "email"));
        }
    }
  g_assert_nonnull (customer_id);
}

static void
find_customer (WmTimelinePage *page,
               const char     *query)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_timeline_page_find_customer (page, query, &error));
  g_assert_no_error (error);
  spin (100);
}

static void
test_action_opens_the_runs_timeline (void)
{
  WmTimelinePage *page;
  WmWindow *window = open_window (&page);
  g_autoptr(GError) error = NULL;

  /* No customer yet: the page asks for one, in the search entry. */
  g_assert_null (wm_timeline_page_get_model (page));
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (page)));

  /* A run that does not exist is refused and the page stays as it was. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-timeline",
                                  g_variant_new_int64 (run_id + 1000));
  spin (100);
  g_assert_cmpint (wm_timeline_page_get_run_id (page), ==, run_id);
  destroy_window (window);
}

static GtkWidget *
find_search_entry (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return child;
      if ((found = find_search_entry (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_find_by_id_and_by_email (void)
{
  WmTimelinePage *page;
  WmWindow *window = open_window (&page);
  g_autoptr(GError) error = NULL;
  g_autofree char *upper = NULL;
  guint by_id;

  if (customer_id == NULL)
    {
      g_autoptr(WmRun) run = wm_workspace_get_run (wm_application_get_workspace (app), run_id, &error);

      g_assert_no_error (error);
      choose_customer (page, run->profiles_path);
    }

  find_customer (page, customer_id);
  by_id = wm_timeline_model_get_n_all (wm_timeline_page_get_model (page));
  g_assert_cmpuint (by_id, >, 0);
  /* Everything shows at first: the period defaults to 12 months. */
  g_assert_cmpuint (wm_timeline_model_get_period (wm_timeline_page_get_model (page)), ==, 12);

  /* The e-mail, in another case and with spaces around, finds the same
   * customer. */
  upper = g_strdup_printf ("  %s ", customer_email);
  for (char *p = upper; *p; p++)
    *p = g_ascii_toupper (*p);
  find_customer (page, upper);
  g_assert_cmpuint (wm_timeline_model_get_n_all (wm_timeline_page_get_model (page)), ==, by_id);

  /* Typed into the search entry and activated, as a person does. */
  {
    GtkWidget *entry = find_search_entry (GTK_WIDGET (page));

    g_assert_nonnull (entry);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    /* Show someone else first, to see the search change it. */
    find_customer (page, customer_email);
    gtk_editable_set_text (GTK_EDITABLE (entry), customer_id);
    g_signal_emit_by_name (entry, "activate");
    /* It searches in a thread. */
    g_assert_true (wm_timeline_page_is_searching (page));
    while (wm_timeline_page_is_searching (page) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_false (wm_timeline_page_is_searching (page));
    g_assert_cmpuint (wm_timeline_model_get_n_all (wm_timeline_page_get_model (page)), ==, by_id);

    /* Not found: said on the page, the customer shown stays. */
    gtk_editable_set_text (GTK_EDITABLE (entry), "nobody@example.invalid");
    g_signal_emit_by_name (entry, "activate");
    while (wm_timeline_page_is_searching (page) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_false (wm_timeline_page_is_searching (page));
    g_assert_cmpuint (wm_timeline_model_get_n_all (wm_timeline_page_get_model (page)), ==, by_id);
  }

  /* Someone not in the file: the error names the query, the customer
   * shown stays. */
  g_assert_false (wm_timeline_page_find_customer (page, "nobody@example.invalid", &error));
  g_assert_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nobody@example.invalid"));
  g_assert_cmpuint (wm_timeline_model_get_n_all (wm_timeline_page_get_model (page)), ==, by_id);

  save_screenshot (GTK_WIDGET (window), "timeline-timeline.png");
  destroy_window (window);
}

static void
test_filter_by_channel (void)
{
  WmTimelinePage *page;
  WmWindow *window = open_window (&page);
  WmTimelineModel *model;
  WmTimelineView *view;
  const char *channel = NULL;
  guint all, n;

  find_customer (page, customer_id);
  model = wm_timeline_page_get_model (page);
  all = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < all && channel == NULL; i++)
    channel = wm_timeline_item_get_channel (item_at (model, i));
  g_assert_nonnull (channel);

  g_assert_false (wm_timeline_page_set_channel (page, "carrier-pigeon"));
  g_assert_true (wm_timeline_page_set_channel (page, channel));
  spin (100);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (wm_timeline_item_get_channel (item_at (model, i)), ==, channel);

  /* The timeline shows those items, each chip named by the item's
   * description. */
  view = wm_timeline_page_get_view (page);
  g_assert_cmpuint (wm_timeline_view_get_n_shown (view), >, 0);
  g_assert_cmpuint (wm_timeline_view_get_n_shown (view), <=, n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *chip = wm_timeline_view_get_chip (view, i);
      g_autofree char *description = NULL;

      if (chip == NULL)
        continue;
      description = wm_timeline_item_describe (item_at (model, i));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, description);
      g_assert_true (wm_timeline_chip_get_item (WM_TIMELINE_CHIP (chip)) == item_at (model, i));
    }

  /* The table shows the same items; sorted by time descending, the newest
   * comes first. */
  wm_timeline_page_set_view (page, "grid");
  wm_timeline_grid_sort_by (wm_timeline_page_get_grid (page), 0, GTK_SORT_DESCENDING);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (wm_timeline_page_get_grid (page)))), ==, n);
  g_assert_true (wm_timeline_grid_get_item (wm_timeline_page_get_grid (page), 0) == item_at (model, n - 1));
  save_screenshot (GTK_WIDGET (window), "timeline-grid.png");

  /* Back to every channel. */
  g_assert_true (wm_timeline_page_set_channel (page, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, all);
  destroy_window (window);
}

static GtkEventControllerKey *
key_controller_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER_KEY (controller);
    }
  g_assert_not_reached ();
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (key_controller_of (widget), "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static void
test_keyboard_steps_and_opens (void)
{
  WmTimelinePage *page;
  WmWindow *window = open_window (&page);
  WmTimelineView *view;
  guint n;

  find_customer (page, customer_id);
  view = wm_timeline_page_get_view (page);
  n = g_list_model_get_n_items (G_LIST_MODEL (wm_timeline_page_get_model (page)));
  g_assert_cmpuint (n, >=, 2);

  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Home));
  g_assert_cmpuint (wm_timeline_view_get_focus_item (view), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Right));
  g_assert_cmpuint (wm_timeline_view_get_focus_item (view), ==, 1);
  spin (100);
  g_assert_true (gtk_widget_has_focus (wm_timeline_view_get_chip (view, 1)));
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Left));
  g_assert_cmpuint (wm_timeline_view_get_focus_item (view), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_End));
  g_assert_cmpuint (wm_timeline_view_get_focus_item (view), ==, n - 1);

  /* Enter opens the details; Escape closes them, then the page. */
  g_assert_true (press_key (GTK_WIDGET (view), GDK_KEY_Return));
  g_assert_true (wm_timeline_page_details_shown (page));
  g_assert_cmpuint (wm_timeline_details_get_position (wm_timeline_page_get_details (page)), ==, n - 1);
  g_assert_true (press_key (GTK_WIDGET (page), GDK_KEY_Escape));
  g_assert_false (wm_timeline_page_details_shown (page));
  g_assert_true (press_key (GTK_WIDGET (page), GDK_KEY_Escape));
  spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)))), ==, "flows");
  destroy_window (window);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), tooltip) == 0)
        return child;
      if ((found = find_button (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_details_step_and_show_in_flow (void)
{
  WmTimelinePage *page;
  WmWindow *window = open_window (&page);
  WmTimelineModel *model;
  WmTimelineDetails *details;
  WmTimelineItem *item;
  GtkWidget *next, *show;
  WmCanvas *canvas;
  g_autoptr(GPtrArray) path = NULL;
  guint first, second;
  g_autofree char *time = NULL;

  find_customer (page, customer_id);
  model = wm_timeline_page_get_model (page);
  first = busy_date_start (model);
  g_assert_cmpuint (first, !=, G_MAXUINT);

  wm_timeline_page_open_item (page, first);
  spin (100);
  details = wm_timeline_page_get_details (page);
  g_assert_true (wm_timeline_page_details_shown (page));
  item = wm_timeline_details_get_item (details);
  g_assert_true (item == item_at (model, first));
  g_assert_nonnull (wm_timeline_details_get_value (details, "time"));

  /* Next steps within the date. */
  next = find_button (GTK_WIDGET (details), "Next Item of This Date");
  g_assert_nonnull (next);
  g_assert_true (gtk_widget_is_sensitive (next));
  second = wm_timeline_model_get_next (model, first);
  g_signal_emit_by_name (next, "clicked");
  spin (100);
  g_assert_cmpuint (wm_timeline_details_get_position (details), ==, second);
  item = wm_timeline_details_get_item (details);
  g_assert_cmpint (wm_timeline_item_get_day (item), ==, wm_timeline_item_get_day (item_at (model, first)));

  /* Find an item of a flow entry, with its details, and show it: one of
   * an older version when there is one (Show in Flow must open that
   * version, not the latest). */
  {
    guint chosen = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
      if (wm_timeline_item_get_kind (item_at (model, i)) == WM_TIMELINE_SEND
          && (chosen == G_MAXUINT || wm_timeline_item_get_version (item_at (model, i))
                                     < wm_timeline_item_get_version (item_at (model, chosen))))
        chosen = i;
    g_assert_cmpuint (chosen, !=, G_MAXUINT);
    wm_timeline_page_open_item (page, chosen);
  }
  item = wm_timeline_details_get_item (details);
  g_assert_cmpint (wm_timeline_item_get_kind (item), ==, WM_TIMELINE_SEND);
  spin (100);
  /* The item shown is marked on the timeline. */
  {
    GtkWidget *chip = wm_timeline_view_get_chip (wm_timeline_page_get_view (page),
                                                 wm_timeline_details_get_position (details));

    g_assert_nonnull (chip);
    g_assert_true (gtk_widget_get_state_flags (chip) & GTK_STATE_FLAG_SELECTED);
  }
  g_assert_cmpstr (wm_timeline_details_get_value (details, "element"), ==, wm_timeline_item_get_element (item));
  g_assert_cmpstr (wm_timeline_details_get_value (details, "channel"), ==,
                   wm_timeline_channel_title (wm_timeline_item_get_channel (item)));
  g_assert_nonnull (wm_timeline_details_get_value (details, "cost"));
  g_assert_nonnull (wm_timeline_details_get_value (details, "delivered"));
  g_assert_null (wm_timeline_details_get_value (details, "outcome"));
  time = g_strdup (wm_timeline_details_get_value (details, "time"));
  save_screenshot (GTK_WIDGET (window), "timeline-details.png");

  path = wm_timeline_model_get_path (model, item);
  g_assert_cmpuint (path->len, >, 0);
  show = find_button (GTK_WIDGET (details), "_Show in Flow");
  g_assert_nonnull (show);
  g_signal_emit_by_name (show, "clicked");
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)))), ==, "editor");
  canvas = wm_editor_page_get_canvas (wm_window_get_editor_page (window));
  g_assert_cmpuint (wm_version_get_number (wm_editor_page_get_version (wm_window_get_editor_page (window))), ==,
                    wm_timeline_item_get_version (item));
  g_assert_true (wm_canvas_has_highlighted_path (canvas));
  /* The sending element and every element of the path are lit, with the
   * ports the customer left by. */
  g_assert_true (wm_canvas_is_highlighted (canvas, wm_timeline_item_get_element (item), NULL));
  for (guint i = 0; i < path->len; i++)
    {
      WmPathStep *step = g_ptr_array_index (path, i);

      g_assert_true (wm_canvas_is_highlighted (canvas, step->element, NULL));
      if (step->port != NULL)
        g_assert_true (wm_canvas_is_highlighted (canvas, step->element, step->port));
    }
  g_assert_false (wm_canvas_is_highlighted (canvas, "no-such-element", NULL));
  save_screenshot (GTK_WIDGET (window), "timeline-path.png");

  /* Escape on the canvas clears it. */
  g_assert_true (press_key (GTK_WIDGET (canvas), GDK_KEY_Escape));
  g_assert_false (wm_canvas_has_highlighted_path (canvas));
  destroy_window (window);
}

/* The ids of the first and the last profiles with three or more events
 * (so their timelines are not empty). */
static void
first_and_last_ids (const char  *profiles_path,
                    char       **first,
                    char       **last)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (profiles_path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (lines[i], NULL);
      JsonArray *events;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
          || (events = json_object_get_array_member (json_node_get_object (node), "events")) == NULL
          || json_array_get_length (events) < 3)
        continue;
      if (*first == NULL)
        *first = g_strdup (json_object_get_string_member (json_node_get_object (node), "id"));
      g_free (*last);
      *last = g_strdup (json_object_get_string_member (json_node_get_object (node), "id"));
    }
  g_assert_nonnull (*first);
  g_assert_cmpstr (*first, !=, *last);
}

/* win.show-customer, as a journey's stuck-customer list activates it:
 * from another page, the run's timeline on that customer; an unknown
 * customer leaves the run's timeline open and says so. */
static void
test_show_customer_action (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRun) run = wm_workspace_get_run (wm_application_get_workspace (app), run_id, &error);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(WmTimelineModel) expected = NULL;
  WmTimelinePage *page;
  GtkWidget *stack;

  g_assert_no_error (error);
  first_and_last_ids (run->profiles_path, &first, &last);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  stack = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "flows");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "(xs)", run_id, last));
  spin (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "timeline");
  page = WM_TIMELINE_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack)));
  g_assert_cmpint (wm_timeline_page_get_run_id (page), ==, run_id);
  g_assert_cmpstr (wm_timeline_page_get_customer_id (page), ==, last);
  g_assert_nonnull (wm_timeline_page_get_model (page));
  g_assert_cmpuint (wm_timeline_model_get_n_all (wm_timeline_page_get_model (page)), >, 0);
  expected = g_object_ref (wm_timeline_page_get_model (page));
  save_screenshot (GTK_WIDGET (window), "timeline-show-customer.png");

  /* Another customer of the same run, then the first one again: the same
   * timeline as before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "(xs)", run_id, first));
  spin (100);
  g_assert_cmpstr (wm_timeline_page_get_customer_id (page), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "(xs)", run_id, last));
  spin (100);
  g_assert_cmpstr (wm_timeline_page_get_customer_id (page), ==, last);
  g_assert_cmpuint (wm_timeline_model_get_n_all (wm_timeline_page_get_model (page)), ==,
                    wm_timeline_model_get_n_all (expected));

  /* No such customer: the run's timeline stays, asking for one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "(xs)", run_id,
                                             "no-such-customer"));
  spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "timeline");
  g_assert_cmpint (wm_timeline_page_get_run_id (page), ==, run_id);
  g_assert_cmpstr (wm_timeline_page_get_customer_id (page), !=, "no-such-customer");

  /* No such run: nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "(xs)", run_id + 1000, last));
  spin (100);
  g_assert_cmpint (wm_timeline_page_get_run_id (page), ==, run_id);
  g_clear_object (&expected);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GVariantDict) options = NULL;
  WmWorkspace *workspace;
  int status = 0;
  int ret;

  if (!ui_test_init (&argc, &argv))
    return 0;

  /* The app opens the workspace of --workspace at startup: give it one
   * of our own (the per-test isolated dirs do not cover main, so the
   * default would be the user's), created with the sample. */
  data_dir = g_dir_make_tmp ("waymark-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (data_dir, "workspace.db", NULL);
  workspace = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE | WM_WORKSPACE_OPEN_SAMPLE, &error);
  g_assert_no_error (error);
  g_object_unref (workspace);
  app = wm_application_new ();
  options = g_variant_dict_new (NULL);
  g_variant_dict_insert_value (options, "workspace", g_variant_new_bytestring (path));
  g_signal_emit_by_name (app, "handle-local-options", options, &status);
  g_assert_cmpint (status, ==, -1);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (wm_application_get_workspace (app));
  g_assert_cmpstr (wm_workspace_get_path (wm_application_get_workspace (app)), ==, path);
  run_id = store_sample_run (wm_application_get_workspace (app));

  g_test_add_func ("/ui/timeline/the-action-opens-the-runs-timeline", test_action_opens_the_runs_timeline);
  g_test_add_func ("/ui/timeline/a-customer-is-found-by-id-and-by-email", test_find_by_id_and_by_email);
  g_test_add_func ("/ui/timeline/the-channel-filter-shows-only-that-channel", test_filter_by_channel);
  g_test_add_func ("/ui/timeline/keys-step-open-and-close", test_keyboard_steps_and_opens);
  g_test_add_func ("/ui/timeline/details-step-within-a-date-and-show-the-path", test_details_step_and_show_in_flow);
  g_test_add_func ("/ui/timeline/show-customer-opens-that-customer", test_show_customer_action);

  ret = g_test_run ();
  g_object_unref (app);
  /* The workspace, its sample profiles and the folders around them. */
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", data_dir);

    if (g_str_has_prefix (data_dir, g_get_tmp_dir ()))
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  return ret;
}
