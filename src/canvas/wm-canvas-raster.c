/* wm-canvas-raster.c - elements placed as images while a zoom moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With the software (cairo) renderer each new zoom draws every element in
 * view afresh: its texts at a new size, its icons through a colour matrix,
 * its rounded shapes. Zoomed out to a half, a few hundred elements are in
 * view, and that costs more than a frame. So while a zoom moves, each
 * element is drawn once into an image, from the very drawing GTK keeps
 * for it (the same pixels at that zoom), and the next frames paint those
 * images, scaled, into the image the connection tiles are placed in
 * (wm-canvas-layer.c): one picture for the renderer instead of hundreds of
 * elements. wm-layer-cache.h has the rules for keeping and redrawing an
 * image. The layer's settle timeout redraws the canvas once the zoom
 * rests; then every element is drawn sharp again and the images go. An
 * element whose drawing changes meanwhile (selected, renamed) gets a new
 * image: its render node is no longer the one the image was made of.
 * A run's figures under the elements (wm-canvas-metrics.c) are placed the
 * same way, over the elements' images, and far out (below
 * WM_RASTER_MIN_ZOOM), where the elements are coloured blocks drawn as
 * themselves, only the figures are images.
 *
 * Not with GL renderers, which draw elements quickly at any zoom, nor while
 * comparing versions (the removed elements are drawn under the others).
 */

#include <math.h>

#include "wm-canvas-private.h"

typedef struct
{
  GskRenderNode   *content;   /* the element's drawing the image shows */
  cairo_surface_t *surface;   /* device pixels, device scale set */
  graphene_rect_t  rect;      /* the image's place in element units */
  double           zoom;
  gboolean         placed;    /* painted with the tiles in this frame */
} Raster;

static void
raster_free (gpointer data)
{
  Raster *raster = data;

  gsk_render_node_unref (raster->content);
  cairo_surface_destroy (raster->surface);
  g_free (raster);
}

/* An overlay label placed in this frame: at canvas point @x, @y, its
 * image in canvas units or (@fixed) in screen pixels. */
typedef struct
{
  Raster  *raster;
  double   x;
  double   y;
  gboolean fixed;
} Placed;

void
_wm_canvas_init_rasters (WmCanvas *self)
{
  self->rasters = g_hash_table_new_full (NULL, NULL, NULL, raster_free);
  self->overlay_rasters = g_hash_table_new_full (NULL, NULL, NULL, raster_free);
  self->overlay_placed = g_array_new (FALSE, FALSE, sizeof (Placed));
}

void
_wm_canvas_drop_rasters (WmCanvas *self)
{
  if (self->rasters != NULL)
    g_hash_table_remove_all (self->rasters);
  if (self->overlay_rasters != NULL)
    g_hash_table_remove_all (self->overlay_rasters);
  if (self->overlay_placed != NULL)
    g_array_set_size (self->overlay_placed, 0);
}

void
_wm_canvas_finalize_rasters (WmCanvas *self)
{
  g_clear_pointer (&self->rasters, g_hash_table_unref);
  g_clear_pointer (&self->overlay_rasters, g_hash_table_unref);
  g_clear_pointer (&self->overlay_placed, g_array_unref);
}

