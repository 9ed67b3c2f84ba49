/* test-journeys.c - journeys stored in the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Journeys are created, saved, duplicated, deleted, imported and exported
 * (export of an import is the canonical text, byte for byte); a flow a
 * stage groups is reported with its journey and stage and cannot be
 * deleted, even when the journey has validation errors; a schema-3 file gains journeys and keeps its runs; the sample
 * workspace's journey validates cleanly against the workspace.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "wm-journey-validate.h"
#include "wm-journeys.h"
#include "wm-runs.h"
#include "wm-time.h"
#include "wm-workspace.h"
#include "wm-workspace-private.h"

/* Not in canonical key order, compact, with an x- key on a stage: what a
 * person or another tool might write. */
#define TRIP \
  "{\"stages\":[{\"id\":\"browsing\",\"name\":\"Browsing\",\"begins\":{\"after\":[],\"when\":\"journey\"}," \
  "\"completes\":\"steps\",\"duration\":\"3d\",\"flows\":[\"welcome\"],\"x-colour\":\"teal\"," \
  "\"steps\":[{\"kind\":\"event\",\"id\":\"looked\",\"name\":\"Looked\",\"event\":\"Viewed\",\"required\":true}]}," \
  "{\"id\":\"buying\",\"name\":\"Buying\",\"begins\":{\"when\":\"after\",\"after\":[\"browsing\"]}," \
  "\"completes\":\"manual\",\"duration\":\"7d\",\"stuck\":\"20d\",\"flows\":[\"cart\",\"welcome\"],\"steps\":[]}]," \
  "\"format_version\":1,\"format\":\"waymark.journey\",\"id\":\"trip\",\"name\":\"Shopping trip\"}"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *ws;
  char        *welcome;
  char        *cart;
} Fixture;

static gint64
ts (const char *text)
{
  gint64 t = 0;

  g_assert_true (wm_timestamp_parse (text, -1, &t));
  return t;
}

static void
remove_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("wm-journeys-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "workspace.db", NULL);
  f->ws = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->welcome = wm_workspace_create_flow (f->ws, "Welcome", ts ("2026-01-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  f->cart = wm_workspace_create_flow (f->ws, "Cart", ts ("2026-01-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->welcome, ==, "welcome");
  g_assert_cmpstr (f->cart, ==, "cart");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->ws);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->welcome);
  g_free (f->cart);
}

static void
count_cb (WmWorkspace *ws,
          const char  *id,
          GPtrArray   *seen)
{
  g_ptr_array_add (seen, g_strdup (id != NULL ? id : "(null)"));
}

static char *
import_trip (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gboolean renamed = TRUE;
  char *id = wm_workspace_import_journey (f->ws, TRIP, strlen (TRIP), &renamed, &error);

  g_assert_no_error (error);
  g_assert_false (renamed);
  return id;
}

