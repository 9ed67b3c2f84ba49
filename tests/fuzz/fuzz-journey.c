/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-journey.c - libFuzzer target for the journey loader, its validation
 * and its canonical writer
 *
 * Whatever the input: loading either builds a journey or refuses with a
 * WM_JOURNEY_ERROR whose message is UTF-8. A journey that loads validates
 * without crashing, with and without a lookup and flow checks (every
 * diagnostic has a code and a UTF-8 message); its canonical text loads
 * again, is byte-stable when written again, and validates to the same
 * diagnostics.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-catalog.h"
#include "wm-journey-validate.h"
#include "wm-journey.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static WmCatalog *catalog;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  catalog = wm_catalog_new ();
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
          || !g_utf8_validate (d->message, -1, NULL) || d->version != 0
          || (d->element != NULL && !g_utf8_validate (d->element, -1, NULL))
          || (d->field != NULL && !g_utf8_validate (d->field, -1, NULL))
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
          || g_strcmp0 (x->element, y->element) != 0 || g_strcmp0 (x->field, y->field) != 0
          || strcmp (x->message, y->message) != 0)
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  WmJourney *journey, *again;
  GPtrArray *diagnostics, *diagnostics_again, *with_flows;
  char *first, *second;
  gsize first_len, second_len;

  journey = wm_journey_load_from_data ((const char *) data, size, &error);
  if (journey == NULL)
    {
      if (error == NULL || error->domain != WM_JOURNEY_ERROR || error->message == NULL
          || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      g_error_free (error);
      return 0;
    }
  if (error != NULL || wm_journey_get_json (journey) == NULL)
    abort ();
  if (wm_journey_get_id (journey) != NULL && !g_utf8_validate (wm_journey_get_id (journey), -1, NULL))
    abort ();

  diagnostics = wm_validate_journey (journey, NULL, FALSE);
  check_diagnostics (diagnostics);
  with_flows = wm_validate_journey (journey, WM_LOOKUP (catalog), TRUE);
  check_diagnostics (with_flows);

  first = wm_journey_to_canonical (journey, &first_len);
  if (first == NULL || strlen (first) != first_len || first_len == 0
      || first[first_len - 1] != '\n')
    abort ();
  again = wm_journey_load_from_data (first, first_len, &error);
  if (again == NULL)
    {
      fprintf (stderr, "the canonical text does not load: %s\n---\n%s---\n", error->message, first);
      abort ();
    }
  second = wm_journey_to_canonical (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    {
      fprintf (stderr, "the canonical form is not byte-stable\n---\n%s---\n%s---\n", first, second);
      abort ();
    }
  diagnostics_again = wm_validate_journey (again, NULL, FALSE);
  if (!same_diagnostics (diagnostics, diagnostics_again))
    {
      fprintf (stderr, "the reloaded journey validates differently\n---\n%s---\n", first);
      abort ();
    }

  g_ptr_array_unref (diagnostics);
  g_ptr_array_unref (diagnostics_again);
  g_ptr_array_unref (with_flows);
  g_free (first);
  g_free (second);
  g_object_unref (journey);
  g_object_unref (again);
  return 0;
}
