/* test-journey-board.c - the journey board: cards, selection, reordering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board is shown in a window with the sample journey; keys and drops
 * are delivered through the board's own event controllers (their
 * "key-pressed" and "drop" signals), as GTK 4.8 has no way to synthesize
 * input. With WM_BOARD_SHOT_DIR set, the tests also save screenshots of
 * the board there (light, dark, and a wider journey with a diamond).
 */

#include "config.h"

#include <adwaita.h>

#include "ui-harness.h"
#include "wm-journey-board.h"
#include "wm-journey-card.h"
#include "wm-journey-commands.h"
#include "wm-journey-validate.h"

#define SAMPLE TEST_SRCDIR "/core/data/onboarding.waymark-journey.json"

typedef struct
{
  GtkWindow *window;
  WmJourneyBoard *board;
  WmJourney *journey;
  WmUndoStack *undo;
  GPtrArray *selections; /* ids given by ::stage-selected, "" for NULL */
} Fixture;

static void
on_stage_selected (WmJourneyBoard *board,
                   const char     *stage_id,
                   Fixture        *fixture)
{
  g_ptr_array_add (fixture->selections, g_strdup (stage_id != NULL ? stage_id : ""));
}

static WmJourney *
load_journey (const char *path_or_json)
{
  g_autoptr(GError) error = NULL;
  WmJourney *journey = path_or_json[0] == '{'
                       ? wm_journey_load_from_data (path_or_json, -1, &error)
                       : wm_journey_load_from_file (path_or_json, &error);

  g_assert_no_error (error);
  return journey;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->journey = load_journey (data != NULL ? data : SAMPLE);
  fixture->undo = wm_undo_stack_new_for_journey (fixture->journey);
  fixture->selections = g_ptr_array_new_with_free_func (g_free);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 560);
  fixture->board = WM_JOURNEY_BOARD (wm_journey_board_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->board));
  g_signal_connect (fixture->board, "stage-selected", G_CALLBACK (on_stage_selected), fixture);
  wm_journey_board_set_journey (fixture->board, fixture->journey, fixture->undo);
  gtk_window_present (fixture->window);
  spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  spin (50);
  g_clear_object (&fixture->undo);
  g_clear_object (&fixture->journey);
  g_ptr_array_unref (fixture->selections);
}

static void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  if (WM_IS_JOURNEY_CARD (widget))
    g_ptr_array_add (cards, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cards (child, cards);
}

static GtkWidget *
find_card (Fixture    *fixture,
           const char *id)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_cards (GTK_WIDGET (fixture->board), cards);
  for (guint i = 0; i < cards->len; i++)
    if (g_strcmp0 (wm_journey_card_get_stage_id (g_ptr_array_index (cards, i)), id) == 0)
      return g_ptr_array_index (cards, i);
  return NULL;
}

static guint
count_cards (Fixture *fixture)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect_cards (GTK_WIDGET (fixture->board), cards);
  return cards->len;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
card_shows (Fixture    *fixture,
            const char *id,
            const char *text)
{
  GtkWidget *card = find_card (fixture, id);

  g_assert_nonnull (card);
  return find_widget (card, is_label_with_text, text) != NULL;
}

static graphene_rect_t
card_bounds (Fixture    *fixture,
             const char *id)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (find_card (fixture, id), GTK_WIDGET (fixture->board), &bounds));
  return bounds;
}

/* The ids of the journey's stages in document order, space-separated. */
static char *
stage_order (WmJourney *journey)
{
  JsonArray *stages = wm_journey_get_stages (journey);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            json_object_get_string_member (json_array_get_object_element (stages, i), "id"));
  return g_string_free (out, FALSE);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEventController *found = find_controller (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (fixture->board), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  spin (50);
  return handled;
}

static const char *
last_selection (Fixture *fixture)
{
  g_assert_cmpuint (fixture->selections->len, >, 0);
  return g_ptr_array_index (fixture->selections, fixture->selections->len - 1);
}

