/* wm-timeline-describe.c - one line that says what a timeline item is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accessible name of a timeline item, so a screen reader says the
 * value and not only the kind: "SMS sent 12 March 09:12, delivered, not
 * clicked". Whole sentences per kind and channel, so translators see them
 * whole; times in the item's zone (the profile's).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-timeline-model.h"

static char *
format_time (WmTimelineItem *item)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wm_timeline_item_get_at (item));
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, wm_timeline_item_get_zone (item));
  /* Translators: when a timeline item happened, see g_date_time_format() */
  return g_date_time_format (local, _("%-e %B %H:%M"));
}

static const char *
flow_label (WmTimelineItem *item)
{
  const char *name = wm_timeline_item_get_flow_name (item);

  return name != NULL && *name != '\0' ? name : wm_timeline_item_get_flow (item);
}

/* A channel as the object of a sentence. */
static const char *
channel_noun (const char *channel)
{
  if (g_strcmp0 (channel, "sms") == 0)
    return _("SMS");
  if (g_strcmp0 (channel, "email") == 0)
    return _("e-mail");
  if (g_strcmp0 (channel, "whatsapp") == 0)
    return _("WhatsApp message");
  if (g_strcmp0 (channel, "viber") == 0)
    return _("Viber message");
  if (g_strcmp0 (channel, "push") == 0)
    return _("push notification");
  if (g_strcmp0 (channel, "voice") == 0)
    return _("voice call");
  return channel != NULL ? channel : "";
}

static char *
describe_sent (const char *channel,
               const char *when)
{
  if (g_strcmp0 (channel, "sms") == 0)
    return g_strdup_printf (_("SMS sent %s"), when);
  if (g_strcmp0 (channel, "email") == 0)
    return g_strdup_printf (_("E-mail sent %s"), when);
  if (g_strcmp0 (channel, "whatsapp") == 0)
    return g_strdup_printf (_("WhatsApp message sent %s"), when);
  if (g_strcmp0 (channel, "viber") == 0)
    return g_strdup_printf (_("Viber message sent %s"), when);
  if (g_strcmp0 (channel, "push") == 0)
    return g_strdup_printf (_("Push notification sent %s"), when);
  if (g_strcmp0 (channel, "voice") == 0)
    return g_strdup_printf (_("Voice call made %s"), when);
  return g_strdup_printf (_("Message sent %s"), when);
}

/* ", delivered, not clicked": the reactions the channel offers, up to the
 * first that did not happen (the later ones cannot). */
static void
append_reactions (GString        *text,
                  WmTimelineItem *item)
{
  static const char *words[WM_N_REACTIONS][3] = {
    { N_("delivered"), N_("not delivered"), N_("not delivered by the end of the run") },
    { N_("opened"), N_("not opened"), N_("not opened by the end of the run") },
    { N_("clicked"), N_("not clicked"), N_("not clicked by the end of the run") },
  };

  for (guint r = 0; r < WM_N_REACTIONS; r++)
    {
      WmReactionState state = wm_timeline_item_get_reaction (item, r, NULL);

      if (state == WM_REACTION_NOT_OFFERED)
        continue;
      g_string_append (text, ", ");
      if (state == WM_REACTION_HAPPENED)
        g_string_append (text, _(words[r][0]));
      else
        {
          g_string_append (text, _(words[r][state == WM_REACTION_DID_NOT_HAPPEN ? 1 : 2]));
          return;
        }
    }
}

static const char *
reason_text (const char *reason)
{
  if (g_strcmp0 (reason, "inactive") == 0)
    return _("no version was accepting entries");
  if (g_strcmp0 (reason, "inside") == 0)
    return _("already inside");
  if (g_strcmp0 (reason, "no-reentry") == 0)
    return _("re-entry is not allowed");
  if (g_strcmp0 (reason, "delay") == 0)
    return _("too soon after the last exit");
  if (g_strcmp0 (reason, "limit") == 0)
    return _("entry limit reached");
  if (g_strcmp0 (reason, "stage") == 0)
    return _("not at a journey stage that lists the flow");
  return reason != NULL ? reason : "";
}

static char *
describe_outcome (WmTimelineItem *item,
                  const char     *when)
{
  const char *name = wm_timeline_item_get_label (item);
  const char *result = wm_timeline_item_get_result (item);

  if (g_strcmp0 (result, "success") == 0)
    return g_strdup_printf (_("Outcome “%s” succeeded %s"), name, when);
  if (g_strcmp0 (result, "failure") == 0)
    return g_strdup_printf (_("Outcome “%s” failed %s"), name, when);
  if (g_strcmp0 (result, "abandoned") == 0)
    return g_strdup_printf (_("Outcome “%s” abandoned %s"), name, when);
  return g_strdup_printf (_("Outcome “%s” started %s"), name, when);
}

