/* wm-launch-dialog.c - the last look before a flow goes live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog edits the schedule of a copy of the flow and validates that
 * copy after every choice, so an end before the start shows as an error
 * here rather than as a refusal after Launch. The schedule is written to
 * the workspace only together with the launch, and put back when the
 * workspace refuses, so Keep as Draft and a refusal leave nothing behind.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-launch-dialog.h"
#include "wm-launch-estimate.h"
#include "wm-launch-summary.h"
#include "wm-status-badge.h"
#include "wm-time.h"
#include "wm-time-editors.h"
#include "wm-validate.h"

/* The end choices, in the order of the End row (entry.audience flows have
 * no END_NEVER: the audience-rules validation refuses it). */
typedef enum
{
  END_90_DAYS,
  END_AT,
  END_NEVER,
} EndChoice;

typedef struct
{
  GtkWidget *button;    /* a menu button showing the date */
  GtkWidget *calendar;
  GtkWidget *clock;     /* "HH:MM" */
} Picker;

struct _WmLaunchDialog
{
  AdwWindow            parent_instance;

  WmWorkspace         *workspace;
  WmFlow              *original;     /* as opened: restored after a refusal */
  WmFlow              *flow;         /* a copy, with the schedule chosen here */
  GPtrArray           *diagnostics;
  GPtrArray           *error_rows;
  GPtrArray           *channel_rows;
  guint                n_errors;
  gboolean             times_valid;
  gboolean             audience;
  gboolean             updating;
  Picker               start;
  Picker               end;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkLabel            *message_label;
  AdwPreferencesGroup *errors_group;
  AdwPreferencesGroup *summary_group;
  AdwActionRow        *entry_row;
  AdwActionRow        *reentry_row;
  AdwActionRow        *starts_row;
  AdwActionRow        *ends_row;
  AdwActionRow        *goal_row;
  AdwPreferencesGroup *channels_group;
  AdwActionRow        *cost_row;
  AdwPreferencesGroup *schedule_group;
  AdwComboRow         *start_row;
  AdwActionRow        *start_at_row;
  AdwComboRow         *end_row;
  AdwActionRow        *end_at_row;
  GtkWidget           *schedule_button;
  GtkWidget           *launch_button;
};

G_DEFINE_FINAL_TYPE (WmLaunchDialog, wm_launch_dialog, ADW_TYPE_WINDOW)

enum {
  LAUNCHED,
  DIAGNOSTIC_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (WmLaunchDialog *self);

static GTimeZone *
flow_zone (WmLaunchDialog *self)
{
  GTimeZone *tz = wm_zone_get (wm_flow_get_timezone (self->flow));

  /* An invalid zone is a validation error; times are read in UTC then. */
  return tz != NULL ? tz : wm_zone_get ("UTC");
}

static const char *
flow_zone_name (WmLaunchDialog *self)
{
  const char *zone = wm_flow_get_timezone (self->flow);

  return wm_zone_get (zone) != NULL ? zone : "UTC";
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
show_message (WmLaunchDialog *self,
              const char     *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* ---- date and time pickers --------------------------------------------- */

/* The picker's instant in the flow's zone; FALSE while the time is not
 * HH:MM. */
static gboolean
picker_get (WmLaunchDialog *self,
            Picker         *picker,
            gint64         *out)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (picker->calendar));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (picker->clock));
  int year, month, day, minute;

  if (!wm_clock_parse (text, &minute))
    return FALSE;
  g_date_time_get_ymd (date, &year, &month, &day);
  *out = wm_local_to_instant (flow_zone (self), year, month, day, minute);
  return TRUE;
}

static void
picker_set (WmLaunchDialog *self,
            Picker         *picker,
            gint64          t)
{
  g_autoptr(GDateTime) day = NULL;
  int year, month, mday, second;
  char clock[8];

  wm_instant_to_local (flow_zone (self), t, &year, &month, &mday, &second, NULL);
  day = g_date_time_new_utc (year, month, mday, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (picker->calendar), day);
  g_snprintf (clock, sizeof clock, "%02d:%02d", second / 3600, second / 60 % 60);
  gtk_editable_set_text (GTK_EDITABLE (picker->clock), clock);
}

