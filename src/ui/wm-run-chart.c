/* wm-run-chart.c - bar charts of a run's figures, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart is a box of rows (or columns): a label, the bar, the value. The
 * bar is a tiny widget drawing its share of the chart's largest total, so
 * it can take focus and carry its description; colours come from the
 * theme at draw time so the dark style reads too.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wm-run-chart.h"

#define WM_TYPE_CHART_BAR (wm_chart_bar_get_type ())
G_DECLARE_FINAL_TYPE (WmChartBar, wm_chart_bar, WM, CHART_BAR, GtkWidget)

struct _WmChartBar
{
  GtkWidget       parent_instance;

  WmRunChart     *chart;     /* unowned: the chart owns the bar */
  guint64         values[3];
  guint           n_values;
};

struct _WmRunChart
{
  GtkWidget       parent_instance;

  WmRunChartKind  kind;
  GtkWidget      *box;
  GtkWidget      *placeholder;
  GPtrArray      *bars;      /* WmChartBar, unowned */
  guint64         max_total;
};

G_DEFINE_FINAL_TYPE (WmChartBar, wm_chart_bar, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (WmRunChart, wm_run_chart, GTK_TYPE_WIDGET)

static guint64
bar_total (WmChartBar *bar)
{
  guint64 total = 0;

  for (guint i = 0; i < bar->n_values; i++)
    total += bar->values[i];
  return total;
}

static void
series_color (GtkWidget *widget,
              guint      series,
              guint      n_series,
              GdkRGBA   *rgba)
{
  /* One series takes the accent; stacked outcomes read as success,
   * failure and abandoned in the theme's named colours. */
  static const char * const named[] = { "success_color", "error_color", "window_fg_color" };
  const char *name = n_series == 1 ? "accent_bg_color" : named[MIN (series, 2)];
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (n_series > 1 && series == 2)
    rgba->alpha = 0.35;
}

static void
wm_chart_bar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  WmChartBar *self = WM_CHART_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean vertical = self->chart->kind == WM_RUN_CHART_COLUMNS;
  double length = vertical ? height : width;
  double offset = 0;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->chart->max_total == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < self->n_values; i++)
    {
      double part = length * (double) self->values[i] / (double) self->chart->max_total;
      GdkRGBA rgba;

      if (part <= 0)
        continue;
      series_color (widget, i, self->n_values, &rgba);
      gdk_cairo_set_source_rgba (cr, &rgba);
      if (vertical)
        cairo_rectangle (cr, 0, height - offset - part, width, part);
      else
        cairo_rectangle (cr, offset, 0, part, height);
      cairo_fill (cr);
      offset += part;
    }
  cairo_destroy (cr);
}

static void
wm_chart_bar_class_init (WmChartBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = wm_chart_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chartbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_chart_bar_init (WmChartBar *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

static void
wm_run_chart_dispose (GObject *object)
{
  WmRunChart *self = WM_RUN_CHART (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->bars, g_ptr_array_unref);

  G_OBJECT_CLASS (wm_run_chart_parent_class)->dispose (object);
}

static void
wm_run_chart_class_init (WmRunChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_run_chart_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "runchart");
}

static void
wm_run_chart_init (WmRunChart *self)
{
  self->bars = g_ptr_array_new ();
}

GtkWidget *
wm_run_chart_new (WmRunChartKind kind)
{
  WmRunChart *self = g_object_new (WM_TYPE_RUN_CHART, NULL);

  self->kind = kind;
  self->box = gtk_box_new (kind == WM_RUN_CHART_COLUMNS ? GTK_ORIENTATION_HORIZONTAL
                                                        : GTK_ORIENTATION_VERTICAL,
                           kind == WM_RUN_CHART_COLUMNS ? 12 : 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  wm_run_chart_clear (self);
  return GTK_WIDGET (self);
}

GtkWidget *
wm_run_chart_legend_new (void)
{
  /* The stacked series in the colours the bars are drawn in, with their
   * names, so the chart does not rest on colour alone. */
  static const struct { const char *name; const char *css; } series[] = {
    { N_("Success"), "success" },
    { N_("Failure"), "error" },
    { N_("Abandoned"), "dim-label" },
  };
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  gtk_widget_set_halign (legend, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_label_new ("■");
      GtkWidget *name = gtk_label_new (_(series[i].name));

      gtk_widget_add_css_class (swatch, series[i].css);
      gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), name);
      gtk_box_append (GTK_BOX (legend), item);
    }
  return legend;
}

