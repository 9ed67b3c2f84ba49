/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journey editor on a real workspace file (the sample's onboarding
 * journey), in the window as the app shows it: opening, Add Stage with
 * undo and redo, an edit typed in the stage editor saved without a pause
 * and on closing (read back from the file), and a problem row that
 * selects its stage and focuses the field.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-journey-commands.h"
#include "wm-journey-editor.h"
#include "wm-journey-properties.h"
#include "wm-run-dialog.h"
#include "wm-stage-editor.h"
#include "wm-ui-types.h"
#include "wm-window.h"
#include "ui-harness.h"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *workspace;
  WmWindow    *window;
} Fixture;

/* The app's window on the fixture's workspace. */
static WmWindow *
make_window (Fixture *f)
{
  WmWindow *window = g_object_new (WM_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  wm_flows_page_set_workspace (wm_window_get_flows_page (window), f->workspace);
  wm_journeys_page_set_workspace (wm_window_get_journeys_page (window), f->workspace);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  return window;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->workspace = temp_workspace_new ("waymark-journey-editor-XXXXXX", TRUE, &f->dir, &f->path);
  f->window = make_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  temp_workspace_remove (&f->workspace, &f->dir, &f->path);
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static WmStageEditor *
stage_editor_of (WmJourneyEditor *editor)
{
  return WM_STAGE_EDITOR (find_widget (GTK_WIDGET (editor), is_type,
                                       GSIZE_TO_POINTER (WM_TYPE_STAGE_EDITOR)));
}

static gboolean
is_board (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "WmJourneyBoard");
}

/* What the Delete key does while the board has the focus: the shortcut
 * of the board's box, run as GTK runs it on a key press. */
static gboolean
press_delete_on_board (WmJourneyEditor *editor)
{
  GtkWidget *box = gtk_widget_get_parent (find_widget (GTK_WIDGET (editor), is_board, NULL));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (box);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Delete
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, box, NULL);
        }
    }
  return FALSE;
}

static guint
n_stages (WmJourney *journey)
{
  return json_array_get_length (wm_journey_get_stages (journey));
}

/* The journey as the workspace file holds it, read by another connection. */
static WmJourney *
stored_journey (Fixture    *f,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) other = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  WmJourney *journey;

  g_assert_no_error (error);
  journey = wm_workspace_get_journey (other, id, &error);
  g_assert_no_error (error);
  return journey;
}

static const char *
stage_name (WmJourney  *journey,
            const char *id)
{
  JsonArray *stages = wm_journey_get_stages (journey);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);

      if (g_str_equal (json_object_get_string_member (stage, "id"), id))
        return json_object_get_string_member (stage, "name");
    }
  return NULL;
}

