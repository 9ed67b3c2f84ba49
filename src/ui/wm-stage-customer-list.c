/* wm-stage-customer-list.c - the customers stuck (or behind, or waiting) in a stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run's program is compiled once, the first time it is needed, and
 * shared by reference with every scan: a scan runs in a thread and the
 * program must outlive it even when the list is gone or a newer scan has
 * started (the old one is cancelled, and its answer dropped).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-stage-customer-list.h"

/* The program, shared by the list and its scans. */
typedef struct
{
  WmSimProgram *program;
} ProgramRef;

static void
program_ref_clear (gpointer data)
{
  ProgramRef *ref = data;

  g_clear_pointer (&ref->program, wm_sim_program_free);
}

static void
program_ref_release (ProgramRef *ref)
{
  g_rc_box_release_full (ref, program_ref_clear);
}

struct _WmStageCustomerList
{
  GtkWidget     parent_instance;

  gint64        run_id;
  char         *profiles_path;
  WmStageCustomerListProgramFunc make_program;
  gpointer      program_data;
  GDestroyNotify program_destroy;
  ProgramRef   *program;        /* NULL until first needed */

  char         *journey_id;
  char         *stage_id;
  char         *stage_name;
  WmStageState  state;
  GCancellable *cancellable;    /* of the running scan */
  gboolean      changing_state; /* while the toggles are set */

  GtkWidget    *box;
  GtkWidget    *heading;
  GtkWidget    *toggles[3];     /* stuck, behind, waiting */
  GtkWidget    *spinner;
  GtkWidget    *status;
  GtkWidget    *list;
};

G_DEFINE_FINAL_TYPE (WmStageCustomerList, wm_stage_customer_list, GTK_TYPE_WIDGET)

static const WmStageState toggle_states[3] = { WM_STAGE_STUCK, WM_STAGE_BEHIND, WM_STAGE_WAITING };

typedef struct
{
  WmStageCustomerList *self;
  ProgramRef          *program;
  GCancellable        *cancellable;
} Scan;

static void
scan_free (Scan *scan)
{
  g_object_unref (scan->self);
  program_ref_release (scan->program);
  g_object_unref (scan->cancellable);
  g_free (scan);
}

static void
clear_list (WmStageCustomerList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  gtk_widget_set_visible (self->list, FALSE);
}

static void
set_status (WmStageCustomerList *self,
            const char          *text,
            gboolean             busy,
            gboolean             error)
{
  gtk_label_set_text (GTK_LABEL (self->status), text);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_visible (self->spinner, busy);
  if (error)
    gtk_widget_add_css_class (self->status, "error");
  else
    gtk_widget_remove_css_class (self->status, "error");
}

