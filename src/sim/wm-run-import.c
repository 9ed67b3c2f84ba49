/* wm-run-import.c - results made elsewhere, read to be stored as a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-flow-diff.h"
#include "wm-flow-io.h"
#include "wm-json.h"
#include "wm-run-import.h"
#include "wm-sim-partial.h"
#include "wm-sim-report.h"
#include "wm-time.h"

static void
import_flow_free (gpointer data)
{
  WmRunImportFlow *flow = data;

  g_free (flow->flow_id);
  g_free (flow->name);
  g_free (flow->versions);
  g_free (flow->document);
  g_free (flow);
}

void
wm_run_import_free (WmRunImport *import)
{
  if (import == NULL)
    return;
  g_free (import->origin);
  g_free (import->report);
  g_free (import->params);
  g_clear_pointer (&import->flows, g_ptr_array_unref);
  g_free (import);
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The report's flows, each with the versions it has figures for (the
 * members of "versions" that are version numbers). */
static gboolean
read_report_flows (WmRunImport *import,
                   JsonNode    *report,
                   const char  *file,
                   GError     **error)
{
  JsonObject *flows = NULL;
  JsonNode *node = json_object_get_member (json_node_get_object (report), "flows");
  g_autoptr(GList) ids = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    flows = json_node_get_object (node);
  if (flows == NULL)
    return invalid (error, _("%s: the report has no flows"), file);

  ids = json_object_get_members (flows);
  ids = g_list_sort (ids, (GCompareFunc) strcmp);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *flow_node = json_object_get_member (flows, l->data);
      JsonObject *flow_object;
      JsonNode *versions_node;
      WmRunImportFlow *flow;
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));

      if (!JSON_NODE_HOLDS_OBJECT (flow_node))
        return invalid (error, _("%s: flows.%s is not an object"), file, (const char *) l->data);
      flow_object = json_node_get_object (flow_node);
      versions_node = json_object_get_member (flow_object, "versions");
      if (versions_node != NULL && JSON_NODE_HOLDS_OBJECT (versions_node))
        {
          g_autoptr(GList) keys = json_object_get_members (json_node_get_object (versions_node));

          for (GList *k = keys; k != NULL; k = k->next)
            {
              guint64 number;

              if (g_ascii_string_to_unsigned (k->data, 10, 1, G_MAXUINT, &number, NULL))
                {
                  guint n = (guint) number;

                  g_array_append_val (numbers, n);
                }
            }
        }
      if (numbers->len == 0)
        return invalid (error, _("%s: flows.%s has figures for no version"), file, (const char *) l->data);
      g_array_sort (numbers, compare_uint);

      flow = g_new0 (WmRunImportFlow, 1);
      flow->flow_id = g_strdup (l->data);
      flow->name = g_strdup (json_object_get_string_member_with_default (flow_object, "name", l->data));
      flow->n_versions = numbers->len;
      flow->versions = (guint *) g_array_free (g_steal_pointer (&numbers), FALSE);
      g_ptr_array_add (import->flows, flow);
    }
  return TRUE;
}

static gboolean
read_run_window (WmRunImport *import,
                 JsonNode    *report,
                 const char  *text,
                 const char  *file,
                 GError     **error)
{
  JsonNode *run_node = json_object_get_member (json_node_get_object (report), "run");
  JsonObject *run;
  JsonNode *seed;
  const char *start, *end;

  if (run_node == NULL || !JSON_NODE_HOLDS_OBJECT (run_node))
    return invalid (error, _("%s: the report has no run"), file);
  run = json_node_get_object (run_node);
  start = json_object_get_string_member_with_default (run, "start", NULL);
  end = json_object_get_string_member_with_default (run, "end", NULL);
  if (start == NULL || !wm_timestamp_parse (start, -1, &import->start)
      || end == NULL || !wm_timestamp_parse (end, -1, &import->end))
    return invalid (error, _("%s: run.start and run.end must be timestamps"), file);
  seed = json_object_get_member (run, "seed");
  if (seed == NULL || !JSON_NODE_HOLDS_VALUE (seed))
    return invalid (error, _("%s: run.seed must be a whole number"), file);
  if (json_node_get_value_type (seed) == G_TYPE_STRING
      && g_ascii_string_to_unsigned (json_node_get_string (seed), 10, 0, G_MAXUINT64, &import->seed, NULL))
    return TRUE;
  if (json_node_get_value_type (seed) == G_TYPE_INT64 && json_node_get_int (seed) >= 0)
    {
      import->seed = (guint64) json_node_get_int (seed);
      return TRUE;
    }
  /* The strict reader holds numbers as doubles, exact up to 2^53; a
   * larger seed is read again from the file's text by json-glib, which
   * keeps whole numbers up to 2^63 - 1. */
  if (json_node_get_value_type (seed) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (seed);

      if (value >= 0 && value <= 9007199254740992.0 && value == (double) (guint64) value)
        {
          import->seed = (guint64) value;
          return TRUE;
        }
      if (text != NULL && value > 0)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonNode *node;

          if (json_parser_load_from_data (parser, text, -1, NULL)
              && (node = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (node)
              && (node = json_object_get_member (json_node_get_object (node), "run")) != NULL
              && JSON_NODE_HOLDS_OBJECT (node)
              && (node = json_object_get_member (json_node_get_object (node), "seed")) != NULL
              && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
              && json_node_get_int (node) >= 0)
            {
              import->seed = (guint64) json_node_get_int (node);
              return TRUE;
            }
        }
    }
  return invalid (error, _("%s: run.seed must be a whole number from 0 to 9223372036854775807"), file);
}

