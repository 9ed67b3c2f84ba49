/* wm-journey-board.c - a journey's stages as cards in columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board is a scrolled window around a private area widget
 * (wm-journey-board-area.c) that shows the cards (wm-journey-card.c);
 * here are the selection, the keys, drag and drop, and following the
 * journey. Cards are kept across the journey's ::changed (matched by
 * stage id), so the focused card keeps the focus through an edit, an undo
 * or a move.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-journey-board-private.h"
#include "wm-journey-card.h"
#include "wm-journey-commands.h"
#include "wm-validate.h"

G_DEFINE_FINAL_TYPE (WmJourneyBoard, wm_journey_board, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_STAGE_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Styles ---- */

static void
ensure_css (void)
{
  static GdkDisplay *loaded_for = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/waymark/Waymark/wm-journey-board.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* ---- Selection ---- */

static GtkWidget *
find_card (WmJourneyBoard *self,
           const char     *stage_id)
{
  const WmJourneyLayoutStage *stage;

  if (self->layout == NULL || stage_id == NULL)
    return NULL;
  stage = wm_journey_layout_find (self->layout, stage_id);
  return stage != NULL ? g_ptr_array_index (self->cards, wm_journey_board_position_of (self, stage)) : NULL;
}

static void
scroll_to_card (WmJourneyBoard *self,
                GtkWidget      *card)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (card, GTK_WIDGET (self->area), &bounds))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (scroller),
                             bounds.origin.x - MARGIN, bounds.origin.x + bounds.size.width + MARGIN);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (scroller),
                             bounds.origin.y - MARGIN, bounds.origin.y + bounds.size.height + MARGIN);
}

gboolean
wm_journey_board_scroll_when_laid_out (gpointer data)
{
  WmJourneyBoard *self = data;
  g_autofree char *id = g_steal_pointer (&self->scroll_to);
  GtkWidget *card = find_card (self, id);

  self->scroll_idle = 0;
  if (card != NULL)
    scroll_to_card (self, card);
  return G_SOURCE_REMOVE;
}

/* Marks the selected card; without emitting. */
static void
show_selection (WmJourneyBoard *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      WmJourneyCard *card = g_ptr_array_index (self->cards, i);

      wm_journey_card_set_selected (card, card == (WmJourneyCard *) find_card (self, self->selected));
    }
}

