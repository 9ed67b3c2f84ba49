/* wm-flow-io.h - reading and writing flow files (flow-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-flow.h"

G_BEGIN_DECLS

#define WM_FLOW_ERROR (wm_flow_error_quark ())

typedef enum
{
  WM_FLOW_ERROR_JSON,         /* not strict JSON (the message has line and column) */
  WM_FLOW_ERROR_NOT_A_FLOW,   /* format is not waymark.flow, or not version 1 */
  WM_FLOW_ERROR_UNKNOWN_KEY,  /* a key the format does not have */
  WM_FLOW_ERROR_SHAPE,        /* a required part is missing or malformed */
} WmFlowError;

GQuark      wm_flow_error_quark       (void);

/* Loads a flow document. Refuses, with a message naming the place
 * ("versions[0].elements[3].config: unknown key 'timout'"), what
 * flow-format.md's Loading paragraph refuses; everything else loads and is
 * left to validation. */
WmFlow     *wm_flow_load_from_data    (const char  *data,
                                       gssize       length,
                                       GError     **error);
WmFlow     *wm_flow_load_from_file    (const char  *path,
                                       GError     **error);
/* From an already parsed document (e.g. after looking at its "format"). */
WmFlow     *wm_flow_load_from_node    (JsonNode    *root,
                                       GError     **error);

/* The document in canonical form (flow-format.md): keys in the format's
 * order, x- keys after the others in the order they were read. */
char       *wm_flow_to_canonical      (WmFlow      *flow,
                                       gsize       *length);
/* The document as a new JSON tree in canonical key order. */
JsonNode   *wm_flow_to_canonical_node (WmFlow      *flow);
/* One element as a new JSON tree in canonical key order (the clipboard
 * holds elements as the format's JSON). */
JsonNode   *wm_element_to_canonical_node (WmElement *element);

/* Writes the canonical form to @path atomically; a file that already holds
 * exactly those bytes is not touched. */
gboolean    wm_flow_save_to_file      (WmFlow      *flow,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS
