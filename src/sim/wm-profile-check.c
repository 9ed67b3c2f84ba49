/* wm-profile-check.c - is this file worth simulating?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the first few kilobytes are read: enough to tell a picture or a
 * flow document from profiles, cheap for a file of a gigabyte.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "wm-profile-check.h"

#define SNIFF_BYTES 4096

static gboolean
is_csv_name (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".csv");
}

gboolean
wm_profiles_check_file (const char  *path,
                        GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  char buf[SNIFF_BYTES];
  gssize n;
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s” is a folder; choose a profile file (.jsonl or .csv)"), name);
      return FALSE;
    }
  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The profile file “%s” cannot be read: %s. Choose another file."),
                   name, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, buf, sizeof buf);
  if (n < 0)
    {
      int saved = errno;

      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The profile file “%s” cannot be read: %s. Choose another file."),
                   name, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (memchr (buf, '\0', n) != NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s” is not a text file; choose a JSON Lines (.jsonl) or CSV (.csv) profile file"), name);
      return FALSE;
    }
  if (!is_csv_name (path))
    {
      gssize i = 0;

      if (n >= 3 && memcmp (buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
      while (i < n && g_ascii_isspace (buf[i]))
        i++;
      if (i < n && buf[i] != '{')
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("“%s” is not a JSON Lines profile file: its first line is not a JSON object. "
                         "Choose a .jsonl file with one profile per line, or a .csv file."), name);
          return FALSE;
        }
    }
  return TRUE;
}
