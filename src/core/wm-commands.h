/* wm-commands.h - the undo commands that edit a flow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit the editor makes to a flow goes through one of these, pushed on
 * a WmUndoStack. They name a version by number and elements by id. Each one
 * records what it replaces when it is applied, so a revert gives back the
 * document byte for byte (wm_flow_to_canonical), and values are copied: the
 * caller keeps its own nodes.
 */
#pragma once

#include "wm-undo.h"

G_BEGIN_DECLS

/* Adding elements. The command owns @elements (references are taken; they
 * must not be in a version) and puts them at @positions of the version's
 * element list (positions in the resulting list, ascending; NULL appends
 * them in order), then appends @connections in order.
 * Described as "Add SMS" for one element, "Add 3 elements", or with
 * _paste_new "Paste 3 elements". */
WmCommand *wm_command_add_element_new     (guint                version,
                                           WmElement           *element,
                                           guint                position);
WmCommand *wm_command_add_elements_new    (guint                version,
                                           WmElement * const   *elements,
                                           const guint         *positions,
                                           guint                n_elements,
                                           WmConnection * const *connections,
                                           guint                n_connections);
WmCommand *wm_command_paste_new           (guint                version,
                                           WmElement * const   *elements,
                                           guint                n_elements,
                                           WmConnection * const *connections,
                                           guint                n_connections);

/* Removes the elements with @ids and every connection from or to them.
 * "Delete SMS", "Delete 2 elements"; _cut_new says "Cut". */
WmCommand *wm_command_remove_elements_new (guint                version,
                                           const char * const  *ids,
                                           guint                n_ids);
WmCommand *wm_command_cut_new             (guint                version,
                                           const char * const  *ids,
                                           guint                n_ids);

/* Moves the elements with @ids to @positions (x0, y0, x1, y1, ...).
 * Consecutive moves of the same elements within the merge window merge
 * (nudges with the arrow keys, a drag's motion events). */
WmCommand *wm_command_move_elements_new   (guint                version,
                                           const char * const  *ids,
                                           const double        *positions,
                                           guint                n_ids);
WmCommand *wm_command_move_element_new    (guint                version,
                                           const char          *id,
                                           double               x,
                                           double               y);

/* Connects @from's @port to @to. A connection already leaving that port is
 * replaced (at its place in the list); otherwise the new one is appended.
 * "Connect Wait to SMS". */
WmCommand *wm_command_connect_new         (guint                version,
                                           const char          *from,
                                           const char          *port,
                                           const char          *to);
/* Removes the connection leaving @from through @port. */
WmCommand *wm_command_disconnect_new      (guint                version,
                                           const char          *from,
                                           const char          *port);

/* Sets config member @key of element @id to (a copy of) @value, or removes
 * it when @value is NULL. Edits of the same member within the merge window
 * merge. "Change Text of ‘Reminder’". */
WmCommand *wm_command_set_config_new      (guint                version,
                                           const char          *id,
                                           const char          *key,
                                           JsonNode            *value);
/* Replaces element @id's whole config (NULL removes the member). */
WmCommand *wm_command_replace_config_new  (guint                version,
                                           const char          *id,
                                           JsonNode            *config);
/* Renames element @id (NULL or "" removes the name). Keystrokes merge.
 * "Rename ‘Reminder’". */
WmCommand *wm_command_rename_element_new  (guint                version,
                                           const char          *id,
                                           const char          *name);

/* Sets a document member (not "versions") to @value, or removes it.
 * Keystrokes in "name" and "description" merge. */
WmCommand *wm_command_set_flow_member_new (const char          *key,
                                           JsonNode            *value);
WmCommand *wm_command_rename_flow_new     (const char          *name);
WmCommand *wm_command_set_description_new (const char          *description);
WmCommand *wm_command_set_timezone_new    (const char          *tz_id);
WmCommand *wm_command_set_schedule_new    (JsonNode            *schedule);

/* Sets a version member (not elements or connections), or removes it. */
WmCommand *wm_command_set_version_member_new (guint             version,
                                              const char       *key,
                                              JsonNode         *value);
/* The whole settings object: "Change flow settings". */
WmCommand *wm_command_set_settings_new    (guint                version,
                                           JsonNode            *settings);
/* One member of settings (a settings that is missing or not an object is
 * made one): "Change re-entry", "Change goal", "Change variables". */
WmCommand *wm_command_set_setting_new     (guint                version,
                                           const char          *key,
                                           JsonNode            *value);
WmCommand *wm_command_set_reentry_new     (guint                version,
                                           JsonNode            *reentry);
WmCommand *wm_command_set_goal_new        (guint                version,
                                           JsonNode            *goal);
WmCommand *wm_command_set_variables_new   (guint                version,
                                           JsonNode            *variables);

G_END_DECLS
