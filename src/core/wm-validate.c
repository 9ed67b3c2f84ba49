/* wm-validate.c - validation of flows (flow-format.md, Validation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule reads the element catalogue, so a new element type is checked
 * by adding its entry there. Messages name the element by its name (or its
 * type's label) and say what to do.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wm-catalogue.h"
#include "wm-expr.h"
#include "wm-model-private.h"
#include "wm-sms.h"
#include "wm-time.h"
#include "wm-validate.h"

G_DEFINE_BOXED_TYPE (WmDiagnostic, wm_diagnostic, wm_diagnostic_copy, wm_diagnostic_free)

#define MAX_ELEMENTS 1000
#define MAX_MILESTONE_ELEMENTS 100

WmDiagnostic *
wm_diagnostic_copy (const WmDiagnostic *diagnostic)
{
  WmDiagnostic *copy = g_new0 (WmDiagnostic, 1);

  *copy = *diagnostic;
  copy->element = g_strdup (diagnostic->element);
  copy->field = g_strdup (diagnostic->field);
  copy->message = g_strdup (diagnostic->message);
  return copy;
}

void
wm_diagnostic_free (WmDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;
  g_free (diagnostic->element);
  g_free (diagnostic->field);
  g_free (diagnostic->message);
  g_free (diagnostic);
}

const char *
wm_severity_to_string (WmSeverity severity)
{
  return severity == WM_SEVERITY_ERROR ? "error" : "warning";
}

typedef struct
{
  WmFlow     *flow;
  WmLookup   *lookup;
  GPtrArray  *out;

  /* The version being checked. */
  WmVersion  *version;
  guint       number;
  GHashTable *variables;   /* declared names */
  GHashTable *positions;   /* element id -> its list position + 1 */
  WmElement  *entry;       /* the one entry point, or NULL */
  WmElement **elements;    /* the version's elements, borrowed, by position */
} Ctx;

static void add (Ctx *, WmSeverity, const char *, WmElement *, const char *, guint,
                 const char *, ...) G_GNUC_PRINTF (7, 8);

static void
add (Ctx        *ctx,
     WmSeverity  severity,
     const char *code,
     WmElement  *element,
     const char *field,
     guint       column,
     const char *format,
     ...)
{
  WmDiagnostic *d = g_new0 (WmDiagnostic, 1);
  va_list args;

  d->severity = severity;
  d->code = code;
  d->version = ctx->number;
  d->element = element != NULL ? g_strdup (wm_element_get_id (element)) : NULL;
  d->field = g_strdup (field);
  d->column = column;
  va_start (args, format);
  d->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ctx->out, d);
}

#define ELEMENT_AT(ctx, i) ((ctx)->elements[i])

static int index_of (Ctx *ctx, const char *id);
#define ERROR(ctx, code, el, field, ...) add (ctx, WM_SEVERITY_ERROR, code, el, field, 0, __VA_ARGS__)
#define WARN(ctx, code, el, field, ...) add (ctx, WM_SEVERITY_WARNING, code, el, field, 0, __VA_ARGS__)

/* The element as a person knows it: its name, else its type's label. */
#define NAME(el) wm_element_get_display_name (el)

/* Small JSON helpers. An optional field given as null or "" is absent. */

