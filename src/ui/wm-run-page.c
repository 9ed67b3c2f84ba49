/* wm-run-page.c - the flow performance page of a stored simulation run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run's report is parsed once; choosing another flow or version
 * refills the widgets built in init. The tables are column views over
 * WmReportRow lists (src/sim), sorted by the column view's own sorter;
 * the charts are WmRunChart; the milestones and outcomes report and the
 * comparison are filled by wm-run-outcomes-view.c and
 * wm-run-compare-view.c. Exports go through the same writers as the
 * command line, with the flow files the run simulated.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-flow-io.h"
#include "wm-outcomes-summary.h"
#include "wm-report-compare.h"
#include "wm-report-rows.h"
#include "wm-run-chart.h"
#include "wm-run-compare-view.h"
#include "wm-run-journeys-view.h"
#include "wm-run-outcomes-view.h"
#include "wm-run-page.h"
#include "wm-runs.h"
#include "wm-status-badge.h"
#include "wm-tables.h"

typedef struct
{
  char  *flow_id;
  guint  version;   /* 0: all */
} Choice;

/* What the shown flow and version are compared with: another version of
 * the same run (run_id 0), or the same version of another run. */
typedef struct
{
  gint64 run_id;
  guint  version;
} Target;

struct _WmRunPage
{
  GtkWidget    parent_instance;

  WmWorkspace *workspace;
  WmRun       *run;
  JsonNode    *report;
  GPtrArray   *flows;          /* WmFlow of each run flow, loaded from its file */
  GArray      *choices;        /* Choice, as in flow_dropdown */
  GArray      *targets;        /* Target, as in compare_dropdown after "None" */
  GHashTable  *milestone_names;
  GHashTable  *outcome_names;
  GHashTable  *element_names;  /* of the shown flow and version */
  GPtrArray   *compare_groups; /* of the last comparison */
  char        *compare_titles[2];
  gboolean     filling;        /* while the dropdowns are refilled */

  GtkWidget   *overall_box;
  GtkWidget   *rejections_box;
  GHashTable  *figure_labels;  /* "overall.entries" → GtkLabel */
  GtkSortListModel *channel_model;
  GtkSortListModel *element_model;
  GtkWidget   *channel_view;
  GtkWidget   *element_view;
  GtkWidget   *charts[3];
  GtkWidget   *chart_tables[3];
  GtkWidget   *journeys_view;  /* WmRunJourneysView, a page shown when the report has journeys */

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown         *flow_dropdown;
  GtkLabel            *run_label;
  GtkLabel            *changed_label;
  AdwViewStack        *view_stack;
  GtkBox              *performance_box;
  GtkCheckButton      *all_flows_check;
  GtkBox              *outcomes_box;
  GtkDropDown         *compare_dropdown;
  GtkCheckButton      *differences_check;
  GtkLabel            *compare_status;
  GtkListBox          *compare_list;
};

G_DEFINE_FINAL_TYPE (WmRunPage, wm_run_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *key;
  const char *title;
  gboolean    money;
} Figure;

static const Figure overall_figures[] = {
  { "entries", N_("Entries"), FALSE },
  { "profiles_in_flow", N_("Profiles in flow"), FALSE },
  { "exits", N_("Exits"), FALSE },
  { "profiles_exited", N_("Profiles exited"), FALSE },
  { "in_progress", N_("In progress"), FALSE },
  { "stopped", N_("Stopped"), FALSE },
  { "active_profiles", N_("Active profiles"), FALSE },
  { "goal_conversions", N_("Goal conversions"), FALSE },
  { "goal_performers", N_("Goal performers"), FALSE },
  { "goal_value", N_("Goal value"), TRUE },
  { "sends", N_("Sends"), FALSE },
  { "messages_sent", N_("Messages sent"), FALSE },
  { "no_contact", N_("No contact"), FALSE },
  { "notifications", N_("Notifications"), FALSE },
  { "traffic_cost", N_("Traffic cost"), TRUE },
  { "errors", N_("Errors"), FALSE },
};

static const Figure rejection_figures[] = {
  { "inactive", N_("Flow not active"), FALSE },
  { "inside", N_("Already inside"), FALSE },
  { "no-reentry", N_("No re-entry"), FALSE },
  { "delay", N_("Re-entry too soon"), FALSE },
  { "limit", N_("Entry limit reached"), FALSE },
};

static const char * const column_titles[][2] = {
  { "total_engagements", N_("Engagements") },
  { "unique_users", N_("Unique users") },
  { "sends", N_("Sends") },
  { "messages", N_("Messages") },
  { "no_contact", N_("No contact") },
  { "delivered", N_("Delivered") },
  { "opened", N_("Opened") },
  { "clicked", N_("Clicked") },
  { "notifications", N_("Notifications") },
  { "cost", N_("Cost") },
};

static const char *
column_title (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    if (g_str_equal (column_titles[i][0], key))
      return _(column_titles[i][1]);
  return key;
}

static void
choice_clear (Choice *choice)
{
  g_free (choice->flow_id);
}

static void
add_toast (WmRunPage  *self,
           const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Member @key of @object when it is an object, else NULL: a damaged
 * stored report shows what it can instead of failing on a critical. */
static JsonObject *
object_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* ---- building blocks ---------------------------------------------------- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static GtkWidget *
figure_flow_box (void)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 8);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  return box;
}

