/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The milestones and outcomes window and importing flow files, on a real
 * workspace with the sample content: adding, renaming, searching,
 * deleting (and being refused), the counts, and files handed to the
 * window the way the file chooser and a drop hand them.
 *
 * With WAYMARK_SHOTS_DIR set, screenshots of both pages are written there.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-definition-editor.h"
#include "wm-definitions-window.h"
#include "wm-flow-info.h"
#include "wm-flow-preview.h"
#include "wm-inspector.h"
#include "wm-undo.h"
#include "wm-new-flow-dialog.h"
#include "wm-ui-types.h"
#include "wm-window.h"
#include "wm-workspace.h"
#include "ui-harness.h"

typedef struct
{
  char        *dir;
  char        *path;
  WmWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->workspace = temp_workspace_new ("waymark-definitions-XXXXXX", TRUE, &f->dir, &f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  temp_workspace_remove (&f->workspace, &f->dir, &f->path);
}

static void
destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

static guint
n_definitions (Fixture          *f,
               WmDefinitionKind  kind)
{
  g_autoptr(GPtrArray) list = wm_workspace_list_definitions (f->workspace, kind, NULL);

  return list->len;
}

static gboolean
has_definition (Fixture          *f,
                WmDefinitionKind  kind,
                const char       *id)
{
  g_autoptr(GPtrArray) list = wm_workspace_list_definitions (f->workspace, kind, NULL);

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((WmDefinition *) list->pdata[i])->id, id))
      return TRUE;
  return FALSE;
}

static WmDefinitionsWindow *
open_window (Fixture *f)
{
  GtkWidget *window = wm_definitions_window_new (NULL, f->workspace);

  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  return WM_DEFINITIONS_WINDOW (window);
}

