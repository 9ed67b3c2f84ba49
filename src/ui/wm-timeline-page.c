/* wm-timeline-page.c - the customer journey timeline of a stored run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page holds the run's compiled program for as long as it shows the
 * run: the timeline model refers to it. Finding a customer reads the
 * profile file and simulates that one profile again (wm-timeline-model.h),
 * which takes milliseconds, so it runs in the main thread.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-run-program-for-run.h"
#include "wm-runs.h"
#include "wm-timeline-chip.h"
#include "wm-timeline-grid.h"
#include "wm-timeline-page.h"

/* A run and its compiled program, shared with searches in flight: a
 * timeline model refers to the program, and a search that finishes after
 * another run was opened must not find it freed. */
typedef struct
{
  WmRun        *run;
  WmSimProgram *program;
  GHashTable   *names;     /* the workspace's milestones and outcomes (wm-names.h),
                           * read on the main thread, only read after */
} RunInputs;

static void
run_inputs_clear (RunInputs *inputs)
{
  wm_sim_program_free (inputs->program);
  wm_run_free (inputs->run);
  g_clear_pointer (&inputs->names, g_hash_table_unref);
}

static void
run_inputs_unref (RunInputs *inputs)
{
  g_atomic_rc_box_release_full (inputs, (GDestroyNotify) run_inputs_clear);
}

struct _WmTimelinePage
{
  GtkWidget          parent_instance;

  WmWorkspace       *workspace;
  RunInputs         *inputs;     /* NULL when no run is shown */
  WmTimelineModel   *model;
  guint              search;     /* the latest search started */
  gboolean           searching;  /* and it has not finished */
  char              *shown_id;   /* the customer's id */
  GPtrArray         *flow_ids;   /* after "All flows" in the drop-down */
  GPtrArray         *channels;   /* after "All channels" */
  GtkColumnView     *grid;
  gboolean           filling;    /* drop-downs being refilled */

  /* Template children */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkSearchEntry    *search_entry;
  GtkLabel          *customer_label;
  GtkDropDown       *flow_dropdown;
  GtkDropDown       *channel_dropdown;
  GtkDropDown       *period_dropdown;
  GtkStack          *content_stack;
  AdwStatusPage     *status_page;
  GtkStack          *view_stack;
  GtkScrolledWindow *grid_scroller;
  WmTimelineView    *timeline_view;
  GtkRevealer       *details_revealer;
  WmTimelineDetails *details;
};

enum {
  CLOSED,
  SHOW_IN_FLOW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmTimelinePage, wm_timeline_page, GTK_TYPE_WIDGET)

static void
fill_dropdown (WmTimelinePage *self,
               GtkDropDown    *dropdown,
               const char     *all,
               GPtrArray      *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));
  self->filling = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
  self->filling = FALSE;
}

static void
close_details (WmTimelinePage *self)
{
  gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
  wm_timeline_view_set_selected (self->timeline_view, G_MAXUINT);
}

static void
clear_customer (WmTimelinePage *self)
{
  close_details (self);
  wm_timeline_view_set_model (self->timeline_view, NULL);
  wm_timeline_grid_set_model (self->grid, NULL);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->channels, 0);
  fill_dropdown (self, self->channel_dropdown, _("All channels"), NULL);
  gtk_label_set_text (self->customer_label, "");
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
clear_run (WmTimelinePage *self)
{
  clear_customer (self);
  g_clear_pointer (&self->inputs, run_inputs_unref);
  self->search++;   /* a search in flight is now stale */
  self->searching = FALSE;
  g_ptr_array_set_size (self->flow_ids, 0);
  fill_dropdown (self, self->flow_dropdown, _("All flows"), NULL);
}

void
wm_timeline_page_set_workspace (WmTimelinePage *self,
                                WmWorkspace    *workspace)
{
  g_return_if_fail (WM_IS_TIMELINE_PAGE (self));

  if (g_set_object (&self->workspace, workspace))
    clear_run (self);
}

