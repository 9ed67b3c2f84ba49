/* test-layer.c - the canvas's cached connection tiles show every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test changes something the connections show (the graph, the
 * selection, the highlighted path, the grid, the view, a drag) and checks
 * that the next frame, drawn from the cached tiles, has the same pixels as
 * a frame drawn without them (everything in view drawn afresh, as the
 * canvas did before the tiles), and differs from the frame before the
 * change where the change should show. Frames are the canvas's snapshot
 * rendered by a cairo renderer, as the app under GSK_RENDERER=cairo.
 */

#include <math.h>
#include <string.h>

#include "canvas-harness.h"
#include "wm-canvas-private.h"

typedef struct
{
  WmFlow      *flow;
  WmVersion   *version;
  WmUndoStack *undo;
  GtkWidget   *window;
  WmCanvas    *canvas;
  GskRenderer *renderer;
} Fixture;

typedef struct
{
  int     width;
  int     height;
  guchar *pixels;
} Frame;

static void
frame_free (Frame *frame)
{
  g_free (frame->pixels);
  g_free (frame);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Frame, frame_free)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->flow = load_all_types ();
  f->version = wm_flow_get_version (f->flow, 1);
  f->undo = wm_undo_stack_new (f->flow);

  f->window = canvas_window_new (f->version, f->undo, &f->canvas);
  f->renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (f->renderer, NULL, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gsk_renderer_unrealize (f->renderer);
  g_object_unref (f->renderer);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->undo);
  g_object_unref (f->flow);
}

/* The canvas as the next frame shows it. */
static Frame *
render (Fixture *f)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;
  Frame *frame = g_new0 (Frame, 1);

  /* Let the window lay out and draw what changed first. */
  spin (30);
  frame->width = gtk_widget_get_width (GTK_WIDGET (f->canvas));
  frame->height = gtk_widget_get_height (GTK_WIDGET (f->canvas));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->canvas));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, frame->width, frame->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (f->renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, frame->width, frame->height));
  frame->pixels = g_malloc ((gsize) frame->width * frame->height * 4);
  gdk_texture_download (texture, frame->pixels, (gsize) frame->width * 4);
  g_object_unref (texture);
  gsk_render_node_unref (node);
  return frame;
}

/* The same frame drawn without the tiles. */
static Frame *
render_fresh (Fixture *f)
{
  Frame *frame;

  _wm_canvas_set_layer_cached (f->canvas, FALSE);
  frame = render (f);
  _wm_canvas_set_layer_cached (f->canvas, TRUE);
  return frame;
}

/* Pixels of @a and @b that differ by more than @tolerance in a channel. */
static guint
count_differences (const Frame *a,
                   const Frame *b,
                   int          tolerance)
{
  guint n = 0;

  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  for (gsize i = 0; i < (gsize) a->width * a->height; i++)
    for (guint c = 0; c < 4; c++)
      if (abs ((int) a->pixels[4 * i + c] - (int) b->pixels[4 * i + c]) > tolerance)
        {
          n++;
          break;
        }
  return n;
}

/* With WM_TEST_FRAMES=DIR, a failing comparison leaves both frames there
 * as PNGs to look at. */
static void
save_frame (const Frame *frame,
            const char  *name)
{
  const char *dir = g_getenv ("WM_TEST_FRAMES");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  bytes = g_bytes_new (frame->pixels, (gsize) frame->width * frame->height * 4);
  texture = gdk_memory_texture_new (frame->width, frame->height, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) frame->width * 4);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The cached frame has the fresh one's pixels. Cairo flattens a long
 * curve clipped to a tile a little differently from one clipped to the
 * view, which moves the antialiasing of a shallow line by up to 4 % of a
 * channel (measured: 283 pixels of 700,000 on the fixture, none more), so
 * a pixel counts as different beyond 12 of 255. */
static void
assert_matches_fresh (Fixture     *f,
                      const Frame *cached)
{
  g_autoptr(Frame) fresh = render_fresh (f);
  guint n = count_differences (cached, fresh, 12);

  if (n > 0)
    {
      g_test_message ("%u pixels differ from a fresh draw", n);
      save_frame (cached, "cached.png");
      save_frame (fresh, "fresh.png");
    }
  g_assert_cmpuint (n, ==, 0);
}

static void
test_first_frame_matches_a_fresh_draw (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(Frame) cached = render (f);
  g_autoptr(Frame) blank = NULL;

  assert_matches_fresh (f, cached);
  /* The connections are really there: a canvas without them differs. */
  wm_canvas_set_version (f->canvas, NULL, NULL);
  blank = render (f);
  g_assert_cmpuint (count_differences (cached, blank, 1), >, 1000);
}

