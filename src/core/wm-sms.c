/* wm-sms.c - SMS encoding and segment counting (simulation.md, Messages)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sent SMS is measured, so this runs once per message in the
 * simulator: a table lookup per character below U+0100, a switch above, no
 * allocation.
 */
#include "config.h"

#include <string.h>

#include "wm-sms.h"

enum
{
  NOT_GSM = 0,
  GSM_DEFAULT = 1,
  GSM_EXTENSION = 2,
};

/* U+0000..U+00FF: the code points of simulation.md's list in this range.
 * Note what is left out: U+0060 ` , U+00A0 (no-break space), U+00E7 ç (only
 * the capital Ç is in the alphabet), tab and the other controls. */
static const guint8 latin1_class[256] = {
  ['\n'] = GSM_DEFAULT,
  ['\r'] = GSM_DEFAULT,
  ['\f'] = GSM_EXTENSION,
  [' '] = GSM_DEFAULT, ['!'] = GSM_DEFAULT, ['"'] = GSM_DEFAULT, ['#'] = GSM_DEFAULT,
  ['$'] = GSM_DEFAULT, ['%'] = GSM_DEFAULT, ['&'] = GSM_DEFAULT, ['\''] = GSM_DEFAULT,
  ['('] = GSM_DEFAULT, [')'] = GSM_DEFAULT, ['*'] = GSM_DEFAULT, ['+'] = GSM_DEFAULT,
  [','] = GSM_DEFAULT, ['-'] = GSM_DEFAULT, ['.'] = GSM_DEFAULT, ['/'] = GSM_DEFAULT,
  ['0' ... '9'] = GSM_DEFAULT,
  [':'] = GSM_DEFAULT, [';'] = GSM_DEFAULT, ['<'] = GSM_DEFAULT, ['='] = GSM_DEFAULT,
  ['>'] = GSM_DEFAULT, ['?'] = GSM_DEFAULT, ['@'] = GSM_DEFAULT,
  ['A' ... 'Z'] = GSM_DEFAULT,
  ['['] = GSM_EXTENSION, ['\\'] = GSM_EXTENSION, [']'] = GSM_EXTENSION, ['^'] = GSM_EXTENSION,
  ['_'] = GSM_DEFAULT,
  ['a' ... 'z'] = GSM_DEFAULT,
  ['{'] = GSM_EXTENSION, ['|'] = GSM_EXTENSION, ['}'] = GSM_EXTENSION, ['~'] = GSM_EXTENSION,
  [0xA1] = GSM_DEFAULT, /* ¡ */
  [0xA3] = GSM_DEFAULT, /* £ */
  [0xA4] = GSM_DEFAULT, /* ¤ */
  [0xA5] = GSM_DEFAULT, /* ¥ */
  [0xA7] = GSM_DEFAULT, /* § */
  [0xBF] = GSM_DEFAULT, /* ¿ */
  [0xC4] = GSM_DEFAULT, /* Ä */
  [0xC5] = GSM_DEFAULT, /* Å */
  [0xC6] = GSM_DEFAULT, /* Æ */
  [0xC7] = GSM_DEFAULT, /* Ç */
  [0xC9] = GSM_DEFAULT, /* É */
  [0xD1] = GSM_DEFAULT, /* Ñ */
  [0xD6] = GSM_DEFAULT, /* Ö */
  [0xD8] = GSM_DEFAULT, /* Ø */
  [0xDC] = GSM_DEFAULT, /* Ü */
  [0xDF] = GSM_DEFAULT, /* ß */
  [0xE0] = GSM_DEFAULT, /* à */
  [0xE4] = GSM_DEFAULT, /* ä */
  [0xE5] = GSM_DEFAULT, /* å */
  [0xE6] = GSM_DEFAULT, /* æ */
  [0xE8] = GSM_DEFAULT, /* è */
  [0xE9] = GSM_DEFAULT, /* é */
  [0xEC] = GSM_DEFAULT, /* ì */
  [0xF1] = GSM_DEFAULT, /* ñ */
  [0xF2] = GSM_DEFAULT, /* ò */
  [0xF6] = GSM_DEFAULT, /* ö */
  [0xF8] = GSM_DEFAULT, /* ø */
  [0xF9] = GSM_DEFAULT, /* ù */
  [0xFC] = GSM_DEFAULT, /* ü */
};

static inline int
char_class (gunichar c)
{
  if (c < 0x100)
    return latin1_class[c];

  switch (c)
    {
    case 0x0393: /* Γ */
    case 0x0394: /* Δ */
    case 0x0398: /* Θ */
    case 0x039B: /* Λ */
    case 0x039E: /* Ξ */
    case 0x03A0: /* Π */
    case 0x03A3: /* Σ */
    case 0x03A6: /* Φ */
    case 0x03A8: /* Ψ */
    case 0x03A9: /* Ω */
      return GSM_DEFAULT;
    case 0x20AC: /* € */
      return GSM_EXTENSION;
    default:
      return NOT_GSM;
    }
}

gboolean
wm_sms_char_is_gsm (gunichar  c,
                    gboolean *extension)
{
  int klass = char_class (c);

  if (extension)
    *extension = klass == GSM_EXTENSION;
  return klass != NOT_GSM;
}

/* Decodes one UTF-8 sequence at @p (before @end) into @c and returns its
 * length. The text is documented as valid UTF-8; should it not be, a bad or
 * cut-off sequence counts as one byte standing for U+FFFD (which is not GSM),
 * so the count stays defined and nothing is read past @end. */
static inline gsize
next_char (const guchar *p,
           const guchar *end,
           gunichar     *c)
{
  guchar b = p[0];
  gsize n, i;
  gunichar v;

  if (b < 0x80)
    {
      *c = b;
      return 1;
    }
  if (b >= 0xC2 && b <= 0xDF)
    n = 2, v = b & 0x1F;
  else if (b >= 0xE0 && b <= 0xEF)
    n = 3, v = b & 0x0F;
  else if (b >= 0xF0 && b <= 0xF4)
    n = 4, v = b & 0x07;
  else
    goto bad;

  if ((gsize) (end - p) < n)
    goto bad;
  for (i = 1; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        goto bad;
      v = (v << 6) | (p[i] & 0x3F);
    }
  *c = v;
  return n;

bad:
  *c = 0xFFFD;
  return 1;
}

void
wm_sms_measure (const char *text,
                gssize      len,
                WmSmsInfo  *info)
{
  const guchar *p = (const guchar *) text;
  const guchar *end;
  guint septets = 0, utf16_units = 0, characters = 0;
  gboolean gsm = TRUE;

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (info != NULL);

  if (len < 0)
    len = strlen (text);
  end = len > 0 ? p + len : p;

  while (p < end)
    {
      gunichar c;

      p += next_char (p, end, &c);
      characters++;
      utf16_units += c >= 0x10000 ? 2 : 1;
      if (gsm)
        {
          int klass = char_class (c);

          if (klass == NOT_GSM)
            gsm = FALSE;
          else
            septets += klass == GSM_EXTENSION ? 2 : 1;
        }
    }

  info->characters = characters;
  if (gsm)
    {
      info->encoding = WM_SMS_GSM7;
      info->units = septets;
      info->segments = septets <= 160 ? 1 : (septets + 152) / 153;
    }
  else
    {
      info->encoding = WM_SMS_UCS2;
      info->units = utf16_units;
      info->segments = utf16_units <= 70 ? 1 : (utf16_units + 66) / 67;
    }
}
