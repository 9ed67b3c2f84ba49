/* wm-value.h - the values of the expression language (expressions.md, Values)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_VALUE_NULL,
  WM_VALUE_BOOLEAN,
  WM_VALUE_NUMBER,    /* a finite IEEE double */
  WM_VALUE_STRING,    /* UTF-8, not owned by the value */
  WM_VALUE_DATETIME,  /* whole UTC seconds, years 0001..9999 */
} WmValueType;

typedef struct
{
  WmValueType type;
  union
  {
    gboolean boolean;
    double   number;
    gint64   datetime;
    struct
    {
      const char *str;  /* NUL-terminated; @len bytes before the NUL */
      gsize       len;
    } string;
  } as;
} WmValue;

#define WM_VALUE_INIT_NULL { .type = WM_VALUE_NULL }

static inline WmValue
wm_value_null (void)
{
  WmValue v = { .type = WM_VALUE_NULL };
  return v;
}

static inline WmValue
wm_value_boolean (gboolean b)
{
  WmValue v = { .type = WM_VALUE_BOOLEAN };
  v.as.boolean = !!b;
  return v;
}

/* A non-finite number is null. */
static inline WmValue
wm_value_number (double n)
{
  WmValue v = { .type = WM_VALUE_NULL };
  if (n - n == 0.0) /* finite */
    {
      v.type = WM_VALUE_NUMBER;
      v.as.number = n;
    }
  return v;
}

static inline WmValue
wm_value_string (const char *str, gsize len)
{
  WmValue v = { .type = WM_VALUE_STRING };
  v.as.string.str = str;
  v.as.string.len = len;
  return v;
}

/* A datetime outside the years 0001..9999 is null. */
WmValue   wm_value_datetime          (gint64          t);

/* null, false, 0 and "" are false; everything else is true. */
gboolean  wm_value_truthy            (const WmValue  *value);

/* == of expressions.md: different types are unequal, null equals null. */
gboolean  wm_value_equal             (const WmValue  *a,
                                      const WmValue  *b);

/* The string form: null "", true/false, integral numbers below 1e15 as
 * digits (-0 is 0), other numbers "%.15g", datetimes YYYY-MM-DDTHH:MM:SSZ. */
void      wm_value_append_string     (GString        *out,
                                      const WmValue  *value);

/* The string form of a number into @buf (at least 32 bytes); returns @buf. */
char     *wm_number_to_string        (double          number,
                                      char           *buf);

/* A JSON value as an expression value: strings point into @node (keep it
 * alive), numbers and booleans as such, null, arrays and objects as null.
 * A JSON string is a string, never a datetime. */
void      wm_value_from_json_node    (JsonNode       *node,
                                      WmValue        *out);

G_END_DECLS
