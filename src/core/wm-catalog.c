/* wm-catalog.c - flows and a milestone/outcome catalog at hand (command line)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-catalog.h"
#include "wm-json.h"
#include "wm-model-private.h"
#include "wm-schema.h"

struct _WmCatalog
{
  GObject     parent_instance;

  JsonNode   *json;         /* the document read, or NULL */
  GHashTable *milestones;   /* id -> name, NULL until a catalog is read */
  GHashTable *outcomes;
  GPtrArray  *flows;
  gboolean    flows_complete;
  gboolean    check_inbound;
};

static void lookup_iface_init (WmLookupInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WmCatalog, wm_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WM_TYPE_LOOKUP, lookup_iface_init))

G_DEFINE_QUARK (wm-catalog-error-quark, wm_catalog_error)

static void
wm_catalog_finalize (GObject *object)
{
  WmCatalog *self = (WmCatalog *) object;

  g_clear_pointer (&self->json, json_node_unref);
  g_clear_pointer (&self->milestones, g_hash_table_unref);
  g_clear_pointer (&self->outcomes, g_hash_table_unref);
  g_clear_pointer (&self->flows, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_catalog_parent_class)->finalize (object);
}

static void
wm_catalog_class_init (WmCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_catalog_finalize;
}

static void
wm_catalog_init (WmCatalog *self)
{
  self->flows = g_ptr_array_new_with_free_func (g_object_unref);
}

WmCatalog *
wm_catalog_new (void)
{
  return g_object_new (WM_TYPE_CATALOG, NULL);
}

static const WmSchemaEntry definition_layout[] = {
  { "id", WM_SCHEMA_VALUE, NULL, NULL },
  { "name", WM_SCHEMA_VALUE, NULL, NULL },
  { "description", WM_SCHEMA_VALUE, NULL, NULL },
  { NULL, 0, NULL, NULL }
};
static const WmSchemaEntry catalog_layout[] = {
  { "format", WM_SCHEMA_VALUE, NULL, NULL },
  { "format_version", WM_SCHEMA_VALUE, NULL, NULL },
  { "milestones", WM_SCHEMA_OBJECT_ARRAY, definition_layout, NULL },
  { "outcomes", WM_SCHEMA_OBJECT_ARRAY, definition_layout, NULL },
  { NULL, 0, NULL, NULL }
};

static GHashTable *
read_definitions (JsonObject  *root,
                  const char  *key,
                  GError     **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *node = json_object_get_member (root, key);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_steal_pointer (&table);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, WM_CATALOG_ERROR, WM_CATALOG_ERROR_INVALID,
                   "%s: must be an array", key);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *id, *name;

      if (!JSON_NODE_HOLDS_OBJECT (item)
          || (id = _wm_json_object_get_string (json_node_get_object (item), "id")) == NULL)
        {
          g_set_error (error, WM_CATALOG_ERROR, WM_CATALOG_ERROR_INVALID,
                       "%s[%u]: each entry needs a string 'id'", key, i);
          return NULL;
        }
      if (g_hash_table_contains (table, id))
        {
          g_set_error (error, WM_CATALOG_ERROR, WM_CATALOG_ERROR_INVALID,
                       "%s[%u]: the id '%s' is listed twice", key, i, id);
          return NULL;
        }
      name = _wm_json_object_get_string (json_node_get_object (item), "name");
      g_hash_table_insert (table, g_strdup (id), g_strdup (name));
    }
  return g_steal_pointer (&table);
}

gboolean
wm_catalog_load_node (WmCatalog  *self,
                      JsonNode   *root,
                      GError    **error)
{
  JsonObject *object;
  JsonNode *version;
  g_autoptr(GHashTable) milestones = NULL;
  g_autoptr(GHashTable) outcomes = NULL;

  g_return_val_if_fail (WM_IS_CATALOG (self), FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (root)
      || g_strcmp0 (_wm_json_object_get_string (json_node_get_object (root), "format"),
                    "waymark.catalog") != 0)
    {
      g_set_error_literal (error, WM_CATALOG_ERROR, WM_CATALOG_ERROR_INVALID,
                           "not a Waymark catalog: 'format' must be 'waymark.catalog'");
      return FALSE;
    }
  object = json_node_get_object (root);
  version = json_object_get_member (object, "format_version");
  if (!_wm_json_node_is_number (version) || json_node_get_double (version) != 1)
    {
      g_set_error_literal (error, WM_CATALOG_ERROR, WM_CATALOG_ERROR_INVALID,
                           "format_version: this Waymark reads catalog format version 1 only");
      return FALSE;
    }
  if (!wm_schema_check_keys (object, catalog_layout, "", WM_CATALOG_ERROR,
                             WM_CATALOG_ERROR_INVALID, error))
    return FALSE;

  milestones = read_definitions (object, "milestones", error);
  if (milestones == NULL)
    return FALSE;
  outcomes = read_definitions (object, "outcomes", error);
  if (outcomes == NULL)
    return FALSE;

  g_clear_pointer (&self->milestones, g_hash_table_unref);
  g_clear_pointer (&self->outcomes, g_hash_table_unref);
  self->milestones = g_steal_pointer (&milestones);
  self->outcomes = g_steal_pointer (&outcomes);
  g_clear_pointer (&self->json, json_node_unref);
  self->json = wm_json_node_deep_copy (root);
  return TRUE;
}

