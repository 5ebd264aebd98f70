/* SPDX-License-Identifier: EUPL-1.2 */
/* The content cache: the content as last read, kept as bytes in the
 * user's cache folder, so that a start need not parse the YAML.
 *
 * What is kept is what the loader read, field by field from the
 * loader's own tables (loader.h), without where each thing was in the
 * YAML; conditions are kept as written. Read back, the content is put
 * together in one arena as the loader puts it, its conditions parsed
 * again, and linked and checked by the same linker as content read from
 * YAML: content that does not link is read from the YAML again.
 *
 * A cache file is used only by a program built from the same sources as
 * the one that wrote it (the build key, CACHE_BUILD_KEY: a hash of every
 * source file, made by the Makefile into $(B)/cache-key.h), so a program
 * whose content model changed (a new question type, a field moved) never
 * reads an old cache; and only while every content file has the name,
 * size, modification time and inode it had (the files key). A damaged or
 * foreign file is ignored, never trusted: the body's sum (xxHash's XXH3,
 * for the body is read at every start) must match. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "config.h"
#include "airejse/arena.h"
#include "airejse/cache.h"
#include "airejse/content.h"
#include "airejse/diag.h"
#include "airejse/expr.h"
#include "airejse/hash.h"
#include "airejse/linker.h"
#include "airejse/loader.h"
#include "airejse/strbuf.h"
#include "airejse/xalloc.h"
#include "airejse/yamldoc.h"

#ifndef CACHE_BUILD_KEY
#error "CACHE_BUILD_KEY comes from the Makefile ($(B)/cache-key.h)"
#endif

#define CACHE_MAGIC "airejse content cache 5\n"
/* Caches bigger than this are not ours to read. */
#define CACHE_MAX (64u * 1024 * 1024)

#define AT(obj, off, type) ((type *)((char *)(obj) + (off)))

_Static_assert(sizeof(CACHE_MAGIC) <= sizeof(((struct cache_header *)0)->magic),
    "the magic fits the header");
_Static_assert(sizeof(enum qtype) == sizeof(int) && sizeof(enum basis) == sizeof(int) &&
    sizeof(enum clayout) == sizeof(int) && sizeof(enum qunit) == sizeof(int),
    "an enum field is an int");

uint64_t
cache_build_key(void)
{
	return CACHE_BUILD_KEY;
}

/* Writing: every number little-endian, a string its length, its bytes
 * and a NUL (so that content read back can point at it where it lies),
 * a list its count and its items. */

#define NULL_STR 0xffffffffu

struct wr {
	struct strbuf	 sb;
	bool		 bad;	/* a field this file cannot keep */
};

static void
w_u32(struct wr *w, uint32_t v)
{
	unsigned char b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >> 24) & 0xff };

	sb_addn(&w->sb, (const char *)b, 4);
}

static void
w_u64(struct wr *w, uint64_t v)
{
	w_u32(w, (uint32_t)(v & 0xffffffffu));
	w_u32(w, (uint32_t)(v >> 32));
}

static void
w_f64(struct wr *w, double d)
{
	uint64_t v;

	memcpy(&v, &d, sizeof(v));
	w_u64(w, v);
}

static void
w_str(struct wr *w, const char *s)
{
	if (s == NULL) {
		w_u32(w, NULL_STR);
		return;
	}
	w_u32(w, (uint32_t)strlen(s));
	sb_addn(&w->sb, s, strlen(s) + 1);
}

static void w_fields(struct wr *w, const struct yfield *fields, const void *obj);

