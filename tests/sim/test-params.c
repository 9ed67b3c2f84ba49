/* test-params.c - run parameters: defaults, overrides, usage errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-params.h"

static void
test_defaults (void)
{
  WmParams p;
  const WmChannelParams *sms, *email, *push, *voice;

  wm_params_init_defaults (&p);
  sms = &p.channels[WM_SIM_CHANNEL_SMS];
  email = &p.channels[WM_SIM_CHANNEL_EMAIL];
  push = &p.channels[WM_SIM_CHANNEL_PUSH];
  voice = &p.channels[WM_SIM_CHANNEL_VOICE];

  /* simulation.md's table */
  g_assert_cmpint (sms->price, ==, 7500);
  g_assert_cmpfloat (sms->delivery, ==, 0.98);
  g_assert_false (sms->has_open);
  g_assert_true (sms->has_click);
  g_assert_cmpfloat (sms->click, ==, 0.04);
  g_assert_cmpfloat (sms->delivery_delay, ==, 5);
  g_assert_cmpfloat (sms->click_delay, ==, 3600);
  g_assert_cmpint (email->price, ==, 800);
  g_assert_cmpfloat (email->open, ==, 0.25);
  g_assert_cmpfloat (email->open_delay, ==, 21600);
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_WHATSAPP].price, ==, 5000);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_WHATSAPP].open, ==, 0.70);
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_VIBER].price, ==, 4000);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_VIBER].delivery, ==, 0.93);
  g_assert_cmpint (push->price, ==, 100);
  g_assert_true (push->has_open);
  g_assert_false (push->has_click);
  g_assert_cmpfloat (push->open_delay, ==, 7200);
  g_assert_cmpint (voice->price, ==, 13000);
  g_assert_cmpfloat (voice->delivery, ==, 0.60);
  g_assert_cmpfloat (voice->delivery_delay, ==, 20);
  g_assert_false (voice->has_open);
  g_assert_false (voice->has_click);
  g_assert_cmpfloat (p.api_success, ==, 0.99);

  for (guint i = 0; i < WM_SIM_N_CHANNELS; i++)
    {
      WmSimChannel c;

      g_assert_true (wm_sim_channel_from_string (wm_sim_channel_to_string (i), &c));
      g_assert_cmpint (c, ==, i);
    }
  g_assert_false (wm_sim_channel_from_string ("fax", NULL));
}

static void
test_conformance_13 (void)
{
  /* 13-revised-rules/params.json: prices near half a micro-unit, and keys
   * for reactions the channel lacks (push.click, voice.open, sms.open). */
  g_autofree char *path = g_build_filename (SHARED_DIR, "conformance", "13-revised-rules",
                                            "params.json", NULL);
  g_autoptr(GError) error = NULL;
  WmParams p;

  wm_params_init_defaults (&p);
  g_assert_true (wm_params_load_file (&p, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_PUSH].price, ==, 0);      /* 5e-07 */
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_PUSH].delivery, ==, 1);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_PUSH].delivery_delay, ==, 0);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_PUSH].click, ==, 0);   /* ignored */
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_WHATSAPP].price, ==, 12346); /* 0.0123455 */
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_VOICE].price, ==, 3);     /* 2.5e-06 */
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_VOICE].open, ==, 0);
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_EMAIL].price, ==, 2);     /* 1.5e-06 */
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_SMS].price, ==, 7500);
  g_assert_false (p.channels[WM_SIM_CHANNEL_SMS].has_open);
  /* untouched keys keep their defaults */
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_EMAIL].open, ==, 0.25);
  g_assert_cmpfloat (p.api_success, ==, 0.99);
}

