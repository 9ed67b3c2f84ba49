/* wm-run-journeys-view.c - the Journeys view of a stored run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view keeps its own copy of the run (the page frees its run when
 * another is shown), so the program a customers list compiles later is
 * always the one of the run these figures came from.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-journey-figures.h"
#include "wm-journeys.h"
#include "wm-run-journeys-view.h"
#include "wm-run-program-for-run.h"

/* What compiles the run's program again: a copy of the run, shared
 * read-only by the view and each journey's results (which may compile
 * it on another thread), freed with the last reference. */
typedef struct
{
  WmRun *run;
} RunInputs;

static void
run_inputs_clear (gpointer data)
{
  RunInputs *inputs = data;

  wm_run_free (inputs->run);
}

static void
run_inputs_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, run_inputs_clear);
}

static RunInputs *
run_inputs_new (const WmRun *run)
{
  RunInputs *inputs = g_atomic_rc_box_new0 (RunInputs);

  inputs->run = wm_run_copy (run);
  return inputs;
}

static WmSimProgram *
make_program_cb (gpointer   user_data,
                 GError   **error)
{
  RunInputs *inputs = user_data;

  return wm_run_program_new_for_run (inputs->run, error);
}

struct _WmRunJourneysView
{
  GtkWidget         parent_instance;

  WmWorkspace      *workspace;
  JsonObject       *report;
  GPtrArray        *ids;          /* of the report's journeys */
  GHashTable       *journeys;     /* id → WmJourney, the documents at hand */
  gint64            run_id;
  char             *profiles_path;
  RunInputs        *inputs;       /* handed to each results' source */
  char             *journey_id;
  gboolean          filling;

  GtkWidget        *scrolled;
  GtkWidget        *picker_box;
  GtkWidget        *picker;
  GtkWidget        *changed_label;
  GtkWidget        *results;
};

G_DEFINE_FINAL_TYPE (WmRunJourneysView, wm_run_journeys_view, GTK_TYPE_WIDGET)

/* The journey document to name and order the figures with: the one the
 * run simulated; for results imported before runs kept their journeys,
 * the workspace's journey of that id; else none (ids are shown). */
static WmJourney *
journey_document (WmRunJourneysView *self,
                  const char        *id)
{
  WmJourney *journey = g_hash_table_lookup (self->journeys, id);

  if (journey == NULL && self->workspace != NULL)
    {
      journey = wm_workspace_get_journey (self->workspace, id, NULL);
      if (journey != NULL)
        g_hash_table_insert (self->journeys, g_strdup (id), journey);
    }
  return journey;
}

static void
load_run_journeys (WmRunJourneysView *self,
                   const WmRun       *run)
{
  for (guint i = 0; i < run->journeys->len; i++)
    {
      const WmRunJourney *rj = run->journeys->pdata[i];
      WmJourney *journey = rj->document != NULL ? wm_journey_load_from_data (rj->document, -1, NULL) : NULL;

      /* A stored file that does not load leaves the workspace's to name it. */
      if (journey != NULL)
        g_hash_table_insert (self->journeys, g_strdup (rj->journey_id), journey);
    }
}

static char *
journey_title (WmRunJourneysView *self,
               const char        *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourneyFigures) figures = wm_journey_figures_new (self->report, id, journey_document (self, id), &error);

  return g_strdup (figures != NULL ? figures->name : id);
}

gboolean
wm_run_journeys_view_select_journey (WmRunJourneysView *self,
                                     const char        *journey_id,
                                     GError           **error)
{
  RunInputs *inputs;
  guint index;

  g_return_val_if_fail (WM_IS_RUN_JOURNEYS_VIEW (self), FALSE);
  g_return_val_if_fail (journey_id != NULL, FALSE);

  if (self->report == NULL
      || !g_ptr_array_find_with_equal_func (self->ids, journey_id, g_str_equal, &index))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Journey “%s” was not simulated in this run; simulate again with it"), journey_id);
      return FALSE;
    }
  g_free (self->journey_id);
  self->journey_id = g_strdup (journey_id);
  self->filling = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->picker), index);
  self->filling = FALSE;

  /* The results own (and release) the reference they are given. */
  inputs = g_atomic_rc_box_acquire (self->inputs);
  wm_journey_results_set_customers_source (WM_JOURNEY_RESULTS (self->results), self->run_id,
                                           self->profiles_path, make_program_cb, inputs, run_inputs_release);
  return wm_journey_results_set_report (WM_JOURNEY_RESULTS (self->results), self->report, journey_id,
                                        journey_document (self, journey_id), error);
}

static void
picker_selected_cb (WmRunJourneysView *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->picker));

  if (self->filling || selected >= self->ids->len)
    return;
  /* A damaged journey part says so in the results themselves. */
  wm_run_journeys_view_select_journey (self, self->ids->pdata[selected], NULL);
}

