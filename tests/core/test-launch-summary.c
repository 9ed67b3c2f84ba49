/* test-launch-summary.c - the launch dialog's plain-words sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-flow-io.h"
#include "wm-launch-summary.h"
#include "wm-path-maxima.h"

/* A one-version flow with these elements, connections and settings. */
static WmFlow *
load (const char *elements,
      const char *connections,
      const char *settings)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"waymark.flow\", \"format_version\": 1, \"id\": \"f\", \"name\": \"F\","
    " \"versions\": [{\"number\": 1, \"status\": \"draft\", \"created_at\": \"2026-01-01T00:00:00Z\","
    " \"settings\": %s, \"elements\": [%s], \"connections\": [%s]}]}",
    settings != NULL ? settings : "{}", elements, connections != NULL ? connections : "");
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_data (json, -1, &error);

  g_assert_no_error (error);
  return flow;
}

static void
assert_entry (const char *entry_json,
              const char *expected)
{
  g_autoptr(WmFlow) flow = load (entry_json, NULL, NULL);
  g_autofree char *text = wm_launch_describe_entry (wm_flow_get_latest_version (flow));

  g_assert_cmpstr (text, ==, expected);
}

static void
test_entry_event (void)
{
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.event\","
                " \"config\": {\"event\": \"CartAbandoned\", \"where\": \"event.cart_value > 50\"}}",
                "People who trigger CartAbandoned where event.cart_value > 50");
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.event\", \"config\": {\"event\": \"SignedUp\"}}",
                "People who trigger SignedUp");
  /* An empty condition is no condition. */
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.event\", \"config\": {\"event\": \"SignedUp\", \"where\": \"\"}}",
                "People who trigger SignedUp");
}

static void
test_entry_audience (void)
{
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.audience\","
                " \"config\": {\"where\": \"profile.country == \\\"HR\\\"\"}}",
                "Everyone in the audience where profile.country == \"HR\", once, at launch");
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.audience\", \"config\": {}}",
                "Everyone in the audience, once, at launch");
}

static void
test_entry_inbound (void)
{
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.inbound\","
                " \"config\": {\"channel\": \"sms\", \"number\": \"385991234567\", \"keyword\": \"JOIN\"}}",
                "People who send “JOIN” by SMS to 385991234567");
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.inbound\","
                " \"config\": {\"channel\": \"whatsapp\", \"number\": \"4412345\"}}",
                "People who send any message by WhatsApp to 4412345");
}

static void
test_entry_date (void)
{
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.date\", \"config\": {\"attribute\": \"birthday\"}}",
                "People on the date in birthday, at 09:00 their time");
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.date\","
                " \"config\": {\"attribute\": \"renewal\", \"offset\": -3, \"at\": \"10:30\", \"zone\": \"flow\"}}",
                "People 3 days before the date in renewal, at 10:30 in the flow’s time zone");
  assert_entry ("{\"id\": \"e\", \"type\": \"entry.date\","
                " \"config\": {\"attribute\": \"signup\", \"offset\": 1}}",
                "People 1 day after the date in signup, at 09:00 their time");
}

static void
test_entry_missing (void)
{
  assert_entry ("{\"id\": \"w\", \"type\": \"wait.delay\", \"config\": {\"duration\": \"1d\"}}",
                "Nobody: the flow needs exactly one entry point");
}

static void
assert_reentry (const char *settings,
                const char *expected)
{
  g_autoptr(WmFlow) flow = load ("{\"id\": \"e\", \"type\": \"entry.event\", \"config\": {\"event\": \"X\"}}",
                                 NULL, settings);
  g_autofree char *text = wm_launch_describe_reentry (wm_flow_get_latest_version (flow));

  g_assert_cmpstr (text, ==, expected);
}

