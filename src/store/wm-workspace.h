/* wm-workspace.h - the workspace: one sqlite file of flows, versions,
 * milestones, outcomes, templates, simulation runs and journeys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is one transaction. Flows are read from the database inside
 * the transaction that changes them, so the app and the command line can
 * work on the same file at once without losing a write. Each call that
 * refuses returns FALSE (or NULL) with a WM_WORKSPACE_ERROR whose message
 * says why and what to do.
 *
 * Instants (@now, @start) are whole UTC seconds (wm-time.h); the caller
 * passes the clock so that tests and the sample content can pick it.
 *
 * Signals: ::flow-changed (const char *id, or NULL after another program
 * changed the file), ::definitions-changed (int WmDefinitionKind; for
 * both kinds after another program changed the file), ::runs-changed
 * (simulation runs, wm-runs.h) and ::journeys-changed (const char *id or
 * NULL, wm-journeys.h). The
 * list of flows (wm_workspace_get_flows) follows with items-changed.
 * WmWorkspace implements WmLookup, so wm_validate_flow (flow, WM_LOOKUP (ws))
 * checks milestones, outcomes, add.to.flow targets and inbound conflicts
 * against the workspace.
 */
#pragma once

#include <gio/gio.h>

#include "wm-flow.h"
#include "wm-lookup.h"

G_BEGIN_DECLS

#define WM_WORKSPACE_ERROR (wm_workspace_error_quark ())

typedef enum
{
  WM_WORKSPACE_ERROR_NOT_A_WORKSPACE, /* the file is something else; left untouched */
  WM_WORKSPACE_ERROR_CORRUPT,         /* a damaged database; left untouched */
  WM_WORKSPACE_ERROR_NEWER,           /* made by a newer Waymark; left untouched */
  WM_WORKSPACE_ERROR_IO,              /* the file cannot be read or written */
  WM_WORKSPACE_ERROR_BUSY,            /* another program held the file too long */
  WM_WORKSPACE_ERROR_NOT_FOUND,       /* no such flow, version, definition or template */
  WM_WORKSPACE_ERROR_INVALID,         /* validation errors, a bad flow file or name */
  WM_WORKSPACE_ERROR_STATE,           /* not allowed in the current status */
  WM_WORKSPACE_ERROR_EXISTS,          /* the name is taken */
  WM_WORKSPACE_ERROR_LIMIT,           /* 1000 milestones / 100 outcomes */
  WM_WORKSPACE_ERROR_IN_USE,          /* a milestone used by a launched version, a
                                       * flow a journey stage groups */
} WmWorkspaceError;

typedef enum
{
  WM_WORKSPACE_OPEN_DEFAULT = 0,
  /* Create the file when it does not exist (mode 0600). */
  WM_WORKSPACE_OPEN_CREATE  = 1 << 0,
  /* When the file is created: fill it with the sample content and write
   * the sample profiles next to it. */
  WM_WORKSPACE_OPEN_SAMPLE  = 1 << 1,
} WmWorkspaceOpenFlags;

typedef enum
{
  WM_DEFINITION_MILESTONE,
  WM_DEFINITION_OUTCOME,
} WmDefinitionKind;

#define WM_WORKSPACE_MAX_MILESTONES 1000
#define WM_WORKSPACE_MAX_OUTCOMES   100

/* A milestone or outcome definition, or a template's summary. */
typedef struct
{
  char    *id;
  char    *name;
  char    *description;
  gboolean builtin;     /* templates only */
} WmDefinition;

void          wm_definition_free            (WmDefinition *definition);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmDefinition, wm_definition_free)

#define WM_TYPE_WORKSPACE (wm_workspace_get_type ())
G_DECLARE_FINAL_TYPE (WmWorkspace, wm_workspace, WM, WORKSPACE, GObject)

GQuark        wm_workspace_error_quark      (void);

/* $XDG_DATA_HOME/waymark/workspace.db */
char         *wm_workspace_get_default_path (void);

/* Opens (or with WM_WORKSPACE_OPEN_CREATE creates) the workspace at @path.
 * A file that is not a workspace, is damaged, or comes from a newer
 * version is refused and never written to. Moves scheduled versions whose
 * time has come (wm_workspace_apply_schedule) with @now = the current time. */
