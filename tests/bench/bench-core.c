/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core.c - validation and load + save times of a 1000-element flow
 *
 * Builds a realistic flow in memory with the model API: one entry.event, a
 * mix of every channel (templates, send windows), waits, reactions,
 * three-way branches, splits, variables, API calls, milestones, outcomes and
 * exits, about 1200 connections forming a connected DAG, names on most
 * elements. Its canonical text is then timed:
 *   (a) wm_validate_flow                                  target: median <= 2 ms
 *   (b) wm_flow_load_from_data + wm_flow_to_canonical      target: median <= 20 ms
 * The flow must validate without a single error, or the figures would time
 * something other than real, valid work: the program aborts then.
 *
 * Wall-clock times (g_get_monotonic_time) decide the targets. The thread's
 * CPU time is printed beside them: on a busy machine the wall clock also
 * counts the time the benchmark waited for a core, the CPU time does not.
 *
 * Usage: bench-core [REPETITIONS]   (default 200, after 20 warm-up runs)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wm-flow-io.h"
#include "wm-validate.h"

#define N_ELEMENTS     1000
#define N_CONNECTIONS  1200
#define WARM_UP        20

/* One cycle of 20 element types, repeated; its ports average 1.35 per
 * element, so 1000 elements offer enough free ports for ~1200 connections. */
static const char * const pattern[] = {
  "send.sms", "wait.delay", "send.email", "wait.event", "branch.condition",
  "send.whatsapp", "set.variable", "send.push", "react.message", "split.percent",
  "wait.time", "milestone", "send.viber", "call.api", "outcome.start",
  "send.voice", "set.variable", "outcome.set", "wait.delay", "exit",
};

/* e1 is the entry; e2 starts the outcome every outcome.set later sets, so
 * no path reaches one without passing it; then the pattern. */
static const char *
type_of (guint i)
{
  if (i == 0)
    return "entry.event";
  if (i == 1)
    return "outcome.start";
  return pattern[(i - 2) % G_N_ELEMENTS (pattern)];
}

typedef struct
{
  guint element;   /* index of the element */
  char  port[16];  /* "occurred", "success", "1".."3", "else" */
} FreePort;

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static JsonNode *
number_node (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_double (node, value);
  return node;
}

static void
set_string (WmElement  *element,
            const char *key,
            const char *value)
{
  wm_element_set_config_string (element, key, value);
}

static void
set_node (WmElement  *element,
          const char *key,
          JsonNode   *value)
{
  wm_element_set_config_member (element, key, value);
  json_node_unref (value);
}

static JsonNode *
days_node (const char * const *days)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; days[i] != NULL; i++)
    json_array_add_string_element (array, days[i]);
  json_node_take_array (node, array);
  return node;
}

static void
set_send_window (WmElement *element,
                 guint      i)
{
  static const char * const weekdays[] = { "mon", "tue", "wed", "thu", "fri", NULL };
  JsonObject *window = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (window, "from", i % 2 ? "09:00" : "08:30");
  json_object_set_string_member (window, "to", "20:00");
  json_object_set_member (window, "days", days_node (weekdays));
  json_object_set_string_member (window, "zone", i % 3 ? "profile" : "flow");
  json_node_take_object (node, window);
  set_node (element, "send_window", node);
}

static JsonNode *
labelled_list (guint               n,
               const char         *second_key,
               const char * const *labels,
               const char * const *whens,
               const double       *weights)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint k = 0; k < n; k++)
    {
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "label", labels[k]);
      if (whens != NULL)
        json_object_set_string_member (item, second_key, whens[k]);
      else
        json_object_set_member (item, second_key, number_node (weights[k]));
      json_array_add_object_element (array, item);
    }
  json_node_take_array (node, array);
  return node;
}

/* Fills the config of element @i of @type. @last_send is the id of the
 * latest send.* element before it (for react.message). */
