/* wm-time.h - timestamps, durations, clock times, day lists and zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All instants are whole UTC seconds since 1970-01-01T00:00:00Z (gint64).
 * Local times are turned into instants as simulation.md's Time section says:
 * a wall time in a gap or an overlap is read with the UTC offset in force
 * before the transition. GLib's own conversions do otherwise, so they are
 * never used for that (DESIGN.md, Time zones).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z */
#define WM_TIME_MIN G_GINT64_CONSTANT (-62135596800)
#define WM_TIME_MAX G_GINT64_CONSTANT (253402300799)

/* Day-of-week bits for day lists; WM_DAYS_ALL when the list is empty. */
typedef enum
{
  WM_DAY_MON = 1 << 0,
  WM_DAY_TUE = 1 << 1,
  WM_DAY_WED = 1 << 2,
  WM_DAY_THU = 1 << 3,
  WM_DAY_FRI = 1 << 4,
  WM_DAY_SAT = 1 << 5,
  WM_DAY_SUN = 1 << 6,
} WmDay;
#define WM_DAYS_ALL 0x7f

/* RFC 3339 as simulation.md, Profiles: 'T' or 't', 'Z', 'z' or an offset
 * (+HH:MM / -HH:MM), optional fraction dropped (truncated), no space
 * separator, no leap second :60, year 0001..9999. Returns FALSE when @text is
 * not such a timestamp. @len may be -1 for NUL-terminated text. */
gboolean   wm_timestamp_parse        (const char *text,
                                      gssize      len,
                                      gint64     *out);

/* Writes "YYYY-MM-DDTHH:MM:SSZ" into @buf (at least 21 bytes); returns @buf.
 * @t must be within WM_TIME_MIN..WM_TIME_MAX. */
char      *wm_timestamp_format       (gint64      t,
                                      char       *buf);

/* "YYYY-MM-DD" with a real calendar date. */
gboolean   wm_date_parse             (const char *text,
                                      int        *year,
                                      int        *month,
                                      int        *day);

/* ^[0-9]{1,6}(s|m|h|d|w)$, at most 366 days; seconds into @out. */
gboolean   wm_duration_parse         (const char *text,
                                      gint64     *out);

/* Human words for a number of seconds, e.g. "3 days", "1 hour 30 minutes"
 * (translatable). */
char      *wm_duration_describe      (gint64      seconds);

/* "HH:MM" 24-hour, 00:00..23:59; minutes since midnight into @out. */
gboolean   wm_clock_parse            (const char *text,
                                      int        *out);

/* "mon".."sun" into a WmDay bit. */
gboolean   wm_day_parse              (const char *text,
                                      guint      *bit);

/* TRUE when @name is a Zone or Link name of the installed tzdata.zi
 * (compared byte for byte), other than "Factory". Thread-safe. */
gboolean   wm_zone_name_is_valid     (const char *name);

/* The zone for a valid name, cached and shared (do not unref); NULL when the
 * name is not valid. Thread-safe. */
GTimeZone *wm_zone_get               (const char *name);

/* The sorted list of valid zone names (NULL-terminated, owned by the
 * module). */
const char * const *wm_zone_list_names (void);

/* The instant of local wall time year-month-day at @minute_of_day in @tz,
 * with the gap/overlap rule above. */
gint64     wm_local_to_instant       (GTimeZone  *tz,
                                      int         year,
                                      int         month,
                                      int         day,
                                      int         minute_of_day);

/* Local calendar fields of instant @t in @tz. @weekday is a WmDay bit. Any
 * out pointer may be NULL. @second_of_day counts from local midnight. */
void       wm_instant_to_local       (GTimeZone  *tz,
                                      gint64      t,
                                      int        *year,
                                      int        *month,
                                      int        *day,
                                      int        *second_of_day,
                                      guint      *weekday);

/* Next window instant at or after @t (simulation.md, Time): for each local
 * date from the date of @t onwards (8 days at most), on a day in @days
 * (WmDay bits; 0 means every day), with S = date at @from_minute and
 * E = date at @to_minute: t < S gives S; S <= t < E gives t. Returns FALSE
 * when no date gives an answer (the token waits for ever). */
gboolean   wm_next_window_instant    (GTimeZone  *tz,
                                      gint64      t,
                                      int         from_minute,
                                      int         to_minute,
                                      guint       days,
                                      gint64     *out);

/* Next clock instant at or after @t: the first allowed local date from the
 * date of @t onwards whose instant at @at_minute is >= @t. @days as above. */
gint64     wm_next_clock_instant     (GTimeZone  *tz,
                                      gint64      t,
                                      int         at_minute,
                                      guint       days);

/* Days from 1970-01-01 of a proleptic Gregorian date, and back. */
gint64     wm_days_from_civil        (int         year,
                                      int         month,
                                      int         day);
void       wm_civil_from_days        (gint64      days,
                                      int        *year,
                                      int        *month,
                                      int        *day);

G_END_DECLS
