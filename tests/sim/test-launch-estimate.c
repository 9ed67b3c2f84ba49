/* test-launch-estimate.c - the cost per 1,000 entries shown before launch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-flow-io.h"
#include "wm-launch-estimate.h"
#include "wm-money.h"

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

#define ENTRY "{\"id\": \"e\", \"type\": \"entry.event\", \"config\": {\"event\": \"X\"}}"
#define EDGE(a, port, b) "{\"from\": \"" a "\", \"port\": \"" port "\", \"to\": \"" b "\"}"

static gint64
estimate (const char *elements,
          const char *connections)
{
  g_autoptr(WmFlow) flow = load (elements, connections);
  WmParams params;

  wm_params_init_defaults (&params);
  return wm_launch_estimate_cost (wm_flow_get_latest_version (flow), &params);
}

static void
test_one_sms_and_one_email (void)
{
  /* 1,000 x (0.0075 + 0.0008) = 8.3 */
  gint64 cost = estimate (ENTRY ","
                          "{\"id\": \"s\", \"type\": \"send.sms\", \"config\": {\"sender\": \"S\", \"text\": \"Hi\"}},"
                          "{\"id\": \"m\", \"type\": \"send.email\","
                          " \"config\": {\"from\": \"a@b.hr\", \"subject\": \"s\", \"body\": \"b\"}}",
                          EDGE ("e", "out", "s") "," EDGE ("s", "out", "m"));
  char buf[32];

  g_assert_cmpint (cost, ==, 8300000);
  g_assert_cmpstr (wm_money_format (cost, buf), ==, "8.3");
}

static void
test_most_expensive_branch_and_notifications (void)
{
  g_autofree char *long_text = g_strnfill (170, 'x');
  g_autofree char *elements = g_strdup_printf (
    ENTRY ","
    "{\"id\": \"b\", \"type\": \"branch.condition\", \"config\": {\"branches\": ["
    "{\"label\": \"VIP\", \"when\": \"profile.vip\"}]}},"
    "{\"id\": \"v\", \"type\": \"send.voice\", \"config\": {\"from\": \"1\", \"text\": \"t\"}},"
    "{\"id\": \"s\", \"type\": \"send.sms\", \"config\": {\"sender\": \"S\", \"text\": \"%s\"}},"
    "{\"id\": \"n\", \"type\": \"notify.internal\","
    " \"config\": {\"channel\": \"email\", \"recipient\": \"x\", \"text\": \"y\"}}",
    long_text);
  /* VIP: a voice call (0.013), else a 2-segment SMS (2 x 0.0075 = 0.015)
   * and an internal e-mail (0.0008): the else path is dearer, 15.8 a
   * thousand. */
  gint64 cost = estimate (elements,
                          EDGE ("e", "out", "b") "," EDGE ("b", "1", "v") ","
                          EDGE ("b", "else", "s") "," EDGE ("s", "out", "n"));

  g_assert_cmpint (cost, ==, 15800000);
}

static void
test_loop_counted_once (void)
{
  /* push -> wait -> back to push: 0.0001 once, 0.1 a thousand. */
  gint64 cost = estimate (ENTRY ","
                          "{\"id\": \"p\", \"type\": \"send.push\","
                          " \"config\": {\"app\": \"a\", \"title\": \"t\", \"text\": \"x\"}},"
                          "{\"id\": \"w\", \"type\": \"wait.delay\", \"config\": {\"duration\": \"1d\"}}",
                          EDGE ("e", "out", "p") "," EDGE ("p", "out", "w") "," EDGE ("w", "out", "p"));

  g_assert_cmpint (cost, ==, 100000);
}

static void
test_other_prices (void)
{
  g_autoptr(WmFlow) flow = load (ENTRY ","
                                 "{\"id\": \"s\", \"type\": \"send.sms\", \"config\": {\"sender\": \"S\", \"text\": \"Hi\"}}",
                                 EDGE ("e", "out", "s"));
  g_autoptr(GError) error = NULL;
  WmParams params;

  wm_params_init_defaults (&params);
  g_assert_true (wm_params_load_data (&params, "{\"channels\": {\"sms\": {\"price\": 0.02}}}", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wm_launch_estimate_cost (wm_flow_get_latest_version (flow), &params), ==, 20000000);
}

static void
test_words (void)
{
  g_autofree char *text = wm_launch_estimate_describe (8300000);
  g_autofree char *zero = wm_launch_estimate_describe (0);

  g_assert_cmpstr (text, ==, "Up to 8.3 per 1,000 entries at default prices");
  g_assert_cmpstr (zero, ==, "Up to 0 per 1,000 entries at default prices");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/launch-estimate/one-sms-and-one-email", test_one_sms_and_one_email);
  g_test_add_func ("/sim/launch-estimate/most-expensive-branch-with-notifications",
                   test_most_expensive_branch_and_notifications);
  g_test_add_func ("/sim/launch-estimate/loop-counted-once", test_loop_counted_once);
  g_test_add_func ("/sim/launch-estimate/other-prices", test_other_prices);
  g_test_add_func ("/sim/launch-estimate/words", test_words);

  return g_test_run ();
}
