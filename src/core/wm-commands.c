/* wm-commands.c - the undo commands that edit a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exactness. A revert must give back the document byte for byte, so each
 * command snapshots, when it is applied, the JSON it is about to replace
 * (a copy, or NULL for "absent") and where it was:
 *  - list positions of removed elements and connections, re-inserted in
 *    ascending order so each lands at its old index;
 *  - the index of a removed object member: json-glib appends a member that
 *    is set again, and x- keys are written in the order held, so the
 *    members that followed it are moved back behind it (restore_member);
 *  - element members the typed setters cannot write back (a name that was
 *    null or "", a position that was not two plain numbers): the element is
 *    replaced by a copy holding the old JSON at the same list position.
 *    Commands find elements by id, so they do not mind the new object.
 * Snapshots are retaken on every apply, so redo after undo is exact too.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-commands.h"
#include "wm-json.h"

static WmElement *
find_element (WmFlow     *flow,
              guint       number,
              const char *id,
              WmVersion **out_version)
{
  WmVersion *version = wm_flow_get_version (flow, number);

  if (out_version != NULL)
    *out_version = version;
  return version != NULL ? wm_version_find_element (version, id) : NULL;
}

/* json_node_copy() shares objects, arrays and even scalar values with the
 * original (json-glib 1.6), and the model's setters store such a copy, while
 * wm_element_set_config_member() edits the config object in place. So every
 * node a command keeps or hands to the model is a copy of its own, or an
 * edit after it would reach back into a snapshot. */
static JsonNode *
copy_or_null (JsonNode *node)
{
  return node != NULL ? wm_json_node_deep_copy (node) : NULL;
}

/* ------------------------------------------------------------------ */
/* Object members in their order                                       */

typedef enum
{
  HOST_FLOW,      /* document members; "versions" is not one */
  HOST_VERSION,   /* version members; elements, connections are not */
  HOST_CONFIG,    /* an element's config, which is an object */
} HostKind;

/* The members of @host as an object in the order held. */
static JsonObject *
host_members (HostKind kind,
              gpointer host)
{
  g_autoptr(JsonNode) node = NULL;

  switch (kind)
    {
    case HOST_FLOW:
      node = wm_flow_to_json (host);
      return json_object_ref (json_node_get_object (node));
    case HOST_VERSION:
      node = wm_version_to_json (host);
      return json_object_ref (json_node_get_object (node));
    case HOST_CONFIG:
    default:
      return json_object_ref (wm_element_get_config (host));
    }
}

static gboolean
is_host_member (HostKind    kind,
                const char *name)
{
  if (kind == HOST_FLOW)
    return strcmp (name, "versions") != 0;
  if (kind == HOST_VERSION)
    return strcmp (name, "elements") != 0 && strcmp (name, "connections") != 0;
  return TRUE;
}

/* Hands the model a copy of its own (see deep_copy). */
static void
host_set (HostKind    kind,
          gpointer    host,
          const char *key,
          JsonNode   *node)
{
  g_autoptr(JsonNode) value = copy_or_null (node);

  switch (kind)
    {
    case HOST_FLOW:
      wm_flow_set_member (host, key, value);
      break;
    case HOST_VERSION:
      wm_version_set_member (host, key, value);
      break;
    case HOST_CONFIG:
    default:
      wm_element_set_config_member (host, key, value);
      break;
    }
}

/* The member names of @host, in order. */
static GPtrArray *
host_member_names (HostKind kind,
                   gpointer host)
{
  g_autoptr(JsonObject) object = host_members (kind, host);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    if (is_host_member (kind, name))
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

static int
member_index (GPtrArray  *names,
              const char *key)
{
  for (guint i = 0; i < names->len; i++)
    if (strcmp (g_ptr_array_index (names, i), key) == 0)
      return i;
  return -1;
}

/* What a member was before a command set it. */
typedef struct
{
  JsonNode *value;    /* a copy, or NULL when absent */
  int       index;    /* its place among the members, -1 when absent */
} MemberSnapshot;

static void
snapshot_clear (MemberSnapshot *snapshot)
{
  g_clear_pointer (&snapshot->value, json_node_unref);
  snapshot->index = -1;
}

static void
snapshot_take (MemberSnapshot *snapshot,
               HostKind        kind,
               gpointer        host,
               JsonNode       *value,
               const char     *key)
{
  snapshot_clear (snapshot);
  snapshot->value = copy_or_null (value);
  if (value != NULL)
    {
      g_autoptr(GPtrArray) names = host_member_names (kind, host);
      snapshot->index = member_index (names, key);
    }
}

/* Sets @key back to the snapshot and, when it had been removed, moves the
 * members that followed it back behind it. */
static void
restore_member (HostKind              kind,
                gpointer              host,
                const char           *key,
                const MemberSnapshot *snapshot)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(JsonObject) object = NULL;

  host_set (kind, host, key, snapshot->value);
  if (snapshot->value == NULL)
    return;

  names = host_member_names (kind, host);
  if (member_index (names, key) == snapshot->index || snapshot->index < 0)
    return;

  object = host_members (kind, host);
  for (guint i = snapshot->index; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(JsonNode) value = NULL;

      if (strcmp (name, key) == 0)
        continue;
      value = json_node_ref (json_object_get_member (object, name));
      host_set (kind, host, name, NULL);
      host_set (kind, host, name, value);
    }
}

/* ------------------------------------------------------------------ */
/* Element members without a raw setter: name and position             */

static gboolean
is_plain_double (JsonNode *node)
{
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;
  value = json_node_get_double (node);
  return !(value == 0 && signbit (value));
}

static gboolean
is_plain_position (JsonNode *node)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  return json_array_get_length (array) == 2
         && is_plain_double (json_array_get_element (array, 0))
         && is_plain_double (json_array_get_element (array, 1));
}

static JsonNode *
element_member (WmElement  *element,
                const char *key)
{
  return json_object_get_member (wm_element_get_json (element), key);
}

/* Puts back an element's "name" or "position" member as @old was (NULL:
 * absent). */
