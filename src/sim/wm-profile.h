/* wm-profile.h - one recorded customer profile, held compactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A WmProfile is one block of memory: the id, the parsed JSON of the
 * profile's line as a flat array of nodes (preorder, each node knowing the
 * size of its subtree), a string pool (every string unescaped and
 * NUL-terminated), and the events sorted by time. Nothing in it is a GObject
 * or a JsonNode: the simulator holds a few profiles per thread and walks them
 * millions of times, so lookups are pointer arithmetic over flat arrays.
 *
 * Values handed out as WmValue point into the profile (strings are not
 * copied) and stay valid until the profile is freed, also across
 * wm_profile_set_attribute() (changed attributes live in an append-only
 * overlay, so an older value is never freed under a caller).
 *
 * A profile is not thread-safe, but it is only ever worked on by the one
 * thread that simulates it. Profiles come from wm-profile-reader.h (JSON
 * Lines) or wm-csv-reader.h (CSV rows: string attributes, no events).
 */
#pragma once

#include <glib.h>

#include "wm-value.h"

G_BEGIN_DECLS

/* simulation.md, Profiles: an id is a string of 1..128 bytes. */
#define WM_PROFILE_ID_MAX 128

typedef struct _WmProfile WmProfile;

typedef struct
{
  const char *name;        /* NUL-terminated, non-empty, in the profile */
  gsize       name_len;
  gint64      at;          /* whole UTC seconds (wm_timestamp_parse) */
  guint       index;       /* 0-based position in the line's events array */
  guint       properties;  /* private: node of the properties object */
} WmProfileEvent;

void                  wm_profile_free              (WmProfile             *profile);

const char           *wm_profile_get_id            (const WmProfile       *profile,
                                                    gsize                 *len);

/* The 1-based line of the profile file it was read from (the first line of
 * a CSV record). */
guint64               wm_profile_get_line          (const WmProfile       *profile);

/* The events, stably sorted by time: equal times keep file order
 * (WmProfileEvent.index ascending). The array belongs to the profile. */
const WmProfileEvent *wm_profile_get_events        (const WmProfile       *profile,
                                                    guint                 *n_events);

/* Looks up attribute path @keys[0].@keys[1]... (profile.address.city is
 * {"address", "city"}), with the changes of wm_profile_set_attribute()
 * applied. A JSON string is a string (never a datetime), a number a number,
 * true/false a boolean; null, an array, an object, or a path that leads
 * nowhere is null. Always sets *@out. Returns TRUE when the path exists
 * (whatever its value). */
gboolean              wm_profile_lookup            (const WmProfile       *profile,
                                                    const char * const    *keys,
                                                    guint                  n_keys,
                                                    WmValue               *out);

/* wm_profile_lookup of each top-level attribute @names[i] into @out[i]
 * and @found[i], in one pass over the attributes (the engine reads several
 * at every profile). */
void                  wm_profile_lookup_attributes (const WmProfile       *profile,
                                                    const char * const    *names,
                                                    guint                  n_names,
                                                    WmValue               *out,
                                                    gboolean              *found);

/* Convenience: a dotted path ("address.city"). Slower than the array form:
 * for tests and the CLI, not for the engine's hot path. */
gboolean              wm_profile_lookup_dotted     (const WmProfile       *profile,
                                                    const char            *path,
                                                    WmValue               *out);

/* set.attribute: from now on the top-level attribute @name reads as
 * @value (a string is copied; a null value reads as null but the attribute
 * exists). An attribute that did not exist is added after the others. */
void                  wm_profile_set_attribute     (WmProfile             *profile,
                                                    const char            *name,
                                                    const WmValue         *value);

/* Calls @func for each top-level attribute in order (file order, then the
 * attributes added by wm_profile_set_attribute() in the order they were
 * added), with its current value (objects and arrays as null). */
typedef void (*WmProfileAttributeFunc) (const char    *name,
                                        const WmValue *value,
                                        gpointer       user_data);
void                  wm_profile_foreach_attribute (const WmProfile       *profile,
                                                    WmProfileAttributeFunc func,
                                                    gpointer               user_data);

/* Looks up a path in the event's properties object (event.number is
 * {"number"}); the same value rules as wm_profile_lookup(). An event without
 * properties has only null paths. */
gboolean              wm_profile_event_lookup      (const WmProfile       *profile,
                                                    const WmProfileEvent  *event,
                                                    const char * const    *keys,
                                                    guint                  n_keys,
                                                    WmValue               *out);

/* Contacts (simulation.md, Profiles). The whole string must match:
 * phone ^\+[1-9][0-9]{7,14}$; email ^[^@\s]+@[^@\s]+\.[^@\s]+$ where \s is
 * ASCII white space only (space, \t, \n, \v, \f, \r; U+00A0 is not). */
gboolean              wm_contact_phone_is_valid    (const char            *text,
                                                    gsize                  len);
gboolean              wm_contact_email_is_valid    (const char            *text,
                                                    gsize                  len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmProfile, wm_profile_free)

G_END_DECLS
