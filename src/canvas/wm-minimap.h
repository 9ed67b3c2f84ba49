/* wm-minimap.h - an overview of the whole flow with the visible area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws every element of the canvas's version small, in its category's
 * colour, and the rectangle the canvas shows; a click or drag centres the
 * canvas on that point. CSS name "wmminimap".
 */
#pragma once

#include "wm-canvas.h"

G_BEGIN_DECLS

#define WM_TYPE_MINIMAP (wm_minimap_get_type ())
G_DECLARE_FINAL_TYPE (WmMinimap, wm_minimap, WM, MINIMAP, GtkWidget)

GtkWidget *wm_minimap_new        (WmCanvas  *canvas);
WmCanvas  *wm_minimap_get_canvas (WmMinimap *self);
void       wm_minimap_set_canvas (WmMinimap *self,
                                  WmCanvas  *canvas);

G_END_DECLS
