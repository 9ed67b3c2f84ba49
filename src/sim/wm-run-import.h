/* wm-run-import.h - results made elsewhere, read to be stored as a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run can be simulated outside the app (`waymark-cli simulate`, GNU
 * parallel, a Slurm cluster) and its results brought in: either one merged
 * report (`waymark.report`) or a set of partial results (`waymark.partial`),
 * merged on reading exactly as `waymark-cli merge` would. Partials carry
 * the run's inputs (each flow's file, window, seed, parameters), a report
 * only its figures.
 *
 * Before storing, the results are checked against the flows as the
 * workspace holds them: results made for other versions are refused. With
 * partials the check is exact: each version the report has figures for
 * must have the same elements, fields, connections and settings as the
 * stored one (positions aside: they do not change what happens). A report
 * alone says only which elements each version had, so that is what is
 * compared.
 */
#pragma once

#include "wm-flow.h"

G_BEGIN_DECLS

typedef struct
{
  char     *flow_id;
  char     *name;       /* as the report names it */
  guint    *versions;   /* the versions the report has figures for, ascending */
  guint     n_versions;
  guint     tried;      /* the version simulated alone (--try), or 0 */
  char     *document;   /* the flow file as simulated (canonical); NULL from a report */
} WmRunImportFlow;

typedef struct
{
  char      *origin;    /* where it came from, in words, naming the files */
  char      *report;    /* the report text, exactly as `waymark-cli` writes it */
  gboolean   from_partials;
  gint64     start;     /* the window, whole UTC seconds */
  gint64     end;
  guint64    seed;
  char      *params;    /* the run parameters (JSON); NULL from a report */
  GPtrArray *flows;     /* WmRunImportFlow, by flow id */
} WmRunImport;

/* The flow @flow_id as the workspace holds it (a new reference), or NULL
 * when it has no such flow. */
typedef WmFlow *(*WmRunImportLookup) (const char *flow_id,
                                      gpointer    user_data);

/* Reads one report, or one or more partial results (merged). Fails with a
 * message naming the file and what is wrong: not a report nor a partial,
 * a report given with other files, partials that do not belong together. */
WmRunImport *wm_run_import_read   (const char * const *paths,
                                   GError            **error);
/* Fails (G_IO_ERROR_INVALID_DATA) naming the flow and version when the
 * results were made for a flow the workspace does not have, or for other
 * versions than those it holds. */
gboolean     wm_run_import_check  (const WmRunImport  *import,
                                   WmRunImportLookup   lookup,
                                   gpointer            user_data,
                                   GError            **error);
void         wm_run_import_free   (WmRunImport        *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmRunImport, wm_run_import_free)

G_END_DECLS
