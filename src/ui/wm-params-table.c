/* wm-params-table.c - the run parameters as an editable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells hold text; only when the document is asked for are they read,
 * and then by the simulator's own parameters reader, so the table accepts
 * exactly what `waymark-cli simulate --params` accepts and its messages
 * name the same keys.
 */

#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gi18n.h>

#include "wm-params-table.h"

/* The table's columns, as named in a parameters document. */
static const struct
{
  const char *key;
  const char *label;
} columns[] = {
  { "price", N_("Price") },
  { "delivery", N_("Delivered") },
  { "open", N_("Opened") },
  { "click", N_("Clicked") },
  { "delivery_delay", N_("Delivery delay") },
  { "open_delay", N_("Open delay") },
  { "click_delay", N_("Click delay") },
};

static const char * const channel_labels[WM_SIM_N_CHANNELS] = {
  N_("SMS"), N_("E-mail"), N_("WhatsApp"), N_("Viber"), N_("Push"), N_("Voice"),
};

struct _WmParamsTable
{
  GtkWidget   parent_instance;

  GtkGrid    *grid;
  GHashTable *cells;   /* "sms.price", "api_success" -> GtkEntry */
};

G_DEFINE_FINAL_TYPE (WmParamsTable, wm_params_table, GTK_TYPE_WIDGET)

GtkWidget *
wm_params_table_new (void)
{
  return g_object_new (WM_TYPE_PARAMS_TABLE, NULL);
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

void
wm_params_table_set_params (WmParamsTable  *self,
                            const WmParams *params)
{
  g_return_if_fail (WM_IS_PARAMS_TABLE (self));

  for (guint c = 0; c < WM_SIM_N_CHANNELS; c++)
    {
      const WmChannelParams *p = &params->channels[c];
      const double values[G_N_ELEMENTS (columns)] = {
        p->price / 1e6, p->delivery, p->open, p->click, p->delivery_delay, p->open_delay, p->click_delay,
      };

      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", wm_sim_channel_to_string (c), columns[k].key);
          GtkEditable *entry = g_hash_table_lookup (self->cells, key);
          g_autofree char *text = NULL;

          if (entry == NULL)
            continue;
          text = format_number (values[k]);
          gtk_editable_set_text (entry, text);
        }
    }
  {
    g_autofree char *text = format_number (params->api_success);

    gtk_editable_set_text (g_hash_table_lookup (self->cells, "api_success"), text);
  }
}

static GtkWidget *
add_cell (WmParamsTable *self,
          const char    *key,
          const char    *accessible_label,
          int            column,
          int            row)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 9);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  gtk_widget_set_tooltip_text (entry, accessible_label);
  gtk_grid_attach (self->grid, entry, column, row, 1, 1);
  g_hash_table_insert (self->cells, g_strdup (key), entry);
  return entry;
}

static GtkWidget *
grid_label (const char *text,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.5 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  return label;
}

/* The channels as rows, the parameters as columns; a channel without opens
 * or clicks has no cell there (the spec ignores such keys). */
static void
build_parameters_table (WmParamsTable *self)
{
  WmParams defaults;

  wm_params_init_defaults (&defaults);
  for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
    {
      GtkWidget *label = grid_label (_(columns[k].label), 1.0);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_grid_attach (self->grid, label, k + 1, 0, 1, 1);
    }
  for (guint c = 0; c < WM_SIM_N_CHANNELS; c++)
    {
      const WmChannelParams *p = &defaults.channels[c];

      gtk_grid_attach (self->grid, grid_label (_(channel_labels[c]), 0.0), 0, c + 1, 1, 1);
      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        {
          const char *name = columns[k].key;
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;

          if ((!p->has_open && g_str_has_prefix (name, "open"))
              || (!p->has_click && g_str_has_prefix (name, "click")))
            continue;
          key = g_strdup_printf ("%s.%s", wm_sim_channel_to_string (c), name);
          /* Translators: a parameter's cell, e.g. "SMS Delivered" */
          label = g_strdup_printf (C_("parameter", "%s %s"), _(channel_labels[c]), _(columns[k].label));
          add_cell (self, key, label, k + 1, c + 1);
        }
    }
  gtk_grid_attach (self->grid, grid_label (_("API calls succeed"), 0.0), 0, WM_SIM_N_CHANNELS + 1, 2, 1);
  add_cell (self, "api_success", _("API calls succeed"), 2, WM_SIM_N_CHANNELS + 1);
}

