/* wm-sms.h - SMS encoding and segment counting (simulation.md, Messages)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_SMS_GSM7,  /* GSM 03.38 default alphabet and extension table */
  WM_SMS_UCS2,
} WmSmsEncoding;

typedef struct
{
  WmSmsEncoding encoding;
  guint         units;       /* septets (GSM-7) or UTF-16 code units (UCS-2) */
  guint         characters;  /* Unicode code points */
  guint         segments;    /* an empty text is 1 segment */
} WmSmsInfo;

/* Measures valid UTF-8 @text (@len bytes, -1 for NUL-terminated). GSM-7 when
 * every character is in the default alphabet or the extension table (1
 * septet each, 2 for extension characters): 1 segment up to 160 septets,
 * else ceil(septets / 153). Otherwise UCS-2 by UTF-16 units: 1 segment up to
 * 70, else ceil(units / 67). No allocation. */
void     wm_sms_measure          (const char *text,
                                  gssize      len,
                                  WmSmsInfo  *info);

/* TRUE when code point @c is in the default alphabet (@extension FALSE) or
 * the extension table (@extension TRUE). */
gboolean wm_sms_char_is_gsm      (gunichar    c,
                                  gboolean   *extension);

G_END_DECLS
