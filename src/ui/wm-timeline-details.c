/* wm-timeline-details.c - what one timeline item was, in full
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel of the customer timeline: time, flow, version, element,
 * channel, cost, each reaction with its time and the outcome, with
 * previous and next within the same date (a support agent reads a day at a
 * time) and "Show in flow". Rows that do not apply to an item are hidden
 * rather than shown empty.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-money.h"
#include "wm-timeline-chip.h"
#include "wm-timeline-details.h"

struct _WmTimelineDetails
{
  GtkBox           parent_instance;

  WmTimelineModel *model;
  WmTimelineItem  *item;
  guint            position;

  /* Template children */
  GtkImage        *icon;
  GtkLabel        *title;
  GtkLabel        *description;
  AdwActionRow    *time_row;
  AdwActionRow    *journey_row;
  AdwActionRow    *stage_row;
  AdwActionRow    *step_row;
  AdwActionRow    *flow_row;
  AdwActionRow    *version_row;
  AdwActionRow    *element_row;
  AdwActionRow    *channel_row;
  AdwActionRow    *cost_row;
  AdwActionRow    *delivered_row;
  AdwActionRow    *opened_row;
  AdwActionRow    *clicked_row;
  AdwActionRow    *outcome_row;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
  GtkLabel        *counter;
  GtkWidget       *show_in_flow_button;
};

enum {
  POSITION_CHANGED,
  SHOW_IN_FLOW,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WmTimelineDetails, wm_timeline_details, GTK_TYPE_BOX)

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL);
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static char *
format_at (WmTimelineItem *item,
           gint64          at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wm_timeline_item_get_zone (item));

  /* Translators: a full date and time in the details of a timeline item, see g_date_time_format() */
  return g_date_time_format (local, _("%-e %B %Y, %H:%M:%S %Z"));
}

static char *
reaction_text (WmTimelineItem *item,
               WmReactionKind  kind)
{
  gint64 at = 0;
  g_autofree char *when = NULL;

  switch (wm_timeline_item_get_reaction (item, kind, &at))
    {
    case WM_REACTION_HAPPENED:
      when = format_at (item, at);
      /* Translators: a reaction that happened, with its time */
      return g_strdup_printf (_("Yes, %s"), when);
    case WM_REACTION_DID_NOT_HAPPEN:
      return g_strdup (_("No"));
    case WM_REACTION_AFTER_END:
      return g_strdup (_("After the end of the run"));
    case WM_REACTION_NOT_OFFERED:
    default:
      return NULL;
    }
}

/* "Order delivery (delivery)"; the id alone when there is no other name;
 * NULL without an id. */
static char *
name_and_id (const char *name,
             const char *id)
{
  if (id == NULL)
    return NULL;
  if (name != NULL && *name != '\0' && g_strcmp0 (name, id) != 0)
    return g_strdup_printf ("%s (%s)", name, id);
  return g_strdup (id);
}

static void
update (WmTimelineDetails *self)
{
  WmTimelineItem *item = self->item;
  WmTimelineKind kind = wm_timeline_item_get_kind (item);
  g_autofree char *title = wm_timeline_item_title (item);
  g_autofree char *description = wm_timeline_item_describe (item);
  g_autofree char *time = format_at (item, wm_timeline_item_get_at (item));
  g_autofree char *flow = NULL;
  g_autofree char *version = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *delivered = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *clicked = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *journey = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *step = NULL;
  const char *journey_id = wm_timeline_item_get_journey (item);
  const char *journey_name = wm_timeline_item_get_journey_name (item);
  const char *flow_id = wm_timeline_item_get_flow (item);
  const char *flow_name = wm_timeline_item_get_flow_name (item);
  gboolean sends = kind == WM_TIMELINE_SEND || kind == WM_TIMELINE_NOTIFY;
  guint first = 0, count = 0;

  gtk_image_set_from_icon_name (self->icon, wm_timeline_item_icon_name (item));
  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->description, description);

  if (flow_id != NULL)
    flow = flow_name != NULL && g_strcmp0 (flow_name, flow_id) != 0
           ? g_strdup_printf ("%s (%s)", flow_name, flow_id) : g_strdup (flow_id);
  if (wm_timeline_item_get_version (item) > 0)
    version = g_strdup_printf ("%u", wm_timeline_item_get_version (item));
  if (sends)
    {
      char buf[32];

      cost = g_strdup (wm_money_format (wm_timeline_item_get_cost (item), buf));
      delivered = reaction_text (item, WM_REACTION_DELIVERED);
      opened = reaction_text (item, WM_REACTION_OPENED);
      clicked = reaction_text (item, WM_REACTION_CLICKED);
    }
  if (kind == WM_TIMELINE_OUTCOME)
    outcome = g_strdup_printf ("%s: %s", wm_timeline_item_get_label (item),
                               wm_timeline_item_get_result (item));

  journey = name_and_id (journey_name, journey_id);
  stage = name_and_id (wm_timeline_item_get_stage_name (item), wm_timeline_item_get_stage (item));
  if (kind == WM_TIMELINE_STAGE_STEP)
    step = name_and_id (wm_timeline_item_get_step_name (item), wm_timeline_item_get_name (item));

  set_row (self->time_row, time);
  set_row (self->journey_row, journey);
  set_row (self->stage_row, stage);
  set_row (self->step_row, step);
  set_row (self->flow_row, flow);
  set_row (self->version_row, version);
  set_row (self->element_row, wm_timeline_item_get_element (item));
  set_row (self->channel_row, wm_timeline_item_get_channel (item) != NULL
                              ? wm_timeline_channel_title (wm_timeline_item_get_channel (item)) : NULL);
  set_row (self->cost_row, cost);
  set_row (self->delivered_row, delivered);
  set_row (self->opened_row, opened);
  set_row (self->clicked_row, clicked);
  set_row (self->outcome_row, outcome);

  for (guint d = 0; d < wm_timeline_model_get_n_days (self->model); d++)
    {
      wm_timeline_model_get_day (self->model, d, &first, &count);
      if (self->position >= first && self->position < first + count)
        break;
    }
  /* Translators: the item's place among the items of its date */
  counter = g_strdup_printf (_("%u of %u this date"), self->position - first + 1, count);
  gtk_label_set_text (self->counter, counter);

  gtk_widget_set_sensitive (self->previous_button,
                            wm_timeline_model_get_previous (self->model, self->position) != G_MAXUINT);
  gtk_widget_set_sensitive (self->next_button,
                            wm_timeline_model_get_next (self->model, self->position) != G_MAXUINT);
  gtk_widget_set_sensitive (self->show_in_flow_button, flow_id != NULL && wm_timeline_item_get_entry (item) > 0);
  /* A journey line is about no flow: there is nothing to show in one. */
  gtk_widget_set_visible (self->show_in_flow_button, !wm_timeline_item_is_journey (item));
}

