/* wm-launch-estimate.h - what a thousand entries may cost, before launch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The launch dialog gives a price tag without running a simulation: the
 * cost of the most expensive path from the entry point (each loop counted
 * once, as the message counts of wm-launch-summary.h), for 1,000 entries,
 * at the prices of @params (the dialog passes the defaults table). Every
 * message counts as delivered and paid, as the simulator charges it:
 * send.* elements at their channel's price (an SMS once per segment of its
 * literal text), notify.internal at the price of its channel.
 */
#pragma once

#include "wm-params.h"
#include "wm-version.h"

G_BEGIN_DECLS

/* The most 1,000 entries into @version can cost, in micro-units. */
gint64  wm_launch_estimate_cost     (WmVersion      *version,
                                     const WmParams *params);

/* "Up to 22.5 per 1,000 entries at default prices", the amount written as
 * the report writes money (wm_money_format). */
char   *wm_launch_estimate_describe (gint64          micro);

G_END_DECLS
