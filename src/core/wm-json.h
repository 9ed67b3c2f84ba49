/* wm-json.h - strict JSON reader and canonical writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib is the tree (JsonNode, JsonObject, JsonArray), but its parser
 * accepts duplicate keys, reads 1e400 as infinity, wraps large integers and
 * has no depth limit, and its generator does not write the canonical form of
 * flow-format.md. So Waymark reads with this strict reader and writes with
 * this writer.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_JSON_ERROR (wm_json_error_quark ())

typedef enum
{
  WM_JSON_ERROR_SYNTAX,         /* not JSON */
  WM_JSON_ERROR_ENCODING,       /* invalid UTF-8, lone surrogate, U+0000 */
  WM_JSON_ERROR_DUPLICATE_KEY,
  WM_JSON_ERROR_NUMBER_RANGE,   /* a number that does not fit a double */
  WM_JSON_ERROR_DEPTH,          /* nesting deeper than the limit */
  WM_JSON_ERROR_TOO_LARGE,      /* document larger than the limit */
} WmJsonError;

/* flow-format.md, Loading: the document object is level 1. */
#define WM_JSON_MAX_DEPTH 64
#define WM_JSON_MAX_SIZE  (64 * 1024 * 1024)

GQuark    wm_json_error_quark      (void);

/* Parses @data (@length bytes; -1 for NUL-terminated) strictly:
 *  - a leading UTF-8 byte order mark is skipped;
 *  - UTF-8 only, no U+0000 in strings or keys, no lone surrogate escapes;
 *  - no duplicate key in an object;
 *  - every number becomes a G_TYPE_DOUBLE value node (1.0 and 1 are the
 *    same); a number that overflows a double is an error, an underflow reads
 *    as the nearest double;
 *  - nesting deeper than @max_depth (0: WM_JSON_MAX_DEPTH) is an error;
 *  - more than WM_JSON_MAX_SIZE bytes is an error.
 * Object members keep the order they were read in.
 * Error messages begin with "line L, column C: " (1-based; the column counts
 * Unicode code points) and say what is wrong, e.g.
 * "line 3, column 14: duplicate key 'name'".
 * The position of the error is also stored in @error_line / @error_column
 * when they are not NULL. Returns a new node or NULL. */
JsonNode *wm_json_parse            (const char  *data,
                                    gssize       length,
                                    guint        max_depth,
                                    guint       *error_line,
                                    guint       *error_column,
                                    GError     **error);

/* Reads and parses a whole file (refusing files over WM_JSON_MAX_SIZE before
 * reading them). Errors from reading keep their GFileError domain. */
JsonNode *wm_json_parse_file       (const char  *path,
                                    GError     **error);

/* The canonical multi-line form of flow-format.md (two-space indent, scalar
 * arrays on one line, final newline), members in the order the objects hold
 * them. Returns a newly allocated NUL-terminated string. */
char     *wm_json_to_canonical     (JsonNode    *node,
                                    gsize       *length);

/* Appends the compact form (no white space at all) of @node, with the same
 * string and number rules as the canonical form. */
void      wm_json_append_compact   (GString     *out,
                                    JsonNode    *node);

/* Appends @str (NUL-terminated UTF-8) as a quoted JSON string, escaped as
 * flow-format.md's canonical form says. */
void      wm_json_append_string    (GString     *out,
                                    const char  *str);

/* Appends a number as flow-format.md says: an integral value with absolute
 * value below 1e15 as its digits (-0 is 0), any other as the shortest
 * "%.Ng" (N = 1..17) that reads back as the same double. @value must be
 * finite. */
void      wm_json_append_number    (GString     *out,
                                    double       value);

/* The same number rule into @buf (at least 32 bytes); returns @buf. */
char     *wm_json_format_number    (double       value,
                                    char        *buf);

/* A deep copy of @node: json_node_copy() shares objects, arrays and values
 * with the original, so a change to either would show in both. */
JsonNode *wm_json_node_deep_copy   (JsonNode    *node);

G_END_DECLS
