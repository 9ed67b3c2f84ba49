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

void
_wm_canvas_init_rasters (WmCanvas *self)
{
  self->rasters = g_hash_table_new_full (NULL, NULL, NULL, raster_free);
}

void
_wm_canvas_drop_rasters (WmCanvas *self)
{
  if (self->rasters != NULL)
    g_hash_table_remove_all (self->rasters);
}

void
_wm_canvas_finalize_rasters (WmCanvas *self)
{
  g_clear_pointer (&self->rasters, g_hash_table_unref);
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

  /* Far out an element is a coloured block, quicker drawn than placed. */
  return !self->rasters_off && !self->layer_uncached && self->comparison == NULL
         && self->zoom >= WM_RASTER_MIN_ZOOM
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

/* Before a frame's layer is placed: gives each element in view an image,
 * made afresh where it has none or where the frame's budget allows a
 * sharper one, and says whether the elements are placed as images at all
 * in this frame. */
gboolean
_wm_canvas_prepare_rasters (WmCanvas *self)
{
  g_autoptr(GHashTable) shown = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gint64 spent = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (!rasters_wanted (self))
    {
      _wm_canvas_drop_rasters (self);
      return FALSE;
    }

  shown = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->shown->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->shown, i);
      g_autoptr(GskRenderNode) drawing = NULL;
      GtkSnapshot *own = gtk_snapshot_new ();
      GskRenderNode *content;
      Raster *raster = g_hash_table_lookup (self->rasters, node);
      WmRasterVerdict verdict = WM_RASTER_REDRAW;

      g_hash_table_add (shown, node);
      if (raster != NULL)
        raster->placed = FALSE;
      /* The element's drawing as GTK keeps it (drawn again only when it
       * changed), under its place and zoom in the view. */
      gtk_widget_snapshot_child (GTK_WIDGET (self), GTK_WIDGET (node), own);
      drawing = gtk_snapshot_free_to_node (own);
      if (drawing == NULL || gsk_render_node_get_node_type (drawing) != GSK_TRANSFORM_NODE)
        continue;
      content = gsk_transform_node_get_child (drawing);

      if (raster != NULL && raster->content == content)
        verdict = wm_raster_check (raster->zoom, self->zoom);
      /* An element without a usable image costs the same drawn as itself
       * as drawn into a new image, so that is made at once; sharper
       * images for usable ones only as the budget allows. */
      if (verdict == WM_RASTER_REDRAW || (verdict == WM_RASTER_REFRESH && spent < WM_RASTER_BUDGET_US))
        {
          gint64 start = g_get_monotonic_time ();
          Raster *fresh = raster_new (content, self->zoom, scale);

          spent += g_get_monotonic_time () - start;
          if (fresh != NULL)
            {
              g_hash_table_replace (self->rasters, node, fresh);
              raster = fresh;
              verdict = WM_RASTER_KEEP;
            }
        }
      if (verdict != WM_RASTER_REDRAW)
        raster->placed = TRUE;
    }

  /* Elements out of view lose their images. */
  g_hash_table_iter_init (&iter, self->rasters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (shown, key))
      g_hash_table_iter_remove (&iter);
  return TRUE;
}

gboolean
_wm_canvas_node_rastered (WmCanvas *self,
                          WmNode   *node)
{
  Raster *raster = g_hash_table_lookup (self->rasters, node);

  return raster != NULL && raster->placed;
}

/* Paints the images of this frame into @cr, in view pixels, in the
 * elements' order (later ones on top, as their widgets would be). */
void
_wm_canvas_paint_rasters (WmCanvas *self,
                          cairo_t  *cr)
{
  double h = _wm_canvas_scroll_x (self), v = _wm_canvas_scroll_y (self);

  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  for (guint i = 0; i < self->shown->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->shown, i);
      Raster *raster = g_hash_table_lookup (self->rasters, node);
      double x, y, sx, sy, width, height;

      if (raster == NULL || !raster->placed)
        continue;
      _wm_canvas_node_position (node, &x, &y);
      cairo_surface_get_device_scale (raster->surface, &sx, &sy);
      width = cairo_image_surface_get_width (raster->surface) / sx;
      height = cairo_image_surface_get_height (raster->surface) / sy;
      cairo_save (cr);
      /* Where _wm_canvas_allocate_node puts the element's top-left. */
      cairo_translate (cr, round (x * self->zoom - h) + raster->rect.origin.x * self->zoom,
                       round (y * self->zoom - v) + raster->rect.origin.y * self->zoom);
      cairo_scale (cr, raster->rect.size.width * self->zoom / width,
                   raster->rect.size.height * self->zoom / height);
      cairo_set_source_surface (cr, raster->surface, 0, 0);
      /* Only while a zoom moves, so the quick filter. */
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
      if (_wm_canvas_node_dimmed (self, node))
        cairo_paint_with_alpha (cr, 0.35);
      else
        cairo_paint (cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}
