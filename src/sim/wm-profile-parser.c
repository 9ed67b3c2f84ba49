/* wm-profile-parser.c - one JSON Lines profile line to a WmProfile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A purpose-built strict tokenizer (flow-format.md's JSON rules) that
 * writes straight into the flat node array of wm-profile-private.h: no
 * tree of allocations, no second pass over a generic document.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-json.h"
#include "wm-profile-private.h"
#include "wm-profile-reader.h"
#include "wm-time.h"

/* Objects with more members than this are checked for duplicate keys by
 * sorting; smaller ones pairwise. */
#define PAIRWISE_MAX 16

struct _WmProfileParser
{
  WmProfileScratch scratch;
  const guchar    *start;
  const guchar    *p;
  const guchar    *end;
  char            *error;    /* the reason, set once */
  guint           *sort;     /* member indices for the duplicate check */
  guint            sort_cap;
};

WmProfileParser *
wm_profile_parser_new (void)
{
  return g_new0 (WmProfileParser, 1);
}

void
wm_profile_parser_free (WmProfileParser *parser)
{
  if (parser == NULL)
    return;
  _wm_profile_scratch_clear (&parser->scratch);
  g_free (parser->sort);
  g_free (parser->error);
  g_free (parser);
}

G_GNUC_PRINTF (2, 3)
static gboolean
fail (WmProfileParser *parser,
      const char      *format,
      ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  if (parser->error != NULL)
    return FALSE;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  parser->error = g_strdup_printf ("bad JSON: %s at column %" G_GSIZE_FORMAT,
                                   msg, (gsize) (parser->p - parser->start) + 1);
  return FALSE;
}

