/* SPDX-License-Identifier: EUPL-1.2 */
/* The plain front-end: the journey as numbered prompts on standard input
 * and output, one question at a time, for speech users and bare consoles
 * (in the manner of the Debian installer's text front-end). */
#ifndef AIREJSE_PLAIN_H
#define AIREJSE_PLAIN_H

struct app;

/* Runs the plain front-end on app, whose content and database are open
 * (app_open); returns the exit status. */
int plain_main(struct app *app);

#endif
