/* wm-run-page.h - the flow performance page of a stored simulation run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a run did, for one flow and version of it (or `all` versions): the
 * overall figures, the channel and element tables (sortable), charts of the
 * monthly engaged persons, the milestone funnel and the outcomes, each with
 * the same figures as a table; the milestones and outcomes report; and a
 * comparison with another stored run. Every number is read from the stored
 * report, which is the one the command line writes for the same inputs.
 *
 * Actions (group "run"): back [Escape, Alt+Left] emits ::back;
 * export ("s": "json", "csv" or "xlsx") asks where with a file chooser.
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_RUN_PAGE (wm_run_page_get_type ())
G_DECLARE_FINAL_TYPE (WmRunPage, wm_run_page, WM, RUN_PAGE, GtkWidget)

GtkWidget *wm_run_page_new          (void);

void       wm_run_page_set_workspace (WmRunPage   *self,
                                      WmWorkspace *workspace);
/* Reads run @id from the workspace and shows its first flow. */
gboolean   wm_run_page_show_run     (WmRunPage   *self,
                                     gint64       id,
                                     GError     **error);
/* The run shown, or 0. */
gint64     wm_run_page_get_run_id   (WmRunPage   *self);
/* Shows flow @flow_id of the run, version @version (0: all versions). */
gboolean   wm_run_page_select_flow  (WmRunPage   *self,
                                     const char  *flow_id,
                                     guint        version,
                                     GError     **error);
/* Compares the shown flow and version with the same of run @other_id
 * (0: no comparison) and shows the differences. */
gboolean   wm_run_page_compare_with (WmRunPage   *self,
                                     gint64       other_id,
                                     GError     **error);

/* Compares the shown flow and version with version @version of the same
 * flow in the same run (for example the launched version and the draft
 * tried with it). */
gboolean   wm_run_page_compare_with_version (WmRunPage *self,
                                             guint      version,
                                             GError   **error);

/* The exports behind the file choosers: the report as the command line
 * writes it (--report), the tables as CSV files in @dir (--csv) and as an
 * XLSX workbook (--xlsx). */
gboolean   wm_run_page_export_json  (WmRunPage   *self,
                                     const char  *path,
                                     GError     **error);
gboolean   wm_run_page_export_csv   (WmRunPage   *self,
                                     const char  *dir,
                                     GError     **error);
gboolean   wm_run_page_export_xlsx  (WmRunPage   *self,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
