/* wm-layer-cache.c - when the canvas's cached connection tiles can be reused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See wm-layer-cache.h. Drawing the tiles of a whole view costs tens of
 * milliseconds at a thousand elements, placing them well under one, so
 * the rules keep them whenever what they show is still right: the same
 * content, device scale and zoom, or a zoom still moving (a slightly soft
 * image for a few frames beats a stutter).
 */

#include <math.h>

#include "wm-layer-cache.h"

WmLayerVerdict
wm_layer_cache_check (const WmLayerCache *cache,
                      guint               serial,
                      double              zoom,
                      int                 scale,
                      gboolean            zooming)
{
  double ratio;

  if (!cache->valid || cache->serial != serial || cache->scale != scale)
    return WM_LAYER_REBUILD;
  if (zoom == cache->zoom)
    return WM_LAYER_REUSE;
  if (!zooming)
    return WM_LAYER_REBUILD;
  ratio = zoom / cache->zoom;
  if (ratio > WM_LAYER_MAX_ENLARGE || ratio < 1.0 / WM_LAYER_MAX_SHRINK)
    return WM_LAYER_REBUILD;
  return WM_LAYER_REUSE_SCALED;
}

double
wm_layer_cache_zoom_for (double   zoom,
                         gboolean zooming)
{
  return zooming ? zoom * WM_LAYER_MOVING_DETAIL : zoom;
}

void
wm_layer_cache_set (WmLayerCache *cache,
                    guint         serial,
                    double        zoom,
                    int           scale)
{
  cache->valid = TRUE;
  cache->serial = serial;
  cache->zoom = zoom;
  cache->scale = scale;
}

void
wm_layer_cache_reset (WmLayerCache *cache)
{
  cache->valid = FALSE;
}

void
wm_layer_tile_range (const WmRect *rect,
                     double        zoom,
                     int          *col0,
                     int          *row0,
                     int          *col1,
                     int          *row1)
{
  double t = WM_LAYER_TILE / zoom;

  *col0 = (int) floor (rect->x / t);
  *row0 = (int) floor (rect->y / t);
  /* A right or bottom edge on a tile boundary does not reach the next. */
  *col1 = MAX (*col0, (int) ceil ((rect->x + rect->width) / t) - 1);
  *row1 = MAX (*row0, (int) ceil ((rect->y + rect->height) / t) - 1);
}

void
wm_layer_tile_rect (int     col,
                    int     row,
                    double  zoom,
                    WmRect *rect)
{
  double t = WM_LAYER_TILE / zoom;

  rect->x = col * t;
  rect->y = row * t;
  rect->width = t;
  rect->height = t;
}

WmRasterVerdict
wm_raster_check (double raster_zoom,
                 double zoom)
{
  double ratio;

  if (raster_zoom <= 0 || zoom <= 0)
    return WM_RASTER_REDRAW;
  ratio = zoom / raster_zoom;
  /* Shrunk, an image stays sharp enough for a moving zoom; enlarged, it
   * blurs. */
  if (ratio <= WM_RASTER_SHARP && ratio >= 1.0 / WM_RASTER_USABLE)
    return WM_RASTER_KEEP;
  if (ratio > WM_RASTER_SHARP && ratio <= WM_RASTER_USABLE)
    return WM_RASTER_REFRESH;
  return WM_RASTER_REDRAW;
}
