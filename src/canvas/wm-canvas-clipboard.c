/* wm-canvas-clipboard.c - elements on the clipboard, as flow-format JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-canvas-clipboard.h"
#include "wm-flow-io.h"
#include "wm-json.h"

char *
wm_clipboard_serialize (WmVersion          *version,
                        const char * const *ids,
                        guint               n_ids)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *elements, *connections;
  guint n;

  g_return_val_if_fail (WM_IS_VERSION (version), NULL);
  g_return_val_if_fail (n_ids == 0 || ids != NULL, NULL);

  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (wanted, (gpointer) ids[i]);

  object = json_object_new ();
  elements = json_array_new ();
  connections = json_array_new ();

  n = wm_version_get_n_elements (version);
  for (guint i = 0; i < n; i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);

      if (g_hash_table_contains (wanted, wm_element_get_id (element)))
        json_array_add_element (elements, wm_element_to_canonical_node (element));
    }
  n = wm_version_get_n_connections (version);
  for (guint i = 0; i < n; i++)
    {
      WmConnection *connection = wm_version_get_connection_at (version, i);
      const char *from = wm_connection_get_from (connection);
      const char *to = wm_connection_get_to (connection);

      if (from != NULL && to != NULL && wm_connection_get_port (connection) != NULL
          && g_hash_table_contains (wanted, from) && g_hash_table_contains (wanted, to))
        json_array_add_element (connections,
                                wm_json_node_deep_copy (wm_connection_get_json (connection)));
    }

  json_object_set_array_member (object, "elements", elements);
  json_object_set_array_member (object, "connections", connections);
  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return wm_json_to_canonical (root, NULL);
}

char *
wm_clipboard_free_id (WmVersion  *version,
                      GHashTable *taken)
{
  g_return_val_if_fail (WM_IS_VERSION (version), NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", n);

      if (wm_version_find_element (version, id) == NULL
          && (taken == NULL || !g_hash_table_contains (taken, id)))
        return g_steal_pointer (&id);
    }
}

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Case-folded names of the version, to keep pasted names unique as
 * flow-format.md asks. */
static GHashTable *
collect_names (WmVersion *version)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = wm_version_get_n_elements (version);

  for (guint i = 0; i < n; i++)
    {
      const char *name = wm_element_get_name (wm_version_get_element_at (version, i));

      if (name != NULL)
        g_hash_table_add (names, g_utf8_casefold (name, -1));
    }
  return names;
}

static char *
unique_name (GHashTable *names,
             const char *name)
{
  char *folded = g_utf8_casefold (name, -1);

  if (!g_hash_table_contains (names, folded))
    {
      g_hash_table_add (names, folded);
      return NULL;
    }
  g_free (folded);
  for (guint n = 2;; n++)
    {
      char *candidate = g_strdup_printf ("%s %u", name, n);

      folded = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (names, folded))
        {
          g_hash_table_add (names, folded);
          return candidate;
        }
      g_free (folded);
      g_free (candidate);
    }
}

gboolean
wm_clipboard_parse (const char  *text,
                    WmVersion   *version,
                    double       dx,
                    double       dy,
                    GPtrArray  **elements_out,
                    GPtrArray  **connections_out,
                    GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GHashTable) renamed = NULL;   /* old id -> new id */
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GHashTable) names = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (WM_IS_VERSION (version), FALSE);
  g_return_val_if_fail (elements_out != NULL && connections_out != NULL, FALSE);

  root = wm_json_parse (text, -1, 0, NULL, NULL, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root)
      || (node = json_object_get_member (json_node_get_object (root), "elements")) == NULL
      || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The clipboard holds no flow elements: copy elements in Waymark first"));
      return FALSE;
    }
  object = json_node_get_object (root);
  array = json_node_get_array (node);

  elements = g_ptr_array_new_with_free_func (g_object_unref);
  connections = g_ptr_array_new_with_free_func (g_object_unref);
  renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names = collect_names (version);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(JsonNode) copy = NULL;
      g_autoptr(WmElement) element = NULL;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      JsonObject *element_object;
      const char *old_id, *type;
      double x = 0, y = 0;

      if (!JSON_NODE_HOLDS_OBJECT (item)
          || (old_id = string_member (json_node_get_object (item), "id")) == NULL
          || (type = string_member (json_node_get_object (item), "type")) == NULL
          || wm_catalogue_lookup (type) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Element %u on the clipboard has no id or no known type"), i + 1);
          return FALSE;
        }
      if (g_hash_table_contains (renamed, old_id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The clipboard holds element ‘%s’ twice"), old_id);
          return FALSE;
        }

      copy = wm_json_node_deep_copy (item);
      element_object = json_node_get_object (copy);
      element = wm_element_new_from_json (element_object);

      if (wm_version_find_element (version, old_id) != NULL
          || g_hash_table_contains (taken, old_id))
        id = wm_clipboard_free_id (version, taken);
      else
        id = g_strdup (old_id);
      wm_element_set_id (element, id);
      g_hash_table_insert (renamed, g_strdup (old_id), g_strdup (id));
      g_hash_table_add (taken, g_steal_pointer (&id));

      if (wm_element_get_name (element) != NULL
          && (name = unique_name (names, wm_element_get_name (element))) != NULL)
        wm_element_set_name (element, name);

      /* An element without a position is pasted at the offset. */
      wm_element_get_position (element, &x, &y);
      wm_element_set_position (element, x + dx, y + dy);
      g_ptr_array_add (elements, g_steal_pointer (&element));
    }

  node = json_object_get_member (object, "connections");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *connection;
          const char *from, *port, *to, *new_from, *new_to;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          connection = json_node_get_object (item);
          from = string_member (connection, "from");
          port = string_member (connection, "port");
          to = string_member (connection, "to");
          if (from == NULL || port == NULL || to == NULL)
            continue;
          new_from = g_hash_table_lookup (renamed, from);
          new_to = g_hash_table_lookup (renamed, to);
          if (new_from == NULL || new_to == NULL)
            continue;
          g_ptr_array_add (connections, wm_connection_new (new_from, port, new_to));
        }
    }

  *elements_out = g_steal_pointer (&elements);
  *connections_out = g_steal_pointer (&connections);
  return TRUE;
}