JsonNode *
wm_catalog_get_json (WmCatalog *self)
{
  g_return_val_if_fail (WM_IS_CATALOG (self), NULL);
  return self->json;
}

gboolean
wm_catalog_load_file (WmCatalog  *self,
                      const char *path,
                      GError    **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (WM_IS_CATALOG (self), FALSE);

  root = wm_json_parse_file (path, error);
  return root != NULL && wm_catalog_load_node (self, root, error);
}

gboolean
wm_catalog_has_milestones (WmCatalog *self)
{
  g_return_val_if_fail (WM_IS_CATALOG (self), FALSE);
  return self->milestones != NULL;
}

const char *
wm_catalog_get_milestone_name (WmCatalog  *self,
                               const char *id)
{
  g_return_val_if_fail (WM_IS_CATALOG (self), NULL);
  return self->milestones != NULL ? g_hash_table_lookup (self->milestones, id) : NULL;
}

const char *
wm_catalog_get_outcome_name (WmCatalog  *self,
                             const char *id)
{
  g_return_val_if_fail (WM_IS_CATALOG (self), NULL);
  return self->outcomes != NULL ? g_hash_table_lookup (self->outcomes, id) : NULL;
}

static GHashTable *
copy_table (GHashTable *table)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key, value;

  if (table == NULL)
    return NULL;
  copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

void
wm_catalog_copy_definitions (WmCatalog *self,
                             WmCatalog *source)
{
  g_return_if_fail (WM_IS_CATALOG (self));
  g_return_if_fail (WM_IS_CATALOG (source));

  g_clear_pointer (&self->milestones, g_hash_table_unref);
  g_clear_pointer (&self->outcomes, g_hash_table_unref);
  self->milestones = copy_table (source->milestones);
  self->outcomes = copy_table (source->outcomes);
}

void
wm_catalog_add_flow (WmCatalog *self,
                     WmFlow    *flow)
{
  g_return_if_fail (WM_IS_CATALOG (self));
  g_return_if_fail (WM_IS_FLOW (flow));
  g_ptr_array_add (self->flows, g_object_ref (flow));
}

void
wm_catalog_set_flows_complete (WmCatalog *self,
                               gboolean   complete)
{
  g_return_if_fail (WM_IS_CATALOG (self));
  self->flows_complete = !!complete;
}

void
wm_catalog_set_check_inbound (WmCatalog *self,
                              gboolean   check)
{
  g_return_if_fail (WM_IS_CATALOG (self));
  self->check_inbound = !!check;
}

static WmLookupResult
find_in (GHashTable *table,
         const char *id)
{
  if (table == NULL)
    return WM_LOOKUP_UNKNOWN;
  return g_hash_table_contains (table, id) ? WM_LOOKUP_FOUND : WM_LOOKUP_MISSING;
}

static WmLookupResult
catalog_find_milestone (WmLookup   *lookup,
                        const char *id)
{
  return find_in (WM_CATALOG (lookup)->milestones, id);
}

static WmLookupResult
catalog_find_outcome (WmLookup   *lookup,
                      const char *id)
{
  return find_in (WM_CATALOG (lookup)->outcomes, id);
}

static WmLookupResult
catalog_find_flow (WmLookup   *lookup,
                   const char *id,
                   WmFlow    **flow)
{
  WmCatalog *self = WM_CATALOG (lookup);

  for (guint i = 0; i < self->flows->len; i++)
    if (g_strcmp0 (wm_flow_get_id (self->flows->pdata[i]), id) == 0)
      {
        *flow = self->flows->pdata[i];
        return WM_LOOKUP_FOUND;
      }
  return self->flows_complete ? WM_LOOKUP_MISSING : WM_LOOKUP_UNKNOWN;
}

static GPtrArray *
catalog_list_flows (WmLookup *lookup)
{
  WmCatalog *self = WM_CATALOG (lookup);

  return self->check_inbound ? self->flows : NULL;
}

static void
lookup_iface_init (WmLookupInterface *iface)
{
  iface->find_milestone = catalog_find_milestone;
  iface->find_outcome = catalog_find_outcome;
  iface->find_flow = catalog_find_flow;
  iface->list_flows = catalog_list_flows;
}
