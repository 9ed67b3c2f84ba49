/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-run-import.c - results made elsewhere, read and checked for import
 *
 * Conformance case 06 (four versions of one flow) is simulated with the
 * library, then written as a partial result (in two parts, by profile) and
 * as a report file, as `waymark-cli simulate` would. Reading them back must
 * give the report the whole run writes, the run's window, seed and flow
 * file; checking them against the flow must accept the very same flow (and
 * one whose elements only moved), and refuse a changed version naming it,
 * a missing version, and a missing flow.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "case-harness.h"
#include "wm-json.h"
#include "wm-run-import.h"
#include "wm-sim-partial.h"

typedef struct
{
  SimCase  c;
  char    *dir;
  char    *report_path;
  char    *report_text;   /* what the whole run writes */
  char    *parts[3];      /* two partials and NULL */
} Fixture;

/* Writes the profile lines whose index has @parity to @path. */
static void
write_half (const char *from,
            const char *path,
            guint       parity)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (g_file_get_contents (from, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && i % 2 == parity)
      g_string_append_printf (out, "%s\n", lines[i]);
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) report = NULL;

  sim_case_load (&f->c, "06-versions-stop", FALSE);
  f->dir = g_dir_make_tmp ("waymark-run-import-XXXXXX", NULL);
  report = sim_case_run (&f->c, NULL);
  f->report_text = wm_sim_report_to_text (report);
  f->report_path = g_build_filename (f->dir, "report.json", NULL);
  g_assert_true (g_file_set_contents (f->report_path, f->report_text, -1, NULL));

  /* Profiles never interact: two halves give the whole run's figures. */
  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *name = g_strdup_printf ("part-%u.jsonl", p);
      g_autofree char *profiles = g_build_filename (f->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      WmSimOptions options = { 0 };
      WmSimResult result = { 0 };

      write_half (f->c.profiles, profiles, p);
      options.profiles_path = profiles;
      options.threads = 1;
      g_assert_true (wm_simulation_run (f->c.program, &options, &result, &error));
      g_assert_no_error (error);
      f->parts[p] = g_strdup_printf ("%s/part-%u.partial", f->dir, p);
      g_assert_true (wm_sim_partial_write (&f->c.inputs, &result, f->parts[p], &error));
      g_assert_no_error (error);
      wm_sim_result_clear (&result);
      g_remove (profiles);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_remove (f->report_path);
  for (guint p = 0; f->parts[p] != NULL; p++)
    {
      g_remove (f->parts[p]);
      g_free (f->parts[p]);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->report_path);
  g_free (f->report_text);
  sim_case_clear (&f->c);
}

/* The lookup: the case's flow, as a copy the test may change. */
typedef struct
{
  WmFlow  *flow;
  gboolean missing;
} Workspace;

static WmFlow *
lookup (const char *flow_id,
        gpointer    user_data)
{
  Workspace *ws = user_data;

  if (ws->missing || g_strcmp0 (flow_id, wm_flow_get_id (ws->flow)) != 0)
    return NULL;
  return g_object_ref (ws->flow);
}

static WmFlow *
copy_flow (WmFlow *flow)
{
  g_autofree char *text = wm_flow_to_canonical (flow, NULL);

  return wm_flow_load_from_data (text, -1, NULL);
}

static WmElement *
element_of_type (WmVersion  *version,
                 const char *type)
{
  GListModel *elements = wm_version_get_elements (version);

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (elements, i);

      if (g_strcmp0 (wm_element_get_type_name (element), type) == 0)
        return element;
    }
  g_assert_not_reached ();
}