gboolean
wm_timeline_page_show_run (WmTimelinePage  *self,
                           gint64           run_id,
                           GError         **error)
{
  g_autoptr(WmRun) run = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  WmSimProgram *program;

  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), FALSE);

  if (self->workspace == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No workspace is open: open one to see a run’s customers"));
      return FALSE;
    }
  run = wm_workspace_get_run (self->workspace, run_id, error);
  if (run == NULL)
    return FALSE;
  /* The run's flows and journeys take part as they did in the run. */
  program = wm_run_program_new_for_run (run, error);
  if (program == NULL)
    {
      g_prefix_error (error, _("Run “%s” cannot be simulated again: "), run->name);
      return FALSE;
    }

  clear_run (self);
  self->inputs = g_atomic_rc_box_new0 (RunInputs);
  self->inputs->names = wm_workspace_get_names (self->workspace);
  self->inputs->program = program;
  self->inputs->run = g_steal_pointer (&run);
  labels = g_ptr_array_new ();
  for (guint i = 0; i < program->n_flows; i++)
    {
      const WmSimFlow *flow = &program->flows[i];

      g_ptr_array_add (self->flow_ids, (gpointer) flow->id);
      g_ptr_array_add (labels, (gpointer) (flow->name != NULL && *flow->name != '\0' ? flow->name : flow->id));
    }
  fill_dropdown (self, self->flow_dropdown, _("All flows"), labels);
  adw_window_title_set_subtitle (self->window_title, self->inputs->run->name);
  adw_status_page_set_description (self->status_page,
                                   _("Enter a profile id, e-mail address or phone number to see everything that happened to that customer in this run."));
  if (wm_run_profiles_changed (self->inputs->run))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The profile file changed since this run: a customer’s timeline may differ from the run’s")));
  return TRUE;
}

gint64
wm_timeline_page_get_run_id (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), 0);
  return self->inputs != NULL ? self->inputs->run->id : 0;
}

static void
apply_filters (WmTimelinePage *self)
{
  guint flow = gtk_drop_down_get_selected (self->flow_dropdown);
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->model == NULL)
    return;
  close_details (self);
  wm_timeline_model_set_flow (self->model,
                              flow > 0 && flow <= self->flow_ids->len
                              ? g_ptr_array_index (self->flow_ids, flow - 1) : NULL);
  wm_timeline_model_set_channel (self->model,
                                 channel > 0 && channel <= self->channels->len
                                 ? g_ptr_array_index (self->channels, channel - 1) : NULL);
  wm_timeline_model_set_period (self->model, period < 4 ? (period + 1) * 3 : 12);
}

static void
filters_changed_cb (WmTimelinePage *self)
{
  if (!self->filling)
    apply_filters (self);
}

static void
update_customer_label (WmTimelinePage *self,
                       const char     *id)
{
  guint all = wm_timeline_model_get_n_all (self->model);
  g_autofree char *text = NULL;

  /* Translators: the customer shown and how many things happened to them */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Profile %s · %u item", "Profile %s · %u items", all),
                          id, all);
  gtk_label_set_text (self->customer_label, text);
}

/* The customer's model: found in the run's profile file and simulated
 * again alone. Touches nothing of the page, so it runs in a thread too. */
