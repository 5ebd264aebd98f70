/* SPDX-License-Identifier: EUPL-1.2 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/expr.h"
#include "airejse/i18n.h"
#include "airejse/qtype.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

enum tok {
	T_END,
	T_LPAREN,
	T_RPAREN,
	T_OP,
	T_AND,
	T_OR,
	T_NOT,
	T_NAME,
	T_NUMBER,
	T_STRING,
	T_ERROR
};

struct lexer {
	struct arena	*a;		/* where the tree goes */
	const char	*src;
	size_t		 pos;
	/* The current token. */
	enum tok	 tok;
	enum expr_cmp	 cmp;
	int		 col;
	char		*text;		/* NAME, STRING */
	double		 num;
	/* The first error. */
	int		 errcol;
	char		*errmsg;
	/* Where column_of counted to. */
	size_t		 col_off;
	int		 col_at;
};

static void
lex_error(struct lexer *lx, int col, char *msg)
{
	if (lx->errmsg == NULL) {
		lx->errcol = col;
		lx->errmsg = msg;
	} else {
		free(msg);
	}
	lx->tok = T_ERROR;
}

/* Columns count characters, not bytes, to match the editor's. Tokens
 * come in order, so the count goes on from the last one. */
static int
column_of(struct lexer *lx, size_t off)
{
	size_t i;

	if (off < lx->col_off) {
		lx->col_off = 0;
		lx->col_at = 1;
	}
	for (i = lx->col_off; i < off; i++)
		if (((unsigned char)lx->src[i] & 0xC0) != 0x80)
			lx->col_at++;
	lx->col_off = off;
	return lx->col_at;
}

static bool
name_start(int c)
{
	return isalpha(c) || c == '_';
}

static bool
name_char(int c)
{
	return isalnum(c) || c == '_' || c == '-' || c == '.';
}

