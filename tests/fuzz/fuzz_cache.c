/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the content cache's reader: any bytes are refused or read back
 * into content that links, never crash, leak or read out of bounds. */
#include <stdint.h>
#include <stdlib.h>

#include "airejse/cache.h"
#include "airejse/content.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct content *c = NULL;

	if (cache_decode("fuzz", data, size, &c) == 0)
		content_free(c);
	return 0;
}
