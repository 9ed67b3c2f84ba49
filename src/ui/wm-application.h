/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_APPLICATION (wm_application_get_type ())

G_DECLARE_FINAL_TYPE (WmApplication, wm_application, WM, APPLICATION, AdwApplication)

typedef struct _WmWorkspace WmWorkspace;

WmApplication *wm_application_new           (void);
/* The workspace opened at startup (--workspace FILE or the default), or
 * NULL when it could not be opened (a dialog said why). */
WmWorkspace   *wm_application_get_workspace (WmApplication *self);

G_END_DECLS
