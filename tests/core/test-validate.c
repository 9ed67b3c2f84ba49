/* test-validate.c - flow validation (flow-format.md, Validation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule of the Validation section gets a document that breaks it and a
 * minimal one that does not. The documents are small JSON texts written with
 * ' for " (see json()) and wrapped in an otherwise valid flow. Expected
 * diagnostics come from the spec; where the spec leaves the field or the
 * named element to the implementation, the pattern accepts any.
 */

#include "config.h"

#include <string.h>

#include "wm-catalog.h"
#include "wm-catalogue.h"
#include "wm-flow-io.h"
#include "wm-validate.h"

#define HEAD_TAIL "'description':'','timezone':'UTC','schedule':{'start':null,'end':null,'indefinite':false}"
#define HEAD      "'format':'waymark.flow','format_version':1,'id':'f','name':'Flow'," HEAD_TAIL
#define ENTRY     "{'id':'e1','type':'entry.event','config':{'event':'Signup'}}"
#define TO_E2     "{'from':'e1','port':'out','to':'e2'}"

/* ---- building documents ---------------------------------------------- */

/* The documents are written with ' for " to stay readable; a \' (written
 * "\\'" in C) stays a quote escaped inside a JSON string. */
static char *
json (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == '\'')
        {
          g_string_append (out, "\\\"");
          p++;
        }
      else
        g_string_append_c (out, *p == '\'' ? '"' : *p);
    }
  return g_string_free (out, FALSE);
}

static char *
version_text (guint       number,
              const char *status,
              const char *launched_at,
              const char *stopped_at,
              const char *settings,
              const char *elements,
              const char *connections)
{
  g_autofree char *launched = launched_at ? g_strdup_printf ("'%s'", launched_at) : g_strdup ("null");
  g_autofree char *stopped = stopped_at ? g_strdup_printf ("'%s'", stopped_at) : g_strdup ("null");

  return g_strdup_printf ("{'number':%u,'status':'%s','created_at':'2026-01-01T00:00:00Z',"
                          "'launched_at':%s,'stopped_at':%s,'settings':%s,"
                          "'elements':[%s],'connections':[%s]}",
                          number, status, launched, stopped, settings ? settings : "{}",
                          elements ? elements : "", connections ? connections : "");
}

static WmFlow *
load_text (const char *text)
{
  g_autofree char *data = json (text);
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_data (data, -1, &error);

  if (flow == NULL)
    g_test_message ("document refused on load: %s\n%s", error ? error->message : "?", data);
  g_assert_no_error (error);
  g_assert_nonnull (flow);
  return flow;
}

static WmFlow *
load_doc (const char *head,
          const char *versions)
{
  g_autofree char *text = g_strdup_printf ("{%s,'versions':[%s]}", head, versions);

  return load_text (text);
}

static GPtrArray *
validate_doc (const char *head,
              const char *versions,
              WmLookup   *lookup)
{
  g_autoptr(WmFlow) flow = load_doc (head, versions);

  return wm_validate_flow (flow, lookup);
}

/* One draft version with @settings, @elements and @connections. */
static GPtrArray *
check (const char *settings,
       const char *elements,
       const char *connections)
{
  g_autofree char *v = version_text (1, "draft", NULL, NULL, settings, elements, connections);

  return validate_doc (HEAD, v, NULL);
}

/* The entry e1 connected to @element (id e2). */
static GPtrArray *
check_el (const char *settings,
          const char *element)
{
  g_autofree char *elements = g_strconcat (ENTRY ",", element, NULL);

  return check (settings, elements, TO_E2);
}

/* A flow-level variant: the document's head members before "versions". */
static GPtrArray *
check_head (const char *head)
{
  g_autofree char *v = version_text (1, "draft", NULL, NULL, NULL, ENTRY, NULL);

  return validate_doc (head, v, NULL);
}

/* ---- looking at diagnostics ------------------------------------------ */

/* Marks the test failed and goes on (every broken rule shows in the log,
 * not only the first). */
static void G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED: %s", text);
  g_test_fail_printf ("%s", text);
}

static char *
dump (GPtrArray *diagnostics)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      g_string_append_printf (out, "  [%u] %s %s v%u element=%s field=%s column=%u: %s\n", i,
                              wm_severity_to_string (d->severity), d->code, d->version,
                              d->element ? d->element : "(null)", d->field ? d->field : "(null)",
                              d->column, d->message);
    }
  if (diagnostics->len == 0)
    g_string_append (out, "  (no diagnostics)\n");
  return g_string_free (out, FALSE);
}

/* Pattern: NULL matches NULL only; "*" anything; "abc*" a prefix; "a|b"
 * alternatives, where "~" stands for NULL. */
static gboolean
matches (const char *pattern,
         const char *value)
{
  g_auto(GStrv) alternatives = NULL;

  if (pattern == NULL)
    return value == NULL;
  alternatives = g_strsplit (pattern, "|", -1);
  for (guint i = 0; alternatives[i] != NULL; i++)
    {
      const char *alt = alternatives[i];
      gsize len = strlen (alt);

      if (g_str_equal (alt, "~"))
        {
          if (value == NULL)
            return TRUE;
        }
      else if (g_str_equal (alt, "*"))
        return TRUE;
      else if (value == NULL)
        continue;
      else if (len > 0 && alt[len - 1] == '*')
        {
          if (strncmp (alt, value, len - 1) == 0)
            return TRUE;
        }
      else if (g_str_equal (alt, value))
        return TRUE;
    }
  return FALSE;
}

/* Finds a diagnostic of @code in @version (G_MAXUINT: any) whose element
 * and field match; fails the test (listing what there is) when none does,
 * or when it has another severity. */
static WmDiagnostic *
expect_at (int         line,
           GPtrArray  *diagnostics,
           WmSeverity  severity,
           const char *code,
           guint       version,
           const char *element,
           const char *field)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      if (!matches (code, d->code) || (version != G_MAXUINT && d->version != version)
          || !matches (element, d->element) || !matches (field, d->field))
        continue;
      if (d->severity != severity)
        {
          g_autofree char *all = dump (diagnostics);

          fail ("line %d: %s has severity %s, expected %s\n%s", line, code,
                              wm_severity_to_string (d->severity), wm_severity_to_string (severity), all);
          return NULL;
        }
      g_assert_nonnull (d->message);
      g_assert_cmpstr (d->message, !=, "");
      return d;
    }

  {
    g_autofree char *all = dump (diagnostics);

    fail ("line %d: expected %s %s v%u element=%s field=%s; got:\n%s", line,
                        wm_severity_to_string (severity), code, version,
                        element ? element : "(null)", field ? field : "(null)", all);
  }
  return NULL;
}

#define expect_error(d, code, version, element, field) \
  expect_at (__LINE__, d, WM_SEVERITY_ERROR, code, version, element, field)
#define expect_warning(d, code, version, element, field) \
  expect_at (__LINE__, d, WM_SEVERITY_WARNING, code, version, element, field)

static void
expect_none_at (int         line,
                GPtrArray  *diagnostics,
                const char *code)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      if (g_str_equal (d->code, code))
        {
          g_autofree char *all = dump (diagnostics);

          fail ("line %d: expected no %s; got:\n%s", line, code, all);
          return;
        }
    }
}
#define expect_none(d, code) expect_none_at (__LINE__, d, code)

static void
expect_no_errors_at (int        line,
                     GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      if (d->severity == WM_SEVERITY_ERROR)
        {
          g_autofree char *all = dump (diagnostics);

          fail ("line %d: expected no errors; got:\n%s", line, all);
          return;
        }
    }
}
#define expect_no_errors(d) expect_no_errors_at (__LINE__, d)

static void
expect_clean_at (int        line,
                 GPtrArray *diagnostics)
{
  if (diagnostics->len != 0)
    {
      g_autofree char *all = dump (diagnostics);

      fail ("line %d: expected no diagnostics; got:\n%s", line, all);
    }
}
#define expect_clean(d) expect_clean_at (__LINE__, d)

/* A one-element field-invalid check: @element (id e2) after the entry. */
#define EXPECT_INVALID(settings, element, field) \
  G_STMT_START { \
    g_autoptr(GPtrArray) d_ = check_el (settings, element); \
    expect_error (d_, "field-invalid", 1, "e2", field); \
  } G_STMT_END
#define EXPECT_VALID(settings, element) \
  G_STMT_START { \
    g_autoptr(GPtrArray) d_ = check_el (settings, element); \
    expect_no_errors (d_); \
  } G_STMT_END

/* ---- the base document ----------------------------------------------- */

static void
test_minimal_flow_is_clean (void)
{
  g_autoptr(GPtrArray) d = check (NULL, ENTRY, NULL);

  expect_clean (d);
}

/* ---- name-missing ---------------------------------------------------- */

/* The field is null: simulation.md's example line is
 * "a.waymark.json: error name-missing: ..." (no field part). */
static void
test_name_missing (void)
{
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f'," HEAD_TAIL);
    expect_error (d, "name-missing", 0, NULL, NULL);
  }
  {
    /* "" is the same as absent (flow-format.md, Loading). */
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':''," HEAD_TAIL);
    expect_error (d, "name-missing", 0, NULL, NULL);
  }
  {
    g_autoptr(GPtrArray) d = check_head (HEAD);
    expect_none (d, "name-missing");
  }
}

/* ---- entry-count ----------------------------------------------------- */

static void
test_entry_count (void)
{
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'w','type':'wait.delay','config':{'duration':'1h'}}", NULL);
    expect_error (d, "entry-count", 1, "*", "*");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, ENTRY ",{'id':'e2','type':'entry.audience','config':{}}", NULL);
    expect_error (d, "entry-count", 1, "*", "*");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e9','type':'entry.audience','config':{}}", NULL);
    expect_none (d, "entry-count");
    expect_no_errors (d);
  }
}

/* None of the three reachability warnings without exactly one entry. */
static void
test_reachability_warnings_need_one_entry (void)
{
  const char *rest =
    "{'id':'s','type':'send.sms','config':{'sender':'Shop','text':'Hi'}},"
    "{'id':'r','type':'react.message','config':{'element':'s','reaction':'clicked','timeout':'1d'}},"
    "{'id':'os','type':'outcome.set','config':{'outcome':'o1','result':'success'}}";
  const char *conns = "{'from':'r','port':'yes','to':'os'},{'from':'os','port':'out','to':'s'}";
  g_autofree char *two = g_strconcat (ENTRY ",{'id':'e2','type':'entry.audience','config':{}},", rest, NULL);
  g_autofree char *two_conns = g_strconcat ("{'from':'e1','port':'out','to':'r'},{'from':'e2','port':'out','to':'r'},",
                                            conns, NULL);

  {
    g_autoptr(GPtrArray) d = check (NULL, rest, conns);
    expect_error (d, "entry-count", 1, "*", "*");
    expect_none (d, "unreachable");
    expect_none (d, "react-before-send");
    expect_none (d, "outcome-not-started");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, two, two_conns);
    expect_error (d, "entry-count", 1, "*", "*");
    expect_none (d, "unreachable");
    expect_none (d, "react-before-send");
    expect_none (d, "outcome-not-started");
  }
  {
    /* The same graph with one entry does warn (so the cases above can fail). */
    g_autofree char *one = g_strconcat (ENTRY ",", rest, NULL);
    g_autoptr(GPtrArray) d = check (NULL, one, "{'from':'e1','port':'out','to':'r'},{'from':'r','port':'yes','to':'os'}");
    expect_warning (d, "react-before-send", 1, "r", "*|~");
    expect_warning (d, "outcome-not-started", 1, "os", "*|~");
    expect_warning (d, "unreachable", 1, "s", "*|~");
  }
}

/* ---- field-missing --------------------------------------------------- */

