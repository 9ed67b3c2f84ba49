/* wm-journey-validate.h - validation of journeys (journeys.md, Validation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-journey.h"
#include "wm-validate.h"

G_BEGIN_DECLS

/* The journey's diagnostics (WmDiagnostic, version 0, element the stage id).
 * @lookup (may be NULL) answers milestones and outcomes; flows are checked
 * only with @check_flows (the app: waymark-cli never reports a flow). */
GPtrArray *wm_validate_journey (WmJourney *journey,
                                WmLookup  *lookup,
                                gboolean   check_flows);

G_END_DECLS
