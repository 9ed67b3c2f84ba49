/* wm-time.c - timestamps, durations, clock times, day lists and zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parsers here sit on the simulator's hot path (millions of event
 * timestamps), so they read bytes directly: no allocation, no GDateTime, no
 * locale.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "wm-time.h"

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* ---------------------------------------------------------------------- */
/* Civil calendar arithmetic                                              */
/* ---------------------------------------------------------------------- */

/* Floor division and modulo for a positive divisor. */
static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b) != 0 && (a < 0))
    q--;
  return q;
}

static inline gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static inline int
days_in_month (int year,
               int month)
{
  static const guint8 lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;
  return lengths[month - 1];
}

/* The proleptic Gregorian calendar repeats every 400 years (146097 days).
 * Counting years from March makes the leap day the last day of a "year", so
 * the day of the year follows from the month by a linear formula. */
gint64
wm_days_from_civil (int year,
                    int month,
                    int day)
{
  gint64 y = (gint64) year - (month <= 2 ? 1 : 0);
  gint64 era = floor_div (y, 400);
  gint64 year_of_era = y - era * 400;                              /* 0..399 */
  gint64 march_month = month > 2 ? month - 3 : month + 9;         /* 0..11 */
  gint64 day_of_year = (153 * march_month + 2) / 5 + day - 1;     /* 0..365 */
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4
                      - year_of_era / 100 + day_of_year;           /* 0..146096 */

  /* 719468 days separate 0000-03-01 from 1970-01-01. */
  return era * 146097 + day_of_era - 719468;
}

void
wm_civil_from_days (gint64  days,
                    int    *year,
                    int    *month,
                    int    *day)
{
  gint64 z = days + 719468;
  gint64 era = floor_div (z, 146097);
  gint64 day_of_era = z - era * 146097;                            /* 0..146096 */
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
                        - day_of_era / 146096) / 365;              /* 0..399 */
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4
                                     - year_of_era / 100);         /* 0..365 */
  gint64 march_month = (5 * day_of_year + 2) / 153;                /* 0..11 */
  gint64 d = day_of_year - (153 * march_month + 2) / 5 + 1;        /* 1..31 */
  gint64 m = march_month < 10 ? march_month + 3 : march_month - 9; /* 1..12 */
  gint64 y = year_of_era + era * 400 + (m <= 2 ? 1 : 0);

  if (year)
    *year = (int) y;
  if (month)
    *month = (int) m;
  if (day)
    *day = (int) d;
}

/* ---------------------------------------------------------------------- */
/* Timestamps, dates, durations, clock times, days                        */
/* ---------------------------------------------------------------------- */

/* Reads exactly @n ASCII digits at @p. */
static inline gboolean
read_digits (const char *p,
             int         n,
             int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* "YYYY-MM-DD" at @p (10 bytes available), year 0001..9999. */
static gboolean
read_date (const char *p,
           int        *year,
           int        *month,
           int        *day)
{
  int y, m, d;

  if (!read_digits (p, 4, &y) || p[4] != '-'
      || !read_digits (p + 5, 2, &m) || p[7] != '-'
      || !read_digits (p + 8, 2, &d))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month (y, m))
    return FALSE;
  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

/* The year range applies to the date as written, and the resulting instant
 * must also lie within WM_TIME_MIN..WM_TIME_MAX: so
 * 0001-01-01T00:30:00+01:00 (0000-12-31T23:30:00Z) and
 * 9999-12-31T23:30:00-01:00 (10000-01-01T00:30:00Z) are rejected. Every
 * accepted timestamp can then be formatted back. */
gboolean
wm_timestamp_parse (const char *text,
                    gssize      len,
                    gint64     *out)
{
  const char *p, *end;
  int year, month, day, hour, minute, second;
  gint64 offset = 0;
  gint64 t;

  g_return_val_if_fail (text != NULL, FALSE);

  if (len < 0)
    len = strlen (text);
  end = text + len;
  p = text;

  /* "YYYY-MM-DDTHH:MM:SS" is 19 bytes and at least "Z" follows. */
  if (len < 20)
    return FALSE;
  if (!read_date (p, &year, &month, &day))
    return FALSE;
  if (p[10] != 'T' && p[10] != 't')
    return FALSE;
  if (!read_digits (p + 11, 2, &hour) || p[13] != ':'
      || !read_digits (p + 14, 2, &minute) || p[16] != ':'
      || !read_digits (p + 17, 2, &second))
    return FALSE;
  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;
  p += 19;

  /* A fraction is dropped: instants are whole seconds. */
  if (p < end && *p == '.')
    {
      const char *digits = ++p;

      while (p < end && *p >= '0' && *p <= '9')
        p++;
      if (p == digits)
        return FALSE;
    }

  if (p == end)
    return FALSE;
  if (*p == 'Z' || *p == 'z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      int oh, om;

      if (end - p < 6 || !read_digits (p + 1, 2, &oh) || p[3] != ':'
          || !read_digits (p + 4, 2, &om) || oh > 23 || om > 59)
        return FALSE;
      offset = (gint64) oh * 3600 + om * 60;
      if (*p == '-')
        offset = -offset;
      p += 6;
    }
  else
    return FALSE;

  if (p != end)
    return FALSE;

  t = wm_days_from_civil (year, month, day) * SECONDS_PER_DAY
      + hour * 3600 + minute * 60 + second - offset;
  if (t < WM_TIME_MIN || t > WM_TIME_MAX)
    return FALSE;
  if (out)
    *out = t;
  return TRUE;
}

static inline void
put_digits (char *p,
            int   n,
            int   value)
{
  for (int i = n - 1; i >= 0; i--)
    {
      p[i] = (char) ('0' + value % 10);
      value /= 10;
    }
}

char *
wm_timestamp_format (gint64  t,
                     char   *buf)
{
  gint64 days, sod;
  int year, month, day;

  g_return_val_if_fail (buf != NULL, NULL);
  g_return_val_if_fail (t >= WM_TIME_MIN && t <= WM_TIME_MAX, NULL);

  days = floor_div (t, SECONDS_PER_DAY);
  sod = t - days * SECONDS_PER_DAY;
  wm_civil_from_days (days, &year, &month, &day);

  put_digits (buf, 4, year);
  buf[4] = '-';
  put_digits (buf + 5, 2, month);
  buf[7] = '-';
  put_digits (buf + 8, 2, day);
  buf[10] = 'T';
  put_digits (buf + 11, 2, (int) (sod / 3600));
  buf[13] = ':';
  put_digits (buf + 14, 2, (int) (sod / 60 % 60));
  buf[16] = ':';
  put_digits (buf + 17, 2, (int) (sod % 60));
  buf[19] = 'Z';
  buf[20] = '\0';
  return buf;
}

/* Dates share the timestamp year range 0001..9999. */
gboolean
wm_date_parse (const char *text,
               int        *year,
               int        *month,
               int        *day)
{
  int y, m, d;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || !read_date (text, &y, &m, &d))
    return FALSE;
  if (year)
    *year = y;
  if (month)
    *month = m;
  if (day)
    *day = d;
  return TRUE;
}

