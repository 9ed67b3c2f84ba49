/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-template.c - libFuzzer target for {{ }} templates and expressions
 * evaluated against a fixed profile
 *
 * The first byte picks template (odd) or expression (even), as in
 * fuzz-expr.c, so the two share seeds; the rest is the text. Paths are resolved as the simulator does: profile.id and the
 * profile's attributes through wm_profile_lookup() of a fixed profile read
 * with the JSON Lines parser, event.* from its first event, and a few
 * variables and flow.* values. Whatever the input:
 *  - compiling succeeds or fails with "column N: " within the text;
 *  - a template without "{{" compiles, renders as its own text and is its
 *    own literal text; a template's rendering begins with the text before
 *    its first "{{";
 *  - evaluation gives the same value twice, keeps wm-value.h's invariants,
 *    and a template's rendering is a UTF-8 string.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-expr.h"
#include "wm-profile-reader.h"
#include "wm-time.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Every kind of JSON value, nested objects, non-ASCII text, extreme
 * numbers, and two events at the same time. */
static const char profile_line[] =
  "{\"id\":\"p-\\u00e9\\ud83d\\ude00\",\"attributes\":{\"name\":\"Ana \\u017di\\u0107\","
  "\"phone\":\"+385911234567\",\"email\":\"ana@example.com\",\"age\":37,\"score\":-0.5,"
  "\"big\":1.7976931348623157e308,\"tiny\":5e-324,\"vip\":true,\"churned\":false,"
  "\"nothing\":null,\"tags\":[\"a\",\"b\"],\"address\":{\"city\":\"Zagreb\","
  "\"geo\":{\"lat\":45.815,\"lon\":15.98}},\"born\":\"1988-02-29\","
  "\"last_seen\":\"2026-03-29T01:30:00+01:00\",\"empty\":\"\",\"braces\":\"{{ profile.name }}\"},"
  "\"events\":[{\"name\":\"purchase\",\"at\":\"2026-01-05T10:00:00Z\",\"properties\":"
  "{\"value\":129.99,\"sku\":\"X-1\",\"items\":3,\"when\":\"2026-01-05T10:00:00Z\"}},"
  "{\"name\":\"inbound.sms\",\"at\":\"2026-01-05T10:00:00Z\",\"properties\":"
  "{\"number\":\"+385911234567\",\"text\":\"STOP \\u2603\"}}]}";

static WmProfile *profile;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  g_autofree char *reason = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  profile = wm_profile_parser_parse (parser, profile_line, strlen (profile_line), FALSE, 1, &reason);
  if (profile == NULL)
    {
      fprintf (stderr, "the fixed profile does not parse: %s\n", reason);
      abort ();
    }
  return 0;
}

static void
resolve (gpointer          user_data,
         const WmExprPath *path,
         WmValue          *out)
{
  const WmProfileEvent *events;
  guint n_events;
  const char *key = path->keys[0];

  *out = wm_value_null ();
  switch (path->root)
    {
    case WM_EXPR_ROOT_PROFILE:
      if (path->n_keys == 1 && strcmp (key, "id") == 0)
        {
          gsize len;
          const char *id = wm_profile_get_id (profile, &len);

          *out = wm_value_string (id, len);
        }
      else
        wm_profile_lookup (profile, path->keys, path->n_keys, out);
      break;
    case WM_EXPR_ROOT_EVENT:
      events = wm_profile_get_events (profile, &n_events);
      if (n_events > 0)
        wm_profile_event_lookup (profile, &events[0], path->keys, path->n_keys, out);
      break;
    case WM_EXPR_ROOT_VAR:
      if (path->n_keys != 1)
        break;
      if (strcmp (key, "count") == 0)
        *out = wm_value_number (3);
      else if (strcmp (key, "label") == 0)
        *out = wm_value_string ("gold", 4);
      else if (strcmp (key, "since") == 0)
        *out = wm_value_datetime (WM_TIME_MIN);
      else if (strcmp (key, "until") == 0)
        *out = wm_value_datetime (WM_TIME_MAX);
      break;
    case WM_EXPR_ROOT_FLOW:
      if (path->n_keys == 1 && strcmp (key, "entered_at") == 0)
        *out = wm_value_datetime (1767225600);
      else if (path->n_keys == 1 && strcmp (key, "entry") == 0)
        *out = wm_value_number (2);
      break;
    default:
      abort ();
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
      if (v->as.string.str == NULL || v->as.string.str[v->as.string.len] != '\0'
          || !g_utf8_validate (v->as.string.str, v->as.string.len, NULL))
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
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = NULL;
  guint column = 0;
  WmExprArena *arena;
  WmExprContext ctx = { resolve, NULL, 1767225600, NULL };
  WmValue a, b;
  const char *open;

  if (size == 0)
    return 0;
  kind = data[0] & 1 ? WM_EXPR_TEMPLATE : WM_EXPR_EXPRESSION;
  text = g_strndup ((const char *) data + 1, size - 1);
  open = strstr (text, "{{");

  expr = wm_expr_compile (text, kind, &column, &error);
  if (expr == NULL)
    {
      g_autofree char *prefix = g_strdup_printf ("column %u: ", column);
      glong chars = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : (glong) strlen (text);

      if (error == NULL || !g_str_has_prefix (error->message, prefix)
          || column < 1 || column > (guint) chars + 1)
        abort ();
      /* Valid UTF-8 without "{{" is always a good template. */
      if (kind == WM_EXPR_TEMPLATE && open == NULL && g_utf8_validate (text, -1, NULL))
        abort ();
      return 0;
    }

  arena = wm_expr_arena_new ();
  ctx.arena = arena;
  a = wm_expr_eval (expr, &ctx);
  check_value (&a);
  b = wm_expr_eval (expr, &ctx);
  check_value (&b);
  if (!wm_value_equal (&a, &b))
    abort ();

  if (kind == WM_EXPR_TEMPLATE)
    {
      g_autofree char *literal = wm_expr_template_literal (expr);
      gsize prefix = open != NULL ? (gsize) (open - text) : strlen (text);

      if (a.type != WM_VALUE_STRING || a.as.string.len < prefix
          || memcmp (a.as.string.str, text, prefix) != 0
          || strncmp (literal, text, prefix) != 0)
        abort ();
      if (open == NULL && (strcmp (a.as.string.str, text) != 0 || strcmp (literal, text) != 0))
        abort ();
    }
  wm_expr_arena_reset (arena);
  a = wm_expr_eval (expr, &ctx);
  check_value (&a);
  wm_expr_arena_free (arena);
  return 0;
}
