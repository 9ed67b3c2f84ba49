/* test-alloc.c - the C library keeps freed memory for the next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <malloc.h>

#include "wm-alloc.h"

/* An image of a 1280x800 view, freed and allocated again, lands in the
 * same place, already mapped: what the setting is for. Without it glibc
 * maps a block of this size afresh each time. */
static void
test_view_sized_blocks_are_reused (void)
{
  gsize size = 1280 * 800 * 4;
  struct mallinfo2 before, after;
  char *block;

  /* Under a sanitizer or valgrind the allocator is theirs. */
  if (!wm_alloc_keep_freed_memory () || mallinfo2 ().arena == 0)
    {
      g_test_skip ("glibc's allocator is replaced here");
      return;
    }

  before = mallinfo2 ();
  block = g_malloc (size);
  block[0] = block[size - 1] = 1;
  after = mallinfo2 ();
  /* From the heap, not a mapping of its own. */
  g_assert_cmpuint (after.hblkhd, ==, before.hblkhd);
  g_free (block);

  /* Freed, it stays with the process. */
  after = mallinfo2 ();
  g_assert_cmpuint (after.fordblks, >=, size);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/alloc/view-sized-blocks-are-reused", test_view_sized_blocks_are_reused);

  return g_test_run ();
}
