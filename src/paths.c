/* SPDX-License-Identifier: EUPL-1.2 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "airejse/i18n.h"
#include "airejse/paths.h"
#include "airejse/xalloc.h"

static int
is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

char *
paths_srcdir(void)
{
	char exe[PATH_MAX], *slash, *probe;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	int up;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (up = 0; up < 2; up++) {
		if ((slash = strrchr(exe, '/')) == NULL)
			return NULL;
		*slash = '\0';
		/* A source tree has both the content and the Makefile. */
		probe = xasprintf("%s/journeys", exe);
		if (is_dir(probe)) {
			free(probe);
			probe = xasprintf("%s/Makefile", exe);
			if (access(probe, F_OK) == 0) {
				free(probe);
				return xstrdup(*exe ? exe : "/");
			}
		}
		free(probe);
	}
	return NULL;
}

char *
paths_content(const char *opt)
{
	const char *env = getenv("AIREJSE_CONTENT");
	char *src;

	if (opt != NULL && *opt != '\0')
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((src = paths_srcdir()) != NULL)
		return src;
	return xstrdup(DATADIR);
}

char *
paths_localedir(void)
{
	const char *env = getenv("AIREJSE_LOCALEDIR");
	char *src, *dir;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((src = paths_srcdir()) != NULL) {
		dir = xasprintf("%s/locale", src);
		free(src);
		return dir;
	}
	return xstrdup(LOCALEDIR);
}

/* $XDG_x_HOME, else $HOME/fallback; NULL without a home. */
static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *xdg = getenv(var), *home = getenv("HOME");

	/* The spec says relative values are to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/airejse", xdg);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/%s/airejse", home, fallback);
	return NULL;
}

char *
paths_db(const char *opt, const char *setting, char **cause)
{
	const char *env = getenv("AIREJSE_DB");
	char *dir, *path;

	if (opt != NULL && *opt != '\0')
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (setting != NULL && *setting != '\0')
		return xstrdup(setting);
	if ((dir = xdg_dir("XDG_DATA_HOME", ".local/share")) == NULL) {
		*cause = xstrdup(_("there is no home folder ($HOME) to keep the database in: give one with --db FILE"));
		return NULL;
	}
	path = xasprintf("%s/airejse.db", dir);
	free(dir);
	return path;
}

char *
paths_site_config(void)
{
	const char *env = getenv("AIREJSE_SITE_CONFIG");

	if (env != NULL)
		return *env != '\0' ? xstrdup(env) : NULL;
	return xstrdup(SYSCONFDIR "/airejse/config.yaml");
}

char *
paths_config(void)
{
	const char *env = getenv("AIREJSE_CONFIG");
	char *dir, *path;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((dir = xdg_dir("XDG_CONFIG_HOME", ".config")) == NULL)
		return NULL;
	path = xasprintf("%s/config.yaml", dir);
	free(dir);
	return path;
}
