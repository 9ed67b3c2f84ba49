/* wm-ui-types.h - registering the app's widget types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers every widget type a template of the app names, so GtkBuilder
 * finds them (a type is registered only once something references it).
 * Add each new composite widget here. */
void wm_ui_ensure_types (void);

G_END_DECLS
