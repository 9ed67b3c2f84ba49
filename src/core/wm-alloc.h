/* wm-alloc.h - how the app asks the C library to keep freed memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Freed blocks of up to WM_ALLOC_KEEP_BELOW bytes are kept for reuse (up
 * to WM_ALLOC_TRIM_ABOVE free at the heap's top) instead of being handed
 * back to the system and asked for again. Returns FALSE where the C
 * library has no such settings (then nothing changes). */
#define WM_ALLOC_KEEP_BELOW (32 << 20)
#define WM_ALLOC_TRIM_ABOVE (64 << 20)

gboolean wm_alloc_keep_freed_memory (void);

G_END_DECLS
