/* SPDX-License-Identifier: EUPL-1.2 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700	/* strptime */
#endif
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "airejse/clock.h"

int
clock_parse(const char *s, int64_t *t)
{
	struct tm tm;
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtoll(s, &end, 10);
	if (*end == '\0' && v >= 0) {
		*t = v;
		return 0;
	}
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (end == NULL || *end != '\0')
		return -1;
	*t = (int64_t)timegm(&tm);
	return 0;
}

int64_t
clock_now(void)
{
	int64_t t;

	/* Tests and golden exports pin the clock. */
	if (clock_parse(getenv("AIREJSE_NOW"), &t) == 0)
		return t;
	return (int64_t)time(NULL);
}


static void
format(int64_t t, bool utc, const char *fmt, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if ((utc ? gmtime_r(&tt, &tm) : localtime_r(&tt, &tm)) == NULL ||
	    strftime(buf, size, fmt, &tm) == 0)
		snprintf(buf, size, "?");
}

void
clock_iso(int64_t t, char buf[21])
{
	format(t, true, "%Y-%m-%dT%H:%M:%SZ", buf, 21);
}

void
clock_local(int64_t t, char buf[17])
{
	format(t, false, "%Y-%m-%d %H:%M", buf, 17);
}

void
clock_today(char iso[11])
{
	clock_day(clock_now(), iso);
}

void
clock_day(int64_t t, char iso[11])
{
	format(t, false, "%Y-%m-%d", iso, 11);
}
