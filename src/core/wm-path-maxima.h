/* wm-path-maxima.h - the heaviest path from a version's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The launch summary says "up to N messages per entry" and the launch
 * estimate gives the most a thousand entries can cost. Both ask the same
 * question of the graph: over the paths from the entry point, what is the
 * largest sum of some per-element weight? A loop can be taken any number
 * of times, which would make every answer infinite, so each loop counts
 * once: the strongly connected parts of the graph are folded into single
 * nodes weighing the sum of their elements, and the answer is the heaviest
 * path through the resulting acyclic graph.
 */
#pragma once

#include "wm-version.h"

G_BEGIN_DECLS

/* Fills @weights (@n_weights of them) for @element. */
typedef void (*WmPathWeightFunc) (WmElement *element,
                                  guint64   *weights,
                                  gpointer   user_data);

/* For each of @n_weights weights, the largest sum along one path from the
 * entry point of @version (loops counted once), into @maxima. Each weight
 * is maximised on its own, so two maxima may come from different paths.
 * All zero when the version has no single entry point. Connections naming
 * a missing element are ignored; of two elements sharing an id the first
 * counts. */
void wm_path_maxima (WmVersion        *version,
                     guint             n_weights,
                     WmPathWeightFunc  func,
                     gpointer          user_data,
                     guint64          *maxima);

G_END_DECLS