static void
test_field_missing (void)
{
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'Shop'}}");
    expect_error (d, "field-missing", 1, "e2", "text");
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'Shop','text':''}}");
    expect_error (d, "field-missing", 1, "e2", "text");
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','config':{'sender':null,'text':'Hi'}}");
    expect_error (d, "field-missing", 1, "e2", "sender");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.event','config':{}}", NULL);
    expect_error (d, "field-missing", 1, "e1", "event");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'goal':{'value':'amount','window':'7d'}}", ENTRY, NULL);
    expect_error (d, "field-missing", 1, NULL, "settings.goal.event");
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'Shop','text':'Hi'}}");
    expect_none (d, "field-missing");
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check ("{'goal':{'event':'Paid'}}", ENTRY, NULL);
    expect_none (d, "field-missing");
    expect_clean (d);
  }
}

/* ---- field-invalid --------------------------------------------------- */

static void
test_field_invalid_duration (void)
{
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'5x'}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'367d'}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'53w'}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'8785h'}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'1234567s'}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'-1h'}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'1 h'}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.event','config':{'event':'Paid','timeout':'soon'}}", "timeout");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'0s'}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'366d'}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'8784h'}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'52w'}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'999999s'}}");
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':{'enabled':true,'delay':'7x'}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.reentry.delay");
  }
}

static void
test_field_invalid_clock_day_zone (void)
{
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'24:00'}}", "at");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'9:00'}}", "at");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'12:60'}}", "at");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'09:00','days':['mon','funday']}}", "days*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'09:00','zone':'local'}}", "zone");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi',"
                  "'send_window':{'from':'09:00','to':'20:00','days':['xyz']}}}", "send_window*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi',"
                  "'send_window':{'from':'09:00','to':'20:00','zone':'Europe/Zagreb'}}}", "send_window*");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'23:59','days':['mon','sun'],'zone':'flow'}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'00:00','days':[],'zone':'profile'}}");
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','at':'25:00'}}", NULL);
    expect_error (d, "field-invalid", 1, "e1", "at");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','zone':'utc'}}", NULL);
    expect_error (d, "field-invalid", 1, "e1", "zone");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','offset':1.5}}", NULL);
    expect_error (d, "field-invalid", 1, "e1", "offset");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','offset':-3,'at':'07:30','zone':'flow'}}", NULL);
    expect_clean (d);
  }
}

static void
test_field_invalid_send_window_order (void)
{
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi',"
                  "'send_window':{'from':'20:00','to':'09:00'}}}", "send_window*");
  /* "from earlier than to": equal is not earlier. */
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi',"
                  "'send_window':{'from':'09:00','to':'09:00'}}}", "send_window*");
  EXPECT_VALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi',"
                "'send_window':{'from':'09:00','to':'09:01','days':['sat'],'zone':'flow'}}}");
}

static void
test_field_invalid_email (void)
{
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.email','config':{'from':'shop','subject':'S','body':'B'}}", "from");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.email','config':{'from':'news@shop','subject':'S','body':'B'}}", "from");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.email','config':{'from':'a b@shop.hr','subject':'S','body':'B'}}", "from");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.email','config':{'from':'a@b@shop.hr','subject':'S','body':'B'}}", "from");
  EXPECT_VALID (NULL, "{'id':'e2','type':'send.email','config':{'from':'news@shop.example','subject':'S','body':'B'}}");
}

static void
test_field_invalid_weight_and_counts (void)
{
  EXPECT_INVALID (NULL, "{'id':'e2','type':'split.percent','config':{'variants':"
                  "[{'label':'A','weight':0},{'label':'B','weight':1}]}}", "variants*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'split.percent','config':{'variants':"
                  "[{'label':'A','weight':-2},{'label':'B','weight':1}]}}", "variants*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'split.percent','config':{'variants':"
                  "[{'label':'A','weight':'5'},{'label':'B','weight':1}]}}", "variants*");
  /* 2..10 variants, 1..20 branches. */
  EXPECT_INVALID (NULL, "{'id':'e2','type':'split.percent','config':{'variants':[{'label':'A','weight':1}]}}",
                  "variants*");
  EXPECT_VALID (NULL, "{'id':'e2','type':'split.percent','config':{'variants':"
                "[{'label':'A','weight':0.5},{'label':'B','weight':2.5}]}}");
  {
    GString *branches = g_string_new ("{'id':'e2','type':'branch.condition','config':{'branches':[");
    g_autofree char *element = NULL;

    for (guint i = 0; i < 21; i++)
      g_string_append_printf (branches, "%s{'label':'B%u','when':'true'}", i ? "," : "", i);
    g_string_append (branches, "]}}");
    element = g_string_free (branches, FALSE);
    EXPECT_INVALID (NULL, element, "branches*");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':{'enabled':true,'delay':'0s','limits':[{'count':0,'period':'7d'}]}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.reentry.limits*");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':{'enabled':true,'delay':'0s','limits':[{'count':2,'period':'7y'}]}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.reentry.limits*");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':{'enabled':'yes'}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.reentry*");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':{'enabled':false,'delay':'1d','limits':[{'count':1,'period':'7d'}]}}", ENTRY, NULL);
    expect_clean (d);
  }
}

static void
test_field_invalid_reaction (void)
{
  const char *sms = "{'id':'s','type':'send.sms','config':{'sender':'S','text':'Hi'}}";
  const char *push = "{'id':'s','type':'send.push','config':{'app':'A','title':'T','text':'Hi'}}";
  const char *voice = "{'id':'s','type':'send.voice','config':{'from':'S','text':'Hi'}}";
  const char *email = "{'id':'s','type':'send.email','config':{'from':'a@b.hr','subject':'S','body':'B'}}";
  const struct { const char *send; const char *reaction; gboolean ok; } cases[] = {
    { sms, "opened", FALSE },
    { sms, "clicked", TRUE },
    { push, "clicked", FALSE },
    { push, "opened", TRUE },
    { voice, "opened", FALSE },
    { voice, "delivered", TRUE },
    { email, "opened", TRUE },
    { email, "bounced", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *elements = g_strdup_printf (ENTRY ",%s,{'id':'e2','type':'react.message','config':"
                                                   "{'element':'s','reaction':'%s','timeout':'1d'}}",
                                                   cases[i].send, cases[i].reaction);
      g_autoptr(GPtrArray) d = check (NULL, elements, "{'from':'e1','port':'out','to':'s'},{'from':'s','port':'out','to':'e2'}");

      g_test_message ("reaction %s on %s", cases[i].reaction, cases[i].send);
      if (cases[i].ok)
        expect_clean (d);
      else
        expect_error (d, "field-invalid", 1, "e2", "reaction");
    }
}

static void
test_field_invalid_choices (void)
{
  EXPECT_INVALID (NULL, "{'id':'e2','type':'call.api','config':{'method':'PATCH','url':'https://x.example/'}}", "method");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'notify.internal','config':{'channel':'push','recipient':'ops','text':'Hi'}}", "channel");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'outcome.set','config':{'outcome':'o1','result':'maybe'}}", "result");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'set.attribute','config':{'attribute':'id','value':'1'}}", "attribute");
  EXPECT_VALID (NULL, "{'id':'e2','type':'call.api','config':{'method':'DELETE','url':'https://x.example/{{ profile.id }}'}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'set.attribute','config':{'attribute':'city','value':'1'}}");
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.inbound','config':{'channel':'email','number':'+38591000000'}}", NULL);
    expect_error (d, "field-invalid", 1, "e1", "channel");
  }
}

static void
test_field_invalid_ids (void)
{
  EXPECT_INVALID (NULL, "{'id':'e2','type':'milestone','config':{'milestone':'bad id'}}", "milestone");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'milestone','config':{'milestone':"
                  "'m1234567890123456789012345678901234567890123456789012345678901234'}}", "milestone");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'outcome.start','config':{'outcome':'o/1'}}", "outcome");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'outcome.set','config':{'outcome':'o.1','result':'success'}}", "outcome");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'add.to.flow','config':{'flow':'other flow'}}", "flow");
  /* 64 characters is still an id. */
  EXPECT_VALID (NULL, "{'id':'e2','type':'milestone','config':{'milestone':"
                "'m123456789012345678901234567890123456789012345678901234567890123'}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'outcome.start','config':{'outcome':'O_1-b'}}");
}

static void
test_field_invalid_flow_level (void)
{
  const char *bad_zones[] = { "Mars/Olympus", "+05:00", "UTC+3", "posix/Europe/Zagreb",
                              "right/UTC", "localtime", "Factory", "/usr/share/zoneinfo/UTC",
                              "europe/zagreb", "Europe/Zagreb ", "GMT+5" };
  /* Names of tzdata.zi that look like offsets or POSIX strings are zones. */
  const char *good_zones[] = { "UTC", "US/Eastern", "Europe/Zagreb", "America/New_York",
                               "Etc/GMT+5", "EST5EDT", "Europe/Kiev", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_zones); i++)
    {
      g_autofree char *head = g_strdup_printf ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                               "'timezone':'%s'", bad_zones[i]);
      g_autoptr(GPtrArray) d = check_head (head);

      g_test_message ("timezone %s", bad_zones[i]);
      expect_error (d, "field-invalid", 0, NULL, "timezone");
    }
  for (guint i = 0; i < G_N_ELEMENTS (good_zones); i++)
    {
      g_autofree char *head = g_strdup_printf ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                               "'timezone':'%s'", good_zones[i]);
      g_autoptr(GPtrArray) d = check_head (head);

      g_test_message ("timezone %s", good_zones[i]);
      expect_clean (d);
    }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'my flow','name':'Flow'," HEAD_TAIL);
    expect_error (d, "field-invalid", 0, NULL, "id");
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow','schedule':[]");
    expect_error (d, "field-invalid", 0, NULL, "schedule");
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                         "'schedule':{'start':'tomorrow','end':null,'indefinite':false}");
    expect_error (d, "field-invalid", 0, NULL, "schedule.start");
  }
  {
    /* No timezone at all is UTC. */
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f-2_x','name':'Flow'");
    expect_clean (d);
  }
}

static void
test_field_invalid_json_types (void)
{
  {
    g_autoptr(GPtrArray) d = check (NULL, ENTRY ",{'id':'e2','type':'wait.delay','config':[]}", TO_E2);
    expect_error (d, "field-invalid", 1, "e2", "config");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, ENTRY ",{'id':'e2','type':'wait.delay','config':'1h'}", TO_E2);
    expect_error (d, "field-invalid", 1, "e2", "config");
  }
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':60}}", "duration");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':true}}", "text");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','position':[1],'config':{'duration':'1h'}}", "position");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','position':['1','2'],'config':{'duration':'1h'}}", "position");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.delay','name':5,'config':{'duration':'1h'}}", "name");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'branch.condition','config':{'branches':{'label':'A','when':'true'}}}", "branches*");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.delay','position':[1.5,-20],'config':{'duration':'1h'}}");
  {
    g_autofree char *v = version_text (1, "draft", NULL, NULL, "[]", ENTRY, NULL);
    g_autoptr(GPtrArray) d = validate_doc (HEAD, v, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings");
  }
  {
    g_autoptr(GPtrArray) d = validate_doc (HEAD, "{'number':1,'status':'draft','created_at':'2026-01-01T00:00:00Z',"
                                                 "'elements':{},'connections':[]}", NULL);
    expect_error (d, "field-invalid", 1, NULL, "elements");
  }
  {
    g_autoptr(GPtrArray) d = validate_doc (HEAD, "{'number':1,'status':'draft','created_at':'2026-01-01T00:00:00Z',"
                                                 "'elements':[" ENTRY "],'connections':{}}", NULL);
    expect_error (d, "field-invalid", 1, NULL, "connections");
  }
  {
    /* settings, elements and connections may all be missing (no entry
     * then, but nothing of the wrong type). */
    g_autoptr(GPtrArray) d = validate_doc (HEAD, "{'number':1,'status':'draft','created_at':'2026-01-01T00:00:00Z',"
                                                 "'elements':[" ENTRY "]}", NULL);
    expect_clean (d);
  }
}

