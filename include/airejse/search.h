/* SPDX-License-Identifier: EUPL-1.2 */
/* Search: a regular expression (PCRE2: Unicode, ignoring case) over a
 * project as its users see it: the steps of its tracks (title, guidance,
 * what to watch out for, why), the questions that apply (prompt, help)
 * and their answers as value_format shows them, all in the program's
 * language. A question asked by several steps (the question bank) is
 * listed once, at the first step that asks it. The search screen and
 * 'airejse search' share it. No SQL, no curses.
 *
 * A compiled pattern remembers which of the content's texts match it (and
 * the answers that repeat, such as yes/no and choices), so searching many
 * projects matches each text once. What it remembers is for one content
 * and one language: searching with another forgets it, so clear the
 * results of earlier searches first. */
#ifndef AIREJSE_SEARCH_H
#define AIREJSE_SEARCH_H

#include <stddef.h>

struct progress;
struct question;
struct step;
struct search;

enum search_field {
	SEARCH_STEP,		/* the step's title */
	SEARCH_GUIDANCE,
	SEARCH_WATCH,		/* what to watch out for */
	SEARCH_WHY,
	SEARCH_QUESTION,	/* the question's prompt */
	SEARCH_HELP,
	SEARCH_ANSWER,		/* as value_format shows it */
	SEARCH__FIELDS
};

struct search_match {
	const struct step	*step;		/* where it is */
	const struct question	*question;	/* NULL: the step's own text */
	enum search_field	 field;
	const char		*text;		/* the whole text that matched */
	size_t			 start, end;	/* the first match, bytes into text */
	const char		*snippet;	/* on one line, from a little before
						 * the match to the end of text */
};

/* Matches in journey order. They point into the search, the content and
 * the results themselves: keep those until search_results_clear. */
struct search_results {
	struct search_match	*v;
	size_t			 n;
	/* Private. */
	size_t			 cap;
	char			**owned;	/* answers' texts and snippets */
	size_t			 nowned, owned_cap;
};

/* Compiles pattern (PCRE2 with UTF, UCP and caseless; to machine code
 * where the platform allows). Returns 0 and sets *out (free it with
 * search_free), or EX_DATAERR with *cause (caller frees) giving PCRE2's
 * reason and the character at which the pattern goes wrong; *column
 * (may be NULL) gets that character's position, from 1 (0 on success). */
int search_compile(const char *pattern, struct search **out, size_t *column,
    char **cause);
void search_free(struct search *se);
/* The pattern as given. */
const char *search_pattern(const struct search *se);

/* The steps one match of one text may take before it gives up: plenty
 * for any pattern that ends, a few milliseconds for one that does not. */
#define SEARCH_MATCH_LIMIT 100000

/* How many texts the pattern gave up on (see SEARCH_MATCH_LIMIT) since
 * it was compiled: their matches are missing, and people must be told. */
size_t search_skipped(const struct search *se);

/* Adds the matches in the project whose progress is pr to res; returns
 * how many it added. */
size_t search_project(struct search *se, const struct progress *pr,
    struct search_results *res);
/* Empties res (it can be used again) and frees what it holds. */
void search_results_clear(struct search_results *res);

/* The field's machine name ("step", "guidance", "watch", "why",
 * "question", "help", "answer") and its label for people (translated). */
const char *search_field_name(enum search_field f);
const char *search_field_label(enum search_field f);

#endif
