/* wm-split.c - cutting a profile file into parts by profile id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Splitting a run: every line goes to the part given by a
 * stable 64-bit hash of its profile id modulo N, keeping the lines' relative
 * order, so all lines of one id land in one part; a line whose id cannot be
 * read goes to part 0. The file is streamed (memory stays flat but for the
 * CSV reader's id set) and the parts are written under temporary names and
 * renamed at the end, so a failure leaves no part under a final name. The
 * parts are for other processes or machines: they are dropped from the page
 * cache once on the disk (wm-page-cache.c).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-csv-reader.h"
#include "wm-draw.h"
#include "wm-json.h"
#include "wm-page-cache.h"
#include "wm-profile-reader.h"
#include "wm-sim-program.h"
#include "wm-split.h"

/* Writing the parts is most of a split's time, and nearly all of it is the
 * kernel's: copying the lines into the page cache, allocating its pages.
 * So the lines are routed into per-part buffers on the calling thread and
 * the full buffers are written by writer threads (part i by writer i mod
 * W), which spreads that kernel time over the machine's cores. Each part
 * has two buffers: one being filled while the other is written, so memory
 * stays flat and a part's writes stay in order. */
#define PARTS_BUFFER_TOTAL (32 * 1024 * 1024)
#define MAX_WRITERS 4

typedef struct _Parts Parts;

typedef struct
{
  int     fd;
  char   *buffers[2];
  gsize   fill;          /* of buffers[current] */
  guint   current;
  guint   in_flight;     /* buffers queued or being written; under the lock */
  WmDropBehind drop;     /* the writer's: parts are written for others to read */
} Part;

typedef struct
{
  guint   part;          /* G_MAXUINT: stop */
  char   *data;
  gsize   len;
  gboolean owned;        /* a line longer than a buffer, freed once written */
} Block;

typedef struct
{
  Parts       *parts;
  GAsyncQueue *queue;    /* of Block */
  GThread     *thread;
} Writer;

struct _Parts
{
  guint    n;
  gsize    buffer_size;
  char   **finals;
  char   **temps;
  Part    *part;
  guint    n_writers;
  Writer  *writers;
  GMutex   lock;
  GCond    written;      /* a part's in_flight went down */
  GError  *write_error;  /* the first failed write; under the lock */
};

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static gpointer
writer_run (gpointer user_data)
{
  Writer *writer = user_data;
  Parts *parts = writer->parts;

  for (;;)
    {
      Block *block = g_async_queue_pop (writer->queue);
      gboolean failed;

      if (block->part == G_MAXUINT)
        {
          g_free (block);
          return NULL;
        }
      g_mutex_lock (&parts->lock);
      failed = parts->write_error != NULL;
      g_mutex_unlock (&parts->lock);
      if (!failed && write_all (parts->part[block->part].fd, block->data, block->len))
        wm_drop_behind_advance (&parts->part[block->part].drop, block->len);
      else if (!failed)
        {
          int saved = errno;

          g_mutex_lock (&parts->lock);
          if (parts->write_error == NULL)
            g_set_error (&parts->write_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                         "%s: cannot write: %s", parts->finals[block->part], g_strerror (saved));
          g_mutex_unlock (&parts->lock);
        }
      if (block->owned)
        g_free (block->data);
      g_mutex_lock (&parts->lock);
      parts->part[block->part].in_flight--;
      g_cond_broadcast (&parts->written);
      g_mutex_unlock (&parts->lock);
      g_free (block);
    }
}

/* Waits until @part has no buffer queued, then queues @data; FALSE (with
 * the writers' error) once any write failed. */
static gboolean
submit (Parts       *parts,
        guint        part,
        char        *data,
        gsize        len,
        gboolean     owned,
        GError     **error)
{
  Part *p = &parts->part[part];
  Block *block;

  g_mutex_lock (&parts->lock);
  while (p->in_flight > 0 && parts->write_error == NULL)
    g_cond_wait (&parts->written, &parts->lock);
  if (parts->write_error != NULL)
    {
      g_propagate_error (error, g_error_copy (parts->write_error));
      g_mutex_unlock (&parts->lock);
      if (owned)
        g_free (data);
      return FALSE;
    }
  p->in_flight++;
  g_mutex_unlock (&parts->lock);

  block = g_new (Block, 1);
  *block = (Block) { part, data, len, owned };
  g_async_queue_push (parts->writers[part % parts->n_writers].queue, block);
  return TRUE;
}

