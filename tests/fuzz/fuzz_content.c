/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the content loader with one whole YAML file: it must report
 * problems, never crash, leak or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/loader.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct content *c = NULL;
	char *files[1];

	files[0] = (char *)fuzz_file(data, size);
	if (loader_load_files(files, 1, &d, &c) == 0)
		content_free(c);
	diag_free(&d);
	return 0;
}
