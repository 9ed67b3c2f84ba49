/* wm-inspector.c - edits the selected element's name and config
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "wm-commands.h"
#include "wm-inspector-private.h"
#include "wm-palette.h"
#include "wm-validate.h"

struct _WmInspector
{
  GtkWidget parent_instance;

  WmElement   *element;
  WmFlow      *flow;
  WmUndoStack *undo_stack;
  WmLookup    *lookup;
  gulong       config_changed_id;
  gulong       name_changed_id;
  gulong       flow_changed_id;

  GPtrArray   *editors;      /* WmFieldEditor, in catalogue order */
  GPtrArray   *groups;       /* the groups made for the fields (unowned) */
  GPtrArray   *diagnostics;  /* WmDiagnostic copies, or NULL */
  gboolean     pushing_name;
  gboolean     updating_name;
  char        *locked_reason;
  WmReportMetrics *metrics;  /* a run's figures, or NULL */
  GtkWidget   *performance;  /* their section (one of groups), or NULL */

  /* Template children */
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwActionRow        *type_row;
  GtkImage            *type_icon;
  AdwEntryRow         *name_row;
  AdwActionRow        *locked_row;
};

G_DEFINE_FINAL_TYPE (WmInspector, wm_inspector, GTK_TYPE_WIDGET)

enum { NEW_MILESTONE_REQUESTED, NEW_OUTCOME_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static guint
version_number (WmInspector *self)
{
  WmVersion *version = wm_element_get_version (self->element);

  return version != NULL ? wm_version_get_number (version) : 0;
}

WmElement *
_wm_inspector_get_element (WmInspector *self)
{
  return self->element;
}

WmFlow *
_wm_inspector_get_flow (WmInspector *self)
{
  return self->flow;
}

WmLookup *
_wm_inspector_get_lookup (WmInspector *self)
{
  return self->lookup;
}

void
_wm_inspector_push_config (WmInspector   *self,
                           WmFieldEditor *editor,
                           JsonNode      *value)
{
  g_autoptr (WmCommand) command = NULL;

  g_assert (self->element != NULL);

  command = wm_command_set_config_new (version_number (self), wm_element_get_id (self->element),
                                       editor->spec->name, value);
  editor->pushing = TRUE;
  wm_undo_stack_push (self->undo_stack, command);
  editor->pushing = FALSE;
}

void
_wm_inspector_emit_new_definition (WmInspector *self,
                                   WmFieldKind  kind)
{
  g_signal_emit (self, signals[kind == WM_FIELD_OUTCOME ? NEW_OUTCOME_REQUESTED
                                                        : NEW_MILESTONE_REQUESTED], 0);
}

/* "send_window.from" and "branches[1].when" belong to the editor of the
 * config key before the first '.' or '['. */
static char *
field_key (const char *field)
{
  return g_strndup (field, strcspn (field, ".["));
}

static WmFieldEditor *
find_editor (WmInspector *self,
             const char  *field)
{
  g_autofree char *key = NULL;

  if (self->editors == NULL || field == NULL)
    return NULL;
  key = field_key (field);
  for (guint i = 0; i < self->editors->len; i++)
    {
      WmFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (g_str_equal (editor->spec->name, key))
        return editor;
    }
  return NULL;
}

static void
refresh_name (WmInspector *self)
{
  const char *name = wm_element_get_name (self->element);

  self->updating_name = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name != NULL ? name : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  self->updating_name = FALSE;
}

static void
name_row_changed_cb (WmInspector *self)
{
  g_autoptr (WmCommand) command = NULL;

  if (self->updating_name || self->element == NULL)
    return;

  command = wm_command_rename_element_new (version_number (self), wm_element_get_id (self->element),
                                           gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  self->pushing_name = TRUE;
  wm_undo_stack_push (self->undo_stack, command);
  self->pushing_name = FALSE;
}

static void
element_name_changed_cb (WmInspector *self)
{
  /* The row's own keystrokes keep the cursor where it is. */
  if (!self->pushing_name)
    refresh_name (self);
}

static void
element_config_changed_cb (WmInspector *self,
                           const char  *key)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      WmFieldEditor *editor = g_ptr_array_index (self->editors, i);

      if (editor->pushing)
        continue;
      /* The reaction offered depends on the message it reacts to. */
      if (key == NULL || g_str_equal (editor->spec->name, key)
          || (editor->spec->kind == WM_FIELD_REACTION && g_str_equal (key, "element")))
        _wm_field_editor_refresh (editor);
    }
}

