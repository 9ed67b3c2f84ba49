/* wm-node-summary.c - the words a node shows and says about its element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-expr.h"
#include "wm-json.h"
#include "wm-node-summary.h"
#include "wm-sms.h"
#include "wm-time.h"

#define SEPARATOR " · "
#define TEXT_CHARS 24

char *
wm_node_shorten_template (const char *text,
                          guint       max_chars)
{
  GString *out;
  const char *p = text;
  guint chars = 0;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  while (*p != '\0')
    {
      const char *piece;
      gsize len;
      guint n;

      if (g_str_has_prefix (p, "{{"))
        {
          const char *end = strstr (p + 2, "}}");

          piece = "{{…}}";
          len = strlen (piece);
          n = 5;
          p = end != NULL ? end + 2 : p + strlen (p);
        }
      else if (g_ascii_isspace (*p))
        {
          p++;
          space = out->len > 0;
          continue;
        }
      else
        {
          piece = p;
          p = g_utf8_next_char (p);
          len = p - piece;
          n = 1;
        }

      if (space)
        {
          if (chars + 1 > max_chars)
            break;
          g_string_append_c (out, ' ');
          chars++;
          space = FALSE;
        }
      if (chars + n > max_chars)
        {
          chars = max_chars + 1;
          break;
        }
      g_string_append_len (out, piece, len);
      chars += n;
    }

  if (*p != '\0' || chars > max_chars)
    {
      /* Cut: make room for the ellipsis. */
      while (g_utf8_strlen (out->str, -1) > (glong) max_chars - 1 && out->len > 0)
        {
          const char *last = g_utf8_prev_char (out->str + out->len);

          g_string_truncate (out, last - out->str);
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}

static void
append_part (GString    *out,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, SEPARATOR);
  g_string_append (out, part);
}

static void
append_template (GString    *out,
                 WmElement  *element,
                 const char *key)
{
  const char *text = wm_element_get_config_string (element, key);
  g_autofree char *shortened = NULL;

  if (text == NULL)
    return;
  shortened = wm_node_shorten_template (text, TEXT_CHARS);
  append_part (out, shortened);
}

static char *
duration_words (WmElement  *element,
                const char *key)
{
  const char *text = wm_element_get_config_string (element, key);
  gint64 seconds;

  if (text == NULL || !wm_duration_parse (text, &seconds))
    return NULL;
  return wm_duration_describe (seconds);
}

/* The SMS text's segments, counted on its literal text: placeholders are
 * not known before sending, so this reading is the one flow-format.md's SMS
 * warnings take. A text that does not compile is measured as written. */
static char *
sms_segments (WmElement *element)
{
  const char *text = wm_element_get_config_string (element, "text");
  g_autoptr(WmExpr) expr = NULL;
  g_autofree char *literal = NULL;
  WmSmsInfo info;

  if (text == NULL)
    return NULL;
  expr = wm_expr_compile (text, WM_EXPR_TEMPLATE, NULL, NULL);
  if (expr != NULL)
    literal = wm_expr_template_literal (expr);
  wm_sms_measure (literal != NULL ? literal : text, -1, &info);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u segment", "%u segments",
                                       info.segments),
                          info.segments);
}