static void
test_reentry_forms (void)
{
  assert_reentry (NULL, "Any number of times, again as soon as they leave");
  assert_reentry ("{\"reentry\": {\"enabled\": true, \"delay\": \"0s\", \"limits\": []}}",
                  "Any number of times, again as soon as they leave");
  assert_reentry ("{\"reentry\": {\"enabled\": false, \"delay\": \"1d\"}}",
                  "Only once: nobody enters twice");
  assert_reentry ("{\"reentry\": {\"delay\": \"1d\"}}",
                  "Any number of times, 1 day after leaving");
  assert_reentry ("{\"reentry\": {\"limits\": [{\"count\": 2, \"period\": \"7d\"}]}}",
                  "At most 2 times a week");
  assert_reentry ("{\"reentry\": {\"delay\": \"1d\", \"limits\": [{\"count\": 2, \"period\": \"1w\"}]}}",
                  "At most 2 times a week, 1 day after leaving");
  assert_reentry ("{\"reentry\": {\"limits\": [{\"count\": 1, \"period\": \"1d\"},"
                  " {\"count\": 5, \"period\": \"30d\"}], \"delay\": \"2h\"}}",
                  "At most once a day, 5 times in 30 days, 2 hours after leaving");
  assert_reentry ("{\"reentry\": {\"limits\": [{\"count\": 3, \"period\": \"1h\"}]}}",
                  "At most 3 times an hour");
  assert_reentry ("{\"reentry\": {\"delay\": \"90m\", \"limits\": [{\"count\": 4, \"period\": \"2w\"}]}}",
                  "At most 4 times in 2 weeks, 90 minutes after leaving");
}

static void
assert_goal (const char *settings,
             const char *expected)
{
  g_autoptr(WmFlow) flow = load ("{\"id\": \"e\", \"type\": \"entry.event\", \"config\": {\"event\": \"X\"}}",
                                 NULL, settings);
  g_autofree char *text = wm_launch_describe_goal (wm_flow_get_latest_version (flow));

  g_assert_cmpstr (text, ==, expected);
}

static void
test_goal_forms (void)
{
  assert_goal (NULL, "No goal");
  assert_goal ("{\"goal\": null}", "No goal");
  assert_goal ("{\"goal\": {\"event\": \"Purchase\"}}", "People who trigger Purchase while in the flow");
  assert_goal ("{\"goal\": {\"event\": \"Purchase\", \"value\": \"amount\", \"window\": \"0s\"}}",
               "People who trigger Purchase while in the flow, adding up its amount");
  assert_goal ("{\"goal\": {\"event\": \"Purchase\", \"window\": \"7d\"}}",
               "People who trigger Purchase in the flow or up to 7 days after leaving");
  assert_goal ("{\"goal\": {\"event\": \"Purchase\", \"value\": \"amount\", \"window\": \"3d\"}}",
               "People who trigger Purchase in the flow or up to 3 days after leaving, adding up its amount");
}

static void
test_schedule_words (void)
{
  /* 2026-12-03T08:00:00Z is 09:00 in Zagreb (CET, +01:00). */
  gint64 start = 1796284800;
  g_autofree char *now = wm_launch_describe_start (TRUE, 0, "Europe/Zagreb");
  g_autofree char *at = wm_launch_describe_start (FALSE, start, "Europe/Zagreb");
  g_autofree char *utc = wm_launch_describe_start (FALSE, start, "Not/AZone");
  g_autofree char *end = wm_launch_describe_end (TRUE, start + 86400, FALSE, "Europe/Zagreb");
  g_autofree char *forever = wm_launch_describe_end (FALSE, 0, TRUE, "UTC");
  g_autofree char *ninety = wm_launch_describe_end (FALSE, 0, FALSE, "UTC");

  g_assert_cmpstr (now, ==, "Now");
  g_assert_cmpstr (at, ==, "On 2026-12-03 at 09:00 (Europe/Zagreb)");
  g_assert_cmpstr (utc, ==, "On 2026-12-03 at 08:00 (UTC)");
  g_assert_cmpstr (end, ==, "On 2026-12-04 at 09:00 (Europe/Zagreb)");
  g_assert_cmpstr (forever, ==, "Runs indefinitely");
  g_assert_cmpstr (ninety, ==, "90 days after launch");
}

