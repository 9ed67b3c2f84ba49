/* wm-flow-diff.c - what changed between two versions of a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fields are compared on the JSON the elements were read as, so every
 * member counts (x- keys too) and nothing depends on the catalogue: a field
 * the catalogue does not know still shows as changed. Objects are walked
 * member by member and arrays of objects item by item, so a change deep in
 * a branch list names that one condition; arrays of plain values (a
 * position, a list of days) are one field, read best as a whole.
 */

#include "config.h"

#include "wm-flow.h"
#include "wm-flow-diff.h"
#include "wm-json.h"

struct _WmFlowDiff
{
  guint      older_number;
  guint      newer_number;
  GPtrArray *elements;     /* WmElementChange* */
  GPtrArray *connections;  /* WmConnectionChange* */
  GPtrArray *settings;     /* WmFieldChange* */
};

G_DEFINE_BOXED_TYPE (WmFlowDiff, wm_flow_diff, wm_flow_diff_ref, wm_flow_diff_unref)

static void
field_change_free (gpointer data)
{
  WmFieldChange *change = data;

  g_free (change->path);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

static void
element_change_free (gpointer data)
{
  WmElementChange *change = data;

  g_free (change->id);
  g_free (change->name);
  g_clear_object (&change->element);
  g_ptr_array_unref (change->fields);
  g_free (change);
}

static void
connection_change_free (gpointer data)
{
  WmConnectionChange *change = data;

  g_free (change->from);
  g_free (change->port);
  g_free (change->to);
  g_free (change);
}

char *
wm_flow_diff_value_text (JsonNode *node)
{
  GString *out;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
      && *json_node_get_string (node) != '\0')
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (json_array_get_length (array) == 2)
        {
          JsonNode *x = json_array_get_element (array, 0);
          JsonNode *y = json_array_get_element (array, 1);

          if (JSON_NODE_HOLDS_VALUE (x) && json_node_get_value_type (x) == G_TYPE_DOUBLE
              && JSON_NODE_HOLDS_VALUE (y) && json_node_get_value_type (y) == G_TYPE_DOUBLE)
            {
              char a[32], b[32];

              return g_strdup_printf ("%s, %s", wm_json_format_number (json_node_get_double (x), a),
                                      wm_json_format_number (json_node_get_double (y), b));
            }
        }
    }
  /* Numbers, booleans, "" and the rest in their JSON form. */
  out = g_string_new (NULL);
  wm_json_append_compact (out, node);
  return g_string_free (out, FALSE);
}

static void
add_field (GPtrArray  *fields,
           const char *path,
           JsonNode   *old_value,
           JsonNode   *new_value)
{
  WmFieldChange *change = g_new0 (WmFieldChange, 1);

  change->path = g_strdup (path);
  change->old_text = wm_flow_diff_value_text (old_value);
  change->new_text = wm_flow_diff_value_text (new_value);
  g_ptr_array_add (fields, change);
}

static gboolean
holds_objects (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      return TRUE;
  return FALSE;
}

static void compare_objects (GPtrArray  *fields,
                             const char *prefix,
                             JsonObject *old_object,
                             JsonObject *new_object,
                             const char *skip);

/* Compares two values found at @path (either may be NULL: absent). */
static void
compare_values (GPtrArray  *fields,
                const char *path,
                JsonNode   *old_value,
                JsonNode   *new_value)
{
  if (old_value != NULL && new_value != NULL && json_node_equal (old_value, new_value))
    return;
  if (old_value != NULL && new_value != NULL
      && JSON_NODE_HOLDS_OBJECT (old_value) && JSON_NODE_HOLDS_OBJECT (new_value))
    {
      compare_objects (fields, path, json_node_get_object (old_value), json_node_get_object (new_value), NULL);
      return;
    }
  if (old_value != NULL && new_value != NULL
      && (holds_objects (old_value) || holds_objects (new_value))
      && JSON_NODE_HOLDS_ARRAY (old_value) && JSON_NODE_HOLDS_ARRAY (new_value))
    {
      JsonArray *a = json_node_get_array (old_value);
      JsonArray *b = json_node_get_array (new_value);
      guint n = MAX (json_array_get_length (a), json_array_get_length (b));

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", path, i);

          compare_values (fields, item,
                          i < json_array_get_length (a) ? json_array_get_element (a, i) : NULL,
                          i < json_array_get_length (b) ? json_array_get_element (b, i) : NULL);
        }
      return;
    }
  add_field (fields, path, old_value, new_value);
}

