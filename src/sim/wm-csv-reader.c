/* wm-csv-reader.c - streaming CSV profile reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-csv-reader.h"
#include "wm-page-cache.h"
#include "wm-profile-private.h"
#include "wm-profile-reader.h"

#define BLOCK_SIZE (4 * 1024 * 1024)
#define SMALL_BLOCK_SIZE 4096
#define END_OF_FILE (-1)

typedef enum
{
  RECORD_OK,
  RECORD_EMPTY,
  RECORD_BAD,
  RECORD_EOF,
} RecordStatus;

struct _WmCsvReader
{
  int        fd;
  WmDropBehind drop;       /* a large file not in memory is left out of it */
  char      *name;
  guchar    *buf;
  gsize      cap;
  gsize      pos;
  gsize      end;
  gboolean   eof;
  GError    *io_error;
  guint64    line;         /* line of the next byte */

  /* the current record: cell bytes, each followed by a NUL */
  char      *rec;
  gsize      rec_len;
  gsize      rec_cap;
  gsize      rec_raw;      /* raw bytes of the record read so far */
  gsize     *cell_offs;    /* start of each cell in rec */
  guint      n_cells;
  guint      cells_cap;
  WmCsvCell *cells;

  char     **columns;
  guint      n_columns;
  guint      id_column;
  int        phone_column; /* -1: none */
  int        email_column;

  WmIdSet   *ids;
  WmProfileScratch scratch;
};

G_DEFINE_QUARK (wm-csv-error-quark, wm_csv_error)

static const char * const reason_names[WM_CSV_N_REASONS] = {
  NULL, "bad-csv", "cell-count", "id-missing", "id-too-long", "id-duplicate",
  "no-contact", "phone-invalid", "email-invalid",
};

const char *
wm_csv_reason_to_string (WmCsvReason reason)
{
  g_return_val_if_fail (reason < WM_CSV_N_REASONS, NULL);

  return reason_names[reason];
}

/* Byte source */

/* Makes at least @want bytes available unless the file ends first. */
static void
fill (WmCsvReader *r,
      gsize        want)
{
  if (r->end - r->pos >= want || r->eof || r->io_error != NULL)
    return;
  if (r->pos > 0)
    {
      memmove (r->buf, r->buf + r->pos, r->end - r->pos);
      r->end -= r->pos;
      r->pos = 0;
    }
  while (r->end - r->pos < want && !r->eof)
    {
      gssize n = read (r->fd, r->buf + r->end, r->cap - r->end);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (&r->io_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "Cannot read %s: %s", r->name, g_strerror (saved));
          r->eof = TRUE;
        }
      else if (n == 0)
        r->eof = TRUE;
      else
        {
          r->end += n;
          wm_drop_behind_advance (&r->drop, n);
        }
    }
}

static inline int
peek (WmCsvReader *r)
{
  if (G_UNLIKELY (r->pos == r->end))
    {
      fill (r, 1);
      if (r->pos == r->end)
        return END_OF_FILE;
    }
  return r->buf[r->pos];
}

static inline int
peek_second (WmCsvReader *r)
{
  fill (r, 2);
  if (r->end - r->pos < 2)
    return END_OF_FILE;
  return r->buf[r->pos + 1];
}

static inline void
advance (WmCsvReader *r)
{
  if (r->buf[r->pos] == '\n')
    r->line++;
  r->pos++;
  r->rec_raw++;
}

/* At a line end (LF, CR LF, or a CR that ends the file), consumes it and
 * returns TRUE. A CR followed by anything else is data. */
static gboolean
take_line_end (WmCsvReader *r,
               int          c)
{
  if (c == '\n')
    {
      advance (r);
      return TRUE;
    }
  if (c == '\r')
    {
      int d = peek_second (r);

      if (d == '\n' || d == END_OF_FILE)
        {
          advance (r);
          if (d == '\n')
            advance (r);
          return TRUE;
        }
    }
  return FALSE;
}

