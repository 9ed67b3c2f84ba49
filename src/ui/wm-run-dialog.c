/* wm-run-dialog.c - running a simulation of the open flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program is compiled from the flow files the workspace holds, exactly
 * as the stored run will keep them (wm_run_program_new), so reopening the
 * run or simulating one of its customers again gives the same figures.
 * Everything that can be refused is checked before the run starts; the
 * run itself is stored only once it has finished, in one transaction, so
 * Cancel and every failure leave the workspace as it was.
 *
 * Journeys switched on take part as `waymark-cli simulate --journey` adds
 * them, from the journey files the workspace holds, which the stored run
 * keeps too; one with validation errors is listed like a flow's and
 * refuses the run. A dialog for a journey runs every flow its stages
 * group, each one's latest version tried alone as the flow dialog tries
 * the open flow, with the flows they reach.
 *
 * The parameters are remembered in GSettings (run-parameters, keyed by the
 * workspace's path) rather than in the workspace file: they are a
 * preference of the person running, not part of the flows, and a stored
 * run keeps its own copy anyway.
 */

#include "config.h"

#include <math.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-flow-io.h"
#include "wm-import.h"
#include "wm-journey-validate.h"
#include "wm-journeys.h"
#include "wm-params-table.h"
#include "wm-profile-check.h"
#include "wm-run-dialog.h"
#include "wm-run-flows.h"
#include "wm-run-journeys.h"
#include "wm-run-program.h"
#include "wm-runs.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"
#include "wm-validate.h"

#define SETTINGS_SCHEMA_ID "io.github.waymark.Waymark"

typedef struct
{
  GtkWidget *button;
  GtkWidget *calendar;
} DayPicker;

struct _WmRunDialog
{
  AdwWindow            parent_instance;

  WmWorkspace         *workspace;
  char                *flow_id;      /* the open flow, or NULL for a journey */
  guint                version;
  char                *journey_id;   /* the journey run, or NULL for a flow */
  GStrv                flow_ids;
  GHashTable          *tried;        /* flow id -> version simulated alone */
  char                *flows_problem; /* why there are no flows to run, or NULL */
  char                *profiles_path;
  GPtrArray           *error_rows;
  guint                n_errors;
  GPtrArray           *journey_error_rows;
  guint                n_journey_errors;
  GPtrArray           *failing_journeys; /* names of the journeys with errors */
  char                *message;
  DayPicker            start;
  DayPicker            end;

  /* The run in flight */
  GCancellable        *cancellable;
  WmSimProgram        *program;
  WmRun               *run;
  GPtrArray           *documents;    /* the flow files the program was made of */
  GPtrArray           *journey_documents; /* the journey files, NULL-terminated */
  gint64               started;      /* monotonic microseconds */
  gboolean             closed;
  GCancellable        *counting;     /* the CSV rows counted again, or NULL */
  gint64               run_id;
  guint                n_rejected;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkWidget           *close_button;
  GtkWidget           *run_button;
  GtkWidget           *cancel_button;
  GtkStack            *stack;
  GtkScrolledWindow   *setup_scroll;
  GtkLabel            *message_label;
  AdwPreferencesGroup *errors_group;
  AdwActionRow        *profiles_row;
  AdwActionRow        *start_row;
  AdwActionRow        *end_row;
  AdwEntryRow         *seed_row;
  AdwPreferencesGroup *flows_group;
  WmRunJourneys       *journeys_group;
  WmParamsTable       *params_table;
  GtkProgressBar      *progress_bar;
  GtkLabel            *progress_label;
  GtkLabel            *result_label;
  GtkLabel            *import_label;
  GtkListBox          *rejected_list;
};

G_DEFINE_FINAL_TYPE (WmRunDialog, wm_run_dialog, ADW_TYPE_WINDOW)

enum {
  RUN_STORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (WmRunDialog *self,
              const char  *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  /* The message is at the top; Run may have been pressed far below. */
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->setup_scroll), 0);
}

/* ---- the window: two days --------------------------------------------- */

static void
day_picker_show (DayPicker *picker)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (picker->calendar));
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_menu_button_set_label (GTK_MENU_BUTTON (picker->button), text);
}

static void
day_picker_changed_cb (WmRunDialog *self)
{
  day_picker_show (&self->start);
  day_picker_show (&self->end);
}

static void
day_picker_init (WmRunDialog  *self,
                 DayPicker    *picker,
                 AdwActionRow *row,
                 const char   *label)
{
  GtkWidget *popover = gtk_popover_new ();

  picker->calendar = gtk_calendar_new ();
  picker->button = gtk_menu_button_new ();
  gtk_widget_set_valign (picker->button, GTK_ALIGN_CENTER);
  gtk_popover_set_child (GTK_POPOVER (popover), picker->calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (picker->button), popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  adw_action_row_add_suffix (row, picker->button);
  adw_action_row_set_activatable_widget (row, picker->button);
  /* GTK 4.8 tells a new date by ::day-selected only when the day of the
   * month changes, so month and year changes count too. */
  g_signal_connect_object (picker->calendar, "day-selected", G_CALLBACK (day_picker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (picker->calendar, "notify::month", G_CALLBACK (day_picker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (picker->calendar, "notify::year", G_CALLBACK (day_picker_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
day_picker_set (DayPicker *picker,
                gint64     t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (utc), g_date_time_get_month (utc),
                                                  g_date_time_get_day_of_month (utc), 0, 0, 0);

  gtk_calendar_select_day (GTK_CALENDAR (picker->calendar), day);
  day_picker_show (picker);
}

/* 00:00 UTC of the picked day. */
static gint64
day_picker_get (DayPicker *picker)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (picker->calendar));
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_time_get_year (date), g_date_time_get_month (date),
                                                  g_date_time_get_day_of_month (date), 0, 0, 0);

  return g_date_time_to_unix (day);
}

void
wm_run_dialog_set_window (WmRunDialog *self,
                          gint64       start,
                          gint64       end)
{
  g_return_if_fail (WM_IS_RUN_DIALOG (self));

  day_picker_set (&self->start, start);
  day_picker_set (&self->end, end - 1);
}

gboolean
wm_run_dialog_get_window (WmRunDialog *self,
                          gint64      *start,
                          gint64      *end)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), FALSE);

  *start = day_picker_get (&self->start);
  *end = day_picker_get (&self->end) + 24 * 3600;
  return *start < *end;
}

/* The month before today: from the same day a month ago through today. */
static void
set_default_window (WmRunDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) today = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) month_ago = g_date_time_add_months (today, -1);

  wm_run_dialog_set_window (self, g_date_time_to_unix (month_ago), g_date_time_to_unix (today) + 24 * 3600);
}

