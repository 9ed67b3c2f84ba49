/* wm-catalog.h - flows and a milestone/outcome catalog at hand (command line)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line's WmLookup: the flow files given together, and the
 * optional catalog file of simulation.md (Inputs):
 * { "format": "waymark.catalog", "format_version": 1,
 *   "milestones": [ { "id", "name", "description" } ], "outcomes": [ ... ] }
 */
#pragma once

#include "wm-lookup.h"

G_BEGIN_DECLS

#define WM_TYPE_CATALOG (wm_catalog_get_type ())
G_DECLARE_FINAL_TYPE (WmCatalog, wm_catalog, WM, CATALOG, GObject)

#define WM_CATALOG_ERROR (wm_catalog_error_quark ())

typedef enum
{
  WM_CATALOG_ERROR_INVALID,
} WmCatalogError;

GQuark      wm_catalog_error_quark       (void);

WmCatalog  *wm_catalog_new               (void);
/* Reads a catalog file; from then on milestone and outcome references are
 * checked (without one they are not). */
gboolean    wm_catalog_load_file         (WmCatalog  *self,
                                          const char *path,
                                          GError    **error);
gboolean    wm_catalog_load_node         (WmCatalog  *self,
                                          JsonNode   *root,
                                          GError    **error);
gboolean    wm_catalog_has_milestones    (WmCatalog  *self);
/* The catalog document as read (NULL without one); do not modify. */
JsonNode   *wm_catalog_get_json          (WmCatalog  *self);
/* The names of milestone and outcome ids (NULL when unknown). */
const char *wm_catalog_get_milestone_name (WmCatalog *self,
                                          const char *id);
const char *wm_catalog_get_outcome_name  (WmCatalog  *self,
                                          const char *id);

/* Copies @source's milestone and outcome definitions (not its flows). */
void        wm_catalog_copy_definitions  (WmCatalog  *self,
                                          WmCatalog  *source);

/* A flow at hand (a reference is taken). */
void        wm_catalog_add_flow          (WmCatalog  *self,
                                          WmFlow     *flow);
/* TRUE: a flow id that is not at hand is MISSING (simulate: every flow of
 * the run is given); FALSE: UNKNOWN (validate). */
void        wm_catalog_set_flows_complete (WmCatalog *self,
                                          gboolean    complete);
/* TRUE: list_flows gives the flows at hand for inbound conflicts. */
void        wm_catalog_set_check_inbound (WmCatalog  *self,
                                          gboolean    check);

G_END_DECLS
