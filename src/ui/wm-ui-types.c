/* wm-ui-types.c - registering the app's widget types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-flow-settings.h"
#include "wm-inspector.h"
#include "wm-palette.h"
#include "wm-ui-types.h"
#include "wm-window.h"

void
wm_ui_ensure_types (void)
{
  g_type_ensure (WM_TYPE_WINDOW);
  g_type_ensure (WM_TYPE_PALETTE);
  g_type_ensure (WM_TYPE_INSPECTOR);
  g_type_ensure (WM_TYPE_FLOW_SETTINGS);
}