/* A button inside @widget whose action is @action_name, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_shown (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_shown (child, text))
      return TRUE;
  return FALSE;
}

/* The @index-th label of a row: 0 the name, 1 the description. */
static const char *
row_label (GtkWidget *widget,
           guint     *index)
{
  if (GTK_IS_LABEL (widget))
    {
      if (*index == 0)
        return gtk_label_get_text (GTK_LABEL (widget));
      (*index)--;
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = row_label (child, index);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static const char *
row_text (WmDefinitionsWindow *window,
          const char          *id,
          guint                index)
{
  GtkWidget *row = wm_definitions_window_get_row (window, WM_DEFINITION_MILESTONE, id);

  g_assert_nonnull (row);
  return row_label (row, &index);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_is_drawable (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_typing_searches (Fixture       *f,
                      gconstpointer  data)
{
  WmDefinitionsWindow *window = open_window (f);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *entry = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);

  /* The shown page's search has the focus, on opening and on switching. */
  g_assert_nonnull (entry);
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  wm_definitions_window_set_kind (window, WM_DEFINITION_OUTCOME);
  spin (100);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  entry = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  destroy_window (GTK_WINDOW (window));
}

static void
test_counts_follow_the_limits (Fixture       *f,
                               gconstpointer  data)
{
  WmDefinitionsWindow *window = open_window (f);
  g_autofree char *milestones = g_strdup_printf ("%u of 1000 milestones", n_definitions (f, WM_DEFINITION_MILESTONE));
  g_autofree char *outcomes = g_strdup_printf ("%u of 100 outcomes", n_definitions (f, WM_DEFINITION_OUTCOME));
  g_autofree char *one = NULL;
  g_autofree char *grouped = NULL;

  g_assert_cmpstr (wm_definitions_window_get_count_text (window, WM_DEFINITION_MILESTONE), ==, milestones);
  g_assert_cmpstr (wm_definitions_window_get_count_text (window, WM_DEFINITION_OUTCOME), ==, outcomes);

  /* The count follows a change made elsewhere (the store's signal). */
  g_free (wm_workspace_add_definition (f->workspace, WM_DEFINITION_OUTCOME, "Upgraded", NULL, NULL));
  g_free (outcomes);
  outcomes = g_strdup_printf ("%u of 100 outcomes", n_definitions (f, WM_DEFINITION_OUTCOME));
  g_assert_cmpstr (wm_definitions_window_get_count_text (window, WM_DEFINITION_OUTCOME), ==, outcomes);

  one = wm_definitions_format_count (WM_DEFINITION_MILESTONE, 812);
  g_assert_cmpstr (one, ==, "812 of 1000 milestones");
  /* The digits are grouped the locale's way (German: a full stop). */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") != NULL)
    {
      grouped = wm_definitions_format_count (WM_DEFINITION_MILESTONE, 1000);
      setlocale (LC_NUMERIC, "C.UTF-8");
      g_assert_cmpstr (grouped, ==, "1.000 of 1.000 milestones");
    }
  else
    g_test_message ("de_DE.UTF-8 is not installed: grouping not checked");

  destroy_window (GTK_WINDOW (window));
}

static void
test_full_workspace (Fixture       *f,
                     gconstpointer  data)
{
  WmDefinitionsWindow *window = NULL;
  WmDefinitionEditor *editor;
  GtkWidget *label = NULL;
  gint64 start = 0;
  guint n;

  /* Nearly full before the window opens, the last five added while it is
   * open: it follows each change, and at 1,000 rows it stays usable. */
  for (n = n_definitions (f, WM_DEFINITION_MILESTONE); n < 1000; n++)
    {
      g_autofree char *name = g_strdup_printf ("Step %04u", n);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      if (n == 995)
        {
          start = g_get_monotonic_time ();
          window = open_window (f);
          g_test_message ("opening with 995 milestones: %.2f s", (g_get_monotonic_time () - start) / 1e6);
          start = g_get_monotonic_time ();
        }
      id = wm_workspace_add_definition (f->workspace, WM_DEFINITION_MILESTONE, name, NULL, &error);
      g_assert_no_error (error);
    }
  g_test_message ("five additions seen by the open window: %.2f s", (g_get_monotonic_time () - start) / 1e6);
  spin (100);
  g_assert_cmpstr (wm_definitions_window_get_count_text (window, WM_DEFINITION_MILESTONE), ==,
                   "1000 of 1000 milestones");
  label = find_label (GTK_WIDGET (window), "1000 of 1000 milestones");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "warning"));

  /* The 1,001st is refused in the editor, saying what to do. */
  editor = WM_DEFINITION_EDITOR (wm_definitions_window_add (window, WM_DEFINITION_MILESTONE));
  wm_definition_editor_set_name (editor, "One too many");
  g_assert_false (wm_definition_editor_save (editor));
  g_assert_cmpstr (wm_definition_editor_get_error (editor), ==,
                   "The workspace holds 1000 milestones, the most it can; delete one that no launched flow uses");
  save_shot (GTK_WIDGET (editor), "admin-editor-refused.png");
  destroy_window (GTK_WINDOW (editor));

  start = g_get_monotonic_time ();
  wm_definitions_window_set_search_text (window, WM_DEFINITION_MILESTONE, "step 0042");
  spin (50);
  g_test_message ("filtering 1000 rows: %.3f s", (g_get_monotonic_time () - start) / 1e6);
  {
    g_auto(GStrv) shown = wm_definitions_window_get_shown (window, WM_DEFINITION_MILESTONE);

    g_assert_cmpuint (g_strv_length (shown), ==, 1);
    g_assert_cmpstr (shown[0], ==, "step-0042");
  }

  destroy_window (GTK_WINDOW (window));
}

static void
test_add_rename_and_search (Fixture       *f,
                            gconstpointer  data)
{
  WmDefinitionsWindow *window = open_window (f);
  guint before = n_definitions (f, WM_DEFINITION_MILESTONE);
  WmDefinitionEditor *editor;
  g_auto(GStrv) shown = NULL;
  g_autofree char *count = NULL;

  /* A name that is taken is refused inline, and the editor stays. */
  editor = WM_DEFINITION_EDITOR (wm_definitions_window_add (window, WM_DEFINITION_MILESTONE));
  g_assert_nonnull (editor);
  wm_definition_editor_set_name (editor, "became vip");
  g_assert_false (wm_definition_editor_save (editor));
  g_assert_cmpstr (wm_definition_editor_get_error (editor), ==,
                   "A milestone named “became vip” exists already; choose another name");
  g_assert_cmpuint (n_definitions (f, WM_DEFINITION_MILESTONE), ==, before);
  /* Typing clears the refusal; a new name is added. */
  wm_definition_editor_set_name (editor, "  Coupon used ");
  g_assert_null (wm_definition_editor_get_error (editor));
  wm_definition_editor_set_description (editor, "Paid with a discount code");
  g_assert_true (wm_definition_editor_save (editor));
  destroy_window (GTK_WINDOW (editor));

  g_assert_cmpuint (n_definitions (f, WM_DEFINITION_MILESTONE), ==, before + 1);
  spin (50);
  g_assert_cmpstr (row_text (window, "coupon-used", 0), ==, "Coupon used");
  g_assert_cmpstr (row_text (window, "coupon-used", 1), ==, "Paid with a discount code");
  count = g_strdup_printf ("%u of 1000 milestones", before + 1);
  g_assert_cmpstr (wm_definitions_window_get_count_text (window, WM_DEFINITION_MILESTONE), ==, count);

  /* Rename: an empty name is refused, then a good one is kept. */
  editor = WM_DEFINITION_EDITOR (wm_definitions_window_edit (window, WM_DEFINITION_MILESTONE, "coupon-used"));
  wm_definition_editor_set_name (editor, "   ");
  g_assert_false (wm_definition_editor_save (editor));
  g_assert_cmpstr (wm_definition_editor_get_error (editor), ==, "A milestone needs a name; type one");
  wm_definition_editor_set_name (editor, "Coupon redeemed");
  wm_definition_editor_set_description (editor, "Paid with a <b>code</b> & more");
  g_assert_true (wm_definition_editor_save (editor));
  destroy_window (GTK_WINDOW (editor));

  spin (50);
  g_assert_cmpstr (row_text (window, "coupon-used", 0), ==, "Coupon redeemed");
  /* Shown as typed, not as markup. */
  g_assert_cmpstr (row_text (window, "coupon-used", 1), ==, "Paid with a <b>code</b> & more");

  /* Search: name or description, any case; nothing matching; cleared. */
  wm_definitions_window_set_search_text (window, WM_DEFINITION_MILESTONE, "COUPON");
  shown = wm_definitions_window_get_shown (window, WM_DEFINITION_MILESTONE);
  g_assert_cmpuint (g_strv_length (shown), ==, 1);
  g_assert_cmpstr (shown[0], ==, "coupon-used");
  g_clear_pointer (&shown, g_strfreev);
  spin (50);
  g_assert_nonnull (wm_definitions_window_get_row (window, WM_DEFINITION_MILESTONE, "coupon-used"));
  g_assert_null (wm_definitions_window_get_row (window, WM_DEFINITION_MILESTONE, "review-left"));

  wm_definitions_window_set_search_text (window, WM_DEFINITION_MILESTONE, "reviewed a product");
  shown = wm_definitions_window_get_shown (window, WM_DEFINITION_MILESTONE);
  g_assert_cmpuint (g_strv_length (shown), ==, 1);
  g_assert_cmpstr (shown[0], ==, "review-left");
  g_clear_pointer (&shown, g_strfreev);

  wm_definitions_window_set_search_text (window, WM_DEFINITION_MILESTONE, "no such thing");
  shown = wm_definitions_window_get_shown (window, WM_DEFINITION_MILESTONE);
  g_assert_cmpuint (g_strv_length (shown), ==, 0);
  g_clear_pointer (&shown, g_strfreev);
  spin (50);
  g_assert_true (label_shown (GTK_WIDGET (window), "No matching milestones"));

  wm_definitions_window_set_search_text (window, WM_DEFINITION_MILESTONE, NULL);
  shown = wm_definitions_window_get_shown (window, WM_DEFINITION_MILESTONE);
  g_assert_cmpuint (g_strv_length (shown), ==, before + 1);

  destroy_window (GTK_WINDOW (window));
}

static void
test_delete_unused_and_refuse_used (Fixture       *f,
                                    gconstpointer  data)
{
  WmDefinitionsWindow *window = open_window (f);
  AdwMessageDialog *dialog;

  save_shot (GTK_WIDGET (window), "admin-milestones.png");

  /* Unused: asked, then deleted. */
  dialog = ADW_MESSAGE_DIALOG (wm_definitions_window_delete (window, "review-left"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Milestone?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "“Review left” will be deleted. No flow uses it.");
  g_assert_true (adw_message_dialog_has_response (dialog, "delete"));
  adw_message_dialog_response (dialog, "cancel");
  spin (50);
  g_assert_true (has_definition (f, WM_DEFINITION_MILESTONE, "review-left"));

  dialog = ADW_MESSAGE_DIALOG (wm_definitions_window_delete (window, "review-left"));
  adw_message_dialog_response (dialog, "delete");
  spin (50);
  g_assert_false (has_definition (f, WM_DEFINITION_MILESTONE, "review-left"));
  g_assert_null (wm_definitions_window_get_row (window, WM_DEFINITION_MILESTONE, "review-left"));

  /* Used by the launched "Cart abandonment" and the scheduled
   * "Appointment reminder": refused, naming the flow, nothing to confirm. */
  dialog = ADW_MESSAGE_DIALOG (wm_definitions_window_delete (window, "cart-reminded"));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Milestone In Use");
  g_assert_false (adw_message_dialog_has_response (dialog, "delete"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "• Cart abandonment"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "Welcome message"));
  save_shot (GTK_WIDGET (dialog), "admin-milestone-in-use.png");
  adw_message_dialog_response (dialog, "close");
  spin (50);
  g_assert_true (has_definition (f, WM_DEFINITION_MILESTONE, "cart-reminded"));
  g_assert_nonnull (wm_definitions_window_get_row (window, WM_DEFINITION_MILESTONE, "cart-reminded"));

  /* Only a draft ("Welcome message") uses this one: it can go. */
  dialog = ADW_MESSAGE_DIALOG (wm_definitions_window_delete (window, "customer-welcomed"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Milestone?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Customer welcomed” will be deleted. These drafts use it and will show it as unknown until "
                   "you choose another milestone:\n\n• Welcome message");
  save_shot (GTK_WIDGET (dialog), "admin-delete-confirm.png");
  adw_message_dialog_response (dialog, "delete");
  spin (50);
  g_assert_false (has_definition (f, WM_DEFINITION_MILESTONE, "customer-welcomed"));

  destroy_window (GTK_WINDOW (window));
}

static void
test_outcomes_have_no_delete (Fixture       *f,
                              gconstpointer  data)
{
  WmDefinitionsWindow *window = open_window (f);
  g_autoptr(GPtrArray) outcomes = wm_workspace_list_definitions (f->workspace, WM_DEFINITION_OUTCOME, NULL);
  GtkWidget *row;

  g_assert_cmpuint (outcomes->len, >, 0);
  wm_definitions_window_set_kind (window, WM_DEFINITION_OUTCOME);
  g_assert_cmpint (wm_definitions_window_get_kind (window), ==, WM_DEFINITION_OUTCOME);
  spin (100);
  for (guint i = 0; i < outcomes->len; i++)
    {
      row = wm_definitions_window_get_row (window, WM_DEFINITION_OUTCOME,
                                           ((WmDefinition *) outcomes->pdata[i])->id);
      g_assert_nonnull (row);
      g_assert_nonnull (find_action_button (row, "definitions.edit"));
      g_assert_null (find_action_button (row, "definitions.delete"));
    }
  /* ...and the page says why. */
  g_assert_true (label_shown (GTK_WIDGET (window), "Outcomes cannot be deleted: reports keep counting"));
  /* A milestone row has both. */
  row = wm_definitions_window_get_row (window, WM_DEFINITION_MILESTONE, "became-vip");
  g_assert_nonnull (find_action_button (row, "definitions.delete"));
  save_shot (GTK_WIDGET (window), "admin-outcomes.png");

  destroy_window (GTK_WINDOW (window));
}

static GtkWindow *
make_app_window (Fixture *f)
{
  GtkWindow *window = g_object_new (WM_TYPE_WINDOW, NULL);

  wm_flows_page_set_workspace (wm_window_get_flows_page (WM_WINDOW (window)), f->workspace);
  gtk_window_present (window);
  spin (100);
  return window;
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return g_file_new_for_path (path);
}

static guint
n_flows (Fixture *f)
{
  return g_list_model_get_n_items (wm_workspace_get_flows (f->workspace));
}

static const char *
flow_id_named (Fixture    *f,
               const char *name)
{
  GListModel *flows = wm_workspace_get_flows (f->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(WmFlowInfo) info = g_list_model_get_item (flows, i);

      if (g_str_equal (wm_flow_info_get_name (info), name))
        return wm_flow_info_get_id (info);
    }
  return NULL;
}

static void
test_import_through_the_window (Fixture       *f,
                                gconstpointer  data)
{
  GtkWindow *window = make_app_window (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *renamed = NULL;
  g_auto(GStrv) messages = NULL;
  g_autoptr(GSList) files = NULL;
  gsize length = 0;
  guint before = n_flows (f);

  exported = wm_workspace_export_flow (f->workspace, flow_id_named (f, "Welcome message"), &length, &error);
  g_assert_no_error (error);
  /* The same flow again: kept as a copy. A broken file: nothing of it. */
  files = g_slist_append (files, write_file (f, "welcome.waymark.json", exported, length));
  files = g_slist_append (files, write_file (f, "broken.waymark.json", "{\"format\": \"waymark.flow\",", -1));
  messages = wm_window_import_files (WM_WINDOW (window), files);
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);

  g_assert_cmpuint (g_strv_length (messages), ==, 2);
  g_assert_cmpstr (messages[0], ==, "“Welcome message” already existed; imported as a copy");
  g_assert_true (g_str_has_prefix (messages[1],
                                   "“broken.waymark.json”: This is not a flow file Waymark can import: "));
  g_assert_cmpuint (n_flows (f), ==, before + 1);

  /* A toast shows one line; the long message's Details show all of it. */
  {
    AdwMessageDialog *details = NULL;
    GList *toplevels;

    g_action_group_activate_action (G_ACTION_GROUP (window), "show-message", g_variant_new_string (messages[1]));
    spin (50);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        details = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (details);
    g_assert_cmpstr (adw_message_dialog_get_body (details), ==, messages[1]);
    destroy_window (GTK_WINDOW (details));
  }
  g_clear_pointer (&messages, g_strfreev);

  /* A drop hands a GdkFileList to the window's drop target. */
  {
    GtkEventController *drop = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GFile) dropped = NULL;
    g_autoptr(GFile) picture = NULL;
    GSList *list = NULL;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller)
            && gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                                  GDK_TYPE_FILE_LIST))
          drop = controller;
      }
    g_assert_nonnull (drop);

    dropped = write_file (f, "again.waymark.json", exported, length);
    picture = write_file (f, "holiday.png", "\x89PNG", 4);
    list = g_slist_append (list, dropped);
    list = g_slist_append (list, picture);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_slist_free (list);
    g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
    g_assert_true (accepted);
    g_assert_cmpuint (n_flows (f), ==, before + 2);
  }

  if (g_getenv ("WAYMARK_SHOTS_DIR") != NULL)
    {
      /* A fresh window, so the bad file's toast is the one shown. */
      GtkWindow *fresh = make_app_window (f);
      GSList one = { .data = write_file (f, "broken.waymark.json", "{\"format\": \"waymark.flow\",", -1) };

      g_strfreev (wm_window_import_files (WM_WINDOW (fresh), &one));
      g_object_unref (one.data);
      save_shot (GTK_WIDGET (fresh), "admin-import-error-toast.png");
      destroy_window (fresh);
    }

  destroy_window (window);
}

