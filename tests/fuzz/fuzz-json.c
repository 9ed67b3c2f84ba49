/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c - libFuzzer target for the strict reader and canonical writer
 *
 * Whatever the input: the reader either builds a tree or sets an error with
 * a position; a tree written canonically reads back and writes the same
 * bytes again (the writer is a fixed point of read + write), and the compact
 * form reads back to the same tree.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static JsonNode *
must_parse (const char *text,
            gsize       length)
{
  GError *error = NULL;
  JsonNode *node = wm_json_parse (text, length, 0, NULL, NULL, &error);

  if (node == NULL)
    {
      fprintf (stderr, "writer output does not read back: %s\n---\n%.*s\n---\n",
               error->message, (int) length, text);
      abort ();
    }
  return node;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  guint line = 0, column = 0;
  JsonNode *node, *again, *from_compact;
  char *first, *second, *third;
  gsize first_len, second_len, third_len;
  GString *compact;

  node = wm_json_parse ((const char *) data, size, 0, &line, &column, &error);
  if (node == NULL)
    {
      /* Every refusal says where, except a size refusal. */
      if (error == NULL || error->domain != WM_JSON_ERROR)
        abort ();
      if (error->code != WM_JSON_ERROR_TOO_LARGE
          && (line == 0 || column == 0 || !g_str_has_prefix (error->message, "line ")))
        abort ();
      if (!g_utf8_validate (error->message, -1, NULL))
        abort ();
      g_error_free (error);
      return 0;
    }
  if (error != NULL)
    abort ();

  first = wm_json_to_canonical (node, &first_len);
  if (strlen (first) != first_len || first_len == 0 || first[first_len - 1] != '\n')
    abort ();

  again = must_parse (first, first_len);
  second = wm_json_to_canonical (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    {
      fprintf (stderr, "canonical form is not stable\n---\n%s---\n%s---\n", first, second);
      abort ();
    }

  compact = g_string_new (NULL);
  wm_json_append_compact (compact, node);
  if (memchr (compact->str, '\n', compact->len) != NULL)
    abort ();
  from_compact = must_parse (compact->str, compact->len);
  third = wm_json_to_canonical (from_compact, &third_len);
  if (first_len != third_len || memcmp (first, third, first_len) != 0)
    {
      fprintf (stderr, "compact form reads back differently\n---\n%s---\n%s---\n", first, third);
      abort ();
    }

  g_free (first);
  g_free (second);
  g_free (third);
  g_string_free (compact, TRUE);
  json_node_unref (node);
  json_node_unref (again);
  json_node_unref (from_compact);
  return 0;
}
