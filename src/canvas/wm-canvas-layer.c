/* wm-canvas-layer.c - the canvas's connections, drawn in tiles and placed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rasterising a thousand connection curves (and the grid dots, and a
 * comparison's removed connections) costs the software renderer several
 * frames' budget, and panning or zooming does not change them. So they
 * are drawn into square tiles at one zoom and the device scale, and a frame
 * only places the tiles: translated while panning (drawing the few a pan
 * uncovers, and a couple ahead of it), scaled while a zoom is under way
 * (redrawn sharp once it rests), all redrawn when what they show changes.
 * The rules are in wm-layer-cache.c; every change to what the layer shows
 * goes through _wm_canvas_layer_changed.
 *
 * While elements are dragged, their connections are left out of the tiles
 * and drawn live over them each frame, so a drag does not redraw the rest;
 * the same for the connection being dragged by its end.
 *
 * The cairo renderer gets one cairo node painting one image, made for the
 * frame from the tiles in view and let go at once: measured, a node that
 * paints many surfaces, or an image changed after it was painted, makes
 * cairo copy pixels on every frame, and a texture node copies its texture
 * on every frame (GTK 4.8). GL renderers get a texture per tile, which
 * they upload once.
 */

#include <math.h>

#include "wm-canvas-private.h"

/* A grid dot every this many canvas units, drawn from this zoom up. */
#define GRID_STEP      32.0
#define GRID_MIN_ZOOM   0.5

void
_wm_canvas_layer_changed (WmCanvas *self)
{
  self->layer_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_wm_canvas_layer_zoomed (WmCanvas *self)
{
  self->zoomed_at = g_get_monotonic_time ();
}

void
_wm_canvas_set_layer_cached (WmCanvas *self,
                             gboolean  cached)
{
  self->layer_uncached = !cached;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  cairo_surface_t *surface;   /* NULL: nothing to draw there */
  GdkTexture      *texture;   /* the same pixels, for GL renderers */
} Tile;

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_clear_object (&tile->texture);
  g_clear_pointer (&tile->surface, cairo_surface_destroy);
  g_free (tile);
}

static gint64
tile_key (int col,
          int row)
{
  return (gint64) (((guint64) (guint32) col << 32) | (guint32) row);
}

void
_wm_canvas_init_layer (WmCanvas *self)
{
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, tile_free);
}

void
_wm_canvas_dispose_layer (WmCanvas *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  if (self->tiles != NULL)
    g_hash_table_remove_all (self->tiles);

  wm_layer_cache_reset (&self->layer);
}

void
_wm_canvas_finalize_layer (WmCanvas *self)
{
  g_clear_pointer (&self->tiles, g_hash_table_unref);
}

/* Drawn live over the image instead of in it: the connections of the
 * elements being dragged, and the one whose end is being dragged (which is
 * not drawn at all: its loose copy is). */
gboolean
_wm_canvas_edge_live (WmCanvas     *self,
                      WmCanvasEdge *edge)
{
  if (self->drag_mode == DRAG_MOVE)
    return g_hash_table_contains (self->selection, edge->from)
           || g_hash_table_contains (self->selection, edge->to);
  if (self->drag_mode == DRAG_CONNECT)
    return edge->from == self->connect_from && edge->port == self->connect_port;
  return FALSE;
}

static double
line_width (double zoom)
{
  /* At least 1.5 device-independent pixels, however far out. */
  return MAX (2.0, 1.5 / zoom);
}

