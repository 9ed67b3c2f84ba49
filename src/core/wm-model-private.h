/* wm-model-private.h - internals shared by the flow model's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

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

/* flow-format.md: an optional field given as null or "" is absent. */
static inline gboolean
_wm_json_is_absent (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         && *json_node_get_string (node) == '\0';
}

/* The string a node holds, or NULL when it holds anything else. */
static inline const char *
_wm_json_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The id syntax of flow-format.md: ^[A-Za-z0-9_-]{1,64}$. */
static inline gboolean
_wm_is_id (const char *text)
{
  gsize len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len < 1 || len > 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
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
