/* SPDX-License-Identifier: EUPL-1.2 */
/* The list view: see tui-list.h. Positions are an item and the rows of
 * it above the view; every walk goes from a known item by at most a
 * view's rows, so a long list whose items are read as they are needed
 * (the projects) is read only where it is shown. */
#include "airejse/tui-list.h"

static int
h(const struct tui_list *l, size_t i)
{
	int r = l->rows ? l->rows(l->arg, i) : 1;

	return r > 0 ? r : 1;
}

static bool
can(const struct tui_list *l, size_t i)
{
	return i < l->n && (l->selectable == NULL || l->selectable(l->arg, i));
}

static int
view_rows(const struct tui_list *l)
{
	return l->height > 0 ? l->height : 1;
}

/* The first item from i on (down) or from i back (up) that can be
 * selected, or n. */
static size_t
find(const struct tui_list *l, size_t i, bool down)
{
	if (l->n == 0)
		return 0;
	if (down) {
		for (; i < l->n; i++)
			if (can(l, i))
				return i;
		return l->n;
	}
	if (i >= l->n)
		i = l->n - 1;
	for (;; i--) {
		if (can(l, i))
			return i;
		if (i == 0)
			return l->n;
	}
}

/* The position with the last row of the list at the bottom of the view
 * (the top when the list is shorter than the view). */
static void
bottom(struct tui_list *l)
{
	int need = view_rows(l);
	size_t i = l->n;

	l->top = 0;
	l->skip = 0;
	while (i > 0 && need > 0) {
		int r = h(l, --i);

		l->top = i;
		l->skip = r > need ? r - need : 0;
		need -= r;
	}
	if (l->whole && l->skip > 0 && l->top + 1 < l->n) {
		l->top++;
		l->skip = 0;
	}
}

/* No empty rows below the last item while there is more above (but
 * those an item that would be cut leaves). */
static void
clamp(struct tui_list *l)
{
	size_t i, top;
	int y, skip;

	if (l->n == 0) {
		l->top = l->sel = 0;
		l->skip = 0;
		return;
	}
	if (l->top >= l->n) {
		l->top = l->n - 1;
		l->skip = 0;
	}
	if (l->skip < 0 || l->skip >= h(l, l->top) || l->whole)
		l->skip = 0;
	for (y = -l->skip, i = l->top; i < l->n && y < view_rows(l); i++)
		y += h(l, i);
	if (i == l->n && y < view_rows(l) && (l->top > 0 || l->skip > 0)) {
		top = l->top;
		skip = l->skip;
		bottom(l);
		if (l->top > top || (l->top == top && l->skip > skip)) {
			l->top = top;
			l->skip = skip;
		}
	}
}

bool
tui_list_shown(struct tui_list *l, size_t i, int *y)
{
	int row = -l->skip;
	size_t k;

	if (i < l->top || i >= l->n)
		return false;
	for (k = l->top; k < i && row < view_rows(l); k++)
		row += h(l, k);
	if (y != NULL)
		*y = row;
	return k == i && row >= 0 && row < view_rows(l);
}

/* The first (down) or last item in view that can be selected, or n. */
static size_t
shown_selectable(struct tui_list *l, bool down)
{
	size_t i, found = l->n;
	int y;

	for (y = -l->skip, i = l->top; i < l->n && y < view_rows(l); y += h(l, i), i++) {
		if (y >= 0 && can(l, i)) {
			found = i;
			if (down)
				break;
		}
	}
	return found;
}

bool
tui_list_has_selection(struct tui_list *l)
{
	return can(l, l->sel);
}

