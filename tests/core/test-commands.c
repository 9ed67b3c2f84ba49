/* test-commands.c - every undo command reverts to the exact document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command is applied, reverted, applied again and reverted again on a
 * realistic flow; the canonical bytes (wm_flow_to_canonical) must be the
 * original after each revert and the same after each apply. The state after
 * apply is checked by hand through the model's accessors.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "wm-commands.h"
#include "wm-flow-io.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"

static WmFlow *
load_all_types (void)
{
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_file (ALL_TYPES, &error);

  g_assert_no_error (error);
  g_assert_nonnull (flow);
  return flow;
}

static WmFlow *
load_data (const char *text)
{
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (flow);
  return flow;
}

static char *
canonical (WmFlow *flow)
{
  return wm_flow_to_canonical (flow, NULL);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static WmElement *
element (WmFlow     *flow,
         guint       version,
         const char *id)
{
  return wm_version_find_element (wm_flow_get_version (flow, version), id);
}

static void
assert_description (WmCommand  *command,
                    const char *expected)
{
  g_autofree char *text = wm_command_describe (command);

  g_assert_cmpstr (text, ==, expected);
}

/* Compares two documents, naming the first difference rather than
 * printing both. */
#define assert_same_document(a, b) assert_same_document_at (__LINE__, a, b)

static void
assert_same_document_at (int         line,
                         const char *a,
                         const char *b)
{
  gsize i = 0;

  if (g_strcmp0 (a, b) == 0)
    return;
  while (a[i] != '\0' && a[i] == b[i])
    i++;
  g_error ("line %d: documents differ at byte %" G_GSIZE_FORMAT ":\n…%.120s\n≠\n…%.120s",
           line, i, a + (i > 60 ? i - 60 : 0), b + (i > 60 ? i - 60 : 0));
}

/* Applies @command and checks that it changes the document, that revert
 * gives back the original bytes, and that apply / revert again give the
 * same bytes. Leaves the command applied, for the caller to check. */
static void
cycle (WmFlow    *flow,
       WmCommand *command)
{
  g_autofree char *before = canonical (flow);
  g_autofree char *after = NULL;
  g_autofree char *reverted = NULL;
  g_autofree char *again = NULL;
  g_autofree char *reverted_again = NULL;
  g_autofree char *last = NULL;

  g_assert_true (wm_command_apply (command, flow));
  after = canonical (flow);
  g_assert_false (g_str_equal (after, before));

  wm_command_revert (command, flow);
  reverted = canonical (flow);
  assert_same_document (reverted, before);

  g_assert_true (wm_command_apply (command, flow));
  again = canonical (flow);
  assert_same_document (again, after);

  wm_command_revert (command, flow);
  reverted_again = canonical (flow);
  assert_same_document (reverted_again, before);

  g_assert_true (wm_command_apply (command, flow));
  last = canonical (flow);
  assert_same_document (last, after);
}

static void
test_add_element (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmElement) sms = wm_element_new ("n1", "send.sms");
  g_autoptr(WmCommand) command = NULL;
  WmVersion *v1 = wm_flow_get_version (flow, 1);

  wm_element_set_position (sms, 100.5, -20);
  command = wm_command_add_element_new (1, sms, 3);
  cycle (flow, command);

  g_assert_cmpuint (wm_version_get_n_elements (v1), ==, 23);
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 3)), ==, "n1");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 2)), ==, "e3");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 4)), ==, "e4");
  assert_description (command, "Add SMS");

  wm_command_revert (command, flow);
  g_assert_cmpuint (wm_version_get_n_elements (v1), ==, 22);
  g_assert_null (element (flow, 1, "n1"));
}