/* The array config member @key's object members @member, or NULL. */
static JsonArray *
config_array (WmElement  *element,
              const char *key)
{
  JsonNode *node = wm_element_get_config_member (element, key);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static const char *
array_object_string (JsonArray  *array,
                     guint       index,
                     const char *member)
{
  JsonNode *node;
  JsonObject *object;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
array_object_number (JsonArray  *array,
                     guint       index,
                     const char *member,
                     double     *out)
{
  JsonNode *node;
  JsonObject *object;

  if (array == NULL || index >= json_array_get_length (array))
    return FALSE;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

static void
append_assignment (GString    *out,
                   WmElement  *element,
                   const char *target_key)
{
  const char *target = wm_element_get_config_string (element, target_key);
  const char *value = wm_element_get_config_string (element, "value");
  g_autofree char *shortened = NULL;
  g_autofree char *part = NULL;

  if (target == NULL)
    return;
  if (value == NULL)
    {
      append_part (out, target);
      return;
    }
  shortened = wm_node_shorten_template (value, TEXT_CHARS);
  part = g_strdup_printf ("%s = %s", target, shortened);
  append_part (out, part);
}

char *
wm_node_summary (WmElement *element)
{
  return wm_node_summary_named (element, NULL);
}

char *
wm_node_summary_named (WmElement  *element,
                       GHashTable *names)
{
  const char *type;
  GString *out;

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);

  type = wm_element_get_type_name (element);
  out = g_string_new (NULL);

  if (g_str_equal (type, "entry.event") || g_str_equal (type, "wait.event"))
    {
      append_part (out, wm_element_get_config_string (element, "event"));
      if (g_str_equal (type, "wait.event"))
        {
          g_autofree char *timeout = duration_words (element, "timeout");

          if (timeout != NULL)
            {
              g_autofree char *part = g_strdup_printf (_("timeout %s"), timeout);

              append_part (out, part);
            }
        }
    }
  else if (g_str_equal (type, "entry.audience"))
    {
      if (wm_element_get_config_string (element, "where") != NULL)
        append_template (out, element, "where");
      else
        append_part (out, _("Every profile"));
    }
  else if (g_str_equal (type, "entry.inbound"))
    {
      append_part (out, wm_element_get_config_string (element, "number"));
      append_part (out, wm_element_get_config_string (element, "keyword"));
    }
  else if (g_str_equal (type, "entry.date"))
    {
      append_part (out, wm_element_get_config_string (element, "attribute"));
      append_part (out, wm_element_get_config_string (element, "at"));
    }
  else if (g_str_equal (type, "send.sms"))
    {
      g_autofree char *segments = sms_segments (element);

      append_part (out, wm_element_get_config_string (element, "sender"));
      append_template (out, element, "text");
      append_part (out, segments);
    }
  else if (g_str_equal (type, "send.email"))
    append_template (out, element, "subject");
  else if (g_str_equal (type, "send.whatsapp"))
    {
      append_part (out, wm_element_get_config_string (element, "sender"));
      append_part (out, wm_element_get_config_string (element, "template"));
    }
  else if (g_str_equal (type, "send.viber") || g_str_equal (type, "send.voice"))
    append_template (out, element, "text");
  else if (g_str_equal (type, "send.push"))
    append_template (out, element, "title");
  else if (g_str_equal (type, "wait.delay"))
    {
      g_autofree char *duration = duration_words (element, "duration");

      append_part (out, duration);
    }
  else if (g_str_equal (type, "wait.time"))
    {
      const char *at = wm_element_get_config_string (element, "at");

      if (at != NULL)
        {
          g_autofree char *part = g_strdup_printf (_("at %s"), at);

          append_part (out, part);
        }
    }
  else if (g_str_equal (type, "react.message"))
    {
      const char *reaction = wm_element_get_config_string (element, "reaction");
      g_autofree char *timeout = duration_words (element, "timeout");

      append_part (out, reaction);
      append_part (out, timeout);
    }
  else if (g_str_equal (type, "branch.condition"))
    {
      JsonArray *branches = config_array (element, "branches");
      guint n = branches != NULL ? json_array_get_length (branches) : 0;

      for (guint i = 0; i < n; i++)
        append_part (out, array_object_string (branches, i, "label"));
    }
  else if (g_str_equal (type, "split.percent"))
    {
      JsonArray *variants = config_array (element, "variants");
      guint n = variants != NULL ? json_array_get_length (variants) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("%u", i + 1);
          g_autofree char *label = wm_node_port_label (element, id);

          append_part (out, label);
        }
    }
  else if (g_str_equal (type, "set.variable"))
    append_assignment (out, element, "variable");
  else if (g_str_equal (type, "set.attribute"))
    append_assignment (out, element, "attribute");
  else if (g_str_equal (type, "call.api"))
    {
      append_part (out, wm_element_get_config_string (element, "method"));
      append_template (out, element, "url");
    }
  else if (g_str_equal (type, "add.to.flow"))
    append_part (out, wm_names_lookup (names, WM_NAMES_FLOW, wm_element_get_config_string (element, "flow")));
  else if (g_str_equal (type, "notify.internal"))
    {
      append_part (out, wm_element_get_config_string (element, "channel"));
      append_template (out, element, "recipient");
    }
  else if (g_str_equal (type, "milestone"))
    append_part (out, wm_names_lookup (names, WM_NAMES_MILESTONE, wm_element_get_config_string (element, "milestone")));
  else if (g_str_equal (type, "outcome.start") || g_str_equal (type, "outcome.set"))
    {
      append_part (out, wm_names_lookup (names, WM_NAMES_OUTCOME, wm_element_get_config_string (element, "outcome")));
      append_part (out, wm_element_get_config_string (element, "result"));
    }

  return g_string_free (out, FALSE);
}

char *
wm_node_brief (WmElement *element)
{
  return wm_node_brief_named (element, NULL);
}

char *
wm_node_brief_named (WmElement  *element,
                     GHashTable *names)
{
  const char *type;

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);

  type = wm_element_get_type_name (element);
  if (g_str_equal (type, "send.sms"))
    {
      char *segments = sms_segments (element);

      if (segments != NULL)
        return segments;
    }
  else if (g_str_equal (type, "wait.delay"))
    {
      char *duration = duration_words (element, "duration");

      if (duration != NULL)
        return duration;
    }
  return wm_node_summary_named (element, names);
}

