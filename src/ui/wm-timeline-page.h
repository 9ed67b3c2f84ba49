/* wm-timeline-page.h - the customer journey timeline of a stored run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a support agent sees for one customer: find a profile of the run's
 * profile file by id, e-mail or phone, and see everything that happened to
 * it as a timeline (WmTimelineView) or a table, filtered by flow, channel
 * and period, with each item's details. The customer is simulated again
 * alone with the run's stored inputs, so nothing is kept for customers no
 * one looks at.
 *
 * Signals: "closed" (Back or Escape), "show-in-flow" (flow id, the path's
 * element ids and the ports they were left by, as for
 * wm_canvas_set_highlighted_path).
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-timeline-details.h"
#include "wm-timeline-model.h"
#include "wm-timeline-view.h"
#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_TIMELINE_PAGE (wm_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (WmTimelinePage, wm_timeline_page, WM, TIMELINE_PAGE, GtkWidget)

void               wm_timeline_page_set_workspace  (WmTimelinePage *self,
                                                    WmWorkspace    *workspace);
/* Loads run @run_id's inputs (an error names what is wrong: no such run,
 * a flow of it that no longer compiles) and asks for a customer. */
gboolean           wm_timeline_page_show_run       (WmTimelinePage *self,
                                                    gint64          run_id,
                                                    GError        **error);
gint64             wm_timeline_page_get_run_id     (WmTimelinePage *self);
/* Shows the customer whose id, e-mail or phone is @query. */
gboolean           wm_timeline_page_find_customer  (WmTimelinePage *self,
                                                    const char     *query,
                                                    GError        **error);
/* The id of the customer shown, or NULL. */
const char        *wm_timeline_page_get_customer_id (WmTimelinePage *self);
/* Says @message in the page's toast overlay (a customer not found). */
void               wm_timeline_page_add_toast      (WmTimelinePage *self,
                                                    const char     *message);
/* Whether a search typed in the entry is still running (in a thread). */
gboolean           wm_timeline_page_is_searching   (WmTimelinePage *self);
/* The customer's items as filtered, or NULL before one is found. */
WmTimelineModel   *wm_timeline_page_get_model      (WmTimelinePage *self);
/* Filters as the drop-downs set them; FALSE when the run has no such flow
 * or the customer no item of that channel. NULL: all. */
gboolean           wm_timeline_page_set_flow       (WmTimelinePage *self,
                                                    const char     *flow_id);
gboolean           wm_timeline_page_set_channel    (WmTimelinePage *self,
                                                    const char     *channel);
void               wm_timeline_page_set_period     (WmTimelinePage *self,
                                                    guint           months);
/* "timeline" or "grid". */
void               wm_timeline_page_set_view       (WmTimelinePage *self,
                                                    const char     *name);
/* Opens the details of the item at @position; G_MAXUINT closes them. */
void               wm_timeline_page_open_item      (WmTimelinePage *self,
                                                    guint           position);
WmTimelineView    *wm_timeline_page_get_view       (WmTimelinePage *self);
GtkColumnView     *wm_timeline_page_get_grid       (WmTimelinePage *self);
WmTimelineDetails *wm_timeline_page_get_details    (WmTimelinePage *self);
gboolean           wm_timeline_page_details_shown  (WmTimelinePage *self);

G_END_DECLS
