/* SPDX-License-Identifier: EUPL-1.2 */
/* The list view every screen's list is (as tig's move_view and
 * scroll_view): items one or more rows high, some of which can be
 * selected (a heading or a paragraph of guidance cannot), in a view of
 * some rows. Moving, paging, scrolling and picking with the mouse are
 * done here and nowhere else, so every key does the same on every
 * screen:
 *
 *   Up, Down    the item before or after that can be selected; with
 *               none that way, the view scrolls one row (to read the
 *               text above the first item or below the last);
 *   PgUp, PgDn  the view a page up or down and the selection with it,
 *               to the last item it passes; when the view cannot move
 *               any more, the first or the last item;
 *   Home, End   the view at the top or the bottom, with the first or
 *               the last item;
 *   the wheel   the view three rows; the selection moves only when it
 *               would leave the view.
 *
 * The items just before the selected one that cannot be selected (its
 * heading) are kept in view with it where there is room. While no item
 * that can be selected is in view (reading a long text), the selection
 * stays where it was and the view moves as in a pager.
 *
 * No curses here: the screens draw; tests drive it on its own. */
#ifndef AIREJSE_TUI_LIST_H
#define AIREJSE_TUI_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "airejse/tui.h"

struct tui_list {
	size_t	 n;		/* items */
	size_t	 sel;		/* the selected item */
	size_t	 top;		/* the first item in view */
	int	 skip;		/* rows of it above the view */
	int	 height;	/* rows of the view */
	bool	 whole;		/* never cut an item at the top of the view */
	/* The rows item i takes (at least 1); NULL: one each. */
	int	(*rows)(void *arg, size_t i);
	/* Whether item i can be selected; NULL: every one. */
	bool	(*selectable)(void *arg, size_t i);
	void	*arg;
};

/* The rows the wheel scrolls. */
#define TUI_LIST_WHEEL 3

/* Sets the number of items and the rows of the view (after a reload or
 * a resize): the selection goes to the nearest item that can be
 * selected, and the view keeps it in sight without empty rows below
 * the last item. */
void tui_list_resize(struct tui_list *l, size_t n, int height);
/* Handles a moving request (REQ_UP ... REQ_LAST, REQ_SCROLL_UP,
 * REQ_SCROLL_DOWN); false for any other. */
bool tui_list_move(struct tui_list *l, enum tui_req req);
/* Selects item i (or the nearest that can be selected) and brings it
 * into view. */
void tui_list_select(struct tui_list *l, size_t i);
/* Brings the selection into view, with its heading where there is room. */
void tui_list_fit(struct tui_list *l);
/* The item at row y of the view (0: its first) in *item, and the rows
 * of it above that row in *within; false when the row shows none. */
bool tui_list_at(struct tui_list *l, int y, size_t *item, int *within);
/* A click at row y of the view (0: its first): selects the item there
 * when it can be selected. CLICK_OPEN when it already was (the click
 * opens it, as Enter). The view does not move. */
enum tui_click { CLICK_NONE, CLICK_SELECTED, CLICK_OPEN };
enum tui_click tui_list_click(struct tui_list *l, int y);
/* Whether the list has an item that can be selected and it is selected
 * (false for an empty list or one of headings only). */
bool tui_list_has_selection(struct tui_list *l);
/* Whether item i's first row is in view; its row in *y (may be NULL). */
bool tui_list_shown(struct tui_list *l, size_t i, int *y);
/* Whether there is more above or below the view (for a marker). */
bool tui_list_more_above(const struct tui_list *l);
bool tui_list_more_below(struct tui_list *l);

/* Calls fn for each item in view, from the top: item i is drawn at row
 * y of the view from its own row first (0 unless it begins above the
 * view) on at most rows rows; sel says whether it is the selection. */
void tui_list_each(struct tui_list *l,
    void (*fn)(void *arg, size_t i, int y, int first, int rows, bool sel), void *arg);

#endif
