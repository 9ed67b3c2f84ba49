/* wm-run-journeys.c - the journeys a run includes, switched on or off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a journey groups a flow of the run is read from its stored
 * document (every stage's `flows`), so a journey the store lists but that
 * cannot be read is still offered, off: switching it on lets the dialog
 * name what is wrong with it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-journeys.h"
#include "wm-run-journeys.h"

typedef struct
{
  char      *id;
  char      *name;
  GtkSwitch *toggle;
} Item;

struct _WmRunJourneys
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *items;   /* Item, in the list's order */
  GPtrArray           *rows;
  GStrv                ids;     /* switched on */
};

G_DEFINE_FINAL_TYPE (WmRunJourneys, wm_run_journeys, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->name);
  g_free (item);
}

static void
update_ids (WmRunJourneys *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      if (gtk_switch_get_active (item->toggle))
        g_strv_builder_add (builder, item->id);
    }
  g_strfreev (self->ids);
  self->ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
}

static void
switched_cb (WmRunJourneys *self)
{
  update_ids (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Whether a stage of @journey lists one of @flow_ids in its `flows`. */
static gboolean
groups_a_flow (WmJourney          *journey,
               const char * const *flow_ids)
{
  JsonArray *stages = wm_journey_get_stages (journey);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);
      JsonNode *member;
      JsonArray *flows;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      member = json_object_get_member (json_node_get_object (node), "flows");
      flows = member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
      for (guint f = 0; flows != NULL && f < json_array_get_length (flows); f++)
        {
          JsonNode *flow = json_array_get_element (flows, f);
          const char *id = JSON_NODE_HOLDS_VALUE (flow) ? json_node_get_string (flow) : NULL;

          if (id != NULL && flow_ids != NULL && g_strv_contains (flow_ids, id))
            return TRUE;
        }
    }
  return FALSE;
}

static void
clear (WmRunJourneys *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->items, 0);
}

gboolean
wm_run_journeys_load (WmRunJourneys       *self,
                      WmWorkspace         *workspace,
                      const char * const  *flow_ids,
                      GError             **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (WM_IS_RUN_JOURNEYS (self), FALSE);
  g_return_val_if_fail (WM_IS_WORKSPACE (workspace), FALSE);

  clear (self);
  list = wm_workspace_list_journeys (workspace, error);
  if (list == NULL)
    {
      update_ids (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return FALSE;
    }
  for (guint i = 0; i < list->len; i++)
    {
      WmJourneyInfo *info = list->pdata[i];
      g_autoptr(WmJourney) journey = wm_workspace_get_journey (workspace, info->id, NULL);
      gboolean grouping = journey != NULL && groups_a_flow (journey, flow_ids);
      Item *item = g_new0 (Item, 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *stages = g_strdup_printf (ngettext ("%u stage", "%u stages", info->n_stages),
                                                 info->n_stages);
      g_autofree char *subtitle = NULL;

      item->id = g_strdup (info->id);
      item->name = g_strdup (*info->name != '\0' ? info->name : info->id);
      item->toggle = GTK_SWITCH (gtk_switch_new ());
      gtk_widget_set_valign (GTK_WIDGET (item->toggle), GTK_ALIGN_CENTER);
      gtk_switch_set_active (item->toggle, grouping);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->name, -1);
      if (grouping)
        /* Translators: "4 stages · groups a flow of this run" */
        subtitle = g_strdup_printf (_("%s · groups a flow of this run"), stages);
      else
        /* Translators: "4 stages · groups no flow of this run" */
        subtitle = g_strdup_printf (_("%s · groups no flow of this run"), stages);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (item->toggle));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (item->toggle));
      g_signal_connect_object (item->toggle, "notify::active", G_CALLBACK (switched_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->items, item);
    }
  update_ids (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->items->len > 0);
  return TRUE;
}

void
wm_run_journeys_set_ids (WmRunJourneys      *self,
                         const char * const *ids)
{
  g_return_if_fail (WM_IS_RUN_JOURNEYS (self));

  /* One "changed" for the whole change, not one a switch. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      g_signal_handlers_block_by_func (item->toggle, switched_cb, self);
      gtk_switch_set_active (item->toggle, ids != NULL && g_strv_contains (ids, item->id));
      g_signal_handlers_unblock_by_func (item->toggle, switched_cb, self);
    }
  switched_cb (self);
}

const char * const *
wm_run_journeys_get_ids (WmRunJourneys *self)
{
  g_return_val_if_fail (WM_IS_RUN_JOURNEYS (self), NULL);
  return (const char * const *) self->ids;
}

const char *
wm_run_journeys_get_name (WmRunJourneys *self,
                          const char    *id)
{
  g_return_val_if_fail (WM_IS_RUN_JOURNEYS (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      if (g_strcmp0 (item->id, id) == 0)
        return item->name;
    }
  return NULL;
}

static void
wm_run_journeys_finalize (GObject *object)
{
  WmRunJourneys *self = WM_RUN_JOURNEYS (object);

  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->rows);
  g_strfreev (self->ids);
  G_OBJECT_CLASS (wm_run_journeys_parent_class)->finalize (object);
}

static void
wm_run_journeys_class_init (WmRunJourneysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_run_journeys_finalize;

  /**
   * WmRunJourneys::changed:
   *
   * A journey was switched on or off.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_run_journeys_init (WmRunJourneys *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->rows = g_ptr_array_new ();
  self->ids = g_new0 (char *, 1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Journeys"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Journeys switched on take part in the run: their stages gate "
                                           "the flows they group. On for those that group a flow of the run."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
wm_run_journeys_new (void)
{
  return g_object_new (WM_TYPE_RUN_JOURNEYS, NULL);
}
