/* wm-journey-fields.h - what the journey panes' fields share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stage editor and the journey properties show each field's problem
 * the same way the flow inspector does: the editor's own live check (an
 * expression that does not parse, text that is not a duration) wins over
 * the last validation's diagnostic, and either one turns the field to the
 * error style with the message under it.
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "wm-validate.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget *row;          /* the field's row in its group (unowned) */
  GtkWidget *focus;        /* what focus_field focuses (unowned) */
  GtkWidget *marked;       /* what gets the error style (unowned) */
  GtkWidget *message;      /* the label under the field (unowned) */
  GtkWidget *message_row;  /* the row holding @message when it is its own, or NULL */
  GtkWidget *title;        /* a stacked row's title label, or NULL */
  char      *live_error;
  char      *diagnostic;
  gboolean   warning;     /* the diagnostic is a warning */
} WmJourneyField;

/* A field whose message goes in a row of its own, to add to the group
 * right after @row (entry, combo and action rows). */
WmJourneyField *wm_journey_field_new           (GtkWidget      *row,
                                                GtkWidget      *focus);
/* A field whose row shows @title small above @content and the message
 * under it (expressions). */
WmJourneyField *wm_journey_field_new_stacked   (const char     *title,
                                                GtkWidget      *content);
/* Retitles the field's row (and a stacked row's label). */
void            wm_journey_field_set_title     (WmJourneyField *field,
                                                const char     *title);
void            wm_journey_field_free          (WmJourneyField *field);
/* Takes @message (NULL: none). */
void            wm_journey_field_set_live_error (WmJourneyField *field,
                                                 char           *message);
/* The last validation's diagnostic for the field (NULL: none); a
 * warning is shown in the warning colour. */
void            wm_journey_field_set_diagnostic (WmJourneyField     *field,
                                                 const WmDiagnostic *diagnostic);

/* Sets @editable's text only when it differs, so the cursor of the field
 * a person types in stays where it is. NULL shows "". */
void            wm_journey_set_editable_text   (GtkWidget      *editable,
                                                const char     *text);
/* "Column 12: unexpected end" for an expression that does not parse, or
 * NULL (empty text is fine: it means always). */
char           *wm_journey_syntax_error        (const char     *text);

/* Fills @row with @labels and remembers @ids (same length, NULL-ended);
 * selects @value, adding it labelled "VALUE (unknown)" when it is not one
 * of @ids, so a value the workspace lacks is shown, not changed. Keeps the
 * model when the choices are the same. */
void            wm_journey_combo_set           (AdwComboRow    *row,
                                                const char * const *ids,
                                                const char * const *labels,
                                                const char     *value);
/* The id of the selected choice, or NULL. */
const char     *wm_journey_combo_get           (AdwComboRow    *row);

/* @object's member @key when it is a string, else NULL. */
const char     *wm_journey_object_string       (JsonObject     *object,
                                                const char     *key);

/* The first error or warning in @diagnostics (WmDiagnostic) for
 * @element (NULL: the journey's own) and @field, or NULL. */
const WmDiagnostic *wm_journey_find_diagnostic (GPtrArray      *diagnostics,
                                                const char     *element,
                                                const char     *field);

G_END_DECLS
