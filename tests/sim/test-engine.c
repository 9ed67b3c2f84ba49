/* test-engine.c - the simulation engine against hand-worked cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected number here is worked out from simulation.md by hand.
 * Where a case depends on a deterministic draw, the comment gives the key
 * string and the u (and delay) computed from the spec's formula with an
 * independent few-line Python script (FNV-1a 64 + splitmix64 finaliser),
 * not by the code under test. Flows and profiles use ' for " (see
 * sim-harness.h). 2026-01-01 is a Thursday; 2026-01-05 a Monday.
 */
#include "config.h"

#include "sim-harness.h"

/* Deterministic reactions: every message delivered, opened and clicked at
 * once (rate 1: u < 1 always; mean delay 0: floor(-0 * log(..)) = 0). */
#define ALL_AT_ONCE \
  "{'channels':{'sms':{'delivery':1,'click':1,'delivery_delay':0,'click_delay':0}," \
  "'email':{'delivery':1,'open':1,'click':1,'delivery_delay':0,'open_delay':0,'click_delay':0}}}"
/* No message is ever delivered (u < 0 never). */
#define NONE_DELIVERED \
  "{'channels':{'sms':{'delivery':0},'email':{'delivery':0}}}"

/* A timeline line of version 1, entry 1. */
#define TL(p, at, f, rest) \
  "{'profile':'" p "','at':'" at "','flow':'" f "','version':1,'entry':1," rest "}"
#define TLV(p, at, f, v, e, rest) \
  "{'profile':'" p "','at':'" at "','flow':'" f "','version':" v ",'entry':" e "," rest "}"

#define ENTRY_GO "{'id':'e','type':'entry.event','config':{'event':'Go'}}"

static void
test_entry_event_where (void)
{
  g_autofree char *f = sim_flow1 ("f", NULL,
    "[{'id':'e','type':'entry.event','config':{'event':'Go','where':'event.n > 1'}}]", NULL);
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z','properties':{'n':1}},"
           "{'name':'Go','at':'2026-01-05T11:00:00Z','properties':{'n':2}},"
           "{'name':'Other','at':'2026-01-05T12:00:00Z'}]}\n", NULL);

  g_assert_cmpuint (run.profiles, ==, 1);
  sim_assert_int (&run, "run/events", 3);
  sim_assert_int (&run, "flows/f/versions/1/overall/entries", 1);
  sim_assert_int (&run, "flows/f/versions/1/overall/exits", 1);
  sim_assert_int (&run, "flows/f/versions/1/elements/e/total_engagements", 1);
  sim_assert_int (&run, "flows/f/versions/1/elements/e/ports/out", 1);
  sim_assert_line (&run, "{'profile':'p1','at':'2026-01-05T10:00:00Z','flow':null,'version':null,'entry':null,'step':'event','name':'Go'}");
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "f", "'step':'enter','element':'e'"));
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "f", "'step':'visit','element':'e'"));
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "f", "'step':'depart','element':'e','port':'out'"));
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "f", "'step':'exit','element':'e'"));
  g_assert_cmpuint (sim_count_lines (&run, "'step':'enter'"), ==, 1);
  sim_run_clear (&run);
}

/* entry.audience: one attempt at A (the launch) when A is in the run window. */
static void
test_entry_audience_at_launch (void)
{
  g_autofree char *aud = sim_flow ("aud", "UTC", "{'start':null,'end':null,'indefinite':false}",
    "[{'number':1,'status':'active','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-05T00:00:00Z',"
    "'elements':[{'id':'e','type':'entry.audience','config':{'where':'profile.tier == `gold`'}}],'connections':[]}]");
  g_autofree char *old = sim_flow ("old", "UTC", "{'start':null,'end':null,'indefinite':false}",
    "[{'number':1,'status':'active','created_at':'2025-11-01T00:00:00Z','launched_at':'2025-12-01T00:00:00Z',"
    "'elements':[{'id':'e','type':'entry.audience','config':{}}],'connections':[]}]");
  const char *flows[] = { aud, old, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'g','attributes':{'tier':'gold'}}\n"
           "{'id':'s','attributes':{'tier':'silver'}}\n"
           "{'id':'n'}\n", NULL);
  sim_assert_int (&run, "flows/aud/versions/1/overall/entries", 1);
  sim_assert_line (&run, TL ("g", "2026-01-05T00:00:00Z", "aud", "'step':'enter','element':'e'"));
  /* A (2025-12-01) is before the run start: no attempt at all. */
  sim_assert_int (&run, "flows/old/versions/1/overall/entries", 0);
  sim_run_clear (&run);
}

/* entry.inbound: channel by event name, number as a JSON string, keyword
 * against the first word (leading white space skipped, ASCII case folded). */
static void
test_entry_inbound_keyword (void)
{
  g_autofree char *kw = sim_flow1 ("kw", NULL,
    "[{'id':'e','type':'entry.inbound','config':{'channel':'sms','number':'+100','keyword':'JOIN'}}]", NULL);
  g_autofree char *any = sim_flow1 ("any", NULL,
    "[{'id':'e','type':'entry.inbound','config':{'channel':'sms','number':'+100'}}]", NULL);
  const char *flows[] = { kw, any, NULL };
  SimRun run;

  sim_run (&run, flows,
           /* kw and any */
           "{'id':'p1','events':[{'name':'inbound.sms','at':'2026-01-05T10:00:00Z','properties':{'number':'+100','text':'  join now'}}]}\n"
           /* any only: the first word is JOINED */
           "{'id':'p2','events':[{'name':'inbound.sms','at':'2026-01-05T10:00:00Z','properties':{'number':'+100','text':'JOINED'}}]}\n"
           /* neither: another number */
           "{'id':'p3','events':[{'name':'inbound.sms','at':'2026-01-05T10:00:00Z','properties':{'number':'+200','text':'JOIN'}}]}\n"
           /* neither: another channel */
           "{'id':'p4','events':[{'name':'inbound.whatsapp','at':'2026-01-05T10:00:00Z','properties':{'number':'+100','text':'JOIN'}}]}\n"
           /* neither: the number is a JSON number, not a string */
           "{'id':'p5','events':[{'name':'inbound.sms','at':'2026-01-05T10:00:00Z','properties':{'number':100,'text':'JOIN'}}]}\n"
           /* kw and any: tab is white space */
           "{'id':'p6','events':[{'name':'inbound.sms','at':'2026-01-05T10:00:00Z','properties':{'number':'+100','text':'\\tJoin\\tx'}}]}\n"
           /* any only: no text, so no first word */
           "{'id':'p7','events':[{'name':'inbound.sms','at':'2026-01-05T10:00:00Z','properties':{'number':'+100'}}]}\n",
           NULL);
  sim_assert_int (&run, "flows/kw/versions/1/overall/entries", 2);
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "kw", "'step':'enter','element':'e'"));
  sim_assert_line (&run, TL ("p6", "2026-01-05T10:00:00Z", "kw", "'step':'enter','element':'e'"));
  sim_assert_int (&run, "flows/any/versions/1/overall/entries", 4);
  sim_assert_int (&run, "flows/any/versions/1/overall/profiles_in_flow", 4);
  sim_run_clear (&run);
}

/* entry.date: the attribute's month and day moved by offset, at `at` in its
 * zone; 29 February is 28 February in 2026. */
static void
test_entry_date_offset_and_leap_day (void)
{
  g_autofree char *bd = sim_flow1 ("bd", NULL,
    "[{'id':'e','type':'entry.date','config':{'attribute':'birthday','offset':-1,'at':'10:00','zone':'flow'}}]", NULL);
  g_autofree char *bdp = sim_flow1 ("bdp", NULL,
    "[{'id':'e','type':'entry.date','config':{'attribute':'birthday'}}]", NULL);
  const char *flows[] = { bd, bdp, NULL };
  SimSetup setup = { .start = "2026-02-01T00:00:00Z", .end = "2026-03-31T00:00:00Z" };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'leap','attributes':{'birthday':'2000-02-29'}}\n"
           "{'id':'mar','attributes':{'birthday':'1990-03-01','timezone':'America/New_York'}}\n"
           "{'id':'bad','attributes':{'birthday':'1990-02-30'}}\n"
           "{'id':'odd','attributes':{'birthday':'x'}}\n", &setup);
  /* bd: 28 Feb - 1 day = 27 Feb at 10:00 UTC; 1 Mar - 1 = 28 Feb. */
  sim_assert_int (&run, "flows/bd/versions/1/overall/entries", 2);
  sim_assert_line (&run, TL ("leap", "2026-02-27T10:00:00Z", "bd", "'step':'enter','element':'e'"));
  sim_assert_line (&run, TL ("mar", "2026-02-28T10:00:00Z", "bd", "'step':'enter','element':'e'"));
  /* bdp: 09:00 in the profile's zone (UTC by the flow when it has none;
   * New York is UTC-5 on 1 March 2026, before its 8 March change). */
  sim_assert_int (&run, "flows/bdp/versions/1/overall/entries", 2);
  sim_assert_line (&run, TL ("leap", "2026-02-28T09:00:00Z", "bdp", "'step':'enter','element':'e'"));
  sim_assert_line (&run, TL ("mar", "2026-03-01T14:00:00Z", "bdp", "'step':'enter','element':'e'"));
  sim_run_clear (&run);
}

static char *
repeat (const char *piece,
        guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, piece);
  return g_string_free (out, FALSE);
}

/* Sends: contacts, SMS segments, costs at the default prices, channels. */
static void
test_sends_segments_contacts_and_cost (void)
{
  g_autofree char *f = sim_flow1 ("snd", NULL,
    "[" ENTRY_GO ","
    "{'id':'a','type':'send.sms','config':{'sender':'Shop','text':'{{profile.msg}}'}},"
    "{'id':'b','type':'send.email','config':{'from':'shop@example.com','subject':'Hi','body':'Hello'}}]",
    "[{'from':'e','port':'out','to':'a'},{'from':'a','port':'out','to':'b'}]");
  const char *flows[] = { f, NULL };
  g_autofree char *a161 = repeat ("a", 161);
  g_autofree char *a159 = repeat ("a", 159);
  g_autofree char *euro80 = repeat ("€", 80);
  g_autofree char *c70 = repeat ("č", 70);
  g_autofree char *c71 = repeat ("č", 71);
  const char *msgs[] = { "Hello", a161, NULL, euro80, c70, c71, "" };
  g_autofree char *a159euro = g_strconcat (a159, "€", NULL);
  g_autoptr(GString) profiles = g_string_new (NULL);
  SimSetup setup = { .params = NONE_DELIVERED };
  SimRun run;

  msgs[2] = a159euro;
  /* p1..p7: a valid phone (+ and 8 digits), no e-mail. Segments:
   * 5 GSM chars 1; 161 GSM 2; 159 + one extension char = 161 septets 2;
   * 80 extension chars = 160 septets 1; 70 UCS-2 1; 71 UCS-2 ceil(71/67) 2;
   * empty 1. Total 10. */
  for (guint i = 0; i < G_N_ELEMENTS (msgs); i++)
    g_string_append_printf (profiles, "{'id':'p%u','attributes':{'phone':'+12345678','msg':'%s'},"
                            "'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", i + 1, msgs[i]);
  /* p8: no phone, invalid e-mail; p9: a phone one digit short, valid e-mail. */
  g_string_append (profiles,
                   "{'id':'p8','attributes':{'email':'a b@c.d'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
                   "{'id':'p9','attributes':{'phone':'+1234567','email':'x@y.zz'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n");
  sim_run (&run, flows, profiles->str, &setup);

  sim_assert_int (&run, "flows/snd/versions/1/elements/a/sends", 7);
  sim_assert_int (&run, "flows/snd/versions/1/elements/a/messages", 10);
  sim_assert_int (&run, "flows/snd/versions/1/elements/a/no_contact", 2);
  sim_assert_str (&run, "flows/snd/versions/1/elements/a/cost", "0.075");
  sim_assert_int (&run, "flows/snd/versions/1/elements/b/sends", 1);
  sim_assert_int (&run, "flows/snd/versions/1/elements/b/no_contact", 8);
  sim_assert_str (&run, "flows/snd/versions/1/elements/b/cost", "0.0008");
  sim_assert_int (&run, "flows/snd/versions/1/channels/sms/messages", 10);
  sim_assert_int (&run, "flows/snd/versions/1/channels/sms/delivered", 0);
  sim_assert_str (&run, "flows/snd/versions/1/channels/sms/cost", "0.075");
  sim_assert_keys (&run, "flows/snd/versions/1/channels", "sms,email");
  sim_assert_int (&run, "flows/snd/versions/1/overall/sends", 8);
  sim_assert_int (&run, "flows/snd/versions/1/overall/messages_sent", 11);
  sim_assert_int (&run, "flows/snd/versions/1/overall/no_contact", 10);
  sim_assert_str (&run, "flows/snd/versions/1/overall/traffic_cost", "0.0758");
  sim_assert_int (&run, "flows/snd/versions/1/engaged/2026-01", 8);
  sim_assert_line (&run, TL ("p2", "2026-01-05T10:00:00Z", "snd",
                             "'step':'send','element':'a','channel':'sms','messages':2,'cost':0.015,'delivered':false,'clicked':false"));
  sim_assert_line (&run, TL ("p9", "2026-01-05T10:00:00Z", "snd",
                             "'step':'send','element':'b','channel':'email','messages':1,'cost':0.0008,'delivered':false,'opened':false,'clicked':false"));
  sim_assert_line (&run, TL ("p8", "2026-01-05T10:00:00Z", "snd", "'step':'no_contact','element':'a','channel':'sms'"));
  sim_run_clear (&run);
}

