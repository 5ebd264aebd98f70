/* The entry point every fuzz harness defines (libFuzzer's), and the
 * content the harnesses that need one share. */
#ifndef AIREJSE_FUZZ_H
#define AIREJSE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct content;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small content with a question of every type (loaded once). */
const struct content *fuzz_content(void);

#endif