static void
draw_edge (WmCanvas     *self,
           cairo_t      *cr,
           WmCanvasEdge *edge,
           double        line)
{
  gboolean lit = g_hash_table_contains (self->selection, edge->from)
                 || g_hash_table_contains (self->selection, edge->to);
  double base = lit ? line * 1.25 : line;
  /* A run's traffic widens the line (wm-canvas-metrics.c), not the head. */
  double wide = _wm_canvas_metrics_edge_width (self, edge, base);
  double head = MAX (MAX (8.0, 4 * base), 1.6 * wide);

  switch (_wm_canvas_edge_lit (self, edge))
    {
    case 1:
      wm_draw_connection_culled (cr, &edge->curve, MAX (wide, line * 2), head, &self->colors.accent);
      break;
    case -1:
      {
        GdkRGBA dim = self->colors.connection;

        dim.alpha *= 0.3;
        wm_draw_connection_culled (cr, &edge->curve, wide, head, &dim);
      }
      break;
    default:
      if (!lit && self->comparison != NULL && g_hash_table_contains (self->added_edges, edge->connection))
        wm_draw_connection_culled (cr, &edge->curve, MAX (wide, line * 1.25), head, &self->colors.added);
      else
        wm_draw_connection_culled (cr, &edge->curve, wide, head,
                                  lit ? &self->colors.accent : &self->colors.connection);
    }
}

static void
draw_grid (WmCanvas     *self,
           cairo_t      *cr,
           const WmRect *area,
           double        zoom)
{
  double x0 = floor (area->x / GRID_STEP) * GRID_STEP;
  double y0 = floor (area->y / GRID_STEP) * GRID_STEP;
  double dot = 1.5 / zoom;

  for (double x = x0; x < area->x + area->width; x += GRID_STEP)
    for (double y = y0; y < area->y + area->height; y += GRID_STEP)
      cairo_rectangle (cr, x - dot / 2, y - dot / 2, dot, dot);
  gdk_cairo_set_source_rgba (cr, &self->colors.grid);
  cairo_fill (cr);
}

static gboolean
grid_shown (WmCanvas *self,
            double    zoom)
{
  return self->snap && zoom >= GRID_MIN_ZOOM;
}

static void
release_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

static gboolean
uses_cairo (WmCanvas *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

/* What the layer shows in @area (canvas units) at @zoom, @cr in canvas
 * units: grid dots, connections that are not live, removed connections.
 * FALSE when there is nothing to draw there (and nothing was drawn). */
static gboolean
draw_layer (WmCanvas     *self,
            cairo_t      *cr,
            const WmRect *area,
            double        zoom)
{
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();
  double line = line_width (zoom);
  gboolean grid = grid_shown (self, zoom);
  WmRect removed = { 0, 0, 0, 0 };
  guint n = 0;

  wm_spatial_index_query_rect (self->edge_index, area, edges);
  for (guint i = 0; i < edges->len; i++)
    if (_wm_canvas_edge_live (self, g_ptr_array_index (edges, i)))
      g_ptr_array_index (edges, i) = NULL;
    else
      n++;
  _wm_canvas_compare_extend_area (self, area, &removed);
  if (n == 0 && !grid && removed.width <= 0)
    return FALSE;
  if (cr == NULL)
    return TRUE;
  if (grid)
    draw_grid (self, cr, area, zoom);
  for (guint i = 0; i < edges->len; i++)
    if (g_ptr_array_index (edges, i) != NULL)
      draw_edge (self, cr, g_ptr_array_index (edges, i), line);
  _wm_canvas_compare_draw (self, cr, area, line);
  return TRUE;
}

/* Draws tile @col, @row at the layer's zoom and scale. */
static Tile *
draw_tile (WmCanvas *self,
           int       col,
           int       row)
{
  Tile *tile = g_new0 (Tile, 1);
  double zoom = self->layer.zoom;
  int scale = self->layer.scale;
  double line = line_width (zoom);
  WmRect reach;
  cairo_t *cr;

  wm_layer_tile_rect (col, row, zoom, &reach);
  /* What reaches into the tile: a curve's indexed bounds allow for a thin
   * line and its head, a run's traffic makes lines up to four times as
   * wide, and grid dots straddle the edges. */
  reach.x -= 4 * line;
  reach.y -= 4 * line;
  reach.width += 8 * line;
  reach.height += 8 * line;
  if (!draw_layer (self, NULL, &reach, zoom))
    return tile;

  tile->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WM_LAYER_TILE * scale, WM_LAYER_TILE * scale);
  cairo_surface_set_device_scale (tile->surface, scale, scale);
  cr = cairo_create (tile->surface);
  cairo_translate (cr, -(double) col * WM_LAYER_TILE, -(double) row * WM_LAYER_TILE);
  cairo_scale (cr, zoom, zoom);
  draw_layer (self, cr, &reach, zoom);
  cairo_destroy (cr);
  cairo_surface_flush (tile->surface);

  if (!uses_cairo (self))
    {
      g_autoptr(GBytes) bytes = NULL;
      int stride = cairo_image_surface_get_stride (tile->surface);

      bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (tile->surface),
                                          (gsize) stride * WM_LAYER_TILE * scale,
                                          release_surface, cairo_surface_reference (tile->surface));
      /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in memory order. */
      tile->texture = gdk_memory_texture_new (WM_LAYER_TILE * scale, WM_LAYER_TILE * scale,
                                              GDK_MEMORY_DEFAULT, bytes, stride);
    }
  return tile;
}