static void
board_shot (Fixture    *fixture,
            const char *name)
{
  const char *dir = g_getenv ("WM_BOARD_SHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (fixture->board);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  spin (200);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  path = g_strdup_printf ("%s/jboard-%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_cards_in_columns (Fixture       *fixture,
                       gconstpointer  data)
{
  graphene_rect_t registered = card_bounds (fixture, "registered");
  graphene_rect_t onboarded = card_bounds (fixture, "onboarded");
  graphene_rect_t purchase = card_bounds (fixture, "first-purchase");
  graphene_rect_t loyal = card_bounds (fixture, "loyal");

  g_assert_cmpuint (count_cards (fixture), ==, 4);
  /* Columns: registered and loyal begin first, onboarded waits for
   * registered, first-purchase for both. */
  g_assert_cmpfloat (registered.origin.x, ==, loyal.origin.x);
  g_assert_cmpfloat (registered.origin.y, <, loyal.origin.y);
  g_assert_cmpfloat (onboarded.origin.x, >, registered.origin.x + registered.size.width);
  g_assert_cmpfloat (purchase.origin.x, >, onboarded.origin.x + onboarded.size.width);

  g_assert_true (card_shows (fixture, "registered", "Registered"));
  g_assert_true (card_shows (fixture, "registered", "Begins with the journey"));
  g_assert_true (card_shows (fixture, "registered", "2 steps"));
  g_assert_true (card_shows (fixture, "registered", "7 days"));
  g_assert_true (card_shows (fixture, "registered", "1 flow"));
  g_assert_true (card_shows (fixture, "onboarded", "After Registered"));
  g_assert_true (card_shows (fixture, "first-purchase", "After Registered, Onboarded"));
  g_assert_true (card_shows (fixture, "first-purchase", "None"));
  g_assert_true (card_shows (fixture, "loyal", "Begins by hand"));
  g_assert_true (card_shows (fixture, "loyal", "By hand"));
  g_assert_true (card_shows (fixture, "loyal", "90 days"));
  g_assert_true (find_widget (GTK_WIDGET (fixture->board), is_label_with_text,
                              "1 · Begins with the journey or by hand") != NULL);
  g_assert_true (gtk_widget_get_focusable (find_card (fixture, "loyal")));
  board_shot (fixture, "onboarding");
}

/* Fails with what the accessible property holds instead, if it differs. */
static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  g_assert_cmpstr (differs, ==, NULL);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(WmCommand) duration = wm_journey_command_set_stage_duration_new ("onboarded", "soon");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *selected = NULL;

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (find_card (fixture, "registered")),
                                               GTK_ACCESSIBLE_ROLE_BUTTON));
  assert_accessible_label (find_card (fixture, "registered"), "Stage Registered, begins with the journey, 2 steps");
  assert_accessible_label (find_card (fixture, "first-purchase"),
                           "Stage First purchase, after Registered, Onboarded, 1 step");
  assert_accessible_label (find_card (fixture, "loyal"), "Stage Loyal, begins by hand, completes by hand");

  g_assert_true (wm_undo_stack_push (fixture->undo, duration));
  diagnostics = wm_validate_journey (fixture->journey, NULL, FALSE);
  wm_journey_board_set_diagnostics (fixture->board, diagnostics);
  assert_accessible_label (find_card (fixture, "onboarded"), "Stage Onboarded, after Registered, 2 steps, 1 error");

  wm_journey_board_select_stage (fixture->board, "loyal");
  selected = gtk_test_accessible_check_state (GTK_ACCESSIBLE (find_card (fixture, "loyal")),
                                              GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  g_assert_cmpstr (selected, ==, NULL);
}

