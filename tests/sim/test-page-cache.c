/* test-page-cache.c - large reads and split's writes leave the page cache
 * as they found it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a folder on a disk (TMPDIR, else /tmp): on tmpfs a file is its
 * pages, nothing can be dropped, and the tests that need dropping skip.
 */
#define _GNU_SOURCE
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-page-cache.h"
#include "wm-profile-reader.h"
#include "wm-split.h"
#include "sim-harness.h"

typedef struct
{
  char *dir;
  char *big;      /* 80 MiB of profile lines */
} Fixture;

#define BIG_LINES 80000

static void
write_big (const char *path)
{
  g_autofree char *pad = g_strnfill (960, 'x');
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  for (guint i = 0; i < BIG_LINES; i++)
    fprintf (file, "{\"id\": \"p-%07u\", \"email\": \"p%u@example.com\", \"note\": \"%s\"}\n",
             i, i, pad);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Writes @path's pages to the disk and asks the kernel to drop them; FALSE
 * when they stay in memory all the same (tmpfs). */
static gboolean
evict (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);
  double resident;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fdatasync (fd), ==, 0);
  posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
  resident = wm_page_cache_resident (fd);
  close (fd);
  return resident < 0.1;
}

static double
resident_of (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);
  double resident;

  g_assert_cmpint (fd, >=, 0);
  resident = wm_page_cache_resident (fd);
  close (fd);
  return resident;
}

static guint
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmLineReader) reader = wm_line_reader_open (path, &error);
  WmLine line;
  guint n = 0;

  g_assert_no_error (error);
  while (wm_line_reader_next (reader, &line, &error))
    n++;
  g_assert_no_error (error);
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("waymark-page-cache-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->big = g_build_filename (f->dir, "big.jsonl", NULL);
  write_big (f->big);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sim_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->big);
}

/* A file just written is in memory; one dropped is not. */
static void
test_resident (Fixture       *f,
               gconstpointer  data)
{
  g_assert_cmpfloat (resident_of (f->big), >, 0.9);
  if (!evict (f->big))
    {
      g_test_skip ("the temporary folder keeps files in memory (tmpfs)");
      return;
    }
  g_assert_cmpfloat (resident_of (f->big), <, 0.1);
}

/* Read from the disk, the file leaves memory as it is read; read from
 * memory, it stays (the next run needs it). */
static void
test_reader_leaves_memory_as_found (Fixture       *f,
                                    gconstpointer  data)
{
  g_assert_cmpuint (read_all (f->big), ==, BIG_LINES);
  g_assert_cmpfloat (resident_of (f->big), >, 0.9);

  if (!evict (f->big))
    {
      g_test_skip ("the temporary folder keeps files in memory (tmpfs)");
      return;
    }
  g_assert_cmpuint (read_all (f->big), ==, BIG_LINES);
  /* All but the last step it read (16 MiB of 80) is gone. */
  g_assert_cmpfloat (resident_of (f->big), <, 0.3);
}

/* A file under WM_DROP_BEHIND_MIN_SIZE is never dropped. */
static void
test_small_files_stay (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *small = g_build_filename (f->dir, "small.jsonl", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (f->big, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (small, contents, WM_DROP_BEHIND_MIN_SIZE / 2, NULL));
  if (!evict (small))
    {
      g_test_skip ("the temporary folder keeps files in memory (tmpfs)");
      return;
    }
  read_all (small);
  g_assert_cmpfloat (resident_of (small), >, 0.9);
}

/* split's part is on the disk and mostly out of memory when it returns
 * (the last two steps of 16 MiB may still be being written), and holds
 * every line. */
static void
test_split_parts_leave_memory (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "parts", NULL);
  g_autofree char *part = g_build_filename (out, "part-0000.jsonl", NULL);
  g_autoptr(GError) error = NULL;

  if (!evict (f->big))
    {
      g_test_skip ("the temporary folder keeps files in memory (tmpfs)");
      return;
    }
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (wm_split_profiles (f->big, 1, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (resident_of (part), <, 0.5);
  /* The input was not in memory either, and is left out of it. */
  g_assert_cmpfloat (resident_of (f->big), <, 0.3);
  g_assert_cmpuint (read_all (part), ==, BIG_LINES);
  sim_remove_dir (out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sim/page-cache/resident", Fixture, NULL, fixture_set_up, test_resident,
              fixture_tear_down);
  g_test_add ("/sim/page-cache/reader-leaves-memory-as-found", Fixture, NULL, fixture_set_up,
              test_reader_leaves_memory_as_found, fixture_tear_down);
  g_test_add ("/sim/page-cache/small-files-stay", Fixture, NULL, fixture_set_up,
              test_small_files_stay, fixture_tear_down);
  g_test_add ("/sim/page-cache/split-parts-leave-memory", Fixture, NULL, fixture_set_up,
              test_split_parts_leave_memory, fixture_tear_down);
  return g_test_run ();
}