static Tile *
ensure_tile (WmCanvas *self,
             int       col,
             int       row)
{
  gint64 key = tile_key (col, row);
  Tile *tile = g_hash_table_lookup (self->tiles, &key);

  if (tile == NULL)
    {
      tile = draw_tile (self, col, row);
      g_hash_table_insert (self->tiles, g_memdup2 (&key, sizeof key), tile);
    }
  return tile;
}

static gboolean
settle_cb (gpointer data)
{
  WmCanvas *self = data;

  self->settle_source = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Where a tile's edge falls in the view: tiles at the layer's zoom scaled
 * by @f, whole pixels so neighbours neither overlap nor leave a gap (and
 * an unscaled tile's pixels land on pixels: the connections sit on whole
 * pixels as the nodes do, however the view is scrolled). */
static double
tile_edge (int    index,
           double f,
           double scroll)
{
  return floor (index * WM_LAYER_TILE * f - scroll + 0.5);
}

static void
place_tiles (WmCanvas    *self,
             GtkSnapshot *snapshot,
             int          col0,
             int          row0,
             int          col1,
             int          row1)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double f = self->zoom / self->layer.zoom;
  double h = _wm_canvas_scroll_x (self), v = _wm_canvas_scroll_y (self);
  gboolean textures = !uses_cairo (self);
  double x0 = width, y0 = height, x1 = 0, y1 = 0;
  cairo_surface_t *frame = NULL;
  cairo_t *cr = NULL;

  /* The cairo node covers only the tiles with something on them: the
   * renderer composites its whole area. */
  for (int col = col0; col <= col1; col++)
    for (int row = row0; row <= row1; row++)
      {
        gint64 key = tile_key (col, row);
        Tile *tile = g_hash_table_lookup (self->tiles, &key);

        if (tile == NULL || tile->surface == NULL)
          continue;
        x0 = MIN (x0, tile_edge (col, f, h));
        y0 = MIN (y0, tile_edge (row, f, v));
        x1 = MAX (x1, tile_edge (col + 1, f, h));
        y1 = MAX (y1, tile_edge (row + 1, f, v));
      }
  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, width);
  y1 = MIN (y1, height);
  /* Elements placed as images (wm-canvas-raster.c) go into the same
   * picture, over the connections. And scaled tiles are sampled from the
   * picture's origin: the view's own, always, so that connections do not
   * shift by a pixel from frame to frame of a zoom. */
  if (!textures && (self->rasters_now || f != 1.0))
    {
      x0 = y0 = 0;
      x1 = width;
      y1 = height;
    }
  if (x1 <= x0 || y1 <= y0)
    return;
  if (!textures)
    {
      int scale = self->layer.scale;

      /* Cleared on creation: empty tiles need no drawing. */
      frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (x1 - x0) * scale, (int) (y1 - y0) * scale);
      cairo_surface_set_device_scale (frame, scale, scale);
      cr = cairo_create (frame);
      cairo_translate (cr, -x0, -y0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
    }

  for (int col = col0; col <= col1; col++)
    for (int row = row0; row <= row1; row++)
      {
        gint64 key = tile_key (col, row);
        Tile *tile = g_hash_table_lookup (self->tiles, &key);
        double tx0 = tile_edge (col, f, h), ty0 = tile_edge (row, f, v);
        double tx1 = tile_edge (col + 1, f, h), ty1 = tile_edge (row + 1, f, v);

        if (tile == NULL || tile->surface == NULL)
          continue;
        if (textures)
          {
            gtk_snapshot_append_texture (snapshot, tile->texture,
                                         &GRAPHENE_RECT_INIT (tx0, ty0, tx1 - tx0, ty1 - ty0));
            continue;
          }
        if (f == 1.0)
          {
            /* The pixels land on pixels: a plain copy. */
            cairo_set_source_surface (cr, tile->surface, tx0, ty0);
            cairo_rectangle (cr, tx0, ty0, WM_LAYER_TILE, WM_LAYER_TILE);
            cairo_fill (cr);
            continue;
          }
        cairo_save (cr);
        cairo_translate (cr, tx0, ty0);
        cairo_scale (cr, (tx1 - tx0) / WM_LAYER_TILE, (ty1 - ty0) / WM_LAYER_TILE);
        cairo_set_source_surface (cr, tile->surface, 0, 0);
        /* Only while a zoom moves, so the quickest. */
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
        cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
        cairo_rectangle (cr, 0, 0, WM_LAYER_TILE, WM_LAYER_TILE);
        cairo_fill (cr);
        cairo_restore (cr);
      }
  if (cr == NULL)
    return;
  if (self->rasters_now)
    _wm_canvas_paint_rasters (self, cr);
  cairo_destroy (cr);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  cairo_set_source_surface (cr, frame, x0, y0);
  cairo_paint (cr);
  cairo_destroy (cr);
  /* The node's recording keeps the pixels (cairo hands them over when the
   * image goes, no copy). */
  cairo_surface_destroy (frame);
}

