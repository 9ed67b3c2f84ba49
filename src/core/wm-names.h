/* wm-names.h - the names people know for the ids a flow refers to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A flow refers to milestones, outcomes and other flows by id; the
 * workspace knows their names. The canvas, the customer timeline and
 * their screen-reader texts show the name ("Coupon used") and fall back
 * to the id for a reference to something not at hand. A names table is a
 * GHashTable of "KIND:ID" → name, made with wm_names_new().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WM_NAMES_MILESTONE "milestone"
#define WM_NAMES_OUTCOME   "outcome"
#define WM_NAMES_FLOW      "flow"

GHashTable *wm_names_new    (void);
void        wm_names_insert (GHashTable *names,
                             const char *kind,
                             const char *id,
                             const char *name);
/* Whether @a and @b (either may be NULL) hold the same names. */
gboolean    wm_names_equal  (GHashTable *a,
                             GHashTable *b);
/* @id's name in @names (may be NULL), else @id itself. */
const char *wm_names_lookup (GHashTable *names,
                             const char *kind,
                             const char *id);

G_END_DECLS