void
wm_run_dialog_set_seed (WmRunDialog *self,
                        guint64      seed)
{
  g_autofree char *text = NULL;

  g_return_if_fail (WM_IS_RUN_DIALOG (self));

  text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), text);
}

/* ---- the profile file --------------------------------------------------- */

void
wm_run_dialog_set_profiles_path (WmRunDialog *self,
                                 const char  *path)
{
  g_return_if_fail (WM_IS_RUN_DIALOG (self));

  g_free (self->profiles_path);
  self->profiles_path = g_strdup (path);
  adw_action_row_set_subtitle (self->profiles_row, path != NULL ? path : _("None chosen"));
}

const char *
wm_run_dialog_get_profiles_path (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), NULL);
  return self->profiles_path;
}

static gboolean
is_csv (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv");
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     WmRunDialog     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          wm_run_dialog_set_profiles_path (self, path);
          show_message (self, NULL);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_clicked_cb (WmRunDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose Profiles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Profiles (JSON Lines or CSV)"));
  gtk_file_filter_add_suffix (filter, "jsonl");
  gtk_file_filter_add_suffix (filter, "ndjson");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (self->profiles_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->profiles_path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the parameters -------------------------------------------------------- */

gboolean
wm_run_dialog_set_parameter (WmRunDialog *self,
                             const char  *channel,
                             const char  *key,
                             const char  *text)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), FALSE);
  return wm_params_table_set_cell (self->params_table, channel, key, text);
}

char *
wm_run_dialog_get_parameters (WmRunDialog *self,
                              GError     **error)
{
  WmParams params;

  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), NULL);
  return wm_params_table_get_document (self->params_table, &params, error);
}

void
wm_run_dialog_reset_parameters (WmRunDialog *self)
{
  WmParams params;

  g_return_if_fail (WM_IS_RUN_DIALOG (self));

  wm_params_init_defaults (&params);
  wm_params_table_set_params (self->params_table, &params);
}

static void
reset_clicked_cb (WmRunDialog *self)
{
  wm_run_dialog_reset_parameters (self);
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL
    ? g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE) : NULL;

  /* Without the schema (an uninstalled tool) nothing is remembered. */
  if (schema == NULL || !g_settings_schema_has_key (schema, "run-parameters"))
    return NULL;
  return g_settings_new (SETTINGS_SCHEMA_ID);
}

/* The remembered parameters of this workspace over the defaults; the
 * defaults alone when there are none or they no longer load. */
static void
load_remembered (WmRunDialog *self)
{
  g_autoptr(GSettings) settings = open_settings ();
  g_autoptr(GVariant) map = settings != NULL ? g_settings_get_value (settings, "run-parameters") : NULL;
  const char *document = NULL;
  WmParams params;

  wm_params_init_defaults (&params);
  if (map != NULL && g_variant_lookup (map, wm_workspace_get_path (self->workspace), "&s", &document))
    {
      WmParams remembered = params;

      if (wm_params_load_data (&remembered, document, -1, NULL))
        params = remembered;
    }
  wm_params_table_set_params (self->params_table, &params);
}

static void
remember (WmRunDialog *self,
          const char  *document)
{
  g_autoptr(GSettings) settings = open_settings ();
  g_autoptr(GVariant) map = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  const char *path = wm_workspace_get_path (self->workspace);
  GVariantIter iter;
  const char *key, *value;

  if (settings == NULL)
    return;
  map = g_settings_get_value (settings, "run-parameters");
  g_variant_iter_init (&iter, map);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, path) != 0)
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", path, document);
  g_settings_set_value (settings, "run-parameters", g_variant_builder_end (&builder));
}

/* ---- the flows and their errors ---------------------------------------- */

static void
add_error_row (WmRunDialog  *self,
               WmFlow       *flow,
               WmDiagnostic *d)
{
  WmVersion *version = d->version != 0 ? wm_flow_get_version (flow, d->version) : NULL;
  WmElement *element = version != NULL && d->element != NULL ? wm_version_find_element (version, d->element) : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *subtitle = NULL;

  if (element != NULL)
    /* Translators: "Welcome message, version 2: Send SMS" */
    subtitle = g_strdup_printf (_("%s, version %u: %s"), wm_flow_get_name (flow), d->version,
                                wm_element_get_display_name (element));
  else if (d->version != 0)
    subtitle = g_strdup_printf (_("%s, version %u"), wm_flow_get_name (flow), d->version);
  else
    subtitle = g_strdup (wm_flow_get_name (flow));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->errors_group, row);
  g_ptr_array_add (self->error_rows, row);
  self->n_errors++;
}

