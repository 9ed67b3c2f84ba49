/* wm-canvas.h - the flow canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WmCanvas shows one version of a flow and edits it through its undo stack:
 * every change it makes is a command pushed on the WmUndoStack (one drag is
 * one step), and it redraws from the model's items-changed and notify
 * signals, so it never holds state of its own about the document. Zoom,
 * scroll and selection are view state and stay in the canvas.
 *
 * It implements GtkScrollable: put it in a GtkScrolledWindow. Adjustments
 * are in view pixels; a view pixel v shows canvas point (v + value) / zoom.
 *
 * Actions (on the widget, group "canvas"; shortcuts in brackets):
 *   zoom-in [Ctrl+plus], zoom-out [Ctrl+minus], zoom-reset [Ctrl+0],
 *   zoom-fit [Ctrl+1], select-all [Ctrl+A], delete [Delete],
 *   copy [Ctrl+C], cut [Ctrl+X], paste [Ctrl+V], duplicate [Ctrl+D],
 *   undo [Ctrl+Z], redo [Ctrl+Shift+Z], arrange [Ctrl+Shift+L],
 *   connect [Ctrl+K: the "Connect to…" popover of the focused element],
 *   disconnect ("(ss)": element id, port), activate [Enter],
 *   nudge ("(ii)" in grid steps) [Shift+arrows], focus-move ("i", a
 *   GtkDirectionType) [arrows].
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-flow-diff.h"
#include "wm-undo.h"
#include "wm-version.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS (wm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvas, wm_canvas, WM, CANVAS, GtkWidget)

GtkWidget   *wm_canvas_new                (void);

/* Shows @version (NULL: nothing) and edits it through @undo_stack, whose
 * flow must hold @version. */
void         wm_canvas_set_version        (WmCanvas           *self,
                                           WmVersion          *version,
                                           WmUndoStack        *undo_stack);
WmVersion   *wm_canvas_get_version        (WmCanvas           *self);
WmUndoStack *wm_canvas_get_undo_stack     (WmCanvas           *self);

/* The node widget showing @element, or NULL. */
GtkWidget   *wm_canvas_get_node           (WmCanvas           *self,
                                           WmElement          *element);

/* Zoom, between WM_CANVAS_MIN_ZOOM and WM_CANVAS_MAX_ZOOM ("zoom"). */
double       wm_canvas_get_zoom           (WmCanvas           *self);
/* Zooms keeping the canvas point under view point @view_x, @view_y still. */
void         wm_canvas_zoom_at            (WmCanvas           *self,
                                           double              zoom,
                                           double              view_x,
                                           double              view_y);
/* Zooms about the middle of the view. */
void         wm_canvas_set_zoom           (WmCanvas           *self,
                                           double              zoom);
/* Shows every element (zoom at most 1). */
void         wm_canvas_zoom_to_fit        (WmCanvas           *self);
/* The view a flow opens with: every element when they fit at a zoom where
 * names can be read, else the start of the flow at that zoom. */
void         wm_canvas_show_start         (WmCanvas           *self);
/* Scrolls so that @element is in view. */
void         wm_canvas_scroll_to_element  (WmCanvas           *self,
                                           WmElement          *element);
void         wm_canvas_view_to_canvas     (WmCanvas           *self,
                                           double              view_x,
                                           double              view_y,
                                           double             *canvas_x,
                                           double             *canvas_y);
void         wm_canvas_canvas_to_view     (WmCanvas           *self,
                                           double              canvas_x,
                                           double              canvas_y,
                                           double             *view_x,
                                           double             *view_y);
/* The canvas rectangle in view, and the one the elements cover (FALSE when
 * there are none); for the minimap. */
void         wm_canvas_get_visible_area   (WmCanvas           *self,
                                           double             *x,
                                           double             *y,
                                           double             *width,
                                           double             *height);
gboolean     wm_canvas_get_content_area   (WmCanvas           *self,
                                           double             *x,
                                           double             *y,
                                           double             *width,
                                           double             *height);
/* Scrolls so that canvas point @x, @y is in the middle of the view. */
void         wm_canvas_center_on          (WmCanvas           *self,
                                           double              x,
                                           double              y);

/* Grid snapping of moved and dropped elements ("snap-to-grid"); the grid
 * is 16 canvas units. */
#define WM_CANVAS_GRID 16.0
gboolean     wm_canvas_get_snap_to_grid   (WmCanvas           *self);
void         wm_canvas_set_snap_to_grid   (WmCanvas           *self,
                                           gboolean            snap);

/* The names of the milestones, outcomes and flows elements refer to
 * (wm-node-summary.h), shown and said instead of their ids; NULL: ids. */
