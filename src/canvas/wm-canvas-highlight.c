/* wm-canvas-highlight.c - one customer's path lit on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Show in flow" on a timeline item lights the elements a customer visited
 * and the connections they left them by, and dims the rest, so the path
 * reads at a glance. The path is view state like the selection: it never
 * enters the document, and Escape (or a new version) clears it.
 */

#include "config.h"

#include "wm-canvas-private.h"

/* Key of a connection on the path: its source element and port. */
static char *
port_key (const char *element,
          const char *port)
{
  return g_strconcat (element, "\x1f", port, NULL);
}

void
_wm_canvas_clear_highlight (WmCanvas *self)
{
  g_clear_pointer (&self->lit_elements, g_hash_table_unref);
  g_clear_pointer (&self->lit_ports, g_hash_table_unref);
  _wm_canvas_layer_changed (self);
}

void
wm_canvas_set_highlighted_path (WmCanvas           *self,
                                const char * const *element_ids,
                                const char * const *port_keys)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  _wm_canvas_clear_highlight (self);
  if (element_ids != NULL && element_ids[0] != NULL)
    {
      self->lit_elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->lit_ports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; element_ids[i] != NULL; i++)
        {
          const char *port = port_keys != NULL ? port_keys[i] : NULL;

          g_hash_table_add (self->lit_elements, g_strdup (element_ids[i]));
          if (port != NULL && *port != '\0')
            g_hash_table_add (self->lit_ports, port_key (element_ids[i], port));
          /* port_keys is as long as element_ids: stop at its end too. */
          if (port_keys != NULL && port == NULL)
            port_keys = NULL;
        }
    }
  /* The path's connections are lit, the others dimmed. */
  _wm_canvas_layer_changed (self);
}

gboolean
wm_canvas_has_highlighted_path (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  return self->lit_elements != NULL;
}

gboolean
wm_canvas_is_highlighted (WmCanvas   *self,
                          const char *element_id,
                          const char *port)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (element_id != NULL, FALSE);

  if (self->lit_elements == NULL)
    return FALSE;
  if (port == NULL)
    return g_hash_table_contains (self->lit_elements, element_id);
  key = port_key (element_id, port);
  return g_hash_table_contains (self->lit_ports, key);
}

gboolean
_wm_canvas_node_dimmed (WmCanvas *self,
                        WmNode   *node)
{
  if (self->lit_elements == NULL)
    return FALSE;
  return !g_hash_table_contains (self->lit_elements,
                                 wm_element_get_id (wm_node_get_element (node)));
}

/* 0 when nothing is lit, 1 for a connection on the path, -1 off it. */
int
_wm_canvas_edge_lit (WmCanvas     *self,
                     WmCanvasEdge *edge)
{
  g_autofree char *key = NULL;

  if (self->lit_ports == NULL)
    return 0;
  if (edge->from == NULL)
    return -1;
  key = port_key (wm_element_get_id (wm_node_get_element (edge->from)),
                  wm_connection_get_port (edge->connection));
  return g_hash_table_contains (self->lit_ports, key) ? 1 : -1;
}
