/* SPDX-License-Identifier: EUPL-1.2 */
/* curses with the wide-character interface, for the tui-*.c files only:
 * nothing else in airejse includes curses. Keys are passed around as int:
 * a character, or TUI_FKEY + a curses KEY_ code. */
#ifndef AIREJSE_TUI_CURSES_H
#define AIREJSE_TUI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include "airejse/i18n.h"
#include "airejse/tui.h"

#define FK(k)	(TUI_FKEY + (k))

/* The markers of a bracketed paste, defined as keys by tui-term.c. */
#define KEY_PASTE_START (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

/* Sets up the styles: colours unless mono. */
void tui_styles_init(bool mono);

#endif
