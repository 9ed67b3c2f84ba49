/* test-undo.c - the undo stack: steps, merging, groups, clean mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Documents are compared as canonical bytes (wm_flow_to_canonical).
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "wm-commands.h"
#include "wm-flow-io.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"

/* Times for commands, so merging does not depend on how fast the test
 * runs: keystrokes a tenth of a second apart. */
#define T0        ((gint64) 1000 * G_USEC_PER_SEC)
#define KEYSTROKE (G_USEC_PER_SEC / 10)

static WmFlow *
load_all_types (void)
{
  g_autoptr(GError) error = NULL;
  WmFlow *flow = wm_flow_load_from_file (ALL_TYPES, &error);

  g_assert_no_error (error);
  g_assert_nonnull (flow);
  return flow;
}

static char *
canonical (WmFlow *flow)
{
  return wm_flow_to_canonical (flow, NULL);
}

#define assert_document(flow, expected) assert_document_at (__LINE__, flow, expected)

static void
assert_document_at (int         line,
                    WmFlow     *flow,
                    const char *expected)
{
  g_autofree char *actual = canonical (flow);
  gsize i = 0;

  if (strcmp (actual, expected) == 0)
    return;
  while (actual[i] != '\0' && actual[i] == expected[i])
    i++;
  g_error ("line %d: documents differ at byte %" G_GSIZE_FORMAT ":\n…%.120s\n≠\n…%.120s",
           line, i, actual + (i > 60 ? i - 60 : 0), expected + (i > 60 ? i - 60 : 0));
}

static WmElement *
element (WmFlow     *flow,
         const char *id)
{
  return wm_version_find_element (wm_flow_get_version (flow, 1), id);
}

static gboolean
push_at (WmUndoStack *stack,
         WmCommand   *command,
         gint64       time)
{
  g_autoptr(WmCommand) owned = command;

  wm_command_set_time (owned, time);
  return wm_undo_stack_push (stack, owned);
}

static WmCommand *
set_text (const char *id,
          const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return wm_command_set_config_new (1, id, "text", node);
}

static void
test_push_undo_redo (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *original = canonical (flow);
  g_autofree char *renamed = NULL;
  g_autofree char *moved = NULL;
  double x, y;

  g_assert_false (wm_undo_stack_can_undo (stack));
  g_assert_false (wm_undo_stack_can_redo (stack));
  g_assert_true (wm_undo_stack_is_clean (stack));
  g_assert_false (wm_undo_stack_undo (stack));
  g_assert_false (wm_undo_stack_redo (stack));

  g_assert_true (push_at (stack, wm_command_rename_element_new (1, "e2", "Nudge"), T0));
  g_assert_cmpstr (wm_element_get_name (element (flow, "e2")), ==, "Nudge");
  renamed = canonical (flow);
  g_assert_true (push_at (stack, wm_command_move_element_new (1, "e2", 7, 8), T0));
  moved = canonical (flow);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_false (wm_undo_stack_is_clean (stack));

  g_assert_true (wm_undo_stack_undo (stack));
  assert_document (flow, renamed);
  g_assert_true (wm_undo_stack_undo (stack));
  assert_document (flow, original);
  g_assert_false (wm_undo_stack_can_undo (stack));
  g_assert_true (wm_undo_stack_is_clean (stack));

  g_assert_true (wm_undo_stack_redo (stack));
  assert_document (flow, renamed);
  g_assert_true (wm_undo_stack_redo (stack));
  assert_document (flow, moved);
  g_assert_true (wm_element_get_position (element (flow, "e2"), &x, &y));
  g_assert_cmpfloat (x, ==, 7);
  g_assert_false (wm_undo_stack_can_redo (stack));
}

static void
test_new_push_drops_redo (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);

  push_at (stack, wm_command_rename_element_new (1, "e2", "A"), T0);
  push_at (stack, wm_command_rename_element_new (1, "e3", "B"), T0);
  wm_undo_stack_undo (stack);
  g_assert_cmpuint (wm_undo_stack_get_n_redo (stack), ==, 1);

  push_at (stack, wm_command_rename_element_new (1, "e4", "C"), T0);
  g_assert_cmpuint (wm_undo_stack_get_n_redo (stack), ==, 0);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_false (wm_undo_stack_can_redo (stack));
  g_assert_cmpstr (wm_element_get_name (element (flow, "e3")), ==, "Reminder e-mail");
}

static void
test_refused_command_records_nothing (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *original = canonical (flow);

  g_assert_false (push_at (stack, wm_command_rename_element_new (1, "nope", "A"), T0));
  g_assert_false (wm_undo_stack_can_undo (stack));
  g_assert_true (wm_undo_stack_is_clean (stack));
  assert_document (flow, original);
}

