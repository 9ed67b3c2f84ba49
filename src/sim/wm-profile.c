/* wm-profile.c - one recorded customer profile, held compactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-profile-private.h"

typedef struct
{
  const char *name;
  gsize       name_len;
  WmValue     value;
  gboolean    added;   /* not an attribute of the file */
} OverlayEntry;

/* set.attribute is rare next to lookups: a short array searched linearly,
 * and an append-only string chunk so no value handed out is ever freed. */
typedef struct
{
  GArray       *entries;   /* OverlayEntry */
  GStringChunk *strings;
} Overlay;

struct _WmProfile
{
  const char     *id;
  gsize           id_len;
  guint64         line;
  WmProfileEvent *events;
  guint           n_events;
  guint           attributes;   /* node index or WM_NODE_NONE */
  const WmNode   *nodes;
  const char     *pool;
  Overlay        *overlay;
};

#define ALIGN8(n) (((n) + 7) & ~(gsize) 7)

/* Scratch */

void
_wm_profile_scratch_clear (WmProfileScratch *scratch)
{
  g_free (scratch->nodes);
  g_free (scratch->pool);
  g_free (scratch->events);
  memset (scratch, 0, sizeof *scratch);
}

void
_wm_profile_scratch_reset (WmProfileScratch *scratch)
{
  scratch->n_nodes = 0;
  scratch->pool_len = 0;
  scratch->n_events = 0;
}

void
_wm_profile_scratch_grow_nodes (WmProfileScratch *scratch)
{
  scratch->nodes_cap = MAX (256, scratch->nodes_cap * 2);
  scratch->nodes = g_renew (WmNode, scratch->nodes, scratch->nodes_cap);
}

void
_wm_profile_scratch_grow_pool (WmProfileScratch *scratch,
                               gsize             len)
{
  gsize cap = MAX (4096, scratch->pool_cap * 2);

  while (cap < scratch->pool_len + len)
    cap *= 2;
  scratch->pool = g_realloc (scratch->pool, cap);
  scratch->pool_cap = cap;
}

guint32
_wm_profile_scratch_string (WmProfileScratch *scratch,
                            const char       *str,
                            gsize             len)
{
  char *dst = _wm_profile_scratch_reserve (scratch, len + 1);
  guint32 off = (guint32) scratch->pool_len;

  memcpy (dst, str, len);
  dst[len] = '\0';
  scratch->pool_len += len + 1;
  return off;
}

WmProfileEvent *
_wm_profile_scratch_event (WmProfileScratch *scratch)
{
  if (G_UNLIKELY (scratch->n_events == scratch->events_cap))
    {
      scratch->events_cap = MAX (32, scratch->events_cap * 2);
      scratch->events = g_renew (WmProfileEvent, scratch->events,
                                 scratch->events_cap);
    }
  return &scratch->events[scratch->n_events++];
}

static int
compare_events (const void *a,
                const void *b)
{
  const WmProfileEvent *ea = a;
  const WmProfileEvent *eb = b;

  if (ea->at != eb->at)
    return ea->at < eb->at ? -1 : 1;
  /* Equal times keep file order: the index makes the sort stable. */
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

/* Up to this many events, an insertion sort (qsort cost about 2,000
 * instructions for ten). */
#define INSERTION_SORT_MAX 32

WmProfile *
_wm_profile_build (const WmProfileScratch *scratch,
                   guint32                 id_off,
                   guint32                 id_len,
                   guint                   attributes,
                   guint64                 line)
{
  gsize events_size = ALIGN8 (sizeof (WmProfileEvent) * scratch->n_events);
  gsize nodes_size = ALIGN8 (sizeof (WmNode) * scratch->n_nodes);
  gsize head = ALIGN8 (sizeof (WmProfile));
  char *block = g_malloc (head + events_size + nodes_size + scratch->pool_len);
  WmProfile *profile = (WmProfile *) block;
  WmProfileEvent *events = (WmProfileEvent *) (block + head);
  WmNode *nodes = (WmNode *) (block + head + events_size);
  char *pool = block + head + events_size + nodes_size;
  gboolean sorted = TRUE;

  if (scratch->n_nodes > 0)
    memcpy (nodes, scratch->nodes, sizeof (WmNode) * scratch->n_nodes);
  if (scratch->pool_len > 0)
    memcpy (pool, scratch->pool, scratch->pool_len);

  for (guint i = 0; i < scratch->n_events; i++)
    {
      events[i] = scratch->events[i];
      events[i].name = pool + GPOINTER_TO_SIZE (scratch->events[i].name);
      if (i > 0 && events[i].at < events[i - 1].at)
        sorted = FALSE;
    }
  /* Recorded events are mostly in time order already; a profile's few
   * are sorted in place, many by qsort. compare_events is a total order,
   * so both give the one same order. */
  if (!sorted && scratch->n_events <= INSERTION_SORT_MAX)
    for (guint i = 1; i < scratch->n_events; i++)
      {
        WmProfileEvent moving = events[i];
        guint j = i;

        for (; j > 0 && compare_events (&moving, &events[j - 1]) < 0; j--)
          events[j] = events[j - 1];
        events[j] = moving;
      }
  else if (!sorted)
    qsort (events, scratch->n_events, sizeof *events, compare_events);

  profile->id = pool + id_off;
  profile->id_len = id_len;
  profile->line = line;
  profile->events = events;
  profile->n_events = scratch->n_events;
  profile->attributes = attributes;
  profile->nodes = nodes;
  profile->pool = pool;
  profile->overlay = NULL;
  return profile;
}

void
wm_profile_free (WmProfile *profile)
{
  if (profile == NULL)
    return;
  if (profile->overlay != NULL)
    {
      g_array_unref (profile->overlay->entries);
      g_string_chunk_free (profile->overlay->strings);
      g_free (profile->overlay);
    }
  g_free (profile);
}

const char *
wm_profile_get_id (const WmProfile *profile,
                   gsize           *len)
{
  g_return_val_if_fail (profile != NULL, NULL);

  if (len != NULL)
    *len = profile->id_len;
  return profile->id;
}

guint64
wm_profile_get_line (const WmProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);

  return profile->line;
}

