/* bench-timeline.c - frame times of the customer timeline with many items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   GSK_RENDERER=cairo GTK_A11Y=none xvfb-run -a -s '-screen 0 1280x800x24' \
 *     bench-timeline [N_ITEMS]
 *
 * Builds the timeline model of one customer with N_ITEMS items (default
 * 10,000: events and e-mails spread over eleven months, from conformance
 * case 16-timeline-steps' flows), shows it in a 1280×420 window and
 * scrolls it towards older days, a step per frame. Prints the time
 * to build the model, the median and 95th percentile of each frame's CPU
 * time from the frame clock's before-paint to after-paint (layout, the
 * chips' binding, snapshot and render), and the most item widgets bound at
 * once: the cost follows what is visible, not the number of items. Under
 * Xvfb the present itself adds a few milliseconds per frame whatever is
 * drawn. Run by hand; the figures go in the issue notes.
 */

#include "config.h"

#include <time.h>

#include <adwaita.h>

#include "wm-run-program.h"
#include "wm-timeline-view.h"

#define STEP   90.0   /* pixels scrolled per frame, at first */
#define FRAMES 600

typedef struct
{
  WmTimelineView *view;
  GtkAdjustment  *adjustment;
  GArray         *times;
  double          frame_start;
  guint           most_shown;
  guint           frames;
  double          smooth_median;
  double          smooth_p95;
  gboolean        done;
} Bench;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *b)
{
  b->frame_start = cpu_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  double elapsed = cpu_ms () - b->frame_start;

  if (b->frame_start > 0)
    g_array_append_val (b->times, elapsed);
  b->most_shown = MAX (b->most_shown, wm_timeline_view_get_n_shown (b->view));
}

/* The first half of the frames scrolls 90 px a frame, as a person does;
 * the second half crosses the whole timeline, so that every frame shows
 * items none of the chips had. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Bench *b = data;
  double value = gtk_adjustment_get_value (b->adjustment);
  double step = b->frames < FRAMES / 2 ? STEP : gtk_adjustment_get_upper (b->adjustment) / (FRAMES / 2);

  if (b->frames++ == FRAMES)
    {
      b->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (b->frames == FRAMES / 2)
    {
      g_array_sort (b->times, compare_doubles);
      b->smooth_median = g_array_index (b->times, double, b->times->len / 2);
      b->smooth_p95 = g_array_index (b->times, double, (guint) (b->times->len * 0.95));
      g_array_set_size (b->times, 0);
    }
  gtk_adjustment_set_value (b->adjustment, value - step > 0 ? value - step : gtk_adjustment_get_upper (b->adjustment));
  return G_SOURCE_CONTINUE;
}

/* @n items, about thirty a day: an event, then every other time an e-mail
 * sent for it. */
static char *
make_timeline (guint n)
{
  GString *out = g_string_new (NULL);
  gint64 at = 1767225600;   /* 2026-01-01T00:00:00Z */
  guint entry = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *when = NULL;
      g_autofree char *later = NULL;

      at += 900 + (i % 7) * 60;
      time = g_date_time_new_from_unix_utc (at);
      when = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
      if (i % 2 == 0)
        g_string_append_printf (out, "{\"profile\":\"bench\",\"at\":\"%s\",\"flow\":null,\"version\":null,"
                                "\"entry\":null,\"step\":\"event\",\"name\":\"Visit\"}\n", when);
      else
        {
          g_autoptr(GDateTime) delivered = g_date_time_add_seconds (time, 2);

          later = g_date_time_format (delivered, "%Y-%m-%dT%H:%M:%SZ");
          g_string_append_printf (out, "{\"profile\":\"bench\",\"at\":\"%s\",\"flow\":\"main\",\"version\":1,"
                                  "\"entry\":%u,\"step\":\"send\",\"element\":\"em\",\"channel\":\"email\","
                                  "\"messages\":1,\"cost\":0.0008,\"delivered\":\"%s\",\"opened\":false,"
                                  "\"clicked\":false}\n", when, ++entry, later);
        }
    }
  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *dir = g_build_filename (SHARED_DIR, "conformance", "16-timeline-steps", NULL);
  const char * const names[] = { "main.waymark.json", "later.waymark.json", "spin.waymark.json" };
  char *documents[G_N_ELEMENTS (names)];
  g_autofree char *timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(WmTimelineModel) model = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  WmRunProgramFlow flows[G_N_ELEMENTS (names)];
  GtkWidget *window, *scroller;
  GdkFrameClock *clock;
  Bench b = { 0 };
  double start, median, p95;

  gtk_init ();
  adw_init ();
  /* The case's flows, which refer to each other. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (!g_file_get_contents (path, &documents[i], NULL, &error))
        g_error ("%s", error->message);
      flows[i] = (WmRunProgramFlow) { documents[i], 0 };
    }
  program = wm_run_program_new (flows, G_N_ELEMENTS (names), NULL, 1767225600, 1798761600, 1, NULL, &error);
  if (program == NULL)
    g_error ("%s", error->message);
  timeline = make_timeline (n);

  start = cpu_ms ();
  model = wm_timeline_model_new (program, timeline, utc, &error);
  if (model == NULL)
    g_error ("%s", error->message);
  g_print ("items: %u on %u dates; model built in %.1f ms\n",
           g_list_model_get_n_items (G_LIST_MODEL (model)),
           wm_timeline_model_get_n_days (model), cpu_ms () - start);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 420);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  b.view = WM_TIMELINE_VIEW (wm_timeline_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (b.view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  start = cpu_ms ();
  wm_timeline_view_set_model (b.view, model);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (b.view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("first layout after %.1f ms\n", cpu_ms () - start);

  b.adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (b.view));
  b.times = g_array_new (FALSE, FALSE, sizeof (double));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
  gtk_widget_add_tick_callback (GTK_WIDGET (b.view), tick_cb, &b, NULL);
  while (!b.done)
    g_main_context_iteration (NULL, TRUE);

  g_array_sort (b.times, compare_doubles);
  median = g_array_index (b.times, double, b.times->len / 2);
  p95 = g_array_index (b.times, double, (guint) (b.times->len * 0.95));
  g_print ("frame CPU time (before-paint to after-paint), %u frames each:\n"
           "  scrolling %.0f px a frame: median %.2f ms, 95th percentile %.2f ms\n"
           "  crossing all %.0f px:      median %.2f ms, 95th percentile %.2f ms\n"
           "  at most %u item widgets bound\n",
           FRAMES / 2, STEP, b.smooth_median, b.smooth_p95,
           gtk_adjustment_get_upper (b.adjustment), median, p95, b.most_shown);
  g_signal_handlers_disconnect_by_data (clock, &b);
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (b.times);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (documents[i]);
  return 0;
}
