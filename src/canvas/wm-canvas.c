/* wm-canvas.c - the flow canvas: model mirror, scrolling, layout, drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas mirrors the version's element and connection lists (nodes and
 * edges, in list order) from their items-changed signals and each element's
 * notify::position, notify::name and ::config-changed. Nodes and connection
 * curves live in two spatial indexes, so allocation and drawing touch what
 * is in view only.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "wm-canvas-private.h"
#include "wm-node-summary.h"
#include "wm-validate.h"

/* Room around the elements that can be scrolled to, in view pixels. */
#define SCROLL_MARGIN 96.0
/* Nodes are reindexed a little larger: focus rings, shadows and port dots
 * reach outside them. */
#define NODE_OVERHANG 12.0
/* How many accessible labels an idle pass refreshes before yielding. */
#define A11Y_BATCH 200

enum
{
  PROP_0,
  PROP_ZOOM,
  PROP_SNAP_TO_GRID,
  PROP_READ_ONLY,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  SELECTION_CHANGED,
  ELEMENT_ACTIVATED,
  CONTENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark shown_quark;

G_DEFINE_FINAL_TYPE_WITH_CODE (WmCanvas, wm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* The rubber band is a child with CSS name "rubberband", so the theme
 * draws it as it draws every other rubber band. */
#define WM_TYPE_CANVAS_RUBBERBAND (wm_canvas_rubberband_get_type ())
G_DECLARE_FINAL_TYPE (WmCanvasRubberband, wm_canvas_rubberband, WM, CANVAS_RUBBERBAND, GtkWidget)
struct _WmCanvasRubberband
{
  GtkWidget parent_instance;
};
G_DEFINE_FINAL_TYPE (WmCanvasRubberband, wm_canvas_rubberband, GTK_TYPE_WIDGET)

static void
wm_canvas_rubberband_class_init (WmCanvasRubberbandClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "rubberband");
}

static void
wm_canvas_rubberband_init (WmCanvasRubberband *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* Model mirror {{{ */

double
_wm_canvas_scroll_x (WmCanvas *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

double
_wm_canvas_scroll_y (WmCanvas *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

void
_wm_canvas_node_position (WmNode *node,
                          double *x,
                          double *y)
{
  wm_element_get_position (wm_node_get_element (node), x, y);
}

static void
node_rect (WmNode *node,
           WmRect *rect)
{
  _wm_canvas_node_position (node, &rect->x, &rect->y);
  rect->width = WM_NODE_WIDTH;
  rect->height = wm_node_get_height (node);
}

static void
content_changed (WmCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

static void
update_edge (WmCanvas     *self,
             WmCanvasEdge *edge)
{
  const char *from = wm_connection_get_from (edge->connection);
  const char *port = wm_connection_get_port (edge->connection);
  const char *to = wm_connection_get_to (edge->connection);
  double fx, fy, tx, ty, x, y;
  WmRect bounds;

  edge->from = from != NULL ? _wm_canvas_node_for_id (self, from) : NULL;
  edge->to = to != NULL ? _wm_canvas_node_for_id (self, to) : NULL;
  edge->port = -1;
  if (edge->from != NULL && port != NULL)
    {
      const char * const *ports = wm_node_get_ports (edge->from);

      for (guint i = 0; ports[i] != NULL; i++)
        if (g_str_equal (ports[i], port))
          edge->port = (int) i;
    }

  /* A dragged element's connections are drawn live: the layer stays. */
  if (!_wm_canvas_edge_live (self, edge))
    _wm_canvas_layer_changed (self);
  if (edge->from == NULL || edge->to == NULL || edge->port < 0)
    {
      wm_spatial_index_remove (self->edge_index, edge);
      return;
    }

  _wm_canvas_node_position (edge->from, &x, &y);
  wm_node_port_anchor (x, y, wm_node_get_ports (edge->from), edge->port, &fx, &fy);
  _wm_canvas_node_position (edge->to, &x, &y);
  wm_node_input_anchor (x, y, &tx, &ty);
  wm_connection_curve (fx, fy, tx, ty, &edge->curve);
  wm_bezier_bounds (&edge->curve, &bounds);
  /* Room for the line width and the arrow head. */
  bounds.x -= 8;
  bounds.y -= 8;
  bounds.width += 16;
  bounds.height += 16;
  wm_spatial_index_set (self->edge_index, edge, &bounds);
}

static void
update_edges_of (WmCanvas   *self,
                 const char *id)
{
  GPtrArray *edges = g_hash_table_lookup (self->edges_by_id, id);

  for (guint i = 0; edges != NULL && i < edges->len; i++)
    update_edge (self, g_ptr_array_index (edges, i));
}

static void
queue_a11y (WmCanvas *self,
            WmNode   *node);

/* Nodes whose description names @node (it is where they lead). */
static void
queue_a11y_of_sources (WmCanvas *self,
                       WmNode   *node)
{
  GPtrArray *edges = g_hash_table_lookup (self->edges_by_id,
                                          wm_element_get_id (wm_node_get_element (node)));

  for (guint i = 0; edges != NULL && i < edges->len; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_index (edges, i);

      if (edge->to == node && edge->from != NULL)
        queue_a11y (self, edge->from);
    }
}

static void
element_position_changed_cb (WmElement  *element,
                             GParamSpec *pspec,
                             WmNode     *node)
{
  WmCanvas *self = WM_CANVAS (gtk_widget_get_parent (GTK_WIDGET (node)));
  WmRect rect;

  node_rect (node, &rect);
  wm_spatial_index_set (self->node_index, node, &rect);
  update_edges_of (self, wm_element_get_id (element));
  content_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
element_texts_changed (WmElement *element,
                       WmNode    *node)
{
  WmCanvas *self = WM_CANVAS (gtk_widget_get_parent (GTK_WIDGET (node)));

  if (wm_node_update (node))
    {
      WmRect rect;

      node_rect (node, &rect);
      wm_spatial_index_set (self->node_index, node, &rect);
      update_edges_of (self, wm_element_get_id (element));
      content_changed (self);
    }
  queue_a11y (self, node);
  queue_a11y_of_sources (self, node);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
element_name_changed_cb (WmElement  *element,
                         GParamSpec *pspec,
                         WmNode     *node)
{
  element_texts_changed (element, node);
}

static void
element_config_changed_cb (WmElement  *element,
                           const char *key,
                           WmNode     *node)
{
  element_texts_changed (element, node);
}

WmNode *
_wm_canvas_node_for_id (WmCanvas   *self,
                        const char *id)
{
  return g_hash_table_lookup (self->node_by_id, id);
}

static WmNode *
add_node (WmCanvas  *self,
          WmElement *element,
          guint      position)
{
  WmNode *node = WM_NODE (wm_node_new (element));
  const char *id = wm_element_get_id (element);
  WmRect rect;

  wm_node_set_names (node, self->names);
  gtk_widget_set_parent (GTK_WIDGET (node), GTK_WIDGET (self));
  g_ptr_array_insert (self->nodes, position, node);
  g_hash_table_insert (self->node_by_element, element, node);
  if (!g_hash_table_contains (self->node_by_id, id))
    g_hash_table_insert (self->node_by_id, (gpointer) id, node);

  g_signal_connect (element, "notify::position", G_CALLBACK (element_position_changed_cb), node);
  g_signal_connect (element, "notify::name", G_CALLBACK (element_name_changed_cb), node);
  g_signal_connect (element, "config-changed", G_CALLBACK (element_config_changed_cb), node);

  node_rect (node, &rect);
  wm_spatial_index_set (self->node_index, node, &rect);
  queue_a11y (self, node);
  _wm_canvas_compare_node_added (self, node);
  return node;
}

static void
remove_node (WmCanvas *self,
             WmNode   *node)
{
  WmElement *element = wm_node_get_element (node);
  const char *id = wm_element_get_id (element);

  g_signal_handlers_disconnect_by_data (element, node);
  _wm_canvas_layer_changed (self);
  if (g_hash_table_remove (self->selection, node))
    _wm_canvas_selection_changed (self);
  if (self->drag_node == node || self->connect_from == node || self->connect_target == node)
    _wm_canvas_cancel_drag (self);
  queue_a11y_of_sources (self, node);
  g_hash_table_remove (self->a11y_dirty, node);
  wm_spatial_index_remove (self->node_index, node);
  g_ptr_array_remove (self->shown, node);
  g_hash_table_remove (self->node_by_element, element);
  if (g_hash_table_lookup (self->node_by_id, id) == node)
    {
      g_hash_table_remove (self->node_by_id, id);
      /* A flow with a repeated id (validation reports it) still shows the
       * next element with that id. */
      for (guint i = 0; i < self->nodes->len; i++)
        {
          WmNode *other = g_ptr_array_index (self->nodes, i);
          WmElement *other_element = wm_node_get_element (other);

          if (other != node && g_str_equal (wm_element_get_id (other_element), id))
            {
              g_hash_table_insert (self->node_by_id,
                                   (gpointer) wm_element_get_id (other_element), other);
              break;
            }
        }
    }
  /* Its connections lose that end (or find the other element). */
  update_edges_of (self, id);
  gtk_widget_unparent (GTK_WIDGET (node));
}

static void
edge_free (gpointer data)
{
  WmCanvasEdge *edge = data;

  g_object_unref (edge->connection);
  g_free (edge);
}

static void
link_edge_id (WmCanvas     *self,
              const char   *id,
              WmCanvasEdge *edge)
{
  GPtrArray *list;

  if (id == NULL)
    return;
  list = g_hash_table_lookup (self->edges_by_id, id);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->edges_by_id, g_strdup (id), list);
    }
  if (!g_ptr_array_find (list, edge, NULL))
    g_ptr_array_add (list, edge);
}

static void
unlink_edge_id (WmCanvas     *self,
                const char   *id,
                WmCanvasEdge *edge)
{
  GPtrArray *list;

  if (id == NULL)
    return;
  list = g_hash_table_lookup (self->edges_by_id, id);
  if (list == NULL)
    return;
  g_ptr_array_remove_fast (list, edge);
  if (list->len == 0)
    g_hash_table_remove (self->edges_by_id, id);
}

static void
add_edge (WmCanvas     *self,
          WmConnection *connection,
          guint         position)
{
  WmCanvasEdge *edge = g_new0 (WmCanvasEdge, 1);

  edge->connection = g_object_ref (connection);
  g_ptr_array_insert (self->edges, position, edge);
  link_edge_id (self, wm_connection_get_from (connection), edge);
  link_edge_id (self, wm_connection_get_to (connection), edge);
  update_edge (self, edge);
  if (edge->from != NULL)
    {
      queue_a11y (self, edge->from);
      gtk_widget_queue_draw (GTK_WIDGET (edge->from));
    }
}

static void
remove_edge (WmCanvas     *self,
             WmCanvasEdge *edge)
{
  if (edge->from != NULL)
    {
      queue_a11y (self, edge->from);
      gtk_widget_queue_draw (GTK_WIDGET (edge->from));
    }
  wm_spatial_index_remove (self->edge_index, edge);
  _wm_canvas_layer_changed (self);
  unlink_edge_id (self, wm_connection_get_from (edge->connection), edge);
  unlink_edge_id (self, wm_connection_get_to (edge->connection), edge);
}

static void
elements_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     WmCanvas   *self)
{
  for (guint i = 0; i < removed; i++)
    {
      WmNode *node = g_ptr_array_steal_index (self->nodes, position);

      remove_node (self, node);
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (model, position + i);
      WmNode *node = add_node (self, element, position + i);

      update_edges_of (self, wm_element_get_id (element));
      queue_a11y_of_sources (self, node);
    }
  content_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
connections_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        WmCanvas   *self)
{
  for (guint i = 0; i < removed; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_steal_index (self->edges, position);

      remove_edge (self, edge);
      edge_free (edge);
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(WmConnection) connection = g_list_model_get_item (model, position + i);

      add_edge (self, connection, position + i);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clear_model (WmCanvas *self)
{
  if (self->version != NULL)
    {
      g_clear_signal_handler (&self->elements_handler, wm_version_get_elements (self->version));
      g_clear_signal_handler (&self->connections_handler, wm_version_get_connections (self->version));
    }
  _wm_canvas_cancel_drag (self);
  while (self->edges->len > 0)
    {
      WmCanvasEdge *edge = g_ptr_array_steal_index (self->edges, self->edges->len - 1);

      remove_edge (self, edge);
      edge_free (edge);
    }
  while (self->nodes->len > 0)
    remove_node (self, g_ptr_array_steal_index (self->nodes, self->nodes->len - 1));
  g_clear_object (&self->version);
  g_clear_object (&self->undo);
}

/* }}} */

/* Accessibility {{{ */

static gboolean
a11y_idle_cb (gpointer data)
{
  WmCanvas *self = data;
  GHashTableIter iter;
  gpointer key;
  guint done = 0;

  g_hash_table_iter_init (&iter, self->a11y_dirty);
  while (done < A11Y_BATCH && g_hash_table_iter_next (&iter, &key, NULL))
    {
      WmNode *node = key;
      g_autofree char *description = wm_node_describe_named (wm_node_get_element (node), self->version,
                                                             self->names);
      GPtrArray *edges = g_hash_table_lookup (self->edges_by_id,
                                              wm_element_get_id (wm_node_get_element (node)));
      WmNode *next = NULL;
      const char * const *ports = wm_node_get_ports (node);

      wm_node_set_description (node, description);
      _wm_canvas_metrics_describe_node (self, node);
      /* FLOW_TO names the element the first connected port leads to (the
       * label names all of them): GTK 4.8.3 collects a NULL-terminated
       * list of accessibles here, and varargs cannot be built at run
       * time. */
      for (guint p = 0; next == NULL && ports[p] != NULL; p++)
        for (guint i = 0; edges != NULL && i < edges->len; i++)
          {
            WmCanvasEdge *edge = g_ptr_array_index (edges, i);

            if (edge->from == node && edge->to != NULL && edge->port == (int) p)
              {
                next = edge->to;
                break;
              }
          }
      if (next != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (node),
                                        GTK_ACCESSIBLE_RELATION_FLOW_TO, next, NULL,
                                        -1);
      else
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (node), GTK_ACCESSIBLE_RELATION_FLOW_TO);
      g_hash_table_iter_remove (&iter);
      done++;
    }
  if (g_hash_table_size (self->a11y_dirty) > 0)
    return G_SOURCE_CONTINUE;
  self->a11y_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_a11y (WmCanvas *self,
            WmNode   *node)
{
  g_hash_table_add (self->a11y_dirty, node);
  if (self->a11y_idle == 0)
    self->a11y_idle = g_idle_add_full (G_PRIORITY_LOW, a11y_idle_cb, self, NULL);
}

/* }}} */

/* Hit testing {{{ */

WmNode *
_wm_canvas_node_at (WmCanvas *self,
                    double    x,
                    double    y)
{
  return wm_spatial_index_query_point (self->node_index, x, y);
}

gboolean
_wm_canvas_port_at (WmCanvas *self,
                    double    x,
                    double    y,
                    WmNode  **node,
                    int      *port)
{
  g_autoptr(GPtrArray) near = g_ptr_array_new ();
  WmRect around = { x - WM_PORT_GRAB_RADIUS, y - WM_PORT_GRAB_RADIUS,
                    2 * WM_PORT_GRAB_RADIUS, 2 * WM_PORT_GRAB_RADIUS };

  /* The dots stick out of the node: look a little around the point. */
  around.x -= WM_PORT_GRAB_RADIUS;
  around.width += WM_PORT_GRAB_RADIUS;
  wm_spatial_index_query_rect (self->node_index, &around, near);
  for (guint i = near->len; i > 0; i--)
    {
      WmNode *candidate = g_ptr_array_index (near, i - 1);
      double nx, ny;
      int index;

      _wm_canvas_node_position (candidate, &nx, &ny);
      index = wm_node_port_at (nx, ny, wm_node_get_ports (candidate), x, y);
      if (index >= 0)
        {
          *node = candidate;
          *port = index;
          return TRUE;
        }
    }
  return FALSE;
}

WmCanvasEdge *
_wm_canvas_edge_end_at (WmCanvas *self,
                        double    x,
                        double    y)
{
  g_autoptr(GPtrArray) near = g_ptr_array_new ();
  double reach = 6.0 / self->zoom;
  WmRect around = { x - reach, y - reach, 2 * reach, 2 * reach };
  WmCanvasEdge *best = NULL;
  double best_distance = reach;

  wm_spatial_index_query_rect (self->edge_index, &around, near);
  for (guint i = 0; i < near->len; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_index (near, i);
      double t;
      double d = wm_bezier_distance (&edge->curve, x, y, &t);

      if (t >= 0.66 && d <= best_distance)
        {
          best = edge;
          best_distance = d;
        }
    }
  return best;
}

gboolean
_wm_canvas_port_connected (WmCanvas   *self,
                           WmNode     *node,
                           const char *port)
{
  GPtrArray *edges = g_hash_table_lookup (self->edges_by_id,
                                          wm_element_get_id (wm_node_get_element (node)));

  for (guint i = 0; edges != NULL && i < edges->len; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_index (edges, i);

      if (edge->from == node && edge->to != NULL
          && g_strcmp0 (wm_connection_get_port (edge->connection), port) == 0)
        return TRUE;
    }
  return FALSE;
}

double
_wm_canvas_get_zoom_for_node (WmNode *node)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (node));

  return WM_IS_CANVAS (parent) ? WM_CANVAS (parent)->zoom : 1.0;
}

const WmCanvasColors *
_wm_canvas_get_colors (WmCanvas *self)
{
  return &self->colors;
}

/* }}} */

/* Scrolling and zoom {{{ */

static void
configure_adjustments (WmCanvas *self,
                       double    h_value,
                       double    v_value)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double lo_x = 0, hi_x = width, lo_y = 0, hi_y = height;
  WmRect content;

  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;
  if (wm_spatial_index_get_bounds (self->node_index, &content))
    {
      lo_x = content.x * self->zoom - SCROLL_MARGIN;
      hi_x = (content.x + content.width) * self->zoom + SCROLL_MARGIN;
      lo_y = content.y * self->zoom - SCROLL_MARGIN;
      hi_y = (content.y + content.height) * self->zoom + SCROLL_MARGIN;
    }
  /* The range always holds what is in view, so moving or deleting elements
   * never makes the view jump. */
  lo_x = MIN (lo_x, h_value);
  hi_x = MAX (hi_x, h_value + width);
  lo_y = MIN (lo_y, v_value);
  hi_y = MAX (hi_y, v_value + height);

  g_signal_handlers_block_matched (self->hadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->vadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_adjustment_configure (self->hadjustment, h_value, lo_x, hi_x,
                            width * 0.1, width * 0.9, width);
  gtk_adjustment_configure (self->vadjustment, v_value, lo_y, hi_y,
                            height * 0.1, height * 0.9, height);
  g_signal_handlers_unblock_matched (self->hadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->vadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
adjustment_value_changed_cb (GtkAdjustment *adjustment,
                             WmCanvas      *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

static void
set_adjustment (WmCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                guint           prop)
{
  if (adjustment == *slot && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), prop == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

void
wm_canvas_view_to_canvas (WmCanvas *self,
                          double    view_x,
                          double    view_y,
                          double   *canvas_x,
                          double   *canvas_y)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  *canvas_x = (view_x + _wm_canvas_scroll_x (self)) / self->zoom;
  *canvas_y = (view_y + _wm_canvas_scroll_y (self)) / self->zoom;
}

void
wm_canvas_canvas_to_view (WmCanvas *self,
                          double    canvas_x,
                          double    canvas_y,
                          double   *view_x,
                          double   *view_y)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  *view_x = canvas_x * self->zoom - _wm_canvas_scroll_x (self);
  *view_y = canvas_y * self->zoom - _wm_canvas_scroll_y (self);
}

double
wm_canvas_get_zoom (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
wm_canvas_zoom_at (WmCanvas *self,
                   double    zoom,
                   double    view_x,
                   double    view_y)
{
  double h, v;

  g_return_if_fail (WM_IS_CANVAS (self));

  zoom = CLAMP (zoom, WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  h = wm_zoom_anchor_scroll (self->zoom, zoom, _wm_canvas_scroll_x (self), view_x);
  v = wm_zoom_anchor_scroll (self->zoom, zoom, _wm_canvas_scroll_y (self), view_y);
  self->zoom = zoom;
  _wm_canvas_layer_zoomed (self);
  configure_adjustments (self, h, v);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

void
wm_canvas_set_zoom (WmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  wm_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
wm_canvas_center_on (WmCanvas *self,
                     double    x,
                     double    y)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  configure_adjustments (self,
                         x * self->zoom - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         y * self->zoom - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

#define FIT_MARGIN 24.0
/* Below this zoom the names on the nodes are too small to read. */
#define READABLE_ZOOM 0.75

/* Fits every element in the view, at a zoom of at least @min_zoom; when
 * they do not fit at that zoom, the view shows the start of the flow (its
 * left edge, where the entry is) and the middle of its height. */
static void
fit_view (WmCanvas *self,
          double    min_zoom)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  WmRect content;
  double zoom, fit;

  if (width <= 0 || height <= 0)
    {
      /* Not allocated yet: fit on the first allocation. */
      self->zoom_pending_fit = TRUE;
      self->pending_fit_min_zoom = min_zoom;
      return;
    }
  if (!wm_spatial_index_get_bounds (self->node_index, &content))
    return;
  fit = MIN ((width - 2 * FIT_MARGIN) / MAX (content.width, 1),
             (height - 2 * FIT_MARGIN) / MAX (content.height, 1));
  zoom = CLAMP (fit, MAX (min_zoom, WM_CANVAS_MIN_ZOOM), 1.0);
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  if (zoom <= fit)
    wm_canvas_center_on (self, content.x + content.width / 2, content.y + content.height / 2);
  else
    wm_canvas_center_on (self, content.x - FIT_MARGIN / zoom + width / (2 * zoom),
                         content.y + content.height / 2);
}

void
wm_canvas_zoom_to_fit (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  fit_view (self, WM_CANVAS_MIN_ZOOM);
}

void
wm_canvas_show_start (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  fit_view (self, READABLE_ZOOM);
}

void
wm_canvas_scroll_to_element (WmCanvas  *self,
                             WmElement *element)
{
  WmNode *node;
  WmRect rect;
  double h, v, width, height;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (WM_IS_ELEMENT (element));

  node = g_hash_table_lookup (self->node_by_element, element);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  /* Before the first allocation there is no view to bring it into. */
  if (node == NULL || width <= 0 || height <= 0)
    return;
  node_rect (node, &rect);
  h = _wm_canvas_scroll_x (self);
  v = _wm_canvas_scroll_y (self);
  if (rect.x * self->zoom - 16 < h)
    h = rect.x * self->zoom - 16;
  else if ((rect.x + rect.width) * self->zoom + 16 > h + width)
    h = (rect.x + rect.width) * self->zoom + 16 - width;
  if (rect.y * self->zoom - 16 < v)
    v = rect.y * self->zoom - 16;
  else if ((rect.y + rect.height) * self->zoom + 16 > v + height)
    v = (rect.y + rect.height) * self->zoom + 16 - height;
  if (h != _wm_canvas_scroll_x (self) || v != _wm_canvas_scroll_y (self))
    {
      configure_adjustments (self, h, v);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      g_signal_emit (self, signals[CONTENT_CHANGED], 0);
    }
}

void
wm_canvas_get_visible_area (WmCanvas *self,
                            double   *x,
                            double   *y,
                            double   *width,
                            double   *height)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  *x = _wm_canvas_scroll_x (self) / self->zoom;
  *y = _wm_canvas_scroll_y (self) / self->zoom;
  *width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  *height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}

gboolean
wm_canvas_get_content_area (WmCanvas *self,
                            double   *x,
                            double   *y,
                            double   *width,
                            double   *height)
{
  WmRect content;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (!wm_spatial_index_get_bounds (self->node_index, &content))
    return FALSE;
  *x = content.x;
  *y = content.y;
  *width = content.width;
  *height = content.height;
  return TRUE;
}

/* }}} */

/* Layout and drawing {{{ */

void
_wm_canvas_allocate_node (WmCanvas *self,
                          WmNode   *node,
                          double    h,
                          double    v)
{
  GskTransform *transform;
  double x, y;
  int min;

  _wm_canvas_node_position (node, &x, &y);
  /* Whole view pixels at the top-left keep text on the pixel grid at
   * zoom 1. */
  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (round (x * self->zoom - h),
                                                                   round (y * self->zoom - v)));
  transform = gsk_transform_scale (transform, self->zoom, self->zoom);
  gtk_widget_measure (GTK_WIDGET (node), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (node), (int) WM_NODE_WIDTH, (int) wm_node_get_height (node),
                       -1, transform);
}

/* Far out, nodes drop rounded corners and outlines (see wm-canvas.css). */
static void
update_overview (WmCanvas *self)
{
  if (self->zoom < 0.35)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overview");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overview");
}

static void
wm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  double h, v;
  WmRect view;

  if (self->zoom_pending_fit)
    {
      self->zoom_pending_fit = FALSE;
      fit_view (self, self->pending_fit_min_zoom);
    }
  update_overview (self);
  configure_adjustments (self, _wm_canvas_scroll_x (self), _wm_canvas_scroll_y (self));
  h = _wm_canvas_scroll_x (self);
  v = _wm_canvas_scroll_y (self);

  view.x = h / self->zoom - NODE_OVERHANG;
  view.y = v / self->zoom - NODE_OVERHANG;
  view.width = width / self->zoom + 2 * NODE_OVERHANG;
  view.height = height / self->zoom + 2 * NODE_OVERHANG;
  wm_spatial_index_query_rect (self->node_index, &view, hits);

  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < hits->len; i++)
    {
      WmNode *node = g_ptr_array_index (hits, i);

      _wm_canvas_allocate_node (self, node, h, v);
      g_ptr_array_add (self->shown, node);
    }
  _wm_canvas_compare_allocate (self, &view, h, v);

  if (gtk_widget_get_visible (self->rubberband))
    {
      GtkAllocation *a = g_object_get_qdata (G_OBJECT (self->rubberband), shown_quark);
      int min;

      gtk_widget_measure (self->rubberband, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (a != NULL)
        gtk_widget_size_allocate (self->rubberband, a, -1);
    }
  if (self->connect_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->connect_popover));
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  _wm_canvas_allocate_metrics (self);
}

void
_wm_canvas_update_rubberband (WmCanvas     *self,
                              const WmRect *rect)
{
  GtkAllocation *a;

  if (rect == NULL)
    {
      gtk_widget_set_visible (self->rubberband, FALSE);
      return;
    }
  a = g_new (GtkAllocation, 1);
  a->x = (int) round (rect->x * self->zoom - _wm_canvas_scroll_x (self));
  a->y = (int) round (rect->y * self->zoom - _wm_canvas_scroll_y (self));
  a->width = (int) round (rect->width * self->zoom);
  a->height = (int) round (rect->height * self->zoom);
  g_object_set_qdata_full (G_OBJECT (self->rubberband), shown_quark, a, g_free);
  gtk_widget_set_visible (self->rubberband, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
wm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  WmCanvas *self = WM_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double h = _wm_canvas_scroll_x (self), v = _wm_canvas_scroll_y (self);
  WmRect view = { h / self->zoom, v / self->zoom, width / self->zoom, height / self->zoom };

  /* While a zoom moves the elements and the run's figures may be images
   * placed with the layer. */
  self->rasters_now = _wm_canvas_prepare_rasters (self, &view);
  /* Connections, grid dots and removed connections (wm-canvas-layer.c). */
  _wm_canvas_snapshot_layer (self, snapshot, &view);

  /* Ghosts under the elements: a new element may sit where one was. */
  _wm_canvas_compare_snapshot (self, snapshot);
  for (guint i = 0; i < self->shown->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->shown, i);
      gboolean dim = _wm_canvas_node_dimmed (self, node);

      if (self->rasters_now && _wm_canvas_node_rastered (self, node))
        continue;
      if (dim)
        gtk_snapshot_push_opacity (snapshot, 0.35);
      gtk_widget_snapshot_child (widget, GTK_WIDGET (node), snapshot);
      if (dim)
        gtk_snapshot_pop (snapshot);
    }

  _wm_canvas_snapshot_metrics (self, snapshot, &view);

  if (gtk_widget_get_visible (self->rubberband))
    gtk_widget_snapshot_child (widget, self->rubberband, snapshot);
}

static void
wm_canvas_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  WmCanvas *self = WM_CANVAS (widget);

  GTK_WIDGET_CLASS (wm_canvas_parent_class)->css_changed (widget, change);
  wm_canvas_colors_from_style (&self->colors, widget);
  _wm_canvas_layer_changed (self);
}

static void
wm_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  /* A scrollable view: any size will do. */
  *minimum = 0;
  *natural = 480;
}

static gboolean
wm_canvas_focus (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  WmCanvas *self = WM_CANVAS (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  guint index;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return _wm_canvas_move_focus (self, direction);

  if (self->nodes->len == 0)
    {
      if (gtk_widget_is_focus (widget))
        return FALSE;
      return gtk_widget_grab_focus (widget);
    }
  /* Tab walks the elements in the version's order, then leaves. */
  if (focus == NULL || !g_ptr_array_find (self->nodes, focus, &index))
    {
      if (gtk_widget_is_focus (widget) || focus != NULL)
        index = direction == GTK_DIR_TAB_FORWARD ? 0 : self->nodes->len - 1;
      else
        index = direction == GTK_DIR_TAB_FORWARD ? 0 : self->nodes->len - 1;
    }
  else if (direction == GTK_DIR_TAB_FORWARD)
    {
      if (index + 1 >= self->nodes->len)
        return FALSE;
      index++;
    }
  else
    {
      if (index == 0)
        return FALSE;
      index--;
    }
  _wm_canvas_focus_node (self, g_ptr_array_index (self->nodes, index));
  return TRUE;
}

void
_wm_canvas_focus_node (WmCanvas *self,
                       WmNode   *node)
{
  wm_canvas_scroll_to_element (self, wm_node_get_element (node));
  gtk_widget_grab_focus (GTK_WIDGET (node));
}

gboolean
_wm_canvas_move_focus (WmCanvas         *self,
                       GtkDirectionType  direction)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  WmNode *from = WM_IS_NODE (focus) ? WM_NODE (focus) : NULL;
  WmNode *best = NULL;
  double best_score = G_MAXDOUBLE, fx, fy;

  if (self->nodes->len == 0)
    return FALSE;
  if (from == NULL)
    {
      _wm_canvas_focus_node (self, g_ptr_array_index (self->nodes, 0));
      return TRUE;
    }
  _wm_canvas_node_position (from, &fx, &fy);
  fy += wm_node_get_height (from) / 2;

  /* The nearest node in that direction, off-axis distance counting double. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->nodes, i);
      double x, y, along, across;

      if (node == from)
        continue;
      _wm_canvas_node_position (node, &x, &y);
      y += wm_node_get_height (node) / 2;
      switch (direction)
        {
        case GTK_DIR_LEFT: along = fx - x; across = fabs (y - fy); break;
        case GTK_DIR_RIGHT: along = x - fx; across = fabs (y - fy); break;
        case GTK_DIR_UP: along = fy - y; across = fabs (x - fx); break;
        case GTK_DIR_DOWN: along = y - fy; across = fabs (x - fx); break;
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:
          return FALSE;
        }
      if (along <= 0)
        continue;
      if (along + 2 * across < best_score)
        {
          best_score = along + 2 * across;
          best = node;
        }
    }
  if (best == NULL)
    return FALSE;
  _wm_canvas_focus_node (self, best);
  return TRUE;
}

/* }}} */

/* Selection {{{ */

void
_wm_canvas_selection_changed (WmCanvas *self)
{
  /* Selected elements' connections are drawn in the accent colour. */
  _wm_canvas_layer_changed (self);
  _wm_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
_wm_canvas_select_node (WmCanvas *self,
                        WmNode   *node,
                        gboolean  selected)
{
  gboolean changed;

  if (selected)
    changed = g_hash_table_add (self->selection, node);
  else
    changed = g_hash_table_remove (self->selection, node);
  if (!changed)
    return;
  wm_node_set_selected (node, selected);
  _wm_canvas_selection_changed (self);
}

void
_wm_canvas_replace_selection (WmCanvas   *self,
                              GHashTable *nodes)
{
  GHashTableIter iter;
  gpointer key;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (nodes == NULL || !g_hash_table_contains (nodes, key))
      {
        wm_node_set_selected (key, FALSE);
        g_hash_table_iter_remove (&iter);
        changed = TRUE;
      }
  if (nodes != NULL)
    {
      g_hash_table_iter_init (&iter, nodes);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_hash_table_add (self->selection, key))
          {
            wm_node_set_selected (key, TRUE);
            changed = TRUE;
          }
    }
  if (changed)
    _wm_canvas_selection_changed (self);
}

GPtrArray *
_wm_canvas_selected_ids (WmCanvas *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < self->nodes->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->nodes, i);

      if (g_hash_table_contains (self->selection, node))
        g_ptr_array_add (ids, (gpointer) wm_element_get_id (wm_node_get_element (node)));
    }
  g_ptr_array_add (ids, NULL);
  return ids;
}

guint
wm_canvas_get_n_selected (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 0);
  return g_hash_table_size (self->selection);
}

char **
wm_canvas_get_selected_ids (WmCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  ids = _wm_canvas_selected_ids (self);
  return g_strdupv ((char **) ids->pdata);
}

gboolean
wm_canvas_is_selected (WmCanvas  *self,
                       WmElement *element)
{
  WmNode *node;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  node = g_hash_table_lookup (self->node_by_element, element);
  return node != NULL && g_hash_table_contains (self->selection, node);
}

void
wm_canvas_set_selection (WmCanvas           *self,
                         const char * const *ids)
{
  g_autoptr(GHashTable) nodes = g_hash_table_new (NULL, NULL);

  g_return_if_fail (WM_IS_CANVAS (self));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      WmNode *node = _wm_canvas_node_for_id (self, ids[i]);

      if (node != NULL)
        g_hash_table_add (nodes, node);
    }
  _wm_canvas_replace_selection (self, nodes);
}

void
wm_canvas_select_all (WmCanvas *self)
{
  g_autoptr(GHashTable) nodes = g_hash_table_new (NULL, NULL);

  g_return_if_fail (WM_IS_CANVAS (self));

  for (guint i = 0; i < self->nodes->len; i++)
    g_hash_table_add (nodes, g_ptr_array_index (self->nodes, i));
  _wm_canvas_replace_selection (self, nodes);
}

void
wm_canvas_unselect_all (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  _wm_canvas_replace_selection (self, NULL);
}

/* }}} */

/* Public API {{{ */

GtkWidget *
wm_canvas_new (void)
{
  return g_object_new (WM_TYPE_CANVAS, NULL);
}

void
wm_canvas_set_names (WmCanvas   *self,
                     GHashTable *names)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  /* The editor page makes the table again after every save (the flows
   * list changes); only a real change is worth every node's texts. */
  if (self->names == names || wm_names_equal (self->names, names))
    return;
  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = names != NULL ? g_hash_table_ref (names) : NULL;
  /* Summaries never change a node's ports, so its size stays. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      wm_node_set_names (self->nodes->pdata[i], self->names);
      queue_a11y (self, self->nodes->pdata[i]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
wm_canvas_set_version (WmCanvas    *self,
                       WmVersion   *version,
                       WmUndoStack *undo_stack)
{
  GListModel *elements, *connections;
  guint n;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (version == NULL || WM_IS_VERSION (version));
  g_return_if_fail (version == NULL || WM_IS_UNDO_STACK (undo_stack));

  if (version == self->version && undo_stack == self->undo)
    return;

  /* A comparison and a lock belong to the version shown. */
  wm_canvas_set_comparison (self, NULL);
  wm_canvas_set_locked_element (self, NULL);
  clear_model (self);
  _wm_canvas_clear_highlight (self);
  if (version == NULL)
    {
      content_changed (self);
      _wm_canvas_update_actions (self);
      return;
    }

  self->version = g_object_ref (version);
  self->undo = g_object_ref (undo_stack);
  elements = wm_version_get_elements (version);
  connections = wm_version_get_connections (version);

  n = g_list_model_get_n_items (elements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (elements, i);

      add_node (self, element, i);
    }
  n = g_list_model_get_n_items (connections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmConnection) connection = g_list_model_get_item (connections, i);

      add_edge (self, connection, i);
    }
  self->elements_handler = g_signal_connect (elements, "items-changed",
                                             G_CALLBACK (elements_changed_cb), self);
  self->connections_handler = g_signal_connect (connections, "items-changed",
                                                G_CALLBACK (connections_changed_cb), self);

  /* Open at the top-left of the flow. */
  {
    WmRect content;

    if (wm_spatial_index_get_bounds (self->node_index, &content))
      configure_adjustments (self, content.x * self->zoom - 24, content.y * self->zoom - 24);
  }
  content_changed (self);
  _wm_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

WmVersion *
wm_canvas_get_version (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  return self->version;
}

WmUndoStack *
wm_canvas_get_undo_stack (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  return self->undo;
}

GtkWidget *
wm_canvas_get_node (WmCanvas  *self,
                    WmElement *element)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  return g_hash_table_lookup (self->node_by_element, element);
}

gboolean
wm_canvas_get_snap_to_grid (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  return self->snap;
}

void
wm_canvas_set_snap_to_grid (WmCanvas *self,
                            gboolean  snap)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  snap = !!snap;
  if (self->snap == snap)
    return;
  self->snap = snap;
  /* The grid dots are in the layer. */
  _wm_canvas_layer_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_GRID]);
}

