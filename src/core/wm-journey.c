/* wm-journey.c - a journey: stages that group flows (journeys.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-journey.h"
#include "wm-json.h"
#include "wm-model-private.h"
#include "wm-schema.h"

struct _WmJourney
{
  GObject     parent_instance;
  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (WmJourney, wm_journey, G_TYPE_OBJECT)
G_DEFINE_QUARK (wm-journey-error-quark, wm_journey_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wm_journey_finalize (GObject *object)
{
  WmJourney *self = (WmJourney *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (wm_journey_parent_class)->finalize (object);
}

static void
wm_journey_class_init (WmJourneyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_journey_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_journey_init (WmJourney *self)
{
}

/* The layout, in canonical key order (journeys.md, Document). */

#define V(k) { k, WM_SCHEMA_VALUE, NULL, NULL }
#define O(k, s) { k, WM_SCHEMA_OBJECT, s, NULL }
#define A(k, s) { k, WM_SCHEMA_OBJECT_ARRAY, s, NULL }
#define END { NULL, 0, NULL, NULL }

static const WmSchemaEntry *step_layout (JsonObject *step);

static const WmSchemaEntry journey_begins_layout[] = { V ("event"), V ("where"), END };
static const WmSchemaEntry stage_begins_layout[] = { V ("when"), V ("after"), END };
static const WmSchemaEntry stage_layout[] = {
  V ("id"), V ("name"), V ("description"), O ("begins", stage_begins_layout), V ("entry"),
  V ("completes"), { "steps", WM_SCHEMA_DYNAMIC_ARRAY, NULL, step_layout }, V ("flows"),
  V ("duration"), V ("behind"), V ("stuck"), END
};
static const WmSchemaEntry journey_layout[] = {
  V ("format"), V ("format_version"), V ("id"), V ("name"), V ("description"),
  O ("begins", journey_begins_layout), A ("stages", stage_layout), END
};

/* A step has only the keys of its kind: id, name, kind, the kind's fields,
 * required. A step of an unknown kind is not looked into (validation
 * reports the kind). */
static const WmSchemaEntry step_milestone[] = { V ("id"), V ("name"), V ("kind"), V ("milestone"), V ("flow"), V ("required"), END };
static const WmSchemaEntry step_outcome[] = { V ("id"), V ("name"), V ("kind"), V ("outcome"), V ("result"), V ("required"), END };
static const WmSchemaEntry step_event[] = { V ("id"), V ("name"), V ("kind"), V ("event"), V ("where"), V ("required"), END };
static const WmSchemaEntry step_flow[] = { V ("id"), V ("name"), V ("kind"), V ("flow"), V ("on"), V ("required"), END };
static const WmSchemaEntry step_task[] = { V ("id"), V ("name"), V ("kind"), V ("required"), END };

static const WmSchemaEntry *
step_layout (JsonObject *step)
{
  const char *kind = _wm_json_object_get_string (step, "kind");

  if (g_strcmp0 (kind, "milestone") == 0)
    return step_milestone;
  if (g_strcmp0 (kind, "outcome") == 0)
    return step_outcome;
  if (g_strcmp0 (kind, "event") == 0)
    return step_event;
  if (g_strcmp0 (kind, "flow") == 0)
    return step_flow;
  if (g_strcmp0 (kind, "task") == 0)
    return step_task;
  return NULL;
}

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
  g_set_error_literal (error, WM_JOURNEY_ERROR, WM_JOURNEY_ERROR_SHAPE, message);
  return FALSE;
}

static gboolean
check_ids (JsonArray  *array,
           const char *path,
           GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (item)
          || _wm_json_object_get_string (json_node_get_object (item), "id") == NULL)
        return shape_error (error, "%s[%u]: must be an object with a string 'id'", path, i);
    }
  return TRUE;
}