/* Queues what @part's current buffer holds and switches to its other one. */
static gboolean
part_flush (Parts       *parts,
            guint        part,
            GError     **error)
{
  Part *p = &parts->part[part];

  if (p->fill == 0)
    return TRUE;
  if (!submit (parts, part, p->buffers[p->current], p->fill, FALSE, error))
    return FALSE;
  p->current ^= 1;
  p->fill = 0;
  if (p->buffers[p->current] == NULL)
    p->buffers[p->current] = g_malloc (parts->buffer_size);
  return TRUE;
}

/* Stops the writers once they have written everything queued. */
static void
writers_join (Parts *parts)
{
  for (guint w = 0; parts->writers != NULL && w < parts->n_writers; w++)
    {
      Block *stop;

      if (parts->writers[w].thread == NULL)
        continue;
      stop = g_new0 (Block, 1);
      stop->part = G_MAXUINT;
      g_async_queue_push (parts->writers[w].queue, stop);
      g_thread_join (parts->writers[w].thread);
      parts->writers[w].thread = NULL;
    }
}

static void
parts_clear (Parts *parts)
{
  writers_join (parts);
  for (guint w = 0; parts->writers != NULL && w < parts->n_writers; w++)
    g_async_queue_unref (parts->writers[w].queue);
  g_free (parts->writers);
  for (guint i = 0; parts->part != NULL && i < parts->n; i++)
    {
      if (parts->part[i].fd >= 0)
        close (parts->part[i].fd);
      g_free (parts->part[i].buffers[0]);
      g_free (parts->part[i].buffers[1]);
    }
  for (guint i = 0; parts->temps != NULL && i < parts->n; i++)
    if (parts->temps[i] != NULL)
      g_unlink (parts->temps[i]);
  g_free (parts->part);
  g_strfreev (parts->finals);
  g_strfreev (parts->temps);
  g_clear_error (&parts->write_error);
  g_mutex_clear (&parts->lock);
  g_cond_clear (&parts->written);
  memset (parts, 0, sizeof *parts);
}

static gboolean
parts_open (Parts      *parts,
            guint       n,
            const char *dir,
            const char *suffix,
            GError    **error)
{
  struct rlimit limit;

  /* One open file a part: raise the soft limit as far as allowed. */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }

  g_mutex_init (&parts->lock);
  g_cond_init (&parts->written);
  parts->n = n;
  parts->buffer_size = CLAMP (PARTS_BUFFER_TOTAL / n, 32 * 1024, 1024 * 1024);
  parts->finals = g_new0 (char *, n + 1);
  parts->temps = g_new0 (char *, n + 1);
  parts->part = g_new0 (Part, n);
  for (guint i = 0; i < n; i++)
    parts->part[i].fd = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("part-%04u%s", i, suffix);
      g_autofree char *temp_name = g_strdup_printf (".part-%04u%s.XXXXXX", i, suffix);
      int fd;

      parts->finals[i] = g_build_filename (dir, name, NULL);
      parts->temps[i] = g_build_filename (dir, temp_name, NULL);
      fd = g_mkstemp_full (parts->temps[i], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: cannot write a part there: %s", dir, g_strerror (saved));
          g_clear_pointer (&parts->temps[i], g_free);
          return FALSE;
        }
      parts->part[i].fd = fd;
      wm_drop_behind_init_write (&parts->part[i].drop, fd);
      parts->part[i].buffers[0] = g_malloc (parts->buffer_size);
    }

  /* One writer a core (the calling thread reads and routes), at most one a
   * part. */
  parts->n_writers = MIN (n, (guint) CLAMP (g_get_num_processors (), 1, MAX_WRITERS));
  parts->writers = g_new0 (Writer, parts->n_writers);
  for (guint w = 0; w < parts->n_writers; w++)
    {
      parts->writers[w].parts = parts;
      parts->writers[w].queue = g_async_queue_new ();
      parts->writers[w].thread = g_thread_new ("split-writer", writer_run, &parts->writers[w]);
    }
  return TRUE;
}

static gboolean
parts_commit (Parts       *parts,
              GError     **error)
{
  for (guint i = 0; i < parts->n; i++)
    if (!part_flush (parts, i, error))
      return FALSE;
  writers_join (parts);
  if (parts->write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parts->write_error));
      return FALSE;
    }
  for (guint i = 0; i < parts->n; i++)
    {
      int fd = parts->part[i].fd;

      parts->part[i].fd = -1;
      if (close (fd) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: cannot write: %s", parts->finals[i], g_strerror (saved));
          return FALSE;
        }
    }
  for (guint i = 0; i < parts->n; i++)
    {
      if (g_rename (parts->temps[i], parts->finals[i]) != 0)
        {
          int saved = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: cannot write: %s", parts->finals[i], g_strerror (saved));
          return FALSE;
        }
      g_clear_pointer (&parts->temps[i], g_free);
    }
  return TRUE;
}