WmWorkspace  *wm_workspace_open             (const char           *path,
                                             WmWorkspaceOpenFlags  flags,
                                             GError              **error);

const char   *wm_workspace_get_path         (WmWorkspace  *self);
/* Where the sample profiles of this workspace are (or would be) written:
 * "NAME-profiles.jsonl" next to the database "NAME.db". */
char         *wm_workspace_get_sample_profiles_path (WmWorkspace *self);

/* The flows (WmFlowInfo), ordered by name (ASCII case-insensitive), then
 * id. Updated after every change made through this object, and by
 * wm_workspace_refresh for changes made by another program. */
GListModel   *wm_workspace_get_flows        (WmWorkspace  *self);
/* Re-reads what another program changed since the last look; cheap when
 * nothing changed (the app calls it on a timer with apply_schedule). */
void          wm_workspace_refresh          (WmWorkspace  *self);

/* The flow as stored, read from the database: a new object the caller
 * owns and may edit (then save with wm_workspace_save_version).
 * ::flow-changed tells when the stored flow changes. */
WmFlow       *wm_workspace_get_flow         (WmWorkspace  *self,
                                             const char   *id,
                                             GError      **error);
/* A new flow named @name with one empty draft; returns its id. */
char         *wm_workspace_create_flow      (WmWorkspace  *self,
                                             const char   *name,
                                             gint64        now,
                                             GError      **error);
/* Saves the flow's document-level fields (name, description, timezone,
 * schedule, x- keys) and version @number, which must be a draft both in
 * @flow and in the store: launched versions change only through the
 * lifecycle calls. Writes one version row. */
gboolean      wm_workspace_save_version     (WmWorkspace  *self,
                                             WmFlow       *flow,
                                             guint         number,
                                             GError      **error);
/* Saves only the document-level fields of @flow. */
gboolean      wm_workspace_save_flow_fields (WmWorkspace  *self,
                                             WmFlow       *flow,
                                             GError      **error);

/* Lifecycle (flow-format.md, Lifecycle). */

/* Launches the latest version, a draft without validation errors (the
 * message lists them): active now, or scheduled when schedule.start is
 * after @now. Explicit exits are added for unconnected ports. The versions
 * that were active or paused become finishing when this one becomes
 * active. */
gboolean      wm_workspace_launch           (WmWorkspace  *self,
                                             const char   *id,
                                             gint64        now,
                                             GError      **error);
/* Sets schedule.start to @start, then launches as above. */
gboolean      wm_workspace_launch_at        (WmWorkspace  *self,
                                             const char   *id,
                                             gint64        start,
                                             gint64        now,
                                             GError      **error);
/* scheduled -> canceled */
gboolean      wm_workspace_cancel           (WmWorkspace  *self,
                                             const char   *id,
                                             GError      **error);
/* active -> paused, paused -> active (the flow's active / paused version) */
gboolean      wm_workspace_pause            (WmWorkspace  *self,
                                             const char   *id,
                                             GError      **error);
gboolean      wm_workspace_resume           (WmWorkspace  *self,
                                             const char   *id,
                                             GError      **error);
/* active, paused, finishing -> stopped at @now; @number 0 stops every
 * such version. */
gboolean      wm_workspace_stop             (WmWorkspace  *self,
                                             const char   *id,
                                             guint         number,
                                             gint64        now,
                                             GError      **error);
/* finishing -> finished (the user's Finish action); @number 0: every
 * finishing version. */
gboolean      wm_workspace_finish           (WmWorkspace  *self,
                                             const char   *id,
                                             guint         number,
                                             GError      **error);
/* Scheduled versions whose start has come become active; active and paused
 * versions whose schedule end has passed become finishing. Sets *@changed
 * to the number of flows changed. */
gboolean      wm_workspace_apply_schedule   (WmWorkspace  *self,
                                             gint64        now,
                                             guint        *changed,
                                             GError      **error);
/* A draft copy of the latest version (active, paused or finishing) with
 * the next number; returns that number, or 0. */
guint         wm_workspace_new_version      (WmWorkspace  *self,
                                             const char   *id,
                                             gint64        now,
                                             GError      **error);
/* A new flow "Copy of NAME" with one draft copied from version @number
 * (0: the latest); returns the new id. */
char         *wm_workspace_duplicate        (WmWorkspace  *self,
                                             const char   *id,
                                             guint         number,
                                             gint64        now,
                                             GError      **error);
