/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sms.c - SMS encoding and segments (simulation.md, Messages)
 *
 * Expected counts follow from the spec's rule: GSM-7 is 1 segment up to 160
 * septets, else ceil(septets / 153); UCS-2 is 1 segment up to 70 UTF-16
 * units, else ceil(units / 67).
 */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "wm-sms.h"

/* @piece repeated @n times. */
static char *
repeat (const char *piece,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, piece);
  return g_string_free (s, FALSE);
}

static void
check (const char    *text,
       WmSmsEncoding  encoding,
       guint          units,
       guint          characters,
       guint          segments)
{
  WmSmsInfo info = { 99, 99, 99, 99 };

  wm_sms_measure (text, -1, &info);
  g_assert_cmpint (info.encoding, ==, encoding);
  g_assert_cmpuint (info.units, ==, units);
  g_assert_cmpuint (info.characters, ==, characters);
  g_assert_cmpuint (info.segments, ==, segments);
}

static void
check_repeated (const char    *piece,
                guint          n,
                WmSmsEncoding  encoding,
                guint          units,
                guint          segments)
{
  g_autofree char *text = repeat (piece, n);
  check (text, encoding, units, n * (guint) g_utf8_strlen (piece, -1), segments);
}

static void
test_empty (void)
{
  WmSmsInfo info;

  check ("", WM_SMS_GSM7, 0, 0, 1);
  wm_sms_measure (NULL, 0, &info);
  g_assert_cmpuint (info.segments, ==, 1);
  g_assert_cmpuint (info.units, ==, 0);
}

static void
test_gsm_segments (void)
{
  check ("Hello", WM_SMS_GSM7, 5, 5, 1);
  check_repeated ("a", 160, WM_SMS_GSM7, 160, 1);
  check_repeated ("a", 161, WM_SMS_GSM7, 161, 2);
  check_repeated ("a", 306, WM_SMS_GSM7, 306, 2);   /* 2 * 153 */
  check_repeated ("a", 307, WM_SMS_GSM7, 307, 3);
  check_repeated ("a", 459, WM_SMS_GSM7, 459, 3);   /* 3 * 153 */
  check_repeated ("a", 460, WM_SMS_GSM7, 460, 4);
}

static void
test_gsm_extension (void)
{
  g_autofree char *a159 = repeat ("a", 159);
  g_autofree char *a159_brace = g_strconcat (a159, "{", NULL);
  g_autofree char *a158_brace = g_strconcat (a159 + 1, "}", NULL);

  /* € is an extension character: 2 septets. */
  check ("€", WM_SMS_GSM7, 2, 1, 1);
  check_repeated ("€", 80, WM_SMS_GSM7, 160, 1);
  check_repeated ("€", 81, WM_SMS_GSM7, 162, 2);
  /* 159 + 2 = 161 septets; 158 + 2 = 160. */
  check (a159_brace, WM_SMS_GSM7, 161, 160, 2);
  check (a158_brace, WM_SMS_GSM7, 160, 159, 1);
  /* Every extension character counts 2: 10 of them, 20 septets. */
  check ("\f^{}\\[~]|€", WM_SMS_GSM7, 20, 10, 1);
}

static void
test_ucs2_segments (void)
{
  g_autofree char *a69 = repeat ("a", 69);
  g_autofree char *a69_c = g_strconcat (a69, "č", NULL);
  g_autofree char *a70_c = g_strconcat (a69, "ač", NULL);

  /* One Croatian letter makes the whole text UCS-2. */
  check ("Pozdrav, Ana č", WM_SMS_UCS2, 14, 14, 1);
  check (a69_c, WM_SMS_UCS2, 70, 70, 1);
  check (a70_c, WM_SMS_UCS2, 71, 71, 2);
  check_repeated ("č", 70, WM_SMS_UCS2, 70, 1);
  check_repeated ("č", 71, WM_SMS_UCS2, 71, 2);
  check_repeated ("č", 134, WM_SMS_UCS2, 134, 2);  /* 2 * 67 */
  check_repeated ("č", 135, WM_SMS_UCS2, 135, 3);
  /* Extension characters are 1 unit each in UCS-2. */
  check ("€č", WM_SMS_UCS2, 2, 2, 1);
}

static void
test_astral (void)
{
  /* U+1F600 is a surrogate pair: 2 UTF-16 units, 1 character. */
  check ("😀", WM_SMS_UCS2, 2, 1, 1);
  check_repeated ("😀", 35, WM_SMS_UCS2, 70, 1);
  check_repeated ("😀", 36, WM_SMS_UCS2, 72, 2);
  /* 67 emoji = 134 units = exactly 2 segments; 68 = 136 -> 3. */
  check_repeated ("😀", 67, WM_SMS_UCS2, 134, 2);
  check_repeated ("😀", 68, WM_SMS_UCS2, 136, 3);
}

