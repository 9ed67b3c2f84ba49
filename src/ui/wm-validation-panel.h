/* wm-validation-panel.h - the diagnostics of the flow being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of diagnostics, errors first, each with an icon, the element it
 * is about and its message. Activating one emits ::diagnostic-activated
 * (the editor selects the element, scrolls to it and focuses the field).
 */
#pragma once

#include <adwaita.h>

#include "wm-validate.h"
#include "wm-version.h"

G_BEGIN_DECLS

#define WM_TYPE_VALIDATION_PANEL (wm_validation_panel_get_type ())
G_DECLARE_FINAL_TYPE (WmValidationPanel, wm_validation_panel, WM, VALIDATION_PANEL, GtkWidget)

GtkWidget  *wm_validation_panel_new             (void);

/* Shows the diagnostics (GPtrArray of WmDiagnostic; copied) that are
 * flow-level or about @version; @version names the elements. */
void        wm_validation_panel_set_diagnostics (WmValidationPanel *self,
                                                 GPtrArray         *diagnostics,
                                                 WmVersion         *version);
guint       wm_validation_panel_get_n_shown     (WmValidationPanel *self);
/* Emits ::diagnostic-activated for the @index-th row shown. */
void        wm_validation_panel_activate        (WmValidationPanel *self,
                                                 guint              index);
/* The list, for keyboard focus. */
GtkWidget  *wm_validation_panel_get_list        (WmValidationPanel *self);

/* "2 errors, 1 warning", "1 error", or NULL when both are 0. */
char       *wm_format_problem_counts            (guint              errors,
                                                 guint              warnings);

G_END_DECLS
