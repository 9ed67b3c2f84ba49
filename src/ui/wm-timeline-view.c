/* wm-timeline-view.c - a customer's journey drawn along a horizontal time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every item has a slot of the same width, and each date a gap and a
 * header, so where an item is follows from per-date sums (computed once per
 * model change, O(dates)) and which items are in view from a binary
 * search: scrolling binds a pool of item widgets (WmTimelineChip) to the
 * few items in view, whatever the number of items. Lines and date labels
 * are snapshot nodes of the visible dates only.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-timeline-chip.h"
#include "wm-timeline-view.h"

#define SLOT      124   /* an item's width with its spacing */
#define CHIP_W    112
#define CHIP_H    68
#define DAY_GAP   28    /* between dates */
#define MARGIN    16
#define HEADER    34    /* the date labels */
#define LANE_GAP  14
#define DAY_MIN   220   /* room for the date heading */
#define CONTENT_HEIGHT (HEADER + 4 * LANE_GAP + 3 * CHIP_H)

struct _WmTimelineView
{
  GtkWidget        parent_instance;

  WmTimelineModel *model;
  gulong           items_handler;

  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;
  guint            scroll_to_end : 1;

  /* Per date, oldest first; day_x has one more entry: the end. */
  GArray          *day_value;   /* gint64 */
  GArray          *day_first;   /* guint */
  GArray          *day_x;       /* double */

