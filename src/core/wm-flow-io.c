/* wm-flow-io.c - reading and writing flow files (flow-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "wm-catalogue.h"
#include "wm-flow-io.h"
#include "wm-json.h"
#include "wm-model-private.h"
#include "wm-schema.h"
#include "wm-time.h"

G_DEFINE_QUARK (wm-flow-error-quark, wm_flow_error)

/* The layout of a flow document, in canonical key order. */

#define V(k) { k, WM_SCHEMA_VALUE, NULL, NULL }
#define O(k, s) { k, WM_SCHEMA_OBJECT, s, NULL }
#define A(k, s) { k, WM_SCHEMA_OBJECT_ARRAY, s, NULL }
#define D(k, f) { k, WM_SCHEMA_DYNAMIC, NULL, f }
#define END { NULL, 0, NULL, NULL }

static const WmSchemaEntry schedule_layout[] = { V ("start"), V ("end"), V ("indefinite"), END };
static const WmSchemaEntry limit_layout[] = { V ("count"), V ("period"), END };
static const WmSchemaEntry reentry_layout[] = { V ("enabled"), V ("delay"), A ("limits", limit_layout), END };
static const WmSchemaEntry goal_layout[] = { V ("event"), V ("value"), V ("window"), END };
static const WmSchemaEntry variable_layout[] = { V ("name"), V ("type"), V ("initial"), END };
static const WmSchemaEntry settings_layout[] = {
  O ("reentry", reentry_layout), O ("goal", goal_layout), A ("variables", variable_layout), END
};
static const WmSchemaEntry connection_layout[] = { V ("from"), V ("port"), V ("to"), END };

static const WmSchemaEntry window_layout[] = { V ("from"), V ("to"), V ("days"), V ("zone"), END };
static const WmSchemaEntry branch_layout[] = { V ("label"), V ("when"), END };
static const WmSchemaEntry variant_layout[] = { V ("label"), V ("weight"), END };
static const WmSchemaEntry assign_layout[] = { V ("variable"), V ("property"), END };

static const WmSchemaEntry *config_layout (JsonObject *element);

static const WmSchemaEntry element_layout[] = {
  V ("id"), V ("type"), V ("name"), V ("position"), D ("config", config_layout), END
};
static const WmSchemaEntry version_layout[] = {
  V ("number"), V ("status"), V ("created_at"), V ("launched_at"), V ("stopped_at"),
  O ("settings", settings_layout), A ("elements", element_layout),
  A ("connections", connection_layout), END
};
static const WmSchemaEntry flow_layout[] = {
  V ("format"), V ("format_version"), V ("id"), V ("name"), V ("description"),
  V ("timezone"), O ("schedule", schedule_layout), A ("versions", version_layout), END
};

/* The config layouts come from the element catalogue: one table for the
 * loader, the writer, the validator and the inspector. Built once. */
static GHashTable *config_layouts;

static WmSchemaEntry
field_entry (const WmFieldSpec *field)
{
  WmSchemaEntry e = V (field->name);

  switch (field->kind)
    {
    case WM_FIELD_SEND_WINDOW:
      e.kind = WM_SCHEMA_OBJECT;
      e.sub = window_layout;
      break;
    case WM_FIELD_BRANCHES:
      e.kind = WM_SCHEMA_OBJECT_ARRAY;
      e.sub = branch_layout;
      break;
    case WM_FIELD_VARIANTS:
      e.kind = WM_SCHEMA_OBJECT_ARRAY;
      e.sub = variant_layout;
      break;
    case WM_FIELD_ASSIGN:
      e.kind = WM_SCHEMA_OBJECT_ARRAY;
      e.sub = assign_layout;
      break;
    case WM_FIELD_TEXT:
    case WM_FIELD_EVENT_NAME:
    case WM_FIELD_TEMPLATE:
    case WM_FIELD_EXPRESSION:
    case WM_FIELD_CHOICE:
    case WM_FIELD_DURATION:
    case WM_FIELD_CLOCK:
    case WM_FIELD_DAYS:
    case WM_FIELD_INTEGER:
    case WM_FIELD_EMAIL:
    case WM_FIELD_ELEMENT:
    case WM_FIELD_REACTION:
    case WM_FIELD_VARIABLE:
    case WM_FIELD_ATTRIBUTE:
    case WM_FIELD_MILESTONE:
    case WM_FIELD_OUTCOME:
    case WM_FIELD_FLOW:
    case WM_FIELD_TRANSFER:
    default:
      break;
    }
  return e;
}