static gboolean
node_is_boolean (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
node_integer (JsonNode *node,
              double   *out)
{
  double d;

  if (!_wm_json_node_is_number (node))
    return FALSE;
  d = json_node_get_double (node);
  /* Range first: converting a double outside gint64 is undefined. */
  if (!(d > -9e18 && d < 9e18) || d != (double) (gint64) d)
    return FALSE;
  *out = d;
  return TRUE;
}

static gboolean
is_variable_name (const char *text)
{
  gsize len;

  if (text == NULL || !(g_ascii_isalpha (text[0]) || text[0] == '_'))
    return FALSE;
  len = strlen (text);
  if (len > 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* simulation.md, Profiles: ^[^@\s]+@[^@\s]+\.[^@\s]+$ with \s ASCII white
 * space: one '@' with something before it, and a dot in the domain with
 * something on either side. */
static gboolean
is_email (const char *text)
{
  const char *at, *domain;
  gsize len;

  if (text == NULL || text[strcspn (text, " \t\n\v\f\r")] != '\0')
    return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  domain = at + 1;
  len = strlen (domain);
  for (gsize i = 1; i + 1 < len; i++)
    if (domain[i] == '.')
      return TRUE;
  return FALSE;
}

/* Scratch memory for the arrays a validation needs per element (graph,
 * searches, dominators): carved from blocks kept per thread between
 * validations. Allocating and freeing a dozen element-sized arrays each
 * time made glibc consolidate its free lists on every large request, which
 * was a fifth of validation's time. */
typedef struct
{
  GPtrArray *blocks;   /* char[SCRATCH_BLOCK] each, or larger */
  GArray    *sizes;    /* gsize per block */
  guint      current;
  gsize      used;
} Scratch;

#define SCRATCH_BLOCK (256 * 1024)

static void
scratch_free (gpointer data)
{
  Scratch *scratch = data;

  g_ptr_array_unref (scratch->blocks);
  g_array_unref (scratch->sizes);
  g_free (scratch);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

static Scratch *
scratch_get (void)
{
  Scratch *scratch = g_private_get (&scratch_key);

  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      scratch->blocks = g_ptr_array_new_with_free_func (g_free);
      scratch->sizes = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_private_set (&scratch_key, scratch);
    }
  return scratch;
}

static void
scratch_reset (void)
{
  Scratch *scratch = scratch_get ();

  scratch->current = 0;
  scratch->used = 0;
}

/* @size bytes, zeroed, 16-byte aligned, valid until the next reset. */
static gpointer
scratch_alloc (gsize size)
{
  Scratch *scratch = scratch_get ();
  gpointer p;

  size = MAX ((size + 15) & ~(gsize) 15, 16);
  while (scratch->current < scratch->blocks->len
         && scratch->used + size > g_array_index (scratch->sizes, gsize, scratch->current))
    {
      scratch->current++;
      scratch->used = 0;
    }
  if (scratch->current == scratch->blocks->len)
    {
      gsize block = MAX (SCRATCH_BLOCK, size);

      g_ptr_array_add (scratch->blocks, g_malloc (block));
      g_array_append_val (scratch->sizes, block);
      scratch->used = 0;
    }
  p = (char *) scratch->blocks->pdata[scratch->current] + scratch->used;
  scratch->used += size;
  memset (p, 0, size);
  return p;
}

#define SCRATCH_NEW(type, count) ((type *) scratch_alloc (sizeof (type) * (gsize) MAX ((count), 1)))

/* Names compared after Unicode full case folding; for ASCII that is
 * lower-casing, without g_utf8_casefold's per-character work. */
static char *
fold_name (const char *name)
{
  gsize len = strlen (name);
  char *folded;

  for (const char *p = name; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        g_autofree char *unicode = g_utf8_casefold (name, -1);

        len = strlen (unicode);
        folded = scratch_alloc (len + 1);
        memcpy (folded, unicode, len);
        return folded;
      }
  folded = scratch_alloc (len + 1);
  for (gsize i = 0; i < len; i++)
    folded[i] = g_ascii_tolower (name[i]);
  return folded;
}

/* Values equal as JSON, objects as maps, numbers numerically. */
static gboolean
json_equal (JsonNode *a,
            JsonNode *b)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_VALUE:
      if (_wm_json_node_is_number (a) && _wm_json_node_is_number (b))
        return json_node_get_double (a) == json_node_get_double (b);
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return FALSE;
      if (json_node_get_value_type (a) == G_TYPE_STRING)
        return strcmp (json_node_get_string (a), json_node_get_string (b)) == 0;
      if (json_node_get_value_type (a) == G_TYPE_BOOLEAN)
        return json_node_get_boolean (a) == json_node_get_boolean (b);
      return FALSE;
    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);
        guint n = json_array_get_length (x);

        if (n != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!json_equal (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
        JsonObjectIter iter;
        const char *key;
        JsonNode *value;

        if (json_object_get_size (x) != json_object_get_size (y))
          return FALSE;
        json_object_iter_init (&iter, x);
        while (json_object_iter_next (&iter, &key, &value))
          {
            JsonNode *other = json_object_get_member (y, key);

            if (other == NULL || !json_equal (value, other))
              return FALSE;
          }
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* ---- expressions ---- */

/* What validation needs to know of an expression or template: whether it
 * reads, where it does not, the variables it uses and (for templates) its
 * literal text. Compiling is most of validation's work, and an editor
 * validates the same texts after every edit, so the answers are kept by
 * text in a bounded cache shared by all validations. */
typedef struct
{
  gint   ref_count;
  char  *text;       /* the text it is about (its cache key) */
  guint  column;     /* 0: it compiles */
  char  *message;
  char **vars;       /* var.* names used, NULL-terminated */
  char  *literal;    /* a template's text without placeholders */
} Checked;

#define CHECKED_CACHE_MAX 8192

static GMutex checked_lock;
/* By text, one table a kind; in front of them, by the text's address: the
 * model's strings stay put between validations, so most lookups hash a
 * pointer and compare the text instead of hashing it. */
static GHashTable *checked_by_text[2];
static GHashTable *checked_by_address[2];

static void
checked_free (gpointer data)
{
  Checked *c = data;

  if (!g_atomic_int_dec_and_test (&c->ref_count))
    return;
  g_free (c->text);
  g_free (c->message);
  g_strfreev (c->vars);
  g_free (c->literal);
  g_free (c);
}

static Checked *
checked_new (const char *text,
             WmExprKind  kind)
{
  Checked *c = g_new0 (Checked, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmExpr) expr = NULL;
  g_autoptr(GStrvBuilder) vars = g_strv_builder_new ();

  c->ref_count = 1;
  c->text = g_strdup (text);
  expr = wm_expr_compile (text, kind, &c->column, &error);

  if (expr == NULL)
    {
      c->column = MAX (c->column, 1);
      c->message = g_strdup (error->message);
      c->vars = g_new0 (char *, 1);
      return c;
    }
  c->column = 0;
  for (guint i = 0; i < wm_expr_get_n_paths (expr); i++)
    {
      const WmExprPath *path = wm_expr_get_path (expr, i);

      if (path->root == WM_EXPR_ROOT_VAR)
        g_strv_builder_add (vars, path->keys[0]);
    }
  c->vars = g_strv_builder_end (vars);
  if (kind == WM_EXPR_TEMPLATE)
    c->literal = wm_expr_template_literal (expr);
  return c;
}

/* A reference to the cached answer (it outlives a clearing of the cache). */
static Checked *
check_text (const char *text,
            WmExprKind  kind)
{
  guint k = kind == WM_EXPR_TEMPLATE ? 1 : 0;
  Checked *found;

  g_mutex_lock (&checked_lock);
  if (checked_by_text[k] == NULL)
    {
      checked_by_text[k] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, checked_free);
      checked_by_address[k] = g_hash_table_new (NULL, NULL);
    }
  found = g_hash_table_lookup (checked_by_address[k], text);
  if (found == NULL || strcmp (found->text, text) != 0)
    {
      found = g_hash_table_lookup (checked_by_text[k], text);
      if (found != NULL)
        g_hash_table_insert (checked_by_address[k], (gpointer) text, found);
    }
  if (found != NULL)
    g_atomic_int_inc (&found->ref_count);
  g_mutex_unlock (&checked_lock);
  if (found != NULL)
    return found;

  found = checked_new (text, kind);
  g_atomic_int_inc (&found->ref_count);
  g_mutex_lock (&checked_lock);
  if (g_hash_table_size (checked_by_text[k]) >= CHECKED_CACHE_MAX)
    {
      g_hash_table_remove_all (checked_by_address[k]);
      g_hash_table_remove_all (checked_by_text[k]);
    }
  /* The address table holds no references: its entries are only compared
   * through the text table's, and it is emptied whenever that one is. A
   * replaced entry would leave a dangling address: drop the addresses. */
  if (g_hash_table_contains (checked_by_text[k], found->text))
    g_hash_table_remove_all (checked_by_address[k]);
  g_hash_table_replace (checked_by_text[k], found->text, found);
  g_hash_table_insert (checked_by_address[k], (gpointer) text, found);
  g_mutex_unlock (&checked_lock);
  return found;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Checked, checked_free)

/* Checks @text; reports a syntax error or undeclared variables. Returns
 * what is known of it, for further checks (NULL when it does not read). */
static Checked *
check_expression (Ctx         *ctx,
                  WmElement   *element,
                  const char  *field,
                  const char  *label,
                  const char  *text,
                  WmExprKind   kind)
{
  Checked *c = check_text (text, kind);

  if (c->column != 0)
    {
      add (ctx, WM_SEVERITY_ERROR, "expression-syntax", element, field, c->column,
           kind == WM_EXPR_TEMPLATE
             ? _("The %s of “%s” has a placeholder that cannot be read at column %u (%s): correct it.")
             : _("The %s of “%s” cannot be read at column %u (%s): correct the expression."),
           label, NAME (element), c->column, c->message);
      checked_free (c);
      return NULL;
    }
  for (guint i = 0; c->vars[i] != NULL; i++)
    if (!g_hash_table_contains (ctx->variables, c->vars[i]))
      ERROR (ctx, "unknown-variable", element, field,
             _("“%s” uses the variable “%s”, which this version does not declare: "
               "add it in Flow settings › Variables, or correct the name."),
             NAME (element), c->vars[i]);
  return c;
}

/* ---- element configs ---- */

static void
check_days (Ctx        *ctx,
            WmElement  *element,
            const char *field,
            const char *label,
            JsonNode   *node)
{
  JsonArray *array;

  if (_wm_json_is_absent (node))
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      guint bit;
      const char *day = _wm_json_string (json_array_get_element (array, i));

      if (day == NULL || !wm_day_parse (day, &bit))
        goto invalid;
    }
  return;

invalid:
  ERROR (ctx, "field-invalid", element, field,
         _("The %s of “%s” must be a list of days written mon, tue, wed, thu, fri, sat or sun."),
         label, NAME (element));
}

static void
check_choice (Ctx               *ctx,
              WmElement         *element,
              const char        *field,
              const WmFieldSpec *spec,
              JsonNode          *node)
{
  const char *value = _wm_json_string (node);
  g_autofree char *list = NULL;

  if (value != NULL && g_strv_contains (spec->allowed, value))
    return;
  list = g_strjoinv (", ", (char **) spec->allowed);
  ERROR (ctx, "field-invalid", element, field,
         _("The %s of “%s” must be one of %s."), _(spec->label), NAME (element), list);
}

static void
check_send_window (Ctx       *ctx,
                   WmElement *element,
                   JsonNode  *node)
{
  static const char * const zone_choices[] = { "profile", "flow", NULL };
  JsonObject *window;
  const char *from, *to;
  int from_minute = -1, to_minute = -1;
  JsonNode *zone;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ERROR (ctx, "field-invalid", element, "send_window",
             _("The send window of “%s” must have a start time and an end time."), NAME (element));
      return;
    }
  window = json_node_get_object (node);

  from = _wm_json_string (json_object_get_member (window, "from"));
  to = _wm_json_string (json_object_get_member (window, "to"));
  if (_wm_json_is_absent (json_object_get_member (window, "from")))
    ERROR (ctx, "field-missing", element, "send_window.from",
           _("The send window of “%s” needs a start time: fill in From."), NAME (element));
  else if (from == NULL || !wm_clock_parse (from, &from_minute))
    ERROR (ctx, "field-invalid", element, "send_window.from",
           _("The send window of “%s” must start at a time written HH:MM, like 09:00."), NAME (element));
  if (_wm_json_is_absent (json_object_get_member (window, "to")))
    ERROR (ctx, "field-missing", element, "send_window.to",
           _("The send window of “%s” needs an end time: fill in To."), NAME (element));
  else if (to == NULL || !wm_clock_parse (to, &to_minute))
    ERROR (ctx, "field-invalid", element, "send_window.to",
           _("The send window of “%s” must end at a time written HH:MM, like 20:00."), NAME (element));
  if (from_minute >= 0 && to_minute >= 0 && from_minute >= to_minute)
    ERROR (ctx, "field-invalid", element, "send_window.to",
           _("The send window of “%s” must end later than it starts."), NAME (element));

  check_days (ctx, element, "send_window.days", _("send window days"),
              json_object_get_member (window, "days"));

  zone = json_object_get_member (window, "zone");
  if (!_wm_json_is_absent (zone) && !g_strv_contains (zone_choices, _wm_json_string (zone) ? _wm_json_string (zone) : ""))
    ERROR (ctx, "field-invalid", element, "send_window.zone",
           _("The send window zone of “%s” must be profile or flow."), NAME (element));
}

static void
check_branches (Ctx       *ctx,
                WmElement *element,
                JsonNode  *node,
                const WmFieldSpec *spec)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node)
      || (n = json_array_get_length (array = json_node_get_array (node))) < spec->min
      || n > spec->max)
    {
      ERROR (ctx, "field-invalid", element, spec->name,
             _("“%s” must have from %d to %d branches."), NAME (element), (int) spec->min, (int) spec->max);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *branch;
      JsonNode *when, *label;
      g_autofree char *field = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          field = g_strdup_printf ("branches[%u]", i);
          ERROR (ctx, "field-invalid", element, field,
                 _("Branch %u of “%s” must have a label and a condition."), i + 1, NAME (element));
          continue;
        }
      branch = json_node_get_object (item);
      label = json_object_get_member (branch, "label");
      if (!_wm_json_is_absent (label) && _wm_json_string (label) == NULL)
        {
          field = g_strdup_printf ("branches[%u].label", i);
          ERROR (ctx, "field-invalid", element, field,
                 _("The label of branch %u of “%s” must be text."), i + 1, NAME (element));
          g_clear_pointer (&field, g_free);
        }
      when = json_object_get_member (branch, "when");
      field = g_strdup_printf ("branches[%u].when", i);
      if (_wm_json_is_absent (when))
        ERROR (ctx, "field-missing", element, field,
               _("Branch %u of “%s” needs a condition: fill in When."), i + 1, NAME (element));
      else if (_wm_json_string (when) == NULL)
        ERROR (ctx, "field-invalid", element, field,
               _("The condition of branch %u of “%s” must be text."), i + 1, NAME (element));
      else
        {
          g_autofree char *label_text = g_strdup_printf (_("condition of branch %u"), i + 1);

          /* Only the errors it reports matter here. */
          Checked *checked = check_expression (ctx, element, field, label_text,
                                               _wm_json_string (when), WM_EXPR_EXPRESSION);

          if (checked != NULL)
            checked_free (checked);
        }
    }
}

