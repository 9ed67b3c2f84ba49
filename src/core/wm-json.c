/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wm-json.c - strict JSON reader and canonical writer
 *
 * The reader is iterative: containers live on an explicit stack, so no
 * input, whatever @max_depth the caller passes, can grow the C stack. The
 * writer recurses over the tree; trees that came through the reader are at
 * most max_depth deep.
 */

#include <float.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "wm-json.h"

G_DEFINE_QUARK (wm-json-error-quark, wm_json_error)

/* ------------------------------------------------------------------------ */
/* Reader                                                                   */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const guchar *start;          /* first byte after the byte order mark */
  const guchar *p;
  const guchar *end;
  guint         max_depth;
  GString      *buf;            /* scratch for strings and numbers */
  guint         err_line;
  guint         err_column;
  GError       *error;
} Reader;

typedef struct
{
  JsonNode *node;               /* the container being filled (owned) */
  char     *key;                /* objects: key of the member being read */
} Frame;

/* Length of the well-formed UTF-8 sequence at @p (Unicode table 3-7: no
 * overlong forms, no encoded surrogates, nothing above U+10FFFF), or 0. */
static guint
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xBF;
  guint n;

  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  if ((gsize) (end - p) < n)
    return 0;
  if (p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xBF)
      return 0;
  return n;
}

/* The line and column of @pos: lines are ended by '\n' (so "\r\n" is one
 * break); the column counts code points, a tab being one. The byte order
 * mark is not part of the document and takes no column. Everything before
 * an error position has been validated, so counting the bytes that do not
 * continue a sequence counts code points. */
static void
reader_position (const Reader *r,
                 const guchar *pos,
                 guint        *line,
                 guint        *column)
{
  const guchar *line_start = r->start;
  guint l = 1, c = 1;

  for (const guchar *q = r->start; q < pos; q++)
    if (*q == '\n')
      {
        l++;
        line_start = q + 1;
      }
  for (const guchar *q = line_start; q < pos; q++)
    if ((*q & 0xC0) != 0x80)
      c++;
  *line = l;
  *column = c;
}

static gboolean G_GNUC_PRINTF (4, 5)
reader_fail (Reader       *r,
             const guchar *pos,
             WmJsonError   code,
             const char   *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  reader_position (r, pos, &r->err_line, &r->err_column);
  g_set_error (&r->error, WM_JSON_ERROR, code, "line %u, column %u: %s",
               r->err_line, r->err_column, what);
  return FALSE;
}

/* Says "expected …, found X" for the character at @pos, or "invalid UTF-8"
 * when that character is not even well-formed. */
static gboolean
reader_fail_found (Reader       *r,
                   const guchar *pos,
                   const char   *expected)
{
  char found[32];

  if (pos >= r->end)
    return reader_fail (r, pos, WM_JSON_ERROR_SYNTAX,
                        "%s, found the end of the document", expected);
  if (*pos >= 0x80)
    {
      guint n = utf8_sequence_length (pos, r->end);

      if (n == 0)
        return reader_fail (r, pos, WM_JSON_ERROR_ENCODING, "invalid UTF-8");
      g_snprintf (found, sizeof found, "'%.*s'", (int) n, (const char *) pos);
    }
  else if (*pos < 0x20 || *pos == 0x7F)
    g_snprintf (found, sizeof found, "U+%04X", *pos);
  else
    g_snprintf (found, sizeof found, "'%c'", *pos);

  return reader_fail (r, pos, WM_JSON_ERROR_SYNTAX, "%s, found %s", expected, found);
}

static inline void
skip_white_space (Reader *r)
{
  const guchar *p = r->p;

  while (p < r->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  r->p = p;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits at @p; -1 when there are not four. */
static int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int v = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);
      if (h < 0)
        return -1;
      v = (v << 4) | h;
    }
  return v;
}