/* send_window: the next instant at or after t inside from..to on an
 * allowed day (8 local dates at most), in the flow's or profile's zone. */
static void
test_send_window (void)
{
  g_autofree char *win = sim_flow1 ("win", NULL,
    "[" ENTRY_GO ","
    "{'id':'s','type':'send.sms','config':{'sender':'S','text':'Hi','send_window':{'from':'09:00','to':'17:00','days':['mon'],'zone':'flow'}}}]",
    "[{'from':'e','port':'out','to':'s'}]");
  g_autofree char *winp = sim_flow1 ("winp", NULL,
    "[{'id':'e','type':'entry.event','config':{'event':'Tokyo'}},"
    "{'id':'s','type':'send.sms','config':{'sender':'S','text':'Hi','send_window':{'from':'09:00','to':'17:00'}}}]",
    "[{'from':'e','port':'out','to':'s'}]");
  const char *flows[] = { win, winp, NULL };
  SimSetup setup = { .params = NONE_DELIVERED };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-01T12:00:00Z'}]}\n"
           "{'id':'p2','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p3','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-05T17:00:00Z'}]}\n"
           "{'id':'p4','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-05T08:59:59Z'}]}\n"
           "{'id':'p5','attributes':{'phone':'+12345678','timezone':'Asia/Tokyo'},'events':[{'name':'Tokyo','at':'2026-01-05T10:00:00Z'}]}\n",
           &setup);
  /* Thursday noon: Monday 09:00. */
  sim_assert_line (&run, TL ("p1", "2026-01-01T12:00:00Z", "win", "'step':'visit','element':'s'"));
  sim_assert_line (&run, TL ("p1", "2026-01-05T09:00:00Z", "win",
                             "'step':'send','element':'s','channel':'sms','messages':1,'cost':0.0075,'delivered':false,'clicked':false"));
  sim_assert_line (&run, TL ("p1", "2026-01-05T09:00:00Z", "win", "'step':'depart','element':'s','port':'out'"));
  /* Inside the window: at once. */
  sim_assert_line (&run, TL ("p2", "2026-01-05T10:00:00Z", "win", "'step':'depart','element':'s','port':'out'"));
  /* At `to` the window is over (t < E fails): the next Monday, the 8th date. */
  sim_assert_line (&run, TL ("p3", "2026-01-12T09:00:00Z", "win", "'step':'depart','element':'s','port':'out'"));
  sim_assert_line (&run, TL ("p4", "2026-01-05T09:00:00Z", "win", "'step':'depart','element':'s','port':'out'"));
  /* 19:00 in Tokyo (UTC+9): 09:00 the next day there, 00:00 UTC. */
  sim_assert_line (&run, TL ("p5", "2026-01-06T00:00:00Z", "winp", "'step':'depart','element':'s','port':'out'"));
  sim_assert_int (&run, "flows/win/versions/1/elements/s/sends", 4);
  sim_run_clear (&run);
}

/* wait.delay and wait.time (the next clock instant >= t on an allowed day). */
static void
test_wait_delay_and_time (void)
{
  g_autofree char *f = sim_flow1 ("wd", NULL,
    "[" ENTRY_GO ","
    "{'id':'d','type':'wait.delay','config':{'duration':'90m'}},"
    "{'id':'t','type':'wait.time','config':{'at':'09:00','days':['tue'],'zone':'flow'}}]",
    "[{'from':'e','port':'out','to':'d'},{'from':'d','port':'out','to':'t'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-01T12:00:00Z'}]}\n"
           "{'id':'p2','events':[{'name':'Go','at':'2026-01-06T07:30:00Z'}]}\n", NULL);
  sim_assert_line (&run, TL ("p1", "2026-01-01T13:30:00Z", "wd", "'step':'depart','element':'d','port':'out'"));
  sim_assert_line (&run, TL ("p1", "2026-01-06T09:00:00Z", "wd", "'step':'depart','element':'t','port':'out'"));
  /* 09:00 on a Tuesday exactly: that instant (>= t). */
  sim_assert_line (&run, TL ("p2", "2026-01-06T09:00:00Z", "wd", "'step':'depart','element':'d','port':'out'"));
  sim_assert_line (&run, TL ("p2", "2026-01-06T09:00:00Z", "wd", "'step':'depart','element':'t','port':'out'"));
  sim_assert_int (&run, "flows/wd/versions/1/overall/exits", 2);
  sim_run_clear (&run);
}

/* wait.event: the deadline second is in time, an event at the arrival
 * instant is not taken (arrival must be earlier), where, assign. */
static void
test_wait_event (void)
{
  g_autofree char *f = sim_flow1 ("we",
    "{'variables':[{'name':'code','type':'string','initial':'none'}]}",
    "[" ENTRY_GO ","
    "{'id':'w','type':'wait.event','config':{'event':'Reply','where':'event.ok == true','timeout':'1h',"
    "'assign':[{'variable':'code','property':'code'}]}},"
    "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'X','when':'var.code == `X`'},"
    "{'label':'null','when':'var.code == null'}]}}]",
    "[{'from':'e','port':'out','to':'w'},{'from':'w','port':'occurred','to':'b'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},"
           "{'name':'Reply','at':'2026-01-05T11:00:00Z','properties':{'ok':true,'code':'X'}}]}\n"
           "{'id':'p2','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},"
           "{'name':'Reply','at':'2026-01-05T11:00:01Z','properties':{'ok':true,'code':'X'}}]}\n"
           "{'id':'p3','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},"
           "{'name':'Reply','at':'2026-01-05T10:00:00Z','properties':{'ok':true,'code':'X'}}]}\n"
           "{'id':'p4','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},"
           "{'name':'Reply','at':'2026-01-05T10:30:00Z','properties':{'ok':false,'code':'X'}},"
           "{'name':'Reply','at':'2026-01-05T10:40:00Z','properties':{'ok':true}}]}\n", NULL);
  sim_assert_int (&run, "flows/we/versions/1/elements/w/ports/occurred", 2);
  sim_assert_int (&run, "flows/we/versions/1/elements/w/ports/timeout", 2);
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "we", "'step':'depart','element':'w','port':'occurred'"));
  sim_assert_line (&run, TL ("p2", "2026-01-05T11:00:00Z", "we", "'step':'depart','element':'w','port':'timeout'"));
  sim_assert_line (&run, TL ("p3", "2026-01-05T11:00:00Z", "we", "'step':'depart','element':'w','port':'timeout'"));
  sim_assert_line (&run, TL ("p4", "2026-01-05T10:40:00Z", "we", "'step':'depart','element':'w','port':'occurred'"));
  /* p1 assigned 'X'; p4's event has no code: null replaced 'none'. */
  sim_assert_int (&run, "flows/we/versions/1/elements/b/ports/1", 1);
  sim_assert_int (&run, "flows/we/versions/1/elements/b/ports/2", 1);
  sim_assert_int (&run, "flows/we/versions/1/elements/b/ports/else", 0);
  sim_run_clear (&run);
}

/* react.message: yes at r, yes at t (r <= t), no at t + timeout, no at t
 * without a send. */