static gpointer
build_config_layouts (gpointer data)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < wm_catalogue_get_n_types (); i++)
    {
      const WmElementType *type = wm_catalogue_get_type_at (i);
      WmSchemaEntry *layout = g_new0 (WmSchemaEntry, type->n_fields + 1);

      for (guint j = 0; j < type->n_fields; j++)
        layout[j] = field_entry (&type->fields[j]);
      g_hash_table_insert (table, (gpointer) type->type, layout);
    }
  config_layouts = table;
  return table;
}

static const WmSchemaEntry *
config_layout (JsonObject *element)
{
  static GOnce once = G_ONCE_INIT;
  const char *type = _wm_json_object_get_string (element, "type");

  g_once (&once, build_config_layouts, NULL);
  return type != NULL ? g_hash_table_lookup (config_layouts, type) : NULL;
}

/* Shape checks: what flow-format.md's Loading paragraph refuses beyond
 * JSON syntax and unknown keys. */

static gboolean
shape_error (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
shape_error (GError    **error,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, WM_FLOW_ERROR, WM_FLOW_ERROR_SHAPE, message);
  return FALSE;
}

static gboolean
node_is_present (JsonNode *node)
{
  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static gboolean
node_get_integer (JsonNode *node,
                  gint64   *out)
{
  double d;

  if (!_wm_json_node_is_number (node))
    return FALSE;
  d = json_node_get_double (node);
  /* Range first: converting a double outside gint64 is undefined. */
  if (!(d >= -1e15 && d <= 1e15) || d != (double) (gint64) d)
    return FALSE;
  *out = (gint64) d;
  return TRUE;
}

static gboolean
check_element_shape (JsonNode   *item,
                     guint       v,
                     guint       e,
                     GError    **error)
{
  JsonObject *object;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (item))
    return shape_error (error, "versions[%u].elements[%u]: an element must be an object", v, e);
  object = json_node_get_object (item);

  if (_wm_json_object_get_string (object, "id") == NULL)
    return shape_error (error, "versions[%u].elements[%u]: the element has no string 'id'", v, e);
  type = _wm_json_object_get_string (object, "type");
  if (type == NULL)
    return shape_error (error, "versions[%u].elements[%u]: the element has no string 'type'", v, e);
  if (wm_catalogue_lookup (type) == NULL)
    return shape_error (error, "versions[%u].elements[%u].type: unknown element type '%s'",
                        v, e, type);
  return TRUE;
}

static gboolean
check_version_shape (JsonNode  *item,
                     guint      v,
                     gint64    *previous_number,
                     GError   **error)
{
  JsonObject *object;
  JsonNode *node;
  gint64 number;
  const char *text;
  gint64 t;

  if (!JSON_NODE_HOLDS_OBJECT (item))
    return shape_error (error, "versions[%u]: a version must be an object", v);
  object = json_node_get_object (item);

  node = json_object_get_member (object, "number");
  if (!node_get_integer (node, &number))
    return shape_error (error, "versions[%u].number: every version needs an integer 'number'", v);
  if (v == 0 && number != 1)
    return shape_error (error, "versions[0].number: the first version must be number 1, not %" G_GINT64_FORMAT,
                        number);
  if (v > 0 && number <= *previous_number)
    return shape_error (error, "versions[%u].number: version numbers must increase, but %" G_GINT64_FORMAT
                        " follows %" G_GINT64_FORMAT, v, number, *previous_number);
  if (number > G_MAXINT32)
    return shape_error (error, "versions[%u].number: %" G_GINT64_FORMAT " is too large", v, number);
  *previous_number = number;

  if (!node_is_present (json_object_get_member (object, "status")))
    return shape_error (error, "versions[%u]: the version has no 'status'", v);
  text = _wm_json_object_get_string (object, "status");
  if (text == NULL || wm_version_status_from_string (text) < 0)
    return shape_error (error, "versions[%u].status: must be one of draft, scheduled, active, "
                        "paused, finishing, finished, stopped or canceled", v);

  if (!node_is_present (json_object_get_member (object, "created_at")))
    return shape_error (error, "versions[%u]: the version has no 'created_at'", v);
  text = _wm_json_object_get_string (object, "created_at");
  if (text == NULL || !wm_timestamp_parse (text, -1, &t))
    return shape_error (error, "versions[%u].created_at: must be a timestamp such as "
                        "2026-01-03T09:12:00Z", v);

  node = json_object_get_member (object, "elements");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *elements = json_node_get_array (node);
      guint n = json_array_get_length (elements);

      for (guint e = 0; e < n; e++)
        if (!check_element_shape (json_array_get_element (elements, e), v, e, error))
          return FALSE;
    }

  return TRUE;
}

static gboolean check_flow_document (JsonNode *root, GError **error);

