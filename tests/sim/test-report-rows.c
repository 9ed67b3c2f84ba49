/* test-report-rows.c - a report's element and channel figures as list rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conformance case 02-channels: the rows made from the expected report
 * (money as numbers) and from the report the library builds (money as
 * decimal text) both give, cell for cell, the case's expected
 * elements.csv and channels.csv rows of `all`; money is exact, a missing
 * figure is -1 and sorts below zero.
 */

#include "config.h"

#include "case-harness.h"
#include "wm-report-compare.h"
#include "wm-report-rows.h"

/* The case's CSV rows of `all` (header and other versions left out),
 * each split on commas (the case has no quoted cells). */
static GPtrArray *
csv_all_rows (SimCase    *c,
              const char *name)
{
  g_autofree char *path = g_build_filename (c->dir, "csv", name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char **cells = g_strsplit (lines[i], ",", -1);

      if (cells[0] != NULL && cells[1] != NULL && g_str_equal (cells[1], "all"))
        g_ptr_array_add (rows, cells);
      else
        g_strfreev (cells);
    }
  return rows;
}

static void
assert_rows_match_csv (SimCase  *c,
                       JsonNode *report)
{
  g_autoptr(GError) error = NULL;
  JsonObject *metrics = wm_report_get_metrics (report, "omni-welcome", 0, &error);
  JsonObject *flow_report = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (report), "flows"), "omni-welcome");
  g_autoptr(GListStore) elements = NULL;
  g_autoptr(GListStore) channels = NULL;
  g_autoptr(GPtrArray) element_csv = csv_all_rows (c, "elements.csv");
  g_autoptr(GPtrArray) channel_csv = csv_all_rows (c, "channels.csv");
  guint n_columns;
  const WmReportColumn *columns;

  g_assert_no_error (error);
  elements = wm_report_rows_elements (metrics, flow_report, c->flows->pdata[0], 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (elements)), ==, element_csv->len);
  g_assert_cmpuint (element_csv->len, >=, 5);
  columns = wm_report_element_columns (&n_columns);
  for (guint i = 0; i < element_csv->len; i++)
    {
      g_autoptr(WmReportRow) row = g_list_model_get_item (G_LIST_MODEL (elements), i);
      char **cells = element_csv->pdata[i];

      g_assert_cmpstr (wm_report_row_get_id (row), ==, cells[2]);
      g_assert_cmpstr (wm_report_row_get_name (row), ==, cells[3]);
      g_assert_cmpstr (wm_report_row_get_kind (row), ==, cells[4]);
      for (guint j = 0; j < n_columns; j++)
        {
          g_autofree char *text = wm_report_format_value (wm_report_row_get_value (row, columns[j].key),
                                                          columns[j].money);

          g_assert_cmpstr (text, ==, cells[5 + j]);
        }
    }

  channels = wm_report_rows_channels (metrics, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (channels)), ==, channel_csv->len);
  columns = wm_report_channel_columns (&n_columns);
  for (guint i = 0; i < channel_csv->len; i++)
    {
      g_autoptr(WmReportRow) row = g_list_model_get_item (G_LIST_MODEL (channels), i);
      char **cells = channel_csv->pdata[i];

      g_assert_cmpstr (wm_report_row_get_id (row), ==, cells[2]);
      g_assert_null (wm_report_row_get_name (row));
      for (guint j = 0; j < n_columns; j++)
        {
          g_autofree char *text = wm_report_format_value (wm_report_row_get_value (row, columns[j].key),
                                                          columns[j].money);

          g_assert_cmpstr (text, ==, cells[3 + j]);
        }
    }
}

static void
test_rows_equal_the_csv (void)
{
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) built = NULL;
  SimCase c;

  sim_case_load (&c, "02-channels", TRUE);
  expected = sim_case_read_json (&c, "expected.json");
  assert_rows_match_csv (&c, expected);
  built = sim_case_run (&c, NULL);
  assert_rows_match_csv (&c, built);
  sim_case_clear (&c);
}

static void
test_values_and_properties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = json_from_string (
    "{\"elements\":{\"a\":{\"total_engagements\":3,\"unique_users\":2,\"sends\":1,\"cost\":0.0075},"
    "\"b\":{\"total_engagements\":9007199254740993,\"unique_users\":0}}}", &error);
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(WmReportRow) a = NULL;
  g_autoptr(WmReportRow) b = NULL;
  g_autoptr(JsonNode) text_money = json_node_new (JSON_NODE_VALUE);
  gint64 value = 0, cost = 0;

  g_assert_no_error (error);
  rows = wm_report_rows_elements (json_node_get_object (report), NULL, NULL, 0, &error);
  g_assert_no_error (error);
  a = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  b = g_list_model_get_item (G_LIST_MODEL (rows), 1);
  /* No flow: no names, the id stands in. */
  g_assert_null (wm_report_row_get_name (a));
  g_assert_cmpint (wm_report_row_get_value (a, "cost"), ==, 7500);
  g_assert_cmpint (wm_report_row_get_value (b, "total_engagements"), ==, 9007199254740993);
  /* Absent figures are -1, through the property too (what a sorter reads). */
  g_assert_cmpint (wm_report_row_get_value (b, "sends"), ==, -1);
  g_object_get (b, "sends", &value, "total-engagements", &cost, NULL);
  g_assert_cmpint (value, ==, -1);
  g_assert_cmpint (cost, ==, 9007199254740993);
  g_object_get (a, "cost", &cost, NULL);
  g_assert_cmpint (cost, ==, 7500);

  json_node_set_string (text_money, "-3.25");
  g_assert_true (wm_report_read_value (text_money, TRUE, &value));
  g_assert_cmpint (value, ==, -3250000);
  json_node_set_string (text_money, "0.0000001");
  g_assert_false (wm_report_read_value (text_money, TRUE, &value));
  json_node_set_string (text_money, "12");
  g_assert_false (wm_report_read_value (text_money, FALSE, &value));

  {
    g_autofree char *empty = wm_report_format_value (-1, FALSE);
    g_autofree char *money = wm_report_format_value (7500, TRUE);

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (money, ==, "0.0075");
  }
}

static void
test_damaged_report_is_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = json_from_string ("{\"elements\":{\"a\":{\"sends\":\"many\"}},"
                                                 "\"channels\":[]}", NULL);

  g_assert_null (wm_report_rows_elements (json_node_get_object (report), NULL, NULL, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "elements.a.sends"));
  g_clear_error (&error);
  g_assert_null (wm_report_rows_channels (json_node_get_object (report), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "channels"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/report-rows/rows-equal-the-csv", test_rows_equal_the_csv);
  g_test_add_func ("/sim/report-rows/values-and-properties", test_values_and_properties);
  g_test_add_func ("/sim/report-rows/damaged-report-is-named", test_damaged_report_is_named);

  return g_test_run ();
}
