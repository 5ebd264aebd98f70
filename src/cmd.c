#include <string.h>

#include "airejse/cmd.h"

const struct command cmd_table[] = {
	{ "journeys", cmd_journeys, "[--format text|tsv|json]",
	    N_("list the tracks with their phases and steps") },
	{ "validate", cmd_validate, "[FILE|DIR...]",
	    N_("check content files and report every problem") },
	{ "project", cmd_project, "new|list|show|rename|delete ...",
	    N_("create, list, show, rename and delete projects") },
	{ "answer", cmd_answer, "P QUESTION VALUE|- [--expect REV] | P QUESTION --clear",
	    N_("answer a question of a project (validated by its type)") },
	{ "next", cmd_next, "P [--format text|tsv|json]",
	    N_("what to do next, who is waiting on whom, what is overdue") },
	{ "handoffs", cmd_handoffs, "[P] [--role ROLE] [--state STATE] [--format text|tsv|json]",
	    N_("list the hand-offs the answers raised") },
	{ "handoff", cmd_handoff, "P ID [--state sent|answered|closed] [--note TEXT] [--due DATE]",
	    N_("show a hand-off, or mark it sent, answered or closed") },
	{ "search", cmd_search, "PATTERN [P...] [--format text|tsv|json]",
	    N_("search the steps, guidance, questions and answers of projects") },
	{ "history", cmd_history, "P [QUESTION] [--format text|tsv|json]",
	    N_("the audit trail of a project's answers") },
	{ "export", cmd_export,
	    "P [--what W] [--format md|html|csv|json|xlsx] [-o FILE] [--force]",
	    N_("export checklists, the business case, hand-off packets, action plan") },
	{ "import", cmd_import, "FILE [--name NAME] [--project P]",
	    N_("read a JSON export as a new project, or a filled-in hand-off packet") },
	{ "backup", cmd_backup, "FILE [--force]",
	    N_("copy the database safely, also while it is in use") },
	{ NULL, NULL, NULL, NULL }
};

const struct command *
cmd_find(const char *name)
{
	const struct command *c;

	for (c = cmd_table; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