static void
test_overrides (void)
{
  g_autoptr(GError) error = NULL;
  WmParams p;
  const char *doc = "{ \"channels\": { \"sms\": { \"price\": 0.01, \"delivery\": 0, \"click\": 1,"
                    " \"delivery_delay\": 2.5, \"click_delay\": 0, \"open\": null, \"open_delay\": \"x\" } },"
                    " \"api_success\": 0 }";

  wm_params_init_defaults (&p);
  g_assert_true (wm_params_load_data (&p, doc, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.channels[WM_SIM_CHANNEL_SMS].price, ==, 10000);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_SMS].delivery, ==, 0);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_SMS].click, ==, 1);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_SMS].delivery_delay, ==, 2.5);
  g_assert_cmpfloat (p.channels[WM_SIM_CHANNEL_SMS].click_delay, ==, 0);
  g_assert_cmpfloat (p.api_success, ==, 0);

  g_assert_true (wm_params_load_data (&p, "{}", -1, &error));
  g_assert_true (wm_params_load_data (&p, "{\"channels\":{}}", -1, &error));
}

static void
assert_usage_error (const char *doc,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  WmParams p, before;

  wm_params_init_defaults (&p);
  before = p;
  g_assert_false (wm_params_load_data (&p, doc, -1, &error));
  g_assert_nonnull (error);
  if (message != NULL && strstr (error->message, message) == NULL)
    g_error ("%s: expected “%s” in “%s”", doc, message, error->message);
  /* nothing applied */
  g_assert_true (memcmp (&p, &before, sizeof p) == 0);
}

static void
test_usage_errors (void)
{
  assert_usage_error ("{\"channels\":{\"sms\":{\"delivery\":1.5}}}",
                      "channels.sms.delivery: must be a number from 0 to 1");
  assert_usage_error ("{\"channels\":{\"sms\":{\"delivery\":null}}}",
                      "channels.sms.delivery: must be a number from 0 to 1");
  assert_usage_error ("{\"channels\":{\"email\":{\"open\":\"0.5\"}}}",
                      "channels.email.open: must be a number from 0 to 1");
  assert_usage_error ("{\"channels\":{\"sms\":{\"price\":-0.01}}}",
                      "channels.sms.price: must be a number of 0 or more");
  assert_usage_error ("{\"channels\":{\"push\":{\"open_delay\":-1}}}",
                      "channels.push.open_delay: must be a number of 0 or more");
  assert_usage_error ("{\"channels\":{\"sms\":{\"price\":true}}}",
                      "channels.sms.price: must be a number of 0 or more");
  assert_usage_error ("{\"channels\":{\"sms\":{\"cost\":1}}}", "channels.sms.cost: unknown key");
  assert_usage_error ("{\"channels\":{\"fax\":{}}}", "channels.fax: unknown channel");
  assert_usage_error ("{\"channels\":{\"sms\":null}}", "channels.sms: must be an object");
  assert_usage_error ("{\"channels\":null}", "channels: must be an object");
  assert_usage_error ("{\"api_success\":1.01}", "api_success: must be a number from 0 to 1");
  assert_usage_error ("{\"api_success\":null}", "api_success");
  assert_usage_error ("{\"seed\":1}", "seed: unknown key");
  assert_usage_error ("[]", "must be a JSON object");
  assert_usage_error ("{\"api_success\":0.5,\"api_success\":0.6}", "duplicate");
  assert_usage_error ("{\"channels\":{\"sms\":{\"price\":1e400}}}", NULL);
  /* an error after a good override leaves the defaults */
  assert_usage_error ("{\"api_success\":0.5,\"channels\":{\"sms\":{\"delivery\":2}}}", "channels.sms.delivery");
}

static void
test_file_errors_name_the_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "params.json", NULL);
  WmParams p;

  wm_params_init_defaults (&p);
  g_assert_true (g_file_set_contents (path, "{\"api_success\":2}", -1, NULL));
  g_assert_false (wm_params_load_file (&p, path, &error));
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "api_success"));
  g_clear_error (&error);
  g_assert_false (wm_params_load_file (&p, "/nonexistent/params.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/params/defaults-are-the-spec-table", test_defaults);
  g_test_add_func ("/sim/params/conformance-13-prices-and-ignored-keys", test_conformance_13);
  g_test_add_func ("/sim/params/overrides", test_overrides);
  g_test_add_func ("/sim/params/usage-errors-name-the-key", test_usage_errors);
  g_test_add_func ("/sim/params/file-errors-name-the-file", test_file_errors_name_the_file);

  return g_test_run ();
}
