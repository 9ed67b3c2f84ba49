/* wm-canvas-geometry.c - sizes, anchors and curves of the flow canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "wm-canvas-geometry.h"

gboolean
wm_rect_contains_point (const WmRect *rect,
                        double        x,
                        double        y)
{
  return x >= rect->x && y >= rect->y
         && x < rect->x + rect->width && y < rect->y + rect->height;
}

gboolean
wm_rect_intersects (const WmRect *a,
                    const WmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

void
wm_rect_union (const WmRect *a,
               const WmRect *b,
               WmRect       *out)
{
  double x0 = MIN (a->x, b->x);
  double y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->width, b->x + b->width);
  double y1 = MAX (a->y + a->height, b->y + b->height);

  out->x = x0;
  out->y = y0;
  out->width = x1 - x0;
  out->height = y1 - y0;
}

void
wm_rect_from_corners (double  x0,
                      double  y0,
                      double  x1,
                      double  y1,
                      WmRect *out)
{
  out->x = MIN (x0, x1);
  out->y = MIN (y0, y1);
  out->width = fabs (x1 - x0);
  out->height = fabs (y1 - y0);
}

gboolean
wm_node_ports_labelled (const char * const *ports)
{
  if (ports == NULL || ports[0] == NULL)
    return FALSE;
  return ports[1] != NULL || strcmp (ports[0], "out") != 0;
}

static guint
count_ports (const char * const *ports)
{
  guint n = 0;

  while (ports != NULL && ports[n] != NULL)
    n++;
  return n;
}

double
wm_node_height (const char * const *ports)
{
  if (!wm_node_ports_labelled (ports))
    return WM_NODE_HEAD_HEIGHT;
  return WM_NODE_HEAD_HEIGHT + count_ports (ports) * WM_NODE_PORT_HEIGHT
         + WM_NODE_PORT_PADDING;
}

void
wm_node_port_anchor (double              x,
                     double              y,
                     const char * const *ports,
                     guint               index,
                     double             *ax,
                     double             *ay)
{
  *ax = x + WM_NODE_WIDTH;
  if (!wm_node_ports_labelled (ports))
    *ay = y + WM_NODE_HEAD_HEIGHT / 2;
  else
    *ay = y + WM_NODE_HEAD_HEIGHT + (index + 0.5) * WM_NODE_PORT_HEIGHT;
}

void
wm_node_input_anchor (double  x,
                      double  y,
                      double *ax,
                      double *ay)
{
  *ax = x;
  *ay = y + WM_NODE_HEAD_HEIGHT / 2;
}

int
wm_node_port_at (double              x,
                 double              y,
                 const char * const *ports,
                 double              px,
                 double              py)
{
  guint n = count_ports (ports);

  for (guint i = 0; i < n; i++)
    {
      double ax, ay;

      wm_node_port_anchor (x, y, ports, i, &ax, &ay);
      if (hypot (px - ax, py - ay) <= WM_PORT_GRAB_RADIUS)
        return (int) i;
    }
  return -1;
}

void
wm_connection_curve (double    fx,
                     double    fy,
                     double    tx,
                     double    ty,
                     WmBezier *out)
{
  double handle = MAX (48.0, fabs (tx - fx) / 2);

  out->x0 = fx;
  out->y0 = fy;
  out->x1 = fx + handle;
  out->y1 = fy;
  out->x2 = tx - handle;
  out->y2 = ty;
  out->x3 = tx;
  out->y3 = ty;
}

void
wm_bezier_point (const WmBezier *c,
                 double          t,
                 double         *x,
                 double         *y)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;

  *x = a * c->x0 + b * c->x1 + d * c->x2 + e * c->x3;
  *y = a * c->y0 + b * c->y1 + d * c->y2 + e * c->y3;
}

void
wm_bezier_bounds (const WmBezier *c,
                  WmRect         *out)
{
  double x0 = MIN (MIN (c->x0, c->x1), MIN (c->x2, c->x3));
  double x1 = MAX (MAX (c->x0, c->x1), MAX (c->x2, c->x3));
  double y0 = MIN (MIN (c->y0, c->y1), MIN (c->y2, c->y3));
  double y1 = MAX (MAX (c->y0, c->y1), MAX (c->y2, c->y3));

  out->x = x0;
  out->y = y0;
  out->width = x1 - x0;
  out->height = y1 - y0;
}

static double
segment_distance (double  ax,
                  double  ay,
                  double  bx,
                  double  by,
                  double  px,
                  double  py,
                  double *s)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double k = 0;

  if (len2 > 0)
    k = CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0);
  *s = k;
  return hypot (ax + k * dx - px, ay + k * dy - py);
}

double
wm_bezier_distance (const WmBezier *c,
                    double          px,
                    double          py,
                    double         *t)
{
  const guint n = 32;
  double best = G_MAXDOUBLE, best_t = 0;
  double ax = c->x0, ay = c->y0;

  for (guint i = 1; i <= n; i++)
    {
      double bx, by, s, d;

      wm_bezier_point (c, (double) i / n, &bx, &by);
      d = segment_distance (ax, ay, bx, by, px, py, &s);
      if (d < best)
        {
          best = d;
          best_t = (i - 1 + s) / n;
        }
      ax = bx;
      ay = by;
    }
  if (t != NULL)
    *t = best_t;
  return best;
}

double
wm_zoom_anchor_scroll (double old_zoom,
                       double new_zoom,
                       double scroll,
                       double pointer)
{
  double canvas = (scroll + pointer) / old_zoom;

  return canvas * new_zoom - pointer;
}

double
wm_snap (double value,
         double grid)
{
  if (grid <= 0)
    return value;
  return round (value / grid) * grid;
}
