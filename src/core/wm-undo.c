/* wm-undo.c - undo commands and the undo stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stack holds applied steps (undo, oldest first) and reverted ones
 * (redo, the next to redo last). A step is one command or a group.
 *
 * Merging: a pushed command merges into the last step when that step's
 * merge() accepts it, except
 *  - while the stack is at the clean mark: the saved state must stay
 *    reachable by undo, and after the merge the document would differ from
 *    it with the step count unchanged, so is-clean would be wrong;
 *  - into a group: a finished gesture is a boundary (groups never merge).
 * Inside an open group commands merge with the group's last command, so a
 * drag of a hundred motion events holds one move command.
 *
 * The clean mark is a step count (clean_index), or -1 when the saved state
 * can no longer be reached: its step was dropped with the redo history or
 * as the oldest beyond the maximum depth, or it was set mid-gesture.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-undo.h"

/* ------------------------------------------------------------------ */
/* WmCommand                                                           */

typedef struct
{
  gint64 time;
} WmCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WmCommand, wm_command, G_TYPE_OBJECT)

static gboolean
wm_command_real_merge (WmCommand *self,
                       WmCommand *next)
{
  return FALSE;
}

static char *
wm_command_real_describe (WmCommand *self)
{
  return g_strdup (_("Edit"));
}

static void
wm_command_class_init (WmCommandClass *klass)
{
  klass->merge = wm_command_real_merge;
  klass->describe = wm_command_real_describe;
}

static void
wm_command_init (WmCommand *self)
{
  WmCommandPrivate *priv = wm_command_get_instance_private (self);

  priv->time = g_get_monotonic_time ();
}

