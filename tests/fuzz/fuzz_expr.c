/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the condition parser and binder with one condition. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/arena.h"
#include "airejse/content.h"
#include "airejse/expr.h"
#include "airejse/linker.h"
#include "airejse/xalloc.h"
#include "fuzz.h"

static void
ignore(void *arg, int col, const char *msg)
{
	(void)arg;
	(void)col;
	(void)msg;
}

static enum answer_kind
answer(void *arg, const struct question *q, const char **value)
{
	(void)arg;
	*value = q->type == Q_YESNO ? "ja" : "12";
	return q->id[0] == 't' ? ANSWER_DONTKNOW : ANSWER_VALUE;
}

static double
setting(void *arg, int s)
{
	(void)arg;
	(void)s;
	return 1600000;
}

static bool
has_track(void *arg, const char *t)
{
	(void)arg;
	return t[0] == 't';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct content *c = fuzz_content();
	struct expr_env env = { answer, setting, has_track, NULL };
	char *src = xstrndup((const char *)data, size), *msg = NULL, *s;
	struct arena *a = arena_new();
	struct expr *e;
	int col = 0;

	e = expr_parse(a, src, &col, &msg);
	if (e == NULL) {
		/* An error is reported inside the text, or just after it. */
		if (col < 1 || (size_t)col > strlen(src) + 1)
			abort();
		free(msg);
	} else {
		if (linker_bind(c, e, ignore, NULL) == 0)
			(void)expr_eval(e, &env);
		s = expr_to_string(e);
		free(s);
	}
	arena_free(a);
	free(src);
	return 0;
}
