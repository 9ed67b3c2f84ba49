/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-expr.c - expressions (expressions.md): operators, functions, null and
 * type rules, syntax error columns, nesting, long chains, string forms.
 * Every expected value is worked out by hand from the spec.
 */
#include <math.h>
#include <string.h>

#include "wm-expr.h"
#include "wm-time.h"

#include "time-factor.h"

/* 2026-01-01T00:00:00Z: 2025-01-01 is 1735689600, plus 365 days. */
#define JAN1_2026 G_GINT64_CONSTANT (1767225600)

/* ------------------------------------------------------------------------ */
/* A resolver over a fixed table                                            */
/* ------------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  WmValue     value;
} Attr;

static const Attr *
attrs (void)
{
  static Attr table[16];

  if (table[0].name == NULL)
    {
      int i = 0;

      table[i++] = (Attr) { "profile.country", wm_value_string ("HR", 2) };
      table[i++] = (Attr) { "profile.name", wm_value_string ("Ana", 3) };
      table[i++] = (Attr) { "profile.age", wm_value_number (33) };
      table[i++] = (Attr) { "profile.null", wm_value_string ("kw", 2) };
      table[i++] = (Attr) { "profile.address.city", wm_value_string ("Split", 5) };
      table[i++] = (Attr) { "profile.big", wm_value_number (1e308) };
      table[i++] = (Attr) { "profile.flag", wm_value_boolean (TRUE) };
      table[i++] = (Attr) { "profile.zero", wm_value_number (0) };
      table[i++] = (Attr) { "profile.empty", wm_value_string ("", 0) };
      table[i++] = (Attr) { "var.count", wm_value_number (4) };
      table[i++] = (Attr) { "var.true", wm_value_number (1) };
      table[i++] = (Attr) { "event.views", wm_value_number (18) };
      table[i++] = (Attr) { "flow.entered_at", wm_value_datetime (JAN1_2026) };
      table[i++] = (Attr) { "var.seen", wm_value_datetime (JAN1_2026 + 5400) };
    }
  return table;
}

static const char *root_names[] = { "profile", "event", "var", "flow" };

typedef struct
{
  guint calls;
} Counter;

static void
resolve (gpointer          user_data,
         const WmExprPath *path,
         WmValue          *out)
{
  g_autoptr(GString) name = g_string_new (root_names[path->root]);
  Counter *counter = user_data;

  if (counter)
    counter->calls++;
  for (guint i = 0; i < path->n_keys; i++)
    g_string_append_printf (name, ".%s", path->keys[i]);
  *out = wm_value_null ();
  for (const Attr *a = attrs (); a->name != NULL; a++)
    if (strcmp (a->name, name->str) == 0)
      *out = a->value;
}

static WmExprArena *arena;

static WmValue
eval_full (const char *text,
           Counter    *counter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = wm_expr_compile (text, WM_EXPR_EXPRESSION, NULL, &error);
  WmExprContext ctx = { resolve, counter, JAN1_2026 + 3600, arena };
  WmValue v;

  g_assert_no_error (error);
  g_assert_nonnull (expr);
  v = wm_expr_eval (expr, &ctx);
  /* Strings live in the arena (or the resolver's table), not in @expr. */
  if (v.type == WM_VALUE_STRING)
    {
      char *copy = wm_expr_arena_alloc (arena, v.as.string.len + 1);

      memcpy (copy, v.as.string.str, v.as.string.len + 1);
      v.as.string.str = copy;
    }
  return v;
}

static WmValue
eval (const char *text)
{
  return eval_full (text, NULL);
}

#define check_null(text) \
  G_STMT_START { \
    WmValue v_ = eval (text); \
    if (v_.type != WM_VALUE_NULL) \
      g_error ("%s: expected null, got type %d", text, v_.type); \
  } G_STMT_END

#define check_number(text, expected) \
  G_STMT_START { \
    WmValue v_ = eval (text); \
    if (v_.type != WM_VALUE_NUMBER) \
      g_error ("%s: expected a number, got type %d", text, v_.type); \
    g_assert_cmpfloat (v_.as.number, ==, (expected)); \
  } G_STMT_END

#define check_bool(text, expected) \
  G_STMT_START { \
    WmValue v_ = eval (text); \
    if (v_.type != WM_VALUE_BOOLEAN) \
      g_error ("%s: expected a boolean, got type %d", text, v_.type); \
    if (!v_.as.boolean != !(expected)) \
      g_error ("%s: expected %s", text, (expected) ? "true" : "false"); \
  } G_STMT_END

#define check_string(text, expected) \
  G_STMT_START { \
    WmValue v_ = eval (text); \
    if (v_.type != WM_VALUE_STRING) \
      g_error ("%s: expected a string, got type %d", text, v_.type); \
    g_assert_cmpuint (v_.as.string.len, ==, strlen (expected)); \
    g_assert_cmpstr (v_.as.string.str, ==, (expected)); \
  } G_STMT_END

#define check_datetime(text, expected) \
  G_STMT_START { \
    WmValue v_ = eval (text); \
    if (v_.type != WM_VALUE_DATETIME) \
      g_error ("%s: expected a datetime, got type %d", text, v_.type); \
    g_assert_cmpint (v_.as.datetime, ==, (expected)); \
  } G_STMT_END

static void
check_error_at (const char *text,
                guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("column %u: ", column);
  guint got = 12345;
  WmExpr *expr = wm_expr_compile (text, WM_EXPR_EXPRESSION, &got, &error);

  if (expr != NULL)
    g_error ("“%s” compiled; expected an error at column %u", text, column);
  g_assert_error (error, WM_EXPR_ERROR, WM_EXPR_ERROR_SYNTAX);
  if (got != column || !g_str_has_prefix (error->message, prefix))
    g_error ("“%s”: expected column %u, got %u (%s)", text, column, got, error->message);
}

static void
setup (void)
{
  wm_expr_arena_reset (arena);
}

/* ------------------------------------------------------------------------ */
/* Values and operators                                                     */
/* ------------------------------------------------------------------------ */