/* The journey as people know it: its name when the run has it. */
static const char *
journey_label (WmTimelineItem *item)
{
  const char *name = wm_timeline_item_get_journey_name (item);

  return name != NULL && *name != '\0' ? name : wm_timeline_item_get_journey (item);
}

static const char *
stage_label (WmTimelineItem *item)
{
  const char *name = wm_timeline_item_get_stage_name (item);

  return name != NULL ? name : wm_timeline_item_get_stage (item);
}

static char *
describe_journey (WmTimelineItem *item,
                  const char     *when)
{
  const char *result = wm_timeline_item_get_result (item);
  const char *journey = journey_label (item);
  const char *stage = stage_label (item);
  const char *step;

  switch (wm_timeline_item_get_kind (item))
    {
    case WM_TIMELINE_JOURNEY:
      if (g_strcmp0 (result, "completed") == 0)
        return g_strdup_printf (_("Journey “%s” completed %s"), journey, when);
      return g_strdup_printf (_("Journey “%s” began %s"), journey, when);
    case WM_TIMELINE_STAGE:
      if (g_strcmp0 (result, "triggered") == 0)
        /* Translators: a journey stage waits for its entry condition, e.g.
         * "Stage “Onboarded” of “New customer onboarding” triggered 12 March 09:12" */
        return g_strdup_printf (_("Stage “%s” of “%s” triggered %s"), stage, journey, when);
      if (g_strcmp0 (result, "completed") == 0)
        return g_strdup_printf (_("Stage “%s” of “%s” completed %s"), stage, journey, when);
      return g_strdup_printf (_("Stage “%s” of “%s” began %s"), stage, journey, when);
    case WM_TIMELINE_STAGE_STEP:
    default:
      step = wm_timeline_item_get_step_name (item);
      return g_strdup_printf (_("Step “%s” of stage “%s” done %s"),
                              step != NULL ? step : wm_timeline_item_get_name (item), stage, when);
    }
}

char *
wm_timeline_item_describe (WmTimelineItem *item)
{
  g_autofree char *when = NULL;
  const char *channel;
  GString *text;

  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (item), NULL);

  when = format_time (item);
  channel = wm_timeline_item_get_channel (item);
  switch (wm_timeline_item_get_kind (item))
    {
    case WM_TIMELINE_EVENT:
      if (channel != NULL)
        /* Translators: an inbound message, e.g. "SMS received 12 March 09:12" */
        return g_strdup_printf (_("%s received %s"), channel_noun (channel), when);
      return g_strdup_printf (_("Event “%s” %s"), wm_timeline_item_get_name (item), when);
    case WM_TIMELINE_SEND:
      {
        g_autofree char *sent = describe_sent (channel, when);

        text = g_string_new (sent);
      }
      append_reactions (text, item);
      return g_string_free (text, FALSE);
    case WM_TIMELINE_NO_CONTACT:
      return g_strdup_printf (_("No %s sent %s: no valid contact"), channel_noun (channel), when);
    case WM_TIMELINE_NOTIFY:
      return g_strdup_printf (_("Internal notification by %s %s"), channel_noun (channel), when);
    case WM_TIMELINE_REJECTED:
      return g_strdup_printf (_("Entry into “%s” rejected %s: %s"), flow_label (item), when,
                              reason_text (wm_timeline_item_get_name (item)));
    case WM_TIMELINE_ENTER:
      return g_strdup_printf (_("Entered “%s” (version %u) %s"), flow_label (item),
                              wm_timeline_item_get_version (item), when);
    case WM_TIMELINE_API:
      if (wm_timeline_item_get_failure (item) == WM_TIMELINE_API_FAILURE)
        return g_strdup_printf (_("API call failed %s"), when);
      return g_strdup_printf (_("API call succeeded %s"), when);
    case WM_TIMELINE_MILESTONE:
      return g_strdup_printf (_("Milestone “%s” reached %s"), wm_timeline_item_get_label (item), when);
    case WM_TIMELINE_OUTCOME:
      return describe_outcome (item, when);
    case WM_TIMELINE_GOAL:
      return g_strdup_printf (_("Goal “%s” reached %s"), wm_timeline_item_get_name (item), when);
    case WM_TIMELINE_EXIT:
      return g_strdup_printf (_("Left “%s” %s"), flow_label (item), when);
    case WM_TIMELINE_STOPPED:
      return g_strdup_printf (_("Removed from “%s” %s: the version was stopped"), flow_label (item), when);
    case WM_TIMELINE_JOURNEY:
    case WM_TIMELINE_STAGE:
    case WM_TIMELINE_STAGE_STEP:
      return describe_journey (item, when);
    case WM_TIMELINE_ERROR_REMOVAL:
    default:
      return g_strdup_printf (_("Removed from “%s” %s: too many steps at one moment"), flow_label (item),
                              when);
    }
}
