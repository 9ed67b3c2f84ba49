/* wm-stage-customer-list.h - the customers stuck (or behind, or waiting) in a stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Below a journey's results: which customers a stage's "stuck" count is
 * made of, found by simulating the run's profiles again
 * (wm-journey-customers.h) with a spinner while it scans, at most the
 * first 200 with the total said in words. Activating a customer activates
 * win.show-customer (run id, profile id), which opens their timeline.
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-journey-customers.h"

G_BEGIN_DECLS

#define WM_TYPE_STAGE_CUSTOMER_LIST (wm_stage_customer_list_get_type ())
G_DECLARE_FINAL_TYPE (WmStageCustomerList, wm_stage_customer_list, WM, STAGE_CUSTOMER_LIST, GtkWidget)

/* At most this many customers are listed. */
#define WM_STAGE_CUSTOMER_LIST_LIMIT 200

/* Compiles the run's program, or NULL with an error. */
typedef WmSimProgram *(*WmStageCustomerListProgramFunc) (gpointer   user_data,
                                                         GError   **error);

GtkWidget *wm_stage_customer_list_new        (void);

/* The run whose customers are listed (see wm_journey_results_set_customers_source()). */
void       wm_stage_customer_list_set_source (WmStageCustomerList           *self,
                                              gint64                         run_id,
                                              const char                    *profiles_path,
                                              WmStageCustomerListProgramFunc make_program,
                                              gpointer                       user_data,
                                              GDestroyNotify                 destroy);

/* Lists the stuck customers of stage @stage_id (named @stage_name) of
 * journey @journey_id, and shows the list. */
void       wm_stage_customer_list_show       (WmStageCustomerList *self,
                                              const char          *journey_id,
                                              const char          *stage_id,
                                              const char          *stage_name);
/* Lists those in @state instead (stuck, behind or waiting). */
void       wm_stage_customer_list_set_state  (WmStageCustomerList *self,
                                              WmStageState         state);
WmStageState wm_stage_customer_list_get_state (WmStageCustomerList *self);
/* Stops a scan and hides the list. */
void       wm_stage_customer_list_clear      (WmStageCustomerList *self);
/* Whether a scan is running. */
gboolean   wm_stage_customer_list_is_busy    (WmStageCustomerList *self);

G_END_DECLS
