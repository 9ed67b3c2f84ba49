/* bench-canvas.c - frame times of the flow canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   GSK_RENDERER=cairo GTK_A11Y=none xvfb-run -a -s '-screen 0 1280x800x24' \
 *     bench-canvas [--metrics] [N_ELEMENTS [N_CONNECTIONS]]
 *
 * Generates a flow (default 1000 elements, 1200 connections), opens it in a
 * 1280×800 window and prints the time to open it (load the JSON, build the
 * canvas, first frame painted) and, for a scripted pan, zoom and one-element
 * drag, the median and 95th percentile of each frame's CPU time from the
 * frame clock's before-paint to after-paint (script step, layout, snapshot
 * and render) and of the canvas alone: the layout phase, the canvas's own
 * snapshot in that frame (timed by the widget holding it: tiles and other
 * cached drawings are made there) and that snapshot rendered by a cairo
 * renderer into a texture, as the window would. Under Xvfb the window's own present (GDK X11, software) costs
 * tens of milliseconds per frame whatever is drawn, so the canvas figures
 * are the ones to compare with the targets. Run by hand; the figures go in
 * the issue notes.
 *
 * With WM_BENCH_FRAMES=1 each frame's canvas figure is printed too, in its
 * three parts (to see which frames make the 95th percentile).
 *
 * With WM_BENCH_NO_IMAGES=1 elements are drawn as themselves in every
 * frame of the zoom too, not placed as images (wm-canvas-raster.c), to see
 * what the images save.
 *
 * With WM_BENCH_COMPARE=1 the canvas is in comparison mode against an
 * older version where a tenth of the elements had other names, a tenth
 * did not exist and a hundred more were (drawn as ghosts).
 *
 * --metrics shows a run's figures on every element and connection
 * (wm-canvas-metrics.h) from a report made up for the generated flow; the
 * difference of the two runs' canvas figures is what the overlay costs,
 * but on a shared machine that difference drowns in noise, so the overlay
 * is also timed alone each frame: its labels' snapshot and their drawing
 * by cairo into an image of the view, or, in the frames of a zoom where the
 * labels are images (wm-canvas-raster.c), the time the canvas spent making
 * and painting those (wall clock, measured by the canvas).
 */

#include <math.h>
#include <time.h>

#include <gtk/gtk.h>

#include "wm-alloc.h"
#include "wm-canvas.h"
#include "wm-flow-diff.h"
#include "wm-canvas-metrics.h"
#include "wm-canvas-private.h"
#include "wm-flow-io.h"

#define FRAMES_PER_PHASE 150

typedef enum { PHASE_PAN, PHASE_ZOOM, PHASE_DRAG, N_PHASES } Phase;
static const char * const phase_names[N_PHASES] = { "pan", "zoom", "drag" };

typedef struct
{
  WmCanvas   *canvas;
  WmVersion  *version;
  GtkGesture *drag;
  Phase       phase;
  guint       frame;
  double      frame_start;
  GArray     *times[N_PHASES];     /* full frames */
  GArray     *own[N_PHASES];       /* layout + canvas snapshot + render */
  GArray     *overlay[N_PHASES];   /* the metrics overlay alone */
  double      update_start;
  double      layout_time;
  double      snapshot_time;       /* the canvas's own snapshot in the frame */
  gboolean    images_in_frame;     /* it placed elements and labels as images */
  double      overlay_in_frame;    /* ms of it making and painting the labels' */
  GdkPaintable *paintable;
  GskRenderer *renderer;
  gboolean    opened;
  double      open_start;
  double      open_time;
  gboolean    done;
} Bench;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

/* Holds the canvas and times its snapshot in the window's own frame: the
 * work a snapshot does (tiles drawn, elements drawn into images while a
 * zoom moves) happens there, and the render below only replays it. */
#define BENCH_TYPE_FRAME (bench_frame_get_type ())
G_DECLARE_FINAL_TYPE (BenchFrame, bench_frame, BENCH, FRAME, GtkWidget)

