/* wm-flow-preview.c - a flow's graph drawn small, for choosing a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The elements of a version where the canvas would put them, as blocks in
 * their category's colour, and its connections as the canvas's curves,
 * scaled to fit the widget. It draws from the version's elements and
 * connections only (no WmNode, no texts), so a list of templates stays
 * cheap; a block is a node's header height, since the preview is too small
 * for ports.
 */

#include "config.h"

#include "wm-canvas-draw.h"
#include "wm-canvas-geometry.h"
#include "wm-flow-preview.h"

#define INSET 4.0

struct _WmFlowPreview
{
  GtkWidget       parent_instance;

  WmFlow         *flow;     /* keeps the version alive */
  WmVersion      *version;
  WmCanvasColors  colors;
};

G_DEFINE_FINAL_TYPE (WmFlowPreview, wm_flow_preview, GTK_TYPE_WIDGET)

static gboolean
element_box (WmElement *element,
             WmRect    *box)
{
  if (!wm_element_get_position (element, &box->x, &box->y))
    return FALSE;
  box->width = WM_NODE_WIDTH;
  box->height = WM_NODE_HEAD_HEIGHT;
  return TRUE;
}

/* The box holding every placed element; FALSE when none is placed. */
static gboolean
world_bounds (WmVersion *version,
              WmRect    *world)
{
  GListModel *elements = wm_version_get_elements (version);
  gboolean any = FALSE;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (elements, i);
      WmRect box;

      if (!element_box (element, &box))
        continue;
      x1 = any ? MIN (x1, box.x) : box.x;
      y1 = any ? MIN (y1, box.y) : box.y;
      x2 = any ? MAX (x2, box.x + box.width) : box.x + box.width;
      y2 = any ? MAX (y2, box.y + box.height) : box.y + box.height;
      any = TRUE;
    }
  *world = (WmRect) { x1, y1, x2 - x1, y2 - y1 };
  return any;
}

static void
draw_connections (WmFlowPreview *self,
                  cairo_t       *cr,
                  double         scale)
{
  GListModel *connections = wm_version_get_connections (self->version);

  for (guint i = 0; i < g_list_model_get_n_items (connections); i++)
    {
      g_autoptr(WmConnection) connection = g_list_model_get_item (connections, i);
      WmElement *from = wm_version_find_element (self->version, wm_connection_get_from (connection));
      WmElement *to = wm_version_find_element (self->version, wm_connection_get_to (connection));
      WmRect a, b;
      WmBezier curve;

      if (from == NULL || to == NULL || !element_box (from, &a) || !element_box (to, &b))
        continue;
      wm_connection_curve (a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2, &curve);
      /* Lines and heads of a few screen pixels, whatever the scale. */
      wm_draw_connection_sized (cr, &curve, 1.5 / scale, 5.0 / scale, &self->colors.connection);
    }
}

static void
wm_flow_preview_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WmFlowPreview *self = WM_FLOW_PREVIEW (widget);
  GListModel *elements;
  double width = gtk_widget_get_width (widget) - 2 * INSET;
  double height = gtk_widget_get_height (widget) - 2 * INSET;
  double scale;
  WmRect world;
  cairo_t *cr;

  if (self->version == NULL || width <= 0 || height <= 0 || !world_bounds (self->version, &world))
    return;
  scale = MIN (width / MAX (world.width, 1), height / MAX (world.height, 1));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  cairo_translate (cr, INSET + (width - world.width * scale) / 2, INSET + (height - world.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -world.x, -world.y);

  draw_connections (self, cr, scale);
  elements = wm_version_get_elements (self->version);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (elements, i);
      const WmElementType *type = wm_element_get_element_type (element);
      WmRect box;

      if (!element_box (element, &box))
        continue;
      wm_draw_rounded_rect (cr, box.x, box.y, box.width, box.height, 12);
      gdk_cairo_set_source_rgba (cr, &self->colors.category[type != NULL ? type->category
                                                                           : WM_CATEGORY_FUNCTION]);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

/* The canvas's colours, so a preview looks like the flow it becomes, in
 * the light and the dark style; its curves a little stronger, as they
 * are drawn thin. */
static void
wm_flow_preview_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  WmFlowPreview *self = WM_FLOW_PREVIEW (widget);

  GTK_WIDGET_CLASS (wm_flow_preview_parent_class)->css_changed (widget, change);
  wm_canvas_colors_from_style (&self->colors, widget);
  self->colors.connection = self->colors.foreground;
  self->colors.connection.alpha *= 0.55;
  gtk_widget_queue_draw (widget);
}

static void
wm_flow_preview_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 96 : 40;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 144 : 56;
}

static void
wm_flow_preview_dispose (GObject *object)
{
  WmFlowPreview *self = WM_FLOW_PREVIEW (object);

  self->version = NULL;
  g_clear_object (&self->flow);
  G_OBJECT_CLASS (wm_flow_preview_parent_class)->dispose (object);
}

static void
wm_flow_preview_class_init (WmFlowPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_flow_preview_dispose;
  widget_class->snapshot = wm_flow_preview_snapshot;
  widget_class->measure = wm_flow_preview_measure;
  widget_class->css_changed = wm_flow_preview_css_changed;
  gtk_widget_class_set_css_name (widget_class, "wmflowpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_flow_preview_init (WmFlowPreview *self)
{
  wm_canvas_colors_init_light (&self->colors);
}

GtkWidget *
wm_flow_preview_new (void)
{
  return g_object_new (WM_TYPE_FLOW_PREVIEW, NULL);
}

void
wm_flow_preview_set_flow (WmFlowPreview *self,
                          WmFlow        *flow)
{
  g_return_if_fail (WM_IS_FLOW_PREVIEW (self));
  g_return_if_fail (flow == NULL || WM_IS_FLOW (flow));

  g_set_object (&self->flow, flow);
  self->version = flow != NULL ? wm_flow_get_latest_version (flow) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

WmVersion *
wm_flow_preview_get_version (WmFlowPreview *self)
{
  g_return_val_if_fail (WM_IS_FLOW_PREVIEW (self), NULL);
  return self->version;
}

gboolean
wm_flow_preview_get_bounds (WmFlowPreview *self,
                            WmRect        *bounds)
{
  g_return_val_if_fail (WM_IS_FLOW_PREVIEW (self), FALSE);
  return self->version != NULL && world_bounds (self->version, bounds);
}
