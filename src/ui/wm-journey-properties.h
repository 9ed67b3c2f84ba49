/* wm-journey-properties.h - the side pane for a journey's own fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, description and when the journey begins for a profile: at the
 * run's start where an expression holds, or at the first event of a name
 * where an expression holds. Edits are undo commands; undo and redo show
 * up at once without moving the cursor of the field being typed in.
 */
#pragma once

#include <adwaita.h>

#include "wm-journey.h"
#include "wm-undo.h"

G_BEGIN_DECLS

#define WM_TYPE_JOURNEY_PROPERTIES (wm_journey_properties_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyProperties, wm_journey_properties, WM, JOURNEY_PROPERTIES, GtkWidget)

GtkWidget  *wm_journey_properties_new             (void);
/* NULL @journey clears the pane. */
void        wm_journey_properties_set_journey     (WmJourneyProperties *self,
                                                   WmJourney           *journey,
                                                   WmUndoStack         *undo);
/* Focuses the widget of a diagnostic's @field ("name", "begins.event",
 * "begins.where", ...); FALSE when there is none. */
gboolean    wm_journey_properties_focus_field     (WmJourneyProperties *self,
                                                   const char          *field);
/* Shows the journey-level diagnostics (element NULL) under their fields;
 * NULL clears them. A copy is kept. */
void        wm_journey_properties_set_diagnostics (WmJourneyProperties *self,
                                                   GPtrArray           *diagnostics);
/* The widget that edits @field, for tests. */
GtkWidget  *wm_journey_properties_get_field       (WmJourneyProperties *self,
                                                   const char          *field);

G_END_DECLS
