/* wm-version.h - one version of a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A version keeps its JSON members (number, status, timestamps, settings and
 * x- keys) as read, and its elements and connections as list models the
 * canvas can follow.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wm-connection.h"
#include "wm-element.h"

G_BEGIN_DECLS

typedef enum
{
  WM_VERSION_DRAFT,
  WM_VERSION_SCHEDULED,
  WM_VERSION_ACTIVE,
  WM_VERSION_PAUSED,
  WM_VERSION_FINISHING,
  WM_VERSION_FINISHED,
  WM_VERSION_STOPPED,
  WM_VERSION_CANCELED,
  WM_N_VERSION_STATUSES
} WmVersionStatus;

#define WM_TYPE_VERSION (wm_version_get_type ())
G_DECLARE_FINAL_TYPE (WmVersion, wm_version, WM, VERSION, GObject)

typedef struct _WmFlow WmFlow;

const char      *wm_version_status_to_string   (WmVersionStatus status);
/* -1 for an unknown status name. */
int              wm_version_status_from_string (const char     *name);
/* Translated label: "Draft", "Active", ... */
const char      *wm_version_status_get_label   (WmVersionStatus status);

/* A new empty draft. */
WmVersion       *wm_version_new                (guint           number,
                                                gint64          created_at);
/* Builds a version from a JSON object whose shape the loader has checked
 * (integer number, known status, created_at a timestamp; elements that are
 * objects with string id and known type). The object is copied. */
WmVersion       *wm_version_new_from_json      (JsonObject     *object);
/* A deep copy with another number, not attached to a flow. */
WmVersion       *wm_version_copy               (WmVersion      *self,
                                                guint           number);

WmFlow          *wm_version_get_flow           (WmVersion      *self);

guint            wm_version_get_number         (WmVersion      *self);
WmVersionStatus  wm_version_get_status         (WmVersion      *self);
void             wm_version_set_status         (WmVersion      *self,
                                                WmVersionStatus status);

/* created_at, launched_at, stopped_at: TRUE and the instant when the member
 * is a valid timestamp. */
gboolean         wm_version_get_timestamp      (WmVersion      *self,
                                                const char     *key,
                                                gint64         *out);
void             wm_version_set_timestamp      (WmVersion      *self,
                                                const char     *key,
                                                gint64          t);

/* Any top-level member except elements and connections (settings,
 * launched_at, x- keys...), or NULL when absent. */
JsonNode        *wm_version_get_member         (WmVersion      *self,
                                                const char     *key);
/* Sets a copy of @value, or removes the member when NULL. */
void             wm_version_set_member         (WmVersion      *self,
                                                const char     *key,
                                                JsonNode       *value);
/* The settings object, or NULL when missing or not an object. */
JsonObject      *wm_version_get_settings       (WmVersion      *self);

/* GListModel of WmElement / WmConnection. */
GListModel      *wm_version_get_elements       (WmVersion      *self);
GListModel      *wm_version_get_connections    (WmVersion      *self);
guint            wm_version_get_n_elements     (WmVersion      *self);
WmElement       *wm_version_get_element_at     (WmVersion      *self,
                                                guint           position);
/* The first element with @id, or NULL. */
WmElement       *wm_version_find_element       (WmVersion      *self,
                                                const char     *id);
gboolean         wm_version_find_element_position (WmVersion   *self,
                                                WmElement      *element,
                                                guint          *position);
/* The one entry point, or NULL when there is none or more than one. */
WmElement       *wm_version_get_entry          (WmVersion      *self);

void             wm_version_insert_element     (WmVersion      *self,
                                                guint           position,
                                                WmElement      *element);
void             wm_version_remove_element     (WmVersion      *self,
                                                WmElement      *element);

WmConnection    *wm_version_get_connection_at (WmVersion      *self,
                                                guint           position);
guint            wm_version_get_n_connections  (WmVersion      *self);
/* The first connection leaving @from through @port, or NULL. */
WmConnection    *wm_version_find_connection    (WmVersion      *self,
                                                const char     *from,
                                                const char     *port);
gboolean         wm_version_find_connection_position (WmVersion *self,
                                                WmConnection   *connection,
                                                guint          *position);
void             wm_version_insert_connection  (WmVersion      *self,
                                                guint           position,
                                                WmConnection   *connection);
void             wm_version_remove_connection  (WmVersion      *self,
                                                WmConnection   *connection);

/* The whole version as a JSON object (members in the order held; the
 * canonical writer orders them). Shares nodes with the model: copy before
 * modifying. */
JsonNode        *wm_version_to_json            (WmVersion      *self);

G_END_DECLS
