/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports: the model derived from the content and a project's answers,
 * and writing to a stream or a file (the names of formats, parts and
 * states are in export-text.c, below the renderers that use them). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/export.h"
#include "airejse/export-render.h"
#include "airejse/handoff.h"
#include "airejse/progress.h"
#include "airejse/review.h"
#include "airejse/settings.h"
#include "airejse/store.h"
#include "airejse/strbuf.h"
#include "airejse/tempfile.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* The model */

static void
fill_answer(const struct progress *pr, const struct question *q, struct xanswer *x)
{
	memset(x, 0, sizeof(*x));
	x->q = q;
	x->a = progress_answer(pr, q);
	x->revision = progress_revision(pr, q);
	x->applies = progress_applies(pr, q);
	x->kind = progress_counts(pr, q, &x->value);
}

/* The first open hand-off whose rule asks one of the questions. */
static const struct handoff *
open_handoff_on(const struct export_data *d, const struct question *const *qs, size_t nq)
{
	const struct snapshot *s = d->snap;
	size_t i, j, k;

	for (i = 0; i < s->nhandoffs; i++) {
		const struct handoff_rule *r;

		if (!handoff_is_open(s->handoffs[i].state) ||
		    (r = content_handoff(d->content, s->handoffs[i].rule)) == NULL)
			continue;
		for (j = 0; j < r->nquestions; j++)
			for (k = 0; k < nq; k++)
				if (r->questions[j] == qs[k])
					return &s->handoffs[i];
	}
	return NULL;
}

/* The site's contact for role r, "Name <e-mail>" as hand-offs have it;
 * made once per role and kept in d. */
static const char *
role_contact(struct export_data *d, const struct role *r)
{
	const struct role_contact *rc;
	size_t i;

	if (r == NULL || d->settings == NULL ||
	    (rc = settings_contact(d->settings, r->id)) == NULL)
		return NULL;
	for (i = 0; i < d->content->nroles; i++)
		if (d->content->roles[i] == r)
			break;
	if (i == d->content->nroles)
		return NULL;
	if (d->contacts[i] == NULL)
		d->contacts[i] = rc->email ? xasprintf("%s <%s>", rc->name, rc->email) :
		    xstrdup(rc->name);
	return d->contacts[i];
}

/* The role a "ved ikke" to q waits on: the role of a hand-off rule that
 * asks q (the one who would know), else the item's owner. */
static const struct role *
role_asked(const struct content *c, const struct question *q, const struct role *owner)
{
	size_t i, j;

	for (i = 0; i < c->nhandoffs; i++)
		for (j = 0; j < c->handoffs[i]->nquestions; j++)
			if (c->handoffs[i]->questions[j] == q)
				return c->handoffs[i]->role;
	return owner;
}

static void
derive_item(struct export_data *d, const struct citem *it, struct xitem *x)
{
	const struct progress *pr = d->snap->progress;
	size_t i;
	bool all = true, done;

	memset(x, 0, sizeof(*x));
	x->item = it;
	x->step = progress_item_step(pr, it);
	x->owner = progress_item_owner(pr, it);
	x->contact = role_contact(d, x->owner);
	x->answers = xcalloc(it->nquestions ? it->nquestions : 1, sizeof(*x->answers));
	for (i = 0; i < it->nquestions; i++) {
		struct xanswer a;

		fill_answer(pr, it->questions[i], &a);
		if (!a.applies)
			continue;
		x->answers[x->nanswers++] = a;
		if (a.kind != ANSWER_VALUE)
			all = false;
		if (a.kind == ANSWER_DONTKNOW && x->unknown == NULL)
			x->unknown = a.q;
		if (a.kind == ANSWER_NONE && x->missing == NULL)
			x->missing = a.q;
	}
	x->notes = xcalloc(it->nnotes ? it->nnotes : 1, sizeof(*x->notes));
	for (i = 0; i < it->nnotes; i++)
		if (progress_holds(pr, &it->notes[i].when))
			x->notes[x->nnotes++] = &it->notes[i];
	if (x->step == NULL && pr->ntracks > 0) {
		x->state = ITEM_NA;
		x->off_route = true;
		return;
	}
	if (x->nanswers == 0 || !progress_holds(pr, &it->when)) {
		x->state = ITEM_NA;
		x->na_by_item = x->nanswers > 0;
		return;
	}
	x->handoff = open_handoff_on(d, it->questions, it->nquestions);
	x->by_condition = it->blocked.expr != NULL && progress_holds(pr, &it->blocked);
	done = it->done.expr != NULL ? progress_holds(pr, &it->done) : all;
	/* An answer that rules the item out wins over one that completes
	 * it; a "ved ikke" waits on whoever would know, before a hand-off
	 * on answered questions waits on its role's review. */
	if (x->by_condition) {
		x->state = ITEM_NOT_MET;
	} else if (done && x->handoff == NULL) {
		x->state = ITEM_DONE;
	} else if (x->unknown != NULL) {
		x->state = ITEM_UNKNOWN;
		x->waiting_on = x->handoff ? content_role(d->content, x->handoff->role) :
		    role_asked(d->content, x->unknown, x->owner);
	} else if (x->handoff != NULL) {
		x->state = ITEM_AWAITING;
		x->waiting_on = content_role(d->content, x->handoff->role);
	} else if (all) {
		x->state = ITEM_NOT_MET;
	} else {
		x->state = ITEM_OPEN;
	}
}

