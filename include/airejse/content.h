/* SPDX-License-Identifier: EUPL-1.2 */
/* The content model: tracks, phases, steps, questions, roles, hand-off
 * rules, glossary and legal dates, loaded from YAML and validated. The
 * model is read-only once loaded; everything is owned by struct content,
 * the names of the files its struct srcpos point at too. */
#ifndef AIREJSE_CONTENT_H
#define AIREJSE_CONTENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/diag.h"
#include "airejse/i18n.h"
#include "airejse/qtype.h"

struct arena;
struct expr;
struct glossary_entry;

/* A reference by identifier, resolved when all files are read. */
struct ref {
	char		*id;
	struct srcpos	 pos;
};

/* A condition: its text, where it was written, and its parsed form.
 * exact is false when the text spans lines, so columns are approximate. */
struct cond {
	char		*src;
	struct expr	*expr;	/* NULL: always true */
	struct srcpos	 pos;	/* of the first character of src */
	bool		 exact;
};

struct law;

/* Strings as written in a file, each with its position. A list of legal
 * references also has, once linked, the act each cites (law[i], NULL
 * when no act under 'laws' matches; law itself NULL for other lists). */
struct strlist {
	char		**v;
	struct srcpos	 *pos;
	size_t		  n;
	const struct law **law;
};

/* What a number question measures, where that changes how it is read
 * and shown. */
enum qunit {
	QU_NONE,
	QU_PERCENT	/* "30 %" is read as, and stored as, 30 */
};

struct qoption {
	char		*id;
	struct text	 label;
	struct srcpos	 pos;
};

struct question {
	char		*id;
	enum qtype	 type;
	struct text	 prompt;
	struct text	 help;		/* optional */
	struct qoption	*options;	/* choice, multi */
	size_t		 noptions;
	bool		 has_min, has_max;
	double		 min, max;	/* number, amount: value; date: unused */
	enum qunit	 unit;		/* number */
	size_t		 maxlen;	/* text, longtext: characters; 0 = default */
	struct strlist	 legal;		/* legal references, e.g. "MDR art. 5(5)" */
	struct cond	 when;		/* asked only while it holds */
	bool		 bank;		/* defined in the shared question bank */
	struct srcpos	 pos;
	size_t		 index;		/* in content.questions, once linked */
};

enum basis {
	BASIS_UNSET,
	BASIS_LAW,		/* lovkrav */
	BASIS_PRACTICE		/* god praksis */
};

struct role {
	char		*id;
	struct text	 name;
	struct text	 description;
	struct text	 receives;	/* what this role is sent */
	struct srcpos	 pos;
};

/* An organisational owner group, e.g. Strategigrupperne RSD. */
struct group {
	char		*id;
	struct text	 name;
	struct text	 description;
	struct srcpos	 pos;
};

struct track;
struct phase;

struct step {
	char			*id;	/* unique within its track */
	struct text		 title;
	struct text		 guidance;	/* what to do */
	struct text		 watch;		/* what to watch out for (optional) */
	struct text		 why;		/* why it matters (optional) */
	struct ref		 owner_ref;
	const struct role	*owner;
	struct ref		 group_ref;
	const struct group	*group;		/* optional */
	/* group_confirmed: false in the content: the group is an
	 * assumption until a site confirms it (settings_confirm_groups). */
	bool			 group_assumed;
	char			*source;	/* the source document */
	enum basis		 basis;
	struct strlist		 legal;
	struct strlist		 needs_ids;	/* as written */
	const struct step	**needs;	/* steps of the same track first */
	size_t			 nneeds;
	struct strlist		 term_ids;
	const struct glossary_entry **terms;
	size_t			 nterms;
	struct cond		 when;		/* applies only while it holds */
	/* Can be worked on only while it holds (NULL expression: always);
	 * requires_text says what it asks for people (optional). */
	struct cond		 requires;
	struct text		 requires_text;
	struct strlist		 question_ids;
	const struct question	**questions;
	size_t			 nquestions;
	const struct phase	*phase;
	const struct track	*track;
	size_t			 index;		/* position in the track, 0-based */
	struct srcpos		 pos;
};

struct phase {
	char			*id;
	struct text		 title;
	struct text		 summary;
	struct step		*steps;
	size_t			 nsteps;
	const struct track	*track;
	struct srcpos		 pos;
};

struct track {
	char		*id;
	struct text	 title;
	struct text	 summary;
	char		*source;
	int		 order;		/* listing order; then id */
	struct phase	*phases;
	size_t		 nphases;
	size_t		 nsteps;	/* over all phases */
	struct srcpos	 pos;
};

struct handoff_rule {
	char			*id;
	struct ref		 role_ref;
	const struct role	*role;
	struct text		 reason;
	struct cond		 when;		/* raises the hand-off */
	struct strlist		 question_ids;
	const struct question	**questions;
	size_t			 nquestions;
	struct srcpos		 pos;
};

struct glossary_entry {
	char		*id;
	struct text	 term;
	struct text	 definition;
	struct strlist	 see;		/* other entries */
	struct srcpos	 pos;
};

