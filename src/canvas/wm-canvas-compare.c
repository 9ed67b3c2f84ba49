/* wm-canvas-compare.c - comparison mode and the locked element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comparing two versions marks the shown version's nodes and adds ghosts
 * of the removed elements. The marks are set once when the comparison
 * starts, so a frame pays only for what it draws: one hash lookup per
 * connection in view, and the (few) ghosts and removed connections, each
 * checked against the view. Ghosts are WmNode widgets too, so they draw
 * and read like the other elements, but they are not in the spatial index:
 * nothing can pick, select or move them.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-canvas-private.h"
#include "wm-node-summary.h"

/* How many changed fields the accessible description names before "and
 * N more". */
#define DESCRIBED_FIELDS 4

static char *
connection_key (const char *from,
                const char *port,
                const char *to)
{
  return g_strjoin ("\x1f", from, port, to, NULL);
}

/* "Changed in version 2: name, config.text". */
static char *
describe_change (WmFlowDiff            *diff,
                 const WmElementChange *change)
{
  guint number = wm_flow_diff_get_newer_number (diff);
  g_autoptr(GString) fields = NULL;

  switch (change->kind)
    {
    case WM_DIFF_ADDED:
      return g_strdup_printf (_("Added in version %u"), number);
    case WM_DIFF_REMOVED:
      return g_strdup_printf (_("Removed in version %u"), number);
    case WM_DIFF_CHANGED:
    default:
      break;
    }
  fields = g_string_new (NULL);
  for (guint i = 0; i < change->fields->len && i < DESCRIBED_FIELDS; i++)
    {
      const WmFieldChange *field = g_ptr_array_index (change->fields, i);

      if (i > 0)
        g_string_append (fields, ", ");
      g_string_append (fields, field->path);
    }
  if (change->fields->len > DESCRIBED_FIELDS)
    {
      guint more = change->fields->len - DESCRIBED_FIELDS;

      g_string_append (fields, " ");
      /* Translators: after a list of changed fields */
      g_string_append_printf (fields, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }
  /* Translators: "Changed in version 2: name, config.text" */
  return g_strdup_printf (_("Changed in version %u: %s"), number, fields->str);
}

static void
mark_node (WmCanvas              *self,
           WmNode                *node,
           const WmElementChange *change)
{
  g_autofree char *description = NULL;

  if (change == NULL || change->kind == WM_DIFF_REMOVED)
    {
      wm_node_set_mark (node, WM_NODE_NO_MARK, NULL);
      return;
    }
  description = describe_change (self->comparison, change);
  wm_node_set_mark (node, change->kind, description);
}

/* By id: drawing the removed connections looks their ends up every
 * frame, and comparing two unrelated versions makes a ghost of every
 * element. */
static WmNode *
find_ghost (WmCanvas   *self,
            const char *id)
{
  return g_hash_table_lookup (self->ghost_by_id, id);
}

static void
clear_comparison (WmCanvas *self)
{
  if (self->comparison == NULL)
    return;
  for (guint i = 0; i < self->nodes->len; i++)
    wm_node_set_mark (g_ptr_array_index (self->nodes, i), WM_NODE_NO_MARK, NULL);
  g_ptr_array_set_size (self->shown_ghosts, 0);
  g_hash_table_remove_all (self->ghost_by_id);
  for (guint i = 0; i < self->ghosts->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->ghosts, i));
  g_ptr_array_set_size (self->ghosts, 0);
  g_hash_table_remove_all (self->added_edges);
  g_clear_pointer (&self->comparison, wm_flow_diff_unref);
  /* Added connections are coloured, removed ones dashed, in the layer. */
  _wm_canvas_layer_changed (self);
}