/* A tried flow's version (the open flow's, or a journey's flows') blocks
 * on its own errors; a reached flow on those of the versions that were
 * launched (a draft of it takes no part). */
static gboolean
blocks (WmFlow       *flow,
        gboolean      open_flow,
        guint         version,
        WmDiagnostic *d)
{
  WmVersion *v;

  if (d->severity != WM_SEVERITY_ERROR)
    return FALSE;
  if (d->version == 0)
    return TRUE;
  if (open_flow)
    return d->version == version;
  v = wm_flow_get_version (flow, d->version);
  return v != NULL && wm_version_get_status (v) != WM_VERSION_DRAFT;
}

/* The rows of the run's flows and the errors that block them. */
static void
list_flow_rows (WmRunDialog *self)
{
  for (guint i = 0; self->flow_ids[i] != NULL; i++)
    {
      g_autoptr(WmFlow) flow = wm_workspace_get_flow (self->workspace, self->flow_ids[i], NULL);
      g_autoptr(GPtrArray) diagnostics = NULL;
      guint tried = GPOINTER_TO_UINT (g_hash_table_lookup (self->tried, self->flow_ids[i]));
      GtkWidget *row;

      if (flow == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wm_flow_get_name (flow));
      if (tried > 0)
        {
          g_autofree char *subtitle = g_strdup_printf (_("Version %u, simulated alone as if launched at the start"),
                                                       tried);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Reached by “Add to flow”: its launched versions take part"));
      adw_preferences_group_add (self->flows_group, row);

      diagnostics = wm_validate_flow (flow, WM_LOOKUP (self->workspace));
      for (guint d = 0; d < diagnostics->len; d++)
        if (blocks (flow, tried > 0, tried, diagnostics->pdata[d]))
          add_error_row (self, flow, diagnostics->pdata[d]);
    }
}

static void
update_errors_shown (WmRunDialog *self)
{
  guint n = self->n_errors + self->n_journey_errors;

  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), n > 0);
  gtk_widget_set_sensitive (self->run_button, n == 0 && self->flow_ids != NULL && self->flow_ids[0] != NULL);
}

static void
list_flows (WmRunDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->flow_ids, g_strfreev);
  g_hash_table_remove_all (self->tried);
  self->flow_ids = wm_workspace_collect_run_flows (self->workspace, self->flow_id, self->version, &error);
  if (self->flow_ids == NULL)
    {
      self->flows_problem = g_strdup (error->message);
      show_message (self, error->message);
      self->flow_ids = g_new0 (char *, 1);
      return;
    }
  g_hash_table_insert (self->tried, g_strdup (self->flow_id), GUINT_TO_POINTER (self->version));
  list_flow_rows (self);
  update_errors_shown (self);
}

/* The flows a journey's stages group (document order, each once), and
 * the flows they reach. */
static gboolean
collect_journey_flows (WmRunDialog *self,
                       WmJourney   *journey,
                       GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) grouped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *stages = wm_journey_get_stages (journey);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *stage = json_array_get_element (stages, i);
      JsonNode *member = JSON_NODE_HOLDS_OBJECT (stage)
                         ? json_object_get_member (json_node_get_object (stage), "flows") : NULL;
      JsonArray *flows = member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

      for (guint f = 0; flows != NULL && f < json_array_get_length (flows); f++)
        {
          JsonNode *node = json_array_get_element (flows, f);
          const char *id = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
          g_autoptr(WmFlow) flow = NULL;
          WmVersion *latest;

          if (id == NULL || g_hash_table_contains (self->tried, id))
            continue;
          flow = wm_workspace_get_flow (self->workspace, id, error);
          if (flow == NULL)
            return FALSE;
          latest = wm_flow_get_latest_version (flow);
          g_hash_table_insert (self->tried, g_strdup (id),
                               GUINT_TO_POINTER (latest != NULL ? wm_version_get_number (latest) : 1));
          g_ptr_array_add (grouped, g_strdup (id));
        }
    }
  if (grouped->len == 0)
    {
      g_set_error_literal (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                           _("The journey groups no flow, so there is nothing to simulate. Add flows to "
                             "its stages first."));
      return FALSE;
    }
  for (guint i = 0; i < grouped->len; i++)
    {
      const char *id = grouped->pdata[i];
      guint version = GPOINTER_TO_UINT (g_hash_table_lookup (self->tried, id));
      g_auto(GStrv) reached = wm_workspace_collect_run_flows (self->workspace, id, version, error);

      if (reached == NULL)
        return FALSE;
      for (guint r = 0; reached[r] != NULL; r++)
        if (g_hash_table_add (seen, reached[r]))
          g_strv_builder_add (builder, reached[r]);
    }
  g_clear_pointer (&self->flow_ids, g_strfreev);
  self->flow_ids = g_strv_builder_end (builder);
  return TRUE;
}

static void
list_journey_flows (WmRunDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) journey = wm_workspace_get_journey (self->workspace, self->journey_id, &error);

  g_hash_table_remove_all (self->tried);
  if (journey == NULL || !collect_journey_flows (self, journey, &error))
    {
      self->flows_problem = g_strdup (error->message);
      show_message (self, error->message);
      g_clear_pointer (&self->flow_ids, g_strfreev);
      self->flow_ids = g_new0 (char *, 1);
      gtk_widget_set_sensitive (self->run_button, FALSE);
      return;
    }
  list_flow_rows (self);
  update_errors_shown (self);
}

