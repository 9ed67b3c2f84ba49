/* wm-node.c - one element of a flow on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The node draws itself with render nodes rather than holding labels: a
 * flow of thousands of elements then costs one widget per element, and
 * text layouts are made only for nodes that are ever drawn.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-canvas-private.h"
#include "wm-node-summary.h"
#include "wm-node.h"

#define PAD 10.0
#define CHIP 22.0
#define BADGE_RADIUS 8.0
/* The comparison tag straddles the top edge, inside the overhang the
 * canvas allows for (NODE_OVERHANG). */
#define TAG_HEIGHT 18.0
#define TAG_PAD 7.0
/* Below this zoom the texts are too small to read: draw the shape only. */
#define DETAIL_ZOOM 0.35

struct _WmNode
{
  GtkWidget         parent_instance;

  WmElement        *element;
  char            **ports;
  double            height;
  guint             badge;
  gboolean          selected;
  gboolean          locked;
  int               mark;
  char             *mark_description;
  char             *description;
  char             *summary;
  GHashTable       *names;            /* of referred ids, or NULL */

  /* Made when first drawn, dropped when the texts or the font change. */
  PangoLayout      *type_layout;
  PangoLayout      *name_layout;
  PangoLayout      *summary_layout;
  PangoLayout      *badge_layout;
  PangoLayout      *tag_layout;
  GPtrArray        *port_layouts;
  GdkPaintable     *icon;
  GdkPaintable     *lock_icon;
};

G_DEFINE_FINAL_TYPE (WmNode, wm_node, GTK_TYPE_WIDGET)

static const char * const category_classes[WM_N_CATEGORIES] = {
  "entry", "channel", "function", "milestone", "exit",
};

/* Indexed by WmDiffKind. */
static const char * const mark_classes[] = { "added", "removed", "changed" };

static const char *
mark_label (int mark)
{
  switch (mark)
    {
    case WM_DIFF_ADDED:
      /* Translators: a tag on an element added in the newer version */
      return C_("comparison", "Added");
    case WM_DIFF_REMOVED:
      /* Translators: a tag on an element the newer version removed */
      return C_("comparison", "Removed");
    case WM_DIFF_CHANGED:
      /* Translators: a tag on an element changed in the newer version */
      return C_("comparison", "Changed");
    default:
      return NULL;
    }
}

static void
drop_layouts (WmNode *self)
{
  g_clear_object (&self->type_layout);
  g_clear_object (&self->name_layout);
  g_clear_object (&self->summary_layout);
  g_clear_object (&self->badge_layout);
  g_clear_object (&self->tag_layout);
  g_clear_pointer (&self->port_layouts, g_ptr_array_unref);
  g_clear_object (&self->icon);
  g_clear_object (&self->lock_icon);
}

static PangoLayout *
make_layout (WmNode     *self,
             const char *text,
             double      width,
             gboolean    bold,
             gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
ensure_layouts (WmNode *self)
{
  const WmElementType *type;
  const char *name;
  double text_width = WM_NODE_WIDTH - 2 * PAD;

  if (self->type_layout != NULL)
    return;

  type = wm_element_get_element_type (self->element);
  self->type_layout = make_layout (self, type != NULL ? _(type->label) : wm_element_get_type_name (self->element),
                                   WM_NODE_WIDTH - PAD - CHIP - 8 - PAD - 2 * BADGE_RADIUS, FALSE, TRUE);
  name = wm_element_get_name (self->element);
  self->name_layout = make_layout (self, name != NULL ? name : wm_element_get_id (self->element),
                                   text_width, name != NULL, FALSE);
  self->summary_layout = make_layout (self, self->summary, text_width, FALSE, TRUE);
  self->badge_layout = make_layout (self, "!", 2 * BADGE_RADIUS, TRUE, TRUE);
  pango_layout_set_alignment (self->badge_layout, PANGO_ALIGN_CENTER);
  if (self->mark != WM_NODE_NO_MARK)
    {
      self->tag_layout = make_layout (self, mark_label (self->mark), text_width, TRUE, TRUE);
      pango_layout_set_width (self->tag_layout, -1);
    }

  self->port_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  if (wm_node_ports_labelled ((const char * const *) self->ports))
    for (guint i = 0; self->ports[i] != NULL; i++)
      {
        g_autofree char *label = wm_node_port_label (self->element, self->ports[i]);
        PangoLayout *layout = make_layout (self, label, text_width - 8, FALSE, TRUE);

        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
        g_ptr_array_add (self->port_layouts, layout);
      }

  if (type != NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

      self->icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, type->icon_name, NULL, 16,
                                                              gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                                              gtk_widget_get_direction (GTK_WIDGET (self)),
                                                              0));
    }
  if (self->locked)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

      self->lock_icon = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, "changes-prevent-symbolic", NULL, 16,
                                                                   gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                                                   gtk_widget_get_direction (GTK_WIDGET (self)),
                                                                   0));
    }
}