/* The live connections of a drag: those of the dragged elements in @view
 * (each once) and the loose one being connected. */
static void
snapshot_live (WmCanvas     *self,
               GtkSnapshot  *snapshot,
               const WmRect *view)
{
  g_autoptr(GPtrArray) edges = g_ptr_array_new ();
  double h = _wm_canvas_scroll_x (self), v = _wm_canvas_scroll_y (self);
  double line = line_width (self->zoom);
  WmRect area = { 0, 0, 0, 0 };
  GHashTableIter iter;
  gpointer key;
  cairo_t *cr;

  if (self->drag_mode == DRAG_MOVE)
    {
      g_hash_table_iter_init (&iter, self->selection);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char *id = wm_element_get_id (wm_node_get_element (key));
          GPtrArray *touching = g_hash_table_lookup (self->edges_by_id, id);

          for (guint i = 0; touching != NULL && i < touching->len; i++)
            {
              WmCanvasEdge *edge = g_ptr_array_index (touching, i);
              WmRect bounds;

              /* Once: by its start when that is dragged, else by its end. */
              if (edge->from != key && (edge->to != key || g_hash_table_contains (self->selection, edge->from)))
                continue;
              if (!wm_spatial_index_get_rect (self->edge_index, edge, &bounds)
                  || !wm_rect_intersects (&bounds, view))
                continue;
              g_ptr_array_add (edges, edge);
              if (area.width <= 0)
                area = bounds;
              else
                wm_rect_union (&area, &bounds, &area);
            }
        }
    }
  if (self->drag_mode == DRAG_CONNECT && self->connect_from != NULL)
    area = *view;
  if (area.width <= 0 || area.height <= 0)
    return;
  {
    int width = gtk_widget_get_width (GTK_WIDGET (self));
    int height = gtk_widget_get_height (GTK_WIDGET (self));
    double x0 = MAX (0, floor (area.x * self->zoom - h));
    double y0 = MAX (0, floor (area.y * self->zoom - v));
    double x1 = MIN (width, ceil ((area.x + area.width) * self->zoom - h));
    double y1 = MIN (height, ceil ((area.y + area.height) * self->zoom - v));

    if (x1 <= x0 || y1 <= y0)
      return;
    cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  }
  cairo_translate (cr, -h, -v);
  cairo_scale (cr, self->zoom, self->zoom);
  for (guint i = 0; i < edges->len; i++)
    draw_edge (self, cr, g_ptr_array_index (edges, i), line);

  if (self->drag_mode == DRAG_CONNECT && self->connect_from != NULL)
    {
      WmBezier curve;
      double x, y, fx, fy, tx = self->connect_x, ty = self->connect_y;
      const double dash[] = { 6.0, 4.0 };

      _wm_canvas_node_position (self->connect_from, &x, &y);
      wm_node_port_anchor (x, y, wm_node_get_ports (self->connect_from), self->connect_port, &fx, &fy);
      if (self->connect_target != NULL)
        {
          _wm_canvas_node_position (self->connect_target, &x, &y);
          wm_node_input_anchor (x, y, &tx, &ty);
        }
      wm_connection_curve (fx, fy, tx, ty, &curve);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      wm_draw_connection (cr, &curve, line, &self->colors.accent);
    }
  cairo_destroy (cr);
}