static void
test_alphabet_edges (void)
{
  gboolean ext = TRUE;

  /* In: $ @ _ Ç and the Greek capitals; out: ` no-break space ç tab α. */
  check ("$@_Ç", WM_SMS_GSM7, 4, 4, 1);
  check ("ΔΦΓΛΩΠΨΣΘΞ", WM_SMS_GSM7, 10, 10, 1);
  check ("a`", WM_SMS_UCS2, 2, 2, 1);
  check ("a\xc2\xa0" "b", WM_SMS_UCS2, 3, 3, 1);
  check ("ç", WM_SMS_UCS2, 1, 1, 1);
  check ("a\tb", WM_SMS_UCS2, 3, 3, 1);
  check ("α", WM_SMS_UCS2, 1, 1, 1);
  check ("line\r\nbreak", WM_SMS_GSM7, 11, 11, 1);

  g_assert_true (wm_sms_char_is_gsm ('$', &ext));
  g_assert_false (ext);
  g_assert_true (wm_sms_char_is_gsm (0x20AC, &ext));
  g_assert_true (ext);
  g_assert_false (wm_sms_char_is_gsm ('`', NULL));
  g_assert_false (wm_sms_char_is_gsm (0x00A0, NULL));
  g_assert_false (wm_sms_char_is_gsm (0x1B, NULL));
  g_assert_false (wm_sms_char_is_gsm (0x7F, NULL));
}

/* The spec's list has 127 default characters (88 ASCII, 39 others) and 10
 * extension characters; nothing else anywhere in Unicode is GSM. */
static void
test_alphabet_is_exactly_the_list (void)
{
  const gunichar listed[] = {
    0x00A3, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, 0x00F2, 0x00C7, 0x00D8,
    0x00F8, 0x00C5, 0x00E5, 0x0394, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0,
    0x03A8, 0x03A3, 0x0398, 0x039E, 0x00C6, 0x00E6, 0x00DF, 0x00C9, 0x00A4,
    0x00A1, 0x00C4, 0x00D6, 0x00D1, 0x00DC, 0x00A7, 0x00BF, 0x00E4, 0x00F6,
    0x00F1, 0x00FC, 0x00E0,
  };
  const gunichar extension[] = { 0x0C, 0x5E, 0x7B, 0x7D, 0x5C, 0x5B, 0x7E, 0x5D, 0x7C, 0x20AC };
  guint n_default = 0, n_extension = 0;

  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      gboolean ext = TRUE;
      g_assert_true (wm_sms_char_is_gsm (listed[i], &ext));
      g_assert_false (ext);
    }
  for (guint i = 0; i < G_N_ELEMENTS (extension); i++)
    {
      gboolean ext = FALSE;
      g_assert_true (wm_sms_char_is_gsm (extension[i], &ext));
      g_assert_true (ext);
    }

  for (gunichar c = 0; c <= 0x10FFFF; c++)
    {
      gboolean ext;

      if (wm_sms_char_is_gsm (c, &ext))
        {
          if (ext)
            n_extension++;
          else
            n_default++;
        }
    }
  g_assert_cmpuint (n_default, ==, 127);
  g_assert_cmpuint (n_extension, ==, 10);
}

static void
test_length_argument (void)
{
  WmSmsInfo info;

  /* Only the first 2 bytes of "ab€": 2 septets. */
  wm_sms_measure ("ab€", 2, &info);
  g_assert_cmpint (info.encoding, ==, WM_SMS_GSM7);
  g_assert_cmpuint (info.units, ==, 2);
  g_assert_cmpuint (info.characters, ==, 2);
  /* All 5 bytes: a, b, € (3 bytes). */
  wm_sms_measure ("ab€", 5, &info);
  g_assert_cmpuint (info.units, ==, 4);
  g_assert_cmpuint (info.characters, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/sms/empty-text-is-one-segment", test_empty);
  g_test_add_func ("/core/sms/gsm-160-septets-then-153-per-segment", test_gsm_segments);
  g_test_add_func ("/core/sms/extension-characters-count-two", test_gsm_extension);
  g_test_add_func ("/core/sms/ucs2-70-units-then-67-per-segment", test_ucs2_segments);
  g_test_add_func ("/core/sms/astral-characters-count-two-units", test_astral);
  g_test_add_func ("/core/sms/alphabet-edges", test_alphabet_edges);
  g_test_add_func ("/core/sms/alphabet-is-exactly-the-spec-list", test_alphabet_is_exactly_the_list);
  g_test_add_func ("/core/sms/length-bounds-the-text", test_length_argument);

  return g_test_run ();
}
