/* SPDX-License-Identifier: EUPL-1.2 */
/* The hand-off packet in HTML, as a form the role fills in: one page
 * with nothing outside it, a real field per question, and a script
 * (export-form.js, built in) that checks each answer with the program's
 * own rules, keeps what was typed and saves an answer file for 'airejse
 * import'. Every text is escaped; the data the script needs is a JSON
 * island in which no '<' is left; a Content-Security-Policy lets only
 * this script and style run, by their hashes, and loads nothing. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/export-render.h"
#include "airejse/settings.h"
#include "airejse/sha256.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

#include "export-form-assets.h"

struct form {
	FILE				*out;
	const struct export_data	*d;
	const struct export_opts	*o;
	enum lang			 lang;
	const struct xpacket		*packet;	/* the one being written */
};

static void
put(struct form *f, const char *s)
{
	export_html_put(f->out, s, false);
}

/* Escaped, with line breaks kept as <br>. */
static void
put_lines(struct form *f, const char *s)
{
	export_html_put(f->out, s, true);
}

/* A tag with one escaped text inside. */
static void
tagged(struct form *f, const char *open, const char *text, const char *close)
{
	fputs(open, f->out);
	put(f, text);
	fputs(close, f->out);
}

/* The field's id: "a-P-Q" for question Q of the P'th packet. Ids of
 * questions are letters, digits and '_' (the loader insists), but
 * escaped all the same. */
static void
put_id(struct form *f, size_t pi, const struct question *q, const char *suffix)
{
	fprintf(f->out, "a-%zu-", pi);
	put(f, q->id);
	fputs(suffix, f->out);
}

static void
fact(struct form *f, const char *label, const char *value)
{
	if (value == NULL)
		return;
	tagged(f, "<dt>", label, "</dt><dd>");
	put_lines(f, value);
	fputs("</dd>\n", f->out);
}

static void
fact_owned(struct form *f, const char *label, char *value)
{
	fact(f, label, value);
	free(value);
}

static void
head(struct form *f, const char *title)
{
	char *js = sha256_base64(form_js, sizeof(form_js) - 1);
	char *css = sha256_base64(form_css, sizeof(form_css) - 1);

	fprintf(f->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
	    lang_code(f->lang));
	/* Nothing is loaded and nothing is sent; only this page's own script
	 * and style run. */
	fprintf(f->out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "script-src 'sha256-%s'; style-src 'sha256-%s'; form-action 'none'; base-uri 'none'\">\n",
	    js, css);
	fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", f->out);
	fputs("<meta name=\"generator\" content=\"airejse\">\n", f->out);
	tagged(f, "<title>", title, "</title>\n");
	fprintf(f->out, "<style>%s</style>\n</head>\n<body>\n", form_css);
	free(js);
	free(css);
}

static void
project_part(struct form *f)
{
	const struct export_data *d = f->d;
	char made[21], *day;
	size_t i;

	fputs("<dl class=\"facts\">\n", f->out);
	fact_owned(f, _("Project"), xasprintf("%s (%lld)", d->snap->project->name,
	    (long long)d->snap->project->id));
	fact_owned(f, _("Tracks"), xtracks_text(d, f->lang));
	if (d->settings != NULL && d->settings->organisation != NULL)
		fact(f, _("Organisation"), d->settings->organisation);
	clock_iso(d->now, made);
	made[10] = '\0';
	day = xdate_text(made, f->lang);
	fact_owned(f, _("Exported"), day);
	fputs("</dl>\n", f->out);
	if (d->content->packet != NULL)
		tagged(f, "<p>", text_in(&d->content->packet->intro, f->lang), "</p>\n");
	if (d->ncontext == 0)
		return;
	tagged(f, "<h2>", _("The project"), "</h2>\n<dl class=\"facts\">\n");
	for (i = 0; i < d->ncontext; i++) {
		char *t = xanswer_text(&d->context[i], f->lang);

		fact(f, text_in(&d->context[i].q->prompt, f->lang), t ? t : _("(missing)"));
		free(t);
	}
	fputs("</dl>\n", f->out);
}