static void
restore_element_member (WmVersion  *version,
                        WmElement  *element,
                        const char *key,
                        JsonNode   *old)
{
  g_autoptr(WmElement) copy = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) wrapper = NULL;
  guint position;

  if (strcmp (key, "name") == 0)
    {
      if (old == NULL)
        {
          wm_element_set_name (element, NULL);
          return;
        }
      if (JSON_NODE_HOLDS_VALUE (old) && json_node_get_value_type (old) == G_TYPE_STRING
          && *json_node_get_string (old) != '\0')
        {
          wm_element_set_name (element, json_node_get_string (old));
          return;
        }
    }
  else if (strcmp (key, "position") == 0
           && is_plain_position (old)
           && is_plain_position (element_member (element, key)))
    {
      JsonArray *array = json_node_get_array (old);

      wm_element_set_position (element,
                               json_array_get_double_element (array, 0),
                               json_array_get_double_element (array, 1));
      return;
    }

  /* A new element over a copy of the JSON, with the old member (not
   * wm_element_copy(), whose json_node_copy() shares the object). */
  wrapper = json_node_init_object (json_node_alloc (), wm_element_get_json (element));
  json = wm_json_node_deep_copy (wrapper);
  if (old != NULL)
    json_object_set_member (json_node_get_object (json), key, wm_json_node_deep_copy (old));
  else
    json_object_remove_member (json_node_get_object (json), key);
  copy = wm_element_new_from_json (json_node_get_object (json));

  if (!wm_version_find_element_position (version, element, &position))
    g_return_if_reached ();
  wm_version_remove_element (version, element);
  wm_version_insert_element (version, position, copy);
}

static void
replace_config (WmElement *element,
                JsonNode  *config)
{
  g_autoptr(JsonNode) copy = copy_or_null (config);

  wm_element_replace_config (element, copy);
}

static const char *
type_label (WmElement *element)
{
  const WmElementType *type = wm_element_get_element_type (element);

  return type != NULL ? _(type->label) : wm_element_get_type_name (element);
}

/* ------------------------------------------------------------------ */
/* Add elements                                                        */

typedef enum
{
  ADD_KIND_ADD,
  ADD_KIND_PASTE,
} AddKind;

#define WM_TYPE_ADD_ELEMENTS_COMMAND (wm_add_elements_command_get_type ())
G_DECLARE_FINAL_TYPE (WmAddElementsCommand, wm_add_elements_command, WM, ADD_ELEMENTS_COMMAND, WmCommand)

struct _WmAddElementsCommand
{
  WmCommand  parent_instance;

  guint      version;
  AddKind    kind;
  GStrv      ids;
  GPtrArray *elements;      /* held while not in the flow */
  GArray    *positions;     /* guint, or NULL to append */
  GPtrArray *connections;
  char      *label;         /* the type of a single element */
};

G_DEFINE_FINAL_TYPE (WmAddElementsCommand, wm_add_elements_command, WM_TYPE_COMMAND)

static void
wm_add_elements_command_finalize (GObject *object)
{
  WmAddElementsCommand *self = (WmAddElementsCommand *) object;

  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (wm_add_elements_command_parent_class)->finalize (object);
}

static gboolean
wm_add_elements_command_apply (WmCommand *command,
                               WmFlow    *flow)
{
  WmAddElementsCommand *self = (WmAddElementsCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);
  guint n_connections;

  if (version == NULL)
    return FALSE;
  /* Two elements with one id would make every id lookup ambiguous. */
  for (guint i = 0; self->ids[i] != NULL; i++)
    if (wm_version_find_element (version, self->ids[i]) != NULL)
      return FALSE;

  for (guint i = 0; i < self->elements->len; i++)
    {
      guint position = self->positions != NULL
                       ? g_array_index (self->positions, guint, i)
                       : wm_version_get_n_elements (version);

      wm_version_insert_element (version, position, g_ptr_array_index (self->elements, i));
    }
  g_ptr_array_set_size (self->elements, 0);

  n_connections = wm_version_get_n_connections (version);
  for (guint i = 0; i < self->connections->len; i++)
    wm_version_insert_connection (version, n_connections + i,
                                  g_ptr_array_index (self->connections, i));
  return TRUE;
}

static void
wm_add_elements_command_revert (WmCommand *command,
                                WmFlow    *flow)
{
  WmAddElementsCommand *self = (WmAddElementsCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);
  guint n_ids = g_strv_length (self->ids);

  g_return_if_fail (version != NULL);

  for (guint i = self->connections->len; i-- > 0;)
    wm_version_remove_connection (version, g_ptr_array_index (self->connections, i));

  /* Keep whatever object holds the id now, for the next apply. */
  g_ptr_array_set_size (self->elements, n_ids);
  for (guint i = n_ids; i-- > 0;)
    {
      WmElement *element = wm_version_find_element (version, self->ids[i]);

      g_return_if_fail (element != NULL);
      g_ptr_array_index (self->elements, i) = g_object_ref (element);
      wm_version_remove_element (version, element);
    }
}

static char *
wm_add_elements_command_describe (WmCommand *command)
{
  WmAddElementsCommand *self = (WmAddElementsCommand *) command;
  guint n = g_strv_length (self->ids);

  if (self->kind == ADD_KIND_PASTE)
    return g_strdup_printf (ngettext ("Paste %u element", "Paste %u elements", n), n);
  if (n == 1)
    /* Translators: %s is an element type, "Add SMS" */
    return g_strdup_printf (_("Add %s"), self->label);
  return g_strdup_printf (ngettext ("Add %u element", "Add %u elements", n), n);
}

static void
wm_add_elements_command_class_init (WmAddElementsCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_add_elements_command_finalize;
  command_class->apply = wm_add_elements_command_apply;
  command_class->revert = wm_add_elements_command_revert;
  command_class->describe = wm_add_elements_command_describe;
}

static void
wm_add_elements_command_init (WmAddElementsCommand *self)
{
  self->elements = g_ptr_array_new_with_free_func (g_object_unref);
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
}

