/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "wm-flow-io.h"
#include "wm-flow-settings.h"
#include "wm-time-editors.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"

typedef struct
{
  WmFlow         *flow;
  WmUndoStack    *undo;
  WmFlowSettings *settings;
  char           *before;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->flow = wm_flow_load_from_file (ALL_TYPES, &error);
  g_assert_no_error (error);
  f->undo = wm_undo_stack_new (f->flow);
  f->settings = wm_flow_settings_new (NULL, f->flow, 1, f->undo);
  g_object_ref (f->settings);
  f->before = wm_flow_to_canonical (f->flow, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->settings));
  g_assert_finalize_object (f->settings);
  g_assert_finalize_object (f->undo);
  g_assert_finalize_object (f->flow);
  g_free (f->before);
}

/* One step was pushed, and undoing it gives the file back byte for byte. */
static void
assert_one_step_undoes (Fixture *f)
{
  g_autofree char *undone = NULL;

  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);
  g_assert_true (wm_undo_stack_undo (f->undo));
  undone = wm_flow_to_canonical (f->flow, NULL);
  g_assert_cmpstr (undone, ==, f->before);
}

static JsonObject *
setting (Fixture    *f,
         const char *key)
{
  JsonObject *settings = wm_version_get_settings (wm_flow_get_version (f->flow, 1));
  JsonNode *node = json_object_get_member (settings, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static GtkWidget *
part (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = wm_flow_settings_get_part (f->settings, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->settings));
  gboolean found = FALSE;

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->settings)));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_str_equal (trigger, "Escape") && g_str_equal (action, "action(window.close)"))
            found = TRUE;
        }
    }
  g_assert_true (found);

  gtk_window_present (GTK_WINDOW (f->settings));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->settings)));
  gtk_widget_activate_action (GTK_WIDGET (f->settings), "window.close", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->settings)));
}

static void
test_reentry_switch_is_one_command (Fixture       *f,
                                    gconstpointer  data)
{
  GtkSwitch *reentry = GTK_SWITCH (part (f, "reentry"));

  g_assert_true (gtk_switch_get_active (reentry));
  gtk_switch_set_active (reentry, FALSE);
  g_assert_false (json_object_get_boolean_member (setting (f, "reentry"), "enabled"));
  /* The other members of reentry are kept. */
  g_assert_cmpstr (json_object_get_string_member (setting (f, "reentry"), "delay"), ==, "1h");
  assert_one_step_undoes (f);
  g_assert_true (gtk_switch_get_active (reentry));
}

static void
test_delay_is_one_command (Fixture       *f,
                           gconstpointer  data)
{
  WmDurationEditor *delay = WM_DURATION_EDITOR (part (f, "delay"));
  g_autofree char *shown = wm_duration_editor_get_text (delay);

  g_assert_cmpstr (shown, ==, "1h");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (wm_duration_editor_get_spin (delay)), 3);
  g_assert_cmpstr (json_object_get_string_member (setting (f, "reentry"), "delay"), ==, "3h");
  assert_one_step_undoes (f);
}

static void
test_adding_a_limit_is_one_command (Fixture       *f,
                                    gconstpointer  data)
{
  JsonArray *limits;

  g_signal_emit_by_name (part (f, "limits"), "clicked");
  limits = json_object_get_array_member (setting (f, "reentry"), "limits");
  g_assert_cmpuint (json_array_get_length (limits), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (limits, 1), "count"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (limits, 1), "period"), ==, "7d");
  assert_one_step_undoes (f);
}

static void
test_goal_event_typing_is_one_step (Fixture       *f,
                                    gconstpointer  data)
{
  GtkEditable *event = GTK_EDITABLE (part (f, "goal-event"));
  const char *keys[] = { "N", "o", "w", "!", "?" };

  g_assert_cmpstr (gtk_editable_get_text (event), ==, "PurchaseFinished");
  gtk_editable_set_position (event, -1);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int position = gtk_editable_get_position (event);

      gtk_editable_insert_text (event, keys[i], 1, &position);
      gtk_editable_set_position (event, position);
    }
  g_assert_cmpstr (json_object_get_string_member (setting (f, "goal"), "event"), ==, "PurchaseFinishedNow!?");
  assert_one_step_undoes (f);
  g_assert_cmpstr (gtk_editable_get_text (event), ==, "PurchaseFinished");
}

static void
test_goal_off_and_undo (Fixture       *f,
                        gconstpointer  data)
{
  AdwExpanderRow *goal = ADW_EXPANDER_ROW (part (f, "goal"));

  g_assert_true (adw_expander_row_get_enable_expansion (goal));
  adw_expander_row_set_enable_expansion (goal, FALSE);
  g_assert_null (setting (f, "goal"));
  assert_one_step_undoes (f);
  g_assert_true (adw_expander_row_get_enable_expansion (goal));
}