/* Reads the escape sequence at r->p (a backslash) into r->buf. */
static gboolean
read_escape (Reader       *r,
             const guchar *quote)
{
  const guchar *esc = r->p;
  const guchar *p = esc + 1;
  char utf8[8];
  int cp;

  if (p >= r->end)
    return reader_fail (r, quote, WM_JSON_ERROR_SYNTAX, "unterminated string");

  switch (*p)
    {
    case '"':  g_string_append_c (r->buf, '"');  break;
    case '\\': g_string_append_c (r->buf, '\\'); break;
    case '/':  g_string_append_c (r->buf, '/');  break;
    case 'b':  g_string_append_c (r->buf, '\b'); break;
    case 'f':  g_string_append_c (r->buf, '\f'); break;
    case 'n':  g_string_append_c (r->buf, '\n'); break;
    case 'r':  g_string_append_c (r->buf, '\r'); break;
    case 't':  g_string_append_c (r->buf, '\t'); break;
    case 'u':
      cp = read_hex4 (p + 1, r->end);
      if (cp < 0)
        return reader_fail (r, esc, WM_JSON_ERROR_SYNTAX,
                            "expected four hex digits after '\\u'");
      p += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF)
        {
          int low = -1;

          if (r->end - p >= 7 && p[1] == '\\' && p[2] == 'u')
            low = read_hex4 (p + 3, r->end);
          if (low < 0xDC00 || low > 0xDFFF)
            return reader_fail (r, esc, WM_JSON_ERROR_ENCODING,
                                "lone surrogate escape '\\%.5s'", (const char *) esc + 1);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        }
      else if (cp >= 0xDC00 && cp <= 0xDFFF)
        return reader_fail (r, esc, WM_JSON_ERROR_ENCODING,
                            "lone surrogate escape '\\%.5s'", (const char *) esc + 1);
      else if (cp == 0)
        return reader_fail (r, esc, WM_JSON_ERROR_ENCODING,
                            "\\u0000 is not allowed in a string");
      g_string_append_len (r->buf, utf8, g_unichar_to_utf8 (cp, utf8));
      break;
    default:
      if (*p > 0x20 && *p < 0x7F)
        return reader_fail (r, esc, WM_JSON_ERROR_SYNTAX,
                            "invalid escape '\\%c' in a string", *p);
      return reader_fail (r, esc, WM_JSON_ERROR_SYNTAX, "invalid escape in a string");
    }
  r->p = p + 1;
  return TRUE;
}

/* Reads the string at r->p (a '"') into r->buf. */
static gboolean
read_string (Reader *r)
{
  const guchar *quote = r->p;
  const guchar *p = quote + 1;
  const guchar *end = r->end;

  g_string_truncate (r->buf, 0);
  for (;;)
    {
      const guchar *run = p;

      /* Copy plain ASCII in bulk. */
      while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        g_string_append_len (r->buf, (const char *) run, p - run);

      if (p >= end)
        return reader_fail (r, quote, WM_JSON_ERROR_SYNTAX, "unterminated string");

      if (*p == '"')
        {
          r->p = p + 1;
          return TRUE;
        }
      else if (*p == '\\')
        {
          r->p = p;
          if (!read_escape (r, quote))
            return FALSE;
          p = r->p;
        }
      else if (*p >= 0x80)
        {
          guint n = utf8_sequence_length (p, end);

          if (n == 0)
            return reader_fail (r, p, WM_JSON_ERROR_ENCODING, "invalid UTF-8");
          g_string_append_len (r->buf, (const char *) p, n);
          p += n;
        }
      else if (*p == 0)
        return reader_fail (r, p, WM_JSON_ERROR_ENCODING,
                            "U+0000 is not allowed in a string");
      else if (*p == '\n' || *p == '\r')
        return reader_fail (r, p, WM_JSON_ERROR_SYNTAX,
                            "line break in a string (is a closing '\"' missing?)");
      else
        return reader_fail (r, p, WM_JSON_ERROR_SYNTAX,
                            "control character U+%04X in a string must be escaped", *p);
    }
}

static inline gboolean
is_digit (const Reader *r,
          const guchar *p)
{
  return p < r->end && *p >= '0' && *p <= '9';
}

static inline gboolean
is_word_char (const Reader *r,
              const guchar *p)
{
  return p < r->end && (g_ascii_isalnum (*p) || *p == '_');
}