static WmCommand *
add_elements_new (AddKind               kind,
                  guint                 version,
                  WmElement * const    *elements,
                  const guint          *positions,
                  guint                 n_elements,
                  WmConnection * const *connections,
                  guint                 n_connections)
{
  WmAddElementsCommand *self;

  g_return_val_if_fail (n_elements > 0, NULL);
  g_return_val_if_fail (elements != NULL, NULL);
  g_return_val_if_fail (n_connections == 0 || connections != NULL, NULL);

  for (guint i = 0; i < n_elements; i++)
    {
      g_return_val_if_fail (WM_IS_ELEMENT (elements[i]), NULL);
      g_return_val_if_fail (wm_element_get_version (elements[i]) == NULL, NULL);
      g_return_val_if_fail (wm_element_get_id (elements[i]) != NULL, NULL);
      g_return_val_if_fail (positions == NULL || i == 0 || positions[i] > positions[i - 1], NULL);
    }

  self = g_object_new (WM_TYPE_ADD_ELEMENTS_COMMAND, NULL);
  self->version = version;
  self->kind = kind;
  self->ids = g_new0 (char *, n_elements + 1);
  for (guint i = 0; i < n_elements; i++)
    {
      self->ids[i] = g_strdup (wm_element_get_id (elements[i]));
      g_ptr_array_add (self->elements, g_object_ref (elements[i]));
    }
  if (positions != NULL)
    {
      self->positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_elements);
      g_array_append_vals (self->positions, positions, n_elements);
    }
  for (guint i = 0; i < n_connections; i++)
    {
      g_return_val_if_fail (WM_IS_CONNECTION (connections[i]), NULL);
      g_ptr_array_add (self->connections, g_object_ref (connections[i]));
    }
  self->label = g_strdup (type_label (elements[0]));
  return WM_COMMAND (self);
}

WmCommand *
wm_command_add_element_new (guint      version,
                            WmElement *element,
                            guint      position)
{
  return add_elements_new (ADD_KIND_ADD, version, &element, &position, 1, NULL, 0);
}

WmCommand *
wm_command_add_elements_new (guint                 version,
                             WmElement * const    *elements,
                             const guint          *positions,
                             guint                 n_elements,
                             WmConnection * const *connections,
                             guint                 n_connections)
{
  return add_elements_new (ADD_KIND_ADD, version, elements, positions, n_elements,
                           connections, n_connections);
}

WmCommand *
wm_command_paste_new (guint                 version,
                      WmElement * const    *elements,
                      guint                 n_elements,
                      WmConnection * const *connections,
                      guint                 n_connections)
{
  return add_elements_new (ADD_KIND_PASTE, version, elements, NULL, n_elements,
                           connections, n_connections);
}

/* ------------------------------------------------------------------ */
/* Remove elements                                                     */

typedef enum
{
  REMOVE_KIND_DELETE,
  REMOVE_KIND_CUT,
} RemoveKind;

#define WM_TYPE_REMOVE_ELEMENTS_COMMAND (wm_remove_elements_command_get_type ())
G_DECLARE_FINAL_TYPE (WmRemoveElementsCommand, wm_remove_elements_command, WM, REMOVE_ELEMENTS_COMMAND, WmCommand)

struct _WmRemoveElementsCommand
{
  WmCommand   parent_instance;

  guint       version;
  RemoveKind  kind;
  GStrv       ids;
  guint       n_ids;
  /* While applied: what was removed, ascending by list position. */
  GPtrArray  *elements;
  GArray     *element_positions;
  GPtrArray  *connections;
  GArray     *connection_positions;
  char       *label;
};

G_DEFINE_FINAL_TYPE (WmRemoveElementsCommand, wm_remove_elements_command, WM_TYPE_COMMAND)

static void
wm_remove_elements_command_finalize (GObject *object)
{
  WmRemoveElementsCommand *self = (WmRemoveElementsCommand *) object;

  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->element_positions, g_array_unref);
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_clear_pointer (&self->connection_positions, g_array_unref);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (wm_remove_elements_command_parent_class)->finalize (object);
}

static gboolean
wm_remove_elements_command_apply (WmCommand *command,
                                  WmFlow    *flow)
{
  WmRemoveElementsCommand *self = (WmRemoveElementsCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);
  g_autoptr(GHashTable) ids = NULL;
  guint n;

  if (version == NULL)
    return FALSE;
  for (guint i = 0; i < self->n_ids; i++)
    if (wm_version_find_element (version, self->ids[i]) == NULL)
      return FALSE;

  g_ptr_array_set_size (self->elements, 0);
  g_array_set_size (self->element_positions, 0);
  g_ptr_array_set_size (self->connections, 0);
  g_array_set_size (self->connection_positions, 0);

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->n_ids; i++)
    g_hash_table_add (ids, self->ids[i]);

  /* Walking the lists gives ascending positions; the first element with
   * an id is the one the id names (as wm_version_find_element). */
  n = wm_version_get_n_elements (version);
  for (guint i = 0; i < n; i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);

      const char *id = wm_element_get_id (element);

      if (id != NULL && g_hash_table_remove (ids, id))
        {
          g_ptr_array_add (self->elements, g_object_ref (element));
          g_array_append_val (self->element_positions, i);
        }
    }
  for (guint i = 0; i < self->n_ids; i++)
    g_hash_table_add (ids, self->ids[i]);

  n = wm_version_get_n_connections (version);
  for (guint i = 0; i < n; i++)
    {
      WmConnection *connection = wm_version_get_connection_at (version, i);
      const char *from = wm_connection_get_from (connection);
      const char *to = wm_connection_get_to (connection);

      if ((from != NULL && g_hash_table_contains (ids, from))
          || (to != NULL && g_hash_table_contains (ids, to)))
        {
          g_ptr_array_add (self->connections, g_object_ref (connection));
          g_array_append_val (self->connection_positions, i);
        }
    }

  if (self->label == NULL && self->elements->len > 0)
    self->label = g_strdup (type_label (g_ptr_array_index (self->elements, 0)));

  for (guint i = self->connections->len; i-- > 0;)
    wm_version_remove_connection (version, g_ptr_array_index (self->connections, i));
  for (guint i = self->elements->len; i-- > 0;)
    wm_version_remove_element (version, g_ptr_array_index (self->elements, i));
  return TRUE;
}

static void
wm_remove_elements_command_revert (WmCommand *command,
                                   WmFlow    *flow)
{
  WmRemoveElementsCommand *self = (WmRemoveElementsCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);

  g_return_if_fail (version != NULL);

  for (guint i = 0; i < self->elements->len; i++)
    wm_version_insert_element (version, g_array_index (self->element_positions, guint, i),
                               g_ptr_array_index (self->elements, i));
  for (guint i = 0; i < self->connections->len; i++)
    wm_version_insert_connection (version, g_array_index (self->connection_positions, guint, i),
                                  g_ptr_array_index (self->connections, i));

  g_ptr_array_set_size (self->elements, 0);
  g_array_set_size (self->element_positions, 0);
  g_ptr_array_set_size (self->connections, 0);
  g_array_set_size (self->connection_positions, 0);
}

