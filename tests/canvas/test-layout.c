/* test-layout.c - the layered auto-layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns are 208 + 80 = 288 units apart; rows stack with 40 between.
 */

#include "wm-layout.h"

#define W 208.0

static void
assert_at (const double *p,
           guint         node,
           double        x,
           double        y)
{
  g_assert_cmpfloat (p[2 * node], ==, x);
  g_assert_cmpfloat (p[2 * node + 1], ==, y);
}

static void
test_chain_is_one_row (void)
{
  double h[] = { 72, 72, 72 };
  guint e[] = { 0, 1, 1, 2 };
  double p[6];

  wm_layout_layered (3, W, h, 2, e, 0, p);
  assert_at (p, 0, 0, 0);
  assert_at (p, 1, 288, 0);
  assert_at (p, 2, 576, 0);
}

static void
test_diamond_centres_short_columns (void)
{
  double h[] = { 72, 72, 72, 72 };
  guint e[] = { 0, 1, 0, 2, 1, 3, 2, 3 };
  double p[8];

  /* Column 1 is 72 + 40 + 72 = 184 tall; the others 72, so (184 - 72) / 2
   * = 56 down. */
  wm_layout_layered (4, W, h, 4, e, 0, p);
  assert_at (p, 0, 0, 56);
  assert_at (p, 1, 288, 0);
  assert_at (p, 2, 288, 112);
  assert_at (p, 3, 576, 56);
}

static void
test_longest_path_wins (void)
{
  double h[] = { 72, 72, 72 };
  guint e[] = { 0, 1, 1, 2, 0, 2 };
  double p[6];

  wm_layout_layered (3, W, h, 3, e, 0, p);
  assert_at (p, 2, 576, 0);
}

static void
test_cycles_are_broken_at_the_back_edge (void)
{
  double h[] = { 72, 72, 72 };
  guint e[] = { 0, 1, 1, 2, 2, 1 };
  double p[6];

  wm_layout_layered (3, W, h, 3, e, 0, p);
  assert_at (p, 0, 0, 0);
  assert_at (p, 1, 288, 0);
  assert_at (p, 2, 576, 0);
}

static void
test_entry_leads_the_first_column (void)
{
  double h[] = { 72, 72, 72 };
  guint e[] = { 1, 0 };
  double p[6];

  /* Node 2 has no edges: a source too, placed after the entry. Column 0
   * is then 184 tall, so node 0 alone in column 1 sits (184 - 72) / 2 down. */
  wm_layout_layered (3, W, h, 1, e, 1, p);
  assert_at (p, 1, 0, 0);
  assert_at (p, 2, 0, 112);
  assert_at (p, 0, 288, 56);
}

static void
test_rows_follow_predecessors (void)
{
  double h[] = { 72, 72, 72, 72, 72 };
  /* 0 -> 1, 0 -> 2, 1 -> 4, 2 -> 3: node 4 follows row 0, node 3 row 1. */
  guint e[] = { 0, 1, 0, 2, 1, 4, 2, 3 };
  double p[10];

  wm_layout_layered (5, W, h, 4, e, 0, p);
  assert_at (p, 1, 288, 0);
  assert_at (p, 2, 288, 112);
  assert_at (p, 4, 576, 0);
  assert_at (p, 3, 576, 112);
}

static void
test_heights_centre_columns (void)
{
  double h[] = { 72, 122 };
  guint e[] = { 0, 1 };
  double p[4];

  wm_layout_layered (2, W, h, 1, e, 0, p);
  assert_at (p, 0, 0, 25);
  assert_at (p, 1, 288, 0);
}

static void
test_long_chain_does_not_recurse (void)
{
  const guint n = 100000;
  g_autofree double *h = g_new (double, n);
  g_autofree guint *e = g_new (guint, 2 * (n - 1));
  g_autofree double *p = g_new (double, 2 * n);

  for (guint i = 0; i < n; i++)
    h[i] = 72;
  for (guint i = 0; i + 1 < n; i++)
    {
      e[2 * i] = i;
      e[2 * i + 1] = i + 1;
    }
  wm_layout_layered (n, W, h, n - 1, e, 0, p);
  assert_at (p, n - 1, 288.0 * (n - 1), 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/canvas/layout/chain-is-one-row", test_chain_is_one_row);
  g_test_add_func ("/canvas/layout/diamond-centres-short-columns", test_diamond_centres_short_columns);
  g_test_add_func ("/canvas/layout/longest-path-wins", test_longest_path_wins);
  g_test_add_func ("/canvas/layout/cycles-are-broken-at-the-back-edge", test_cycles_are_broken_at_the_back_edge);
  g_test_add_func ("/canvas/layout/entry-leads-the-first-column", test_entry_leads_the_first_column);
  g_test_add_func ("/canvas/layout/rows-follow-predecessors", test_rows_follow_predecessors);
  g_test_add_func ("/canvas/layout/heights-centre-columns", test_heights_centre_columns);
  g_test_add_func ("/canvas/layout/long-chain-does-not-recurse", test_long_chain_does_not_recurse);

  return g_test_run ();
}