static void
add_figure_card (WmRunPage    *self,
                 GtkWidget    *flow_box,
                 const char   *section,
                 const Figure *figure)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("0");
  GtkWidget *caption = gtk_label_new (_(figure->title));
  g_autofree char *name = g_strdup_printf ("%s.%s", section, figure->key);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "run-figure");
  gtk_widget_add_css_class (value, "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_widget_set_name (value, name);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_flow_box_append (GTK_FLOW_BOX (flow_box), card);
  g_hash_table_insert (self->figure_labels, g_steal_pointer (&name), value);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  const char *key = g_object_get_data (G_OBJECT (factory), "key");

  if (g_str_equal (key, "name") || g_str_equal (key, "kind") || g_str_equal (key, "id"))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  WmReportRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *key = g_object_get_data (G_OBJECT (factory), "key");
  gboolean money = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "money"));

  if (g_str_equal (key, "name"))
    {
      /* An element without a name goes by its id, as on the canvas. */
      const char *name = wm_report_row_get_name (row);

      gtk_label_set_text (label, name != NULL ? name : wm_report_row_get_id (row));
    }
  else if (g_str_equal (key, "id"))
    gtk_label_set_text (label, wm_report_row_get_id (row));
  else if (g_str_equal (key, "kind"))
    gtk_label_set_text (label, wm_report_row_get_kind (row) != NULL ? wm_report_row_get_kind (row) : "");
  else
    {
      g_autofree char *text = wm_report_format_value (wm_report_row_get_value (row, key), money);

      gtk_label_set_text (label, text);
    }
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            const char    *key,
            const char    *property,
            gboolean       money,
            gboolean       numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkExpression *expression = gtk_property_expression_new (WM_TYPE_REPORT_ROW, NULL, property);
  GtkSorter *sorter;

  g_object_set_data_full (G_OBJECT (factory), "key", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (factory), "money", GINT_TO_POINTER (money));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  if (numeric)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  /* Names get room; figures take what their header needs. */
  if (!numeric)
    {
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, g_str_equal (key, "kind") ? 120 : 170);
    }
  g_object_unref (sorter);
  gtk_column_view_append_column (view, column);
}

static GtkWidget *
make_table_view (GtkSortListModel     **model_out,
                 gboolean               elements,
                 const char            *accessible_label)
{
  GtkWidget *view = gtk_column_view_new (NULL);
  guint n_columns;
  const WmReportColumn *columns = elements ? wm_report_element_columns (&n_columns)
                                           : wm_report_channel_columns (&n_columns);
  GtkSortListModel *sorted;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_reorderable (GTK_COLUMN_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "run-table");
  if (elements)
    {
      add_column (GTK_COLUMN_VIEW (view), _("Element"), "name", "name", FALSE, FALSE);
      add_column (GTK_COLUMN_VIEW (view), _("Type"), "kind", "kind", FALSE, FALSE);
    }
  else
    add_column (GTK_COLUMN_VIEW (view), _("Channel"), "id", "id", FALSE, FALSE);
  for (guint i = 0; i < n_columns; i++)
    add_column (GTK_COLUMN_VIEW (view), column_title (columns[i].key), columns[i].key,
                columns[i].property, columns[i].money, TRUE);

  sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view))));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (sorted)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (view), GTK_SELECTION_MODEL (selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  *model_out = sorted;
  return view;
}

/* A grid with the chart's figures, for screen readers and for copying. */
static GtkWidget *
chart_table_new (void)
{
  return g_object_new (GTK_TYPE_GRID,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                       "row-spacing", 4,
                       "column-spacing", 24,
                       "margin-top", 6,
                       NULL);
}

static void
chart_table_set_header (GtkWidget          *grid,
                        const char * const *titles)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
  for (guint i = 0; titles[i] != NULL; i++)
    {
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", titles[i],
                                       "xalign", i == 0 ? 0.0 : 1.0,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
                                       NULL);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (grid), label, i, 0, 1, 1);
    }
}

static void
chart_table_add_row (GtkWidget          *grid,
                     guint               row,
                     const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", cells[i],
                                       "xalign", i == 0 ? 0.0 : 1.0,
                                       "selectable", TRUE,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_CELL,
                                       NULL);

      if (i > 0)
        gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (GTK_GRID (grid), label, i, row + 1, 1, 1);
    }
}

/* Scrolls @child sideways in a narrow window instead of widening it:
 * the window's smallest size must not depend on a table's columns. */
static GtkWidget *
wide (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  return scroller;
}

static void
add_chart (WmRunPage      *self,
           guint           index,
           const char     *title,
           WmRunChartKind  kind)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("Show the figures as a _table"));

  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "run-chart");
  self->charts[index] = wm_run_chart_new (kind);
  self->chart_tables[index] = chart_table_new ();
  gtk_expander_set_child (GTK_EXPANDER (expander), self->chart_tables[index]);
  gtk_box_append (GTK_BOX (frame), wide (self->charts[index]));
  if (kind == WM_RUN_CHART_STACKED)
    gtk_box_append (GTK_BOX (frame), wm_run_chart_legend_new ());
  gtk_box_append (GTK_BOX (frame), expander);
  gtk_box_append (self->performance_box, heading (title));
  gtk_box_append (self->performance_box, frame);
}

