/* SPDX-License-Identifier: EUPL-1.2 */
/* Replays fuzz inputs (the seed corpus and every crash found) through a
 * harness in the normal build, so `make check` keeps them fixed. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return 1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	int i, count = 0, rc = 0;

	for (i = 1; i < argc; i++) {
		DIR *d = opendir(argv[i]);
		struct dirent *e;

		if (d == NULL) {
			rc |= replay_file(argv[i]);
			count++;
			continue;
		}
		while ((e = readdir(d)) != NULL) {
			char *p;

			if (e->d_name[0] == '.')
				continue;
			p = malloc(strlen(argv[i]) + strlen(e->d_name) + 2);
			sprintf(p, "%s/%s", argv[i], e->d_name);
			rc |= replay_file(p);
			free(p);
			count++;
		}
		closedir(d);
	}
	printf("%d inputs replayed\n", count);
	return rc;
}
