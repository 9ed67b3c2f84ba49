/* wm-schema.h - the key layout of a JSON document format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A format (flows, journeys) describes which keys each of its objects has,
 * in canonical order. The same description refuses unknown keys on load and
 * orders keys when writing, so the two can never disagree. Keys starting
 * with "x-" are always allowed and keep their read order, after the others.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_SCHEMA_VALUE,         /* any JSON value; not looked into */
  WM_SCHEMA_OBJECT,        /* an object laid out by @sub */
  WM_SCHEMA_OBJECT_ARRAY,  /* an array of objects laid out by @sub */
  WM_SCHEMA_DYNAMIC,       /* an object whose layout depends on its parent */
  WM_SCHEMA_DYNAMIC_ARRAY, /* an array of objects, each laid out by what it holds */
} WmSchemaKind;

typedef struct _WmSchemaEntry WmSchemaEntry;

/* For WM_SCHEMA_DYNAMIC: the layout of the member, given the object that
 * holds it (e.g. an element's config by the element's type); for
 * WM_SCHEMA_DYNAMIC_ARRAY: the layout of an item, given the item (e.g. a
 * journey step by its kind). NULL: not looked into. */
typedef const WmSchemaEntry *(*WmSchemaResolveFunc) (JsonObject *parent);

struct _WmSchemaEntry
{
  const char          *key;      /* NULL ends a layout */
  WmSchemaKind         kind;
  const WmSchemaEntry *sub;
  WmSchemaResolveFunc  resolve;
};

/* Checks that every key of @object (laid out by @layout), and of the
 * objects inside it, is known or starts with "x-". On the first unknown key
 * sets @error (@domain, @code) to "PATH: unknown key 'KEY'", PATH being the
 * JSON path of the object from @path ("versions[0].elements[3].config"). A
 * member of an unexpected JSON type is not looked into (validation reports
 * it). */
gboolean  wm_schema_check_keys   (JsonObject          *object,
                                  const WmSchemaEntry *layout,
                                  const char          *path,
                                  GQuark               domain,
                                  int                  code,
                                  GError             **error);

/* A new tree equal to @node (an object laid out by @layout) with every
 * object's keys in canonical order: known keys in the layout's order, then
 * the others (x- keys) in the order held. Values are shared, not copied,
 * where no reordering is needed below them. */
JsonNode *wm_schema_canonicalize (JsonNode            *node,
                                  const WmSchemaEntry *layout);

G_END_DECLS
