/* wm-timeline-chip.c - one item of a customer's timeline as a button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline keeps a small pool of these and binds them to the items in
 * view, so a profile with thousands of items costs only what is visible.
 * A chip is a real widget so it takes focus and carries the item's
 * description as its accessible name (GTK 4.8 has no other accessibles).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-timeline-chip.h"

struct _WmTimelineChip
{
  GtkButton       parent_instance;

  WmTimelineItem *item;
  guint           position;

  GtkWidget      *direction;
  GtkWidget      *icon;
  GtkWidget      *result;     /* a journey line's "Began", "Done", … */
  GtkWidget      *dot;
  GtkWidget      *title;
  GtkWidget      *time;
};

G_DEFINE_FINAL_TYPE (WmTimelineChip, wm_timeline_chip, GTK_TYPE_BUTTON)

const char *
wm_timeline_item_icon_name (WmTimelineItem *item)
{
  const char *channel = wm_timeline_item_get_channel (item);

  switch (wm_timeline_item_get_kind (item))
    {
    case WM_TIMELINE_SEND:
    case WM_TIMELINE_NO_CONTACT:
    case WM_TIMELINE_NOTIFY:
    case WM_TIMELINE_EVENT:
      if (g_strcmp0 (channel, "email") == 0)
        return "mail-unread-symbolic";
      if (g_strcmp0 (channel, "push") == 0)
        return "preferences-system-notifications-symbolic";
      if (g_strcmp0 (channel, "voice") == 0)
        return "call-start-symbolic";
      if (channel != NULL)
        return "chat-message-new-symbolic";
      if (wm_timeline_item_get_kind (item) == WM_TIMELINE_NOTIFY)
        return "preferences-system-notifications-symbolic";
      return "user-available-symbolic";
    case WM_TIMELINE_REJECTED:
      return "action-unavailable-symbolic";
    case WM_TIMELINE_ENTER:
      return "media-playback-start-symbolic";
    case WM_TIMELINE_API:
      return "network-transmit-symbolic";
    case WM_TIMELINE_MILESTONE:
      return "emoji-flags-symbolic";
    case WM_TIMELINE_OUTCOME:
    case WM_TIMELINE_GOAL:
      return "starred-symbolic";
    case WM_TIMELINE_EXIT:
      return "application-exit-symbolic";
    case WM_TIMELINE_STOPPED:
      return "process-stop-symbolic";
    case WM_TIMELINE_ERROR_REMOVAL:
      return "dialog-error-symbolic";
    case WM_TIMELINE_JOURNEY:
      return "emoji-travel-symbolic";
    case WM_TIMELINE_STAGE:
      return "mark-location-symbolic";
    case WM_TIMELINE_STAGE_STEP:
      return "object-select-symbolic";
    default:
      return "emblem-default-symbolic";
    }
}

const char *
wm_timeline_channel_title (const char *channel)
{
  if (g_strcmp0 (channel, "sms") == 0)
    return _("SMS");
  if (g_strcmp0 (channel, "email") == 0)
    return _("E-mail");
  if (g_strcmp0 (channel, "whatsapp") == 0)
    return _("WhatsApp");
  if (g_strcmp0 (channel, "viber") == 0)
    return _("Viber");
  if (g_strcmp0 (channel, "push") == 0)
    return _("Push");
  if (g_strcmp0 (channel, "voice") == 0)
    return _("Voice call");
  return channel;
}

gboolean
wm_timeline_item_is_journey (WmTimelineItem *item)
{
  WmTimelineKind kind = wm_timeline_item_get_kind (item);

  return kind == WM_TIMELINE_JOURNEY || kind == WM_TIMELINE_STAGE || kind == WM_TIMELINE_STAGE_STEP;
}

/* What a journey line is about: the journey, the stage or the step, by
 * name when it is known. */
static const char *
journey_subject (WmTimelineItem *item)
{
  const char *name;

  switch (wm_timeline_item_get_kind (item))
    {
    case WM_TIMELINE_JOURNEY:
      name = wm_timeline_item_get_journey_name (item);
      return name != NULL && *name != '\0' ? name : wm_timeline_item_get_journey (item);
    case WM_TIMELINE_STAGE:
      name = wm_timeline_item_get_stage_name (item);
      return name != NULL ? name : wm_timeline_item_get_stage (item);
    case WM_TIMELINE_STAGE_STEP:
    default:
      name = wm_timeline_item_get_step_name (item);
      return name != NULL ? name : wm_timeline_item_get_name (item);
    }
}