static void
check_variants (Ctx               *ctx,
                WmElement         *element,
                JsonNode          *node,
                const WmFieldSpec *spec)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node)
      || (n = json_array_get_length (array = json_node_get_array (node))) < spec->min
      || n > spec->max)
    {
      ERROR (ctx, "field-invalid", element, spec->name,
             _("“%s” must have from %d to %d variants."), NAME (element), (int) spec->min, (int) spec->max);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *variant;
      JsonNode *weight, *label;
      g_autofree char *field = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          field = g_strdup_printf ("variants[%u]", i);
          ERROR (ctx, "field-invalid", element, field,
                 _("Variant %u of “%s” must have a label and a weight."), i + 1, NAME (element));
          continue;
        }
      variant = json_node_get_object (item);
      label = json_object_get_member (variant, "label");
      if (!_wm_json_is_absent (label) && _wm_json_string (label) == NULL)
        {
          field = g_strdup_printf ("variants[%u].label", i);
          ERROR (ctx, "field-invalid", element, field,
                 _("The label of variant %u of “%s” must be text."), i + 1, NAME (element));
          g_clear_pointer (&field, g_free);
        }
      weight = json_object_get_member (variant, "weight");
      field = g_strdup_printf ("variants[%u].weight", i);
      if (_wm_json_is_absent (weight))
        ERROR (ctx, "field-missing", element, field,
               _("Variant %u of “%s” needs a weight: give it a number above 0."), i + 1, NAME (element));
      else if (!_wm_json_node_is_number (weight) || !(json_node_get_double (weight) > 0))
        ERROR (ctx, "field-invalid", element, field,
               _("The weight of variant %u of “%s” must be a number above 0."), i + 1, NAME (element));
    }
}

static void
check_assign (Ctx       *ctx,
              WmElement *element,
              JsonNode  *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ERROR (ctx, "field-invalid", element, "assign",
             _("What “%s” stores must be a list of variables and event properties."), NAME (element));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *assign;
      const char *variable, *property;
      g_autofree char *field = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          field = g_strdup_printf ("assign[%u]", i);
          ERROR (ctx, "field-invalid", element, field,
                 _("Line %u of what “%s” stores needs a variable and an event property."), i + 1, NAME (element));
          continue;
        }
      assign = json_node_get_object (item);

      variable = _wm_json_string (json_object_get_member (assign, "variable"));
      field = g_strdup_printf ("assign[%u].variable", i);
      if (_wm_json_is_absent (json_object_get_member (assign, "variable")))
        ERROR (ctx, "field-missing", element, field,
               _("Line %u of what “%s” stores needs a variable."), i + 1, NAME (element));
      else if (variable == NULL)
        ERROR (ctx, "field-invalid", element, field,
               _("Line %u of what “%s” stores must name a variable."), i + 1, NAME (element));
      else if (!g_hash_table_contains (ctx->variables, variable))
        ERROR (ctx, "unknown-variable", element, field,
               _("“%s” stores into the variable “%s”, which this version does not declare: "
                 "add it in Flow settings › Variables."), NAME (element), variable);
      g_clear_pointer (&field, g_free);

      property = _wm_json_string (json_object_get_member (assign, "property"));
      field = g_strdup_printf ("assign[%u].property", i);
      if (_wm_json_is_absent (json_object_get_member (assign, "property")))
        ERROR (ctx, "field-missing", element, field,
               _("Line %u of what “%s” stores needs an event property."), i + 1, NAME (element));
      else if (property == NULL)
        ERROR (ctx, "field-invalid", element, field,
               _("Line %u of what “%s” stores must name an event property."), i + 1, NAME (element));
    }
}

static void
check_transfer (Ctx       *ctx,
                WmElement *element,
                JsonNode  *node)
{
  JsonArray *array;
  WmFlow *target = NULL;
  WmVersion *target_version = NULL;
  g_autoptr(GHashTable) target_variables = NULL;
  const char *target_id = wm_element_get_config_string (element, "flow");

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ERROR (ctx, "field-invalid", element, "transfer",
             _("The variables “%s” passes on must be a list of variable names."), NAME (element));
      return;
    }

  if (ctx->lookup != NULL && target_id != NULL
      && wm_lookup_find_flow (ctx->lookup, target_id, &target) == WM_LOOKUP_FOUND && target != NULL)
    target_version = wm_flow_get_latest_version (target);
  if (target_version != NULL)
    {
      JsonObject *settings = wm_version_get_settings (target_version);
      JsonNode *vars = settings != NULL ? json_object_get_member (settings, "variables") : NULL;

      target_variables = g_hash_table_new (g_str_hash, g_str_equal);
      if (vars != NULL && JSON_NODE_HOLDS_ARRAY (vars))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (vars)); i++)
          {
            JsonNode *item = json_array_get_element (json_node_get_array (vars), i);
            const char *name = JSON_NODE_HOLDS_OBJECT (item)
              ? _wm_json_object_get_string (json_node_get_object (item), "name") : NULL;

            if (name != NULL)
              g_hash_table_add (target_variables, (gpointer) name);
          }
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = _wm_json_string (json_array_get_element (array, i));
      g_autofree char *field = g_strdup_printf ("transfer[%u]", i);

      if (name == NULL)
        ERROR (ctx, "field-invalid", element, field,
               _("The variables “%s” passes on must be names of variables."), NAME (element));
      else if (!g_hash_table_contains (ctx->variables, name))
        ERROR (ctx, "unknown-variable", element, field,
               _("“%s” passes on the variable “%s”, which this version does not declare: "
                 "add it in Flow settings › Variables, or remove it."), NAME (element), name);
      else if (target_variables != NULL && !g_hash_table_contains (target_variables, name))
        ERROR (ctx, "unknown-variable", element, field,
               _("“%s” passes on the variable “%s”, which the flow “%s” does not declare: "
                 "declare it there, or remove it here."),
               NAME (element), name,
               wm_flow_get_name (target) ? wm_flow_get_name (target) : target_id);
    }
}