/* After an error: the rest is read from the line after this one. */
static void
skip_rest_of_line (WmCsvReader *r)
{
  for (;;)
    {
      guchar *nl;

      if (r->pos == r->end)
        {
          fill (r, 1);
          if (r->pos == r->end)
            return;
        }
      nl = memchr (r->buf + r->pos, '\n', r->end - r->pos);
      if (nl != NULL)
        {
          r->pos = nl - r->buf + 1;
          r->line++;
          return;
        }
      r->pos = r->end;
    }
}

/* Record buffer */

static inline void
rec_put (WmCsvReader *r,
         char         c)
{
  if (G_UNLIKELY (r->rec_len == r->rec_cap))
    {
      r->rec_cap = MAX (4096, r->rec_cap * 2);
      r->rec = g_realloc (r->rec, r->rec_cap);
    }
  r->rec[r->rec_len++] = c;
}

static void
begin_cell (WmCsvReader *r)
{
  if (r->n_cells == r->cells_cap)
    {
      r->cells_cap = MAX (16, r->cells_cap * 2);
      r->cell_offs = g_renew (gsize, r->cell_offs, r->cells_cap);
    }
  r->cell_offs[r->n_cells++] = r->rec_len;
}

/* Copies one non-ASCII character after checking it is valid UTF-8 (no
 * overlong form, no surrogate, nothing above U+10FFFF). */
static gboolean
take_utf8 (WmCsvReader *r,
           int          lead)
{
  guint need;
  guint32 cp;
  guint32 min;

  if (lead >= 0xC2 && lead <= 0xDF)
    need = 1, cp = lead & 0x1F, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF)
    need = 2, cp = lead & 0x0F, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4)
    need = 3, cp = lead & 0x07, min = 0x10000;
  else
    return FALSE;
  rec_put (r, (char) lead);
  advance (r);
  for (guint i = 0; i < need; i++)
    {
      int c = peek (r);

      if (c == END_OF_FILE || (c & 0xC0) != 0x80)
        return FALSE;
      cp = (cp << 6) | (c & 0x3F);
      rec_put (r, (char) c);
      advance (r);
    }
  return cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

static RecordStatus
bad (WmCsvReader *r)
{
  skip_rest_of_line (r);
  return RECORD_BAD;
}

static RecordStatus
read_record (WmCsvReader *r)
{
  int c = peek (r);

  r->rec_len = 0;
  r->rec_raw = 0;
  r->n_cells = 0;

  if (c == END_OF_FILE)
    return RECORD_EOF;
  if (take_line_end (r, c))
    return RECORD_EMPTY;

  for (;;)
    {
      begin_cell (r);
      c = peek (r);
      if (c == '"')
        {
          advance (r);
          for (;;)
            {
              c = peek (r);
              if (c == END_OF_FILE)
                return RECORD_BAD;  /* a quoted field open at the end */
              if (r->rec_raw > WM_CSV_RECORD_MAX)
                return bad (r);
              if (c == '"')
                {
                  advance (r);
                  if (peek (r) != '"')
                    break;
                  rec_put (r, '"');
                  advance (r);
                }
              else if (c >= 0x80)
                {
                  if (!take_utf8 (r, c))
                    return bad (r);
                }
              else if (c == 0)
                return bad (r);
              else
                {
                  rec_put (r, (char) c);
                  advance (r);
                }
            }
          rec_put (r, '\0');
          c = peek (r);
          if (c == ',')
            {
              advance (r);
              continue;
            }
          if (c == END_OF_FILE || take_line_end (r, c))
            return RECORD_OK;
          return bad (r);
        }

      for (;;)
        {
          c = peek (r);
          if (c == ',' || c == END_OF_FILE || c == '\n')
            break;
          if (c == '\r')
            {
              int d = peek_second (r);

              if (d == '\n' || d == END_OF_FILE)
                break;
              /* A CR that does not end the line is data. */
            }
          if (r->rec_raw > WM_CSV_RECORD_MAX || c == '"' || c == 0)
            return bad (r);
          if (c >= 0x80)
            {
              if (!take_utf8 (r, c))
                return bad (r);
              continue;
            }
          rec_put (r, (char) c);
          advance (r);
        }
      rec_put (r, '\0');
      if (c == ',')
        {
          advance (r);
          continue;
        }
      if (c != END_OF_FILE)
        take_line_end (r, c);
      return RECORD_OK;
    }
}