static void
test_empty_journey (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *ids[] = { "registered", "onboarded", "first-purchase", "loyal" };
  GtkWidget *placeholder;

  placeholder = find_widget (GTK_WIDGET (fixture->board), is_label_with_text, "This journey has no stages yet");
  g_assert_nonnull (placeholder);
  g_assert_false (gtk_widget_get_visible (placeholder));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(WmCommand) remove = wm_journey_command_remove_stage_new (ids[i]);

      g_assert_true (wm_undo_stack_push (fixture->undo, remove));
    }
  g_assert_cmpuint (count_cards (fixture), ==, 0);
  g_assert_true (gtk_widget_get_visible (placeholder));
  /* Keys and drops have nothing to act on. */
  g_assert_false (press_key (fixture, GDK_KEY_Down, 0));
  g_assert_null (wm_journey_board_get_selected_stage (fixture->board));
  board_shot (fixture, "empty");
  g_assert_true (wm_undo_stack_undo (fixture->undo));
  g_assert_cmpuint (count_cards (fixture), ==, 1);
  g_assert_false (gtk_widget_get_visible (placeholder));
}

static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_null (wm_journey_board_get_selected_stage (fixture->board));
  g_signal_emit_by_name (find_card (fixture, "onboarded"), "clicked");
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "onboarded");
  g_assert_cmpstr (last_selection (fixture), ==, "onboarded");
  g_assert_true (gtk_widget_has_css_class (find_card (fixture, "onboarded"), "selected"));
  g_assert_false (gtk_widget_has_css_class (find_card (fixture, "registered"), "selected"));

  /* Selecting the selected stage again says nothing. */
  wm_journey_board_select_stage (fixture->board, "onboarded");
  g_assert_cmpuint (fixture->selections->len, ==, 1);

  wm_journey_board_select_stage (fixture->board, "loyal");
  g_assert_cmpstr (last_selection (fixture), ==, "loyal");
  g_assert_false (gtk_widget_has_css_class (find_card (fixture, "onboarded"), "selected"));
  wm_journey_board_select_stage (fixture->board, "no-such-stage");
  g_assert_cmpstr (last_selection (fixture), ==, "");
  g_assert_null (wm_journey_board_get_selected_stage (fixture->board));
  g_assert_cmpuint (fixture->selections->len, ==, 3);

  /* A click on the board's background clears the selection; one on a
   * card does not. */
  {
    GtkWidget *area = gtk_widget_get_parent (find_card (fixture, "loyal"));
    GtkEventController *click = find_controller (area, GTK_TYPE_GESTURE_CLICK);
    graphene_rect_t loyal;

    g_assert_nonnull (click);
    g_assert_true (gtk_widget_compute_bounds (find_card (fixture, "loyal"), area, &loyal));
    wm_journey_board_select_stage (fixture->board, "loyal");
    g_signal_emit_by_name (click, "pressed", 1, (double) loyal.origin.x + 20, (double) loyal.origin.y + 20);
    g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "loyal");
    g_signal_emit_by_name (click, "pressed", 1, (double) loyal.origin.x + 20,
                           (double) loyal.origin.y + loyal.size.height + 60);
    g_assert_null (wm_journey_board_get_selected_stage (fixture->board));
    g_assert_cmpuint (fixture->selections->len, ==, 5);
  }
  board_shot (fixture, "onboarding-nothing-selected");
}

static void
test_arrow_keys_move_the_selection (Fixture       *fixture,
                                    gconstpointer  data)
{
  /* Nothing selected: an arrow selects the first stage. */
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "registered");
  g_assert_true (gtk_widget_has_focus (find_card (fixture, "registered")));
  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "loyal");
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "onboarded");
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "first-purchase");
  /* At the edge the selection stays. */
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "first-purchase");
  g_assert_true (press_key (fixture, GDK_KEY_Left, 0));
  g_assert_true (press_key (fixture, GDK_KEY_Up, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "onboarded");
  g_assert_true (gtk_widget_has_focus (find_card (fixture, "onboarded")));
  /* Other keys are left to others (Delete belongs to the editor page). */
  g_assert_false (press_key (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "onboarded");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (fixture->undo), ==, 0);
}

