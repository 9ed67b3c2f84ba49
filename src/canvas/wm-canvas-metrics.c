/* wm-canvas-metrics.c - a run's figures drawn on the flow canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The labels are render nodes appended after the nodes' own, in canvas
 * units under the zoom transform, and only for what is in view. Their
 * texts and Pango layouts are made once per element and kept until the
 * metrics change (an element whose type or milestone was edited gets new
 * ones), so a frame only looks them up: the overlay has to stay within
 * 2 ms a frame at 1,000 elements (tests/bench/bench-canvas.c --metrics).
 * Below LABEL_MIN_ZOOM the summary would be too small to read, so each
 * node gets one figure at a fixed screen size instead (its engagements);
 * below COMPACT_MIN_ZOOM so many nodes are in view that only the
 * connections' widths show the traffic.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "wm-canvas-metrics.h"
#include "wm-canvas-private.h"

#define LABEL_MIN_ZOOM      0.5
#define COMPACT_MIN_ZOOM    0.2
#define COMPACT_FONT_SIZE  11.0   /* screen pixels */
#define LABEL_FONT_SIZE     11.0   /* canvas units */
#define TRAFFIC_FONT_SIZE   10.0
#define LABEL_GAP            6.0   /* between a node and its label */
#define LABEL_PAD_X          6.0
#define LABEL_PAD_Y          3.0
#define MAX_WIDTH_FACTOR     3.0   /* the busiest connection: 1 + this */
#define HOVER_DELAY_MS     350

typedef struct
{
  char        *type;
  char        *milestone;
  char        *text;
  char        *description;
  PangoLayout *layout;
  int          width;      /* of the layout, canvas units */
  int          height;
  GskRenderNode *node;     /* pill and text at the layout's origin */
  GdkRGBA      node_colour;/* the text colour it was made with */
  char        *compact;    /* the one figure shown zoomed out */
  PangoLayout *compact_layout;
  int          compact_width;   /* screen pixels */
  int          compact_height;
  GskRenderNode *compact_node;  /* its pill and text, kept as node is */
  GdkRGBA      compact_colour;
} Label;

typedef enum
{
  SHOWN_NONE,
  SHOWN_HOVER,
  SHOWN_SELECTION,
} PopoverSource;

struct _WmCanvasMetrics
{
  WmReportMetrics *metrics;
  GHashTable      *labels;        /* element id -> Label */
  GHashTable      *traffic;       /* "id\nport" -> Label (text, layout) */
  PangoFontDescription *font;
  PangoFontDescription *traffic_font;
  PangoFontDescription *compact_font;

  GtkWidget       *popover;
  GtkWidget       *popover_title;
  GtkWidget       *popover_grid;
  char            *popover_element;
  PopoverSource    popover_source;
  WmNode          *hovered;
  guint            hover_source;
  guint            sync_source;   /* shows or hides the popover after a layout */
};

static void
label_free (Label *label)
{
  g_free (label->type);
  g_free (label->milestone);
  g_free (label->text);
  g_free (label->description);
  g_free (label->compact);
  g_clear_object (&label->layout);
  g_clear_object (&label->compact_layout);
  g_clear_pointer (&label->node, gsk_render_node_unref);
  g_clear_pointer (&label->compact_node, gsk_render_node_unref);
  g_free (label);
}

static WmCanvasMetrics *
overlay (WmCanvas *self)
{
  return self->metrics_overlay;
}

static const char *
milestone_of (WmElement *element)
{
  return g_str_equal (wm_element_get_type_name (element), "milestone")
         ? wm_element_get_config_string (element, "milestone") : NULL;
}

static void
fill_element (WmCanvasMetrics  *o,
              WmElement        *element,
              WmElementMetrics *m)
{
  wm_report_metrics_get_element (o->metrics, wm_element_get_id (element),
                                 wm_element_get_type_name (element), milestone_of (element), m);
}

/* The label of @element, made when missing or when its type or milestone
 * changed since. */
