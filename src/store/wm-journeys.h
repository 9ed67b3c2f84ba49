/* wm-journeys.h - journeys stored in the workspace (journeys.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey is kept as its canonical document, so export gives back the
 * bytes of wm_journey_to_canonical (x- keys and all), plus one row a stage
 * and one row a flow a stage groups: the flows list asks, for a flow,
 * which stages group it, and a flow that a stage groups cannot be deleted.
 *
 * A stored journey may have validation errors, like a draft flow: the
 * editor saves as the user types, and the simulator refuses a journey with
 * errors. What the store itself relies on is refused: an id that is not
 * 1 to 64 letters, digits, '-' or '_' (INVALID), and a stage grouping a
 * flow the workspace does not have (NOT_FOUND, naming the stage and flow).
 *
 * Every change is one transaction; WmWorkspace::journeys-changed (the
 * journey's id, or NULL after another program changed the file) follows
 * every create, save, duplicate, delete and import.
 */
#pragma once

#include "wm-journey.h"
#include "wm-workspace.h"

G_BEGIN_DECLS

/* A journey in the list. */
typedef struct
{
  char   *id;
  char   *name;        /* "" when the journey has none */
  guint   n_stages;
  gint64  changed_at;  /* whole UTC seconds */
} WmJourneyInfo;

/* A stage that groups a flow. */
typedef struct
{
  char *journey_id;
  char *journey_name;
  char *stage_id;
  char *stage_name;    /* "" when the stage has none */
} WmFlowGroup;

void        wm_journey_info_free             (WmJourneyInfo *info);
void        wm_flow_group_free               (WmFlowGroup   *group);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJourneyInfo, wm_journey_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmFlowGroup, wm_flow_group_free)

/* Every journey (WmJourneyInfo), by name (ASCII case-insensitive), then
 * id. */
GPtrArray  *wm_workspace_list_journeys       (WmWorkspace  *self,
                                              GError      **error);
/* The journey as stored: a new object the caller owns; NOT_FOUND when
 * there is none. */
WmJourney  *wm_workspace_get_journey         (WmWorkspace  *self,
                                              const char   *id,
                                              GError      **error);
/* A new journey named @name with one stage that begins with the journey;
 * returns its id, made from the name. */
char       *wm_workspace_create_journey      (WmWorkspace  *self,
                                              const char   *name,
                                              gint64        now,
                                              GError      **error);
/* Stores @journey over the stored journey of the same id (NOT_FOUND when
 * there is none: create or import it first). *@diagnostics (may be NULL)
 * receives its validation with the workspace as lookup, flows included
 * (wm_validate_journey): warnings and errors do not stop the save. */
gboolean    wm_workspace_save_journey        (WmWorkspace  *self,
                                              WmJourney    *journey,
                                              GPtrArray   **diagnostics,
                                              GError      **error);
/* A new journey "Copy of NAME" with the same stages; returns its id. */
char       *wm_workspace_duplicate_journey   (WmWorkspace  *self,
                                              const char   *id,
                                              gint64        now,
                                              GError      **error);
gboolean    wm_workspace_delete_journey      (WmWorkspace  *self,
                                              const char   *id,
                                              GError      **error);

/* Journey files (.waymark-journey.json). */

/* The stored document, which is the canonical form. */
char       *wm_workspace_export_journey      (WmWorkspace  *self,
                                              const char   *id,
                                              gsize        *length,
                                              GError      **error);
/* Adds the journey in @data (INVALID with the load error when it is not a
 * journey file); when its id is taken or unusable it gets a new one and
 * *@renamed (may be NULL) is set. Returns the id it was stored under. */
char       *wm_workspace_import_journey      (WmWorkspace  *self,
                                              const char   *data,
                                              gsize         length,
                                              gboolean     *renamed,
                                              GError      **error);

/* The stages that group flow @flow_id (WmFlowGroup), by journey name, then
 * id, then stage order; empty when none does. */
GPtrArray  *wm_workspace_list_flow_groups    (WmWorkspace  *self,
                                              const char   *flow_id,
                                              GError      **error);

G_END_DECLS
