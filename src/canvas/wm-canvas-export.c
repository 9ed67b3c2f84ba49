/* wm-canvas-export.c - a version's diagram as PNG or SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "wm-canvas-export.h"
#include "wm-node-summary.h"

#define MARGIN 32.0
#define PAD 10.0
#define CHIP 22.0

gboolean
wm_canvas_export_bounds (WmVersion *version,
                         WmRect    *bounds)
{
  guint n;

  g_return_val_if_fail (WM_IS_VERSION (version), FALSE);

  n = wm_version_get_n_elements (version);
  for (guint i = 0; i < n; i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);
      g_auto(GStrv) ports = wm_element_list_ports (element);
      WmRect rect = { 0, 0, WM_NODE_WIDTH, wm_node_height ((const char * const *) ports) };

      wm_element_get_position (element, &rect.x, &rect.y);
      if (i == 0)
        *bounds = rect;
      else
        wm_rect_union (bounds, &rect, bounds);
    }
  return n > 0;
}

static void
show_text (cairo_t              *cr,
           PangoLayout          *layout,
           const char           *text,
           double                x,
           double                y,
           double                width,
           const GdkRGBA        *colour,
           PangoAlignment        alignment,
           gboolean              bold,
           gboolean              small)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (small)
    pango_font_description_set_size (font, 8.5 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_node (cairo_t              *cr,
           PangoLayout          *layout,
           WmVersion            *version,
           WmElement            *element,
           const WmCanvasColors *colors)
{
  const WmElementType *type = wm_element_get_element_type (element);
  const GdkRGBA *category = &colors->category[type != NULL ? type->category : WM_CATEGORY_FUNCTION];
  g_auto(GStrv) ports = wm_element_list_ports (element);
  const char * const *p = (const char * const *) ports;
  g_autofree char *summary = wm_node_summary (element);
  const char *name = wm_element_get_name (element);
  double x = 0, y = 0, h = wm_node_height (p);
  GdkRGBA dim = colors->foreground, border = colors->foreground;

  dim.alpha *= 0.65;
  border.alpha *= 0.2;
  wm_element_get_position (element, &x, &y);

  wm_draw_rounded_rect (cr, x, y, WM_NODE_WIDTH, h, 10);
  gdk_cairo_set_source_rgba (cr, &colors->node);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  wm_draw_rounded_rect (cr, x + PAD, y + PAD, CHIP, CHIP, 6);
  gdk_cairo_set_source_rgba (cr, category);
  cairo_fill (cr);

  show_text (cr, layout, type != NULL ? _(type->label) : wm_element_get_type_name (element),
             x + PAD + CHIP + 8, y + PAD + 3, WM_NODE_WIDTH - 2 * PAD - CHIP - 8, &dim,
             PANGO_ALIGN_LEFT, FALSE, TRUE);
  show_text (cr, layout, name != NULL ? name : wm_element_get_id (element),
             x + PAD, y + 36, WM_NODE_WIDTH - 2 * PAD, name != NULL ? &colors->foreground : &dim,
             PANGO_ALIGN_LEFT, name != NULL, FALSE);
  show_text (cr, layout, summary, x + PAD, y + 54, WM_NODE_WIDTH - 2 * PAD, &dim,
             PANGO_ALIGN_LEFT, FALSE, TRUE);

  for (guint i = 0; ports[i] != NULL; i++)
    {
      double ax, ay;

      wm_node_port_anchor (x, y, p, i, &ax, &ay);
      if (wm_node_ports_labelled (p))
        {
          g_autofree char *label = wm_node_port_label (element, ports[i]);

          show_text (cr, layout, label, x + PAD, ay - 7, WM_NODE_WIDTH - 2 * PAD - 8,
                     &colors->foreground, PANGO_ALIGN_RIGHT, FALSE, TRUE);
        }
      wm_draw_port (cr, ax, ay,
                    wm_version_find_connection (version, wm_element_get_id (element), ports[i]) != NULL,
                    category, &colors->node);
    }
}

void
wm_canvas_draw_version (cairo_t              *cr,
                        WmVersion            *version,
                        const WmCanvasColors *colors)
{
  g_autoptr(PangoLayout) layout = NULL;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (WM_IS_VERSION (version));
  g_return_if_fail (colors != NULL);

  layout = pango_cairo_create_layout (cr);
  /* Hinting off: the text scales with the drawing. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
    cairo_font_options_destroy (options);
    pango_layout_context_changed (layout);
  }

  n = wm_version_get_n_connections (version);
  for (guint i = 0; i < n; i++)
    {
      WmConnection *connection = wm_version_get_connection_at (version, i);
      const char *from_id = wm_connection_get_from (connection);
      const char *to_id = wm_connection_get_to (connection);
      const char *port = wm_connection_get_port (connection);
      WmElement *from = from_id != NULL ? wm_version_find_element (version, from_id) : NULL;
      WmElement *to = to_id != NULL ? wm_version_find_element (version, to_id) : NULL;
      g_auto(GStrv) ports = NULL;
      double x = 0, y = 0, fx, fy, tx, ty;
      WmBezier curve;
      int index = -1;

      if (from == NULL || to == NULL || port == NULL)
        continue;
      ports = wm_element_list_ports (from);
      for (guint k = 0; ports[k] != NULL; k++)
        if (g_str_equal (ports[k], port))
          index = (int) k;
      if (index < 0)
        continue;
      wm_element_get_position (from, &x, &y);
      wm_node_port_anchor (x, y, (const char * const *) ports, index, &fx, &fy);
      wm_element_get_position (to, &x, &y);
      wm_node_input_anchor (x, y, &tx, &ty);
      wm_connection_curve (fx, fy, tx, ty, &curve);
      wm_draw_connection (cr, &curve, 2, &colors->connection);
    }

  n = wm_version_get_n_elements (version);
  for (guint i = 0; i < n; i++)
    draw_node (cr, layout, version, wm_version_get_element_at (version, i), colors);
}

gboolean
wm_canvas_export (WmVersion       *version,
                  WmExportFormat   format,
                  const char      *path,
                  double           scale,
                  GError         **error)
{
  WmCanvasColors colors;
  WmRect bounds = { 0, 0, 0, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (WM_IS_VERSION (version), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  wm_canvas_export_bounds (version, &bounds);
  width = bounds.width + 2 * MARGIN;
  height = bounds.height + 2 * MARGIN;

  if (format == WM_EXPORT_SVG)
    surface = cairo_svg_surface_create (path, width, height);
  else
    {
      /* cairo image surfaces stop at 32767 pixels a side. */
      scale = MIN (scale, 32767.0 / MAX (width, height));
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
    }
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not export to “%s”: %s"), path, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  wm_canvas_colors_init_light (&colors);
  cr = cairo_create (surface);
  if (format == WM_EXPORT_PNG)
    cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_rgba (cr, &colors.background);
  cairo_paint (cr);
  cairo_translate (cr, MARGIN - bounds.x, MARGIN - bounds.y);
  wm_canvas_draw_version (cr, version, &colors);
  cairo_destroy (cr);

  if (format == WM_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