static void
test_truthiness (void)
{
  setup ();
  check_bool ("!null", TRUE);
  check_bool ("!false", TRUE);
  check_bool ("!0", TRUE);
  check_bool ("!\"\"", TRUE);
  check_bool ("!''", TRUE);
  check_bool ("!'a'", FALSE);
  check_bool ("!'0'", FALSE);
  check_bool ("!1", FALSE);
  check_bool ("!0.5", FALSE);
  check_bool ("!date('2026-01-01')", FALSE);
  check_bool ("!true", FALSE);
  check_bool ("not 0", TRUE);
  check_bool ("!!2", TRUE);
  check_bool ("not not ''", FALSE);

  {
    WmValue n = wm_value_number (-0.0);
    WmValue s = wm_value_string ("", 0);
    WmValue d = wm_value_datetime (0);

    g_assert_false (wm_value_truthy (&n));
    g_assert_false (wm_value_truthy (&s));
    g_assert_true (wm_value_truthy (&d));
  }
}

static void
test_logic_returns_booleans (void)
{
  setup ();
  check_bool ("1 && 'a'", TRUE);
  check_bool ("0 || ''", FALSE);
  check_bool ("null or 2", TRUE);
  check_bool ("1 and 0", FALSE);
  check_bool ("'x' || 0", TRUE);
  check_bool ("true and true and true and false", FALSE);
  check_bool ("false or false or 3", TRUE);
  /* && binds tighter than ||. */
  check_bool ("true || false && false", TRUE);
  check_bool ("(true || false) && false", FALSE);
}

static void
test_logic_evaluates_both_sides (void)
{
  Counter counter = { 0 };
  WmValue v;

  setup ();
  v = eval_full ("profile.zero && profile.country", &counter);
  g_assert_cmpint (v.type, ==, WM_VALUE_BOOLEAN);
  g_assert_false (v.as.boolean);
  g_assert_cmpuint (counter.calls, ==, 2);

  counter.calls = 0;
  v = eval_full ("profile.flag || profile.country", &counter);
  g_assert_true (v.as.boolean);
  g_assert_cmpuint (counter.calls, ==, 2);

  counter.calls = 0;
  v = eval_full ("coalesce(profile.flag, profile.country, var.count)", &counter);
  g_assert_true (v.as.boolean);
  g_assert_cmpuint (counter.calls, ==, 3);
}

static void
test_unary_binds_tightest (void)
{
  setup ();
  /* (!1) == 1: false == 1, different types. */
  check_bool ("!1 == 1", FALSE);
  check_bool ("!0 == true", TRUE);
  check_bool ("not 0 == true", TRUE);
  check_number ("-2 * 3", -6);
  check_number ("- -3", 3);
  check_number ("--3", 3);
  check_number ("-2 + 5", 3);
  check_number ("2 - -2", 4);
  check_null ("-'a'");
  check_null ("-null");
  check_null ("-true");
  check_null ("-date('2026-01-01')");
  check_string ("string(-0)", "0");
}

static void
test_plus (void)
{
  setup ();
  check_number ("1 + 2", 3);
  check_string ("'a' + 1", "a1");
  check_string ("1 + 'a'", "1a");
  check_string ("'x' + null", "x");
  check_string ("null + 'x'", "x");
  check_string ("'v' + true", "vtrue");
  check_string ("false + 'v'", "falsev");
  check_string ("'n' + 0.5", "n0.5");
  check_string ("'' + ''", "");
  check_string ("'t' + date('2026-03-01')", "t2026-03-01T00:00:00Z");
  check_string ("'a' + 'b' + 'c' + 1 + 2", "abc12");
  /* Left to right: 1 + 2 is 3 before the string joins. */
  check_string ("1 + 2 + 'c'", "3c");
  check_string ("profile.name + ' from ' + profile.country", "Ana from HR");
  check_null ("1 + null");
  check_null ("null + null");
  check_null ("true + 1");
  check_null ("true + false");
  check_null ("date('2026-03-01') + 1");
  check_null ("date('2026-03-01') + date('2026-03-01')");
}

static void
test_arithmetic (void)
{
  setup ();
  check_number ("7 - 10", -3);
  check_number ("6 * 7", 42);
  check_number ("7 / 2", 3.5);
  check_number ("7 % 3", 1);
  check_number ("-7 % 3", -1);     /* fmod keeps the sign of the dividend */
  check_number ("5 % -3", 2);
  check_number ("7.5 % 2", 1.5);
  check_number ("10 - 2 - 3", 5);
  check_number ("10 - 2 + 3", 11);
  check_number ("10 + 2 - 3 + 4 - 5", 8);
  check_number ("2 * 3 / 4", 1.5);
  check_number ("100 / 10 / 5", 2);
  check_number ("2 * 3 % 4", 2);
  check_number ("1 + 2 * 3", 7);
  check_number ("(1 + 2) * 3", 9);
  check_number ("1 - 2 * 3 + 4 / 2", -3);
  check_number ("var.count + 1", 5);
  check_number ("3.5e2 + 5E-1", 350.5);
  check_null ("'6' - 1");
  check_null ("'6' * 2");
  check_null ("true * 2");
  check_null ("null / 2");
  check_null ("6 % '4'");
  check_null ("date('2026-01-02') - date('2026-01-01')");
}

static void
test_division_by_zero_is_null (void)
{
  setup ();
  check_null ("1 / 0");
  check_null ("0 / 0");
  check_null ("1 % 0");
  check_null ("1 / -0");
  check_null ("5 % (2 - 2)");
  check_bool ("exists(1 / 0)", FALSE);
}

static void
test_non_finite_is_null (void)
{
  setup ();
  check_null ("1e308 * 10");
  check_null ("1e308 + 1e308");
  check_null ("-1e308 - 1e308");
  check_null ("profile.big * 10");
  check_null ("1e999");
  check_null ("-1e999");
  check_null ("1e999 - 1e999");
  check_bool ("exists(1e999)", FALSE);
  check_bool ("!exists(event.views * 1e307)", TRUE);
  check_number ("1e308", 1e308);
  check_number ("1e-400", 0);       /* underflows to zero, which is finite */
}

