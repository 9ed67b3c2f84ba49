/* gen-profiles.c - a seeded generator of synthetic profile files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * waymark-gen-profiles --count N --seed S --events-per-profile M --out FILE
 *
 * Writes N JSON Lines profiles with realistic attributes and M events each
 * over January 2026. The same arguments give the same file (GRand is a
 * Mersenne Twister with a fixed algorithm). Used by the benchmarks.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

static const char * const first_names[] = {
  "Ana", "Ivo", "Marija", "Luka", "Petra", "Ivan", "Mia", "Tomislav", "Ema",
  "Josip", "Sara", "Marko", "Lucija", "Nikola", "Elena", "Đuro", "Željka",
};
static const char * const countries[] = { "HR", "SI", "AT", "DE", "US", "GB" };
static const char * const zones[] = {
  "Europe/Zagreb", "Europe/Ljubljana", "Europe/Vienna", "Europe/Berlin",
  "America/New_York", "Europe/London",
};
static const char * const cities[] = {
  "Zagreb", "Split", "Rijeka", "Osijek", "Zadar", "Ljubljana", "Wien", "Berlin",
};
static const char * const plans[] = { "free", "basic", "pro", "enterprise" };
static const char * const words[] = { "YES", "STOP", "info", "Help", "join" };

#define PICK(r, a) (a[g_rand_int_range (r, 0, G_N_ELEMENTS (a))])

int
main (int   argc,
      char *argv[])
{
  gint64 count = 1000;
  gint64 seed = 1;
  gint64 per = 10;
  g_autofree char *out_path = NULL;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT64, &count, "Number of profiles", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed", "S" },
    { "events-per-profile", 0, 0, G_OPTION_ARG_INT64, &per, "Events per profile", "M" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_path, "Output file", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- generate profiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  const gint64 month_start = 1767225600;  /* 2026-01-01T00:00:00Z */
  FILE *out;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (out_path == NULL || count < 0 || per < 0)
    {
      g_printerr ("usage: waymark-gen-profiles --count N --seed S "
                  "--events-per-profile M --out FILE\n");
      return 2;
    }
  out = fopen (out_path, "wb");
  if (out == NULL)
    {
      g_printerr ("Cannot create %s\n", out_path);
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32) seed);

  for (gint64 i = 0; i < count; i++)
    {
      const char *name = PICK (rand, first_names);
      int zone = g_rand_int_range (rand, 0, G_N_ELEMENTS (zones));

      g_string_truncate (line, 0);
      g_string_append_printf (line,
                              "{\"id\":\"p-%07" G_GINT64_FORMAT "\",\"attributes\":{"
                              "\"first_name\":\"%s\",\"email\":\"user%" G_GINT64_FORMAT "@example.com\","
                              "\"phone\":\"+3859%08u\",\"country\":\"%s\",\"timezone\":\"%s\","
                              "\"city\":\"%s\",\"plan\":\"%s\",\"age\":%d,\"opted_in\":%s},"
                              "\"events\":[",
                              i, name, i, g_rand_int_range (rand, 0, 100000000),
                              countries[zone], zones[zone], PICK (rand, cities),
                              PICK (rand, plans), g_rand_int_range (rand, 18, 90),
                              g_rand_boolean (rand) ? "true" : "false");
      for (gint64 e = 0; e < per; e++)
        {
          gint64 t = month_start + g_rand_int_range (rand, 0, 31 * 86400);
          GDateTime *dt = g_date_time_new_from_unix_utc (t);
          g_autofree char *at = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
          int kind = g_rand_int_range (rand, 0, 10);

          g_date_time_unref (dt);
          if (e > 0)
            g_string_append_c (line, ',');
          if (kind < 3)
            g_string_append_printf (line,
                                    "{\"name\":\"CartAbandoned\",\"at\":\"%s\",\"properties\":"
                                    "{\"cart_value\":%d.%02d,\"items\":%d}}",
                                    at, g_rand_int_range (rand, 5, 500),
                                    g_rand_int_range (rand, 0, 100),
                                    g_rand_int_range (rand, 1, 9));
          else if (kind < 5)
            g_string_append_printf (line,
                                    "{\"name\":\"PurchaseFinished\",\"at\":\"%s\",\"properties\":"
                                    "{\"amount\":%d.%02d,\"currency\":\"EUR\"}}",
                                    at, g_rand_int_range (rand, 5, 900),
                                    g_rand_int_range (rand, 0, 100));
          else if (kind < 9)
            g_string_append_printf (line, "{\"name\":\"Login\",\"at\":\"%s\"}", at);
          else
            g_string_append_printf (line,
                                    "{\"name\":\"inbound.sms\",\"at\":\"%s\",\"properties\":"
                                    "{\"number\":\"+385991234567\",\"text\":\"%s please\"}}",
                                    at, PICK (rand, words));
        }
      g_string_append (line, "]}\n");
      fwrite (line->str, 1, line->len, out);
    }
  if (fclose (out) != 0)
    {
      g_printerr ("Cannot write %s\n", out_path);
      return 1;
    }
  return 0;
}
