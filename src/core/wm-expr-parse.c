/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wm-expr-parse.c - the expression and template parser (expressions.md)
 *
 * A recursive descent parser over the grammar of expressions.md that emits
 * the tree in postfix order (see wm-expr-private.h). Repetitions of one
 * precedence level ({ "+" product }) are loops, so recursion only grows
 * with nesting, which is limited to WM_EXPR_MAX_NESTING levels.
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "wm-expr-private.h"

G_DEFINE_QUARK (wm-expr-error-quark, wm_expr_error)

typedef enum
{
  TOK_EOF,
  TOK_NUMBER,
  TOK_STRING,
  TOK_NAME,     /* includes the keywords below, which a key may be */
  TOK_TRUE,
  TOK_FALSE,
  TOK_NULL,
  TOK_AND,      /* && and */
  TOK_OR,       /* || or */
  TOK_NOT,      /* ! not */
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_COMMA,
  TOK_DOT,
  TOK_PLUS,
  TOK_MINUS,
  TOK_STAR,
  TOK_SLASH,
  TOK_PERCENT,
  TOK_EQ,
  TOK_NE,
  TOK_LT,
  TOK_LE,
  TOK_GT,
  TOK_GE,
  TOK_CLOSE,    /* }} ending a placeholder (templates only) */
} TokType;

typedef struct
{
  TokType type;
  gsize   start;   /* byte offsets into the text */
  gsize   end;
  double  number;  /* TOK_NUMBER */
} Token;

typedef struct
{
  const char  *text;
  gsize        len;
  gsize        pos;          /* where the lexer goes on */
  Token        tok;          /* the lookahead */

  guint        depth;        /* nesting levels open */
  gboolean     in_placeholder;
  gsize        placeholder; /* byte offset of the open "{{" */

  gsize        col_pos;      /* column cache: code points before col_pos */
  guint        col;

  GArray      *code;         /* WmInsn */
  GArray      *consts;       /* WmValue */
  GArray      *paths;        /* WmExprPath, keys holding an index into @keys */
  GPtrArray   *keys;
  GStringChunk *strings;
  GString     *scratch;      /* the value of the last string literal */
  GString     *literal;      /* template text outside placeholders */
  guint        number_cache[64]; /* constant index + 1 by hash of the bits */
  gint64       sp;
  gint64       max_sp;

  GError     **error;
  guint        error_column;
} Parser;

typedef struct
{
  const char *name;
  WmOp        op;
  guint       min;
  guint       max;
} Function;

#define VARIADIC G_MAXUINT

static const Function functions[] = {
  { "lower",         WM_OP_LOWER,         1, 1 },
  { "upper",         WM_OP_UPPER,         1, 1 },
  { "len",           WM_OP_LEN,           1, 1 },
  { "contains",      WM_OP_CONTAINS,      2, 2 },
  { "starts_with",   WM_OP_STARTS_WITH,   2, 2 },
  { "ends_with",     WM_OP_ENDS_WITH,     2, 2 },
  { "concat",        WM_OP_CONCAT,        1, VARIADIC },
  { "coalesce",      WM_OP_COALESCE,      1, VARIADIC },
  { "exists",        WM_OP_EXISTS,        1, 1 },
  { "number",        WM_OP_NUMBER,        1, 1 },
  { "string",        WM_OP_STRING,        1, 1 },
  { "round",         WM_OP_ROUND,         1, 2 },
  { "floor",         WM_OP_FLOOR,         1, 1 },
  { "ceil",          WM_OP_CEIL,          1, 1 },
  { "abs",           WM_OP_ABS,           1, 1 },
  { "min",           WM_OP_MIN,           1, VARIADIC },
  { "max",           WM_OP_MAX,           1, VARIADIC },
  { "now",           WM_OP_NOW,           0, 0 },
  { "date",          WM_OP_DATE,          1, 1 },
  { "hours_between", WM_OP_HOURS_BETWEEN, 2, 2 },
  { "days_between",  WM_OP_DAYS_BETWEEN,  2, 2 },
  { "add_hours",     WM_OP_ADD_HOURS,     2, 2 },
  { "add_days",      WM_OP_ADD_DAYS,      2, 2 },
};

