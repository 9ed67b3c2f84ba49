/* wm-journey-card.c - one stage on the journey board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card reads the stage object as it is, valid or not: the board shows
 * a journey while it is being edited, so a missing or wrong field reads
 * "Not set" rather than hiding the card (the validation panel says what
 * to do about it).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-journey-card.h"
#include "wm-time.h"

struct _WmJourneyCard
{
  GtkButton parent_instance;

  char *stage_id;
  GtkLabel *name;
  GtkLabel *begins;
  GtkLabel *completes;
  GtkLabel *duration;
  GtkLabel *flows;
  GtkImage *mark;
};

G_DEFINE_FINAL_TYPE (WmJourneyCard, wm_journey_card, GTK_TYPE_BUTTON)

static void
wm_journey_card_finalize (GObject *object)
{
  WmJourneyCard *self = WM_JOURNEY_CARD (object);

  g_free (self->stage_id);
  G_OBJECT_CLASS (wm_journey_card_parent_class)->finalize (object);
}

static void
wm_journey_card_class_init (WmJourneyCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_journey_card_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "button");
}

static GtkLabel *
add_fact (GtkGrid    *grid,
          int         row,
          const char *caption)
{
  GtkWidget *key = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_widget_add_css_class (key, "caption");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value, "caption");
  gtk_widget_set_hexpand (value, TRUE);
  gtk_grid_attach (grid, key, 0, row, 1, 1);
  gtk_grid_attach (grid, value, 1, row, 1, 1);
  return GTK_LABEL (value);
}

static void
wm_journey_card_init (WmJourneyCard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "journey-card");

  self->name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name, 0);
  gtk_label_set_ellipsize (self->name, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name), "heading");
  self->mark = GTK_IMAGE (gtk_image_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->mark), "journey-card-mark");
  gtk_box_append (GTK_BOX (title), GTK_WIDGET (self->name));
  gtk_box_append (GTK_BOX (title), GTK_WIDGET (self->mark));

  self->begins = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->begins, 0);
  gtk_label_set_wrap (self->begins, TRUE);
  gtk_label_set_wrap_mode (self->begins, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->begins, 2);
  gtk_label_set_ellipsize (self->begins, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->begins), "journey-card-begins");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  self->completes = add_fact (GTK_GRID (grid), 0, _("Completes"));
  self->duration = add_fact (GTK_GRID (grid), 1, _("Should take"));
  self->flows = add_fact (GTK_GRID (grid), 2, _("Flows"));

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->begins));
  gtk_box_append (GTK_BOX (box), grid);
  gtk_button_set_child (GTK_BUTTON (self), box);
}

GtkWidget *
wm_journey_card_new (const char *stage_id)
{
  WmJourneyCard *self = g_object_new (WM_TYPE_JOURNEY_CARD, NULL);

  self->stage_id = g_strdup (stage_id);
  return GTK_WIDGET (self);
}

const char *
wm_journey_card_get_stage_id (WmJourneyCard *self)
{
  g_return_val_if_fail (WM_IS_JOURNEY_CARD (self), NULL);

  return self->stage_id;
}

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object,
            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "Begins with the journey", "After Registered, Onboarded"; @in_sentence:
 * the same words to follow a comma ("begins with the journey"). */
static char *
describe_begins (JsonObject *stage,
                 GHashTable *names,
                 gboolean    in_sentence)
{
  JsonObject *begins = get_object (stage, "begins");
  const char *when = get_string (begins, "when");
  JsonArray *after = get_array (begins, "after");
  g_autoptr(GString) list = NULL;

  if (g_strcmp0 (when, "journey") == 0)
    return g_strdup (in_sentence ? _("begins with the journey") : _("Begins with the journey"));
  if (g_strcmp0 (when, "manual") == 0)
    return g_strdup (in_sentence ? _("begins by hand") : _("Begins by hand"));
  if (g_strcmp0 (when, "after") != 0)
    return g_strdup (in_sentence ? _("how it begins is not set") : _("How it begins is not set"));

  list = g_string_new (NULL);
  for (guint i = 0; after != NULL && i < json_array_get_length (after); i++)
    {
      JsonNode *node = json_array_get_element (after, i);
      const char *id, *name;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      id = json_node_get_string (node);
      name = names != NULL ? g_hash_table_lookup (names, id) : NULL;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, name != NULL ? name : id);
    }
  if (list->len == 0)
    return g_strdup (in_sentence ? _("waits for no stage yet") : _("Waits for no stage yet"));
  /* TRANSLATORS: how a stage begins; %s lists the stages it waits for. */
  return g_strdup_printf (in_sentence ? _("after %s") : _("After %s"), list->str);
}

