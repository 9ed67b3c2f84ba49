/* wm-node.h - one element of a flow on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A node is a child widget of WmCanvas (so it gets focus, CSS states and an
 * accessible of its own) that draws its element: the type's icon and label,
 * the name, a one-line summary and the output ports, in canvas units (the
 * canvas scales it with the allocation transform). Its size comes from
 * wm-canvas-geometry.h, never from its text. CSS name "wmnode", with the
 * element's category as a class ("entry", "channel", "function",
 * "milestone", "exit") and "error" / "warning" for validation badges;
 * "added", "changed" or "removed" when the canvas compares versions, and
 * "locked" for an element that cannot change.
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-element.h"
#include "wm-flow-diff.h"

G_BEGIN_DECLS

#define WM_TYPE_NODE (wm_node_get_type ())
G_DECLARE_FINAL_TYPE (WmNode, wm_node, WM, NODE, GtkWidget)

GtkWidget          *wm_node_new            (WmElement  *element);
WmElement          *wm_node_get_element    (WmNode     *self);

/* The output ports as drawn (a branch's follow its branches). */
const char * const *wm_node_get_ports      (WmNode     *self);
double              wm_node_get_height     (WmNode     *self);

/* The names of the ids the element refers to (wm-node-summary.h; NULL:
 * ids as they are); the texts are made again. */
void                wm_node_set_names      (WmNode     *self,
                                            GHashTable *names);

/* Re-reads the element's name and configuration (texts and ports).
 * Returns TRUE when the ports changed (so the node's height may have). */
gboolean            wm_node_update         (WmNode     *self);

/* The validation badge: 0 none, 1 warning, 2 error. */
void                wm_node_set_badge      (WmNode     *self,
                                            guint       badge);
guint               wm_node_get_badge      (WmNode     *self);

void                wm_node_set_selected   (WmNode     *self,
                                            gboolean    selected);
gboolean            wm_node_get_selected   (WmNode     *self);

/* The comparison mark: a WmDiffKind, or WM_NODE_NO_MARK. A marked node
 * shows a tag ("Added", "Changed", "Removed") over its top edge; a
 * removed one is a translucent ghost with a dashed outline. @description
 * becomes the accessible description ("Changed in version 2: name"). */
#define WM_NODE_NO_MARK (-1)
void                wm_node_set_mark       (WmNode     *self,
                                            int         mark,
                                            const char *description);
int                 wm_node_get_mark       (WmNode     *self);
const char         *wm_node_get_mark_description (WmNode *self);

/* A locked node shows a lock by its type. */
void                wm_node_set_locked     (WmNode     *self,
                                            gboolean    locked);
gboolean            wm_node_get_locked     (WmNode     *self);

/* The accessible label, as wm_node_describe() words it. */
void                wm_node_set_description (WmNode    *self,
                                            const char *description);
const char         *wm_node_get_description (WmNode    *self);

G_END_DECLS
