/* wm-runs-list.c - the stored runs of one flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are rebuilt from the store on every change: a run list is short,
 * and reading it again is what tells "the flow changed since" after an
 * edit. Rename and delete go through small message dialogs so that a
 * slip of the pointer in a popover cannot lose a run.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-runs.h"
#include "wm-runs-list.h"

typedef struct
{
  gint64  id;
  char   *name;
  char   *title;
  char   *subtitle;
} Entry;

struct _WmRunsList
{
  GtkWidget    parent_instance;

  WmWorkspace *workspace;
  char        *flow_id;
  GArray      *entries;   /* Entry, in the order shown */
  gulong       changed_id;

  /* Template children */
  GtkLabel    *message_label;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (WmRunsList, wm_runs_list, GTK_TYPE_WIDGET)

enum {
  RUN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_clear (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->title);
  g_free (entry->subtitle);
}

GtkWidget *
wm_runs_list_new (void)
{
  return g_object_new (WM_TYPE_RUNS_LIST, NULL);
}

static void
show_message (WmRunsList *self,
              const char *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static const Entry *
find_entry (WmRunsList *self,
            gint64      id)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).id == id)
      return &g_array_index (self->entries, Entry, i);
  return NULL;
}

/* ---- rename and delete --------------------------------------------------- */

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WmRunsList       *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "wm-run-id");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || self->workspace == NULL || *name == '\0')
    return;
  if (!wm_workspace_rename_run (self->workspace, id, name, &error))
    show_message (self, error->message);
  else
    show_message (self, NULL);
}

static void
rename_entry_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "rename"))
    adw_message_dialog_response (dialog, "rename");
}

