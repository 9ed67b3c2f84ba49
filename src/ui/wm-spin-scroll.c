/* wm-spin-scroll.c - spin buttons that leave the wheel to their panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's spin button handles the wheel in a scroll controller of its
 * own, in the bubble phase, and stops the event there, so the scrolled
 * window around it never sees it. Stopping the event earlier (a capture
 * controller) would keep it from the scrolled window as well. Instead
 * the spin button's scroll controllers are switched off (phase NONE)
 * while the focus is elsewhere: GTK then passes the event on to the
 * scrolled window as if the spin button were a label, with its kinetic
 * and smooth scrolling intact.
 */

#include "config.h"

#include "wm-spin-scroll.h"

static void
set_scroll_phase (GtkWidget           *spin,
                  GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (spin);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        gtk_event_controller_set_propagation_phase (controller, phase);
    }
}

/* The focus is in the spin button's text or has left it. */
static void
contains_focus_cb (GtkEventControllerFocus *focus,
                   GParamSpec              *pspec,
                   GtkWidget               *spin)
{
  set_scroll_phase (spin, gtk_event_controller_focus_contains_focus (focus)
                          ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
}

void
wm_spin_button_scroll_only_focused (GtkSpinButton *spin)
{
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  set_scroll_phase (GTK_WIDGET (spin), GTK_PHASE_NONE);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "notify::contains-focus", G_CALLBACK (contains_focus_cb), spin, 0);
  gtk_widget_add_controller (GTK_WIDGET (spin), focus);
}