struct _BenchFrame
{
  GtkWidget parent_instance;
  Bench    *bench;
};

G_DEFINE_FINAL_TYPE (BenchFrame, bench_frame, GTK_TYPE_WIDGET)

static void
bench_frame_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  BenchFrame *self = BENCH_FRAME (widget);
  double t0 = cpu_ms ();

  GTK_WIDGET_CLASS (bench_frame_parent_class)->snapshot (widget, snapshot);
  self->bench->snapshot_time = cpu_ms () - t0;
  self->bench->images_in_frame = self->bench->canvas->rasters_now;
  self->bench->overlay_in_frame = self->bench->canvas->overlay_us / 1e3;
}

static void
bench_frame_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bench_frame_parent_class)->dispose (object);
}

static void
bench_frame_class_init (BenchFrameClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bench_frame_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = bench_frame_snapshot;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bench_frame_init (BenchFrame *self)
{
}

static char *
generate_flow (guint n_elements,
               guint n_connections)
{
  static const char * const types[] = { "send.sms", "wait.delay", "call.api", "wait.event", "set.variable" };
  g_autoptr(WmFlow) flow = wm_flow_new ("bench", "Benchmark", 0);
  WmVersion *version = wm_flow_get_version (flow, 1);
  guint made = 0;

  for (guint i = 0; i < n_elements; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i + 1);
      const char *type = i == 0 ? "entry.event" : types[i % G_N_ELEMENTS (types)];
      g_autoptr(WmElement) element = wm_element_new (id, type);

      wm_element_set_name (element, id);
      wm_element_set_position (element, (i % 40) * 288.0, (i / 40) * 200.0);
      if (g_str_equal (type, "send.sms"))
        {
          wm_element_set_config_string (element, "sender", "Shop");
          wm_element_set_config_string (element, "text", "Hi {{ profile.first_name }}, your cart is waiting");
        }
      else if (g_str_equal (type, "wait.delay"))
        wm_element_set_config_string (element, "duration", "3d");
      wm_version_insert_element (version, i, element);
    }
  /* A chain through every element's first port, then second ports to the
   * next row until there are enough. */
  for (guint i = 0; i + 1 < n_elements && made < n_connections; i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);
      g_auto(GStrv) ports = wm_element_list_ports (element);
      g_autoptr(WmConnection) connection = NULL;
      g_autofree char *to = g_strdup_printf ("e%u", i + 2);

      connection = wm_connection_new (wm_element_get_id (element), ports[0], to);
      wm_version_insert_connection (version, made++, connection);
    }
  for (guint i = 0; i + 40 < n_elements && made < n_connections; i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);
      g_auto(GStrv) ports = wm_element_list_ports (element);
      g_autoptr(WmConnection) connection = NULL;
      g_autofree char *to = NULL;

      if (ports[0] == NULL || ports[1] == NULL)
        continue;
      to = g_strdup_printf ("e%u", i + 41);
      connection = wm_connection_new (wm_element_get_id (element), ports[1], to);
      wm_version_insert_connection (version, made++, connection);
    }
  return wm_flow_to_canonical (flow, NULL);
}

/* A waymark.report for @version whose every element and port has figures
 * (sends on the SMS elements), as the overlay would show for a real run. */
