/* test-timeline-model.c - one customer's journey as a timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from conformance case 16-timeline-steps, which has every Timeline
 * step kind: the rerun of one profile equals its lines of the full run (and
 * of the expected timeline), items, failure marks, local dates, filters,
 * stepping within a date and descriptions. 03-dst-zagreb (a run of seven
 * months) checks the period filter, 12-expressions API failures.
 */

#include "config.h"

#include "case-harness.h"
#include "wm-names.h"
#include "wm-time.h"
#include "wm-timeline-model.h"

/* The lines of @timeline, without their newlines. Walked with memchr:
 * g_strsplit's strstr rereads the rest of the text each time under ASan's
 * interceptor, which made this test quadratic in the sanitizer build. */
static GPtrArray *
timeline_lines (const char *timeline)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *line = timeline;
  const char *end = timeline + strlen (timeline);

  while (line < end)
    {
      const char *newline = memchr (line, '\n', end - line);
      const char *stop = newline != NULL ? newline : end;

      g_ptr_array_add (lines, g_strndup (line, stop - line));
      line = stop + 1;
    }
  return lines;
}

/* The lines of @timeline about @profile, each with its newline. */
static char *
profile_lines (const char *timeline,
               const char *profile)
{
  g_autofree char *prefix = g_strdup_printf ("{\"profile\":\"%s\",", profile);
  g_autoptr(GPtrArray) lines = timeline_lines (timeline);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    if (g_str_has_prefix (lines->pdata[i], prefix))
      g_string_append_printf (out, "%s\n", (const char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

/* The distinct profile ids of @timeline, in order. */
static GPtrArray *
profile_ids (const char *timeline)
{
  g_autoptr(GPtrArray) lines = timeline_lines (timeline);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = lines->pdata[i];
      const char *start = text + strlen ("{\"profile\":\"");
      const char *end;

      if (!g_str_has_prefix (text, "{\"profile\":\"") || (end = strchr (start, '"')) == NULL)
        continue;
      if (ids->len == 0 || strncmp (ids->pdata[ids->len - 1], start, end - start) != 0
          || ((char *) ids->pdata[ids->len - 1])[end - start] != '\0')
        g_ptr_array_add (ids, g_strndup (start, end - start));
    }
  return ids;
}

/* The model of @id, rerun alone from the profile file. */
static WmTimelineModel *
model_for (SimCase    *c,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfile) profile = wm_timeline_find_profile (c->profiles, id, &error);
  g_autofree char *timeline = NULL;
  GTimeZone *zone;
  WmTimelineModel *model;

  g_assert_no_error (error);
  zone = wm_timeline_zone_for (c->program, profile);
  timeline = wm_timeline_rerun (c->program, profile);
  model = wm_timeline_model_new (c->program, timeline, zone, &error);
  g_assert_no_error (error);
  return model;
}

static WmTimelineItem *
item_at (WmTimelineModel *model,
         guint            position)
{
  WmTimelineItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  g_object_unref (item);   /* the model keeps it */
  return item;
}

static guint
count_kind (WmTimelineModel *model,
            WmTimelineKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    n += wm_timeline_item_get_kind (item_at (model, i)) == kind;
  return n;
}

static void
test_rerun_equals_full_run (void)
{
  g_autofree char *full = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_path = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  report = sim_case_run (&c, &full);
  expected_path = g_build_filename (c.dir, "timeline.jsonl", NULL);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_assert_cmpstr (full, ==, expected);

  ids = profile_ids (full);
  g_assert_cmpuint (ids->len, >=, 10);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmProfile) profile = wm_timeline_find_profile (c.profiles, ids->pdata[i], &error);
      g_autofree char *alone = NULL;
      g_autofree char *in_full = profile_lines (full, ids->pdata[i]);

      g_assert_no_error (error);
      alone = wm_timeline_rerun (c.program, profile);
      g_assert_cmpstr (alone, ==, in_full);
    }
  sim_case_clear (&c);
}

static void
test_find_by_id_email_phone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfile) by_email = NULL;
  g_autoptr(WmProfile) by_phone = NULL;
  g_autoptr(WmProfile) by_id = NULL;
  g_autofree char *message = NULL;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  /* E-mail addresses match whatever their ASCII case. */
  by_email = wm_timeline_find_profile (c.profiles, " BJRN.nguyen1@shop.example.co.uk ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_profile_get_id (by_email, NULL), ==, "tl-0001");
  by_phone = wm_timeline_find_profile (c.profiles, "+18765550775", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_profile_get_id (by_phone, NULL), ==, "tl-0002");
  by_id = wm_timeline_find_profile (c.profiles, "tl-0008", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_profile_get_id (by_id, NULL), ==, "tl-0008");

  g_assert_null (wm_timeline_find_profile (c.profiles, "nobody@example.com", &error));
  g_assert_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_NOT_FOUND);
  message = g_strdup_printf ("No customer in “%s” has the id, e-mail address or phone number "
                             "“nobody@example.com”; check the spelling or choose the run’s profile file",
                             c.profiles);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_null (wm_timeline_find_profile (c.profiles, "  ", &error));
  g_assert_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (wm_timeline_find_profile ("/nonexistent/profiles.jsonl", "tl-0001", &error));
  g_assert_nonnull (error);
  sim_case_clear (&c);
}