/* ---- the journeys and their errors --------------------------------------- */

/* @stages (may be NULL) names the stage of @d's element. */
static void
add_journey_error_row (WmRunDialog  *self,
                       const char   *journey_name,
                       JsonArray    *stages,
                       WmDiagnostic *d)
{
  const char *stage_name = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  for (guint i = 0; d->element != NULL && stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);
      JsonObject *stage = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (stage != NULL && g_strcmp0 (json_object_get_string_member_with_default (stage, "id", NULL),
                                      d->element) == 0)
        {
          stage_name = json_object_get_string_member_with_default (stage, "name", NULL);
          if (stage_name == NULL || *stage_name == '\0')
            stage_name = d->element;
          break;
        }
    }
  if (stage_name != NULL)
    /* Translators: a journey's error: "New customer onboarding, stage: Welcomed" */
    subtitle = g_strdup_printf (_("%s, stage: %s"), journey_name, stage_name);
  else
    subtitle = g_strdup (journey_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->errors_group, row);
  g_ptr_array_add (self->journey_error_rows, row);
  self->n_journey_errors++;
}

/* The errors of the journeys switched on, checked as the journey editor
 * does (flows the workspace lacks included); listed again on every switch. */
static void
check_journeys (WmRunDialog *self)
{
  const char * const *ids = wm_run_journeys_get_ids (self->journeys_group);

  for (guint i = 0; i < self->journey_error_rows->len; i++)
    adw_preferences_group_remove (self->errors_group, self->journey_error_rows->pdata[i]);
  g_ptr_array_set_size (self->journey_error_rows, 0);
  self->n_journey_errors = 0;
  g_ptr_array_set_size (self->failing_journeys, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmJourney) journey = wm_workspace_get_journey (self->workspace, ids[i], &error);
      g_autoptr(GPtrArray) diagnostics = NULL;
      const char *name = wm_run_journeys_get_name (self->journeys_group, ids[i]);
      guint before = self->n_journey_errors;

      if (journey == NULL)
        {
          WmDiagnostic d = { 0 };

          /* Stored but unreadable: named like a validation error. */
          d.severity = WM_SEVERITY_ERROR;
          d.message = error->message;
          add_journey_error_row (self, name != NULL ? name : ids[i], NULL, &d);
          g_ptr_array_add (self->failing_journeys, g_strdup (name != NULL ? name : ids[i]));
          continue;
        }
      diagnostics = wm_validate_journey (journey, WM_LOOKUP (self->workspace), TRUE);
      for (guint d = 0; d < diagnostics->len; d++)
        {
          WmDiagnostic *diagnostic = diagnostics->pdata[d];

          if (diagnostic->severity == WM_SEVERITY_ERROR)
            add_journey_error_row (self, name != NULL ? name : ids[i], wm_journey_get_stages (journey),
                                   diagnostic);
        }
      if (self->n_journey_errors > before)
        g_ptr_array_add (self->failing_journeys, g_strdup (name != NULL ? name : ids[i]));
    }
  update_errors_shown (self);
}

static void
journeys_changed_cb (WmRunDialog *self)
{
  show_message (self, self->flows_problem);
  check_journeys (self);
}

static void
load_journeys (WmRunDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!wm_run_journeys_load (self->journeys_group, self->workspace, (const char * const *) self->flow_ids,
                             &error))
    show_message (self, error->message);
  if (self->journey_id != NULL)
    {
      const char * const *on = wm_run_journeys_get_ids (self->journeys_group);

      /* The journey of the dialog is on even when it groups no flow. */
      if (!g_strv_contains (on, self->journey_id))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) ids = NULL;

          g_strv_builder_addv (builder, (const char **) on);
          g_strv_builder_add (builder, self->journey_id);
          ids = g_strv_builder_end (builder);
          wm_run_journeys_set_ids (self->journeys_group, (const char * const *) ids);
        }
    }
  check_journeys (self);
  g_signal_connect_object (self->journeys_group, "changed", G_CALLBACK (journeys_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
wm_run_dialog_set_journeys (WmRunDialog        *self,
                            const char * const *journey_ids)
{
  g_return_if_fail (WM_IS_RUN_DIALOG (self));
  wm_run_journeys_set_ids (self->journeys_group, journey_ids);
}

const char * const *
wm_run_dialog_get_journey_ids (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), NULL);
  return wm_run_journeys_get_ids (self->journeys_group);
}

const char * const *
wm_run_dialog_get_flow_ids (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), NULL);
  return (const char * const *) self->flow_ids;
}

guint
wm_run_dialog_get_n_errors (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), 0);
  return self->n_errors + self->n_journey_errors;
}

const char *
wm_run_dialog_get_message (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), NULL);
  return self->message;
}

/* ---- running ------------------------------------------------------------ */

static void
set_running (WmRunDialog *self,
             gboolean     running)
{
  gtk_widget_set_visible (self->run_button, !running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  gtk_widget_set_visible (self->close_button, !running);
  if (running)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_text (self->progress_label, _("Reading the profiles…"));
      gtk_stack_set_visible_child_name (self->stack, "progress");
    }
}

