/* wm-templates.c - the built-in flow templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each template is a flow file (flow-format.md) with one draft version that
 * validates without errors once its milestones and outcomes exist (which
 * instantiating a template makes sure of). The events they react to are
 * the ones the sample profiles carry (wm-sample-profiles.c).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-templates.h"

static const char welcome_document[] =
  "{\n"
  "  \"format\": \"waymark.flow\",\n"
  "  \"format_version\": 1,\n"
  "  \"id\": \"welcome-message\",\n"
  "  \"name\": \"Welcome message\",\n"
  "  \"description\": \"Greets new customers by e-mail and waits two weeks for their first purchase.\",\n"
  "  \"timezone\": \"Europe/Zagreb\",\n"
  "  \"versions\": [\n"
  "    {\n"
  "      \"number\": 1,\n"
  "      \"status\": \"draft\",\n"
  "      \"created_at\": \"2026-01-01T00:00:00Z\",\n"
  "      \"settings\": {\n"
  "        \"reentry\": { \"enabled\": false },\n"
  "        \"goal\": { \"event\": \"PurchaseFinished\", \"value\": \"amount\", \"window\": \"14d\" }\n"
  "      },\n"
  "      \"elements\": [\n"
  "        { \"id\": \"signed-up\", \"type\": \"entry.event\", \"name\": \"Signed up\", \"position\": [0, 0],\n"
  "          \"config\": { \"event\": \"SignedUp\" } },\n"
  "        { \"id\": \"start-first-purchase\", \"type\": \"outcome.start\", \"name\": \"First purchase?\",\n"
  "          \"position\": [240, 0], \"config\": { \"outcome\": \"first-purchase\" } },\n"
  "        { \"id\": \"welcome-email\", \"type\": \"send.email\", \"name\": \"Welcome e-mail\", \"position\": [480, 0],\n"
  "          \"config\": { \"from\": \"hello@example.com\",\n"
  "                      \"subject\": \"Welcome, {{ profile.first_name }}!\",\n"
  "                      \"body\": \"Hi {{ profile.first_name }}, thank you for signing up. Here is 10% off your first order: WELCOME10.\" } },\n"
  "        { \"id\": \"wait-purchase\", \"type\": \"wait.event\", \"name\": \"Wait for a purchase\", \"position\": [720, 0],\n"
  "          \"config\": { \"event\": \"PurchaseFinished\", \"timeout\": \"14d\" } },\n"
  "        { \"id\": \"purchased\", \"type\": \"outcome.set\", \"name\": \"Bought\", \"position\": [960, -120],\n"
  "          \"config\": { \"outcome\": \"first-purchase\", \"result\": \"success\" } },\n"
  "        { \"id\": \"not-purchased\", \"type\": \"outcome.set\", \"name\": \"Did not buy\", \"position\": [960, 120],\n"
  "          \"config\": { \"outcome\": \"first-purchase\", \"result\": \"failure\" } },\n"
  "        { \"id\": \"welcomed\", \"type\": \"milestone\", \"name\": \"Welcomed\", \"position\": [1200, 0],\n"
  "          \"config\": { \"milestone\": \"customer-welcomed\" } }\n"
  "      ],\n"
  "      \"connections\": [\n"
  "        { \"from\": \"signed-up\", \"port\": \"out\", \"to\": \"start-first-purchase\" },\n"
  "        { \"from\": \"start-first-purchase\", \"port\": \"out\", \"to\": \"welcome-email\" },\n"
  "        { \"from\": \"welcome-email\", \"port\": \"out\", \"to\": \"wait-purchase\" },\n"
  "        { \"from\": \"wait-purchase\", \"port\": \"occurred\", \"to\": \"purchased\" },\n"
  "        { \"from\": \"wait-purchase\", \"port\": \"timeout\", \"to\": \"not-purchased\" },\n"
  "        { \"from\": \"purchased\", \"port\": \"out\", \"to\": \"welcomed\" },\n"
  "        { \"from\": \"not-purchased\", \"port\": \"out\", \"to\": \"welcomed\" }\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static const char appointment_document[] =
  "{\n"
  "  \"format\": \"waymark.flow\",\n"
  "  \"format_version\": 1,\n"
  "  \"id\": \"appointment-reminder\",\n"
  "  \"name\": \"Appointment reminder\",\n"
  "  \"description\": \"Reminds customers of their appointment the day before by SMS and asks them to confirm.\",\n"
  "  \"timezone\": \"Europe/Zagreb\",\n"
  "  \"versions\": [\n"
  "    {\n"
  "      \"number\": 1,\n"
  "      \"status\": \"draft\",\n"
  "      \"created_at\": \"2026-01-01T00:00:00Z\",\n"
  "      \"elements\": [\n"
  "        { \"id\": \"day-before\", \"type\": \"entry.date\", \"name\": \"Day before the appointment\",\n"
  "          \"position\": [0, 0],\n"
  "          \"config\": { \"attribute\": \"appointment_date\", \"offset\": -1, \"at\": \"10:00\", \"zone\": \"profile\" } },\n"
  "        { \"id\": \"start-confirmation\", \"type\": \"outcome.start\", \"name\": \"Confirmed?\", \"position\": [240, 0],\n"
  "          \"config\": { \"outcome\": \"appointment-confirmed\" } },\n"
  "        { \"id\": \"reminder-sms\", \"type\": \"send.sms\", \"name\": \"Reminder SMS\", \"position\": [480, 0],\n"
  "          \"config\": { \"sender\": \"Clinic\",\n"
  "                      \"text\": \"Hi {{ profile.first_name }}, see you tomorrow in {{ profile.city }}. Reply YES to confirm.\" } },\n"
  "        { \"id\": \"wait-reply\", \"type\": \"wait.event\", \"name\": \"Wait for YES\", \"position\": [720, 0],\n"
  "          \"config\": { \"event\": \"inbound.sms\", \"where\": \"upper(event.text) == \\\"YES\\\"\", \"timeout\": \"12h\" } },\n"
  "        { \"id\": \"confirmed\", \"type\": \"outcome.set\", \"name\": \"Confirmed\", \"position\": [960, -120],\n"
  "          \"config\": { \"outcome\": \"appointment-confirmed\", \"result\": \"success\" } },\n"
  "        { \"id\": \"not-confirmed\", \"type\": \"outcome.set\", \"name\": \"Not confirmed\", \"position\": [960, 120],\n"
  "          \"config\": { \"outcome\": \"appointment-confirmed\", \"result\": \"failure\" } },\n"
  "        { \"id\": \"reminded\", \"type\": \"milestone\", \"name\": \"Reminded\", \"position\": [1200, 0],\n"
  "          \"config\": { \"milestone\": \"appointment-reminded\" } }\n"
  "      ],\n"
  "      \"connections\": [\n"
  "        { \"from\": \"day-before\", \"port\": \"out\", \"to\": \"start-confirmation\" },\n"
  "        { \"from\": \"start-confirmation\", \"port\": \"out\", \"to\": \"reminder-sms\" },\n"
  "        { \"from\": \"reminder-sms\", \"port\": \"out\", \"to\": \"wait-reply\" },\n"
  "        { \"from\": \"wait-reply\", \"port\": \"occurred\", \"to\": \"confirmed\" },\n"
  "        { \"from\": \"wait-reply\", \"port\": \"timeout\", \"to\": \"not-confirmed\" },\n"
  "        { \"from\": \"confirmed\", \"port\": \"out\", \"to\": \"reminded\" },\n"
  "        { \"from\": \"not-confirmed\", \"port\": \"out\", \"to\": \"reminded\" }\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static const char cart_document[] =
  "{\n"
  "  \"format\": \"waymark.flow\",\n"
  "  \"format_version\": 1,\n"
  "  \"id\": \"cart-abandonment\",\n"
  "  \"name\": \"Cart abandonment\",\n"
  "  \"description\": \"Wins back shoppers who left their cart: an e-mail after an hour, an SMS when it is not opened.\",\n"
  "  \"timezone\": \"Europe/Zagreb\",\n"
  "  \"versions\": [\n"
  "    {\n"
  "      \"number\": 1,\n"
  "      \"status\": \"draft\",\n"
  "      \"created_at\": \"2026-01-01T00:00:00Z\",\n"
  "      \"settings\": {\n"
  "        \"reentry\": { \"enabled\": true, \"delay\": \"1d\", \"limits\": [ { \"count\": 2, \"period\": \"7d\" } ] },\n"
  "        \"goal\": { \"event\": \"PurchaseFinished\", \"value\": \"amount\", \"window\": \"7d\" }\n"
  "      },\n"
  "      \"elements\": [\n"
  "        { \"id\": \"cart-abandoned\", \"type\": \"entry.event\", \"name\": \"Cart abandoned\", \"position\": [0, 0],\n"
  "          \"config\": { \"event\": \"CartAbandoned\", \"where\": \"event.cart_value > 0\" } },\n"
  "        { \"id\": \"wait-an-hour\", \"type\": \"wait.delay\", \"name\": \"Wait an hour\", \"position\": [240, 0],\n"
  "          \"config\": { \"duration\": \"1h\" } },\n"
  "        { \"id\": \"reminder-email\", \"type\": \"send.email\", \"name\": \"Reminder e-mail\", \"position\": [480, 0],\n"
  "          \"config\": { \"from\": \"shop@example.com\",\n"
  "                      \"subject\": \"{{ profile.first_name }}, your cart is waiting\",\n"
  "                      \"body\": \"You left items worth {{ event.cart_value }} EUR in your cart. They are still there for you.\",\n"
  "                      \"send_window\": { \"from\": \"08:00\", \"to\": \"21:00\", \"zone\": \"profile\" } } },\n"
  "        { \"id\": \"email-opened\", \"type\": \"react.message\", \"name\": \"E-mail opened?\", \"position\": [720, 0],\n"
  "          \"config\": { \"element\": \"reminder-email\", \"reaction\": \"opened\", \"timeout\": \"1d\" } },\n"
  "        { \"id\": \"reminder-sms\", \"type\": \"send.sms\", \"name\": \"Reminder SMS\", \"position\": [960, 120],\n"
  "          \"config\": { \"sender\": \"Shop\",\n"
  "                      \"text\": \"Hi {{ profile.first_name }}, your cart is still waiting. Reply STOP to opt out.\" } },\n"
  "        { \"id\": \"reminded\", \"type\": \"milestone\", \"name\": \"Shopper reminded\", \"position\": [1200, 0],\n"
  "          \"config\": { \"milestone\": \"cart-reminded\" } }\n"
  "      ],\n"
  "      \"connections\": [\n"
  "        { \"from\": \"cart-abandoned\", \"port\": \"out\", \"to\": \"wait-an-hour\" },\n"
  "        { \"from\": \"wait-an-hour\", \"port\": \"out\", \"to\": \"reminder-email\" },\n"
  "        { \"from\": \"reminder-email\", \"port\": \"out\", \"to\": \"email-opened\" },\n"
  "        { \"from\": \"email-opened\", \"port\": \"yes\", \"to\": \"reminded\" },\n"
  "        { \"from\": \"email-opened\", \"port\": \"no\", \"to\": \"reminder-sms\" },\n"
  "        { \"from\": \"reminder-sms\", \"port\": \"out\", \"to\": \"reminded\" }\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static const WmBuiltinTemplate builtin[] = {
  { "welcome-message", N_("Welcome message"),
    N_("Greets new customers by e-mail and waits two weeks for their first purchase"), welcome_document },
  { "appointment-reminder", N_("Appointment reminder"),
    N_("Reminds customers of an appointment the day before by SMS and asks them to confirm"),
    appointment_document },
  { "cart-abandonment", N_("Cart abandonment"),
    N_("Wins back shoppers who left their cart: an e-mail, then an SMS when it is not opened"),
    cart_document },
};

const WmBuiltinTemplate *
wm_builtin_templates (guint *n_templates)
{
  *n_templates = G_N_ELEMENTS (builtin);
  return builtin;
}

const WmBuiltinTemplate *
wm_builtin_template_find (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    if (g_strcmp0 (builtin[i].id, id) == 0)
      return &builtin[i];
  return NULL;
}
