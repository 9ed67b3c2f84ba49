/* wm-spin-scroll.h - spin buttons that leave the wheel to their panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkSpinButton takes every scroll-wheel event over it: scrolling the
 * inspector or the flow settings down a long list of fields changed
 * whatever number passed under the pointer. A spin button set up here
 * spins on the wheel only while it has the keyboard focus; otherwise the
 * wheel scrolls the panel it is in.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void wm_spin_button_scroll_only_focused (GtkSpinButton *spin);

G_END_DECLS
