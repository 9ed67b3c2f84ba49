/* wm-journey-figures.c - one journey's figures read from a run's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strict where the report is: a stored report is the command line's own
 * output, so a missing or negative count means the report is damaged, and
 * saying which figure is better than showing a zero that is not one.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "wm-journey-figures.h"
#include "wm-outcomes-summary.h"
#include "wm-time.h"

static JsonObject *
object_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* A non-empty string member, else NULL: an unnamed element shows its id. */
static const char *
name_member (JsonObject *object)
{
  const char *name = string_member (object, "name");

  return name != NULL && *name != '\0' ? name : NULL;
}

/* Reads count @key of @object at @where ("stages.welcomed") into @out. */
static gboolean
read_count (JsonObject  *object,
            const char  *key,
            const char  *where,
            guint64     *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: "journeys.onboarding.stages.welcomed: “stuck” is missing or not a count; …" */
                   _("%s: “%s” is missing or not a count; the stored report is damaged, simulate again"),
                   where, key);
      return FALSE;
    }
  *out = (guint64) json_node_get_int (node);
  return TRUE;
}

static void
step_figures_free (WmStepFigures *step)
{
  g_free (step->id);
  g_free (step->name);
  g_free (step);
}

static void
stage_figures_free (WmStageFigures *stage)
{
  g_free (stage->id);
  g_free (stage->name);
  g_clear_pointer (&stage->steps, g_ptr_array_unref);
  g_free (stage);
}

void
wm_journey_figures_free (WmJourneyFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->id);
  g_free (figures->name);
  g_clear_pointer (&figures->stages, g_ptr_array_unref);
  g_free (figures);
}

GPtrArray *
wm_journey_figures_list_ids (JsonObject *report)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonObject *journeys = object_member (report, "journeys");
  g_autoptr(GList) members = journeys != NULL ? json_object_get_members (journeys) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    if (object_member (journeys, l->data) != NULL)
      g_ptr_array_add (ids, g_strdup (l->data));
  return ids;
}

/* The stage object of @journey with id @id, or NULL. */
static JsonObject *
journey_stage (WmJourney  *journey,
               const char *id)
{
  JsonArray *stages = journey != NULL ? wm_journey_get_stages (journey) : NULL;

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonNode *node = json_array_get_element (stages, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (string_member (json_node_get_object (node), "id"), id) == 0)
        return json_node_get_object (node);
    }
  return NULL;
}

/* The ids of @map's members, first those @doc_items (an array of objects
 * with ids, may be NULL) lists, in its order, then the rest in @map's. */
static GPtrArray *
ordered_ids (JsonObject *map,
             JsonArray  *doc_items)
{
  GPtrArray *ids = g_ptr_array_new ();
  g_autoptr(GList) members = json_object_get_members (map);

  for (guint i = 0; doc_items != NULL && i < json_array_get_length (doc_items); i++)
    {
      JsonNode *node = json_array_get_element (doc_items, i);
      const char *id = JSON_NODE_HOLDS_OBJECT (node) ? string_member (json_node_get_object (node), "id") : NULL;

      if (id != NULL && json_object_has_member (map, id) && !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) id);
    }
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (ids, l->data, g_str_equal, NULL))
      g_ptr_array_add (ids, l->data);
  return ids;
}

static JsonObject *
find_step (JsonArray  *steps,
           const char *id)
{
  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      JsonNode *node = json_array_get_element (steps, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (string_member (json_node_get_object (node), "id"), id) == 0)
        return json_node_get_object (node);
    }
  return NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gint64
stage_duration (JsonObject *doc_stage)
{
  const char *text = string_member (doc_stage, "duration");
  gint64 seconds;

  return text != NULL && wm_duration_parse (text, &seconds) ? seconds : -1;
}