static Label *
get_label (WmCanvas  *self,
           WmElement *element)
{
  WmCanvasMetrics *o = overlay (self);
  const char *id = wm_element_get_id (element);
  const char *type = wm_element_get_type_name (element);
  const char *milestone = milestone_of (element);
  Label *label = g_hash_table_lookup (o->labels, id);
  WmElementMetrics m;

  if (label != NULL && g_strcmp0 (label->type, type) == 0 && g_strcmp0 (label->milestone, milestone) == 0)
    return label;
  label = g_new0 (Label, 1);
  label->type = g_strdup (type);
  label->milestone = g_strdup (milestone);
  fill_element (o, element, &m);
  label->text = m.found ? wm_element_metrics_format_summary (&m) : g_strdup (_("No figures in this run"));
  label->description = wm_element_metrics_describe (&m);
  label->compact = m.found ? wm_element_metrics_format_compact (&m) : g_strdup ("–");
  g_hash_table_replace (o->labels, g_strdup (id), label);
  return label;
}

static void
ensure_layout (WmCanvas             *self,
               Label                *label,
               PangoFontDescription *font)
{
  PangoRectangle ink, logical;

  if (label->layout != NULL)
    return;
  label->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label->text);
  pango_layout_set_font_description (label->layout, font);
  pango_layout_set_alignment (label->layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_extents (label->layout, &ink, &logical);
  label->width = logical.width;
  label->height = logical.height;
}

static void
ensure_compact_layout (WmCanvas *self,
                       Label    *label)
{
  PangoRectangle ink, logical;

  if (label->compact_layout != NULL)
    return;
  label->compact_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label->compact);
  pango_layout_set_font_description (label->compact_layout, overlay (self)->compact_font);
  pango_layout_get_pixel_extents (label->compact_layout, &ink, &logical);
  label->compact_width = logical.width;
  label->compact_height = logical.height;
}

static Label *
get_traffic (WmCanvas   *self,
             const char *element_id,
             const char *port)
{
  WmCanvasMetrics *o = overlay (self);
  g_autofree char *key = g_strconcat (element_id, "\n", port, NULL);
  Label *label = g_hash_table_lookup (o->traffic, key);

  if (label != NULL)
    return label;
  label = g_new0 (Label, 1);
  label->text = wm_report_metrics_format_port (o->metrics, element_id, port);
  g_hash_table_insert (o->traffic, g_steal_pointer (&key), label);
  return label;
}

static const char *
edge_port (WmCanvasEdge *edge)
{
  return wm_connection_get_port (edge->connection);
}

double
_wm_canvas_metrics_edge_width (WmCanvas     *self,
                               WmCanvasEdge *edge,
                               double        line)
{
  WmCanvasMetrics *o = overlay (self);
  guint64 count, max;

  if (o == NULL || o->metrics == NULL)
    return line;
  max = wm_report_metrics_get_max_port (o->metrics);
  if (max == 0 || !wm_report_metrics_get_port (o->metrics, wm_connection_get_from (edge->connection),
                                               edge_port (edge), &count))
    return line;
  /* By the square root, so that a connection of a tenth of the busiest
   * one's traffic is still visibly thicker than an idle one. */
  return line * (1.0 + MAX_WIDTH_FACTOR * sqrt ((double) count / (double) max));
}

