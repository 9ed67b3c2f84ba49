/* wm-canvas-draw.h - cairo drawing shared by the canvas and the exporters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "wm-canvas-geometry.h"
#include "wm-catalogue.h"

G_BEGIN_DECLS

/* Colours read from the theme (the canvas refreshes them in css_changed)
 * or fixed for an export. */
typedef struct
{
  GdkRGBA foreground;
  GdkRGBA background;
  GdkRGBA node;
  GdkRGBA accent;
  GdkRGBA connection;
  GdkRGBA grid;
  GdkRGBA error;
  GdkRGBA warning;
  /* Comparing versions: added, changed and removed elements. */
  GdkRGBA added;
  GdkRGBA changed;
  GdkRGBA removed;
  GdkRGBA category[WM_N_CATEGORIES];
} WmCanvasColors;

/* The light colours an export uses whatever the theme. */
void wm_canvas_colors_init_light (WmCanvasColors *colors);
/* The colours of @widget's style: its foreground, the theme's and the
 * wm_*_color named colours (style.css); the light ones where the style
 * names none. What the canvas and the template previews draw with. */
void wm_canvas_colors_from_style (WmCanvasColors *colors,
                                  GtkWidget      *widget);

/* A connection curve with an arrow head at its end, in the current user
 * space (canvas units); @line_width in those units. */
void wm_draw_connection   (cairo_t        *cr,
                           const WmBezier *curve,
                           double          line_width,
                           const GdkRGBA  *colour);
/* The same with an arrow head of @head_size units whatever the width (a
 * thick line's head would otherwise swamp its neighbours). */
void wm_draw_connection_sized (cairo_t        *cr,
                               const WmBezier *curve,
                               double          line_width,
                               double          head_size,
                               const GdkRGBA  *colour);
/* The same, but only the stretches of the curve that can reach into the
 * clip of @cr: a long curve is cut into pieces of about WM_PIECE_LENGTH
 * units and the pieces away from the clip are left out, so drawing a
 * small part of a long connection (a tile of the canvas's layer) does not
 * cost flattening all of it. The pieces depend on the curve alone, so two
 * clips that both show a piece draw it alike. */
#define WM_PIECE_LENGTH 128.0
void wm_draw_connection_culled (cairo_t        *cr,
                                const WmBezier *curve,
                                double          line_width,
                                double          head_size,
                                const GdkRGBA  *colour);
/* A port dot at @x, @y: filled when connected, a ring when not (an
 * unconnected port exits the flow). */
void wm_draw_port         (cairo_t        *cr,
                           double          x,
                           double          y,
                           gboolean        connected,
                           const GdkRGBA  *colour,
                           const GdkRGBA  *fill);
/* The rounded rectangle of a node's outline. */
void wm_draw_rounded_rect (cairo_t        *cr,
                           double          x,
                           double          y,
                           double          width,
                           double          height,
                           double          radius);

G_END_DECLS
