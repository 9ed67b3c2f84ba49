/* wm-version.c - one version of a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-json.h"
#include "wm-model-private.h"
#include "wm-time.h"
#include "wm-version.h"

struct _WmVersion
{
  GObject     parent_instance;

  JsonObject *json;          /* every member but valid elements/connections */
  GListStore *elements;
  GListStore *connections;
  /* Whether "elements" / "connections" were present as arrays: an absent
   * member stays absent when saved, unless something was added to it. */
  guint       had_elements : 1;
  guint       had_connections : 1;

  WmFlow     *flow;          /* not owned */
};

G_DEFINE_FINAL_TYPE (WmVersion, wm_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = {
  "draft", "scheduled", "active", "paused", "finishing", "finished", "stopped", "canceled",
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == WM_N_VERSION_STATUSES);

const char *
wm_version_status_to_string (WmVersionStatus status)
{
  g_return_val_if_fail (status < WM_N_VERSION_STATUSES, NULL);
  return status_names[status];
}

int
wm_version_status_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (status_names[i], name) == 0)
      return i;
  return -1;
}

const char *
wm_version_status_get_label (WmVersionStatus status)
{
  switch (status)
    {
    case WM_VERSION_DRAFT: return _("Draft");
    case WM_VERSION_SCHEDULED: return _("Scheduled");
    case WM_VERSION_ACTIVE: return _("Active");
    case WM_VERSION_PAUSED: return _("Paused");
    case WM_VERSION_FINISHING: return _("Finishing");
    case WM_VERSION_FINISHED: return _("Finished");
    case WM_VERSION_STOPPED: return _("Stopped");
    case WM_VERSION_CANCELED: return _("Canceled");
    case WM_N_VERSION_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
detach_elements (WmVersion *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->elements));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (G_LIST_MODEL (self->elements), i);
      _wm_element_set_version (element, NULL);
    }
}

static void
wm_version_dispose (GObject *object)
{
  WmVersion *self = (WmVersion *) object;

  if (self->elements != NULL)
    {
      detach_elements (self);
      g_clear_object (&self->elements);
    }
  g_clear_object (&self->connections);

  G_OBJECT_CLASS (wm_version_parent_class)->dispose (object);
}

static void
wm_version_finalize (GObject *object)
{
  WmVersion *self = (WmVersion *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (wm_version_parent_class)->finalize (object);
}

static void
wm_version_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmVersion *self = WM_VERSION (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, wm_version_get_number (self));
      break;
    case PROP_STATUS:
      g_value_set_int (value, wm_version_get_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_version_class_init (WmVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_version_dispose;
  object_class->finalize = wm_version_finalize;
  object_class->get_property = wm_version_get_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, WM_N_VERSION_STATUSES - 1, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_version_init (WmVersion *self)
{
  self->elements = g_list_store_new (WM_TYPE_ELEMENT);
  self->connections = g_list_store_new (WM_TYPE_CONNECTION);
}

void
_wm_version_changed (WmVersion *self)
{
  if (self->flow != NULL)
    _wm_flow_changed (self->flow);
}

void
_wm_version_set_flow (WmVersion *self,
                      WmFlow    *flow)
{
  self->flow = flow;
}

WmVersion *
wm_version_new (guint  number,
                gint64 created_at)
{
  g_autoptr(JsonObject) object = json_object_new ();
  char buf[32];

  json_object_set_double_member (object, "number", number);
  json_object_set_string_member (object, "status", "draft");
  json_object_set_string_member (object, "created_at", wm_timestamp_format (created_at, buf));
  json_object_set_array_member (object, "elements", json_array_new ());
  json_object_set_array_member (object, "connections", json_array_new ());
  return wm_version_new_from_json (object);
}

/* Takes @json (a reference) and uses it as is: the caller gives up a tree
 * nobody else holds (a freshly parsed or deep-copied document), so loading
 * copies nothing. */
WmVersion *
_wm_version_new_take (JsonObject *json)
{
  WmVersion *self;
  JsonNode *member;

  self = g_object_new (WM_TYPE_VERSION, NULL);
  self->json = json_object_ref (json);

  member = json_object_get_member (json, "elements");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          g_autoptr(WmElement) element = NULL;

          /* The loader refuses elements that are not objects. */
          g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (item), self);
          element = wm_element_new_from_json (json_node_get_object (item));
          _wm_element_set_version (element, self);
          g_list_store_append (self->elements, element);
        }
      self->had_elements = TRUE;
      json_object_remove_member (json, "elements");
    }

  member = json_object_get_member (json, "connections");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(WmConnection) connection = _wm_connection_new_take (json_array_get_element (array, i));
          g_list_store_append (self->connections, connection);
        }
      self->had_connections = TRUE;
      json_object_remove_member (json, "connections");
    }

  return self;
}