/* What happened to it, as one word for the chip's caption. */
static const char *
journey_result (WmTimelineItem *item)
{
  const char *result = wm_timeline_item_get_result (item);

  if (wm_timeline_item_get_kind (item) == WM_TIMELINE_STAGE_STEP)
    /* Translators: a step of a journey stage was done */
    return C_("journey step", "Done");
  if (g_strcmp0 (result, "triggered") == 0)
    /* Translators: a journey stage waits for its entry condition */
    return C_("journey stage", "Waiting");
  if (g_strcmp0 (result, "completed") == 0)
    return C_("journey stage", "Completed");
  return C_("journey stage", "Began");
}

/* A journey line's title: what it is about and what happened to it
 * ("“packed” began"), for the details and the table. */
static char *
journey_title (WmTimelineItem *item)
{
  const char *result = wm_timeline_item_get_result (item);
  const char *subject = journey_subject (item);

  if (wm_timeline_item_get_kind (item) == WM_TIMELINE_STAGE_STEP)
    /* Translators: a step of a journey stage was done, e.g. "“pack” done" */
    return g_strdup_printf (_("“%s” done"), subject);
  if (g_strcmp0 (result, "triggered") == 0)
    /* Translators: a journey stage is waiting for its entry condition */
    return g_strdup_printf (_("“%s” waiting"), subject);
  if (g_strcmp0 (result, "completed") == 0)
    return g_strdup_printf (_("“%s” completed"), subject);
  return g_strdup_printf (_("“%s” began"), subject);
}

char *
wm_timeline_item_title (WmTimelineItem *item)
{
  const char *name = wm_timeline_item_get_name (item);

  switch (wm_timeline_item_get_kind (item))
    {
    case WM_TIMELINE_EVENT:
    case WM_TIMELINE_GOAL:
      return g_strdup (name);
    case WM_TIMELINE_MILESTONE:
      return g_strdup (wm_timeline_item_get_label (item));
    case WM_TIMELINE_REJECTED:
      return g_strdup (_("Entry rejected"));
    case WM_TIMELINE_ENTER:
      return g_strdup (_("Entered"));
    case WM_TIMELINE_SEND:
      return g_strdup (wm_timeline_channel_title (wm_timeline_item_get_channel (item)));
    case WM_TIMELINE_NO_CONTACT:
      return g_strdup (_("No contact"));
    case WM_TIMELINE_NOTIFY:
      return g_strdup (_("Notification"));
    case WM_TIMELINE_API:
      return g_strdup (_("API call"));
    case WM_TIMELINE_OUTCOME:
      return g_strdup_printf ("%s: %s", wm_timeline_item_get_label (item), wm_timeline_item_get_result (item));
    case WM_TIMELINE_EXIT:
      return g_strdup (_("Exit"));
    case WM_TIMELINE_STOPPED:
      return g_strdup (_("Stopped"));
    case WM_TIMELINE_ERROR_REMOVAL:
      return g_strdup (_("Error"));
    case WM_TIMELINE_JOURNEY:
    case WM_TIMELINE_STAGE:
    case WM_TIMELINE_STAGE_STEP:
      return journey_title (item);
    default:
      return g_strdup (name);
    }
}

char *
wm_timeline_item_format_time (WmTimelineItem *item,
                              const char     *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wm_timeline_item_get_at (item));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wm_timeline_item_get_zone (item));

  return g_date_time_format (local, format);
}

GtkWidget *
wm_timeline_chip_new (void)
{
  return g_object_new (WM_TYPE_TIMELINE_CHIP, NULL);
}

