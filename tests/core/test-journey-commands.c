/* test-journey-commands.c - every journey edit reverts to the exact document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command is applied, reverted, applied again and reverted again on a
 * sample journey with x- keys, nulls and a field of the wrong type; the
 * canonical bytes (wm_journey_to_canonical) must be the original after each
 * revert and the same after each apply, and every edited document must
 * load again. The state after an apply is checked by hand.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "wm-journey-commands.h"
#include "wm-journey-validate.h"

#define SAMPLE TEST_SRCDIR "/core/data/onboarding.waymark-journey.json"

static WmJourney *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  WmJourney *journey = wm_journey_load_from_file (SAMPLE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journey);
  return journey;
}

static char *
canonical (WmJourney *journey)
{
  return wm_journey_to_canonical (journey, NULL);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

/* The stage or step as compact JSON, "" when missing. */
static char *
stage_json (WmJourney  *journey,
            const char *stage)
{
  JsonArray *stages = wm_journey_get_stages (journey);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *object = json_array_get_object_element (stages, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), stage) == 0)
        return json_to_string (json_array_get_element (stages, i), FALSE);
    }
  return g_strdup ("");
}

/* The stage ids in order, joined by spaces. */
static char *
stage_ids (WmJourney *journey)
{
  JsonArray *stages = wm_journey_get_stages (journey);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            json_object_get_string_member (json_array_get_object_element (stages, i), "id"));
  return g_string_free (ids, FALSE);
}

static void
assert_description (WmCommand  *command,
                    const char *expected)
{
  g_autofree char *text = wm_command_describe (command);

  g_assert_cmpstr (text, ==, expected);
}

#define assert_same_document(a, b) assert_same_document_at (__LINE__, a, b)

static void
assert_same_document_at (int         line,
                         const char *a,
                         const char *b)
{
  gsize i = 0;

  if (g_strcmp0 (a, b) == 0)
    return;
  while (a[i] != '\0' && a[i] == b[i])
    i++;
  g_error ("line %d: documents differ at byte %" G_GSIZE_FORMAT ":\n…%.120s\n≠\n…%.120s",
           line, i, a + (i > 60 ? i - 60 : 0), b + (i > 60 ? i - 60 : 0));
}

static void
assert_loads (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) again = wm_journey_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* Applies @command (taking it), checks that it changes the document, that
 * the result loads, that revert gives back the original bytes and that
 * apply and revert again give the same bytes. Leaves it applied. */
static void
cycle (WmJourney *journey,
       WmCommand *command)
{
  g_autoptr(WmCommand) owned = command;
  g_autofree char *before = canonical (journey);
  g_autofree char *after = NULL, *reverted = NULL, *again = NULL, *reverted_again = NULL, *last = NULL;

  g_assert_true (wm_command_apply_journey (command, journey));
  after = canonical (journey);
  g_assert_cmpstr (after, !=, before);
  assert_loads (after);

  wm_command_revert_journey (command, journey);
  reverted = canonical (journey);
  assert_same_document (reverted, before);

  g_assert_true (wm_command_apply_journey (command, journey));
  again = canonical (journey);
  assert_same_document (again, after);

  wm_command_revert_journey (command, journey);
  reverted_again = canonical (journey);
  assert_same_document (reverted_again, before);

  g_assert_true (wm_command_apply_journey (command, journey));
  last = canonical (journey);
  assert_same_document (last, after);
}

static void
test_sample_is_canonical (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autofree char *file = NULL;
  g_autofree char *text = canonical (journey);

  g_assert_true (g_file_get_contents (SAMPLE, &file, NULL, NULL));
  assert_same_document (text, file);
}

static void
test_journey_fields (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(JsonNode) owner = parse ("{\"team\": \"cx\"}");
  JsonObject *root = wm_journey_get_json (journey);
  JsonObject *begins;

  cycle (journey, wm_journey_command_rename_new ("Onboarding"));
  g_assert_cmpstr (wm_journey_get_name (journey), ==, "Onboarding");

  cycle (journey, wm_journey_command_set_description_new (""));
  g_assert_cmpstr (json_object_get_string_member (root, "description"), ==, "");

  cycle (journey, wm_journey_command_set_begins_event_new ("signed.up"));
  begins = json_object_get_object_member (root, "begins");
  g_assert_cmpstr (json_object_get_string_member (begins, "event"), ==, "signed.up");
  g_assert_true (json_object_has_member (begins, "x-note"));

  cycle (journey, wm_journey_command_set_begins_event_new (NULL));
  begins = json_object_get_object_member (root, "begins");
  g_assert_true (json_object_get_null_member (begins, "event"));

  cycle (journey, wm_journey_command_set_begins_where_new ("profile.age > 18"));
  begins = json_object_get_object_member (root, "begins");
  g_assert_cmpstr (json_object_get_string_member (begins, "where"), ==, "profile.age > 18");

  /* An x- key set to another value, then removed: the root's key order
   * (x-owner after stages) comes back exactly. */
  cycle (journey, wm_journey_command_set_member_new ("x-owner", owner));
  cycle (journey, wm_journey_command_set_member_new ("x-owner", NULL));
  g_assert_false (json_object_has_member (root, "x-owner"));
  cycle (journey, wm_journey_command_set_member_new ("description", NULL));
  g_assert_false (json_object_has_member (root, "description"));
}

