/* wm-cli-workspace.c - waymark-cli workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * workspace [--workspace FILE] COMMAND [ARGUMENT…]: the workspace's flows,
 * their lifecycle, milestones, outcomes, templates and journeys from the
 * command line. Without --workspace it uses the app's default workspace (created
 * with the sample content on first use). A refusal (a lifecycle rule, a
 * name taken, a limit, something that does not exist) exits 1 with the
 * reason; bad usage or a file that cannot be used as a workspace exits 2.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-cli.h"
#include "wm-cli-workspace.h"
#include "wm-flow-info.h"
#include "wm-journey-validate.h"
#include "wm-journeys.h"
#include "wm-time.h"
#include "wm-validate.h"
#include "wm-workspace.h"

#define CMD "workspace"

typedef struct
{
  WmWorkspace *ws;
  char       **args;     /* after the command name */
  guint        n_args;
  char        *at;
  int          version;
  char        *name;
  char        *description;
} Ctx;

static int
refused (GError *error)
{
  gboolean usage = error->domain != WM_WORKSPACE_ERROR
                   || error->code == WM_WORKSPACE_ERROR_NOT_A_WORKSPACE
                   || error->code == WM_WORKSPACE_ERROR_CORRUPT
                   || error->code == WM_WORKSPACE_ERROR_NEWER
                   || error->code == WM_WORKSPACE_ERROR_IO;

  g_printerr ("waymark-cli %s: %s\n", CMD, error->message);
  return usage ? WM_CLI_EXIT_USAGE : WM_CLI_EXIT_INVALID;
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
need_args (Ctx        *ctx,
           guint       n,
           const char *usage)
{
  if (ctx->n_args == n)
    return TRUE;
  wm_cli_usage_error (CMD, _("usage: waymark-cli workspace %s"), usage);
  return FALSE;
}

static int
cmd_list (Ctx *ctx)
{
  GListModel *flows = wm_workspace_get_flows (ctx->ws);

  if (!need_args (ctx, 0, "list"))
    return WM_CLI_EXIT_USAGE;
  /* ID, status of the latest version, its number, name: tab-separated. */
  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (flows, i);

      printf ("%s\t%s\tv%u\t%s\n", wm_flow_info_get_id (info),
              wm_version_status_to_string (wm_flow_info_get_status (info)),
              wm_flow_info_get_latest_number (info), wm_flow_info_get_name (info));
    }
  return WM_CLI_EXIT_OK;
}

static int
cmd_show (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  if (!need_args (ctx, 1, "show FLOW"))
    return WM_CLI_EXIT_USAGE;
  flow = wm_workspace_get_flow (ctx->ws, ctx->args[0], &error);
  if (flow == NULL)
    return refused (error);

  printf ("%s: %s\n", _("Flow"), wm_flow_get_id (flow));
  printf ("%s: %s\n", _("Name"), wm_flow_get_name (flow) != NULL ? wm_flow_get_name (flow) : "");
  if (wm_flow_get_description (flow) != NULL)
    printf ("%s: %s\n", _("Description"), wm_flow_get_description (flow));
  printf ("%s: %s\n", _("Time zone"), wm_flow_get_timezone (flow));
  /* The journey stages the flow serves: it only takes in their customers. */
  groups = wm_workspace_list_flow_groups (ctx->ws, wm_flow_get_id (flow), &error);
  if (groups == NULL)
    return refused (error);
  for (guint i = 0; i < groups->len; i++)
    {
      WmFlowGroup *group = groups->pdata[i];

      printf ("%s: %s\t%s\n", _("Grouped under"), group->journey_id, group->stage_id);
    }
  diagnostics = wm_validate_flow (flow, WM_LOOKUP (ctx->ws));
  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *v = wm_flow_get_version_at (flow, i);
      guint number = wm_version_get_number (v);
      gint64 t;
      char buf[32];

      printf ("v%u\t%s", number, wm_version_status_to_string (wm_version_get_status (v)));
      if (wm_version_get_timestamp (v, "launched_at", &t))
        printf ("\t%s %s", _("launched"), wm_timestamp_format (t, buf));
      if (wm_version_get_timestamp (v, "stopped_at", &t))
        printf ("\t%s %s", _("stopped"), wm_timestamp_format (t, buf));
      printf ("\t%s %u\t%s %u\n", _("errors"), wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, number),
              _("warnings"), wm_diagnostics_count (diagnostics, WM_SEVERITY_WARNING, number));
    }
  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      if (d->version != 0)
        printf ("v%u: ", d->version);
      if (d->element != NULL)
        printf ("%s: ", d->element);
      printf ("%s %s: %s\n", wm_severity_to_string (d->severity), d->code, d->message);
    }
  return WM_CLI_EXIT_OK;
}