static void
test_field_invalid_goal (void)
{
  {
    g_autoptr(GPtrArray) d = check ("{'goal':'PurchaseFinished'}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.goal");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'goal':{'event':'Paid','value':5}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.goal.value");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'goal':{'event':'Paid','window':7}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.goal.window");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'goal':{'event':'Paid','window':'7 days'}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.goal.window");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'goal':null}", ENTRY, NULL);
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check ("{'goal':{'event':'Paid','value':'amount','window':'7d'}}", ENTRY, NULL);
    expect_clean (d);
  }
}

/* launched_at / stopped_at presence by status, and order between versions. */
static void
test_field_invalid_lifecycle_times (void)
{
  const struct { const char *status; const char *launched; const char *stopped; const char *field; } cases[] = {
    { "draft",     "2026-01-02T00:00:00Z", NULL,                   "launched_at" },
    { "scheduled", "2026-01-02T00:00:00Z", NULL,                   "launched_at" },
    { "canceled",  "2026-01-02T00:00:00Z", NULL,                   "launched_at" },
    { "active",    NULL,                   NULL,                   "launched_at" },
    { "paused",    NULL,                   NULL,                   "launched_at" },
    { "finishing", NULL,                   NULL,                   "launched_at" },
    { "finished",  NULL,                   NULL,                   "launched_at" },
    { "stopped",   NULL,                   "2026-01-03T00:00:00Z", "launched_at" },
    { "stopped",   "2026-01-02T00:00:00Z", NULL,                   "stopped_at" },
    { "active",    "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "stopped_at" },
    { "finished",  "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "stopped_at" },
    { "draft",     NULL,                   "2026-01-03T00:00:00Z", "stopped_at" },
    { "stopped",   "2026-01-02T00:00:00Z", "2026-01-01T23:59:59Z", "stopped_at" },
    { "active",    "yesterday",            NULL,                   "launched_at" },
  };
  const struct { const char *status; const char *launched; const char *stopped; } ok[] = {
    { "draft",     NULL,                   NULL },
    { "scheduled", NULL,                   NULL },
    { "canceled",  NULL,                   NULL },
    { "active",    "2026-01-02T00:00:00Z", NULL },
    { "paused",    "2026-01-02T00:00:00Z", NULL },
    { "finishing", "2026-01-02T00:00:00Z", NULL },
    { "finished",  "2026-01-02T00:00:00Z", NULL },
    { "stopped",   "2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z" },
    { "stopped",   "2026-01-02T00:00:00Z", "2026-01-05T00:00:00+02:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *v = version_text (1, cases[i].status, cases[i].launched, cases[i].stopped, NULL, ENTRY, NULL);
      g_autoptr(GPtrArray) d = validate_doc (HEAD, v, NULL);

      g_test_message ("%s launched %s stopped %s", cases[i].status, cases[i].launched, cases[i].stopped);
      expect_error (d, "field-invalid", 1, NULL, cases[i].field);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autofree char *v = version_text (1, ok[i].status, ok[i].launched, ok[i].stopped, NULL, ENTRY, NULL);
      g_autoptr(GPtrArray) d = validate_doc (HEAD, v, NULL);

      g_test_message ("%s launched %s stopped %s", ok[i].status, ok[i].launched, ok[i].stopped);
      expect_clean (d);
    }

  /* Never earlier than an earlier version's launched_at; reported on the
   * later version. A canceled version in between has none to compare. */
  {
    g_autofree char *v1 = version_text (1, "finishing", "2026-02-01T00:00:00Z", NULL, NULL, ENTRY, NULL);
    g_autofree char *v2 = version_text (2, "canceled", NULL, NULL, NULL, ENTRY, NULL);
    g_autofree char *v3 = version_text (3, "active", "2026-01-15T00:00:00Z", NULL, NULL, ENTRY, NULL);
    g_autofree char *versions = g_strjoin (",", v1, v2, v3, NULL);
    g_autoptr(GPtrArray) d = validate_doc (HEAD, versions, NULL);

    expect_error (d, "field-invalid", 3, NULL, "launched_at");
    g_assert_cmpuint (wm_diagnostics_count (d, WM_SEVERITY_ERROR, 1), ==, 0);
  }
  {
    g_autofree char *v1 = version_text (1, "finishing", "2026-02-01T00:00:00Z", NULL, NULL, ENTRY, NULL);
    g_autofree char *v2 = version_text (2, "active", "2026-02-01T00:00:00Z", NULL, NULL, ENTRY, NULL);
    g_autofree char *versions = g_strjoin (",", v1, v2, NULL);
    g_autoptr(GPtrArray) d = validate_doc (HEAD, versions, NULL);

    expect_clean (d);
  }
}

/* ---- expression-syntax ----------------------------------------------- */

static void
expect_column_at (int         line,
                  GPtrArray  *d,
                  const char *element,
                  const char *field,
                  guint       column)
{
  WmDiagnostic *diag = expect_at (line, d, WM_SEVERITY_ERROR, "expression-syntax", 1, element, field);

  if (diag != NULL && diag->column != column)
    fail ("line %d: expression-syntax column %u, expected %u (%s)", line,
                        diag->column, column, diag->message);
}
#define expect_column(d, element, field, column) expect_column_at (__LINE__, d, element, field, column)

static void
test_expression_syntax (void)
{
  {
    /* The text ends too early: one past the last character. */
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.event','config':{'event':'Paid','where':'1 +'}}", NULL);
    expect_column (d, "e1", "where", 4);
  }
  {
    /* An unknown function: the first character of its name. */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'branch.condition','config':{'branches':"
                                             "[{'label':'A','when':'  foo(1)'}]}}");
    expect_column (d, "e2", "branches*", 3);
  }
  {
    /* Too many arguments: the ',' before the first one too many, counted
     * over the whole template. */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi {{ lower(1, 2) }}'}}");
    expect_column (d, "e2", "text", 14);
  }
  {
    /* An unclosed {{: its opening character. */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.email','config':{'from':'a@b.hr','subject':'Hi {{ 1','body':'B'}}");
    expect_column (d, "e2", "subject", 4);
  }
  {
    /* Columns count code points: 'č' is one. */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'set.attribute','config':{'attribute':'city','value':"
                                             "'\\'č\\' + foo()'}}");
    expect_column (d, "e2", "value", 7);
  }
  {
    /* An unknown escape: the character after the backslash. */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'set.attribute','config':{'attribute':'city','value':"
                                             "'\\'a\\\\q\\''}}");
    expect_column (d, "e2", "value", 4);
  }
  {
    /* Too few arguments: the ')'. */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'call.api','config':{'method':'POST','url':'https://x.example/',"
                                             "'body':'{{ contains(1) }}'}}");
    expect_column (d, "e2", "body", 14);
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.event','config':{'event':'Paid','where':"
                                          "'event.amount > 10 and lower(profile.country) == \\'hr\\''}}", NULL);
    expect_none (d, "expression-syntax");
    expect_clean (d);
  }
  {
    /* A '}}' inside a string literal does not close the placeholder. */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'A {{ \\'}}\\' }} B }}'}}");
    expect_none (d, "expression-syntax");
    expect_no_errors (d);
  }
}

/* ---- unknown-variable ------------------------------------------------ */

static void
test_unknown_variable (void)
{
  const char *vars = "{'variables':[{'name':'score','type':'number','initial':0}]}";

  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'branch.condition','config':{'branches':"
                                             "[{'label':'A','when':'var.score > 1'}]}}");
    expect_error (d, "unknown-variable", 1, "e2", "branches*");
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'You have {{ var.score }}'}}");
    expect_error (d, "unknown-variable", 1, "e2", "text");
  }
  {
    g_autoptr(GPtrArray) d = check_el (vars, "{'id':'e2','type':'set.variable','config':{'variable':'points','value':'1'}}");
    expect_error (d, "unknown-variable", 1, "e2", "variable");
  }
  {
    g_autoptr(GPtrArray) d = check_el (vars, "{'id':'e2','type':'wait.event','config':{'event':'Paid','timeout':'1d',"
                                             "'assign':[{'variable':'total','property':'amount'}]}}");
    expect_error (d, "unknown-variable", 1, "e2", "assign*");
  }
  {
    g_autoptr(GPtrArray) d = check_el (vars, "{'id':'e2','type':'add.to.flow','config':{'flow':'g','transfer':['score','level']}}");
    expect_error (d, "unknown-variable", 1, "e2", "transfer*");
  }
  {
    g_autoptr(GPtrArray) d = check_el (vars, "{'id':'e2','type':'branch.condition','config':{'branches':"
                                             "[{'label':'A','when':'var.score > 1'}]}}");
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check_el (vars, "{'id':'e2','type':'set.variable','config':{'variable':'score','value':'var.score + 1'}}");
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check_el (vars, "{'id':'e2','type':'wait.event','config':{'event':'Paid','timeout':'1d',"
                                             "'assign':[{'variable':'score','property':'amount'}]}}");
    expect_clean (d);
  }
}

static WmFlow *
target_flow (const char *versions)
{
  return load_doc ("'format':'waymark.flow','format_version':1,'id':'g','name':'Target'," HEAD_TAIL, versions);
}

/* transfer names a variable the target flow's latest version does not
 * declare. */
static void
test_unknown_variable_in_target_flow (void)
{
  const char *vars = "{'variables':[{'name':'score','type':'number','initial':0}]}";
  const char *adder = "{'id':'e2','type':'add.to.flow','config':{'flow':'g','transfer':['score']}}";
  g_autofree char *with = version_text (1, "finishing", "2026-01-02T00:00:00Z", NULL, vars, ENTRY, NULL);
  g_autofree char *without = version_text (2, "active", "2026-01-03T00:00:00Z", NULL, NULL, ENTRY, NULL);
  g_autofree char *with2 = version_text (2, "draft", NULL, NULL, vars, ENTRY, NULL);
  g_autofree char *without1 = version_text (1, "active", "2026-01-02T00:00:00Z", NULL, NULL, ENTRY, NULL);
  g_autofree char *v = NULL;
  g_autofree char *elements = g_strconcat (ENTRY ",", adder, NULL);

  v = version_text (1, "draft", NULL, NULL, vars, elements, TO_E2);
  {
    g_autofree char *gv = g_strjoin (",", with, without, NULL);
    g_autoptr(WmFlow) g = target_flow (gv);
    g_autoptr(WmCatalog) catalog = wm_catalog_new ();
    g_autoptr(GPtrArray) d = NULL;

    wm_catalog_add_flow (catalog, g);
    d = validate_doc (HEAD, v, WM_LOOKUP (catalog));
    expect_error (d, "unknown-variable", 1, "e2", "transfer*");
  }
  {
    g_autofree char *gv = g_strjoin (",", without1, with2, NULL);
    g_autoptr(WmFlow) g = target_flow (gv);
    g_autoptr(WmCatalog) catalog = wm_catalog_new ();
    g_autoptr(GPtrArray) d = NULL;

    wm_catalog_add_flow (catalog, g);
    d = validate_doc (HEAD, v, WM_LOOKUP (catalog));
    expect_none (d, "unknown-variable");
    expect_no_errors (d);
  }
  {
    /* The target is not at hand: nothing to compare with. */
    g_autoptr(GPtrArray) d = validate_doc (HEAD, v, NULL);
    expect_none (d, "unknown-variable");
    expect_no_errors (d);
  }
}

/* ---- unknown-reference ----------------------------------------------- */

