/* SPDX-License-Identifier: EUPL-1.2 */
/* Runs a command RUNS times (after one run to warm the caches) with its
 * output thrown away, and prints one line:
 *
 *   MEDIAN_US MIN_US MAX_RSS_KB
 *
 * the median and the least wall time in microseconds and the largest peak
 * resident set of the runs (getrusage of the child). When a run fails,
 * says how and shows what the command wrote to standard error.
 *
 * With --vs, a second command (the floor) runs in turn with the first,
 * one run each at a time, and its median and least time follow:
 *
 *   MEDIAN_US MIN_US MAX_RSS_KB VS_MEDIAN_US VS_MIN_US
 *
 * so that a machine that is busier for a while slows both alike, and
 * their ratio holds where two series measured one after the other drift.
 *
 *   timeit RUNS COMMAND [ARG...] [--vs COMMAND [ARG...]] */
#include <string.h>
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int
cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The children's standard error, shown when one fails. */
static FILE *errs;

/* One run: wall time in microseconds, or -1 if it failed. */
static long
run(char **argv, long *rss)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status, fd;
	pid_t pid;

	rewind(errs);
	if (ftruncate(fileno(errs), 0) != 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_RDWR)) >= 0)
			dup2(fd, 1);
		dup2(fileno(errs), 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		char buf[4096];
		size_t n;

		fprintf(stderr, "timeit: %s: %s %d; its messages:\n", argv[0],
		    WIFEXITED(status) ? "exit status" : "signal",
		    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		rewind(errs);
		while ((n = fread(buf, 1, sizeof(buf), errs)) > 0)
			fwrite(buf, 1, n, stderr);
		return -1;
	}
	if (ru.ru_maxrss > *rss)
		*rss = ru.ru_maxrss;
	return (t1.tv_sec - t0.tv_sec) * 1000000L + (t1.tv_nsec - t0.tv_nsec) / 1000;
}

static long
median(long *t, long n)
{
	qsort(t, (size_t)n, sizeof(*t), cmp);
	return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

int
main(int argc, char **argv)
{
	long runs, *t, *v, rss = 0, vrss = 0, warm = 0;
	char **vs = NULL;
	int i;

	if (argc < 3 || (runs = strtol(argv[1], NULL, 10)) < 1 || runs > 10000) {
		fprintf(stderr, "usage: timeit RUNS COMMAND [ARG...] [--vs COMMAND [ARG...]]\n");
		return 64;
	}
	for (i = 2; i < argc; i++)
		if (strcmp(argv[i], "--vs") == 0) {
			argv[i] = NULL;
			vs = argv + i + 1;
			break;
		}
	if (vs != NULL && vs[0] == NULL) {
		fprintf(stderr, "timeit: --vs needs a command\n");
		return 64;
	}
	if ((t = calloc((size_t)runs, sizeof(*t))) == NULL ||
	    (v = calloc((size_t)runs, sizeof(*v))) == NULL || (errs = tmpfile()) == NULL)
		return 71;
	if (run(argv + 2, &warm) < 0 || (vs != NULL && run(vs, &warm) < 0)) {
		fprintf(stderr, "timeit: %s failed on the first run\n", argv[2]);
		return 1;
	}
	for (i = 0; i < runs; i++) {
		if ((t[i] = run(argv + 2, &rss)) < 0 || (vs != NULL && (v[i] = run(vs, &vrss)) < 0)) {
			fprintf(stderr, "timeit: %s failed on run %d\n", argv[2], i + 1);
			return 1;
		}
	}
	printf("%ld", median(t, runs));
	printf(" %ld %ld", t[0], rss);
	if (vs != NULL) {
		printf(" %ld", median(v, runs));
		printf(" %ld", v[0]);
	}
	printf("\n");
	free(t);
	free(v);
	return 0;
}
