/* SPDX-License-Identifier: EUPL-1.2 */
/* The terminal under the terminal program (src/tui-term.c); with
 * tui_restore_terminal and tui_external_edit, declared in tui.h. */
#ifndef AIREJSE_TUI_TERM_H
#define AIREJSE_TUI_TERM_H

#include <stdbool.h>
#include <stdio.h>

struct tui;

/* Whether curses can drive this terminal: both ends a terminal, and a
 * TERM that can address the cursor. */
bool tui_term_usable(void);

/* Sets curses up on the terminal, or (test mode) on a screen of its own
 * that is never shown (its file in *devnull, for the caller to close),
 * and gives the terminal back on a fatal signal. Returns false when it
 * cannot. */
bool tui_term_start(struct tui *t, FILE **devnull);

#endif