static void
build_performance (WmRunPage *self)
{
  self->overall_box = figure_flow_box ();
  self->rejections_box = figure_flow_box ();
  for (guint i = 0; i < G_N_ELEMENTS (overall_figures); i++)
    add_figure_card (self, self->overall_box, "overall", &overall_figures[i]);
  for (guint i = 0; i < G_N_ELEMENTS (rejection_figures); i++)
    add_figure_card (self, self->rejections_box, "rejections", &rejection_figures[i]);

  gtk_box_append (self->performance_box, heading (_("Overall")));
  gtk_box_append (self->performance_box, self->overall_box);
  gtk_box_append (self->performance_box, heading (_("Rejected Entries")));
  gtk_box_append (self->performance_box, self->rejections_box);

  self->channel_view = make_table_view (&self->channel_model, FALSE, _("Channels"));
  gtk_widget_set_name (self->channel_view, "channel-table");
  gtk_box_append (self->performance_box, heading (_("Channels")));
  gtk_box_append (self->performance_box, wide (self->channel_view));

  self->element_view = make_table_view (&self->element_model, TRUE, _("Elements"));
  gtk_widget_set_name (self->element_view, "element-table");
  gtk_box_append (self->performance_box, heading (_("Elements")));
  gtk_box_append (self->performance_box, wide (self->element_view));

  add_chart (self, 0, _("Monthly Engaged Persons"), WM_RUN_CHART_COLUMNS);
  add_chart (self, 1, _("Milestone Funnel"), WM_RUN_CHART_FUNNEL);
  add_chart (self, 2, _("Outcomes"), WM_RUN_CHART_STACKED);
}

/* ---- filling ------------------------------------------------------------ */

static JsonObject *
flow_report (WmRunPage  *self,
             const char *flow_id)
{
  return object_member (object_member (json_node_get_object (self->report), "flows"), flow_id);
}

static WmFlow *
run_flow (WmRunPage  *self,
          const char *flow_id)
{
  for (guint i = 0; i < self->flows->len; i++)
    if (g_strcmp0 (wm_flow_get_id (self->flows->pdata[i]), flow_id) == 0)
      return self->flows->pdata[i];
  return NULL;
}

static const char *
milestone_name_cb (const char *id,
                   gpointer    user_data)
{
  return g_hash_table_lookup (WM_RUN_PAGE (user_data)->milestone_names, id);
}

static const char *
outcome_name_cb (const char *id,
                 gpointer    user_data)
{
  return g_hash_table_lookup (WM_RUN_PAGE (user_data)->outcome_names, id);
}

static void
fill_figures (WmRunPage    *self,
              JsonObject   *metrics,
              const char   *section,
              const Figure *figures,
              guint         n_figures)
{
  JsonObject *object = object_member (metrics, section);

  for (guint i = 0; i < n_figures; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", section, figures[i].key);
      GtkWidget *label = g_hash_table_lookup (self->figure_labels, name);
      gint64 value = 0;
      g_autofree char *text = NULL;
      g_autofree char *described = NULL;

      if (object != NULL && !wm_report_read_value (json_object_get_member (object, figures[i].key),
                                                    figures[i].money, &value))
        value = 0;
      text = wm_report_format_value (value, figures[i].money);
      gtk_label_set_text (GTK_LABEL (label), text);
      /* Translators: a figure of the run, "Entries: 120" */
      described = g_strdup_printf (_("%s: %s"), _(figures[i].title), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      described, -1);
    }
}

static guint64
count_member (JsonObject *object,
              const char *key)
{
  gint64 value = 0;

  if (!wm_report_read_value (json_object_get_member (object, key), FALSE, &value) || value < 0)
    return 0;
  return value;
}

static void
fill_engaged (WmRunPage  *self,
              JsonObject *metrics)
{
  WmRunChart *chart = WM_RUN_CHART (self->charts[0]);
  JsonObject *engaged = object_member (metrics, "engaged");
  g_autoptr(GList) months = engaged != NULL ? json_object_get_members (engaged) : NULL;
  const char *header[] = { _("Month"), _("Engaged persons"), NULL };
  guint row = 0;

  wm_run_chart_clear (chart);
  chart_table_set_header (self->chart_tables[0], header);
  for (GList *l = months; l != NULL; l = l->next, row++)
    {
      guint64 value = count_member (engaged, l->data);
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
      /* Translators: a bar of the monthly chart, "2026-03: 12 engaged persons" */
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s engaged person",
                                                                   "%s: %s engaged persons", value),
                                                      (char *) l->data, text);
      const char *cells[] = { l->data, text, NULL };

      wm_run_chart_add_bar (chart, l->data, &value, 1, description);
      chart_table_add_row (self->chart_tables[0], row, cells);
    }
}

static int
compare_reached (gconstpointer a,
                 gconstpointer b)
{
  const WmMilestoneSummary *ma = *(WmMilestoneSummary **) a;
  const WmMilestoneSummary *mb = *(WmMilestoneSummary **) b;

  return ma->reached < mb->reached ? 1 : ma->reached > mb->reached ? -1 : g_strcmp0 (ma->id, mb->id);
}

