/* wm-model-private.h - internals shared by the flow model's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-flow.h"

G_BEGIN_DECLS

/* A JSON number as the strict reader makes them (double), or an int64 node
 * built by code. */
static inline gboolean
_wm_json_node_is_number (JsonNode *node)
{
  GType t;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_DOUBLE || t == G_TYPE_INT64;
}

static inline const char *
_wm_json_object_get_string (JsonObject *object,
                            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Build a model from a tree nobody else holds, without copying it. */
WmFlow       *_wm_flow_new_take        (JsonObject *json);
WmVersion    *_wm_version_new_take     (JsonObject *json);
WmConnection *_wm_connection_new_take  (JsonNode   *node);

void  _wm_version_changed     (WmVersion *version);
void  _wm_version_set_flow    (WmVersion *version,
                               WmFlow    *flow);
void  _wm_flow_changed        (WmFlow    *flow);

G_END_DECLS
