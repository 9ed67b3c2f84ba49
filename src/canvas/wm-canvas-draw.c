/* wm-canvas-draw.c - cairo drawing shared by the canvas and the exporters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "wm-canvas-draw.h"

static void
set_rgba (GdkRGBA *c,
          double   r,
          double   g,
          double   b,
          double   a)
{
  c->red = r;
  c->green = g;
  c->blue = b;
  c->alpha = a;
}

/* The GNOME palette: green, blue, purple, yellow, grey. */
static void
set_categories (WmCanvasColors *colors)
{
  set_rgba (&colors->category[WM_CATEGORY_ENTRY], 0x2e / 255., 0xc2 / 255., 0x7e / 255., 1);
  set_rgba (&colors->category[WM_CATEGORY_CHANNEL], 0x35 / 255., 0x84 / 255., 0xe4 / 255., 1);
  set_rgba (&colors->category[WM_CATEGORY_FUNCTION], 0x91 / 255., 0x41 / 255., 0xac / 255., 1);
  set_rgba (&colors->category[WM_CATEGORY_MILESTONE], 0xe5 / 255., 0xa5 / 255., 0x0a / 255., 1);
  set_rgba (&colors->category[WM_CATEGORY_EXIT], 0x77 / 255., 0x76 / 255., 0x7b / 255., 1);
}

void
wm_canvas_colors_init_light (WmCanvasColors *colors)
{
  set_rgba (&colors->foreground, 0, 0, 0, 0.8);
  set_rgba (&colors->background, 0xfa / 255., 0xfa / 255., 0xfa / 255., 1);
  set_rgba (&colors->node, 1, 1, 1, 1);
  set_rgba (&colors->accent, 0x35 / 255., 0x84 / 255., 0xe4 / 255., 1);
  set_rgba (&colors->connection, 0, 0, 0, 0.45);
  set_rgba (&colors->grid, 0, 0, 0, 0.1);
  set_rgba (&colors->error, 0xe0 / 255., 0x1b / 255., 0x24 / 255., 1);
  set_rgba (&colors->warning, 0xe6 / 255., 0x61 / 255., 0x00 / 255., 1);
  set_rgba (&colors->added, 0x26 / 255., 0xa2 / 255., 0x69 / 255., 1);
  set_rgba (&colors->changed, 0xc6 / 255., 0x46 / 255., 0x00 / 255., 1);
  set_rgba (&colors->removed, 0xc0 / 255., 0x1c / 255., 0x28 / 255., 1);
  set_categories (colors);
}

/* The direction @ux, @uy in which @c arrives at its end, and the point
 * @bx, @by where its line stops: where the arrow head starts, so that the
 * line's end does not poke through the head's point. */
static void
arrow_head_start (const WmBezier *c,
                  double          size,
                  double         *ux,
                  double         *uy,
                  double         *bx,
                  double         *by)
{
  double dx = c->x3 - c->x2, dy = c->y3 - c->y2;
  double len = hypot (dx, dy);

  *ux = len > 0 ? dx / len : 1;
  *uy = len > 0 ? dy / len : 0;
  *bx = c->x3 - *ux * size * 0.8;
  *by = c->y3 - *uy * size * 0.8;
}

static void
fill_arrow_head (cairo_t        *cr,
                 const WmBezier *c,
                 double          size,
                 double          ux,
                 double          uy)
{
  cairo_move_to (cr, c->x3, c->y3);
  cairo_line_to (cr, c->x3 - ux * size - uy * size * 0.5, c->y3 - uy * size + ux * size * 0.5);
  cairo_line_to (cr, c->x3 - ux * size + uy * size * 0.5, c->y3 - uy * size - ux * size * 0.5);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
wm_draw_connection (cairo_t        *cr,
                    const WmBezier *c,
                    double          line_width,
                    const GdkRGBA  *colour)
{
  wm_draw_connection_sized (cr, c, line_width, MAX (8.0, 4 * line_width), colour);
}

void
wm_draw_connection_sized (cairo_t        *cr,
                          const WmBezier *c,
                          double          line_width,
                          double          size,
                          const GdkRGBA  *colour)
{
  double ux, uy, bx, by;

  arrow_head_start (c, size, &ux, &uy, &bx, &by);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, c->x0, c->y0);
  cairo_curve_to (cr, c->x1, c->y1, c->x2, c->y2, bx, by);
  cairo_stroke (cr);
  fill_arrow_head (cr, c, size, ux, uy);
}

/* The point of the cubic's blossom at @u, @v, @w: with (a, a, a), (a, a,
 * b), (a, b, b), (b, b, b) the control points of its stretch a..b. */
