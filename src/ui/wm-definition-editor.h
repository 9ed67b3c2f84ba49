/* wm-definition-editor.h - adding or editing one milestone or outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small modal window with the name and the description. Saving goes to
 * the workspace at once; what the workspace refuses (an empty or taken
 * name, the limit) is shown in the window, which stays open so nothing
 * typed is lost.
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_DEFINITION_EDITOR (wm_definition_editor_get_type ())
G_DECLARE_FINAL_TYPE (WmDefinitionEditor, wm_definition_editor, WM, DEFINITION_EDITOR, AdwWindow)

/* @definition NULL: a new one of @kind. */
GtkWidget  *wm_definition_editor_new             (GtkWindow          *parent,
                                                  WmWorkspace        *workspace,
                                                  WmDefinitionKind    kind,
                                                  const WmDefinition *definition);
void        wm_definition_editor_set_name        (WmDefinitionEditor *self,
                                                  const char         *name);
void        wm_definition_editor_set_description (WmDefinitionEditor *self,
                                                  const char         *description);
/* Writes to the workspace; FALSE when it refused, with the reason shown
 * (and returned by get_error). The Save button also closes the window. */
gboolean    wm_definition_editor_save            (WmDefinitionEditor *self);
/* The refusal shown, or NULL. */
const char *wm_definition_editor_get_error       (WmDefinitionEditor *self);

G_END_DECLS
