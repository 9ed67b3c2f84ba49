/* test-geometry.c - node geometry, curves, zoom anchoring, the spatial index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "wm-canvas-geometry.h"
#include "wm-spatial-index.h"

static const char * const port_out[] = { "out", NULL };
static const char * const ports_two[] = { "yes", "no", NULL };
static const char * const ports_none[] = { NULL };

static void
test_node_height_counts_port_rows (void)
{
  /* A lone "out" shares the head; named ports get 22-unit rows plus 6. */
  g_assert_cmpfloat (wm_node_height (port_out), ==, 72.0);
  g_assert_cmpfloat (wm_node_height (ports_none), ==, 72.0);
  g_assert_cmpfloat (wm_node_height (ports_two), ==, 72.0 + 2 * 22.0 + 6.0);
  g_assert_false (wm_node_ports_labelled (port_out));
  g_assert_true (wm_node_ports_labelled (ports_two));
}

static void
test_port_anchors_sit_on_the_right_edge (void)
{
  double x, y;

  wm_node_port_anchor (100, 50, port_out, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 308.0);
  g_assert_cmpfloat (y, ==, 86.0);
  wm_node_port_anchor (0, 0, ports_two, 1, &x, &y);
  g_assert_cmpfloat (x, ==, 208.0);
  g_assert_cmpfloat (y, ==, 105.0);
  wm_node_input_anchor (100, 50, &x, &y);
  g_assert_cmpfloat (x, ==, 100.0);
  g_assert_cmpfloat (y, ==, 86.0);
}

static void
test_port_hit_needs_the_dot (void)
{
  g_assert_cmpint (wm_node_port_at (0, 0, ports_two, 210, 104), ==, 1);
  g_assert_cmpint (wm_node_port_at (0, 0, ports_two, 208, 83), ==, 0);
  g_assert_cmpint (wm_node_port_at (0, 0, ports_two, 150, 104), ==, -1);
  g_assert_cmpint (wm_node_port_at (0, 0, ports_none, 208, 36), ==, -1);
}