static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static void
progress_cb (const WmSimProgress *progress,
             gpointer             user_data)
{
  WmRunDialog *self = user_data;
  g_autofree char *done = format_count (progress->profiles);
  g_autofree char *rate = format_count (progress->seconds > 0
                                        ? (guint64) (progress->profiles / progress->seconds) : 0);
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;

  if (self->closed)
    return;
  if (progress->eta_seconds < 0)
    left = g_strdup (_("time left unknown"));
  else if (progress->eta_seconds < 1)
    left = g_strdup (_("almost done"));
  else
    {
      g_autofree char *words = wm_duration_describe ((gint64) (progress->eta_seconds + 0.5));

      /* Translators: "about 2 minutes 5 seconds left" */
      left = g_strdup_printf (_("about %s left"), words);
    }
  /* Translators: "1,200 profiles done · 350 profiles a second · about 3 seconds left" */
  text = g_strdup_printf (_("%s profiles done · %s profiles a second · %s"), done, rate, left);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress->fraction, 0.0, 1.0));
  gtk_label_set_text (self->progress_label, text);
}

static void
clear_run (WmRunDialog *self)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->program, wm_sim_program_free);
  g_clear_pointer (&self->run, wm_run_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->journey_documents, g_ptr_array_unref);
}

/* Whether the workspace still holds the flow files the run simulated
 * (another window or program may have saved one meanwhile): the stored
 * run keeps the files as they are now, so they must be the same. */
