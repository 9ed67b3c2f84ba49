/* test-journey-figures.c - one journey's figures read from a run's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-written report with two journeys: the figures of one read with
 * its journey document (document order, names, durations) and without it
 * (the report's order, ids); reports without journeys, without the
 * journey, or with a damaged figure give errors naming it; shares and
 * mean times in words.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "wm-journey-figures.h"

/* Stages and steps sorted by id, as the report writes them. */
static const char report_text[] =
  "{ \"format\": \"waymark.report\", \"flows\": {},"
  "  \"journeys\": {"
  "    \"onboarding\": { \"name\": \"New customer onboarding\", \"began\": 40, \"completed\": 6,"
  "      \"mean_completion_seconds\": 187200, \"stages\": {"
  "      \"first-purchase\": { \"triggered\": 30, \"began\": 30, \"completed\": 12, \"waiting\": 0,"
  "        \"on_track\": 8, \"behind\": 6, \"stuck\": 4, \"completed_on_time\": 9, \"completed_late\": 3,"
  "        \"mean_completion_seconds\": 90000, \"steps\": { \"bought\": 12, \"cart-reminder\": 5 } },"
  "      \"loyal\": { \"triggered\": 10, \"began\": 10, \"completed\": 6, \"waiting\": 0,"
  "        \"on_track\": 4, \"behind\": 0, \"stuck\": 0, \"completed_on_time\": 6, \"completed_late\": 0,"
  "        \"mean_completion_seconds\": 3600, \"steps\": { \"bought-again\": 6 } },"
  "      \"registered\": { \"triggered\": 40, \"began\": 38, \"completed\": 30, \"waiting\": 2,"
  "        \"on_track\": 5, \"behind\": 2, \"stuck\": 1, \"completed_on_time\": 25, \"completed_late\": 5,"
  "        \"mean_completion_seconds\": 320247, \"steps\": { \"signed-up\": 30 } },"
  "      \"welcomed\": { \"triggered\": 30, \"began\": 30, \"completed\": 20, \"waiting\": 0,"
  "        \"on_track\": 10, \"behind\": 0, \"stuck\": 0, \"completed_on_time\": 20, \"completed_late\": 0,"
  "        \"mean_completion_seconds\": 0, \"steps\": {} } } },"
  "    \"retention\": { \"name\": \"\", \"began\": 0, \"completed\": 0, \"mean_completion_seconds\": 0,"
  "      \"stages\": {} } } }";

static const char journey_text[] =
  "{ \"format\": \"waymark.journey\", \"format_version\": 1, \"id\": \"onboarding\", \"name\": \"Onboarding\","
  "  \"stages\": ["
  "    { \"id\": \"registered\", \"name\": \"Registered\", \"begins\": { \"when\": \"journey\", \"after\": [] },"
  "      \"completes\": \"steps\", \"steps\": [ { \"id\": \"signed-up\", \"name\": \"Signed up\", \"kind\": \"task\" } ],"
  "      \"flows\": [], \"duration\": \"30d\" },"
  "    { \"id\": \"welcomed\", \"name\": \"Welcomed\", \"begins\": { \"when\": \"after\", \"after\": [\"registered\"] },"
  "      \"completes\": \"manual\", \"steps\": [], \"flows\": [], \"duration\": \"14d\" },"
  "    { \"id\": \"first-purchase\", \"name\": \"\", \"begins\": { \"when\": \"after\", \"after\": [\"registered\"] },"
  "      \"completes\": \"steps\", \"steps\": ["
  "        { \"id\": \"cart-reminder\", \"name\": \"Reminded of a cart\", \"kind\": \"task\", \"required\": false },"
  "        { \"id\": \"bought\", \"name\": \"Bought\", \"kind\": \"task\" } ],"
  "      \"flows\": [], \"duration\": \"2w\" },"
  "    { \"id\": \"loyal\", \"name\": \"Loyal\", \"begins\": { \"when\": \"manual\", \"after\": [] },"
  "      \"completes\": \"manual\", \"steps\": [], \"flows\": [], \"duration\": \"bad\" } ] }";

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static const WmStageFigures *
stage_at (const WmJourneyFigures *figures,
          guint                   index)
{
  g_assert_cmpuint (index, <, figures->stages->len);
  return figures->stages->pdata[index];
}

