/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports as Word (docx) and OpenDocument (odt) through pandoc, run when
 * such a file is written (it is optional: without it, exit 69 names the
 * package). pandoc reads the HTML that export_html lays out, so the
 * document is the one Markdown, HTML and PDF show: the export's title
 * becomes the document's title and each part a Heading 1, its sections
 * Heading 2, which Word's and LibreOffice's navigation list. Tables
 * print ruled with their header row on every page: pandoc gets a
 * reference document for docx, and for odt a filter and a content
 * template (data/pandoc: make-reference.sh says why both), each where
 * it is installed, else left out. pandoc is started with an argument
 * vector (posix_spawnp), never through a shell; its output goes
 * straight to the export's stream. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "airejse/export-render.h"
#include "airejse/paths.h"
#include "airejse/tempfile.h"
#include "airejse/xalloc.h"

#define PANDOC		"pandoc"
/* What pandoc says when it fails: enough for a message. */
#define PANDOC_ERR_MAX	2048

extern char **environ;

/* The HTML of the export in a new temporary file in $TMPDIR; 0, or
 * EX_CANTCREAT/EX_IOERR with *cause. */
static int
html_file(const struct export_data *d, const struct export_opts *o, struct tempfile *t,
    char **cause)
{
	const char *dir = getenv("TMPDIR");
	FILE *f;
	int fd, rc;

	if ((fd = tempfile_make(t, dir != NULL && *dir != '\0' ? dir : "/tmp",
	    ".airejse-pandoc-")) < 0) {
		*cause = xasprintf(_("cannot create a temporary file for pandoc: %s"),
		    strerror(errno));
		return EX_CANTCREAT;
	}
	if ((f = fdopen(fd, "wb")) == NULL) {
		close(fd);
		rc = EX_IOERR;
	} else {
		rc = export_html(d, o, f);
		if (fclose(f) != 0)
			rc = EX_IOERR;
	}
	if (rc != 0)
		*cause = xasprintf(_("cannot write a temporary file for pandoc: %s"),
		    strerror(errno ? errno : EIO));
	return rc;
}

/* Reads what pandoc says on fd to the end, keeping the start. */
static char *
read_all(int fd)
{
	char *buf = xmalloc(PANDOC_ERR_MAX + 1), tmp[512];
	size_t n = 0;
	ssize_t r;

	while ((r = read(fd, tmp, sizeof(tmp))) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (n < PANDOC_ERR_MAX) {
			size_t k = (size_t)r < PANDOC_ERR_MAX - n ? (size_t)r : PANDOC_ERR_MAX - n;

			memcpy(buf + n, tmp, k);
			n += k;
		}
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	return buf;
}

/* The message for a missing pandoc. */
static int
missing(const char *to, char **cause)
{
	*cause = xasprintf(_("cannot write %s: the program pandoc is not installed (or not on PATH): install it (Debian: pandoc), or export another format such as pdf or html"),
	    to);
	return EX_UNAVAILABLE;
}

/* "--opt=" and the path of data file name, or NULL when it is not
 * there (pandoc then uses its own defaults). */
static char *
data_opt(const char *opt, const char *name)
{
	char *path = paths_data(name), *r = NULL;

	if (access(path, R_OK) == 0)
		r = xasprintf("%s=%s", opt, path);
	free(path);
	return r;
}

/* Runs pandoc on the HTML file in, writing the document to out; 0, or
 * EX_UNAVAILABLE (no pandoc) or EX_IOERR with *cause. */
static int
run_pandoc(const char *in, const char *to, enum lang lang, FILE *out, char **cause)
{
	char *lang_opt = xasprintf("lang=%s", lang == LANG_EN ? "en-GB" : "da-DK");
	bool odt = strcmp(to, "odt") == 0;
	char *data[3] = {
		data_opt("--lua-filter", "pandoc/tables.lua"),
		odt ? data_opt("--template", "pandoc/airejse.opendocument") :
		    data_opt("--reference-doc", "pandoc/reference.docx"),
		NULL
	};
	/* The one level-1 heading, the export's title, becomes the
	 * document's title; the parts are then Heading 1. */
	char *argv[16] = {
		(char *)PANDOC, (char *)"--from=html", (char *)"--to", (char *)to,
		(char *)"--shift-heading-level-by=-1", (char *)"--metadata", lang_opt,
		(char *)"--output=-"
	};
	size_t argc = 8, i;
	posix_spawn_file_actions_t fa;
	int errpipe[2], status, rc, err;
	pid_t pid;
	char *said;

	/* The filter goes with the template: an odt's tables take the
	 * template's styles. */
	if (odt && (data[0] == NULL || data[1] == NULL)) {
		free(data[0]);
		free(data[1]);
		data[0] = data[1] = NULL;
	}
	for (i = 0; i < 2; i++)
		if (data[i] != NULL)
			argv[argc++] = data[i];
	argv[argc++] = (char *)"--";
	argv[argc++] = (char *)in;
	argv[argc] = NULL;
	if (pipe(errpipe) != 0) {
		*cause = xasprintf(_("cannot run pandoc: %s"), strerror(errno));
		free(lang_opt);
		free(data[0]);
		free(data[1]);
		return EX_OSERR;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fileno(out), STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, errpipe[1], STDERR_FILENO);
	posix_spawn_file_actions_addclose(&fa, errpipe[0]);
	err = posix_spawnp(&pid, PANDOC, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(errpipe[1]);
	free(lang_opt);
	free(data[0]);
	free(data[1]);
	if (err != 0) {
		close(errpipe[0]);
		if (err == ENOENT || err == EACCES)
			return missing(to, cause);
		*cause = xasprintf(_("cannot run pandoc: %s"), strerror(err));
		return EX_OSERR;
	}
	said = read_all(errpipe[0]);
	close(errpipe[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rc = 0;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		/* The exec failed after the fork (an older C library). */
		rc = missing(to, cause);
	} else {
		*cause = xasprintf(_("pandoc could not write the %s file: %s"), to,
		    *said != '\0' ? said : WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) :
		    _("it stopped with an error"));
		rc = EX_IOERR;
	}
	free(said);
	return rc;
}

int
export_pandoc(const struct export_data *d, const struct export_opts *o, FILE *out,
    char **cause)
{
	struct tempfile t;
	int rc;

	if ((rc = html_file(d, o, &t, cause)) == 0) {
		/* What the stream holds goes before what pandoc writes. */
		if (fflush(out) != 0) {
			*cause = xasprintf(_("cannot write the export: %s"), strerror(errno));
			rc = EX_IOERR;
		} else {
			rc = run_pandoc(t.path, export_format_name(o->format), o->lang, out, cause);
		}
	}
	tempfile_done(&t, false);
	return rc;
}