static void
w_field(struct wr *w, const struct yfield *f, const void *obj)
{
	struct loader_field lf = loader_field(f);
	const struct strlist *l;
	const struct cond *c;
	const char *arr;
	size_t i, n;
	int lang;

	switch (lf.kind) {
	case LOADER_STRING:
		w_str(w, *AT(obj, f->offset, char *const));
		break;
	case LOADER_TEXT:
		for (lang = 0; lang < LANG__COUNT; lang++)
			w_str(w, AT(obj, f->offset, const struct text)->s[lang]);
		break;
	case LOADER_REF:
		w_str(w, AT(obj, f->offset, const struct ref)->id);
		break;
	case LOADER_COND:
		c = AT(obj, f->offset, const struct cond);
		w_str(w, c->src);
		w_u32(w, c->exact);
		break;
	case LOADER_STRLIST:
		l = AT(obj, f->offset, const struct strlist);
		w_u32(w, (uint32_t)l->n);
		for (i = 0; i < l->n; i++)
			w_str(w, l->v[i]);
		break;
	case LOADER_INT:
		w_u64(w, (uint64_t)(int64_t)*AT(obj, f->offset, const int));
		break;
	case LOADER_DOUBLE:
		w_f64(w, *AT(obj, f->offset, const double));
		break;
	case LOADER_BOUND:
		w_u32(w, *AT(obj, lf.aux, const bool));
		w_f64(w, *AT(obj, f->offset, const double));
		break;
	case LOADER_SIZE:
		w_u64(w, *AT(obj, f->offset, const size_t));
		break;
	case LOADER_ENUM:
		w_u32(w, (uint32_t)*AT(obj, f->offset, const int));
		break;
	case LOADER_BOOL:
		w_u32(w, *AT(obj, f->offset, const bool));
		break;
	case LOADER_LIST:
		arr = *AT(obj, lf.list->array, const char *const);
		n = *AT(obj, lf.list->count, const size_t);
		w_u32(w, (uint32_t)n);
		for (i = 0; i < n; i++)
			w_fields(w, lf.list->fields, arr + i * lf.list->size);
		break;
	default:
		w->bad = true;
		break;
	}
}

static void
w_fields(struct wr *w, const struct yfield *fields, const void *obj)
{
	const struct yfield *f;

	for (f = fields; f->key != NULL; f++)
		w_field(w, f, obj);
}

int
cache_encode(const struct content *c, char **out, size_t *len)
{
	struct wr w = { STRBUF_INIT, false };
	const struct loader_list *l;
	size_t i, n;

	w_u32(&w, (uint32_t)c->nfiles);
	for (i = 0; i < c->nfiles; i++)
		w_str(&w, c->files[i]);
	for (l = loader_lists; l->fields != NULL; l++) {
		void *const *arr = *AT(c, l->array, void **const);

		n = *AT(c, l->count, const size_t);
		w_u32(&w, (uint32_t)n);
		for (i = 0; i < n; i++)
			w_fields(&w, l->fields, arr[i]);
	}
	/* What no table holds. */
	for (i = 0; i < c->nquestions; i++)
		w_u32(&w, c->questions[i]->bank);
	for (l = loader_singles; l->fields != NULL; l++) {
		const void *one = *AT(c, l->array, const void *const);

		w_u32(&w, one != NULL);
		if (one != NULL)
			w_fields(&w, l->fields, one);
	}
	if (w.bad) {
		sb_free(&w.sb);
		return -1;
	}
	*len = w.sb.len;
	*out = sb_detach(&w.sb);
	return 0;
}

/* Reading: every read is checked against the end, and a read past it
 * leaves nothing more to read, so a damaged file ends every loop at
 * once. Everything goes into the content's arena; strings stay where
 * they lie in the bytes read, which the arena owns. */

struct rd {
	const unsigned char	*p, *end;
	struct arena		*a;
	bool			 bad;
};

