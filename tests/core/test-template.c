/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-template.c - templates (expressions.md, Templates): rendering, the
 * literal text, placeholders whose strings hold "}}", syntax error columns
 * counted over the whole template. Expected values worked out by hand.
 */
#include <string.h>

#include "wm-expr.h"

static WmExprArena *arena;

/* profile.name is "Ana", profile.first_name "Ćiril"; everything else null. */
static void
resolve (gpointer          user_data,
         const WmExprPath *path,
         WmValue          *out)
{
  *out = wm_value_null ();
  if (path->root == WM_EXPR_ROOT_PROFILE && path->n_keys == 1)
    {
      if (strcmp (path->keys[0], "name") == 0)
        *out = wm_value_string ("Ana", 3);
      else if (strcmp (path->keys[0], "first_name") == 0)
        *out = wm_value_string ("Ćiril", strlen ("Ćiril"));
    }
}

static void
check_render (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = wm_expr_compile (text, WM_EXPR_TEMPLATE, NULL, &error);
  WmExprContext ctx = { resolve, NULL, 0, arena };
  WmValue v;

  g_assert_no_error (error);
  g_assert_nonnull (expr);
  v = wm_expr_eval (expr, &ctx);
  if (v.type != WM_VALUE_STRING)
    g_error ("“%s” rendered as type %d, not a string", text, v.type);
  g_assert_cmpuint (v.as.string.len, ==, strlen (expected));
  g_assert_cmpstr (v.as.string.str, ==, expected);
  wm_expr_arena_reset (arena);
}

static void
check_error_at (const char *text,
                guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("column %u: ", column);
  guint got = 0;
  WmExpr *expr = wm_expr_compile (text, WM_EXPR_TEMPLATE, &got, &error);

  if (expr != NULL)
    g_error ("“%s” compiled; expected an error at column %u", text, column);
  g_assert_error (error, WM_EXPR_ERROR, WM_EXPR_ERROR_SYNTAX);
  if (got != column || !g_str_has_prefix (error->message, prefix))
    g_error ("“%s”: expected column %u, got %u (%s)", text, column, got, error->message);
}

static void
test_render (void)
{
  check_render ("Hello {{ profile.name }}!", "Hello Ana!");
  check_render ("{{ 1 + 1 }}{{ \"x\" }}", "2x");
  check_render ("n={{ 1/3 }}", "n=0.333333333333333");
  check_render ("[{{ null }}]", "[]");
  check_render ("{{ 42 }}", "42");
  check_render ("{{1}}", "1");
  check_render ("{{ 1e15 }}|{{ 0.1 + 0.2 }}|{{ -0 }}|{{ true }}|{{ date(\"2026-01-01\") }}",
                "1e+15|0.3|0|true|2026-01-01T00:00:00Z");
  check_render ("{{ 'flag:' + !profile.vip }}", "flag:true");
  check_render ("{{ coalesce(profile.nickname, profile.first_name, \"friend\") }}", "Ćiril");
  check_render ("{{ coalesce(profile.nickname, \"friend\") }}: hi", "friend: hi");
  check_render ("say \"{{ 'hi' }}\"", "say \"hi\"");
  check_render ("a\n{{\n1\n+\n2\n}}\nb", "a\n3\nb");
}

static void
test_text_only (void)
{
  check_render ("", "");
  check_render ("plain text", "plain text");
  check_render ("a }} b", "a }} b");
  check_render ("{ {{ 1 }} }", "{ 1 }");
  check_render ("}}{{ 2 }}}}", "}}2}}");
  check_render ("é {{ 'ü' }} ß", "é ü ß");
}

static void
test_strings_may_hold_braces (void)
{
  check_render ("{{ '}}' }}", "}}");
  check_render ("{{ \"{{\" }}x", "{{x");
  check_render ("{{ '}} ' + \"}}\" }}", "}} }}");
}

static void
test_many_placeholders (void)
{
  GString *text = g_string_new (NULL);
  GString *expected = g_string_new (NULL);

  /* More parts than the evaluator's small stack holds. */
  for (guint i = 0; i < 300; i++)
    {
      g_string_append_printf (text, "<{{ %u * 2 }}>", i);
      g_string_append_printf (expected, "<%u>", i * 2);
    }
  check_render (text->str, expected->str);
  g_string_free (text, TRUE);
  g_string_free (expected, TRUE);
}