static void
check_reference (Ctx               *ctx,
                 WmElement         *element,
                 const WmFieldSpec *spec,
                 const char        *value)
{
  WmLookupResult found = WM_LOOKUP_UNKNOWN;
  WmFlow *target = NULL;

  if (!_wm_is_id (value))
    {
      ERROR (ctx, "field-invalid", element, spec->name,
             _("The %s of “%s” must be an id of letters, digits, “_” and “-” (at most 64)."),
             _(spec->label), NAME (element));
      return;
    }

  switch (spec->kind)
    {
    case WM_FIELD_MILESTONE:
      if (ctx->lookup != NULL)
        found = wm_lookup_find_milestone (ctx->lookup, value);
      if (found == WM_LOOKUP_MISSING)
        ERROR (ctx, "unknown-reference", element, spec->name,
               _("“%s” records the milestone “%s”, which the workspace does not have: "
                 "pick an existing milestone or create it."), NAME (element), value);
      break;
    case WM_FIELD_OUTCOME:
      if (ctx->lookup != NULL)
        found = wm_lookup_find_outcome (ctx->lookup, value);
      if (found == WM_LOOKUP_MISSING)
        ERROR (ctx, "unknown-reference", element, spec->name,
               _("“%s” uses the outcome “%s”, which the workspace does not have: "
                 "pick an existing outcome or create it."), NAME (element), value);
      break;
    case WM_FIELD_FLOW:
      if (g_strcmp0 (value, wm_flow_get_id (ctx->flow)) == 0)
        {
          ERROR (ctx, "unknown-reference", element, spec->name,
                 _("“%s” adds customers to this same flow: pick another flow."), NAME (element));
          break;
        }
      if (ctx->lookup != NULL)
        found = wm_lookup_find_flow (ctx->lookup, value, &target);
      if (found == WM_LOOKUP_MISSING)
        ERROR (ctx, "unknown-reference", element, spec->name,
               _("“%s” adds customers to the flow “%s”, which is not at hand: "
                 "pick an existing flow."), NAME (element), value);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_field (Ctx               *ctx,
             WmElement         *element,
             const WmFieldSpec *spec,
             JsonNode          *node)
{
  const char *text = _wm_json_string (node);
  gint64 seconds;
  int minute;
  double number;

  if (_wm_json_is_absent (node))
    {
      if (spec->required)
        ERROR (ctx, "field-missing", element, spec->name,
               _("“%s” needs a value for %s: fill it in."), NAME (element), _(spec->label));
      return;
    }

  switch (spec->kind)
    {
    case WM_FIELD_TEXT:
    case WM_FIELD_EVENT_NAME:
      if (text == NULL)
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must be text."), _(spec->label), NAME (element));
      break;

    case WM_FIELD_ATTRIBUTE:
      if (text == NULL)
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must be the name of a profile attribute."), _(spec->label), NAME (element));
      else if (strcmp (text, "id") == 0 && g_str_equal (wm_element_get_type_name (element), "set.attribute"))
        ERROR (ctx, "field-invalid", element, spec->name,
               _("“%s” cannot change a customer's id: pick another attribute."), NAME (element));
      break;

    case WM_FIELD_TEMPLATE:
    case WM_FIELD_EXPRESSION:
      if (text == NULL)
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must be text."), _(spec->label), NAME (element));
      else
        {
          g_autoptr(Checked) expr =
            check_expression (ctx, element, spec->name, _(spec->label), text,
                              spec->kind == WM_FIELD_TEMPLATE ? WM_EXPR_TEMPLATE : WM_EXPR_EXPRESSION);

          if (expr != NULL && g_str_equal (spec->name, "text")
              && g_str_equal (wm_element_get_type_name (element), "send.sms"))
            {
              /* These two look at the literal text, each placeholder counting as nothing. */
              WmSmsInfo info;

              wm_sms_measure (expr->literal, -1, &info);
              if (info.encoding == WM_SMS_UCS2)
                WARN (ctx, "sms-unicode", element, spec->name,
                      _("The text of “%s” has characters outside the GSM alphabet, so each SMS "
                        "holds 70 characters instead of 160: replace them if you can."), NAME (element));
              if (info.segments > 3)
                WARN (ctx, "sms-long", element, spec->name,
                      _("The text of “%s” needs %u SMS segments: shorten it to 3 or fewer."),
                      NAME (element), info.segments);
            }
        }
      break;

    case WM_FIELD_CHOICE:
      check_choice (ctx, element, spec->name, spec, node);
      break;

    case WM_FIELD_DURATION:
      if (text == NULL || !wm_duration_parse (text, &seconds))
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must be a duration such as 30m, 2h, 3d or 1w, at most 366 days."),
               _(spec->label), NAME (element));
      break;

    case WM_FIELD_CLOCK:
      if (text == NULL || !wm_clock_parse (text, &minute))
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must be a time written HH:MM, like 09:00."), _(spec->label), NAME (element));
      break;

    case WM_FIELD_DAYS:
      check_days (ctx, element, spec->name, _(spec->label), node);
      break;

    case WM_FIELD_INTEGER:
      if (!node_integer (node, &number)
          || (spec->min < spec->max && (number < spec->min || number > spec->max)))
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must be a whole number."), _(spec->label), NAME (element));
      break;

    case WM_FIELD_EMAIL:
      if (!is_email (text))
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must be an e-mail address such as news@example.com."),
               _(spec->label), NAME (element));
      break;

    case WM_FIELD_ELEMENT:
      {
        int position = index_of (ctx, text);
        WmElement *target = position >= 0 ? ELEMENT_AT (ctx, position) : NULL;
        const WmElementType *type = target != NULL ? wm_element_get_element_type (target) : NULL;

        if (type == NULL || type->category != WM_CATEGORY_CHANNEL)
          ERROR (ctx, "unknown-reference", element, spec->name,
                 _("“%s” reacts to a message that is not a channel element of this version: "
                   "pick one of its messages."), NAME (element));
      }
      break;

    case WM_FIELD_REACTION:
      {
        const char *ref = wm_element_get_config_string (element, "element");
        int position = index_of (ctx, ref);
        WmElement *target = position >= 0 ? ELEMENT_AT (ctx, position) : NULL;
        const WmElementType *type = target != NULL ? wm_element_get_element_type (target) : NULL;

        if (text == NULL || !g_strv_contains ((const char *[]) { "delivered", "opened", "clicked", NULL }, text))
          ERROR (ctx, "field-invalid", element, spec->name,
                 _("The reaction of “%s” must be delivered, opened or clicked."), NAME (element));
        else if (type != NULL && type->category == WM_CATEGORY_CHANNEL
                 && !wm_element_type_has_reaction (type, text))
          ERROR (ctx, "field-invalid", element, spec->name,
                 _("“%s” waits for the message to be %s, but %s messages cannot report that: "
                   "pick another reaction."), NAME (element), text, _(type->label));
      }
      break;

    case WM_FIELD_VARIABLE:
      if (text == NULL)
        ERROR (ctx, "field-invalid", element, spec->name,
               _("The %s of “%s” must name a variable."), _(spec->label), NAME (element));
      else if (!g_hash_table_contains (ctx->variables, text))
        ERROR (ctx, "unknown-variable", element, spec->name,
               _("“%s” sets the variable “%s”, which this version does not declare: "
                 "add it in Flow settings › Variables."), NAME (element), text);
      break;

    case WM_FIELD_MILESTONE:
    case WM_FIELD_OUTCOME:
    case WM_FIELD_FLOW:
      check_reference (ctx, element, spec, text);
      break;

    case WM_FIELD_BRANCHES:
      check_branches (ctx, element, node, spec);
      break;

    case WM_FIELD_VARIANTS:
      check_variants (ctx, element, node, spec);
      break;

    case WM_FIELD_ASSIGN:
      check_assign (ctx, element, node);
      break;

    case WM_FIELD_TRANSFER:
      check_transfer (ctx, element, node);
      break;

    case WM_FIELD_SEND_WINDOW:
      check_send_window (ctx, element, node);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
check_element (Ctx       *ctx,
               WmElement *element)
{
  const WmElementType *type = wm_element_get_element_type (element);
  JsonObject *json = wm_element_get_json (element);
  JsonNode *node;
  JsonObject *config;
  double x, y;

  /* Element ids are not held to the id syntax: the Validation section lists
   * only milestone, outcome and flow ids for field-invalid, and the
   * conformance cases use element ids such as "@api" in valid flows. */

  node = json_object_get_member (json, "name");
  if (!_wm_json_is_absent (node) && _wm_json_string (node) == NULL)
    ERROR (ctx, "field-invalid", element, "name",
           _("The name of “%s” must be text."), NAME (element));

  node = json_object_get_member (json, "position");
  if (!_wm_json_is_absent (node) && !wm_element_get_position (element, &x, &y))
    ERROR (ctx, "field-invalid", element, "position",
           _("The position of “%s” must be two numbers."), NAME (element));

  node = json_object_get_member (json, "config");
  if (!_wm_json_is_absent (node) && !JSON_NODE_HOLDS_OBJECT (node))
    {
      ERROR (ctx, "field-invalid", element, "config",
             _("The settings of “%s” are damaged (config is not an object): set them again."),
             NAME (element));
      return;
    }
  config = wm_element_get_config (element);

  for (guint i = 0; i < type->n_fields; i++)
    check_field (ctx, element, &type->fields[i],
                 config != NULL ? json_object_get_member (config, type->fields[i].name) : NULL);
}

/* ---- the graph ---- */

/* The connections as adjacency lists in one block (compressed rows):
 * the successors of v are targets[start[v]] .. targets[start[v + 1] - 1]. */
typedef struct
{
  guint  n;
  guint *start;
  guint *targets;
} Graph;

static void
graph_free (Graph *g)
{
  /* Its arrays are scratch memory. */
  g->start = g->targets = NULL;
}

static void
graph_build (Graph  *g,
             guint   n,
             GArray *edges)   /* pairs of guint: from, to */
{
  guint m = edges->len / 2;
  const guint *pairs = (const guint *) edges->data;
  guint *fill = SCRATCH_NEW (guint, n + 1);

  g->n = n;
  g->start = SCRATCH_NEW (guint, n + 1);
  g->targets = SCRATCH_NEW (guint, m);
  for (guint e = 0; e < m; e++)
    g->start[pairs[2 * e] + 1]++;
  for (guint v = 0; v < n; v++)
    g->start[v + 1] += g->start[v];
  memcpy (fill, g->start, sizeof (guint) * (n + 1));
  for (guint e = 0; e < m; e++)
    g->targets[fill[pairs[2 * e]]++] = pairs[2 * e + 1];
}

static int
index_of (Ctx        *ctx,
          const char *id)
{
  return id != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (ctx->positions, id)) - 1 : -1;
}

static void
check_connections (Ctx   *ctx,
                   Graph *graph)
{
  guint n = wm_version_get_n_connections (ctx->version);
  /* The ports already connected, a short list per element (in scratch
   * memory): cheaper than a hash table that grows with the connections. */
  typedef struct UsedPort { const char *port; struct UsedPort *next; } UsedPort;
  UsedPort **used = SCRATCH_NEW (UsedPort *, wm_version_get_n_elements (ctx->version));

  g_autoptr(GArray) edges = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * n);

  for (guint i = 0; i < n; i++)
    {
      WmConnection *connection = wm_version_get_connection_at (ctx->version, i);
      const char *from = wm_connection_get_from (connection);
      const char *port = wm_connection_get_port (connection);
      const char *to = wm_connection_get_to (connection);
      int a, b;
      WmElement *source, *target;
      char field[32];

      /* Built for every connection but cheap: no allocation. */
      g_snprintf (field, sizeof field, "connections[%u]", i);

      if (from == NULL || port == NULL || to == NULL)
        {
          ERROR (ctx, "field-invalid", NULL, field,
                 _("Connection %u is damaged (it needs from, port and to as text): delete it and "
                   "connect again."), i + 1);
          continue;
        }
      a = index_of (ctx, from);
      b = index_of (ctx, to);
      source = a >= 0 ? ELEMENT_AT (ctx, a) : NULL;
      target = b >= 0 ? ELEMENT_AT (ctx, b) : NULL;
      if (source == NULL)
        {
          ERROR (ctx, "bad-connection", target, field,
                 _("A connection starts at “%s”, which is not in this version: delete the connection."), from);
          continue;
        }
      if (target == NULL)
        {
          ERROR (ctx, "bad-connection", source, field,
                 _("A connection from “%s” leads to “%s”, which is not in this version: connect it again."),
                 NAME (source), to);
          continue;
        }
      if (!wm_element_has_port (source, port))
        {
          ERROR (ctx, "bad-connection", source, field,
                 _("“%s” has no output “%s”: connect one of its outputs instead."), NAME (source), port);
          continue;
        }
      {
        UsedPort *u;

        for (u = used[a]; u != NULL && strcmp (u->port, port) != 0; u = u->next)
          ;
        if (u != NULL)
          {
            ERROR (ctx, "bad-connection", source, field,
                   _("The output “%s” of “%s” is connected twice: keep one connection."), port, NAME (source));
            continue;
          }
        u = scratch_alloc (sizeof (UsedPort));
        u->port = port;
        u->next = used[a];
        used[a] = u;
      }
      if (wm_element_get_element_type (target)->category == WM_CATEGORY_ENTRY)
        {
          ERROR (ctx, "bad-connection", target, field,
                 _("A connection leads into the entry point “%s”: nothing can lead into an entry point."),
                 NAME (target));
          continue;
        }
      {
        guint pair[2] = { a, b };
        g_array_append_vals (edges, pair, 2);
      }
    }

  graph_build (graph, wm_version_get_n_elements (ctx->version), edges);
}

