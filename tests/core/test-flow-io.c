/* test-flow-io.c - loading and writing flow files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wm-flow-io.h"
#include "wm-json.h"

static char *
read_file (const char *path,
           gsize      *length)
{
  char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_round_trip (const char *path)
{
  gsize length, out_length;
  g_autofree char *text = read_file (path, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_data (text, length, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (flow);
  out = wm_flow_to_canonical (flow, &out_length);
  g_assert_cmpstr (out, ==, text);
  g_assert_cmpuint (out_length, ==, length);
}

static void
test_conformance_flows_round_trip (void)
{
  const char *base = SHARED_DIR "/conformance";
  g_autoptr(GDir) dir = g_dir_open (base, 0, NULL);
  const char *name;
  guint count = 0;

  if (dir == NULL)
    {
      g_test_skip ("no conformance cases next to the repository");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *case_dir = g_build_filename (base, name, NULL);
      g_autoptr(GDir) sub = g_dir_open (case_dir, 0, NULL);
      const char *file;

      if (sub == NULL)
        continue;
      while ((file = g_dir_read_name (sub)) != NULL)
        if (g_str_has_suffix (file, ".waymark.json"))
          {
            g_autofree char *path = g_build_filename (case_dir, file, NULL);

            g_test_message ("%s", path);
            assert_round_trip (path);
            count++;
          }
    }
  g_assert_cmpuint (count, >, 20);
}

static void
test_all_types_round_trip (void)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "core", "data", "all-types.waymark.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  assert_round_trip (path);

  flow = wm_flow_load_from_file (path, &error);
  g_assert_no_error (error);
  for (guint v = 0; v < wm_flow_get_n_versions (flow); v++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, v);

      for (guint i = 0; i < wm_version_get_n_elements (version); i++)
        g_hash_table_add (seen, (gpointer) wm_element_get_type_name (wm_version_get_element_at (version, i)));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, wm_catalogue_get_n_types ());
  g_assert_cmpuint (wm_catalogue_get_n_types (), ==, 25);
}

static void
assert_load_error (const char *json,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_data (json, -1, &error);

  g_assert_null (flow);
  g_assert_error (error, WM_FLOW_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

#define HEAD "{\"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"f\", "
#define V1 "{\"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\""

static void
test_unknown_keys_are_named_with_their_path (void)
{
  assert_load_error (HEAD "\"versions\": [" V1 ", \"elements\": ["
                     "{\"id\": \"a\", \"type\": \"entry.event\", \"config\": {\"event\": \"E\"}},"
                     "{\"id\": \"b\", \"type\": \"wait.delay\", \"config\": {}},"
                     "{\"id\": \"c\", \"type\": \"wait.delay\", \"config\": {}},"
                     "{\"id\": \"d\", \"type\": \"wait.event\", \"config\": {\"timout\": \"1d\"}}]}]}",
                     WM_FLOW_ERROR_UNKNOWN_KEY,
                     "versions[0].elements[3].config: unknown key 'timout'");
  assert_load_error (HEAD "\"colour\": 1, \"versions\": [" V1 "}]}",
                     WM_FLOW_ERROR_UNKNOWN_KEY, "unknown key 'colour'");
  assert_load_error (HEAD "\"versions\": [" V1 ", \"settings\": {\"reentry\": {\"limits\": "
                     "[{\"count\": 1, \"period\": \"1d\", \"per\": 2}]}}}]}",
                     WM_FLOW_ERROR_UNKNOWN_KEY,
                     "versions[0].settings.reentry.limits[0]: unknown key 'per'");
  assert_load_error (HEAD "\"versions\": [" V1 ", \"elements\": [{\"id\": \"s\", \"type\": \"send.sms\", "
                     "\"config\": {\"send_window\": {\"from\": \"09:00\", \"until\": \"10:00\"}}}]}]}",
                     WM_FLOW_ERROR_UNKNOWN_KEY,
                     "versions[0].elements[0].config.send_window: unknown key 'until'");
  /* A key of another element type's config is unknown here. */
  assert_load_error (HEAD "\"versions\": [" V1 ", \"elements\": [{\"id\": \"s\", \"type\": \"exit\", "
                     "\"config\": {\"duration\": \"1d\"}}]}]}",
                     WM_FLOW_ERROR_UNKNOWN_KEY,
                     "versions[0].elements[0].config: unknown key 'duration'");
}

