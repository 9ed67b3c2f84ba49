/* wm-params-table.h - the run parameters as an editable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The channels as rows and their parameters as columns (price per
 * message, delivered, opened and clicked rates, and the mean delays in
 * seconds; a channel without opens or clicks has no cell there), then
 * api_success. It starts with the defaults table (simulation.md, Run
 * parameters).
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-params.h"

G_BEGIN_DECLS

#define WM_TYPE_PARAMS_TABLE (wm_params_table_get_type ())
G_DECLARE_FINAL_TYPE (WmParamsTable, wm_params_table, WM, PARAMS_TABLE, GtkWidget)

GtkWidget *wm_params_table_new          (void);

/* Shows @params in the cells. */
void       wm_params_table_set_params   (WmParamsTable  *self,
                                         const WmParams *params);
/* Writes @text into the cell of @key ("price", "delivery", "open",
 * "click", "delivery_delay", "open_delay", "click_delay") of @channel
 * ("sms", ...), or of api_success when @channel is NULL. FALSE when there
 * is no such cell. */
gboolean   wm_params_table_set_cell     (WmParamsTable  *self,
                                         const char     *channel,
                                         const char     *key,
                                         const char     *text);
/* Reads the cells into @params and returns them as a parameters document
 * (every parameter), or NULL with an error naming the cell or the key. */
char      *wm_params_table_get_document (WmParamsTable  *self,
                                         WmParams       *params,
                                         GError        **error);

G_END_DECLS
