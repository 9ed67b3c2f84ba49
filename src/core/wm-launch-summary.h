/* wm-launch-summary.h - what launching a version means, in plain words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The launch dialog tells a marketer, before anything goes out, who will
 * enter, how often, when, what counts as success and which channels it
 * uses. The sentences are built here, without GTK, so they can be tested
 * and translated; conditions are quoted exactly as the user wrote them.
 */
#pragma once

#include "wm-catalogue.h"
#include "wm-version.h"

G_BEGIN_DECLS

/* Who enters: "People who trigger CartAbandoned where cart_value > 50",
 * "Everyone in the audience where profile.country == "HR", once, at
 * launch", ... from the version's entry point. */
char    *wm_launch_describe_entry    (WmVersion   *version);

/* The re-entry policy from settings.reentry: "Only once: nobody enters
 * twice", "At most 2 times a week, 1 day after leaving", ... */
char    *wm_launch_describe_reentry  (WmVersion   *version);

/* The goal from settings.goal: "No goal", "People who trigger Purchase in
 * the flow or up to 7 days after leaving", ... */
char    *wm_launch_describe_goal     (WmVersion   *version);

/* "Now", or "On 2026-12-03 at 09:00 (Europe/Zagreb)": @start read in
 * @zone (a zone name; UTC when not valid). */
char    *wm_launch_describe_start    (gboolean     now,
                                      gint64       start,
                                      const char  *zone);
/* "On 2026-12-03 at 09:00 (Europe/Zagreb)" when @has_end, else "Runs
 * indefinitely" or "90 days after launch". */
char    *wm_launch_describe_end      (gboolean     has_end,
                                      gint64       end,
                                      gboolean     indefinite,
                                      const char  *zone);

/* The messages one send of @element makes to a person: for send.sms the
 * SMS segments of the text's literal part (each placeholder counting as
 * nothing, as the sms-long warning counts; a text that does not parse
 * counts 1), 1 for other send.* elements, 0 for everything else. */
guint    wm_launch_element_messages  (WmElement   *element);

/* Messages per entry, per channel (indexed as wm_catalogue_channels()).
 * Read as "up to N": the most messages of that channel one entry can get,
 * along one path from the entry point with each loop counted once (a loop
 * may run any number of times, so there is no finite bound; once is what
 * the person sees in the usual case). notify.internal messages go to the
 * team, not to the person, and are not counted here (the cost estimate
 * counts them). */
void     wm_launch_count_messages    (WmVersion   *version,
                                      guint64      messages[WM_N_CHANNELS]);

/* "Up to 3 messages per entry". */
char    *wm_launch_describe_messages (guint64      messages);

/* The translated channel label: "SMS", "E-mail", ... */
const char *wm_launch_channel_label  (const char  *channel);

G_END_DECLS
