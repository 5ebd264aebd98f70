/* Reading a JSON export back: a project export becomes a new project, and
 * a filled-in hand-off packet becomes answers in the project it came from.
 * Through the store's and the action layer's functions only; no SQL. */
#ifndef AIREJSE_IMPORT_H
#define AIREJSE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

struct action;

enum import_kind {
	IMPORT_PROJECT,		/* schema airejse-project */
	IMPORT_PACKET		/* schema airejse-handoff-packet */
};

/* What an import did, with a message per answer that was not stored or
 * per thing kept as it was (free with import_result_free). */
struct import_result {
	enum import_kind	 kind;
	int64_t			 project;	/* the new or the receiving project */
	size_t			 nstored;	/* answers stored */
	size_t			 nunchanged;	/* packet answers already stored */
	size_t			 nconflicts;	/* changed here since the packet left */
	size_t			 nrefused;	/* not a valid answer */
	size_t			 nanswered;	/* hand-offs marked answered */
	char			**messages;
	size_t			 nmessages;
};

/* Reads path and imports it. For a project export, name (may be NULL)
 * replaces the project's name; nothing is written unless all of it can
 * be (one transaction). For a packet, target (may be NULL: the project
 * the packet names) is the project's id or name; each answer is stored
 * as the user's own answer would be, validated, and refused on a
 * conflict. Returns 0, EX_NOINPUT (no file), EX_DATAERR (not an export
 * this airejse reads, or answers refused), EX_TEMPFAIL (conflicts), or a
 * store status, with *cause set on failure (caller frees). */
int import_file(struct action *a, const char *path, const char *name,
    const char *target, struct import_result *res, char **cause);
void import_result_free(struct import_result *res);

#endif