#define ENTRY "{\"id\": \"e\", \"type\": \"entry.event\", \"config\": {\"event\": \"X\"}}"
#define SMS(id, text) "{\"id\": \"" id "\", \"type\": \"send.sms\", \"config\": {\"sender\": \"S\", \"text\": \"" text "\"}}"
#define MAIL(id) "{\"id\": \"" id "\", \"type\": \"send.email\"," \
  " \"config\": {\"from\": \"a@b.hr\", \"subject\": \"s\", \"body\": \"b\"}}"
#define WAIT(id) "{\"id\": \"" id "\", \"type\": \"wait.delay\", \"config\": {\"duration\": \"1d\"}}"
#define EDGE(a, port, b) "{\"from\": \"" a "\", \"port\": \"" port "\", \"to\": \"" b "\"}"

static void
count (const char *elements,
       const char *connections,
       guint64     messages[WM_N_CHANNELS])
{
  g_autoptr(WmFlow) flow = load (elements, connections, NULL);

  wm_launch_count_messages (wm_flow_get_latest_version (flow), messages);
}

static void
test_messages_on_one_path (void)
{
  guint64 m[WM_N_CHANNELS];
  int sms = wm_catalogue_channel_index ("sms");
  int email = wm_catalogue_channel_index ("email");

  /* e -> s1 -> w -> s2 -> m1: two SMS and one e-mail on the one path. */
  count (ENTRY "," SMS ("s1", "Hi") "," WAIT ("w") "," SMS ("s2", "Again") "," MAIL ("m1"),
         EDGE ("e", "out", "s1") "," EDGE ("s1", "out", "w") "," EDGE ("w", "out", "s2") ","
         EDGE ("s2", "out", "m1"), m);
  g_assert_cmpuint (m[sms], ==, 2);
  g_assert_cmpuint (m[email], ==, 1);
  g_assert_cmpuint (m[wm_catalogue_channel_index ("push")], ==, 0);
}

static void
test_messages_take_the_heaviest_branch (void)
{
  guint64 m[WM_N_CHANNELS];
  int sms = wm_catalogue_channel_index ("sms");
  int email = wm_catalogue_channel_index ("email");

  /* A split: one branch sends one SMS, the other two e-mails then an SMS.
   * Per channel, the most on one path: SMS 1 (not 2), e-mail 2. */
  count (ENTRY ","
         "{\"id\": \"p\", \"type\": \"split.percent\", \"config\": {\"variants\": ["
         "{\"label\": \"A\", \"weight\": 1}, {\"label\": \"B\", \"weight\": 1}]}},"
         SMS ("a", "A") "," MAIL ("b1") "," MAIL ("b2") "," SMS ("b3", "B"),
         EDGE ("e", "out", "p") "," EDGE ("p", "1", "a") "," EDGE ("p", "2", "b1") ","
         EDGE ("b1", "out", "b2") "," EDGE ("b2", "out", "b3"), m);
  g_assert_cmpuint (m[sms], ==, 1);
  g_assert_cmpuint (m[email], ==, 2);
}

static void
test_messages_count_a_loop_once (void)
{
  guint64 m[WM_N_CHANNELS];
  int sms = wm_catalogue_channel_index ("sms");

  /* e -> s1 -> w -> s2 -> back to s1: the loop holds two SMS, counted once;
   * an unreachable SMS is not counted. */
  count (ENTRY "," SMS ("s1", "A") "," WAIT ("w") "," SMS ("s2", "B") "," SMS ("lost", "C"),
         EDGE ("e", "out", "s1") "," EDGE ("s1", "out", "w") "," EDGE ("w", "out", "s2") ","
         EDGE ("s2", "out", "s1"), m);
  g_assert_cmpuint (m[sms], ==, 2);
}

static void
test_messages_count_sms_segments (void)
{
  guint64 m[WM_N_CHANNELS];
  int sms = wm_catalogue_channel_index ("sms");
  g_autofree char *long_text = g_strnfill (200, 'a');
  g_autofree char *elements = g_strdup_printf (ENTRY ",{\"id\": \"s\", \"type\": \"send.sms\","
                                               " \"config\": {\"sender\": \"S\","
                                               " \"text\": \"%s{{ profile.first_name }}\"}},"
                                               "{\"id\": \"n\", \"type\": \"notify.internal\","
                                               " \"config\": {\"channel\": \"sms\", \"recipient\": \"x\","
                                               " \"text\": \"y\"}}", long_text);

  /* 200 GSM characters are 2 segments; the placeholder counts as nothing,
   * and an internal notification is not a message to the person. */
  count (elements, EDGE ("e", "out", "s") "," EDGE ("s", "out", "n"), m);
  g_assert_cmpuint (m[sms], ==, 2);
}

