/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flow performance page on the sample workspace: two runs made with
 * the simulator library on the sample profiles (different seeds and SMS
 * prices) are stored, and the page is opened through win.show-run as the
 * other pages do. Every overall figure and every element table cell is
 * read from the widgets and checked against the stored report; a column
 * is sorted; the CSV export equals, byte for byte, what the table writer
 * gives for the report the library built; the comparison marks an
 * element whose figures differ; the runs list opens a run; Back returns.
 * With WAYMARK_SCREENSHOT_DIR set, the page is saved there as
 * run-performance.png, run-charts.png, run-outcomes.png and
 * run-compare.png and run-compare-versions.png, and the run of conformance case 08-outcomes as
 * run-outcome-charts.png and run-outcomes-report.png.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "wm-application.h"
#include "wm-flow-info.h"
#include "wm-flow-io.h"
#include "wm-money.h"
#include "wm-outcomes-summary.h"
#include "wm-report-compare.h"
#include "wm-run-chart.h"
#include "wm-run-program.h"
#include "wm-runs.h"
#include "wm-runs-dialog.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-tables.h"
#include "wm-time.h"
#include "wm-window.h"
#include "ui-harness.h"

static WmApplication *app;

typedef struct
{
  gint64     id;
  JsonNode  *built;     /* the report as the library built it */
  GPtrArray *flows;     /* WmFlow of the run */
} MadeRun;

static void
made_run_clear (MadeRun *made)
{
  g_clear_pointer (&made->built, json_node_unref);
  g_clear_pointer (&made->flows, g_ptr_array_unref);
}

/* Simulates every flow of the workspace (their active versions) on
 * @profiles over @start..@end and stores the run, as the app's run dialog
 * does; flow @first_name comes first, the one the run is about. */
static MadeRun
make_run_on (WmWorkspace *workspace,
             const char  *name,
             guint64      seed,
             const char  *params,
             const char  *profiles,
             gint64       start,
             gint64       end,
             const char  *first_name)
{
  g_autoptr(GError) error = NULL;
  GListModel *infos = wm_workspace_get_flows (workspace);
  guint n = g_list_model_get_n_items (infos);
  g_autofree WmRunProgramFlow *program_flows = g_new0 (WmRunProgramFlow, n);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(WmRun) run = wm_run_new ();
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  MadeRun made = { 0 };
  guint cart = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (infos, i);

      if (g_str_equal (wm_flow_info_get_name (info), first_name))
        cart = i;
    }
  g_assert_cmpuint (cart, <, n);
  made.flows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint k = 0; k < n; k++)
    {
      guint i = k == 0 ? cart : k <= cart ? k - 1 : k;
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (infos, i);
      g_autoptr(WmFlow) flow = wm_workspace_get_flow (workspace, wm_flow_info_get_id (info), &error);
      char *document;

      g_assert_no_error (error);
      document = wm_workspace_export_flow (workspace, wm_flow_info_get_id (info), NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
      program_flows[k].document = document;
      wm_run_add_flow (run, wm_flow_info_get_id (info),
                       wm_version_get_number (wm_flow_get_latest_version (flow)), FALSE);
      g_ptr_array_add (made.flows, wm_flow_load_from_data (document, -1, &error));
      g_assert_no_error (error);
    }

  run->name = g_strdup (name);
  run->profiles_path = g_strdup (profiles);
  g_assert_true (wm_run_stat_profiles (run, &error));
  run->start = start;
  run->end = end;
  run->seed = seed;
  run->params = g_strdup (params);
  program = wm_run_program_new (program_flows, n, params, run->start, run->end, seed, NULL, &error);
  g_assert_no_error (error);

  options.profiles_path = profiles;
  options.threads = 1;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.profiles, >, 0);
  run->report = wm_sim_report_to_text (result.report);
  run->duration_ms = 1500;
  made.id = wm_workspace_add_run (workspace, run, &error);
  g_assert_no_error (error);
  made.built = g_steal_pointer (&result.report);
  wm_sim_result_clear (&result);
  return made;
}

/* A run of the sample workspace over the 40 days before now, about Cart
 * abandonment (its version 2 is active in the sample). */
