/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-expr.c - libFuzzer target for the expression and template parser and
 * the evaluator
 *
 * The first byte picks expression or template; the rest is the text.
 * Whatever the input: compiling either succeeds or fails with "column N: "
 * where N lies within the text (1 .. code points + 1); a compiled
 * expression evaluates, twice to the same value, under a resolver that
 * hands out every kind of value, and every value it yields keeps the
 * invariants of wm-value.h (finite numbers, datetimes in range,
 * NUL-terminated strings; a template always renders a string).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-expr.h"
#include "wm-time.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A value chosen by the path's first key, so the same path always gives
 * the same value. */
static void
resolve (gpointer          user_data,
         const WmExprPath *path,
         WmValue          *out)
{
  const char *key = path->keys[path->n_keys - 1];
  guint h = g_str_hash (key) + path->root + path->n_keys;

  switch (h % 9)
    {
    case 0: *out = wm_value_null (); break;
    case 1: *out = wm_value_boolean (h & 16); break;
    case 2: *out = wm_value_number (-0.0); break;
    case 3: *out = wm_value_number (1e308); break;
    case 4: *out = wm_value_number ((double) (h % 1000) / 7.0); break;
    case 5: *out = wm_value_string (key, strlen (key)); break;
    case 6: *out = wm_value_string ("2026-03-29T01:30:00+01:00", 25); break;
    case 7: *out = wm_value_datetime (WM_TIME_MAX - (h % 100000)); break;
    default: *out = wm_value_datetime (WM_TIME_MIN + (h % 100000)); break;
    }
}

static void
check_value (const WmValue *v)
{
  switch (v->type)
    {
    case WM_VALUE_NULL:
      break;
    case WM_VALUE_BOOLEAN:
      if (v->as.boolean != TRUE && v->as.boolean != FALSE)
        abort ();
      break;
    case WM_VALUE_NUMBER:
      if (!isfinite (v->as.number))
        abort ();
      break;
    case WM_VALUE_STRING:
      if (v->as.string.str == NULL || v->as.string.str[v->as.string.len] != '\0')
        abort ();
      break;
    case WM_VALUE_DATETIME:
      if (v->as.datetime < WM_TIME_MIN || v->as.datetime > WM_TIME_MAX)
        abort ();
      break;
    default:
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  WmExprKind kind;
  char *text;
  GError *error = NULL;
  guint column = 0;
  WmExpr *expr;

  if (size == 0)
    return 0;
  kind = data[0] & 1 ? WM_EXPR_TEMPLATE : WM_EXPR_EXPRESSION;
  text = g_strndup ((const char *) data + 1, size - 1);

  expr = wm_expr_compile (text, kind, &column, &error);
  if (expr == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("column %u: ", column);
      glong chars = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : (glong) strlen (text);

      if (error == NULL || !g_str_has_prefix (error->message, prefix)
          || column < 1 || column > (guint) chars + 1)
        {
          fprintf (stderr, "bad error for \"%s\": column %u, %s\n", text, column,
                   error ? error->message : "(no error)");
          abort ();
        }
      g_error_free (error);
    }
  else
    {
      WmExprArena *arena = wm_expr_arena_new ();
      WmExprContext ctx = { resolve, NULL, 1767225600, arena };
      WmValue a, b;
      char *literal;

      if (error != NULL || strcmp (wm_expr_get_text (expr), text) != 0)
        abort ();
      for (guint i = 0; i < wm_expr_get_n_paths (expr); i++)
        {
          const WmExprPath *path = wm_expr_get_path (expr, i);

          if (path->slot != -1 || path->n_keys < 1 || path->column < 1
              || path->column > strlen (text))
            abort ();
        }
      literal = wm_expr_template_literal (expr);
      if (kind == WM_EXPR_EXPRESSION && literal[0] != '\0')
        abort ();
      g_free (literal);

      a = wm_expr_eval (expr, &ctx);
      b = wm_expr_eval (expr, &ctx);
      check_value (&a);
      check_value (&b);
      if (!wm_value_equal (&a, &b))
        abort ();
      if (kind == WM_EXPR_TEMPLATE && a.type != WM_VALUE_STRING)
        abort ();
      wm_expr_eval_truthy (expr, &ctx);

      /* Without an arena nothing may crash either. */
      ctx.arena = NULL;
      a = wm_expr_eval (expr, &ctx);
      check_value (&a);

      wm_expr_arena_free (arena);
      wm_expr_free (expr);
    }
  g_free (text);
  return 0;
}
