/* test-profile-reader.c - streaming JSON Lines: lines, batches, ids, the
 * pull reader over the conformance profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "wm-profile-reader.h"

static char *
write_temp (const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "profiles-XXXXXX.jsonl", NULL);
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_lines (void)
{
  /* BOM, CRLF, blank lines of spaces/tabs/CR, a last line without LF */
  g_autofree char *path = write_temp ("\xEF\xBB\xBF" "first\r\n\n  \t\r\nsecond\n\nthird", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmLineReader) reader = wm_line_reader_open (path, &error);
  WmLine line;

  g_assert_no_error (error);
  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_cmpuint (line.number, ==, 1);
  g_assert_cmpuint (line.len, ==, 6);
  g_assert_cmpstr (line.data, ==, "first\r");
  g_assert_false (line.too_long);
  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_cmpuint (line.number, ==, 4);
  g_assert_cmpstr (line.data, ==, "second");
  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_cmpuint (line.number, ==, 6);
  g_assert_cmpstr (line.data, ==, "third");
  g_assert_cmpuint (line.len, ==, 5);
  g_assert_false (wm_line_reader_next (reader, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_line_reader_get_offset (reader), ==, 3 + 7 + 1 + 5 + 7 + 1 + 5);
  g_unlink (path);
}

static void
test_lines_across_blocks (void)
{
  /* Lines of 1 MiB - 1 bytes: 4 MiB blocks split them. */
  gsize n = 9, each = 1024 * 1024;
  g_autofree char *data = g_malloc (n * each);
  g_autofree char *path = NULL;
  g_autoptr(WmLineReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WmLineBatch) batch = wm_line_batch_new ();
  WmLine line;
  guint seen = 0;

  for (gsize i = 0; i < n; i++)
    {
      memset (data + i * each, 'a' + i, each - 1);
      data[i * each + each - 1] = '\n';
    }
  path = write_temp (data, n * each);
  reader = wm_line_reader_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_cmpuint (line.len, ==, each - 1);
  g_assert_cmpint (line.data[0], ==, 'a');
  g_assert_cmpint (line.data[each - 2], ==, 'a');
  /* the rest in batches of at most 3 lines */
  while (wm_line_reader_fill_batch (reader, batch, 3, G_MAXSIZE, &error))
    {
      g_assert_cmpuint (batch->n_lines, <=, 3);
      for (guint i = 0; i < batch->n_lines; i++)
        {
          seen++;
          g_assert_cmpuint (batch->lines[i].number, ==, seen + 1);
          g_assert_cmpuint (batch->lines[i].len, ==, each - 1);
          g_assert_cmpint (batch->lines[i].data[0], ==, 'a' + seen);
          g_assert_cmpint (batch->lines[i].data[each - 2], ==, 'a' + seen);
          g_assert_cmpint (batch->lines[i].data[each - 1], ==, '\0');
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, n - 1);
  g_unlink (path);
}

static void
test_too_long_line_is_skipped (void)
{
  /* 64 MiB + 1 bytes of one line, then a good line. */
  gsize big = WM_PROFILE_LINE_MAX + 1;
  g_autofree char *data = g_malloc (big + 64);
  g_autofree char *path = NULL;
  g_autoptr(WmLineReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char *tail = "\n{\"id\":\"after\"}\n";
  WmLine line;

  memset (data, ' ', big);
  data[0] = '{';
  memcpy (data + big, tail, strlen (tail));
  path = write_temp (data, big + strlen (tail));
  reader = wm_line_reader_open (path, &error);
  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_true (line.too_long);
  g_assert_cmpuint (line.number, ==, 1);
  g_assert_true (wm_line_reader_next (reader, &line, &error));
  g_assert_false (line.too_long);
  g_assert_cmpuint (line.number, ==, 2);
  g_assert_cmpstr (line.data, ==, "{\"id\":\"after\"}");
  g_assert_false (wm_line_reader_next (reader, &line, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

static void
test_id_set (void)
{
  g_autoptr(WmIdSet) set = wm_id_set_new ();
  char id[32];

  g_assert_true (wm_id_set_add (set, "a", 1));
  g_assert_false (wm_id_set_add (set, "a", 1));
  g_assert_true (wm_id_set_add (set, "ab", 2));
  g_assert_true (wm_id_set_add (set, "", 0));
  for (int i = 0; i < 100000; i++)
    {
      int n = g_snprintf (id, sizeof id, "p-%d", i);

      g_assert_true (wm_id_set_add (set, id, n));
    }
  for (int i = 0; i < 100000; i += 997)
    {
      int n = g_snprintf (id, sizeof id, "p-%d", i);

      g_assert_true (wm_id_set_contains (set, id, n));
      g_assert_false (wm_id_set_add (set, id, n));
    }
  g_assert_false (wm_id_set_contains (set, "p-100000", 8));
  g_assert_cmpuint (wm_id_set_get_size (set), ==, 100003);
}

/* Ids of the longest length fill the small first chunks and then many
 * full-size ones; each copy stays whole across the chunk boundaries. */
static void
test_id_set_long_ids (void)
{
  g_autoptr(WmIdSet) set = wm_id_set_new ();
  char id[255];

  for (int i = 0; i < 20000; i++)
    {
      memset (id, 'a' + i % 26, sizeof id);
      g_snprintf (id, 16, "%015d", i);
      id[15] = '-';
      g_assert_true (wm_id_set_add (set, id, sizeof id));
    }
  for (int i = 0; i < 20000; i += 7)
    {
      memset (id, 'a' + i % 26, sizeof id);
      g_snprintf (id, 16, "%015d", i);
      id[15] = '-';
      g_assert_true (wm_id_set_contains (set, id, sizeof id));
      id[254] = '!';
      g_assert_false (wm_id_set_contains (set, id, sizeof id));
    }
  g_assert_cmpuint (wm_id_set_get_size (set), ==, 20000);
}

typedef struct
{
  guint64 rejected[32];
  guint   n_rejected;
  guint   profiles;
  guint   events;
  char   *first_id;
} Counts;

static void
read_all (const char *path,
          Counts     *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfileReader) reader = wm_profile_reader_open (path, &error);
  WmProfileReadResult r;
  WmProfile *p;
  guint64 line;
  const char *reason;

  g_assert_no_error (error);
  memset (c, 0, sizeof *c);
  while ((r = wm_profile_reader_next (reader, &p, &line, &reason, &error)) != WM_PROFILE_READ_END)
    {
      g_assert_cmpint (r, !=, WM_PROFILE_READ_ERROR);
      if (r == WM_PROFILE_READ_REJECTED)
        {
          g_assert_nonnull (reason);
          g_assert_cmpuint (c->n_rejected, <, G_N_ELEMENTS (c->rejected));
          c->rejected[c->n_rejected++] = line;
        }
      else
        {
          guint n;

          if (c->first_id == NULL)
            c->first_id = g_strdup (wm_profile_get_id (p, NULL));
          wm_profile_get_events (p, &n);
          c->events += n;
          c->profiles++;
          wm_profile_free (p);
        }
    }
  g_assert_no_error (error);
}

static void
test_conformance_12 (void)
{
  /* expected.json: run.profiles 16, events 32, rejected_lines 9; the
   * rejected lines are the leap second (1), the unterminated object (2),
   * 1e400 (3), NaN (4), the space separator (9), p-0001 again (10), no id
   * (19), an event without a name (20) and an array (24); 22 is blank. */
  g_autofree char *path = g_build_filename (SHARED_DIR, "conformance", "12-expressions",
                                            "profiles.jsonl", NULL);
  const guint64 expected[] = { 1, 2, 3, 4, 9, 10, 19, 20, 24 };
  Counts c;

  read_all (path, &c);
  g_assert_cmpuint (c.profiles, ==, 16);
  g_assert_cmpuint (c.events, ==, 32);
  g_assert_cmpuint (c.n_rejected, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (c.rejected[i], ==, expected[i]);
  g_assert_cmpstr (c.first_id, ==, "p-0001");
  g_free (c.first_id);
}

static void
test_conformance_13_bom (void)
{
  /* The file starts with a byte order mark; expected.json: 16 profiles,
   * 71 events, nothing rejected. */
  g_autofree char *path = g_build_filename (SHARED_DIR, "conformance", "13-revised-rules",
                                            "profiles.jsonl", NULL);
  Counts c;

  read_all (path, &c);
  g_assert_cmpuint (c.profiles, ==, 16);
  g_assert_cmpuint (c.events, ==, 71);
  g_assert_cmpuint (c.n_rejected, ==, 0);
  g_assert_cmpstr (c.first_id, ==, "rv-0001");
  g_free (c.first_id);
}

static void
test_rejected_line_does_not_reserve (void)
{
  g_autofree char *path = write_temp (
    "{\"id\":\"a\",\"events\":[{\"name\":\"X\",\"at\":\"bad\"}]}\n"
    "{\"id\":\"a\"}\n"
    "{\"id\":\"a\"}\n"
    "{\"id\":\"b\"}\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfileReader) reader = wm_profile_reader_open (path, &error);
  WmProfile *p = NULL;
  guint64 line = 0;
  const char *reason = NULL;

  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_REJECTED);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpstr (reason, ==, "bad timestamp in events[0].at");
  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_PROFILE);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (wm_profile_get_line (p), ==, 2);
  wm_profile_free (p);
  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_REJECTED);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (reason, ==, "duplicate id");
  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_PROFILE);
  wm_profile_free (p);
  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_END);
  g_unlink (path);
}

static void
test_csv_by_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "people.CSV", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfileReader) reader = NULL;
  WmProfile *p = NULL;
  guint64 line = 0;
  const char *reason = NULL;
  WmValue v;

  g_assert_true (g_file_set_contents (path, "id,email,phone\na,a@b.cd,\nb,,\n", -1, NULL));
  reader = wm_profile_reader_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_PROFILE);
  g_assert_cmpuint (line, ==, 2);
  g_assert_true (wm_profile_lookup_dotted (p, "email", &v));
  g_assert_cmpstr (v.as.string.str, ==, "a@b.cd");
  wm_profile_free (p);
  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_REJECTED);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (reason, ==, "no-contact");
  g_assert_cmpint (wm_profile_reader_next (reader, &p, &line, &reason, &error), ==, WM_PROFILE_READ_END);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_profile_reader_open ("/nonexistent/profiles.jsonl", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/profile-reader/lines-skip-bom-and-blank-lines", test_lines);
  g_test_add_func ("/sim/profile-reader/lines-span-blocks-and-batches", test_lines_across_blocks);
  g_test_add_func ("/sim/profile-reader/too-long-line-is-skipped", test_too_long_line_is_skipped);
  g_test_add_func ("/sim/profile-reader/id-set", test_id_set);
  g_test_add_func ("/sim/profile-reader/id-set-long-ids", test_id_set_long_ids);
  g_test_add_func ("/sim/profile-reader/conformance-12-rejected-lines", test_conformance_12);
  g_test_add_func ("/sim/profile-reader/conformance-13-bom", test_conformance_13_bom);
  g_test_add_func ("/sim/profile-reader/rejected-line-does-not-reserve-its-id", test_rejected_line_does_not_reserve);
  g_test_add_func ("/sim/profile-reader/csv-files-by-their-name", test_csv_by_name);
  g_test_add_func ("/sim/profile-reader/missing-file-is-an-error", test_missing_file);

  return g_test_run ();
}
