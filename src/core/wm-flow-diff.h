/* wm-flow-diff.h - what changed between two versions of a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The versions panel compares two versions on the canvas: which elements
 * were added, removed or changed (each changed field with its path and the
 * old and new value as text a person reads), which connections came and
 * went, and what changed in the version's settings. Elements are matched by
 * id. The result is a snapshot: it holds copies of the removed elements
 * (the canvas draws them ghosted) and no reference to either version.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-version.h"

G_BEGIN_DECLS

typedef enum
{
  WM_DIFF_ADDED,
  WM_DIFF_REMOVED,
  WM_DIFF_CHANGED,
} WmDiffKind;

/* One changed field. @path names it from the element (or the settings):
 * "name", "position", "type", "config.message",
 * "config.branches[1].condition", "x-note". The texts are NULL when the
 * field is absent on that side. */
typedef struct
{
  char *path;
  char *old_text;
  char *new_text;
} WmFieldChange;

typedef struct
{
  WmDiffKind  kind;
  char       *id;
  /* The element's display name in the newer version (the older one for a
   * removed element). */
  char       *name;
  /* The element itself: from the newer version for added and changed
   * elements, a detached copy from the older one for removed elements. */
  WmElement  *element;
  /* WmFieldChange*, in field order; empty unless CHANGED. */
  GPtrArray  *fields;
} WmElementChange;

typedef struct
{
  WmDiffKind  kind;        /* ADDED or REMOVED */
  char       *from;        /* NULL when the connection is damaged */
  char       *port;
  char       *to;
} WmConnectionChange;

typedef struct _WmFlowDiff WmFlowDiff;

#define WM_TYPE_FLOW_DIFF (wm_flow_diff_get_type ())
GType              wm_flow_diff_get_type            (void) G_GNUC_CONST;

/* Compares @older with @newer (usually two versions of one flow, but any
 * two do). The order is deterministic: changed and added elements in
 * @newer's element order, then removed ones in @older's; connections
 * added in @newer's order, then removed in @older's; fields as the newer
 * element holds them, then those only the older one has. */
WmFlowDiff        *wm_flow_diff_new                 (WmVersion  *older,
                                                     WmVersion  *newer);
WmFlowDiff        *wm_flow_diff_ref                 (WmFlowDiff *self);
void               wm_flow_diff_unref               (WmFlowDiff *self);

guint              wm_flow_diff_get_older_number    (WmFlowDiff *self);
guint              wm_flow_diff_get_newer_number    (WmFlowDiff *self);
/* TRUE when nothing differs (elements, connections and settings). */
gboolean           wm_flow_diff_is_empty            (WmFlowDiff *self);

guint              wm_flow_diff_get_n_elements      (WmFlowDiff *self);
const WmElementChange *wm_flow_diff_get_element     (WmFlowDiff *self,
                                                     guint       index);
/* The change of the element with @id, or NULL when it did not change. */
const WmElementChange *wm_flow_diff_find_element    (WmFlowDiff *self,
                                                     const char *id);
guint              wm_flow_diff_count               (WmFlowDiff *self,
                                                     WmDiffKind  kind);

guint              wm_flow_diff_get_n_connections   (WmFlowDiff *self);
const WmConnectionChange *wm_flow_diff_get_connection (WmFlowDiff *self,
                                                     guint       index);

/* WmFieldChange* of the version's settings ("reentry.delay", ...). */
GPtrArray         *wm_flow_diff_get_settings        (WmFlowDiff *self);

/* How a JSON value is shown in a change: a string as it is, a number in
 * the canonical form, true/false, "null", an array of two numbers as
 * "x, y", other arrays and objects in compact JSON. */
char              *wm_flow_diff_value_text          (JsonNode   *node);

/* The element of @version that must stay as it is: the entry point of a
 * draft made while an earlier version of its flow runs (active, paused
 * or finishing), since a new version keeps the entry of the one before
 * (flow-format.md, Lifecycle). NULL when nothing is locked. */
WmElement         *wm_flow_diff_locked_entry        (WmVersion  *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmFlowDiff, wm_flow_diff_unref)

G_END_DECLS