static void
configure (WmElement  *element,
           const char *type,
           guint       i,
           const char *last_send)
{
  g_autofree char *text = NULL;

  if (strcmp (type, "entry.event") == 0)
    {
      set_string (element, "event", "CartAbandoned");
      set_string (element, "where", "event.cart_value > 50 && profile.country != \"\"");
    }
  else if (strcmp (type, "send.sms") == 0)
    {
      set_string (element, "sender", "Shop");
      text = g_strdup_printf ("Hi {{ profile.first_name }}, your cart of {{ var.total }} EUR "
                              "is waiting (step %u)", i);
      set_string (element, "text", text);
      set_send_window (element, i);
    }
  else if (strcmp (type, "send.email") == 0)
    {
      set_string (element, "from", "shop@example.com");
      set_string (element, "subject", "{{ profile.first_name }}, you left something behind");
      set_string (element, "body", "Hello {{ profile.first_name }},\n\nyour cart holds "
                  "{{ var.items }} items worth {{ var.total }} EUR.\n\n{{ upper(var.tier) }}");
      if (i % 2 == 0)
        set_send_window (element, i);
    }
  else if (strcmp (type, "send.whatsapp") == 0)
    {
      set_string (element, "sender", "+38591000000");
      set_string (element, "template", "cart_reminder");
      set_string (element, "text", "Still thinking, {{ profile.first_name }}?");
      set_send_window (element, i);
    }
  else if (strcmp (type, "send.viber") == 0)
    {
      set_string (element, "sender", "Shop");
      set_string (element, "text", "Come back: {{ var.total * 0.9 }} EUR with 10% off");
    }
  else if (strcmp (type, "send.push") == 0)
    {
      set_string (element, "app", "shop-app");
      set_string (element, "title", "Your cart");
      set_string (element, "text", "{{ var.items }} items miss you");
      set_send_window (element, i);
    }
  else if (strcmp (type, "send.voice") == 0)
    {
      set_string (element, "from", "+38591000001");
      set_string (element, "text", "Hello {{ profile.first_name }}, this is the shop calling.");
    }
  else if (strcmp (type, "wait.delay") == 0)
    {
      static const char * const durations[] = { "15m", "2h", "1d", "3d", "1w" };

      set_string (element, "duration", durations[i % G_N_ELEMENTS (durations)]);
    }
  else if (strcmp (type, "wait.time") == 0)
    {
      static const char * const weekend[] = { "sat", "sun", NULL };

      set_string (element, "at", i % 2 ? "10:30" : "18:00");
      set_node (element, "days", days_node (weekend));
      set_string (element, "zone", "profile");
    }
  else if (strcmp (type, "wait.event") == 0)
    {
      JsonArray *assign = json_array_new ();
      JsonObject *item = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      set_string (element, "event", "PurchaseFinished");
      set_string (element, "where", "event.amount > 0");
      set_string (element, "timeout", "3d");
      json_object_set_string_member (item, "variable", "total");
      json_object_set_string_member (item, "property", "amount");
      json_array_add_object_element (assign, item);
      json_node_take_array (node, assign);
      set_node (element, "assign", node);
    }
  else if (strcmp (type, "react.message") == 0)
    {
      /* Every channel offers "delivered". */
      set_string (element, "element", last_send);
      set_string (element, "reaction", "delivered");
      set_string (element, "timeout", "2d");
    }
  else if (strcmp (type, "branch.condition") == 0)
    {
      static const char * const labels[] = { "Croatia", "Big cart", "Loyal" };
      static const char * const whens[] = {
        "profile.country == \"HR\"",
        "var.total >= 100",
        "var.tier == \"gold\" || profile.orders > 5",
      };

      set_node (element, "branches", labelled_list (3, "when", labels, whens, NULL));
    }
  else if (strcmp (type, "split.percent") == 0)
    {
      static const char * const labels[] = { "A", "B", "Control" };
      static const double weights[] = { 45, 45, 10 };

      set_node (element, "variants", labelled_list (3, "weight", labels, NULL, weights));
    }
  else if (strcmp (type, "set.variable") == 0)
    {
      if (i % 2)
        {
          set_string (element, "variable", "items");
          set_string (element, "value", "var.items + 1");
        }
      else
        {
          set_string (element, "variable", "tier");
          set_string (element, "value", "upper(coalesce(var.tier, \"silver\")) + \"-\" + string(round(var.total / 100))");
        }
    }
  else if (strcmp (type, "call.api") == 0)
    {
      set_string (element, "method", "POST");
      set_string (element, "url", "https://crm.example.com/carts/{{ profile.id }}");
      set_string (element, "body", "{\"total\": {{ var.total }}}");
    }
  else if (strcmp (type, "milestone") == 0)
    {
      text = g_strdup_printf ("cart-step-%u", i);
      set_string (element, "milestone", text);
    }
  else if (strcmp (type, "outcome.start") == 0)
    set_string (element, "outcome", "recovery");
  else if (strcmp (type, "outcome.set") == 0)
    {
      set_string (element, "outcome", "recovery");
      set_string (element, "result", i % 3 ? "success" : "failure");
    }
  /* exit: no config. */
}