static WmStageFigures *
read_stage (JsonObject  *report_stage,
            const char  *id,
            JsonObject  *doc_stage,
            const char  *where,
            GError     **error)
{
  struct { const char *key; gsize offset; } counts[] = {
    { "triggered", G_STRUCT_OFFSET (WmStageFigures, triggered) },
    { "began", G_STRUCT_OFFSET (WmStageFigures, began) },
    { "completed", G_STRUCT_OFFSET (WmStageFigures, completed) },
    { "waiting", G_STRUCT_OFFSET (WmStageFigures, waiting) },
    { "on_track", G_STRUCT_OFFSET (WmStageFigures, on_track) },
    { "behind", G_STRUCT_OFFSET (WmStageFigures, behind) },
    { "stuck", G_STRUCT_OFFSET (WmStageFigures, stuck) },
    { "completed_on_time", G_STRUCT_OFFSET (WmStageFigures, completed_on_time) },
    { "completed_late", G_STRUCT_OFFSET (WmStageFigures, completed_late) },
  };
  g_autoptr(GPtrArray) step_ids = NULL;
  WmStageFigures *stage = g_new0 (WmStageFigures, 1);
  JsonObject *steps = object_member (report_stage, "steps");
  JsonArray *doc_steps = array_member (doc_stage, "steps");
  guint64 mean;

  stage->id = g_strdup (id);
  stage->name = g_strdup (name_member (doc_stage) != NULL ? name_member (doc_stage) : id);
  stage->duration = stage_duration (doc_stage);
  stage->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_figures_free);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (!read_count (report_stage, counts[i].key, where,
                     G_STRUCT_MEMBER_P (stage, counts[i].offset), error))
      goto fail;
  if (!read_count (report_stage, "mean_completion_seconds", where, &mean, error))
    goto fail;
  stage->mean_completion_seconds = (gint64) MIN (mean, (guint64) G_MAXINT64);
  if (steps == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: “steps” is missing or not an object; the stored report is damaged, simulate again"),
                   where);
      goto fail;
    }

  step_ids = ordered_ids (steps, doc_steps);
  for (guint i = 0; i < step_ids->len; i++)
    {
      const char *step_id = step_ids->pdata[i];
      JsonObject *doc_step = find_step (doc_steps, step_id);
      g_autofree char *step_where = g_strdup_printf ("%s.steps", where);
      WmStepFigures *step = g_new0 (WmStepFigures, 1);

      step->id = g_strdup (step_id);
      step->name = g_strdup (name_member (doc_step) != NULL ? name_member (doc_step) : step_id);
      g_ptr_array_add (stage->steps, step);
      if (!read_count (steps, step_id, step_where, &step->count, error))
        goto fail;
    }
  return stage;

fail:
  stage_figures_free (stage);
  return NULL;
}

WmJourneyFigures *
wm_journey_figures_new (JsonObject  *report,
                        const char  *journey_id,
                        WmJourney   *journey,
                        GError     **error)
{
  g_autoptr(WmJourneyFigures) figures = NULL;
  g_autoptr(GPtrArray) stage_ids = NULL;
  g_autofree char *where = NULL;
  JsonObject *journeys, *part, *stages;
  guint64 mean;

  g_return_val_if_fail (journey_id != NULL, NULL);
  g_return_val_if_fail (journey == NULL || WM_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  journeys = object_member (report, "journeys");
  if (journeys == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This run’s report has no journeys; simulate again with a journey to see its stages"));
      return NULL;
    }
  part = object_member (journeys, journey_id);
  if (part == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Journey “%s” was not simulated in this run; simulate again with it"), journey_id);
      return NULL;
    }

  where = g_strdup_printf ("journeys.%s", journey_id);
  figures = g_new0 (WmJourneyFigures, 1);
  figures->id = g_strdup (journey_id);
  figures->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_figures_free);
  if (name_member (part) != NULL)
    figures->name = g_strdup (name_member (part));
  else if (journey != NULL && wm_journey_get_name (journey) != NULL)
    figures->name = g_strdup (wm_journey_get_name (journey));
  else
    figures->name = g_strdup (journey_id);
  if (!read_count (part, "began", where, &figures->began, error)
      || !read_count (part, "completed", where, &figures->completed, error)
      || !read_count (part, "mean_completion_seconds", where, &mean, error))
    return NULL;
  figures->mean_completion_seconds = (gint64) MIN (mean, (guint64) G_MAXINT64);

  stages = object_member (part, "stages");
  if (stages == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: “stages” is missing or not an object; the stored report is damaged, simulate again"),
                   where);
      return NULL;
    }
  stage_ids = ordered_ids (stages, journey != NULL ? wm_journey_get_stages (journey) : NULL);
  for (guint i = 0; i < stage_ids->len; i++)
    {
      const char *id = stage_ids->pdata[i];
      JsonObject *report_stage = object_member (stages, id);
      g_autofree char *stage_where = g_strdup_printf ("%s.stages.%s", where, id);
      WmStageFigures *stage;

      if (report_stage == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not an object; the stored report is damaged, simulate again"), stage_where);
          return NULL;
        }
      stage = read_stage (report_stage, id, journey_stage (journey, id), stage_where, error);
      if (stage == NULL)
        return NULL;
      g_ptr_array_add (figures->stages, stage);
    }
  return g_steal_pointer (&figures);
}

const WmStageFigures *
wm_journey_figures_get_stage (const WmJourneyFigures *figures,
                              const char             *stage_id)
{
  g_return_val_if_fail (figures != NULL, NULL);

  for (guint i = 0; stage_id != NULL && i < figures->stages->len; i++)
    {
      const WmStageFigures *stage = figures->stages->pdata[i];

      if (g_str_equal (stage->id, stage_id))
        return stage;
    }
  return NULL;
}

guint
wm_journey_figures_share (guint64 part,
                          guint64 whole)
{
  if (whole == 0)
    return 0;
  /* Counts of profiles never come near 2^64 / 20000. */
  return (guint) ((part * 20000 + whole) / (2 * whole));
}

char *
wm_journey_figures_describe_mean (gint64  seconds,
                                  guint64 completed)
{
  if (completed == 0)
    return g_strdup (_("No one completed it"));
  return wm_describe_mean_duration (MAX (seconds, 0));
}
