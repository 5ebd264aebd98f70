/* SPDX-License-Identifier: EUPL-1.2 */
/* Inside the exports: the renderers and what they share. Markdown and
 * HTML lay out one document through a table of operations (export-doc.c
 * walks the model once for both); CSV and xlsx lay out the same sheets of
 * typed cells (export-sheet.c). Only export*.c include this. */
#ifndef AIREJSE_EXPORT_RENDER_H
#define AIREJSE_EXPORT_RENDER_H

#include <stdio.h>

#include "airejse/bizcase.h"
#include "airejse/export.h"

struct progress;
struct review_role;
struct review_subject;
struct strlist;

/* Each renderer returns 0, or EX_IOERR (errno set, or *cause). */
int export_md(const struct export_data *d, const struct export_opts *o, FILE *out);
int export_html(const struct export_data *d, const struct export_opts *o, FILE *out);
/* The hand-off packet in HTML: a form (export-form.c). */
int export_form(const struct export_data *d, const struct export_opts *o, FILE *out);
int export_csv(const struct export_data *d, const struct export_opts *o, FILE *out);
int export_json(const struct export_data *d, const struct export_opts *o, FILE *out,
    char **cause);
int export_xlsx(const struct export_data *d, const struct export_opts *o, const char *path,
    char **cause);
int export_pdf(const struct export_data *d, const struct export_opts *o, FILE *out,
    char **cause);
/* docx and odt: the HTML through pandoc (export-pandoc.c); EX_UNAVAILABLE
 * when pandoc is not installed. */
int export_pandoc(const struct export_data *d, const struct export_opts *o, FILE *out,
    char **cause);

/* Writes s HTML-escaped to out; with lines, its line breaks as <br>. */
void export_html_put(FILE *out, const char *s, bool lines);

/* The checklist's title for the project: the first of its titles whose
 * condition holds, else its title (export-text.c). */
const char *xchecklist_title(const struct export_data *d, const struct checklist *cl,
    enum lang lang);

/* Texts shared by every format, in language lang; each returns a new
 * string the caller frees. */
/* The answer for people ("1.600.000 kr.", "Ved ikke"), or NULL for a gap. */
char *xanswer_text(const struct xanswer *x, enum lang lang);
/* "Title (track/step)", or NULL when there is no step. */
char *xstep_text(const struct step *st, enum lang lang);
/* What is missing for an item to be done, naming the role it waits on
 * and what to do, or why it does not apply; NULL when done. */
char *xitem_reason(const struct export_data *d, const struct xitem *x, enum lang lang);
/* The item's notes (and the contract value's sum), one per line, or NULL. */
char *xitem_notes(const struct export_data *d, const struct xitem *x, enum lang lang);
/* Its notes, then its reason, one per line, or NULL. */
char *xitem_remarks(const struct export_data *d, const struct xitem *x, enum lang lang);
/* When the typed and the worked-out contract value differ: which is used
 * and the sum; NULL otherwise. */
char *xcontract_text(const struct progress *pr, enum lang lang);
/* A date for people: "23.11.2026" or "23 Nov 2026". */
char *xdate_text(const char *iso, enum lang lang);
/* A due date for people, with "overdue" in words when it is. */
char *xdue_text(const char *iso, bool overdue, enum lang lang);
/* A hand-off's state for people: "sent", or "sent, overdue". */
char *xhandoff_state_text(const struct export_data *d, const struct handoff *h);
/* What kind of answer q takes, for people: "Yes or no", "An amount in
 * kroner", "A date". */
char *xqtype_text(const struct question *q, enum lang lang);
/* q's choices, joined by "; " (NULL when it has none). */
char *xchoices_text(const struct question *q, enum lang lang);
/* The answer so far with its revision ("Ja (revision 2)"), or NULL. */
char *xcurrent_text(const struct xanswer *x, enum lang lang);
/* The hand-offs a packet question is asked for, by id, joined by ", "
 * (for the Id column of csv and xlsx). */
char *xserved_text(const struct xpquestion *pq);
/* The same for people: the hand-offs' numbers in packet p ("1 and 2"),
 * or NULL when p has one hand-off, which every question serves. */
char *xserved_numbers(const struct xpacket *p, const struct xpquestion *pq);
/* Hand-off h's reason as the title of its entry in packet p, numbered
 * ("2. The product ...") when p has more than one. */
char *xhandoff_title(const struct xpacket *p, const struct xhandoff *h, enum lang lang);
/* A role's sign-off, for people: "Signed off by Jens Jensen on
 * 24.11.2026", "Not signed off", or to be reviewed again and why (pr
 * gives who changed the answer). */
char *xsignoff_text(const struct review_role *rr, const struct progress *pr, enum lang lang);
/* A review of a part of a section: its state, who and when, the comment. */
char *xsubject_text(const struct review_subject *sub, enum lang lang);
/* Whether the role reviews a part of checklist cl. */
bool xsignoff_of(const struct review_role *rr, const struct checklist *cl);
/* "Project name" line facts: the tracks by title, joined by ", ". */
char *xtracks_text(const struct export_data *d, enum lang lang);
/* The legal references of an item, joined by "; ", or NULL. */
char *xlegal_text(const struct strlist *l);
/* The item's legal references and those of its questions that apply,
 * each once, or NULL. */
char *xitem_legal_text(const struct xitem *x);

/* A label and its value, for people. */
struct xfact {
	const char	*label;		/* static, or owned by the model */
	char		*value;		/* owned */
};

struct xfacts {
	struct xfact	*v;
	size_t		 n;
};

