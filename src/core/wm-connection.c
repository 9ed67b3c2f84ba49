/* wm-connection.c - a connection from an element's output port to an element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-connection.h"
#include "wm-json.h"
#include "wm-model-private.h"

struct _WmConnection
{
  GObject   parent_instance;
  JsonNode *json;
};

G_DEFINE_FINAL_TYPE (WmConnection, wm_connection, G_TYPE_OBJECT)

static void
wm_connection_finalize (GObject *object)
{
  WmConnection *self = (WmConnection *) object;

  g_clear_pointer (&self->json, json_node_unref);

  G_OBJECT_CLASS (wm_connection_parent_class)->finalize (object);
}

static void
wm_connection_class_init (WmConnectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_connection_finalize;
}

static void
wm_connection_init (WmConnection *self)
{
}

WmConnection *
wm_connection_new (const char *from,
                   const char *port,
                   const char *to)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  g_return_val_if_fail (from != NULL && port != NULL && to != NULL, NULL);

  json_object_set_string_member (object, "from", from);
  json_object_set_string_member (object, "port", port);
  json_object_set_string_member (object, "to", to);
  json_node_init_object (node, object);
  return wm_connection_new_from_json (node);
}

WmConnection *
_wm_connection_new_take (JsonNode *node)
{
  WmConnection *self = g_object_new (WM_TYPE_CONNECTION, NULL);

  self->json = json_node_ref (node);
  return self;
}

WmConnection *
wm_connection_new_from_json (JsonNode *node)
{
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  copy = wm_json_node_deep_copy (node);
  return _wm_connection_new_take (copy);
}

static const char *
get_member (WmConnection *self,
            const char   *key)
{
  g_return_val_if_fail (WM_IS_CONNECTION (self), NULL);

  if (!JSON_NODE_HOLDS_OBJECT (self->json))
    return NULL;
  return _wm_json_object_get_string (json_node_get_object (self->json), key);
}

const char *
wm_connection_get_from (WmConnection *self)
{
  return get_member (self, "from");
}

const char *
wm_connection_get_port (WmConnection *self)
{
  return get_member (self, "port");
}

const char *
wm_connection_get_to (WmConnection *self)
{
  return get_member (self, "to");
}

JsonNode *
wm_connection_get_json (WmConnection *self)
{
  g_return_val_if_fail (WM_IS_CONNECTION (self), NULL);
  return self->json;
}