gboolean
wm_canvas_get_read_only (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  return self->read_only;
}

void
wm_canvas_set_read_only (WmCanvas *self,
                         gboolean  read_only)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  /* A gesture under way ends here: a move or connection begun on an
   * editable canvas is taken back, not finished on a read-only one. */
  if (read_only)
    {
      _wm_canvas_cancel_drag (self);
      if (self->connect_popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
    }
  self->read_only = read_only;
  _wm_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
wm_canvas_set_diagnostics (WmCanvas  *self,
                           GPtrArray *diagnostics)
{
  guint number;

  g_return_if_fail (WM_IS_CANVAS (self));

  g_hash_table_remove_all (self->badges);
  number = self->version != NULL ? wm_version_get_number (self->version) : 0;
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      WmDiagnostic *d = g_ptr_array_index (diagnostics, i);
      guint badge = d->severity == WM_SEVERITY_ERROR ? 2 : 1;

      if (d->element == NULL || d->version != number)
        continue;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (self->badges, d->element)) < badge)
        g_hash_table_insert (self->badges, g_strdup (d->element), GUINT_TO_POINTER (badge));
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->nodes, i);
      const char *id = wm_element_get_id (wm_node_get_element (node));

      wm_node_set_badge (node, GPOINTER_TO_UINT (g_hash_table_lookup (self->badges, id)));
    }
}

