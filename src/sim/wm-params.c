/* wm-params.c - run parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-json.h"
#include "wm-money.h"
#include "wm-params.h"

G_DEFINE_QUARK (wm-params-error-quark, wm_params_error)

static const char * const channel_names[WM_SIM_N_CHANNELS] = {
  "sms", "email", "whatsapp", "viber", "push", "voice",
};

/* simulation.md's table; -1 marks a reaction the channel lacks. */
static const struct
{
  double price, delivery, open, click, delivery_delay, open_delay, click_delay;
} defaults[WM_SIM_N_CHANNELS] = {
  { 0.0075, 0.98, -1,   0.04, 5,  -1,    3600 },
  { 0.0008, 0.97, 0.25, 0.10, 30, 21600, 600 },
  { 0.0050, 0.95, 0.70, 0.15, 5,  1800,  600 },
  { 0.0040, 0.93, 0.60, 0.10, 5,  3600,  600 },
  { 0.0001, 0.90, 0.08, -1,   2,  7200,  -1 },
  { 0.0130, 0.60, -1,   -1,   20, -1,    -1 },
};

const char *
wm_sim_channel_to_string (WmSimChannel channel)
{
  g_return_val_if_fail (channel < WM_SIM_N_CHANNELS, NULL);

  return channel_names[channel];
}

gboolean
wm_sim_channel_from_string (const char   *name,
                            WmSimChannel *channel)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < WM_SIM_N_CHANNELS; i++)
    if (strcmp (name, channel_names[i]) == 0)
      {
        if (channel != NULL)
          *channel = i;
        return TRUE;
      }
  return FALSE;
}

void
wm_params_init_defaults (WmParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  for (guint i = 0; i < WM_SIM_N_CHANNELS; i++)
    {
      WmChannelParams *c = &params->channels[i];
      gboolean ok = wm_money_from_double (defaults[i].price, &c->price);

      g_assert (ok);
      c->delivery = defaults[i].delivery;
      c->delivery_delay = defaults[i].delivery_delay;
      c->has_open = defaults[i].open >= 0;
      c->has_click = defaults[i].click >= 0;
      c->open = c->has_open ? defaults[i].open : 0;
      c->open_delay = c->has_open ? defaults[i].open_delay : 0;
      c->click = c->has_click ? defaults[i].click : 0;
      c->click_delay = c->has_click ? defaults[i].click_delay : 0;
    }
  params->api_success = 0.99;
}

static gboolean
get_number (JsonNode    *node,
            const char  *path,
            gboolean     rate,
            double      *out,
            GError     **error)
{
  double v;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    goto wrong;
  v = json_node_get_double (node);
  if (v < 0 || (rate && v > 1))
    goto wrong;
  *out = v;
  return TRUE;

wrong:
  g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
               rate ? "%s: must be a number from 0 to 1"
                    : "%s: must be a number of 0 or more", path);
  return FALSE;
}

static gboolean
apply_channel (WmChannelParams  *c,
               const char       *channel,
               JsonObject       *object,
               GError          **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &value))
    {
      g_autofree char *path = g_strdup_printf ("channels.%s.%s", channel, key);
      gboolean is_open = g_str_equal (key, "open") || g_str_equal (key, "open_delay");
      gboolean is_click = g_str_equal (key, "click") || g_str_equal (key, "click_delay");
      double v;

      /* A reaction the channel lacks: ignored, whatever its value. */
      if ((is_open && !c->has_open) || (is_click && !c->has_click))
        continue;
      if (g_str_equal (key, "price"))
        {
          if (!get_number (value, path, FALSE, &v, error))
            return FALSE;
          if (!wm_money_from_double (v, &c->price))
            {
              g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                           "%s: the price is too large", path);
              return FALSE;
            }
        }
      else if (g_str_equal (key, "delivery"))
        {
          if (!get_number (value, path, TRUE, &c->delivery, error))
            return FALSE;
        }
      else if (g_str_equal (key, "open"))
        {
          if (!get_number (value, path, TRUE, &c->open, error))
            return FALSE;
        }
      else if (g_str_equal (key, "click"))
        {
          if (!get_number (value, path, TRUE, &c->click, error))
            return FALSE;
        }
      else if (g_str_equal (key, "delivery_delay"))
        {
          if (!get_number (value, path, FALSE, &c->delivery_delay, error))
            return FALSE;
        }
      else if (g_str_equal (key, "open_delay"))
        {
          if (!get_number (value, path, FALSE, &c->open_delay, error))
            return FALSE;
        }
      else if (g_str_equal (key, "click_delay"))
        {
          if (!get_number (value, path, FALSE, &c->click_delay, error))
            return FALSE;
        }
      else
        {
          g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                       "%s: unknown key (expected price, delivery, open, click, "
                       "delivery_delay, open_delay or click_delay)", path);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