static void
test_equality (void)
{
  setup ();
  check_bool ("1 == 1", TRUE);
  check_bool ("1 == 1.0", TRUE);
  check_bool ("0.1 + 0.2 == 0.3", FALSE);
  check_bool ("1 == '1'", FALSE);
  check_bool ("1 != '1'", TRUE);
  check_bool ("null == null", TRUE);
  check_bool ("null != null", FALSE);
  check_bool ("null == 0", FALSE);
  check_bool ("null == ''", FALSE);
  check_bool ("null == false", FALSE);
  check_bool ("'a' == 'a'", TRUE);
  check_bool ("'a' == \"a\"", TRUE);
  check_bool ("'a' == 'A'", FALSE);
  check_bool ("'a' == 'ab'", FALSE);
  check_bool ("true == true", TRUE);
  check_bool ("true == 1", FALSE);
  check_bool ("true != false", TRUE);
  check_bool ("-0 == 0", TRUE);
  check_bool ("date('2026-01-01') == date('2026-01-01T00:00:00Z')", TRUE);
  check_bool ("date('2026-01-01T02:00:00+02:00') == date('2026-01-01')", TRUE);
  check_bool ("date('2026-01-01') == '2026-01-01T00:00:00Z'", FALSE);
  check_bool ("profile.country == 'HR'", TRUE);
  check_bool ("profile.missing == null", TRUE);
}

static void
test_ordering (void)
{
  setup ();
  check_bool ("1 < 2", TRUE);
  check_bool ("2 < 1", FALSE);
  check_bool ("2 <= 2", TRUE);
  check_bool ("3 > 2", TRUE);
  check_bool ("2 >= 3", FALSE);
  check_bool ("'a' < 'b'", TRUE);
  check_bool ("'ab' < 'abc'", TRUE);
  check_bool ("'abc' > 'ab'", TRUE);
  check_bool ("'abc' <= 'abc'", TRUE);
  check_bool ("'B' < 'a'", TRUE);           /* bytes: 0x42 < 0x61 */
  check_bool ("'é' > 'z'", TRUE);           /* bytes: 0xC3 > 0x7A */
  check_bool ("'10' < '9'", TRUE);
  check_bool ("1 < '2'", FALSE);
  check_bool ("'1' >= 1", FALSE);
  check_bool ("null < 1", FALSE);
  check_bool ("null <= null", FALSE);
  check_bool ("null >= null", FALSE);
  check_bool ("true > false", FALSE);
  check_bool ("true >= true", FALSE);
  check_bool ("date('2026-01-01') < date('2026-01-02')", TRUE);
  check_bool ("date('2026-01-01') >= date('2026-01-01')", TRUE);
  check_bool ("date('2026-01-01') > '2025'", FALSE);
  check_bool ("var.count + 1 > 3", TRUE);
}

/* ------------------------------------------------------------------------ */
/* Functions                                                                */
/* ------------------------------------------------------------------------ */

static void
test_case_mapping_is_ascii (void)
{
  setup ();
  check_string ("lower('ÀbC')", "Àbc");
  check_string ("upper('straße')", "STRAßE");
  check_string ("upper('')", "");
  check_string ("lower(profile.country)", "hr");
  check_null ("lower(1)");
  check_null ("upper(null)");
  check_null ("upper(true)");
}

static void
test_len_counts_code_points (void)
{
  setup ();
  check_number ("len('Ćiril')", 5);
  check_number ("len('')", 0);
  check_number ("len('a😀')", 2);
  check_number ("len('a\\tb')", 3);
  check_null ("len(12)");
  check_null ("len(null)");
}

static void
test_string_tests (void)
{
  setup ();
  check_bool ("contains('hello', 'ell')", TRUE);
  check_bool ("contains('hello', '')", TRUE);
  check_bool ("contains('hello', 'xyz')", FALSE);
  check_bool ("contains('aab', 'ab')", TRUE);
  check_bool ("contains('ab', 'abc')", FALSE);
  check_bool ("contains('abcabd', 'abd')", TRUE);
  check_bool ("starts_with('hello', 'he')", TRUE);
  check_bool ("starts_with('he', 'hello')", FALSE);
  check_bool ("starts_with('hello', '')", TRUE);
  check_bool ("ends_with('hello', 'llo')", TRUE);
  check_bool ("ends_with('hello', 'hel')", FALSE);
  check_bool ("ends_with('hello', '')", TRUE);
  check_null ("contains('hello', 1)");
  check_null ("contains(null, 'a')");
  check_null ("starts_with(1, '1')");
  check_null ("ends_with('x', null)");
}

static void
test_concat_coalesce_exists (void)
{
  setup ();
  check_string ("concat('a', 1, null, true, 2.5)", "a1true2.5");
  check_string ("concat(null)", "");
  check_string ("concat('x')", "x");
  check_string ("concat(date('2026-01-01'))", "2026-01-01T00:00:00Z");
  check_string ("concat(1e15, '/', 1 / 3)", "1e+15/0.333333333333333");
  check_number ("coalesce(null, null, 3, 4)", 3);
  check_null ("coalesce(null)");
  check_null ("coalesce(null, profile.missing)");
  check_bool ("coalesce(false, 1)", FALSE);
  check_string ("coalesce(profile.missing, 'x')", "x");
  check_bool ("exists(null)", FALSE);
  check_bool ("exists(0)", TRUE);
  check_bool ("exists('')", TRUE);
  check_bool ("exists(false)", TRUE);
  check_bool ("exists(profile.country)", TRUE);
  check_bool ("exists(profile.nothing)", FALSE);
}

static void
test_number_function (void)
{
  setup ();
  check_number ("number('42')", 42);
  check_number ("number('+5')", 5);
  check_number ("number('-2.5e3')", -2500);
  check_number ("number('1E2')", 100);
  check_number ("number('1e+2')", 100);
  check_number ("number('007')", 7);
  check_number ("number(7)", 7);
  check_number ("number(-0.5)", -0.5);
  check_null ("number(' 5')");
  check_null ("number('5 ')");
  check_null ("number('5.')");
  check_null ("number('.5')");
  check_null ("number('0x1')");
  check_null ("number('')");
  check_null ("number('-')");
  check_null ("number('--1')");
  check_null ("number('+-1')");
  check_null ("number('1e')");
  check_null ("number('1e999')");
  check_null ("number('inf')");
  check_null ("number('nan')");
  check_null ("number('1,5')");
  check_null ("number(true)");
  check_null ("number(null)");
  check_null ("number(date('2026-01-01'))");
}