/* CSV profiles: found by phone or e-mail; a rejected row is no customer. */
static void
test_csv_profiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmProfile) by_phone = NULL;
  g_autoptr(WmProfile) by_email = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *full = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *in_full = NULL;
  SimCase c;

  sim_case_load (&c, "10-audience-date-csv", TRUE);
  report = sim_case_run (&c, &full);
  by_phone = wm_timeline_find_profile (c.profiles, "+17755559369", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_profile_get_id (by_phone, NULL), ==, "c-0002");
  alone = wm_timeline_rerun (c.program, by_phone);
  in_full = profile_lines (full, "c-0002");
  g_assert_cmpstr (alone, ==, in_full);
  g_assert_cmpstr (alone, !=, "");

  by_email = wm_timeline_find_profile (c.profiles, "jrgen.horvat1@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_profile_get_id (by_email, NULL), ==, "c-0001");
  /* c-0003's phone is invalid: the row was rejected. */
  g_assert_null (wm_timeline_find_profile (c.profiles, "c-0003", &error));
  g_assert_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_NOT_FOUND);
  sim_case_clear (&c);
}

static void
test_items_and_failure_marks (void)
{
  g_autoptr(WmTimelineModel) model = NULL;
  g_autoptr(WmTimelineModel) stopped = NULL;
  g_autoptr(WmTimelineModel) error_removal = NULL;
  gboolean saw_not_delivered = FALSE, saw_error = FALSE;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  model = model_for (&c, "tl-0006");

  /* tl-0006's steps without visits and departures. */
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_EVENT), ==, 7);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_ENTER), ==, 5);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_SEND), ==, 2);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_NO_CONTACT), ==, 3);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_NOTIFY), ==, 1);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_MILESTONE), ==, 1);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_OUTCOME), ==, 8);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_GOAL), ==, 3);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_EXIT), ==, 5);
  g_assert_cmpuint (count_kind (model, WM_TIMELINE_REJECTED), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 36);
  g_assert_cmpuint (wm_timeline_model_get_n_all (model), ==, 36);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      WmTimelineItem *item = item_at (model, i);
      WmTimelineFailure want = WM_TIMELINE_OK;
      WmTimelineDirection direction = WM_TIMELINE_INTERNAL;

      switch (wm_timeline_item_get_kind (item))
        {
        case WM_TIMELINE_EVENT:
          direction = WM_TIMELINE_INBOUND;
          g_assert_null (wm_timeline_item_get_flow (item));
          break;
        case WM_TIMELINE_SEND:
        case WM_TIMELINE_NOTIFY:
          direction = WM_TIMELINE_OUTBOUND;
          break;
        case WM_TIMELINE_NO_CONTACT:
          direction = WM_TIMELINE_OUTBOUND;
          want = WM_TIMELINE_NO_CONTACT_FAILURE;
          break;
        case WM_TIMELINE_REJECTED:
          want = WM_TIMELINE_REJECTED_ENTRY;
          g_assert_cmpstr (wm_timeline_item_get_name (item), ==, "inactive");
          g_assert_cmpuint (wm_timeline_item_get_version (item), ==, 0);
          break;
        case WM_TIMELINE_OUTCOME:
          if (g_str_equal (wm_timeline_item_get_result (item), "failure"))
            want = WM_TIMELINE_OUTCOME_FAILURE;
          break;
        default:
          break;
        }
      g_assert_cmpint (wm_timeline_item_get_failure (item), ==, want);
      g_assert_cmpint (wm_timeline_item_get_direction (item), ==, direction);
    }

  /* The notification: its channel and cost in micro-units. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    if (wm_timeline_item_get_kind (item_at (model, i)) == WM_TIMELINE_NOTIFY)
      {
        g_assert_cmpstr (wm_timeline_item_get_channel (item_at (model, i)), ==, "sms");
        g_assert_cmpint (wm_timeline_item_get_cost (item_at (model, i)), ==, 7500);
      }

  /* tl-0008: a push that was not delivered; tl-0007: removed in error. */
  stopped = model_for (&c, "tl-0008");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stopped)); i++)
    {
      WmTimelineItem *item = item_at (stopped, i);

      if (wm_timeline_item_get_failure (item) == WM_TIMELINE_NOT_DELIVERED)
        {
          saw_not_delivered = TRUE;
          g_assert_cmpstr (wm_timeline_item_get_channel (item), ==, "push");
          g_assert_cmpint (wm_timeline_item_get_reaction (item, WM_REACTION_DELIVERED, NULL), ==,
                           WM_REACTION_DID_NOT_HAPPEN);
          g_assert_cmpint (wm_timeline_item_get_reaction (item, WM_REACTION_CLICKED, NULL), ==,
                           WM_REACTION_NOT_OFFERED);
        }
    }
  g_assert_true (saw_not_delivered);
  g_assert_cmpuint (count_kind (stopped, WM_TIMELINE_STOPPED), ==, 1);

  error_removal = model_for (&c, "tl-0007");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (error_removal)); i++)
    if (wm_timeline_item_get_kind (item_at (error_removal, i)) == WM_TIMELINE_ERROR_REMOVAL)
      {
        saw_error = TRUE;
        g_assert_cmpint (wm_timeline_item_get_failure (item_at (error_removal, i)), ==,
                         WM_TIMELINE_ERROR_FAILURE);
      }
  g_assert_true (saw_error);
  sim_case_clear (&c);
}