static void
compare_objects (GPtrArray  *fields,
                 const char *prefix,
                 JsonObject *old_object,
                 JsonObject *new_object,
                 const char *skip)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, new_object);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", key, NULL) : g_strdup (key);

      if (g_strcmp0 (key, skip) != 0)
        compare_values (fields, path, json_object_get_member (old_object, key), value);
    }
  json_object_iter_init_ordered (&iter, old_object);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", key, NULL) : g_strdup (key);

      if (g_strcmp0 (key, skip) != 0 && !json_object_has_member (new_object, key))
        compare_values (fields, path, value, NULL);
    }
}

static WmElementChange *
element_change_new (WmDiffKind  kind,
                    WmElement  *element)
{
  WmElementChange *change = g_new0 (WmElementChange, 1);

  change->kind = kind;
  change->id = g_strdup (wm_element_get_id (element));
  change->name = g_strdup (wm_element_get_display_name (element));
  change->element = kind == WM_DIFF_REMOVED ? wm_element_copy (element) : g_object_ref (element);
  change->fields = g_ptr_array_new_with_free_func (field_change_free);
  return change;
}

static void
diff_elements (WmFlowDiff *self,
               WmVersion  *older,
               WmVersion  *newer)
{
  /* id -> GPtrArray of older elements not matched yet, in order: a
   * duplicated id (an error validation reports) pairs in order too. */
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  guint n_older = wm_version_get_n_elements (older);

  for (guint i = 0; i < n_older; i++)
    {
      WmElement *element = wm_version_get_element_at (older, i);
      const char *id = wm_element_get_id (element);
      GPtrArray *list = g_hash_table_lookup (by_id, id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_id, (gpointer) id, list);
        }
      g_ptr_array_add (list, element);
    }

  for (guint i = 0; i < wm_version_get_n_elements (newer); i++)
    {
      WmElement *element = wm_version_get_element_at (newer, i);
      GPtrArray *list = g_hash_table_lookup (by_id, wm_element_get_id (element));
      WmElement *before = list != NULL && list->len > 0 ? g_ptr_array_steal_index (list, 0) : NULL;
      WmElementChange *change;

      if (before == NULL)
        {
          g_ptr_array_add (self->elements, element_change_new (WM_DIFF_ADDED, element));
          continue;
        }
      g_hash_table_add (matched, before);
      change = element_change_new (WM_DIFF_CHANGED, element);
      compare_objects (change->fields, NULL, wm_element_get_json (before), wm_element_get_json (element), "id");
      if (change->fields->len > 0)
        g_ptr_array_add (self->elements, change);
      else
        element_change_free (change);
    }

  for (guint i = 0; i < n_older; i++)
    {
      WmElement *element = wm_version_get_element_at (older, i);

      if (!g_hash_table_contains (matched, element))
        g_ptr_array_add (self->elements, element_change_new (WM_DIFF_REMOVED, element));
    }
}

/* The identity of a connection: its three strings, or its JSON when it is
 * damaged (so two equal damaged connections still pair up). */
static char *
connection_key (WmConnection *connection)
{
  GString *key;

  if (wm_connection_get_from (connection) != NULL && wm_connection_get_port (connection) != NULL
      && wm_connection_get_to (connection) != NULL)
    return g_strjoin ("\x1f", wm_connection_get_from (connection), wm_connection_get_port (connection),
                      wm_connection_get_to (connection), NULL);
  key = g_string_new ("\x1e");
  wm_json_append_compact (key, wm_connection_get_json (connection));
  return g_string_free (key, FALSE);
}

/* Connections in @a that @b does not hold (counting repeats). */
static void
unmatched_connections (WmFlowDiff *self,
                       WmVersion  *a,
                       WmVersion  *b,
                       WmDiffKind  kind)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < wm_version_get_n_connections (b); i++)
    {
      WmConnection *connection = wm_version_get_connection_at (b, i);
      char *key = connection_key (connection);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

      g_hash_table_insert (counts, key, GUINT_TO_POINTER (count + 1));
    }
  for (guint i = 0; i < wm_version_get_n_connections (a); i++)
    {
      WmConnection *connection = wm_version_get_connection_at (a, i);
      g_autofree char *key = connection_key (connection);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      WmConnectionChange *change;

      if (count > 0)
        {
          g_hash_table_insert (counts, g_steal_pointer (&key), GUINT_TO_POINTER (count - 1));
          continue;
        }
      change = g_new0 (WmConnectionChange, 1);
      change->kind = kind;
      change->from = g_strdup (wm_connection_get_from (connection));
      change->port = g_strdup (wm_connection_get_port (connection));
      change->to = g_strdup (wm_connection_get_to (connection));
      g_ptr_array_add (self->connections, change);
    }
}

