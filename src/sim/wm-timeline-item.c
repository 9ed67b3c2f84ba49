/* wm-timeline-item.c - one thing that happened to a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain object with read-only fields, filled by the model from one
 * Timeline step, so list views and their sorters can hold it.
 */

#include "config.h"

#include "wm-timeline-private.h"

G_DEFINE_FINAL_TYPE (WmTimelineItem, wm_timeline_item, G_TYPE_OBJECT)

static void
wm_timeline_item_finalize (GObject *object)
{
  WmTimelineItem *self = (WmTimelineItem *) object;

  g_free (self->flow);
  g_free (self->element);
  g_free (self->channel);
  g_free (self->name);
  g_free (self->result);
  g_free (self->journey);
  g_free (self->journey_name);
  g_free (self->stage);
  g_free (self->stage_name);
  g_free (self->step_name);
  g_free (self->label);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (wm_timeline_item_parent_class)->finalize (object);
}

static void
wm_timeline_item_class_init (WmTimelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_timeline_item_finalize;
}

static void
wm_timeline_item_init (WmTimelineItem *self)
{
}

gint64
wm_timeline_item_get_at (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), 0);
  return self->at;
}

gint64
wm_timeline_item_get_day (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), 0);
  return self->day;
}

WmTimelineDirection
wm_timeline_item_get_direction (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), WM_TIMELINE_INTERNAL);
  return self->direction;
}

WmTimelineKind
wm_timeline_item_get_kind (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), WM_TIMELINE_EVENT);
  return self->kind;
}

WmTimelineFailure
wm_timeline_item_get_failure (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), WM_TIMELINE_OK);
  return self->failure;
}

const char *
wm_timeline_item_get_flow (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->flow;
}

const char *
wm_timeline_item_get_flow_name (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->flow_name;
}

GTimeZone *
wm_timeline_item_get_zone (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->zone;
}

guint
wm_timeline_item_get_version (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), 0);
  return self->version;
}

guint
wm_timeline_item_get_entry (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), 0);
  return self->entry;
}

const char *
wm_timeline_item_get_element (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->element;
}

const char *
wm_timeline_item_get_channel (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->channel;
}

const char *
wm_timeline_item_get_name (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->name;
}

const char *
wm_timeline_item_get_label (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->label != NULL ? self->label : self->name;
}

const char *
wm_timeline_item_get_result (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->result;
}

guint
wm_timeline_item_get_messages (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), 0);
  return self->messages;
}

const char *
wm_timeline_item_get_journey (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->journey;
}

const char *
wm_timeline_item_get_journey_name (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->journey_name;
}

const char *
wm_timeline_item_get_stage (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->stage;
}

const char *
wm_timeline_item_get_stage_name (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->stage_name;
}

const char *
wm_timeline_item_get_step_name (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), NULL);
  return self->step_name;
}

gint64
wm_timeline_item_get_cost (WmTimelineItem *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), 0);
  return self->cost;
}

WmReactionState
wm_timeline_item_get_reaction (WmTimelineItem *self,
                               WmReactionKind  reaction,
                               gint64         *at)
{
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (self), WM_REACTION_NOT_OFFERED);
  g_return_val_if_fail (reaction < WM_N_REACTIONS, WM_REACTION_NOT_OFFERED);

  if (at != NULL)
    *at = self->reaction_at[reaction];
  return self->reactions[reaction];
}
