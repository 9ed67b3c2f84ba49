/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wm-expr-eval.c - evaluation of compiled expressions and the string arena
 * (expressions.md, Meaning and Functions)
 *
 * One loop over the postfix code with a value stack. The stack lives on the
 * C stack when small (always, unless a call has very many arguments or a
 * template very many parts), so numeric and boolean work allocates nothing.
 * Strings that evaluation makes are carved from the caller's arena; without
 * an arena (the caller promised no strings would be made) such results are
 * null. A string the expression holds as it is (a literal, or a template
 * without placeholders) is returned pointing into the compiled expression
 * rather than copied, so it lives as long as the WmExpr.
 */
#include <math.h>
#include <string.h>

#include "wm-expr-private.h"
#include "wm-time.h"

/* ------------------------------------------------------------------------ */
/* Arena                                                                    */
/* ------------------------------------------------------------------------ */

#define ARENA_FIRST_CHUNK 4096
#define ARENA_MAX_CHUNK   (1024 * 1024)

typedef struct _ArenaChunk ArenaChunk;
struct _ArenaChunk
{
  ArenaChunk *next;
  gsize       size;   /* bytes of data */
  gsize       used;
  guint64     data[]; /* 8-byte aligned */
};

struct _WmExprArena
{
  ArenaChunk *first;
  ArenaChunk *current;
};

static ArenaChunk *
arena_chunk_new (gsize size)
{
  ArenaChunk *c = g_malloc (sizeof (ArenaChunk) + size);

  c->next = NULL;
  c->size = size;
  c->used = 0;
  return c;
}

WmExprArena *
wm_expr_arena_new (void)
{
  WmExprArena *arena = g_new0 (WmExprArena, 1);

  arena->first = arena->current = arena_chunk_new (ARENA_FIRST_CHUNK);
  return arena;
}

void
wm_expr_arena_reset (WmExprArena *arena)
{
  ArenaChunk *c, *next;

  g_return_if_fail (arena != NULL);

  for (c = arena->first->next; c != NULL; c = next)
    {
      next = c->next;
      g_free (c);
    }
  arena->first->next = NULL;
  arena->first->used = 0;
  arena->current = arena->first;
}

void
wm_expr_arena_free (WmExprArena *arena)
{
  if (arena == NULL)
    return;
  wm_expr_arena_reset (arena);
  g_free (arena->first);
  g_free (arena);
}

gpointer
wm_expr_arena_alloc (WmExprArena *arena,
                     gsize        size)
{
  ArenaChunk *c;
  gsize rounded;
  gpointer mem;

  g_return_val_if_fail (arena != NULL, NULL);
  g_return_val_if_fail (size <= G_MAXSIZE - 8, NULL);

  rounded = (size + 7) & ~(gsize) 7;
  c = arena->current;
  if (c->size - c->used < rounded)
    {
      /* Chunks double up to a cap; a larger request gets its own chunk. */
      gsize next_size = MIN (c->size * 2, (gsize) ARENA_MAX_CHUNK);

      c = arena_chunk_new (MAX (next_size, rounded));
      arena->current->next = c;
      arena->current = c;
    }
  mem = (char *) c->data + c->used;
  c->used += rounded;
  return mem;
}

/* ------------------------------------------------------------------------ */
/* Operators                                                                */
/* ------------------------------------------------------------------------ */

/* Room for a string of @len bytes and its NUL, or NULL without an arena. */
static char *
new_string (const WmExprContext *ctx,
            gsize                len)
{
  if (ctx->arena == NULL)
    return NULL;
  return wm_expr_arena_alloc (ctx->arena, len + 1);
}

/* The string forms of @n values joined (+ on strings, concat(), and a
 * template's parts). A lone string is returned as it is. */
static WmValue
join (const WmExprContext *ctx,
      const WmValue       *values,
      guint                n)
{
  char buf[32];
  gsize total = 0, len;
  char *out;

  if (n == 1 && values[0].type == WM_VALUE_STRING)
    return values[0];

  for (guint i = 0; i < n; i++)
    {
      wm_value_form (&values[i], buf, &len);
      total += len;
    }
  out = new_string (ctx, total);
  if (out == NULL)
    return wm_value_null ();
  total = 0;
  for (guint i = 0; i < n; i++)
    {
      const char *s = wm_value_form (&values[i], buf, &len);

      memcpy (out + total, s, len);
      total += len;
    }
  out[total] = '\0';
  return wm_value_string (out, total);
}