void
_wm_canvas_set_rasters_enabled (WmCanvas *self,
                                gboolean  enabled)
{
  self->rasters_off = !enabled;
  _wm_canvas_drop_rasters (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rasters_wanted (WmCanvas *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return !self->rasters_off && !self->layer_uncached && self->comparison == NULL
         && renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer)
         && g_get_monotonic_time () - self->zoomed_at < WM_LAYER_SETTLE_MS * 1000;
}

/* Draws @content at @zoom and device @scale into an image covering its
 * bounds on whole pixels, lined up with the element's own drawing (which
 * _wm_canvas_allocate_node places on whole view pixels). */
static Raster *
raster_new (GskRenderNode *content,
            double         zoom,
            int            scale)
{
  graphene_rect_t bounds;
  double x0, y0, x1, y1;
  Raster *raster;
  cairo_t *cr;

  gsk_render_node_get_bounds (content, &bounds);
  x0 = floor (bounds.origin.x * zoom);
  y0 = floor (bounds.origin.y * zoom);
  x1 = ceil ((bounds.origin.x + bounds.size.width) * zoom);
  y1 = ceil ((bounds.origin.y + bounds.size.height) * zoom);
  if (x1 <= x0 || y1 <= y0)
    return NULL;

  raster = g_new0 (Raster, 1);
  raster->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (x1 - x0) * scale,
                                                (int) (y1 - y0) * scale);
  cairo_surface_set_device_scale (raster->surface, scale, scale);
  cr = cairo_create (raster->surface);
  cairo_translate (cr, -x0, -y0);
  cairo_scale (cr, zoom, zoom);
  gsk_render_node_draw (content, cr);
  cairo_destroy (cr);
  raster->content = gsk_render_node_ref (content);
  raster->rect = GRAPHENE_RECT_INIT (x0 / zoom, y0 / zoom, (x1 - x0) / zoom, (y1 - y0) / zoom);
  raster->zoom = zoom;
  return raster;
}

/* Takes @content's image for this frame: kept, made again within the
 * budget, or made now; NULL when it cannot be drawn. */
