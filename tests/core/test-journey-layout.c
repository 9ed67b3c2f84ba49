/* test-journey-layout.c - the board's columns and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Journeys are written as short specs ("a b<a c<a,b d!"): a stage id,
 * then `<` and the stages it waits for (an `after` stage), `!` for a
 * manual one, nothing for one that begins with the journey. Layouts are
 * compared as "id:column.row" in document order.
 */

#include "config.h"

#include <string.h>

#include "wm-journey-commands.h"
#include "wm-journey-layout.h"

#define SAMPLE TEST_SRCDIR "/core/data/onboarding.waymark-journey.json"

static JsonArray *
stages_from_spec (const char *spec)
{
  g_auto(GStrv) words = g_strsplit (spec, " ", -1);
  JsonArray *stages = json_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      JsonObject *stage = json_object_new ();
      JsonObject *begins = json_object_new ();
      JsonArray *after = json_array_new ();
      g_auto(GStrv) parts = g_strsplit (words[i], "<", 2);
      char *id = parts[0];

      if (parts[1] != NULL)
        {
          g_auto(GStrv) names = g_strsplit (parts[1], ",", -1);

          json_object_set_string_member (begins, "when", "after");
          for (guint n = 0; names[n] != NULL; n++)
            json_array_add_string_element (after, names[n]);
        }
      else if (g_str_has_suffix (id, "!"))
        {
          id[strlen (id) - 1] = '\0';
          json_object_set_string_member (begins, "when", "manual");
        }
      else
        json_object_set_string_member (begins, "when", "journey");
      json_object_set_array_member (begins, "after", after);
      json_object_set_string_member (stage, "id", id);
      json_object_set_object_member (stage, "begins", begins);
      json_array_add_object_element (stages, stage);
    }
  return stages;
}

static char *
describe (WmJourneyLayout *layout)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < wm_journey_layout_get_n_stages (layout); i++)
    {
      const WmJourneyLayoutStage *stage = wm_journey_layout_get_stage (layout, i);

      g_string_append_printf (out, "%s%s:%u.%u", i > 0 ? " " : "", stage->id, stage->column, stage->row);
    }
  return g_string_free (out, FALSE);
}

static char *
describe_links (WmJourneyLayout *layout)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < wm_journey_layout_get_n_links (layout); i++)
    {
      const WmJourneyLayoutLink *link = wm_journey_layout_get_link (layout, i);

      g_string_append_printf (out, "%s%s>%s", i > 0 ? " " : "",
                              wm_journey_layout_get_stage (layout, link->from)->id,
                              wm_journey_layout_get_stage (layout, link->to)->id);
    }
  return g_string_free (out, FALSE);
}

static WmJourneyLayout *
layout_spec (const char *spec)
{
  g_autoptr(JsonArray) stages = stages_from_spec (spec);

  return wm_journey_layout_new (stages);
}

static void
check (const char *spec,
       const char *expected,
       const char *expected_links)
{
  g_autoptr(WmJourneyLayout) layout = layout_spec (spec);
  g_autofree char *got = describe (layout);
  g_autofree char *links = describe_links (layout);

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (links, ==, expected_links);
  /* Every stage is in its cell, and the cells hold nothing else. */
  for (guint i = 0; i < wm_journey_layout_get_n_stages (layout); i++)
    {
      const WmJourneyLayoutStage *stage = wm_journey_layout_get_stage (layout, i);

      g_assert_true (wm_journey_layout_get_cell (layout, stage->column, stage->row) == stage);
      g_assert_true (wm_journey_layout_find (layout, stage->id) != NULL);
    }
  for (guint c = 0, total = 0; c <= wm_journey_layout_get_n_columns (layout); c++)
    {
      total += wm_journey_layout_get_column_size (layout, c);
      g_assert_null (wm_journey_layout_get_cell (layout, c, wm_journey_layout_get_column_size (layout, c)));
      if (c == wm_journey_layout_get_n_columns (layout))
        g_assert_cmpuint (total, ==, wm_journey_layout_get_n_stages (layout));
    }
}

