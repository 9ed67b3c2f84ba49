/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wm-value.c - the values of the expression language and their string form
 * (expressions.md, Values and Meaning)
 */
#include <math.h>
#include <string.h>

#include "wm-expr-private.h"
#include "wm-time.h"
#include "wm-value.h"

WmValue
wm_value_datetime (gint64 t)
{
  WmValue v = { .type = WM_VALUE_NULL };

  if (t >= WM_TIME_MIN && t <= WM_TIME_MAX)
    {
      v.type = WM_VALUE_DATETIME;
      v.as.datetime = t;
    }
  return v;
}

gboolean
wm_value_truthy (const WmValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  switch (value->type)
    {
    case WM_VALUE_NULL:
      return FALSE;
    case WM_VALUE_BOOLEAN:
      return value->as.boolean;
    case WM_VALUE_NUMBER:
      return value->as.number != 0.0;
    case WM_VALUE_STRING:
      return value->as.string.len > 0;
    case WM_VALUE_DATETIME:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
wm_value_equal (const WmValue *a,
                const WmValue *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->type != b->type)
    return FALSE;

  switch (a->type)
    {
    case WM_VALUE_NULL:
      return TRUE;
    case WM_VALUE_BOOLEAN:
      return !a->as.boolean == !b->as.boolean;
    case WM_VALUE_NUMBER:
      return a->as.number == b->as.number;
    case WM_VALUE_STRING:
      return a->as.string.len == b->as.string.len
             && memcmp (a->as.string.str, b->as.string.str, a->as.string.len) == 0;
    case WM_VALUE_DATETIME:
      return a->as.datetime == b->as.datetime;
    default:
      return FALSE;
    }
}

char *
wm_number_to_string (double  number,
                     char   *buf)
{
  g_return_val_if_fail (buf != NULL, NULL);

  if (number == floor (number) && fabs (number) < 1e15)
    {
      /* Integral: plain digits, built by hand so no locale (and no "-0")
       * can get in. */
      gint64 n = (gint64) number;
      guint64 u = n < 0 ? (guint64) -n : (guint64) n;
      char tmp[24];
      gsize i = 0, o = 0;

      do
        {
          tmp[i++] = (char) ('0' + u % 10);
          u /= 10;
        }
      while (u > 0);
      if (n < 0)
        buf[o++] = '-';
      while (i > 0)
        buf[o++] = tmp[--i];
      buf[o] = '\0';
      return buf;
    }

  /* A fast path for the common case, a number with a few decimals such as
   * 222.66 (prices, amounts): when number is exactly the double nearest
   * r / 10^d for some r of at most 15 digits, its "%.15g" is the digits of r
   * with the point put back (the double is within half an ulp of r / 10^d,
   * far below half a unit of the 15th digit). "%.15g" writes fixed notation
   * for 1e-4 <= |x| < 1e15, which the bounds keep to. */
  if (fabs (number) >= 1e-4 && fabs (number) < 1e9)
    {
      static const double powers[] = { 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };

      for (guint d = 0; d < G_N_ELEMENTS (powers); d++)
        {
          double scaled = number * powers[d];
          double r = round (scaled);

          if (fabs (r) < 1e15 && r / powers[d] == number)
            {
              guint64 u = (guint64) fabs (r);
              char digits[24];
              gsize n = 0, o = 0, decimals = d + 1;

              do
                {
                  digits[n++] = (char) ('0' + u % 10);
                  u /= 10;
                }
              while (u > 0);
              while (n <= decimals)
                digits[n++] = '0';   /* leading zeros of 0.00xx */
              if (number < 0)
                buf[o++] = '-';
              while (n > decimals)
                buf[o++] = digits[--n];
              buf[o++] = '.';
              while (n > 0)
                buf[o++] = digits[--n];
              /* No trailing zeros: r / 10^(d+1) would have matched at a smaller d. */
              buf[o] = '\0';
              return buf;
            }
        }
    }

  /* g_ascii_formatd is printf in the C locale. */
  return g_ascii_formatd (buf, 32, "%.15g", number);
}

const char *
wm_value_form (const WmValue *value,
               char          *buf,
               gsize         *len)
{
  switch (value->type)
    {
    case WM_VALUE_BOOLEAN:
      *len = value->as.boolean ? 4 : 5;
      return value->as.boolean ? "true" : "false";
    case WM_VALUE_NUMBER:
      wm_number_to_string (value->as.number, buf);
      *len = strlen (buf);
      return buf;
    case WM_VALUE_STRING:
      *len = value->as.string.len;
      return value->as.string.str;
    case WM_VALUE_DATETIME:
      wm_timestamp_format (value->as.datetime, buf);
      *len = strlen (buf);
      return buf;
    case WM_VALUE_NULL:
    default:
      *len = 0;
      return "";
    }
}

void
wm_value_append_string (GString       *out,
                        const WmValue *value)
{
  char buf[32];
  const char *s;
  gsize len;

  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

  s = wm_value_form (value, buf, &len);
  g_string_append_len (out, s, (gssize) len);
}

void
wm_value_from_json_node (JsonNode *node,
                         WmValue  *out)
{
  g_return_if_fail (out != NULL);

  *out = wm_value_null ();
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *out = wm_value_boolean (json_node_get_boolean (node));
      break;
    case G_TYPE_INT64:
    case G_TYPE_INT:
      *out = wm_value_number ((double) json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
    case G_TYPE_FLOAT:
      *out = wm_value_number (json_node_get_double (node));
      break;
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);

        if (s != NULL)
          *out = wm_value_string (s, strlen (s));
      }
      break;
    default:
      break;
    }
}

gsize
wm_number_literal_span (const char *text,
                        gsize       len)
{
  gsize i = 0;

  if (len == 0 || !g_ascii_isdigit (text[0]))
    return 0;
  while (i < len && g_ascii_isdigit (text[i]))
    i++;
  if (i + 1 < len && text[i] == '.' && g_ascii_isdigit (text[i + 1]))
    {
      i++;
      while (i < len && g_ascii_isdigit (text[i]))
        i++;
    }
  if (i + 1 < len && (text[i] == 'e' || text[i] == 'E'))
    {
      gsize j = i + 1;

      if (text[j] == '+' || text[j] == '-')
        j++;
      if (j < len && g_ascii_isdigit (text[j]))
        {
          while (j < len && g_ascii_isdigit (text[j]))
            j++;
          i = j;
        }
    }
  return i;
}

gboolean
wm_number_literal_parse (const char *text,
                         gsize       len,
                         double     *out)
{
  char small[64];
  g_autofree char *big = NULL;
  char *copy;

  if (len == 0 || wm_number_literal_span (text, len) != len)
    return FALSE;

  /* A NUL-terminated copy of exactly the literal: g_ascii_strtod would
   * otherwise read on (a literal "0" followed by "x10" is not 16). */
  if (len < sizeof small)
    copy = small;
  else
    copy = big = g_malloc (len + 1);
  memcpy (copy, text, len);
  copy[len] = '\0';
  *out = g_ascii_strtod (copy, NULL);
  return TRUE;
}
