/* wm-journey-board-area.c - the journey board's cards, headers and arrows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget inside the board's scrolled window: it places a header per
 * column and the cards where wm-journey-layout.c says, and draws the
 * `after` arrows under the cards and the drop indicator over them.
 */

#include "config.h"

#include <math.h>

#include "wm-journey-board-private.h"

#define HEADER_GAP 12
#define ARROW_SIZE 10.0
/* How far under the cards a link of a cycle loops. */
#define BACK_DROP 56

G_DEFINE_FINAL_TYPE (WmJourneyBoardArea, wm_journey_board_area, GTK_TYPE_WIDGET)

guint
wm_journey_board_get_n_columns (WmJourneyBoard *self)
{
  return self->layout != NULL ? wm_journey_layout_get_n_columns (self->layout) : 0;
}

guint
wm_journey_board_position_of (WmJourneyBoard             *self,
                              const WmJourneyLayoutStage *stage)
{
  return stage - wm_journey_layout_get_stage (self->layout, 0);
}

GtkWidget *
wm_journey_board_card_at (WmJourneyBoard *self,
                          guint           column,
                          guint           row)
{
  const WmJourneyLayoutStage *stage = wm_journey_layout_get_cell (self->layout, column, row);

  return stage != NULL ? g_ptr_array_index (self->cards, wm_journey_board_position_of (self, stage)) : NULL;
}

static int
header_height (WmJourneyBoard *self)
{
  int height = 0;

  for (guint c = 0; c < self->headers->len; c++)
    {
      int natural;

      gtk_widget_measure (g_ptr_array_index (self->headers, c), GTK_ORIENTATION_VERTICAL, CARD_WIDTH,
                          NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }
  return height;
}

static int
card_height (GtkWidget *card)
{
  int natural;

  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, CARD_WIDTH, NULL, &natural, NULL, NULL);
  return natural;
}

static void
wm_journey_board_area_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  WmJourneyBoard *self = WM_JOURNEY_BOARD_AREA (widget)->board;
  guint columns = wm_journey_board_get_n_columns (self);
  int size = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (columns > 0)
        size = 2 * MARGIN + columns * CARD_WIDTH + (columns - 1) * COLUMN_GAP;
    }
  else if (columns > 0)
    {
      int top = MARGIN + header_height (self) + HEADER_GAP;

      for (guint c = 0; c < columns; c++)
        {
          int y = top;

          for (guint r = 0; r < wm_journey_layout_get_column_size (self->layout, c); r++)
            y += card_height (wm_journey_board_card_at (self, c, r)) + ROW_GAP;
          size = MAX (size, y - ROW_GAP + MARGIN);
        }
      /* Room for the loops of links that go back (see draw_arrow). */
      for (guint i = 0; i < wm_journey_layout_get_n_links (self->layout); i++)
        {
          const WmJourneyLayoutLink *link = wm_journey_layout_get_link (self->layout, i);

          if (wm_journey_layout_get_stage (self->layout, link->to)->column
              <= wm_journey_layout_get_stage (self->layout, link->from)->column)
            {
              size += BACK_DROP;
              break;
            }
        }
    }
  *minimum = *natural = size;
}

static void
wm_journey_board_area_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  WmJourneyBoard *self = WM_JOURNEY_BOARD_AREA (widget)->board;
  int headers = header_height (self);
  int top = MARGIN + headers + HEADER_GAP;

  for (guint c = 0; c < wm_journey_board_get_n_columns (self); c++)
    {
      int x = MARGIN + c * (CARD_WIDTH + COLUMN_GAP);
      int y = top;

      gtk_widget_size_allocate (g_ptr_array_index (self->headers, c),
                                &(GtkAllocation) { x, MARGIN, CARD_WIDTH, headers }, -1);
      for (guint r = 0; r < wm_journey_layout_get_column_size (self->layout, c); r++)
        {
          GtkWidget *card = wm_journey_board_card_at (self, c, r);
          int h = card_height (card);

          gtk_widget_size_allocate (card, &(GtkAllocation) { x, y, CARD_WIDTH, h }, -1);
          y += h + ROW_GAP;
        }
    }
  if (self->scroll_to != NULL && self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (wm_journey_board_scroll_when_laid_out, self);
}

static gboolean
lookup_colour (GtkWidget  *widget,
               const char *name,
               GdkRGBA    *out)
{
  gboolean found;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, out);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found;
}

/* @channel: for a forward link that skips columns, the height under the
 * cards of the columns it passes (it runs there instead of under them,
 * where it would be hidden); 0 for the others. */
