/* wm-journey-commands.h - the undo commands that edit a journey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit the journey editor makes goes through one of these, pushed on
 * a WmUndoStack made with wm_undo_stack_new_for_journey(). Like the flow
 * commands they name stages and steps by id, copy the values they are
 * given, and give back the document byte for byte on revert
 * (wm_journey_to_canonical). Text typed into one field within the merge
 * window is one step; so are repeated moves of one stage or step.
 *
 * Ids stay unique: a stage or step that is added with an id already taken
 * (or none) gets a fresh one, and ids are never changed by a set command.
 */
#pragma once

#include "wm-undo.h"

G_BEGIN_DECLS

/* Positions past the end append. */
#define WM_JOURNEY_POSITION_END G_MAXUINT

/* The journey's own fields. _set_member_new sets any member but "format",
 * "format_version", "id" and "stages" (NULL removes it). The begins
 * setters make a "begins" object when there is none: @event NULL begins
 * the journey at the run's start. */
WmCommand  *wm_journey_command_set_member_new            (const char         *key,
                                                          JsonNode           *value);
WmCommand  *wm_journey_command_rename_new                (const char         *name);
WmCommand  *wm_journey_command_set_description_new       (const char         *description);
WmCommand  *wm_journey_command_set_begins_event_new      (const char         *event);
WmCommand  *wm_journey_command_set_begins_where_new      (const char         *where);

/* A new stage object with an id no stage of @journey has (made from
 * @name), "begins when the journey begins", completed by its steps, no
 * steps, and a duration of 7 days. Give it to _add_stage_new. */
JsonNode   *wm_journey_new_stage                         (WmJourney          *journey,
                                                          const char         *name);
/* Inserts (a copy of) @stage at @position; a taken or missing id is
 * replaced by a fresh one when applied. "Add stage ‘Onboarded’". */
WmCommand  *wm_journey_command_add_stage_new             (JsonNode           *stage,
                                                          guint               position);
/* Removes stage @id, and takes @id out of the `begins.after` of every
 * other stage, so no link names a stage that is gone; a stage that waited
 * for it alone now begins when the journey begins (an `after` stage
 * waiting for nothing is invalid). Undo restores the stage and the links.
 * "Delete stage ‘Registered’". */
WmCommand  *wm_journey_command_remove_stage_new          (const char         *id);
/* Inserts a copy right after stage @id, with a fresh id and the name
 * "NAME (copy)" (names must be unique too). Other stages' links are not
 * changed. */
WmCommand  *wm_journey_command_duplicate_stage_new       (const char         *id);
/* The id an applied add or duplicate command gave the new stage or step
 * (for the editor to select it), or NULL. */
const char *wm_journey_command_get_new_id                (WmCommand          *command);
/* Moves stage @id to @position (in the list without it). Moves of one
 * stage within the merge window merge (keyboard reordering). */
WmCommand  *wm_journey_command_move_stage_new            (const char         *id,
                                                          guint               position);

/* Stage fields. _set_stage_member_new sets any member but "id" and
 * "steps" (NULL removes it); text fields merge while typing. */
WmCommand  *wm_journey_command_set_stage_member_new      (const char         *stage,
                                                          const char         *key,
                                                          JsonNode           *value);
WmCommand  *wm_journey_command_rename_stage_new          (const char         *stage,
                                                          const char         *name);
WmCommand  *wm_journey_command_set_stage_description_new (const char         *stage,
                                                          const char         *description);
/* @when: "journey", "after" or "manual"; @after (NULL: none) the stages
 * it waits for, kept in the order given. The other members of the
 * stage's begins object (x- keys) are kept. */
WmCommand  *wm_journey_command_set_stage_begins_new      (const char         *stage,
                                                          const char         *when,
                                                          const char * const *after);
WmCommand  *wm_journey_command_set_stage_entry_new       (const char         *stage,
                                                          const char         *entry);
/* @completes: "steps" or "manual". */
WmCommand  *wm_journey_command_set_stage_completes_new   (const char         *stage,
                                                          const char         *completes);
/* Durations as text ("7d"); NULL removes behind / stuck (their
 * defaults then apply). */
WmCommand  *wm_journey_command_set_stage_duration_new    (const char         *stage,
                                                          const char         *duration);
WmCommand  *wm_journey_command_set_stage_behind_new      (const char         *stage,
                                                          const char         *behind);
WmCommand  *wm_journey_command_set_stage_stuck_new       (const char         *stage,
                                                          const char         *stuck);
/* Groups flow @flow under the stage (appended to its `flows`), or takes
 * it out. Does not fit (returns FALSE on apply) when it already is / is
 * not grouped there. */
WmCommand  *wm_journey_command_group_flow_new            (const char         *stage,
                                                          const char         *flow);
WmCommand  *wm_journey_command_ungroup_flow_new          (const char         *stage,
                                                          const char         *flow);

/* A new step object of @kind ("milestone", "outcome", "event", "flow",
 * "task") whose id no step of @stage has, its required fields empty. */
JsonNode   *wm_journey_new_step                          (WmJourney          *journey,
                                                          const char         *stage,
                                                          const char         *kind,
                                                          const char         *name);
WmCommand  *wm_journey_command_add_step_new              (const char         *stage,
                                                          JsonNode           *step,
                                                          guint               position);
WmCommand  *wm_journey_command_remove_step_new           (const char         *stage,
                                                          const char         *step);
WmCommand  *wm_journey_command_move_step_new             (const char         *stage,
                                                          const char         *step,
                                                          guint               position);
/* Sets "name", "required", an x- key or a field of the step's kind (a
 * key of another kind does not fit: it would make the file unloadable). */
WmCommand  *wm_journey_command_set_step_member_new       (const char         *stage,
                                                          const char         *step,
                                                          const char         *key,
                                                          JsonNode           *value);
WmCommand  *wm_journey_command_rename_step_new           (const char         *stage,
                                                          const char         *step,
                                                          const char         *name);
WmCommand  *wm_journey_command_set_step_required_new     (const char         *stage,
                                                          const char         *step,
                                                          gboolean            required);
/* Changes the kind: fields the new kind also has are kept, the others
 * dropped, missing required ones added empty. */
WmCommand  *wm_journey_command_set_step_kind_new         (const char         *stage,
                                                          const char         *step,
                                                          const char         *kind);

G_END_DECLS
