/* test-outcomes-summary.c - the milestones and outcomes report in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real run of conformance case 08-outcomes (success, failure and
 * abandoned outcomes, paths, mean success times), a hand-made report with
 * one outcome in two flows, and the words for times and percentages.
 */

#include "config.h"

#include "case-harness.h"
#include "wm-outcomes-summary.h"
#include "wm-report-compare.h"

static const char * const names[][2] = {
  { "m-profile", "Profile" },
  { "m-profile-done", "Profile done" },
  { "m-deposit", "Deposit" },
  { "m-deposit-late", "Late deposit" },
  { "m-login", "Login" },
  { "o-activation", "Activation" },
};

/* The catalogue's names; the user data must be names itself. */
static const char *
lookup (const char *id,
        gpointer    user_data)
{
  g_assert_true (user_data == (gpointer) names);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i][0], id))
      return names[i][1];
  return NULL;
}

static void
assert_path (const WmOutcomeSummary *outcome,
             guint                   index,
             const char             *result,
             const char             *text,
             guint64                 count)
{
  const WmOutcomePath *path;

  g_assert_cmpuint (index, <, outcome->paths->len);
  path = outcome->paths->pdata[index];
  g_assert_cmpstr (path->result, ==, result);
  g_assert_cmpstr (path->text, ==, text);
  g_assert_cmpuint (path->count, ==, count);
}

static void
check_onboarding (WmOutcomesSummary *summary)
{
  const WmOutcomeSummary *activation, *engagement;
  const WmMilestoneSummary *login, *big;
  g_autofree char *pct = NULL;
  g_autofree char *mean = NULL;
  g_autofree char *engagement_pct = NULL;
  g_autofree char *engagement_mean = NULL;

  g_assert_cmpuint (summary->outcomes->len, ==, 2);
  activation = summary->outcomes->pdata[0];
  g_assert_cmpstr (activation->id, ==, "o-activation");
  g_assert_cmpstr (activation->name, ==, "Activation");
  g_assert_cmpuint (activation->started, ==, 16);
  g_assert_cmpuint (activation->success, ==, 3);
  g_assert_cmpuint (activation->failure, ==, 3);
  g_assert_cmpuint (activation->abandoned, ==, 10);
  pct = wm_describe_percent (activation->success_bp);
  g_assert_cmpstr (pct, ==, "18.75%");
  g_assert_cmpint (activation->mean_success_seconds, ==, 320247);
  g_assert_true (activation->mean_exact);
  mean = wm_describe_mean_duration (activation->mean_success_seconds);
  g_assert_cmpstr (mean, ==, "3 days 17 hours");
  g_assert_cmpuint (activation->paths->len, ==, 3);
  assert_path (activation, 0, "failure", "Profile → Profile done", 3);
  assert_path (activation, 1, "success", "Profile → Profile done → Deposit", 2);
  assert_path (activation, 2, "success", "Profile → Profile done → Late deposit", 1);

  /* No name: the id. */
  engagement = summary->outcomes->pdata[1];
  g_assert_cmpstr (engagement->name, ==, "o-engagement");
  engagement_pct = wm_describe_percent (engagement->success_bp);
  g_assert_cmpstr (engagement_pct, ==, "33.33%");
  g_assert_cmpuint (engagement->failure_bp, ==, 6667);
  engagement_mean = wm_describe_mean_duration (engagement->mean_success_seconds);
  g_assert_cmpstr (engagement_mean, ==, "6 days 14 hours");
  assert_path (engagement, 0, "failure", "Login", 1);
  assert_path (engagement, 1, "failure", "Login → Login", 1);
  assert_path (engagement, 2, "success", "Login → Login → Login → Login → Login", 1);

  g_assert_cmpuint (summary->milestones->len, ==, 6);
  big = summary->milestones->pdata[0];
  g_assert_cmpstr (big->id, ==, "m-big");
  g_assert_cmpuint (big->reached, ==, 0);
  login = summary->milestones->pdata[3];
  g_assert_cmpstr (login->name, ==, "Login");
  g_assert_cmpuint (login->reached, ==, 8);
  g_assert_cmpuint (login->profiles, ==, 3);
}

