/* wm-sample.c - what a new default workspace holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three templates as flows in different states, made through the same
 * calls the app uses, with clock values in the past: Cart abandonment
 * launched 30 days ago and given a second version 10 days ago (so version
 * 1 is finishing and version 2 active), Welcome message a draft, and
 * Appointment reminder scheduled to start in three days. Plus a handful of
 * milestones and outcomes beyond those the templates use, and an onboarding
 * journey whose stages group the welcome and cart flows and are completed
 * by their milestones and outcome.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-journeys.h"
#include "wm-json.h"
#include "wm-workspace-private.h"

#define DAY (24 * 3600)

static const struct
{
  WmDefinitionKind kind;
  const char      *name;
  const char      *description;
} extra_definitions[] = {
  { WM_DEFINITION_MILESTONE, N_("Newsletter subscribed"), N_("The customer subscribed to the newsletter") },
  { WM_DEFINITION_MILESTONE, N_("Became VIP"), N_("The customer reached the VIP tier") },
  { WM_DEFINITION_MILESTONE, N_("Review left"), N_("The customer reviewed a product") },
  { WM_DEFINITION_OUTCOME, N_("Cart recovered"), N_("An abandoned cart was bought after all") },
  { WM_DEFINITION_OUTCOME, N_("Reactivated"), N_("A dormant customer bought again") },
};

/* Customers with an e-mail address begin at the start of a run; signing up
 * completes Registered, which starts Welcomed (the welcome flow only takes
 * in customers in it) and First purchase (the welcome flow's outcome, with
 * the cart flow grouped under it to help); a purchase after both makes a
 * customer Loyal. Names are set after parsing, translated; %1$s is the
 * welcome flow's id, %2$s the cart flow's. */
static const char sample_journey[] =
  "{ \"format\": \"waymark.journey\", \"format_version\": 1, \"id\": \"onboarding\", \"name\": \"\","
  "  \"description\": \"\", \"begins\": { \"event\": null, \"where\": \"exists(profile.email)\" },"
  "  \"stages\": ["
  "    { \"id\": \"registered\", \"name\": \"\", \"description\": \"\","
  "      \"begins\": { \"when\": \"journey\", \"after\": [] }, \"entry\": \"\", \"completes\": \"steps\","
  "      \"steps\": [ { \"id\": \"signed-up\", \"name\": \"\", \"kind\": \"event\", \"event\": \"SignedUp\","
  "                     \"where\": \"\", \"required\": true } ],"
  "      \"flows\": [], \"duration\": \"30d\" },"
  "    { \"id\": \"welcomed\", \"name\": \"\", \"description\": \"\","
  "      \"begins\": { \"when\": \"after\", \"after\": [\"registered\"] }, \"entry\": \"\", \"completes\": \"steps\","
  "      \"steps\": [ { \"id\": \"welcome-done\", \"name\": \"\", \"kind\": \"milestone\","
  "                     \"milestone\": \"customer-welcomed\", \"flow\": \"%1$s\", \"required\": true } ],"
  "      \"flows\": [\"%1$s\"], \"duration\": \"14d\", \"behind\": \"15d\", \"stuck\": \"21d\" },"
  "    { \"id\": \"first-purchase\", \"name\": \"\", \"description\": \"\","
  "      \"begins\": { \"when\": \"after\", \"after\": [\"registered\"] }, \"entry\": \"\", \"completes\": \"steps\","
  "      \"steps\": [ { \"id\": \"bought\", \"name\": \"\", \"kind\": \"outcome\", \"outcome\": \"first-purchase\","
  "                     \"result\": \"success\", \"required\": true },"
  "                   { \"id\": \"cart-reminder\", \"name\": \"\", \"kind\": \"milestone\","
  "                     \"milestone\": \"cart-reminded\", \"flow\": \"%2$s\", \"required\": false } ],"
  "      \"flows\": [\"%2$s\"], \"duration\": \"14d\", \"stuck\": \"28d\" },"
  "    { \"id\": \"loyal\", \"name\": \"\", \"description\": \"\","
  "      \"begins\": { \"when\": \"after\", \"after\": [\"welcomed\", \"first-purchase\"] }, \"entry\": \"\","
  "      \"completes\": \"steps\","
  "      \"steps\": [ { \"id\": \"bought-again\", \"name\": \"\", \"kind\": \"event\","
  "                     \"event\": \"PurchaseFinished\", \"where\": \"\", \"required\": true } ],"
  "      \"flows\": [], \"duration\": \"30d\" }"
  "  ] }";

