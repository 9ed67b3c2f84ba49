/* wm-journey-commands.c - the undo commands that edit a journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One command type covers every journey edit; what differs is the edit
 * and how much of the document it snapshots when applied, which is what a
 * revert puts back exactly (key order and x- keys included):
 *  - the journey's own members: the root's members in order (values
 *    copied, the stages node kept by reference since these edits do not
 *    touch it), put back by re-adding them all in that order;
 *  - the stage list (add, remove, duplicate, move): the stage nodes in
 *    order, by reference, plus copies of the stages whose `after` links a
 *    removal edited;
 *  - anything inside one stage (its fields, flows, steps): a copy of the
 *    stage object and its index, put back into the same node.
 * The stack guarantees a revert meets the document as the apply left it,
 * so indices recorded at apply time are valid then. Snapshots are retaken
 * on every apply, so redo after undo is exact too.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-journey-commands.h"
#include "wm-json.h"
#include "wm-model-private.h"

typedef enum
{
  EDIT_JOURNEY_MEMBER,
  EDIT_JOURNEY_BEGINS,
  EDIT_ADD_STAGE,
  EDIT_REMOVE_STAGE,
  EDIT_DUPLICATE_STAGE,
  EDIT_MOVE_STAGE,
  EDIT_STAGE_MEMBER,
  EDIT_STAGE_BEGINS,
  EDIT_GROUP_FLOW,
  EDIT_UNGROUP_FLOW,
  EDIT_ADD_STEP,
  EDIT_REMOVE_STEP,
  EDIT_MOVE_STEP,
  EDIT_STEP_MEMBER,
  EDIT_STEP_KIND,
} Edit;

/* The fields of each step kind, in canonical order; the first is the
 * required one (journeys.md, the kinds table). */
static const struct
{
  const char *kind;
  const char *fields[3];
} step_kinds[] = {
  { "milestone", { "milestone", "flow", NULL } },
  { "outcome", { "outcome", "result", NULL } },
  { "event", { "event", "where", NULL } },
  { "flow", { "flow", "on", NULL } },
  { "task", { NULL } },
};

static const char * const *
kind_fields (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_kinds); i++)
    if (g_strcmp0 (kind, step_kinds[i].kind) == 0)
      return step_kinds[i].fields;
  return NULL;
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

/* ------------------------------------------------------------------ */
/* JSON helpers                                                        */

static JsonNode *
copy_or_null (JsonNode *node)
{
  return node != NULL ? wm_json_node_deep_copy (node) : NULL;
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) copy = wm_json_node_deep_copy (node);

  return json_object_ref (json_node_get_object (copy));
}

static JsonNode *
string_node_or_null (const char *text)
{
  return text != NULL ? json_node_init_string (json_node_alloc (), text) : NULL;
}

static JsonNode *
string_array_node (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  JsonNode *node;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

/* Sets @key to (a copy of) @value, or removes it. json-glib keeps the
 * place of a member that is set again, and appends a new one. */
static void
object_set (JsonObject *object,
            const char *key,
            JsonNode   *value)
{
  if (value != NULL)
    json_object_set_member (object, key, wm_json_node_deep_copy (value));
  else if (json_object_has_member (object, key))
    json_object_remove_member (object, key);
}

/* The nodes of @array, by reference. */
static GPtrArray *
array_nodes (JsonArray *array)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (nodes, json_node_ref (json_array_get_element (array, i)));
  return nodes;
}

/* Makes @node hold a new array of @nodes: json-glib 1.6 cannot insert
 * into an array, and the node keeps its place in the parent object. */
static void
node_set_nodes (JsonNode  *node,
                GPtrArray *nodes)
{
  JsonArray *array = json_array_sized_new (nodes->len);

  for (guint i = 0; i < nodes->len; i++)
    json_array_add_element (array, json_node_ref (g_ptr_array_index (nodes, i)));
  json_node_take_array (node, array);
}

static int
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (item)
          && g_strcmp0 (_wm_json_object_get_string (json_node_get_object (item), "id"), id) == 0)
        return i;
    }
  return -1;
}

static JsonArray *
member_array (JsonObject *object,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *s)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (_wm_json_string (json_array_get_element (array, i)), s) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Fresh ids and names                                                 */

/* An id from a name: ASCII letters and digits, other runs as "-". */
static char *
id_from_name (const char *name,
              const char *fallback)
{
  GString *id = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0' && id->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, fallback);
  return g_string_free (id, FALSE);
}

static GHashTable *
ids_of (JsonArray *array)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *id;

      if (JSON_NODE_HOLDS_OBJECT (item)
          && (id = _wm_json_object_get_string (json_node_get_object (item), "id")) != NULL)
        g_hash_table_add (ids, g_strdup (id));
    }
  return ids;
}

/* @base when it is a free, valid id, else "BASE-2", "BASE-3", ... */
static char *
unique_id (JsonArray  *array,
           const char *base,
           const char *fallback)
{
  g_autoptr(GHashTable) taken = ids_of (array);
  g_autofree char *stem = NULL;

  if (_wm_is_id (base) && !g_hash_table_contains (taken, base))
    return g_strdup (base);
  stem = _wm_is_id (base) ? g_strndup (base, 56) : id_from_name (base, fallback);
  if (!g_hash_table_contains (taken, stem))
    return g_steal_pointer (&stem);
  for (guint n = 2;; n++)
    {
      char *id = g_strdup_printf ("%s-%u", stem, n);

      if (!g_hash_table_contains (taken, id))
        return id;
      g_free (id);
    }
}

