/* SPDX-License-Identifier: EUPL-1.2 */
/* A project's records as json, in the one shape every command (and the
 * json export) prints; airejse(1) documents it. No SQL, no curses. */
#ifndef AIREJSE_REPORT_H
#define AIREJSE_REPORT_H

#include <jansson.h>
#include <stdint.h>

#include "airejse/record.h"

struct content;
struct progress;
struct progress_brief;
struct question;
struct review;
struct snapshot;
struct step_progress;

struct strlist;

/* A string of the store's (a name, an answer, a note) as JSON: null for
 * NULL, and text that is not UTF-8 with its bytes shown as
 * ctrl_visible shows them ("<0xFF>"), never left out. */
json_t *report_text(const char *s);
/* The strings of a content list (legal references, ids) as an array. */
json_t *report_strlist(const struct strlist *l);
/* A time as "2026-11-23T10:00:00Z". */
json_t *report_time(int64_t t);
/* {"kind", "value", "text", "revision", ...} for the stored answer a (NULL:
 * none) to q (NULL: a question the content no longer has). */
json_t *report_answer(const struct question *q, const struct answer *a);
/* A step with its status: {"track", "phase", "step", "title", "owner",
 * "status", "questions", "answered", "dontknow"}. */
json_t *report_step(const struct step_progress *sp);
/* A hand-off with its rule's reason and questions (and their answers when
 * pr is given). today is YYYY-MM-DD, for "overdue". */
json_t *report_handoff(const struct content *c, const struct progress *pr,
    const struct handoff *h, const struct project *p, const char *today);
/* A project as 'project list' shows it: id, name, tracks with progress
 * (from its brief, progress.h), open hand-offs, times. */
json_t *report_project_summary(const struct content *c, const struct project *p,
    const struct progress_brief *b);
/* A project as 'project show' shows it: the summary, its tracks' phases
 * and steps, every question that applies with its answer, its hand-offs
 * and the next step. */
json_t *report_project(const struct content *c, const struct snapshot *s,
    const char *today);
/* A review or a sign-off (review.h): {"state", "comment", "name", "time",
 * "user", "source"}; null for NULL. */
json_t *report_review(const struct review *r);
/* The count of answers to questions that do not apply now (kept, not counted). */
size_t report_kept_answers(const struct snapshot *s);

#endif