static void
test_api_failures_are_marked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  guint api = 0;
  SimCase c;

  /* Every call fails with api_success 0. */
  sim_case_load (&c, "12-expressions", TRUE);
  c.inputs.params.api_success = 0;
  wm_sim_program_free (c.program);
  c.program = wm_sim_program_new (&c.inputs, &diagnostics, &sources, &error);
  g_assert_no_error (error);
  report = sim_case_run (&c, &full);
  ids = profile_ids (full);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *lines = profile_lines (full, ids->pdata[i]);
      g_autoptr(WmTimelineModel) model = wm_timeline_model_new (c.program, lines, wm_zone_get ("UTC"), &error);

      g_assert_no_error (error);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (model)); j++)
        {
          WmTimelineItem *item = item_at (model, j);
          g_autofree char *text = NULL;

          if (wm_timeline_item_get_kind (item) != WM_TIMELINE_API)
            continue;
          api++;
          g_assert_cmpstr (wm_timeline_item_get_name (item), ==, "failure");
          g_assert_cmpint (wm_timeline_item_get_failure (item), ==, WM_TIMELINE_API_FAILURE);
          text = wm_timeline_item_describe (item);
          g_assert_true (g_str_has_prefix (text, "API call failed "));
        }
    }
  g_assert_cmpuint (api, >, 0);
  sim_case_clear (&c);
}

