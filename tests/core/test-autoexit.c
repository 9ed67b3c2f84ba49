/* test-autoexit.c - explicit exits for unconnected ports at launch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-autoexit.h"
#include "wm-flow-io.h"
#include "wm-validate.h"

static WmFlow *
load (const char *elements,
      const char *connections)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"f\", \"name\": \"F\","
    " \"versions\": [{\"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\","
    " \"elements\": [%s], \"connections\": [%s]}]}", elements, connections);
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_data (json, -1, &error);

  g_assert_no_error (error);
  return flow;
}

static const char *
connection_target (WmVersion  *version,
                   const char *from,
                   const char *port)
{
  WmConnection *connection = wm_version_find_connection (version, from, port);

  return connection != NULL ? wm_connection_get_to (connection) : NULL;
}

static void
test_every_unconnected_port_gets_an_exit (void)
{
  g_autoptr(WmFlow) flow = load (
    "{\"id\": \"in\", \"type\": \"entry.event\", \"position\": [0, 0], \"config\": {\"event\": \"E\"}},"
    "{\"id\": \"w\", \"type\": \"wait.event\", \"position\": [240, 40], \"config\": {\"event\": \"P\", \"timeout\": \"1d\"}},"
    "{\"id\": \"b\", \"type\": \"branch.condition\", \"position\": [480, 0],"
    "  \"config\": {\"branches\": [{\"label\": \"x\", \"when\": \"true\"}, {\"label\": \"y\", \"when\": \"false\"}]}},"
    "{\"id\": \"end\", \"type\": \"exit\", \"position\": [720, 0]}",
    "{\"from\": \"in\", \"port\": \"out\", \"to\": \"w\"},"
    "{\"from\": \"w\", \"port\": \"occurred\", \"to\": \"b\"},"
    "{\"from\": \"b\", \"port\": \"2\", \"to\": \"end\"}");
  WmVersion *version = wm_flow_get_version_at (flow, 0);
  WmElement *added;
  double x, y;
  g_autoptr(GPtrArray) diagnostics = NULL;

  /* w.timeout, b.1 and b.else are unconnected; the exit has no ports. */
  g_assert_cmpuint (wm_version_insert_exits (version), ==, 3);
  g_assert_cmpuint (wm_version_get_n_elements (version), ==, 7);
  g_assert_cmpstr (connection_target (version, "w", "timeout"), ==, "w-timeout");
  g_assert_cmpstr (connection_target (version, "b", "1"), ==, "b-1");
  g_assert_cmpstr (connection_target (version, "b", "else"), ==, "b-else");

  added = wm_version_find_element (version, "w-timeout");
  g_assert_cmpstr (wm_element_get_type_name (added), ==, "exit");
  g_assert_null (wm_element_get_name (added));
  g_assert_true (wm_element_get_position (added, &x, &y));
  g_assert_cmpfloat (x, ==, 480);
  g_assert_cmpfloat (y, ==, 40);

  /* Nothing is left to add, and the result is a valid version. */
  g_assert_cmpuint (wm_version_insert_exits (version), ==, 0);
  diagnostics = wm_validate_flow (flow, NULL);
  g_assert_cmpuint (wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, G_MAXUINT), ==, 0);
  g_assert_cmpuint (wm_diagnostics_count (diagnostics, WM_SEVERITY_WARNING, G_MAXUINT), ==, 0);
}

static void
test_taken_or_long_ids_fall_back_to_exit_n (void)
{
  g_autofree char *long_id = g_strnfill (62, 'a');
  g_autofree char *elements = g_strdup_printf (
    "{\"id\": \"in\", \"type\": \"entry.event\", \"config\": {\"event\": \"E\"}},"
    "{\"id\": \"in-out\", \"type\": \"wait.delay\", \"config\": {\"duration\": \"1h\"}},"
    "{\"id\": \"exit-1\", \"type\": \"wait.delay\", \"config\": {\"duration\": \"1h\"}},"
    "{\"id\": \"%s\", \"type\": \"wait.delay\", \"config\": {\"duration\": \"1h\"}}", long_id);
  g_autoptr(WmFlow) flow = load (elements, "");
  WmVersion *version = wm_flow_get_version_at (flow, 0);
  g_autofree char *long_target = g_strdup_printf ("%s-out", long_id);

  g_assert_cmpuint (wm_version_insert_exits (version), ==, 4);
  /* "in-out" is taken by an element: the first free exit-N ("exit-1" is taken too). */
  g_assert_cmpstr (connection_target (version, "in", "out"), ==, "exit-2");
  /* "in-out-out" is free. */
  g_assert_cmpstr (connection_target (version, "in-out", "out"), ==, "in-out-out");
  g_assert_cmpstr (connection_target (version, "exit-1", "out"), ==, "exit-1-out");
  /* 62 + 4 characters is longer than 64. */
  g_assert_cmpstr (connection_target (version, long_id, "out"), ==, "exit-3");
  g_assert_null (wm_version_find_element (version, long_target));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/autoexit/every-unconnected-port-gets-an-exit", test_every_unconnected_port_gets_an_exit);
  g_test_add_func ("/core/autoexit/taken-or-long-ids-fall-back-to-exit-n", test_taken_or_long_ids_fall_back_to_exit_n);

  return g_test_run ();
}
