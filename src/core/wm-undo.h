/* wm-undo.h - undo commands and the undo stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a flow is a WmCommand: a small object that knows how to
 * apply itself to a flow, revert itself, absorb the next command when the
 * two are one gesture for a person (consecutive nudges, keystrokes in one
 * field), and describe itself for the Undo menu item ("Move 3 elements").
 * Commands name elements by version number and element id, never by
 * pointer, so they keep working when an element is removed and added back.
 *
 * Journeys are edited the same way (wm-journey-commands.h): their commands
 * implement the journey pair of vfuncs, and a stack made for a journey
 * applies them to it.
 *
 * WmUndoStack applies the commands it is given and keeps the history.
 * One drag is one step: open a group when the gesture begins, push the live
 * preview's commands into it, end it when the gesture ends, or cancel it
 * (Escape) to revert the preview.
 */
#pragma once

#include <gio/gio.h>

#include "wm-flow.h"
#include "wm-journey.h"

G_BEGIN_DECLS

/* Commands created within this time (monotonic microseconds) of the one
 * before may merge with it: keystrokes and nudges closer than a second are
 * one step for a person. */
#define WM_COMMAND_MERGE_WINDOW G_USEC_PER_SEC

#define WM_TYPE_COMMAND (wm_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (WmCommand, wm_command, WM, COMMAND, GObject)

struct _WmCommandClass
{
  GObjectClass parent_class;

  /* Applies the command. Returns FALSE, leaving @flow unchanged, when the
   * command does not fit the flow (its version or an element is missing). */
  gboolean  (*apply)    (WmCommand *self,
                         WmFlow    *flow);
  /* Undoes the last apply; the flow must be as the apply left it. */
  void      (*revert)   (WmCommand *self,
                         WmFlow    *flow);
  /* Absorbs @next (already applied after @self) into @self, so that one
   * revert undoes both. Returns FALSE when the two are separate steps. */
  gboolean  (*merge)    (WmCommand *self,
                         WmCommand *next);
  /* A translated description: "Move 3 elements". */
  char     *(*describe) (WmCommand *self);

  /* The same two for a command that edits a journey (wm-journey-commands.h)
   * instead of a flow: a command implements one pair or the other. */
  gboolean  (*apply_journey)  (WmCommand *self,
                               WmJourney *journey);
  void      (*revert_journey) (WmCommand *self,
                               WmJourney *journey);

  gpointer padding[6];
};

gboolean  wm_command_apply           (WmCommand *self,
                                      WmFlow    *flow);
void      wm_command_revert          (WmCommand *self,
                                      WmFlow    *flow);
gboolean  wm_command_apply_journey   (WmCommand *self,
                                      WmJourney *journey);
void      wm_command_revert_journey  (WmCommand *self,
                                      WmJourney *journey);
gboolean  wm_command_merge           (WmCommand *self,
                                      WmCommand *next);
char     *wm_command_describe        (WmCommand *self);

/* When the command was made (g_get_monotonic_time() at creation, moved to
 * the newest absorbed command's time by a merge). Tests set it to check the
 * merge window without sleeping. */
gint64    wm_command_get_time        (WmCommand *self);
void      wm_command_set_time        (WmCommand *self,
                                      gint64     time);
/* Whether @next was made within WM_COMMAND_MERGE_WINDOW of @self. */
gboolean  wm_command_is_within_merge_window (WmCommand *self,
                                             WmCommand *next);

/* A group of commands applied in order and reverted in reverse order, as
 * one step. It never merges with another command. */
#define WM_TYPE_COMMAND_GROUP (wm_command_group_get_type ())
G_DECLARE_FINAL_TYPE (WmCommandGroup, wm_command_group, WM, COMMAND_GROUP, WmCommand)

/* @description: the step's translated description, or NULL to use the
 * first command's. */
WmCommandGroup *wm_command_group_new     (const char     *description);
/* Appends @command (a reference is taken); when it merges with the last
 * command of the group, that command absorbs it instead. Does not apply. */
void            wm_command_group_add     (WmCommandGroup *self,
                                          WmCommand      *command);
guint           wm_command_group_get_n_commands (WmCommandGroup *self);


#define WM_TYPE_UNDO_STACK (wm_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (WmUndoStack, wm_undo_stack, WM, UNDO_STACK, GObject)

#define WM_UNDO_STACK_DEFAULT_MAX_DEPTH 1000

WmUndoStack *wm_undo_stack_new                  (WmFlow      *flow);
WmFlow      *wm_undo_stack_get_flow             (WmUndoStack *self);
/* A stack of journey commands: the same history for the journey editor.
 * get_flow returns NULL for it, get_journey NULL for a flow's stack. */
WmUndoStack *wm_undo_stack_new_for_journey      (WmJourney   *journey);
WmJourney   *wm_undo_stack_get_journey          (WmUndoStack *self);

/* Applies @command to the flow and records it (a reference is taken), or
 * merges it into the last step (see wm-undo.c for when). Drops the redo
 * history. Returns FALSE, recording nothing, when the command does not fit
 * the flow. */
gboolean     wm_undo_stack_push                 (WmUndoStack *self,
                                                 WmCommand   *command);
/* Both return FALSE when there is nothing to undo / redo, or while a group
 * is open. */
gboolean     wm_undo_stack_undo                 (WmUndoStack *self);
gboolean     wm_undo_stack_redo                 (WmUndoStack *self);

/* Commands pushed between begin and end are one step. Groups nest: inner
 * groups fold into the outermost, whose @description names the step (NULL:
 * the first command's). An empty group records nothing. */
void         wm_undo_stack_begin_group          (WmUndoStack *self,
                                                 const char  *description);
void         wm_undo_stack_end_group            (WmUndoStack *self);
/* Reverts everything the open group applied and closes it, all nesting
 * levels at once (a drag cancelled with Escape). */
void         wm_undo_stack_cancel_group         (WmUndoStack *self);
gboolean     wm_undo_stack_in_group             (WmUndoStack *self);

/* The clean mark: the state last saved. */
void         wm_undo_stack_set_clean            (WmUndoStack *self);
gboolean     wm_undo_stack_is_clean             (WmUndoStack *self);

gboolean     wm_undo_stack_can_undo             (WmUndoStack *self);
gboolean     wm_undo_stack_can_redo             (WmUndoStack *self);
/* The description of the step undo / redo would take, or NULL. */
const char  *wm_undo_stack_get_undo_description (WmUndoStack *self);
const char  *wm_undo_stack_get_redo_description (WmUndoStack *self);

guint        wm_undo_stack_get_n_undo           (WmUndoStack *self);
guint        wm_undo_stack_get_n_redo           (WmUndoStack *self);

/* At most @max_depth undo steps are kept; the oldest are dropped. */
guint        wm_undo_stack_get_max_depth        (WmUndoStack *self);
void         wm_undo_stack_set_max_depth        (WmUndoStack *self,
                                                 guint        max_depth);

/* Forgets the history (e.g. after loading another file); the flow is left
 * as it is. */
void         wm_undo_stack_clear                (WmUndoStack *self);

G_END_DECLS
