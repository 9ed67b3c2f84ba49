/* wm-editor-metrics.c - a run's figures in the flow editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept as data on the page rather than in its struct so the editor page
 * only calls in at two places; the run's report is parsed once, when it
 * is set, and each switch of version or flow only looks figures up.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-metrics.h"
#include "wm-editor-metrics.h"
#include "wm-runs.h"

typedef struct
{
  char  *flow_id;
  guint  version;
} RunFlow;

typedef struct
{
  WmEditorPage    *page;         /* unowned: it owns this */
  GtkWidget       *toggle;
  GtkWidget       *versions;     /* GtkDropDown of "Version N" … "All versions" */
  GtkStringList   *version_names;
  GtkWidget       *revealer;
  GtkWidget       *notice;
  gint64           run_id;
  JsonNode        *report;       /* the run's, parsed; NULL without a run */
  char            *report_error; /* why the run's report cannot be shown */
  GArray          *run_flows;    /* RunFlow */
  GArray          *flow_versions;/* guint: the open flow's versions in the report */
  gboolean         updating;
} EditorMetrics;

static GQuark
metrics_quark (void)
{
  return g_quark_from_static_string ("wm-editor-metrics");
}

static EditorMetrics *
get (WmEditorPage *self)
{
  return g_object_get_qdata (G_OBJECT (self), metrics_quark ());
}

static void
run_flow_clear (RunFlow *flow)
{
  g_free (flow->flow_id);
}

static void
clear_run (EditorMetrics *m)
{
  m->run_id = 0;
  g_clear_pointer (&m->report, json_node_unref);
  g_clear_pointer (&m->report_error, g_free);
  g_array_set_size (m->run_flows, 0);
}

static void
editor_metrics_free (EditorMetrics *m)
{
  clear_run (m);
  g_array_unref (m->run_flows);
  g_array_unref (m->flow_versions);
  g_object_unref (m->version_names);
  g_free (m);
}

static void
set_notice (EditorMetrics *m,
            const char    *text)
{
  gtk_label_set_text (GTK_LABEL (m->notice), text != NULL ? text : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (m->revealer), text != NULL);
}

/* The version the run simulated of @flow_id, 0 when it did not. */
static guint
run_version_of (EditorMetrics *m,
                const char    *flow_id)
{
  for (guint i = 0; i < m->run_flows->len; i++)
    {
      RunFlow *flow = &g_array_index (m->run_flows, RunFlow, i);

      if (g_strcmp0 (flow->flow_id, flow_id) == 0)
        return flow->version;
    }
  return 0;
}

static guint
picked_version (EditorMetrics *m)
{
  guint index = gtk_drop_down_get_selected (GTK_DROP_DOWN (m->versions));

  return index < m->flow_versions->len ? g_array_index (m->flow_versions, guint, index) : 0;
}

/* Shows the picked figures, or none when the toggle is off. */
static void
apply (EditorMetrics *m)
{
  WmFlow *flow = wm_editor_page_get_flow (m->page);
  g_autoptr(WmReportMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;

  if (m->report != NULL && flow != NULL && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (m->toggle)))
    {
      metrics = wm_report_metrics_new (m->report, wm_flow_get_id (flow), picked_version (m), &error);
      if (metrics == NULL)
        wm_editor_page_add_toast (m->page, error->message);
    }
  wm_canvas_set_metrics (wm_editor_page_get_canvas (m->page), metrics);
  wm_inspector_set_metrics (wm_editor_page_get_inspector (m->page), metrics);
}

static void
update_notice (EditorMetrics *m)
{
  WmFlow *flow = wm_editor_page_get_flow (m->page);
  WmVersion *version = wm_editor_page_get_version (m->page);
  WmWorkspace *workspace = wm_editor_page_get_workspace (m->page);
  guint simulated, shown;
  WmRunFlowState state = WM_RUN_FLOW_SAME;
  g_autofree char *text = NULL;

  if (m->report_error != NULL)
    {
      set_notice (m, m->report_error);
      return;
    }
  if (m->report == NULL || flow == NULL || version == NULL)
    {
      set_notice (m, NULL);
      return;
    }
  simulated = run_version_of (m, wm_flow_get_id (flow));
  if (m->flow_versions->len == 0)
    {
      set_notice (m, _("The run shown did not simulate this flow, so it has no figures for it. "
                       "Run a simulation of this flow to see them."));
      return;
    }
  shown = wm_version_get_number (version);
  if (simulated != 0 && simulated != shown)
    /* Translators: the run's flow version differs from the one on the canvas */
    text = g_strdup_printf (_("The run simulated version %u; the canvas shows version %u, so elements "
                              "added since have no figures."), simulated, shown);
  else if (simulated != 0 && workspace != NULL && m->run_id != 0
           && wm_workspace_check_run_flow (workspace, m->run_id, wm_flow_get_id (flow), &state, NULL)
           && state != WM_RUN_FLOW_SAME)
    text = g_strdup_printf (_("Version %u was edited since the run; figures of changed elements may not "
                              "match it. Run the simulation again to update them."), shown);
  set_notice (m, text);
}