WmVersion *
wm_version_new_from_json (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  json_node_init_object (node, object);
  copy = wm_json_node_deep_copy (node);
  return _wm_version_new_take (json_node_get_object (copy));
}

WmVersion *
wm_version_copy (WmVersion *self,
                 guint      number)
{
  g_autoptr(JsonNode) node = NULL;
  WmVersion *copy;

  g_return_val_if_fail (WM_IS_VERSION (self), NULL);

  node = wm_version_to_json (self);
  copy = wm_version_new_from_json (json_node_get_object (node));
  json_object_set_double_member (copy->json, "number", number);
  return copy;
}

WmFlow *
wm_version_get_flow (WmVersion *self)
{
  g_return_val_if_fail (WM_IS_VERSION (self), NULL);
  return self->flow;
}

guint
wm_version_get_number (WmVersion *self)
{
  JsonNode *node;

  g_return_val_if_fail (WM_IS_VERSION (self), 0);

  node = json_object_get_member (self->json, "number");
  if (!_wm_json_node_is_number (node))
    return 0;
  return (guint) json_node_get_double (node);
}

WmVersionStatus
wm_version_get_status (WmVersion *self)
{
  int status;

  g_return_val_if_fail (WM_IS_VERSION (self), WM_VERSION_DRAFT);

  status = wm_version_status_from_string (_wm_json_object_get_string (self->json, "status"));
  return status < 0 ? WM_VERSION_DRAFT : (WmVersionStatus) status;
}