/* }}} */

/* GObject {{{ */

static void
wm_canvas_dispose (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  _wm_canvas_dispose_edit (self);
  _wm_canvas_dispose_compare (self);
  _wm_canvas_dispose_metrics (self);
  _wm_canvas_dispose_layer (self);
  _wm_canvas_drop_rasters (self);
  clear_model (self);
  g_clear_handle_id (&self->a11y_idle, g_source_remove);
  g_clear_pointer (&self->rubberband, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (wm_canvas_parent_class)->dispose (object);
}

static void
wm_canvas_finalize (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  g_ptr_array_unref (self->nodes);
  g_ptr_array_unref (self->edges);
  g_ptr_array_unref (self->shown);
  g_hash_table_unref (self->node_by_element);
  g_hash_table_unref (self->node_by_id);
  g_hash_table_unref (self->edges_by_id);
  g_hash_table_unref (self->selection);
  g_hash_table_unref (self->badges);
  g_hash_table_unref (self->a11y_dirty);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->rubber_base, g_hash_table_unref);
  _wm_canvas_clear_highlight (self);
  g_clear_pointer (&self->drag_ids, g_ptr_array_unref);
  g_clear_pointer (&self->drag_start, g_array_unref);
  wm_spatial_index_free (self->node_index);
  wm_spatial_index_free (self->edge_index);
  _wm_canvas_finalize_metrics (self);
  _wm_canvas_finalize_layer (self);
  _wm_canvas_finalize_rasters (self);
  G_OBJECT_CLASS (wm_canvas_parent_class)->finalize (object);
}

