/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store.c - workspace save and load times
 *
 *   (a) save of a 1000-element version after a one-element edit
 *       (wm_workspace_save_version)                       target: median <= 20 ms
 *   (b) load of that flow from the database
 *       (wm_workspace_get_flow after the save dropped it from the cache)
 *                                                         target: median <= 20 ms
 *   (c) opening a workspace of 10,000 flows and walking its list of flows
 *       (wm_workspace_open + every WmFlowInfo)            reported
 *
 * Usage: bench-store [REPETITIONS] [DIR]   (default 100; DIR default $TMPDIR)
 * The 10,000-flow workspace is built once in DIR (about a minute) and kept
 * as DIR/bench-10000.db for later runs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "wm-flow-info.h"
#include "wm-flow-io.h"
#include "wm-workspace.h"

#define N_ELEMENTS 1000
#define N_FLOWS    10000
#define WARM_UP    5

static const char * const chain[] = { "send.sms", "wait.delay", "send.email", "set.attribute", "notify.internal" };

static void
set (WmElement  *e,
     const char *key,
     const char *value)
{
  wm_element_set_config_string (e, key, value);
}

/* An event entry and 999 elements in a chain, every one named and
 * configured as a marketer would. */
static WmFlow *
make_big_flow (void)
{
  WmFlow *flow = wm_flow_new ("big", "Big flow", 1767225600);
  WmVersion *v = wm_flow_get_version (flow, 1);
  g_autoptr(WmElement) entry = wm_element_new ("e0", "entry.event");

  set (entry, "event", "CartAbandoned");
  set (entry, "where", "event.cart_value > 20");
  wm_version_insert_element (v, 0, entry);
  for (guint i = 1; i < N_ELEMENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *prev = g_strdup_printf ("e%u", i - 1);
      g_autofree char *name = g_strdup_printf ("Step %u", i);
      const char *type = chain[i % G_N_ELEMENTS (chain)];
      g_autoptr(WmElement) e = wm_element_new (id, type);
      g_autoptr(WmConnection) c = wm_connection_new (prev, "out", id);

      wm_element_set_name (e, name);
      wm_element_set_position (e, (i % 40) * 240.0, (i / 40) * 160.0);
      if (g_str_equal (type, "send.sms"))
        {
          set (e, "sender", "Shop");
          set (e, "text", "Hi {{ profile.first_name }}, your cart of {{ event.cart_value }} EUR is waiting.");
        }
      else if (g_str_equal (type, "wait.delay"))
        set (e, "duration", "2h");
      else if (g_str_equal (type, "send.email"))
        {
          set (e, "from", "shop@example.com");
          set (e, "subject", "{{ profile.first_name }}, still thinking?");
          set (e, "body", "Your cart is still there. Finish your order today and get free delivery.");
        }
      else if (g_str_equal (type, "set.attribute"))
        {
          set (e, "attribute", "last_reminder");
          set (e, "value", "flow.entered_at");
        }
      else
        {
          set (e, "channel", "email");
          set (e, "recipient", "crm@example.com");
          set (e, "text", "{{ profile.id }} reached step");
        }
      wm_version_insert_element (v, i, e);
      wm_version_insert_connection (v, i - 1, c);
    }
  return flow;
}

/* CPU time of this process: on a machine shared with other jobs the wall
 * clock also counts the time spent waiting for a core. */
static gint64
cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *ms,
        guint       n,
        double      target)
{
  qsort (ms, n, sizeof (double), compare_double);
  printf ("%-34s %10.3f %10.3f %10.3f", what, ms[n / 2], ms[(guint) (n * 0.95)], ms[0]);
  if (target > 0)
    printf ("   <= %2.0f ms  %s\n", target, ms[n / 2] <= target ? "yes" : "NO");
  else
    printf ("   (reported)\n");
}

static void
die (GError *error)
{
  fprintf (stderr, "bench-store: %s\n", error->message);
  exit (1);
}

