/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the JSON import (project exports, hand-off packets and answer
 * files) against a store holding one project: bad files must be refused
 * with nothing written, never crash or leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/import.h"
#include "airejse/store.h"
#include "fuzz.h"

static char db[64], path[64];

static void
cleanup(void)
{
	char wal[80], shm[80];

	snprintf(wal, sizeof(wal), "%s-wal", db);
	snprintf(shm, sizeof(shm), "%s-shm", db);
	unlink(db);
	unlink(wal);
	unlink(shm);
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct store *store;
	const struct content *c = fuzz_content();
	struct action a = { NULL, c, NULL, "fuzz", SOURCE_IMPORT, NULL };
	struct import_result res = { 0 };
	char *cause = NULL;
	char *tracks[] = { "tr" };
	int64_t id;
	FILE *f;

	if (store == NULL) {
		snprintf(db, sizeof(db), "/tmp/airejse-fuzz-import-%ld.db", (long)getpid());
		snprintf(path, sizeof(path), "/tmp/airejse-fuzz-import-%ld.json", (long)getpid());
		unlink(db);
		atexit(cleanup);
		if (store_open(db, 0, &store, &cause) != 0)
			abort();
		a.store = store;
		if (action_project_new(&a, "Fuzz æøå", tracks, 1, &id, &cause) != 0)
			abort();
	}
	a.store = store;
	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	(void)import_file(&a, path, NULL, &res, &cause);
	import_result_free(&res);
	free(cause);
	cause = NULL;
	/* The same bytes as answers to a packet: read, previewed, and the
	 * preview applied as it stands. */
	{
		struct import_plan *p = NULL;

		if (import_plan_read(&a, path, NULL, &p, &cause) == 0) {
			free(cause);
			cause = NULL;
			(void)import_plan_apply(&a, p, &res, &cause);
			import_result_free(&res);
		}
		import_plan_free(p);
		free(cause);
	}
	return 0;
}
