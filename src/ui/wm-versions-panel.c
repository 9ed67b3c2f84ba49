/* wm-versions-panel.c - a flow's versions: their lifecycle, and comparing two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar in the inspector's column rather than a popover from the
 * header: a comparison keeps its list of changes open while the person
 * looks at the canvas and clicks on it, which would close a popover, and
 * sharing the inspector's column keeps the canvas as wide as it was.
 *
 * The cards are built from the flow as stored (read again on
 * ::flow-changed), not from the page's copy: a launch made by the header
 * or another program shows here at once. They are rebuilt only when a
 * version's number, status or dates change, so autosaving a draft does
 * not close a menu someone has open. When the store moves the version the
 * page shows to another status (a launch or a stop from elsewhere), the
 * page's copy is stale: the panel reopens it, so a launched draft turns
 * read-only instead of failing to save.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-geometry.h"
#include "wm-catalogue.h"
#include "wm-flow-diff.h"
#include "wm-flows-page.h"
#include "wm-status-badge.h"
#include "wm-versions-panel.h"

struct _WmVersionsPanel
{
  GtkWidget     parent_instance;

  WmEditorPage *page;           /* unowned: it holds the panel */
  WmWorkspace  *workspace;      /* the page's, followed for ::flow-changed */
  WmFlow       *flow;           /* as stored, or NULL */
  char         *signature;      /* what the cards show, to skip rebuilds */
  WmFlowDiff   *diff;           /* the comparison shown, or NULL */
  guint         reopen_source;  /* reopens a version the store moved on */

  /* Template children */
  GtkStack     *stack;
  GtkListBox   *cards;
  GtkLabel     *comparison_title;
  GtkLabel     *comparison_summary;
  GtkListBox   *changes;
};

G_DEFINE_FINAL_TYPE (WmVersionsPanel, wm_versions_panel, GTK_TYPE_WIDGET)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static const char *
flow_id (WmVersionsPanel *self)
{
  WmFlow *flow = self->page != NULL ? wm_editor_page_get_flow (self->page) : NULL;

  return flow != NULL ? wm_flow_get_id (flow) : NULL;
}

static guint
shown_number (WmVersionsPanel *self)
{
  WmVersion *version = self->page != NULL ? wm_editor_page_get_version (self->page) : NULL;

  return version != NULL ? wm_version_get_number (version) : 0;
}

static void
toast (WmVersionsPanel *self,
       const char      *message)
{
  if (self->page != NULL)
    wm_editor_page_add_toast (self->page, message);
}

/* Cards {{{ */

static gboolean
can_stop (WmVersionStatus status)
{
  return status == WM_VERSION_ACTIVE || status == WM_VERSION_PAUSED || status == WM_VERSION_FINISHING;
}

/* flow-format.md, Lifecycle: from the latest version when it runs or
 * finishes, and never for a flow entered from an audience. */
static gboolean
can_make_new_version (WmFlow    *flow,
                      WmVersion *version)
{
  WmElement *entry = wm_version_get_entry (version);

  return version == wm_flow_get_latest_version (flow)
         && can_stop (wm_version_get_status (version))
         && (entry == NULL || !g_str_equal (wm_element_get_type_name (entry), "entry.audience"));
}

static char *
make_signature (WmFlow *flow)
{
  GString *out = g_string_new (wm_flow_get_id (flow));

  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, i);
      const char *keys[] = { "created_at", "launched_at", "stopped_at" };

      g_string_append_printf (out, ";%u:%d", wm_version_get_number (version), wm_version_get_status (version));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          gint64 t;

          if (wm_version_get_timestamp (version, keys[k], &t))
            g_string_append_printf (out, ":%" G_GINT64_FORMAT, t);
          else
            g_string_append (out, ":-");
        }
    }
  return g_string_free (out, FALSE);
}

