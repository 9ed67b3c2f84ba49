/* wm-versions-panel.h - a flow's versions: their lifecycle, and comparing two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One card a version, newest first: its number, status, when it was
 * created, launched and stopped, and what can be done with it (open,
 * compare with another version, new version, duplicate into a new flow,
 * stop). Comparing shows the newer version on the editor's canvas in
 * comparison mode and lists the changes here; activating a change selects
 * its element.
 *
 * The panel works for a WmEditorPage (which holds it): it opens versions
 * through the page and reads the workspace the page edits, so what it
 * shows follows the store (::flow-changed), launches made elsewhere too.
 *
 * Actions (group "versions"): open (u), new-version (u), duplicate (u),
 * stop (u; asks first), compare ((uu)), stop-comparing [Escape].
 */
#pragma once

#include <adwaita.h>

#include "wm-editor-page.h"

G_BEGIN_DECLS

#define WM_TYPE_VERSIONS_PANEL (wm_versions_panel_get_type ())
G_DECLARE_FINAL_TYPE (WmVersionsPanel, wm_versions_panel, WM, VERSIONS_PANEL, GtkWidget)

GtkWidget  *wm_versions_panel_new            (void);

/* The page the panel works for; not a reference (the page holds the
 * panel). */
void        wm_versions_panel_set_page       (WmVersionsPanel *self,
                                              WmEditorPage    *page);
/* Re-reads the page's flow: the page calls it after opening a flow or a
 * version. Ends a comparison the page's canvas no longer shows. */
void        wm_versions_panel_sync           (WmVersionsPanel *self);

/* Compares versions @a and @b of the open flow (in either order): opens
 * the newer one when another is shown, then shows the comparison. FALSE
 * with an error naming what is wrong. */
gboolean    wm_versions_panel_compare        (WmVersionsPanel *self,
                                              guint            a,
                                              guint            b,
                                              GError         **error);
void        wm_versions_panel_stop_comparing (WmVersionsPanel *self);
gboolean    wm_versions_panel_is_comparing   (WmVersionsPanel *self);

/* The card of version @number, or NULL; for tests and focus. */
GtkWidget  *wm_versions_panel_get_card       (WmVersionsPanel *self,
                                              guint            number);
/* The status a card shows, or -1 when there is no such card. */
int         wm_versions_panel_get_card_status (WmVersionsPanel *self,
                                              guint            number);
/* The comparison's list of changes: one row an element (its name, then
 * "Field: old → new" lines), one a connection added or removed, then the
 * version settings when they changed. */
GtkListBox *wm_versions_panel_get_changes    (WmVersionsPanel *self);

G_END_DECLS
