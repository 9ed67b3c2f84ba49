/* test-tables.c - the --csv and --xlsx tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wm-flow-io.h"
#include "wm-json.h"
#include "wm-money.h"
#include "wm-tables.h"
#include "sim-harness.h"

/* The engine hands money over as its exact decimal text. expected.json
 * read with wm_json_parse gives doubles instead; as the report writes
 * money with at most six decimals (percentages two), the double nearest
 * such a decimal rounds back to exactly its micro-units, and the report's
 * own formatter then gives back the exact text of the file. */
static void
money_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        money_to_text (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) keys = json_object_get_members (object);

      for (GList *l = keys; l != NULL; l = l->next)
        {
          const char *key = l->data;
          JsonNode *member = json_object_get_member (object, key);
          gboolean money = g_str_equal (key, "cost")
                           || g_str_equal (key, "traffic_cost")
                           || g_str_equal (key, "goal_value");
          gboolean pct = g_str_equal (key, "success_pct")
                         || g_str_equal (key, "failure_pct");
          char buf[32];
          gint64 micro;

          if ((money || pct) && JSON_NODE_HOLDS_VALUE (member))
            {
              g_assert_true (wm_money_from_double (json_node_get_double (member),
                                                   &micro));
              if (money)
                wm_money_format (micro, buf);
              else
                wm_percent_format (micro / 100, buf);
              json_object_set_string_member (object, key, buf);
            }
          else
            money_to_text (member);
        }
    }
}

