/* wm-sim-partial.c - partial results: simulate parts anywhere, merge exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "wm-flow-io.h"
#include "wm-journey.h"
#include "wm-json.h"
#include "wm-sim-partial.h"
#include "wm-sim-report.h"
#include "wm-time.h"

/* JSON numbers are doubles: an integer beyond 2^53 is written as a string
 * of digits so no count is ever rounded. */
#define EXACT_LIMIT G_GINT64_CONSTANT (9007199254740992)

static JsonNode *
integer_node (gint64 value)
{
  JsonNode *node = json_node_alloc ();

  if (value > -EXACT_LIMIT && value < EXACT_LIMIT)
    json_node_init_int (node, value);
  else
    {
      char buf[32];

      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
      json_node_init_string (node, buf);
    }
  return node;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static JsonNode *
inputs_to_json (const WmSimInputs *inputs)
{
  JsonObject *object = json_object_new ();
  JsonObject *flows = json_object_new ();
  JsonObject *journeys = json_object_new ();
  JsonObject *tries = json_object_new ();
  JsonNode *node = json_node_alloc ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  char buf[32];

  json_object_set_string_member (object, "start", wm_timestamp_format (inputs->start, buf));
  json_object_set_string_member (object, "end", wm_timestamp_format (inputs->end, buf));
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, inputs->seed);
  json_object_set_string_member (object, "seed", buf);

  if (inputs->tries != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, inputs->tries);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (ids, key);
      g_ptr_array_sort (ids, compare_keys);
      for (guint i = 0; i < ids->len; i++)
        {
          g_hash_table_lookup_extended (inputs->tries, ids->pdata[i], NULL, &value);
          json_object_set_int_member (tries, ids->pdata[i], GPOINTER_TO_UINT (value));
        }
    }
  json_object_set_object_member (object, "tries", tries);

  json_object_set_member (object, "params", wm_params_to_json (&inputs->params));
  if (inputs->catalog != NULL && wm_catalog_get_json (inputs->catalog) != NULL)
    json_object_set_member (object, "catalog", wm_json_node_deep_copy (wm_catalog_get_json (inputs->catalog)));
  else
    json_object_set_null_member (object, "catalog");

  for (guint i = 0; i < inputs->flows->len; i++)
    json_object_set_member (flows, wm_flow_get_id (inputs->flows->pdata[i]),
                            wm_flow_to_canonical_node (inputs->flows->pdata[i]));
  json_object_set_object_member (object, "flows", flows);

  for (guint i = 0; inputs->journeys != NULL && i < inputs->journeys->len; i++)
    {
      g_autofree char *text = wm_journey_to_canonical (inputs->journeys->pdata[i], NULL);

      json_object_set_member (journeys, wm_journey_get_id (inputs->journeys->pdata[i]),
                              wm_json_parse (text, -1, 0, NULL, NULL, NULL));
    }
  json_object_set_object_member (object, "journeys", journeys);

  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

static JsonArray *
sorted_counts (GHashTable *table,
               gboolean    paths)
{
  g_autofree gpointer keys = NULL;
  guint n;
  JsonArray *array = json_array_new ();

  keys = g_hash_table_get_keys_as_array (table, &n);
  qsort (keys, n, sizeof (char *), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      const char *key = ((const char **) keys)[i];
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", -1);
      JsonArray *item = json_array_new ();

      /* flow index, slot, [outcome index, result, milestones | month] */
      json_array_add_int_element (item, g_ascii_strtoll (parts[0], NULL, 10));
      json_array_add_int_element (item, g_ascii_strtoll (parts[1], NULL, 10));
      if (paths)
        {
          json_array_add_int_element (item, g_ascii_strtoll (parts[2], NULL, 10));
          json_array_add_string_element (item, parts[3]);
          json_array_add_string_element (item, parts[4]);
        }
      else
        json_array_add_string_element (item, parts[2]);
      json_array_add_element (item, integer_node (*(guint64 *) g_hash_table_lookup (table, key)));
      json_array_add_array_element (array, item);
    }
  return array;
}