static void clear_element (WmInspector *self);

/* Pickers list other elements and the version's variables; and an undo
 * may take the shown element out of its version. */
static void
flow_changed_cb (WmInspector *self)
{
  WmVersion *version = wm_element_get_version (self->element);

  if (version == NULL || wm_version_get_flow (version) != self->flow)
    {
      clear_element (self);
      return;
    }

  for (guint i = 0; i < self->editors->len; i++)
    {
      WmFieldEditor *editor = g_ptr_array_index (self->editors, i);

      switch ((int) editor->spec->kind)
        {
        case WM_FIELD_ELEMENT:
        case WM_FIELD_REACTION:
        case WM_FIELD_VARIABLE:
          if (!editor->pushing)
            _wm_field_editor_refresh (editor);
          break;
        default:
          break;
        }
    }
}

static void
apply_diagnostics (WmInspector *self)
{
  const char *id = self->element != NULL ? wm_element_get_id (self->element) : NULL;
  GString *name_message = NULL;

  if (self->editors == NULL)
    return;

  for (guint i = 0; i < self->editors->len; i++)
    {
      WmFieldEditor *editor = g_ptr_array_index (self->editors, i);

      g_clear_pointer (&editor->diagnostic, g_free);
    }

  for (guint i = 0; self->diagnostics != NULL && id != NULL && i < self->diagnostics->len; i++)
    {
      WmDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, i);
      WmFieldEditor *editor;

      if (g_strcmp0 (diagnostic->element, id) != 0 || diagnostic->version != version_number (self)
          || diagnostic->field == NULL)
        continue;

      if (g_str_equal (diagnostic->field, "name"))
        {
          if (name_message == NULL)
            name_message = g_string_new (diagnostic->message);
          continue;
        }

      editor = find_editor (self, diagnostic->field);
      if (editor == NULL)
        continue;
      /* Several diagnostics of one field: one a line. */
      if (editor->diagnostic != NULL)
        {
          char *joined = g_strconcat (editor->diagnostic, "\n", diagnostic->message, NULL);

          g_free (editor->diagnostic);
          editor->diagnostic = joined;
        }
      else
        editor->diagnostic = g_strdup (diagnostic->message);
    }

  for (guint i = 0; i < self->editors->len; i++)
    _wm_field_editor_show_message (g_ptr_array_index (self->editors, i));

  if (name_message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), name_message->str);
      g_string_free (name_message, TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), NULL);
    }
}

static void
remove_field_groups (WmInspector *self)
{
  if (self->groups != NULL)
    for (guint i = 0; i < self->groups->len; i++)
      adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  self->performance = NULL;
}