/* Two Shift+arrow nudges of the same selection are one step. */
static void
test_nudges_merge (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *original = canonical (flow);
  const char *ids[] = { "e2", "e3" };
  const double once[] = { 250, 0, 490, 0 };
  const double twice[] = { 260, 0, 500, 0 };
  double x, y;

  push_at (stack, wm_command_move_elements_new (1, ids, once, 2), T0);
  push_at (stack, wm_command_move_elements_new (1, ids, twice, 2), T0 + KEYSTROKE);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Move 2 elements");
  g_assert_true (wm_element_get_position (element (flow, "e3"), &x, &y));
  g_assert_cmpfloat (x, ==, 500);

  wm_undo_stack_undo (stack);
  assert_document (flow, original);

  wm_undo_stack_redo (stack);
  g_assert_true (wm_element_get_position (element (flow, "e2"), &x, &y));
  g_assert_cmpfloat (x, ==, 260);
}

static void
test_keystrokes_merge_within_the_window (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *original = canonical (flow);
  g_autofree char *hello = NULL;

  push_at (stack, set_text ("e2", "H"), T0);
  push_at (stack, set_text ("e2", "He"), T0 + KEYSTROKE);
  push_at (stack, set_text ("e2", "Hel"), T0 + 2 * KEYSTROKE);
  push_at (stack, set_text ("e2", "Hell"), T0 + 3 * KEYSTROKE);
  push_at (stack, set_text ("e2", "Hello"), T0 + 4 * KEYSTROKE);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpstr (wm_element_get_config_string (element (flow, "e2"), "text"), ==, "Hello");
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==,
                   "Change Text of ‘Reminder SMS’");
  hello = canonical (flow);

  /* A pause of more than a second starts a new step. */
  push_at (stack, set_text ("e2", "Hello!"), T0 + 4 * KEYSTROKE + WM_COMMAND_MERGE_WINDOW + 1);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);

  wm_undo_stack_undo (stack);
  assert_document (flow, hello);
  wm_undo_stack_undo (stack);
  assert_document (flow, original);
}

static void
test_other_fields_do_not_merge (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);

  push_at (stack, set_text ("e2", "H"), T0);
  push_at (stack, set_text ("e5", "H"), T0 + KEYSTROKE);
  push_at (stack, wm_command_rename_element_new (1, "e5", "V"), T0 + 2 * KEYSTROKE);
  push_at (stack, wm_command_rename_element_new (1, "e5", "Vi"), T0 + 3 * KEYSTROKE);
  push_at (stack, wm_command_rename_flow_new ("F"), T0 + 4 * KEYSTROKE);
  push_at (stack, wm_command_rename_flow_new ("Fl"), T0 + 5 * KEYSTROKE);
  push_at (stack, wm_command_set_timezone_new ("Europe/Berlin"), T0 + 6 * KEYSTROKE);
  push_at (stack, wm_command_set_timezone_new ("Europe/Paris"), T0 + 7 * KEYSTROKE);
  /* text e2 | text e5 | rename e5 (2 merged) | flow name (2 merged) | zone | zone */
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 6);
}

/* A drag of three elements with ten motion events is one step, named by
 * the group; undo gives back the positions before the drag. */
static void
test_drag_is_one_step (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *original = canonical (flow);
  g_autofree char *dropped = NULL;
  const char *ids[] = { "e2", "e3", "e4" };
  double x, y;

  wm_undo_stack_begin_group (stack, "Move 3 elements");
  for (int i = 1; i <= 10; i++)
    {
      const double positions[] = { 240 + i, 5.5 * i, 480 + i, 5.5 * i, 720 + i, 5.5 * i };

      /* Motion events can be far apart in a slow drag: the group still
       * makes them one step. */
      g_assert_true (push_at (stack, wm_command_move_elements_new (1, ids, positions, 3),
                              T0 + i * 3 * WM_COMMAND_MERGE_WINDOW));
      g_assert_false (wm_undo_stack_can_undo (stack));
    }
  wm_undo_stack_end_group (stack);
  dropped = canonical (flow);

  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Move 3 elements");
  g_assert_true (wm_element_get_position (element (flow, "e4"), &x, &y));
  g_assert_cmpfloat (x, ==, 730);
  g_assert_cmpfloat (y, ==, 55);

  wm_undo_stack_undo (stack);
  assert_document (flow, original);
  g_assert_cmpstr (wm_undo_stack_get_redo_description (stack), ==, "Move 3 elements");
  wm_undo_stack_redo (stack);
  assert_document (flow, dropped);
}

