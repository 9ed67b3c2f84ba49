/* wm-expr.h - expressions and templates (expressions.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compile once, evaluate many times. Evaluation of numeric and boolean work
 * allocates nothing; strings made by evaluation (concatenation, lower(), the
 * string form of a number, a rendered template) are carved from a
 * caller-owned arena that the caller resets between evaluations. A compiled
 * expression is immutable during evaluation, so one WmExpr may be evaluated
 * from several threads at once, each with its own context and arena.
 */
#pragma once

#include <glib.h>

#include "wm-value.h"

G_BEGIN_DECLS

#define WM_EXPR_ERROR (wm_expr_error_quark ())

typedef enum
{
  WM_EXPR_ERROR_SYNTAX,
} WmExprError;

/* expressions.md: nesting deeper than this is a syntax error. */
#define WM_EXPR_MAX_NESTING 256

typedef enum
{
  WM_EXPR_EXPRESSION,  /* a bare expression */
  WM_EXPR_TEMPLATE,    /* text with {{ expression }} placeholders */
} WmExprKind;

typedef enum
{
  WM_EXPR_ROOT_PROFILE,
  WM_EXPR_ROOT_EVENT,
  WM_EXPR_ROOT_VAR,
  WM_EXPR_ROOT_FLOW,
} WmExprRoot;

/* A path such as profile.address.city: root PROFILE, keys {"address",
 * "city"}. @slot is free for the host to cache a binding (for instance the
 * index of a variable); it is -1 after compiling. */
typedef struct
{
  WmExprRoot          root;
  guint               n_keys;   /* 1 or more */
  const char * const *keys;
  gint                slot;
  guint               column;   /* 1-based code point column of the root */
} WmExprPath;

typedef struct _WmExprArena WmExprArena;

/* Looks a path up. Must set *@out; a string it gives must stay valid until
 * the evaluation returns (host memory, or memory from the context's arena). */
typedef void (*WmExprResolveFunc) (gpointer          user_data,
                                   const WmExprPath *path,
                                   WmValue          *out);

typedef struct
{
  WmExprResolveFunc  resolve;    /* NULL: every path is null */
  gpointer           user_data;
  gint64             now;        /* now(): the simulation time, or the wall clock */
  WmExprArena       *arena;      /* required when strings may be made */
} WmExprContext;

typedef struct _WmExpr WmExpr;

GQuark        wm_expr_error_quark        (void);

/* Compiles @text. On a syntax error returns NULL, sets @error (message
 * "column N: what is wrong", the column as expressions.md defines it) and,
 * when not NULL, *@error_column. */
WmExpr       *wm_expr_compile            (const char     *text,
                                          WmExprKind      kind,
                                          guint          *error_column,
                                          GError        **error);

void          wm_expr_free               (WmExpr         *expr);

/* The result of an expression; for a template, the rendered string. Strings
 * in the result live in the context's arena or in memory the resolver gave,
 * until the arena is reset. */
WmValue       wm_expr_eval               (const WmExpr        *expr,
                                          const WmExprContext *ctx);

/* Shortcut: the truthiness of the result. */
gboolean      wm_expr_eval_truthy        (const WmExpr        *expr,
                                          const WmExprContext *ctx);

/* The paths the expression reads, in source order (for binding, and for
 * validation of var.* names). The host may set their @slot. */
guint         wm_expr_get_n_paths        (const WmExpr   *expr);
WmExprPath   *wm_expr_get_path           (WmExpr         *expr,
                                          guint           index);

/* For a template: its literal text with every placeholder removed (the SMS
 * warnings of flow-format.md look at this). For an expression: "". */
char         *wm_expr_template_literal   (const WmExpr   *expr);

/* The source text the expression was compiled from. */
const char   *wm_expr_get_text           (const WmExpr   *expr);

WmExprArena  *wm_expr_arena_new          (void);
void          wm_expr_arena_reset        (WmExprArena    *arena);
void          wm_expr_arena_free         (WmExprArena    *arena);
/* @size bytes, 8-byte aligned, valid until the next reset. */
gpointer      wm_expr_arena_alloc        (WmExprArena    *arena,
                                          gsize           size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmExpr, wm_expr_free)

G_END_DECLS