static void
append_layout (GtkSnapshot   *snapshot,
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

static void
append_circle (GtkSnapshot   *snapshot,
               double         x,
               double         y,
               double         r,
               const GdkRGBA *fill,
               const GdkRGBA *ring)
{
  GskRoundedRect circle;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r);

  gsk_rounded_rect_init_from_rect (&circle, &bounds, r);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, fill, &bounds);
  gtk_snapshot_pop (snapshot);
  if (ring != NULL)
    {
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colours[4] = { *ring, *ring, *ring, *ring };

      gtk_snapshot_append_border (snapshot, &circle, widths, colours);
    }
}

static const WmCanvasColors *
get_colors (WmNode *self)
{
  static WmCanvasColors light;
  static gsize initialised;
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (WM_IS_CANVAS (parent))
    return _wm_canvas_get_colors (WM_CANVAS (parent));
  if (g_once_init_enter (&initialised))
    {
      wm_canvas_colors_init_light (&light);
      g_once_init_leave (&initialised, 1);
    }
  return &light;
}

static const GdkRGBA *
mark_colour (const WmCanvasColors *colors,
             int                   mark)
{
  return mark == WM_DIFF_ADDED ? &colors->added
         : mark == WM_DIFF_REMOVED ? &colors->removed : &colors->changed;
}

/* The comparison tag: a pill over the top edge, right-aligned. */
static void
append_tag (WmNode               *self,
            GtkSnapshot          *snapshot,
            const WmCanvasColors *colors)
{
  GdkRGBA white = { 1, 1, 1, 1 };
  GskRoundedRect pill;
  graphene_rect_t rect;
  int w, h;

  pango_layout_get_pixel_size (self->tag_layout, &w, &h);
  rect = GRAPHENE_RECT_INIT (WM_NODE_WIDTH - PAD - w - 2 * TAG_PAD, -TAG_HEIGHT / 2,
                             w + 2 * TAG_PAD, TAG_HEIGHT);
  gsk_rounded_rect_init_from_rect (&pill, &rect, TAG_HEIGHT / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, mark_colour (colors, self->mark), &rect);
  gtk_snapshot_pop (snapshot);
  append_layout (snapshot, self->tag_layout, rect.origin.x + TAG_PAD, -h / 2.0, &white);
}

/* A removed element's dashed outline (CSS outlines are solid only on the
 * render node path; the few ghosts can afford a cairo node). */
static void
append_ghost_outline (WmNode               *self,
                      GtkSnapshot          *snapshot,
                      const WmCanvasColors *colors)
{
  const double dash[] = { 6.0, 4.0 };
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (-3, -3, WM_NODE_WIDTH + 6, self->height + 6));

  wm_draw_rounded_rect (cr, -1, -1, WM_NODE_WIDTH + 2, self->height + 2, 10);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  gdk_cairo_set_source_rgba (cr, &colors->removed);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