static MadeRun
make_run (WmWorkspace *workspace,
          const char  *name,
          guint64      seed,
          const char  *params)
{
  g_autofree char *profiles = wm_workspace_get_sample_profiles_path (workspace);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return make_run_on (workspace, name, seed, params, profiles, now - 40 * 24 * 3600, now,
                      "Cart abandonment");
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
has_text_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget);
}

static gboolean
is_chart (GtkWidget     *widget,
          gconstpointer  data)
{
  return WM_IS_RUN_CHART (widget);
}

/* The cell texts of a column view's rows, top to bottom. */
static GPtrArray *
table_rows (GtkWidget *view)
{
  GtkWidget *list = find_widget (view, is_list_view, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *tops = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GStrvBuilder *builder = g_strv_builder_new ();
      graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), at;
      guint position = 0;
      char **cells;

      if (!gtk_widget_get_visible (row) || gtk_widget_get_first_child (row) == NULL)
        {
          g_strv_builder_unref (builder);
          continue;
        }
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *label = gtk_widget_get_first_child (cell);

          g_assert_true (GTK_IS_LABEL (label));
          g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (label)));
        }
      cells = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      /* Rows are recycled: order them by where they are drawn. */
      g_assert_true (gtk_widget_compute_point (row, list, &top, &at));
      while (position < tops->len && GPOINTER_TO_INT (tops->pdata[position]) < (int) at.y)
        position++;
      g_ptr_array_insert (tops, position, GINT_TO_POINTER ((int) at.y));
      g_ptr_array_insert (rows, position, cells);
    }
  g_ptr_array_unref (tops);
  return rows;
}

static char *
report_text (JsonNode *node,
             gboolean  money)
{
  char buf[32];
  gint64 micro = 0;

  if (node == NULL)
    return g_strdup ("");
  if (!money)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    micro = json_node_get_int (node) * WM_MONEY_MICRO;
  else
    g_assert_true (wm_money_from_double (json_node_get_double (node), &micro));
  return g_strdup (wm_money_format (micro, buf));
}

static JsonObject *
flow_all (JsonNode   *report,
          const char *flow_id)
{
  JsonObject *flows = json_object_get_object_member (json_node_get_object (report), "flows");

  g_assert_true (json_object_has_member (flows, flow_id));
  return json_object_get_object_member (json_object_get_object_member (flows, flow_id), "all");
}

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
  spin (300);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Removes the process's own folders: the default workspace with its
 * profiles, and whatever GTK left in the cache. */
static void
remove_home (const char *dir)
{
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (root, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                                   G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autofree char *child = g_build_filename (dir, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_home (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkPolicyType vertical = GTK_POLICY_NEVER;

  /* The page's own scroller, not a table's sideways one. */
  while (scroller != NULL
         && (gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), NULL, &vertical), vertical == GTK_POLICY_NEVER))
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), at;

  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &top, &at));
  gtk_adjustment_set_value (adjustment, at.y - 40);
}