static int
cmd_export (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!need_args (ctx, 2, "export FLOW FILE"))
    return WM_CLI_EXIT_USAGE;
  text = wm_workspace_export_flow (ctx->ws, ctx->args[0], &length, &error);
  if (text == NULL)
    return refused (error);
  if (g_str_equal (ctx->args[1], "-"))
    {
      fwrite (text, 1, length, stdout);
      return WM_CLI_EXIT_OK;
    }
  if (!g_file_set_contents (ctx->args[1], text, length, &error))
    return wm_cli_usage_error (CMD, "%s", error->message);
  return WM_CLI_EXIT_OK;
}

static int
cmd_import (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *id = NULL;
  gboolean renamed = FALSE;
  gsize length = 0;

  if (!need_args (ctx, 1, "import FILE"))
    return WM_CLI_EXIT_USAGE;
  if (!g_file_get_contents (ctx->args[0], &data, &length, &error))
    return wm_cli_usage_error (CMD, "%s", error->message);
  id = wm_workspace_import_flow (ctx->ws, data, length, &renamed, &error);
  if (id == NULL)
    {
      /* A file that is not a flow is bad input, not a refusal. */
      g_printerr ("waymark-cli %s: %s: %s\n", CMD, ctx->args[0], error->message);
      return WM_CLI_EXIT_USAGE;
    }
  if (renamed)
    printf (_("The flow id was already taken: imported as “%s”.\n"), id);
  else
    printf (_("Imported as “%s”.\n"), id);
  return WM_CLI_EXIT_OK;
}

static int
cmd_launch (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  gboolean ok;
  gint64 at = 0;

  if (!need_args (ctx, 1, "launch FLOW [--at TIMESTAMP]"))
    return WM_CLI_EXIT_USAGE;
  if (ctx->at != NULL && !wm_timestamp_parse (ctx->at, -1, &at))
    return wm_cli_usage_error (CMD, _("--at: “%s” is not a timestamp such as 2026-03-01T09:00:00Z"), ctx->at);
  ok = ctx->at != NULL ? wm_workspace_launch_at (ctx->ws, ctx->args[0], at, now (), &error)
                       : wm_workspace_launch (ctx->ws, ctx->args[0], now (), &error);
  if (!ok)
    return refused (error);
  flow = wm_workspace_get_flow (ctx->ws, ctx->args[0], NULL);
  if (flow != NULL)
    printf (_("Version %u is %s.\n"), wm_version_get_number (wm_flow_get_latest_version (flow)),
            wm_version_status_to_string (wm_version_get_status (wm_flow_get_latest_version (flow))));
  return WM_CLI_EXIT_OK;
}

static int
cmd_simple (Ctx        *ctx,
            const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = g_strdup_printf ("%s FLOW%s", command,
                                            g_str_equal (command, "stop") || g_str_equal (command, "finish")
                                            || g_str_equal (command, "duplicate") ? " [--version N]" : "");
  g_autofree char *new_id = NULL;
  guint number = ctx->version > 0 ? (guint) ctx->version : 0;
  gboolean ok = FALSE;

  if (!need_args (ctx, 1, usage))
    return WM_CLI_EXIT_USAGE;
  if (g_str_equal (command, "pause"))
    ok = wm_workspace_pause (ctx->ws, ctx->args[0], &error);
  else if (g_str_equal (command, "resume"))
    ok = wm_workspace_resume (ctx->ws, ctx->args[0], &error);
  else if (g_str_equal (command, "cancel"))
    ok = wm_workspace_cancel (ctx->ws, ctx->args[0], &error);
  else if (g_str_equal (command, "stop"))
    ok = wm_workspace_stop (ctx->ws, ctx->args[0], number, now (), &error);
  else if (g_str_equal (command, "finish"))
    ok = wm_workspace_finish (ctx->ws, ctx->args[0], number, &error);
  else if (g_str_equal (command, "delete"))
    ok = wm_workspace_delete_flow (ctx->ws, ctx->args[0], &error);
  else if (g_str_equal (command, "new-version"))
    {
      number = wm_workspace_new_version (ctx->ws, ctx->args[0], now (), &error);
      if ((ok = number != 0))
        printf (_("Version %u is a new draft.\n"), number);
    }
  else if (g_str_equal (command, "duplicate"))
    {
      new_id = wm_workspace_duplicate (ctx->ws, ctx->args[0], number, now (), &error);
      if ((ok = new_id != NULL))
        printf (_("Duplicated as “%s”.\n"), new_id);
    }
  return ok ? WM_CLI_EXIT_OK : refused (error);
}

