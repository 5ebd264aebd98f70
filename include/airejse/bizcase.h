/* SPDX-License-Identifier: EUPL-1.2 */
/* The business case in figures: a table by year of set-up, running
 * cost, staff time and benefit, with the net, the cumulative, the
 * present value, the total cost of ownership, the payback year and the
 * net present value; and the alternatives beside it. Worked out from a
 * project's answers (the questions are named in bizcase.c) and the
 * site's settings (hourly rates, horizon, discount rate). Logic only: no
 * I/O, no SQL; every export format lays out what this returns.
 *
 * Money is whole kroner. Rounding: each year's figure is rounded once
 * to whole kroner, half away from zero (hours × rate, the time saved,
 * the present value); every total is the sum of the rounded yearly
 * figures, so a table always adds up. Year 0 is the set-up (now, not
 * discounted); years 1 to the horizon are operation, year t discounted
 * by (1 + rate)^t. */
#ifndef AIREJSE_BIZCASE_H
#define AIREJSE_BIZCASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/record.h"

struct progress;
struct question;
struct settings;

#define BIZCASE_MAX_YEARS 30

/* The columns that come from answers; net, cumulative and present value
 * follow from them. */
enum bizcase_col {
	BC_SETUP,	/* set-up cost, year 0 */
	BC_RUNNING,	/* running cost, each year of operation */
	BC_STAFF,	/* the project's own staff time in operation, in kroner
			 * (in the set-up it is part of the set-up cost) */
	BC_BENEFIT,	/* time saved × hourly rate + other benefit */
	BC__COLS
};

/* What the arithmetic needs; has[] says which columns are known. */
struct bizcase_in {
	int	 years;		/* the horizon: years of operation, 1..30 */
	int	 discount_bp;	/* per cent a year in hundredths: 350 = 3.5 % */
	bool	 has[BC__COLS];
	int64_t	 setup;		/* kroner, year 0 */
	int64_t	 running;	/* kroner a year */
	double	 run_hours;	/* own staff hours a year */
	int64_t	 staff_rate;	/* kroner an hour for own staff */
	double	 task_hours;	/* hours a year the task takes today */
	double	 saved_pct;	/* per cent of them saved */
	int64_t	 task_rate;	/* kroner an hour of the group doing the task */
	int64_t	 other;		/* other benefit, kroner a year */
};

struct bizcase_year {
	int64_t	 v[BC__COLS];
	int64_t	 net;		/* benefit - set-up - running - staff */
	int64_t	 cumulative;
	int64_t	 pv;		/* net discounted to year 0 */
};

struct bizcase_calc {
	int			 years;
	struct bizcase_year	 y[BIZCASE_MAX_YEARS + 1];	/* 0..years */
	int64_t			 total[BC__COLS];
	bool			 has[BC__COLS];
	bool			 has_tco;	/* set-up, running and staff known */
	int64_t			 tco;		/* total cost of ownership */
	bool			 complete;	/* every column: net on are valid */
	int64_t			 net, npv;
	int			 payback;	/* first year the cumulative is >= 0; -1: not within the horizon */
};

/* Kroner rounded half away from zero. */
int64_t bizcase_round(double kr);
/* Works out the table from in; columns in lacks stay 0 and out->complete
 * is false. */
void bizcase_calc(const struct bizcase_in *in, struct bizcase_calc *out);

/* A question a figure needs that has no usable answer. */
struct bizcase_gap {
	const struct question	*q;	/* NULL when the content lacks it */
	const char		*id;
	enum answer_kind	 kind;	/* ANSWER_NONE or ANSWER_DONTKNOW */
};

/* The questions one column is worked out from; gap[i]: q[i] has no
 * usable answer (it is among the gaps too). */
#define BIZCASE_MAX_SOURCES 6
struct bizcase_sources {
	const struct question	*q[BIZCASE_MAX_SOURCES];
	bool			 gap[BIZCASE_MAX_SOURCES];
	size_t			 n;
};

enum bizcase_route {
	BIZCASE_BUY,	/* the project buys a finished product */
	BIZCASE_BUILD	/* the region develops it */
};

/* The whole business case of one project. */
struct bizcase {
	struct bizcase_in	 in;
	struct bizcase_calc	 calc;
	enum bizcase_route	 route;
	struct bizcase_sources	 src[BC__COLS];
	struct bizcase_gap	*gaps;	/* for the proposal's figures */
	size_t			 ngaps;
	int			 task_rate_id;	/* enum rate_id, or -1 */
	bool			 measured;	/* the measured time saving is used */
	/* The other way (build for buy, buy for build): its own set-up
	 * and running cost, the proposal's staff time and benefit. */
	bool			 alt_asked;	/* the project's tracks ask its cost */
	bool			 has_alt;
	struct bizcase_calc	 alt;
	struct bizcase_gap	*alt_gaps;
	size_t			 nalt_gaps;
	/* The answers of the risks and the decision, or NULL. */
	const struct question	*risks_q, *decision_q;
};

/* Works out the business case of pr's project with settings s (NULL:
 * the defaults). Caller frees with bizcase_free. */
void bizcase_make(const struct progress *pr, const struct settings *s, struct bizcase *out);
void bizcase_free(struct bizcase *b);

#endif
