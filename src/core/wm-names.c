/* wm-names.c - the names people know for the ids a flow refers to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-names.h"

GHashTable *
wm_names_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
wm_names_insert (GHashTable *names,
                 const char *kind,
                 const char *id,
                 const char *name)
{
  g_return_if_fail (names != NULL && kind != NULL && id != NULL);

  g_hash_table_insert (names, g_strconcat (kind, ":", id, NULL), g_strdup (name));
}

gboolean
wm_names_equal (GHashTable *a,
                GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0 || !g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

const char *
wm_names_lookup (GHashTable *names,
                 const char *kind,
                 const char *id)
{
  g_autofree char *key = NULL;
  const char *name;

  g_return_val_if_fail (kind != NULL, id);

  if (names == NULL || id == NULL)
    return id;
  key = g_strconcat (kind, ":", id, NULL);
  name = g_hash_table_lookup (names, key);
  return name != NULL && *name != '\0' ? name : id;
}