static void
test_journey_begins_made_when_absent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) journey = wm_journey_load_from_data (
    "{\"format\": \"waymark.journey\", \"format_version\": 1, \"id\": \"j\", \"name\": \"J\","
    " \"stages\": [{\"id\": \"a\", \"name\": \"A\", \"begins\": {\"when\": \"journey\"},"
    " \"completes\": \"manual\", \"duration\": \"1d\"}], \"x-last\": true}", -1, &error);
  JsonObject *begins;

  g_assert_no_error (error);
  cycle (journey, wm_journey_command_set_begins_where_new ("exists(profile.email)"));
  begins = json_object_get_object_member (wm_journey_get_json (journey), "begins");
  g_assert_true (json_object_get_null_member (begins, "event"));
  g_assert_cmpstr (json_object_get_string_member (begins, "where"), ==, "exists(profile.email)");
}

static void
test_stage_fields (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  const char * const after[] = { "onboarded", "registered", NULL };
  g_autoptr(JsonNode) colour = parse ("[1, 2]");
  g_autofree char *json = NULL;
  WmCommand *command;

  command = wm_journey_command_rename_stage_new ("onboarded", "Set up");
  cycle (journey, g_object_ref (command));
  assert_description (command, "Rename stage ‘Onboarded’");
  g_object_unref (command);

  cycle (journey, wm_journey_command_set_stage_description_new ("registered", "Signed up"));
  cycle (journey, wm_journey_command_set_stage_begins_new ("loyal", "after", after));
  command = wm_journey_command_set_stage_begins_new ("onboarded", "manual", NULL);
  cycle (journey, g_object_ref (command));
  assert_description (command, "Change when ‘Set up’ begins");
  g_object_unref (command);
  cycle (journey, wm_journey_command_set_stage_entry_new ("onboarded", "profile.age > 18"));
  cycle (journey, wm_journey_command_set_stage_completes_new ("registered", "manual"));
  cycle (journey, wm_journey_command_set_stage_duration_new ("first-purchase", "45d"));
  cycle (journey, wm_journey_command_set_stage_behind_new ("loyal", "100d"));
  cycle (journey, wm_journey_command_set_stage_behind_new ("registered", NULL));
  cycle (journey, wm_journey_command_set_stage_stuck_new ("onboarded", "28d"));
  cycle (journey, wm_journey_command_set_stage_member_new ("registered", "x-colour", colour));
  cycle (journey, wm_journey_command_set_stage_member_new ("registered", "x-colour", NULL));

  json = stage_json (journey, "loyal");
  /* Its begins keeps the x- key it had. */
  g_assert_nonnull (strstr (json, "\"begins\":{\"when\":\"after\",\"after\":[\"onboarded\",\"registered\"],"
                                  "\"x-why\":\"a person decides\"}"));
  g_assert_nonnull (strstr (json, "\"behind\":\"100d\""));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "registered");
  g_assert_null (strstr (json, "x-colour"));
  g_assert_null (strstr (json, "\"behind\""));
  g_assert_nonnull (strstr (json, "\"completes\":\"manual\""));
  g_assert_nonnull (strstr (json, "\"description\":\"Signed up\""));
}

static void
test_group_and_ungroup_flows (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmCommand) again = wm_journey_command_group_flow_new ("first-purchase", "checkout");
  g_autoptr(WmCommand) absent = wm_journey_command_ungroup_flow_new ("first-purchase", "welcome");
  g_autofree char *before = NULL, *json = NULL;
  WmCommand *command;

  command = wm_journey_command_group_flow_new ("first-purchase", "checkout");
  cycle (journey, g_object_ref (command));
  assert_description (command, "Group flow ‘checkout’ under ‘First purchase’");
  g_object_unref (command);

  cycle (journey, wm_journey_command_ungroup_flow_new ("onboarded", "profile-setup"));
  json = stage_json (journey, "onboarded");
  g_assert_nonnull (strstr (json, "\"flows\":[\"tips\"]"));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "first-purchase");
  g_assert_nonnull (strstr (json, "\"flows\":[\"checkout\"]"));

  /* Grouping twice, or ungrouping what is not there, does not fit and
   * leaves the journey as it is. */
  before = canonical (journey);
  g_assert_false (wm_command_apply_journey (again, journey));
  g_assert_false (wm_command_apply_journey (absent, journey));
  {
    g_autofree char *after = canonical (journey);
    assert_same_document (after, before);
  }
}