void
wm_run_chart_clear (WmRunChart *self)
{
  GtkWidget *child;

  g_return_if_fail (WM_IS_RUN_CHART (self));

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_ptr_array_set_size (self->bars, 0);
  self->max_total = 0;

  /* An empty chart says so rather than leaving a blank card. */
  self->placeholder = gtk_label_new (_("Nothing to show for this flow"));
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_hexpand (self->placeholder, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->placeholder);
}

static char *
format_total (const guint64 *values,
              guint          n_values)
{
  guint64 total = 0;

  for (guint i = 0; i < n_values; i++)
    total += values[i];
  return g_strdup_printf ("%" G_GUINT64_FORMAT, total);
}

void
wm_run_chart_add_bar (WmRunChart    *self,
                      const char    *label,
                      const guint64 *values,
                      guint          n_values,
                      const char    *description)
{
  WmChartBar *bar;
  GtkWidget *row, *name, *value;
  g_autofree char *total = NULL;
  gboolean vertical;

  g_return_if_fail (WM_IS_RUN_CHART (self));
  g_return_if_fail (n_values >= 1 && n_values <= 3);

  vertical = self->kind == WM_RUN_CHART_COLUMNS;
  if (self->placeholder != NULL)
    {
      gtk_box_remove (GTK_BOX (self->box), self->placeholder);
      self->placeholder = NULL;
    }
  bar = g_object_new (WM_TYPE_CHART_BAR, NULL);
  bar->chart = self;
  bar->n_values = n_values;
  memcpy (bar->values, values, n_values * sizeof (guint64));
  self->max_total = MAX (self->max_total, bar_total (bar));
  gtk_widget_set_tooltip_text (GTK_WIDGET (bar), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);

  total = format_total (values, n_values);
  row = gtk_box_new (vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL, 6);
  name = gtk_label_new (label);
  value = gtk_label_new (total);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "dim-label");
  if (vertical)
    {
      gtk_widget_set_size_request (GTK_WIDGET (bar), 56, 140);
      gtk_widget_set_vexpand (GTK_WIDGET (bar), TRUE);
      gtk_box_append (GTK_BOX (row), value);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (bar));
      gtk_box_append (GTK_BOX (row), name);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (name), 1);
      gtk_label_set_width_chars (GTK_LABEL (name), 22);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 22);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (name, label);
      gtk_widget_set_size_request (GTK_WIDGET (bar), 120, 22);
      gtk_widget_set_hexpand (GTK_WIDGET (bar), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (value), 8);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (bar));
      gtk_box_append (GTK_BOX (row), value);
    }
  gtk_box_append (GTK_BOX (self->box), row);
  g_ptr_array_add (self->bars, bar);

  /* The scale is the largest total: every bar is drawn again. */
  for (guint i = 0; i < self->bars->len; i++)
    gtk_widget_queue_draw (self->bars->pdata[i]);
}

guint
wm_run_chart_get_n_bars (WmRunChart *self)
{
  g_return_val_if_fail (WM_IS_RUN_CHART (self), 0);
  return self->bars->len;
}

GtkWidget *
wm_run_chart_get_bar (WmRunChart *self,
                      guint       index)
{
  g_return_val_if_fail (WM_IS_RUN_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);
  return self->bars->pdata[index];
}
