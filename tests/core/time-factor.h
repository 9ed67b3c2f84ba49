/* time-factor.h - how much wider the tests' time bounds are in this run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A few tests bound the time of a large input (a 10 MB expression, a
 * 250 kB flow) to catch quadratic behaviour, not to measure speed (the
 * benchmarks do that). Sanitizers make everything several times slower,
 * which the build knows; valgrind makes it twenty to fifty times slower,
 * which only the run knows: build-aux/run-valgrind.sh sets
 * WAYMARK_TIME_FACTOR for that.
 */
#pragma once

#include <glib.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define WM_TEST_BUILD_TIME_FACTOR 20
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WM_TEST_BUILD_TIME_FACTOR 20
#endif
#endif
#ifndef WM_TEST_BUILD_TIME_FACTOR
#define WM_TEST_BUILD_TIME_FACTOR 1
#endif

static inline gint64
wm_test_time_factor (void)
{
  const char *env = g_getenv ("WAYMARK_TIME_FACTOR");
  gint64 factor = env != NULL ? g_ascii_strtoll (env, NULL, 10) : 1;

  return WM_TEST_BUILD_TIME_FACTOR * MAX (factor, 1);
}

#define TIME_FACTOR (wm_test_time_factor ())
