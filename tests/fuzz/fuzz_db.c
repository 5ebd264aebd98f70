/* SPDX-License-Identifier: EUPL-1.2 */
/* Fuzzes what is read back from a database: a damaged or hostile one
 * must be refused or shown, never crash, leak or read out of bounds.
 *
 * A database of two projects (every question type answered, a history,
 * a hand-off moved on with a note) is made once through the program's
 * own actions, and its NOT NULL constraints taken out of the schema, as
 * a hand-made file could have them. Each input is a list of edits to a
 * fresh copy, each naming a table, a column and a row by number (of the
 * tables and columns the file has), and what to put there: NULL, an
 * integer, a real, text or a blob from the input (embedded NULs, bad
 * UTF-8, controls), or a hostile value (escape sequences, a state or a
 * kind that is not one, absurd numbers and dates); or deleting a row,
 * or another schema version. The copy is then opened and read as the
 * program reads it: every project walked and its progress worked out,
 * each loaded and exported, its histories read, the briefs of the list;
 * and one of the commands that print it (project list, project show,
 * history, handoffs, next) run on it, its output discarded. The input's
 * first byte picks the export's format and language and the command. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "airejse/action.h"
#include "airejse/cli.h"
#include "airejse/content.h"
#include "airejse/export.h"
#include "airejse/record.h"
#include "airejse/store.h"
#include "fuzz.h"

#define MAX_TABLES 16
#define MAX_COLS 16

static char dir[64], work[96];
static unsigned char *tmpl;
static size_t tmpl_len;
static struct {
	char	*name;
	char	*col[MAX_COLS];
	int	 ncols;
	char	*key;		/* the primary key's columns, or rowid */
} tables[MAX_TABLES];
static int ntables;

static void
cleanup(void)
{
	fuzz_remove(dir);
}

static void
die(const char *what, char *cause)
{
	fprintf(stderr, "fuzz_db: %s: %s\n", what, cause ? cause : "failed");
	abort();
}

static void
answer(struct action *a, int64_t id, const char *q, const char *v)
{
	char *cause = NULL;

	if (action_answer(a, id, q, v, ACTION_ANY_REVISION, NULL, &cause) != 0)
		die(q, cause);
}

