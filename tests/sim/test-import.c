/* test-import.c - `waymark-cli import` as a library function
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wm-import.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* "id|key=value|key=value" with keys in the line's order. */
static char *
describe_line (const char *line)
{
  g_autoptr(JsonNode) node = parse_json (line);
  JsonObject *obj = json_node_get_object (node);
  JsonObject *attrs = json_object_get_object_member (obj, "attributes");
  g_autoptr(GList) members = json_object_get_members (attrs);
  GString *s = g_string_new (json_object_get_string_member (obj, "id"));
  g_autoptr(GList) top = json_object_get_members (obj);

  g_assert_cmpuint (g_list_length (top), ==, 2);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (s, "|%s=%s", (char *) l->data,
                            json_object_get_string_member (attrs, l->data));
  return g_string_free (s, FALSE);
}

static GPtrArray *
describe_file (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (out, describe_line (lines[i]));
  return out;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_conformance_18 (void)
{
  g_autofree char *csv = g_build_filename (SHARED_DIR, "conformance", "18-import", "profiles.csv", NULL);
  g_autofree char *exp_lines = g_build_filename (SHARED_DIR, "conformance", "18-import", "expected.jsonl", NULL);
  g_autofree char *exp_report = g_build_filename (SHARED_DIR, "conformance", "18-import", "expected-report.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autofree char *report = g_build_filename (dir, "report.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autofree char *want_report = NULL;
  g_autofree char *got_report = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autofree char *first = NULL;
  WmImportSummary summary;

  g_assert_true (wm_import_csv (csv, out, report, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.total, ==, 12);
  g_assert_cmpuint (summary.valid, ==, 4);
  g_assert_cmpuint (summary.invalid, ==, 8);
  g_assert_cmpuint (summary.reasons[WM_CSV_BAD_CSV], ==, 1);
  /* only the two outputs: no temporary file left behind */
  g_assert_cmpuint (count_files (dir), ==, 2);

  want = describe_file (exp_lines);
  got = describe_file (out);
  g_assert_cmpuint (got->len, ==, want->len);
  for (guint i = 0; i < want->len; i++)
    g_assert_cmpstr (got->pdata[i], ==, want->pdata[i]);

  /* compact JSON, as the spec shows it */
  g_assert_true (g_file_get_contents (out, &got_report, NULL, NULL));
  first = g_strndup (got_report, strchr (got_report, '\n') - got_report);
  g_assert_cmpstr (first, ==, "{\"id\":\"c-001\",\"attributes\":{\"first_name\":\"Ana\","
                   "\"phone\":\"+385911234567\",\"email\":\"ana@example.com\",\"tier\":\"gold\"}}");
  g_clear_pointer (&got_report, g_free);

  g_assert_true (g_file_get_contents (exp_report, &want_report, NULL, NULL));
  g_assert_true (g_file_get_contents (report, &got_report, NULL, NULL));
  a = parse_json (want_report);
  b = parse_json (got_report);
  g_assert_true (json_node_equal (a, b));
  /* reasons sorted by name */
  g_assert_true (strstr (got_report, "\"id-duplicate\"") < strstr (got_report, "\"id-missing\""));

  g_unlink (out);
  g_unlink (report);
  g_rmdir (dir);
}

static void
test_conformance_14_without_report (void)
{
  g_autofree char *csv = g_build_filename (SHARED_DIR, "conformance", "14-revised-csv", "profiles.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autofree char *text = NULL;
  WmImportSummary summary;

  g_assert_true (wm_import_csv (csv, out, NULL, &summary, &error));
  g_assert_no_error (error);
  /* expected.json: 13 profiles, 4 rejected lines */
  g_assert_cmpuint (summary.valid, ==, 13);
  g_assert_cmpuint (summary.invalid, ==, 4);
  g_assert_cmpuint (summary.total, ==, 17);
  text = wm_import_summary_to_string (&summary);
  g_assert_cmpstr (text, ==, "17 rows: 13 imported, 4 rejected (id-duplicate 1, no-contact 1, "
                             "phone-invalid 1, email-invalid 1)");
  got = describe_file (out);
  g_assert_cmpuint (got->len, ==, 13);
  /* the BOM is not part of the first column's name; a multi-line cell */
  g_assert_cmpstr (got->pdata[0], ==, "k-0001|first_name=Liam|phone=+385974441585|"
                   "email=ivo\xe2\x80\x83x@example.com|tier=silver|note=comma, inside");
  g_assert_cmpstr (got->pdata[11], ==, "k-reuse-1|first_name=Good now|phone=+385911234567|tier=gold|note=ok");
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_refused_file_writes_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "in.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autofree char *report = g_build_filename (dir, "report.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (csv, "name,phone\nx,+385911234567\n", -1, NULL));
  g_assert_false (wm_import_csv (csv, out, report, NULL, &error));
  g_assert_error (error, WM_CSV_ERROR, WM_CSV_ERROR_NO_ID_COLUMN);
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_clear_error (&error);

  /* an output folder that does not exist */
  g_assert_true (g_file_set_contents (csv, "id,phone\nx,+385911234567\n", -1, NULL));
  g_assert_false (wm_import_csv (csv, "/nonexistent/out.jsonl", report, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (csv);
  g_rmdir (dir);
}

static void
test_empty_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("import-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "in.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autofree char *report = g_build_filename (dir, "report.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out_text = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  g_assert_true (g_file_set_contents (csv, "id,email\n", -1, NULL));
  g_assert_true (wm_import_csv (csv, out, report, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (report, &text, NULL, NULL));
  a = parse_json (text);
  b = parse_json ("{\"format\":\"waymark.import-report\",\"format_version\":1,\"total\":0,"
                  "\"valid\":0,\"invalid\":0,\"reasons\":{},\"rejected\":[]}");
  g_assert_true (json_node_equal (a, b));
  g_assert_true (g_file_get_contents (out, &out_text, NULL, NULL));
  g_assert_cmpstr (out_text, ==, "");
  g_unlink (csv);
  g_unlink (out);
  g_unlink (report);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/import/conformance-18-lines-and-report", test_conformance_18);
  g_test_add_func ("/sim/import/conformance-14-without-report", test_conformance_14_without_report);
  g_test_add_func ("/sim/import/refused-file-writes-nothing", test_refused_file_writes_nothing);
  g_test_add_func ("/sim/import/empty-file-gives-an-empty-report", test_empty_report);

  return g_test_run ();
}
