/* test-csv-reader.c - CSV profiles: records, rejection reasons, resync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "wm-csv-reader.h"

static char *
write_temp (const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "profiles-XXXXXX.csv", NULL);
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Reads every row into "LINE:REASON" or "LINE:ok" words. */
static char *
summarize (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCsvReader) reader = wm_csv_reader_open (path, &error);
  GString *s = g_string_new (NULL);
  WmCsvRow row;

  g_assert_no_error (error);
  while (wm_csv_reader_next (reader, &row, &error))
    g_string_append_printf (s, "%s%" G_GUINT64_FORMAT ":%s", s->len ? " " : "", row.line,
                            row.reason == WM_CSV_VALID ? "ok" : wm_csv_reason_to_string (row.reason));
  g_assert_no_error (error);
  return g_string_free (s, FALSE);
}

static char *
summarize_text (const char *text)
{
  g_autofree char *path = write_temp (text, -1);
  char *s = summarize (path);

  g_unlink (path);
  return s;
}

static void
test_conformance_18 (void)
{
  /* 18-import/expected-report.json: lines 3..9 each one reason, 10 bad-csv
   * (a quote inside an unquoted field), 11 empty, 12-13 one record. */
  g_autofree char *path = g_build_filename (SHARED_DIR, "conformance", "18-import", "profiles.csv", NULL);
  g_autofree char *s = summarize (path);

  g_assert_cmpstr (s, ==, "2:ok 3:cell-count 4:id-missing 5:id-too-long 6:id-duplicate 7:no-contact "
                          "8:phone-invalid 9:email-invalid 10:bad-csv 12:ok 14:ok 15:ok");
}

static void
test_conformance_14 (void)
{
  /* BOM; k-0002's e-mail ends in a line feed (line 3, a two-line record);
   * k-reuse-1 and k-reuse-2 are rejected first and valid later; U+2003 and
   * U+00A0 in e-mails are valid. expected.json: 13 profiles, 4 rejected. */
  g_autofree char *path = g_build_filename (SHARED_DIR, "conformance", "14-revised-csv", "profiles.csv", NULL);
  g_autofree char *s = summarize (path);

  g_assert_cmpstr (s, ==, "2:ok 3:email-invalid 5:phone-invalid 6:ok 7:no-contact 10:ok 11:ok 12:ok "
                          "13:ok 14:ok 15:ok 16:ok 18:ok 20:ok 22:ok 23:ok 24:id-duplicate");
}

static void
test_conformance_10 (void)
{
  /* expected.json: 11 profiles, 8 rejected lines. */
  g_autofree char *path = g_build_filename (SHARED_DIR, "conformance", "10-audience-date-csv", "profiles.csv", NULL);
  g_autofree char *s = summarize (path);

  g_assert_cmpstr (s, ==, "2:ok 3:ok 4:phone-invalid 5:no-contact 6:no-contact 7:phone-invalid 8:ok "
                          "9:cell-count 10:ok 11:email-invalid 12:ok 13:ok 15:ok 16:ok 18:ok 19:ok "
                          "21:ok 22:id-duplicate 23:id-missing");
}

static void
test_bad_csv_resync (void)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  /* A closing quote followed by a letter: the rest is read from line 3. */
  a = summarize_text ("id,phone\n\"a\"x,+385911234567\nb,+385911234567\n");
  g_assert_cmpstr (a, ==, "2:bad-csv 3:ok");
  /* An error on the second line of a quoted record: reported at its first
   * line; reading goes on from the line after the error (line 4), where
   * the rest of the open field now reads as a record of its own. */
  b = summarize_text ("id,phone\n\"a\nb\"x,+385911234567\nc\",+385911234567\nd,+385911234567\n");
  g_assert_cmpstr (b, ==, "2:bad-csv 4:bad-csv 5:ok");
  /* A quoted field open at the end of the file is one bad-csv record. */
  c = summarize_text ("id,phone\na,+385911234567\n\"b,+385911234567\nc,+385911234567\n");
  g_assert_cmpstr (c, ==, "2:ok 3:bad-csv");
  /* Invalid UTF-8 and U+0000 are bad-csv; so is an overlong form. */
  d = summarize_text ("id,phone\na\xff,+385911234567\nb\xc0\xaf,+385911234567\nok,+385911234567\n");
  g_assert_cmpstr (d, ==, "2:bad-csv 3:bad-csv 4:ok");
  e = summarize_text ("\xEF\xBB\xBFid,phone\r\n\r\n\r\nx,+385911234567\r\n,\r\n\"\",\"\"\r\n");
  /* BOM skipped; empty lines skipped; "," and "\"\",\"\"" are rows with an
   * empty id */
  g_assert_cmpstr (e, ==, "4:ok 5:id-missing 6:id-missing");
  /* the last row without a line end, a CR that ends the file */
  f = summarize_text ("id,email\na,a@b.c\nb,b@c.d\r");
  g_assert_cmpstr (f, ==, "2:ok 3:ok");
}

