/* wm-layer-cache.h - when the canvas's cached connection tiles can be reused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas draws its connections (and grid dots, and a comparison's
 * removed connections) into square tiles of WM_LAYER_TILE view pixels at
 * one zoom and then only places those tiles while the user pans, drawing
 * the few a pan uncovers; redrawing a thousand curves every frame costs
 * several times the frame budget. These are the rules for when the tiles
 * still show the right thing and which tiles a view needs, kept free of
 * GTK so they are tested without a display.
 */
#pragma once

#include "wm-canvas-geometry.h"

G_BEGIN_DECLS

/* A tile's side in view pixels (at the tiles' zoom). */
#define WM_LAYER_TILE          256
/* Tiles this far (in tiles) around the view are drawn ahead of need, at
 * most WM_LAYER_PREFETCH a frame, so a steady pan finds its tiles ready. */
#define WM_LAYER_RING            1
#define WM_LAYER_PREFETCH        2
/* While a zoom is under way the tiles are drawn scaled: up to this factor
 * larger (blurred for a moment) or smaller (more tiles to fill the view);
 * once the zoom has rested for WM_LAYER_SETTLE_MS they are drawn sharp. */
#define WM_LAYER_MAX_ENLARGE   4.0
#define WM_LAYER_MAX_SHRINK    2.0
#define WM_LAYER_SETTLE_MS   150
/* Tiles drawn while a zoom moves are drawn at this fraction of the zoom:
 * fewer pixels to draw in the frames that need them, and room to zoom out
 * further before the next redraw. Drawn sharp when the zoom rests. */
#define WM_LAYER_MOVING_DETAIL 0.75

typedef struct
{
  gboolean valid;
  guint    serial;   /* the canvas's count of changes to what the layer shows */
  double   zoom;     /* the zoom the tiles are drawn at */
  int      scale;    /* device pixels per view pixel */
} WmLayerCache;

typedef enum
{
  WM_LAYER_REUSE,         /* place the tiles as they are */
  WM_LAYER_REUSE_SCALED,  /* place them scaled by the zoom's change */
  WM_LAYER_REBUILD,       /* drop them all: wm_layer_cache_set, then draw */
} WmLayerVerdict;

/* What to do for a frame at @zoom and device @scale when the canvas's
 * change count is @serial; @zooming: the zoom changed less than
 * WM_LAYER_SETTLE_MS ago. */
WmLayerVerdict wm_layer_cache_check (const WmLayerCache *cache,
                                     guint               serial,
                                     double              zoom,
                                     int                 scale,
                                     gboolean            zooming);
/* The zoom to draw tiles at for a view at @zoom. */
double         wm_layer_cache_zoom_for (double          zoom,
                                        gboolean        zooming);
void           wm_layer_cache_set   (WmLayerCache       *cache,
                                     guint               serial,
                                     double              zoom,
                                     int                 scale);
void           wm_layer_cache_reset (WmLayerCache       *cache);

/* The tiles @rect (canvas units) touches when they are drawn at @zoom:
 * columns @col0 to @col1 and rows @row0 to @row1, all included. */
void           wm_layer_tile_range  (const WmRect       *rect,
                                     double              zoom,
                                     int                *col0,
                                     int                *row0,
                                     int                *col1,
                                     int                *row1);
/* Where tile @col, @row lies in canvas units. */
void           wm_layer_tile_rect   (int                 col,
                                     int                 row,
                                     double              zoom,
                                     WmRect             *rect);

/* Elements while a zoom moves, with the software renderer
 * (wm-canvas-raster.c): each element in view is drawn once into an image
 * at the zoom of that moment and the image is placed, scaled, in the
 * following frames. An image is kept while it is shrunk down to
 * 1/WM_RASTER_USABLE or enlarged up to WM_RASTER_SHARP, drawn again when
 * the frame's budget (WM_RASTER_BUDGET_US of drawing images) allows while
 * it is enlarged up to WM_RASTER_USABLE, and drawn again at once beyond
 * these. Once the zoom rests (WM_LAYER_SETTLE_MS) every element is drawn
 * sharp as itself. */
#define WM_RASTER_SHARP     1.4
#define WM_RASTER_USABLE    2.0
#define WM_RASTER_BUDGET_US 1500
/* Below this zoom elements are coloured blocks (wm-node.c), quicker drawn
 * than placed (a run's figures under them are still placed). */
#define WM_RASTER_MIN_ZOOM  0.35

typedef enum
{
  WM_RASTER_KEEP,      /* place the image as it is */
  WM_RASTER_REFRESH,   /* enlarged: drawn again if the budget allows */
  WM_RASTER_REDRAW,    /* too far from its zoom: draw it again now */
} WmRasterVerdict;

/* What to do with an element's image drawn at @raster_zoom for a frame
 * at @zoom. */
WmRasterVerdict wm_raster_check (double raster_zoom,
                                 double zoom);

G_END_DECLS
