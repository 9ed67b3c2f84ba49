/* wm-page-cache.h - leaving the page cache as a long read or write found it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files under this size are never dropped: cheap to keep, likely read again. */
#define WM_DROP_BEHIND_MIN_SIZE (64 * 1024 * 1024)

typedef struct
{
  int      fd;
  gboolean active;
  gboolean writing;
  guint64  done;      /* bytes read or written so far */
  guint64  dropped;   /* bytes before this are out of the page cache */
} WmDropBehind;

/* For a file read from start to end: active when it is a regular file of
 * at least WM_DROP_BEHIND_MIN_SIZE of which most pages were not in memory
 * when the reading began. */
void     wm_drop_behind_init_read   (WmDropBehind *drop,
                                     int           fd);

/* For a file written once for another process or machine (split's parts):
 * active for a regular file. */
void     wm_drop_behind_init_write  (WmDropBehind *drop,
                                     int           fd);

/* @len more bytes were read or written; drops what is behind once active. */
void     wm_drop_behind_advance     (WmDropBehind *drop,
                                     gsize         len);

/* The share of @fd's pages in memory (0 to 1), from a sample of up to 256
 * pages; 1 when it cannot be told. */
double   wm_page_cache_resident     (int           fd);

G_END_DECLS
