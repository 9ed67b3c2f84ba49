/* wm-timeline-view.h - a customer's journey drawn along a horizontal time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items are laid out by date, oldest on the left, with the customer's own
 * events above the axis, what happened in the flows on it and messages
 * below. It implements GtkScrollable (horizontally): put it in a
 * GtkScrolledWindow. It opens scrolled to the newest day.
 *
 * Keyboard: Left/Right step between items, Home/End go to the first and
 * last, Page Up/Down scroll a view's width, Enter opens an item
 * ("item-activated" with its position in the model).
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-timeline-model.h"

G_BEGIN_DECLS

#define WM_TYPE_TIMELINE_VIEW (wm_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (WmTimelineView, wm_timeline_view, WM, TIMELINE_VIEW, GtkWidget)

GtkWidget       *wm_timeline_view_new            (void);
/* NULL: empty. */
void             wm_timeline_view_set_model      (WmTimelineView  *self,
                                                  WmTimelineModel *model);
WmTimelineModel *wm_timeline_view_get_model      (WmTimelineView  *self);
/* Scrolls @position into view and focuses its item. */
void             wm_timeline_view_focus_item     (WmTimelineView  *self,
                                                  guint            position);
/* The item focused or last stepped to, or G_MAXUINT. */
guint            wm_timeline_view_get_focus_item (WmTimelineView  *self);
/* Marks the item whose details are shown (G_MAXUINT: none). */
void             wm_timeline_view_set_selected   (WmTimelineView  *self,
                                                  guint            position);
/* How many item widgets are bound now (what is drawn). */
guint            wm_timeline_view_get_n_shown    (WmTimelineView  *self);
/* The widget showing @position, or NULL when it is not in view. */
GtkWidget       *wm_timeline_view_get_chip       (WmTimelineView  *self,
                                                  guint            position);

G_END_DECLS