static gboolean
element_can_wait (WmElement *element)
{
  const WmElementType *type = wm_element_get_element_type (element);

  if (type->can_wait)
    return TRUE;
  return type->category == WM_CATEGORY_CHANNEL
         && !_wm_json_is_absent (wm_element_get_config_member (element, "send_window"));
}

/* Tarjan's strongly connected components over the elements that cannot
 * wait, iteratively (the element count is input-controlled). A component
 * with two elements or more, or one with a self-loop, is an instant loop. */
static void
check_instant_loops (Ctx   *ctx,
                     Graph *graph)
{
  guint n = graph->n;
  gboolean *waits = SCRATCH_NEW (gboolean, n);
  int *index = SCRATCH_NEW (int, n);
  int *low = SCRATCH_NEW (int, n);
  gboolean *on_stack = SCRATCH_NEW (gboolean, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) call = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  int counter = 0;

  for (guint i = 0; i < n; i++)
    {
      waits[i] = element_can_wait (ELEMENT_AT (ctx, i));
      index[i] = -1;
    }

  for (guint root = 0; root < n; root++)
    {
      guint frame[2];

      if (waits[root] || index[root] >= 0)
        continue;

      frame[0] = root;
      frame[1] = 0;
      g_array_append_val (call, frame);
      index[root] = low[root] = counter++;
      g_array_append_val (stack, root);
      on_stack[root] = TRUE;

      while (call->len > 0)
        {
          guint *top = &g_array_index (call, guint, (call->len - 1) * 2);
          guint v = top[0];
          guint degree = graph->start[v + 1] - graph->start[v];

          if (top[1] < degree)
            {
              guint w = graph->targets[graph->start[v] + top[1]++];

              if (waits[w])
                continue;
              if (index[w] < 0)
                {
                  guint next[2] = { w, 0 };

                  index[w] = low[w] = counter++;
                  g_array_append_val (stack, w);
                  on_stack[w] = TRUE;
                  g_array_append_val (call, next);
                }
              else if (on_stack[w])
                low[v] = MIN (low[v], index[w]);
              continue;
            }

          /* v is done. */
          g_array_set_size (call, call->len - 1);
          if (call->len > 0)
            {
              guint parent = g_array_index (call, guint, (call->len - 1) * 2);
              low[parent] = MIN (low[parent], low[v]);
            }

          if (low[v] == index[v])
            {
              guint size = 0, first = G_MAXUINT;
              gboolean self_loop = FALSE;
              guint w;

              do
                {
                  w = g_array_index (stack, guint, stack->len - 1);
                  g_array_set_size (stack, stack->len - 1);
                  on_stack[w] = FALSE;
                  size++;
                  first = MIN (first, w);
                }
              while (w != v);

              for (guint e = graph->start[v]; e < graph->start[v + 1]; e++)
                if (graph->targets[e] == v)
                  self_loop = TRUE;

              if (size > 1 || self_loop)
                {
                  WmElement *element = ELEMENT_AT (ctx, first);

                  ERROR (ctx, "instant-loop", element, NULL,
                         _("“%s” is part of a loop with nothing that waits, so a customer would go "
                           "round it forever: add a wait to the loop."), NAME (element));
                }
            }
        }
    }
}

/* Marks what the entry reaches without entering @avoid (-1: none) or, when
 * @avoid_outcome is set, any outcome.start of that outcome. */
static void
reach (Ctx         *ctx,
       Graph       *graph,
       guint        entry,
       int          avoid,
       const char  *avoid_outcome,
       const char **starts,  /* per element: the outcome it starts, or NULL */
       gboolean    *seen,
       guint       *queue)   /* room for graph->n */
{
  guint tail = 0;

  memset (seen, 0, sizeof (gboolean) * graph->n);
  seen[entry] = TRUE;
  queue[tail++] = entry;
  for (guint head = 0; head < tail; head++)
    {
      guint v = queue[head];

      for (guint e = graph->start[v]; e < graph->start[v + 1]; e++)
        {
          guint w = graph->targets[e];

          if (seen[w] || (int) w == avoid)
            continue;
          if (avoid_outcome != NULL && starts[w] != NULL && strcmp (starts[w], avoid_outcome) == 0)
            continue;
          seen[w] = TRUE;
          queue[tail++] = w;
        }
    }
}

/* Immediate dominators of the reachable elements (Cooper, Harvey and
 * Kennedy's iterative algorithm over reverse postorder), iteratively: the
 * element count is input-controlled. idom[entry] is entry; unreachable
 * elements get -1. */
static int *
dominators (Graph    *graph,
            guint     entry,
            gboolean *reachable)
{
  guint n = graph->n;
  int *idom = SCRATCH_NEW (int, n);
  guint *order = SCRATCH_NEW (guint, n);      /* postorder */
  guint *number = SCRATCH_NEW (guint, n);     /* postorder index */
  guint *pred_start = SCRATCH_NEW (guint, n + 1);
  guint *preds = NULL;
  gboolean *visited = SCRATCH_NEW (gboolean, n);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint count = 0;
  gboolean changed = TRUE;

  for (guint v = 0; v < n; v++)
    idom[v] = -1;

  /* Postorder by an explicit-stack depth-first search. */
  {
    guint frame[2] = { entry, graph->start[entry] };

    visited[entry] = TRUE;
    g_array_append_val (stack, frame);
    while (stack->len > 0)
      {
        guint *top = &g_array_index (stack, guint, (stack->len - 1) * 2);

        if (top[1] < graph->start[top[0] + 1])
          {
            guint w = graph->targets[top[1]++];

            if (!visited[w])
              {
                guint next[2] = { w, graph->start[w] };

                visited[w] = TRUE;
                g_array_append_val (stack, next);
              }
            continue;
          }
        number[top[0]] = count;
        order[count++] = top[0];
        g_array_set_size (stack, stack->len - 1);
      }
  }

  /* Predecessors, as a block like the successors. */
  for (guint v = 0; v < n; v++)
    for (guint e = graph->start[v]; e < graph->start[v + 1]; e++)
      pred_start[graph->targets[e] + 1]++;
  for (guint v = 0; v < n; v++)
    pred_start[v + 1] += pred_start[v];
  preds = SCRATCH_NEW (guint, pred_start[n]);
  {
    guint *fill = SCRATCH_NEW (guint, n + 1);

    memcpy (fill, pred_start, sizeof (guint) * (n + 1));

    for (guint v = 0; v < n; v++)
      for (guint e = graph->start[v]; e < graph->start[v + 1]; e++)
        preds[fill[graph->targets[e]]++] = v;
  }

  idom[entry] = entry;
  while (changed)
    {
      changed = FALSE;
      /* Reverse postorder, the entry (last in postorder) excluded. */
      for (int k = (int) count - 2; k >= 0; k--)
        {
          guint b = order[k];
          int new_idom = -1;

          for (guint e = pred_start[b]; e < pred_start[b + 1]; e++)
            {
              guint p = preds[e];

              if (!reachable[p] || idom[p] < 0)
                continue;
              if (new_idom < 0)
                new_idom = p;
              else
                {
                  guint x = p, y = new_idom;

                  while (x != y)
                    {
                      while (number[x] < number[y])
                        x = idom[x];
                      while (number[y] < number[x])
                        y = idom[y];
                    }
                  new_idom = x;
                }
            }
          if (new_idom >= 0 && idom[b] != new_idom)
            {
              idom[b] = new_idom;
              changed = TRUE;
            }
        }
    }
  return idom;
}

