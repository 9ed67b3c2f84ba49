/* test-determinism.c - the same report and timeline whatever the thread
 * count or the order of the profile lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md: "Given the same inputs and seed it produces the same
 * report, byte for byte, whatever the thread count", and profiles never
 * interact, so the order of (valid, unique) profile lines cannot change the
 * report. A seeded generator makes a few thousand profiles that go through
 * flows using most element types.
 */
#include "config.h"

#include "sim-harness.h"

#define N_PROFILES 1500

static const char *main_flow =
  "{'format':'waymark.flow','format_version':1,'id':'det','name':'Determinism','timezone':'Europe/Zagreb',"
  "'schedule':{'start':null,'end':null,'indefinite':true},'versions':["
  "{'number':1,'status':'finishing','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-01T00:00:00Z',"
  "'settings':{'reentry':{'enabled':true,'delay':'1h','limits':[{'count':3,'period':'7d'}]},"
  "'goal':{'event':'Buy','value':'amount','window':'2d'},"
  "'variables':[{'name':'code','type':'string','initial':null}]},"
  "'elements':["
  "{'id':'e','type':'entry.event','config':{'event':'Visit','where':'event.page != `none`'}},"
  "{'id':'os','type':'outcome.start','config':{'outcome':'buy'}},"
  "{'id':'sp','type':'split.percent','config':{'variants':[{'label':'a','weight':1},{'label':'b','weight':2},{'label':'c','weight':1}]}},"
  "{'id':'sms','type':'send.sms','config':{'sender':'Shop','text':'Hi {{profile.first_name}}, {{profile.tier}} offer'}},"
  "{'id':'em','type':'send.email','config':{'from':'shop@example.com','subject':'Hi','body':'x',"
  "'send_window':{'from':'09:00','to':'18:00','days':['mon','tue','wed','thu','fri']}}},"
  "{'id':'wa','type':'send.whatsapp','config':{'sender':'Shop','template':'t1'}},"
  "{'id':'rm','type':'react.message','config':{'element':'em','reaction':'opened','timeout':'1d'}},"
  "{'id':'m1','type':'milestone','config':{'milestone':'opened'}},"
  "{'id':'we','type':'wait.event','config':{'event':'Reply','timeout':'2d','assign':[{'variable':'code','property':'code'}]}},"
  "{'id':'br','type':'branch.condition','config':{'branches':[{'label':'vip','when':'profile.tier == `gold`'},"
  "{'label':'code','when':'var.code != null'}]}},"
  "{'id':'api','type':'call.api','config':{'method':'POST','url':'https://example.com/{{profile.id}}'}},"
  "{'id':'sa','type':'set.attribute','config':{'attribute':'seen','value':'true'}},"
  "{'id':'add','type':'add.to.flow','config':{'flow':'aux'}},"
  "{'id':'nt','type':'notify.internal','config':{'channel':'email','recipient':'ops@example.com','text':'x'}},"
  "{'id':'wt','type':'wait.time','config':{'at':'10:00','days':['sat']}},"
  "{'id':'pu','type':'send.push','config':{'app':'A','title':'t','text':'x'}},"
  "{'id':'ok','type':'outcome.set','config':{'outcome':'buy','result':'success'}},"
  "{'id':'ko','type':'outcome.set','config':{'outcome':'buy','result':'failure'}},"
  "{'id':'vo','type':'send.voice','config':{'from':'+38511111111','text':'hello'}},"
  "{'id':'vi','type':'send.viber','config':{'sender':'Shop','text':'x'}},"
  "{'id':'wd','type':'wait.delay','config':{'duration':'3h'}}],"
  "'connections':["
  "{'from':'e','port':'out','to':'os'},{'from':'os','port':'out','to':'sp'},"
  "{'from':'sp','port':'1','to':'sms'},{'from':'sp','port':'2','to':'em'},{'from':'sp','port':'3','to':'wa'},"
  "{'from':'sms','port':'out','to':'we'},{'from':'em','port':'out','to':'rm'},{'from':'wa','port':'out','to':'wd'},"
  "{'from':'rm','port':'yes','to':'m1'},{'from':'rm','port':'no','to':'pu'},{'from':'m1','port':'out','to':'we'},"
  "{'from':'we','port':'occurred','to':'br'},{'from':'we','port':'timeout','to':'ko'},"
  "{'from':'br','port':'1','to':'api'},{'from':'br','port':'2','to':'sa'},{'from':'br','port':'else','to':'wt'},"
  "{'from':'api','port':'success','to':'ok'},{'from':'api','port':'failure','to':'nt'},"
  "{'from':'sa','port':'out','to':'add'},{'from':'add','port':'out','to':'ok'},{'from':'wt','port':'out','to':'vo'},"
  "{'from':'vo','port':'out','to':'ko'},{'from':'pu','port':'out','to':'vi'},{'from':'vi','port':'out','to':'ko'},"
  "{'from':'wd','port':'out','to':'we'}]}]}";