WmJourney *
wm_journey_load_from_node (JsonNode  *root,
                           GError   **error)
{
  JsonObject *object;
  JsonNode *node;
  JsonArray *stages;
  const char *format;
  WmJourney *self;

  g_return_val_if_fail (root != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WM_JOURNEY_ERROR, WM_JOURNEY_ERROR_NOT_A_JOURNEY,
                           "not a Waymark journey: the document is not a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);
  format = _wm_json_object_get_string (object, "format");
  if (g_strcmp0 (format, "waymark.journey") != 0)
    {
      g_set_error (error, WM_JOURNEY_ERROR, WM_JOURNEY_ERROR_NOT_A_JOURNEY,
                   "not a Waymark journey: 'format' is '%s', expected 'waymark.journey'",
                   format != NULL ? format : "");
      return NULL;
    }
  node = json_object_get_member (object, "format_version");
  if (!_wm_json_node_is_number (node) || json_node_get_double (node) != 1)
    {
      g_set_error_literal (error, WM_JOURNEY_ERROR, WM_JOURNEY_ERROR_NOT_A_JOURNEY,
                           "format_version: this Waymark reads journey format version 1 only");
      return NULL;
    }
  if (!wm_schema_check_keys (object, journey_layout, "", WM_JOURNEY_ERROR,
                             WM_JOURNEY_ERROR_UNKNOWN_KEY, error))
    return NULL;
  if (_wm_json_object_get_string (object, "id") == NULL)
    {
      shape_error (error, "the journey has no string 'id'");
      return NULL;
    }
  node = json_object_get_member (object, "stages");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      shape_error (error, "stages: the journey needs an array of stages");
      return NULL;
    }
  stages = json_node_get_array (node);
  if (!check_ids (stages, "stages", error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonNode *steps = json_object_get_member (json_node_get_object (json_array_get_element (stages, i)), "steps");
      g_autofree char *path = g_strdup_printf ("stages[%u].steps", i);

      if (steps != NULL && JSON_NODE_HOLDS_ARRAY (steps) && !check_ids (json_node_get_array (steps), path, error))
        return NULL;
    }

  self = g_object_new (WM_TYPE_JOURNEY, NULL);
  node = wm_json_node_deep_copy (root);
  self->json = json_object_ref (json_node_get_object (node));
  json_node_unref (node);
  return self;
}

WmJourney *
wm_journey_load_from_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  root = wm_json_parse (data, length, 0, NULL, NULL, &local_error);
  if (root == NULL)
    {
      g_set_error_literal (error, WM_JOURNEY_ERROR, WM_JOURNEY_ERROR_JSON, local_error->message);
      return NULL;
    }
  return wm_journey_load_from_node (root, error);
}

WmJourney *
wm_journey_load_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(JsonNode) root = wm_json_parse_file (path, error);

  return root != NULL ? wm_journey_load_from_node (root, error) : NULL;
}

char *
wm_journey_to_canonical (WmJourney *self,
                         gsize     *length)
{
  g_autoptr(JsonNode) raw = json_node_alloc ();
  g_autoptr(JsonNode) canonical = NULL;

  g_return_val_if_fail (WM_IS_JOURNEY (self), NULL);

  json_node_init_object (raw, self->json);
  canonical = wm_schema_canonicalize (raw, journey_layout);
  return wm_json_to_canonical (canonical, length);
}

gboolean
wm_journey_save_to_file (WmJourney   *self,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *text = NULL, *old = NULL;
  gsize length, old_length;

  text = wm_journey_to_canonical (self, &length);
  if (g_file_get_contents (path, &old, &old_length, NULL)
      && old_length == length && memcmp (old, text, length) == 0)
    return TRUE;
  return g_file_set_contents_full (path, text, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0666, error);
}

const char *
wm_journey_get_id (WmJourney *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY (self), NULL);
  return _wm_json_object_get_string (self->json, "id");
}

const char *
wm_journey_get_name (WmJourney *self)
{
  const char *name;

  g_return_val_if_fail (WM_IS_JOURNEY (self), NULL);
  name = _wm_json_object_get_string (self->json, "name");
  return name != NULL && *name != '\0' ? name : NULL;
}

JsonObject *
wm_journey_get_json (WmJourney *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY (self), NULL);
  return self->json;
}

void
wm_journey_changed (WmJourney *self)
{
  g_return_if_fail (WM_IS_JOURNEY (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

JsonArray *
wm_journey_get_stages (WmJourney *self)
{
  JsonNode *node;

  g_return_val_if_fail (WM_IS_JOURNEY (self), NULL);
  node = json_object_get_member (self->json, "stages");
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}
