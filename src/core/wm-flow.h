/* wm-flow.h - a flow: its document-level fields and its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flow document (flow-format.md) as a model the canvas and lists follow:
 * versions are a GListModel, every change emits ::changed (so autosave and
 * live validation need one handler), and the JSON that was read is kept so
 * the flow saves back exactly.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wm-version.h"

G_BEGIN_DECLS

#define WM_TYPE_FLOW (wm_flow_get_type ())
G_DECLARE_FINAL_TYPE (WmFlow, wm_flow, WM, FLOW, GObject)

/* A new flow with one empty draft version 1 created at @created_at. */
WmFlow     *wm_flow_new                 (const char *id,
                                         const char *name,
                                         gint64      created_at);
/* Builds a flow from a document whose shape the loader has checked. The
 * object is copied. */
WmFlow     *wm_flow_new_from_json       (JsonObject *object);
/* A deep copy. */
WmFlow     *wm_flow_copy                (WmFlow     *self);

/* id, name, description, timezone: NULL when absent, null or not a
 * string (name and description also when ""). */
const char *wm_flow_get_id              (WmFlow     *self);
void        wm_flow_set_id              (WmFlow     *self,
                                         const char *id);
const char *wm_flow_get_name            (WmFlow     *self);
void        wm_flow_set_name            (WmFlow     *self,
                                         const char *name);
const char *wm_flow_get_description     (WmFlow     *self);
void        wm_flow_set_description     (WmFlow     *self,
                                         const char *description);
/* The zone name as written, or "UTC" when absent, null or "". */
const char *wm_flow_get_timezone        (WmFlow     *self);

/* Any document member except versions (schedule, timezone, x- keys...). */
JsonNode   *wm_flow_get_member          (WmFlow     *self,
                                         const char *key);
/* Sets a copy of @value, or removes the member when NULL. */
void        wm_flow_set_member          (WmFlow     *self,
                                         const char *key,
                                         JsonNode   *value);
/* The schedule object, or NULL when missing or not an object. */
JsonObject *wm_flow_get_schedule        (WmFlow     *self);

GListModel *wm_flow_get_versions        (WmFlow     *self);
guint       wm_flow_get_n_versions      (WmFlow     *self);
WmVersion  *wm_flow_get_version_at      (WmFlow     *self,
                                         guint       position);
/* The version numbered @number, or NULL. */
WmVersion  *wm_flow_get_version         (WmFlow     *self,
                                         guint       number);
WmVersion  *wm_flow_get_latest_version  (WmFlow     *self);
void        wm_flow_append_version      (WmFlow     *self,
                                         WmVersion  *version);
void        wm_flow_remove_version      (WmFlow     *self,
                                         WmVersion  *version);

/* The whole document as a JSON object (members in the order held; the
 * canonical writer orders them). Shares nodes with the model. */
JsonNode   *wm_flow_to_json             (WmFlow     *self);

G_END_DECLS
