/* wm-canvas-input.c - gestures, keys and drops of the flow canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GtkGestureDrag owns moving, connecting and the rubber band: what it
 * does is decided when it begins, by a hit test on the spatial index (a
 * port dot, the arrow end of a connection, a node, or empty canvas). A
 * move is one undo step: the group opens at the first motion and closes
 * when the drag ends; Escape cancels the group, which reverts the preview.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "wm-canvas-private.h"
#include "wm-commands.h"

/* Motion below this many view pixels is a click, not a drag. */
#define DRAG_THRESHOLD 3.0
/* Scroll wheel steps, in view pixels. */
#define SCROLL_STEP 48.0

static gboolean
is_entry (WmNode *node)
{
  const WmElementType *type = wm_element_get_element_type (wm_node_get_element (node));

  return type != NULL && type->category == WM_CATEGORY_ENTRY;
}

static void
reset_drag (WmCanvas *self)
{
  /* The connections drawn live go back into the layer. */
  if (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_CONNECT)
    _wm_canvas_layer_changed (self);
  self->drag_mode = DRAG_NONE;
  self->drag_node = NULL;
  self->drag_moved = FALSE;
  self->toggle_off = FALSE;
  self->connect_from = NULL;
  self->connect_target = NULL;
  self->connect_port = -1;
  g_clear_pointer (&self->drag_ids, g_ptr_array_unref);
  g_clear_pointer (&self->drag_start, g_array_unref);
  g_clear_pointer (&self->rubber_base, g_hash_table_unref);
  _wm_canvas_update_rubberband (self, NULL);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

void
_wm_canvas_cancel_drag (WmCanvas *self)
{
  WmCanvasDragMode mode = self->drag_mode;

  if (mode == DRAG_NONE)
    return;
  if (self->group_open)
    {
      /* Reverts the live preview: the elements go back where they were. */
      self->group_open = FALSE;
      wm_undo_stack_cancel_group (self->undo);
    }
  if (mode == DRAG_RUBBER)
    _wm_canvas_replace_selection (self, self->rubber_base);
  reset_drag (self);
  if (self->drag != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
  if (self->pan != NULL)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->pan));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
begin_move (WmCanvas        *self,
            WmNode          *node,
            GdkModifierType  state)
{
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  GHashTableIter iter;
  gpointer key;

  self->drag_mode = DRAG_MOVE;
  self->drag_node = node;
  /* The selection's connections leave the layer for the drag. */
  _wm_canvas_layer_changed (self);
  if (extend)
    {
      /* Ctrl/Shift-click toggles; a drag moves what is selected. */
      if (!wm_node_get_selected (node))
        _wm_canvas_select_node (self, node, TRUE);
      else
        self->toggle_off = TRUE;
    }
  else if (!wm_node_get_selected (node))
    {
      g_autoptr(GHashTable) only = g_hash_table_new (NULL, NULL);

      g_hash_table_add (only, node);
      _wm_canvas_replace_selection (self, only);
    }
  gtk_widget_grab_focus (GTK_WIDGET (node));

  self->drag_ids = g_ptr_array_new ();
  self->drag_start = g_array_new (FALSE, FALSE, sizeof (double));
  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double x, y;

      if (wm_node_get_locked (key))
        continue;
      _wm_canvas_node_position (key, &x, &y);
      g_ptr_array_add (self->drag_ids, (gpointer) wm_element_get_id (wm_node_get_element (key)));
      g_array_append_val (self->drag_start, x);
      g_array_append_val (self->drag_start, y);
    }
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WmCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  WmCanvasEdge *edge;
  WmNode *node;
  double cx, cy;
  int port;

  if (self->version == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  wm_canvas_view_to_canvas (self, x, y, &cx, &cy);
  self->drag_x = cx;
  self->drag_y = cy;
  self->drag_moved = FALSE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (self->space_held)
    {
      self->drag_mode = DRAG_PAN;
      self->pan_h = _wm_canvas_scroll_x (self);
      self->pan_v = _wm_canvas_scroll_y (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }

  /* Read-only: no connecting; a press on a node selects it, nothing moves. */
  if (!self->read_only && _wm_canvas_port_at (self, cx, cy, &node, &port))
    {
      self->drag_mode = DRAG_CONNECT;
      _wm_canvas_layer_changed (self);
      self->connect_from = node;
      self->connect_port = port;
      self->connect_x = cx;
      self->connect_y = cy;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      return;
    }

  edge = self->read_only ? NULL : _wm_canvas_edge_end_at (self, cx, cy);
  if (edge != NULL)
    {
      /* Picking up a connection's end: drop it on another element to
       * reconnect, or on empty canvas to disconnect. */
      self->drag_mode = DRAG_CONNECT;
      _wm_canvas_layer_changed (self);
      self->connect_from = edge->from;
      self->connect_port = edge->port;
      self->connect_x = cx;
      self->connect_y = cy;
      self->connect_target = edge->to;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      return;
    }

  node = _wm_canvas_node_at (self, cx, cy);
  if (node != NULL)
    {
      begin_move (self, node, state);
      return;
    }

  self->drag_mode = DRAG_RUBBER;
  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    self->rubber_base = g_hash_table_ref (self->selection);
  else
    {
      self->rubber_base = g_hash_table_new (NULL, NULL);
      wm_canvas_unselect_all (self);
    }
  /* rubber_base must not be the live set that the band changes. */
  if (self->rubber_base == self->selection)
    {
      GHashTable *copy = g_hash_table_new (NULL, NULL);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->selection);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (copy, key);
      g_hash_table_unref (self->rubber_base);
      self->rubber_base = copy;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
update_move (WmCanvas *self,
             double    dx,
             double    dy)
{
  g_autoptr(WmCommand) command = NULL;
  g_autofree double *positions = NULL;
  guint n = self->drag_ids->len;

  if (n == 0 || self->read_only)
    return;
  if (self->snap && self->drag_node != NULL)
    {
      /* Snap the pressed element; the others keep their offsets to it. */
      guint i;

      for (i = 0; i < n; i++)
        if (g_str_equal (g_ptr_array_index (self->drag_ids, i),
                         wm_element_get_id (wm_node_get_element (self->drag_node))))
          break;
      if (i < n)
        {
          double x = g_array_index (self->drag_start, double, 2 * i);
          double y = g_array_index (self->drag_start, double, 2 * i + 1);

          dx = wm_snap (x + dx, WM_CANVAS_GRID) - x;
          dy = wm_snap (y + dy, WM_CANVAS_GRID) - y;
        }
    }
  positions = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      positions[2 * i] = g_array_index (self->drag_start, double, 2 * i) + dx;
      positions[2 * i + 1] = g_array_index (self->drag_start, double, 2 * i + 1) + dy;
    }
  if (!self->group_open)
    {
      wm_undo_stack_begin_group (self->undo, NULL);
      self->group_open = TRUE;
    }
  command = wm_command_move_elements_new (wm_version_get_number (self->version),
                                          (const char * const *) self->drag_ids->pdata,
                                          positions, n);
  wm_undo_stack_push (self->undo, command);
}

static void
update_rubber (WmCanvas *self,
               double    cx,
               double    cy)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  WmRect rect;

  wm_rect_from_corners (self->drag_x, self->drag_y, cx, cy, &rect);
  _wm_canvas_update_rubberband (self, &rect);
  wm_spatial_index_query_rect (self->node_index, &rect, hits);
  g_hash_table_iter_init (&iter, self->rubber_base);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (wanted, key);
  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (hits, i));
  _wm_canvas_replace_selection (self, wanted);
}

