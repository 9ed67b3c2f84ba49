/* wm-journey-customers.h - the customers in one state of a journey stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Who is stuck at Onboarded?": the report counts the customers in each
 * state of a stage at the run's end (journeys.md, Simulation) but keeps no
 * names. Profiles never interact, so simulating each one alone with the
 * run's program finds exactly the customers behind each count, and nothing
 * needs to be stored for runs no one asks about.
 */
#pragma once

#include <gio/gio.h>

#include "wm-sim-program.h"

G_BEGIN_DECLS

/* A stage's state for one customer at the run's end: the report's
 * `waiting`, `on_track`, `behind`, `stuck`, `completed_on_time` and
 * `completed_late`. */
typedef enum
{
  WM_STAGE_WAITING,
  WM_STAGE_ON_TRACK,
  WM_STAGE_BEHIND,
  WM_STAGE_STUCK,
  WM_STAGE_COMPLETED_ON_TIME,
  WM_STAGE_COMPLETED_LATE,
} WmStageState;

typedef struct
{
  char   *profile_id;
  gint64  since;        /* when it began (or was triggered, for WAITING) */
} WmStageCustomer;

void       wm_stage_customer_free    (WmStageCustomer     *c);

/* Streams @profiles_path, simulates each profile with @program and lists
 * the customers whose stage @stage_id of journey @journey_id is in @state
 * at the run's end, in file order, at most @limit; *@n_total (may be NULL)
 * gets how many there are in all. Runs in a thread; @program must stay
 * alive until @callback runs. An unknown journey or stage fails with
 * WM_SIM_ERROR_USAGE, an unreadable file with its reader's error, a
 * cancelled scan with G_IO_ERROR_CANCELLED. */
void       wm_stage_customers_async  (const WmSimProgram  *program,
                                      const char          *profiles_path,
                                      const char          *journey_id,
                                      const char          *stage_id,
                                      WmStageState         state,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* The WmStageCustomers (free func set), or NULL with @error set. */
GPtrArray *wm_stage_customers_finish (GAsyncResult        *result,
                                      guint               *n_total,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmStageCustomer, wm_stage_customer_free)

G_END_DECLS