  GPtrArray       *chips;       /* every WmTimelineChip, bound or free */
  GHashTable      *bound;       /* position -> WmTimelineChip */
  guint            focus_position;
  guint            selected;    /* the item whose details are open */
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (WmTimelineView, wm_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static guint
n_items (WmTimelineView *self)
{
  return self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static double
content_width (WmTimelineView *self)
{
  if (self->day_x->len == 0)
    return 0;
  return g_array_index (self->day_x, double, self->day_x->len - 1) + MARGIN;
}

static double
scroll_x (WmTimelineView *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

/* The date index holding @position. */
static guint
day_of (WmTimelineView *self,
        guint           position)
{
  guint lo = 0, hi = self->day_first->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->day_first, guint, mid) <= position)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static double
item_x (WmTimelineView *self,
        guint           position)
{
  guint day = day_of (self, position);

  return g_array_index (self->day_x, double, day) + DAY_GAP / 2.0
         + (position - g_array_index (self->day_first, guint, day)) * (double) SLOT;
}

/* The lanes share the height: events above the axis, the flows on it,
 * messages below. */
static double
lane_y (WmTimelineView      *self,
        WmTimelineDirection  direction)
{
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), CONTENT_HEIGHT);
  double lane = MIN ((height - HEADER) / 3.0, CHIP_H + 4 * LANE_GAP);
  int index = direction == WM_TIMELINE_INBOUND ? 0 : direction == WM_TIMELINE_INTERNAL ? 1 : 2;

  return floor (HEADER + lane * index + (lane - CHIP_H) / 2.0);
}

static void
rebuild_days (WmTimelineView *self)
{
  guint n_days = self->model != NULL ? wm_timeline_model_get_n_days (self->model) : 0;
  double x = MARGIN;

  g_array_set_size (self->day_value, 0);
  g_array_set_size (self->day_first, 0);
  g_array_set_size (self->day_x, 0);
  for (guint i = 0; i < n_days; i++)
    {
      guint first, count;
      gint64 day = wm_timeline_model_get_day (self->model, i, &first, &count);

      g_array_append_val (self->day_value, day);
      g_array_append_val (self->day_first, first);
      g_array_append_val (self->day_x, x);
      x += DAY_GAP + MAX (count * (double) SLOT, DAY_MIN);
    }
  g_array_append_val (self->day_x, x);
}

/* First position whose slot ends after @x. */
static guint
position_at_or_after (WmTimelineView *self,
                      double          x)
{
  guint lo = 0, hi = self->day_first->len, day;
  double offset;

  if (hi == 0)
    return 0;
  /* The last date whose start is at or before @x. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->day_x, double, mid) <= x)
        lo = mid;
      else
        hi = mid;
    }
  day = lo;
  offset = x - g_array_index (self->day_x, double, day) - DAY_GAP / 2.0 - CHIP_W;
  if (offset < 0)
    return g_array_index (self->day_first, guint, day);
  return MIN (g_array_index (self->day_first, guint, day) + (guint) (offset / SLOT), n_items (self));
}

static void
unbind (WmTimelineView *self,
        WmTimelineChip *chip)
{
  g_hash_table_remove (self->bound, GUINT_TO_POINTER (wm_timeline_chip_get_position (chip)));
  if (gtk_widget_has_focus (GTK_WIDGET (chip)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  wm_timeline_chip_bind (chip, NULL, G_MAXUINT);
  gtk_widget_set_child_visible (GTK_WIDGET (chip), FALSE);
}

static void
unbind_all (WmTimelineView *self)
{
  for (guint i = 0; i < self->chips->len; i++)
    {
      WmTimelineChip *chip = g_ptr_array_index (self->chips, i);

      if (wm_timeline_chip_get_item (chip) != NULL)
        unbind (self, chip);
    }
}

static void
chip_clicked_cb (WmTimelineChip *chip,
                 WmTimelineView *self)
{
  guint position = wm_timeline_chip_get_position (chip);

  if (position == G_MAXUINT)
    return;
  self->focus_position = position;
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, position);
}

static WmTimelineChip *
free_chip (WmTimelineView *self)
{
  GtkWidget *chip;

  for (guint i = 0; i < self->chips->len; i++)
    {
      WmTimelineChip *c = g_ptr_array_index (self->chips, i);

      if (wm_timeline_chip_get_item (c) == NULL)
        return c;
    }
  chip = wm_timeline_chip_new ();
  gtk_widget_set_parent (chip, GTK_WIDGET (self));
  g_signal_connect (chip, "clicked", G_CALLBACK (chip_clicked_cb), self);
  g_ptr_array_add (self->chips, chip);
  return WM_TIMELINE_CHIP (chip);
}

static void
mark_selected (WmTimelineView *self,
               WmTimelineChip *chip)
{
  gboolean selected = wm_timeline_chip_get_position (chip) == self->selected;

  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (chip), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (chip), GTK_STATE_FLAG_SELECTED);
  /* The highlight is drawn: a screen reader hears whose details are open. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

void
wm_timeline_view_set_selected (WmTimelineView *self,
                               guint           position)
{
  g_return_if_fail (WM_IS_TIMELINE_VIEW (self));

  self->selected = position;
  for (guint i = 0; i < self->chips->len; i++)
    mark_selected (self, g_ptr_array_index (self->chips, i));
}

/* Binds chips to the items in view and frees the others. */
static void
update_chips (WmTimelineView *self)
{
  double h = scroll_x (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n = n_items (self);
  guint first = position_at_or_after (self, h);
  guint last = first;

  while (last < n && item_x (self, last) < h + width)
    last++;

  for (guint i = 0; i < self->chips->len; i++)
    {
      WmTimelineChip *chip = g_ptr_array_index (self->chips, i);
      guint position = wm_timeline_chip_get_position (chip);

      if (wm_timeline_chip_get_item (chip) != NULL && (position < first || position >= last))
        unbind (self, chip);
    }
  for (guint p = first; p < last; p++)
    {
      g_autoptr(WmTimelineItem) item = NULL;
      WmTimelineChip *chip;

      if (g_hash_table_contains (self->bound, GUINT_TO_POINTER (p)))
        continue;
      item = g_list_model_get_item (G_LIST_MODEL (self->model), p);
      chip = free_chip (self);
      wm_timeline_chip_bind (chip, item, p);
      gtk_widget_set_child_visible (GTK_WIDGET (chip), TRUE);
      g_hash_table_insert (self->bound, GUINT_TO_POINTER (p), chip);
      mark_selected (self, chip);
    }
}

static void
configure_adjustments (WmTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper = MAX (content_width (self), width);
  double value = scroll_x (self);

  if (self->scroll_to_end && width > 0)
    {
      value = upper - width;
      self->scroll_to_end = FALSE;
    }
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, CLAMP (value, 0, upper - width), 0, upper,
                              SLOT, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, 0, 0, height, 16, height, height);
}

static void
wm_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  WmTimelineView *self = WM_TIMELINE_VIEW (widget);
  GHashTableIter iter;
  gpointer key, value;
  double h;

  configure_adjustments (self);
  update_chips (self);
  h = scroll_x (self);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WmTimelineChip *chip = value;
      guint position = GPOINTER_TO_UINT (key);
      WmTimelineItem *item = wm_timeline_chip_get_item (chip);
      int min;

      gtk_widget_measure (GTK_WIDGET (chip), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (GTK_WIDGET (chip),
                                &(GtkAllocation) {
                                  item_x (self, position) - h,
                                  lane_y (self, wm_timeline_item_get_direction (item)),
                                  MAX (CHIP_W, min), CHIP_H },
                                -1);
    }
}

static void
wm_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  WmTimelineView *self = WM_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = SLOT + 2 * MARGIN;
      *natural = MAX (*minimum, MIN ((int) content_width (self), 1200));
    }
  else
    *minimum = *natural = CONTENT_HEIGHT;
}