static char *
wm_remove_elements_command_describe (WmCommand *command)
{
  WmRemoveElementsCommand *self = (WmRemoveElementsCommand *) command;
  guint n = self->n_ids;

  if (self->kind == REMOVE_KIND_CUT)
    {
      if (n == 1 && self->label != NULL)
        /* Translators: %s is an element type, "Cut SMS" */
        return g_strdup_printf (_("Cut %s"), self->label);
      return g_strdup_printf (ngettext ("Cut %u element", "Cut %u elements", n), n);
    }
  if (n == 1 && self->label != NULL)
    /* Translators: %s is an element type, "Delete SMS" */
    return g_strdup_printf (_("Delete %s"), self->label);
  return g_strdup_printf (ngettext ("Delete %u element", "Delete %u elements", n), n);
}

static void
wm_remove_elements_command_class_init (WmRemoveElementsCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_remove_elements_command_finalize;
  command_class->apply = wm_remove_elements_command_apply;
  command_class->revert = wm_remove_elements_command_revert;
  command_class->describe = wm_remove_elements_command_describe;
}

static void
wm_remove_elements_command_init (WmRemoveElementsCommand *self)
{
  self->elements = g_ptr_array_new_with_free_func (g_object_unref);
  self->element_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
  self->connection_positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* A copy of @ids without repeats, keeping the first of each. */
static GStrv
unique_ids (const char * const *ids,
            guint               n_ids,
            guint              *out_n)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; i < n_ids; i++)
    if (g_hash_table_add (seen, (gpointer) ids[i]))
      {
        g_strv_builder_add (builder, ids[i]);
        n++;
      }
  *out_n = n;
  return g_strv_builder_end (builder);
}

static WmCommand *
remove_elements_new (RemoveKind          kind,
                     guint               version,
                     const char * const *ids,
                     guint               n_ids)
{
  WmRemoveElementsCommand *self;

  g_return_val_if_fail (n_ids > 0, NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  for (guint i = 0; i < n_ids; i++)
    g_return_val_if_fail (ids[i] != NULL, NULL);

  self = g_object_new (WM_TYPE_REMOVE_ELEMENTS_COMMAND, NULL);
  self->version = version;
  self->kind = kind;
  self->ids = unique_ids (ids, n_ids, &self->n_ids);
  return WM_COMMAND (self);
}

WmCommand *
wm_command_remove_elements_new (guint               version,
                                const char * const *ids,
                                guint               n_ids)
{
  return remove_elements_new (REMOVE_KIND_DELETE, version, ids, n_ids);
}

WmCommand *
wm_command_cut_new (guint               version,
                    const char * const *ids,
                    guint               n_ids)
{
  return remove_elements_new (REMOVE_KIND_CUT, version, ids, n_ids);
}

/* ------------------------------------------------------------------ */
/* Move elements                                                       */

#define WM_TYPE_MOVE_ELEMENTS_COMMAND (wm_move_elements_command_get_type ())
G_DECLARE_FINAL_TYPE (WmMoveElementsCommand, wm_move_elements_command, WM, MOVE_ELEMENTS_COMMAND, WmCommand)

struct _WmMoveElementsCommand
{
  WmCommand  parent_instance;

  guint      version;
  GStrv      ids;
  guint      n_ids;
  double    *positions;     /* new x, y per id */
  JsonNode **old;           /* old "position" members, NULL when absent */
};

G_DEFINE_FINAL_TYPE (WmMoveElementsCommand, wm_move_elements_command, WM_TYPE_COMMAND)

static void
clear_old_positions (WmMoveElementsCommand *self)
{
  for (guint i = 0; i < self->n_ids; i++)
    g_clear_pointer (&self->old[i], json_node_unref);
}

static void
wm_move_elements_command_finalize (GObject *object)
{
  WmMoveElementsCommand *self = (WmMoveElementsCommand *) object;

  if (self->old != NULL)
    clear_old_positions (self);
  g_clear_pointer (&self->old, g_free);
  g_clear_pointer (&self->positions, g_free);
  g_clear_pointer (&self->ids, g_strfreev);

  G_OBJECT_CLASS (wm_move_elements_command_parent_class)->finalize (object);
}

static gboolean
wm_move_elements_command_apply (WmCommand *command,
                                WmFlow    *flow)
{
  WmMoveElementsCommand *self = (WmMoveElementsCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);

  if (version == NULL)
    return FALSE;
  for (guint i = 0; i < self->n_ids; i++)
    if (wm_version_find_element (version, self->ids[i]) == NULL)
      return FALSE;

  clear_old_positions (self);
  for (guint i = 0; i < self->n_ids; i++)
    {
      WmElement *element = wm_version_find_element (version, self->ids[i]);

      self->old[i] = copy_or_null (element_member (element, "position"));
      wm_element_set_position (element, self->positions[2 * i], self->positions[2 * i + 1]);
    }
  return TRUE;
}

static void
wm_move_elements_command_revert (WmCommand *command,
                                 WmFlow    *flow)
{
  WmMoveElementsCommand *self = (WmMoveElementsCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);

  g_return_if_fail (version != NULL);

  for (guint i = self->n_ids; i-- > 0;)
    {
      WmElement *element = wm_version_find_element (version, self->ids[i]);

      g_return_if_fail (element != NULL);
      restore_element_member (version, element, "position", self->old[i]);
    }
}

/* Moves of the same elements (in any order) merge: the later positions
 * win, the first snapshot stays. */
static gboolean
wm_move_elements_command_merge (WmCommand *command,
                                WmCommand *next_command)
{
  WmMoveElementsCommand *self = (WmMoveElementsCommand *) command;
  WmMoveElementsCommand *next;
  g_autoptr(GHashTable) index = NULL;

  if (!WM_IS_MOVE_ELEMENTS_COMMAND (next_command))
    return FALSE;
  next = (WmMoveElementsCommand *) next_command;
  if (next->version != self->version || next->n_ids != self->n_ids
      || !wm_command_is_within_merge_window (command, next_command))
    return FALSE;

  index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < next->n_ids; i++)
    g_hash_table_insert (index, next->ids[i], GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->n_ids; i++)
    if (!g_hash_table_contains (index, self->ids[i]))
      return FALSE;

  for (guint i = 0; i < self->n_ids; i++)
    {
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (index, self->ids[i])) - 1;

      self->positions[2 * i] = next->positions[2 * j];
      self->positions[2 * i + 1] = next->positions[2 * j + 1];
    }
  return TRUE;
}