static void
test_chain (void)
{
  check ("a b<a c<b", "a:0.0 b:1.0 c:2.0", "a>b b>c");
  /* Document order does not matter for columns, only for rows. */
  check ("c<b b<a a", "c:2.0 b:1.0 a:0.0", "b>c a>b");
}

static void
test_starts_share_column_zero (void)
{
  check ("a m! b<a n!", "a:0.0 m:0.1 b:1.0 n:0.2", "a>b");
}

static void
test_diamond (void)
{
  check ("a b<a c<a d<b,c", "a:0.0 b:1.0 c:1.1 d:2.0", "a>b a>c b>d c>d");
  /* A lopsided diamond: d waits for the longer side. */
  check ("a b<a c<b d<a,c", "a:0.0 b:1.0 c:2.0 d:3.0", "a>b b>c a>d c>d");
}

static void
test_cycle_reads_in_document_order (void)
{
  /* a, b and c wait for each other: the link back from c to a is not
   * followed, every link is still drawn. */
  check ("s a<c,s b<a c<b", "s:0.0 a:1.0 b:2.0 c:3.0", "c>a s>a a>b b>c");
  /* A stage waiting for itself only. */
  check ("a<a", "a:1.0", "");
  /* Two stages waiting for each other, nothing else. */
  check ("x<y y<x", "x:1.0 y:2.0", "y>x x>y");
}

static void
test_cycle_after_a_later_stage (void)
{
  /* b waits for d, which comes later and is not on a cycle with it: that
   * link is followed even though it goes back in document order. */
  check ("a b<d c<b d<a", "a:0.0 b:2.0 c:3.0 d:1.0", "d>b b>c a>d");
}

static void
test_unknown_and_odd_references (void)
{
  /* Unknown names are left out; b still sits after a. */
  check ("a b<nowhere,a", "a:0.0 b:1.0", "a>b");
  /* Waiting for nothing known: column 1, never with the starting stages. */
  check ("a b<nowhere", "a:0.0 b:1.0", "");
  /* Repeated names are one link. */
  check ("a b<a,a,a", "a:0.0 b:1.0", "a>b");
}

