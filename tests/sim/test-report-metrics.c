/* test-report-metrics.c - one element's figures from a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every conformance case with an expected report: for each flow, `all`
 * and each version, for every element of the flow's file, each figure the
 * extraction gives equals the value written in expected.json (read here
 * with plain json-glib calls, independently of the extraction). A real run
 * of 02-channels checks the same on the simulator's own report, whose
 * money is decimal text; 06-versions-stop checks version switching.
 */

#include "config.h"

#include <math.h>

#include "case-harness.h"
#include "wm-money.h"
#include "wm-report-metrics.h"

static const char * const cases[] = {
  "01-sms-texts", "02-channels", "03-dst-zagreb", "04-dst-new-york", "05-reentry",
  "06-versions-stop", "07-goals", "08-outcomes", "09-add-to-flow", "10-audience-date-csv",
  "11-inbound", "12-expressions", "13-revised-rules", "14-revised-csv", "15-tables",
  "16-timeline-steps", "17-try-version",
};

static guint64
expected_count (JsonObject *object,
                const char *name)
{
  return (guint64) json_object_get_int_member (object, name);
}

static gint64
expected_money (JsonObject *object,
                const char *name)
{
  return llround (json_object_get_double_member (object, name) * 1e6);
}

/* Checks every element of @flow_file's versions against @metrics, the
 * METRICS object of @expected for the same flow and version. Returns the
 * number of elements checked. */
static guint
check_elements (WmReportMetrics *extracted,
                JsonObject      *metrics,
                WmFlow          *flow)
{
  JsonObject *elements = json_object_get_object_member (metrics, "elements");
  guint checked = 0;

  for (guint v = 0; v < wm_flow_get_n_versions (flow); v++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, v);

      for (guint i = 0; i < wm_version_get_n_elements (version); i++)
        {
          WmElement *element = wm_version_get_element_at (version, i);
          const char *id = wm_element_get_id (element);
          const char *type = wm_element_get_type_name (element);
          const char *milestone = g_str_equal (type, "milestone")
                                  ? wm_element_get_config_string (element, "milestone") : NULL;
          JsonObject *e = json_object_has_member (elements, id)
                          ? json_object_get_object_member (elements, id) : NULL;
          JsonObject *ports;
          WmElementMetrics m;
          gboolean found = wm_report_metrics_get_element (extracted, id, type, milestone, &m);
          g_autofree char *summary = NULL;
          g_autofree char *engagements = NULL;

          g_assert_cmpint (found, ==, e != NULL);
          g_assert_cmpint (m.found, ==, e != NULL);
          if (e == NULL)
            {
              g_assert_cmpuint (m.total_engagements, ==, 0);
              continue;
            }
          g_assert_cmpuint (m.total_engagements, ==, expected_count (e, "total_engagements"));
          g_assert_cmpuint (m.unique_users, ==, expected_count (e, "unique_users"));
          g_assert_cmpint (m.has_sends, ==, json_object_has_member (e, "sends"));
          if (m.has_sends)
            {
              g_assert_cmpuint (m.sends, ==, expected_count (e, "sends"));
              g_assert_cmpuint (m.messages, ==, expected_count (e, "messages"));
              g_assert_cmpuint (m.no_contact, ==, expected_count (e, "no_contact"));
              g_assert_cmpuint (m.delivered, ==, expected_count (e, "delivered"));
              g_assert_cmpuint (m.opened, ==, expected_count (e, "opened"));
              g_assert_cmpuint (m.clicked, ==, expected_count (e, "clicked"));
              g_assert_cmpint (wm_metric_rate (m.delivered, m.sends), ==,
                               m.sends == 0 ? 0 : (gint64) floor (10000.0 * m.delivered / m.sends + 0.5));
            }
          g_assert_cmpint (m.has_notifications, ==, json_object_has_member (e, "notifications"));
          if (m.has_notifications)
            g_assert_cmpuint (m.notifications, ==, expected_count (e, "notifications"));
          g_assert_cmpint (m.has_cost, ==, json_object_has_member (e, "cost"));
          if (m.has_cost)
            g_assert_cmpint (m.cost, ==, expected_money (e, "cost"));
          if (g_str_has_prefix (type, "entry."))
            {
              g_assert_true (m.is_entry);
              g_assert_cmpuint (m.conversions, ==,
                                expected_count (json_object_get_object_member (metrics, "overall"),
                                                "goal_conversions"));
            }
          else
            g_assert_false (m.is_entry);
          if (milestone != NULL && *milestone != '\0')
            {
              JsonObject *all = json_object_get_object_member (metrics, "milestones");
              JsonObject *ms = json_object_has_member (all, milestone)
                               ? json_object_get_object_member (all, milestone) : NULL;

              g_assert_cmpstr (m.milestone, ==, milestone);
              g_assert_cmpuint (m.reached, ==, ms != NULL ? expected_count (ms, "reached") : 0);
              g_assert_cmpuint (m.milestone_profiles, ==, ms != NULL ? expected_count (ms, "profiles") : 0);
            }
          ports = json_object_get_object_member (e, "ports");
          {
            g_autoptr(GList) names = json_object_get_members (ports);

            for (GList *l = names; l != NULL; l = l->next)
              {
                guint64 count = 0;
                g_autofree char *label = NULL;
                g_autofree char *want = NULL;

                g_assert_true (wm_report_metrics_get_port (extracted, id, l->data, &count));
                g_assert_cmpuint (count, ==, expected_count (ports, l->data));
                g_assert_cmpuint (count, <=, wm_report_metrics_get_max_port (extracted));
                label = wm_report_metrics_format_port (extracted, id, l->data);
                want = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (ports, l->data));
                g_assert_cmpstr (label, ==, want);
              }
          }
          /* The canvas text starts with the engagements as written. */
          summary = wm_element_metrics_format_summary (&m);
          engagements = g_strdup_printf ("%" G_GINT64_FORMAT " engagement%s · %" G_GINT64_FORMAT " user%s",
                                         json_object_get_int_member (e, "total_engagements"),
                                         json_object_get_int_member (e, "total_engagements") == 1 ? "" : "s",
                                         json_object_get_int_member (e, "unique_users"),
                                         json_object_get_int_member (e, "unique_users") == 1 ? "" : "s");
          g_assert_true (g_str_has_prefix (summary, engagements));
          checked++;
        }
    }
  return checked;
}