/* < <= > >=: -1, 0 or 1 in *@cmp when both are numbers, strings or
 * datetimes; otherwise FALSE (the relation is false). */
static gboolean
order (const WmValue *a,
       const WmValue *b,
       int           *cmp)
{
  if (a->type != b->type)
    return FALSE;
  switch (a->type)
    {
    case WM_VALUE_NUMBER:
      *cmp = a->as.number < b->as.number ? -1 : a->as.number > b->as.number ? 1 : 0;
      return TRUE;
    case WM_VALUE_DATETIME:
      *cmp = a->as.datetime < b->as.datetime ? -1 : a->as.datetime > b->as.datetime ? 1 : 0;
      return TRUE;
    case WM_VALUE_STRING:
      {
        gsize n = MIN (a->as.string.len, b->as.string.len);
        int c = memcmp (a->as.string.str, b->as.string.str, n);

        if (c == 0)
          c = a->as.string.len < b->as.string.len ? -1 : a->as.string.len > b->as.string.len ? 1 : 0;
        *cmp = c < 0 ? -1 : c > 0 ? 1 : 0;
        return TRUE;
      }
    case WM_VALUE_NULL:
    case WM_VALUE_BOOLEAN:
    default:
      return FALSE;
    }
}

static WmValue
binary (const WmExprContext *ctx,
        WmOp                 op,
        const WmValue       *a,
        const WmValue       *b)
{
  gboolean numbers = a->type == WM_VALUE_NUMBER && b->type == WM_VALUE_NUMBER;
  int cmp;

  switch (op)
    {
    case WM_OP_OR:
      return wm_value_boolean (wm_value_truthy (a) || wm_value_truthy (b));
    case WM_OP_AND:
      return wm_value_boolean (wm_value_truthy (a) && wm_value_truthy (b));
    case WM_OP_EQ:
      return wm_value_boolean (wm_value_equal (a, b));
    case WM_OP_NE:
      return wm_value_boolean (!wm_value_equal (a, b));
    case WM_OP_LT:
      return wm_value_boolean (order (a, b, &cmp) && cmp < 0);
    case WM_OP_LE:
      return wm_value_boolean (order (a, b, &cmp) && cmp <= 0);
    case WM_OP_GT:
      return wm_value_boolean (order (a, b, &cmp) && cmp > 0);
    case WM_OP_GE:
      return wm_value_boolean (order (a, b, &cmp) && cmp >= 0);
    case WM_OP_ADD:
      if (numbers)
        return wm_value_number (a->as.number + b->as.number);
      if (a->type == WM_VALUE_STRING || b->type == WM_VALUE_STRING)
        {
          WmValue both[2] = { *a, *b };

          if (a->type == WM_VALUE_STRING && b->type == WM_VALUE_NULL)
            return *a;
          if (b->type == WM_VALUE_STRING && a->type == WM_VALUE_NULL)
            return *b;
          return join (ctx, both, 2);
        }
      return wm_value_null ();
    case WM_OP_SUB:
      return numbers ? wm_value_number (a->as.number - b->as.number) : wm_value_null ();
    case WM_OP_MUL:
      return numbers ? wm_value_number (a->as.number * b->as.number) : wm_value_null ();
    case WM_OP_DIV:
      if (!numbers || b->as.number == 0.0)
        return wm_value_null ();
      return wm_value_number (a->as.number / b->as.number);
    case WM_OP_MOD:
      if (!numbers || b->as.number == 0.0)
        return wm_value_null ();
      return wm_value_number (fmod (a->as.number, b->as.number));
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* Functions                                                                */
/* ------------------------------------------------------------------------ */

static WmValue
map_case (const WmExprContext *ctx,
          const WmValue       *s,
          gboolean             upper)
{
  char *out;

  if (s->type != WM_VALUE_STRING)
    return wm_value_null ();
  out = new_string (ctx, s->as.string.len);
  if (out == NULL)
    return wm_value_null ();
  for (gsize i = 0; i < s->as.string.len; i++)
    out[i] = upper ? g_ascii_toupper (s->as.string.str[i]) : g_ascii_tolower (s->as.string.str[i]);
  out[s->as.string.len] = '\0';
  return wm_value_string (out, s->as.string.len);
}

static gboolean
has_substring (const char *s,
               gsize       n,
               const char *t,
               gsize       m)
{
  if (m == 0)
    return TRUE;
  for (gsize i = 0; i + m <= n; i++)
    {
      const char *hit = memchr (s + i, t[0], n - m - i + 1);

      if (hit == NULL)
        return FALSE;
      i = (gsize) (hit - s);
      if (memcmp (hit, t, m) == 0)
        return TRUE;
    }
  return FALSE;
}

static WmValue
string_test (WmOp           op,
             const WmValue *s,
             const WmValue *t)
{
  const char *a, *b;
  gsize n, m;

  if (s->type != WM_VALUE_STRING || t->type != WM_VALUE_STRING)
    return wm_value_null ();
  a = s->as.string.str;
  n = s->as.string.len;
  b = t->as.string.str;
  m = t->as.string.len;
  switch (op)
    {
    case WM_OP_CONTAINS:
      return wm_value_boolean (has_substring (a, n, b, m));
    case WM_OP_STARTS_WITH:
      return wm_value_boolean (m <= n && memcmp (a, b, m) == 0);
    case WM_OP_ENDS_WITH:
      return wm_value_boolean (m <= n && memcmp (a + n - m, b, m) == 0);
    default:
      g_assert_not_reached ();
    }
}

static WmValue
to_number (const WmValue *a)
{
  const char *s;
  gsize n;
  double d;

  if (a->type == WM_VALUE_NUMBER)
    return *a;
  if (a->type != WM_VALUE_STRING)
    return wm_value_null ();
  s = a->as.string.str;
  n = a->as.string.len;
  if (n > 0 && (s[0] == '+' || s[0] == '-'))
    {
      if (!wm_number_literal_parse (s + 1, n - 1, &d))
        return wm_value_null ();
      return wm_value_number (s[0] == '-' ? -d : d);
    }
  if (!wm_number_literal_parse (s, n, &d))
    return wm_value_null ();
  return wm_value_number (d);
}

static WmValue
to_string (const WmExprContext *ctx,
           const WmValue       *a)
{
  return join (ctx, a, 1);
}

static WmValue
round_to (const WmValue *x,
          const WmValue *d)
{
  double p;

  if (x->type != WM_VALUE_NUMBER || (d != NULL && d->type != WM_VALUE_NUMBER))
    return wm_value_null ();
  /* expressions.md spells it out in doubles: round(x * 10^d) / 10^d, with d
   * truncated toward zero, so round(1.005, 2) is 1. */
  p = pow (10.0, d != NULL ? trunc (d->as.number) : 0.0);
  return wm_value_number (round (x->as.number * p) / p);
}

static WmValue
extreme (const WmValue *args,
         guint          n,
         gboolean       want_max)
{
  WmValue best = wm_value_null ();

  for (guint i = 0; i < n; i++)
    {
      if (args[i].type != WM_VALUE_NUMBER)
        continue;
      if (best.type == WM_VALUE_NULL
          || (want_max ? args[i].as.number > best.as.number
                       : args[i].as.number < best.as.number))
        best = args[i];
    }
  return best;
}

static WmValue
to_date (const WmValue *s)
{
  gint64 t;
  int y, m, d;

  if (s->type == WM_VALUE_DATETIME)
    return *s;
  if (s->type != WM_VALUE_STRING)
    return wm_value_null ();
  if (wm_timestamp_parse (s->as.string.str, (gssize) s->as.string.len, &t))
    return wm_value_datetime (t);
  /* wm_date_parse reads up to the NUL: the length check keeps a string
   * with an embedded NUL out. */
  if (s->as.string.len == 10 && wm_date_parse (s->as.string.str, &y, &m, &d))
    return wm_value_datetime (wm_days_from_civil (y, m, d) * 86400);
  return wm_value_null ();
}

static WmValue
between (const WmValue *a,
         const WmValue *b,
         double         unit)
{
  if (a->type != WM_VALUE_DATETIME || b->type != WM_VALUE_DATETIME)
    return wm_value_null ();
  return wm_value_number ((double) (b->as.datetime - a->as.datetime) / unit);
}

static WmValue
move (const WmValue *t,
      const WmValue *n,
      double         unit)
{
  double seconds;

  if (t->type != WM_VALUE_DATETIME || n->type != WM_VALUE_NUMBER)
    return wm_value_null ();
  seconds = trunc (n->as.number * unit);
  /* The whole datetime range is about 3.2e11 seconds: anything further
   * lands outside it (and would not fit a gint64 much further on). */
  if (!(fabs (seconds) <= 1e12))
    return wm_value_null ();
  return wm_value_datetime (t->as.datetime + (gint64) seconds);
}

/* A call with @n arguments at @args; the result replaces args[0]. */
static WmValue
call (const WmExprContext *ctx,
      WmOp                 op,
      const WmValue       *args,
      guint                n)
{
  switch (op)
    {
    case WM_OP_LOWER:
      return map_case (ctx, &args[0], FALSE);
    case WM_OP_UPPER:
      return map_case (ctx, &args[0], TRUE);
    case WM_OP_LEN:
      {
        gsize count = 0;

        if (args[0].type != WM_VALUE_STRING)
          return wm_value_null ();
        for (gsize i = 0; i < args[0].as.string.len; i++)
          if (((guchar) args[0].as.string.str[i] & 0xc0) != 0x80)
            count++;
        return wm_value_number ((double) count);
      }
    case WM_OP_CONTAINS:
    case WM_OP_STARTS_WITH:
    case WM_OP_ENDS_WITH:
      return string_test (op, &args[0], &args[1]);
    case WM_OP_CONCAT:
      return join (ctx, args, n);
    case WM_OP_COALESCE:
      for (guint i = 0; i < n; i++)
        if (args[i].type != WM_VALUE_NULL)
          return args[i];
      return wm_value_null ();
    case WM_OP_EXISTS:
      return wm_value_boolean (args[0].type != WM_VALUE_NULL);
    case WM_OP_NUMBER:
      return to_number (&args[0]);
    case WM_OP_STRING:
      return to_string (ctx, &args[0]);
    case WM_OP_ROUND:
      return round_to (&args[0], n > 1 ? &args[1] : NULL);
    case WM_OP_FLOOR:
      return args[0].type == WM_VALUE_NUMBER ? wm_value_number (floor (args[0].as.number)) : wm_value_null ();
    case WM_OP_CEIL:
      return args[0].type == WM_VALUE_NUMBER ? wm_value_number (ceil (args[0].as.number)) : wm_value_null ();
    case WM_OP_ABS:
      return args[0].type == WM_VALUE_NUMBER ? wm_value_number (fabs (args[0].as.number)) : wm_value_null ();
    case WM_OP_MIN:
      return extreme (args, n, FALSE);
    case WM_OP_MAX:
      return extreme (args, n, TRUE);
    case WM_OP_NOW:
      return wm_value_datetime (ctx->now);
    case WM_OP_DATE:
      return to_date (&args[0]);
    case WM_OP_HOURS_BETWEEN:
      return between (&args[0], &args[1], 3600.0);
    case WM_OP_DAYS_BETWEEN:
      return between (&args[0], &args[1], 86400.0);
    case WM_OP_ADD_HOURS:
      return move (&args[0], &args[1], 3600.0);
    case WM_OP_ADD_DAYS:
      return move (&args[0], &args[1], 86400.0);
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------------ */
/* The loop                                                                 */
/* ------------------------------------------------------------------------ */

#define SMALL_STACK 32

/* wm_value_truthy and wm_value_equal, inlined for the loop. */
static inline gboolean
truthy (const WmValue *v)
{
  switch (v->type)
    {
    case WM_VALUE_BOOLEAN:
      return v->as.boolean;
    case WM_VALUE_NUMBER:
      return v->as.number != 0.0;
    case WM_VALUE_STRING:
      return v->as.string.len > 0;
    case WM_VALUE_DATETIME:
      return TRUE;
    case WM_VALUE_NULL:
    default:
      return FALSE;
    }
}

static inline gboolean
equal (const WmValue *a,
       const WmValue *b)
{
  if (a->type != b->type)
    return FALSE;
  switch (a->type)
    {
    case WM_VALUE_NUMBER:
      return a->as.number == b->as.number;
    case WM_VALUE_STRING:
      return a->as.string.len == b->as.string.len
             && memcmp (a->as.string.str, b->as.string.str, a->as.string.len) == 0;
    default:
      return wm_value_equal (a, b);
    }
}

static WmValue
run (const WmExpr        *expr,
     const WmExprContext *ctx,
     WmValue             *stack)
{
  const WmInsn *code = expr->code;
  const WmValue *consts = expr->consts;
  guint sp = 0;

  for (guint pc = 0; pc < expr->n_code; pc++)
    {
      const WmInsn insn = code[pc];

      switch ((WmOp) insn.op)
        {
        case WM_OP_CONST:
          stack[sp++] = consts[insn.arg];
          break;

        case WM_OP_PATH:
          stack[sp] = wm_value_null ();
          if (ctx->resolve != NULL)
            ctx->resolve (ctx->user_data, &expr->paths[insn.arg], &stack[sp]);
          sp++;
          break;

        case WM_OP_NOT:
          stack[sp - 1] = wm_value_boolean (!wm_value_truthy (&stack[sp - 1]));
          break;

        case WM_OP_NEG:
          if (stack[sp - 1].type == WM_VALUE_NUMBER)
            stack[sp - 1].as.number = -stack[sp - 1].as.number;
          else
            stack[sp - 1] = wm_value_null ();
          break;

        /* The common cases inline; the rest in binary(). */
#define RIGHT (insn.k ? &consts[insn.arg] : &stack[--sp])
        case WM_OP_AND:
          {
            const WmValue *b = RIGHT;

            stack[sp - 1] = wm_value_boolean (truthy (&stack[sp - 1]) && truthy (b));
          }
          break;

        case WM_OP_OR:
          {
            const WmValue *b = RIGHT;

            stack[sp - 1] = wm_value_boolean (truthy (&stack[sp - 1]) || truthy (b));
          }
          break;

        case WM_OP_EQ:
        case WM_OP_NE:
          {
            const WmValue *b = RIGHT;
            gboolean eq = equal (&stack[sp - 1], b);

            stack[sp - 1] = wm_value_boolean (insn.op == WM_OP_EQ ? eq : !eq);
          }
          break;

        case WM_OP_ADD:
        case WM_OP_SUB:
        case WM_OP_MUL:
        case WM_OP_LT:
        case WM_OP_LE:
        case WM_OP_GT:
        case WM_OP_GE:
          {
            const WmValue *b = RIGHT;
            WmValue *a = &stack[sp - 1];

            if (a->type == WM_VALUE_NUMBER && b->type == WM_VALUE_NUMBER)
              {
                double x = a->as.number, y = b->as.number;

                switch ((WmOp) insn.op)
                  {
                  case WM_OP_ADD: *a = wm_value_number (x + y); break;
                  case WM_OP_SUB: *a = wm_value_number (x - y); break;
                  case WM_OP_MUL: *a = wm_value_number (x * y); break;
                  case WM_OP_LT:  *a = wm_value_boolean (x < y); break;
                  case WM_OP_LE:  *a = wm_value_boolean (x <= y); break;
                  case WM_OP_GT:  *a = wm_value_boolean (x > y); break;
                  case WM_OP_GE:  *a = wm_value_boolean (x >= y); break;
                  default: g_assert_not_reached ();
                  }
              }
            else
              *a = binary (ctx, (WmOp) insn.op, a, b);
          }
          break;

        case WM_OP_DIV:
        case WM_OP_MOD:
          {
            const WmValue *b = RIGHT;

            stack[sp - 1] = binary (ctx, (WmOp) insn.op, &stack[sp - 1], b);
          }
          break;
#undef RIGHT

        default:
          {
            guint n = insn.arg;

            /* now() has no argument: its result is a push. */
            if (n == 0)
              {
                stack[sp++] = call (ctx, (WmOp) insn.op, NULL, 0);
                break;
              }
            sp -= n;
            stack[sp] = call (ctx, (WmOp) insn.op, &stack[sp], n);
            sp++;
          }
          break;
        }
    }

  g_assert (sp == 1);
  return stack[0];
}

WmValue
wm_expr_eval (const WmExpr        *expr,
              const WmExprContext *ctx)
{
  WmValue small[SMALL_STACK];
  g_autofree WmValue *heap = NULL;
  WmValue *stack = small;

  g_return_val_if_fail (expr != NULL, wm_value_null ());
  g_return_val_if_fail (ctx != NULL, wm_value_null ());

  /* Only a call with dozens of arguments or a template with dozens of
   * parts needs more. */
  if (expr->max_stack > SMALL_STACK)
    {
      if (ctx->arena != NULL)
        stack = wm_expr_arena_alloc (ctx->arena, sizeof (WmValue) * expr->max_stack);
      else
        stack = heap = g_new (WmValue, expr->max_stack);
    }
  return run (expr, ctx, stack);
}

gboolean
wm_expr_eval_truthy (const WmExpr        *expr,
                     const WmExprContext *ctx)
{
  WmValue v;

  g_return_val_if_fail (expr != NULL, FALSE);
  g_return_val_if_fail (ctx != NULL, FALSE);

  v = wm_expr_eval (expr, ctx);
  return wm_value_truthy (&v);
}
