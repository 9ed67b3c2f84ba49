/* wm-layout.c - a layered left-to-right layout by longest path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "wm-layout.h"

typedef struct
{
  guint  n;
  guint *out_start;   /* CSR adjacency of the edges kept */
  guint *out;
  guint *in_start;
  guint *in;
} Graph;

enum { WHITE, GREY, BLACK };

/* Marks the edges that close a cycle, iteratively (a flow of thousands of
 * elements in a line would overflow a recursive search). */
static void
find_back_edges (guint         n_nodes,
                 guint         n_edges,
                 const guint  *edges,
                 int           entry,
                 gboolean     *back)
{
  g_autofree guint *start = g_new0 (guint, n_nodes + 1);
  g_autofree guint *adj = g_new (guint, n_edges);   /* edge indices */
  g_autofree guint *fill = g_new0 (guint, n_nodes);
  g_autofree guchar *colour = g_new0 (guchar, n_nodes);
  g_autofree guint *stack = g_new (guint, n_nodes);
  g_autofree guint *next = g_new0 (guint, n_nodes);

  for (guint e = 0; e < n_edges; e++)
    start[edges[2 * e] + 1]++;
  for (guint v = 0; v < n_nodes; v++)
    start[v + 1] += start[v];
  for (guint e = 0; e < n_edges; e++)
    {
      guint from = edges[2 * e];

      adj[start[from] + fill[from]++] = e;
    }

  for (guint k = 0; k <= n_nodes; k++)
    {
      guint root;
      guint depth = 0;

      /* The entry first, then every node in index order. */
      if (k == 0)
        {
          if (entry < 0 || (guint) entry >= n_nodes)
            continue;
          root = (guint) entry;
        }
      else
        root = k - 1;
      if (colour[root] != WHITE)
        continue;

      colour[root] = GREY;
      stack[depth++] = root;
      next[root] = start[root];
      while (depth > 0)
        {
          guint v = stack[depth - 1];

          if (next[v] < start[v + 1])
            {
              guint e = adj[next[v]++];
              guint w = edges[2 * e + 1];

              if (colour[w] == GREY)
                back[e] = TRUE;
              else if (colour[w] == WHITE)
                {
                  colour[w] = GREY;
                  next[w] = start[w];
                  stack[depth++] = w;
                }
            }
          else
            {
              colour[v] = BLACK;
              depth--;
            }
        }
    }
}

typedef struct
{
  guint  node;
  double key;
} Slot;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *sa = a, *sb = b;

  if (sa->key != sb->key)
    return sa->key < sb->key ? -1 : 1;
  return sa->node < sb->node ? -1 : sa->node > sb->node;
}