static void
check_reachability (Ctx       *ctx,
                    Graph     *graph,
                    WmElement *entry)
{
  guint n = graph->n;
  guint entry_index;
  gboolean *reachable = SCRATCH_NEW (gboolean, n);
  guint *queue = SCRATCH_NEW (guint, n);
  const char **starts = SCRATCH_NEW (const char *, n);
  int *idom = NULL;
  /* One search per distinct outcome, not one per outcome.set. */
  g_autoptr(GHashTable) by_outcome = g_hash_table_new (g_str_hash, g_str_equal);

  if (index_of (ctx, wm_element_get_id (entry)) < 0)
    return;
  entry_index = index_of (ctx, wm_element_get_id (entry));
  reach (ctx, graph, entry_index, -1, NULL, starts, reachable, queue);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (wm_element_get_type_name (ELEMENT_AT (ctx, i)), "outcome.start"))
      starts[i] = wm_element_get_config_string (ELEMENT_AT (ctx, i), "outcome");

  /* A react.message can be reached without passing its message exactly
   * when the message does not dominate it: one dominator tree answers them
   * all. */
  idom = dominators (graph, entry_index, reachable);

  for (guint i = 0; i < n; i++)
    {
      WmElement *element = ELEMENT_AT (ctx, i);
      const char *type = wm_element_get_type_name (element);
      gboolean *seen;

      if (!reachable[i])
        {
          WARN (ctx, "unreachable", element, NULL,
                _("No customer can reach “%s”: connect it, or delete it."), NAME (element));
          continue;
        }

      if (g_str_equal (type, "react.message"))
        {
          const char *ref = wm_element_get_config_string (element, "element");
          int send = index_of (ctx, ref);
          gboolean dominated = FALSE;

          if (send < 0 || wm_element_get_element_type (ELEMENT_AT (ctx, send))->category
                            != WM_CATEGORY_CHANNEL)
            continue;
          for (int v = i; v >= 0 && !dominated; v = (guint) v == entry_index ? -1 : idom[v])
            dominated = v == send;
          if (!dominated)
            WARN (ctx, "react-before-send", element, "element",
                  _("Customers can reach “%s” without passing “%s”, so there is no message to react to: "
                    "move it after the message."),
                  NAME (element), NAME (ELEMENT_AT (ctx, send)));
        }
      else if (g_str_equal (type, "outcome.set"))
        {
          const char *outcome = wm_element_get_config_string (element, "outcome");

          if (outcome == NULL)
            continue;
          seen = g_hash_table_lookup (by_outcome, outcome);
          if (seen == NULL)
            {
              seen = SCRATCH_NEW (gboolean, n);
              reach (ctx, graph, entry_index, -1, outcome, starts, seen, queue);
              g_hash_table_insert (by_outcome, (gpointer) outcome, seen);
            }
          if (seen[i])
            WARN (ctx, "outcome-not-started", element, "outcome",
                  _("Customers can reach “%s” without the outcome “%s” being started, and then it "
                    "records nothing: add a Start outcome before it."), NAME (element), outcome);
        }
    }
}

/* ---- versions ---- */

static void
check_settings (Ctx *ctx)
{
  JsonNode *node = wm_version_get_member (ctx->version, "settings");
  JsonObject *settings, *object;
  JsonNode *member;

  if (_wm_json_is_absent (node))
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ERROR (ctx, "field-invalid", NULL, "settings",
             _("The flow settings of version %u are damaged (not an object): set them again."), ctx->number);
      return;
    }
  settings = json_node_get_object (node);

  /* Re-entry */
  member = json_object_get_member (settings, "reentry");
  if (!_wm_json_is_absent (member) && !JSON_NODE_HOLDS_OBJECT (member))
    ERROR (ctx, "field-invalid", NULL, "settings.reentry",
           _("The re-entry settings are damaged (not an object): set them again."));
  else if (!_wm_json_is_absent (member))
    {
      JsonNode *limits;
      gint64 seconds;

      object = json_node_get_object (member);
      if (!_wm_json_is_absent (json_object_get_member (object, "enabled"))
          && !node_is_boolean (json_object_get_member (object, "enabled")))
        ERROR (ctx, "field-invalid", NULL, "settings.reentry.enabled",
               _("Re-entry must be switched on or off (true or false)."));
      if (!_wm_json_is_absent (json_object_get_member (object, "delay"))
          && !wm_duration_parse (_wm_json_string (json_object_get_member (object, "delay"))
                                 ? _wm_json_string (json_object_get_member (object, "delay")) : "", &seconds))
        ERROR (ctx, "field-invalid", NULL, "settings.reentry.delay",
               _("The re-entry delay must be a duration such as 30m, 2h or 3d, at most 366 days."));
      limits = json_object_get_member (object, "limits");
      if (!_wm_json_is_absent (limits) && !JSON_NODE_HOLDS_ARRAY (limits))
        ERROR (ctx, "field-invalid", NULL, "settings.reentry.limits",
               _("The entry limitations must be a list of rules."));
      else if (!_wm_json_is_absent (limits))
        {
          JsonArray *array = json_node_get_array (limits);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              g_autofree char *field = NULL;
              double count;

              if (!JSON_NODE_HOLDS_OBJECT (item))
                {
                  field = g_strdup_printf ("settings.reentry.limits[%u]", i);
                  ERROR (ctx, "field-invalid", NULL, field,
                         _("Entry limitation %u must have a count and a period."), i + 1);
                  continue;
                }
              object = json_node_get_object (item);
              field = g_strdup_printf ("settings.reentry.limits[%u].count", i);
              if (_wm_json_is_absent (json_object_get_member (object, "count")))
                ERROR (ctx, "field-missing", NULL, field,
                       _("Entry limitation %u needs a count: how many entries are allowed."), i + 1);
              else if (!node_integer (json_object_get_member (object, "count"), &count) || count < 1)
                ERROR (ctx, "field-invalid", NULL, field,
                       _("The count of entry limitation %u must be a whole number of 1 or more."), i + 1);
              g_clear_pointer (&field, g_free);
              field = g_strdup_printf ("settings.reentry.limits[%u].period", i);
              if (_wm_json_is_absent (json_object_get_member (object, "period")))
                ERROR (ctx, "field-missing", NULL, field,
                       _("Entry limitation %u needs a period, such as 7d."), i + 1);
              else if (!wm_duration_parse (_wm_json_string (json_object_get_member (object, "period"))
                                           ? _wm_json_string (json_object_get_member (object, "period")) : "",
                                           &seconds))
                ERROR (ctx, "field-invalid", NULL, field,
                       _("The period of entry limitation %u must be a duration such as 1d or 1w."), i + 1);
            }
        }
    }

  /* Goal */
  member = json_object_get_member (settings, "goal");
  if (!_wm_json_is_absent (member) && !JSON_NODE_HOLDS_OBJECT (member))
    ERROR (ctx, "field-invalid", NULL, "settings.goal",
           _("The goal is damaged (not an object): set it again."));
  else if (!_wm_json_is_absent (member))
    {
      JsonNode *value;
      gint64 seconds;

      object = json_node_get_object (member);
      value = json_object_get_member (object, "event");
      if (_wm_json_is_absent (value))
        ERROR (ctx, "field-missing", NULL, "settings.goal.event",
               _("The goal needs an event: name the event that counts as a conversion."));
      else if (_wm_json_string (value) == NULL)
        ERROR (ctx, "field-invalid", NULL, "settings.goal.event",
               _("The goal event must be an event name."));
      value = json_object_get_member (object, "value");
      if (!_wm_json_is_absent (value) && _wm_json_string (value) == NULL)
        ERROR (ctx, "field-invalid", NULL, "settings.goal.value",
               _("The goal value must name a numeric property of the event."));
      value = json_object_get_member (object, "window");
      if (!_wm_json_is_absent (value) && !wm_duration_parse (_wm_json_string (value) ? _wm_json_string (value) : "", &seconds))
        ERROR (ctx, "field-invalid", NULL, "settings.goal.window",
               _("The goal window must be a duration such as 7d, at most 366 days."));
    }

  /* Variables are collected before the elements are checked (see
   * collect_variables); here only the list itself. */
  member = json_object_get_member (settings, "variables");
  if (!_wm_json_is_absent (member) && !JSON_NODE_HOLDS_ARRAY (member))
    ERROR (ctx, "field-invalid", NULL, "settings.variables",
           _("The variables must be a list."));
}