static void
test_selection_shows_in_the_next_frame (Fixture       *f,
                                        gconstpointer  data)
{
  const char * const ids[] = { "e2", NULL };
  g_autoptr(Frame) before = render (f);
  g_autoptr(Frame) after = NULL;

  wm_canvas_set_selection (f->canvas, ids);
  after = render (f);
  /* e2's connections turn the accent colour and thicker. */
  g_assert_cmpuint (count_differences (before, after, 1), >, 100);
  assert_matches_fresh (f, after);

  wm_canvas_unselect_all (f->canvas);
  g_clear_pointer (&after, frame_free);
  after = render (f);
  g_assert_cmpuint (count_differences (before, after, 1), ==, 0);
}

static void
test_moved_element_takes_its_connections (Fixture       *f,
                                          gconstpointer  data)
{
  WmElement *element = wm_version_find_element (f->version, "e2");
  g_autoptr(Frame) before = render (f);
  g_autoptr(Frame) after = NULL;
  double x, y;

  g_assert_true (wm_element_get_position (element, &x, &y));
  wm_element_set_position (element, x + 40, y + 60);
  after = render (f);
  g_assert_cmpuint (count_differences (before, after, 1), >, 100);
  assert_matches_fresh (f, after);
}

static void
test_pan_and_zoom_place_the_tiles (Fixture       *f,
                                   gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  g_autoptr(Frame) frame = NULL;

  render (f);
  /* Scroll by amounts that are not tile multiples, both ways. */
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + 37);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + 21);
  frame = render (f);
  assert_matches_fresh (f, frame);
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) - 300);
  g_clear_pointer (&frame, frame_free);
  frame = render (f);
  assert_matches_fresh (f, frame);

  /* While a zoom moves the tiles are scaled; once it rests they are
   * drawn anew at the new zoom and match a fresh draw. */
  wm_canvas_set_zoom (f->canvas, 0.8);
  g_clear_pointer (&frame, frame_free);
  frame = render (f);
  wm_canvas_set_zoom (f->canvas, 0.6);
  spin (WM_LAYER_SETTLE_MS * 2);
  g_clear_pointer (&frame, frame_free);
  frame = render (f);
  g_assert_cmpfloat (f->canvas->layer.zoom, ==, 0.6);
  assert_matches_fresh (f, frame);
}

static void
test_path_and_grid_show (Fixture       *f,
                         gconstpointer  data)
{
  const char * const elements[] = { "e1", "e2", "e3", NULL };
  const char * const ports[] = { "out", "out", "", NULL };
  g_autoptr(Frame) before = render (f);
  g_autoptr(Frame) lit = NULL;
  g_autoptr(Frame) grid = NULL;

  wm_canvas_set_highlighted_path (f->canvas, elements, ports);
  lit = render (f);
  g_assert_cmpuint (count_differences (before, lit, 1), >, 100);
  assert_matches_fresh (f, lit);

  wm_canvas_set_snap_to_grid (f->canvas, TRUE);
  grid = render (f);
  /* A dot every 32 units over the view. */
  g_assert_cmpuint (count_differences (lit, grid, 1), >, 300);
  assert_matches_fresh (f, grid);
}

static void
test_drag_draws_the_moved_connections (Fixture       *f,
                                       gconstpointer  data)
{
  GtkGesture *drag = find_drag (f->canvas);
  g_autoptr(Frame) before = render (f);
  g_autoptr(Frame) during = NULL;
  g_autoptr(Frame) later = NULL;
  g_autoptr(Frame) after = NULL;
  guint serial;
  double vx, vy;

  /* Press in e2's head (at 240, 0), away from its port dot. */
  wm_canvas_canvas_to_view (f->canvas, 300, 30, &vx, &vy);
  g_signal_emit_by_name (drag, "drag-begin", vx, vy);
  g_signal_emit_by_name (drag, "drag-update", 30.0, 40.0);
  during = render (f);
  g_assert_cmpuint (count_differences (before, during, 1), >, 100);
  assert_matches_fresh (f, during);

  /* Further moves redraw only the live connections: the tiles stay. */
  serial = f->canvas->layer_serial;
  g_signal_emit_by_name (drag, "drag-update", 80.0, 90.0);
  later = render (f);
  g_assert_cmpuint (f->canvas->layer_serial, ==, serial);
  g_assert_cmpuint (count_differences (during, later, 1), >, 100);
  assert_matches_fresh (f, later);

  g_signal_emit_by_name (drag, "drag-end", 80.0, 90.0);
  after = render (f);
  g_assert_cmpuint (f->canvas->layer_serial, !=, serial);
  assert_matches_fresh (f, after);
}