static void
test_grouped_by_local_date (void)
{
  g_autofree char *full = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(WmTimelineModel) sydney = NULL;
  guint first, n, differs_from_utc = 0;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);

  /* tl-0001 lives in Australia/Sydney (UTC+10 in May). */
  sydney = model_for (&c, "tl-0001");
  g_assert_cmpuint (wm_timeline_model_get_n_days (sydney), ==, 2);
  g_assert_cmpint (wm_timeline_model_get_day (sydney, 0, &first, &n), ==, wm_days_from_civil (2026, 5, 10));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpint (wm_timeline_model_get_day (sydney, 1, &first, &n), ==, wm_days_from_civil (2026, 5, 12));
  g_assert_cmpuint (first + n, ==, g_list_model_get_n_items (G_LIST_MODEL (sydney)));

  /* Every profile: days in order, each item on its local date in the
   * profile's zone, the groups covering every item once. */
  report = sim_case_run (&c, &full);
  ids = profile_ids (full);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(WmTimelineModel) model = model_for (&c, ids->pdata[i]);
      g_autoptr(WmProfile) profile = wm_timeline_find_profile (c.profiles, ids->pdata[i], NULL);
      GTimeZone *zone = wm_timeline_zone_for (c.program, profile);
      guint covered = 0;

      for (guint d = 0; d < wm_timeline_model_get_n_days (model); d++)
        {
          gint64 day = wm_timeline_model_get_day (model, d, &first, &n);

          g_assert_cmpuint (first, ==, covered);
          g_assert_cmpuint (n, >, 0);
          if (d > 0)
            g_assert_cmpint (day, >, wm_timeline_model_get_day (model, d - 1, NULL, NULL));
          for (guint k = first; k < first + n; k++)
            {
              WmTimelineItem *item = item_at (model, k);
              g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wm_timeline_item_get_at (item));
              g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
              int y, m, dd;

              g_date_time_get_ymd (local, &y, &m, &dd);
              g_assert_cmpint (wm_days_from_civil (y, m, dd), ==, day);
              g_assert_cmpint (wm_timeline_item_get_day (item), ==, day);
              if (wm_timeline_item_get_at (item) / 86400 != day)
                differs_from_utc++;
            }
          covered += n;
        }
      g_assert_cmpuint (covered, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
    }
  /* The case has items whose local date is not their UTC date, so a
   * grouping by UTC dates would have failed above. */
  g_assert_cmpuint (differs_from_utc, >, 0);
  sim_case_clear (&c);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_filters (void)
{
  g_autoptr(WmTimelineModel) model = NULL;
  guint all, in_main = 0, sms_anywhere = 0, sms_in_main = 0, changes = 0;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  model = model_for (&c, "tl-0006");
  all = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (wm_timeline_model_get_period (model), ==, 12);
  for (guint i = 0; i < all; i++)
    {
      WmTimelineItem *item = item_at (model, i);
      gboolean main = g_strcmp0 (wm_timeline_item_get_flow (item), "main") == 0;
      gboolean sms = g_strcmp0 (wm_timeline_item_get_channel (item), "sms") == 0;

      in_main += main;
      sms_anywhere += sms;
      sms_in_main += main && sms;
    }
  g_assert_cmpuint (in_main, >, 0);
  g_assert_cmpuint (in_main, <, all);
  g_assert_cmpuint (sms_in_main, ==, 2);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  wm_timeline_model_set_flow (model, "main");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, in_main);
  for (guint i = 0; i < in_main; i++)
    g_assert_cmpstr (wm_timeline_item_get_flow (item_at (model, i)), ==, "main");
  g_assert_cmpuint (changes, ==, 1);

  /* Both set: the channel within the flow. */
  wm_timeline_model_set_channel (model, "sms");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, sms_in_main);
  for (guint i = 0; i < sms_in_main; i++)
    {
      g_assert_cmpstr (wm_timeline_item_get_flow (item_at (model, i)), ==, "main");
      g_assert_cmpstr (wm_timeline_item_get_channel (item_at (model, i)), ==, "sms");
    }
  /* Days follow the filter. */
  g_assert_cmpuint (wm_timeline_model_get_n_days (model), ==, 2);

  wm_timeline_model_set_flow (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, sms_anywhere);
  wm_timeline_model_set_flow (model, "later");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (wm_timeline_model_get_n_days (model), ==, 0);
  wm_timeline_model_set_flow (model, NULL);
  wm_timeline_model_set_channel (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, all);
  g_assert_cmpuint (changes, ==, 6);
  /* Setting the same filter again changes nothing. */
  wm_timeline_model_set_channel (model, NULL);
  g_assert_cmpuint (changes, ==, 6);
  sim_case_clear (&c);
}

static void
test_period (void)
{
  g_autoptr(WmTimelineModel) march = NULL;
  g_autoptr(WmTimelineModel) october = NULL;
  guint all_october;
  gint64 six_months_before_end;
  SimCase c;

  /* The run ends 2026-11-05T00:00:00Z; p-0001 is busy in March and
   * April, p-0008 in October and November (both in Europe/Zagreb). */
  sim_case_load (&c, "03-dst-zagreb", TRUE);
  march = model_for (&c, "p-0001");
  october = model_for (&c, "p-0008");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (march)), >, 0);
  all_october = g_list_model_get_n_items (G_LIST_MODEL (october));
  g_assert_cmpuint (all_october, >, 0);

  /* Six months before 5 November 01:00 in Zagreb (CET) is 5 May 01:00
   * (CEST), 4 May 23:00 UTC. */
  six_months_before_end = case_ts ("2026-05-04T23:00:00Z");
  wm_timeline_model_set_period (march, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (march)), ==, 0);
  g_assert_cmpuint (wm_timeline_model_get_n_all (march), >, 0);
  wm_timeline_model_set_period (october, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (october)), ==, all_october);
  for (guint i = 0; i < all_october; i++)
    g_assert_cmpint (wm_timeline_item_get_at (item_at (october, i)), >=, six_months_before_end);

  wm_timeline_model_set_period (march, 9);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (march)), ==, wm_timeline_model_get_n_all (march));
  wm_timeline_model_set_period (march, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (march)), ==, wm_timeline_model_get_n_all (march));
  sim_case_clear (&c);
}

static void
test_previous_next_within_date (void)
{
  g_autoptr(WmTimelineModel) model = NULL;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  model = model_for (&c, "tl-0006");
  g_assert_cmpuint (wm_timeline_model_get_n_days (model), >, 2);
  for (guint d = 0; d < wm_timeline_model_get_n_days (model); d++)
    {
      guint first, n, steps = 1, p;

      wm_timeline_model_get_day (model, d, &first, &n);
      g_assert_cmpuint (wm_timeline_model_get_previous (model, first), ==, G_MAXUINT);
      g_assert_cmpuint (wm_timeline_model_get_next (model, first + n - 1), ==, G_MAXUINT);
      for (p = first; wm_timeline_model_get_next (model, p) != G_MAXUINT; p = wm_timeline_model_get_next (model, p))
        {
          g_assert_cmpuint (wm_timeline_model_get_previous (model, p + 1), ==, p);
          steps++;
        }
      g_assert_cmpuint (steps, ==, n);
      g_assert_cmpuint (p, ==, first + n - 1);
    }
  sim_case_clear (&c);
}