static void
test_open_add_undo_redo (Fixture       *f,
                         gconstpointer  data)
{
  WmJourneyEditor *editor = wm_window_get_journey_editor (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  WmJourney *journey;

  /* A journey that is not there: refused, the list stays. */
  g_assert_false (wm_window_open_journey (f->window, "nope", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (wm_window_open_journey (f->window, "onboarding", &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (editor)));
  journey = wm_journey_editor_get_journey (editor);
  g_assert_cmpstr (wm_journey_get_id (journey), ==, "onboarding");
  g_assert_cmpuint (n_stages (journey), ==, 4);
  g_assert_null (wm_journey_editor_get_selected_stage (editor));
  /* The sample journey is valid. */
  g_assert_cmpuint (wm_journey_editor_get_n_errors (editor), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.undo", NULL)
                  && wm_undo_stack_can_redo (wm_journey_editor_get_undo_stack (editor)));

  /* Add Stage: appended, selected, shown at the side. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.add-stage", NULL));
  g_assert_cmpuint (n_stages (journey), ==, 5);
  g_assert_nonnull (wm_journey_editor_get_selected_stage (editor));
  added = g_strdup (wm_journey_editor_get_selected_stage (editor));
  g_assert_cmpstr (stage_name (journey, added), ==, "New stage");
  g_assert_cmpstr (wm_stage_editor_get_stage (stage_editor_of (editor)), ==, added);
  save_shot (GTK_WIDGET (f->window), "jpage-journey-editor.png");

  /* Undo takes it away (and the selection with it); redo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.undo", NULL));
  spin (20);
  g_assert_cmpuint (n_stages (journey), ==, 4);
  g_assert_null (stage_name (journey, added));
  g_assert_null (wm_journey_editor_get_selected_stage (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.redo", NULL));
  spin (20);
  g_assert_cmpuint (n_stages (journey), ==, 5);
  g_assert_cmpstr (stage_name (journey, added), ==, "New stage");

  /* Delete Stage and Duplicate Stage act on the selection. */
  wm_journey_editor_select_stage (editor, "loyal");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.duplicate-stage", NULL));
  g_assert_cmpuint (n_stages (journey), ==, 6);
  g_assert_cmpstr (stage_name (journey, wm_journey_editor_get_selected_stage (editor)), ==, "Loyal (copy)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.delete-stage", NULL));
  g_assert_cmpuint (n_stages (journey), ==, 5);
  g_assert_null (wm_journey_editor_get_selected_stage (editor));

  /* The Delete key on the board deletes the selected stage (and only on
   * the board: the stage editor's fields take it for text). */
  wm_journey_editor_select_stage (editor, "loyal");
  g_assert_true (press_delete_on_board (editor));
  g_assert_cmpuint (n_stages (journey), ==, 4);
  g_assert_null (stage_name (journey, "loyal"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.undo", NULL));
  g_assert_cmpuint (n_stages (journey), ==, 5);

  /* Back saves and shows the journeys again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.back", NULL));
  spin (50);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journeys_page (f->window))));
  g_assert_null (wm_journey_editor_get_journey (editor));
  {
    g_autoptr(WmJourney) stored = stored_journey (f, "onboarding");

    g_assert_cmpuint (n_stages (stored), ==, 5);
    g_assert_cmpstr (stage_name (stored, added), ==, "New stage");
  }
}

static void
test_typed_edit_is_saved (Fixture       *f,
                          gconstpointer  data)
{
  WmJourneyEditor *editor = wm_window_get_journey_editor (f->window);
  g_autoptr(GError) error = NULL;
  GtkWidget *name;

  g_assert_true (wm_window_open_journey (f->window, "onboarding", &error));
  g_assert_no_error (error);
  wm_journey_editor_select_stage (editor, "welcomed");
  spin (20);
  name = wm_stage_editor_get_field (stage_editor_of (editor), "name");
  g_assert_true (GTK_IS_EDITABLE (name));

  /* Saved within the save delay, without closing anything. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Welcomed aboard");
  g_assert_false (wm_journey_editor_is_saved (editor));
  spin (WM_EDITOR_SAVE_DELAY_MS + 300);
  g_assert_true (wm_journey_editor_is_saved (editor));
  {
    g_autoptr(WmJourney) stored = stored_journey (f, "onboarding");

    g_assert_cmpstr (stage_name (stored, "welcomed"), ==, "Welcomed aboard");
  }

  /* Typed and Back at once: not lost, and the editor shows it again. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Welcomed again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.back", NULL));
  {
    g_autoptr(WmJourney) stored = stored_journey (f, "onboarding");

    g_assert_cmpstr (stage_name (stored, "welcomed"), ==, "Welcomed again");
  }
  g_assert_true (wm_window_open_journey (f->window, "onboarding", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_name (wm_journey_editor_get_journey (editor), "welcomed"), ==, "Welcomed again");

  /* Typed and the window closed at once: not lost either. */
  wm_journey_editor_select_stage (editor, "welcomed");
  spin (20);
  name = wm_stage_editor_get_field (stage_editor_of (editor), "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Welcomed at last");
  g_assert_false (wm_journey_editor_is_saved (editor));
  g_object_ref (f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  {
    g_autoptr(WmJourney) stored = stored_journey (f, "onboarding");

    g_assert_cmpstr (stage_name (stored, "welcomed"), ==, "Welcomed at last");
  }
  /* And a new window opens it as it was left. */
  f->window = make_window (f);
  editor = wm_window_get_journey_editor (f->window);
  g_assert_true (wm_window_open_journey (f->window, "onboarding", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_name (wm_journey_editor_get_journey (editor), "welcomed"), ==, "Welcomed at last");
}

static void
test_problem_selects_its_stage (Fixture       *f,
                                gconstpointer  data)
{
  WmJourneyEditor *editor = wm_window_get_journey_editor (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCommand) command = NULL;
  const WmDiagnostic *problem = NULL;
  GtkWidget *focus, *field;
  guint index = G_MAXUINT;

  g_assert_true (wm_window_open_journey (f->window, "onboarding", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_journey_editor_get_n_errors (editor), ==, 0);

  /* A broken entry condition on First purchase: listed once validated. */
  command = wm_journey_command_set_stage_entry_new ("first-purchase", "profile.(");
  g_assert_true (wm_undo_stack_push (wm_journey_editor_get_undo_stack (editor), command));
  g_assert_cmpuint (wm_journey_editor_get_n_errors (editor), ==, 0);
  spin (WM_EDITOR_VALIDATE_DELAY_MS + 200);
  g_assert_cmpuint (wm_journey_editor_get_n_errors (editor), ==, 1);
  for (guint i = 0; i < wm_journey_editor_get_n_problems (editor); i++)
    if (wm_journey_editor_get_problem (editor, i)->severity == WM_SEVERITY_ERROR)
      {
        index = i;
        problem = wm_journey_editor_get_problem (editor, i);
        break;
      }
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpstr (problem->element, ==, "first-purchase");
  g_assert_cmpstr (problem->field, ==, "entry");

  gtk_widget_activate_action (GTK_WIDGET (editor), "journey.problems", NULL);
  wm_journey_editor_activate_problem (editor, index);
  spin (50);
  g_assert_cmpstr (wm_journey_editor_get_selected_stage (editor), ==, "first-purchase");
  g_assert_cmpstr (wm_stage_editor_get_stage (stage_editor_of (editor)), ==, "first-purchase");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  field = wm_stage_editor_get_field (stage_editor_of (editor), "entry");
  g_assert_nonnull (focus);
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));
  save_shot (GTK_WIDGET (f->window), "jpage-journey-editor-problem.png");

  /* The stored journey got the edit too: it may have errors. */
  g_assert_true (wm_journey_editor_save_now (editor));
}

/* A change the store refuses (a stage grouping a flow the workspace does
 * not have) is not dropped: Back and the lists keep the journey open,
 * the window asks a second close; undoing the change lets it go. */
static void
test_refused_save_keeps_the_journey_open (Fixture       *f,
                                          gconstpointer  data)
{
  WmJourneyEditor *editor = wm_window_get_journey_editor (f->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCommand) command = NULL;

  g_assert_true (wm_window_open_journey (f->window, "onboarding", &error));
  g_assert_no_error (error);
  command = wm_journey_command_group_flow_new ("loyal", "no-such-flow");
  g_assert_true (wm_undo_stack_push (wm_journey_editor_get_undo_stack (editor), command));
  g_assert_false (wm_journey_editor_save_now (editor));
  g_assert_false (wm_journey_editor_is_saved (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.back", NULL));
  spin (20);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (editor)));
  g_assert_nonnull (wm_journey_editor_get_journey (editor));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-page", g_variant_new_string ("flows"));
  spin (20);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (editor)));
  /* The first close is refused while the journey is not saved. */
  gtk_window_close (GTK_WINDOW (f->window));
  spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_nonnull (wm_journey_editor_get_journey (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.back", NULL));
  spin (20);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (wm_window_get_journeys_page (f->window))));
  g_assert_true (wm_journey_editor_is_saved (editor));
}

static void
test_simulate_opens_the_journey_run_dialog (Fixture       *f,
                                            gconstpointer  data)
{
  WmJourneyEditor *editor = wm_window_get_journey_editor (f->window);
  g_autoptr(GError) error = NULL;
  WmRunDialog *dialog = NULL;
  const char * const *ids;
  GList *toplevels;

  g_assert_true (wm_window_open_journey (f->window, "onboarding", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "journey.simulate", NULL));
  spin (100);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (WM_IS_RUN_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  /* The journey is switched on, with the flows its stages group. */
  ids = wm_run_dialog_get_journey_ids (dialog);
  g_assert_nonnull (ids);
  g_assert_cmpstr (ids[0], ==, "onboarding");
  g_assert_null (ids[1]);
  g_assert_cmpuint (g_strv_length ((char **) wm_run_dialog_get_flow_ids (dialog)), >=, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add ("/ui/journey-editor/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("open-add-stage-undo-redo-back", test_open_add_undo_redo);
  ADD ("a-typed-edit-is-saved-and-survives-closing", test_typed_edit_is_saved);
  ADD ("a-problem-selects-its-stage-and-field", test_problem_selects_its_stage);
  ADD ("a-refused-save-keeps-the-journey-open", test_refused_save_keeps_the_journey_open);
  ADD ("simulate-opens-the-journey-run-dialog", test_simulate_opens_the_journey_run_dialog);
#undef ADD

  return g_test_run ();
}