static void
blossom (const double p[4][2],
         double       u,
         double       v,
         double       w,
         double      *x,
         double      *y)
{
  double q[3][2], r[2][2];

  for (guint i = 0; i < 3; i++)
    for (guint k = 0; k < 2; k++)
      q[i][k] = p[i][k] + (p[i + 1][k] - p[i][k]) * u;
  for (guint i = 0; i < 2; i++)
    for (guint k = 0; k < 2; k++)
      r[i][k] = q[i][k] + (q[i + 1][k] - q[i][k]) * v;
  *x = r[0][0] + (r[1][0] - r[0][0]) * w;
  *y = r[0][1] + (r[1][1] - r[0][1]) * w;
}

void
wm_draw_connection_culled (cairo_t        *cr,
                           const WmBezier *c,
                           double          line_width,
                           double          size,
                           const GdkRGBA  *colour)
{
  double ux, uy, bx, by;
  double p[4][2];
  double minx, maxx, miny, maxy;
  double cx0, cy0, cx1, cy1, reach = line_width;
  gboolean open = FALSE;
  guint n;

  arrow_head_start (c, size, &ux, &uy, &bx, &by);
  p[0][0] = c->x0;
  p[0][1] = c->y0;
  p[1][0] = c->x1;
  p[1][1] = c->y1;
  p[2][0] = c->x2;
  p[2][1] = c->y2;
  p[3][0] = bx;
  p[3][1] = by;
  minx = maxx = p[0][0];
  miny = maxy = p[0][1];
  for (guint i = 1; i < 4; i++)
    {
      minx = MIN (minx, p[i][0]);
      maxx = MAX (maxx, p[i][0]);
      miny = MIN (miny, p[i][1]);
      maxy = MAX (maxy, p[i][1]);
    }
  n = (guint) CLAMP (ceil (MAX (maxx - minx, maxy - miny) / WM_PIECE_LENGTH), 1, 64);
  if (n == 1)
    {
      wm_draw_connection_sized (cr, c, line_width, size, colour);
      return;
    }
  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);

  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, line_width);
  for (guint i = 0; i < n; i++)
    {
      double a = (double) i / n, b = (double) (i + 1) / n;
      double q[4][2];
      double qx0, qy0, qx1, qy1;

      blossom (p, a, a, a, &q[0][0], &q[0][1]);
      blossom (p, a, a, b, &q[1][0], &q[1][1]);
      blossom (p, a, b, b, &q[2][0], &q[2][1]);
      blossom (p, b, b, b, &q[3][0], &q[3][1]);
      qx0 = qx1 = q[0][0];
      qy0 = qy1 = q[0][1];
      for (guint k = 1; k < 4; k++)
        {
          qx0 = MIN (qx0, q[k][0]);
          qx1 = MAX (qx1, q[k][0]);
          qy0 = MIN (qy0, q[k][1]);
          qy1 = MAX (qy1, q[k][1]);
        }
      /* The piece's hull, widened by the line, against the clip. */
      if (qx1 + reach < cx0 || qx0 - reach > cx1 || qy1 + reach < cy0 || qy0 - reach > cy1)
        {
          open = FALSE;
          continue;
        }
      if (!open)
        cairo_move_to (cr, q[0][0], q[0][1]);
      cairo_curve_to (cr, q[1][0], q[1][1], q[2][0], q[2][1], q[3][0], q[3][1]);
      open = TRUE;
    }
  cairo_stroke (cr);
  fill_arrow_head (cr, c, size, ux, uy);
}

void
wm_draw_port (cairo_t       *cr,
              double         x,
              double         y,
              gboolean       connected,
              const GdkRGBA *colour,
              const GdkRGBA *fill)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, WM_PORT_RADIUS, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, connected ? colour : fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

void
wm_draw_rounded_rect (cairo_t *cr,
                      double   x,
                      double   y,
                      double   w,
                      double   h,
                      double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               GdkRGBA         *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (context, name, out);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

void
wm_canvas_colors_from_style (WmCanvasColors *colors,
                             GtkWidget      *widget)
{
  static const char * const category_names[WM_N_CATEGORIES] = {
    "wm_entry_color", "wm_channel_color", "wm_function_color",
    "wm_milestone_color", "wm_exit_color",
  };
  GtkStyleContext *context;
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  wm_canvas_colors_init_light (colors);
  colors->foreground = fg;
  colors->connection = fg;
  colors->connection.alpha *= 0.45;
  colors->grid = fg;
  colors->grid.alpha *= 0.14;
  lookup_colour (context, "theme_base_color", &colors->node);
  lookup_colour (context, "theme_bg_color", &colors->background);
  lookup_colour (context, "theme_selected_bg_color", &colors->accent);
  lookup_colour (context, "wm_error_color", &colors->error);
  lookup_colour (context, "wm_warning_color", &colors->warning);
  lookup_colour (context, "wm_added_color", &colors->added);
  lookup_colour (context, "wm_changed_color", &colors->changed);
  lookup_colour (context, "wm_removed_color", &colors->removed);
  for (guint i = 0; i < WM_N_CATEGORIES; i++)
    lookup_colour (context, category_names[i], &colors->category[i]);
}