/* Scrolls the view k rows (down when positive), within the list. */
static void
scroll(struct tui_list *l, int k)
{
	while (k > 0) {
		int left = h(l, l->top) - l->skip;

		if (k < left) {
			l->skip += k;
			/* Not cut: on to the next item. */
			if (l->whole && l->top + 1 < l->n) {
				l->top++;
				l->skip = 0;
			}
			break;
		}
		if (l->top + 1 >= l->n) {
			l->skip = h(l, l->top) - 1;
			break;
		}
		k -= left;
		l->top++;
		l->skip = 0;
	}
	while (k < 0) {
		if (l->skip >= -k) {
			l->skip = l->whole ? 0 : l->skip + k;
			break;
		}
		k += l->skip;
		l->skip = 0;
		if (l->top == 0)
			break;
		l->top--;
		l->skip = h(l, l->top);
	}
	clamp(l);
}

static bool
at_top(const struct tui_list *l)
{
	return l->top == 0 && l->skip == 0;
}

static bool
at_bottom(struct tui_list *l)
{
	size_t top = l->top;
	int skip = l->skip;
	bool same;

	scroll(l, 1);
	same = l->top == top && l->skip == skip;
	l->top = top;
	l->skip = skip;
	return same;
}

void
tui_list_fit(struct tui_list *l)
{
	int y, r, need;
	size_t i;

	if (!can(l, l->sel))
		return;
	r = h(l, l->sel);
	if (l->sel < l->top || (l->sel == l->top && l->skip > 0)) {
		/* Above the view: at its top, with its heading. */
		l->top = l->sel;
		l->skip = 0;
		need = view_rows(l) - r;
		while (l->top > 0 && !can(l, l->top - 1) && h(l, l->top - 1) <= need)
			need -= h(l, --l->top);
	} else if (!tui_list_shown(l, l->sel, &y) || y + r > view_rows(l)) {
		/* Below it (or cut at its bottom): at its bottom, counted
		 * back from the item, not on from the view. */
		need = view_rows(l) - r;
		l->top = l->sel;
		l->skip = 0;
		for (i = l->sel; need > 0 && i > 0; ) {
			int hr = h(l, --i);

			l->top = i;
			l->skip = hr > need ? hr - need : 0;
			need -= hr;
		}
		if (l->whole && l->skip > 0 && l->top < l->sel) {
			l->top++;
			l->skip = 0;
		}
	}
	clamp(l);
}

void
tui_list_select(struct tui_list *l, size_t i)
{
	size_t k = find(l, i, true);

	if (k == l->n)
		k = find(l, i, false);
	if (k == l->n)
		return;
	l->sel = k;
	tui_list_fit(l);
}

/* After the view moved: a selection that left it gives way to the first
 * (down) or last item in view that can be selected, if any. */
static void
settle(struct tui_list *l, bool down)
{
	size_t k;

	if (tui_list_shown(l, l->sel, NULL) && can(l, l->sel))
		return;
	if ((k = shown_selectable(l, down)) != l->n)
		l->sel = k;
}

/* The last item (that can be selected) a page from the selection, in
 * the direction of the move; n if none. */
static size_t
page_target(const struct tui_list *l, bool down)
{
	size_t i = l->sel, found = l->n;
	int dist = 0;

	if (down) {
		while (i + 1 < l->n) {
			dist += h(l, i);
			if (dist > view_rows(l))
				break;
			if (can(l, ++i))
				found = i;
		}
	} else {
		while (i > 0) {
			dist += h(l, --i);
			if (dist > view_rows(l))
				break;
			if (can(l, i))
				found = i;
		}
	}
	return found;
}

static void
page(struct tui_list *l, bool down)
{
	size_t target;

	if (down ? at_bottom(l) : at_top(l)) {
		target = find(l, down ? l->n - 1 : 0, !down);
		if (target != l->n)
			l->sel = target;
		return;
	}
	target = tui_list_shown(l, l->sel, NULL) ? page_target(l, down) : l->n;
	scroll(l, down ? view_rows(l) : -view_rows(l));
	if (target != l->n) {
		l->sel = target;
		tui_list_fit(l);
	} else {
		settle(l, down);
	}
}