static void
test_add_elements_with_connections (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmElement) a = wm_element_new ("n1", "wait.delay");
  g_autoptr(WmElement) b = wm_element_new ("n2", "exit");
  g_autoptr(WmConnection) c1 = wm_connection_new ("e22", "out", "n1");
  g_autoptr(WmConnection) c2 = wm_connection_new ("n1", "out", "n2");
  WmElement *elements[] = { a, b };
  WmConnection *connections[] = { c1, c2 };
  const guint positions[] = { 0, 5 };
  g_autoptr(WmCommand) command = NULL;
  WmVersion *v1 = wm_flow_get_version (flow, 1);

  command = wm_command_add_elements_new (1, elements, positions, 2, connections, 2);
  cycle (flow, command);

  g_assert_cmpuint (wm_version_get_n_elements (v1), ==, 24);
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 0)), ==, "n1");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 1)), ==, "e1");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 5)), ==, "n2");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 6)), ==, "e5");
  g_assert_cmpuint (wm_version_get_n_connections (v1), ==, 20);
  g_assert_true (wm_version_get_connection_at (v1, 18) == c1);
  g_assert_true (wm_version_get_connection_at (v1, 19) == c2);
  assert_description (command, "Add 2 elements");
}

static void
test_paste (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmElement) a = wm_element_new ("p1", "send.sms");
  g_autoptr(WmElement) b = wm_element_new ("p2", "send.email");
  g_autoptr(WmElement) c = wm_element_new ("p3", "exit");
  g_autoptr(WmElement) d = wm_element_new ("p4", "exit");
  WmElement *elements[] = { a, b, c, d };
  g_autoptr(WmCommand) command = wm_command_paste_new (3, elements, 4, NULL, 0);
  WmVersion *v3 = wm_flow_get_version (flow, 3);

  cycle (flow, command);
  g_assert_cmpuint (wm_version_get_n_elements (v3), ==, 7);
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v3, 3)), ==, "p1");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v3, 6)), ==, "p4");
  assert_description (command, "Paste 4 elements");
}

static void
test_add_refuses_a_taken_id (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmElement) sms = wm_element_new ("e5", "send.sms");
  g_autoptr(WmCommand) command = wm_command_add_element_new (1, sms, 0);
  g_autoptr(WmCommand) other_version = NULL;
  g_autofree char *before = canonical (flow);
  g_autofree char *after = NULL;
  g_autoptr(WmElement) sms2 = wm_element_new ("x", "send.sms");

  g_assert_false (wm_command_apply (command, flow));
  after = canonical (flow);
  assert_same_document (after, before);

  other_version = wm_command_add_element_new (2, sms2, 0);
  g_assert_false (wm_command_apply (other_version, flow));
}

static void
test_remove_elements (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  const char *ids[] = { "e12", "e2" };
  g_autoptr(WmCommand) command = wm_command_remove_elements_new (1, ids, 2);
  WmVersion *v1 = wm_flow_get_version (flow, 1);

  cycle (flow, command);

  /* e2 has e1→e2 and e2→e3; e12 has e11→e12, e12→e13 and e12→e22. */
  g_assert_cmpuint (wm_version_get_n_elements (v1), ==, 20);
  g_assert_cmpuint (wm_version_get_n_connections (v1), ==, 13);
  g_assert_null (element (flow, 1, "e2"));
  g_assert_null (element (flow, 1, "e12"));
  g_assert_null (wm_version_find_connection (v1, "e1", "out"));
  g_assert_null (wm_version_find_connection (v1, "e11", "yes"));
  g_assert_nonnull (wm_version_find_connection (v1, "e3", "out"));
  assert_description (command, "Delete 2 elements");
}

static void
test_remove_one_element (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  const char *ids[] = { "e22" };
  g_autoptr(WmCommand) command = wm_command_remove_elements_new (1, ids, 1);
  g_autoptr(WmCommand) cut = NULL;
  const char *cut_ids[] = { "e2", "e3", "e2" };

  cycle (flow, command);
  assert_description (command, "Delete Exit");
  wm_command_revert (command, flow);

  /* A repeated id counts once. */
  cut = wm_command_cut_new (1, cut_ids, 3);
  cycle (flow, cut);
  g_assert_cmpuint (wm_version_get_n_elements (wm_flow_get_version (flow, 1)), ==, 20);
  assert_description (cut, "Cut 2 elements");
}

static void
test_remove_refuses_a_missing_element (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  const char *ids[] = { "e2", "nope" };
  g_autoptr(WmCommand) command = wm_command_remove_elements_new (1, ids, 2);
  g_autofree char *before = canonical (flow);
  g_autofree char *after = NULL;

  g_assert_false (wm_command_apply (command, flow));
  after = canonical (flow);
  assert_same_document (after, before);
}

