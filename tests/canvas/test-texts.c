/* test-texts.c - node summaries, port labels, accessible descriptions and
 * the clipboard format, on the all-types fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "wm-canvas-clipboard.h"
#include "wm-commands.h"
#include "wm-flow-io.h"
#include "wm-json.h"
#include "wm-node-summary.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"

static WmFlow *
load_fixture (void)
{
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_file (ALL_TYPES, &error);

  g_assert_no_error (error);
  g_assert_nonnull (flow);
  return flow;
}

static void
assert_summary (WmVersion  *version,
                const char *id,
                const char *expected)
{
  g_autofree char *summary = wm_node_summary (wm_version_find_element (version, id));

  g_assert_cmpstr (summary, ==, expected);
}

static void
test_shorten_collapses_placeholders_and_space (void)
{
  g_autofree char *a = wm_node_shorten_template ("a  b\n c", 10);
  g_autofree char *b = wm_node_shorten_template ("{{ x", 10);
  g_autofree char *c = wm_node_shorten_template ("Hi {{ profile.first_name }}, your cart is waiting", 24);
  g_autofree char *d = wm_node_shorten_template ("abcdef", 6);
  g_autofree char *e = wm_node_shorten_template ("abcdefg", 6);

  g_assert_cmpstr (a, ==, "a b c");
  g_assert_cmpstr (b, ==, "{{…}}");
  /* 24 characters reach the "w" of "waiting"; 23 and an ellipsis remain,
   * less the trailing space. */
  g_assert_cmpstr (c, ==, "Hi {{…}}, your cart is…");
  g_assert_cmpstr (d, ==, "abcdef");
  g_assert_cmpstr (e, ==, "abcde…");
}

static void
test_summaries_of_the_fixture (void)
{
  g_autoptr(WmFlow) flow = load_fixture ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);

  /* "Hi , your cart is waiting" is 25 GSM-7 septets: one segment. */
  assert_summary (v1, "e2", "Shop · Hi {{…}}, your cart is… · 1 segment");
  assert_summary (v1, "e3", "Your cart");
  assert_summary (v1, "e8", "1 day");
  assert_summary (v1, "e9", "at 10:30");
  assert_summary (v1, "e10", "PurchaseFinished · timeout 3 days");
  assert_summary (v1, "e11", "opened · 2 days");
  assert_summary (v1, "e12", "Croatia · Big cart");
  assert_summary (v1, "e13", "A 50% · B 25.5% · C 24.5%");
  assert_summary (v1, "e14", "amount = var.amount + 1");
  assert_summary (v1, "e17", "welcome");
  assert_summary (v1, "e19", "cart-reminded");
  assert_summary (v1, "e21", "recovery · success");
  assert_summary (v1, "e22", "");
}

static void
test_port_labels (void)
{
  g_autoptr(WmFlow) flow = load_fixture ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmElement *branch = wm_version_find_element (v1, "e12");
  WmElement *split = wm_version_find_element (v1, "e13");
  WmElement *wait = wm_version_find_element (v1, "e10");
  g_autofree char *b1 = wm_node_port_label (branch, "1");
  g_autofree char *b3 = wm_node_port_label (branch, "3");
  g_autofree char *belse = wm_node_port_label (branch, "else");
  g_autofree char *s2 = wm_node_port_label (split, "2");
  g_autofree char *timeout = wm_node_port_label (wait, "timeout");

  g_assert_cmpstr (b1, ==, "Croatia");
  g_assert_cmpstr (b3, ==, "Branch 3");
  g_assert_cmpstr (belse, ==, "Else");
  g_assert_cmpstr (s2, ==, "B 25.5%");
  g_assert_cmpstr (timeout, ==, "Timed out");
}

