/* wm-sample.c - what a new default workspace holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three templates as flows in different states, made through the same
 * calls the app uses, with clock values in the past: Cart abandonment
 * launched 30 days ago and given a second version 10 days ago (so version
 * 1 is finishing and version 2 active), Welcome message a draft, and
 * Appointment reminder scheduled to start in three days. Plus a handful of
 * milestones and outcomes beyond those the templates use.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

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
  return TRUE;
}