char *
wm_node_port_label (WmElement  *element,
                    const char *port)
{
  static const struct { const char *port; const char *label; } fixed[] = {
    { "out", N_("Next") },
    { "occurred", N_("Occurred") },
    { "timeout", N_("Timed out") },
    { "yes", N_("Yes") },
    { "no", N_("No") },
    { "success", N_("Success") },
    { "failure", N_("Failure") },
    { "else", N_("Else") },
  };
  const char *type;
  char *end = NULL;
  guint64 n;

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (port != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (g_str_equal (port, fixed[i].port))
      return g_strdup (_(fixed[i].label));

  type = wm_element_get_type_name (element);
  n = g_ascii_strtoull (port, &end, 10);
  if (end == port || *end != '\0' || n == 0)
    return g_strdup (port);

  if (g_str_equal (type, "branch.condition"))
    {
      const char *label = array_object_string (config_array (element, "branches"),
                                               n - 1, "label");

      if (label != NULL)
        return g_strdup (label);
      /* TRANSLATORS: a branch without a label, by its number */
      return g_strdup_printf (_("Branch %s"), port);
    }
  if (g_str_equal (type, "split.percent"))
    {
      JsonArray *variants = config_array (element, "variants");
      const char *label = array_object_string (variants, n - 1, "label");
      double weight;

      if (array_object_number (variants, n - 1, "weight", &weight))
        {
          char buf[32];

          /* The weight as the file writes it (locale-free). */
          wm_json_format_number (weight, buf);
          if (label != NULL)
            return g_strdup_printf ("%s %s%%", label, buf);
          return g_strdup_printf ("%s%%", buf);
        }
      if (label != NULL)
        return g_strdup (label);
      /* TRANSLATORS: a split variant without a label, by its number */
      return g_strdup_printf (_("Variant %s"), port);
    }
  return g_strdup (port);
}

char *
wm_node_title (WmElement *element)
{
  const WmElementType *type;
  const char *label;
  const char *name;

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);

  type = wm_element_get_element_type (element);
  label = type != NULL ? _(type->label) : wm_element_get_type_name (element);
  name = wm_element_get_name (element);
  if (name == NULL)
    return g_strdup (label);
  /* TRANSLATORS: an element's type and name: SMS ‘Reminder’ */
  return g_strdup_printf (_("%s ‘%s’"), label, name);
}

/* "Wait 1 day" / "E-mail ‘Reminder e-mail’": the title, and the brief when
 * the element has no name. */
static char *
target_words (WmElement  *target,
              GHashTable *names)
{
  g_autofree char *title = wm_node_title (target);
  g_autofree char *brief = NULL;

  if (wm_element_get_name (target) != NULL)
    return g_steal_pointer (&title);
  brief = wm_node_brief_named (target, names);
  if (*brief == '\0')
    return g_steal_pointer (&title);
  return g_strdup_printf ("%s %s", title, brief);
}

char *
wm_node_describe (WmElement *element,
                  WmVersion *version)
{
  return wm_node_describe_named (element, version, NULL);
}

char *
wm_node_describe_named (WmElement  *element,
                        WmVersion  *version,
                        GHashTable *names)
{
  g_auto(GStrv) ports = NULL;
  g_autofree char *title = NULL;
  g_autofree char *brief = NULL;
  GString *out;
  gboolean labelled;

  g_return_val_if_fail (WM_IS_ELEMENT (element), NULL);
  g_return_val_if_fail (version == NULL || WM_IS_VERSION (version), NULL);

  title = wm_node_title (element);
  brief = wm_node_brief_named (element, names);
  out = g_string_new (title);
  if (*brief != '\0')
    g_string_append_printf (out, ", %s", brief);

  ports = wm_element_list_ports (element);
  labelled = ports[0] != NULL && (ports[1] != NULL || !g_str_equal (ports[0], "out"));
  for (guint i = 0; ports[i] != NULL; i++)
    {
      WmConnection *connection = NULL;
      WmElement *target = NULL;
      g_autofree char *where = NULL;
      g_autofree char *port_label = NULL;

      if (version != NULL)
        connection = wm_version_find_connection (version, wm_element_get_id (element),
                                                 ports[i]);
      if (connection != NULL && wm_connection_get_to (connection) != NULL)
        target = wm_version_find_element (version, wm_connection_get_to (connection));
      if (target != NULL)
        where = target_words (target, names);

      if (!labelled)
        {
          if (where != NULL)
            /* TRANSLATORS: where an element's only output leads */
            g_string_append_printf (out, _(", leads to %s"), where);
          else
            g_string_append (out, _(", ends here"));
          continue;
        }
      port_label = wm_node_port_label (element, ports[i]);
      if (where != NULL)
        /* TRANSLATORS: where one output port leads: "Yes leads to SMS" */
        g_string_append_printf (out, _(", %s leads to %s"), port_label, where);
      else
        g_string_append_printf (out, _(", %s ends here"), port_label);
    }
  return g_string_free (out, FALSE);
}
