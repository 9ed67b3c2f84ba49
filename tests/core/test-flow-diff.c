/* test-flow-diff.c - comparing two versions of a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-flow-diff.h"
#include "wm-flow-io.h"
#include "wm-json.h"

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

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = wm_json_parse (text, -1, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return node;
}

static const WmFieldChange *
find_field (const WmElementChange *change,
            const char            *path)
{
  for (guint i = 0; i < change->fields->len; i++)
    {
      const WmFieldChange *field = g_ptr_array_index (change->fields, i);

      if (g_str_equal (field->path, path))
        return field;
    }
  g_error ("no change of “%s” in %s", path, change->id);
}

static void
test_same_version_is_empty (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  g_autoptr(WmVersion) copy = wm_version_copy (v1, 2);
  g_autoptr(WmFlowDiff) diff = wm_flow_diff_new (v1, copy);

  g_assert_true (wm_flow_diff_is_empty (diff));
  g_assert_cmpuint (wm_flow_diff_get_n_elements (diff), ==, 0);
  g_assert_cmpuint (wm_flow_diff_get_n_connections (diff), ==, 0);
  g_assert_cmpuint (wm_flow_diff_get_settings (diff)->len, ==, 0);
  g_assert_cmpuint (wm_flow_diff_get_older_number (diff), ==, 1);
  g_assert_cmpuint (wm_flow_diff_get_newer_number (diff), ==, 2);
}

static void
test_edits_are_listed_in_order (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  g_autoptr(WmVersion) v2 = wm_version_copy (v1, 2);
  g_autoptr(WmFlowDiff) diff = NULL;
  g_autoptr(JsonNode) text = json_node_new (JSON_NODE_VALUE);
  g_autoptr(WmElement) added = wm_element_new ("e23", "wait.delay");
  g_autoptr(WmConnection) link = wm_connection_new ("e22", "out", "e23");
  const WmElementChange *change;
  const WmFieldChange *field;
  WmElement *e2 = wm_version_find_element (v2, "e2");

  /* e2: renamed, moved, its text and one send-window day changed. */
  wm_element_set_name (e2, "Second reminder");
  wm_element_set_position (e2, 256, 32);
  json_node_set_string (text, "Still thinking it over?");
  wm_element_set_config_member (e2, "text", text);
  {
    g_autoptr(JsonNode) window = parse ("{\"from\": \"09:00\", \"to\": \"21:00\","
                                        " \"days\": [\"mon\", \"tue\"], \"zone\": \"profile\"}");

    wm_element_set_config_member (e2, "send_window", window);
  }
  /* e12: the second branch's condition. */
  {
    g_autoptr(JsonNode) branches = parse ("[{\"label\": \"Croatia\", \"when\": \"profile.country == \\\"HR\\\"\"},"
                                          " {\"label\": \"Big cart\", \"when\": \"var.amount >= 200\"}]");

    wm_element_set_config_member (wm_version_find_element (v2, "e12"), "branches", branches);
  }
  /* e9 removed with its connection; e23 added after the exit. */
  wm_version_remove_connection (v2, wm_version_find_connection (v2, "e9", "out"));
  wm_version_remove_element (v2, wm_version_find_element (v2, "e9"));
  wm_element_set_position (added, 1200, 400);
  wm_version_insert_element (v2, wm_version_get_n_elements (v2), added);
  wm_version_insert_connection (v2, wm_version_get_n_connections (v2), link);

  diff = wm_flow_diff_new (v1, v2);
  g_assert_false (wm_flow_diff_is_empty (diff));
  g_assert_cmpuint (wm_flow_diff_get_n_elements (diff), ==, 4);
  g_assert_cmpuint (wm_flow_diff_count (diff, WM_DIFF_CHANGED), ==, 2);
  g_assert_cmpuint (wm_flow_diff_count (diff, WM_DIFF_ADDED), ==, 1);
  g_assert_cmpuint (wm_flow_diff_count (diff, WM_DIFF_REMOVED), ==, 1);

  /* Newer order first (e2, e12, e23), then the removed e9. */
  change = wm_flow_diff_get_element (diff, 0);
  g_assert_cmpint (change->kind, ==, WM_DIFF_CHANGED);
  g_assert_cmpstr (change->id, ==, "e2");
  g_assert_cmpstr (change->name, ==, "Second reminder");
  g_assert_true (change->element == e2);
  g_assert_cmpuint (change->fields->len, ==, 5);
  field = g_ptr_array_index (change->fields, 0);
  g_assert_cmpstr (field->path, ==, "name");
  g_assert_cmpstr (field->old_text, ==, "Reminder SMS");
  g_assert_cmpstr (field->new_text, ==, "Second reminder");
  field = g_ptr_array_index (change->fields, 1);
  g_assert_cmpstr (field->path, ==, "position");
  g_assert_cmpstr (field->old_text, ==, "240, 0");
  g_assert_cmpstr (field->new_text, ==, "256, 32");
  field = g_ptr_array_index (change->fields, 2);
  g_assert_cmpstr (field->path, ==, "config.text");
  g_assert_cmpstr (field->old_text, ==, "Hi {{ profile.first_name }}, your cart is waiting");
  g_assert_cmpstr (field->new_text, ==, "Still thinking it over?");
  /* Nested objects are walked; a list of plain values is one field. */
  field = g_ptr_array_index (change->fields, 3);
  g_assert_cmpstr (field->path, ==, "config.send_window.to");
  g_assert_cmpstr (field->old_text, ==, "20:00");
  g_assert_cmpstr (field->new_text, ==, "21:00");
  field = g_ptr_array_index (change->fields, 4);
  g_assert_cmpstr (field->path, ==, "config.send_window.days");
  g_assert_cmpstr (field->old_text, ==, "[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\"]");
  g_assert_cmpstr (field->new_text, ==, "[\"mon\",\"tue\"]");

  /* A list of objects is walked item by item. */
  change = wm_flow_diff_get_element (diff, 1);
  g_assert_cmpstr (change->id, ==, "e12");
  g_assert_cmpuint (change->fields->len, ==, 1);
  field = find_field (change, "config.branches[1].when");
  g_assert_cmpstr (field->old_text, ==, "var.amount >= 100");
  g_assert_cmpstr (field->new_text, ==, "var.amount >= 200");

  change = wm_flow_diff_get_element (diff, 2);
  g_assert_cmpint (change->kind, ==, WM_DIFF_ADDED);
  g_assert_cmpstr (change->id, ==, "e23");
  g_assert_cmpuint (change->fields->len, ==, 0);

  /* The removed element is a detached copy the canvas can draw. */
  change = wm_flow_diff_get_element (diff, 3);
  g_assert_cmpint (change->kind, ==, WM_DIFF_REMOVED);
  g_assert_cmpstr (change->id, ==, "e9");
  g_assert_null (wm_element_get_version (change->element));
  g_assert_cmpstr (wm_element_get_type_name (change->element), ==, "wait.time");

  g_assert_true (wm_flow_diff_find_element (diff, "e12") == wm_flow_diff_get_element (diff, 1));
  g_assert_null (wm_flow_diff_find_element (diff, "e1"));

  g_assert_cmpuint (wm_flow_diff_get_n_connections (diff), ==, 2);
  {
    const WmConnectionChange *c = wm_flow_diff_get_connection (diff, 0);

    g_assert_cmpint (c->kind, ==, WM_DIFF_ADDED);
    g_assert_cmpstr (c->from, ==, "e22");
    g_assert_cmpstr (c->to, ==, "e23");
    c = wm_flow_diff_get_connection (diff, 1);
    g_assert_cmpint (c->kind, ==, WM_DIFF_REMOVED);
    g_assert_cmpstr (c->from, ==, "e9");
    g_assert_cmpstr (c->port, ==, "out");
    g_assert_cmpstr (c->to, ==, "e10");
  }
}