static void
test_shape_is_checked_on_load (void)
{
  assert_load_error ("[]", WM_FLOW_ERROR_NOT_A_FLOW,
                     "not a Waymark flow: the document is not a JSON object");
  assert_load_error ("{\"format\": \"waymark.journey\", \"format_version\": 1}", WM_FLOW_ERROR_NOT_A_FLOW,
                     "not a Waymark flow: 'format' is 'waymark.journey', expected 'waymark.flow'");
  assert_load_error ("{\"format\": \"waymark.flow\", \"format_version\": 2}", WM_FLOW_ERROR_NOT_A_FLOW,
                     "format_version: this Waymark reads flow format version 1 only");
  assert_load_error ("{\"format\": \"waymark.flow\", \"format_version\": 1, \"versions\": [" V1 "}]}",
                     WM_FLOW_ERROR_SHAPE, "the flow has no 'id'");
  assert_load_error ("{\"format\": \"waymark.flow\", \"format_version\": 1, \"id\": null, \"versions\": [" V1 "}]}",
                     WM_FLOW_ERROR_SHAPE, "the flow has no 'id'");
  assert_load_error (HEAD "\"name\": \"x\"}", WM_FLOW_ERROR_SHAPE, "the flow has no 'versions'");
  assert_load_error (HEAD "\"versions\": {}}", WM_FLOW_ERROR_SHAPE, "versions: must be an array of versions");
  assert_load_error (HEAD "\"versions\": []}", WM_FLOW_ERROR_SHAPE, "versions: a flow needs at least one version");
  assert_load_error (HEAD "\"versions\": [1]}", WM_FLOW_ERROR_SHAPE, "versions[0]: a version must be an object");
  assert_load_error (HEAD "\"versions\": [{\"number\": 1.5, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\"}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].number: every version needs an integer 'number'");
  assert_load_error (HEAD "\"versions\": [{\"number\": 2, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\"}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].number: the first version must be number 1, not 2");
  assert_load_error (HEAD "\"versions\": [" V1 "}, " V1 "}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[1].number: version numbers must increase, but 1 follows 1");
  assert_load_error (HEAD "\"versions\": [{\"number\": 1, \"status\": \"live\", \"created_at\": \"2026-01-01T00:00:00Z\"}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].status: must be one of draft, scheduled, active, "
                     "paused, finishing, finished, stopped or canceled");
  assert_load_error (HEAD "\"versions\": [{\"number\": 1, \"created_at\": \"2026-01-01T00:00:00Z\"}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0]: the version has no 'status'");
  assert_load_error (HEAD "\"versions\": [{\"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01 00:00:00Z\"}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].created_at: must be a timestamp such as 2026-01-03T09:12:00Z");
  assert_load_error (HEAD "\"versions\": [" V1 ", \"elements\": [{\"type\": \"exit\"}]}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].elements[0]: the element has no string 'id'");
  assert_load_error (HEAD "\"versions\": [" V1 ", \"elements\": [{\"id\": 7, \"type\": \"exit\"}]}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].elements[0]: the element has no string 'id'");
  assert_load_error (HEAD "\"versions\": [" V1 ", \"elements\": [{\"id\": \"a\"}]}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].elements[0]: the element has no string 'type'");
  assert_load_error (HEAD "\"versions\": [" V1 ", \"elements\": [{\"id\": \"a\", \"type\": \"send.fax\"}]}]}",
                     WM_FLOW_ERROR_SHAPE, "versions[0].elements[0].type: unknown element type 'send.fax'");
}

static void
test_json_errors_keep_their_position (void)
{
  assert_load_error ("{\n  \"format\": \"waymark.flow\",\n  \"format\": 1\n}", WM_FLOW_ERROR_JSON,
                     "line 3, column 3: duplicate key 'format'");
}

