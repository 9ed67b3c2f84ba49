/* wm-timeline-private.h - what the timeline's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-timeline-model.h"

G_BEGIN_DECLS

struct _WmTimelineItem
{
  GObject              parent_instance;

  gint64               at;
  gint64               day;
  WmTimelineDirection  direction;
  WmTimelineKind       kind;
  WmTimelineFailure    failure;
  char                *flow;
  const char          *flow_name;   /* the program's */
  guint                version;
  guint                entry;
  char                *element;
  char                *channel;
  char                *name;
  char                *result;
  char                *journey;
  char                *journey_name;
  char                *stage;
  char                *stage_name;
  char                *step_name;
  char                *label;       /* a milestone's or outcome's name, or NULL */
  guint                messages;
  gint64               cost;
  WmReactionState      reactions[WM_N_REACTIONS];
  gint64               reaction_at[WM_N_REACTIONS];
  GTimeZone           *zone;
};

G_END_DECLS
