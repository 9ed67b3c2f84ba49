/* wm-canvas-edit.c - the canvas's actions, clipboard, menus and popovers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit here is one command (or one group) on the undo stack.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-canvas-clipboard.h"
#include "wm-canvas-private.h"
#include "wm-commands.h"
#include "wm-layout.h"
#include "wm-node-summary.h"

/* Pasted and duplicated elements land this far right and down. */
#define PASTE_OFFSET 32.0

static WmNode *
focused_node (WmCanvas *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  if (WM_IS_NODE (focus))
    return WM_NODE (focus);
  if (g_hash_table_size (self->selection) == 1)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->selection);
      if (g_hash_table_iter_next (&iter, &key, NULL))
        return key;
    }
  return NULL;
}

void
_wm_canvas_update_actions (WmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = self->version != NULL;
  gboolean editable = shown && !self->read_only;
  gboolean selected = shown && g_hash_table_size (self->selection) > 0;

  /* Read-only keeps what only looks: copy, select all, zoom. */
  gtk_widget_action_set_enabled (widget, "canvas.delete", selected && editable);
  gtk_widget_action_set_enabled (widget, "canvas.copy", selected);
  gtk_widget_action_set_enabled (widget, "canvas.cut", selected && editable);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", selected && editable);
  gtk_widget_action_set_enabled (widget, "canvas.nudge", selected && editable);
  gtk_widget_action_set_enabled (widget, "canvas.paste", editable);
  gtk_widget_action_set_enabled (widget, "canvas.arrange", editable);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", shown);
  gtk_widget_action_set_enabled (widget, "canvas.undo", editable);
  gtk_widget_action_set_enabled (widget, "canvas.redo", editable);
  gtk_widget_action_set_enabled (widget, "canvas.connect", editable);
  gtk_widget_action_set_enabled (widget, "canvas.disconnect", editable);
}

/* Edits {{{ */

void
wm_canvas_delete_selection (WmCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(WmCommand) command = NULL;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->version == NULL || self->read_only || g_hash_table_size (self->selection) == 0)
    return;
  ids = _wm_canvas_editable_ids (self);
  if (ids->len == 1)
    return;
  command = wm_command_remove_elements_new (wm_version_get_number (self->version),
                                            (const char * const *) ids->pdata, ids->len - 1);
  wm_undo_stack_push (self->undo, command);
}

void
wm_canvas_copy_selection (WmCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  char *text;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->version == NULL || g_hash_table_size (self->selection) == 0)
    return;
  ids = _wm_canvas_selected_ids (self);
  text = wm_clipboard_serialize (self->version, (const char * const *) ids->pdata, ids->len - 1);
  bytes = g_bytes_new_take (text, strlen (text));
  /* Our own type first, and plain text for any other program. */
  providers[0] = gdk_content_provider_new_for_bytes (WM_CLIPBOARD_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

void
wm_canvas_cut_selection (WmCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(WmCommand) command = NULL;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->version == NULL || self->read_only || g_hash_table_size (self->selection) == 0)
    return;
  ids = _wm_canvas_editable_ids (self);
  if (ids->len == 1)
    return;
  wm_canvas_copy_selection (self);
  command = wm_command_cut_new (wm_version_get_number (self->version),
                                (const char * const *) ids->pdata, ids->len - 1);
  wm_undo_stack_push (self->undo, command);
}

/* Adds what @text holds and selects it. */
static gboolean
paste_text (WmCanvas    *self,
            const char  *text,
            const char  *description,
            GError     **error)
{
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(WmCommand) command = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  /* Also checked here: the clipboard answers after the canvas may have
   * become read-only. */
  if (self->read_only)
    return TRUE;
  if (!wm_clipboard_parse (text, self->version, PASTE_OFFSET, PASTE_OFFSET,
                           &elements, &connections, error))
    return FALSE;
  if (elements->len == 0)
    return TRUE;
  for (guint i = 0; i < elements->len; i++)
    g_ptr_array_add (ids, g_strdup (wm_element_get_id (g_ptr_array_index (elements, i))));
  g_ptr_array_add (ids, NULL);

  command = wm_command_paste_new (wm_version_get_number (self->version),
                                  (WmElement * const *) elements->pdata, elements->len,
                                  (WmConnection * const *) connections->pdata, connections->len);
  if (description != NULL)
    wm_undo_stack_begin_group (self->undo, description);
  wm_undo_stack_push (self->undo, command);
  if (description != NULL)
    wm_undo_stack_end_group (self->undo);
  wm_canvas_set_selection (self, (const char * const *) ids->pdata);
  return TRUE;
}

