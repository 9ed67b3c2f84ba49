/* wm-money.c - money in whole micro-units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-money.h"

/* x * 10^6 is not exact in doubles, so the rounding is done on the exact
 * binary value: x = m * 2^e with an integer m < 2^53, hence
 * x * 10^6 = m * 10^6 * 2^e, an integer (m * 10^6 < 2^73) scaled by a power
 * of two. With 128-bit integers that scaling and its rounding are exact. */
gboolean
wm_money_from_double (double  value,
                      gint64 *micro)
{
  unsigned __int128 n;
  unsigned __int128 q;
  int exp2;
  double frac;
  guint64 m;
  gboolean negative;

  g_return_val_if_fail (micro != NULL, FALSE);

  if (!isfinite (value) || fabs (value) > WM_MONEY_MAX)
    return FALSE;
  negative = value < 0;
  frac = frexp (fabs (value), &exp2);    /* |value| = frac * 2^exp2 */
  m = (guint64) ldexp (frac, 53);        /* exact: frac has 53 bits */
  exp2 -= 53;                            /* |value| = m * 2^exp2 */
  n = (unsigned __int128) m * WM_MONEY_MICRO;

  if (exp2 >= 0)
    q = n << exp2;                       /* exp2 is small: |value| <= 9e12 */
  else if (exp2 <= -120)
    q = 0;                               /* n < 2^73: below half a unit */
  else
    {
      unsigned __int128 half = (unsigned __int128) 1 << (-exp2 - 1);
      unsigned __int128 rem;

      q = n >> -exp2;
      rem = n - (q << -exp2);
      if (rem >= half)                   /* halfway: away from zero */
        q++;
    }
  *micro = negative ? -(gint64) q : (gint64) q;
  return TRUE;
}

char *
wm_money_format (gint64  micro,
                 char   *buf)
{
  guint64 mag;
  guint64 whole;
  guint64 frac;
  char *p = buf;

  g_return_val_if_fail (buf != NULL, NULL);

  mag = micro < 0 ? (guint64) 0 - (guint64) micro : (guint64) micro;
  whole = mag / WM_MONEY_MICRO;
  frac = mag % WM_MONEY_MICRO;
  if (micro < 0)
    *p++ = '-';
  p += g_snprintf (p, 24, "%" G_GUINT64_FORMAT, whole);
  if (frac != 0)
    {
      int digits = 6;

      while (frac % 10 == 0)
        {
          frac /= 10;
          digits--;
        }
      g_snprintf (p, 10, ".%0*" G_GUINT64_FORMAT, digits, frac);
    }
  return buf;
}

void
wm_money_append (GString *out,
                 gint64   micro)
{
  char buf[32];

  g_return_if_fail (out != NULL);

  g_string_append (out, wm_money_format (micro, buf));
}

guint64
wm_div_round_half_up (guint64 num,
                      guint64 den)
{
  if (den == 0)
    return 0;
  /* floor((2 * num + den) / (2 * den)) without overflowing 2 * num. */
  return num / den + ((num % den) * 2 >= den ? 1 : 0);
}

gint64
wm_basis_points (guint64 n,
                 guint64 total)
{
  return (gint64) wm_div_round_half_up (n * 10000, total);
}

char *
wm_percent_format (gint64  basis_points,
                   char   *buf)
{
  guint64 mag;
  guint64 frac;
  char *p = buf;

  g_return_val_if_fail (buf != NULL, NULL);

  mag = basis_points < 0 ? (guint64) 0 - (guint64) basis_points : (guint64) basis_points;
  if (basis_points < 0)
    *p++ = '-';
  p += g_snprintf (p, 24, "%" G_GUINT64_FORMAT, mag / 100);
  frac = mag % 100;
  if (frac != 0)
    {
      if (frac % 10 == 0)
        g_snprintf (p, 4, ".%" G_GUINT64_FORMAT, frac / 10);
      else
        g_snprintf (p, 4, ".%02" G_GUINT64_FORMAT, frac);
    }
  return buf;
}
