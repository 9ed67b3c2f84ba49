/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-params.c - libFuzzer target for the run parameters reader
 *
 * Whatever the input: wm_params_load_data() either applies it or refuses it
 * with a UTF-8 message (a JSON error or WM_PARAMS_ERROR) and leaves the
 * parameters exactly as they were. Applied parameters keep simulation.md's
 * ranges: rates and api_success in 0..1, prices and delays 0 or more, all
 * finite; a reaction a channel lacks stays 0. Loading the same document
 * twice gives the same parameters.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wm-json.h"
#include "wm-params.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static gboolean
is_rate (double x)
{
  return isfinite (x) && x >= 0 && x <= 1;
}

static gboolean
is_amount (double x)
{
  return isfinite (x) && x >= 0;
}

static void
check_params (const WmParams *params)
{
  if (!is_rate (params->api_success))
    abort ();
  for (guint i = 0; i < WM_SIM_N_CHANNELS; i++)
    {
      const WmChannelParams *c = &params->channels[i];

      if (c->price < 0 || !is_rate (c->delivery) || !is_rate (c->open) || !is_rate (c->click)
          || !is_amount (c->delivery_delay) || !is_amount (c->open_delay)
          || !is_amount (c->click_delay))
        abort ();
      if ((!c->has_open && (c->open != 0 || c->open_delay != 0))
          || (!c->has_click && (c->click != 0 || c->click_delay != 0)))
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  WmParams params, before, again;
  GError *error = NULL;
  /* wm_params_load_data() wants non-NULL data even when it is empty. */
  const char *text = size > 0 ? (const char *) data : "";

  wm_params_init_defaults (&params);
  before = params;
  if (!wm_params_load_data (&params, text, size, &error))
    {
      if (error == NULL || error->message == NULL
          || (error->domain != WM_PARAMS_ERROR && error->domain != WM_JSON_ERROR)
          || !g_utf8_validate (error->message, -1, NULL)
          || memcmp (&params, &before, sizeof params) != 0)
        abort ();
      g_error_free (error);
      return 0;
    }
  if (error != NULL)
    abort ();
  check_params (&params);

  wm_params_init_defaults (&again);
  if (!wm_params_load_data (&again, text, size, NULL)
      || memcmp (&params, &again, sizeof params) != 0)
    abort ();
  return 0;
}
