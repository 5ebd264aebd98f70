/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports: the checklists, the business case, the hand-off packet and
 * the action plan of one project, in Markdown, HTML, CSV, JSON, xlsx,
 * PDF, and Word and OpenDocument (through pandoc).
 * The command line's `export` and the terminal program's export dialog
 * both call this code.
 *
 * What is exported is derived here, never typed: each checklist item's
 * state comes from the answers through the content's conditions and the
 * progress logic (progress.h). The renderers (export-*.c) only lay out
 * the model below. No SQL, no curses. */
#ifndef AIREJSE_EXPORT_H
#define AIREJSE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "airejse/expr.h"
#include "airejse/i18n.h"
#include "airejse/record.h"

struct action;
struct content;
struct settings;
struct snapshot;
struct checklist;
struct citem;
struct cnote;
struct question;
struct step;
struct role;
struct handoff_rule;
struct review_board;
struct review_role;

/* The schema versions of the JSON documents (see airejse(1)). Version 2
 * of the project document gives each checklist item a "status" with the
 * state codes of issue 18 in place of "blocked_by"; import reads from
 * EXPORT_JSON_OLDEST on, as the answers, history and hand-offs it takes
 * are the same in both. */
#define EXPORT_JSON_VERSION 2
#define EXPORT_JSON_OLDEST 1
#define EXPORT_PROJECT_SCHEMA "airejse-project"
#define EXPORT_PACKET_SCHEMA "airejse-handoff-packet"
/* The packet and the answer file have versions of their own: version 2
 * of the packet is one section per role, each question once. */
#define EXPORT_PACKET_VERSION 2
#define EXPORT_ANSWERS_SCHEMA "airejse-handoff-answers"
#define EXPORT_ANSWERS_VERSION 1
/* A packet's id: 16 hexadecimal digits and a NUL. */
#define EXPORT_PACKET_ID_SIZE 17

enum export_format {
	EXPORT_MD,
	EXPORT_HTML,
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_XLSX,
	EXPORT_PDF,
	EXPORT_DOCX,		/* through pandoc */
	EXPORT_ODT,
	EXPORT__FORMATS
};

enum export_part {
	EXPORT_CHECKLIST,	/* one checklist of the content */
	EXPORT_HANDOFF,		/* the hand-off packet */
	EXPORT_ACTION_PLAN,
	EXPORT_ALL
};

/* What to export: a part, and for EXPORT_CHECKLIST which one. */
struct export_what {
	enum export_part	 part;
	const struct checklist	*checklist;
};

/* One choice for the export dialog. */
struct export_choice {
	struct export_what	 what;
	const char		*name;	/* as --what takes it: "indkoeb", "handoff" */
	const char		*label;	/* for people, in the given language */
};

/* The state of a checklist item, derived from the answers: each says
 * what is missing (export-text.c has the labels and the legend). */
enum item_state {
	ITEM_DONE,
	ITEM_OPEN,		/* a question it rests on has no answer */
	ITEM_UNKNOWN,		/* a question is answered "ved ikke": waiting on a role */
	ITEM_NOT_MET,		/* answered, but the answers do not meet it */
	ITEM_AWAITING,		/* handed off: awaiting a role's answer or review */
	ITEM_NA,		/* not applicable */
	ITEM__STATES
};

/* One question with its answer, as exported. */
struct xanswer {
	const struct question	*q;
	const struct answer	*a;	/* the stored answer, or NULL */
	int64_t			 revision;	/* stored, a cleared one's too */
	enum answer_kind	 kind;	/* the answer that counts */
	const char		*value;	/* canonical, for ANSWER_VALUE */
	bool			 applies;
};

struct xitem {
	const struct citem	*item;
	enum item_state		 state;
	const struct step	*step;		/* where it comes from; may be NULL */
	const struct role	*owner;		/* may be NULL */
	const char		*contact;	/* "Name <e-mail>", or NULL */
	struct xanswer		*answers;	/* the item's questions that apply */
	size_t			 nanswers;
	const struct cnote	**notes;	/* the notes whose condition holds */
	size_t			 nnotes;
	/* Why it is not done (any may be set): */
	const struct handoff	*handoff;	/* an open hand-off on its questions */
	const struct question	*unknown;	/* a question answered "don't know" */
	const struct question	*missing;	/* the first question with no answer */
	bool			 by_condition;	/* its 'blocked' condition holds */
	const struct role	*waiting_on;	/* ITEM_UNKNOWN, ITEM_AWAITING: who */
	bool			 na_by_item;	/* ITEM_NA: its own condition fails */
	/* No step of the project's tracks lists it or asks its questions:
	 * it is another route's (the in-house items on a bought product),
	 * left out of the exports rather than shown as not applicable. */
	bool			 off_route;
};