/* The next nudge after a drag is a step of its own. */
static void
test_group_is_a_merge_boundary (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);

  wm_undo_stack_begin_group (stack, NULL);
  push_at (stack, wm_command_move_element_new (1, "e2", 1, 1), T0);
  wm_undo_stack_end_group (stack);
  push_at (stack, wm_command_move_element_new (1, "e2", 2, 1), T0 + KEYSTROKE);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
  /* A group without a description is named by its first command. */
  wm_undo_stack_undo (stack);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Move 1 element");
}

static void
test_nested_and_empty_groups (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *original = canonical (flow);
  const char *ids[] = { "e22" };

  wm_undo_stack_begin_group (stack, "Nothing");
  wm_undo_stack_end_group (stack);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 0);
  g_assert_false (wm_undo_stack_can_undo (stack));
  g_assert_true (wm_undo_stack_is_clean (stack));

  wm_undo_stack_begin_group (stack, "Tidy up");
  push_at (stack, wm_command_rename_element_new (1, "e2", "A"), T0);
  wm_undo_stack_begin_group (stack, "Inner");
  push_at (stack, wm_command_remove_elements_new (1, ids, 1), T0);
  wm_undo_stack_end_group (stack);
  g_assert_true (wm_undo_stack_in_group (stack));
  /* Undo waits for the gesture to end. */
  g_assert_false (wm_undo_stack_undo (stack));
  push_at (stack, wm_command_connect_new (1, "e17", "out", "e2"), T0);
  wm_undo_stack_end_group (stack);
  g_assert_false (wm_undo_stack_in_group (stack));

  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Tidy up");
  wm_undo_stack_undo (stack);
  assert_document (flow, original);
}

/* Escape during a drag: the preview is reverted and nothing is recorded;
 * the redo history is still good, since the document is as before. */
static void
test_cancel_group (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *after_rename = NULL;
  g_autofree char *after_undo = NULL;

  push_at (stack, wm_command_rename_element_new (1, "e2", "A"), T0);
  after_rename = canonical (flow);
  push_at (stack, wm_command_rename_element_new (1, "e3", "B"), T0);
  wm_undo_stack_undo (stack);
  after_undo = canonical (flow);
  assert_document (flow, after_rename);

  wm_undo_stack_begin_group (stack, "Move 1 element");
  wm_undo_stack_begin_group (stack, NULL);
  for (int i = 0; i < 5; i++)
    push_at (stack, wm_command_move_element_new (1, "e8", i * 10, i), T0 + i);
  push_at (stack, wm_command_connect_new (1, "e8", "out", "e22"), T0);
  wm_undo_stack_cancel_group (stack);

  g_assert_false (wm_undo_stack_in_group (stack));
  assert_document (flow, after_undo);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_true (wm_undo_stack_can_redo (stack));
  g_assert_true (wm_undo_stack_redo (stack));
  g_assert_cmpstr (wm_element_get_name (element (flow, "e3")), ==, "B");
}

static void
test_clean_mark (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);

  push_at (stack, wm_command_rename_element_new (1, "e2", "A"), T0);
  g_assert_false (wm_undo_stack_is_clean (stack));
  wm_undo_stack_set_clean (stack);
  g_assert_true (wm_undo_stack_is_clean (stack));

  wm_undo_stack_undo (stack);
  g_assert_false (wm_undo_stack_is_clean (stack));
  wm_undo_stack_redo (stack);
  g_assert_true (wm_undo_stack_is_clean (stack));

  /* An edit after the undo that passed the mark makes it unreachable. */
  wm_undo_stack_undo (stack);
  push_at (stack, wm_command_rename_element_new (1, "e3", "B"), T0);
  g_assert_false (wm_undo_stack_is_clean (stack));
  wm_undo_stack_undo (stack);
  g_assert_false (wm_undo_stack_is_clean (stack));
}

/* Saving between two keystrokes: the second is a new step, so undo gets
 * back to exactly the saved document, which is-clean then says. */
static void
test_no_merge_across_the_clean_mark (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *saved = NULL;

  push_at (stack, set_text ("e2", "H"), T0);
  wm_undo_stack_set_clean (stack);
  saved = canonical (flow);
  push_at (stack, set_text ("e2", "Hi"), T0 + KEYSTROKE);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_false (wm_undo_stack_is_clean (stack));

  wm_undo_stack_undo (stack);
  g_assert_true (wm_undo_stack_is_clean (stack));
  assert_document (flow, saved);

  /* Merging resumes past the mark. */
  wm_undo_stack_redo (stack);
  push_at (stack, set_text ("e2", "Hi!"), T0 + 2 * KEYSTROKE);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
}