static int
cmd_definitions (Ctx              *ctx,
                 WmDefinitionKind  kind)
{
  const char *noun = kind == WM_DEFINITION_MILESTONE ? "milestones" : "outcomes";
  g_autoptr(GError) error = NULL;
  const char *sub = ctx->n_args > 0 ? ctx->args[0] : "";
  gboolean ok = FALSE;

  if (g_str_equal (sub, "list") && ctx->n_args == 1)
    {
      g_autoptr(GPtrArray) list = wm_workspace_list_definitions (ctx->ws, kind, &error);

      if (list == NULL)
        return refused (error);
      for (guint i = 0; i < list->len; i++)
        {
          WmDefinition *d = list->pdata[i];

          printf ("%s\t%s\t%s\n", d->id, d->name, d->description);
        }
      return WM_CLI_EXIT_OK;
    }
  if (g_str_equal (sub, "add") && ctx->n_args == 2)
    {
      g_autofree char *id = wm_workspace_add_definition (ctx->ws, kind, ctx->args[1], ctx->description, &error);

      if (id == NULL)
        return refused (error);
      printf ("%s\n", id);
      return WM_CLI_EXIT_OK;
    }
  if (g_str_equal (sub, "rename") && ctx->n_args == 3)
    ok = wm_workspace_rename_definition (ctx->ws, kind, ctx->args[1], ctx->args[2], &error);
  else if (g_str_equal (sub, "describe") && ctx->n_args == 3)
    ok = wm_workspace_set_definition_description (ctx->ws, kind, ctx->args[1], ctx->args[2], &error);
  else if (g_str_equal (sub, "delete") && ctx->n_args == 2)
    ok = wm_workspace_delete_definition (ctx->ws, kind, ctx->args[1], &error);
  else
    return wm_cli_usage_error (CMD, _("usage: waymark-cli workspace %s list | add NAME [--description TEXT] | "
                                      "rename ID NAME | describe ID TEXT%s"),
                               noun, kind == WM_DEFINITION_MILESTONE ? " | delete ID" : "");
  return ok ? WM_CLI_EXIT_OK : refused (error);
}

static int
cmd_templates (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  const char *sub = ctx->n_args > 0 ? ctx->args[0] : "";
  g_autofree char *id = NULL;

  if (g_str_equal (sub, "list") && ctx->n_args == 1)
    {
      g_autoptr(GPtrArray) list = wm_workspace_list_templates (ctx->ws, &error);

      if (list == NULL)
        return refused (error);
      for (guint i = 0; i < list->len; i++)
        {
          WmDefinition *d = list->pdata[i];

          printf ("%s\t%s\t%s\t%s\n", d->id, d->builtin ? _("built-in") : _("saved"), d->name, d->description);
        }
      return WM_CLI_EXIT_OK;
    }
  if (g_str_equal (sub, "instantiate") && ctx->n_args == 2)
    id = wm_workspace_instantiate_template (ctx->ws, ctx->args[1], ctx->name, now (), &error);
  else if (g_str_equal (sub, "save") && ctx->n_args == 3)
    id = wm_workspace_save_template (ctx->ws, ctx->args[1], ctx->version > 0 ? (guint) ctx->version : 0,
                                     ctx->args[2], &error);
  else
    return wm_cli_usage_error (CMD, "%s", _("usage: waymark-cli workspace templates list | instantiate TEMPLATE "
                                            "[--name NAME] | save FLOW NAME [--version N]"));
  if (id == NULL)
    return refused (error);
  printf ("%s\n", id);
  return WM_CLI_EXIT_OK;
}

/* Writes @text to @path, or to standard output for "-". */
static int
write_out (const char *path,
           const char *text,
           gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (path, "-"))
    {
      fwrite (text, 1, length, stdout);
      return WM_CLI_EXIT_OK;
    }
  if (!g_file_set_contents (path, text, length, &error))
    return wm_cli_usage_error (CMD, "%s", error->message);
  return WM_CLI_EXIT_OK;
}