/* Why the role is asked: each hand-off, overdue in words. */
static void
handoffs_part(struct form *f, const struct xpacket *p)
{
	size_t i;

	tagged(f, "<h3>", _("Why you are asked"), "</h3>\n<ul class=\"handoffs\">\n");
	for (i = 0; i < p->nhandoffs; i++) {
		const struct xhandoff *h = p->handoffs[i];
		char *state = xhandoff_state_text(f->d, h->handoff);
		char *title = xhandoff_title(p, h, f->lang);

		fputs("<li>", f->out);
		put(f, title);
		free(title);
		fputs("<dl class=\"meta\">", f->out);
		if (export_overdue(f->d, h->handoff)) {
			tagged(f, "<dt>", _("State"), "</dt><dd class=\"overdue\">");
			put(f, state);
			fputs("</dd>", f->out);
		} else {
			fact(f, _("State"), state);
		}
		if (h->handoff->due != NULL)
			fact_owned(f, _("Due"), xdue_text(h->handoff->due,
			    export_overdue(f->d, h->handoff), f->lang));
		fact(f, _("Contact"), h->handoff->contact);
		fact(f, _("Note"), h->handoff->note);
		fputs("</dl></li>\n", f->out);
		free(state);
	}
	fputs("</ul>\n", f->out);
}

/* What the question says about itself: ids of its help and facts, for
 * aria-describedby. */
static void
describe(struct form *f, size_t pi, const struct xpquestion *pq)
{
	const struct question *q = pq->x.q;

	if (q->help.s[LANG_DA] != NULL) {
		fputs("<p class=\"help\" id=\"", f->out);
		put_id(f, pi, q, "-help");
		fputs("\">", f->out);
		put_lines(f, text_in(&q->help, f->lang));
		fputs("</p>\n", f->out);
	}
	fputs("<dl class=\"meta\" id=\"", f->out);
	put_id(f, pi, q, "-meta");
	fputs("\">\n", f->out);
	fact_owned(f, _("Answer as"), xqtype_text(q, f->lang));
	fact_owned(f, _("Answer so far"), xcurrent_text(&pq->x, f->lang));
	fact_owned(f, ngettext("For hand-off", "For hand-offs", pq->nhandoffs),
	    xserved_numbers(f->packet, pq));
	fact_owned(f, _("Legal basis"), xlegal_text(&q->legal));
	fputs("</dl>\n", f->out);
}

static void
described_by(struct form *f, size_t pi, const struct question *q)
{
	fputs(" aria-describedby=\"", f->out);
	if (q->help.s[LANG_DA] != NULL) {
		put_id(f, pi, q, "-help");
		fputc(' ', f->out);
	}
	put_id(f, pi, q, "-meta ");
	put_id(f, pi, q, "-read ");
	put_id(f, pi, q, "-error\"");
}

/* The line that says how an answer was read, and its error. */
static void
feedback(struct form *f, size_t pi, const struct question *q)
{
	fputs("<p class=\"read\" aria-live=\"polite\" hidden id=\"", f->out);
	put_id(f, pi, q, "-read\"></p>\n");
	fputs("<p class=\"error\" aria-live=\"assertive\" hidden id=\"", f->out);
	put_id(f, pi, q, "-error\"></p>\n");
}

/* One radio button or check box with its label. */
static void
choice(struct form *f, size_t pi, const struct question *q, const char *type,
    const char *value, const char *label)
{
	fprintf(f->out, "<label><input type=\"%s\" name=\"", type);
	put_id(f, pi, q, "\" value=\"");
	put(f, value);
	fputs("\"> ", f->out);
	put(f, label);
	fputs("</label>\n", f->out);
}

/* "Ved ikke" beside a field that is not a choice. */
static void
dontknow_box(struct form *f, size_t pi, const struct question *q)
{
	fputs("<label class=\"dk\"><input type=\"checkbox\" id=\"", f->out);
	put_id(f, pi, q, "-dk\"> ");
	put(f, value_dontknow_text(f->lang));
	fputs("</label>\n", f->out);
}

static void
choice_question(struct form *f, size_t pi, const struct xpquestion *pq, size_t n)
{
	const struct question *q = pq->x.q;
	const char *type = q->type == Q_MULTI ? "checkbox" : "radio";
	size_t i;

	fputs("<fieldset class=\"question\" id=\"", f->out);
	put_id(f, pi, q, "-box\"");
	described_by(f, pi, q);
	fprintf(f->out, ">\n<legend class=\"prompt\">%zu. ", n);
	put(f, text_in(&q->prompt, f->lang));
	fputs("</legend>\n", f->out);
	describe(f, pi, pq);
	fputs("<div class=\"choices\">\n", f->out);
	if (q->type == Q_YESNO) {
		choice(f, pi, q, type, "ja", _("Yes"));
		choice(f, pi, q, type, "nej", _("No"));
	}
	for (i = 0; i < q->noptions; i++)
		choice(f, pi, q, type, q->options[i].id, text_in(&q->options[i].label, f->lang));
	if (q->type == Q_MULTI)
		dontknow_box(f, pi, q);
	else
		choice(f, pi, q, type, "ved ikke", value_dontknow_text(f->lang));
	fputs("</div>\n", f->out);
	feedback(f, pi, q);
	fputs("</fieldset>\n", f->out);
}

