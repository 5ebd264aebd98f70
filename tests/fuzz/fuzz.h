/* SPDX-License-Identifier: EUPL-1.2 */
/* The entry point every fuzz harness defines (libFuzzer's), and the
 * content the harnesses that need one share. */
#ifndef AIREJSE_FUZZ_H
#define AIREJSE_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct content;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small content with a question of every type (loaded once). */
const struct content *fuzz_content(void);
/* The same content as a folder (journeys/fuzz.yaml) for --content, made
 * once and removed at exit. */
const char *fuzz_content_dir(void);
/* Sends standard output and error to /dev/null (on) and back (off), for
 * the program's own messages; FUZZ_VERBOSE=1 in the environment keeps
 * them. */
void fuzz_quiet(bool on);
/* The input written to a file of its own (NAME.yaml, the same each time,
 * removed at exit), for a reader that takes a path. */
const char *fuzz_file(const uint8_t *data, size_t size);
/* Removes path and everything in it. */
void fuzz_remove(const char *path);

#endif