static void
clear_element (WmInspector *self)
{
  if (self->element != NULL)
    {
      g_clear_signal_handler (&self->config_changed_id, self->element);
      g_clear_signal_handler (&self->name_changed_id, self->element);
    }
  if (self->flow != NULL)
    g_clear_signal_handler (&self->flow_changed_id, self->flow);

  remove_field_groups (self);
  g_clear_object (&self->element);
  g_clear_object (&self->flow);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->lookup);

  if (self->stack != NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static AdwPreferencesGroup *
add_group (WmInspector *self,
           const char  *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
build_editors (WmInspector *self)
{
  const WmElementType *type = wm_element_get_element_type (self->element);
  AdwPreferencesGroup *group = NULL;

  self->groups = g_ptr_array_new ();
  self->editors = g_ptr_array_new_with_free_func ((GDestroyNotify) _wm_field_editor_free);

  /* Plain fields share a group; a list or the send window gets one of its
   * own, titled with the field, in the catalogue's order. */
  for (guint i = 0; i < type->n_fields; i++)
    {
      const WmFieldSpec *spec = &type->fields[i];
      WmFieldEditor *editor = _wm_field_editor_new (self, spec);

      g_ptr_array_add (self->editors, editor);
      if (_wm_field_kind_wants_group (spec->kind))
        {
          AdwPreferencesGroup *own = add_group (self, NULL);

          adw_preferences_group_add (own, editor->row);
          group = NULL;
        }
      else
        {
          if (group == NULL)
            group = add_group (self, NULL);
          adw_preferences_group_add (group, editor->row);
        }
      _wm_field_editor_refresh (editor);
    }

  if (type->n_fields == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("This element has no settings"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (add_group (self, NULL), row);
    }

  if (self->metrics != NULL)
    {
      self->performance = wm_inspector_performance_new (self->metrics, self->element);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->performance));
      g_ptr_array_add (self->groups, self->performance);
    }
}

void
wm_inspector_set_metrics (WmInspector     *self,
                          WmReportMetrics *metrics)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));

  if (metrics == self->metrics)
    return;
  if (metrics != NULL)
    wm_report_metrics_ref (metrics);
  g_clear_pointer (&self->metrics, wm_report_metrics_unref);
  self->metrics = metrics;
  if (self->element == NULL)
    return;
  if (self->performance != NULL)
    {
      adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (self->performance));
      g_ptr_array_remove (self->groups, self->performance);
      self->performance = NULL;
    }
  if (metrics != NULL)
    {
      self->performance = wm_inspector_performance_new (metrics, self->element);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->performance));
      g_ptr_array_add (self->groups, self->performance);
    }
}

WmInspectorPerformance *
wm_inspector_get_performance (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);
  return self->performance != NULL ? WM_INSPECTOR_PERFORMANCE (self->performance) : NULL;
}

void
wm_inspector_set_element (WmInspector *self,
                          WmElement   *element,
                          WmFlow      *flow,
                          WmUndoStack *undo_stack,
                          WmLookup    *lookup)
{
  const WmElementType *type;

  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (element == NULL || WM_IS_ELEMENT (element));
  g_return_if_fail (element == NULL || WM_IS_FLOW (flow));
  g_return_if_fail (element == NULL || WM_IS_UNDO_STACK (undo_stack));
  g_return_if_fail (lookup == NULL || WM_IS_LOOKUP (lookup));

  clear_element (self);
  wm_inspector_set_locked (self, NULL);
  if (element == NULL)
    return;

  self->element = g_object_ref (element);
  self->flow = g_object_ref (flow);
  self->undo_stack = g_object_ref (undo_stack);
  self->lookup = lookup != NULL ? g_object_ref (lookup) : NULL;

  type = wm_element_get_element_type (element);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->type_row), _(type->label));
  adw_action_row_set_subtitle (self->type_row, _(type->description));
  gtk_image_set_from_icon_name (self->type_icon, type->icon_name);
  for (guint i = 0; i < WM_N_CATEGORIES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->type_row), wm_category_get_css_class (i));
  gtk_widget_add_css_class (GTK_WIDGET (self->type_row), wm_category_get_css_class (type->category));

  refresh_name (self);
  build_editors (self);
  apply_diagnostics (self);

  self->config_changed_id = g_signal_connect_swapped (element, "config-changed",
                                                      G_CALLBACK (element_config_changed_cb), self);
  self->name_changed_id = g_signal_connect_swapped (element, "notify::name",
                                                    G_CALLBACK (element_name_changed_cb), self);
  self->flow_changed_id = g_signal_connect_swapped (flow, "changed",
                                                    G_CALLBACK (flow_changed_cb), self);

  gtk_stack_set_visible_child_name (self->stack, "element");
}

WmElement *
wm_inspector_get_element (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);
  return self->element;
}

