/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/action.h"
#include "airejse/audit.h"
#include "airejse/content.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

char *
audit_grouped(const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = value, *dot, *digits;
	char buf[64];
	size_t nint, nfrac;

	if (*p == '~')
		sb_addc(&sb, *p++);
	if (*p == '-')
		sb_addc(&sb, *p++);
	dot = strchr(p, '.');
	nint = dot ? (size_t)(dot - p) : 0;
	nfrac = dot ? strlen(dot + 1) : 0;
	if (dot == NULL || nint == 0 || nfrac < 1 || nfrac > 3 || nint + 3 >= sizeof(buf) ||
	    strspn(p, "0123456789") != nint || strspn(dot + 1, "0123456789") != nfrac) {
		sb_free(&sb);
		return NULL;
	}
	/* The digits with the fraction padded to three ("1.2" -> "1200"),
	 * without leading zeros ("0.5" -> "500"). */
	memcpy(buf, p, nint);
	memcpy(buf + nint, dot + 1, nfrac);
	memset(buf + nint + nfrac, '0', 3 - nfrac);
	buf[nint + 3] = '\0';
	for (digits = buf; digits[0] == '0' && digits[1] != '\0'; digits++)
		;
	sb_add(&sb, digits);
	return sb_detach(&sb);
}

struct walk {
	struct action		*a;
	struct audit_suspect	*v;
	size_t			 n, cap;
	int			 status;
	char			*cause;
};

/* Whether the last change of question in project was saved by an
 * airejse that did not yet record the account: one from before the new
 * reader. */
static bool
saved_by_older(struct walk *w, int64_t project, const char *question,
    struct answer_event *last)
{
	struct answer_event *ev = NULL;
	size_t n = 0;
	bool older;

	if ((w->status = store_answer_history(w->a->store, project, question, &ev, &n,
	    &w->cause)) != 0)
		return false;
	older = n > 0 && ev[n - 1].account == NULL;
	if (older) {
		*last = ev[n - 1];
		memset(&ev[n - 1], 0, sizeof(ev[n - 1]));
	}
	answer_events_free(ev, n);
	return older;
}

static int
each(const struct snapshot *s, void *arg)
{
	struct walk *w = arg;
	size_t i;

	for (i = 0; i < s->nanswers; i++) {
		const struct answer *an = &s->answers[i];
		const struct question *q = content_question(w->a->content, an->question);
		struct answer_event last;
		struct audit_suspect *x;
		char *maybe, *ignored = NULL;

		if (q == NULL || q->type != Q_NUMBER || an->kind != ANSWER_VALUE ||
		    (maybe = audit_grouped(an->value)) == NULL)
			continue;
		/* A thousandfold value the question could not take was not meant. */
		if (value_check_canonical(q, maybe, &ignored) != 0) {
			free(ignored);
			free(maybe);
			continue;
		}
		if (!saved_by_older(w, s->project->id, an->question, &last)) {
			free(maybe);
			if (w->status != 0)
				return w->status;
			continue;
		}
		if (w->n == w->cap) {
			w->cap = w->cap ? 2 * w->cap : 8;
			w->v = xreallocarray(w->v, w->cap, sizeof(*w->v));
		}
		x = &w->v[w->n++];
		memset(x, 0, sizeof(*x));
		x->project = s->project->id;
		x->project_name = xstrdup(s->project->name);
		x->question = q;
		x->value = xstrdup(an->value);
		x->maybe = maybe;
		x->revision = an->revision;
		x->time = last.time;
		x->user = last.user;
		last.user = NULL;
		answer_event_clear(&last);
	}
	return 0;
}

int
audit_misread(struct action *a, struct audit_suspect **out, size_t *n, char **cause)
{
	struct walk w = { .a = a };
	int status;

	*out = NULL;
	*n = 0;
	status = action_each_snapshot(a, each, &w, cause);
	if (status != 0 && w.status != 0) {
		*cause = w.cause;
		status = w.status;
	}
	if (status != 0) {
		audit_suspects_free(w.v, w.n);
		return status;
	}
	*out = w.v;
	*n = w.n;
	return 0;
}

int
audit_misread_project(struct action *a, int64_t project, struct audit_suspect **out,
    size_t *n, char **cause)
{
	struct walk w = { .a = a };
	struct snapshot *s = NULL;
	int status;

	*out = NULL;
	*n = 0;
	if ((status = action_snapshot(a, project, &s, cause)) != 0)
		return status;
	status = each(s, &w);
	snapshot_free(s);
	if (status != 0) {
		*cause = w.cause;
		audit_suspects_free(w.v, w.n);
		return status;
	}
	*out = w.v;
	*n = w.n;
	return 0;
}

void
audit_suspects_free(struct audit_suspect *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].project_name);
		free(v[i].value);
		free(v[i].maybe);
		free(v[i].user);
	}
	free(v);
}