gboolean
wm_sim_partial_write (const WmSimInputs  *inputs,
                      const WmSimResult  *result,
                      const char         *path,
                      GError            **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  JsonObject *run = json_object_new ();
  JsonArray *counters = json_array_new ();
  const gint64 *c = wm_sim_worker_get_counters (result->results);
  guint n_counters = 0;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (result->results != NULL, FALSE);

  json_object_set_string_member (root, "format", "waymark.partial");
  json_object_set_int_member (root, "format_version", WM_SIM_PARTIAL_FORMAT_VERSION);
  json_object_set_member (root, "inputs", inputs_to_json (inputs));

  json_object_set_member (run, "profiles", integer_node (result->profiles));
  json_object_set_member (run, "events", integer_node (result->events));
  json_object_set_member (run, "rejected_lines", integer_node (result->rejected_lines));
  json_object_set_object_member (root, "run", run);

  n_counters = wm_sim_worker_get_n_counters (result->results);
  for (guint i = 0; i < n_counters; i++)
    json_array_add_element (counters, integer_node (c[i]));
  json_object_set_array_member (root, "counters", counters);
  json_object_set_array_member (root, "paths", sorted_counts (wm_sim_worker_get_paths (result->results), TRUE));
  json_object_set_array_member (root, "engaged", sorted_counts (wm_sim_worker_get_engaged (result->results), FALSE));

  json_node_init_object (node, root);
  text = wm_json_to_canonical (node, &length);
  return g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* ---- reading and merging ---- */

static gboolean
usage (GError    **error,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage (GError    **error,
       const char *format,
       ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE, message);
  return FALSE;
}

static gboolean
read_integer (JsonNode *node,
              gint64   *out)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_string_to_signed (json_node_get_string (node), 10, G_MININT64, G_MAXINT64, out, NULL);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (!(d > -9e15 && d < 9e15) || d != (double) (gint64) d)
        return FALSE;
      *out = (gint64) d;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_count (JsonNode *node,
            guint64  *out)
{
  gint64 value;

  if (!read_integer (node, &value) || value < 0)
    return FALSE;
  *out = value;
  return TRUE;
}

static char *
canonical_text (JsonNode *node)
{
  return node != NULL ? wm_json_to_canonical (node, NULL) : g_strdup ("");
}

static gboolean
same_member (JsonObject *a,
             JsonObject *b,
             const char *key)
{
  g_autofree char *x = canonical_text (json_object_get_member (a, key));
  g_autofree char *y = canonical_text (json_object_get_member (b, key));

  return strcmp (x, y) == 0;
}

/* The first parameter whose value differs, as a dotted path. */
static char *
first_difference (JsonNode   *a,
                  JsonNode   *b,
                  const char *path)
{
  if (a != NULL && b != NULL && JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, json_node_get_object (a));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        {
          g_autofree char *sub = *path ? g_strconcat (path, ".", key, NULL) : g_strdup (key);
          char *found = first_difference (value, json_object_get_member (json_node_get_object (b), key), sub);

          if (found != NULL)
            return found;
        }
      json_object_iter_init_ordered (&iter, json_node_get_object (b));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (!json_object_has_member (json_node_get_object (a), key))
          return *path ? g_strconcat (path, ".", key, NULL) : g_strdup (key);
      return NULL;
    }
  {
    g_autofree char *x = canonical_text (a);
    g_autofree char *y = canonical_text (b);

    return strcmp (x, y) == 0 ? NULL : g_strdup (*path ? path : "(the whole document)");
  }
}

static char *
describe_document_difference (JsonObject *a,
                              JsonObject *b,
                              const char *what)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *doc;

  json_object_iter_init_ordered (&iter, a);
  while (json_object_iter_next_ordered (&iter, &id, &doc))
    {
      JsonNode *other = json_object_get_member (b, id);
      g_autofree char *x = NULL, *y = NULL;

      if (other == NULL)
        return g_strdup_printf ("the %s “%s” is missing", what, id);
      x = canonical_text (doc);
      y = canonical_text (other);
      if (strcmp (x, y) == 0)
        continue;

      /* Name the version that differs when there is one. */
      if (JSON_NODE_HOLDS_OBJECT (doc) && JSON_NODE_HOLDS_OBJECT (other))
        {
          JsonNode *va = json_object_get_member (json_node_get_object (doc), "versions");
          JsonNode *vb = json_object_get_member (json_node_get_object (other), "versions");

          if (va != NULL && vb != NULL && JSON_NODE_HOLDS_ARRAY (va) && JSON_NODE_HOLDS_ARRAY (vb))
            for (guint i = 0; i < json_array_get_length (json_node_get_array (va)); i++)
              {
                JsonNode *v1 = json_array_get_element (json_node_get_array (va), i);
                g_autofree char *t1 = canonical_text (v1);
                g_autofree char *t2 = i < json_array_get_length (json_node_get_array (vb))
                  ? canonical_text (json_array_get_element (json_node_get_array (vb), i)) : g_strdup ("");

                if (strcmp (t1, t2) != 0 && JSON_NODE_HOLDS_OBJECT (v1))
                  return g_strdup_printf ("the %s “%s” differs in version %g", what, id,
                                          json_object_get_double_member_with_default (json_node_get_object (v1),
                                                                                      "number", 0));
              }
        }
      return g_strdup_printf ("the %s “%s” differs", what, id);
    }
  json_object_iter_init_ordered (&iter, b);
  while (json_object_iter_next_ordered (&iter, &id, &doc))
    if (!json_object_has_member (a, id))
      return g_strdup_printf ("the %s “%s” is extra", what, id);
  return NULL;
}

