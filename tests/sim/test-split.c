/* test-split.c - wm_split_profiles: routing, order, long lines, failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conformance cases (split-merge.py) check that merged parts give the
 * single run's report; these check the parts themselves on files larger
 * than the writers' buffers, where the lines of a part go through several
 * writer threads' hands.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "wm-split.h"
#include "sim-harness.h"

typedef struct
{
  char *dir;
  char *profiles;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("waymark-split-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->profiles = g_build_filename (f->dir, "profiles.jsonl", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sim_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->profiles);
}

/* A file of @n lines: mostly profiles with ids that repeat, some lines
 * whose id cannot be read, and every 5,000th line over 1 MiB (longer than a
 * part's buffer). Returns the lines. */
static GPtrArray *
write_profiles (const char *path,
                guint       n)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      char *line;

      if (i % 997 == 13)
        line = g_strdup_printf ("{\"events\": [], \"no_id\": %u}", i);
      else if (i % 5000 == 4999)
        {
          g_autofree char *pad = g_strnfill (1200 * 1024 + i % 7, 'x');

          line = g_strdup_printf ("{\"id\": \"long-%u\", \"email\": \"a@b.hr\", \"note\": \"%s\"}",
                                  i, pad);
        }
      else
        line = g_strdup_printf ("{\"id\": \"p-%u\", \"email\": \"p%u@example.com\", \"n\": %u}",
                                i % 30011, i, i);
      g_string_append (all, line);
      g_string_append_c (all, '\n');
      g_ptr_array_add (lines, line);
    }
  g_assert_true (g_file_set_contents (path, all->str, all->len, NULL));
  return lines;
}

/* The part a test line belongs to, worked out from the line itself. */
static guint
part_of (const char *line,
         guint       n_parts)
{
  const char *id = strstr (line, "\"id\": \"");
  const char *end;

  if (id == NULL)
    return 0;
  id += strlen ("\"id\": \"");
  end = strchr (id, '"');
  return wm_split_hash (id, end - id) % n_parts;
}

static void
test_routes_in_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = write_profiles (f->profiles, 40000);
  const guint n_parts = 7;
  g_autoptr(GError) error = NULL;
  gsize total = 0;

  g_assert_true (wm_split_profiles (f->profiles, n_parts, f->dir, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint p = 0; p < n_parts; p++)
    {
      g_autofree char *name = g_strdup_printf ("part-%04u.jsonl", p);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GString) want = g_string_new (NULL);
      g_autofree char *got = NULL;
      gsize len;

      for (guint i = 0; i < lines->len; i++)
        if (part_of (lines->pdata[i], n_parts) == p)
          {
            g_string_append (want, lines->pdata[i]);
            g_string_append_c (want, '\n');
          }
      g_assert_true (g_file_get_contents (path, &got, &len, NULL));
      g_assert_cmpuint (len, ==, want->len);
      g_assert_true (memcmp (got, want->str, len) == 0);
      total += len;
    }
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (f->profiles, &st), ==, 0);
    g_assert_cmpuint (total, ==, (gsize) st.st_size);
  }
}

/* Parts are the user's customer data: readable by the owner only. */
static void
test_parts_are_private (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) lines = write_profiles (f->profiles, 100);
  g_autofree char *path = g_build_filename (f->dir, "part-0001.jsonl", NULL);
  GStatBuf st;

  g_assert_true (wm_split_profiles (f->profiles, 3, f->dir, NULL, NULL, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static guint
count_parts (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, "part-") != NULL)
      n++;
  return n;
}

/* A write that fails part-way (here the file size limit, as a full disk
 * would) is an error naming a part, and no part is left, under its final
 * name or a temporary one. Run in a subprocess, which keeps the limit. */
static void
test_failed_write_leaves_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) lines = write_profiles (f->profiles, 20000);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 1024 * 1024, 1024 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (wm_split_profiles (f->profiles, 4, f->dir, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "part-000"));
      g_assert_nonnull (strstr (error->message, "cannot write"));
      g_assert_cmpuint (count_parts (f->dir), ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sim/split/routes-in-order", Fixture, NULL, fixture_set_up, test_routes_in_order,
              fixture_tear_down);
  g_test_add ("/sim/split/parts-are-private", Fixture, NULL, fixture_set_up,
              test_parts_are_private, fixture_tear_down);
  g_test_add ("/sim/split/failed-write-leaves-nothing", Fixture, NULL, fixture_set_up,
              test_failed_write_leaves_nothing, fixture_tear_down);
  return g_test_run ();
}
