/* test-journey-customers.c - the customers in one state of a journey stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the journey conformance cases (20 to 23): for every stage and every
 * state, the customers found are as many as the report's figure (the
 * report simulated here and the expected report the command line must
 * write), each really is in that state (its stage line in the full run's
 * timeline is at the time found); a limit cuts the list but not the total;
 * a file of a few thousand profiles gives the counts of the report that
 * `waymark-cli simulate --journey` writes for it; a
 * cancelled scan, an unknown journey or stage and a missing file fail with
 * a clear error.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "case-harness.h"
#include "wm-journey-customers.h"

static const char * const state_keys[] = {
  "waiting", "on_track", "behind", "stuck", "completed_on_time", "completed_late",
};

static void
load_with_journeys (SimCase    *c,
                    const char *name,
                    GPtrArray  *journeys)
{
  sim_case_load (c, name, TRUE);
  sim_case_add_journeys (c, journeys);
}

typedef struct
{
  GPtrArray *found;
  guint      n_total;
  GError    *error;
  gboolean   done;
} Wait;

static void
scanned (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  g_assert_null (source);
  wait->found = wm_stage_customers_finish (result, &wait->n_total, &wait->error);
  wait->done = TRUE;
}

/* Runs a scan to its end on the main context. */
static GPtrArray *
scan (const WmSimProgram *program,
      const char         *path,
      const char         *journey,
      const char         *stage,
      WmStageState        state,
      guint               limit,
      GCancellable       *cancellable,
      guint              *n_total,
      GError            **error)
{
  Wait wait = { 0 };

  wm_stage_customers_async (program, path, journey, stage, state, limit, cancellable, scanned, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (n_total != NULL)
    *n_total = wait.n_total;
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.found;
}

/* "PROFILE\x1fJOURNEY\x1fSTAGE\x1fRESULT" -> the stage line's time. */
static GHashTable *
stage_times (const char *timeline)
{
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (timeline, "\n", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonObject *step;
      gint64 *at;

      if (strstr (lines[i], "\"step\":\"stage\"") == NULL)
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      step = json_node_get_object (json_parser_get_root (parser));
      at = g_new (gint64, 1);
      *at = case_ts (json_object_get_string_member (step, "at"));
      g_hash_table_insert (times,
                           g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s",
                                            json_object_get_string_member (step, "profile"),
                                            json_object_get_string_member (step, "journey"),
                                            json_object_get_string_member (step, "stage"),
                                            json_object_get_string_member (step, "result")),
                           at);
    }
  return times;
}

static void
check_case (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GHashTable) times = NULL;
  g_autofree char *timeline = NULL;
  JsonObject *jr, *je;
  SimCase c;
  guint n_found = 0;

  load_with_journeys (&c, name, journeys);
  report = sim_case_run (&c, &timeline);
  expected = sim_case_read_json (&c, "expected.json");
  times = stage_times (timeline);
  jr = json_object_get_object_member (json_node_get_object (report), "journeys");
  je = json_object_get_object_member (json_node_get_object (expected), "journeys");
  g_assert_cmpuint (c.program->n_journeys, ==, json_object_get_size (je));

  for (guint j = 0; j < c.program->n_journeys; j++)
    {
      const WmSimJourney *sj = &c.program->journeys[j];
      JsonObject *stages_r = json_object_get_object_member (json_object_get_object_member (jr, sj->id), "stages");
      JsonObject *stages_e = json_object_get_object_member (json_object_get_object_member (je, sj->id), "stages");

      for (guint s = 0; s < sj->n_stages; s++)
        for (guint k = 0; k < G_N_ELEMENTS (state_keys); k++)
          {
            const char *stage = sj->stages[s].id;
            g_autoptr(GError) error = NULL;
            g_autoptr(GPtrArray) found = NULL;
            gint64 want = json_object_get_int_member (json_object_get_object_member (stages_e, stage), state_keys[k]);
            guint n_total = G_MAXUINT;

            g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (stages_r, stage),
                                                         state_keys[k]), ==, want);
            found = scan (c.program, c.profiles, sj->id, stage, k, G_MAXUINT, NULL, &n_total, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (n_total, ==, want);
            g_assert_cmpuint (found->len, ==, want);
            for (guint i = 0; i < found->len; i++)
              {
                WmStageCustomer *customer = found->pdata[i];
                g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", customer->profile_id, sj->id, stage,
                                                        k == WM_STAGE_WAITING ? "triggered" : "began");
                gint64 *at = g_hash_table_lookup (times, key);

                g_assert_nonnull (at);
                g_assert_cmpint (customer->since, ==, *at);
                if (i > 0)   /* file order: the ids of these cases ascend */
                  g_assert_cmpstr (((WmStageCustomer *) found->pdata[i - 1])->profile_id, <, customer->profile_id);
              }
            n_found += found->len;
          }
    }
  /* The case has customers in some state, or the checks above prove little. */
  g_assert_cmpuint (n_found, >, 0);
  sim_case_clear (&c);
}

