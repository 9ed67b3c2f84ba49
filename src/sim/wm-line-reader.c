/* wm-line-reader.c - a file's lines, read in large blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buffer holds one 4 MiB block and grows only while a single line is
 * longer than that, up to WM_PROFILE_LINE_MAX; a longer line is skipped up
 * to its newline without being kept. Lines are handed out in place: the LF
 * is overwritten by a NUL, so the common case copies nothing.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-page-cache.h"
#include "wm-profile-reader.h"

#define BLOCK_SIZE (4 * 1024 * 1024)
#define SMALL_BLOCK_SIZE 4096

struct _WmLineReader
{
  int      fd;
  gboolean owns_fd;
  char    *name;
  char    *buf;
  gsize    cap;       /* allocated bytes, one more kept for a NUL */
  gsize    pos;       /* start of unread data */
  gsize    end;       /* end of data */
  gboolean eof;
  gboolean started;   /* the BOM check is done */
  guint64  line;      /* number of the last line handed out */
  guint64  offset;    /* file bytes before buf[pos] */
  WmDropBehind drop;  /* a large file not in memory is left out of it */
};

WmLineReader *
wm_line_reader_new_fd (int         fd,
                       const char *display_name)
{
  WmLineReader *reader = g_new0 (WmLineReader, 1);
  struct stat st;

  reader->fd = fd;
  reader->name = g_strdup (display_name != NULL ? display_name : "input");
  reader->cap = BLOCK_SIZE;
  /* A small file gets a buffer its size (one byte more, so the first read
   * takes it all): 4 MiB a file is costly for the many small files of tests,
   * fuzzing and the app's previews. The buffer still grows for long lines. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size < BLOCK_SIZE)
    reader->cap = MAX ((gsize) st.st_size + 1, SMALL_BLOCK_SIZE);
  reader->buf = g_malloc (reader->cap + 1);
  wm_drop_behind_init_read (&reader->drop, fd);
  return reader;
}

WmLineReader *
wm_line_reader_open (const char  *path,
                     GError     **error)
{
  WmLineReader *reader;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "Cannot open %s: %s", display, g_strerror (saved));
      return NULL;
    }
  reader = wm_line_reader_new_fd (fd, NULL);
  g_free (reader->name);
  reader->name = g_filename_display_name (path);
  reader->owns_fd = TRUE;
  return reader;
}

void
wm_line_reader_free (WmLineReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->owns_fd)
    close (reader->fd);
  g_free (reader->name);
  g_free (reader->buf);
  g_free (reader);
}

guint64
wm_line_reader_get_offset (WmLineReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->offset;
}

/* Moves unread data to the front and reads more after it. FALSE on error;
 * sets eof at the end of the file. */
static gboolean
refill (WmLineReader  *reader,
        GError       **error)
{
  gsize keep = reader->end - reader->pos;

  if (reader->pos > 0)
    {
      memmove (reader->buf, reader->buf + reader->pos, keep);
      reader->pos = 0;
      reader->end = keep;
    }
  if (reader->end == reader->cap)
    {
      /* One line fills the buffer: grow it. The caller stops at a line of
       * more than WM_PROFILE_LINE_MAX bytes, so one byte over the limit is
       * all it ever needs to see. */
      reader->cap = MIN (reader->cap * 2, (gsize) WM_PROFILE_LINE_MAX + 1);
      reader->buf = g_realloc (reader->buf, reader->cap + 1);
    }
  while (reader->end < reader->cap)
    {
      gssize n = read (reader->fd, reader->buf + reader->end,
                       reader->cap - reader->end);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Cannot read %s: %s", reader->name, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        {
          reader->eof = TRUE;
          break;
        }
      reader->end += n;
      wm_drop_behind_advance (&reader->drop, n);
      /* One read per refill is enough unless nothing came. */
      break;
    }
  return TRUE;
}

/* Skips to just after the next LF (or the end of the file), keeping only
 * one block at a time. */
static gboolean
skip_line (WmLineReader  *reader,
           GError       **error)
{
  for (;;)
    {
      char *nl = memchr (reader->buf + reader->pos, '\n', reader->end - reader->pos);

      if (nl != NULL)
        {
          gsize next = nl - reader->buf + 1;

          reader->offset += next - reader->pos;
          reader->pos = next;
          return TRUE;
        }
      reader->offset += reader->end - reader->pos;
      reader->pos = reader->end = 0;
      if (reader->eof)
        return TRUE;
      if (!refill (reader, error))
        return FALSE;
      if (reader->eof && reader->end == 0)
        return TRUE;
    }
}

