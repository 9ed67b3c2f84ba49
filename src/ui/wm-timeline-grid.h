/* wm-timeline-grid.h - a customer's timeline as a sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-timeline-model.h"

G_BEGIN_DECLS

/* A GtkColumnView with a column per field of the items, each sortable. */
GtkColumnView  *wm_timeline_grid_new       (void);
/* Shows @model (NULL: nothing), sorted by the columns' sorter. */
void            wm_timeline_grid_set_model (GtkColumnView   *grid,
                                            WmTimelineModel *model);
/* The item in row @row as shown (sorted), or NULL. */
WmTimelineItem *wm_timeline_grid_get_item  (GtkColumnView   *grid,
                                            guint            row);
/* Sorts by column @index (0: time) ascending or descending. */
void            wm_timeline_grid_sort_by   (GtkColumnView   *grid,
                                            guint            index,
                                            GtkSortType      order);

G_END_DECLS
