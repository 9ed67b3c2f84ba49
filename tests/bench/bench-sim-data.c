/* bench-sim-data.c - the simulator benchmarks' flow and profiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by bench-sim and bench-journeys so both measure the same run: the
 * 20-element flow and the seeded profile generator (the same seed gives the
 * same file byte for byte).
 */
#include "config.h"

#include <stdio.h>
#include <sys/statvfs.h>

#include "bench-sim-data.h"

/* ' stands for " so the document stays readable here. */
const char *bench_flow =
  "{'format':'waymark.flow','format_version':1,'id':'bench','name':'Bench','timezone':'Europe/Zagreb',"
  "'schedule':{'start':null,'end':null,'indefinite':true},'versions':["
  "{'number':1,'status':'active','created_at':'2025-12-01T00:00:00Z','launched_at':'2026-01-01T00:00:00Z',"
  "'settings':{'reentry':{'enabled':true,'delay':'1h','limits':[{'count':3,'period':'7d'}]},"
  "'goal':{'event':'PurchaseFinished','value':'amount','window':'3d'},"
  "'variables':[{'name':'items','type':'number','initial':0}]},"
  "'elements':["
  "{'id':'e','type':'entry.event','config':{'event':'CartAbandoned','where':'event.cart_value > 20'}},"
  "{'id':'os','type':'outcome.start','config':{'outcome':'recover'}},"
  "{'id':'sv','type':'set.variable','config':{'variable':'items','value':'event.items'}},"
  "{'id':'sms','type':'send.sms','config':{'sender':'Shop','text':'Hi {{profile.first_name}}, your cart of {{event.cart_value}} EUR is waiting'}},"
  "{'id':'we','type':'wait.event','config':{'event':'Login','timeout':'1d'}},"
  "{'id':'br','type':'branch.condition','config':{'branches':[{'label':'pro','when':'profile.plan == \\'pro\\''},"
  "{'label':'many','when':'var.items > 3'}]}},"
  "{'id':'wa','type':'send.whatsapp','config':{'sender':'Shop','template':'cart_pro'}},"
  "{'id':'m2','type':'milestone','config':{'milestone':'converted'}},"
  "{'id':'ok','type':'outcome.set','config':{'outcome':'recover','result':'success'}},"
  "{'id':'x','type':'exit'},"
  "{'id':'api','type':'call.api','config':{'method':'POST','url':'https://crm.example.com/carts/{{profile.id}}'}},"
  "{'id':'nt','type':'notify.internal','config':{'channel':'email','recipient':'ops@example.com','text':'CRM failed for {{profile.id}}'}},"
  "{'id':'em','type':'send.email','config':{'from':'shop@example.com','subject':'Your cart','body':'Hello {{profile.first_name}}',"
  "'send_window':{'from':'09:00','to':'20:00','days':['mon','tue','wed','thu','fri','sat']}}},"
  "{'id':'rm','type':'react.message','config':{'element':'em','reaction':'opened','timeout':'2d'}},"
  "{'id':'m1','type':'milestone','config':{'milestone':'opened'}},"
  "{'id':'sp','type':'split.percent','config':{'variants':[{'label':'viber','weight':1},{'label':'direct','weight':1}]}},"
  "{'id':'vi','type':'send.viber','config':{'sender':'Shop','text':'Still thinking?'}},"
  "{'id':'wd','type':'wait.delay','config':{'duration':'6h'}},"
  "{'id':'vo','type':'send.voice','config':{'from':'+38511111111','text':'Your cart is waiting'}},"
  "{'id':'pu','type':'send.push','config':{'app':'shop','title':'Cart','text':'Come back'}}],"
  "'connections':["
  "{'from':'e','port':'out','to':'os'},{'from':'os','port':'out','to':'sv'},{'from':'sv','port':'out','to':'sms'},"
  "{'from':'sms','port':'out','to':'we'},{'from':'we','port':'occurred','to':'br'},{'from':'we','port':'timeout','to':'em'},"
  "{'from':'br','port':'1','to':'wa'},{'from':'br','port':'2','to':'api'},{'from':'br','port':'else','to':'em'},"
  "{'from':'wa','port':'out','to':'m2'},{'from':'m2','port':'out','to':'ok'},{'from':'ok','port':'out','to':'x'},"
  "{'from':'api','port':'success','to':'m2'},{'from':'api','port':'failure','to':'nt'},{'from':'nt','port':'out','to':'x'},"
  "{'from':'em','port':'out','to':'rm'},{'from':'rm','port':'yes','to':'m1'},{'from':'rm','port':'no','to':'pu'},"
  "{'from':'pu','port':'out','to':'x'},{'from':'m1','port':'out','to':'sp'},{'from':'sp','port':'1','to':'vi'},"
  "{'from':'sp','port':'2','to':'ok'},{'from':'vi','port':'out','to':'wd'},{'from':'wd','port':'out','to':'vo'},"
  "{'from':'vo','port':'out','to':'x'}]}]}";