/* The database every input starts from, made by the program. */
static void
make_template(void)
{
	static const char *const values[][2] = {
		{ "t", "Tekst – æøå" }, { "lt", "to\nlinjer" }, { "yn", "ved ikke" },
		{ "ch", "Æble" }, { "mu", "Øst, Vest" }, { "nu", "150" },
		{ "am", "2,4 mio. kr." }, { "da", "1.3.2027" }, { "em", "a@b.dk" },
		{ "ur", "https://x.dk" }, { "pc", "30 %" }, { "t", "Anden tekst" },
	};
	char *tracks[] = { "tr" }, *cause = NULL, *sql;
	struct handoff_edit edit = { true, HANDOFF_SENT, "Sendt – æøå", "1.4.2027" };
	struct store *st;
	struct action a;
	sqlite3 *db;
	sqlite3_stmt *q, *c;
	int64_t id, id2;
	size_t i;
	FILE *f;
	long n;

	if (store_open(work, 0, &st, &cause) != 0)
		die("store_open", cause);
	memset(&a, 0, sizeof(a));
	a.store = st;
	a.content = fuzz_content();
	a.user = "fuzz";
	a.source = SOURCE_CLI;
	if (action_project_new(&a, "Æblerne", tracks, 1, &id, &cause) != 0 ||
	    action_project_new(&a, "B", tracks, 1, &id2, &cause) != 0)
		die("project", cause);
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		answer(&a, id, values[i][0], values[i][1]);
	answer(&a, id2, "nu", "7");
	if (action_handoff(&a, id, "h", &edit, &cause) != 0)
		die("handoff", cause);
	store_close(st);

	/* A hand-made file need not have the constraints. */
	if (sqlite3_open(work, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA writable_schema = ON;"
	    "UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '') WHERE type = 'table';"
	    "PRAGMA writable_schema = OFF;", NULL, NULL, NULL) != SQLITE_OK)
		die("schema", (char *)sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
	    "AND name NOT LIKE 'sqlite%' ORDER BY name", -1, &q, NULL) != SQLITE_OK)
		die("tables", NULL);
	while (sqlite3_step(q) == SQLITE_ROW && ntables < MAX_TABLES) {
		const char *name = (const char *)sqlite3_column_text(q, 0);
		char key[256] = "";

		tables[ntables].name = strdup(name);
		sql = sqlite3_mprintf("SELECT name, pk FROM pragma_table_info(%Q) ORDER BY cid", name);
		if (sqlite3_prepare_v2(db, sql, -1, &c, NULL) != SQLITE_OK)
			die("columns", NULL);
		sqlite3_free(sql);
		while (sqlite3_step(c) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(c, 0);

			if (tables[ntables].ncols < MAX_COLS)
				tables[ntables].col[tables[ntables].ncols++] = strdup(col);
			if (sqlite3_column_int(c, 1) > 0 && strlen(key) + strlen(col) + 4 < sizeof(key))
				snprintf(key + strlen(key), sizeof(key) - strlen(key), "%s\"%s\"",
				    key[0] ? ", " : "", col);
		}
		sqlite3_finalize(c);
		tables[ntables].key = strdup(key[0] ? key : "rowid");
		ntables++;
	}
	sqlite3_finalize(q);
	sqlite3_close(db);

	if ((f = fopen(work, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0)
		die("template", NULL);
	rewind(f);
	tmpl_len = (size_t)n;
	if ((tmpl = malloc(tmpl_len)) == NULL || fread(tmpl, 1, tmpl_len, f) != tmpl_len)
		die("template", NULL);
	fclose(f);
}

/* The input, read from the front. */
struct in {
	const uint8_t	*p;
	size_t		 n;
};

static unsigned
byte(struct in *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

static int64_t
i64(struct in *in)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = (v << 8) | byte(in);
	return (int64_t)v;
}

static const char *const hostile[] = {
	"\x1b]0;PWNED\x07", "\x1b" "c", "a\x1b[2Jb", "\xc2\x9b" "31m", "\xe2\x80\xae" "txt.exe",
	"\xff\xfe", "\xc3", "", " ", "0", "-1", "9223372036854775807", "-9223372036854775808",
	"99999999999999999999999999", "1e308", "nan", "-0", "~", "~-", "1.2.3", "raised",
	"sent", "answered", "closed", "withdrawn", "value", "dontknow", "none", "cli",
	"tui", "import", "t", "lt", "yn", "ch", "mu", "nu", "am", "da", "em", "ur", "pc",
	"h", "r", "tr", "s", "nope", "a,b,x,x,y", "ja", "nej", "2027-02-31", "9999-99-99",
	"0000-00-00", "2027-13-01", "-2027-01-01", "https://", "@", "%s%n%s",
};

/* Binds what the input asks for as parameter i of st. */
static void
bind_value(sqlite3_stmt *st, int i, struct in *in)
{
	unsigned kind = byte(in) % 8, len;
	double d;
	int64_t v;

	switch (kind) {
	case 0:
		sqlite3_bind_null(st, i);
		break;
	case 1:
		sqlite3_bind_int64(st, i, i64(in));
		break;
	case 2:
		sqlite3_bind_int64(st, i, (int64_t)byte(in) - 128);
		break;
	case 3:
		v = i64(in);
		memcpy(&d, &v, sizeof(d));
		sqlite3_bind_double(st, i, d);
		break;
	case 4:
	case 5:
		len = byte(in);
		if (len > in->n)
			len = (unsigned)in->n;
		if (kind == 4)
			sqlite3_bind_text(st, i, (const char *)in->p, (int)len, SQLITE_TRANSIENT);
		else
			sqlite3_bind_blob(st, i, in->p, (int)len, SQLITE_TRANSIENT);
		in->p += len;
		in->n -= len;
		break;
	case 6:
		sqlite3_bind_text(st, i, hostile[byte(in) % (sizeof(hostile) / sizeof(hostile[0]))],
		    -1, SQLITE_STATIC);
		break;
	default:
		/* Long: 100,000 bytes of one byte. */
		{
			size_t n = 100000;
			char *s = malloc(n);

			memset(s, (int)(byte(in) | 1), n);
			sqlite3_bind_text(st, i, s, (int)n, free);
		}
		break;
	}
}

/* Applies the input's edits to the copy. */
static void
edit(sqlite3 *db, struct in *in)
{
	while (in->n > 0) {
		unsigned op = byte(in) % 8, t = byte(in) % (unsigned)ntables, row = byte(in) % 16;
		sqlite3_stmt *st = NULL;
		char *sql;

		if (op == 7) {
			sql = sqlite3_mprintf("PRAGMA user_version = %lld", (long long)(i64(in) % 20));
		} else if (op == 6) {
			sql = sqlite3_mprintf("DELETE FROM \"%w\" WHERE (%s) IN (SELECT %s FROM \"%w\" LIMIT 1 OFFSET %u)",
			    tables[t].name, tables[t].key, tables[t].key, tables[t].name, row);
		} else {
			const char *col = tables[t].col[byte(in) % (unsigned)tables[t].ncols];

			/* 5: every row. */
			sql = op == 5 ? sqlite3_mprintf("UPDATE OR IGNORE \"%w\" SET \"%w\" = ?1", tables[t].name, col) :
			    sqlite3_mprintf("UPDATE OR IGNORE \"%w\" SET \"%w\" = ?1 WHERE (%s) IN "
				"(SELECT %s FROM \"%w\" LIMIT 1 OFFSET %u)",
				tables[t].name, col, tables[t].key, tables[t].key, tables[t].name, row);
		}
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
			if (sqlite3_bind_parameter_count(st) > 0)
				bind_value(st, 1, in);
			(void)sqlite3_step(st);
		}
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
}

static int
walked(const struct snapshot *s, void *arg)
{
	(void)s;
	(*(size_t *)arg)++;
	return 0;
}

static int
briefed(const struct project *p, const struct progress_brief *b, void *arg)
{
	(void)p;
	(void)b;
	(*(size_t *)arg)++;
	return 0;
}

/* Reads project id as the program's screens and exports do, and
 * exports it in format in lang. */
static void
read_project(struct action *a, int64_t id, enum export_format format, enum lang lang)
{
	struct snapshot *s = NULL;
	struct export_data *d = NULL;
	struct export_opts o;
	char *cause = NULL;
	size_t i, n;
	FILE *out;

	if (action_snapshot(a, id, &s, &cause) != 0) {
		free(cause);
		return;
	}
	for (i = 0; i <= s->nanswers; i++) {
		struct answer_event *ev = NULL;

		/* Each answer's, and all of them (NULL). */
		if (store_answer_history(a->store, id, i < s->nanswers ? s->answers[i].question : NULL,
		    &ev, &n, &cause) != 0) {
			free(cause);
			cause = NULL;
			continue;
		}
		answer_events_free(ev, n);
	}
	for (i = 0; i < s->nhandoffs; i++) {
		struct handoff_event *ev = NULL;

		if (store_handoff_history(a->store, s->handoffs[i].id, &ev, &n, &cause) != 0) {
			free(cause);
			cause = NULL;
			continue;
		}
		handoff_events_free(ev, n);
	}
	snapshot_free(s);
	memset(&o, 0, sizeof(o));
	if (export_parse_what(a->content, "all", &o.what) != 0)
		abort();
	o.format = format;
	o.lang = lang;
	if ((out = fopen("/dev/null", "w")) == NULL)
		return;
	if (export_load(a, id, &d, &cause) == 0)
		(void)export_write(d, &o, out, &cause);
	free(cause);
	export_free(d);
	fclose(out);
}

/* The commands that print what was read. */
static const char *const lines[][8] = {
		{ "project", "list", NULL },
		{ "project", "list", "--format", "json", NULL },
		{ "project", "show", "1", NULL },
		{ "project", "show", "1", "--format", "tsv", NULL },
		{ "project", "show", "2", "--format", "json", NULL },
		{ "history", "1", NULL },
		{ "history", "1", "t", "--format", "json", NULL },
		{ "handoffs", "1", NULL },
		{ "handoffs", "--format", "tsv", NULL },
		{ "next", "1", NULL },
};
#define NLINES (sizeof(lines) / sizeof(lines[0]))

/* Runs command line i of lines, its output discarded. */
static void
command(size_t i)
{
	char *argv[12];
	int argc = 0, k;

	argv[argc++] = "airejse";
	argv[argc++] = "--db";
	argv[argc++] = work;
	for (k = 0; lines[i][k] != NULL; k++)
		argv[argc++] = (char *)lines[i][k];
	argv[argc] = NULL;
	fuzz_quiet(true);
	(void)cli_main(argc, argv);
	fuzz_quiet(false);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	/* The first byte picks the export's format and language and the
	 * command (one of each per input keeps the runs many). */
	unsigned pick = byte(&in);
	struct store *st = NULL;
	struct project *list = NULL;
	struct action a;
	char *cause = NULL, p[128];
	size_t i, n = 0, count = 0;
	sqlite3 *db;
	FILE *f;

	if (dir[0] == '\0') {
		/* tmpfs where there is one: a sync there costs nothing. */
		snprintf(dir, sizeof(dir), "%s/airejse-fuzz-db-%ld",
		    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
		snprintf(work, sizeof(work), "%s/work.db", dir);
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			abort();
		atexit(cleanup);
		make_template();
		setenv("AIREJSE_CONTENT", fuzz_content_dir(), 1);
		setenv("XDG_CACHE_HOME", dir, 1);	/* the content cache, kept there */
		setenv("AIREJSE_CONFIG", "/nonexistent/airejse.yaml", 1);
	}
	snprintf(p, sizeof(p), "%s-wal", work);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", work);
	unlink(p);
	if ((f = fopen(work, "wb")) == NULL || fwrite(tmpl, 1, tmpl_len, f) != tmpl_len)
		abort();
	fclose(f);
	if (sqlite3_open(work, &db) != SQLITE_OK)
		abort();
	sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
	edit(db, &in);
	sqlite3_close(db);

	if (store_open(work, 0, &st, &cause) != 0) {
		free(cause);
		return 0;
	}
	memset(&a, 0, sizeof(a));
	a.store = st;
	a.content = fuzz_content();
	a.user = "fuzz";
	a.source = SOURCE_CLI;
	if (action_each_snapshot(&a, walked, &count, &cause) != 0) {
		free(cause);
		cause = NULL;
	}
	if (action_briefs(&a, NULL, 0, briefed, &count, &cause) != 0) {
		free(cause);
		cause = NULL;
	}
	if (store_projects(st, &list, &n, &cause) == 0) {
		for (i = 0; i < n && i < 4; i++)
			read_project(&a, list[i].id, (enum export_format)(pick % 4),
			    (enum lang)((pick / 4) % LANG__COUNT));
		projects_free(list, n);
	} else {
		free(cause);
	}
	store_close(st);
	command((pick / 8) % NLINES);
	return 0;
}
