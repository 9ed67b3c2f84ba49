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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/engine/entry-event-where", test_entry_event_where);
  g_test_add_func ("/sim/engine/entry-audience-at-launch", test_entry_audience_at_launch);
  g_test_add_func ("/sim/engine/entry-inbound-keyword", test_entry_inbound_keyword);
  g_test_add_func ("/sim/engine/entry-date-offset-and-leap-day", test_entry_date_offset_and_leap_day);
  g_test_add_func ("/sim/engine/sends-segments-contacts-and-cost", test_sends_segments_contacts_and_cost);
  g_test_add_func ("/sim/engine/send-window", test_send_window);
  g_test_add_func ("/sim/engine/wait-delay-and-time", test_wait_delay_and_time);
  g_test_add_func ("/sim/engine/wait-event", test_wait_event);
  g_test_add_func ("/sim/engine/react-message", test_react_message);
  g_test_add_func ("/sim/engine/branch-order", test_branch_order);
  g_test_add_func ("/sim/engine/split-draws", test_split_draws);
  g_test_add_func ("/sim/engine/set-variable-and-attribute", test_set_variable_and_attribute);
  g_test_add_func ("/sim/engine/call-api-draws", test_call_api_draws);
  g_test_add_func ("/sim/engine/add-to-flow", test_add_to_flow);
  g_test_add_func ("/sim/engine/notify-internal", test_notify_internal);
  g_test_add_func ("/sim/engine/milestones-last-hundred", test_milestones_last_hundred);

  return g_test_run ();
}