static void
fill_cells (WmCsvReader *r)
{
  r->cells = g_renew (WmCsvCell, r->cells, MAX (r->n_cells, 1));
  for (guint i = 0; i < r->n_cells; i++)
    {
      gsize endoff = i + 1 < r->n_cells ? r->cell_offs[i + 1] : r->rec_len;

      r->cells[i].data = r->rec + r->cell_offs[i];
      r->cells[i].len = endoff - r->cell_offs[i] - 1;  /* minus the NUL */
    }
}

/* Opening: the header row */

static gboolean
read_header (WmCsvReader  *r,
             GError      **error)
{
  RecordStatus status;
  guint64 line;
  g_autoptr(GHashTable) seen = NULL;
  gboolean have_id = FALSE;

  fill (r, 3);
  if (r->end - r->pos >= 3 && memcmp (r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0)
    r->pos += 3;

  do
    {
      line = r->line;
      status = read_record (r);
    }
  while (status == RECORD_EMPTY);

  if (r->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->io_error));
      return FALSE;
    }
  if (status == RECORD_EOF)
    {
      g_set_error (error, WM_CSV_ERROR, WM_CSV_ERROR_NO_HEADER,
                   "%s: no header row (the file is empty)", r->name);
      return FALSE;
    }
  if (status == RECORD_BAD)
    {
      g_set_error (error, WM_CSV_ERROR, WM_CSV_ERROR_BAD_HEADER,
                   "%s: line %" G_GUINT64_FORMAT ": the header row is not valid CSV",
                   r->name, line);
      return FALSE;
    }

  fill_cells (r);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  r->n_columns = r->n_cells;
  r->columns = g_new0 (char *, r->n_cells + 1);
  r->phone_column = r->email_column = -1;
  for (guint i = 0; i < r->n_cells; i++)
    {
      const char *name = r->cells[i].data;

      r->columns[i] = g_strdup (name);
      if (!g_hash_table_add (seen, r->columns[i]))
        {
          g_set_error (error, WM_CSV_ERROR, WM_CSV_ERROR_DUPLICATE_COLUMN,
                       "%s: line %" G_GUINT64_FORMAT ": column “%s” appears twice in the header row",
                       r->name, line, name);
          return FALSE;
        }
      if (strcmp (name, "id") == 0)
        {
          have_id = TRUE;
          r->id_column = i;
        }
      else if (strcmp (name, "phone") == 0)
        r->phone_column = i;
      else if (strcmp (name, "email") == 0)
        r->email_column = i;
    }
  if (!have_id)
    {
      g_set_error (error, WM_CSV_ERROR, WM_CSV_ERROR_NO_ID_COLUMN,
                   "%s: line %" G_GUINT64_FORMAT ": the header row has no “id” column",
                   r->name, line);
      return FALSE;
    }
  return TRUE;
}

