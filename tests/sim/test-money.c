/* test-money.c - micro-units, money text, percentages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exact values of the doubles below were printed with Python's
 * decimal.Decimal(x) * 1000000 (the exact binary value, not the literal):
 *   5e-07     -> 0.49999999999999997737...   -> 0
 *   1.5e-06   -> 1.50000000000000003800...   -> 2
 *   2.5e-06   -> 2.50000000000000020450...   -> 3
 *   0.0123455 -> 12345.50000000000057054...  -> 12346
 *   0.0075    -> 7499.99999999999972244...   -> 7500
 *   0.1234565 -> 123456.49999999999679722... -> 123456
 *   12.3456785 -> 12345678.4999999999996589... -> 12345678
 */
#include "config.h"

#include "wm-money.h"

static gint64
micro (double x)
{
  gint64 m = G_MININT64;

  g_assert_true (wm_money_from_double (x, &m));
  return m;
}

static void
test_rounding_from_exact_double (void)
{
  g_assert_cmpint (micro (0.0000005), ==, 0);
  g_assert_cmpint (micro (5e-07), ==, 0);
  g_assert_cmpint (micro (1.5e-06), ==, 2);
  g_assert_cmpint (micro (2.5e-06), ==, 3);
  g_assert_cmpint (micro (0.0123455), ==, 12346);
  g_assert_cmpint (micro (0.0075), ==, 7500);
  g_assert_cmpint (micro (0.0008), ==, 800);
  g_assert_cmpint (micro (0.1234565), ==, 123456);
  g_assert_cmpint (micro (12.3456785), ==, 12345678);
  g_assert_cmpint (micro (120.5), ==, 120500000);
  g_assert_cmpint (micro (0), ==, 0);
  g_assert_cmpint (micro (-0.0), ==, 0);
  g_assert_cmpint (micro (4.9406564584124654e-324), ==, 0);
}

static void
test_halfway_away_from_zero (void)
{
  /* 0.5 and 2.5 micro-units exactly: 2^-1 * 1e-6 is not a double, but a
   * value of k + 1/2 micro-units exists as 1/1024 = 976.5625 micro-units:
   * .5625 is above half. 1/2048 = 488.28125 -> 488. 3/2^21 =
   * 1.430511474609375 -> 1. 2^-7 = 7812.5 micro-units exactly -> 7813. */
  g_assert_cmpint (micro (1.0 / 1024), ==, 977);
  g_assert_cmpint (micro (1.0 / 2048), ==, 488);
  g_assert_cmpint (micro (0.0078125), ==, 7813);
  g_assert_cmpint (micro (-0.0078125), ==, -7813);
  g_assert_cmpint (micro (-1.5e-06), ==, -2);
  g_assert_cmpint (micro (-5e-07), ==, 0);
}

static void
test_out_of_range (void)
{
  gint64 m = 0;

  g_assert_false (wm_money_from_double (1e300, &m));
  g_assert_false (wm_money_from_double (-1e13, &m));
  g_assert_true (wm_money_from_double (9e12, &m));
  g_assert_cmpint (m, ==, G_GINT64_CONSTANT (9000000000000000000));
}

static void
test_money_text (void)
{
  char buf[32];

  g_assert_cmpstr (wm_money_format (7500000, buf), ==, "7.5");
  g_assert_cmpstr (wm_money_format (800, buf), ==, "0.0008");
  g_assert_cmpstr (wm_money_format (12000000, buf), ==, "12");
  g_assert_cmpstr (wm_money_format (-3250000, buf), ==, "-3.25");
  g_assert_cmpstr (wm_money_format (0, buf), ==, "0");
  g_assert_cmpstr (wm_money_format (1, buf), ==, "0.000001");
  g_assert_cmpstr (wm_money_format (-1, buf), ==, "-0.000001");
  g_assert_cmpstr (wm_money_format (12346, buf), ==, "0.012346");
  g_assert_cmpstr (wm_money_format (G_MININT64, buf), ==, "-9223372036854.775808");
}

static void
test_percentages (void)
{
  char buf[32];

  /* 10000 * 1 / 3 = 3333.33 -> 3333; 2/3 -> 6666.67 -> 6667; 1/8 = 1250
   * exactly; 1/16 = 625; 1/32 = 312.5 -> 313 (half up); 1/200 = 50. */
  g_assert_cmpint (wm_basis_points (1, 3), ==, 3333);
  g_assert_cmpint (wm_basis_points (2, 3), ==, 6667);
  g_assert_cmpint (wm_basis_points (1, 32), ==, 313);
  g_assert_cmpint (wm_basis_points (0, 0), ==, 0);
  g_assert_cmpint (wm_basis_points (5, 5), ==, 10000);
  g_assert_cmpstr (wm_percent_format (3333, buf), ==, "33.33");
  g_assert_cmpstr (wm_percent_format (1250, buf), ==, "12.5");
  g_assert_cmpstr (wm_percent_format (10000, buf), ==, "100");
  g_assert_cmpstr (wm_percent_format (313, buf), ==, "3.13");
  g_assert_cmpstr (wm_percent_format (5, buf), ==, "0.05");
  g_assert_cmpstr (wm_percent_format (50, buf), ==, "0.5");
  g_assert_cmpstr (wm_percent_format (0, buf), ==, "0");
  /* mean_success_seconds: 7 / 2 = 3.5 -> 4; 5 / 3 -> 2; 4 / 3 -> 1. */
  g_assert_cmpuint (wm_div_round_half_up (7, 2), ==, 4);
  g_assert_cmpuint (wm_div_round_half_up (5, 3), ==, 2);
  g_assert_cmpuint (wm_div_round_half_up (4, 3), ==, 1);
  g_assert_cmpuint (wm_div_round_half_up (4, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/money/rounds-the-exact-double", test_rounding_from_exact_double);
  g_test_add_func ("/sim/money/halfway-is-away-from-zero", test_halfway_away_from_zero);
  g_test_add_func ("/sim/money/refuses-huge-values", test_out_of_range);
  g_test_add_func ("/sim/money/text-drops-trailing-zeros", test_money_text);
  g_test_add_func ("/sim/money/percentages-round-half-up", test_percentages);

  return g_test_run ();
}
