/* SPDX-License-Identifier: EUPL-1.2 */
/* For the browser test: reads lines "TYPE PERCENT MIN MAX MAXLEN LANG
 * INPUT" (tab-separated; MIN and MAX "-" for none, MAXLEN 0 for the
 * default) and prints, for each, what 'airejse import' makes of INPUT
 * as an answer to such a question: "none", "dontknow", "value\tCANON"
 * (CANON as a JSON string) or "error". INPUT is JSON-escaped (a JSON string without its quotes),
 * so that any character can be given. The page's reader must say the
 * same of every line. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/utf8.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"

static char *
field(char **p)
{
	char *s = *p, *t = strchr(s, '\t');

	if (t == NULL) {
		*p = s + strlen(s);
		return s;
	}
	*t = '\0';
	*p = t + 1;
	return s;
}

int
main(void)
{
	char line[65536];

	while (fgets(line, sizeof(line), stdin) != NULL) {
		struct question q;
		char *p = line, *type, *pct, *min, *max, *maxlen, *lang, *in, *json, *canon = NULL;
		char *cause = NULL, *t;
		json_t *j;
		json_error_t je;
		enum lang l = LANG_DA;

		line[strcspn(line, "\n")] = '\0';
		memset(&q, 0, sizeof(q));
		q.id = "q";
		type = field(&p);
		pct = field(&p);
		min = field(&p);
		max = field(&p);
		maxlen = field(&p);
		lang = field(&p);
		in = field(&p);
		if (qtype_parse(type, &q.type) != 0) {
			fprintf(stderr, "valueread: unknown type %s\n", type);
			return 2;
		}
		q.unit = strcmp(pct, "1") == 0 ? QU_PERCENT : QU_NONE;
		if ((q.has_min = strcmp(min, "-") != 0))
			q.min = strtod(min, NULL);
		if ((q.has_max = strcmp(max, "-") != 0))
			q.max = strtod(max, NULL);
		q.maxlen = strtoul(maxlen, NULL, 10);
		lang_parse(lang, &l);
		json = xasprintf("\"%s\"", in);
		j = json_loads(json, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
		free(json);
		if (j == NULL || !json_is_string(j)) {
			fprintf(stderr, "valueread: not a JSON string: %s\n", in);
			return 2;
		}
		in = (char *)json_string_value(j);
		/* As the import reads an answer: "ved ikke" first; an empty
		 * answer is no answer (the page sends null). */
		t = utf8_trim(in);
		if (*t == '\0')
			puts("none");
		else if (value_is_dontknow(in))
			puts("dontknow");
		else if (value_read(&q, in, l, &canon, NULL, &cause) == 0) {
			json_t *c = json_string(canon);
			char *out = json_dumps(c, JSON_ENCODE_ANY);

			printf("value\t%s\n", out);
			free(out);
			json_decref(c);
		}
		else
			puts("error");
		free(t);
		free(canon);
		free(cause);
		json_decref(j);
		fflush(stdout);
	}
	return 0;
}