static WmCatalog *
catalog_with_ids (void)
{
  WmCatalog *catalog = wm_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json ("{'format':'waymark.catalog','format_version':1,"
                                "'milestones':[{'id':'m1','name':'First','description':''}],"
                                "'outcomes':[{'id':'o1','name':'Activation','description':''}]}");
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (wm_catalog_load_node (catalog, node, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
test_unknown_reference (void)
{
  {
    /* react.message on an element that is not a send.* */
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'react.message','config':{'element':'e1','reaction':'clicked','timeout':'1d'}}");
    expect_error (d, "unknown-reference", 1, "e2", "element");
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'react.message','config':{'element':'nowhere','reaction':'clicked','timeout':'1d'}}");
    expect_error (d, "unknown-reference", 1, "e2", "element");
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'add.to.flow','config':{'flow':'f'}}");
    expect_error (d, "unknown-reference", 1, "e2", "flow");
  }
  {
    g_autoptr(WmCatalog) catalog = catalog_with_ids ();
    g_autofree char *v = version_text (1, "draft", NULL, NULL, NULL,
                                       ENTRY ",{'id':'e2','type':'milestone','config':{'milestone':'m2'}},"
                                       "{'id':'e3','type':'outcome.start','config':{'outcome':'o2'}},"
                                       "{'id':'e4','type':'outcome.set','config':{'outcome':'o2','result':'failure'}}",
                                       TO_E2 ",{'from':'e2','port':'out','to':'e3'},{'from':'e3','port':'out','to':'e4'}");
    g_autoptr(GPtrArray) d = validate_doc (HEAD, v, WM_LOOKUP (catalog));
    expect_error (d, "unknown-reference", 1, "e2", "milestone");
    expect_error (d, "unknown-reference", 1, "e3", "outcome");
    expect_error (d, "unknown-reference", 1, "e4", "outcome");
  }
  {
    g_autoptr(WmCatalog) catalog = catalog_with_ids ();
    g_autofree char *v = version_text (1, "draft", NULL, NULL, NULL,
                                       ENTRY ",{'id':'e2','type':'milestone','config':{'milestone':'m1'}},"
                                       "{'id':'e3','type':'outcome.start','config':{'outcome':'o1'}},"
                                       "{'id':'e4','type':'outcome.set','config':{'outcome':'o1','result':'failure'}}",
                                       TO_E2 ",{'from':'e2','port':'out','to':'e3'},{'from':'e3','port':'out','to':'e4'}");
    g_autoptr(GPtrArray) d = validate_doc (HEAD, v, WM_LOOKUP (catalog));
    expect_clean (d);
  }
  {
    /* Without a catalog, milestone ids are not at hand. */
    g_autoptr(WmCatalog) empty = wm_catalog_new ();
    g_autofree char *v = version_text (1, "draft", NULL, NULL, NULL,
                                       ENTRY ",{'id':'e2','type':'milestone','config':{'milestone':'m2'}}", TO_E2);
    g_autoptr(GPtrArray) d1 = validate_doc (HEAD, v, NULL);
    g_autoptr(GPtrArray) d2 = validate_doc (HEAD, v, WM_LOOKUP (empty));
    expect_clean (d1);
    expect_clean (d2);
  }
}

static void
test_unknown_reference_flows_at_hand (void)
{
  g_autofree char *v = version_text (1, "draft", NULL, NULL, NULL,
                                     ENTRY ",{'id':'e2','type':'add.to.flow','config':{'flow':'g'}}", TO_E2);
  g_autofree char *gv = version_text (1, "draft", NULL, NULL, NULL, ENTRY, NULL);

  {
    g_autoptr(WmCatalog) catalog = wm_catalog_new ();
    g_autoptr(GPtrArray) d = NULL;

    wm_catalog_set_flows_complete (catalog, TRUE);
    d = validate_doc (HEAD, v, WM_LOOKUP (catalog));
    expect_error (d, "unknown-reference", 1, "e2", "flow");
  }
  {
    g_autoptr(WmCatalog) catalog = wm_catalog_new ();
    g_autoptr(GPtrArray) d = NULL;

    wm_catalog_set_flows_complete (catalog, FALSE);
    d = validate_doc (HEAD, v, WM_LOOKUP (catalog));
    expect_clean (d);
  }
  {
    g_autoptr(WmCatalog) catalog = wm_catalog_new ();
    g_autoptr(WmFlow) g = target_flow (gv);
    g_autoptr(GPtrArray) d = NULL;

    wm_catalog_add_flow (catalog, g);
    wm_catalog_set_flows_complete (catalog, TRUE);
    d = validate_doc (HEAD, v, WM_LOOKUP (catalog));
    expect_clean (d);
  }
}

/* ---- bad-connection -------------------------------------------------- */

static void
test_bad_connection (void)
{
  const char *els = ENTRY ",{'id':'e2','type':'wait.delay','config':{'duration':'1h'}},"
                    "{'id':'e3','type':'wait.delay','config':{'duration':'2h'}}";
  const char *bad[] = {
    "{'from':'e1','port':'out','to':'zz'}",
    "{'from':'zz','port':'out','to':'e2'}," TO_E2,
    "{'from':'e1','port':'yes','to':'e2'}",
    TO_E2 ",{'from':'e1','port':'out','to':'e3'}",
    TO_E2 ",{'from':'e2','port':'out','to':'e1'}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) d = check (NULL, els, bad[i]);

      g_test_message ("connections %s", bad[i]);
      expect_error (d, "bad-connection", 1, "*", "*|~");
    }
  {
    /* Many incoming connections are fine. */
    g_autoptr(GPtrArray) d = check (NULL, els, TO_E2 ",{'from':'e2','port':'out','to':'e3'},"
                                    "{'from':'e3','port':'out','to':'e2'}");
    expect_none (d, "bad-connection");
  }
  {
    /* Numbered ports: 1..n and else for branches, 1..n for variants. */
    const char *branch = ENTRY ",{'id':'e2','type':'branch.condition','config':{'branches':"
                         "[{'label':'A','when':'true'},{'label':'B','when':'false'}]}},"
                         "{'id':'e3','type':'split.percent','config':{'variants':"
                         "[{'label':'A','weight':1},{'label':'B','weight':1}]}},"
                         "{'id':'x','type':'exit','config':{}}";
    g_autoptr(GPtrArray) ok = check (NULL, branch, TO_E2 ",{'from':'e2','port':'1','to':'e3'},{'from':'e2','port':'2','to':'x'},"
                                     "{'from':'e2','port':'else','to':'x'},{'from':'e3','port':'1','to':'x'},"
                                     "{'from':'e3','port':'2','to':'x'}");
    g_autoptr(GPtrArray) b3 = check (NULL, branch, TO_E2 ",{'from':'e2','port':'3','to':'e3'}");
    g_autoptr(GPtrArray) s3 = check (NULL, branch, TO_E2 ",{'from':'e2','port':'1','to':'e3'},{'from':'e3','port':'else','to':'x'}");
    g_autoptr(GPtrArray) xo = check (NULL, branch, TO_E2 ",{'from':'e2','port':'1','to':'x'},{'from':'x','port':'out','to':'e3'}");

    expect_clean (ok);
    expect_error (b3, "bad-connection", 1, "*", "*|~");
    expect_error (s3, "bad-connection", 1, "*", "*|~");
    expect_error (xo, "bad-connection", 1, "*", "*|~");
  }
}

/* ---- duplicate-id ---------------------------------------------------- */

static void
test_duplicate_id (void)
{
  {
    g_autoptr(GPtrArray) d = check (NULL, ENTRY ",{'id':'e2','type':'wait.delay','config':{'duration':'1h'}},"
                                    "{'id':'e2','type':'wait.delay','config':{'duration':'2h'}}", TO_E2);
    expect_error (d, "duplicate-id", 1, "e2", "*|~");
  }
  {
    /* Names compare after Unicode full case folding. */
    g_autoptr(GPtrArray) d = check (NULL, ENTRY ",{'id':'e2','type':'wait.delay','name':'Straße','config':{'duration':'1h'}},"
                                    "{'id':'e3','type':'wait.delay','name':'STRASSE','config':{'duration':'2h'}}",
                                    TO_E2 ",{'from':'e2','port':'out','to':'e3'}");
    expect_error (d, "duplicate-id", 1, "e2|e3", "*|~");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, ENTRY ",{'id':'e2','type':'wait.delay','name':'Reminder','config':{'duration':'1h'}},"
                                    "{'id':'e3','type':'wait.delay','name':'reminder','config':{'duration':'2h'}}",
                                    TO_E2 ",{'from':'e2','port':'out','to':'e3'}");
    expect_error (d, "duplicate-id", 1, "e2|e3", "*|~");
  }
  {
    /* Different names, no names and empty names do not clash. */
    g_autoptr(GPtrArray) d = check (NULL, ENTRY ",{'id':'e2','type':'wait.delay','name':'Reminder','config':{'duration':'1h'}},"
                                    "{'id':'e3','type':'wait.delay','name':'Reminder 2','config':{'duration':'2h'}},"
                                    "{'id':'e4','type':'wait.delay','config':{'duration':'2h'}},"
                                    "{'id':'e5','type':'wait.delay','config':{'duration':'2h'}},"
                                    "{'id':'e6','type':'wait.delay','name':'','config':{'duration':'2h'}},"
                                    "{'id':'e7','type':'wait.delay','name':'','config':{'duration':'2h'}}",
                                    TO_E2 ",{'from':'e2','port':'out','to':'e3'},{'from':'e3','port':'out','to':'e4'},"
                                    "{'from':'e4','port':'out','to':'e5'},{'from':'e5','port':'out','to':'e6'},"
                                    "{'from':'e6','port':'out','to':'e7'}");
    expect_none (d, "duplicate-id");
    expect_clean (d);
  }
}

/* ---- instant-loop ---------------------------------------------------- */

static void
test_instant_loop (void)
{
  const char *a = "{'id':'a','type':'set.attribute','config':{'attribute':'seen','value':'true'}}";
  const char *b = "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'Again','when':'profile.again'}]}}";
  const char *w = "{'id':'w','type':'wait.delay','config':{'duration':'1h'}}";
  const char *s_window = "{'id':'w','type':'send.sms','config':{'sender':'S','text':'Hi',"
                         "'send_window':{'from':'09:00','to':'17:00'}}}";
  const char *s_plain = "{'id':'w','type':'send.sms','config':{'sender':'S','text':'Hi'}}";
  const char *we = "{'id':'w','type':'wait.event','config':{'event':'Paid','timeout':'1d'}}";
  const char *direct = "{'from':'e1','port':'out','to':'a'},{'from':'a','port':'out','to':'b'},{'from':'b','port':'1','to':'a'}";
  const char *via_w = "{'from':'e1','port':'out','to':'a'},{'from':'a','port':'out','to':'w'},"
                      "{'from':'w','port':'out','to':'b'},{'from':'b','port':'1','to':'a'}";
  const char *via_we = "{'from':'e1','port':'out','to':'a'},{'from':'a','port':'out','to':'w'},"
                       "{'from':'w','port':'timeout','to':'b'},{'from':'b','port':'1','to':'a'}";

  {
    g_autofree char *els = g_strjoin (",", ENTRY, a, b, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, direct);
    expect_error (d, "instant-loop", 1, "*", "*|~");
  }
  {
    /* A branch into itself. */
    g_autofree char *els = g_strjoin (",", ENTRY, b, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, "{'from':'e1','port':'out','to':'b'},{'from':'b','port':'1','to':'b'}");
    expect_error (d, "instant-loop", 1, "*", "*|~");
  }
  {
    g_autofree char *els = g_strjoin (",", ENTRY, a, b, s_plain, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, via_w);
    expect_error (d, "instant-loop", 1, "*", "*|~");
  }
  {
    g_autofree char *els = g_strjoin (",", ENTRY, a, b, w, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, via_w);
    expect_none (d, "instant-loop");
    expect_clean (d);
  }
  {
    g_autofree char *els = g_strjoin (",", ENTRY, a, b, s_window, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, via_w);
    expect_none (d, "instant-loop");
    expect_clean (d);
  }
  {
    g_autofree char *els = g_strjoin (",", ENTRY, a, b, we, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, via_we);
    expect_none (d, "instant-loop");
    expect_clean (d);
  }
}

/* ---- audience-rules -------------------------------------------------- */