const WmProfileEvent *
wm_profile_get_events (const WmProfile *profile,
                       guint           *n_events)
{
  g_return_val_if_fail (profile != NULL, NULL);

  if (n_events != NULL)
    *n_events = profile->n_events;
  return profile->events;
}

/* Lookups */

static void
node_value (const WmProfile *profile,
            guint            i,
            WmValue         *out)
{
  const WmNode *node = &profile->nodes[i];

  switch (node->kind)
    {
    case WM_NODE_FALSE:
      *out = wm_value_boolean (FALSE);
      break;
    case WM_NODE_TRUE:
      *out = wm_value_boolean (TRUE);
      break;
    case WM_NODE_NUMBER:
      *out = wm_value_number (node->as.number);
      break;
    case WM_NODE_STRING:
      *out = wm_value_string (profile->pool + node->as.str.off, node->as.str.len);
      break;
    default:
      *out = wm_value_null ();
      break;
    }
}

static guint
find_member (const WmProfile *profile,
             guint            object,
             const char      *key,
             gsize            key_len)
{
  const WmNode *nodes = profile->nodes;
  guint child = object + 1;

  if (object == WM_NODE_NONE || nodes[object].kind != WM_NODE_OBJECT)
    return WM_NODE_NONE;
  for (guint k = 0; k < nodes[object].as.count; k++)
    {
      if (nodes[child].key_len == key_len
          && memcmp (profile->pool + nodes[child].key_off, key, key_len) == 0)
        return child;
      child += nodes[child].size;
    }
  return WM_NODE_NONE;
}

static gboolean
lookup_nodes (const WmProfile    *profile,
              guint               object,
              const char * const *keys,
              guint               n_keys,
              WmValue            *out)
{
  guint node = object;

  for (guint k = 0; k < n_keys && node != WM_NODE_NONE; k++)
    node = find_member (profile, node, keys[k], strlen (keys[k]));
  if (node == WM_NODE_NONE)
    {
      *out = wm_value_null ();
      return FALSE;
    }
  node_value (profile, node, out);
  return TRUE;
}

static OverlayEntry *
overlay_find (const WmProfile *profile,
              const char      *name,
              gsize            len)
{
  if (profile->overlay == NULL)
    return NULL;
  for (guint i = 0; i < profile->overlay->entries->len; i++)
    {
      OverlayEntry *e = &g_array_index (profile->overlay->entries, OverlayEntry, i);

      if (e->name_len == len && memcmp (e->name, name, len) == 0)
        return e;
    }
  return NULL;
}

gboolean
wm_profile_lookup (const WmProfile    *profile,
                   const char * const *keys,
                   guint               n_keys,
                   WmValue            *out)
{
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (n_keys == 0)
    {
      *out = wm_value_null ();
      return FALSE;
    }
  if (G_UNLIKELY (profile->overlay != NULL))
    {
      OverlayEntry *e = overlay_find (profile, keys[0], strlen (keys[0]));

      if (e != NULL)
        {
          /* A set attribute is a scalar: nothing lies below it. */
          if (n_keys == 1)
            {
              *out = e->value;
              return TRUE;
            }
          *out = wm_value_null ();
          return FALSE;
        }
    }
  return lookup_nodes (profile, profile->attributes, keys, n_keys, out);
}

void
wm_profile_lookup_attributes (const WmProfile    *profile,
                              const char * const *names,
                              guint               n_names,
                              WmValue            *out,
                              gboolean           *found)
{
  const WmNode *nodes;
  gsize lens[16];
  guint object, child, left = n_names;

  g_return_if_fail (profile != NULL);
  g_return_if_fail (n_names <= G_N_ELEMENTS (lens));

  nodes = profile->nodes;
  object = profile->attributes;
  for (guint i = 0; i < n_names; i++)
    {
      lens[i] = strlen (names[i]);
      out[i] = wm_value_null ();
      found[i] = FALSE;
    }
  if (object != WM_NODE_NONE && nodes[object].kind == WM_NODE_OBJECT)
    {
      child = object + 1;
      /* The parser refused duplicate keys: the first match is the only one. */
      for (guint k = 0; k < nodes[object].as.count && left > 0; k++)
        {
          for (guint i = 0; i < n_names; i++)
            if (!found[i] && nodes[child].key_len == lens[i]
                && memcmp (profile->pool + nodes[child].key_off, names[i], lens[i]) == 0)
              {
                node_value (profile, child, &out[i]);
                found[i] = TRUE;
                left--;
                break;
              }
          child += nodes[child].size;
        }
    }
  if (G_UNLIKELY (profile->overlay != NULL))
    for (guint i = 0; i < n_names; i++)
      {
        OverlayEntry *e = overlay_find (profile, names[i], lens[i]);

        if (e != NULL)
          {
            out[i] = e->value;
            found[i] = TRUE;
          }
      }
}

