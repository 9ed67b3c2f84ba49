/* wm-timeline-model.c - one customer's journey as a timeline: the items,
 * their dates, filters and paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps are read back from the Timeline lines the engine writes, so
 * the timeline shows exactly what the command line's --timeline says for
 * the customer, and the engine needs no second way of telling it.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "wm-names.h"
#include "wm-time.h"
#include "wm-timeline-private.h"

static const char * const reaction_keys[WM_N_REACTIONS] = { "delivered", "opened", "clicked" };

typedef struct
{
  gint64 day;
  guint  first;
  guint  n_items;
} Day;

struct _WmTimelineModel
{
  GObject             parent_instance;

  const WmSimProgram *program;
  GPtrArray          *all;       /* WmTimelineItem, in step order */
  GPtrArray          *shown;     /* those passing the filters */
  GArray             *days;      /* Day, of the shown items */
  GTimeZone          *zone;
  char              **lines;     /* the steps, for paths */
  char               *flow;
  char               *channel;
  guint               months;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WmTimelineModel, wm_timeline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
wm_timeline_model_finalize (GObject *object)
{
  WmTimelineModel *self = (WmTimelineModel *) object;

  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_strfreev (self->lines);
  g_free (self->flow);
  g_free (self->channel);

  G_OBJECT_CLASS (wm_timeline_model_parent_class)->finalize (object);
}

static void
wm_timeline_model_class_init (WmTimelineModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_timeline_model_finalize;
}

static void
wm_timeline_model_init (WmTimelineModel *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->days = g_array_new (FALSE, FALSE, sizeof (Day));
  self->months = 12;
}

static GType
model_get_item_type (GListModel *model)
{
  return WM_TYPE_TIMELINE_ITEM;
}

static guint
model_get_n_items (GListModel *model)
{
  return WM_TIMELINE_MODEL (model)->shown->len;
}

static gpointer
model_get_item (GListModel *model,
                guint       position)
{
  WmTimelineModel *self = WM_TIMELINE_MODEL (model);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (self->shown->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}
/* (c) The items. */

static const WmSimElement *
find_element (const WmSimProgram *program,
              const char         *flow_id,
              guint               number,
              const char         *element)
{
  int f = wm_sim_program_find_flow (program, flow_id);

  if (f < 0 || element == NULL)
    return NULL;
  for (guint v = 0; v < program->flows[f].n_versions; v++)
    {
      const WmSimVersion *version = &program->flows[f].versions[v];

      if (version->number != number)
        continue;
      for (guint e = 0; e < version->n_elements; e++)
        if (g_str_equal (version->elements[e].id, element))
          return &version->elements[e];
    }
  return NULL;
}

static const WmSimJourney *
find_journey (const WmSimProgram *program,
              const char         *id)
{
  for (guint j = 0; j < program->n_journeys; j++)
    if (g_str_equal (program->journeys[j].id, id))
      return &program->journeys[j];
  return NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static guint
uint_member (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
         ? (guint) json_node_get_int (node) : 0;
}

/* Money as the Timeline writes it, in micro-units; 0 for null. */
static gint64
money_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node) * 1000000;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return llround (json_node_get_double (node) * 1e6);
  return 0;
}

static gint64
local_day (GTimeZone *zone,
           gint64     t)
{
  int year, month, day;

  wm_instant_to_local (zone, t, &year, &month, &day, NULL, NULL);
  return wm_days_from_civil (year, month, day);
}