static void
lex_next(struct lexer *lx)
{
	const char *s = lx->src;
	size_t p = lx->pos;

	free(lx->text);
	lx->text = NULL;
	if (lx->tok == T_ERROR)
		return;
	while (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')
		p++;
	lx->col = column_of(lx, p);
	if (s[p] == '\0') {
		lx->tok = T_END;
	} else if (s[p] == '(') {
		lx->tok = T_LPAREN;
		p++;
	} else if (s[p] == ')') {
		lx->tok = T_RPAREN;
		p++;
	} else if (s[p] == '=' && s[p + 1] == '=') {
		lx->tok = T_OP, lx->cmp = CMP_EQ, p += 2;
	} else if (s[p] == '!' && s[p + 1] == '=') {
		lx->tok = T_OP, lx->cmp = CMP_NE, p += 2;
	} else if (s[p] == '<') {
		lx->tok = T_OP;
		lx->cmp = s[p + 1] == '=' ? CMP_LE : CMP_LT;
		p += s[p + 1] == '=' ? 2 : 1;
	} else if (s[p] == '>') {
		lx->tok = T_OP;
		lx->cmp = s[p + 1] == '=' ? CMP_GE : CMP_GT;
		p += s[p + 1] == '=' ? 2 : 1;
	} else if (s[p] == '=') {
		lex_error(lx, lx->col, xstrdup(_("'=' is not an operator; write '==' to compare")));
		return;
	} else if (s[p] == '\'' || s[p] == '"') {
		char q = s[p];
		size_t start = ++p;

		while (s[p] != '\0' && s[p] != q)
			p++;
		if (s[p] != q) {
			lex_error(lx, lx->col, xstrdup(_("the string is not closed")));
			return;
		}
		lx->tok = T_STRING;
		lx->text = xstrndup(s + start, p - start);
		p++;
	} else if (isdigit((unsigned char)s[p]) ||
	    (s[p] == '-' && isdigit((unsigned char)s[p + 1]))) {
		char *end;

		lx->num = strtod(s + p, &end);
		if (name_char((unsigned char)*end) && *end != '.') {
			lex_error(lx, lx->col, xstrdup(_("a number runs into a name; put a space between them")));
			return;
		}
		lx->tok = T_NUMBER;
		p = (size_t)(end - s);
	} else if (name_start((unsigned char)s[p])) {
		size_t start = p;

		while (name_char((unsigned char)s[p]))
			p++;
		lx->text = xstrndup(s + start, p - start);
		if (strcmp(lx->text, "and") == 0) {
			lx->tok = T_AND;
		} else if (strcmp(lx->text, "or") == 0) {
			lx->tok = T_OR;
		} else if (strcmp(lx->text, "not") == 0) {
			lx->tok = T_NOT;
		} else if (strcmp(lx->text, "includes") == 0) {
			lx->tok = T_OP;
			lx->cmp = CMP_INCLUDES;
		} else {
			lx->tok = T_NAME;
		}
	} else {
		int32_t cp = (unsigned char)s[p];

		lex_error(lx, lx->col, cp < 0x80 && isprint((int)cp) ?
		    xasprintf(_("unexpected character '%c'"), (char)cp) :
		    xstrdup(_("unexpected character (names use the letters a-z, digits, '_' and '-')")));
		return;
	}
	lx->pos = p;
}

static struct expr *parse_or(struct lexer *lx);

static struct expr *
node(struct lexer *lx, enum expr_op op, int col)
{
	struct expr *e = arena_alloc(lx->a, sizeof(*e));

	e->op = op;
	e->col = col;
	return e;
}

static const char *
tok_desc(const struct lexer *lx)
{
	switch (lx->tok) {
	case T_END:	return _("the end of the condition");
	case T_LPAREN:	return "'('";
	case T_RPAREN:	return "')'";
	case T_OP:	return _("an operator");
	case T_AND:	return "'and'";
	case T_OR:	return "'or'";
	case T_NOT:	return "'not'";
	case T_NAME:	return _("a name");
	case T_NUMBER:	return _("a number");
	case T_STRING:	return _("a string");
	default:	return "?";
	}
}

static bool
parse_operand(struct lexer *lx, struct operand *o)
{
	memset(o, 0, sizeof(*o));
	o->col = lx->col;
	switch (lx->tok) {
	case T_NAME:
		o->kind = OPD_NAME;
		o->name = arena_strdup(lx->a, lx->text);
		break;
	case T_STRING:
		o->kind = OPD_STRING;
		o->name = arena_strdup(lx->a, lx->text);
		break;
	case T_NUMBER:
		o->kind = OPD_NUMBER;
		o->num = lx->num;
		break;
	default:
		if (lx->tok != T_ERROR)
			lex_error(lx, lx->col, xasprintf(
			    _("expected a question, a value or '(' but found %s"),
			    tok_desc(lx)));
		return false;
	}
	lex_next(lx);
	return true;
}

static struct expr *
parse_primary(struct lexer *lx)
{
	struct expr *e;
	int col = lx->col;

	if (lx->tok == T_LPAREN) {
		lex_next(lx);
		e = parse_or(lx);
		if (e == NULL)
			return NULL;
		if (lx->tok != T_RPAREN) {
			if (lx->tok != T_ERROR)
				lex_error(lx, lx->col, xasprintf(
				    _("expected ')' to close the '(' at column %d but found %s"),
				    col, tok_desc(lx)));
			return NULL;
		}
		lex_next(lx);
		return e;
	}
	if (lx->tok == T_NAME && lx->src[lx->pos] == '(') {
		enum expr_op op;

		if (strcmp(lx->text, "answered") == 0)
			op = EXPR_ANSWERED;
		else if (strcmp(lx->text, "unknown") == 0)
			op = EXPR_UNKNOWN;
		else if (strcmp(lx->text, "track") == 0)
			op = EXPR_TRACK;
		else {
			lex_error(lx, col, xasprintf(
			    _("unknown function '%s' (known: answered, unknown, track)"),
			    lx->text));
			return NULL;
		}
		lex_next(lx);	/* name */
		lex_next(lx);	/* ( */
		e = node(lx, op, col);
		if (lx->tok != T_NAME) {
			if (lx->tok != T_ERROR)
				lex_error(lx, lx->col, xasprintf(
				    _("expected a name inside the parentheses but found %s"),
				    tok_desc(lx)));
			return NULL;
		}
		parse_operand(lx, &e->a);
		if (lx->tok != T_RPAREN) {
			if (lx->tok != T_ERROR)
				lex_error(lx, lx->col, xasprintf(
				    _("expected ')' but found %s"), tok_desc(lx)));
			return NULL;
		}
		lex_next(lx);
		return e;
	}
	e = node(lx, EXPR_CMP, col);
	if (!parse_operand(lx, &e->a))
		return NULL;
	if (lx->tok != T_OP) {
		/* A bare name: a yes/no question that is answered yes. */
		if (e->a.kind != OPD_NAME) {
			lex_error(lx, e->a.col, xstrdup(
			    _("a value alone is not a condition; compare a question with it")));
			return NULL;
		}
		e->cmp = CMP_EQ;
		e->b.kind = OPD_YES;
		e->b.col = 0;	/* implicit */
		return e;
	}
	e->cmp = lx->cmp;
	e->col = lx->col;
	lex_next(lx);
	if (!parse_operand(lx, &e->b))
		return NULL;
	return e;
}

static struct expr *
parse_unary(struct lexer *lx)
{
	if (lx->tok == T_NOT) {
		struct expr *e = node(lx, EXPR_NOT, lx->col);

		lex_next(lx);
		e->l = parse_unary(lx);
		return e->l != NULL ? e : NULL;
	}
	return parse_primary(lx);
}

static struct expr *
parse_binary(struct lexer *lx, enum tok tok, enum expr_op op,
    struct expr *(*sub)(struct lexer *))
{
	struct expr *l = sub(lx);

	while (l != NULL && lx->tok == tok) {
		struct expr *e = node(lx, op, lx->col);

		lex_next(lx);
		e->l = l;
		if ((e->r = sub(lx)) == NULL)
			return NULL;
		l = e;
	}
	return l;
}

static struct expr *
parse_and(struct lexer *lx)
{
	return parse_binary(lx, T_AND, EXPR_AND, parse_unary);
}

static struct expr *
parse_or(struct lexer *lx)
{
	return parse_binary(lx, T_OR, EXPR_OR, parse_and);
}

struct expr *
expr_parse(struct arena *a, const char *src, int *errcol, char **errmsg)
{
	struct lexer lx;
	struct expr *e;

	memset(&lx, 0, sizeof(lx));
	lx.a = a;
	lx.src = src;
	lx.col_at = 1;
	lx.tok = T_END;
	lex_next(&lx);
	if (lx.tok == T_END) {
		*errcol = 1;
		*errmsg = xstrdup(_("the condition is empty"));
		return NULL;
	}
	e = parse_or(&lx);
	if (e != NULL && lx.tok != T_END) {
		if (lx.tok != T_ERROR)
			lex_error(&lx, lx.col, xasprintf(
			    _("expected 'and', 'or' or the end but found %s"),
			    tok_desc(&lx)));
		e = NULL;
	}
	free(lx.text);
	if (e == NULL) {
		*errcol = lx.errcol;
		*errmsg = lx.errmsg;
		return NULL;
	}
	free(lx.errmsg);
	return e;
}

/* Binding */

struct binder {
	const struct expr_resolver	*r;
	void				(*err)(void *, int, const char *);
	void				*arg;
	int				 nerr;
};

static void
bind_error(struct binder *b, int col, char *msg)
{
	b->err(b->arg, col, msg);
	free(msg);
	b->nerr++;
}

/* Binds a question operand to the question named o->name; false when
 * there is none. */
static bool
bind_question(struct binder *b, struct operand *o)
{
	if ((o->q = b->r->question(b->r->arg, o->name, &o->qtype)) == NULL)
		return false;
	o->kind = OPD_QUESTION;
	return true;
}

/* Resolves a name that stands alone: a question or a setting. */
static bool
bind_subject(struct binder *b, struct operand *o)
{
	int setting;

	if (o->kind != OPD_NAME)
		return true;
	if (bind_question(b, o))
		return true;
	if ((setting = b->r->setting(b->r->arg, o->name)) >= 0) {
		o->kind = OPD_SETTING;
		o->setting = setting;
		return true;
	}
	return false;
}

static bool
is_numeric(const struct operand *o)
{
	return o->kind == OPD_NUMBER || o->kind == OPD_SETTING ||
	    (o->kind == OPD_QUESTION && (o->qtype == Q_NUMBER || o->qtype == Q_AMOUNT));
}

static const char *
operand_desc(const struct operand *o)
{
	switch (o->kind) {
	case OPD_NUMBER:	return _("a number");
	case OPD_STRING:	return _("a string");
	case OPD_SETTING:	return _("a setting");
	case OPD_YES:
	case OPD_NO:		return _("yes/no");
	case OPD_OPTION:	return _("an option");
	case OPD_QUESTION:	return qtype_name(o->qtype);
	default:		return _("a name");
	}
}

/* Binds the value side v of a comparison with the question q. */
static void
bind_value(struct binder *b, const struct operand *q, struct operand *v)
{
	const char *id = q->name, *lit = v->name;
	bool yes;

	switch (q->qtype) {
	case Q_YESNO:
		if ((v->kind == OPD_NAME || v->kind == OPD_STRING) &&
		    value_parse_yesno(lit, &yes) == 0) {
			v->kind = yes ? OPD_YES : OPD_NO;
			return;
		}
		if (v->kind == OPD_YES || v->kind == OPD_NO)
			return;
		bind_error(b, v->col, xasprintf(
		    _("'%s' is a yes/no question; compare it with ja or nej, not %s"),
		    id, v->kind == OPD_NAME ? lit : operand_desc(v)));
		return;
	case Q_CHOICE:
	case Q_MULTI:
		if (v->kind == OPD_NAME || v->kind == OPD_STRING) {
			if (b->r->has_option(b->r->arg, q->q, lit)) {
				v->kind = OPD_OPTION;
				return;
			}
			bind_error(b, v->col, xasprintf(
			    _("'%s' is not an option of question '%s'"), lit, id));
			return;
		}
		bind_error(b, v->col, xasprintf(
		    _("question '%s' is a choice; compare it with one of its options, not %s"),
		    id, operand_desc(v)));
		return;
	case Q_NUMBER:
	case Q_AMOUNT:
		if (v->kind == OPD_NAME && bind_subject(b, v) && is_numeric(v))
			return;
		if (v->kind != OPD_NAME && is_numeric(v))
			return;
		bind_error(b, v->col, xasprintf(
		    _("question '%s' is a number; compare it with a number or a setting, not %s"),
		    id, v->kind == OPD_NAME ? v->name : operand_desc(v)));
		return;
	case Q_DATE:
		if (v->kind == OPD_STRING && value_parse_date(lit, NULL) == 0)
			return;
		if (v->kind == OPD_NAME && bind_subject(b, v) &&
		    v->kind == OPD_QUESTION && v->qtype == Q_DATE)
			return;
		bind_error(b, v->col, xasprintf(
		    _("question '%s' is a date; compare it with a date in quotes, e.g. '2027-08-02'"),
		    id));
		return;
	default:
		if (v->kind == OPD_STRING)
			return;
		bind_error(b, v->col, xasprintf(
		    _("question '%s' is text; compare it with a string in quotes"), id));
		return;
	}
}

/* Writes "5 < x" as "x > 5", so the question is always on the left. */
static void
swap_sides(struct expr *e)
{
	struct operand tmp = e->a;

	e->a = e->b;
	e->b = tmp;
	switch (e->cmp) {
	case CMP_LT: e->cmp = CMP_GT; break;
	case CMP_LE: e->cmp = CMP_GE; break;
	case CMP_GT: e->cmp = CMP_LT; break;
	case CMP_GE: e->cmp = CMP_LE; break;
	default: break;
	}
}

static void
bind_cmp(struct binder *b, struct expr *e)
{
	const struct operand *q;
	bool implicit = e->b.kind == OPD_YES && e->b.col == 0;

	if (e->a.kind == OPD_NAME && !bind_subject(b, &e->a)) {
		/* Perhaps the literal is written first: nej == ce_maerket. */
		if (e->b.kind == OPD_NAME && bind_subject(b, &e->b) &&
		    e->b.kind == OPD_QUESTION) {
			swap_sides(e);
		} else {
			bind_error(b, e->a.col, xasprintf(
			    _("unknown question or setting '%s'"), e->a.name));
			return;
		}
	} else if (e->a.kind != OPD_NAME && e->a.kind != OPD_QUESTION &&
	    e->a.kind != OPD_SETTING) {
		/* A literal first: swap when the other side is a question. */
		if (e->b.kind == OPD_NAME && bind_subject(b, &e->b) &&
		    (e->b.kind == OPD_QUESTION || e->b.kind == OPD_SETTING)) {
			swap_sides(e);
		} else {
			bind_error(b, e->a.col, xstrdup(
			    _("a comparison needs a question or a setting on one side")));
			return;
		}
	}
	if (e->a.kind == OPD_SETTING) {
		if (e->b.kind == OPD_NAME && !bind_subject(b, &e->b)) {
			bind_error(b, e->b.col, xasprintf(
			    _("unknown question or setting '%s'"), e->b.name));
			return;
		}
		if (e->b.kind == OPD_QUESTION) {
			swap_sides(e);
		} else if (!is_numeric(&e->b)) {
			bind_error(b, e->b.col, xasprintf(
			    _("setting '%s' is a number; compare it with a number, not %s"),
			    e->a.name, operand_desc(&e->b)));
			return;
		} else {
			if (e->cmp == CMP_INCLUDES)
				bind_error(b, e->col, xstrdup(
				    _("'includes' needs a multiple-choice question on its left")));
			return;
		}
	}
	q = &e->a;
	if (implicit && q->qtype != Q_YESNO) {
		bind_error(b, q->col, xasprintf(
		    _("'%s' alone is only a condition for a yes/no question; compare it with a value"),
		    q->name));
		return;
	}
	if (e->cmp == CMP_INCLUDES && q->qtype != Q_MULTI) {
		bind_error(b, e->col, xasprintf(
		    _("'includes' needs a multiple-choice question, and '%s' is %s"),
		    q->name, qtype_name(q->qtype)));
		return;
	}
	if (q->qtype == Q_MULTI && e->cmp != CMP_INCLUDES) {
		bind_error(b, e->col, xasprintf(
		    _("'%s' is a multiple choice; test it with 'includes'"), q->name));
		return;
	}
	if (e->cmp != CMP_EQ && e->cmp != CMP_NE && e->cmp != CMP_INCLUDES &&
	    q->qtype != Q_NUMBER && q->qtype != Q_AMOUNT && q->qtype != Q_DATE) {
		bind_error(b, e->col, xasprintf(
		    _("'%s' is %s; only numbers, amounts and dates can be ordered with < or >"),
		    q->name, qtype_name(q->qtype)));
		return;
	}
	if (!implicit)
		bind_value(b, q, &e->b);
}

static void
bind_node(struct binder *b, struct expr *e)
{
	switch (e->op) {
	case EXPR_OR:
	case EXPR_AND:
		bind_node(b, e->l);
		bind_node(b, e->r);
		break;
	case EXPR_NOT:
		bind_node(b, e->l);
		break;
	case EXPR_ANSWERED:
	case EXPR_UNKNOWN:
		if (!bind_question(b, &e->a))
			bind_error(b, e->a.col, xasprintf(
			    _("unknown question '%s'"), e->a.name));
		break;
	case EXPR_TRACK:
		if (!b->r->has_track(b->r->arg, e->a.name))
			bind_error(b, e->a.col, xasprintf(
			    _("unknown track '%s'"), e->a.name));
		break;
	case EXPR_CMP:
		bind_cmp(b, e);
		break;
	}
}

int
expr_bind(struct expr *e, const struct expr_resolver *r,
    void (*err)(void *, int, const char *), void *arg)
{
	struct binder b = { r, err, arg, 0 };

	bind_node(&b, e);
	return b.nerr;
}

void
expr_questions(const struct expr *e, void (*fn)(void *, const struct question *),
    void *arg)
{
	if (e == NULL)
		return;
	expr_questions(e->l, fn, arg);
	expr_questions(e->r, fn, arg);
	if (e->a.kind == OPD_QUESTION)
		fn(arg, e->a.q);
	if (e->b.kind == OPD_QUESTION)
		fn(arg, e->b.q);
}

/* Evaluation */

/* The number an operand stands for; false when it has none. */
static bool
operand_number(const struct operand *o, const struct expr_env *env, double *out)
{
	const char *v;

	switch (o->kind) {
	case OPD_NUMBER:
		*out = o->num;
		return true;
	case OPD_SETTING:
		*out = env->setting(env->arg, o->setting);
		return true;
	case OPD_QUESTION:
		if (env->answer(env->arg, o->q, &v) != ANSWER_VALUE)
			return false;
		return value_number(v, out, NULL);
	default:
		return false;
	}
}

static bool
ordered(enum expr_cmp cmp, int c)
{
	switch (cmp) {
	case CMP_EQ: return c == 0;
	case CMP_NE: return c != 0;
	case CMP_LT: return c < 0;
	case CMP_LE: return c <= 0;
	case CMP_GT: return c > 0;
	case CMP_GE: return c >= 0;
	default: return false;
	}
}

/* Whether the comma list canonical holds option id. */
static bool
list_has(const char *list, const char *id)
{
	size_t n = strlen(id);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, id, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return true;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return false;
}

static bool
eval_cmp(const struct expr *e, const struct expr_env *env)
{
	const struct question *q = e->a.q;
	const char *v, *w;
	double x, y;

	if (e->a.kind == OPD_SETTING || e->a.qtype == Q_NUMBER || e->a.qtype == Q_AMOUNT) {
		if (!operand_number(&e->a, env, &x) || !operand_number(&e->b, env, &y))
			return false;
		return ordered(e->cmp, x < y ? -1 : x > y);
	}
	if (env->answer(env->arg, q, &v) != ANSWER_VALUE)
		return false;
	switch (e->b.kind) {
	case OPD_YES:
		return ordered(e->cmp, strcmp(v, "ja"));
	case OPD_NO:
		return ordered(e->cmp, strcmp(v, "nej"));
	case OPD_OPTION:
		if (e->cmp == CMP_INCLUDES)
			return list_has(v, e->b.name);
		return ordered(e->cmp, strcmp(v, e->b.name));
	case OPD_STRING:
		return ordered(e->cmp, strcmp(v, e->b.name));
	case OPD_QUESTION:
		if (env->answer(env->arg, e->b.q, &w) != ANSWER_VALUE)
			return false;
		return ordered(e->cmp, strcmp(v, w));
	default:
		return false;
	}
}

bool
expr_eval(const struct expr *e, const struct expr_env *env)
{
	const char *v;

	switch (e->op) {
	case EXPR_OR:
		return expr_eval(e->l, env) || expr_eval(e->r, env);
	case EXPR_AND:
		return expr_eval(e->l, env) && expr_eval(e->r, env);
	case EXPR_NOT:
		return !expr_eval(e->l, env);
	case EXPR_ANSWERED:
		return env->answer(env->arg, e->a.q, &v) == ANSWER_VALUE;
	case EXPR_UNKNOWN:
		return env->answer(env->arg, e->a.q, &v) == ANSWER_DONTKNOW;
	case EXPR_TRACK:
		return env->has_track(env->arg, e->a.name);
	case EXPR_CMP:
		return eval_cmp(e, env);
	}
	return false;
}

static void
operand_string(struct strbuf *sb, const struct operand *o)
{
	switch (o->kind) {
	case OPD_NUMBER:
		sb_addf(sb, "%.15g", o->num);
		break;
	case OPD_STRING:
		sb_addf(sb, "'%s'", o->name);
		break;
	case OPD_YES:
		sb_add(sb, "ja");
		break;
	case OPD_NO:
		sb_add(sb, "nej");
		break;
	case OPD_OPTION:
		sb_add(sb, o->name);
		break;
	default:
		sb_add(sb, o->name ? o->name : "?");
		break;
	}
}

static void
to_string(struct strbuf *sb, const struct expr *e)
{
	static const char *const ops[] = { "==", "!=", "<", "<=", ">", ">=", "includes" };
	static const char *const fns[] = { [EXPR_ANSWERED] = "answered",
	    [EXPR_UNKNOWN] = "unknown", [EXPR_TRACK] = "track" };

	switch (e->op) {
	case EXPR_OR:
	case EXPR_AND:
		sb_addc(sb, '(');
		to_string(sb, e->l);
		sb_add(sb, e->op == EXPR_OR ? " or " : " and ");
		to_string(sb, e->r);
		sb_addc(sb, ')');
		break;
	case EXPR_NOT:
		sb_add(sb, "not ");
		to_string(sb, e->l);
		break;
	case EXPR_ANSWERED:
	case EXPR_UNKNOWN:
	case EXPR_TRACK:
		sb_addf(sb, "%s(%s)", fns[e->op], e->a.name);
		break;
	case EXPR_CMP:
		sb_addc(sb, '(');
		operand_string(sb, &e->a);
		sb_addf(sb, " %s ", ops[e->cmp]);
		operand_string(sb, &e->b);
		sb_addc(sb, ')');
		break;
	}
}

char *
expr_to_string(const struct expr *e)
{
	struct strbuf sb = STRBUF_INIT;

	to_string(&sb, e);
	return sb_detach(&sb);
}
