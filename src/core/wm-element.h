/* wm-element.h - one element of a flow version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An element keeps the JSON object it was read as (id, type, name,
 * position, config and any x- keys), so that it saves back exactly: null
 * stays null, absent stays absent, and a field of the wrong type survives
 * until validation reports it. The accessors below give typed views of it.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-catalogue.h"

G_BEGIN_DECLS

#define WM_TYPE_ELEMENT (wm_element_get_type ())
G_DECLARE_FINAL_TYPE (WmElement, wm_element, WM, ELEMENT, GObject)

typedef struct _WmVersion WmVersion;

/* A new element of a catalogue @type with an empty config. */
WmElement           *wm_element_new                (const char  *id,
                                                    const char  *type);
/* Wraps @object (a reference is taken); it must have a string "id" and a
 * known string "type" (the loader checks that). */
WmElement           *wm_element_new_from_json      (JsonObject  *object);
/* A deep copy, not attached to a version. */
WmElement           *wm_element_copy               (WmElement   *self);

WmVersion           *wm_element_get_version        (WmElement   *self);

const char          *wm_element_get_id             (WmElement   *self);
/* Only for elements not (yet) in a version, e.g. when pasting. */
void                 wm_element_set_id             (WmElement   *self,
                                                    const char  *id);
const char          *wm_element_get_type_name      (WmElement   *self);
const WmElementType *wm_element_get_element_type   (WmElement   *self);

/* The name, or NULL when absent, null, empty or not a string. */
const char          *wm_element_get_name           (WmElement   *self);
/* NULL or "" removes the name. */
void                 wm_element_set_name           (WmElement   *self,
                                                    const char  *name);
/* The name, or the type's translated label when it has none. */
const char          *wm_element_get_display_name   (WmElement   *self);

/* FALSE (and 0, 0) when the position is missing or not two numbers. */
gboolean             wm_element_get_position       (WmElement   *self,
                                                    double      *x,
                                                    double      *y);
void                 wm_element_set_position       (WmElement   *self,
                                                    double       x,
                                                    double       y);

/* The config object, or NULL when it is missing or not an object. */
JsonObject          *wm_element_get_config         (WmElement   *self);
/* A config member, or NULL when absent (or config is not an object). */
JsonNode            *wm_element_get_config_member  (WmElement   *self,
                                                    const char  *key);
/* A string config member; NULL when absent, null, "" or not a string. */
const char          *wm_element_get_config_string  (WmElement   *self,
                                                    const char  *key);
/* Sets (a copy of) @value, or removes the member when @value is NULL.
 * A config that was not an object becomes one. Emits ::config-changed. */
void                 wm_element_set_config_member  (WmElement   *self,
                                                    const char  *key,
                                                    JsonNode    *value);
void                 wm_element_set_config_string  (WmElement   *self,
                                                    const char  *key,
                                                    const char  *value);
/* Replaces the whole "config" member (a copy; NULL removes it). */
void                 wm_element_replace_config     (WmElement   *self,
                                                    JsonNode    *config);

/* The output ports of this element (see wm_element_type_list_ports). */
char               **wm_element_list_ports         (WmElement   *self);
gboolean             wm_element_has_port           (WmElement   *self,
                                                    const char  *port);

/* The element's JSON object as held (do not modify). */
JsonObject          *wm_element_get_json           (WmElement   *self);

/* Internal: set by the version that holds the element. */
void                 _wm_element_set_version       (WmElement   *self,
                                                    WmVersion   *version);

G_END_DECLS