static void
add_date (GtkGrid    *grid,
          int        *row,
          WmVersion  *version,
          const char *key,
          const char *title,
          gint64      now)
{
  g_autofree char *when = NULL;
  GtkWidget *name, *value;
  gint64 t;

  if (!wm_version_get_timestamp (version, key, &t))
    return;
  when = wm_format_changed_at (t, now);
  name = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "dim-label");
  value = gtk_label_new (when);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_grid_attach (grid, name, 0, *row, 1, 1);
  gtk_grid_attach (grid, value, 1, *row, 1, 1);
  (*row)++;
}

static GMenuModel *
compare_menu (WmFlow    *flow,
              WmVersion *version)
{
  GMenu *menu = g_menu_new ();

  for (guint i = wm_flow_get_n_versions (flow); i > 0; i--)
    {
      WmVersion *other = wm_flow_get_version_at (flow, i - 1);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (other == version)
        continue;
      label = g_strdup_printf (_("Version %u"), wm_version_get_number (other));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "versions.compare", "(uu)",
                                         wm_version_get_number (version), wm_version_get_number (other));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GMenuModel *
more_menu (WmFlow    *flow,
           WmVersion *version)
{
  GMenu *menu = g_menu_new ();
  guint number = wm_version_get_number (version);
  g_autoptr(GMenuItem) duplicate = g_menu_item_new (_("_Duplicate into a New Flow"), NULL);

  if (can_make_new_version (flow, version))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_New Version from This"), NULL);

      g_menu_item_set_action_and_target (item, "versions.new-version", "u", number);
      g_menu_append_item (menu, item);
    }
  g_menu_item_set_action_and_target (duplicate, "versions.duplicate", "u", number);
  g_menu_append_item (menu, duplicate);
  if (can_stop (wm_version_get_status (version)))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Stop…"), NULL);

      g_menu_item_set_action_and_target (item, "versions.stop", "u", number);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GtkWidget *
make_card (WmVersionsPanel *self,
           WmVersion       *version,
           gint64           now)
{
  guint number = wm_version_get_number (version);
  WmVersionStatus status = wm_version_get_status (version);
  g_autofree char *title = g_strdup_printf (_("Version %u"), number);
  g_autofree char *compare_label = NULL;
  g_autofree char *more_label = NULL;
  g_autofree char *card_label = NULL;
  g_autoptr(GMenuModel) compare = compare_menu (self->flow, version);
  g_autoptr(GMenuModel) more = more_menu (self->flow, version);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *dates = gtk_grid_new ();
  GtkWidget *open, *compare_button, *more_button;
  int line = 0;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "version-card");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (top), heading);
  wm_status_badge_update (GTK_LABEL (badge), status);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), badge);
  if (number == shown_number (self))
    {
      /* Translators: on the card of the version the editor shows */
      GtkWidget *shown = gtk_label_new (C_("version card", "Showing"));

      gtk_widget_add_css_class (shown, "dim-label");
      gtk_widget_add_css_class (shown, "caption");
      gtk_widget_set_hexpand (shown, TRUE);
      gtk_widget_set_halign (shown, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (top), shown);
    }
  gtk_box_append (GTK_BOX (box), top);

  gtk_grid_set_column_spacing (GTK_GRID (dates), 12);
  gtk_grid_set_row_spacing (GTK_GRID (dates), 2);
  add_date (GTK_GRID (dates), &line, version, "created_at", _("Created"), now);
  add_date (GTK_GRID (dates), &line, version, "launched_at", _("Launched"), now);
  add_date (GTK_GRID (dates), &line, version, "stopped_at", _("Stopped"), now);
  gtk_box_append (GTK_BOX (box), dates);

  /* A draft opens to edit; a launched version only to look at. */
  open = gtk_button_new_with_mnemonic (status == WM_VERSION_DRAFT ? _("_Edit") : _("_View"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "versions.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "u", number);
  gtk_widget_set_tooltip_text (open, status == WM_VERSION_DRAFT ? _("Open this draft to edit it")
                                                                : _("Open this version read-only"));
  gtk_box_append (GTK_BOX (buttons), open);

  compare_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (compare_button), _("Compare With…"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (compare_button), compare);
  gtk_widget_set_sensitive (compare_button, g_menu_model_get_n_items (compare) > 0);
  compare_label = g_strdup_printf (_("Compare version %u with…"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (compare_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, compare_label, -1);
  gtk_box_append (GTK_BOX (buttons), compare_button);

  more_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more_button), more);
  gtk_widget_set_hexpand (more_button, TRUE);
  gtk_widget_set_halign (more_button, GTK_ALIGN_END);
  more_label = g_strdup_printf (_("More actions for version %u"), number);
  gtk_widget_set_tooltip_text (more_button, more_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (more_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more_label, -1);
  gtk_box_append (GTK_BOX (buttons), more_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a version card for screen readers, "Version 2, Active" */
  card_label = g_strdup_printf (_("Version %u, %s"), number, wm_version_status_get_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, card_label, -1);
  g_object_set_data (G_OBJECT (row), "number", GUINT_TO_POINTER (number));
  g_object_set_data (G_OBJECT (row), "status", GINT_TO_POINTER (status));
  return row;
}

static void
rebuild_cards (WmVersionsPanel *self)
{
  GtkWidget *child;
  gint64 now = now_seconds ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_list_box_remove (self->cards, child);
  if (self->flow == NULL)
    return;
  for (guint i = wm_flow_get_n_versions (self->flow); i > 0; i--)
    gtk_list_box_append (self->cards, make_card (self, wm_flow_get_version_at (self->flow, i - 1), now));
}

/* Reads the flow as stored and rebuilds the cards when what they show
 * changed (or @force). */
static void
reload (WmVersionsPanel *self,
        gboolean         force)
{
  const char *id = flow_id (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *signature = NULL;

  g_clear_object (&self->flow);
  if (id != NULL && self->workspace != NULL)
    {
      self->flow = wm_workspace_get_flow (self->workspace, id, &error);
      if (self->flow == NULL)
        g_debug ("No versions to show for %s: %s", id, error->message);
    }
  signature = self->flow != NULL ? make_signature (self->flow) : NULL;
  if (signature != NULL)
    {
      /* The "Open" mark follows the version shown. */
      g_autofree char *with_shown = g_strdup_printf ("%s@%u", signature, shown_number (self));

      g_free (signature);
      signature = g_steal_pointer (&with_shown);
    }
  if (!force && g_strcmp0 (signature, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_steal_pointer (&signature);
  rebuild_cards (self);
}

static gboolean
reopen_cb (gpointer data)
{
  WmVersionsPanel *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (flow_id (self));

  self->reopen_source = 0;
  if (id != NULL && !wm_editor_page_open_version (self->page, id, shown_number (self), &error))
    toast (self, error->message);
  return G_SOURCE_REMOVE;
}

/* Whether the store holds the shown version in another status than the
 * page's copy. */
static gboolean
page_is_stale (WmVersionsPanel *self)
{
  WmVersion *shown = self->page != NULL ? wm_editor_page_get_version (self->page) : NULL;
  WmVersion *stored;

  if (shown == NULL || self->flow == NULL)
    return FALSE;
  stored = wm_flow_get_version (self->flow, wm_version_get_number (shown));
  return stored != NULL && wm_version_get_status (stored) != wm_version_get_status (shown);
}

static void
workspace_flow_changed_cb (WmVersionsPanel *self,
                           const char      *id)
{
  if (id != NULL && g_strcmp0 (id, flow_id (self)) != 0)
    return;
  reload (self, FALSE);
  /* Not from inside the store's signal: reopening reads the store. */
  if (page_is_stale (self) && self->reopen_source == 0)
    self->reopen_source = g_idle_add (reopen_cb, self);
}

/* }}} */

/* Comparison {{{ */

/* "Name", "Text", "Branches[1].when": the catalogue's label of the field
 * and the rest of the path as it is. */
static char *
field_label (WmElement  *element,
             const char *path)
{
  const WmElementType *type = wm_element_get_element_type (element);

  if (g_str_equal (path, "name"))
    return g_strdup (_("Name"));
  if (g_str_equal (path, "position"))
    return g_strdup (_("Position"));
  if (g_str_equal (path, "type"))
    return g_strdup (_("Type"));
  if (g_str_has_prefix (path, "config.") && type != NULL)
    {
      const char *key = path + strlen ("config.");
      gsize length = strcspn (key, ".[");
      g_autofree char *name = g_strndup (key, length);
      const WmFieldSpec *spec = wm_element_type_get_field (type, name);

      if (spec != NULL && spec->label != NULL)
        return g_strconcat (_(spec->label), key + length, NULL);
      return g_strdup (key);
    }
  return g_strdup (path);
}

static GtkWidget *
field_line (const char *label,
            const char *old_text,
            const char *new_text)
{
  /* Translators: one changed field, "Name: Reminder → Last reminder" */
  g_autofree char *text = g_strdup_printf (_("%s: %s → %s"), label,
                                           old_text != NULL ? old_text : _("(none)"),
                                           new_text != NULL ? new_text : _("(none)"));
  GtkWidget *line = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (line), FALSE);
  gtk_widget_add_css_class (line, "caption");
  return line;
}

static const char *
kind_label (WmDiffKind kind)
{
  switch (kind)
    {
    case WM_DIFF_ADDED:
      return C_("comparison", "Added");
    case WM_DIFF_REMOVED:
      return C_("comparison", "Removed");
    case WM_DIFF_CHANGED:
    default:
      return C_("comparison", "Changed");
    }
}

static GtkWidget *
change_row (const char *kind_class,
            const char *kind_text,
            const char *title,
            GtkWidget **lines_box)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *tag = gtk_label_new (kind_text);
  GtkWidget *name = gtk_label_new (title);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (tag, "change-tag");
  if (kind_class != NULL)
    gtk_widget_add_css_class (tag, kind_class);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), tag);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (box), top);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  *lines_box = box;
  return row;
}

static GtkWidget *
element_change_row (const WmElementChange *change)
{
  static const char * const classes[] = { "added", "removed", "changed" };
  GtkWidget *box;
  GtkWidget *row = change_row (classes[change->kind], kind_label (change->kind), change->name, &box);
  g_autoptr(GString) label = g_string_new (NULL);

  /* Translators: a change for screen readers, "Changed: Reminder SMS" */
  g_string_printf (label, _("%s: %s"), kind_label (change->kind), change->name);
  for (guint i = 0; i < change->fields->len; i++)
    {
      const WmFieldChange *field = g_ptr_array_index (change->fields, i);
      g_autofree char *name = field_label (change->element, field->path);
      GtkWidget *line = field_line (name, field->old_text, field->new_text);

      gtk_box_append (GTK_BOX (box), line);
      g_string_append_printf (label, ". %s", gtk_label_get_text (GTK_LABEL (line)));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
  g_object_set_data_full (G_OBJECT (row), "element-id", g_strdup (change->id), g_free);
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (change->kind));
  return row;
}

/* An element's name in the version shown, else in the other one (a
 * removed element), else its id. */
static const char *
element_name (WmVersionsPanel *self,
              const char      *id,
              gboolean        *shown)
{
  WmElement *element = id != NULL ? wm_version_find_element (wm_editor_page_get_version (self->page), id) : NULL;
  const WmElementChange *change;

  *shown = element != NULL;
  if (element != NULL)
    return wm_element_get_display_name (element);
  change = id != NULL ? wm_flow_diff_find_element (self->diff, id) : NULL;
  if (change != NULL)
    return change->name;
  return id != NULL ? id : "?";
}

static GtkWidget *
connection_change_row (WmVersionsPanel          *self,
                       const WmConnectionChange *change)
{
  static const char * const classes[] = { "added", "removed", "changed" };
  gboolean from_shown, to_shown;
  const char *from = element_name (self, change->from, &from_shown);
  const char *to = element_name (self, change->to, &to_shown);
  /* Translators: a connection in the list of changes, "Wait an hour → Reminder e-mail" */
  g_autofree char *text = g_strdup_printf (_("%s → %s"), from, to);
  g_autofree char *label = NULL;
  GtkWidget *box, *line;
  GtkWidget *row = change_row (classes[change->kind], kind_label (change->kind), _("Connection"), &box);

  line = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (line, "caption");
  gtk_box_append (GTK_BOX (box), line);
  /* Translators: for screen readers, "Removed: connection Wait an hour → Reminder e-mail" */
  label = g_strdup_printf (_("%s: connection %s"), kind_label (change->kind), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* Activating it shows where it leaves: the element, or its ghost. */
  if (change->from != NULL)
    {
      g_object_set_data_full (G_OBJECT (row), "element-id", g_strdup (change->from), g_free);
      g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (from_shown ? WM_DIFF_CHANGED : WM_DIFF_REMOVED));
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
settings_row (GPtrArray *fields)
{
  GtkWidget *box;
  GtkWidget *row = change_row ("changed", C_("comparison", "Changed"), _("Version settings"), &box);

  for (guint i = 0; i < fields->len; i++)
    {
      const WmFieldChange *field = g_ptr_array_index (fields, i);

      gtk_box_append (GTK_BOX (box), field_line (field->path, field->old_text, field->new_text));
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static char *
summarise (WmFlowDiff *diff)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint changed = wm_flow_diff_count (diff, WM_DIFF_CHANGED);
  guint added = wm_flow_diff_count (diff, WM_DIFF_ADDED);
  guint removed = wm_flow_diff_count (diff, WM_DIFF_REMOVED);
  guint connections = wm_flow_diff_get_n_connections (diff);

  if (wm_flow_diff_is_empty (diff))
    return g_strdup (_("The two versions are the same"));
  if (changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u element changed",
                                                          "%u elements changed", changed), changed));
  if (added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", added), added));
  if (removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", removed),
                                             removed));
  if (connections > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u connection added or removed",
                                                          "%u connections added or removed", connections),
                                             connections));
  if (wm_flow_diff_get_settings (diff)->len > 0)
    g_ptr_array_add (parts, g_strdup (_("settings changed")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_changes (WmVersionsPanel *self)
{
  g_autofree char *title = NULL;
  g_autofree char *summary = summarise (self->diff);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes))) != NULL)
    gtk_list_box_remove (self->changes, child);
  for (guint i = 0; i < wm_flow_diff_get_n_elements (self->diff); i++)
    gtk_list_box_append (self->changes, element_change_row (wm_flow_diff_get_element (self->diff, i)));
  for (guint i = 0; i < wm_flow_diff_get_n_connections (self->diff); i++)
    gtk_list_box_append (self->changes, connection_change_row (self, wm_flow_diff_get_connection (self->diff, i)));
  if (wm_flow_diff_get_settings (self->diff)->len > 0)
    gtk_list_box_append (self->changes, settings_row (wm_flow_diff_get_settings (self->diff)));
  gtk_widget_set_visible (GTK_WIDGET (self->changes), !wm_flow_diff_is_empty (self->diff));

  /* Translators: "Version 1 → Version 2" */
  title = g_strdup_printf (_("Version %u → Version %u"), wm_flow_diff_get_older_number (self->diff),
                           wm_flow_diff_get_newer_number (self->diff));
  gtk_label_set_text (self->comparison_title, title);
  gtk_label_set_text (self->comparison_summary, summary);
  gtk_stack_set_visible_child_name (self->stack, "comparison");
}

