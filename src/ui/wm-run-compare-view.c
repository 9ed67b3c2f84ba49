/* wm-run-compare-view.c - two runs' figures side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are plain widgets, not a recycled list: a comparison has one group
 * per element of a flow, and every changed figure must stay findable by
 * assistive technology, not only those scrolled into view.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-report-compare.h"
#include "wm-run-compare-view.h"

static const char *
section_title (const char *section)
{
  static const char * const titles[][2] = {
    { "run", N_("Run") },
    { "overall", N_("Overall") },
    { "rejections", N_("Rejected entries") },
    { "channels", N_("Channel") },
    { "elements", N_("Element") },
    { "milestones", N_("Milestone") },
    { "outcomes", N_("Outcome") },
    { "engaged", N_("Engaged persons") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i][0], section))
      return _(titles[i][1]);
  return section;
}

/* Figures by their report keys, in words; ports keep "ports.NAME". */
static const char *
metric_title (const char *key)
{
  static const char * const titles[][2] = {
    { "seed", N_("Seed") },
    { "profiles", N_("Profiles") },
    { "events", N_("Events") },
    { "rejected_lines", N_("Rejected lines") },
    { "entries", N_("Entries") },
    { "profiles_in_flow", N_("Profiles in flow") },
    { "exits", N_("Exits") },
    { "profiles_exited", N_("Profiles exited") },
    { "stopped", N_("Stopped") },
    { "in_progress", N_("In progress") },
    { "active_profiles", N_("Active profiles") },
    { "goal_conversions", N_("Goal conversions") },
    { "goal_performers", N_("Goal performers") },
    { "goal_value", N_("Goal value") },
    { "sends", N_("Sends") },
    { "messages_sent", N_("Messages sent") },
    { "messages", N_("Messages") },
    { "no_contact", N_("No contact") },
    { "notifications", N_("Notifications") },
    { "traffic_cost", N_("Traffic cost") },
    { "errors", N_("Errors") },
    { "inactive", N_("Flow not active") },
    { "inside", N_("Already inside") },
    { "no-reentry", N_("No re-entry") },
    { "delay", N_("Re-entry too soon") },
    { "limit", N_("Entry limit reached") },
    { "delivered", N_("Delivered") },
    { "opened", N_("Opened") },
    { "clicked", N_("Clicked") },
    { "cost", N_("Cost") },
    { "total_engagements", N_("Engagements") },
    { "unique_users", N_("Unique users") },
    { "reached", N_("Reached") },
    { "started", N_("Started") },
    { "success", N_("Success") },
    { "failure", N_("Failure") },
    { "abandoned", N_("Abandoned") },
    { "success_pct", N_("Success %") },
    { "failure_pct", N_("Failure %") },
    { "mean_success_seconds", N_("Mean seconds to success") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i][0], key))
      return _(titles[i][1]);
  return key;
}

static gboolean
metric_differs (const WmCompareMetric *metric)
{
  return metric->presence != WM_COMPARE_IN_BOTH || metric->a != metric->b;
}

static gboolean
group_differs (const WmCompareGroup *group)
{
  if (group->presence != WM_COMPARE_IN_BOTH)
    return TRUE;
  for (guint i = 0; i < group->metrics->len; i++)
    if (metric_differs (group->metrics->pdata[i]))
      return TRUE;
  return FALSE;
}

static char *
group_title (const WmCompareGroup *group,
             GHashTable           *element_names,
             GHashTable           *milestone_names,
             GHashTable           *outcome_names)
{
  GHashTable *names = NULL;
  const char *name = NULL;

  if (group->id == NULL)
    return g_strdup (section_title (group->section));
  if (g_str_equal (group->section, "elements"))
    names = element_names;
  else if (g_str_equal (group->section, "milestones"))
    names = milestone_names;
  else if (g_str_equal (group->section, "outcomes"))
    names = outcome_names;
  if (names != NULL)
    name = g_hash_table_lookup (names, group->id);
  /* Translators: a compared group, "Element: Send SMS (e3)" */
  if (name != NULL)
    return g_strdup_printf (_("%s: %s (%s)"), section_title (group->section), name, group->id);
  return g_strdup_printf (_("%s: %s"), section_title (group->section), group->id);
}

static GtkWidget *
cell (const char *text,
      gboolean    numeric,
      gboolean    changed)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  /* Columns line up from one group to the next. */
  gtk_label_set_width_chars (GTK_LABEL (label), numeric ? 14 : 26);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (changed)
    gtk_widget_add_css_class (label, "changed");
  return label;
}

