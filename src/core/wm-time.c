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

/* ---------------------------------------------------------------------- */
/* Zone names                                                             */
/* ---------------------------------------------------------------------- */

/* The valid names are read once from tzdata.zi. Each gets a slot for its
 * GTimeZone, filled on first use with an atomic compare-and-swap, so the
 * simulator's worker threads look zones up without taking a lock. */
typedef struct
{
  GHashTable  *index;    /* name -> GUINT_TO_POINTER (slot + 1) */
  char       **names;    /* sorted byte-wise, NULL-terminated */
  char       **targets;  /* per slot: the Zone a Link points to, or the name */
  GTimeZone  **zones;    /* per slot, created lazily */
  guint        n_names;
} ZoneTable;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
tzdata_zi_path (void)
{
  /* GLib loads zones from $TZDIR when it is set; read the names there too so
   * the two agree. */
  const char *dir = g_getenv ("TZDIR");

  if (dir == NULL || *dir == '\0')
    dir = "/usr/share/zoneinfo";
  return g_build_filename (dir, "tzdata.zi", NULL);
}

static gpointer
zone_table_load (gpointer data)
{
  ZoneTable *table = g_new0 (ZoneTable, 1);
  g_autofree char *path = tzdata_zi_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  table->index = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_file_get_contents (path, &contents, NULL, &error))
    /* Without tzdata no name is valid: callers then report every zone as
     * unknown, which is the honest answer (TESTING.md). */
    g_debug ("No time zone names: %s", error->message);
  else
    {
      char *line = contents;

      while (line != NULL && *line != '\0')
        {
          char *next = strchr (line, '\n');
          char **fields;

          if (next != NULL)
            *next++ = '\0';

          if ((line[0] == 'Z' || line[0] == 'L') && (line[1] == ' ' || line[1] == '\t'))
            {
              fields = g_strsplit_set (line, " \t", -1);
              /* Drop empty fields left by repeated separators. */
              guint n = 0;
              for (guint i = 0; fields[i] != NULL; i++)
                if (fields[i][0] != '\0')
                  fields[n++] = fields[i];
                else
                  g_free (fields[i]);
              fields[n] = NULL;

              if (line[0] == 'Z' && n >= 2)
                g_hash_table_replace (links, g_strdup (fields[1]), g_strdup (fields[1]));
              else if (line[0] == 'L' && n >= 3
                       && !g_hash_table_contains (links, fields[2]))
                g_hash_table_insert (links, g_strdup (fields[2]), g_strdup (fields[1]));
              g_strfreev (fields);
            }
          line = next;
        }
    }

  /* "Factory" is a placeholder zone, not a place. */
  g_hash_table_remove (links, "Factory");

  g_hash_table_iter_init (&iter, links);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_names);

  table->n_names = names->len;
  table->names = g_new0 (char *, names->len + 1);
  table->targets = g_new0 (char *, names->len + 1);
  table->zones = g_new0 (GTimeZone *, names->len + 1);
  for (guint i = 0; i < names->len; i++)
    {
      const char *target = names->pdata[i];

      /* A link may name another link; follow a few hops. */
      for (guint hop = 0; hop < 8; hop++)
        {
          const char *further = g_hash_table_lookup (links, target);

          if (further == NULL || strcmp (further, target) == 0)
            break;
          target = further;
        }
      table->names[i] = names->pdata[i];
      table->targets[i] = g_strdup (target);
      g_hash_table_insert (table->index, table->names[i], GUINT_TO_POINTER (i + 1));
    }

  return table;
}

static ZoneTable *
zone_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, zone_table_load, NULL);
}

gboolean
wm_zone_name_is_valid (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return g_hash_table_contains (zone_table ()->index, name);
}

GTimeZone *
wm_zone_get (const char *name)
{
  ZoneTable *table;
  guint slot;
  GTimeZone *tz;

  g_return_val_if_fail (name != NULL, NULL);

  table = zone_table ();
  slot = GPOINTER_TO_UINT (g_hash_table_lookup (table->index, name));
  if (slot == 0)
    return NULL;
  slot--;

  tz = g_atomic_pointer_get (&table->zones[slot]);
  if (tz != NULL)
    return tz;

  /* GLib returns NULL for a name it cannot load; never fall back to UTC.
   * A link may lack its file (Debian moves old names to tzdata-legacy), so
   * its target is tried next. */
  tz = g_time_zone_new_identifier (name);
  if (tz == NULL && strcmp (table->targets[slot], name) != 0)
    tz = g_time_zone_new_identifier (table->targets[slot]);
  if (tz == NULL)
    return NULL;

  if (!g_atomic_pointer_compare_and_exchange (&table->zones[slot], NULL, tz))
    {
      /* Another thread stored one first: use that. */
      g_time_zone_unref (tz);
      tz = g_atomic_pointer_get (&table->zones[slot]);
    }
  return tz;
}