static const char *aux_flow =
  "{'format':'waymark.flow','format_version':1,'id':'aux','name':'Aux','timezone':'UTC',"
  "'schedule':{'start':null,'end':null,'indefinite':true},'versions':["
  "{'number':1,'status':'active','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-01T00:00:00Z',"
  "'elements':[{'id':'e','type':'entry.event','config':{'event':'Never'}},"
  "{'id':'w','type':'wait.delay','config':{'duration':'1d'}},"
  "{'id':'s','type':'send.sms','config':{'sender':'S','text':'Thanks {{profile.seen}}'}}],"
  "'connections':[{'from':'e','port':'out','to':'w'},{'from':'w','port':'out','to':'s'}]}]}";

static const char *date_flow =
  "{'format':'waymark.flow','format_version':1,'id':'bday','name':'Birthday','timezone':'UTC',"
  "'schedule':{'start':null,'end':null,'indefinite':true},'versions':["
  "{'number':1,'status':'active','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-01T00:00:00Z',"
  "'elements':[{'id':'e','type':'entry.date','config':{'attribute':'birthday','offset':-2}},"
  "{'id':'s','type':'send.email','config':{'from':'shop@example.com','subject':'Soon','body':'x'}}],"
  "'connections':[{'from':'e','port':'out','to':'s'}]},"
  "{'number':2,'status':'active','created_at':'2026-01-15T00:00:00Z','launched_at':'2026-02-01T00:00:00Z',"
  "'elements':[{'id':'e','type':'entry.date','config':{'attribute':'birthday','offset':-2}},"
  "{'id':'s','type':'send.sms','config':{'sender':'S','text':'Soon'}}],"
  "'connections':[{'from':'e','port':'out','to':'s'}]}]}";

static const char *zones[] = { "Europe/Zagreb", "America/New_York", "Asia/Tokyo", "UTC", "Nowhere/Unknown" };
static const char *tiers[] = { "gold", "silver", "bronze" };