static char *
wm_move_elements_command_describe (WmCommand *command)
{
  WmMoveElementsCommand *self = (WmMoveElementsCommand *) command;

  return g_strdup_printf (ngettext ("Move %u element", "Move %u elements", self->n_ids),
                          self->n_ids);
}

static void
wm_move_elements_command_class_init (WmMoveElementsCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_move_elements_command_finalize;
  command_class->apply = wm_move_elements_command_apply;
  command_class->revert = wm_move_elements_command_revert;
  command_class->merge = wm_move_elements_command_merge;
  command_class->describe = wm_move_elements_command_describe;
}

static void
wm_move_elements_command_init (WmMoveElementsCommand *self)
{
}

WmCommand *
wm_command_move_elements_new (guint               version,
                              const char * const *ids,
                              const double       *positions,
                              guint               n_ids)
{
  WmMoveElementsCommand *self;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (n_ids > 0, NULL);
  g_return_val_if_fail (ids != NULL && positions != NULL, NULL);

  /* Each id once: a merge pairs the elements of two moves by id. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_ids; i++)
    {
      g_return_val_if_fail (ids[i] != NULL, NULL);
      g_return_val_if_fail (g_hash_table_add (seen, (gpointer) ids[i]), NULL);
      g_return_val_if_fail (isfinite (positions[2 * i]) && isfinite (positions[2 * i + 1]), NULL);
    }

  self = g_object_new (WM_TYPE_MOVE_ELEMENTS_COMMAND, NULL);
  self->version = version;
  self->n_ids = n_ids;
  self->ids = g_new0 (char *, n_ids + 1);
  for (guint i = 0; i < n_ids; i++)
    self->ids[i] = g_strdup (ids[i]);
  self->positions = g_memdup2 (positions, sizeof (double) * 2 * n_ids);
  self->old = g_new0 (JsonNode *, n_ids);
  return WM_COMMAND (self);
}

WmCommand *
wm_command_move_element_new (guint       version,
                             const char *id,
                             double      x,
                             double      y)
{
  const double position[2] = { x, y };

  return wm_command_move_elements_new (version, &id, position, 1);
}

/* ------------------------------------------------------------------ */
/* Connect and disconnect                                              */

#define WM_TYPE_CONNECT_COMMAND (wm_connect_command_get_type ())
G_DECLARE_FINAL_TYPE (WmConnectCommand, wm_connect_command, WM, CONNECT_COMMAND, WmCommand)

struct _WmConnectCommand
{
  WmCommand     parent_instance;

  guint         version;
  gboolean      connect;      /* FALSE: disconnect */
  char         *from;
  char         *port;
  WmConnection *added;        /* connect: the new connection */
  /* While applied: the connection removed (replaced, or disconnected) and
   * its list position, or where the added one went. */
  WmConnection *removed;
  guint         position;
  char         *from_label;
  char         *to_label;
};

G_DEFINE_FINAL_TYPE (WmConnectCommand, wm_connect_command, WM_TYPE_COMMAND)

static void
wm_connect_command_finalize (GObject *object)
{
  WmConnectCommand *self = (WmConnectCommand *) object;

  g_clear_object (&self->added);
  g_clear_object (&self->removed);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->port, g_free);
  g_clear_pointer (&self->from_label, g_free);
  g_clear_pointer (&self->to_label, g_free);

  G_OBJECT_CLASS (wm_connect_command_parent_class)->finalize (object);
}

static void
take_labels (WmConnectCommand *self,
             WmVersion        *version,
             const char       *to)
{
  WmElement *from_element = wm_version_find_element (version, self->from);
  WmElement *to_element = to != NULL ? wm_version_find_element (version, to) : NULL;

  g_free (self->from_label);
  self->from_label = g_strdup (from_element != NULL ? wm_element_get_display_name (from_element)
                                                    : self->from);
  g_free (self->to_label);
  self->to_label = g_strdup (to_element != NULL ? wm_element_get_display_name (to_element) : to);
}

static gboolean
wm_connect_command_apply (WmCommand *command,
                          WmFlow    *flow)
{
  WmConnectCommand *self = (WmConnectCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);
  WmConnection *existing;

  if (version == NULL)
    return FALSE;

  existing = wm_version_find_connection (version, self->from, self->port);
  if (self->connect)
    {
      const char *to = wm_connection_get_to (self->added);

      /* Only elements can be connected; a dangling connection can still be
       * disconnected. */
      if (wm_version_find_element (version, self->from) == NULL
          || wm_version_find_element (version, to) == NULL)
        return FALSE;
      take_labels (self, version, to);
    }
  else
    {
      if (existing == NULL)
        return FALSE;
      take_labels (self, version, wm_connection_get_to (existing));
    }

  g_clear_object (&self->removed);
  if (existing != NULL)
    {
      if (!wm_version_find_connection_position (version, existing, &self->position))
        g_return_val_if_reached (FALSE);
      self->removed = g_object_ref (existing);
      wm_version_remove_connection (version, existing);
    }
  else
    self->position = wm_version_get_n_connections (version);

  if (self->connect)
    wm_version_insert_connection (version, self->position, self->added);
  return TRUE;
}

static void
wm_connect_command_revert (WmCommand *command,
                           WmFlow    *flow)
{
  WmConnectCommand *self = (WmConnectCommand *) command;
  WmVersion *version = wm_flow_get_version (flow, self->version);

  g_return_if_fail (version != NULL);

  if (self->connect)
    wm_version_remove_connection (version, self->added);
  if (self->removed != NULL)
    wm_version_insert_connection (version, self->position, self->removed);
  g_clear_object (&self->removed);
}