static void
test_one_flow_of_a_real_run (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(WmOutcomesSummary) flow = NULL;
  g_autoptr(WmOutcomesSummary) across = NULL;
  g_autoptr(WmOutcomesSummary) from_file = NULL;
  g_autoptr(JsonNode) not_a_report = json_from_string ("[]", NULL);
  SimCase c;

  sim_case_load (&c, "08-outcomes", TRUE);
  report = sim_case_run (&c, NULL);

  flow = wm_outcomes_summary_new (report, "onboarding", lookup, lookup, (gpointer) names, &error);
  g_assert_no_error (error);
  check_onboarding (flow);
  /* One flow in the run: across flows is the same. */
  across = wm_outcomes_summary_new (report, NULL, lookup, lookup, (gpointer) names, &error);
  g_assert_no_error (error);
  check_onboarding (across);
  /* And the conformance file, parsed, reads the same. */
  expected = sim_case_read_json (&c, "expected.json");
  from_file = wm_outcomes_summary_new (expected, "onboarding", lookup, lookup, (gpointer) names, &error);
  g_assert_no_error (error);
  check_onboarding (from_file);

  g_assert_null (wm_outcomes_summary_new (report, "missing", lookup, lookup, (gpointer) names, &error));
  g_assert_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (wm_outcomes_summary_new (not_a_report, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_INVALID);
  sim_case_clear (&c);
}

static void
test_across_flows (void)
{
  static const char *report_text =
    "{\"format\":\"waymark.report\",\"format_version\":1,\"flows\":{"
    "\"a\":{\"all\":{\"milestones\":{\"m1\":{\"reached\":2,\"profiles\":2}},"
    "  \"outcomes\":{\"o\":{\"started\":4,\"success\":1,\"failure\":1,\"abandoned\":2,\"mean_success_seconds\":100,"
    "    \"paths\":[{\"result\":\"success\",\"milestones\":[\"m1\"],\"count\":1},"
    "               {\"result\":\"failure\",\"milestones\":[],\"count\":1}]}}}},"
    "\"b\":{\"all\":{\"milestones\":{\"m1\":{\"reached\":3,\"profiles\":1}},"
    "  \"outcomes\":{\"o\":{\"started\":2,\"success\":2,\"failure\":0,\"abandoned\":0,\"mean_success_seconds\":201,"
    "    \"paths\":[{\"result\":\"success\",\"milestones\":[\"m1\"],\"count\":2}]}}}}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = json_from_string (report_text, &error);
  g_autoptr(WmOutcomesSummary) summary = NULL;
  const WmOutcomeSummary *o;
  const WmMilestoneSummary *m;

  g_assert_no_error (error);
  summary = wm_outcomes_summary_new (report, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->outcomes->len, ==, 1);
  o = summary->outcomes->pdata[0];
  g_assert_cmpuint (o->started, ==, 6);
  g_assert_cmpuint (o->success, ==, 3);
  g_assert_cmpuint (o->success_bp, ==, 5000);
  /* 1 / 6 = 16.666...% rounds half up to 16.67%. */
  g_assert_cmpuint (o->failure_bp, ==, 1667);
  /* (100 * 1 + 201 * 2) / 3 = 167.33 */
  g_assert_cmpint (o->mean_success_seconds, ==, 167);
  g_assert_false (o->mean_exact);
  assert_path (o, 0, "success", "m1", 3);
  assert_path (o, 1, "failure", "no milestones", 1);
  m = summary->milestones->pdata[0];
  g_assert_cmpuint (m->reached, ==, 5);
  g_assert_cmpuint (m->profiles, ==, 3);
}

static void
test_durations_in_words (void)
{
  struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "0 seconds" },
    { 1, "1 second" },
    { 59, "59 seconds" },
    { 60, "1 minute" },
    { 90, "1 minute 30 seconds" },
    { 3599, "59 minutes 59 seconds" },
    { 3600, "1 hour" },
    { 5430, "1 hour 31 minutes" },
    { 86399, "24 hours" },
    { 86400, "1 day" },
    { 183600, "2 days 3 hours" },
    { 185399, "2 days 3 hours" },
    { 185400, "2 days 4 hours" },
    { 320247, "3 days 17 hours" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wm_describe_mean_duration (cases[i].seconds);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_percent_in_words (void)
{
  struct { guint bp; const char *text; } cases[] = {
    { 0, "0%" }, { 5, "0.05%" }, { 750, "7.5%" }, { 1875, "18.75%" }, { 10000, "100%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wm_describe_percent (cases[i].bp);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/outcomes-summary/one-flow-of-a-real-run", test_one_flow_of_a_real_run);
  g_test_add_func ("/sim/outcomes-summary/across-flows", test_across_flows);
  g_test_add_func ("/sim/outcomes-summary/durations-in-words", test_durations_in_words);
  g_test_add_func ("/sim/outcomes-summary/percent-in-words", test_percent_in_words);

  return g_test_run ();
}
