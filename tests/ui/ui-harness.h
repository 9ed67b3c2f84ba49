/* ui-harness.h - what the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only (static functions): letting the main loop run, finding a
 * widget in a tree, finding a flow of a workspace by name.
 */
#pragma once

#include <adwaita.h>

#include "wm-flow-info.h"
#include "wm-workspace.h"

typedef gboolean (*Predicate) (GtkWidget *widget, gconstpointer data);

/* Lets the main loop run for @ms milliseconds. */
static G_GNUC_UNUSED void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The id of the flow named @name (the test fails when there is none). */
static G_GNUC_UNUSED char *
find_flow_id (WmWorkspace *workspace,
              const char  *name)
{
  GListModel *flows = wm_workspace_get_flows (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (flows, i);

      if (g_str_equal (wm_flow_info_get_name (info), name))
        return g_strdup (wm_flow_info_get_id (info));
    }
  g_assert_not_reached ();
}

/* The first widget under @root (itself included) that @predicate accepts. */
static G_GNUC_UNUSED GtkWidget *
find_widget (GtkWidget     *root,
             Predicate      predicate,
             gconstpointer  data)
{
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static G_GNUC_UNUSED gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static G_GNUC_UNUSED gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}
