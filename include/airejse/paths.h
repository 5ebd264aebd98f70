/* SPDX-License-Identifier: EUPL-1.2 */
/* Where things are: the content, the catalogues, the database and the
 * site configuration, for an installed and an uninstalled program. */
#ifndef AIREJSE_PATHS_H
#define AIREJSE_PATHS_H

/* The source tree the program runs from (its journeys/ beside it or one
 * level up), or NULL when installed. Caller frees. */
char *paths_srcdir(void);
/* The content folder: opt, else $AIREJSE_CONTENT, else the source tree,
 * else the installed one. Caller frees. */
char *paths_content(const char *opt);
/* The catalogue folder: $AIREJSE_LOCALEDIR, else the source tree's
 * locale/, else the installed one. Caller frees. */
char *paths_localedir(void);
/* A file the program reads beside its content ("pandoc/reference.docx"):
 * in $AIREJSE_DATA, else in the source tree's data/, else in the
 * installed folder. Caller frees. */
char *paths_data(const char *name);
/* The database: opt, else $AIREJSE_DB, else setting (database: in the
 * settings), else $XDG_DATA_HOME/airejse/airejse.db, else
 * ~/.local/share/airejse/airejse.db; a file, or a PostgreSQL connection
 * string (db.h). NULL (with *cause) when there is no home folder to put
 * it in. Caller frees. */
char *paths_db(const char *opt, const char *setting, char **cause);
/* The site-wide settings, read before the user's: $AIREJSE_SITE_CONFIG
 * (empty: none), else SYSCONFDIR/airejse/config.yaml (/etc). Caller
 * frees; NULL for none. */
char *paths_site_config(void);
/* The site configuration: $AIREJSE_CONFIG, else $XDG_CONFIG_HOME/airejse/
 * config.yaml, else ~/.config/airejse/config.yaml; NULL if there is no
 * home. Caller frees. */
char *paths_config(void);
/* path with a leading "~" or "~/" as the home folder ($HOME); other
 * paths as they are. Caller frees. */
char *paths_expand_home(const char *path);
/* The export folder: setting (the configuration's export_folder, ~
 * expanded), else the XDG documents folder (XDG_DOCUMENTS_DIR in
 * $XDG_CONFIG_HOME/user-dirs.dirs) with airejse/ in it, else ~/airejse.
 * Not created here. NULL with *cause when there is no home. Caller
 * frees. */
char *paths_exports(const char *setting, char **cause);
/* Creates dir and the folders on the way that are missing, mode 0700;
 * 0, or EX_CANTCREAT with *cause. */
int paths_make_dir(const char *dir, char **cause);

#endif