static void
test_limit (void)
{
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  guint n_all = 0, n_some = 0, n_none = 0;
  SimCase c;

  /* 23-journey-timing: four packed stages completed late. */
  load_with_journeys (&c, "23-journey-timing", journeys);
  all = scan (c.program, c.profiles, "delivery", "packed", WM_STAGE_COMPLETED_LATE, G_MAXUINT, NULL, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_all, ==, 4);
  some = scan (c.program, c.profiles, "delivery", "packed", WM_STAGE_COMPLETED_LATE, 2, NULL, &n_some, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_some, ==, 4);
  g_assert_cmpuint (some->len, ==, 2);
  for (guint i = 0; i < some->len; i++)
    {
      g_assert_cmpstr (((WmStageCustomer *) some->pdata[i])->profile_id, ==,
                       ((WmStageCustomer *) all->pdata[i])->profile_id);
      g_assert_cmpint (((WmStageCustomer *) some->pdata[i])->since, ==,
                       ((WmStageCustomer *) all->pdata[i])->since);
    }
  none = scan (c.program, c.profiles, "delivery", "packed", WM_STAGE_COMPLETED_LATE, 0, NULL, &n_none, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_none, ==, 4);
  g_assert_cmpuint (none->len, ==, 0);
  sim_case_clear (&c);
}

/* The report of `waymark-cli simulate --journey` on case 23 with the
 * profiles of @profiles. */
static JsonNode *
cli_report (SimCase    *c,
            const char *profiles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *flow = g_build_filename (c->dir, "tracking.waymark.json", NULL);
  g_autofree char *journey = g_build_filename (c->dir, "delivery.waymark-journey.json", NULL);
  g_autofree char *flow_arg = g_strconcat ("--flow=", flow, NULL);
  g_autofree char *journey_arg = g_strconcat ("--journey=", journey, NULL);
  g_autofree char *profiles_arg = g_strconcat ("--profiles=", profiles, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = {
    WAYMARK_CLI, "simulate", flow_arg, journey_arg, profiles_arg,
    "--start=2026-08-03T00:00:00Z", "--end=2026-08-17T00:00:00Z", "--seed=439490", "--threads=2", NULL,
  };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("waymark-cli failed: %s", err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Case 23's profiles many times over (ids made unique): the counts still
 * equal the report `waymark-cli simulate --journey` writes for that file,
 * past many cancellation checks. */
static void
test_many_profiles (void)
{
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wm-journey-customers-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  JsonObject *stages;
  SimCase c;

  g_assert_no_error (error);
  load_with_journeys (&c, "23-journey-timing", journeys);
  g_assert_true (g_file_get_contents (c.profiles, &text, NULL, &error));
  lines = g_strsplit (text, "\n", -1);
  for (guint copy = 0; copy < 250; copy++)
    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "{\"id\":\"o-"))
        {
          g_string_append_printf (many, "{\"id\":\"c%u-", copy);
          g_string_append (many, lines[i] + strlen ("{\"id\":\""));
          g_string_append_c (many, '\n');
        }
  path = g_build_filename (dir, "many.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, many->str, many->len, &error));
  g_free (c.profiles);
  c.profiles = g_strdup (path);
  report = cli_report (&c, path);
  stages = json_object_get_object_member (
    json_object_get_object_member (json_object_get_object_member (json_node_get_object (report), "journeys"),
                                   "delivery"), "stages");
  for (guint k = 0; k < G_N_ELEMENTS (state_keys); k++)
    {
      g_autoptr(GPtrArray) found = NULL;
      guint n_total = 0;

      found = scan (c.program, path, "delivery", "shipped", k, 10, NULL, &n_total, &error);
      g_assert_no_error (error);
      g_assert_cmpint (n_total, ==,
                       json_object_get_int_member (json_object_get_object_member (stages, "shipped"), state_keys[k]));
      g_assert_cmpuint (found->len, ==, MIN (n_total, 10));
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (stages, "shipped"), "completed_late"),
                   >, 250);

  /* Cancelled while it runs, or after it ran but before its result was
   * taken (a fast machine can finish the scan first): an error, never a
   * partial or late list. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    Wait wait = { 0 };

    wm_stage_customers_async (c.program, path, "delivery", "shipped", WM_STAGE_COMPLETED_LATE, 10, cancellable,
                              scanned, &wait);
    g_cancellable_cancel (cancellable);
    while (!wait.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (wait.found);
    g_clear_error (&wait.error);
  }
  g_unlink (path);
  g_rmdir (dir);
  sim_case_clear (&c);
}

static void
test_errors (void)
{
  g_autoptr(GPtrArray) journeys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SimCase c;

  load_with_journeys (&c, "23-journey-timing", journeys);

  g_cancellable_cancel (cancellable);
  found = scan (c.program, c.profiles, "delivery", "packed", WM_STAGE_COMPLETED_LATE, 10, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
  g_clear_error (&error);

  found = scan (c.program, c.profiles, "no-such-journey", "packed", WM_STAGE_STUCK, 10, NULL, NULL, &error);
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "no-such-journey"));
  g_assert_null (found);
  g_clear_error (&error);

  found = scan (c.program, c.profiles, "delivery", "no-such-stage", WM_STAGE_STUCK, 10, NULL, NULL, &error);
  g_assert_error (error, WM_SIM_ERROR, WM_SIM_ERROR_USAGE);
  g_assert_nonnull (strstr (error->message, "no-such-stage"));
  g_assert_null (found);
  g_clear_error (&error);

  found = scan (c.program, "/nonexistent/profiles.jsonl", "delivery", "packed", WM_STAGE_STUCK, 10, NULL, NULL,
                &error);
  g_assert_nonnull (error);
  g_assert_null (found);
  sim_case_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const cases[] = {
    "20-journey-onboarding", "21-journey-manual-tasks", "22-journey-gating", "23-journey-timing",
  };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/journey-customers/report/%s", cases[i]);

      g_test_add_data_func (name, cases[i], check_case);
    }
  g_test_add_func ("/journey-customers/limit", test_limit);
  g_test_add_func ("/journey-customers/many-profiles", test_many_profiles);
  g_test_add_func ("/journey-customers/errors", test_errors);
  return g_test_run ();
}
