/* wm-validate.h - validation of flows (flow-format.md, Validation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-flow.h"
#include "wm-lookup.h"

G_BEGIN_DECLS

typedef enum
{
  WM_SEVERITY_ERROR,
  WM_SEVERITY_WARNING,
} WmSeverity;

typedef struct
{
  WmSeverity  severity;
  const char *code;      /* "field-missing", ... (static) */
  guint       version;   /* 0 for a flow-level rule */
  char       *element;   /* element id, or NULL */
  char       *field;     /* "text", "send_window.from", "settings.goal.window", or NULL */
  char       *message;   /* one translated sentence that says what to do */
  guint       column;    /* expression-syntax: 1-based column in the field's text; else 0 */
} WmDiagnostic;

#define WM_TYPE_DIAGNOSTIC (wm_diagnostic_get_type ())
GType         wm_diagnostic_get_type     (void) G_GNUC_CONST;
WmDiagnostic *wm_diagnostic_copy         (const WmDiagnostic *diagnostic);
void          wm_diagnostic_free         (WmDiagnostic       *diagnostic);

const char   *wm_severity_to_string      (WmSeverity          severity);

/* Checks every version of @flow. @lookup (may be NULL) answers what needs
 * more than the flow: milestones, outcomes, other flows. Returns the
 * diagnostics, flow-level first, then by version number, in a stable order
 * (GPtrArray of WmDiagnostic). */
GPtrArray    *wm_validate_flow           (WmFlow             *flow,
                                          WmLookup           *lookup);

/* Counts diagnostics of @severity; @version 0 counts flow-level ones and
 * G_MAXUINT counts all. */
guint         wm_diagnostics_count       (GPtrArray          *diagnostics,
                                          WmSeverity          severity,
                                          guint               version);

/* TRUE when a flow-level error or an error of @version exists (what blocks
 * launching or simulating that version). */
gboolean      wm_diagnostics_block_version (GPtrArray        *diagnostics,
                                          guint               version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmDiagnostic, wm_diagnostic_free)

G_END_DECLS