/* The cover every format starts with: the project, its tracks, the
 * organisation, when and by whom it was exported, the program's
 * version, when the legal content was last checked and the tender
 * threshold in force. */
void xcover(const struct export_data *d, enum lang lang, struct xfacts *out);
/* Counts by state of each checklist (and of the action plan) the
 * export shows states of, one per line, labelled by its title; none
 * when it shows none. */
void xcounts(const struct export_data *d, const struct export_opts *o, struct xfacts *out);
/* The legend of the states, label and meaning, when the export shows
 * states; empty otherwise. */
void xlegend(const struct export_opts *o, struct xfacts *out);
void xfacts_free(struct xfacts *f);
/* The tender threshold on the export's day, and where it comes from. */
char *xthreshold_text(const struct export_data *d, enum lang lang);
/* The business case in figures (bizcase.h; export-bizcase.c). The
 * checklist of this id gets the figures before its answers. */
#define XBIZ_CHECKLIST "business-case"
struct settings;
bool xbiz_checklist(const struct checklist *cl);
/* The columns of the table by year. */
enum {
	XBIZ_YEAR,
	XBIZ_SETUP,	/* XBIZ_SETUP + enum bizcase_col */
	XBIZ_RUNNING,
	XBIZ_STAFF,
	XBIZ_BENEFIT,
	XBIZ_NET,
	XBIZ_CUMULATIVE,
	XBIZ_PV,
	XBIZ__COLS
};
const char *xbiz_col_label(int col);	/* for people */
const char *xbiz_col_key(int col);	/* for machines: "staff_time" */
/* The figure of column col in year t (t -1: the total); false when it
 * cannot be worked out. */
bool xbiz_cell(const struct bizcase_calc *k, int t, int col, int64_t *v);
/* "3,5 %" or "3.5%". */
char *xbiz_percent(int bp, enum lang lang);
/* A question named by its text, quoted. */
char *xbiz_quote(const struct question *q, const char *id, enum lang lang);
/* The missing answers, each with why; NULL for none. */
char *xbiz_gaps_text(const struct bizcase_gap *g, size_t n, enum lang lang);
/* The questions and the hourly rate a column comes from, or NULL. */
char *xbiz_sources_text(const struct bizcase *b, int col, const struct settings *s,
    const struct progress *pr, enum lang lang);
/* "Year 3", "Not within the horizon of 5 years"; NULL if not known. */
char *xbiz_payback_text(const struct bizcase_calc *k, enum lang lang);
/* The route for people: the proposal's, or with other the other way. */
const char *xbiz_route_label(enum bizcase_route r, bool other);
/* The horizon, the discount rate and the rounding rule, in words. */
char *xbiz_basis_text(const struct settings *s, enum lang lang);

/* The document operations of Markdown and HTML. Texts are raw; each
 * renderer escapes them. state is an enum item_state, or -1 for none. */
struct doc_ops {
	void (*begin)(void *w, const char *title, enum lang lang);
	void (*end)(void *w);
	void (*heading)(void *w, int level, const char *text);
	void (*para)(void *w, const char *text);
	/* A note that stands out: a gap, a warning. */
	void (*notice)(void *w, const char *text);
	void (*facts_begin)(void *w);
	void (*fact)(void *w, const char *label, const char *value);
	void (*facts_end)(void *w);
	void (*entry_begin)(void *w, int state, const char *title);
	/* value NULL: a gap, shown as such. */
	void (*answer)(void *w, const char *prompt, const char *value);
	/* Room for the receiver to write an answer. */
	void (*answer_space)(void *w);
	void (*entry_end)(void *w);
	/* A table of nrows rows of ncols cells, the first row its header;
	 * the cells after the first column are figures (aligned right).
	 * NULL: the walk lays each row out as an entry instead. */
	void (*table)(void *w, const char *const *cells, size_t ncols, size_t nrows);
};

/* Walks the parts o->what selects and calls ops. */
void export_doc(const struct export_data *d, const struct export_opts *o,
    const struct doc_ops *ops, void *w);

/* Typed cells for CSV and xlsx. text is always set (for people, in the
 * export's language); num/date for typed cells. */
enum xcell_type {
	XC_TEXT,
	XC_NUMBER,
	XC_AMOUNT,	/* whole kroner in num */
	XC_DATE		/* iso in date */
};

struct xcell {
	enum xcell_type	 type;
	char		*text;	/* owned; never NULL */
	double		 num;
	char		 date[11];
};

enum {
	XCOL_SECTION,
	XCOL_ID,
	XCOL_TITLE,
	XCOL_STATE,
	XCOL_QID,
	XCOL_QUESTION,
	XCOL_ANSWER,
	XCOL_STEP,
	XCOL_GROUP,
	XCOL_OWNER,
	XCOL_CONTACT,
	XCOL_DUE,
	XCOL_LEGAL,
	XCOL_REMARKS,
	XCOL__COUNT
};

/* One table: a checklist, the hand-offs or the action plan. Every sheet
 * has the same XCOL__COUNT columns. */
struct xsheet {
	char		*name;		/* the sheet's title, for people */
	char		*key;		/* short, safe: the --what name */
	struct xcell	*cells;		/* nrows * XCOL__COUNT */
	size_t		 nrows;
};

/* The sheets o->what selects. Caller frees with export_sheets_free. */
struct xsheet *export_sheets(const struct export_data *d, const struct export_opts *o,
    size_t *n);
void export_sheets_free(struct xsheet *v, size_t n);
/* The column headers, in the current language. */
const char *export_column(int col);

#endif
