/* wm-journey-card.h - one stage on the journey board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button (so it takes focus, activates with the keyboard and answers
 * AT-SPI's press) that shows what a stage is at a glance: its name, how
 * it begins and completes, how long it should take, how many flows it
 * groups and whether the validator found something wrong with it.
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_TYPE_JOURNEY_CARD (wm_journey_card_get_type ())
G_DECLARE_FINAL_TYPE (WmJourneyCard, wm_journey_card, WM, JOURNEY_CARD, GtkButton)

GtkWidget  *wm_journey_card_new          (const char    *stage_id);
const char *wm_journey_card_get_stage_id (WmJourneyCard *self);

/* Shows @stage. @names maps stage ids to the names to show for them (how
 * an `after` stage begins); @n_errors / @n_warnings the diagnostics of
 * the stage, @problems their messages one a line (or NULL). */
void        wm_journey_card_update       (WmJourneyCard *self,
                                          JsonObject    *stage,
                                          GHashTable    *names,
                                          guint          n_errors,
                                          guint          n_warnings,
                                          const char    *problems);

void        wm_journey_card_set_selected (WmJourneyCard *self,
                                          gboolean       selected);

G_END_DECLS