static void
test_move_elements (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  const char *ids[] = { "e2", "e8", "a1" };
  const double positions[] = { 300.5, -12.25, 0.1, 1e6, 5, 5 };
  g_autoptr(WmCommand) command = wm_command_move_elements_new (1, ids, positions, 2);
  g_autoptr(WmCommand) missing = wm_command_move_elements_new (1, ids, positions, 3);
  double x, y;

  cycle (flow, command);
  g_assert_true (wm_element_get_position (element (flow, 1, "e2"), &x, &y));
  g_assert_cmpfloat (x, ==, 300.5);
  g_assert_cmpfloat (y, ==, -12.25);
  g_assert_true (wm_element_get_position (element (flow, 1, "e8"), &x, &y));
  g_assert_cmpfloat (x, ==, 0.1);
  g_assert_cmpfloat (y, ==, 1e6);
  assert_description (command, "Move 2 elements");

  /* a1 is in version 3, not 1. */
  g_assert_false (wm_command_apply (missing, flow));
}

/* Shapes the typed setters cannot write back: the element is replaced by
 * one holding the old JSON. */
static const char odd_flow[] =
  "{ \"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"odd\",\n"
  "  \"versions\": [ { \"number\": 1, \"status\": \"draft\",\n"
  "    \"created_at\": \"2026-01-01T00:00:00Z\",\n"
  "    \"settings\": \"wrong\",\n"
  "    \"elements\": [\n"
  "      { \"id\": \"a\", \"type\": \"send.sms\", \"name\": \"\", \"position\": [1, \"x\"],\n"
  "        \"config\": null },\n"
  "      { \"id\": \"b\", \"type\": \"exit\", \"name\": null },\n"
  "      { \"id\": \"c\", \"type\": \"send.sms\", \"position\": [-0.0, 2],\n"
  "        \"config\": { \"text\": \"hi\", \"x-one\": 1, \"x-two\": 2, \"x-three\": 3 } }\n"
  "    ] } ] }\n";

static void
test_move_restores_odd_positions (void)
{
  g_autoptr(WmFlow) flow = load_data (odd_flow);
  const char *ids[] = { "a", "b", "c" };
  const double positions[] = { 10, 20, 30, 40, 50, 60 };
  g_autoptr(WmCommand) command = wm_command_move_elements_new (1, ids, positions, 3);
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  double x, y;

  cycle (flow, command);
  g_assert_true (wm_element_get_position (element (flow, 1, "b"), &x, &y));
  g_assert_cmpfloat (x, ==, 30);
  g_assert_cmpfloat (y, ==, 40);

  wm_command_revert (command, flow);
  /* Still three elements, in their order. */
  g_assert_cmpuint (wm_version_get_n_elements (v1), ==, 3);
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 0)), ==, "a");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 1)), ==, "b");
  g_assert_cmpstr (wm_element_get_id (wm_version_get_element_at (v1, 2)), ==, "c");
  g_assert_false (json_object_has_member (wm_element_get_json (element (flow, 1, "b")), "position"));
}

static void
test_connect_new_port (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommand) command = wm_command_connect_new (1, "e17", "out", "e22");
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmConnection *connection;

  cycle (flow, command);
  g_assert_cmpuint (wm_version_get_n_connections (v1), ==, 19);
  connection = wm_version_get_connection_at (v1, 18);
  g_assert_cmpstr (wm_connection_get_from (connection), ==, "e17");
  g_assert_cmpstr (wm_connection_get_port (connection), ==, "out");
  g_assert_cmpstr (wm_connection_get_to (connection), ==, "e22");
  assert_description (command, "Connect Add to flow to Exit");
}

static void
test_connect_replaces_the_port_connection (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommand) command = wm_command_connect_new (1, "e8", "out", "e2");
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmConnection *connection;

  cycle (flow, command);
  /* e8→e9 was seventh (index 7); the replacement takes its place. */
  g_assert_cmpuint (wm_version_get_n_connections (v1), ==, 18);
  connection = wm_version_get_connection_at (v1, 7);
  g_assert_cmpstr (wm_connection_get_from (connection), ==, "e8");
  g_assert_cmpstr (wm_connection_get_to (connection), ==, "e2");
  assert_description (command, "Connect Wait a day to Reminder SMS");
}