static void
cancel_scan (WmStageCustomerList *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* "12 customers stuck", "No customers stuck". */
static char *
describe_total (WmStageState state,
                guint        total)
{
  switch (state)
    {
    case WM_STAGE_BEHIND:
      if (total == 0)
        return g_strdup (_("No customers behind"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer behind", "%u customers behind", total),
                              total);
    case WM_STAGE_WAITING:
      if (total == 0)
        return g_strdup (_("No customers waiting"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer waiting", "%u customers waiting", total),
                              total);
    case WM_STAGE_STUCK:
    case WM_STAGE_ON_TRACK:
    case WM_STAGE_COMPLETED_ON_TIME:
    case WM_STAGE_COMPLETED_LATE:
    default:
      if (total == 0)
        return g_strdup (_("No customers stuck"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer stuck", "%u customers stuck", total),
                              total);
    }
}

/* "12 customers stuck, showing the first 200" when not all are listed. */
static char *
describe_count (WmStageState state,
                guint        total,
                guint        shown)
{
  g_autofree char *count = describe_total (state, total);

  if (shown >= total)
    return g_steal_pointer (&count);
  /* Translators: "230 customers stuck, showing the first 200" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, showing the first %u", "%s, showing the first %u", shown),
                          count, shown);
}

static GtkWidget *
customer_row (WmStageCustomerList   *self,
              const WmStageCustomer *customer)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (customer->since);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: a date and time as shown, see g_date_time_format() */
  g_autofree char *when = local != NULL ? g_date_time_format (local, _("%-e %B %Y, %H:%M")) : NULL;
  g_autofree char *subtitle = NULL;

  if (when != NULL)
    /* Translators: under a customer: since when the stage began (or was
     * triggered, for a waiting one), "Since 3 March 2026, 10:00" */
    subtitle = g_strdup_printf (_("Since %s"), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), customer->profile_id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show the customer’s timeline"));
  g_object_set_data_full (G_OBJECT (row), "profile-id", g_strdup (customer->profile_id), g_free);
  return row;
}

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Scan *scan = user_data;
  WmStageCustomerList *self = scan->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autofree char *text = NULL;
  guint total = 0;

  customers = wm_stage_customers_finish (result, &total, &error);
  /* A newer scan, or a cleared list: this answer is not wanted. */
  if (g_cancellable_is_cancelled (scan->cancellable) || self->cancellable != scan->cancellable)
    {
      scan_free (scan);
      return;
    }
  g_clear_object (&self->cancellable);
  if (customers == NULL)
    {
      set_status (self, error->message, FALSE, TRUE);
      scan_free (scan);
      return;
    }
  clear_list (self);
  for (guint i = 0; i < customers->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), customer_row (self, customers->pdata[i]));
  gtk_widget_set_visible (self->list, customers->len > 0);
  text = describe_count (self->state, total, customers->len);
  set_status (self, text, FALSE, FALSE);
  scan_free (scan);
}

static void
start_scan (WmStageCustomerList *self)
{
  g_autoptr(GError) error = NULL;
  Scan *scan;

  cancel_scan (self);
  clear_list (self);
  if (self->stage_id == NULL)
    return;
  if (self->run_id == 0 || self->make_program == NULL
      || self->profiles_path == NULL || *self->profiles_path == '\0')
    {
      set_status (self, _("This run’s profile file is not known here, so its customers cannot be listed; "
                          "simulate the journey in this app to list them"), FALSE, TRUE);
      return;
    }
  if (self->program == NULL)
    {
      WmSimProgram *program = self->make_program (self->program_data, &error);

      if (program == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The run cannot be simulated again: %s"), error->message);

          set_status (self, text, FALSE, TRUE);
          return;
        }
      self->program = g_rc_box_new0 (ProgramRef);
      self->program->program = program;
    }

  self->cancellable = g_cancellable_new ();
  scan = g_new0 (Scan, 1);
  scan->self = g_object_ref (self);
  scan->program = g_rc_box_acquire (self->program);
  scan->cancellable = g_object_ref (self->cancellable);
  set_status (self, _("Looking for customers…"), TRUE, FALSE);
  wm_stage_customers_async (self->program->program, self->profiles_path, self->journey_id, self->stage_id,
                            self->state, WM_STAGE_CUSTOMER_LIST_LIMIT, self->cancellable, scan_done_cb, scan);
}

static void
sync_toggles (WmStageCustomerList *self)
{
  self->changing_state = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (toggle_states); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggles[i]), toggle_states[i] == self->state);
  self->changing_state = FALSE;
}

static void
sync_heading (WmStageCustomerList *self)
{
  g_autofree char *text = NULL;

  if (self->stage_name == NULL)
    return;
  switch (self->state)
    {
    case WM_STAGE_BEHIND:
      /* Translators: "Customers behind in Welcomed" */
      text = g_strdup_printf (_("Customers behind in %s"), self->stage_name);
      break;
    case WM_STAGE_WAITING:
      /* Translators: "Customers waiting for Welcomed" */
      text = g_strdup_printf (_("Customers waiting for %s"), self->stage_name);
      break;
    case WM_STAGE_STUCK:
    case WM_STAGE_ON_TRACK:
    case WM_STAGE_COMPLETED_ON_TIME:
    case WM_STAGE_COMPLETED_LATE:
    default:
      /* Translators: "Customers stuck in Welcomed" */
      text = g_strdup_printf (_("Customers stuck in %s"), self->stage_name);
      break;
    }
  gtk_label_set_text (GTK_LABEL (self->heading), text);
}

void
wm_stage_customer_list_set_state (WmStageCustomerList *self,
                                  WmStageState         state)
{
  g_return_if_fail (WM_IS_STAGE_CUSTOMER_LIST (self));
  g_return_if_fail (state == WM_STAGE_STUCK || state == WM_STAGE_BEHIND || state == WM_STAGE_WAITING);

  self->state = state;
  sync_toggles (self);
  sync_heading (self);
  start_scan (self);
}

WmStageState
wm_stage_customer_list_get_state (WmStageCustomerList *self)
{
  g_return_val_if_fail (WM_IS_STAGE_CUSTOMER_LIST (self), WM_STAGE_STUCK);
  return self->state;
}

static void
toggle_toggled_cb (GtkToggleButton     *button,
                   WmStageCustomerList *self)
{
  if (self->changing_state || !gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (toggle_states); i++)
    if (self->toggles[i] == GTK_WIDGET (button) && toggle_states[i] != self->state)
      wm_stage_customer_list_set_state (self, toggle_states[i]);
}

void
wm_stage_customer_list_show (WmStageCustomerList *self,
                             const char          *journey_id,
                             const char          *stage_id,
                             const char          *stage_name)
{
  g_return_if_fail (WM_IS_STAGE_CUSTOMER_LIST (self));
  g_return_if_fail (journey_id != NULL && stage_id != NULL);

  g_free (self->journey_id);
  self->journey_id = g_strdup (journey_id);
  g_free (self->stage_id);
  self->stage_id = g_strdup (stage_id);
  g_free (self->stage_name);
  self->stage_name = g_strdup (stage_name != NULL ? stage_name : stage_id);
  gtk_widget_set_visible (self->box, TRUE);
  wm_stage_customer_list_set_state (self, WM_STAGE_STUCK);
}