WmFlow *
wm_flow_load_from_node (JsonNode  *root,
                        GError   **error)
{
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  if (!check_flow_document (root, error))
    return NULL;
  copy = wm_json_node_deep_copy (root);
  return _wm_flow_new_take (json_node_get_object (copy));
}

/* A tree the loader owns (parsed from data or a file) becomes the model
 * without a copy. */
static WmFlow *
load_owned (JsonNode  *root,
            GError   **error)
{
  if (!check_flow_document (root, error))
    return NULL;
  return _wm_flow_new_take (json_node_get_object (root));
}

static gboolean
check_flow_document (JsonNode  *root,
                     GError   **error)
{
  JsonObject *object;
  JsonNode *node;
  const char *format;
  JsonArray *versions;
  gint64 number = 0;
  gint64 format_version;


  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WM_FLOW_ERROR, WM_FLOW_ERROR_NOT_A_FLOW,
                           "not a Waymark flow: the document is not a JSON object");
      return FALSE;
    }
  object = json_node_get_object (root);

  format = _wm_json_object_get_string (object, "format");
  if (g_strcmp0 (format, "waymark.flow") != 0)
    {
      if (format != NULL)
        g_set_error (error, WM_FLOW_ERROR, WM_FLOW_ERROR_NOT_A_FLOW,
                     "not a Waymark flow: 'format' is '%s', expected 'waymark.flow'", format);
      else
        g_set_error_literal (error, WM_FLOW_ERROR, WM_FLOW_ERROR_NOT_A_FLOW,
                             "not a Waymark flow: 'format' must be 'waymark.flow'");
      return FALSE;
    }
  if (!node_get_integer (json_object_get_member (object, "format_version"), &format_version)
      || format_version != 1)
    {
      g_set_error_literal (error, WM_FLOW_ERROR, WM_FLOW_ERROR_NOT_A_FLOW,
                           "format_version: this Waymark reads flow format version 1 only");
      return FALSE;
    }

  if (!wm_schema_check_keys (object, flow_layout, "", WM_FLOW_ERROR,
                             WM_FLOW_ERROR_UNKNOWN_KEY, error))
    return FALSE;

  if (!node_is_present (json_object_get_member (object, "id")))
    {
      shape_error (error, "the flow has no 'id'");
      return FALSE;
    }

  node = json_object_get_member (object, "versions");
  if (!node_is_present (node))
    {
      shape_error (error, "the flow has no 'versions'");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      shape_error (error, "versions: must be an array of versions");
      return FALSE;
    }
  versions = json_node_get_array (node);
  if (json_array_get_length (versions) == 0)
    {
      shape_error (error, "versions: a flow needs at least one version");
      return FALSE;
    }
  for (guint v = 0; v < json_array_get_length (versions); v++)
    if (!check_version_shape (json_array_get_element (versions, v), v, &number, error))
      return FALSE;

  return TRUE;
}

WmFlow *
wm_flow_load_from_data (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  root = wm_json_parse (data, length, 0, NULL, NULL, &local_error);
  if (root == NULL)
    {
      g_set_error_literal (error, WM_FLOW_ERROR, WM_FLOW_ERROR_JSON, local_error->message);
      return NULL;
    }
  return load_owned (root, error);
}

WmFlow *
wm_flow_load_from_file (const char  *path,
                        GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  root = wm_json_parse_file (path, error);
  if (root == NULL)
    return NULL;
  return load_owned (root, error);
}

JsonNode *
wm_flow_to_canonical_node (WmFlow *flow)
{
  g_autoptr(JsonNode) raw = NULL;

  g_return_val_if_fail (WM_IS_FLOW (flow), NULL);

  raw = wm_flow_to_json (flow);
  return wm_schema_canonicalize (raw, flow_layout);
}

JsonNode *
wm_element_to_canonical_node (WmElement *element)
{
  g_autoptr(JsonNode) raw = json_node_alloc ();

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);

  json_node_init_object (raw, wm_element_get_json (element));
  return wm_schema_canonicalize (raw, element_layout);
}

char *
wm_flow_to_canonical (WmFlow *flow,
                      gsize  *length)
{
  g_autoptr(JsonNode) node = wm_flow_to_canonical_node (flow);

  return wm_json_to_canonical (node, length);
}

gboolean
wm_flow_save_to_file (WmFlow      *flow,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  gsize length, old_length;

  g_return_val_if_fail (WM_IS_FLOW (flow), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = wm_flow_to_canonical (flow, &length);

  /* Saving an unchanged flow changes nothing, not even the file's time. */
  if (g_file_get_contents (path, &old, &old_length, NULL)
      && old_length == length && memcmp (old, text, length) == 0)
    return TRUE;

  return g_file_set_contents_full (path, text, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0666, error);
}