static char *
format_day (gint64 day)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_days (epoch, (int) day);

  /* Translators: a date heading on the customer timeline, see g_date_time_format() */
  return g_date_time_format (date, _("%A %-e %B %Y"));
}

static void
wm_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  WmTimelineView *self = WM_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double h = scroll_x (self);
  GdkRGBA fg, line, axis;
  GdkRGBA milestone = { 0.569, 0.255, 0.675, 0.4 };   /* libadwaita's purple_3, as style.css's journey chips */
  GHashTableIter iter;
  gpointer key, value;
  double axis_y = lane_y (self, WM_TIMELINE_INTERNAL) + CHIP_H / 2.0;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = fg;
  line.alpha *= 0.15;
  axis = fg;
  axis.alpha *= 0.3;

  /* The axis, behind everything. */
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (0, axis_y - 1, width, 2));

  /* Each date in view: a separator and its heading, kept in view while any
   * of the date is. */
  if (self->day_first->len > 0)
    {
      guint day = day_of (self, position_at_or_after (self, h));

      for (; day < self->day_first->len; day++)
        {
          double x0 = g_array_index (self->day_x, double, day) - h;
          double x1 = g_array_index (self->day_x, double, day + 1) - h;
          g_autofree char *text = NULL;
          g_autoptr(PangoLayout) layout = NULL;
          int text_w;

          if (x0 > width)
            break;
          gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x0, 0, 1, height));
          text = format_day (g_array_index (self->day_value, gint64, day));
          layout = gtk_widget_create_pango_layout (widget, text);
          pango_layout_get_pixel_size (layout, &text_w, NULL);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (MAX (x0 + 8, MIN (8, x1 - text_w - 8)), 8));
          gtk_snapshot_append_layout (snapshot, layout, &fg);
          gtk_snapshot_restore (snapshot);
        }
    }

  /* A journey or stage that began or completed marks a milestone of the
   * customer's life: a line across every lane, so what came before and
   * after it reads at a glance (a stage triggered or a step done is only a
   * chip). */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WmTimelineItem *item = wm_timeline_chip_get_item (value);
      WmTimelineKind kind = wm_timeline_item_get_kind (item);
      double x = item_x (self, GPOINTER_TO_UINT (key)) - h + CHIP_W / 2.0;
      double y = lane_y (self, wm_timeline_item_get_direction (item));

      /* Above and below its chip, not through its text. */
      if ((kind == WM_TIMELINE_JOURNEY || kind == WM_TIMELINE_STAGE)
          && g_strcmp0 (wm_timeline_item_get_result (item), "triggered") != 0)
        {
          gtk_snapshot_append_color (snapshot, &milestone, &GRAPHENE_RECT_INIT (x - 1, HEADER, 2, y - HEADER));
          gtk_snapshot_append_color (snapshot, &milestone,
                                     &GRAPHENE_RECT_INIT (x - 1, y + CHIP_H, 2, height - y - CHIP_H));
        }
    }

  /* Each item's tick on the axis. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WmTimelineItem *item = wm_timeline_chip_get_item (value);
      double x = item_x (self, GPOINTER_TO_UINT (key)) - h + CHIP_W / 2.0;
      double y = lane_y (self, wm_timeline_item_get_direction (item));

      if (y + CHIP_H < axis_y)
        gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (x, y + CHIP_H, 1, axis_y - y - CHIP_H));
      else if (y > axis_y)
        gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (x, axis_y, 1, y - axis_y));
    }

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_widget_snapshot_child (widget, value, snapshot);
}

void
wm_timeline_view_focus_item (WmTimelineView *self,
                             guint           position)
{
  GtkWidget *chip;
  double x, h;
  int width;

  g_return_if_fail (WM_IS_TIMELINE_VIEW (self));

  if (position >= n_items (self))
    return;
  self->focus_position = position;
  x = item_x (self, position);
  h = scroll_x (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (self->hadjustment != NULL && (x < h || x + CHIP_W > h + width))
    gtk_adjustment_set_value (self->hadjustment, x - (width - CHIP_W) / 2.0);
  update_chips (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  chip = g_hash_table_lookup (self->bound, GUINT_TO_POINTER (position));
  if (chip != NULL)
    gtk_widget_grab_focus (chip);
}

guint
wm_timeline_view_get_focus_item (WmTimelineView *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_VIEW (self), G_MAXUINT);
  return self->focus_position;
}

guint
wm_timeline_view_get_n_shown (WmTimelineView *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_VIEW (self), 0);
  return g_hash_table_size (self->bound);
}

GtkWidget *
wm_timeline_view_get_chip (WmTimelineView *self,
                           guint           position)
{
  g_return_val_if_fail (WM_IS_TIMELINE_VIEW (self), NULL);
  return g_hash_table_lookup (self->bound, GUINT_TO_POINTER (position));
}

/* The item focused, or the first in view when none is. */
static guint
current_position (WmTimelineView *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (WM_IS_TIMELINE_CHIP (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    return wm_timeline_chip_get_position (WM_TIMELINE_CHIP (focus));
  if (self->focus_position < n_items (self))
    return self->focus_position;
  return MIN (position_at_or_after (self, scroll_x (self)), n_items (self) - 1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmTimelineView        *self)
{
  guint n = n_items (self);
  guint position;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  position = current_position (self);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      wm_timeline_view_focus_item (self, position > 0 ? position - 1 : 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      wm_timeline_view_focus_item (self, MIN (position + 1, n - 1));
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      wm_timeline_view_focus_item (self, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      wm_timeline_view_focus_item (self, n - 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      {
        double page = gtk_adjustment_get_page_increment (self->hadjustment);
        gboolean back = keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up;

        gtk_adjustment_set_value (self->hadjustment,
                                  scroll_x (self) + (back ? -page : page));
        self->focus_position = G_MAXUINT;
        gtk_widget_grab_focus (GTK_WIDGET (self));
        return TRUE;
      }
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      /* A focused chip activates itself; this is Enter on the view. */
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0, position);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
items_changed_cb (WmTimelineView *self)
{
  unbind_all (self);
  rebuild_days (self);
  self->focus_position = G_MAXUINT;
  wm_timeline_view_set_selected (self, G_MAXUINT);
  self->scroll_to_end = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
wm_timeline_view_set_model (WmTimelineView  *self,
                            WmTimelineModel *model)
{
  g_return_if_fail (WM_IS_TIMELINE_VIEW (self));
  g_return_if_fail (model == NULL || WM_IS_TIMELINE_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_clear_signal_handler (&self->items_handler, self->model);
  unbind_all (self);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->items_handler = g_signal_connect_swapped (model, "items-changed",
                                                    G_CALLBACK (items_changed_cb), self);
  items_changed_cb (self);
}

WmTimelineModel *
wm_timeline_view_get_model (WmTimelineView *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_VIEW (self), NULL);
  return self->model;
}

GtkWidget *
wm_timeline_view_new (void)
{
  return g_object_new (WM_TYPE_TIMELINE_VIEW, NULL);
}

static void
adjustment_value_changed_cb (WmTimelineView *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (WmTimelineView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_clear_object (slot);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
wm_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WmTimelineView *self = WM_TIMELINE_VIEW (object);

  switch (prop_id)
    {
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
wm_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WmTimelineView *self = WM_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_timeline_view_dispose (GObject *object)
{
  WmTimelineView *self = WM_TIMELINE_VIEW (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_handler, self->model);
  g_clear_object (&self->model);
  g_hash_table_remove_all (self->bound);
  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->chips, i));
  g_ptr_array_set_size (self->chips, 0);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (wm_timeline_view_parent_class)->dispose (object);
}

static void
wm_timeline_view_finalize (GObject *object)
{
  WmTimelineView *self = WM_TIMELINE_VIEW (object);

  g_array_unref (self->day_value);
  g_array_unref (self->day_first);
  g_array_unref (self->day_x);
  g_ptr_array_unref (self->chips);
  g_hash_table_unref (self->bound);
  G_OBJECT_CLASS (wm_timeline_view_parent_class)->finalize (object);
}

static void
wm_timeline_view_class_init (WmTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_timeline_view_dispose;
  object_class->finalize = wm_timeline_view_finalize;
  object_class->get_property = wm_timeline_view_get_property;
  object_class->set_property = wm_timeline_view_set_property;
  widget_class->measure = wm_timeline_view_measure;
  widget_class->size_allocate = wm_timeline_view_size_allocate;
  widget_class->snapshot = wm_timeline_view_snapshot;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
wm_timeline_view_init (WmTimelineView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->day_value = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->day_first = g_array_new (FALSE, FALSE, sizeof (guint));
  self->day_x = g_array_new (FALSE, FALSE, sizeof (double));
  self->chips = g_ptr_array_new ();
  self->bound = g_hash_table_new (NULL, NULL);
  self->focus_position = G_MAXUINT;
  self->selected = G_MAXUINT;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customer timeline"),
                                  -1);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  rebuild_days (self);
}