void
wm_stage_customer_list_clear (WmStageCustomerList *self)
{
  g_return_if_fail (WM_IS_STAGE_CUSTOMER_LIST (self));

  cancel_scan (self);
  clear_list (self);
  g_clear_pointer (&self->stage_id, g_free);
  g_clear_pointer (&self->stage_name, g_free);
  gtk_widget_set_visible (self->box, FALSE);
}

gboolean
wm_stage_customer_list_is_busy (WmStageCustomerList *self)
{
  g_return_val_if_fail (WM_IS_STAGE_CUSTOMER_LIST (self), FALSE);
  return self->cancellable != NULL;
}

static void
drop_source (WmStageCustomerList *self)
{
  if (self->program_destroy != NULL)
    self->program_destroy (self->program_data);
  self->program_destroy = NULL;
  self->program_data = NULL;
  self->make_program = NULL;
  g_clear_pointer (&self->program, program_ref_release);
}

void
wm_stage_customer_list_set_source (WmStageCustomerList           *self,
                                   gint64                         run_id,
                                   const char                    *profiles_path,
                                   WmStageCustomerListProgramFunc make_program,
                                   gpointer                       user_data,
                                   GDestroyNotify                 destroy)
{
  g_return_if_fail (WM_IS_STAGE_CUSTOMER_LIST (self));

  wm_stage_customer_list_clear (self);
  drop_source (self);
  self->run_id = run_id;
  g_free (self->profiles_path);
  self->profiles_path = g_strdup (profiles_path);
  self->make_program = make_program;
  self->program_data = user_data;
  self->program_destroy = destroy;
}

static void
customer_activated_cb (WmStageCustomerList *self,
                       GtkListBoxRow       *row)
{
  const char *profile_id = g_object_get_data (G_OBJECT (row), "profile-id");

  if (profile_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "(xs)", self->run_id, profile_id);
}

GtkWidget *
wm_stage_customer_list_new (void)
{
  return g_object_new (WM_TYPE_STAGE_CUSTOMER_LIST, NULL);
}

static void
wm_stage_customer_list_dispose (GObject *object)
{
  WmStageCustomerList *self = WM_STAGE_CUSTOMER_LIST (object);

  cancel_scan (self);
  drop_source (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (wm_stage_customer_list_parent_class)->dispose (object);
}

static void
wm_stage_customer_list_finalize (GObject *object)
{
  WmStageCustomerList *self = WM_STAGE_CUSTOMER_LIST (object);

  g_free (self->profiles_path);
  g_free (self->journey_id);
  g_free (self->stage_id);
  g_free (self->stage_name);

  G_OBJECT_CLASS (wm_stage_customer_list_parent_class)->finalize (object);
}

static void
wm_stage_customer_list_class_init (WmStageCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_stage_customer_list_dispose;
  object_class->finalize = wm_stage_customer_list_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stagecustomers");
}

static void
wm_stage_customer_list_init (WmStageCustomerList *self)
{
  static const char * const toggle_labels[3] = { N_("_Stuck"), N_("_Behind"), N_("_Waiting") };
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->state = WM_STAGE_STUCK;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_visible (self->box, FALSE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->heading = gtk_label_new (NULL);
  gtk_widget_set_name (self->heading, "customers-heading");
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), self->heading);

  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_halign (toggles, GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (self->toggles); i++)
    {
      self->toggles[i] = gtk_toggle_button_new_with_mnemonic (_(toggle_labels[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->toggles[i]), GTK_TOGGLE_BUTTON (self->toggles[0]));
      g_signal_connect (self->toggles[i], "toggled", G_CALLBACK (toggle_toggled_cb), self);
      gtk_box_append (GTK_BOX (toggles), self->toggles[i]);
    }
  gtk_widget_set_name (self->toggles[0], "show-stuck");
  gtk_widget_set_name (self->toggles[1], "show-behind");
  gtk_widget_set_name (self->toggles[2], "show-waiting");
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggles), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Which customers to list"), -1);
  gtk_box_append (GTK_BOX (self->box), toggles);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (status_box), self->spinner);
  self->status = gtk_label_new (NULL);
  gtk_widget_set_name (self->status, "customers-status");
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_set_hexpand (self->status, TRUE);
  gtk_box_append (GTK_BOX (status_box), self->status);
  gtk_box_append (GTK_BOX (self->box), status_box);

  self->list = gtk_list_box_new ();
  gtk_widget_set_name (self->list, "customers");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_visible (self->list, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Customers; activate one to see their timeline"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (customer_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->list);
}
