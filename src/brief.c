/* A project's progress in brief, and the stamp that says whether a kept
 * one still holds (brief.h). */
#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "airejse/brief.h"
#include "airejse/content.h"
#include "airejse/hash.h"
#include "airejse/progress.h"
#include "airejse/settings.h"
#include "airejse/xalloc.h"

struct build_id {
	unsigned char	bytes[64];
	size_t		len;
};

/* The GNU build id of the program (the first object, its name ""), from
 * its notes as they are mapped. */
static int
find_build_id(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct build_id *id = arg;
	int i;

	(void)size;
	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		const char *p, *end;

		if (ph->p_type != PT_NOTE)
			continue;
		p = (const char *)(info->dlpi_addr + ph->p_vaddr);
		end = p + ph->p_memsz;
		while (p + sizeof(ElfW(Nhdr)) <= end) {
			const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)(const void *)p;
			size_t name = (nh->n_namesz + 3) & ~(size_t)3;
			size_t desc = (nh->n_descsz + 3) & ~(size_t)3;
			const char *d = p + sizeof(*nh) + name;

			if (d + desc > end)
				break;
			if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
			    memcmp(p + sizeof(*nh), "GNU", 4) == 0 &&
			    nh->n_descsz > 0 && nh->n_descsz <= sizeof(id->bytes)) {
				memcpy(id->bytes, d, nh->n_descsz);
				id->len = nh->n_descsz;
				return 1;
			}
			p = d + desc;
		}
	}
	/* Only the program itself: a library's id says nothing of it. */
	return 1;
}

/* The program's build id, read once; len 0 when it has none. Any change
 * to the code, how progress is worked out included, changes it. */
static const struct build_id *
program_id(void)
{
	static struct build_id id;
	static int read;

	if (!read) {
		dl_iterate_phdr(find_build_id, &id);
		read = 1;
	}
	return &id;
}

void
brief_stamp(const struct content *c, const struct settings *s, char out[BRIEF_STAMP_SIZE])
{
	const struct build_id *id = program_id();
	uint64_t h = HASH_INIT;
	int i;

	out[0] = '\0';
	if (c == NULL || c->digest == 0 || id->len == 0)
		return;
	h = hash_bytes(h, &c->digest, sizeof(c->digest));
	h = hash_bytes(h, id->bytes, id->len);
	for (i = 0; i < SETTING__COUNT; i++) {
		double v = s ? s->value[i] : setting_def((enum setting_id)i)->def;

		/* -0 and 0 are one setting. */
		if (v == 0)
			v = 0;
		h = hash_bytes(h, &v, sizeof(v));
	}
	snprintf(out, BRIEF_STAMP_SIZE, "%016llx", (unsigned long long)h);
}

struct progress_brief *
brief_of(const struct progress *pr)
{
	struct progress_brief *b = xcalloc(1, sizeof(*b));
	size_t i;

	b->tracks = xcalloc(pr->ntracks + 1, sizeof(*b->tracks));
	for (i = 0; i < pr->ntracks; i++) {
		b->tracks[i].track = pr->tracks[i].track;
		b->tracks[i].done = pr->tracks[i].done;
		b->tracks[i].applicable = pr->tracks[i].applicable;
	}
	b->ntracks = pr->ntracks;
	b->nopen_handoffs = pr->nopen_handoffs;
	return b;
}

struct progress_brief *
brief_from_stored(const struct content *c, const struct stored_brief *sb, const char *stamp)
{
	struct progress_brief *b;
	size_t i;

	if (sb == NULL || stamp == NULL || *stamp == '\0' || sb->stamp == NULL ||
	    strcmp(sb->stamp, stamp) != 0 || sb->open_handoffs < 0)
		return NULL;
	b = xcalloc(1, sizeof(*b));
	b->tracks = xcalloc(sb->ntracks + 1, sizeof(*b->tracks));
	for (i = 0; i < sb->ntracks; i++) {
		const struct stored_brief_track *t = &sb->tracks[i];

		if ((b->tracks[i].track = content_track(c, t->track)) == NULL ||
		    t->done < 0 || t->applicable < t->done) {
			brief_free(b);
			return NULL;
		}
		b->tracks[i].done = (size_t)t->done;
		b->tracks[i].applicable = (size_t)t->applicable;
	}
	b->ntracks = sb->ntracks;
	b->nopen_handoffs = (size_t)sb->open_handoffs;
	return b;
}

void
brief_to_stored(const struct progress_brief *b, const char *stamp, struct stored_brief *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	out->stamp = xstrdup(stamp);
	out->open_handoffs = (int64_t)b->nopen_handoffs;
	out->tracks = xcalloc(b->ntracks + 1, sizeof(*out->tracks));
	for (i = 0; i < b->ntracks; i++) {
		out->tracks[i].track = xstrdup(b->tracks[i].track->id);
		out->tracks[i].done = (int64_t)b->tracks[i].done;
		out->tracks[i].applicable = (int64_t)b->tracks[i].applicable;
	}
	out->ntracks = b->ntracks;
}

struct progress_brief *
brief_copy(const struct progress_brief *b)
{
	struct progress_brief *c = xcalloc(1, sizeof(*c));

	*c = *b;
	c->tracks = xcalloc(b->ntracks + 1, sizeof(*c->tracks));
	if (b->ntracks > 0)
		memcpy(c->tracks, b->tracks, b->ntracks * sizeof(*c->tracks));
	return c;
}

void
brief_free(struct progress_brief *b)
{
	if (b == NULL)
		return;
	free(b->tracks);
	free(b);
}

const struct brief_track *
brief_track(const struct progress_brief *b, const struct track *t)
{
	size_t i;

	for (i = 0; b != NULL && i < b->ntracks; i++)
		if (b->tracks[i].track == t)
			return &b->tracks[i];
	return NULL;
}
