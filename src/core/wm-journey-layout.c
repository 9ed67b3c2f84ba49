/* wm-journey-layout.c - where a journey's stages sit on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stage that begins with the journey or by hand takes column 0; an
 * `after` stage takes the column right of the rightmost stage it waits
 * for, so the board reads left to right like the journey. The document
 * may be invalid while someone edits it, so the layout never trusts it:
 *
 * - names of no stage (or of the stage itself) in `after` are left out;
 *   an `after` stage left waiting for nothing known takes column 1, so
 *   column 0 keeps only stages that really begin first;
 * - on a cycle of `after` links, a link that goes back in document order
 *   (from a later stage to an earlier one it leads to) is not followed:
 *   the cycle then reads left to right in document order and the layout
 *   always ends. The link is still listed, so the board draws it.
 */

#include "config.h"

#include "wm-journey-layout.h"

struct _WmJourneyLayout
{
  GArray *stages;    /* WmJourneyLayoutStage, document order */
  GArray *links;     /* WmJourneyLayoutLink */
  GPtrArray *columns; /* GArray of guint (index into stages) per column */
  GHashTable *by_id; /* id -> position in stages + 1 */
};

static void
clear_stage (gpointer data)
{
  WmJourneyLayoutStage *stage = data;

  g_free (stage->id);
}

/* The member if it is a string, else NULL (json-glib's getters warn on
 * other types, and the document may hold anything while invalid). */
static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_after_stage (JsonObject *stage)
{
  JsonNode *begins = json_object_get_member (stage, "begins");
  JsonNode *when;

  if (begins == NULL || !JSON_NODE_HOLDS_OBJECT (begins))
    return FALSE;
  when = json_object_get_member (json_node_get_object (begins), "when");
  return when != NULL && JSON_NODE_HOLDS_VALUE (when)
         && json_node_get_value_type (when) == G_TYPE_STRING
         && g_strcmp0 (json_node_get_string (when), "after") == 0;
}

static JsonArray *
get_after (JsonObject *stage)
{
  JsonNode *begins = json_object_get_member (stage, "begins");
  JsonNode *after;

  if (begins == NULL || !JSON_NODE_HOLDS_OBJECT (begins))
    return NULL;
  after = json_object_get_member (json_node_get_object (begins), "after");
  if (after == NULL || !JSON_NODE_HOLDS_ARRAY (after))
    return NULL;
  return json_node_get_array (after);
}

static gboolean
has_link (GArray *links,
          guint   from,
          guint   to)
{
  for (guint i = 0; i < links->len; i++)
    {
      WmJourneyLayoutLink *link = &g_array_index (links, WmJourneyLayoutLink, i);

      if (link->from == from && link->to == to)
        return TRUE;
    }
  return FALSE;
}

/* Whether stage @from leads to stage @to along the links. */
static gboolean
reaches (GArray *links,
         guint   n,
         guint   from,
         guint   to)
{
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (queue, from);
  seen[from] = TRUE;
  for (guint q = 0; q < queue->len; q++)
    {
      guint at = g_array_index (queue, guint, q);

      if (at == to)
        return TRUE;
      for (guint i = 0; i < links->len; i++)
        {
          WmJourneyLayoutLink *link = &g_array_index (links, WmJourneyLayoutLink, i);

          if (link->from == at && !seen[link->to])
            {
              seen[link->to] = TRUE;
              g_array_append_val (queue, link->to);
            }
        }
    }
  return FALSE;
}

/* Longest paths over the links that are followed (a DAG, see the top of
 * the file), in topological order (Kahn). */
static void
assign_columns (WmJourneyLayout *self,
                const gboolean  *after_stage)
{
  guint n = self->stages->len;
  g_autofree gboolean *followed = g_new0 (gboolean, self->links->len + 1);
  g_autofree guint *waiting = g_new0 (guint, n + 1);
  g_autofree gboolean *placed = g_new0 (gboolean, n + 1);
  gboolean progress = TRUE;

  for (guint i = 0; i < self->links->len; i++)
    {
      WmJourneyLayoutLink *link = &g_array_index (self->links, WmJourneyLayoutLink, i);

      followed[i] = link->from < link->to || !reaches (self->links, n, link->to, link->from);
      if (followed[i])
        waiting[link->to]++;
    }
  for (guint s = 0; s < n; s++)
    g_array_index (self->stages, WmJourneyLayoutStage, s).column = after_stage[s] ? 1 : 0;

  /* Each pass places every stage whose followed predecessors are placed;
   * at least one per pass in a DAG, so at most n passes. */
  while (progress)
    {
      progress = FALSE;
      for (guint s = 0; s < n; s++)
        {
          WmJourneyLayoutStage *stage = &g_array_index (self->stages, WmJourneyLayoutStage, s);

          if (placed[s] || waiting[s] > 0)
            continue;
          placed[s] = TRUE;
          progress = TRUE;
          for (guint i = 0; i < self->links->len; i++)
            {
              WmJourneyLayoutLink *link = &g_array_index (self->links, WmJourneyLayoutLink, i);
              WmJourneyLayoutStage *next;

              if (!followed[i] || link->from != s)
                continue;
              next = &g_array_index (self->stages, WmJourneyLayoutStage, link->to);
              next->column = MAX (next->column, stage->column + 1);
              waiting[link->to]--;
            }
        }
    }
}

