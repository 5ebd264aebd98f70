/* SPDX-License-Identifier: EUPL-1.2 */
/* The application context every front end takes (the command line, the
 * terminal program, the plain prompts): what the command line chose (the
 * database, the content, the language, the user, the role, plain mode),
 * the site settings read at the start, and the content and the database,
 * opened on first use. None of the front ends calls another; main picks
 * one and hands it the context. */
#ifndef AIREJSE_APP_H
#define AIREJSE_APP_H

#include <stdbool.h>

#include "airejse/i18n.h"
#include "airejse/record.h"
#include "airejse/settings.h"

struct action;
struct content;
struct diags;
struct store;

struct app {
	/* Chosen on the command line; set the fields directly (the strings
	 * are owned: free the old one). */
	char		*db_opt;	/* --db, else AIREJSE_DB or the default */
	char		*content_opt;	/* --content, else AIREJSE_CONTENT or the default */
	char		*user;		/* recorded in the history: --user, else $USER */
	char		*account;	/* the OS account (password database), recorded beside it */
	char		*role;		/* --role: one role's view; NULL for all */
	bool		 plain;		/* --plain: the plain prompts */
	bool		 create_db;	/* app_store makes a missing database even
					 * when not asked for a writable one (the
					 * terminal program: it opens to look, and
					 * may save) */
	enum lang	 lang;		/* of the program and the content */
	/* Read by app_init. */
	struct settings	 settings;
	bool		 not_utf8;	/* the locale is not UTF-8 (airejse uses UTF-8) */
	/* Opened on first use. */
	struct content	*content;
	struct store	*store;
	char		*db_path;
	bool		 contacts_checked;
};

/* Starts the context: the language from the environment, then the site
 * configuration (which may name a language), the user from $USER. On a
 * bad configuration returns EX_CONFIG with its errors in d and *cause
 * (caller frees); the context is usable either way (app_free). */
int app_init(struct app *app, struct diags *d, char **cause);
void app_free(struct app *app);

/* Switches the program and the content to lang. */
void app_set_lang(struct app *app, enum lang lang);

/* Loads the content (once). Returns 0, or the status with *cause and
 * the content's diagnostics in d. */
int app_content(struct app *app, struct diags *d, char **cause);

/* Opens the database (once): app->db_opt, AIREJSE_DB or the default,
 * created on first use when writable or app->create_db (a command that
 * only reads never makes one: EX_NOINPUT). With writable, a database
 * that cannot be written is refused. Returns 0 or the status with
 * *cause. */
int app_store(struct app *app, bool writable, char **cause);

/* Opens the content and the database for the user's actions and checks
 * the user's name. The first time, a contact the site configuration
 * gives for a role the content lacks is added to d as a warning.
 * Returns 0 or the status with *cause (and any errors in d). */
int app_open(struct app *app, bool writable, struct diags *d, char **cause);

/* Fills a for an action of the user through source, on an app that
 * app_open opened; a points into app. */
void app_action(const struct app *app, enum source source, struct action *a);

#endif