static gboolean
flows_unchanged (WmRunDialog *self)
{
  for (guint i = 0; self->flow_ids[i] != NULL; i++)
    {
      g_autoptr(WmFlow) flow = wm_workspace_get_flow (self->workspace, self->flow_ids[i], NULL);
      g_autofree char *now = flow != NULL ? wm_flow_to_canonical (flow, NULL) : NULL;

      if (g_strcmp0 (now, self->documents->pdata[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The same for the journeys' files. */
static gboolean
journeys_unchanged (WmRunDialog *self)
{
  for (guint i = 0; i < self->run->journeys->len; i++)
    {
      WmRunJourney *journey = self->run->journeys->pdata[i];
      g_autofree char *now = wm_workspace_export_journey (self->workspace, journey->journey_id, NULL, NULL);

      if (g_strcmp0 (now, self->journey_documents->pdata[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

/* ---- a CSV file's import report ------------------------------------------ */

/* With more rejected rows than the run lists, the reasons of all of them
 * come from reading the file again as `waymark-cli import` does, in a
 * thread, into a temporary file that is removed at once. */
typedef struct
{
  char            *path;
  WmImportSummary  summary;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autofree char *out = NULL;
  GError *error = NULL;
  int fd = g_file_open_tmp ("waymark-import-XXXXXX.jsonl", &out, &error);

  if (fd < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  close (fd);
  if (wm_import_csv (job->path, out, NULL, &job->summary, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_unlink (out);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(WmRunDialog) self = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = NULL, *valid = NULL, *invalid = NULL;

  g_clear_object (&self->counting);
  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      if (!self->closed && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The import report could not be made: %s"), error->message);

          gtk_label_set_text (self->import_label, message);
        }
      return;
    }
  if (self->closed)
    return;
  total = format_count (job->summary.total);
  valid = format_count (job->summary.valid);
  invalid = format_count (job->summary.invalid);
  g_string_append_printf (text, _("Import report: %s rows, %s valid, %s invalid."), total, valid, invalid);
  g_string_append_printf (text, "\n%s", _("Reasons:"));
  for (guint r = 0; r < WM_CSV_N_REASONS; r++)
    if (job->summary.reasons[r] > 0)
      {
        g_autofree char *count = format_count (job->summary.reasons[r]);

        g_string_append_printf (text, "\n%s: %s", wm_csv_reason_to_string (r), count);
      }
  gtk_label_set_text (self->import_label, text->str);
}

static void
count_csv_rows (WmRunDialog *self,
                const char  *path)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  job->path = g_strdup (path);
  self->counting = g_cancellable_new ();
  task = g_task_new (NULL, self->counting, import_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_in_thread);
}

gboolean
wm_run_dialog_is_counting (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), FALSE);
  return self->counting != NULL;
}

/* The rejected lines, and for a CSV file its rows as an import report
 * (total, valid, invalid and the reasons of the rejections listed). */
static void
show_rejections (WmRunDialog *self,
                 WmSimResult *result)
{
  g_autofree char *valid = format_count (result->profiles);
  g_autofree char *invalid = format_count (result->rejected_lines);
  g_autofree char *total = format_count (result->profiles + result->rejected_lines);
  g_autofree char *headline = NULL;
  g_autoptr(GString) import = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rejected_list))) != NULL)
    gtk_list_box_remove (self->rejected_list, child);
  self->n_rejected = 0;

  {
    /* Translators: "12 profile lines were rejected" */
    g_autofree char *rejected = g_strdup_printf (ngettext ("%s profile line was rejected",
                                                           "%s profile lines were rejected",
                                                           (gulong) MIN (result->rejected_lines, G_MAXULONG)),
                                                 invalid);
    /* Translators: "1,988 profiles were simulated" */
    g_autofree char *simulated = g_strdup_printf (ngettext ("%s profile was simulated",
                                                            "%s profiles were simulated",
                                                            (gulong) MIN (result->profiles, G_MAXULONG)),
                                                  valid);

    /* Translators: "The run is stored. 12 profile lines were rejected; 1,988 profiles were simulated." */
    headline = g_strdup_printf (_("The run is stored. %s; %s."), rejected, simulated);
  }
  gtk_label_set_text (self->result_label, headline);

  if (is_csv (self->run->profiles_path))
    {
      g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GList) keys = NULL;

      g_string_append_printf (import, _("Import report: %s rows, %s valid, %s invalid."), total, valid, invalid);
      for (guint i = 0; i < result->rejections->len; i++)
        {
          WmSimRejection *r = &g_array_index (result->rejections, WmSimRejection, i);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (reasons, r->reason));

          g_hash_table_insert (reasons, r->reason, GUINT_TO_POINTER (n + 1));
        }
      keys = g_list_sort (g_hash_table_get_keys (reasons), (GCompareFunc) g_strcmp0);
      if (result->rejected_lines > result->rejections->len)
        {
          g_string_append_printf (import, "\n%s", _("Counting the reasons of every row…"));
          count_csv_rows (self, self->run->profiles_path);
        }
      else
        {
          if (keys != NULL)
            g_string_append_printf (import, "\n%s", _("Reasons:"));
          for (GList *l = keys; l != NULL; l = l->next)
            g_string_append_printf (import, "\n%s: %u", (const char *) l->data,
                                    GPOINTER_TO_UINT (g_hash_table_lookup (reasons, l->data)));
        }
    }
  if (result->rejected_lines > result->rejections->len)
    {
      g_autofree char *more = format_count (result->rejected_lines - result->rejections->len);

      if (import->len > 0)
        g_string_append_c (import, '\n');
      /* Translators: "The first 100 are listed; 250 more were rejected." */
      g_string_append_printf (import, _("The first %u are listed; %s more were rejected."),
                              result->rejections->len, more);
    }
  gtk_label_set_text (self->import_label, import->str);
  gtk_widget_set_visible (GTK_WIDGET (self->import_label), import->len > 0);

  for (guint i = 0; i < result->rejections->len; i++)
    {
      WmSimRejection *r = &g_array_index (result->rejections, WmSimRejection, i);
      /* The number as text: xgettext cannot read a message built with
       * G_GUINT64_FORMAT. */
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, r->line);
      g_autofree char *line = g_strdup_printf (_("Line %s"), number);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->reason);
      gtk_list_box_append (self->rejected_list, row);
      self->n_rejected++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_list), self->n_rejected > 0);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(WmRunDialog) self = user_data;
  g_autoptr(WmSimResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  result = wm_simulation_run_finish (res, &error);
  if (self->closed)
    {
      clear_run (self);
      return;
    }
  set_running (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "setup");
  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (error, WM_SIM_ERROR, WM_SIM_ERROR_CANCELLED))
        show_message (self, _("The run was cancelled; nothing was stored."));
      else
        {
          g_autofree char *message = g_strdup_printf (_("The simulation failed: %s. Nothing was stored."),
                                                      error->message);

          show_message (self, message);
        }
      clear_run (self);
      return;
    }
  if (result->profiles == 0 && result->rejected_lines > 0)
    {
      g_autofree char *file = g_filename_display_name (self->run->profiles_path);
      WmSimRejection *first = &g_array_index (result->rejections, WmSimRejection, 0);
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, first->line);
      /* Translators: "No line of “x.jsonl” is a profile (line 1: bad JSON…)" */
      g_autofree char *message =
        g_strdup_printf (_("No line of “%s” is a profile (line %s: %s). Choose a JSON Lines "
                           "or CSV profile file; nothing was stored."), file, line, first->reason);

      show_message (self, message);
      clear_run (self);
      return;
    }

  if (!flows_unchanged (self))
    {
      show_message (self, _("A flow of the run was changed while it ran, so its figures would not match the "
                            "flows stored with it. Nothing was stored; run it again."));
      clear_run (self);
      return;
    }
  if (!journeys_unchanged (self))
    {
      show_message (self, _("A journey of the run was changed while it ran, so its figures would not match "
                            "the journeys stored with it. Nothing was stored; run it again."));
      clear_run (self);
      return;
    }
  self->run->report = wm_sim_report_to_text (result->report);
  self->run->duration_ms = (g_get_monotonic_time () - self->started) / 1000;
  if (self->journey_id != NULL)
    {
      /* Named after the journey rather than its first flow. */
      const char *journey_name = wm_run_journeys_get_name (self->journeys_group, self->journey_id);

      self->run->ran_at = g_get_real_time () / G_USEC_PER_SEC;
      self->run->name = wm_run_default_name (journey_name != NULL ? journey_name : self->journey_id,
                                             self->run->ran_at, NULL);
    }
  id = wm_workspace_add_run (self->workspace, self->run, &error);
  if (id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The run could not be stored: %s"), error->message);

      show_message (self, message);
      clear_run (self);
      return;
    }
  self->run_id = id;
  show_message (self, NULL);
  show_rejections (self, result);
  clear_run (self);
  g_signal_emit (self, signals[RUN_STORED], 0, id);
  if (self->n_rejected == 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    {
      /* The inputs are behind; a second run starts from a new dialog. */
      gtk_widget_set_visible (self->run_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "result");
    }
}

/* Compiles the run's program from the flow files as the workspace holds
 * them, and notes the flows the stored run keeps. */
