/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the answer reader: the first byte picks the question (its type)
 * and the language it is read in, the rest is what the user typed. What
 * is accepted is canonical, and what it is shown as in either language
 * reads back, in that language, as the same value without a note. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"
#include "fuzz.h"

static const char *const ids[] = { "t", "lt", "yn", "ch", "mu", "nu", "am", "da", "em", "ur", "pc" };
#define NIDS (sizeof(ids) / sizeof(ids[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct content *c = fuzz_content();
	const struct question *q;
	char *in, *canon = NULL, *note = NULL, *cause = NULL, *again, *shown, *again_note;
	enum lang lang;
	int l;

	if (size < 1)
		return 0;
	q = content_question(c, ids[data[0] % NIDS]);
	lang = (enum lang)((data[0] / NIDS) % LANG__COUNT);
	in = xstrndup((const char *)data + 1, size - 1);
	(void)value_is_dontknow(in);
	if (value_read(q, in, lang, &canon, &note, &cause) == 0) {
		if (value_check_canonical(q, canon, &cause) != 0)
			abort();
		for (l = 0; l < LANG__COUNT; l++) {
			shown = value_format(q, canon, (enum lang)l);
			again = again_note = NULL;
			if (value_read(q, shown, (enum lang)l, &again, &again_note, &cause) != 0 ||
			    strcmp(canon, again) != 0 || again_note != NULL)
				abort();
			free(again);
			free(shown);
		}
		free(note);
		free(canon);
	} else {
		free(cause);
	}
	free(in);
	return 0;
}