static void
field_question(struct form *f, size_t pi, const struct xpquestion *pq, size_t n)
{
	const struct question *q = pq->x.q;
	size_t max = q->maxlen ? q->maxlen : q->type == Q_LONGTEXT ? VALUE_LONGTEXT_MAX :
	    VALUE_TEXT_MAX;

	fputs("<div class=\"question\" id=\"", f->out);
	put_id(f, pi, q, "-box\">\n<label class=\"prompt\" for=\"");
	put_id(f, pi, q, "\">");
	fprintf(f->out, "%zu. ", n);
	put(f, text_in(&q->prompt, f->lang));
	fputs("</label>\n", f->out);
	describe(f, pi, pq);
	if (q->type == Q_LONGTEXT) {
		fputs("<textarea rows=\"5\" id=\"", f->out);
		put_id(f, pi, q, "\" name=\"");
		put_id(f, pi, q, "\"");
		described_by(f, pi, q);
		fputs("></textarea>\n<div class=\"print-only\" aria-hidden=\"true\" id=\"", f->out);
		put_id(f, pi, q, "-print\"></div>\n");
	} else {
		/* Numbers and amounts are text: "2,4 mio. kr." is an amount. */
		fputs(q->type == Q_DATE ? "<input type=\"date\" min=\"1900-01-01\" max=\"2199-12-31\"" :
		    "<input type=\"text\"", f->out);
		if (q->type == Q_NUMBER || q->type == Q_AMOUNT)
			fputs(" inputmode=\"decimal\"", f->out);
		else if (q->type == Q_EMAIL)
			fputs(" inputmode=\"email\"", f->out);
		else if (q->type == Q_URL)
			fputs(" inputmode=\"url\"", f->out);
		if (q->type == Q_TEXT)
			fprintf(f->out, " maxlength=\"%zu\"", max);
		fputs(" autocomplete=\"off\" spellcheck=\"false\" id=\"", f->out);
		put_id(f, pi, q, "\" name=\"");
		put_id(f, pi, q, "\"");
		described_by(f, pi, q);
		fputs(">\n", f->out);
	}
	dontknow_box(f, pi, q);
	feedback(f, pi, q);
	fputs("</div>\n", f->out);
}

/* The role's packet: its hand-offs, the respondent, each question. */
static void
packet_part(struct form *f, size_t pi, const struct xpacket *p)
{
	size_t i;

	f->packet = p;
	tagged(f, "<h2>", text_in(&p->role->name, f->lang), "</h2>\n");
	if (p->overdue)
		tagged(f, "<p class=\"notice\">",
		    _("A hand-off in this packet is overdue: please answer as soon as you can."), "</p>\n");
	handoffs_part(f, p);
	fprintf(f->out, "<form id=\"form-%zu\" novalidate>\n", pi);
	tagged(f, "<h3>", _("Your answers"), "</h3>\n");
	fprintf(f->out, "<div class=\"respondent\"><label for=\"respondent-%zu\">", pi);
	put(f, _("Your name"));
	fprintf(f->out, "</label>\n<input type=\"text\" id=\"respondent-%zu\" autocomplete=\"name\" "
	    "maxlength=\"200\" aria-describedby=\"respondent-%zu-error\">\n", pi, pi);
	fprintf(f->out, "<p class=\"error\" id=\"respondent-%zu-error\" hidden>", pi);
	put(f, _("Write your name: the project records who answered."));
	fputs("</p></div>\n", f->out);
	if (p->nquestions == 0)
		tagged(f, "<p>", _("None of the hand-offs' questions applies to the project now."),
		    "</p>\n");
	for (i = 0; i < p->nquestions; i++) {
		const struct question *q = p->questions[i].x.q;

		if (q->type == Q_YESNO || q->type == Q_CHOICE || q->type == Q_MULTI)
			choice_question(f, pi, &p->questions[i], i + 1);
		else
			field_question(f, pi, &p->questions[i], i + 1);
	}
	fputs("<div class=\"actions\"><button type=\"submit\">", f->out);
	put(f, _("Save the answers"));
	fprintf(f->out, "</button>\n<p class=\"status\" role=\"status\" id=\"status-%zu\"></p></div>\n",
	    pi);
	fputs("</form>\n", f->out);
}

