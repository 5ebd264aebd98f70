/* SPDX-License-Identifier: EUPL-1.2 */
/* Projects side by side, phase by phase: for each phase of the tracks
 * the chosen projects follow, each project's steps done of those that
 * apply, and the first step of the phase not done with its mark and
 * whom it waits on. What the terminal program's comparison screen and
 * 'airejse compare' show. No SQL, no curses. */
#ifndef AIREJSE_COMPARE_H
#define AIREJSE_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/progress.h"

struct action;
struct phase;
struct role;
struct step;
struct track;

/* One project in one phase. */
struct compare_cell {
	bool			 follows;	/* the project follows the phase's track */
	size_t			 done, applicable;	/* steps of the phase */
	/* The first step of the phase that applies and is not done, its
	 * mark and whom it waits on (the role of the hand-off it waits on,
	 * of the earlier step it needs, else its owner); step NULL when
	 * every step is done or none applies. */
	const struct step	*step;
	enum step_mark		 mark;
	const struct role	*waits_on;
};

struct compare {
	struct compare_project {
		int64_t		 id;
		char		*name;
	}			*projects;	/* in the order asked */
	size_t			 nprojects;
	/* The phases of every track one of the projects follows, in the
	 * content's order of tracks and phases. */
	const struct phase	**phases;
	size_t			 nphases;
	struct compare_cell	*cells;		/* nphases rows of nprojects */
};

/* Reads the n projects ids (at least one, no repeats) and lines them up.
 * EX_NOINPUT for a project that is not there (or is archived),
 * EX_USAGE for one asked twice. Free with compare_free. */
int compare_projects(struct action *a, const int64_t *ids, size_t n,
    struct compare **out, char **cause);
void compare_free(struct compare *c);

/* The cell of phase row and project col. */
const struct compare_cell *compare_cell(const struct compare *c, size_t row, size_t col);

/* A cell in a few columns, for a table: "2/4 [!] Jurist", "4/4 [x]",
 * "—" when the project does not follow the track. Caller frees. */
char *compare_cell_short(const struct compare_cell *cell);
/* A cell in words: "2 of 4 steps done; next Udbud (Jurist): waits on a
 * hand-off, to Jurist". Caller frees. */
char *compare_cell_text(const struct compare_cell *cell);

#endif