/* Up or Down: the item before or after; with none, the view a row. */
static void
step(struct tui_list *l, bool down)
{
	size_t k = l->n;

	if (tui_list_shown(l, l->sel, NULL) && can(l, l->sel)) {
		if (down && l->sel + 1 < l->n)
			k = find(l, l->sel + 1, true);
		else if (!down && l->sel > 0)
			k = find(l, l->sel - 1, false);
	}
	if (k != l->n) {
		l->sel = k;
		tui_list_fit(l);
		return;
	}
	scroll(l, down ? 1 : -1);
	settle(l, down);
}

bool
tui_list_move(struct tui_list *l, enum tui_req req)
{
	size_t k;

	switch (req) {
	case REQ_UP:
	case REQ_DOWN:
		if (l->n > 0)
			step(l, req == REQ_DOWN);
		return true;
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
		if (l->n > 0)
			page(l, req == REQ_PAGE_DOWN);
		return true;
	case REQ_FIRST:
		l->top = 0;
		l->skip = 0;
		if ((k = find(l, 0, true)) != l->n)
			l->sel = k;
		return true;
	case REQ_LAST:
		if (l->n == 0)
			return true;
		bottom(l);
		if ((k = find(l, l->n - 1, false)) != l->n)
			l->sel = k;
		return true;
	case REQ_SCROLL_UP:
	case REQ_SCROLL_DOWN:
		if (l->n > 0) {
			scroll(l, req == REQ_SCROLL_DOWN ? TUI_LIST_WHEEL : -TUI_LIST_WHEEL);
			settle(l, req == REQ_SCROLL_DOWN);
		}
		return true;
	default:
		return false;
	}
}

void
tui_list_resize(struct tui_list *l, size_t n, int height)
{
	size_t k;

	l->n = n;
	l->height = height;
	if (n == 0) {
		l->sel = l->top = 0;
		l->skip = 0;
		return;
	}
	if (l->sel >= n || !can(l, l->sel)) {
		k = find(l, l->sel < n ? l->sel : n - 1, false);
		if (k == n)
			k = find(l, l->sel < n ? l->sel : n - 1, true);
		l->sel = k < n ? k : 0;
	}
	clamp(l);
	/* A selection out of view while another item that can be selected
	 * is in it: the list changed under it; show it again. */
	if (!tui_list_shown(l, l->sel, NULL) && shown_selectable(l, true) != n)
		tui_list_fit(l);
}

bool
tui_list_at(struct tui_list *l, int y, size_t *item, int *within)
{
	int row = -l->skip;
	size_t i;

	if (y < 0 || y >= view_rows(l))
		return false;
	for (i = l->top; i < l->n && row < view_rows(l); i++) {
		int r = h(l, i);

		if (y < row + r) {
			*item = i;
			if (within != NULL)
				*within = y - row;
			return true;
		}
		row += r;
	}
	return false;
}

enum tui_click
tui_list_click(struct tui_list *l, int y)
{
	size_t i;

	if (!tui_list_at(l, y, &i, NULL) || !can(l, i))
		return CLICK_NONE;
	if (i == l->sel)
		return CLICK_OPEN;
	l->sel = i;
	return CLICK_SELECTED;
}

bool
tui_list_more_above(const struct tui_list *l)
{
	return !at_top(l);
}

bool
tui_list_more_below(struct tui_list *l)
{
	return l->n > 0 && !at_bottom(l);
}

void
tui_list_each(struct tui_list *l,
    void (*fn)(void *arg, size_t i, int y, int first, int rows, bool sel), void *arg)
{
	int y = -l->skip, vr = view_rows(l);
	size_t i;

	for (i = l->top; i < l->n && y < vr; i++) {
		int r = h(l, i), first = y < 0 ? -y : 0;
		int n = r - first;

		if (y + first + n > vr)
			n = vr - y - first;
		fn(arg, i, y + first, first, n, i == l->sel && can(l, i));
		y += r;
	}
}
