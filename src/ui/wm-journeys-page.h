/* wm-journeys-page.h - the workspace's journeys, beside the flows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A searchable list of the workspace's journeys with their number of
 * stages and last change; New, Import, and for each journey Duplicate,
 * Export and Delete. It follows WmWorkspace::journeys-changed, so a
 * journey saved by the editor or imported by a drop shows at once.
 * Activating a journey emits ::journey-activated with its id (the window
 * opens the journey editor).
 *
 * Actions (group "journeys"): new, search [Ctrl+F], import, open ("s"),
 * duplicate ("s"), export ("s"), delete ("s": asks first).
 */
#pragma once

#include <adwaita.h>

#include "wm-journeys.h"

G_BEGIN_DECLS

#define WM_TYPE_JOURNEYS_PAGE (wm_journeys_page_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneysPage, wm_journeys_page, WM, JOURNEYS_PAGE, GtkWidget)

GtkWidget   *wm_journeys_page_new             (void);

WmWorkspace *wm_journeys_page_get_workspace   (WmJourneysPage *self);
void         wm_journeys_page_set_workspace   (WmJourneysPage *self,
                                               WmWorkspace    *workspace);

/* Shows only the journeys whose name holds @text (case-insensitive). */
void         wm_journeys_page_set_search_text (WmJourneysPage *self,
                                               const char     *text);
/* The journeys shown, after the search, in the list's order. */
guint        wm_journeys_page_get_n_shown     (WmJourneysPage *self);
const char  *wm_journeys_page_get_shown_id    (WmJourneysPage *self,
                                               guint           index);
/* The row of the @index-th journey shown (for its menu and for tests). */
GtkWidget   *wm_journeys_page_get_row         (WmJourneysPage *self,
                                               guint           index);

/* What the New Journey dialog does: creates a journey named @name and
 * returns its id, or NULL with the reason (also shown in a toast). */
char        *wm_journeys_page_create          (WmJourneysPage *self,
                                               const char     *name,
                                               GError        **error);

void         wm_journeys_page_add_toast       (WmJourneysPage *self,
                                               const char     *message);
/* Shows @toast (taken). */
void         wm_journeys_page_show_toast      (WmJourneysPage *self,
                                               AdwToast       *toast);

/* Journey files. Whether @file is one: named *.waymark-journey.json, or
 * a JSON file whose "format" says so (a journey saved under another name),
 * so the window's drop and Ctrl+O can tell journeys from flows. */
gboolean     wm_file_is_journey               (GFile          *file);
/* Imports journey file @file into @workspace and returns the message to
 * show, which names the journey or the file and what is wrong with it;
 * *@id (may be NULL) gets the stored journey's id, or NULL. */
char        *wm_import_journey_file           (WmWorkspace    *workspace,
                                               GFile          *file,
                                               char          **id);
/* What Export… writes: the stored document of journey @id (the bytes of
 * wm_workspace_export_journey) to @file. */
gboolean     wm_export_journey_file           (WmWorkspace    *workspace,
                                               const char     *id,
                                               GFile          *file,
                                               GError        **error);
/* Export…: asks where, writes, and says how it went in a toast on
 * @toasts. The journeys page and the journey editor both offer it. */
void         wm_show_export_journey_dialog    (GtkWidget      *parent,
                                               AdwToastOverlay *toasts,
                                               WmWorkspace    *workspace,
                                               const char     *id);

G_END_DECLS