static void
test_audience_rules (void)
{
  const char *audience = "{'id':'e1','type':'entry.audience','config':{'where':'profile.vip'}}";
  g_autofree char *v1 = version_text (1, "draft", NULL, NULL, NULL, audience, NULL);

  {
    g_autoptr(GPtrArray) d = validate_doc ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                           "'schedule':{'start':null,'end':null,'indefinite':true}", v1, NULL);
    expect_error (d, "audience-rules", 0, "*|~", "*|~");
  }
  {
    g_autofree char *a1 = version_text (1, "finishing", "2026-01-02T00:00:00Z", NULL, NULL, audience, NULL);
    g_autofree char *a2 = version_text (2, "draft", NULL, NULL, NULL, audience, NULL);
    g_autofree char *versions = g_strjoin (",", a1, a2, NULL);
    g_autoptr(GPtrArray) d = validate_doc (HEAD, versions, NULL);
    expect_error (d, "audience-rules", 0, "*|~", "*|~");
  }
  {
    g_autoptr(GPtrArray) d = validate_doc (HEAD, v1, NULL);
    expect_none (d, "audience-rules");
    expect_clean (d);
  }
  {
    /* indefinite is fine for other entries. */
    g_autoptr(GPtrArray) d = validate_doc ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                           "'schedule':{'start':null,'end':null,'indefinite':true}",
                                           "{'number':1,'status':'draft','created_at':'2026-01-01T00:00:00Z','elements':[" ENTRY "]}",
                                           NULL);
    expect_clean (d);
  }
}

/* ---- schedule-invalid ------------------------------------------------ */

static void
test_schedule_invalid (void)
{
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                         "'schedule':{'start':'2026-02-01T00:00:00Z','end':'2026-01-01T00:00:00Z','indefinite':false}");
    expect_error (d, "schedule-invalid", 0, NULL, "schedule*|~");
  }
  {
    /* "not later": equal instants, written with different offsets. */
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                         "'schedule':{'start':'2026-02-01T02:00:00+02:00','end':'2026-02-01T00:00:00Z','indefinite':false}");
    expect_error (d, "schedule-invalid", 0, NULL, "schedule*|~");
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                         "'schedule':{'start':'2026-02-01T00:00:00Z','end':'2026-02-01T00:00:01Z','indefinite':false}");
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                         "'schedule':{'start':null,'end':'2026-02-01T00:00:00Z'}");
    expect_clean (d);
  }
}

/* ---- entry-changed --------------------------------------------------- */

static GPtrArray *
check_entries (const char *first,
               const char *second)
{
  g_autofree char *v1 = version_text (1, "finishing", "2026-01-02T00:00:00Z", NULL, NULL, first, NULL);
  g_autofree char *v2 = version_text (2, "active", "2026-02-01T00:00:00Z", NULL, NULL, second, NULL);
  g_autofree char *versions = g_strjoin (",", v1, v2, NULL);

  return validate_doc (HEAD, versions, NULL);
}

static void
test_entry_changed (void)
{
  const struct { const char *a; const char *b; gboolean changed; } cases[] = {
    { ENTRY, "{'id':'e1','type':'entry.event','config':{'event':'Signed'}}", TRUE },
    { ENTRY, "{'id':'e1','type':'entry.date','config':{'attribute':'birthday'}}", TRUE },
    { ENTRY, "{'id':'e1','type':'entry.event','config':{'event':'Signup','where':'true'}}", TRUE },
    /* Defaults are not filled in. */
    { "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','offset':0}}",
      "{'id':'e1','type':'entry.date','config':{'attribute':'birthday'}}", TRUE },
    { "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','at':'09:00'}}",
      "{'id':'e1','type':'entry.date','config':{'attribute':'birthday'}}", TRUE },
    { "{'id':'e1','type':'entry.inbound','config':{'channel':'sms','number':'+38591000000','keyword':'JOIN'}}",
      "{'id':'e1','type':'entry.inbound','config':{'channel':'sms','number':'+38591000000','keyword':'join'}}", TRUE },
    /* x- keys, null and "" fields are dropped; key order does not matter. */
    { ENTRY, "{'id':'e1','type':'entry.event','config':{'event':'Signup','x-note':'hi'}}", FALSE },
    { "{'id':'e1','type':'entry.event','config':{'event':'Signup','x-a':1}}",
      "{'id':'e1','type':'entry.event','config':{'event':'Signup','x-a':2}}", FALSE },
    { ENTRY, "{'id':'e1','type':'entry.event','config':{'event':'Signup','where':''}}", FALSE },
    { "{'id':'e1','type':'entry.event','config':{'event':'Signup','where':null}}", ENTRY, FALSE },
    { "{'id':'e1','type':'entry.inbound','config':{'channel':'sms','number':'+38591000000','keyword':'JOIN'}}",
      "{'id':'e1','type':'entry.inbound','config':{'keyword':'JOIN','number':'+38591000000','channel':'sms'}}", FALSE },
    { "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','offset':2}}",
      "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','offset':2.0}}", FALSE },
    /* Only type and config count: not the id, name or position. */
    { ENTRY, "{'id':'start','type':'entry.event','name':'Signed up','position':[10,10],'config':{'event':'Signup'}}", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) d = check_entries (cases[i].a, cases[i].b);

      g_test_message ("entry %s then %s", cases[i].a, cases[i].b);
      if (cases[i].changed)
        expect_error (d, "entry-changed", 2, "*|~", "*|~");
      else
        expect_none (d, "entry-changed");
      g_assert_cmpuint (wm_diagnostics_count (d, WM_SEVERITY_ERROR, 1), ==, 0);
    }

  /* Each version compares with the one before it. */
  {
    const char *other = "{'id':'e1','type':'entry.event','config':{'event':'Other'}}";
    g_autofree char *v1 = version_text (1, "finishing", "2026-01-02T00:00:00Z", NULL, NULL, ENTRY, NULL);
    g_autofree char *v2 = version_text (2, "finishing", "2026-01-03T00:00:00Z", NULL, NULL, other, NULL);
    g_autofree char *v5 = version_text (5, "draft", NULL, NULL, NULL, other, NULL);
    g_autofree char *versions = g_strjoin (",", v1, v2, v5, NULL);
    g_autoptr(GPtrArray) d = validate_doc (HEAD, versions, NULL);

    expect_error (d, "entry-changed", 2, "*|~", "*|~");
    g_assert_cmpuint (wm_diagnostics_count (d, WM_SEVERITY_ERROR, 1), ==, 0);
    g_assert_cmpuint (wm_diagnostics_count (d, WM_SEVERITY_ERROR, 5), ==, 0);
  }
}

/* ---- inbound-conflict ------------------------------------------------ */

static WmFlow *
inbound_flow (const char *id,
              const char *versions_status,
              const char *channel,
              const char *number,
              const char *keyword)
{
  g_autofree char *entry = keyword
    ? g_strdup_printf ("{'id':'e1','type':'entry.inbound','config':{'channel':'%s','number':'%s','keyword':'%s'}}",
                       channel, number, keyword)
    : g_strdup_printf ("{'id':'e1','type':'entry.inbound','config':{'channel':'%s','number':'%s'}}",
                       channel, number);
  g_auto(GStrv) statuses = g_strsplit (versions_status, ",", -1);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = g_strdup_printf ("'format':'waymark.flow','format_version':1,'id':'%s','name':'Flow %s',"
                                           HEAD_TAIL, id, id);
  g_autofree char *joined = NULL;

  for (guint i = 0; statuses[i] != NULL; i++)
    {
      const char *s = statuses[i];
      gboolean launched = g_str_equal (s, "active") || g_str_equal (s, "paused") || g_str_equal (s, "finishing")
                          || g_str_equal (s, "finished") || g_str_equal (s, "stopped");
      g_autofree char *at = g_strdup_printf ("2026-01-%02uT00:00:00Z", i + 2);

      g_ptr_array_add (versions, version_text (i + 1, s, launched ? at : NULL,
                                               g_str_equal (s, "stopped") ? at : NULL, NULL, entry, NULL));
    }
  g_ptr_array_add (versions, NULL);
  joined = g_strjoinv (",", (char **) versions->pdata);
  return load_doc (head, joined);
}

/* Validates @f with @g at hand, as the command line does (f at hand too). */
static GPtrArray *
check_inbound (WmFlow *f,
               WmFlow *g)
{
  g_autoptr(WmCatalog) catalog = wm_catalog_new ();

  wm_catalog_set_check_inbound (catalog, TRUE);
  wm_catalog_add_flow (catalog, f);
  if (g != NULL)
    wm_catalog_add_flow (catalog, g);
  return wm_validate_flow (f, WM_LOOKUP (catalog));
}

static void
test_inbound_conflict (void)
{
  const struct { const char *g_statuses; const char *channel; const char *number; const char *g_kw; const char *f_kw; gboolean conflict; } cases[] = {
    { "active",        "sms", "+38591000000", "stop",  "STOP",  TRUE },
    { "paused",        "sms", "+38591000000", "Stop",  "sToP",  TRUE },
    { "scheduled",     "sms", "+38591000000", "STOP",  "STOP",  TRUE },
    { "draft,active",  "sms", "+38591000000", "STOP",  "STOP",  TRUE },
    { "active",        "sms", "+38591000000", NULL,    "STOP",  TRUE },
    { "active",        "sms", "+38591000000", "STOP",  NULL,    TRUE },
    { "active",        "sms", "+38591000000", NULL,    NULL,    TRUE },
    { "active",        "sms", "+38591000000", "START", "STOP",  FALSE },
    { "active",        "sms", "+38591999999", "STOP",  "STOP",  FALSE },
    { "active",        "viber", "+38591000000", "STOP", "STOP", FALSE },
    /* ASCII case-insensitive only: Ä and ä differ. */
    { "active",        "sms", "+38591000000", "ÄB",    "äb",    FALSE },
    /* Only the other flow's latest version counts. */
    { "draft",         "sms", "+38591000000", "STOP",  "STOP",  FALSE },
    { "active,draft",  "sms", "+38591000000", "STOP",  "STOP",  FALSE },
    { "finishing",     "sms", "+38591000000", "STOP",  "STOP",  FALSE },
    { "finished",      "sms", "+38591000000", "STOP",  "STOP",  FALSE },
    { "stopped",       "sms", "+38591000000", "STOP",  "STOP",  FALSE },
    { "canceled",      "sms", "+38591000000", "STOP",  "STOP",  FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WmFlow) f = inbound_flow ("f", "draft", "sms", "+38591000000", cases[i].f_kw);
      g_autoptr(WmFlow) g = inbound_flow ("g", cases[i].g_statuses, cases[i].channel, cases[i].number, cases[i].g_kw);
      g_autoptr(GPtrArray) d = check_inbound (f, g);

      g_test_message ("g %s %s %s %s, f sms +38591000000 %s", cases[i].g_statuses, cases[i].channel,
                      cases[i].number, cases[i].g_kw, cases[i].f_kw);
      if (cases[i].conflict)
        expect_error (d, "inbound-conflict", 1, "e1", "*|~");
      else
        {
          expect_none (d, "inbound-conflict");
          expect_no_errors (d);
        }
    }

  {
    /* A flow does not conflict with itself. */
    g_autoptr(WmFlow) f = inbound_flow ("f", "active", "sms", "+38591000000", "STOP");
    g_autoptr(GPtrArray) d = check_inbound (f, NULL);
    expect_clean (d);
  }
  {
    /* Without check_inbound, nothing is compared. */
    g_autoptr(WmFlow) f = inbound_flow ("f", "draft", "sms", "+38591000000", "STOP");
    g_autoptr(WmFlow) g = inbound_flow ("g", "active", "sms", "+38591000000", "STOP");
    g_autoptr(WmCatalog) catalog = wm_catalog_new ();
    g_autoptr(GPtrArray) d = NULL;

    wm_catalog_add_flow (catalog, f);
    wm_catalog_add_flow (catalog, g);
    d = wm_validate_flow (f, WM_LOOKUP (catalog));
    expect_none (d, "inbound-conflict");
  }
}

/* ---- variable-invalid ------------------------------------------------ */