/* An item for @step, or NULL when the step is part of the path only. */
static WmTimelineItem *
item_from_step (WmTimelineModel *self,
                JsonObject      *step,
                const char      *kind,
                GError         **error)
{
  g_autoptr(WmTimelineItem) item = g_object_new (WM_TYPE_TIMELINE_ITEM, NULL);
  const char *at = string_member (step, "at");
  int f;

  item->direction = WM_TIMELINE_INTERNAL;
  item->flow = g_strdup (string_member (step, "flow"));
  item->version = uint_member (step, "version");
  item->entry = uint_member (step, "entry");
  item->element = g_strdup (string_member (step, "element"));
  item->channel = g_strdup (string_member (step, "channel"));

  if (g_str_equal (kind, "event"))
    {
      item->kind = WM_TIMELINE_EVENT;
      item->direction = WM_TIMELINE_INBOUND;
      item->name = g_strdup (string_member (step, "name"));
      if (item->name != NULL && g_str_has_prefix (item->name, "inbound."))
        item->channel = g_strdup (item->name + strlen ("inbound."));
    }
  else if (g_str_equal (kind, "rejected"))
    {
      item->kind = WM_TIMELINE_REJECTED;
      item->failure = WM_TIMELINE_REJECTED_ENTRY;
      item->name = g_strdup (string_member (step, "reason"));
    }
  else if (g_str_equal (kind, "enter"))
    item->kind = WM_TIMELINE_ENTER;
  else if (g_str_equal (kind, "send"))
    {
      item->kind = WM_TIMELINE_SEND;
      item->direction = WM_TIMELINE_OUTBOUND;
      item->messages = uint_member (step, "messages");
      item->cost = money_member (step, "cost");
      for (guint r = 0; r < WM_N_REACTIONS; r++)
        {
          JsonNode *node = json_object_get_member (step, reaction_keys[r]);

          if (node == NULL)
            item->reactions[r] = WM_REACTION_NOT_OFFERED;
          else if (JSON_NODE_HOLDS_NULL (node))
            item->reactions[r] = WM_REACTION_AFTER_END;
          else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            item->reactions[r] = WM_REACTION_DID_NOT_HAPPEN;
          else if (json_node_get_value_type (node) == G_TYPE_STRING
                   && wm_timestamp_parse (json_node_get_string (node), -1, &item->reaction_at[r]))
            item->reactions[r] = WM_REACTION_HAPPENED;
        }
      if (item->reactions[WM_REACTION_DELIVERED] == WM_REACTION_DID_NOT_HAPPEN)
        item->failure = WM_TIMELINE_NOT_DELIVERED;
    }
  else if (g_str_equal (kind, "no_contact"))
    {
      item->kind = WM_TIMELINE_NO_CONTACT;
      item->direction = WM_TIMELINE_OUTBOUND;
      item->failure = WM_TIMELINE_NO_CONTACT_FAILURE;
    }
  else if (g_str_equal (kind, "notify"))
    {
      item->kind = WM_TIMELINE_NOTIFY;
      item->direction = WM_TIMELINE_OUTBOUND;
      item->cost = money_member (step, "cost");
    }
  else if (g_str_equal (kind, "depart"))
    {
      const WmSimElement *element = find_element (self->program, item->flow, item->version, item->element);

      if (element == NULL || element->kind != WM_SIM_CALL_API)
        return NULL;
      item->kind = WM_TIMELINE_API;
      item->name = g_strdup (string_member (step, "port"));
      if (g_strcmp0 (item->name, "failure") == 0)
        item->failure = WM_TIMELINE_API_FAILURE;
    }
  else if (g_str_equal (kind, "milestone"))
    {
      item->kind = WM_TIMELINE_MILESTONE;
      item->name = g_strdup (string_member (step, "milestone"));
    }
  else if (g_str_equal (kind, "outcome"))
    {
      item->kind = WM_TIMELINE_OUTCOME;
      item->name = g_strdup (string_member (step, "outcome"));
      item->result = g_strdup (string_member (step, "result"));
      if (g_strcmp0 (item->result, "failure") == 0)
        item->failure = WM_TIMELINE_OUTCOME_FAILURE;
    }
  else if (g_str_equal (kind, "goal"))
    {
      item->kind = WM_TIMELINE_GOAL;
      item->name = g_strdup (string_member (step, "event"));
      item->cost = money_member (step, "value");
    }
  else if (g_str_equal (kind, "exit"))
    item->kind = WM_TIMELINE_EXIT;
  else if (g_str_equal (kind, "stopped"))
    item->kind = WM_TIMELINE_STOPPED;
  else if (g_str_equal (kind, "error"))
    {
      item->kind = WM_TIMELINE_ERROR_REMOVAL;
      item->failure = WM_TIMELINE_ERROR_FAILURE;
    }
  else if (g_str_equal (kind, "journey") || g_str_equal (kind, "stage") || g_str_equal (kind, "stage-step"))
    {
      const WmSimJourney *journey;

      item->kind = g_str_equal (kind, "journey") ? WM_TIMELINE_JOURNEY
                   : g_str_equal (kind, "stage") ? WM_TIMELINE_STAGE : WM_TIMELINE_STAGE_STEP;
      item->journey = g_strdup (string_member (step, "journey"));
      if (item->kind != WM_TIMELINE_JOURNEY)
        item->stage = g_strdup (string_member (step, "stage"));
      if (item->kind == WM_TIMELINE_STAGE_STEP)
        item->name = g_strdup (string_member (step, "id"));
      else
        item->result = g_strdup (string_member (step, "result"));
      if (item->journey == NULL || (item->kind != WM_TIMELINE_JOURNEY && item->stage == NULL)
          || (item->kind == WM_TIMELINE_STAGE_STEP ? item->name == NULL : item->result == NULL))
        {
          g_set_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_INVALID,
                       _("A “%s” step names no journey, stage or result; simulate the customer again"), kind);
          return NULL;
        }
      journey = find_journey (self->program, item->journey);
      if (journey != NULL)
        item->journey_name = g_strdup (journey->name);
    }
  else
    /* Visits are the path, not items; a step kind of a later format is
     * not shown rather than refused. */
    return NULL;

  if (at == NULL || !wm_timestamp_parse (at, -1, &item->at))
    {
      g_set_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_INVALID,
                   _("A “%s” step has no valid time; simulate the customer again"), kind);
      return NULL;
    }
  item->day = local_day (self->zone, item->at);
  item->zone = g_time_zone_ref (self->zone);
  f = item->flow != NULL ? wm_sim_program_find_flow (self->program, item->flow) : -1;
  if (f >= 0)
    item->flow_name = self->program->flows[f].name;
  return g_steal_pointer (&item);
}