static gboolean
name_taken (JsonArray  *stages,
            const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonNode *item = json_array_get_element (stages, i);
      const char *other;
      g_autofree char *other_folded = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item)
          || (other = _wm_json_object_get_string (json_node_get_object (item), "name")) == NULL)
        continue;
      other_folded = g_utf8_casefold (other, -1);
      if (strcmp (folded, other_folded) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
copy_name (JsonArray  *stages,
           const char *name)
{
  /* Translators: the name of a duplicated journey stage */
  char *copy = g_strdup_printf (_("%s (copy)"), name);

  for (guint n = 2; name_taken (stages, copy); n++)
    {
      g_free (copy);
      /* Translators: the name of a journey stage duplicated again */
      copy = g_strdup_printf (_("%s (copy %u)"), name, n);
    }
  return copy;
}

JsonNode *
wm_journey_new_stage (WmJourney  *journey,
                      const char *name)
{
  JsonObject *stage = json_object_new ();
  JsonObject *begins = json_object_new ();
  JsonNode *node;
  g_autofree char *base = NULL, *id = NULL;

  g_return_val_if_fail (WM_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  base = id_from_name (name, "stage");
  id = unique_id (wm_journey_get_stages (journey), base, "stage");
  json_object_set_string_member (stage, "id", id);
  json_object_set_string_member (stage, "name", name);
  json_object_set_string_member (stage, "description", "");
  json_object_set_string_member (begins, "when", "journey");
  json_object_set_array_member (begins, "after", json_array_new ());
  json_object_set_object_member (stage, "begins", begins);
  json_object_set_string_member (stage, "entry", "");
  json_object_set_string_member (stage, "completes", "steps");
  json_object_set_array_member (stage, "steps", json_array_new ());
  json_object_set_array_member (stage, "flows", json_array_new ());
  json_object_set_string_member (stage, "duration", "7d");
  node = json_node_init_object (json_node_alloc (), stage);
  json_object_unref (stage);
  return node;
}

JsonNode *
wm_journey_new_step (WmJourney  *journey,
                     const char *stage,
                     const char *kind,
                     const char *name)
{
  const char * const *fields = kind_fields (kind);
  JsonArray *stages, *steps = NULL;
  JsonObject *step;
  JsonNode *node;
  g_autofree char *base = NULL, *id = NULL;
  int index;

  g_return_val_if_fail (WM_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stages = wm_journey_get_stages (journey);
  index = find_by_id (stages, stage);
  if (index >= 0)
    steps = member_array (json_array_get_object_element (stages, index), "steps");
  base = id_from_name (name, "step");
  id = unique_id (steps, base, "step");

  step = json_object_new ();
  json_object_set_string_member (step, "id", id);
  json_object_set_string_member (step, "name", name);
  json_object_set_string_member (step, "kind", kind);
  if (fields[0] != NULL)
    json_object_set_string_member (step, fields[0], "");
  json_object_set_boolean_member (step, "required", TRUE);
  node = json_node_init_object (json_node_alloc (), step);
  json_object_unref (step);
  return node;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

#define WM_TYPE_JOURNEY_EDIT_COMMAND (wm_journey_edit_command_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyEditCommand, wm_journey_edit_command, WM, JOURNEY_EDIT_COMMAND, WmCommand)

struct _WmJourneyEditCommand
{
  WmCommand   parent_instance;

  Edit        edit;
  char       *stage;       /* the stage's id */
  char       *step;        /* the step's id */
  char       *key;         /* the member, begins' member, the flow, the kind */
  JsonNode   *value;       /* NULL removes */
  guint       position;
  gboolean    merged;      /* a merged move may come back to where it began */

  /* Taken on apply. */
  char       *label;       /* the stage's (or step's) name or id */
  char       *step_label;
  char       *new_id;      /* of an added or duplicated stage or step */
  JsonObject *root;        /* the journey's members */
  GPtrArray  *stages;      /* the stage nodes */
  GPtrArray  *linked;      /* stage node, old object, ... (a removal's links) */
  JsonObject *stage_copy;
  int         stage_index;
};

G_DEFINE_FINAL_TYPE (WmJourneyEditCommand, wm_journey_edit_command, WM_TYPE_COMMAND)

static void
clear_snapshot (WmJourneyEditCommand *self)
{
  /* linked holds a node and an object reference per edited stage. */
  for (guint i = 0; self->linked != NULL && i < self->linked->len; i += 2)
    {
      json_node_unref (g_ptr_array_index (self->linked, i));
      json_object_unref (g_ptr_array_index (self->linked, i + 1));
    }
  g_clear_pointer (&self->root, json_object_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->linked, g_ptr_array_unref);
  g_clear_pointer (&self->stage_copy, json_object_unref);
  self->stage_index = -1;
}

static void
wm_journey_edit_command_finalize (GObject *object)
{
  WmJourneyEditCommand *self = (WmJourneyEditCommand *) object;

  clear_snapshot (self);
  g_clear_pointer (&self->value, json_node_unref);
  g_clear_pointer (&self->stage, g_free);
  g_clear_pointer (&self->step, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->step_label, g_free);
  g_clear_pointer (&self->new_id, g_free);

  G_OBJECT_CLASS (wm_journey_edit_command_parent_class)->finalize (object);
}

static char *
label_of (JsonObject *object)
{
  const char *name = _wm_json_object_get_string (object, "name");

  if (name == NULL || *name == '\0')
    name = _wm_json_object_get_string (object, "id");
  return g_strdup (name != NULL ? name : "");
}

/* The journey's own members ------------------------------------------ */

static JsonObject *
snapshot_root (JsonObject *root)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (copy, name,
                            strcmp (name, "stages") == 0 ? json_node_ref (node)
                                                         : wm_json_node_deep_copy (node));
  return copy;
}

static void
restore_root (JsonObject *root,
              JsonObject *snapshot)
{
  GList *names = json_object_get_members (root);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *member = g_strdup (l->data);
      json_object_remove_member (root, member);
    }
  g_list_free (names);
  json_object_iter_init_ordered (&iter, snapshot);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (root, name, json_node_ref (node));
}

static gboolean
apply_journey_member (WmJourneyEditCommand *self,
                      JsonObject           *root)
{
  self->root = snapshot_root (root);

  if (self->edit == EDIT_JOURNEY_MEMBER)
    object_set (root, self->key, self->value);
  else
    {
      JsonNode *begins = json_object_get_member (root, "begins");

      /* Absent means { "event": null, "where": "" }: spell it out so the
       * one member set has a place. */
      if (begins == NULL || !JSON_NODE_HOLDS_OBJECT (begins))
        {
          JsonObject *object = json_object_new ();

          json_object_set_null_member (object, "event");
          json_object_set_string_member (object, "where", "");
          json_object_set_object_member (root, "begins", object);
          begins = json_object_get_member (root, "begins");
        }
      if (self->value != NULL)
        object_set (json_node_get_object (begins), self->key, self->value);
      else
        json_object_set_null_member (json_node_get_object (begins), self->key);
    }
  return TRUE;
}

/* The stage list ------------------------------------------------------ */

static void
insert_node (GPtrArray *nodes,
             JsonNode  *node,
             guint      position)
{
  g_ptr_array_insert (nodes, MIN (position, nodes->len), json_node_ref (node));
}

/* Takes @id out of every other stage's `begins.after`. A stage that waited
 * for it alone would wait for nothing (`field-invalid`), so it now begins
 * when the journey begins, which is what an empty wait means. */
static void
unlink_stage (WmJourneyEditCommand *self,
              JsonArray            *stages,
              const char           *id)
{
  self->linked = g_ptr_array_new_with_free_func (NULL);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);
      JsonNode *begins = json_object_get_member (json_node_get_object (node), "begins");
      JsonNode *after;
      g_autoptr(GPtrArray) kept = NULL;
      JsonObject *begins_object;

      if (begins == NULL || !JSON_NODE_HOLDS_OBJECT (begins))
        continue;
      begins_object = json_node_get_object (begins);
      after = json_object_get_member (begins_object, "after");
      if (after == NULL || !JSON_NODE_HOLDS_ARRAY (after)
          || !array_has_string (json_node_get_array (after), id))
        continue;

      g_ptr_array_add (self->linked, json_node_ref (node));
      g_ptr_array_add (self->linked, copy_object (json_node_get_object (node)));

      kept = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      for (guint j = 0; j < json_array_get_length (json_node_get_array (after)); j++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (after), j);

          if (g_strcmp0 (_wm_json_string (item), id) != 0)
            g_ptr_array_add (kept, json_node_ref (item));
        }
      node_set_nodes (after, kept);
      if (kept->len == 0
          && g_strcmp0 (_wm_json_object_get_string (begins_object, "when"), "after") == 0)
        json_object_set_string_member (begins_object, "when", "journey");
    }
}