static void
test_add_stage_keeps_ids_unique (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(JsonNode) fresh = wm_journey_new_stage (journey, "Loyal");
  g_autoptr(JsonNode) taken = parse ("{\"id\": \"onboarded\", \"name\": \"Again\", \"begins\": {\"when\": \"manual\"},"
                                     " \"completes\": \"manual\", \"duration\": \"1d\"}");
  g_autofree char *ids = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  WmCommand *command;

  /* The new stage's id is made from its name, and "loyal" is taken. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (fresh), "id"), ==, "loyal-2");

  command = wm_journey_command_add_stage_new (fresh, 1);
  assert_description (command, "Add stage ‘Loyal’");
  cycle (journey, g_object_ref (command));
  assert_description (command, "Add stage ‘Loyal’");
  g_object_unref (command);

  cycle (journey, wm_journey_command_add_stage_new (taken, WM_JOURNEY_POSITION_END));
  ids = stage_ids (journey);
  g_assert_cmpstr (ids, ==, "registered loyal-2 onboarded first-purchase loyal onboarded-2");

  /* Its other fields are a valid stage: only the sample's own error
   * (loyal's behind) and the two names "Loyal" remain. */
  diagnostics = wm_validate_journey (journey, NULL, FALSE);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == WM_SEVERITY_ERROR)
        g_assert_true (g_strcmp0 (d->field, "behind") == 0 || g_str_equal (d->code, "duplicate-id"));
    }
}

static void
test_duplicate_stage (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autofree char *ids = NULL, *json = NULL;
  WmCommand *command;

  command = wm_journey_command_duplicate_stage_new ("onboarded");
  g_assert_null (wm_journey_command_get_new_id (command));
  cycle (journey, g_object_ref (command));
  assert_description (command, "Duplicate stage ‘Onboarded’");
  g_assert_cmpstr (wm_journey_command_get_new_id (command), ==, "onboarded-2");
  g_object_unref (command);
  cycle (journey, wm_journey_command_duplicate_stage_new ("onboarded"));

  ids = stage_ids (journey);
  g_assert_cmpstr (ids, ==, "registered onboarded onboarded-3 onboarded-2 first-purchase loyal");
  json = stage_json (journey, "onboarded-2");
  g_assert_nonnull (strstr (json, "\"name\":\"Onboarded (copy)\""));
  g_assert_nonnull (strstr (json, "\"steps\":[{\"id\":\"profile-done\""));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "onboarded-3");
  g_assert_nonnull (strstr (json, "\"name\":\"Onboarded (copy 2)\""));
}

static void
test_move_stage (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmCommand) nowhere = wm_journey_command_move_stage_new ("onboarded", 0);
  g_autoptr(WmCommand) first = wm_journey_command_move_stage_new ("registered", 1);
  g_autoptr(WmCommand) missing = wm_journey_command_move_stage_new ("nobody", 0);
  g_autofree char *ids = NULL;

  cycle (journey, wm_journey_command_move_stage_new ("loyal", 0));
  ids = stage_ids (journey);
  g_assert_cmpstr (ids, ==, "loyal registered onboarded first-purchase");
  g_clear_pointer (&ids, g_free);

  cycle (journey, wm_journey_command_move_stage_new ("loyal", WM_JOURNEY_POSITION_END));
  ids = stage_ids (journey);
  g_assert_cmpstr (ids, ==, "registered onboarded first-purchase loyal");

  g_assert_true (wm_command_apply_journey (first, journey));
  g_clear_pointer (&ids, g_free);
  ids = stage_ids (journey);
  g_assert_cmpstr (ids, ==, "onboarded registered first-purchase loyal");

  /* A move to where it is, or of a stage that is not there, does not fit. */
  g_assert_false (wm_command_apply_journey (nowhere, journey));
  g_assert_false (wm_command_apply_journey (missing, journey));
}

/* Removing a stage that others wait for takes it out of their `after`;
 * a stage left waiting for nothing begins with the journey; undo puts
 * every link back; the journey stays loadable and gains no error. */
static void
test_remove_stage_takes_its_links (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(GPtrArray) before = wm_validate_journey (journey, NULL, FALSE);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *json = NULL, *ids = NULL;
  WmCommand *command;

  command = wm_journey_command_remove_stage_new ("registered");
  cycle (journey, g_object_ref (command));
  assert_description (command, "Delete stage ‘Registered’");
  g_object_unref (command);

  ids = stage_ids (journey);
  g_assert_cmpstr (ids, ==, "onboarded first-purchase loyal");
  json = stage_json (journey, "onboarded");
  g_assert_nonnull (strstr (json, "\"begins\":{\"when\":\"journey\",\"after\":[]}"));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "first-purchase");
  g_assert_nonnull (strstr (json, "\"begins\":{\"when\":\"after\",\"after\":[\"onboarded\"]}"));

  after = wm_validate_journey (journey, NULL, FALSE);
  g_assert_cmpuint (wm_diagnostics_count (after, WM_SEVERITY_ERROR, G_MAXUINT), ==,
                    wm_diagnostics_count (before, WM_SEVERITY_ERROR, G_MAXUINT));

  /* Every stage but one, then the last: an empty list is invalid, but the
   * document still loads and undo brings all back. */
  cycle (journey, wm_journey_command_remove_stage_new ("onboarded"));
  cycle (journey, wm_journey_command_remove_stage_new ("first-purchase"));
  cycle (journey, wm_journey_command_remove_stage_new ("loyal"));
  g_assert_cmpuint (json_array_get_length (wm_journey_get_stages (journey)), ==, 0);
}

