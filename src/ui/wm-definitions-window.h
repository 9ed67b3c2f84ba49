/* wm-definitions-window.h - the milestones and outcomes of the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two searchable lists (Milestones, Outcomes) with their count against the
 * workspace's limits; add, edit, and delete a milestone no launched flow
 * uses. Outcomes are never deleted. Follows ::definitions-changed, so a
 * change made elsewhere (a template, waymark-cli) shows at once.
 *
 * Actions (group "definitions"): add, edit ("(us)": kind, id),
 * delete ("s": a milestone id; asks first, naming the drafts that use it,
 * or says which launched flows keep it).
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_DEFINITIONS_WINDOW (wm_definitions_window_get_type ())
G_DECLARE_FINAL_TYPE (WmDefinitionsWindow, wm_definitions_window, WM, DEFINITIONS_WINDOW, AdwWindow)

GtkWidget  *wm_definitions_window_new             (GtkWindow           *parent,
                                                   WmWorkspace         *workspace);
void        wm_definitions_window_set_workspace   (WmDefinitionsWindow *self,
                                                   WmWorkspace         *workspace);

/* The page shown. */
WmDefinitionKind wm_definitions_window_get_kind   (WmDefinitionsWindow *self);
void        wm_definitions_window_set_kind        (WmDefinitionsWindow *self,
                                                   WmDefinitionKind     kind);
/* The search of @kind's page: text in the name or description,
 * case-insensitive. */
void        wm_definitions_window_set_search_text (WmDefinitionsWindow *self,
                                                   WmDefinitionKind     kind,
                                                   const char          *text);
/* The ids of the rows the search leaves, in order. */
GStrv       wm_definitions_window_get_shown       (WmDefinitionsWindow *self,
                                                   WmDefinitionKind     kind);
/* The row of @id (an AdwActionRow), or NULL. */
GtkWidget  *wm_definitions_window_get_row         (WmDefinitionsWindow *self,
                                                   WmDefinitionKind     kind,
                                                   const char          *id);
/* "812 of 1,000 milestones" as shown on @kind's page. */
const char *wm_definitions_window_get_count_text  (WmDefinitionsWindow *self,
                                                   WmDefinitionKind     kind);

/* Each presents the window it opens and returns it (not a new reference):
 * the editor (WmDefinitionEditor) for a new definition of @kind or for
 * @id; for a milestone's delete, the confirmation, or the refusal naming
 * the flows that use it (AdwMessageDialog). */
GtkWidget  *wm_definitions_window_add             (WmDefinitionsWindow *self,
                                                   WmDefinitionKind     kind);
GtkWidget  *wm_definitions_window_edit            (WmDefinitionsWindow *self,
                                                   WmDefinitionKind     kind,
                                                   const char          *id);
GtkWidget  *wm_definitions_window_delete          (WmDefinitionsWindow *self,
                                                   const char          *id);

/* "812 of 1,000 milestones": @n against the limit of @kind, the numbers
 * grouped the way the locale groups digits. */
char       *wm_definitions_format_count           (WmDefinitionKind     kind,
                                                   guint                n);

G_END_DECLS
