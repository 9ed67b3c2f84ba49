/* wm-canvas-clipboard.h - elements on the clipboard, as flow-format JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clipboard holds what a version's "elements" and "connections" hold:
 *
 *   { "elements": [ canonical element objects ],
 *     "connections": [ the connections between those elements ] }
 *
 * (flow-format.md names no clipboard shape; an object with the version's
 * two member names is the natural reading of "an array of element objects
 * plus the connections among them", and any editor can read it.) GTK-free:
 * the canvas moves the text through the GdkClipboard.
 */
#pragma once

#include "wm-version.h"

G_BEGIN_DECLS

/* The MIME type the canvas offers besides text/plain. */
#define WM_CLIPBOARD_MIME_TYPE "application/x-waymark-elements+json"

/* The elements of @version with @ids (in the version's order) and the
 * connections whose both ends are among them, as canonical JSON text. */
char     *wm_clipboard_serialize (WmVersion          *version,
                                  const char * const *ids,
                                  guint               n_ids);

/* Reads clipboard @text for pasting into @version: new elements (not in a
 * version) moved by @dx, @dy, with ids that clash with the version's or with
 * each other renamed to the first free "e<N>" and names that clash
 * (compared case-folded) given a number (" 2", " 3", ...), and the
 * connections among them with their ends renamed (connections naming an
 * element that is not pasted are dropped). Returns FALSE with @error set
 * when @text is not such JSON. */
gboolean  wm_clipboard_parse     (const char         *text,
                                  WmVersion          *version,
                                  double              dx,
                                  double              dy,
                                  GPtrArray         **elements,
                                  GPtrArray         **connections,
                                  GError            **error);

/* The first "e<N>" (N = 1, 2, ...) that is neither an element id of
 * @version nor in @taken (may be NULL). */
char     *wm_clipboard_free_id   (WmVersion          *version,
                                  GHashTable         *taken);

G_END_DECLS