static void
test_string_function (void)
{
  setup ();
  check_string ("string(1)", "1");
  check_string ("string(null)", "");
  check_string ("string(true)", "true");
  check_string ("string(false)", "false");
  check_string ("string('x')", "x");
  check_string ("string(date('2026-01-01'))", "2026-01-01T00:00:00Z");
  check_string ("string(add_hours(date('2026-01-01'), 1.5))", "2026-01-01T01:30:00Z");
}

static void
test_string_forms_of_numbers (void)
{
  char buf[32];

  setup ();
  check_string ("string(0.1 + 0.2)", "0.3");     /* %.15g */
  check_string ("string(1 / 3)", "0.333333333333333");
  check_string ("string(2 / 3)", "0.666666666666667");
  check_string ("string(1e15)", "1e+15");
  check_string ("string(999999999999999)", "999999999999999");
  check_string ("string(-999999999999999)", "-999999999999999");
  check_string ("string(-0)", "0");
  check_string ("string(0 * -1)", "0");
  check_string ("string(123.456)", "123.456");
  check_string ("string(2.5)", "2.5");
  check_string ("string(-1.5)", "-1.5");
  check_string ("string(1e-7)", "1e-07");
  check_string ("string(1e20)", "1e+20");
  check_string ("string(-1.5e15)", "-1.5e+15");
  check_string ("string(12345678.9)", "12345678.9");
  check_string ("string(1e14)", "100000000000000");
  check_string ("string(1e300)", "1e+300");

  g_assert_cmpstr (wm_number_to_string (42, buf), ==, "42");
  g_assert_cmpstr (wm_number_to_string (-0.0, buf), ==, "0");
  g_assert_cmpstr (wm_number_to_string (-7, buf), ==, "-7");
  g_assert_cmpstr (wm_number_to_string (0.5, buf), ==, "0.5");
  g_assert_cmpstr (wm_number_to_string (1e15, buf), ==, "1e+15");
  g_assert_cmpstr (wm_number_to_string (-1e15, buf), ==, "-1e+15");
  g_assert_cmpstr (wm_number_to_string (1e15 - 1, buf), ==, "999999999999999");
}

static void
test_round (void)
{
  setup ();
  check_number ("round(2.5)", 3);
  check_number ("round(-2.5)", -3);
  check_number ("round(2.4)", 2);
  check_number ("round(1.005, 2)", 1);
  check_number ("round(0.015, 2)", 0.02);
  check_number ("round(1234.5678, 2)", 1234.57);
  check_number ("round(1234.5, -2)", 1200);
  check_number ("round(2.567, 1.9)", 2.6);     /* d truncates to 1 */
  check_number ("round(2.567, -0.9)", 3);      /* d truncates to 0 */
  check_number ("round(-2.567, 1)", -2.6);
  check_null ("round('2')");
  check_null ("round(2, null)");
  check_null ("round(2, '1')");
  check_null ("round(null)");
}

static void
test_floor_ceil_abs (void)
{
  setup ();
  check_number ("floor(-2.5)", -3);
  check_number ("floor(2.9)", 2);
  check_number ("ceil(2.1)", 3);
  check_number ("ceil(-2.1)", -2);
  check_number ("abs(-2.5)", 2.5);
  check_number ("abs(3)", 3);
  check_null ("floor('1')");
  check_null ("ceil(true)");
  check_null ("abs(null)");
}

static void
test_min_max (void)
{
  setup ();
  check_number ("min(3, 1, 2)", 1);
  check_number ("max(3, 1, 2)", 3);
  check_number ("max(3, '9', 1)", 3);
  check_number ("min(null, 'a', 5, true)", 5);
  check_number ("max(1e3, 2)", 1000);
  check_number ("min(-1)", -1);
  check_number ("max(event.views, 3, var.count)", 18);
  check_null ("min('a', null)");
  check_null ("max(null)");
}

static void
test_now (void)
{
  g_autoptr(WmExpr) expr = wm_expr_compile ("now()", WM_EXPR_EXPRESSION, NULL, NULL);
  WmExprContext ctx = { NULL, NULL, WM_TIME_MAX + 1, arena };
  WmValue v;

  setup ();
  check_datetime ("now()", JAN1_2026 + 3600);
  check_bool ("now() == now()", TRUE);
  check_datetime ("now( )", JAN1_2026 + 3600);
  /* A clock outside years 0001..9999 is no datetime. */
  v = wm_expr_eval (expr, &ctx);
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
}

static void
test_date (void)
{
  setup ();
  check_datetime ("date('2026-01-01')", JAN1_2026);
  check_datetime ("date('2026-01-01T10:30:00Z')", JAN1_2026 + 37800);
  check_datetime ("date('2026-01-01T10:30:00+02:00')", JAN1_2026 + 37800 - 7200);
  check_datetime ("date('2026-01-01T10:30:00.9Z')", JAN1_2026 + 37800);
  check_datetime ("date(date('2026-01-01'))", JAN1_2026);
  check_datetime ("date('1970-01-01')", 0);
  check_datetime ("date('0001-01-01')", WM_TIME_MIN);
  check_null ("date('2026-02-30')");
  check_null ("date('2026-1-1')");
  check_null ("date(' 2026-01-01')");
  check_null ("date('2026-01-01 ')");
  check_null ("date('2026-01-01 10:30:00Z')");
  check_null ("date(5)");
  check_null ("date(null)");
  check_null ("date(true)");
}

static void
test_between (void)
{
  setup ();
  check_number ("hours_between(date('2026-01-01'), date('2026-01-01T01:30:00Z'))", 1.5);
  check_number ("hours_between(date('2026-01-01T01:30:00Z'), date('2026-01-01'))", -1.5);
  check_number ("days_between(date('2026-01-01'), date('2026-01-02T12:00:00Z'))", 1.5);
  check_number ("days_between(date('2026-01-02'), date('2026-01-01'))", -1);
  check_number ("hours_between(flow.entered_at, var.seen)", 1.5);
  check_bool ("hours_between(flow.entered_at, var.seen) == 1.5 and not exists(profile.tags)", TRUE);
  check_null ("hours_between('2026-01-01', date('2026-01-01'))");
  check_null ("days_between(date('2026-01-01'), null)");
}