static void
wm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SNAP_TO_GRID:
      g_value_set_boolean (value, self->snap);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      wm_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SNAP_TO_GRID:
      wm_canvas_set_snap_to_grid (self, g_value_get_boolean (value));
      break;
    case PROP_READ_ONLY:
      wm_canvas_set_read_only (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), prop_id);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), prop_id);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ensure_css (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_resource (provider, "/io/github/waymark/canvas/wm-canvas.css");
      if (display != NULL)
        /* Just below the application's own style sheet, so the app can
         * set the category colours (wm_*_color) for palette and canvas at
         * once; still above the theme's rules. */
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
      g_object_unref (provider);
      g_once_init_leave (&loaded, display != NULL ? 1 : 0);
    }
}

static void
wm_canvas_class_init (WmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_canvas_dispose;
  object_class->finalize = wm_canvas_finalize;
  object_class->get_property = wm_canvas_get_property;
  object_class->set_property = wm_canvas_set_property;

  widget_class->measure = wm_canvas_measure;
  widget_class->size_allocate = wm_canvas_size_allocate;
  widget_class->snapshot = wm_canvas_snapshot;
  widget_class->css_changed = wm_canvas_css_changed;
  widget_class->focus = wm_canvas_focus;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAP_TO_GRID] =
    g_param_spec_boolean ("snap-to-grid", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * WmCanvas::selection-changed:
   *
   * The set of selected elements changed.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * WmCanvas::element-activated:
   * @element: the element
   *
   * A person double-clicked an element or pressed Enter on it (the
   * inspector opens it).
   */
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_ELEMENT);
  /**
   * WmCanvas::content-changed:
   *
   * Elements moved, came or went, or the view scrolled or zoomed (the
   * minimap redraws).
   */
  signals[CONTENT_CHANGED] =
    g_signal_new ("content-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "wmcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  shown_quark = g_quark_from_static_string ("wm-canvas-rubberband-rect");

  _wm_canvas_class_init_input (widget_class);
  _wm_canvas_class_init_edit (widget_class);
}