static void
assert_step (const WmStageFigures *stage,
             guint                 index,
             const char           *id,
             const char           *name,
             guint64               count)
{
  const WmStepFigures *step;

  g_assert_cmpuint (index, <, stage->steps->len);
  step = stage->steps->pdata[index];
  g_assert_cmpstr (step->id, ==, id);
  g_assert_cmpstr (step->name, ==, name);
  g_assert_cmpuint (step->count, ==, count);
}

static void
test_with_journey (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = parse_object (report_text);
  g_autoptr(WmJourney) journey = wm_journey_load_from_data (journey_text, -1, &error);
  g_autoptr(WmJourneyFigures) figures = NULL;
  const WmStageFigures *registered, *purchase;

  g_assert_no_error (error);
  figures = wm_journey_figures_new (report, "onboarding", journey, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);

  /* The report's name wins over the document's. */
  g_assert_cmpstr (figures->id, ==, "onboarding");
  g_assert_cmpstr (figures->name, ==, "New customer onboarding");
  g_assert_cmpuint (figures->began, ==, 40);
  g_assert_cmpuint (figures->completed, ==, 6);
  g_assert_cmpint (figures->mean_completion_seconds, ==, 187200);

  /* The document's order, not the report's. */
  g_assert_cmpuint (figures->stages->len, ==, 4);
  g_assert_cmpstr (stage_at (figures, 0)->id, ==, "registered");
  g_assert_cmpstr (stage_at (figures, 1)->id, ==, "welcomed");
  g_assert_cmpstr (stage_at (figures, 2)->id, ==, "first-purchase");
  g_assert_cmpstr (stage_at (figures, 3)->id, ==, "loyal");

  registered = stage_at (figures, 0);
  g_assert_cmpstr (registered->name, ==, "Registered");
  g_assert_cmpint (registered->duration, ==, 30 * 86400);
  g_assert_cmpuint (registered->triggered, ==, 40);
  g_assert_cmpuint (registered->began, ==, 38);
  g_assert_cmpuint (registered->completed, ==, 30);
  g_assert_cmpuint (registered->waiting, ==, 2);
  g_assert_cmpuint (registered->on_track, ==, 5);
  g_assert_cmpuint (registered->behind, ==, 2);
  g_assert_cmpuint (registered->stuck, ==, 1);
  g_assert_cmpuint (registered->completed_on_time, ==, 25);
  g_assert_cmpuint (registered->completed_late, ==, 5);
  g_assert_cmpint (registered->mean_completion_seconds, ==, 320247);
  g_assert_cmpuint (registered->steps->len, ==, 1);
  assert_step (registered, 0, "signed-up", "Signed up", 30);

  /* A stage without a name shows its id; steps in the document's order. */
  purchase = stage_at (figures, 2);
  g_assert_cmpstr (purchase->name, ==, "first-purchase");
  g_assert_cmpint (purchase->duration, ==, 14 * 86400);
  g_assert_cmpuint (purchase->steps->len, ==, 2);
  assert_step (purchase, 0, "cart-reminder", "Reminded of a cart", 5);
  assert_step (purchase, 1, "bought", "Bought", 12);

  g_assert_cmpuint (stage_at (figures, 1)->steps->len, ==, 0);
  /* A duration that does not parse is unknown, not zero. */
  g_assert_cmpint (stage_at (figures, 3)->duration, ==, -1);

  g_assert_true (wm_journey_figures_get_stage (figures, "loyal") == stage_at (figures, 3));
  g_assert_null (wm_journey_figures_get_stage (figures, "nope"));
}

static void
test_without_journey (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = parse_object (report_text);
  g_autoptr(WmJourneyFigures) figures = wm_journey_figures_new (report, "onboarding", NULL, &error);
  g_autoptr(WmJourneyFigures) retention = NULL;
  const WmStageFigures *purchase;

  g_assert_no_error (error);
  g_assert_cmpuint (figures->stages->len, ==, 4);
  g_assert_cmpstr (stage_at (figures, 0)->id, ==, "first-purchase");
  g_assert_cmpstr (stage_at (figures, 1)->id, ==, "loyal");
  g_assert_cmpstr (stage_at (figures, 2)->id, ==, "registered");
  g_assert_cmpstr (stage_at (figures, 3)->id, ==, "welcomed");
  purchase = stage_at (figures, 0);
  g_assert_cmpstr (purchase->name, ==, "first-purchase");
  g_assert_cmpint (purchase->duration, ==, -1);
  assert_step (purchase, 0, "bought", "bought", 12);
  assert_step (purchase, 1, "cart-reminder", "cart-reminder", 5);

  /* No name anywhere: the id. */
  retention = wm_journey_figures_new (report, "retention", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retention->name, ==, "retention");
  g_assert_cmpuint (retention->stages->len, ==, 0);
}