static void
end_comparison (WmVersionsPanel *self)
{
  g_clear_pointer (&self->diff, wm_flow_diff_unref);
  gtk_stack_set_visible_child_name (self->stack, "versions");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.stop-comparing", FALSE);
}

gboolean
wm_versions_panel_compare (WmVersionsPanel *self,
                           guint            a,
                           guint            b,
                           GError         **error)
{
  guint older = MIN (a, b), newer = MAX (a, b);
  WmFlow *flow;
  WmVersion *before, *shown;
  WmCanvas *canvas;

  g_return_val_if_fail (WM_IS_VERSIONS_PANEL (self), FALSE);
  g_return_val_if_fail (self->page != NULL, FALSE);

  flow = wm_editor_page_get_flow (self->page);
  if (flow == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("No flow is open: open one to compare its versions."));
      return FALSE;
    }
  if (older == newer)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("Version %u is the same version: pick another one to compare it with."), older);
      return FALSE;
    }
  if (wm_flow_get_version (flow, older) == NULL || wm_flow_get_version (flow, newer) == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_NOT_FOUND,
                   _("“%s” has no version %u: pick one of its versions."),
                   wm_flow_get_name (flow) != NULL ? wm_flow_get_name (flow) : wm_flow_get_id (flow),
                   wm_flow_get_version (flow, older) == NULL ? older : newer);
      return FALSE;
    }

  /* The canvas shows the newer version, marked against the older. */
  if (shown_number (self) != newer)
    {
      g_autofree char *id = g_strdup (wm_flow_get_id (flow));

      if (!wm_editor_page_open_version (self->page, id, newer, error))
        return FALSE;
      flow = wm_editor_page_get_flow (self->page);
    }
  shown = wm_editor_page_get_version (self->page);
  before = wm_flow_get_version (flow, older);
  g_clear_pointer (&self->diff, wm_flow_diff_unref);
  self->diff = wm_flow_diff_new (before, shown);

  /* Looking, not editing, until Stop Comparing. */
  canvas = wm_editor_page_get_canvas (self->page);
  wm_canvas_set_comparison (canvas, self->diff);
  wm_canvas_set_read_only (canvas, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.stop-comparing", TRUE);
  show_changes (self);
  return TRUE;
}

