/* bench-read.c - profile reading throughput: our tokenizer and yajl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-read FILE.jsonl [--ours-only]
 *
 * Times, over the same file (read once first so it is in the page cache):
 *  - splitting lines only (WmLineReader, 4 MiB blocks);
 *  - read + parse into WmProfile (our strict tokenizer, timestamps parsed,
 *    events sorted, profile blocks built and freed);
 *  - with yajl (when built with it): read + yajl_tree_parse per line (a
 *    generic tree, no timestamps or profile rules), and read + yajl_parse
 *    with no callbacks (tokenizing and validating only).
 * Prints MB/s and lines/s for each.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "wm-profile-reader.h"

#ifdef HAVE_YAJL
#include <yajl/yajl_parse.h>
#include <yajl/yajl_tree.h>
#endif

typedef enum
{
  MODE_SPLIT,
  MODE_OURS,
  MODE_YAJL_TREE,
  MODE_YAJL_TOKENS,
} Mode;

static void
run (const char *path,
     Mode        mode,
     const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmLineReader) reader = wm_line_reader_open (path, &error);
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  guint64 lines = 0, bad = 0, events = 0;
  gint64 t0, t1;
  double secs, mb;
  WmLine line;

  if (reader == NULL)
    g_error ("%s", error->message);
  t0 = g_get_monotonic_time ();
  while (wm_line_reader_next (reader, &line, &error))
    {
      lines++;
      switch (mode)
        {
        case MODE_SPLIT:
          break;
        case MODE_OURS:
          {
            char *reason = NULL;
            WmProfile *p = wm_profile_parser_parse (parser, line.data, line.len,
                                                    line.too_long, line.number,
                                                    &reason);
            guint n = 0;

            if (p == NULL)
              bad++;
            else
              {
                wm_profile_get_events (p, &n);
                events += n;
              }
            wm_profile_free (p);
            g_free (reason);
            break;
          }
#ifdef HAVE_YAJL
        case MODE_YAJL_TREE:
          {
            char errbuf[128];
            yajl_val v = yajl_tree_parse (line.data, errbuf, sizeof errbuf);

            if (v == NULL)
              bad++;
            yajl_tree_free (v);
            break;
          }
        case MODE_YAJL_TOKENS:
          {
            yajl_handle h = yajl_alloc (NULL, NULL, NULL);

            if (yajl_parse (h, (const unsigned char *) line.data, line.len) != yajl_status_ok
                || yajl_complete_parse (h) != yajl_status_ok)
              bad++;
            yajl_free (h);
            break;
          }
#else
        case MODE_YAJL_TREE:
        case MODE_YAJL_TOKENS:
          return;
#endif
        }
    }
  if (error != NULL)
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  secs = (t1 - t0) / 1e6;
  mb = wm_line_reader_get_offset (reader) / 1e6;
  g_print ("%-34s %8.3f s %9.1f MB/s %11.0f lines/s  (%" G_GUINT64_FORMAT
           " lines, %" G_GUINT64_FORMAT " rejected, %" G_GUINT64_FORMAT " events)\n",
           label, secs, mb / secs, lines / secs, lines, bad, events);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[2], "--ours-only"))
    {
      /* For profiling our parser alone (perf record bench-read FILE --ours-only). */
      run (argv[1], MODE_OURS, "read + parse (WmProfileParser)");
      return 0;
    }
  if (argc != 2)
    {
      g_printerr ("usage: bench-read FILE.jsonl [--ours-only]\n");
      return 2;
    }
  run (argv[1], MODE_SPLIT, "warm-up (split lines)");
  run (argv[1], MODE_SPLIT, "split lines only");
  run (argv[1], MODE_OURS, "read + parse (WmProfileParser)");
#ifdef HAVE_YAJL
  run (argv[1], MODE_YAJL_TREE, "read + yajl_tree_parse");
  run (argv[1], MODE_YAJL_TOKENS, "read + yajl_parse (no callbacks)");
#else
  g_print ("(built without yajl)\n");
#endif
  return 0;
}
