/* wm-palette.h - the element types to add to a flow, by category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the element catalogue in its five categories with a search entry.
 * Each item can be dragged (a G_TYPE_STRING with the type name, e.g.
 * "send.sms") to the canvas, or activated (Enter, double-click), which
 * emits ::type-activated with the type name.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_PALETTE (wm_palette_get_type ())
G_DECLARE_FINAL_TYPE (WmPalette, wm_palette, WM, PALETTE, GtkWidget)

GtkWidget  *wm_palette_new               (void);

const char *wm_palette_get_search_text   (WmPalette  *self);
void        wm_palette_set_search_text   (WmPalette  *self,
                                          const char *text);
/* How many types the search leaves visible. */
guint       wm_palette_get_n_visible     (WmPalette  *self);
/* Emits ::type-activated for the first visible type (Enter in the search
 * entry does this); FALSE when none is visible. */
gboolean    wm_palette_activate_first    (WmPalette  *self);

/* The CSS class of a category, shared with the canvas: "category-entry",
 * "category-channel", "category-function", "category-milestone",
 * "category-exit". */
const char *wm_category_get_css_class    (guint       category);

G_END_DECLS
