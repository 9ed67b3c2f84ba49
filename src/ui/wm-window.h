/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "wm-application.h"
#include "wm-editor-page.h"
#include "wm-flows-page.h"
#include "wm-journey-editor.h"
#include "wm-journeys-page.h"
#include "wm-run-page.h"

G_BEGIN_DECLS

#define WM_TYPE_WINDOW (wm_window_get_type ())

G_DECLARE_FINAL_TYPE (WmWindow, wm_window, WM, WINDOW, AdwApplicationWindow)

WmWindow     *wm_window_new             (WmApplication *application);

/* The two pages: the list of flows and the editor of one. */
WmFlowsPage  *wm_window_get_flows_page  (WmWindow      *self);
WmEditorPage *wm_window_get_editor_page (WmWindow      *self);
/* Opens flow @id in the editor page and shows it. */
gboolean      wm_window_open_flow       (WmWindow      *self,
                                         const char    *id,
                                         GError       **error);
/* The flow performance page of a stored run (win.show-run). */
WmRunPage    *wm_window_get_run_page    (WmWindow      *self);
/* Shows run @id on the performance page (what win.show-run does); Back
 * returns to the page shown before. */
gboolean      wm_window_show_run        (WmWindow      *self,
                                         gint64         id,
                                         GError       **error);
/* Saves and shows the list of flows. */
void          wm_window_show_flows      (WmWindow      *self);

/* The list of journeys, the other page win.show-page ("s": "flows" or
 * "journeys") [Alt+1, Alt+2] switches to. */
WmJourneysPage *wm_window_get_journeys_page (WmWindow  *self);
/* Saves what is pending and shows the list of journeys. */
void          wm_window_show_journeys   (WmWindow      *self);
/* The editor of one journey, and opening journey @id in it; Back
 * returns to the list of journeys. */
WmJourneyEditor *wm_window_get_journey_editor (WmWindow *self);
gboolean      wm_window_open_journey    (WmWindow      *self,
                                         const char    *id,
                                         GError       **error);

/* wm-window-actions.c: win.import [Ctrl+O], win.definitions and
 * win.show-message ("s": a toast's whole text), and dropping flow files
 * on the window. */
void          _wm_window_actions_init   (WmWindow      *self);
/* Imports @files (GFile) into the workspace, each on its own, with a
 * toast for each result; returns those messages (NULL: no workspace).
 * The file chooser and a drop both come here. */
char        **wm_window_import_files    (WmWindow      *self,
                                         GSList        *files);
/* Opens the milestones and outcomes window, and returns it. */
GtkWidget    *wm_window_show_definitions (WmWindow     *self);
/* A toast on the page shown; a long message gets a Details button. */
void          _wm_window_show_toast     (WmWindow      *self,
                                         const char    *message);

/* wm-window-results.c: win.import-results, results made elsewhere (a
 * report, or partial results merged on import) stored as a run and shown
 * on the performance page. */
void          _wm_window_results_init   (WmWindow      *self);
/* Reads and merges @paths in a thread, then stores the run (refusing
 * results made for other versions of the workspace's flows). */
void          wm_window_import_results_async  (WmWindow            *self,
                                               const char * const  *paths,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The stored run's id, or 0 with the error (also shown in a toast). */
gint64        wm_window_import_results_finish (WmWindow            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
