/* wm-alloc.c - how the app asks the C library to keep freed memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every frame of the software renderer allocates and frees images of the
 * view's size (a few MB: the canvas's placed tiles, cairo's copies of
 * recorded drawings, the window's own buffer). glibc serves blocks of
 * that size with fresh mmap()s, or trims them off the heap as soon as
 * they are freed, so each frame faults a thousand pages in again; on a
 * virtual machine that cost 10 to 20 ms a frame, more than the drawing
 * (bench-canvas: pan p95 35 ms before, 5 ms after). Keeping the freed
 * pages costs at most WM_ALLOC_TRIM_ABOVE of resident memory.
 */

#include "config.h"

/* Any C library header defines __GLIBC__ on glibc. */
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "wm-alloc.h"

gboolean
wm_alloc_keep_freed_memory (void)
{
#ifdef __GLIBC__
  /* Setting the threshold also turns off glibc's own adjustment of it. */
  return mallopt (M_MMAP_THRESHOLD, WM_ALLOC_KEEP_BELOW) == 1
         && mallopt (M_TRIM_THRESHOLD, WM_ALLOC_TRIM_ABOVE) == 1;
#else
  return FALSE;
#endif
}