static void
wm_canvas_init (WmCanvas *self)
{
  ensure_css ();

  self->zoom = 1.0;
  self->nodes = g_ptr_array_new ();
  self->edges = g_ptr_array_new ();
  self->shown = g_ptr_array_new ();
  self->node_by_element = g_hash_table_new (NULL, NULL);
  self->node_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->edges_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  self->selection = g_hash_table_new (NULL, NULL);
  self->badges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->a11y_dirty = g_hash_table_new (NULL, NULL);
  self->node_index = wm_spatial_index_new (256);
  self->edge_index = wm_spatial_index_new (256);
  wm_canvas_colors_init_light (&self->colors);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Flow canvas"),
                                  -1);

  self->rubberband = g_object_new (WM_TYPE_CANVAS_RUBBERBAND, NULL);
  gtk_widget_set_visible (self->rubberband, FALSE);
  gtk_widget_set_parent (self->rubberband, GTK_WIDGET (self));

  set_adjustment (self, &self->hadjustment, NULL, PROP_HADJUSTMENT);
  set_adjustment (self, &self->vadjustment, NULL, PROP_VADJUSTMENT);

  _wm_canvas_init_input (self);
  _wm_canvas_init_edit (self);
  _wm_canvas_init_compare (self);
  _wm_canvas_init_metrics (self);
  _wm_canvas_init_layer (self);
  _wm_canvas_init_rasters (self);
}

/* }}} */