static guint
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A new journey has one stage, is listed and read back, and has no
 * validation error (only the warning that its stage has no step). */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(WmJourney) journey = NULL;
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;
  WmJourneyInfo *info;
  WmDiagnostic *d;

  g_signal_connect (f->ws, "journeys-changed", G_CALLBACK (count_cb), seen);
  id = wm_workspace_create_journey (f->ws, "  Onboarding! ", ts ("2026-02-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "onboarding");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "onboarding");

  again = wm_workspace_create_journey (f->ws, "Onboarding!", ts ("2026-02-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, "onboarding-2");

  list = wm_workspace_list_journeys (f->ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  info = list->pdata[0];
  g_assert_cmpstr (info->id, ==, "onboarding");
  g_assert_cmpstr (info->name, ==, "Onboarding!");
  g_assert_cmpuint (info->n_stages, ==, 1);
  g_assert_cmpint (info->changed_at, ==, ts ("2026-02-01T00:00:00Z"));

  journey = wm_workspace_get_journey (f->ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_journey_get_name (journey), ==, "Onboarding!");
  g_assert_cmpuint (json_array_get_length (wm_journey_get_stages (journey)), ==, 1);
  diagnostics = wm_validate_journey (journey, WM_LOOKUP (f->ws), TRUE);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  d = diagnostics->pdata[0];
  g_assert_cmpint (d->severity, ==, WM_SEVERITY_WARNING);
  g_assert_cmpstr (d->code, ==, "stage-no-steps");

  g_assert_null (wm_workspace_create_journey (f->ws, "   ", 0, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs a name"));
  g_clear_error (&error);
  g_assert_null (wm_workspace_get_journey (f->ws, "nope", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“nope”"));
}

/* Saving replaces the document and the stage rows; validation with the
 * workspace comes back, and errors do not stop the save. */
static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = import_trip (f);
  g_autoptr(WmJourney) journey = wm_workspace_get_journey (f->ws, id, &error);
  g_autoptr(WmJourney) got = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) list = NULL;
  JsonObject *buying;
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_true (wm_workspace_save_journey (f->ws, journey, &diagnostics, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, G_MAXUINT), ==, 0);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  /* Rename, ungroup the cart flow from Buying, make "should take" bad. */
  json_object_set_string_member (wm_journey_get_json (journey), "name", "Trip");
  buying = json_array_get_object_element (wm_journey_get_stages (journey), 1);
  json_array_remove_element (json_object_get_array_member (buying, "flows"), 0);
  json_object_set_string_member (buying, "duration", "soon");
  g_assert_true (wm_workspace_save_journey (f->ws, journey, &diagnostics, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      if (d->severity == WM_SEVERITY_ERROR && g_str_equal (d->code, "field-invalid")
          && g_strcmp0 (d->element, "buying") == 0 && g_strcmp0 (d->field, "duration") == 0)
        found = TRUE;
    }
  g_assert_true (found);

  got = wm_workspace_get_journey (f->ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_journey_get_name (got), ==, "Trip");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (wm_journey_get_stages (got), 1),
                                                  "duration"), ==, "soon");
  list = wm_workspace_list_journeys (f->ws, &error);
  g_assert_cmpstr (((WmJourneyInfo *) list->pdata[0])->name, ==, "Trip");
  groups = wm_workspace_list_flow_groups (f->ws, "cart", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 0);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = wm_workspace_list_flow_groups (f->ws, "welcome", &error);
  g_assert_cmpuint (groups->len, ==, 2);
}

/* What the store relies on is refused, and nothing changes. */
static void
test_save_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = import_trip (f);
  g_autoptr(WmJourney) journey = wm_workspace_get_journey (f->ws, id, &error);
  g_autoptr(WmJourney) other = NULL;
  g_autofree char *before = wm_workspace_export_journey (f->ws, id, NULL, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  JsonObject *browsing;

  /* A grouped flow the workspace lacks. */
  browsing = json_array_get_object_element (wm_journey_get_stages (journey), 0);
  json_array_add_string_element (json_object_get_array_member (browsing, "flows"), "ghost");
  json_object_set_string_member (wm_journey_get_json (journey), "name", "Changed");
  g_assert_false (wm_workspace_save_journey (f->ws, journey, &diagnostics, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“browsing”"));
  g_assert_nonnull (strstr (error->message, "“ghost”"));
  g_assert_null (diagnostics);
  g_clear_error (&error);
  after = wm_workspace_export_journey (f->ws, id, NULL, NULL);
  g_assert_cmpstr (after, ==, before);

  /* A journey that is not stored. */
  other = wm_journey_load_from_data (TRIP, -1, NULL);
  json_object_set_string_member (wm_journey_get_json (other), "id", "elsewhere");
  g_assert_false (wm_workspace_save_journey (f->ws, other, NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“elsewhere”"));
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (f->path, "SELECT count(*) FROM journeys"), ==, 1);

  /* An id the store cannot use. */
  json_object_set_string_member (wm_journey_get_json (other), "id", "has space");
  g_assert_false (wm_workspace_save_journey (f->ws, other, NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“has space”"));
}

/* Export of an import is the canonical text, byte for byte; a canonical
 * file comes back unchanged; a second import gets a new id. */
static void
test_import_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmJourney) loaded = wm_journey_load_from_data (TRIP, -1, &error);
  g_autofree char *canonical = NULL;
  g_autofree char *id = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *second = NULL;
  g_autofree char *reexported = NULL;
  g_autoptr(WmJourney) copy = NULL;
  gboolean renamed = FALSE;
  gsize length = 0;

  g_assert_no_error (error);
  canonical = wm_journey_to_canonical (loaded, NULL);
  g_assert_nonnull (strstr (canonical, "\"x-colour\": \"teal\""));
  id = import_trip (f);
  g_assert_cmpstr (id, ==, "trip");
  exported = wm_workspace_export_journey (f->ws, id, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (canonical));
  g_assert_cmpstr (exported, ==, canonical);
  g_assert_cmpstr (exported, !=, TRIP);

  second = wm_workspace_import_journey (f->ws, exported, length, &renamed, &error);
  g_assert_no_error (error);
  g_assert_true (renamed);
  g_assert_cmpstr (second, ==, "trip-2");
  copy = wm_workspace_get_journey (f->ws, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_journey_get_id (copy), ==, "trip-2");
  g_assert_cmpstr (wm_journey_get_name (copy), ==, "Shopping trip");

  /* The canonical form round-trips exactly. */
  g_assert_true (wm_workspace_delete_journey (f->ws, "trip", &error));
  g_free (id);
  id = wm_workspace_import_journey (f->ws, canonical, strlen (canonical), &renamed, &error);
  g_assert_no_error (error);
  g_assert_false (renamed);
  reexported = wm_workspace_export_journey (f->ws, id, NULL, &error);
  g_assert_cmpstr (reexported, ==, canonical);
}

/* A file that is not a journey is refused with the load error's place. */
static void
test_import_refusals (Fixture       *f,
                      gconstpointer  data)
{
  static const char *bad_step =
    "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"j\",\"stages\":[{\"id\":\"s\","
    "\"steps\":[{\"id\":\"t\",\"kind\":\"task\",\"flow\":\"x\"}]}]}";
  static const char *grouping_ghost =
    "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"j\",\"stages\":[{\"id\":\"s\","
    "\"flows\":[\"ghost\"]}]}";
  g_autoptr(GError) error = NULL;

  g_assert_null (wm_workspace_import_journey (f->ws, "{\"format\":\"waymark.flow\"}", 25, NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a journey file"));
  g_assert_nonnull (strstr (error->message, "waymark.journey"));
  g_clear_error (&error);

  g_assert_null (wm_workspace_import_journey (f->ws, bad_step, strlen (bad_step), NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "stages[0].steps[0]"));
  g_assert_nonnull (strstr (error->message, "flow"));
  g_clear_error (&error);

  g_assert_null (wm_workspace_import_journey (f->ws, "{ not json", 10, NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (wm_workspace_import_journey (f->ws, grouping_ghost, strlen (grouping_ghost), NULL, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“ghost”"));
  g_assert_cmpuint (count_rows (f->path, "SELECT (SELECT count(*) FROM journeys) + (SELECT count(*) FROM journey_stages)"
                                " + (SELECT count(*) FROM stage_flows)"), ==, 0);
}

/* A copy has a new id and name and the same stages; deleting removes the
 * journey and its groups. */
static void
test_duplicate_and_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = import_trip (f);
  g_autofree char *copy_id = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(WmJourney) copy = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  WmFlowGroup *group;

  g_signal_connect (f->ws, "journeys-changed", G_CALLBACK (count_cb), seen);
  copy_id = wm_workspace_duplicate_journey (f->ws, id, ts ("2026-03-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy_id, ==, "copy-of-shopping-trip");
  copy = wm_workspace_get_journey (f->ws, copy_id, &error);
  g_assert_cmpstr (wm_journey_get_name (copy), ==, "Copy of Shopping trip");
  g_assert_cmpuint (json_array_get_length (wm_journey_get_stages (copy)), ==, 2);
  /* Apart from id and name, the same document. */
  json_object_set_string_member (wm_journey_get_json (copy), "id", "trip");
  json_object_set_string_member (wm_journey_get_json (copy), "name", "Shopping trip");
  original = wm_workspace_export_journey (f->ws, id, NULL, NULL);
  copied = wm_journey_to_canonical (copy, NULL);
  g_assert_cmpstr (copied, ==, original);

  groups = wm_workspace_list_flow_groups (f->ws, "welcome", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 4);
  /* By journey name: "Copy of…" before "Shopping…", stages in order. */
  group = groups->pdata[0];
  g_assert_cmpstr (group->journey_id, ==, "copy-of-shopping-trip");
  g_assert_cmpstr (group->stage_id, ==, "browsing");
  g_assert_cmpstr (group->stage_name, ==, "Browsing");
  group = groups->pdata[3];
  g_assert_cmpstr (group->journey_id, ==, "trip");
  g_assert_cmpstr (group->journey_name, ==, "Shopping trip");
  g_assert_cmpstr (group->stage_id, ==, "buying");

  g_assert_true (wm_workspace_delete_journey (f->ws, copy_id, &error));
  g_assert_no_error (error);
  g_assert_false (wm_workspace_delete_journey (f->ws, copy_id, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = wm_workspace_list_flow_groups (f->ws, "welcome", &error);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpuint (count_rows (f->path, "SELECT count(*) FROM journey_stages"), ==, 2);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (seen->pdata[0], ==, "copy-of-shopping-trip");
  g_clear_error (&error);
  g_assert_null (wm_workspace_duplicate_journey (f->ws, "nope", 0, &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND);
}

/* A grouped flow cannot be deleted; the message names journey and stage. */
static void
test_grouped_flow_not_deleted (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = import_trip (f);
  g_autoptr(WmJourney) journey = NULL;
  g_autoptr(WmFlow) flow = NULL;
  JsonObject *buying;

  g_assert_false (wm_workspace_delete_flow (f->ws, "cart", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "“Cart”"));
  g_assert_nonnull (strstr (error->message, "stage “Buying”"));
  g_assert_nonnull (strstr (error->message, "journey “Shopping trip”"));
  g_clear_error (&error);
  /* Two stages list the welcome flow. */
  g_assert_false (wm_workspace_delete_flow (f->ws, "welcome", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "stage “Browsing”"));
  g_assert_nonnull (strstr (error->message, "1 other stage"));
  g_clear_error (&error);
  flow = wm_workspace_get_flow (f->ws, "cart", &error);
  g_assert_no_error (error);

  /* Ungrouped, it goes. */
  journey = wm_workspace_get_journey (f->ws, id, &error);
  buying = json_array_get_object_element (wm_journey_get_stages (journey), 1);
  json_array_remove_element (json_object_get_array_member (buying, "flows"), 0);
  g_assert_true (wm_workspace_save_journey (f->ws, journey, NULL, &error));
  g_assert_true (wm_workspace_delete_flow (f->ws, "cart", &error));
  g_assert_no_error (error);
  /* With the journey gone, so does the welcome flow. */
  g_assert_true (wm_workspace_delete_journey (f->ws, id, &error));
  g_assert_true (wm_workspace_delete_flow (f->ws, "welcome", &error));
  g_assert_no_error (error);
}

/* What validation reports is still stored as it is: a stage without a
 * name is named by its id, a flow listed twice is one group, and entries
 * that are not strings group nothing. */
static void
test_odd_stages (Fixture       *f,
                 gconstpointer  data)
{
  static const char *odd =
    "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"odd\",\"stages\":[{\"id\":\"nameless\","
    "\"flows\":[\"cart\",\"cart\",7,null]},{\"id\":\"nameless\",\"flows\":\"cart\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *id = wm_workspace_import_journey (f->ws, odd, strlen (odd), NULL, &error);
  g_autofree char *exported = NULL;
  WmFlowGroup *group;

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "odd");
  exported = wm_workspace_export_journey (f->ws, id, NULL, &error);
  g_assert_nonnull (strstr (exported, "7,"));
  g_assert_nonnull (strstr (exported, "\"flows\": \"cart\""));
  groups = wm_workspace_list_flow_groups (f->ws, "cart", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = groups->pdata[0];
  g_assert_cmpstr (group->journey_name, ==, "");
  g_assert_cmpstr (group->stage_name, ==, "");
  g_assert_cmpuint (count_rows (f->path, "SELECT count(*) FROM journey_stages WHERE journey_id = 'odd'"), ==, 2);
  g_assert_false (wm_workspace_delete_flow (f->ws, "cart", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "stage “nameless” of the journey “odd”"));
}

/* A journey saved by another program is seen on refresh. */
static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) other = wm_workspace_open (f->path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  g_signal_connect (f->ws, "journeys-changed", G_CALLBACK (count_cb), seen);
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (seen->len, ==, 0);
  id = wm_workspace_create_journey (other, "From the command line", 0, &error);
  g_assert_no_error (error);
  wm_workspace_refresh (f->ws);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "(null)");
  list = wm_workspace_list_journeys (f->ws, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((WmJourneyInfo *) list->pdata[0])->id, ==, id);
}

/* A row damaged outside Waymark is reported, not trusted. */
static void
test_damaged_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = import_trip (f);
  g_autoptr(WmJourney) journey = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE journeys SET document = '{\"format\":1}'", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  journey = wm_workspace_get_journey (f->ws, id, &error);
  g_assert_null (journey);
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "“trip”"));
}

static int
user_version (const char *path)
{
  return (int) count_rows (path, "PRAGMA user_version");
}

static char *
copy_fixture (const char *name,
              char      **dir)
{
  g_autofree char *fixture = g_build_filename (TEST_SRCDIR, "store", "data", name, NULL);
  g_autofree char *contents = NULL;
  char *path;
  gsize length;

  *dir = g_dir_make_tmp ("wm-journeys-old-XXXXXX", NULL);
  path = g_build_filename (*dir, "workspace.db", NULL);
  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* The schema-3 fixture (the one before journeys) gains the journey tables
 * and keeps its flows and its run. */
static void
test_migrates_version_3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("workspace-v3.db", &dir);
  g_autoptr(WmWorkspace) ws = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) journeys = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *id = NULL;
  static const char *grouping =
    "{\"format\":\"waymark.journey\",\"format_version\":1,\"id\":\"old-journey\",\"name\":\"Old\","
    "\"stages\":[{\"id\":\"only\",\"name\":\"Only\",\"begins\":{\"when\":\"journey\",\"after\":[]},"
    "\"completes\":\"steps\",\"steps\":[],\"flows\":[\"draft-flow\"],\"duration\":\"1d\"}]}";

  g_assert_cmpint (user_version (path), ==, 3);
  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_workspace_get_flows (ws)), ==, 2);
  runs = wm_workspace_list_runs (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpstr (((WmRun *) runs->pdata[0])->name, ==, "Old run");
  journeys = wm_workspace_list_journeys (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (journeys->len, ==, 0);

  id = wm_workspace_import_journey (ws, grouping, strlen (grouping), NULL, &error);
  g_assert_no_error (error);
  groups = wm_workspace_list_flow_groups (ws, "draft-flow", &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_false (wm_workspace_delete_flow (ws, "draft-flow", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_clear_object (&ws);
  g_assert_cmpint (user_version (path), ==, WM_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpint (WM_WORKSPACE_SCHEMA_VERSION, >=, 4);
  remove_dir (dir);
}

/* The oldest fixture goes through every step and can store a journey. */
static void
test_migrates_version_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("workspace-v1.db", &dir);
  g_autoptr(WmWorkspace) ws = NULL;
  g_autofree char *id = NULL;

  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  id = wm_workspace_create_journey (ws, "Later", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "later");
  g_clear_object (&ws);
  g_assert_cmpint (user_version (path), ==, WM_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM journey_stages WHERE journey_id = 'later'"), ==, 1);
  remove_dir (dir);
}

/* The sample's onboarding journey: four stages over the sample flows,
 * without a single diagnostic against the workspace; its flows show as
 * grouped and a draft one can no longer be deleted. */
static void
test_sample_journey (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("wm-journeys-sample-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.db", NULL);
  g_autoptr(WmWorkspace) ws = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(WmJourney) journey = NULL;
  WmFlowGroup *group;

  ws = wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE | WM_WORKSPACE_OPEN_SAMPLE, &error);
  g_assert_no_error (error);
  list = wm_workspace_list_journeys (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((WmJourneyInfo *) list->pdata[0])->id, ==, "onboarding");
  g_assert_cmpuint (((WmJourneyInfo *) list->pdata[0])->n_stages, ==, 4);

  journey = wm_workspace_get_journey (ws, "onboarding", &error);
  g_assert_no_error (error);
  diagnostics = wm_validate_journey (journey, WM_LOOKUP (ws), TRUE);
  for (guint i = 0; i < diagnostics->len; i++)
    g_test_message ("%s", ((WmDiagnostic *) diagnostics->pdata[i])->message);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  groups = wm_workspace_list_flow_groups (ws, "welcome-message", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = groups->pdata[0];
  g_assert_cmpstr (group->journey_name, ==, "New customer onboarding");
  g_assert_cmpstr (group->stage_id, ==, "welcomed");
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = wm_workspace_list_flow_groups (ws, "cart-abandonment", &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (((WmFlowGroup *) groups->pdata[0])->stage_id, ==, "first-purchase");
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = wm_workspace_list_flow_groups (ws, "appointment-reminder", &error);
  g_assert_cmpuint (groups->len, ==, 0);

  g_assert_false (wm_workspace_delete_flow (ws, "welcome-message", &error));
  g_assert_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IN_USE);
  g_clear_object (&ws);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/journeys/created-listed-read", test_create);
  ADD ("/store/journeys/saved-with-diagnostics", test_save);
  ADD ("/store/journeys/save-refusals-change-nothing", test_save_refusals);
  ADD ("/store/journeys/export-of-import-is-canonical", test_import_export);
  ADD ("/store/journeys/import-refusals-name-the-place", test_import_refusals);
  ADD ("/store/journeys/duplicated-and-deleted", test_duplicate_and_delete);
  ADD ("/store/journeys/grouped-flow-is-not-deleted", test_grouped_flow_not_deleted);
  ADD ("/store/journeys/odd-stages-are-stored-as-they-are", test_odd_stages);
  ADD ("/store/journeys/another-program-is-followed", test_other_program);
  ADD ("/store/journeys/damaged-row-is-reported", test_damaged_row);
#undef ADD
  g_test_add_func ("/store/journeys/version-3-file-is-migrated", test_migrates_version_3);
  g_test_add_func ("/store/journeys/version-1-file-is-migrated", test_migrates_version_1);
  g_test_add_func ("/store/journeys/sample-has-onboarding", test_sample_journey);

  return g_test_run ();
}