static void
draw_arrow (cairo_t               *cr,
            const graphene_rect_t *from,
            const graphene_rect_t *to,
            gboolean               forward,
            double                 channel)
{
  double sx = from->origin.x + from->size.width, sy = from->origin.y + MIN (from->size.height / 2, 36);
  double ex = to->origin.x, ey = to->origin.y + MIN (to->size.height / 2, 36);
  double c1x, c1y, c2x, c2y, angle;

  if (forward && channel > 0)
    {
      cairo_move_to (cr, sx, sy);
      cairo_curve_to (cr, sx + COLUMN_GAP / 2., sy, sx + COLUMN_GAP / 2., channel, sx + COLUMN_GAP, channel);
      cairo_line_to (cr, ex - COLUMN_GAP, channel);
      c1x = ex - COLUMN_GAP / 2.; c1y = channel;
      c2x = ex - COLUMN_GAP / 2.; c2y = ey;
    }
  else if (forward)
    {
      double bend = MAX ((ex - sx) / 2, 24);

      c1x = sx + bend; c1y = sy;
      c2x = ex - bend; c2y = ey;
    }
  else
    {
      /* A link that goes back (a cycle): out to the right, under the
       * cards and in from the left, below the forward arrows' ends and
       * dashed, so it reads as something to fix. */
      double below = MAX (from->origin.y + from->size.height, to->origin.y + to->size.height) + BACK_DROP;

      sy += 14;
      ey += 14;
      c1x = sx + 96; c1y = below;
      c2x = ex - 96; c2y = below;
      cairo_save (cr);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
    }
  /* The tip stops short of the card's edge (and its shadow). */
  ex -= 3;
  angle = atan2 (ey - c2y, ex - c2x);
  if (!(forward && channel > 0))
    cairo_move_to (cr, sx, sy);
  cairo_curve_to (cr, c1x, c1y, c2x, c2y,
                  ex - ARROW_SIZE * 0.8 * cos (angle), ey - ARROW_SIZE * 0.8 * sin (angle));
  cairo_stroke (cr);
  if (!forward)
    cairo_restore (cr);

  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, ex - ARROW_SIZE * cos (angle - 0.42), ey - ARROW_SIZE * sin (angle - 0.42));
  cairo_line_to (cr, ex - ARROW_SIZE * cos (angle + 0.42), ey - ARROW_SIZE * sin (angle + 0.42));
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Under the lowest card of the columns strictly between @from and @to
 * (see draw_arrow), or 0 when there is none. */
static double
skip_channel (WmJourneyBoard *self,
              GtkWidget      *area,
              guint           from,
              guint           to)
{
  double channel = 0;

  for (guint c = from + 1; c < to; c++)
    {
      guint size = wm_journey_layout_get_column_size (self->layout, c);
      graphene_rect_t bounds;

      if (size > 0 && gtk_widget_compute_bounds (wm_journey_board_card_at (self, c, size - 1), area, &bounds))
        channel = MAX (channel, bounds.origin.y + bounds.size.height + ROW_GAP / 2.);
    }
  return channel;
}

static void
snapshot_arrows (WmJourneyBoard *self,
                 GtkWidget      *area,
                 GtkSnapshot    *snapshot)
{
  GdkRGBA line, cycle;
  cairo_t *cr;

  if (self->layout == NULL || wm_journey_layout_get_n_links (self->layout) == 0)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (area), &line);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line.alpha *= 0.45;
  if (!lookup_colour (area, "warning_color", &cycle))
    cycle = (GdkRGBA) { 0.8, 0.5, 0.0, 1.0 };

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (area),
                                                                 gtk_widget_get_height (area)));
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < wm_journey_layout_get_n_links (self->layout); i++)
    {
      const WmJourneyLayoutLink *link = wm_journey_layout_get_link (self->layout, i);
      const WmJourneyLayoutStage *from = wm_journey_layout_get_stage (self->layout, link->from);
      const WmJourneyLayoutStage *to = wm_journey_layout_get_stage (self->layout, link->to);
      graphene_rect_t a, b;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->cards, link->from), area, &a)
          || !gtk_widget_compute_bounds (g_ptr_array_index (self->cards, link->to), area, &b))
        continue;
      gdk_cairo_set_source_rgba (cr, to->column > from->column ? &line : &cycle);
      draw_arrow (cr, &a, &b, to->column > from->column, skip_channel (self, area, from->column, to->column));
    }
  cairo_destroy (cr);
}

static void
snapshot_drop_indicator (WmJourneyBoard *self,
                         GtkWidget      *area,
                         GtkSnapshot    *snapshot)
{
  graphene_rect_t bounds;
  GdkRGBA accent;
  float y;

  if (!self->drop_shown || self->drop_target >= self->cards->len
      || !gtk_widget_compute_bounds (g_ptr_array_index (self->cards, self->drop_target), area, &bounds))
    return;
  if (!lookup_colour (area, "accent_bg_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  y = self->drop_after ? bounds.origin.y + bounds.size.height + ROW_GAP / 2.f
                       : bounds.origin.y - ROW_GAP / 2.f;
  gtk_snapshot_append_color (snapshot, &accent,
                             &GRAPHENE_RECT_INIT (bounds.origin.x - 6, y - 2, bounds.size.width + 12, 4));
}

static void
wm_journey_board_area_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  WmJourneyBoard *self = WM_JOURNEY_BOARD_AREA (widget)->board;

  snapshot_arrows (self, widget, snapshot);
  GTK_WIDGET_CLASS (wm_journey_board_area_parent_class)->snapshot (widget, snapshot);
  snapshot_drop_indicator (self, widget, snapshot);
}

static void
wm_journey_board_area_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (wm_journey_board_area_parent_class)->dispose (object);
}

static void
wm_journey_board_area_class_init (WmJourneyBoardAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_journey_board_area_dispose;
  widget_class->measure = wm_journey_board_area_measure;
  widget_class->size_allocate = wm_journey_board_area_size_allocate;
  widget_class->snapshot = wm_journey_board_area_snapshot;
  gtk_widget_class_set_css_name (widget_class, "journey-board");
}

static void
wm_journey_board_area_init (WmJourneyBoardArea *self)
{
}