/* What the script needs of a question. */
static json_t *
jquestion(const struct form *f, const struct xpquestion *pq)
{
	const struct question *q = pq->x.q;
	json_t *o = json_object(), *ex = json_array();
	char *e[2];

	json_object_set_new(o, "id", json_string(q->id));
	json_object_set_new(o, "type", json_string(qtype_name(q->type)));
	json_object_set_new(o, "percent", json_boolean(q->type == Q_NUMBER && q->unit == QU_PERCENT));
	json_object_set_new(o, "hasMin", json_boolean(q->has_min));
	json_object_set_new(o, "min", json_real(q->has_min ? q->min : 0));
	json_object_set_new(o, "hasMax", json_boolean(q->has_max));
	json_object_set_new(o, "max", json_real(q->has_max ? q->max : 0));
	json_object_set_new(o, "maxlen", json_integer((json_int_t)(q->maxlen ? q->maxlen :
	    q->type == Q_LONGTEXT ? VALUE_LONGTEXT_MAX : VALUE_TEXT_MAX)));
	json_object_set_new(o, "revision", json_integer(pq->x.a ? pq->x.a->revision : 0));
	if (value_example_pair(q, f->lang, e)) {
		json_array_append_new(ex, json_string(e[0]));
		json_array_append_new(ex, json_string(e[1]));
		free(e[0]);
		free(e[1]);
	}
	json_object_set_new(o, "ex", ex);
	if (q->type == Q_NUMBER || q->type == Q_AMOUNT) {
		char *low = value_limit_text(q, true, f->lang), *high = value_limit_text(q, false, f->lang);

		json_object_set_new(o, "low", json_string(low));
		json_object_set_new(o, "high", json_string(high));
		free(low);
		free(high);
	}
	return o;
}

/* The messages of the program's reader, and the page's own. */
static json_t *
jmessages(void)
{
	static const struct {
		const char	*key;
		enum value_msg	 m;
	} vm[] = {
		{ "foreign", VM_FOREIGN }, { "percent", VM_PERCENT }, { "currency", VM_CURRENCY },
		{ "ore", VM_ORE }, { "negative", VM_NEGATIVE }, { "digits", VM_DIGITS },
		{ "below", VM_BELOW }, { "above", VM_ABOVE }, { "not_amount", VM_NOT_AMOUNT },
		{ "not_number", VM_NOT_NUMBER }, { "short_year", VM_SHORT_YEAR },
		{ "year", VM_YEAR }, { "month", VM_MONTH }, { "day", VM_DAY },
		{ "not_date", VM_NOT_DATE }, { "lines", VM_LINES }, { "control", VM_CONTROL },
		{ "too_long", VM_TOO_LONG }, { "utf8", VM_UTF8 }, { "not_email", VM_NOT_EMAIL },
		{ "not_url", VM_NOT_URL }, { "read_da", VM_READ_DA }, { "read_en", VM_READ_EN },
		{ "swapped", VM_SWAPPED },
	};
	json_t *o = json_object(), *months = json_array();
	size_t i;

	for (i = 0; i < sizeof(vm) / sizeof(vm[0]); i++)
		json_object_set_new(o, vm[i].key, json_string(value_message(vm[i].m)));
	for (i = 1; i <= 12; i++)
		json_array_append_new(months, json_string(value_month_name((int)i)));
	json_object_set_new(o, "months", months);
	/* L10N: how the form read an answer: "Read as 1.200 kr.". */
	json_object_set_new(o, "read_as", json_string(_("Read as %s")));
	json_object_set_new(o, "need_name", json_string(_("Write your name before you save.")));
	/* Both forms: in Danish and English one is singular, the rest plural. */
	json_object_set_new(o, "fix_one", json_string(P_("%d answer must be corrected before the answers can be saved.",
	    "%d answers must be corrected before the answers can be saved.", 1)));
	json_object_set_new(o, "fix_many", json_string(P_("%d answer must be corrected before the answers can be saved.",
	    "%d answers must be corrected before the answers can be saved.", 2)));
	json_object_set_new(o, "saved", json_string(_("Saved as %s. Send the file back to the project; it is read with 'airejse import'.")));
	return o;
}

