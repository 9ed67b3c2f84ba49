/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-limits.c - big and hostile inputs finish quickly, with a clear error
 * where a limit applies, and are never held whole when the spec says so
 *
 * Issue 12, Resource bounds: 100,000 elements, a 10 MB expression, very deep
 * nesting, a profile line over 64 MiB. Each case has a time budget; the
 * budgets are generous for a normal or sanitizer build and are not checked
 * under valgrind (which runs everything dozens of times slower).
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <valgrind/valgrind.h>

#include "wm-expr.h"
#include "wm-flow-io.h"
#include "wm-journey-validate.h"
#include "wm-json.h"
#include "wm-profile-reader.h"
#include "wm-validate.h"

/* CPU seconds (user + system) any one case may take: the machines CI runs
 * on are shared, so wall time says little. Four times as much under
 * AddressSanitizer; not checked under valgrind. */
#define BUDGET 20.0

#if defined(__SANITIZE_ADDRESS__)
#define SLOWDOWN 4.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOWDOWN 4.0
#endif
#endif
#ifndef SLOWDOWN
#define SLOWDOWN 1.0
#endif

/* The sanitizer build checks memory, not speed, and CI runs it on top of
 * the normal suite: there the big inputs are a tenth of the size (the
 * limits themselves, 64 MiB lines and documents, are kept). */
#define SCALE (SLOWDOWN > 1.0 ? 10 : 1)
#define MANY (100000 / SCALE)

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
assert_quick (double      start,
              const char *what)
{
  double seconds = cpu_seconds () - start;

  g_test_message ("%s: %.2f s of CPU time", what, seconds);
  if (!RUNNING_ON_VALGRIND && seconds > BUDGET * SLOWDOWN)
    g_error ("%s took %.1f s of CPU time (budget %.0f s)", what, seconds, BUDGET * SLOWDOWN);
}

static gboolean
has_code (GPtrArray  *diagnostics,
          const char *code,
          guint       version)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      if (strcmp (d->code, code) == 0 && d->version == version)
        return TRUE;
    }
  return FALSE;
}

/* A version of @n wait.delay elements in a chain behind one entry point. */
static GString *
big_flow (guint n)
{
  GString *s = g_string_new ("{\"format\":\"waymark.flow\",\"format_version\":1,\"id\":\"big\","
                             "\"name\":\"Big\",\"timezone\":\"UTC\",\"versions\":[{\"number\":1,"
                             "\"status\":\"draft\",\"created_at\":\"2026-01-01T00:00:00Z\","
                             "\"elements\":[{\"id\":\"start\",\"type\":\"entry.event\",\"name\":\"Start\","
                             "\"position\":[0,0],\"config\":{\"event\":\"go\"}}");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, ",{\"id\":\"w%u\",\"type\":\"wait.delay\",\"position\":[%u,0],"
                               "\"config\":{\"duration\":\"1h\"}}", i, i * 10);
  g_string_append (s, "],\"connections\":[{\"from\":\"start\",\"port\":\"out\",\"to\":\"w0\"}");
  for (guint i = 1; i < n; i++)
    g_string_append_printf (s, ",{\"from\":\"w%u\",\"port\":\"out\",\"to\":\"w%u\"}", i - 1, i);
  g_string_append (s, "]}]}");
  return s;
}

static void
test_flow_with_100000_elements_loads_and_writes (void)
{
  g_autoptr(GString) text = big_flow (MANY);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autofree char *canonical = NULL;
  gsize length;
  double start = cpu_seconds ();

  flow = wm_flow_load_from_data (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow);
  assert_quick (start, "loading 100,000 elements");

  start = cpu_seconds ();
  canonical = wm_flow_to_canonical (flow, &length);
  g_assert_cmpuint (length, >, text->len);
  assert_quick (start, "writing 100,000 elements");
}

