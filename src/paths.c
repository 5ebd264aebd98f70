/* SPDX-License-Identifier: EUPL-1.2 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
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

char *
paths_data(const char *name)
{
	const char *env = getenv("AIREJSE_DATA");
	char *src, *path;

	if (env != NULL && *env != '\0')
		return xasprintf("%s/%s", env, name);
	if ((src = paths_srcdir()) != NULL) {
		path = xasprintf("%s/data/%s", src, name);
		free(src);
		return path;
	}
	return xasprintf("%s/%s", DATADIR, name);
}

/* $XDG_x_HOME, else $HOME/fallback; NULL without a home. */
static char *
xdg_base(const char *var, const char *fallback)
{
	const char *xdg = getenv(var), *home = getenv("HOME");

	/* The spec says relative values are to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		return xstrdup(xdg);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/%s", home, fallback);
	return NULL;
}

/* airejse's folder in $XDG_x_HOME (else $HOME/fallback). */
static char *
xdg_dir(const char *var, const char *fallback)
{
	char *base = xdg_base(var, fallback), *dir;

	if (base == NULL)
		return NULL;
	dir = xasprintf("%s/airejse", base);
	free(base);
	return dir;
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

char *
paths_expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (path[0] != '~' || (path[1] != '\0' && path[1] != '/') || home == NULL ||
	    *home == '\0')
		return xstrdup(path);
	return xasprintf("%s%s", home, path + 1);
}

/* The value of XDG_DOCUMENTS_DIR in user-dirs.dirs: "$HOME/Dokumenter"
 * or an absolute path, in double quotes (the format xdg-user-dirs
 * writes); NULL if the file does not set it or sets it to the home
 * folder itself, which the specification says turns it off. */
static char *
documents_dir(const char *home)
{
	char *conf = xdg_base("XDG_CONFIG_HOME", ".config"), *file, *line = NULL, *dir = NULL;
	size_t cap = 0;
	FILE *f;

	if (conf == NULL)
		return NULL;
	file = xasprintf("%s/user-dirs.dirs", conf);
	free(conf);
	f = fopen(file, "r");
	free(file);
	if (f == NULL)
		return NULL;
	while (dir == NULL && getline(&line, &cap, f) > 0) {
		char *v = line + strspn(line, " \t"), *end;

		if (strncmp(v, "XDG_DOCUMENTS_DIR=\"", 19) != 0)
			continue;
		v += 19;
		if ((end = strchr(v, '"')) == NULL)
			continue;
		*end = '\0';
		if (strncmp(v, "$HOME", 5) == 0 && (v[5] == '/' || v[5] == '\0'))
			dir = xasprintf("%s%s", home, v + 5);
		else if (v[0] == '/')
			dir = xstrdup(v);
	}
	free(line);
	fclose(f);
	if (dir != NULL) {
		size_t n = strlen(dir);

		while (n > 1 && dir[n - 1] == '/')
			dir[--n] = '\0';
		if (strcmp(dir, home) == 0) {
			free(dir);
			dir = NULL;
		}
	}
	return dir;
}

char *
paths_exports(const char *setting, char **cause)
{
	const char *home = getenv("HOME");
	char *docs, *dir;

	if (setting != NULL && *setting != '\0') {
		if (setting[0] == '~' && (home == NULL || *home == '\0')) {
			*cause = xasprintf(_("the export folder %s starts with ~, but there is no home folder ($HOME)"),
			    setting);
			return NULL;
		}
		return paths_expand_home(setting);
	}
	if (home == NULL || *home == '\0') {
		*cause = xstrdup(_("there is no home folder ($HOME) to put exports in: give -o FILE, or set export_folder in the configuration"));
		return NULL;
	}
	if ((docs = documents_dir(home)) != NULL) {
		dir = xasprintf("%s/airejse", docs);
		free(docs);
		return dir;
	}
	return xasprintf("%s/airejse", home);
}

int
paths_make_dir(const char *dir, char **cause)
{
	char *p = xstrdup(dir), *s;
	struct stat sb;

	/* Each missing folder on the way, private to the user. */
	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		{
			char c = *s;

			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				*cause = xasprintf(_("cannot create the folder %s: %s"), p, strerror(errno));
				free(p);
				return EX_CANTCREAT;
			}
			*s = c;
		}
		if (*s == '\0')
			break;
	}
	free(p);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xasprintf(_("cannot use %s as the export folder: it is not a folder"), dir);
		return EX_CANTCREAT;
	}
	return 0;
}