static void
paste_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(WmCanvas) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || self->version == NULL)
    return;
  if (!paste_text (self, text, NULL, &error))
    g_debug ("Nothing to paste: %s", error->message);
}

void
wm_canvas_paste (WmCanvas *self)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->version == NULL || self->read_only)
    return;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 paste_ready_cb, g_object_ref (self));
}

void
wm_canvas_duplicate_selection (WmCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->version == NULL || self->read_only || g_hash_table_size (self->selection) == 0)
    return;
  ids = _wm_canvas_selected_ids (self);
  text = wm_clipboard_serialize (self->version, (const char * const *) ids->pdata, ids->len - 1);
  paste_text (self, text, _("Duplicate"), NULL);
}

void
wm_canvas_arrange (WmCanvas *self)
{
  g_autofree double *heights = NULL;
  g_autofree double *positions = NULL;
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GHashTable) index_of = NULL;
  g_autoptr(WmCommand) command = NULL;
  WmElement *entry;
  guint n;
  int entry_index = -1;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->version == NULL || self->read_only || self->nodes->len == 0)
    return;
  n = self->nodes->len;
  heights = g_new (double, n);
  positions = g_new (double, 2 * n);
  ids = g_ptr_array_new ();
  index_of = g_hash_table_new (NULL, NULL);
  entry = wm_version_get_entry (self->version);
  for (guint i = 0; i < n; i++)
    {
      WmNode *node = g_ptr_array_index (self->nodes, i);

      heights[i] = wm_node_get_height (node);
      g_ptr_array_add (ids, (gpointer) wm_element_get_id (wm_node_get_element (node)));
      g_hash_table_insert (index_of, node, GUINT_TO_POINTER (i));
      if (wm_node_get_element (node) == entry)
        entry_index = (int) i;
    }
  edges = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->edges->len; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_index (self->edges, i);
      gpointer from, to;
      guint pair[2];

      if (edge->from == NULL || edge->to == NULL
          || !g_hash_table_lookup_extended (index_of, edge->from, NULL, &from)
          || !g_hash_table_lookup_extended (index_of, edge->to, NULL, &to))
        continue;
      pair[0] = GPOINTER_TO_UINT (from);
      pair[1] = GPOINTER_TO_UINT (to);
      g_array_append_vals (edges, pair, 2);
    }
  wm_layout_layered (n, WM_NODE_WIDTH, heights, edges->len / 2,
                     (const guint *) edges->data, entry_index, positions);
  /* The locked element stays put: the whole layout shifts to it. */
  for (guint i = 0; self->locked_id != NULL && i < n; i++)
    if (g_str_equal (ids->pdata[i], self->locked_id))
      {
        double x, y, dx, dy;

        _wm_canvas_node_position (g_ptr_array_index (self->nodes, i), &x, &y);
        dx = x - positions[2 * i];
        dy = y - positions[2 * i + 1];
        for (guint j = 0; j < n; j++)
          {
            positions[2 * j] += dx;
            positions[2 * j + 1] += dy;
          }
        break;
      }

  command = wm_command_move_elements_new (wm_version_get_number (self->version),
                                          (const char * const *) ids->pdata, positions, n);
  wm_undo_stack_begin_group (self->undo, _("Arrange elements"));
  wm_undo_stack_push (self->undo, command);
  wm_undo_stack_end_group (self->undo);
}