struct xchecklist {
	const struct checklist	*checklist;
	struct xitem		*items;		/* checklist->nitems, in order */
	size_t			 count[ITEM__STATES];	/* of the items on the route */
	size_t			 off_route;	/* items left out */
};

/* An open hand-off with the questions its role must answer. */
struct xhandoff {
	const struct handoff		*handoff;
	const struct handoff_rule	*rule;
	const struct role		*role;
	struct xanswer			*questions;
	size_t				 nquestions;
};

/* One question of a role's packet, asked once however many of the
 * role's hand-offs ask it. */
struct xpquestion {
	struct xanswer			 x;
	const struct xhandoff		**handoffs;	/* the role's that ask it */
	size_t				 nhandoffs;
};

/* What one role is asked: its open hand-offs, and their questions that
 * apply, each once, in the order the hand-offs ask them. */
struct xpacket {
	const struct role	*role;
	const struct xhandoff	**handoffs;
	size_t			 nhandoffs;
	struct xpquestion	*questions;
	size_t			 nquestions;
	bool			 overdue;	/* one of its hand-offs is */
};

/* One line of the action plan: an open or blocked item, or an open
 * hand-off. */
struct xaction {
	const struct xitem	*item;		/* one of these two */
	const struct xhandoff	*handoff;
	const char		*due;		/* YYYY-MM-DD or NULL */
	bool			 overdue;	/* due before the export's day */
	const struct step	*step;
	const struct role	*owner;
	const char		*contact;
};

/* Everything an export needs about one project. */
struct export_data {
	const struct content	*content;
	const struct settings	*settings;
	struct snapshot		*snap;		/* owned */
	struct answer_event	*history;	/* owned; oldest first */
	size_t			 nhistory;
	struct handoff_event	**hevents;	/* per hand-off of snap; owned */
	size_t			*nhevents;
	int64_t			 now;		/* when the export was made */
	struct xchecklist	*checklists;	/* one per content checklist */
	size_t			 nchecklists;
	struct xhandoff		*handoffs;	/* the open ones, by rule order */
	size_t			 nhandoffs;
	struct xpacket		*packets;	/* per role with open hand-offs, */
	size_t			 npackets;	/* in the content's order of roles */
	char			 today[11];	/* the day of now, for "overdue" */
	struct xaction		*actions;	/* sorted to work down */
	size_t			 nactions;
	struct xanswer		*context;	/* the packet's context answers */
	size_t			 ncontext;
	char			**contacts;	/* per role of the content, made on use */
	struct review		*reviews;	/* owned; the project's, oldest first */
	size_t			 nreviews;
	struct review_board	*board;		/* owned: each role's review (review.h) */
	/* Who exported, for the cover: the name given and the account
	 * (record_who); NULL when not known (tests). Owned. */
	char			*user;
	char			*account;
};

struct export_opts {
	struct export_what	 what;
	enum export_format	 format;
	enum lang		 lang;
	bool			 force;		/* overwrite an existing file */
	const struct role	*role;		/* the packet for this role; NULL: every role */
};

/* Loads project id with its history and derives every checklist, the
 * open hand-offs and the action plan. Caller frees with export_free. */
int export_load(struct action *a, int64_t id, struct export_data **out, char **cause);
/* The same from records already loaded (snap is taken over; history and
 * hand-off events may be NULL/0). For tests and for import. */
struct export_data *export_derive(const struct content *c, const struct settings *settings,
    struct snapshot *snap, struct answer_event *history, size_t nhistory,
    struct handoff_event **hevents, size_t *nhevents, int64_t now);
void export_free(struct export_data *d);

/* The packet of role r in d, or NULL when r has no open hand-off. */
const struct xpacket *export_packet(const struct export_data *d, const struct role *r);
/* Whether the open hand-off h is past its due date on the export's day. */
bool export_overdue(const struct export_data *d, const struct handoff *h);

