/* SPDX-License-Identifier: EUPL-1.2 */
/* Many users saving at once to one store: N processes, each with its own
 * connection, make SAVES saves each to one project's ten questions, as
 * the program does (the revision read first, then in one transaction
 * read again and, unless someone else changed it meanwhile, written).
 * A save on a stale revision is a conflict told; one the store was too
 * busy for is a busy told; neither writes anything. Afterwards the
 * history is counted: every save reported made must be there.
 *
 *   clients DB N SAVES
 *
 * DB is a new file or an empty PostgreSQL database. Prints one line:
 * "p50_us p99_us saves_per_s saved lost conflicts busy". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "airejse/record.h"
#include "airejse/store.h"
#include "airejse/xalloc.h"

#define QUESTIONS 10

static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

struct tally {
	int64_t	saved, conflicts, busy;
};

/* One client: its latencies (of saves made) to fd, then its tally. */
static int
client(const char *db, int me, int saves, int fd)
{
	struct store *s;
	struct tally t = { 0, 0, 0 };
	char *cause = NULL, q[16], v[32];
	int k, rc;

	if (store_open(db, 0, &s, &cause) != 0) {
		fprintf(stderr, "clients: %s\n", cause);
		return 1;
	}
	for (k = 0; k < saves; k++) {
		struct answer a;
		int64_t seen, t0 = now_us(), us;

		snprintf(q, sizeof(q), "q%d", (me + k) % QUESTIONS);
		snprintf(v, sizeof(v), "c%d-%d æøå", me, k);
		if (store_answer(s, 1, q, &a, &cause) != 0)
			goto fail;
		seen = a.revision;
		answer_clear(&a);
		if ((rc = store_begin(s, &cause)) != 0) {
			if (rc != EX_TEMPFAIL)
				goto fail;
			t.busy++;
			xfree(cause);
			continue;
		}
		if (store_answer(s, 1, q, &a, &cause) != 0)
			goto fail;
		if (a.revision != seen) {
			t.conflicts++;
			store_rollback(s);
			answer_clear(&a);
			continue;
		}
		answer_clear(&a);
		if ((rc = store_answer_set(s, 1, q, ANSWER_VALUE, v, time(NULL), "bench",
		    SOURCE_CLI, NULL, &cause)) != 0 || (rc = store_commit(s, &cause)) != 0) {
			store_rollback(s);
			if (rc != EX_TEMPFAIL)
				goto fail;
			t.busy++;
			xfree(cause);
			continue;
		}
		us = now_us() - t0;
		t.saved++;
		if (write(fd, &us, sizeof(us)) != sizeof(us))
			return 1;
	}
	store_close(s);
	return write(fd, &t, sizeof(t)) == sizeof(t) ? 0 : 1;
fail:
	fprintf(stderr, "clients: %s\n", cause);
	return 1;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	struct tally sum = { 0, 0, 0 };
	struct answer_event *ev;
	struct store *s;
	int64_t *lat, id, t0, wall;
	size_t nlat = 0, cap, n;
	char *cause = NULL, *tracks[] = { "alpha" };
	int nclients, saves, i, status, failed = 0;
	int (*fds)[2];

	if (argc != 4 || (nclients = atoi(argv[2])) <= 0 || (saves = atoi(argv[3])) <= 0) {
		fprintf(stderr, "usage: clients DB N SAVES\n");
		return EX_USAGE;
	}
	if (store_open(argv[1], 0, &s, &cause) != 0 || store_begin(s, &cause) != 0 ||
	    store_project_add(s, "Mange på én gang", tracks, 1, time(NULL), &id, &cause) != 0 ||
	    store_commit(s, &cause) != 0 || id != 1) {
		fprintf(stderr, "clients: %s\n", cause ? cause : "the database is not empty");
		return 1;
	}
	store_close(s);
	fds = xcalloc((size_t)nclients, sizeof(*fds));
	t0 = now_us();
	for (i = 0; i < nclients; i++) {
		pid_t pid;

		if (pipe(fds[i]) != 0 || (pid = fork()) < 0)
			return 1;
		if (pid == 0) {
			close(fds[i][0]);
			_exit(client(argv[1], i, saves, fds[i][1]));
		}
		close(fds[i][1]);
	}
	cap = (size_t)nclients * (size_t)saves;
	lat = xcalloc(cap + 8, sizeof(*lat));
	for (i = 0; i < nclients; i++) {
		/* The latencies, then the tally as the last three numbers. */
		size_t from = nlat;
		ssize_t r;

		while ((r = read(fds[i][0], lat + nlat, (cap + 8 - nlat) * sizeof(*lat))) > 0)
			nlat += (size_t)r / sizeof(*lat);
		close(fds[i][0]);
		if (nlat - from < 3) {
			failed = 1;
			nlat = from;
			continue;
		}
		nlat -= 3;
		sum.saved += lat[nlat];
		sum.conflicts += lat[nlat + 1];
		sum.busy += lat[nlat + 2];
	}
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
	wall = now_us() - t0;
	qsort(lat, nlat, sizeof(*lat), cmp_i64);
	/* What the history holds: each save made is one entry. */
	if (store_open(argv[1], 0, &s, &cause) != 0 ||
	    store_answer_history(s, 1, NULL, &ev, &n, &cause) != 0) {
		fprintf(stderr, "clients: %s\n", cause);
		return 1;
	}
	answer_events_free(ev, n);
	store_close(s);
	printf("%lld %lld %.0f %lld %lld %lld %lld\n",
	    nlat ? (long long)lat[nlat / 2] : 0LL,
	    nlat ? (long long)lat[nlat * 99 / 100] : 0LL,
	    wall > 0 ? (double)sum.saved * 1e6 / (double)wall : 0.0,
	    (long long)sum.saved, (long long)sum.saved - (long long)n,
	    (long long)sum.conflicts, (long long)sum.busy);
	free(lat);
	free(fds);
	return failed;
}