static gboolean
prepare (WmRunDialog *self,
         const char  *params,
         gint64       start,
         gint64       end,
         guint64      seed,
         GError     **error)
{
  guint n = g_strv_length (self->flow_ids);
  g_autofree WmRunProgramFlow *flows = g_new0 (WmRunProgramFlow, MAX (n, 1));
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_free);
  const char * const *journey_ids = wm_run_journeys_get_ids (self->journeys_group);
  g_autoptr(GPtrArray) ordered = NULL;

  self->documents = documents;
  self->journey_documents = g_ptr_array_new_with_free_func (g_free);
  self->run = wm_run_new ();
  self->run->profiles_path = g_strdup (self->profiles_path);
  self->run->start = start;
  self->run->end = end;
  self->run->seed = seed;
  self->run->params = g_strdup (params);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmFlow) flow = wm_workspace_get_flow (self->workspace, self->flow_ids[i], error);
      guint tried = GPOINTER_TO_UINT (g_hash_table_lookup (self->tried, self->flow_ids[i]));
      WmVersion *latest;

      if (flow == NULL)
        return FALSE;
      latest = wm_flow_get_latest_version (flow);
      g_ptr_array_add (documents, wm_flow_to_canonical (flow, NULL));
      flows[i].document = documents->pdata[i];
      flows[i].tried = tried;
      wm_run_add_flow (self->run, self->flow_ids[i],
                       tried > 0 ? tried : (latest != NULL ? wm_version_get_number (latest) : 1),
                       tried > 0);
    }
  /* The journey files as the workspace holds them: the stored run takes
   * the same text when it is added. The journey simulated from its editor
   * comes first, so the run's results open on it; the simulator itself
   * orders journeys by id. */
  ordered = g_ptr_array_new ();
  if (self->journey_id != NULL && g_strv_contains (journey_ids, self->journey_id))
    g_ptr_array_add (ordered, self->journey_id);
  for (guint i = 0; journey_ids[i] != NULL; i++)
    if (g_strcmp0 (journey_ids[i], self->journey_id) != 0)
      g_ptr_array_add (ordered, (gpointer) journey_ids[i]);
  for (guint i = 0; i < ordered->len; i++)
    {
      const char *journey_id = ordered->pdata[i];
      char *document = wm_workspace_export_journey (self->workspace, journey_id, NULL, error);

      if (document == NULL)
        return FALSE;
      g_ptr_array_add (self->journey_documents, document);
      wm_run_add_journey (self->run, journey_id);
    }
  g_ptr_array_add (self->journey_documents, NULL);
  /* Before the run: a file changed while it runs counts as changed. */
  if (!wm_run_stat_profiles (self->run, error))
    return FALSE;
  self->program = wm_run_program_new (flows, n, params, start, end, seed,
                                     (const char * const *) self->journey_documents->pdata, error);
  return self->program != NULL;
}