const char * const *
wm_zone_list_names (void)
{
  return (const char * const *) zone_table ()->names;
}

/* ---------------------------------------------------------------------- */
/* Local times and instants                                               */
/* ---------------------------------------------------------------------- */

/* No UTC offset in tzdata reaches 26 hours (the extremes are about ±16 h of
 * local mean time), so every instant whose local time is L lies within
 * L ± MAX_OFFSET. */
#define MAX_OFFSET G_GINT64_CONSTANT (26 * 3600)

/* GLib 2.74's g_time_zone_find_interval scans the zone's transitions from
 * the first one (Europe/Zagreb has about a hundred before today, two
 * thousand with the rule expanded to 2037 and on): that scan was a sixth of
 * a whole simulation. A run's instants fall in a few intervals, so each
 * thread keeps the spans [start, end) of the intervals it met last: the
 * bounds are found from GLib itself (doubling steps, then bisection), so
 * every answer is still GLib's. A span holds a reference on its zone so
 * that no other zone can take its address. */
#define ZONE_TIME_MIN (G_MININT64 / 4)
#define ZONE_TIME_MAX (G_MAXINT64 / 4)
#define N_ZONE_SPANS  16

typedef struct
{
  GTimeZone *tz;
  gint64     start;  /* the first instant of interval k (or ZONE_TIME_MIN) */
  gint64     end;    /* the first instant after it (or ZONE_TIME_MAX + 1) */
  int        k;
} ZoneSpan;

typedef struct
{
  ZoneSpan spans[N_ZONE_SPANS];
  guint    last;   /* the span that answered last */
  guint    next;   /* the span to replace next */
} ZoneSpans;

static void
zone_spans_free (gpointer data)
{
  ZoneSpans *cache = data;

  for (guint i = 0; i < N_ZONE_SPANS; i++)
    g_clear_pointer (&cache->spans[i].tz, g_time_zone_unref);
  g_free (cache);
}

static GPrivate zone_spans_key = G_PRIVATE_INIT (zone_spans_free);

static inline int
glib_interval (GTimeZone *tz,
               gint64     t)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
}

/* The first instant after @t (in interval @k) that is not in @k, looking
 * in @direction +1; with -1, the first instant of @k. */
static gint64
span_edge (GTimeZone *tz,
           gint64     t,
           int        k,
           int        direction)
{
  gint64 inside = t, outside, step = 3600;

  for (;;)
    {
      if (direction > 0 ? step > ZONE_TIME_MAX - inside : step > inside - ZONE_TIME_MIN)
        return direction > 0 ? ZONE_TIME_MAX + 1 : ZONE_TIME_MIN;
      outside = inside + direction * step;
      if (glib_interval (tz, outside) != k)
        break;
      inside = outside;
      step *= 2;
    }
  while (ABS (outside - inside) > 1)
    {
      gint64 mid = inside + (outside - inside) / 2;

      if (glib_interval (tz, mid) == k)
        inside = mid;
      else
        outside = mid;
    }
  return direction > 0 ? outside : inside;
}

static int
interval_at (GTimeZone *tz,
             gint64     t)
{
  ZoneSpans *cache;
  ZoneSpan *span;
  int k;

  if (G_UNLIKELY (t < ZONE_TIME_MIN || t > ZONE_TIME_MAX))
    return glib_interval (tz, t);

  cache = g_private_get (&zone_spans_key);
  if (G_UNLIKELY (cache == NULL))
    {
      cache = g_new0 (ZoneSpans, 1);
      g_private_set (&zone_spans_key, cache);
    }
  span = &cache->spans[cache->last];
  if (G_LIKELY (span->tz == tz && t >= span->start && t < span->end))
    return span->k;
  for (guint i = 0; i < N_ZONE_SPANS; i++)
    {
      span = &cache->spans[i];
      if (span->tz == tz && t >= span->start && t < span->end)
        {
          cache->last = i;
          return span->k;
        }
    }

  k = glib_interval (tz, t);
  cache->last = cache->next;
  cache->next = (cache->next + 1) % N_ZONE_SPANS;
  span = &cache->spans[cache->last];
  g_clear_pointer (&span->tz, g_time_zone_unref);
  span->tz = g_time_zone_ref (tz);
  span->k = k;
  span->start = span_edge (tz, t, k, -1);
  span->end = span_edge (tz, t, k, +1);
  return k;
}

/* The rule of simulation.md, Time: f(t) = t + offset(t) is the local time
 * of t. Among the intervals that can hold an instant with local time L,
 * the earliest t = L - offset(k) that really lies in its interval k wins
 * (the first of two in an overlap). When none does, L is in a gap and is
 * read with the offset of the interval before the gap. GLib's
 * g_time_zone_adjust_time does otherwise, so it is not used. */