/* A date the law sets, kept as data so a site can update it. */
struct legal_date {
	char		*id;
	struct text	 title;
	char		*date;		/* YYYY-MM-DD */
	char		*law;		/* e.g. "AI-forordningen art. 113" */
	char		*source;	/* where the date was read */
	char		*checked;	/* YYYY-MM-DD, when it was last checked */
	char		*source_kind;	/* legal, authority, secondary; NULL: see legal.h */
	char		*celex;		/* the act's CELEX number (optional) */
	char		*url;		/* where the act is (optional) */
	struct srcpos	 pos;
};

/* An act that legal references cite, and when they were last checked
 * against it: a reference "AI-forordningen art. 26" cites the act whose
 * 'cite' is its longest leading name ("AI-forordningen"). */
struct law {
	char		*id;
	char		*cite;		/* how references name the act */
	struct text	 title;
	char		*source;	/* what was read */
	char		*checked;	/* YYYY-MM-DD */
	char		*source_kind;	/* legal, authority, secondary; NULL: see legal.h */
	char		*celex;
	char		*url;
	struct srcpos	 pos;
};

/* One period of a fact: the value the law sets from one day until
 * another, with where it was read and when. */
struct fact_value {
	double		 value;
	double		 eur;		/* the amount in euro the law names (0: none) */
	char		*from;		/* YYYY-MM-DD */
	char		*until;		/* YYYY-MM-DD; NULL: open-ended */
	char		*source;
	char		*source_kind;
	char		*celex;
	char		*checked;
	struct srcpos	 pos;
};

/* A value the law sets for periods, e.g. the EU tender threshold. */
struct fact {
	char			*id;
	struct text		 title;
	char			*unit;		/* dkk (NULL), eur or number */
	char			*law;
	struct fact_value	*values;	/* in order of from */
	size_t			 nvalues;
	struct srcpos		 pos;
};

/* Checklists: what is exported. Each item's state is derived from the
 * answers (see export.h); nothing here is typed by hand. */
struct checklist;
struct csection;

/* A text shown on a checklist item while its condition holds, e.g.
 * "the contract value is above the tender threshold". */
struct cnote {
	struct cond	 when;
	struct text	 text;
	struct srcpos	 pos;
};

struct citem {
	char			*id;		/* unique within its checklist */
	struct text		 title;
	struct text		 help;		/* what done means (optional) */
	struct strlist		 question_ids;
	const struct question	**questions;	/* the answers the state rests on */
	size_t			 nquestions;
	struct strlist		 step_ids;	/* "track/step", as written */
	const struct step	**steps;	/* where the item comes from */
	size_t			 nsteps;
	struct ref		 owner_ref;	/* optional: else the step's owner */
	const struct role	*owner;
	enum basis		 basis;
	struct strlist		 legal;
	struct cond		 when;		/* else not applicable */
	struct cond		 done;		/* else: every asked question answered */
	struct cond		 blocked;	/* also blocked by "ved ikke" */
	struct cnote		*notes;
	size_t			 nnotes;
	const struct csection	*section;
	const struct checklist	*checklist;
	size_t			 index;		/* position in the checklist */
	struct srcpos		 pos;
};

struct csection {
	char			*id;
	struct text		 title;
	struct text		 summary;	/* optional */
	struct citem		*items;
	size_t			 nitems;
	const struct checklist	*checklist;
	struct srcpos		 pos;
};

enum clayout {
	CLAYOUT_TABLE,		/* rows with a state: a checklist */
	CLAYOUT_DOCUMENT	/* headings with the answers: the business case */
};

struct checklist {
	char		*id;
	struct strlist	 aliases;	/* other names for export --what */
	struct text	 title;
	struct text	 summary;
	char		*source;
	int		 order;		/* listing order; then id */
	enum clayout	 layout;
	struct strlist	 legal;
	struct strlist	 date_ids;	/* legal dates shown with it */
	const struct legal_date **dates;
	size_t		 ndates;
	struct csection	*sections;
	size_t		 nsections;
	size_t		 nitems;	/* over all sections */
	/* Titles for what applies to the project ("the in-house exemption",
	 * "a CE-marked product's checks"): the first whose condition holds
	 * stands for title in exports. */
	struct cnote	*titles;
	size_t		 ntitles;
	struct srcpos	 pos;
};

/* The layout of the hand-off packet: an introduction and the answers
 * that give a role the project's context. */
struct packet {
	struct text		 title;
	struct text		 intro;
	struct strlist		 context_ids;
	const struct question	**context;
	size_t			 ncontext;
	struct srcpos		 pos;
};

/* What the regulatory calendar reads (calendar: in the content): the
 * questions that hold a project's own dates, the conditions that say
 * what the product is, and the legal dates and the fact it lists. The
 * calendar's rules are code; the names they rest on are data, checked
 * by the linker like every other reference. */