static void
test_absent_and_new_fields (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  g_autoptr(WmVersion) v2 = wm_version_copy (v1, 2);
  g_autoptr(WmFlowDiff) diff = NULL;
  g_autoptr(JsonNode) note = parse ("\"check the tone\"");
  const WmElementChange *change;
  const WmFieldChange *field;
  WmElement *e2 = wm_version_find_element (v2, "e2");

  /* A name removed, a config field removed, an x- key added. */
  wm_element_set_name (e2, NULL);
  wm_element_set_config_member (e2, "sender", NULL);
  wm_element_set_config_member (e2, "x-note", note);

  diff = wm_flow_diff_new (v1, v2);
  g_assert_cmpuint (wm_flow_diff_get_n_elements (diff), ==, 1);
  change = wm_flow_diff_get_element (diff, 0);
  /* Without a name, the type's label stands for it. */
  g_assert_cmpstr (change->name, ==, wm_element_get_display_name (e2));
  g_assert_cmpuint (change->fields->len, ==, 3);
  /* At each level, the newer element's members first, then those only
   * the older one has: config (x-note, then the removed sender), then
   * the removed name. */
  field = g_ptr_array_index (change->fields, 0);
  g_assert_cmpstr (field->path, ==, "config.x-note");
  g_assert_null (field->old_text);
  g_assert_cmpstr (field->new_text, ==, "check the tone");
  field = find_field (change, "config.sender");
  g_assert_true (field == g_ptr_array_index (change->fields, 1));
  g_assert_cmpstr (field->old_text, ==, "Shop");
  g_assert_null (field->new_text);
  field = find_field (change, "name");
  g_assert_true (field == g_ptr_array_index (change->fields, 2));
  g_assert_cmpstr (field->old_text, ==, "Reminder SMS");
  g_assert_null (field->new_text);
}