static void
set_selected (WmJourneyBoard *self,
              const char     *stage_id,
              gboolean        focus)
{
  GtkWidget *card = find_card (self, stage_id);

  if (card == NULL)
    stage_id = NULL;
  if (card != NULL)
    {
      if (focus)
        gtk_widget_grab_focus (card);
      /* The card may be about to move (a reorder): scroll once the area
       * has been laid out again. */
      g_free (self->scroll_to);
      self->scroll_to = g_strdup (stage_id);
      gtk_widget_queue_allocate (GTK_WIDGET (self->area));
    }
  if (g_strcmp0 (stage_id, self->selected) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (stage_id);
  show_selection (self);
  g_signal_emit (self, signals[SIGNAL_STAGE_SELECTED], 0, self->selected);
}

static void
on_card_clicked (GtkButton      *button,
                 WmJourneyBoard *self)
{
  set_selected (self, wm_journey_card_get_stage_id (WM_JOURNEY_CARD (button)), TRUE);
}

/* ---- Reordering ---- */

static const WmJourneyLayoutStage *
selected_stage (WmJourneyBoard *self)
{
  return self->layout != NULL && self->selected != NULL ? wm_journey_layout_find (self->layout, self->selected) : NULL;
}

/* Moves stage @id to document position @position (in the list without
 * it), as an undo command. */
static gboolean
move_stage (WmJourneyBoard *self,
            const char     *id,
            guint           position)
{
  g_autoptr(WmCommand) command = NULL;

  if (self->undo == NULL)
    return FALSE;
  command = wm_journey_command_move_stage_new (id, position);
  return wm_undo_stack_push (self->undo, command);
}

static gboolean
move_selected_by (WmJourneyBoard *self,
                  int             delta)
{
  const WmJourneyLayoutStage *stage = selected_stage (self);
  g_autofree char *id = NULL;
  JsonArray *stages;

  if (stage == NULL || self->journey == NULL)
    return FALSE;
  stages = wm_journey_get_stages (self->journey);
  if ((delta < 0 && stage->index == 0)
      || (delta > 0 && stages != NULL && stage->index + 1 >= json_array_get_length (stages)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  id = g_strdup (stage->id);
  move_stage (self, id, stage->index + delta);
  /* The card stays (cards are kept by id): keep it in view. */
  set_selected (self, id, FALSE);
  return TRUE;
}

/* Where a drop at (@x, @y) of the area goes: next to which card, and
 * whether after it. FALSE when there is no card in that column. */
static gboolean
drop_place (WmJourneyBoard *self,
            double          x,
            double          y,
            guint          *target,
            gboolean       *after)
{
  int column = (int) ((x - MARGIN + COLUMN_GAP / 2) / (CARD_WIDTH + COLUMN_GAP));
  guint size;

  if (self->layout == NULL || wm_journey_board_get_n_columns (self) == 0)
    return FALSE;
  column = CLAMP (column, 0, (int) wm_journey_board_get_n_columns (self) - 1);
  size = wm_journey_layout_get_column_size (self->layout, column);
  for (guint r = 0; r < size; r++)
    {
      const WmJourneyLayoutStage *stage = wm_journey_layout_get_cell (self->layout, column, r);
      guint position = wm_journey_board_position_of (self, stage);
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->cards, position), GTK_WIDGET (self->area), &bounds))
        return FALSE;
      if (y < bounds.origin.y + bounds.size.height / 2 || r + 1 == size)
        {
          *target = position;
          *after = y >= bounds.origin.y + bounds.size.height / 2;
          return TRUE;
        }
    }
  return FALSE;
}

static void
hide_drop_indicator (WmJourneyBoard *self)
{
  if (!self->drop_shown)
    return;
  self->drop_shown = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static GdkDragAction
on_drop_motion (GtkDropTarget  *target,
                double          x,
                double          y,
                WmJourneyBoard *self)
{
  guint position;
  gboolean after;

  if (self->undo == NULL || !drop_place (self, x, y, &position, &after))
    {
      hide_drop_indicator (self);
      return 0;
    }
  if (!self->drop_shown || self->drop_target != position || self->drop_after != after)
    {
      self->drop_shown = TRUE;
      self->drop_target = position;
      self->drop_after = after;
      gtk_widget_queue_draw (GTK_WIDGET (self->area));
    }
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget  *target,
               WmJourneyBoard *self)
{
  hide_drop_indicator (self);
}

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         WmJourneyBoard *self)
{
  const WmJourneyLayoutStage *dragged, *next_to;
  g_autofree char *id = NULL;
  guint position;
  gboolean after;
  guint to;

  hide_drop_indicator (self);
  if (!G_VALUE_HOLDS_STRING (value) || self->layout == NULL || !drop_place (self, x, y, &position, &after))
    return FALSE;
  dragged = wm_journey_layout_find (self->layout, g_value_get_string (value));
  next_to = wm_journey_layout_get_stage (self->layout, position);
  if (dragged == NULL)
    return FALSE;
  /* Positions count the list without the dragged stage: an insertion
   * point after it moves back by one (dropping a card on itself, either
   * half, leaves it where it is). */
  to = next_to->index + (after ? 1 : 0);
  if (to > dragged->index)
    to--;
  id = g_strdup (dragged->id);
  if (to != dragged->index && !move_stage (self, id, to))
    return FALSE;
  set_selected (self, id, TRUE);
  return TRUE;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 WmJourneyCard *card)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, wm_journey_card_get_stage_id (card));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               WmJourneyCard *card)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (card));

  gtk_drag_source_set_icon (source, icon, gtk_widget_get_width (GTK_WIDGET (card)) / 2, 16);
  gtk_widget_add_css_class (GTK_WIDGET (card), "dragged");
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             WmJourneyCard *card)
{
  gtk_widget_remove_css_class (GTK_WIDGET (card), "dragged");
}