/* Without the tiles: everything in view drawn for this frame, as the
 * canvas did before them (what the tests compare the tiles with). */
static void
snapshot_direct (WmCanvas     *self,
                 GtkSnapshot  *snapshot,
                 const WmRect *view)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  if (!draw_layer (self, NULL, view, self->zoom))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* On whole pixels, as the tiles are placed. */
  cairo_translate (cr, floor (0.5 - _wm_canvas_scroll_x (self)), floor (0.5 - _wm_canvas_scroll_y (self)));
  cairo_scale (cr, self->zoom, self->zoom);
  draw_layer (self, cr, view, self->zoom);
  cairo_destroy (cr);
}

void
_wm_canvas_snapshot_layer (WmCanvas     *self,
                           GtkSnapshot  *snapshot,
                           const WmRect *view)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gboolean zooming = g_get_monotonic_time () - self->zoomed_at < WM_LAYER_SETTLE_MS * 1000;
  int col0, row0, col1, row1;
  guint ahead = WM_LAYER_PREFETCH;
  GHashTableIter iter;
  gpointer key;

  if (self->layer_uncached)
    {
      snapshot_direct (self, snapshot, view);
      snapshot_live (self, snapshot, view);
      return;
    }
  switch (wm_layer_cache_check (&self->layer, self->layer_serial, self->zoom, scale, zooming))
    {
    case WM_LAYER_REBUILD:
      g_hash_table_remove_all (self->tiles);
      wm_layer_cache_set (&self->layer, self->layer_serial, wm_layer_cache_zoom_for (self->zoom, zooming), scale);
      if (zooming && self->settle_source == 0)
        self->settle_source = g_timeout_add (WM_LAYER_SETTLE_MS, settle_cb, self);
      break;
    case WM_LAYER_REUSE_SCALED:
      if (self->settle_source == 0)
        self->settle_source = g_timeout_add (WM_LAYER_SETTLE_MS, settle_cb, self);
      break;
    case WM_LAYER_REUSE:
    default:
      break;
    }

  wm_layer_tile_range (view, self->layer.zoom, &col0, &row0, &col1, &row1);
  for (int col = col0; col <= col1; col++)
    for (int row = row0; row <= row1; row++)
      ensure_tile (self, col, row);
  /* The ring around the view, a few tiles a frame; tiles beyond it go. */
  for (int col = col0 - WM_LAYER_RING; col <= col1 + WM_LAYER_RING && ahead > 0; col++)
    for (int row = row0 - WM_LAYER_RING; row <= row1 + WM_LAYER_RING && ahead > 0; row++)
      {
        gint64 k = tile_key (col, row);

        if (!g_hash_table_contains (self->tiles, &k))
          {
            ensure_tile (self, col, row);
            ahead--;
          }
      }
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint64 k = (guint64) *(gint64 *) key;
      int col = (gint32) (guint32) (k >> 32);
      int row = (gint32) (guint32) (k & 0xffffffff);

      if (col < col0 - WM_LAYER_RING || col > col1 + WM_LAYER_RING
          || row < row0 - WM_LAYER_RING || row > row1 + WM_LAYER_RING)
        g_hash_table_iter_remove (&iter);
    }

  place_tiles (self, snapshot, col0, row0, col1, row1);
  snapshot_live (self, snapshot, view);
}