static void
test_connection_curve_handles (void)
{
  WmBezier c;
  double x, y, t;

  wm_connection_curve (0, 0, 200, 100, &c);
  g_assert_cmpfloat (c.x1, ==, 100.0);
  g_assert_cmpfloat (c.y1, ==, 0.0);
  g_assert_cmpfloat (c.x2, ==, 100.0);
  g_assert_cmpfloat (c.y2, ==, 100.0);

  /* The middle of the symmetric S is its centre. */
  wm_bezier_point (&c, 0.5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (wm_bezier_distance (&c, 100, 50, &t), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (t, 0.5, 1e-9);
  /* The tangent there is at 45°, so 10 below is 10·sin 45° away. */
  g_assert_cmpfloat_with_epsilon (wm_bezier_distance (&c, 100, 60, NULL), 7.071, 0.2);

  /* Backwards: handles of half the distance reach out behind both ends. */
  wm_connection_curve (300, 0, 0, 0, &c);
  g_assert_cmpfloat (c.x1, ==, 450.0);
  g_assert_cmpfloat (c.x2, ==, -150.0);
  /* Close ends still get 48-unit handles. */
  wm_connection_curve (0, 0, 20, 0, &c);
  g_assert_cmpfloat (c.x1, ==, 48.0);
}

static void
test_zoom_keeps_the_point_under_the_pointer (void)
{
  /* Pointer at 50 with scroll 100 at zoom 1 shows canvas x 150; at zoom 2
   * canvas 150 is view 300, so the scroll must be 250. */
  g_assert_cmpfloat (wm_zoom_anchor_scroll (1.0, 2.0, 100, 50), ==, 250.0);
  g_assert_cmpfloat (wm_zoom_anchor_scroll (2.0, 1.0, 250, 50), ==, 100.0);
}

static void
test_snap_and_rects (void)
{
  WmRect r, a = { 0, 0, 10, 10 }, b = { 10, 0, 5, 5 }, u;

  g_assert_cmpfloat (wm_snap (37, 16), ==, 32.0);
  g_assert_cmpfloat (wm_snap (40, 16), ==, 48.0);
  g_assert_cmpfloat (wm_snap (5, 0), ==, 5.0);

  wm_rect_from_corners (10, 20, 0, 5, &r);
  g_assert_cmpfloat (r.x, ==, 0);
  g_assert_cmpfloat (r.y, ==, 5);
  g_assert_cmpfloat (r.width, ==, 10);
  g_assert_cmpfloat (r.height, ==, 15);

  /* Touching edges do not overlap. */
  g_assert_false (wm_rect_intersects (&a, &b));
  b.x = 9.5;
  g_assert_true (wm_rect_intersects (&a, &b));
  g_assert_true (wm_rect_contains_point (&a, 0, 0));
  g_assert_false (wm_rect_contains_point (&a, 10, 5));

  wm_rect_union (&a, &b, &u);
  g_assert_cmpfloat (u.width, ==, 14.5);
  g_assert_cmpfloat (u.height, ==, 10);
}

#define A GINT_TO_POINTER (1)
#define B GINT_TO_POINTER (2)
#define C GINT_TO_POINTER (3)

static void
test_index_answers_points_topmost_first (void)
{
  g_autoptr(WmSpatialIndex) index = wm_spatial_index_new (100);
  WmRect ra = { 0, 0, 50, 50 }, rb = { 40, 40, 100, 100 }, rc = { 1000, 1000, 10, 10 };

  wm_spatial_index_set (index, A, &ra);
  wm_spatial_index_set (index, B, &rb);
  wm_spatial_index_set (index, C, &rc);
  g_assert_cmpuint (wm_spatial_index_get_size (index), ==, 3);

  g_assert_true (wm_spatial_index_query_point (index, 45, 45) == B);
  g_assert_true (wm_spatial_index_query_point (index, 10, 10) == A);
  g_assert_null (wm_spatial_index_query_point (index, 500, 500));
  g_assert_true (wm_spatial_index_query_point (index, 1005, 1005) == C);

  /* Moving A over B keeps A below B. */
  ra.x = ra.y = 60;
  wm_spatial_index_set (index, A, &ra);
  g_assert_null (wm_spatial_index_query_point (index, 10, 10));
  g_assert_true (wm_spatial_index_query_point (index, 70, 70) == B);
  wm_spatial_index_remove (index, B);
  g_assert_true (wm_spatial_index_query_point (index, 70, 70) == A);
  g_assert_false (wm_spatial_index_contains (index, B));
}

static void
test_index_lists_rect_hits_once_in_order (void)
{
  g_autoptr(WmSpatialIndex) index = wm_spatial_index_new (100);
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  WmRect ra = { 0, 0, 50, 50 }, rb = { -250, -250, 900, 900 }, rc = { 1000, 1000, 10, 10 };
  WmRect q1 = { 0, 0, 200, 200 }, q2 = { 990, 990, 20, 20 }, bounds;

  wm_spatial_index_set (index, A, &ra);
  wm_spatial_index_set (index, B, &rb);   /* spans 100 buckets */
  wm_spatial_index_set (index, C, &rc);

  wm_spatial_index_query_rect (index, &q1, hits);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_true (hits->pdata[0] == A);
  g_assert_true (hits->pdata[1] == B);

  g_ptr_array_set_size (hits, 0);
  wm_spatial_index_query_rect (index, &q2, hits);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_true (hits->pdata[0] == C);

  g_assert_true (wm_spatial_index_query_point (index, -245, -245) == B);

  g_assert_true (wm_spatial_index_get_bounds (index, &bounds));
  g_assert_cmpfloat (bounds.x, ==, -250);
  g_assert_cmpfloat (bounds.y, ==, -250);
  g_assert_cmpfloat (bounds.width, ==, 1260);
  g_assert_cmpfloat (bounds.height, ==, 1260);

  wm_spatial_index_clear (index);
  g_assert_false (wm_spatial_index_get_bounds (index, &bounds));
}

/* Random rectangles and queries against a linear scan. */
static void
test_index_agrees_with_a_linear_scan (void)
{
  g_autoptr(WmSpatialIndex) index = wm_spatial_index_new (256);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  WmRect rects[500];

  for (guint i = 0; i < G_N_ELEMENTS (rects); i++)
    {
      rects[i].x = g_rand_double_range (rand, -5000, 5000);
      rects[i].y = g_rand_double_range (rand, -5000, 5000);
      rects[i].width = g_rand_double_range (rand, 1, 600);
      rects[i].height = g_rand_double_range (rand, 1, 300);
      wm_spatial_index_set (index, GUINT_TO_POINTER (i + 1), &rects[i]);
    }
  /* Move a tenth of them. */
  for (guint i = 0; i < G_N_ELEMENTS (rects); i += 10)
    {
      rects[i].x += 1234;
      wm_spatial_index_set (index, GUINT_TO_POINTER (i + 1), &rects[i]);
    }

  for (guint q = 0; q < 200; q++)
    {
      g_autoptr(GPtrArray) hits = g_ptr_array_new ();
      WmRect query = {
        g_rand_double_range (rand, -6000, 6000), g_rand_double_range (rand, -6000, 6000),
        g_rand_double_range (rand, 0, 3000), g_rand_double_range (rand, 0, 3000),
      };
      guint expected = 0, previous = 0;
      gpointer top = NULL;

      wm_spatial_index_query_rect (index, &query, hits);
      for (guint i = 0; i < G_N_ELEMENTS (rects); i++)
        if (wm_rect_intersects (&rects[i], &query))
          expected++;
      g_assert_cmpuint (hits->len, ==, expected);
      for (guint i = 0; i < hits->len; i++)
        {
          guint k = GPOINTER_TO_UINT (hits->pdata[i]);

          g_assert_true (wm_rect_intersects (&rects[k - 1], &query));
          g_assert_cmpuint (k, >, previous);   /* bottom to top, each once */
          previous = k;
        }

      for (guint i = 0; i < G_N_ELEMENTS (rects); i++)
        if (wm_rect_contains_point (&rects[i], query.x, query.y))
          top = GUINT_TO_POINTER (i + 1);
      g_assert_true (wm_spatial_index_query_point (index, query.x, query.y) == top);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/canvas/geometry/node-height-counts-port-rows", test_node_height_counts_port_rows);
  g_test_add_func ("/canvas/geometry/port-anchors-sit-on-the-right-edge", test_port_anchors_sit_on_the_right_edge);
  g_test_add_func ("/canvas/geometry/port-hit-needs-the-dot", test_port_hit_needs_the_dot);
  g_test_add_func ("/canvas/geometry/connection-curve-handles", test_connection_curve_handles);
  g_test_add_func ("/canvas/geometry/zoom-keeps-the-point-under-the-pointer", test_zoom_keeps_the_point_under_the_pointer);
  g_test_add_func ("/canvas/geometry/snap-and-rects", test_snap_and_rects);
  g_test_add_func ("/canvas/index/answers-points-topmost-first", test_index_answers_points_topmost_first);
  g_test_add_func ("/canvas/index/lists-rect-hits-once-in-order", test_index_lists_rect_hits_once_in_order);
  g_test_add_func ("/canvas/index/agrees-with-a-linear-scan", test_index_agrees_with_a_linear_scan);

  return g_test_run ();
}