static void
test_react_message (void)
{
  g_autofree char *f = sim_flow1 ("rm", NULL,
    "[" ENTRY_GO ","
    "{'id':'m','type':'send.email','config':{'from':'shop@example.com','subject':'Hi','body':'Hello'}},"
    "{'id':'r1','type':'react.message','config':{'element':'m','reaction':'opened','timeout':'1h'}},"
    "{'id':'r2','type':'react.message','config':{'element':'m','reaction':'opened','timeout':'1h'}}]",
    "[{'from':'e','port':'out','to':'m'},{'from':'m','port':'out','to':'r1'},{'from':'r1','port':'yes','to':'r2'}]");
  const char *flows[] = { f, NULL };
  SimSetup setup = { .params = "{'channels':{'email':{'delivery':1,'open':1,'click':0,"
                                "'delivery_delay':0,'open_delay':600}}}" };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'pa','attributes':{'email':'a@b.cd'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'pb','attributes':{'email':'b@b.cd','sim_open':0},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'pc','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", &setup);
  /* pa: "1|pa|rm|1|1|m|1|opened-delay" u = 0.9068710317011521,
   * floor(-600 * log(1 - u)) = 1424 s: opened at 10:23:44, yes then;
   * r2 visited at 10:23:44 sees r <= t: yes at once. */
  sim_assert_line (&run, TL ("pa", "2026-01-05T10:00:00Z", "rm",
                             "'step':'send','element':'m','channel':'email','messages':1,'cost':0.0008,"
                             "'delivered':'2026-01-05T10:00:00Z','opened':'2026-01-05T10:23:44Z','clicked':false"));
  sim_assert_line (&run, TL ("pa", "2026-01-05T10:23:44Z", "rm", "'step':'depart','element':'r1','port':'yes'"));
  sim_assert_line (&run, TL ("pa", "2026-01-05T10:23:44Z", "rm", "'step':'depart','element':'r2','port':'yes'"));
  /* pb never opens: no at t + 1h. */
  sim_assert_line (&run, TL ("pb", "2026-01-05T11:00:00Z", "rm", "'step':'depart','element':'r1','port':'no'"));
  /* pc has no e-mail: no message, no at once. */
  sim_assert_line (&run, TL ("pc", "2026-01-05T10:00:00Z", "rm", "'step':'depart','element':'r1','port':'no'"));
  sim_assert_int (&run, "flows/rm/versions/1/elements/r1/ports/yes", 1);
  sim_assert_int (&run, "flows/rm/versions/1/elements/r1/ports/no", 2);
  sim_assert_int (&run, "flows/rm/versions/1/elements/r2/ports/yes", 1);
  sim_assert_int (&run, "flows/rm/versions/1/channels/email/opened", 1);
  sim_assert_int (&run, "flows/rm/versions/1/channels/email/delivered", 2);
  sim_assert_int (&run, "flows/rm/versions/1/overall/active_profiles", 1);
  sim_run_clear (&run);
}

/* branch.condition: the first truthy `when`, else `else`. */
static void
test_branch_order (void)
{
  g_autofree char *f = sim_flow1 ("br", NULL,
    "[" ENTRY_GO ","
    "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'big','when':'profile.a > 1'},"
    "{'label':'pos','when':'profile.a > 0'}]}}]",
    "[{'from':'e','port':'out','to':'b'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','attributes':{'a':5},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p2','attributes':{'a':0.5},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p3','attributes':{'a':0},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p4','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", NULL);
  sim_assert_keys (&run, "flows/br/versions/1/elements/b/ports", "1,2,else");
  sim_assert_int (&run, "flows/br/versions/1/elements/b/ports/1", 1);
  sim_assert_int (&run, "flows/br/versions/1/elements/b/ports/2", 1);
  sim_assert_int (&run, "flows/br/versions/1/elements/b/ports/else", 2);
  sim_run_clear (&run);
}

/* split.percent with weights 1, 1, 2: u < 0.25 is 1, u < 0.5 is 2, else 3.
 * u of "1|pN|sp|1|1|s|1|split": p1 0.4684 (2), p2 0.0461 (1), p3 0.0460 (1),
 * p4 0.4950 (2), p5 0.8890 (3), p6 0.1311 (1), p7 0.0920 (1), p8 0.4127 (2),
 * p9 0.5186 (3), p10 0.7591 (3), p11 0.5531 (3), p12 0.7045 (3). */
static void
test_split_draws (void)
{
  g_autofree char *f = sim_flow1 ("sp", NULL,
    "[" ENTRY_GO ","
    "{'id':'s','type':'split.percent','config':{'variants':[{'label':'a','weight':1},{'label':'b','weight':1},"
    "{'label':'c','weight':2}]}}]",
    "[{'from':'e','port':'out','to':'s'}]");
  const char *flows[] = { f, NULL };
  g_autoptr(GString) profiles = g_string_new (NULL);
  SimRun run;

  for (guint i = 1; i <= 12; i++)
    g_string_append_printf (profiles, "{'id':'p%u','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", i);
  sim_run (&run, flows, profiles->str, NULL);
  sim_assert_int (&run, "flows/sp/versions/1/elements/s/ports/1", 4);
  sim_assert_int (&run, "flows/sp/versions/1/elements/s/ports/2", 3);
  sim_assert_int (&run, "flows/sp/versions/1/elements/s/ports/3", 5);
  sim_assert_line (&run, TL ("p5", "2026-01-05T10:00:00Z", "sp", "'step':'depart','element':'s','port':'3'"));
  sim_assert_line (&run, TL ("p2", "2026-01-05T10:00:00Z", "sp", "'step':'depart','element':'s','port':'1'"));
  sim_run_clear (&run);
}

/* set.variable changes the entry's variable; set.attribute the profile, in
 * every flow, and a set phone makes a later send reach the profile. */
static void
test_set_variable_and_attribute (void)
{
  g_autofree char *a = sim_flow1 ("a",
    "{'variables':[{'name':'x','type':'number','initial':41}]}",
    "[" ENTRY_GO ","
    "{'id':'v','type':'set.variable','config':{'variable':'x','value':'var.x + 1'}},"
    "{'id':'t','type':'set.attribute','config':{'attribute':'tier','value':'`gold`'}},"
    "{'id':'ph','type':'set.attribute','config':{'attribute':'phone','value':'`+38591111111`'}},"
    "{'id':'s','type':'send.sms','config':{'sender':'S','text':'Hi'}},"
    "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'42','when':'var.x == 42'}]}}]",
    "[{'from':'e','port':'out','to':'v'},{'from':'v','port':'out','to':'t'},{'from':'t','port':'out','to':'ph'},"
    "{'from':'ph','port':'out','to':'s'},{'from':'s','port':'out','to':'b'}]");
  g_autofree char *b = sim_flow1 ("b", NULL,
    "[{'id':'e','type':'entry.event','config':{'event':'Later','where':'profile.tier == `gold`'}}]", NULL);
  const char *flows[] = { a, b, NULL };
  SimSetup setup = { .params = NONE_DELIVERED };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Later','at':'2026-01-05T11:00:00Z'}]}\n"
           "{'id':'p2','events':[{'name':'Later','at':'2026-01-05T11:00:00Z'}]}\n", &setup);
  sim_assert_int (&run, "flows/a/versions/1/elements/s/sends", 1);
  sim_assert_int (&run, "flows/a/versions/1/elements/s/no_contact", 0);
  sim_assert_int (&run, "flows/a/versions/1/elements/b/ports/1", 1);
  sim_assert_int (&run, "flows/b/versions/1/overall/entries", 1);
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "b", "'step':'enter','element':'e'"));
  sim_run_clear (&run);
}

/* call.api: success when u("api") < api_success. With api_success 0.6 and
 * seed 7: "7|p1|api|1|1|c|1|api" u = 0.7704 (failure), entry 2
 * "7|p1|api|1|2|c|1|api" u = 0.4047 (success). */
static void
test_call_api_draws (void)
{
  g_autofree char *f = sim_flow1 ("api", NULL,
    "[" ENTRY_GO ",{'id':'c','type':'call.api','config':{'method':'GET','url':'https://example.com/x'}}]",
    "[{'from':'e','port':'out','to':'c'}]");
  const char *flows[] = { f, NULL };
  SimSetup setup = { .params = "{'api_success':0.6}", .seed = 7 };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Go','at':'2026-01-05T11:00:00Z'}]}\n",
           &setup);
  sim_assert_str (&run, "run/seed", "7");
  sim_assert_int (&run, "flows/api/versions/1/elements/c/ports/success", 1);
  sim_assert_int (&run, "flows/api/versions/1/elements/c/ports/failure", 1);
  sim_assert_line (&run, TLV ("p1", "2026-01-05T10:00:00Z", "api", "1", "1", "'step':'depart','element':'c','port':'failure'"));
  sim_assert_line (&run, TLV ("p1", "2026-01-05T11:00:00Z", "api", "1", "2", "'step':'depart','element':'c','port':'success'"));
  sim_run_clear (&run);
}

/* add.to.flow: the target's entry at t with the transferred variable and a
 * null event; `inside` in the target's version; `inactive` in `all` only. */
static void
test_add_to_flow (void)
{
  g_autofree char *src = sim_flow1 ("src",
    "{'variables':[{'name':'v','type':'string','initial':'moved'}]}",
    "[" ENTRY_GO ","
    "{'id':'a1','type':'add.to.flow','config':{'flow':'dst','transfer':['v']}},"
    "{'id':'a2','type':'add.to.flow','config':{'flow':'late'}}]",
    "[{'from':'e','port':'out','to':'a1'},{'from':'a1','port':'out','to':'a2'}]");
  g_autofree char *dst = sim_flow1 ("dst",
    "{'variables':[{'name':'v','type':'string','initial':'init'}]}",
    "[{'id':'e','type':'entry.event','config':{'event':'Never'}},"
    "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'ev','when':'exists(event.x)'},"
    "{'label':'moved','when':'var.v == `moved`'}]}},"
    "{'id':'w','type':'wait.delay','config':{'duration':'1d'}}]",
    "[{'from':'e','port':'out','to':'b'},{'from':'b','port':'2','to':'w'}]");
  g_autofree char *late = sim_flow ("late", "UTC", "{'start':null,'end':null,'indefinite':true}",
    "[{'number':1,'status':'active','created_at':'2026-01-01T00:00:00Z','launched_at':'2026-01-20T00:00:00Z',"
    "'elements':[{'id':'e','type':'entry.event','config':{'event':'Never'}}],'connections':[]}]");
  const char *flows[] = { src, dst, late, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z','properties':{'x':1}},"
           "{'name':'Go','at':'2026-01-05T12:00:00Z','properties':{'x':1}}]}\n", NULL);
  sim_assert_int (&run, "flows/dst/versions/1/overall/entries", 1);
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "dst", "'step':'enter','element':'e'"));
  sim_assert_int (&run, "flows/dst/versions/1/elements/b/ports/1", 0);
  sim_assert_int (&run, "flows/dst/versions/1/elements/b/ports/2", 1);
  sim_assert_int (&run, "flows/dst/versions/1/rejections/inside", 1);
  sim_assert_int (&run, "flows/dst/all/rejections/inside", 1);
  sim_assert_line (&run, "{'profile':'p1','at':'2026-01-05T12:00:00Z','flow':'dst','version':1,'entry':null,'step':'rejected','reason':'inside'}");
  sim_assert_int (&run, "flows/late/all/rejections/inactive", 2);
  sim_assert_int (&run, "flows/late/versions/1/rejections/inactive", 0);
  sim_assert_line (&run, "{'profile':'p1','at':'2026-01-05T10:00:00Z','flow':'late','version':null,'entry':null,'step':'rejected','reason':'inactive'}");
  sim_assert_int (&run, "flows/src/versions/1/elements/a1/ports/out", 2);
  sim_run_clear (&run);
}

/* notify.internal: notifications and cost (element, traffic_cost), never
 * in channels. */
static void
test_notify_internal (void)
{
  g_autofree char *f = sim_flow1 ("nt", NULL,
    "[" ENTRY_GO ","
    "{'id':'n','type':'notify.internal','config':{'channel':'email','recipient':'ops@example.com','text':'x'}},"
    "{'id':'n2','type':'notify.internal','config':{'channel':'sms','recipient':'+38591111111','text':'x'}}]",
    "[{'from':'e','port':'out','to':'n'},{'from':'n','port':'out','to':'n2'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows, "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", NULL);
  sim_assert_int (&run, "flows/nt/versions/1/overall/notifications", 2);
  sim_assert_str (&run, "flows/nt/versions/1/overall/traffic_cost", "0.0083");
  sim_assert_int (&run, "flows/nt/versions/1/overall/sends", 0);
  sim_assert_int (&run, "flows/nt/versions/1/overall/messages_sent", 0);
  sim_assert_str (&run, "flows/nt/versions/1/elements/n/cost", "0.0008");
  sim_assert_int (&run, "flows/nt/versions/1/elements/n/notifications", 1);
  sim_assert_str (&run, "flows/nt/versions/1/elements/n2/cost", "0.0075");
  sim_assert_absent (&run, "flows/nt/versions/1/elements/n/sends");
  sim_assert_keys (&run, "flows/nt/versions/1/channels", "");
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "nt", "'step':'notify','element':'n','channel':'email','cost':0.0008"));
  sim_run_clear (&run);
}

/* Milestones: only the last 100 records of an entry count. 'first' once,
 * then 'loop' 105 times: 100 records of 'loop', none of 'first'. */
