/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-profile.c - libFuzzer target for the JSON Lines profile reader
 *
 * The input is a whole profile file. It is read through the line reader
 * (from a memory file descriptor, in the reader's own blocks), and each line
 * is parsed with wm_profile_parser_parse(), then looked into. Whatever the
 * input:
 *  - every line is parsed or rejected with a UTF-8 reason; a profile keeps
 *    the line number it was read at, has an id of 1..128 bytes and its
 *    events sorted by time (file order among equal times);
 *  - the parser and the strict reader of flow files (wm_json_parse) agree,
 *    as simulation.md says lines follow the JSON rules of flow files: a line
 *    the strict reader refuses is "bad JSON", one it accepts is not, and
 *    every scalar attribute reads back as the same number, string or
 *    boolean;
 *  - every value a lookup hands out keeps wm-value.h's invariants, and
 *    wm_profile_set_attribute() is seen by the next lookup;
 *  - WmIdSet, the duplicate check, takes an id once and says so again for
 *    every later profile with the same id, as a plain hash table does.
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "wm-json.h"
#include "wm-profile-reader.h"
#include "wm-time.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static WmProfileParser *parser;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* One parser for the whole run, as a worker thread keeps one: its scratch
   * keeps capacity from line to line, which is what is to be tested. */
  parser = wm_profile_parser_new ();
  return 0;
}

static void
check_value (const WmValue *v)
{
  switch (v->type)
    {
    case WM_VALUE_NULL:
      break;
    case WM_VALUE_BOOLEAN:
      if (v->as.boolean != TRUE && v->as.boolean != FALSE)
        abort ();
      break;
    case WM_VALUE_NUMBER:
      if (!isfinite (v->as.number))
        abort ();
      break;
    case WM_VALUE_STRING:
      if (v->as.string.str == NULL || v->as.string.str[v->as.string.len] != '\0'
          || !g_utf8_validate (v->as.string.str, v->as.string.len, NULL))
        abort ();
      break;
    case WM_VALUE_DATETIME:
    default:
      /* A profile's JSON never gives a datetime. */
      abort ();
    }
}

