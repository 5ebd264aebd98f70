/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/settings.h"
#include "airejse/strbuf.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"
#include "airejse/yamldoc.h"

static const struct setting_def defs[SETTING__COUNT] = {
	/* The EU tender threshold: without a site setting, the content's
	 * udbudsgraense fact in force (legal_fill); this only when the
	 * content has none. */
	{ "udbudsgraense", SETTING_TENDER_THRESHOLD, 1600000 },
};

/* The business case's defaults: round figures of what an hour of each
 * staff group costs a Danish hospital with pay, pension and overhead,
 * five years of operation and 3.5 % a year; a site sets its own. */
static const struct {
	const char	*key;
	int64_t		 kr;
} rate_defs[RATE__COUNT] = {
	{ "laege", 600 },
	{ "sygeplejerske", 400 },
	{ "sekretaer", 330 },
	{ "andet", 400 },
	{ "gennemsnit", 450 },
};
#define HORIZON_DEFAULT		5
#define HORIZON_MAX		30
#define DISCOUNT_DEFAULT_BP	350

const char *
settings_rate_key(enum rate_id id)
{
	return id < RATE__COUNT ? rate_defs[id].key : NULL;
}

int
settings_rate_find(const char *key)
{
	int i;

	for (i = 0; i < RATE__COUNT; i++)
		if (strcmp(rate_defs[i].key, key) == 0)
			return i;
	return -1;
}

const struct setting_def *
setting_find(const char *name)
{
	int i;

	for (i = 0; i < SETTING__COUNT; i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

const struct setting_def *
setting_def(enum setting_id id)
{
	return &defs[id];
}

void
settings_defaults(struct settings *s)
{
	int i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < SETTING__COUNT; i++)
		s->value[i] = defs[i].def;
	s->lang = LANG_DA;
	s->legal_check_months = 12;
	for (i = 0; i < RATE__COUNT; i++)
		s->rate[i] = rate_defs[i].kr;
	s->horizon_years = HORIZON_DEFAULT;
	s->discount_bp = DISCOUNT_DEFAULT_BP;
}

static void
yf_lang(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	const char *v = ydoc_scalar(y, n);

	(void)f;
	if (v == NULL)
		return;
	if (lang_parse(v, &s->lang) != 0 || strlen(v) != 2) {
		ydoc_error(y, n, _("'language' is da or en, not '%s'"), v);
		return;
	}
	s->has_lang = true;
}

static void
yf_threshold(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	const char *v = ydoc_scalar(y, n);
	int64_t kr;

	(void)f;
	if (v == NULL)
		return;
	if (value_parse_amount(v, &kr) != 0 || kr <= 0) {
		ydoc_error(y, n, _("'udbudsgraense' must be an amount in kroner such as 1600000, not '%s'"), v);
		return;
	}
	s->value[SETTING_TENDER_THRESHOLD] = (double)kr;
	s->threshold_set = true;
}

static void
yf_months(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	const char *v = ydoc_scalar(y, n);
	char *end;
	long m;

	(void)f;
	if (v == NULL)
		return;
	m = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || m < 1 || m > 120) {
		ydoc_error(y, n, _("'legal_check_months' must be a whole number of months from 1 to 120, not '%s'"), v);
		return;
	}
	s->legal_check_months = (int)m;
}

static void
yf_email(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	const char *v = ydoc_scalar(y, n);

	if (v == NULL)
		return;
	if (value_check_email(v) != 0) {
		ydoc_error(y, n, _("'%s' is not an e-mail address"), v);
		return;
	}
	yf_string(y, n, obj, f);
}

/* A yes or no as YAML writes it. */
static void
yf_mouse(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no", "off" };
	struct settings *s = obj;
	const char *v = ydoc_scalar(y, n);
	size_t i;

	(void)f;
	if (v == NULL)
		return;
	for (i = 0; i < 3; i++)
		if (strcmp(v, yes[i]) == 0 || strcmp(v, no[i]) == 0) {
			s->mouse = strcmp(v, yes[i]) == 0;
			return;
		}
	ydoc_error(y, n, _("'mouse' is true or false, not '%s'"), v);
}