struct calmap {
	struct strlist	 project_dates;	/* date questions: the life's start */
	struct strlist	 trial_start;	/* date questions, the first answered wins */
	struct ref	 go_live;
	struct ref	 contract_signed;
	struct ref	 contract_years;	/* a number question */
	struct ref	 tender_date;
	struct ref	 certificate_until;
	struct cond	 annex_iii;
	struct cond	 annex_iii_point2;
	struct cond	 annex_iii_ruled_out;
	struct cond	 annex_i;
	struct cond	 annex_i_ruled_out;
	struct cond	 provider;
	struct cond	 transparency;
	struct cond	 mdd_class_iii;
	struct cond	 mdd_class_ii;
	struct ref	 ai_literacy_date;	/* legal dates */
	struct ref	 annex_iii_date;
	struct ref	 annex_i_date;
	struct ref	 public_authority_date;
	struct ref	 transparency_date;
	struct ref	 mdd_class_iii_date;
	struct ref	 mdd_class_ii_date;
	struct ref	 threshold;		/* a fact */
	struct srcpos	 pos;
};

/* What the program works out from the answers (contract: and
 * business_case: in the content): the estimated contract value from what
 * the vendor is paid, and the business case's figures. The arithmetic is
 * code; the questions it reads are data, checked by the linker for their
 * type like the calendar's names. */
struct contractmap {
	struct ref	 typed_value;	/* amount: the value typed, which
					 * conditions see as the larger of it
					 * and the worked-out one */
	struct ref	 one_off;	/* amount: to the vendor, once */
	struct ref	 yearly;	/* amount: a year, options included */
	struct ref	 years;		/* number: options included */
	struct srcpos	 pos;
};

struct bizmap {
	struct ref	 setup;		/* amount */
	struct ref	 development;	/* amount; asked only when the region
					 * builds the product itself */
	struct ref	 running;	/* amount, a year */
	struct ref	 staff_hours;	/* number: running it, a year */
	struct ref	 task_hours;	/* number: the task today, a year */
	struct ref	 staff_group;	/* choice: the options are the keys of
					 * the settings' hourly_rates */
	struct ref	 saving_expected;	/* number, per cent */
	struct ref	 saving_measured;	/* number, per cent; wins when answered */
	struct ref	 other_benefit;	/* amount, a year */
	struct ref	 alternative_setup;	/* amount */
	struct ref	 alternative_running;	/* amount, a year */
	struct ref	 risks;		/* longtext */
	struct ref	 decision;	/* choice */
	struct srcpos	 pos;
};

struct content {
	/* Everything the content holds lives in this arena, struct
	 * content too, whether it was read from YAML or from the cache. */
	struct arena		*arena;
	char			*dir;		/* the folder loaded, if any */
	char			**files;	/* every file read */
	size_t			 nfiles;
	struct track		**tracks;	/* sorted by order, id */
	size_t			 ntracks;
	struct question		**questions;	/* sorted by id */
	size_t			 nquestions;
	struct role		**roles;	/* in file order */
	size_t			 nroles;
	struct group		**groups;
	size_t			 ngroups;
	struct handoff_rule	**handoffs;
	size_t			 nhandoffs;
	struct glossary_entry	**glossary;	/* sorted by term (Danish) */
	size_t			 nglossary;
	struct legal_date	**dates;
	size_t			 ndates;
	struct fact		**facts;
	size_t			 nfacts;
	struct law		**laws;
	size_t			 nlaws;
	struct checklist	**checklists;	/* sorted by order, id */
	size_t			 nchecklists;
	struct packet		*packet;	/* NULL: a default layout */
	struct calmap		*calendar;	/* NULL: no calendar */
	struct contractmap	*contract;	/* NULL: only the typed value */
	struct bizmap		*bizcase;	/* NULL: no figures */
};

void content_free(struct content *c);

const struct track *content_track(const struct content *c, const char *id);
const struct question *content_question(const struct content *c, const char *id);
const struct role *content_role(const struct content *c, const char *id);
const struct group *content_group(const struct content *c, const char *id);
const struct handoff_rule *content_handoff(const struct content *c, const char *id);
const struct glossary_entry *content_term(const struct content *c, const char *id);
const struct legal_date *content_date(const struct content *c, const char *id);
/* The checklist with that id or alias, or NULL. */
const struct checklist *content_checklist(const struct content *c, const char *name);
/* The i-th item of the checklist over all sections. */
const struct citem *checklist_item_at(const struct checklist *cl, size_t i);
const struct step *track_step(const struct track *t, const char *id);
/* The i-th step of the track over all phases. */
const struct step *track_step_at(const struct track *t, size_t i);
/* The step's owner group as people read it: its name in lang, with
 * "(to be confirmed)" in the program's language while the group is an
 * assumption; NULL when the step names no group. Caller frees. */
char *step_group_text(const struct step *st, enum lang lang);
const struct qoption *question_option(const struct question *q, const char *id);
/* What a step's 'requires' asks, for people: its requires_text in the
 * current language, else the condition as written; NULL without one. */
const char *step_requires_text(const struct step *st);

const char *basis_name(enum basis b);
/* True if s is an identifier: [a-z0-9][a-z0-9_-]*, at most 64 bytes. */
bool content_is_id(const char *s);

#endif