static void
test_run_page (void)
{
  WmWorkspace *workspace = wm_application_get_workspace (app);
  g_autoptr(GError) error = NULL;
  MadeRun first, second;
  WmWindow *window;
  WmRunPage *page;
  GtkStack *stack;
  GtkWidget *view;
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *metrics, *elements, *overall;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(GList) element_ids = NULL;
  g_autoptr(GList) overall_keys = NULL;
  const char *flow_id;
  g_autofree char *export_dir = NULL;
  g_autofree char *writer_dir = NULL;
  g_autoptr(WmRun) stored_run = NULL;
  const char *tables[] = { "elements.csv", "ports.csv", "channels.csv" };
  GtkWidget *compare_list;
  const char *changed_id = NULL;
  gboolean marked = FALSE, unchanged_marked = FALSE;
  const char *unchanged_id = NULL;
  JsonObject *other_elements;
  g_autofree char *second_text = NULL;
  g_autoptr(JsonNode) second_parsed = NULL;
  WmRunChart *engaged;
  guint runs_before;

  g_assert_nonnull (workspace);
  {
    g_autoptr(GPtrArray) runs = wm_workspace_list_runs (workspace, &error);

    g_assert_no_error (error);
    runs_before = runs->len;
  }
  first = make_run (workspace, "Sample, seed 1", 1, NULL);
  second = make_run (workspace, "Sample, seed 99, dearer SMS", 99,
                     "{\"channels\":{\"sms\":{\"price\":0.05}}}");

  window = wm_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (wm_window_get_run_page (window))));
  spin (200);

  /* Opened as every other part of the app opens it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-run", g_variant_new_int64 (first.id));
  spin (300);
  page = wm_window_get_run_page (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "run");
  g_assert_cmpint (wm_run_page_get_run_id (page), ==, first.id);

  stored_run = wm_workspace_get_run (workspace, first.id, &error);
  g_assert_no_error (error);
  stored = json_from_string (stored_run->report, &error);
  g_assert_no_error (error);
  flow_id = ((WmRunFlow *) stored_run->flows->pdata[0])->flow_id;
  metrics = flow_all (stored, flow_id);

  /* Every overall figure, as the report has it. */
  overall = json_object_get_object_member (metrics, "overall");
  overall_keys = json_object_get_members (overall);
  g_assert_cmpuint (g_list_length (overall_keys), ==, 16);
  for (GList *l = overall_keys; l != NULL; l = l->next)
    {
      g_autofree char *name = g_strdup_printf ("overall.%s", (char *) l->data);
      GtkWidget *label = find_widget (GTK_WIDGET (page), is_named, name);
      gboolean money = g_str_equal (l->data, "goal_value") || g_str_equal (l->data, "traffic_cost");
      g_autofree char *expected = report_text (json_object_get_member (overall, l->data), money);

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
    }
  g_assert_cmpint (json_object_get_int_member (overall, "entries"), >, 0);
  save_screenshot (GTK_WIDGET (window), "run-performance.png");

  /* Every cell of the element table, in the report's order. */
  view = find_widget (GTK_WIDGET (page), is_named, "element-table");
  g_assert_nonnull (view);
  rows = table_rows (view);
  elements = json_object_get_object_member (metrics, "elements");
  element_ids = json_object_get_members (elements);
  g_assert_cmpuint (rows->len, ==, g_list_length (element_ids));
  {
    const char *keys[] = { "total_engagements", "unique_users", "sends", "messages", "no_contact",
                           "delivered", "opened", "clicked", "notifications", "cost" };
    guint i = 0;

    for (GList *l = element_ids; l != NULL; l = l->next, i++)
      {
        JsonObject *element = json_object_get_object_member (elements, l->data);
        char **cells = rows->pdata[i];

        g_assert_cmpuint (g_strv_length (cells), ==, 12);
        for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
          {
            g_autofree char *expected = report_text (json_object_get_member (element, keys[k]),
                                                     g_str_equal (keys[k], "cost"));

            g_assert_cmpstr (cells[2 + k], ==, expected);
          }
      }
  }

  /* Sorted by engagements, most first. */
  {
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 2);
    g_autoptr(GPtrArray) sorted = NULL;
    gint64 previous = G_MAXINT64, max = 0;

    g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Engagements");
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column, GTK_SORT_DESCENDING);
    spin (200);
    sorted = table_rows (view);
    g_assert_cmpuint (sorted->len, ==, rows->len);
    for (GList *l = element_ids; l != NULL; l = l->next)
      max = MAX (max, json_object_get_int_member (json_object_get_object_member (elements, l->data),
                                                   "total_engagements"));
    for (guint i = 0; i < sorted->len; i++)
      {
        gint64 value = g_ascii_strtoll (((char **) sorted->pdata[i])[2], NULL, 10);

        g_assert_cmpint (value, <=, previous);
        previous = value;
      }
    g_assert_cmpint (g_ascii_strtoll (((char **) sorted->pdata[0])[2], NULL, 10), ==, max);
    g_assert_true (max > 0);
  }

  /* Each month of engaged persons is a bar that says its value. */
  engaged = WM_RUN_CHART (find_widget (GTK_WIDGET (page), is_chart, NULL));
  {
    JsonObject *months = json_object_get_object_member (metrics, "engaged");
    g_autoptr(GList) keys = json_object_get_members (months);

    g_assert_cmpuint (wm_run_chart_get_n_bars (engaged), ==, g_list_length (keys));
    if (keys != NULL)
      {
        g_autofree char *expected = g_strdup_printf ("%s: %" G_GINT64_FORMAT " engaged person%s",
                                                     (char *) keys->data,
                                                     json_object_get_int_member (months, keys->data),
                                                     json_object_get_int_member (months, keys->data) == 1 ? "" : "s");

        g_assert_cmpstr (gtk_widget_get_tooltip_text (wm_run_chart_get_bar (engaged, 0)), ==, expected);
      }
  }
  scroll_to (GTK_WIDGET (engaged));
  save_screenshot (GTK_WIDGET (window), "run-charts.png");

  /* The CSV export is what the table writer gives for the library's report. */
  export_dir = g_dir_make_tmp ("waymark-export-XXXXXX", &error);
  g_assert_no_error (error);
  writer_dir = g_dir_make_tmp ("waymark-writer-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_true (wm_run_page_export_csv (page, export_dir, &error));
  g_assert_no_error (error);
  g_assert_true (wm_tables_write_csv (first.built, first.flows, writer_dir, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *exported = read_file (export_dir, tables[i]);
      g_autofree char *written = read_file (writer_dir, tables[i]);

      g_assert_cmpuint (strlen (exported), >, 100);
      g_assert_cmpstr (exported, ==, written);
    }
  {
    g_autofree char *json_path = g_build_filename (export_dir, "report.json", NULL);
    g_autofree char *json = NULL;
    g_autofree char *text = wm_sim_report_to_text (first.built);

    g_assert_true (wm_run_page_export_json (page, json_path, &error));
    g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
    g_assert_cmpstr (json, ==, text);
  }
  remove_tree (export_dir);
  remove_tree (writer_dir);

  /* The milestones and outcomes report. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
    find_widget (GTK_WIDGET (page), is_named, "compare-list"), ADW_TYPE_VIEW_STACK)), "outcomes");
  spin (100);
  save_screenshot (GTK_WIDGET (window), "run-outcomes.png");

  /* Compared with the second run: an element whose figures differ is marked.
   * Which differ is found here from the two reports' texts. */
  second_text = wm_sim_report_to_text (second.built);
  second_parsed = json_from_string (second_text, &error);
  g_assert_no_error (error);
  other_elements = json_object_get_object_member (
    json_object_get_object_member (json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (second_parsed), "flows"), flow_id), "all"),
    "elements");
  for (GList *l = element_ids; l != NULL; l = l->next)
    {
      g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (),
                                                     json_object_get_object_member (elements, l->data));
      g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (),
                                                     json_object_get_object_member (other_elements, l->data));
      g_autofree char *ta = json_to_string (a, FALSE);
      g_autofree char *tb = json_to_string (b, FALSE);

      if (!g_str_equal (ta, tb) && changed_id == NULL)
        changed_id = l->data;
      else if (g_str_equal (ta, tb) && unchanged_id == NULL)
        unchanged_id = l->data;
    }
  g_assert_nonnull (changed_id);
  g_assert_true (wm_run_page_compare_with (page, second.id, &error));
  g_assert_no_error (error);
  compare_list = find_widget (GTK_WIDGET (page), is_named, "compare-list");
  for (GtkWidget *row = gtk_widget_get_first_child (compare_list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "wm-compare-id");

      if (g_strcmp0 (id, changed_id) == 0)
        marked = gtk_widget_has_css_class (row, "changed");
      if (unchanged_id != NULL && g_strcmp0 (id, unchanged_id) == 0)
        unchanged_marked = TRUE;
    }
  g_assert_true (marked);
  /* Only differences are listed by default. */
  g_assert_false (unchanged_marked);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (compare_list, ADW_TYPE_VIEW_STACK)),
                                         "compare");
  spin (100);
  save_screenshot (GTK_WIDGET (window), "run-compare.png");

  /* Two versions of the flow in the same run: the launched one and the
   * one it replaces, side by side under their names. */
  {
    JsonObject *versions = json_object_get_object_member (json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (stored), "flows"), flow_id), "versions");
    GtkWidget *list = find_widget (GTK_WIDGET (page), is_named, "compare-list");
    guint n_changed = 0;

    g_assert_true (json_object_has_member (versions, "1"));
    g_assert_true (json_object_has_member (versions, "2"));
    g_assert_true (wm_run_page_select_flow (page, flow_id, 2, &error));
    g_assert_no_error (error);
    g_assert_true (wm_run_page_compare_with_version (page, 1, &error));
    g_assert_no_error (error);
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      n_changed += gtk_widget_has_css_class (row, "changed");
    g_assert_cmpuint (n_changed, >, 0);
    g_assert_nonnull (find_widget (list, is_label_text, "Version 2"));
    g_assert_nonnull (find_widget (list, is_label_text, "Version 1"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_widget (GTK_WIDGET (page), is_named, "compare-status"))),
                              "Version 1 of this run"));
    save_screenshot (GTK_WIDGET (window), "run-compare-versions.png");

    /* Back to all versions and the other run. */
    g_assert_true (wm_run_page_select_flow (page, flow_id, 0, &error));
    g_assert_true (wm_run_page_compare_with (page, second.id, &error));
    g_assert_no_error (error);
  }

  /* The other run renamed meanwhile: the chooser follows, still on it. */
  g_assert_true (wm_workspace_rename_run (workspace, second.id, "Dearer SMS", &error));
  g_assert_no_error (error);
  {
    GtkWidget *chooser = find_widget (GTK_WIDGET (page), is_named, "compare-dropdown");
    GtkStringObject *item;

    g_assert_nonnull (chooser);
    item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (chooser));
    g_assert_nonnull (item);
    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Dearer SMS");
    g_assert_nonnull (gtk_widget_get_first_child (find_widget (GTK_WIDGET (page), is_named, "compare-list")));
  }

  /* The page fits the window's smallest width (the window asks 360). */
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  /* Escape and Alt+Left go back, from anywhere in the page. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
    gboolean escape = FALSE, alt_left = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
            g_autofree char *what = gtk_shortcut_action_to_string (action);

            if (g_str_equal (what, "action(run.back)"))
              {
                escape |= g_str_equal (trigger, "Escape");
                alt_left |= g_str_equal (trigger, "<Alt>Left");
              }
          }
      }
    g_assert_true (escape);
    g_assert_true (alt_left);
  }

  /* The XLSX export is the table writer's workbook of the run. */
  {
    g_autofree char *dir = g_dir_make_tmp ("waymark-xlsx-XXXXXX", &error);
    g_autofree char *exported = g_build_filename (dir, "exported.xlsx", NULL);
    g_autofree char *written = g_build_filename (dir, "written.xlsx", NULL);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    gsize la = 0, lb = 0;

    g_assert_no_error (error);
    g_assert_true (wm_run_page_export_xlsx (page, exported, &error));
    g_assert_no_error (error);
    g_assert_true (wm_tables_write_xlsx (first.built, first.flows, stored_run->end, written, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (exported, &a, &la, NULL));
    g_assert_true (g_file_get_contents (written, &b, &lb, NULL));
    g_assert_cmpuint (la, >, 1000);
    g_assert_cmpmem (a, la, b, lb);
    remove_tree (dir);
  }

  /* Back returns to where the page was opened from. */
  gtk_widget_activate_action (GTK_WIDGET (page), "run.back", NULL);
  spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "flows");

  /* The flows page's primary menu leads to the runs. */
  {
    GtkWidget *flows = GTK_WIDGET (wm_window_get_flows_page (window));
    GtkWidget *button = find_widget (flows, is_primary_menu_button, NULL);
    GMenuModel *menu;
    gboolean found = FALSE;

    g_assert_nonnull (button);
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    for (int i = 0; i < g_menu_model_get_n_items (menu) && !found; i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *action = NULL;
            g_autofree char *label = NULL;

            if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action)
                && g_str_equal (action, "win.show-runs"))
              {
                g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label));
                g_assert_cmpstr (label, ==, "_Simulation Runs");
                found = TRUE;
              }
          }
      }
    g_assert_true (found);
  }

  /* The runs list, newest first, opens a run. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-runs", NULL);
  spin (200);
  {
    g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
    WmRunsDialog *dialog = NULL;
    GtkListBoxRow *row;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (WM_IS_RUNS_DIALOG (toplevel))
          dialog = WM_RUNS_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    row = gtk_list_box_get_row_at_index (wm_runs_dialog_get_list (dialog), 0);
    g_assert_nonnull (row);
    /* Every stored run is listed. */
    g_assert_nonnull (gtk_list_box_get_row_at_index (wm_runs_dialog_get_list (dialog), runs_before + 1));
    g_assert_null (gtk_list_box_get_row_at_index (wm_runs_dialog_get_list (dialog), runs_before + 2));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Dearer SMS");
    g_signal_emit_by_name (wm_runs_dialog_get_list (dialog), "row-activated", row);
    spin (200);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "run");
  g_assert_cmpint (wm_run_page_get_run_id (page), ==, second.id);

  /* A run that is not there is said so, and nothing changes. */
  g_assert_false (wm_run_page_show_run (page, 424242, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (wm_run_page_get_run_id (page), ==, second.id);

  made_run_clear (&first);
  made_run_clear (&second);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
collect (GtkWidget *root,
         Predicate  predicate,
         GPtrArray *out)
{
  if (predicate (root, NULL))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, predicate, out);
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_value_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

/* The value at the end of row @title of the group titled @group_title. */
static const char *
row_value (GtkWidget  *root,
           const char *group_title,
           const char *title)
{
  GtkWidget *group = find_widget (root, is_group_titled, group_title);
  GtkWidget *row, *label;

  g_assert_nonnull (group);
  row = find_widget (group, is_row_titled, title);
  g_assert_nonnull (row);
  label = find_widget (row, is_value_label, NULL);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Conformance case 08-outcomes, simulated and stored in a new workspace:
 * the funnel and the outcomes chart have a bar per milestone and outcome
 * that says its figures, and the report shows each outcome's counts and
 * its mean time to success in words. */
static void
test_outcomes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-run-outcomes-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *case_dir = g_build_filename (SHARED_DIR, "conformance", "08-outcomes", NULL);
  g_autofree char *source = NULL;
  g_autofree char *profiles = g_build_filename (case_dir, "profiles.jsonl", NULL);
  g_autofree char *id = NULL;
  g_autofree char *document = NULL;
  g_autoptr(WmWorkspace) workspace = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(WmRun) run = wm_run_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(GPtrArray) definitions = NULL;
  g_autoptr(GList) outcome_ids = NULL;
  g_autoptr(JsonNode) report = NULL;
  WmRunProgramFlow program_flow = { 0 };
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };
  JsonObject *metrics, *outcomes;
  GtkWindow *window;
  GtkWidget *page;
  WmRunChart *funnel, *stacked;
  guint version, i = 0;
  gint64 run_id;

  g_assert_no_error (error);
  path = g_build_filename (dir, "workspace.db", NULL);
  workspace = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  source = read_file (case_dir, "onboarding.waymark.json");
  /* Stored as a draft, so that it can be edited after the run (it is
   * simulated as a tried version either way). */
  {
    char *status = strstr (source, "\"status\": \"active\",\n      \"created_at\"");
    char *launched = strstr (source, "\"launched_at\": \"2026-07-01T00:00:00Z\"");

    g_assert_nonnull (status);
    g_assert_nonnull (launched);
    memcpy (status, "\"status\": \"draft\", ", strlen ("\"status\": \"active\","));
    memcpy (launched, "\"launched_at\": null                  ", strlen ("\"launched_at\": \"2026-07-01T00:00:00Z\""));
  }
  id = wm_workspace_import_flow (workspace, source, strlen (source), NULL, &error);
  g_assert_no_error (error);
  document = wm_workspace_export_flow (workspace, id, NULL, &error);
  g_assert_no_error (error);
  flow = wm_flow_load_from_data (document, -1, &error);
  g_assert_no_error (error);
  version = wm_version_get_number (wm_flow_get_latest_version (flow));

  /* Simulated alone, whatever status the import gave the version. */
  program_flow.document = document;
  program_flow.tried = version;
  run->name = g_strdup ("Onboarding outcomes");
  run->profiles_path = g_strdup (profiles);
  g_assert_true (wm_run_stat_profiles (run, &error));
  g_assert_true (wm_timestamp_parse ("2026-07-01T00:00:00Z", -1, &run->start));
  g_assert_true (wm_timestamp_parse ("2026-08-15T00:00:00Z", -1, &run->end));
  run->seed = 173132;
  program = wm_run_program_new (&program_flow, 1, NULL, run->start, run->end, run->seed, NULL, &error);
  g_assert_no_error (error);
  options.profiles_path = profiles;
  options.threads = 1;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  run->report = wm_sim_report_to_text (result.report);
  wm_run_add_flow (run, id, version, TRUE);
  run_id = wm_workspace_add_run (workspace, run, &error);
  g_assert_no_error (error);
  report = json_from_string (run->report, &error);
  g_assert_no_error (error);
  metrics = json_object_get_object_member (json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (report), "flows"), id), "all");
  outcomes = json_object_get_object_member (metrics, "outcomes");
  outcome_ids = json_object_get_members (outcomes);
  g_assert_cmpuint (g_list_length (outcome_ids), ==, 2);
  definitions = wm_workspace_list_definitions (workspace, WM_DEFINITION_OUTCOME, &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 900);
  page = wm_run_page_new ();
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  wm_run_page_set_workspace (WM_RUN_PAGE (page), workspace);
  g_assert_true (wm_run_page_show_run (WM_RUN_PAGE (page), run_id, &error));
  g_assert_no_error (error);
  spin (200);

  /* Engaged persons, the funnel and the outcomes, in page order. */
  collect (page, is_chart, charts);
  g_assert_cmpuint (charts->len, ==, 3);
  funnel = charts->pdata[1];
  stacked = charts->pdata[2];
  g_assert_cmpuint (wm_run_chart_get_n_bars (funnel), ==,
                    json_object_get_size (json_object_get_object_member (metrics, "milestones")));
  g_assert_cmpuint (wm_run_chart_get_n_bars (stacked), ==, 2);
  for (GList *l = outcome_ids; l != NULL; l = l->next, i++)
    {
      JsonObject *o = json_object_get_object_member (outcomes, l->data);
      const char *name = l->data;
      g_autofree char *expected = NULL;
      g_autofree char *mean = wm_describe_mean_duration (json_object_get_int_member (o, "mean_success_seconds"));
      g_autofree char *started = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "started"));

      for (guint d = 0; definitions != NULL && d < definitions->len; d++)
        if (g_str_equal (((WmDefinition *) definitions->pdata[d])->id, l->data))
          name = ((WmDefinition *) definitions->pdata[d])->name;
      expected = g_strdup_printf ("%s: %" G_GINT64_FORMAT " success, %" G_GINT64_FORMAT " failure, %"
                                  G_GINT64_FORMAT " abandoned", name,
                                  json_object_get_int_member (o, "success"),
                                  json_object_get_int_member (o, "failure"),
                                  json_object_get_int_member (o, "abandoned"));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (wm_run_chart_get_bar (stacked, i)), ==, expected);
      g_assert_true (gtk_widget_get_focusable (wm_run_chart_get_bar (stacked, i)));

      /* The milestones and outcomes report. */
      g_assert_cmpstr (row_value (page, name, "Started"), ==, started);
      g_assert_cmpstr (row_value (page, name, "Mean time to success"), ==, mean);
      g_assert_true (g_str_has_suffix (row_value (page, name, "Success rate"), "%"));
    }
  scroll_to (GTK_WIDGET (funnel));
  save_screenshot (GTK_WIDGET (window), "run-outcome-charts.png");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
    find_widget (page, is_named, "compare-list"), ADW_TYPE_VIEW_STACK)), "outcomes");
  spin (100);
  save_screenshot (GTK_WIDGET (window), "run-outcomes-report.png");

  /* The flow is not edited since the run; once it is, the page says so. */
  g_assert_false (gtk_widget_get_visible (find_widget (page, is_named, "changed-note")));
  g_assert_cmpint (wm_version_get_status (wm_flow_get_version (flow, version)), ==, WM_VERSION_DRAFT);
  {
    WmElement *element = wm_version_get_element_at (wm_flow_get_version (flow, version), 0);

    wm_element_set_name (element, "Renamed after the run");
    g_assert_true (wm_workspace_save_version (workspace, flow, version, &error));
    g_assert_no_error (error);
    g_assert_true (wm_run_page_show_run (WM_RUN_PAGE (page), run_id, &error));
    g_assert_no_error (error);
    g_assert_true (gtk_widget_get_visible (find_widget (page, is_named, "changed-note")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (page, is_named, "changed-note"))), ==,
                     "This flow was edited since the run");
  }

  /* A stored report damaged behind the app's back is refused, naming the
   * run and what to do; the page keeps what it showed. */
  {
    sqlite3 *db = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE runs SET report = '{\"format\":\"waymark.flow\"}' "
                                            "WHERE id = %" G_GINT64_FORMAT, run_id);
    GtkWidget *entries = find_widget (page, is_named, "overall.entries");
    g_autofree char *before = g_strdup (gtk_label_get_text (GTK_LABEL (entries)));

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_false (wm_run_page_show_run (WM_RUN_PAGE (page), run_id, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "“Onboarding outcomes”"));
    g_assert_nonnull (strstr (error->message, "simulate again"));
    g_clear_error (&error);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (entries)), ==, before);
  }

  wm_sim_result_clear (&result);
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  g_clear_object (&workspace);
  remove_tree (dir);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Import Results… (issue #11): a report made elsewhere becomes a stored
 * run with its origin and is shown on the page like a local run; results
 * for a flow the workspace lacks are refused and store nothing. */
static void
test_imported_results (void)
{
  WmWorkspace *workspace = wm_application_get_workspace (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-import-results-XXXXXX", NULL);
  g_autofree char *report_path = g_build_filename (dir, "cluster-report.json", NULL);
  g_autofree char *foreign_path = g_build_filename (dir, "foreign.json", NULL);
  g_autoptr(WmRun) local = NULL;
  g_autoptr(WmRun) imported = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GString) foreign = NULL;
  GAsyncResult *result = NULL;
  MadeRun made;
  WmWindow *window;
  GtkStack *stack;
  GtkWidget *label;
  const char *paths[] = { NULL, NULL };
  gint64 id;

  made = make_run (workspace, "Made on a cluster", 5, NULL);
  local = wm_workspace_get_run (workspace, made.id, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (report_path, local->report, -1, NULL));

  window = wm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (wm_window_get_run_page (window))));
  spin (200);

  paths[0] = report_path;
  wm_window_import_results_async (window, paths, NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  id = wm_window_import_results_finish (window, result, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, made.id);
  spin (200);

  imported = wm_workspace_get_run (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported->report, ==, local->report);
  g_assert_nonnull (imported->origin);
  g_assert_nonnull (strstr (imported->origin, "cluster-report.json"));
  g_assert_cmpstr (imported->profiles_path, ==, "");
  g_assert_cmpint (imported->start, ==, local->start);
  g_assert_cmpuint (imported->seed, ==, 5);
  /* Shown on the performance page, saying where it came from. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "run");
  g_assert_cmpint (wm_run_page_get_run_id (wm_window_get_run_page (window)), ==, id);
  label = find_widget (GTK_WIDGET (wm_window_get_run_page (window)), has_text_containing, "cluster-report.json");
  g_assert_nonnull (label);

  /* Results for a flow this workspace does not have. */
  foreign = g_string_new (local->report);
  g_string_replace (foreign, "\"cart-abandonment\"", "\"cart-abandonment-elsewhere\"", 0);
  g_assert_true (g_file_set_contents (foreign_path, foreign->str, foreign->len, NULL));
  before = wm_workspace_list_runs (workspace, &error);
  g_assert_no_error (error);
  paths[0] = foreign_path;
  wm_window_import_results_async (window, paths, NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (wm_window_import_results_finish (window, result, &error), ==, 0);
  g_clear_object (&result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "cart-abandonment-elsewhere"));
  g_clear_error (&error);
  after = wm_workspace_list_runs (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);

  made_run_clear (&made);
  g_remove (report_path);
  g_remove (foreign_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int ret;

  /* The application opens its default workspace when it registers, before
   * any test's isolated folders exist: give the whole process folders of
   * its own first, so it never opens (and fills) the user's workspace. */
  home = g_dir_make_tmp ("waymark-run-page-home-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      const char *names[] = { "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *sub = g_build_filename (home, names[i], NULL);

      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      g_setenv (names[i], sub, TRUE);
    }

  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  /* Registered, the application opens its default workspace (in the
   * process's own data folder) with the sample content and profiles. */
  app = wm_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/run-page/figures-tables-export-compare", test_run_page);
  g_test_add_func ("/ui/run-page/milestones-and-outcomes", test_outcomes);
  g_test_add_func ("/ui/run-page/imported-results", test_imported_results);

  ret = g_test_run ();
  g_clear_object (&app);
  remove_home (home);
  return ret;
}