static void
test_path_for_show_in_flow (void)
{
  g_autoptr(WmTimelineModel) model = NULL;
  g_autoptr(GPtrArray) path = NULL;
  g_autoptr(GPtrArray) none = NULL;
  WmTimelineItem *send = NULL, *event = NULL;
  const char *expected[][2] = {
    { "e1", "out" }, { "os", "out" }, { "o2", "out" }, { "em", "out" }, { "rm", NULL },
  };
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  /* tl-0001 enters main, sends an e-mail and waits at rm until main's
   * version 1 is stopped. */
  model = model_for (&c, "tl-0001");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      WmTimelineItem *item = item_at (model, i);

      if (wm_timeline_item_get_kind (item) == WM_TIMELINE_SEND)
        send = item;
      else if (wm_timeline_item_get_kind (item) == WM_TIMELINE_EVENT)
        event = item;
    }
  g_assert_nonnull (send);
  g_assert_cmpstr (wm_timeline_item_get_element (send), ==, "em");
  path = wm_timeline_model_get_path (model, send);
  g_assert_cmpuint (path->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < path->len; i++)
    {
      WmPathStep *step = path->pdata[i];

      g_assert_cmpstr (step->element, ==, expected[i][0]);
      g_assert_cmpstr (step->port, ==, expected[i][1]);
    }
  none = wm_timeline_model_get_path (model, event);
  g_assert_cmpuint (none->len, ==, 0);
  sim_case_clear (&c);
}

/* The descriptions of @id's items of @kind, in order. */
static GPtrArray *
descriptions (SimCase        *c,
              const char     *id,
              WmTimelineKind  kind)
{
  g_autoptr(WmTimelineModel) model = model_for (c, id);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    if (wm_timeline_item_get_kind (item_at (model, i)) == kind)
      g_ptr_array_add (out, wm_timeline_item_describe (item_at (model, i)));
  return out;
}

static void
test_descriptions (void)
{
  SimCase c;
  struct {
    const char     *profile;
    WmTimelineKind  kind;
    guint           index;
    const char     *text;
  } cases[] = {
    /* tl-0006 lives in US/Eastern (UTC-4 in May). */
    { "tl-0006", WM_TIMELINE_SEND, 0, "E-mail sent 2 May 19:03, delivered, not opened" },
    { "tl-0006", WM_TIMELINE_SEND, 1, "E-mail sent 8 May 01:05, delivered, opened, not clicked" },
    { "tl-0006", WM_TIMELINE_NO_CONTACT, 0, "No SMS sent 4 May 19:03: no valid contact" },
    { "tl-0006", WM_TIMELINE_NO_CONTACT, 1, "No push notification sent 17 May 03:07: no valid contact" },
    { "tl-0006", WM_TIMELINE_NOTIFY, 0, "Internal notification by SMS 8 May 02:44" },
    { "tl-0006", WM_TIMELINE_MILESTONE, 0, "Milestone “opened” reached 8 May 02:44" },
    { "tl-0006", WM_TIMELINE_OUTCOME, 7, "Outcome “answer” failed 11 May 02:44" },
    { "tl-0006", WM_TIMELINE_OUTCOME, 6, "Outcome “convert” succeeded 8 May 02:44" },
    { "tl-0006", WM_TIMELINE_REJECTED, 0,
      "Entry into “Later” rejected 17 May 03:07: no version was accepting entries" },
    { "tl-0006", WM_TIMELINE_ENTER, 2, "Entered “Main” (version 2) 17 May 03:07" },
    { "tl-0006", WM_TIMELINE_EVENT, 0, "Event “Visit” 2 May 19:03" },
    { "tl-0006", WM_TIMELINE_GOAL, 0, "Goal “Buy” reached 2 May 19:04" },
    { "tl-0006", WM_TIMELINE_EXIT, 4, "Left “Later” 21 May 13:28" },
    /* tl-0008 lives in Asia/Tokyo (UTC+9). */
    { "tl-0008", WM_TIMELINE_SEND, 1, "Push notification sent 18 May 14:37, not delivered" },
    { "tl-0008", WM_TIMELINE_STOPPED, 0, "Removed from “Main” 12 May 09:00: the version was stopped" },
  };

  sim_case_load (&c, "16-timeline-steps", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) texts = descriptions (&c, cases[i].profile, cases[i].kind);

      g_assert_cmpuint (cases[i].index, <, texts->len);
      g_assert_cmpstr (texts->pdata[cases[i].index], ==, cases[i].text);
    }
  sim_case_clear (&c);
}

