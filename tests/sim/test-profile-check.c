/* test-profile-check.c - is this file worth simulating?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Profiles pass (JSON Lines with a byte order mark or leading blank lines,
 * any CSV, an empty file); a folder, a missing, unreadable or binary file
 * and a JSON Lines name holding something other than objects are refused
 * with a message naming the file.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-profile-check.h"

static char *dir;

static char *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_passes (const char *name,
               const char *data,
               gssize      length)
{
  g_autofree char *path = write_file (name, data, length);
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_profiles_check_file (path, &error));
  g_assert_no_error (error);
  g_remove (path);
}

static void
assert_refused (const char *path,
                int         code,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (wm_profiles_check_file (path, &error));
  g_assert_error (error, G_FILE_ERROR, code);
  if (strstr (error->message, says) == NULL || strstr (error->message, base) == NULL)
    g_error ("“%s” does not say “%s” about %s", error->message, says, base);
}

static void
test_profiles_pass (void)
{
  assert_passes ("a.jsonl", "{\"id\":\"p1\"}\n", -1);
  assert_passes ("b.jsonl", "\xEF\xBB\xBF\n\n  {\"id\":\"p1\"}\n", -1);
  assert_passes ("c.txt", "{\"id\":\"p1\"}\n[not checked beyond the first line]\n", -1);
  assert_passes ("d.CSV", "name,email\nAna,ana@example.com\n", -1);
  assert_passes ("e.jsonl", "", 0);
  assert_passes ("f.jsonl", "\n\n", -1);
}

static void
test_refused (void)
{
  g_autofree char *missing = g_build_filename (dir, "missing.jsonl", NULL);
  g_autofree char *binary = write_file ("picture.jsonl", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *binary_csv = write_file ("sheet.csv", "PK\3\4\0\0", 6);
  g_autofree char *array = write_file ("list.json", "[{\"id\":\"p1\"}]\n", -1);
  g_autofree char *text = write_file ("notes.jsonl", "Dear customer,\n", -1);
  g_autofree char *locked = write_file ("locked.jsonl", "{}\n", -1);

  assert_refused (dir, G_FILE_ERROR_ISDIR, "is a folder");
  assert_refused (missing, G_FILE_ERROR_NOENT, "cannot be read");
  assert_refused (binary, G_FILE_ERROR_INVAL, "is not a text file");
  assert_refused (binary_csv, G_FILE_ERROR_INVAL, "is not a text file");
  assert_refused (array, G_FILE_ERROR_INVAL, "its first line is not a JSON object");
  assert_refused (text, G_FILE_ERROR_INVAL, "its first line is not a JSON object");
  if (getuid () != 0)
    {
      g_chmod (locked, 0);
      assert_refused (locked, G_FILE_ERROR_ACCES, "cannot be read");
    }
  g_remove (binary);
  g_remove (binary_csv);
  g_remove (array);
  g_remove (text);
  g_remove (locked);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("wm-profile-check-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/sim/profile-check/profiles-pass", test_profiles_pass);
  g_test_add_func ("/sim/profile-check/bad-files-are-named", test_refused);
  status = g_test_run ();
  g_rmdir (dir);
  g_free (dir);
  return status;
}
