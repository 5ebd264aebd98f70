/* SPDX-License-Identifier: EUPL-1.2 */
/* The linker: checks what the loader read and links it (references to
 * what they name, conditions to the questions, tracks and settings
 * they name), for content read from YAML and from the cache alike. */
#ifndef AIREJSE_LINKER_H
#define AIREJSE_LINKER_H

struct cond;
struct content;
struct diags;
struct expr;

/* Checks and links c; problems go to diags (file:line:column, where
 * the content knows them). Returns 0, or -1 when there were errors. */
int linker_link(struct content *c, struct diags *diags);

/* Binds condition e to the questions, options and tracks of c and to
 * the site settings, as linker_link binds a content's conditions. Calls
 * err for each problem with its column; returns the count. */
int linker_bind(const struct content *c, struct expr *e,
    void (*err)(void *arg, int col, const char *msg), void *arg);

/* Reports msg about column col of condition c. */
void linker_cond_error(struct diags *diags, const struct cond *c, int col, const char *msg);

#endif
