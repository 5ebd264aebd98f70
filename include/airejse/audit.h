/* SPDX-License-Identifier: EUPL-1.2 */
/* Stored answers a person should look at again: numbers an older airejse
 * may have read a thousand times too small. Before the reader of
 * value.h, "1.200" in Danish (and "1,200" in English) was stored as 1.2;
 * the history did not keep what was typed, so the store cannot tell
 * which numbers were misread, only which ones could have been: a number
 * with one to three decimals, last saved by an airejse from before the
 * history recorded the account (store.h, version 7). */
#ifndef AIREJSE_AUDIT_H
#define AIREJSE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

struct action;
struct question;

/* One answer to look at. */
struct audit_suspect {
	int64_t			 project;
	char			*project_name;
	const struct question	*question;	/* in the content a->content */
	char			*value;		/* canonical, as stored ("1.2") */
	char			*maybe;		/* canonical, if typed grouped ("1200") */
	int64_t			 revision;
	int64_t			 time;		/* when it was saved */
	char			*user;
};

/* Every number answer in the projects in use that an older airejse
 * saved and that may have been misread, by project and question. Read
 * in one consistent state; nothing is written. Returns 0 with *out and
 * *n (free with audit_suspects_free), or the store's status with
 * *cause. */
int audit_misread(struct action *a, struct audit_suspect **out, size_t *n, char **cause);
/* As audit_misread, for one project: cheap enough to ask as its
 * journey opens. */
int audit_misread_project(struct action *a, int64_t project, struct audit_suspect **out,
    size_t *n, char **cause);
void audit_suspects_free(struct audit_suspect *v, size_t n);

/* The canonical number "value" would be had its point grouped thousands
 * ("1.2" -> "1200", "~12.345" -> "~12345"); NULL when it has no one to
 * three decimals. Caller frees. */
char *audit_grouped(const char *value);

#endif
