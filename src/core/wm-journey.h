/* wm-journey.h - a journey: stages that group flows (journeys.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like a flow, a journey keeps the JSON it was read as (so it saves back
 * exactly, x- keys and wrong types included) and gives typed views of it.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_TYPE_JOURNEY (wm_journey_get_type ())
G_DECLARE_FINAL_TYPE (WmJourney, wm_journey, WM, JOURNEY, GObject)

#define WM_JOURNEY_ERROR (wm_journey_error_quark ())

typedef enum
{
  WM_JOURNEY_ERROR_JSON,
  WM_JOURNEY_ERROR_NOT_A_JOURNEY,
  WM_JOURNEY_ERROR_UNKNOWN_KEY,
  WM_JOURNEY_ERROR_SHAPE,
} WmJourneyError;

GQuark      wm_journey_error_quark     (void);

/* Loads a journey document; refuses what journeys.md's Document section
 * refuses, naming the place ("stages[1].steps[0]: unknown key 'flow'"). */
WmJourney  *wm_journey_load_from_data  (const char  *data,
                                        gssize       length,
                                        GError     **error);
WmJourney  *wm_journey_load_from_file  (const char  *path,
                                        GError     **error);
WmJourney  *wm_journey_load_from_node  (JsonNode    *root,
                                        GError     **error);

char       *wm_journey_to_canonical    (WmJourney   *self,
                                        gsize       *length);
gboolean    wm_journey_save_to_file    (WmJourney   *self,
                                        const char  *path,
                                        GError     **error);

const char *wm_journey_get_id          (WmJourney   *self);
/* NULL when absent, null, "" or not a string. */
const char *wm_journey_get_name        (WmJourney   *self);
/* The document as held: the validator and the simulator read it. Only the
 * journey commands (wm-journey-commands.h) modify it, and they call
 * wm_journey_changed() after each edit. */
JsonObject *wm_journey_get_json        (WmJourney   *self);
/* Emits ::changed, which views connect to in order to show the edit. */
void        wm_journey_changed         (WmJourney   *self);
/* The stages array, or NULL when it is not an array. */
JsonArray  *wm_journey_get_stages      (WmJourney   *self);

G_END_DECLS