static JsonNode *
variables_settings (void)
{
  static const struct { const char *name, *type; double initial; } vars[] = {
    { "total", "number", 0 },
    { "items", "number", 0 },
    { "tier", "string", 0 },
  };
  JsonObject *settings = json_object_new ();
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint k = 0; k < G_N_ELEMENTS (vars); k++)
    {
      JsonObject *var = json_object_new ();

      json_object_set_string_member (var, "name", vars[k].name);
      json_object_set_string_member (var, "type", vars[k].type);
      if (strcmp (vars[k].type, "number") == 0)
        json_object_set_member (var, "initial", number_node (vars[k].initial));
      else
        json_object_set_member (var, "initial", string_node ("silver"));
      json_array_add_object_element (array, var);
    }
  json_object_set_array_member (settings, "variables", array);
  json_node_take_object (node, settings);
  return node;
}

static void
connect (WmVersion  *version,
         guint      *n_connections,
         const char *from,
         const char *port,
         const char *to)
{
  g_autoptr(WmConnection) connection = wm_connection_new (from, port, to);

  wm_version_insert_connection (version, (*n_connections)++, connection);
}

/* The canonical text of the benchmark flow. */
static char *
build_flow_text (gsize *length)
{
  g_autoptr(WmFlow) flow = wm_flow_new ("cart-abandonment-xl", "Cart abandonment, large", 1767225600);
  WmVersion *version = wm_flow_get_version_at (flow, 0);
  g_autoptr(GArray) free_ports = g_array_new (FALSE, FALSE, sizeof (FreePort));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autofree char *last_send = NULL;
  char *ids[N_ELEMENTS];
  guint n_connections = 0;
  JsonNode *tz = string_node ("Europe/Zagreb");

  wm_flow_set_member (flow, "timezone", tz);
  json_node_unref (tz);
  {
    JsonNode *settings = variables_settings ();

    wm_version_set_member (version, "settings", settings);
    json_node_unref (settings);
  }

  for (guint i = 0; i < N_ELEMENTS; i++)
    {
      const char *type = type_of (i);
      g_autoptr(WmElement) element = NULL;
      g_auto(GStrv) ports = NULL;

      ids[i] = g_strdup_printf ("e%u", i + 1);
      element = wm_element_new (ids[i], type);
      /* Nine of ten elements are named, uniquely (the number keeps them so). */
      if (i % 10 != 7)
        {
          g_autofree char *name = g_strdup_printf ("%s step %u",
                                                   wm_element_get_display_name (element), i + 1);

          wm_element_set_name (element, name);
        }
      wm_element_set_position (element, (i % 40) * 240.0, (i / 40) * 160.0);
      configure (element, type, i, last_send);
      wm_version_insert_element (version, i, element);
      if (g_str_has_prefix (type, "send."))
        {
          g_free (last_send);
          last_send = g_strdup (ids[i]);
        }

      /* One incoming connection from a free port of an earlier element,
       * chosen among the last few, so the graph is connected and acyclic
       * and mostly local, as drawn flows are. */
      if (i > 0)
        {
          guint window = MIN (free_ports->len, 6);
          guint pick;
          FreePort fp;

          g_assert (free_ports->len > 0);
          pick = free_ports->len - 1 - g_rand_int_range (rand, 0, window);
          /* A reaction follows its message directly (the message's "out"
           * is the last free port), so every path to it passes the send. */
          if (strcmp (type, "react.message") == 0)
            pick = free_ports->len - 1;
          fp = g_array_index (free_ports, FreePort, pick);
          g_array_remove_index (free_ports, pick);
          connect (version, &n_connections, ids[fp.element], fp.port, ids[i]);
        }

      ports = wm_element_list_ports (element);
      for (guint p = 0; ports[p] != NULL; p++)
        {
          FreePort fp = { i, "" };

          g_strlcpy (fp.port, ports[p], sizeof fp.port);
          g_array_append_val (free_ports, fp);
        }
    }

  /* Extra connections, forward only (so still a DAG), to an element a little
   * further on: the joins of a real flow. Some ports stay unconnected, which
   * means "exit here". */
  while (n_connections < N_CONNECTIONS && free_ports->len > 0)
    {
      guint pick = g_rand_int_range (rand, 0, free_ports->len);
      FreePort fp = g_array_index (free_ports, FreePort, pick);
      guint to;

      g_array_remove_index_fast (free_ports, pick);
      if (fp.element + 2 >= N_ELEMENTS)
        continue;
      to = g_rand_int_range (rand, fp.element + 2, MIN (fp.element + 40, N_ELEMENTS));
      if (strcmp (type_of (to), "react.message") == 0)
        continue;
      connect (version, &n_connections, ids[fp.element], fp.port, ids[to]);
    }

  for (guint i = 0; i < N_ELEMENTS; i++)
    g_free (ids[i]);
  return wm_flow_to_canonical (flow, length);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double median_ms;
  double p95_ms;
  double min_ms;
} Figures;

