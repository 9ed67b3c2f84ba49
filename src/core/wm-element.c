/* wm-element.c - one element of a flow version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-element.h"
#include "wm-json.h"
#include "wm-model-private.h"

struct _WmElement
{
  GObject     parent_instance;

  JsonObject *json;
  WmVersion  *version;   /* not owned: the version holding us */
  /* The type never changes (no setter writes "type"), so it is looked up
   * once: validation and the canvas ask for it constantly. */
  const WmElementType *type;
};

G_DEFINE_FINAL_TYPE (WmElement, wm_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TYPE_NAME,
  PROP_NAME,
  PROP_POSITION,
  N_PROPS
};

enum {
  CONFIG_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
wm_element_finalize (GObject *object)
{
  WmElement *self = (WmElement *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (wm_element_parent_class)->finalize (object);
}

static void
wm_element_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmElement *self = WM_ELEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, wm_element_get_id (self));
      break;
    case PROP_TYPE_NAME:
      g_value_set_string (value, wm_element_get_type_name (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, wm_element_get_name (self));
      break;
    case PROP_POSITION:
      /* Notification only: read it with wm_element_get_position(). */
      g_value_set_pointer (value, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_element_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmElement *self = WM_ELEMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      wm_element_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_element_class_init (WmElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_element_finalize;
  object_class->get_property = wm_element_get_property;
  object_class->set_property = wm_element_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_pointer ("position", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmElement::config-changed:
   * @key: the config key that changed, or NULL when the whole config did
   *
   * Emitted after a config member was set or removed. Detailed by the key.
   */
  signals[CONFIG_CHANGED] =
    g_signal_new ("config-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wm_element_init (WmElement *self)
{
}

static void
changed (WmElement *self)
{
  if (self->version != NULL)
    _wm_version_changed (self->version);
}

WmElement *
wm_element_new (const char *id,
                const char *type)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (wm_catalogue_lookup (type) != NULL, NULL);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "type", type);
  json_object_set_array_member (object, "position", json_array_new ());
  json_array_add_double_element (json_object_get_array_member (object, "position"), 0);
  json_array_add_double_element (json_object_get_array_member (object, "position"), 0);
  json_object_set_object_member (object, "config", json_object_new ());

  return wm_element_new_from_json (object);
}

WmElement *
wm_element_new_from_json (JsonObject *object)
{
  WmElement *self;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (WM_TYPE_ELEMENT, NULL);
  self->json = json_object_ref (object);
  self->type = wm_catalogue_lookup (_wm_json_object_get_string (object, "type"));
  return self;
}

WmElement *
wm_element_copy (WmElement *self)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  json_node_init_object (node, self->json);
  copy = wm_json_node_deep_copy (node);
  return wm_element_new_from_json (json_node_get_object (copy));
}

WmVersion *
wm_element_get_version (WmElement *self)
{
  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);
  return self->version;
}

void
_wm_element_set_version (WmElement *self,
                         WmVersion *version)
{
  self->version = version;
}

static const char *
get_string_member (JsonObject *object,
                   const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

const char *
wm_element_get_id (WmElement *self)
{
  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);
  return get_string_member (self->json, "id");
}

void
wm_element_set_id (WmElement  *self,
                   const char *id)
{
  g_return_if_fail (WM_IS_ELEMENT (self));
  g_return_if_fail (id != NULL);

  json_object_set_string_member (self->json, "id", id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  changed (self);
}

const char *
wm_element_get_type_name (WmElement *self)
{
  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);
  return get_string_member (self->json, "type");
}

const WmElementType *
wm_element_get_element_type (WmElement *self)
{
  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);
  return self->type;
}

const char *
wm_element_get_name (WmElement *self)
{
  const char *name;

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  name = get_string_member (self->json, "name");
  return name != NULL && *name != '\0' ? name : NULL;
}

void
wm_element_set_name (WmElement  *self,
                     const char *name)
{
  g_return_if_fail (WM_IS_ELEMENT (self));

  if (g_strcmp0 (name, wm_element_get_name (self)) == 0
      && (name != NULL || !json_object_has_member (self->json, "name")))
    return;

  if (name == NULL || *name == '\0')
    json_object_remove_member (self->json, "name");
  else
    json_object_set_string_member (self->json, "name", name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  changed (self);
}

const char *
wm_element_get_display_name (WmElement *self)
{
  const char *name = wm_element_get_name (self);
  const WmElementType *type;

  if (name != NULL)
    return name;
  type = wm_element_get_element_type (self);
  return type != NULL ? _(type->label) : wm_element_get_type_name (self);
}

gboolean
wm_element_get_position (WmElement *self,
                         double    *x,
                         double    *y)
{
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (WM_IS_ELEMENT (self), FALSE);

  *x = *y = 0;
  node = json_object_get_member (self->json, "position");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != 2
      || !_wm_json_node_is_number (json_array_get_element (array, 0))
      || !_wm_json_node_is_number (json_array_get_element (array, 1)))
    return FALSE;
  *x = json_node_get_double (json_array_get_element (array, 0));
  *y = json_node_get_double (json_array_get_element (array, 1));
  return TRUE;
}

void
wm_element_set_position (WmElement *self,
                         double     x,
                         double     y)
{
  JsonArray *array;
  double ox, oy;

  g_return_if_fail (WM_IS_ELEMENT (self));

  if (wm_element_get_position (self, &ox, &oy) && ox == x && oy == y)
    return;

  array = json_array_sized_new (2);
  json_array_add_double_element (array, x);
  json_array_add_double_element (array, y);
  json_object_set_array_member (self->json, "position", array);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  changed (self);
}

JsonObject *
wm_element_get_config (WmElement *self)
{
  JsonNode *node;

  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);