/* Milestones and outcomes by the names the workspace gives them; an id
 * the names do not know stays as it is. */
static void
test_definitions_named (void)
{
  g_autoptr(GHashTable) names = wm_names_new ();
  g_autoptr(WmTimelineModel) model = NULL;
  guint milestones = 0, named_outcomes = 0, other_outcomes = 0;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  model = model_for (&c, "tl-0006");
  wm_names_insert (names, WM_NAMES_MILESTONE, "opened", "E-mail opened");
  wm_names_insert (names, WM_NAMES_OUTCOME, "convert", "Converted");
  wm_timeline_model_name_definitions (model, names);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      WmTimelineItem *item = item_at (model, i);
      g_autofree char *text = wm_timeline_item_describe (item);

      if (wm_timeline_item_get_kind (item) == WM_TIMELINE_MILESTONE)
        {
          g_assert_cmpstr (wm_timeline_item_get_label (item), ==, "E-mail opened");
          g_assert_cmpstr (wm_timeline_item_get_name (item), ==, "opened");
          g_assert_cmpstr (text, ==, "Milestone “E-mail opened” reached 8 May 02:44");
          milestones++;
        }
      else if (wm_timeline_item_get_kind (item) == WM_TIMELINE_OUTCOME
               && g_str_equal (wm_timeline_item_get_name (item), "convert"))
        {
          g_assert_cmpstr (wm_timeline_item_get_label (item), ==, "Converted");
          g_assert_nonnull (strstr (text, "Outcome “Converted”"));
          named_outcomes++;
        }
      else if (wm_timeline_item_get_kind (item) == WM_TIMELINE_OUTCOME)
        {
          g_assert_cmpstr (wm_timeline_item_get_label (item), ==, wm_timeline_item_get_name (item));
          other_outcomes++;
        }
    }
  g_assert_cmpuint (milestones, ==, 1);
  g_assert_cmpuint (named_outcomes, >, 0);
  g_assert_cmpuint (other_outcomes, >, 0);
  sim_case_clear (&c);
}

/* Journey lines (journeys.md, last paragraph), written by hand: their
 * kinds, ids, results, names from the program's journeys (an id when the
 * program lacks the journey), descriptions and filters. */
static const char journey_lines[] =
  "{\"profile\":\"j\",\"at\":\"2026-08-11T16:00:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"event\",\"name\":\"OrderPlaced\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-11T16:00:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"journey\",\"journey\":\"delivery\",\"result\":\"began\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-11T16:00:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"stage\",\"journey\":\"delivery\",\"stage\":\"packed\",\"result\":\"triggered\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-11T16:00:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"stage\",\"journey\":\"delivery\",\"stage\":\"packed\",\"result\":\"began\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-13T08:00:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"stage-step\",\"journey\":\"delivery\",\"stage\":\"packed\",\"id\":\"pack\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-13T08:00:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"stage\",\"journey\":\"delivery\",\"stage\":\"packed\",\"result\":\"completed\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-14T05:00:00Z\",\"flow\":\"tracking\",\"version\":1,\"entry\":1,\"step\":\"enter\",\"element\":\"e1\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-14T05:00:00Z\",\"flow\":\"tracking\",\"version\":1,\"entry\":1,\"step\":\"visit\",\"element\":\"e1\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-15T09:30:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"journey\",\"journey\":\"delivery\",\"result\":\"completed\"}\n"
  "{\"profile\":\"j\",\"at\":\"2026-08-15T09:30:00Z\",\"flow\":null,\"version\":null,\"entry\":null,\"step\":\"journey\",\"journey\":\"returns\",\"result\":\"began\"}\n";

static void
count_changes (guint *changed)
{
  (*changed)++;
}

