/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-time.c - timestamps, durations, clock times, days and zones
 *
 * Every expected instant is worked out by hand in the comment next to it.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib.h>

#include "wm-time.h"

/* 2026-01-01T00:00:00Z: 56 years after 1970 with 14 leap days
 * (1972..2024) = 20454 days = 1767225600 s. */
#define JAN_1_2026 G_GINT64_CONSTANT (1767225600)
#define HOUR 3600
#define DAY 86400

static gint64
ts (const char *text)
{
  gint64 t = G_MININT64;

  if (!wm_timestamp_parse (text, -1, &t))
    g_error ("expected %s to parse", text);
  return t;
}

static void
test_civil_days (void)
{
  int y, m, d;

  g_assert_cmpint (wm_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (wm_days_from_civil (1969, 12, 31), ==, -1);
  /* 2000-01-01 is day 10957 (30 years, 7 leap days); +31 (Jan) +29 (Feb). */
  g_assert_cmpint (wm_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (wm_days_from_civil (2026, 1, 1), ==, 20454);
  /* WM_TIME_MIN / 86400 */
  g_assert_cmpint (wm_days_from_civil (1, 1, 1), ==, -719162);

  wm_civil_from_days (11016, &y, &m, &d);
  g_assert_cmpint (y, ==, 2000);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (d, ==, 29);
  wm_civil_from_days (-1, &y, &m, &d);
  g_assert_cmpint (y, ==, 1969);
  g_assert_cmpint (m, ==, 12);
  g_assert_cmpint (d, ==, 31);
  wm_civil_from_days (-719162, &y, &m, &d);
  g_assert_cmpint (y, ==, 1);
  g_assert_cmpint (m, ==, 1);
  g_assert_cmpint (d, ==, 1);

  /* Round trip over a span crossing century rules (1900 not leap, 2000 leap). */
  for (gint64 n = -30000; n < 30000; n++)
    {
      wm_civil_from_days (n, &y, &m, &d);
      g_assert_cmpint (wm_days_from_civil (y, m, d), ==, n);
    }
}

static void
test_timestamp_valid (void)
{
  gint64 t = 0;

  g_assert_cmpint (ts ("1970-01-01T00:00:00Z"), ==, 0);
  g_assert_cmpint (ts ("2026-01-01T00:00:00Z"), ==, JAN_1_2026);
  /* Two days and 09:12 later: 2 * 86400 + 33120. */
  g_assert_cmpint (ts ("2026-01-03T09:12:00Z"), ==, JAN_1_2026 + 2 * DAY + 33120);
  g_assert_cmpint (ts ("2026-01-03t09:12:00z"), ==, JAN_1_2026 + 2 * DAY + 33120);
  g_assert_cmpint (ts ("2026-01-03T10:12:00+01:00"), ==, JAN_1_2026 + 2 * DAY + 33120);
  g_assert_cmpint (ts ("2026-01-03T03:42:00-05:30"), ==, JAN_1_2026 + 2 * DAY + 33120);
  g_assert_cmpint (ts ("2026-01-03T09:12:00+00:00"), ==, JAN_1_2026 + 2 * DAY + 33120);
  g_assert_cmpint (ts ("2026-01-03T09:12:00-00:00"), ==, JAN_1_2026 + 2 * DAY + 33120);
  /* Across midnight: 2026-01-01 23:00 at -23:59 is 2026-01-02T22:59Z. */
  g_assert_cmpint (ts ("2026-01-01T23:00:00-23:59"), ==, JAN_1_2026 + DAY + 22 * HOUR + 59 * 60);

  /* Fractions are dropped. */
  g_assert_cmpint (ts ("1970-01-01T00:00:01.999Z"), ==, 1);
  g_assert_cmpint (ts ("1970-01-01T00:00:01.0Z"), ==, 1);
  g_assert_cmpint (ts ("1970-01-01T00:00:01.123456789123+00:00"), ==, 1);
  g_assert_cmpint (ts ("1969-12-31T23:59:59.5Z"), ==, -1);

  /* 2024-01-01 is day 19723 (54 years, 13 leap days); + 31 + 28 = 19782. */
  g_assert_cmpint (ts ("2024-02-29T00:00:00Z"), ==, G_GINT64_CONSTANT (19782) * DAY);
  g_assert_cmpint (ts ("2000-02-29T12:00:00Z"), ==, G_GINT64_CONSTANT (11016) * DAY + 12 * HOUR);

  g_assert_cmpint (ts ("0001-01-01T00:00:00Z"), ==, WM_TIME_MIN);
  g_assert_cmpint (ts ("9999-12-31T23:59:59Z"), ==, WM_TIME_MAX);
  g_assert_cmpint (ts ("0001-01-01T00:30:00-01:00"), ==, WM_TIME_MIN + 90 * 60);

  /* An explicit length stops before trailing bytes. */
  g_assert_true (wm_timestamp_parse ("1970-01-01T00:00:05Z,\"x\"", 20, &t));
  g_assert_cmpint (t, ==, 5);
  g_assert_true (wm_timestamp_parse ("1970-01-01T00:00:05Z", -1, NULL));
}

static void
test_timestamp_invalid (void)
{
  const char *bad[] = {
    "",
    "2026-01-03",
    "2026-01-03T09:12:00",             /* no offset */
    "2026-01-03 09:12:00Z",            /* space separator */
    "2026-01-03_09:12:00Z",
    "2026-01-03T09:12:00Z ",           /* trailing */
    " 2026-01-03T09:12:00Z",
    "2026-01-03T09:12:00ZZ",
    "2026-01-03T09:12:60Z",            /* leap second */
    "2026-01-03T24:00:00Z",
    "2026-01-03T09:60:00Z",
    "2023-02-29T00:00:00Z",            /* not a leap year */
    "1900-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-01T00:00:00Z",
    "2026-01-00T00:00:00Z",
    "0000-01-01T00:00:00Z",            /* year 0000 */
    "10000-01-01T00:00:00Z",
    "2026-1-03T09:12:00Z",
    "2026-01-03T9:12:00Z",
    "2026-01-03T09:12Z",
    "2026-01-03T09:12:00.Z",           /* a fraction needs a digit */
    "2026-01-03T09:12:00,5Z",
    "2026-01-03T09:12:00+01",
    "2026-01-03T09:12:00+0100",
    "2026-01-03T09:12:00+1:00",
    "2026-01-03T09:12:00+24:00",
    "2026-01-03T09:12:00+01:60",
    "2026-01-03T09:12:00+01:00:00",
    "2026-01-03T09:12:00UTC",
    "+2026-01-03T09:12:00Z",
    "2026-01-03T09:12:00\xef\xbc\xba",
    /* The written date is in range but the instant is not. */
    "0001-01-01T00:30:00+01:00",
    "9999-12-31T23:30:00-01:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 t = 42;

      if (wm_timestamp_parse (bad[i], -1, &t))
        g_error ("\"%s\" should be rejected", bad[i]);
      g_assert_cmpint (t, ==, 42);
    }

  /* A NUL inside the counted text is not skipped. */
  g_assert_false (wm_timestamp_parse ("2026-01-03T09:12:00\0Z", 21, NULL));
  /* A length cutting the offset short. */
  g_assert_false (wm_timestamp_parse ("2026-01-03T09:12:00+01:00", 24, NULL));
}

static void
test_timestamp_format (void)
{
  char buf[21];

  g_assert_cmpstr (wm_timestamp_format (0, buf), ==, "1970-01-01T00:00:00Z");
  g_assert_cmpstr (wm_timestamp_format (-1, buf), ==, "1969-12-31T23:59:59Z");
  g_assert_cmpstr (wm_timestamp_format (JAN_1_2026 + 2 * DAY + 33120, buf), ==, "2026-01-03T09:12:00Z");
  g_assert_cmpstr (wm_timestamp_format (G_GINT64_CONSTANT (19782) * DAY + 86399, buf), ==, "2024-02-29T23:59:59Z");
  g_assert_cmpstr (wm_timestamp_format (WM_TIME_MIN, buf), ==, "0001-01-01T00:00:00Z");
  g_assert_cmpstr (wm_timestamp_format (WM_TIME_MAX, buf), ==, "9999-12-31T23:59:59Z");
}

static void
test_date (void)
{
  int y = 0, m = 0, d = 0;

  g_assert_true (wm_date_parse ("2024-02-29", &y, &m, &d));
  g_assert_cmpint (y, ==, 2024);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (d, ==, 29);
  g_assert_true (wm_date_parse ("0001-01-01", NULL, NULL, NULL));
  g_assert_true (wm_date_parse ("9999-12-31", NULL, NULL, NULL));
  g_assert_true (wm_date_parse ("2000-02-29", NULL, NULL, NULL));

  g_assert_false (wm_date_parse ("2023-02-29", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("2100-02-29", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("2026-06-31", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("0000-01-01", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("2026-1-01", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("2026-01-01T", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("2026-01-01 ", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("2026/01/01", NULL, NULL, NULL));
  g_assert_false (wm_date_parse ("", NULL, NULL, NULL));
}

static void
test_duration (void)
{
  struct { const char *text; gint64 seconds; } good[] = {
    { "0s", 0 },
    { "90s", 90 },
    { "15m", 900 },
    { "2h", 7200 },
    { "3d", 259200 },
    { "1w", 604800 },
    { "000001s", 1 },           /* six digits, leading zeros allowed */
    { "999999s", 999999 },      /* 11.57 days */
    { "366d", 31622400 },       /* 366 * 86400 */
    { "52w", 31449600 },        /* 364 days */
    { "527040m", 31622400 },    /* 366 days in minutes */
    { "8784h", 31622400 },      /* 366 days in hours */
  };
  const char *bad[] = {
    "", "s", "5", "5x", "5S", "5 s", " 5s", "5s ", "-5s", "+5s", "1.5h",
    "0000001s", "1234567s", "367d", "53w", "527041m", "8785h", "5ss", "1d1h",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 out = -2;

      if (!wm_duration_parse (good[i].text, &out))
        g_error ("\"%s\" should be a duration", good[i].text);
      g_assert_cmpint (out, ==, good[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (wm_duration_parse (bad[i], NULL))
      g_error ("\"%s\" should not be a duration", bad[i]);
}

static void
test_duration_describe (void)
{
  struct { gint64 seconds; const char *words; } cases[] = {
    { 0, "0 seconds" },
    { 1, "1 second" },
    { 90, "1 minute 30 seconds" },
    { 5400, "1 hour 30 minutes" },
    { 7200, "2 hours" },
    { 259200, "3 days" },
    { 604800, "1 week" },
    { 691200, "1 week 1 day" },
    { 90061, "1 day 1 hour 1 minute 1 second" },
    { 31622400, "52 weeks 2 days" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = wm_duration_describe (cases[i].seconds);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_clock (void)
{
  int m = -1;

  g_assert_true (wm_clock_parse ("00:00", &m));
  g_assert_cmpint (m, ==, 0);
  g_assert_true (wm_clock_parse ("09:30", &m));
  g_assert_cmpint (m, ==, 570);
  g_assert_true (wm_clock_parse ("23:59", &m));
  g_assert_cmpint (m, ==, 1439);

  g_assert_false (wm_clock_parse ("24:00", NULL));
  g_assert_false (wm_clock_parse ("9:30", NULL));
  g_assert_false (wm_clock_parse ("09:3", NULL));
  g_assert_false (wm_clock_parse ("09:60", NULL));
  g_assert_false (wm_clock_parse ("09:300", NULL));
  g_assert_false (wm_clock_parse ("0930", NULL));
  g_assert_false (wm_clock_parse ("09:30:00", NULL));
  g_assert_false (wm_clock_parse ("09.30", NULL));
  g_assert_false (wm_clock_parse ("", NULL));
  g_assert_false (wm_clock_parse (" 9:30", NULL));
}

static void
test_day (void)
{
  const char *names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  const guint bits[] = { WM_DAY_MON, WM_DAY_TUE, WM_DAY_WED, WM_DAY_THU, WM_DAY_FRI, WM_DAY_SAT, WM_DAY_SUN };
  guint bit = 0;

  for (guint i = 0; i < 7; i++)
    {
      g_assert_true (wm_day_parse (names[i], &bit));
      g_assert_cmpuint (bit, ==, bits[i]);
    }
  g_assert_cmpuint (WM_DAY_MON | WM_DAY_TUE | WM_DAY_WED | WM_DAY_THU | WM_DAY_FRI | WM_DAY_SAT | WM_DAY_SUN, ==, WM_DAYS_ALL);
  g_assert_false (wm_day_parse ("Mon", NULL));
  g_assert_false (wm_day_parse ("MON", NULL));
  g_assert_false (wm_day_parse ("monday", NULL));
  g_assert_false (wm_day_parse ("mo", NULL));
  g_assert_false (wm_day_parse ("", NULL));
}

/* --- zones ------------------------------------------------------------- */

static void
test_zone_names (void)
{
  const char *good[] = { "Europe/Zagreb", "America/New_York", "US/Eastern", "UTC", "Etc/UTC" };
  const char *bad[] = {
    "+05:00", "UTC+3", "posix/Europe/Zagreb", "right/UTC", "localtime", "Factory",
    "europe/zagreb", "EUROPE/ZAGREB", "Europe/Zagreb ", " Europe/Zagreb", "",
    "/usr/share/zoneinfo/Europe/Zagreb", "Europe/", "Europe", "Europe/Zagreb/",
    "../zoneinfo/UTC", "tzdata.zi",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      if (!wm_zone_name_is_valid (good[i]))
        g_error ("%s should be a zone name", good[i]);
      g_assert_nonnull (wm_zone_get (good[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (wm_zone_name_is_valid (bad[i]))
        g_error ("\"%s\" should not be a zone name", bad[i]);
      g_assert_null (wm_zone_get (bad[i]));
    }
}

static void
test_zone_get_is_cached (void)
{
  GTimeZone *a = wm_zone_get ("Europe/Zagreb");
  GTimeZone *link = wm_zone_get ("US/Eastern");
  int interval;

  g_assert_nonnull (a);
  g_assert_true (a == wm_zone_get ("Europe/Zagreb"));
  /* The link behaves as its zone: EST in January is -05:00. */
  g_assert_nonnull (link);
  interval = g_time_zone_find_interval (link, G_TIME_TYPE_UNIVERSAL, JAN_1_2026);
  g_assert_cmpint (g_time_zone_get_offset (link, interval), ==, -5 * HOUR);
  interval = g_time_zone_find_interval (a, G_TIME_TYPE_UNIVERSAL, JAN_1_2026);
  g_assert_cmpint (g_time_zone_get_offset (a, interval), ==, HOUR);
}

static gpointer
get_zones_in_thread (gpointer data)
{
  GTimeZone **seen = data;
  const char *names[] = { "Asia/Tokyo", "Europe/Zagreb", "America/New_York", "Australia/Sydney" };

  for (int round = 0; round < 1000; round++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        GTimeZone *tz = wm_zone_get (names[i]);

        if (round == 0)
          seen[i] = tz;
        else if (seen[i] != tz)
          return GINT_TO_POINTER (1);
      }
  return NULL;
}

static void
test_zone_get_from_threads (void)
{
  GThread *threads[8];
  GTimeZone *seen[8][4] = { { NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("zones", get_zones_in_thread, seen[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
  /* Every thread got the very same shared zones. */
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    for (guint j = 0; j < 4; j++)
      {
        g_assert_nonnull (seen[i][j]);
        g_assert_true (seen[i][j] == seen[0][j]);
      }
}

static void
test_zone_list (void)
{
  const char * const *names = wm_zone_list_names ();
  gboolean zagreb = FALSE, eastern = FALSE;
  guint n = 0;

  g_assert_nonnull (names);
  for (; names[n] != NULL; n++)
    {
      g_assert_cmpstr (names[n], !=, "Factory");
      g_assert_true (wm_zone_name_is_valid (names[n]));
      if (n > 0)
        g_assert_cmpint (strcmp (names[n - 1], names[n]), <, 0);
      zagreb |= g_str_equal (names[n], "Europe/Zagreb");
      eastern |= g_str_equal (names[n], "US/Eastern");
    }
  g_assert_true (zagreb);
  g_assert_true (eastern);
  /* tzdata has a few hundred zones and links. */
  g_assert_cmpuint (n, >, 400);
}

/* --- local times --------------------------------------------------------- */

/* 2026: 1 January is a Thursday, so 1 March is a Sunday (31 + 28 days later).
 * The EU changes on the last Sundays of March and October at 01:00Z:
 * 29 March (CET +01:00 -> CEST +02:00) and 25 October. The US changes on
 * the second Sunday of March (8 March, 07:00Z) and the first Sunday of
 * November (1 November, 06:00Z). */

typedef struct
{
  const char *zone;
  int year, month, day, hour, minute;
  const char *instant;
} LocalCase;

static void
test_local_to_instant (void)
{
  const LocalCase cases[] = {
    { "Europe/Zagreb", 2026, 1, 15, 10, 0, "2026-01-15T09:00:00Z" },
    { "Europe/Zagreb", 2026, 7, 15, 10, 0, "2026-07-15T08:00:00Z" },
    /* Spring gap 02:00..03:00: read with +01:00, the offset before it. */
    { "Europe/Zagreb", 2026, 3, 29, 1, 59, "2026-03-29T00:59:00Z" },
    { "Europe/Zagreb", 2026, 3, 29, 2, 0, "2026-03-29T01:00:00Z" },
    { "Europe/Zagreb", 2026, 3, 29, 2, 30, "2026-03-29T01:30:00Z" },
    { "Europe/Zagreb", 2026, 3, 29, 3, 0, "2026-03-29T01:00:00Z" },
    /* Autumn overlap 02:00..03:00 happens twice: the first (+02:00). */
    { "Europe/Zagreb", 2026, 10, 25, 1, 59, "2026-10-24T23:59:00Z" },
    { "Europe/Zagreb", 2026, 10, 25, 2, 0, "2026-10-25T00:00:00Z" },
    { "Europe/Zagreb", 2026, 10, 25, 2, 30, "2026-10-25T00:30:00Z" },
    { "Europe/Zagreb", 2026, 10, 25, 3, 0, "2026-10-25T02:00:00Z" },
    { "America/New_York", 2026, 3, 8, 1, 59, "2026-03-08T06:59:00Z" },
    { "America/New_York", 2026, 3, 8, 2, 0, "2026-03-08T07:00:00Z" },
    { "America/New_York", 2026, 3, 8, 2, 30, "2026-03-08T07:30:00Z" },
    { "America/New_York", 2026, 3, 8, 3, 0, "2026-03-08T07:00:00Z" },
    { "America/New_York", 2026, 11, 1, 0, 59, "2026-11-01T04:59:00Z" },
    { "America/New_York", 2026, 11, 1, 1, 0, "2026-11-01T05:00:00Z" },
    { "America/New_York", 2026, 11, 1, 1, 30, "2026-11-01T05:30:00Z" },
    { "America/New_York", 2026, 11, 1, 2, 0, "2026-11-01T07:00:00Z" },
    { "US/Eastern", 2026, 11, 1, 1, 30, "2026-11-01T05:30:00Z" },
    { "UTC", 2026, 3, 29, 2, 30, "2026-03-29T02:30:00Z" },
    { "UTC", 1, 1, 1, 0, 0, "0001-01-01T00:00:00Z" },
    { "UTC", 9999, 12, 31, 23, 59, "9999-12-31T23:59:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LocalCase *c = &cases[i];
      gint64 got = wm_local_to_instant (wm_zone_get (c->zone), c->year, c->month,
                                        c->day, c->hour * 60 + c->minute);
      char buf[21];

      if (got != ts (c->instant))
        g_error ("%s %04d-%02d-%02d %02d:%02d: expected %s, got %s", c->zone,
                 c->year, c->month, c->day, c->hour, c->minute, c->instant,
                 wm_timestamp_format (got, buf));
    }
}

static void
test_instant_to_local (void)
{
  GTimeZone *zagreb = wm_zone_get ("Europe/Zagreb");
  GTimeZone *new_york = wm_zone_get ("America/New_York");
  int y = 0, m = 0, d = 0, sod = -1;
  guint wd = 0;

  /* The first instant of CEST: 03:00 on Sunday 29 March. */
  wm_instant_to_local (zagreb, ts ("2026-03-29T01:00:00Z"), &y, &m, &d, &sod, &wd);
  g_assert_cmpint (y, ==, 2026);
  g_assert_cmpint (m, ==, 3);
  g_assert_cmpint (d, ==, 29);
  g_assert_cmpint (sod, ==, 3 * HOUR);
  g_assert_cmpuint (wd, ==, WM_DAY_SUN);
  /* One second earlier it is still 01:59:59 CET. */
  wm_instant_to_local (zagreb, ts ("2026-03-29T00:59:59Z"), NULL, NULL, NULL, &sod, NULL);
  g_assert_cmpint (sod, ==, 2 * HOUR - 1);
  /* Both readings of 02:30 on 25 October. */
  wm_instant_to_local (zagreb, ts ("2026-10-25T00:30:00Z"), NULL, NULL, &d, &sod, NULL);
  g_assert_cmpint (d, ==, 25);
  g_assert_cmpint (sod, ==, 2 * HOUR + 1800);
  wm_instant_to_local (zagreb, ts ("2026-10-25T01:30:00Z"), NULL, NULL, &d, &sod, NULL);
  g_assert_cmpint (d, ==, 25);
  g_assert_cmpint (sod, ==, 2 * HOUR + 1800);
  /* New York is still on Wednesday 31 December 2025 at 22:00. */
  wm_instant_to_local (new_york, ts ("2026-01-01T03:00:00Z"), &y, &m, &d, &sod, &wd);
  g_assert_cmpint (y, ==, 2025);
  g_assert_cmpint (m, ==, 12);
  g_assert_cmpint (d, ==, 31);
  g_assert_cmpint (sod, ==, 22 * HOUR);
  g_assert_cmpuint (wd, ==, WM_DAY_WED);
  /* Before 1970: 1969-12-31 was a Wednesday. */
  wm_instant_to_local (wm_zone_get ("UTC"), -1, &y, &m, &d, &sod, &wd);
  g_assert_cmpint (y, ==, 1969);
  g_assert_cmpint (d, ==, 31);
  g_assert_cmpint (sod, ==, DAY - 1);
  g_assert_cmpuint (wd, ==, WM_DAY_WED);
}

typedef struct
{
  const char *zone;
  const char *t;
  int from_h, from_m, to_h, to_m;
  guint days;
  const char *expected;    /* NULL: no answer */
} WindowCase;

#define WEEKDAYS (WM_DAY_MON | WM_DAY_TUE | WM_DAY_WED | WM_DAY_THU | WM_DAY_FRI)

static void
test_next_window (void)
{
  /* January 2026 in Zagreb is CET (+01:00): 09:00 local is 08:00Z, 20:00
   * local is 19:00Z. Wednesday 14, Friday 16, Saturday 17, Monday 19. */
  const WindowCase cases[] = {
    { "Europe/Zagreb", "2026-01-14T07:00:00Z", 9, 0, 20, 0, WEEKDAYS, "2026-01-14T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T08:00:00Z", 9, 0, 20, 0, WEEKDAYS, "2026-01-14T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T10:00:00Z", 9, 0, 20, 0, WEEKDAYS, "2026-01-14T10:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T18:59:59Z", 9, 0, 20, 0, WEEKDAYS, "2026-01-14T18:59:59Z" },
    { "Europe/Zagreb", "2026-01-14T19:00:00Z", 9, 0, 20, 0, WEEKDAYS, "2026-01-15T08:00:00Z" },
    /* Friday evening: the weekend is skipped. */
    { "Europe/Zagreb", "2026-01-16T19:30:00Z", 9, 0, 20, 0, WEEKDAYS, "2026-01-19T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-17T10:00:00Z", 9, 0, 20, 0, WEEKDAYS, "2026-01-19T08:00:00Z" },
    /* Every day (0) and Sundays only. */
    { "Europe/Zagreb", "2026-01-17T10:00:00Z", 9, 0, 20, 0, 0, "2026-01-17T10:00:00Z" },
    { "Europe/Zagreb", "2026-01-17T10:00:00Z", 9, 0, 20, 0, WM_DAY_SUN, "2026-01-18T08:00:00Z" },
    /* Sundays only, asked on a Sunday after the window: a week later. */
    { "Europe/Zagreb", "2026-01-18T20:00:00Z", 9, 0, 20, 0, WM_DAY_SUN, "2026-01-25T08:00:00Z" },
    /* 23:30Z on Tuesday 13 is 00:30 on Wednesday 14 in Zagreb: the local
     * date counts, so Wednesday's window opens the same UTC morning. */
    { "Europe/Zagreb", "2026-01-13T23:30:00Z", 9, 0, 20, 0, WM_DAY_WED, "2026-01-14T08:00:00Z" },
    /* 02:00Z on Thursday 15 is 21:00 on Wednesday 14 in New York (EST):
     * after the window, so Thursday 09:00 EST = 14:00Z. */
    { "America/New_York", "2026-01-15T02:00:00Z", 9, 0, 20, 0, 0, "2026-01-15T14:00:00Z" },
    { "America/New_York", "2026-01-15T02:00:00Z", 9, 0, 20, 0, WM_DAY_WED, "2026-01-21T14:00:00Z" },
    /* Window 02:00..03:00 on the gap day in Zagreb: S = 02:00 read with
     * +01:00 = 01:00Z, E = 03:00 CEST = 01:00Z, so S == E. */
    { "Europe/Zagreb", "2026-03-29T00:30:00Z", 2, 0, 3, 0, 0, "2026-03-29T01:00:00Z" },
    { "Europe/Zagreb", "2026-03-29T00:59:59Z", 2, 0, 3, 0, 0, "2026-03-29T01:00:00Z" },
    /* At S == E nothing is open; 30 March 02:00 CEST = 00:00Z. */
    { "Europe/Zagreb", "2026-03-29T01:00:00Z", 2, 0, 3, 0, 0, "2026-03-30T00:00:00Z" },
    /* Window 01:30..02:30 on the gap day: S = 00:30Z, E = 02:30 read with
     * +01:00 = 01:30Z. 01:15Z is 03:15 CEST on the wall, yet S <= t < E:
     * taken literally, t itself. */
    { "Europe/Zagreb", "2026-03-29T01:15:00Z", 1, 30, 2, 30, 0, "2026-03-29T01:15:00Z" },
    /* Window 02:30..03:00 on the gap day: S = 01:30Z, E = 01:00Z (E < S).
     * Before S the answer is S; from S on, the next day 02:30 CEST. */
    { "Europe/Zagreb", "2026-03-29T01:15:00Z", 2, 30, 3, 0, 0, "2026-03-29T01:30:00Z" },
    { "Europe/Zagreb", "2026-03-29T01:30:00Z", 2, 30, 3, 0, 0, "2026-03-30T00:30:00Z" },
    /* Window 02:00..02:30 on the overlap day: S = 00:00Z, E = 00:30Z (the
     * first readings). 00:45Z (02:45 CEST) and 01:10Z (02:10 CET, the
     * second 02:10) are both past E: 26 October 02:00 CET = 01:00Z. */
    { "Europe/Zagreb", "2026-10-25T00:10:00Z", 2, 0, 2, 30, 0, "2026-10-25T00:10:00Z" },
    { "Europe/Zagreb", "2026-10-25T00:45:00Z", 2, 0, 2, 30, 0, "2026-10-26T01:00:00Z" },
    { "Europe/Zagreb", "2026-10-25T01:10:00Z", 2, 0, 2, 30, 0, "2026-10-26T01:00:00Z" },
    /* New York, 8 March: 02:30 is in the gap (read with EST: 07:30Z). */
    { "America/New_York", "2026-03-08T06:00:00Z", 2, 30, 20, 0, 0, "2026-03-08T07:30:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const WindowCase *c = &cases[i];
      gint64 got = -1;
      gboolean found;
      char buf[21];

      found = wm_next_window_instant (wm_zone_get (c->zone), ts (c->t),
                                      c->from_h * 60 + c->from_m,
                                      c->to_h * 60 + c->to_m, c->days, &got);
      g_assert_true (found);
      if (got != ts (c->expected))
        g_error ("case %u: expected %s, got %s", i, c->expected, wm_timestamp_format (got, buf));
    }
}

typedef struct
{
  const char *zone;
  const char *t;
  int at_h, at_m;
  guint days;
  const char *expected;
} ClockCase;

static void
test_next_clock (void)
{
  const ClockCase cases[] = {
    /* 09:00 CET is 08:00Z; Wednesday 14 January 2026. */
    { "Europe/Zagreb", "2026-01-14T07:00:00Z", 9, 0, 0, "2026-01-14T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T08:00:00Z", 9, 0, 0, "2026-01-14T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T08:00:01Z", 9, 0, 0, "2026-01-15T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T12:00:00Z", 9, 0, WM_DAY_SAT, "2026-01-17T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T12:00:00Z", 9, 0, WM_DAY_WED, "2026-01-21T08:00:00Z" },
    { "Europe/Zagreb", "2026-01-14T07:00:00Z", 9, 0, WM_DAY_WED, "2026-01-14T08:00:00Z" },
    /* 02:30 on the gap day is read with +01:00: 01:30Z. */
    { "Europe/Zagreb", "2026-03-29T00:00:00Z", 2, 30, 0, "2026-03-29T01:30:00Z" },
    { "Europe/Zagreb", "2026-03-29T01:30:00Z", 2, 30, 0, "2026-03-29T01:30:00Z" },
    /* Later on the gap day: 30 March 02:30 CEST = 00:30Z. */
    { "Europe/Zagreb", "2026-03-29T01:30:01Z", 2, 30, 0, "2026-03-30T00:30:00Z" },
    /* 02:30 on the overlap day is its first reading, 00:30Z. At 00:45Z the
     * second 02:30 (01:30Z) is still ahead, but that date's instant is
     * 00:30Z < t, so the answer is 26 October 02:30 CET = 01:30Z. */
    { "Europe/Zagreb", "2026-10-24T22:00:00Z", 2, 30, 0, "2026-10-25T00:30:00Z" },
    { "Europe/Zagreb", "2026-10-25T00:45:00Z", 2, 30, 0, "2026-10-26T01:30:00Z" },
    { "America/New_York", "2026-03-08T05:00:00Z", 2, 30, 0, "2026-03-08T07:30:00Z" },
    { "America/New_York", "2026-11-01T04:00:00Z", 1, 30, 0, "2026-11-01T05:30:00Z" },
    /* Sunday 1 November 05:45Z (01:45 EDT): Sundays only, so 8 November
     * 01:30 EST = 06:30Z. */
    { "America/New_York", "2026-11-01T05:45:00Z", 1, 30, WM_DAY_SUN, "2026-11-08T06:30:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ClockCase *c = &cases[i];
      gint64 got;
      char buf[21];

      got = wm_next_clock_instant (wm_zone_get (c->zone), ts (c->t),
                                   c->at_h * 60 + c->at_m, c->days);
      if (got != ts (c->expected))
        g_error ("case %u: expected %s, got %s", i, c->expected, wm_timestamp_format (got, buf));
    }
}

/* The zone intervals are read from GLib once into a table (wm-time.c):
 * every reading must still be GLib's, around every transition of zones
 * with odd rules, and at instants spread over three centuries, from
 * several threads at once. */
static const char * const interval_zones[] = {
  "Europe/Zagreb", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia",
  "Asia/Kolkata", "America/St_Johns", "Africa/Casablanca", "UTC",
};

static gpointer
check_zone_readings (gpointer data)
{
  const char *name = data;
  GTimeZone *tz = wm_zone_get (name);
  guint checked = 0;

  g_assert_nonnull (tz);
  /* Every 7 h 17 min 3 s from 1850 to 2150, and each second next to a
   * change of offset found on the way. */
  for (gint64 t = -3786825600; t < 5680281600; t += 26223)
    {
      gint64 probes[3] = { t, t, t };
      int n = 1;

      if (t > -3786825600
          && g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t)
             != g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t - 26223))
        {
          gint64 lo = t - 26223, hi = t;

          while (hi - lo > 1)
            {
              gint64 mid = lo + (hi - lo) / 2;

              if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, mid)
                  == g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, lo))
                lo = mid;
              else
                hi = mid;
            }
          probes[1] = lo;
          probes[2] = hi;
          n = 3;
        }
      for (int i = 0; i < n; i++)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (probes[i]);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
          int y, m, d, sod;

          wm_instant_to_local (tz, probes[i], &y, &m, &d, &sod, NULL);
          g_assert_cmpint (y, ==, g_date_time_get_year (local));
          g_assert_cmpint (m, ==, g_date_time_get_month (local));
          g_assert_cmpint (d, ==, g_date_time_get_day_of_month (local));
          g_assert_cmpint (sod, ==, g_date_time_get_hour (local) * 3600
                                    + g_date_time_get_minute (local) * 60
                                    + g_date_time_get_second (local));
          checked++;
        }
    }
  return GUINT_TO_POINTER (checked);
}

static void
test_zone_intervals_match_glib (void)
{
  GThread *threads[G_N_ELEMENTS (interval_zones)];
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (interval_zones); i++)
    threads[i] = g_thread_new ("zone", check_zone_readings, (gpointer) interval_zones[i]);
  for (guint i = 0; i < G_N_ELEMENTS (interval_zones); i++)
    total += GPOINTER_TO_UINT (g_thread_join (threads[i]));
  g_test_message ("%u readings compared with GLib", total);
  g_assert_cmpuint (total, >, 8 * 360000);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/time/civil-days-round-trip", test_civil_days);
  g_test_add_func ("/core/time/timestamps-in-rfc-3339-parse", test_timestamp_valid);
  g_test_add_func ("/core/time/malformed-timestamps-are-rejected", test_timestamp_invalid);
  g_test_add_func ("/core/time/timestamps-format-as-utc", test_timestamp_format);
  g_test_add_func ("/core/time/dates-must-exist", test_date);
  g_test_add_func ("/core/time/durations-up-to-366-days", test_duration);
  g_test_add_func ("/core/time/durations-read-as-words", test_duration_describe);
  g_test_add_func ("/core/time/clock-times-are-hh-mm", test_clock);
  g_test_add_func ("/core/time/days-are-lower-case-abbreviations", test_day);
  g_test_add_func ("/core/time/zone-names-come-from-tzdata", test_zone_names);
  g_test_add_func ("/core/time/zones-are-cached-and-links-work", test_zone_get_is_cached);
  g_test_add_func ("/core/time/zones-are-shared-across-threads", test_zone_get_from_threads);
  g_test_add_func ("/core/time/zone-list-is-sorted", test_zone_list);
  g_test_add_func ("/core/time/local-gap-uses-offset-before-and-overlap-the-first", test_local_to_instant);
  g_test_add_func ("/core/time/instants-read-as-local-fields", test_instant_to_local);
  g_test_add_func ("/core/time/zone-intervals-match-glib", test_zone_intervals_match_glib);
  g_test_add_func ("/core/time/next-window-instant", test_next_window);
  g_test_add_func ("/core/time/next-clock-instant", test_next_clock);

  return g_test_run ();
}
