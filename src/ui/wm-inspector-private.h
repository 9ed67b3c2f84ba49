/* wm-inspector-private.h - the inspector's field editors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-catalogue.h"
#include "wm-inspector.h"

G_BEGIN_DECLS

typedef struct _WmFieldEditor WmFieldEditor;

struct _WmFieldEditor
{
  WmInspector       *inspector;   /* unowned */
  const WmFieldSpec *spec;
  GtkWidget         *row;         /* the row in a group (unowned) */
  GtkWidget         *focus;       /* what focus_field focuses */
  GtkWidget         *message;     /* a label under the field, or NULL */
  GtkWidget         *info;        /* a dim label under the field, or NULL */
  char              *subtitle;    /* what an action row shows without a message */
  char              *live_error;  /* the editor's own check (syntax, clock) */
  char              *diagnostic;  /* from wm_inspector_set_diagnostics */
  GtkWidget         *items;       /* list fields: the box of items */
  GtkWidget         *parts[6];    /* kind-specific widgets (unowned) */
  GPtrArray         *ids;         /* pickers: the value of each item */
  GPtrArray         *size_groups; /* lists: one a column */
  gboolean           pushing;     /* this editor's own command is applying */
  gboolean           updating;    /* refresh is writing the widgets */
  void             (*refresh)     (WmFieldEditor *editor);
};

/* Builds the editor of @spec; its row is @editor->row. */
WmFieldEditor *_wm_field_editor_new          (WmInspector       *inspector,
                                              const WmFieldSpec *spec);
void           _wm_field_editor_free         (WmFieldEditor     *editor);
/* Model to widgets. */
void           _wm_field_editor_refresh      (WmFieldEditor     *editor);
/* Shows live_error or diagnostic (error style) or the plain subtitle. */
void           _wm_field_editor_show_message (WmFieldEditor     *editor);
/* The kinds that get a group of their own (lists, the send window). */
gboolean       _wm_field_kind_wants_group    (WmFieldKind        kind);

/* For the editors. */
WmElement     *_wm_inspector_get_element     (WmInspector       *self);
WmFlow        *_wm_inspector_get_flow        (WmInspector       *self);
WmLookup      *_wm_inspector_get_lookup      (WmInspector       *self);
/* Pushes "set config member" for the shown element (a copy of @value;
 * NULL removes the member) with @editor marked as the source. */
void           _wm_inspector_push_config     (WmInspector       *self,
                                              WmFieldEditor     *editor,
                                              JsonNode          *value);
void           _wm_inspector_emit_new_definition (WmInspector   *self,
                                                  WmFieldKind    kind);

G_END_DECLS