gboolean
wm_command_apply (WmCommand *self,
                  WmFlow    *flow)
{
  g_return_val_if_fail (WM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (WM_IS_FLOW (flow), FALSE);
  g_return_val_if_fail (WM_COMMAND_GET_CLASS (self)->apply != NULL, FALSE);

  return WM_COMMAND_GET_CLASS (self)->apply (self, flow);
}

void
wm_command_revert (WmCommand *self,
                   WmFlow    *flow)
{
  g_return_if_fail (WM_IS_COMMAND (self));
  g_return_if_fail (WM_IS_FLOW (flow));
  g_return_if_fail (WM_COMMAND_GET_CLASS (self)->revert != NULL);

  WM_COMMAND_GET_CLASS (self)->revert (self, flow);
}

gboolean
wm_command_apply_journey (WmCommand *self,
                          WmJourney *journey)
{
  g_return_val_if_fail (WM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (WM_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (WM_COMMAND_GET_CLASS (self)->apply_journey != NULL, FALSE);

  return WM_COMMAND_GET_CLASS (self)->apply_journey (self, journey);
}

void
wm_command_revert_journey (WmCommand *self,
                           WmJourney *journey)
{
  g_return_if_fail (WM_IS_COMMAND (self));
  g_return_if_fail (WM_IS_JOURNEY (journey));
  g_return_if_fail (WM_COMMAND_GET_CLASS (self)->revert_journey != NULL);

  WM_COMMAND_GET_CLASS (self)->revert_journey (self, journey);
}

/* A flow or a journey: what a stack or a group edits. */
static gboolean
apply_to (WmCommand *command,
          gpointer   document)
{
  if (WM_IS_JOURNEY (document))
    return wm_command_apply_journey (command, document);
  return wm_command_apply (command, document);
}

static void
revert_to (WmCommand *command,
           gpointer   document)
{
  if (WM_IS_JOURNEY (document))
    wm_command_revert_journey (command, document);
  else
    wm_command_revert (command, document);
}

gboolean
wm_command_merge (WmCommand *self,
                  WmCommand *next)
{
  WmCommandPrivate *priv = wm_command_get_instance_private (self);

  g_return_val_if_fail (WM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (WM_IS_COMMAND (next), FALSE);

  if (self == next || !WM_COMMAND_GET_CLASS (self)->merge (self, next))
    return FALSE;
  /* The window runs from the newest keystroke, so steady typing keeps
   * merging however long the word is. */
  priv->time = MAX (priv->time, wm_command_get_time (next));
  return TRUE;
}

char *
wm_command_describe (WmCommand *self)
{
  g_return_val_if_fail (WM_IS_COMMAND (self), NULL);
  return WM_COMMAND_GET_CLASS (self)->describe (self);
}

gint64
wm_command_get_time (WmCommand *self)
{
  WmCommandPrivate *priv = wm_command_get_instance_private (self);

  g_return_val_if_fail (WM_IS_COMMAND (self), 0);
  return priv->time;
}

void
wm_command_set_time (WmCommand *self,
                     gint64     time)
{
  WmCommandPrivate *priv = wm_command_get_instance_private (self);

  g_return_if_fail (WM_IS_COMMAND (self));
  priv->time = time;
}

gboolean
wm_command_is_within_merge_window (WmCommand *self,
                                   WmCommand *next)
{
  gint64 delta;

  g_return_val_if_fail (WM_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (WM_IS_COMMAND (next), FALSE);

  delta = wm_command_get_time (next) - wm_command_get_time (self);
  return delta >= 0 && delta <= WM_COMMAND_MERGE_WINDOW;
}

/* ------------------------------------------------------------------ */
/* WmCommandGroup                                                      */

struct _WmCommandGroup
{
  WmCommand  parent_instance;

  char      *description;
  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (WmCommandGroup, wm_command_group, WM_TYPE_COMMAND)

static void
wm_command_group_finalize (GObject *object)
{
  WmCommandGroup *self = (WmCommandGroup *) object;

  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (wm_command_group_parent_class)->finalize (object);
}

static void
revert_commands (GPtrArray *commands,
                 guint      n,
                 gpointer   document)
{
  while (n-- > 0)
    revert_to (g_ptr_array_index (commands, n), document);
}

static gboolean
group_apply (WmCommandGroup *self,
             gpointer        document)
{
  for (guint i = 0; i < self->commands->len; i++)
    if (!apply_to (g_ptr_array_index (self->commands, i), document))
      {
        /* All or nothing: the document must be left as it was. */
        revert_commands (self->commands, i, document);
        return FALSE;
      }
  return TRUE;
}

static gboolean
wm_command_group_apply (WmCommand *command,
                        WmFlow    *flow)
{
  return group_apply (WM_COMMAND_GROUP (command), flow);
}

static void
wm_command_group_revert (WmCommand *command,
                         WmFlow    *flow)
{
  WmCommandGroup *self = WM_COMMAND_GROUP (command);

  revert_commands (self->commands, self->commands->len, flow);
}

static gboolean
wm_command_group_apply_journey (WmCommand *command,
                                WmJourney *journey)
{
  return group_apply (WM_COMMAND_GROUP (command), journey);
}

static void
wm_command_group_revert_journey (WmCommand *command,
                                 WmJourney *journey)
{
  WmCommandGroup *self = WM_COMMAND_GROUP (command);

  revert_commands (self->commands, self->commands->len, journey);
}

static char *
wm_command_group_describe (WmCommand *command)
{
  WmCommandGroup *self = WM_COMMAND_GROUP (command);

  if (self->description != NULL)
    return g_strdup (self->description);
  if (self->commands->len > 0)
    return wm_command_describe (g_ptr_array_index (self->commands, 0));
  return g_strdup (_("Edit"));
}

static void
wm_command_group_class_init (WmCommandGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WmCommandClass *command_class = WM_COMMAND_CLASS (klass);

  object_class->finalize = wm_command_group_finalize;
  command_class->apply = wm_command_group_apply;
  command_class->revert = wm_command_group_revert;
  command_class->apply_journey = wm_command_group_apply_journey;
  command_class->revert_journey = wm_command_group_revert_journey;
  command_class->describe = wm_command_group_describe;
}

static void
wm_command_group_init (WmCommandGroup *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

WmCommandGroup *
wm_command_group_new (const char *description)
{
  WmCommandGroup *self = g_object_new (WM_TYPE_COMMAND_GROUP, NULL);

  self->description = g_strdup (description);
  return self;
}

void
wm_command_group_add (WmCommandGroup *self,
                      WmCommand      *command)
{
  g_return_if_fail (WM_IS_COMMAND_GROUP (self));
  g_return_if_fail (WM_IS_COMMAND (command));
  g_return_if_fail ((WmCommand *) self != command);

  if (self->commands->len > 0
      && wm_command_merge (g_ptr_array_index (self->commands, self->commands->len - 1), command))
    return;
  g_ptr_array_add (self->commands, g_object_ref (command));
}

guint
wm_command_group_get_n_commands (WmCommandGroup *self)
{
  g_return_val_if_fail (WM_IS_COMMAND_GROUP (self), 0);
  return self->commands->len;
}

/* ------------------------------------------------------------------ */
/* WmUndoStack                                                         */

struct _WmUndoStack
{
  GObject         parent_instance;

  WmFlow         *flow;
  WmJourney      *journey;       /* instead of the flow, for a journey's stack */
  GPtrArray      *undo;          /* applied steps, oldest first */
  GPtrArray      *redo;          /* reverted steps, next to redo last */
  WmCommandGroup *group;         /* the open group, or NULL */
  guint           group_depth;
  int             clean_index;   /* undo->len at the saved state, or -1 */
  guint           max_depth;

  /* What the properties last said, to notify only real changes. */
  gboolean        can_undo;
  gboolean        can_redo;
  gboolean        is_clean;
  char           *undo_description;
  char           *redo_description;
};

G_DEFINE_FINAL_TYPE (WmUndoStack, wm_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FLOW,
  PROP_JOURNEY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_IS_CLEAN,
  PROP_UNDO_DESCRIPTION,
  PROP_REDO_DESCRIPTION,
  PROP_MAX_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wm_undo_stack_dispose (GObject *object)
{
  WmUndoStack *self = (WmUndoStack *) object;

  if (self->undo != NULL)
    g_ptr_array_set_size (self->undo, 0);
  if (self->redo != NULL)
    g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->group);
  g_clear_object (&self->flow);
  g_clear_object (&self->journey);

  G_OBJECT_CLASS (wm_undo_stack_parent_class)->dispose (object);
}

static void
wm_undo_stack_finalize (GObject *object)
{
  WmUndoStack *self = (WmUndoStack *) object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->undo_description, g_free);
  g_clear_pointer (&self->redo_description, g_free);

  G_OBJECT_CLASS (wm_undo_stack_parent_class)->finalize (object);
}

static void
wm_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WmUndoStack *self = WM_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      g_value_set_object (value, self->flow);
      break;
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_IS_CLEAN:
      g_value_set_boolean (value, self->is_clean);
      break;
    case PROP_UNDO_DESCRIPTION:
      g_value_set_string (value, self->undo_description);
      break;
    case PROP_REDO_DESCRIPTION:
      g_value_set_string (value, self->redo_description);
      break;
    case PROP_MAX_DEPTH:
      g_value_set_uint (value, self->max_depth);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WmUndoStack *self = WM_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      self->flow = g_value_dup_object (value);
      break;
    case PROP_JOURNEY:
      self->journey = g_value_dup_object (value);
      break;
    case PROP_MAX_DEPTH:
      wm_undo_stack_set_max_depth (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_undo_stack_class_init (WmUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_undo_stack_dispose;
  object_class->finalize = wm_undo_stack_finalize;
  object_class->get_property = wm_undo_stack_get_property;
  object_class->set_property = wm_undo_stack_set_property;

  properties[PROP_FLOW] =
    g_param_spec_object ("flow", NULL, NULL, WM_TYPE_FLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL, WM_TYPE_JOURNEY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_CLEAN] =
    g_param_spec_boolean ("is-clean", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_DESCRIPTION] =
    g_param_spec_string ("undo-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_DESCRIPTION] =
    g_param_spec_string ("redo-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_DEPTH] =
    g_param_spec_uint ("max-depth", NULL, NULL, 1, G_MAXUINT, WM_UNDO_STACK_DEFAULT_MAX_DEPTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_undo_stack_init (WmUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_depth = WM_UNDO_STACK_DEFAULT_MAX_DEPTH;
  self->is_clean = TRUE;
}

WmUndoStack *
wm_undo_stack_new (WmFlow *flow)
{
  g_return_val_if_fail (WM_IS_FLOW (flow), NULL);
  return g_object_new (WM_TYPE_UNDO_STACK, "flow", flow, NULL);
}

WmFlow *
wm_undo_stack_get_flow (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), NULL);
  return self->flow;
}

WmUndoStack *
wm_undo_stack_new_for_journey (WmJourney *journey)
{
  g_return_val_if_fail (WM_IS_JOURNEY (journey), NULL);
  return g_object_new (WM_TYPE_UNDO_STACK, "journey", journey, NULL);
}

WmJourney *
wm_undo_stack_get_journey (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), NULL);
  return self->journey;
}

/* The document the stack edits. */
static gpointer
document (WmUndoStack *self)
{
  return self->journey != NULL ? (gpointer) self->journey : (gpointer) self->flow;
}

static WmCommand *
last_command (GPtrArray *steps)
{
  return steps->len > 0 ? g_ptr_array_index (steps, steps->len - 1) : NULL;
}

static gboolean
group_has_commands (WmUndoStack *self)
{
  return self->group != NULL && wm_command_group_get_n_commands (self->group) > 0;
}

static void
update_boolean (WmUndoStack *self,
                gboolean    *field,
                gboolean     value,
                guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_description (WmUndoStack *self,
                    char       **field,
                    WmCommand   *command,
                    guint        prop)
{
  g_autofree char *text = command != NULL ? wm_command_describe (command) : NULL;

  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Recomputes what the properties say and notifies those that changed. A
 * merge can change the description without changing the step count
 * ("Move 1 element" stays, "Rename" of another element...), so the
 * descriptions are compared as text. */
static void
update_state (WmUndoStack *self)
{
  gboolean open = self->group != NULL;

  g_object_freeze_notify (G_OBJECT (self));
  update_boolean (self, &self->can_undo, !open && self->undo->len > 0, PROP_CAN_UNDO);
  update_boolean (self, &self->can_redo, !open && self->redo->len > 0, PROP_CAN_REDO);
  update_boolean (self, &self->is_clean,
                  self->clean_index == (int) self->undo->len && !group_has_commands (self),
                  PROP_IS_CLEAN);
  update_description (self, &self->undo_description,
                      open ? NULL : last_command (self->undo), PROP_UNDO_DESCRIPTION);
  update_description (self, &self->redo_description,
                      open ? NULL : last_command (self->redo), PROP_REDO_DESCRIPTION);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
drop_redo (WmUndoStack *self)
{
  if (self->redo->len == 0)
    return;
  if (self->clean_index > (int) self->undo->len)
    self->clean_index = -1;
  g_ptr_array_set_size (self->redo, 0);
}

static void
trim_to_max_depth (WmUndoStack *self)
{
  guint excess;

  if (self->undo->len <= self->max_depth)
    return;
  excess = self->undo->len - self->max_depth;
  g_ptr_array_remove_range (self->undo, 0, excess);
  if (self->clean_index >= 0)
    self->clean_index = self->clean_index >= (int) excess ? self->clean_index - (int) excess : -1;
}

/* Records an applied step. */
static void
record (WmUndoStack *self,
        WmCommand   *command,
        gboolean     may_merge)
{
  WmCommand *top;

  drop_redo (self);
  top = last_command (self->undo);
  if (may_merge && top != NULL && self->clean_index != (int) self->undo->len
      && wm_command_merge (top, command))
    return;
  g_ptr_array_add (self->undo, g_object_ref (command));
  trim_to_max_depth (self);
}

gboolean
wm_undo_stack_push (WmUndoStack *self,
                    WmCommand   *command)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (WM_IS_COMMAND (command), FALSE);

  if (!apply_to (command, document (self)))
    return FALSE;

  if (self->group != NULL)
    wm_command_group_add (self->group, command);
  else
    record (self, command, TRUE);
  update_state (self);
  return TRUE;
}

gboolean
wm_undo_stack_undo (WmUndoStack *self)
{
  WmCommand *command;

  g_return_val_if_fail (WM_IS_UNDO_STACK (self), FALSE);

  if (self->group != NULL || self->undo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  revert_to (command, document (self));
  g_ptr_array_add (self->redo, command);
  update_state (self);
  return TRUE;
}

gboolean
wm_undo_stack_redo (WmUndoStack *self)
{
  WmCommand *command;

  g_return_val_if_fail (WM_IS_UNDO_STACK (self), FALSE);

  if (self->group != NULL || self->redo->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  if (!apply_to (command, document (self)))
    {
      /* Only possible when the document was edited behind the stack's back;
       * the rest of the redo history cannot be trusted either. */
      g_warning ("Cannot redo “%s”: the document was changed outside the undo stack",
                 self->redo_description);
      g_object_unref (command);
      drop_redo (self);
      update_state (self);
      return FALSE;
    }
  g_ptr_array_add (self->undo, command);
  update_state (self);
  return TRUE;
}

void
wm_undo_stack_begin_group (WmUndoStack *self,
                           const char  *description)
{
  g_return_if_fail (WM_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    self->group = wm_command_group_new (description);
  update_state (self);
}

void
wm_undo_stack_end_group (WmUndoStack *self)
{
  g_autoptr(WmCommandGroup) group = NULL;

  g_return_if_fail (WM_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (wm_command_group_get_n_commands (group) > 0)
    record (self, WM_COMMAND (group), FALSE);
  update_state (self);
}

void
wm_undo_stack_cancel_group (WmUndoStack *self)
{
  g_autoptr(WmCommandGroup) group = NULL;

  g_return_if_fail (WM_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth = 0;
  group = g_steal_pointer (&self->group);
  revert_to (WM_COMMAND (group), document (self));
  update_state (self);
}

gboolean
wm_undo_stack_in_group (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), FALSE);
  return self->group != NULL;
}

void
wm_undo_stack_set_clean (WmUndoStack *self)
{
  g_return_if_fail (WM_IS_UNDO_STACK (self));

  /* Saved mid-gesture: the file holds a live preview, which neither
   * ending nor cancelling the gesture gets back to. */
  self->clean_index = group_has_commands (self) ? -1 : (int) self->undo->len;
  update_state (self);
}

gboolean
wm_undo_stack_is_clean (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), FALSE);
  return self->is_clean;
}

gboolean
wm_undo_stack_can_undo (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), FALSE);
  return self->can_undo;
}

gboolean
wm_undo_stack_can_redo (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), FALSE);
  return self->can_redo;
}

const char *
wm_undo_stack_get_undo_description (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), NULL);
  return self->undo_description;
}

const char *
wm_undo_stack_get_redo_description (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), NULL);
  return self->redo_description;
}

guint
wm_undo_stack_get_n_undo (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), 0);
  return self->undo->len;
}

guint
wm_undo_stack_get_n_redo (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), 0);
  return self->redo->len;
}

guint
wm_undo_stack_get_max_depth (WmUndoStack *self)
{
  g_return_val_if_fail (WM_IS_UNDO_STACK (self), 0);
  return self->max_depth;
}

void
wm_undo_stack_set_max_depth (WmUndoStack *self,
                             guint        max_depth)
{
  g_return_if_fail (WM_IS_UNDO_STACK (self));
  g_return_if_fail (max_depth > 0);

  if (self->max_depth == max_depth)
    return;
  self->max_depth = max_depth;
  trim_to_max_depth (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DEPTH]);
  update_state (self);
}

void
wm_undo_stack_clear (WmUndoStack *self)
{
  g_return_if_fail (WM_IS_UNDO_STACK (self));

  /* An open group's commands stay applied, like every other step. */
  self->clean_index = self->is_clean ? 0 : -1;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->group);
  self->group_depth = 0;
  update_state (self);
}