static void
test_steps (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(JsonNode) step = wm_journey_new_step (journey, "onboarded", "outcome", "Call");
  g_autoptr(JsonNode) taken = parse ("{\"id\": \"welcomed\", \"name\": \"Again\", \"kind\": \"task\"}");
  g_autoptr(JsonNode) failure = parse ("\"failure\"");
  g_autoptr(JsonNode) outcome = parse ("\"refund\"");
  g_autofree char *json = NULL;
  WmCommand *command;

  /* "call" is taken in that stage. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (step), "id"), ==, "call-2");
  command = wm_journey_command_add_step_new ("onboarded", step, 0);
  assert_description (command, "Add step ‘Call’");
  cycle (journey, g_object_ref (command));
  assert_description (command, "Add step ‘Call’");
  g_object_unref (command);
  command = wm_journey_command_add_step_new ("registered", taken, WM_JOURNEY_POSITION_END);
  cycle (journey, g_object_ref (command));
  g_assert_cmpstr (wm_journey_command_get_new_id (command), ==, "welcomed-2");
  g_object_unref (command);

  cycle (journey, wm_journey_command_set_step_member_new ("onboarded", "call-2", "outcome", outcome));
  cycle (journey, wm_journey_command_set_step_member_new ("onboarded", "call-2", "result", failure));
  cycle (journey, wm_journey_command_rename_step_new ("registered", "welcomed", "Welcome opened"));
  cycle (journey, wm_journey_command_set_step_member_new ("registered", "verified", "where", NULL));
  cycle (journey, wm_journey_command_set_step_required_new ("onboarded", "call", FALSE));

  command = wm_journey_command_set_step_required_new ("registered", "welcomed", FALSE);
  cycle (journey, g_object_ref (command));
  assert_description (command, "Make step ‘Welcome opened’ optional");
  g_object_unref (command);

  cycle (journey, wm_journey_command_move_step_new ("registered", "welcomed", WM_JOURNEY_POSITION_END));
  cycle (journey, wm_journey_command_remove_step_new ("first-purchase", "bought"));

  json = stage_json (journey, "onboarded");
  g_assert_nonnull (strstr (json, "\"steps\":[{\"id\":\"call-2\",\"name\":\"Call\",\"kind\":\"outcome\","
                                  "\"outcome\":\"refund\",\"required\":true,\"result\":\"failure\"}"));
  g_assert_nonnull (strstr (json, "{\"id\":\"call\",\"name\":\"Welcome call\",\"kind\":\"task\",\"required\":false}"));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "registered");
  g_assert_nonnull (strstr (json, "\"steps\":[{\"id\":\"verified\""));
  g_assert_nonnull (strstr (json, "{\"id\":\"welcomed-2\",\"name\":\"Again\",\"kind\":\"task\"},"
                                  "{\"id\":\"welcomed\",\"name\":\"Welcome opened\""));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "first-purchase");
  g_assert_nonnull (strstr (json, "\"steps\":[]"));
}

static void
test_step_kind (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmCommand) back = wm_journey_command_set_step_kind_new ("registered", "welcomed", "milestone");
  g_autoptr(WmCommand) same = wm_journey_command_set_step_kind_new ("registered", "welcomed", "milestone");
  g_autoptr(JsonNode) where = parse ("\"true\"");
  g_autoptr(WmCommand) foreign = wm_journey_command_set_step_member_new ("registered", "welcomed", "where", where);
  g_autofree char *json = NULL;

  /* milestone → flow keeps "flow" (both kinds have it), drops
   * "milestone"; event → task keeps the x- key; task → outcome adds the
   * required field empty. */
  cycle (journey, wm_journey_command_set_step_kind_new ("registered", "welcomed", "flow"));
  cycle (journey, wm_journey_command_set_step_kind_new ("registered", "verified", "task"));
  cycle (journey, wm_journey_command_set_step_kind_new ("onboarded", "call", "outcome"));

  json = stage_json (journey, "registered");
  g_assert_nonnull (strstr (json, "{\"id\":\"welcomed\",\"name\":\"Welcome read\",\"kind\":\"flow\","
                                  "\"flow\":\"welcome\",\"required\":true}"));
  g_assert_nonnull (strstr (json, "{\"id\":\"verified\",\"name\":\"Address verified\",\"kind\":\"task\","
                                  "\"required\":false,\"x-hint\":"));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "onboarded");
  g_assert_nonnull (strstr (json, "{\"id\":\"call\",\"name\":\"Welcome call\",\"kind\":\"outcome\","
                                  "\"outcome\":\"\",\"required\":null}"));

  /* The kind it has, or a key of another kind, does not fit: the file
   * would not load. */
  g_assert_true (wm_command_apply_journey (back, journey));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "registered");
  g_assert_nonnull (strstr (json, "{\"id\":\"welcomed\",\"name\":\"Welcome read\",\"kind\":\"milestone\","
                                  "\"milestone\":\"\",\"flow\":\"welcome\",\"required\":true}"));
  g_assert_false (wm_command_apply_journey (same, journey));
  g_assert_false (wm_command_apply_journey (foreign, journey));
}

