/* wm-flow.c - a flow: its document-level fields and its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-json.h"
#include "wm-model-private.h"

struct _WmFlow
{
  GObject     parent_instance;

  JsonObject *json;       /* every member but versions */
  GListStore *versions;
};

G_DEFINE_FINAL_TYPE (WmFlow, wm_flow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
wm_flow_dispose (GObject *object)
{
  WmFlow *self = (WmFlow *) object;

  if (self->versions != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

      for (guint i = 0; i < n; i++)
        _wm_version_set_flow (wm_flow_get_version_at (self, i), NULL);
      g_clear_object (&self->versions);
    }

  G_OBJECT_CLASS (wm_flow_parent_class)->dispose (object);
}

static void
wm_flow_finalize (GObject *object)
{
  WmFlow *self = (WmFlow *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (wm_flow_parent_class)->finalize (object);
}

static void
wm_flow_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WmFlow *self = WM_FLOW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, wm_flow_get_id (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, wm_flow_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, wm_flow_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_flow_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WmFlow *self = WM_FLOW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      wm_flow_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      wm_flow_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_flow_class_init (WmFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_flow_dispose;
  object_class->finalize = wm_flow_finalize;
  object_class->get_property = wm_flow_get_property;
  object_class->set_property = wm_flow_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmFlow::changed:
   *
   * Emitted after any change of the document: a field, a version, an
   * element, a connection.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wm_flow_init (WmFlow *self)
{
  self->versions = g_list_store_new (WM_TYPE_VERSION);
}

void
_wm_flow_changed (WmFlow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

WmFlow *
wm_flow_new (const char *id,
             const char *name,
             gint64      created_at)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(WmVersion) version = NULL;
  WmFlow *self;

  g_return_val_if_fail (id != NULL, NULL);

  json_object_set_string_member (object, "format", "waymark.flow");
  json_object_set_double_member (object, "format_version", 1);
  json_object_set_string_member (object, "id", id);
  if (name != NULL)
    json_object_set_string_member (object, "name", name);
  json_object_set_array_member (object, "versions", json_array_new ());

  self = wm_flow_new_from_json (object);
  version = wm_version_new (1, created_at);
  wm_flow_append_version (self, version);
  return self;
}

/* Takes @json as is (see _wm_version_new_take). */
WmFlow *
_wm_flow_new_take (JsonObject *json)
{
  JsonNode *versions;
  WmFlow *self;

  self = g_object_new (WM_TYPE_FLOW, NULL);
  self->json = json_object_ref (json);

  versions = json_object_get_member (json, "versions");
  if (versions != NULL && JSON_NODE_HOLDS_ARRAY (versions))
    {
      JsonArray *array = json_node_get_array (versions);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          g_autoptr(WmVersion) version = NULL;

          g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (item), self);
          version = _wm_version_new_take (json_node_get_object (item));
          _wm_version_set_flow (version, self);
          g_list_store_append (self->versions, version);
        }
    }
  json_object_remove_member (json, "versions");

  return self;
}

WmFlow *
wm_flow_new_from_json (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  json_node_init_object (node, object);
  copy = wm_json_node_deep_copy (node);
  return _wm_flow_new_take (json_node_get_object (copy));
}

WmFlow *
wm_flow_copy (WmFlow *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (WM_IS_FLOW (self), NULL);

  node = wm_flow_to_json (self);
  return wm_flow_new_from_json (json_node_get_object (node));
}

static void
set_string (WmFlow     *self,
            const char *key,
            const char *value,
            guint       prop)
{
  if (value == NULL)
    {
      if (!json_object_has_member (self->json, key))
        return;
      json_object_remove_member (self->json, key);
    }
  else
    {
      const char *old = _wm_json_object_get_string (self->json, key);

      if (old != NULL && strcmp (old, value) == 0)
        return;
      json_object_set_string_member (self->json, key, value);
    }

  if (prop != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  _wm_flow_changed (self);
}

static const char *
get_nonempty_string (WmFlow     *self,
                     const char *key)
{
  const char *value = _wm_json_object_get_string (self->json, key);

  return value != NULL && *value != '\0' ? value : NULL;
}

const char *
wm_flow_get_id (WmFlow *self)
{
  g_return_val_if_fail (WM_IS_FLOW (self), NULL);
  return _wm_json_object_get_string (self->json, "id");
}

void
wm_flow_set_id (WmFlow     *self,
                const char *id)
{
  g_return_if_fail (WM_IS_FLOW (self));
  g_return_if_fail (id != NULL);
  set_string (self, "id", id, PROP_ID);
}

const char *
wm_flow_get_name (WmFlow *self)
{
  g_return_val_if_fail (WM_IS_FLOW (self), NULL);
  return get_nonempty_string (self, "name");
}

void
wm_flow_set_name (WmFlow     *self,
                  const char *name)
{
  g_return_if_fail (WM_IS_FLOW (self));
  set_string (self, "name", name, PROP_NAME);
}

const char *
wm_flow_get_description (WmFlow *self)
{
  g_return_val_if_fail (WM_IS_FLOW (self), NULL);
  return get_nonempty_string (self, "description");
}

void
wm_flow_set_description (WmFlow     *self,
                         const char *description)
{
  g_return_if_fail (WM_IS_FLOW (self));
  set_string (self, "description", description, PROP_DESCRIPTION);
}

const char *
wm_flow_get_timezone (WmFlow *self)
{
  const char *zone;
  JsonNode *node;

  g_return_val_if_fail (WM_IS_FLOW (self), NULL);

  node = json_object_get_member (self->json, "timezone");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "UTC";
  zone = _wm_json_object_get_string (self->json, "timezone");
  if (zone == NULL)
    return NULL;   /* wrong type: the validator reports it */
  return *zone != '\0' ? zone : "UTC";
}

JsonNode *
wm_flow_get_member (WmFlow     *self,
                    const char *key)
{
  g_return_val_if_fail (WM_IS_FLOW (self), NULL);
  return json_object_get_member (self->json, key);
}

void
wm_flow_set_member (WmFlow     *self,
                    const char *key,
                    JsonNode   *value)
{
  g_return_if_fail (WM_IS_FLOW (self));
  g_return_if_fail (g_strcmp0 (key, "versions") != 0);

  if (value == NULL)
    {
      if (!json_object_has_member (self->json, key))
        return;
      json_object_remove_member (self->json, key);
    }
  else
    json_object_set_member (self->json, key, wm_json_node_deep_copy (value));

  if (g_strcmp0 (key, "name") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  else if (g_strcmp0 (key, "description") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  else if (g_strcmp0 (key, "id") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  _wm_flow_changed (self);
}

JsonObject *
wm_flow_get_schedule (WmFlow *self)
{
  JsonNode *node = wm_flow_get_member (self, "schedule");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

GListModel *
wm_flow_get_versions (WmFlow *self)
{
  g_return_val_if_fail (WM_IS_FLOW (self), NULL);
  return G_LIST_MODEL (self->versions);
}

guint
wm_flow_get_n_versions (WmFlow *self)
{
  g_return_val_if_fail (WM_IS_FLOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->versions));
}

WmVersion *
wm_flow_get_version_at (WmFlow *self,
                        guint   position)
{
  WmVersion *version;

  g_return_val_if_fail (WM_IS_FLOW (self), NULL);

  /* Borrowed: the list keeps the version alive. */
  version = g_list_model_get_item (G_LIST_MODEL (self->versions), position);
  if (version != NULL)
    g_object_unref (version);
  return version;
}

WmVersion *
wm_flow_get_version (WmFlow *self,
                     guint   number)
{
  guint n = wm_flow_get_n_versions (self);

  for (guint i = 0; i < n; i++)
    {
      WmVersion *version = wm_flow_get_version_at (self, i);

      if (wm_version_get_number (version) == number)
        return version;
    }
  return NULL;
}

WmVersion *
wm_flow_get_latest_version (WmFlow *self)
{
  guint n = wm_flow_get_n_versions (self);

  return n > 0 ? wm_flow_get_version_at (self, n - 1) : NULL;
}

void
wm_flow_append_version (WmFlow    *self,
                        WmVersion *version)
{
  g_return_if_fail (WM_IS_FLOW (self));
  g_return_if_fail (WM_IS_VERSION (version));
  g_return_if_fail (wm_version_get_flow (version) == NULL);

  _wm_version_set_flow (version, self);
  g_list_store_append (self->versions, version);
  _wm_flow_changed (self);
}

void
wm_flow_remove_version (WmFlow    *self,
                        WmVersion *version)
{
  guint position;

  g_return_if_fail (WM_IS_FLOW (self));

  if (!g_list_store_find (self->versions, version, &position))
    g_return_if_reached ();
  _wm_version_set_flow (version, NULL);
  g_list_store_remove (self->versions, position);
  _wm_flow_changed (self);
}

JsonNode *
wm_flow_to_json (WmFlow *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonArray *versions;
  JsonNode *node;
  guint n;

  g_return_val_if_fail (WM_IS_FLOW (self), NULL);

  json_object_iter_init_ordered (&iter, self->json);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    json_object_set_member (object, key, json_node_ref (value));

  n = wm_flow_get_n_versions (self);
  versions = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    json_array_add_element (versions, wm_version_to_json (wm_flow_get_version_at (self, i)));
  json_object_set_array_member (object, "versions", versions);

  node = json_node_alloc ();
  json_node_init_object (node, object);
  return node;
}