void
wm_timeline_details_show (WmTimelineDetails *self,
                          WmTimelineModel   *model,
                          guint              position)
{
  g_autoptr(WmTimelineItem) item = NULL;

  g_return_if_fail (WM_IS_TIMELINE_DETAILS (self));
  g_return_if_fail (WM_IS_TIMELINE_MODEL (model));

  item = g_list_model_get_item (G_LIST_MODEL (model), position);
  g_return_if_fail (item != NULL);
  g_set_object (&self->model, model);
  g_set_object (&self->item, item);
  self->position = position;
  update (self);
}

guint
wm_timeline_details_get_position (WmTimelineDetails *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_DETAILS (self), G_MAXUINT);
  return self->item != NULL ? self->position : G_MAXUINT;
}

WmTimelineItem *
wm_timeline_details_get_item (WmTimelineDetails *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_DETAILS (self), NULL);
  return self->item;
}

const char *
wm_timeline_details_get_value (WmTimelineDetails *self,
                               const char        *row)
{
  struct { const char *name; AdwActionRow *row; } rows[] = {
    { "time", self->time_row }, { "flow", self->flow_row },
    { "version", self->version_row }, { "element", self->element_row },
    { "channel", self->channel_row }, { "cost", self->cost_row },
    { "delivered", self->delivered_row }, { "opened", self->opened_row },
    { "clicked", self->clicked_row }, { "outcome", self->outcome_row },
    { "journey", self->journey_row }, { "stage", self->stage_row }, { "step", self->step_row },
  };

  g_return_val_if_fail (WM_IS_TIMELINE_DETAILS (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (rows[i].name, row) == 0)
      return gtk_widget_get_visible (GTK_WIDGET (rows[i].row))
             ? adw_action_row_get_subtitle (rows[i].row) : NULL;
  g_return_val_if_reached (NULL);
}

gboolean
wm_timeline_details_offers_show_in_flow (WmTimelineDetails *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_DETAILS (self), FALSE);

  return gtk_widget_get_visible (self->show_in_flow_button);
}

void
wm_timeline_details_step (WmTimelineDetails *self,
                          gboolean           forward)
{
  guint position;

  g_return_if_fail (WM_IS_TIMELINE_DETAILS (self));

  if (self->item == NULL)
    return;
  position = forward ? wm_timeline_model_get_next (self->model, self->position)
                     : wm_timeline_model_get_previous (self->model, self->position);
  if (position == G_MAXUINT)
    return;
  wm_timeline_details_show (self, self->model, position);
  g_signal_emit (self, signals[POSITION_CHANGED], 0, position);
}

static void
previous_clicked_cb (WmTimelineDetails *self)
{
  wm_timeline_details_step (self, FALSE);
}

static void
next_clicked_cb (WmTimelineDetails *self)
{
  wm_timeline_details_step (self, TRUE);
}

static void
show_in_flow_clicked_cb (WmTimelineDetails *self)
{
  if (self->item != NULL)
    g_signal_emit (self, signals[SHOW_IN_FLOW], 0, self->item);
}

static void
close_clicked_cb (WmTimelineDetails *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
wm_timeline_details_dispose (GObject *object)
{
  WmTimelineDetails *self = WM_TIMELINE_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_TIMELINE_DETAILS);
  g_clear_object (&self->item);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (wm_timeline_details_parent_class)->dispose (object);
}

static void
wm_timeline_details_class_init (WmTimelineDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_timeline_details_dispose;

  signals[POSITION_CHANGED] =
    g_signal_new ("position-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SHOW_IN_FLOW] =
    g_signal_new ("show-in-flow", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_TIMELINE_ITEM);
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-timeline-details.ui");
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, icon);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, title);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, description);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, time_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, flow_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, version_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, element_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, channel_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, cost_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, delivered_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, opened_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, clicked_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, previous_button);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, next_button);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, counter);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, show_in_flow_button);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, journey_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, stage_row);
  gtk_widget_class_bind_template_child (widget_class, WmTimelineDetails, step_row);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_in_flow_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
wm_timeline_details_init (WmTimelineDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
