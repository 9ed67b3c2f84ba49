/* wm-profile-reader.h - streaming JSON Lines profile reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulation.md, Profiles. Profile files are streamed, never held whole:
 * memory grows with the number of ids (to reject duplicates), not with
 * events. Reading is split in three parts so the engine can parse on worker
 * threads and still commit lines in file order (DESIGN.md, "The simulator's
 * hot path"):
 *
 *  (a) WmLineReader (one thread): reads the file in 4 MiB blocks and yields
 *      its non-blank lines with their 1-based line numbers, one at a time or
 *      in batches (WmLineBatch) that can be handed to a worker.
 *  (b) WmProfileParser (one per worker): a pure function of one line's bytes
 *      to a WmProfile or a rejection reason. It does not know other lines,
 *      so it does not reject duplicate ids.
 *  (c) WmIdSet (the committing thread): ids are committed in file order;
 *      a parsed profile whose id is already in the set is rejected with
 *      WM_PROFILE_REASON_DUPLICATE_ID. Only accepted lines reserve an id.
 *
 * A threaded engine therefore does:
 *
 *   reader thread:  while (wm_line_reader_fill_batch (r, batch, ...)) queue it
 *   worker:         for each line of a batch:
 *                     profile = wm_profile_parser_parse (p, l->data, l->len,
 *                                                        l->too_long, &reason)
 *   committer, in batch and line order:
 *                   if profile && !wm_id_set_add (ids, id, len) -> rejected
 *                   "line N: duplicate id"; else simulate / count the reason
 *
 * WmProfileReader does (a)-(c) in one thread behind a pull API, and also
 * reads CSV files (by their .csv name), for the CLI, tests and small runs.
 *
 * Rejection reasons are short English phrases without the line number; the
 * CLI prints "line N: REASON" for the first 100 and then a count. They start
 * with "bad JSON: " for lines that are not JSON, otherwise they name the
 * field: "not an object", "missing id", "id must be a string",
 * "id must not be empty", "id longer than 128 bytes", "duplicate id",
 * "attributes must be an object", "events must be an array",
 * "events[2] must be an object", "events[2].name must be a non-empty string",
 * "events[2].at must be a timestamp", "bad timestamp in events[2].at",
 * "events[2].properties must be an object". CSV rows give their reason code
 * ("bad-csv", "cell-count", ...).
 */
#pragma once

#include <glib.h>

#include "wm-profile.h"

G_BEGIN_DECLS

/* simulation.md: a line longer than this is rejected without being held. */
#define WM_PROFILE_LINE_MAX (64 * 1024 * 1024)
#define WM_PROFILE_DUPLICATE_ID_REASON "duplicate id"

/* (a) Lines */

typedef struct
{
  const char *data;      /* the line without its LF, followed by a NUL */
  gsize       len;
  guint64     number;    /* 1-based line number in the file */
  gboolean    too_long;  /* longer than WM_PROFILE_LINE_MAX: data is "" */
} WmLine;

typedef struct _WmLineReader WmLineReader;

WmLineReader *wm_line_reader_open       (const char    *path,
                                         GError       **error);
/* Reads from an open file descriptor (not closed by the reader). */
WmLineReader *wm_line_reader_new_fd     (int            fd,
                                         const char    *display_name);
void          wm_line_reader_free       (WmLineReader  *reader);

/* The next line that is not blank (blank: only spaces, tabs and CRs). A
 * UTF-8 byte order mark at the start of the file is skipped. Line data stays
 * valid until the next call. Returns FALSE at the end of the file, or on a
 * read error (then @error is set). */
gboolean      wm_line_reader_next       (WmLineReader  *reader,
                                         WmLine        *line,
                                         GError       **error);

/* Bytes of the file consumed so far (for progress). */
guint64       wm_line_reader_get_offset (WmLineReader  *reader);

/* A batch of lines copied out of the reader, to hand to another thread.
 * lines[i].data points into the batch. */
typedef struct
{
  WmLine *lines;
  guint   n_lines;
  /* private */
  guint   lines_cap;
  char   *buf;
  gsize   buf_len;
  gsize   buf_cap;
} WmLineBatch;

WmLineBatch  *wm_line_batch_new         (void);
void          wm_line_batch_free        (WmLineBatch   *batch);

/* Empties @batch and fills it with up to @max_lines lines, stopping early
 * once @max_bytes bytes are in it (at least one line is always taken).
 * Returns FALSE when no line was left (end of file) or on error. */
gboolean      wm_line_reader_fill_batch (WmLineReader  *reader,
                                         WmLineBatch   *batch,
                                         guint          max_lines,
                                         gsize          max_bytes,
                                         GError       **error);

/* (b) Parsing one line */

typedef struct _WmProfileParser WmProfileParser;

WmProfileParser *wm_profile_parser_new  (void);
void          wm_profile_parser_free    (WmProfileParser *parser);

/* Parses one line (the JSON rules of flow files: UTF-8, no duplicate key,
 * no lone surrogate or U+0000, depth at most 64 with the line's object at
 * level 1, numbers that overflow a double and NaN/Infinity are bad JSON)
 * into a new profile whose line number is @line_number. On rejection
 * returns NULL and sets *@reason to a newly allocated reason. @too_long is
 * WmLine.too_long (the line is rejected as bad JSON). Reentrant: one parser
 * per thread. */
WmProfile    *wm_profile_parser_parse   (WmProfileParser *parser,
                                         const char      *data,
                                         gsize            len,
                                         gboolean         too_long,
                                         guint64          line_number,
                                         char           **reason);

/* (c) Ids committed in file order */

typedef struct _WmIdSet WmIdSet;

WmIdSet      *wm_id_set_new             (void);
void          wm_id_set_free            (WmIdSet       *set);
/* Adds @id; FALSE when it was already there (a duplicate). */
gboolean      wm_id_set_add             (WmIdSet       *set,
                                         const char    *id,
                                         gsize          len);
gboolean      wm_id_set_contains        (WmIdSet       *set,
                                         const char    *id,
                                         gsize          len);
guint         wm_id_set_get_size        (WmIdSet       *set);

/* All in one: a pull reader for JSON Lines or CSV */

typedef enum
{
  WM_PROFILE_READ_END,       /* no more lines */
  WM_PROFILE_READ_PROFILE,   /* *profile is a new accepted profile */
  WM_PROFILE_READ_REJECTED,  /* *line and *reason tell a rejected line */
  WM_PROFILE_READ_ERROR,     /* reading failed: @error is set */
} WmProfileReadResult;

typedef struct _WmProfileReader WmProfileReader;

/* Opens @path: CSV when its name ends in ".csv" (any case), else JSON
 * Lines. A CSV file without a proper header row is refused here (the CLI
 * exits 2); so is an unreadable file. */
WmProfileReader *wm_profile_reader_open (const char       *path,
                                         GError          **error);
void          wm_profile_reader_free    (WmProfileReader  *reader);

/* The next accepted profile or rejected line, in file order. @reason stays
 * valid until the next call. */
WmProfileReadResult wm_profile_reader_next (WmProfileReader  *reader,
                                            WmProfile       **profile,
                                            guint64          *line,
                                            const char      **reason,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmLineReader, wm_line_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmLineBatch, wm_line_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmProfileParser, wm_profile_parser_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmIdSet, wm_id_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmProfileReader, wm_profile_reader_free)

G_END_DECLS