wm_params_load_data (WmParams    *params,
                     const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  WmParams result;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  root = wm_json_parse (data, length, 0, NULL, NULL, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                   "the parameters must be a JSON object");
      return FALSE;
    }

  result = *params;
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (key, "api_success"))
        {
          if (!get_number (value, "api_success", TRUE, &result.api_success, error))
            return FALSE;
        }
      else if (g_str_equal (key, "channels"))
        {
          JsonObjectIter citer;
          const char *name;
          JsonNode *cnode;

          if (!JSON_NODE_HOLDS_OBJECT (value))
            {
              g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                           "channels: must be an object");
              return FALSE;
            }
          json_object_iter_init (&citer, json_node_get_object (value));
          while (json_object_iter_next (&citer, &name, &cnode))
            {
              WmSimChannel ch;

              if (!wm_sim_channel_from_string (name, &ch))
                {
                  g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                               "channels.%s: unknown channel (expected sms, email, "
                               "whatsapp, viber, push or voice)", name);
                  return FALSE;
                }
              if (!JSON_NODE_HOLDS_OBJECT (cnode))
                {
                  g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                               "channels.%s: must be an object", name);
                  return FALSE;
                }
              if (!apply_channel (&result.channels[ch], name,
                                  json_node_get_object (cnode), error))
                return FALSE;
            }
        }
      else
        {
          g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                       "%s: unknown key (expected channels or api_success)", key);
          return FALSE;
        }
    }
  *params = result;
  return TRUE;
}

gboolean
wm_params_load_file (WmParams    *params,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize len;
  GError *local_error = NULL;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  if (!wm_params_load_data (params, data, len, &local_error))
    {
      g_propagate_prefixed_error (error, local_error, "%s: ", display);
      return FALSE;
    }
  return TRUE;
}

JsonNode *
wm_params_to_json (const WmParams *params)
{
  JsonObject *root = json_object_new ();
  JsonObject *channels = json_object_new ();
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; i < WM_SIM_N_CHANNELS; i++)
    {
      const WmChannelParams *c = &params->channels[i];
      JsonObject *channel = json_object_new ();

      /* The price is held in micro-units; its nearest double rounds back
       * to the same micro-units. */
      json_object_set_double_member (channel, "price", c->price / 1e6);
      json_object_set_double_member (channel, "delivery", c->delivery);
      if (c->has_open)
        json_object_set_double_member (channel, "open", c->open);
      if (c->has_click)
        json_object_set_double_member (channel, "click", c->click);
      json_object_set_double_member (channel, "delivery_delay", c->delivery_delay);
      if (c->has_open)
        json_object_set_double_member (channel, "open_delay", c->open_delay);
      if (c->has_click)
        json_object_set_double_member (channel, "click_delay", c->click_delay);
      json_object_set_object_member (channels, channel_names[i], channel);
    }
  json_object_set_object_member (root, "channels", channels);
  json_object_set_double_member (root, "api_success", params->api_success);
  json_node_init_object (node, root);
  json_object_unref (root);
  return node;
}
