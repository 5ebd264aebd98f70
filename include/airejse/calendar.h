/* SPDX-License-Identifier: EUPL-1.2 */
/* A project's regulatory calendar: which legal dates fall inside the
 * project's life, given its planned dates (trial, go-live, contract) and
 * what is known of the product (Annex I or III, provider or deployer, a
 * certificate under the old directive), and what each requires. Pure
 * logic over the content and a project's progress: no SQL, no curses. */
#ifndef AIREJSE_CALENDAR_H
#define AIREJSE_CALENDAR_H

#include <stddef.h>

struct content;
struct progress;

enum cal_kind {
	CAL_APPLIES,	/* a duty applies from the date */
	CAL_DEADLINE,	/* something must be done or ends by the date */
	CAL_RISK,	/* the date falls before a plan that needs it later */
	CAL_PENDING,	/* applies if an open question is settled so */
	CAL__COUNT
};

struct cal_line {
	char		 date[11];	/* YYYY-MM-DD */
	enum cal_kind	 kind;
	const char	*fact;		/* the legal date's or fact's id, or the
					 * question's whose answer it rests on */
	char		*text;		/* in the current language */
	const char	*law;		/* the act and article */
	const char	*source_kind;	/* legal, authority, secondary or answer */
	const char	*checked;	/* when law was last checked; NULL: an answer */
};

struct calendar {
	struct cal_line	*v;		/* by date */
	size_t		 n;
	char		 life_from[11];	/* the project's first known date, else today */
	char		 life_until[11];	/* the contract's end, else ten years on */
};

/* Works out the calendar of the project pr describes, as of today. */
void calendar_make(const struct content *c, const struct progress *pr, const char *today,
    struct calendar *out);
void calendar_free(struct calendar *cal);
/* "applies", "deadline", "risk", "pending". */
const char *cal_kind_name(enum cal_kind k);
/* The kind as people read it, in the current language. */
const char *cal_kind_label(enum cal_kind k);

#endif