static gboolean parse_or (Parser *p);

/* ------------------------------------------------------------------------ */
/* Columns and errors                                                       */
/* ------------------------------------------------------------------------ */

/* 1-based code point column of byte offset @pos. Paths ask in source
 * order, so the cache makes that linear over the whole text. */
static guint
column_at (Parser *p,
           gsize   pos)
{
  if (pos < p->col_pos)
    {
      p->col_pos = 0;
      p->col = 0;
    }
  for (; p->col_pos < pos && p->col_pos < p->len; p->col_pos++)
    if (((guchar) p->text[p->col_pos] & 0xc0) != 0x80)
      p->col++;
  return p->col + 1;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Parser     *p,
      gsize       pos,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  p->error_column = column_at (p, pos);
  g_set_error (p->error, WM_EXPR_ERROR, WM_EXPR_ERROR_SYNTAX,
               "column %u: %s", p->error_column, what);
  return FALSE;
}

/* The lookahead token cannot be accepted where @wanted was expected. */
static gboolean
fail_token (Parser     *p,
            const char *wanted)
{
  const Token *t = &p->tok;

  if (t->type == TOK_EOF)
    {
      /* Running out of text inside a placeholder is its "{{" left open
       * (an unterminated string there is still reported at its quote, as
       * the lexer meets it first). */
      if (p->in_placeholder)
        return fail (p, p->placeholder, "unclosed “{{”: expected %s and then “}}”", wanted);
      return fail (p, p->len, "the expression ends too early: expected %s", wanted);
    }
  if (t->type == TOK_STRING)
    return fail (p, t->start, "expected %s, found a string", wanted);
  if (t->type == TOK_NUMBER)
    return fail (p, t->start, "expected %s, found a number", wanted);
  return fail (p, t->start, "expected %s, found “%.*s”", wanted,
               (int) MIN (t->end - t->start, 40), p->text + t->start);
}

/* ------------------------------------------------------------------------ */
/* Lexer                                                                    */
/* ------------------------------------------------------------------------ */

/* The spec names no whitespace; we take the ASCII blanks a person types,
 * newlines included (templates span lines). */
static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gsize
skip_space (Parser *p,
            gsize   pos)
{
  while (pos < p->len && is_space (p->text[pos]))
    pos++;
  return pos;
}

static gboolean
lex_string (Parser *p,
            gsize   start)
{
  char quote = p->text[start];
  gsize i = start + 1;

  g_string_truncate (p->scratch, 0);
  for (;;)
    {
      char c;

      if (i >= p->len)
        return fail (p, start, "unterminated string");
      c = p->text[i];
      if (c == quote)
        break;
      if (c == '\\')
        {
          if (i + 1 >= p->len)
            return fail (p, start, "unterminated string");
          switch (p->text[i + 1])
            {
            case '\\': g_string_append_c (p->scratch, '\\'); break;
            case '"':  g_string_append_c (p->scratch, '"'); break;
            case '\'': g_string_append_c (p->scratch, '\''); break;
            case 'n':  g_string_append_c (p->scratch, '\n'); break;
            case 't':  g_string_append_c (p->scratch, '\t'); break;
            default:
              {
                const char *q = p->text + i + 1;
                const char *next = g_utf8_next_char (q);

                return fail (p, i + 1,
                             "unknown escape “\\%.*s” in a string (use \\\\ \\\" \\' \\n or \\t)",
                             (int) (next - q), q);
              }
            }
          i += 2;
          continue;
        }
      g_string_append_c (p->scratch, c);
      i++;
    }
  p->tok.type = TOK_STRING;
  p->tok.end = i + 1;
  return TRUE;
}