  node = json_object_get_member (self->json, "config");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonNode *
wm_element_get_config_member (WmElement  *self,
                              const char *key)
{
  JsonObject *config = wm_element_get_config (self);

  return config != NULL ? json_object_get_member (config, key) : NULL;
}

const char *
wm_element_get_config_string (WmElement  *self,
                              const char *key)
{
  JsonObject *config = wm_element_get_config (self);
  const char *value;

  if (config == NULL)
    return NULL;
  value = get_string_member (config, key);
  return value != NULL && *value != '\0' ? value : NULL;
}

void
wm_element_set_config_member (WmElement  *self,
                              const char *key,
                              JsonNode   *value)
{
  JsonObject *config;

  g_return_if_fail (WM_IS_ELEMENT (self));
  g_return_if_fail (key != NULL);

  config = wm_element_get_config (self);
  if (config == NULL)
    {
      if (value == NULL && !json_object_has_member (self->json, "config"))
        return;
      config = json_object_new ();
      json_object_set_object_member (self->json, "config", config);
    }

  if (value == NULL)
    {
      if (!json_object_has_member (config, key))
        return;
      json_object_remove_member (config, key);
    }
  else
    json_object_set_member (config, key, wm_json_node_deep_copy (value));

  g_signal_emit (self, signals[CONFIG_CHANGED], g_quark_from_string (key), key);
  changed (self);
}

void
wm_element_set_config_string (WmElement  *self,
                              const char *key,
                              const char *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    {
      node = json_node_alloc ();
      json_node_init_string (node, value);
    }
  wm_element_set_config_member (self, key, node);
}

void
wm_element_replace_config (WmElement *self,
                           JsonNode  *config)
{
  g_return_if_fail (WM_IS_ELEMENT (self));

  if (config == NULL)
    json_object_remove_member (self->json, "config");
  else
    json_object_set_member (self->json, "config", wm_json_node_deep_copy (config));

  g_signal_emit (self, signals[CONFIG_CHANGED], 0, NULL);
  changed (self);
}

char **
wm_element_list_ports (WmElement *self)
{
  const WmElementType *type = wm_element_get_element_type (self);

  if (type == NULL)
    return g_new0 (char *, 1);
  return wm_element_type_list_ports (type, wm_element_get_config (self));
}

gboolean
wm_element_has_port (WmElement  *self,
                     const char *port)
{
  const WmElementType *type = wm_element_get_element_type (self);

  return type != NULL && wm_element_type_has_port (type, wm_element_get_config (self), port);
}

JsonObject *
wm_element_get_json (WmElement *self)
{
  g_return_val_if_fail (WM_IS_ELEMENT (self), NULL);
  return self->json;
}