static void
test_missing_stage_or_step_does_not_fit (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autofree char *before = canonical (journey);
  g_autofree char *after = NULL;
  WmCommand *commands[] = {
    wm_journey_command_rename_stage_new ("nobody", "X"),
    wm_journey_command_remove_stage_new ("nobody"),
    wm_journey_command_duplicate_stage_new ("nobody"),
    wm_journey_command_group_flow_new ("nobody", "welcome"),
    wm_journey_command_rename_step_new ("registered", "nothing", "X"),
    wm_journey_command_remove_step_new ("registered", "nothing"),
    wm_journey_command_move_step_new ("registered", "nothing", 0),
    wm_journey_command_set_step_kind_new ("nobody", "welcomed", "task"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_assert_false (wm_command_apply_journey (commands[i], journey));
      g_object_unref (commands[i]);
    }
  after = canonical (journey);
  assert_same_document (after, before);
}

static void
changed_cb (WmJourney *journey,
            guint     *count)
{
  (*count)++;
}

static void
test_changed_is_emitted (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmCommand) command = wm_journey_command_rename_stage_new ("loyal", "Fans");
  g_autoptr(WmCommand) missing = wm_journey_command_rename_stage_new ("nobody", "Fans");
  guint count = 0;

  g_signal_connect (journey, "changed", G_CALLBACK (changed_cb), &count);
  g_assert_true (wm_command_apply_journey (command, journey));
  g_assert_cmpuint (count, ==, 1);
  wm_command_revert_journey (command, journey);
  g_assert_cmpuint (count, ==, 2);
  g_assert_false (wm_command_apply_journey (missing, journey));
  g_assert_cmpuint (count, ==, 2);
}

/* Keystrokes in one field merge within the window; another field, another
 * stage or a pause starts a new step. */
static void
test_typing_merges (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new_for_journey (journey);
  g_autofree char *original = canonical (journey);
  const char *typed[] = { "O", "On", "Onb", "Onbo" };
  gint64 t = 1000 * G_USEC_PER_SEC;
  g_autofree char *json = NULL;

  g_assert_true (wm_undo_stack_get_journey (stack) == journey);
  g_assert_null (wm_undo_stack_get_flow (stack));

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(WmCommand) command = wm_journey_command_rename_stage_new ("onboarded", typed[i]);

      wm_command_set_time (command, t += G_USEC_PER_SEC / 5);
      g_assert_true (wm_undo_stack_push (stack, command));
    }
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Rename stage ‘Onboarded’");

  /* The entry condition of the same stage, then after a pause. */
  {
    g_autoptr(WmCommand) entry = wm_journey_command_set_stage_entry_new ("onboarded", "true");
    g_autoptr(WmCommand) later = wm_journey_command_rename_stage_new ("onboarded", "Onboard");

    wm_command_set_time (entry, t += G_USEC_PER_SEC / 5);
    g_assert_true (wm_undo_stack_push (stack, entry));
    wm_command_set_time (later, t += 3 * G_USEC_PER_SEC);
    g_assert_true (wm_undo_stack_push (stack, later));
  }
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 3);

  /* Choices do not merge even when quick. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(WmCommand) command = wm_journey_command_set_stage_completes_new ("onboarded", i == 0 ? "manual" : "steps");

      wm_command_set_time (command, t += G_USEC_PER_SEC / 5);
      g_assert_true (wm_undo_stack_push (stack, command));
    }
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 5);

  json = stage_json (journey, "onboarded");
  g_assert_nonnull (strstr (json, "\"name\":\"Onboard\""));
  while (wm_undo_stack_undo (stack))
    ;
  {
    g_autofree char *text = canonical (journey);
    assert_same_document (text, original);
  }
  g_assert_true (wm_undo_stack_redo (stack));
  g_clear_pointer (&json, g_free);
  json = stage_json (journey, "onboarded");
  g_assert_nonnull (strstr (json, "\"name\":\"Onbo\""));
}

/* Repeated moves of one stage (keyboard reordering) are one step, even
 * when they come back to where they began. */
static void
test_moves_merge (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new_for_journey (journey);
  g_autofree char *original = canonical (journey);
  const guint positions[] = { 1, 2, 3, 0 };
  gint64 t = 1000 * G_USEC_PER_SEC;
  g_autofree char *ids = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(WmCommand) command = wm_journey_command_move_stage_new ("registered", positions[i]);

      wm_command_set_time (command, t += G_USEC_PER_SEC / 5);
      g_assert_true (wm_undo_stack_push (stack, command));
    }
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Move stage ‘Registered’");

  g_assert_true (wm_undo_stack_undo (stack));
  g_assert_true (wm_undo_stack_redo (stack));
  {
    g_autofree char *text = canonical (journey);
    assert_same_document (text, original);
  }

  {
    g_autoptr(WmCommand) command = wm_journey_command_move_stage_new ("loyal", 0);

    wm_command_set_time (command, t += G_USEC_PER_SEC / 5);
    g_assert_true (wm_undo_stack_push (stack, command));
  }
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
  ids = stage_ids (journey);
  g_assert_cmpstr (ids, ==, "loyal registered onboarded first-purchase");
}