static uint32_t
r_u32(struct rd *r)
{
	uint32_t v;

	if (r->end - r->p < 4) {
		r->bad = true;
		r->p = r->end;
		return 0;
	}
	v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
	    (uint32_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

static uint64_t
r_u64(struct rd *r)
{
	uint64_t lo = r_u32(r), hi = r_u32(r);

	return lo | hi << 32;
}

static double
r_f64(struct rd *r)
{
	uint64_t v = r_u64(r);
	double d;

	memcpy(&d, &v, sizeof(d));
	return d;
}

/* A count of things each taking at least min bytes: bounded by what is
 * left, so a damaged file cannot make us allocate without end. */
static size_t
r_count(struct rd *r, size_t min)
{
	uint32_t n = r_u32(r);

	if (!r->bad && (size_t)n > (size_t)(r->end - r->p) / min)
		r->bad = true;
	return r->bad ? 0 : n;
}

static char *
r_str(struct rd *r)
{
	uint32_t n = r_u32(r);
	char *s;

	if (r->bad || n == NULL_STR)
		return NULL;
	/* The NUL that ends it must be where its length says: then the
	 * string ends inside the bytes, whatever else they hold. */
	if ((size_t)(r->end - r->p) <= n || r->p[n] != '\0') {
		r->bad = true;
		return NULL;
	}
	/* Content is never written to once read. */
	s = (char *)(uintptr_t)r->p;
	r->p += n + 1;
	return s;
}

/* Where things were in the YAML is not kept: only the linker reports
 * positions, and what does not link is read from the YAML again. */
static const struct srcpos nowhere = { "", 0, 0 };

/* A condition as written, parsed again: one that does not parse was not
 * written by us. */
static void
r_cond(struct rd *r, struct cond *c)
{
	char *msg = NULL;
	int col;

	c->src = r_str(r);
	c->exact = r_u32(r) != 0;
	c->pos = nowhere;
	if (c->src != NULL && (c->expr = expr_parse(r->a, c->src, &col, &msg)) == NULL) {
		free(msg);
		r->bad = true;
	}
}

static void
r_strlist(struct rd *r, struct strlist *l)
{
	size_t n = r_count(r, 5), i;

	l->v = arena_array(r->a, n, sizeof(*l->v));
	l->pos = arena_array(r->a, n, sizeof(*l->pos));
	for (i = 0; i < n && !r->bad; i++) {
		if ((l->v[i] = r_str(r)) == NULL)
			r->bad = true;
		l->pos[i] = nowhere;
		l->n = i + 1;
	}
}

static void r_item(struct rd *r, const struct loader_list *l, void *item);

static void
r_field(struct rd *r, const struct yfield *f, struct loader_field lf, void *obj)
{
	struct ref *ref;
	char *arr;
	size_t i, n;
	uint32_t v;
	int lang;

	switch (lf.kind) {
	case LOADER_STRING:
		*AT(obj, f->offset, char *) = r_str(r);
		break;
	case LOADER_TEXT:
		for (lang = 0; lang < LANG__COUNT; lang++)
			AT(obj, f->offset, struct text)->s[lang] = r_str(r);
		break;
	case LOADER_REF:
		ref = AT(obj, f->offset, struct ref);
		ref->id = r_str(r);
		ref->pos = nowhere;
		break;
	case LOADER_COND:
		r_cond(r, AT(obj, f->offset, struct cond));
		break;
	case LOADER_STRLIST:
		r_strlist(r, AT(obj, f->offset, struct strlist));
		break;
	case LOADER_INT:
		*AT(obj, f->offset, int) = (int)(int64_t)r_u64(r);
		break;
	case LOADER_DOUBLE:
		*AT(obj, f->offset, double) = r_f64(r);
		break;
	case LOADER_BOUND:
		*AT(obj, lf.aux, bool) = r_u32(r) != 0;
		*AT(obj, f->offset, double) = r_f64(r);
		break;
	case LOADER_SIZE:
		*AT(obj, f->offset, size_t) = (size_t)r_u64(r);
		break;
	case LOADER_ENUM:
		if ((v = r_u32(r)) > lf.max)
			r->bad = true;
		else
			*AT(obj, f->offset, int) = (int)v;
		break;
	case LOADER_BOOL:
		if ((v = r_u32(r)) > 1)
			r->bad = true;
		else
			*AT(obj, f->offset, bool) = v != 0;
		break;
	case LOADER_LIST:
		n = r_count(r, 4);
		arr = arena_array(r->a, n, lf.list->size);
		*AT(obj, lf.list->array, char *) = arr;
		*AT(obj, lf.list->count, size_t) = n;
		for (i = 0; i < n && !r->bad; i++)
			r_item(r, lf.list, arr + i * lf.list->size);
		break;
	default:
		r->bad = true;
		break;
	}
}

/* What the loader insists on, insisted on again before the linker sees
 * it: a field it requires is there, and a text is in both languages or
 * neither. */
static bool
field_ok(const struct yfield *f, enum loader_kind kind, const void *obj)
{
	switch (kind) {
	case LOADER_TEXT: {
		const struct text *t = AT(obj, f->offset, const struct text);

		return (t->s[LANG_DA] == NULL) == (t->s[LANG_EN] == NULL) &&
		    (!f->required || t->s[LANG_DA] != NULL);
	}
	case LOADER_STRING:
		return !f->required || *AT(obj, f->offset, char *const) != NULL;
	case LOADER_REF:
		return !f->required || AT(obj, f->offset, const struct ref)->id != NULL;
	case LOADER_COND:
		return !f->required || AT(obj, f->offset, const struct cond)->expr != NULL;
	default:
		return true;
	}
}

/* An item of list l, and where it was: nowhere. */
static void
r_item(struct rd *r, const struct loader_list *l, void *item)
{
	const struct yfield *f;

	*AT(item, l->pos, struct srcpos) = nowhere;
	for (f = l->fields; f->key != NULL && !r->bad; f++) {
		struct loader_field lf = loader_field(f);

		r_field(r, f, lf, item);
		if (!field_ok(f, lf.kind, item))
			r->bad = true;
	}
}

/* Reads the body at data (which a takes, and the content points into)
 * into content in a, linked; -1 (and a freed) when it is damaged or
 * does not link. */
static int
decode(struct arena *a, const char *dir, const void *data, size_t len,
    struct content **out)
{
	struct content *c = arena_alloc(a, sizeof(*c));
	struct rd r = { data, (const unsigned char *)data + len, a, false };
	struct diags d = { 0 };
	const struct loader_list *l;
	size_t i, n;

	*out = NULL;
	c->arena = a;
	c->dir = dir ? arena_strdup(a, dir) : NULL;
	n = r_count(&r, 4);
	c->files = arena_array(a, n, sizeof(*c->files));
	for (i = 0; i < n && !r.bad; i++) {
		if ((c->files[i] = r_str(&r)) == NULL)
			r.bad = true;
		else
			c->nfiles++;
	}
	for (l = loader_lists; l->fields != NULL && !r.bad; l++) {
		void **arr;

		n = r_count(&r, 4);
		arr = arena_array(a, n, sizeof(*arr));
		*AT(c, l->array, void **) = arr;
		for (i = 0; i < n && !r.bad; i++) {
			arr[i] = arena_alloc(a, l->size);
			*AT(c, l->count, size_t) = i + 1;
			r_item(&r, l, arr[i]);
		}
	}
	for (i = 0; i < c->nquestions && !r.bad; i++)
		c->questions[i]->bank = r_u32(&r) != 0;
	for (l = loader_singles; l->fields != NULL && !r.bad; l++)
		if (r_u32(&r) != 0) {
			void *one = arena_alloc(a, l->size);

			*AT(c, l->array, void *) = one;
			r_item(&r, l, one);
		}
	/* Linked and checked as content read from YAML is; its warnings
	 * were the YAML's, and only errors matter here. */
	if (r.bad || r.p != r.end || linker_link(c, &d) != 0) {
		diag_free(&d);
		content_free(c);
		return -1;
	}
	diag_free(&d);
	*out = c;
	return 0;
}

int
cache_decode(const char *dir, const void *data, size_t len, struct content **out)
{
	struct arena *a = arena_new();
	void *copy = xmalloc(len ? len : 1);

	memcpy(copy, data, len);
	arena_adopt(a, copy);
	return decode(a, dir, copy, len, out);
}

/* What the cache is valid for, besides the build: the content files;
 * 0 when a file cannot be examined. */
static uint64_t
files_key(const char *dir, char *const *files, size_t n)
{
	uint64_t h = HASH_INIT;
	struct stat sb;
	size_t i;

	h = hash_str(h, VERSION);
	h = hash_str(h, dir);
	for (i = 0; i < n; i++) {
		int64_t v[5];

		if (stat(files[i], &sb) != 0)
			return 0;
		v[0] = (int64_t)sb.st_size;
		v[1] = (int64_t)sb.st_mtim.tv_sec;
		v[2] = (int64_t)sb.st_mtim.tv_nsec;
		v[3] = (int64_t)sb.st_ino;
		v[4] = (int64_t)sb.st_dev;
		h = hash_str(h, files[i]);
		h = hash_bytes(h, v, sizeof(v));
	}
	return h ? h : 1;
}

char *
cache_path(const char *dir)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	uint64_t h = hash_str(HASH_INIT, dir);
	char *base, *path;

	if (xdg != NULL && xdg[0] == '/')
		base = xasprintf("%s/airejse", xdg);
	else if (home != NULL && home[0] != '\0')
		base = xasprintf("%s/.cache/airejse", home);
	else
		return NULL;
	path = xasprintf("%s/content-%016llx.bin", base, (unsigned long long)h);
	free(base);
	return path;
}

/* The whole of fd, at most max bytes, or NULL. */
static char *
read_all(int fd, size_t max, size_t *len)
{
	struct stat sb;
	char *buf;
	size_t got = 0;
	ssize_t n;

	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size < 0 ||
	    (uint64_t)sb.st_size > max)
		return NULL;
	buf = xmalloc((size_t)sb.st_size + 1);
	while (got < (size_t)sb.st_size &&
	    ((n = read(fd, buf + got, (size_t)sb.st_size - got)) > 0 || (n < 0 && errno == EINTR)))
		if (n > 0)
			got += (size_t)n;
	if (got != (size_t)sb.st_size) {
		free(buf);
		return NULL;
	}
	*len = got;
	return buf;
}