static void
test_journey_items (void)
{
  static const struct
  {
    WmTimelineKind kind;
    const char    *journey;
    const char    *journey_name;
    const char    *stage;
    const char    *name;
    const char    *result;
    const char    *text;
  } expected[] = {
    { WM_TIMELINE_EVENT, NULL, NULL, NULL, "OrderPlaced", NULL, "Event “OrderPlaced” 11 August 16:00" },
    { WM_TIMELINE_JOURNEY, "delivery", "Order delivery", NULL, NULL, "began",
      "Journey “Order delivery” began 11 August 16:00" },
    { WM_TIMELINE_STAGE, "delivery", "Order delivery", "packed", NULL, "triggered",
      "Stage “packed” of “Order delivery” triggered 11 August 16:00" },
    { WM_TIMELINE_STAGE, "delivery", "Order delivery", "packed", NULL, "began",
      "Stage “packed” of “Order delivery” began 11 August 16:00" },
    { WM_TIMELINE_STAGE_STEP, "delivery", "Order delivery", "packed", "pack", NULL,
      "Step “pack” of stage “packed” done 13 August 08:00" },
    { WM_TIMELINE_STAGE, "delivery", "Order delivery", "packed", NULL, "completed",
      "Stage “packed” of “Order delivery” completed 13 August 08:00" },
    { WM_TIMELINE_ENTER, NULL, NULL, NULL, NULL, NULL, "Entered “Parcel tracking” (version 1) 14 August 05:00" },
    { WM_TIMELINE_JOURNEY, "delivery", "Order delivery", NULL, NULL, "completed",
      "Journey “Order delivery” completed 15 August 09:30" },
    { WM_TIMELINE_JOURNEY, "returns", NULL, NULL, NULL, "began", "Journey “returns” began 15 August 09:30" },
  };
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmTimelineModel) model = NULL;
  SimCase c;

  sim_case_load (&c, "23-journey-timing", TRUE);
  sim_case_add_journeys (&c, journeys);
  model = wm_timeline_model_new (c.program, journey_lines, wm_zone_get ("UTC"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      WmTimelineItem *item = item_at (model, i);
      g_autofree char *text = wm_timeline_item_describe (item);

      g_assert_cmpint (wm_timeline_item_get_kind (item), ==, expected[i].kind);
      g_assert_cmpstr (wm_timeline_item_get_journey (item), ==, expected[i].journey);
      g_assert_cmpstr (wm_timeline_item_get_journey_name (item), ==, expected[i].journey_name);
      g_assert_cmpstr (wm_timeline_item_get_stage (item), ==, expected[i].stage);
      g_assert_cmpstr (wm_timeline_item_get_name (item), ==, expected[i].name);
      g_assert_cmpstr (wm_timeline_item_get_result (item), ==, expected[i].result);
      g_assert_cmpstr (text, ==, expected[i].text);
      if (expected[i].journey != NULL)
        {
          g_autoptr(GPtrArray) path = wm_timeline_model_get_path (model, item);

          g_assert_cmpint (wm_timeline_item_get_direction (item), ==, WM_TIMELINE_INTERNAL);
          g_assert_cmpuint (wm_timeline_item_get_entry (item), ==, 0);
          g_assert_cmpint (wm_timeline_item_get_failure (item), ==, WM_TIMELINE_OK);

          g_assert_null (wm_timeline_item_get_flow (item));
          /* No entry, so nothing to show in a flow. */
          g_assert_cmpuint (path->len, ==, 0);
        }
    }

  /* A flow filter keeps the journey lines (they are about no flow) and the
   * flow's own items, and drops the events. */
  wm_timeline_model_set_flow (model, "tracking");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (expected) - 1);
  g_assert_cmpint (wm_timeline_item_get_kind (item_at (model, 0)), ==, WM_TIMELINE_JOURNEY);
  wm_timeline_model_set_flow (model, "another-flow");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (expected) - 2);
  wm_timeline_model_set_flow (model, NULL);
  wm_timeline_model_set_channel (model, "sms");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (expected) - 2);
  wm_timeline_model_set_channel (model, NULL);
  sim_case_clear (&c);
}

/* Given the journey document, stages and steps are said by name; a
 * journey the document is not about keeps its id. */
static void
test_journey_items_named (void)
{
  static const char * const texts[] = {
    "Event “OrderPlaced” 11 August 16:00",
    "Journey “Order delivery” began 11 August 16:00",
    "Stage “Packed” of “Order delivery” triggered 11 August 16:00",
    "Stage “Packed” of “Order delivery” began 11 August 16:00",
    "Step “Packed” of stage “Packed” done 13 August 08:00",
    "Stage “Packed” of “Order delivery” completed 13 August 08:00",
    "Entered “Parcel tracking” (version 1) 14 August 05:00",
    "Journey “Order delivery” completed 15 August 09:30",
    "Journey “returns” began 15 August 09:30",
  };
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmTimelineModel) model = NULL;
  guint changed = 0;
  SimCase c;

  sim_case_load (&c, "23-journey-timing", TRUE);
  sim_case_add_journeys (&c, journeys);
  model = wm_timeline_model_new (c.program, journey_lines, wm_zone_get ("UTC"), &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_changes), &changed);
  wm_timeline_model_name_journey (model, journeys->pdata[0]);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = wm_timeline_item_describe (item_at (model, i));

      g_assert_cmpstr (text, ==, texts[i]);
    }
  g_assert_cmpstr (wm_timeline_item_get_stage_name (item_at (model, 3)), ==, "Packed");
  g_assert_cmpstr (wm_timeline_item_get_step_name (item_at (model, 4)), ==, "Packed");
  g_assert_null (wm_timeline_item_get_step_name (item_at (model, 3)));
  g_assert_null (wm_timeline_item_get_stage_name (item_at (model, 8)));
  sim_case_clear (&c);
}