gboolean
wm_run_dialog_run (WmRunDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *params = NULL;
  g_autofree char *seed_text = NULL;
  WmSimOptions options = { 0 };
  WmParams parsed;
  gint64 start, end;
  guint64 seed;

  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), FALSE);

  if (self->cancellable != NULL)
    return FALSE;
  show_message (self, NULL);
  if (self->n_errors > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("A flow of the run has %u error; fix it first.",
                                   "The flows of the run have %u errors; fix them first.", self->n_errors),
                         self->n_errors);

      show_message (self, message);
      return FALSE;
    }
  if (self->failing_journeys->len == 1)
    {
      /* Translators: "“Onboarding” has 2 errors; fix them or switch the journey off." */
      g_autofree char *message =
        g_strdup_printf (ngettext ("“%s” has %u error; fix it or switch the journey off.",
                                   "“%s” has %u errors; fix them or switch the journey off.",
                                   self->n_journey_errors),
                         (const char *) self->failing_journeys->pdata[0], self->n_journey_errors);

      show_message (self, message);
      return FALSE;
    }
  if (self->failing_journeys->len > 1)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%u journey of the run has errors; fix it or switch it off.",
                                   "%u journeys of the run have errors; fix them or switch them off.",
                                   self->failing_journeys->len),
                         self->failing_journeys->len);

      show_message (self, message);
      return FALSE;
    }
  if (self->flow_ids[0] == NULL)
    {
      show_message (self, self->flows_problem != NULL ? self->flows_problem
                                                      : _("The run has no flow to simulate."));
      return FALSE;
    }
  if (self->profiles_path == NULL || *self->profiles_path == '\0')
    {
      show_message (self, _("Choose the profile file to simulate (JSON Lines or CSV)."));
      return FALSE;
    }
  if (!wm_profiles_check_file (self->profiles_path, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  if (!wm_run_dialog_get_window (self, &start, &end))
    {
      show_message (self, _("The window ends before it starts: choose an end day on or after the start day."));
      return FALSE;
    }
  seed_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->seed_row))));
  if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("Seed: “%s” is not a whole number from 0 to 18446744073709551615."), seed_text);

      show_message (self, message);
      return FALSE;
    }
  params = wm_params_table_get_document (self->params_table, &parsed, &error);
  if (params == NULL)
    {
      show_message (self, error->message);
      return FALSE;
    }
  if (!prepare (self, params, start, end, seed, &error))
    {
      show_message (self, error->message);
      clear_run (self);
      return FALSE;
    }
  remember (self, params);

  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
  options.profiles_path = self->profiles_path;
  /* One core stays with the interface, and the run yields its other one
   * when the interface wants it: bench-run-frames measured frames 47 ms
   * apart at the 95th percentile at nice 0, 21 ms at nice 10. */
  options.threads = MAX (1, (int) g_get_num_processors () - 1);
  options.nice = 10;
  options.progress = progress_cb;
  options.progress_data = self;
  set_running (self, TRUE);
  wm_simulation_run_async (self->program, &options, self->cancellable, run_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
wm_run_dialog_is_running (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
wm_run_dialog_cancel (WmRunDialog *self)
{
  g_return_if_fail (WM_IS_RUN_DIALOG (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_label_set_text (self->progress_label, _("Cancelling…"));
      gtk_widget_set_sensitive (self->cancel_button, FALSE);
    }
}

gint64
wm_run_dialog_get_run_id (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), 0);
  return self->run_id;
}

guint
wm_run_dialog_get_n_rejected (WmRunDialog *self)
{
  g_return_val_if_fail (WM_IS_RUN_DIALOG (self), 0);
  return self->n_rejected;
}

static void
run_clicked_cb (WmRunDialog *self)
{
  wm_run_dialog_run (self);
}

static void
cancel_clicked_cb (WmRunDialog *self)
{
  wm_run_dialog_cancel (self);
}

static void
close_clicked_cb (WmRunDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
open_report_clicked_cb (WmRunDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL && self->run_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-run", "x", self->run_id);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- the window ----------------------------------------------------------- */

static gboolean
wm_run_dialog_close_request (GtkWindow *window)
{
  WmRunDialog *self = WM_RUN_DIALOG (window);

  /* Closing stops a run; its callback then only lets go. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  self->closed = TRUE;
  return GTK_WINDOW_CLASS (wm_run_dialog_parent_class)->close_request (window);
}

static void
wm_run_dialog_dispose (GObject *object)
{
  WmRunDialog *self = WM_RUN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_RUN_DIALOG);
  G_OBJECT_CLASS (wm_run_dialog_parent_class)->dispose (object);
}

static void
wm_run_dialog_finalize (GObject *object)
{
  WmRunDialog *self = WM_RUN_DIALOG (object);

  clear_run (self);
  g_clear_object (&self->workspace);
  g_free (self->flow_id);
  g_free (self->journey_id);
  g_free (self->flows_problem);
  g_strfreev (self->flow_ids);
  g_hash_table_unref (self->tried);
  g_free (self->profiles_path);
  g_free (self->message);
  g_ptr_array_unref (self->error_rows);
  g_ptr_array_unref (self->journey_error_rows);
  g_ptr_array_unref (self->failing_journeys);
  G_OBJECT_CLASS (wm_run_dialog_parent_class)->finalize (object);
}

static void
wm_run_dialog_class_init (WmRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (WM_TYPE_PARAMS_TABLE);
  g_type_ensure (WM_TYPE_RUN_JOURNEYS);

  object_class->dispose = wm_run_dialog_dispose;
  object_class->finalize = wm_run_dialog_finalize;
  window_class->close_request = wm_run_dialog_close_request;

  /**
   * WmRunDialog::run-stored:
   * @id: the stored run's id
   *
   * A run finished and is stored in the workspace.
   */
  signals[RUN_STORED] =
    g_signal_new ("run-stored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, setup_scroll);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, profiles_row);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, seed_row);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, flows_group);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, journeys_group);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, params_table);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, import_label);
  gtk_widget_class_bind_template_child (widget_class, WmRunDialog, rejected_list);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_report_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_run_dialog_init (WmRunDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->error_rows = g_ptr_array_new ();
  self->journey_error_rows = g_ptr_array_new ();
  self->failing_journeys = g_ptr_array_new_with_free_func (g_free);
  self->tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  day_picker_init (self, &self->start, self->start_row, _("Start day"));
  day_picker_init (self, &self->end, self->end_row, _("End day"));
  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), "1");
  set_default_window (self);
}

/* What both dialogs start with: the workspace, its sample profiles and
 * the remembered parameters. */
static WmRunDialog *
dialog_new (GtkWindow   *parent,
            WmWorkspace *workspace)
{
  WmRunDialog *self = g_object_new (WM_TYPE_RUN_DIALOG, "transient-for", parent, NULL);
  g_autofree char *sample_path = NULL;

  self->workspace = g_object_ref (workspace);
  sample_path = wm_workspace_get_sample_profiles_path (workspace);
  wm_run_dialog_set_profiles_path (self, g_file_test (sample_path, G_FILE_TEST_IS_REGULAR) ? sample_path : NULL);
  load_remembered (self);
  return self;
}

GtkWidget *
wm_run_dialog_new (GtkWindow   *parent,
                   WmWorkspace *workspace,
                   const char  *flow_id,
                   guint        version)
{
  WmRunDialog *self;
  g_autoptr(WmFlow) flow = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (flow_id != NULL, NULL);

  self = dialog_new (parent, workspace);
  self->flow_id = g_strdup (flow_id);
  self->version = version;
  flow = wm_workspace_get_flow (workspace, flow_id, NULL);
  if (flow != NULL)
    adw_window_title_set_subtitle (self->window_title, wm_flow_get_name (flow));
  list_flows (self);
  load_journeys (self);
  return GTK_WIDGET (self);
}

GtkWidget *
wm_run_dialog_new_for_journey (GtkWindow   *parent,
                               WmWorkspace *workspace,
                               const char  *journey_id)
{
  WmRunDialog *self;
  g_autoptr(WmJourney) journey = NULL;

  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (journey_id != NULL, NULL);

  self = dialog_new (parent, workspace);
  self->journey_id = g_strdup (journey_id);
  journey = wm_workspace_get_journey (workspace, journey_id, NULL);
  if (journey != NULL)
    adw_window_title_set_subtitle (self->window_title, wm_journey_get_name (journey) != NULL
                                                       ? wm_journey_get_name (journey) : journey_id);
  adw_preferences_group_set_description (self->flows_group,
                                         _("The flows the journey’s stages group, each one’s latest version "
                                           "tried alone, and every flow their “Add to flow” elements reach."));
  list_journey_flows (self);
  load_journeys (self);
  return GTK_WIDGET (self);
}
