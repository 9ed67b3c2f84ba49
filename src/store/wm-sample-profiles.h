/* wm-sample-profiles.h - sample profiles for the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WM_SAMPLE_PROFILES_COUNT 2000

/* @count profiles as JSON Lines (simulation.md, Profiles), the same bytes
 * for the same @created_at and @count: Croatian, Slovenian, Austrian and
 * German customers with names, e-mail, phone, country, city, time zone,
 * some with an appointment date in the month after @created_at, and the
 * events of the month before it that the sample flows react to (SignedUp,
 * CartAbandoned with cart_value, PurchaseFinished with amount,
 * AppointmentBooked, inbound.sms with number and text). */
char     *wm_sample_profiles_generate (gint64       created_at,
                                       guint        count,
                                       gsize       *length);
/* Writes them to @path with mode 0600. */
gboolean  wm_sample_profiles_write    (const char  *path,
                                       gint64       created_at,
                                       guint        count,
                                       GError     **error);

G_END_DECLS
