/* wm-canvas-geometry.h - sizes, anchors and curves of the flow canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is in canvas units (the units of an element's "position",
 * flow-format.md: its top-left corner) and free of GTK, so the canvas, the
 * minimap, the exporters and the tests agree on where things are.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} WmRect;

/* A node: a head (icon and type, name, summary) and, when its ports are not
 * a single "out", one labelled row per output port below the head. */
#define WM_NODE_WIDTH        208.0
#define WM_NODE_HEAD_HEIGHT   72.0
#define WM_NODE_PORT_HEIGHT   22.0
#define WM_NODE_PORT_PADDING   6.0
/* The radius of a port dot, and how far from it a press still grabs it. */
#define WM_PORT_RADIUS         5.0
#define WM_PORT_GRAB_RADIUS   11.0

#define WM_CANVAS_MIN_ZOOM   0.1
#define WM_CANVAS_MAX_ZOOM   4.0

gboolean wm_rect_contains_point   (const WmRect *rect,
                                   double        x,
                                   double        y);
gboolean wm_rect_intersects       (const WmRect *a,
                                   const WmRect *b);
/* The smallest rectangle holding both; an empty @a (width and height 0 at
 * 0, 0 is not special) is a real rectangle: callers start from the first. */
void     wm_rect_union            (const WmRect *a,
                                   const WmRect *b,
                                   WmRect       *out);
/* The rectangle spanned by two corners in any order (a rubber band). */
void     wm_rect_from_corners     (double        x0,
                                   double        y0,
                                   double        x1,
                                   double        y1,
                                   WmRect       *out);

/* Whether the ports get labelled rows: any set but a lone "out" (or none). */
gboolean wm_node_ports_labelled   (const char * const *ports);
double   wm_node_height           (const char * const *ports);
/* Where the connection of port @index leaves a node at @x, @y: its right
 * edge, in the middle of the head for a lone port, else of the port's row. */
void     wm_node_port_anchor      (double              x,
                                   double              y,
                                   const char * const *ports,
                                   guint               index,
                                   double             *ax,
                                   double             *ay);
/* Where connections enter a node: the middle of its head's left edge. */
void     wm_node_input_anchor     (double              x,
                                   double              y,
                                   double             *ax,
                                   double             *ay);
/* The index of the port whose dot is within WM_PORT_GRAB_RADIUS of @px,
 * @py on a node at @x, @y, or -1. */
int      wm_node_port_at          (double              x,
                                   double              y,
                                   const char * const *ports,
                                   double              px,
                                   double              py);

/* A cubic Bézier curve p0 .. p3. */
typedef struct
{
  double x0, y0, x1, y1, x2, y2, x3, y3;
} WmBezier;

/* The curve of a connection from a port anchor to an input anchor: it
 * leaves to the right and enters from the left, with handles of half the
 * horizontal distance (at least 48 units, so a connection going backwards
 * loops around instead of cutting through its nodes). */
void     wm_connection_curve      (double        fx,
                                   double        fy,
                                   double        tx,
                                   double        ty,
                                   WmBezier     *out);
void     wm_bezier_point          (const WmBezier *curve,
                                   double          t,
                                   double         *x,
                                   double         *y);
/* A box holding the curve (the hull of its control points). */
void     wm_bezier_bounds         (const WmBezier *curve,
                                   WmRect         *out);
/* The distance from @px, @py to the curve (approximated by 32 chords), and
 * in @t (may be NULL) the curve parameter of the nearest point. */
double   wm_bezier_distance       (const WmBezier *curve,
                                   double          px,
                                   double          py,
                                   double         *t);

/* The scroll offset (view pixels) that keeps the canvas point under the
 * pointer at @pointer (view pixels from the view's left edge) when the zoom
 * goes from @old_zoom to @new_zoom; a view pixel v shows canvas point
 * (v + scroll) / zoom. Apply once per axis. */
double   wm_zoom_anchor_scroll    (double        old_zoom,
                                   double        new_zoom,
                                   double        scroll,
                                   double        pointer);

/* @value rounded to the nearest multiple of @grid (@grid <= 0: unchanged). */
double   wm_snap                  (double        value,
                                   double        grid);

G_END_DECLS
