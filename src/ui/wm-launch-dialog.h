/* wm-launch-dialog.h - the last look before a flow goes live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window over the editor. It validates the flow first: with
 * errors, Launch is off and the errors are listed, each one a link that
 * emits ::diagnostic-activated and closes (the editor then shows the
 * element). Without errors it says in plain words who will enter, how
 * often, when, the goal, the channels with messages per entry and an
 * estimated cost. The schedule is chosen here (start now or at a date and
 * time in the flow's time zone; end on a date, after 90 days or never).
 * Launch Now, Schedule and Keep as Draft; after a launch it emits
 * ::launched with a sentence for a toast and closes; a refusal from the
 * workspace is shown in the dialog. Escape closes.
 */
#pragma once

#include <adwaita.h>

#include "wm-workspace.h"

G_BEGIN_DECLS

#define WM_TYPE_LAUNCH_DIALOG (wm_launch_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmLaunchDialog, wm_launch_dialog, WM, LAUNCH_DIALOG, AdwWindow)

/* For the latest version (a draft) of @flow, as saved in @workspace. The
 * dialog works on a copy of @flow. */
GtkWidget  *wm_launch_dialog_new            (GtkWindow      *parent,
                                             WmWorkspace    *workspace,
                                             WmFlow         *flow);

/* Chooses "at a date and time" with @start (UTC seconds), shown in the
 * flow's time zone. */
void        wm_launch_dialog_set_start      (WmLaunchDialog *self,
                                             gint64          start);
/* Chooses the end: @end (UTC seconds), or with @has_end FALSE 90 days or
 * (@indefinite) never. */
void        wm_launch_dialog_set_end        (WmLaunchDialog *self,
                                             gboolean        has_end,
                                             gint64          end,
                                             gboolean        indefinite);

/* The errors that block the launch with the current choices. */
guint       wm_launch_dialog_get_n_errors   (WmLaunchDialog *self);
/* The message shown in the dialog (a refusal), or NULL. */
const char *wm_launch_dialog_get_message    (WmLaunchDialog *self);

/* What Launch Now and Schedule do; FALSE with the reason shown in the
 * dialog. */
gboolean    wm_launch_dialog_launch_now     (WmLaunchDialog *self);
gboolean    wm_launch_dialog_schedule       (WmLaunchDialog *self);

G_END_DECLS