gboolean
wm_run_journeys_view_set_run (WmRunJourneysView *self,
                              WmWorkspace       *workspace,
                              const WmRun       *run,
                              JsonObject        *report)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_return_val_if_fail (WM_IS_RUN_JOURNEYS_VIEW (self), FALSE);
  g_return_val_if_fail (run != NULL && report != NULL, FALSE);

  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->report, json_object_unref);
  self->report = json_object_ref (report);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  self->ids = wm_journey_figures_list_ids (report);
  g_hash_table_remove_all (self->journeys);
  load_run_journeys (self, run);
  self->run_id = run->id;
  g_free (self->profiles_path);
  self->profiles_path = g_strdup (run->profiles_path);
  g_clear_pointer (&self->inputs, run_inputs_release);
  self->inputs = run_inputs_new (run);
  g_clear_pointer (&self->journey_id, g_free);

  for (guint i = 0; i < self->ids->len; i++)
    {
      g_autofree char *title = journey_title (self, self->ids->pdata[i]);

      gtk_string_list_append (titles, title);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->picker), G_LIST_MODEL (titles));
  self->filling = FALSE;
  gtk_widget_set_visible (self->picker_box, self->ids->len > 1);
  /* Customers are found in the file as it is now, the figures are not. */
  gtk_widget_set_visible (self->changed_label, wm_run_profiles_changed (run));
  if (self->ids->len == 0)
    {
      /* Nothing of the last run lingers: its scan stops, its program goes. */
      wm_journey_results_set_customers_source (WM_JOURNEY_RESULTS (self->results), 0, NULL, NULL, NULL, NULL);
      return FALSE;
    }
  /* The run's first journey (the one simulated from its editor) opens
   * first; the report lists journeys by id. */
  if (run->journeys->len == 0
      || !wm_run_journeys_view_select_journey (self, ((WmRunJourney *) run->journeys->pdata[0])->journey_id, NULL))
    wm_run_journeys_view_select_journey (self, self->ids->pdata[0], NULL);
  return TRUE;
}

const char *
wm_run_journeys_view_get_journey (WmRunJourneysView *self)
{
  g_return_val_if_fail (WM_IS_RUN_JOURNEYS_VIEW (self), NULL);
  return self->journey_id;
}

WmJourneyResults *
wm_run_journeys_view_get_results (WmRunJourneysView *self)
{
  g_return_val_if_fail (WM_IS_RUN_JOURNEYS_VIEW (self), NULL);
  return WM_JOURNEY_RESULTS (self->results);
}

GtkWidget *
wm_run_journeys_view_new (void)
{
  return g_object_new (WM_TYPE_RUN_JOURNEYS_VIEW, NULL);
}

static void
wm_run_journeys_view_dispose (GObject *object)
{
  WmRunJourneysView *self = WM_RUN_JOURNEYS_VIEW (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (wm_run_journeys_view_parent_class)->dispose (object);
}

static void
wm_run_journeys_view_finalize (GObject *object)
{
  WmRunJourneysView *self = WM_RUN_JOURNEYS_VIEW (object);

  g_clear_pointer (&self->report, json_object_unref);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->journeys, g_hash_table_unref);
  g_clear_pointer (&self->inputs, run_inputs_release);
  g_free (self->profiles_path);
  g_free (self->journey_id);

  G_OBJECT_CLASS (wm_run_journeys_view_parent_class)->finalize (object);
}

static void
wm_run_journeys_view_class_init (WmRunJourneysViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_run_journeys_view_dispose;
  object_class->finalize = wm_run_journeys_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wm_run_journeys_view_init (WmRunJourneysView *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label;

  self->journeys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->ids = g_ptr_array_new_with_free_func (g_free);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->picker_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("_Journey"));
  self->picker = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_name (self->picker, "journey-picker");
  gtk_widget_set_hexpand (self->picker, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->picker);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The journey whose figures are shown"), -1);
  g_signal_connect_object (self->picker, "notify::selected", G_CALLBACK (picker_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->picker_box), label);
  gtk_box_append (GTK_BOX (self->picker_box), self->picker);
  gtk_widget_set_visible (self->picker_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->picker_box);

  self->changed_label = gtk_label_new (_("The profile file changed since this run: the customers listed for a "
                                         "stage are found in the file as it is now and may not match the figures."));
  gtk_widget_set_name (self->changed_label, "profiles-changed");
  gtk_label_set_wrap (GTK_LABEL (self->changed_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->changed_label), 0);
  gtk_widget_add_css_class (self->changed_label, "warning");
  gtk_widget_set_visible (self->changed_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->changed_label);

  self->results = wm_journey_results_new ();
  gtk_box_append (GTK_BOX (box), self->results);
}