static int
cmd_journeys (Ctx *ctx)
{
  g_autoptr(GError) error = NULL;
  const char *sub = ctx->n_args > 0 ? ctx->args[0] : "";
  g_autofree char *id = NULL;

  if (g_str_equal (sub, "list") && ctx->n_args == 1)
    {
      g_autoptr(GPtrArray) list = wm_workspace_list_journeys (ctx->ws, &error);

      if (list == NULL)
        return refused (error);
      /* ID, number of stages, name: tab-separated. */
      for (guint i = 0; i < list->len; i++)
        {
          WmJourneyInfo *info = list->pdata[i];

          printf ("%s\t%u\t%s\n", info->id, info->n_stages, info->name);
        }
      return WM_CLI_EXIT_OK;
    }
  if (g_str_equal (sub, "show") && ctx->n_args == 2)
    {
      g_autoptr(WmJourney) journey = wm_workspace_get_journey (ctx->ws, ctx->args[1], &error);
      g_autoptr(GPtrArray) diagnostics = NULL;
      JsonArray *stages;

      if (journey == NULL)
        return refused (error);
      printf ("%s: %s\n", _("Journey"), wm_journey_get_id (journey));
      printf ("%s: %s\n", _("Name"), wm_journey_get_name (journey) != NULL ? wm_journey_get_name (journey) : "");
      /* Each stage: its id, then the flows it groups. */
      stages = wm_journey_get_stages (journey);
      for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
        {
          JsonObject *stage = json_array_get_object_element (stages, i);
          JsonNode *flows = json_object_get_member (stage, "flows");

          printf ("%s", json_object_get_string_member (stage, "id"));
          for (guint j = 0; flows != NULL && JSON_NODE_HOLDS_ARRAY (flows)
                            && j < json_array_get_length (json_node_get_array (flows)); j++)
            {
              JsonNode *flow = json_array_get_element (json_node_get_array (flows), j);

              if (JSON_NODE_HOLDS_VALUE (flow) && json_node_get_value_type (flow) == G_TYPE_STRING)
                printf ("\t%s", json_node_get_string (flow));
            }
          printf ("\n");
        }
      diagnostics = wm_validate_journey (journey, WM_LOOKUP (ctx->ws), TRUE);
      for (guint i = 0; i < diagnostics->len; i++)
        {
          WmDiagnostic *d = diagnostics->pdata[i];

          if (d->element != NULL)
            printf ("%s: ", d->element);
          printf ("%s %s: %s\n", wm_severity_to_string (d->severity), d->code, d->message);
        }
      return WM_CLI_EXIT_OK;
    }
  if (g_str_equal (sub, "export") && ctx->n_args == 3)
    {
      gsize length = 0;
      g_autofree char *text = wm_workspace_export_journey (ctx->ws, ctx->args[1], &length, &error);

      if (text == NULL)
        return refused (error);
      return write_out (ctx->args[2], text, length);
    }
  if (g_str_equal (sub, "import") && ctx->n_args == 2)
    {
      g_autofree char *data = NULL;
      gboolean renamed = FALSE;
      gsize length = 0;

      if (!g_file_get_contents (ctx->args[1], &data, &length, &error))
        return wm_cli_usage_error (CMD, "%s", error->message);
      id = wm_workspace_import_journey (ctx->ws, data, length, &renamed, &error);
      if (id == NULL)
        {
          /* A file that is not a journey is bad input; a grouped flow the
           * workspace lacks is a refusal. */
          g_printerr ("waymark-cli %s: %s: %s\n", CMD, ctx->args[1], error->message);
          return g_error_matches (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID)
            ? WM_CLI_EXIT_USAGE : WM_CLI_EXIT_INVALID;
        }
      if (renamed)
        printf (_("The journey id was already taken: imported as “%s”.\n"), id);
      else
        printf (_("Imported as “%s”.\n"), id);
      return WM_CLI_EXIT_OK;
    }
  if (g_str_equal (sub, "create") && ctx->n_args == 2)
    id = wm_workspace_create_journey (ctx->ws, ctx->args[1], now (), &error);
  else if (g_str_equal (sub, "duplicate") && ctx->n_args == 2)
    id = wm_workspace_duplicate_journey (ctx->ws, ctx->args[1], now (), &error);
  else if (g_str_equal (sub, "delete") && ctx->n_args == 2)
    return wm_workspace_delete_journey (ctx->ws, ctx->args[1], &error) ? WM_CLI_EXIT_OK : refused (error);
  else
    return wm_cli_usage_error (CMD, "%s", _("usage: waymark-cli workspace journeys list | show JOURNEY | "
                                            "export JOURNEY FILE | import FILE | create NAME | "
                                            "duplicate JOURNEY | delete JOURNEY"));
  if (id == NULL)
    return refused (error);
  printf ("%s\n", id);
  return WM_CLI_EXIT_OK;
}