static void
test_clean_mark_during_a_gesture (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);

  wm_undo_stack_begin_group (stack, NULL);
  g_assert_true (wm_undo_stack_is_clean (stack));
  push_at (stack, wm_command_move_element_new (1, "e2", 1, 1), T0);
  g_assert_false (wm_undo_stack_is_clean (stack));
  /* An autosave of the live preview: neither end nor cancel gets back to
   * what it saved. */
  wm_undo_stack_set_clean (stack);
  g_assert_false (wm_undo_stack_is_clean (stack));
  wm_undo_stack_cancel_group (stack);
  g_assert_false (wm_undo_stack_is_clean (stack));
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint is_clean;
  guint undo_description;
  guint redo_description;
} Notifications;

static void
stack_notified_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  Notifications *n = user_data;
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (name, "can-redo"))
    n->can_redo++;
  else if (g_str_equal (name, "is-clean"))
    n->is_clean++;
  else if (g_str_equal (name, "undo-description"))
    n->undo_description++;
  else if (g_str_equal (name, "redo-description"))
    n->redo_description++;
}

static void
test_notifications (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  Notifications n = { 0 };
  g_autofree char *description = NULL;
  gboolean can_undo;

  g_signal_connect (stack, "notify", G_CALLBACK (stack_notified_cb), &n);

  push_at (stack, wm_command_rename_element_new (1, "e2", "A"), T0);
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.is_clean, ==, 1);
  g_assert_cmpuint (n.undo_description, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 0);

  /* Still undoable, same description: nothing to say. */
  push_at (stack, wm_command_rename_element_new (1, "e2", "AB"), T0 + KEYSTROKE);
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_description, ==, 1);
  g_assert_cmpuint (n.is_clean, ==, 1);

  /* Another description. */
  push_at (stack, wm_command_move_element_new (1, "e2", 3, 3), T0);
  g_assert_cmpuint (n.undo_description, ==, 2);
  g_assert_cmpuint (n.can_undo, ==, 1);

  wm_undo_stack_undo (stack);
  g_assert_cmpuint (n.can_redo, ==, 1);
  g_assert_cmpuint (n.redo_description, ==, 1);
  g_assert_cmpuint (n.undo_description, ==, 3);
  g_assert_cmpuint (n.can_undo, ==, 1);

  wm_undo_stack_undo (stack);
  g_assert_cmpuint (n.can_undo, ==, 2);
  g_assert_cmpuint (n.is_clean, ==, 2);

  g_object_get (stack, "can-undo", &can_undo, "redo-description", &description, NULL);
  g_assert_false (can_undo);
  g_assert_cmpstr (description, ==, "Rename ‘Reminder SMS’");
  g_assert_null (wm_undo_stack_get_undo_description (stack));
}

static void
test_descriptions (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autoptr(WmElement) sms = wm_element_new ("n1", "send.sms");
  const char *ids[] = { "e5", "e6" };
  g_autoptr(JsonNode) variables = json_from_string ("[]", NULL);

  push_at (stack, wm_command_add_element_new (1, sms, 0), T0);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Add SMS");
  push_at (stack, wm_command_connect_new (1, "e8", "out", "n1"), T0);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Connect Wait a day to SMS");
  push_at (stack, wm_command_disconnect_new (1, "e1", "out"), T0);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==,
                   "Disconnect Cart abandoned from Reminder SMS");
  push_at (stack, wm_command_remove_elements_new (1, ids, 2), T0);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Delete 2 elements");
  push_at (stack, wm_command_set_variables_new (1, variables), T0);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Change variables");
  push_at (stack, wm_command_set_schedule_new (NULL), T0);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Change schedule");

  wm_undo_stack_undo (stack);
  g_assert_cmpstr (wm_undo_stack_get_redo_description (stack), ==, "Change schedule");
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Change variables");
}

static void
test_max_depth (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  const char *ids[] = { "e1", "e2", "e3", "e4", "e5" };
  g_autofree char *after_two = NULL;

  g_assert_cmpuint (wm_undo_stack_get_max_depth (stack), ==, 1000);
  wm_undo_stack_set_max_depth (stack, 3);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      push_at (stack, wm_command_rename_element_new (1, ids[i], "X"), T0);
      if (i == 1)
        after_two = canonical (flow);
    }
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 3);

  while (wm_undo_stack_undo (stack))
    ;
  /* The two oldest steps were dropped; the saved (loaded) state with them. */
  assert_document (flow, after_two);
  g_assert_false (wm_undo_stack_is_clean (stack));
  g_assert_cmpuint (wm_undo_stack_get_n_redo (stack), ==, 3);

  /* Lowering the depth drops the oldest steps at once. */
  while (wm_undo_stack_redo (stack))
    ;
  wm_undo_stack_set_max_depth (stack, 1);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpstr (wm_element_get_name (element (flow, "e5")), ==, "X");
}