static TokType
keyword (const char *s,
         gsize       n)
{
#define IS(word) (n == sizeof word - 1 && memcmp (s, word, n) == 0)
  if (IS ("true"))
    return TOK_TRUE;
  if (IS ("false"))
    return TOK_FALSE;
  if (IS ("null"))
    return TOK_NULL;
  if (IS ("and"))
    return TOK_AND;
  if (IS ("or"))
    return TOK_OR;
  if (IS ("not"))
    return TOK_NOT;
#undef IS
  return TOK_NAME;
}

/* Reads the next token into p->tok. */
static gboolean
advance (Parser *p)
{
  gsize i = skip_space (p, p->pos);
  const char *s = p->text;
  Token *t = &p->tok;
  char c, d;

  t->start = i;
  t->end = i + 1;
  if (i >= p->len)
    {
      t->type = TOK_EOF;
      t->end = i;
      p->pos = i;
      return TRUE;
    }
  c = s[i];
  d = i + 1 < p->len ? s[i + 1] : '\0';

  if (g_ascii_isdigit (c))
    {
      gsize n = wm_number_literal_span (s + i, p->len - i);

      wm_number_literal_parse (s + i, n, &t->number);
      t->type = TOK_NUMBER;
      t->end = i + n;
    }
  else if (is_name_start (c))
    {
      gsize j = i + 1;

      while (j < p->len && is_name_char (s[j]))
        j++;
      t->type = keyword (s + i, j - i);
      t->end = j;
    }
  else if (c == '"' || c == '\'')
    {
      if (!lex_string (p, i))
        return FALSE;
    }
  else
    {
      switch (c)
        {
        case '(': t->type = TOK_LPAREN; break;
        case ')': t->type = TOK_RPAREN; break;
        case ',': t->type = TOK_COMMA; break;
        case '.': t->type = TOK_DOT; break;
        case '+': t->type = TOK_PLUS; break;
        case '-': t->type = TOK_MINUS; break;
        case '*': t->type = TOK_STAR; break;
        case '/': t->type = TOK_SLASH; break;
        case '%': t->type = TOK_PERCENT; break;
        case '<':
          t->type = d == '=' ? TOK_LE : TOK_LT;
          break;
        case '>':
          t->type = d == '=' ? TOK_GE : TOK_GT;
          break;
        case '!':
          t->type = d == '=' ? TOK_NE : TOK_NOT;
          break;
        case '=':
          if (d != '=')
            return fail (p, i, "“=” is not an operator (use “==” to compare)");
          t->type = TOK_EQ;
          break;
        case '&':
          if (d != '&')
            return fail (p, i, "“&” is not an operator (use “&&” or “and”)");
          t->type = TOK_AND;
          break;
        case '|':
          if (d != '|')
            return fail (p, i, "“|” is not an operator (use “||” or “or”)");
          t->type = TOK_OR;
          break;
        case '}':
          if (p->in_placeholder && d == '}')
            {
              t->type = TOK_CLOSE;
              break;
            }
          return fail (p, i, "unexpected “}”");
        default:
          {
            gunichar u = g_utf8_get_char (s + i);

            if (g_unichar_isgraph (u))
              return fail (p, i, "unexpected character “%.*s”",
                           (int) (g_utf8_next_char (s + i) - (s + i)), s + i);
            return fail (p, i, "unexpected character U+%04X", u);
          }
        }
      if (t->type == TOK_LE || t->type == TOK_GE || t->type == TOK_NE
          || t->type == TOK_EQ || t->type == TOK_AND || t->type == TOK_OR)
        t->end = i + 2;
      if (t->type == TOK_CLOSE)
        t->end = i + 2;
    }
  p->pos = t->end;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Emitting                                                                 */
/* ------------------------------------------------------------------------ */

static void
emit (Parser *p,
      WmOp    op,
      guint32 arg,
      gint64  stack_delta)
{
  WmInsn insn = { .op = op, .k = 0, .arg = arg };

  g_array_append_val (p->code, insn);
  p->sp += stack_delta;
  p->max_sp = MAX (p->max_sp, p->sp);
}

static guint32
add_const (Parser  *p,
           WmValue  value)
{
  g_array_append_val (p->consts, value);
  return p->consts->len - 1;
}

static guint32
number_const (Parser *p,
              double  number)
{
  WmValue v = wm_value_number (number);  /* 1e999 is null */
  guint64 bits;
  guint slot;
  guint32 index;

  memcpy (&bits, &number, sizeof bits);
  slot = (guint) ((bits * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 58);
  if (p->number_cache[slot] != 0)
    {
      const WmValue *c = &g_array_index (p->consts, WmValue, p->number_cache[slot] - 1);

      if (c->type == v.type && (v.type == WM_VALUE_NULL
                                || memcmp (&c->as.number, &number, sizeof number) == 0))
        return p->number_cache[slot] - 1;
    }
  index = add_const (p, v);
  p->number_cache[slot] = index + 1;
  return index;
}

static guint32
string_const (Parser     *p,
              const char *s,
              gsize       len)
{
  const char *copy = g_string_chunk_insert_len (p->strings, s, (gssize) len);

  return add_const (p, wm_value_string (copy, len));
}

/* A binary operator after its operands. When the right operand is a lone
 * constant, it is folded into the instruction (one push fewer at run
 * time, and `x + 1` chains need no stack at all). */
static void
emit_binary (Parser *p,
             WmOp    op,
             guint   right_start)
{
  if (p->code->len == right_start + 1)
    {
      WmInsn *last = &g_array_index (p->code, WmInsn, right_start);

      if (last->op == WM_OP_CONST)
        {
          last->op = op;
          last->k = 1;
          p->sp -= 1;
          return;
        }
    }
  emit (p, op, 0, -1);
}

/* ------------------------------------------------------------------------ */
/* Grammar                                                                  */
/* ------------------------------------------------------------------------ */

/* Opens a nesting level at the lookahead token (a '(', '-', '!' or not). */
static gboolean
open_level (Parser *p)
{
  if (p->depth >= WM_EXPR_MAX_NESTING)
    return fail (p, p->tok.start, "nesting deeper than %d levels", WM_EXPR_MAX_NESTING);
  p->depth++;
  return TRUE;
}

static gboolean
parse_path (Parser     *p,
            WmExprRoot  root)
{
  WmExprPath path = { .root = root, .slot = -1 };
  guint first_key = p->keys->len;

  path.column = column_at (p, p->tok.start);
  if (!advance (p))
    return FALSE;
  do
    {
      if (p->tok.type != TOK_DOT)
        return fail_token (p, "“.” and an attribute name after the root");
      if (!advance (p))
        return FALSE;
      /* Any name may be a key, keywords included (profile.null). */
      if (p->tok.type != TOK_NAME && p->tok.type != TOK_TRUE
          && p->tok.type != TOK_FALSE && p->tok.type != TOK_NULL
          && p->tok.type != TOK_AND && p->tok.type != TOK_OR
          && !(p->tok.type == TOK_NOT && is_name_start (p->text[p->tok.start])))
        return fail_token (p, "a name after “.”");
      g_ptr_array_add (p->keys,
                       (gpointer) g_string_chunk_insert_len (p->strings,
                                                             p->text + p->tok.start,
                                                             (gssize) (p->tok.end - p->tok.start)));
      path.n_keys++;
      if (!advance (p))
        return FALSE;
    }
  while (p->tok.type == TOK_DOT);

  path.keys = GUINT_TO_POINTER (first_key);  /* fixed up when done */
  g_array_append_val (p->paths, path);
  emit (p, WM_OP_PATH, p->paths->len - 1, 1);
  return TRUE;
}

static gboolean
parse_call (Parser         *p,
            const Function *fn)
{
  guint nargs = 0;

  if (!advance (p))  /* the name; the lookahead is now its '(' */
    return FALSE;
  g_assert (p->tok.type == TOK_LPAREN);
  if (!open_level (p) || !advance (p))
    return FALSE;

  if (p->tok.type == TOK_RPAREN)
    {
      if (fn->min > 0)
        return fail (p, p->tok.start, "too few arguments: %s() takes at least %u",
                     fn->name, fn->min);
    }
  else
    {
      /* A function of no arguments given one: there is no ',' before it,
       * so the error is at the first character of that argument. */
      if (fn->max == 0 && p->tok.type != TOK_EOF)
        return fail (p, p->tok.start, "too many arguments: %s() takes none", fn->name);
      for (;;)
        {
          if (!parse_or (p))
            return FALSE;
          nargs++;
          if (p->tok.type == TOK_COMMA)
            {
              if (nargs == fn->max)
                return fail (p, p->tok.start, "too many arguments: %s() takes at most %u",
                             fn->name, fn->max);
              if (!advance (p))
                return FALSE;
              continue;
            }
          if (p->tok.type == TOK_RPAREN)
            {
              if (nargs < fn->min)
                return fail (p, p->tok.start, "too few arguments: %s() takes %u",
                             fn->name, fn->min);
              break;
            }
          return fail_token (p, "“,” or “)”");
        }
    }
  p->depth--;
  emit (p, fn->op, nargs, 1 - (gint64) nargs);
  return advance (p);
}

static gboolean
parse_name (Parser *p)
{
  const char *name = p->text + p->tok.start;
  gsize n = p->tok.end - p->tok.start;
  gsize after = skip_space (p, p->tok.end);

  if (after < p->len && p->text[after] == '(')
    {
      for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
        if (strlen (functions[i].name) == n && memcmp (functions[i].name, name, n) == 0)
          return parse_call (p, &functions[i]);
      return fail (p, p->tok.start, "unknown function “%.*s”", (int) MIN (n, 40), name);
    }

#define IS(word) (n == sizeof word - 1 && memcmp (name, word, n) == 0)
  if (IS ("profile"))
    return parse_path (p, WM_EXPR_ROOT_PROFILE);
  if (IS ("event"))
    return parse_path (p, WM_EXPR_ROOT_EVENT);
  if (IS ("var"))
    return parse_path (p, WM_EXPR_ROOT_VAR);
  if (IS ("flow"))
    return parse_path (p, WM_EXPR_ROOT_FLOW);
#undef IS

  return fail (p, p->tok.start,
               "unknown name “%.*s”: a path starts with profile, event, var or flow",
               (int) MIN (n, 40), name);
}

static gboolean
parse_primary (Parser *p)
{
  switch (p->tok.type)
    {
    case TOK_NUMBER:
      emit (p, WM_OP_CONST, number_const (p, p->tok.number), 1);
      return advance (p);
    case TOK_STRING:
      emit (p, WM_OP_CONST, string_const (p, p->scratch->str, p->scratch->len), 1);
      return advance (p);
    case TOK_TRUE:
    case TOK_FALSE:
      emit (p, WM_OP_CONST, add_const (p, wm_value_boolean (p->tok.type == TOK_TRUE)), 1);
      return advance (p);
    case TOK_NULL:
      emit (p, WM_OP_CONST, add_const (p, wm_value_null ()), 1);
      return advance (p);
    case TOK_NAME:
      return parse_name (p);
    case TOK_LPAREN:
      if (!open_level (p) || !advance (p) || !parse_or (p))
        return FALSE;
      if (p->tok.type != TOK_RPAREN)
        return fail_token (p, "“)”");
      p->depth--;
      return advance (p);
    default:
      return fail_token (p, "a value");
    }
}

static gboolean
parse_unary (Parser *p)
{
  WmOp op;

  if (p->tok.type != TOK_MINUS && p->tok.type != TOK_NOT)
    return parse_primary (p);

  /* Recursion here is bounded: every prefix operator opens a level. */
  op = p->tok.type == TOK_MINUS ? WM_OP_NEG : WM_OP_NOT;
  if (!open_level (p) || !advance (p) || !parse_unary (p))
    return FALSE;
  emit (p, op, 0, 0);
  p->depth--;
  return TRUE;
}

static gboolean
parse_product (Parser *p)
{
  if (!parse_unary (p))
    return FALSE;
  while (p->tok.type == TOK_STAR || p->tok.type == TOK_SLASH || p->tok.type == TOK_PERCENT)
    {
      WmOp op = p->tok.type == TOK_STAR ? WM_OP_MUL : p->tok.type == TOK_SLASH ? WM_OP_DIV : WM_OP_MOD;
      guint right = p->code->len;

      if (!advance (p) || !parse_unary (p))
        return FALSE;
      emit_binary (p, op, right);
    }
  return TRUE;
}

static gboolean
parse_sum (Parser *p)
{
  if (!parse_product (p))
    return FALSE;
  while (p->tok.type == TOK_PLUS || p->tok.type == TOK_MINUS)
    {
      WmOp op = p->tok.type == TOK_PLUS ? WM_OP_ADD : WM_OP_SUB;
      guint right = p->code->len;

      if (!advance (p) || !parse_product (p))
        return FALSE;
      emit_binary (p, op, right);
    }
  return TRUE;
}

static gboolean
parse_compare (Parser *p)
{
  WmOp op;
  guint right;

  if (!parse_sum (p))
    return FALSE;
  switch (p->tok.type)
    {
    case TOK_EQ: op = WM_OP_EQ; break;
    case TOK_NE: op = WM_OP_NE; break;
    case TOK_LT: op = WM_OP_LT; break;
    case TOK_LE: op = WM_OP_LE; break;
    case TOK_GT: op = WM_OP_GT; break;
    case TOK_GE: op = WM_OP_GE; break;
    default:
      return TRUE;
    }
  right = p->code->len;
  if (!advance (p) || !parse_sum (p))
    return FALSE;
  emit_binary (p, op, right);
  /* compare = sum [ op sum ]: a second comparison (a < b < c) is not
   * accepted; the caller reports it as unexpected. */
  return TRUE;
}

static gboolean
parse_and (Parser *p)
{
  if (!parse_compare (p))
    return FALSE;
  while (p->tok.type == TOK_AND)
    {
      guint right = p->code->len;

      if (!advance (p) || !parse_compare (p))
        return FALSE;
      emit_binary (p, WM_OP_AND, right);
    }
  return TRUE;
}

static gboolean
parse_or (Parser *p)
{
  if (!parse_and (p))
    return FALSE;
  while (p->tok.type == TOK_OR)
    {
      guint right = p->code->len;

      if (!advance (p) || !parse_and (p))
        return FALSE;
      emit_binary (p, WM_OP_OR, right);
    }
  return TRUE;
}

static gboolean
parse_expression (Parser *p)
{
  if (!advance (p) || !parse_or (p))
    return FALSE;
  if (p->tok.type != TOK_EOF)
    return fail_token (p, "an operator or the end of the expression");
  return TRUE;
}

static gboolean
parse_template (Parser *p)
{
  guint parts = 0;
  gsize i = 0;

  while (i < p->len)
    {
      const char *open = NULL;

      for (gsize j = i; j + 1 < p->len; j++)
        if (p->text[j] == '{' && p->text[j + 1] == '{')
          {
            open = p->text + j;
            break;
          }

      if (open == NULL || open > p->text + i)
        {
          gsize end = open ? (gsize) (open - p->text) : p->len;

          g_string_append_len (p->literal, p->text + i, (gssize) (end - i));
          emit (p, WM_OP_CONST, string_const (p, p->text + i, end - i), 1);
          parts++;
          i = end;
          if (open == NULL)
            break;
        }

      p->in_placeholder = TRUE;
      p->placeholder = i;
      p->pos = i + 2;
      if (!advance (p) || !parse_or (p))
        return FALSE;
      if (p->tok.type != TOK_CLOSE)
        return fail_token (p, "an operator or “}}”");
      p->in_placeholder = FALSE;
      parts++;
      i = p->tok.end;
    }

  if (parts == 0)
    emit (p, WM_OP_CONST, string_const (p, "", 0), 1);
  else
    emit (p, WM_OP_CONCAT, parts, 1 - (gint64) parts);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

static void
parser_clear (Parser *p)
{
  if (p->code)
    g_array_free (p->code, TRUE);
  if (p->consts)
    g_array_free (p->consts, TRUE);
  if (p->paths)
    g_array_free (p->paths, TRUE);
  if (p->keys)
    g_ptr_array_free (p->keys, TRUE);
  if (p->strings)
    g_string_chunk_free (p->strings);
  if (p->scratch)
    g_string_free (p->scratch, TRUE);
  if (p->literal)
    g_string_free (p->literal, TRUE);
}

WmExpr *
wm_expr_compile (const char  *text,
                 WmExprKind   kind,
                 guint       *error_column,
                 GError     **error)
{
  Parser p = { 0 };
  const char *bad;
  gboolean ok;
  WmExpr *expr;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (kind == WM_EXPR_EXPRESSION || kind == WM_EXPR_TEMPLATE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_column)
    *error_column = 0;

  p.text = text;
  p.len = strlen (text);
  p.error = error;
  p.code = g_array_sized_new (FALSE, FALSE, sizeof (WmInsn), 16);
  p.consts = g_array_sized_new (FALSE, FALSE, sizeof (WmValue), 8);
  p.paths = g_array_new (FALSE, FALSE, sizeof (WmExprPath));
  p.keys = g_ptr_array_new ();
  p.strings = g_string_chunk_new (64);
  p.scratch = g_string_new (NULL);
  p.literal = g_string_new (NULL);

  /* Columns count code points, so the text must be UTF-8. */
  if (!g_utf8_validate (text, (gssize) p.len, &bad))
    ok = fail (&p, (gsize) (bad - text), "the text is not valid UTF-8");
  else if (kind == WM_EXPR_TEMPLATE)
    ok = parse_template (&p);
  else
    ok = parse_expression (&p);

  if (!ok)
    {
      if (error_column)
        *error_column = p.error_column;
      parser_clear (&p);
      return NULL;
    }

  expr = g_new0 (WmExpr, 1);
  expr->text = g_strndup (text, p.len);
  expr->kind = kind;
  expr->n_code = p.code->len;
  expr->code = (WmInsn *) (gpointer) g_array_free (p.code, FALSE);
  expr->n_consts = p.consts->len;
  expr->consts = (WmValue *) (gpointer) g_array_free (p.consts, FALSE);
  expr->n_paths = p.paths->len;
  expr->paths = (WmExprPath *) (gpointer) g_array_free (p.paths, FALSE);
  expr->keys = (const char **) g_ptr_array_free (p.keys, FALSE);
  for (guint i = 0; i < expr->n_paths; i++)
    expr->paths[i].keys = expr->keys + GPOINTER_TO_UINT (expr->paths[i].keys);
  expr->strings = p.strings;
  expr->literal = g_string_free (p.literal, FALSE);
  expr->max_stack = (guint) MAX (p.max_sp, 1);
  g_string_free (p.scratch, TRUE);
  return expr;
}

void
wm_expr_free (WmExpr *expr)
{
  if (expr == NULL)
    return;
  g_free (expr->text);
  g_free (expr->code);
  g_free (expr->consts);
  g_free (expr->paths);
  g_free (expr->keys);
  g_string_chunk_free (expr->strings);
  g_free (expr->literal);
  g_free (expr);
}

guint
wm_expr_get_n_paths (const WmExpr *expr)
{
  g_return_val_if_fail (expr != NULL, 0);
  return expr->n_paths;
}

WmExprPath *
wm_expr_get_path (WmExpr *expr,
                  guint   index)
{
  g_return_val_if_fail (expr != NULL, NULL);
  g_return_val_if_fail (index < expr->n_paths, NULL);
  return &expr->paths[index];
}

char *
wm_expr_template_literal (const WmExpr *expr)
{
  g_return_val_if_fail (expr != NULL, NULL);
  return g_strdup (expr->kind == WM_EXPR_TEMPLATE ? expr->literal : "");
}

const char *
wm_expr_get_text (const WmExpr *expr)
{
  g_return_val_if_fail (expr != NULL, NULL);
  return expr->text;
}