static void
append_pill (GtkSnapshot          *snapshot,
             const graphene_rect_t *rect,
             const GdkRGBA        *fill,
             const GdkRGBA        *border)
{
  GskRoundedRect outline;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA colours[4] = { *border, *border, *border, *border };

  /* Square corners: a rounded clip costs the software renderer a mask per
   * label, which the frame budget cannot afford at a thousand elements. */
  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_color (snapshot, fill, rect);
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

/* Where a frame's labels go: appended to @snapshot, or, while a zoom moves
 * and the elements are images (wm-canvas-raster.c), placed as images in
 * the layer's picture too (@snapshot NULL). */
typedef struct
{
  WmCanvas    *canvas;
  GtkSnapshot *snapshot;
} Sink;

/* Puts @node, in canvas units, with its origin at canvas point @x, @y. */
static void
put_label (Sink          *sink,
           GskRenderNode *node,
           double         x,
           double         y)
{
  if (sink->snapshot == NULL)
    {
      _wm_canvas_place_overlay_image (sink->canvas, node, x, y, FALSE);
      return;
    }
  gtk_snapshot_save (sink->snapshot);
  gtk_snapshot_translate (sink->snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (sink->snapshot, node);
  gtk_snapshot_restore (sink->snapshot);
}

/* Puts @node, in screen pixels whatever the zoom, with its origin at
 * canvas point @x, @y. */
static void
put_fixed (Sink          *sink,
           GskRenderNode *node,
           double         x,
           double         y)
{
  double unzoom = 1.0 / sink->canvas->zoom;

  if (sink->snapshot == NULL)
    {
      _wm_canvas_place_overlay_image (sink->canvas, node, x, y, TRUE);
      return;
    }
  gtk_snapshot_save (sink->snapshot);
  gtk_snapshot_translate (sink->snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_scale (sink->snapshot, unzoom, unzoom);
  gtk_snapshot_append_node (sink->snapshot, node);
  gtk_snapshot_restore (sink->snapshot);
}

/* @label's pill and text with the text's origin at 0, 0. The nodes are
 * made once and kept (render nodes are immutable), so a frame only places
 * them; a theme change (another text colour) makes them anew. */
static GskRenderNode *
label_node (Label         *label,
            double         pad_x,
            double         pad_y,
            const GdkRGBA *colour,
            const GdkRGBA *fill,
            const GdkRGBA *border)
{
  if (label->node == NULL || !gdk_rgba_equal (&label->node_colour, colour))
    {
      GtkSnapshot *own = gtk_snapshot_new ();

      append_pill (own, &GRAPHENE_RECT_INIT (-pad_x, -pad_y, label->width + 2 * pad_x, label->height + 2 * pad_y),
                   fill, border);
      gtk_snapshot_append_layout (own, label->layout, colour);
      g_clear_pointer (&label->node, gsk_render_node_unref);
      label->node = gtk_snapshot_free_to_node (own);
      label->node_colour = *colour;
    }
  return label->node;
}

/* One figure a node, at a fixed screen size under the node. */
static void
put_compact (WmCanvas      *self,
             Sink          *sink,
             const GdkRGBA *fill,
             const GdkRGBA *border)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->shown, i);
      Label *label = get_label (self, wm_node_get_element (node));
      double x, y;

      ensure_compact_layout (self, label);
      /* Made once, like the full labels' nodes: a frame zoomed out shows
       * hundreds of them. */
      if (label->compact_node == NULL || !gdk_rgba_equal (&label->compact_colour, &self->colors.foreground))
        {
          GtkSnapshot *own = gtk_snapshot_new ();

          x = -label->compact_width / 2.0;
          y = LABEL_GAP / 2 + LABEL_PAD_Y;
          append_pill (own,
                       &GRAPHENE_RECT_INIT (x - LABEL_PAD_X / 2, y - LABEL_PAD_Y / 2,
                                            label->compact_width + LABEL_PAD_X, label->compact_height + LABEL_PAD_Y),
                       fill, border);
          append_text (own, label->compact_layout, x, y, &self->colors.foreground);
          g_clear_pointer (&label->compact_node, gsk_render_node_unref);
          label->compact_node = gtk_snapshot_free_to_node (own);
          label->compact_colour = self->colors.foreground;
        }
      _wm_canvas_node_position (node, &x, &y);
      put_fixed (sink, label->compact_node, x + WM_NODE_WIDTH / 2, y + wm_node_get_height (node));
    }
}

/* Puts the labels of what is in @view (canvas units) into @sink. */
static void
put_labels (WmCanvas     *self,
            Sink         *sink,
            const WmRect *view)
{
  WmCanvasMetrics *o = overlay (self);
  const WmCanvasColors *colors = &self->colors;
  g_autoptr(GPtrArray) edges = NULL;
  GdkRGBA fill, border;

  fill = colors->node;
  fill.alpha = 0.94f;
  border = colors->foreground;
  border.alpha *= 0.25f;

  if (self->zoom < LABEL_MIN_ZOOM)
    {
      put_compact (self, sink, &fill, &border);
      return;
    }

  /* Connections' counts first, so element labels cover them. */
  edges = g_ptr_array_new ();
  wm_spatial_index_query_rect (self->edge_index, view, edges);
  for (guint i = 0; i < edges->len; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_index (edges, i);
      Label *label = get_traffic (self, wm_connection_get_from (edge->connection), edge_port (edge));
      double x, y;

      if (label->text == NULL)
        continue;
      ensure_layout (self, label, o->traffic_font);
      wm_bezier_point (&edge->curve, 0.5, &x, &y);
      put_label (sink, label_node (label, LABEL_PAD_X, LABEL_PAD_Y / 2, &colors->foreground, &fill, &border),
                 x - label->width / 2.0, y - label->height / 2.0);
    }

  for (guint i = 0; i < self->shown->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->shown, i);
      Label *label = get_label (self, wm_node_get_element (node));
      double x, y;

      ensure_layout (self, label, o->font);
      _wm_canvas_node_position (node, &x, &y);
      put_label (sink, label_node (label, LABEL_PAD_X, LABEL_PAD_Y, &colors->foreground, &fill, &border),
                 x + (WM_NODE_WIDTH - label->width) / 2.0,
                 y + wm_node_get_height (node) + LABEL_GAP + LABEL_PAD_Y);
    }
}