static void
test_partials (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRunImport) import = wm_run_import_read ((const char * const *) f->parts, &error);
  WmFlow *case_flow = f->c.flows->pdata[0];
  const WmRunImportFlow *flow;
  g_autofree char *expected_document = wm_flow_to_canonical (case_flow, NULL);
  Workspace ws = { 0 };

  g_assert_no_error (error);
  g_assert_true (import->from_partials);
  g_assert_cmpstr (import->report, ==, f->report_text);
  g_assert_cmpint (import->start, ==, f->c.inputs.start);
  g_assert_cmpint (import->end, ==, f->c.inputs.end);
  g_assert_cmpuint (import->seed, ==, f->c.inputs.seed);
  g_assert_nonnull (import->params);
  g_assert_nonnull (strstr (import->origin, "part-0.partial"));
  g_assert_nonnull (strstr (import->origin, "2"));
  g_assert_cmpuint (import->flows->len, ==, 1);
  flow = import->flows->pdata[0];
  g_assert_cmpstr (flow->flow_id, ==, wm_flow_get_id (case_flow));
  g_assert_cmpstr (flow->document, ==, expected_document);
  /* Versions 1 to 3 took part; the draft 4 did not. */
  g_assert_cmpuint (flow->n_versions, ==, 3);
  g_assert_cmpuint (flow->versions[0], ==, 1);
  g_assert_cmpuint (flow->versions[2], ==, 3);

  /* The same flow: accepted. Moved elements: accepted. */
  ws.flow = copy_flow (case_flow);
  g_assert_true (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_no_error (error);
  {
    g_autoptr(WmElement) moved = NULL;

    moved = g_object_ref (element_of_type (wm_flow_get_version (ws.flow, 2), "send.email"));
    wm_element_set_position (moved, 4321, 1234);
  }
  g_assert_true (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_no_error (error);

  /* A changed field in version 2: refused, naming the version. */
  wm_element_set_config_string (element_of_type (wm_flow_get_version (ws.flow, 2), "send.email"),
                                "subject", "Another subject entirely");
  g_assert_false (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_clear_error (&error);
  g_object_unref (ws.flow);

  /* A version the workspace does not have. */
  ws.flow = copy_flow (case_flow);
  wm_flow_remove_version (ws.flow, wm_flow_get_version (ws.flow, 3));
  g_assert_false (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_nonnull (strstr (error->message, "version 3"));
  g_clear_error (&error);

  /* No such flow. */
  ws.missing = TRUE;
  g_assert_false (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_nonnull (strstr (error->message, wm_flow_get_id (case_flow)));
  g_clear_error (&error);
  g_object_unref (ws.flow);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  const char *paths[] = { f->report_path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRunImport) import = wm_run_import_read (paths, &error);
  WmFlow *case_flow = f->c.flows->pdata[0];
  const WmRunImportFlow *flow;
  Workspace ws = { 0 };

  g_assert_no_error (error);
  g_assert_false (import->from_partials);
  g_assert_cmpstr (import->report, ==, f->report_text);
  g_assert_cmpint (import->start, ==, f->c.inputs.start);
  g_assert_cmpuint (import->seed, ==, f->c.inputs.seed);
  g_assert_null (import->params);
  g_assert_nonnull (strstr (import->origin, "report.json"));
  flow = import->flows->pdata[0];
  g_assert_null (flow->document);
  g_assert_cmpuint (flow->n_versions, ==, 3);

  /* A report names only the elements: a changed text passes, a removed
   * element does not. */
  ws.flow = copy_flow (case_flow);
  wm_element_set_config_string (element_of_type (wm_flow_get_version (ws.flow, 2), "send.email"),
                                "subject", "Another subject entirely");
  g_assert_true (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_no_error (error);
  wm_version_remove_element (wm_flow_get_version (ws.flow, 1),
                             element_of_type (wm_flow_get_version (ws.flow, 1), "send.email"));
  g_assert_false (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_nonnull (strstr (error->message, "version 1"));
  g_clear_error (&error);
  g_object_unref (ws.flow);
}

/* A report is checked by its element ids as a set: thousands of them, in
 * another order than the stored version's, match; the same number with
 * one id another fails. */
static void
test_report_with_many_elements (Fixture       *f,
                                gconstpointer  data)
{
  const guint n = 5000;
  g_autofree char *path = g_build_filename (f->dir, "many.json", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmRunImport) import = NULL;
  g_autoptr(WmElement) stranger = NULL;
  WmVersion *version;
  Workspace ws = { 0 };

  ws.flow = wm_flow_new ("many", "Many", 0);
  version = wm_flow_get_version (ws.flow, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%05u", i);
      g_autoptr(WmElement) element = wm_element_new (id, "send.email");

      wm_version_insert_element (version, i, element);
    }
  g_string_append (report, "{\"format\":\"waymark.report\",\"format_version\":1,\"run\":{"
                           "\"start\":\"2026-01-01T00:00:00Z\",\"end\":\"2026-02-01T00:00:00Z\",\"seed\":7},"
                           "\"flows\":{\"many\":{\"name\":\"Many\",\"versions\":{\"1\":{\"elements\":{");
  /* Backwards: the report's order is not the version's. */
  for (guint i = n; i-- > 0;)
    g_string_append_printf (report, "%s\"e%05u\":{}", i + 1 < n ? "," : "", i);
  g_string_append (report, "}}}}}}");
  g_assert_true (g_file_set_contents (path, report->str, report->len, NULL));

  import = wm_run_import_read (paths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, n);
  g_assert_true (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_no_error (error);

  /* As many elements, but one of them is not the report's. */
  wm_version_remove_element (version, wm_version_get_element_at (version, n / 2));
  stranger = wm_element_new ("stranger", "send.email");
  wm_version_insert_element (version, 0, stranger);
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, n);
  g_assert_false (wm_run_import_check (import, lookup, &ws, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "version 1 of “Many”"));
  g_clear_error (&error);

  g_object_unref (ws.flow);
  g_remove (path);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.json", NULL);
  const char *none[] = { NULL };
  const char *mixed[] = { f->report_path, f->parts[0], NULL };
  const char *twice[] = { f->parts[0], f->parts[0], NULL };
  const char *not_ours[] = { other, NULL };
  const char *missing[] = { "/nonexistent/part.partial", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_run_import_read (none, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_null (wm_run_import_read (mixed, &error));
  g_assert_nonnull (strstr (error->message, f->report_path));
  g_clear_error (&error);

  g_assert_null (wm_run_import_read (twice, &error));
  g_assert_nonnull (strstr (error->message, "twice"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (other, "{ \"format\": \"waymark.flow\" }\n", -1, NULL));
  g_assert_null (wm_run_import_read (not_ours, &error));
  g_assert_nonnull (strstr (error->message, other));
  g_assert_nonnull (strstr (error->message, "waymark.report"));
  g_clear_error (&error);
  g_remove (other);

  g_assert_null (wm_run_import_read (missing, &error));
  g_assert_nonnull (strstr (error->message, "/nonexistent/part.partial"));
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sim/run-import/partials-merge-and-are-checked-exactly", Fixture, NULL,
              fixture_set_up, test_partials, fixture_tear_down);
  g_test_add ("/sim/run-import/a-report-is-checked-by-its-elements", Fixture, NULL,
              fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/sim/run-import/a-report-with-many-elements-is-checked-as-a-set", Fixture, NULL,
              fixture_set_up, test_report_with_many_elements, fixture_tear_down);
  g_test_add ("/sim/run-import/bad-files-are-named", Fixture, NULL,
              fixture_set_up, test_bad_files, fixture_tear_down);
  return g_test_run ();
}