wm_node_snapshot (GtkWidget   *widget,
                  GtkSnapshot *snapshot)
{
  WmNode *self = WM_NODE (widget);
  const WmCanvasColors *colors = get_colors (self);
  const WmElementType *type = wm_element_get_element_type (self->element);
  const GdkRGBA *category = &colors->category[type != NULL ? type->category : WM_CATEGORY_FUNCTION];
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GdkRGBA fg, dim, white = { 1, 1, 1, 1 };
  GskRoundedRect chip;
  graphene_rect_t chip_rect = GRAPHENE_RECT_INIT (PAD, PAD, CHIP, CHIP);
  gboolean labelled = wm_node_ports_labelled ((const char * const *) self->ports);
  double zoom = _wm_canvas_get_zoom_for_node (self);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = fg;
  dim.alpha *= 0.65;

  if (zoom < DETAIL_ZOOM)
    {
      /* Far out: the category's colour is all one can see. */
      gtk_snapshot_append_color (snapshot,
                                 self->mark != WM_NODE_NO_MARK ? mark_colour (colors, self->mark) : category,
                                 &GRAPHENE_RECT_INIT (0, 0, WM_NODE_WIDTH, CHIP + 2 * PAD));
      return;
    }

  if (self->mark == WM_DIFF_REMOVED)
    append_ghost_outline (self, snapshot, colors);

  gsk_rounded_rect_init_from_rect (&chip, &chip_rect, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &chip);
  gtk_snapshot_append_color (snapshot, category, &chip_rect);
  gtk_snapshot_pop (snapshot);

    {
      ensure_layouts (self);
      if (self->icon != NULL)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAD + 3, PAD + 3));
          gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (self->icon), snapshot,
                                                    16, 16, &white, 1);
          gtk_snapshot_restore (snapshot);
        }
      append_layout (snapshot, self->type_layout, PAD + CHIP + 8, PAD + 3, &dim);
      if (self->lock_icon != NULL)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (WM_NODE_WIDTH - PAD - 2 * BADGE_RADIUS - 20,
                                                                  PAD + 3));
          gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (self->lock_icon), snapshot,
                                                    16, 16, &dim, 1);
          gtk_snapshot_restore (snapshot);
        }
      append_layout (snapshot, self->name_layout, PAD, 36,
                     wm_element_get_name (self->element) != NULL ? &fg : &dim);
      append_layout (snapshot, self->summary_layout, PAD, 54, &dim);

      if (labelled)
        {
          GdkRGBA line = fg;

          line.alpha *= 0.12;
          gtk_snapshot_append_color (snapshot, &line,
                                     &GRAPHENE_RECT_INIT (0, WM_NODE_HEAD_HEIGHT - 1, WM_NODE_WIDTH, 1));
          for (guint i = 0; i < self->port_layouts->len; i++)
            {
              PangoLayout *layout = g_ptr_array_index (self->port_layouts, i);
              int h;

              pango_layout_get_pixel_size (layout, NULL, &h);
              append_layout (snapshot, layout, PAD,
                             WM_NODE_HEAD_HEIGHT + (i + 0.5) * WM_NODE_PORT_HEIGHT - h / 2.0, &fg);
            }
        }

      if (self->badge > 0)
        {
          const GdkRGBA *colour = self->badge == 2 ? &colors->error : &colors->warning;
          int h;

          append_circle (snapshot, WM_NODE_WIDTH - PAD - BADGE_RADIUS, PAD + CHIP / 2,
                         BADGE_RADIUS, colour, NULL);
          pango_layout_get_pixel_size (self->badge_layout, NULL, &h);
          append_layout (snapshot, self->badge_layout, WM_NODE_WIDTH - PAD - 2 * BADGE_RADIUS,
                         PAD + CHIP / 2 - h / 2.0, &white);
        }
      if (self->tag_layout != NULL)
        append_tag (self, snapshot, colors);
    }

  /* Port dots sit on the right edge, half outside the node. */
  for (guint i = 0; self->ports[i] != NULL; i++)
    {
      double x, y;
      gboolean connected = WM_IS_CANVAS (parent)
                           && _wm_canvas_port_connected (WM_CANVAS (parent), self, self->ports[i]);

      wm_node_port_anchor (0, 0, (const char * const *) self->ports, i, &x, &y);
      append_circle (snapshot, x, y, WM_PORT_RADIUS, connected ? category : &colors->node, category);
    }
}