static const char * const sample_names[][2] = {
  /* stage or step id, name */
  { "registered", N_("Registered") },
  { "signed-up", N_("Signed up") },
  { "welcomed", N_("Welcomed") },
  { "welcome-done", N_("Welcome flow done") },
  { "first-purchase", N_("First purchase") },
  { "bought", N_("Bought") },
  { "cart-reminder", N_("Reminded of a cart") },
  { "loyal", N_("Loyal") },
  { "bought-again", N_("Bought again") },
};

static const char *
sample_name (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    if (g_str_equal (sample_names[i][0], id))
      return _(sample_names[i][1]);
  g_return_val_if_reached (id);
}

static gboolean
add_sample_journey (WmWorkspace *self,
                    const char  *welcome,
                    const char  *cart,
                    GError     **error)
{
  g_autofree char *text = g_strdup_printf (sample_journey, welcome, cart);
  g_autoptr(JsonNode) root = wm_json_parse (text, -1, 0, NULL, NULL, error);
  g_autoptr(WmJourney) journey = NULL;
  g_autofree char *document = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  JsonArray *stages;

  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);
  json_object_set_string_member (object, "name", _("New customer onboarding"));
  json_object_set_string_member (object, "description",
                                 _("From sign-up to a second purchase: the welcome flow serves Welcomed, the "
                                   "cart flow First purchase."));
  stages = json_object_get_array_member (object, "stages");
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      JsonArray *steps = json_object_get_array_member (stage, "steps");

      json_object_set_string_member (stage, "name", sample_name (json_object_get_string_member (stage, "id")));
      for (guint j = 0; j < json_array_get_length (steps); j++)
        {
          JsonObject *step = json_array_get_object_element (steps, j);

          json_object_set_string_member (step, "name", sample_name (json_object_get_string_member (step, "id")));
        }
    }
  journey = wm_journey_load_from_node (root, error);
  if (journey == NULL)
    return FALSE;
  document = wm_journey_to_canonical (journey, NULL);
  id = wm_workspace_import_journey (self, document, strlen (document), NULL, error);
  return id != NULL;
}

gboolean
_wm_workspace_fill_sample (WmWorkspace *self,
                           gint64       now,
                           GError     **error)
{
  g_autofree char *cart = NULL;
  g_autofree char *welcome = NULL;
  g_autofree char *appointment = NULL;
  g_autoptr(WmFlow) stored = NULL;
  g_autoptr(WmFlow) flow = NULL;
  WmVersion *draft;
  WmElement *wait;
  guint number;

  for (guint i = 0; i < G_N_ELEMENTS (extra_definitions); i++)
    {
      g_autofree char *id = wm_workspace_add_definition (self, extra_definitions[i].kind,
                                                         _(extra_definitions[i].name),
                                                         _(extra_definitions[i].description), error);
      if (id == NULL)
        return FALSE;
    }

  cart = wm_workspace_instantiate_template (self, "cart-abandonment", NULL, now - 31 * DAY, error);
  if (cart == NULL || !wm_workspace_launch (self, cart, now - 30 * DAY, error))
    return FALSE;
  number = wm_workspace_new_version (self, cart, now - 10 * DAY, error);
  if (number == 0)
    return FALSE;
  /* Version 2 reminds sooner. */
  stored = wm_workspace_get_flow (self, cart, error);
  if (stored == NULL)
    return FALSE;
  /* The stored instance is shared: edit a copy, as the editor does. */
  flow = wm_flow_copy (stored);
  draft = wm_flow_get_version (flow, number);
  wait = wm_version_find_element (draft, "wait-an-hour");
  if (wait != NULL)
    {
      wm_element_set_config_string (wait, "duration", "30m");
      wm_element_set_name (wait, _("Wait half an hour"));
    }
  if (!wm_workspace_save_version (self, flow, number, error)
      || !wm_workspace_launch (self, cart, now - 10 * DAY, error))
    return FALSE;

  welcome = wm_workspace_instantiate_template (self, "welcome-message", NULL, now - 2 * DAY, error);
  if (welcome == NULL)
    return FALSE;

  appointment = wm_workspace_instantiate_template (self, "appointment-reminder", NULL, now - DAY, error);
  if (appointment == NULL || !wm_workspace_launch_at (self, appointment, now + 3 * DAY, now, error))
    return FALSE;
  return add_sample_journey (self, welcome, cart, error);
}
