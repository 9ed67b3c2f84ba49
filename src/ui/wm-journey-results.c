/* wm-journey-results.c - one journey's figures from a run's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures come from wm-journey-figures.h (src/sim). Bars are tiny
 * widgets drawn with snapshot colours looked up from the theme at draw
 * time, like the run page's charts, so the dark style reads too; each
 * carries its figures as its accessible label, and the same figures are
 * labels beside it. Stages are rows of an activatable list so a click and
 * Enter both activate them.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-journey-figures.h"
#include "wm-journey-results.h"
#include "wm-outcomes-summary.h"
#include "wm-stage-customer-list.h"

/* ---- bars ------------------------------------------------------------- */

/* The stage states a stacked bar shows, in drawing order. */
enum { PART_COMPLETED, PART_ON_TRACK, PART_BEHIND, PART_STUCK, PART_WAITING, N_PARTS };

static const struct
{
  const char *key;     /* the label's widget name */
  const char *title;
  const char *color;   /* named theme colour */
  const char *css;     /* the legend swatch's style class */
} parts[N_PARTS] = {
  { "completed", N_("Completed"), "success_color", "success" },
  { "on_track", N_("On track"), "accent_bg_color", "accent" },
  { "behind", N_("Behind"), "warning_color", "warning" },
  { "stuck", N_("Stuck"), "error_color", "error" },
  { "waiting", N_("Waiting"), "window_fg_color", "dim-label" },
};

#define WM_TYPE_JOURNEY_BAR (wm_journey_bar_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyBar, wm_journey_bar, WM, JOURNEY_BAR, GtkWidget)

struct _WmJourneyBar
{
  GtkWidget parent_instance;

  gboolean  funnel;           /* one centred part, else N_PARTS stacked */
  guint64   values[N_PARTS];
  guint64   scale;            /* what the full width stands for */
};

G_DEFINE_FINAL_TYPE (WmJourneyBar, wm_journey_bar, GTK_TYPE_WIDGET)

static void
theme_color (GtkWidget  *widget,
             const char *name,
             GdkRGBA    *rgba)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gdk_rgba_parse (rgba, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
wm_journey_bar_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  WmJourneyBar *self = WM_JOURNEY_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float offset = 0;
  GdkRGBA track;

  if (width <= 0 || height <= 0)
    return;

  /* A faint track shows the whole, so an empty bar still reads as 0. */
  theme_color (widget, "window_fg_color", &track);
  track.alpha = 0.08f;
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->scale == 0)
    return;

  if (self->funnel)
    {
      float part = width * (float) ((double) MIN (self->values[0], self->scale) / (double) self->scale);
      GdkRGBA rgba;

      theme_color (widget, "accent_bg_color", &rgba);
      gtk_snapshot_append_color (snapshot, &rgba,
                                 &GRAPHENE_RECT_INIT ((width - part) / 2, 0, part, height));
      return;
    }
  for (guint i = 0; i < N_PARTS; i++)
    {
      float part = width * (float) ((double) self->values[i] / (double) self->scale);
      GdkRGBA rgba;

      if (part <= 0)
        continue;
      theme_color (widget, parts[i].color, &rgba);
      if (i == PART_WAITING)
        rgba.alpha = 0.35f;
      gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (offset, 0, part, height));
      offset += part;
    }
}

