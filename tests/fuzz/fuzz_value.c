/* Fuzzes every answer parser: the first byte picks the question type,
 * the rest is what the user typed. What is accepted must parse again to
 * the same canonical value, and format without trouble. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"
#include "fuzz.h"

static const char *const ids[] = { "t", "lt", "yn", "ch", "mu", "nu", "am", "da", "em", "ur" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct content *c = fuzz_content();
	const struct question *q;
	char *in, *canon = NULL, *cause = NULL, *again = NULL, *shown;
	int lang;

	if (size < 1)
		return 0;
	q = content_question(c, ids[data[0] % 10]);
	in = xstrndup((const char *)data + 1, size - 1);
	(void)value_is_dontknow(in);
	if (value_parse(q, in, &canon, &cause) == 0) {
		/* Canonical values are fixed points. */
		if (value_parse(q, canon, &again, &cause) != 0 || strcmp(canon, again) != 0)
			abort();
		for (lang = 0; lang < LANG__COUNT; lang++) {
			shown = value_format(q, canon, (enum lang)lang);
			free(shown);
		}
		free(again);
		free(canon);
	} else {
		free(cause);
	}
	free(in);
	return 0;
}
