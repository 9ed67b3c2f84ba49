/* wm-workspace-import.c - importing flow files a person chose or dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file chooser and a drop on the window hand over a list of files;
 * both come here, so what one imports the other does too. Each file is its
 * own transaction (wm_workspace_import_flow): a bad file imports nothing
 * and does not stop the others, and every message names its file, since
 * a person may have chosen several.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "wm-json.h"
#include "wm-workspace-private.h"

static char *
display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *uri = NULL;

  if (base != NULL)
    return g_filename_display_name (base);
  uri = g_file_get_uri (file);
  return g_strdup (uri);
}

char *
wm_workspace_import_file (WmWorkspace  *self,
                          GFile        *file,
                          gboolean     *renamed,
                          GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  char *id;
  gsize length = 0;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (renamed != NULL)
    *renamed = FALSE;
  name = display_name (file);
  if (!g_str_has_suffix (name, ".json"))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a flow file: Waymark imports files ending in .waymark.json"), name);
      return NULL;
    }

  /* Look at the size first: a wrong file can be huge, and the loader would
   * refuse it only after reading all of it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO,
                   _("“%s” could not be read: %s"), name, local->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("“%s” is a folder; choose the flow files inside it"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > WM_JSON_MAX_SIZE)
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_INVALID,
                   _("“%s” is larger than 64 MiB, more than any flow file can be; check that it is "
                     "the right file"), name);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local))
    {
      g_set_error (error, WM_WORKSPACE_ERROR, WM_WORKSPACE_ERROR_IO,
                   _("“%s” could not be read: %s"), name, local->message);
      return NULL;
    }

  id = wm_workspace_import_flow (self, data, length, renamed, &local);
  if (id == NULL)
    {
      /* Translators: the file's name, then why it was not imported. */
      g_set_error (error, local->domain, local->code, _("“%s”: %s"), name, local->message);
      return NULL;
    }
  return id;
}

char **
wm_workspace_import_files (WmWorkspace *self,
                           GSList      *files,
                           guint       *n_imported)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  guint imported = 0;

  g_return_val_if_fail (WM_IS_WORKSPACE (self), NULL);

  for (const GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmFlow) flow = NULL;
      g_autofree char *id = NULL;
      gboolean renamed = FALSE;
      const char *flow_name;

      id = wm_workspace_import_file (self, G_FILE (l->data), &renamed, &error);
      if (id == NULL)
        {
          g_ptr_array_add (messages, g_strdup (error->message));
          continue;
        }
      imported++;
      flow = wm_workspace_get_flow (self, id, NULL);
      flow_name = flow != NULL ? wm_flow_get_name (flow) : NULL;
      if (flow_name == NULL || *flow_name == '\0')
        flow_name = id;
      if (renamed)
        g_ptr_array_add (messages, g_strdup_printf (_("“%s” already existed; imported as a copy"), flow_name));
      else
        g_ptr_array_add (messages, g_strdup_printf (_("Imported “%s”"), flow_name));
    }
  if (n_imported != NULL)
    *n_imported = imported;
  g_ptr_array_add (messages, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&messages), FALSE);
}
