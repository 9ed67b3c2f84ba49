/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-locale.c - numbers are read and written the same under any locale
 *
 * Runs the core under German (de_DE.UTF-8), where printf writes 2.5 as
 * "2,5" and strtod stops reading "2.5" at the point. Flow files, the
 * expression language and the JSON writer must not notice: flow-format.md
 * fixes the number syntax of files, expressions.md the string form of
 * numbers. Without that locale on the machine every test is skipped
 * (build-aux/install-deps.sh generates it).
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "wm-expr.h"
#include "wm-flow-io.h"
#include "wm-json.h"

static gboolean have_german;
static WmExprArena *arena;

/* A flow in canonical form (written by hand from flow-format.md) whose
 * numbers all have fractions or exponents. */
static const char fractions_flow[] =
  "{\n"
  "  \"format\": \"waymark.flow\",\n"
  "  \"format_version\": 1,\n"
  "  \"id\": \"fractions\",\n"
  "  \"name\": \"Fractions\",\n"
  "  \"versions\": [\n"
  "    {\n"
  "      \"number\": 1,\n"
  "      \"status\": \"draft\",\n"
  "      \"created_at\": \"2026-01-01T00:00:00Z\",\n"
  "      \"settings\": {\n"
  "        \"variables\": [\n"
  "          {\n"
  "            \"name\": \"score\",\n"
  "            \"type\": \"number\",\n"
  "            \"initial\": 2.75\n"
  "          }\n"
  "        ]\n"
  "      },\n"
  "      \"elements\": [\n"
  "        {\n"
  "          \"id\": \"e1\",\n"
  "          \"type\": \"entry.event\",\n"
  "          \"name\": \"Signed up\",\n"
  "          \"position\": [0.1, 1e-05],\n"
  "          \"config\": {\n"
  "            \"event\": \"Signup\"\n"
  "          }\n"
  "        },\n"
  "        {\n"
  "          \"id\": \"e2\",\n"
  "          \"type\": \"split.percent\",\n"
  "          \"position\": [240.5, -0.25],\n"
  "          \"config\": {\n"
  "            \"variants\": [\n"
  "              {\n"
  "                \"label\": \"A\",\n"
  "                \"weight\": 25.5\n"
  "              },\n"
  "              {\n"
  "                \"label\": \"B\",\n"
  "                \"weight\": 74.5\n"
  "              }\n"
  "            ]\n"
  "          }\n"
  "        },\n"
  "        {\n"
  "          \"id\": \"e3\",\n"
  "          \"type\": \"set.variable\",\n"
  "          \"position\": [1e+15, 0.3],\n"
  "          \"config\": {\n"
  "            \"variable\": \"score\",\n"
  "            \"value\": \"var.score + 0.5\"\n"
  "          }\n"
  "        }\n"
  "      ],\n"
  "      \"connections\": [\n"
  "        {\n"
  "          \"from\": \"e1\",\n"
  "          \"port\": \"out\",\n"
  "          \"to\": \"e2\"\n"
  "        },\n"
  "        {\n"
  "          \"from\": \"e2\",\n"
  "          \"port\": \"1\",\n"
  "          \"to\": \"e3\"\n"
  "        }\n"
  "      ],\n"
  "      \"x-zoom\": 1.5\n"
  "    }\n"
  "  ]\n"
  "}\n";

static gboolean
skip_without_german (void)
{
  if (!have_german)
    g_test_skip ("the de_DE.UTF-8 locale is not installed (build-aux/install-deps.sh generates it)");
  return !have_german;
}

/* The premise of every other test: the locale really writes a comma. */
static void
test_german_locale_writes_a_comma (void)
{
  char buf[32];

  if (skip_without_german ())
    return;
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  snprintf (buf, sizeof buf, "%.1f", 2.5);
  g_assert_cmpstr (buf, ==, "2,5");
}

static void
test_flow_with_fractions_round_trips (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autofree char *text = NULL;
  WmVersion *version;
  JsonNode *variants;
  double x = 0, y = 0;
  gsize length;

  if (skip_without_german ())
    return;

  flow = wm_flow_load_from_data (fractions_flow, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow);

  /* Read with a point, whatever the locale says. */
  version = wm_flow_get_version_at (flow, 0);
  g_assert_true (wm_element_get_position (wm_version_get_element_at (version, 0), &x, &y));
  g_assert_cmpfloat (x, ==, 0.1);
  g_assert_cmpfloat (y, ==, 1e-05);
  g_assert_true (wm_element_get_position (wm_version_get_element_at (version, 2), &x, &y));
  g_assert_cmpfloat (x, ==, 1e15);
  g_assert_cmpfloat (y, ==, 0.3);
  variants = wm_element_get_config_member (wm_version_get_element_at (version, 1), "variants");
  g_assert_nonnull (variants);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (json_node_get_array (variants), 0),
                                                    "weight"), ==, 25.5);

  /* Written back byte for byte. */
  text = wm_flow_to_canonical (flow, &length);
  g_assert_cmpuint (length, ==, strlen (fractions_flow));
  g_assert_cmpstr (text, ==, fractions_flow);
}