int
main (int   argc,
      char *argv[])
{
  guint reps = argc > 1 ? (guint) atoi (argv[1]) : 100;
  const char *dir = argc > 2 ? argv[2] : g_get_tmp_dir ();
  g_autofree char *small = g_build_filename (dir, "bench-store-1000.db", NULL);
  g_autofree char *big = g_build_filename (dir, "bench-10000.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  g_autoptr(WmFlow) flow = make_big_flow ();
  g_autofree double *save_ms = g_new (double, reps);
  g_autofree double *load_ms = g_new (double, reps);
  g_autofree double *save_cpu = g_new (double, reps);
  g_autofree double *load_cpu = g_new (double, reps);
  g_autofree double *open_ms = NULL;
  g_autofree double *open_cpu = NULL;
  g_autofree char *text = NULL;
  guint open_reps = MIN (reps, 20);
  gsize length = 0;

  if (reps < 1)
    reps = 1;
  g_remove (small);
  ws = wm_workspace_open (small, WM_WORKSPACE_OPEN_CREATE, &error);
  if (ws == NULL)
    die (error);
  text = wm_flow_to_canonical (flow, &length);
  g_free (wm_workspace_import_flow (ws, text, length, NULL, &error));
  if (error != NULL)
    die (error);

  for (guint r = 0; r < WARM_UP + reps; r++)
    {
      g_autoptr(WmFlow) loaded = NULL;
      g_autofree char *name = g_strdup_printf ("Step 500, edit %u", r);
      WmElement *e = wm_version_find_element (wm_flow_get_version (flow, 1), "e500");
      gint64 t0, t1, t2, c0, c1, c2;

      /* One element changed, as an editor autosave after one command. */
      wm_element_set_name (e, name);
      c0 = cpu_usec ();
      t0 = g_get_monotonic_time ();
      if (!wm_workspace_save_version (ws, flow, 1, &error))
        die (error);
      t1 = g_get_monotonic_time ();
      c1 = cpu_usec ();
      loaded = wm_workspace_get_flow (ws, "big", &error);
      t2 = g_get_monotonic_time ();
      c2 = cpu_usec ();
      if (loaded == NULL)
        die (error);
      if (wm_version_get_n_elements (wm_flow_get_version (loaded, 1)) != N_ELEMENTS)
        {
          fprintf (stderr, "bench-store: the loaded flow lost elements\n");
          return 1;
        }
      if (r >= WARM_UP)
        {
          save_ms[r - WARM_UP] = (t1 - t0) / 1000.0;
          load_ms[r - WARM_UP] = (t2 - t1) / 1000.0;
          save_cpu[r - WARM_UP] = (c1 - c0) / 1000.0;
          load_cpu[r - WARM_UP] = (c2 - c1) / 1000.0;
        }
    }
  g_clear_object (&ws);
  g_remove (small);

  if (!g_file_test (big, G_FILE_TEST_EXISTS))
    {
      g_autoptr(WmWorkspace) build = wm_workspace_open (big, WM_WORKSPACE_OPEN_CREATE, &error);
      gint64 t0 = g_get_monotonic_time ();

      if (build == NULL)
        die (error);
      fprintf (stderr, "building %s with %u flows...\n", big, N_FLOWS);
      for (guint i = 0; i < N_FLOWS; i++)
        {
          g_autofree char *name = g_strdup_printf ("Campaign %05u", i);
          g_autofree char *id = wm_workspace_instantiate_template (build, i % 2 ? "cart-abandonment"
                                                                   : "welcome-message", name, 1767225600, &error);
          if (id == NULL)
            die (error);
        }
      fprintf (stderr, "built in %.1f s\n", (g_get_monotonic_time () - t0) / 1e6);
    }

  open_ms = g_new (double, open_reps);
  open_cpu = g_new (double, open_reps);
  for (guint r = 0; r < open_reps + 1; r++)
    {
      gint64 c0 = cpu_usec (), t0 = g_get_monotonic_time ();
      g_autoptr(WmWorkspace) opened = wm_workspace_open (big, WM_WORKSPACE_OPEN_DEFAULT, &error);
      GListModel *list;
      guint n, drafts = 0;

      if (opened == NULL)
        die (error);
      list = wm_workspace_get_flows (opened);
      n = g_list_model_get_n_items (list);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(WmFlowInfo) info = g_list_model_get_item (list, i);

          drafts += wm_flow_info_get_status (info) == WM_VERSION_DRAFT && *wm_flow_info_get_name (info) != '\0';
        }
      if (n != N_FLOWS || drafts != N_FLOWS)
        {
          fprintf (stderr, "bench-store: listed %u flows\n", n);
          return 1;
        }
      if (r > 0)   /* the first run warms the page cache */
        {
          open_ms[r - 1] = (g_get_monotonic_time () - t0) / 1000.0;
          open_cpu[r - 1] = (cpu_usec () - c0) / 1000.0;
        }
    }

  printf ("repetitions: %u (open: %u), after %u warm-up runs\n\n", reps, open_reps, WARM_UP);
  printf ("%-34s %10s %10s %10s   target\n", "measure", "median ms", "p95 ms", "min ms");
  report ("save 1000-element version (wall)", save_ms, reps, 20);
  report ("save 1000-element version (CPU)", save_cpu, reps, 20);
  report ("load 1000-element version (wall)", load_ms, reps, 20);
  report ("load 1000-element version (CPU)", load_cpu, reps, 20);
  report ("open 10,000 flows + list (wall)", open_ms, open_reps, 0);
  report ("open 10,000 flows + list (CPU)", open_cpu, open_reps, 0);
  return 0;
}
