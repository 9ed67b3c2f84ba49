/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "wm-catalogue.h"
#include "wm-flow-io.h"
#include "wm-inspector.h"
#include "wm-validate.h"

#define ALL_TYPES TEST_SRCDIR "/core/data/all-types.waymark.json"

typedef struct
{
  WmFlow      *flow;
  WmUndoStack *undo;
  GtkWidget   *window;
  WmInspector *inspector;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->flow = wm_flow_load_from_file (ALL_TYPES, &error);
  g_assert_no_error (error);
  f->undo = wm_undo_stack_new (f->flow);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 700);
  f->inspector = WM_INSPECTOR (wm_inspector_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->inspector));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->inspector), (gpointer *) &f->inspector);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_null (f->inspector);
  g_assert_finalize_object (f->undo);
  g_assert_finalize_object (f->flow);
}

static WmElement *
show (Fixture    *f,
      guint       version,
      const char *id)
{
  WmElement *element = wm_version_find_element (wm_flow_get_version (f->flow, version), id);

  g_assert_nonnull (element);
  wm_inspector_set_element (f->inspector, element, f->flow, f->undo, NULL);
  return element;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *out)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, out);
}

static GtkWidget *
find_nth_named (GtkWidget  *widget,
                const char *name,
                guint       n)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();

  collect_named (widget, name, all);
  return n < all->len ? g_ptr_array_index (all, n) : NULL;
}

/* A visible label of @row with @css_class ("field-info" for the info line,
 * "field-message" for errors), or NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class)
      && gtk_widget_get_visible (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
canonical (Fixture *f)
{
  return wm_flow_to_canonical (f->flow, NULL);
}

static void
test_builds_an_editor_for_every_field (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint fields = 0;

  gtk_window_present (GTK_WINDOW (f->window));
  for (guint v = 0; v < wm_flow_get_n_versions (f->flow); v++)
    {
      WmVersion *version = wm_flow_get_version_at (f->flow, v);

      for (guint i = 0; i < wm_version_get_n_elements (version); i++)
        {
          WmElement *element = wm_version_get_element_at (version, i);
          const WmElementType *type = wm_element_get_element_type (element);

          wm_inspector_set_element (f->inspector, element, f->flow, f->undo, NULL);
          g_assert_true (wm_inspector_get_element (f->inspector) == element);
          g_assert_nonnull (wm_inspector_get_field_row (f->inspector, "name"));
          for (guint k = 0; k < type->n_fields; k++)
            {
              GtkWidget *row = wm_inspector_get_field_row (f->inspector, type->fields[k].name);

              g_assert_nonnull (row);
              g_assert_true (gtk_widget_get_visible (row));
              g_assert_true (gtk_widget_is_ancestor (row, GTK_WIDGET (f->inspector)));
              /* A file without problems shows no error. */
              g_assert_false (gtk_widget_has_css_class (row, "error"));
              fields++;
            }
          g_hash_table_add (seen, (gpointer) type->type);
          /* Draw it: a widget that cannot lay out its editors warns. */
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 25);
  /* Building and showing must not have changed the flow. */
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 0);
  g_assert_cmpuint (fields, >=, 50);
}

static void
test_editing_pushes_one_command_undo_restores (Fixture       *f,
                                               gconstpointer  data)
{
  g_autofree char *before = canonical (f);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  WmElement *element = show (f, 1, "e2");
  GtkWidget *sender = wm_inspector_get_field_row (f->inspector, "sender");

  g_assert_true (ADW_IS_ENTRY_ROW (sender));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sender)), ==, "Shop");

  gtk_editable_set_text (GTK_EDITABLE (sender), "Outlet");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);
  g_assert_cmpstr (wm_element_get_config_string (element, "sender"), ==, "Outlet");
  after = canonical (f);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (wm_undo_stack_undo (f->undo));
  undone = canonical (f);
  g_assert_cmpstr (undone, ==, before);
  /* The editor follows the model. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sender)), ==, "Shop");

  g_assert_true (wm_undo_stack_redo (f->undo));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sender)), ==, "Outlet");
}

static void
test_typing_quickly_is_one_undo_step (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *before = canonical (f);
  g_autofree char *undone = NULL;
  WmElement *element = show (f, 1, "e1");
  GtkWidget *event = wm_inspector_get_field_row (f->inspector, "event");
  const char *keys[] = { "N", "o", "w", "!", "?" };
  int position;

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (event);
  gtk_editable_set_position (GTK_EDITABLE (event), -1);
  /* As a keystroke does: insert at the cursor, then move it. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      position = gtk_editable_get_position (GTK_EDITABLE (event));
      gtk_editable_insert_text (GTK_EDITABLE (event), keys[i], 1, &position);
      gtk_editable_set_position (GTK_EDITABLE (event), position);
    }

  g_assert_cmpstr (wm_element_get_config_string (element, "event"), ==, "CartAbandonedNow!?");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);
  /* The model's notifications did not rewrite the entry under the cursor. */
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (event)), ==, (int) strlen ("CartAbandonedNow!?"));

  g_assert_true (wm_undo_stack_undo (f->undo));
  undone = canonical (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (event)), ==, "CartAbandoned");
}