static void
test_group_through_the_stack (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new_for_journey (journey);
  g_autofree char *original = canonical (journey);
  g_autoptr(JsonNode) stage = wm_journey_new_stage (journey, "Churned");
  g_autoptr(WmCommand) add = wm_journey_command_add_stage_new (stage, WM_JOURNEY_POSITION_END);
  g_autoptr(WmCommand) group = wm_journey_command_group_flow_new ("churned", "win-back");
  g_autoptr(WmCommand) fail = wm_journey_command_rename_stage_new ("nobody", "X");

  wm_undo_stack_begin_group (stack, "Add churned stage");
  g_assert_true (wm_undo_stack_push (stack, add));
  g_assert_true (wm_undo_stack_push (stack, group));
  g_assert_false (wm_undo_stack_push (stack, fail));
  wm_undo_stack_end_group (stack);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 1);

  g_assert_true (wm_undo_stack_undo (stack));
  {
    g_autofree char *text = canonical (journey);
    assert_same_document (text, original);
  }
  g_assert_true (wm_undo_stack_redo (stack));
  {
    g_autofree char *json = stage_json (journey, "churned");
    g_assert_nonnull (strstr (json, "\"flows\":[\"win-back\"]"));
  }

  /* A cancelled gesture reverts what it applied. */
  wm_undo_stack_begin_group (stack, NULL);
  {
    g_autoptr(WmCommand) move = wm_journey_command_move_stage_new ("churned", 0);
    g_assert_true (wm_undo_stack_push (stack, move));
  }
  wm_undo_stack_cancel_group (stack);
  {
    g_autofree char *ids = stage_ids (journey);
    g_assert_cmpstr (ids, ==, "registered onboarded first-purchase loyal churned");
  }
}

/* The clean mark of a journey's stack: the saved state is reached again by
 * undo, and typing right after a save does not merge into the saved step. */
static void
test_clean_mark (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new_for_journey (journey);
  g_autoptr(WmCommand) first = wm_journey_command_set_stage_entry_new ("loyal", "t");
  g_autoptr(WmCommand) second = wm_journey_command_set_stage_entry_new ("loyal", "tr");
  guint changes = 0;

  g_signal_connect (journey, "changed", G_CALLBACK (changed_cb), &changes);
  wm_command_set_time (first, 10 * G_USEC_PER_SEC);
  wm_command_set_time (second, 10 * G_USEC_PER_SEC + 1000);

  g_assert_true (wm_undo_stack_is_clean (stack));
  g_assert_true (wm_undo_stack_push (stack, first));
  wm_undo_stack_set_clean (stack);
  g_assert_true (wm_undo_stack_push (stack, second));
  g_assert_false (wm_undo_stack_is_clean (stack));
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_cmpstr (wm_undo_stack_get_undo_description (stack), ==, "Change entry condition of ‘Loyal’");

  g_assert_true (wm_undo_stack_undo (stack));
  g_assert_true (wm_undo_stack_is_clean (stack));
  g_assert_cmpuint (changes, ==, 3);
}

/* ------------------------------------------------------------------ */
/* Random edits                                                        */

static const char *kinds[] = { "milestone", "outcome", "event", "flow", "task" };

static char *
random_stage (WmJourney *journey)
{
  JsonArray *stages = wm_journey_get_stages (journey);
  guint n = json_array_get_length (stages);

  /* Now and then one that is not there. */
  if (n == 0 || g_test_rand_int_range (0, 20) == 0)
    return g_strdup ("nobody");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (stages, g_test_rand_int_range (0, n)), "id"));
}

static char *
random_step (WmJourney  *journey,
             const char *stage)
{
  JsonArray *stages = wm_journey_get_stages (journey);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *object = json_array_get_object_element (stages, i);
      JsonArray *steps;

      if (g_strcmp0 (json_object_get_string_member (object, "id"), stage) != 0)
        continue;
      steps = json_object_get_array_member (object, "steps");
      if (json_array_get_length (steps) == 0 || g_test_rand_int_range (0, 20) == 0)
        break;
      return g_strdup (json_object_get_string_member (
        json_array_get_object_element (steps, g_test_rand_int_range (0, json_array_get_length (steps))), "id"));
    }
  return g_strdup ("nothing");
}