static gboolean
is_blank (const char *p,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
      return FALSE;
  return TRUE;
}

gboolean
wm_line_reader_next (WmLineReader  *reader,
                     WmLine        *line,
                     GError       **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  for (;;)
    {
      gsize scanned = 0;  /* bytes after pos already known to hold no LF */
      char *nl = NULL;

      if (!reader->started)
        {
          while (reader->end - reader->pos < 3 && !reader->eof)
            if (!refill (reader, error))
              return FALSE;
          if (reader->end - reader->pos >= 3
              && memcmp (reader->buf + reader->pos, "\xEF\xBB\xBF", 3) == 0)
            {
              reader->pos += 3;
              reader->offset += 3;
            }
          reader->started = TRUE;
        }

      for (;;)
        {
          nl = memchr (reader->buf + reader->pos + scanned, '\n',
                       reader->end - reader->pos - scanned);
          if (nl != NULL || reader->eof)
            break;
          scanned = reader->end - reader->pos;
          if (scanned > WM_PROFILE_LINE_MAX)
            break;
          if (!refill (reader, error))
            return FALSE;
        }

      if (nl == NULL && !reader->eof)
        {
          /* Longer than the limit: skip to the next newline. */
          reader->line++;
          if (!skip_line (reader, error))
            return FALSE;
          line->data = "";
          line->len = 0;
          line->number = reader->line;
          line->too_long = TRUE;
          return TRUE;
        }
      if (nl == NULL && reader->pos == reader->end)
        return FALSE;  /* end of file */

      {
        char *start = reader->buf + reader->pos;
        gsize len = (nl != NULL ? nl : reader->buf + reader->end) - start;
        gsize consumed = len + (nl != NULL ? 1 : 0);

        /* The buffer has one spare byte, so even the last line without a
         * LF can be terminated in place. */
        start[len] = '\0';
        reader->pos += consumed;
        reader->offset += consumed;
        reader->line++;
        if (is_blank (start, len))
          continue;
        line->data = start;
        line->len = len;
        line->number = reader->line;
        line->too_long = len > WM_PROFILE_LINE_MAX;
        if (line->too_long)
          {
            line->data = "";
            line->len = 0;
          }
        return TRUE;
      }
    }
}

/* Batches */

WmLineBatch *
wm_line_batch_new (void)
{
  return g_new0 (WmLineBatch, 1);
}

void
wm_line_batch_free (WmLineBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->lines);
  g_free (batch->buf);
  g_free (batch);
}

gboolean
wm_line_reader_fill_batch (WmLineReader  *reader,
                           WmLineBatch   *batch,
                           guint          max_lines,
                           gsize          max_bytes,
                           GError       **error)
{
  WmLine line;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (max_lines > 0, FALSE);

  batch->n_lines = 0;
  batch->buf_len = 0;
  while (batch->n_lines < max_lines
         && (batch->n_lines == 0 || batch->buf_len < max_bytes))
    {
      GError *local_error = NULL;

      if (!wm_line_reader_next (reader, &line, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          break;
        }
      if (batch->n_lines == batch->lines_cap)
        {
          batch->lines_cap = MAX (64, batch->lines_cap * 2);
          batch->lines = g_renew (WmLine, batch->lines, batch->lines_cap);
        }
      if (batch->buf_len + line.len + 1 > batch->buf_cap)
        {
          batch->buf_cap = MAX (batch->buf_cap * 2, batch->buf_len + line.len + 1);
          batch->buf_cap = MAX (batch->buf_cap, 65536);
          batch->buf = g_realloc (batch->buf, batch->buf_cap);
        }
      memcpy (batch->buf + batch->buf_len, line.data, line.len + 1);
      line.data = GSIZE_TO_POINTER (batch->buf_len);  /* fixed up below */
      batch->lines[batch->n_lines++] = line;
      batch->buf_len += line.len + 1;
    }
  for (guint i = 0; i < batch->n_lines; i++)
    batch->lines[i].data = batch->buf + GPOINTER_TO_SIZE (batch->lines[i].data);
  return batch->n_lines > 0;
}