void
wm_canvas_set_comparison (WmCanvas   *self,
                          WmFlowDiff *diff)
{
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(GHashTable) added = NULL;

  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (diff == NULL || self->version != NULL);
  g_return_if_fail (diff == NULL || wm_flow_diff_get_newer_number (diff) == wm_version_get_number (self->version));

  if (diff == self->comparison)
    return;
  clear_comparison (self);
  if (diff == NULL)
    {
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }
  self->comparison = wm_flow_diff_ref (diff);
  _wm_canvas_layer_changed (self);

  changes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < wm_flow_diff_get_n_elements (diff); i++)
    {
      const WmElementChange *change = wm_flow_diff_get_element (diff, i);

      if (change->kind == WM_DIFF_REMOVED)
        {
          WmNode *ghost = WM_NODE (wm_node_new (change->element));
          g_autofree char *label = wm_node_describe (change->element, NULL);
          g_autofree char *description = describe_change (diff, change);

          /* Seen and read, never focused or picked: it is not in this
           * version. */
          gtk_widget_set_focusable (GTK_WIDGET (ghost), FALSE);
          wm_node_set_mark (ghost, WM_DIFF_REMOVED, description);
          wm_node_set_description (ghost, label);
          gtk_widget_set_parent (GTK_WIDGET (ghost), GTK_WIDGET (self));
          g_ptr_array_add (self->ghosts, ghost);
          if (!g_hash_table_contains (self->ghost_by_id, change->id))
            g_hash_table_insert (self->ghost_by_id, (gpointer) wm_element_get_id (change->element), ghost);
        }
      else if (!g_hash_table_contains (changes, change->id))
        g_hash_table_insert (changes, change->id, (gpointer) change);
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      WmNode *node = g_ptr_array_index (self->nodes, i);

      mark_node (self, node, g_hash_table_lookup (changes, wm_element_get_id (wm_node_get_element (node))));
    }

  added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < wm_flow_diff_get_n_connections (diff); i++)
    {
      const WmConnectionChange *change = wm_flow_diff_get_connection (diff, i);

      if (change->kind == WM_DIFF_ADDED && change->from != NULL)
        g_hash_table_add (added, connection_key (change->from, change->port, change->to));
    }
  for (guint i = 0; i < self->edges->len && g_hash_table_size (added) > 0; i++)
    {
      WmCanvasEdge *edge = g_ptr_array_index (self->edges, i);
      const char *from = wm_connection_get_from (edge->connection);
      g_autofree char *key = NULL;

      if (from == NULL || wm_connection_get_port (edge->connection) == NULL
          || wm_connection_get_to (edge->connection) == NULL)
        continue;
      key = connection_key (from, wm_connection_get_port (edge->connection), wm_connection_get_to (edge->connection));
      if (g_hash_table_contains (added, key))
        g_hash_table_add (self->added_edges, g_object_ref (edge->connection));
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

WmFlowDiff *
wm_canvas_get_comparison (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  return self->comparison;
}

int
wm_canvas_get_mark (WmCanvas   *self,
                    const char *id)
{
  WmNode *node;

  g_return_val_if_fail (WM_IS_CANVAS (self), WM_NODE_NO_MARK);
  g_return_val_if_fail (id != NULL, WM_NODE_NO_MARK);

  if (self->comparison == NULL)
    return WM_NODE_NO_MARK;
  node = _wm_canvas_node_for_id (self, id);
  if (node != NULL)
    return wm_node_get_mark (node);
  return find_ghost (self, id) != NULL ? WM_DIFF_REMOVED : WM_NODE_NO_MARK;
}

GtkWidget *
wm_canvas_get_ghost (WmCanvas   *self,
                     const char *id)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return GTK_WIDGET (find_ghost (self, id));
}

void
_wm_canvas_compare_node_added (WmCanvas *self,
                               WmNode   *node)
{
  const char *id = wm_element_get_id (wm_node_get_element (node));

  if (self->comparison != NULL)
    mark_node (self, node, wm_flow_diff_find_element (self->comparison, id));
  wm_node_set_locked (node, self->locked_id != NULL && g_str_equal (self->locked_id, id));
}

static void
ghost_rect (WmNode *ghost,
            WmRect *rect)
{
  wm_element_get_position (wm_node_get_element (ghost), &rect->x, &rect->y);
  rect->width = WM_NODE_WIDTH;
  rect->height = wm_node_get_height (ghost);
}

void
_wm_canvas_compare_allocate (WmCanvas     *self,
                             const WmRect *view,
                             double        h,
                             double        v)
{
  g_ptr_array_set_size (self->shown_ghosts, 0);
  for (guint i = 0; i < self->ghosts->len; i++)
    {
      WmNode *ghost = g_ptr_array_index (self->ghosts, i);
      WmRect rect;

      ghost_rect (ghost, &rect);
      if (!wm_rect_intersects (&rect, view))
        continue;
      _wm_canvas_allocate_node (self, ghost, h, v);
      g_ptr_array_add (self->shown_ghosts, ghost);
    }
}

void
_wm_canvas_compare_snapshot (WmCanvas    *self,
                             GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->shown_ghosts->len; i++)
    gtk_widget_snapshot_child (GTK_WIDGET (self), g_ptr_array_index (self->shown_ghosts, i), snapshot);
}

/* A node by id for a removed connection's end: the ghost first (the
 * connection was in the other version), else the element shown. */
static WmNode *
end_node (WmCanvas   *self,
          const char *id)
{
  WmNode *node;

  if (id == NULL)
    return NULL;
  node = find_ghost (self, id);
  return node != NULL ? node : _wm_canvas_node_for_id (self, id);
}

