/* wm-draw.c - deterministic draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-draw.h"

#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME  G_GUINT64_CONSTANT (0x100000001b3)

static inline guint64
fnv_bytes (guint64     h,
           const char *p,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) p[i];
      h *= FNV_PRIME;
    }
  return h;
}

static inline guint64
fnv_string (guint64     h,
            const char *s)
{
  for (; *s != '\0'; s++)
    {
      h ^= (guchar) *s;
      h *= FNV_PRIME;
    }
  return h;
}

/* The decimal digits of @n, most significant first, as the key writes
 * them. */
static inline guint64
fnv_decimal (guint64 h,
             guint64 n)
{
  char digits[20];
  int i = sizeof digits;

  do
    {
      digits[--i] = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n != 0);
  return fnv_bytes (h, digits + i, sizeof digits - i);
}

static inline guint64
fnv_bar (guint64 h)
{
  h ^= (guchar) '|';
  return h * FNV_PRIME;
}

guint64
wm_draw_mix (guint64 h)
{
  guint64 z = h + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

void
wm_draw_key_init (WmDrawKey  *key,
                  guint64     seed,
                  const char *profile_id,
                  gsize       profile_id_len,
                  const char *flow_id,
                  guint       version,
                  guint       entry)
{
  guint64 h = FNV_OFFSET;

  g_return_if_fail (key != NULL);
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (flow_id != NULL);

  h = fnv_bar (fnv_decimal (h, seed));
  h = fnv_bar (fnv_bytes (h, profile_id, profile_id_len));
  h = fnv_bar (fnv_string (h, flow_id));
  h = fnv_bar (fnv_decimal (h, version));
  h = fnv_bar (fnv_decimal (h, entry));
  key->state = h;
}

double
wm_draw_key_u (const WmDrawKey *key,
               const char      *element_id,
               guint            visit,
               const char      *purpose)
{
  guint64 h;

  g_return_val_if_fail (key != NULL, 0.0);
  g_return_val_if_fail (element_id != NULL, 0.0);
  g_return_val_if_fail (purpose != NULL, 0.0);

  h = fnv_bar (fnv_string (key->state, element_id));
  h = fnv_bar (fnv_decimal (h, visit));
  h = fnv_string (h, purpose);
  return (double) (wm_draw_mix (h) >> 11) * 0x1.0p-53;
}

WmDrawKey
wm_draw_key_visit (const WmDrawKey *key,
                   const char      *element_id,
                   guint            visit)
{
  WmDrawKey out = { 0 };

  g_return_val_if_fail (key != NULL, out);
  g_return_val_if_fail (element_id != NULL, out);

  out.state = fnv_bar (fnv_decimal (fnv_bar (fnv_string (key->state, element_id)), visit));
  return out;
}

double
wm_draw_visit_u (WmDrawKey   visit_key,
                 const char *purpose)
{
  g_return_val_if_fail (purpose != NULL, 0.0);

  return (double) (wm_draw_mix (fnv_string (visit_key.state, purpose)) >> 11) * 0x1.0p-53;
}

double
wm_draw_u (guint64     seed,
           const char *profile_id,
           const char *flow_id,
           guint       version,
           guint       entry,
           const char *element_id,
           guint       visit,
           const char *purpose)
{
  WmDrawKey key;

  g_return_val_if_fail (profile_id != NULL, 0.0);

  wm_draw_key_init (&key, seed, profile_id, strlen (profile_id), flow_id,
                    version, entry);
  return wm_draw_key_u (&key, element_id, visit, purpose);
}

gint64
wm_draw_delay (double u,
               double mean)
{
  return (gint64) floor (-mean * log (1.0 - u));
}
