/* SPDX-License-Identifier: EUPL-1.2 */
/* The floor of the benchmark: the least a program like airejse can do.
 * It starts, opens an SQLite file and reads from it, opens ncurses as the
 * terminal program's test mode does (newterm on a virtual screen of
 * 80x24 that writes to /dev/null), draws one line, and exits. airejse's
 * own figures are measured the same way, so the ratio says what airejse
 * adds to that.
 *
 *   floor DB */
#include <curses.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>

int
main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	SCREEN *scr;
	FILE *devnull;
	int n = -1;

	if (argc != 2) {
		fprintf(stderr, "usage: floor DB\n");
		return 64;
	}
	setlocale(LC_ALL, "C.UTF-8");
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		fprintf(stderr, "floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 66;
	}
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if ((devnull = fopen("/dev/null", "r+")) == NULL ||
	    (scr = newterm("xterm-256color", devnull, devnull)) == NULL) {
		fprintf(stderr, "floor: cannot start curses\n");
		return 70;
	}
	resize_term(24, 80);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	mvprintw(0, 0, "airejse floor: %d tables and indexes", n);
	refresh();
	endwin();
	delscreen(scr);
	fclose(devnull);
	sqlite3_close(db);
	return 0;
}