static void
test_wrong_types_survive_until_validation (void)
{
  const char *json =
    "{\n"
    "  \"format\": \"waymark.flow\",\n"
    "  \"format_version\": 1,\n"
    "  \"id\": 42,\n"
    "  \"name\": null,\n"
    "  \"schedule\": \"soon\",\n"
    "  \"versions\": [\n"
    "    {\n"
    "      \"number\": 1,\n"
    "      \"status\": \"draft\",\n"
    "      \"created_at\": \"2026-01-01T00:00:00Z\",\n"
    "      \"settings\": [],\n"
    "      \"elements\": [\n"
    "        {\n"
    "          \"id\": \"a\",\n"
    "          \"type\": \"wait.delay\",\n"
    "          \"position\": \"left\",\n"
    "          \"config\": 3\n"
    "        }\n"
    "      ],\n"
    "      \"connections\": {}\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_data (json, -1, &error);
  g_autofree char *out = NULL;
  double x, y;
  WmElement *element;

  g_assert_no_error (error);
  g_assert_null (wm_flow_get_id (flow));
  g_assert_null (wm_flow_get_name (flow));
  g_assert_null (wm_flow_get_schedule (flow));
  element = wm_version_get_element_at (wm_flow_get_version_at (flow, 0), 0);
  g_assert_false (wm_element_get_position (element, &x, &y));
  g_assert_null (wm_element_get_config (element));
  g_assert_cmpuint (wm_version_get_n_connections (wm_flow_get_version_at (flow, 0)), ==, 0);

  out = wm_flow_to_canonical (flow, NULL);
  g_assert_cmpstr (out, ==, json);
}

static void
test_keys_are_written_in_canonical_order (void)
{
  const char *json =
    "{\"x-z\": 1, \"versions\": [{\"elements\": [{\"config\": {\"x-k\": true, \"timeout\": \"1d\", \"event\": \"E\"},"
    " \"position\": [1.5, -0], \"type\": \"wait.event\", \"id\": \"w\"}], \"created_at\": \"2026-01-01T00:00:00Z\","
    " \"status\": \"draft\", \"number\": 1}], \"x-a\": [], \"id\": \"f\", \"format_version\": 1.0,"
    " \"format\": \"waymark.flow\"}";
  const char *expected =
    "{\n"
    "  \"format\": \"waymark.flow\",\n"
    "  \"format_version\": 1,\n"
    "  \"id\": \"f\",\n"
    "  \"versions\": [\n"
    "    {\n"
    "      \"number\": 1,\n"
    "      \"status\": \"draft\",\n"
    "      \"created_at\": \"2026-01-01T00:00:00Z\",\n"
    "      \"elements\": [\n"
    "        {\n"
    "          \"id\": \"w\",\n"
    "          \"type\": \"wait.event\",\n"
    "          \"position\": [1.5, 0],\n"
    "          \"config\": {\n"
    "            \"event\": \"E\",\n"
    "            \"timeout\": \"1d\",\n"
    "            \"x-k\": true\n"
    "          }\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"x-z\": 1,\n"
    "  \"x-a\": []\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_data (json, -1, &error);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autoptr(WmFlow) reloaded = NULL;

  g_assert_no_error (error);
  out = wm_flow_to_canonical (flow, NULL);
  g_assert_cmpstr (out, ==, expected);

  /* load -> save -> load -> save gives the same bytes. */
  reloaded = wm_flow_load_from_data (out, -1, &error);
  g_assert_no_error (error);
  again = wm_flow_to_canonical (reloaded, NULL);
  g_assert_cmpstr (again, ==, out);
}

