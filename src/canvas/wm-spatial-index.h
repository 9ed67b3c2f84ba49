/* wm-spatial-index.h - which items lie under a point or in a rectangle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A uniform grid of square buckets: an item is listed in every bucket its
 * rectangle touches, so a query looks at the buckets the query touches only
 * and costs about the number of items near it, not the number of items.
 * Items are opaque pointers; later-set items are "above" earlier ones.
 */
#pragma once

#include "wm-canvas-geometry.h"

G_BEGIN_DECLS

typedef struct _WmSpatialIndex WmSpatialIndex;

/* @cell_size: the bucket side in canvas units (a little more than an item's
 * usual size works well). */
WmSpatialIndex *wm_spatial_index_new         (double          cell_size);
void            wm_spatial_index_free        (WmSpatialIndex *self);

/* Adds @item or moves it to @rect. A moved item keeps its place in the
 * stacking order. */
void            wm_spatial_index_set         (WmSpatialIndex *self,
                                              gpointer        item,
                                              const WmRect   *rect);
void            wm_spatial_index_remove      (WmSpatialIndex *self,
                                              gpointer        item);
void            wm_spatial_index_clear       (WmSpatialIndex *self);
gboolean        wm_spatial_index_contains    (WmSpatialIndex *self,
                                              gpointer        item);
gboolean        wm_spatial_index_get_rect    (WmSpatialIndex *self,
                                              gpointer        item,
                                              WmRect         *rect);
guint           wm_spatial_index_get_size    (WmSpatialIndex *self);

/* The topmost item whose rectangle holds @x, @y, or NULL. */
gpointer        wm_spatial_index_query_point (WmSpatialIndex *self,
                                              double          x,
                                              double          y);
/* The items whose rectangles intersect @rect, each once, bottom to top.
 * Appended to @out (a GPtrArray without a free function). */
void            wm_spatial_index_query_rect  (WmSpatialIndex *self,
                                              const WmRect   *rect,
                                              GPtrArray      *out);
/* The union of all rectangles; FALSE when the index is empty. */
gboolean        wm_spatial_index_get_bounds  (WmSpatialIndex *self,
                                              WmRect         *bounds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSpatialIndex, wm_spatial_index_free)

G_END_DECLS
