/* A project's progress in brief: per track the steps done and the steps
 * that apply, and the open hand-offs. It is what the projects screen and
 * 'project list' show, and it is kept in the store between runs, so that
 * they need not work it out from every answer at each start.
 *
 * A kept brief is trusted only while it still holds. The store drops it
 * in the same transaction as any change to the project's tracks, answers
 * or hand-offs (every store function that makes one does; the database
 * is airejse's alone), and it carries a stamp of the rest it was worked
 * out from: the content (its digest), the settings (their values) and
 * the program (its build id). A stamp that differs, or a track the
 * content no longer has, makes the brief count as missing. Where no
 * stamp can be made (content without a digest, a program without a
 * build id) nothing is kept or trusted. */
#ifndef AIREJSE_BRIEF_H
#define AIREJSE_BRIEF_H

#include <stddef.h>

#include "airejse/record.h"

struct content;
struct settings;
struct progress;
struct track;

/* The stamp: 16 hex digits and a NUL; "" when none can be made. */
#define BRIEF_STAMP_SIZE 17

struct progress_brief {
	struct brief_track {
		const struct track	*track;
		size_t			 done, applicable;
	}		*tracks;	/* the project's tracks the content has, in its order */
	size_t		 ntracks;
	size_t		 nopen_handoffs;
};

/* The stamp for content c and settings s (NULL: the defaults) in this
 * program. */
void brief_stamp(const struct content *c, const struct settings *s,
    char out[BRIEF_STAMP_SIZE]);

/* The brief of pr; free with brief_free. */
struct progress_brief *brief_of(const struct progress *pr);
/* The brief kept in b when it holds for stamp and c (NULL when it does
 * not: another stamp, no stamp, or a track c does not have). */
struct progress_brief *brief_from_stored(const struct content *c,
    const struct stored_brief *b, const char *stamp);
/* b as the store keeps it under stamp; free with stored_brief_clear. */
void brief_to_stored(const struct progress_brief *b, const char *stamp,
    struct stored_brief *out);
/* A copy of b, to keep beyond a callback's call. */
struct progress_brief *brief_copy(const struct progress_brief *b);
void brief_free(struct progress_brief *b);
/* The entry of track t, or NULL when the project has no such track. */
const struct brief_track *brief_track(const struct progress_brief *b,
    const struct track *t);

#endif
