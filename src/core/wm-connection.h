/* wm-connection.h - a connection from an element's output port to an element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: reconnecting is removing one connection and adding another, so
 * that every change is a list change the canvas and the undo stack see.
 * It keeps the JSON it was read as (which may be of the wrong shape until
 * validation reports it).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_TYPE_CONNECTION (wm_connection_get_type ())
G_DECLARE_FINAL_TYPE (WmConnection, wm_connection, WM, CONNECTION, GObject)

WmConnection *wm_connection_new           (const char   *from,
                                           const char   *port,
                                           const char   *to);
/* Takes a reference to a copy of nothing: @node is copied. */
WmConnection *wm_connection_new_from_json (JsonNode     *node);

/* NULL when the connection is not an object or the member not a string. */
const char   *wm_connection_get_from      (WmConnection *self);
const char   *wm_connection_get_port      (WmConnection *self);
const char   *wm_connection_get_to        (WmConnection *self);

/* The JSON as held (do not modify). */
JsonNode     *wm_connection_get_json      (WmConnection *self);

G_END_DECLS
