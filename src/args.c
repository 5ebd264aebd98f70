/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "airejse/args.h"
#include "airejse/i18n.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* The option whose long name (or alias) is word[0..len), else the one
 * it is the only prefix of; NULL with *cause when none or several. */
static const struct args_option *
find_long(const struct args_option *const *tables, const char *word, size_t len,
    char **cause)
{
	const struct args_option *o, *hit = NULL;
	size_t t, nhits = 0;

	for (t = 0; tables[t] != NULL; t++)
		for (o = tables[t]; o->name != NULL; o++) {
			if ((strlen(o->name) == len && strncmp(o->name, word, len) == 0) ||
			    (o->alias != NULL && strlen(o->alias) == len &&
			    strncmp(o->alias, word, len) == 0))
				return o;
			if (strncmp(o->name, word, len) == 0 ||
			    (o->alias != NULL && strncmp(o->alias, word, len) == 0)) {
				hit = o;
				nhits++;
			}
		}
	if (nhits == 1)
		return hit;
	if (nhits == 0)
		*cause = xasprintf(_("unknown option '--%.*s'"), (int)len, word);
	else
		*cause = xasprintf(_("option '--%.*s' is ambiguous: write it out in full"),
		    (int)len, word);
	return NULL;
}

/* The option of the letter at s; else NULL with *cause quoting the
 * whole character there ("-ø" is two bytes: never half of it). */
static const struct args_option *
find_short(const struct args_option *const *tables, const char *s, char **cause)
{
	const struct args_option *o;
	size_t t;
	int32_t cp;
	int n;

	for (t = 0; tables[t] != NULL; t++)
		for (o = tables[t]; o->name != NULL; o++)
			if (o->letter != 0 && o->letter == *s)
				return o;
	n = utf8_decode(s, strlen(s), &cp);
	*cause = xasprintf(_("unknown option '-%.*s'"), n > 0 ? n : 1, s);
	return NULL;
}

static void
add_value(struct args *a, const struct args_option *o, const char *value)
{
	a->v = xreallocarray(a->v, a->nv + 1, sizeof(*a->v));
	a->v[a->nv].opt = o;
	a->v[a->nv].value = value;
	a->nv++;
}

static void
add_operand(struct args *a, char *word)
{
	a->operands = xreallocarray(a->operands, a->noperands + 1, sizeof(*a->operands));
	a->operands[a->noperands++] = word;
}

/* "--name[=value]" at argv[*i]; may take the next word as the value. */
static int
parse_long(const struct args_option *const *tables, int argc, char **argv, int *i,
    struct args *out, char **cause)
{
	const char *word = argv[*i] + 2, *eq = strchr(word, '=');
	size_t len = eq ? (size_t)(eq - word) : strlen(word);
	const struct args_option *o;

	if ((o = find_long(tables, word, len, cause)) == NULL)
		return EX_USAGE;
	if (o->arg == NULL && eq != NULL) {
		*cause = xasprintf(_("option '--%s' takes no argument"), o->name);
		return EX_USAGE;
	}
	if (o->arg != NULL && eq == NULL && *i + 1 >= argc) {
		*cause = xasprintf(_("option '--%s' needs an argument"), o->name);
		return EX_USAGE;
	}
	add_value(out, o, o->arg == NULL ? NULL : eq != NULL ? eq + 1 : argv[++*i]);
	return 0;
}

/* "-abc", "-fvalue" or "-f value" at argv[*i]. */
static int
parse_short(const struct args_option *const *tables, int argc, char **argv, int *i,
    struct args *out, char **cause)
{
	const char *word = argv[*i];
	const struct args_option *o;
	size_t j;

	for (j = 1; word[j] != '\0'; j++) {
		if ((o = find_short(tables, word + j, cause)) == NULL)
			return EX_USAGE;
		if (o->arg == NULL) {
			add_value(out, o, NULL);
			continue;
		}
		if (word[j + 1] != '\0') {
			add_value(out, o, word + j + 1);
		} else if (*i + 1 < argc) {
			add_value(out, o, argv[++*i]);
		} else {
			*cause = xasprintf(_("option '-%c' needs an argument"), word[j]);
			return EX_USAGE;
		}
		break;
	}
	return 0;
}

int
args_parse(const struct args_option *const *tables, int argc, char **argv,
    bool in_order, struct args *out, char **cause)
{
	bool operands_only = false;
	int i, rc;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < argc; i++) {
		char *w = argv[i];

		if (operands_only || w[0] != '-' || w[1] == '\0') {
			add_operand(out, w);
			if (in_order)
				operands_only = true;
		} else if (strcmp(w, "--") == 0) {
			operands_only = true;
		} else if (w[1] == '-') {
			if ((rc = parse_long(tables, argc, argv, &i, out, cause)) != 0)
				return rc;
		} else if ((rc = parse_short(tables, argc, argv, &i, out, cause)) != 0) {
			return rc;
		}
	}
	return 0;
}

void
args_free(struct args *a)
{
	free(a->v);
	free(a->operands);
	memset(a, 0, sizeof(*a));
}

const char *
args_next(const struct args *a, const char *name, size_t *i)
{
	const char *v;

	for (; *i < a->nv; (*i)++)
		if (strcmp(a->v[*i].opt->name, name) == 0) {
			v = a->v[(*i)++].value;
			return v != NULL ? v : "";
		}
	return NULL;
}

bool
args_has(const struct args *a, const char *name)
{
	size_t i = 0;

	return args_next(a, name, &i) != NULL;
}

const char *
args_get(const struct args *a, const char *name)
{
	const char *v, *last = NULL;
	size_t i = 0;

	while ((v = args_next(a, name, &i)) != NULL)
		last = v;
	return last;
}