static void
test_variable_invalid (void)
{
  const char *bad[] = {
    "{'variables':[{'name':'1abc','type':'string'}]}",
    "{'variables':[{'name':'a-b','type':'string'}]}",
    "{'variables':[{'name':'v1234567890123456789012345678901234567890123456789012345678901234','type':'string'}]}",
    "{'variables':[{'name':'a','type':'string'},{'name':'a','type':'number'}]}",
    "{'variables':[{'name':'a','type':'integer'}]}",
    "{'variables':[{'name':'a','type':'number','initial':'5'}]}",
    "{'variables':[{'name':'a','type':'string','initial':5}]}",
    "{'variables':[{'name':'a','type':'boolean','initial':1}]}",
    "{'variables':[{'name':'a','type':'datetime','initial':'tomorrow'}]}",
    "{'variables':[{'name':'a','type':'datetime','initial':1767225600}]}",
  };
  const char *good =
    "{'variables':[{'name':'s','type':'string','initial':''},{'name':'n','type':'number','initial':1.5},"
    "{'name':'b','type':'boolean','initial':false},{'name':'d','type':'datetime','initial':'2026-01-01T00:00:00Z'},"
    "{'name':'_x9','type':'string','initial':null},"
    "{'name':'v123456789012345678901234567890123456789012345678901234567890123','type':'number'}]}";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) d = check (bad[i], ENTRY, NULL);

      g_test_message ("settings %s", bad[i]);
      expect_error (d, "variable-invalid", 1, NULL, "settings.variables*");
    }
  {
    g_autoptr(GPtrArray) d = check (good, ENTRY, NULL);
    expect_none (d, "variable-invalid");
    expect_clean (d);
  }
}

/* ---- limit-exceeded -------------------------------------------------- */

static GPtrArray *
check_many (const char *type,
            const char *config,
            guint       count)
{
  GString *els = g_string_new (ENTRY);
  g_autofree char *elements = NULL;

  for (guint i = 0; i < count; i++)
    g_string_append_printf (els, ",{'id':'n%u','type':'%s','config':%s}", i, type, config);
  elements = g_string_free (els, FALSE);
  return check (NULL, elements, NULL);
}

static void
test_limit_exceeded (void)
{
  {
    g_autoptr(GPtrArray) d = check_many ("wait.delay", "{'duration':'1h'}", 1000);  /* 1001 elements */
    expect_error (d, "limit-exceeded", 1, "*|~", "*|~");
  }
  {
    g_autoptr(GPtrArray) d = check_many ("wait.delay", "{'duration':'1h'}", 999);   /* 1000 elements */
    expect_none (d, "limit-exceeded");
    expect_no_errors (d);
  }
  {
    g_autoptr(GPtrArray) d = check_many ("milestone", "{'milestone':'m1'}", 101);
    expect_error (d, "limit-exceeded", 1, "*|~", "*|~");
  }
  {
    g_autoptr(GPtrArray) d = check_many ("milestone", "{'milestone':'m1'}", 100);
    expect_none (d, "limit-exceeded");
    expect_no_errors (d);
  }
}

/* ---- warnings -------------------------------------------------------- */

static void
test_unreachable (void)
{
  const char *els = ENTRY ",{'id':'e2','type':'wait.delay','config':{'duration':'1h'}},"
                    "{'id':'e3','type':'wait.delay','config':{'duration':'1h'}}";

  {
    g_autoptr(GPtrArray) d = check (NULL, els, TO_E2);
    expect_warning (d, "unreachable", 1, "e3", "*|~");
    expect_no_errors (d);
  }
  {
    /* e3 leads to e2, but nothing leads to e3. */
    g_autoptr(GPtrArray) d = check (NULL, els, TO_E2 ",{'from':'e3','port':'out','to':'e2'}");
    expect_warning (d, "unreachable", 1, "e3", "*|~");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, els, TO_E2 ",{'from':'e2','port':'out','to':'e3'}");
    expect_none (d, "unreachable");
    expect_clean (d);
  }
}

static void
test_react_before_send (void)
{
  const char *els = ENTRY ",{'id':'b','type':'branch.condition','config':{'branches':[{'label':'A','when':'profile.a'}]}},"
                    "{'id':'s','type':'send.sms','config':{'sender':'S','text':'Hi'}},"
                    "{'id':'r','type':'react.message','config':{'element':'s','reaction':'clicked','timeout':'1d'}}";

  {
    g_autoptr(GPtrArray) d = check (NULL, els, "{'from':'e1','port':'out','to':'b'},{'from':'b','port':'1','to':'s'},"
                                    "{'from':'s','port':'out','to':'r'},{'from':'b','port':'else','to':'r'}");
    expect_warning (d, "react-before-send", 1, "r", "*|~");
    expect_no_errors (d);
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, els, "{'from':'e1','port':'out','to':'b'},{'from':'b','port':'1','to':'s'},"
                                    "{'from':'s','port':'out','to':'r'},{'from':'b','port':'else','to':'s'}");
    expect_none (d, "react-before-send");
    expect_clean (d);
  }
  {
    /* Only reachable react.message elements. */
    g_autoptr(GPtrArray) d = check (NULL, els, "{'from':'e1','port':'out','to':'b'},{'from':'b','port':'1','to':'s'}");
    expect_warning (d, "unreachable", 1, "r", "*|~");
    expect_none (d, "react-before-send");
  }
}

static GPtrArray *
check_sms (const char *text)
{
  g_autofree char *element = g_strdup_printf ("{'id':'e2','type':'send.sms','config':{'sender':'S','text':'%s'}}", text);

  return check_el (NULL, element);
}

static void
test_sms_warnings (void)
{
  g_autofree char *a459 = g_strnfill (459, 'a');
  g_autofree char *a460 = g_strnfill (460, 'a');
  g_autofree char *a200 = g_strnfill (200, 'a');
  g_autofree char *a201 = g_strnfill (201, 'a');
  GString *euro = g_string_new (NULL);
  g_autofree char *e229 = NULL, *e230 = NULL;

  for (guint i = 0; i < 229; i++)
    g_string_append (euro, "€");
  e229 = g_strdup (euro->str);
  g_string_append (euro, "€");
  e230 = g_string_free (euro, FALSE);

  {
    g_autoptr(GPtrArray) d = check_sms ("Zdravo, čeka vas popust");
    expect_warning (d, "sms-unicode", 1, "e2", "text");
    expect_none (d, "sms-long");
    expect_no_errors (d);
  }
  {
    /* é, à, ü and € are in GSM 03.38 (€ in the extension table). */
    g_autoptr(GPtrArray) d = check_sms ("Café à la carte, über 5 €");
    expect_clean (d);
  }
  {
    /* Placeholders count as nothing. */
    g_autoptr(GPtrArray) d = check_sms ("Hi {{ \\'čćž\\' }}");
    expect_none (d, "sms-unicode");
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check_sms (a460);
    expect_warning (d, "sms-long", 1, "e2", "text");
    expect_none (d, "sms-unicode");
  }
  {
    g_autoptr(GPtrArray) d = check_sms (a459);
    expect_clean (d);
  }
  {
    g_autofree char *t = g_strconcat (a459, "{{ profile.first_name }}", NULL);
    g_autoptr(GPtrArray) d = check_sms (t);
    expect_clean (d);
  }
  {
    /* Extension characters take two septets: 230 € are 460. */
    g_autoptr(GPtrArray) d = check_sms (e230);
    expect_warning (d, "sms-long", 1, "e2", "text");
  }
  {
    g_autoptr(GPtrArray) d = check_sms (e229);
    expect_clean (d);
  }
  {
    /* UCS-2: 3 segments hold 201 units. */
    g_autofree char *t = g_strconcat ("č", a201, NULL);
    g_autoptr(GPtrArray) d = check_sms (t);
    expect_warning (d, "sms-long", 1, "e2", "text");
    expect_warning (d, "sms-unicode", 1, "e2", "text");
  }
  {
    g_autofree char *t = g_strconcat ("č", a200, NULL);
    g_autoptr(GPtrArray) d = check_sms (t);
    expect_none (d, "sms-long");
    expect_warning (d, "sms-unicode", 1, "e2", "text");
  }
  {
    /* UTF-16 code units: an emoji is a surrogate pair, two units. */
    GString *emoji = g_string_new (NULL);
    g_autofree char *e100a = NULL, *e101 = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (emoji, "\xf0\x9f\x98\x80");
    e100a = g_strconcat (emoji->str, "a", NULL);
    g_string_append (emoji, "\xf0\x9f\x98\x80");
    e101 = g_string_free (emoji, FALSE);
    {
      g_autoptr(GPtrArray) d = check_sms (e101);   /* 202 units: 4 segments */
      expect_warning (d, "sms-long", 1, "e2", "text");
      expect_warning (d, "sms-unicode", 1, "e2", "text");
    }
    {
      g_autoptr(GPtrArray) d = check_sms (e100a);  /* 201 units: 3 segments */
      expect_none (d, "sms-long");
      expect_warning (d, "sms-unicode", 1, "e2", "text");
    }
  }
  {
    /* Only send.sms: the same text in a Viber message is fine. */
    g_autofree char *element = g_strdup_printf ("{'id':'e2','type':'send.viber','config':{'sender':'S','text':'č%s'}}", a201);
    g_autoptr(GPtrArray) d = check_el (NULL, element);
    expect_clean (d);
  }
}

static void
test_outcome_not_started (void)
{
  const char *start1 = "{'id':'st','type':'outcome.start','config':{'outcome':'o1'}}";
  const char *start2 = "{'id':'st','type':'outcome.start','config':{'outcome':'o2'}}";
  const char *set1 = "{'id':'os','type':'outcome.set','config':{'outcome':'o1','result':'success'}}";
  const char *branch = "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'A','when':'profile.a'}]}}";
  const char *chain = "{'from':'e1','port':'out','to':'st'},{'from':'st','port':'out','to':'os'}";

  {
    g_autofree char *els = g_strjoin (",", ENTRY, set1, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, "{'from':'e1','port':'out','to':'os'}");
    expect_warning (d, "outcome-not-started", 1, "os", "*|~");
    expect_no_errors (d);
  }
  {
    g_autofree char *els = g_strjoin (",", ENTRY, start2, set1, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, chain);
    expect_warning (d, "outcome-not-started", 1, "os", "*|~");
  }
  {
    g_autofree char *els = g_strjoin (",", ENTRY, branch, start1, set1, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, "{'from':'e1','port':'out','to':'b'},{'from':'b','port':'1','to':'st'},"
                                    "{'from':'st','port':'out','to':'os'},{'from':'b','port':'else','to':'os'}");
    expect_warning (d, "outcome-not-started", 1, "os", "*|~");
  }
  {
    g_autofree char *els = g_strjoin (",", ENTRY, start1, set1, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, chain);
    expect_none (d, "outcome-not-started");
    expect_clean (d);
  }
  {
    /* Unreachable outcome.set: only unreachable. */
    g_autofree char *els = g_strjoin (",", ENTRY, set1, NULL);
    g_autoptr(GPtrArray) d = check (NULL, els, NULL);
    expect_warning (d, "unreachable", 1, "os", "*|~");
    expect_none (d, "outcome-not-started");
  }
}

/* ---- edge cases ------------------------------------------------------ */

/* An optional field given as null or "" is the same as an absent one. */
static void
test_empty_optional_fields_are_absent (void)
{
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'09:00','days':null,'zone':''}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'call.api','config':{'method':'GET','url':'https://x.example/','body':''}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'send.whatsapp','config':{'sender':'S','template':'t1','text':''}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'wait.event','config':{'event':'Paid','timeout':'1d','where':'','assign':null}}");
  EXPECT_VALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi','send_window':null}}");
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','offset':null,'at':'','zone':''}}", NULL);
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':{'enabled':true,'delay':null,'limits':null},'goal':{'event':'Paid','value':'','window':''},"
                                    "'variables':[{'name':'n','type':'number','initial':''},{'name':'b','type':'boolean','initial':null},"
                                    "{'name':'d','type':'datetime','initial':''}]}", ENTRY, NULL);
    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.inbound','config':{'channel':'whatsapp','number':'+38591000000','keyword':''}}", NULL);
    expect_clean (d);
  }
}

