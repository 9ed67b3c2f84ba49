/* wm-flows-page.h - "All communications": every flow of the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A searchable list of the workspace's flows with their status, latest
 * version and last change; New, Duplicate and Delete. Activating a flow
 * emits ::flow-activated with its id (the window opens the editor).
 *
 * Actions (group "flows"): new, search [Ctrl+F], open ("s"),
 * duplicate ("s"), delete ("s": asks first; only drafts).
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_FLOWS_PAGE (wm_flows_page_get_type ())
G_DECLARE_FINAL_TYPE (WmFlowsPage, wm_flows_page, WM, FLOWS_PAGE, GtkWidget)

GtkWidget   *wm_flows_page_new            (void);

WmWorkspace *wm_flows_page_get_workspace  (WmFlowsPage *self);
void         wm_flows_page_set_workspace  (WmFlowsPage *self,
                                           WmWorkspace *workspace);

/* The filters: text in the name (case-insensitive), and a status
 * (-1: every status). */
void         wm_flows_page_set_search_text (WmFlowsPage *self,
                                            const char  *text);
void         wm_flows_page_set_status_filter (WmFlowsPage *self,
                                              int          status);
/* The flows shown (WmFlowInfo), after the filters. */
GListModel  *wm_flows_page_get_shown      (WmFlowsPage *self);

/* Shows a toast on the page. */
void         wm_flows_page_add_toast      (WmFlowsPage *self,
                                           const char  *message);
/* Shows @toast (taken), for one with a button. */
void         wm_flows_page_show_toast     (WmFlowsPage *self,
                                           AdwToast    *toast);

/* "2 hours ago", "Yesterday", or a date, for @changed_at seen at @now
 * (UTC seconds). */
char        *wm_format_changed_at         (gint64       changed_at,
                                           gint64       now);

G_END_DECLS
