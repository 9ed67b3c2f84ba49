/* wm-runs.h - simulation runs stored in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run keeps what is needed to reopen, compare and judge it later: its
 * inputs (profile file, window, seed, parameters, and each flow's file as
 * it was simulated, so that one customer can be simulated again with the
 * same inputs), the flows' version numbers and a hash of each version's
 * stored document (so the app can say "the flow has changed since"), the
 * report exactly as the command line writes it, and when it ran and for
 * how long. The journeys that took part are kept the same way as the
 * flows: each journey file as it was simulated and a hash of its stored
 * document, so a journey edited or deleted since does not change the run. The profile file's size and modification time tell when the
 * file changed since.
 *
 * Adding a run is one transaction: it is stored whole or not at all.
 * WmWorkspace::runs-changed is emitted after every add, rename and delete.
 */
#pragma once

#include "wm-workspace.h"

G_BEGIN_DECLS

typedef struct
{
  char     *flow_id;
  guint     version;   /* the version the run is about */
  gboolean  tried;     /* simulated alone, as --try FLOW:N */
  char     *hash;      /* SHA-256 (hex) of the version's stored document */
  char     *document;  /* the flow file (canonical) as simulated; NULL in a list */
} WmRunFlow;

typedef struct
{
  char     *journey_id;
  char     *hash;      /* SHA-256 (hex) of the journey's stored document */
  char     *document;  /* the journey file (canonical) as simulated; NULL in a list */
} WmRunJourney;

typedef struct
{
  gint64     id;             /* given by the store */
  char      *name;
  char      *profiles_path;
  gint64     profiles_size;  /* bytes */
  gint64     profiles_mtime; /* whole UTC seconds */
  gint64     start;          /* the window, whole UTC seconds */
  gint64     end;
  guint64    seed;
  char      *params;         /* the run parameters document (JSON) */
  GPtrArray *flows;          /* WmRunFlow, in the order given */
  GPtrArray *journeys;       /* WmRunJourney, in the order given; may be empty */
  char      *report;         /* waymark.report JSON; NULL in a list */
  gint64     ran_at;         /* whole UTC seconds; 0 when adding: now */
  gint64     duration_ms;
  /* NULL for a run simulated here; for results imported from elsewhere,
   * where they came from in words (wm-run-import.h). Such a run may have
   * an empty profiles_path: the profiles stayed where they were run. */
  char      *origin;
} WmRun;

typedef enum
{
  WM_RUN_FLOW_SAME,          /* the version is stored as it was simulated */
  WM_RUN_FLOW_CHANGED,       /* the version was edited since */
  WM_RUN_FLOW_GONE,          /* the flow or the version was deleted */
} WmRunFlowState;

WmRun        *wm_run_new                    (void);
/* A deep copy of @run, its files and report included: for a view that
 * keeps a run's inputs while its owner frees the run. */
WmRun        *wm_run_copy                   (const WmRun  *run);
void          wm_run_free                   (WmRun        *run);
/* Adds a flow that took part. The store takes its file and the version's
 * hash from what it holds when the run is added, so save edits first. */
void          wm_run_add_flow               (WmRun        *run,
                                             const char   *flow_id,
                                             guint         version,
                                             gboolean      tried);
/* Adds a journey that took part. The store takes its file (and hash)
 * from what it holds when the run is added, so save edits first. */
void          wm_run_add_journey            (WmRun        *run,
                                             const char   *journey_id);
/* The hash the store keeps for a version's document text. */
char         *wm_run_hash_document          (const char   *document);
/* "NAME, 29 November 2026 19:05" in @tz (NULL: local time). */
char         *wm_run_default_name           (const char   *flow_name,
                                             gint64        ran_at,
                                             GTimeZone    *tz);
/* Fills the run's profiles_size and profiles_mtime from the file. */
gboolean      wm_run_stat_profiles          (WmRun        *run,
                                             GError      **error);
/* Whether the profile file differs (size or time) from when the run was
 * made; a file that is gone counts as changed. FALSE for an imported run
 * without a profile file: there is nothing here to compare. */
gboolean      wm_run_profiles_changed       (const WmRun  *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmRun, wm_run_free)

/* Stores @run (its id is ignored; its name, when NULL or empty, is made
 * from the first flow's name and ran_at). The report must be a
 * waymark.report document, every flow's version must exist and so must
 * every journey (NOT_FOUND naming the one that does not). Returns the
 * new run's id, or 0 with an error; nothing is stored then. */
gint64        wm_workspace_add_run          (WmWorkspace  *self,
                                             const WmRun  *run,
                                             GError      **error);
/* Every run, newest first (ran_at, then id), without their reports and
 * flow and journey files. */
GPtrArray    *wm_workspace_list_runs        (WmWorkspace  *self,
                                             GError      **error);
/* One run with its report and flow and journey files; NOT_FOUND when there is no such
 * run. */
WmRun        *wm_workspace_get_run          (WmWorkspace  *self,
                                             gint64        id,
                                             GError      **error);
gboolean      wm_workspace_rename_run       (WmWorkspace  *self,
                                             gint64        id,
                                             const char   *name,
                                             GError      **error);
gboolean      wm_workspace_delete_run       (WmWorkspace  *self,
                                             gint64        id,
                                             GError      **error);
/* Whether flow @flow_id of run @id is still stored as it was simulated.
 * NOT_FOUND when the run does not exist or did not include that flow. */
gboolean      wm_workspace_check_run_flow   (WmWorkspace    *self,
                                             gint64          id,
                                             const char     *flow_id,
                                             WmRunFlowState *state,
                                             GError        **error);

G_END_DECLS