void
wm_timeline_chip_bind (WmTimelineChip *self,
                       WmTimelineItem *item,
                       guint           position)
{
  g_autofree char *title = NULL;
  g_autofree char *time = NULL;
  g_autofree char *description = NULL;
  WmTimelineDirection direction;

  g_return_if_fail (WM_IS_TIMELINE_CHIP (self));

  self->position = position;
  if (self->item == item)
    return;
  g_set_object (&self->item, item);
  /* A free chip of the pool stays a child of the view: a screen reader
   * must not read the item it showed before. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, item == NULL, -1);
  if (item == NULL)
    return;

  direction = wm_timeline_item_get_direction (item);
  /* Translators: a timeline item's time of day, see g_date_time_format() */
  time = wm_timeline_item_format_time (item, _("%H:%M"));
  /* A chip has room for a name, not a sentence: a journey line's title
   * is the stage (or journey, or step), what happened to it is next to
   * the icon. */
  title = wm_timeline_item_is_journey (item) ? g_strdup (journey_subject (item)) : wm_timeline_item_title (item);
  description = wm_timeline_item_describe (item);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->direction),
                                direction == WM_TIMELINE_INBOUND ? "wm-arrow-in-symbolic"
                                : direction == WM_TIMELINE_OUTBOUND ? "wm-arrow-out-symbolic"
                                : "emblem-default-symbolic");
  gtk_widget_set_visible (self->direction, direction != WM_TIMELINE_INTERNAL);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), wm_timeline_item_icon_name (item));
  gtk_widget_set_visible (self->dot, wm_timeline_item_get_failure (item) != WM_TIMELINE_OK);
  gtk_widget_set_visible (self->result, wm_timeline_item_is_journey (item));
  gtk_label_set_text (GTK_LABEL (self->result), wm_timeline_item_is_journey (item) ? journey_result (item) : "");
  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_label_set_text (GTK_LABEL (self->time), time);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "inbound");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "outbound");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "internal");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "journey");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "stage-step");
  gtk_widget_add_css_class (GTK_WIDGET (self),
                            direction == WM_TIMELINE_INBOUND ? "inbound"
                            : direction == WM_TIMELINE_OUTBOUND ? "outbound" : "internal");
  /* Journey lines are milestones of the customer's life, not steps of a
   * flow: their own colour; a step done is a lighter mark. */
  if (wm_timeline_item_is_journey (item))
    gtk_widget_add_css_class (GTK_WIDGET (self),
                              wm_timeline_item_get_kind (item) == WM_TIMELINE_STAGE_STEP ? "stage-step" : "journey");
}

WmTimelineItem *
wm_timeline_chip_get_item (WmTimelineChip *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_CHIP (self), NULL);
  return self->item;
}

guint
wm_timeline_chip_get_position (WmTimelineChip *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_CHIP (self), G_MAXUINT);
  return self->position;
}

gboolean
wm_timeline_chip_get_failed (WmTimelineChip *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_CHIP (self), FALSE);
  return self->item != NULL && wm_timeline_item_get_failure (self->item) != WM_TIMELINE_OK;
}

static void
wm_timeline_chip_dispose (GObject *object)
{
  WmTimelineChip *self = WM_TIMELINE_CHIP (object);

  g_clear_object (&self->item);
  G_OBJECT_CLASS (wm_timeline_chip_parent_class)->dispose (object);
}

static void
wm_timeline_chip_class_init (WmTimelineChipClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_timeline_chip_dispose;
}

static void
wm_timeline_chip_init (WmTimelineChip *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  self->position = G_MAXUINT;
  self->direction = gtk_image_new ();
  self->icon = gtk_image_new ();
  self->result = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->result), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->result, "caption-heading");
  gtk_widget_set_visible (self->result, FALSE);
  self->dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->dot, "failure-dot");
  gtk_widget_set_valign (self->dot, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (self->dot, TRUE);
  gtk_widget_set_halign (self->dot, GTK_ALIGN_END);
  self->title = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  self->time = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->time), 0);
  gtk_widget_add_css_class (self->time, "dim-label");
  gtk_widget_add_css_class (self->time, "caption");

  gtk_box_append (GTK_BOX (top), self->direction);
  gtk_box_append (GTK_BOX (top), self->icon);
  gtk_box_append (GTK_BOX (top), self->result);
  gtk_box_append (GTK_BOX (top), self->dot);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), self->title);
  gtk_box_append (GTK_BOX (box), self->time);
  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "timeline-chip");
}
