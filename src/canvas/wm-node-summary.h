/* wm-node-summary.h - the words a node shows and says about its element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK-free, so the texts are tested without a display and the exporters
 * print exactly what the canvas shows.
 */
#pragma once

#include "wm-names.h"
#include "wm-version.h"

G_BEGIN_DECLS

/* The *_named functions show milestones, outcomes and other flows by the
 * names in @names (wm-names.h; may be NULL: ids as they are). */

/* One line about the element's configuration, parts joined by " · ":
 * an SMS "Shop · Hi {{…}}, your cart is… · 1 segment", a wait "1 day",
 * a branch its labels. "" when there is nothing to say. */
char *wm_node_summary            (WmElement  *element);
char *wm_node_summary_named      (WmElement  *element,
                                  GHashTable *names);
/* The most telling part alone (an SMS's segment count, a wait's duration,
 * else the summary): what a screen reader says after the element's name. */
char *wm_node_brief              (WmElement  *element);
char *wm_node_brief_named        (WmElement  *element,
                                  GHashTable *names);
/* The label of output port @port: a branch's label, a variant's label and
 * weight ("A 50%"), "Else", or a fixed port's word ("Timed out"). */
char *wm_node_port_label         (WmElement  *element,
                                  const char *port);
/* "SMS ‘Reminder’": the type's label and, when it has one, the name. */
char *wm_node_title              (WmElement  *element);
/* The accessible label: the title, the brief, and where each port leads,
 * looked up in @version (may be NULL):
 * "SMS ‘Reminder’, 1 segment, leads to Wait 1 day". */
char *wm_node_describe           (WmElement  *element,
                                  WmVersion  *version);
char *wm_node_describe_named     (WmElement  *element,
                                  WmVersion  *version,
                                  GHashTable *names);

/* @text with every {{ … }} placeholder shown as {{…}}, runs of white space
 * as one space, cut to @max_chars characters with an ellipsis. */
char *wm_node_shorten_template   (const char *text,
                                  guint       max_chars);

G_END_DECLS