static void
test_conformance_cases (void)
{
  guint checked = 0;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      SimCase sc;
      g_autoptr(JsonNode) expected = NULL;
      JsonObject *flows;

      sim_case_load (&sc, cases[c], TRUE);
      expected = sim_case_read_json (&sc, "expected.json");
      flows = json_object_get_object_member (json_node_get_object (expected), "flows");
      for (guint f = 0; f < sc.flows->len; f++)
        {
          WmFlow *flow = g_ptr_array_index (sc.flows, f);
          const char *flow_id = wm_flow_get_id (flow);
          JsonObject *report_flow = json_object_get_object_member (flows, flow_id);
          JsonObject *versions = json_object_get_object_member (report_flow, "versions");
          g_autoptr(GList) numbers = json_object_get_members (versions);
          g_autoptr(GArray) listed = wm_report_list_versions (expected, flow_id);
          g_autoptr(WmReportMetrics) all = wm_report_metrics_new (expected, flow_id, 0, NULL);

          g_assert_nonnull (all);
          g_assert_cmpuint (wm_report_metrics_get_version (all), ==, 0);
          checked += check_elements (all, json_object_get_object_member (report_flow, "all"), flow);
          g_assert_cmpuint (listed->len, ==, g_list_length (numbers));
          for (GList *l = numbers; l != NULL; l = l->next)
            {
              guint v = (guint) g_ascii_strtoull (l->data, NULL, 10);
              g_autoptr(WmReportMetrics) one = wm_report_metrics_new (expected, flow_id, v, NULL);

              g_assert_nonnull (one);
              checked += check_elements (one, json_object_get_object_member (versions, l->data), flow);
            }
        }
      sim_case_clear (&sc);
    }
  g_test_message ("%u elements checked", checked);
  g_assert_cmpuint (checked, >, 100);
}

/* The simulator's own report (money as decimal text) gives the figures
 * the written file holds. */
static void
test_built_report (void)
{
  SimCase sc;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *text = NULL;
  g_autoptr(WmReportMetrics) built = NULL;
  g_autoptr(WmReportMetrics) reread = NULL;
  JsonObject *all;
  WmFlow *flow;

  sim_case_load (&sc, "02-channels", TRUE);
  expected = sim_case_read_json (&sc, "expected.json");
  report = sim_case_run (&sc, NULL);
  flow = g_ptr_array_index (sc.flows, 0);
  all = json_object_get_object_member (json_object_get_object_member (
          json_object_get_object_member (json_node_get_object (expected), "flows"),
          wm_flow_get_id (flow)), "all");
  built = wm_report_metrics_new (report, wm_flow_get_id (flow), 0, NULL);
  g_assert_cmpuint (check_elements (built, all, flow), >, 5);
  text = wm_sim_report_to_text (report);
  reread = wm_report_metrics_new_from_text (text, wm_flow_get_id (flow), 0, NULL);
  g_assert_cmpuint (check_elements (reread, all, flow), >, 5);
  sim_case_clear (&sc);
}

