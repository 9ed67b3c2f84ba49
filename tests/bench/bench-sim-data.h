/* bench-sim-data.h - the simulator benchmarks' flow and profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The run's period: the profiles' events fall in January 2026. */
#define BENCH_RUN_START "2026-01-01T00:00:00Z"
#define BENCH_RUN_END   "2026-02-08T00:00:00Z"

/* The 20-element flow "bench", with ' for " (see bench_swap_quotes). */
extern const char *bench_flow;

char     *bench_swap_quotes       (const char *text);
gboolean  bench_generate_profiles (const char *path,
                                   gint64      count,
                                   guint32     seed);
gboolean  bench_prepare_profiles  (const char *path,
                                   gint64      count,
                                   gboolean   *generated);

G_END_DECLS