static void
test_renaming_is_one_command (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *before = canonical (f);
  g_autofree char *undone = NULL;
  WmElement *element = show (f, 1, "e8");
  GtkWidget *name = wm_inspector_get_field_row (f->inspector, "name");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Wait a day");
  gtk_editable_set_text (GTK_EDITABLE (name), "Pause");
  g_assert_cmpstr (wm_element_get_name (element), ==, "Pause");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);
  g_assert_true (wm_undo_stack_undo (f->undo));
  undone = canonical (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Wait a day");
}

static void
set_text_view (GtkWidget  *row,
               const char *text)
{
  GtkWidget *view = find_widget (row, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
test_sms_segment_line (Fixture       *f,
                       gconstpointer  data)
{
  WmElement *element = show (f, 1, "e2");
  GtkWidget *row = wm_inspector_get_field_row (f->inspector, "text");
  g_autofree char *long_unicode = NULL;
  GtkLabel *info;

  /* "Hi {{ profile.first_name }}, your cart is waiting": the placeholder
   * counts as nothing, leaving "Hi , your cart is waiting" (25). */
  info = find_label (row, "field-info");
  g_assert_nonnull (info);
  g_assert_cmpstr (gtk_label_get_text (info), ==, "GSM-7 · 1 segment · 25 characters");

  set_text_view (row, "Hello there, your cart is waiting!");
  g_assert_cmpstr (wm_element_get_config_string (element, "text"), ==,
                   "Hello there, your cart is waiting!");
  g_assert_cmpstr (gtk_label_get_text (find_label (row, "field-info")), ==,
                   "GSM-7 · 1 segment · 34 characters");

  /* Č is not in the GSM-7 alphabet: UCS-2, 70 units a segment, 67 when
   * split, so 71 characters are 2 segments. */
  long_unicode = g_strconcat ("Č", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", NULL);
  g_assert_cmpuint (g_utf8_strlen (long_unicode, -1), ==, 71);
  set_text_view (row, long_unicode);
  g_assert_cmpstr (gtk_label_get_text (find_label (row, "field-info")), ==,
                   "Unicode · 2 segments · 71 characters");

  /* Other texts get no SMS line. */
  show (f, 1, "e5");
  g_assert_null (find_label (wm_inspector_get_field_row (f->inspector, "text"), "field-info"));
}

static void
test_syntax_error_shows_its_column (Fixture       *f,
                                    gconstpointer  data)
{
  WmElement *element = show (f, 1, "e1");
  GtkWidget *row = wm_inspector_get_field_row (f->inspector, "where");
  GtkWidget *entry = find_widget (row, GTK_TYPE_ENTRY);
  GtkLabel *message;

  g_assert_null (find_label (row, "field-message"));

  /* expressions.md: the first character the parser cannot accept, the
   * '*' at column 5. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "1 + * 2");
  message = find_label (row, "field-message");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (message), "Column 5: "));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  /* The text is kept as typed; validation reports it too. */
  g_assert_cmpstr (wm_element_get_config_string (element, "where"), ==, "1 + * 2");

  gtk_editable_set_text (GTK_EDITABLE (entry), "1 + 2");
  g_assert_null (find_label (row, "field-message"));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* A template: an unterminated {{ at column 4. */
  show (f, 1, "e2");
  row = wm_inspector_get_field_row (f->inspector, "text");
  set_text_view (row, "Hi {{ profile.name");
  message = find_label (row, "field-message");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (message), "Column 4: "));

  /* A branch condition: the message names the item; the text ends too
   * early, so the column is one past its 13 characters. */
  show (f, 1, "e12");
  row = wm_inspector_get_field_row (f->inspector, "branches");
  entry = find_nth_named (row, "when", 1);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "var.amount >=");
  message = find_label (row, "field-message");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (message), "Item 2: Column 14: "));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_has_css_class (find_nth_named (row, "when", 0), "error"));
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 3);
}