/* ---- Keyboard ---- */

static gboolean
select_neighbour (WmJourneyBoard *self,
                  guint           keyval)
{
  const WmJourneyLayoutStage *stage = selected_stage (self);
  int column, row;
  GtkWidget *card;

  if (self->layout == NULL || wm_journey_layout_get_n_stages (self->layout) == 0)
    return FALSE;
  if (stage == NULL)
    {
      set_selected (self, wm_journey_layout_get_stage (self->layout, 0)->id, TRUE);
      return TRUE;
    }
  column = stage->column;
  row = stage->row;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row--;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row++;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int step = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;

        /* Skip empty columns; keep the row as near as the column allows. */
        do
          column += step;
        while (column >= 0 && column < (int) wm_journey_board_get_n_columns (self)
               && wm_journey_layout_get_column_size (self->layout, column) == 0);
        if (column >= 0 && column < (int) wm_journey_board_get_n_columns (self))
          row = MIN (row, (int) wm_journey_layout_get_column_size (self->layout, column) - 1);
      }
      break;
    default:
      return FALSE;
    }
  card = column >= 0 && row >= 0 ? wm_journey_board_card_at (self, column, row) : NULL;
  if (card == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  set_selected (self, wm_journey_card_get_stage_id (WM_JOURNEY_CARD (card)), TRUE);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmJourneyBoard        *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean vertical = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up
                      || keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down;
  gboolean arrow = vertical || keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left
                   || keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;

  if (!arrow)
    return FALSE;
  if (mods == GDK_ALT_MASK && vertical)
    return move_selected_by (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1);
  if (mods == 0)
    return select_neighbour (self, keyval);
  return FALSE;
}

static void
on_area_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 WmJourneyBoard  *self)
{
  GtkWidget *area = GTK_WIDGET (self->area);

  /* A click on the background, not on a card or header, clears the
   * selection. */
  if (gtk_widget_pick (area, x, y, GTK_PICK_DEFAULT) == area)
    set_selected (self, NULL, FALSE);
}

/* ---- Following the journey ---- */

static char *
describe_problems (WmJourneyBoard *self,
                   const char     *stage_id,
                   guint          *n_errors,
                   guint          *n_warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  *n_errors = *n_warnings = 0;
  for (guint i = 0; self->diagnostics != NULL && i < self->diagnostics->len; i++)
    {
      WmDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, i);

      if (g_strcmp0 (diagnostic->element, stage_id) != 0)
        continue;
      if (diagnostic->severity == WM_SEVERITY_ERROR)
        (*n_errors)++;
      else
        (*n_warnings)++;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, diagnostic->message != NULL ? diagnostic->message : diagnostic->code);
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/* The member if it is a string, else NULL (without json-glib's warnings
 * about other types: an invalid document may hold anything). */
static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
describe_column (WmJourneyBoard *self,
                 guint           column,
                 JsonArray      *stages)
{
  gboolean manual = FALSE, with_journey = FALSE;

  if (column > 0)
    /* TRANSLATORS: the header of a board column after the first: its
     * stages wait for stages further left. */
    return g_strdup_printf (_("%u · Then"), column + 1);
  for (guint r = 0; r < wm_journey_layout_get_column_size (self->layout, 0); r++)
    {
      const WmJourneyLayoutStage *stage = wm_journey_layout_get_cell (self->layout, 0, r);
      JsonObject *object = json_array_get_object_element (stages, stage->index);
      JsonObject *begins = json_object_get_member (object, "begins") != NULL
                           && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "begins"))
                           ? json_object_get_object_member (object, "begins") : NULL;
      const char *when = get_string (begins, "when");

      if (g_strcmp0 (when, "manual") == 0)
        manual = TRUE;
      else
        with_journey = TRUE;
    }
  if (manual && !with_journey)
    return g_strdup (_("1 · Begins by hand"));
  if (manual)
    return g_strdup (_("1 · Begins with the journey or by hand"));
  return g_strdup (_("1 · Begins with the journey"));
}