static JsonNode *
generate_report (WmVersion *version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "waymark.report");
  json_builder_set_member_name (builder, "flows");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bench");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "all");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "goal_conversions");
  json_builder_add_int_value (builder, 123);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "elements");
  json_builder_begin_object (builder);
  for (guint i = 0; i < wm_version_get_n_elements (version); i++)
    {
      WmElement *element = wm_version_get_element_at (version, i);
      g_auto(GStrv) ports = wm_element_list_ports (element);
      gint64 n = 100000 - (gint64) i * 37;

      json_builder_set_member_name (builder, wm_element_get_id (element));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "total_engagements");
      json_builder_add_int_value (builder, n);
      json_builder_set_member_name (builder, "unique_users");
      json_builder_add_int_value (builder, n * 9 / 10);
      json_builder_set_member_name (builder, "ports");
      json_builder_begin_object (builder);
      for (guint p = 0; ports[p] != NULL; p++)
        {
          json_builder_set_member_name (builder, ports[p]);
          json_builder_add_int_value (builder, n / (p + 1));
        }
      json_builder_end_object (builder);
      if (g_str_has_prefix (wm_element_get_type_name (element), "send."))
        {
          static const char * const keys[] = { "sends", "messages", "no_contact", "delivered", "opened", "clicked" };

          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            {
              json_builder_set_member_name (builder, keys[k]);
              json_builder_add_int_value (builder, n / (k + 1));
            }
          json_builder_set_member_name (builder, "cost");
          json_builder_add_double_value (builder, n * 0.0075);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
script_step (Bench *b)
{
  double t = (double) b->frame / FRAMES_PER_PHASE;
  int width = gtk_widget_get_width (GTK_WIDGET (b->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (b->canvas));

  switch (b->phase)
    {
    case PHASE_PAN:
      {
        GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (b->canvas));
        GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (b->canvas));

        gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + 24);
        gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + 12);
      }
      break;
    case PHASE_ZOOM:
      /* 1 → 0.25 → 1 about the middle of the view. */
      wm_canvas_zoom_at (b->canvas, pow (0.25, t < 0.5 ? 2 * t : 2 - 2 * t),
                         width / 2.0, height / 2.0);
      break;
    case PHASE_DRAG:
      if (b->frame == 0)
        {
          double vx, vy;

          wm_canvas_canvas_to_view (b->canvas, 288.0 * 3 + 100, 200.0 * 2 + 30, &vx, &vy);
          g_signal_emit_by_name (b->drag, "drag-begin", vx, vy);
        }
      else if (b->frame == FRAMES_PER_PHASE - 1)
        g_signal_emit_by_name (b->drag, "drag-end", 300.0, 150.0);
      else
        g_signal_emit_by_name (b->drag, "drag-update", 300.0 * t, 150.0 * t);
      break;
    case N_PHASES:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (b->canvas));
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *b)
{
  b->frame_start = cpu_ms ();
  if (b->opened && b->phase < N_PHASES)
    script_step (b);
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *b)
{
  b->update_start = cpu_ms ();
}

/* Runs after GTK's own layout handler (connected at realize, before ours). */
static void
layout_cb (GdkFrameClock *clock,
           Bench         *b)
{
  b->layout_time = cpu_ms () - b->update_start;
}

/* The canvas alone: snapshot it and render that with a cairo renderer into
 * a texture of the view's size. */