void
wm_versions_panel_stop_comparing (WmVersionsPanel *self)
{
  WmCanvas *canvas;

  g_return_if_fail (WM_IS_VERSIONS_PANEL (self));

  if (self->diff == NULL)
    return;
  if (self->page != NULL)
    {
      canvas = wm_editor_page_get_canvas (self->page);
      if (wm_canvas_get_comparison (canvas) == self->diff)
        {
          wm_canvas_set_comparison (canvas, NULL);
          wm_canvas_set_read_only (canvas, wm_editor_page_is_read_only (self->page));
        }
    }
  end_comparison (self);
}

gboolean
wm_versions_panel_is_comparing (WmVersionsPanel *self)
{
  g_return_val_if_fail (WM_IS_VERSIONS_PANEL (self), FALSE);
  return self->diff != NULL;
}

static void
changes_row_activated_cb (WmVersionsPanel *self,
                          GtkListBoxRow   *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "element-id");
  WmDiffKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  WmCanvas *canvas;

  if (id == NULL || self->diff == NULL || self->page == NULL)
    return;
  canvas = wm_editor_page_get_canvas (self->page);
  if (kind == WM_DIFF_REMOVED)
    {
      /* Not in this version: nothing to select, show where it was. */
      const WmElementChange *change = wm_flow_diff_find_element (self->diff, id);
      double x, y;

      wm_canvas_unselect_all (canvas);
      if (change != NULL && wm_element_get_position (change->element, &x, &y))
        wm_canvas_center_on (canvas, x + WM_NODE_WIDTH / 2, y + WM_NODE_HEAD_HEIGHT / 2);
    }
  else
    {
      const char *ids[] = { id, NULL };
      WmElement *element = wm_version_find_element (wm_editor_page_get_version (self->page), id);

      wm_canvas_set_selection (canvas, ids);
      if (element != NULL)
        wm_canvas_scroll_to_element (canvas, element);
    }
}

