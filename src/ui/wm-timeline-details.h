/* wm-timeline-details.h - what one timeline item was, in full
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-timeline-model.h"

G_BEGIN_DECLS

#define WM_TYPE_TIMELINE_DETAILS (wm_timeline_details_get_type ())
G_DECLARE_FINAL_TYPE (WmTimelineDetails, wm_timeline_details, WM, TIMELINE_DETAILS, GtkBox)

/* Shows the item at @position of @model. Previous and next step through
 * the items of the same date ("position-changed"); "show-in-flow" and
 * "closed" are for the page. */
void             wm_timeline_details_show         (WmTimelineDetails *self,
                                                   WmTimelineModel   *model,
                                                   guint              position);
guint            wm_timeline_details_get_position (WmTimelineDetails *self);
WmTimelineItem  *wm_timeline_details_get_item     (WmTimelineDetails *self);
/* The text of a row ("time", "flow", "version", "element", "channel",
 * "cost", "delivered", "opened", "clicked", "outcome", "journey",
 * "stage", "step"), or NULL when the row is hidden; for tests and the
 * grid. */
const char      *wm_timeline_details_get_value    (WmTimelineDetails *self,
                                                   const char        *row);
/* Whether "Show in flow" is offered (never for a journey line). */
gboolean         wm_timeline_details_offers_show_in_flow (WmTimelineDetails *self);
void             wm_timeline_details_step         (WmTimelineDetails *self,
                                                   gboolean           forward);

G_END_DECLS
