/* wm-run-dialog.h - running a simulation of the open flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window over the editor with the run's inputs: the profile file
 * (JSON Lines or CSV; the sample workspace's file preselected), the window
 * (a start and an end day, the month before today by default), the seed,
 * the flows that take part (the open flow's version, tried alone as if
 * launched at the start, and every flow its add.to.flow elements reach),
 * the journeys that take part (switches; on for those grouping a flow of
 * the run), and the run parameters in an editable table, remembered per
 * workspace.
 * Bad inputs are named in the dialog and nothing is stored. Run simulates
 * in worker threads with a progress bar; Cancel Run stops it with nothing
 * stored. A finished run is stored in the workspace and ::run-stored
 * emitted; the dialog then closes, or, when profile lines were rejected,
 * lists them (line and reason; a CSV file's rows counted as an import
 * report). Escape closes (and cancels a run).
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_RUN_DIALOG (wm_run_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmRunDialog, wm_run_dialog, WM, RUN_DIALOG, AdwWindow)

/* For version @version of flow @flow_id as saved in @workspace (save
 * pending edits first). */
GtkWidget          *wm_run_dialog_new               (GtkWindow    *parent,
                                                     WmWorkspace  *workspace,
                                                     const char   *flow_id,
                                                     guint         version);

void                wm_run_dialog_set_profiles_path (WmRunDialog  *self,
                                                     const char   *path);
const char         *wm_run_dialog_get_profiles_path (WmRunDialog  *self);
/* Selects the UTC days of @start and of @end - 1 second: the window then
 * is [@start's day 00:00, the day after @end's last second 00:00). */
void                wm_run_dialog_set_window        (WmRunDialog  *self,
                                                     gint64        start,
                                                     gint64        end);
/* The window the chosen days give; FALSE when the end day is before the
 * start day. */
gboolean            wm_run_dialog_get_window        (WmRunDialog  *self,
                                                     gint64       *start,
                                                     gint64       *end);
void                wm_run_dialog_set_seed          (WmRunDialog  *self,
                                                     guint64       seed);
/* Writes @text into the table cell of @key ("price", "delivery", "open",
 * "click", "delivery_delay", "open_delay", "click_delay") of @channel
 * ("sms", ...), or into api_success when @channel is NULL. FALSE when
 * there is no such cell. */
gboolean            wm_run_dialog_set_parameter     (WmRunDialog  *self,
                                                     const char   *channel,
                                                     const char   *key,
                                                     const char   *text);
/* The parameters document the table gives (every parameter), or NULL
 * with the reason. */
char               *wm_run_dialog_get_parameters    (WmRunDialog  *self,
                                                     GError      **error);
/* What Reset does: the defaults table. */
void                wm_run_dialog_reset_parameters  (WmRunDialog  *self);

/* For journey @journey_id as saved in @workspace: every flow its stages
 * group, each one's latest version tried alone, with the flows they
 * reach; the journey is switched on. */
GtkWidget          *wm_run_dialog_new_for_journey   (GtkWindow    *parent,
                                                     WmWorkspace  *workspace,
                                                     const char   *journey_id);

/* Switches on the journeys of @journey_ids (NULL: none) and off every
 * other; ids the workspace does not have are left out. */
void                wm_run_dialog_set_journeys      (WmRunDialog        *self,
                                                     const char * const *journey_ids);
/* The ids of the journeys switched on, in the list's order. */
const char * const *wm_run_dialog_get_journey_ids   (WmRunDialog  *self);

/* The ids of the flows that take part, the open flow first. */
const char * const *wm_run_dialog_get_flow_ids      (WmRunDialog  *self);
/* The validation errors listed, of flows and of journeys switched on
 * (they block the run). */
guint               wm_run_dialog_get_n_errors      (WmRunDialog  *self);
/* The message shown (why the inputs were refused, or that a run was
 * cancelled), or NULL. */
const char         *wm_run_dialog_get_message       (WmRunDialog  *self);

/* What Run does: checks the inputs and starts the run; FALSE with the
 * reason shown when they are refused. */
gboolean            wm_run_dialog_run               (WmRunDialog  *self);
gboolean            wm_run_dialog_is_running        (WmRunDialog  *self);
/* What Cancel Run does. */
void                wm_run_dialog_cancel            (WmRunDialog  *self);
/* The run stored by this dialog, or 0. */
gint64              wm_run_dialog_get_run_id        (WmRunDialog  *self);
/* Whether a CSV file's rows are being counted again for the import
 * report (more rows were rejected than the run lists). */
gboolean            wm_run_dialog_is_counting       (WmRunDialog  *self);
/* The rows of the rejected lines' list. */
guint               wm_run_dialog_get_n_rejected    (WmRunDialog  *self);

G_END_DECLS