static void
test_edits_show_in_the_saved_document (void)
{
  g_autoptr(WmFlow) flow = wm_flow_new ("welcome", "Welcome", 1767225600); /* 2026-01-01T00:00:00Z */
  g_autoptr(WmElement) entry = wm_element_new ("e1", "entry.event");
  g_autoptr(WmElement) sms = wm_element_new ("e2", "send.sms");
  g_autoptr(WmConnection) connection = wm_connection_new ("e1", "out", "e2");
  WmVersion *version = wm_flow_get_latest_version (flow);
  g_autofree char *out = NULL;
  guint changes = 0;

  g_signal_connect_swapped (flow, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  wm_version_insert_element (version, 0, entry);
  wm_version_insert_element (version, 1, sms);
  wm_element_set_config_string (entry, "event", "SignedUp");
  wm_element_set_name (sms, "Hello");
  wm_element_set_position (sms, 240, 0);
  wm_element_set_config_string (sms, "text", "Hi {{ profile.first_name }}");
  wm_element_set_config_string (sms, "sender", "Shop");
  wm_version_insert_connection (version, 0, connection);
  g_assert_cmpuint (changes, ==, 8);

  out = wm_flow_to_canonical (flow, NULL);
  g_assert_cmpstr (out, ==,
                   "{\n"
                   "  \"format\": \"waymark.flow\",\n"
                   "  \"format_version\": 1,\n"
                   "  \"id\": \"welcome\",\n"
                   "  \"name\": \"Welcome\",\n"
                   "  \"versions\": [\n"
                   "    {\n"
                   "      \"number\": 1,\n"
                   "      \"status\": \"draft\",\n"
                   "      \"created_at\": \"2026-01-01T00:00:00Z\",\n"
                   "      \"elements\": [\n"
                   "        {\n"
                   "          \"id\": \"e1\",\n"
                   "          \"type\": \"entry.event\",\n"
                   "          \"position\": [0, 0],\n"
                   "          \"config\": {\n"
                   "            \"event\": \"SignedUp\"\n"
                   "          }\n"
                   "        },\n"
                   "        {\n"
                   "          \"id\": \"e2\",\n"
                   "          \"type\": \"send.sms\",\n"
                   "          \"name\": \"Hello\",\n"
                   "          \"position\": [240, 0],\n"
                   "          \"config\": {\n"
                   "            \"sender\": \"Shop\",\n"
                   "            \"text\": \"Hi {{ profile.first_name }}\"\n"
                   "          }\n"
                   "        }\n"
                   "      ],\n"
                   "      \"connections\": [\n"
                   "        {\n"
                   "          \"from\": \"e1\",\n"
                   "          \"port\": \"out\",\n"
                   "          \"to\": \"e2\"\n"
                   "        }\n"
                   "      ]\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static void
test_unchanged_files_are_not_rewritten (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "f.waymark.json", NULL);
  g_autoptr(WmFlow) flow = wm_flow_new ("f", "F", 0);
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_true (wm_flow_save_to_file (flow, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  /* Make any rewrite visible as a new inode. */
  g_assert_true (wm_flow_save_to_file (flow, path, &error));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  wm_flow_set_name (flow, "G");
  g_assert_true (wm_flow_save_to_file (flow, path, &error));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/flow-io/conformance-flows-round-trip-byte-for-byte", test_conformance_flows_round_trip);
  g_test_add_func ("/core/flow-io/all-25-types-round-trip", test_all_types_round_trip);
  g_test_add_func ("/core/flow-io/unknown-keys-are-named-with-their-path", test_unknown_keys_are_named_with_their_path);
  g_test_add_func ("/core/flow-io/shape-is-checked-on-load", test_shape_is_checked_on_load);
  g_test_add_func ("/core/flow-io/json-errors-keep-their-position", test_json_errors_keep_their_position);
  g_test_add_func ("/core/flow-io/wrong-types-survive-until-validation", test_wrong_types_survive_until_validation);
  g_test_add_func ("/core/flow-io/keys-are-written-in-canonical-order", test_keys_are_written_in_canonical_order);
  g_test_add_func ("/core/flow-io/edits-show-in-the-saved-document", test_edits_show_in_the_saved_document);
  g_test_add_func ("/core/flow-io/unchanged-files-are-not-rewritten", test_unchanged_files_are_not_rewritten);

  return g_test_run ();
}
