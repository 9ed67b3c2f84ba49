/* wm-sim-partial.h - partial results: simulate parts anywhere, merge exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Splitting a run. A partial result (`waymark.partial`)
 * holds the run's inputs (flow and journey documents, parameters, catalog,
 * window, seed, tried versions) and every count behind the report: the
 * counters as the program lays them out, integer micro-units for money,
 * unique-profile counts (parts are id-disjoint, so they add), the sums
 * behind every mean and percentage, every distinct outcome path with its
 * count, and engaged persons per month. Its size depends on the flows and
 * the distinct outcome paths, never on the number of profiles. Merging
 * rebuilds the program from the embedded inputs and adds the counts up, so
 * the report is exactly the one a single run would write.
 */
#pragma once

#include "wm-simulation.h"

G_BEGIN_DECLS

#define WM_SIM_PARTIAL_FORMAT_VERSION 1

/* Writes the partial result of a run to @path (a temporary name, then
 * renamed). */
gboolean  wm_sim_partial_write  (const WmSimInputs  *inputs,
                                 const WmSimResult  *result,
                                 const char         *path,
                                 GError            **error);

typedef struct
{
  WmSimInputs   inputs;     /* rebuilt from the first partial */
  GPtrArray    *flows;      /* WmFlow*, owned */
  GPtrArray    *journeys;   /* WmJourney*, owned */
  WmSimProgram *program;
  JsonNode     *report;
  WmSimWorker  *results;
  guint64       profiles;
  guint64       events;
  guint64       rejected_lines;
} WmSimMerge;

/* Reads @paths and adds them up. Fails (WM_SIM_ERROR_USAGE, exit 2) naming
 * the file and what is wrong: not a partial result, truncated, another
 * format version, made with other inputs than the first (which flow or
 * journey, which parameter), or the same file given twice. */
WmSimMerge *wm_sim_merge         (const char * const *paths,
                                  GError            **error);
void        wm_sim_merge_free    (WmSimMerge         *merge);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSimMerge, wm_sim_merge_free)

G_END_DECLS