/* One key of hourly_rates: whole kroner an hour. */
static void
yf_rate(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	const char *v = ydoc_scalar(y, n);
	int id = settings_rate_find(f->key);
	int64_t kr;

	if (v == NULL || id < 0)
		return;
	if (value_parse_amount(v, &kr) != 0 || kr <= 0 || kr > 100000) {
		ydoc_error(y, n, _("an hourly rate must be whole kroner from 1 to 100000, such as 450, not '%s'"), v);
		return;
	}
	s->rate[id] = kr;
	s->site_rate[id] = true;
}

static const struct yfield rate_fields[] = {
	{ "laege", YAML_SCALAR_NODE, yf_rate, 0, false, NULL },
	{ "sygeplejerske", YAML_SCALAR_NODE, yf_rate, 0, false, NULL },
	{ "sekretaer", YAML_SCALAR_NODE, yf_rate, 0, false, NULL },
	{ "andet", YAML_SCALAR_NODE, yf_rate, 0, false, NULL },
	{ "gennemsnit", YAML_SCALAR_NODE, yf_rate, 0, false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
yf_rates(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	(void)f;
	ydoc_mapping(y, n, rate_fields, obj);
}

static void
yf_horizon(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	const char *v = ydoc_scalar(y, n);
	char *end;
	long h;

	(void)f;
	if (v == NULL)
		return;
	h = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || h < 1 || h > HORIZON_MAX) {
		ydoc_error(y, n, _("'horizon_years' must be a whole number of years from 1 to 30, not '%s'"), v);
		return;
	}
	s->horizon_years = (int)h;
	s->site_horizon = true;
}

/* A per cent with at most two decimals ("3.5", "3,5", "4"), read as
 * hundredths exactly: the rate is data, not a float's nearest value. */
static int
parse_percent_bp(const char *v, int *bp)
{
	long whole = 0, frac = 0;
	int nfrac = 0;
	const char *p = v;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		if ((whole = whole * 10 + (*p - '0')) > 100)
			return -1;
	if (*p == '.' || *p == ',') {
		for (p++; *p >= '0' && *p <= '9' && nfrac < 3; p++, nfrac++)
			frac = frac * 10 + (*p - '0');
		if (nfrac == 0 || nfrac > 2)
			return -1;
	}
	if (*p == ' ')
		p++;
	if (*p == '%')
		p++;
	if (*p != '\0')
		return -1;
	*bp = (int)(whole * 100 + (nfrac == 1 ? frac * 10 : frac));
	return *bp <= 10000 ? 0 : -1;
}

static void
yf_discount(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	const char *v = ydoc_scalar(y, n);

	(void)f;
	if (v == NULL)
		return;
	if (parse_percent_bp(v, &s->discount_bp) != 0) {
		ydoc_error(y, n, _("'discount_rate' must be a per cent from 0 to 100 with at most two decimals, such as 3.5, not '%s'"), v);
		s->discount_bp = DISCOUNT_DEFAULT_BP;
		return;
	}
	s->site_discount = true;
}

static const struct yfield contact_fields[] = {
	{ "role", YAML_SCALAR_NODE, yf_id, offsetof(struct role_contact, role), true, NULL },
	{ "name", YAML_SCALAR_NODE, yf_string, offsetof(struct role_contact, name), true, NULL },
	{ "email", YAML_SCALAR_NODE, yf_email, offsetof(struct role_contact, email), false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
yf_contacts(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	yaml_node_item_t *it;

	(void)f;
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(&y->doc, *it);
		struct role_contact rc;

		memset(&rc, 0, sizeof(rc));
		rc.line = (int)item->start_mark.line + 1;
		rc.col = (int)item->start_mark.column + 1;
		if (!ydoc_mapping(y, item, contact_fields, &rc) || rc.role == NULL || rc.name == NULL) {
			free(rc.role);
			free(rc.name);
			free(rc.email);
			continue;
		}
		s->contacts = xreallocarray(s->contacts, s->ncontacts + 1, sizeof(*s->contacts));
		s->contacts[s->ncontacts++] = rc;
	}
}

/* groups: confirm: a mapping of "track/step" to the group that owns
 * the step; checked against the content once it is loaded
 * (settings_confirm_groups). */
static void
yf_confirm(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	struct settings *s = obj;
	yaml_node_pair_t *pair;
	size_t first = s->nconfirms, i;

	(void)f;
	for (pair = n->data.mapping.pairs.start; pair < n->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(&y->doc, pair->key);
		yaml_node_t *v = yaml_document_get_node(&y->doc, pair->value);
		const char *key, *group, *slash;
		struct group_confirm *gc;

		if (k == NULL || v == NULL || (key = ydoc_scalar(y, k)) == NULL ||
		    (group = ydoc_scalar(y, v)) == NULL)
			continue;
		slash = strchr(key, '/');
		if (slash == NULL || slash == key || slash[1] == '\0' || strchr(slash + 1, '/') != NULL) {
			ydoc_error(y, k, _("'%s' is not a step: write the track and the step, such as rsd-indkoeb/afklar-behov"), key);
			continue;
		}
		for (i = first; i < s->nconfirms; i++)
			if (strncmp(s->confirms[i].track, key, (size_t)(slash - key)) == 0 &&
			    s->confirms[i].track[slash - key] == '\0' &&
			    strcmp(s->confirms[i].step, slash + 1) == 0)
				break;
		if (i < s->nconfirms) {
			ydoc_error(y, k, _("'%s' is confirmed twice (first on line %d); keep one"),
			    key, s->confirms[i].line);
			continue;
		}
		s->confirms = xreallocarray(s->confirms, s->nconfirms + 1, sizeof(*s->confirms));
		gc = &s->confirms[s->nconfirms++];
		gc->track = xstrndup(key, (size_t)(slash - key));
		gc->step = xstrdup(slash + 1);
		gc->group = xstrdup(group);
		gc->file = xstrdup(y->file);
		gc->line = (int)k->start_mark.line + 1;
		gc->col = (int)k->start_mark.column + 1;
		gc->gline = (int)v->start_mark.line + 1;
		gc->gcol = (int)v->start_mark.column + 1;
	}
}

static const struct yfield group_fields[] = {
	{ "confirm", YAML_MAPPING_NODE, yf_confirm, 0, false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

static void
yf_groups(struct ydoc *y, yaml_node_t *n, void *obj, const struct yfield *f)
{
	(void)f;
	ydoc_mapping(y, n, group_fields, obj);
}

static const struct yfield settings_fields[] = {
	{ "organisation", YAML_SCALAR_NODE, yf_string, offsetof(struct settings, organisation), false, NULL },
	{ "database", YAML_SCALAR_NODE, yf_string, offsetof(struct settings, database), false, NULL },
	{ "language", YAML_SCALAR_NODE, yf_lang, 0, false, NULL },
	{ "udbudsgraense", YAML_SCALAR_NODE, yf_threshold, 0, false, NULL },
	{ "legal_check_months", YAML_SCALAR_NODE, yf_months, 0, false, NULL },
	{ "contacts", YAML_SEQUENCE_NODE, yf_contacts, 0, false, NULL },
	{ "mouse", YAML_SCALAR_NODE, yf_mouse, 0, false, NULL },
	{ "export_folder", YAML_SCALAR_NODE, yf_string, offsetof(struct settings, export_folder), false, NULL },
	{ "hourly_rates", YAML_MAPPING_NODE, yf_rates, 0, false, NULL },
	{ "horizon_years", YAML_SCALAR_NODE, yf_horizon, 0, false, NULL },
	{ "discount_rate", YAML_SCALAR_NODE, yf_discount, 0, false, NULL },
	{ "groups", YAML_MAPPING_NODE, yf_groups, 0, false, NULL },
	{ NULL, 0, NULL, 0, false, NULL }
};

int
settings_load(struct settings *s, const char *path, struct diags *diags)
{
	struct ydoc y;
	yaml_node_t *root;
	struct stat sb;
	int rc;

	if (path == NULL || stat(path, &sb) != 0)
		return 0;
	if (ydoc_load(&y, path, diags, NULL) != 0)
		return -1;
	free(s->file);
	s->file = xstrdup(path);
	if ((root = ydoc_root(&y)) != NULL)
		ydoc_mapping(&y, root, settings_fields, s);
	rc = y.nerrors > 0 ? -1 : 0;
	ydoc_free(&y);
	return rc;
}

const struct role_contact *
settings_contact(const struct settings *s, const char *role)
{
	size_t i;

	/* The last one read: the user's over the site's. */
	for (i = s->ncontacts; i-- > 0;)
		if (strcmp(s->contacts[i].role, role) == 0)
			return &s->contacts[i];
	return NULL;
}

/* "strategigrupperne-rsd (Strategigrupperne RSD), ...": what may be named. */
static char *
group_list(const struct content *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < c->ngroups; i++)
		sb_addf(&sb, "%s%s (%s)", i > 0 ? ", " : "", c->groups[i]->id,
		    text_get(&c->groups[i]->name));
	return sb_detach(&sb);
}

size_t
settings_confirm_groups(const struct settings *s, struct content *c, struct diags *d,
    const char **file)
{
	size_t i, nerr = 0;

	for (i = 0; i < s->nconfirms; i++) {
		const struct group_confirm *gc = &s->confirms[i];
		const struct track *t = content_track(c, gc->track);
		/* c is the caller's to change: its steps are its own. */
		struct step *st = t ? (struct step *)track_step(t, gc->step) : NULL;
		const struct group *g = content_group(c, gc->group);

		if (t == NULL) {
			diag_add(d, DIAG_ERROR, gc->file, gc->line, gc->col,
			    _("there is no track '%s' whose step '%s' could be confirmed: name a track that 'airejse journeys' lists"),
			    gc->track, gc->step);
		} else if (st == NULL) {
			diag_add(d, DIAG_ERROR, gc->file, gc->line, gc->col,
			    _("the track '%s' has no step '%s': name one of its steps (airejse journeys --format json lists them)"),
			    text_get(&t->title), gc->step);
		} else if (g == NULL) {
			char *groups = group_list(c);

			diag_add(d, DIAG_ERROR, gc->file, gc->gline, gc->gcol,
			    _("the step '%s' cannot be confirmed as owned by '%s': there is no such group; name one of %s"),
			    text_get(&st->title), gc->group, *groups ? groups : "-");
			free(groups);
		} else {
			st->group = g;
			st->group_assumed = false;
			continue;
		}
		if (nerr++ == 0 && file != NULL)
			*file = gc->file;
	}
	return nerr;
}

void
settings_free(struct settings *s)
{
	size_t i;

	for (i = 0; i < s->nconfirms; i++) {
		free(s->confirms[i].track);
		free(s->confirms[i].step);
		free(s->confirms[i].group);
		free(s->confirms[i].file);
	}
	free(s->confirms);

	for (i = 0; i < s->ncontacts; i++) {
		free(s->contacts[i].role);
		free(s->contacts[i].name);
		free(s->contacts[i].email);
	}
	free(s->contacts);
	free(s->organisation);
	free(s->database);
	free(s->export_folder);
	free(s->file);
	memset(s, 0, sizeof(*s));
}
