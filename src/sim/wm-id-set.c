/* wm-id-set.c - the set of profile ids accepted so far
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one structure of a run that grows with the number of profiles, so it
 * is lean: ids are packed into large chunks, and an open-addressing table
 * holds a 64-bit hash and a pointer per id (about 40 bytes an id with the
 * table at most half full, plus the id itself).
 */
#include "config.h"

#include <string.h>

#include "wm-profile-reader.h"

/* Chunks start small and double up to CHUNK_SIZE: a set of a few ids (a
 * small import, a journey's scan, each fuzzer input) does not take a
 * megabyte, and a set of millions still takes one allocation a megabyte. */
#define FIRST_CHUNK_SIZE 4096
#define CHUNK_SIZE (1024 * 1024)

typedef struct
{
  guint64     hash;   /* 0: empty slot */
  const char *id;     /* length-prefixed: one byte of length, then the id */
} Slot;

struct _WmIdSet
{
  Slot   *slots;
  gsize   mask;
  guint   size;
  GPtrArray *chunks;
  char   *chunk;
  gsize   chunk_left;
  gsize   chunk_size;   /* of the last chunk */
};

WmIdSet *
wm_id_set_new (void)
{
  WmIdSet *set = g_new0 (WmIdSet, 1);

  set->mask = 1023;
  set->slots = g_new0 (Slot, set->mask + 1);
  set->chunks = g_ptr_array_new_with_free_func (g_free);
  return set;
}

void
wm_id_set_free (WmIdSet *set)
{
  if (set == NULL)
    return;
  g_free (set->slots);
  g_ptr_array_unref (set->chunks);
  g_free (set);
}

static guint64
hash_id (const char *id,
         gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) id[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  /* Mix the high bits down: the table is indexed by the low ones. */
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  h ^= h >> 32;
  return h != 0 ? h : 1;
}

static Slot *
find (WmIdSet    *set,
      guint64     hash,
      const char *id,
      gsize       len)
{
  gsize i = hash & set->mask;

  for (;;)
    {
      Slot *slot = &set->slots[i];

      if (slot->hash == 0)
        return slot;
      if (slot->hash == hash && (guchar) slot->id[0] == len
          && memcmp (slot->id + 1, id, len) == 0)
        return slot;
      i = (i + 1) & set->mask;
    }
}

static void
grow (WmIdSet *set)
{
  Slot *old = set->slots;
  gsize old_n = set->mask + 1;

  set->mask = old_n * 2 - 1;
  set->slots = g_new0 (Slot, set->mask + 1);
  for (gsize i = 0; i < old_n; i++)
    if (old[i].hash != 0)
      {
        gsize j = old[i].hash & set->mask;

        while (set->slots[j].hash != 0)
          j = (j + 1) & set->mask;
        set->slots[j] = old[i];
      }
  g_free (old);
}

gboolean
wm_id_set_contains (WmIdSet    *set,
                    const char *id,
                    gsize       len)
{
  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (len > 255)
    return FALSE;
  return find (set, hash_id (id, len), id, len)->hash != 0;
}

gboolean
wm_id_set_add (WmIdSet    *set,
               const char *id,
               gsize       len)
{
  guint64 hash;
  Slot *slot;
  char *copy;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  /* Profile ids are at most 128 bytes; the length fits one byte. */
  g_return_val_if_fail (len <= 255, FALSE);

  hash = hash_id (id, len);
  slot = find (set, hash, id, len);
  if (slot->hash != 0)
    return FALSE;

  if (set->chunk_left < len + 1)
    {
      set->chunk_size = set->chunk_size == 0 ? FIRST_CHUNK_SIZE
                                             : MIN (set->chunk_size * 2, CHUNK_SIZE);
      set->chunk = g_malloc (set->chunk_size);
      set->chunk_left = set->chunk_size;
      g_ptr_array_add (set->chunks, set->chunk);
    }
  copy = set->chunk;
  copy[0] = (char) len;
  memcpy (copy + 1, id, len);
  set->chunk += len + 1;
  set->chunk_left -= len + 1;

  slot->hash = hash;
  slot->id = copy;
  if (++set->size * 2 > set->mask + 1)
    grow (set);
  return TRUE;
}

guint
wm_id_set_get_size (WmIdSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->size;
}