/* "Differs: Sends 120 → 131 (+11); Cost …" for the figures that differ. */
static char *
differences_text (const WmCompareGroup *group)
{
  GString *text = g_string_new (NULL);

  if (group->presence != WM_COMPARE_IN_BOTH)
    g_string_append (text, group->presence == WM_COMPARE_ONLY_A ? _("Only on the left") : _("Only on the right"));
  for (guint i = 0; i < group->metrics->len; i++)
    {
      const WmCompareMetric *metric = group->metrics->pdata[i];
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *d = NULL;

      if (!metric_differs (metric))
        continue;
      a = metric->presence == WM_COMPARE_ONLY_B ? g_strdup ("—") : wm_compare_format_value (metric->kind, metric->a);
      b = metric->presence == WM_COMPARE_ONLY_A ? g_strdup ("—") : wm_compare_format_value (metric->kind, metric->b);
      d = wm_compare_format_difference (metric);
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a figure that differs, "Sends 120 → 131 (+11)" */
      g_string_append_printf (text, _("%s %s → %s (%s)"), metric_title (metric->key), a, b, d);
    }
  {
    g_autofree char *list = g_string_free (text, FALSE);

    /* Translators: what differs in a compared group, after the group's name */
    return g_strdup_printf (_("Differs: %s"), list);
  }
}

static GtkWidget *
group_row (const WmCompareGroup *group,
           const char           *title,
           const char * const   *sides)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *scroller;
  GtkWidget *grid = g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                                  "column-spacing", 24, "row-spacing", 2, NULL);
  const char *header[] = { _("Figure"), sides[0], sides[1], _("Difference") };
  gboolean differs = group_differs (group);
  guint line = 1;

  gtk_widget_add_css_class (box, "compare-group");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  if (group->presence != WM_COMPARE_IN_BOTH)
    {
      GtkWidget *only = gtk_label_new (group->presence == WM_COMPARE_ONLY_A
                                       ? _("Only on the left") : _("Only on the right"));

      gtk_label_set_xalign (GTK_LABEL (only), 0);
      gtk_widget_add_css_class (only, "changed");
      gtk_box_append (GTK_BOX (box), only);
    }
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      GtkWidget *label = cell (header[i], i > 0, FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, i, 0, 1, 1);
    }
  for (guint i = 0; i < group->metrics->len; i++, line++)
    {
      const WmCompareMetric *metric = group->metrics->pdata[i];
      gboolean changed = metric_differs (metric);
      g_autofree char *a = metric->presence == WM_COMPARE_ONLY_B
                           ? g_strdup ("—") : wm_compare_format_value (metric->kind, metric->a);
      g_autofree char *b = metric->presence == WM_COMPARE_ONLY_A
                           ? g_strdup ("—") : wm_compare_format_value (metric->kind, metric->b);
      g_autofree char *d = wm_compare_format_difference (metric);

      gtk_grid_attach (GTK_GRID (grid), cell (metric_title (metric->key), FALSE, changed), 0, line, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (a, TRUE, FALSE), 1, line, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (b, TRUE, FALSE), 2, line, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (d, TRUE, changed), 3, line, 1, 1);
    }
  /* A narrow window scrolls the figures sideways instead of widening. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (differs)
    gtk_widget_add_css_class (row, "changed");
  g_object_set_data_full (G_OBJECT (row), "wm-compare-id",
                          g_strdup (group->id != NULL ? group->id : group->section), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The highlight is a colour: a screen reader hears what differs. */
  if (differs)
    {
      g_autofree char *what = differences_text (group);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, what, -1);
    }
  return row;
}

void
wm_run_compare_view_fill (GtkListBox         *list,
                          GPtrArray          *groups,
                          GHashTable         *element_names,
                          GHashTable         *milestone_names,
                          GHashTable         *outcome_names,
                          const char * const *titles,
                          gboolean            only_differences)
{
  const char *sides[2] = { _("This run"), _("Other run") };

  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  gtk_widget_set_visible (GTK_WIDGET (list), groups != NULL);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const WmCompareGroup *group = groups->pdata[i];
      g_autofree char *title = NULL;

      if (only_differences && !group_differs (group))
        continue;
      title = group_title (group, element_names, milestone_names, outcome_names);
      if (titles != NULL && titles[0] != NULL && titles[1] != NULL)
        {
          sides[0] = titles[0];
          sides[1] = titles[1];
        }
      gtk_list_box_append (list, group_row (group, title, sides));
    }
}