static void
test_diagnostics_mark_fields_and_focus_goes_there (Fixture       *f,
                                                   gconstpointer  data)
{
  WmDiagnostic sender = { WM_SEVERITY_ERROR, "field-missing", 1, (char *) "e2", (char *) "sender",
                          (char *) "Give the sender.", 0 };
  WmDiagnostic window = { WM_SEVERITY_ERROR, "field-invalid", 1, (char *) "e2", (char *) "send_window.from",
                          (char *) "“From” must be earlier.", 0 };
  WmDiagnostic other = { WM_SEVERITY_ERROR, "field-missing", 1, (char *) "e5", (char *) "sender",
                         (char *) "Not this one.", 0 };
  g_autoptr (GPtrArray) diagnostics = g_ptr_array_new ();
  GtkWidget *row;
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (f->window));
  show (f, 1, "e2");
  g_ptr_array_add (diagnostics, &sender);
  g_ptr_array_add (diagnostics, &window);
  g_ptr_array_add (diagnostics, &other);
  wm_inspector_set_diagnostics (f->inspector, diagnostics);

  row = wm_inspector_get_field_row (f->inspector, "sender");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Give the sender.");
  row = wm_inspector_get_field_row (f->inspector, "send_window");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "“From” must be earlier.");
  g_assert_false (gtk_widget_has_css_class (wm_inspector_get_field_row (f->inspector, "text"), "error"));

  /* Activating the diagnostic goes to the field, inside the send window. */
  g_assert_true (wm_inspector_focus_field (f->inspector, "send_window.from"));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL
                 && g_str_equal (gtk_widget_get_name (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY)), "from"));
  g_assert_false (wm_inspector_focus_field (f->inspector, "no-such-field"));

  /* Another element of the same diagnostics: only its own marks. */
  show (f, 1, "e5");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (wm_inspector_get_field_row (f->inspector, "sender")), ==,
                   "Not this one.");
  wm_inspector_set_diagnostics (f->inspector, NULL);
  g_assert_false (gtk_widget_has_css_class (wm_inspector_get_field_row (f->inspector, "sender"), "error"));
}

static void
test_list_add_and_remove_are_one_command_each (Fixture       *f,
                                               gconstpointer  data)
{
  g_autofree char *before = canonical (f);
  g_autofree char *undone = NULL;
  WmElement *element = show (f, 1, "e13");
  GtkWidget *row = wm_inspector_get_field_row (f->inspector, "variants");
  JsonNode *variants;

  g_signal_emit_by_name (find_nth_named (row, "add", 0), "clicked");
  variants = wm_element_get_config_member (element, "variants");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (variants)), ==, 4);
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);
  g_assert_nonnull (find_nth_named (row, "weight", 3));

  /* A weight that is not a number above 0 is marked and not stored. */
  gtk_editable_set_text (GTK_EDITABLE (find_nth_named (row, "weight", 3)), "-2");
  g_assert_true (gtk_widget_has_css_class (find_nth_named (row, "weight", 3), "error"));
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);

  g_assert_true (wm_undo_stack_undo (f->undo));
  undone = canonical (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_null (find_nth_named (row, "weight", 3));
}

static void
test_reaction_follows_the_message (Fixture       *f,
                                   gconstpointer  data)
{
  WmElement *element = show (f, 1, "e11");
  AdwComboRow *message = ADW_COMBO_ROW (wm_inspector_get_field_row (f->inspector, "element"));
  AdwComboRow *reaction = ADW_COMBO_ROW (wm_inspector_get_field_row (f->inspector, "reaction"));
  GListModel *messages = adw_combo_row_get_model (message);

  /* The six send.* elements of version 1, by display name. */
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 6);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (messages), 0), ==, "Reminder SMS");
  g_assert_cmpuint (adw_combo_row_get_selected (message), ==, 1);   /* e3, the e-mail */
  /* An e-mail is delivered, opened, clicked. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (reaction)), ==, 3);

  /* Choosing the voice call (delivered only) is one command; its reactions
   * follow, and "opened" stays visible since the file says so. */
  adw_combo_row_set_selected (message, 5);
  g_assert_cmpstr (wm_element_get_config_string (element, "element"), ==, "e7");
  g_assert_cmpuint (wm_undo_stack_get_n_undo (f->undo), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (reaction)), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (reaction)), 0), ==,
                   "Delivered");
}

int
main (int   argc,
      char *argv[])
{
  /* The isolated data dirs hide the MIME database that gdk-pixbuf needs
   * to load the SVG icons: read it first. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/inspector/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("builds-an-editor-for-every-field-of-every-type", test_builds_an_editor_for_every_field);
  ADD ("editing-pushes-one-command-that-undo-reverts", test_editing_pushes_one_command_undo_restores);
  ADD ("typing-quickly-is-one-undo-step", test_typing_quickly_is_one_undo_step);
  ADD ("renaming-is-one-command", test_renaming_is_one_command);
  ADD ("sms-text-shows-encoding-segments-and-characters", test_sms_segment_line);
  ADD ("syntax-error-shows-its-column", test_syntax_error_shows_its_column);
  ADD ("diagnostics-mark-fields-and-focus-goes-there", test_diagnostics_mark_fields_and_focus_goes_there);
  ADD ("list-add-is-one-command", test_list_add_and_remove_are_one_command_each);
  ADD ("reaction-follows-the-message", test_reaction_follows_the_message);
#undef ADD

  return g_test_run ();
}