/* Why the inputs of two partials differ, or NULL when they are the same. */
static char *
inputs_difference (JsonObject *a,
                   JsonObject *b)
{
  static const char * const scalars[] = { "start", "end", "seed", "tries", "catalog" };

  for (guint i = 0; i < G_N_ELEMENTS (scalars); i++)
    if (!same_member (a, b, scalars[i]))
      return g_strdup_printf (strcmp (scalars[i], "catalog") == 0 ? "the catalog differs"
                              : strcmp (scalars[i], "tries") == 0 ? "the tried versions (--try) differ"
                              : "the run's %s differs", scalars[i]);
  if (!same_member (a, b, "params"))
    {
      g_autofree char *key = first_difference (json_object_get_member (a, "params"),
                                               json_object_get_member (b, "params"), "");

      return g_strdup_printf ("the run parameter %s differs", key);
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "flows" : "journeys";
      JsonNode *x = json_object_get_member (a, key);
      JsonNode *y = json_object_get_member (b, key);

      if (x == NULL || y == NULL || !JSON_NODE_HOLDS_OBJECT (x) || !JSON_NODE_HOLDS_OBJECT (y))
        {
          if (!same_member (a, b, key))
            return g_strdup_printf ("the %s differ", key);
          continue;
        }
      {
        char *why = describe_document_difference (json_node_get_object (x), json_node_get_object (y),
                                                  i == 0 ? "flow" : "journey");
        if (why != NULL)
          return why;
      }
    }
  return NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Rebuilds the run's inputs and program from the first partial. */
static gboolean
rebuild (WmSimMerge *merge,
         const char *file,
         JsonObject *inputs,
         GError    **error)
{
  JsonObject *flows = member_object (inputs, "flows");
  JsonObject *journeys = member_object (inputs, "journeys");
  JsonObject *tries = member_object (inputs, "tries");
  JsonNode *params = json_object_get_member (inputs, "params");
  JsonNode *catalog = json_object_get_member (inputs, "catalog");
  const char *start = json_object_get_string_member_with_default (inputs, "start", NULL);
  const char *end = json_object_get_string_member_with_default (inputs, "end", NULL);
  const char *seed = json_object_get_string_member_with_default (inputs, "seed", NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *params_text = NULL;
  JsonObjectIter iter;
  const char *id;
  JsonNode *doc;
  g_autoptr(GPtrArray) diagnostics = NULL;

  if (flows == NULL || journeys == NULL || tries == NULL || params == NULL || catalog == NULL
      || start == NULL || end == NULL || seed == NULL
      || !wm_timestamp_parse (start, -1, &merge->inputs.start)
      || !wm_timestamp_parse (end, -1, &merge->inputs.end)
      || !g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &merge->inputs.seed, NULL))
    return usage (error, "%s: not a complete partial result: its inputs are damaged", file);

  merge->flows = g_ptr_array_new_with_free_func (g_object_unref);
  json_object_iter_init_ordered (&iter, flows);
  while (json_object_iter_next_ordered (&iter, &id, &doc))
    {
      WmFlow *flow = wm_flow_load_from_node (doc, &local_error);

      if (flow == NULL)
        return usage (error, "%s: inputs.flows.%s: %s", file, id, local_error->message);
      g_ptr_array_add (merge->flows, flow);
    }
  merge->journeys = g_ptr_array_new_with_free_func (g_object_unref);
  json_object_iter_init_ordered (&iter, journeys);
  while (json_object_iter_next_ordered (&iter, &id, &doc))
    {
      WmJourney *journey = wm_journey_load_from_node (doc, &local_error);

      if (journey == NULL)
        return usage (error, "%s: inputs.journeys.%s: %s", file, id, local_error->message);
      g_ptr_array_add (merge->journeys, journey);
    }

  merge->inputs.tries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  json_object_iter_init_ordered (&iter, tries);
  while (json_object_iter_next_ordered (&iter, &id, &doc))
    {
      gint64 number;

      if (!read_integer (doc, &number) || number < 1 || number > G_MAXINT32)
        return usage (error, "%s: inputs.tries.%s: not a version number", file, id);
      g_hash_table_insert (merge->inputs.tries, g_strdup (id), GUINT_TO_POINTER ((guint) number));
    }

  wm_params_init_defaults (&merge->inputs.params);
  params_text = canonical_text (params);
  if (!wm_params_load_data (&merge->inputs.params, params_text, -1, &local_error))
    return usage (error, "%s: inputs.params: %s", file, local_error->message);

  if (!JSON_NODE_HOLDS_NULL (catalog))
    {
      merge->inputs.catalog = wm_catalog_new ();
      if (!wm_catalog_load_node (merge->inputs.catalog, catalog, &local_error))
        return usage (error, "%s: inputs.catalog: %s", file, local_error->message);
    }

  merge->inputs.flows = merge->flows;
  merge->inputs.journeys = merge->journeys;
  merge->program = wm_sim_program_new (&merge->inputs, &diagnostics, NULL, &local_error);
  if (merge->program == NULL)
    return usage (error, "%s: its inputs cannot be simulated: %s", file, local_error->message);
  merge->results = wm_sim_worker_new (merge->program);
  return TRUE;
}

static gboolean
add_partial (WmSimMerge *merge,
             const char *file,
             JsonObject *root,
             GError    **error)
{
  const WmSimProgram *program = merge->program;
  JsonObject *run = member_object (root, "run");
  JsonNode *node;
  JsonArray *array;
  g_autofree gint64 *counters = NULL;
  guint64 profiles, events, rejected;

  if (run == NULL
      || !read_count (json_object_get_member (run, "profiles"), &profiles)
      || !read_count (json_object_get_member (run, "events"), &events)
      || !read_count (json_object_get_member (run, "rejected_lines"), &rejected))
    return usage (error, "%s: not a complete partial result: 'run' is damaged", file);

  node = json_object_get_member (root, "counters");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (array = json_node_get_array (node)) != program->n_counters)
    return usage (error, "%s: its counters do not match its inputs (damaged or truncated)", file);
  counters = g_new0 (gint64, MAX (program->n_counters, 1));
  for (guint i = 0; i < program->n_counters; i++)
    if (!read_integer (json_array_get_element (array, i), &counters[i]))
      return usage (error, "%s: counters[%u] is not an integer", file, i);

  node = json_object_get_member (root, "paths");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return usage (error, "%s: not a complete partial result: 'paths' is missing", file);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonArray *parts;
      gint64 f, slot, outcome;
      guint64 count;
      const char *result, *milestones;
      g_autofree char *key = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (item) || json_array_get_length (parts = json_node_get_array (item)) != 6
          || !read_integer (json_array_get_element (parts, 0), &f) || f < 0 || f >= program->n_flows
          || !read_integer (json_array_get_element (parts, 1), &slot) || slot < 0
          || slot > program->flows[f].n_versions
          || !read_integer (json_array_get_element (parts, 2), &outcome) || outcome < 0
          || outcome >= program->flows[f].n_outcomes
          || (result = json_array_get_string_element (parts, 3)) == NULL
          || (strcmp (result, "success") != 0 && strcmp (result, "failure") != 0)
          || !JSON_NODE_HOLDS_VALUE (json_array_get_element (parts, 4))
          || json_node_get_value_type (json_array_get_element (parts, 4)) != G_TYPE_STRING
          || strchr (milestones = json_array_get_string_element (parts, 4), '\x1f') != NULL
          || !read_count (json_array_get_element (parts, 5), &count))
        return usage (error, "%s: paths[%u] is damaged", file, i);
      key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                             f, slot, outcome, result, milestones);
      wm_sim_worker_add_path (merge->results, key, count);
    }

  node = json_object_get_member (root, "engaged");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return usage (error, "%s: not a complete partial result: 'engaged' is missing", file);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonArray *parts;
      gint64 f, slot;
      guint64 count;
      const char *month;
      int y, m, d;
      g_autofree char *key = NULL;
      g_autofree char *date = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (item) || json_array_get_length (parts = json_node_get_array (item)) != 4
          || !read_integer (json_array_get_element (parts, 0), &f) || f < 0 || f >= program->n_flows
          || !read_integer (json_array_get_element (parts, 1), &slot) || slot < 0
          || slot > program->flows[f].n_versions
          || !JSON_NODE_HOLDS_VALUE (json_array_get_element (parts, 2))
          || json_node_get_value_type (json_array_get_element (parts, 2)) != G_TYPE_STRING
          || strlen (month = json_array_get_string_element (parts, 2)) != 7
          || !wm_date_parse ((date = g_strconcat (month, "-01", NULL)), &y, &m, &d)
          || !read_count (json_array_get_element (parts, 3), &count))
        return usage (error, "%s: engaged[%u] is damaged", file, i);
      key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT "\x1f%s", f, slot, month);
      wm_sim_worker_add_engaged (merge->results, key, count);
    }

  wm_sim_worker_add_counters (merge->results, counters);
  wm_sim_worker_add_events (merge->results, events);
  merge->profiles += profiles;
  merge->events += events;
  merge->rejected_lines += rejected;
  return TRUE;
}

