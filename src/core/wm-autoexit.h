/* wm-autoexit.h - explicit exits for unconnected output ports at launch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-version.h"

G_BEGIN_DECLS

/* flow-format.md, Element catalogue: for each unconnected output port P of
 * element E (elements in list order, ports in catalogue order) adds an
 * `exit` element with id "E-P" (or, when that is taken or longer than 64
 * characters, the first free "exit-N"), no name, at E's position plus
 * [240, 0], and the connection from E's P to it. Returns how many exits
 * were added. */
guint wm_version_insert_exits (WmVersion *version);

G_END_DECLS
