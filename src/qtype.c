/* SPDX-License-Identifier: EUPL-1.2 */
#include <string.h>

#include "airejse/qtype.h"

static const char *const qtype_names[Q__COUNT] = {
	"text", "longtext", "yesno", "choice", "multi", "number", "amount",
	"date", "email", "url"
};

const char *
qtype_name(enum qtype t)
{
	return t < Q__COUNT ? qtype_names[t] : "?";
}

int
qtype_parse(const char *s, enum qtype *out)
{
	int i;

	for (i = 0; i < Q__COUNT; i++) {
		if (strcmp(s, qtype_names[i]) == 0) {
			*out = (enum qtype)i;
			return 0;
		}
	}
	return -1;
}