/* Appends a line and its line feed to @part's buffer; a line longer than a
 * buffer is queued on its own. */
static gboolean
part_write (Parts       *parts,
            guint        part,
            const char  *data,
            gsize        len,
            GError     **error)
{
  Part *p = &parts->part[part];

  if (len + 1 > parts->buffer_size - p->fill && !part_flush (parts, part, error))
    return FALSE;
  if (len + 1 > parts->buffer_size)
    {
      char *copy = g_malloc (len + 1);

      memcpy (copy, data, len);
      copy[len] = '\n';
      return submit (parts, part, copy, len + 1, TRUE, error);
    }
  memcpy (p->buffers[p->current] + p->fill, data, len);
  p->buffers[p->current][p->fill + len] = '\n';
  p->fill += len + 1;
  return TRUE;
}

guint64
wm_split_hash (const char *id,
               gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) id[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  /* The splitmix finaliser spreads ids that differ in one byte. */
  return wm_draw_mix (h);
}

/* Skips a JSON string starting at @p (on its opening quote); NULL when it
 * does not end on this line. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      if (*p == '\\')
        p++;
      else if (*p == '"')
        return p + 1;
    }
  return NULL;
}

/* Skips one JSON value, counting brackets outside strings; NULL when it
 * looks wrong (the strict path then decides). */
static const char *
skip_value (const char *p,
            const char *end)
{
  int depth = 0;

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = skip_string (p, end);
          if (p == NULL)
            return NULL;
          if (depth == 0)
            return p;
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (depth == 0)
            return p;   /* the end of the enclosing object */
          if (--depth == 0)
            return p + 1;
          break;
        case ',':
          if (depth == 0)
            return p;
          break;
        default:
          break;
        }
      p++;
    }
  return NULL;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* The top-level "id" of a line, found without parsing the rest (splitting
 * is then limited by the disk, not the parser). FALSE when the line is not
 * plainly an object with a string id without escapes: the strict path
 * decides then. Which part a line that turns out invalid goes to changes
 * nothing (it is rejected either way, and a rejected line reserves no id). */
static gboolean
scan_id (const char  *data,
         gsize        len,
         const char **id,
         gsize       *id_len)
{
  const char *p = data, *end = data + len;

  p = skip_space (p, end);
  if (p == end || *p != '{')
    return FALSE;
  p++;
  for (;;)
    {
      const char *key, *key_end, *value_end;

      p = skip_space (p, end);
      if (p == end || *p != '"')
        return FALSE;
      key = p + 1;
      key_end = skip_string (p, end);
      if (key_end == NULL)
        return FALSE;
      p = skip_space (key_end, end);
      if (p == end || *p != ':')
        return FALSE;
      p = skip_space (p + 1, end);
      if (key_end - key == 3 && memcmp (key, "id", 2) == 0)
        {
          if (p == end || *p != '"')
            return FALSE;
          value_end = skip_string (p, end);
          if (value_end == NULL || memchr (p + 1, '\\', value_end - p - 2) != NULL)
            return FALSE;
          *id = p + 1;
          *id_len = value_end - p - 2;
          return TRUE;
        }
      p = skip_value (p, end);
      if (p == NULL)
        return FALSE;
      p = skip_space (p, end);
      if (p == end || *p != ',')
        return FALSE;
      p++;
    }
}

/* The id of a line, when it can be read: by a scan of its top level, else
 * from the fast parser, or for a line it rejects (a bad timestamp, say)
 * from a strict parse of the line. */
static gboolean
line_id (WmProfileParser *parser,
         const WmLine    *line,
         guint            parts,
         guint           *part)
{
  g_autofree char *reason = NULL;
  WmProfile *profile;
  gsize len;
  const char *id;

  *part = 0;
  if (line->too_long)
    return FALSE;
  if (scan_id (line->data, line->len, &id, &len))
    {
      *part = wm_split_hash (id, len) % parts;
      return TRUE;
    }
  profile = wm_profile_parser_parse (parser, line->data, line->len, FALSE, line->number, &reason);
  if (profile != NULL)
    {
      id = wm_profile_get_id (profile, &len);
      *part = wm_split_hash (id, len) % parts;
      wm_profile_free (profile);
      return TRUE;
    }
  {
    g_autoptr(JsonNode) root = wm_json_parse (line->data, line->len, 0, NULL, NULL, NULL);
    JsonNode *node;

    if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
        || (node = json_object_get_member (json_node_get_object (root), "id")) == NULL
        || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
      return FALSE;
    id = json_node_get_string (node);
    *part = wm_split_hash (id, strlen (id)) % parts;
    return TRUE;
  }
}