static WmTimelineModel *
load_customer (RunInputs   *inputs,
               const char  *query,
               char       **id,
               GError     **error)
{
  g_autoptr(WmProfile) profile = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  GTimeZone *zone;
  WmTimelineModel *model;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter a profile id, e-mail address or phone number"));
      return NULL;
    }
  profile = wm_timeline_find_profile (inputs->run->profiles_path, trimmed, error);
  if (profile == NULL)
    return NULL;
  *id = g_strdup (wm_profile_get_id (profile, NULL));
  zone = wm_timeline_zone_for (inputs->program, profile);
  timeline = wm_timeline_rerun (inputs->program, profile);
  model = wm_timeline_model_new (inputs->program, timeline, zone, error);
  if (model == NULL)
    {
      g_clear_pointer (id, g_free);
      return NULL;
    }
  /* Stages and steps by the names they had in the run; the stored
   * documents loaded for the program, so they load here too. */
  for (guint i = 0; i < inputs->run->journeys->len; i++)
    {
      const WmRunJourney *journey = g_ptr_array_index (inputs->run->journeys, i);
      g_autoptr(WmJourney) loaded = wm_journey_load_from_data (journey->document, -1, NULL);

      if (loaded != NULL)
        wm_timeline_model_name_journey (model, loaded);
    }
  wm_timeline_model_name_definitions (model, inputs->names);
  return model;
}

static void
show_customer (WmTimelinePage  *self,
               WmTimelineModel *model,
               const char      *id)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  guint n;

  clear_customer (self);
  self->model = g_object_ref (model);
  /* The channels this customer has items of, in the order they appear. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *channel = wm_timeline_item_get_channel (item);

      if (channel != NULL && g_hash_table_add (seen, (gpointer) channel))
        g_ptr_array_add (self->channels, (gpointer) channel);
    }
  titles = g_ptr_array_new ();
  for (guint i = 0; i < self->channels->len; i++)
    g_ptr_array_add (titles, (gpointer) wm_timeline_channel_title (g_ptr_array_index (self->channels, i)));
  fill_dropdown (self, self->channel_dropdown, _("All channels"), titles);
  apply_filters (self);
  wm_timeline_view_set_model (self->timeline_view, model);
  wm_timeline_grid_set_model (self->grid, model);
  g_free (self->shown_id);
  self->shown_id = g_strdup (id);
  update_customer_label (self, id);
  gtk_stack_set_visible_child_name (self->content_stack, "items");
}

static gboolean
check_run_shown (WmTimelinePage  *self,
                 GError         **error)
{
  if (self->inputs != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                       _("No run is shown: open a run’s timeline first"));
  return FALSE;
}

gboolean
wm_timeline_page_find_customer (WmTimelinePage  *self,
                                const char      *query,
                                GError         **error)
{
  g_autoptr(WmTimelineModel) model = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (!check_run_shown (self, error))
    return FALSE;
  self->search++;   /* a search in flight is now stale */
  self->searching = FALSE;
  model = load_customer (self->inputs, query, &id, error);
  if (model == NULL)
    return FALSE;
  show_customer (self, model, id);
  return TRUE;
}

const char *
wm_timeline_page_get_customer_id (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), NULL);

  return self->shown_id;
}

