/* wm-inspector-performance.c - the inspector's Performance section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made anew whenever the element, its configuration or the metrics change
 * (the inspector rebuilds its groups then), so it holds no state to keep
 * in step.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-inspector-performance.h"

struct _WmInspectorPerformance
{
  AdwPreferencesGroup  parent_instance;

  GHashTable          *values;   /* row title -> GtkLabel (unowned) */
};

G_DEFINE_FINAL_TYPE (WmInspectorPerformance, wm_inspector_performance, ADW_TYPE_PREFERENCES_GROUP)

static void
wm_inspector_performance_finalize (GObject *object)
{
  WmInspectorPerformance *self = WM_INSPECTOR_PERFORMANCE (object);

  g_hash_table_unref (self->values);
  G_OBJECT_CLASS (wm_inspector_performance_parent_class)->finalize (object);
}

static void
wm_inspector_performance_class_init (WmInspectorPerformanceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_inspector_performance_finalize;
}

static void
wm_inspector_performance_init (WmInspectorPerformance *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
add_row (WmInspectorPerformance *self,
         const char             *title,
         const char             *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* The row reads as "Delivered: 14 (93.33%)". */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_hash_table_insert (self->values, g_strdup (title), label);
}

GtkWidget *
wm_inspector_performance_new (WmReportMetrics *metrics,
                              WmElement       *element)
{
  WmInspectorPerformance *self;
  WmElementMetrics m;
  const char *type = wm_element_get_type_name (element);
  const char *milestone = g_str_equal (type, "milestone")
                          ? wm_element_get_config_string (element, "milestone") : NULL;
  guint version = wm_report_metrics_get_version (metrics);
  g_autofree char *description = NULL;

  g_return_val_if_fail (metrics != NULL && WM_IS_ELEMENT (element), NULL);

  self = g_object_new (WM_TYPE_INSPECTOR_PERFORMANCE,
                       "title", _("Performance"),
                       NULL);
  description = version == 0 ? g_strdup (_("All versions of the run"))
                             /* Translators: whose figures the Performance section shows */
                             : g_strdup_printf (_("Version %u of the run"), version);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);

  if (!wm_report_metrics_get_element (metrics, wm_element_get_id (element), type, milestone, &m))
    {
      add_row (self, _("No figures in this run"), "");
      return GTK_WIDGET (self);
    }
  {
    g_auto(GStrv) ports = wm_element_list_ports (element);
    g_autoptr(GPtrArray) rows = wm_element_metrics_rows (metrics, &m, (const char * const *) ports);

    for (guint i = 0; i < rows->len; i++)
      {
        WmMetricRow *row = g_ptr_array_index (rows, i);

        add_row (self, row->label, row->value);
      }
  }
  return GTK_WIDGET (self);
}

const char *
wm_inspector_performance_get_value (WmInspectorPerformance *self,
                                    const char             *label)
{
  GtkLabel *value;

  g_return_val_if_fail (WM_IS_INSPECTOR_PERFORMANCE (self), NULL);

  value = g_hash_table_lookup (self->values, label);
  return value != NULL ? gtk_label_get_text (value) : NULL;
}
