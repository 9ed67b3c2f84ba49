/* wm-spatial-index.c - uniform grid buckets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "wm-spatial-index.h"

typedef struct
{
  gpointer item;
  WmRect   rect;
  guint64  stamp;   /* stacking order */
  guint64  mark;    /* the last query that listed it, to list it once */
  /* Bucket span, so that a move or removal visits exactly those buckets. */
  gint64   cx0, cy0, cx1, cy1;
} Entry;

struct _WmSpatialIndex
{
  double      cell;
  GHashTable *entries;   /* item -> Entry* (owned) */
  GHashTable *buckets;   /* packed cell key -> GPtrArray of Entry* */
  guint64     next_stamp;
  guint64     query;
  gboolean    bounds_valid;
  WmRect      bounds;
};

/* Bucket coordinates are clamped so that a wild position (validation
 * reports it; the canvas must not hang on it) spans a bounded number of
 * buckets. */
#define CELL_LIMIT 1000000

static gint64
cell_of (WmSpatialIndex *self,
         double          v)
{
  double c = floor (v / self->cell);

  if (!(c > -CELL_LIMIT))
    return -CELL_LIMIT;
  if (c > CELL_LIMIT)
    return CELL_LIMIT;
  return (gint64) c;
}

static gpointer
bucket_key (gint64 cx,
            gint64 cy)
{
  guint64 k = ((guint64) (guint32) (gint32) cx << 32) | (guint32) (gint32) cy;

  /* 64-bit pointers on every platform we build for (Debian amd64/arm64). */
  return GSIZE_TO_POINTER ((gsize) k);
}

static void
entry_free (gpointer data)
{
  g_free (data);
}

WmSpatialIndex *
wm_spatial_index_new (double cell_size)
{
  WmSpatialIndex *self;

  g_return_val_if_fail (cell_size > 0, NULL);
  G_STATIC_ASSERT (sizeof (gpointer) >= 8);

  self = g_new0 (WmSpatialIndex, 1);
  self->cell = cell_size;
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  self->buckets = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
wm_spatial_index_free (WmSpatialIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->buckets);
  g_hash_table_unref (self->entries);
  g_free (self);
}

static void
unlink_entry (WmSpatialIndex *self,
              Entry          *entry)
{
  for (gint64 cx = entry->cx0; cx <= entry->cx1; cx++)
    for (gint64 cy = entry->cy0; cy <= entry->cy1; cy++)
      {
        gpointer key = bucket_key (cx, cy);
        GPtrArray *bucket = g_hash_table_lookup (self->buckets, key);

        if (bucket == NULL)
          continue;
        g_ptr_array_remove_fast (bucket, entry);
        if (bucket->len == 0)
          g_hash_table_remove (self->buckets, key);
      }
}

static void
link_entry (WmSpatialIndex *self,
            Entry          *entry)
{
  entry->cx0 = cell_of (self, entry->rect.x);
  entry->cy0 = cell_of (self, entry->rect.y);
  entry->cx1 = cell_of (self, entry->rect.x + entry->rect.width);
  entry->cy1 = cell_of (self, entry->rect.y + entry->rect.height);

  for (gint64 cx = entry->cx0; cx <= entry->cx1; cx++)
    for (gint64 cy = entry->cy0; cy <= entry->cy1; cy++)
      {
        gpointer key = bucket_key (cx, cy);
        GPtrArray *bucket = g_hash_table_lookup (self->buckets, key);

        if (bucket == NULL)
          {
            bucket = g_ptr_array_new ();
            g_hash_table_insert (self->buckets, key, bucket);
          }
        g_ptr_array_add (bucket, entry);
      }
}

void
wm_spatial_index_set (WmSpatialIndex *self,
                      gpointer        item,
                      const WmRect   *rect)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  entry = g_hash_table_lookup (self->entries, item);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->item = item;
      entry->stamp = self->next_stamp++;
      g_hash_table_insert (self->entries, item, entry);
    }
  else
    unlink_entry (self, entry);
  entry->rect = *rect;
  link_entry (self, entry);
  self->bounds_valid = FALSE;
}