/* Timestamps are whole UTC seconds; RFC 3339 as simulation.md reads it. */
static void
test_timestamps_are_whole_seconds (void)
{
  {
    g_autofree char *v1 = version_text (1, "finishing", "2026-02-01T00:00:00.900Z", NULL, NULL, ENTRY, NULL);
    g_autofree char *v2 = version_text (2, "stopped", "2026-02-01T00:00:00.100Z", "2026-02-01T00:00:00.050Z", NULL, ENTRY, NULL);
    g_autofree char *versions = g_strjoin (",", v1, v2, NULL);
    g_autoptr(GPtrArray) d = validate_doc (HEAD, versions, NULL);

    expect_clean (d);
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                         "'schedule':{'start':'2026-02-01T00:00:00.2Z','end':'2026-02-01T00:00:00.9Z'}");
    expect_error (d, "schedule-invalid", 0, NULL, "schedule*|~");
  }
  {
    /* Lower-case t and z are RFC 3339 too. */
    g_autofree char *v = version_text (1, "active", "2026-01-02t00:00:00z", NULL, NULL, ENTRY, NULL);
    g_autoptr(GPtrArray) d = validate_doc (HEAD, v, NULL);
    expect_clean (d);
  }
  {
    const char *bad[] = { "2026-01-02 00:00:00Z", "2026-12-31T23:59:60Z", "0000-01-02T00:00:00Z",
                          "2026-01-02T00:00:00", "2026-02-30T00:00:00Z" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *v = version_text (1, "active", bad[i], NULL, NULL, ENTRY, NULL);
        g_autoptr(GPtrArray) d = validate_doc (HEAD, v, NULL);

        g_test_message ("launched_at %s", bad[i]);
        expect_error (d, "field-invalid", 1, NULL, "launched_at");
      }
  }
}

/* More wrong types and values the Loading paragraph leaves to validation. */
static void
test_more_wrong_types (void)
{
  /* "a number that must be a string" (conformance 13). */
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.inbound','config':{'channel':'sms','number':38591000000}}", NULL);
    expect_error (d, "field-invalid", 1, "e1", "number");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.date','config':{'attribute':'birthday','offset':'3'}}", NULL);
    expect_error (d, "field-invalid", 1, "e1", "offset");
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.event','config':{'event':['Signup']}}", NULL);
    expect_error (d, "field-invalid", 1, "e1", "event");
  }
  EXPECT_INVALID (NULL, "{'id':'e2','type':'split.percent','config':{'variants':"
                  "[{'label':'A','weight':true},{'label':'B','weight':1}]}}", "variants*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'add.to.flow','config':{'flow':'g','transfer':'score'}}", "transfer*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.event','config':{'event':'Paid','timeout':'1d','assign':{'variable':'x'}}}", "assign*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'wait.time','config':{'at':'09:00','days':'mon'}}", "days*");
  EXPECT_INVALID (NULL, "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'Hi','send_window':'09:00-17:00'}}", "send_window*");
  {
    g_autoptr(GPtrArray) d = check ("{'variables':{'name':'a','type':'string'}}", ENTRY, NULL);
    expect_error (d, "field-invalid|variable-invalid", 1, NULL, "settings.variables*");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':{'enabled':true,'limits':{'count':1,'period':'1d'}}}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.reentry.limits*");
  }
  {
    g_autoptr(GPtrArray) d = check ("{'reentry':[]}", ENTRY, NULL);
    expect_error (d, "field-invalid", 1, NULL, "settings.reentry");
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow','description':5");
    expect_error (d, "field-invalid", 0, NULL, "description");
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow','timezone':3");
    expect_error (d, "field-invalid", 0, NULL, "timezone");
  }
  {
    g_autoptr(GPtrArray) d = check_head ("'format':'waymark.flow','format_version':1,'id':'f','name':'Flow',"
                                         "'schedule':{'start':null,'end':null,'indefinite':'yes'}");
    expect_error (d, "field-invalid", 0, NULL, "schedule.indefinite");
  }
}

/* Every expression and template field of the catalogue is parsed. */
static void
test_every_expression_field_is_parsed (void)
{
  const struct { const char *element; const char *field; guint column; } cases[] = {
    { "{'id':'e2','type':'send.sms','config':{'sender':'S','text':'{{ nope() }}'}}", "text", 4 },
    { "{'id':'e2','type':'send.email','config':{'from':'a@b.hr','subject':'S','body':'{{ nope() }}'}}", "body", 4 },
    { "{'id':'e2','type':'send.whatsapp','config':{'sender':'S','template':'t','text':'{{ nope() }}'}}", "text", 4 },
    { "{'id':'e2','type':'send.viber','config':{'sender':'S','text':'{{ nope() }}'}}", "text", 4 },
    { "{'id':'e2','type':'send.push','config':{'app':'A','title':'{{ nope() }}','text':'T'}}", "title", 4 },
    { "{'id':'e2','type':'send.push','config':{'app':'A','title':'T','text':'{{ nope() }}'}}", "text", 4 },
    { "{'id':'e2','type':'send.voice','config':{'from':'S','text':'{{ nope() }}'}}", "text", 4 },
    { "{'id':'e2','type':'wait.event','config':{'event':'Paid','timeout':'1d','where':'nope()'}}", "where", 1 },
    { "{'id':'e2','type':'set.attribute','config':{'attribute':'a','value':'nope()'}}", "value", 1 },
    { "{'id':'e2','type':'call.api','config':{'method':'GET','url':'{{ nope() }}'}}", "url", 4 },
    { "{'id':'e2','type':'notify.internal','config':{'channel':'sms','recipient':'{{ nope() }}','text':'T'}}", "recipient", 4 },
    { "{'id':'e2','type':'notify.internal','config':{'channel':'sms','recipient':'R','text':'{{ nope() }}'}}", "text", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) d = check_el (NULL, cases[i].element);

      g_test_message ("%s", cases[i].element);
      expect_column (d, "e2", cases[i].field, cases[i].column);
    }
  {
    g_autoptr(GPtrArray) d = check ("{'variables':[{'name':'x','type':'number'}]}",
                                    ENTRY ",{'id':'e2','type':'set.variable','config':{'variable':'x','value':'nope()'}}", TO_E2);
    expect_column (d, "e2", "value", 1);
  }
  {
    g_autoptr(GPtrArray) d = check (NULL, "{'id':'e1','type':'entry.audience','config':{'where':'profile.a =='}}", NULL);
    expect_column (d, "e1", "where", 13);
  }
}

/* Nesting deeper than 256 levels is a syntax error at the opener of the
 * 257th level. */
static void
test_expression_nesting_limit (void)
{
  g_autofree char *open257 = g_strnfill (257, '(');
  g_autofree char *close257 = g_strnfill (257, ')');
  g_autofree char *open256 = g_strnfill (256, '(');
  g_autofree char *close256 = g_strnfill (256, ')');
  g_autofree char *deep = g_strdup_printf ("{'id':'e2','type':'set.attribute','config':{'attribute':'a','value':'%s1%s'}}",
                                           open257, close257);
  g_autofree char *ok = g_strdup_printf ("{'id':'e2','type':'set.attribute','config':{'attribute':'a','value':'%s1%s'}}",
                                         open256, close256);
  {
    g_autoptr(GPtrArray) d = check_el (NULL, deep);
    expect_column (d, "e2", "value", 257);
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, ok);
    expect_clean (d);
  }
}