/* While a zoom moves the elements are images painted with the tiles
 * (wm-canvas-raster.c): made at the zoom of the moment they have the
 * pixels of the elements' own drawing; kept while the zoom goes a little
 * further; made again when an element changes; gone once the zoom rests. */
static void
test_moving_zoom_places_element_images (Fixture       *f,
                                        gconstpointer  data)
{
  const char * const ids[] = { "e2", NULL };
  g_autoptr(Frame) images = NULL;
  g_autoptr(Frame) drawn = NULL;
  WmNode *node = _wm_canvas_node_for_id (f->canvas, "e2");
  gpointer image;
  guint n;

  wm_canvas_set_zoom (f->canvas, 0.6);
  /* The zoom keeps moving for as long as the test needs. */
  f->canvas->zoomed_at = G_MAXINT64 / 2;
  images = render (f);
  g_assert_true (f->canvas->rasters_now);
  g_assert_cmpuint (g_hash_table_size (f->canvas->rasters), ==, f->canvas->shown->len);

  _wm_canvas_set_rasters_enabled (f->canvas, FALSE);
  drawn = render (f);
  g_assert_false (f->canvas->rasters_now);
  g_assert_cmpuint (g_hash_table_size (f->canvas->rasters), ==, 0);
  /* Composited through the layer's picture an antialiased edge may round
   * differently by a step or two; nothing more. */
  n = count_differences (images, drawn, 3);
  if (n > 0)
    {
      g_test_message ("%u pixels of the images differ from the elements' drawing", n);
      save_frame (images, "images.png");
      save_frame (drawn, "drawn.png");
    }
  g_assert_cmpuint (n, ==, 0);

  _wm_canvas_set_rasters_enabled (f->canvas, TRUE);
  g_clear_pointer (&images, frame_free);
  images = render (f);
  image = g_hash_table_lookup (f->canvas->rasters, node);
  g_assert_nonnull (image);

  /* Further out, the same image shrunk. */
  wm_canvas_set_zoom (f->canvas, 0.5);
  f->canvas->zoomed_at = G_MAXINT64 / 2;
  g_clear_pointer (&images, frame_free);
  images = render (f);
  g_assert_true (g_hash_table_lookup (f->canvas->rasters, node) == image);

  /* Selected meanwhile: a new image of it. */
  wm_canvas_set_selection (f->canvas, ids);
  g_clear_pointer (&images, frame_free);
  images = render (f);
  g_assert_nonnull (g_hash_table_lookup (f->canvas->rasters, node));
  g_assert_true (g_hash_table_lookup (f->canvas->rasters, node) != image);

  /* The zoom rests: the elements draw themselves and the images go. */
  f->canvas->zoomed_at = 0;
  gtk_widget_queue_draw (GTK_WIDGET (f->canvas));
  g_clear_pointer (&images, frame_free);
  images = render (f);
  g_assert_false (f->canvas->rasters_now);
  g_assert_cmpuint (g_hash_table_size (f->canvas->rasters), ==, 0);

  /* Far out elements are coloured blocks, drawn as themselves. */
  wm_canvas_set_zoom (f->canvas, 0.3);
  f->canvas->zoomed_at = G_MAXINT64 / 2;
  g_clear_pointer (&images, frame_free);
  images = render (f);
  g_assert_cmpuint (g_hash_table_size (f->canvas->rasters), ==, 0);
}

#define ADD(path, func) \
  g_test_add ("/canvas/layer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  gtk_disable_setlocale ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  ADD ("first-frame-matches-a-fresh-draw", test_first_frame_matches_a_fresh_draw);
  ADD ("selection-shows-in-the-next-frame", test_selection_shows_in_the_next_frame);
  ADD ("moved-element-takes-its-connections", test_moved_element_takes_its_connections);
  ADD ("pan-and-zoom-place-the-tiles", test_pan_and_zoom_place_the_tiles);
  ADD ("path-and-grid-show", test_path_and_grid_show);
  ADD ("drag-draws-the-moved-connections", test_drag_draws_the_moved_connections);
  ADD ("moving-zoom-places-element-images", test_moving_zoom_places_element_images);

  return g_test_run ();
}