static void
test_alt_arrows_reorder_with_undo (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *before = stage_order (fixture->journey);
  g_autofree char *moved = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *restored = NULL;
  GtkWidget *card;

  wm_journey_board_select_stage (fixture->board, "registered");
  card = find_card (fixture, "registered");
  gtk_widget_grab_focus (card);
  g_assert_true (press_key (fixture, GDK_KEY_Down, GDK_ALT_MASK));
  moved = stage_order (fixture->journey);
  g_assert_cmpstr (moved, ==, "onboarded registered first-purchase loyal");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (fixture->undo), ==, 1);
  /* The same card, still selected and focused. */
  g_assert_true (find_card (fixture, "registered") == card);
  g_assert_true (gtk_widget_has_focus (card));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "registered");

  /* Down again within the merge window is the same undo step. */
  g_assert_true (press_key (fixture, GDK_KEY_Down, GDK_ALT_MASK));
  twice = stage_order (fixture->journey);
  g_assert_cmpstr (twice, ==, "onboarded first-purchase registered loyal");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (fixture->undo), ==, 1);

  g_assert_true (wm_undo_stack_undo (fixture->undo));
  spin (50);
  restored = stage_order (fixture->journey);
  g_assert_cmpstr (restored, ==, before);
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "registered");
  g_assert_true (gtk_widget_has_css_class (find_card (fixture, "registered"), "selected"));

  /* The first stage cannot go earlier: nothing is pushed. */
  g_assert_true (press_key (fixture, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_cmpuint (wm_undo_stack_get_n_undo (fixture->undo), ==, 0);
}

static void
drop_at (Fixture    *fixture,
         const char *dragged,
         const char *next_to,
         gboolean    below)
{
  GtkDropTarget *target = GTK_DROP_TARGET (find_controller (GTK_WIDGET (fixture->board), GTK_TYPE_DROP_TARGET));
  GtkWidget *area = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  graphene_rect_t bounds;
  GValue value = G_VALUE_INIT;
  GdkDragAction action = 0;
  gboolean done = FALSE;
  double x, y;

  g_assert_true (gtk_widget_compute_bounds (find_card (fixture, next_to), area, &bounds));
  x = bounds.origin.x + bounds.size.width / 2;
  y = bounds.origin.y + (below ? bounds.size.height - 4 : 4);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, dragged);
  g_signal_emit_by_name (target, "motion", x, y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  if (g_strcmp0 (dragged, "loyal") == 0)
    board_shot (fixture, "onboarding-drop-indicator");
  g_signal_emit_by_name (target, "drop", &value, x, y, &done);
  g_assert_true (done);
  g_value_unset (&value);
  spin (50);
}

static void
test_drop_reorders (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  drop_at (fixture, "loyal", "registered", FALSE);
  first = stage_order (fixture->journey);
  g_assert_cmpstr (first, ==, "loyal registered onboarded first-purchase");
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "loyal");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (fixture->undo), ==, 1);
  /* In column 0 loyal is now above registered. */
  g_assert_cmpfloat (card_bounds (fixture, "loyal").origin.y, <, card_bounds (fixture, "registered").origin.y);

  /* Below a card of another column: after it in the document. */
  drop_at (fixture, "registered", "first-purchase", TRUE);
  second = stage_order (fixture->journey);
  g_assert_cmpstr (second, ==, "loyal onboarded first-purchase registered");

  /* Dropping a card next to itself changes nothing. */
  drop_at (fixture, "onboarded", "onboarded", FALSE);
  third = stage_order (fixture->journey);
  g_assert_cmpstr (third, ==, second);
  /* Nor on its lower half: no move, no undo step. */
  drop_at (fixture, "onboarded", "onboarded", TRUE);
  g_clear_pointer (&third, g_free);
  third = stage_order (fixture->journey);
  g_assert_cmpstr (third, ==, second);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (fixture->undo), ==, 2);
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WmCommand) rename = wm_journey_command_rename_stage_new ("onboarded", "Set up");
  g_autoptr(WmCommand) remove = wm_journey_command_remove_stage_new ("first-purchase");
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(WmCommand) duration = wm_journey_command_set_stage_duration_new ("loyal", "soon");

  wm_journey_board_select_stage (fixture->board, "first-purchase");
  g_assert_true (wm_undo_stack_push (fixture->undo, rename));
  g_assert_true (card_shows (fixture, "onboarded", "Set up"));
  g_assert_true (card_shows (fixture, "first-purchase", "After Registered, Set up"));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "first-purchase");

  g_assert_true (wm_undo_stack_push (fixture->undo, remove));
  g_assert_cmpuint (count_cards (fixture), ==, 3);
  g_assert_null (find_card (fixture, "first-purchase"));
  g_assert_null (wm_journey_board_get_selected_stage (fixture->board));
  g_assert_cmpstr (last_selection (fixture), ==, "");

  g_assert_true (wm_undo_stack_undo (fixture->undo));
  g_assert_cmpuint (count_cards (fixture), ==, 4);
  g_assert_true (wm_undo_stack_undo (fixture->undo));
  g_assert_true (card_shows (fixture, "onboarded", "Onboarded"));

  /* Diagnostics mark the card of their stage. */
  g_assert_true (wm_undo_stack_push (fixture->undo, duration));
  g_assert_true (card_shows (fixture, "loyal", "Not set"));
  diagnostics = wm_validate_journey (fixture->journey, NULL, FALSE);
  wm_journey_board_set_diagnostics (fixture->board, diagnostics);
  g_assert_true (gtk_widget_has_css_class (find_card (fixture, "loyal"), "error"));
  g_assert_false (gtk_widget_has_css_class (find_card (fixture, "registered"), "error"));
  wm_journey_board_select_stage (fixture->board, "loyal");
  board_shot (fixture, "onboarding-error");
  wm_journey_board_set_diagnostics (fixture->board, NULL);
  g_assert_false (gtk_widget_has_css_class (find_card (fixture, "loyal"), "error"));

  /* NULL clears the board and stops following the journey. */
  wm_journey_board_set_journey (fixture->board, NULL, NULL);
  g_assert_cmpuint (count_cards (fixture), ==, 0);
  g_assert_true (wm_undo_stack_undo (fixture->undo));
  g_assert_cmpuint (count_cards (fixture), ==, 0);
}