static gboolean
apply_stage_list (WmJourneyEditCommand *self,
                  JsonObject           *root)
{
  JsonNode *list = json_object_get_member (root, "stages");
  JsonArray *stages = json_node_get_array (list);
  g_autoptr(GPtrArray) nodes = array_nodes (stages);
  int index = self->edit == EDIT_ADD_STAGE ? -1 : find_by_id (stages, self->stage);

  if (self->edit != EDIT_ADD_STAGE && index < 0)
    return FALSE;
  if (self->edit == EDIT_MOVE_STAGE && !self->merged
      && (guint) index == MIN (self->position, nodes->len - 1))
    return FALSE;

  self->stages = array_nodes (stages);
  g_clear_pointer (&self->new_id, g_free);

  switch (self->edit)
    {
    case EDIT_ADD_STAGE:
    case EDIT_DUPLICATE_STAGE:
      {
        g_autoptr(JsonNode) copy = NULL;
        JsonObject *object;
        const char *id;

        copy = wm_json_node_deep_copy (self->edit == EDIT_ADD_STAGE
                                       ? self->value : json_array_get_element (stages, index));
        object = json_node_get_object (copy);
        g_free (self->label);
        self->label = label_of (object);
        id = _wm_json_object_get_string (object, "id");
        self->new_id = unique_id (stages, id, "stage");
        json_object_set_string_member (object, "id", self->new_id);
        if (self->edit == EDIT_DUPLICATE_STAGE)
          {
            g_autofree char *name = label_of (object);
            g_autofree char *copy_of = copy_name (stages, name);

            json_object_set_string_member (object, "name", copy_of);
          }
        insert_node (nodes, copy, self->edit == EDIT_ADD_STAGE ? self->position : (guint) index + 1);
      }
      break;

    case EDIT_REMOVE_STAGE:
      g_free (self->label);
      self->label = label_of (json_array_get_object_element (stages, index));
      g_ptr_array_remove_index (nodes, index);
      unlink_stage (self, stages, self->stage);
      break;

    case EDIT_MOVE_STAGE:
    default:
      {
        g_autoptr(JsonNode) node = json_node_ref (g_ptr_array_index (nodes, index));

        g_free (self->label);
        self->label = label_of (json_node_get_object (node));
        g_ptr_array_remove_index (nodes, index);
        insert_node (nodes, node, self->position);
      }
      break;
    }
  node_set_nodes (list, nodes);
  return TRUE;
}