WmElement *
wm_canvas_add_element (WmCanvas   *self,
                       const char *type,
                       double      x,
                       double      y)
{
  g_autoptr(WmElement) element = NULL;
  g_autoptr(WmCommand) command = NULL;
  g_autofree char *id = NULL;
  const char *ids[2] = { NULL, NULL };

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  if (self->version == NULL || self->read_only || wm_catalogue_lookup (type) == NULL)
    return NULL;
  if (self->snap)
    {
      x = wm_snap (x, WM_CANVAS_GRID);
      y = wm_snap (y, WM_CANVAS_GRID);
    }
  id = wm_clipboard_free_id (self->version, NULL);
  element = wm_element_new (id, type);
  wm_element_set_position (element, x, y);
  command = wm_command_add_element_new (wm_version_get_number (self->version), element,
                                        wm_version_get_n_elements (self->version));
  if (!wm_undo_stack_push (self->undo, command))
    return NULL;
  ids[0] = id;
  wm_canvas_set_selection (self, ids);
  return wm_version_find_element (self->version, id);
}

static void
nudge (WmCanvas *self,
       int       dx,
       int       dy)
{
  g_autoptr(GPtrArray) ids = _wm_canvas_editable_ids (self);
  g_autoptr(WmCommand) command = NULL;
  g_autofree double *positions = NULL;
  guint n = ids->len - 1;

  if (n == 0 || self->read_only)
    return;
  positions = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      WmNode *node = _wm_canvas_node_for_id (self, ids->pdata[i]);

      _wm_canvas_node_position (node, &positions[2 * i], &positions[2 * i + 1]);
      positions[2 * i] += dx * WM_CANVAS_GRID;
      positions[2 * i + 1] += dy * WM_CANVAS_GRID;
    }
  /* Consecutive nudges of the same elements merge into one step. */
  command = wm_command_move_elements_new (wm_version_get_number (self->version),
                                          (const char * const *) ids->pdata, positions, n);
  wm_undo_stack_push (self->undo, command);
}

/* }}} */

/* Connect popover {{{ */

typedef struct
{
  WmCanvas   *canvas;
  char       *from;
  GStrv       ports;
  GtkWidget  *port_dropdown;
} ConnectData;

static void
connect_data_free (gpointer data)
{
  ConnectData *cd = data;

  g_free (cd->from);
  g_strfreev (cd->ports);
  g_free (cd);
}

static void
connect_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          ConnectData   *cd)
{
  WmCanvas *self = cd->canvas;
  const char *to = g_object_get_data (G_OBJECT (row), "element-id");
  guint port = 0;
  g_autoptr(WmCommand) command = NULL;

  if (cd->port_dropdown != NULL)
    port = gtk_drop_down_get_selected (GTK_DROP_DOWN (cd->port_dropdown));
  if (self->version == NULL || to == NULL || port >= g_strv_length (cd->ports))
    return;
  command = wm_command_connect_new (wm_version_get_number (self->version), cd->from,
                                    cd->ports[port], to);
  wm_undo_stack_push (self->undo, command);
  gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
}

static void
connect_popover_closed_cb (GtkPopover *popover,
                           WmCanvas   *self)
{
  WmNode *node = g_object_get_data (G_OBJECT (popover), "node");

  if (node != NULL && gtk_widget_get_parent (GTK_WIDGET (node)) == GTK_WIDGET (self))
    gtk_widget_grab_focus (GTK_WIDGET (node));
}