WmSimMerge *
wm_sim_merge (const char * const *paths,
              GError            **error)
{
  g_autoptr(WmSimMerge) merge = g_new0 (WmSimMerge, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) first = NULL;
  const char *first_file = NULL;

  /* A file given twice is refused before any is read: with a thousand
   * partials, at once rather than after reading the ones before it. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *real = realpath (paths[i], NULL);

      if (real != NULL && g_hash_table_contains (seen, real))
        {
          usage (error, "%s: given twice (as %s and %s): each part counts once", paths[i],
                 (const char *) g_hash_table_lookup (seen, real), paths[i]);
          return NULL;
        }
      if (real != NULL)
        g_hash_table_insert (seen, g_steal_pointer (&real), g_strdup (paths[i]));
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object, *inputs;
      JsonNode *version;
      const char *format;

      root = wm_json_parse_file (paths[i], &local_error);
      if (root == NULL)
        {
          usage (error, "%s: not a partial result: %s", paths[i], local_error->message);
          return NULL;
        }
      format = JSON_NODE_HOLDS_OBJECT (root)
               ? json_object_get_string_member_with_default (json_node_get_object (root), "format", NULL) : NULL;
      if (g_strcmp0 (format, "waymark.partial") != 0)
        {
          usage (error, "%s: not a partial result ('format' must be 'waymark.partial')", paths[i]);
          return NULL;
        }
      object = json_node_get_object (root);
      version = json_object_get_member (object, "format_version");
      if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
          || json_node_get_value_type (version) != G_TYPE_DOUBLE
          || json_node_get_double (version) != WM_SIM_PARTIAL_FORMAT_VERSION)
        {
          usage (error, "%s: a partial result of another format version; this Waymark merges version %d",
                 paths[i], WM_SIM_PARTIAL_FORMAT_VERSION);
          return NULL;
        }
      inputs = member_object (object, "inputs");
      if (inputs == NULL)
        {
          usage (error, "%s: not a complete partial result: 'inputs' is missing", paths[i]);
          return NULL;
        }

      if (first == NULL)
        {
          if (!rebuild (merge, paths[i], inputs, error))
            return NULL;
          first = json_node_ref (root);
          first_file = paths[i];
        }
      else
        {
          g_autofree char *why = inputs_difference (member_object (json_node_get_object (first), "inputs"), inputs);

          if (why != NULL)
            {
              usage (error, "%s: made with other inputs than %s: %s", paths[i], first_file, why);
              return NULL;
            }
        }

      if (!add_partial (merge, paths[i], object, error))
        return NULL;
    }

  if (first == NULL)
    {
      usage (error, "give one or more partial results to merge");
      return NULL;
    }

  merge->report = wm_sim_report_build (merge->program, merge->results, merge->profiles, merge->rejected_lines);
  return g_steal_pointer (&merge);
}

void
wm_sim_merge_free (WmSimMerge *merge)
{
  if (merge == NULL)
    return;
  g_clear_pointer (&merge->report, json_node_unref);
  g_clear_pointer (&merge->results, wm_sim_worker_free);
  g_clear_pointer (&merge->program, wm_sim_program_free);
  g_clear_pointer (&merge->inputs.tries, g_hash_table_unref);
  g_clear_object (&merge->inputs.catalog);
  g_clear_pointer (&merge->flows, g_ptr_array_unref);
  g_clear_pointer (&merge->journeys, g_ptr_array_unref);
  g_free (merge);
}