/* }}} */

/* Actions {{{ */

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmVersionsPanel *self = WM_VERSIONS_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (flow_id (self));

  if (id != NULL && !wm_editor_page_open_version (self->page, id, g_variant_get_uint32 (parameter), &error))
    toast (self, error->message);
}

static void
new_version_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WmVersionsPanel *self = WM_VERSIONS_PANEL (widget);
  guint from = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (flow_id (self));
  g_autofree char *message = NULL;
  guint number;

  if (id == NULL || !wm_editor_page_save_now (self->page))
    return;
  number = wm_workspace_new_version (self->workspace, id, now_seconds (), &error);
  if (number == 0 || !wm_editor_page_open_version (self->page, id, number, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: after "New Version", "Version 3 is a draft copy of version 2" */
  message = g_strdup_printf (_("Version %u is a draft copy of version %u"), number, from);
  toast (self, message);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmVersionsPanel *self = WM_VERSIONS_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (flow_id (self));
  g_autofree char *copy = NULL;

  if (id == NULL || !wm_editor_page_save_now (self->page))
    return;
  copy = wm_workspace_duplicate (self->workspace, id, g_variant_get_uint32 (parameter), now_seconds (), &error);
  if (copy == NULL || !wm_editor_page_open_version (self->page, copy, 0, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("This is the copy, a new flow with its own metrics"));
}

typedef struct
{
  WmVersionsPanel *self;
  char            *id;
  guint            number;
} StopData;

static void
stop_data_free (gpointer data)
{
  StopData *stop = data;

  g_object_unref (stop->self);
  g_free (stop->id);
  g_free (stop);
}

static void
stop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  StopData         *stop)
{
  WmVersionsPanel *self = stop->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint shown;

  if (g_strcmp0 (response, "stop") != 0 || self->page == NULL || self->workspace == NULL)
    return;
  if (!wm_workspace_stop (self->workspace, stop->id, stop->number, now_seconds (), &error))
    {
      toast (self, error->message);
      return;
    }
  /* The page holds a copy read before: show the version as it is now. */
  shown = shown_number (self);
  if (g_strcmp0 (flow_id (self), stop->id) == 0
      && !wm_editor_page_open_version (self->page, stop->id, shown, &error))
    toast (self, error->message);
  message = g_strdup_printf (_("Version %u stopped"), stop->number);
  toast (self, message);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WmVersionsPanel *self = WM_VERSIONS_PANEL (widget);
  StopData *stop;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (flow_id (self) == NULL)
    return;
  stop = g_new0 (StopData, 1);
  stop->self = g_object_ref (self);
  stop->id = g_strdup (flow_id (self));
  stop->number = g_variant_get_uint32 (parameter);
  heading = g_strdup_printf (_("Stop Version %u?"), stop->number);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Everyone inside this version leaves the flow at once, and the version "
                                 "cannot be started again. To let them finish their journeys, launch a "
                                 "new version instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (stop_response_cb), stop,
                         (GClosureNotify) (void (*) (void)) stop_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compare_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmVersionsPanel *self = WM_VERSIONS_PANEL (widget);
  g_autoptr(GError) error = NULL;
  guint a, b;

  g_variant_get (parameter, "(uu)", &a, &b);
  if (!wm_versions_panel_compare (self, a, b, &error))
    toast (self, error->message);
}

static void
stop_comparing_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  wm_versions_panel_stop_comparing (WM_VERSIONS_PANEL (widget));
}

