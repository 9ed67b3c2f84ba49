/* wm-launch-summary.c - what launching a version means, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each sentence is one translatable string with its parts as arguments
 * (not glued from fragments), so a translation can reorder them. Values
 * that validation would reject still give a sentence: the summary is also
 * built for flows that are being fixed.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-expr.h"
#include "wm-launch-summary.h"
#include "wm-path-maxima.h"
#include "wm-sms.h"
#include "wm-time.h"

#define SECONDS_PER_DAY (24 * 3600)

const char *
wm_launch_channel_label (const char *channel)
{
  g_autofree char *type_name = NULL;
  const WmElementType *type;

  g_return_val_if_fail (channel != NULL, NULL);

  type_name = g_strconcat ("send.", channel, NULL);
  type = wm_catalogue_lookup (type_name);
  return type != NULL ? _(type->label) : channel;
}

static char *
describe_entry_date (WmElement *entry)
{
  const char *attribute = wm_element_get_config_string (entry, "attribute");
  const char *at = wm_element_get_config_string (entry, "at");
  const char *zone = wm_element_get_config_string (entry, "zone");
  JsonNode *offset_node = wm_element_get_config_member (entry, "offset");
  g_autofree char *when = NULL;
  gint64 offset = 0;

  if (attribute == NULL)
    attribute = "?";
  if (at == NULL)
    at = "09:00";
  if (offset_node != NULL && JSON_NODE_HOLDS_VALUE (offset_node)
      && json_node_get_value_type (offset_node) != G_TYPE_STRING
      && json_node_get_value_type (offset_node) != G_TYPE_BOOLEAN)
    offset = (gint64) json_node_get_double (offset_node);

  if (g_strcmp0 (zone, "flow") == 0)
    /* Translators: a time of day in the flow's time zone, e.g. "09:00 in the flow's time zone" */
    when = g_strdup_printf (_("%s in the flow’s time zone"), at);
  else
    /* Translators: a time of day in each person's own time zone, e.g. "09:00 their time" */
    when = g_strdup_printf (_("%s their time"), at);

  if (offset == 0)
    /* Translators: "People on the date in birthday, at 09:00 their time" */
    return g_strdup_printf (_("People on the date in %s, at %s"), attribute, when);
  if (offset > 0)
    return g_strdup_printf (ngettext ("People %d day after the date in %s, at %s",
                                      "People %d days after the date in %s, at %s",
                                      (gulong) MIN (offset, G_MAXINT)),
                            (int) MIN (offset, G_MAXINT), attribute, when);
  return g_strdup_printf (ngettext ("People %d day before the date in %s, at %s",
                                    "People %d days before the date in %s, at %s",
                                    (gulong) MIN (-offset, G_MAXINT)),
                          (int) MIN (-offset, G_MAXINT), attribute, when);
}

char *
wm_launch_describe_entry (WmVersion *version)
{
  WmElement *entry;
  const char *type;

  g_return_val_if_fail (WM_IS_VERSION (version), NULL);

  entry = wm_version_get_entry (version);
  if (entry == NULL)
    return g_strdup (_("Nobody: the flow needs exactly one entry point"));

  type = wm_element_get_type_name (entry);
  if (g_str_equal (type, "entry.event"))
    {
      const char *event = wm_element_get_config_string (entry, "event");
      const char *where = wm_element_get_config_string (entry, "where");

      if (event == NULL)
        event = "?";
      if (where != NULL)
        /* Translators: "People who trigger CartAbandoned where event.cart_value > 50" */
        return g_strdup_printf (_("People who trigger %s where %s"), event, where);
      return g_strdup_printf (_("People who trigger %s"), event);
    }
  if (g_str_equal (type, "entry.audience"))
    {
      const char *where = wm_element_get_config_string (entry, "where");

      if (where != NULL)
        return g_strdup_printf (_("Everyone in the audience where %s, once, at launch"), where);
      return g_strdup (_("Everyone in the audience, once, at launch"));
    }
  if (g_str_equal (type, "entry.inbound"))
    {
      const char *channel = wm_element_get_config_string (entry, "channel");
      const char *number = wm_element_get_config_string (entry, "number");
      const char *keyword = wm_element_get_config_string (entry, "keyword");
      const char *label = channel != NULL ? wm_launch_channel_label (channel) : "?";

      if (number == NULL)
        number = "?";
      if (keyword != NULL)
        /* Translators: "People who send “JOIN” by SMS to 385991234567" */
        return g_strdup_printf (_("People who send “%s” by %s to %s"), keyword, label, number);
      return g_strdup_printf (_("People who send any message by %s to %s"), label, number);
    }
  return describe_entry_date (entry);
}

/* A duration in the unit it was written in ("30d" is "30 days", not "4
 * weeks 2 days"), as a person wrote it; NULL when @text is not a
 * duration. */