static JsonNode *
load_report (const char *case_dir,
             gboolean    as_text)
{
  g_autofree char *path = g_build_filename (case_dir, "expected.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *report = wm_json_parse_file (path, &error);

  g_assert_no_error (error);
  if (as_text)
    money_to_text (report);
  return report;
}

/* The flows case.json names. */
static GPtrArray *
load_flows (const char *case_dir)
{
  g_autofree char *path = g_build_filename (case_dir, "case.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) spec = wm_json_parse_file (path, &error);
  GPtrArray *flows = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *names;

  g_assert_no_error (error);
  names = json_object_get_array_member (json_node_get_object (spec), "flows");
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      g_autofree char *flow_path = g_build_filename (
        case_dir, json_array_get_string_element (names, i), NULL);
      WmFlow *flow = wm_flow_load_from_file (flow_path, &error);

      g_assert_no_error (error);
      g_ptr_array_add (flows, flow);
    }
  return flows;
}

static char *
read_file (const char *dir,
           const char *name,
           gsize      *length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("wm-tables-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
check_case (const char *name,
            gboolean    money_as_text)
{
  g_autofree char *case_dir = g_build_filename (SHARED_DIR, "conformance",
                                                name, NULL);
  g_autofree char *expected_dir = g_build_filename (case_dir, "csv", NULL);
  g_autoptr(JsonNode) report = load_report (case_dir, money_as_text);
  g_autoptr(GPtrArray) flows = load_flows (case_dir);
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "elements.csv", "ports.csv", "channels.csv" };

  g_assert_true (wm_tables_write_csv (report, flows, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gsize expected_len, got_len;
      g_autofree char *expected = read_file (expected_dir, tables[i],
                                             &expected_len);
      g_autofree char *got = read_file (dir, tables[i], &got_len);

      g_test_message ("%s/%s", name, tables[i]);
      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpuint (got_len, ==, expected_len);
    }
  sim_remove_dir (dir);
}

static void
test_conformance_02 (void)
{
  check_case ("02-channels", TRUE);
}

static void
test_conformance_06 (void)
{
  check_case ("06-versions-stop", TRUE);
}

static void
test_conformance_15 (void)
{
  check_case ("15-tables", TRUE);
}

/* A report read back from a file (money as doubles) gives the same bytes. */
static void
test_conformance_doubles (void)
{
  check_case ("06-versions-stop", FALSE);
  check_case ("15-tables", FALSE);
}

/* A flow of three versions: 3 is a draft that takes no part, so the `all`
 * rows name b after version 2. */
static const char hand_flow[] =
  "{\"format\":\"waymark.flow\",\"format_version\":1,\"id\":\"+f\","
  "\"name\":\"F\",\"description\":\"\",\"timezone\":\"UTC\","
  "\"schedule\":{\"start\":null,\"end\":null,\"indefinite\":true},"
  "\"versions\":["
  "{\"number\":1,\"status\":\"finished\",\"created_at\":\"2026-01-01T00:00:00Z\","
  "\"launched_at\":\"2026-01-01T00:00:00Z\",\"stopped_at\":null,"
  "\"settings\":{\"reentry\":{\"enabled\":true,\"delay\":\"0s\",\"limits\":[]},"
  "\"goal\":null,\"variables\":[]},"
  "\"elements\":["
  "{\"id\":\"a\",\"type\":\"notify.internal\",\"name\":\"say \\\"hi\\\", =now\","
  "\"position\":[0,0],\"config\":{}},"
  "{\"id\":\"b\",\"type\":\"send.sms\",\"name\":\"-x\",\"position\":[0,0],"
  "\"config\":{}},"
  "{\"id\":\"c\",\"type\":\"exit\",\"name\":\"\\tTab, y\",\"position\":[0,0],"
  "\"config\":{}}],"
  "\"connections\":[]},"
  "{\"number\":2,\"status\":\"active\",\"created_at\":\"2026-01-01T00:00:00Z\","
  "\"launched_at\":\"2026-02-01T00:00:00Z\",\"stopped_at\":null,"
  "\"settings\":{\"reentry\":{\"enabled\":true,\"delay\":\"0s\",\"limits\":[]},"
  "\"goal\":null,\"variables\":[]},"
  "\"elements\":["
  "{\"id\":\"b\",\"type\":\"send.email\",\"name\":\"B2\",\"position\":[0,0],"
  "\"config\":{}},"
  "{\"id\":\"d\",\"type\":\"exit\",\"position\":[0,0],\"config\":{}}],"
  "\"connections\":[]},"
  "{\"number\":3,\"status\":\"draft\",\"created_at\":\"2026-01-01T00:00:00Z\","
  "\"launched_at\":null,\"stopped_at\":null,"
  "\"settings\":{\"reentry\":{\"enabled\":true,\"delay\":\"0s\",\"limits\":[]},"
  "\"goal\":null,\"variables\":[]},"
  "\"elements\":["
  "{\"id\":\"b\",\"type\":\"send.push\",\"name\":\"B3\",\"position\":[0,0],"
  "\"config\":{}}],"
  "\"connections\":[]}]}";

/* Counts as json-glib integers (G_TYPE_INT64), money as text. */
static const char hand_report[] =
  "{\"format\":\"waymark.report\",\"format_version\":1,\"run\":{},"
  "\"flows\":{\"+f\":{\"name\":\"F\","
  "\"all\":{"
  " \"channels\":{\"sms\":{\"sends\":2,\"messages\":3,\"no_contact\":0,"
  "  \"delivered\":1,\"opened\":0,\"clicked\":0,\"cost\":\"-3.25\"},"
  "  \"email\":{\"sends\":1,\"messages\":1,\"no_contact\":0,\"delivered\":1,"
  "  \"opened\":1,\"clicked\":0,\"cost\":\"12\"}},"
  " \"elements\":{"
  "  \"a\":{\"total_engagements\":1,\"unique_users\":1,\"ports\":{\"out\":1},"
  "   \"notifications\":1,\"cost\":\"0.0008\"},"
  "  \"b\":{\"total_engagements\":3,\"unique_users\":2,\"ports\":{\"out\":3},"
  "   \"sends\":3,\"messages\":4,\"no_contact\":0,\"delivered\":2,\"opened\":1,"
  "   \"clicked\":0,\"cost\":\"8.75\"},"
  "  \"c\":{\"total_engagements\":1,\"unique_users\":1,\"ports\":{}},"
  "  \"d\":{\"total_engagements\":0,\"unique_users\":0,\"ports\":{}}}},"
  "\"versions\":{"
  " \"1\":{\"channels\":{\"sms\":{\"sends\":2,\"messages\":3,\"no_contact\":0,"
  "  \"delivered\":1,\"opened\":0,\"clicked\":0,\"cost\":\"-3.25\"}},"
  "  \"elements\":{"
  "  \"a\":{\"total_engagements\":1,\"unique_users\":1,\"ports\":{\"out\":1},"
  "   \"notifications\":1,\"cost\":\"0.0008\"},"
  "  \"b\":{\"total_engagements\":2,\"unique_users\":2,\"ports\":{\"out\":2},"
  "   \"sends\":2,\"messages\":3,\"no_contact\":0,\"delivered\":1,\"opened\":0,"
  "   \"clicked\":0,\"cost\":\"-3.25\"},"
  "  \"c\":{\"total_engagements\":1,\"unique_users\":1,\"ports\":{}}}},"
  " \"2\":{\"channels\":{\"email\":{\"sends\":1,\"messages\":1,\"no_contact\":0,"
  "  \"delivered\":1,\"opened\":1,\"clicked\":0,\"cost\":12}},"
  "  \"elements\":{"
  "  \"b\":{\"total_engagements\":1,\"unique_users\":1,\"ports\":{\"out\":1},"
  "   \"sends\":1,\"messages\":1,\"no_contact\":0,\"delivered\":1,\"opened\":1,"
  "   \"clicked\":0,\"cost\":12},"
  "  \"d\":{\"total_engagements\":0,\"unique_users\":0,\"ports\":{}}}}}}}}";

static JsonNode *
parse_glib (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static GPtrArray *
hand_flows (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *flows = g_ptr_array_new_with_free_func (g_object_unref);
  WmFlow *flow = wm_flow_load_from_data (hand_flow, -1, &error);

  g_assert_no_error (error);
  g_ptr_array_add (flows, flow);
  return flows;
}

#define HEADER "flow,version,element,name,type,total_engagements," \
  "unique_users,sends,messages,no_contact,delivered,opened,clicked," \
  "notifications,cost\r\n"

/* Expected rows written by hand from simulation.md's rules: the flow id
 * "+f" and the names "-x" and "\tTab, y" get a leading ' (inside the quotes
 * for the one with a comma); "say \"hi\", =now" is quoted with its quotes
 * doubled and no ' (it does not start with =); money is written as given,
 * -3.25 unquoted and without '; d has no name (empty cell); in `all`, b
 * is named after version 2 (version 3 takes no part) and a after version
 * 1, the only one that has it. */
static void
test_hand_report (void)
{
  g_autoptr(JsonNode) report = parse_glib (hand_report);
  g_autoptr(GPtrArray) flows = hand_flows ();
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *elements = NULL;
  g_autofree char *ports = NULL;
  g_autofree char *channels = NULL;

  g_assert_true (wm_tables_write_csv (report, flows, dir, &error));
  g_assert_no_error (error);
  elements = read_file (dir, "elements.csv", NULL);
  ports = read_file (dir, "ports.csv", NULL);
  channels = read_file (dir, "channels.csv", NULL);

  g_assert_cmpstr (elements, ==,
    HEADER
    "'+f,all,a,\"say \"\"hi\"\", =now\",notify.internal,1,1,,,,,,,1,0.0008\r\n"
    "'+f,all,b,B2,send.email,3,2,3,4,0,2,1,0,,8.75\r\n"
    "'+f,all,c,\"'\tTab, y\",exit,1,1,,,,,,,,\r\n"
    "'+f,all,d,,exit,0,0,,,,,,,,\r\n"
    "'+f,1,a,\"say \"\"hi\"\", =now\",notify.internal,1,1,,,,,,,1,0.0008\r\n"
    "'+f,1,b,'-x,send.sms,2,2,2,3,0,1,0,0,,-3.25\r\n"
    "'+f,1,c,\"'\tTab, y\",exit,1,1,,,,,,,,\r\n"
    "'+f,2,b,B2,send.email,1,1,1,1,0,1,1,0,,12\r\n"
    "'+f,2,d,,exit,0,0,,,,,,,,\r\n");
  g_assert_cmpstr (ports, ==,
    "flow,version,element,port,count\r\n"
    "'+f,all,a,out,1\r\n"
    "'+f,all,b,out,3\r\n"
    "'+f,1,a,out,1\r\n"
    "'+f,1,b,out,2\r\n"
    "'+f,2,b,out,1\r\n");
  g_assert_cmpstr (channels, ==,
    "flow,version,channel,sends,messages,no_contact,delivered,opened,"
    "clicked,cost\r\n"
    "'+f,all,sms,2,3,0,1,0,0,-3.25\r\n"
    "'+f,all,email,1,1,0,1,1,0,12\r\n"
    "'+f,1,sms,2,3,0,1,0,0,-3.25\r\n"
    "'+f,2,email,1,1,0,1,1,0,12\r\n");
  sim_remove_dir (dir);
}

/* A refused report leaves the folder as it was: no table at all. */
static void
test_refused_report_writes_nothing (void)
{
  g_autofree char *bad = g_strdup (hand_report);
  char *cost = strstr (bad, "\"8.75\"");
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GPtrArray) flows = hand_flows ();
  g_autoptr(GPtrArray) no_flows = g_ptr_array_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GError) error = NULL;

  /* Money that is not a decimal number ("=1+2") is refused, not written. */
  g_assert_nonnull (cost);
  memcpy (cost, "\"=1+2\"", 6);
  report = parse_glib (bad);
  g_assert_false (wm_tables_write_csv (report, flows, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "flows.+f.all.elements.b.cost"));
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_clear_error (&error);

  /* Without the flow document there are no names or types. */
  g_clear_pointer (&report, json_node_unref);
  report = parse_glib (hand_report);
  g_assert_false (wm_tables_write_csv (report, no_flows, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (dir), ==, 0);
  sim_remove_dir (dir);
}

/* XLSX: a zip whose parts are read through the central directory. */

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static char *
zip_part (GBytes     *zip,
          const char *name)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (zip, &size);
  const guint8 *eocd = NULL;
  const guint8 *p;
  guint entries;

  if (data == NULL || size < 22)
    g_error ("the workbook is not a zip file");
  for (p = data + size - 22; p >= data; p--)
    if (le32 (p) == 0x06054b50)
      {
        eocd = p;
        break;
      }
  if (eocd == NULL)
    g_error ("the workbook has no end of central directory");
  entries = le16 (eocd + 10);
  p = data + le32 (eocd + 16);
  for (guint i = 0; i < entries; i++)
    {
      guint16 method = le16 (p + 10);
      guint32 csize = le32 (p + 20);
      guint32 usize = le32 (p + 24);
      guint16 nlen = le16 (p + 28);
      const guint8 *local;
      const guint8 *body;

      g_assert_cmpuint (le32 (p), ==, 0x02014b50);
      if (nlen != strlen (name) || memcmp (p + 46, name, nlen) != 0)
        {
          p += 46 + nlen + le16 (p + 30) + le16 (p + 32);
          continue;
        }
      local = data + le32 (p + 42);
      g_assert_cmpuint (le32 (local), ==, 0x04034b50);
      body = local + 30 + le16 (local + 26) + le16 (local + 28);
      if (method == 0)
        return g_strndup ((const char *) body, csize);
      g_assert_cmpuint (method, ==, 8);
      {
        g_autoptr(GZlibDecompressor) inflater =
          g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
        char *out = g_malloc (usize + 1);
        gsize read, written;
        g_autoptr(GError) error = NULL;
        GConverterResult r;

        r = g_converter_convert (G_CONVERTER (inflater), body, csize, out,
                                 usize + 1, G_CONVERTER_INPUT_AT_END, &read,
                                 &written, &error);
        g_assert_no_error (error);
        g_assert_cmpint (r, ==, G_CONVERTER_FINISHED);
        g_assert_cmpuint (written, ==, usize);
        out[written] = '\0';
        return out;
      }
    }
  g_error ("no part %s in the workbook", name);
  return NULL;
}

/* The XML between <c r="REF" and its </c>, or NULL for no such cell. */
static char *
sheet_cell (const char *xml,
            const char *ref)
{
  g_autofree char *open = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *start = strstr (xml, open);
  const char *end;

  if (start == NULL)
    return NULL;
  end = strstr (start, "</c>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static char *
xml_unescape (const char *s,
              gsize       len)
{
  GString *out = g_string_new (NULL);
  static const char * const entities[][2] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
    { "&quot;", "\"" }, { "&apos;", "'" },
  };

  for (gsize i = 0; i < len; )
    {
      gboolean done = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (entities) && !done; e++)
        if (strncmp (s + i, entities[e][0], strlen (entities[e][0])) == 0)
          {
            g_string_append (out, entities[e][1]);
            i += strlen (entities[e][0]);
            done = TRUE;
          }
      /* OOXML writes control characters as _xHHHH_. */
      if (!done && len - i >= 7 && strncmp (s + i, "_x", 2) == 0
          && s[i + 6] == '_' && g_ascii_isxdigit (s[i + 2])
          && g_ascii_isxdigit (s[i + 3]) && g_ascii_isxdigit (s[i + 4])
          && g_ascii_isxdigit (s[i + 5]))
        {
          g_string_append_unichar (out, g_ascii_strtoull (s + i + 2, NULL,
                                                          16));
          i += 7;
          done = TRUE;
        }
      if (!done)
        g_string_append_c (out, s[i++]);
    }
  return g_string_free (out, FALSE);
}

/* A number cell's value text; fails for a string cell. */
static char *
number_cell (const char *sheet,
             const char *ref)
{
  g_autofree char *cell = sheet_cell (sheet, ref);
  const char *v;
  char *value;
  char *end;

  g_assert_nonnull (cell);
  g_assert_null (strstr (cell, "t=\"s\""));
  v = strstr (cell, "<v>");
  g_assert_nonnull (v);
  value = g_strndup (v + 3, strstr (v, "</v>") - v - 3);
  /* The whole value is a number (no decimal comma). */
  g_ascii_strtod (value, &end);
  g_assert_cmpstr (end, ==, "");
  return value;
}

/* A shared-string cell's text; fails for a number cell. */
static char *
text_cell (const char *sheet,
           const char *strings,
           const char *ref)
{
  g_autofree char *cell = sheet_cell (sheet, ref);
  const char *v;
  const char *si = strings;
  const char *t;
  const char *t_end;
  guint64 index;

  g_assert_nonnull (cell);
  g_assert_nonnull (strstr (cell, "t=\"s\""));
  v = strstr (cell, "<v>");
  g_assert_nonnull (v);
  index = g_ascii_strtoull (v + 3, NULL, 10);
  for (guint64 i = 0; i <= index; i++)
    {
      si = strstr (si, "<si>");
      g_assert_nonnull (si);
      si += 4;
    }
  t = strstr (si, "<t");
  t = strchr (t, '>') + 1;
  t_end = strstr (t, "</t>");
  return xml_unescape (t, t_end - t);
}

static GBytes *
write_xlsx (JsonNode   *report,
            GPtrArray  *flows,
            gint64      created,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;

  g_assert_true (wm_tables_write_xlsx (report, flows, created, path, &error));
  g_assert_no_error (error);
  file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

static gint64
utc (int year, int month, int day)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (t);
}

/* Cells read off 15-tables' expected tables (csv/): row 1 is the header,
 * rows 2-8 the 7 `all` element rows, row 9 the first of version 1. */
static void
check_xlsx_sheets_and_cells (void)
{
  g_autofree char *case_dir = g_build_filename (SHARED_DIR, "conformance",
                                                "15-tables", NULL);
  g_autoptr(JsonNode) report = load_report (case_dir, TRUE);
  g_autoptr(GPtrArray) flows = load_flows (case_dir);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tables.xlsx", NULL);
  g_autoptr(GBytes) zip = write_xlsx (report, flows, utc (2026, 4, 22), path);
  g_autofree char *workbook = zip_part (zip, "xl/workbook.xml");
  g_autofree char *core = zip_part (zip, "docProps/core.xml");
  g_autofree char *strings = zip_part (zip, "xl/sharedStrings.xml");
  g_autofree char *elements = zip_part (zip, "xl/worksheets/sheet1.xml");
  g_autofree char *ports = zip_part (zip, "xl/worksheets/sheet2.xml");
  g_autofree char *channels = zip_part (zip, "xl/worksheets/sheet3.xml");
  const char *e, *p, *c;
  struct { const char *ref, *text; } texts[] = {
    { "A1", "flow" }, { "O1", "cost" },
    { "A2", "'-orders" }, { "B2", "all" }, { "C2", "'-sms" },
    { "D2", "WhatsApp\r\nline two" }, { "E2", "send.whatsapp" },
    { "C3", "'@api" }, { "D3", "'@CRM, \"orders\"" },
    { "D5", "'=HYPERLINK(\"x\")" },
    { "D6", "'\tTabbed e-mail" },
    { "D9", "'+385 SMS" }, { "E9", "send.sms" },
  };
  struct { const char *ref, *number; } numbers[] = {
    { "F2", "14" }, { "G2", "10" }, { "H2", "13" }, { "O2", "0.0875" },
    { "N4", "9" }, { "O4", "0.0072" }, { "B9", "1" }, { "O9", "0.0675" },
  };
  g_autofree char *v = NULL;

  /* The three sheets, in order. */
  e = strstr (workbook, "<sheet name=\"Elements\"");
  p = strstr (workbook, "<sheet name=\"Ports\"");
  c = strstr (workbook, "<sheet name=\"Channels\"");
  g_assert_nonnull (e);
  g_assert_nonnull (p);
  g_assert_nonnull (c);
  g_assert_true (e < p && p < c);

  g_assert_nonnull (strstr (core, ">2026-04-22T00:00:00Z</dcterms:created>"));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = text_cell (elements, strings, texts[i].ref);

      g_test_message ("Elements %s", texts[i].ref);
      g_assert_cmpstr (text, ==, texts[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *number = number_cell (elements, numbers[i].ref);

      /* A cell holds a double: the one nearest the report's decimal. */
      g_test_message ("Elements %s: %s", numbers[i].ref, number);
      g_assert_cmpfloat (g_ascii_strtod (number, NULL), ==,
                         g_ascii_strtod (numbers[i].number, NULL));
    }
  /* Fields an element does not have are no cell at all. */
  v = sheet_cell (elements, "H3");
  g_assert_null (v);
  g_clear_pointer (&v, g_free);
  v = sheet_cell (elements, "N2");
  g_assert_null (v);
  g_clear_pointer (&v, g_free);

  /* Ports row 3: '-orders,all,'@api,success,9; the port is text. */
  v = text_cell (ports, strings, "D3");
  g_assert_cmpstr (v, ==, "success");
  g_clear_pointer (&v, g_free);
  v = number_cell (ports, "E3");
  g_assert_cmpstr (v, ==, "9");
  g_clear_pointer (&v, g_free);

  /* Channels row 3: '-orders,all,email,5,5,4,5,1,0,0.004. */
  v = text_cell (channels, strings, "C3");
  g_assert_cmpstr (v, ==, "email");
  g_clear_pointer (&v, g_free);
  v = number_cell (channels, "F3");
  g_assert_cmpstr (v, ==, "4");
  g_clear_pointer (&v, g_free);
  v = number_cell (channels, "J3");
  g_assert_cmpfloat (g_ascii_strtod (v, NULL), ==, 0.004);
  g_clear_pointer (&v, g_free);

  /* Only the workbook is left in the folder: no temporary file. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  sim_remove_dir (dir);
}

static void
test_xlsx_sheets_and_cells (void)
{
  check_xlsx_sheets_and_cells ();
}

/* The program runs under the user's locale; a German one writes numbers
 * with a decimal comma through printf, which must not reach the cells. */
static void
test_xlsx_numbers_ignore_the_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      return;
    }
  check_xlsx_sheets_and_cells ();
  setlocale (LC_ALL, saved);
}

/* The zip stores times with two-second steps; two writes further apart
 * than that are still the same bytes. */
static void
test_xlsx_same_inputs_same_bytes (void)
{
  g_autofree char *case_dir = g_build_filename (SHARED_DIR, "conformance",
                                                "06-versions-stop", NULL);
  g_autoptr(JsonNode) report = load_report (case_dir, TRUE);
  g_autoptr(GPtrArray) flows = load_flows (case_dir);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *one = g_build_filename (dir, "one.xlsx", NULL);
  g_autofree char *two = g_build_filename (dir, "two.xlsx", NULL);
  g_autoptr(GBytes) first = write_xlsx (report, flows, utc (2026, 3, 25), one);
  g_autoptr(GBytes) second = NULL;
  g_autofree char *core = NULL;

  g_usleep (2100 * 1000);
  second = write_xlsx (report, flows, utc (2026, 3, 25), two);
  g_assert_true (g_bytes_equal (first, second));
  core = zip_part (first, "docProps/core.xml");
  g_assert_nonnull (strstr (core, ">2026-03-25T00:00:00Z</dcterms:created>"));
  sim_remove_dir (dir);
}

/* A refused report leaves neither the workbook nor a temporary file. */
static void
test_xlsx_refused_report_writes_nothing (void)
{
  g_autoptr(JsonNode) report = parse_glib (hand_report);
  g_autoptr(GPtrArray) no_flows = g_ptr_array_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "t.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (wm_tables_write_xlsx (report, no_flows, 1, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (dir), ==, 0);
  sim_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sim/tables/csv/conformance-02-channels",
                   test_conformance_02);
  g_test_add_func ("/sim/tables/csv/conformance-06-versions-stop",
                   test_conformance_06);
  g_test_add_func ("/sim/tables/csv/conformance-15-tables",
                   test_conformance_15);
  g_test_add_func ("/sim/tables/csv/money-read-back-as-doubles-is-the-same",
                   test_conformance_doubles);
  g_test_add_func ("/sim/tables/csv/cells-are-quoted-and-neutralised-by-hand",
                   test_hand_report);
  g_test_add_func ("/sim/tables/csv/refused-report-writes-nothing",
                   test_refused_report_writes_nothing);
  g_test_add_func ("/sim/tables/xlsx/sheets-cells-and-creation-time",
                   test_xlsx_sheets_and_cells);
  g_test_add_func ("/sim/tables/xlsx/numbers-ignore-the-locale",
                   test_xlsx_numbers_ignore_the_locale);
  g_test_add_func ("/sim/tables/xlsx/same-inputs-same-bytes",
                   test_xlsx_same_inputs_same_bytes);
  g_test_add_func ("/sim/tables/xlsx/refused-report-writes-nothing",
                   test_xlsx_refused_report_writes_nothing);

  return g_test_run ();
}