#define DIAMOND \
  "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"growth\",\"name\":\"Growth\"," \
  "\"stages\":[" \
  "{\"id\":\"signed-up\",\"name\":\"Signed up\",\"begins\":{\"when\":\"journey\",\"after\":[]},\"completes\":\"steps\"," \
  "\"steps\":[{\"id\":\"a\",\"kind\":\"task\"}],\"flows\":[\"welcome\"],\"duration\":\"3d\"}," \
  "{\"id\":\"activated\",\"name\":\"Activated\",\"begins\":{\"when\":\"after\",\"after\":[\"signed-up\"]},\"completes\":\"steps\"," \
  "\"steps\":[{\"id\":\"a\",\"kind\":\"task\"},{\"id\":\"b\",\"kind\":\"task\"}],\"flows\":[\"tips\",\"nudge\"],\"duration\":\"7d\"}," \
  "{\"id\":\"invited\",\"name\":\"Invited a friend\",\"begins\":{\"when\":\"after\",\"after\":[\"signed-up\"]},\"completes\":\"manual\"," \
  "\"steps\":[],\"flows\":[],\"duration\":\"14d\"}," \
  "{\"id\":\"engaged\",\"name\":\"Engaged\",\"begins\":{\"when\":\"after\",\"after\":[\"activated\",\"invited\"]},\"completes\":\"steps\"," \
  "\"steps\":[{\"id\":\"a\",\"kind\":\"task\"},{\"id\":\"b\",\"kind\":\"task\"},{\"id\":\"c\",\"kind\":\"task\"}],\"flows\":[\"loyalty\"],\"duration\":\"30d\"}," \
  "{\"id\":\"advocate\",\"name\":\"Advocate\",\"begins\":{\"when\":\"after\",\"after\":[\"engaged\"]},\"completes\":\"manual\"," \
  "\"steps\":[],\"flows\":[],\"duration\":\"90d\"}]}"