static GtkWindow *
parent_window (WmRunsList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
wm_runs_list_rename (WmRunsList *self,
                     gint64      id)
{
  const Entry *entry;
  GtkWidget *dialog, *name;
  gint64 *key;

  g_return_val_if_fail (WM_IS_RUNS_LIST (self), NULL);

  entry = find_entry (self, id);
  if (entry == NULL)
    return NULL;
  dialog = adw_message_dialog_new (parent_window (self), _("Rename Run"), NULL);
  name = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (name), entry->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  key = g_new (gint64, 1);
  *key = id;
  g_object_set_data_full (G_OBJECT (dialog), "wm-run-id", key, g_free);
  g_signal_connect (name, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect (name, "activate", G_CALLBACK (rename_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WmRunsList       *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "wm-run-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->workspace == NULL)
    return;
  if (!wm_workspace_delete_run (self->workspace, id, &error))
    show_message (self, error->message);
  else
    show_message (self, NULL);
}

GtkWidget *
wm_runs_list_delete (WmRunsList *self,
                     gint64      id)
{
  const Entry *entry;
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  gint64 *key;

  g_return_val_if_fail (WM_IS_RUNS_LIST (self), NULL);

  entry = find_entry (self, id);
  if (entry == NULL)
    return NULL;
  body = g_strdup_printf (_("“%s” and its report are deleted from the workspace. This cannot be undone."),
                          entry->name);
  dialog = adw_message_dialog_new (parent_window (self), _("Delete Run?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  key = g_new (gint64, 1);
  *key = id;
  g_object_set_data_full (G_OBJECT (dialog), "wm-run-id", key, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
rename_clicked_cb (GtkButton  *button,
                   WmRunsList *self)
{
  wm_runs_list_rename (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "wm-run-id"));
}

static void
delete_clicked_cb (GtkButton  *button,
                   WmRunsList *self)
{
  wm_runs_list_delete (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "wm-run-id"));
}

/* ---- rows ------------------------------------------------------------------ */

static gboolean
run_includes (const WmRun *run,
              const char  *flow_id)
{
  for (guint i = 0; i < run->flows->len; i++)
    if (g_strcmp0 (((WmRunFlow *) run->flows->pdata[i])->flow_id, flow_id) == 0)
      return TRUE;
  return FALSE;
}

/* "29 November 2026 19:05 · took 1.2 s", the profile file's name, then a
 * line for each thing that changed since. Lines of their own, not soft
 * wrapping: a popover sizes a scrolled list by its unwrapped height. */
static char *
describe (WmRunsList  *self,
          const WmRun *run,
          gboolean    *changed)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (run->ran_at);
  /* Translators: when a simulation ran, see g_date_time_format() */
  g_autofree char *shown = g_date_time_format (when, _("%-e %B %Y %H:%M"));
  g_autofree char *file = g_path_get_basename (run->profiles_path);
  g_autoptr(GString) text = g_string_new (NULL);
  WmRunFlowState state = WM_RUN_FLOW_SAME;
  char seconds[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (seconds, sizeof seconds, "%.1f", run->duration_ms / 1000.0);
  if (run->origin != NULL)
    /* Translators: "29 November 2026 19:05", then where the imported
     * results came from on a line of its own */
    g_string_append_printf (text, _("%s\n%s"), shown, run->origin);
  else
    /* Translators: "29 November 2026 19:05 · took 1.2 s", then the file's
     * name on a line of its own */
    g_string_append_printf (text, _("%s · took %s s\n%s"), shown, seconds, file);
  *changed = FALSE;
  if (wm_workspace_check_run_flow (self->workspace, run->id, self->flow_id, &state, NULL)
      && state != WM_RUN_FLOW_SAME)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, state == WM_RUN_FLOW_CHANGED
                             ? _("The flow has changed since this run.")
                             : _("The simulated version of the flow was deleted since."));
      *changed = TRUE;
    }
  if (wm_run_profiles_changed (run))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("The profile file has changed since this run."));
      *changed = TRUE;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
row_button (const char *icon,
            const char *label,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_object_set_data_full (G_OBJECT (button), "wm-run-id", key, g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
make_row (WmRunsList  *self,
          const Entry *entry,
          gboolean     changed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show this run’s figures on the canvas"));
  if (changed)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  button = row_button ("x-office-document-symbolic", _("Open Report"), entry->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-run");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (entry->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = row_button ("avatar-default-symbolic", _("Open Customer Timeline"), entry->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-timeline");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (entry->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = row_button ("document-edit-symbolic", _("Rename Run"), entry->id);
  g_signal_connect_object (button, "clicked", G_CALLBACK (rename_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = row_button ("user-trash-symbolic", _("Delete Run"), entry->id);
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

void
wm_runs_list_refresh (WmRunsList *self)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (WM_IS_RUNS_LIST (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->entries, 0);
  if (self->workspace == NULL || self->flow_id == NULL)
    return;
  runs = wm_workspace_list_runs (self->workspace, &error);
  if (runs == NULL)
    {
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < runs->len; i++)
    {
      const WmRun *run = runs->pdata[i];
      Entry entry = { 0 };
      gboolean changed;

      if (!run_includes (run, self->flow_id))
        continue;
      entry.id = run->id;
      entry.name = g_strdup (run->name);
      entry.title = g_strdup (run->name);
      entry.subtitle = describe (self, run, &changed);
      g_array_append_val (self->entries, entry);
      gtk_list_box_append (self->list, make_row (self, &entry, changed));
    }
}

static void
runs_changed_cb (WmRunsList *self)
{
  wm_runs_list_refresh (self);
}

void
wm_runs_list_set_flow (WmRunsList  *self,
                       WmWorkspace *workspace,
                       const char  *flow_id)
{
  g_return_if_fail (WM_IS_RUNS_LIST (self));

  if (self->workspace != workspace)
    {
      if (self->workspace != NULL)
        g_clear_signal_handler (&self->changed_id, self->workspace);
      g_set_object (&self->workspace, workspace);
      if (workspace != NULL)
        self->changed_id = g_signal_connect_object (workspace, "runs-changed", G_CALLBACK (runs_changed_cb),
                                                    self, G_CONNECT_SWAPPED);
    }
  g_free (self->flow_id);
  self->flow_id = g_strdup (flow_id);
  show_message (self, NULL);
  wm_runs_list_refresh (self);
}

guint
wm_runs_list_get_n_runs (WmRunsList *self)
{
  g_return_val_if_fail (WM_IS_RUNS_LIST (self), 0);
  return self->entries->len;
}

gint64
wm_runs_list_get_run_id (WmRunsList *self,
                         guint       position)
{
  g_return_val_if_fail (WM_IS_RUNS_LIST (self), 0);
  g_return_val_if_fail (position < self->entries->len, 0);
  return g_array_index (self->entries, Entry, position).id;
}

const char *
wm_runs_list_get_title (WmRunsList *self,
                        guint       position)
{
  g_return_val_if_fail (WM_IS_RUNS_LIST (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, position).title;
}

const char *
wm_runs_list_get_subtitle (WmRunsList *self,
                           guint       position)
{
  g_return_val_if_fail (WM_IS_RUNS_LIST (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, position).subtitle;
}

static void
row_activated_cb (WmRunsList    *self,
                  GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->entries->len)
    g_signal_emit (self, signals[RUN_ACTIVATED], 0, g_array_index (self->entries, Entry, index).id);
}

static void
wm_runs_list_dispose (GObject *object)
{
  WmRunsList *self = WM_RUNS_LIST (object);
  GtkWidget *child;

  if (self->workspace != NULL)
    g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_object (&self->workspace);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_RUNS_LIST);
  /* The template's top box is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (wm_runs_list_parent_class)->dispose (object);
}

static void
wm_runs_list_finalize (GObject *object)
{
  WmRunsList *self = WM_RUNS_LIST (object);

  g_free (self->flow_id);
  g_array_unref (self->entries);
  G_OBJECT_CLASS (wm_runs_list_parent_class)->finalize (object);
}

static void
wm_runs_list_class_init (WmRunsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_runs_list_dispose;
  object_class->finalize = wm_runs_list_finalize;

  /**
   * WmRunsList::run-activated:
   * @id: the run's id
   *
   * A run was chosen to be shown again.
   */
  signals[RUN_ACTIVATED] =
    g_signal_new ("run-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-runs-list.ui");
  gtk_widget_class_bind_template_child (widget_class, WmRunsList, message_label);
  gtk_widget_class_bind_template_child (widget_class, WmRunsList, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
wm_runs_list_init (WmRunsList *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  placeholder = gtk_label_new (_("No runs of this flow yet. Run a simulation with Ctrl+R."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);
}
