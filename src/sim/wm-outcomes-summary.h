/* wm-outcomes-summary.h - the milestones and outcomes report in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app's "Milestones and outcomes" view shows, from a
 * waymark.report: for each outcome its started, success, failure and
 * abandoned counts, success and failure percentages, the mean time to
 * success in words ("2 days 3 hours") and the top paths with milestone
 * names; for each milestone how often it was reached and by how many
 * profiles. For one flow (its `all` metrics) or across the flows of the
 * run.
 *
 * Across flows, counts are added and percentages computed from the sums
 * as the report computes them. Two things the report does not carry are
 * combined as well as it allows, and say so: the mean time to success of
 * an outcome that succeeded in several flows is the success-weighted mean
 * of their rounded means (mean_exact is FALSE then), and a milestone's
 * profiles are added, so a profile that reached it in two flows counts
 * twice. Paths are merged from each flow's top 10.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The display name of a milestone or outcome id, or NULL to show the id. */
typedef const char *(*WmNameLookupFunc) (const char *id,
                                         gpointer    user_data);

typedef struct
{
  char    *result;         /* "success" or "failure" */
  char    *text;           /* milestone names joined by " → " */
  guint64  count;
} WmOutcomePath;

typedef struct
{
  char      *id;
  char      *name;         /* the lookup's, else the id */
  guint64    started;
  guint64    success;
  guint64    failure;
  guint64    abandoned;
  guint      success_bp;   /* basis points */
  guint      failure_bp;
  gint64     mean_success_seconds;
  gboolean   mean_exact;
  GPtrArray *paths;        /* WmOutcomePath, at most 10, most frequent first */
} WmOutcomeSummary;

typedef struct
{
  char    *id;
  char    *name;
  guint64  reached;
  guint64  profiles;
} WmMilestoneSummary;

typedef struct
{
  GPtrArray *outcomes;     /* WmOutcomeSummary, by id */
  GPtrArray *milestones;   /* WmMilestoneSummary, by id */
} WmOutcomesSummary;

/* The summary of flow @flow_id, or of every flow when NULL; NULL with an
 * error naming the problem when @report is not a report or has no such
 * flow. */
WmOutcomesSummary *wm_outcomes_summary_new  (JsonNode          *report,
                                             const char        *flow_id,
                                             WmNameLookupFunc   milestone_name,
                                             WmNameLookupFunc   outcome_name,
                                             gpointer           user_data,
                                             GError           **error);
void               wm_outcomes_summary_free (WmOutcomesSummary *summary);

/* "2 days 3 hours": the two largest units, the smaller rounded half up
 * ("3 days 17 hours" for 320247 seconds); translated. */
char              *wm_describe_mean_duration (gint64            seconds);

/* "18.75%", "33.33%", "0%": basis points as a translated percentage. */
char              *wm_describe_percent      (guint             basis_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmOutcomesSummary, wm_outcomes_summary_free)

G_END_DECLS