static void
test_messages_words (void)
{
  g_autofree char *one = wm_launch_describe_messages (1);
  g_autofree char *three = wm_launch_describe_messages (3);
  g_autofree char *label = g_strdup (wm_launch_channel_label ("email"));

  g_assert_cmpstr (one, ==, "Up to 1 message per entry");
  g_assert_cmpstr (three, ==, "Up to 3 messages per entry");
  g_assert_cmpstr (label, ==, "E-mail");
}

static void
one_weight (WmElement *element,
            guint64   *weight,
            gpointer   user_data)
{
  *weight = 1;
}

static void
test_path_without_entry_is_zero (void)
{
  g_autoptr(WmFlow) flow = load (WAIT ("a") "," WAIT ("b"), EDGE ("a", "out", "b"), NULL);
  guint64 w = 99;

  wm_path_maxima (wm_flow_get_latest_version (flow), 1, one_weight, NULL, &w);
  g_assert_cmpuint (w, ==, 0);
}

static void
test_path_deep_chain (void)
{
  /* A chain far longer than any version may hold, with a loop at its end:
   * no recursion, so no stack overflow, and every element counts once. */
  GString *elements = g_string_new (ENTRY);
  GString *connections = g_string_new (EDGE ("e", "out", "w0"));
  g_autoptr(WmFlow) flow = NULL;
  guint64 w = 0;
  guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (elements, ",{\"id\": \"w%u\", \"type\": \"wait.delay\","
                              " \"config\": {\"duration\": \"1d\"}}", i);
      if (i + 1 < n)
        g_string_append_printf (connections, ",{\"from\": \"w%u\", \"port\": \"out\", \"to\": \"w%u\"}",
                                i, i + 1);
    }
  g_string_append_printf (connections, ",{\"from\": \"w%u\", \"port\": \"out\", \"to\": \"w%u\"}", n - 1, n / 2);
  flow = load (elements->str, connections->str, NULL);
  wm_path_maxima (wm_flow_get_latest_version (flow), 1, one_weight, NULL, &w);
  g_assert_cmpuint (w, ==, n + 1);
  g_string_free (elements, TRUE);
  g_string_free (connections, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/launch-summary/entry/event", test_entry_event);
  g_test_add_func ("/core/launch-summary/entry/audience", test_entry_audience);
  g_test_add_func ("/core/launch-summary/entry/inbound", test_entry_inbound);
  g_test_add_func ("/core/launch-summary/entry/date", test_entry_date);
  g_test_add_func ("/core/launch-summary/entry/missing-says-so", test_entry_missing);
  g_test_add_func ("/core/launch-summary/reentry/every-form", test_reentry_forms);
  g_test_add_func ("/core/launch-summary/goal/every-form", test_goal_forms);
  g_test_add_func ("/core/launch-summary/schedule/in-the-flow-zone", test_schedule_words);
  g_test_add_func ("/core/launch-summary/messages/one-path", test_messages_on_one_path);
  g_test_add_func ("/core/launch-summary/messages/heaviest-branch-per-channel",
                   test_messages_take_the_heaviest_branch);
  g_test_add_func ("/core/launch-summary/messages/loop-counted-once", test_messages_count_a_loop_once);
  g_test_add_func ("/core/launch-summary/messages/sms-segments", test_messages_count_sms_segments);
  g_test_add_func ("/core/launch-summary/messages/words", test_messages_words);
  g_test_add_func ("/core/path-maxima/no-entry-is-zero", test_path_without_entry_is_zero);
  g_test_add_func ("/core/path-maxima/deep-chain-without-recursion", test_path_deep_chain);

  return g_test_run ();
}
