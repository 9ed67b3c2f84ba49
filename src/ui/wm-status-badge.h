/* wm-status-badge.h - a version status as a coloured label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flows list and the editor's header show a version's status the same
 * way: its translated label in a pill whose colour says the status
 * (CSS classes "status-badge" and "status-draft", "status-active", ...;
 * see wm-pages.css).
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-version.h"

G_BEGIN_DECLS

/* Sets @label's text and colour class to @status. */
void wm_status_badge_update   (GtkLabel        *label,
                               WmVersionStatus  status);

/* Loads the pages' style sheet for the default display (once). */
void wm_pages_ensure_css      (void);

G_END_DECLS
