/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-partial.c - libFuzzer target for reading and merging partial results
 *
 * A partial result comes from another machine (simulation.md, Splitting a
 * run), so `waymark-cli merge` must survive any file. The input is a whole
 * partial, written to a file in a temporary folder (a real file: the
 * "given twice" check compares real paths, which a memfd has not).
 * Whatever the input, wm_sim_merge() either
 *  - refuses it with a UTF-8 message that names the file, or
 *  - merges it into a report, and merging it again writes the very same
 *    report text (the merge is deterministic);
 * and the same file given twice is always refused.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wm-sim-partial.h"
#include "wm-sim-report.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* In memory where there is a tmpfs: on a disk the writes and the sync of
   * each input were 40% of the time. */
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "waymark-fuzz-partial-XXXXXX", NULL);
  g_autofree char *folder = g_mkdtemp (g_steal_pointer (&template));

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  if (folder == NULL)
    abort ();
  input_path = g_build_filename (folder, "part-0000.partial", NULL);
  return 0;
}

static char *
merge_text (const char  *path,
            GError     **error)
{
  const char *paths[] = { path, NULL };
  g_autoptr(WmSimMerge) merge = wm_sim_merge (paths, error);

  if (merge == NULL)
    return NULL;
  if (merge->report == NULL)
    abort ();
  return wm_sim_report_to_text (merge->report);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;

  /* No sync: the file only has to be there for this process. */
  if (!g_file_set_contents_full (input_path, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0600,
                                 NULL))
    abort ();

  first = merge_text (input_path, &error);
  if (first == NULL)
    {
      if (error == NULL || error->message[0] == '\0'
          || !g_utf8_validate (error->message, -1, NULL)
          || strstr (error->message, input_path) == NULL)
        abort ();
    }
  else
    {
      g_autoptr(GError) again_error = NULL;
      g_autofree char *again = merge_text (input_path, &again_error);
      const char *twice[] = { input_path, input_path, NULL };
      g_autoptr(GError) twice_error = NULL;
      g_autoptr(WmSimMerge) both = NULL;

      if (error != NULL || !g_utf8_validate (first, -1, NULL)
          || again == NULL || strcmp (first, again) != 0)
        abort ();
      both = wm_sim_merge (twice, &twice_error);
      if (both != NULL || twice_error == NULL)
        abort ();
    }

  return 0;
}