static Figures
figures_of (gint64 *samples,
            guint   n)
{
  Figures f;

  qsort (samples, n, sizeof *samples, compare_gint64);
  f.median_ms = (n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2.0) / 1000.0;
  f.p95_ms = samples[MIN (n - 1, (guint) (n * 0.95))] / 1000.0;
  f.min_ms = samples[0] / 1000.0;
  return f;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
time_validation (WmFlow *flow,
                 gint64 *cpu)
{
  gint64 cpu_start = thread_cpu_us ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) diagnostics = wm_validate_flow (flow, NULL);

  gint64 elapsed = g_get_monotonic_time () - start;

  *cpu = thread_cpu_us () - cpu_start;
  /* The diagnostics are freed after the clock stopped. */
  g_assert (diagnostics != NULL);
  return elapsed;
}

static gint64
time_load_save (const char *text,
                gsize       length,
                gsize      *out_length,
                gint64     *cpu)
{
  gint64 cpu_start = thread_cpu_us ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = wm_flow_load_from_data (text, length, &error);
  g_autofree char *saved = NULL;
  gint64 elapsed;

  if (flow == NULL)
    g_error ("the benchmark flow does not load: %s", error->message);
  saved = wm_flow_to_canonical (flow, out_length);
  elapsed = g_get_monotonic_time () - start;
  *cpu = thread_cpu_us () - cpu_start;
  /* g_autoptr frees the flow after the clock stopped; destroying a flow is
   * not part of "load + save". */
  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  guint reps = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  g_autofree gint64 *validate_us = NULL;
  g_autofree gint64 *load_save_us = NULL;
  g_autofree gint64 *validate_cpu = NULL;
  g_autofree gint64 *load_save_cpu = NULL;
  gint64 cpu;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  gsize length, saved_length = 0;
  guint n_errors, n_warnings;
  Figures v, l, vc, lc;

  if (reps < 1)
    reps = 1;
  validate_us = g_new (gint64, reps);
  load_save_us = g_new (gint64, reps);
  validate_cpu = g_new (gint64, reps);
  load_save_cpu = g_new (gint64, reps);

  text = build_flow_text (&length);
  flow = wm_flow_load_from_data (text, length, &error);
  if (flow == NULL)
    g_error ("the benchmark flow does not load: %s", error->message);

  diagnostics = wm_validate_flow (flow, NULL);
  n_errors = wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, G_MAXUINT);
  n_warnings = wm_diagnostics_count (diagnostics, WM_SEVERITY_WARNING, G_MAXUINT);
  if (n_errors > 0)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          WmDiagnostic *d = g_ptr_array_index (diagnostics, i);

          if (d->severity == WM_SEVERITY_ERROR)
            fprintf (stderr, "%s %s %s: %s\n", d->code, d->element ? d->element : "-",
                     d->field ? d->field : "-", d->message);
        }
      g_error ("the benchmark flow has %u validation errors; it must have none", n_errors);
    }

  for (guint i = 0; i < WARM_UP; i++)
    {
      time_validation (flow, &cpu);
      time_load_save (text, length, &saved_length, &cpu);
    }
  /* The canonical form is byte-stable, so saving gives back the input. */
  if (saved_length != length)
    g_error ("load + save changed the flow: %" G_GSIZE_FORMAT " bytes in, %" G_GSIZE_FORMAT " out",
             length, saved_length);

  for (guint i = 0; i < reps; i++)
    validate_us[i] = time_validation (flow, &validate_cpu[i]);
  for (guint i = 0; i < reps; i++)
    load_save_us[i] = time_load_save (text, length, &saved_length, &load_save_cpu[i]);

  v = figures_of (validate_us, reps);
  l = figures_of (load_save_us, reps);
  vc = figures_of (validate_cpu, reps);
  lc = figures_of (load_save_cpu, reps);

  printf ("flow: %u elements, %u connections, %" G_GSIZE_FORMAT " bytes of canonical JSON\n",
          wm_version_get_n_elements (wm_flow_get_version_at (flow, 0)),
          wm_version_get_n_connections (wm_flow_get_version_at (flow, 0)), length);
  printf ("diagnostics: %u errors, %u warnings", n_errors, n_warnings);
  {
    /* Warnings by code, in order of first appearance. */
    g_autoptr(GPtrArray) codes = g_ptr_array_new ();
    g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));

    for (guint i = 0; i < diagnostics->len; i++)
      {
        WmDiagnostic *d = g_ptr_array_index (diagnostics, i);
        guint k;

        for (k = 0; k < codes->len && strcmp (codes->pdata[k], d->code) != 0; k++)
          ;
        if (k == codes->len)
          {
            guint zero = 0;

            g_ptr_array_add (codes, (gpointer) d->code);
            g_array_append_val (counts, zero);
          }
        g_array_index (counts, guint, k)++;
      }
    for (guint k = 0; k < codes->len; k++)
      printf ("%s %s %u", k == 0 ? " (" : ",", (const char *) codes->pdata[k],
              g_array_index (counts, guint, k));
    printf ("%s\n", codes->len > 0 ? ")" : "");
  }
  printf ("repetitions: %u each, after %u warm-up runs\n\n", reps, WARM_UP);
  printf ("%-26s %10s %10s %10s %14s %10s  %s\n", "measure", "median ms", "p95 ms", "min ms",
          "cpu median ms", "target", "met");
  printf ("%-26s %10.3f %10.3f %10.3f %14.3f %10s  %s\n", "validation", v.median_ms, v.p95_ms,
          v.min_ms, vc.median_ms, "<= 2 ms", v.median_ms <= 2.0 ? "yes" : "NO");
  printf ("%-26s %10.3f %10.3f %10.3f %14.3f %10s  %s\n", "load + save (canonical)", l.median_ms,
          l.p95_ms, l.min_ms, lc.median_ms, "<= 20 ms", l.median_ms <= 20.0 ? "yes" : "NO");
  return 0;
}