static void
update_connect (WmCanvas *self,
                double    cx,
                double    cy)
{
  WmNode *target = _wm_canvas_node_at (self, cx, cy);

  /* Nothing connects into an entry point, nor into itself. */
  if (target != NULL && (target == self->connect_from || is_entry (target)))
    target = NULL;
  self->connect_target = target;
  self->connect_x = cx;
  self->connect_y = cy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                WmCanvas       *self)
{
  double cx, cy;

  if (self->drag_mode == DRAG_NONE)
    return;
  if (!self->drag_moved && hypot (offset_x, offset_y) < DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;

  /* From the canvas point where the drag began, so a view that scrolls
   * under the pointer does not move the elements twice. */
  cx = self->drag_x + offset_x / self->zoom;
  cy = self->drag_y + offset_y / self->zoom;

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      update_move (self, cx - self->drag_x, cy - self->drag_y);
      break;
    case DRAG_RUBBER:
      update_rubber (self, cx, cy);
      break;
    case DRAG_CONNECT:
      update_connect (self, cx, cy);
      break;
    case DRAG_PAN:
      gtk_adjustment_set_value (self->hadjustment, self->pan_h - offset_x);
      gtk_adjustment_set_value (self->vadjustment, self->pan_v - offset_y);
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

static void
finish_connect (WmCanvas *self)
{
  g_autoptr(WmCommand) command = NULL;
  WmElement *from = wm_node_get_element (self->connect_from);
  const char *port = wm_node_get_ports (self->connect_from)[self->connect_port];
  guint number = wm_version_get_number (self->version);

  if (!self->drag_moved || self->read_only)
    return;
  if (self->connect_target != NULL)
    {
      WmConnection *existing = wm_version_find_connection (self->version, wm_element_get_id (from), port);
      const char *to = wm_element_get_id (wm_node_get_element (self->connect_target));

      if (existing != NULL && g_strcmp0 (wm_connection_get_to (existing), to) == 0)
        return;
      command = wm_command_connect_new (number, wm_element_get_id (from), port, to);
    }
  else if (wm_version_find_connection (self->version, wm_element_get_id (from), port) != NULL)
    command = wm_command_disconnect_new (number, wm_element_get_id (from), port);
  if (command != NULL)
    wm_undo_stack_push (self->undo, command);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             WmCanvas       *self)
{
  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      if (self->group_open)
        {
          self->group_open = FALSE;
          wm_undo_stack_end_group (self->undo);
        }
      else if (!self->drag_moved && self->toggle_off && self->drag_node != NULL)
        /* A Ctrl-click on a selected element unselects it. */
        _wm_canvas_select_node (self, self->drag_node, FALSE);
      break;
    case DRAG_CONNECT:
      finish_connect (self);
      break;
    case DRAG_RUBBER:
    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }
  reset_drag (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan_begin_cb (GtkGestureDrag *gesture,
              double          x,
              double          y,
              WmCanvas       *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->pan_h = _wm_canvas_scroll_x (self);
  self->pan_v = _wm_canvas_scroll_y (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
pan_update_cb (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               WmCanvas       *self)
{
  gtk_adjustment_set_value (self->hadjustment, self->pan_h - offset_x);
  gtk_adjustment_set_value (self->vadjustment, self->pan_v - offset_y);
}

static void
pan_end_cb (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            WmCanvas       *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  WmCanvas        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  WmNode *node;
  double cx, cy;

  if (self->version == NULL)
    return;
  wm_canvas_view_to_canvas (self, x, y, &cx, &cy);
  node = _wm_canvas_node_at (self, cx, cy);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (node != NULL && !wm_node_get_selected (node))
        {
          g_autoptr(GHashTable) only = g_hash_table_new (NULL, NULL);

          g_hash_table_add (only, node);
          _wm_canvas_replace_selection (self, only);
        }
      if (node != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (node));
      _wm_canvas_show_context_menu (self, node, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button == GDK_BUTTON_PRIMARY && n_press == 2 && node != NULL)
    g_signal_emit_by_name (self, "element-activated", wm_node_get_element (node));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WmCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
                ? SCROLL_STEP : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      wm_canvas_zoom_at (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx * step);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy * step);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmCanvas                 *self)
{
  const char *cursor = NULL;
  WmNode *node;
  double cx, cy;
  int port;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->drag_mode != DRAG_NONE || self->version == NULL)
    return;
  wm_canvas_view_to_canvas (self, x, y, &cx, &cy);
  if (self->space_held)
    cursor = "grab";
  else if (_wm_canvas_port_at (self, cx, cy, &node, &port)
           || _wm_canvas_edge_end_at (self, cx, cy) != NULL)
    cursor = "crosshair";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               WmCanvas         *self)
{
  self->zoom_start = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       WmCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  wm_canvas_zoom_at (self, self->zoom_start * scale, x, y);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCanvas              *self)
{
  if (keyval == GDK_KEY_Escape && self->drag_mode != DRAG_NONE)
    {
      _wm_canvas_cancel_drag (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape && wm_canvas_has_highlighted_path (self))
    {
      wm_canvas_set_highlighted_path (self, NULL, NULL);
      return TRUE;
    }
  if (keyval == GDK_KEY_space && (state & GDK_MODIFIER_MASK) == 0)
    {
      self->space_held = TRUE;
      if (self->drag_mode == DRAG_NONE)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    }
  return FALSE;
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 WmCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_held = FALSE;
      if (self->drag_mode == DRAG_NONE)
        gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WmCanvas      *self)
{
  const char *type = g_value_get_string (value);
  double cx, cy;

  if (type == NULL || wm_catalogue_lookup (type) == NULL || self->version == NULL
      || self->read_only)
    return FALSE;
  wm_canvas_view_to_canvas (self, x, y, &cx, &cy);
  /* The pointer holds the node by the middle of its head. */
  return wm_canvas_add_element (self, type, cx - WM_NODE_WIDTH / 2,
                                cy - WM_NODE_HEAD_HEIGHT / 2) != NULL;
}

void
_wm_canvas_class_init_input (GtkWidgetClass *widget_class)
{
}

void
_wm_canvas_init_input (WmCanvas *self)
{
  GtkEventController *controller;
  GtkDropTarget *drop;

  self->connect_port = -1;

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  self->pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (self->pan, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (self->pan, "drag-update", G_CALLBACK (pan_update_cb), self);
  g_signal_connect (self->pan, "drag-end", G_CALLBACK (pan_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->pan));

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  g_signal_connect (controller, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  /* Grouped with the drag, so that its claiming the press does not deny
   * the click its double-click. */
  gtk_gesture_group (GTK_GESTURE (controller), self->drag);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_zoom_new ());
  g_signal_connect (controller, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (controller, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