static void
assert_description (WmVersion  *version,
                    const char *id,
                    const char *expected)
{
  g_autofree char *text = wm_node_describe (wm_version_find_element (version, id), version);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_descriptions_say_where_ports_lead (void)
{
  g_autoptr(WmFlow) flow = load_fixture ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);

  assert_description (v1, "e2",
                      "SMS ‘Reminder SMS’, 1 segment, leads to E-mail ‘Reminder e-mail’");
  assert_description (v1, "e7",
                      "Voice call, Hello from the shop, leads to Wait ‘Wait a day’");
  assert_description (v1, "e10",
                      "Wait for event, PurchaseFinished · timeout 3 days, "
                      "Occurred leads to React to message opened · 2 days, "
                      "Timed out leads to Exit");
  assert_description (v1, "e11",
                      "React to message, opened · 2 days, "
                      "Yes leads to Branch Croatia · Big cart, No ends here");
  assert_description (v1, "e22", "Exit");
}

/* Milestones, outcomes and flows are shown by name when the names are at
 * hand, by id when not (a reference to a definition missing here). */
static void
test_names_replace_ids (void)
{
  g_autoptr(WmVersion) version = wm_version_new (1, 0);
  g_autoptr(WmElement) wait = wm_element_new ("w", "wait.delay");
  g_autoptr(WmElement) milestone = wm_element_new ("m", "milestone");
  g_autoptr(WmElement) outcome = wm_element_new ("o", "outcome.set");
  g_autoptr(WmElement) add = wm_element_new ("a", "add.to.flow");
  g_autoptr(WmElement) unknown = wm_element_new ("u", "milestone");
  g_autoptr(WmConnection) connection = wm_connection_new ("w", "out", "m");
  g_autoptr(GHashTable) names = wm_names_new ();
  g_autofree char *summary = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *outcome_text = NULL;
  g_autofree char *add_text = NULL;
  g_autofree char *unknown_text = NULL;
  g_autofree char *description = NULL;

  wm_element_set_config_string (wait, "duration", "1d");
  wm_element_set_config_string (milestone, "milestone", "coupon-used");
  wm_element_set_config_string (outcome, "outcome", "cart-recovered");
  wm_element_set_config_string (outcome, "result", "success");
  wm_element_set_config_string (add, "flow", "welcome");
  wm_element_set_config_string (unknown, "milestone", "not-here");
  wm_version_insert_element (version, 0, wait);
  wm_version_insert_element (version, 1, milestone);
  wm_version_insert_connection (version, 0, connection);
  wm_names_insert (names, WM_NAMES_MILESTONE, "coupon-used", "Coupon used");
  wm_names_insert (names, WM_NAMES_OUTCOME, "cart-recovered", "Cart recovered");
  wm_names_insert (names, WM_NAMES_FLOW, "welcome", "Welcome message");

  summary = wm_node_summary_named (milestone, names);
  g_assert_cmpstr (summary, ==, "Coupon used");
  plain = wm_node_summary (milestone);
  g_assert_cmpstr (plain, ==, "coupon-used");
  outcome_text = wm_node_summary_named (outcome, names);
  g_assert_cmpstr (outcome_text, ==, "Cart recovered · success");
  add_text = wm_node_summary_named (add, names);
  g_assert_cmpstr (add_text, ==, "Welcome message");
  unknown_text = wm_node_summary_named (unknown, names);
  g_assert_cmpstr (unknown_text, ==, "not-here");
  description = wm_node_describe_named (wait, version, names);
  g_assert_cmpstr (description, ==, "Wait, 1 day, leads to Milestone Coupon used");

  /* A table made again with the same names is the same; one name more,
   * or another name for an id, is not. */
  {
    g_autoptr(GHashTable) again = wm_names_new ();

    wm_names_insert (again, WM_NAMES_FLOW, "welcome", "Welcome message");
    wm_names_insert (again, WM_NAMES_OUTCOME, "cart-recovered", "Cart recovered");
    g_assert_false (wm_names_equal (names, again));
    wm_names_insert (again, WM_NAMES_MILESTONE, "coupon-used", "Coupon used");
    g_assert_true (wm_names_equal (names, again));
    wm_names_insert (again, WM_NAMES_MILESTONE, "coupon-used", "Coupon redeemed");
    g_assert_false (wm_names_equal (names, again));
    g_assert_true (wm_names_equal (NULL, NULL));
    g_assert_false (wm_names_equal (names, NULL));
  }
}