static void
test_odd_documents (void)
{
  g_autoptr(JsonArray) stages = json_array_new ();
  g_autoptr(WmJourneyLayout) empty = wm_journey_layout_new (NULL);
  g_autoptr(WmJourneyLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *weird = json_object_new ();
  JsonObject *manual = json_object_new ();
  JsonObject *odd_id = json_object_new ();
  g_autofree char *got = NULL;

  g_assert_cmpuint (wm_journey_layout_get_n_stages (empty), ==, 0);
  g_assert_cmpuint (wm_journey_layout_get_n_columns (empty), ==, 0);
  g_assert_null (wm_journey_layout_find (empty, "a"));

  /* No begins at all, a string where an object belongs, a number, an id
   * that is not a string. */
  json_object_set_string_member (weird, "id", "weird");
  json_object_set_string_member (weird, "begins", "after");
  json_array_add_object_element (stages, weird);
  json_array_add_int_element (stages, 7);
  json_object_set_array_member (odd_id, "id", json_array_new ());
  json_array_add_object_element (stages, odd_id);
  /* A manual stage with an `after` list: it waits for nothing. */
  json_object_set_string_member (manual, "id", "manual");
  json_object_set_object_member (manual, "begins", json_object_new ());
  json_object_set_string_member (json_object_get_object_member (manual, "begins"), "when", "manual");
  json_object_set_array_member (json_object_get_object_member (manual, "begins"), "after", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (json_object_get_object_member (manual, "begins"), "after"), "weird");
  json_array_add_object_element (stages, manual);

  layout = wm_journey_layout_new (stages);
  got = describe (layout);
  g_assert_cmpstr (got, ==, "weird:0.0 :0.1 manual:0.2");
  g_assert_cmpuint (wm_journey_layout_get_n_links (layout), ==, 0);
  g_assert_cmpuint (wm_journey_layout_get_stage (layout, 2)->index, ==, 3);
  g_assert_null (wm_journey_layout_get_stage (layout, 3));
}

static void
test_duplicate_ids_link_to_the_first (void)
{
  g_autoptr(WmJourneyLayout) layout = layout_spec ("a a b<a");

  g_assert_true (wm_journey_layout_find (layout, "a") == wm_journey_layout_get_stage (layout, 0));
  check ("a a b<a", "a:0.0 a:0.1 b:1.0", "a>b");
}

static void
test_fifty_stages (void)
{
  GString *spec = g_string_new ("s0");
  g_autoptr(WmJourneyLayout) layout = NULL;
  g_autofree char *text = NULL;

  /* A chain of 25, then 25 stages that each wait for the chain's end and
   * for the one before them, listed backwards in the document. */
  for (guint i = 1; i < 25; i++)
    g_string_append_printf (spec, " s%u<s%u", i, i - 1);
  for (guint i = 49; i >= 25; i--)
    g_string_append_printf (spec, " s%u<s24,s%u", i, i - 1);
  text = g_string_free (spec, FALSE);
  layout = layout_spec (text);

  g_assert_cmpuint (wm_journey_layout_get_n_stages (layout), ==, 50);
  g_assert_cmpuint (wm_journey_layout_get_n_columns (layout), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      const WmJourneyLayoutStage *stage = wm_journey_layout_find (layout, id);

      g_assert_nonnull (stage);
      g_assert_cmpuint (stage->column, ==, i);
      g_assert_cmpuint (stage->row, ==, 0);
      g_assert_cmpuint (wm_journey_layout_get_column_size (layout, i), ==, 1);
    }
  g_assert_cmpuint (wm_journey_layout_get_n_links (layout), ==, 24 + 2 * 25 - 1);
}

static void
test_fifty_stages_in_one_cycle (void)
{
  GString *spec = g_string_new ("s0<s49");
  g_autoptr(WmJourneyLayout) layout = NULL;
  g_autofree char *text = NULL;

  for (guint i = 1; i < 50; i++)
    g_string_append_printf (spec, " s%u<s%u", i, i - 1);
  text = g_string_free (spec, FALSE);
  layout = layout_spec (text);

  g_assert_cmpuint (wm_journey_layout_get_n_links (layout), ==, 50);
  g_assert_cmpuint (wm_journey_layout_get_column_size (layout, 0), ==, 0);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpuint (wm_journey_layout_get_stage (layout, i)->column, ==, i + 1);
}

static void
test_sample_journey (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) journey = wm_journey_load_from_file (SAMPLE, &error);
  g_autoptr(WmJourneyLayout) layout = NULL;
  g_autofree char *got = NULL;
  g_autofree char *links = NULL;

  g_assert_no_error (error);
  layout = wm_journey_layout_new (wm_journey_get_stages (journey));
  got = describe (layout);
  links = describe_links (layout);
  g_assert_cmpstr (got, ==, "registered:0.0 onboarded:1.0 first-purchase:2.0 loyal:0.1");
  g_assert_cmpstr (links, ==, "registered>onboarded registered>first-purchase onboarded>first-purchase");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/journey-layout/chain", test_chain);
  g_test_add_func ("/core/journey-layout/starts-share-column-zero", test_starts_share_column_zero);
  g_test_add_func ("/core/journey-layout/diamond", test_diamond);
  g_test_add_func ("/core/journey-layout/cycle-reads-in-document-order", test_cycle_reads_in_document_order);
  g_test_add_func ("/core/journey-layout/link-to-a-later-stage", test_cycle_after_a_later_stage);
  g_test_add_func ("/core/journey-layout/unknown-and-odd-references", test_unknown_and_odd_references);
  g_test_add_func ("/core/journey-layout/odd-documents", test_odd_documents);
  g_test_add_func ("/core/journey-layout/duplicate-ids-link-to-the-first", test_duplicate_ids_link_to_the_first);
  g_test_add_func ("/core/journey-layout/fifty-stages", test_fifty_stages);
  g_test_add_func ("/core/journey-layout/fifty-stages-in-one-cycle", test_fifty_stages_in_one_cycle);
  g_test_add_func ("/core/journey-layout/sample-journey", test_sample_journey);

  return g_test_run ();
}