static void
test_nul_is_bad_csv (void)
{
  const char text[] = "id,phone\na\0b,+385911234567\nc,+385911234567\n";
  g_autofree char *path = write_temp (text, sizeof text - 1);
  g_autofree char *s = summarize (path);

  g_assert_cmpstr (s, ==, "2:bad-csv 3:ok");
  g_unlink (path);
}

static void
test_cells_and_profile (void)
{
  g_autofree char *path = write_temp ("id,name,phone,email,note\r\n"
                                      "p1,\"Ana, \"\"A\"\"\",+385911234567,,\"two\r\nlines\"\r\n"
                                      "p2,x\ry,,b@c.de,\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCsvReader) reader = wm_csv_reader_open (path, &error);
  g_autoptr(WmProfile) p = NULL;
  g_autoptr(WmProfile) q = NULL;
  WmCsvRow row;
  WmValue v;
  guint n;

  g_assert_no_error (error);
  wm_csv_reader_get_columns (reader, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (wm_csv_reader_get_id_column (reader), ==, 0);

  g_assert_true (wm_csv_reader_next (reader, &row, &error));
  g_assert_cmpint (row.reason, ==, WM_CSV_VALID);
  g_assert_cmpuint (row.line, ==, 2);
  g_assert_cmpuint (row.n_cells, ==, 5);
  g_assert_cmpstr (row.cells[1].data, ==, "Ana, \"A\"");
  g_assert_cmpuint (row.cells[3].len, ==, 0);
  g_assert_cmpstr (row.cells[4].data, ==, "two\r\nlines");
  p = wm_csv_reader_row_to_profile (reader, &row);
  g_assert_cmpstr (wm_profile_get_id (p, NULL), ==, "p1");
  g_assert_cmpuint (wm_profile_get_line (p), ==, 2);
  g_assert_true (wm_profile_lookup_dotted (p, "name", &v));
  g_assert_cmpint (v.type, ==, WM_VALUE_STRING);
  g_assert_cmpstr (v.as.string.str, ==, "Ana, \"A\"");
  /* an empty cell is an absent attribute; the id is not an attribute */
  g_assert_false (wm_profile_lookup_dotted (p, "email", &v));
  g_assert_false (wm_profile_lookup_dotted (p, "id", &v));
  wm_profile_get_events (p, &n);
  g_assert_cmpuint (n, ==, 0);

  /* a CR that is not before a LF is data */
  g_assert_true (wm_csv_reader_next (reader, &row, &error));
  g_assert_cmpuint (row.line, ==, 4);
  g_assert_cmpint (row.reason, ==, WM_CSV_VALID);
  g_assert_cmpstr (row.cells[1].data, ==, "x\ry");
  q = wm_csv_reader_row_to_profile (reader, &row);
  g_assert_true (wm_profile_lookup_dotted (q, "email", &v));
  g_assert_cmpstr (v.as.string.str, ==, "b@c.de");
  g_assert_false (wm_csv_reader_next (reader, &row, &error));
  g_assert_no_error (error);
  g_unlink (path);
}

static void
assert_refused (const char *text,
                int         code,
                const char *fragment)
{
  g_autofree char *path = write_temp (text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmCsvReader) reader = wm_csv_reader_open (path, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (reader);
  g_assert_error (error, WM_CSV_ERROR, code);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_nonnull (strstr (error->message, fragment));
  g_unlink (path);
}

static void
test_refused_files (void)
{
  assert_refused ("", WM_CSV_ERROR_NO_HEADER, "no header row");
  assert_refused ("\xEF\xBB\xBF\n\n", WM_CSV_ERROR_NO_HEADER, "no header row");
  assert_refused ("name,phone\na,b\n", WM_CSV_ERROR_NO_ID_COLUMN, "line 1:");
  assert_refused ("\nid,phone,id\n", WM_CSV_ERROR_DUPLICATE_COLUMN, "line 2:");
  assert_refused ("id,\"ph\"one\n", WM_CSV_ERROR_BAD_HEADER, "line 1:");
  assert_refused ("ID,phone\n", WM_CSV_ERROR_NO_ID_COLUMN, "id");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/csv-reader/conformance-18-one-row-per-reason", test_conformance_18);
  g_test_add_func ("/sim/csv-reader/conformance-14-revised-rules", test_conformance_14);
  g_test_add_func ("/sim/csv-reader/conformance-10-rejected-rows", test_conformance_10);
  g_test_add_func ("/sim/csv-reader/bad-csv-resumes-after-the-error-line", test_bad_csv_resync);
  g_test_add_func ("/sim/csv-reader/nul-is-bad-csv", test_nul_is_bad_csv);
  g_test_add_func ("/sim/csv-reader/cells-and-profiles", test_cells_and_profile);
  g_test_add_func ("/sim/csv-reader/refused-files-name-file-and-line", test_refused_files);

  return g_test_run ();
}