static char *
wm_connect_command_describe (WmCommand *command)
{
  WmConnectCommand *self = (WmConnectCommand *) command;
  const char *from = self->from_label != NULL ? self->from_label : self->from;
  const char *to = self->to_label;

  if (self->connect)
    {
      if (to == NULL)
        to = wm_connection_get_to (self->added);
      /* Translators: two element names, "Connect Wait to SMS" */
      return g_strdup_printf (_("Connect %s to %s"), from, to);
    }
  if (to == NULL)
    /* Translators: an element name, "Disconnect Wait" */
    return g_strdup_printf (_("Disconnect %s"), from);
  /* Translators: two element names, "Disconnect Wait from SMS" */
  return g_strdup_printf (_("Disconnect %s from %s"), from, to);
}

static void
wm_connect_command_class_init (WmConnectCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_connect_command_finalize;
  command_class->apply = wm_connect_command_apply;
  command_class->revert = wm_connect_command_revert;
  command_class->describe = wm_connect_command_describe;
}

static void
wm_connect_command_init (WmConnectCommand *self)
{
}

WmCommand *
wm_command_connect_new (guint       version,
                        const char *from,
                        const char *port,
                        const char *to)
{
  WmConnectCommand *self;

  g_return_val_if_fail (from != NULL && port != NULL && to != NULL, NULL);

  self = g_object_new (WM_TYPE_CONNECT_COMMAND, NULL);
  self->version = version;
  self->connect = TRUE;
  self->from = g_strdup (from);
  self->port = g_strdup (port);
  self->added = wm_connection_new (from, port, to);
  return WM_COMMAND (self);
}

WmCommand *
wm_command_disconnect_new (guint       version,
                           const char *from,
                           const char *port)
{
  WmConnectCommand *self;

  g_return_val_if_fail (from != NULL && port != NULL, NULL);

  self = g_object_new (WM_TYPE_CONNECT_COMMAND, NULL);
  self->version = version;
  self->connect = FALSE;
  self->from = g_strdup (from);
  self->port = g_strdup (port);
  return WM_COMMAND (self);
}

/* ------------------------------------------------------------------ */
/* Element config and name                                             */

typedef enum
{
  ELEMENT_EDIT_CONFIG_MEMBER,
  ELEMENT_EDIT_CONFIG,
  ELEMENT_EDIT_NAME,
} ElementEdit;

#define WM_TYPE_ELEMENT_EDIT_COMMAND (wm_element_edit_command_get_type ())
G_DECLARE_FINAL_TYPE (WmElementEditCommand, wm_element_edit_command, WM, ELEMENT_EDIT_COMMAND, WmCommand)

struct _WmElementEditCommand
{
  WmCommand       parent_instance;

  ElementEdit     edit;
  guint           version;
  char           *id;
  char           *key;          /* ELEMENT_EDIT_CONFIG_MEMBER */
  JsonNode       *value;        /* the new value, NULL to remove */

  /* Taken on apply. */
  JsonNode       *old_config;   /* the whole "config" member, NULL when absent */
  gboolean        config_was_object;
  MemberSnapshot  old_member;   /* config[key], or "name" */
  char           *element_label;
  char           *field_label;
};

G_DEFINE_FINAL_TYPE (WmElementEditCommand, wm_element_edit_command, WM_TYPE_COMMAND)

static void
wm_element_edit_command_finalize (GObject *object)
{
  WmElementEditCommand *self = (WmElementEditCommand *) object;

  snapshot_clear (&self->old_member);
  g_clear_pointer (&self->old_config, json_node_unref);
  g_clear_pointer (&self->value, json_node_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->element_label, g_free);
  g_clear_pointer (&self->field_label, g_free);

  G_OBJECT_CLASS (wm_element_edit_command_parent_class)->finalize (object);
}

static void
take_element_labels (WmElementEditCommand *self,
                     WmElement            *element)
{
  const WmElementType *type = wm_element_get_element_type (element);
  const WmFieldSpec *field = NULL;

  g_free (self->element_label);
  self->element_label = g_strdup (wm_element_get_display_name (element));

  if (self->key == NULL)
    return;
  if (type != NULL)
    field = wm_element_type_get_field (type, self->key);
  g_free (self->field_label);
  self->field_label = g_strdup (field != NULL && field->label != NULL ? _(field->label) : self->key);
}

static gboolean
wm_element_edit_command_apply (WmCommand *command,
                               WmFlow    *flow)
{
  WmElementEditCommand *self = (WmElementEditCommand *) command;
  WmElement *element = find_element (flow, self->version, self->id, NULL);

  if (element == NULL)
    return FALSE;

  /* The label names the element as it was before the first apply:
   * "Rename ‘Reminder’" stays after the new name is typed. */
  if (self->element_label == NULL)
    take_element_labels (self, element);

  g_clear_pointer (&self->old_config, json_node_unref);
  snapshot_clear (&self->old_member);

  switch (self->edit)
    {
    case ELEMENT_EDIT_CONFIG_MEMBER:
      self->old_config = copy_or_null (element_member (element, "config"));
      self->config_was_object = wm_element_get_config (element) != NULL;
      if (self->config_was_object)
        snapshot_take (&self->old_member, HOST_CONFIG, element,
                       wm_element_get_config_member (element, self->key), self->key);
      wm_element_set_config_member (element, self->key, self->value);
      break;

    case ELEMENT_EDIT_CONFIG:
      self->old_config = copy_or_null (element_member (element, "config"));
      replace_config (element, self->value);
      break;

    case ELEMENT_EDIT_NAME:
    default:
      /* Element members are known keys, written in the format's order, so
       * no index is needed. */
      self->old_member.value = copy_or_null (element_member (element, "name"));
      if (self->value != NULL)
        wm_element_set_name (element, json_node_get_string (self->value));
      else
        wm_element_set_name (element, NULL);
      break;
    }
  return TRUE;
}

static void
wm_element_edit_command_revert (WmCommand *command,
                                WmFlow    *flow)
{
  WmElementEditCommand *self = (WmElementEditCommand *) command;
  WmVersion *version;
  WmElement *element = find_element (flow, self->version, self->id, &version);

  g_return_if_fail (element != NULL);

  switch (self->edit)
    {
    case ELEMENT_EDIT_CONFIG_MEMBER:
      if (self->config_was_object)
        restore_member (HOST_CONFIG, element, self->key, &self->old_member);
      else
        replace_config (element, self->old_config);
      break;

    case ELEMENT_EDIT_CONFIG:
      replace_config (element, self->old_config);
      break;

    case ELEMENT_EDIT_NAME:
    default:
      restore_element_member (version, element, "name", self->old_member.value);
      break;
    }

  g_clear_pointer (&self->old_config, json_node_unref);
  snapshot_clear (&self->old_member);
}