/* Reads a number by the JSON grammar, strictly; r->p is at '-' or a digit. */
static JsonNode *
read_number (Reader *r)
{
  const guchar *start = r->p;
  const guchar *p = start;
  double value;

  if (*p == '-')
    {
      p++;
      if (!is_digit (r, p))
        {
          reader_fail_found (r, p, "expected a digit after '-'");
          return NULL;
        }
    }
  if (*p == '0')
    {
      p++;
      if (is_digit (r, p))
        {
          reader_fail (r, start, WM_JSON_ERROR_SYNTAX,
                       "leading zeros are not allowed in a number");
          return NULL;
        }
    }
  else
    while (is_digit (r, p))
      p++;

  if (p < r->end && *p == '.')
    {
      p++;
      if (!is_digit (r, p))
        {
          reader_fail_found (r, p, "expected a digit after '.'");
          return NULL;
        }
      while (is_digit (r, p))
        p++;
    }
  if (p < r->end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < r->end && (*p == '+' || *p == '-'))
        p++;
      if (!is_digit (r, p))
        {
          reader_fail_found (r, p, "expected a digit in the exponent");
          return NULL;
        }
      while (is_digit (r, p))
        p++;
    }
  /* "0x1F", "1.2.3", "12abc": say it is the number that is wrong rather than
   * complain about a missing ',' after it. */
  if (is_word_char (r, p) || (p < r->end && *p == '.'))
    {
      reader_fail (r, p, WM_JSON_ERROR_SYNTAX, "unexpected '%c' in a number", *p);
      return NULL;
    }

  /* g_ascii_strtod needs a terminated string and never looks at the locale.
   * An underflow gives the nearest double (0 or a subnormal), an overflow
   * infinity, which does not fit. */
  g_string_truncate (r->buf, 0);
  g_string_append_len (r->buf, (const char *) start, p - start);
  value = g_ascii_strtod (r->buf->str, NULL);
  if (!isfinite (value))
    {
      reader_fail (r, start, WM_JSON_ERROR_NUMBER_RANGE, "number out of range");
      return NULL;
    }
  r->p = p;
  return json_node_init_double (json_node_alloc (), value);
}

/* true, false, null, or a helpful message about another bare word. */
static JsonNode *
read_word (Reader *r)
{
  const guchar *start = r->p;
  const guchar *p = start;
  gsize len;

  while (is_word_char (r, p))
    p++;
  len = p - start;

  if (len == 4 && memcmp (start, "true", 4) == 0)
    {
      r->p = p;
      return json_node_init_boolean (json_node_alloc (), TRUE);
    }
  if (len == 5 && memcmp (start, "false", 5) == 0)
    {
      r->p = p;
      return json_node_init_boolean (json_node_alloc (), FALSE);
    }
  if (len == 4 && memcmp (start, "null", 4) == 0)
    {
      r->p = p;
      return json_node_init_null (json_node_alloc ());
    }

  if ((len == 3 && g_ascii_strncasecmp ((const char *) start, "nan", 3) == 0)
      || (len == 3 && g_ascii_strncasecmp ((const char *) start, "inf", 3) == 0)
      || (len == 8 && g_ascii_strncasecmp ((const char *) start, "infinity", 8) == 0))
    reader_fail (r, start, WM_JSON_ERROR_SYNTAX,
                 "'%.*s' is not allowed: JSON has no NaN or Infinity",
                 (int) len, (const char *) start);
  else if (len > 32)
    reader_fail (r, start, WM_JSON_ERROR_SYNTAX,
                 "unknown word '%.32s…' (strings need double quotes)",
                 (const char *) start);
  else
    reader_fail (r, start, WM_JSON_ERROR_SYNTAX,
                 "unknown word '%.*s' (strings need double quotes)",
                 (int) len, (const char *) start);
  return NULL;
}

/* Reads a scalar at r->p; @expected says what was expected, for the message
 * when there is no value there at all. */
static JsonNode *
read_scalar (Reader     *r,
             const char *expected)
{
  const guchar *p = r->p;

  if (p >= r->end)
    {
      reader_fail_found (r, p, expected);
      return NULL;
    }
  if (*p == '"')
    {
      if (!read_string (r))
        return NULL;
      return json_node_init_string (json_node_alloc (), r->buf->str);
    }
  if (*p == '-' || (*p >= '0' && *p <= '9'))
    return read_number (r);
  if (g_ascii_isalpha (*p))
    return read_word (r);
  if (*p == '+')
    {
      reader_fail (r, p, WM_JSON_ERROR_SYNTAX, "a number must not start with '+'");
      return NULL;
    }
  reader_fail_found (r, p, expected);
  return NULL;
}

/* Reads an object key (r->p after white space) and the ':' after it into
 * @frame; refuses a key the object already has. */
static gboolean
read_key (Reader     *r,
          Frame      *frame,
          const char *expected)
{
  const guchar *quote = r->p;
  JsonObject *object = json_node_get_object (frame->node);

  if (quote >= r->end || *quote != '"')
    return reader_fail_found (r, quote, expected);
  if (!read_string (r))
    return FALSE;
  if (json_object_has_member (object, r->buf->str))
    return reader_fail (r, quote, WM_JSON_ERROR_DUPLICATE_KEY,
                        "duplicate key '%s'", r->buf->str);

  skip_white_space (r);
  if (r->p >= r->end || *r->p != ':')
    {
      g_autofree char *what = g_strdup_printf ("expected ':' after the key '%s'",
                                               r->buf->str);
      return reader_fail_found (r, r->p, what);
    }
  r->p++;
  g_free (frame->key);
  frame->key = g_strdup (r->buf->str);
  return TRUE;
}