static Raster *
take_raster (WmCanvas      *self,
             GHashTable    *rasters,
             gpointer       key,
             GskRenderNode *content,
             double         zoom,
             gboolean       fixed)
{
  Raster *raster = g_hash_table_lookup (rasters, key);
  WmRasterVerdict verdict = WM_RASTER_REDRAW;

  if (raster != NULL && raster->content == content)
    verdict = fixed ? WM_RASTER_KEEP : wm_raster_check (raster->zoom, zoom);
  /* Without a usable image the drawing costs the same drawn as itself or
   * into a new image, so that is made at once; sharper images for usable
   * ones only as the budget allows. */
  if (verdict == WM_RASTER_REDRAW
      || (verdict == WM_RASTER_REFRESH && self->raster_spent < WM_RASTER_BUDGET_US))
    {
      gint64 start = g_get_monotonic_time ();
      Raster *fresh = raster_new (content, zoom, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

      self->raster_spent += g_get_monotonic_time () - start;
      if (fresh != NULL)
        {
          g_hash_table_replace (rasters, key, fresh);
          return fresh;
        }
      return verdict == WM_RASTER_REDRAW ? NULL : raster;
    }
  return raster;
}

void
_wm_canvas_place_overlay_image (WmCanvas      *self,
                                GskRenderNode *content,
                                double         x,
                                double         y,
                                gboolean       fixed)
{
  /* The content is kept by its image, so its address names it. */
  Raster *raster = take_raster (self, self->overlay_rasters, content, content,
                                fixed ? 1.0 : self->zoom, fixed);
  Placed placed = { raster, x, y, fixed };

  if (raster == NULL)
    return;
  raster->placed = TRUE;
  g_array_append_val (self->overlay_placed, placed);
}

/* Before a frame's layer is placed: gives each element in view, and each
 * of the run's figures in view, an image, made afresh where there is none
 * or where the frame's budget allows a sharper one; says whether this
 * frame places images at all. */
gboolean
_wm_canvas_prepare_rasters (WmCanvas     *self,
                            const WmRect *view)
{
  g_autoptr(GHashTable) shown = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 start;

  self->overlay_us = 0;
  if (!rasters_wanted (self))
    {
      _wm_canvas_drop_rasters (self);
      return FALSE;
    }
  self->raster_spent = 0;
  /* Far out an element is a coloured block, quicker drawn than placed;
   * the figures under it are still placed. */
  if (self->zoom < WM_RASTER_MIN_ZOOM)
    g_hash_table_remove_all (self->rasters);

  shown = g_hash_table_new (NULL, NULL);
  for (guint i = 0; self->zoom >= WM_RASTER_MIN_ZOOM && i < self->shown->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->shown, i);
      g_autoptr(GskRenderNode) drawing = NULL;
      GtkSnapshot *own = gtk_snapshot_new ();
      Raster *raster = g_hash_table_lookup (self->rasters, node);

      g_hash_table_add (shown, node);
      if (raster != NULL)
        raster->placed = FALSE;
      /* The element's drawing as GTK keeps it (drawn again only when it
       * changed), under its place and zoom in the view. */
      gtk_widget_snapshot_child (GTK_WIDGET (self), GTK_WIDGET (node), own);
      drawing = gtk_snapshot_free_to_node (own);
      if (drawing == NULL || gsk_render_node_get_node_type (drawing) != GSK_TRANSFORM_NODE)
        continue;
      raster = take_raster (self, self->rasters, node, gsk_transform_node_get_child (drawing),
                            self->zoom, FALSE);
      if (raster != NULL)
        raster->placed = TRUE;
    }

  /* Elements out of view lose their images. */
  g_hash_table_iter_init (&iter, self->rasters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (shown, key))
      g_hash_table_iter_remove (&iter);

  /* The run's figures, and only those placed in this frame keep theirs. */
  start = g_get_monotonic_time ();
  g_array_set_size (self->overlay_placed, 0);
  g_hash_table_iter_init (&iter, self->overlay_rasters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((Raster *) value)->placed = FALSE;
  _wm_canvas_place_metrics_images (self, view);
  g_hash_table_iter_init (&iter, self->overlay_rasters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((Raster *) value)->placed)
      g_hash_table_iter_remove (&iter);
  self->overlay_us += g_get_monotonic_time () - start;
  return TRUE;
}

gboolean
_wm_canvas_node_rastered (WmCanvas *self,
                          WmNode   *node)
{
  Raster *raster = g_hash_table_lookup (self->rasters, node);

  return raster != NULL && raster->placed;
}

/* Paints @raster with its image's origin at view point @x, @y, its units
 * @k view pixels each. */
static void
paint_image (cairo_t *cr,
             Raster  *raster,
             double   x,
             double   y,
             double   k,
             double   alpha)
{
  double sx, sy;

  cairo_surface_get_device_scale (raster->surface, &sx, &sy);
  cairo_save (cr);
  cairo_translate (cr, x + raster->rect.origin.x * k, y + raster->rect.origin.y * k);
  cairo_scale (cr, raster->rect.size.width * k / (cairo_image_surface_get_width (raster->surface) / sx),
               raster->rect.size.height * k / (cairo_image_surface_get_height (raster->surface) / sy));
  cairo_set_source_surface (cr, raster->surface, 0, 0);
  /* Only while a zoom moves, so the quick filter. */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
}

/* Paints the images of this frame into @cr, in view pixels: the elements
 * in their order (later ones on top, as their widgets would be), then the
 * run's figures over them. */
void
_wm_canvas_paint_rasters (WmCanvas *self,
                          cairo_t  *cr)
{
  double h = _wm_canvas_scroll_x (self), v = _wm_canvas_scroll_y (self);
  gint64 start;

  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  for (guint i = 0; i < self->shown->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->shown, i);
      Raster *raster = g_hash_table_lookup (self->rasters, node);
      double x, y;

      if (raster == NULL || !raster->placed)
        continue;
      _wm_canvas_node_position (node, &x, &y);
      /* Where _wm_canvas_allocate_node puts the element's top-left. */
      paint_image (cr, raster, round (x * self->zoom - h), round (y * self->zoom - v), self->zoom,
                   _wm_canvas_node_dimmed (self, node) ? 0.35 : 1.0);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < self->overlay_placed->len; i++)
    {
      Placed *placed = &g_array_index (self->overlay_placed, Placed, i);

      paint_image (cr, placed->raster, placed->x * self->zoom - h, placed->y * self->zoom - v,
                   placed->fixed ? 1.0 : self->zoom, 1.0);
    }
  self->overlay_us += g_get_monotonic_time () - start;
  cairo_restore (cr);
}