gboolean
wm_params_table_set_cell (WmParamsTable *self,
                          const char    *channel,
                          const char    *key,
                          const char    *text)
{
  g_autofree char *name = NULL;
  GtkEditable *entry;

  g_return_val_if_fail (WM_IS_PARAMS_TABLE (self), FALSE);

  name = channel != NULL ? g_strdup_printf ("%s.%s", channel, key) : g_strdup ("api_success");
  entry = g_hash_table_lookup (self->cells, name);
  if (entry == NULL)
    return FALSE;
  gtk_editable_set_text (entry, text);
  return TRUE;
}

/* A cell's text as a JSON number; FALSE with a message naming the cell. */
static gboolean
read_cell (WmParamsTable  *self,
           const char     *key,
           JsonObject     *into,
           const char     *member,
           GError        **error)
{
  GtkWidget *entry = g_hash_table_lookup (self->cells, key);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  const char *label = gtk_widget_get_tooltip_text (entry);
  char *end = NULL;
  double value;

  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || errno != 0 || !isfinite (value))
    {
      g_set_error (error, WM_PARAMS_ERROR, WM_PARAMS_ERROR_INVALID,
                   _("%s: “%s” is not a number; write it with a dot, e.g. 0.95"), label, text);
      return FALSE;
    }
  json_object_set_double_member (into, member, value);
  return TRUE;
}

/* The document of the table, checked by the simulator's own reader. */
char *
wm_params_table_get_document (WmParamsTable  *self,
                              WmParams       *params,
                              GError        **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) full = NULL;
  g_autofree char *text = NULL;
  JsonObject *channels = json_object_new ();

  json_object_set_object_member (root, "channels", channels);
  for (guint c = 0; c < WM_SIM_N_CHANNELS; c++)
    {
      JsonObject *channel = json_object_new ();

      json_object_set_object_member (channels, wm_sim_channel_to_string (c), channel);
      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", wm_sim_channel_to_string (c), columns[k].key);

          if (g_hash_table_contains (self->cells, key)
              && !read_cell (self, key, channel, columns[k].key, error))
            return NULL;
        }
    }
  if (!read_cell (self, "api_success", root, "api_success", error))
    return NULL;
  node = json_node_init_object (json_node_alloc (), root);
  text = json_to_string (node, FALSE);
  wm_params_init_defaults (params);
  if (!wm_params_load_data (params, text, -1, error))
    return NULL;
  /* As the reader sees it: every parameter, prices rounded to
   * micro-units. */
  full = wm_params_to_json (params);
  return json_to_string (full, FALSE);
}

static void
wm_params_table_dispose (GObject *object)
{
  WmParamsTable *self = WM_PARAMS_TABLE (object);

  if (self->grid != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->grid));
      self->grid = NULL;
    }
  G_OBJECT_CLASS (wm_params_table_parent_class)->dispose (object);
}

static void
wm_params_table_finalize (GObject *object)
{
  WmParamsTable *self = WM_PARAMS_TABLE (object);

  g_hash_table_unref (self->cells);
  G_OBJECT_CLASS (wm_params_table_parent_class)->finalize (object);
}

static void
wm_params_table_class_init (WmParamsTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_params_table_dispose;
  object_class->finalize = wm_params_table_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wm_params_table_init (WmParamsTable *self)
{
  WmParams defaults;

  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 6);
  gtk_widget_set_halign (GTK_WIDGET (self->grid), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->grid), GTK_WIDGET (self));
  build_parameters_table (self);
  wm_params_init_defaults (&defaults);
  wm_params_table_set_params (self, &defaults);
}