static void
test_add_hours_and_days (void)
{
  setup ();
  check_datetime ("add_hours(date('2026-01-01'), 1.5)", JAN1_2026 + 5400);
  check_datetime ("add_hours(date('2026-01-01'), -2)", JAN1_2026 - 7200);
  /* 0.00025 h is 0.9 s: truncated toward zero, to 0 s. */
  check_datetime ("add_hours(date('2026-01-01'), 0.00025)", JAN1_2026);
  check_datetime ("add_hours(date('2026-01-01'), -0.00025)", JAN1_2026);
  /* 1.00001 days is 86400.864 s: 86400 s. */
  check_datetime ("add_days(date('2026-01-01'), 1.00001)", JAN1_2026 + 86400);
  check_datetime ("add_days(date('2026-01-01'), -1.00001)", JAN1_2026 - 86400);
  check_datetime ("add_hours(now(), 1.5)", JAN1_2026 + 3600 + 5400);
  check_datetime ("add_days(date('9999-12-30'), 1)", WM_TIME_MAX - 86399);
  check_null ("add_days(date('9999-12-31'), 1)");
  check_null ("add_days(date('0001-01-01'), -1)");
  check_null ("add_days(date('2026-01-01'), 1e300)");
  check_null ("add_hours(date('2026-01-01'), '1')");
  check_null ("add_hours(null, 1)");
  check_null ("add_days('2026-01-01', 1)");
}

/* ------------------------------------------------------------------------ */
/* Paths                                                                    */
/* ------------------------------------------------------------------------ */

static void
test_paths (void)
{
  g_autoptr(WmExpr) expr = NULL;
  g_autofree char *literal = NULL;
  const WmExprPath *path;

  setup ();
  check_bool ("profile.address.city == 'Split'", TRUE);
  check_string ("profile.null", "kw");               /* a key may be a keyword */
  check_number ("var.true", 1);
  check_null ("flow.and.or.not");
  check_null ("profile.address");                     /* not in the table */

  /* "é" + ...: columns count code points. */
  expr = wm_expr_compile ("\"é\" + profile.address.city + var.count + event.not",
                          WM_EXPR_EXPRESSION, NULL, NULL);
  g_assert_nonnull (expr);
  g_assert_cmpuint (wm_expr_get_n_paths (expr), ==, 3);

  path = wm_expr_get_path (expr, 0);
  g_assert_cmpint (path->root, ==, WM_EXPR_ROOT_PROFILE);
  g_assert_cmpuint (path->n_keys, ==, 2);
  g_assert_cmpstr (path->keys[0], ==, "address");
  g_assert_cmpstr (path->keys[1], ==, "city");
  g_assert_cmpint (path->slot, ==, -1);
  g_assert_cmpuint (path->column, ==, 7);

  path = wm_expr_get_path (expr, 1);
  g_assert_cmpint (path->root, ==, WM_EXPR_ROOT_VAR);
  g_assert_cmpuint (path->n_keys, ==, 1);
  g_assert_cmpstr (path->keys[0], ==, "count");
  g_assert_cmpuint (path->column, ==, 30);

  path = wm_expr_get_path (expr, 2);
  g_assert_cmpint (path->root, ==, WM_EXPR_ROOT_EVENT);
  g_assert_cmpstr (path->keys[0], ==, "not");
  g_assert_cmpuint (path->column, ==, 42);

  g_assert_cmpstr (wm_expr_get_text (expr), ==,
                   "\"é\" + profile.address.city + var.count + event.not");
  literal = wm_expr_template_literal (expr);
  g_assert_cmpstr (literal, ==, "");
}

static void
resolve_by_slot (gpointer          user_data,
                 const WmExprPath *path,
                 WmValue          *out)
{
  const WmValue *slots = user_data;

  *out = path->slot >= 0 ? slots[path->slot] : wm_value_null ();
}

static void
test_paths_bind_slots (void)
{
  g_autoptr(WmExpr) expr = wm_expr_compile ("var.a * 10 + var.b", WM_EXPR_EXPRESSION, NULL, NULL);
  WmValue slots[2] = { wm_value_number (4), wm_value_number (2) };
  WmExprContext ctx = { resolve_by_slot, slots, 0, arena };
  WmValue v;

  g_assert_cmpuint (wm_expr_get_n_paths (expr), ==, 2);
  v = wm_expr_eval (expr, &ctx);
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);   /* slots unbound: -1 */

  wm_expr_get_path (expr, 0)->slot = 1;
  wm_expr_get_path (expr, 1)->slot = 0;
  v = wm_expr_eval (expr, &ctx);
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, 24);
}

static void
test_no_resolver_means_null (void)
{
  g_autoptr(WmExpr) expr = wm_expr_compile ("coalesce(profile.country, 'none')",
                                            WM_EXPR_EXPRESSION, NULL, NULL);
  WmExprContext ctx = { NULL, NULL, 0, arena };
  WmValue v = wm_expr_eval (expr, &ctx);

  g_assert_cmpint (v.type, ==, WM_VALUE_STRING);
  g_assert_cmpstr (v.as.string.str, ==, "none");
  g_clear_pointer (&expr, wm_expr_free);
  expr = wm_expr_compile ("exists(profile.country) || var.count == 0", WM_EXPR_EXPRESSION, NULL, NULL);
  g_assert_false (wm_expr_eval_truthy (expr, &ctx));
}

/* ------------------------------------------------------------------------ */
/* Syntax errors                                                            */
/* ------------------------------------------------------------------------ */

static void
test_error_unterminated_string (void)
{
  check_error_at ("\"abc", 1);
  check_error_at ("1 + 'abc", 5);
  check_error_at ("'abc\"", 1);
  check_error_at ("'\\'", 1);          /* \' is an escape: the string never ends */
  check_error_at ("'abc\\", 1);
  check_error_at ("'é' + 'x", 7);
}

static void
test_error_text_ends_too_early (void)
{
  check_error_at ("", 1);
  check_error_at ("   ", 4);
  check_error_at ("1 +", 4);
  check_error_at ("1 + ", 5);
  check_error_at ("(1 + 2", 7);
  check_error_at ("-", 2);
  check_error_at ("not", 4);
  check_error_at ("1 and", 6);
  check_error_at ("'é' +", 6);
  check_error_at ("profile", 8);
  check_error_at ("profile.", 9);
  check_error_at ("lower(", 7);
  check_error_at ("now(", 5);
  check_error_at ("max(1, 2", 9);
}

