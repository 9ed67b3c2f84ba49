/* wm-path-maxima.c - the heaviest path from a version's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tarjan's strongly connected components, without recursion (a version
 * over the element limit still loads, and a deep recursion would overflow
 * the stack). Tarjan emits a component only after every component it
 * reaches, so the heaviest path from a component is known the moment it is
 * emitted: its own weight plus the heaviest of its successors.
 */

#include "config.h"

#include <string.h>

#include "wm-path-maxima.h"

#define UNVISITED G_MAXUINT

typedef struct
{
  guint   n;
  guint  *edge_start;   /* n + 1 offsets into edges */
  guint  *edges;
} Graph;

static void
graph_clear (Graph *graph)
{
  g_free (graph->edge_start);
  g_free (graph->edges);
}

/* Elements as nodes, connections as edges (compressed rows). */
static void
graph_init (Graph     *graph,
            WmVersion *version)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_connections = wm_version_get_n_connections (version);
  g_autofree guint *from = g_new (guint, n_connections + 1);
  g_autofree guint *to = g_new (guint, n_connections + 1);
  g_autofree guint *fill = NULL;
  guint n_edges = 0;

  graph->n = wm_version_get_n_elements (version);
  for (guint i = 0; i < graph->n; i++)
    {
      const char *id = wm_element_get_id (wm_version_get_element_at (version, i));

      if (!g_hash_table_contains (index, id))
        g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_connections; i++)
    {
      WmConnection *connection = wm_version_get_connection_at (version, i);
      const char *a = wm_connection_get_from (connection);
      const char *b = wm_connection_get_to (connection);
      guint ia = a != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (index, a)) : 0;
      guint ib = b != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (index, b)) : 0;

      if (ia == 0 || ib == 0)
        continue;
      from[n_edges] = ia - 1;
      to[n_edges] = ib - 1;
      n_edges++;
    }

  graph->edge_start = g_new0 (guint, graph->n + 1);
  graph->edges = g_new (guint, n_edges + 1);
  for (guint i = 0; i < n_edges; i++)
    graph->edge_start[from[i] + 1]++;
  for (guint i = 0; i < graph->n; i++)
    graph->edge_start[i + 1] += graph->edge_start[i];
  fill = g_memdup2 (graph->edge_start, sizeof (guint) * (graph->n + 1));
  for (guint i = 0; i < n_edges; i++)
    graph->edges[fill[from[i]]++] = to[i];
}

void
wm_path_maxima (WmVersion        *version,
                guint             n_weights,
                WmPathWeightFunc  func,
                gpointer          user_data,
                guint64          *maxima)
{
  WmElement *entry;
  Graph graph;
  g_autofree guint *order = NULL;      /* visit index, UNVISITED */
  g_autofree guint *low = NULL;
  g_autofree guint *component = NULL;  /* UNVISITED until emitted */
  g_autofree guint *next_edge = NULL;
  g_autofree gboolean *on_stack = NULL;
  g_autofree guint64 *weight = NULL;   /* n * n_weights */
  g_autofree guint64 *best = NULL;     /* per component, n * n_weights */
  g_autofree guint64 *succ = NULL;     /* scratch, n_weights */
  g_autoptr(GArray) stack = NULL;      /* Tarjan's stack */
  g_autoptr(GArray) calls = NULL;      /* the recursion, made explicit */
  guint start = 0, counter = 0, n_components = 0;

  g_return_if_fail (WM_IS_VERSION (version));
  g_return_if_fail (func != NULL);
  g_return_if_fail (maxima != NULL || n_weights == 0);

  if (n_weights == 0)
    return;
  memset (maxima, 0, sizeof (guint64) * n_weights);
  entry = wm_version_get_entry (version);
  if (entry == NULL)
    return;

  graph_init (&graph, version);
  if (!wm_version_find_element_position (version, entry, &start))
    {
      graph_clear (&graph);
      return;
    }

  order = g_new (guint, graph.n);
  low = g_new (guint, graph.n);
  component = g_new (guint, graph.n);
  next_edge = g_new (guint, graph.n);
  on_stack = g_new0 (gboolean, graph.n);
  weight = g_new0 (guint64, (gsize) graph.n * n_weights);
  best = g_new0 (guint64, (gsize) graph.n * n_weights);
  succ = g_new (guint64, n_weights);
  stack = g_array_new (FALSE, FALSE, sizeof (guint));
  calls = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < graph.n; i++)
    {
      order[i] = UNVISITED;
      component[i] = UNVISITED;
      func (wm_version_get_element_at (version, i), weight + (gsize) i * n_weights, user_data);
    }

#define VISIT(v) G_STMT_START {                       \
    order[v] = low[v] = counter++;                    \
    next_edge[v] = graph.edge_start[v];               \
    on_stack[v] = TRUE;                               \
    g_array_append_val (stack, v);                    \
    g_array_append_val (calls, v);                    \
  } G_STMT_END

  VISIT (start);
  while (calls->len > 0)
    {
      guint v = g_array_index (calls, guint, calls->len - 1);

      if (next_edge[v] < graph.edge_start[v + 1])
        {
          guint w = graph.edges[next_edge[v]++];

          if (order[w] == UNVISITED)
            VISIT (w);
          else if (on_stack[w])
            low[v] = MIN (low[v], order[w]);
          continue;
        }

      g_array_set_size (calls, calls->len - 1);
      if (calls->len > 0)
        {
          guint u = g_array_index (calls, guint, calls->len - 1);

          low[u] = MIN (low[u], low[v]);
        }
      if (low[v] != order[v])
        continue;

      /* v roots a component: everything above it on the stack. */
      {
        guint c = n_components++;
        guint first = stack->len;
        guint64 *own = best + (gsize) c * n_weights;

        do
          first--;
        while (g_array_index (stack, guint, first) != v);

        for (guint k = first; k < stack->len; k++)
          {
            guint w = g_array_index (stack, guint, k);

            component[w] = c;
            on_stack[w] = FALSE;
          }

        memset (succ, 0, sizeof (guint64) * n_weights);
        for (guint k = first; k < stack->len; k++)
          {
            guint w = g_array_index (stack, guint, k);

            for (guint j = 0; j < n_weights; j++)
              own[j] += weight[(gsize) w * n_weights + j];
            for (guint e = graph.edge_start[w]; e < graph.edge_start[w + 1]; e++)
              {
                guint x = graph.edges[e];

                if (component[x] == c)
                  continue;
                /* Emitted before c: Tarjan finishes what c reaches first. */
                for (guint j = 0; j < n_weights; j++)
                  succ[j] = MAX (succ[j], best[(gsize) component[x] * n_weights + j]);
              }
          }
        for (guint j = 0; j < n_weights; j++)
          own[j] += succ[j];
        g_array_set_size (stack, first);
      }
    }
#undef VISIT

  memcpy (maxima, best + (gsize) component[start] * n_weights, sizeof (guint64) * n_weights);
  graph_clear (&graph);
}