WmJourneyLayout *
wm_journey_layout_new (JsonArray *stages)
{
  WmJourneyLayout *self = g_new0 (WmJourneyLayout, 1);
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autofree gboolean *after_stage = NULL;
  guint n_columns = 0;

  self->stages = g_array_new (FALSE, TRUE, sizeof (WmJourneyLayoutStage));
  g_array_set_clear_func (self->stages, clear_stage);
  self->links = g_array_new (FALSE, FALSE, sizeof (WmJourneyLayoutLink));
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);
      WmJourneyLayoutStage stage = { 0 };
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      id = get_string (json_node_get_object (node), "id");
      stage.id = g_strdup (id != NULL ? id : "");
      stage.index = i;
      g_array_append_val (self->stages, stage);
      g_ptr_array_add (objects, json_node_get_object (node));
    }
  for (guint s = 0; s < self->stages->len; s++)
    {
      WmJourneyLayoutStage *stage = &g_array_index (self->stages, WmJourneyLayoutStage, s);

      if (!g_hash_table_contains (self->by_id, stage->id))
        g_hash_table_insert (self->by_id, stage->id, GUINT_TO_POINTER (s + 1));
    }

  after_stage = g_new0 (gboolean, self->stages->len + 1);
  for (guint s = 0; s < self->stages->len; s++)
    {
      JsonArray *after;

      after_stage[s] = is_after_stage (g_ptr_array_index (objects, s));
      after = after_stage[s] ? get_after (g_ptr_array_index (objects, s)) : NULL;
      for (guint a = 0; after != NULL && a < json_array_get_length (after); a++)
        {
          JsonNode *name = json_array_get_element (after, a);
          guint from;

          if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
            continue;
          from = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, json_node_get_string (name)));
          if (from == 0 || from - 1 == s || has_link (self->links, from - 1, s))
            continue;
          g_array_append_val (self->links, ((WmJourneyLayoutLink) { from - 1, s }));
        }
    }

  assign_columns (self, after_stage);

  for (guint s = 0; s < self->stages->len; s++)
    n_columns = MAX (n_columns, g_array_index (self->stages, WmJourneyLayoutStage, s).column + 1);
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (self->columns, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint s = 0; s < self->stages->len; s++)
    {
      WmJourneyLayoutStage *stage = &g_array_index (self->stages, WmJourneyLayoutStage, s);
      GArray *column = g_ptr_array_index (self->columns, stage->column);

      stage->row = column->len;
      g_array_append_val (column, s);
    }
  return self;
}

void
wm_journey_layout_free (WmJourneyLayout *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->links);
  g_array_unref (self->stages);
  g_free (self);
}

guint
wm_journey_layout_get_n_stages (WmJourneyLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->stages->len;
}

const WmJourneyLayoutStage *
wm_journey_layout_get_stage (WmJourneyLayout *self,
                             guint            i)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (i >= self->stages->len)
    return NULL;
  return &g_array_index (self->stages, WmJourneyLayoutStage, i);
}

const WmJourneyLayoutStage *
wm_journey_layout_find (WmJourneyLayout *self,
                        const char      *id)
{
  guint s;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  s = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, id));
  return s == 0 ? NULL : &g_array_index (self->stages, WmJourneyLayoutStage, s - 1);
}

guint
wm_journey_layout_get_n_columns (WmJourneyLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

guint
wm_journey_layout_get_column_size (WmJourneyLayout *self,
                                   guint            column)
{
  g_return_val_if_fail (self != NULL, 0);

  if (column >= self->columns->len)
    return 0;
  return ((GArray *) g_ptr_array_index (self->columns, column))->len;
}

const WmJourneyLayoutStage *
wm_journey_layout_get_cell (WmJourneyLayout *self,
                            guint            column,
                            guint            row)
{
  GArray *cells;

  g_return_val_if_fail (self != NULL, NULL);

  if (column >= self->columns->len)
    return NULL;
  cells = g_ptr_array_index (self->columns, column);
  if (row >= cells->len)
    return NULL;
  return &g_array_index (self->stages, WmJourneyLayoutStage, g_array_index (cells, guint, row));
}

guint
wm_journey_layout_get_n_links (WmJourneyLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->links->len;
}

const WmJourneyLayoutLink *
wm_journey_layout_get_link (WmJourneyLayout *self,
                            guint            i)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (i >= self->links->len)
    return NULL;
  return &g_array_index (self->links, WmJourneyLayoutLink, i);
}
