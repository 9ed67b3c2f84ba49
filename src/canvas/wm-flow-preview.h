/* wm-flow-preview.h - a flow's graph drawn small, for choosing a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The latest version of a flow as coloured blocks and curves, scaled to
 * fit: what the template gallery shows beside each template. An image for
 * assistive technology; give it a label that says what it shows. CSS name
 * "wmflowpreview".
 */
#pragma once

#include <gtk/gtk.h>

#include "wm-canvas-geometry.h"
#include "wm-flow.h"

G_BEGIN_DECLS

#define WM_TYPE_FLOW_PREVIEW (wm_flow_preview_get_type ())
G_DECLARE_FINAL_TYPE (WmFlowPreview, wm_flow_preview, WM, FLOW_PREVIEW, GtkWidget)

GtkWidget *wm_flow_preview_new         (void);
/* Shows @flow's latest version (NULL: nothing); the preview keeps @flow. */
void       wm_flow_preview_set_flow    (WmFlowPreview *self,
                                        WmFlow        *flow);
WmVersion *wm_flow_preview_get_version (WmFlowPreview *self);
/* The canvas area the drawing fits into the widget: every placed
 * element's box. FALSE when nothing is placed (nothing is drawn). */
gboolean   wm_flow_preview_get_bounds  (WmFlowPreview *self,
                                        WmRect        *bounds);

G_END_DECLS
