/* Libraries opened on first use instead of linked: libjansson (JSON),
 * libyaml (content files, the site file) and libpcre2 (search, answer
 * checks). Most starts need none of them, and loading each cost every
 * start of the program, the terminal program's first screen too.
 *
 * src/lazylib.c defines each function airejse calls under the library's
 * own name, so code calls json_string() as usual; the first call opens
 * the library (the soname built against). When it cannot be opened the
 * program says which package to install and exits with EX_UNAVAILABLE:
 * like running out of memory, there is nothing to go on with. */
#ifndef AIREJSE_LAZYLIB_H
#define AIREJSE_LAZYLIB_H

#include <stdbool.h>

enum lazylib {
	LAZY_JANSSON,
	LAZY_YAML,
	LAZY_PCRE2,
	LAZY__COUNT
};

/* Whether the library has been opened in this process (for tests). */
bool lazylib_loaded(enum lazylib lib);

#endif