void
wm_spatial_index_remove (WmSpatialIndex *self,
                         gpointer        item)
{
  Entry *entry;

  g_return_if_fail (self != NULL);

  entry = g_hash_table_lookup (self->entries, item);
  if (entry == NULL)
    return;
  unlink_entry (self, entry);
  g_hash_table_remove (self->entries, item);
  self->bounds_valid = FALSE;
}

void
wm_spatial_index_clear (WmSpatialIndex *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->buckets);
  g_hash_table_remove_all (self->entries);
  self->bounds_valid = FALSE;
}

gboolean
wm_spatial_index_contains (WmSpatialIndex *self,
                           gpointer        item)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->entries, item);
}

gboolean
wm_spatial_index_get_rect (WmSpatialIndex *self,
                           gpointer        item,
                           WmRect         *rect)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, item);
  if (entry == NULL)
    return FALSE;
  *rect = entry->rect;
  return TRUE;
}

guint
wm_spatial_index_get_size (WmSpatialIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->entries);
}

gpointer
wm_spatial_index_query_point (WmSpatialIndex *self,
                              double          x,
                              double          y)
{
  GPtrArray *bucket;
  Entry *best = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  bucket = g_hash_table_lookup (self->buckets,
                                bucket_key (cell_of (self, x), cell_of (self, y)));
  if (bucket == NULL)
    return NULL;
  for (guint i = 0; i < bucket->len; i++)
    {
      Entry *entry = g_ptr_array_index (bucket, i);

      if (wm_rect_contains_point (&entry->rect, x, y)
          && (best == NULL || entry->stamp > best->stamp))
        best = entry;
    }
  return best != NULL ? best->item : NULL;
}

static int
compare_stamps (gconstpointer a,
                gconstpointer b)
{
  const Entry *ea = *(Entry * const *) a;
  const Entry *eb = *(Entry * const *) b;

  return ea->stamp < eb->stamp ? -1 : ea->stamp > eb->stamp;
}

void
wm_spatial_index_query_rect (WmSpatialIndex *self,
                             const WmRect   *rect,
                             GPtrArray      *out)
{
  g_autoptr(GPtrArray) found = NULL;
  gint64 cx0, cy0, cx1, cy1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (out != NULL);

  found = g_ptr_array_new ();
  self->query++;
  cx0 = cell_of (self, rect->x);
  cy0 = cell_of (self, rect->y);
  cx1 = cell_of (self, rect->x + rect->width);
  cy1 = cell_of (self, rect->y + rect->height);

  /* A query wider than the grid holds walks the entries instead. */
  if ((double) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > g_hash_table_size (self->buckets))
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Entry *entry = value;

          if (wm_rect_intersects (&entry->rect, rect))
            g_ptr_array_add (found, entry);
        }
    }
  else
    {
      for (gint64 cx = cx0; cx <= cx1; cx++)
        for (gint64 cy = cy0; cy <= cy1; cy++)
          {
            GPtrArray *bucket = g_hash_table_lookup (self->buckets, bucket_key (cx, cy));

            if (bucket == NULL)
              continue;
            for (guint i = 0; i < bucket->len; i++)
              {
                Entry *entry = g_ptr_array_index (bucket, i);

                if (entry->mark == self->query)
                  continue;
                entry->mark = self->query;
                if (wm_rect_intersects (&entry->rect, rect))
                  g_ptr_array_add (found, entry);
              }
          }
    }

  g_ptr_array_sort (found, compare_stamps);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (out, ((Entry *) g_ptr_array_index (found, i))->item);
}

gboolean
wm_spatial_index_get_bounds (WmSpatialIndex *self,
                             WmRect         *bounds)
{
  GHashTableIter iter;
  gpointer value;
  gboolean first = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (g_hash_table_size (self->entries) == 0)
    return FALSE;
  if (!self->bounds_valid)
    {
      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Entry *entry = value;

          if (first)
            self->bounds = entry->rect;
          else
            wm_rect_union (&self->bounds, &entry->rect, &self->bounds);
          first = FALSE;
        }
      self->bounds_valid = TRUE;
    }
  *bounds = self->bounds;
  return TRUE;
}