static void
revert_stage_list (WmJourneyEditCommand *self,
                   JsonObject           *root)
{
  node_set_nodes (json_object_get_member (root, "stages"), self->stages);
  for (guint i = 0; self->linked != NULL && i < self->linked->len; i += 2)
    {
      JsonNode *node = g_ptr_array_index (self->linked, i);

      json_node_take_object (node, g_ptr_array_index (self->linked, i + 1));
      json_node_unref (node);
    }
  if (self->linked != NULL)
    g_ptr_array_set_size (self->linked, 0);
}

/* Inside one stage ---------------------------------------------------- */

/* The array member @key of @object; one that is missing or damaged is
 * replaced by an empty array (the snapshot keeps what it was). */
static JsonNode *
ensure_array (JsonObject *object,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (object, key, json_array_new ());
      node = json_object_get_member (object, key);
    }
  return node;
}

static gboolean
edit_flows (WmJourneyEditCommand *self,
            JsonObject           *stage)
{
  JsonArray *flows = member_array (stage, "flows");
  gboolean grouped = array_has_string (flows, self->key);
  JsonNode *node;
  g_autoptr(GPtrArray) nodes = NULL;

  if (grouped == (self->edit == EDIT_GROUP_FLOW))
    return FALSE;

  node = ensure_array (stage, "flows");
  nodes = array_nodes (json_node_get_array (node));
  if (self->edit == EDIT_GROUP_FLOW)
    g_ptr_array_add (nodes, json_node_init_string (json_node_alloc (), self->key));
  else
    for (guint i = nodes->len; i-- > 0;)
      if (g_strcmp0 (_wm_json_string (g_ptr_array_index (nodes, i)), self->key) == 0)
        g_ptr_array_remove_index (nodes, i);
  node_set_nodes (node, nodes);
  return TRUE;
}

static gboolean
step_key_fits (JsonObject *step,
               const char *key)
{
  const char *kind = _wm_json_object_get_string (step, "kind");

  return strcmp (key, "name") == 0 || strcmp (key, "required") == 0
         || g_str_has_prefix (key, "x-") || strv_has (kind_fields (kind), key);
}

/* Rebuilds @step for kind @kind: id, name, kind, the fields the new kind
 * has (kept, or the required one added empty), required, x- keys. */
static JsonObject *
step_of_kind (JsonObject *step,
              const char *kind)
{
  const char * const *fields = kind_fields (kind);
  JsonObject *result = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_set_member (result, "id", wm_json_node_deep_copy (json_object_get_member (step, "id")));
  if (json_object_has_member (step, "name"))
    json_object_set_member (result, "name", wm_json_node_deep_copy (json_object_get_member (step, "name")));
  json_object_set_string_member (result, "kind", kind);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      node = json_object_get_member (step, fields[i]);
      if (node != NULL)
        json_object_set_member (result, fields[i], wm_json_node_deep_copy (node));
      else if (i == 0)
        json_object_set_string_member (result, fields[i], "");
    }
  if (json_object_has_member (step, "required"))
    json_object_set_member (result, "required", wm_json_node_deep_copy (json_object_get_member (step, "required")));
  json_object_iter_init_ordered (&iter, step);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (g_str_has_prefix (name, "x-"))
      json_object_set_member (result, name, wm_json_node_deep_copy (node));
  return result;
}