/* "3 steps", "By hand"; @in_sentence: after a comma ("by hand"). */
static char *
describe_completes (JsonObject *stage,
                    gboolean    in_sentence)
{
  const char *completes = get_string (stage, "completes");
  JsonArray *steps = get_array (stage, "steps");
  guint n_steps = steps != NULL ? json_array_get_length (steps) : 0;

  if (g_strcmp0 (completes, "manual") == 0)
    return g_strdup (in_sentence ? _("completes by hand") : _("By hand"));
  if (g_strcmp0 (completes, "steps") != 0)
    return g_strdup (in_sentence ? _("how it completes is not set") : _("Not set"));
  if (n_steps == 0)
    return g_strdup (in_sentence ? _("no steps") : _("No steps"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_steps), n_steps);
}

static char *
describe_duration (JsonObject *stage)
{
  const char *text = get_string (stage, "duration");
  gint64 seconds;

  if (text == NULL || !wm_duration_parse (text, &seconds))
    return g_strdup (_("Not set"));
  /* Stages take days: "14 days" reads better here than "2 weeks". */
  if (seconds > 0 && seconds % (24 * 3600) == 0)
    {
      guint days = seconds / (24 * 3600);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
    }
  return wm_duration_describe (seconds);
}

static char *
describe_flows (JsonObject *stage)
{
  JsonArray *flows = get_array (stage, "flows");
  guint n = flows != NULL ? json_array_get_length (flows) : 0;

  if (n == 0)
    return g_strdup (_("None"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u flow", "%u flows", n), n);
}

void
wm_journey_card_update (WmJourneyCard *self,
                        JsonObject    *stage,
                        GHashTable    *names,
                        guint          n_errors,
                        guint          n_warnings,
                        const char    *problems)
{
  const char *name = get_string (stage, "name");
  g_autofree char *begins = describe_begins (stage, names, FALSE);
  g_autofree char *completes = describe_completes (stage, FALSE);
  g_autofree char *completes_phrase = describe_completes (stage, TRUE);
  g_autofree char *duration = describe_duration (stage);
  g_autofree char *flows = describe_flows (stage);
  g_autofree char *label = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *begins_phrase = describe_begins (stage, names, TRUE);

  g_return_if_fail (WM_IS_JOURNEY_CARD (self));

  if (name == NULL || *name == '\0')
    name = self->stage_id;
  gtk_label_set_text (self->name, name);
  gtk_label_set_text (self->begins, begins);
  gtk_label_set_text (self->completes, completes);
  gtk_label_set_text (self->duration, duration);
  gtk_label_set_text (self->flows, flows);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->begins), begins);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
  if (n_errors > 0)
    {
      gtk_image_set_from_icon_name (self->mark, "dialog-error-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      marks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
    }
  else if (n_warnings > 0)
    {
      gtk_image_set_from_icon_name (self->mark, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
      marks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings), n_warnings);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mark), marks != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mark), problems);

  /* What a screen reader says, and what AT-SPI tests look for:
   * "Stage Registered, begins with the journey, 1 step". */
  /* TRANSLATORS: a stage card's accessible name: name, how it begins,
   * how it completes ("Stage Registered, begins with the journey, 1 step"). */
  label = g_strdup_printf (_("Stage %s, %s, %s"), name, begins_phrase, completes_phrase);
  if (marks != NULL)
    {
      char *with_marks = g_strconcat (label, ", ", marks, NULL);

      g_free (label);
      label = with_marks;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
wm_journey_card_set_selected (WmJourneyCard *self,
                              gboolean       selected)
{
  g_return_if_fail (WM_IS_JOURNEY_CARD (self));

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}