static inline void
skip_ws (WmProfileParser *parser)
{
  const guchar *p = parser->p;

  /* Most lines have no white space: one test for the common case. */
  while (p < parser->end && *p <= ' ' && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  parser->p = p;
}

static int
hex4 (const guchar *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int c = p[i];

      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        return -1;
    }
  return v;
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The bytes of @v that end or escape a plain run (below 0x20, from 0x80, a
 * '"' or a '\\'), as their high bits. Zero exactly when there is none;
 * otherwise the lowest marked byte is the first such one (a borrow only
 * marks bytes above a true hit). */
static inline guint64
stop_bytes (guint64 v)
{
  guint64 quote = v ^ (ONES * '"');
  guint64 backslash = v ^ (ONES * '\\');
  guint64 special = (v - ONES * 0x20)
                    | ((quote - ONES) & ~quote)
                    | ((backslash - ONES) & ~backslash);

  return ((special & ~v) | v) & HIGHS;
}

/* Reads a string starting after its opening quote into the pool, in one
 * pass: the unescaped text is never longer than the rest of the line, so
 * that much room is reserved up front (the pool keeps its capacity from
 * line to line). */
static gboolean
parse_string (WmProfileParser *parser,
              guint32         *off,
              guint32         *len)
{
  WmProfileScratch *s = &parser->scratch;
  const guchar *p = parser->p;
  const guchar *end = parser->end;
  gboolean high = FALSE;
  char *dst = _wm_profile_scratch_reserve (s, (end - p) + 1);
  char *out = dst;

  *off = (guint32) s->pool_len;
  for (;;)
    {
      guchar c;
      int cp;

      /* the common run of plain ASCII, eight bytes at a time: the block is
       * copied whole (out never gets ahead of p, and the room reserved is
       * the rest of the line), then out and p move up to its first stop */
      while (end - p >= 8)
        {
          guint64 v, stops;

          memcpy (&v, p, 8);
          stops = stop_bytes (v);
          memcpy (out, &v, 8);
          if (stops == 0)
            {
              out += 8;
              p += 8;
              continue;
            }
#if defined(__GNUC__) && G_BYTE_ORDER == G_LITTLE_ENDIAN
          out += __builtin_ctzll (stops) / 8;
          p += __builtin_ctzll (stops) / 8;
#endif
          break;
        }
      while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        *out++ = (char) *p++;
      if (p >= end)
        {
          parser->p = end;
          return fail (parser, "unterminated string");
        }
      c = *p;
      if (c == '"')
        break;
      if (c >= 0x80)
        {
          high = TRUE;
          *out++ = (char) *p++;
          continue;
        }
      parser->p = p;
      if (c < 0x20)
        return fail (parser, "control character in a string");
      /* an escape */
      p++;
      if (p >= end)
        return fail (parser, "unterminated string");
      switch (*p)
        {
        case '"': *out++ = '"'; p++; continue;
        case '\\': *out++ = '\\'; p++; continue;
        case '/': *out++ = '/'; p++; continue;
        case 'b': *out++ = '\b'; p++; continue;
        case 'f': *out++ = '\f'; p++; continue;
        case 'n': *out++ = '\n'; p++; continue;
        case 'r': *out++ = '\r'; p++; continue;
        case 't': *out++ = '\t'; p++; continue;
        case 'u':
          break;
        default:
          return fail (parser, "invalid escape");
        }
      if (end - p < 5 || (cp = hex4 (p + 1)) < 0)
        return fail (parser, "invalid \\u escape");
      p += 5;
      if (cp >= 0xD800 && cp <= 0xDBFF)
        {
          int lo;

          if (end - p < 6 || p[0] != '\\' || p[1] != 'u'
              || (lo = hex4 (p + 2)) < 0xDC00 || lo > 0xDFFF)
            return fail (parser, "lone surrogate");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        }
      else if (cp >= 0xDC00 && cp <= 0xDFFF)
        return fail (parser, "lone surrogate");
      else if (cp == 0)
        return fail (parser, "U+0000 in a string");
      out += g_unichar_to_utf8 (cp, out);
    }
  /* Escapes only produce valid UTF-8, so checking the result checks the
   * raw bytes. */
  if (high && !g_utf8_validate (dst, out - dst, NULL))
    {
      parser->p = p;
      return fail (parser, "invalid UTF-8");
    }
  *out = '\0';
  *len = (guint32) (out - dst);
  s->pool_len += *len + 1;
  parser->p = p + 1;
  return TRUE;
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static gboolean
parse_number (WmProfileParser *parser,
              double          *out)
{
  const guchar *p = parser->p;
  const guchar *start = p;
  guint64 mantissa = 0;
  int digits = 0;        /* significant digits accumulated in mantissa */
  int dropped = 0;       /* more digits than fit: no fast path */
  int exp10 = 0;
  gboolean negative = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p >= parser->end || *p < '0' || *p > '9')
    {
      parser->p = p;
      return fail (parser, "invalid number");
    }
  if (*p == '0')
    p++;
  else
    while (p < parser->end && *p >= '0' && *p <= '9')
      {
        if (digits < 19)
          {
            mantissa = mantissa * 10 + (*p - '0');
            digits += mantissa != 0;
          }
        else
          dropped++;
        p++;
      }
  if (p < parser->end && *p == '.')
    {
      p++;
      if (p >= parser->end || *p < '0' || *p > '9')
        {
          parser->p = p;
          return fail (parser, "invalid number");
        }
      while (p < parser->end && *p >= '0' && *p <= '9')
        {
          if (digits < 19)
            {
              mantissa = mantissa * 10 + (*p - '0');
              digits += mantissa != 0;
              exp10--;
            }
          else
            dropped++;
          p++;
        }
    }
  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      int e = 0;
      gboolean eneg = FALSE;

      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        eneg = *p++ == '-';
      if (p >= parser->end || *p < '0' || *p > '9')
        {
          parser->p = p;
          return fail (parser, "invalid number");
        }
      while (p < parser->end && *p >= '0' && *p <= '9')
        {
          if (e < 100000)
            e = e * 10 + (*p - '0');
          else
            dropped++;
          p++;
        }
      exp10 += eneg ? -e : e;
    }
  parser->p = p;

  /* Clinger's fast path: an integer mantissa below 2^53 times or divided by
   * an exact power of ten is correctly rounded by one IEEE operation. */
  if (dropped == 0 && mantissa < (G_GUINT64_CONSTANT (1) << 53)
      && exp10 >= -22 && exp10 <= 22)
    {
      double v = (double) mantissa;

      v = exp10 >= 0 ? v * powers_of_ten[exp10] : v / powers_of_ten[-exp10];
      *out = negative ? -v : v;
      return TRUE;
    }
  else
    {
      char small[128];
      gsize n = p - start;
      g_autofree char *big = NULL;
      char *text = small;
      double v;

      if (n >= sizeof small)
        text = big = g_malloc (n + 1);
      memcpy (text, start, n);
      text[n] = '\0';
      v = g_ascii_strtod (text, NULL);
      if (!isfinite (v))
        {
          parser->p = start;
          return fail (parser, "number does not fit a double");
        }
      /* An underflow reads as the nearest double (ERANGE is ignored). */
      *out = v;
      return TRUE;
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  WmProfileParser *parser = user_data;
  const WmNode *na = &parser->scratch.nodes[*(const guint *) a];
  const WmNode *nb = &parser->scratch.nodes[*(const guint *) b];
  int c = memcmp (parser->scratch.pool + na->key_off,
                  parser->scratch.pool + nb->key_off,
                  MIN (na->key_len, nb->key_len));

  if (c != 0)
    return c;
  return na->key_len < nb->key_len ? -1 : na->key_len > nb->key_len;
}

static gboolean
check_duplicate_keys (WmProfileParser *parser,
                      guint            object)
{
  const WmProfileScratch *s = &parser->scratch;
  guint count = s->nodes[object].as.count;
  guint child = object + 1;
  const WmNode *a;
  const WmNode *b;

  if (count > parser->sort_cap)
    {
      parser->sort_cap = MAX (count, parser->sort_cap * 2);
      parser->sort = g_renew (guint, parser->sort, parser->sort_cap);
    }
  for (guint k = 0; k < count; k++)
    {
      parser->sort[k] = child;
      child += s->nodes[child].size;
    }
  if (count <= PAIRWISE_MAX)
    {
      for (guint i = 0; i < count; i++)
        for (guint j = i + 1; j < count; j++)
          {
            a = &s->nodes[parser->sort[i]];
            b = &s->nodes[parser->sort[j]];
            if (a->key_len == b->key_len
                && memcmp (s->pool + a->key_off, s->pool + b->key_off, a->key_len) == 0)
              return fail (parser, "duplicate key \"%s\"", s->pool + a->key_off);
          }
      return TRUE;
    }
  g_qsort_with_data (parser->sort, count, sizeof (guint), compare_keys, parser);
  for (guint k = 1; k < count; k++)
    if (compare_keys (&parser->sort[k - 1], &parser->sort[k], parser) == 0)
      return fail (parser, "duplicate key \"%s\"",
                   s->pool + s->nodes[parser->sort[k]].key_off);
  return TRUE;
}

static gboolean
parse_value (WmProfileParser *parser,
             guint            depth)
{
  WmProfileScratch *s = &parser->scratch;
  guint node;
  guint count = 0;

  skip_ws (parser);
  if (parser->p >= parser->end)
    return fail (parser, "unexpected end of line");

  node = _wm_profile_scratch_node (s);
  switch (*parser->p)
    {
    case '{':
      if (depth + 1 > WM_JSON_MAX_DEPTH)
        return fail (parser, "nesting deeper than %d levels", WM_JSON_MAX_DEPTH);
      parser->p++;
      s->nodes[node].kind = WM_NODE_OBJECT;
      skip_ws (parser);
      if (parser->p < parser->end && *parser->p == '}')
        parser->p++;
      else
        for (;;)
          {
            guint32 key_off, key_len;
            guint child;

            skip_ws (parser);
            if (parser->p >= parser->end || *parser->p != '"')
              return fail (parser, "expected a key");
            parser->p++;
            if (!parse_string (parser, &key_off, &key_len))
              return FALSE;
            skip_ws (parser);
            if (parser->p >= parser->end || *parser->p != ':')
              return fail (parser, "expected ':'");
            parser->p++;
            child = s->n_nodes;
            if (!parse_value (parser, depth + 1))
              return FALSE;
            s->nodes[child].key_off = key_off;
            s->nodes[child].key_len = key_len;
            count++;
            skip_ws (parser);
            if (parser->p < parser->end && *parser->p == ',')
              {
                parser->p++;
                continue;
              }
            if (parser->p < parser->end && *parser->p == '}')
              {
                parser->p++;
                break;
              }
            return fail (parser, "expected ',' or '}'");
          }
      s->nodes[node].as.count = count;
      s->nodes[node].size = s->n_nodes - node;
      return count < 2 || check_duplicate_keys (parser, node);

    case '[':
      if (depth + 1 > WM_JSON_MAX_DEPTH)
        return fail (parser, "nesting deeper than %d levels", WM_JSON_MAX_DEPTH);
      parser->p++;
      s->nodes[node].kind = WM_NODE_ARRAY;
      skip_ws (parser);
      if (parser->p < parser->end && *parser->p == ']')
        parser->p++;
      else
        for (;;)
          {
            if (!parse_value (parser, depth + 1))
              return FALSE;
            count++;
            skip_ws (parser);
            if (parser->p < parser->end && *parser->p == ',')
              {
                parser->p++;
                continue;
              }
            if (parser->p < parser->end && *parser->p == ']')
              {
                parser->p++;
                break;
              }
            return fail (parser, "expected ',' or ']'");
          }
      s->nodes[node].as.count = count;
      s->nodes[node].size = s->n_nodes - node;
      return TRUE;

    case '"':
      {
        guint32 off, len;

        parser->p++;
        if (!parse_string (parser, &off, &len))
          return FALSE;
        s->nodes[node].kind = WM_NODE_STRING;
        s->nodes[node].as.str.off = off;
        s->nodes[node].as.str.len = len;
        return TRUE;
      }

    case 't':
      if (parser->end - parser->p >= 4 && memcmp (parser->p, "true", 4) == 0)
        {
          s->nodes[node].kind = WM_NODE_TRUE;
          parser->p += 4;
          return TRUE;
        }
      return fail (parser, "unexpected character");

    case 'f':
      if (parser->end - parser->p >= 5 && memcmp (parser->p, "false", 5) == 0)
        {
          s->nodes[node].kind = WM_NODE_FALSE;
          parser->p += 5;
          return TRUE;
        }
      return fail (parser, "unexpected character");

    case 'n':
      if (parser->end - parser->p >= 4 && memcmp (parser->p, "null", 4) == 0)
        {
          s->nodes[node].kind = WM_NODE_NULL;
          parser->p += 4;
          return TRUE;
        }
      return fail (parser, "unexpected character");

    default:
      if (*parser->p == '-' || (*parser->p >= '0' && *parser->p <= '9'))
        {
          double v = 0;

          if (!parse_number (parser, &v))
            return FALSE;
          s->nodes[node].kind = WM_NODE_NUMBER;
          s->nodes[node].as.number = v;
          return TRUE;
        }
      return fail (parser, "unexpected character");
    }
}

/* The members @keys of @object in one pass over it (keys are unique: the
 * parser refused duplicates), each WM_NODE_NONE when absent. */
static void
members (const WmProfileScratch *s,
         guint                   object,
         const char * const     *keys,
         const guint            *lens,
         guint                   n_keys,
         guint                  *out)
{
  guint child = object + 1;

  for (guint i = 0; i < n_keys; i++)
    out[i] = WM_NODE_NONE;
  for (guint k = 0; k < s->nodes[object].as.count; k++)
    {
      const WmNode *node = &s->nodes[child];

      for (guint i = 0; i < n_keys; i++)
        if (node->key_len == lens[i] && memcmp (s->pool + node->key_off, keys[i], lens[i]) == 0)
          {
            out[i] = child;
            break;
          }
      child += node->size;
    }
}

static const char * const profile_keys[] = { "id", "attributes", "events" };
static const guint profile_key_lens[] = { 2, 10, 6 };
static const char * const event_keys[] = { "name", "at", "properties" };
static const guint event_key_lens[] = { 4, 2, 10 };

static gboolean
reject (WmProfileParser *parser,
        char            *reason)
{
  g_free (parser->error);
  parser->error = reason;
  return FALSE;
}

/* Checks the parsed line against the profile rules and collects events. */
static gboolean
read_profile (WmProfileParser *parser,
              guint32         *id_off,
              guint32         *id_len,
              guint           *attributes)
{
  WmProfileScratch *s = &parser->scratch;
  guint found[3], id, events, child;

  if (s->nodes[0].kind != WM_NODE_OBJECT)
    return reject (parser, g_strdup ("not an object"));

  members (s, 0, profile_keys, profile_key_lens, 3, found);
  id = found[0];
  if (id == WM_NODE_NONE)
    return reject (parser, g_strdup ("missing id"));
  if (s->nodes[id].kind != WM_NODE_STRING)
    return reject (parser, g_strdup ("id must be a string"));
  if (s->nodes[id].as.str.len == 0)
    return reject (parser, g_strdup ("id must not be empty"));
  if (s->nodes[id].as.str.len > WM_PROFILE_ID_MAX)
    return reject (parser, g_strdup_printf ("id longer than %d bytes", WM_PROFILE_ID_MAX));
  *id_off = s->nodes[id].as.str.off;
  *id_len = s->nodes[id].as.str.len;

  *attributes = found[1];
  if (*attributes != WM_NODE_NONE && s->nodes[*attributes].kind == WM_NODE_NULL)
    *attributes = WM_NODE_NONE;
  if (*attributes != WM_NODE_NONE && s->nodes[*attributes].kind != WM_NODE_OBJECT)
    return reject (parser, g_strdup ("attributes must be an object"));

  events = found[2];
  if (events == WM_NODE_NONE || s->nodes[events].kind == WM_NODE_NULL)
    return TRUE;
  if (s->nodes[events].kind != WM_NODE_ARRAY)
    return reject (parser, g_strdup ("events must be an array"));

  child = events + 1;
  for (guint i = 0; i < s->nodes[events].as.count; i++, child += s->nodes[child].size)
    {
      WmProfileEvent *ev;
      guint name, at, props;
      gint64 t;

      if (s->nodes[child].kind != WM_NODE_OBJECT)
        return reject (parser, g_strdup_printf ("events[%u] must be an object", i));
      members (s, child, event_keys, event_key_lens, 3, found);
      name = found[0];
      if (name == WM_NODE_NONE || s->nodes[name].kind != WM_NODE_STRING
          || s->nodes[name].as.str.len == 0)
        return reject (parser, g_strdup_printf ("events[%u].name must be a non-empty string", i));
      at = found[1];
      if (at == WM_NODE_NONE || s->nodes[at].kind != WM_NODE_STRING)
        return reject (parser, g_strdup_printf ("events[%u].at must be a timestamp", i));
      if (!wm_timestamp_parse (s->pool + s->nodes[at].as.str.off,
                               s->nodes[at].as.str.len, &t))
        return reject (parser, g_strdup_printf ("bad timestamp in events[%u].at", i));
      props = found[2];
      if (props != WM_NODE_NONE && s->nodes[props].kind == WM_NODE_NULL)
        props = WM_NODE_NONE;
      if (props != WM_NODE_NONE && s->nodes[props].kind != WM_NODE_OBJECT)
        return reject (parser, g_strdup_printf ("events[%u].properties must be an object", i));

      ev = _wm_profile_scratch_event (s);
      ev->name = GSIZE_TO_POINTER ((gsize) s->nodes[name].as.str.off);
      ev->name_len = s->nodes[name].as.str.len;
      ev->at = t;
      ev->index = i;
      ev->properties = props;
    }
  return TRUE;
}

WmProfile *
wm_profile_parser_parse (WmProfileParser  *parser,
                         const char       *data,
                         gsize             len,
                         gboolean          too_long,
                         guint64           line_number,
                         char            **reason)
{
  guint32 id_off = 0, id_len = 0;
  guint attributes = WM_NODE_NONE;

  g_return_val_if_fail (parser != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  *reason = NULL;
  if (too_long)
    {
      *reason = g_strdup ("bad JSON: line longer than 64 MiB");
      return NULL;
    }

  _wm_profile_scratch_reset (&parser->scratch);
  g_clear_pointer (&parser->error, g_free);
  parser->start = parser->p = (const guchar *) data;
  parser->end = parser->start + len;

  if (parse_value (parser, 0))
    {
      skip_ws (parser);
      if (parser->p != parser->end)
        fail (parser, "text after the value");
    }
  if (parser->error == NULL
      && read_profile (parser, &id_off, &id_len, &attributes))
    return _wm_profile_build (&parser->scratch, id_off, id_len, attributes,
                              line_number);

  *reason = g_steal_pointer (&parser->error);
  return NULL;
}