/* One JSON Lines line per profile (quotes as ' for the harness). */
static GPtrArray *
generate_lines (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  gint64 start = sim_ts ("2025-12-20T00:00:00Z");

  for (guint i = 0; i < N_PROFILES; i++)
    {
      GString *line = g_string_new (NULL);
      guint n_events = g_rand_int_range (rand, 0, 12);

      g_string_append_printf (line, "{'id':'d-%05u','attributes':{'first_name':'N%u'", i, i);
      if (g_rand_int_range (rand, 0, 10) < 8)
        g_string_append_printf (line, ",'phone':'+3859%08d'", g_rand_int_range (rand, 0, 99999999));
      if (g_rand_int_range (rand, 0, 10) < 7)
        g_string_append_printf (line, ",'email':'u%u@example.com'", i);
      if (g_rand_boolean (rand))
        g_string_append_printf (line, ",'push_token':'tok-%u'", i);
      if (g_rand_boolean (rand))
        g_string_append_printf (line, ",'timezone':'%s'", zones[g_rand_int_range (rand, 0, G_N_ELEMENTS (zones))]);
      g_string_append_printf (line, ",'tier':'%s'", tiers[g_rand_int_range (rand, 0, G_N_ELEMENTS (tiers))]);
      g_string_append_printf (line, ",'birthday':'19%02d-%02d-%02d'", g_rand_int_range (rand, 50, 99),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_string_append_printf (line, ",'sim_open':%.2f", g_rand_double (rand));
      g_string_append (line, "},'events':[");
      for (guint e = 0; e < n_events; e++)
        {
          static const char *names[] = { "Visit", "Visit", "Visit", "Buy", "Reply", "Other" };
          const char *name = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
          /* 20 Dec .. 25 Feb: some before the run start, some after the end */
          char at[32];

          wm_timestamp_format (start + g_rand_int_range (rand, 0, 67 * 86400), at);

          g_string_append_printf (line, "%s{'name':'%s','at':'%s'", e > 0 ? "," : "", name, at);
          if (g_str_equal (name, "Buy"))
            g_string_append_printf (line, ",'properties':{'amount':%d.%02d}",
                                    g_rand_int_range (rand, 1, 500), g_rand_int_range (rand, 0, 100));
          else if (g_str_equal (name, "Reply") && g_rand_boolean (rand))
            g_string_append (line, ",'properties':{'code':'C'}");
          else if (g_str_equal (name, "Visit") && g_rand_int_range (rand, 0, 5) == 0)
            g_string_append (line, ",'properties':{'page':'none'}");
          g_string_append (line, "}");
        }
      g_string_append (line, "]}\n");
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  return lines;
}

static char *
join_lines (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, lines->pdata[i]);
  return g_string_free (out, FALSE);
}

static void
run_lines (SimRun    *run,
           GPtrArray *lines,
           guint      threads)
{
  const char *flows[] = { main_flow, aux_flow, date_flow, NULL };
  g_autofree char *text = join_lines (lines);
  SimSetup setup = { .end = "2026-02-20T00:00:00Z", .seed = 424242, .threads = threads };

  sim_run (run, flows, text, &setup);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
test_threads_give_identical_bytes (void)
{
  g_autoptr(GPtrArray) lines = generate_lines (20260101);
  SimRun one, four;

  run_lines (&one, lines, 1);
  run_lines (&four, lines, 4);
  g_assert_cmpuint (one.profiles, ==, N_PROFILES);
  /* The flows really ran: entries, sends and goals happened. */
  g_assert_cmpint (sim_int (&one, "flows/det/versions/1/overall/entries"), >, 100);
  g_assert_cmpint (sim_int (&one, "flows/det/versions/1/overall/sends"), >, 100);
  g_assert_cmpint (sim_int (&one, "flows/det/versions/1/overall/goal_conversions"), >, 0);
  g_assert_cmpint (sim_int (&one, "flows/aux/versions/1/overall/entries"), >, 0);
  g_assert_cmpint (sim_int (&one, "flows/bday/all/overall/entries"), >, 0);
  g_assert_cmpstr (one.text, ==, four.text);
  g_assert_cmpuint (strlen (one.timeline), >, 100000);
  g_assert_true (g_str_equal (one.timeline, four.timeline));
  sim_run_clear (&one);
  sim_run_clear (&four);
}

static void
test_line_order_does_not_change_the_report (void)
{
  g_autoptr(GPtrArray) lines = generate_lines (77);
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_auto(GStrv) timeline_a = NULL;
  g_auto(GStrv) timeline_b = NULL;
  SimRun a, b;

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (shuffled, lines->pdata[i]);
  for (guint i = shuffled->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer t = shuffled->pdata[i];

      shuffled->pdata[i] = shuffled->pdata[j];
      shuffled->pdata[j] = t;
    }
  g_assert_true (shuffled->pdata[0] != lines->pdata[0] || shuffled->pdata[1] != lines->pdata[1]);

  run_lines (&a, lines, 2);
  run_lines (&b, shuffled, 3);
  g_assert_cmpstr (a.text, ==, b.text);

  /* Each profile's own lines are the same; only their order moves. */
  timeline_a = g_strsplit (a.timeline, "\n", -1);
  timeline_b = g_strsplit (b.timeline, "\n", -1);
  g_assert_cmpuint (g_strv_length (timeline_a), ==, g_strv_length (timeline_b));
  qsort (timeline_a, g_strv_length (timeline_a), sizeof (char *), compare_strings);
  qsort (timeline_b, g_strv_length (timeline_b), sizeof (char *), compare_strings);
  for (guint i = 0; timeline_a[i] != NULL; i++)
    g_assert_cmpstr (timeline_a[i], ==, timeline_b[i]);
  sim_run_clear (&a);
  sim_run_clear (&b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/determinism/one-and-four-threads-give-identical-report-and-timeline",
                   test_threads_give_identical_bytes);
  g_test_add_func ("/sim/determinism/shuffled-profile-lines-give-the-same-report",
                   test_line_order_does_not_change_the_report);

  return g_test_run ();
}