static void
wm_journey_bar_class_init (WmJourneyBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = wm_journey_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "journeybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_journey_bar_init (WmJourneyBar *self)
{
}

static GtkWidget *
journey_bar_new (gboolean       funnel,
                 const guint64 *values,
                 guint64        scale,
                 const char    *description)
{
  WmJourneyBar *bar = g_object_new (WM_TYPE_JOURNEY_BAR, NULL);

  bar->funnel = funnel;
  bar->scale = scale;
  memcpy (bar->values, values, (funnel ? 1 : N_PARTS) * sizeof (guint64));
  gtk_widget_set_size_request (GTK_WIDGET (bar), 120, funnel ? 24 : 16);
  gtk_widget_set_hexpand (GTK_WIDGET (bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (bar), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (bar), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_name (GTK_WIDGET (bar), funnel ? "funnel-bar" : "stage-bar");
  return GTK_WIDGET (bar);
}

/* ---- the widget --------------------------------------------------------- */

struct _WmJourneyResults
{
  GtkWidget         parent_instance;

  WmJourneyFigures *figures;
  char             *active_stage;

  GtkWidget        *box;
  GtkWidget        *title;
  GtkWidget        *summary;
  GtkWidget        *funnel_heading;
  GtkWidget        *funnel_box;
  GtkWidget        *stages_heading;
  GtkWidget        *legend;
  GtkWidget        *stage_list;
  GtkWidget        *customers;     /* WmStageCustomerList */
  guint             focus_source;
};

G_DEFINE_FINAL_TYPE (WmJourneyResults, wm_journey_results, GTK_TYPE_WIDGET)

enum {
  SIGNAL_STAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, n);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

/* A figure as a label "Stuck: 4", named @key so tests and tools find it. */
static GtkWidget *
figure_label (const char *key,
              const char *title,
              const char *value)
{
  /* Translators: a figure and its value, e.g. "Stuck: 4" */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), title, value);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, key);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static GtkWidget *
swatch_new (const char *css)
{
  GtkWidget *swatch = gtk_label_new ("■");

  gtk_widget_add_css_class (swatch, css);
  /* The colour is decoration: the name says the same. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return swatch;
}

static GtkWidget *
legend_new (void)
{
  GtkWidget *legend = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (legend), N_PARTS);
  gtk_widget_set_can_focus (legend, FALSE);
  for (guint i = 0; i < N_PARTS; i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (item), swatch_new (parts[i].css));
      gtk_box_append (GTK_BOX (item), gtk_label_new (_(parts[i].title)));
      gtk_flow_box_append (GTK_FLOW_BOX (legend), item);
    }
  return legend;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_widget_unparent (child);
}

static void
fill_summary (WmJourneyResults *self)
{
  const WmJourneyFigures *f = self->figures;
  g_autofree char *began = format_count (f->began);
  g_autofree char *completed = format_count (f->completed);
  g_autofree char *share = wm_describe_percent (wm_journey_figures_share (f->completed, f->began));
  g_autofree char *mean = wm_journey_figures_describe_mean (f->mean_completion_seconds, f->completed);
  g_autofree char *text = NULL;

  gtk_label_set_text (GTK_LABEL (self->title), f->name);
  if (f->completed == 0)
    /* Translators: "40 customers began the journey; none completed it." */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s customer began the journey; none completed it.",
                                         "%s customers began the journey; none completed it.",
                                         f->began),
                            began);
  else
    /* Translators: "40 customers began the journey; 6 completed it (15%). Mean time to complete: 2 days 4 hours." */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s customer began the journey; %s completed it (%s). Mean time to complete: %s.",
                                         "%s customers began the journey; %s completed it (%s). Mean time to complete: %s.",
                                         f->began),
                            began, completed, share, mean);
  gtk_label_set_text (GTK_LABEL (self->summary), text);
}

