/* wm-split.h - cutting a profile file into parts by profile id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WM_SPLIT_MAX_PARTS 10000

typedef void (*WmSplitProgress) (guint64  lines,
                                 guint64  bytes,
                                 gpointer user_data);

/* The part of a profile id: a stable 64-bit hash (FNV-1a, splitmix
 * finaliser) to take modulo the number of parts. */
guint64  wm_split_hash     (const char       *id,
                            gsize             len);

/* Streams @path (JSON Lines, or CSV for a .csv name) into
 * DIR/part-0000.jsonl (or .csv, each with the header row) ... Usage errors
 * (no such folder, a bad number of parts) are WM_SIM_ERROR_USAGE. */
gboolean wm_split_profiles (const char       *path,
                            guint             n_parts,
                            const char       *dir,
                            WmSplitProgress   progress,
                            gpointer          user_data,
                            GError          **error);

G_END_DECLS