static void
diff_settings (WmFlowDiff *self,
               WmVersion  *older,
               WmVersion  *newer)
{
  JsonNode *old_settings = wm_version_get_member (older, "settings");
  JsonNode *new_settings = wm_version_get_member (newer, "settings");
  g_autoptr(JsonObject) empty = json_object_new ();

  /* A missing settings object means the defaults, as an empty one does. */
  if (old_settings != NULL && new_settings != NULL
      && !(JSON_NODE_HOLDS_OBJECT (old_settings) && JSON_NODE_HOLDS_OBJECT (new_settings)))
    {
      compare_values (self->settings, "settings", old_settings, new_settings);
      return;
    }
  compare_objects (self->settings, NULL,
                   old_settings != NULL && JSON_NODE_HOLDS_OBJECT (old_settings)
                   ? json_node_get_object (old_settings) : empty,
                   new_settings != NULL && JSON_NODE_HOLDS_OBJECT (new_settings)
                   ? json_node_get_object (new_settings) : empty,
                   NULL);
}

WmFlowDiff *
wm_flow_diff_new (WmVersion *older,
                  WmVersion *newer)
{
  WmFlowDiff *self;

  g_return_val_if_fail (WM_IS_VERSION (older), NULL);
  g_return_val_if_fail (WM_IS_VERSION (newer), NULL);

  self = g_atomic_rc_box_new0 (WmFlowDiff);
  self->older_number = wm_version_get_number (older);
  self->newer_number = wm_version_get_number (newer);
  self->elements = g_ptr_array_new_with_free_func (element_change_free);
  self->connections = g_ptr_array_new_with_free_func (connection_change_free);
  self->settings = g_ptr_array_new_with_free_func (field_change_free);

  diff_elements (self, older, newer);
  unmatched_connections (self, newer, older, WM_DIFF_ADDED);
  unmatched_connections (self, older, newer, WM_DIFF_REMOVED);
  diff_settings (self, older, newer);
  return self;
}

WmFlowDiff *
wm_flow_diff_ref (WmFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
clear_diff (gpointer data)
{
  WmFlowDiff *self = data;

  g_ptr_array_unref (self->elements);
  g_ptr_array_unref (self->connections);
  g_ptr_array_unref (self->settings);
}

void
wm_flow_diff_unref (WmFlowDiff *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, clear_diff);
}

guint
wm_flow_diff_get_older_number (WmFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->older_number;
}

guint
wm_flow_diff_get_newer_number (WmFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->newer_number;
}

gboolean
wm_flow_diff_is_empty (WmFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->elements->len == 0 && self->connections->len == 0 && self->settings->len == 0;
}

guint
wm_flow_diff_get_n_elements (WmFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->elements->len;
}

const WmElementChange *
wm_flow_diff_get_element (WmFlowDiff *self,
                          guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->elements->len, NULL);
  return g_ptr_array_index (self->elements, index);
}

const WmElementChange *
wm_flow_diff_find_element (WmFlowDiff *self,
                           const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->elements->len; i++)
    {
      WmElementChange *change = g_ptr_array_index (self->elements, i);

      if (g_str_equal (change->id, id))
        return change;
    }
  return NULL;
}

guint
wm_flow_diff_count (WmFlowDiff *self,
                    WmDiffKind  kind)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->elements->len; i++)
    count += ((WmElementChange *) g_ptr_array_index (self->elements, i))->kind == kind;
  return count;
}

guint
wm_flow_diff_get_n_connections (WmFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->connections->len;
}

const WmConnectionChange *
wm_flow_diff_get_connection (WmFlowDiff *self,
                             guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->connections->len, NULL);
  return g_ptr_array_index (self->connections, index);
}

GPtrArray *
wm_flow_diff_get_settings (WmFlowDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->settings;
}

WmElement *
wm_flow_diff_locked_entry (WmVersion *version)
{
  WmFlow *flow;

  g_return_val_if_fail (WM_IS_VERSION (version), NULL);

  flow = wm_version_get_flow (version);
  if (flow == NULL || wm_version_get_status (version) != WM_VERSION_DRAFT)
    return NULL;
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *other = wm_flow_get_version_at (flow, i);
      WmVersionStatus status = wm_version_get_status (other);

      if (wm_version_get_number (other) < wm_version_get_number (version)
          && (status == WM_VERSION_ACTIVE || status == WM_VERSION_PAUSED || status == WM_VERSION_FINISHING))
        return wm_version_get_entry (version);
    }
  return NULL;
}