gint64
wm_local_to_instant (GTimeZone *tz,
                     int        year,
                     int        month,
                     int        day,
                     int        minute_of_day)
{
  gint64 local, gap_t = 0;
  int lo, hi, previous_found = -1;
  gint64 previous_t = 0;
  gboolean in_gap = FALSE;

  g_return_val_if_fail (tz != NULL, 0);

  local = wm_days_from_civil (year, month, day) * SECONDS_PER_DAY
          + (gint64) minute_of_day * 60;
  lo = interval_at (tz, local - MAX_OFFSET);
  hi = interval_at (tz, local + MAX_OFFSET);

  /* No transition near L (nearly always): one offset, one answer. */
  if (lo == hi)
    return local - g_time_zone_get_offset (tz, lo);

  for (int k = lo; k <= hi; k++)
    {
      gint64 t = local - g_time_zone_get_offset (tz, k);
      int found = interval_at (tz, t);

      if (found == k)
        return t;
      /* The previous interval's reading fell after it and this one's falls
       * before it: L is in the gap between them. Keep scanning in case a
       * later interval (a second transition within a day) really holds L. */
      if (!in_gap && k > lo && previous_found > k - 1 && found < k)
        {
          in_gap = TRUE;
          gap_t = previous_t;
        }
      previous_found = found;
      previous_t = t;
    }
  if (in_gap)
    return gap_t;

  /* Unreachable with real zone data; read L with the offset in force at
   * L - MAX_OFFSET. */
  return local - g_time_zone_get_offset (tz, lo);
}

static inline guint
weekday_of_days (gint64 days)
{
  /* 1970-01-01 was a Thursday (Monday = 0). */
  gint64 index = days + 3 - floor_div (days + 3, 7) * 7;

  return 1u << index;
}

void
wm_instant_to_local (GTimeZone *tz,
                     gint64     t,
                     int       *year,
                     int       *month,
                     int       *day,
                     int       *second_of_day,
                     guint     *weekday)
{
  gint64 local, days;

  g_return_if_fail (tz != NULL);

  local = t + g_time_zone_get_offset (tz, interval_at (tz, t));
  days = floor_div (local, SECONDS_PER_DAY);
  wm_civil_from_days (days, year, month, day);
  if (second_of_day)
    *second_of_day = (int) (local - days * SECONDS_PER_DAY);
  if (weekday)
    *weekday = weekday_of_days (days);
}

/* The local date of @t as days since 1970-01-01. */
static gint64
local_days_of (GTimeZone *tz,
               gint64     t)
{
  gint64 local = t + g_time_zone_get_offset (tz, interval_at (tz, t));

  return floor_div (local, SECONDS_PER_DAY);
}

static inline guint
normalize_days (guint days)
{
  days &= WM_DAYS_ALL;
  return days == 0 ? WM_DAYS_ALL : days;
}

gboolean
wm_next_window_instant (GTimeZone *tz,
                        gint64     t,
                        int        from_minute,
                        int        to_minute,
                        guint      days,
                        gint64    *out)
{
  gint64 first;

  g_return_val_if_fail (tz != NULL, FALSE);

  days = normalize_days (days);
  first = local_days_of (tz, t);

  for (gint64 date = first; date < first + 8; date++)
    {
      int y, m, d;
      gint64 start, end;

      if ((weekday_of_days (date) & days) == 0)
        continue;
      wm_civil_from_days (date, &y, &m, &d);
      start = wm_local_to_instant (tz, y, m, d, from_minute);
      end = wm_local_to_instant (tz, y, m, d, to_minute);

      /* Taken literally: on a transition day E may not be later than S, and
       * then only t < S gives an answer on that date. */
      if (t < start)
        {
          if (out)
            *out = start;
          return TRUE;
        }
      if (t < end)
        {
          if (out)
            *out = t;
          return TRUE;
        }
    }
  return FALSE;
}

/* An allowed weekday comes within 7 dates, and from the second date after
 * the date of t on, the clock instant is later than t whatever the offsets
 * (they differ by less than a day), so 9 dates always suffice; the loop is
 * bounded at 16 to stay finite even with broken zone data. */
gint64
wm_next_clock_instant (GTimeZone *tz,
                       gint64     t,
                       int        at_minute,
                       guint      days)
{
  gint64 first, candidate = t;

  g_return_val_if_fail (tz != NULL, t);

  days = normalize_days (days);
  first = local_days_of (tz, t);

  for (gint64 date = first; date < first + 16; date++)
    {
      int y, m, d;

      if ((weekday_of_days (date) & days) == 0)
        continue;
      wm_civil_from_days (date, &y, &m, &d);
      candidate = wm_local_to_instant (tz, y, m, d, at_minute);
      if (candidate >= t)
        return candidate;
    }
  return candidate;
}