static void
test_connect_refuses_a_missing_element (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommand) command = wm_command_connect_new (1, "e8", "out", "nope");

  g_assert_false (wm_command_apply (command, flow));
}

static void
test_disconnect (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommand) command = wm_command_disconnect_new (1, "e10", "timeout");
  g_autoptr(WmCommand) nothing = wm_command_disconnect_new (1, "e22", "out");
  WmVersion *v1 = wm_flow_get_version (flow, 1);

  cycle (flow, command);
  g_assert_cmpuint (wm_version_get_n_connections (v1), ==, 17);
  g_assert_null (wm_version_find_connection (v1, "e10", "timeout"));
  g_assert_nonnull (wm_version_find_connection (v1, "e10", "occurred"));
  assert_description (command, "Disconnect Wait for event from Exit");

  g_assert_false (wm_command_apply (nothing, flow));
}

static void
test_set_config_member (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(JsonNode) text = parse ("\"Hello {{ profile.first_name }}\"");
  g_autoptr(WmCommand) command = wm_command_set_config_new (1, "e2", "text", text);

  cycle (flow, command);
  g_assert_cmpstr (wm_element_get_config_string (element (flow, 1, "e2"), "text"), ==,
                   "Hello {{ profile.first_name }}");
  assert_description (command, "Change Text of ‘Reminder SMS’");
}

static void
test_set_config_member_add_and_remove (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(JsonNode) days = parse ("[\"sat\", \"sun\"]");
  g_autoptr(WmCommand) add = wm_command_set_config_new (1, "e8", "x-days", days);
  g_autoptr(WmCommand) remove = wm_command_set_config_new (1, "e2", "sender", NULL);
  g_autoptr(WmCommand) remove_x = wm_command_set_config_new (3, "a3", "x-note", NULL);

  cycle (flow, add);
  g_assert_nonnull (wm_element_get_config_member (element (flow, 1, "e8"), "x-days"));
  wm_command_revert (add, flow);

  cycle (flow, remove);
  g_assert_null (wm_element_get_config_member (element (flow, 1, "e2"), "sender"));
  assert_description (remove, "Change Sender of ‘Reminder SMS’");
  wm_command_revert (remove, flow);

  cycle (flow, remove_x);
  assert_description (remove_x, "Change x-note of ‘Date’");
}

/* Removing x-one and setting it back must put it before x-two and x-three
 * again: x- keys are written in the order held. */
static void
test_set_config_member_keeps_x_key_order (void)
{
  g_autoptr(WmFlow) flow = load_data (odd_flow);
  g_autoptr(WmCommand) command = wm_command_set_config_new (1, "c", "x-one", NULL);
  g_autoptr(WmCommand) x_two = NULL;
  g_autoptr(JsonNode) value = parse ("{\"deep\": [1, 2]}");

  cycle (flow, command);
  g_assert_null (wm_element_get_config_member (element (flow, 1, "c"), "x-one"));
  wm_command_revert (command, flow);

  x_two = wm_command_set_config_new (1, "c", "x-two", value);
  cycle (flow, x_two);
}

static void
test_set_config_member_when_config_is_not_an_object (void)
{
  g_autoptr(WmFlow) flow = load_data (odd_flow);
  g_autoptr(JsonNode) text = parse ("\"Hi\"");
  g_autoptr(WmCommand) command = wm_command_set_config_new (1, "a", "text", text);
  g_autoptr(WmCommand) on_absent = wm_command_set_config_new (1, "b", "x-a", text);
  g_autoptr(WmCommand) remove_on_null = wm_command_set_config_new (1, "a", "text", NULL);
  JsonNode *config;

  cycle (flow, command);
  g_assert_cmpstr (wm_element_get_config_string (element (flow, 1, "a"), "text"), ==, "Hi");
  wm_command_revert (command, flow);
  config = json_object_get_member (wm_element_get_json (element (flow, 1, "a")), "config");
  g_assert_nonnull (config);
  g_assert_true (JSON_NODE_HOLDS_NULL (config));

  cycle (flow, on_absent);
  wm_command_revert (on_absent, flow);
  g_assert_false (json_object_has_member (wm_element_get_json (element (flow, 1, "b")), "config"));

  /* Removing a member of a null config makes it {}: a change to revert. */
  cycle (flow, remove_on_null);
  g_assert_nonnull (wm_element_get_config (element (flow, 1, "a")));
}

