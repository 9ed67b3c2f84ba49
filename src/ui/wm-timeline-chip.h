/* wm-timeline-chip.h - one item of a customer's timeline as a button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-timeline-model.h"

G_BEGIN_DECLS

#define WM_TYPE_TIMELINE_CHIP (wm_timeline_chip_get_type ())
G_DECLARE_FINAL_TYPE (WmTimelineChip, wm_timeline_chip, WM, TIMELINE_CHIP, GtkButton)

GtkWidget      *wm_timeline_chip_new          (void);
/* Shows @item (NULL: none), the one at @position of the model. */
void            wm_timeline_chip_bind         (WmTimelineChip *self,
                                               WmTimelineItem *item,
                                               guint           position);
WmTimelineItem *wm_timeline_chip_get_item     (WmTimelineChip *self);
guint           wm_timeline_chip_get_position (WmTimelineChip *self);
gboolean        wm_timeline_chip_get_failed   (WmTimelineChip *self);

/* The channel's or the kind's icon, and a short title ("SMS", the event
 * or milestone name), shared with the grid and the details. */
const char     *wm_timeline_item_icon_name    (WmTimelineItem *item);
char           *wm_timeline_item_title        (WmTimelineItem *item);
/* A journey, stage or stage step line (drawn as the customer's
 * milestones, never shown in a flow). */
gboolean        wm_timeline_item_is_journey   (WmTimelineItem *item);
/* "SMS", "E-mail", …; an unknown channel as it is. */
const char     *wm_timeline_channel_title     (const char     *channel);
/* "09:12" in the item's zone. */
char           *wm_timeline_item_format_time  (WmTimelineItem *item,
                                               const char     *format);

G_END_DECLS