void         wm_canvas_set_names          (WmCanvas           *self,
                                           GHashTable         *names);

/* A read-only canvas ("read-only") still selects, scrolls, zooms and
 * copies, but changes nothing: no moving, connecting, deleting, pasting,
 * dropping, nudging, adding, arranging, undo or redo. */
gboolean     wm_canvas_get_read_only      (WmCanvas           *self);
void         wm_canvas_set_read_only      (WmCanvas           *self,
                                           gboolean            read_only);

/* Selection (view state; "selection-changed" when it changes). */
guint        wm_canvas_get_n_selected     (WmCanvas           *self);
/* The selected elements' ids in the version's order; free with
 * g_strfreev. */
char       **wm_canvas_get_selected_ids   (WmCanvas           *self);
gboolean     wm_canvas_is_selected        (WmCanvas           *self,
                                           WmElement          *element);
/* Selects exactly the elements with @ids (NULL-terminated; NULL: none). */
void         wm_canvas_set_selection      (WmCanvas           *self,
                                           const char * const *ids);
void         wm_canvas_select_all         (WmCanvas           *self);
void         wm_canvas_unselect_all       (WmCanvas           *self);

/* Validation badges from a GPtrArray of WmDiagnostic (NULL clears):
 * diagnostics of this version naming an element. */
void         wm_canvas_set_diagnostics    (WmCanvas           *self,
                                           GPtrArray          *diagnostics);

/* Comparison mode: @diff (NULL ends it) compares another version with the
 * one shown, which must be its newer side. Added elements get an outline
 * and an "Added" tag, changed ones a "Changed" tag, removed ones are drawn
 * from the other version as translucent dashed ghosts where they were
 * (they take no input), added connections in the added colour and removed
 * ones dashed. Marked nodes say so in their accessible description. A new
 * version shown or set_version clears it. */
void         wm_canvas_set_comparison     (WmCanvas           *self,
                                           WmFlowDiff         *diff);
WmFlowDiff  *wm_canvas_get_comparison     (WmCanvas           *self);
/* How element @id is marked: a WmDiffKind, or WM_NODE_NO_MARK (-1). */
int          wm_canvas_get_mark           (WmCanvas           *self,
                                           const char         *id);
/* The ghost showing removed element @id, or NULL. */
GtkWidget   *wm_canvas_get_ghost          (WmCanvas           *self,
                                           const char         *id);

/* The element with @id (NULL: none) is locked: it can be selected,
 * copied and connected from, but not moved, nudged, cut or deleted, and
 * arranging keeps it where it is. Its node shows a lock. A new version
 * shown clears it. */
void         wm_canvas_set_locked_element (WmCanvas           *self,
                                           const char         *id);
const char  *wm_canvas_get_locked_element (WmCanvas           *self);
/* "Show in flow": lights the elements of a customer's path and the
 * connections it left them by, and dims the rest (view state; Escape
 * clears it). @element_ids is NULL-terminated; @port_keys, when not NULL,
 * has as many entries, each the port its element was left by or "" when
 * the path ended there. NULL @element_ids clears. */
void         wm_canvas_set_highlighted_path (WmCanvas         *self,
                                           const char * const *element_ids,
                                           const char * const *port_keys);
gboolean     wm_canvas_has_highlighted_path (WmCanvas         *self);
/* Whether element @element_id (with @port: its connection from that port)
 * is on the lit path. */
gboolean     wm_canvas_is_highlighted     (WmCanvas           *self,
                                           const char         *element_id,
                                           const char         *port);

/* Edits, each one undo step. */
void         wm_canvas_delete_selection   (WmCanvas           *self);
void         wm_canvas_copy_selection     (WmCanvas           *self);
void         wm_canvas_cut_selection      (WmCanvas           *self);
void         wm_canvas_paste              (WmCanvas           *self);
void         wm_canvas_duplicate_selection (WmCanvas          *self);
/* Auto-layout (wm-layout.h) of the whole version. */
void         wm_canvas_arrange            (WmCanvas           *self);
/* Adds an element of catalogue @type with its top-left corner at canvas
 * point @x, @y (snapped when snapping is on), with the first free id
 * "e<N>", and selects it. Returns the new element, or NULL when @type is
 * unknown or there is no version. */
WmElement   *wm_canvas_add_element        (WmCanvas           *self,
                                           const char         *type,
                                           double              x,
                                           double              y);
/* Opens the "Connect to…" popover for @element. */
void         wm_canvas_show_connect_popover (WmCanvas         *self,
                                           WmElement          *element);

G_END_DECLS
