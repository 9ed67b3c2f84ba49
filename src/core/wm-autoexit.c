/* wm-autoexit.c - explicit exits for unconnected output ports at launch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-autoexit.h"
#include "wm-model-private.h"

static char *
exit_id (GHashTable *taken,
         const char *element,
         const char *port,
         guint      *next_n)
{
  char *id = g_strdup_printf ("%s-%s", element, port);

  if (strlen (id) <= 64 && !g_hash_table_contains (taken, id))
    return id;
  g_free (id);

  for (;; (*next_n)++)
    {
      id = g_strdup_printf ("exit-%u", *next_n);
      if (!g_hash_table_contains (taken, id))
        return id;
      g_free (id);
    }
}

guint
wm_version_insert_exits (WmVersion *version)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) connected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_connections, added = 0, next_n = 1;

  g_return_val_if_fail (WM_IS_VERSION (version), 0);

  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);

      g_hash_table_add (taken, g_strdup (wm_element_get_id (element)));
      g_ptr_array_add (originals, g_object_ref (element));
    }

  n_connections = wm_version_get_n_connections (version);
  for (guint i = 0; i < n_connections; i++)
    {
      WmConnection *connection = wm_version_get_connection_at (version, i);

      if (wm_connection_get_from (connection) != NULL && wm_connection_get_port (connection) != NULL)
        g_hash_table_add (connected, g_strdup_printf ("%s\x1f%s", wm_connection_get_from (connection),
                                                      wm_connection_get_port (connection)));
    }

  for (guint i = 0; i < originals->len; i++)
    {
      WmElement *element = originals->pdata[i];
      g_auto(GStrv) ports = wm_element_list_ports (element);
      const char *id = wm_element_get_id (element);
      double x, y;

      wm_element_get_position (element, &x, &y);

      for (guint p = 0; ports[p] != NULL; p++)
        {
          g_autofree char *key = g_strdup_printf ("%s\x1f%s", id, ports[p]);
          g_autofree char *new_id = NULL;
          g_autoptr(JsonObject) object = NULL;
          g_autoptr(WmElement) exit_element = NULL;
          g_autoptr(WmConnection) connection = NULL;
          JsonArray *position;

          if (g_hash_table_contains (connected, key))
            continue;

          new_id = exit_id (taken, id, ports[p], &next_n);
          g_hash_table_add (taken, g_strdup (new_id));

          object = json_object_new ();
          json_object_set_string_member (object, "id", new_id);
          json_object_set_string_member (object, "type", "exit");
          position = json_array_sized_new (2);
          json_array_add_double_element (position, x + 240);
          json_array_add_double_element (position, y);
          json_object_set_array_member (object, "position", position);

          exit_element = wm_element_new_from_json (object);
          wm_version_insert_element (version, wm_version_get_n_elements (version), exit_element);
          connection = wm_connection_new (id, ports[p], new_id);
          wm_version_insert_connection (version, wm_version_get_n_connections (version), connection);
          added++;
        }
    }

  return added;
}
