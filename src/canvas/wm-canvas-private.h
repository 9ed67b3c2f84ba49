/* wm-canvas-private.h - what the canvas's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * wm-canvas.c: the model mirror, scrolling, allocation and drawing;
 * wm-canvas-input.c: gestures, keys and drops;
 * wm-canvas-edit.c: actions, clipboard, menus and the connect popover;
 * wm-canvas-compare.c: comparison mode and the locked element.
 */
#pragma once

#include "wm-canvas.h"
#include "wm-canvas-draw.h"
#include "wm-canvas-geometry.h"
#include "wm-layer-cache.h"
#include "wm-node.h"
#include "wm-spatial-index.h"

G_BEGIN_DECLS

/* A connection as drawn: its ends resolved to nodes (NULL when the id names
 * no element; such a connection is not drawn, validation reports it). */
typedef struct
{
  WmConnection *connection;
  WmNode       *from;
  WmNode       *to;
  int           port;       /* index in from's ports, -1 when unknown */
  WmBezier      curve;
} WmCanvasEdge;

typedef struct _WmCanvasMetrics WmCanvasMetrics;

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_CONNECT,
  DRAG_RUBBER,
  DRAG_PAN,
} WmCanvasDragMode;

struct _WmCanvas
{
  GtkWidget           parent_instance;

  WmVersion          *version;
  WmUndoStack        *undo;
  gulong              elements_handler;
  gulong              connections_handler;

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               snap : 1;
  guint               space_held : 1;
  guint               zoom_pending_fit : 1;
  double              pending_fit_min_zoom;
  guint               read_only : 1;
  double              zoom;

  GPtrArray          *nodes;          /* WmNode*, in the version's element order */
  GHashTable         *node_by_element;/* WmElement* -> WmNode* */
  GHashTable         *node_by_id;     /* id -> WmNode* (the first with that id) */
  GPtrArray          *edges;          /* WmCanvasEdge*, in connection order */
  GHashTable         *edges_by_id;    /* element id -> GPtrArray of WmCanvasEdge* */
  WmSpatialIndex     *node_index;     /* WmNode* by canvas rectangle */
  WmSpatialIndex     *edge_index;     /* WmCanvasEdge* by curve bounds */
  GHashTable         *selection;      /* set of WmNode* */
  GPtrArray          *shown;          /* nodes allocated in view last time */
  GHashTable         *badges;         /* element id -> GUINT badge */
  GHashTable         *names;          /* "kind:id" -> name, or NULL */

  WmCanvasColors      colors;
  guint               a11y_idle;
  GHashTable         *a11y_dirty;     /* set of WmNode* */

  /* Gestures (wm-canvas-input.c). */
  GtkGesture         *drag;
  GtkGesture         *pan;
  GtkWidget          *rubberband;
  WmCanvasDragMode    drag_mode;
  double              drag_x;         /* canvas point where the drag began */
  double              drag_y;
  double              pointer_x;      /* last pointer position, view pixels */
  double              pointer_y;
  double              pan_h;          /* adjustment values at a pan's start */
  double              pan_v;
  double              zoom_start;     /* zoom at a pinch's start */
  gboolean            drag_moved;
  gboolean            toggle_off;     /* a Ctrl-click on a selected node */
  gboolean            group_open;
  WmNode             *drag_node;      /* the node pressed */
  GPtrArray          *drag_ids;       /* ids of the elements moved */
  GArray             *drag_start;     /* their positions at the start */
  GHashTable         *rubber_base;    /* selection before a rubber band */
  WmNode             *connect_from;
  int                 connect_port;
  WmNode             *connect_target;
  double              connect_x;      /* the loose end, canvas units */
  double              connect_y;

  /* Comparison (wm-canvas-compare.c). */
  WmFlowDiff         *comparison;
  GPtrArray          *ghosts;         /* WmNode* of removed elements */
  GHashTable         *ghost_by_id;    /* id -> WmNode* (the first with that id) */
  GPtrArray          *shown_ghosts;   /* those allocated in view last time */
  GHashTable         *added_edges;    /* set of WmConnection* (a reference each) */
  char               *locked_id;      /* the element that cannot change, or NULL */
  /* A customer's path (wm-canvas-highlight.c); NULL when none. */
  GHashTable         *lit_elements;   /* set of element ids */
  GHashTable         *lit_ports;      /* set of "element\x1fport" */