void
_wm_editor_metrics_update (WmEditorPage *self)
{
  EditorMetrics *m = get (self);
  WmFlow *flow;
  guint simulated, selected;

  if (m == NULL)
    return;
  flow = wm_editor_page_get_flow (self);
  m->updating = TRUE;
  g_array_set_size (m->flow_versions, 0);
  gtk_string_list_splice (m->version_names, 0, g_list_model_get_n_items (G_LIST_MODEL (m->version_names)), NULL);
  if (m->report != NULL && flow != NULL)
    {
      g_autoptr(GArray) versions = wm_report_list_versions (m->report, wm_flow_get_id (flow));

      g_array_append_vals (m->flow_versions, versions->data, versions->len);
    }
  simulated = flow != NULL ? run_version_of (m, wm_flow_get_id (flow)) : 0;
  selected = m->flow_versions->len;   /* "All versions" */
  for (guint i = 0; i < m->flow_versions->len; i++)
    {
      guint v = g_array_index (m->flow_versions, guint, i);
      /* Translators: in the metrics' version switcher */
      g_autofree char *name = g_strdup_printf (_("Version %u"), v);

      gtk_string_list_append (m->version_names, name);
      if (v == simulated)
        selected = i;
    }
  if (m->flow_versions->len > 0)
    {
      gtk_string_list_append (m->version_names, _("All versions"));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (m->versions), selected);
    }
  gtk_widget_set_sensitive (m->toggle, m->flow_versions->len > 0);
  /* Without a run there is no version to pick: an empty "(None)" beside
   * the insensitive toggle only puzzles. */
  gtk_widget_set_visible (m->versions, m->flow_versions->len > 0);
  if (m->flow_versions->len == 0)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (m->toggle), FALSE);
  gtk_widget_set_tooltip_text (m->toggle, m->flow_versions->len > 0
                               ? _("Show the run’s figures on the flow")
                               : _("Run a simulation of this flow to see its figures"));
  m->updating = FALSE;
  update_notice (m);
  apply (m);
}

void
wm_editor_page_set_run (WmEditorPage *self,
                        const WmRun  *run)
{
  EditorMetrics *m;

  g_return_if_fail (WM_IS_EDITOR_PAGE (self));

  m = get (self);
  clear_run (m);
  if (run != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      m->run_id = run->id;
      for (guint i = 0; run->flows != NULL && i < run->flows->len; i++)
        {
          WmRunFlow *flow = g_ptr_array_index (run->flows, i);
          RunFlow copy = { g_strdup (flow->flow_id), flow->version };

          g_array_append_val (m->run_flows, copy);
        }
      if (run->report == NULL)
        m->report_error = g_strdup (_("The run’s report was not loaded; open the run again from the list "
                                      "of runs."));
      else if (!json_parser_load_from_data (parser, run->report, -1, &error))
        m->report_error = g_strdup_printf (_("The run’s report cannot be read (%s); run the simulation "
                                             "again."), error->message);
      else
        m->report = json_node_ref (json_parser_get_root (parser));
    }
  _wm_editor_metrics_update (self);
}

static void
toggled_cb (GtkToggleButton *toggle,
            EditorMetrics   *m)
{
  if (!m->updating)
    apply (m);
}

static void
version_picked_cb (GtkDropDown   *versions,
                   GParamSpec    *pspec,
                   EditorMetrics *m)
{
  if (!m->updating)
    apply (m);
}

void
_wm_editor_metrics_init (WmEditorPage *self,
                         AdwHeaderBar *header,
                         GtkBox       *content,
                         GtkWidget    *after)
{
  EditorMetrics *m = g_new0 (EditorMetrics, 1);
  GtkWidget *box, *bar;

  m->page = self;
  m->run_flows = g_array_new (FALSE, TRUE, sizeof (RunFlow));
  g_array_set_clear_func (m->run_flows, (GDestroyNotify) run_flow_clear);
  m->flow_versions = g_array_new (FALSE, FALSE, sizeof (guint));
  m->version_names = gtk_string_list_new (NULL);
  g_object_set_qdata_full (G_OBJECT (self), metrics_quark (), m, (GDestroyNotify) editor_metrics_free);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  m->toggle = gtk_toggle_button_new_with_mnemonic (_("_Metrics"));
  gtk_widget_set_sensitive (m->toggle, FALSE);
  gtk_widget_set_tooltip_text (m->toggle, _("Run a simulation of this flow to see its figures"));
  g_signal_connect (m->toggle, "toggled", G_CALLBACK (toggled_cb), m);
  m->versions = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (m->version_names)), NULL);
  gtk_widget_set_visible (m->versions, FALSE);
  gtk_widget_set_tooltip_text (m->versions, _("Whose figures to show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->versions),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Figures of version"), -1);
  g_signal_connect (m->versions, "notify::selected", G_CALLBACK (version_picked_cb), m);
  gtk_box_append (GTK_BOX (box), m->toggle);
  gtk_box_append (GTK_BOX (box), m->versions);
  adw_header_bar_pack_end (header, box);

  m->notice = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (m->notice), TRUE);
  gtk_label_set_xalign (GTK_LABEL (m->notice), 0);
  gtk_widget_set_hexpand (m->notice, TRUE);
  bar = gtk_info_bar_new ();
  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_WARNING);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), m->notice);
  m->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (m->revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (m->revealer), bar);
  gtk_box_insert_child_after (content, m->revealer, after);
}

GtkToggleButton *
wm_editor_page_get_metrics_toggle (WmEditorPage *self)
{
  return GTK_TOGGLE_BUTTON (get (self)->toggle);
}

GtkDropDown *
wm_editor_page_get_metrics_versions (WmEditorPage *self)
{
  return GTK_DROP_DOWN (get (self)->versions);
}

const char *
wm_editor_page_get_metrics_notice (WmEditorPage *self)
{
  EditorMetrics *m = get (self);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (m->revealer))
         ? gtk_label_get_text (GTK_LABEL (m->notice)) : NULL;
}

guint
wm_editor_page_get_metrics_version (WmEditorPage *self)
{
  EditorMetrics *m = get (self);

  return m->report != NULL && m->flow_versions->len > 0 ? picked_version (m) : 0;
}