static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (out, g_steal_pointer (&action));
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_menu_actions (link, out);
          g_object_unref (link);
        }
    }
}

/* The actions of the menu of every GtkMenuButton inside @widget. */
static void
collect_menu_button_actions (GtkWidget *widget,
                             GPtrArray *out)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), out);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_button_actions (child, out);
}

static gboolean
has_string (GPtrArray  *strings,
            const char *s)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (g_ptr_array_index (strings, i), s))
      return TRUE;
  return FALSE;
}

static void
test_menus_open_the_admin (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *window = make_app_window (f);
  g_autoptr(GPtrArray) flows_actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) editor_actions = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *admin = NULL;
  GList *toplevels;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "definitions"));

  /* The flows page's main menu offers both; the editor's flow menu the
   * admin (an import belongs to the list of flows). */
  collect_menu_button_actions (GTK_WIDGET (wm_window_get_flows_page (WM_WINDOW (window))), flows_actions);
  g_assert_true (has_string (flows_actions, "win.import"));
  g_assert_true (has_string (flows_actions, "win.definitions"));
  collect_menu_button_actions (GTK_WIDGET (wm_window_get_editor_page (WM_WINDOW (window))), editor_actions);
  g_assert_true (has_string (editor_actions, "editor.export"));
  g_assert_true (has_string (editor_actions, "win.definitions"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "definitions", NULL);
  spin (100);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (WM_IS_DEFINITIONS_WINDOW (l->data))
      admin = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (admin);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (admin)) == window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (admin)));

  /* Escape closes it. */
  g_object_ref (admin);
  gtk_widget_activate_action (admin, "window.close", NULL);
  spin (100);
  g_assert_false (gtk_widget_get_visible (admin));
  g_assert_finalize_object (admin);

  destroy_window (window);
}

