/* sim-harness.h - running small simulations from test code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Flows and profiles are written in the tests as JSON with ' for " and ` for '
 * (so a
 * test reads like the document it describes); the harness swaps the quotes,
 * writes the profiles to a temporary file, runs wm_simulation_run() and
 * keeps the report tree, its text and the timeline for assertions.
 * Header-only (static functions) so each test program includes it once.
 */
#pragma once

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wm-flow-io.h"
#include "wm-sim-report.h"
#include "wm-simulation.h"
#include "wm-time.h"

typedef struct
{
  const char *start;        /* default 2026-01-01T00:00:00Z */
  const char *end;          /* default 2026-02-01T00:00:00Z */
  guint64     seed;         /* default 1 */
  const char *params;       /* run parameters document (' for "), or NULL */
  const char *tries;        /* "FLOW:N", or NULL */
  guint       threads;      /* default 1 */
} SimSetup;

typedef struct
{
  JsonNode *report;
  char     *text;
  char     *timeline;
  guint64   profiles;
  guint64   events;
  guint64   rejected;
} SimRun;

/* Removes the files of a flat temporary folder, then the folder. */
G_GNUC_UNUSED static void
sim_remove_dir (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* @text with every ' turned into " and every ` into ' (so expressions
 * inside JSON strings can hold string literals: `gold`). */
G_GNUC_UNUSED static char *
sim_quotes (const char *text)
{
  char *out = g_strdup (text);

  for (char *p = out; *p != '\0'; p++)
    if (*p == '\'')
      *p = '"';
    else if (*p == '`')
      *p = '\'';
  return out;
}

/* A flow document with one active version launched at 2026-01-01, an
 * indefinite schedule and time zone UTC. */
G_GNUC_UNUSED static char *
sim_flow1 (const char *id,
           const char *settings,
           const char *elements,
           const char *connections)
{
  return g_strdup_printf ("{'format':'waymark.flow','format_version':1,'id':'%s','name':'Flow %s',"
                          "'timezone':'UTC','schedule':{'start':null,'end':null,'indefinite':true},"
                          "'versions':[{'number':1,'status':'active','created_at':'2025-12-01T00:00:00Z',"
                          "'launched_at':'2026-01-01T00:00:00Z','settings':%s,'elements':%s,'connections':%s}]}",
                          id, id, settings != NULL ? settings : "{}", elements,
                          connections != NULL ? connections : "[]");
}

/* A flow document with a given time zone, schedule and versions array. */
G_GNUC_UNUSED static char *
sim_flow (const char *id,
          const char *timezone,
          const char *schedule,
          const char *versions)
{
  return g_strdup_printf ("{'format':'waymark.flow','format_version':1,'id':'%s','name':'Flow %s',"
                          "'timezone':'%s','schedule':%s,'versions':%s}",
                          id, id, timezone, schedule, versions);
}

G_GNUC_UNUSED static void
sim_run_clear (SimRun *run)
{
  g_clear_pointer (&run->report, json_node_unref);
  g_clear_pointer (&run->text, g_free);
  g_clear_pointer (&run->timeline, g_free);
}

G_GNUC_UNUSED static gint64
sim_ts (const char *text)
{
  gint64 t = 0;

  g_assert_true (wm_timestamp_parse (text, -1, &t));
  return t;
}

/* Runs @flows (NULL-terminated flow documents, ' for ") over @profiles
 * (JSON Lines text, ' for "; written as is when @raw_profiles). */
G_GNUC_UNUSED static void
sim_run_full (SimRun         *run,
              const char    **flows,
              const char     *profiles,
              gboolean        raw_profiles,
              const SimSetup *setup)
{
  static const SimSetup defaults = { 0 };
  g_autoptr(GPtrArray) flow_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) tries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) diagnostic_flows = NULL;
  g_autoptr(WmSimProgram) program = NULL;
  g_autoptr(GOutputStream) timeline = g_memory_output_stream_new_resizable ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *profile_text = NULL;
  WmSimInputs inputs = { 0 };
  WmSimOptions options = { 0 };
  WmSimResult result = { 0 };

  if (setup == NULL)
    setup = &defaults;
  memset (run, 0, sizeof *run);

  for (guint i = 0; flows[i] != NULL; i++)
    {
      g_autofree char *text = sim_quotes (flows[i]);
      WmFlow *flow = wm_flow_load_from_data (text, -1, &error);

      g_assert_no_error (error);
      g_ptr_array_add (flow_list, flow);
    }
  inputs.flows = flow_list;
  inputs.start = sim_ts (setup->start != NULL ? setup->start : "2026-01-01T00:00:00Z");
  inputs.end = sim_ts (setup->end != NULL ? setup->end : "2026-02-01T00:00:00Z");
  inputs.seed = setup->seed != 0 ? setup->seed : 1;
  wm_params_init_defaults (&inputs.params);
  if (setup->params != NULL)
    {
      g_autofree char *params = sim_quotes (setup->params);

      g_assert_true (wm_params_load_data (&inputs.params, params, -1, &error));
      g_assert_no_error (error);
    }
  if (setup->tries != NULL)
    {
      const char *colon = strrchr (setup->tries, ':');

      g_hash_table_insert (tries, g_strndup (setup->tries, colon - setup->tries),
                           GUINT_TO_POINTER ((guint) g_ascii_strtoull (colon + 1, NULL, 10)));
      inputs.tries = tries;
    }

  program = wm_sim_program_new (&inputs, &diagnostics, &diagnostic_flows, &error);
  if (program == NULL && diagnostics != NULL)
    for (guint i = 0; i < diagnostics->len; i++)
      {
        WmDiagnostic *d = diagnostics->pdata[i];
        g_printerr ("diagnostic: v%u %s %s %s\n", d->version,
                    d->element != NULL ? d->element : "-", d->code, d->message);
      }
  g_assert_no_error (error);
  g_assert_nonnull (program);

  dir = g_dir_make_tmp ("waymark-simtest-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "profiles.jsonl", NULL);
  profile_text = raw_profiles ? g_strdup (profiles) : sim_quotes (profiles);
  g_assert_true (g_file_set_contents (path, profile_text, -1, &error));

  options.profiles_path = path;
  options.threads = setup->threads != 0 ? setup->threads : 1;
  options.timeline = timeline;
  g_assert_true (wm_simulation_run (program, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (timeline, NULL, NULL));

  run->report = g_steal_pointer (&result.report);
  run->text = wm_sim_report_to_text (run->report);
  /* An empty stream has no data at all (NULL): keep "" instead. */
  run->timeline = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (timeline)),
                             g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (timeline)));
  if (run->timeline == NULL)
    run->timeline = g_strdup ("");
  run->profiles = result.profiles;
  run->events = result.events;
  run->rejected = result.rejected_lines;
  wm_sim_result_clear (&result);

  g_unlink (path);
  g_rmdir (dir);
}