static WmCommand *
random_command (WmJourney *journey)
{
  g_autofree char *stage = random_stage (journey);
  g_autofree char *step = random_step (journey, stage);
  g_autofree char *text = g_strdup_printf ("t%d", g_test_rand_int_range (0, 1000));
  g_autofree char *other = random_stage (journey);
  const char *kind = kinds[g_test_rand_int_range (0, G_N_ELEMENTS (kinds))];
  guint position = g_test_rand_int_range (0, 6);

  switch (g_test_rand_int_range (0, 24))
    {
    case 0: return wm_journey_command_rename_new (text);
    case 1: return wm_journey_command_set_description_new (text);
    case 2: return wm_journey_command_set_begins_event_new (g_test_rand_bit () ? text : NULL);
    case 3: return wm_journey_command_set_begins_where_new (text);
    case 4:
      {
        g_autoptr(JsonNode) node = wm_journey_new_stage (journey, text);
        return wm_journey_command_add_stage_new (node, position);
      }
    case 5: return wm_journey_command_remove_stage_new (stage);
    case 6: return wm_journey_command_duplicate_stage_new (stage);
    case 7: return wm_journey_command_move_stage_new (stage, position);
    case 8: return wm_journey_command_rename_stage_new (stage, text);
    case 9: return wm_journey_command_set_stage_description_new (stage, text);
    case 10:
      {
        const char * const after[] = { other, NULL };
        return wm_journey_command_set_stage_begins_new (stage, "after", after);
      }
    case 11: return wm_journey_command_set_stage_entry_new (stage, text);
    case 12: return wm_journey_command_set_stage_completes_new (stage, g_test_rand_bit () ? "steps" : "manual");
    case 13: return wm_journey_command_set_stage_duration_new (stage, "3d");
    case 14: return wm_journey_command_set_stage_behind_new (stage, g_test_rand_bit () ? "2d" : NULL);
    case 15: return wm_journey_command_set_stage_stuck_new (stage, g_test_rand_bit () ? "9d" : NULL);
    case 16: return wm_journey_command_group_flow_new (stage, g_test_rand_bit () ? "welcome" : "tips");
    case 17: return wm_journey_command_ungroup_flow_new (stage, g_test_rand_bit () ? "welcome" : "tips");
    case 18:
      {
        g_autoptr(JsonNode) node = wm_journey_new_step (journey, stage, kind, text);
        return wm_journey_command_add_step_new (stage, node, position);
      }
    case 19: return wm_journey_command_remove_step_new (stage, step);
    case 20: return wm_journey_command_move_step_new (stage, step, position);
    case 21: return wm_journey_command_set_step_kind_new (stage, step, kind);
    case 22: return wm_journey_command_set_step_required_new (stage, step, g_test_rand_bit ());
    default:
      {
        /* A field of some kind: fits only steps of that kind. */
        static const char *keys[] = { "milestone", "flow", "outcome", "event", "where", "name" };
        g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), text);
        return wm_journey_command_set_step_member_new (stage, step, keys[g_test_rand_int_range (0, G_N_ELEMENTS (keys))], value);
      }
    }
}

/* Stage ids unique, step ids unique within each stage. */
static void
assert_ids_unique (WmJourney *journey)
{
  JsonArray *stages = wm_journey_get_stages (journey);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      JsonArray *steps = json_object_get_array_member (stage, "steps");
      g_autoptr(GHashTable) step_ids = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_true (g_hash_table_add (seen, (gpointer) json_object_get_string_member (stage, "id")));
      for (guint j = 0; steps != NULL && j < json_array_get_length (steps); j++)
        g_assert_true (g_hash_table_add (step_ids, (gpointer) json_object_get_string_member (
          json_array_get_object_element (steps, j), "id")));
    }
}

/* Several hundred random commands, undos and redos through a stack; each
 * state is checked against the text recorded for it, and undoing
 * everything gives back the sample byte for byte. */
static void
test_random_edits_undo_to_the_start (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new_for_journey (journey);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gint64 t = 1000 * G_USEC_PER_SEC;
  guint pos = 0, pushed = 0, refused = 0;

  g_ptr_array_add (texts, canonical (journey));
  for (guint i = 0; i < 600; i++)
    {
      int roll = g_test_rand_int_range (0, 20);

      if (roll == 0 && pos > 0)
        {
          g_autofree char *text = NULL;

          g_assert_true (wm_undo_stack_undo (stack));
          text = canonical (journey);
          assert_same_document (text, g_ptr_array_index (texts, --pos));
        }
      else if (roll == 1 && pos + 1 < texts->len)
        {
          g_autofree char *text = NULL;

          g_assert_true (wm_undo_stack_redo (stack));
          text = canonical (journey);
          assert_same_document (text, g_ptr_array_index (texts, ++pos));
        }
      else
        {
          g_autoptr(WmCommand) command = random_command (journey);
          g_autofree char *before = canonical (journey);

          /* Far apart: each command is its own step. */
          wm_command_set_time (command, t += 10 * G_USEC_PER_SEC);
          if (!wm_undo_stack_push (stack, command))
            {
              g_autofree char *text = canonical (journey);

              assert_same_document (text, before);
              refused++;
              continue;
            }
          pushed++;
          g_ptr_array_set_size (texts, ++pos);
          g_ptr_array_add (texts, canonical (journey));
          assert_loads (g_ptr_array_index (texts, pos));
          assert_ids_unique (journey);
        }
    }
  g_test_message ("%u commands applied, %u did not fit, %u steps", pushed, refused, pos);
  g_assert_cmpuint (pushed, >=, 300);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), ==, pos);

  while (pos > 0)
    {
      g_autofree char *text = NULL;

      g_assert_true (wm_undo_stack_undo (stack));
      text = canonical (journey);
      assert_same_document (text, g_ptr_array_index (texts, --pos));
    }
  g_assert_false (wm_undo_stack_can_undo (stack));
  while (wm_undo_stack_redo (stack))
    {
      g_autofree char *text = canonical (journey);
      assert_same_document (text, g_ptr_array_index (texts, ++pos));
    }
  g_assert_cmpuint (pos + 1, ==, texts->len);
}