/* A scalar member of the strict reader's tree against the profile's value. */
static void
check_same (JsonNode      *node,
            const WmValue *v,
            const char    *what)
{
  gboolean same = TRUE;

  if (JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
    same = v->type == WM_VALUE_NULL;
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    same = v->type == WM_VALUE_NUMBER && v->as.number == json_node_get_double (node)
           && signbit (v->as.number) == signbit (json_node_get_double (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    same = v->type == WM_VALUE_BOOLEAN && v->as.boolean == json_node_get_boolean (node);
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      same = v->type == WM_VALUE_STRING && strlen (s) == v->as.string.len
             && memcmp (s, v->as.string.str, v->as.string.len) == 0;
    }
  if (!same)
    {
      fprintf (stderr, "%s reads differently from the strict reader's\n", what);
      abort ();
    }
}

static void
count_attribute (const char    *name,
                 const WmValue *value,
                 gpointer       user_data)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    abort ();
  check_value (value);
  (*(guint *) user_data)++;
}

static void
look_into (WmProfile *profile,
           JsonNode  *tree)
{
  const WmProfileEvent *events;
  guint n_events, n_attributes = 0, n_members = 0;
  gsize id_len;
  const char *id = wm_profile_get_id (profile, &id_len);
  static const char * const paths[] = { "phone", "email", "timezone", "address.city",
                                        "id", "a.b.c.d", "sim_open" };
  static const char * const event_keys[] = { "number", "text", "value", "x" };
  WmValue v, w;
  JsonObject *attributes = NULL;

  if (id == NULL || id_len == 0 || id_len > WM_PROFILE_ID_MAX || id[id_len] != '\0'
      || !g_utf8_validate (id, id_len, NULL))
    abort ();

  events = wm_profile_get_events (profile, &n_events);
  for (guint i = 0; i < n_events; i++)
    {
      if (events[i].name == NULL || events[i].name_len == 0
          || events[i].name[events[i].name_len] != '\0'
          || events[i].at < WM_TIME_MIN || events[i].at > WM_TIME_MAX)
        abort ();
      if (i > 0 && (events[i - 1].at > events[i].at
                    || (events[i - 1].at == events[i].at && events[i - 1].index >= events[i].index)))
        abort ();
      for (guint k = 0; k < G_N_ELEMENTS (event_keys); k++)
        {
          const char *keys[] = { event_keys[k] };

          wm_profile_event_lookup (profile, &events[i], keys, 1, &v);
          check_value (&v);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      wm_profile_lookup_dotted (profile, paths[i], &v);
      check_value (&v);
    }

  /* Every scalar attribute as the strict reader read it. */
  if (tree != NULL)
    {
      JsonObject *root = json_node_get_object (tree);
      JsonNode *node = json_object_get_member (root, "attributes");

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        attributes = json_node_get_object (node);
    }
  if (attributes != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, attributes);
      while (json_object_iter_next (&iter, &name, &member))
        {
          const char *keys[] = { name };

          n_members++;
          if (!wm_profile_lookup (profile, keys, 1, &v))
            {
              fprintf (stderr, "attribute '%s' is missing\n", name);
              abort ();
            }
          check_value (&v);
          check_same (member, &v, "an attribute");
        }
    }
  wm_profile_foreach_attribute (profile, count_attribute, &n_attributes);
  if (tree != NULL && n_attributes != n_members)
    abort ();

  /* A set attribute reads back at once, old values stay valid. */
  wm_profile_lookup_dotted (profile, "phone", &w);
  v = wm_value_string ("+38591234567", 12);
  wm_profile_set_attribute (profile, "phone", &v);
  wm_profile_lookup_dotted (profile, "phone", &v);
  if (v.type != WM_VALUE_STRING || strcmp (v.as.string.str, "+38591234567") != 0)
    abort ();
  check_value (&w);
  v = wm_value_number (42);
  wm_profile_set_attribute (profile, "new_one", &v);
  wm_profile_lookup_dotted (profile, "new_one", &v);
  if (v.type != WM_VALUE_NUMBER || v.as.number != 42)
    abort ();
}

static void
check_line (const WmLine *line,
            WmIdSet      *ids,
            GHashTable   *seen)
{
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) tree = NULL;
  WmProfile *profile;
  gboolean bom;

  if (line->data[line->len] != '\0')
    abort ();
  profile = wm_profile_parser_parse (parser, line->data, line->len, line->too_long,
                                     line->number, &reason);
  if ((profile == NULL) == (reason == NULL))
    abort ();
  if (reason != NULL && (reason[0] == '\0' || !g_utf8_validate (reason, -1, NULL)))
    abort ();

  /* wm_json_parse skips a leading byte order mark; a profile line has one
   * only at the start of the file, where the line reader skips it. */
  bom = line->len >= 3 && memcmp (line->data, "\xef\xbb\xbf", 3) == 0;
  if (!bom)
    {
      tree = wm_json_parse (line->data, line->len, WM_JSON_MAX_DEPTH, NULL, NULL, &error);
      if ((tree == NULL) != (reason != NULL && g_str_has_prefix (reason, "bad JSON: ")))
        {
          fprintf (stderr, "line %" G_GUINT64_FORMAT ": strict reader: %s; profile parser: %s\n",
                   line->number, error ? error->message : "ok", reason ? reason : "ok");
          abort ();
        }
    }

  if (profile != NULL)
    {
      gsize id_len;
      const char *id = wm_profile_get_id (profile, &id_len);
      /* As bytes: an id may hold an escaped NUL. */
      g_autoptr(GBytes) key = g_bytes_new (id, id_len);
      gboolean fresh = !g_hash_table_contains (seen, key);

      if (wm_profile_get_line (profile) != line->number)
        abort ();
      if (wm_id_set_contains (ids, id, id_len) == fresh
          || wm_id_set_add (ids, id, id_len) != fresh)
        abort ();
      g_hash_table_add (seen, g_bytes_ref (key));
      if (wm_id_set_get_size (ids) != g_hash_table_size (seen))
        abort ();
      look_into (profile, tree);
      wm_profile_free (profile);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  int fd = memfd_create ("profiles", MFD_CLOEXEC);
  g_autoptr(WmLineReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmIdSet) ids = wm_id_set_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                           (GDestroyNotify) g_bytes_unref, NULL);
  WmLine line;
  guint64 last = 0;

  if (fd < 0)
    abort ();
  if (size > 0 && write (fd, data, size) != (ssize_t) size)
    abort ();
  lseek (fd, 0, SEEK_SET);

  reader = wm_line_reader_new_fd (fd, "fuzz.jsonl");
  while (wm_line_reader_next (reader, &line, &error))
    {
      if (line.number <= last || line.too_long)
        abort ();
      last = line.number;
      check_line (&line, ids, seen);
    }
  if (error != NULL || wm_line_reader_get_offset (reader) != size)
    abort ();

  g_clear_pointer (&reader, wm_line_reader_free);
  close (fd);
  return 0;
}
