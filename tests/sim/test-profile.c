/* test-profile.c - parsing one profile line, lookups, set.attribute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-profile-reader.h"

static WmProfile *
parse_ok (const char *line)
{
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  g_autofree char *reason = NULL;
  WmProfile *p = wm_profile_parser_parse (parser, line, strlen (line), FALSE, 7, &reason);

  if (p == NULL)
    g_error ("rejected: %s (line %s)", reason, line);
  return p;
}

static char *
parse_reason (const char *line,
              gssize      len)
{
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  char *reason = NULL;
  WmProfile *p = wm_profile_parser_parse (parser, line, len < 0 ? strlen (line) : (gsize) len,
                                          FALSE, 1, &reason);

  g_assert_null (p);
  g_assert_nonnull (reason);
  return reason;
}

static void
assert_string (const WmValue *v,
               const char    *expected)
{
  g_assert_cmpint (v->type, ==, WM_VALUE_STRING);
  g_assert_cmpstr (v->as.string.str, ==, expected);
  g_assert_cmpuint (v->as.string.len, ==, strlen (expected));
}

static const char *spec_line =
  "{\"id\":\"p-0001\",\"attributes\":{\"first_name\":\"Ana\",\"email\":\"ana@example.com\","
  "\"phone\":\"+385911234567\",\"timezone\":\"Europe/Zagreb\",\"age\":33,\"vip\":true,"
  "\"nothing\":null,\"tags\":[\"a\"],\"address\":{\"city\":\"Split\",\"zip\":\"21000\"}},"
  "\"events\":[{\"name\":\"CartAbandoned\",\"at\":\"2026-01-03T09:12:00Z\",\"properties\":{\"cart_value\":120.5}},"
  "{\"name\":\"inbound.sms\",\"at\":\"2026-01-02T10:00:00+01:00\",\"properties\":{\"number\":\"+385991\",\"text\":\"YES\"}},"
  "{\"name\":\"Login\",\"at\":\"2026-01-03T09:12:00.999Z\",\"unknown\":1},"
  "{\"name\":\"inbound.sms\",\"at\":\"2026-01-01T00:00:00Z\",\"properties\":{\"number\":385991}}],"
  "\"extra\":{\"ignored\":true}}";

static void
test_attributes (void)
{
  g_autoptr(WmProfile) p = parse_ok (spec_line);
  const char *first_name[] = { "first_name" };
  const char *city[] = { "address", "city" };
  const char *deeper[] = { "address", "city", "x" };
  const char *tags[] = { "tags" };
  const char *address[] = { "address" };
  gsize len;
  WmValue v;

  g_assert_cmpstr (wm_profile_get_id (p, &len), ==, "p-0001");
  g_assert_cmpuint (len, ==, 6);
  g_assert_cmpuint (wm_profile_get_line (p), ==, 7);

  g_assert_true (wm_profile_lookup (p, first_name, 1, &v));
  assert_string (&v, "Ana");
  g_assert_true (wm_profile_lookup (p, city, 2, &v));
  assert_string (&v, "Split");
  g_assert_false (wm_profile_lookup (p, deeper, 3, &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
  /* arrays and objects read as null */
  g_assert_true (wm_profile_lookup (p, tags, 1, &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
  g_assert_true (wm_profile_lookup (p, address, 1, &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);

  g_assert_true (wm_profile_lookup_dotted (p, "age", &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, 33);
  g_assert_true (wm_profile_lookup_dotted (p, "vip", &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_BOOLEAN);
  g_assert_true (v.as.boolean);
  g_assert_true (wm_profile_lookup_dotted (p, "nothing", &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
  g_assert_false (wm_profile_lookup_dotted (p, "missing", &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
  /* unknown top-level keys are not attributes */
  g_assert_false (wm_profile_lookup_dotted (p, "extra", &v));
}

static void
test_events_sorted_stably (void)
{
  g_autoptr(WmProfile) p = parse_ok (spec_line);
  const char *number[] = { "number" };
  const char *cart[] = { "cart_value" };
  const WmProfileEvent *ev;
  guint n;
  WmValue v;

  ev = wm_profile_get_events (p, &n);
  g_assert_cmpuint (n, ==, 4);
  /* 2026-01-01T00:00Z (index 3), 2026-01-02T09:00Z (index 1), then the two
   * at 2026-01-03T09:12:00Z in file order (0, then 2: its fraction is
   * dropped). */
  g_assert_cmpuint (ev[0].index, ==, 3);
  g_assert_cmpint (ev[0].at, ==, G_GINT64_CONSTANT (1767225600));
  g_assert_cmpuint (ev[1].index, ==, 1);
  g_assert_cmpint (ev[1].at, ==, G_GINT64_CONSTANT (1767225600) + 86400 + 9 * 3600);
  g_assert_cmpuint (ev[2].index, ==, 0);
  g_assert_cmpuint (ev[3].index, ==, 2);
  g_assert_cmpint (ev[2].at, ==, ev[3].at);
  g_assert_cmpint (ev[2].at, ==, G_GINT64_CONSTANT (1767225600) + 2 * 86400 + 9 * 3600 + 12 * 60);
  g_assert_cmpstr (ev[2].name, ==, "CartAbandoned");
  g_assert_cmpuint (ev[2].name_len, ==, 13);
  g_assert_cmpstr (ev[3].name, ==, "Login");

  /* properties.number: a JSON string in one event, a number in another */
  g_assert_true (wm_profile_event_lookup (p, &ev[1], number, 1, &v));
  assert_string (&v, "+385991");
  g_assert_true (wm_profile_event_lookup (p, &ev[0], number, 1, &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_true (wm_profile_event_lookup (p, &ev[2], cart, 1, &v));
  g_assert_cmpfloat (v.as.number, ==, 120.5);
  /* no properties: every path is null */
  g_assert_false (wm_profile_event_lookup (p, &ev[3], number, 1, &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
}

/* Events in reverse time order, every time twice: sorted by time, file
 * order among equals, with a few events (sorted in place) and many (by
 * qsort). */
static void
test_events_sorted_few_and_many (void)
{
  const guint counts[] = { 2, 9, 32, 33, 80 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      GString *line = g_string_new ("{\"id\":\"p\",\"events\":[");
      g_autoptr(WmProfile) p = NULL;
      const WmProfileEvent *ev;
      guint n;

      for (guint i = 0; i < counts[c]; i++)
        g_string_append_printf (line, "%s{\"name\":\"E%u\",\"at\":\"2026-01-01T00:%02u:00Z\"}",
                                i > 0 ? "," : "", i, (counts[c] - 1 - i) / 2);
      g_string_append (line, "]}");
      p = parse_ok (line->str);
      g_string_free (line, TRUE);

      ev = wm_profile_get_events (p, &n);
      g_assert_cmpuint (n, ==, counts[c]);
      for (guint k = 1; k < n; k++)
        {
          g_assert_cmpint (ev[k - 1].at, <=, ev[k].at);
          if (ev[k - 1].at == ev[k].at)
            g_assert_cmpuint (ev[k - 1].index, <, ev[k].index);
        }
      /* The last two events share the earliest time: the first of them leads. */
      g_assert_cmpuint (ev[0].index, ==, counts[c] - 2);
      g_assert_cmpint (ev[n - 1].at - ev[0].at, ==, (gint64) ((counts[c] - 1) / 2) * 60);
    }
}

/* Strings are read eight bytes at a time up to their first quote, escape,
 * control or non-ASCII byte: that byte at every offset gives the same
 * text, and a control character is still refused wherever it is. */
static void
test_strings_at_every_offset (void)
{
  const char *stops[][2] = {
    { "\\\"", "\"" }, { "\\\\", "\\" }, { "\\n", "\n" }, { "\\u00e9", "\xc3\xa9" },
    { "\xc4\x90", "\xc4\x90" }, { "", "" },
  };

  for (guint offset = 0; offset < 20; offset++)
    for (guint k = 0; k < G_N_ELEMENTS (stops); k++)
      {
        g_autofree char *before = g_strnfill (offset, 'a');
        g_autofree char *line = g_strdup_printf ("{\"id\":\"p\",\"attributes\":{\"s\":\"%s%s%s\"}}",
                                                 before, stops[k][0], "tail");
        g_autofree char *expected = g_strdup_printf ("%s%s%s", before, stops[k][1], "tail");
        g_autofree char *bad = g_strdup_printf ("{\"id\":\"p\",\"attributes\":{\"s\":\"%s\ttail\"}}", before);
        g_autofree char *reason = NULL;
        g_autoptr(WmProfile) p = parse_ok (line);
        WmValue v;

        g_assert_true (wm_profile_lookup_dotted (p, "s", &v));
        assert_string (&v, expected);
        reason = parse_reason (bad, -1);
        g_assert_nonnull (strstr (reason, "control character"));
      }
}

/* wm_profile_lookup_attributes gives what wm_profile_lookup gives for
 * each name, before and after set.attribute. */
static void
assert_attributes_agree (const WmProfile *p)
{
  const char *names[] = { "timezone", "phone", "missing", "vip", "nothing", "tags", "email", "age", "new" };
  WmValue values[G_N_ELEMENTS (names)];
  gboolean found[G_N_ELEMENTS (names)];

  wm_profile_lookup_attributes (p, names, G_N_ELEMENTS (names), values, found);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *keys[] = { names[i] };
      WmValue one;
      gboolean exists = wm_profile_lookup (p, keys, 1, &one);

      g_assert_cmpint (found[i], ==, exists);
      g_assert_cmpint (values[i].type, ==, one.type);
      if (one.type == WM_VALUE_STRING)
        g_assert_cmpstr (values[i].as.string.str, ==, one.as.string.str);
      else if (one.type == WM_VALUE_NUMBER)
        g_assert_cmpfloat (values[i].as.number, ==, one.as.number);
      else if (one.type == WM_VALUE_BOOLEAN)
        g_assert_cmpint (values[i].as.boolean, ==, one.as.boolean);
    }
}

static void
test_attributes_in_one_pass (void)
{
  g_autoptr(WmProfile) p = parse_ok (spec_line);
  g_autoptr(WmProfile) bare = parse_ok ("{\"id\":\"b\"}");
  const char *names[] = { "phone", "email" };
  WmValue values[2];
  gboolean found[2];
  WmValue v;

  assert_attributes_agree (p);
  assert_attributes_agree (bare);
  wm_profile_lookup_attributes (p, names, 2, values, found);
  g_assert_true (found[0] && found[1]);
  assert_string (&values[0], "+385911234567");
  assert_string (&values[1], "ana@example.com");

  v = wm_value_string ("+385990000000", 13);
  wm_profile_set_attribute (p, "phone", &v);
  v = wm_value_number (1);
  wm_profile_set_attribute (p, "new", &v);
  assert_attributes_agree (p);
  wm_profile_lookup_attributes (p, names, 2, values, found);
  assert_string (&values[0], "+385990000000");
}

typedef struct
{
  GString *text;
} Collect;

static void
collect_cb (const char    *name,
            const WmValue *value,
            gpointer       user_data)
{
  GString *s = user_data;

  g_string_append_printf (s, "%s=", name);
  switch (value->type)
    {
    case WM_VALUE_STRING: g_string_append (s, value->as.string.str); break;
    case WM_VALUE_NUMBER: g_string_append_printf (s, "%g", value->as.number); break;
    case WM_VALUE_BOOLEAN: g_string_append (s, value->as.boolean ? "true" : "false"); break;
    case WM_VALUE_DATETIME: g_string_append_printf (s, "@%" G_GINT64_FORMAT, value->as.datetime); break;
    default: g_string_append (s, "null"); break;
    }
  g_string_append_c (s, ';');
}

static void
test_set_attribute_overlay (void)
{
  g_autoptr(WmProfile) p = parse_ok ("{\"id\":\"x\",\"attributes\":{\"a\":\"1\",\"b\":{\"c\":2},\"d\":false}}");
  g_autoptr(GString) s = g_string_new (NULL);
  char scratch[8] = "first";
  WmValue v, held;
  const char *bc[] = { "b", "c" };

  g_assert_true (wm_profile_lookup (p, bc, 2, &v));
  g_assert_cmpfloat (v.as.number, ==, 2);

  v = wm_value_string (scratch, 5);
  wm_profile_set_attribute (p, "a", &v);
  strcpy (scratch, "XXXXX");  /* the profile keeps its own copy */
  g_assert_true (wm_profile_lookup_dotted (p, "a", &held));
  assert_string (&held, "first");

  /* a set value is a scalar: nothing lies below it */
  v = wm_value_number (5);
  wm_profile_set_attribute (p, "b", &v);
  g_assert_false (wm_profile_lookup (p, bc, 2, &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);

  v.type = WM_VALUE_DATETIME;  /* by hand: wm_value_datetime () lives in core_expr */
  v.as.datetime = 86400;
  wm_profile_set_attribute (p, "new", &v);
  v = wm_value_string ("second", 6);
  wm_profile_set_attribute (p, "a", &v);
  /* an earlier value handed out stays valid */
  assert_string (&held, "first");
  v = wm_value_null ();
  wm_profile_set_attribute (p, "d", &v);

  wm_profile_foreach_attribute (p, collect_cb, s);
  g_assert_cmpstr (s->str, ==, "a=second;b=5;d=null;new=@86400;");
  g_assert_true (wm_profile_lookup_dotted (p, "d", &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
}

static void
test_contacts (void)
{
  struct { const char *text; gboolean phone; gboolean email; } cases[] = {
    { "+385911234567", TRUE, FALSE },
    { "+12345678", TRUE, FALSE },          /* 8 digits: the least */
    { "+1234567", FALSE, FALSE },          /* 7 */
    { "+123456789012345", TRUE, FALSE },   /* 15: the most */
    { "+1234567890123456", FALSE, FALSE }, /* 16 */
    { "+0123456789", FALSE, FALSE },
    { "385911234567", FALSE, FALSE },
    { "+385-91-1234567", FALSE, FALSE },
    { "ana@example.com", FALSE, TRUE },
    { "a@b.c", FALSE, TRUE },
    { "a@.b.c", FALSE, TRUE },             /* ".b" then "." then "c" */
    { "a@b.", FALSE, FALSE },
    { "a@.b", FALSE, FALSE },
    { "@b.c", FALSE, FALSE },
    { "a@@b.c", FALSE, FALSE },
    { "a@b@c.d", FALSE, FALSE },
    { "ana@example", FALSE, FALSE },
    { "ana maria@example.com", FALSE, FALSE },
    { "ana\tx@example.com", FALSE, FALSE },
    { "ivo@example.com\n", FALSE, FALSE },
    { "ana\xc2\xa0maria@example.com", FALSE, TRUE },  /* U+00A0 is not \s */
    { "ivo\xe2\x80\x83x@example.com", FALSE, TRUE },  /* U+2003 neither */
    { "", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = strlen (cases[i].text);

      g_assert_true (wm_contact_phone_is_valid (cases[i].text, len) == cases[i].phone);
      g_assert_true (wm_contact_email_is_valid (cases[i].text, len) == cases[i].email);
    }
}

static void
test_rejection_reasons (void)
{
  struct { const char *line; const char *reason; } cases[] = {
    { "[\"not\", \"an\", \"object\"]", "not an object" },
    { "{\"attributes\":{\"first_name\":\"No id\"}}", "missing id" },
    { "{\"id\":5}", "id must be a string" },
    { "{\"id\":\"\"}", "id must not be empty" },
    { "{\"id\":\"x\",\"attributes\":[1]}", "attributes must be an object" },
    { "{\"id\":\"x\",\"events\":{}}", "events must be an array" },
    { "{\"id\":\"x\",\"events\":[1]}", "events[0] must be an object" },
    { "{\"id\":\"noname\",\"events\":[{\"at\":\"2026-10-03T10:00:00Z\"}]}",
      "events[0].name must be a non-empty string" },
    { "{\"id\":\"x\",\"events\":[{\"name\":\"\",\"at\":\"2026-10-03T10:00:00Z\"}]}",
      "events[0].name must be a non-empty string" },
    { "{\"id\":\"x\",\"events\":[{\"name\":\"A\",\"at\":\"2026-10-03T10:00:00Z\"},{\"name\":\"B\"}]}",
      "events[1].at must be a timestamp" },
    { "{\"id\":\"leap\",\"events\":[{\"name\":\"P\",\"at\":\"2026-12-31T23:59:60Z\"}]}",
      "bad timestamp in events[0].at" },
    { "{\"id\":\"space\",\"events\":[{\"name\":\"P\",\"at\":\"2026-10-03 10:00:00Z\"}]}",
      "bad timestamp in events[0].at" },
    { "{\"id\":\"x\",\"events\":[{\"name\":\"P\",\"at\":\"2026-10-03T10:00:00Z\",\"properties\":\"s\"}]}",
      "events[0].properties must be an object" },
  };
  g_autofree char *long_id = NULL;
  g_autofree char *line = NULL;
  g_autofree char *reason = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *r = parse_reason (cases[i].line, -1);

      g_assert_cmpstr (r, ==, cases[i].reason);
    }

  long_id = g_strnfill (129, 'c');
  line = g_strdup_printf ("{\"id\":\"%s\"}", long_id);
  reason = parse_reason (line, -1);
  g_assert_cmpstr (reason, ==, "id longer than 128 bytes");
  long_id[128] = '\0';
  g_free (line);
  line = g_strdup_printf ("{\"id\":\"%s\",\"attributes\":null,\"events\":null}", long_id);
  wm_profile_free (parse_ok (line));
}

static void
assert_bad_json (const char *line,
                 gssize      len)
{
  g_autofree char *reason = parse_reason (line, len);

  if (!g_str_has_prefix (reason, "bad JSON: "))
    g_error ("expected bad JSON for %s, got %s", line, reason);
}

static void
test_strict_json (void)
{
  GString *deep = g_string_new ("{\"id\":\"d\",\"attributes\":");
  g_autofree char *ok_line = NULL;
  g_autofree char *bad_line = NULL;
  GString *many = g_string_new ("{\"id\":\"m\",\"attributes\":{");
  g_autoptr(WmProfile) p = NULL;
  WmValue v;

  assert_bad_json ("{\"id\": \"broken\", \"attributes\": {", -1);
  assert_bad_json ("{\"id\":\"huge\",\"attributes\":{\"v\":1e400}}", -1);
  assert_bad_json ("{\"id\":\"huge\",\"attributes\":{\"v\":-1e400}}", -1);
  assert_bad_json ("{\"id\": \"nan\", \"attributes\": {\"x\": NaN}}", -1);
  assert_bad_json ("{\"id\":\"i\",\"attributes\":{\"x\":Infinity}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"id\":\"b\"}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":1,\"k\":2}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":\"\\ud800\"}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":\"\\udc00\\ud800\"}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":\"\\u0000\"}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":\"\xff\"}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":\"\xed\xa0\x80\"}}", -1);
  /* a raw NUL byte inside a string (the whole line, NUL included) */
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":\"a\0b\"}}",
                   sizeof ("{\"id\":\"a\",\"attributes\":{\"k\":\"a\0b\"}}") - 1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":\"tab\there\"}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":01}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":1.}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":+1}}", -1);
  assert_bad_json ("{\"id\":\"a\",\"attributes\":{\"k\":[1,]}}", -1);
  assert_bad_json ("{\"id\":\"a\"} x", -1);
  assert_bad_json ("{\"id\":\"a\"}{}", -1);
  assert_bad_json ("{'id':'a'}", -1);

  /* 64 levels with the line's object as level 1 are fine, 65 are not */
  for (int i = 2; i <= 64; i++)
    g_string_append (deep, "{\"k\":");
  g_string_append (deep, "1");
  for (int i = 2; i <= 64; i++)
    g_string_append_c (deep, '}');
  g_string_append_c (deep, '}');
  ok_line = g_strdup (deep->str);
  wm_profile_free (parse_ok (ok_line));
  g_string_truncate (deep, 0);
  g_string_append (deep, "{\"id\":\"d\",\"attributes\":");
  for (int i = 2; i <= 64; i++)
    g_string_append (deep, "{\"k\":");
  g_string_append (deep, "[1]");
  for (int i = 2; i <= 64; i++)
    g_string_append_c (deep, '}');
  g_string_append_c (deep, '}');
  bad_line = g_string_free (deep, FALSE);
  assert_bad_json (bad_line, -1);

  /* a duplicate among many keys (the sorted check) */
  for (int i = 0; i < 40; i++)
    g_string_append_printf (many, "\"k%d\":%d,", i, i);
  g_string_append (many, "\"k17\":0}}");
  assert_bad_json (many->str, -1);
  g_string_free (many, TRUE);

  /* underflow reads as the nearest double; escapes decode */
  p = parse_ok ("{\"id\":\"u\",\"attributes\":{\"tiny\":1e-400,\"big\":1.7976931348623157e308,"
                "\"neg\":-0.5e-3,\"e\":\"\\u00e9\\ud83d\\ude00\\n\\\"\\/\",\"long\":12345678901234567890123}}");
  g_assert_true (wm_profile_lookup_dotted (p, "tiny", &v));
  g_assert_cmpfloat (v.as.number, ==, 0.0);
  g_assert_true (wm_profile_lookup_dotted (p, "big", &v));
  g_assert_cmpfloat (v.as.number, ==, G_MAXDOUBLE);
  g_assert_true (wm_profile_lookup_dotted (p, "neg", &v));
  g_assert_cmpfloat (v.as.number, ==, -0.0005);
  g_assert_true (wm_profile_lookup_dotted (p, "e", &v));
  assert_string (&v, "\xc3\xa9\xf0\x9f\x98\x80\n\"/");
  g_assert_true (wm_profile_lookup_dotted (p, "long", &v));
  g_assert_cmpfloat (v.as.number, ==, 12345678901234567890123.0);
}

static void
test_too_long_flag (void)
{
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  g_autofree char *reason = NULL;

  g_assert_null (wm_profile_parser_parse (parser, "", 0, TRUE, 3, &reason));
  g_assert_true (g_str_has_prefix (reason, "bad JSON: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/profile/attributes-by-path", test_attributes);
  g_test_add_func ("/sim/profile/events-sorted-stably-with-properties", test_events_sorted_stably);
  g_test_add_func ("/sim/profile/attributes-in-one-pass", test_attributes_in_one_pass);
  g_test_add_func ("/sim/profile/events-sorted-few-and-many", test_events_sorted_few_and_many);
  g_test_add_func ("/sim/profile/strings-at-every-offset", test_strings_at_every_offset);
  g_test_add_func ("/sim/profile/set-attribute-overlays-and-keeps-old-values", test_set_attribute_overlay);
  g_test_add_func ("/sim/profile/contacts-follow-the-spec-patterns", test_contacts);
  g_test_add_func ("/sim/profile/rejection-reasons", test_rejection_reasons);
  g_test_add_func ("/sim/profile/strict-json", test_strict_json);
  g_test_add_func ("/sim/profile/too-long-line-is-bad-json", test_too_long_flag);

  return g_test_run ();
}
