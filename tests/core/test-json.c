/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c - the strict reader and the canonical writer
 *
 * Every expected message, position and output below is worked out by hand
 * from flow-format.md (canonical form, Loading) and wm-json.h.
 */

#include <math.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "wm-json.h"

#include "time-factor.h"

/* ------------------------------------------------------------------------ */
/* Reader errors                                                            */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char  *input;
  gssize       length;          /* -1: NUL-terminated */
  WmJsonError  code;
  guint        line;
  guint        column;
  const char  *message;
} ErrorCase;

static void
check_error_cases (const ErrorCase *cases,
                   gsize            n)
{
  for (gsize i = 0; i < n; i++)
    {
      const ErrorCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      guint line = 99, column = 99;
      g_autofree char *shown = g_strescape (c->input, NULL);

      g_test_message ("input %zu: %s", i, shown);
      node = wm_json_parse (c->input, c->length, 0, &line, &column, &error);
      g_assert_null (node);
      g_assert_error (error, WM_JSON_ERROR, (gint) c->code);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_cmpuint (line, ==, c->line);
      g_assert_cmpuint (column, ==, c->column);
    }
}

static void
test_syntax_errors_are_named_with_their_position (void)
{
  static const ErrorCase cases[] = {
    { "", -1, WM_JSON_ERROR_SYNTAX, 1, 1,
      "line 1, column 1: expected a value, found the end of the document" },
    { "  \n ", -1, WM_JSON_ERROR_SYNTAX, 2, 2,
      "line 2, column 2: expected a value, found the end of the document" },
    { "{\"a\": 1,}", -1, WM_JSON_ERROR_SYNTAX, 1, 9,
      "line 1, column 9: expected a key in double quotes after ',', found '}'" },
    { "[1, 2,]", -1, WM_JSON_ERROR_SYNTAX, 1, 7,
      "line 1, column 7: expected a value after ',', found ']'" },
    { "{\"a\" 1}", -1, WM_JSON_ERROR_SYNTAX, 1, 6,
      "line 1, column 6: expected ':' after the key 'a', found '1'" },
    { "{\"a\": 1 \"b\": 2}", -1, WM_JSON_ERROR_SYNTAX, 1, 9,
      "line 1, column 9: expected ',' or '}' after an object member, found '\"'" },
    { "[1 2]", -1, WM_JSON_ERROR_SYNTAX, 1, 4,
      "line 1, column 4: expected ',' or ']' after an array item, found '2'" },
    { "{'a': 1}", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: expected a key in double quotes or '}', found '''" },
    { "{\"a\":", -1, WM_JSON_ERROR_SYNTAX, 1, 6,
      "line 1, column 6: expected a value, found the end of the document" },
    { "[", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: expected a value or ']', found the end of the document" },
    { "[1,", -1, WM_JSON_ERROR_SYNTAX, 1, 4,
      "line 1, column 4: expected a value after ',', found the end of the document" },
    { "{\"a\": [1, {\"b\": }]}", -1, WM_JSON_ERROR_SYNTAX, 1, 17,
      "line 1, column 17: expected a value, found '}'" },
    { "{} x", -1, WM_JSON_ERROR_SYNTAX, 1, 4,
      "line 1, column 4: expected the end of the document after the value, found 'x'" },
    { "1 2", -1, WM_JSON_ERROR_SYNTAX, 1, 3,
      "line 1, column 3: expected the end of the document after the value, found '2'" },
    { "nul", -1, WM_JSON_ERROR_SYNTAX, 1, 1,
      "line 1, column 1: unknown word 'nul' (strings need double quotes)" },
    { "[truex]", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: unknown word 'truex' (strings need double quotes)" },
    { "[\x01]", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: expected a value or ']', found U+0001" },
    /* Columns count code points: é is one column, two bytes. */
    { "{\"\xc3\xa9\xc3\xa9\": 1 x}", -1, WM_JSON_ERROR_SYNTAX, 1, 10,
      "line 1, column 10: expected ',' or '}' after an object member, found 'x'" },
    { "[\xc3\xa9]", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: expected a value or ']', found '\xc3\xa9'" },
    /* "\r\n" is one line break. */
    { "[1,\r\n2,\r\n}]", -1, WM_JSON_ERROR_SYNTAX, 3, 1,
      "line 3, column 1: expected a value after ',', found '}'" },
    /* A tab is one column. */
    { "{\n\t\"a\" 1}", -1, WM_JSON_ERROR_SYNTAX, 2, 6,
      "line 2, column 6: expected ':' after the key 'a', found '1'" },
  };

  check_error_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_string_errors_are_named_with_their_position (void)
{
  static const ErrorCase cases[] = {
    { "\"abc", -1, WM_JSON_ERROR_SYNTAX, 1, 1,
      "line 1, column 1: unterminated string" },
    { "[\"ab\\", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: unterminated string" },
    { "[\"ab\ncd\"]", -1, WM_JSON_ERROR_SYNTAX, 1, 5,
      "line 1, column 5: line break in a string (is a closing '\"' missing?)" },
    { "\"a\tb\"", -1, WM_JSON_ERROR_SYNTAX, 1, 3,
      "line 1, column 3: control character U+0009 in a string must be escaped" },
    { "\"\\x\"", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: invalid escape '\\x' in a string" },
    { "\"\\u12\"", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: expected four hex digits after '\\u'" },
    { "\"\\u12G4\"", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: expected four hex digits after '\\u'" },
  };

  check_error_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_invalid_utf8_is_refused (void)
{
  static const ErrorCase cases[] = {
    { "[\n  \"a\xc3\xa9\xff\"]", -1, WM_JSON_ERROR_ENCODING, 2, 6,
      "line 2, column 6: invalid UTF-8" },
    /* overlong '/' in two and in three bytes */
    { "\"\xc0\xaf\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    { "\"\xe0\x80\xaf\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    { "\"\xf0\x80\x80\xaf\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    /* U+D800 encoded in UTF-8 */
    { "\"\xed\xa0\x80\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    /* U+110000 */
    { "\"\xf4\x90\x80\x80\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    { "\"\xf5\x80\x80\x80\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    /* a lone continuation byte, a truncated sequence */
    { "\"\x80\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    { "\"\xe2\x82\"", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    { "\"\xe2\x82", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    /* outside a string */
    { "[\xff]", -1, WM_JSON_ERROR_ENCODING, 1, 2, "line 1, column 2: invalid UTF-8" },
    /* in a key */
    { "{\"\xc3\"", -1, WM_JSON_ERROR_ENCODING, 1, 3, "line 1, column 3: invalid UTF-8" },
  };

  check_error_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_lone_surrogates_and_nul_are_refused (void)
{
  static const ErrorCase cases[] = {
    { "[\"\\ud800\"]", -1, WM_JSON_ERROR_ENCODING, 1, 3,
      "line 1, column 3: lone surrogate escape '\\ud800'" },
    { "[\"\\uDC00\"]", -1, WM_JSON_ERROR_ENCODING, 1, 3,
      "line 1, column 3: lone surrogate escape '\\uDC00'" },
    { "\"x\\ud83d\\u0041\"", -1, WM_JSON_ERROR_ENCODING, 1, 3,
      "line 1, column 3: lone surrogate escape '\\ud83d'" },
    { "\"\\ud83d\"", -1, WM_JSON_ERROR_ENCODING, 1, 2,
      "line 1, column 2: lone surrogate escape '\\ud83d'" },
    /* two high surrogates in a row */
    { "\"\\ud83d\\ud83d\"", -1, WM_JSON_ERROR_ENCODING, 1, 2,
      "line 1, column 2: lone surrogate escape '\\ud83d'" },
    { "{\"\\u0000\": 1}", -1, WM_JSON_ERROR_ENCODING, 1, 3,
      "line 1, column 3: \\u0000 is not allowed in a string" },
    { "[\"a\\u0000\"]", -1, WM_JSON_ERROR_ENCODING, 1, 4,
      "line 1, column 4: \\u0000 is not allowed in a string" },
    /* a raw NUL byte inside a string, with an explicit length */
    { "\"a\0b\"", 5, WM_JSON_ERROR_ENCODING, 1, 3,
      "line 1, column 3: U+0000 is not allowed in a string" },
  };

  check_error_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_number_errors_are_named (void)
{
  static const ErrorCase cases[] = {
    { "01", -1, WM_JSON_ERROR_SYNTAX, 1, 1,
      "line 1, column 1: leading zeros are not allowed in a number" },
    { "[-01]", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: leading zeros are not allowed in a number" },
    { "+1", -1, WM_JSON_ERROR_SYNTAX, 1, 1,
      "line 1, column 1: a number must not start with '+'" },
    { "[NaN]", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: 'NaN' is not allowed: JSON has no NaN or Infinity" },
    { "Infinity", -1, WM_JSON_ERROR_SYNTAX, 1, 1,
      "line 1, column 1: 'Infinity' is not allowed: JSON has no NaN or Infinity" },
    { "-Infinity", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: expected a digit after '-', found 'I'" },
    { "0x1F", -1, WM_JSON_ERROR_SYNTAX, 1, 2,
      "line 1, column 2: unexpected 'x' in a number" },
    { "1.5.2", -1, WM_JSON_ERROR_SYNTAX, 1, 4,
      "line 1, column 4: unexpected '.' in a number" },
    { "1.", -1, WM_JSON_ERROR_SYNTAX, 1, 3,
      "line 1, column 3: expected a digit after '.', found the end of the document" },
    { "[1.e5]", -1, WM_JSON_ERROR_SYNTAX, 1, 4,
      "line 1, column 4: expected a digit after '.', found 'e'" },
    { "1e", -1, WM_JSON_ERROR_SYNTAX, 1, 3,
      "line 1, column 3: expected a digit in the exponent, found the end of the document" },
    { "1e+]", -1, WM_JSON_ERROR_SYNTAX, 1, 4,
      "line 1, column 4: expected a digit in the exponent, found ']'" },
    { ".5", -1, WM_JSON_ERROR_SYNTAX, 1, 1,
      "line 1, column 1: expected a value, found '.'" },
    { "1e400", -1, WM_JSON_ERROR_NUMBER_RANGE, 1, 1,
      "line 1, column 1: number out of range" },
    { "[0, -1e400]", -1, WM_JSON_ERROR_NUMBER_RANGE, 1, 5,
      "line 1, column 5: number out of range" },
    { "{\"a\":\n 1.8e308}", -1, WM_JSON_ERROR_NUMBER_RANGE, 2, 2,
      "line 2, column 2: number out of range" },
  };

  check_error_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_duplicate_keys_are_refused (void)
{
  static const ErrorCase cases[] = {
    { "{\"name\": 1,\n  \"name\": 2}", -1, WM_JSON_ERROR_DUPLICATE_KEY, 2, 3,
      "line 2, column 3: duplicate key 'name'" },
    /* the same key written with an escape is the same key */
    { "{\"a\": {\"id\": 1, \"x\": 2, \"\\u0069d\": 3}}", -1, WM_JSON_ERROR_DUPLICATE_KEY, 1, 25,
      "line 1, column 25: duplicate key 'id'" },
  };
  g_autoptr(JsonNode) node = NULL;

  check_error_cases (cases, G_N_ELEMENTS (cases));

  /* the same key in two different objects is fine */
  node = wm_json_parse ("[{\"a\": 1}, {\"a\": 2}]", -1, 0, NULL, NULL, NULL);
  g_assert_nonnull (node);
}

/* @n nested containers, the innermost holding a 1. */
static char *
nested (guint    n,
        gboolean objects)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, objects ? "{\"a\": " : "[");
  g_string_append (s, "1");
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, objects ? '}' : ']');
  return g_string_free (s, FALSE);
}

static void
test_depth_64_is_read_and_65_refused (void)
{
  for (int objects = 0; objects <= 1; objects++)
    {
      g_autofree char *ok = nested (64, objects);
      g_autofree char *deep = nested (65, objects);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonNode) refused = NULL;
      g_autoptr(GError) error = NULL;
      guint line = 0, column = 0;
      JsonNode *inner;

      node = wm_json_parse (ok, -1, 0, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (node);

      /* walk down to the 1 to be sure all 64 levels were built */
      inner = node;
      for (guint i = 0; i < 64; i++)
        inner = objects ? json_object_get_member (json_node_get_object (inner), "a")
                        : json_array_get_element (json_node_get_array (inner), 0);
      g_assert_cmpfloat (json_node_get_double (inner), ==, 1.0);

      refused = wm_json_parse (deep, -1, 0, &line, &column, &error);
      g_assert_null (refused);
      g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_DEPTH);
      /* the 65th container opens at column 65 ("[") or 6 * 64 + 1 ("{\"a\": ") */
      g_assert_cmpuint (line, ==, 1);
      g_assert_cmpuint (column, ==, objects ? 385 : 65);
      g_assert_true (g_str_has_suffix (error->message, ": nesting deeper than 64 levels"));
    }
}

static void
test_depth_limit_can_be_lowered (void)
{
  g_autoptr(JsonNode) ok = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(GError) error = NULL;

  ok = wm_json_parse ("[[1, 2], {}]", -1, 2, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  refused = wm_json_parse ("[[1, [{}]]]", -1, 2, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_DEPTH);
  g_assert_cmpstr (error->message, ==, "line 1, column 6: nesting deeper than 2 levels");
}

static void
test_a_million_brackets_do_not_crash (void)
{
  gsize n = 1000000;
  g_autofree char *data = g_malloc (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  memset (data, '[', n);
  node = wm_json_parse (data, n, 0, NULL, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_DEPTH);
  g_assert_cmpstr (error->message, ==, "line 1, column 65: nesting deeper than 64 levels");
}

static void
test_documents_over_64_mib_are_refused (void)
{
  gsize n = WM_JSON_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint line = 99, column = 99;

  memset (data, ' ', n);
  data[0] = '1';
  node = wm_json_parse (data, n, 0, &line, &column, &error);
  g_assert_null (node);
  g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the document is larger than 64 MiB");
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpuint (column, ==, 0);

  /* exactly 64 MiB is allowed */
  g_clear_error (&error);
  node = wm_json_parse (data, n - 1, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_node_get_double (node), ==, 1.0);
}

/* ------------------------------------------------------------------------ */
/* Reader results                                                           */
/* ------------------------------------------------------------------------ */

static JsonNode *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = wm_json_parse (text, -1, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static double
parse_number (const char *text)
{
  g_autoptr(JsonNode) node = parse_ok (text);

  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_VALUE);
  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE);
  return json_node_get_double (node);
}

static void
test_every_number_is_a_double (void)
{
  double v;

  g_assert_cmpfloat (parse_number ("1"), ==, 1.0);
  g_assert_cmpfloat (parse_number ("1.0"), ==, 1.0);
  g_assert_cmpfloat (parse_number ("-2.5"), ==, -2.5);
  g_assert_cmpfloat (parse_number ("1E+2"), ==, 100.0);
  g_assert_cmpfloat (parse_number ("25e-1"), ==, 2.5);
  g_assert_cmpfloat (parse_number ("0"), ==, 0.0);

  v = parse_number ("-0");
  g_assert_cmpfloat (v, ==, 0.0);
  g_assert_true (signbit (v));

  /* wider than an int64: read as the nearest double, not wrapped */
  g_assert_cmpfloat (parse_number ("12345678901234567890"), ==, 12345678901234567890.0);
  g_assert_cmpfloat (parse_number ("-9223372036854775809"), ==, -9223372036854775808.0);
  g_assert_cmpfloat (parse_number ("1.7976931348623157e308"), ==, G_MAXDOUBLE);
}

static void
test_underflow_reads_as_the_nearest_double (void)
{
  g_assert_cmpfloat (parse_number ("1e-400"), ==, 0.0);
  g_assert_cmpfloat (parse_number ("-1e-400"), ==, 0.0);
  /* the smallest subnormal */
  g_assert_cmpfloat (parse_number ("4.9e-324"), ==, 4.9406564584124654e-324);
  g_assert_cmpfloat (parse_number ("2.2250738585072014e-308"), ==, 2.2250738585072014e-308);
}

static const char *
parse_string (const char *text,
              JsonNode  **keep)
{
  *keep = parse_ok (text);
  g_assert_true (json_node_get_value_type (*keep) == G_TYPE_STRING);
  return json_node_get_string (*keep);
}

static void
test_every_escape_is_read (void)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) d = NULL;

  g_assert_cmpstr (parse_string ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", &a), ==,
                   "\"\\/\b\f\n\r\t");
  /* é, € and U+1F600 from a surrogate pair, upper- and lower-case hex */
  g_assert_cmpstr (parse_string ("\"\\u00e9\\u20AC\\ud83d\\uDE00\\u0001\\u007f\"", &b), ==,
                   "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x01\x7f");
  /* raw UTF-8 up to four bytes, and DEL, which JSON allows unescaped */
  g_assert_cmpstr (parse_string ("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\x7f\"", &c), ==,
                   "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\x7f");
  g_assert_cmpstr (parse_string ("\"\"", &d), ==, "");
}

static void
test_literals_and_white_space (void)
{
  g_autoptr(JsonNode) node = parse_ok (" \t\r\n{ \"t\" : true ,\"f\":false, \"n\" :null } \r\n\t ");
  JsonObject *object = json_node_get_object (node);

  g_assert_true (json_object_get_boolean_member (object, "t"));
  g_assert_false (json_object_get_boolean_member (object, "f"));
  g_assert_true (json_object_get_null_member (object, "n"));
  g_assert_cmpuint (json_object_get_size (object), ==, 3);
}

static void
test_members_keep_the_order_they_were_read_in (void)
{
  g_autoptr(JsonNode) node = parse_ok ("{\"b\": 1, \"a\": 2, \"x-z\": 3, \"c\": {\"z\": 1, \"y\": 2}}");
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));
  const char *expected[] = { "b", "a", "x-z", "c" };
  GList *l = members;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++, l = l->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, expected[i]);
    }
  g_assert_null (l);
}

static void
test_byte_order_mark_is_skipped (void)
{
  g_autoptr(JsonNode) node = parse_ok ("\xef\xbb\xbf{\"a\": [1]}");
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) twice = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (json_array_get_double_element (
                       json_object_get_array_member (json_node_get_object (node), "a"), 0), ==, 1.0);

  /* the mark takes no column */
  refused = wm_json_parse ("\xef\xbb\xbf{x", -1, 0, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_cmpstr (error->message, ==,
                   "line 1, column 2: expected a key in double quotes or '}', found 'x'");
  g_clear_error (&error);

  /* only one mark is skipped; a second is a stray U+FEFF */
  twice = wm_json_parse ("\xef\xbb\xbf\xef\xbb\xbf{}", -1, 0, NULL, NULL, &error);
  g_assert_null (twice);
  g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 1, column 1: expected a value, found '\xef\xbb\xbf'");
}

static void
test_explicit_length_is_respected (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* only the first 3 bytes are the document */
  node = wm_json_parse ("123garbage", 3, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_node_get_double (node), ==, 123.0);
  g_clear_pointer (&node, json_node_unref);

  /* a number running to the end of an unterminated buffer */
  {
    char buf[2] = { '4', '2' };
    node = wm_json_parse (buf, 2, 0, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (json_node_get_double (node), ==, 42.0);
  }
}

static void
test_parse_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wm-json-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  int fd;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (good, "{\"a\": \"b\"}\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"a\": \"b\",\n\"a\": 1}\n", -1, NULL));

  node = wm_json_parse_file (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "a"), ==, "b");

  g_assert_null (wm_json_parse_file (bad, &error));
  g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_DUPLICATE_KEY);
  g_assert_cmpstr (error->message, ==, "line 2, column 1: duplicate key 'a'");
  g_clear_error (&error);

  g_assert_null (wm_json_parse_file (missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* a sparse file just over the limit is refused without being read */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) WM_JSON_MAX_SIZE + 1), ==, 0);
  close (fd);
  g_assert_null (wm_json_parse_file (big, &error));
  g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_unlink (good);
  g_unlink (bad);
  g_unlink (big);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------------ */
/* Writer                                                                   */
/* ------------------------------------------------------------------------ */

static char *
canonical_of (const char *text)
{
  g_autoptr(JsonNode) node = parse_ok (text);
  gsize length = 0;
  char *out = wm_json_to_canonical (node, &length);

  g_assert_cmpuint (length, ==, strlen (out));
  return out;
}

static void
test_canonical_form_of_containers (void)
{
  g_autofree char *out = canonical_of (
    "{\"position\":[320,120],\"days\":[\"mon\",\"tue\"],\"a\":{\"b\":{\"c\":null}},"
    "\"e\":{},\"f\":[],\"g\":[{\"x\":1},[2]],\"h\":[true,null,\"s\",false],"
    "\"i\":[[],1],\"j\":[{}]}");
  static const char expected[] =
    "{\n"
    "  \"position\": [320, 120],\n"
    "  \"days\": [\"mon\", \"tue\"],\n"
    "  \"a\": {\n"
    "    \"b\": {\n"
    "      \"c\": null\n"
    "    }\n"
    "  },\n"
    "  \"e\": {},\n"
    "  \"f\": [],\n"
    "  \"g\": [\n"
    "    {\n"
    "      \"x\": 1\n"
    "    },\n"
    "    [2]\n"
    "  ],\n"
    "  \"h\": [true, null, \"s\", false],\n"
    "  \"i\": [\n"
    "    [],\n"
    "    1\n"
    "  ],\n"
    "  \"j\": [\n"
    "    {}\n"
    "  ]\n"
    "}\n";

  g_assert_cmpstr (out, ==, expected);
}

static void
test_canonical_form_of_top_level_values (void)
{
  g_autofree char *a = canonical_of ("{ }");
  g_autofree char *b = canonical_of ("[ ]");
  g_autofree char *c = canonical_of (" 5 ");
  g_autofree char *d = canonical_of ("\"x\"");
  g_autofree char *e = canonical_of ("[[1, 2], [3]]");

  g_assert_cmpstr (a, ==, "{}\n");
  g_assert_cmpstr (b, ==, "[]\n");
  g_assert_cmpstr (c, ==, "5\n");
  g_assert_cmpstr (d, ==, "\"x\"\n");
  g_assert_cmpstr (e, ==, "[\n  [1, 2],\n  [3]\n]\n");
}

static void
assert_number (double      value,
               const char *expected)
{
  char buf[32];
  g_autoptr(GString) out = g_string_new ("x");

  g_assert_cmpstr (wm_json_format_number (value, buf), ==, expected);
  wm_json_append_number (out, value);
  g_assert_cmpstr (out->str + 1, ==, expected);
  g_assert_cmpint (out->str[0], ==, 'x');
}

static void
test_numbers_are_written_canonically (void)
{
  assert_number (0.0, "0");
  assert_number (-0.0, "0");
  assert_number (320.0, "320");
  assert_number (-7.0, "-7");
  assert_number (0.1, "0.1");
  assert_number (2.5, "2.5");
  assert_number (-2.5, "-2.5");
  assert_number (0.00001, "1e-05");
  assert_number (1e-7, "1e-07");
  assert_number (123.456, "123.456");
  assert_number (123456789012345.0, "123456789012345");
  assert_number (999999999999999.0, "999999999999999");
  assert_number (-999999999999999.0, "-999999999999999");
  assert_number (1e15, "1e+15");
  assert_number (-1e15, "-1e+15");
  assert_number (1e16, "1e+16");
  /* integral but not below 1e15: %.16g needs no exponent here */
  assert_number (1234567890123456.0, "1234567890123456");
  assert_number (1.5e300, "1.5e+300");
  assert_number (1e100, "1e+100");
  assert_number (0.1 + 0.2, "0.30000000000000004");
  assert_number (1.0 / 3.0, "0.3333333333333333");
  /* 12345678901234567890 reads as 12345678901234567168; 16 digits would
   * read as 12345678901234569216, so it takes 17 */
  assert_number (12345678901234567890.0, "1.2345678901234567e+19");
  assert_number (4.9406564584124654e-324, "5e-324");
  assert_number (G_MAXDOUBLE, "1.7976931348623157e+308");
  assert_number (123456.5, "123456.5");
}

static void
test_int64_nodes_are_written_as_their_double (void)
{
  g_autoptr(JsonNode) a = json_node_init_int (json_node_alloc (), 42);
  g_autoptr(JsonNode) b = json_node_init_int (json_node_alloc (), -7);
  g_autoptr(JsonNode) c = json_node_init_int (json_node_alloc (), G_GINT64_CONSTANT (999999999999999));
  g_autoptr(JsonNode) d = json_node_init_int (json_node_alloc (), G_GINT64_CONSTANT (1000000000000000));
  g_autoptr(JsonNode) e = json_node_init_int (json_node_alloc (), G_MININT64);
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), NULL);
  g_autoptr(JsonArray) items = json_array_new ();
  g_autofree char *ca = wm_json_to_canonical (a, NULL);
  g_autofree char *cb = wm_json_to_canonical (b, NULL);
  g_autofree char *cc = wm_json_to_canonical (c, NULL);
  g_autofree char *cd = wm_json_to_canonical (d, NULL);
  g_autofree char *ce = wm_json_to_canonical (e, NULL);
  g_autofree char *carray = NULL;

  g_assert_cmpstr (ca, ==, "42\n");
  g_assert_cmpstr (cb, ==, "-7\n");
  g_assert_cmpstr (cc, ==, "999999999999999\n");
  g_assert_cmpstr (cd, ==, "1e+15\n");
  /* -2^63 = -9223372036854775808: 9.223372036854776e18 is 192 away and
   * the doubles there are 1024 apart, so 16 digits read back */
  g_assert_cmpstr (ce, ==, "-9.223372036854776e+18\n");

  json_array_add_int_element (items, 320);
  json_array_add_int_element (items, 120);
  json_node_set_array (array, items);
  carray = wm_json_to_canonical (array, NULL);
  g_assert_cmpstr (carray, ==, "[320, 120]\n");
}

static void
test_strings_are_escaped_canonically (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  wm_json_append_string (out, "a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
  g_assert_cmpstr (out->str, ==,
                   "\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");

  g_string_truncate (out, 0);
  wm_json_append_string (out, "");
  g_assert_cmpstr (out->str, ==, "\"\"");

  g_string_truncate (out, 0);
  wm_json_append_string (out, "\x0b\x1b");
  g_assert_cmpstr (out->str, ==, "\"\\u000b\\u001b\"");
}

static void
test_compact_form_has_no_white_space (void)
{
  g_autoptr(JsonNode) node = parse_ok (
    "{ \"a\" : [ 1 , 2.5 ] , \"b\" : { \"c\" : \"d e\" } , \"e\" : [ ] , \"f\" : { } ,"
    " \"g\" : [ { \"h\" : null } , true ] , \"i\" : 1e15 }");
  g_autoptr(GString) out = g_string_new ("<");

  wm_json_append_compact (out, node);
  g_assert_cmpstr (out->str, ==,
                   "<{\"a\":[1,2.5],\"b\":{\"c\":\"d e\"},\"e\":[],\"f\":{},"
                   "\"g\":[{\"h\":null},true],\"i\":1e+15}");
}

static void
test_writer_output_reads_back_the_same (void)
{
  static const char input[] =
    "{\"s\": \"\\u0000x\", \"k\\n\": [0.1, -0, 1e-400, 5e-324, 1e308, \"\\u007f\\u001f\"]}";
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GString) compact = g_string_new (NULL);
  g_autoptr(JsonNode) from_compact = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  /* \u0000 is refused, so start from the same document without it */
  g_assert_null (wm_json_parse (input, -1, 0, NULL, NULL, NULL));
  node = parse_ok ("{\"s\": \"\\u0001x\", \"k\\n\": [0.1, -0, 1e-400, 5e-324, 1e308, \"\\u007f\\u001f\"]}");

  first = wm_json_to_canonical (node, NULL);
  g_assert_cmpstr (first, ==,
                   "{\n"
                   "  \"s\": \"\\u0001x\",\n"
                   "  \"k\\n\": [0.1, 0, 0, 5e-324, 1e+308, \"\\u007f\\u001f\"]\n"
                   "}\n");
  again = parse_ok (first);
  second = wm_json_to_canonical (again, NULL);
  g_assert_cmpstr (first, ==, second);

  wm_json_append_compact (compact, node);
  from_compact = parse_ok (compact->str);
  third = wm_json_to_canonical (from_compact, NULL);
  g_assert_cmpstr (first, ==, third);
}

/* ------------------------------------------------------------------------ */
/* Conformance files and size                                               */
/* ------------------------------------------------------------------------ */

static void
collect_documents (const char *dir,
                   GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_documents (path, paths);
      else if (g_str_has_suffix (name, ".waymark.json")
               || g_str_has_suffix (name, ".waymark-journey.json"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_conformance_documents_are_canonical (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  collect_documents (SHARED_DIR "/conformance", paths);
  /* the shared cases hold dozens of flows and journeys */
  g_assert_cmpuint (paths->len, >=, 10);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *contents = NULL;
      g_autofree char *written = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      gsize length, written_length;

      g_test_message ("%s", path);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      node = wm_json_parse (contents, length, 0, NULL, NULL, &error);
      g_assert_no_error (error);
      written = wm_json_to_canonical (node, &written_length);
      g_assert_cmpstr (written, ==, contents);
      g_assert_cmpuint (written_length, ==, length);
    }
}

/* A flow-like document of @n elements, about 300 bytes each. */
static char *
big_flow (guint n)
{
  GString *s = g_string_new ("{\n  \"format\": \"waymark.flow\",\n  \"elements\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s,
      "    {\n"
      "      \"id\": \"e%u\",\n"
      "      \"type\": \"message.email\",\n"
      "      \"name\": \"Step %u \xe2\x80\x94 welcome \\\"friend\\\"\",\n"
      "      \"position\": [%u, %u.5],\n"
      "      \"config\": {\n"
      "        \"subject\": \"Hello {{profile.first_name}}, day %u\",\n"
      "        \"delay\": \"2h\",\n"
      "        \"weight\": 0.25,\n"
      "        \"tags\": [\"a\", \"b\", \"c\"],\n"
      "        \"enabled\": true,\n"
      "        \"limit\": null\n"
      "      }\n"
      "    }%s\n",
      i, i, 80 + i * 260, i % 1000, i, i + 1 < n ? "," : "");
  g_string_append (s, "  ]\n}\n");
  return g_string_free (s, FALSE);
}

static void
test_large_flow_round_trips_quickly (void)
{
  g_autofree char *text = big_flow (1000);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *written = NULL;
  gint64 t0, t1;

  g_assert_cmpuint (strlen (text), >, 250000);
  t0 = g_get_monotonic_time ();
  node = wm_json_parse (text, -1, 0, NULL, NULL, &error);
  written = wm_json_to_canonical (node, NULL);
  t1 = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, text);
  g_test_message ("parse + write of %zu bytes: %" G_GINT64_FORMAT " us", strlen (text), t1 - t0);
  /* The target is well under 10 ms; the bound here is loose enough for
   * sanitizer and valgrind runs and still catches quadratic behaviour. */
  g_assert_cmpint (t1 - t0, <, 500000 * TIME_FACTOR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/json/syntax-errors-are-named-with-their-position",
                   test_syntax_errors_are_named_with_their_position);
  g_test_add_func ("/core/json/string-errors-are-named-with-their-position",
                   test_string_errors_are_named_with_their_position);
  g_test_add_func ("/core/json/invalid-utf8-is-refused", test_invalid_utf8_is_refused);
  g_test_add_func ("/core/json/lone-surrogates-and-nul-are-refused",
                   test_lone_surrogates_and_nul_are_refused);
  g_test_add_func ("/core/json/number-errors-are-named", test_number_errors_are_named);
  g_test_add_func ("/core/json/duplicate-keys-are-refused", test_duplicate_keys_are_refused);
  g_test_add_func ("/core/json/depth-64-is-read-and-65-refused",
                   test_depth_64_is_read_and_65_refused);
  g_test_add_func ("/core/json/depth-limit-can-be-lowered", test_depth_limit_can_be_lowered);
  g_test_add_func ("/core/json/a-million-brackets-do-not-crash",
                   test_a_million_brackets_do_not_crash);
  g_test_add_func ("/core/json/documents-over-64-mib-are-refused",
                   test_documents_over_64_mib_are_refused);
  g_test_add_func ("/core/json/every-number-is-a-double", test_every_number_is_a_double);
  g_test_add_func ("/core/json/underflow-reads-as-the-nearest-double",
                   test_underflow_reads_as_the_nearest_double);
  g_test_add_func ("/core/json/every-escape-is-read", test_every_escape_is_read);
  g_test_add_func ("/core/json/literals-and-white-space", test_literals_and_white_space);
  g_test_add_func ("/core/json/members-keep-the-order-they-were-read-in",
                   test_members_keep_the_order_they_were_read_in);
  g_test_add_func ("/core/json/byte-order-mark-is-skipped", test_byte_order_mark_is_skipped);
  g_test_add_func ("/core/json/explicit-length-is-respected", test_explicit_length_is_respected);
  g_test_add_func ("/core/json/parse-file", test_parse_file);
  g_test_add_func ("/core/json/canonical-form-of-containers", test_canonical_form_of_containers);
  g_test_add_func ("/core/json/canonical-form-of-top-level-values",
                   test_canonical_form_of_top_level_values);
  g_test_add_func ("/core/json/numbers-are-written-canonically",
                   test_numbers_are_written_canonically);
  g_test_add_func ("/core/json/int64-nodes-are-written-as-their-double",
                   test_int64_nodes_are_written_as_their_double);
  g_test_add_func ("/core/json/strings-are-escaped-canonically",
                   test_strings_are_escaped_canonically);
  g_test_add_func ("/core/json/compact-form-has-no-white-space",
                   test_compact_form_has_no_white_space);
  g_test_add_func ("/core/json/writer-output-reads-back-the-same",
                   test_writer_output_reads_back_the_same);
  g_test_add_func ("/core/json/conformance-documents-are-canonical",
                   test_conformance_documents_are_canonical);
  g_test_add_func ("/core/json/large-flow-round-trips-quickly",
                   test_large_flow_round_trips_quickly);

  return g_test_run ();
}