static void
test_description_of_the_spec_example (void)
{
  g_autoptr(WmVersion) version = wm_version_new (1, 0);
  g_autoptr(WmElement) sms = wm_element_new ("s", "send.sms");
  g_autoptr(WmElement) wait = wm_element_new ("w", "wait.delay");
  g_autoptr(WmConnection) connection = wm_connection_new ("s", "out", "w");
  g_autofree char *text = NULL;
  g_autofree char *alone = NULL;

  wm_element_set_name (sms, "Reminder");
  wm_element_set_config_string (sms, "text", "Hi");
  wm_element_set_config_string (wait, "duration", "1d");
  wm_version_insert_element (version, 0, sms);
  wm_version_insert_element (version, 1, wait);
  wm_version_insert_connection (version, 0, connection);

  text = wm_node_describe (sms, version);
  g_assert_cmpstr (text, ==, "SMS ‘Reminder’, 1 segment, leads to Wait 1 day");
  alone = wm_node_describe (wait, NULL);
  g_assert_cmpstr (alone, ==, "Wait, 1 day, ends here");
}

static void
test_clipboard_renames_on_collision (void)
{
  g_autoptr(WmFlow) flow = load_fixture ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  const char *ids[] = { "e3", "e2", "e22" };
  g_autofree char *text = wm_clipboard_serialize (v1, ids, G_N_ELEMENTS (ids));
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;
  WmElement *sms;
  double x, y;

  g_assert_true (wm_clipboard_parse (text, v1, 32, 32, &elements, &connections, &error));
  g_assert_no_error (error);

  /* In the version's order; e1..e22 are taken, so e23, e24, e25. */
  g_assert_cmpuint (elements->len, ==, 3);
  sms = elements->pdata[0];
  g_assert_cmpstr (wm_element_get_id (sms), ==, "e23");
  g_assert_cmpstr (wm_element_get_type_name (sms), ==, "send.sms");
  g_assert_cmpstr (wm_element_get_name (sms), ==, "Reminder SMS 2");
  g_assert_cmpstr (wm_element_get_config_string (sms, "sender"), ==, "Shop");
  g_assert_true (wm_element_get_position (sms, &x, &y));
  g_assert_cmpfloat (x, ==, 272);
  g_assert_cmpfloat (y, ==, 32);
  g_assert_cmpstr (wm_element_get_id (elements->pdata[1]), ==, "e24");
  g_assert_cmpstr (wm_element_get_name (elements->pdata[1]), ==, "Reminder e-mail 2");
  g_assert_cmpstr (wm_element_get_id (elements->pdata[2]), ==, "e25");
  g_assert_null (wm_element_get_name (elements->pdata[2]));

  /* Only e2 -> e3 lies inside the selection. */
  g_assert_cmpuint (connections->len, ==, 1);
  g_assert_cmpstr (wm_connection_get_from (connections->pdata[0]), ==, "e23");
  g_assert_cmpstr (wm_connection_get_port (connections->pdata[0]), ==, "out");
  g_assert_cmpstr (wm_connection_get_to (connections->pdata[0]), ==, "e24");
}