/* A packet's id: a check that an answer file was made from the packet it
 * names, worked out from what the answer file carries as well: the
 * project, the role, the language its answers are written in, when the
 * packet was made (YYYY-MM-DDTHH:MM:SSZ), the hand-offs (rule ids) and
 * each question with the revision of the answer it showed. The order of
 * rules and questions does not count. out gets 16 hexadecimal digits. */
void export_packet_id(int64_t project, const char *name, const char *role,
    const char *lang, const char *made, const char *const *rules, size_t nrules,
    const char *const *questions, const int64_t *revisions, size_t nquestions,
    char out[EXPORT_PACKET_ID_SIZE]);
/* The id of packet p of d in language lang. */
void export_packet_id_of(const struct export_data *d, const struct xpacket *p,
    enum lang lang, char out[EXPORT_PACKET_ID_SIZE]);

/* Parses a --what name: a checklist id or alias, "handoff", "action-plan"
 * or "all". Returns 0, or -1 for an unknown name. */
int export_parse_what(const struct content *c, const char *name, struct export_what *out);
/* The --what name of w (a checklist's id). */
const char *export_what_name(const struct export_what *w);
/* Every choice, for the export dialog, in order. Caller frees the array. */
struct export_choice *export_choices(const struct content *c, enum lang lang, size_t *n);

int export_format_parse(const char *s, enum export_format *out);
const char *export_format_name(enum export_format f);	/* also the extension */

/* A file name for the export, made from the project's name (made safe:
 * export_safe_name) and the --what name, never from an answer: "Klinik
 * Øst - indkoeb.xlsx", "Klinik Øst.pdf" for all; "airejse-3-..." when
 * nothing of the name is left. Caller frees. */
char *export_file_name(const struct export_data *d, const struct export_opts *o);
/* The longest file name export_safe_name makes, in characters. */
#define EXPORT_NAME_MAX 80
/* name as part of a file name: control characters, invalid UTF-8, / and
 * the characters Windows' shares refuse (\ : * ? " < > |) become one
 * space; no leading dot, dash or space, no trailing dot or space; at most
 * EXPORT_NAME_MAX characters; æ, ø, å kept. May be "". Caller frees. */
char *export_safe_name(const char *name);

/* Writes the export to out (xlsx through a temporary file). */
int export_write(const struct export_data *d, const struct export_opts *o, FILE *out,
    char **cause);
/* Writes the export to path: into a temporary file in the same folder,
 * flushed to disk, then moved into place. An existing path is refused
 * with EX_CANTCREAT unless o->force. */
int export_write_file(const struct export_data *d, const struct export_opts *o,
    const char *path, char **cause);

/* Labels for people, in the program's current language. */
const char *item_state_name(enum item_state s);		/* "done", "open", ... */
const char *item_state_label(enum item_state s);
/* What the state means, one sentence for the legend. */
const char *item_state_legend(enum item_state s);
/* Whether the item still needs work (not done, not inapplicable). */
bool item_state_pending(enum item_state s);

/* Escaping, shared by the renderers and tested on their own. Each
 * returns a new string the caller frees. */
/* &, <, >, " and ' as entities; invalid UTF-8 as U+FFFD. */
char *export_html_escape(const char *s);
/* Markdown punctuation backslash-escaped so text stays text (and raw
 * HTML stays visible); line breaks as given by br (a newline and the
 * indent of a list item). After a line break, and at the start when
 * line_start, what would begin a list or a heading is escaped too. */
char *export_md_escape(const char *s, const char *br, bool line_start);
/* One CSV cell: a cell starting with = + - @, a tab or a carriage return
 * gets a leading apostrophe so no spreadsheet takes it for a formula;
 * quoted (RFC 4180) when it holds ; " CR or LF, or was neutralised. */
char *export_csv_cell(const char *s);
/* A sheet's name as Excel takes it: at most 28 characters (31 less room
 * for " 2"), whole words only, none of []:*?/\ and no dangling "(" or
 * dash; fallback (cut) when not one word of want fits. */
char *export_sheet_name(const char *want, const char *fallback);
/* True if a spreadsheet could take s for a formula. */
bool export_formula_like(const char *s);

#endif
