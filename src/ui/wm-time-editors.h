/* wm-time-editors.h - small editors for durations, clock times and days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the inspector and the flow settings. Each edits the text form
 * of flow-format.md ("3d", "09:30", ["mon", "fri"]) and emits ::changed
 * only for a person's edit, never when the host sets a value.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_TYPE_DURATION_EDITOR (wm_duration_editor_get_type ())
G_DECLARE_FINAL_TYPE (WmDurationEditor, wm_duration_editor, WM, DURATION_EDITOR, GtkWidget)

GtkWidget  *wm_duration_editor_new         (void);
/* Shows @text ("90s", "3d"); NULL or text that is not a duration shows 0
 * in the unit @text names, else in days. */
void        wm_duration_editor_set_text    (WmDurationEditor *self,
                                            const char       *text);
/* The duration as written: "<number><unit>" (newly allocated). */
char       *wm_duration_editor_get_text    (WmDurationEditor *self);
/* The value as it stands, leaving digits typed but not yet taken (no
 * Enter, no focus out) in the entry: what a refresh compares against. */
char       *wm_duration_editor_peek_text   (WmDurationEditor *self);
GtkWidget  *wm_duration_editor_get_spin    (WmDurationEditor *self);


#define WM_TYPE_DAYS_EDITOR (wm_days_editor_get_type ())
G_DECLARE_FINAL_TYPE (WmDaysEditor, wm_days_editor, WM, DAYS_EDITOR, GtkWidget)

GtkWidget  *wm_days_editor_new             (void);
/* WmDay bits (wm-time.h); 0 shows every button off. */
void        wm_days_editor_set_days        (WmDaysEditor     *self,
                                            guint             days);
guint       wm_days_editor_get_days        (WmDaysEditor     *self);
GtkWidget  *wm_days_editor_get_button      (WmDaysEditor     *self,
                                            guint             index);

/* A day list from WmDay bits, Monday first: ["mon", "fri"]. */
JsonNode   *wm_days_to_json                (guint             days);
/* WmDay bits of a day list; FALSE when @node is not an array of day
 * names (*@days then holds the days that were understood). */
gboolean    wm_days_from_json              (JsonNode         *node,
                                            guint            *days);

/* An entry for a clock time "HH:MM". */
GtkWidget  *wm_clock_entry_new             (void);

G_END_DECLS