static void
test_literal (void)
{
  struct { const char *text; const char *literal; } cases[] = {
    { "Hello {{ profile.name }}, you have {{ 3 }} points", "Hello , you have  points" },
    { "{{ '}}' }}", "" },
    { "a }} b", "a }} b" },
    { "", "" },
    { "ü{{ 1 }}ü", "üü" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WmExpr) expr = wm_expr_compile (cases[i].text, WM_EXPR_TEMPLATE, NULL, NULL);
      g_autofree char *literal = wm_expr_template_literal (expr);

      g_assert_cmpstr (literal, ==, cases[i].literal);
      g_assert_cmpstr (wm_expr_get_text (expr), ==, cases[i].text);
    }
}

static void
test_paths (void)
{
  g_autoptr(WmExpr) expr = wm_expr_compile ("{{ var.b }} and {{ profile.a.c }}",
                                            WM_EXPR_TEMPLATE, NULL, NULL);
  const WmExprPath *path;

  g_assert_cmpuint (wm_expr_get_n_paths (expr), ==, 2);
  path = wm_expr_get_path (expr, 0);
  g_assert_cmpint (path->root, ==, WM_EXPR_ROOT_VAR);
  g_assert_cmpstr (path->keys[0], ==, "b");
  g_assert_cmpuint (path->column, ==, 4);
  g_assert_cmpint (path->slot, ==, -1);
  path = wm_expr_get_path (expr, 1);
  g_assert_cmpint (path->root, ==, WM_EXPR_ROOT_PROFILE);
  g_assert_cmpuint (path->n_keys, ==, 2);
  g_assert_cmpstr (path->keys[1], ==, "c");
  g_assert_cmpuint (path->column, ==, 20);
}

static void
test_errors (void)
{
  g_autoptr(GString) deep = g_string_new ("{{ ");

  check_error_at ("Hi {{ name }}", 7);              /* a bare name */
  check_error_at ("Hi {{ profile.name", 4);         /* unclosed: at the {{ */
  check_error_at ("Hi {{", 4);
  check_error_at ("Hi {{ 1 +", 4);
  check_error_at ("{{ 1 }} {{ 2", 9);
  check_error_at ("}}{{ 1 }}{{", 10);
  check_error_at ("{{ 1 + }}", 8);                  /* the operand is missing at }} */
  check_error_at ("{{ }}", 4);
  check_error_at ("a {{ 'b", 6);                    /* unterminated string: its quote */
  check_error_at ("a {{ 'b }}", 6);
  check_error_at ("{{{ 1 }}", 3);
  check_error_at ("é {{ x }}", 6);                  /* code points, not bytes */
  check_error_at ("{{ 1 } }}", 6);
  check_error_at ("{{ lower('a', 'b') }}", 13);
  check_error_at ("{{ concat() }}", 11);
  check_error_at ("{{ nope(1) }}", 4);
  check_error_at ("ok {{ '\\q' }}", 9);
  check_error_at ("{{ 1 2 }}", 6);
  check_error_at ("{{ (1 }}", 7);

  for (guint i = 0; i < 257; i++)
    g_string_append_c (deep, '(');
  g_string_append (deep, "1");
  check_error_at (deep->str, 3 + 257);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  arena = wm_expr_arena_new ();

  g_test_add_func ("/core/template/placeholders-become-string-forms", test_render);
  g_test_add_func ("/core/template/text-without-placeholders-stays", test_text_only);
  g_test_add_func ("/core/template/string-literals-may-hold-braces", test_strings_may_hold_braces);
  g_test_add_func ("/core/template/many-placeholders", test_many_placeholders);
  g_test_add_func ("/core/template/literal-drops-placeholders", test_literal);
  g_test_add_func ("/core/template/paths-count-columns-over-the-template", test_paths);
  g_test_add_func ("/core/template/syntax-errors-count-over-the-template", test_errors);

  ret = g_test_run ();
  wm_expr_arena_free (arena);
  return ret;
}