static void
fill_milestones_and_outcomes (WmRunPage         *self,
                              WmOutcomesSummary *summary)
{
  WmRunChart *funnel = WM_RUN_CHART (self->charts[1]);
  WmRunChart *outcomes = WM_RUN_CHART (self->charts[2]);
  g_autoptr(GPtrArray) milestones = g_ptr_array_new ();
  const char *funnel_header[] = { _("Milestone"), _("Reached"), _("Profiles"), NULL };
  const char *outcome_header[] = { _("Outcome"), _("Success"), _("Failure"), _("Abandoned"), NULL };

  wm_run_chart_clear (funnel);
  wm_run_chart_clear (outcomes);
  chart_table_set_header (self->chart_tables[1], funnel_header);
  chart_table_set_header (self->chart_tables[2], outcome_header);
  if (summary == NULL)
    return;

  /* A funnel narrows: most reached first. */
  for (guint i = 0; i < summary->milestones->len; i++)
    g_ptr_array_add (milestones, summary->milestones->pdata[i]);
  g_ptr_array_sort (milestones, compare_reached);
  for (guint i = 0; i < milestones->len; i++)
    {
      WmMilestoneSummary *m = milestones->pdata[i];
      g_autofree char *reached = g_strdup_printf ("%" G_GUINT64_FORMAT, m->reached);
      g_autofree char *profiles = g_strdup_printf ("%" G_GUINT64_FORMAT, m->profiles);
      /* Translators: a bar of the milestone funnel */
      g_autofree char *description = g_strdup_printf (_("%s: reached %s times by %s profiles"),
                                                      m->name, reached, profiles);
      const char *cells[] = { m->name, reached, profiles, NULL };

      wm_run_chart_add_bar (funnel, m->name, &m->reached, 1, description);
      chart_table_add_row (self->chart_tables[1], i, cells);
    }

  for (guint i = 0; i < summary->outcomes->len; i++)
    {
      WmOutcomeSummary *o = summary->outcomes->pdata[i];
      guint64 values[3] = { o->success, o->failure, o->abandoned };
      g_autofree char *s = g_strdup_printf ("%" G_GUINT64_FORMAT, o->success);
      g_autofree char *f = g_strdup_printf ("%" G_GUINT64_FORMAT, o->failure);
      g_autofree char *a = g_strdup_printf ("%" G_GUINT64_FORMAT, o->abandoned);
      /* Translators: a bar of the outcomes chart */
      g_autofree char *description = g_strdup_printf (_("%s: %s success, %s failure, %s abandoned"),
                                                      o->name, s, f, a);
      const char *cells[] = { o->name, s, f, a, NULL };

      wm_run_chart_add_bar (outcomes, o->name, values, 3, description);
      chart_table_add_row (self->chart_tables[2], i, cells);
    }
}

static void
refill_outcomes_view (WmRunPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmOutcomesSummary) summary = NULL;
  gboolean all = gtk_check_button_get_active (self->all_flows_check);
  guint selected = gtk_drop_down_get_selected (self->flow_dropdown);
  const Choice *choice;

  if (self->report == NULL || selected >= self->choices->len)
    return;
  choice = &g_array_index (self->choices, Choice, selected);
  summary = wm_outcomes_summary_new (self->report, all ? NULL : choice->flow_id,
                                     milestone_name_cb, outcome_name_cb, self, &error);
  wm_run_outcomes_view_fill (GTK_WIDGET (self->outcomes_box), summary,
                             error != NULL ? error->message : NULL);
}

static void
refill_compare (WmRunPage *self);
static void
fill_targets   (WmRunPage *self);

static void
fill_flow (WmRunPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) elements = NULL;
  g_autoptr(GListStore) channels = NULL;
  g_autoptr(WmOutcomesSummary) summary = NULL;
  WmRunFlowState state = WM_RUN_FLOW_SAME;
  guint selected = gtk_drop_down_get_selected (self->flow_dropdown);
  const Choice *choice;
  JsonObject *metrics;

  if (self->report == NULL || selected >= self->choices->len)
    return;
  choice = &g_array_index (self->choices, Choice, selected);
  metrics = wm_report_get_metrics (self->report, choice->flow_id, choice->version, &error);
  if (metrics == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  fill_figures (self, metrics, "overall", overall_figures, G_N_ELEMENTS (overall_figures));
  fill_figures (self, metrics, "rejections", rejection_figures, G_N_ELEMENTS (rejection_figures));

  channels = wm_report_rows_channels (metrics, &error);
  if (channels == NULL)
    add_toast (self, error->message);
  g_clear_error (&error);
  gtk_sort_list_model_set_model (self->channel_model, G_LIST_MODEL (channels));

  elements = wm_report_rows_elements (metrics, flow_report (self, choice->flow_id),
                                      run_flow (self, choice->flow_id), choice->version, &error);
  if (elements == NULL)
    add_toast (self, error->message);
  g_clear_error (&error);
  gtk_sort_list_model_set_model (self->element_model, G_LIST_MODEL (elements));
  g_hash_table_remove_all (self->element_names);
  for (guint i = 0; elements != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (elements)); i++)
    {
      g_autoptr(WmReportRow) row = g_list_model_get_item (G_LIST_MODEL (elements), i);

      if (wm_report_row_get_name (row) != NULL)
        g_hash_table_insert (self->element_names, g_strdup (wm_report_row_get_id (row)),
                             g_strdup (wm_report_row_get_name (row)));
    }

  fill_engaged (self, metrics);
  summary = wm_outcomes_summary_new (self->report, choice->flow_id, milestone_name_cb,
                                     outcome_name_cb, self, NULL);
  fill_milestones_and_outcomes (self, summary);
  refill_outcomes_view (self);

  /* Whether what is stored now is still what was simulated. */
  gtk_widget_set_visible (GTK_WIDGET (self->changed_label), FALSE);
  if (self->workspace != NULL
      && wm_workspace_check_run_flow (self->workspace, self->run->id, choice->flow_id, &state, NULL)
      && state != WM_RUN_FLOW_SAME)
    {
      gtk_label_set_text (self->changed_label,
                          state == WM_RUN_FLOW_CHANGED
                          ? _("This flow was edited since the run")
                          : _("This flow or version was deleted since the run"));
      gtk_widget_set_visible (GTK_WIDGET (self->changed_label), TRUE);
    }

  fill_targets (self);
  refill_compare (self);
}