static void
rebuild (WmJourneyBoard *self)
{
  JsonArray *stages = self->journey != NULL ? wm_journey_get_stages (self->journey) : NULL;
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) previous = self->cards;
  GtkWidget *focused = NULL;

  /* Keep the cards of stages that are still there (by id), so focus and
   * a drag in progress survive the edit. */
  for (guint i = 0; previous != NULL && i < previous->len; i++)
    {
      WmJourneyCard *card = g_ptr_array_index (previous, i);

      if (gtk_widget_has_focus (GTK_WIDGET (card)))
        focused = GTK_WIDGET (card);
      if (!g_hash_table_contains (old, wm_journey_card_get_stage_id (card)))
        g_hash_table_insert (old, g_strdup (wm_journey_card_get_stage_id (card)), g_object_ref (card));
      else
        gtk_widget_unparent (GTK_WIDGET (card));
    }
  for (guint c = 0; c < self->headers->len; c++)
    gtk_widget_unparent (g_ptr_array_index (self->headers, c));
  g_ptr_array_set_size (self->headers, 0);

  g_clear_pointer (&self->layout, wm_journey_layout_free);
  self->layout = wm_journey_layout_new (stages);
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < wm_journey_layout_get_n_stages (self->layout); i++)
    {
      const WmJourneyLayoutStage *stage = wm_journey_layout_get_stage (self->layout, i);
      JsonObject *object = json_array_get_object_element (stages, stage->index);
      const char *name = get_string (object, "name");

      if (name != NULL && *name != '\0' && !g_hash_table_contains (names, stage->id))
        g_hash_table_insert (names, stage->id, (gpointer) name);
    }

  for (guint i = 0; i < wm_journey_layout_get_n_stages (self->layout); i++)
    {
      const WmJourneyLayoutStage *stage = wm_journey_layout_get_stage (self->layout, i);
      GtkWidget *card = NULL;
      g_autofree char *problems = NULL;
      guint n_errors, n_warnings;

      gpointer old_id = NULL;

      if (g_hash_table_steal_extended (old, stage->id, &old_id, (gpointer *) &card))
        g_free (old_id);
      if (card == NULL)
        {
          GtkDragSource *source = gtk_drag_source_new ();

          card = g_object_ref (wm_journey_card_new (stage->id));
          gtk_widget_set_parent (card, GTK_WIDGET (self->area));
          g_signal_connect (card, "clicked", G_CALLBACK (on_card_clicked), self);
          gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
          g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), card);
          g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), card);
          g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), card);
          gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
          gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          _("Arrow keys move between stages; Alt+Up and Alt+Down move "
                                            "the stage earlier or later; drag a card to reorder."),
                                          -1);
        }
      problems = describe_problems (self, stage->id, &n_errors, &n_warnings);
      wm_journey_card_update (WM_JOURNEY_CARD (card),
                              json_array_get_object_element (stages, stage->index),
                              names, n_errors, n_warnings, problems);
      g_ptr_array_add (self->cards, card);
    }
  /* What is left are cards of stages that are gone. */
  {
    GHashTableIter iter;
    gpointer card;

    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, NULL, &card))
      {
        if (card == focused)
          focused = NULL;
        gtk_widget_unparent (card);
      }
  }
  for (guint c = 0; c < wm_journey_layout_get_n_columns (self->layout); c++)
    {
      g_autofree char *title = describe_column (self, c, stages);
      GtkWidget *header = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_lines (GTK_LABEL (header), 2);
      gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
      gtk_label_set_yalign (GTK_LABEL (header), 1);
      gtk_widget_add_css_class (header, "journey-column-header");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_widget_set_parent (header, GTK_WIDGET (self->area));
      g_ptr_array_add (self->headers, header);
    }

  gtk_widget_set_visible (self->placeholder, self->journey != NULL && wm_journey_layout_get_n_stages (self->layout) == 0);
  gtk_widget_queue_resize (GTK_WIDGET (self->area));

  /* The selection follows its stage; a stage that is gone clears it. */
  if (self->selected != NULL && find_card (self, self->selected) == NULL)
    set_selected (self, NULL, FALSE);
  else
    show_selection (self);
}

