/* wm-layout.h - automatic layout of a flow, left to right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function over a graph (no GTK, no model), so it is tested alone.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Gaps between columns and between nodes of a column, in canvas units. */
#define WM_LAYOUT_COLUMN_GAP 80.0
#define WM_LAYOUT_ROW_GAP    40.0

/* Lays out @n_nodes nodes of width @node_width and heights @heights, with
 * @n_edges directed edges @edges (pairs: from, to; indices into the nodes).
 *
 * Columns are layers: a node's column is the length of the longest path to
 * it from a node without incoming edges (from @entry first: @entry is
 * always in column 0; -1 when there is none). Edges that close a cycle
 * (found by a depth-first search from @entry, then from the other nodes in
 * index order) are ignored. Within a column, nodes are ordered by the mean
 * row of their predecessors in the column before (index order breaks ties,
 * and comes first for nodes without predecessors there), stacked with
 * WM_LAYOUT_ROW_GAP between them and the column centred on the tallest
 * column. Column c starts at x = c * (@node_width + WM_LAYOUT_COLUMN_GAP);
 * the tallest column starts at y = 0.
 *
 * Writes x, y pairs (top-left corners) into @positions (2 * @n_nodes). */
void wm_layout_layered (guint         n_nodes,
                        double        node_width,
                        const double *heights,
                        guint         n_edges,
                        const guint  *edges,
                        int           entry,
                        double       *positions);

G_END_DECLS