static WmWorkspace *
open_workspace (const char  *path,
                GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;

  if (path != NULL)
    return wm_workspace_open (path, WM_WORKSPACE_OPEN_CREATE, error);

  /* The app's workspace: made, with its sample content, on first use. */
  default_path = wm_workspace_get_default_path ();
  dir = g_path_get_dirname (default_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return NULL;
    }
  return wm_workspace_open (default_path, WM_WORKSPACE_OPEN_CREATE | WM_WORKSPACE_OPEN_SAMPLE, error);
}

int
wm_cli_workspace (int    argc,
                  char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *at = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) rest = NULL;
  int version = 0;
  const GOptionEntry entries[] = {
    { "workspace", 0, 0, G_OPTION_ARG_FILENAME, &path,
      N_("The workspace file (default: the app's workspace)"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("launch: start at this time instead of now"), N_("TIMESTAMP") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("stop, finish, duplicate, templates save: this version only"), N_("N") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("templates instantiate: the new flow's name"), N_("NAME") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description,
      N_("milestones/outcomes add: a description"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("COMMAND [ARGUMENT…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmWorkspace) ws = NULL;
  const char *command;
  Ctx ctx = { 0 };

  g_option_context_set_summary (context,
                                _("Works on the flows of a workspace. Commands:\n"
                                  "  list, show FLOW, export FLOW FILE, import FILE,\n"
                                  "  launch FLOW [--at TIMESTAMP], cancel FLOW, pause FLOW, resume FLOW,\n"
                                  "  stop FLOW [--version N], finish FLOW [--version N], new-version FLOW,\n"
                                  "  duplicate FLOW [--version N], delete FLOW,\n"
                                  "  milestones list|add|rename|describe|delete, outcomes list|add|rename|describe,\n"
                                  "  templates list|instantiate|save,\n"
                                  "  journeys list|show|export|import|create|duplicate|delete,\n"
                                  "  runs list|import REPORT-OR-PARTIALS…|export RUN FILE|delete RUN"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wm_cli_usage_error (CMD, "%s", error->message);
  if (rest == NULL || rest[0] == NULL)
    return wm_cli_usage_error (CMD, "%s", _("give a command; see waymark-cli workspace --help"));
  if (version < 0)
    return wm_cli_usage_error (CMD, "%s", _("--version takes a version number (1 or more)"));

  command = rest[0];
  {
    static const char * const known[] = {
      "list", "show", "export", "import", "launch", "cancel", "pause", "resume", "stop", "finish",
      "new-version", "duplicate", "delete", "milestones", "outcomes", "templates", "journeys", "runs",
      NULL
    };
    if (!g_strv_contains (known, command))
      return wm_cli_usage_error (CMD, _("unknown command “%s”; see waymark-cli workspace --help"), command);
  }

  ws = open_workspace (path, &error);
  if (ws == NULL)
    return refused (error);

  ctx.ws = ws;
  ctx.args = rest + 1;
  ctx.n_args = g_strv_length (rest) - 1;
  ctx.at = at;
  ctx.version = version;
  ctx.name = name;
  ctx.description = description;

  if (g_str_equal (command, "list"))
    return cmd_list (&ctx);
  if (g_str_equal (command, "show"))
    return cmd_show (&ctx);
  if (g_str_equal (command, "export"))
    return cmd_export (&ctx);
  if (g_str_equal (command, "import"))
    return cmd_import (&ctx);
  if (g_str_equal (command, "launch"))
    return cmd_launch (&ctx);
  if (g_str_equal (command, "milestones"))
    return cmd_definitions (&ctx, WM_DEFINITION_MILESTONE);
  if (g_str_equal (command, "outcomes"))
    return cmd_definitions (&ctx, WM_DEFINITION_OUTCOME);
  if (g_str_equal (command, "templates"))
    return cmd_templates (&ctx);
  if (g_str_equal (command, "journeys"))
    return cmd_journeys (&ctx);
  if (g_str_equal (command, "runs"))
    return wm_cli_workspace_runs (ws, ctx.args, ctx.n_args);
  return cmd_simple (&ctx, command);
}