static gboolean
edit_steps (WmJourneyEditCommand *self,
            JsonObject           *stage)
{
  JsonArray *steps = member_array (stage, "steps");
  int index = self->edit == EDIT_ADD_STEP ? -1 : find_by_id (steps, self->step);
  JsonObject *step = index >= 0 ? json_array_get_object_element (steps, index) : NULL;
  JsonNode *list;
  g_autoptr(GPtrArray) nodes = NULL;

  if (self->edit != EDIT_ADD_STEP && step == NULL)
    return FALSE;

  g_clear_pointer (&self->step_label, g_free);
  if (step != NULL)
    self->step_label = label_of (step);

  switch (self->edit)
    {
    case EDIT_STEP_MEMBER:
      if (!step_key_fits (step, self->key))
        return FALSE;
      object_set (step, self->key, self->value);
      return TRUE;

    case EDIT_STEP_KIND:
      if (g_strcmp0 (_wm_json_object_get_string (step, "kind"), self->key) == 0)
        return FALSE;
      json_node_take_object (json_array_get_element (steps, index), step_of_kind (step, self->key));
      return TRUE;

    case EDIT_MOVE_STEP:
      if (!self->merged && (guint) index == MIN (self->position, json_array_get_length (steps) - 1))
        return FALSE;
      break;

    default:
      break;
    }

  list = ensure_array (stage, "steps");
  nodes = array_nodes (json_node_get_array (list));
  if (self->edit == EDIT_ADD_STEP)
    {
      g_autoptr(JsonNode) copy = wm_json_node_deep_copy (self->value);
      JsonObject *object = json_node_get_object (copy);

      g_free (self->new_id);
      self->new_id = unique_id (json_node_get_array (list),
                                _wm_json_object_get_string (object, "id"), "step");
      json_object_set_string_member (object, "id", self->new_id);
      self->step_label = label_of (object);
      insert_node (nodes, copy, self->position);
    }
  else
    {
      g_autoptr(JsonNode) node = json_node_ref (g_ptr_array_index (nodes, index));

      g_ptr_array_remove_index (nodes, index);
      if (self->edit == EDIT_MOVE_STEP)
        insert_node (nodes, node, self->position);
    }
  node_set_nodes (list, nodes);
  return TRUE;
}

/* Sets `when` and `after` in the stage's begins object, keeping its other
 * members (x- keys); one that is missing or damaged is replaced. */
static void
set_stage_begins (JsonObject *stage,
                  JsonObject *value)
{
  JsonNode *begins = json_object_get_member (stage, "begins");
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (begins == NULL || !JSON_NODE_HOLDS_OBJECT (begins))
    {
      json_object_set_object_member (stage, "begins", copy_object (value));
      return;
    }
  json_object_iter_init_ordered (&iter, value);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    object_set (json_node_get_object (begins), name, node);
}

static gboolean
apply_in_stage (WmJourneyEditCommand *self,
                JsonObject           *root)
{
  JsonArray *stages = json_node_get_array (json_object_get_member (root, "stages"));
  int index = find_by_id (stages, self->stage);
  JsonObject *stage;
  gboolean applied;

  if (index < 0)
    return FALSE;
  stage = json_array_get_object_element (stages, index);
  g_free (self->label);
  self->label = label_of (stage);
  self->stage_copy = copy_object (stage);
  self->stage_index = index;

  switch (self->edit)
    {
    case EDIT_STAGE_MEMBER:
      object_set (stage, self->key, self->value);
      applied = TRUE;
      break;
    case EDIT_STAGE_BEGINS:
      set_stage_begins (stage, json_node_get_object (self->value));
      applied = TRUE;
      break;
    case EDIT_GROUP_FLOW:
    case EDIT_UNGROUP_FLOW:
      applied = edit_flows (self, stage);
      break;
    default:
      applied = edit_steps (self, stage);
      break;
    }
  if (!applied)
    {
      /* Nothing was changed yet when an edit does not fit. */
      g_clear_pointer (&self->stage_copy, json_object_unref);
      self->stage_index = -1;
    }
  return applied;
}

/* The vfuncs ---------------------------------------------------------- */

static gboolean
wm_journey_edit_command_apply_journey (WmCommand *command,
                                       WmJourney *journey)
{
  WmJourneyEditCommand *self = (WmJourneyEditCommand *) command;
  JsonObject *root = wm_journey_get_json (journey);
  gboolean applied;

  if (wm_journey_get_stages (journey) == NULL)
    return FALSE;

  clear_snapshot (self);
  switch (self->edit)
    {
    case EDIT_JOURNEY_MEMBER:
    case EDIT_JOURNEY_BEGINS:
      applied = apply_journey_member (self, root);
      break;
    case EDIT_ADD_STAGE:
    case EDIT_REMOVE_STAGE:
    case EDIT_DUPLICATE_STAGE:
    case EDIT_MOVE_STAGE:
      applied = apply_stage_list (self, root);
      break;
    default:
      applied = apply_in_stage (self, root);
      break;
    }
  if (applied)
    wm_journey_changed (journey);
  else
    clear_snapshot (self);
  return applied;
}

static void
wm_journey_edit_command_revert_journey (WmCommand *command,
                                        WmJourney *journey)
{
  WmJourneyEditCommand *self = (WmJourneyEditCommand *) command;
  JsonObject *root = wm_journey_get_json (journey);

  if (self->root != NULL)
    restore_root (root, self->root);
  else if (self->stages != NULL)
    revert_stage_list (self, root);
  else
    {
      JsonArray *stages = wm_journey_get_stages (journey);

      g_return_if_fail (self->stage_copy != NULL);
      g_return_if_fail (stages != NULL && (guint) self->stage_index < json_array_get_length (stages));

      json_node_take_object (json_array_get_element (stages, self->stage_index),
                             g_steal_pointer (&self->stage_copy));
    }
  clear_snapshot (self);
  wm_journey_changed (journey);
}