static void
test_bad_journey_line_is_refused (void)
{
  g_autoptr(GError) error = NULL;
  SimCase c;

  sim_case_load (&c, "23-journey-timing", TRUE);
  g_assert_null (wm_timeline_model_new (c.program,
                                        "{\"profile\":\"j\",\"at\":\"2026-08-11T16:00:00Z\",\"flow\":null,\"version\":null,"
                                        "\"entry\":null,\"step\":\"stage\",\"journey\":\"delivery\",\"result\":\"began\"}\n",
                                        wm_zone_get ("UTC"), &error));
  g_assert_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“stage”"));
  sim_case_clear (&c);
}

/* A customer simulated again shows every journey line the full run wrote
 * for it (the expected timeline of the case), in order. */
static void
test_journey_items_from_rerun (void)
{
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  guint total = 0;
  SimCase c;

  sim_case_load (&c, "23-journey-timing", TRUE);
  sim_case_add_journeys (&c, journeys);
  path = g_build_filename (c.dir, "timeline.jsonl", NULL);
  g_assert_true (g_file_get_contents (path, &expected, NULL, NULL));
  ids = profile_ids (expected);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(WmTimelineModel) model = model_for (&c, ids->pdata[i]);
      g_autofree char *lines = profile_lines (expected, ids->pdata[i]);
      g_autoptr(GPtrArray) split = timeline_lines (lines);
      guint k = 0;

      for (guint j = 0; j < split->len; j++)
        {
          const char *line = split->pdata[j];
          WmTimelineItem *item;
          const char *stage;

          if (strstr (line, ",\"step\":\"journey\",") == NULL && strstr (line, ",\"step\":\"stage\",") == NULL
              && strstr (line, ",\"step\":\"stage-step\",") == NULL)
            continue;
          /* The next journey item of the model is this line. */
          do
            item = item_at (model, k++);
          while (wm_timeline_item_get_journey (item) == NULL);
          g_assert_nonnull (strstr (line, wm_timeline_item_get_kind (item) == WM_TIMELINE_JOURNEY ? ",\"step\":\"journey\","
                                          : wm_timeline_item_get_kind (item) == WM_TIMELINE_STAGE ? ",\"step\":\"stage\","
                                          : ",\"step\":\"stage-step\","));
          stage = wm_timeline_item_get_stage (item);
          if (stage != NULL)
            {
              g_autofree char *key = g_strdup_printf ("\"stage\":\"%s\"", stage);

              g_assert_nonnull (strstr (line, key));
            }
          total++;
        }
    }
  g_assert_cmpuint (total, >, 50);
  sim_case_clear (&c);
}

static void
test_bad_timeline_is_refused (void)
{
  g_autoptr(GError) error = NULL;
  SimCase c;

  sim_case_load (&c, "16-timeline-steps", TRUE);
  g_assert_null (wm_timeline_model_new (c.program, "{\"profile\":\"x\"}\nnot json\n", wm_zone_get ("UTC"), &error));
  g_assert_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 1 of the timeline is not a step; simulate the customer again");
  sim_case_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/timeline/rerun-of-one-profile-equals-the-full-run", test_rerun_equals_full_run);
  g_test_add_func ("/sim/timeline/profile-found-by-id-email-or-phone", test_find_by_id_email_phone);
  g_test_add_func ("/sim/timeline/csv-profiles", test_csv_profiles);
  g_test_add_func ("/sim/timeline/items-and-failure-marks", test_items_and_failure_marks);
  g_test_add_func ("/sim/timeline/api-failures-are-marked", test_api_failures_are_marked);
  g_test_add_func ("/sim/timeline/grouped-by-local-date", test_grouped_by_local_date);
  g_test_add_func ("/sim/timeline/flow-and-channel-filters", test_filters);
  g_test_add_func ("/sim/timeline/period-filter", test_period);
  g_test_add_func ("/sim/timeline/previous-next-within-a-date", test_previous_next_within_date);
  g_test_add_func ("/sim/timeline/descriptions-say-the-values", test_descriptions);
  g_test_add_func ("/sim/timeline/milestones-and-outcomes-by-name", test_definitions_named);
  g_test_add_func ("/sim/timeline/path-for-show-in-flow", test_path_for_show_in_flow);
  g_test_add_func ("/sim/timeline/bad-timeline-is-refused", test_bad_timeline_is_refused);
  g_test_add_func ("/sim/timeline/journey-items", test_journey_items);
  g_test_add_func ("/sim/timeline/journey-items-named", test_journey_items_named);
  g_test_add_func ("/sim/timeline/bad-journey-line-is-refused", test_bad_journey_line_is_refused);
  g_test_add_func ("/sim/timeline/journey-items-from-rerun", test_journey_items_from_rerun);

  return g_test_run ();
}
