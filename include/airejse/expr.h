/* SPDX-License-Identifier: EUPL-1.2 */
/* The condition language of the content: parsed once at load, bound to
 * the questions it names, evaluated against a project's answers.
 *
 *   expr    := or
 *   or      := and { "or" and }
 *   and     := unary { "and" unary }
 *   unary   := "not" unary | primary
 *   primary := "(" expr ")" | FUNC "(" NAME ")" | operand [ OP operand ]
 *   OP      := "==" | "!=" | "<" | "<=" | ">" | ">=" | "includes"
 *   FUNC    := "answered" | "unknown" | "track"
 *   operand := NAME | NUMBER | 'string' | "string"
 *
 * A NAME is a question id, a site setting (udbudsgraense), or, beside a
 * yes/no or choice question, a literal (ja, nej, an option id). What a
 * name stands for is asked of a resolver (struct expr_resolver): the
 * conditions know nothing of the content that holds them. */
#ifndef AIREJSE_EXPR_H
#define AIREJSE_EXPR_H

#include <stdbool.h>

#include "airejse/qtype.h"
#include "airejse/record.h"

struct arena;
struct question;

enum expr_op {
	EXPR_OR,
	EXPR_AND,
	EXPR_NOT,
	EXPR_CMP,
	EXPR_ANSWERED,	/* answered(q): a value other than "don't know" */
	EXPR_UNKNOWN,	/* unknown(q): answered "don't know" */
	EXPR_TRACK	/* track(id): the project follows that track */
};

enum expr_cmp {
	CMP_EQ,
	CMP_NE,
	CMP_LT,
	CMP_LE,
	CMP_GT,
	CMP_GE,
	CMP_INCLUDES
};

enum operand_kind {
	OPD_NAME,	/* not yet bound */
	OPD_QUESTION,
	OPD_SETTING,
	OPD_NUMBER,
	OPD_STRING,
	OPD_YES,
	OPD_NO,
	OPD_OPTION
};

struct operand {
	enum operand_kind	 kind;
	char			*name;	/* as written: a NAME, string or option id */
	double			 num;
	int			 col;	/* 1-based column in the source */
	const struct question	*q;	/* QUESTION: the resolver's */
	enum qtype		 qtype;	/* QUESTION: its type */
	int			 setting;
};

struct expr {
	enum expr_op	 op;
	int		 col;
	struct expr	*l, *r;		/* OR, AND: both; NOT: l */
	enum expr_cmp	 cmp;
	struct operand	 a, b;		/* CMP: a OP b; functions: a */
};

/* Parses src into a tree that lives in a (its names too). On error
 * returns NULL and sets *errcol (1-based column in src) and *errmsg
 * (caller frees); what was made of the tree stays in a. */
struct expr *expr_parse(struct arena *a, const char *src, int *errcol, char **errmsg);

/* What the names of a condition stand for (the linker's over the
 * content and the site settings). */
struct expr_resolver {
	/* The question named id, or NULL; its type in *type. */
	const struct question *(*question)(void *arg, const char *id, enum qtype *type);
	/* Whether question q has an option named id. */
	bool (*has_option)(void *arg, const struct question *q, const char *id);
	/* Whether there is a track named id. */
	bool (*has_track)(void *arg, const char *id);
	/* The site setting named name (enum setting_id), or -1. */
	int (*setting)(void *arg, const char *name);
	void *arg;
};

/* Resolves names through r and checks the types of each comparison.
 * Calls err for each problem with its column; returns the error count. */
int expr_bind(struct expr *e, const struct expr_resolver *r,
    void (*err)(void *arg, int col, const char *msg), void *arg);

/* Calls fn for every question e refers to. */
void expr_questions(const struct expr *e,
    void (*fn)(void *arg, const struct question *q), void *arg);

/* What a condition needs to know about a project. */
struct expr_env {
	/* The answer to q that counts (canonical value in *value). */
	enum answer_kind (*answer)(void *arg, const struct question *q,
	    const char **value);
	double (*setting)(void *arg, int setting);
	bool (*has_track)(void *arg, const char *track);
	void *arg;
};

/* A comparison with a missing answer is false. */
bool expr_eval(const struct expr *e, const struct expr_env *env);

/* Writes e back as text, fully parenthesised (for tests and messages).
 * Caller frees. */
char *expr_to_string(const struct expr *e);

#endif