static gboolean
split_jsonl (const char       *path,
             Parts            *parts,
             WmSplitProgress   progress,
             gpointer          data,
             GError          **error)
{
  g_autoptr(WmLineReader) reader = wm_line_reader_open (path, error);
  g_autoptr(WmProfileParser) parser = wm_profile_parser_new ();
  g_autoptr(GError) local_error = NULL;
  guint64 lines = 0;
  WmLine line;

  if (reader == NULL)
    return FALSE;
  while (wm_line_reader_next (reader, &line, &local_error))
    {
      guint part;

      line_id (parser, &line, parts->n, &part);
      if (line.too_long)
        {
          /* The reader did not keep a line over 64 MiB; the part gets a
           * line that is rejected as bad JSON just the same. */
          static const char marker[] = "{\"waymark-split\": \"a line longer than 64 MiB was here\"";

          if (!part_write (parts, 0, marker, strlen (marker), error))
            return FALSE;
        }
      else if (!part_write (parts, part, line.data, line.len, error))
        return FALSE;
      if (progress != NULL && ++lines % 100000 == 0)
        progress (lines, wm_line_reader_get_offset (reader), data);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
append_cell (GString         *out,
             const WmCsvCell *cell)
{
  /* RFC 4180: quoted when it holds a comma, a quote, CR or LF. */
  if (cell->len > 0 && strpbrk (cell->data, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (gsize i = 0; i < cell->len; i++)
        {
          if (cell->data[i] == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, cell->data[i]);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append_len (out, cell->data, cell->len);
}

static gboolean
split_csv (const char       *path,
           Parts            *parts,
           WmSplitProgress   progress,
           gpointer          data,
           GError          **error)
{
  g_autoptr(WmCsvReader) reader = wm_csv_reader_open (path, error);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  const char * const *columns;
  guint n_columns, id_column;
  guint64 rows = 0;
  WmCsvRow row;

  if (reader == NULL)
    return FALSE;
  columns = wm_csv_reader_get_columns (reader, &n_columns);
  id_column = wm_csv_reader_get_id_column (reader);

  /* The header row in every part. */
  for (guint c = 0; c < n_columns; c++)
    {
      WmCsvCell cell = { columns[c], strlen (columns[c]) };

      if (c > 0)
        g_string_append_c (line, ',');
      append_cell (line, &cell);
    }
  for (guint i = 0; i < parts->n; i++)
    if (!part_write (parts, i, line->str, line->len, error))
      return FALSE;

  while (wm_csv_reader_next (reader, &row, &local_error))
    {
      guint part = 0;

      g_string_truncate (line, 0);
      if (row.reason == WM_CSV_BAD_CSV)
        /* The record's text is not kept; a quote inside an unquoted field
         * is bad CSV just the same, and reading resumes on the next line. */
        g_string_append (line, "x\"");
      else
        {
          for (guint c = 0; c < row.n_cells; c++)
            {
              if (c > 0)
                g_string_append_c (line, ',');
              append_cell (line, &row.cells[c]);
            }
          if (row.reason != WM_CSV_CELL_COUNT && id_column < row.n_cells && row.cells[id_column].len > 0)
            part = wm_split_hash (row.cells[id_column].data, row.cells[id_column].len) % parts->n;
        }
      if (!part_write (parts, part, line->str, line->len, error))
        return FALSE;
      if (progress != NULL && ++rows % 100000 == 0)
        progress (rows, 0, data);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
wm_split_profiles (const char       *path,
                   guint             n_parts,
                   const char       *dir,
                   WmSplitProgress   progress,
                   gpointer          data,
                   GError          **error)
{
  gboolean csv = g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV");
  Parts parts = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL && dir != NULL, FALSE);

  if (n_parts < 1 || n_parts > WM_SPLIT_MAX_PARTS)
    {
      g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                   "--parts must be from 1 to %u", WM_SPLIT_MAX_PARTS);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE,
                   "--out %s: no such folder; create it first", dir);
      return FALSE;
    }

  ok = parts_open (&parts, n_parts, dir, csv ? ".csv" : ".jsonl", error)
       && (csv ? split_csv (path, &parts, progress, data, error)
               : split_jsonl (path, &parts, progress, data, error))
       && parts_commit (&parts, error);
  parts_clear (&parts);
  return ok;
}