static void
picker_changed_cb (WmLaunchDialog *self)
{
  if (!self->updating)
    refresh (self);
}

static void
picker_init (WmLaunchDialog *self,
             Picker         *picker,
             AdwActionRow   *row,
             const char     *date_label,
             const char     *time_label)
{
  GtkWidget *popover = gtk_popover_new ();

  picker->calendar = gtk_calendar_new ();
  picker->clock = wm_clock_entry_new ();
  picker->button = gtk_menu_button_new ();
  gtk_widget_set_valign (picker->button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (picker->clock, GTK_ALIGN_CENTER);
  gtk_popover_set_child (GTK_POPOVER (popover), picker->calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (picker->button), popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  date_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->clock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  time_label, -1);
  adw_action_row_add_suffix (row, picker->button);
  adw_action_row_add_suffix (row, picker->clock);
  adw_action_row_set_activatable_widget (row, picker->button);

  /* GTK 4.8 tells a new date by ::day-selected only when the day of the
   * month changes, so month and year changes count too. */
  g_signal_connect_object (picker->calendar, "day-selected", G_CALLBACK (picker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (picker->calendar, "notify::month", G_CALLBACK (picker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (picker->calendar, "notify::year", G_CALLBACK (picker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (picker->clock, "changed", G_CALLBACK (picker_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
picker_show (Picker  *picker,
             gboolean valid)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (picker->calendar));
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_menu_button_set_label (GTK_MENU_BUTTON (picker->button), text);
  if (valid)
    gtk_widget_remove_css_class (picker->clock, "error");
  else
    gtk_widget_add_css_class (picker->clock, "error");
}

/* ---- the schedule of the copy ------------------------------------------ */

static EndChoice
get_end_choice (WmLaunchDialog *self)
{
  return (EndChoice) adw_combo_row_get_selected (self->end_row);
}

/* Sets schedule @key on @schedule, or null when @value is NULL; a member
 * that was absent stays absent when it would be null (or false), so an
 * untouched schedule saves back as it was. */
static void
set_member (JsonObject *schedule,
            const char *key,
            JsonNode   *value)
{
  if (value != NULL)
    json_object_set_member (schedule, key, value);
  else if (json_object_has_member (schedule, key))
    json_object_set_null_member (schedule, key);
}

/* Writes the choices into the copy's schedule; FALSE while a time is not
 * HH:MM (the copy is then left as it was). */
static gboolean
apply_schedule (WmLaunchDialog *self)
{
  JsonObject *current = wm_flow_get_schedule (self->flow);
  g_autoptr(JsonObject) schedule = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  gboolean at_start = adw_combo_row_get_selected (self->start_row) == 1;
  EndChoice end_choice = get_end_choice (self);
  gboolean start_ok = TRUE, end_ok = TRUE;
  gint64 start = 0, end = 0;
  char buf[32];

  if (at_start)
    start_ok = picker_get (self, &self->start, &start);
  if (end_choice == END_AT)
    end_ok = picker_get (self, &self->end, &end);
  picker_show (&self->start, start_ok);
  picker_show (&self->end, end_ok);
  if (!start_ok || !end_ok)
    return FALSE;

  /* Keep the other members (x- keys) and their order. */
  if (current != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (current);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (schedule, l->data, json_node_copy (json_object_get_member (current, l->data)));
    }
  set_member (schedule, "start",
              at_start ? json_node_init_string (json_node_alloc (), wm_timestamp_format (start, buf)) : NULL);
  set_member (schedule, "end",
              end_choice == END_AT ? json_node_init_string (json_node_alloc (), wm_timestamp_format (end, buf)) : NULL);
  if (end_choice == END_NEVER)
    set_member (schedule, "indefinite", json_node_init_boolean (json_node_alloc (), TRUE));
  else if (json_object_has_member (schedule, "indefinite"))
    json_object_set_boolean_member (schedule, "indefinite", FALSE);

  if (current == NULL && json_object_get_size (schedule) == 0)
    return TRUE;
  node = json_node_init_object (json_node_alloc (), schedule);
  wm_flow_set_member (self->flow, "schedule", node);
  return TRUE;
}

/* ---- what is shown ------------------------------------------------------ */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
error_row_activated_cb (AdwActionRow   *row,
                        WmLaunchDialog *self)
{
  WmDiagnostic *diagnostic = g_object_get_data (G_OBJECT (row), "wm-diagnostic");

  g_object_ref (self);
  g_signal_emit (self, signals[DIAGNOSTIC_ACTIVATED], 0, diagnostic);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
show_errors (WmLaunchDialog *self,
             WmVersion      *version)
{
  guint number = wm_version_get_number (version);

  clear_rows (self->errors_group, self->error_rows);
  self->n_errors = 0;
  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      WmDiagnostic *d = g_ptr_array_index (self->diagnostics, i);
      WmElement *element;
      GtkWidget *row, *icon;

      if (d->severity != WM_SEVERITY_ERROR || (d->version != 0 && d->version != number))
        continue;
      self->n_errors++;
      element = d->element != NULL ? wm_version_find_element (version, d->element) : NULL;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->message);
      if (element != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), wm_element_get_display_name (element));
      else if (d->version == 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Flow"));
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Version settings"));
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "wm-diagnostic", wm_diagnostic_copy (d),
                              (GDestroyNotify) wm_diagnostic_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (error_row_activated_cb), self, 0);
      adw_preferences_group_add (self->errors_group, row);
      g_ptr_array_add (self->error_rows, row);
    }
}

static void
show_channels (WmLaunchDialog *self,
               WmVersion      *version)
{
  const char * const *channels = wm_catalogue_channels ();
  guint64 messages[WM_N_CHANNELS];
  g_autofree char *cost = NULL;
  WmParams params;

  clear_rows (self->channels_group, self->channel_rows);
  wm_launch_count_messages (version, messages);
  for (guint i = 0; i < WM_N_CHANNELS; i++)
    {
      g_autofree char *text = NULL;
      GtkWidget *row;

      if (messages[i] == 0)
        continue;
      text = wm_launch_describe_messages (messages[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wm_launch_channel_label (channels[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_preferences_group_add (self->channels_group, row);
      g_ptr_array_add (self->channel_rows, row);
    }
  if (self->channel_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No messages"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("This flow sends nothing to the people in it."));
      adw_preferences_group_add (self->channels_group, row);
      g_ptr_array_add (self->channel_rows, row);
    }
  /* The cost row goes last. */
  g_object_ref (self->cost_row);
  adw_preferences_group_remove (self->channels_group, GTK_WIDGET (self->cost_row));
  adw_preferences_group_add (self->channels_group, GTK_WIDGET (self->cost_row));
  g_object_unref (self->cost_row);

  wm_params_init_defaults (&params);
  cost = wm_launch_estimate_describe (wm_launch_estimate_cost (version, &params));
  adw_action_row_set_subtitle (self->cost_row, cost);
}

static void
show_summary (WmLaunchDialog *self,
              WmVersion      *version)
{
  g_autofree char *entry = wm_launch_describe_entry (version);
  g_autofree char *reentry = wm_launch_describe_reentry (version);
  g_autofree char *goal = wm_launch_describe_goal (version);
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  gint64 start = 0, end = 0;
  gboolean at_start = adw_combo_row_get_selected (self->start_row) == 1;
  EndChoice end_choice = get_end_choice (self);

  if (at_start)
    picker_get (self, &self->start, &start);
  if (end_choice == END_AT)
    picker_get (self, &self->end, &end);
  starts = wm_launch_describe_start (!at_start, start, flow_zone_name (self));
  ends = wm_launch_describe_end (end_choice == END_AT, end, end_choice == END_NEVER, flow_zone_name (self));

  adw_action_row_set_subtitle (self->entry_row, entry);
  /* The audience is read once, at the start: re-entry does not apply. */
  gtk_widget_set_visible (GTK_WIDGET (self->reentry_row), !self->audience);
  adw_action_row_set_subtitle (self->reentry_row, reentry);
  adw_action_row_set_subtitle (self->starts_row, starts);
  adw_action_row_set_subtitle (self->ends_row, ends);
  adw_action_row_set_subtitle (self->goal_row, goal);
  show_channels (self, version);
}

static void
refresh (WmLaunchDialog *self)
{
  WmVersion *version;
  gboolean at_start = adw_combo_row_get_selected (self->start_row) == 1;
  g_autofree char *zone_text = NULL;

  /* A dialog made without wm_launch_dialog_new (the template test) has
   * nothing to show. */
  if (self->flow == NULL)
    return;
  version = wm_flow_get_latest_version (self->flow);

  self->times_valid = apply_schedule (self);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  self->diagnostics = wm_validate_flow (self->flow, WM_LOOKUP (self->workspace));
  show_errors (self, version);

  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), self->n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), self->n_errors == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->channels_group), self->n_errors == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->start_at_row), at_start);
  gtk_widget_set_visible (GTK_WIDGET (self->end_at_row), get_end_choice (self) == END_AT);
  /* Translators: the description of the Schedule group, with a zone name */
  zone_text = g_strdup_printf (_("Times are in the flow’s time zone, %s."), flow_zone_name (self));
  adw_preferences_group_set_description (self->schedule_group, zone_text);
  if (self->n_errors == 0)
    show_summary (self, version);

  gtk_widget_set_sensitive (self->launch_button, self->n_errors == 0 && self->times_valid);
  gtk_widget_set_sensitive (self->schedule_button, self->n_errors == 0 && self->times_valid && at_start);
  /* The suggested action follows the start chosen. */
  if (at_start)
    {
      gtk_widget_remove_css_class (self->launch_button, "suggested-action");
      gtk_widget_add_css_class (self->schedule_button, "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->schedule_button, "suggested-action");
      gtk_widget_add_css_class (self->launch_button, "suggested-action");
    }
}

static void
schedule_changed_cb (WmLaunchDialog *self)
{
  if (self->updating)
    return;
  show_message (self, NULL);
  refresh (self);
}

/* ---- launching ---------------------------------------------------------- */

static char *
launched_message (WmLaunchDialog *self)
{
  g_autoptr(WmFlow) stored = wm_workspace_get_flow (self->workspace, wm_flow_get_id (self->flow), NULL);
  WmVersion *latest = stored != NULL ? wm_flow_get_latest_version (stored) : NULL;
  const char *name = wm_flow_get_name (self->flow) != NULL ? wm_flow_get_name (self->flow) : _("Untitled flow");
  JsonObject *schedule;
  gint64 start;

  if (latest == NULL)
    return g_strdup_printf (_("“%s” was launched"), name);
  schedule = wm_flow_get_schedule (stored);
  if (wm_version_get_status (latest) == WM_VERSION_SCHEDULED && schedule != NULL
      && json_object_has_member (schedule, "start")
      && JSON_NODE_HOLDS_VALUE (json_object_get_member (schedule, "start"))
      && wm_timestamp_parse (json_object_get_string_member (schedule, "start"), -1, &start))
    {
      g_autofree char *when = wm_launch_describe_start (FALSE, start, flow_zone_name (self));

      /* Translators: "“Cart” is scheduled. Start: On 2026-12-03 at 09:00 (Europe/Zagreb)" */
      return g_strdup_printf (_("“%s” is scheduled. Start: %s"), name, when);
    }
  {
    g_autofree char *status = g_utf8_strdown (wm_version_status_get_label (wm_version_get_status (latest)), -1);

    /* Translators: "“Cart” is now active (version 2)"; the status is lower-cased */
    return g_strdup_printf (_("“%s” is now %s (version %u)"), name, status, wm_version_get_number (latest));
  }
}

static gboolean
launch (WmLaunchDialog *self,
        gboolean        at_start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *id = wm_flow_get_id (self->flow);
  gint64 now = now_seconds ();
  gint64 start = 0;
  gboolean ok;

  /* Launch Now means now, whatever start was chosen. */
  if (!at_start && adw_combo_row_get_selected (self->start_row) != 0)
    adw_combo_row_set_selected (self->start_row, 0);
  refresh (self);

  if (!self->times_valid)
    {
      show_message (self, _("Type each time as hours and minutes, for example 09:30."));
      return FALSE;
    }
  if (self->n_errors > 0)
    {
      show_message (self, _("Fix the errors listed here first: choose one to go to it."));
      return FALSE;
    }
  if (at_start)
    {
      if (adw_combo_row_get_selected (self->start_row) != 1 || !picker_get (self, &self->start, &start))
        {
          show_message (self, _("Choose a start date and time to schedule the flow."));
          return FALSE;
        }
      if (start <= now)
        {
          show_message (self, _("The start time has already passed: choose a later one, or Launch Now."));
          return FALSE;
        }
    }

  if (!wm_workspace_save_flow_fields (self->workspace, self->flow, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  ok = at_start ? wm_workspace_launch_at (self->workspace, id, start, now, &error)
                : wm_workspace_launch (self->workspace, id, now, &error);
  if (!ok)
    {
      /* Put the schedule back as it was: nothing was launched. */
      wm_workspace_save_flow_fields (self->workspace, self->original, NULL);
      show_message (self, error->message);
      return FALSE;
    }

  message = launched_message (self);
  g_object_ref (self);
  g_signal_emit (self, signals[LAUNCHED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

gboolean
wm_launch_dialog_launch_now (WmLaunchDialog *self)
{
  g_return_val_if_fail (WM_IS_LAUNCH_DIALOG (self), FALSE);
  return launch (self, FALSE);
}

gboolean
wm_launch_dialog_schedule (WmLaunchDialog *self)
{
  g_return_val_if_fail (WM_IS_LAUNCH_DIALOG (self), FALSE);
  return launch (self, TRUE);
}

static void
launch_button_clicked_cb (WmLaunchDialog *self)
{
  wm_launch_dialog_launch_now (self);
}

static void
schedule_button_clicked_cb (WmLaunchDialog *self)
{
  wm_launch_dialog_schedule (self);
}

/* ---- public ------------------------------------------------------------- */

void
wm_launch_dialog_set_start (WmLaunchDialog *self,
                            gint64          start)
{
  g_return_if_fail (WM_IS_LAUNCH_DIALOG (self));

  self->updating = TRUE;
  picker_set (self, &self->start, start);
  adw_combo_row_set_selected (self->start_row, 1);
  self->updating = FALSE;
  refresh (self);
}

void
wm_launch_dialog_set_end (WmLaunchDialog *self,
                          gboolean        has_end,
                          gint64          end,
                          gboolean        indefinite)
{
  EndChoice choice = has_end ? END_AT : indefinite ? END_NEVER : END_90_DAYS;

  g_return_if_fail (WM_IS_LAUNCH_DIALOG (self));
  g_return_if_fail (!(choice == END_NEVER && self->audience));

  self->updating = TRUE;
  if (has_end)
    picker_set (self, &self->end, end);
  adw_combo_row_set_selected (self->end_row, choice);
  self->updating = FALSE;
  refresh (self);
}

guint
wm_launch_dialog_get_n_errors (WmLaunchDialog *self)
{
  g_return_val_if_fail (WM_IS_LAUNCH_DIALOG (self), 0);
  return self->n_errors;
}

const char *
wm_launch_dialog_get_message (WmLaunchDialog *self)
{
  g_return_val_if_fail (WM_IS_LAUNCH_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_text (self->message_label) : NULL;
}

static gboolean
schedule_time (WmFlow     *flow,
               const char *key,
               gint64     *out)
{
  JsonObject *schedule = wm_flow_get_schedule (flow);
  JsonNode *node = schedule != NULL ? json_object_get_member (schedule, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         && wm_timestamp_parse (json_node_get_string (node), -1, out);
}

GtkWidget *
wm_launch_dialog_new (GtkWindow   *parent,
                      WmWorkspace *workspace,
                      WmFlow      *flow)
{
  WmLaunchDialog *self;
  WmElement *entry;
  g_autoptr(GtkStringList) ends = NULL;
  JsonObject *schedule;
  JsonNode *indefinite;
  const char *name;
  gint64 now = now_seconds ();
  gint64 start, end;
  int year, month, day;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (WM_IS_FLOW (flow), NULL);

  self = g_object_new (WM_TYPE_LAUNCH_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->original = wm_flow_copy (flow);
  self->flow = wm_flow_copy (flow);
  entry = wm_version_get_entry (wm_flow_get_latest_version (self->flow));
  self->audience = entry != NULL && g_str_equal (wm_element_get_type_name (entry), "entry.audience");

  name = wm_flow_get_name (flow);
  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : "");

  ends = gtk_string_list_new (NULL);
  gtk_string_list_append (ends, _("90 days after launch"));
  gtk_string_list_append (ends, _("At a date and time"));
  if (!self->audience)
    gtk_string_list_append (ends, _("Never (runs indefinitely)"));

  self->updating = TRUE;
  adw_combo_row_set_model (self->end_row, G_LIST_MODEL (ends));

  /* What the flow's schedule says already; otherwise tomorrow at 09:00
   * and 90 days after that, in the flow's zone, as a starting point. */
  wm_instant_to_local (flow_zone (self), now + 24 * 3600, &year, &month, &day, NULL, NULL);
  start = wm_local_to_instant (flow_zone (self), year, month, day, 9 * 60);
  if (schedule_time (flow, "start", &start) && start > now)
    adw_combo_row_set_selected (self->start_row, 1);
  picker_set (self, &self->start, start);

  end = start + 90 * 24 * 3600;
  schedule = wm_flow_get_schedule (flow);
  indefinite = schedule != NULL ? json_object_get_member (schedule, "indefinite") : NULL;
  if (schedule_time (flow, "end", &end))
    adw_combo_row_set_selected (self->end_row, END_AT);
  else if (!self->audience && indefinite != NULL && JSON_NODE_HOLDS_VALUE (indefinite)
           && json_node_get_value_type (indefinite) == G_TYPE_BOOLEAN && json_node_get_boolean (indefinite))
    adw_combo_row_set_selected (self->end_row, END_NEVER);
  picker_set (self, &self->end, end);
  self->updating = FALSE;

  refresh (self);
  return GTK_WIDGET (self);
}

static void
wm_launch_dialog_dispose (GObject *object)
{
  WmLaunchDialog *self = WM_LAUNCH_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->original);
  g_clear_object (&self->flow);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_launch_dialog_parent_class)->dispose (object);
}

static void
wm_launch_dialog_finalize (GObject *object)
{
  WmLaunchDialog *self = WM_LAUNCH_DIALOG (object);

  g_ptr_array_unref (self->error_rows);
  g_ptr_array_unref (self->channel_rows);

  G_OBJECT_CLASS (wm_launch_dialog_parent_class)->finalize (object);
}

static void
wm_launch_dialog_class_init (WmLaunchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_launch_dialog_dispose;
  object_class->finalize = wm_launch_dialog_finalize;

  /**
   * WmLaunchDialog::launched:
   * @message: a sentence for a toast: the flow's new status
   *
   * The workspace launched or scheduled the flow.
   */
  signals[LAUNCHED] =
    g_signal_new ("launched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * WmLaunchDialog::diagnostic-activated:
   * @diagnostic: the error chosen
   *
   * The person chose an error to fix; the dialog closes after this.
   */
  signals[DIAGNOSTIC_ACTIVATED] =
    g_signal_new ("diagnostic-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_DIAGNOSTIC);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-launch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, entry_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, reentry_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, channels_group);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, start_at_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, end_at_row);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, schedule_button);
  gtk_widget_class_bind_template_child (widget_class, WmLaunchDialog, launch_button);
  gtk_widget_class_bind_template_callback (widget_class, schedule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, launch_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_launch_dialog_init (WmLaunchDialog *self)
{
  self->error_rows = g_ptr_array_new ();
  self->channel_rows = g_ptr_array_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  picker_init (self, &self->start, self->start_at_row, _("Start date"), _("Start time"));
  picker_init (self, &self->end, self->end_at_row, _("End date"), _("End time"));
  self->updating = FALSE;
}
