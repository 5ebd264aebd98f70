/* SPDX-License-Identifier: EUPL-1.2 */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/app.h"
#include "airejse/cache.h"
#include "airejse/clock.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/legal.h"
#include "airejse/paths.h"
#include "airejse/store.h"
#include "airejse/utf8.h"
#include "airejse/xalloc.h"

/* The account the program runs as, from the password database: $USER
 * and --user are what the person says, this is what the system knows. */
static char *
account_name(void)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name != '\0')
		return xstrdup(pw->pw_name);
	return xasprintf("uid %lu", (unsigned long)geteuid());
}

/* Language: the environment, else the site configuration, else Danish;
 * --lang comes later (app_set_lang). */
int
app_init(struct app *app, struct diags *d, char **cause)
{
	enum lang env_lang = LANG_DA;
	bool from_env = lang_from_env(&env_lang) == 0;
	char *localedir = paths_localedir();
	const char *u = getenv("USER");
	char *config;
	int not_utf8 = 0, rc = 0;

	memset(app, 0, sizeof(*app));
	i18n_init(from_env ? env_lang : LANG_DA, localedir, &not_utf8);
	free(localedir);
	app->not_utf8 = not_utf8 != 0;
	settings_defaults(&app->settings);
	/* The region's settings first (the database, contacts, threshold),
	 * then the user's over them. */
	config = paths_site_config();
	if (settings_load(&app->settings, config, d) != 0) {
		*cause = xasprintf(_("the site configuration %s has errors (above): fix it or move it away"),
		    config);
		rc = EX_CONFIG;
	}
	free(config);
	config = paths_config();
	if (rc == 0 && settings_load(&app->settings, config, d) != 0) {
		*cause = xasprintf(_("the site configuration %s has errors (above): fix it or move it away"),
		    config);
		rc = EX_CONFIG;
	}
	free(config);
	if (!from_env && app->settings.has_lang)
		i18n_set_lang(app->settings.lang);
	app->lang = i18n_lang();
	app->account = account_name();
	app->user = xstrdup(u && *u ? u : app->account);
	return rc;
}

void
app_free(struct app *app)
{
	store_close(app->store);
	content_free(app->content);
	settings_free(&app->settings);
	free(app->db_opt);
	free(app->content_opt);
	free(app->user);
	free(app->account);
	free(app->role);
	free(app->db_path);
	memset(app, 0, sizeof(*app));
}

void
app_set_lang(struct app *app, enum lang lang)
{
	i18n_set_lang(lang);
	app->lang = lang;
}

int
app_content(struct app *app, struct diags *d, char **cause)
{
	char *dir;
	int rc;

	if (app->content != NULL)
		return 0;
	dir = paths_content(app->content_opt);
	rc = cache_load(dir, d, &app->content);
	/* The facts and placeholders are checked here, above the content's
	 * own modules, so that legal.c stays outside their circle. */
	if (rc == 0 && legal_link(app->content, d) > 0) {
		content_free(app->content);
		app->content = NULL;
		rc = EX_DATAERR;
	}
	if (rc == 0) {
		char day[11];
		const char *bad = NULL;

		clock_today(day);
		legal_fill(app->content, &app->settings, day);
		/* The site's word on who owns a step, once the steps are there. */
		if (settings_confirm_groups(&app->settings, app->content, d, &bad) > 0) {
			content_free(app->content);
			app->content = NULL;
			free(dir);
			*cause = xasprintf(_("the site configuration %s has errors (above): fix it or move it away"),
			    bad);
			return EX_CONFIG;
		}
	}
	if (rc == EX_NOINPUT)
		*cause = xasprintf(_("cannot read the content in %s: check --content or AIREJSE_CONTENT"), dir);
	else if (rc != 0)
		*cause = xasprintf(_("the content in %s has errors (above): fix them, or run 'airejse validate' for the full report"), dir);
	free(dir);
	return rc;
}

int
app_store(struct app *app, bool writable, char **cause)
{
	int rc;

	if (app->store == NULL) {
		if (app->db_path == NULL && (app->db_path = paths_db(app->db_opt, app->settings.database, cause)) == NULL)
			return EX_CANTCREAT;
		/* Only what may save makes a new database: a command that
		 * reads, given a mistyped path, says so instead. */
		if ((rc = store_open(app->db_path, writable || app->create_db ? 0 : STORE_NOCREATE,
		    &app->store, cause)) != 0)
			return rc;
		store_set_account(app->store, app->account);
	}
	if (writable)
		return store_check_writable(app->store, cause);
	return 0;
}

/* The site configuration is read before the content: its roles are
 * checked once the content is there, so a misspelt one is noticed. */
static void
check_contacts(struct app *app, struct diags *d)
{
	const struct settings *s = &app->settings;
	size_t i;

	if (app->contacts_checked)
		return;
	app->contacts_checked = true;
	for (i = 0; i < s->ncontacts; i++)
		if (content_role(app->content, s->contacts[i].role) == NULL)
			diag_add(d, DIAG_WARNING, s->file ? s->file : "config.yaml",
			    s->contacts[i].line, s->contacts[i].col,
			    _("unknown role '%s': its contact is not used"), s->contacts[i].role);
}

int
app_open(struct app *app, bool writable, struct diags *d, char **cause)
{
	int rc;

	/* The name goes into the history and the exports: text only. */
	if (!utf8_valid(app->user, strlen(app->user)) || strpbrk(app->user, "\t\r\n") != NULL) {
		*cause = xstrdup(_("the user name is not one line of UTF-8 text: give another with --user"));
		return EX_USAGE;
	}
	if ((rc = app_content(app, d, cause)) != 0 || (rc = app_store(app, writable, cause)) != 0)
		return rc;
	check_contacts(app, d);
	return 0;
}

void
app_action(const struct app *app, enum source source, struct action *a)
{
	memset(a, 0, sizeof(*a));
	a->store = app->store;
	a->content = app->content;
	a->settings = &app->settings;
	a->user = app->user;
	a->source = source;
}