/* Text typed into one field, and repeated moves of one stage or step. */
static gboolean
is_typed (Edit        edit,
          const char *key)
{
  static const char * const journey_keys[] = { "name", "description", "event", "where", NULL };
  static const char * const stage_keys[] = { "name", "description", "entry", "duration", "behind", "stuck", NULL };
  static const char * const step_keys[] = { "name", "milestone", "flow", "outcome", "event", "where", NULL };

  switch (edit)
    {
    case EDIT_JOURNEY_MEMBER:
    case EDIT_JOURNEY_BEGINS:
      return strv_has (journey_keys, key);
    case EDIT_STAGE_MEMBER:
      return strv_has (stage_keys, key);
    case EDIT_STEP_MEMBER:
      return strv_has (step_keys, key);
    case EDIT_MOVE_STAGE:
    case EDIT_MOVE_STEP:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
holds_text (JsonNode *node)
{
  return node == NULL || _wm_json_string (node) != NULL;
}

static gboolean
wm_journey_edit_command_merge (WmCommand *command,
                               WmCommand *next_command)
{
  WmJourneyEditCommand *self = (WmJourneyEditCommand *) command;
  WmJourneyEditCommand *next;

  if (!WM_IS_JOURNEY_EDIT_COMMAND (next_command))
    return FALSE;
  next = (WmJourneyEditCommand *) next_command;

  if (next->edit != self->edit || !is_typed (self->edit, self->key)
      || g_strcmp0 (next->stage, self->stage) != 0 || g_strcmp0 (next->step, self->step) != 0
      || g_strcmp0 (next->key, self->key) != 0
      || !holds_text (self->value) || !holds_text (next->value)
      || !wm_command_is_within_merge_window (command, next_command))
    return FALSE;

  /* The snapshot stays the one from before the first edit. */
  g_clear_pointer (&self->value, json_node_unref);
  self->value = copy_or_null (next->value);
  self->position = next->position;
  self->merged = TRUE;
  return TRUE;
}

static char *
describe_stage_member (WmJourneyEditCommand *self)
{
  const char *label = self->label != NULL ? self->label : self->stage;

  if (strcmp (self->key, "name") == 0)
    return g_strdup_printf (_("Rename stage ‘%s’"), label);
  if (strcmp (self->key, "description") == 0)
    return g_strdup_printf (_("Change description of ‘%s’"), label);
  if (strcmp (self->key, "begins") == 0)
    return g_strdup_printf (_("Change when ‘%s’ begins"), label);
  if (strcmp (self->key, "entry") == 0)
    return g_strdup_printf (_("Change entry condition of ‘%s’"), label);
  if (strcmp (self->key, "completes") == 0)
    return g_strdup_printf (_("Change how ‘%s’ completes"), label);
  if (strcmp (self->key, "duration") == 0)
    return g_strdup_printf (_("Change how long ‘%s’ should take"), label);
  if (strcmp (self->key, "behind") == 0)
    return g_strdup_printf (_("Change when ‘%s’ is behind"), label);
  if (strcmp (self->key, "stuck") == 0)
    return g_strdup_printf (_("Change when ‘%s’ is stuck"), label);
  if (strcmp (self->key, "flows") == 0)
    return g_strdup_printf (_("Change flows of ‘%s’"), label);
  return g_strdup_printf (_("Change ‘%s’"), label);
}

static char *
describe_step (WmJourneyEditCommand *self)
{
  const char *label = self->step_label != NULL ? self->step_label : self->step;
  g_autofree char *added = NULL;

  if (label == NULL && self->edit == EDIT_ADD_STEP)
    label = added = label_of (json_node_get_object (self->value));

  switch (self->edit)
    {
    case EDIT_ADD_STEP:
      return g_strdup_printf (_("Add step ‘%s’"), label);
    case EDIT_REMOVE_STEP:
      return g_strdup_printf (_("Delete step ‘%s’"), label);
    case EDIT_MOVE_STEP:
      return g_strdup_printf (_("Move step ‘%s’"), label);
    case EDIT_STEP_KIND:
      return g_strdup_printf (_("Change kind of step ‘%s’"), label);
    case EDIT_STEP_MEMBER:
    default:
      if (strcmp (self->key, "name") == 0)
        return g_strdup_printf (_("Rename step ‘%s’"), label);
      if (strcmp (self->key, "required") == 0)
        return self->value != NULL && JSON_NODE_HOLDS_VALUE (self->value)
               && json_node_get_value_type (self->value) == G_TYPE_BOOLEAN
               && !json_node_get_boolean (self->value)
               ? g_strdup_printf (_("Make step ‘%s’ optional"), label)
               : g_strdup_printf (_("Make step ‘%s’ required"), label);
      return g_strdup_printf (_("Change step ‘%s’"), label);
    }
}

static char *
wm_journey_edit_command_describe (WmCommand *command)
{
  WmJourneyEditCommand *self = (WmJourneyEditCommand *) command;
  const char *label = self->label != NULL ? self->label : self->stage;
  g_autofree char *added = NULL;

  /* An add not applied yet: the name it brings. */
  if (label == NULL && self->edit == EDIT_ADD_STAGE)
    label = added = label_of (json_node_get_object (self->value));

  switch (self->edit)
    {
    case EDIT_JOURNEY_MEMBER:
      if (strcmp (self->key, "name") == 0)
        return g_strdup (_("Rename journey"));
      if (strcmp (self->key, "description") == 0)
        return g_strdup (_("Change journey description"));
      if (strcmp (self->key, "begins") == 0)
        return g_strdup (_("Change when the journey begins"));
      return g_strdup (_("Change journey"));
    case EDIT_JOURNEY_BEGINS:
      return g_strdup (_("Change when the journey begins"));
    case EDIT_ADD_STAGE:
      return g_strdup_printf (_("Add stage ‘%s’"), label);
    case EDIT_REMOVE_STAGE:
      return g_strdup_printf (_("Delete stage ‘%s’"), label);
    case EDIT_DUPLICATE_STAGE:
      return g_strdup_printf (_("Duplicate stage ‘%s’"), label);
    case EDIT_MOVE_STAGE:
      return g_strdup_printf (_("Move stage ‘%s’"), label);
    case EDIT_STAGE_MEMBER:
    case EDIT_STAGE_BEGINS:
      return describe_stage_member (self);
    case EDIT_GROUP_FLOW:
      return g_strdup_printf (_("Group flow ‘%s’ under ‘%s’"), self->key, label);
    case EDIT_UNGROUP_FLOW:
      return g_strdup_printf (_("Ungroup flow ‘%s’ from ‘%s’"), self->key, label);
    default:
      return describe_step (self);
    }
}

static void
wm_journey_edit_command_class_init (WmJourneyEditCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_journey_edit_command_finalize;
  command_class->apply_journey = wm_journey_edit_command_apply_journey;
  command_class->revert_journey = wm_journey_edit_command_revert_journey;
  command_class->merge = wm_journey_edit_command_merge;
  command_class->describe = wm_journey_edit_command_describe;
}

static void
wm_journey_edit_command_init (WmJourneyEditCommand *self)
{
  self->stage_index = -1;
}

/* Takes @value. */
static WmCommand *
edit_new (Edit        edit,
          const char *stage,
          const char *step,
          const char *key,
          JsonNode   *value,
          guint       position)
{
  WmJourneyEditCommand *self = g_object_new (WM_TYPE_JOURNEY_EDIT_COMMAND, NULL);

  self->edit = edit;
  self->stage = g_strdup (stage);
  self->step = g_strdup (step);
  self->key = g_strdup (key);
  self->value = value;
  self->position = position;
  return WM_COMMAND (self);
}

/* ------------------------------------------------------------------ */
/* Constructors                                                        */

WmCommand *
wm_journey_command_set_member_new (const char *key,
                                   JsonNode   *value)
{
  static const char * const fixed[] = { "format", "format_version", "id", "stages", NULL };

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (!strv_has (fixed, key), NULL);

  return edit_new (EDIT_JOURNEY_MEMBER, NULL, NULL, key, copy_or_null (value), 0);
}

WmCommand *
wm_journey_command_rename_new (const char *name)
{
  return edit_new (EDIT_JOURNEY_MEMBER, NULL, NULL, "name", string_node_or_null (name != NULL ? name : ""), 0);
}

WmCommand *
wm_journey_command_set_description_new (const char *description)
{
  return edit_new (EDIT_JOURNEY_MEMBER, NULL, NULL, "description",
                   string_node_or_null (description != NULL ? description : ""), 0);
}

WmCommand *
wm_journey_command_set_begins_event_new (const char *event)
{
  /* NULL: the member becomes null (begin at start), not absent. */
  return edit_new (EDIT_JOURNEY_BEGINS, NULL, NULL, "event", string_node_or_null (event), 0);
}

WmCommand *
wm_journey_command_set_begins_where_new (const char *where)
{
  return edit_new (EDIT_JOURNEY_BEGINS, NULL, NULL, "where", string_node_or_null (where != NULL ? where : ""), 0);
}

WmCommand *
wm_journey_command_add_stage_new (JsonNode *stage,
                                  guint     position)
{
  g_return_val_if_fail (stage != NULL && JSON_NODE_HOLDS_OBJECT (stage), NULL);

  return edit_new (EDIT_ADD_STAGE, NULL, NULL, NULL, wm_json_node_deep_copy (stage), position);
}

WmCommand *
wm_journey_command_remove_stage_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (EDIT_REMOVE_STAGE, id, NULL, NULL, NULL, 0);
}

WmCommand *
wm_journey_command_duplicate_stage_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (EDIT_DUPLICATE_STAGE, id, NULL, NULL, NULL, 0);
}