/* The flow and version chooser means nothing on the Journeys view. */
static void
view_stack_child_cb (WmRunPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->flow_dropdown),
                          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "journeys") != 0);
}

static void
flow_dropdown_selected_cb (WmRunPage *self)
{
  if (!self->filling)
    fill_flow (self);
}

static void
all_flows_check_toggled_cb (WmRunPage *self)
{
  refill_outcomes_view (self);
}

/* ---- comparing ---------------------------------------------------------- */

static const Choice *
current_choice (WmRunPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->flow_dropdown);

  if (self->report == NULL || selected >= self->choices->len)
    return NULL;
  return &g_array_index (self->choices, Choice, selected);
}

static char *
version_title (guint version)
{
  /* Translators: a column of the comparison, "Version 2" */
  return version == 0 ? g_strdup (_("All versions")) : g_strdup_printf (_("Version %u"), version);
}

static void
show_compare_groups (WmRunPage *self)
{
  const char *titles[2] = { self->compare_titles[0], self->compare_titles[1] };

  wm_run_compare_view_fill (self->compare_list, self->compare_groups,
                            self->element_names, self->milestone_names, self->outcome_names,
                            titles, gtk_check_button_get_active (self->differences_check));
}

/* Compares the shown flow and version with @target; @other_report is the
 * report of the target's run. */
static gboolean
compare_reports (WmRunPage    *self,
                 JsonNode     *other_report,
                 const Target *target,
                 const char   *other_name,
                 GError      **error)
{
  const Choice *choice = current_choice (self);
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *status = NULL;
  guint changed = 0;

  g_assert (choice != NULL);
  groups = wm_report_compare (self->report, choice->version, other_report, target->version,
                              choice->flow_id, error);
  if (groups == NULL)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    {
      WmCompareGroup *group = groups->pdata[i];
      gboolean differs = group->presence != WM_COMPARE_IN_BOTH;

      for (guint j = 0; !differs && j < group->metrics->len; j++)
        {
          WmCompareMetric *metric = group->metrics->pdata[j];

          differs = metric->presence != WM_COMPARE_IN_BOTH || metric->a != metric->b;
        }
      changed += differs;
    }
  if (changed == 0)
    status = g_strdup_printf (_("“%s” has the same figures."), other_name);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u part differs from “%s”; the figures shown are on the left.",
                                           "%u parts differ from “%s”; the figures shown are on the left.",
                                           changed),
                              changed, other_name);
  gtk_label_set_text (self->compare_status, status);

  g_free (self->compare_titles[0]);
  g_free (self->compare_titles[1]);
  if (target->run_id == 0)
    {
      self->compare_titles[0] = version_title (choice->version);
      self->compare_titles[1] = version_title (target->version);
    }
  else
    {
      self->compare_titles[0] = g_strdup (_("This run"));
      self->compare_titles[1] = g_strdup (_("Other run"));
    }
  self->compare_groups = g_steal_pointer (&groups);
  show_compare_groups (self);
  return TRUE;
}

static gboolean
compare_target (WmRunPage     *self,
                const Target  *target,
                GError       **error)
{
  g_autoptr(WmRun) other = NULL;
  g_autoptr(JsonNode) other_report = NULL;
  g_autofree char *name = NULL;

  g_clear_pointer (&self->compare_groups, g_ptr_array_unref);
  show_compare_groups (self);
  if (target == NULL || current_choice (self) == NULL)
    {
      gtk_label_set_text (self->compare_status,
                          _("Choose another version of this flow, or another run, to see what changed."));
      return TRUE;
    }
  if (target->run_id == 0)
    {
      /* Translators: what the shown figures are compared with */
      name = g_strdup_printf (_("Version %u of this run"), target->version);
      return compare_reports (self, self->report, target, name, error);
    }

  other = wm_workspace_get_run (self->workspace, target->run_id, error);
  if (other == NULL)
    return FALSE;
  other_report = json_from_string (other->report, error);
  if (other_report == NULL)
    return FALSE;
  return compare_reports (self, other_report, target, other->name, error);
}