static void
test_error_unknown_function (void)
{
  check_error_at ("foo(1)", 1);
  check_error_at ("1 + bar(2)", 5);
  check_error_at ("Lower('a')", 1);
  check_error_at ("lower ('A') + nope ()", 15);
  check_error_at ("profile(1)", 1);
}

static void
test_error_argument_counts (void)
{
  check_error_at ("lower('a', 'b')", 10);
  check_error_at ("round(1, 2, 3)", 11);
  check_error_at ("abs(1,)", 6);
  check_error_at ("lower('a',", 10);
  check_error_at ("concat()", 8);
  check_error_at ("coalesce()", 10);
  check_error_at ("min( )", 6);
  check_error_at ("contains('a')", 13);
  check_error_at ("add_days(now())", 15);
  check_error_at ("now(1)", 5);
  check_error_at ("round()", 7);
  check_error_at ("max(1,)", 7);    /* a value is missing before ')' */
  check_error_at ("max(,1)", 5);
}

static void
test_error_unknown_escape (void)
{
  check_error_at ("'a\\qb'", 4);
  check_error_at ("\"é\\x\"", 4);
  check_error_at ("'ok\\n' + '\\0'", 12);
  check_error_at ("'\\😀'", 3);
}

static void
test_error_unexpected (void)
{
  check_error_at ("foo", 1);
  check_error_at ("x + 1", 1);
  check_error_at ("1 + True", 5);
  check_error_at ("and", 1);
  check_error_at ("profile.1", 9);
  check_error_at ("profile x", 9);
  check_error_at ("1 = 1", 3);
  check_error_at ("1 & 2", 3);
  check_error_at ("1 | 2", 3);
  check_error_at ("1 2", 3);
  check_error_at (")", 1);
  check_error_at ("1)", 2);
  check_error_at ("1 == 1 == 1", 8);
  check_error_at ("1 < 2 < 3", 7);
  check_error_at ("1.", 2);
  check_error_at ("1e", 2);
  check_error_at (".5", 1);
  check_error_at ("$", 1);
  check_error_at ("1 + é", 5);
  check_error_at ("1 }}", 3);
  check_error_at ("true(1)", 5);
  check_error_at ("'a\xff'", 3);   /* not UTF-8 */
}

static char *
repeat (const char *piece,
        guint       n,
        const char *middle,
        const char *tail)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, piece);
  g_string_append (s, middle);
  for (guint i = 0; i < n && tail[0]; i++)
    g_string_append (s, tail);
  return g_string_free (s, FALSE);
}

