/* wm-sample-profiles.c - sample profiles for the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fixed-seed GRand makes the file deterministic. Event times are spread
 * over the 30 days before creation so that the sample flows launched in
 * that month (wm-sample.c) have entries to replay; amounts are whole cents
 * written through the canonical number writer (never the locale).
 */

#include "config.h"



#include "wm-json.h"
#include "wm-sample-profiles.h"
#include "wm-time.h"

#define SEED 20260101
#define DAY  (24 * 3600)

typedef struct
{
  const char *code;
  const char *zone;
  const char *dial;      /* country calling code and a mobile prefix */
  const char *domain;
  const char *cities[4];
  guint       weight;    /* out of 100 */
} Country;

static const Country countries[] = {
  { "HR", "Europe/Zagreb", "+38591", "example.hr", { "Zagreb", "Split", "Rijeka", "Osijek" }, 70 },
  { "SI", "Europe/Ljubljana", "+38641", "example.si", { "Ljubljana", "Maribor", "Celje", "Koper" }, 12 },
  { "AT", "Europe/Vienna", "+43664", "example.at", { "Vienna", "Graz", "Linz", "Salzburg" }, 9 },
  { "DE", "Europe/Berlin", "+49151", "example.de", { "Berlin", "Munich", "Hamburg", "Cologne" }, 9 },
};

static const char * const first_names[] = {
  "Ana", "Ivan", "Marija", "Luka", "Petra", "Marko", "Ivana", "Josip", "Lucija", "Filip",
  "Sara", "Matej", "Nika", "Tomislav", "Ema", "Karlo", "Mia", "David", "Lana", "Jakov",
  "Maja", "Nikola", "Katarina", "Ante", "Eva", "Stjepan", "Klara", "Domagoj", "Hana", "Šime",
};

static const char * const last_names[] = {
  "Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Kovačić", "Knežević", "Vuković",
  "Marković", "Petrović", "Matić", "Tomić", "Pavlović", "Božić", "Blažević", "Grgić", "Pavić",
  "Perić", "Radić", "Krajnc", "Gruber", "Huber", "Müller", "Schmidt",
};

static const char * const inbound_texts[] = { "YES", "yes", "STOP", "INFO", "Yes please", "NO" };

typedef struct
{
  gint64      at;
  const char *name;
  GString    *properties;  /* compact JSON object, or NULL */
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;

  return (x->at > y->at) - (x->at < y->at);
}

static void
add_event (GArray     *events,
           gint64      at,
           const char *name,
           GString    *properties)
{
  Event event = { at, name, properties };

  g_array_append_val (events, event);
}

static GString *
money_property (const char *key,
                double      value)
{
  GString *s = g_string_new ("{");

  wm_json_append_string (s, key);
  g_string_append_c (s, ':');
  wm_json_append_number (s, value);
  g_string_append_c (s, '}');
  return s;
}

/* An ASCII e-mail local part from a name ("Šime" -> "sime"). */
static char *
mail_part (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  return g_ascii_strdown (ascii, -1);
}