static gboolean
labels_shown (WmCanvas *self)
{
  WmCanvasMetrics *o = overlay (self);

  return o != NULL && o->metrics != NULL && self->zoom >= COMPACT_MIN_ZOOM;
}

void
_wm_canvas_snapshot_metrics (WmCanvas     *self,
                             GtkSnapshot  *snapshot,
                             const WmRect *view)
{
  Sink sink = { self, snapshot };

  /* Already in the layer's picture as images. */
  if (!labels_shown (self) || self->rasters_now)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-_wm_canvas_scroll_x (self),
                                                           -_wm_canvas_scroll_y (self)));
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
  put_labels (self, &sink, view);
  gtk_snapshot_restore (snapshot);
}

void
_wm_canvas_place_metrics_images (WmCanvas     *self,
                                 const WmRect *view)
{
  Sink sink = { self, NULL };

  if (labels_shown (self))
    put_labels (self, &sink, view);
}

void
_wm_canvas_metrics_describe_node (WmCanvas *self,
                                  WmNode   *node)
{
  WmCanvasMetrics *o = overlay (self);

  if (o == NULL || o->metrics == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (node), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (node),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  get_label (self, wm_node_get_element (node))->description,
                                  -1);
}

/* Popover */

static void
clear_grid (WmCanvasMetrics *o)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (o->popover_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (o->popover_grid), child);
}

static void
hide_popover (WmCanvas *self)
{
  WmCanvasMetrics *o = overlay (self);

  g_clear_pointer (&o->popover_element, g_free);
  o->popover_source = SHOWN_NONE;
  if (o->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (o->popover));
}

/* Points the popover at the part of @node in view; FALSE when none is (a
 * popover pointing outside its parent would be placed off the monitor). */
static gboolean
point_at (WmCanvas *self,
          WmNode   *node)
{
  double x, y, vx, vy;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRectangle rect, view = { 0, 0, width, height };

  _wm_canvas_node_position (node, &x, &y);
  wm_canvas_canvas_to_view (self, x, y, &vx, &vy);
  rect.x = (int) vx;
  rect.y = (int) vy;
  rect.width = MAX (1, (int) (WM_NODE_WIDTH * self->zoom));
  rect.height = MAX (1, (int) (wm_node_get_height (node) * self->zoom));
  if (!gdk_rectangle_intersect (&rect, &view, &rect))
    return FALSE;
  gtk_popover_set_pointing_to (GTK_POPOVER (overlay (self)->popover), &rect);
  return TRUE;
}

