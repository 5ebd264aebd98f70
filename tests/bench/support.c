/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/content.h"
#include "airejse/loader.h"
#include "airejse/paths.h"
#include "airejse/store.h"
#include "support.h"

void
bench_open(struct bench *b, const char *db, int flags)
{
	char *dir = paths_content(NULL), *cause = NULL;

	memset(b, 0, sizeof(*b));
	settings_defaults(&b->settings);
	if (loader_load(dir, NULL, 0, &b->diags, &b->content) != 0) {
		diag_print(&b->diags, stderr);
		fprintf(stderr, "bench: cannot load the content in %s\n", dir);
		exit(1);
	}
	free(dir);
	if (store_open(db, flags, &b->store, &cause) != 0) {
		fprintf(stderr, "bench: %s\n", cause);
		exit(1);
	}
	b->act.store = b->store;
	b->act.content = b->content;
	b->act.settings = &b->settings;
	b->act.user = "bench";
	b->act.source = SOURCE_CLI;
}

void
bench_close(struct bench *b)
{
	store_close(b->store);
	content_free(b->content);
	settings_free(&b->settings);
	diag_free(&b->diags);
}