gboolean
wm_profile_lookup_dotted (const WmProfile *profile,
                          const char      *path,
                          WmValue         *out)
{
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  keys = g_strsplit (path, ".", -1);
  return wm_profile_lookup (profile, (const char * const *) keys,
                            g_strv_length (keys), out);
}

gboolean
wm_profile_event_lookup (const WmProfile      *profile,
                         const WmProfileEvent *event,
                         const char * const   *keys,
                         guint                 n_keys,
                         WmValue              *out)
{
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (n_keys == 0)
    {
      *out = wm_value_null ();
      return FALSE;
    }
  return lookup_nodes (profile, event->properties, keys, n_keys, out);
}

void
wm_profile_set_attribute (WmProfile     *profile,
                          const char    *name,
                          const WmValue *value)
{
  Overlay *overlay;
  OverlayEntry *e;
  gsize len;

  g_return_if_fail (profile != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  if (profile->overlay == NULL)
    {
      profile->overlay = g_new0 (Overlay, 1);
      profile->overlay->entries = g_array_new (FALSE, FALSE, sizeof (OverlayEntry));
      profile->overlay->strings = g_string_chunk_new (256);
    }
  overlay = profile->overlay;
  len = strlen (name);
  e = overlay_find (profile, name, len);
  if (e == NULL)
    {
      OverlayEntry fresh = { 0 };

      fresh.name = g_string_chunk_insert_len (overlay->strings, name, len);
      fresh.name_len = len;
      fresh.added = find_member (profile, profile->attributes, name, len) == WM_NODE_NONE;
      g_array_append_val (overlay->entries, fresh);
      e = &g_array_index (overlay->entries, OverlayEntry,
                          overlay->entries->len - 1);
    }
  e->value = *value;
  if (value->type == WM_VALUE_STRING)
    e->value.as.string.str = g_string_chunk_insert_len (overlay->strings,
                                                        value->as.string.str,
                                                        value->as.string.len);
}

void
wm_profile_foreach_attribute (const WmProfile        *profile,
                              WmProfileAttributeFunc  func,
                              gpointer                user_data)
{
  const WmNode *nodes;

  g_return_if_fail (profile != NULL);
  g_return_if_fail (func != NULL);

  nodes = profile->nodes;
  if (profile->attributes != WM_NODE_NONE)
    {
      guint obj = profile->attributes;
      guint child = obj + 1;

      for (guint k = 0; k < nodes[obj].as.count; k++)
        {
          const char *key = profile->pool + nodes[child].key_off;
          OverlayEntry *e = overlay_find (profile, key, nodes[child].key_len);
          WmValue v;

          if (e != NULL)
            v = e->value;
          else
            node_value (profile, child, &v);
          func (key, &v, user_data);
          child += nodes[child].size;
        }
    }
  if (profile->overlay != NULL)
    for (guint i = 0; i < profile->overlay->entries->len; i++)
      {
        OverlayEntry *e = &g_array_index (profile->overlay->entries, OverlayEntry, i);

        if (e->added)
          func (e->name, &e->value, user_data);
      }
}

/* Contacts */

static inline gboolean
is_ascii_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

gboolean
wm_contact_phone_is_valid (const char *text,
                           gsize       len)
{
  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  /* ^\+[1-9][0-9]{7,14}$: a plus and 8..15 digits, the first not 0. */
  if (len < 9 || len > 16 || text[0] != '+' || text[1] < '1' || text[1] > '9')
    return FALSE;
  for (gsize i = 2; i < len; i++)
    if (text[i] < '0' || text[i] > '9')
      return FALSE;
  return TRUE;
}

gboolean
wm_contact_email_is_valid (const char *text,
                           gsize       len)
{
  gsize at = len;
  gsize dlen;
  const char *domain;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  /* ^[^@\s]+@[^@\s]+\.[^@\s]+$: exactly one @, no ASCII white space, a
   * non-empty local part, and a domain with a dot that is neither its
   * first nor its last byte. */
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if (is_ascii_space (c))
        return FALSE;
      if (c == '@')
        {
          if (at != len)
            return FALSE;
          at = i;
        }
    }
  if (at == len || at == 0)
    return FALSE;
  domain = text + at + 1;
  dlen = len - at - 1;
  for (gsize i = 1; i + 1 < dlen; i++)
    if (domain[i] == '.')
      return TRUE;
  return FALSE;
}