static void
test_texts (void)
{
  WmElementMetrics m = { 0 };
  g_autofree char *summary = NULL;
  g_autofree char *described = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *compact = NULL;

  m.id = "em";
  m.found = TRUE;
  m.total_engagements = 18;
  m.unique_users = 14;
  m.channel = "email";
  m.has_sends = m.has_opens = m.has_clicks = m.has_cost = TRUE;
  m.sends = 15;
  m.messages = 15;
  m.delivered = 14;
  m.opened = 5;
  m.clicked = 3;
  m.cost = 12750;
  summary = wm_element_metrics_format_summary (&m);
  g_assert_cmpstr (summary, ==,
                   "18 engagements · 14 users\n15 messages · cost 0.01275\n"
                   "93.33% delivered · 35.71% opened · 21.43% clicked");
  compact = wm_element_metrics_format_compact (&m);
  g_assert_cmpstr (compact, ==, "18");
  described = wm_element_metrics_describe (&m);
  g_assert_cmpstr (described, ==,
                   "18 engagements, 14 users, 15 messages, cost 0.01275, "
                   "93.33% delivered, 35.71% opened, 21.43% clicked");

  memset (&m, 0, sizeof m);
  m.found = TRUE;
  m.total_engagements = 3;
  m.unique_users = 2;
  m.is_entry = TRUE;
  m.conversions = 1;
  entry = wm_element_metrics_format_summary (&m);
  g_assert_cmpstr (entry, ==, "3 engagements · 2 users\n1 conversion");

  memset (&m, 0, sizeof m);
  g_free (described);
  described = wm_element_metrics_describe (&m);
  g_assert_cmpstr (described, ==, "No figures in this run");
}

static void
test_bad_reports (void)
{
  g_autoptr(GError) error = NULL;
  SimCase sc;
  g_autoptr(JsonNode) expected = NULL;

  g_assert_null (wm_report_metrics_new_from_text ("{not json", "f", 0, &error));
  g_assert_nonnull (strstr (error->message, "cannot be read"));
  g_clear_error (&error);
  g_assert_null (wm_report_metrics_new_from_text ("{\"format\":\"other\"}", "f", 0, &error));
  g_assert_nonnull (strstr (error->message, "not a Waymark report"));
  g_clear_error (&error);

  sim_case_load (&sc, "06-versions-stop", TRUE);
  expected = sim_case_read_json (&sc, "expected.json");
  g_assert_null (wm_report_metrics_new (expected, "no-such-flow", 0, &error));
  g_assert_nonnull (strstr (error->message, "no-such-flow"));
  g_clear_error (&error);
  g_assert_null (wm_report_metrics_new (expected, wm_flow_get_id (g_ptr_array_index (sc.flows, 0)), 9, &error));
  g_assert_nonnull (strstr (error->message, "Version 9"));
  sim_case_clear (&sc);
}

/* Versions give their own figures, and `all` adds them up. */
static void
test_versions_differ (void)
{
  SimCase sc;
  g_autoptr(JsonNode) expected = NULL;
  const char *flow_id;
  g_autoptr(GArray) versions = NULL;
  guint64 sum = 0;
  WmElementMetrics m;
  g_autoptr(WmReportMetrics) all = NULL;
  gboolean differ = FALSE;
  guint64 first = G_MAXUINT64;

  sim_case_load (&sc, "06-versions-stop", TRUE);
  expected = sim_case_read_json (&sc, "expected.json");
  flow_id = wm_flow_get_id (g_ptr_array_index (sc.flows, 0));
  versions = wm_report_list_versions (expected, flow_id);
  g_assert_cmpuint (versions->len, ==, 3);
  for (guint i = 0; i < versions->len; i++)
    {
      g_autoptr(WmReportMetrics) one = wm_report_metrics_new (expected, flow_id,
                                                              g_array_index (versions, guint, i), NULL);
      const char *entry_id = wm_element_get_id (wm_version_get_entry (
                               wm_flow_get_version_at (g_ptr_array_index (sc.flows, 0), 0)));

      g_assert_true (wm_report_metrics_get_element (one, entry_id, "entry.event", NULL, &m));
      sum += m.total_engagements;
      if (first == G_MAXUINT64)
        first = m.total_engagements;
      else if (first != m.total_engagements)
        differ = TRUE;
    }
  g_assert_true (differ);
  all = wm_report_metrics_new (expected, flow_id, 0, NULL);
  g_assert_true (wm_report_metrics_get_element (all, wm_element_get_id (wm_version_get_entry (
                   wm_flow_get_version_at (g_ptr_array_index (sc.flows, 0), 0))), "entry.event", NULL, &m));
  g_assert_cmpuint (m.total_engagements, ==, sum);
  sim_case_clear (&sc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-metrics/conformance-cases", test_conformance_cases);
  g_test_add_func ("/report-metrics/built-report", test_built_report);
  g_test_add_func ("/report-metrics/texts", test_texts);
  g_test_add_func ("/report-metrics/bad-reports", test_bad_reports);
  g_test_add_func ("/report-metrics/versions-differ", test_versions_differ);

  return g_test_run ();
}
