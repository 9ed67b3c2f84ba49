/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wm-expr-private.h - the compiled form of expressions, shared by the
 * parser (wm-expr-parse.c) and the evaluator (wm-expr-eval.c)
 *
 * The parser emits the syntax tree directly in postfix order: a flat array
 * of 8-byte instructions run by a loop over a value stack. Left-associative
 * chains (a + b - c + ...) thus take constant stack and no recursion however
 * long they are (DESIGN.md: a 10 MB expression must not overflow the stack);
 * only call arguments and the parts of a template pile up on the value
 * stack, and the parser records the deepest the stack gets so the evaluator
 * can size it before running.
 */
#pragma once

#include "wm-expr.h"

G_BEGIN_DECLS

typedef enum
{
  WM_OP_CONST,          /* push consts[arg] */
  WM_OP_PATH,           /* push the resolver's value of paths[arg] */

  WM_OP_NOT,            /* unary, on the top of the stack */
  WM_OP_NEG,

  /* Binary: the right operand is consts[arg] when k is set, otherwise it is
   * popped. The left operand is replaced by the result. */
  WM_OP_OR,
  WM_OP_AND,
  WM_OP_EQ,
  WM_OP_NE,
  WM_OP_LT,
  WM_OP_LE,
  WM_OP_GT,
  WM_OP_GE,
  WM_OP_ADD,
  WM_OP_SUB,
  WM_OP_MUL,
  WM_OP_DIV,
  WM_OP_MOD,

  /* Calls: arg is the number of arguments, popped and replaced by the
   * result. A template is a WM_OP_CONCAT of its text and placeholders. */
  WM_OP_LOWER,
  WM_OP_UPPER,
  WM_OP_LEN,
  WM_OP_CONTAINS,
  WM_OP_STARTS_WITH,
  WM_OP_ENDS_WITH,
  WM_OP_CONCAT,
  WM_OP_COALESCE,
  WM_OP_EXISTS,
  WM_OP_NUMBER,
  WM_OP_STRING,
  WM_OP_ROUND,
  WM_OP_FLOOR,
  WM_OP_CEIL,
  WM_OP_ABS,
  WM_OP_MIN,
  WM_OP_MAX,
  WM_OP_NOW,
  WM_OP_DATE,
  WM_OP_HOURS_BETWEEN,
  WM_OP_DAYS_BETWEEN,
  WM_OP_ADD_HOURS,
  WM_OP_ADD_DAYS,
} WmOp;

typedef struct
{
  guint8  op;   /* WmOp */
  guint8  k;    /* binary operators: the right operand is a constant */
  guint16 reserved;
  guint32 arg;
} WmInsn;

struct _WmExpr
{
  char        *text;
  WmExprKind   kind;

  WmInsn      *code;
  guint        n_code;
  WmValue     *consts;      /* strings point into @strings */
  guint        n_consts;
  WmExprPath  *paths;       /* keys point into @keys and @strings */
  guint        n_paths;
  const char **keys;
  GStringChunk *strings;
  char        *literal;     /* template text without placeholders */
  guint        max_stack;   /* the deepest the value stack gets */
};

/* The string form of @value (expressions.md) without allocating: returns a
 * pointer to the bytes (the value's own string, a static word, or @buf,
 * which must hold at least 32 bytes) and their length in *@len. */
const char *wm_value_form          (const WmValue *value,
                                    char          *buf,
                                    gsize         *len);

/* Is @text (exactly @len bytes) a number literal of expressions.md,
 * [0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?, and if so its double (infinity when
 * too large) in *@out. */
gboolean    wm_number_literal_parse (const char   *text,
                                     gsize         len,
                                     double       *out);

/* The length in bytes of the longest number literal at the start of @text
 * (which has @len bytes); 0 when @text does not start with a digit. */
gsize       wm_number_literal_span  (const char   *text,
                                     gsize         len);

G_END_DECLS