static void
test_new_position_is_written_with_a_point (void)
{
  g_autoptr(WmFlow) flow = wm_flow_new ("points", "Points", 1767225600);
  g_autoptr(WmElement) element = wm_element_new ("e1", "wait.delay");
  g_autofree char *text = NULL;
  gsize length;

  if (skip_without_german ())
    return;

  wm_element_set_position (element, 0.1, -2.5);
  wm_version_insert_element (wm_flow_get_version_at (flow, 0), 0, element);
  text = wm_flow_to_canonical (flow, &length);
  g_assert_nonnull (strstr (text, "\"position\": [0.1, -2.5],\n"));
  g_assert_null (strstr (text, "0,1"));
}

static WmValue
eval (const char *text,
      WmExprKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = wm_expr_compile (text, kind, NULL, &error);
  WmExprContext ctx = { NULL, NULL, 0, arena };

  g_assert_no_error (error);
  g_assert_nonnull (expr);
  /* Only for numbers and null: a string result may point into @expr. */
  return wm_expr_eval (expr, &ctx);
}

/* Compares before the expression is freed: a result may point into it. */
static void
assert_renders (const char *text,
                WmExprKind  kind,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = wm_expr_compile (text, kind, NULL, &error);
  WmExprContext ctx = { NULL, NULL, 0, arena };
  WmValue v;

  g_assert_no_error (error);
  g_assert_nonnull (expr);
  v = wm_expr_eval (expr, &ctx);
  g_assert_cmpint (v.type, ==, WM_VALUE_STRING);
  g_assert_cmpuint (v.as.string.len, ==, strlen (expected));
  g_assert_cmpstr (v.as.string.str, ==, expected);
  wm_expr_arena_reset (arena);
}

static void
test_expression_sum_and_its_string_form (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  WmValue v;
  char buf[32];

  if (skip_without_german ())
    return;

  v = eval ("1.5 + 1", WM_EXPR_EXPRESSION);
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, 2.5);
  wm_value_append_string (out, &v);
  g_assert_cmpstr (out->str, ==, "2.5");
  g_assert_cmpstr (wm_number_to_string (2.5, buf), ==, "2.5");

  assert_renders ("string(1.5 + 1)", WM_EXPR_EXPRESSION, "2.5");
  assert_renders ("\"total \" + 2.5", WM_EXPR_EXPRESSION, "total 2.5");
}

static void
test_number_reads_a_point (void)
{
  WmValue v;

  if (skip_without_german ())
    return;

  v = eval ("number(\"2.5\")", WM_EXPR_EXPRESSION);
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, 2.5);

  v = eval ("number(\"-1.25e2\")", WM_EXPR_EXPRESSION);
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, -125);

  /* A comma is no decimal separator in any locale. */
  v = eval ("number(\"2,5\")", WM_EXPR_EXPRESSION);
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
}

static void
test_template_renders_a_point (void)
{
  if (skip_without_german ())
    return;

  /* 0.1 + 0.2 is 0.30000000000000004; "%.15g" gives 0.3. */
  assert_renders ("{{ 0.1 + 0.2 }}", WM_EXPR_TEMPLATE, "0.3");
  assert_renders ("Total: {{ 1.5 + 1 }} EUR", WM_EXPR_TEMPLATE, "Total: 2.5 EUR");
}

static void
test_json_number_format (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char buf[32];

  if (skip_without_german ())
    return;

  g_assert_cmpstr (wm_json_format_number (0.1, buf), ==, "0.1");
  g_assert_cmpstr (wm_json_format_number (25.5, buf), ==, "25.5");
  g_assert_cmpstr (wm_json_format_number (1e-05, buf), ==, "1e-05");
  wm_json_append_number (out, -2.75);
  g_assert_cmpstr (out->str, ==, "-2.75");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* LC_ALL covers LC_NUMERIC; set it on its own too, as an application that
   * sets categories one by one would. */
  have_german = setlocale (LC_ALL, "de_DE.UTF-8") != NULL
                && setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL;
  arena = wm_expr_arena_new ();

  g_test_add_func ("/core/locale/german-locale-writes-a-comma",
                   test_german_locale_writes_a_comma);
  g_test_add_func ("/core/locale/flow-with-fractions-round-trips-byte-for-byte",
                   test_flow_with_fractions_round_trips);
  g_test_add_func ("/core/locale/new-position-is-written-with-a-point",
                   test_new_position_is_written_with_a_point);
  g_test_add_func ("/core/locale/expression-sum-and-its-string-form-use-a-point",
                   test_expression_sum_and_its_string_form);
  g_test_add_func ("/core/locale/number-reads-a-point-not-a-comma",
                   test_number_reads_a_point);
  g_test_add_func ("/core/locale/template-renders-a-point",
                   test_template_renders_a_point);
  g_test_add_func ("/core/locale/json-number-format-uses-a-point",
                   test_json_number_format);

  status = g_test_run ();
  wm_expr_arena_free (arena);
  return status;
}