static const Target *
selected_target (WmRunPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->targets->len)
    return NULL;
  return &g_array_index (self->targets, Target, selected - 1);
}

static void
refill_compare (WmRunPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!compare_target (self, selected_target (self), &error))
    gtk_label_set_text (self->compare_status, error->message);
}

static void
compare_dropdown_selected_cb (WmRunPage *self)
{
  refill_compare (self);
}

static void
differences_check_toggled_cb (WmRunPage *self)
{
  show_compare_groups (self);
}

/* Selects the entry of @target in the chooser without comparing. */
static void
select_target (WmRunPage    *self,
               const Target *target)
{
  guint position = 0;

  for (guint i = 0; target != NULL && i < self->targets->len; i++)
    {
      const Target *t = &g_array_index (self->targets, Target, i);

      if (t->run_id == target->run_id && (t->run_id != 0 || t->version == target->version))
        position = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->compare_dropdown, position);
  self->filling = FALSE;
}

/* The chooser's entries for the shown flow: its other versions in this
 * run, then the other runs; the entry chosen before stays chosen. */
static void
fill_targets (WmRunPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) runs = NULL;
  const Choice *choice = current_choice (self);
  const Target *before = selected_target (self);
  Target kept = { -1, 0 };
  JsonObject *versions;
  g_autoptr(GList) numbers = NULL;

  if (before != NULL)
    kept = *before;
  g_array_set_size (self->targets, 0);
  gtk_string_list_append (labels, _("None"));
  if (choice != NULL)
    {
      versions = object_member (object_member (object_member (json_node_get_object (self->report), "flows"),
                                               choice->flow_id), "versions");
      numbers = versions != NULL ? json_object_get_members (versions) : NULL;
      for (GList *l = numbers; l != NULL; l = l->next)
        {
          Target target = { 0, (guint) g_ascii_strtoull (l->data, NULL, 10) };
          g_autofree char *label = NULL;

          if (target.version == choice->version)
            continue;
          label = g_strdup_printf (_("Version %u of this run"), target.version);
          gtk_string_list_append (labels, label);
          g_array_append_val (self->targets, target);
        }
    }
  runs = self->workspace != NULL ? wm_workspace_list_runs (self->workspace, NULL) : NULL;
  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      WmRun *run = runs->pdata[i];
      Target target = { run->id, choice != NULL ? choice->version : 0 };

      if (run->id == self->run->id)
        continue;
      gtk_string_list_append (labels, run->name);
      g_array_append_val (self->targets, target);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (labels));
  self->filling = FALSE;
  select_target (self, kept.run_id >= 0 ? &kept : NULL);
}

gboolean
wm_run_page_compare_with (WmRunPage  *self,
                          gint64      other_id,
                          GError    **error)
{
  const Choice *choice;
  Target target;

  g_return_val_if_fail (WM_IS_RUN_PAGE (self), FALSE);

  choice = current_choice (self);
  target.run_id = other_id;
  target.version = choice != NULL ? choice->version : 0;
  select_target (self, other_id != 0 ? &target : NULL);
  return compare_target (self, other_id != 0 ? &target : NULL, error);
}

gboolean
wm_run_page_compare_with_version (WmRunPage  *self,
                                  guint       version,
                                  GError    **error)
{
  Target target = { 0, version };

  g_return_val_if_fail (WM_IS_RUN_PAGE (self), FALSE);

  select_target (self, &target);
  return compare_target (self, &target, error);
}

/* ---- the run ------------------------------------------------------------ */

static void
load_definitions (WmRunPage *self)
{
  g_hash_table_remove_all (self->milestone_names);
  g_hash_table_remove_all (self->outcome_names);
  for (guint k = 0; k < 2; k++)
    {
      GHashTable *names = k == 0 ? self->milestone_names : self->outcome_names;
      g_autoptr(GPtrArray) list = wm_workspace_list_definitions (self->workspace,
                                                                 k == 0 ? WM_DEFINITION_MILESTONE
                                                                        : WM_DEFINITION_OUTCOME,
                                                                 NULL);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          WmDefinition *d = list->pdata[i];

          g_hash_table_insert (names, g_strdup (d->id), g_strdup (d->name));
        }
    }
}

static void
fill_choices (WmRunPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  JsonObject *flows = object_member (json_node_get_object (self->report), "flows");
  g_autoptr(GList) ids = flows != NULL ? json_object_get_members (flows) : NULL;

  g_array_set_size (self->choices, 0);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *flow = object_member (flows, l->data);
      const char *name = string_member (flow, "name");
      JsonObject *versions = object_member (flow, "versions");
      g_autoptr(GList) numbers = versions != NULL ? json_object_get_members (versions) : NULL;
      Choice all = { g_strdup (l->data), 0 };
      g_autofree char *all_label = NULL;

      if (name == NULL || *name == '\0')
        name = l->data;
      /* Translators: a choice of the flow dropdown, "Welcome — all versions" */
      all_label = g_strdup_printf (_("%s — all versions"), name);
      gtk_string_list_append (labels, all_label);
      g_array_append_val (self->choices, all);
      for (GList *n = numbers; n != NULL; n = n->next)
        {
          Choice one = { g_strdup (l->data), (guint) g_ascii_strtoull (n->data, NULL, 10) };
          /* Translators: a choice of the flow dropdown, "Welcome — version 2" */
          g_autofree char *label = g_strdup_printf (_("%s — version %u"), name, one.version);

          gtk_string_list_append (labels, label);
          g_array_append_val (self->choices, one);
        }
    }
  gtk_drop_down_set_model (self->flow_dropdown, G_LIST_MODEL (labels));
}