static void
test_diamond (Fixture       *fixture,
              gconstpointer  data)
{
  graphene_rect_t activated = card_bounds (fixture, "activated");
  graphene_rect_t invited = card_bounds (fixture, "invited");

  g_assert_cmpuint (count_cards (fixture), ==, 5);
  g_assert_cmpfloat (activated.origin.x, ==, invited.origin.x);
  g_assert_cmpfloat (activated.origin.y, <, invited.origin.y);
  g_assert_cmpfloat (card_bounds (fixture, "engaged").origin.x, >, activated.origin.x);
  g_assert_cmpfloat (card_bounds (fixture, "advocate").origin.x, >, card_bounds (fixture, "engaged").origin.x);
  g_assert_true (card_shows (fixture, "engaged", "After Activated, Invited a friend"));
  wm_journey_board_select_stage (fixture->board, "engaged");
  /* Wide enough for the whole journey. */
  gtk_window_set_default_size (fixture->window, 1240, 400);
  spin (300);
  board_shot (fixture, "diamond");
}

static void
test_scrolls_to_the_selection (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkScrolledWindow *scroller;

  gtk_window_set_default_size (fixture->window, 400, 300);
  spin (300);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (fixture->board)));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (scroller)), ==, 0);
  wm_journey_board_select_stage (fixture->board, "advocate");
  spin (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (scroller)), >, 0);
  board_shot (fixture, "diamond-scrolled");
}

#define CYCLE \
  "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"loop\",\"name\":\"Loop\"," \
  "\"stages\":[" \
  "{\"id\":\"start\",\"name\":\"Start\",\"begins\":{\"when\":\"journey\",\"after\":[]},\"completes\":\"manual\",\"duration\":\"1d\",\"steps\":[]}," \
  "{\"id\":\"a\",\"name\":\"Trial\",\"begins\":{\"when\":\"after\",\"after\":[\"start\",\"c\"]},\"completes\":\"manual\",\"duration\":\"1d\",\"steps\":[]}," \
  "{\"id\":\"b\",\"name\":\"Paying\",\"begins\":{\"when\":\"after\",\"after\":[\"a\"]},\"completes\":\"manual\",\"duration\":\"1d\",\"steps\":[]}," \
  "{\"id\":\"c\",\"name\":\"Lapsed\",\"begins\":{\"when\":\"after\",\"after\":[\"b\",\"gone\"]},\"completes\":\"manual\",\"duration\":\"1d\",\"steps\":[]}]}"

static void
test_cycle (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) diagnostics = wm_validate_journey (fixture->journey, NULL, FALSE);
  float x[4];
  const char *ids[] = { "start", "a", "b", "c" };

  /* A cycle reads left to right in document order; an unknown name in
   * `after` is shown as it is written. */
  for (guint i = 0; i < 4; i++)
    x[i] = card_bounds (fixture, ids[i]).origin.x;
  g_assert_cmpfloat (x[0], <, x[1]);
  g_assert_cmpfloat (x[1], <, x[2]);
  g_assert_cmpfloat (x[2], <, x[3]);
  g_assert_true (card_shows (fixture, "c", "After Paying, gone"));
  wm_journey_board_set_diagnostics (fixture->board, diagnostics);
  g_assert_true (gtk_widget_has_css_class (find_card (fixture, "c"), "error"));
  board_shot (fixture, "cycle");
}