static char *
describe_duration (const char *text)
{
  gint64 seconds;
  int n;
  gulong c;

  if (text == NULL || !wm_duration_parse (text, &seconds))
    return NULL;
  n = atoi (text);
  c = (gulong) n;
  switch (text[strlen (text) - 1])
    {
    case 'w':
      return g_strdup_printf (ngettext ("%d week", "%d weeks", c), n);
    case 'd':
      return g_strdup_printf (ngettext ("%d day", "%d days", c), n);
    case 'h':
      return g_strdup_printf (ngettext ("%d hour", "%d hours", c), n);
    case 'm':
      return g_strdup_printf (ngettext ("%d minute", "%d minutes", c), n);
    default:
      return g_strdup_printf (ngettext ("%d second", "%d seconds", c), n);
    }
}

/* "a week" for one unit ("1w", "7d"), else "in 30 days". */
static char *
describe_period (const char *text)
{
  g_autofree char *words = NULL;
  gint64 seconds = 0;

  if (text != NULL && wm_duration_parse (text, &seconds))
    switch (seconds)
      {
      case 7 * SECONDS_PER_DAY:
        return g_strdup (_("a week"));
      case SECONDS_PER_DAY:
        return g_strdup (_("a day"));
      case 3600:
        return g_strdup (_("an hour"));
      case 60:
        return g_strdup (_("a minute"));
      default:
        break;
      }
  words = describe_duration (text);
  if (words == NULL)
    words = g_strdup ("?");
  /* Translators: a period in a limit, "2 times in 30 days" */
  return g_strdup_printf (_("in %s"), words);
}

static JsonObject *
settings_object (WmVersion  *version,
                 const char *key)
{
  JsonObject *settings = wm_version_get_settings (version);
  JsonNode *node;

  if (settings == NULL || !json_object_has_member (settings, key))
    return NULL;
  node = json_object_get_member (settings, key);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
object_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return *json_node_get_string (node) != '\0' ? json_node_get_string (node) : NULL;
}

/* The duration @key of @object in words, or NULL when it is missing, not
 * a duration or zero (no delay, no window). */
static char *
object_duration (JsonObject *object,
                 const char *key)
{
  const char *text = object_string (object, key);
  gint64 seconds = 0;

  if (text == NULL || !wm_duration_parse (text, &seconds) || seconds == 0)
    return NULL;
  return describe_duration (text);
}

/* "2 times a week, once a day" */
static char *
describe_limits (JsonObject *reentry)
{
  JsonNode *node = json_object_get_member (reentry, "limits");
  JsonArray *limits;
  GString *out = g_string_new (NULL);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_string_free (out, FALSE);
  limits = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (limits); i++)
    {
      JsonNode *item = json_array_get_element (limits, i);
      JsonObject *limit;
      JsonNode *count_node;
      g_autofree char *period = NULL;
      gint64 count;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      limit = json_node_get_object (item);
      count_node = json_object_get_member (limit, "count");
      if (count_node == NULL || !JSON_NODE_HOLDS_VALUE (count_node)
          || json_node_get_value_type (count_node) == G_TYPE_STRING
          || json_node_get_value_type (count_node) == G_TYPE_BOOLEAN)
        continue;
      count = (gint64) CLAMP (json_node_get_double (count_node), 0, G_MAXINT);
      period = describe_period (object_string (limit, "period"));

      if (out->len > 0)
        /* Translators: separates two re-entry limits */
        g_string_append (out, _(", "));
      if (count == 1)
        /* Translators: "once a week", "once in 30 days" */
        g_string_append_printf (out, _("once %s"), period);
      else
        /* Translators: "2 times a week", "5 times in 30 days" */
        g_string_append_printf (out, ngettext ("%d time %s", "%d times %s", (gulong) count),
                                (int) count, period);
    }
  return g_string_free (out, FALSE);
}

char *
wm_launch_describe_reentry (WmVersion *version)
{
  JsonObject *reentry;
  JsonNode *enabled;
  g_autofree char *limits = NULL;
  g_autofree char *delay = NULL;

  g_return_val_if_fail (WM_IS_VERSION (version), NULL);

  reentry = settings_object (version, "reentry");
  if (reentry == NULL)
    return g_strdup (_("Any number of times, again as soon as they leave"));

  enabled = json_object_get_member (reentry, "enabled");
  if (enabled != NULL && JSON_NODE_HOLDS_VALUE (enabled)
      && json_node_get_value_type (enabled) == G_TYPE_BOOLEAN
      && !json_node_get_boolean (enabled))
    return g_strdup (_("Only once: nobody enters twice"));

  limits = describe_limits (reentry);
  delay = object_duration (reentry, "delay");

  if (*limits == '\0' && delay == NULL)
    return g_strdup (_("Any number of times, again as soon as they leave"));
  if (*limits == '\0')
    /* Translators: "Any number of times, 1 day after leaving" */
    return g_strdup_printf (_("Any number of times, %s after leaving"), delay);
  if (delay == NULL)
    /* Translators: "At most 2 times a week" */
    return g_strdup_printf (_("At most %s"), limits);
  /* Translators: "At most 2 times a week, 1 day after leaving" */
  return g_strdup_printf (_("At most %s, %s after leaving"), limits, delay);
}

