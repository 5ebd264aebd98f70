/* SPDX-License-Identifier: EUPL-1.2 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "airejse/diag.h"
#include "airejse/settings.h"
#include "airejse/value.h"
#include "airejse/xalloc.h"
#include "airejse/yamldoc.h"

static const struct setting_def defs[SETTING__COUNT] = {
	/* The EU tender threshold: without a site setting, the content's
	 * udbudsgraense fact in force (legal_fill); this only when the
	 * content has none. */
	{ "udbudsgraense", SETTING_TENDER_THRESHOLD, 1600000 },
};

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

static const struct yfield settings_fields[] = {
	{ "organisation", YAML_SCALAR_NODE, yf_string, offsetof(struct settings, organisation), false, NULL },
	{ "database", YAML_SCALAR_NODE, yf_string, offsetof(struct settings, database), false, NULL },
	{ "language", YAML_SCALAR_NODE, yf_lang, 0, false, NULL },
	{ "udbudsgraense", YAML_SCALAR_NODE, yf_threshold, 0, false, NULL },
	{ "legal_check_months", YAML_SCALAR_NODE, yf_months, 0, false, NULL },
	{ "contacts", YAML_SEQUENCE_NODE, yf_contacts, 0, false, NULL },
	{ "mouse", YAML_SCALAR_NODE, yf_mouse, 0, false, NULL },
	{ "export_folder", YAML_SCALAR_NODE, yf_string, offsetof(struct settings, export_folder), false, NULL },
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

void
settings_free(struct settings *s)
{
	size_t i;

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