static void
test_variables_are_checked_where_they_are (Fixture       *f,
                                           gconstpointer  data)
{
  JsonArray *variables;
  GtkWidget *name;
  GtkWidget *initial;

  g_signal_emit_by_name (part (f, "variables"), "clicked");
  variables = json_object_get_array_member (wm_version_get_settings (wm_flow_get_version (f->flow, 1)),
                                            "variables");
  g_assert_cmpuint (json_array_get_length (variables), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (variables, 2), "name"),
                   ==, "variable3");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);

  /* The first variable, "amount", a number. A name that starts with a
   * digit is marked on its row. */
  name = wm_flow_settings_get_part (f->settings, "name");
  g_assert_nonnull (name);
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  gtk_editable_set_text (GTK_EDITABLE (name), "1amount");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  gtk_editable_set_text (GTK_EDITABLE (name), "amount");
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  /* Text is not a number: marked, and not stored. */
  initial = wm_flow_settings_get_part (f->settings, "initial");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (initial)), ==, "0");
  gtk_editable_set_text (GTK_EDITABLE (initial), "lots");
  g_assert_true (gtk_widget_has_css_class (initial, "error"));
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  variables = json_object_get_array_member (wm_version_get_settings (wm_flow_get_version (f->flow, 1)),
                                            "variables");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (variables, 0), "initial"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (initial), "2.5");
  g_assert_false (gtk_widget_has_css_class (initial, "error"));
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (variables = json_object_get_array_member (wm_version_get_settings (wm_flow_get_version (f->flow, 1)), "variables"), 0), "initial"), ==, 2.5);

  /* All of it undoes back to the file. */
  while (wm_undo_stack_undo (f->undo))
    ;
  {
    g_autofree char *undone = wm_flow_to_canonical (f->flow, NULL);

    g_assert_cmpstr (undone, ==, f->before);
  }
}

static void
test_time_zone_is_one_command (Fixture       *f,
                               gconstpointer  data)
{
  GtkDropDown *zones = GTK_DROP_DOWN (part (f, "timezone"));
  GListModel *model = gtk_drop_down_get_model (zones);
  guint new_york = GTK_INVALID_LIST_POSITION;

  g_assert_true (gtk_drop_down_get_enable_search (zones));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (zones)), ==, "Europe/Zagreb");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), "America/New_York"))
        new_york = i;
    }
  g_assert_cmpuint (new_york, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (zones, new_york);
  g_assert_cmpstr (wm_flow_get_timezone (f->flow), ==, "America/New_York");
  assert_one_step_undoes (f);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (zones)), ==, "Europe/Zagreb");
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_schedule_in_the_flow_zone (Fixture       *f,
                                gconstpointer  data)
{
  AdwActionRow *start_row = ADW_ACTION_ROW (gtk_widget_get_ancestor (part (f, "start"), ADW_TYPE_ACTION_ROW));
  AdwActionRow *end_row = ADW_ACTION_ROW (gtk_widget_get_ancestor (part (f, "end"), ADW_TYPE_ACTION_ROW));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (part (f, "start"))));
  GtkWidget *calendar = find_type (popover, GTK_TYPE_CALENDAR);
  GtkWidget *time_entry = find_type (popover, GTK_TYPE_ENTRY);
  g_autoptr (GDateTime) june = g_date_time_new_utc (2026, 6, 1, 0, 0, 0);
  JsonObject *schedule;

  /* 2026-12-31T23:00:00Z is midnight of New Year in Zagreb (CET, +1). */
  g_assert_cmpstr (adw_action_row_get_subtitle (end_row), ==, "1 January 2027, 00:00");
  g_assert_cmpstr (adw_action_row_get_subtitle (start_row), ==, "At launch");

  /* 1 June 2026 at midnight in Zagreb (CEST, +2) is 31 May 22:00 UTC. */
  gtk_calendar_select_day (GTK_CALENDAR (calendar), june);
  schedule = wm_flow_get_schedule (f->flow);
  g_assert_cmpstr (json_object_get_string_member (schedule, "start"), ==, "2026-05-31T22:00:00Z");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (time_entry), "10:30");
  schedule = wm_flow_get_schedule (f->flow);
  g_assert_cmpstr (json_object_get_string_member (schedule, "start"), ==, "2026-06-01T08:30:00Z");
  g_assert_cmpstr (adw_action_row_get_subtitle (start_row), ==, "1 June 2026, 10:30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (end_row), "error"));

  /* A start after the end marks the end. */
  {
    g_autoptr (GDateTime) later = g_date_time_new_utc (2027, 3, 1, 0, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (calendar), later);
  }
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (end_row), "error"));

  /* Run indefinitely. */
  gtk_switch_set_active (GTK_SWITCH (part (f, "indefinite")), TRUE);
  g_assert_true (json_object_get_boolean_member (wm_flow_get_schedule (f->flow), "indefinite"));

  while (wm_undo_stack_undo (f->undo))
    ;
  {
    g_autofree char *undone = wm_flow_to_canonical (f->flow, NULL);

    g_assert_cmpstr (undone, ==, f->before);
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (start_row), ==, "At launch");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (end_row), "error"));
}

int
main (int   argc,
      char *argv[])
{
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/flow-settings/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("is-modal-and-escape-closes", test_escape_closes);
  ADD ("reentry-switch-is-one-command", test_reentry_switch_is_one_command);
  ADD ("delay-is-one-command", test_delay_is_one_command);
  ADD ("adding-a-limit-is-one-command", test_adding_a_limit_is_one_command);
  ADD ("goal-event-typing-is-one-step", test_goal_event_typing_is_one_step);
  ADD ("goal-off-removes-it-and-undo-restores", test_goal_off_and_undo);
  ADD ("variables-are-checked-where-they-are", test_variables_are_checked_where_they_are);
  ADD ("time-zone-is-one-command", test_time_zone_is_one_command);
  ADD ("schedule-is-in-the-flow-zone", test_schedule_in_the_flow_zone);
#undef ADD

  return g_test_run ();
}