static void
test_list_ids (void)
{
  g_autoptr(JsonObject) report = parse_object (report_text);
  g_autoptr(JsonObject) plain = parse_object ("{ \"format\": \"waymark.report\", \"flows\": {} }");
  g_autoptr(GPtrArray) ids = wm_journey_figures_list_ids (report);
  g_autoptr(GPtrArray) none = wm_journey_figures_list_ids (plain);

  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (ids->pdata[0], ==, "onboarding");
  g_assert_cmpstr (ids->pdata[1], ==, "retention");
  g_assert_cmpuint (none->len, ==, 0);
}

/* @text with its first @from replaced by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
assert_error (const char *text,
              const char *journey_id,
              int         code,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = parse_object (text);
  g_autoptr(WmJourneyFigures) figures = wm_journey_figures_new (report, journey_id, NULL, &error);

  g_assert_null (figures);
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_errors (void)
{
  g_autofree char *negative = replace_once (report_text, "\"stuck\": 1,", "\"stuck\": -1,");
  g_autofree char *step = replace_once (report_text, "\"signed-up\": 30", "\"signed-up\": \"30\"");
  g_autofree char *no_stages = replace_once (report_text, "\"stages\": {}", "\"stages\": []");
  g_autofree char *no_mean = replace_once (report_text, "\"mean_completion_seconds\": 187200,", "");

  assert_error ("{ \"format\": \"waymark.report\", \"flows\": {} }", "onboarding", G_IO_ERROR_NOT_FOUND,
                "This run’s report has no journeys; simulate again with a journey to see its stages");
  assert_error (report_text, "loyalty", G_IO_ERROR_NOT_FOUND,
                "Journey “loyalty” was not simulated in this run; simulate again with it");
  assert_error (negative, "onboarding", G_IO_ERROR_INVALID_DATA,
                "journeys.onboarding.stages.registered: “stuck” is missing or not a count; "
                "the stored report is damaged, simulate again");
  assert_error (step, "onboarding", G_IO_ERROR_INVALID_DATA,
                "journeys.onboarding.stages.registered.steps: “signed-up” is missing or not a count; "
                "the stored report is damaged, simulate again");
  assert_error (no_stages, "retention", G_IO_ERROR_INVALID_DATA,
                "journeys.retention: “stages” is missing or not an object; "
                "the stored report is damaged, simulate again");
  assert_error (no_mean, "onboarding", G_IO_ERROR_INVALID_DATA,
                "journeys.onboarding: “mean_completion_seconds” is missing or not a count; "
                "the stored report is damaged, simulate again");
}

static void
test_words (void)
{
  g_autofree char *mean = wm_journey_figures_describe_mean (187200, 6);
  g_autofree char *rounded = wm_journey_figures_describe_mean (320247, 30);
  g_autofree char *none = wm_journey_figures_describe_mean (0, 0);
  g_autofree char *instant = wm_journey_figures_describe_mean (0, 4);

  g_assert_cmpstr (mean, ==, "2 days 4 hours");
  g_assert_cmpstr (rounded, ==, "3 days 17 hours");
  g_assert_cmpstr (none, ==, "No one completed it");
  g_assert_cmpstr (instant, ==, "0 seconds");

  g_assert_cmpuint (wm_journey_figures_share (1, 3), ==, 3333);
  g_assert_cmpuint (wm_journey_figures_share (2, 3), ==, 6667);
  g_assert_cmpuint (wm_journey_figures_share (1, 8), ==, 1250);
  g_assert_cmpuint (wm_journey_figures_share (40, 40), ==, 10000);
  g_assert_cmpuint (wm_journey_figures_share (5, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/journey-figures/with-journey", test_with_journey);
  g_test_add_func ("/sim/journey-figures/without-journey", test_without_journey);
  g_test_add_func ("/sim/journey-figures/list-ids", test_list_ids);
  g_test_add_func ("/sim/journey-figures/errors", test_errors);
  g_test_add_func ("/sim/journey-figures/words", test_words);

  return g_test_run ();
}