static void
test_replace_config (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(JsonNode) config = parse ("{\"duration\": \"2d\", \"x-why\": \"weekend\"}");
  g_autoptr(WmCommand) command = wm_command_replace_config_new (1, "e8", config);
  g_autoptr(WmCommand) remove = wm_command_replace_config_new (1, "e2", NULL);

  cycle (flow, command);
  g_assert_cmpstr (wm_element_get_config_string (element (flow, 1, "e8"), "duration"), ==, "2d");
  assert_description (command, "Change ‘Wait a day’");
  wm_command_revert (command, flow);

  cycle (flow, remove);
  g_assert_false (json_object_has_member (wm_element_get_json (element (flow, 1, "e2")), "config"));
}

static void
test_rename_element (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommand) command = wm_command_rename_element_new (1, "e2", "Nudge");
  g_autoptr(WmCommand) unnamed = wm_command_rename_element_new (1, "e4", "Chat");
  g_autoptr(WmCommand) clear = wm_command_rename_element_new (1, "e3", "");

  cycle (flow, command);
  g_assert_cmpstr (wm_element_get_name (element (flow, 1, "e2")), ==, "Nudge");
  /* Named as it was before the rename. */
  assert_description (command, "Rename ‘Reminder SMS’");
  wm_command_revert (command, flow);

  cycle (flow, unnamed);
  assert_description (unnamed, "Rename ‘WhatsApp’");
  wm_command_revert (unnamed, flow);

  cycle (flow, clear);
  g_assert_null (wm_element_get_name (element (flow, 1, "e3")));
}

static void
test_rename_restores_odd_names (void)
{
  g_autoptr(WmFlow) flow = load_data (odd_flow);
  g_autoptr(WmCommand) empty = wm_command_rename_element_new (1, "a", "Text");
  g_autoptr(WmCommand) null = wm_command_rename_element_new (1, "b", "Bye");
  JsonNode *name;

  cycle (flow, empty);
  wm_command_revert (empty, flow);
  name = json_object_get_member (wm_element_get_json (element (flow, 1, "a")), "name");
  g_assert_cmpstr (json_node_get_string (name), ==, "");

  cycle (flow, null);
  wm_command_revert (null, flow);
  name = json_object_get_member (wm_element_get_json (element (flow, 1, "b")), "name");
  g_assert_true (JSON_NODE_HOLDS_NULL (name));
}

static void
test_flow_members (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommand) name = wm_command_rename_flow_new ("Carts");
  g_autoptr(WmCommand) no_description = wm_command_set_description_new (NULL);
  g_autoptr(WmCommand) zone = wm_command_set_timezone_new ("Europe/Berlin");
  g_autoptr(JsonNode) schedule = parse ("{\"start\": \"2026-03-01T00:00:00Z\", \"end\": null, "
                                        "\"indefinite\": true}");
  g_autoptr(WmCommand) schedule_command = wm_command_set_schedule_new (schedule);
  g_autoptr(WmCommand) other = wm_command_set_flow_member_new ("x-new", schedule);

  cycle (flow, name);
  g_assert_cmpstr (wm_flow_get_name (flow), ==, "Carts");
  assert_description (name, "Rename flow");
  wm_command_revert (name, flow);

  cycle (flow, no_description);
  g_assert_null (wm_flow_get_description (flow));
  assert_description (no_description, "Change description");
  wm_command_revert (no_description, flow);

  cycle (flow, zone);
  g_assert_cmpstr (wm_flow_get_timezone (flow), ==, "Europe/Berlin");
  assert_description (zone, "Change time zone");
  wm_command_revert (zone, flow);

  cycle (flow, schedule_command);
  g_assert_true (json_object_get_boolean_member (wm_flow_get_schedule (flow), "indefinite"));
  assert_description (schedule_command, "Change schedule");
  wm_command_revert (schedule_command, flow);

  cycle (flow, other);
  assert_description (other, "Change flow settings");
}

/* The document ends with x-origin then x-b; removing x-origin and putting
 * it back must not write x-b first. */
