/* wm-templates.h - the built-in flow templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *name;         /* translatable (N_) */
  const char *description;  /* translatable (N_) */
  const char *document;     /* a flow file with one draft version */
} WmBuiltinTemplate;

/* Welcome message, Appointment reminder, Cart abandonment. */
const WmBuiltinTemplate *wm_builtin_templates     (guint      *n_templates);
/* NULL when @id is not a built-in template. */
const WmBuiltinTemplate *wm_builtin_template_find (const char *id);

G_END_DECLS