static void
test_milestones_last_hundred (void)
{
  g_autofree char *f = sim_flow1 ("ms",
    "{'variables':[{'name':'n','type':'number','initial':0}]}",
    "[" ENTRY_GO ","
    "{'id':'m0','type':'milestone','config':{'milestone':'first'}},"
    "{'id':'m1','type':'milestone','config':{'milestone':'loop'}},"
    "{'id':'inc','type':'set.variable','config':{'variable':'n','value':'var.n + 1'}},"
    "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'more','when':'var.n < 105'}]}},"
    "{'id':'d','type':'wait.delay','config':{'duration':'0s'}}]",
    "[{'from':'e','port':'out','to':'m0'},{'from':'m0','port':'out','to':'m1'},{'from':'m1','port':'out','to':'inc'},"
    "{'from':'inc','port':'out','to':'b'},{'from':'b','port':'1','to':'d'},{'from':'d','port':'out','to':'m1'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows, "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", NULL);
  sim_assert_int (&run, "flows/ms/versions/1/elements/m1/total_engagements", 105);
  sim_assert_int (&run, "flows/ms/versions/1/milestones/loop/reached", 100);
  sim_assert_int (&run, "flows/ms/versions/1/milestones/loop/profiles", 1);
  sim_assert_int (&run, "flows/ms/versions/1/milestones/first/reached", 0);
  sim_assert_int (&run, "flows/ms/versions/1/milestones/first/profiles", 0);
  sim_assert_keys (&run, "flows/ms/versions/1/milestones", "first,loop");
  /* The timeline records every milestone step. */
  g_assert_cmpuint (sim_count_lines (&run, "'step':'milestone'"), ==, 106);
  sim_assert_int (&run, "flows/ms/versions/1/overall/exits", 1);
  sim_run_clear (&run);
}

/* Outcomes: a start after a resolution opens it again (counted); a start
 * while open is ignored (no timeline step); a set while not open is
 * ignored; an open outcome at exit is abandoned, after the exit line. */
static void
test_outcome_starts_and_abandon (void)
{
  g_autofree char *f = sim_flow1 ("oc", NULL,
    "[" ENTRY_GO ","
    "{'id':'s1','type':'outcome.start','config':{'outcome':'buy'}},"
    "{'id':'k1','type':'outcome.set','config':{'outcome':'buy','result':'success'}},"
    "{'id':'s2','type':'outcome.start','config':{'outcome':'buy'}},"
    "{'id':'k2','type':'outcome.set','config':{'outcome':'buy','result':'failure'}},"
    "{'id':'s3','type':'outcome.start','config':{'outcome':'open'}},"
    "{'id':'s4','type':'outcome.start','config':{'outcome':'open'}},"
    "{'id':'k3','type':'outcome.set','config':{'outcome':'never','result':'success'}}]",
    "[{'from':'e','port':'out','to':'s1'},{'from':'s1','port':'out','to':'k1'},{'from':'k1','port':'out','to':'s2'},"
    "{'from':'s2','port':'out','to':'k2'},{'from':'k2','port':'out','to':'s3'},{'from':'s3','port':'out','to':'s4'},"
    "{'from':'s4','port':'out','to':'k3'}]");
  const char *flows[] = { f, NULL };
  SimRun run;
  JsonArray *paths;
  g_auto(GStrv) lines = NULL;
  guint exit_line = 0, abandoned_line = 0;

  sim_run (&run, flows, "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", NULL);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/buy/started", 2);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/buy/success", 1);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/buy/failure", 1);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/buy/abandoned", 0);
  sim_assert_str (&run, "flows/oc/versions/1/outcomes/buy/success_pct", "50");
  sim_assert_str (&run, "flows/oc/versions/1/outcomes/buy/failure_pct", "50");
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/buy/mean_success_seconds", 0);
  /* Equal counts: "failure" sorts before "success". */
  paths = json_node_get_array (sim_node (&run, "flows/oc/versions/1/outcomes/buy/paths"));
  g_assert_cmpuint (json_array_get_length (paths), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (paths, 0), "result"), ==, "failure");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (paths, 1), "result"), ==, "success");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (paths, 1), "count"), ==, 1);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/open/started", 1);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/open/abandoned", 1);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/never/started", 0);
  sim_assert_int (&run, "flows/oc/versions/1/outcomes/never/success", 0);
  sim_assert_str (&run, "flows/oc/versions/1/outcomes/never/success_pct", "0");
  g_assert_cmpuint (sim_count_lines (&run, "'outcome':'open','result':'started'"), ==, 1);
  g_assert_cmpuint (sim_count_lines (&run, "'outcome':'never'"), ==, 0);
  /* The exit (through k3's unconnected port) comes before the abandonment. */
  lines = g_strsplit (run.timeline, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "\"step\":\"exit\"") != NULL)
        exit_line = i + 1;
      if (strstr (lines[i], "\"result\":\"abandoned\"") != NULL)
        abandoned_line = i + 1;
    }
  g_assert_cmpuint (exit_line, >, 0);
  g_assert_cmpuint (abandoned_line, ==, exit_line + 1);
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "oc", "'step':'exit','element':'k3'"));
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "oc", "'step':'outcome','element':null,'outcome':'open','result':'abandoned'"));
  sim_run_clear (&run);
}

/* A path keeps the last 20 milestones recorded between the opening and the
 * resolution: 'z' (before the opening), 'a', then 'b' 20 times: b x 20. */
static void
test_outcome_path_last_twenty (void)
{
  g_autofree char *f = sim_flow1 ("pl",
    "{'variables':[{'name':'n','type':'number','initial':0}]}",
    "[" ENTRY_GO ","
    "{'id':'mz','type':'milestone','config':{'milestone':'z'}},"
    "{'id':'s','type':'outcome.start','config':{'outcome':'o'}},"
    "{'id':'ma','type':'milestone','config':{'milestone':'a'}},"
    "{'id':'mb','type':'milestone','config':{'milestone':'b'}},"
    "{'id':'inc','type':'set.variable','config':{'variable':'n','value':'var.n + 1'}},"
    "{'id':'br','type':'branch.condition','config':{'branches':[{'label':'more','when':'var.n < 20'}]}},"
    "{'id':'d','type':'wait.delay','config':{'duration':'0s'}},"
    "{'id':'k','type':'outcome.set','config':{'outcome':'o','result':'success'}}]",
    "[{'from':'e','port':'out','to':'mz'},{'from':'mz','port':'out','to':'s'},{'from':'s','port':'out','to':'ma'},"
    "{'from':'ma','port':'out','to':'mb'},{'from':'mb','port':'out','to':'inc'},{'from':'inc','port':'out','to':'br'},"
    "{'from':'br','port':'1','to':'d'},{'from':'d','port':'out','to':'mb'},{'from':'br','port':'else','to':'k'}]");
  const char *flows[] = { f, NULL };
  SimRun run;
  JsonArray *paths, *milestones;
  JsonObject *path;

  sim_run (&run, flows, "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", NULL);
  paths = json_node_get_array (sim_node (&run, "flows/pl/versions/1/outcomes/o/paths"));
  g_assert_cmpuint (json_array_get_length (paths), ==, 1);
  path = json_array_get_object_element (paths, 0);
  g_assert_cmpstr (json_object_get_string_member (path, "result"), ==, "success");
  g_assert_cmpint (json_object_get_int_member (path, "count"), ==, 1);
  milestones = json_object_get_array_member (path, "milestones");
  g_assert_cmpuint (json_array_get_length (milestones), ==, 20);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpstr (json_array_get_string_element (milestones, i), ==, "b");
  sim_assert_int (&run, "flows/pl/versions/1/milestones/b/reached", 20);
  sim_assert_int (&run, "flows/pl/versions/1/milestones/a/reached", 1);
  sim_assert_int (&run, "flows/pl/versions/1/milestones/z/reached", 1);
  sim_run_clear (&run);
}

/* The ten most frequent paths: count descending, then result, then the
 * joined ids. Percentages in basis points rounded half up. */
static void
test_outcome_top_ten_and_percentages (void)
{
  g_autofree char *f = sim_flow1 ("tp", NULL,
    "[" ENTRY_GO ","
    "{'id':'s','type':'outcome.start','config':{'outcome':'o'}},"
    "{'id':'b','type':'branch.condition','config':{'branches':["
    "{'label':'1','when':'profile.k == 1'},{'label':'2','when':'profile.k == 2'},{'label':'3','when':'profile.k == 3'},"
    "{'label':'4','when':'profile.k == 4'},{'label':'5','when':'profile.k == 5'},{'label':'6','when':'profile.k == 6'}]}},"
    "{'id':'m1','type':'milestone','config':{'milestone':'k1'}},{'id':'m2','type':'milestone','config':{'milestone':'k2'}},"
    "{'id':'m3','type':'milestone','config':{'milestone':'k3'}},{'id':'m4','type':'milestone','config':{'milestone':'k4'}},"
    "{'id':'m5','type':'milestone','config':{'milestone':'k5'}},{'id':'m6','type':'milestone','config':{'milestone':'k6'}},"
    "{'id':'r','type':'branch.condition','config':{'branches':[{'label':'ok','when':'profile.r == `ok`'}]}},"
    "{'id':'ks','type':'outcome.set','config':{'outcome':'o','result':'success'}},"
    "{'id':'kf','type':'outcome.set','config':{'outcome':'o','result':'failure'}}]",
    "[{'from':'e','port':'out','to':'s'},{'from':'s','port':'out','to':'b'},"
    "{'from':'b','port':'1','to':'m1'},{'from':'b','port':'2','to':'m2'},{'from':'b','port':'3','to':'m3'},"
    "{'from':'b','port':'4','to':'m4'},{'from':'b','port':'5','to':'m5'},{'from':'b','port':'6','to':'m6'},"
    "{'from':'b','port':'else','to':'r'},{'from':'m1','port':'out','to':'r'},{'from':'m2','port':'out','to':'r'},"
    "{'from':'m3','port':'out','to':'r'},{'from':'m4','port':'out','to':'r'},{'from':'m5','port':'out','to':'r'},"
    "{'from':'m6','port':'out','to':'r'},{'from':'r','port':'1','to':'ks'},{'from':'r','port':'else','to':'kf'}]");
  /* Paths wanted (k 0 is no milestone): */
  static const struct { int k; gboolean ok; int n; } groups[] = {
    { 1, TRUE, 5 }, { 1, FALSE, 5 }, { 2, TRUE, 4 }, { 3, TRUE, 4 }, { 2, FALSE, 3 }, { 0, TRUE, 3 },
    { 4, TRUE, 3 }, { 3, FALSE, 2 }, { 4, FALSE, 2 }, { 5, TRUE, 2 }, { 5, FALSE, 1 }, { 6, TRUE, 1 },
    { 0, FALSE, 1 },
  };
  /* Sorted: count desc, result ("failure" < "success"), ids ("" < "k4"). */
  static const struct { const char *result; const char *milestone; int count; } expected[] = {
    { "failure", "k1", 5 }, { "success", "k1", 5 }, { "success", "k2", 4 }, { "success", "k3", 4 },
    { "failure", "k2", 3 }, { "success", NULL, 3 }, { "success", "k4", 3 }, { "failure", "k3", 2 },
    { "failure", "k4", 2 }, { "success", "k5", 2 },
  };
  const char *flows[] = { f, NULL };
  g_autoptr(GString) profiles = g_string_new (NULL);
  guint id = 0;
  SimRun run;
  JsonArray *paths;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (int i = 0; i < groups[g].n; i++)
      g_string_append_printf (profiles, "{'id':'p%u','attributes':{'k':%d,'r':'%s'},"
                              "'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n",
                              ++id, groups[g].k, groups[g].ok ? "ok" : "no");
  sim_run (&run, flows, profiles->str, NULL);
  /* 36 started, 22 successes (6111.1 bp -> 61.11), 14 failures (3888.9 -> 38.89). */
  sim_assert_int (&run, "flows/tp/versions/1/outcomes/o/started", 36);
  sim_assert_int (&run, "flows/tp/versions/1/outcomes/o/success", 22);
  sim_assert_int (&run, "flows/tp/versions/1/outcomes/o/failure", 14);
  sim_assert_str (&run, "flows/tp/versions/1/outcomes/o/success_pct", "61.11");
  sim_assert_str (&run, "flows/tp/versions/1/outcomes/o/failure_pct", "38.89");
  paths = json_node_get_array (sim_node (&run, "flows/tp/versions/1/outcomes/o/paths"));
  g_assert_cmpuint (json_array_get_length (paths), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      JsonObject *path = json_array_get_object_element (paths, i);
      JsonArray *ms = json_object_get_array_member (path, "milestones");

      g_assert_cmpstr (json_object_get_string_member (path, "result"), ==, expected[i].result);
      g_assert_cmpint (json_object_get_int_member (path, "count"), ==, expected[i].count);
      if (expected[i].milestone == NULL)
        g_assert_cmpuint (json_array_get_length (ms), ==, 0);
      else
        {
          g_assert_cmpuint (json_array_get_length (ms), ==, 1);
          g_assert_cmpstr (json_array_get_string_element (ms, 0), ==, expected[i].milestone);
        }
    }
  sim_run_clear (&run);
}

/* Half-up rounding: 3 of 32 is 937.5 bp (9.38), 29 of 32 is 9062.5 bp
 * (90.63; half-even would give 90.62); successes after 2 s and 3 s have
 * a mean of 2.5 s, written 3 (half-even would give 2). */
