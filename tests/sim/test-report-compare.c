/* test-report-compare.c - two reports side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real runs of conformance cases: 02-channels with its parameters and with
 * the defaults (prices, rates and api_success differ), and the versions of
 * 06-versions-stop, whose version 2 has an element the others lack.
 */

#include "config.h"

#include "case-harness.h"
#include "wm-report-compare.h"

static gint64
millionths (const char *text)
{
  gdouble d = g_ascii_strtod (text, NULL);

  return (gint64) (d * 1000000 + (d < 0 ? -0.5 : 0.5));
}

static const WmCompareMetric *
metric (GPtrArray  *groups,
        const char *section,
        const char *id,
        const char *key)
{
  const WmCompareGroup *group = wm_compare_find_group (groups, section, id);
  const WmCompareMetric *m;

  g_assert_nonnull (group);
  m = wm_compare_find_metric (group, key);
  g_assert_nonnull (m);
  return m;
}

static void
test_two_runs_with_different_params (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) with_params = NULL;
  g_autoptr(JsonNode) defaults = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) against_expected = NULL;
  const WmCompareMetric *m, *sends;
  g_autofree char *diff = NULL;
  SimCase a, b;

  sim_case_load (&a, "02-channels", TRUE);
  sim_case_load (&b, "02-channels", FALSE);
  with_params = sim_case_run (&a, NULL);
  defaults = sim_case_run (&b, NULL);
  expected = sim_case_read_json (&a, "expected.json");

  groups = wm_report_compare (with_params, 0, defaults, 0, "omni-welcome", &error);
  g_assert_no_error (error);

  /* Side A is the conformance report: its figures read back exactly. */
  m = metric (groups, "overall", NULL, "traffic_cost");
  g_assert_cmpint (m->kind, ==, WM_COMPARE_MONEY);
  g_assert_cmpint (m->a, ==, millionths ("0.33935"));
  g_assert_cmpint (metric (groups, "overall", NULL, "entries")->a, ==, 18 * 1000000);
  g_assert_cmpint (metric (groups, "channels", "sms", "cost")->a, ==, millionths ("0.135"));
  g_assert_cmpint (metric (groups, "run", NULL, "profiles")->a, ==,
                   metric (groups, "run", NULL, "profiles")->b);

  /* E-mail costs 0.00085 with the parameters and 0.0008 by default: the
   * difference is exact, not a rounded double. */
  m = metric (groups, "channels", "email", "cost");
  sends = metric (groups, "channels", "email", "messages");
  g_assert_cmpint (sends->a, >, 0);
  g_assert_cmpint (m->a, ==, sends->a / 1000000 * 850);
  g_assert_cmpint (m->b, ==, sends->b / 1000000 * 800);
  g_assert_cmpint (m->a, !=, m->b);
  diff = wm_compare_format_difference (m);
  {
    g_autofree char *want = wm_compare_format_value (WM_COMPARE_MONEY, m->b - m->a);
    g_assert_cmpstr (diff, ==, want);
  }
  /* Push: 0.000125 against 0.0001 a message. */
  m = metric (groups, "channels", "push", "cost");
  sends = metric (groups, "channels", "push", "messages");
  g_assert_cmpint (m->a, ==, sends->a / 1000000 * 125);
  g_assert_cmpint (m->b, ==, sends->b / 1000000 * 100);

  /* Same flow and version on both sides: every group and metric is in
   * both, ports included, and channels keep the report's order. */
  for (guint i = 0; i < groups->len; i++)
    {
      const WmCompareGroup *g = groups->pdata[i];

      g_assert_cmpint (g->presence, ==, WM_COMPARE_IN_BOTH);
      for (guint j = 0; j < g->metrics->len; j++)
        g_assert_cmpint (((WmCompareMetric *) g->metrics->pdata[j])->presence, ==, WM_COMPARE_IN_BOTH);
    }
  g_assert_nonnull (wm_compare_find_metric (wm_compare_find_group (groups, "elements", "b1"), "ports.else"));
  {
    const char *order[] = { "sms", "email", "whatsapp", "viber", "push", "voice" };
    guint k = 0;

    for (guint i = 0; i < groups->len; i++)
      {
        const WmCompareGroup *g = groups->pdata[i];

        if (g_str_equal (g->section, "channels"))
          g_assert_cmpstr (g->id, ==, order[k++]);
      }
    g_assert_cmpuint (k, ==, 6);
  }

  /* The run's report (money as decimal text) against the conformance file
   * (money as parsed numbers): not one difference. */
  against_expected = wm_report_compare (with_params, 0, expected, 0, "omni-welcome", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < against_expected->len; i++)
    {
      const WmCompareGroup *g = against_expected->pdata[i];

      for (guint j = 0; j < g->metrics->len; j++)
        {
          const WmCompareMetric *x = g->metrics->pdata[j];

          if (x->a != x->b)
            g_error ("%s %s %s: %" G_GINT64_FORMAT " != %" G_GINT64_FORMAT, g->section,
                     g->id != NULL ? g->id : "-", x->key, x->a, x->b);
        }
    }

  sim_case_clear (&a);
  sim_case_clear (&b);
}