char *
wm_launch_describe_goal (WmVersion *version)
{
  JsonObject *goal;
  const char *event;
  const char *value;
  g_autofree char *window_words = NULL;

  g_return_val_if_fail (WM_IS_VERSION (version), NULL);

  goal = settings_object (version, "goal");
  event = object_string (goal, "event");
  if (event == NULL)
    return g_strdup (_("No goal"));
  value = object_string (goal, "value");
  window_words = object_duration (goal, "window");

  if (window_words == NULL && value == NULL)
    return g_strdup_printf (_("People who trigger %s while in the flow"), event);
  if (window_words == NULL)
    /* Translators: "People who trigger Purchase while in the flow, adding up its amount" */
    return g_strdup_printf (_("People who trigger %s while in the flow, adding up its %s"), event, value);
  if (value == NULL)
    /* Translators: "People who trigger Purchase in the flow or up to 7 days after leaving" */
    return g_strdup_printf (_("People who trigger %s in the flow or up to %s after leaving"),
                            event, window_words);
  return g_strdup_printf (_("People who trigger %s in the flow or up to %s after leaving, adding up its %s"),
                          event, window_words, value);
}

static char *
describe_instant (gint64      t,
                  const char *zone)
{
  GTimeZone *tz = zone != NULL ? wm_zone_get (zone) : NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  int year, month, day, second;

  if (tz == NULL)
    {
      tz = utc = g_time_zone_new_utc ();
      zone = "UTC";
    }
  wm_instant_to_local (tz, t, &year, &month, &day, &second, NULL);
  date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  time = g_strdup_printf ("%02d:%02d", second / 3600, second / 60 % 60);
  /* Translators: "On 2026-12-03 at 09:00 (Europe/Zagreb)" */
  return g_strdup_printf (_("On %s at %s (%s)"), date, time, zone);
}

char *
wm_launch_describe_start (gboolean    now,
                          gint64      start,
                          const char *zone)
{
  if (now)
    return g_strdup (_("Now"));
  return describe_instant (start, zone);
}

char *
wm_launch_describe_end (gboolean    has_end,
                        gint64      end,
                        gboolean    indefinite,
                        const char *zone)
{
  if (has_end)
    return describe_instant (end, zone);
  if (indefinite)
    return g_strdup (_("Runs indefinitely"));
  return g_strdup (_("90 days after launch"));
}

guint
wm_launch_element_messages (WmElement *element)
{
  const WmElementType *type;
  const char *text;
  g_autoptr(WmExpr) expr = NULL;
  g_autofree char *literal = NULL;
  WmSmsInfo info;

  g_return_val_if_fail (WM_IS_ELEMENT (element), 0);

  type = wm_element_get_element_type (element);
  if (type == NULL || type->channel == NULL)
    return 0;
  if (!g_str_equal (type->channel, "sms"))
    return 1;

  text = wm_element_get_config_string (element, "text");
  if (text == NULL)
    return 1;
  expr = wm_expr_compile (text, WM_EXPR_TEMPLATE, NULL, NULL);
  if (expr == NULL)
    return 1;
  literal = wm_expr_template_literal (expr);
  wm_sms_measure (literal, -1, &info);
  return info.segments;
}

static void
channel_weights (WmElement *element,
                 guint64   *weights,
                 gpointer   user_data)
{
  const WmElementType *type = wm_element_get_element_type (element);
  int index;

  for (guint i = 0; i < WM_N_CHANNELS; i++)
    weights[i] = 0;
  if (type == NULL || type->channel == NULL)
    return;
  index = wm_catalogue_channel_index (type->channel);
  if (index >= 0)
    weights[index] = wm_launch_element_messages (element);
}

void
wm_launch_count_messages (WmVersion *version,
                          guint64    messages[WM_N_CHANNELS])
{
  g_return_if_fail (WM_IS_VERSION (version));

  wm_path_maxima (version, WM_N_CHANNELS, channel_weights, NULL, messages);
}

char *
wm_launch_describe_messages (guint64 messages)
{
  gulong n = (gulong) MIN (messages, G_MAXINT);

  return g_strdup_printf (ngettext ("Up to %lu message per entry", "Up to %lu messages per entry", n), n);
}
