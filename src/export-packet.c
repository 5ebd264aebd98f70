/* SPDX-License-Identifier: EUPL-1.2 */
/* The hand-off packet's own helpers, below export.c and the renderers
 * alike: a role's packet, whether a hand-off is overdue on the export's
 * day, and the packet's id, which the import works out again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/export.h"
#include "airejse/handoff.h"
#include "airejse/hash.h"
#include "airejse/xalloc.h"

const struct xpacket *
export_packet(const struct export_data *d, const struct role *r)
{
	size_t i;

	for (i = 0; i < d->npackets; i++)
		if (d->packets[i].role == r)
			return &d->packets[i];
	return NULL;
}

bool
export_overdue(const struct export_data *d, const struct handoff *h)
{
	return handoff_overdue(h, d->today);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A question with the revision its packet showed, for sorting. */
struct qrev {
	const char	*q;
	int64_t		 rev;
};

static int
cmp_qrev(const void *a, const void *b)
{
	return strcmp(((const struct qrev *)a)->q, ((const struct qrev *)b)->q);
}

void
export_packet_id(int64_t project, const char *name, const char *role,
    const char *lang, const char *made, const char *const *rules, size_t nrules,
    const char *const *questions, const int64_t *revisions, size_t nquestions,
    char out[EXPORT_PACKET_ID_SIZE])
{
	const char **rv = xcalloc(nrules ? nrules : 1, sizeof(*rv));
	struct qrev *qv = xcalloc(nquestions ? nquestions : 1, sizeof(*qv));
	uint64_t h = hash_str(HASH_INIT, "airejse-handoff-packet/2");
	char num[32];
	size_t i;

	memcpy(rv, rules, nrules * sizeof(*rv));
	qsort(rv, nrules, sizeof(*rv), cmp_str);
	for (i = 0; i < nquestions; i++) {
		qv[i].q = questions[i];
		qv[i].rev = revisions[i];
	}
	qsort(qv, nquestions, sizeof(*qv), cmp_qrev);
	snprintf(num, sizeof(num), "%lld", (long long)project);
	h = hash_str(h, num);
	h = hash_str(h, name);
	h = hash_str(h, role);
	h = hash_str(h, lang);
	h = hash_str(h, made);
	for (i = 0; i < nrules; i++)
		h = hash_str(h, rv[i]);
	h = hash_str(h, "");
	for (i = 0; i < nquestions; i++) {
		snprintf(num, sizeof(num), "%lld", (long long)qv[i].rev);
		h = hash_str(h, qv[i].q);
		h = hash_str(h, num);
	}
	snprintf(out, EXPORT_PACKET_ID_SIZE, "%016llx", (unsigned long long)h);
	free(rv);
	free(qv);
}

void
export_packet_id_of(const struct export_data *d, const struct xpacket *p,
    enum lang lang, char out[EXPORT_PACKET_ID_SIZE])
{
	const char **rules = xcalloc(p->nhandoffs ? p->nhandoffs : 1, sizeof(*rules));
	const char **qs = xcalloc(p->nquestions ? p->nquestions : 1, sizeof(*qs));
	int64_t *revs = xcalloc(p->nquestions ? p->nquestions : 1, sizeof(*revs));
	char made[21];
	size_t i;

	for (i = 0; i < p->nhandoffs; i++)
		rules[i] = p->handoffs[i]->rule->id;
	for (i = 0; i < p->nquestions; i++) {
		qs[i] = p->questions[i].x.q->id;
		revs[i] = p->questions[i].x.revision;
	}
	clock_iso(d->now, made);
	export_packet_id(d->snap->project->id, d->snap->project->name, p->role->id,
	    lang_code(lang), made, rules, p->nhandoffs, qs, revs, p->nquestions, out);
	free(rules);
	free(qs);
	free(revs);
}