static void
test_versions_match_elements_by_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) reversed = NULL;
  const WmCompareGroup *vo;
  SimCase c;

  sim_case_load (&c, "06-versions-stop", TRUE);
  report = sim_case_run (&c, NULL);

  groups = wm_report_compare (report, 1, report, 2, "winback", &error);
  g_assert_no_error (error);
  vo = wm_compare_find_group (groups, "elements", "vo");
  g_assert_nonnull (vo);
  g_assert_cmpint (vo->presence, ==, WM_COMPARE_ONLY_B);
  g_assert_cmpint (wm_compare_find_metric (vo, "total_engagements")->presence, ==, WM_COMPARE_ONLY_B);
  g_assert_cmpint (wm_compare_find_metric (vo, "total_engagements")->a, ==, 0);
  g_assert_cmpint (wm_compare_find_group (groups, "elements", "sm")->presence, ==, WM_COMPARE_IN_BOTH);
  /* Elements in id order, whichever side has them. */
  {
    const char *prev = "";

    for (guint i = 0; i < groups->len; i++)
      {
        const WmCompareGroup *g = groups->pdata[i];

        if (g_str_equal (g->section, "elements"))
          {
            g_assert_cmpint (strcmp (prev, g->id), <, 0);
            prev = g->id;
          }
      }
  }

  reversed = wm_report_compare (report, 2, report, 1, "winback", &error);
  g_assert_no_error (error);
  g_assert_cmpint (wm_compare_find_group (reversed, "elements", "vo")->presence, ==, WM_COMPARE_ONLY_A);

  sim_case_clear (&c);
}

static void
test_bad_choices_are_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) flow = json_from_string ("{\"format\":\"waymark.flow\"}", NULL);
  SimCase c;

  sim_case_load (&c, "06-versions-stop", TRUE);
  report = sim_case_run (&c, NULL);

  g_assert_null (wm_report_compare (report, 0, report, 0, "nope", &error));
  g_assert_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The report has no flow “nope”; choose a run that simulated it");
  g_clear_error (&error);
  /* Version 4 is a draft that took no part. */
  g_assert_null (wm_report_compare (report, 1, report, 4, "winback", &error));
  g_assert_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "Version 4 of the flow “winback” did not take part in the run; choose a version it simulated");
  g_clear_error (&error);
  g_assert_null (wm_report_compare (flow, 0, report, 0, "winback", &error));
  g_assert_error (error, WM_REPORT_COMPARE_ERROR, WM_REPORT_COMPARE_ERROR_INVALID);

  sim_case_clear (&c);
}

static void
test_values_are_written_as_the_report_writes_them (void)
{
  WmCompareMetric m = { .kind = WM_COMPARE_MONEY };
  struct { WmCompareKind kind; gint64 value; const char *text; } cases[] = {
    { WM_COMPARE_MONEY, 7500, "0.0075" },
    { WM_COMPARE_MONEY, -50, "-0.00005" },
    { WM_COMPARE_COUNT, 12000000, "12" },
    { WM_COMPARE_PERCENT, 7500000, "7.5" },
    { WM_COMPARE_COUNT, 0, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wm_compare_format_value (cases[i].kind, cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  m.a = 800;
  m.b = 850;
  {
    g_autofree char *up = wm_compare_format_difference (&m);
    g_assert_cmpstr (up, ==, "+0.00005");
  }
  m.b = 800;
  {
    g_autofree char *same = wm_compare_format_difference (&m);
    g_assert_cmpstr (same, ==, "0");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/report-compare/two-runs-with-different-params", test_two_runs_with_different_params);
  g_test_add_func ("/sim/report-compare/versions-match-elements-by-id", test_versions_match_elements_by_id);
  g_test_add_func ("/sim/report-compare/bad-choices-are-named", test_bad_choices_are_named);
  g_test_add_func ("/sim/report-compare/values-as-the-report-writes-them",
                   test_values_are_written_as_the_report_writes_them);

  return g_test_run ();
}