static void
test_flow_with_100000_elements_reports_limit_exceeded (void)
{
  g_autoptr(GString) text = big_flow (MANY);
  g_autoptr(WmFlow) flow = wm_flow_load_from_data (text->str, text->len, NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  double start = cpu_seconds ();

  g_assert_nonnull (flow);
  diagnostics = wm_validate_flow (flow, NULL);
  assert_quick (start, "validating 100,000 elements");
  /* flow-format.md: more than 1000 elements in a version. */
  g_assert_true (has_code (diagnostics, "limit-exceeded", 1));
}

static void
test_flow_with_1001_elements_is_over_the_limit (void)
{
  g_autoptr(GString) under = big_flow (999);
  g_autoptr(GString) over = big_flow (1000);
  g_autoptr(WmFlow) a = wm_flow_load_from_data (under->str, under->len, NULL);
  g_autoptr(WmFlow) b = wm_flow_load_from_data (over->str, over->len, NULL);
  g_autoptr(GPtrArray) da = wm_validate_flow (a, NULL);
  g_autoptr(GPtrArray) db = wm_validate_flow (b, NULL);

  /* 999 waits and the entry point are 1000 elements: at the limit. */
  g_assert_false (has_code (da, "limit-exceeded", 1));
  g_assert_true (has_code (db, "limit-exceeded", 1));
}

static void
test_journey_with_10000_stages_reports_limit_exceeded (void)
{
  g_autoptr(GString) s = g_string_new ("{\"format\":\"waymark.journey\",\"format_version\":1,"
                                       "\"id\":\"big\",\"name\":\"Big\",\"stages\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) journey = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  double start = cpu_seconds ();
  gboolean found = FALSE;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (s, "%s{\"id\":\"s%u\",\"name\":\"Stage %u\",\"steps\":[{\"id\":\"t\","
                               "\"name\":\"T\",\"kind\":\"task\"}]}", i ? "," : "", i, i);
  g_string_append (s, "]}");

  journey = wm_journey_load_from_data (s->str, s->len, &error);
  g_assert_no_error (error);
  diagnostics = wm_validate_journey (journey, NULL, FALSE);
  for (guint i = 0; i < diagnostics->len; i++)
    found |= strcmp (((WmDiagnostic *) diagnostics->pdata[i])->code, "limit-exceeded") == 0;
  /* journeys.md: more than 50 stages. */
  g_assert_true (found);
  assert_quick (start, "a journey of 10,000 stages");
}

static GString *
repeat (const char *head,
        const char *unit,
        const char *tail,
        gsize       size)
{
  GString *s = g_string_sized_new (size + 64);

  g_string_append (s, head);
  while (s->len < size)
    g_string_append (s, unit);
  g_string_append (s, tail);
  return s;
}

typedef struct
{
  const char *name;
  const char *head;
  const char *unit;
  const char *tail;
  WmExprKind  kind;
  guint       error_column;  /* 0: compiles */
} ExprCase;

#define TEN_MB (10 * 1000 * 1000 / SCALE)

static void
test_ten_megabyte_expressions_compile_or_fail_quickly (void)
{
  /* Columns by expressions.md: nesting deeper than 256 is reported at the
   * opener of level 257 (column 257 when every character opens a level;
   * for "abs(" the ( of the 257th call, 256 * 4 + 4). */
  static const ExprCase cases[] = {
    { "a sum of 5,000,000 terms", "1", "+1", "", WM_EXPR_EXPRESSION, 0 },
    { "a product chain", "2", "*1", "", WM_EXPR_EXPRESSION, 0 },
    { "an and chain", "true", "&&true", "", WM_EXPR_EXPRESSION, 0 },
    { "a string literal", "'", "abcdefghij", "'", WM_EXPR_EXPRESSION, 0 },
    { "a path of 5,000,000 keys", "profile", ".k", "", WM_EXPR_EXPRESSION, 0 },
    { "concat of 5,000,000 arguments", "concat(1", ",1", ")", WM_EXPR_EXPRESSION, 0 },
    { "10,000,000 open parentheses", "", "(", "1", WM_EXPR_EXPRESSION, 257 },
    { "10,000,000 minus signs", "", "-", "1", WM_EXPR_EXPRESSION, 257 },
    { "10,000,000 nots", "", "!", "true", WM_EXPR_EXPRESSION, 257 },
    { "nested calls", "", "abs(", "1", WM_EXPR_EXPRESSION, 1028 },
    { "a template of 1,000,000 placeholders", "", "{{ 1 }}abc", "", WM_EXPR_TEMPLATE, 0 },
    { "a template of plain text", "", "plain text ", "", WM_EXPR_TEMPLATE, 0 },
    { "an unclosed string", "'", "abcdefghij", "", WM_EXPR_EXPRESSION, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ExprCase *c = &cases[i];
      g_autoptr(GString) text = repeat (c->head, c->unit, c->tail, TEN_MB);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmExpr) expr = NULL;
      guint column = 0;
      double start = cpu_seconds ();

      expr = wm_expr_compile (text->str, c->kind, &column, &error);
      if (c->error_column == 0)
        {
          WmExprArena *arena = wm_expr_arena_new ();
          WmExprContext ctx = { NULL, NULL, 0, arena };
          WmValue v;

          g_assert_no_error (error);
          g_assert_nonnull (expr);
          v = wm_expr_eval (expr, &ctx);
          if (c->kind == WM_EXPR_TEMPLATE)
            g_assert_cmpint (v.type, ==, WM_VALUE_STRING);
          wm_expr_arena_free (arena);
        }
      else
        {
          g_autofree char *prefix = g_strdup_printf ("column %u: ", c->error_column);

          g_assert_null (expr);
          g_assert_error (error, WM_EXPR_ERROR, WM_EXPR_ERROR_SYNTAX);
          g_assert_cmpuint (column, ==, c->error_column);
          g_assert_true (g_str_has_prefix (error->message, prefix));
        }
      assert_quick (start, c->name);
    }
}

static void
test_sum_of_a_million_terms_has_the_right_value (void)
{
  g_autoptr(GString) text = repeat ("1", "+1", "", 2000000);
  g_autoptr(WmExpr) expr = wm_expr_compile (text->str, WM_EXPR_EXPRESSION, NULL, NULL);
  WmExprContext ctx = { NULL, NULL, 0, NULL };
  WmValue v;

  g_assert_nonnull (expr);
  v = wm_expr_eval (expr, &ctx);
  /* "1" then 999,999 "+1" fill 1,999,999 bytes, one more "+1" passes 2e6. */
  g_assert_cmpint (v.type, ==, WM_VALUE_NUMBER);
  g_assert_cmpfloat (v.as.number, ==, 1000001);
}

typedef struct
{
  const char *name;
  const char *head;
  const char *unit;
  const char *tail;
  gsize       size;
  int         code;   /* -1: parses */
} JsonCase;

static void
test_big_json_documents_are_read_or_refused_quickly (void)
{
  static const JsonCase cases[] = {
    { "10 MB of [", "", "[", "", TEN_MB, WM_JSON_ERROR_DEPTH },
    { "10 MB of {\"a\":", "", "{\"a\":", "", TEN_MB, WM_JSON_ERROR_DEPTH },
    { "64 levels", "", "[", "", 64, -1 },
    { "an array of 1,000,000 numbers", "[0", ",1.5e300", "]", TEN_MB, -1 },
    { "a 10 MB string", "\"", "\\u00e9abc", "\"", TEN_MB, -1 },
    { "a number of 10,000,000 digits", "", "9", "", TEN_MB, WM_JSON_ERROR_NUMBER_RANGE },
    { "a fraction of 10,000,000 digits", "0.", "1", "", TEN_MB, -1 },
    { "65 MB of spaces", "", "          ", "1", 65 * 1024 * 1024, WM_JSON_ERROR_TOO_LARGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const JsonCase *c = &cases[i];
      g_autoptr(GString) text = repeat (c->head, c->unit, c->tail, c->size);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      double start = cpu_seconds ();

      /* Close the containers of the nesting cases that should parse. */
      if (c->code == -1 && c->unit[0] == '[' && c->head[0] == '\0')
        {
          g_string_append (text, "1");
          for (gsize k = 0; k < c->size; k++)
            g_string_append_c (text, ']');
        }
      node = wm_json_parse (text->str, text->len, 0, NULL, NULL, &error);
      if (c->code == -1)
        {
          g_assert_no_error (error);
          g_assert_nonnull (node);
        }
      else
        {
          g_assert_null (node);
          g_assert_error (error, WM_JSON_ERROR, c->code);
        }
      assert_quick (start, c->name);
    }
}

static void
test_object_with_100000_keys_and_a_duplicate (void)
{
  g_autoptr(GString) s = g_string_new ("{");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  double start = cpu_seconds ();

  for (guint i = 0; i < MANY; i++)
    g_string_append_printf (s, "\"key%u\":%u,", i, i);
  g_string_append (s, "\"key0\":0}");
  node = wm_json_parse (s->str, s->len, 0, NULL, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, WM_JSON_ERROR, WM_JSON_ERROR_DUPLICATE_KEY);
  assert_quick (start, "100,001 keys");
}

/* Profile lines: a writer thread feeds a pipe, so no file holds the line
 * and the reader's memory is all that grows. */

typedef struct
{
  int   fd;
  gsize sizes[2];  /* two over-long lines of 'a' */
} Feeder;

static gpointer
feed (gpointer data)
{
  Feeder *f = data;
  g_autofree char *block = g_malloc (1 << 20);
  static const char last[] = "{\"id\":\"after\",\"attributes\":{\"phone\":\"+385911234567\"}}\n";

  memset (block, 'a', 1 << 20);
  for (guint i = 0; i < G_N_ELEMENTS (f->sizes); i++)
    {
      gsize left = f->sizes[i];

      while (left > 0)
        {
          gsize n = MIN (left, (gsize) 1 << 20);
          gssize w = write (f->fd, block, n);

          if (w <= 0)
            goto done;
          left -= w;
        }
      if (write (f->fd, "\n", 1) != 1)
        goto done;
    }
  if (write (f->fd, last, strlen (last)) != (gssize) strlen (last))
    goto done;
done:
  close (f->fd);
  return NULL;
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_profile_line_over_64_mib_is_rejected_without_being_held (void)
{
  int fds[2];
  Feeder feeder;
  g_autoptr(GThread) thread = NULL;
  g_autoptr(WmLineReader) reader = NULL;
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfile) profile = NULL;
  g_autofree char *reason = NULL;
  WmLine line;
  glong rss_before = max_rss_kib ();
  double start = cpu_seconds ();

  g_assert_cmpint (pipe (fds), ==, 0);
  feeder.fd = fds[1];
  feeder.sizes[0] = WM_PROFILE_LINE_MAX + 1;
  feeder.sizes[1] = (gsize) 3 * WM_PROFILE_LINE_MAX;
  thread = g_thread_new ("feeder", feed, &feeder);
  reader = wm_line_reader_new_fd (fds[0], "pipe");

  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_cmpuint (line.number, ==, 1);
  g_assert_true (line.too_long);
  g_assert_cmpuint (line.len, ==, 0);
  profile = wm_profile_parser_parse (parser, line.data, line.len, line.too_long, line.number, &reason);
  g_assert_null (profile);
  /* simulation.md: bad JSON. */
  g_assert_true (g_str_has_prefix (reason, "bad JSON: "));
  g_clear_pointer (&reason, g_free);

  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_cmpuint (line.number, ==, 2);
  g_assert_true (line.too_long);

  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_cmpuint (line.number, ==, 3);
  g_assert_false (line.too_long);
  profile = wm_profile_parser_parse (parser, line.data, line.len, line.too_long, line.number, &reason);
  g_assert_nonnull (profile);
  g_assert_false (wm_line_reader_next (reader, &line, &error));
  g_assert_no_error (error);
  g_thread_join (g_steal_pointer (&thread));
  close (fds[0]);

  /* 256 MiB went through; the reader keeps at most the limit plus a byte,
   * so the peak grows by about 64 MiB (less if it was higher already). */
  g_test_message ("peak RSS grew by %ld MiB", (max_rss_kib () - rss_before) / 1024);
  /* Not under valgrind or ASan: their allocators keep freed blocks aside. */
  if (!RUNNING_ON_VALGRIND && SLOWDOWN == 1.0)
    g_assert_cmpint (max_rss_kib () - rss_before, <, 100 * 1024);
  assert_quick (start, "lines of 64 MiB + 1 and 192 MiB");
}

static void
test_profile_line_with_100000_attributes_and_events (void)
{
  g_autoptr(GString) s = g_string_new ("{\"id\":\"many\",\"attributes\":{");
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  g_autoptr(WmProfile) profile = NULL;
  g_autofree char *reason = NULL;
  const WmProfileEvent *events;
  guint n_events;
  WmValue v;
  double start = cpu_seconds ();

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, "%s\"a%u\":%u", i ? "," : "", i, i);
  g_string_append (s, "},\"events\":[");
  /* In falling time order, so sorting has work to do. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, "%s{\"name\":\"e\",\"at\":\"2026-01-01T%02u:%02u:%02uZ\"}",
                            i ? "," : "", 23 - (i / 3600) % 24, 59 - (i / 60) % 60, 59 - i % 60);
  g_string_append (s, "]}");

  profile = wm_profile_parser_parse (parser, s->str, s->len, FALSE, 1, &reason);
  g_assert_null (reason);
  g_assert_nonnull (profile);
  events = wm_profile_get_events (profile, &n_events);
  g_assert_cmpuint (n_events, ==, 100000);
  for (guint i = 1; i < n_events; i++)
    g_assert_cmpint (events[i - 1].at, <=, events[i].at);
  g_assert_true (wm_profile_lookup_dotted (profile, "a99999", &v));
  g_assert_cmpfloat (v.as.number, ==, 99999);

  /* The same line with a key twice is bad JSON. */
  g_string_insert (s, strlen ("{\"id\":\"many\",\"attributes\":{"), "\"a77777\":1,");
  g_clear_pointer (&profile, wm_profile_free);
  profile = wm_profile_parser_parse (parser, s->str, s->len, FALSE, 1, &reason);
  g_assert_null (profile);
  g_assert_true (g_str_has_prefix (reason, "bad JSON: "));
  assert_quick (start, "100,000 attributes and 100,000 events");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* First: it measures the growth of the peak memory use. */
  g_test_add_func ("/core/limits/profile-line-over-64-mib-is-rejected-without-being-held",
                   test_profile_line_over_64_mib_is_rejected_without_being_held);
  g_test_add_func ("/core/limits/flow-with-100000-elements-loads-and-writes",
                   test_flow_with_100000_elements_loads_and_writes);
  g_test_add_func ("/core/limits/flow-with-100000-elements-reports-limit-exceeded",
                   test_flow_with_100000_elements_reports_limit_exceeded);
  g_test_add_func ("/core/limits/flow-with-1001-elements-is-over-the-limit",
                   test_flow_with_1001_elements_is_over_the_limit);
  g_test_add_func ("/core/limits/journey-with-10000-stages-reports-limit-exceeded",
                   test_journey_with_10000_stages_reports_limit_exceeded);
  g_test_add_func ("/core/limits/ten-megabyte-expressions-compile-or-fail-quickly",
                   test_ten_megabyte_expressions_compile_or_fail_quickly);
  g_test_add_func ("/core/limits/sum-of-a-million-terms-has-the-right-value",
                   test_sum_of_a_million_terms_has_the_right_value);
  g_test_add_func ("/core/limits/big-json-documents-are-read-or-refused-quickly",
                   test_big_json_documents_are_read_or_refused_quickly);
  g_test_add_func ("/core/limits/object-with-100000-keys-and-a-duplicate",
                   test_object_with_100000_keys_and_a_duplicate);
  g_test_add_func ("/core/limits/profile-line-with-100000-attributes-and-events",
                   test_profile_line_with_100000_attributes_and_events);

  return g_test_run ();
}