static void
derive_handoffs(struct export_data *d)
{
	const struct snapshot *s = d->snap;
	size_t r, j;

	d->handoffs = xcalloc(s->nhandoffs ? s->nhandoffs : 1, sizeof(*d->handoffs));
	/* In rule order, so the packet follows the content. */
	for (r = 0; r < d->content->nhandoffs; r++) {
		const struct handoff_rule *rule = d->content->handoffs[r];
		const struct handoff *h = handoff_find(s->handoffs, s->nhandoffs, rule->id);
		struct xhandoff *x;

		if (h == NULL || !handoff_is_open(h->state))
			continue;
		x = &d->handoffs[d->nhandoffs++];
		x->handoff = h;
		x->rule = rule;
		x->role = rule->role;
		x->questions = xcalloc(rule->nquestions ? rule->nquestions : 1, sizeof(*x->questions));
		for (j = 0; j < rule->nquestions; j++)
			fill_answer(s->progress, rule->questions[j], &x->questions[x->nquestions++]);
	}
}

/* The role's packet: its open hand-offs, and their questions that apply,
 * each once. */
static void
derive_packet(const struct export_data *d, const struct role *role, struct xpacket *p)
{
	size_t i, j, k, nq = 0;

	memset(p, 0, sizeof(*p));
	p->role = role;
	for (i = 0; i < d->nhandoffs; i++)
		if (d->handoffs[i].role == role)
			nq += d->handoffs[i].nquestions;
	p->handoffs = xcalloc(d->nhandoffs ? d->nhandoffs : 1, sizeof(*p->handoffs));
	p->questions = xcalloc(nq ? nq : 1, sizeof(*p->questions));
	for (i = 0; i < d->nhandoffs; i++) {
		const struct xhandoff *h = &d->handoffs[i];

		if (h->role != role)
			continue;
		p->handoffs[p->nhandoffs++] = h;
		if (export_overdue(d, h->handoff))
			p->overdue = true;
		for (j = 0; j < h->nquestions; j++) {
			struct xpquestion *pq = NULL;

			if (!h->questions[j].applies)
				continue;
			for (k = 0; k < p->nquestions && pq == NULL; k++)
				if (p->questions[k].x.q == h->questions[j].q)
					pq = &p->questions[k];
			if (pq == NULL) {
				pq = &p->questions[p->nquestions++];
				pq->x = h->questions[j];
				pq->handoffs = xcalloc(d->nhandoffs, sizeof(*pq->handoffs));
			}
			pq->handoffs[pq->nhandoffs++] = h;
		}
	}
}

static void
derive_packets(struct export_data *d)
{
	size_t r, i;

	d->packets = xcalloc(d->content->nroles ? d->content->nroles : 1, sizeof(*d->packets));
	for (r = 0; r < d->content->nroles; r++) {
		for (i = 0; i < d->nhandoffs; i++)
			if (d->handoffs[i].role == d->content->roles[r])
				break;
		if (i < d->nhandoffs)
			derive_packet(d, d->content->roles[r], &d->packets[d->npackets++]);
	}
}

/* The journey position of a step: its track's place in the project, then
 * its index; unknown steps last. */
