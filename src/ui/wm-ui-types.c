/* wm-ui-types.c - registering the app's widget types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-definition-editor.h"
#include "wm-definitions-window.h"
#include "wm-editor-page.h"
#include "wm-flow-settings.h"
#include "wm-flows-page.h"
#include "wm-inspector.h"
#include "wm-journey-editor.h"
#include "wm-journey-properties.h"
#include "wm-journeys-page.h"
#include "wm-launch-dialog.h"
#include "wm-new-flow-dialog.h"
#include "wm-palette.h"
#include "wm-run-dialog.h"
#include "wm-runs-list.h"
#include "wm-stage-editor.h"
#include "wm-timeline-details.h"
#include "wm-timeline-page.h"
#include "wm-ui-types.h"
#include "wm-validation-panel.h"
#include "wm-window.h"

void
wm_ui_ensure_types (void)
{
  g_type_ensure (WM_TYPE_WINDOW);
  g_type_ensure (WM_TYPE_PALETTE);
  g_type_ensure (WM_TYPE_INSPECTOR);
  g_type_ensure (WM_TYPE_FLOW_SETTINGS);
  g_type_ensure (WM_TYPE_FLOWS_PAGE);
  g_type_ensure (WM_TYPE_JOURNEYS_PAGE);
  g_type_ensure (WM_TYPE_JOURNEY_EDITOR);
  g_type_ensure (WM_TYPE_NEW_FLOW_DIALOG);
  g_type_ensure (WM_TYPE_LAUNCH_DIALOG);
  g_type_ensure (WM_TYPE_RUN_DIALOG);
  g_type_ensure (WM_TYPE_RUNS_LIST);
  g_type_ensure (WM_TYPE_EDITOR_PAGE);
  g_type_ensure (WM_TYPE_VALIDATION_PANEL);
  g_type_ensure (WM_TYPE_DEFINITIONS_WINDOW);
  g_type_ensure (WM_TYPE_DEFINITION_EDITOR);
  g_type_ensure (WM_TYPE_TIMELINE_PAGE);
  g_type_ensure (WM_TYPE_TIMELINE_DETAILS);
  g_type_ensure (WM_TYPE_STAGE_EDITOR);
  g_type_ensure (WM_TYPE_JOURNEY_PROPERTIES);
}
