/* wm-minimap.c - an overview of the whole flow with the visible area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-canvas-private.h"
#include "wm-minimap.h"

#define INSET 6.0

struct _WmMinimap
{
  GtkWidget  parent_instance;

  WmCanvas  *canvas;
  gulong     changed_handler;
};

enum
{
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmMinimap, wm_minimap, GTK_TYPE_WIDGET)

/* The canvas rectangle shown (elements and view together) and the scale
 * that fits it into the widget. */
static gboolean
get_mapping (WmMinimap *self,
             WmRect    *world,
             double    *scale,
             double    *ox,
             double    *oy)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * INSET;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * INSET;
  WmRect view;

  if (self->canvas == NULL || width <= 0 || height <= 0)
    return FALSE;
  wm_canvas_get_visible_area (self->canvas, &view.x, &view.y, &view.width, &view.height);
  if (wm_canvas_get_content_area (self->canvas, &world->x, &world->y, &world->width, &world->height))
    wm_rect_union (world, &view, world);
  else
    *world = view;
  if (world->width <= 0 || world->height <= 0)
    return FALSE;
  *scale = MIN (width / world->width, height / world->height);
  *ox = INSET + (width - world->width * *scale) / 2 - world->x * *scale;
  *oy = INSET + (height - world->height * *scale) / 2 - world->y * *scale;
  return TRUE;
}

static void
wm_minimap_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  WmMinimap *self = WM_MINIMAP (widget);
  const WmCanvasColors *colors;
  WmRect world, view;
  double scale, ox, oy;
  cairo_t *cr;

  if (!get_mapping (self, &world, &scale, &ox, &oy))
    return;
  colors = _wm_canvas_get_colors (self->canvas);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);

  /* One path per category: thousands of elements, five fills. */
  for (guint c = 0; c < WM_N_CATEGORIES; c++)
    {
      for (guint i = 0; i < self->canvas->nodes->len; i++)
        {
          WmNode *node = g_ptr_array_index (self->canvas->nodes, i);
          const WmElementType *type = wm_element_get_element_type (wm_node_get_element (node));
          double x, y;

          if ((type != NULL ? type->category : WM_CATEGORY_FUNCTION) != c)
            continue;
          _wm_canvas_node_position (node, &x, &y);
          cairo_rectangle (cr, x, y, WM_NODE_WIDTH, wm_node_get_height (node));
        }
      gdk_cairo_set_source_rgba (cr, &colors->category[c]);
      cairo_fill (cr);
    }

  wm_canvas_get_visible_area (self->canvas, &view.x, &view.y, &view.width, &view.height);
  cairo_rectangle (cr, view.x, view.y, view.width, view.height);
  cairo_set_source_rgba (cr, colors->accent.red, colors->accent.green, colors->accent.blue, 0.15);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &colors->accent);
  cairo_set_line_width (cr, 1.5 / scale);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
navigate_to (WmMinimap *self,
             double     x,
             double     y)
{
  WmRect world;
  double scale, ox, oy;

  if (!get_mapping (self, &world, &scale, &ox, &oy))
    return;
  wm_canvas_center_on (self->canvas, (x - ox) / scale, (y - oy) / scale);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WmMinimap      *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  navigate_to (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                WmMinimap      *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  navigate_to (self, x + offset_x, y + offset_y);
}

static void
canvas_changed_cb (WmCanvas  *canvas,
                   WmMinimap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
wm_minimap_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = 48;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 140;
}

static void
wm_minimap_dispose (GObject *object)
{
  wm_minimap_set_canvas (WM_MINIMAP (object), NULL);
  G_OBJECT_CLASS (wm_minimap_parent_class)->dispose (object);
}

static void
wm_minimap_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, WM_MINIMAP (object)->canvas);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_minimap_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CANVAS:
      wm_minimap_set_canvas (WM_MINIMAP (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_minimap_class_init (WmMinimapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_minimap_dispose;
  object_class->get_property = wm_minimap_get_property;
  object_class->set_property = wm_minimap_set_property;
  widget_class->snapshot = wm_minimap_snapshot;
  widget_class->measure = wm_minimap_measure;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, WM_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wmminimap");
  /* The canvas is the accessible way around the flow; this is a picture
   * of it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_minimap_init (WmMinimap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview of the flow"),
                                  -1);
}

GtkWidget *
wm_minimap_new (WmCanvas *canvas)
{
  g_return_val_if_fail (canvas == NULL || WM_IS_CANVAS (canvas), NULL);
  return g_object_new (WM_TYPE_MINIMAP, "canvas", canvas, NULL);
}

WmCanvas *
wm_minimap_get_canvas (WmMinimap *self)
{
  g_return_val_if_fail (WM_IS_MINIMAP (self), NULL);
  return self->canvas;
}

void
wm_minimap_set_canvas (WmMinimap *self,
                       WmCanvas  *canvas)
{
  g_return_if_fail (WM_IS_MINIMAP (self));
  g_return_if_fail (canvas == NULL || WM_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;
  if (self->canvas != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->canvas);
      g_clear_object (&self->canvas);
    }
  if (canvas != NULL)
    {
      self->canvas = g_object_ref (canvas);
      self->changed_handler = g_signal_connect (canvas, "content-changed",
                                                G_CALLBACK (canvas_changed_cb), self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}
