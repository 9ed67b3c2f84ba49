/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-time.c - timestamps, durations, clock times, days and zones
 *
 * Every expected instant is worked out by hand in the comment next to it.
 */
#include "config.h"

#include <locale.h>
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

  return g_test_run ();
}
