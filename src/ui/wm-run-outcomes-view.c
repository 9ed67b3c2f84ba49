/* wm-run-outcomes-view.c - the milestones and outcomes report of a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preference groups of rows, so the report reads like the rest of the
 * app and every figure is a row title and value a screen reader speaks
 * together.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-run-outcomes-view.h"

static GtkWidget *
figure_row (const char *title,
            const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static GtkWidget *
count_row (const char *title,
           guint64     count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, count);

  return figure_row (title, text);
}

static void
add_outcome (GtkWidget              *box,
             const WmOutcomeSummary *o)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *success = wm_describe_percent (o->success_bp);
  g_autofree char *failure = wm_describe_percent (o->failure_bp);
  g_autofree char *mean = o->success > 0 ? wm_describe_mean_duration (o->mean_success_seconds)
                                         : g_strdup (_("No success yet"));
  GtkWidget *mean_row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), o->name);
  gtk_widget_add_css_class (group, "outcome-group");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Started"), o->started));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Success"), o->success));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Failure"), o->failure));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Abandoned"), o->abandoned));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), figure_row (_("Success rate"), success));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), figure_row (_("Failure rate"), failure));
  mean_row = figure_row (_("Mean time to success"), mean);
  /* Across flows the mean is combined from each flow's rounded mean. */
  if (!o->mean_exact)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (mean_row),
                                 _("Combined from the flows’ rounded means"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mean_row);

  if (o->paths->len > 0)
    {
      GtkWidget *paths = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (paths), _("Top paths"));
      for (guint i = 0; i < o->paths->len; i++)
        {
          const WmOutcomePath *path = o->paths->pdata[i];
          g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, path->count);
          GtkWidget *row = figure_row (*path->text != '\0' ? path->text : _("No milestones"), count);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       g_str_equal (path->result, "success") ? _("Success") : _("Failure"));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (paths), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), paths);
    }
  gtk_box_append (GTK_BOX (box), group);
}

void
wm_run_outcomes_view_fill (GtkWidget               *box,
                           const WmOutcomesSummary *summary,
                           const char              *error_message)
{
  GtkWidget *child, *milestones;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  if (summary == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Report"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error_message);
      gtk_box_append (GTK_BOX (box), status);
      return;
    }
  if (summary->outcomes->len == 0 && summary->milestones->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-default-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Milestones or Outcomes"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Add milestone and outcome elements to the flow to follow what customers achieve."));
      gtk_box_append (GTK_BOX (box), status);
      return;
    }

  for (guint i = 0; i < summary->outcomes->len; i++)
    add_outcome (box, summary->outcomes->pdata[i]);

  milestones = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (milestones), _("Milestones"));
  for (guint i = 0; i < summary->milestones->len; i++)
    {
      const WmMilestoneSummary *m = summary->milestones->pdata[i];
      g_autofree char *reached = g_strdup_printf ("%" G_GUINT64_FORMAT, m->reached);
      g_autofree char *profiles = g_strdup_printf ("%" G_GUINT64_FORMAT, m->profiles);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = figure_row (m->name, reached);

      /* Translators: under a milestone: "Reached by 12 profiles" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reached by %s profile",
                                               "Reached by %s profiles", m->profiles), profiles);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (milestones), row);
    }
  gtk_box_append (GTK_BOX (box), milestones);
  gtk_widget_set_visible (milestones, summary->milestones->len > 0);
}