static void
wm_node_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  WmNode *self = WM_NODE (widget);

  /* The canvas allocates the geometry's size; nothing inside needs room. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? (int) WM_NODE_WIDTH : (int) self->height;
}

static void
wm_node_css_changed (GtkWidget         *widget,
                     GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (wm_node_parent_class)->css_changed (widget, change);
  drop_layouts (WM_NODE (widget));
}

static void
wm_node_dispose (GObject *object)
{
  WmNode *self = WM_NODE (object);

  drop_layouts (self);
  g_clear_object (&self->element);
  G_OBJECT_CLASS (wm_node_parent_class)->dispose (object);
}

static void
wm_node_finalize (GObject *object)
{
  WmNode *self = WM_NODE (object);

  g_strfreev (self->ports);
  g_free (self->description);
  g_free (self->mark_description);
  g_free (self->summary);
  g_clear_pointer (&self->names, g_hash_table_unref);
  G_OBJECT_CLASS (wm_node_parent_class)->finalize (object);
}

static void
wm_node_class_init (WmNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_node_dispose;
  object_class->finalize = wm_node_finalize;
  widget_class->snapshot = wm_node_snapshot;
  widget_class->measure = wm_node_measure;
  widget_class->css_changed = wm_node_css_changed;

  gtk_widget_class_set_css_name (widget_class, "wmnode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
wm_node_init (WmNode *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->mark = WM_NODE_NO_MARK;
  /* The canvas picks with its spatial index; the node takes no input of its
   * own, so presses reach the canvas's gestures. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
wm_node_new (WmElement *element)
{
  WmNode *self;
  const WmElementType *type;

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);

  self = g_object_new (WM_TYPE_NODE, NULL);
  self->element = g_object_ref (element);
  type = wm_element_get_element_type (element);
  if (type != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), category_classes[type->category]);
  wm_node_update (self);
  return GTK_WIDGET (self);
}

WmElement *
wm_node_get_element (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), NULL);
  return self->element;
}

const char * const *
wm_node_get_ports (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), NULL);
  return (const char * const *) self->ports;
}

double
wm_node_get_height (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), 0);
  return self->height;
}

gboolean
wm_node_update (WmNode *self)
{
  g_auto(GStrv) ports = NULL;
  gboolean changed;

  g_return_val_if_fail (WM_IS_NODE (self), FALSE);

  ports = wm_element_list_ports (self->element);
  changed = self->ports == NULL || !g_strv_equal ((const char * const *) ports,
                                                  (const char * const *) self->ports);
  if (changed)
    {
      g_strfreev (self->ports);
      self->ports = g_steal_pointer (&ports);
      self->height = wm_node_height ((const char * const *) self->ports);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  g_free (self->summary);
  self->summary = wm_node_summary_named (self->element, self->names);
  drop_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return changed;
}

void
wm_node_set_names (WmNode     *self,
                   GHashTable *names)
{
  g_return_if_fail (WM_IS_NODE (self));

  if (self->names == names)
    return;
  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = names != NULL ? g_hash_table_ref (names) : NULL;
  wm_node_update (self);
}

void
wm_node_set_badge (WmNode *self,
                   guint   badge)
{
  g_return_if_fail (WM_IS_NODE (self));
  g_return_if_fail (badge <= 2);

  if (self->badge == badge)
    return;
  self->badge = badge;
  if (badge == 2)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  if (badge == 1)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
wm_node_get_badge (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), 0);
  return self->badge;
}

void
wm_node_set_selected (WmNode   *self,
                      gboolean  selected)
{
  g_return_if_fail (WM_IS_NODE (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
}

gboolean
wm_node_get_selected (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), FALSE);
  return self->selected;
}

void
wm_node_set_description (WmNode     *self,
                         const char *description)
{
  g_return_if_fail (WM_IS_NODE (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

const char *
wm_node_get_description (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), NULL);
  return self->description;
}

void
wm_node_set_mark (WmNode     *self,
                  int         mark,
                  const char *description)
{
  g_return_if_fail (WM_IS_NODE (self));
  g_return_if_fail (mark == WM_NODE_NO_MARK || (mark >= WM_DIFF_ADDED && mark <= WM_DIFF_CHANGED));

  if (g_strcmp0 (self->mark_description, description) != 0)
    {
      g_free (self->mark_description);
      self->mark_description = g_strdup (description);
      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (self->mark == mark)
    return;
  if (self->mark != WM_NODE_NO_MARK)
    gtk_widget_remove_css_class (GTK_WIDGET (self), mark_classes[self->mark]);
  self->mark = mark;
  if (mark != WM_NODE_NO_MARK)
    gtk_widget_add_css_class (GTK_WIDGET (self), mark_classes[mark]);
  drop_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
wm_node_get_mark (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), WM_NODE_NO_MARK);
  return self->mark;
}

const char *
wm_node_get_mark_description (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), NULL);
  return self->mark_description;
}

void
wm_node_set_locked (WmNode   *self,
                    gboolean  locked)
{
  g_return_if_fail (WM_IS_NODE (self));

  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  if (locked)
    gtk_widget_add_css_class (GTK_WIDGET (self), "locked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "locked");
  drop_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
wm_node_get_locked (WmNode *self)
{
  g_return_val_if_fail (WM_IS_NODE (self), FALSE);
  return self->locked;
}
