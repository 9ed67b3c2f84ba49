/* wm-catalogue.h - the element catalogue of flow-format.md, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table describes every element type: its category, label, icon, ports,
 * config fields and, for channels, the contact attribute and reactions.
 * The loader (unknown keys, canonical key order), the validator, the palette
 * and the inspector all read this table, so adding an element type means
 * adding one entry to it.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_CATEGORY_ENTRY,
  WM_CATEGORY_CHANNEL,
  WM_CATEGORY_FUNCTION,
  WM_CATEGORY_MILESTONE,   /* milestones and outcomes */
  WM_CATEGORY_EXIT,
  WM_N_CATEGORIES
} WmCategory;

typedef enum
{
  WM_FIELD_TEXT,           /* a plain string */
  WM_FIELD_EVENT_NAME,     /* an event name */
  WM_FIELD_TEMPLATE,       /* text with {{ }} placeholders */
  WM_FIELD_EXPRESSION,
  WM_FIELD_CHOICE,         /* one of allowed[] */
  WM_FIELD_DURATION,
  WM_FIELD_CLOCK,
  WM_FIELD_DAYS,           /* array of day names */
  WM_FIELD_INTEGER,        /* a whole number in min..max */
  WM_FIELD_EMAIL,          /* an e-mail address (send.email.from) */
  WM_FIELD_ELEMENT,        /* id of a send.* element of the version */
  WM_FIELD_REACTION,       /* a reaction of the referenced channel */
  WM_FIELD_VARIABLE,       /* a declared variable */
  WM_FIELD_ATTRIBUTE,      /* a profile attribute name */
  WM_FIELD_MILESTONE,      /* a milestone id of the workspace */
  WM_FIELD_OUTCOME,        /* an outcome id of the workspace */
  WM_FIELD_FLOW,           /* another flow's id */
  WM_FIELD_BRANCHES,       /* array of { label, when } */
  WM_FIELD_VARIANTS,       /* array of { label, weight } */
  WM_FIELD_ASSIGN,         /* array of { variable, property } */
  WM_FIELD_TRANSFER,       /* array of variable names */
  WM_FIELD_SEND_WINDOW,    /* { from, to, days, zone } */
} WmFieldKind;

typedef struct
{
  const char         *name;        /* config key */
  WmFieldKind         kind;
  gboolean            required;
  const char         *default_text;/* the default as shown, or NULL */
  const char * const *allowed;     /* WM_FIELD_CHOICE: NULL-terminated */
  double              min;         /* WM_FIELD_INTEGER, and list sizes */
  double              max;
  const char         *label;       /* translatable (N_) */
} WmFieldSpec;

typedef struct
{
  const char         *type;        /* "send.sms" */
  WmCategory          category;
  const char         *label;       /* translatable (N_): "SMS" */
  const char         *description; /* translatable (N_), one line */
  const char         *icon_name;
  const char * const *ports;       /* fixed output ports, NULL-terminated */
  gboolean            numbered_ports; /* branch.condition, split.percent */
  const WmFieldSpec  *fields;      /* in canonical key order */
  guint               n_fields;
  const char         *channel;     /* "sms", "email", ... for send.*; else NULL */
  const char         *contact;     /* "phone", "email", "push_token" */
  const char * const *reactions;   /* "delivered", "opened", "clicked" */
  gboolean            can_wait;    /* wait.*, react.message (send.* only with a window) */
} WmElementType;

/* The six channels in the order of simulation.md's price table. */
#define WM_N_CHANNELS 6
const char * const   *wm_catalogue_channels        (void);
int                   wm_catalogue_channel_index   (const char *channel);

guint                 wm_catalogue_get_n_types     (void);
const WmElementType  *wm_catalogue_get_type_at     (guint       index);
/* NULL for an unknown type. */
const WmElementType  *wm_catalogue_lookup          (const char *type);
const WmFieldSpec    *wm_element_type_get_field    (const WmElementType *type,
                                                    const char          *name);
gboolean              wm_element_type_has_reaction (const WmElementType *type,
                                                    const char          *reaction);

/* The output ports of an element of @type with @config (may be NULL):
 * branch.condition has "1".."n" then "else" for its n branches,
 * split.percent "1".."n" for its n variants (n counted only when the list is
 * an array); the others their fixed ports. NULL-terminated, free with
 * g_strfreev. */
char                **wm_element_type_list_ports   (const WmElementType *type,
                                                    JsonObject          *config);
gboolean              wm_element_type_has_port     (const WmElementType *type,
                                                    JsonObject          *config,
                                                    const char          *port);

const char           *wm_category_get_label        (WmCategory  category);

G_END_DECLS
