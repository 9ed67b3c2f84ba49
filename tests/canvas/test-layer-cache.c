/* test-layer-cache.c - when the canvas's connection tiles are kept or redrawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "wm-layer-cache.h"

static void
test_first_frame_and_changes_rebuild (void)
{
  WmLayerCache cache = { 0 };

  /* Nothing drawn yet. */
  g_assert_cmpint (wm_layer_cache_check (&cache, 0, 1.0, 1, FALSE), ==, WM_LAYER_REBUILD);
  wm_layer_cache_set (&cache, 7, 1.0, 1);
  g_assert_cmpint (wm_layer_cache_check (&cache, 7, 1.0, 1, FALSE), ==, WM_LAYER_REUSE);
  /* Something the layer shows changed (an edge, the selection, the theme). */
  g_assert_cmpint (wm_layer_cache_check (&cache, 8, 1.0, 1, FALSE), ==, WM_LAYER_REBUILD);
  /* The window moved to a HiDPI monitor. */
  g_assert_cmpint (wm_layer_cache_check (&cache, 7, 1.0, 2, FALSE), ==, WM_LAYER_REBUILD);
  wm_layer_cache_reset (&cache);
  g_assert_cmpint (wm_layer_cache_check (&cache, 7, 1.0, 1, FALSE), ==, WM_LAYER_REBUILD);
}

static void
test_zoom_scales_while_moving_and_sharpens_after (void)
{
  WmLayerCache cache = { 0 };

  wm_layer_cache_set (&cache, 3, 1.0, 2);
  /* A zoom under way reuses the tiles scaled, within the limits... */
  g_assert_cmpint (wm_layer_cache_check (&cache, 3, 1.5, 2, TRUE), ==, WM_LAYER_REUSE_SCALED);
  g_assert_cmpint (wm_layer_cache_check (&cache, 3, WM_LAYER_MAX_ENLARGE, 2, TRUE), ==, WM_LAYER_REUSE_SCALED);
  g_assert_cmpint (wm_layer_cache_check (&cache, 3, 1.0 / WM_LAYER_MAX_SHRINK, 2, TRUE), ==, WM_LAYER_REUSE_SCALED);
  /* ...beyond them they are redrawn at the new zoom. */
  g_assert_cmpint (wm_layer_cache_check (&cache, 3, WM_LAYER_MAX_ENLARGE * 1.01, 2, TRUE), ==, WM_LAYER_REBUILD);
  g_assert_cmpint (wm_layer_cache_check (&cache, 3, 0.99 / WM_LAYER_MAX_SHRINK, 2, TRUE), ==, WM_LAYER_REBUILD);
  /* Once the zoom rests, the scaled tiles give way to sharp ones. */
  g_assert_cmpint (wm_layer_cache_check (&cache, 3, 1.5, 2, FALSE), ==, WM_LAYER_REBUILD);
  /* A change of content during a zoom still redraws. */
  g_assert_cmpint (wm_layer_cache_check (&cache, 4, 1.5, 2, TRUE), ==, WM_LAYER_REBUILD);

  /* Tiles redrawn during a zoom have less detail, then full detail. */
  g_assert_cmpfloat (wm_layer_cache_zoom_for (2.0, TRUE), ==, 2.0 * WM_LAYER_MOVING_DETAIL);
  g_assert_cmpfloat (wm_layer_cache_zoom_for (2.0, FALSE), ==, 2.0);
}

