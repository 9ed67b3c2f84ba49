/* test-draw.c - deterministic draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected values were computed outside this code, with a few lines of
 * Python 3 that follow simulation.md's formula literally (FNV-1a 64 over the
 * key's UTF-8 bytes with Python integers mod 2^64, the splitmix finaliser,
 * (z >> 11) * 2.0**-53, math.floor(-m * math.log(1 - u))).
 */
#include "config.h"

#include <string.h>

#include "wm-draw.h"

static void
test_spec_key (void)
{
  /* key "1|p-0001|cart|1|1|e3|1|delivered": FNV-1a 0xaa601247586afc91,
   * z 0x8aa658038529b985, u 0.5416007050127182, mean 3600 -> 2808 s. */
  double u = wm_draw_u (1, "p-0001", "cart", 1, 1, "e3", 1, "delivered");

  g_assert_cmpfloat (u, ==, 0.5416007050127182);
  g_assert_cmpint (wm_draw_delay (u, 3600), ==, 2808);
  g_assert_cmpuint (wm_draw_mix (G_GUINT64_CONSTANT (0xaa601247586afc91)), ==,
                    G_GUINT64_CONSTANT (0x8aa658038529b985));
}

static void
test_other_keys (void)
{
  WmDrawKey key;

  /* "42|Ana|welcome|2|3|split-1|2|split" -> 0.9369433163979269 (3600 s
   * mean: 9949 s). */
  wm_draw_key_init (&key, 42, "Ana", 3, "welcome", 2, 3);
  g_assert_cmpfloat (wm_draw_key_u (&key, "split-1", 2, "split"), ==, 0.9369433163979269);
  g_assert_cmpint (wm_draw_delay (0.9369433163979269, 3600), ==, 9949);

  /* The largest seed is written in full:
   * "18446744073709551615|p|f|10|12|e|100|clicked-delay" -> 0.9465085500072664,
   * 3600 s mean -> 10541 s. */
  g_assert_cmpfloat (wm_draw_u (G_MAXUINT64, "p", "f", 10, 12, "e", 100, "clicked-delay"),
                     ==, 0.9465085500072664);
  g_assert_cmpint (wm_draw_delay (0.9465085500072664, 3600), ==, 10541);
}

static void
test_key_reuse_matches_one_call (void)
{
  WmDrawKey key;

  wm_draw_key_init (&key, 7, "p-9", strlen ("p-9"), "f", 1, 1);
  g_assert_cmpfloat (wm_draw_key_u (&key, "e1", 1, "api"), ==,
                     wm_draw_u (7, "p-9", "f", 1, 1, "e1", 1, "api"));
  g_assert_cmpfloat (wm_draw_key_u (&key, "e1", 2, "api"), !=,
                     wm_draw_key_u (&key, "e1", 1, "api"));
}

/* A send's draws from the key advanced once by element and visit equal
 * the draws of the whole key, for every purpose; the spec value holds. */
static void
test_visit_key_matches_whole_key (void)
{
  const char *purposes[] = { "delivered", "delivered-delay", "opened", "opened-delay",
                             "clicked", "clicked-delay", "split", "api" };
  WmDrawKey key, visit;

  wm_draw_key_init (&key, 42, "Ana", 3, "welcome", 2, 3);
  visit = wm_draw_key_visit (&key, "split-1", 2);
  g_assert_cmpfloat (wm_draw_visit_u (visit, "split"), ==, 0.9369433163979269);
  for (guint v = 1; v <= 12; v++)
    {
      visit = wm_draw_key_visit (&key, "sms", v);
      for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
        g_assert_cmpfloat (wm_draw_visit_u (visit, purposes[i]), ==,
                           wm_draw_key_u (&key, "sms", v, purposes[i]));
    }
  g_assert_cmpfloat (wm_draw_visit_u (wm_draw_key_visit (&key, "sms", 1), "opened"), !=,
                     wm_draw_visit_u (wm_draw_key_visit (&key, "sms", 2), "opened"));
}

static void
test_delay_edges (void)
{
  g_assert_cmpint (wm_draw_delay (0.0, 3600), ==, 0);
  g_assert_cmpint (wm_draw_delay (0.5, 0), ==, 0);
  /* -2 * log(0.5) = 1.386..., floored */
  g_assert_cmpint (wm_draw_delay (0.5, 2), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/draw/matches-the-spec-formula", test_spec_key);
  g_test_add_func ("/sim/draw/other-keys-and-the-largest-seed", test_other_keys);
  g_test_add_func ("/sim/draw/entry-key-equals-one-call", test_key_reuse_matches_one_call);
  g_test_add_func ("/sim/draw/visit-key-equals-whole-key", test_visit_key_matches_whole_key);
  g_test_add_func ("/sim/draw/delay-edges", test_delay_edges);

  return g_test_run ();
}