static void
fill_funnel (WmJourneyResults *self)
{
  const WmJourneyFigures *f = self->figures;
  /* Those who began the journey are the whole funnel; a stage begun by
   * more (it cannot, by the spec) would still fit the widest. */
  guint64 scale = f->began;

  clear_box (self->funnel_box);
  for (guint i = 0; i < f->stages->len; i++)
    scale = MAX (scale, ((WmStageFigures *) f->stages->pdata[i])->began);

  for (guint i = 0; i < f->stages->len; i++)
    {
      const WmStageFigures *stage = f->stages->pdata[i];
      g_autofree char *count = format_count (stage->began);
      g_autofree char *share = wm_describe_percent (wm_journey_figures_share (stage->began, f->began));
      g_autofree char *value = NULL;
      g_autofree char *description = NULL;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name = gtk_label_new (stage->name);
      GtkWidget *figure;

      /* Translators: in the funnel: "38 (95%)" began the stage */
      value = g_strdup_printf (_("%s (%s)"), count, share);
      /* Translators: "Registered: 38 began the stage, 95% of those who began the journey" */
      description = g_strdup_printf (_("%s: %s began the stage, %s of those who began the journey"),
                                     stage->name, count, share);
      gtk_widget_set_name (row, stage->id);
      gtk_label_set_xalign (GTK_LABEL (name), 1);
      gtk_label_set_width_chars (GTK_LABEL (name), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (name, stage->name);
      figure = gtk_label_new (value);
      gtk_widget_set_name (figure, "funnel-value");
      gtk_label_set_width_chars (GTK_LABEL (figure), 14);
      gtk_label_set_xalign (GTK_LABEL (figure), 0);
      gtk_widget_add_css_class (figure, "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), journey_bar_new (TRUE, &stage->began, scale, description));
      gtk_box_append (GTK_BOX (row), figure);
      gtk_box_append (GTK_BOX (self->funnel_box), row);
    }
  if (f->stages->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("This journey has no stages"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self->funnel_box), none);
    }
}

static char *
describe_stage (const WmStageFigures *stage,
                const guint64        *values)
{
  g_autoptr(GString) text = g_string_new (stage->name);

  g_string_append (text, ": ");
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autofree char *count = format_count (values[i]);

      if (i > 0)
        g_string_append (text, ", ");
      /* Translators: a part of a stage's bar, "Stuck 4" */
      g_string_append_printf (text, _("%s %s"), _(parts[i].title), count);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
stage_row (const WmStageFigures *stage)
{
  const guint64 values[N_PARTS] = { stage->completed, stage->on_track, stage->behind, stage->stuck, stage->waiting };
  guint64 total = 0;
  g_autofree char *description = describe_stage (stage, values);
  g_autofree char *row_name = g_strdup_printf ("stage-%s", stage->id);
  g_autofree char *on_time = format_count (stage->completed_on_time);
  g_autofree char *late = format_count (stage->completed_late);
  g_autofree char *triggered = format_count (stage->triggered);
  g_autofree char *began = format_count (stage->began);
  g_autofree char *mean = wm_journey_figures_describe_mean (stage->mean_completion_seconds, stage->completed);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (stage->name);
  GtkWidget *figures = gtk_flow_box_new ();
  GtkWidget *timing = gtk_flow_box_new ();
  GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *customers;
  /* Translators: the accessible name of a stage's button, "Show the customers of Welcomed" */
  g_autofree char *label = g_strdup_printf (_("Show the customers of %s"), stage->name);

  for (guint i = 0; i < N_PARTS; i++)
    total += values[i];

  gtk_widget_set_name (row, row_name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The bar and the labels carry the figures; the row is the stage. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, stage->name, -1);
  g_object_set_data_full (G_OBJECT (row), "stage-id", g_strdup (stage->id), g_free);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);
  if (stage->duration >= 0)
    {
      g_autofree char *words = wm_describe_mean_duration (stage->duration);
      /* Translators: how long a stage should take, "Should take 14 days" */
      g_autofree char *text = g_strdup_printf (_("Should take %s"), words);
      GtkWidget *duration = gtk_label_new (text);

      gtk_widget_set_name (duration, "duration");
      gtk_widget_add_css_class (duration, "dim-label");
      gtk_box_append (GTK_BOX (top), duration);
    }
  /* The row activates on a click or Enter; the button says so, and is
   * what assistive technology can press. */
  customers = gtk_button_new_with_label (_("Show Customers"));
  gtk_widget_set_name (customers, "show-customers");
  gtk_widget_add_css_class (customers, "flat");
  gtk_widget_set_valign (customers, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (customers), "s", stage->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (customers), "journey-results.show-customers");
  gtk_accessible_update_property (GTK_ACCESSIBLE (customers), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (GTK_BOX (top), customers);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), journey_bar_new (FALSE, values, total, description));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (figures), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (figures), N_PARTS);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (figures), 12);
  gtk_widget_set_can_focus (figures, FALSE);
  for (guint i = 0; i < N_PARTS; i++)
    {
      g_autofree char *count = format_count (values[i]);
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (item), swatch_new (parts[i].css));
      gtk_box_append (GTK_BOX (item), figure_label (parts[i].key, _(parts[i].title), count));
      gtk_flow_box_append (GTK_FLOW_BOX (figures), item);
    }
  gtk_box_append (GTK_BOX (box), figures);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (timing), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (timing), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (timing), 12);
  gtk_widget_set_can_focus (timing, FALSE);
  gtk_flow_box_append (GTK_FLOW_BOX (timing), figure_label ("triggered", _("Triggered"), triggered));
  gtk_flow_box_append (GTK_FLOW_BOX (timing), figure_label ("began", _("Began"), began));
  gtk_flow_box_append (GTK_FLOW_BOX (timing), figure_label ("completed_on_time", _("Completed on time"), on_time));
  gtk_flow_box_append (GTK_FLOW_BOX (timing), figure_label ("completed_late", _("Completed late"), late));
  gtk_flow_box_append (GTK_FLOW_BOX (timing), figure_label ("mean", _("Mean time to complete"), mean));
  gtk_widget_add_css_class (timing, "dim-label");
  gtk_box_append (GTK_BOX (box), timing);

  if (stage->steps->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No steps"));

      gtk_widget_set_name (none, "no-steps");
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (steps), none);
    }
  for (guint i = 0; i < stage->steps->len; i++)
    {
      const WmStepFigures *step = stage->steps->pdata[i];
      g_autofree char *key = g_strdup_printf ("step-%s", step->id);
      g_autofree char *count = format_count (step->count);
      /* Translators: a step of a stage and how many customers did it, "Step Signed up: 30" */
      g_autofree char *title = g_strdup_printf (_("Step %s"), step->name);

      gtk_box_append (GTK_BOX (steps), figure_label (key, title, count));
    }
  gtk_box_append (GTK_BOX (box), steps);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