static gint64
period_start (WmTimelineModel *self)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (self->program->end);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (end, self->zone);
  g_autoptr(GDateTime) start = g_date_time_add_months (local, -(int) self->months);

  return start != NULL ? g_date_time_to_unix (start) : G_MININT64;
}

static void
refilter (WmTimelineModel *self)
{
  guint removed = self->shown->len;
  gint64 from = period_start (self);

  g_ptr_array_set_size (self->shown, 0);
  g_array_set_size (self->days, 0);
  for (guint i = 0; i < self->all->len; i++)
    {
      WmTimelineItem *item = self->all->pdata[i];

      /* Journey lines are the customer's milestones, about no flow and no
       * channel: they stay with every flow and channel filter, as the
       * landmarks the filtered items are read against. */
      if (item->at < from
          || (item->journey == NULL
              && ((self->flow != NULL && g_strcmp0 (item->flow, self->flow) != 0)
                  || (self->channel != NULL && g_strcmp0 (item->channel, self->channel) != 0))))
        continue;
      if (self->days->len == 0 || g_array_index (self->days, Day, self->days->len - 1).day != item->day)
        {
          Day day = { item->day, self->shown->len, 0 };
          g_array_append_val (self->days, day);
        }
      g_array_index (self->days, Day, self->days->len - 1).n_items++;
      g_ptr_array_add (self->shown, g_object_ref (item));
    }
  if (removed > 0 || self->shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->shown->len);
}