static char *
describe_run (const WmRun *run,
              JsonNode    *report)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (run->ran_at);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *when = g_date_time_format (local, "%e %B %Y %H:%M");
  JsonObject *counts = object_member (json_node_get_object (report), "run");
  guint64 profiles = counts != NULL ? count_member (counts, "profiles") : 0;

  /* 64-bit numbers go in as text: a G_GUINT64_FORMAT inside the msgid
   * would keep xgettext from reading it. */
  g_autofree char *profiles_text = g_strdup_printf ("%" G_GUINT64_FORMAT, profiles);
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, run->seed);

  /* Results imported from elsewhere say where from instead of how long
   * they took here. */
  if (run->origin != NULL)
    /* Translators: next to the flow chooser: the run's name, when it was
     * imported, how many profiles, the seed, and where it came from */
    return g_strdup_printf (_("%s · imported %s · %s profiles · seed %s · %s"),
                            run->name, g_strstrip (when), profiles_text, seed_text, run->origin);
  /* Translators: next to the flow chooser: the run's name, when it ran,
   * how many profiles, the seed, and how long it took in seconds */
  return g_strdup_printf (_("%s · ran %s · %s profiles · seed %s · took %.1f s"),
                          run->name, g_strstrip (when), profiles_text, seed_text, run->duration_ms / 1000.0);
}

gboolean
wm_run_page_show_run (WmRunPage  *self,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(WmRun) run = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *description = NULL;

  g_return_val_if_fail (WM_IS_RUN_PAGE (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);

  run = wm_workspace_get_run (self->workspace, id, error);
  if (run == NULL)
    return FALSE;
  report = json_from_string (run->report, error);
  if (report == NULL || !JSON_NODE_HOLDS_OBJECT (report)
      || g_strcmp0 (string_member (json_node_get_object (report), "format"), "waymark.report") != 0
      || object_member (json_node_get_object (report), "flows") == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The stored report of run “%s” is not a waymark.report document; delete the run and simulate again"),
                     run->name);
      return FALSE;
    }
  for (guint i = 0; i < run->flows->len; i++)
    {
      WmRunFlow *rf = run->flows->pdata[i];
      WmFlow *flow = wm_flow_load_from_data (rf->document, -1, error);

      if (flow == NULL)
        return FALSE;
      g_ptr_array_add (flows, flow);
    }

  g_clear_pointer (&self->run, wm_run_free);
  g_clear_pointer (&self->report, json_node_unref);
  g_clear_pointer (&self->flows, g_ptr_array_unref);
  self->run = g_steal_pointer (&run);
  self->report = g_steal_pointer (&report);
  self->flows = g_steal_pointer (&flows);

  adw_view_switcher_title_set_title (self->switcher_title, self->run->name);
  description = describe_run (self->run, self->report);
  gtk_label_set_text (self->run_label, description);
  load_definitions (self);

  self->filling = TRUE;
  fill_choices (self);
  /* The first flow of a run is the one it was made for (the editor's). */
  gtk_drop_down_set_selected (self->flow_dropdown, 0);
  for (guint i = 0; self->run->flows->len > 0 && i < self->choices->len; i++)
    {
      const Choice *choice = &g_array_index (self->choices, Choice, i);
      const WmRunFlow *first = self->run->flows->pdata[0];

      if (choice->version == 0 && g_str_equal (choice->flow_id, first->flow_id))
        {
          gtk_drop_down_set_selected (self->flow_dropdown, i);
          break;
        }
    }
  self->filling = FALSE;
  fill_flow (self);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, self->journeys_view),
                                   wm_run_journeys_view_set_run (WM_RUN_JOURNEYS_VIEW (self->journeys_view),
                                                                 self->workspace, self->run,
                                                                 json_node_get_object (self->report)));
  return TRUE;
}

gint64
wm_run_page_get_run_id (WmRunPage *self)
{
  g_return_val_if_fail (WM_IS_RUN_PAGE (self), 0);
  return self->run != NULL ? self->run->id : 0;
}