/* The JSON island: what the script needs, with every '<' as \u003c so
 * that nothing in it can end the script element. */
static void
island(struct form *f, const struct xpacket *const *pv, size_t n)
{
	const struct export_data *d = f->d;
	json_t *root = json_object(), *proj = json_object(), *ps = json_array();
	char made[21], *text;
	const char *p;
	size_t i, j;

	clock_iso(d->now, made);
	json_object_set_new(root, "language", json_string(lang_code(f->lang)));
	json_object_set_new(root, "exported", json_string(made));
	json_object_set_new(proj, "id", json_integer(d->snap->project->id));
	json_object_set_new(proj, "name", json_string(d->snap->project->name));
	json_object_set_new(root, "project", proj);
	for (i = 0; i < n; i++) {
		json_t *o = json_object(), *rules = json_array(), *qs = json_array();
		char id[EXPORT_PACKET_ID_SIZE];

		export_packet_id_of(d, pv[i], f->lang, id);
		json_object_set_new(o, "index", json_integer((json_int_t)i));
		json_object_set_new(o, "packet", json_string(id));
		json_object_set_new(o, "role", json_string(pv[i]->role->id));
		/* Made of the project's number and the role's id, never of an answer. */
		text = xasprintf("airejse-%lld-%s-%s.json", (long long)d->snap->project->id,
		    pv[i]->role->id, f->lang == LANG_EN ? "answers" : "svar");
		json_object_set_new(o, "file", json_string(text));
		free(text);
		for (j = 0; j < pv[i]->nhandoffs; j++)
			json_array_append_new(rules, json_string(pv[i]->handoffs[j]->rule->id));
		json_object_set_new(o, "handoffs", rules);
		for (j = 0; j < pv[i]->nquestions; j++)
			json_array_append_new(qs, jquestion(f, &pv[i]->questions[j]));
		json_object_set_new(o, "questions", qs);
		json_array_append_new(ps, o);
	}
	json_object_set_new(root, "packets", ps);
	json_object_set_new(root, "messages", jmessages());
	text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
	fputs("<script type=\"application/json\" id=\"airejse-data\">", f->out);
	for (p = text; p != NULL && *p != '\0'; p++) {
		if (*p == '<')
			fputs("\\u003c", f->out);
		else if (*p == '>')
			fputs("\\u003e", f->out);
		else if (*p == '&')
			fputs("\\u0026", f->out);
		else
			fputc(*p, f->out);
	}
	fputs("</script>\n", f->out);
	free(text);
	json_decref(root);
}

int
export_form(const struct export_data *d, const struct export_opts *o, FILE *out)
{
	struct form f = { out, d, o, o->lang, NULL };
	const struct packet *pk = d->content->packet;
	const struct xpacket **pv = xcalloc(d->npackets ? d->npackets : 1, sizeof(*pv));
	char *title;
	size_t i, n = 0;

	for (i = 0; i < d->npackets; i++)
		if (o->role == NULL || d->packets[i].role == o->role)
			pv[n++] = &d->packets[i];
	title = xasprintf("%s – %s", pk ? text_in(&pk->title, f.lang) : _("Hand-off packet"),
	    d->snap->project->name);
	head(&f, title);
	tagged(&f, "<h1>", title, "</h1>\n");
	free(title);
	tagged(&f, "<p class=\"nojs\">",
	    _("Your browser does not run this page's script, so the answers cannot be checked or saved here: print the page and fill it in by hand, or ask for the packet as JSON."),
	    "</p>\n");
	tagged(&f, "<p>",
	    _("Answer the questions below, write your name and press \"Save the answers\": the page saves a file with your answers, which you send back to the project. What you type is kept in this browser until then, also if the page is closed."),
	    "</p>\n");
	project_part(&f);
	if (n == 0) {
		char *none = o->role ? xasprintf(_("There are no open hand-offs to %s in this project."),
		    text_in(&o->role->name, f.lang)) : xstrdup(_("There are no open hand-offs."));

		tagged(&f, "<p>", none, "</p>\n");
		free(none);
	}
	for (i = 0; i < n; i++)
		packet_part(&f, i, pv[i]);
	island(&f, pv, n);
	fprintf(out, "<script>%s</script>\n</body>\n</html>\n", form_js);
	free(pv);
	return ferror(out) ? EX_IOERR : 0;
}