static JsonNode *
reader_run (Reader *r)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  const char *expected = "expected a value";
  JsonNode *value = NULL;

  for (;;)
    {
      /* Expecting a value. */
      skip_white_space (r);
      if (r->p < r->end && (*r->p == '{' || *r->p == '['))
        {
          gboolean is_object = *r->p == '{';
          Frame frame = { NULL, NULL };

          if (stack->len + 1 > r->max_depth)
            {
              reader_fail (r, r->p, WM_JSON_ERROR_DEPTH,
                           "nesting deeper than %u levels", r->max_depth);
              goto fail;
            }
          if (is_object)
            {
              frame.node = json_node_init (json_node_alloc (), JSON_NODE_OBJECT);
              json_node_take_object (frame.node, json_object_new ());
            }
          else
            {
              frame.node = json_node_init (json_node_alloc (), JSON_NODE_ARRAY);
              json_node_take_array (frame.node, json_array_new ());
            }
          g_array_append_val (stack, frame);
          r->p++;
          skip_white_space (r);

          if (is_object)
            {
              if (r->p < r->end && *r->p == '}')
                {
                  r->p++;
                  value = frame.node;
                  g_array_set_size (stack, stack->len - 1);
                }
              else if (!read_key (r, &g_array_index (stack, Frame, stack->len - 1),
                                  "expected a key in double quotes or '}'"))
                goto fail;
              else
                {
                  expected = "expected a value";
                  continue;
                }
            }
          else
            {
              if (r->p < r->end && *r->p == ']')
                {
                  r->p++;
                  value = frame.node;
                  g_array_set_size (stack, stack->len - 1);
                }
              else
                {
                  expected = "expected a value or ']'";
                  continue;
                }
            }
        }
      else
        {
          value = read_scalar (r, expected);
          if (value == NULL)
            goto fail;
        }

      /* Have a value: attach it, then close containers or move on. */
      for (;;)
        {
          Frame *top;

          if (stack->len == 0)
            goto done;

          top = &g_array_index (stack, Frame, stack->len - 1);
          skip_white_space (r);
          if (JSON_NODE_HOLDS_OBJECT (top->node))
            {
              json_object_set_member (json_node_get_object (top->node), top->key, value);
              value = NULL;
              g_clear_pointer (&top->key, g_free);

              if (r->p < r->end && *r->p == ',')
                {
                  r->p++;
                  skip_white_space (r);
                  if (!read_key (r, top, "expected a key in double quotes after ','"))
                    goto fail;
                  expected = "expected a value";
                  break;
                }
              if (r->p < r->end && *r->p == '}')
                {
                  r->p++;
                  value = top->node;
                  g_array_set_size (stack, stack->len - 1);
                  continue;
                }
              reader_fail_found (r, r->p, "expected ',' or '}' after an object member");
              goto fail;
            }
          else
            {
              json_array_add_element (json_node_get_array (top->node), value);
              value = NULL;

              if (r->p < r->end && *r->p == ',')
                {
                  r->p++;
                  expected = "expected a value after ','";
                  break;
                }
              if (r->p < r->end && *r->p == ']')
                {
                  r->p++;
                  value = top->node;
                  g_array_set_size (stack, stack->len - 1);
                  continue;
                }
              reader_fail_found (r, r->p, "expected ',' or ']' after an array item");
              goto fail;
            }
        }
    }

done:
  skip_white_space (r);
  if (r->p < r->end)
    {
      reader_fail_found (r, r->p, "expected the end of the document after the value");
      goto fail;
    }
  return value;

fail:
  g_clear_pointer (&value, json_node_unref);
  for (guint i = 0; i < stack->len; i++)
    {
      Frame *f = &g_array_index (stack, Frame, i);
      json_node_unref (f->node);
      g_free (f->key);
    }
  return NULL;
}