/* Keystrokes in one field of one element within the merge window. A
 * merged command keeps its snapshot (the state before the first
 * keystroke) and takes the newest value. */
static gboolean
wm_element_edit_command_merge (WmCommand *command,
                               WmCommand *next_command)
{
  WmElementEditCommand *self = (WmElementEditCommand *) command;
  WmElementEditCommand *next;

  if (!WM_IS_ELEMENT_EDIT_COMMAND (next_command))
    return FALSE;
  next = (WmElementEditCommand *) next_command;
  if (self->edit == ELEMENT_EDIT_CONFIG || next->edit != self->edit
      || next->version != self->version || g_strcmp0 (next->id, self->id) != 0
      || g_strcmp0 (next->key, self->key) != 0
      || !wm_command_is_within_merge_window (command, next_command))
    return FALSE;

  g_clear_pointer (&self->value, json_node_unref);
  self->value = copy_or_null (next->value);
  return TRUE;
}

static char *
wm_element_edit_command_describe (WmCommand *command)
{
  WmElementEditCommand *self = (WmElementEditCommand *) command;
  const char *element = self->element_label != NULL ? self->element_label : self->id;

  switch (self->edit)
    {
    case ELEMENT_EDIT_CONFIG_MEMBER:
      /* Translators: a field and an element name, "Change Text of ‘Reminder’" */
      return g_strdup_printf (_("Change %s of ‘%s’"),
                              self->field_label != NULL ? self->field_label : self->key,
                              element);
    case ELEMENT_EDIT_CONFIG:
      /* Translators: an element name, "Change ‘Reminder’" */
      return g_strdup_printf (_("Change ‘%s’"), element);
    case ELEMENT_EDIT_NAME:
    default:
      /* Translators: an element name, "Rename ‘Reminder’" */
      return g_strdup_printf (_("Rename ‘%s’"), element);
    }
}

static void
wm_element_edit_command_class_init (WmElementEditCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_element_edit_command_finalize;
  command_class->apply = wm_element_edit_command_apply;
  command_class->revert = wm_element_edit_command_revert;
  command_class->merge = wm_element_edit_command_merge;
  command_class->describe = wm_element_edit_command_describe;
}

static void
wm_element_edit_command_init (WmElementEditCommand *self)
{
  self->old_member.index = -1;
}

static WmCommand *
element_edit_new (ElementEdit  edit,
                  guint        version,
                  const char  *id,
                  const char  *key,
                  JsonNode    *value)
{
  WmElementEditCommand *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (WM_TYPE_ELEMENT_EDIT_COMMAND, NULL);
  self->edit = edit;
  self->version = version;
  self->id = g_strdup (id);
  self->key = g_strdup (key);
  self->value = copy_or_null (value);
  return WM_COMMAND (self);
}

WmCommand *
wm_command_set_config_new (guint       version,
                           const char *id,
                           const char *key,
                           JsonNode   *value)
{
  g_return_val_if_fail (key != NULL, NULL);
  return element_edit_new (ELEMENT_EDIT_CONFIG_MEMBER, version, id, key, value);
}

WmCommand *
wm_command_replace_config_new (guint       version,
                               const char *id,
                               JsonNode   *config)
{
  return element_edit_new (ELEMENT_EDIT_CONFIG, version, id, NULL, config);
}

WmCommand *
wm_command_rename_element_new (guint       version,
                               const char *id,
                               const char *name)
{
  g_autoptr(JsonNode) value = NULL;

  if (name != NULL && *name != '\0')
    {
      value = json_node_alloc ();
      json_node_init_string (value, name);
    }
  return element_edit_new (ELEMENT_EDIT_NAME, version, id, NULL, value);
}

/* ------------------------------------------------------------------ */
/* Document and version members                                        */

#define WM_TYPE_SET_MEMBER_COMMAND (wm_set_member_command_get_type ())
G_DECLARE_FINAL_TYPE (WmSetMemberCommand, wm_set_member_command, WM, SET_MEMBER_COMMAND, WmCommand)

struct _WmSetMemberCommand
{
  WmCommand       parent_instance;

  gboolean        on_version;   /* FALSE: a document member */
  guint           version;
  char           *key;
  char           *subkey;       /* a member of the object at key, or NULL */
  JsonNode       *value;
  MemberSnapshot  old;
};

G_DEFINE_FINAL_TYPE (WmSetMemberCommand, wm_set_member_command, WM_TYPE_COMMAND)

static void
wm_set_member_command_finalize (GObject *object)
{
  WmSetMemberCommand *self = (WmSetMemberCommand *) object;

  snapshot_clear (&self->old);
  g_clear_pointer (&self->value, json_node_unref);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->subkey, g_free);

  G_OBJECT_CLASS (wm_set_member_command_parent_class)->finalize (object);
}

static gpointer
member_host (WmSetMemberCommand *self,
             WmFlow             *flow,
             HostKind           *kind)
{
  *kind = self->on_version ? HOST_VERSION : HOST_FLOW;
  return self->on_version ? (gpointer) wm_flow_get_version (flow, self->version) : flow;
}

static JsonNode *
host_get (HostKind    kind,
          gpointer    host,
          const char *key)
{
  return kind == HOST_FLOW ? wm_flow_get_member (host, key) : wm_version_get_member (host, key);
}

