/* wm-timeline-grid.c - a customer's timeline as a sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same items as the timeline, one row each, for reading many at once
 * and sorting by cost, channel or failure. Every column reads its text
 * through one getter, which the cell and the column's sorter share, so
 * what is sorted is exactly what is shown.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-money.h"
#include "wm-timeline-chip.h"
#include "wm-timeline-grid.h"

typedef char *(*ItemText) (WmTimelineItem *item);

static char *
time_text (WmTimelineItem *item)
{
  /* Translators: a timeline item's date and time in the table, see g_date_time_format() */
  return wm_timeline_item_format_time (item, _("%Y-%m-%d %H:%M"));
}

static char *
direction_text (WmTimelineItem *item)
{
  if (wm_timeline_item_is_journey (item))
    return g_strdup (_("Journey"));
  switch (wm_timeline_item_get_direction (item))
    {
    case WM_TIMELINE_INBOUND:
      return g_strdup (_("In"));
    case WM_TIMELINE_OUTBOUND:
      return g_strdup (_("Out"));
    case WM_TIMELINE_INTERNAL:
    default:
      return g_strdup (_("Flow"));
    }
}

static char *
flow_text (WmTimelineItem *item)
{
  const char *name = wm_timeline_item_get_flow_name (item);

  return g_strdup (name != NULL ? name : wm_timeline_item_get_flow (item));
}

static char *
element_text (WmTimelineItem *item)
{
  return g_strdup (wm_timeline_item_get_element (item));
}

static char *
channel_text (WmTimelineItem *item)
{
  const char *channel = wm_timeline_item_get_channel (item);

  return channel != NULL ? g_strdup (wm_timeline_channel_title (channel)) : NULL;
}

static char *
cost_text (WmTimelineItem *item)
{
  WmTimelineKind kind = wm_timeline_item_get_kind (item);
  char buf[32];

  if (kind != WM_TIMELINE_SEND && kind != WM_TIMELINE_NOTIFY)
    return NULL;
  return g_strdup (wm_money_format (wm_timeline_item_get_cost (item), buf));
}

static char *
failure_text (WmTimelineItem *item)
{
  switch (wm_timeline_item_get_failure (item))
    {
    case WM_TIMELINE_NOT_DELIVERED:
      return g_strdup (_("Not delivered"));
    case WM_TIMELINE_NO_CONTACT_FAILURE:
      return g_strdup (_("No contact"));
    case WM_TIMELINE_API_FAILURE:
      return g_strdup (_("API failure"));
    case WM_TIMELINE_OUTCOME_FAILURE:
      return g_strdup (_("Outcome failed"));
    case WM_TIMELINE_REJECTED_ENTRY:
      return g_strdup (_("Entry rejected"));
    case WM_TIMELINE_ERROR_FAILURE:
      return g_strdup (_("Error"));
    case WM_TIMELINE_OK:
    default:
      return NULL;
    }
}

static gint64
at_value (WmTimelineItem *item)
{
  return wm_timeline_item_get_at (item);
}

static gint64
cost_value (WmTimelineItem *item)
{
  return wm_timeline_item_get_cost (item);
}

static const struct
{
  const char *title;
  ItemText    text;
  gint64    (*number) (WmTimelineItem *item);   /* sort by this when set */
  gboolean    expand;
} columns[] = {
  { N_("Time"), time_text, at_value, FALSE },
  { N_("Direction"), direction_text, NULL, FALSE },
  { N_("What"), wm_timeline_item_describe, NULL, TRUE },
  { N_("Flow"), flow_text, NULL, FALSE },
  { N_("Element"), element_text, NULL, FALSE },
  { N_("Channel"), channel_text, NULL, FALSE },
  { N_("Cost"), cost_text, cost_value, FALSE },
  { N_("Failure"), failure_text, NULL, FALSE },
};

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  column)
{
  WmTimelineItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  guint index = GPOINTER_TO_UINT (column);
  g_autofree char *text = columns[index].text (item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (columns[index].text == failure_text && text != NULL)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  /* The customer's journey milestones stand out from the flows' steps. */
  if (wm_timeline_item_is_journey (item) && wm_timeline_item_get_kind (item) != WM_TIMELINE_STAGE_STEP)
    gtk_widget_add_css_class (label, "timeline-journey");
  else
    gtk_widget_remove_css_class (label, "timeline-journey");
}

GtkColumnView *
wm_timeline_grid_new (void)
{
  GtkColumnView *grid = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));

  gtk_column_view_set_show_column_separators (grid, TRUE);
  gtk_column_view_set_reorderable (grid, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (grid), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customer timeline as a table"),
                                  -1);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      if (columns[i].number != NULL)
        sorter = GTK_SORTER (gtk_numeric_sorter_new (
                   gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL,
                                                G_CALLBACK (columns[i].number), NULL, NULL)));
      else
        sorter = GTK_SORTER (gtk_string_sorter_new (
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (columns[i].text), NULL, NULL)));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (grid, column);
    }
  return grid;
}

void
wm_timeline_grid_set_model (GtkColumnView   *grid,
                            WmTimelineModel *model)
{
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkSortListModel *sorted;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (grid));

  if (model == NULL)
    {
      gtk_column_view_set_model (grid, NULL);
      return;
    }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (model)),
                                    g_object_ref (gtk_column_view_get_sorter (grid)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (grid, GTK_SELECTION_MODEL (selection));
}

WmTimelineItem *
wm_timeline_grid_get_item (GtkColumnView *grid,
                           guint          row)
{
  GtkSelectionModel *model;
  WmTimelineItem *item;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (grid), NULL);

  model = gtk_column_view_get_model (grid);
  if (model == NULL || (item = g_list_model_get_item (G_LIST_MODEL (model), row)) == NULL)
    return NULL;
  /* The timeline model keeps its items. */
  g_object_unref (item);
  return item;
}

void
wm_timeline_grid_sort_by (GtkColumnView *grid,
                          guint          index,
                          GtkSortType    order)
{
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (grid));

  column = g_list_model_get_item (gtk_column_view_get_columns (grid), index);
  g_return_if_fail (column != NULL);
  gtk_column_view_sort_by_column (grid, column, order);
}
