/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes the site settings file (settings.c) with one whole YAML file:
 * it must be refused with a message or read into settings that keep
 * their promises (a positive threshold, a known language, every contact
 * with a role and a name, every e-mail address one), never crash, leak
 * or read out of bounds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "airejse/diag.h"
#include "airejse/settings.h"
#include "airejse/value.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct settings s;
	size_t i;

	settings_defaults(&s);
	if (settings_load(&s, fuzz_file(data, size), &d) == 0) {
		if (d.nerrors > 0)
			abort();
		if (!(s.value[SETTING_TENDER_THRESHOLD] > 0) || (unsigned)s.lang >= LANG__COUNT)
			abort();
		for (i = 0; i < s.ncontacts; i++) {
			if (s.contacts[i].role == NULL || s.contacts[i].name == NULL ||
			    (s.contacts[i].email != NULL && value_check_email(s.contacts[i].email) != 0))
				abort();
			if (settings_contact(&s, s.contacts[i].role) == NULL)
				abort();
		}
	} else if (d.nerrors == 0) {
		abort();	/* refused without saying why */
	}
	settings_free(&s);
	diag_free(&d);
	return 0;
}