static void
test_flow_member_keeps_x_key_order (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommand) command = wm_command_set_flow_member_new ("x-origin", NULL);

  cycle (flow, command);
  g_assert_null (wm_flow_get_member (flow, "x-origin"));
}

static void
test_settings (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(JsonNode) reentry = parse ("{\"enabled\": false}");
  g_autoptr(JsonNode) variables = parse ("[{\"name\": \"n\", \"type\": \"number\", \"initial\": 1}]");
  g_autoptr(JsonNode) settings = parse ("{}");
  g_autoptr(WmCommand) reentry_command = wm_command_set_reentry_new (1, reentry);
  g_autoptr(WmCommand) no_goal = wm_command_set_goal_new (1, NULL);
  g_autoptr(WmCommand) variables_command = wm_command_set_variables_new (1, variables);
  g_autoptr(WmCommand) settings_command = wm_command_set_settings_new (1, settings);
  g_autoptr(WmCommand) on_v3 = wm_command_set_reentry_new (3, reentry);
  g_autoptr(WmCommand) on_v2 = wm_command_set_reentry_new (2, reentry);
  JsonObject *object;

  cycle (flow, reentry_command);
  object = json_object_get_object_member (wm_version_get_settings (wm_flow_get_version (flow, 1)),
                                          "reentry");
  g_assert_false (json_object_get_boolean_member (object, "enabled"));
  g_assert_false (json_object_has_member (object, "delay"));
  /* The other settings are left alone. */
  g_assert_true (json_object_has_member (wm_version_get_settings (wm_flow_get_version (flow, 1)),
                                         "goal"));
  assert_description (reentry_command, "Change re-entry");
  wm_command_revert (reentry_command, flow);

  cycle (flow, no_goal);
  g_assert_false (json_object_has_member (wm_version_get_settings (wm_flow_get_version (flow, 1)),
                                          "goal"));
  assert_description (no_goal, "Change goal");
  wm_command_revert (no_goal, flow);

  cycle (flow, variables_command);
  assert_description (variables_command, "Change variables");
  wm_command_revert (variables_command, flow);

  cycle (flow, settings_command);
  assert_description (settings_command, "Change flow settings");
  wm_command_revert (settings_command, flow);

  /* Version 3 has no settings: they are made, and removed on revert. */
  cycle (flow, on_v3);
  g_assert_nonnull (wm_version_get_settings (wm_flow_get_version (flow, 3)));
  wm_command_revert (on_v3, flow);
  g_assert_null (wm_version_get_member (wm_flow_get_version (flow, 3), "settings"));

  g_assert_false (wm_command_apply (on_v2, flow));
}

static void
test_settings_of_the_wrong_type (void)
{
  g_autoptr(WmFlow) flow = load_data (odd_flow);
  g_autoptr(JsonNode) goal = parse ("{\"event\": \"Bought\"}");
  g_autoptr(WmCommand) command = wm_command_set_goal_new (1, goal);
  JsonNode *settings;

  cycle (flow, command);
  wm_command_revert (command, flow);
  settings = wm_version_get_member (wm_flow_get_version (flow, 1), "settings");
  g_assert_cmpstr (json_node_get_string (settings), ==, "wrong");
}

static void
test_group (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommandGroup) group = wm_command_group_new ("Tidy up");
  g_autoptr(WmCommand) rename = wm_command_rename_element_new (1, "e2", "A");
  g_autoptr(WmCommand) disconnect = wm_command_disconnect_new (1, "e1", "out");
  const char *ids[] = { "e2" };
  g_autoptr(WmCommand) remove = wm_command_remove_elements_new (1, ids, 1);

  wm_command_group_add (group, rename);
  wm_command_group_add (group, disconnect);
  wm_command_group_add (group, remove);
  g_assert_cmpuint (wm_command_group_get_n_commands (group), ==, 3);

  cycle (flow, WM_COMMAND (group));
  g_assert_null (element (flow, 1, "e2"));
  assert_description (WM_COMMAND (group), "Tidy up");
}

