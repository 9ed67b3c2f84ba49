/* wm-step-row.h - one step of a stage in the stage editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander row titled with the step's name: inside, the name, the
 * fields of its kind (journeys.md, the kinds table) and Required; on it,
 * move up, move down and remove. Its edits go through the stage editor.
 */
#pragma once

#include <adwaita.h>

#include "wm-stage-editor.h"
#include "wm-undo.h"
#include "wm-workspace.h"

G_BEGIN_DECLS

/* The workspace's milestones, outcomes and flows (ids and the names to
 * show, NULL-ended, in the workspace's order); empty without one. */
typedef struct
{
  GStrv milestone_ids;
  GStrv milestone_labels;
  GStrv outcome_ids;
  GStrv outcome_labels;
  GStrv flow_ids;
  GStrv flow_labels;
} WmStepChoices;

WmStepChoices *wm_step_choices_new  (WmWorkspace   *workspace);
void           wm_step_choices_free (WmStepChoices *choices);

/* The kinds in the order the add menu lists them, and their labels. */
extern const char * const wm_step_kinds[];
const char    *wm_step_kind_label   (const char    *kind);

typedef struct _WmStepRow WmStepRow;

/* @index of @n steps: the first cannot move up, the last down. */
WmStepRow     *wm_step_row_new      (WmStageEditor *editor,
                                     WmStepChoices *choices,
                                     const char    *stage,
                                     const char    *id,
                                     const char    *kind,
                                     guint          index,
                                     guint          n);
void           wm_step_row_free     (WmStepRow     *row);
GtkWidget     *wm_step_row_get_row  (WmStepRow     *row);
const char    *wm_step_row_get_id   (WmStepRow     *row);
/* Its fields by the step field they edit ("name", "milestone", ...,
 * "required"); the caller takes over freeing the fields. */
GHashTable    *wm_step_row_get_fields (WmStepRow   *row);
/* Shows @step's values without touching a field that already shows them. */
void           wm_step_row_refresh  (WmStepRow     *row,
                                     JsonObject    *step);

/* In wm-stage-editor.c: pushes @command (taken) on the editor's stack,
 * unless the editor is writing its widgets. */
void           _wm_stage_editor_push (WmStageEditor *editor,
                                      WmCommand     *command);

G_END_DECLS