static size_t
step_rank(const struct progress *pr, const struct step *st)
{
	size_t t;

	if (st == NULL)
		return (size_t)-1;
	for (t = 0; t < pr->ntracks; t++)
		if (pr->tracks[t].track == st->track)
			return t * 10000 + st->index;
	return (size_t)-2;
}

struct action_key {
	struct xaction	 a;
	size_t		 rank;
	size_t		 order;
	const struct progress *pr;
};

/* Dated lines first, soonest first; then the journey's order; then the
 * order the checklists and hand-offs were written in. */
static int
cmp_action(const void *x, const void *y)
{
	const struct action_key *a = x, *b = y;
	int c;

	if ((a->a.due != NULL) != (b->a.due != NULL))
		return a->a.due != NULL ? -1 : 1;
	if (a->a.due != NULL && (c = strcmp(a->a.due, b->a.due)) != 0)
		return c;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* True if an earlier item (of any checklist) rests on the same questions:
 * the action plan lists that work once. */
static bool
same_work(const struct xitem *a, const struct xitem *b)
{
	size_t i;

	if (a->item->nquestions != b->item->nquestions)
		return false;
	for (i = 0; i < a->item->nquestions; i++)
		if (a->item->questions[i] != b->item->questions[i])
			return false;
	return true;
}

static void
derive_actions(struct export_data *d)
{
	const struct progress *pr = d->snap->progress;
	struct action_key *v;
	size_t cap = d->nhandoffs, n = 0, i, j, k, l;

	for (i = 0; i < d->nchecklists; i++)
		cap += d->checklists[i].checklist->nitems;
	v = xcalloc(cap ? cap : 1, sizeof(*v));
	for (i = 0; i < d->nchecklists; i++) {
		const struct xchecklist *xc = &d->checklists[i];

		for (j = 0; j < xc->checklist->nitems; j++) {
			const struct xitem *x = &xc->items[j];
			bool dup = false;

			if (!item_state_pending(x->state))
				continue;
			for (k = 0; k < n && !dup; k++)
				dup = v[k].a.item != NULL && same_work(v[k].a.item, x);
			if (dup)
				continue;
			v[n].a.item = x;
			v[n].a.due = x->handoff ? x->handoff->due : NULL;
			v[n].a.overdue = x->handoff && export_overdue(d, x->handoff);
			v[n].a.step = x->step;
			v[n].a.owner = x->owner;
			v[n].a.contact = x->contact;
			v[n].rank = step_rank(pr, x->step);
			v[n].order = n;
			n++;
		}
	}
	for (i = 0; i < d->nhandoffs; i++) {
		const struct xhandoff *h = &d->handoffs[i];
		const struct step *st = NULL;

		/* A hand-off belongs to the first step that asks its questions. */
		for (l = 0; l < pr->ntracks && st == NULL; l++)
			for (j = 0; j < pr->tracks[l].track->nsteps && st == NULL; j++)
				for (k = 0; k < h->nquestions && st == NULL; k++) {
					const struct step *s = pr->tracks[l].steps[j].step;
					size_t m;

					for (m = 0; m < s->nquestions; m++)
						if (s->questions[m] == h->questions[k].q)
							st = s;
				}
		v[n].a.handoff = h;
		v[n].a.due = h->handoff->due;
		v[n].a.overdue = export_overdue(d, h->handoff);
		v[n].a.step = st;
		v[n].a.owner = h->role;
		v[n].a.contact = h->handoff->contact ? h->handoff->contact : role_contact(d, h->role);
		v[n].rank = step_rank(pr, st);
		v[n].order = n;
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_action);
	d->actions = xcalloc(n ? n : 1, sizeof(*d->actions));
	for (i = 0; i < n; i++)
		d->actions[i] = v[i].a;
	d->nactions = n;
	free(v);
}

struct export_data *
export_derive(const struct content *c, const struct settings *settings,
    struct snapshot *snap, struct answer_event *history, size_t nhistory,
    struct handoff_event **hevents, size_t *nhevents, int64_t now)
{
	struct export_data *d = xcalloc(1, sizeof(*d));
	size_t i, j;

	d->content = c;
	d->settings = settings;
	d->snap = snap;
	d->history = history;
	d->nhistory = nhistory;
	d->hevents = hevents;
	d->nhevents = nhevents;
	d->now = now;
	clock_day(now, d->today);
	d->contacts = xcalloc(c->nroles ? c->nroles : 1, sizeof(*d->contacts));
	d->nchecklists = c->nchecklists;
	d->checklists = xcalloc(c->nchecklists ? c->nchecklists : 1, sizeof(*d->checklists));
	for (i = 0; i < c->nchecklists; i++) {
		struct xchecklist *xc = &d->checklists[i];

		xc->checklist = c->checklists[i];
		xc->items = xcalloc(xc->checklist->nitems ? xc->checklist->nitems : 1,
		    sizeof(*xc->items));
		for (j = 0; j < xc->checklist->nitems; j++) {
			derive_item(d, checklist_item_at(xc->checklist, j), &xc->items[j]);
			if (xc->items[j].off_route)
				xc->off_route++;
			else
				xc->count[xc->items[j].state]++;
		}
	}
	derive_handoffs(d);
	derive_packets(d);
	d->board = review_board_new(c, snap->progress, snap->handoffs, snap->nhandoffs, NULL, 0);
	derive_actions(d);
	if (c->packet != NULL) {
		d->context = xcalloc(c->packet->ncontext ? c->packet->ncontext : 1,
		    sizeof(*d->context));
		for (i = 0; i < c->packet->ncontext; i++)
			fill_answer(snap->progress, c->packet->context[i], &d->context[d->ncontext++]);
	}
	return d;
}

int
export_load(struct action *a, int64_t id, struct export_data **out, char **cause)
{
	struct snapshot *snap = NULL;
	struct answer_event *hist = NULL;
	struct handoff_event **hev = NULL;
	size_t nhist = 0, *nhev = NULL, i;
	int rc;

	*out = NULL;
	/* The answers, the hand-offs and their history as of one moment:
	 * read apart, a save between them gave an export history newer
	 * than its answers. */
	if ((rc = action_refresh_open(a, id, &snap, cause)) != 0)
		return rc;
	rc = store_answer_history(a->store, id, NULL, &hist, &nhist, cause);
	if (rc == 0) {
		hev = xcalloc(snap->nhandoffs ? snap->nhandoffs : 1, sizeof(*hev));
		nhev = xcalloc(snap->nhandoffs ? snap->nhandoffs : 1, sizeof(*nhev));
		for (i = 0; i < snap->nhandoffs && rc == 0; i++)
			rc = store_handoff_history(a->store, snap->handoffs[i].id, &hev[i],
			    &nhev[i], cause);
	}
	action_read_end(a);
	*out = export_derive(a->content, a->settings, snap, hist, nhist, hev, nhev, clock_now());
	/* Who exported, for the cover, as the history records a change. */
	(*out)->user = a->user ? xstrdup(a->user) : NULL;
	(*out)->account = store_account(a->store) ? xstrdup(store_account(a->store)) : NULL;
	/* The sign-offs as they stand. */
	if (rc == 0 && (rc = store_reviews(a->store, id, &(*out)->reviews, &(*out)->nreviews,
	    cause)) == 0) {
		review_board_free((*out)->board);
		(*out)->board = review_board_new(a->content, snap->progress, snap->handoffs,
		    snap->nhandoffs, (*out)->reviews, (*out)->nreviews);
	}
	if (rc != 0) {
		export_free(*out);
		*out = NULL;
	}
	return rc;
}

void
export_free(struct export_data *d)
{
	size_t i, j;

	if (d == NULL)
		return;
	for (i = 0; i < d->nchecklists; i++) {
		for (j = 0; j < d->checklists[i].checklist->nitems; j++) {
			free(d->checklists[i].items[j].answers);
			free(d->checklists[i].items[j].notes);
		}
		free(d->checklists[i].items);
	}
	free(d->checklists);
	for (i = 0; i < d->npackets; i++) {
		for (j = 0; j < d->packets[i].nquestions; j++)
			free(d->packets[i].questions[j].handoffs);
		free(d->packets[i].questions);
		free(d->packets[i].handoffs);
	}
	free(d->packets);
	for (i = 0; i < d->nhandoffs; i++)
		free(d->handoffs[i].questions);
	free(d->handoffs);
	free(d->actions);
	free(d->context);
	for (i = 0; i < d->content->nroles; i++)
		free(d->contacts[i]);
	free(d->contacts);
	answer_events_free(d->history, d->nhistory);
	if (d->hevents != NULL)
		for (i = 0; i < d->snap->nhandoffs; i++)
			handoff_events_free(d->hevents[i], d->nhevents[i]);
	free(d->hevents);
	free(d->nhevents);
	review_board_free(d->board);
	reviews_free(d->reviews, d->nreviews);
	snapshot_free(d->snap);
	free(d->user);
	free(d->account);
	free(d);
}

char *
export_file_name(const struct export_data *d, const struct export_opts *o)
{
	char *base = export_safe_name(d->snap->project->name), *name;

	if (*base == '\0') {
		free(base);
		base = xasprintf("airejse-%lld", (long long)d->snap->project->id);
	}
	if (o->what.part == EXPORT_ALL)
		name = xasprintf("%s.%s", base, export_format_name(o->format));
	else
		name = xasprintf("%s - %s.%s", base, export_what_name(&o->what),
		    export_format_name(o->format));
	free(base);
	return name;
}

char *
export_safe_name(const char *name)
{
	struct strbuf b = STRBUF_INIT;
	size_t i = 0, n = strlen(name), chars = 0, end;
	char *s;

	while (i < n && chars < EXPORT_NAME_MAX) {
		int32_t cp;
		int k = utf8_decode(name + i, n - i, &cp);

		/* Control characters (C0, DEL, C1), invalid bytes, path
		 * separators and what Windows shares refuse become one
		 * space; æ, ø, å and the rest are kept. */
		if (k < 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (cp < 0x80 && strchr("/\\:*?\"<>|", (int)cp) != NULL)) {
			if (b.len > 0 && b.s[b.len - 1] != ' ')
				sb_addc(&b, ' ');
			i += k < 0 ? 1 : (size_t)k;
		} else {
			if (cp != ' ' || (b.len > 0 && b.s[b.len - 1] != ' '))
				sb_addn(&b, name + i, (size_t)k);
			i += (size_t)k;
		}
		chars++;
	}
	s = sb_detach(&b);
	/* No leading dot (a hidden file) or dash (read as an option), no
	 * trailing dot or space. */
	i = strspn(s, ".- ");
	memmove(s, s + i, strlen(s + i) + 1);
	end = strlen(s);
	while (end > 0 && (s[end - 1] == '.' || s[end - 1] == ' '))
		s[--end] = '\0';
	return s;
}


/* Writing */

/* Copies the file at path to out. */
static int
copy_file(const char *path, FILE *out, char **cause)
{
	FILE *in = fopen(path, "rb");
	char buf[65536];
	size_t n;

	if (in == NULL) {
		*cause = xasprintf(_("cannot read back the spreadsheet: %s"), strerror(errno));
		return EX_IOERR;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	if (ferror(in) || ferror(out)) {
		*cause = xasprintf(_("cannot write the export: %s"), strerror(errno ? errno : EIO));
		fclose(in);
		return EX_IOERR;
	}
	fclose(in);
	return 0;
}

/* A temporary file beside path, held until tempfile_done (one that a
 * killed export left there goes first): returns its descriptor, or -1
 * with *cause. */
static int
temp_beside(const char *path, struct tempfile *t, char **cause)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xasprintf("%.*s", (int)(slash - path), path);
	mode_t mask;
	int fd;

	fd = tempfile_make(t, dir, ".airejse-export-");
	free(dir);
	if (fd < 0) {
		*cause = xasprintf(_("cannot create a file beside %s: %s; check that the folder exists and that you may write in it"),
		    path, strerror(errno));
		return -1;
	}
	/* Like any new file: readable as the umask allows. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	return fd;
}

/* Runs the renderer of o->format into f (or, for xlsx, into path). */
static int
render(const struct export_data *d, const struct export_opts *o, FILE *f,
    const char *path, char **cause)
{
	enum lang saved = i18n_lang();
	int rc;

	/* Program strings follow the export's language. */
	i18n_set_lang(o->lang);
	switch (o->format) {
	case EXPORT_MD:
		rc = export_md(d, o, f);
		break;
	case EXPORT_HTML:
		rc = o->what.part == EXPORT_HANDOFF ? export_form(d, o, f) : export_html(d, o, f);
		break;
	case EXPORT_CSV:
		rc = export_csv(d, o, f);
		break;
	case EXPORT_JSON:
		rc = export_json(d, o, f, cause);
		break;
	case EXPORT_PDF:
		rc = export_pdf(d, o, f, cause);
		break;
	case EXPORT_DOCX:
	case EXPORT_ODT:
		rc = export_pandoc(d, o, f, cause);
		break;
	default:
		rc = export_xlsx(d, o, path, cause);
		break;
	}
	i18n_set_lang(saved);
	if (rc != 0 && *cause == NULL)
		*cause = xasprintf(_("cannot write the export: %s"), strerror(errno ? errno : EIO));
	return rc;
}

int
export_write(const struct export_data *d, const struct export_opts *o, FILE *out,
    char **cause)
{
	struct tempfile t;
	int fd, rc;

	*cause = NULL;
	if (o->format != EXPORT_XLSX) {
		rc = render(d, o, out, NULL, cause);
		if (rc == 0 && (fflush(out) != 0 || ferror(out))) {
			*cause = xasprintf(_("cannot write the export: %s"), strerror(errno ? errno : EIO));
			rc = EX_IOERR;
		}
		return rc;
	}
	/* libxlsxwriter writes a named file; copy it to the stream. */
	{
		const char *dir = getenv("TMPDIR");
		char *base = xasprintf("%s/x", dir && *dir ? dir : "/tmp");

		fd = temp_beside(base, &t, cause);
		free(base);
	}
	if (fd < 0)
		return EX_CANTCREAT;
	close(fd);
	rc = render(d, o, NULL, t.path, cause);
	if (rc == 0)
		rc = copy_file(t.path, out, cause);
	if (rc == 0 && (fflush(out) != 0 || ferror(out))) {
		*cause = xasprintf(_("cannot write the export: %s"), strerror(errno ? errno : EIO));
		rc = EX_IOERR;
	}
	tempfile_done(&t, false);
	return rc;
}

/* Moves tmp to path: never over an existing file unless force. */
static int
move_into_place(const char *tmp, const char *path, bool force, char **cause)
{
	struct stat sb;

	if (force) {
		if (rename(tmp, path) == 0)
			return 0;
	} else if (link(tmp, path) == 0) {
		/* link() refuses an existing name atomically. */
		unlink(tmp);
		return 0;
	} else if (errno != EEXIST && stat(path, &sb) != 0) {
		/* A file system without hard links: check, then rename. */
		if (rename(tmp, path) == 0)
			return 0;
	} else {
		*cause = xasprintf(_("%s exists already: choose another name, or give --force to replace it"),
		    path);
		return EX_CANTCREAT;
	}
	*cause = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
	return EX_CANTCREAT;
}

int
export_write_file(const struct export_data *d, const struct export_opts *o,
    const char *path, char **cause)
{
	struct stat sb;
	struct tempfile t;
	FILE *f = NULL;
	int fd, rc;

	*cause = NULL;
	if (!o->force && stat(path, &sb) == 0) {
		*cause = xasprintf(_("%s exists already: choose another name, or give --force to replace it"),
		    path);
		return EX_CANTCREAT;
	}
	if ((fd = temp_beside(path, &t, cause)) < 0)
		return EX_CANTCREAT;
	if (o->format == EXPORT_XLSX) {
		close(fd);
		rc = render(d, o, NULL, t.path, cause);
		if (rc == 0 && (fd = open(t.path, O_RDONLY)) >= 0) {
			if (fsync(fd) != 0)
				rc = EX_IOERR;
			close(fd);
		}
	} else if ((f = fdopen(fd, "wb")) == NULL) {
		close(fd);
		rc = EX_IOERR;
	} else {
		rc = render(d, o, f, NULL, cause);
		if (rc == 0 && (fflush(f) != 0 || fsync(fileno(f)) != 0 || ferror(f)))
			rc = EX_IOERR;
		if (fclose(f) != 0 && rc == 0)
			rc = EX_IOERR;
	}
	if (rc == 0)
		rc = move_into_place(t.path, path, o->force, cause);
	else if (*cause == NULL)
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(errno ? errno : EIO));
	tempfile_done(&t, rc == 0);
	return rc;
}
