/* SPDX-License-Identifier: EUPL-1.2 */
/* The time of changes, and how times are written. Tests pin the clock
 * with AIREJSE_NOW so outputs and exports can be compared with files. */
#ifndef AIREJSE_CLOCK_H
#define AIREJSE_CLOCK_H

#include <stdint.h>

/* Seconds since the epoch: AIREJSE_NOW (seconds, or YYYY-MM-DDTHH:MM:SSZ)
 * if set, else the system clock. */
int64_t clock_now(void);
/* Today's local date as YYYY-MM-DD into iso (11 bytes). */
void clock_today(char iso[11]);
/* The local date of t as YYYY-MM-DD into iso (11 bytes). */
void clock_day(int64_t t, char iso[11]);
/* t as UTC "2026-11-23T10:00:00Z" (for tsv and json) into buf (21 bytes). */
void clock_iso(int64_t t, char buf[21]);
/* t as local "2026-11-23 11:00" (for people) into buf (17 bytes). */
void clock_local(int64_t t, char buf[17]);
/* Parses YYYY-MM-DDTHH:MM:SSZ or plain seconds; 0 or -1. */
int clock_parse(const char *s, int64_t *t);

#endif
