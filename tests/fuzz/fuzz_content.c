/* Fuzzes the content loader with one whole YAML file: it must report
 * problems, never crash, leak or read out of bounds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "fuzz.h"

static char path[64];

static void
cleanup(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct content *c = NULL;
	char *files[1];
	FILE *f;

	if (path[0] == '\0') {
		snprintf(path, sizeof(path), "/tmp/airejse-fuzz-%ld.yaml", (long)getpid());
		atexit(cleanup);
	}
	if ((f = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	files[0] = path;
	if (loader_load_files(files, 1, &d, &c) == 0)
		content_free(c);
	diag_free(&d);
	return 0;
}
