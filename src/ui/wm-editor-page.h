/* wm-editor-page.h - the editor of one flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A version of the flow (the latest unless another is opened) on the
 * canvas, with the palette on the left, the inspector on the right and
 * the validation panel below. The header
 * renames the flow, shows its version and status, whether it is saved,
 * and the problem counts. Every change is validated (after a pause of
 * WM_EDITOR_VALIDATE_DELAY_MS) and saved to the workspace (at most
 * WM_EDITOR_SAVE_DELAY_MS after the first unsaved change). A version that
 * was launched is shown read-only.
 *
 * Actions (group "editor"): back, undo [Ctrl+Z], redo [Ctrl+Shift+Z],
 * validate (shows / hides the problems), settings, rename [F2],
 * duplicate, export, save-template, delete, search-palette [Ctrl+F];
 * launch, pause, resume, stop-version, stop-all, cancel-schedule, finish
 * (wm-editor-lifecycle.h); run-simulation [Ctrl+R] (wm-editor-runs.h).
 * The "Versions" toggle shows the versions panel in the inspector's place.
 */
#pragma once

#include <adwaita.h>

#include "wm-canvas.h"
#include "wm-inspector.h"
#include "wm-palette.h"
#include "wm-runs.h"
#include "wm-validation-panel.h"
#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_EDITOR_VALIDATE_DELAY_MS 300
#define WM_EDITOR_SAVE_DELAY_MS     500

#define WM_TYPE_EDITOR_PAGE (wm_editor_page_get_type ())
G_DECLARE_FINAL_TYPE (WmEditorPage, wm_editor_page, WM, EDITOR_PAGE, GtkWidget)

GtkWidget         *wm_editor_page_new              (void);

void               wm_editor_page_set_workspace    (WmEditorPage *self,
                                                    WmWorkspace  *workspace);
/* Opens flow @id (its latest version); saves the flow open before. */
gboolean           wm_editor_page_open             (WmEditorPage *self,
                                                    const char   *id,
                                                    GError      **error);
/* Opens version @number (0: the latest) of flow @id, read-only unless it
 * is a draft; saves the flow open before. */
gboolean           wm_editor_page_open_version     (WmEditorPage *self,
                                                    const char   *id,
                                                    guint         number,
                                                    GError      **error);
/* Saves what is pending and shows nothing. */
void               wm_editor_page_close            (WmEditorPage *self);

/* Saves a pending change now; FALSE when saving failed. */
gboolean           wm_editor_page_save_now         (WmEditorPage *self);
/* Validates now instead of after the pause. */
void               wm_editor_page_validate_now     (WmEditorPage *self);

WmWorkspace       *wm_editor_page_get_workspace    (WmEditorPage *self);
WmFlow            *wm_editor_page_get_flow         (WmEditorPage *self);
WmVersion         *wm_editor_page_get_version      (WmEditorPage *self);
WmUndoStack       *wm_editor_page_get_undo_stack   (WmEditorPage *self);
gboolean           wm_editor_page_is_read_only     (WmEditorPage *self);
/* Saved: nothing waits to be written. */
gboolean           wm_editor_page_is_saved         (WmEditorPage *self);
/* The counts shown in the header: flow-level and this version's. */
guint              wm_editor_page_get_n_errors     (WmEditorPage *self);
guint              wm_editor_page_get_n_warnings   (WmEditorPage *self);

WmCanvas          *wm_editor_page_get_canvas       (WmEditorPage *self);
WmPalette         *wm_editor_page_get_palette      (WmEditorPage *self);
WmInspector       *wm_editor_page_get_inspector    (WmEditorPage *self);
WmValidationPanel *wm_editor_page_get_validation_panel (WmEditorPage *self);
/* Whether the validation panel is shown. */
gboolean           wm_editor_page_get_panel_visible (WmEditorPage *self);

void               wm_editor_page_add_toast        (WmEditorPage *self,
                                                    const char   *message);

/* Remembers @run_id (0: none) as the run shown and emits ::run-shown;
 * closing the flow shows none. */
void               wm_editor_page_show_run         (WmEditorPage *self,
                                                    gint64        run_id);
gint64             wm_editor_page_get_run_id       (WmEditorPage *self);
/* Shows what @diagnostic is about: selects its element on the canvas and
 * focuses the field, or opens the flow's settings. */
void               wm_editor_page_show_diagnostic  (WmEditorPage *self,
                                                    WmDiagnostic *diagnostic);

/* Shows @toast (taken), for one with a button. */
void               wm_editor_page_show_toast       (WmEditorPage *self,
                                                    AdwToast     *toast);

/* Gives the editor a run (with its report; NULL: none) whose figures the
 * Metrics toggle shows on the canvas and in the inspector
 * (wm-editor-metrics.h). The run is copied from. */
void               wm_editor_page_set_run          (WmEditorPage *self,
                                                    const WmRun  *run);

G_END_DECLS