WmCsvReader *
wm_csv_reader_open (const char  *path,
                    GError     **error)
{
  g_autoptr(WmCsvReader) r = NULL;
  struct stat st;
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
  r = g_new0 (WmCsvReader, 1);
  r->fd = fd;
  wm_drop_behind_init_read (&r->drop, fd);
  r->name = g_filename_display_name (path);
  r->cap = BLOCK_SIZE;
  /* A small file gets a buffer its size: see wm-line-reader.c. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size < BLOCK_SIZE)
    r->cap = MAX ((gsize) st.st_size + 1, SMALL_BLOCK_SIZE);
  r->buf = g_malloc (r->cap);
  r->line = 1;
  r->ids = wm_id_set_new ();
  if (!read_header (r, error))
    return NULL;
  return g_steal_pointer (&r);
}

void
wm_csv_reader_free (WmCsvReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->fd >= 0)
    close (reader->fd);
  g_free (reader->name);
  g_free (reader->buf);
  g_clear_error (&reader->io_error);
  g_free (reader->rec);
  g_free (reader->cell_offs);
  g_free (reader->cells);
  g_strfreev (reader->columns);
  wm_id_set_free (reader->ids);
  _wm_profile_scratch_clear (&reader->scratch);
  g_free (reader);
}

const char * const *
wm_csv_reader_get_columns (WmCsvReader *reader,
                           guint       *n_columns)
{
  g_return_val_if_fail (reader != NULL, NULL);

  if (n_columns != NULL)
    *n_columns = reader->n_columns;
  return (const char * const *) reader->columns;
}

guint
wm_csv_reader_get_id_column (WmCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->id_column;
}

static WmCsvReason
check_row (WmCsvReader *r)
{
  const WmCsvCell *id;
  gboolean phone, email;

  if (r->n_cells != r->n_columns)
    return WM_CSV_CELL_COUNT;
  id = &r->cells[r->id_column];
  if (id->len == 0)
    return WM_CSV_ID_MISSING;
  if (id->len > WM_PROFILE_ID_MAX)
    return WM_CSV_ID_TOO_LONG;
  if (wm_id_set_contains (r->ids, id->data, id->len))
    return WM_CSV_ID_DUPLICATE;
  phone = r->phone_column >= 0 && r->cells[r->phone_column].len > 0;
  email = r->email_column >= 0 && r->cells[r->email_column].len > 0;
  if (!phone && !email)
    return WM_CSV_NO_CONTACT;
  if (phone && !wm_contact_phone_is_valid (r->cells[r->phone_column].data,
                                           r->cells[r->phone_column].len))
    return WM_CSV_PHONE_INVALID;
  if (email && !wm_contact_email_is_valid (r->cells[r->email_column].data,
                                           r->cells[r->email_column].len))
    return WM_CSV_EMAIL_INVALID;
  /* Only a valid row reserves its id. */
  wm_id_set_add (r->ids, id->data, id->len);
  return WM_CSV_VALID;
}

gboolean
wm_csv_reader_next (WmCsvReader  *reader,
                    WmCsvRow     *row,
                    GError      **error)
{
  RecordStatus status;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  do
    {
      row->line = reader->line;
      status = read_record (reader);
    }
  while (status == RECORD_EMPTY);

  if (reader->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->io_error));
      return FALSE;
    }
  if (status == RECORD_EOF)
    return FALSE;

  row->cells = NULL;
  row->n_cells = 0;
  if (status == RECORD_BAD)
    {
      row->reason = WM_CSV_BAD_CSV;
      return TRUE;
    }
  fill_cells (reader);
  row->cells = reader->cells;
  row->n_cells = reader->n_cells;
  row->reason = check_row (reader);
  return TRUE;
}

WmProfile *
wm_csv_reader_row_to_profile (WmCsvReader    *reader,
                              const WmCsvRow *row)
{
  WmProfileScratch *s;
  guint32 id_off;
  guint count = 0;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (row->reason == WM_CSV_VALID, NULL);

  s = &reader->scratch;
  _wm_profile_scratch_reset (s);
  _wm_profile_scratch_node (s);
  s->nodes[0].kind = WM_NODE_OBJECT;
  id_off = _wm_profile_scratch_string (s, row->cells[reader->id_column].data,
                                       row->cells[reader->id_column].len);
  for (guint i = 0; i < row->n_cells; i++)
    {
      guint node;

      if (i == reader->id_column || row->cells[i].len == 0)
        continue;
      node = _wm_profile_scratch_node (s);
      s->nodes[node].kind = WM_NODE_STRING;
      s->nodes[node].key_len = strlen (reader->columns[i]);
      s->nodes[node].key_off = _wm_profile_scratch_string (s, reader->columns[i],
                                                           s->nodes[node].key_len);
      s->nodes[node].as.str.len = row->cells[i].len;
      s->nodes[node].as.str.off = _wm_profile_scratch_string (s, row->cells[i].data,
                                                              row->cells[i].len);
      count++;
    }
  s->nodes[0].as.count = count;
  s->nodes[0].size = s->n_nodes;
  return _wm_profile_build (s, id_off, row->cells[reader->id_column].len, 0,
                            row->line);
}
