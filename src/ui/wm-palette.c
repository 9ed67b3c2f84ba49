/* wm-palette.c - the element types to add to a flow, by category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "wm-catalogue.h"
#include "wm-palette.h"

struct _WmPalette
{
  GtkWidget parent_instance;

  char *search_key;   /* normalized, case-folded search text, or NULL */

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (WmPalette, wm_palette, GTK_TYPE_WIDGET)

enum { TYPE_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const category_classes[] = {
  "category-entry", "category-channel", "category-function", "category-milestone", "category-exit",
};
G_STATIC_ASSERT (G_N_ELEMENTS (category_classes) == WM_N_CATEGORIES);

const char *
wm_category_get_css_class (guint category)
{
  g_return_val_if_fail (category < WM_N_CATEGORIES, NULL);
  return category_classes[category];
}

static const WmElementType *
row_get_type (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "wm-element-type");
}

/* Search compares normalized, case-folded text so "sms" finds "SMS" and
 * "e-mail" finds "E-mail" whatever the case or composition. */
static char *
make_key (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : g_strdup ("");
}

static gboolean
matches (const char *text,
         const char *key)
{
  g_autofree char *folded = make_key (text);

  return strstr (folded, key) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  WmPalette *self = user_data;
  const WmElementType *type = row_get_type (row);

  if (self->search_key == NULL)
    return TRUE;
  return matches (_(type->label), self->search_key)
         || matches (_(type->description), self->search_key)
         || matches (wm_category_get_label (type->category), self->search_key)
         || matches (type->type, self->search_key);
}

/* A category's title above its first visible type. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const WmElementType *type = row_get_type (row);
  GtkWidget *header;

  if (before != NULL && row_get_type (before)->category == type->category)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL || g_strcmp0 (gtk_widget_get_name (header), category_classes[type->category]) != 0)
    {
      header = gtk_label_new (wm_category_get_label (type->category));
      gtk_widget_set_name (header, category_classes[type->category]);
      gtk_label_set_xalign (GTK_LABEL (header), 0.0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "palette-header");
      gtk_widget_add_css_class (header, category_classes[type->category]);
      gtk_list_box_row_set_header (row, header);
    }
}

static GdkContentProvider *
drag_source_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkListBoxRow *row)
{
  const WmElementType *type = row_get_type (row);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, paintable, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_STRING, type->type);
}

static GtkWidget *
create_row (const WmElementType *type)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (type->icon_name);
  GtkWidget *title = gtk_label_new (_(type->label));
  GtkWidget *description = gtk_label_new (_(type->description));
  GtkDragSource *source = gtk_drag_source_new ();

  g_object_set_data (G_OBJECT (row), "wm-element-type", (gpointer) type);
  gtk_widget_add_css_class (row, "palette-item");
  gtk_widget_add_css_class (row, category_classes[type->category]);
  gtk_widget_set_tooltip_text (row, _(type->description));

  gtk_widget_add_css_class (icon, "category-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_label_set_xalign (GTK_LABEL (description), 0.0);
  /* Two lines at most: the description is what tells similar types apart. */
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_lines (GTK_LABEL (description), 2);
  gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 30);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (texts), description);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(type->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(type->description),
                                  -1);

  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_source_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static void
update_visibility (WmPalette *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
  gtk_list_box_invalidate_headers (self->list_box);
  gtk_stack_set_visible_child_name (self->stack,
                                    wm_palette_get_n_visible (self) > 0 ? "list" : "empty");
}

static void
search_entry_search_changed_cb (WmPalette *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    self->search_key = make_key (stripped);
  update_visibility (self);
}

static void
search_entry_activate_cb (WmPalette *self)
{
  wm_palette_activate_first (self);
}

static void
search_entry_stop_search_cb (WmPalette *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Down from the search entry goes to the first visible type. */
static gboolean
search_entry_key_pressed_cb (WmPalette       *self,
                             guint            keyval,
                             guint            keycode,
                             GdkModifierType  state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
      {
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (child));
        gtk_widget_grab_focus (child);
        return GDK_EVENT_STOP;
      }
  return GDK_EVENT_PROPAGATE;
}

static void
list_box_row_activated_cb (WmPalette     *self,
                           GtkListBoxRow *row)
{
  g_signal_emit (self, signals[TYPE_ACTIVATED], 0, row_get_type (row)->type);
}

static void
wm_palette_dispose (GObject *object)
{
  WmPalette *self = WM_PALETTE (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_PALETTE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (wm_palette_parent_class)->dispose (object);
}

static void
wm_palette_finalize (GObject *object)
{
  WmPalette *self = WM_PALETTE (object);

  g_free (self->search_key);

  G_OBJECT_CLASS (wm_palette_parent_class)->finalize (object);
}

static gboolean
wm_palette_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (WM_PALETTE (widget)->search_entry));
}

static void
wm_palette_class_init (WmPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_palette_dispose;
  object_class->finalize = wm_palette_finalize;
  widget_class->grab_focus = wm_palette_grab_focus;

  /**
   * WmPalette::type-activated:
   * @type: the element type name, e.g. "send.sms"
   *
   * An item was activated (Enter or a double click).
   */
  signals[TYPE_ACTIVATED] =
    g_signal_new ("type-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, WmPalette, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WmPalette, stack);
  gtk_widget_class_bind_template_child (widget_class, WmPalette, list_box);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_box_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "palette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_palette_init (WmPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The catalogue lists the types category by category. */
  for (guint i = 0; i < wm_catalogue_get_n_types (); i++)
    gtk_list_box_append (self->list_box, create_row (wm_catalogue_get_type_at (i)));

  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);
  /* Typing while the list has the focus searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_entry_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
}

GtkWidget *
wm_palette_new (void)
{
  return g_object_new (WM_TYPE_PALETTE, NULL);
}

const char *
wm_palette_get_search_text (WmPalette *self)
{
  g_return_val_if_fail (WM_IS_PALETTE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
wm_palette_set_search_text (WmPalette  *self,
                            const char *text)
{
  g_return_if_fail (WM_IS_PALETTE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* GtkSearchEntry delays search-changed; a caller setting the text wants
   * the result now. */
  search_entry_search_changed_cb (self);
}

guint
wm_palette_get_n_visible (WmPalette *self)
{
  guint n = 0;

  g_return_val_if_fail (WM_IS_PALETTE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
      n++;
  return n;
}

gboolean
wm_palette_activate_first (WmPalette *self)
{
  g_return_val_if_fail (WM_IS_PALETTE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
      {
        g_signal_emit (self, signals[TYPE_ACTIVATED], 0, row_get_type (GTK_LIST_BOX_ROW (child))->type);
        return TRUE;
      }
  return FALSE;
}