static void
test_outcome_rounding_half_up (void)
{
  g_autofree char *pc = sim_flow1 ("pc", NULL,
    "[" ENTRY_GO ","
    "{'id':'s','type':'outcome.start','config':{'outcome':'o'}},"
    "{'id':'r','type':'branch.condition','config':{'branches':[{'label':'ok','when':'profile.r == `ok`'}]}},"
    "{'id':'ks','type':'outcome.set','config':{'outcome':'o','result':'success'}},"
    "{'id':'kf','type':'outcome.set','config':{'outcome':'o','result':'failure'}}]",
    "[{'from':'e','port':'out','to':'s'},{'from':'s','port':'out','to':'r'},"
    "{'from':'r','port':'1','to':'ks'},{'from':'r','port':'else','to':'kf'}]");
  g_autofree char *mn = sim_flow1 ("mn", NULL,
    "[{'id':'e','type':'entry.event','config':{'event':'Mean'}},"
    "{'id':'s','type':'outcome.start','config':{'outcome':'o'}},"
    "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'two','when':'profile.k == 1'}]}},"
    "{'id':'d2','type':'wait.delay','config':{'duration':'2s'}},"
    "{'id':'d3','type':'wait.delay','config':{'duration':'3s'}},"
    "{'id':'ks','type':'outcome.set','config':{'outcome':'o','result':'success'}}]",
    "[{'from':'e','port':'out','to':'s'},{'from':'s','port':'out','to':'b'},{'from':'b','port':'1','to':'d2'},"
    "{'from':'b','port':'else','to':'d3'},{'from':'d2','port':'out','to':'ks'},{'from':'d3','port':'out','to':'ks'}]");
  const char *flows[] = { pc, mn, NULL };
  g_autoptr(GString) profiles = g_string_new (NULL);
  SimRun run;

  for (guint i = 1; i <= 32; i++)
    g_string_append_printf (profiles, "{'id':'p%u','attributes':{'r':'%s'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n",
                            i, i <= 3 ? "ok" : "no");
  g_string_append (profiles,
                   "{'id':'m1','attributes':{'k':1},'events':[{'name':'Mean','at':'2026-01-05T10:00:00Z'}]}\n"
                   "{'id':'m2','attributes':{'k':2},'events':[{'name':'Mean','at':'2026-01-05T10:00:00Z'}]}\n");
  sim_run (&run, flows, profiles->str, NULL);
  sim_assert_str (&run, "flows/pc/versions/1/outcomes/o/success_pct", "9.38");
  sim_assert_str (&run, "flows/pc/versions/1/outcomes/o/failure_pct", "90.63");
  sim_assert_int (&run, "flows/mn/versions/1/outcomes/o/success", 2);
  sim_assert_int (&run, "flows/mn/versions/1/outcomes/o/mean_success_seconds", 3);
  sim_assert_str (&run, "flows/mn/versions/1/outcomes/o/success_pct", "100");
  sim_run_clear (&run);
}

/* Goals: the window's last second counts; the latest entry converts, once;
 * the goal step comes before the entry step of the same event. */
static void
test_goals_window_latest_once (void)
{
  g_autofree char *g = sim_flow1 ("g", "{'goal':{'event':'Buy','window':'1h'}}", "[" ENTRY_GO "]", NULL);
  g_autofree char *g2 = sim_flow1 ("g2", "{'goal':{'event':'Pay','window':'1d'}}",
    "[{'id':'e','type':'entry.event','config':{'event':'Pay'}}]", NULL);
  const char *flows[] = { g, g2, NULL };
  SimRun run;

  sim_run (&run, flows,
           /* exit at 10:00, Buy at 11:00 = exit + window: converts */
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Buy','at':'2026-01-05T11:00:00Z'}]}\n"
           /* one second late */
           "{'id':'p2','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Buy','at':'2026-01-05T11:00:01Z'}]}\n"
           /* entry 2 converts at 10:45; at 10:50 the latest has converted: nothing */
           "{'id':'p3','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Go','at':'2026-01-05T10:30:00Z'},"
           "{'name':'Buy','at':'2026-01-05T10:45:00Z'},{'name':'Buy','at':'2026-01-05T10:50:00Z'}]}\n"
           /* the first Pay enters (goals are looked at before entries); the second converts entry 1 */
           "{'id':'p4','events':[{'name':'Pay','at':'2026-01-05T10:00:00Z'},{'name':'Pay','at':'2026-01-05T12:00:00Z'}]}\n",
           NULL);
  sim_assert_int (&run, "flows/g/versions/1/overall/goal_conversions", 2);
  sim_assert_int (&run, "flows/g/versions/1/overall/goal_performers", 2);
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "g", "'step':'goal','event':'Buy','value':null"));
  sim_assert_line (&run, TLV ("p3", "2026-01-05T10:45:00Z", "g", "1", "2", "'step':'goal','event':'Buy','value':null"));
  g_assert_cmpuint (sim_count_lines (&run, "'step':'goal'"), ==, 3);
  sim_assert_int (&run, "flows/g2/versions/1/overall/entries", 2);
  sim_assert_int (&run, "flows/g2/versions/1/overall/goal_conversions", 1);
  sim_assert_line (&run, TL ("p4", "2026-01-05T12:00:00Z", "g2", "'step':'goal','event':'Pay','value':null"));
  sim_assert_str (&run, "flows/g/versions/1/overall/goal_value", "0");
  sim_run_clear (&run);
}

/* Goal values are rounded to micro-units from the double, halfway away from
 * zero; a value that is not a number converts with no value. */
static void
test_goal_value_rounding (void)
{
  g_autofree char *f = sim_flow1 ("gv", "{'goal':{'event':'Order','value':'amount','window':'1d'}}", "[" ENTRY_GO "]", NULL);
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p5','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Order','at':'2026-01-05T10:10:00Z','properties':{'amount':1.2345674}}]}\n"
           "{'id':'p6','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Order','at':'2026-01-05T10:10:00Z','properties':{'amount':1.2345676}}]}\n"
           "{'id':'p7','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Order','at':'2026-01-05T10:10:00Z','properties':{'amount':'12'}}]}\n"
           "{'id':'p8','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Order','at':'2026-01-05T10:10:00Z','properties':{'amount':0.0000005}}]}\n"
           "{'id':'p9','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Order','at':'2026-01-05T10:10:00Z','properties':{'amount':-2.5000005}}]}\n",
           NULL);
  /* 1.234567 + 1.234568 + 0 + 0 - 2.500001 (the double of -2.5000005 is
   * -2.50000050000000005..., more than half a micro-unit) = -0.030866. */
  sim_assert_int (&run, "flows/gv/versions/1/overall/goal_conversions", 5);
  sim_assert_str (&run, "flows/gv/versions/1/overall/goal_value", "-0.030866");
  sim_assert_line (&run, TL ("p5", "2026-01-05T10:10:00Z", "gv", "'step':'goal','event':'Order','value':1.234567"));
  sim_assert_line (&run, TL ("p7", "2026-01-05T10:10:00Z", "gv", "'step':'goal','event':'Order','value':null"));
  sim_run_clear (&run);
}

/* Re-entry rules, each flow on its own event name, and their order. */
static void
test_reentry_rules (void)
{
  g_autofree char *ri = sim_flow1 ("ri", NULL,
    "[{'id':'e','type':'entry.event','config':{'event':'In'}},{'id':'w','type':'wait.delay','config':{'duration':'1d'}}]",
    "[{'from':'e','port':'out','to':'w'}]");
  g_autofree char *rn = sim_flow1 ("rn", "{'reentry':{'enabled':false}}",
    "[{'id':'e','type':'entry.event','config':{'event':'Once'}}]", NULL);
  /* inside comes before no-reentry */
  g_autofree char *rni = sim_flow1 ("rni", "{'reentry':{'enabled':false}}",
    "[{'id':'e','type':'entry.event','config':{'event':'OnceIn'}},{'id':'w','type':'wait.delay','config':{'duration':'1d'}}]",
    "[{'from':'e','port':'out','to':'w'}]");
  g_autofree char *rd = sim_flow1 ("rd", "{'reentry':{'enabled':true,'delay':'1h'}}",
    "[{'id':'e','type':'entry.event','config':{'event':'Delay'}}]", NULL);
  g_autofree char *rl = sim_flow1 ("rl", "{'reentry':{'limits':[{'count':2,'period':'1d'}]}}",
    "[{'id':'e','type':'entry.event','config':{'event':'Limit'}}]", NULL);
  /* delay comes before limit */
  g_autofree char *rdl = sim_flow1 ("rdl", "{'reentry':{'delay':'1h','limits':[{'count':1,'period':'1d'}]}}",
    "[{'id':'e','type':'entry.event','config':{'event':'Both'}}]", NULL);
  const char *flows[] = { ri, rn, rni, rd, rl, rdl, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':["
           "{'name':'In','at':'2026-01-05T10:00:00Z'},{'name':'In','at':'2026-01-05T11:00:00Z'},"
           "{'name':'Once','at':'2026-01-05T10:00:00Z'},{'name':'Once','at':'2026-01-05T11:00:00Z'},"
           "{'name':'OnceIn','at':'2026-01-05T10:00:00Z'},{'name':'OnceIn','at':'2026-01-05T11:00:00Z'},"
           "{'name':'Delay','at':'2026-01-05T10:00:00Z'},{'name':'Delay','at':'2026-01-05T10:59:59Z'},"
           "{'name':'Delay','at':'2026-01-05T11:00:00Z'},"
           "{'name':'Limit','at':'2026-01-05T10:00:00Z'},{'name':'Limit','at':'2026-01-05T11:00:00Z'},"
           "{'name':'Limit','at':'2026-01-05T12:00:00Z'},{'name':'Limit','at':'2026-01-06T10:00:00Z'},"
           "{'name':'Limit','at':'2026-01-06T10:30:00Z'},"
           "{'name':'Both','at':'2026-01-05T10:00:00Z'},{'name':'Both','at':'2026-01-05T10:30:00Z'},"
           "{'name':'Both','at':'2026-01-05T12:00:00Z'}]}\n", NULL);
  sim_assert_int (&run, "flows/ri/versions/1/overall/entries", 1);
  sim_assert_int (&run, "flows/ri/versions/1/rejections/inside", 1);
  sim_assert_int (&run, "flows/rn/versions/1/overall/entries", 1);
  sim_assert_int (&run, "flows/rn/versions/1/rejections/no-reentry", 1);
  sim_assert_int (&run, "flows/rni/versions/1/rejections/inside", 1);
  sim_assert_int (&run, "flows/rni/versions/1/rejections/no-reentry", 0);
  /* exit 10:00 + 1h = 11:00 is later than 10:59:59, not than 11:00 */
  sim_assert_int (&run, "flows/rd/versions/1/overall/entries", 2);
  sim_assert_int (&run, "flows/rd/versions/1/rejections/delay", 1);
  sim_assert_line (&run, "{'profile':'p1','at':'2026-01-05T10:59:59Z','flow':'rd','version':1,'entry':null,'step':'rejected','reason':'delay'}");
  /* 12:00 has two entries in (11:00 the day before, 12:00]; 6 Jan 10:00
   * has one (5 Jan 10:00 is not later than t - 1d); 10:30 has two. */
  sim_assert_int (&run, "flows/rl/versions/1/overall/entries", 3);
  sim_assert_int (&run, "flows/rl/versions/1/rejections/limit", 2);
  sim_assert_line (&run, TLV ("p1", "2026-01-06T10:00:00Z", "rl", "1", "3", "'step':'enter','element':'e'"));
  sim_assert_int (&run, "flows/rdl/versions/1/rejections/delay", 1);
  sim_assert_int (&run, "flows/rdl/versions/1/rejections/limit", 1);
  sim_assert_int (&run, "flows/rdl/all/rejections/delay", 1);
  sim_run_clear (&run);
}

#define V(n, launched, rest) \
  "{'number':" n ",'status':'active','created_at':'2025-12-01T00:00:00Z','launched_at':'" launched "'" rest "}"
#define WAIT_10D_ELEMENTS \
  ",'elements':[" ENTRY_GO ",{'id':'w','type':'wait.delay','config':{'duration':'10d'}}]," \
  "'connections':[{'from':'e','port':'out','to':'w'}]"

/* Versions: [A, B) windows, finishing tokens stay in their version, `all`
 * counts a profile once; a draft last version takes part at schedule.start;
 * a version without launched_at beside a launched one does not. */
