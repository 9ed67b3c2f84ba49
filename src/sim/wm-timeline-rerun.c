/* wm-timeline-rerun.c - finding a customer and simulating them again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Profiles never interact, so one customer simulated alone with the run's
 * program gives exactly their lines of the full run's timeline; nothing is
 * kept for customers no one looks at.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-profile-reader.h"
#include "wm-sim-engine.h"
#include "wm-time.h"
#include "wm-timeline-model.h"

G_DEFINE_QUARK (wm-timeline-error-quark, wm_timeline_error)

/* (a) Finding the profile. */

static gboolean
attribute_equals (const WmProfile *profile,
                  const char      *name,
                  const char      *query,
                  gboolean         ignore_case)
{
  WmValue value;

  if (!wm_profile_lookup_dotted (profile, name, &value) || value.type != WM_VALUE_STRING)
    return FALSE;
  if (ignore_case)
    return g_ascii_strcasecmp (value.as.string.str, query) == 0;
  return g_str_equal (value.as.string.str, query);
}

WmProfile *
wm_timeline_find_profile (const char  *profiles_path,
                          const char  *query,
                          GError     **error)
{
  g_autoptr(WmProfileReader) reader = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (profiles_path != NULL && query != NULL, NULL);

  wanted = g_strstrip (g_strdup (query));
  if (*wanted == '\0')
    {
      g_set_error_literal (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_NOT_FOUND,
                           _("Type a customer’s id, e-mail address or phone number"));
      return NULL;
    }
  reader = wm_profile_reader_open (profiles_path, error);
  if (reader == NULL)
    return NULL;
  for (;;)
    {
      WmProfile *profile = NULL;
      const char *reason = NULL;
      guint64 line = 0;

      switch (wm_profile_reader_next (reader, &profile, &line, &reason, error))
        {
        case WM_PROFILE_READ_PROFILE:
          if (g_str_equal (wm_profile_get_id (profile, NULL), wanted)
              || attribute_equals (profile, "email", wanted, TRUE)
              || attribute_equals (profile, "phone", wanted, FALSE))
            return profile;
          wm_profile_free (profile);
          break;
        case WM_PROFILE_READ_REJECTED:
          break;
        case WM_PROFILE_READ_END:
          g_set_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_NOT_FOUND,
                       _("No customer in “%s” has the id, e-mail address or phone number “%s”; check "
                         "the spelling or choose the run’s profile file"), profiles_path, wanted);
          return NULL;
        case WM_PROFILE_READ_ERROR:
        default:
          return NULL;
        }
    }
}

/* (b) Simulating it again. */

char *
wm_timeline_rerun (const WmSimProgram *program,
                   WmProfile          *profile)
{
  g_autoptr(WmSimWorker) worker = NULL;
  GString *timeline = g_string_new (NULL);

  g_return_val_if_fail (program != NULL && profile != NULL, NULL);

  worker = wm_sim_worker_new (program);
  wm_sim_worker_run_profile (worker, profile, timeline);
  return g_string_free (timeline, FALSE);
}

GTimeZone *
wm_timeline_zone_for (const WmSimProgram *program,
                      const WmProfile    *profile)
{
  WmValue value;
  GTimeZone *zone = NULL;

  g_return_val_if_fail (program != NULL, NULL);

  if (profile != NULL && wm_profile_lookup_dotted (profile, "timezone", &value)
      && value.type == WM_VALUE_STRING)
    zone = wm_zone_get (value.as.string.str);
  if (zone == NULL && program->n_flows > 0)
    zone = program->flows[0].zone;
  if (zone == NULL)
    zone = wm_zone_get ("UTC");
  return zone;
}
