/* SPDX-License-Identifier: EUPL-1.2 */
#include <dlfcn.h>
#include <string.h>

#include "airejse/dynlib.h"

void *
dynlib_open(const char *soname, const struct dynlib_symbol *syms, size_t n, void *table,
    const char **why)
{
	void *lib;
	size_t i;

	/* Each function bound at its first call: of the thousands in a
	 * library and those it brings (libpq: OpenSSL, GnuTLS, Kerberos,
	 * LDAP, 24 in all), a run calls a few dozen. Binding all at once
	 * cost 2.4 M instructions of the first screen on PostgreSQL. */
	if ((lib = dlopen(soname, RTLD_LAZY | RTLD_LOCAL)) == NULL) {
		*why = dlerror();
		return NULL;
	}
	for (i = 0; i < n; i++) {
		void *sym = dlsym(lib, syms[i].name);

		if (sym == NULL) {
			*why = syms[i].name;
			dlclose(lib);
			return NULL;
		}
		memcpy((char *)table + syms[i].offset, &sym, sizeof(sym));
	}
	return lib;
}