void
wm_timeline_page_add_toast (WmTimelinePage *self,
                            const char     *message)
{
  g_return_if_fail (WM_IS_TIMELINE_PAGE (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

typedef struct
{
  RunInputs *inputs;
  char      *query;
  char      *id;
  char      *shown_id;   /* the customer shown when it started */
  guint      search;
} Search;

static void
search_free (Search *search)
{
  run_inputs_unref (search->inputs);
  g_free (search->query);
  g_free (search->id);
  g_free (search->shown_id);
  g_free (search);
}

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Search *search = data;
  GError *error = NULL;
  WmTimelineModel *model = load_customer (search->inputs, search->query, &search->id, &error);

  if (model != NULL)
    g_task_return_pointer (task, model, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WmTimelinePage *self = WM_TIMELINE_PAGE (source);
  Search *search = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(WmTimelineModel) model = g_task_propagate_pointer (G_TASK (result), &error);

  /* Another search or run since: this answer is no longer wanted. */
  if (search->search != self->search || search->inputs != self->inputs)
    return;
  self->searching = FALSE;
  if (model == NULL)
    {
      adw_status_page_set_description (self->status_page, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      if (self->model != NULL)
        update_customer_label (self, search->shown_id);
      else
        gtk_label_set_text (self->customer_label, "");
      return;
    }
  show_customer (self, model, search->id);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
}

/* The entry searches in a thread: a large profile file takes a while to
 * read, and the window stays responsive meanwhile. */
static void
search_activated_cb (WmTimelinePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Search *search;

  if (!check_run_shown (self, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  search = g_new0 (Search, 1);
  search->inputs = g_atomic_rc_box_acquire (self->inputs);
  search->query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  search->search = ++self->search;
  task = g_task_new (self, NULL, search_done_cb, NULL);
  g_task_set_source_tag (task, search_activated_cb);
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  search->shown_id = g_strdup (self->shown_id);
  self->searching = TRUE;
  gtk_label_set_text (self->customer_label, _("Searching…"));
  g_task_run_in_thread (task, search_thread);
}

gboolean
wm_timeline_page_is_searching (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), FALSE);
  return self->searching;
}

WmTimelineModel *
wm_timeline_page_get_model (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), NULL);
  return self->model;
}

static gboolean
select_in (GtkDropDown *dropdown,
           GPtrArray   *values,
           const char  *value)
{
  guint index;

  if (value == NULL)
    {
      gtk_drop_down_set_selected (dropdown, 0);
      return TRUE;
    }
  if (!g_ptr_array_find_with_equal_func (values, value, g_str_equal, &index))
    return FALSE;
  gtk_drop_down_set_selected (dropdown, index + 1);
  return TRUE;
}

gboolean
wm_timeline_page_set_flow (WmTimelinePage *self,
                           const char     *flow_id)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), FALSE);
  return select_in (self->flow_dropdown, self->flow_ids, flow_id);
}

gboolean
wm_timeline_page_set_channel (WmTimelinePage *self,
                              const char     *channel)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), FALSE);
  return select_in (self->channel_dropdown, self->channels, channel);
}

void
wm_timeline_page_set_period (WmTimelinePage *self,
                             guint           months)
{
  g_return_if_fail (WM_IS_TIMELINE_PAGE (self));
  g_return_if_fail (months == 3 || months == 6 || months == 9 || months == 12);

  gtk_drop_down_set_selected (self->period_dropdown, months / 3 - 1);
}

void
wm_timeline_page_set_view (WmTimelinePage *self,
                           const char     *name)
{
  g_return_if_fail (WM_IS_TIMELINE_PAGE (self));
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

void
wm_timeline_page_open_item (WmTimelinePage *self,
                            guint           position)
{
  g_return_if_fail (WM_IS_TIMELINE_PAGE (self));

  if (self->model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    {
      close_details (self);
      return;
    }
  wm_timeline_details_show (self->details, self->model, position);
  gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
  wm_timeline_view_set_selected (self->timeline_view, position);
}

WmTimelineView *
wm_timeline_page_get_view (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), NULL);
  return self->timeline_view;
}

GtkColumnView *
wm_timeline_page_get_grid (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), NULL);
  return self->grid;
}

WmTimelineDetails *
wm_timeline_page_get_details (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), NULL);
  return self->details;
}

gboolean
wm_timeline_page_details_shown (WmTimelinePage *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->details_revealer);
}

static void
item_activated_cb (WmTimelinePage *self,
                   guint           position)
{
  wm_timeline_page_open_item (self, position);
}

static void
grid_activated_cb (GtkColumnView  *grid,
                   guint           row,
                   WmTimelinePage *self)
{
  WmTimelineItem *item = wm_timeline_grid_get_item (grid, row);
  guint n;

  if (item == NULL || self->model == NULL)
    return;
  /* From the sorted row back to the model's position. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmTimelineItem) other = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (other == item)
        {
          wm_timeline_page_open_item (self, i);
          return;
        }
    }
}

static void
details_position_changed_cb (WmTimelinePage *self,
                             guint           position)
{
  wm_timeline_view_set_selected (self->timeline_view, position);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "timeline") == 0)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      /* Keep the timeline on the item, but the focus on the button pressed. */
      wm_timeline_view_focus_item (self->timeline_view, position);
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
    }
}

