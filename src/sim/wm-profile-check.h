/* wm-profile-check.h - is this file worth simulating?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a run starts, the app refuses a profile file that cannot work,
 * with a message that says what to do, instead of a run in which every
 * line is rejected: a missing or unreadable file, a folder, a binary file,
 * or (for a name not ending in .csv, read as JSON Lines) one whose first
 * line is not a JSON object. What a CSV header lacks the reader says
 * when the run starts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FALSE with a G_FILE_ERROR whose message names the file. */
gboolean wm_profiles_check_file (const char  *path,
                                 GError     **error);

G_END_DECLS
