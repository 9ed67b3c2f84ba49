/* wm-money.h - money in whole micro-units, and report number formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Run parameters and Report: a price or goal value is
 * rounded to whole micro-units from the exact value of its double, halfway
 * cases away from zero, and all sums are exact integers. Money is written as
 * micro-units / 1,000,000 with at most six decimals, percentages (basis
 * points) with at most two, trailing zeros dropped: 7.5, 0.0008, 12, -3.25.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WM_MONEY_MICRO 1000000

/* The largest magnitude accepted: 9e12 units, so that sums of many such
 * values still fit a gint64 of micro-units for any realistic run. */
#define WM_MONEY_MAX 9e12

/* Rounds @value to whole micro-units from its exact binary value, halfway
 * away from zero (5e-07, just below half a micro-unit as a double, is 0).
 * FALSE when @value is not finite or its magnitude exceeds WM_MONEY_MAX. */
gboolean  wm_money_from_double     (double      value,
                                    gint64     *micro);

/* Writes @micro as money text ("7.5", "0.0008", "12", "-3.25") into @buf
 * (at least 32 bytes); returns @buf. */
char     *wm_money_format          (gint64      micro,
                                    char       *buf);
void      wm_money_append          (GString    *out,
                                    gint64      micro);

/* round(10000 * n / total) half up, in basis points; 0 when @total is 0.
 * @n and @total are counts (n <= total is not required). */
gint64    wm_basis_points          (guint64     n,
                                    guint64     total);

/* @num / @den rounded half up to an integer (mean_success_seconds); 0 when
 * @den is 0. @num >= 0. */
guint64   wm_div_round_half_up     (guint64     num,
                                    guint64     den);

/* Writes basis points as a percentage with at most two decimals
 * (1234 -> "12.34", 1250 -> "12.5", 10000 -> "100") into @buf (at least 32
 * bytes); returns @buf. */
char     *wm_percent_format        (gint64      basis_points,
                                    char       *buf);

G_END_DECLS