const char *
wm_journey_command_get_new_id (WmCommand *command)
{
  g_return_val_if_fail (WM_IS_COMMAND (command), NULL);

  if (!WM_IS_JOURNEY_EDIT_COMMAND (command))
    return NULL;
  return ((WmJourneyEditCommand *) command)->new_id;
}

WmCommand *
wm_journey_command_move_stage_new (const char *id,
                                   guint       position)
{
  g_return_val_if_fail (id != NULL, NULL);
  return edit_new (EDIT_MOVE_STAGE, id, NULL, NULL, NULL, position);
}

WmCommand *
wm_journey_command_set_stage_member_new (const char *stage,
                                         const char *key,
                                         JsonNode   *value)
{
  g_return_val_if_fail (stage != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (strcmp (key, "id") != 0 && strcmp (key, "steps") != 0, NULL);

  return edit_new (EDIT_STAGE_MEMBER, stage, NULL, key, copy_or_null (value), 0);
}

static WmCommand *
stage_text_new (const char *stage,
                const char *key,
                const char *text)
{
  g_autoptr(JsonNode) value = string_node_or_null (text);

  return wm_journey_command_set_stage_member_new (stage, key, value);
}

WmCommand *
wm_journey_command_rename_stage_new (const char *stage,
                                     const char *name)
{
  return stage_text_new (stage, "name", name != NULL ? name : "");
}

WmCommand *
wm_journey_command_set_stage_description_new (const char *stage,
                                              const char *description)
{
  return stage_text_new (stage, "description", description != NULL ? description : "");
}

WmCommand *
wm_journey_command_set_stage_begins_new (const char         *stage,
                                         const char         *when,
                                         const char * const *after)
{
  JsonObject *begins;
  JsonNode *value;

  g_return_val_if_fail (stage != NULL, NULL);
  g_return_val_if_fail (when != NULL, NULL);

  begins = json_object_new ();
  json_object_set_string_member (begins, "when", when);
  json_object_set_member (begins, "after", string_array_node (after));
  value = json_node_init_object (json_node_alloc (), begins);
  json_object_unref (begins);
  return edit_new (EDIT_STAGE_BEGINS, stage, NULL, "begins", value, 0);
}

WmCommand *
wm_journey_command_set_stage_entry_new (const char *stage,
                                        const char *entry)
{
  return stage_text_new (stage, "entry", entry != NULL ? entry : "");
}

WmCommand *
wm_journey_command_set_stage_completes_new (const char *stage,
                                            const char *completes)
{
  g_return_val_if_fail (completes != NULL, NULL);
  return stage_text_new (stage, "completes", completes);
}

WmCommand *
wm_journey_command_set_stage_duration_new (const char *stage,
                                           const char *duration)
{
  g_return_val_if_fail (duration != NULL, NULL);
  return stage_text_new (stage, "duration", duration);
}

WmCommand *
wm_journey_command_set_stage_behind_new (const char *stage,
                                         const char *behind)
{
  return stage_text_new (stage, "behind", behind);
}

WmCommand *
wm_journey_command_set_stage_stuck_new (const char *stage,
                                        const char *stuck)
{
  return stage_text_new (stage, "stuck", stuck);
}

WmCommand *
wm_journey_command_group_flow_new (const char *stage,
                                   const char *flow)
{
  g_return_val_if_fail (stage != NULL && flow != NULL, NULL);
  return edit_new (EDIT_GROUP_FLOW, stage, NULL, flow, NULL, 0);
}

WmCommand *
wm_journey_command_ungroup_flow_new (const char *stage,
                                     const char *flow)
{
  g_return_val_if_fail (stage != NULL && flow != NULL, NULL);
  return edit_new (EDIT_UNGROUP_FLOW, stage, NULL, flow, NULL, 0);
}

WmCommand *
wm_journey_command_add_step_new (const char *stage,
                                 JsonNode   *step,
                                 guint       position)
{
  g_return_val_if_fail (stage != NULL, NULL);
  g_return_val_if_fail (step != NULL && JSON_NODE_HOLDS_OBJECT (step), NULL);

  return edit_new (EDIT_ADD_STEP, stage, NULL, NULL, wm_json_node_deep_copy (step), position);
}

WmCommand *
wm_journey_command_remove_step_new (const char *stage,
                                    const char *step)
{
  g_return_val_if_fail (stage != NULL && step != NULL, NULL);
  return edit_new (EDIT_REMOVE_STEP, stage, step, NULL, NULL, 0);
}

WmCommand *
wm_journey_command_move_step_new (const char *stage,
                                  const char *step,
                                  guint       position)
{
  g_return_val_if_fail (stage != NULL && step != NULL, NULL);
  return edit_new (EDIT_MOVE_STEP, stage, step, NULL, NULL, position);
}

WmCommand *
wm_journey_command_set_step_member_new (const char *stage,
                                        const char *step,
                                        const char *key,
                                        JsonNode   *value)
{
  g_return_val_if_fail (stage != NULL && step != NULL && key != NULL, NULL);
  g_return_val_if_fail (strcmp (key, "id") != 0 && strcmp (key, "kind") != 0, NULL);

  return edit_new (EDIT_STEP_MEMBER, stage, step, key, copy_or_null (value), 0);
}

WmCommand *
wm_journey_command_rename_step_new (const char *stage,
                                    const char *step,
                                    const char *name)
{
  g_autoptr(JsonNode) value = string_node_or_null (name != NULL ? name : "");

  return wm_journey_command_set_step_member_new (stage, step, "name", value);
}

WmCommand *
wm_journey_command_set_step_required_new (const char *stage,
                                          const char *step,
                                          gboolean    required)
{
  g_autoptr(JsonNode) value = json_node_init_boolean (json_node_alloc (), required);

  return wm_journey_command_set_step_member_new (stage, step, "required", value);
}

WmCommand *
wm_journey_command_set_step_kind_new (const char *stage,
                                      const char *step,
                                      const char *kind)
{
  g_return_val_if_fail (stage != NULL && step != NULL, NULL);
  g_return_val_if_fail (kind_fields (kind) != NULL, NULL);

  return edit_new (EDIT_STEP_KIND, stage, step, kind, NULL, 0);
}