static void
collect_variables (Ctx *ctx)
{
  JsonObject *settings = wm_version_get_settings (ctx->version);
  JsonNode *node = settings != NULL ? json_object_get_member (settings, "variables") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *variable;
      const char *name, *type;
      JsonNode *initial;
      g_autofree char *field = g_strdup_printf ("settings.variables[%u]", i);
      g_autofree char *name_field = g_strdup_printf ("settings.variables[%u].name", i);
      g_autofree char *type_field = g_strdup_printf ("settings.variables[%u].type", i);
      g_autofree char *initial_field = g_strdup_printf ("settings.variables[%u].initial", i);
      gboolean ok;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          ERROR (ctx, "variable-invalid", NULL, field,
                 _("Variable %u must have a name and a type."), i + 1);
          continue;
        }
      variable = json_node_get_object (item);
      name = _wm_json_string (json_object_get_member (variable, "name"));
      if (!is_variable_name (name))
        ERROR (ctx, "variable-invalid", NULL, name_field,
               _("Variable %u needs a name of letters, digits and “_” that does not start with a "
                 "digit (at most 64)."), i + 1);
      else if (g_hash_table_contains (ctx->variables, name))
        ERROR (ctx, "variable-invalid", NULL, name_field,
               _("There are two variables named “%s”: rename one."), name);
      else
        g_hash_table_add (ctx->variables, (gpointer) name);

      type = _wm_json_string (json_object_get_member (variable, "type"));
      if (type == NULL || !g_strv_contains ((const char *[]) { "string", "number", "boolean", "datetime", NULL }, type))
        {
          ERROR (ctx, "variable-invalid", NULL, type_field,
                 _("The variable “%s” needs a type: string, number, boolean or datetime."),
                 name != NULL ? name : "");
          continue;
        }

      initial = json_object_get_member (variable, "initial");
      if (_wm_json_is_absent (initial))
        continue;
      if (g_str_equal (type, "string"))
        ok = _wm_json_string (initial) != NULL;
      else if (g_str_equal (type, "number"))
        ok = _wm_json_node_is_number (initial);
      else if (g_str_equal (type, "boolean"))
        ok = node_is_boolean (initial);
      else
        {
          gint64 t;
          ok = _wm_json_string (initial) != NULL && wm_timestamp_parse (_wm_json_string (initial), -1, &t);
        }
      if (!ok)
        ERROR (ctx, "variable-invalid", NULL, initial_field,
               _("The initial value of the variable “%s” is not a %s: change the value or the type."),
               name != NULL ? name : "", type);
    }
}

static gboolean
read_timestamp_member (Ctx         *ctx,
                       const char  *key,
                       gboolean    *present,
                       gint64      *t)
{
  JsonNode *node = wm_version_get_member (ctx->version, key);
  const char *text;

  *present = !_wm_json_is_absent (node);
  if (!*present)
    return FALSE;
  text = _wm_json_string (node);
  if (text == NULL || !wm_timestamp_parse (text, -1, t))
    {
      ERROR (ctx, "field-invalid", NULL, key,
             _("The %s of version %u must be a timestamp such as 2026-01-03T09:12:00Z."), key, ctx->number);
      return FALSE;
    }
  return TRUE;
}

static void
check_lifecycle_fields (Ctx    *ctx,
                        gint64 *latest_launch,
                        gboolean *have_launch)
{
  WmVersionStatus status = wm_version_get_status (ctx->version);
  gboolean launched_present, stopped_present;
  gint64 launched = 0, stopped = 0;
  gboolean launched_ok = read_timestamp_member (ctx, "launched_at", &launched_present, &launched);
  gboolean stopped_ok = read_timestamp_member (ctx, "stopped_at", &stopped_present, &stopped);
  gboolean needs_launch = status == WM_VERSION_ACTIVE || status == WM_VERSION_PAUSED
                          || status == WM_VERSION_FINISHING || status == WM_VERSION_FINISHED
                          || status == WM_VERSION_STOPPED;
  const char *label = wm_version_status_get_label (status);

  if (needs_launch && !launched_present)
    ERROR (ctx, "field-invalid", NULL, "launched_at",
           _("Version %u is %s but has no launch time (launched_at)."), ctx->number, label);
  else if (!needs_launch && launched_present)
    ERROR (ctx, "field-invalid", NULL, "launched_at",
           _("Version %u is %s and cannot have a launch time (launched_at): remove it."), ctx->number, label);

  if (status == WM_VERSION_STOPPED && !stopped_present)
    ERROR (ctx, "field-invalid", NULL, "stopped_at",
           _("Version %u is stopped but has no stop time (stopped_at)."), ctx->number);
  else if (status != WM_VERSION_STOPPED && stopped_present)
    ERROR (ctx, "field-invalid", NULL, "stopped_at",
           _("Version %u is %s and cannot have a stop time (stopped_at): remove it."), ctx->number, label);
  else if (launched_ok && stopped_ok && stopped < launched)
    ERROR (ctx, "field-invalid", NULL, "stopped_at",
           _("Version %u stops before it was launched: correct stopped_at."), ctx->number);

  if (launched_ok)
    {
      if (*have_launch && launched < *latest_launch)
        ERROR (ctx, "field-invalid", NULL, "launched_at",
               _("Version %u was launched before an earlier version: correct launched_at."), ctx->number);
      if (!*have_launch || launched > *latest_launch)
        *latest_launch = launched;
      *have_launch = TRUE;
    }
}

/* Entry configs compared as values, without x- keys and null or "" fields;
 * defaults are not filled in. */
static JsonNode *
comparable_config (WmElement *entry)
{
  JsonObject *config = wm_element_get_config (entry);
  JsonObject *copy = json_object_new ();
  JsonNode *node = json_node_alloc ();

  if (config != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, config);
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (!g_str_has_prefix (key, "x-") && !_wm_json_is_absent (value))
          json_object_set_member (copy, key, json_node_ref (value));
    }
  json_node_init_object (node, copy);
  json_object_unref (copy);
  return node;
}

static void
check_entry_changed (Ctx       *ctx,
                     WmVersion *previous)
{
  WmElement *entry = ctx->entry;
  WmElement *before = previous != NULL ? wm_version_get_entry (previous) : NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  if (entry == NULL || before == NULL)
    return;
  a = comparable_config (entry);
  b = comparable_config (before);
  if (g_strcmp0 (wm_element_get_type_name (entry), wm_element_get_type_name (before)) != 0
      || !json_equal (a, b))
    ERROR (ctx, "entry-changed", entry, NULL,
           _("The entry point “%s” differs from version %u's: a new version keeps the entry point "
             "of the one before, so change it back or duplicate the flow instead."),
           NAME (entry), wm_version_get_number (previous));
}

static gboolean
keywords_clash (const char *a,
                const char *b)
{
  if (a == NULL || *a == '\0' || b == NULL || *b == '\0')
    return TRUE;
  return g_ascii_strcasecmp (a, b) == 0;
}

static void
check_inbound_conflicts (Ctx *ctx)
{
  WmElement *entry = ctx->entry;
  GPtrArray *flows;
  const char *channel, *number;

  if (entry == NULL || ctx->lookup == NULL
      || !g_str_equal (wm_element_get_type_name (entry), "entry.inbound"))
    return;
  flows = wm_lookup_list_flows (ctx->lookup);
  if (flows == NULL)
    return;
  channel = wm_element_get_config_string (entry, "channel");
  number = wm_element_get_config_string (entry, "number");
  if (channel == NULL || number == NULL)
    return;

  for (guint i = 0; i < flows->len; i++)
    {
      WmFlow *other = flows->pdata[i];
      WmVersion *latest;
      WmVersionStatus status;
      WmElement *other_entry;

      if (other == ctx->flow || g_strcmp0 (wm_flow_get_id (other), wm_flow_get_id (ctx->flow)) == 0)
        continue;
      latest = wm_flow_get_latest_version (other);
      if (latest == NULL)
        continue;
      status = wm_version_get_status (latest);
      if (status != WM_VERSION_SCHEDULED && status != WM_VERSION_ACTIVE && status != WM_VERSION_PAUSED)
        continue;
      other_entry = wm_version_get_entry (latest);
      if (other_entry == NULL || !g_str_equal (wm_element_get_type_name (other_entry), "entry.inbound"))
        continue;
      if (g_strcmp0 (wm_element_get_config_string (other_entry, "channel"), channel) != 0
          || g_strcmp0 (wm_element_get_config_string (other_entry, "number"), number) != 0
          || !keywords_clash (wm_element_get_config_string (entry, "keyword"),
                              wm_element_get_config_string (other_entry, "keyword")))
        continue;
      ERROR (ctx, "inbound-conflict", entry, "number",
             _("The flow “%s” already takes in messages to %s with this keyword: use another number "
               "or keyword, or stop that flow."),
             wm_flow_get_name (other) ? wm_flow_get_name (other) : wm_flow_get_id (other), number);
    }
}

typedef struct
{
  const char *folded;
  guint       index;
} FoldedName;