JsonNode *
wm_json_parse (const char  *data,
               gssize       length,
               guint        max_depth,
               guint       *error_line,
               guint       *error_column,
               GError     **error)
{
  Reader r = { 0 };
  gsize len;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;
  if (error_column != NULL)
    *error_column = 0;

  /* strnlen so a huge NUL-terminated buffer is not measured to its end. */
  len = length < 0 ? strnlen (data, (gsize) WM_JSON_MAX_SIZE + 1) : (gsize) length;
  if (len > WM_JSON_MAX_SIZE)
    {
      /* A size error has no position, so this message alone does not begin
       * with "line L, column C" and the position stays 0, 0. */
      g_set_error (error, WM_JSON_ERROR, WM_JSON_ERROR_TOO_LARGE,
                   "the document is larger than %d MiB", WM_JSON_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  r.start = (const guchar *) data;
  r.end = r.start + len;
  if (len >= 3 && r.start[0] == 0xEF && r.start[1] == 0xBB && r.start[2] == 0xBF)
    r.start += 3;
  r.p = r.start;
  r.max_depth = max_depth == 0 ? WM_JSON_MAX_DEPTH : max_depth;
  r.buf = g_string_sized_new (256);

  root = reader_run (&r);
  g_string_free (r.buf, TRUE);

  if (root == NULL)
    {
      if (error_line != NULL)
        *error_line = r.err_line;
      if (error_column != NULL)
        *error_column = r.err_column;
      g_propagate_error (error, r.error);
    }
  return root;
}

JsonNode *
wm_json_parse_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file before reading it. If stat fails, let
   * g_file_get_contents report why, in the GFileError domain. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > WM_JSON_MAX_SIZE)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, WM_JSON_ERROR, WM_JSON_ERROR_TOO_LARGE,
                   "“%s” is larger than %d MiB", display,
                   WM_JSON_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return wm_json_parse (contents, length, 0, NULL, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* Writer                                                                   */
/* ------------------------------------------------------------------------ */

static const char hex_digits[] = "0123456789abcdef";

void
wm_json_append_string (GString    *out,
                       const char *str)
{
  const guchar *p = (const guchar *) str;

  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  g_string_append_c (out, '"');
  for (;;)
    {
      const guchar *run = p;
      guchar c;

      /* Everything from U+0020 up, non-ASCII and '/' included, is itself. */
      while (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7F)
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);

      c = *p;
      if (c == 0)
        break;
      p++;
      switch (c)
        {
        case '"':  g_string_append_len (out, "\\\"", 2); break;
        case '\\': g_string_append_len (out, "\\\\", 2); break;
        case '\b': g_string_append_len (out, "\\b", 2);  break;
        case '\t': g_string_append_len (out, "\\t", 2);  break;
        case '\n': g_string_append_len (out, "\\n", 2);  break;
        case '\f': g_string_append_len (out, "\\f", 2);  break;
        case '\r': g_string_append_len (out, "\\r", 2);  break;
        default:
          {
            char esc[6] = { '\\', 'u', '0', '0', hex_digits[c >> 4], hex_digits[c & 0xF] };
            g_string_append_len (out, esc, 6);
          }
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* Digits of an integer below 1e15 in magnitude, without printf. */
static char *
format_integer (gint64  v,
                char   *buf)
{
  char tmp[24];
  int n = 0, i = 0;
  guint64 u;

  if (v < 0)
    {
      buf[i++] = '-';
      u = (guint64) (-(v + 1)) + 1;
    }
  else
    u = (guint64) v;
  do
    {
      tmp[n++] = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  while (n > 0)
    buf[i++] = tmp[--n];
  buf[i] = '\0';
  return buf;
}

char *
wm_json_format_number (double  value,
                       char   *buf)
{
  static const char *const formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };

  g_return_val_if_fail (buf != NULL, NULL);

  if (G_UNLIKELY (!isfinite (value)))
    {
      memcpy (buf, "null", 5);
      g_return_val_if_fail (isfinite (value), buf);
    }

  /* -0.0 converts to the integer 0, so it is written "0". */
  if (fabs (value) < 1e15 && value == floor (value))
    return format_integer ((gint64) value, buf);

  /* For a normal double, if "%.15g" reads back then it is the same text as
   * "%.Ng" with the smallest N: that N is at most 15, and a decimal of N
   * digits that reads back lies within half an ulp (< 1.2e-16 relative) of
   * the value, closer than half the spacing of 15-digit decimals (>= 5e-16
   * relative), so rounding to 15 digits gives the same decimal, which %g
   * prints without its trailing zeros. (A non-integral value below 1e15
   * prints in fixed notation for both; anything else in e notation for
   * both.) This saves up to 14 formatting rounds per number. Subnormals have
   * coarser ulps, so they take the plain search. */
  if (fabs (value) >= DBL_MIN)
    {
      for (guint i = 14; i < G_N_ELEMENTS (formats); i++)
        {
          g_ascii_formatd (buf, 32, formats[i], value);
          if (g_ascii_strtod (buf, NULL) == value)
            return buf;
        }
      return buf;
    }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, 32, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return buf;
}

void
wm_json_append_number (GString *out,
                       double   value)
{
  char buf[32];

  g_return_if_fail (out != NULL);
  g_string_append (out, wm_json_format_number (value, buf));
}

static void
append_value (GString  *out,
              JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_DOUBLE)
    wm_json_append_number (out, json_node_get_double (node));
  else if (type == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (node);
      char buf[32];

      /* Written as the double the reader will make of it, so the canonical
       * form of a tree built with json_node_init_int is the canonical form
       * of the same tree read back: digits below 1e15, the number rule
       * above that. */
      if (v > -1000000000000000 && v < 1000000000000000)
        g_string_append (out, format_integer (v, buf));
      else
        wm_json_append_number (out, (double) v);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      wm_json_append_string (out, s != NULL ? s : "");
    }
  else
    {
      g_critical ("wm_json: cannot write a value of type %s", g_type_name (type));
      g_string_append (out, "null");
    }
}

static void
append_indent (GString *out,
               guint    level)
{
  static const char spaces[] = "                                                                ";
  gsize n = (gsize) level * 2;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);
      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

static gboolean
is_scalar (JsonNode *node)
{
  JsonNodeType type = json_node_get_node_type (node);
  return type == JSON_NODE_VALUE || type == JSON_NODE_NULL;
}

/* @canonical: the multi-line form at indentation @level; otherwise compact. */
static void
append_node (GString  *out,
             JsonNode *node,
             guint     level,
             gboolean  canonical)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        gboolean first = TRUE;

        if (object == NULL || json_object_get_size (object) == 0)
          {
            g_string_append_len (out, "{}", 2);
            break;
          }
        g_string_append_c (out, '{');
        /* json-glib 1.6 keeps members in insertion order; the ordered
         * iterator walks them in that order. */
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            if (canonical)
              {
                g_string_append_c (out, '\n');
                append_indent (out, level + 1);
              }
            wm_json_append_string (out, key);
            if (canonical)
              g_string_append_len (out, ": ", 2);
            else
              g_string_append_c (out, ':');
            append_node (out, member, level + 1, canonical);
          }
        if (canonical)
          {
            g_string_append_c (out, '\n');
            append_indent (out, level);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = array != NULL ? json_array_get_length (array) : 0;
        gboolean one_line = TRUE;

        if (n == 0)
          {
            g_string_append_len (out, "[]", 2);
            break;
          }
        if (canonical)
          for (guint i = 0; i < n && one_line; i++)
            one_line = is_scalar (json_array_get_element (array, i));

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (canonical && one_line && i > 0)
              g_string_append_c (out, ' ');
            else if (canonical && !one_line)
              {
                g_string_append_c (out, '\n');
                append_indent (out, level + 1);
              }
            append_node (out, json_array_get_element (array, i), level + 1, canonical);
          }
        if (canonical && !one_line)
          {
            g_string_append_c (out, '\n');
            append_indent (out, level);
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      append_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append_len (out, "null", 4);
      break;
    }
}

char *
wm_json_to_canonical (JsonNode *node,
                      gsize    *length)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_sized_new (4096);
  append_node (out, node, 0, TRUE);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

void
wm_json_append_compact (GString  *out,
                        JsonNode *node)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  append_node (out, node, 0, FALSE);
}

JsonNode *
wm_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  copy = json_node_alloc ();
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (object, name, wm_json_node_deep_copy (member));
        json_node_init_object (copy, object);
        json_object_unref (object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        guint n = json_array_get_length (source);
        JsonArray *array = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array, wm_json_node_deep_copy (json_array_get_element (source, i)));
        json_node_init_array (copy, array);
        json_array_unref (array);
        return copy;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return json_node_init_string (copy, json_node_get_string (node));
        case G_TYPE_BOOLEAN:
          return json_node_init_boolean (copy, json_node_get_boolean (node));
        case G_TYPE_INT64:
          return json_node_init_int (copy, json_node_get_int (node));
        default:
          return json_node_init_double (copy, json_node_get_double (node));
        }

    case JSON_NODE_NULL:
    default:
      return json_node_init_null (copy);
    }
}
