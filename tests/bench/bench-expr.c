/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-expr.c - evaluations per second of a typical `where` condition
 *
 * Compiles `profile.country == "HR" && var.count + 1 > 3` once and evaluates
 * it for about three seconds (or the seconds given as the first argument)
 * on one core, with a resolver that binds each path to a slot once, as a
 * host does, and then answers by slot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-expr.h"

typedef struct
{
  WmValue slots[2];
} Host;

static void
resolve_slot (gpointer          user_data,
              const WmExprPath *path,
              WmValue          *out)
{
  const Host *host = user_data;

  *out = host->slots[path->slot];
}

int
main (int   argc,
      char *argv[])
{
  const char *text = "profile.country == \"HR\" && var.count + 1 > 3";
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 3.0;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = wm_expr_compile (text, WM_EXPR_EXPRESSION, NULL, &error);
  WmExprArena *arena = wm_expr_arena_new ();
  Host host;
  WmExprContext ctx = { resolve_slot, &host, 0, arena };
  guint64 evaluations = 0, truths = 0;
  gint64 start, elapsed;

  if (expr == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* Bind once: profile.country to slot 0, var.count to slot 1. */
  host.slots[0] = wm_value_string ("HR", 2);
  host.slots[1] = wm_value_number (0);
  for (guint i = 0; i < wm_expr_get_n_paths (expr); i++)
    {
      WmExprPath *path = wm_expr_get_path (expr, i);

      path->slot = path->root == WM_EXPR_ROOT_PROFILE ? 0 : 1;
    }

  start = g_get_monotonic_time ();
  do
    {
      for (guint i = 0; i < 100000; i++)
        {
          /* var.count runs 0..7, so the result changes as it would. */
          host.slots[1].as.number = (double) (i & 7);
          truths += wm_expr_eval_truthy (expr, &ctx);
        }
      evaluations += 100000;
      elapsed = g_get_monotonic_time () - start;
    }
  while (elapsed < seconds * G_USEC_PER_SEC);

  /* 5 of every 8 are true: count + 1 > 3 for count 3..7. */
  if (truths * 8 != evaluations * 5)
    {
      fprintf (stderr, "wrong results: %" G_GUINT64_FORMAT " true of %" G_GUINT64_FORMAT "\n",
               truths, evaluations);
      return 1;
    }
  printf ("expression: %s\n", text);
  printf ("evaluations: %" G_GUINT64_FORMAT " in %.2f s\n", evaluations, elapsed / 1e6);
  printf ("evaluations per second: %.0f\n", evaluations / (elapsed / 1e6));
  wm_expr_arena_free (arena);
  return 0;
}