static int
compare_folded_names (gconstpointer a,
                      gconstpointer b)
{
  const FoldedName *x = a, *y = b;
  int cmp = strcmp (x->folded, y->folded);

  if (cmp != 0)
    return cmp;
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
check_version (Ctx       *ctx,
               WmVersion *previous,
               gint64    *latest_launch,
               gboolean  *have_launch)
{
  guint n = wm_version_get_n_elements (ctx->version);
  guint entries = 0, milestones = 0;
  /* Names compared after case folding: sorted, so equal ones are
   * neighbours (cheaper than a hash table growing with the elements). */
  FoldedName *folded_names = SCRATCH_NEW (FoldedName, n);
  guint n_named = 0;
  WmElement *entry = NULL;
  JsonNode *node;
  Graph graph = { 0, NULL, NULL };
  WmElement **elements = SCRATCH_NEW (WmElement *, n);

  for (guint i = 0; i < n; i++)
    elements[i] = wm_version_get_element_at (ctx->version, i);
  ctx->elements = elements;

  check_lifecycle_fields (ctx, latest_launch, have_launch);
  check_settings (ctx);
  collect_variables (ctx);

  node = wm_version_get_member (ctx->version, "elements");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    ERROR (ctx, "field-invalid", NULL, "elements",
           _("The elements of version %u are damaged (not a list): the version cannot be shown."),
           ctx->number);
  node = wm_version_get_member (ctx->version, "connections");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    ERROR (ctx, "field-invalid", NULL, "connections",
           _("The connections of version %u are damaged (not a list): connect the elements again."),
           ctx->number);

  /* Ids and names first: references below look elements up by id. */
  for (guint i = 0; i < n; i++)
    {
      WmElement *element = ELEMENT_AT (ctx, i);
      const char *id = wm_element_get_id (element);
      const char *name = wm_element_get_name (element);

      if (g_hash_table_contains (ctx->positions, id))
        ERROR (ctx, "duplicate-id", element, "id",
               _("Two elements share the id “%s”: give one of them another id."), id);
      else
        {
          g_hash_table_insert (ctx->positions, (gpointer) id, GUINT_TO_POINTER (i + 1));
        }

      if (name != NULL)
        {
          folded_names[n_named].folded = fold_name (name);
          folded_names[n_named].index = i;
          n_named++;
        }

      switch (wm_element_get_element_type (element)->category)
        {
        case WM_CATEGORY_ENTRY:
          entries++;
          entry = element;
          break;
        case WM_CATEGORY_MILESTONE:
          if (g_str_equal (wm_element_get_type_name (element), "milestone"))
            milestones++;
          break;
        case WM_CATEGORY_CHANNEL:
        case WM_CATEGORY_FUNCTION:
        case WM_CATEGORY_EXIT:
        case WM_N_CATEGORIES:
        default:
          break;
        }
    }

  /* Every element whose folded name an earlier element has. */
  qsort (folded_names, n_named, sizeof (FoldedName), compare_folded_names);
  for (guint k = 1; k < n_named; k++)
    if (strcmp (folded_names[k].folded, folded_names[k - 1].folded) == 0)
      {
        WmElement *element = ELEMENT_AT (ctx, folded_names[k].index);

        ERROR (ctx, "duplicate-id", element, "name",
               _("Two elements are named “%s”: rename one of them."), wm_element_get_name (element));
      }

  ctx->entry = entries == 1 ? entry : NULL;
  if (entries == 0)
    ERROR (ctx, "entry-count", NULL, NULL,
           _("Version %u has no entry point: add one from Entry points."), ctx->number);
  else if (entries > 1)
    ERROR (ctx, "entry-count", NULL, NULL,
           _("Version %u has %u entry points: keep only one."), ctx->number, entries);

  if (n > MAX_ELEMENTS)
    ERROR (ctx, "limit-exceeded", NULL, NULL,
           _("Version %u has %u elements; at most %u are allowed: remove some or split the flow."),
           ctx->number, n, MAX_ELEMENTS);
  if (milestones > MAX_MILESTONE_ELEMENTS)
    ERROR (ctx, "limit-exceeded", NULL, NULL,
           _("Version %u has %u milestones; at most %u are allowed: remove some."),
           ctx->number, milestones, MAX_MILESTONE_ELEMENTS);

  for (guint i = 0; i < n; i++)
    check_element (ctx, ELEMENT_AT (ctx, i));

  check_connections (ctx, &graph);
  check_instant_loops (ctx, &graph);
  if (entries == 1)
    check_reachability (ctx, &graph, entry);
  graph_free (&graph);

  check_entry_changed (ctx, previous);
  check_inbound_conflicts (ctx);
}

/* ---- the flow ---- */

static void
check_flow_fields (Ctx *ctx)
{
  JsonNode *node;
  JsonObject *schedule;
  gint64 start = 0, end = 0;
  gboolean has_start = FALSE, has_end = FALSE;
  gboolean audience = FALSE;

  node = wm_flow_get_member (ctx->flow, "id");
  if (!_wm_is_id (_wm_json_string (node)))
    ERROR (ctx, "field-invalid", NULL, "id",
           _("The flow's id must be 1 to 64 letters, digits, “_” or “-”."));

  node = wm_flow_get_member (ctx->flow, "name");
  if (_wm_json_is_absent (node))
    ERROR (ctx, "name-missing", NULL, NULL, _("The flow has no name: give it one."));
  else if (_wm_json_string (node) == NULL)
    ERROR (ctx, "field-invalid", NULL, "name", _("The flow's name must be text."));

  node = wm_flow_get_member (ctx->flow, "description");
  if (!_wm_json_is_absent (node) && _wm_json_string (node) == NULL)
    ERROR (ctx, "field-invalid", NULL, "description", _("The flow's description must be text."));

  node = wm_flow_get_member (ctx->flow, "timezone");
  if (!_wm_json_is_absent (node) && !wm_zone_name_is_valid (_wm_json_string (node) ? _wm_json_string (node) : ""))
    ERROR (ctx, "field-invalid", NULL, "timezone",
           _("The flow's time zone must be a zone name such as Europe/Zagreb or UTC."));

  node = wm_flow_get_member (ctx->flow, "schedule");
  if (!_wm_json_is_absent (node) && !JSON_NODE_HOLDS_OBJECT (node))
    ERROR (ctx, "field-invalid", NULL, "schedule",
           _("The flow's schedule is damaged (not an object): set it again."));
  schedule = wm_flow_get_schedule (ctx->flow);
  if (schedule != NULL)
    {
      JsonNode *member = json_object_get_member (schedule, "start");

      if (!_wm_json_is_absent (member))
        {
          has_start = _wm_json_string (member) != NULL && wm_timestamp_parse (_wm_json_string (member), -1, &start);
          if (!has_start)
            ERROR (ctx, "field-invalid", NULL, "schedule.start",
                   _("The schedule's start must be a timestamp such as 2026-01-03T09:00:00Z."));
        }
      member = json_object_get_member (schedule, "end");
      if (!_wm_json_is_absent (member))
        {
          has_end = _wm_json_string (member) != NULL && wm_timestamp_parse (_wm_json_string (member), -1, &end);
          if (!has_end)
            ERROR (ctx, "field-invalid", NULL, "schedule.end",
                   _("The schedule's end must be a timestamp such as 2026-03-31T20:00:00Z."));
        }
      member = json_object_get_member (schedule, "indefinite");
      if (!_wm_json_is_absent (member) && !node_is_boolean (member))
        ERROR (ctx, "field-invalid", NULL, "schedule.indefinite",
               _("“Run indefinitely” must be true or false."));
      if (has_start && has_end && end <= start)
        ERROR (ctx, "schedule-invalid", NULL, "schedule.end",
               _("The schedule ends before it starts: move the end after the start."));
    }

  for (guint i = 0; i < wm_flow_get_n_versions (ctx->flow); i++)
    {
      WmElement *entry = wm_version_get_entry (wm_flow_get_version_at (ctx->flow, i));

      if (entry != NULL && g_str_equal (wm_element_get_type_name (entry), "entry.audience"))
        audience = TRUE;
    }
  if (audience)
    {
      JsonNode *indefinite = schedule != NULL ? json_object_get_member (schedule, "indefinite") : NULL;

      if (node_is_boolean (indefinite) && json_node_get_boolean (indefinite))
        ERROR (ctx, "audience-rules", NULL, "schedule.indefinite",
               _("An audience flow takes everyone in once, at launch, so it cannot run indefinitely: "
                 "set an end or leave the default."));
      if (wm_flow_get_n_versions (ctx->flow) > 1)
        ERROR (ctx, "audience-rules", NULL, NULL,
               _("An audience flow cannot have more than one version: duplicate the flow instead."));
    }
}

GPtrArray *
wm_validate_flow (WmFlow   *flow,
                  WmLookup *lookup)
{
  Ctx ctx = { 0 };
  WmVersion *previous = NULL;
  gint64 latest_launch = 0;
  gboolean have_launch = FALSE;

  g_return_val_if_fail (WM_IS_FLOW (flow), NULL);
  g_return_val_if_fail (lookup == NULL || WM_IS_LOOKUP (lookup), NULL);

  scratch_reset ();
  ctx.flow = flow;
  ctx.lookup = lookup;
  ctx.out = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_diagnostic_free);

  check_flow_fields (&ctx);

  for (guint i = 0; i < wm_flow_get_n_versions (flow); i++)
    {
      WmVersion *version = wm_flow_get_version_at (flow, i);

      ctx.version = version;
      ctx.number = wm_version_get_number (version);
      ctx.variables = g_hash_table_new (g_str_hash, g_str_equal);
      ctx.positions = g_hash_table_new (g_str_hash, g_str_equal);

      check_version (&ctx, previous, &latest_launch, &have_launch);

      g_clear_pointer (&ctx.variables, g_hash_table_unref);
      g_clear_pointer (&ctx.positions, g_hash_table_unref);
      previous = version;
    }

  return ctx.out;
}

guint
wm_diagnostics_count (GPtrArray  *diagnostics,
                      WmSeverity  severity,
                      guint       version)
{
  guint count = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      WmDiagnostic *d = diagnostics->pdata[i];

      if (d->severity == severity && (version == G_MAXUINT || d->version == version))
        count++;
    }
  return count;
}

gboolean
wm_diagnostics_block_version (GPtrArray *diagnostics,
                              guint      version)
{
  return wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, 0) > 0
         || wm_diagnostics_count (diagnostics, WM_SEVERITY_ERROR, version) > 0;
}