fill_stages (WmJourneyResults *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->stage_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->stage_list), child);
  for (guint i = 0; i < self->figures->stages->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->stage_list), stage_row (self->figures->stages->pdata[i]));
}

static void
show_error (WmJourneyResults *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->title), _("No Journey Figures"));
  gtk_label_set_text (GTK_LABEL (self->summary), message);
  gtk_widget_set_visible (self->funnel_heading, FALSE);
  gtk_widget_set_visible (self->funnel_box, FALSE);
  gtk_widget_set_visible (self->stages_heading, FALSE);
  gtk_widget_set_visible (self->legend, FALSE);
  gtk_widget_set_visible (self->stage_list, FALSE);
}

gboolean
wm_journey_results_set_report (WmJourneyResults *self,
                               JsonObject       *report,
                               const char       *journey_id,
                               WmJourney        *journey,
                               GError          **error)
{
  g_autoptr(GError) local = NULL;
  WmJourneyFigures *figures;

  g_return_val_if_fail (WM_IS_JOURNEY_RESULTS (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (journey_id != NULL, FALSE);

  g_clear_pointer (&self->active_stage, g_free);
  wm_stage_customer_list_clear (WM_STAGE_CUSTOMER_LIST (self->customers));
  figures = wm_journey_figures_new (report, journey_id, journey, &local);
  g_clear_pointer (&self->figures, wm_journey_figures_free);
  if (figures == NULL)
    {
      show_error (self, local->message);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  self->figures = figures;
  fill_summary (self);
  fill_funnel (self);
  fill_stages (self);
  gtk_widget_set_visible (self->funnel_heading, TRUE);
  gtk_widget_set_visible (self->funnel_box, TRUE);
  gtk_widget_set_visible (self->stages_heading, figures->stages->len > 0);
  gtk_widget_set_visible (self->legend, figures->stages->len > 0);
  gtk_widget_set_visible (self->stage_list, figures->stages->len > 0);
  return TRUE;
}

void
wm_journey_results_set_customers_source (WmJourneyResults           *self,
                                         gint64                      run_id,
                                         const char                 *profiles_path,
                                         WmJourneyResultsProgramFunc make_program,
                                         gpointer                    user_data,
                                         GDestroyNotify              destroy)
{
  g_return_if_fail (WM_IS_JOURNEY_RESULTS (self));

  wm_stage_customer_list_set_source (WM_STAGE_CUSTOMER_LIST (self->customers), run_id, profiles_path,
                                  make_program, user_data, destroy);
}

static gboolean
focus_customers_cb (gpointer user_data)
{
  WmJourneyResults *self = user_data;

  self->focus_source = 0;
  if (self->active_stage != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_child_focus (self->customers, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

void
wm_journey_results_activate_stage (WmJourneyResults *self,
                                   const char       *stage_id)
{
  const WmStageFigures *stage;

  g_return_if_fail (WM_IS_JOURNEY_RESULTS (self));

  stage = self->figures != NULL ? wm_journey_figures_get_stage (self->figures, stage_id) : NULL;
  g_free (self->active_stage);
  self->active_stage = stage != NULL ? g_strdup (stage->id) : NULL;
  if (stage == NULL)
    {
      wm_stage_customer_list_clear (WM_STAGE_CUSTOMER_LIST (self->customers));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_STAGE_ACTIVATED], 0, stage->id);
  wm_stage_customer_list_show (WM_STAGE_CUSTOMER_LIST (self->customers), self->figures->id, stage->id, stage->name);
  /* The list is below every stage: focusing it scrolls it into view and
   * takes a keyboard or screen reader user to what they asked for. Once
   * it is laid out, so the scrolling goes to where it now is. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->focus_source == 0)
    self->focus_source = g_idle_add_full (G_PRIORITY_LOW, focus_customers_cb, self, NULL);
}

const char *
wm_journey_results_get_active_stage (WmJourneyResults *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_RESULTS (self), NULL);
  return self->active_stage;
}

static void
show_customers_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  wm_journey_results_activate_stage (WM_JOURNEY_RESULTS (widget), g_variant_get_string (parameter, NULL));
}

static void
stage_row_activated_cb (WmJourneyResults *self,
                        GtkListBoxRow    *row)
{
  wm_journey_results_activate_stage (self, g_object_get_data (G_OBJECT (row), "stage-id"));
}

GtkWidget *
wm_journey_results_new (void)
{
  return g_object_new (WM_TYPE_JOURNEY_RESULTS, NULL);
}

static void
wm_journey_results_dispose (GObject *object)
{
  WmJourneyResults *self = WM_JOURNEY_RESULTS (object);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (wm_journey_results_parent_class)->dispose (object);
}

static void
wm_journey_results_finalize (GObject *object)
{
  WmJourneyResults *self = WM_JOURNEY_RESULTS (object);

  g_clear_pointer (&self->figures, wm_journey_figures_free);
  g_free (self->active_stage);

  G_OBJECT_CLASS (wm_journey_results_parent_class)->finalize (object);
}

static void
wm_journey_results_class_init (WmJourneyResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_journey_results_dispose;
  object_class->finalize = wm_journey_results_finalize;

  /**
   * WmJourneyResults::stage-activated:
   * @stage_id: the stage clicked or activated with Enter
   */
  signals[SIGNAL_STAGE_ACTIVATED] = g_signal_new ("stage-activated", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "journey-results.show-customers", "s", show_customers_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journeyresults");
}

static void
wm_journey_results_init (WmJourneyResults *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = gtk_label_new (NULL);
  gtk_widget_set_name (self->title, "journey-title");
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (self->box), self->title);

  self->summary = gtk_label_new (NULL);
  gtk_widget_set_name (self->summary, "journey-summary");
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->summary);

  self->funnel_heading = heading (_("Stages Funnel"));
  gtk_box_append (GTK_BOX (self->box), self->funnel_heading);
  self->funnel_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (self->funnel_box, "funnel");
  gtk_box_append (GTK_BOX (self->box), self->funnel_box);

  self->stages_heading = heading (_("Stages"));
  gtk_box_append (GTK_BOX (self->box), self->stages_heading);
  self->legend = legend_new ();
  gtk_box_append (GTK_BOX (self->box), self->legend);
  self->stage_list = gtk_list_box_new ();
  gtk_widget_set_name (self->stage_list, "stages");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->stage_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->stage_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stage_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stages; activate one to list its customers"), -1);
  g_signal_connect_object (self->stage_list, "row-activated", G_CALLBACK (stage_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->stage_list);

  self->customers = wm_stage_customer_list_new ();
  gtk_box_append (GTK_BOX (self->box), self->customers);
}