static void
test_clipboard_round_trip_is_exact (void)
{
  g_autoptr(WmFlow) flow = load_fixture ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmVersion *v3 = wm_flow_get_version (flow, 3);
  const char *ids[] = { "e2", "e12", "e13" };
  g_autofree char *text = wm_clipboard_serialize (v1, ids, G_N_ELEMENTS (ids));
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autoptr(WmCommand) paste = NULL;

  /* Version 3 has a1..a3: nothing clashes, nothing moves. */
  g_assert_true (wm_clipboard_parse (text, v3, 0, 0, &elements, &connections, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < elements->len; i++)
    {
      WmElement *original = wm_version_find_element (v1, ids[i]);
      g_autoptr(JsonNode) a = wm_element_to_canonical_node (original);
      g_autoptr(JsonNode) b = wm_element_to_canonical_node (elements->pdata[i]);
      g_autofree char *ta = wm_json_to_canonical (a, NULL);
      g_autofree char *tb = wm_json_to_canonical (b, NULL);

      g_assert_cmpstr (ta, ==, tb);
    }
  /* e12 -> e13 through port 1. */
  g_assert_cmpuint (connections->len, ==, 1);
  g_assert_cmpstr (wm_connection_get_port (connections->pdata[0]), ==, "1");

  paste = wm_command_paste_new (3, (WmElement * const *) elements->pdata, elements->len,
                                (WmConnection * const *) connections->pdata, connections->len);
  g_assert_true (wm_undo_stack_push (stack, paste));
  g_assert_cmpuint (wm_version_get_n_elements (v3), ==, 6);
  g_assert_cmpuint (wm_version_get_n_connections (v3), ==, 1);
  g_assert_true (wm_undo_stack_undo (stack));
  g_assert_cmpuint (wm_version_get_n_elements (v3), ==, 3);
  g_assert_cmpuint (wm_version_get_n_connections (v3), ==, 0);
}

static void
assert_refused (const char *text)
{
  g_autoptr(WmVersion) version = wm_version_new (1, 0);
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_clipboard_parse (text, version, 0, 0, &elements, &connections, &error));
  g_assert_nonnull (error);
  g_assert_null (elements);
}

static void
test_clipboard_refuses_other_text (void)
{
  assert_refused ("hello");
  assert_refused ("[]");
  assert_refused ("{\"elements\": {}}");
  assert_refused ("{\"elements\": [{\"id\": \"x\", \"type\": \"send.fax\"}]}");
  assert_refused ("{\"elements\": [{\"type\": \"exit\"}]}");
  assert_refused ("{\"elements\": [{\"id\": \"x\", \"type\": \"exit\"}, {\"id\": \"x\", \"type\": \"exit\"}]}");
}

static void
test_free_id_skips_taken_ones (void)
{
  g_autoptr(WmFlow) flow = load_fixture ();
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *first = wm_clipboard_free_id (wm_flow_get_version (flow, 3), NULL);
  g_autofree char *second = NULL;
  g_autofree char *v1 = wm_clipboard_free_id (wm_flow_get_version (flow, 1), NULL);

  g_assert_cmpstr (first, ==, "e1");
  g_hash_table_add (taken, (gpointer) "e1");
  second = wm_clipboard_free_id (wm_flow_get_version (flow, 3), taken);
  g_assert_cmpstr (second, ==, "e2");
  g_assert_cmpstr (v1, ==, "e23");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/canvas/texts/shorten-collapses-placeholders-and-space", test_shorten_collapses_placeholders_and_space);
  g_test_add_func ("/canvas/texts/summaries-of-the-fixture", test_summaries_of_the_fixture);
  g_test_add_func ("/canvas/texts/port-labels", test_port_labels);
  g_test_add_func ("/canvas/texts/descriptions-say-where-ports-lead", test_descriptions_say_where_ports_lead);
  g_test_add_func ("/canvas/texts/description-of-the-spec-example", test_description_of_the_spec_example);
  g_test_add_func ("/canvas/texts/names-replace-ids", test_names_replace_ids);
  g_test_add_func ("/canvas/clipboard/renames-on-collision", test_clipboard_renames_on_collision);
  g_test_add_func ("/canvas/clipboard/round-trip-is-exact", test_clipboard_round_trip_is_exact);
  g_test_add_func ("/canvas/clipboard/refuses-other-text", test_clipboard_refuses_other_text);
  g_test_add_func ("/canvas/clipboard/free-id-skips-taken-ones", test_free_id_skips_taken_ones);

  return g_test_run ();
}