G_GNUC_UNUSED static void
sim_run (SimRun         *run,
         const char    **flows,
         const char     *profiles,
         const SimSetup *setup)
{
  sim_run_full (run, flows, profiles, FALSE, setup);
}

/* The node at @path ("flows/f/versions/1/overall/entries"), or NULL. */
G_GNUC_UNUSED static JsonNode *
sim_node (SimRun     *run,
          const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = run->report;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      node = json_object_get_member (json_node_get_object (node), parts[i]);
    }
  return node;
}

G_GNUC_UNUSED static gint64
sim_int (SimRun     *run,
         const char *path)
{
  JsonNode *node = sim_node (run, path);

  if (node == NULL)
    g_error ("report has no %s", path);
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    g_error ("report %s is not an integer", path);
  return json_node_get_int (node);
}

/* Money and percentages are string nodes with their decimal text. */
G_GNUC_UNUSED static const char *
sim_str (SimRun     *run,
         const char *path)
{
  JsonNode *node = sim_node (run, path);

  if (node == NULL)
    g_error ("report has no %s", path);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("report %s is not a decimal text", path);
  return json_node_get_string (node);
}

/* The member names of the object at @path, comma-joined in order. */
G_GNUC_UNUSED static char *
sim_keys (SimRun     *run,
          const char *path)
{
  JsonNode *node = sim_node (run, path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    g_error ("report has no object %s", path);
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", (const char *) l->data);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define sim_assert_int(run, path, expected) \
  g_assert_cmpint (sim_int ((run), (path)), ==, (expected))
#define sim_assert_str(run, path, expected) \
  g_assert_cmpstr (sim_str ((run), (path)), ==, (expected))
#define sim_assert_keys(run, path, expected) \
  G_STMT_START { g_autofree char *keys_ = sim_keys ((run), (path)); \
                 g_assert_cmpstr (keys_, ==, (expected)); } G_STMT_END
#define sim_assert_absent(run, path) \
  g_assert_null (sim_node ((run), (path)))

/* TRUE when the timeline has @line (' for ") as one whole line. */
G_GNUC_UNUSED static gboolean
sim_has_line (SimRun     *run,
              const char *line)
{
  g_autofree char *want = sim_quotes (line);
  gsize len = strlen (want);

  for (const char *p = run->timeline; p != NULL && *p != '\0';)
    {
      const char *nl = strchr (p, '\n');
      gsize n = nl != NULL ? (gsize) (nl - p) : strlen (p);

      if (n == len && memcmp (p, want, len) == 0)
        return TRUE;
      p = nl != NULL ? nl + 1 : NULL;
    }
  return FALSE;
}

#define sim_assert_line(run, line) \
  G_STMT_START { if (!sim_has_line ((run), (line))) \
                   g_error ("timeline lacks %s\ntimeline:\n%s", (line), (run)->timeline); } G_STMT_END
#define sim_assert_no_line(run, line) \
  G_STMT_START { if (sim_has_line ((run), (line))) \
                   g_error ("timeline has %s", (line)); } G_STMT_END

/* The number of timeline lines that contain @fragment (' for "). */
G_GNUC_UNUSED static guint
sim_count_lines (SimRun     *run,
                 const char *fragment)
{
  g_autofree char *want = sim_quotes (fragment);
  g_auto(GStrv) lines = g_strsplit (run->timeline, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && strstr (lines[i], want) != NULL)
      n++;
  return n;
}