/* Wrong types everywhere a load lets them through (validation errors). */
#define ODD \
  "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"odd\",\"name\":[1]," \
  "\"stages\":[" \
  "{\"id\":\"x\",\"name\":[\"X\"],\"begins\":{\"when\":{},\"after\":\"y\"},\"completes\":7,\"steps\":{}," \
  "\"flows\":\"welcome\",\"duration\":3}," \
  "{\"id\":\"y\",\"name\":null,\"begins\":[],\"completes\":\"steps\",\"steps\":[],\"duration\":\"7d\"}," \
  "{\"id\":\"z\",\"name\":\"Z\",\"begins\":{\"when\":\"after\",\"after\":[1,null,\"y\"]},\"completes\":\"steps\",\"steps\":[],\"duration\":\"1w\"}]}"

static void
test_odd_document (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpuint (count_cards (fixture), ==, 3);
  /* Unnamed stages show their id; what cannot be read is "not set". */
  g_assert_true (card_shows (fixture, "x", "x"));
  g_assert_true (card_shows (fixture, "x", "How it begins is not set"));
  g_assert_true (card_shows (fixture, "x", "Not set"));
  g_assert_true (card_shows (fixture, "x", "None"));
  g_assert_true (card_shows (fixture, "y", "y"));
  g_assert_true (card_shows (fixture, "y", "No steps"));
  g_assert_true (card_shows (fixture, "z", "After y"));
  g_assert_true (card_shows (fixture, "z", "7 days"));
  g_assert_cmpfloat (card_bounds (fixture, "z").origin.x, >, card_bounds (fixture, "y").origin.x);
  g_assert_true (press_key (fixture, GDK_KEY_Right, 0));
  g_assert_cmpstr (wm_journey_board_get_selected_stage (fixture->board), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  /* GTK's test accessibility backend keeps the accessible properties for
   * gtk_test_accessible_check_property() without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!ui_test_init (&argc, &argv))
    return 0;
  if (g_getenv ("WM_BOARD_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  g_test_add ("/ui/journey-board/cards-in-columns", Fixture, NULL,
              fixture_set_up, test_cards_in_columns, fixture_tear_down);
  g_test_add ("/ui/journey-board/accessible-names", Fixture, NULL,
              fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/ui/journey-board/empty-journey", Fixture, NULL,
              fixture_set_up, test_empty_journey, fixture_tear_down);
  g_test_add ("/ui/journey-board/click-selects", Fixture, NULL,
              fixture_set_up, test_click_selects, fixture_tear_down);
  g_test_add ("/ui/journey-board/arrow-keys-move-the-selection", Fixture, NULL,
              fixture_set_up, test_arrow_keys_move_the_selection, fixture_tear_down);
  g_test_add ("/ui/journey-board/alt-arrows-reorder-with-undo", Fixture, NULL,
              fixture_set_up, test_alt_arrows_reorder_with_undo, fixture_tear_down);
  g_test_add ("/ui/journey-board/drop-reorders", Fixture, NULL,
              fixture_set_up, test_drop_reorders, fixture_tear_down);
  g_test_add ("/ui/journey-board/follows-changes", Fixture, NULL,
              fixture_set_up, test_follows_changes, fixture_tear_down);
  g_test_add ("/ui/journey-board/diamond", Fixture, DIAMOND,
              fixture_set_up, test_diamond, fixture_tear_down);
  g_test_add ("/ui/journey-board/cycle", Fixture, CYCLE,
              fixture_set_up, test_cycle, fixture_tear_down);
  g_test_add ("/ui/journey-board/odd-document", Fixture, ODD,
              fixture_set_up, test_odd_document, fixture_tear_down);
  g_test_add ("/ui/journey-board/scrolls-to-the-selection", Fixture, DIAMOND,
              fixture_set_up, test_scrolls_to_the_selection, fixture_tear_down);

  return g_test_run ();
}
