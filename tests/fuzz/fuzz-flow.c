/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-flow.c - libFuzzer target for the flow loader, the validator and the
 * canonical writer
 *
 * Whatever the input: loading either builds a flow or refuses with a
 * WM_FLOW_ERROR whose message is UTF-8. A flow that loads validates without
 * crashing (every diagnostic has a code and a UTF-8 message), its canonical
 * text loads again, writing that again gives the same bytes (the canonical
 * form is byte-stable), and the reloaded flow validates to the same
 * diagnostics (key order is all the writer changes, and validation does not
 * look at key order).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-flow-io.h"
#include "wm-validate.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_val_if_fail inside the core is a bug the fuzzer should stop
   * at, not a message to scroll past. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_diagnostics (GPtrArray *diagnostics)
{
  if (diagnostics == NULL)
    abort ();
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->code == NULL || d->code[0] == '\0' || d->message == NULL
          || !g_utf8_validate (d->message, -1, NULL)
          || (d->severity != WM_SEVERITY_ERROR && d->severity != WM_SEVERITY_WARNING))
        abort ();
    }
}

static gboolean
same_diagnostics (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      WmDiagnostic *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (x->severity != y->severity || strcmp (x->code, y->code) != 0
          || x->version != y->version || g_strcmp0 (x->element, y->element) != 0
          || g_strcmp0 (x->field, y->field) != 0 || x->column != y->column)
        return FALSE;
    }
  return TRUE;
}

static void
print_diagnostics (const char *title,
                   GPtrArray  *diagnostics)
{
  fprintf (stderr, "%s:\n", title);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = g_ptr_array_index (diagnostics, i);

      fprintf (stderr, "  %s v%u %s %s: %s\n", d->code, d->version,
               d->element ? d->element : "-", d->field ? d->field : "-", d->message);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  WmFlow *flow, *again;
  GPtrArray *diagnostics, *diagnostics_again;
  char *first, *second;
  gsize first_len, second_len;

  flow = wm_flow_load_from_data ((const char *) data, size, &error);
  if (flow == NULL)
    {
      if (error == NULL || error->domain != WM_FLOW_ERROR || error->message == NULL
          || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      g_error_free (error);
      return 0;
    }
  if (error != NULL)
    abort ();

  diagnostics = wm_validate_flow (flow, NULL);
  check_diagnostics (diagnostics);

  first = wm_flow_to_canonical (flow, &first_len);
  if (first == NULL || strlen (first) != first_len || first_len == 0
      || first[first_len - 1] != '\n')
    abort ();

  again = wm_flow_load_from_data (first, first_len, &error);
  if (again == NULL)
    {
      fprintf (stderr, "the canonical text does not load: %s\n---\n%s---\n", error->message, first);
      abort ();
    }
  second = wm_flow_to_canonical (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    {
      fprintf (stderr, "the canonical form is not byte-stable\n---\n%s---\n%s---\n", first, second);
      abort ();
    }

  diagnostics_again = wm_validate_flow (again, NULL);
  check_diagnostics (diagnostics_again);
  if (!same_diagnostics (diagnostics, diagnostics_again))
    {
      print_diagnostics ("loaded", diagnostics);
      print_diagnostics ("reloaded from the canonical text", diagnostics_again);
      fprintf (stderr, "---\n%s---\n", first);
      abort ();
    }

  g_ptr_array_unref (diagnostics);
  g_ptr_array_unref (diagnostics_again);
  g_free (first);
  g_free (second);
  g_object_unref (flow);
  g_object_unref (again);
  return 0;
}