  /* Popovers (wm-canvas-edit.c). */
  GtkWidget          *connect_popover;
  GtkWidget          *context_menu;

  /* A run's figures (wm-canvas-metrics.c). */
  WmCanvasMetrics    *metrics_overlay;

  /* The connections drawn in tiles (wm-canvas-layer.c). */
  WmLayerCache        layer;
  guint               layer_serial;   /* changes to what the layer shows */
  GHashTable         *tiles;          /* packed column and row -> tile */
  gint64              zoomed_at;      /* monotonic time of the last zoom */
  guint               settle_source;
  gboolean            layer_uncached;
  /* Elements and figures as images while a zoom moves (wm-canvas-raster.c). */
  GHashTable         *rasters;        /* WmNode* -> image */
  GHashTable         *overlay_rasters;/* a label's GskRenderNode* -> image */
  GArray             *overlay_placed; /* the labels placed in this frame */
  gint64              raster_spent;   /* microseconds of images this frame */
  gint64              overlay_us;     /* of it, the labels' (benchmarks) */
  gboolean            rasters_now;    /* this frame places them */
  gboolean            rasters_off;
};

double      _wm_canvas_scroll_x             (WmCanvas     *self);
double      _wm_canvas_scroll_y             (WmCanvas     *self);
WmNode     *_wm_canvas_node_at              (WmCanvas     *self,
                                             double        x,
                                             double        y);
WmNode     *_wm_canvas_node_for_id          (WmCanvas     *self,
                                             const char   *id);
/* A port dot near canvas point @x, @y: its node and index. */
gboolean    _wm_canvas_port_at              (WmCanvas     *self,
                                             double        x,
                                             double        y,
                                             WmNode      **node,
                                             int          *port);
/* The connection whose arrow end (the last third) is near @x, @y. */
WmCanvasEdge *_wm_canvas_edge_end_at        (WmCanvas     *self,
                                             double        x,
                                             double        y);
void        _wm_canvas_node_position        (WmNode       *node,
                                             double       *x,
                                             double       *y);
gboolean    _wm_canvas_port_connected       (WmCanvas     *self,
                                             WmNode       *node,
                                             const char   *port);
double      _wm_canvas_get_zoom_for_node    (WmNode       *node);
const WmCanvasColors *_wm_canvas_get_colors (WmCanvas     *self);

void        _wm_canvas_select_node          (WmCanvas     *self,
                                             WmNode       *node,
                                             gboolean      selected);
void        _wm_canvas_replace_selection    (WmCanvas     *self,
                                             GHashTable   *nodes);
void        _wm_canvas_selection_changed    (WmCanvas     *self);
/* Ids of the selected elements in element order (NULL-terminated). */
GPtrArray  *_wm_canvas_selected_ids         (WmCanvas     *self);
void        _wm_canvas_focus_node           (WmCanvas     *self,
                                             WmNode       *node);
void        _wm_canvas_update_rubberband    (WmCanvas     *self,
                                             const WmRect *rect);
gboolean    _wm_canvas_move_focus           (WmCanvas     *self,
                                             GtkDirectionType direction);

void        _wm_canvas_allocate_node        (WmCanvas     *self,
                                             WmNode       *node,
                                             double        h,
                                             double        v);

/* Comparison mode and the locked element (wm-canvas-compare.c). */
void        _wm_canvas_init_compare         (WmCanvas     *self);
void        _wm_canvas_dispose_compare      (WmCanvas     *self);
/* Marks (or locks) a node the model just added. */
void        _wm_canvas_compare_node_added   (WmCanvas     *self,
                                             WmNode       *node);
void        _wm_canvas_compare_allocate     (WmCanvas     *self,
                                             const WmRect *view,
                                             double        h,
                                             double        v);
/* Grows the cairo @area by the removed connections in @view. */
void        _wm_canvas_compare_extend_area  (WmCanvas     *self,
                                             const WmRect *view,
                                             WmRect       *area);
/* The removed connections, dashed, in canvas units. */
void        _wm_canvas_compare_draw         (WmCanvas     *self,
                                             cairo_t      *cr,
                                             const WmRect *view,
                                             double        line);
void        _wm_canvas_compare_snapshot     (WmCanvas     *self,
                                             GtkSnapshot  *snapshot);
/* The selected ids (NULL-terminated) without the locked element: what a
 * move, nudge, cut or delete may touch. */