static void
test_versions_windows_and_all (void)
{
  g_autofree char *vr = sim_flow ("vr", "UTC", "{'start':null,'end':null,'indefinite':true}",
    "[" V ("1", "2026-01-01T00:00:00Z", WAIT_10D_ELEMENTS) "," V ("2", "2026-01-10T00:00:00Z", WAIT_10D_ELEMENTS) "]");
  g_autofree char *dr = sim_flow ("dr", "UTC", "{'start':'2026-01-10T00:00:00Z','end':null,'indefinite':true}",
    "[{'number':1,'status':'draft','created_at':'2025-12-01T00:00:00Z','elements':[{'id':'e','type':'entry.event','config':{'event':'Draft'}}],'connections':[]}]");
  g_autofree char *dv = sim_flow ("dv", "UTC", "{'start':null,'end':null,'indefinite':true}",
    "[" V ("1", "2026-01-01T00:00:00Z", ",'elements':[{'id':'e','type':'entry.event','config':{'event':'Draft'}}],'connections':[]") ","
    "{'number':2,'status':'draft','created_at':'2026-01-02T00:00:00Z','elements':[{'id':'e','type':'entry.event','config':{'event':'Draft'}}],'connections':[]}]");
  const char *flows[] = { vr, dr, dv, NULL };
  SimRun run;

  sim_run (&run, flows,
           /* v1 on 5 Jan (finishes in v1 on 15 Jan), v2 on 16 Jan */
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Go','at':'2026-01-16T10:00:00Z'}]}\n"
           /* v1 on 9 Jan; on 12 Jan still inside v1: rejected by v2's rules */
           "{'id':'p2','events':[{'name':'Go','at':'2026-01-09T10:00:00Z'},{'name':'Go','at':'2026-01-12T10:00:00Z'},"
           "{'name':'Draft','at':'2026-01-05T10:00:00Z'},{'name':'Draft','at':'2026-01-12T10:00:00Z'}]}\n",
           NULL);
  sim_assert_keys (&run, "flows/vr/versions", "1,2");
  sim_assert_int (&run, "flows/vr/versions/1/overall/entries", 2);
  sim_assert_int (&run, "flows/vr/versions/1/overall/exits", 2);
  sim_assert_line (&run, TL ("p1", "2026-01-15T10:00:00Z", "vr", "'step':'exit','element':'w'"));
  sim_assert_int (&run, "flows/vr/versions/2/overall/entries", 1);
  sim_assert_int (&run, "flows/vr/versions/2/rejections/inside", 1);
  sim_assert_int (&run, "flows/vr/versions/1/rejections/inside", 0);
  sim_assert_line (&run, TLV ("p1", "2026-01-16T10:00:00Z", "vr", "2", "2", "'step':'enter','element':'e'"));
  /* p1 ends the run inside v2 (exit on 26 Jan, before the end: 1 Feb). */
  sim_assert_int (&run, "flows/vr/versions/2/overall/exits", 1);
  sim_assert_int (&run, "flows/vr/all/overall/entries", 3);
  sim_assert_int (&run, "flows/vr/all/overall/profiles_in_flow", 2);
  sim_assert_int (&run, "flows/vr/all/overall/exits", 3);
  sim_assert_int (&run, "flows/vr/all/overall/profiles_exited", 2);
  sim_assert_int (&run, "flows/vr/all/elements/w/unique_users", 2);
  sim_assert_int (&run, "flows/vr/all/elements/w/total_engagements", 3);
  sim_assert_int (&run, "flows/vr/versions/1/elements/w/unique_users", 2);
  sim_assert_int (&run, "flows/vr/versions/2/elements/w/unique_users", 1);
  sim_assert_int (&run, "flows/vr/all/rejections/inside", 1);
  /* dr: the draft takes part from schedule.start (10 Jan). */
  sim_assert_keys (&run, "flows/dr/versions", "1");
  sim_assert_int (&run, "flows/dr/versions/1/overall/entries", 1);
  sim_assert_line (&run, TL ("p2", "2026-01-12T10:00:00Z", "dr", "'step':'enter','element':'e'"));
  /* dv: only the launched version takes part. */
  sim_assert_keys (&run, "flows/dv/versions", "1");
  sim_assert_int (&run, "flows/dv/versions/1/overall/entries", 2);
  sim_run_clear (&run);
}

/* schedule.end null and not indefinite: B = first launched_at + 90 days. */
static void
test_versions_ninety_day_default (void)
{
  g_autofree char *nd = sim_flow ("nd", "UTC", "{'start':null,'end':null,'indefinite':false}",
    "[" V ("1", "2026-01-01T00:00:00Z", ",'elements':[" ENTRY_GO "],'connections':[]") "]");
  const char *flows[] = { nd, NULL };
  SimSetup setup = { .end = "2026-05-01T00:00:00Z" };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-03-31T23:59:59Z'}]}\n"
           "{'id':'p2','events':[{'name':'Go','at':'2026-04-01T00:00:00Z'}]}\n", &setup);
  sim_assert_int (&run, "flows/nd/versions/1/overall/entries", 1);
  sim_assert_line (&run, TL ("p1", "2026-03-31T23:59:59Z", "nd", "'step':'enter','element':'e'"));
  /* Not an attempt at all (only add.to.flow meets `inactive`). */
  sim_assert_int (&run, "flows/nd/all/rejections/inactive", 0);
  g_assert_cmpuint (sim_count_lines (&run, "'step':'rejected'"), ==, 0);
  sim_run_clear (&run);
}

/* stopped_at: the removal comes before the event of the same second; it is
 * `stopped`, abandons open outcomes, and the entry converts no goal after. */
static void
test_versions_stop_removal (void)
{
  g_autofree char *st = sim_flow ("st", "UTC", "{'start':null,'end':null,'indefinite':true}",
    "[{'number':1,'status':'stopped','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-01T00:00:00Z',"
    "'stopped_at':'2026-01-10T00:00:00Z','settings':{'goal':{'event':'Buy','window':'30d'}},"
    "'elements':[" ENTRY_GO ",{'id':'os','type':'outcome.start','config':{'outcome':'o'}},"
    "{'id':'w','type':'wait.event','config':{'event':'Reply','timeout':'30d'}}],"
    "'connections':[{'from':'e','port':'out','to':'os'},{'from':'os','port':'out','to':'w'}]}]");
  const char *flows[] = { st, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Reply','at':'2026-01-10T00:00:00Z'},"
           "{'name':'Buy','at':'2026-01-11T00:00:00Z'}]}\n"
           "{'id':'p2','events':[{'name':'Go','at':'2026-01-10T00:00:00Z'}]}\n", NULL);
  sim_assert_int (&run, "flows/st/versions/1/overall/entries", 1);
  sim_assert_int (&run, "flows/st/versions/1/overall/stopped", 1);
  sim_assert_int (&run, "flows/st/versions/1/overall/exits", 0);
  sim_assert_int (&run, "flows/st/versions/1/overall/in_progress", 0);
  sim_assert_int (&run, "flows/st/versions/1/overall/goal_conversions", 0);
  sim_assert_int (&run, "flows/st/versions/1/elements/w/ports/occurred", 0);
  sim_assert_int (&run, "flows/st/versions/1/elements/w/ports/timeout", 0);
  sim_assert_int (&run, "flows/st/versions/1/outcomes/o/abandoned", 1);
  sim_assert_line (&run, TL ("p1", "2026-01-10T00:00:00Z", "st", "'step':'stopped'"));
  sim_assert_line (&run, TL ("p1", "2026-01-10T00:00:00Z", "st", "'step':'outcome','element':null,'outcome':'o','result':'abandoned'"));
  g_assert_cmpuint (sim_count_lines (&run, "'step':'goal'"), ==, 0);
  sim_run_clear (&run);
}

/* --try: the tried version alone, as if launched at the run start, with
 * B = A + 90 days when the schedule has no end and is not indefinite. */
static void
test_versions_try (void)
{
  g_autofree char *tr = sim_flow ("tr", "UTC", "{'start':null,'end':null,'indefinite':false}",
    "[{'number':1,'status':'stopped','created_at':'2025-05-01T00:00:00Z','launched_at':'2025-06-01T00:00:00Z',"
    "'stopped_at':'2025-07-01T00:00:00Z','elements':[" ENTRY_GO "],'connections':[]},"
    "{'number':2,'status':'draft','created_at':'2025-08-01T00:00:00Z','elements':[" ENTRY_GO
    ",{'id':'x','type':'exit'}],'connections':[{'from':'e','port':'out','to':'x'}]}]");
  const char *flows[] = { tr, NULL };
  const char *profiles =
    "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
    "{'id':'p2','events':[{'name':'Go','at':'2026-03-31T23:59:59Z'}]}\n"
    "{'id':'p3','events':[{'name':'Go','at':'2026-04-01T00:00:00Z'}]}\n";
  SimSetup two = { .end = "2026-05-01T00:00:00Z", .tries = "tr:2" };
  SimSetup one = { .end = "2026-05-01T00:00:00Z", .tries = "tr:1" };
  SimRun run;

  sim_run (&run, flows, profiles, &two);
  sim_assert_keys (&run, "flows/tr/versions", "2");
  sim_assert_int (&run, "flows/tr/versions/2/overall/entries", 2);
  sim_assert_int (&run, "flows/tr/versions/2/elements/x/total_engagements", 2);
  sim_assert_keys (&run, "flows/tr/versions/2/elements/x/ports", "");
  sim_assert_line (&run, TLV ("p1", "2026-01-05T10:00:00Z", "tr", "2", "1", "'step':'exit','element':'x'"));
  sim_run_clear (&run);

  /* v1 was stopped long before the run: tried, it takes part all the same. */
  sim_run (&run, flows, profiles, &one);
  sim_assert_keys (&run, "flows/tr/versions", "1");
  sim_assert_int (&run, "flows/tr/versions/1/overall/entries", 2);
  sim_assert_int (&run, "flows/tr/versions/1/overall/stopped", 0);
  sim_run_clear (&run);
}

/* The 10,001st visit at one instant removes the token: one error, not an
 * exit, not stopped, open outcomes abandoned, no goal afterwards. Visits:
 * e 1, os 2, then wd 3..10001 (9999 visits, 9998 departures). */
static void
test_visit_limit_error (void)
{
  g_autofree char *f = sim_flow1 ("lp", "{'goal':{'event':'Buy','window':'1d'}}",
    "[" ENTRY_GO ",{'id':'os','type':'outcome.start','config':{'outcome':'o'}},"
    "{'id':'wd','type':'wait.delay','config':{'duration':'0s'}}]",
    "[{'from':'e','port':'out','to':'os'},{'from':'os','port':'out','to':'wd'},{'from':'wd','port':'out','to':'wd'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'},{'name':'Buy','at':'2026-01-05T11:00:00Z'}]}\n", NULL);
  sim_assert_int (&run, "flows/lp/versions/1/overall/errors", 1);
  sim_assert_int (&run, "flows/lp/versions/1/overall/exits", 0);
  sim_assert_int (&run, "flows/lp/versions/1/overall/stopped", 0);
  sim_assert_int (&run, "flows/lp/versions/1/overall/in_progress", 0);
  sim_assert_int (&run, "flows/lp/versions/1/overall/goal_conversions", 0);
  sim_assert_int (&run, "flows/lp/versions/1/elements/wd/total_engagements", 9999);
  sim_assert_int (&run, "flows/lp/versions/1/elements/wd/ports/out", 9998);
  sim_assert_int (&run, "flows/lp/versions/1/outcomes/o/abandoned", 1);
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "lp", "'step':'error','element':'wd'"));
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "lp", "'step':'outcome','element':null,'outcome':'o','result':'abandoned'"));
  sim_run_clear (&run);
}

/* At the run end: in_progress, milestones of the open entry counted, an
 * open outcome neither resolved nor abandoned. */