static gboolean
wm_set_member_command_apply (WmCommand *command,
                             WmFlow    *flow)
{
  WmSetMemberCommand *self = (WmSetMemberCommand *) command;
  HostKind kind;
  gpointer host = member_host (self, flow, &kind);
  JsonNode *old;

  if (host == NULL)
    return FALSE;

  old = host_get (kind, host, self->key);
  snapshot_take (&self->old, kind, host, old, self->key);

  if (self->subkey == NULL)
    host_set (kind, host, self->key, self->value);
  else
    {
      /* A settings object that is missing or of the wrong type is made
       * one: the new member has to live somewhere. */
      g_autoptr(JsonNode) object = NULL;

      if (old != NULL && JSON_NODE_HOLDS_OBJECT (old))
        object = wm_json_node_deep_copy (old);
      else
        {
          g_autoptr(JsonObject) empty = json_object_new ();

          object = json_node_init_object (json_node_alloc (), empty);
        }
      if (self->value != NULL)
        json_object_set_member (json_node_get_object (object), self->subkey,
                                wm_json_node_deep_copy (self->value));
      else
        json_object_remove_member (json_node_get_object (object), self->subkey);
      host_set (kind, host, self->key, object);
    }
  return TRUE;
}

static void
wm_set_member_command_revert (WmCommand *command,
                              WmFlow    *flow)
{
  WmSetMemberCommand *self = (WmSetMemberCommand *) command;
  HostKind kind;
  gpointer host = member_host (self, flow, &kind);

  g_return_if_fail (host != NULL);

  restore_member (kind, host, self->key, &self->old);
  snapshot_clear (&self->old);
}

/* Keystrokes: the flow's name and description; a settings member (a
 * variable's name, a goal's event typed in an entry). */
static gboolean
wm_set_member_command_merge (WmCommand *command,
                             WmCommand *next_command)
{
  WmSetMemberCommand *self = (WmSetMemberCommand *) command;
  WmSetMemberCommand *next;
  gboolean typed;

  if (!WM_IS_SET_MEMBER_COMMAND (next_command))
    return FALSE;
  next = (WmSetMemberCommand *) next_command;

  if (self->on_version)
    typed = TRUE;
  else
    typed = g_strcmp0 (self->key, "name") == 0 || g_strcmp0 (self->key, "description") == 0;

  if (!typed || next->on_version != self->on_version || next->version != self->version
      || g_strcmp0 (next->key, self->key) != 0 || g_strcmp0 (next->subkey, self->subkey) != 0
      || !wm_command_is_within_merge_window (command, next_command))
    return FALSE;

  g_clear_pointer (&self->value, json_node_unref);
  self->value = copy_or_null (next->value);
  return TRUE;
}

static char *
wm_set_member_command_describe (WmCommand *command)
{
  WmSetMemberCommand *self = (WmSetMemberCommand *) command;

  if (self->on_version)
    {
      if (g_strcmp0 (self->subkey, "reentry") == 0)
        return g_strdup (_("Change re-entry"));
      if (g_strcmp0 (self->subkey, "goal") == 0)
        return g_strdup (_("Change goal"));
      if (g_strcmp0 (self->subkey, "variables") == 0)
        return g_strdup (_("Change variables"));
      return g_strdup (_("Change flow settings"));
    }

  if (strcmp (self->key, "name") == 0)
    return g_strdup (_("Rename flow"));
  if (strcmp (self->key, "description") == 0)
    return g_strdup (_("Change description"));
  if (strcmp (self->key, "timezone") == 0)
    return g_strdup (_("Change time zone"));
  if (strcmp (self->key, "schedule") == 0)
    return g_strdup (_("Change schedule"));
  return g_strdup (_("Change flow settings"));
}

static void
wm_set_member_command_class_init (WmSetMemberCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_set_member_command_finalize;
  command_class->apply = wm_set_member_command_apply;
  command_class->revert = wm_set_member_command_revert;
  command_class->merge = wm_set_member_command_merge;
  command_class->describe = wm_set_member_command_describe;
}

static void
wm_set_member_command_init (WmSetMemberCommand *self)
{
  self->old.index = -1;
}

static WmCommand *
set_member_new (gboolean    on_version,
                guint       version,
                const char *key,
                const char *subkey,
                JsonNode   *value)
{
  WmSetMemberCommand *self = g_object_new (WM_TYPE_SET_MEMBER_COMMAND, NULL);

  self->on_version = on_version;
  self->version = version;
  self->key = g_strdup (key);
  self->subkey = g_strdup (subkey);
  self->value = copy_or_null (value);
  return WM_COMMAND (self);
}

static JsonNode *
string_node_or_null (const char *text)
{
  return text != NULL ? json_node_init_string (json_node_alloc (), text) : NULL;
}

WmCommand *
wm_command_set_flow_member_new (const char *key,
                                JsonNode   *value)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (strcmp (key, "versions") != 0, NULL);

  return set_member_new (FALSE, 0, key, NULL, value);
}

WmCommand *
wm_command_rename_flow_new (const char *name)
{
  g_autoptr(JsonNode) value = string_node_or_null (name);

  return wm_command_set_flow_member_new ("name", value);
}

WmCommand *
wm_command_set_description_new (const char *description)
{
  g_autoptr(JsonNode) value = string_node_or_null (description);

  return wm_command_set_flow_member_new ("description", value);
}

WmCommand *
wm_command_set_timezone_new (const char *tz_id)
{
  g_autoptr(JsonNode) value = string_node_or_null (tz_id);

  return wm_command_set_flow_member_new ("timezone", value);
}

WmCommand *
wm_command_set_schedule_new (JsonNode *schedule)
{
  return wm_command_set_flow_member_new ("schedule", schedule);
}

WmCommand *
wm_command_set_version_member_new (guint       version,
                                   const char *key,
                                   JsonNode   *value)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (strcmp (key, "elements") != 0 && strcmp (key, "connections") != 0, NULL);

  return set_member_new (TRUE, version, key, NULL, value);
}

WmCommand *
wm_command_set_settings_new (guint     version,
                             JsonNode *settings)
{
  return wm_command_set_version_member_new (version, "settings", settings);
}

WmCommand *
wm_command_set_setting_new (guint       version,
                            const char *key,
                            JsonNode   *value)
{
  g_return_val_if_fail (key != NULL, NULL);
  return set_member_new (TRUE, version, "settings", key, value);
}

WmCommand *
wm_command_set_reentry_new (guint     version,
                            JsonNode *reentry)
{
  return wm_command_set_setting_new (version, "reentry", reentry);
}

WmCommand *
wm_command_set_goal_new (guint     version,
                         JsonNode *goal)
{
  return wm_command_set_setting_new (version, "goal", goal);
}

WmCommand *
wm_command_set_variables_new (guint     version,
                              JsonNode *variables)
{
  return wm_command_set_setting_new (version, "variables", variables);
}