/* The content cached at path for this build and these files, or NULL for
 * any reason at all. */
static struct content *
cache_read(const char *path, const char *dir, uint64_t files)
{
	struct content *c = NULL;
	struct cache_header h;
	struct arena *a;
	char *buf;
	size_t len = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	buf = read_all(fd, CACHE_MAX, &len);
	close(fd);
	if (buf == NULL)
		return NULL;
	a = arena_new();
	arena_adopt(a, buf);
	if (len < sizeof(h)) {
		arena_free(a);
		return NULL;
	}
	memcpy(&h, buf, sizeof(h));
	if (memcmp(h.magic, CACHE_MAGIC, sizeof(CACHE_MAGIC)) != 0 ||
	    h.build != CACHE_BUILD_KEY || h.files != files || h.len != len - sizeof(h) ||
	    XXH3_64bits(buf + sizeof(h), (size_t)h.len) != h.sum) {
		arena_free(a);
		return NULL;
	}
	/* On failure the arena, and the bytes, are freed with it. */
	if (decode(a, dir, buf + sizeof(h), (size_t)h.len, &c) != 0)
		return NULL;
	return c;
}

static int
mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; *s && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	free(p);
	return rc;
}

/* Writes the cache beside its final name and renames it into place, so
 * a reader never sees half a file. Failing is fine: it is only a cache. */