static void
test_tile_range_covers_the_view (void)
{
  WmRect view = { 100, 50, 1280, 800 };
  WmRect far = { -300, -10, 10, 10 };
  WmRect rect;
  int c0, r0, c1, r1;

  /* At zoom 1 a tile is WM_LAYER_TILE canvas units. */
  wm_layer_tile_range (&view, 1.0, &c0, &r0, &c1, &r1);
  g_assert_cmpint (c0, ==, 0);
  g_assert_cmpint (r0, ==, 0);
  g_assert_cmpint (c1, ==, (100 + 1280 - 1) / WM_LAYER_TILE);
  g_assert_cmpint (r1, ==, (50 + 800 - 1) / WM_LAYER_TILE);
  /* The union of the tiles holds the view. */
  wm_layer_tile_rect (c0, r0, 1.0, &rect);
  g_assert_cmpfloat (rect.x, <=, view.x);
  g_assert_cmpfloat (rect.y, <=, view.y);
  wm_layer_tile_rect (c1, r1, 1.0, &rect);
  g_assert_cmpfloat (rect.x + rect.width, >=, view.x + view.width);
  g_assert_cmpfloat (rect.y + rect.height, >=, view.y + view.height);

  /* At zoom 0.5 a tile spans twice the canvas units. */
  wm_layer_tile_range (&view, 0.5, &c0, &r0, &c1, &r1);
  g_assert_cmpint (c1, ==, (100 + 1280 - 1) / (2 * WM_LAYER_TILE));
  wm_layer_tile_rect (1, 1, 0.5, &rect);
  g_assert_cmpfloat (rect.x, ==, 2 * WM_LAYER_TILE);
  g_assert_cmpfloat (rect.width, ==, 2 * WM_LAYER_TILE);

  /* Left of and above the origin: negative tiles, rounded down. */
  wm_layer_tile_range (&far, 1.0, &c0, &r0, &c1, &r1);
  g_assert_cmpint (c0, ==, -2);
  g_assert_cmpint (c1, ==, -2);
  g_assert_cmpint (r0, ==, -1);
  g_assert_cmpint (r1, ==, -1);

  /* A right edge exactly on a boundary does not take the next tile. */
  view = (WmRect) { 0, 0, WM_LAYER_TILE, WM_LAYER_TILE };
  wm_layer_tile_range (&view, 1.0, &c0, &r0, &c1, &r1);
  g_assert_cmpint (c1, ==, 0);
  g_assert_cmpint (r1, ==, 0);
}

static void
test_element_images_follow_the_zoom (void)
{
  /* The same zoom, a little larger, or smaller down to a half: kept. */
  g_assert_cmpint (wm_raster_check (0.5, 0.5), ==, WM_RASTER_KEEP);
  g_assert_cmpint (wm_raster_check (0.5, 0.5 * WM_RASTER_SHARP), ==, WM_RASTER_KEEP);
  g_assert_cmpint (wm_raster_check (0.5, 0.5 / 1.5), ==, WM_RASTER_KEEP);
  g_assert_cmpint (wm_raster_check (0.5, 0.5 / WM_RASTER_USABLE), ==, WM_RASTER_KEEP);
  /* Enlarged further: usable while the budget goes to others. */
  g_assert_cmpint (wm_raster_check (0.5, 0.5 * 1.5), ==, WM_RASTER_REFRESH);
  g_assert_cmpint (wm_raster_check (0.5, 0.5 * WM_RASTER_USABLE), ==, WM_RASTER_REFRESH);
  /* Beyond: too blurred or too coarse, drawn again now. */
  g_assert_cmpint (wm_raster_check (0.25, 1.0), ==, WM_RASTER_REDRAW);
  g_assert_cmpint (wm_raster_check (1.0, 0.25), ==, WM_RASTER_REDRAW);
  /* No image yet. */
  g_assert_cmpint (wm_raster_check (0.0, 1.0), ==, WM_RASTER_REDRAW);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/canvas/layer-cache/first-frame-and-changes-rebuild", test_first_frame_and_changes_rebuild);
  g_test_add_func ("/canvas/layer-cache/zoom-scales-while-moving-and-sharpens-after",
                   test_zoom_scales_while_moving_and_sharpens_after);
  g_test_add_func ("/canvas/layer-cache/tile-range-covers-the-view", test_tile_range_covers_the_view);

  g_test_add_func ("/canvas/layer-cache/element-images-follow-the-zoom", test_element_images_follow_the_zoom);

  return g_test_run ();
}