static void
test_settings_changes (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmVersion *v3 = wm_flow_get_version (flow, 3);
  g_autoptr(WmVersion) v2 = wm_version_copy (v1, 2);
  g_autoptr(JsonNode) settings = parse ("{\"reentry\": {\"enabled\": false, \"delay\": \"1h\","
                                        " \"limits\": [{\"count\": 2, \"period\": \"7d\"}]},"
                                        " \"goal\": null,"
                                        " \"variables\": [{\"name\": \"amount\", \"type\": \"number\", \"initial\": 0},"
                                        " {\"name\": \"note\", \"type\": \"string\", \"initial\": null}]}");
  g_autoptr(WmFlowDiff) diff = NULL;
  g_autoptr(WmFlowDiff) none = NULL;
  GPtrArray *fields;
  WmFieldChange *field;

  wm_version_set_member (v2, "settings", settings);
  diff = wm_flow_diff_new (v1, v2);
  g_assert_cmpuint (wm_flow_diff_get_n_elements (diff), ==, 0);
  fields = wm_flow_diff_get_settings (diff);
  g_assert_cmpuint (fields->len, ==, 2);
  field = g_ptr_array_index (fields, 0);
  g_assert_cmpstr (field->path, ==, "reentry.enabled");
  g_assert_cmpstr (field->old_text, ==, "true");
  g_assert_cmpstr (field->new_text, ==, "false");
  field = g_ptr_array_index (fields, 1);
  g_assert_cmpstr (field->path, ==, "goal");
  g_assert_cmpstr (field->old_text, ==, "{\"event\":\"PurchaseFinished\",\"value\":\"amount\",\"window\":\"7d\"}");
  g_assert_cmpstr (field->new_text, ==, "null");

  /* Version 3 has no settings: every member of version 1's is gone. */
  none = wm_flow_diff_new (v1, v3);
  fields = wm_flow_diff_get_settings (none);
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_cmpstr (((WmFieldChange *) g_ptr_array_index (fields, 0))->path, ==, "reentry");
  g_assert_null (((WmFieldChange *) g_ptr_array_index (fields, 0))->new_text);
}

static void
test_unrelated_versions (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmVersion *v3 = wm_flow_get_version (flow, 3);
  g_autoptr(WmFlowDiff) diff = wm_flow_diff_new (v1, v3);
  g_autoptr(WmFlowDiff) back = wm_flow_diff_new (v3, v1);

  /* No id in common: all of v3 is added, all of v1 removed. */
  g_assert_cmpuint (wm_flow_diff_count (diff, WM_DIFF_ADDED), ==, 3);
  g_assert_cmpuint (wm_flow_diff_count (diff, WM_DIFF_REMOVED), ==, 22);
  g_assert_cmpuint (wm_flow_diff_count (diff, WM_DIFF_CHANGED), ==, 0);
  g_assert_cmpstr (wm_flow_diff_get_element (diff, 0)->id, ==, "a1");
  g_assert_cmpstr (wm_flow_diff_get_element (diff, 3)->id, ==, "e1");
  g_assert_cmpstr (wm_flow_diff_get_element (diff, 24)->id, ==, "e22");
  g_assert_cmpuint (wm_flow_diff_get_n_connections (diff), ==, wm_version_get_n_connections (v1));
  for (guint i = 0; i < wm_flow_diff_get_n_connections (diff); i++)
    g_assert_cmpint (wm_flow_diff_get_connection (diff, i)->kind, ==, WM_DIFF_REMOVED);

  /* The other way round, the same counts swapped. */
  g_assert_cmpuint (wm_flow_diff_count (back, WM_DIFF_ADDED), ==, 22);
  g_assert_cmpuint (wm_flow_diff_count (back, WM_DIFF_REMOVED), ==, 3);
}