static double
canvas_render_ms (Bench *b)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (GTK_WIDGET (b->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (b->canvas));
  GskRenderNode *node;
  GdkTexture *texture;
  double t0 = cpu_ms ();

  gdk_paintable_snapshot (b->paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    {
      texture = gsk_renderer_render_texture (b->renderer, node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_object_unref (texture);
      gsk_render_node_unref (node);
    }
  return cpu_ms () - t0;
}

/* The overlay's own snapshot, and its nodes drawn by cairo into an image
 * of the view kept from frame to frame (as the software renderer draws
 * them into the window's), so no allocation is counted. */
static double
overlay_ms (Bench *b)
{
  static cairo_surface_t *surface;
  int width = gtk_widget_get_width (GTK_WIDGET (b->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (b->canvas));
  WmRect view;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  double t0, ms;
  cairo_t *cr;

  /* While a zoom moves the labels are images painted into the layer's
   * picture in the canvas's own snapshot, which times that part. */
  if (b->images_in_frame)
    return b->overlay_in_frame;
  if (surface == NULL)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  wm_canvas_get_visible_area (b->canvas, &view.x, &view.y, &view.width, &view.height);
  t0 = cpu_ms ();
  snapshot = gtk_snapshot_new ();
  _wm_canvas_snapshot_metrics (b->canvas, snapshot, &view);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    {
      gsk_render_node_draw (node, cr);
      cairo_surface_flush (surface);
      gsk_render_node_unref (node);
    }
  ms = cpu_ms () - t0;
  cairo_destroy (cr);
  return ms;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  double elapsed = cpu_ms () - b->frame_start;
  double own, render;

  if (!b->opened)
    {
      b->opened = TRUE;
      b->open_time = wall_ms () - b->open_start;
      return;
    }
  /* A frame can come before main () has made the paintable. */
  if (b->phase >= N_PHASES || b->paintable == NULL)
    return;
  g_array_append_val (b->times[b->phase], elapsed);
  render = canvas_render_ms (b);
  own = b->layout_time + b->snapshot_time + render;
  g_array_append_val (b->own[b->phase], own);
  if (g_getenv ("WM_BENCH_FRAMES") != NULL)
    g_print ("  frame %s %u: canvas %.2f = layout %.2f + snapshot %.2f + render %.2f (zoom %.3f)\n",
             phase_names[b->phase], b->frame, own, b->layout_time, b->snapshot_time, render,
             wm_canvas_get_zoom (b->canvas));
  if (wm_canvas_get_metrics (b->canvas) != NULL)
    {
      double ms = overlay_ms (b);

      g_array_append_val (b->overlay[b->phase], ms);
    }
  if (++b->frame == FRAMES_PER_PHASE)
    {
      b->frame = 0;
      b->phase++;
      if (b->phase == PHASE_ZOOM)
        wm_canvas_set_zoom (b->canvas, 1.0);
      if (b->phase == N_PHASES)
        b->done = TRUE;
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
window_realized_cb (GtkWidget *window,
                    Bench     *b)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), b);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), b);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), b);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  /* Keeps the frame clock running every frame. */
  return G_SOURCE_CONTINUE;
}

/* An older version for WM_BENCH_COMPARE (see the header). */
static WmFlowDiff *
make_comparison (WmVersion *version)
{
  g_autoptr(WmVersion) older = wm_version_copy (version, 0);
  guint n = wm_version_get_n_elements (older);

  for (guint i = n; i > 0; i--)
    {
      WmElement *element = wm_version_get_element_at (older, i - 1);

      if ((i - 1) % 10 == 1)
        wm_version_remove_element (older, element);
      else if ((i - 1) % 10 == 0)
        wm_element_set_name (element, "Before");
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("gone%u", i);
      g_autoptr(WmElement) element = wm_element_new (id, "wait.delay");

      wm_element_set_position (element, (i % 10) * 240.0, 4000 + (i / 10) * 128.0);
      wm_version_insert_element (older, 0, element);
    }
  return wm_flow_diff_new (older, version);
}