static void
check_compiles (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = wm_expr_compile (text, WM_EXPR_EXPRESSION, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (expr);
}

static void
test_nesting_limit (void)
{
  g_autofree char *parens_ok = repeat ("(", 256, "1", ")");
  g_autofree char *parens_bad = repeat ("(", 257, "1", ")");
  g_autofree char *minus_ok = repeat ("-", 256, "1", "");
  g_autofree char *minus_bad = repeat ("-", 257, "1", "");
  g_autofree char *bang_bad = repeat ("!", 257, "1", "");
  g_autofree char *not_ok = repeat ("not ", 256, "1", "");
  g_autofree char *not_bad = repeat ("not ", 257, "1", "");
  g_autofree char *calls_ok = repeat ("abs(", 256, "1", ")");
  g_autofree char *calls_bad = repeat ("abs(", 257, "1", ")");
  g_autofree char *mixed_bad = repeat ("(-", 128, "(1)", ")");
  g_autofree char *mixed_ok = repeat ("(!", 128, "1", ")");

  check_compiles (parens_ok);
  check_error_at (parens_bad, 257);
  check_compiles (minus_ok);
  check_error_at (minus_bad, 257);
  check_error_at (bang_bad, 257);
  check_compiles (not_ok);
  check_error_at (not_bad, 256 * 4 + 1);
  check_compiles (calls_ok);
  /* The 257th call's '(' after 256 "abs(": column 1024 + 4. */
  check_error_at (calls_bad, 256 * 4 + 4);
  check_error_at (mixed_bad, 257);
  check_compiles (mixed_ok);

  setup ();
  check_number (parens_ok, 1);
  check_number (minus_ok, 1);       /* an even number of minus signs */
  check_bool (not_ok, TRUE);        /* even: truthiness of 1 */
  check_number (calls_ok, 1);
}

/* ------------------------------------------------------------------------ */
/* Long chains                                                              */
/* ------------------------------------------------------------------------ */

static void
test_ten_megabyte_chain (void)
{
  const gsize ones = 5 * 1024 * 1024;  /* "1+" five million times: 10 MB */
  GString *s = g_string_sized_new (2 * ones + 2);
  g_autoptr(WmExpr) expr = NULL;
  g_autoptr(GError) error = NULL;
  WmExprContext ctx = { NULL, NULL, 0, arena };
  gint64 start = g_get_monotonic_time ();
  WmValue v;

  for (gsize i = 0; i < ones; i++)
    g_string_append_len (s, "1+", 2);
  g_string_append_c (s, '1');

  expr = wm_expr_compile (s->str, WM_EXPR_EXPRESSION, NULL, &error);
  g_assert_no_error (error);
  v = wm_expr_eval (expr, &ctx);
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, (double) ones + 1);
  /* Seconds at most, not minutes, even in a debug build. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC * TIME_FACTOR);
  g_string_free (s, TRUE);
}

static void
test_long_mixed_chains (void)
{
  const guint n = 200000;
  GString *s = g_string_new ("var.count");
  g_autoptr(WmExpr) sum = NULL;
  g_autoptr(WmExpr) logic = NULL;
  g_autoptr(WmExpr) args = NULL;
  WmExprContext ctx = { resolve, NULL, 0, arena };
  WmValue v;

  /* var.count + 2 - 1 + 2 - 1 ...: 4 + n. */
  for (guint i = 0; i < n; i++)
    g_string_append (s, " + 2 - 1");
  sum = wm_expr_compile (s->str, WM_EXPR_EXPRESSION, NULL, NULL);
  v = wm_expr_eval (sum, &ctx);
  g_assert_cmpfloat (v.as.number, ==, 4.0 + n);
  g_assert_cmpuint (wm_expr_get_n_paths (sum), ==, 1);

  /* true && true && ... || false ... */
  g_string_assign (s, "profile.flag");
  for (guint i = 0; i < n; i++)
    g_string_append (s, i % 2 ? " and profile.flag" : " || profile.zero");
  logic = wm_expr_compile (s->str, WM_EXPR_EXPRESSION, NULL, NULL);
  g_assert_cmpuint (wm_expr_get_n_paths (logic), ==, n + 1);
  g_assert_true (wm_expr_eval_truthy (logic, &ctx));

  /* One call with n arguments: the value stack outgrows the small one. */
  g_string_assign (s, "coalesce(null");
  for (guint i = 0; i < n; i++)
    g_string_append (s, i == n - 1 ? ", 7" : ", null");
  g_string_append (s, ")");
  args = wm_expr_compile (s->str, WM_EXPR_EXPRESSION, NULL, NULL);
  v = wm_expr_eval (args, &ctx);
  g_assert_cmpfloat (v.as.number, ==, 7);
  ctx.arena = NULL;   /* without an arena the stack comes from the heap */
  v = wm_expr_eval (args, &ctx);
  g_assert_cmpfloat (v.as.number, ==, 7);

  g_string_free (s, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Arena and threads                                                        */
/* ------------------------------------------------------------------------ */

static void
test_arena (void)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  WmExprArena *a = wm_expr_arena_new ();

  for (guint round = 0; round < 3; round++)
    {
      g_ptr_array_set_size (blocks, 0);
      for (guint i = 0; i < 2000; i++)
        {
          gsize size = (i * 37) % 300 + (i == 1000 ? 5000000 : 0);
          guchar *p = wm_expr_arena_alloc (a, size);

          g_assert_cmpuint (GPOINTER_TO_SIZE (p) % 8, ==, 0);
          memset (p, i & 0xff, size);
          g_ptr_array_add (blocks, p);
        }
      /* Nothing overlapped. */
      for (guint i = 0; i < 2000; i++)
        {
          gsize size = (i * 37) % 300 + (i == 1000 ? 5000000 : 0);
          const guchar *p = blocks->pdata[i];

          for (gsize j = 0; j < size; j += 97)
            g_assert_cmpuint (p[j], ==, i & 0xff);
        }
      wm_expr_arena_reset (a);
    }
  wm_expr_arena_free (a);
}

static void
test_strings_need_an_arena (void)
{
  g_autoptr(WmExpr) expr = wm_expr_compile ("'a' + 1", WM_EXPR_EXPRESSION, NULL, NULL);
  g_autoptr(WmExpr) num = wm_expr_compile ("1 + 2 > 2", WM_EXPR_EXPRESSION, NULL, NULL);
  WmExprContext ctx = { NULL, NULL, 0, NULL };
  WmValue v;

  /* Our choice: a string that cannot be made is null. */
  v = wm_expr_eval (expr, &ctx);
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
  g_assert_true (wm_expr_eval_truthy (num, &ctx));
}

static gpointer
thread_evaluate (gpointer data)
{
  const WmExpr *expr = data;
  WmExprArena *a = wm_expr_arena_new ();
  WmExprContext ctx = { resolve, NULL, 0, a };
  gboolean ok = TRUE;

  for (guint i = 0; i < 20000 && ok; i++)
    {
      WmValue v = wm_expr_eval (expr, &ctx);

      ok = v.type == WM_VALUE_STRING && strcmp (v.as.string.str, "hr-5-Ana") == 0;
      wm_expr_arena_reset (a);
    }
  wm_expr_arena_free (a);
  return GINT_TO_POINTER (ok);
}

static void
test_evaluation_is_reentrant (void)
{
  g_autoptr(WmExpr) expr = wm_expr_compile ("lower(profile.country) + '-' + (var.count + 1) + '-' + profile.name",
                                            WM_EXPR_EXPRESSION, NULL, NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("eval", thread_evaluate, expr);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

static void
test_values_from_json (void)
{
  g_autoptr(JsonNode) s = json_node_init_string (json_node_alloc (), "hi");
  g_autoptr(JsonNode) i = json_node_init_int (json_node_alloc (), -12);
  g_autoptr(JsonNode) d = json_node_init_double (json_node_alloc (), 2.5);
  g_autoptr(JsonNode) b = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(JsonNode) n = json_node_init_null (json_node_alloc ());
  /* The nodes take their own references to the containers. */
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) a = json_node_init_array (json_node_alloc (), array);
  g_autoptr(JsonNode) o = json_node_init_object (json_node_alloc (), object);
  WmValue v;

  wm_value_from_json_node (s, &v);
  g_assert_cmpint (v.type, ==, WM_VALUE_STRING);
  g_assert_cmpuint (v.as.string.len, ==, 2);
  g_assert_cmpstr (v.as.string.str, ==, "hi");
  wm_value_from_json_node (i, &v);
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, -12);
  wm_value_from_json_node (d, &v);
  g_assert_cmpfloat (v.as.number, ==, 2.5);
  wm_value_from_json_node (b, &v);
  g_assert_cmpint (v.type, ==, WM_VALUE_BOOLEAN);
  g_assert_true (v.as.boolean);
  wm_value_from_json_node (n, &v);
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
  wm_value_from_json_node (a, &v);
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
  wm_value_from_json_node (o, &v);
  g_assert_cmpint (v.type, ==, WM_VALUE_NULL);
}

static void
test_value_helpers (void)
{
  WmValue a = wm_value_string ("ab", 2), b = wm_value_string ("ab", 2);
  WmValue t = wm_value_datetime (JAN1_2026);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (wm_value_equal (&a, &b));
  g_assert_cmpint (wm_value_number (INFINITY).type, ==, WM_VALUE_NULL);
  g_assert_cmpint (wm_value_number (NAN).type, ==, WM_VALUE_NULL);
  g_assert_cmpint (wm_value_datetime (WM_TIME_MAX + 1).type, ==, WM_VALUE_NULL);
  g_assert_cmpint (wm_value_datetime (WM_TIME_MIN - 1).type, ==, WM_VALUE_NULL);
  g_assert_cmpint (wm_value_datetime (WM_TIME_MIN).type, ==, WM_VALUE_DATETIME);

  wm_value_append_string (out, &t);
  g_string_append_c (out, '|');
  a = wm_value_number (0.25);
  wm_value_append_string (out, &a);
  g_string_append_c (out, '|');
  a = wm_value_null ();
  wm_value_append_string (out, &a);
  g_string_append_c (out, '|');
  a = wm_value_boolean (FALSE);
  wm_value_append_string (out, &a);
  g_assert_cmpstr (out->str, ==, "2026-01-01T00:00:00Z|0.25||false");
}

/* expressions.md: a number that is not integral is C printf("%.15g"). The
 * string form has a fast path for numbers with a few decimals; it must give
 * printf's bytes exactly, checked against printf itself. */
static void
test_string_form_matches_printf (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  const double fixed[] = { 222.66, 0.1, 0.2 + 0.1, 1.005, -3.25, 0.0001, 0.00015, 123456.789,
                           999999999.5, 1e-5, 12.3456789, 0.1 + 0.7, 2.675, -0.001 };
  char ours[32], theirs[32];

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      wm_number_to_string (fixed[i], ours);
      g_ascii_formatd (theirs, sizeof theirs, "%.15g", fixed[i]);
      g_assert_cmpstr (ours, ==, theirs);
    }
  for (guint i = 0; i < 200000; i++)
    {
      double x = i % 2 ? g_rand_int_range (rand, -100000000, 100000000) / 100.0
                       : g_rand_int_range (rand, -999999, 999999) / pow (10, g_rand_int_range (rand, 1, 7));

      if (x == floor (x))
        continue;
      wm_number_to_string (x, ours);
      g_ascii_formatd (theirs, sizeof theirs, "%.15g", x);
      g_assert_cmpstr (ours, ==, theirs);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  arena = wm_expr_arena_new ();

  g_test_add_func ("/core/expr/truthiness-follows-the-spec", test_truthiness);
  g_test_add_func ("/core/expr/logic-returns-booleans", test_logic_returns_booleans);
  g_test_add_func ("/core/expr/logic-evaluates-both-sides", test_logic_evaluates_both_sides);
  g_test_add_func ("/core/expr/unary-operators-bind-tightest", test_unary_binds_tightest);
  g_test_add_func ("/core/expr/plus-adds-numbers-or-joins-strings", test_plus);
  g_test_add_func ("/core/expr/arithmetic-is-on-numbers-only", test_arithmetic);
  g_test_add_func ("/core/expr/division-by-zero-is-null", test_division_by_zero_is_null);
  g_test_add_func ("/core/expr/non-finite-numbers-are-null", test_non_finite_is_null);
  g_test_add_func ("/core/expr/equality-is-by-type", test_equality);
  g_test_add_func ("/core/expr/ordering-needs-the-same-type", test_ordering);
  g_test_add_func ("/core/expr/functions/case-mapping-is-ascii", test_case_mapping_is_ascii);
  g_test_add_func ("/core/expr/functions/len-counts-code-points", test_len_counts_code_points);
  g_test_add_func ("/core/expr/functions/string-tests", test_string_tests);
  g_test_add_func ("/core/expr/functions/concat-coalesce-exists", test_concat_coalesce_exists);
  g_test_add_func ("/core/expr/functions/number-parses-strict-literals", test_number_function);
  g_test_add_func ("/core/expr/functions/string-gives-the-string-form", test_string_function);
  g_test_add_func ("/core/expr/string-forms-of-numbers", test_string_forms_of_numbers);
  g_test_add_func ("/core/expr/functions/round-works-in-doubles", test_round);
  g_test_add_func ("/core/expr/functions/floor-ceil-abs", test_floor_ceil_abs);
  g_test_add_func ("/core/expr/functions/min-max-skip-non-numbers", test_min_max);
  g_test_add_func ("/core/expr/functions/now-is-the-context-clock", test_now);
  g_test_add_func ("/core/expr/functions/date-reads-timestamps-and-days", test_date);
  g_test_add_func ("/core/expr/functions/between-is-fractional", test_between);
  g_test_add_func ("/core/expr/functions/add-truncates-to-seconds", test_add_hours_and_days);
  g_test_add_func ("/core/expr/paths-are-listed-in-source-order", test_paths);
  g_test_add_func ("/core/expr/paths-bind-slots", test_paths_bind_slots);
  g_test_add_func ("/core/expr/no-resolver-means-null", test_no_resolver_means_null);
  g_test_add_func ("/core/expr/error/unterminated-string-at-its-quote", test_error_unterminated_string);
  g_test_add_func ("/core/expr/error/early-end-one-past-the-text", test_error_text_ends_too_early);
  g_test_add_func ("/core/expr/error/unknown-function-at-its-name", test_error_unknown_function);
  g_test_add_func ("/core/expr/error/argument-counts-at-comma-or-paren", test_error_argument_counts);
  g_test_add_func ("/core/expr/error/unknown-escape-after-the-backslash", test_error_unknown_escape);
  g_test_add_func ("/core/expr/error/unexpected-tokens", test_error_unexpected);
  g_test_add_func ("/core/expr/nesting-stops-at-256-levels", test_nesting_limit);
  g_test_add_func ("/core/expr/ten-megabyte-chain-does-not-recurse", test_ten_megabyte_chain);
  g_test_add_func ("/core/expr/long-mixed-chains", test_long_mixed_chains);
  g_test_add_func ("/core/expr/arena-allocations-are-aligned-and-distinct", test_arena);
  g_test_add_func ("/core/expr/strings-need-an-arena", test_strings_need_an_arena);
  g_test_add_func ("/core/expr/evaluation-is-reentrant", test_evaluation_is_reentrant);
  g_test_add_func ("/core/expr/values-from-json", test_values_from_json);
  g_test_add_func ("/core/expr/value-helpers", test_value_helpers);
  g_test_add_func ("/core/expr/string-form-matches-printf", test_string_form_matches_printf);

  ret = g_test_run ();
  wm_expr_arena_free (arena);
  return ret;
}