static void
test_run_end_in_progress (void)
{
  g_autofree char *f = sim_flow1 ("ip", NULL,
    "[" ENTRY_GO ",{'id':'os','type':'outcome.start','config':{'outcome':'o'}},"
    "{'id':'m','type':'milestone','config':{'milestone':'mm'}},"
    "{'id':'w','type':'wait.delay','config':{'duration':'30d'}}]",
    "[{'from':'e','port':'out','to':'os'},{'from':'os','port':'out','to':'m'},{'from':'m','port':'out','to':'w'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows, "{'id':'p1','events':[{'name':'Go','at':'2026-01-20T10:00:00Z'},"
                        "{'name':'Go','at':'2026-03-20T10:00:00Z'}]}\n", NULL);
  sim_assert_int (&run, "run/events", 2);
  sim_assert_int (&run, "flows/ip/versions/1/overall/entries", 1);
  sim_assert_int (&run, "flows/ip/versions/1/overall/in_progress", 1);
  sim_assert_int (&run, "flows/ip/versions/1/overall/exits", 0);
  sim_assert_int (&run, "flows/ip/versions/1/elements/w/ports/out", 0);
  sim_assert_int (&run, "flows/ip/versions/1/milestones/mm/reached", 1);
  sim_assert_int (&run, "flows/ip/versions/1/outcomes/o/started", 1);
  sim_assert_int (&run, "flows/ip/versions/1/outcomes/o/abandoned", 0);
  sim_assert_int (&run, "flows/ip/versions/1/outcomes/o/success", 0);
  /* The event after the end is counted in run.events but not dispatched. */
  g_assert_cmpuint (sim_count_lines (&run, "'step':'event'"), ==, 1);
  sim_run_clear (&run);
}

/* engaged: per UTC month of s, the profiles sent at least one message. */
static void
test_engaged_months (void)
{
  g_autofree char *f = sim_flow1 ("en", NULL,
    "[" ENTRY_GO ",{'id':'s1','type':'send.sms','config':{'sender':'S','text':'a'}},"
    "{'id':'w','type':'wait.delay','config':{'duration':'2h'}},"
    "{'id':'s2','type':'send.sms','config':{'sender':'S','text':'b'}}]",
    "[{'from':'e','port':'out','to':'s1'},{'from':'s1','port':'out','to':'w'},{'from':'w','port':'out','to':'s2'}]");
  g_autofree char *none = sim_flow1 ("none", NULL,
    "[" ENTRY_GO ",{'id':'s','type':'send.push','config':{'app':'A','title':'t','text':'x'}}]",
    "[{'from':'e','port':'out','to':'s'}]");
  const char *flows[] = { f, none, NULL };
  SimSetup setup = { .end = "2026-02-10T00:00:00Z", .params = NONE_DELIVERED };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-31T23:00:00Z'}]}\n"
           "{'id':'p2','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-10T10:00:00Z'}]}\n"
           "{'id':'p3','events':[{'name':'Go','at':'2026-01-10T10:00:00Z'}]}\n", &setup);
  sim_assert_keys (&run, "flows/en/versions/1/engaged", "2026-01,2026-02");
  sim_assert_int (&run, "flows/en/versions/1/engaged/2026-01", 2);
  sim_assert_int (&run, "flows/en/versions/1/engaged/2026-02", 1);
  sim_assert_int (&run, "flows/en/all/engaged/2026-01", 2);
  /* No push token anywhere: nothing sent, engaged is {}. */
  sim_assert_keys (&run, "flows/none/versions/1/engaged", "");
  sim_assert_int (&run, "flows/none/versions/1/channels/push/no_contact", 3);
  sim_run_clear (&run);
}

/* Reactions: active_profiles counts opens and clicks at or before the end;
 * a reaction after the end is null in the timeline and not counted. */
static void
test_reactions_and_active_profiles (void)
{
  g_autofree char *f = sim_flow1 ("ac", NULL,
    "[" ENTRY_GO ",{'id':'m','type':'send.email','config':{'from':'shop@example.com','subject':'Hi','body':'x'}}]",
    "[{'from':'e','port':'out','to':'m'}]");
  const char *flows[] = { f, NULL };
  SimSetup setup = { .params = ALL_AT_ONCE };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','attributes':{'email':'a@b.cd'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p2','attributes':{'email':'a@b.cd','sim_open':0},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p3','attributes':{'email':'a@b.cd','sim_click':0},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p4','events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", &setup);
  sim_assert_int (&run, "flows/ac/versions/1/channels/email/sends", 3);
  sim_assert_int (&run, "flows/ac/versions/1/channels/email/delivered", 3);
  sim_assert_int (&run, "flows/ac/versions/1/channels/email/opened", 2);
  sim_assert_int (&run, "flows/ac/versions/1/channels/email/clicked", 1);
  sim_assert_int (&run, "flows/ac/versions/1/overall/active_profiles", 2);
  sim_assert_line (&run, TL ("p2", "2026-01-05T10:00:00Z", "ac",
                             "'step':'send','element':'m','channel':'email','messages':1,'cost':0.0008,"
                             "'delivered':'2026-01-05T10:00:00Z','opened':false,'clicked':false"));
  sim_run_clear (&run);
}

/* Clicks with mean delay 3600 s, sent at 23:40:00 on 31 Jan (end 1 Feb):
 * "1|p1|late|1|1|s|1|clicked-delay" u = 0.3886391801979291, 1771 s: 00:09:31
 * after the end (null, not counted); "1|p2|late|1|1|s|1|clicked-delay"
 * u = 0.25455159277458617, 1057 s: 23:57:37, counted. */
static void
test_reaction_after_end (void)
{
  g_autofree char *f = sim_flow1 ("late", NULL,
    "[" ENTRY_GO ",{'id':'s','type':'send.sms','config':{'sender':'S','text':'x'}}]",
    "[{'from':'e','port':'out','to':'s'}]");
  const char *flows[] = { f, NULL };
  SimSetup setup = { .params = "{'channels':{'sms':{'delivery':1,'click':1,'delivery_delay':0,'click_delay':3600}}}" };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-31T23:40:00Z'}]}\n"
           "{'id':'p2','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-31T23:40:00Z'}]}\n", &setup);
  sim_assert_line (&run, TL ("p1", "2026-01-31T23:40:00Z", "late",
                             "'step':'send','element':'s','channel':'sms','messages':1,'cost':0.0075,"
                             "'delivered':'2026-01-31T23:40:00Z','clicked':null"));
  sim_assert_line (&run, TL ("p2", "2026-01-31T23:40:00Z", "late",
                             "'step':'send','element':'s','channel':'sms','messages':1,'cost':0.0075,"
                             "'delivered':'2026-01-31T23:40:00Z','clicked':'2026-01-31T23:57:37Z'"));
  sim_assert_int (&run, "flows/late/versions/1/channels/sms/delivered", 2);
  sim_assert_int (&run, "flows/late/versions/1/channels/sms/clicked", 1);
  sim_assert_int (&run, "flows/late/versions/1/overall/active_profiles", 1);
  sim_run_clear (&run);
}

/* Which keys appear, and in which order. */
static void
test_report_key_sets (void)
{
  g_autofree char *f = sim_flow1 ("ks", NULL,
    "[" ENTRY_GO ","
    "{'id':'br','type':'branch.condition','config':{'branches':[{'label':'a','when':'profile.a'},{'label':'b','when':'profile.b'}]}},"
    "{'id':'pu','type':'send.push','config':{'app':'A','title':'t','text':'x'}},"
    "{'id':'em','type':'send.email','config':{'from':'shop@example.com','subject':'s','body':'b'}},"
    "{'id':'nt','type':'notify.internal','config':{'channel':'sms','recipient':'r','text':'x'}},"
    "{'id':'ms','type':'milestone','config':{'milestone':'m1'}},"
    "{'id':'os','type':'outcome.start','config':{'outcome':'o1'}},"
    "{'id':'x','type':'exit'}]",
    "[{'from':'e','port':'out','to':'br'},{'from':'br','port':'1','to':'pu'},{'from':'br','port':'2','to':'em'},"
    "{'from':'br','port':'else','to':'nt'},{'from':'pu','port':'out','to':'ms'},{'from':'em','port':'out','to':'os'},"
    "{'from':'nt','port':'out','to':'x'}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows, "{'id':'p1'}\n", NULL);
  sim_assert_keys (&run, "", "format,format_version,run,flows");
  sim_assert_keys (&run, "run", "start,end,seed,profiles,events,rejected_lines");
  g_assert_cmpstr (json_node_get_string (sim_node (&run, "run/start")), ==, "2026-01-01T00:00:00Z");
  sim_assert_keys (&run, "flows/ks", "name,all,versions");
  sim_assert_keys (&run, "flows/ks/versions/1", "overall,rejections,channels,elements,milestones,outcomes,engaged");
  sim_assert_keys (&run, "flows/ks/versions/1/overall",
                   "entries,profiles_in_flow,exits,profiles_exited,stopped,in_progress,active_profiles,"
                   "goal_conversions,goal_performers,goal_value,sends,messages_sent,no_contact,notifications,"
                   "traffic_cost,errors");
  sim_assert_keys (&run, "flows/ks/versions/1/rejections", "inactive,inside,no-reentry,delay,limit");
  /* the table's order: email before push */
  sim_assert_keys (&run, "flows/ks/versions/1/channels", "email,push");
  sim_assert_keys (&run, "flows/ks/versions/1/channels/push", "sends,messages,no_contact,delivered,opened,clicked,cost");
  sim_assert_keys (&run, "flows/ks/versions/1/elements", "br,e,em,ms,nt,os,pu,x");
  sim_assert_keys (&run, "flows/ks/versions/1/elements/br/ports", "1,2,else");
  sim_assert_keys (&run, "flows/ks/versions/1/elements/x/ports", "");
  sim_assert_keys (&run, "flows/ks/versions/1/elements/em",
                   "total_engagements,unique_users,ports,sends,messages,no_contact,delivered,opened,clicked,cost");
  sim_assert_keys (&run, "flows/ks/versions/1/elements/nt", "total_engagements,unique_users,ports,notifications,cost");
  sim_assert_keys (&run, "flows/ks/versions/1/elements/ms", "total_engagements,unique_users,ports");
  sim_assert_keys (&run, "flows/ks/versions/1/milestones", "m1");
  sim_assert_keys (&run, "flows/ks/versions/1/outcomes", "o1");
  sim_assert_keys (&run, "flows/ks/versions/1/outcomes/o1",
                   "started,success,failure,abandoned,success_pct,failure_pct,mean_success_seconds,paths");
  sim_assert_keys (&run, "flows/ks/versions/1/engaged", "");
  sim_assert_str (&run, "flows/ks/versions/1/elements/em/cost", "0");
  sim_assert_str (&run, "flows/ks/versions/1/overall/goal_value", "0");
  g_assert_cmpuint (strlen (run.timeline), ==, 0);
  sim_run_clear (&run);
}

/* `all` over versions: ports of the latest version that has the element,
 * then the remaining ports of earlier versions; send fields when a send in
 * any version; channels, milestones and outcomes of any version. */
static void
test_all_union_of_versions (void)
{
  g_autofree char *f = sim_flow ("un", "UTC", "{'start':null,'end':null,'indefinite':true}",
    "[" V ("1", "2026-01-01T00:00:00Z",
           ",'elements':[" ENTRY_GO ",{'id':'c','type':'call.api','config':{'method':'GET','url':'u'}},"
           "{'id':'z','type':'send.sms','config':{'sender':'S','text':'x'}},"
           "{'id':'m','type':'milestone','config':{'milestone':'old'}}],"
           "'connections':[{'from':'e','port':'out','to':'c'},{'from':'c','port':'success','to':'z'},{'from':'z','port':'out','to':'m'}]")
    "," V ("2", "2026-01-10T00:00:00Z",
           ",'elements':[" ENTRY_GO ",{'id':'c','type':'split.percent','config':{'variants':[{'label':'a','weight':1},{'label':'b','weight':1}]}},"
           "{'id':'z','type':'wait.delay','config':{'duration':'1h'}},"
           "{'id':'o','type':'outcome.start','config':{'outcome':'new'}}],"
           "'connections':[{'from':'e','port':'out','to':'c'},{'from':'c','port':'1','to':'z'},{'from':'z','port':'out','to':'o'}]")
    "]");
  const char *flows[] = { f, NULL };
  SimSetup setup = { .params = "{'api_success':1}" };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", &setup);
  sim_assert_keys (&run, "flows/un/all/elements/c/ports", "1,2,success,failure");
  sim_assert_keys (&run, "flows/un/versions/1/elements/c/ports", "success,failure");
  sim_assert_keys (&run, "flows/un/all/elements/z",
                   "total_engagements,unique_users,ports,sends,messages,no_contact,delivered,opened,clicked,cost");
  sim_assert_keys (&run, "flows/un/versions/2/elements/z", "total_engagements,unique_users,ports");
  sim_assert_keys (&run, "flows/un/all/channels", "sms");
  sim_assert_keys (&run, "flows/un/versions/2/channels", "");
  sim_assert_keys (&run, "flows/un/all/milestones", "old");
  sim_assert_keys (&run, "flows/un/all/outcomes", "new");
  sim_assert_keys (&run, "flows/un/versions/1/outcomes", "");
  sim_assert_keys (&run, "flows/un/versions/2/milestones", "");
  sim_assert_keys (&run, "flows/un/all/elements", "c,e,m,o,z");
  sim_assert_int (&run, "flows/un/all/elements/c/ports/success", 1);
  sim_assert_int (&run, "flows/un/all/elements/z/sends", 1);
  sim_assert_int (&run, "flows/un/all/milestones/old/reached", 1);
  sim_run_clear (&run);
}

/* With no launched version and no schedule.start, the last version takes
 * part from the run start; earlier versions never. */
static void
test_versions_draft_from_run_start (void)
{
  g_autofree char *f = sim_flow ("dd", "UTC", "{'start':null,'end':null,'indefinite':true}",
    "[{'number':1,'status':'canceled','created_at':'2025-11-01T00:00:00Z','elements':[" ENTRY_GO "],'connections':[]},"
    "{'number':3,'status':'draft','created_at':'2025-12-01T00:00:00Z','elements':[" ENTRY_GO "],'connections':[]}]");
  const char *flows[] = { f, NULL };
  SimRun run;

  sim_run (&run, flows, "{'id':'p1','events':[{'name':'Go','at':'2026-01-01T00:00:00Z'}]}\n", NULL);
  sim_assert_keys (&run, "flows/dd/versions", "3");
  sim_assert_int (&run, "flows/dd/versions/3/overall/entries", 1);
  sim_assert_line (&run, TLV ("p1", "2026-01-01T00:00:00Z", "dd", "3", "1", "'step':'enter','element':'e'"));
  sim_run_clear (&run);
}

/* A reaction of a message counts even when its entry is stopped before it
 * happens (the stop removes the token, not the message). Sent at 10:00,
 * clicked with mean 3600 s: "1|p1|rs|1|1|s|1|clicked-delay" u =
 * 0.32228094366048143, 1400 s: 10:23:20; the stop is at 10:00:01. */
static void
test_reaction_counts_after_stop (void)
{
  g_autofree char *f = sim_flow ("rs", "UTC", "{'start':null,'end':null,'indefinite':true}",
    "[{'number':1,'status':'stopped','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-01T00:00:00Z',"
    "'stopped_at':'2026-01-05T10:00:01Z','elements':[" ENTRY_GO ",{'id':'s','type':'send.sms','config':{'sender':'S','text':'x'}},"
    "{'id':'w','type':'wait.delay','config':{'duration':'1d'}}],"
    "'connections':[{'from':'e','port':'out','to':'s'},{'from':'s','port':'out','to':'w'}]}]");
  const char *flows[] = { f, NULL };
  SimSetup setup = { .params = "{'channels':{'sms':{'delivery':1,'click':1,'delivery_delay':0,'click_delay':3600}}}" };
  SimRun run;

  sim_run (&run, flows, "{'id':'p1','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", &setup);
  sim_assert_int (&run, "flows/rs/versions/1/overall/stopped", 1);
  sim_assert_int (&run, "flows/rs/versions/1/channels/sms/clicked", 1);
  sim_assert_int (&run, "flows/rs/versions/1/elements/s/clicked", 1);
  sim_assert_int (&run, "flows/rs/versions/1/overall/active_profiles", 1);
  sim_assert_line (&run, TL ("p1", "2026-01-05T10:00:00Z", "rs",
                             "'step':'send','element':'s','channel':'sms','messages':1,'cost':0.0075,"
                             "'delivered':'2026-01-05T10:00:00Z','clicked':'2026-01-05T10:23:20Z'"));
  sim_run_clear (&run);
}

/* set.attribute of timezone moves a later send window (attributes are read
 * when used). 10:00 UTC is 19:00 in Tokyo: the 09:00..17:00 window there
 * opens at 00:00 UTC the next day; without the change (UTC) at once. */
static void
test_set_attribute_timezone_moves_window (void)
{
  g_autofree char *f = sim_flow1 ("tz", NULL,
    "[" ENTRY_GO ",{'id':'b','type':'branch.condition','config':{'branches':[{'label':'move','when':'profile.move'}]}},"
    "{'id':'t','type':'set.attribute','config':{'attribute':'timezone','value':'`Asia/Tokyo`'}},"
    "{'id':'s','type':'send.sms','config':{'sender':'S','text':'x','send_window':{'from':'09:00','to':'17:00'}}}]",
    "[{'from':'e','port':'out','to':'b'},{'from':'b','port':'1','to':'t'},{'from':'b','port':'else','to':'s'},"
    "{'from':'t','port':'out','to':'s'}]");
  const char *flows[] = { f, NULL };
  SimSetup setup = { .params = NONE_DELIVERED };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','attributes':{'phone':'+12345678','move':true},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n"
           "{'id':'p2','attributes':{'phone':'+12345678'},'events':[{'name':'Go','at':'2026-01-05T10:00:00Z'}]}\n", &setup);
  sim_assert_line (&run, TL ("p1", "2026-01-06T00:00:00Z", "tz", "'step':'depart','element':'s','port':'out'"));
  sim_assert_line (&run, TL ("p2", "2026-01-05T10:00:00Z", "tz", "'step':'depart','element':'s','port':'out'"));
  sim_run_clear (&run);
}