/* var.x in every expression and template field is checked. */
static void
test_unknown_variable_everywhere (void)
{
  const struct { const char *element; const char *field; } cases[] = {
    { "{'id':'e2','type':'send.email','config':{'from':'a@b.hr','subject':'{{ var.nope }}','body':'B'}}", "subject" },
    { "{'id':'e2','type':'wait.event','config':{'event':'Paid','timeout':'1d','where':'var.nope == event.x'}}", "where" },
    { "{'id':'e2','type':'set.attribute','config':{'attribute':'a','value':'var.nope'}}", "value" },
    { "{'id':'e2','type':'call.api','config':{'method':'POST','url':'https://x.example/','body':'{{ var.nope }}'}}", "body" },
    { "{'id':'e2','type':'notify.internal','config':{'channel':'email','recipient':'ops@x.hr','text':'{{ upper(var.nope) }}'}}", "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) d = check_el ("{'variables':[{'name':'known','type':'string'}]}", cases[i].element);

      g_test_message ("%s", cases[i].element);
      expect_error (d, "unknown-variable", 1, "e2", cases[i].field);
    }
  {
    /* A key after var. that is a keyword is still a name. */
    g_autoptr(GPtrArray) d = check_el ("{'variables':[{'name':'null','type':'string'}]}",
                                       "{'id':'e2','type':'set.attribute','config':{'attribute':'a','value':'var.null'}}");
    expect_clean (d);
  }
}

/* Ports that are not exactly "1".."n". */
static void
test_numbered_ports_are_exact (void)
{
  GString *variants = g_string_new (ENTRY ",{'id':'e2','type':'split.percent','config':{'variants':[");
  g_autofree char *els = NULL;

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (variants, "%s{'label':'V%u','weight':1}", i ? "," : "", i);
  g_string_append (variants, "]}},{'id':'x','type':'exit'}");
  els = g_string_free (variants, FALSE);
  {
    g_autoptr(GPtrArray) d = check (NULL, els, TO_E2 ",{'from':'e2','port':'10','to':'x'}");
    expect_none (d, "bad-connection");
    expect_no_errors (d);
  }
  {
    const char *bad[] = { "0", "01", "11", " 1", "1.0" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *conns = g_strdup_printf (TO_E2 ",{'from':'e2','port':'%s','to':'x'}", bad[i]);
        g_autoptr(GPtrArray) d = check (NULL, els, conns);

        g_test_message ("port '%s'", bad[i]);
        expect_error (d, "bad-connection", 1, "*", "*|~");
      }
  }
}

/* "a cycle in the graph": also one the entry cannot reach. */
static void
test_instant_loop_anywhere_in_the_graph (void)
{
  const char *els = ENTRY ",{'id':'a','type':'set.attribute','config':{'attribute':'x','value':'1'}},"
                    "{'id':'b','type':'branch.condition','config':{'branches':[{'label':'A','when':'true'}]}}";
  g_autoptr(GPtrArray) d = check (NULL, els, "{'from':'a','port':'out','to':'b'},{'from':'b','port':'1','to':'a'}");

  expect_error (d, "instant-loop", 1, "*", "*|~");
  expect_warning (d, "unreachable", 1, "a", "*|~");
}

/* Full case folding, not only ß: ﬁ folds to fi, final ς to σ, the
 * Kelvin sign to k. */
static void
test_names_fold_fully (void)
{
  const char *pairs[][2] = {
    { "ﬁle", "FILE" },
    { "ΌΣΟΣ", "όσος" },
    { "\xe2\x84\xaa" "elvin", "kelvin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *els = g_strdup_printf (ENTRY ",{'id':'e2','type':'wait.delay','name':'%s','config':{'duration':'1h'}},"
                                              "{'id':'e3','type':'wait.delay','name':'%s','config':{'duration':'1h'}}",
                                              pairs[i][0], pairs[i][1]);
      g_autoptr(GPtrArray) d = check (NULL, els, TO_E2 ",{'from':'e2','port':'out','to':'e3'}");

      g_test_message ("names %s and %s", pairs[i][0], pairs[i][1]);
      expect_error (d, "duplicate-id", 1, "e2|e3", "*|~");
    }
}

/* react.message names a send.* of this version, not of another. */
static void
test_react_message_needs_a_send_of_this_version (void)
{
  g_autofree char *v1 = version_text (1, "finishing", "2026-01-02T00:00:00Z", NULL, NULL,
                                      ENTRY ",{'id':'s','type':'send.sms','config':{'sender':'S','text':'Hi'}}",
                                      "{'from':'e1','port':'out','to':'s'}");
  g_autofree char *v2 = version_text (2, "draft", NULL, NULL, NULL,
                                      ENTRY ",{'id':'e2','type':'react.message','config':{'element':'s','reaction':'clicked','timeout':'1d'}}",
                                      TO_E2);
  g_autofree char *versions = g_strjoin (",", v1, v2, NULL);
  g_autoptr(GPtrArray) d = validate_doc (HEAD, versions, NULL);

  expect_error (d, "unknown-reference", 2, "e2", "element");
  g_assert_cmpuint (wm_diagnostics_count (d, WM_SEVERITY_ERROR, 1), ==, 0);
}

/* ---- order and messages ---------------------------------------------- */

static void
test_diagnostics_are_ordered (void)
{
  const char *bad_el = ENTRY ",{'id':'e2','type':'send.sms','config':{'sender':'S'}},"
                       "{'id':'e3','type':'wait.delay','config':{'duration':'1h'}}";
  g_autofree char *v1 = version_text (1, "finishing", "2026-01-02T00:00:00Z", NULL, NULL, bad_el, TO_E2);
  g_autofree char *v3 = version_text (3, "finishing", "2026-01-03T00:00:00Z", NULL, "{'goal':{}}", bad_el, TO_E2);
  g_autofree char *v7 = version_text (7, "active", "2026-01-04T00:00:00Z", NULL, NULL, bad_el, TO_E2);
  g_autofree char *versions = g_strjoin (",", v1, v3, v7, NULL);
  g_autoptr(GPtrArray) d = validate_doc ("'format':'waymark.flow','format_version':1,'id':'f',"
                                         "'timezone':'Nowhere/Town','schedule':{'start':'2026-03-01T00:00:00Z',"
                                         "'end':'2026-02-01T00:00:00Z','indefinite':false}", versions, NULL);
  guint last = 0;
  guint seen[8] = { 0 };

  for (guint i = 0; i < d->len; i++)
    {
      WmDiagnostic *diag = d->pdata[i];

      if (diag->version < last)
        {
          g_autofree char *all = dump (d);

          fail ("diagnostic %u (v%u) after one of v%u:\n%s", i, diag->version, last, all);
          break;
        }
      last = diag->version;
      if (diag->version < G_N_ELEMENTS (seen))
        seen[diag->version]++;
    }
  g_assert_cmpuint (seen[0], >=, 3);  /* name-missing, timezone, schedule-invalid */
  g_assert_cmpuint (seen[1], >=, 2);
  g_assert_cmpuint (seen[3], >=, 3);
  g_assert_cmpuint (seen[7], >=, 2);
  /* (the field of name-missing is checked in /core/validate/name-missing) */
  expect_error (d, "name-missing", 0, NULL, "*|~");
  expect_error (d, "field-invalid", 0, NULL, "timezone");
  expect_error (d, "schedule-invalid", 0, NULL, "schedule*|~");
  expect_error (d, "field-missing", 3, NULL, "settings.goal.event");
  expect_warning (d, "unreachable", 7, "e3", "*|~");
  g_assert_cmpuint (wm_diagnostics_count (d, WM_SEVERITY_ERROR, 0), ==, 3);
  g_assert_cmpuint (wm_diagnostics_count (d, WM_SEVERITY_WARNING, G_MAXUINT), ==, 3);
  g_assert_true (wm_diagnostics_block_version (d, 7));

  /* Stable from run to run. */
  {
    g_autoptr(WmFlow) flow = load_doc ("'format':'waymark.flow','format_version':1,'id':'f'", versions);
    g_autoptr(GPtrArray) a = wm_validate_flow (flow, NULL);
    g_autoptr(GPtrArray) b = wm_validate_flow (flow, NULL);
    g_autofree char *da = dump (a);
    g_autofree char *db = dump (b);

    g_assert_cmpstr (da, ==, db);
  }
}

static void
test_messages_name_the_element (void)
{
  const WmElementType *delay = wm_catalogue_lookup ("wait.delay");

  g_assert_nonnull (delay);
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'wait.delay','name':'Cool-off period','config':{'duration':'5x'}}");
    WmDiagnostic *diag = expect_error (d, "field-invalid", 1, "e2", "duration");

    if (diag != NULL && strstr (diag->message, "Cool-off period") == NULL)
      fail ("message does not name the element by its name: %s", diag->message);
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'wait.delay','config':{'duration':'5x'}}");
    WmDiagnostic *diag = expect_error (d, "field-invalid", 1, "e2", "duration");

    if (diag != NULL && strstr (diag->message, delay->label) == NULL)
      fail ("message does not name the element by its type label “%s”: %s",
                          delay->label, diag->message);
  }
  {
    g_autoptr(GPtrArray) d = check_el (NULL, "{'id':'e2','type':'send.sms','name':'Reminder SMS','config':{'sender':'S'}}");
    WmDiagnostic *diag = expect_error (d, "field-missing", 1, "e2", "text");

    if (diag != NULL && strstr (diag->message, "Reminder SMS") == NULL)
      fail ("message does not name the element by its name: %s", diag->message);
  }
}

/* ---- conformance flows ----------------------------------------------- */

static void
test_conformance_flows_have_no_errors (void)
{
  const char *base = SHARED_DIR "/conformance";
  g_autoptr(GDir) dir = g_dir_open (base, 0, NULL);
  const char *name;
  guint count = 0;

  if (dir == NULL)
    {
      g_test_skip ("no conformance cases next to the repository");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *case_dir = g_build_filename (base, name, NULL);
      g_autoptr(GDir) sub = g_dir_open (case_dir, 0, NULL);
      g_autoptr(WmCatalog) catalog = wm_catalog_new ();
      g_autoptr(GPtrArray) flows = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      const char *file;

      if (sub == NULL)
        continue;
      /* As `waymark-cli validate` sees a case's flows: together. */
      wm_catalog_set_check_inbound (catalog, TRUE);
      while ((file = g_dir_read_name (sub)) != NULL)
        if (g_str_has_suffix (file, ".waymark.json"))
          {
            g_autofree char *path = g_build_filename (case_dir, file, NULL);
            g_autoptr(GError) error = NULL;
            WmFlow *flow = wm_flow_load_from_file (path, &error);

            g_assert_no_error (error);
            wm_catalog_add_flow (catalog, flow);
            g_ptr_array_add (flows, flow);
            g_ptr_array_add (paths, g_steal_pointer (&path));
          }
      for (guint i = 0; i < flows->len; i++)
        {
          g_autoptr(GPtrArray) d = wm_validate_flow (flows->pdata[i], WM_LOOKUP (catalog));

          g_test_message ("%s", (char *) paths->pdata[i]);
          if (wm_diagnostics_count (d, WM_SEVERITY_ERROR, G_MAXUINT) != 0)
            {
              g_autofree char *all = dump (d);

              fail ("%s has errors:\n%s", (char *) paths->pdata[i], all);
            }
          count++;
        }
    }
  g_assert_cmpuint (count, >, 20);
}

int
main (int   argc,
      char *argv[])
{
  /* Keep going after a failing rule, so that one run lists every rule the
   * implementation breaks. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;

  memcpy (args, argv, sizeof (char *) * argc);
  args[argc] = (char *) "--keep-going";
  argv = args;
  g_test_init (&n_args, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/validate/a-minimal-flow-is-clean", test_minimal_flow_is_clean);
  g_test_add_func ("/core/validate/name-missing", test_name_missing);
  g_test_add_func ("/core/validate/entry-count", test_entry_count);
  g_test_add_func ("/core/validate/reachability-warnings-need-exactly-one-entry", test_reachability_warnings_need_one_entry);
  g_test_add_func ("/core/validate/field-missing", test_field_missing);
  g_test_add_func ("/core/validate/field-invalid/durations", test_field_invalid_duration);
  g_test_add_func ("/core/validate/field-invalid/clock-times-days-and-zones", test_field_invalid_clock_day_zone);
  g_test_add_func ("/core/validate/field-invalid/send-window-from-before-to", test_field_invalid_send_window_order);
  g_test_add_func ("/core/validate/field-invalid/email-sender", test_field_invalid_email);
  g_test_add_func ("/core/validate/field-invalid/weights-counts-and-limits", test_field_invalid_weight_and_counts);
  g_test_add_func ("/core/validate/field-invalid/reactions-the-channel-offers", test_field_invalid_reaction);
  g_test_add_func ("/core/validate/field-invalid/choices-and-set-attribute-id", test_field_invalid_choices);
  g_test_add_func ("/core/validate/field-invalid/milestone-outcome-and-flow-ids", test_field_invalid_ids);
  g_test_add_func ("/core/validate/field-invalid/flow-id-timezone-and-schedule-are-flow-level", test_field_invalid_flow_level);
  g_test_add_func ("/core/validate/field-invalid/wrong-json-types", test_field_invalid_json_types);
  g_test_add_func ("/core/validate/field-invalid/goal", test_field_invalid_goal);
  g_test_add_func ("/core/validate/field-invalid/launch-and-stop-times-by-status", test_field_invalid_lifecycle_times);
  g_test_add_func ("/core/validate/expression-syntax-gives-the-column", test_expression_syntax);
  g_test_add_func ("/core/validate/unknown-variable", test_unknown_variable);
  g_test_add_func ("/core/validate/unknown-variable/transfer-to-the-target-latest-version", test_unknown_variable_in_target_flow);
  g_test_add_func ("/core/validate/unknown-reference", test_unknown_reference);
  g_test_add_func ("/core/validate/unknown-reference/flows-at-hand", test_unknown_reference_flows_at_hand);
  g_test_add_func ("/core/validate/bad-connection", test_bad_connection);
  g_test_add_func ("/core/validate/duplicate-id-and-case-folded-names", test_duplicate_id);
  g_test_add_func ("/core/validate/instant-loop", test_instant_loop);
  g_test_add_func ("/core/validate/audience-rules", test_audience_rules);
  g_test_add_func ("/core/validate/schedule-invalid", test_schedule_invalid);
  g_test_add_func ("/core/validate/entry-changed", test_entry_changed);
  g_test_add_func ("/core/validate/inbound-conflict", test_inbound_conflict);
  g_test_add_func ("/core/validate/variable-invalid", test_variable_invalid);
  g_test_add_func ("/core/validate/limit-exceeded", test_limit_exceeded);
  g_test_add_func ("/core/validate/warning/unreachable", test_unreachable);
  g_test_add_func ("/core/validate/warning/react-before-send", test_react_before_send);
  g_test_add_func ("/core/validate/warning/sms-unicode-and-sms-long", test_sms_warnings);
  g_test_add_func ("/core/validate/warning/outcome-not-started", test_outcome_not_started);
  g_test_add_func ("/core/validate/edge/empty-optional-fields-are-absent", test_empty_optional_fields_are_absent);
  g_test_add_func ("/core/validate/edge/timestamps-are-whole-utc-seconds", test_timestamps_are_whole_seconds);
  g_test_add_func ("/core/validate/edge/more-wrong-json-types", test_more_wrong_types);
  g_test_add_func ("/core/validate/edge/every-expression-field-is-parsed", test_every_expression_field_is_parsed);
  g_test_add_func ("/core/validate/edge/expression-nesting-limit", test_expression_nesting_limit);
  g_test_add_func ("/core/validate/edge/unknown-variable-in-every-expression", test_unknown_variable_everywhere);
  g_test_add_func ("/core/validate/edge/numbered-ports-are-exact", test_numbered_ports_are_exact);
  g_test_add_func ("/core/validate/edge/instant-loop-anywhere-in-the-graph", test_instant_loop_anywhere_in_the_graph);
  g_test_add_func ("/core/validate/edge/react-message-needs-a-send-of-this-version", test_react_message_needs_a_send_of_this_version);
  g_test_add_func ("/core/validate/edge/names-fold-fully", test_names_fold_fully);
  g_test_add_func ("/core/validate/flow-level-first-then-by-version", test_diagnostics_are_ordered);
  g_test_add_func ("/core/validate/messages-name-the-element", test_messages_name_the_element);
  g_test_add_func ("/core/validate/conformance-flows-have-no-errors", test_conformance_flows_have_no_errors);

  return g_test_run ();
}
