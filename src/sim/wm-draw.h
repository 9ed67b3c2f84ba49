/* wm-draw.h - deterministic draws (simulation.md, Deterministic draws)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every random choice is a pure function of its context:
 *
 *   key = "{seed}|{profile id}|{flow id}|{version}|{entry}|{element id}|{visit}|{purpose}"
 *   u   = splitmix64 finaliser of FNV-1a 64 (key), top 53 bits * 2^-53
 *
 * FNV-1a is a streaming hash, so nothing is formatted or allocated: the
 * parts are hashed one after the other. Within one entry the first five
 * parts do not change, so the engine keeps a WmDrawKey per entry and draws
 * from it with wm_draw_key_u(), hashing only the last three parts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The FNV-1a state after "{seed}|{profile id}|{flow id}|{version}|{entry}|". */
typedef struct
{
  guint64 state;
} WmDrawKey;

void    wm_draw_key_init (WmDrawKey       *key,
                          guint64          seed,
                          const char      *profile_id,
                          gsize            profile_id_len,
                          const char      *flow_id,
                          guint            version,
                          guint            entry);

/* u in [0, 1) for element @element_id (NUL-terminated), the token's 1-based
 * @visit of it in this entry, and @purpose ("split", "api", "delivered",
 * "delivered-delay", "opened", "opened-delay", "clicked", "clicked-delay"). */
double  wm_draw_key_u    (const WmDrawKey *key,
                          const char      *element_id,
                          guint            visit,
                          const char      *purpose);

/* wm_draw_key_u in two steps, for several purposes of one visit (a send
 * draws up to six): the key advanced by @element_id and @visit, then a
 * draw from it. wm_draw_key_u (k, e, v, p) equals
 * wm_draw_visit_u (wm_draw_key_visit (k, e, v), p). */
WmDrawKey wm_draw_key_visit (const WmDrawKey *key,
                             const char      *element_id,
                             guint            visit);
double    wm_draw_visit_u   (WmDrawKey        visit_key,
                             const char      *purpose);

/* The same in one call (all strings NUL-terminated). */
double  wm_draw_u        (guint64          seed,
                          const char      *profile_id,
                          const char      *flow_id,
                          guint            version,
                          guint            entry,
                          const char      *element_id,
                          guint            visit,
                          const char      *purpose);

/* The raw 64-bit value z before the last shift, for tests. */
guint64 wm_draw_mix      (guint64          fnv_hash);

/* An exponential delay of mean @mean seconds: floor(-mean * log(1 - u)),
 * with C's double log. */
gint64  wm_draw_delay    (double           u,
                          double           mean);

G_END_DECLS