void
wm_canvas_show_connect_popover (WmCanvas  *self,
                                WmElement *element)
{
  ConnectData *cd;
  GtkWidget *box, *heading, *list, *scroller;
  g_autofree char *title = NULL;
  g_autofree char *heading_text = NULL;
  WmNode *node;
  double vx, vy, x, y;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (WM_IS_ELEMENT (element));

  node = g_hash_table_lookup (self->node_by_element, element);
  if (node == NULL || self->read_only || wm_node_get_ports (node)[0] == NULL)
    return;

  if (self->connect_popover != NULL)
    g_clear_pointer (&self->connect_popover, gtk_widget_unparent);

  cd = g_new0 (ConnectData, 1);
  cd->canvas = self;
  cd->from = g_strdup (wm_element_get_id (element));
  cd->ports = g_strdupv ((char **) wm_node_get_ports (node));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = wm_node_title (element);
  /* TRANSLATORS: the heading of the popover that connects an element */
  heading_text = g_strdup_printf (_("Connect %s to…"), title);
  heading = gtk_label_new (heading_text);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  if (cd->ports[1] != NULL)
    {
      GtkStringList *labels = gtk_string_list_new (NULL);

      for (guint i = 0; cd->ports[i] != NULL; i++)
        {
          g_autofree char *label = wm_node_port_label (element, cd->ports[i]);

          gtk_string_list_append (labels, label);
        }
      cd->port_dropdown = gtk_drop_down_new (G_LIST_MODEL (labels), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cd->port_dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Output"),
                                      -1);
      gtk_box_append (GTK_BOX (box), cd->port_dropdown);
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Target element"),
                                  -1);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      WmNode *target = g_ptr_array_index (self->nodes, i);
      WmElement *target_element = wm_node_get_element (target);
      const WmElementType *type = wm_element_get_element_type (target_element);
      g_autofree char *target_title = NULL;
      GtkWidget *row, *label;

      /* Nothing connects into an entry point, nor into itself. */
      if (target == node || (type != NULL && type->category == WM_CATEGORY_ENTRY))
        continue;
      /* Unnamed elements are told apart by their ids. */
      if (wm_element_get_name (target_element) != NULL)
        target_title = wm_node_title (target_element);
      else
        {
          g_autofree char *type_label = wm_node_title (target_element);

          target_title = g_strdup_printf ("%s (%s)", type_label, wm_element_get_id (target_element));
        }
      label = gtk_label_new (target_title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "element-id",
                              g_strdup (wm_element_get_id (target_element)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_data (list, "row-activated", G_CALLBACK (connect_row_activated_cb),
                         cd, (GClosureNotify) (void (*) (void)) connect_data_free, 0);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_size_request (scroller, 240, -1);
  gtk_box_append (GTK_BOX (box), scroller);

  self->connect_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->connect_popover), box);
  gtk_widget_set_parent (self->connect_popover, GTK_WIDGET (self));
  g_object_set_data (G_OBJECT (self->connect_popover), "node", node);
  g_signal_connect (self->connect_popover, "closed", G_CALLBACK (connect_popover_closed_cb), self);

  _wm_canvas_node_position (node, &x, &y);
  wm_canvas_canvas_to_view (self, x + WM_NODE_WIDTH, y + WM_NODE_HEAD_HEIGHT / 2, &vx, &vy);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->connect_popover),
                               &(GdkRectangle) { (int) vx, (int) vy, 1, 1 });
  gtk_popover_set_position (GTK_POPOVER (self->connect_popover), GTK_POS_RIGHT);
  gtk_popover_popup (GTK_POPOVER (self->connect_popover));
}

/* }}} */

/* Context menu {{{ */

void
_wm_canvas_show_context_menu (WmCanvas *self,
                              WmNode   *node,
                              double    view_x,
                              double    view_y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) second = g_menu_new ();

  if (node != NULL)
    {
      WmElement *element = wm_node_get_element (node);
      const char * const *ports = wm_node_get_ports (node);
      g_autoptr(GMenu) disconnect = g_menu_new ();

      if (ports[0] != NULL)
        g_menu_append (first, _("Connect To…"), "canvas.connect");
      for (guint i = 0; ports[i] != NULL; i++)
        {
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *label = NULL;

          if (!_wm_canvas_port_connected (self, node, ports[i]))
            continue;
          label = ports[1] == NULL ? g_strdup (_("Disconnect"))
                                   : wm_node_port_label (element, ports[i]);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "canvas.disconnect",
                                                   g_variant_new ("(ss)", wm_element_get_id (element),
                                                                  ports[i]));
          if (ports[1] == NULL)
            g_menu_append_item (first, item);
          else
            g_menu_append_item (disconnect, item);
        }
      if (g_menu_model_get_n_items (G_MENU_MODEL (disconnect)) > 0)
        g_menu_append_submenu (first, _("Disconnect"), G_MENU_MODEL (disconnect));
      g_menu_append (second, _("Cu_t"), "canvas.cut");
      g_menu_append (second, _("_Copy"), "canvas.copy");
      g_menu_append (second, _("_Duplicate"), "canvas.duplicate");
      g_menu_append (second, _("_Delete"), "canvas.delete");
    }
  else
    {
      g_menu_append (first, _("_Paste"), "canvas.paste");
      g_menu_append (first, _("Select _All"), "canvas.select-all");
      g_menu_append (second, _("_Arrange Elements"), "canvas.arrange");
      g_menu_append (second, _("_Fit to View"), "canvas.zoom-fit");
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (second));

  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) view_x, (int) view_y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* }}} */