GPtrArray  *_wm_canvas_editable_ids         (WmCanvas     *self);
void        _wm_canvas_clear_highlight      (WmCanvas     *self);
gboolean    _wm_canvas_node_dimmed          (WmCanvas     *self,
                                             WmNode       *node);
int         _wm_canvas_edge_lit             (WmCanvas     *self,
                                             WmCanvasEdge *edge);

void        _wm_canvas_class_init_input     (GtkWidgetClass *widget_class);
void        _wm_canvas_init_input           (WmCanvas     *self);
void        _wm_canvas_cancel_drag          (WmCanvas     *self);
void        _wm_canvas_class_init_edit      (GtkWidgetClass *widget_class);
void        _wm_canvas_init_edit            (WmCanvas     *self);
void        _wm_canvas_dispose_edit         (WmCanvas     *self);
void        _wm_canvas_update_actions       (WmCanvas     *self);
void        _wm_canvas_show_context_menu    (WmCanvas     *self,
                                             WmNode       *node,
                                             double        view_x,
                                             double        view_y);

/* wm-canvas-layer.c: the connections drawn in tiles, placed each frame. */
/* Something the layer shows changed: it is redrawn in the next frame. */
void        _wm_canvas_layer_changed        (WmCanvas     *self);
void        _wm_canvas_layer_zoomed         (WmCanvas     *self);

void        _wm_canvas_init_rasters         (WmCanvas     *self);
void        _wm_canvas_drop_rasters         (WmCanvas     *self);
void        _wm_canvas_finalize_rasters     (WmCanvas     *self);
/* Makes this frame's images of the elements and the run's figures in
 * @view; FALSE when this frame draws everything as itself. */
gboolean    _wm_canvas_prepare_rasters      (WmCanvas     *self,
                                             const WmRect *view);
/* Places a label's drawing (@content, in canvas units, or in screen
 * pixels when @fixed) at canvas point @x, @y in this frame's images. */
void        _wm_canvas_place_overlay_image  (WmCanvas     *self,
                                             GskRenderNode *content,
                                             double        x,
                                             double        y,
                                             gboolean      fixed);
gboolean    _wm_canvas_node_rastered        (WmCanvas     *self,
                                             WmNode       *node);
void        _wm_canvas_paint_rasters        (WmCanvas     *self,
                                             cairo_t      *cr);
/* For tests and benchmarks: elements always drawn as themselves. */
void        _wm_canvas_set_rasters_enabled  (WmCanvas     *self,
                                             gboolean      enabled);
/* Whether @edge is drawn each frame over the layer (a drag moves it). */
gboolean    _wm_canvas_edge_live            (WmCanvas     *self,
                                             WmCanvasEdge *edge);
void        _wm_canvas_snapshot_layer       (WmCanvas     *self,
                                             GtkSnapshot  *snapshot,
                                             const WmRect *view);
void        _wm_canvas_init_layer           (WmCanvas     *self);
void        _wm_canvas_dispose_layer        (WmCanvas     *self);
void        _wm_canvas_finalize_layer       (WmCanvas     *self);
/* Off: what the layer shows is drawn afresh for every frame, without the
 * tiles (what the tests compare the tiles with). */
void        _wm_canvas_set_layer_cached     (WmCanvas     *self,
                                             gboolean      cached);

/* wm-canvas-metrics.c: a run's figures over the canvas. */
void        _wm_canvas_init_metrics         (WmCanvas     *self);
void        _wm_canvas_dispose_metrics      (WmCanvas     *self);
void        _wm_canvas_finalize_metrics     (WmCanvas     *self);
void        _wm_canvas_allocate_metrics     (WmCanvas     *self);
/* The width of @edge's line, @line without metrics. */
double      _wm_canvas_metrics_edge_width   (WmCanvas     *self,
                                             WmCanvasEdge *edge,
                                             double        line);
/* Draws the labels in view (@view in canvas units), over the nodes. */
void        _wm_canvas_snapshot_metrics     (WmCanvas     *self,
                                             GtkSnapshot  *snapshot,
                                             const WmRect *view);
/* The same labels placed as images while a zoom moves (see above). */
void        _wm_canvas_place_metrics_images (WmCanvas     *self,
                                             const WmRect *view);
/* Sets or clears @node's accessible description of its figures. */
void        _wm_canvas_metrics_describe_node (WmCanvas    *self,
                                             WmNode       *node);

G_END_DECLS