gboolean
wm_duration_parse (const char *text,
                   gint64     *out)
{
  gint64 value = 0;
  gint64 unit;
  const char *p = text;
  int n = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  while (*p >= '0' && *p <= '9')
    {
      if (++n > 6)
        return FALSE;
      value = value * 10 + (*p - '0');
      p++;
    }
  if (n == 0)
    return FALSE;

  switch (*p)
    {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = SECONDS_PER_DAY; break;
    case 'w': unit = 7 * SECONDS_PER_DAY; break;
    default: return FALSE;
    }
  if (p[1] != '\0')
    return FALSE;

  value *= unit;
  if (value > 366 * SECONDS_PER_DAY)
    return FALSE;
  if (out)
    *out = value;
  return TRUE;
}

/* One "N unit" phrase; the plural forms are literal so xgettext sees them. */
static void
append_unit (GString *out,
             guint    unit,
             gint64   n)
{
  /* Durations stay far below G_MAXINT units; absurd inputs are clamped rather
   * than wrapped. */
  int v = (int) MIN (n, (gint64) G_MAXINT);
  gulong c = (gulong) v;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  switch (unit)
    {
    case 0:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", c), v);
      break;
    case 1:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", c), v);
      break;
    case 2:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", c), v);
      break;
    case 3:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", c), v);
      break;
    default:
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", c), v);
      break;
    }
}

/* Weeks, days, hours, minutes and seconds, largest first, zero parts left
 * out ("1 week 2 days", "1 hour 30 minutes"); 0 is "0 seconds". */
char *
wm_duration_describe (gint64 seconds)
{
  static const gint64 sizes[] = { 7 * SECONDS_PER_DAY, SECONDS_PER_DAY, 3600, 60, 1 };
  GString *out;
  gint64 rest = seconds;

  g_return_val_if_fail (seconds >= 0, NULL);

  out = g_string_new (NULL);
  if (seconds == 0)
    append_unit (out, 4, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gint64 n = rest / sizes[i];

      if (n == 0)
        continue;
      rest -= n * sizes[i];
      append_unit (out, i, n);
    }
  return g_string_free (out, FALSE);
}

gboolean
wm_clock_parse (const char *text,
                int        *out)
{
  int h, m;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!read_digits (text, 2, &h) || text[2] != ':'
      || !read_digits (text + 3, 2, &m) || text[5] != '\0')
    return FALSE;
  if (h > 23 || m > 59)
    return FALSE;
  if (out)
    *out = h * 60 + m;
  return TRUE;
}

gboolean
wm_day_parse (const char *text,
              guint      *bit)
{
  static const char names[7][4] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < 7; i++)
    if (strcmp (text, names[i]) == 0)
      {
        if (bit)
          *bit = 1u << i;
        return TRUE;
      }
  return FALSE;
}