static void
details_show_in_flow_cb (WmTimelinePage *self,
                         WmTimelineItem *item)
{
  g_autoptr(GPtrArray) path = wm_timeline_model_get_path (self->model, item);
  g_autoptr(GStrvBuilder) elements = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) ports = g_strv_builder_new ();
  g_auto(GStrv) element_ids = NULL;
  g_auto(GStrv) port_keys = NULL;

  for (guint i = 0; i < path->len; i++)
    {
      WmPathStep *step = g_ptr_array_index (path, i);

      g_strv_builder_add (elements, step->element);
      g_strv_builder_add (ports, step->port != NULL ? step->port : "");
    }
  element_ids = g_strv_builder_end (elements);
  port_keys = g_strv_builder_end (ports);
  g_signal_emit (self, signals[SHOW_IN_FLOW], 0,
                 wm_timeline_item_get_flow (item), wm_timeline_item_get_version (item),
                 element_ids, port_keys);
}

static void
details_closed_cb (WmTimelinePage *self)
{
  guint position = wm_timeline_details_get_position (self->details);

  close_details (self);
  wm_timeline_view_focus_item (self->timeline_view, position);
}

static void
back_clicked_cb (WmTimelinePage *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmTimelinePage        *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  if (wm_timeline_page_details_shown (self))
    details_closed_cb (self);
  else
    g_signal_emit (self, signals[CLOSED], 0);
  return TRUE;
}

/* Where a person starts: the search, or the customer's timeline. */
static gboolean
wm_timeline_page_grab_focus (GtkWidget *widget)
{
  WmTimelinePage *self = WM_TIMELINE_PAGE (widget);

  if (self->model != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
wm_timeline_page_dispose (GObject *object)
{
  WmTimelinePage *self = WM_TIMELINE_PAGE (object);

  if (self->timeline_view != NULL)
    wm_timeline_view_set_model (self->timeline_view, NULL);
  if (self->grid != NULL)
    wm_timeline_grid_set_model (self->grid, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_TIMELINE_PAGE);
  self->grid = NULL;
  /* The model refers to the program: drop it first. */
  g_clear_object (&self->model);
  g_clear_pointer (&self->inputs, run_inputs_unref);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (wm_timeline_page_parent_class)->dispose (object);
}

static void
wm_timeline_page_finalize (GObject *object)
{
  WmTimelinePage *self = WM_TIMELINE_PAGE (object);

  g_free (self->shown_id);
  g_ptr_array_unref (self->flow_ids);
  g_ptr_array_unref (self->channels);
  G_OBJECT_CLASS (wm_timeline_page_parent_class)->finalize (object);
}

static void
wm_timeline_page_class_init (WmTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_timeline_page_dispose;
  object_class->finalize = wm_timeline_page_finalize;
  widget_class->grab_focus = wm_timeline_page_grab_focus;

  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_IN_FLOW] =
    g_signal_new ("show-in-flow", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRV, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, customer_label);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, flow_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, WmTimelinePage, details);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_position_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_show_in_flow_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_closed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (WM_TYPE_TIMELINE_VIEW);
  g_type_ensure (WM_TYPE_TIMELINE_DETAILS);
}

static void
wm_timeline_page_init (WmTimelinePage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->flow_ids = g_ptr_array_new ();
  self->channels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->grid = wm_timeline_grid_new ();
  g_signal_connect (self->grid, "activate", G_CALLBACK (grid_activated_cb), self);
  gtk_scrolled_window_set_child (self->grid_scroller, GTK_WIDGET (self->grid));
  fill_dropdown (self, self->flow_dropdown, _("All flows"), NULL);
  fill_dropdown (self, self->channel_dropdown, _("All channels"), NULL);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
