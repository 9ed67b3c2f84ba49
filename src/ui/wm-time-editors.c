/* wm-time-editors.c - small editors for durations, clock times and days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "wm-spin-scroll.h"
#include "wm-time.h"
#include "wm-time-editors.h"

/* The units of flow-format.md's duration syntax, in the order shown. */
static const char units[] = "smhdw";

enum { CHANGED, N_SIGNALS };

struct _WmDurationEditor
{
  GtkWidget parent_instance;

  GtkWidget *spin;
  GtkWidget *unit;
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (WmDurationEditor, wm_duration_editor, GTK_TYPE_WIDGET)

static guint duration_signals[N_SIGNALS];

static void
duration_part_changed_cb (WmDurationEditor *self)
{
  if (!self->updating)
    g_signal_emit (self, duration_signals[CHANGED], 0);
}

static void
wm_duration_editor_dispose (GObject *object)
{
  WmDurationEditor *self = WM_DURATION_EDITOR (object);

  g_clear_pointer (&self->spin, gtk_widget_unparent);
  g_clear_pointer (&self->unit, gtk_widget_unparent);

  G_OBJECT_CLASS (wm_duration_editor_parent_class)->dispose (object);
}

static void
wm_duration_editor_class_init (WmDurationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_duration_editor_dispose;

  /**
   * WmDurationEditor::changed:
   *
   * A person changed the number or the unit.
   */
  duration_signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "durationeditor");
}

static void
wm_duration_editor_init (WmDurationEditor *self)
{
  const char *unit_names[] = {
    _("seconds"), _("minutes"), _("hours"), _("days"), _("weeks"), NULL
  };

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  /* Six digits is the syntax's limit; 366 days is checked by the host. */
  self->spin = gtk_spin_button_new_with_range (0, 999999, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->spin), TRUE);
  wm_spin_button_scroll_only_focused (GTK_SPIN_BUTTON (self->spin));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), 4);
  gtk_widget_set_valign (self->spin, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->spin, GTK_WIDGET (self));
  g_signal_connect_swapped (self->spin, "value-changed",
                            G_CALLBACK (duration_part_changed_cb), self);

  self->unit = gtk_drop_down_new_from_strings (unit_names);
  gtk_widget_set_valign (self->unit, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit), 3);
  gtk_widget_set_parent (self->unit, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unit),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Amount"), -1);
  g_signal_connect_swapped (self->unit, "notify::selected",
                            G_CALLBACK (duration_part_changed_cb), self);
}

GtkWidget *
wm_duration_editor_new (void)
{
  return g_object_new (WM_TYPE_DURATION_EDITOR, NULL);
}

void
wm_duration_editor_set_text (WmDurationEditor *self,
                             const char       *text)
{
  guint64 amount = 0;
  guint unit = 3;

  g_return_if_fail (WM_IS_DURATION_EDITOR (self));

  if (text != NULL && *text != '\0')
    {
      gsize len = strlen (text);
      const char *u = strchr (units, text[len - 1]);

      if (u != NULL && text[len - 1] != '\0')
        unit = u - units;
      /* Only the digits before the unit: "abc" and "" show 0. */
      if (g_ascii_isdigit (text[0]))
        amount = g_ascii_strtoull (text, NULL, 10);
    }

  self->updating = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->spin), MIN (amount, 999999));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->unit), unit);
  self->updating = FALSE;
}

char *
wm_duration_editor_get_text (WmDurationEditor *self)
{
  g_return_val_if_fail (WM_IS_DURATION_EDITOR (self), NULL);

  /* The spin button's text may be ahead of its value while typing. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->spin));
  return wm_duration_editor_peek_text (self);
}

char *
wm_duration_editor_peek_text (WmDurationEditor *self)
{
  guint unit;
  int amount;

  g_return_val_if_fail (WM_IS_DURATION_EDITOR (self), NULL);

  amount = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->spin));
  unit = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->unit));
  if (unit >= strlen (units))
    unit = 3;
  return g_strdup_printf ("%d%c", amount, units[unit]);
}

GtkWidget *
wm_duration_editor_get_spin (WmDurationEditor *self)
{
  g_return_val_if_fail (WM_IS_DURATION_EDITOR (self), NULL);
  return self->spin;
}


struct _WmDaysEditor
{
  GtkWidget parent_instance;

  GtkWidget *buttons[7];
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (WmDaysEditor, wm_days_editor, GTK_TYPE_WIDGET)

static guint days_signals[N_SIGNALS];

static const char * const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };

static void
day_button_toggled_cb (WmDaysEditor *self)
{
  if (!self->updating)
    g_signal_emit (self, days_signals[CHANGED], 0);
}

static void
wm_days_editor_dispose (GObject *object)
{
  WmDaysEditor *self = WM_DAYS_EDITOR (object);

  for (guint i = 0; i < 7; i++)
    g_clear_pointer (&self->buttons[i], gtk_widget_unparent);

  G_OBJECT_CLASS (wm_days_editor_parent_class)->dispose (object);
}

/* The seven buttons wrap into rows when a line of them does not fit (the
 * inspector is narrower than seven day names), balanced: 4 + 3, not
 * 6 + 1. Every cell is as wide as the widest button. */
#define DAYS_SPACING 6

static void
days_cell_size (WmDaysEditor *self,
                int          *width,
                int          *height)
{
  *width = *height = 0;
  for (guint i = 0; i < 7; i++)
    {
      int w, h;

      gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
      *width = MAX (*width, w);
      *height = MAX (*height, h);
    }
}

/* Columns for @width (-1: all in one line). */
static guint
days_columns (int cell_width,
              int width)
{
  guint fit, rows;

  if (width < 0)
    return 7;
  fit = (guint) CLAMP ((width + DAYS_SPACING) / MAX (cell_width + DAYS_SPACING, 1), 1, 7);
  rows = (7 + fit - 1) / fit;
  return (7 + rows - 1) / rows;
}

static int
days_height (int   cell_height,
             guint columns)
{
  guint rows = (7 + columns - 1) / columns;

  return rows * cell_height + (rows - 1) * DAYS_SPACING;
}

static GtkSizeRequestMode
wm_days_editor_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wm_days_editor_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  WmDaysEditor *self = WM_DAYS_EDITOR (widget);
  int cell_width, cell_height;

  days_cell_size (self, &cell_width, &cell_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least a column; a line of seven when there is room. */
      *minimum = cell_width;
      *natural = 7 * cell_width + 6 * DAYS_SPACING;
    }
  else if (for_size < 0)
    {
      /* No width given: enough for the narrowest, one button a row (as
       * GtkFlowBox does; containers that wrap pass the width). */
      *minimum = *natural = days_height (cell_height, 1);
    }
  else
    *minimum = *natural = days_height (cell_height, days_columns (cell_width, for_size));
}