static char *
format_of (JsonNode *root)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "format", NULL));
}

static WmRunImport *
read_report (const char *path,
             JsonNode   *root,
             GError    **error)
{
  g_autoptr(WmRunImport) import = g_new0 (WmRunImport, 1);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) local = NULL;
  gsize length;

  import->flows = g_ptr_array_new_with_free_func (import_flow_free);
  if (!g_file_get_contents (path, &import->report, &length, &local))
    {
      invalid (error, "%s: %s", path, local->message);
      return NULL;
    }
  if (!read_run_window (import, root, import->report, path, error) || !read_report_flows (import, root, path, error))
    return NULL;
  import->origin = g_strdup_printf (_("Imported from the report “%s”"), base);
  return g_steal_pointer (&import);
}

static WmRunImport *
read_partials (const char * const *paths,
               GError            **error)
{
  g_autoptr(WmRunImport) import = g_new0 (WmRunImport, 1);
  g_autoptr(WmSimMerge) merge = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(JsonNode) params = NULL;
  guint n_paths = g_strv_length ((char **) paths);
  GError *local = NULL;

  import->flows = g_ptr_array_new_with_free_func (import_flow_free);
  merge = wm_sim_merge (paths, &local);
  if (merge == NULL)
    {
      /* The merge names the file and what is wrong. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, local->message);
      g_error_free (local);
      return NULL;
    }
  import->from_partials = TRUE;
  import->report = wm_sim_report_to_text (merge->report);
  import->start = merge->inputs.start;
  import->end = merge->inputs.end;
  import->seed = merge->inputs.seed;
  params = wm_params_to_json (&merge->inputs.params);
  import->params = wm_json_to_canonical (params, NULL);
  if (!read_report_flows (import, merge->report, paths[0], error))
    return NULL;

  for (guint i = 0; i < import->flows->len; i++)
    {
      WmRunImportFlow *flow = import->flows->pdata[i];

      for (guint f = 0; f < merge->flows->len; f++)
        if (g_strcmp0 (wm_flow_get_id (merge->flows->pdata[f]), flow->flow_id) == 0)
          flow->document = wm_flow_to_canonical (merge->flows->pdata[f], NULL);
      if (merge->inputs.tries != NULL)
        flow->tried = GPOINTER_TO_UINT (g_hash_table_lookup (merge->inputs.tries, flow->flow_id));
    }

  for (guint i = 0; i < n_paths && i < 3; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);

      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", base);
    }
  if (n_paths > 3)
    g_string_append (names, ", …");
  import->origin = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Imported from %u partial result (%s)",
                                                 "Imported from %u partial results (%s)",
                                                 n_paths),
                                    n_paths, names->str);
  return g_steal_pointer (&import);
}

WmRunImport *
wm_run_import_read (const char * const *paths,
                    GError            **error)
{
  g_autoptr(JsonNode) first = NULL;
  g_autofree char *format = NULL;
  GError *local = NULL;

  g_return_val_if_fail (paths != NULL, NULL);

  if (paths[0] == NULL)
    {
      invalid (error, _("Choose a report or the partial results of a run."));
      return NULL;
    }
  first = wm_json_parse_file (paths[0], &local);
  if (first == NULL)
    {
      invalid (error, _("%s: not a report nor a partial result: %s"), paths[0], local->message);
      g_error_free (local);
      return NULL;
    }
  format = format_of (first);
  if (g_strcmp0 (format, "waymark.report") == 0)
    {
      if (paths[1] != NULL)
        {
          invalid (error, _("%s is a whole report: import it alone (only partial results are merged)"),
                   paths[0]);
          return NULL;
        }
      return read_report (paths[0], first, error);
    }
  if (g_strcmp0 (format, "waymark.partial") == 0)
    return read_partials (paths, error);
  invalid (error, _("%s: not a report nor a partial result ('format' must be 'waymark.report' or "
                    "'waymark.partial')"), paths[0]);
  return NULL;
}

/* Elements and connections as simulated: a moved element is the same. */
static gboolean
same_version (WmVersion *simulated,
              WmVersion *stored)
{
  g_autoptr(WmFlowDiff) diff = wm_flow_diff_new (simulated, stored);

  if (wm_flow_diff_get_n_connections (diff) > 0 || wm_flow_diff_get_settings (diff)->len > 0
      || wm_flow_diff_count (diff, WM_DIFF_ADDED) > 0 || wm_flow_diff_count (diff, WM_DIFF_REMOVED) > 0)
    return FALSE;
  for (guint i = 0; i < wm_flow_diff_get_n_elements (diff); i++)
    {
      const WmElementChange *change = wm_flow_diff_get_element (diff, i);

      for (guint f = 0; f < change->fields->len; f++)
        {
          const WmFieldChange *field = change->fields->pdata[f];

          if (g_strcmp0 (field->path, "position") != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* A report alone names its elements under each version. */
static gboolean
report_version_matches (JsonNode   *root,
                        const char *flow_id,
                        guint       number,
                        WmVersion  *stored)
{
  g_autofree char *key = g_strdup_printf ("%u", number);
  JsonObject *object;
  JsonNode *node;
  g_autoptr(GList) ids = NULL;
  g_autoptr(GHashTable) stored_ids = NULL;
  GListModel *elements = wm_version_get_elements (stored);

  /* read_report_flows found these objects already. */
  object = json_node_get_object (root);
  node = json_object_get_member (json_node_get_object (json_object_get_member (object, "flows")), flow_id);
  node = json_object_get_member (json_node_get_object (node), "versions");
  node = json_object_get_member (json_node_get_object (node), key);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  node = json_object_get_member (json_node_get_object (node), "elements");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  ids = json_object_get_members (json_node_get_object (node));
  if (g_list_length (ids) != g_list_model_get_n_items (elements))
    return FALSE;
  /* A set of the stored ids: a version with thousands of elements is
   * checked in linear time, not by scanning them for every id. */
  stored_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (elements, i);

      if (wm_element_get_id (element) != NULL)
        g_hash_table_add (stored_ids, g_strdup (wm_element_get_id (element)));
    }
  for (GList *l = ids; l != NULL; l = l->next)
    if (!g_hash_table_contains (stored_ids, l->data))
      return FALSE;
  return TRUE;
}

gboolean
wm_run_import_check (const WmRunImport  *import,
                     WmRunImportLookup   lookup,
                     gpointer            user_data,
                     GError            **error)
{
  g_autoptr(JsonNode) report = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (lookup != NULL, FALSE);

  if (!import->from_partials)
    {
      report = wm_json_parse (import->report, -1, 0, NULL, NULL, NULL);
      if (report == NULL)
        return invalid (error, _("The report cannot be read."));
    }
  for (guint i = 0; i < import->flows->len; i++)
    {
      const WmRunImportFlow *flow = import->flows->pdata[i];
      g_autoptr(WmFlow) stored = lookup (flow->flow_id, user_data);
      g_autoptr(WmFlow) simulated = NULL;

      if (stored == NULL)
        return invalid (error, _("These results are for the flow “%s” (%s), which is not in this "
                                 "workspace. Import the flow first."), flow->name, flow->flow_id);
      if (flow->document != NULL)
        {
          simulated = wm_flow_load_from_data (flow->document, -1, NULL);
          if (simulated == NULL)
            return invalid (error, _("The flow “%s” in these results cannot be read."), flow->name);
        }
      for (guint v = 0; v < flow->n_versions; v++)
        {
          WmVersion *version = wm_flow_get_version (stored, flow->versions[v]);
          WmVersion *then = simulated != NULL ? wm_flow_get_version (simulated, flow->versions[v]) : NULL;
          gboolean same;

          if (version == NULL)
            return invalid (error, _("These results were made for version %u of “%s”, which this "
                                     "workspace does not have."),
                            flow->versions[v], wm_flow_get_name (stored));
          if (simulated != NULL)
            same = then != NULL && same_version (then, version);
          else
            same = report_version_matches (report, flow->flow_id, flow->versions[v], version);
          if (!same)
            return invalid (error, _("These results were made for another version %u of “%s”: "
                                     "the version in this workspace has changed since. Simulate it "
                                     "again, or import the flow file the results were made with "
                                     "as a new flow."),
                            flow->versions[v], wm_flow_get_name (stored));
        }
    }
  return TRUE;
}