WmTimelineModel *
wm_timeline_model_new (const WmSimProgram *program,
                       const char         *timeline,
                       GTimeZone          *zone,
                       GError            **error)
{
  g_autoptr(WmTimelineModel) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  char **lines;

  g_return_val_if_fail (program != NULL && timeline != NULL && zone != NULL, NULL);

  self = g_object_new (WM_TYPE_TIMELINE_MODEL, NULL);
  self->program = program;
  self->zone = g_time_zone_ref (zone);
  self->lines = lines = g_strsplit (timeline, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      JsonNode *root;
      const char *kind;
      WmTimelineItem *item;
      g_autoptr(GError) local = NULL;

      /* Visits are most of a busy profile's lines and never items: skip
       * them before parsing (the keys' order is fixed). */
      if (*lines[i] == '\0' || strstr (lines[i], ",\"step\":\"visit\",") != NULL)
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, NULL)
          || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root)
          || (kind = string_member (json_node_get_object (root), "step")) == NULL)
        {
          g_set_error (error, WM_TIMELINE_ERROR, WM_TIMELINE_ERROR_INVALID,
                       _("Line %u of the timeline is not a step; simulate the customer again"), i + 1);
          return NULL;
        }
      item = item_from_step (self, json_node_get_object (root), kind, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (item != NULL)
        g_ptr_array_add (self->all, item);
    }
  refilter (self);
  return g_steal_pointer (&self);
}

/* A member @name of @object that is a non-empty string, or NULL. */
static const char *
name_member (JsonObject *object,
             const char *name)
{
  const char *value = object != NULL ? string_member (object, name) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

/* The element of @array (of objects) whose "id" is @id, or NULL. */
static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; array != NULL && id != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && g_strcmp0 (string_member (json_node_get_object (node), "id"), id) == 0)
        return json_node_get_object (node);
    }
  return NULL;
}

void
wm_timeline_model_name_definitions (WmTimelineModel *self,
                                    GHashTable      *names)
{
  g_return_if_fail (WM_IS_TIMELINE_MODEL (self));

  for (guint i = 0; i < self->all->len; i++)
    {
      WmTimelineItem *item = self->all->pdata[i];
      const char *kind = item->kind == WM_TIMELINE_MILESTONE ? WM_NAMES_MILESTONE
                         : item->kind == WM_TIMELINE_OUTCOME ? WM_NAMES_OUTCOME : NULL;

      if (kind == NULL || item->name == NULL)
        continue;
      g_free (item->label);
      item->label = g_strdup (wm_names_lookup (names, kind, item->name));
    }
  if (self->shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->shown->len, self->shown->len);
}

void
wm_timeline_model_name_journey (WmTimelineModel *self,
                                WmJourney       *journey)
{
  const char *id;

  g_return_if_fail (WM_IS_TIMELINE_MODEL (self));
  g_return_if_fail (WM_IS_JOURNEY (journey));

  id = wm_journey_get_id (journey);
  for (guint i = 0; i < self->all->len; i++)
    {
      WmTimelineItem *item = self->all->pdata[i];
      JsonObject *stage;
      JsonNode *steps;

      if (item->journey == NULL || g_strcmp0 (item->journey, id) != 0)
        continue;
      if (item->journey_name == NULL)
        item->journey_name = g_strdup (wm_journey_get_name (journey));
      stage = find_by_id (wm_journey_get_stages (journey), item->stage);
      g_free (item->stage_name);
      item->stage_name = g_strdup (name_member (stage, "name"));
      steps = stage != NULL ? json_object_get_member (stage, "steps") : NULL;
      g_free (item->step_name);
      item->step_name = item->kind == WM_TIMELINE_STAGE_STEP && steps != NULL && JSON_NODE_HOLDS_ARRAY (steps)
                        ? g_strdup (name_member (find_by_id (json_node_get_array (steps), item->name), "name"))
                        : NULL;
    }
  /* The items are the same; what they say changed. */
  if (self->shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->shown->len, self->shown->len);
}

void
wm_timeline_model_set_flow (WmTimelineModel *self,
                            const char      *flow_id)
{
  g_return_if_fail (WM_IS_TIMELINE_MODEL (self));

  if (g_strcmp0 (self->flow, flow_id) == 0)
    return;
  g_free (self->flow);
  self->flow = g_strdup (flow_id);
  refilter (self);
}

