#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "airejse/arena.h"
#include "airejse/cache.h"
#include "airejse/hash.h"
#include "airejse/content.h"
#include "airejse/loader.h"
#include "airejse/xalloc.h"

#define CACHE_MAGIC "airejse content cache 4\n"
/* Caches bigger than this are not ours to read. */
#define CACHE_MAX (64u * 1024 * 1024)

struct header {
	char		magic[sizeof(CACHE_MAGIC)];
	uint64_t	key;
	uint64_t	len;
	uint64_t	sum;
};

/* The body's check sum, 32 bytes a step in four independent lanes: the
 * cache is read at every start, and FNV a byte at a time cost a million
 * instructions there. */
static uint64_t
sum64(const void *p, size_t n)
{
	const uint64_t m = 0x100000001B3ULL;
	const unsigned char *b = p;
	uint64_t h0 = 0x9E3779B97F4A7C15ULL ^ n, h1 = 0xC2B2AE3D27D4EB4FULL,
	    h2 = 0x165667B19E3779F9ULL, h3 = 0x27D4EB2F165667C5ULL, w[4];

	for (; n >= 32; b += 32, n -= 32) {
		memcpy(w, b, 32);
		h0 = (h0 ^ w[0]) * m;
		h1 = (h1 ^ w[1]) * m;
		h2 = (h2 ^ w[2]) * m;
		h3 = (h3 ^ w[3]) * m;
	}
	h0 = (h0 ^ (h1 ^ h1 >> 29)) * m;
	h0 = (h0 ^ (h2 ^ h2 >> 29)) * m;
	h0 = (h0 ^ (h3 ^ h3 >> 29)) * m;
	while (n-- > 0)
		h0 = (h0 ^ *b++) * m;
	return h0 ^ h0 >> 29;
}

/* What the cache is valid for; 0 when a file cannot be examined. */
static uint64_t
cache_key(const char *dir, char *const *files, size_t n)
{
	uint64_t h = HASH_INIT, schema = loader_schema_hash();
	struct stat sb;
	size_t i;

	h = hash_str(h, VERSION);
	h = hash_bytes(h, &schema, sizeof(schema));
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

/* The cached content, or NULL for any reason at all. The file is mapped,
 * not read: the content's strings stay where they lie in it (the page
 * cache), so a start copies nothing. A cache is only ever replaced by
 * renaming a new file over it, never rewritten in place, so the mapping
 * stays whole while the content lives. */
static struct content *
cache_read(const char *path, const char *dir, uint64_t key)
{
	struct content *c = NULL;
	struct arena *a;
	struct header h;
	struct stat sb;
	const char *body;
	void *map;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size < (off_t)sizeof(h) || sb.st_size > (off_t)CACHE_MAX ||
	    (map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED) {
		close(fd);
		return NULL;
	}
	close(fd);
	a = arena_new();
	/* The content read back takes a little less than its bytes. */
	arena_reserve(a, (size_t)sb.st_size);
	arena_adopt_map(a, map, (size_t)sb.st_size);
	memcpy(&h, map, sizeof(h));
	body = (const char *)map + sizeof(h);
	if (memcmp(h.magic, CACHE_MAGIC, sizeof(h.magic)) != 0 || h.key != key ||
	    h.len != (uint64_t)sb.st_size - sizeof(h) || sum64(body, (size_t)h.len) != h.sum) {
		arena_free(a);
		return NULL;
	}
	/* On failure the arena, and the mapping, are freed with it. */
	if (loader_restore_in(a, dir, body, (size_t)h.len, &c) != 0)
		return NULL;
	c->digest = h.sum;
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
cache_write(const char *path, const char *data, size_t len, uint64_t sum, uint64_t key)
{
	struct header h;
	char *tmp;
	int fd;
	bool ok;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, CACHE_MAGIC, sizeof(h.magic));
	h.key = key;
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

/* Content read from YAML: its digest from its saved form (the cache
 * file's checksum, so the same content read either way has the same
 * digest), and that form written to the cache at path when there is
 * one. */
static void
digest_and_keep(struct content *c, const char *path, uint64_t key)
{
	char *data = NULL;
	size_t len = 0;

	if (loader_save(c, &data, &len) != 0)
		return;
	c->digest = sum64(data, len);
	if (path != NULL && key != 0)
		cache_write(path, data, len, c->digest, key);
	free(data);
}

int
content_load_cached(const char *dir, struct diags *diags, struct content **out)
{
	const char *env = getenv("AIREJSE_CACHE");
	char **files = NULL, *path;
	size_t n = 0;
	uint64_t key;
	int rc;

	*out = NULL;
	if ((env != NULL && strcmp(env, "off") == 0) || (path = cache_path(dir)) == NULL) {
		if ((rc = content_load(dir, NULL, 0, diags, out)) == 0)
			digest_and_keep(*out, NULL, 0);
		return rc;
	}
	if ((rc = loader_files(dir, diags, &files, &n)) != 0) {
		free(path);
		return rc;
	}
	key = cache_key(dir, files, n);
	loader_files_free(files, n);
	if (key != 0 && (*out = cache_read(path, dir, key)) != NULL) {
		free(path);
		return 0;
	}
	rc = content_load(dir, NULL, 0, diags, out);
	if (rc == 0)
		digest_and_keep(*out, path, key);
	free(path);
	return rc;
}