/* A group whose last command does not fit leaves the flow untouched. */
static void
test_group_is_all_or_nothing (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmCommandGroup) group = wm_command_group_new (NULL);
  g_autoptr(WmCommand) rename = wm_command_rename_element_new (1, "e2", "A");
  g_autoptr(WmCommand) move = wm_command_move_element_new (1, "e3", 1, 2);
  g_autoptr(WmCommand) bad = wm_command_disconnect_new (1, "e22", "out");
  g_autofree char *before = canonical (flow);
  g_autofree char *after = NULL;

  wm_command_group_add (group, rename);
  wm_command_group_add (group, move);
  wm_command_group_add (group, bad);

  g_assert_false (wm_command_apply (WM_COMMAND (group), flow));
  after = canonical (flow);
  assert_same_document (after, before);
  /* Without a description, the first command's. */
  assert_description (WM_COMMAND (group), "Rename ‘Reminder SMS’");
}

/* Merging, at the command level: the merged command reverts to the state
 * before the first and applies the last one's values. */
static void
test_moves_merge (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  const char *ids[] = { "e2", "e3" };
  const char *swapped[] = { "e3", "e2" };
  const char *other[] = { "e2", "e4" };
  const double first[] = { 250, 0, 490, 0 };
  const double second[] = { 500, 10, 260, 10 };
  g_autoptr(WmCommand) a = wm_command_move_elements_new (1, ids, first, 2);
  g_autoptr(WmCommand) b = wm_command_move_elements_new (1, swapped, second, 2);
  g_autoptr(WmCommand) c = wm_command_move_elements_new (1, other, second, 2);
  g_autoptr(WmCommand) late = wm_command_move_elements_new (1, ids, second, 2);
  g_autoptr(WmCommand) replay = NULL;
  g_autofree char *before = canonical (flow);
  g_autofree char *merged = NULL;
  g_autofree char *reverted = NULL;
  g_autofree char *replayed = NULL;
  double x, y;

  wm_command_set_time (a, 1000000);
  wm_command_set_time (b, 1200000);
  wm_command_set_time (c, 1300000);
  wm_command_set_time (late, 1200000 + WM_COMMAND_MERGE_WINDOW + 1);

  g_assert_true (wm_command_apply (a, flow));
  g_assert_true (wm_command_apply (b, flow));
  g_assert_true (wm_command_merge (a, b));
  g_assert_cmpint (wm_command_get_time (a), ==, 1200000);
  merged = canonical (flow);

  /* Other elements, or too late: separate steps. */
  g_assert_false (wm_command_merge (a, c));
  g_assert_false (wm_command_merge (a, late));

  wm_command_revert (a, flow);
  reverted = canonical (flow);
  assert_same_document (reverted, before);

  g_assert_true (wm_command_apply (a, flow));
  replayed = canonical (flow);
  assert_same_document (replayed, merged);
  g_assert_true (wm_element_get_position (element (flow, 1, "e2"), &x, &y));
  g_assert_cmpfloat (x, ==, 260);
  g_assert_cmpfloat (y, ==, 10);
  g_assert_true (wm_element_get_position (element (flow, 1, "e3"), &x, &y));
  g_assert_cmpfloat (x, ==, 500);
  g_assert_cmpfloat (y, ==, 10);
}

static void
test_config_edits_merge_within_the_window (void)
{
  g_autoptr(JsonNode) h = parse ("\"H\"");
  g_autoptr(JsonNode) hi = parse ("\"Hi\"");
  g_autoptr(WmCommand) a = wm_command_set_config_new (1, "e2", "text", h);
  g_autoptr(WmCommand) b = wm_command_set_config_new (1, "e2", "text", hi);
  g_autoptr(WmCommand) other_key = wm_command_set_config_new (1, "e2", "sender", hi);
  g_autoptr(WmCommand) other_element = wm_command_set_config_new (1, "e5", "text", hi);
  g_autoptr(WmCommand) late = wm_command_set_config_new (1, "e2", "text", hi);
  g_autoptr(WmCommand) rename = wm_command_rename_element_new (1, "e2", "Hi");

  wm_command_set_time (a, 0);
  wm_command_set_time (b, WM_COMMAND_MERGE_WINDOW);
  wm_command_set_time (other_key, WM_COMMAND_MERGE_WINDOW);
  wm_command_set_time (other_element, WM_COMMAND_MERGE_WINDOW);
  wm_command_set_time (late, 2 * WM_COMMAND_MERGE_WINDOW + 1);
  wm_command_set_time (rename, WM_COMMAND_MERGE_WINDOW);

  g_assert_false (wm_command_merge (a, other_key));
  g_assert_false (wm_command_merge (a, other_element));
  g_assert_false (wm_command_merge (a, rename));
  g_assert_true (wm_command_merge (a, b));
  /* The window now runs from b. */
  g_assert_false (wm_command_merge (a, late));
}

