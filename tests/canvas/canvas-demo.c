/* canvas-demo.c - shows a flow on the canvas, for looking at it by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   canvas-demo [FLOW.waymark.json] [--version N] [--zoom Z] [--select ID,ID]
 *               [--dark] [--badges] [--compare OLDER] [--snap]
 *               [--export-png PATH] [--export-svg PATH]
 *
 * Not a test: screenshots of it (under Xvfb, `import -window root`) show
 * what the canvas looks like at GDK_SCALE=1 and 2 and in the dark style.
 */

#include "wm-canvas-export.h"
#include "wm-canvas.h"
#include "wm-flow-diff.h"
#include "wm-flow-io.h"
#include "wm-minimap.h"
#include "wm-validate.h"

static int version_number = 1;
static double zoom = 1.0;
static char *select_ids;
static gboolean dark;
static gboolean badges;
static gboolean connect_popover;
static int compare_number;
static gboolean snap;
static char *export_png;
static char *export_svg;

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_INT, &version_number, "Version to show", "N" },
  { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &zoom, "Zoom", "Z" },
  { "select", 0, 0, G_OPTION_ARG_STRING, &select_ids, "Elements to select", "ID,ID" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
  { "badges", 0, 0, G_OPTION_ARG_NONE, &badges, "Show validation badges", NULL },
  { "connect", 0, 0, G_OPTION_ARG_NONE, &connect_popover, "Open the Connect popover of the first selected", NULL },
  { "compare", 0, 0, G_OPTION_ARG_INT, &compare_number, "Compare with an older version", "OLDER" },
  { "snap", 0, 0, G_OPTION_ARG_NONE, &snap, "Snap to the grid (shows it)", NULL },
  { "export-png", 0, 0, G_OPTION_ARG_FILENAME, &export_png, "Export PNG", "PATH" },
  { "export-svg", 0, 0, G_OPTION_ARG_FILENAME, &export_svg, "Export SVG", "PATH" },
  { NULL }
};

static void
window_destroyed_cb (GtkWidget *window,
                     gboolean  *done)
{
  *done = TRUE;
}

static gboolean
open_popover_cb (gpointer data)
{
  WmCanvas *canvas = data;
  g_auto(GStrv) ids = wm_canvas_get_selected_ids (canvas);

  if (ids[0] != NULL)
    wm_canvas_show_connect_popover (canvas, wm_version_find_element (wm_canvas_get_version (canvas), ids[0]));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[FLOW]");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmFlow) flow = NULL;
  g_autoptr(WmUndoStack) undo = NULL;
  const char *path = TEST_SRCDIR "/core/data/all-types.waymark.json";
  GtkWidget *window, *overlay, *scroller, *canvas, *minimap;
  WmVersion *version;
  gboolean done = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc > 1)
    path = argv[1];

  flow = wm_flow_load_from_file (path, &error);
  if (flow == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  version = wm_flow_get_version (flow, version_number);
  if (version == NULL)
    {
      g_printerr ("No version %d\n", version_number);
      return 1;
    }

  if (export_png != NULL || export_svg != NULL)
    {
      if (export_png != NULL && !wm_canvas_export (version, WM_EXPORT_PNG, export_png, 1.0, &error))
        g_printerr ("%s\n", error->message);
      if (export_svg != NULL && !wm_canvas_export (version, WM_EXPORT_SVG, export_svg, 1.0, &error))
        g_printerr ("%s\n", error->message);
      return error != NULL;
    }

  gtk_init ();
  if (dark)
    g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", TRUE, NULL);

  undo = wm_undo_stack_new (flow);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Canvas");
  overlay = gtk_overlay_new ();
  scroller = gtk_scrolled_window_new ();
  canvas = wm_canvas_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), canvas);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scroller);
  minimap = wm_minimap_new (WM_CANVAS (canvas));
  gtk_widget_set_size_request (minimap, 200, 130);
  gtk_widget_set_halign (minimap, GTK_ALIGN_END);
  gtk_widget_set_valign (minimap, GTK_ALIGN_END);
  gtk_widget_set_margin_end (minimap, 18);
  gtk_widget_set_margin_bottom (minimap, 18);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), minimap);
  gtk_window_set_child (GTK_WINDOW (window), overlay);

  wm_canvas_set_version (WM_CANVAS (canvas), version, undo);
  wm_canvas_set_zoom (WM_CANVAS (canvas), zoom);
  if (select_ids != NULL)
    {
      g_auto(GStrv) ids = g_strsplit (select_ids, ",", -1);

      wm_canvas_set_selection (WM_CANVAS (canvas), (const char * const *) ids);
    }
  if (badges)
    {
      g_autoptr(GPtrArray) diagnostics = wm_validate_flow (flow, NULL);

      wm_canvas_set_diagnostics (WM_CANVAS (canvas), diagnostics);
    }
  if (connect_popover)
    g_timeout_add (500, open_popover_cb, canvas);
  if (compare_number > 0)
    {
      WmVersion *older = wm_flow_get_version (flow, compare_number);
      g_autoptr(WmFlowDiff) diff = NULL;

      if (older == NULL)
        {
          g_printerr ("No version %d\n", compare_number);
          return 1;
        }
      diff = wm_flow_diff_new (older, version);
      wm_canvas_set_comparison (WM_CANVAS (canvas), diff);
    }
  wm_canvas_set_snap_to_grid (WM_CANVAS (canvas), snap);

  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed_cb), &done);
  gtk_window_present (GTK_WINDOW (window));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
