/* wm-canvas-export.h - a version's diagram as PNG or SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the model (not the widget) on a cairo image or SVG surface, in the
 * light colours whatever the theme, so an export looks the same on every
 * desktop.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "wm-canvas-draw.h"
#include "wm-version.h"

G_BEGIN_DECLS

typedef enum
{
  WM_EXPORT_PNG,
  WM_EXPORT_SVG,
} WmExportFormat;

/* The canvas rectangle the elements cover; FALSE when there are none. */
gboolean wm_canvas_export_bounds   (WmVersion            *version,
                                    WmRect               *bounds);
/* Draws every connection and element, in canvas units, on @cr. */
void     wm_canvas_draw_version    (cairo_t              *cr,
                                    WmVersion            *version,
                                    const WmCanvasColors *colors);
/* Writes the whole version to @path with a 32-unit margin; @scale is device
 * pixels per canvas unit for PNG (SVG is vector and ignores it). */
gboolean wm_canvas_export          (WmVersion            *version,
                                    WmExportFormat        format,
                                    const char           *path,
                                    double                scale,
                                    GError              **error);

G_END_DECLS