static void
test_flow_name_merges_but_time_zone_does_not (void)
{
  g_autoptr(WmCommand) a = wm_command_rename_flow_new ("C");
  g_autoptr(WmCommand) b = wm_command_rename_flow_new ("Ca");
  g_autoptr(WmCommand) z1 = wm_command_set_timezone_new ("Europe/Berlin");
  g_autoptr(WmCommand) z2 = wm_command_set_timezone_new ("Europe/Paris");

  wm_command_set_time (b, wm_command_get_time (a) + 1000);
  wm_command_set_time (z2, wm_command_get_time (z1) + 1000);
  g_assert_true (wm_command_merge (a, b));
  g_assert_false (wm_command_merge (z1, z2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/commands/add-element-goes-to-its-position-and-reverts", test_add_element);
  g_test_add_func ("/core/commands/add-elements-with-connections-reverts", test_add_elements_with_connections);
  g_test_add_func ("/core/commands/paste-appends-and-reverts", test_paste);
  g_test_add_func ("/core/commands/add-refuses-a-taken-id", test_add_refuses_a_taken_id);
  g_test_add_func ("/core/commands/remove-takes-connections-and-reverts", test_remove_elements);
  g_test_add_func ("/core/commands/remove-one-and-cut", test_remove_one_element);
  g_test_add_func ("/core/commands/remove-refuses-a-missing-element", test_remove_refuses_a_missing_element);
  g_test_add_func ("/core/commands/move-reverts-exactly", test_move_elements);
  g_test_add_func ("/core/commands/move-restores-odd-positions", test_move_restores_odd_positions);
  g_test_add_func ("/core/commands/connect-appends-a-new-port", test_connect_new_port);
  g_test_add_func ("/core/commands/connect-replaces-the-port-connection", test_connect_replaces_the_port_connection);
  g_test_add_func ("/core/commands/connect-refuses-a-missing-element", test_connect_refuses_a_missing_element);
  g_test_add_func ("/core/commands/disconnect-reverts-in-place", test_disconnect);
  g_test_add_func ("/core/commands/set-config-member-reverts", test_set_config_member);
  g_test_add_func ("/core/commands/set-config-member-adds-and-removes", test_set_config_member_add_and_remove);
  g_test_add_func ("/core/commands/set-config-member-keeps-x-key-order", test_set_config_member_keeps_x_key_order);
  g_test_add_func ("/core/commands/set-config-member-on-a-config-not-an-object", test_set_config_member_when_config_is_not_an_object);
  g_test_add_func ("/core/commands/replace-config-reverts", test_replace_config);
  g_test_add_func ("/core/commands/rename-element-reverts", test_rename_element);
  g_test_add_func ("/core/commands/rename-restores-empty-and-null-names", test_rename_restores_odd_names);
  g_test_add_func ("/core/commands/flow-members-revert", test_flow_members);
  g_test_add_func ("/core/commands/flow-member-keeps-x-key-order", test_flow_member_keeps_x_key_order);
  g_test_add_func ("/core/commands/settings-revert", test_settings);
  g_test_add_func ("/core/commands/settings-of-the-wrong-type-revert", test_settings_of_the_wrong_type);
  g_test_add_func ("/core/commands/group-applies-in-order-and-reverts", test_group);
  g_test_add_func ("/core/commands/group-is-all-or-nothing", test_group_is_all_or_nothing);
  g_test_add_func ("/core/commands/moves-of-the-same-elements-merge", test_moves_merge);
  g_test_add_func ("/core/commands/config-edits-merge-within-the-window", test_config_edits_merge_within_the_window);
  g_test_add_func ("/core/commands/flow-name-merges-time-zone-does-not", test_flow_name_merges_but_time_zone_does_not);

  return g_test_run ();
}