void
wm_inspector_set_locked (WmInspector *self,
                         const char  *reason)
{
  gboolean locked = reason != NULL;

  g_return_if_fail (WM_IS_INSPECTOR (self));

  if (self->locked_reason != reason)
    {
      g_free (self->locked_reason);
      self->locked_reason = g_strdup (reason);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->locked_row), locked ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->locked_row), locked);
  /* The fields stay readable (and copyable), as on a launched version. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !locked);
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->groups, i), !locked);
}

const char *
wm_inspector_get_locked_reason (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);
  return self->locked_reason;
}

void
wm_inspector_set_diagnostics (WmInspector *self,
                              GPtrArray   *diagnostics)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (diagnostics != NULL)
    {
      self->diagnostics = g_ptr_array_new_full (diagnostics->len, (GDestroyNotify) wm_diagnostic_free);
      for (guint i = 0; i < diagnostics->len; i++)
        g_ptr_array_add (self->diagnostics, wm_diagnostic_copy (g_ptr_array_index (diagnostics, i)));
    }
  apply_diagnostics (self);
}

/* "branches[1].when": the widget named "when" in item 1 of the list;
 * "send_window.from": the widget named "from" in the editor. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_part (WmFieldEditor *editor,
           const char    *field)
{
  const char *rest = field + strlen (editor->spec->name);
  GtkWidget *scope = editor->row;

  if (*rest == '[' && editor->items != NULL)
    {
      guint64 index = g_ascii_strtoull (rest + 1, NULL, 10);
      GtkWidget *item = gtk_widget_get_first_child (editor->items);

      for (guint64 i = 0; item != NULL && i < index; i++)
        item = gtk_widget_get_next_sibling (item);
      if (item == NULL)
        return NULL;
      scope = item;
      rest = strchr (rest, ']');
      rest = rest != NULL ? rest + 1 : "";
      if (*rest != '.')
        return gtk_widget_get_first_child (item);
    }
  if (*rest == '.')
    return find_named (scope, rest + 1);
  return NULL;
}

gboolean
wm_inspector_focus_field (WmInspector *self,
                          const char  *field)
{
  WmFieldEditor *editor;
  GtkWidget *target = NULL;

  g_return_val_if_fail (WM_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (self->element == NULL)
    return FALSE;
  if (g_str_equal (field, "name"))
    return gtk_widget_grab_focus (GTK_WIDGET (self->name_row)), TRUE;

  editor = find_editor (self, field);
  if (editor == NULL)
    return FALSE;
  if (ADW_IS_EXPANDER_ROW (editor->row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (editor->row), TRUE);
  target = find_part (editor, field);
  if (target == NULL)
    target = editor->focus != NULL ? editor->focus : editor->row;
  gtk_widget_grab_focus (target);
  return TRUE;
}

GtkWidget *
wm_inspector_get_field_row (WmInspector *self,
                            const char  *field)
{
  WmFieldEditor *editor;

  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "name"))
    return self->element != NULL ? GTK_WIDGET (self->name_row) : NULL;
  editor = find_editor (self, field);
  return editor != NULL ? editor->row : NULL;
}

static gboolean
focus_name_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  WmInspector *self = WM_INSPECTOR (widget);

  if (self->element == NULL || !gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
wm_inspector_dispose (GObject *object)
{
  WmInspector *self = WM_INSPECTOR (object);
  GtkWidget *child;

  clear_element (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_INSPECTOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->locked_reason, g_free);
  g_clear_pointer (&self->metrics, wm_report_metrics_unref);

  G_OBJECT_CLASS (wm_inspector_parent_class)->dispose (object);
}

static void
wm_inspector_class_init (WmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_inspector_dispose;

  /**
   * WmInspector::new-milestone-requested:
   *
   * The person asked for a new milestone definition ("New milestone…").
   */
  signals[NEW_MILESTONE_REQUESTED] =
    g_signal_new ("new-milestone-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * WmInspector::new-outcome-requested:
   *
   * The person asked for a new outcome definition ("New outcome…").
   */
  signals[NEW_OUTCOME_REQUESTED] =
    g_signal_new ("new-outcome-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, page);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, type_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, type_icon);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, name_row);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, locked_row);
  gtk_widget_class_bind_template_callback (widget_class, name_row_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
wm_inspector_init (WmInspector *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* F2 renames the shown element from anywhere in the window (the canvas
   * too), as in file managers. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F2, 0),
                                                          gtk_callback_action_new (focus_name_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
wm_inspector_new (void)
{
  return g_object_new (WM_TYPE_INSPECTOR, NULL);
}