static void
wm_days_editor_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  WmDaysEditor *self = WM_DAYS_EDITOR (widget);
  int cell_width, cell_height;
  guint columns;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  days_cell_size (self, &cell_width, &cell_height);
  columns = days_columns (cell_width, width);
  for (guint i = 0; i < 7; i++)
    {
      GtkAllocation cell = {
        (int) (i % columns) * (cell_width + DAYS_SPACING),
        (int) (i / columns) * (cell_height + DAYS_SPACING),
        cell_width,
        cell_height,
      };

      /* Right to left, Monday starts at the right. */
      if (rtl)
        cell.x = width - cell.x - cell_width;
      gtk_widget_size_allocate (self->buttons[i], &cell, -1);
    }
}

static void
wm_days_editor_class_init (WmDaysEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_days_editor_dispose;
  widget_class->get_request_mode = wm_days_editor_get_request_mode;
  widget_class->measure = wm_days_editor_measure;
  widget_class->size_allocate = wm_days_editor_size_allocate;

  /**
   * WmDaysEditor::changed:
   *
   * A person toggled a day.
   */
  days_signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "dayseditor");
}

static void
wm_days_editor_init (WmDaysEditor *self)
{
  /* Translators: short day names on toggle buttons, Monday first */
  const char *short_names[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
                                N_("Fri"), N_("Sat"), N_("Sun") };
  const char *long_names[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                               N_("Friday"), N_("Saturday"), N_("Sunday") };

  /* Not "linked": wrapped rows of joined buttons would have square
   * corners at the ends of a row. */
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);

  for (guint i = 0; i < 7; i++)
    {
      self->buttons[i] = gtk_toggle_button_new_with_label (_(short_names[i]));
      gtk_widget_set_tooltip_text (self->buttons[i], _(long_names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(long_names[i]), -1);
      gtk_widget_set_parent (self->buttons[i], GTK_WIDGET (self));
      g_signal_connect_swapped (self->buttons[i], "toggled",
                                G_CALLBACK (day_button_toggled_cb), self);
    }
}

GtkWidget *
wm_days_editor_new (void)
{
  return g_object_new (WM_TYPE_DAYS_EDITOR, NULL);
}

void
wm_days_editor_set_days (WmDaysEditor *self,
                         guint         days)
{
  g_return_if_fail (WM_IS_DAYS_EDITOR (self));

  self->updating = TRUE;
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), (days & (1u << i)) != 0);
  self->updating = FALSE;
}

guint
wm_days_editor_get_days (WmDaysEditor *self)
{
  guint days = 0;

  g_return_val_if_fail (WM_IS_DAYS_EDITOR (self), 0);

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->buttons[i])))
      days |= 1u << i;
  return days;
}

GtkWidget *
wm_days_editor_get_button (WmDaysEditor *self,
                           guint         index)
{
  g_return_val_if_fail (WM_IS_DAYS_EDITOR (self), NULL);
  g_return_val_if_fail (index < 7, NULL);
  return self->buttons[index];
}

JsonNode *
wm_days_to_json (guint days)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < 7; i++)
    if (days & (1u << i))
      json_array_add_string_element (array, day_names[i]);
  json_node_take_array (node, array);
  return node;
}

gboolean
wm_days_from_json (JsonNode *node,
                   guint    *days)
{
  JsonArray *array;
  gboolean ok = TRUE;

  *days = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      guint bit;

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING
          && wm_day_parse (json_node_get_string (item), &bit))
        *days |= bit;
      else
        ok = FALSE;
    }
  return ok;
}

GtkWidget *
wm_clock_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_max_length (GTK_ENTRY (entry), 5);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), C_("clock time placeholder", "HH:MM"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  return entry;
}
