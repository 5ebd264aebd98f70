/* SPDX-License-Identifier: EUPL-1.2 */
/* A library opened when first needed rather than linked: for an export
 * few runs make whose library costs every start of the program (xlsx:
 * libxlsxwriter and the libcrypto it brings; PDF: pango, cairo and glib,
 * some 40 libraries). Each module that needs one keeps its own table of
 * function pointers, filled here by name; nothing else calls it. */
#ifndef AIREJSE_DYNLIB_H
#define AIREJSE_DYNLIB_H

#include <stddef.h>

/* One function of a table: its name and where its pointer goes. */
struct dynlib_symbol {
	const char	*name;
	size_t		 offset;
};

/* Opens soname (its dependencies' functions are found through it too)
 * and fills table with the n functions syms names. Returns the handle,
 * or NULL with *why (static or dlerror's: do not free) naming the
 * library that would not load or the first function missing. */
void *dynlib_open(const char *soname, const struct dynlib_symbol *syms, size_t n,
    void *table, const char **why);

#endif