void
wm_timeline_model_set_channel (WmTimelineModel *self,
                               const char      *channel)
{
  g_return_if_fail (WM_IS_TIMELINE_MODEL (self));

  if (g_strcmp0 (self->channel, channel) == 0)
    return;
  g_free (self->channel);
  self->channel = g_strdup (channel);
  refilter (self);
}

void
wm_timeline_model_set_period (WmTimelineModel *self,
                              guint            months)
{
  g_return_if_fail (WM_IS_TIMELINE_MODEL (self));
  g_return_if_fail (months == 3 || months == 6 || months == 9 || months == 12);

  if (self->months == months)
    return;
  self->months = months;
  refilter (self);
}

guint
wm_timeline_model_get_period (WmTimelineModel *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_MODEL (self), 12);

  return self->months;
}

guint
wm_timeline_model_get_n_all (WmTimelineModel *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_MODEL (self), 0);

  return self->all->len;
}

guint
wm_timeline_model_get_n_days (WmTimelineModel *self)
{
  g_return_val_if_fail (WM_IS_TIMELINE_MODEL (self), 0);

  return self->days->len;
}

gint64
wm_timeline_model_get_day (WmTimelineModel *self,
                           guint            index,
                           guint           *first,
                           guint           *n_items)
{
  const Day *day;

  g_return_val_if_fail (WM_IS_TIMELINE_MODEL (self), 0);
  g_return_val_if_fail (index < self->days->len, 0);

  day = &g_array_index (self->days, Day, index);
  if (first != NULL)
    *first = day->first;
  if (n_items != NULL)
    *n_items = day->n_items;
  return day->day;
}

guint
wm_timeline_model_get_previous (WmTimelineModel *self,
                                guint            position)
{
  g_return_val_if_fail (WM_IS_TIMELINE_MODEL (self), G_MAXUINT);

  if (position == 0 || position >= self->shown->len
      || ((WmTimelineItem *) self->shown->pdata[position - 1])->day
         != ((WmTimelineItem *) self->shown->pdata[position])->day)
    return G_MAXUINT;
  return position - 1;
}

guint
wm_timeline_model_get_next (WmTimelineModel *self,
                            guint            position)
{
  g_return_val_if_fail (WM_IS_TIMELINE_MODEL (self), G_MAXUINT);

  if (position + 1 >= self->shown->len
      || ((WmTimelineItem *) self->shown->pdata[position + 1])->day
         != ((WmTimelineItem *) self->shown->pdata[position])->day)
    return G_MAXUINT;
  return position + 1;
}

void
wm_path_step_free (WmPathStep *step)
{
  if (step == NULL)
    return;
  g_free (step->element);
  g_free (step->port);
  g_free (step);
}

GPtrArray *
wm_timeline_model_get_path (WmTimelineModel *self,
                            WmTimelineItem  *item)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *path = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_path_step_free);

  g_return_val_if_fail (WM_IS_TIMELINE_MODEL (self), path);
  g_return_val_if_fail (WM_IS_TIMELINE_ITEM (item), path);

  if (item->flow == NULL || item->entry == 0)
    return path;
  for (guint i = 0; self->lines[i] != NULL; i++)
    {
      gboolean visit = strstr (self->lines[i], ",\"step\":\"visit\",") != NULL;
      gboolean depart = !visit && strstr (self->lines[i], ",\"step\":\"depart\",") != NULL;
      JsonObject *step;
      const char *element;

      if ((!visit && !depart) || !json_parser_load_from_data (parser, self->lines[i], -1, NULL)
          || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;
      step = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (string_member (step, "flow"), item->flow) != 0
          || uint_member (step, "entry") != item->entry
          || (element = string_member (step, "element")) == NULL)
        continue;
      if (visit)
        {
          WmPathStep *s = g_new0 (WmPathStep, 1);

          s->element = g_strdup (element);
          g_ptr_array_add (path, s);
        }
      else if (path->len > 0)
        {
          /* An entry has one token: a departure leaves the last visit. */
          WmPathStep *last = path->pdata[path->len - 1];

          if (g_str_equal (last->element, element) && last->port == NULL)
            last->port = g_strdup (string_member (step, "port"));
        }
    }
  return path;
}