static void
show_popover (WmCanvas      *self,
              WmNode        *node,
              PopoverSource  source)
{
  WmCanvasMetrics *o = overlay (self);
  WmElement *element = wm_node_get_element (node);
  g_autoptr(GPtrArray) rows = NULL;
  WmElementMetrics m;

  clear_grid (o);
  fill_element (o, element, &m);
  gtk_label_set_text (GTK_LABEL (o->popover_title), wm_element_get_display_name (element));
  if (!m.found)
    {
      GtkWidget *none = gtk_label_new (_("No figures in this run"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (GTK_GRID (o->popover_grid), none, 0, 0, 2, 1);
    }
  else
    {
      rows = wm_element_metrics_rows (o->metrics, &m, wm_node_get_ports (node));
      for (guint i = 0; i < rows->len; i++)
        {
          WmMetricRow *row = g_ptr_array_index (rows, i);
          GtkWidget *name = gtk_label_new (row->label);
          GtkWidget *value = gtk_label_new (row->value);

          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_widget_add_css_class (name, "dim-label");
          gtk_label_set_xalign (GTK_LABEL (value), 1);
          gtk_widget_add_css_class (value, "numeric");
          gtk_grid_attach (GTK_GRID (o->popover_grid), name, 0, (int) i, 1, 1);
          gtk_grid_attach (GTK_GRID (o->popover_grid), value, 1, (int) i, 1, 1);
        }
    }
  g_free (o->popover_element);
  o->popover_element = g_strdup (wm_element_get_id (element));
  o->popover_source = source;
  if (point_at (self, node))
    gtk_popover_popup (GTK_POPOVER (o->popover));
}

void
wm_canvas_show_metrics_popover (WmCanvas   *self,
                                const char *element_id)
{
  WmNode *node;

  g_return_if_fail (WM_IS_CANVAS (self));

  node = element_id != NULL ? _wm_canvas_node_for_id (self, element_id) : NULL;
  if (node == NULL || overlay (self)->metrics == NULL || overlay (self)->popover == NULL)
    hide_popover (self);
  else
    show_popover (self, node, SHOWN_SELECTION);
}

GtkWidget *
wm_canvas_get_metrics_popover (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  return overlay (self)->popover;
}

static void
selection_changed_cb (WmCanvas *self)
{
  WmCanvasMetrics *o = overlay (self);
  g_auto(GStrv) ids = NULL;

  if (o->metrics == NULL)
    return;
  ids = wm_canvas_get_selected_ids (self);
  if (ids != NULL && ids[0] != NULL && ids[1] == NULL)
    wm_canvas_show_metrics_popover (self, ids[0]);
  else if (o->popover_source == SHOWN_SELECTION)
    hide_popover (self);
}

static gboolean
hover_timeout_cb (gpointer data)
{
  WmCanvas *self = data;
  WmCanvasMetrics *o = overlay (self);

  o->hover_source = 0;
  if (o->hovered != NULL && o->metrics != NULL && o->popover != NULL)
    show_popover (self, o->hovered, SHOWN_HOVER);
  return G_SOURCE_REMOVE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    view_x,
           double                    view_y,
           WmCanvas                 *self)
{
  WmCanvasMetrics *o = overlay (self);
  double x, y;
  WmNode *node;

  if (o->metrics == NULL)
    return;
  wm_canvas_view_to_canvas (self, view_x, view_y, &x, &y);
  node = _wm_canvas_node_at (self, x, y);
  if (node == o->hovered)
    return;
  o->hovered = node;
  g_clear_handle_id (&o->hover_source, g_source_remove);
  if (node != NULL)
    o->hover_source = g_timeout_add (HOVER_DELAY_MS, hover_timeout_cb, self);
  else if (o->popover_source == SHOWN_HOVER)
    hide_popover (self);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          WmCanvas                 *self)
{
  WmCanvasMetrics *o = overlay (self);

  o->hovered = NULL;
  g_clear_handle_id (&o->hover_source, g_source_remove);
  if (o->popover_source == SHOWN_HOVER)
    hide_popover (self);
}

static gboolean
sync_popover (gpointer data)
{
  WmCanvas *self = data;
  WmCanvasMetrics *o = overlay (self);
  WmNode *node = NULL;

  o->sync_source = 0;
  if (o->popover_element != NULL)
    node = _wm_canvas_node_for_id (self, o->popover_element);
  if (node != NULL && point_at (self, node))
    gtk_popover_popup (GTK_POPOVER (o->popover));
  else
    gtk_popover_popdown (GTK_POPOVER (o->popover));
  return G_SOURCE_REMOVE;
}

void
_wm_canvas_allocate_metrics (WmCanvas *self)
{
  WmCanvasMetrics *o = overlay (self);
  WmNode *node;
  gboolean in_view;

  if (o->popover == NULL || o->popover_element == NULL)
    return;
  node = _wm_canvas_node_for_id (self, o->popover_element);
  in_view = node != NULL && point_at (self, node);
  /* Follows its node as the view scrolls and zooms, hides while the node
   * is out of view and comes back with it. Showing or hiding a widget
   * queues a resize of its parent, which from inside this allocation
   * would leave the canvas's ancestors unallocated for the frame being
   * drawn; so that waits for the layout to end. */
  if (in_view && gtk_widget_get_visible (o->popover))
    gtk_popover_present (GTK_POPOVER (o->popover));
  else if (in_view != gtk_widget_get_visible (o->popover) && o->sync_source == 0)
    o->sync_source = g_idle_add (sync_popover, self);
}

/* Setup */

void
_wm_canvas_init_metrics (WmCanvas *self)
{
  WmCanvasMetrics *o = g_new0 (WmCanvasMetrics, 1);
  GtkEventController *motion;
  GtkWidget *box;

  self->metrics_overlay = o;
  o->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) label_free);
  o->traffic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) label_free);
  o->font = pango_font_description_new ();
  pango_font_description_set_absolute_size (o->font, LABEL_FONT_SIZE * PANGO_SCALE);
  o->traffic_font = pango_font_description_copy (o->font);
  pango_font_description_set_absolute_size (o->traffic_font, TRAFFIC_FONT_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (o->traffic_font, PANGO_WEIGHT_BOLD);
  o->compact_font = pango_font_description_copy (o->font);
  pango_font_description_set_absolute_size (o->compact_font, COMPACT_FONT_SIZE * PANGO_SCALE);

  o->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (o->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (o->popover), GTK_POS_RIGHT);
  gtk_widget_set_can_focus (o->popover, FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  o->popover_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (o->popover_title), 0);
  gtk_widget_add_css_class (o->popover_title, "heading");
  o->popover_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (o->popover_grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (o->popover_grid), 3);
  gtk_box_append (GTK_BOX (box), o->popover_title);
  gtk_box_append (GTK_BOX (box), o->popover_grid);
  gtk_popover_set_child (GTK_POPOVER (o->popover), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (o->popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Element figures"), -1);
  gtk_widget_set_parent (o->popover, GTK_WIDGET (self));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (self, "selection-changed", G_CALLBACK (selection_changed_cb), NULL);
}

void
_wm_canvas_dispose_metrics (WmCanvas *self)
{
  WmCanvasMetrics *o = overlay (self);

  g_clear_handle_id (&o->hover_source, g_source_remove);
  g_clear_handle_id (&o->sync_source, g_source_remove);
  g_clear_pointer (&o->popover, gtk_widget_unparent);
  g_clear_pointer (&o->metrics, wm_report_metrics_unref);
  g_hash_table_remove_all (o->labels);
  g_hash_table_remove_all (o->traffic);
}

void
_wm_canvas_finalize_metrics (WmCanvas *self)
{
  WmCanvasMetrics *o = overlay (self);

  g_hash_table_unref (o->labels);
  g_hash_table_unref (o->traffic);
  pango_font_description_free (o->font);
  pango_font_description_free (o->traffic_font);
  pango_font_description_free (o->compact_font);
  g_free (o->popover_element);
  g_free (o);
  self->metrics_overlay = NULL;
}

void
wm_canvas_set_metrics (WmCanvas        *self,
                       WmReportMetrics *metrics)
{
  WmCanvasMetrics *o;

  g_return_if_fail (WM_IS_CANVAS (self));

  o = overlay (self);
  if (metrics == o->metrics)
    return;
  if (metrics != NULL)
    wm_report_metrics_ref (metrics);
  g_clear_pointer (&o->metrics, wm_report_metrics_unref);
  o->metrics = metrics;
  g_hash_table_remove_all (o->labels);
  g_hash_table_remove_all (o->traffic);
  for (guint i = 0; i < self->nodes->len; i++)
    _wm_canvas_metrics_describe_node (self, g_ptr_array_index (self->nodes, i));
  if (metrics == NULL)
    hide_popover (self);
  else if (o->popover_element != NULL)
    wm_canvas_show_metrics_popover (self, o->popover_element);
  else
    selection_changed_cb (self);
  /* The connections' widths show the traffic. */
  _wm_canvas_layer_changed (self);
}

WmReportMetrics *
wm_canvas_get_metrics (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  return overlay (self)->metrics;
}

const char *
wm_canvas_get_metrics_text (WmCanvas   *self,
                            const char *element_id)
{
  WmNode *node;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  node = element_id != NULL ? _wm_canvas_node_for_id (self, element_id) : NULL;
  if (overlay (self)->metrics == NULL || node == NULL)
    return NULL;
  return get_label (self, wm_node_get_element (node))->text;
}

char *
wm_canvas_get_traffic_label (WmCanvas   *self,
                             const char *element_id,
                             const char *port)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  if (overlay (self)->metrics == NULL)
    return NULL;
  return g_strdup (get_traffic (self, element_id, port)->text);
}

double
wm_canvas_get_connection_width (WmCanvas   *self,
                                const char *element_id,
                                const char *port)
{
  GPtrArray *edges;
  double line;

  g_return_val_if_fail (WM_IS_CANVAS (self), 0);

  line = MAX (2.0, 1.5 / self->zoom);
  edges = g_hash_table_lookup (self->edges_by_id, element_id);
  for (guint i = 0; edges != NULL && i < edges->len; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_index (edges, i);

      if (g_strcmp0 (wm_connection_get_from (edge->connection), element_id) == 0
          && g_strcmp0 (edge_port (edge), port) == 0)
        return _wm_canvas_metrics_edge_width (self, edge, line);
    }
  return line;
}