static void
on_journey_changed (WmJourney      *journey,
                    WmJourneyBoard *self)
{
  rebuild (self);
}

/* ---- The widget ---- */

static void
wm_journey_board_dispose (GObject *object)
{
  WmJourneyBoard *self = WM_JOURNEY_BOARD (object);

  if (self->journey != NULL)
    g_clear_signal_handler (&self->changed_id, self->journey);
  g_clear_object (&self->journey);
  g_clear_object (&self->undo);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->placeholder, gtk_widget_unparent);
  G_OBJECT_CLASS (wm_journey_board_parent_class)->dispose (object);
}

static void
wm_journey_board_finalize (GObject *object)
{
  WmJourneyBoard *self = WM_JOURNEY_BOARD (object);

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->layout, wm_journey_layout_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_free (self->selected);
  g_free (self->scroll_to);
  G_OBJECT_CLASS (wm_journey_board_parent_class)->finalize (object);
}

static void
wm_journey_board_class_init (WmJourneyBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_journey_board_dispose;
  object_class->finalize = wm_journey_board_finalize;

  /**
   * WmJourneyBoard::stage-selected:
   * @stage_id: (nullable): the selected stage, NULL when none is
   */
  signals[SIGNAL_STAGE_SELECTED] =
    g_signal_new ("stage-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journey-board-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_journey_board_init (WmJourneyBoard *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  ensure_css ();
  self->headers = g_ptr_array_new ();
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);

  self->area = g_object_new (WM_TYPE_JOURNEY_BOARD_AREA, NULL);
  self->area->board = self;
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->area));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->placeholder = gtk_label_new (_("This journey has no stages yet"));
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_add_css_class (self->placeholder, "title-4");
  gtk_widget_set_visible (self->placeholder, FALSE);
  gtk_widget_set_can_target (self->placeholder, FALSE);
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));

  /* The keys are told to assistive technologies here and on each card
   * (a tooltip over the whole board would cover the cards). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey stages"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move between stages; Alt+Up and Alt+Down move the "
                                    "selected stage earlier or later; drag a card to reorder."),
                                  -1);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (click, "pressed", G_CALLBACK (on_area_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
wm_journey_board_new (void)
{
  return g_object_new (WM_TYPE_JOURNEY_BOARD, NULL);
}

void
wm_journey_board_set_journey (WmJourneyBoard *self,
                              WmJourney      *journey,
                              WmUndoStack    *undo)
{
  g_return_if_fail (WM_IS_JOURNEY_BOARD (self));
  g_return_if_fail (journey == NULL || WM_IS_JOURNEY (journey));
  g_return_if_fail (undo == NULL || WM_IS_UNDO_STACK (undo));

  g_set_object (&self->undo, undo);
  if (journey != self->journey)
    {
      if (self->journey != NULL)
        g_clear_signal_handler (&self->changed_id, self->journey);
      g_set_object (&self->journey, journey);
      if (journey != NULL)
        self->changed_id = g_signal_connect (journey, "changed", G_CALLBACK (on_journey_changed), self);
      /* Another journey: its stages are others, even when ids match. */
      for (guint i = 0; i < self->cards->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->cards, i));
      g_ptr_array_set_size (self->cards, 0);
    }
  rebuild (self);
}

void
wm_journey_board_set_diagnostics (WmJourneyBoard *self,
                                  GPtrArray      *diagnostics)
{
  g_return_if_fail (WM_IS_JOURNEY_BOARD (self));

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (diagnostics != NULL)
    {
      self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_diagnostic_free);
      for (guint i = 0; i < diagnostics->len; i++)
        g_ptr_array_add (self->diagnostics, wm_diagnostic_copy (g_ptr_array_index (diagnostics, i)));
    }
  rebuild (self);
}

void
wm_journey_board_select_stage (WmJourneyBoard *self,
                               const char     *stage_id)
{
  g_return_if_fail (WM_IS_JOURNEY_BOARD (self));

  set_selected (self, stage_id, FALSE);
}

const char *
wm_journey_board_get_selected_stage (WmJourneyBoard *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_BOARD (self), NULL);

  return self->selected;
}
