/* SPDX-License-Identifier: EUPL-1.2 */
/* Shared by the harnesses: a small content with every question type. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/i18n.h"
#include "airejse/loader.h"
#include "airejse/xalloc.h"
#include "fuzz.h"

static const char text[] =
    "roles:\n"
    "  - {id: r, name: {da: R, en: R}, description: {da: R, en: R}, receives: {da: R, en: R}}\n"
    "questions:\n"
    "  - {id: t, type: text, max_length: 40, prompt: {da: T, en: T}}\n"
    "  - {id: lt, type: longtext, prompt: {da: L, en: L}}\n"
    "  - {id: yn, type: yesno, prompt: {da: Y, en: Y}}\n"
    "  - id: ch\n"
    "    type: choice\n"
    "    prompt: {da: C, en: C}\n"
    "    options:\n"
    "      - {id: a, label: {da: Æble, en: Apple}}\n"
    "      - {id: b, label: {da: 'Bær, blå', en: 'Berry, blue'}}\n"
    "  - id: mu\n"
    "    type: multi\n"
    "    prompt: {da: M, en: M}\n"
    "    options:\n"
    "      - {id: x, label: {da: Øst, en: East}}\n"
    "      - {id: y, label: {da: Vest, en: West}}\n"
    "  - {id: nu, type: number, min: -5, max: 1000, prompt: {da: N, en: N}}\n"
    "  - {id: am, type: amount, prompt: {da: A, en: A}}\n"
    "  - {id: da, type: date, prompt: {da: D, en: D}}\n"
    "  - {id: em, type: email, prompt: {da: E, en: E}}\n"
    "  - {id: ur, type: url, prompt: {da: U, en: U}}\n"
    "  - {id: pc, type: number, unit: percent, min: 0, max: 100, prompt: {da: P, en: P}}\n"
    "track:\n"
    "  id: tr\n"
    "  title: {da: T, en: T}\n"
    "  summary: {da: T, en: T}\n"
    "  source: s\n"
    "  phases:\n"
    "    - id: p\n"
    "      title: {da: P, en: P}\n"
    "      steps:\n"
    "        - id: s\n"
    "          title: {da: S, en: S}\n"
    "          owner: r\n"
    "          source: s\n"
    "          basis: practice\n"
    "          guidance: {da: G, en: G}\n"
    "          questions: [t, lt, yn, ch, mu, nu, am, da, em, ur, pc]\n"
    "handoffs:\n"
    "  - id: h\n"
    "    role: r\n"
    "    when: unknown(yn) or nu > 100\n"
    "    reason: {da: Spørg R, en: Ask R}\n"
    "    questions: [yn, t]\n";

static char dir[64], file[64];

void
fuzz_remove(const char *path)
{
	char *cmd = xasprintf("rm -rf '%s'", path);

	(void)!system(cmd);
	free(cmd);
}

static void
remove_dir(void)
{
	fuzz_remove(dir);
}

static void
remove_file(void)
{
	unlink(file);
}

const char *
fuzz_file(const uint8_t *data, size_t size)
{
	FILE *f;

	if (file[0] == '\0') {
		snprintf(file, sizeof(file), "/tmp/airejse-fuzz-%ld.yaml", (long)getpid());
		atexit(remove_file);
	}
	if ((f = fopen(file, "wb")) == NULL)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	return file;
}

const char *
fuzz_content_dir(void)
{
	char p[128];
	FILE *f;

	if (dir[0] != '\0')
		return dir;
	snprintf(dir, sizeof(dir), "/tmp/airejse-fuzz-content-%ld", (long)getpid());
	snprintf(p, sizeof(p), "%s/journeys", dir);
	if ((mkdir(dir, 0700) != 0 && errno != EEXIST) || (mkdir(p, 0700) != 0 && errno != EEXIST))
		abort();
	atexit(remove_dir);
	snprintf(p, sizeof(p), "%s/journeys/fuzz.yaml", dir);
	if ((f = fopen(p, "w")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);
	return dir;
}

const struct content *
fuzz_content(void)
{
	static struct content *c;
	struct diags d = { 0 };
	char path[64];
	char *files[1] = { path };
	FILE *f;

	if (c != NULL)
		return c;
	i18n_init(LANG_DA, "locale", NULL);
	snprintf(path, sizeof(path), "/tmp/airejse-fuzz-content-%ld.yaml", (long)getpid());
	f = fopen(path, "w");
	if (f == NULL)
		abort();
	fputs(text, f);
	fclose(f);
	if (loader_load_files(files, 1, &d, &c) != 0) {
		diag_print(&d, stderr);
		abort();
	}
	diag_free(&d);
	unlink(path);
	return c;
}

void
fuzz_quiet(bool on)
{
	static int saved[2] = { -1, -1 };
	int null, i;

	fflush(stdout);
	fflush(stderr);
	if (on && saved[0] < 0 && getenv("FUZZ_VERBOSE") == NULL &&
	    (null = open("/dev/null", O_WRONLY)) >= 0) {
		for (i = 0; i < 2; i++) {
			saved[i] = dup(i + 1);
			dup2(null, i + 1);
		}
		close(null);
	} else if (!on && saved[0] >= 0) {
		for (i = 0; i < 2; i++) {
			dup2(saved[i], i + 1);
			close(saved[i]);
			saved[i] = -1;
		}
	}
}