static void
cache_write(const char *path, const char *data, size_t len, uint64_t sum, uint64_t files)
{
	struct cache_header h;
	char *tmp;
	int fd;
	bool ok;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, CACHE_MAGIC, sizeof(CACHE_MAGIC));
	h.build = CACHE_BUILD_KEY;
	h.files = files;
	h.len = len;
	h.sum = sum;
	tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	if (mkdirs(path) != 0 ||
	    (fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		free(tmp);
		return;
	}
	ok = write(fd, &h, sizeof(h)) == (ssize_t)sizeof(h) &&
	    write(fd, data, len) == (ssize_t)len;
	ok = close(fd) == 0 && ok;
	if (!ok || rename(tmp, path) != 0)
		unlink(tmp);
	free(tmp);
}

/* Content read from YAML, kept at path for next time. */
static void
keep(const struct content *c, const char *path, uint64_t files)
{
	char *data = NULL;
	size_t len = 0;

	if (files == 0 || cache_encode(c, &data, &len) != 0)
		return;
	cache_write(path, data, len, XXH3_64bits(data, len), files);
	free(data);
}

int
cache_load(const char *dir, struct diags *diags, struct content **out)
{
	const char *env = getenv("AIREJSE_CACHE");
	char **files = NULL, *path;
	size_t n = 0;
	uint64_t key;
	int rc;

	*out = NULL;
	if ((env != NULL && strcmp(env, "off") == 0) || (path = cache_path(dir)) == NULL)
		return loader_load(dir, NULL, 0, diags, out);
	if ((rc = loader_files(dir, diags, &files, &n)) != 0) {
		free(path);
		return rc;
	}
	key = files_key(dir, files, n);
	loader_files_free(files, n);
	if (key != 0 && (*out = cache_read(path, dir, key)) != NULL) {
		free(path);
		return 0;
	}
	rc = loader_load(dir, NULL, 0, diags, out);
	if (rc == 0)
		keep(*out, path, key);
	free(path);
	return rc;
}