int
main (int   argc,
      char *argv[])
{
  gboolean metrics = argc > 1 && g_str_equal (argv[1], "--metrics");
  char **args = argv + (metrics ? 1 : 0);
  int n_args = argc - (metrics ? 1 : 0);
  guint n_elements = n_args > 1 ? (guint) g_ascii_strtoull (args[1], NULL, 10) : 1000;
  guint n_connections = n_args > 2 ? (guint) g_ascii_strtoull (args[2], NULL, 10) : n_elements * 6 / 5;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(WmUndoStack) undo = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkWidget *window, *scroller, *frame;
  Bench b = { 0 };
  double t0, parse_ms, build_ms;

  /* As the app does (src/main.c); WM_BENCH_SYSTEM_MALLOC=1 to see what
   * it saves. */
  if (g_getenv ("WM_BENCH_SYSTEM_MALLOC") == NULL)
    wm_alloc_keep_freed_memory ();
  gtk_init ();
  text = generate_flow (n_elements, n_connections);
  for (guint i = 0; i < N_PHASES; i++)
    {
      b.times[i] = g_array_new (FALSE, FALSE, sizeof (double));
      b.own[i] = g_array_new (FALSE, FALSE, sizeof (double));
      b.overlay[i] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  scroller = gtk_scrolled_window_new ();
  b.canvas = WM_CANVAS (wm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (b.canvas));
  frame = g_object_new (BENCH_TYPE_FRAME, NULL);
  BENCH_FRAME (frame)->bench = &b;
  gtk_widget_set_parent (scroller, frame);
  gtk_window_set_child (GTK_WINDOW (window), frame);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), &b);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (b.canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Let the empty window settle, then open the flow. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  b.opened = FALSE;

  b.open_start = wall_ms ();
  t0 = wall_ms ();
  flow = wm_flow_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  parse_ms = wall_ms () - t0;
  undo = wm_undo_stack_new (flow);
  b.version = wm_flow_get_latest_version (flow);
  t0 = wall_ms ();
  wm_canvas_set_version (b.canvas, b.version, undo);
  if (g_getenv ("WM_BENCH_NO_IMAGES") != NULL)
    _wm_canvas_set_rasters_enabled (b.canvas, FALSE);
  if (g_getenv ("WM_BENCH_COMPARE") != NULL)
    {
      g_autoptr(WmFlowDiff) diff = make_comparison (b.version);

      wm_canvas_set_comparison (b.canvas, diff);
    }
  if (metrics)
    {
      g_autoptr(JsonNode) report = generate_report (b.version);
      g_autoptr(WmReportMetrics) figures = wm_report_metrics_new (report, "bench", 0, &error);

      g_assert_no_error (error);
      wm_canvas_set_metrics (b.canvas, figures);
    }
  build_ms = wall_ms () - t0;
  while (!b.opened)
    g_main_context_iteration (NULL, TRUE);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (b.canvas));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller)
          && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_PRIMARY)
        b.drag = GTK_GESTURE (controller);
    }

  b.paintable = gtk_widget_paintable_new (GTK_WIDGET (b.canvas));
  b.renderer = gsk_cairo_renderer_new ();
  gsk_renderer_realize (b.renderer, NULL, NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (b.canvas), tick_cb, NULL, NULL);
  while (!b.done)
    g_main_context_iteration (NULL, TRUE);

  g_print ("bench-canvas: %u elements, %u connections%s (%s)\n", n_elements,
           wm_version_get_n_connections (b.version), metrics ? ", metrics shown" : "",
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default renderer");
  g_print ("  open: %.1f ms (JSON load %.1f ms, canvas build %.1f ms, first frame the rest)\n",
           b.open_time, parse_ms, build_ms);
  g_print ("  per frame, CPU ms: the canvas's layout + snapshot + render | the whole window's frame\n");
  for (guint i = 0; i < N_PHASES; i++)
    {
      GArray *times = b.times[i];
      GArray *own = b.own[i];

      g_array_sort (times, compare_doubles);
      g_array_sort (own, compare_doubles);
      g_print ("  %-5s %u frames: canvas median %.2f, p95 %.2f | window median %.2f, p95 %.2f\n",
               phase_names[i], times->len,
               g_array_index (own, double, own->len / 2),
               g_array_index (own, double, (guint) ceil (own->len * 0.95) - 1),
               g_array_index (times, double, times->len / 2),
               g_array_index (times, double, (guint) ceil (times->len * 0.95) - 1));
      if (b.overlay[i]->len > 0)
        {
          GArray *overlay = b.overlay[i];

          g_array_sort (overlay, compare_doubles);
          g_print ("        the metrics overlay alone: median %.2f, p95 %.2f\n",
                   g_array_index (overlay, double, overlay->len / 2),
                   g_array_index (overlay, double, (guint) ceil (overlay->len * 0.95) - 1));
        }
      g_array_unref (b.overlay[i]);
      g_array_unref (times);
      g_array_unref (own);
    }
  gsk_renderer_unrealize (b.renderer);
  g_object_unref (b.renderer);
  g_object_unref (b.paintable);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