static void
count_previews (GtkWidget *widget,
                guint     *n)
{
  if (WM_IS_FLOW_PREVIEW (widget))
    {
      WmVersion *version = wm_flow_preview_get_version (WM_FLOW_PREVIEW (widget));

      g_assert_nonnull (version);
      g_assert_cmpuint (wm_version_get_n_elements (version), >, 0);
      (*n)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_previews (child, n);
}

/* The template gallery of New Flow shows each template's graph, saved
 * templates too; the blank flow has none. */
static void
test_gallery_previews (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flow_id = find_flow_id (f->workspace, "Cart abandonment");
  g_autofree char *saved = wm_workspace_save_template (f->workspace, flow_id, 0, "Saved carts", &error);
  GtkWidget *dialog;
  guint n = 0;

  g_assert_no_error (error);
  templates = wm_workspace_list_templates (f->workspace, &error);
  g_assert_no_error (error);
  dialog = wm_new_flow_dialog_new (NULL, f->workspace);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  count_previews (dialog, &n);
  g_assert_cmpuint (n, ==, templates->len);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (20);
}

static gboolean
is_milestone_picker (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Milestone") == 0;
}

/* A milestone added in the admin window and used by no flow yet is offered
 * by the inspector's picker (by name), and picking it sets the element. */
static void
test_new_milestone_is_pickable (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = wm_workspace_add_definition (f->workspace, WM_DEFINITION_MILESTONE, "Coupon used", "", &error);
  g_autofree char *flow_id = find_flow_id (f->workspace, "Welcome message");
  g_autoptr(WmFlow) flow = wm_workspace_get_flow (f->workspace, flow_id, &error);
  g_autoptr(WmUndoStack) undo = NULL;
  WmVersion *version;
  WmElement *milestone = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = wm_inspector_new ();
  GtkWidget *picker;
  GListModel *choices;
  guint found = G_MAXUINT;

  g_assert_no_error (error);
  undo = wm_undo_stack_new (flow);
  version = wm_flow_get_latest_version (flow);
  for (guint i = 0; i < wm_version_get_n_elements (version) && milestone == NULL; i++)
    if (g_strcmp0 (wm_element_get_type_name (wm_version_get_element_at (version, i)), "milestone") == 0)
      milestone = wm_version_get_element_at (version, i);
  g_assert_nonnull (milestone);

  gtk_window_set_child (GTK_WINDOW (window), inspector);
  gtk_window_present (GTK_WINDOW (window));
  wm_inspector_set_element (WM_INSPECTOR (inspector), milestone, flow, undo, WM_LOOKUP (f->workspace));
  spin (50);
  picker = find_widget (inspector, is_milestone_picker, NULL);
  g_assert_nonnull (picker);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (picker));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "Coupon used"))
      found = i;
  g_assert_cmpuint (found, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (picker), found);
  spin (20);
  g_assert_cmpstr (wm_element_get_config_string (milestone, "milestone"), ==, id);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (20);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

#define ADD(path, fn) g_test_add ("/ui/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("definitions/counts-follow-the-limits", test_counts_follow_the_limits);
  ADD ("definitions/the-shown-page-search-has-the-focus", test_typing_searches);
  ADD ("definitions/add-rename-and-search", test_add_rename_and_search);
  ADD ("definitions/a-full-workspace-says-so", test_full_workspace);
  ADD ("definitions/delete-unused-and-refuse-used", test_delete_unused_and_refuse_used);
  ADD ("definitions/outcomes-have-no-delete", test_outcomes_have_no_delete);
  ADD ("definitions/window-actions-open-the-admin", test_menus_open_the_admin);
  ADD ("import/chosen-and-dropped-files-go-through-one-path", test_import_through_the_window);
  ADD ("templates/the-gallery-shows-each-templates-graph", test_gallery_previews);
  ADD ("definitions/a-new-milestone-can-be-picked-in-a-flow", test_new_milestone_is_pickable);
#undef ADD

  return g_test_run ();
}