/* The same with commands close in time, so that typing and moves merge
 * into the step before: however they merged, undoing every step gives
 * back the sample and redoing them the last state. */
static void
test_random_merging_edits_undo_to_the_start (void)
{
  g_autoptr(WmJourney) journey = load_sample ();
  g_autoptr(WmUndoStack) stack = wm_undo_stack_new_for_journey (journey);
  g_autofree char *original = canonical (journey);
  g_autofree char *last = NULL, *undone = NULL, *redone = NULL;
  gint64 t = 1000 * G_USEC_PER_SEC;
  g_autofree char *focus = NULL;
  guint pushed = 0;

  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(WmCommand) command = NULL;
      g_autofree char *text = g_strdup_printf ("Stage %u", i);
      g_autofree char *json = focus != NULL ? stage_json (journey, focus) : NULL;

      /* Runs of typing into, or moving, one stage (while it is there)
       * between other edits. */
      if (json == NULL || *json == '\0')
        {
          JsonArray *stages = wm_journey_get_stages (journey);

          g_clear_pointer (&focus, g_free);
          if (json_array_get_length (stages) > 0)
            focus = g_strdup (json_object_get_string_member (json_array_get_object_element (stages, 0), "id"));
        }
      switch (focus != NULL ? g_test_rand_int_range (0, 4) : 3)
        {
        case 0:
          command = wm_journey_command_rename_stage_new (focus, text);
          break;
        case 1:
          command = wm_journey_command_move_stage_new (focus, g_test_rand_int_range (0, 5));
          break;
        default:
          command = random_command (journey);
          break;
        }

      wm_command_set_time (command, t += G_USEC_PER_SEC / 10);
      if (wm_undo_stack_push (stack, command))
        pushed++;
    }
  g_test_message ("%u commands applied in %u steps", pushed, wm_undo_stack_get_n_undo (stack));
  g_assert_cmpuint (wm_undo_stack_get_n_undo (stack), <, pushed);

  last = canonical (journey);
  while (wm_undo_stack_undo (stack))
    ;
  undone = canonical (journey);
  assert_same_document (undone, original);
  while (wm_undo_stack_redo (stack))
    ;
  redone = canonical (journey);
  assert_same_document (redone, last);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/journey-commands/sample-is-canonical", test_sample_is_canonical);
  g_test_add_func ("/core/journey-commands/journey-fields-revert", test_journey_fields);
  g_test_add_func ("/core/journey-commands/journey-begins-is-made-when-absent", test_journey_begins_made_when_absent);
  g_test_add_func ("/core/journey-commands/stage-fields-revert", test_stage_fields);
  g_test_add_func ("/core/journey-commands/group-and-ungroup-flows", test_group_and_ungroup_flows);
  g_test_add_func ("/core/journey-commands/add-stage-keeps-ids-unique", test_add_stage_keeps_ids_unique);
  g_test_add_func ("/core/journey-commands/duplicate-stage-gets-fresh-id-and-name", test_duplicate_stage);
  g_test_add_func ("/core/journey-commands/move-stage-reverts", test_move_stage);
  g_test_add_func ("/core/journey-commands/remove-stage-takes-its-links-and-undo-restores-them", test_remove_stage_takes_its_links);
  g_test_add_func ("/core/journey-commands/steps-add-remove-move-and-fields", test_steps);
  g_test_add_func ("/core/journey-commands/step-kind-keeps-shared-fields", test_step_kind);
  g_test_add_func ("/core/journey-commands/missing-stage-or-step-does-not-fit", test_missing_stage_or_step_does_not_fit);
  g_test_add_func ("/core/journey-commands/changed-is-emitted", test_changed_is_emitted);
  g_test_add_func ("/core/journey-commands/typing-in-one-field-merges", test_typing_merges);
  g_test_add_func ("/core/journey-commands/moves-of-one-stage-merge", test_moves_merge);
  g_test_add_func ("/core/journey-commands/group-through-the-stack", test_group_through_the_stack);
  g_test_add_func ("/core/journey-commands/clean-mark-is-reached-by-undo", test_clean_mark);
  g_test_add_func ("/core/journey-commands/random-edits-undo-to-the-start", test_random_edits_undo_to_the_start);
  g_test_add_func ("/core/journey-commands/random-merging-edits-undo-to-the-start", test_random_merging_edits_undo_to_the_start);

  return g_test_run ();
}
