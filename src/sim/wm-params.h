/* wm-params.h - run parameters (simulation.md, Run parameters)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The defaults table, overridden by a parameters file such as
 * { "channels": { "sms": { "price": 0.0075, "delivery": 0.98 } },
 *   "api_success": 0.99 }.
 * An unknown key or channel, a value of the wrong kind (null included), a
 * rate outside 0..1 or a negative price or delay is a usage error (the CLI
 * exits 2); a key for a reaction the channel lacks (sms.open) is ignored
 * whatever its value. Prices are held in micro-units (wm-money.h).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WM_PARAMS_ERROR (wm_params_error_quark ())

typedef enum
{
  WM_PARAMS_ERROR_INVALID,   /* not a valid parameters document */
} WmParamsError;

/* In the order of the spec's table (and of wm_catalogue_channels()). */
typedef enum
{
  WM_SIM_CHANNEL_SMS,
  WM_SIM_CHANNEL_EMAIL,
  WM_SIM_CHANNEL_WHATSAPP,
  WM_SIM_CHANNEL_VIBER,
  WM_SIM_CHANNEL_PUSH,
  WM_SIM_CHANNEL_VOICE,
} WmSimChannel;

#define WM_SIM_N_CHANNELS 6

typedef struct
{
  gint64   price;            /* micro-units per message */
  double   delivery;         /* rates: probabilities in 0..1 */
  double   open;             /* 0 when the channel has no opens */
  double   click;            /* 0 when the channel has no clicks */
  double   delivery_delay;   /* mean seconds */
  double   open_delay;
  double   click_delay;
  gboolean has_open;
  gboolean has_click;
} WmChannelParams;

typedef struct
{
  WmChannelParams channels[WM_SIM_N_CHANNELS];
  double          api_success;
} WmParams;

GQuark       wm_params_error_quark   (void);

/* "sms", "email", "whatsapp", "viber", "push", "voice". */
const char  *wm_sim_channel_to_string (WmSimChannel  channel);
/* FALSE for an unknown name. */
gboolean     wm_sim_channel_from_string (const char   *name,
                                         WmSimChannel *channel);

/* Fills @params with the defaults table. */
void         wm_params_init_defaults (WmParams     *params);

/* Applies the overrides of a parameters document to @params (start from
 * wm_params_init_defaults()). On error @params is left unchanged and the
 * message names the key: "channels.sms.delivery: must be a number from 0
 * to 1". */
gboolean     wm_params_load_data     (WmParams     *params,
                                      const char   *data,
                                      gssize        length,
                                      GError      **error);

/* The same from a file; the message starts with the file's name. */
gboolean     wm_params_load_file     (WmParams     *params,
                                      const char   *path,
                                      GError      **error);

/* Every parameter of @params as a parameters document (which
 * wm_params_load_data reads back to the same values). */
JsonNode    *wm_params_to_json       (const WmParams *params);

G_END_DECLS
