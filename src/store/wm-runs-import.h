/* wm-runs-import.h - results made elsewhere stored as a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-run-import.h"
#include "wm-runs.h"

G_BEGIN_DECLS

/* Checks @import against the workspace's flows (wm_run_import_check:
 * results made for other versions are refused, G_IO_ERROR_INVALID_DATA)
 * and stores it as a run with its origin, no profile file, and each flow at
 * the version tried alone or the newest the report has figures for.
 * Returns the run's id, or 0 with an error; nothing is stored then. */
gint64 wm_workspace_add_imported_run (WmWorkspace       *self,
                                      const WmRunImport *import,
                                      GError           **error);

G_END_DECLS
