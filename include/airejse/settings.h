/* SPDX-License-Identifier: EUPL-1.2 */
/* Site settings: the named values conditions can use (the tender
 * threshold) and the optional site configuration file. */
#ifndef AIREJSE_SETTINGS_H
#define AIREJSE_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "airejse/i18n.h"

struct content;
struct diags;

enum setting_id {
	SETTING_TENDER_THRESHOLD,	/* udbudsgraense, DKK */
	SETTING__COUNT
};

/* A named number a condition may compare with, e.g. udbudsgraense. */
struct setting_def {
	const char	*name;
	enum setting_id	 id;
	double		 def;
};

/* The definition named name, or NULL. */
const struct setting_def *setting_find(const char *name);
const struct setting_def *setting_def(enum setting_id id);

struct role_contact {
	char	*role;	/* role id; checked against the content by the caller */
	char	*name;
	char	*email;
	int	 line, col;
};

/* The hourly rates the business case prices staff time at (bizcase.h),
 * in whole kroner: one per staff group of the question
 * opgave_personalegruppe, and the average for the project's own time. */
enum rate_id {
	RATE_LAEGE,
	RATE_SYGEPLEJERSKE,
	RATE_SEKRETAER,
	RATE_ANDET,
	RATE_GENNEMSNIT,
	RATE__COUNT
};

/* A site's confirmation of a step's owner group (groups: confirm:),
 * "track/step: group" as written, with where each half stands. */
struct group_confirm {
	char	*track;
	char	*step;
	char	*group;
	char	*file;
	int	 line, col;	/* of the step */
	int	 gline, gcol;	/* of the group */
};

struct settings {
	char			*file;	/* the file read, or NULL */
	char			*organisation;
	char			*database;	/* database:, or NULL (paths_db) */
	double			 value[SETTING__COUNT];
	bool			 threshold_set;	/* the site sets udbudsgraense */
	int			 legal_check_months;	/* validate: a fact ages after */
	bool			 has_lang;
	enum lang		 lang;
	struct role_contact	*contacts;
	size_t			 ncontacts;
	bool			 mouse;	/* the terminal program takes the mouse */
	char			*export_folder;	/* as written (~ not expanded), or NULL */
	/* The business case (bizcase.h): kroner an hour per staff group,
	 * the years of operation it looks ahead, the discount rate in
	 * hundredths of a per cent (350: 3.5 % a year); site_* says the
	 * site's file set it rather than the program's default. */
	int64_t			 rate[RATE__COUNT];
	bool			 site_rate[RATE__COUNT];
	int			 horizon_years;
	bool			 site_horizon;
	int			 discount_bp;
	bool			 site_discount;
	/* In the order read: the user's after the site's, so a later one
	 * for the same step wins. */
	struct group_confirm	*confirms;
	size_t			 nconfirms;
};

/* The rate's key in the settings file ("laege"), which is also the
 * choice of opgave_personalegruppe it prices; -1 for an unknown key. */
const char *settings_rate_key(enum rate_id id);
int settings_rate_find(const char *key);

/* Fills s with the defaults. */
void settings_defaults(struct settings *s);
/* Reads path over the defaults. A missing file is not an error. Errors
 * go to diags with file:line:column; returns 0 or -1. */
int settings_load(struct settings *s, const char *path, struct diags *diags);
/* The contact for role, or NULL. */
const struct role_contact *settings_contact(const struct settings *s, const char *role);
/* Applies the confirmations of owner groups to the content: each named
 * step's group becomes the one named, confirmed. A track, step or group
 * the content lacks is an error in d at the setting's file:line:column.
 * Returns the number of errors, with *file the first one's file. */
size_t settings_confirm_groups(const struct settings *s, struct content *c,
    struct diags *d, const char **file);
void settings_free(struct settings *s);

#endif