static const char * const first_names[] = {
  "Ana", "Ivo", "Marija", "Luka", "Petra", "Ivan", "Mia", "Tomislav", "Ema",
  "Josip", "Sara", "Marko", "Lucija", "Nikola", "Elena", "Đuro", "Željka",
};
static const char * const countries[] = { "HR", "SI", "AT", "DE", "US", "GB" };
static const char * const zones[] = {
  "Europe/Zagreb", "Europe/Ljubljana", "Europe/Vienna", "Europe/Berlin",
  "America/New_York", "Europe/London",
};
static const char * const plans[] = { "free", "basic", "pro", "enterprise" };

#define PICK(r, a) (a[g_rand_int_range (r, 0, G_N_ELEMENTS (a))])

/* The generator of tests/sim/gen-profiles.c, with the bench flow's events
 * (CartAbandoned, Login, PurchaseFinished) and some push tokens. About ten
 * events a profile (8..12) over January 2026. */
gboolean
bench_generate_profiles (const char *path,
                         gint64      count,
                         guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) line = g_string_new (NULL);
  const gint64 month_start = 1767225600;  /* 2026-01-01T00:00:00Z */
  FILE *out = fopen (path, "wb");

  if (out == NULL)
    {
      g_printerr ("Cannot create %s\n", path);
      return FALSE;
    }
  for (gint64 i = 0; i < count; i++)
    {
      int zone = g_rand_int_range (rand, 0, G_N_ELEMENTS (zones));
      int per = g_rand_int_range (rand, 8, 13);

      g_string_truncate (line, 0);
      g_string_append_printf (line,
                              "{\"id\":\"p-%07" G_GINT64_FORMAT "\",\"attributes\":{"
                              "\"first_name\":\"%s\",\"email\":\"user%" G_GINT64_FORMAT "@example.com\","
                              "\"phone\":\"+3859%08u\",\"country\":\"%s\",\"timezone\":\"%s\","
                              "\"plan\":\"%s\",\"age\":%d",
                              i, PICK (rand, first_names), i, g_rand_int_range (rand, 0, 100000000),
                              countries[zone], zones[zone], PICK (rand, plans), g_rand_int_range (rand, 18, 90));
      if (g_rand_boolean (rand))
        g_string_append_printf (line, ",\"push_token\":\"tok-%" G_GINT64_FORMAT "\"", i);
      g_string_append (line, "},\"events\":[");
      for (int e = 0; e < per; e++)
        {
          gint64 t = month_start + g_rand_int_range (rand, 0, 31 * 86400);
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
          g_autofree char *at = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
          int kind = g_rand_int_range (rand, 0, 10);

          if (e > 0)
            g_string_append_c (line, ',');
          if (kind < 3)
            g_string_append_printf (line, "{\"name\":\"CartAbandoned\",\"at\":\"%s\",\"properties\":"
                                    "{\"cart_value\":%d.%02d,\"items\":%d}}",
                                    at, g_rand_int_range (rand, 5, 500), g_rand_int_range (rand, 0, 100),
                                    g_rand_int_range (rand, 1, 9));
          else if (kind < 5)
            g_string_append_printf (line, "{\"name\":\"PurchaseFinished\",\"at\":\"%s\",\"properties\":"
                                    "{\"amount\":%d.%02d,\"currency\":\"EUR\"}}",
                                    at, g_rand_int_range (rand, 5, 900), g_rand_int_range (rand, 0, 100));
          else
            g_string_append_printf (line, "{\"name\":\"Login\",\"at\":\"%s\"}", at);
        }
      g_string_append (line, "]}\n");
      fwrite (line->str, 1, line->len, out);
    }
  if (fclose (out) != 0)
    {
      g_printerr ("Cannot write %s\n", path);
      return FALSE;
    }
  return TRUE;
}

char *
bench_swap_quotes (const char *text)
{
  char *out = g_strdup (text);

  /* \' (an expression's string quote) stays '; a lone ' becomes ". */
  for (char *p = out, *q = out; ; p++, q++)
    {
      if (p[0] == '\\' && p[1] == '\'')
        *q = *++p;
      else if (*p == '\'')
        *q = '"';
      else
        *q = *p;
      if (*p == '\0')
        break;
    }
  return out;
}

/* Reuses @path or generates @count seeded profiles there, after checking
 * that the disk has room for them; *@generated says which. */
gboolean
bench_prepare_profiles (const char *path,
                        gint64      count,
                        gboolean   *generated)
{
  *generated = FALSE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      struct statvfs fs;
      /* about 1.2 kB a profile; ask for twice that */
      guint64 need = (guint64) count * 2400;
      gint64 started;

      if (statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < need)
        {
          g_printerr ("%s: %" G_GUINT64_FORMAT " MB free, %" G_GUINT64_FORMAT " MB needed\n", dir,
                      (guint64) fs.f_bavail * fs.f_frsize >> 20, need >> 20);
          return FALSE;
        }
      started = g_get_monotonic_time ();
      if (!bench_generate_profiles (path, count, 20260101))
        return FALSE;
      *generated = TRUE;
      printf ("generated %s (%" G_GINT64_FORMAT " profiles) in %.1f s\n", path, count,
              (g_get_monotonic_time () - started) / 1e6);
    }
  else
    printf ("reusing %s\n", path);
  fflush (stdout);
  return TRUE;
}