/* Waiting tokens of several flows are tested in the order they began to
 * wait, and a token that left runs on before the next is tested: flow b's
 * token (waiting since 09:00) sets an attribute that flow a's token
 * (waiting since 10:00) then sees in its `where`. */
static void
test_wait_event_order_of_waiting_tokens (void)
{
  g_autofree char *a = sim_flow1 ("a", NULL,
    "[{'id':'e','type':'entry.event','config':{'event':'A'}},"
    "{'id':'w','type':'wait.event','config':{'event':'Ping','where':'profile.flag == `set`','timeout':'1d'}}]",
    "[{'from':'e','port':'out','to':'w'}]");
  g_autofree char *b = sim_flow1 ("b", NULL,
    "[{'id':'e','type':'entry.event','config':{'event':'B'}},"
    "{'id':'w','type':'wait.event','config':{'event':'Ping','timeout':'1d'}},"
    "{'id':'t','type':'set.attribute','config':{'attribute':'flag','value':'`set`'}}]",
    "[{'from':'e','port':'out','to':'w'},{'from':'w','port':'occurred','to':'t'}]");
  const char *flows[] = { a, b, NULL };
  SimRun run;

  sim_run (&run, flows,
           "{'id':'p1','events':[{'name':'B','at':'2026-01-05T09:00:00Z'},{'name':'A','at':'2026-01-05T10:00:00Z'},"
           "{'name':'Ping','at':'2026-01-05T11:00:00Z'}]}\n"
           /* the other order: a's token is tested first and fails its where */
           "{'id':'p2','events':[{'name':'A','at':'2026-01-05T09:00:00Z'},{'name':'B','at':'2026-01-05T10:00:00Z'},"
           "{'name':'Ping','at':'2026-01-05T11:00:00Z'}]}\n", NULL);
  sim_assert_line (&run, TL ("p1", "2026-01-05T11:00:00Z", "a", "'step':'depart','element':'w','port':'occurred'"));
  sim_assert_line (&run, TL ("p2", "2026-01-06T09:00:00Z", "a", "'step':'depart','element':'w','port':'timeout'"));
  sim_assert_int (&run, "flows/a/versions/1/elements/w/ports/occurred", 1);
  sim_assert_int (&run, "flows/b/versions/1/elements/w/ports/occurred", 2);
  sim_run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/engine/entry-event-enters-only-when-where-is-truthy",
                   test_entry_event_where);
  g_test_add_func ("/sim/engine/entry-audience-attempts-once-at-the-launch-inside-the-run",
                   test_entry_audience_at_launch);
  g_test_add_func ("/sim/engine/entry-inbound-matches-number-and-first-word",
                   test_entry_inbound_keyword);
  g_test_add_func ("/sim/engine/entry-date-moves-by-offset-and-reads-29-february-as-28th",
                   test_entry_date_offset_and_leap_day);
  g_test_add_func ("/sim/engine/sends-count-segments-contacts-and-cost",
                   test_sends_segments_contacts_and_cost);
  g_test_add_func ("/sim/engine/send-waits-for-the-next-window-instant",
                   test_send_window);
  g_test_add_func ("/sim/engine/wait-delay-and-wait-time-leave-at-their-instants",
                   test_wait_delay_and_time);
  g_test_add_func ("/sim/engine/wait-event-takes-the-deadline-second-but-not-its-arrival-second",
                   test_wait_event);
  g_test_add_func ("/sim/engine/react-message-answers-yes-at-r-yes-at-t-and-no",
                   test_react_message);
  g_test_add_func ("/sim/engine/branch-takes-the-first-truthy-branch",
                   test_branch_order);
  g_test_add_func ("/sim/engine/split-follows-the-draws-of-the-spec-formula",
                   test_split_draws);
  g_test_add_func ("/sim/engine/set-attribute-is-seen-by-another-flow-and-later-sends",
                   test_set_variable_and_attribute);
  g_test_add_func ("/sim/engine/call-api-draws-with-seed-and-entry-in-the-key",
                   test_call_api_draws);
  g_test_add_func ("/sim/engine/add-to-flow-transfers-variables-and-counts-inside-and-inactive",
                   test_add_to_flow);
  g_test_add_func ("/sim/engine/notify-internal-costs-outside-channels",
                   test_notify_internal);
  g_test_add_func ("/sim/engine/milestones-count-only-the-last-hundred-of-an-entry",
                   test_milestones_last_hundred);
  g_test_add_func ("/sim/engine/outcome-start-reopens-after-resolution-and-is-abandoned-at-exit",
                   test_outcome_starts_and_abandon);
  g_test_add_func ("/sim/engine/outcome-path-keeps-the-last-twenty-milestones",
                   test_outcome_path_last_twenty);
  g_test_add_func ("/sim/engine/outcome-paths-are-the-top-ten-in-order",
                   test_outcome_top_ten_and_percentages);
  g_test_add_func ("/sim/engine/outcome-percentages-and-mean-round-half-up",
                   test_outcome_rounding_half_up);
  g_test_add_func ("/sim/engine/goal-converts-the-latest-entry-once-within-the-window",
                   test_goals_window_latest_once);
  g_test_add_func ("/sim/engine/goal-value-rounds-to-micro-units-away-from-zero",
                   test_goal_value_rounding);
  g_test_add_func ("/sim/engine/reentry-rules-apply-in-their-order",
                   test_reentry_rules);
  g_test_add_func ("/sim/engine/versions-accept-in-their-windows-and-all-counts-a-profile-once",
                   test_versions_windows_and_all);
  g_test_add_func ("/sim/engine/versions-end-ninety-days-after-the-first-launch",
                   test_versions_ninety_day_default);
  g_test_add_func ("/sim/engine/versions-stop-removes-tokens-before-the-events-of-its-second",
                   test_versions_stop_removal);
  g_test_add_func ("/sim/engine/versions-try-runs-one-version-from-the-run-start",
                   test_versions_try);
  g_test_add_func ("/sim/engine/visit-limit-removes-the-token-after-10001-visits",
                   test_visit_limit_error);
  g_test_add_func ("/sim/engine/run-end-leaves-tokens-in-progress",
                   test_run_end_in_progress);
  g_test_add_func ("/sim/engine/engaged-counts-profiles-per-utc-month",
                   test_engaged_months);
  g_test_add_func ("/sim/engine/reactions-make-active-profiles",
                   test_reactions_and_active_profiles);
  g_test_add_func ("/sim/engine/reaction-after-the-end-is-null-and-not-counted",
                   test_reaction_after_end);
  g_test_add_func ("/sim/engine/report-has-the-keys-of-the-spec-in-order",
                   test_report_key_sets);
  g_test_add_func ("/sim/engine/all-joins-ports-and-fields-of-versions",
                   test_all_union_of_versions);
  g_test_add_func ("/sim/engine/versions-last-draft-takes-part-from-the-run-start",
                   test_versions_draft_from_run_start);
  g_test_add_func ("/sim/engine/reaction-counts-after-the-entry-is-stopped",
                   test_reaction_counts_after_stop);
  g_test_add_func ("/sim/engine/set-attribute-timezone-moves-a-later-send-window",
                   test_set_attribute_timezone_moves_window);
  g_test_add_func ("/sim/engine/wait-event-tests-waiting-tokens-in-the-order-they-began",
                   test_wait_event_order_of_waiting_tokens);

  return g_test_run ();
}
