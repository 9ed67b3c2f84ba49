/* wm-page-cache.c - leaving the page cache as a long read or write found it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A profile file of many gigabytes is read once from start to end, and the
 * parts `split` writes are read once, by another process or machine. Kept
 * in the page cache, such files push out what the machine had cached for
 * other work, and every page they take is a page the kernel must find: on a
 * virtual machine whose balloon hands freed memory back to the host, fresh
 * pages cost more than the reading itself (bench-scaleout.sh, README). So:
 *  - a reader of a large file that was mostly not in memory when it began
 *    drops the pages it has read as it goes, and its next reads reuse them;
 *  - split drops its parts' pages once they are on disk.
 * A file that was in memory (one the user simulates again and again) stays
 * there. Everything here is advice to the kernel: a call that fails (a file
 * system without it, tmpfs, a pipe) changes nothing but the memory used.
 */
#define _GNU_SOURCE
#include "config.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-page-cache.h"

/* Pages are dropped in steps of this many bytes; a writer keeps one step
 * being written back while it waits for the one before. */
#define STEP (16 * 1024 * 1024)
#define SAMPLES 256

double
wm_page_cache_resident (int fd)
{
  struct stat st;
  long page = sysconf (_SC_PAGESIZE);
  guint64 pages;
  unsigned char *map;
  guint resident = 0, sampled = 0;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size == 0 || page <= 0)
    return 1.0;
  map = mmap (NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED)
    return 1.0;
  pages = ((guint64) st.st_size + page - 1) / page;
  for (guint i = 0; i < SAMPLES && i < pages; i++)
    {
      guint64 index = pages <= SAMPLES ? i : i * (pages / SAMPLES);
      unsigned char in = 0;

      if (mincore (map + index * page, page, &in) != 0)
        continue;
      sampled++;
      resident += in & 1;
    }
  munmap (map, st.st_size);
  return sampled > 0 ? (double) resident / sampled : 1.0;
}

void
wm_drop_behind_init_read (WmDropBehind *drop,
                          int           fd)
{
  struct stat st;
  off_t at = lseek (fd, 0, SEEK_CUR);

  /* Offsets count from where the reading starts. */
  *drop = (WmDropBehind) { .fd = fd, .done = MAX (at, 0), .dropped = MAX (at, 0) };
  drop->active = fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
                 && st.st_size >= WM_DROP_BEHIND_MIN_SIZE
                 && wm_page_cache_resident (fd) < 0.5;
  /* Read from the disk then: a larger read-ahead window. */
  if (drop->active)
    posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
}

void
wm_drop_behind_init_write (WmDropBehind *drop,
                           int           fd)
{
  struct stat st;

  *drop = (WmDropBehind) { .fd = fd, .writing = TRUE };
  drop->active = fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

void
wm_drop_behind_advance (WmDropBehind *drop,
                        gsize         len)
{
  drop->done += len;
  if (!drop->active)
    return;
  if (!drop->writing)
    {
      /* What was read is in the caller's buffer: none of it is needed. */
      if (drop->done - drop->dropped >= STEP)
        {
          posix_fadvise (drop->fd, drop->dropped, drop->done - drop->dropped, POSIX_FADV_DONTNEED);
          drop->dropped = drop->done;
        }
      return;
    }
  /* Dirty pages cannot be dropped: start writing the latest step back,
   * wait for the one before it (long written by then), drop that one. */
  while (drop->done - drop->dropped >= 2 * STEP)
    {
      sync_file_range (drop->fd, drop->dropped + STEP, STEP, SYNC_FILE_RANGE_WRITE);
      sync_file_range (drop->fd, drop->dropped, STEP,
                       SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE
                       | SYNC_FILE_RANGE_WAIT_AFTER);
      posix_fadvise (drop->fd, drop->dropped, STEP, POSIX_FADV_DONTNEED);
      drop->dropped += STEP;
    }
}