void
wm_version_set_status (WmVersion       *self,
                       WmVersionStatus  status)
{
  g_return_if_fail (WM_IS_VERSION (self));
  g_return_if_fail (status < WM_N_VERSION_STATUSES);

  if (status == wm_version_get_status (self))
    return;
  json_object_set_string_member (self->json, "status", status_names[status]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  _wm_version_changed (self);
}

gboolean
wm_version_get_timestamp (WmVersion  *self,
                          const char *key,
                          gint64     *out)
{
  const char *text;

  g_return_val_if_fail (WM_IS_VERSION (self), FALSE);

  text = _wm_json_object_get_string (self->json, key);
  return text != NULL && wm_timestamp_parse (text, -1, out);
}

void
wm_version_set_timestamp (WmVersion  *self,
                          const char *key,
                          gint64      t)
{
  char buf[32];

  g_return_if_fail (WM_IS_VERSION (self));

  json_object_set_string_member (self->json, key, wm_timestamp_format (t, buf));
  _wm_version_changed (self);
}

JsonNode *
wm_version_get_member (WmVersion  *self,
                       const char *key)
{
  g_return_val_if_fail (WM_IS_VERSION (self), NULL);
  return json_object_get_member (self->json, key);
}

void
wm_version_set_member (WmVersion  *self,
                       const char *key,
                       JsonNode   *value)
{
  g_return_if_fail (WM_IS_VERSION (self));
  g_return_if_fail (g_strcmp0 (key, "elements") != 0 && g_strcmp0 (key, "connections") != 0);

  if (value == NULL)
    {
      if (!json_object_has_member (self->json, key))
        return;
      json_object_remove_member (self->json, key);
    }
  else
    json_object_set_member (self->json, key, wm_json_node_deep_copy (value));

  if (g_strcmp0 (key, "status") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  _wm_version_changed (self);
}

JsonObject *
wm_version_get_settings (WmVersion *self)
{
  JsonNode *node = wm_version_get_member (self, "settings");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

GListModel *
wm_version_get_elements (WmVersion *self)
{
  g_return_val_if_fail (WM_IS_VERSION (self), NULL);
  return G_LIST_MODEL (self->elements);
}

GListModel *
wm_version_get_connections (WmVersion *self)
{
  g_return_val_if_fail (WM_IS_VERSION (self), NULL);
  return G_LIST_MODEL (self->connections);
}

guint
wm_version_get_n_elements (WmVersion *self)
{
  g_return_val_if_fail (WM_IS_VERSION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->elements));
}

/* GListStore hands out new references; the model keeps the element alive,
 * so give back a borrowed pointer like the rest of this API. */
WmElement *
wm_version_get_element_at (WmVersion *self,
                           guint      position)
{
  WmElement *element;

  g_return_val_if_fail (WM_IS_VERSION (self), NULL);

  element = g_list_model_get_item (G_LIST_MODEL (self->elements), position);
  if (element != NULL)
    g_object_unref (element);
  return element;
}

WmElement *
wm_version_find_element (WmVersion  *self,
                         const char *id)
{
  guint n = wm_version_get_n_elements (self);

  for (guint i = 0; i < n; i++)
    {
      WmElement *element = wm_version_get_element_at (self, i);

      if (g_strcmp0 (wm_element_get_id (element), id) == 0)
        return element;
    }
  return NULL;
}

gboolean
wm_version_find_element_position (WmVersion *self,
                                  WmElement *element,
                                  guint     *position)
{
  g_return_val_if_fail (WM_IS_VERSION (self), FALSE);
  return g_list_store_find (self->elements, element, position);
}

WmElement *
wm_version_get_entry (WmVersion *self)
{
  guint n = wm_version_get_n_elements (self);
  WmElement *entry = NULL;

  for (guint i = 0; i < n; i++)
    {
      WmElement *element = wm_version_get_element_at (self, i);
      const WmElementType *type = wm_element_get_element_type (element);

      if (type != NULL && type->category == WM_CATEGORY_ENTRY)
        {
          if (entry != NULL)
            return NULL;
          entry = element;
        }
    }
  return entry;
}

void
wm_version_insert_element (WmVersion *self,
                           guint      position,
                           WmElement *element)
{
  g_return_if_fail (WM_IS_VERSION (self));
  g_return_if_fail (WM_IS_ELEMENT (element));
  g_return_if_fail (wm_element_get_version (element) == NULL);

  position = MIN (position, wm_version_get_n_elements (self));
  _wm_element_set_version (element, self);
  g_list_store_insert (self->elements, position, element);
  _wm_version_changed (self);
}

void
wm_version_remove_element (WmVersion *self,
                           WmElement *element)
{
  guint position;

  g_return_if_fail (WM_IS_VERSION (self));

  if (!g_list_store_find (self->elements, element, &position))
    g_return_if_reached ();
  _wm_element_set_version (element, NULL);
  g_list_store_remove (self->elements, position);
  _wm_version_changed (self);
}

WmConnection *
wm_version_get_connection_at (WmVersion *self,
                              guint      position)
{
  WmConnection *connection;

  g_return_val_if_fail (WM_IS_VERSION (self), NULL);

  connection = g_list_model_get_item (G_LIST_MODEL (self->connections), position);
  if (connection != NULL)
    g_object_unref (connection);
  return connection;
}

guint
wm_version_get_n_connections (WmVersion *self)
{
  g_return_val_if_fail (WM_IS_VERSION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->connections));
}

WmConnection *
wm_version_find_connection (WmVersion  *self,
                            const char *from,
                            const char *port)
{
  guint n = wm_version_get_n_connections (self);

  for (guint i = 0; i < n; i++)
    {
      WmConnection *connection = wm_version_get_connection_at (self, i);

      if (g_strcmp0 (wm_connection_get_from (connection), from) == 0
          && g_strcmp0 (wm_connection_get_port (connection), port) == 0)
        return connection;
    }
  return NULL;
}

gboolean
wm_version_find_connection_position (WmVersion    *self,
                                     WmConnection *connection,
                                     guint        *position)
{
  g_return_val_if_fail (WM_IS_VERSION (self), FALSE);
  return g_list_store_find (self->connections, connection, position);
}

void
wm_version_insert_connection (WmVersion    *self,
                              guint         position,
                              WmConnection *connection)
{
  g_return_if_fail (WM_IS_VERSION (self));
  g_return_if_fail (WM_IS_CONNECTION (connection));

  position = MIN (position, wm_version_get_n_connections (self));
  g_list_store_insert (self->connections, position, connection);
  _wm_version_changed (self);
}

void
wm_version_remove_connection (WmVersion    *self,
                              WmConnection *connection)
{
  guint position;

  g_return_if_fail (WM_IS_VERSION (self));

  if (!g_list_store_find (self->connections, connection, &position))
    g_return_if_reached ();
  g_list_store_remove (self->connections, position);
  _wm_version_changed (self);
}

JsonNode *
wm_version_to_json (WmVersion *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  guint n;

  g_return_val_if_fail (WM_IS_VERSION (self), NULL);

  json_object_iter_init_ordered (&iter, self->json);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    json_object_set_member (object, key, json_node_ref (value));

  n = wm_version_get_n_elements (self);
  if (self->had_elements || n > 0)
    {
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        json_array_add_object_element (array,
                                       json_object_ref (wm_element_get_json (wm_version_get_element_at (self, i))));
      json_object_set_array_member (object, "elements", array);
    }

  n = wm_version_get_n_connections (self);
  if (self->had_connections || n > 0)
    {
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        json_array_add_element (array,
                                json_node_ref (wm_connection_get_json (wm_version_get_connection_at (self, i))));
      json_object_set_array_member (object, "connections", array);
    }

  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}
