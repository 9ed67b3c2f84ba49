/* wm-catalogue.c - the element catalogue of flow-format.md, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "wm-catalogue.h"

static const char * const channels[] = { "sms", "email", "whatsapp", "viber", "push", "voice", NULL };

static const char * const port_out[] = { "out", NULL };
static const char * const port_none[] = { NULL };
static const char * const ports_event[] = { "occurred", "timeout", NULL };
static const char * const ports_react[] = { "yes", "no", NULL };
static const char * const ports_api[] = { "success", "failure", NULL };

static const char * const reactions_dc[] = { "delivered", "clicked", NULL };
static const char * const reactions_doc[] = { "delivered", "opened", "clicked", NULL };
static const char * const reactions_do[] = { "delivered", "opened", NULL };
static const char * const reactions_d[] = { "delivered", NULL };

static const char * const inbound_channels[] = { "sms", "whatsapp", "viber", NULL };
static const char * const zones[] = { "profile", "flow", NULL };
static const char * const methods[] = { "GET", "POST", "PUT", "DELETE", NULL };
static const char * const notify_channels[] = { "email", "sms", NULL };
static const char * const results[] = { "success", "failure", NULL };

#define FIELD(n, k, req, def, lbl) { n, k, req, def, NULL, 0, 0, lbl }
#define CHOICE(n, req, def, list, lbl) { n, WM_FIELD_CHOICE, req, def, list, 0, 0, lbl }
#define RANGE(n, k, req, def, lo, hi, lbl) { n, k, req, def, NULL, lo, hi, lbl }
#define WINDOW FIELD ("send_window", WM_FIELD_SEND_WINDOW, FALSE, NULL, N_("Send window"))

static const WmFieldSpec f_entry_event[] = {
  FIELD ("event", WM_FIELD_EVENT_NAME, TRUE, NULL, N_("Event")),
  FIELD ("where", WM_FIELD_EXPRESSION, FALSE, NULL, N_("Condition")),
};
static const WmFieldSpec f_entry_audience[] = {
  FIELD ("where", WM_FIELD_EXPRESSION, FALSE, NULL, N_("Condition")),
};
static const WmFieldSpec f_entry_inbound[] = {
  CHOICE ("channel", TRUE, NULL, inbound_channels, N_("Channel")),
  FIELD ("number", WM_FIELD_TEXT, TRUE, NULL, N_("Number")),
  FIELD ("keyword", WM_FIELD_TEXT, FALSE, NULL, N_("Keyword")),
};
static const WmFieldSpec f_entry_date[] = {
  FIELD ("attribute", WM_FIELD_ATTRIBUTE, TRUE, NULL, N_("Date attribute")),
  /* Whole days, positive or negative; the spec sets no bound (min == max: none). */
  RANGE ("offset", WM_FIELD_INTEGER, FALSE, "0", 0, 0, N_("Offset in days")),
  FIELD ("at", WM_FIELD_CLOCK, FALSE, "09:00", N_("Time of day")),
  CHOICE ("zone", FALSE, "profile", zones, N_("Time zone")),
};
static const WmFieldSpec f_send_sms[] = {
  FIELD ("sender", WM_FIELD_TEXT, TRUE, NULL, N_("Sender")),
  FIELD ("text", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Text")),
  WINDOW,
};
static const WmFieldSpec f_send_email[] = {
  FIELD ("from", WM_FIELD_EMAIL, TRUE, NULL, N_("From")),
  FIELD ("subject", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Subject")),
  FIELD ("body", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Body")),
  WINDOW,
};
static const WmFieldSpec f_send_whatsapp[] = {
  FIELD ("sender", WM_FIELD_TEXT, TRUE, NULL, N_("Sender")),
  FIELD ("template", WM_FIELD_TEXT, TRUE, NULL, N_("Template")),
  FIELD ("text", WM_FIELD_TEMPLATE, FALSE, NULL, N_("Text")),
  WINDOW,
};
static const WmFieldSpec f_send_viber[] = {
  FIELD ("sender", WM_FIELD_TEXT, TRUE, NULL, N_("Sender")),
  FIELD ("text", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Text")),
  WINDOW,
};
static const WmFieldSpec f_send_push[] = {
  FIELD ("app", WM_FIELD_TEXT, TRUE, NULL, N_("App")),
  FIELD ("title", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Title")),
  FIELD ("text", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Text")),
  WINDOW,
};
static const WmFieldSpec f_send_voice[] = {
  FIELD ("from", WM_FIELD_TEXT, TRUE, NULL, N_("Caller number")),
  FIELD ("text", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Spoken text")),
  WINDOW,
};
static const WmFieldSpec f_wait_delay[] = {
  FIELD ("duration", WM_FIELD_DURATION, TRUE, NULL, N_("Duration")),
};
static const WmFieldSpec f_wait_time[] = {
  FIELD ("at", WM_FIELD_CLOCK, TRUE, NULL, N_("Time of day")),
  FIELD ("days", WM_FIELD_DAYS, FALSE, NULL, N_("Days")),
  CHOICE ("zone", FALSE, "profile", zones, N_("Time zone")),
};
static const WmFieldSpec f_wait_event[] = {
  FIELD ("event", WM_FIELD_EVENT_NAME, TRUE, NULL, N_("Event")),
  FIELD ("where", WM_FIELD_EXPRESSION, FALSE, NULL, N_("Condition")),
  FIELD ("timeout", WM_FIELD_DURATION, TRUE, NULL, N_("Timeout")),
  FIELD ("assign", WM_FIELD_ASSIGN, FALSE, NULL, N_("Store event properties")),
};
static const WmFieldSpec f_react_message[] = {
  FIELD ("element", WM_FIELD_ELEMENT, TRUE, NULL, N_("Message")),
  FIELD ("reaction", WM_FIELD_REACTION, TRUE, NULL, N_("Reaction")),
  FIELD ("timeout", WM_FIELD_DURATION, TRUE, NULL, N_("Timeout")),
};
static const WmFieldSpec f_branch[] = {
  RANGE ("branches", WM_FIELD_BRANCHES, TRUE, NULL, 1, 20, N_("Branches")),
};
static const WmFieldSpec f_split[] = {
  RANGE ("variants", WM_FIELD_VARIANTS, TRUE, NULL, 2, 10, N_("Variants")),
};
static const WmFieldSpec f_set_variable[] = {
  FIELD ("variable", WM_FIELD_VARIABLE, TRUE, NULL, N_("Variable")),
  FIELD ("value", WM_FIELD_EXPRESSION, TRUE, NULL, N_("Value")),
};
static const WmFieldSpec f_set_attribute[] = {
  FIELD ("attribute", WM_FIELD_ATTRIBUTE, TRUE, NULL, N_("Attribute")),
  FIELD ("value", WM_FIELD_EXPRESSION, TRUE, NULL, N_("Value")),
};
static const WmFieldSpec f_call_api[] = {
  CHOICE ("method", TRUE, NULL, methods, N_("Method")),
  FIELD ("url", WM_FIELD_TEMPLATE, TRUE, NULL, N_("URL")),
  FIELD ("body", WM_FIELD_TEMPLATE, FALSE, NULL, N_("Body")),
};
static const WmFieldSpec f_add_to_flow[] = {
  FIELD ("flow", WM_FIELD_FLOW, TRUE, NULL, N_("Flow")),
  FIELD ("transfer", WM_FIELD_TRANSFER, FALSE, NULL, N_("Variables to pass on")),
};
static const WmFieldSpec f_notify[] = {
  CHOICE ("channel", TRUE, NULL, notify_channels, N_("Channel")),
  FIELD ("recipient", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Recipient")),
  FIELD ("text", WM_FIELD_TEMPLATE, TRUE, NULL, N_("Text")),
};
static const WmFieldSpec f_milestone[] = {
  FIELD ("milestone", WM_FIELD_MILESTONE, TRUE, NULL, N_("Milestone")),
};
static const WmFieldSpec f_outcome_start[] = {
  FIELD ("outcome", WM_FIELD_OUTCOME, TRUE, NULL, N_("Outcome")),
};
static const WmFieldSpec f_outcome_set[] = {
  FIELD ("outcome", WM_FIELD_OUTCOME, TRUE, NULL, N_("Outcome")),
  CHOICE ("result", TRUE, NULL, results, N_("Result")),
};

#define FIELDS(f) f, G_N_ELEMENTS (f)
#define NO_FIELDS NULL, 0

static const WmElementType types[] = {
  { "entry.event", WM_CATEGORY_ENTRY, N_("Event"),
    N_("Starts when a customer triggers an event"),
    "find-location-symbolic", port_out, FALSE, FIELDS (f_entry_event), NULL, NULL, NULL, FALSE },
  { "entry.audience", WM_CATEGORY_ENTRY, N_("Audience"),
    N_("Takes in everyone who matches, once, at launch"),
    "system-users-symbolic", port_out, FALSE, FIELDS (f_entry_audience), NULL, NULL, NULL, FALSE },
  { "entry.inbound", WM_CATEGORY_ENTRY, N_("Inbound message"),
    N_("Starts when a customer writes to a number"),
    "mail-message-new-symbolic", port_out, FALSE, FIELDS (f_entry_inbound), NULL, NULL, NULL, FALSE },
  { "entry.date", WM_CATEGORY_ENTRY, N_("Date"),
    N_("Starts on a date stored with the customer, every year"),
    "x-office-calendar-symbolic", port_out, FALSE, FIELDS (f_entry_date), NULL, NULL, NULL, FALSE },

  { "send.sms", WM_CATEGORY_CHANNEL, N_("SMS"), N_("Sends a text message"),
    "phone-symbolic", port_out, FALSE, FIELDS (f_send_sms), "sms", "phone", reactions_dc, FALSE },
  { "send.email", WM_CATEGORY_CHANNEL, N_("E-mail"), N_("Sends an e-mail"),
    "mail-unread-symbolic", port_out, FALSE, FIELDS (f_send_email), "email", "email", reactions_doc, FALSE },
  { "send.whatsapp", WM_CATEGORY_CHANNEL, N_("WhatsApp"), N_("Sends a WhatsApp template message"),
    "chat-message-new-symbolic", port_out, FALSE, FIELDS (f_send_whatsapp), "whatsapp", "phone", reactions_doc, FALSE },
  { "send.viber", WM_CATEGORY_CHANNEL, N_("Viber"), N_("Sends a Viber message"),
    "user-available-symbolic", port_out, FALSE, FIELDS (f_send_viber), "viber", "phone", reactions_doc, FALSE },
  { "send.push", WM_CATEGORY_CHANNEL, N_("Push notification"), N_("Sends a push notification to the app"),
    "preferences-system-notifications-symbolic", port_out, FALSE, FIELDS (f_send_push), "push", "push_token", reactions_do, FALSE },
  { "send.voice", WM_CATEGORY_CHANNEL, N_("Voice call"), N_("Calls and speaks a message"),
    "call-start-symbolic", port_out, FALSE, FIELDS (f_send_voice), "voice", "phone", reactions_d, FALSE },

  { "wait.delay", WM_CATEGORY_FUNCTION, N_("Wait"), N_("Waits for a while"),
    "alarm-symbolic", port_out, FALSE, FIELDS (f_wait_delay), NULL, NULL, NULL, TRUE },
  { "wait.time", WM_CATEGORY_FUNCTION, N_("Wait until a time"), N_("Waits until a time of day"),
    "preferences-system-time-symbolic", port_out, FALSE, FIELDS (f_wait_time), NULL, NULL, NULL, TRUE },
  { "wait.event", WM_CATEGORY_FUNCTION, N_("Wait for event"), N_("Waits until the customer does something"),
    "emblem-synchronizing-symbolic", ports_event, FALSE, FIELDS (f_wait_event), NULL, NULL, NULL, TRUE },
  { "react.message", WM_CATEGORY_FUNCTION, N_("React to message"), N_("Goes on by how a message was received"),
    "mail-replied-symbolic", ports_react, FALSE, FIELDS (f_react_message), NULL, NULL, NULL, TRUE },
  { "branch.condition", WM_CATEGORY_FUNCTION, N_("Branch"), N_("Chooses a path by conditions"),
    "media-playlist-shuffle-symbolic", port_none, TRUE, FIELDS (f_branch), NULL, NULL, NULL, FALSE },
  { "split.percent", WM_CATEGORY_FUNCTION, N_("Split"), N_("Splits customers by percentage"),
    "view-dual-symbolic", port_none, TRUE, FIELDS (f_split), NULL, NULL, NULL, FALSE },
  { "set.variable", WM_CATEGORY_FUNCTION, N_("Set variable"), N_("Stores a value for this entry"),
    "insert-text-symbolic", port_out, FALSE, FIELDS (f_set_variable), NULL, NULL, NULL, FALSE },
  { "set.attribute", WM_CATEGORY_FUNCTION, N_("Set attribute"), N_("Changes the customer's profile"),
    "document-edit-symbolic", port_out, FALSE, FIELDS (f_set_attribute), NULL, NULL, NULL, FALSE },
  { "call.api", WM_CATEGORY_FUNCTION, N_("API call"), N_("Calls a web service"),
    "network-server-symbolic", ports_api, FALSE, FIELDS (f_call_api), NULL, NULL, NULL, FALSE },
  { "add.to.flow", WM_CATEGORY_FUNCTION, N_("Add to flow"), N_("Adds the customer to another flow"),
    "mail-forward-symbolic", port_out, FALSE, FIELDS (f_add_to_flow), NULL, NULL, NULL, FALSE },
  { "notify.internal", WM_CATEGORY_FUNCTION, N_("Internal notification"), N_("Tells a colleague"),
    "mail-send-symbolic", port_out, FALSE, FIELDS (f_notify), NULL, NULL, NULL, FALSE },

  { "milestone", WM_CATEGORY_MILESTONE, N_("Milestone"), N_("Records that the customer got this far"),
    "emoji-flags-symbolic", port_out, FALSE, FIELDS (f_milestone), NULL, NULL, NULL, FALSE },
  { "outcome.start", WM_CATEGORY_MILESTONE, N_("Start outcome"), N_("Opens an outcome to measure"),
    "media-playback-start-symbolic", port_out, FALSE, FIELDS (f_outcome_start), NULL, NULL, NULL, FALSE },
  { "outcome.set", WM_CATEGORY_MILESTONE, N_("Set outcome"), N_("Records an outcome as success or failure"),
    "emblem-ok-symbolic", port_out, FALSE, FIELDS (f_outcome_set), NULL, NULL, NULL, FALSE },

  { "exit", WM_CATEGORY_EXIT, N_("Exit"), N_("The customer leaves the flow"),
    "application-exit-symbolic", port_none, FALSE, NO_FIELDS, NULL, NULL, NULL, FALSE },
};

const char * const *
wm_catalogue_channels (void)
{
  return channels;
}

int
wm_catalogue_channel_index (const char *channel)
{
  for (int i = 0; channels[i] != NULL; i++)
    if (g_strcmp0 (channels[i], channel) == 0)
      return i;
  return -1;
}

guint
wm_catalogue_get_n_types (void)
{
  return G_N_ELEMENTS (types);
}

const WmElementType *
wm_catalogue_get_type_at (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (types), NULL);
  return &types[index];
}

const WmElementType *
wm_catalogue_lookup (const char *type)
{
  if (type == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].type, type) == 0)
      return &types[i];
  return NULL;
}

const WmFieldSpec *
wm_element_type_get_field (const WmElementType *type,
                           const char          *name)
{
  g_return_val_if_fail (type != NULL, NULL);
  for (guint i = 0; i < type->n_fields; i++)
    if (g_strcmp0 (type->fields[i].name, name) == 0)
      return &type->fields[i];
  return NULL;
}

gboolean
wm_element_type_has_reaction (const WmElementType *type,
                              const char          *reaction)
{
  if (type == NULL || type->reactions == NULL || reaction == NULL)
    return FALSE;
  return g_strv_contains (type->reactions, reaction);
}

static guint
count_numbered_ports (const WmElementType *type,
                      JsonObject          *config)
{
  const char *list = g_str_equal (type->type, "branch.condition") ? "branches" : "variants";
  JsonNode *node;

  if (config == NULL)
    return 0;
  node = json_object_get_member (config, list);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  return json_array_get_length (json_node_get_array (node));
}

char **
wm_element_type_list_ports (const WmElementType *type,
                            JsonObject          *config)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (type != NULL, NULL);

  if (type->numbered_ports)
    {
      guint n = count_numbered_ports (type, config);
      char buf[16];

      for (guint i = 1; i <= n; i++)
        {
          g_snprintf (buf, sizeof buf, "%u", i);
          g_strv_builder_add (builder, buf);
        }
      if (g_str_equal (type->type, "branch.condition"))
        g_strv_builder_add (builder, "else");
    }
  else
    g_strv_builder_addv (builder, (const char **) type->ports);

  return g_strv_builder_end (builder);
}

gboolean
wm_element_type_has_port (const WmElementType *type,
                          JsonObject          *config,
                          const char          *port)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (port == NULL)
    return FALSE;

  if (type->numbered_ports)
    {
      guint n = count_numbered_ports (type, config);
      guint64 k;
      const char *end = NULL;

      if (g_str_equal (type->type, "branch.condition") && g_str_equal (port, "else"))
        return TRUE;
      /* "1".."n" exactly: no sign, no leading zero. */
      if (port[0] < '1' || port[0] > '9')
        return FALSE;
      k = g_ascii_strtoull (port, (char **) &end, 10);
      return end != NULL && *end == '\0' && k >= 1 && k <= n;
    }

  return g_strv_contains (type->ports, port);
}

const char *
wm_category_get_label (WmCategory category)
{
  switch (category)
    {
    case WM_CATEGORY_ENTRY: return _("Entry points");
    case WM_CATEGORY_CHANNEL: return _("Channels");
    case WM_CATEGORY_FUNCTION: return _("Functions");
    case WM_CATEGORY_MILESTONE: return _("Milestones & outcomes");
    case WM_CATEGORY_EXIT: return _("Exit");
    case WM_N_CATEGORIES:
    default:
      g_return_val_if_reached (NULL);
    }
}