gboolean
wm_run_page_select_flow (WmRunPage   *self,
                         const char  *flow_id,
                         guint        version,
                         GError     **error)
{
  g_return_val_if_fail (WM_IS_RUN_PAGE (self), FALSE);

  for (guint i = 0; i < self->choices->len; i++)
    {
      const Choice *choice = &g_array_index (self->choices, Choice, i);

      if (g_str_equal (choice->flow_id, flow_id) && choice->version == version)
        {
          if (gtk_drop_down_get_selected (self->flow_dropdown) == i)
            fill_flow (self);
          else
            gtk_drop_down_set_selected (self->flow_dropdown, i);
          return TRUE;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The run has no figures for flow “%s”, version %u"), flow_id, version);
  return FALSE;
}

/* ---- exports ------------------------------------------------------------ */

static gboolean
require_run (WmRunPage  *self,
             GError    **error)
{
  if (self->run != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No run is shown"));
  return FALSE;
}

gboolean
wm_run_page_export_json (WmRunPage   *self,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (WM_IS_RUN_PAGE (self), FALSE);

  /* The stored text is the report exactly as the command line writes it. */
  return require_run (self, error)
         && g_file_set_contents (path, self->run->report, -1, error);
}

gboolean
wm_run_page_export_csv (WmRunPage   *self,
                        const char  *dir,
                        GError     **error)
{
  g_return_val_if_fail (WM_IS_RUN_PAGE (self), FALSE);

  return require_run (self, error)
         && wm_tables_write_csv (self->report, self->flows, dir, error);
}

gboolean
wm_run_page_export_xlsx (WmRunPage   *self,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (WM_IS_RUN_PAGE (self), FALSE);

  return require_run (self, error)
         && wm_tables_write_xlsx (self->report, self->flows, self->run->end, path, error);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WmRunPage       *self)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      add_toast (self, _("Choose a local file or folder to export to"));
      goto out;
    }
  if (g_str_equal (format, "csv"))
    ok = wm_run_page_export_csv (self, path, &error);
  else if (g_str_equal (format, "xlsx"))
    ok = wm_run_page_export_xlsx (self, path, &error);
  else
    ok = wm_run_page_export_json (self, path, &error);
  if (ok)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *done = g_strdup_printf (_("Exported to “%s”"), base);

      add_toast (self, done);
    }
  else
    add_toast (self, error->message);

out:
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmRunPage *self = WM_RUN_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean csv = g_str_equal (format, "csv");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->run == NULL)
    return;
  chooser = gtk_file_chooser_native_new (csv ? _("Export Tables to a Folder") : _("Export Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         csv ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                             : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         csv ? _("_Export") : _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (!csv)
    {
      name = g_strdup_printf ("%s.%s", self->run->name, format);
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_BACK], 0);
}

/* ---- the class ---------------------------------------------------------- */

GtkWidget *
wm_run_page_new (void)
{
  return g_object_new (WM_TYPE_RUN_PAGE, NULL);
}

static void
workspace_runs_changed_cb (WmRunPage *self)
{
  /* A run renamed, added or deleted elsewhere: the chooser follows, and
   * keeps what it compared with when that is still there. */
  if (self->run == NULL)
    return;
  fill_targets (self);
  refill_compare (self);
}

void
wm_run_page_set_workspace (WmRunPage   *self,
                           WmWorkspace *workspace)
{
  g_return_if_fail (WM_IS_RUN_PAGE (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_runs_changed_cb, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "runs-changed", G_CALLBACK (workspace_runs_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
wm_run_page_dispose (GObject *object)
{
  WmRunPage *self = WM_RUN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_RUN_PAGE);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, workspace_runs_changed_cb, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->channel_model);
  g_clear_object (&self->element_model);

  G_OBJECT_CLASS (wm_run_page_parent_class)->dispose (object);
}

static void
wm_run_page_finalize (GObject *object)
{
  WmRunPage *self = WM_RUN_PAGE (object);

  g_clear_pointer (&self->run, wm_run_free);
  g_clear_pointer (&self->report, json_node_unref);
  g_clear_pointer (&self->flows, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->compare_titles[0], g_free);
  g_clear_pointer (&self->compare_titles[1], g_free);
  g_clear_pointer (&self->milestone_names, g_hash_table_unref);
  g_clear_pointer (&self->outcome_names, g_hash_table_unref);
  g_clear_pointer (&self->element_names, g_hash_table_unref);
  g_clear_pointer (&self->figure_labels, g_hash_table_unref);
  g_clear_pointer (&self->compare_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_run_page_parent_class)->finalize (object);
}

static void
wm_run_page_class_init (WmRunPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_run_page_dispose;
  object_class->finalize = wm_run_page_finalize;

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-run-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, flow_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, run_label);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, changed_label);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, performance_box);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, all_flows_check);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, outcomes_box);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, differences_check);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, compare_status);
  gtk_widget_class_bind_template_child (widget_class, WmRunPage, compare_list);
  gtk_widget_class_bind_template_callback (widget_class, flow_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_flows_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, compare_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, differences_check_toggled_cb);

  gtk_widget_class_install_action (widget_class, "run.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "run.export", "s", export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "run.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "run.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "run.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wm_run_page_init (WmRunPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wm_pages_ensure_css ();

  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, (GDestroyNotify) choice_clear);
  self->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  self->milestone_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->outcome_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->element_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->figure_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  build_performance (self);

  self->journeys_view = wm_run_journeys_view_new ();
  adw_view_stack_add_titled_with_icon (self->view_stack, self->journeys_view, "journeys", _("Journeys"),
                                       "mark-location-symbolic");
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, self->journeys_view), FALSE);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (view_stack_child_cb),
                           self, G_CONNECT_SWAPPED);
}