static gboolean
removed_curve (WmCanvas                 *self,
               const WmConnectionChange *change,
               WmBezier                 *curve)
{
  WmNode *from, *to;
  const char * const *ports;
  double x, y, fx, fy, tx, ty;

  if (change->kind != WM_DIFF_REMOVED)
    return FALSE;
  from = end_node (self, change->from);
  to = end_node (self, change->to);
  if (from == NULL || to == NULL || change->port == NULL)
    return FALSE;
  ports = wm_node_get_ports (from);
  for (guint p = 0; ports[p] != NULL; p++)
    if (g_str_equal (ports[p], change->port))
      {
        wm_element_get_position (wm_node_get_element (from), &x, &y);
        wm_node_port_anchor (x, y, ports, p, &fx, &fy);
        wm_element_get_position (wm_node_get_element (to), &x, &y);
        wm_node_input_anchor (x, y, &tx, &ty);
        wm_connection_curve (fx, fy, tx, ty, curve);
        return TRUE;
      }
  return FALSE;
}

void
_wm_canvas_compare_extend_area (WmCanvas     *self,
                                const WmRect *view,
                                WmRect       *area)
{
  if (self->comparison == NULL)
    return;
  for (guint i = 0; i < wm_flow_diff_get_n_connections (self->comparison); i++)
    {
      WmBezier curve;
      WmRect bounds;

      if (!removed_curve (self, wm_flow_diff_get_connection (self->comparison, i), &curve))
        continue;
      wm_bezier_bounds (&curve, &bounds);
      if (!wm_rect_intersects (&bounds, view))
        continue;
      if (area->width <= 0)
        *area = bounds;
      else
        wm_rect_union (area, &bounds, area);
    }
}

void
_wm_canvas_compare_draw (WmCanvas     *self,
                         cairo_t      *cr,
                         const WmRect *view,
                         double        line)
{
  const double dash[] = { 6.0, 4.0 };
  GdkRGBA colour;

  if (self->comparison == NULL)
    return;
  colour = self->colors.removed;
  colour.alpha *= 0.6;
  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint i = 0; i < wm_flow_diff_get_n_connections (self->comparison); i++)
    {
      WmBezier curve;
      WmRect bounds;

      if (!removed_curve (self, wm_flow_diff_get_connection (self->comparison, i), &curve))
        continue;
      wm_bezier_bounds (&curve, &bounds);
      if (wm_rect_intersects (&bounds, view))
        wm_draw_connection (cr, &curve, line, &colour);
    }
  cairo_restore (cr);
}

/* The locked element {{{ */

void
wm_canvas_set_locked_element (WmCanvas   *self,
                              const char *id)
{
  WmNode *node;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (g_strcmp0 (self->locked_id, id) == 0)
    return;
  if (self->locked_id != NULL && (node = _wm_canvas_node_for_id (self, self->locked_id)) != NULL)
    wm_node_set_locked (node, FALSE);
  g_free (self->locked_id);
  self->locked_id = g_strdup (id);
  if (id != NULL && (node = _wm_canvas_node_for_id (self, id)) != NULL)
    {
      wm_node_set_locked (node, TRUE);
      /* A drag that began before would still move it. */
      if (self->drag_mode == DRAG_MOVE)
        _wm_canvas_cancel_drag (self);
    }
  _wm_canvas_update_actions (self);
}

const char *
wm_canvas_get_locked_element (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);
  return self->locked_id;
}

GPtrArray *
_wm_canvas_editable_ids (WmCanvas *self)
{
  GPtrArray *ids = _wm_canvas_selected_ids (self);

  if (self->locked_id != NULL)
    for (guint i = 0; i + 1 < ids->len; i++)
      if (g_str_equal (ids->pdata[i], self->locked_id))
        {
          g_ptr_array_remove_index (ids, i);
          break;
        }
  return ids;
}

/* }}} */

void
_wm_canvas_init_compare (WmCanvas *self)
{
  self->ghosts = g_ptr_array_new ();
  self->ghost_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->shown_ghosts = g_ptr_array_new ();
  self->added_edges = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

void
_wm_canvas_dispose_compare (WmCanvas *self)
{
  if (self->ghosts != NULL)
    clear_comparison (self);
  g_clear_pointer (&self->ghosts, g_ptr_array_unref);
  g_clear_pointer (&self->ghost_by_id, g_hash_table_unref);
  g_clear_pointer (&self->shown_ghosts, g_ptr_array_unref);
  g_clear_pointer (&self->added_edges, g_hash_table_unref);
  g_clear_pointer (&self->locked_id, g_free);
}