void
wm_layout_layered (guint         n_nodes,
                   double        node_width,
                   const double *heights,
                   guint         n_edges,
                   const guint  *edges,
                   int           entry,
                   double       *positions)
{
  g_autofree gboolean *back = NULL;
  g_autofree guint *layer = NULL;
  g_autofree guint *indegree = NULL;
  g_autofree guint *queue = NULL;
  g_autofree guint *out_start = NULL;
  g_autofree guint *out_adj = NULL;
  g_autofree guint *fill = NULL;
  g_autofree guint *in_start = NULL;
  g_autofree guint *in_adj = NULL;
  g_autofree guint *by_layer_start = NULL;
  g_autofree guint *by_layer = NULL;
  g_autofree double *row = NULL;
  g_autofree double *column_height = NULL;
  g_autoptr(GArray) slots = NULL;
  guint head = 0, tail = 0, n_layers = 0;
  double tallest = 0;

  g_return_if_fail (n_nodes == 0 || heights != NULL);
  g_return_if_fail (n_edges == 0 || edges != NULL);
  g_return_if_fail (n_nodes == 0 || positions != NULL);

  if (n_nodes == 0)
    return;
  for (guint e = 0; e < n_edges; e++)
    g_return_if_fail (edges[2 * e] < n_nodes && edges[2 * e + 1] < n_nodes);

  back = g_new0 (gboolean, MAX (n_edges, 1));
  find_back_edges (n_nodes, n_edges, edges, entry, back);

  /* Longest path layering over the acyclic rest, in topological order. */
  layer = g_new0 (guint, n_nodes);
  indegree = g_new0 (guint, n_nodes);
  queue = g_new (guint, n_nodes);
  out_start = g_new0 (guint, n_nodes + 1);
  out_adj = g_new (guint, MAX (n_edges, 1));
  fill = g_new0 (guint, n_nodes);
  in_start = g_new0 (guint, n_nodes + 1);
  in_adj = g_new (guint, MAX (n_edges, 1));
  for (guint e = 0; e < n_edges; e++)
    if (!back[e])
      {
        out_start[edges[2 * e] + 1]++;
        in_start[edges[2 * e + 1] + 1]++;
        indegree[edges[2 * e + 1]]++;
      }
  for (guint v = 0; v < n_nodes; v++)
    {
      out_start[v + 1] += out_start[v];
      in_start[v + 1] += in_start[v];
    }
  for (guint e = 0; e < n_edges; e++)
    if (!back[e])
      {
        guint from = edges[2 * e];

        out_adj[out_start[from] + fill[from]++] = edges[2 * e + 1];
      }
  memset (fill, 0, n_nodes * sizeof (guint));
  for (guint e = 0; e < n_edges; e++)
    if (!back[e])
      {
        guint to = edges[2 * e + 1];

        in_adj[in_start[to] + fill[to]++] = edges[2 * e];
      }

  for (guint v = 0; v < n_nodes; v++)
    if (indegree[v] == 0)
      queue[tail++] = v;
  while (head < tail)
    {
      guint v = queue[head++];

      n_layers = MAX (n_layers, layer[v] + 1);
      for (guint i = out_start[v]; i < out_start[v + 1]; i++)
        {
          guint w = out_adj[i];

          layer[w] = MAX (layer[w], layer[v] + 1);
          if (--indegree[w] == 0)
            queue[tail++] = w;
        }
    }
  g_assert (tail == n_nodes);

  /* Rows: column by column, by the mean row of predecessors in the column
   * just before. The entry leads column 0. */
  row = g_new0 (double, n_nodes);
  column_height = g_new0 (double, n_layers);
  slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  /* Nodes by column (a counting sort), so each column is visited once. */
  by_layer_start = g_new0 (guint, n_layers + 1);
  by_layer = g_new (guint, n_nodes);
  for (guint v = 0; v < n_nodes; v++)
    by_layer_start[layer[v] + 1]++;
  for (guint c = 0; c < n_layers; c++)
    by_layer_start[c + 1] += by_layer_start[c];
  memset (fill, 0, n_nodes * sizeof (guint));
  for (guint v = 0; v < n_nodes; v++)
    by_layer[by_layer_start[layer[v]] + fill[layer[v]]++] = v;

  for (guint c = 0; c < n_layers; c++)
    {
      double y = 0;

      g_array_set_size (slots, 0);
      for (guint k = by_layer_start[c]; k < by_layer_start[c + 1]; k++)
        {
          guint v = by_layer[k];
          Slot slot = { v, -1.0 };
          double sum = 0;
          guint count = 0;

          for (guint i = in_start[v]; i < in_start[v + 1]; i++)
            if (layer[in_adj[i]] + 1 == c)
              {
                sum += row[in_adj[i]];
                count++;
              }
          if (count > 0)
            slot.key = sum / count;
          else if (c == 0 && (int) v == entry)
            slot.key = -2.0;
          g_array_append_val (slots, slot);
        }
      g_array_sort (slots, compare_slots);
      for (guint i = 0; i < slots->len; i++)
        {
          guint v = g_array_index (slots, Slot, i).node;

          row[v] = i;
          positions[2 * v] = c * (node_width + WM_LAYOUT_COLUMN_GAP);
          positions[2 * v + 1] = y;
          y += heights[v] + WM_LAYOUT_ROW_GAP;
        }
      column_height[c] = y - WM_LAYOUT_ROW_GAP;
      tallest = MAX (tallest, column_height[c]);
    }

  for (guint v = 0; v < n_nodes; v++)
    positions[2 * v + 1] += (tallest - column_height[layer[v]]) / 2;
}