static void
test_duplicate_ids_pair_in_order (void)
{
  g_autoptr(WmVersion) a = wm_version_new (1, 0);
  g_autoptr(WmVersion) b = wm_version_new (2, 0);
  g_autoptr(WmFlowDiff) diff = NULL;
  const char *names_a[] = { "First", "Second" };
  const char *names_b[] = { "First", "Second", "Third" };

  for (guint i = 0; i < G_N_ELEMENTS (names_a); i++)
    {
      g_autoptr(WmElement) element = wm_element_new ("x", "exit");

      wm_element_set_name (element, names_a[i]);
      wm_version_insert_element (a, i, element);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names_b); i++)
    {
      g_autoptr(WmElement) element = wm_element_new ("x", "exit");

      wm_element_set_name (element, names_b[i]);
      wm_version_insert_element (b, i, element);
    }
  diff = wm_flow_diff_new (a, b);
  /* First with first, second with second: only the third is new. */
  g_assert_cmpuint (wm_flow_diff_get_n_elements (diff), ==, 1);
  g_assert_cmpint (wm_flow_diff_get_element (diff, 0)->kind, ==, WM_DIFF_ADDED);
  g_assert_cmpstr (wm_flow_diff_get_element (diff, 0)->name, ==, "Third");
}

static void
test_value_text (void)
{
  static const struct
  {
    const char *json;
    const char *text;
  } cases[] = {
    { "\"plain\"", "plain" },
    { "\"\"", "\"\"" },
    { "12", "12" },
    { "0.1", "0.1" },
    { "true", "true" },
    { "null", "null" },
    { "[16, -32.5]", "16, -32.5" },
    { "[1, 2, 3]", "[1,2,3]" },
    { "[\"a\", 1]", "[\"a\",1]" },
    { "{\"a\": [1]}", "{\"a\":[1]}" },
  };

  g_assert_null (wm_flow_diff_value_text (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autofree char *text = wm_flow_diff_value_text (node);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_diff_is_refcounted (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmVersion *v3 = wm_flow_get_version (flow, 3);
  WmFlowDiff *diff = wm_flow_diff_new (v1, v3);
  WmFlowDiff *again = wm_flow_diff_ref (diff);
  const WmElementChange *change;

  g_assert_true (again == diff);
  wm_flow_diff_unref (diff);
  /* Still alive, and independent of the version it was made from. */
  change = wm_flow_diff_find_element (again, "e2");
  g_clear_object (&flow);
  g_assert_nonnull (change);
  g_assert_cmpstr (wm_element_get_name (change->element), ==, "Reminder SMS");
  g_assert_true (G_TYPE_IS_BOXED (WM_TYPE_FLOW_DIFF));
  wm_flow_diff_unref (again);
}

static void
test_locked_entry (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  WmVersion *v1 = wm_flow_get_version (flow, 1);
  WmVersion *v3 = wm_flow_get_version (flow, 3);
  g_autoptr(WmVersion) v4 = wm_version_copy (v1, 4);
  WmVersion *draft;

  /* Version 3 is a draft, but its three entries make no one entry. */
  g_assert_null (wm_flow_diff_locked_entry (v3));
  /* A launched version is read-only anyway: nothing to lock. */
  g_assert_null (wm_flow_diff_locked_entry (v1));
  /* A detached version has no flow to look at. */
  g_assert_null (wm_flow_diff_locked_entry (v4));

  wm_version_set_status (v4, WM_VERSION_DRAFT);
  wm_flow_append_version (flow, v4);
  draft = wm_flow_get_version (flow, 4);
  /* Version 1 is active: the draft's entry is locked. */
  g_assert_nonnull (wm_flow_diff_locked_entry (draft));
  g_assert_cmpstr (wm_element_get_id (wm_flow_diff_locked_entry (draft)), ==, "e1");
  wm_version_set_status (v1, WM_VERSION_FINISHING);
  g_assert_nonnull (wm_flow_diff_locked_entry (draft));
  /* Stopped: no running version, so the draft may change its entry. */
  wm_version_set_status (v1, WM_VERSION_STOPPED);
  g_assert_null (wm_flow_diff_locked_entry (draft));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/flow-diff/same-version-is-empty", test_same_version_is_empty);
  g_test_add_func ("/core/flow-diff/edits-are-listed-in-order", test_edits_are_listed_in_order);
  g_test_add_func ("/core/flow-diff/absent-and-new-fields", test_absent_and_new_fields);
  g_test_add_func ("/core/flow-diff/settings-changes", test_settings_changes);
  g_test_add_func ("/core/flow-diff/unrelated-versions", test_unrelated_versions);
  g_test_add_func ("/core/flow-diff/duplicate-ids-pair-in-order", test_duplicate_ids_pair_in_order);
  g_test_add_func ("/core/flow-diff/value-text", test_value_text);
  g_test_add_func ("/core/flow-diff/diff-is-refcounted", test_diff_is_refcounted);
  g_test_add_func ("/core/flow-diff/locked-entry", test_locked_entry);

  return g_test_run ();
}