static void
append_profile (GString *out,
                GRand   *rand,
                guint    index,
                gint64   created_at)
{
  guint pick = g_rand_int_range (rand, 0, 100), sum = 0;
  const Country *country = &countries[0];
  const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
  const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
  g_autofree char *first_mail = mail_part (first);
  g_autofree char *last_mail = mail_part (last);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  gint64 month_start = created_at - 30 * DAY;
  char id[32], buf[32];
  guint carts;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      sum += countries[i].weight;
      if (pick < sum)
        {
          country = &countries[i];
          break;
        }
    }

  g_snprintf (id, sizeof id, "p-%05u", index + 1);
  g_string_append (out, "{\"id\":");
  wm_json_append_string (out, id);
  g_string_append (out, ",\"attributes\":{\"first_name\":");
  wm_json_append_string (out, first);
  g_string_append (out, ",\"last_name\":");
  wm_json_append_string (out, last);
  /* About 6% have no e-mail and 8% no phone, as real lists do. */
  if (g_rand_int_range (rand, 0, 100) >= 6)
    {
      g_autofree char *email = g_strdup_printf ("%s.%s%u@%s", first_mail, last_mail, index + 1, country->domain);

      g_string_append (out, ",\"email\":");
      wm_json_append_string (out, email);
    }
  if (g_rand_int_range (rand, 0, 100) >= 8)
    g_string_append_printf (out, ",\"phone\":\"%s%07d\"", country->dial, g_rand_int_range (rand, 1000000, 9999999));
  g_string_append (out, ",\"country\":");
  wm_json_append_string (out, country->code);
  g_string_append (out, ",\"city\":");
  wm_json_append_string (out, country->cities[g_rand_int_range (rand, 0, 4)]);
  g_string_append (out, ",\"timezone\":");
  wm_json_append_string (out, country->zone);
  if (g_rand_int_range (rand, 0, 100) < 30)
    {
      /* A date in the month after creation: what the appointment reminder
       * (an entry.date flow) starts from. */
      int y, m, d;

      wm_civil_from_days (created_at / DAY + g_rand_int_range (rand, 1, 31), &y, &m, &d);
      g_string_append_printf (out, ",\"appointment_date\":\"%04d-%02d-%02d\"", y, m, d);
      add_event (events, month_start + g_rand_int_range (rand, 0, 30 * DAY), "AppointmentBooked", NULL);
    }
  g_string_append (out, ",\"loyalty_points\":");
  wm_json_append_number (out, g_rand_int_range (rand, 0, 50) * 10);
  g_string_append_c (out, '}');

  if (g_rand_int_range (rand, 0, 100) < 30)
    add_event (events, month_start + g_rand_int_range (rand, 0, 30 * DAY), "SignedUp", NULL);

  /* Abandoned carts, a third of them bought within five days. */
  carts = g_rand_int_range (rand, 0, 100) < 45 ? g_rand_int_range (rand, 1, 4) : 0;
  for (guint c = 0; c < carts; c++)
    {
      gint64 at = month_start + g_rand_int_range (rand, 0, 30 * DAY);
      double value = g_rand_int_range (rand, 1500, 35000) / 100.0;

      add_event (events, at, "CartAbandoned", money_property ("cart_value", value));
      if (g_rand_int_range (rand, 0, 100) < 35)
        {
          gint64 bought = at + g_rand_int_range (rand, 600, 5 * DAY);

          if (bought < created_at)
            add_event (events, bought, "PurchaseFinished", money_property ("amount", value));
        }
    }
  if (g_rand_int_range (rand, 0, 100) < 20)
    add_event (events, month_start + g_rand_int_range (rand, 0, 30 * DAY), "PurchaseFinished",
               money_property ("amount", g_rand_int_range (rand, 900, 12000) / 100.0));
  if (g_rand_int_range (rand, 0, 100) < 10)
    {
      GString *props = g_string_new ("{\"number\":\"+385919000100\",\"text\":");

      wm_json_append_string (props, inbound_texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inbound_texts))]);
      g_string_append_c (props, '}');
      add_event (events, month_start + g_rand_int_range (rand, 0, 30 * DAY), "inbound.sms", props);
    }

  g_array_sort (events, compare_events);
  g_string_append (out, ",\"events\":[");
  for (guint e = 0; e < events->len; e++)
    {
      Event *event = &g_array_index (events, Event, e);

      if (e > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"name\":");
      wm_json_append_string (out, event->name);
      g_string_append_printf (out, ",\"at\":\"%s\"", wm_timestamp_format (event->at, buf));
      if (event->properties != NULL)
        {
          g_string_append (out, ",\"properties\":");
          g_string_append_len (out, event->properties->str, event->properties->len);
          g_string_free (event->properties, TRUE);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

char *
wm_sample_profiles_generate (gint64  created_at,
                             guint   count,
                             gsize  *length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  GString *out = g_string_sized_new (count * 600);

  for (guint i = 0; i < count; i++)
    append_profile (out, rand, i, created_at);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
wm_sample_profiles_write (const char  *path,
                          gint64       created_at,
                          guint        count,
                          GError     **error)
{
  gsize length = 0;
  g_autofree char *data = wm_sample_profiles_generate (created_at, count, &length);

  g_return_val_if_fail (path != NULL, FALSE);

  /* Customer data: readable by the user only. */
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
