/* wm-inspector.h - edits the selected element's name and config
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows one element: its name and an editor for every config field of its
 * catalogue type. Every change is one undo command pushed on the given
 * WmUndoStack (keystrokes in one field coalesce through the commands'
 * merge); changes to the model (undo, redo, other views) show up in the
 * editors.
 */
#pragma once

#include <adwaita.h>

#include "wm-flow.h"
#include "wm-inspector-performance.h"
#include "wm-lookup.h"
#include "wm-undo.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR (wm_inspector_get_type ())
G_DECLARE_FINAL_TYPE (WmInspector, wm_inspector, WM, INSPECTOR, GtkWidget)

GtkWidget *wm_inspector_new             (void);

/* Shows @element of a version of @flow, editing it through @undo_stack
 * (whose flow is @flow). @lookup (may be NULL) lists the workspace's
 * milestones, outcomes and flows for the pickers. NULL @element shows
 * "No element selected". */
void       wm_inspector_set_element     (WmInspector *self,
                                         WmElement   *element,
                                         WmFlow      *flow,
                                         WmUndoStack *undo_stack,
                                         WmLookup    *lookup);
WmElement *wm_inspector_get_element     (WmInspector *self);

/* Marks the fields that @diagnostics (GPtrArray of WmDiagnostic, may be
 * NULL) name for the shown element: error style and the message. The
 * array is copied. */
void       wm_inspector_set_diagnostics (WmInspector *self,
                                         GPtrArray   *diagnostics);
/* Focuses the editor of @field: "name", a config key, or a diagnostic's
 * field path ("send_window.from", "branches[1].when"). FALSE when the
 * element has no such field. */
gboolean   wm_inspector_focus_field     (WmInspector *self,
                                         const char  *field);

/* Locks the shown element: its fields insensitive and @reason (NULL
 * unlocks) shown above them, e.g. why a running flow's entry point
 * cannot change. wm_inspector_set_element unlocks. */
void        wm_inspector_set_locked      (WmInspector *self,
                                          const char  *reason);
const char *wm_inspector_get_locked_reason (WmInspector *self);

/* The editor's row for @field (as wm_inspector_focus_field reads it), or
 * NULL: for tests and for scrolling to it. */
GtkWidget *wm_inspector_get_field_row   (WmInspector *self,
                                         const char  *field);

/* Shows @metrics's figures of the shown element in a Performance section
 * after its settings (NULL: none). */
void       wm_inspector_set_metrics     (WmInspector     *self,
                                         WmReportMetrics *metrics);
/* That section, or NULL when none is shown. */
WmInspectorPerformance *wm_inspector_get_performance (WmInspector *self);

G_END_DECLS
