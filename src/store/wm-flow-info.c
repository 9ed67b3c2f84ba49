/* wm-flow-info.c - one row of the workspace's list of flows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-flow-info.h"

struct _WmFlowInfo
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  WmVersionStatus  status;
  guint            latest_number;
  gint64           changed_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATUS,
  PROP_LATEST_NUMBER,
  PROP_CHANGED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WmFlowInfo, wm_flow_info, G_TYPE_OBJECT)

static void
wm_flow_info_finalize (GObject *object)
{
  WmFlowInfo *self = (WmFlowInfo *) object;

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (wm_flow_info_parent_class)->finalize (object);
}

static void
wm_flow_info_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WmFlowInfo *self = WM_FLOW_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_LATEST_NUMBER:
      g_value_set_uint (value, self->latest_number);
      break;
    case PROP_CHANGED_AT:
      g_value_set_int64 (value, self->changed_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_flow_info_class_init (WmFlowInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_flow_info_finalize;
  object_class->get_property = wm_flow_info_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A WmVersionStatus (there is no enum GType for it in core). */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, WM_N_VERSION_STATUSES - 1, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_NUMBER] =
    g_param_spec_uint ("latest-number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGED_AT] =
    g_param_spec_int64 ("changed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wm_flow_info_init (WmFlowInfo *self)
{
}

WmFlowInfo *
wm_flow_info_new (const char      *id,
                  const char      *name,
                  WmVersionStatus  status,
                  guint            latest_number,
                  gint64           changed_at)
{
  WmFlowInfo *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (WM_TYPE_FLOW_INFO, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name != NULL ? name : "");
  self->status = status;
  self->latest_number = latest_number;
  self->changed_at = changed_at;
  return self;
}

const char *
wm_flow_info_get_id (WmFlowInfo *self)
{
  g_return_val_if_fail (WM_IS_FLOW_INFO (self), NULL);
  return self->id;
}

const char *
wm_flow_info_get_name (WmFlowInfo *self)
{
  g_return_val_if_fail (WM_IS_FLOW_INFO (self), NULL);
  return self->name;
}

WmVersionStatus
wm_flow_info_get_status (WmFlowInfo *self)
{
  g_return_val_if_fail (WM_IS_FLOW_INFO (self), WM_VERSION_DRAFT);
  return self->status;
}

guint
wm_flow_info_get_latest_number (WmFlowInfo *self)
{
  g_return_val_if_fail (WM_IS_FLOW_INFO (self), 0);
  return self->latest_number;
}

gint64
wm_flow_info_get_changed_at (WmFlowInfo *self)
{
  g_return_val_if_fail (WM_IS_FLOW_INFO (self), 0);
  return self->changed_at;
}

int
wm_flow_info_compare (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const WmFlowInfo *x = a, *y = b;
  int c;

  /* The same order as SQL's "name COLLATE NOCASE, id": ASCII folding only,
   * so the list read from the database and items inserted later agree. */
  c = g_ascii_strcasecmp (x->name, y->name);
  if (c != 0)
    return c;
  return strcmp (x->id, y->id);
}