/* Only a flow whose every version is a draft and that no journey stage
 * groups (IN_USE, naming the journey and stage). */
gboolean      wm_workspace_delete_flow      (WmWorkspace  *self,
                                             const char   *id,
                                             GError      **error);

/* Flow files. */

/* The flow's document in canonical form. */
char         *wm_workspace_export_flow      (WmWorkspace  *self,
                                             const char   *id,
                                             gsize        *length,
                                             GError      **error);
/* Adds the flow in @data; when its id is taken it gets a new one, and
 * *@renamed (may be NULL) is set. Returns the id it was stored under. */
char         *wm_workspace_import_flow      (WmWorkspace  *self,
                                             const char   *data,
                                             gsize         length,
                                             gboolean     *renamed,
                                             GError      **error);

/* Imports a flow file (wm_workspace_import_flow) after checking that its
 * name ends in ".json" and that it is not larger than a flow file can be;
 * every error message names the file. */
char         *wm_workspace_import_file      (WmWorkspace  *self,
                                             GFile        *file,
                                             gboolean     *renamed,
                                             GError      **error);
/* Imports each of @files (GFile) with wm_workspace_import_file, each in
 * its own transaction, so a bad file imports nothing and the others still
 * come in. Returns one message per file, in order, to show the person who
 * chose them: "Imported “Name”", "“Name” already existed; imported as a
 * copy", or the error. Sets *@n_imported (may be NULL). */
char        **wm_workspace_import_files     (WmWorkspace  *self,
                                             GSList       *files,
                                             guint        *n_imported);

/* The names of the workspace's milestones, outcomes and flows, for
 * showing references by name (wm-names.h). A new table. */
GHashTable   *wm_workspace_get_names        (WmWorkspace      *self);

/* Milestones and outcomes (GPtrArray of WmDefinition, by name). */
GPtrArray    *wm_workspace_list_definitions (WmWorkspace      *self,
                                             WmDefinitionKind  kind,
                                             GError          **error);
/* Returns the new definition's id, made from the name. */
char         *wm_workspace_add_definition   (WmWorkspace      *self,
                                             WmDefinitionKind  kind,
                                             const char       *name,
                                             const char       *description,
                                             GError          **error);
gboolean      wm_workspace_rename_definition (WmWorkspace     *self,
                                             WmDefinitionKind  kind,
                                             const char       *id,
                                             const char       *name,
                                             GError          **error);
gboolean      wm_workspace_set_definition_description (WmWorkspace *self,
                                             WmDefinitionKind  kind,
                                             const char       *id,
                                             const char       *description,
                                             GError          **error);
/* The names of the flows whose launched (non-draft) versions use
 * definition @id, by name: those keep a milestone from being deleted.
 * With @drafts, the flows with a draft that uses it instead (deleting
 * leaves them an unknown milestone to fix). Empty for an outcome
 * (outcomes are never deleted anyway). */
char        **wm_workspace_list_definition_users (WmWorkspace *self,
                                             WmDefinitionKind  kind,
                                             const char       *id,
                                             gboolean          drafts,
                                             GError          **error);
/* Milestones only, and only when no non-draft version uses them. */
gboolean      wm_workspace_delete_definition (WmWorkspace     *self,
                                             WmDefinitionKind  kind,
                                             const char       *id,
                                             GError          **error);

/* Templates: the built-in ones, then those saved, by name. */
GPtrArray    *wm_workspace_list_templates   (WmWorkspace  *self,
                                             GError      **error);
/* The template's flow as stored (one draft version), for a preview;
 * NOT_FOUND when there is no such template. */
WmFlow       *wm_workspace_get_template     (WmWorkspace  *self,
                                             const char   *id,
                                             GError      **error);
/* A new flow (draft) from a template, named @name or after the template;
 * milestones and outcomes it uses are added when missing. Returns its id. */
char         *wm_workspace_instantiate_template (WmWorkspace *self,
                                             const char   *template_id,
                                             const char   *name,
                                             gint64        now,
                                             GError      **error);
/* Saves version @number (0: latest) of a flow as a template named @name;
 * returns the template's id. */
char         *wm_workspace_save_template    (WmWorkspace  *self,
                                             const char   *flow_id,
                                             guint         number,
                                             const char   *name,
                                             GError      **error);

G_END_DECLS