static void
test_max_depth_keeps_a_later_clean_mark (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  const char *ids[] = { "e1", "e2", "e3", "e4" };

  wm_undo_stack_set_max_depth (stack, 2);
  push_at (stack, wm_command_rename_element_new (1, ids[0], "X"), T0);
  push_at (stack, wm_command_rename_element_new (1, ids[1], "X"), T0);
  wm_undo_stack_set_clean (stack);
  push_at (stack, wm_command_rename_element_new (1, ids[2], "X"), T0);
  /* Step 1 is dropped; the clean state (after step 2) is still one undo away. */
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
  wm_undo_stack_undo (stack);
  g_assert_true (wm_undo_stack_is_clean (stack));
}

static void
test_clear (void)
{
  g_autoptr(WmFlow) flow = load_all_types ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new (flow);
  g_autofree char *edited = NULL;

  push_at (stack, wm_command_rename_element_new (1, "e1", "X"), T0);
  push_at (stack, wm_command_rename_element_new (1, "e2", "X"), T0);
  wm_undo_stack_undo (stack);
  edited = canonical (flow);

  wm_undo_stack_clear (stack);
  g_assert_false (wm_undo_stack_can_undo (stack));
  g_assert_false (wm_undo_stack_can_redo (stack));
  g_assert_null (wm_undo_stack_get_undo_description (stack));
  g_assert_false (wm_undo_stack_is_clean (stack));
  assert_document (flow, edited);

  wm_undo_stack_set_clean (stack);
  wm_undo_stack_clear (stack);
  g_assert_true (wm_undo_stack_is_clean (stack));
}

static void
test_stack_releases_everything (void)
{
  WmFlow *flow = load_all_types ();
  WmUndoStack *stack = wm_undo_stack_new (flow);
  WmCommand *command = wm_command_rename_element_new (1, "e1", "X");

  g_object_add_weak_pointer (G_OBJECT (command), (gpointer *) &command);
  wm_undo_stack_push (stack, command);
  g_object_unref (command);
  g_assert_nonnull (command);
  g_assert_true (wm_undo_stack_get_flow (stack) == flow);

  g_assert_finalize_object (stack);
  g_assert_null (command);
  g_assert_finalize_object (flow);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/undo/push-undo-redo-restore-documents", test_push_undo_redo);
  g_test_add_func ("/core/undo/new-push-drops-redo", test_new_push_drops_redo);
  g_test_add_func ("/core/undo/refused-command-records-nothing", test_refused_command_records_nothing);
  g_test_add_func ("/core/undo/two-nudges-are-one-step", test_nudges_merge);
  g_test_add_func ("/core/undo/keystrokes-merge-within-a-second", test_keystrokes_merge_within_the_window);
  g_test_add_func ("/core/undo/other-fields-do-not-merge", test_other_fields_do_not_merge);
  g_test_add_func ("/core/undo/a-drag-is-one-step", test_drag_is_one_step);
  g_test_add_func ("/core/undo/a-group-is-a-merge-boundary", test_group_is_a_merge_boundary);
  g_test_add_func ("/core/undo/nested-groups-fold-and-empty-ones-vanish", test_nested_and_empty_groups);
  g_test_add_func ("/core/undo/cancel-group-reverts-the-preview", test_cancel_group);
  g_test_add_func ("/core/undo/clean-mark-follows-undo-and-redo", test_clean_mark);
  g_test_add_func ("/core/undo/no-merge-across-the-clean-mark", test_no_merge_across_the_clean_mark);
  g_test_add_func ("/core/undo/clean-mark-during-a-gesture", test_clean_mark_during_a_gesture);
  g_test_add_func ("/core/undo/properties-notify-on-change-only", test_notifications);
  g_test_add_func ("/core/undo/descriptions-name-the-step", test_descriptions);
  g_test_add_func ("/core/undo/max-depth-drops-the-oldest", test_max_depth);
  g_test_add_func ("/core/undo/max-depth-keeps-a-later-clean-mark", test_max_depth_keeps_a_later_clean_mark);
  g_test_add_func ("/core/undo/clear-forgets-history", test_clear);
  g_test_add_func ("/core/undo/stack-releases-everything", test_stack_releases_everything);

  return g_test_run ();
}
