/* wm-schema.c - the key layout of a JSON document format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-schema.h"

static const WmSchemaEntry *
find_entry (const WmSchemaEntry *layout,
            const char          *key)
{
  for (const WmSchemaEntry *e = layout; e->key != NULL; e++)
    if (strcmp (e->key, key) == 0)
      return e;
  return NULL;
}

static const WmSchemaEntry *
member_layout (const WmSchemaEntry *entry,
               JsonObject          *parent)
{
  if (entry->kind == WM_SCHEMA_DYNAMIC)
    return entry->resolve != NULL ? entry->resolve (parent) : NULL;
  return entry->sub;
}

static gboolean check_object (JsonObject *, const WmSchemaEntry *, GString *, GQuark, int, GError **);

static gboolean
check_member (JsonObject          *parent,
              const WmSchemaEntry *entry,
              JsonNode            *value,
              GString             *path,
              GQuark               domain,
              int                  code,
              GError             **error)
{
  const WmSchemaEntry *layout = member_layout (entry, parent);
  gsize len = path->len;
  gboolean ok = TRUE;

  if (entry->kind == WM_SCHEMA_DYNAMIC_ARRAY)
    layout = NULL;
  else if (layout == NULL || entry->kind == WM_SCHEMA_VALUE)
    return TRUE;

  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append (path, entry->key);

  if ((entry->kind == WM_SCHEMA_OBJECT || entry->kind == WM_SCHEMA_DYNAMIC)
      && JSON_NODE_HOLDS_OBJECT (value))
    ok = check_object (json_node_get_object (value), layout, path, domain, code, error);
  else if ((entry->kind == WM_SCHEMA_OBJECT_ARRAY || entry->kind == WM_SCHEMA_DYNAMIC_ARRAY)
           && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      guint n = json_array_get_length (array);
      gsize item_len = path->len;

      for (guint i = 0; ok && i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const WmSchemaEntry *item_layout = layout;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          if (entry->kind == WM_SCHEMA_DYNAMIC_ARRAY)
            item_layout = entry->resolve (json_node_get_object (item));
          if (item_layout == NULL)
            continue;
          g_string_append_printf (path, "[%u]", i);
          ok = check_object (json_node_get_object (item), item_layout, path, domain, code, error);
          g_string_truncate (path, item_len);
        }
    }

  g_string_truncate (path, len);
  return ok;
}

static gboolean
check_object (JsonObject          *object,
              const WmSchemaEntry *layout,
              GString             *path,
              GQuark               domain,
              int                  code,
              GError             **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      const WmSchemaEntry *entry;

      if (g_str_has_prefix (key, "x-"))
        continue;
      entry = find_entry (layout, key);
      if (entry == NULL)
        {
          if (path->len > 0)
            g_set_error (error, domain, code, "%s: unknown key '%s'", path->str, key);
          else
            g_set_error (error, domain, code, "unknown key '%s'", key);
          return FALSE;
        }
      if (!check_member (object, entry, value, path, domain, code, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
wm_schema_check_keys (JsonObject          *object,
                      const WmSchemaEntry *layout,
                      const char          *path,
                      GQuark               domain,
                      int                  code,
                      GError             **error)
{
  g_autoptr(GString) buf = g_string_new (path);

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (layout != NULL, FALSE);

  return check_object (object, layout, buf, domain, code, error);
}

static JsonNode *canonical_object (JsonObject *, const WmSchemaEntry *);

static JsonNode *
canonical_member (JsonObject          *parent,
                  const WmSchemaEntry *entry,
                  JsonNode            *value)
{
  const WmSchemaEntry *layout = entry != NULL ? member_layout (entry, parent) : NULL;

  if (entry != NULL && entry->kind == WM_SCHEMA_DYNAMIC_ARRAY)
    layout = NULL;
  else if (layout == NULL || entry->kind == WM_SCHEMA_VALUE)
    return json_node_ref (value);

  if ((entry->kind == WM_SCHEMA_OBJECT || entry->kind == WM_SCHEMA_DYNAMIC)
      && JSON_NODE_HOLDS_OBJECT (value))
    return canonical_object (json_node_get_object (value), layout);

  if ((entry->kind == WM_SCHEMA_OBJECT_ARRAY || entry->kind == WM_SCHEMA_DYNAMIC_ARRAY)
      && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);
      guint n = json_array_get_length (array);
      JsonArray *copy = json_array_sized_new (n);
      JsonNode *node;

      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const WmSchemaEntry *item_layout = layout;

          if (JSON_NODE_HOLDS_OBJECT (item) && entry->kind == WM_SCHEMA_DYNAMIC_ARRAY)
            item_layout = entry->resolve (json_node_get_object (item));
          if (JSON_NODE_HOLDS_OBJECT (item) && item_layout != NULL)
            json_array_add_element (copy, canonical_object (json_node_get_object (item), item_layout));
          else
            json_array_add_element (copy, json_node_ref (item));
        }
      node = json_node_alloc ();
      json_node_init_array (node, copy);
      json_array_unref (copy);
      return node;
    }

  return json_node_ref (value);
}

static JsonNode *
canonical_object (JsonObject          *object,
                  const WmSchemaEntry *layout)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonNode *node;

  for (const WmSchemaEntry *e = layout; e->key != NULL; e++)
    {
      value = json_object_get_member (object, e->key);
      if (value != NULL)
        json_object_set_member (copy, e->key, canonical_member (object, e, value));
    }

  /* Then the rest (x- keys) in the order they are held. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    if (find_entry (layout, key) == NULL)
      json_object_set_member (copy, key, json_node_ref (value));

  node = json_node_alloc ();
  json_node_init_object (node, copy);
  json_object_unref (copy);
  return node;
}

JsonNode *
wm_schema_canonicalize (JsonNode            *node,
                        const WmSchemaEntry *layout)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_node_ref (node);
  return canonical_object (json_node_get_object (node), layout);
}