/* }}} */

void
wm_versions_panel_sync (WmVersionsPanel *self)
{
  WmWorkspace *workspace;

  g_return_if_fail (WM_IS_VERSIONS_PANEL (self));

  workspace = self->page != NULL ? wm_editor_page_get_workspace (self->page) : NULL;
  if (workspace != self->workspace)
    {
      if (self->workspace != NULL)
        g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_set_object (&self->workspace, workspace);
      if (workspace != NULL)
        g_signal_connect_swapped (workspace, "flow-changed", G_CALLBACK (workspace_flow_changed_cb), self);
    }
  /* Another version or flow opened: its canvas shows no comparison. */
  if (self->diff != NULL
      && (self->page == NULL || wm_canvas_get_comparison (wm_editor_page_get_canvas (self->page)) != self->diff))
    end_comparison (self);
  reload (self, FALSE);
}

void
wm_versions_panel_set_page (WmVersionsPanel *self,
                            WmEditorPage    *page)
{
  g_return_if_fail (WM_IS_VERSIONS_PANEL (self));
  g_return_if_fail (page == NULL || WM_IS_EDITOR_PAGE (page));

  self->page = page;
  wm_versions_panel_sync (self);
}

GtkWidget *
wm_versions_panel_get_card (WmVersionsPanel *self,
                            guint            number)
{
  g_return_val_if_fail (WM_IS_VERSIONS_PANEL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "number")) == number)
      return child;
  return NULL;
}

