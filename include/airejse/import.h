/* SPDX-License-Identifier: EUPL-1.2 */
/* Reading a JSON export back: a project export becomes a new project;
 * answers to a hand-off packet (the form's answer file, or the JSON
 * packet filled in) are previewed beside the answers stored, and those
 * accepted become answers in the project the packet came from. Through
 * the store's and the action layer's functions only; no SQL. */
#ifndef AIREJSE_IMPORT_H
#define AIREJSE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/i18n.h"
#include "airejse/record.h"

struct action;
struct question;

enum import_kind {
	IMPORT_PROJECT,		/* schema airejse-project */
	IMPORT_PACKET,		/* a filled-in airejse-handoff-packet */
	IMPORT_ANSWERS		/* an answer file, airejse-handoff-answers */
};

/* What an import did, with a message per thing kept as it was (free
 * with import_result_free). */
struct import_result {
	enum import_kind	 kind;
	int64_t			 project;	/* the new or the receiving project */
	size_t			 nstored;	/* answers stored */
	size_t			 nunchanged;	/* answers already stored */
	size_t			 nkept;		/* changed here since: kept as they are */
	size_t			 nleft;		/* left out (rejected) */
	size_t			 nanswered;	/* hand-offs marked answered */
	char			**messages;
	size_t			 nmessages;
};

/* What kind of export path is, from its schema: 0, or EX_NOINPUT,
 * EX_IOERR or EX_DATAERR with *cause (caller frees). */
int import_kind_of(const char *path, enum import_kind *kind, char **cause);

/* Reads a project export and makes it a new project, whose name is name
 * when not NULL; nothing is written unless all of it can be (one
 * transaction). Returns 0, EX_NOINPUT (no file), EX_DATAERR (not an
 * export this airejse reads), or a store status, with *cause set on
 * failure (caller frees). */
int import_file(struct action *a, const char *path, const char *name,
    struct import_result *res, char **cause);
void import_result_free(struct import_result *res);

/* Answers to a packet: what each would do. */
enum import_verdict {
	IMPORT_NEW,		/* differs from the stored answer, which is as the packet showed it */
	IMPORT_SAME,		/* is the stored answer already */
	IMPORT_CONFLICT,	/* the stored answer changed after the packet was made */
	IMPORT_INVALID		/* not an answer the question takes, or it does not apply now */
};

/* One answer offered, beside the one stored (the preview's line). */
struct import_item {
	const struct question	*q;
	char			*role;		/* of the packet section it is in */
	char			*input;		/* as written */
	enum answer_kind	 kind;		/* ANSWER_VALUE or ANSWER_DONTKNOW */
	char			*value;		/* canonical; NULL unless a valid value */
	char			*note;		/* how it was read, when not as usual */
	char			*why;		/* IMPORT_INVALID: why */
	int64_t			 revision;	/* of the answer the packet showed */
	struct answer		 current;	/* the stored answer */
	enum import_verdict	 verdict;
	/* The choice: store it (preset for IMPORT_NEW). Only a NEW or a
	 * CONFLICT can be stored; rejected says the user left it out. */
	bool			 accept;
	bool			 rejected;
};

/* The preview of an answer file or a filled-in packet. */
struct import_plan {
	enum import_kind	 kind;
	char			*file;
	int64_t			 project;
	char			*project_name;
	char			*roles;		/* the roles that answered, by name */
	char			*respondent;	/* who answered; NULL if no name was given */
	int64_t			 made;		/* when the packet was made */
	enum lang		 lang;		/* the answers are written in */
	struct import_item	*items;		/* in the packet's order */
	size_t			 nitems;
	char			**rules;	/* the packet's hand-offs */
	size_t			 nrules;
};

/* Reads answers to a packet and compares each with the database; nothing
 * is written. target (may be NULL: the project the file names) is the
 * project's id or name. The whole file is refused (EX_DATAERR, *cause)
 * when it was not made from the packet it names (its id does not match
 * what it carries), names a hand-off of another role, answers a
 * question none of its hand-offs asks (named by its text), or gives one
 * question two different answers. Caller frees *out with
 * import_plan_free. */
int import_plan_read(struct action *a, const char *path, const char *target,
    struct import_plan **out, char **cause);
/* Stores the items accepted, in one transaction, each as the user's own
 * answer would be and only if the stored answer is still the one the
 * preview saw (else STATUS_CONFLICT and nothing written), and marks answered
 * the open hand-offs whose questions that apply all have an answer from
 * the file. */
int import_plan_apply(struct action *a, const struct import_plan *p,
    struct import_result *res, char **cause);
void import_plan_free(struct import_plan *p);

#endif
