/* wm-launch-estimate.c - what a thousand entries may cost, before launch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-launch-estimate.h"
#include "wm-launch-summary.h"
#include "wm-money.h"
#include "wm-path-maxima.h"

#define ENTRIES 1000

static void
cost_weight (WmElement *element,
             guint64   *weight,
             gpointer   user_data)
{
  const WmParams *params = user_data;
  const WmElementType *type = wm_element_get_element_type (element);
  const char *channel = NULL;
  guint messages = 0;
  WmSimChannel index;

  *weight = 0;
  if (type == NULL)
    return;
  if (type->channel != NULL)
    {
      channel = type->channel;
      messages = wm_launch_element_messages (element);
    }
  else if (g_str_equal (type->type, "notify.internal"))
    {
      channel = wm_element_get_config_string (element, "channel");
      messages = 1;
    }
  if (channel == NULL || !wm_sim_channel_from_string (channel, &index))
    return;
  *weight = (guint64) messages * (guint64) params->channels[index].price * ENTRIES;
}

gint64
wm_launch_estimate_cost (WmVersion      *version,
                         const WmParams *params)
{
  guint64 cost = 0;

  g_return_val_if_fail (WM_IS_VERSION (version), 0);
  g_return_val_if_fail (params != NULL, 0);

  wm_path_maxima (version, 1, cost_weight, (gpointer) params, &cost);
  return (gint64) MIN (cost, (guint64) G_MAXINT64);
}

char *
wm_launch_estimate_describe (gint64 micro)
{
  char buf[32];

  /* Translators: the amount is money without a currency (prices have none);
   * "1,000" is written as your language writes a thousand. */
  return g_strdup_printf (_("Up to %s per 1,000 entries at default prices"),
                          wm_money_format (micro, buf));
}