/* Actions {{{ */

static void
zoom_in_cb (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);

  wm_canvas_set_zoom (self, self->zoom * 1.25);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);

  wm_canvas_set_zoom (self, self->zoom / 1.25);
}

static void
zoom_reset_cb (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  wm_canvas_set_zoom (WM_CANVAS (widget), 1.0);
}

static void
zoom_fit_cb (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  wm_canvas_zoom_to_fit (WM_CANVAS (widget));
}

static void
select_all_cb (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  wm_canvas_select_all (WM_CANVAS (widget));
}

static void
delete_cb (GtkWidget  *widget,
           const char *name,
           GVariant   *param)
{
  wm_canvas_delete_selection (WM_CANVAS (widget));
}

static void
copy_cb (GtkWidget  *widget,
         const char *name,
         GVariant   *param)
{
  wm_canvas_copy_selection (WM_CANVAS (widget));
}

static void
cut_cb (GtkWidget  *widget,
        const char *name,
        GVariant   *param)
{
  wm_canvas_cut_selection (WM_CANVAS (widget));
}

static void
paste_cb (GtkWidget  *widget,
          const char *name,
          GVariant   *param)
{
  wm_canvas_paste (WM_CANVAS (widget));
}

static void
duplicate_cb (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  wm_canvas_duplicate_selection (WM_CANVAS (widget));
}

static void
arrange_cb (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  wm_canvas_arrange (WM_CANVAS (widget));
}

static void
undo_cb (GtkWidget  *widget,
         const char *name,
         GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (self->undo != NULL && !self->read_only && self->drag_mode == DRAG_NONE)
    wm_undo_stack_undo (self->undo);
}

static void
redo_cb (GtkWidget  *widget,
         const char *name,
         GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (self->undo != NULL && !self->read_only && self->drag_mode == DRAG_NONE)
    wm_undo_stack_redo (self->undo);
}

static void
connect_cb (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmNode *node = focused_node (self);

  if (node != NULL)
    wm_canvas_show_connect_popover (self, wm_node_get_element (node));
}

static void
disconnect_cb (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_autoptr(WmCommand) command = NULL;
  const char *id, *port;

  if (self->version == NULL || self->read_only)
    return;
  g_variant_get (param, "(&s&s)", &id, &port);
  if (wm_version_find_connection (self->version, id, port) == NULL)
    return;
  command = wm_command_disconnect_new (wm_version_get_number (self->version), id, port);
  wm_undo_stack_push (self->undo, command);
}

static void
activate_cb (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmNode *node = focused_node (self);

  if (node != NULL)
    g_signal_emit_by_name (self, "element-activated", wm_node_get_element (node));
}

static void
nudge_cb (GtkWidget  *widget,
          const char *name,
          GVariant   *param)
{
  WmCanvas *self = WM_CANVAS (widget);
  int dx, dy;

  if (self->version == NULL)
    return;
  g_variant_get (param, "(ii)", &dx, &dy);
  nudge (self, dx, dy);
}

static void
focus_move_cb (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  _wm_canvas_move_focus (WM_CANVAS (widget), g_variant_get_int32 (param));
}