int
wm_versions_panel_get_card_status (WmVersionsPanel *self,
                                   guint            number)
{
  GtkWidget *card = wm_versions_panel_get_card (self, number);

  return card != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (card), "status")) : -1;
}

GtkListBox *
wm_versions_panel_get_changes (WmVersionsPanel *self)
{
  g_return_val_if_fail (WM_IS_VERSIONS_PANEL (self), NULL);
  return self->changes;
}

GtkWidget *
wm_versions_panel_new (void)
{
  return g_object_new (WM_TYPE_VERSIONS_PANEL, NULL);
}

static void
wm_versions_panel_dispose (GObject *object)
{
  WmVersionsPanel *self = WM_VERSIONS_PANEL (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->flow);
  g_clear_pointer (&self->diff, wm_flow_diff_unref);
  g_clear_handle_id (&self->reopen_source, g_source_remove);
  self->page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_VERSIONS_PANEL);
  G_OBJECT_CLASS (wm_versions_panel_parent_class)->dispose (object);
}

static void
wm_versions_panel_finalize (GObject *object)
{
  WmVersionsPanel *self = WM_VERSIONS_PANEL (object);

  g_free (self->signature);
  G_OBJECT_CLASS (wm_versions_panel_parent_class)->finalize (object);
}

static void
wm_versions_panel_class_init (WmVersionsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_versions_panel_dispose;
  object_class->finalize = wm_versions_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-versions-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WmVersionsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, WmVersionsPanel, cards);
  gtk_widget_class_bind_template_child (widget_class, WmVersionsPanel, comparison_title);
  gtk_widget_class_bind_template_child (widget_class, WmVersionsPanel, comparison_summary);
  gtk_widget_class_bind_template_child (widget_class, WmVersionsPanel, changes);
  gtk_widget_class_bind_template_callback (widget_class, changes_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "versions.open", "u", open_activated);
  gtk_widget_class_install_action (widget_class, "versions.new-version", "u", new_version_activated);
  gtk_widget_class_install_action (widget_class, "versions.duplicate", "u", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "versions.stop", "u", stop_activated);
  gtk_widget_class_install_action (widget_class, "versions.compare", "(uu)", compare_activated);
  gtk_widget_class_install_action (widget_class, "versions.stop-comparing", NULL, stop_comparing_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "versions.stop-comparing", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "versionspanel");
}

static void
wm_versions_panel_init (WmVersionsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.stop-comparing", FALSE);
}