static void
bind_with_keypad (GtkWidgetClass  *widget_class,
                  guint            key,
                  guint            keypad_key,
                  GdkModifierType  mods,
                  const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
  if (keypad_key != 0)
    gtk_widget_class_add_binding_action (widget_class, keypad_key, mods, action, NULL);
}

void
_wm_canvas_class_init_edit (GtkWidgetClass *widget_class)
{
  static const struct { guint key, keypad; GtkDirectionType direction; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, GTK_DIR_LEFT, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, GTK_DIR_RIGHT, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, GTK_DIR_UP, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, GTK_DIR_DOWN, 0, 1 },
  };

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_reset_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_cb);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_cb);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_cb);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_cb);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_cb);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_cb);
  gtk_widget_class_install_action (widget_class, "canvas.arrange", NULL, arrange_cb);
  gtk_widget_class_install_action (widget_class, "canvas.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "canvas.redo", NULL, redo_cb);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, connect_cb);
  gtk_widget_class_install_action (widget_class, "canvas.disconnect", "(ss)", disconnect_cb);
  gtk_widget_class_install_action (widget_class, "canvas.activate", NULL, activate_cb);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(ii)", nudge_cb);
  gtk_widget_class_install_action (widget_class, "canvas.focus-move", "i", focus_move_cb);

  bind_with_keypad (widget_class, GDK_KEY_plus, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in");
  bind_with_keypad (widget_class, GDK_KEY_equal, 0, GDK_CONTROL_MASK, "canvas.zoom-in");
  bind_with_keypad (widget_class, GDK_KEY_minus, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out");
  bind_with_keypad (widget_class, GDK_KEY_0, GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset");
  bind_with_keypad (widget_class, GDK_KEY_1, GDK_KEY_KP_1, GDK_CONTROL_MASK, "canvas.zoom-fit");
  bind_with_keypad (widget_class, GDK_KEY_a, 0, GDK_CONTROL_MASK, "canvas.select-all");
  bind_with_keypad (widget_class, GDK_KEY_Delete, GDK_KEY_KP_Delete, 0, "canvas.delete");
  bind_with_keypad (widget_class, GDK_KEY_BackSpace, 0, 0, "canvas.delete");
  bind_with_keypad (widget_class, GDK_KEY_c, 0, GDK_CONTROL_MASK, "canvas.copy");
  bind_with_keypad (widget_class, GDK_KEY_x, 0, GDK_CONTROL_MASK, "canvas.cut");
  bind_with_keypad (widget_class, GDK_KEY_v, 0, GDK_CONTROL_MASK, "canvas.paste");
  bind_with_keypad (widget_class, GDK_KEY_d, 0, GDK_CONTROL_MASK, "canvas.duplicate");
  bind_with_keypad (widget_class, GDK_KEY_z, 0, GDK_CONTROL_MASK, "canvas.undo");
  bind_with_keypad (widget_class, GDK_KEY_z, 0, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.redo");
  bind_with_keypad (widget_class, GDK_KEY_Z, 0, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.redo");
  bind_with_keypad (widget_class, GDK_KEY_l, 0, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.arrange");
  bind_with_keypad (widget_class, GDK_KEY_L, 0, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.arrange");
  bind_with_keypad (widget_class, GDK_KEY_k, 0, GDK_CONTROL_MASK, "canvas.connect");
  bind_with_keypad (widget_class, GDK_KEY_Return, GDK_KEY_KP_Enter, 0, "canvas.activate");

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, GDK_SHIFT_MASK,
                                           "canvas.nudge", "(ii)", arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].keypad, GDK_SHIFT_MASK,
                                           "canvas.nudge", "(ii)", arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0,
                                           "canvas.focus-move", "i", (int) arrows[i].direction);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].keypad, 0,
                                           "canvas.focus-move", "i", (int) arrows[i].direction);
    }
}

void
_wm_canvas_init_edit (WmCanvas *self)
{
  _wm_canvas_update_actions (self);
}

void
_wm_canvas_dispose_edit (WmCanvas *self)
{
  g_clear_pointer (&self->connect_popover, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}

/* }}} */
