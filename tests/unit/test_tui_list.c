/* SPDX-License-Identifier: EUPL-1.2 */
/* The list view every screen's list is (tui-list.c): moving, paging,
 * scrolling and picking, on lists of one-row items, of items of several
 * rows, with headings, and with a long text before the first item that
 * can be selected. */
#include <stdlib.h>
#include <string.h>

#include "airejse/tui-list.h"
#include "testutil.h"

/* A list described by arrays: the rows of each item and whether it can
 * be selected; counts the calls, to show that walks stay near the view. */
struct fake {
	int	*rows;
	bool	*sel;
	size_t	 calls;
};

static int
fake_rows(void *arg, size_t i)
{
	struct fake *f = arg;

	f->calls++;
	return f->rows ? f->rows[i] : 1;
}

static bool
fake_sel(void *arg, size_t i)
{
	struct fake *f = arg;

	return f->sel ? f->sel[i] : true;
}

static void
setup(struct tui_list *l, struct fake *f, size_t n, int height)
{
	memset(l, 0, sizeof(*l));
	l->rows = fake_rows;
	l->selectable = fake_sel;
	l->arg = f;
	tui_list_resize(l, n, height);
}

START_TEST(one_row_items_page_as_tig)
{
	struct fake f = { 0 };
	struct tui_list l;

	setup(&l, &f, 100, 10);
	ck_assert_uint_eq(l.sel, 0);
	tui_list_move(&l, REQ_DOWN);
	ck_assert_uint_eq(l.sel, 1);
	ck_assert_uint_eq(l.top, 0);
	/* A page: the selection and the view move by the view's rows. */
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert_uint_eq(l.sel, 11);
	ck_assert_uint_eq(l.top, 10);
	tui_list_move(&l, REQ_PAGE_UP);
	ck_assert_uint_eq(l.sel, 1);
	ck_assert_uint_eq(l.top, 0);
	/* At the top, a page up goes to the first item. */
	tui_list_move(&l, REQ_PAGE_UP);
	ck_assert_uint_eq(l.sel, 0);
	tui_list_move(&l, REQ_LAST);
	ck_assert_uint_eq(l.sel, 99);
	ck_assert_uint_eq(l.top, 90);
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert_uint_eq(l.sel, 99);
	ck_assert_uint_eq(l.top, 90);
	tui_list_select(&l, 85);
	ck_assert_uint_eq(l.top, 85);
	/* The view cannot go a whole page: the selection still does,
	 * within the list. */
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert_uint_eq(l.top, 90);
	ck_assert_uint_eq(l.sel, 95);
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert_uint_eq(l.sel, 99);
	tui_list_move(&l, REQ_FIRST);
	ck_assert_uint_eq(l.sel, 0);
	ck_assert_uint_eq(l.top, 0);
	/* Down at the bottom of the view scrolls one row. */
	tui_list_select(&l, 9);
	tui_list_move(&l, REQ_DOWN);
	ck_assert_uint_eq(l.sel, 10);
	ck_assert_uint_eq(l.top, 1);
	ck_assert(!tui_list_move(&l, REQ_ENTER));
}
END_TEST

START_TEST(headings_are_passed_and_kept_in_view)
{
	/* Phase A: a1 a2; phase B: b1 b2; phase C: c1. */
	bool sel[] = { false, true, true, false, true, true, false, true };
	struct fake f = { NULL, sel, 0 };
	struct tui_list l;
	size_t item;
	int within;

	setup(&l, &f, 8, 3);
	ck_assert_uint_eq(l.sel, 1);	/* never on a heading */
	tui_list_move(&l, REQ_DOWN);
	tui_list_move(&l, REQ_DOWN);
	ck_assert_uint_eq(l.sel, 4);
	ck_assert_uint_eq(l.top, 2);
	tui_list_move(&l, REQ_DOWN);
	tui_list_move(&l, REQ_DOWN);
	ck_assert_uint_eq(l.sel, 7);
	ck_assert_uint_eq(l.top, 5);
	/* Back up to b1: its heading comes into view with it. */
	tui_list_move(&l, REQ_UP);
	tui_list_move(&l, REQ_UP);
	ck_assert_uint_eq(l.sel, 4);
	ck_assert_uint_eq(l.top, 3);
	tui_list_move(&l, REQ_FIRST);
	ck_assert_uint_eq(l.sel, 1);
	ck_assert_uint_eq(l.top, 0);
	/* Up on the first item: nothing above to read. */
	tui_list_move(&l, REQ_UP);
	ck_assert_uint_eq(l.sel, 1);
	ck_assert_uint_eq(l.top, 0);
	/* A click on a heading selects nothing; on an item, it. */
	ck_assert(tui_list_at(&l, 0, &item, &within));
	ck_assert_uint_eq(item, 0);
	ck_assert(tui_list_at(&l, 2, &item, &within));
	ck_assert_uint_eq(item, 2);
	ck_assert(!tui_list_at(&l, 3, &item, &within));
	/* A list of headings only has no selection. */
	memset(sel, 0, sizeof(sel));
	tui_list_resize(&l, 8, 3);
	ck_assert(!tui_list_has_selection(&l));
	tui_list_move(&l, REQ_DOWN);
	ck_assert_uint_eq(l.top, 1);	/* a pager: the view moves */
}
END_TEST

START_TEST(items_of_several_rows)
{
	int rows[] = { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 };
	struct fake f = { rows, NULL, 0 };
	struct tui_list l;
	int y;

	setup(&l, &f, 10, 8);
	tui_list_move(&l, REQ_DOWN);
	tui_list_move(&l, REQ_DOWN);
	/* Item 2 (rows 6-8) is cut at the bottom: the view scrolls so all
	 * of it shows. */
	ck_assert(tui_list_shown(&l, 2, &y));
	ck_assert_int_eq(y + 3, 8);
	ck_assert_uint_eq(l.top, 0);
	ck_assert_int_eq(l.skip, 1);
	/* A page of 8 rows passes two items of 3 and a part: the
	 * selection goes to the last one it passes whole. */
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert_uint_eq(l.sel, 4);
	ck_assert(tui_list_shown(&l, 4, NULL));
	/* An item taller than the view shows from its top. */
	rows[6] = 20;
	tui_list_select(&l, 6);
	ck_assert_uint_eq(l.top, 6);
	ck_assert_int_eq(l.skip, 0);
	tui_list_move(&l, REQ_LAST);
	ck_assert_uint_eq(l.sel, 9);
	ck_assert(tui_list_shown(&l, 9, &y));
	ck_assert_int_eq(y, 5);
}
END_TEST

START_TEST(whole_items_are_never_cut_at_the_top)
{
	int rows[] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 };
	struct fake f = { rows, NULL, 0 };
	struct tui_list l;
	int y;

	setup(&l, &f, 10, 5);
	l.whole = true;
	tui_list_move(&l, REQ_LAST);
	ck_assert_uint_eq(l.sel, 9);
	ck_assert_uint_eq(l.top, 8);	/* a row left empty, not half an item */
	ck_assert_int_eq(l.skip, 0);
	tui_list_move(&l, REQ_UP);
	tui_list_move(&l, REQ_UP);
	ck_assert_uint_eq(l.sel, 7);
	ck_assert_uint_eq(l.top, 7);
	tui_list_move(&l, REQ_SCROLL_DOWN);
	ck_assert_int_eq(l.skip, 0);
	tui_list_move(&l, REQ_FIRST);
	tui_list_move(&l, REQ_DOWN);
	tui_list_move(&l, REQ_DOWN);
	/* Item 2 at rows 4-5 of a view of 5: the view moves by whole items. */
	ck_assert_uint_eq(l.top, 1);
	ck_assert_int_eq(l.skip, 0);
	ck_assert(tui_list_shown(&l, 2, &y));
	ck_assert_int_eq(y, 2);
}
END_TEST

START_TEST(a_long_text_is_read_as_in_a_pager)
{
	/* A heading, guidance of 20 rows, then three questions. */
	int rows[] = { 1, 20, 2, 2, 2 };
	bool sel[] = { false, false, true, true, true };
	struct fake f = { rows, sel, 0 };
	struct tui_list l;
	int i, y;

	setup(&l, &f, 5, 6);
	ck_assert_uint_eq(l.sel, 2);
	/* Opened at the top, as a pager; selected, the question is brought
	 * into view at the bottom. */
	ck_assert(!tui_list_shown(&l, 2, NULL));
	tui_list_select(&l, 0);
	ck_assert_uint_eq(l.sel, 2);
	ck_assert(tui_list_shown(&l, 2, &y));
	ck_assert(tui_list_more_above(&l));
	/* Up on the first question reads the guidance above it a row at a
	 * time; the question stays selected, out of view. */
	for (i = 0; i < 10; i++)
		tui_list_move(&l, REQ_UP);
	ck_assert_uint_eq(l.sel, 2);
	ck_assert(!tui_list_shown(&l, 2, NULL));
	tui_list_move(&l, REQ_PAGE_UP);
	tui_list_move(&l, REQ_PAGE_UP);
	ck_assert(!tui_list_more_above(&l));
	ck_assert_uint_eq(l.sel, 2);
	/* Paging down through the text, then onto the questions. */
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert_uint_eq(l.top, 1);
	ck_assert_int_eq(l.skip, 5);
	tui_list_move(&l, REQ_PAGE_DOWN);
	tui_list_move(&l, REQ_PAGE_DOWN);
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert(tui_list_shown(&l, l.sel, NULL));
	tui_list_move(&l, REQ_PAGE_DOWN);
	ck_assert_uint_eq(l.sel, 4);
	/* Home: the view at the top, the first question selected but
	 * below it; Down reads on until a question shows, then takes it. */
	tui_list_move(&l, REQ_FIRST);
	ck_assert_uint_eq(l.top, 0);
	ck_assert_uint_eq(l.sel, 2);
	for (i = 0; i < 15; i++)
		tui_list_move(&l, REQ_DOWN);
	ck_assert_uint_eq(l.sel, 2);
	ck_assert(!tui_list_shown(&l, 2, NULL));
	tui_list_move(&l, REQ_DOWN);
	ck_assert(tui_list_shown(&l, 2, &y));
	ck_assert_int_eq(y, 5);
	tui_list_move(&l, REQ_DOWN);
	ck_assert_uint_eq(l.sel, 3);
	ck_assert(tui_list_shown(&l, 3, NULL));
	ck_assert(!tui_list_more_below(&l) || tui_list_shown(&l, 3, NULL));
}
END_TEST

START_TEST(the_wheel_scrolls_and_the_selection_follows)
{
	struct fake f = { 0 };
	struct tui_list l;

	setup(&l, &f, 50, 10);
	tui_list_select(&l, 5);
	tui_list_move(&l, REQ_SCROLL_DOWN);
	ck_assert_uint_eq(l.top, TUI_LIST_WHEEL);
	ck_assert_uint_eq(l.sel, 5);	/* still in view */
	tui_list_move(&l, REQ_SCROLL_DOWN);
	tui_list_move(&l, REQ_SCROLL_DOWN);
	ck_assert_uint_eq(l.top, 3 * TUI_LIST_WHEEL);
	ck_assert_uint_eq(l.sel, 3 * TUI_LIST_WHEEL);	/* the first in view */
	tui_list_move(&l, REQ_SCROLL_UP);
	ck_assert_uint_eq(l.sel, 3 * TUI_LIST_WHEEL);
	tui_list_move(&l, REQ_LAST);
	tui_list_move(&l, REQ_SCROLL_UP);
	ck_assert_uint_eq(l.top, 40 - TUI_LIST_WHEEL);
	ck_assert_uint_eq(l.sel, 49 - TUI_LIST_WHEEL);	/* the last in view */
}
END_TEST

START_TEST(resizing_keeps_the_selection)
{
	struct fake f = { 0 };
	struct tui_list l;

	setup(&l, &f, 30, 10);
	tui_list_select(&l, 25);
	tui_list_resize(&l, 30, 4);
	ck_assert(tui_list_shown(&l, 25, NULL));
	/* Fewer items: the selection moves to the last; no empty rows
	 * below it. */
	tui_list_resize(&l, 12, 10);
	ck_assert_uint_eq(l.sel, 11);
	ck_assert_uint_eq(l.top, 2);
	tui_list_resize(&l, 0, 10);
	ck_assert(!tui_list_has_selection(&l));
	ck_assert(tui_list_move(&l, REQ_PAGE_DOWN));
	ck_assert(tui_list_move(&l, REQ_LAST));
	ck_assert(!tui_list_more_below(&l));
}
END_TEST

START_TEST(a_long_list_is_read_only_near_the_view)
{
	struct fake f = { 0 };
	struct tui_list l;

	setup(&l, &f, 100000, 10);
	f.calls = 0;
	tui_list_move(&l, REQ_LAST);
	tui_list_move(&l, REQ_PAGE_UP);
	tui_list_move(&l, REQ_FIRST);
	tui_list_move(&l, REQ_PAGE_DOWN);
	tui_list_select(&l, 50000);
	tui_list_move(&l, REQ_UP);
	tui_list_resize(&l, 100000, 10);
	ck_assert_uint_lt(f.calls, 400);
	ck_assert_uint_eq(l.sel, 49999);
}
END_TEST

/* After any move: the selection can be selected, and it is in view or
 * nothing that can be selected is; the view has no empty rows below the
 * last item while there is more above; it stays within the list. */
static void
check_invariants(struct tui_list *l, const struct fake *f)
{
	size_t i, any = 0;
	int y, total = 0, before = 0;

	for (i = 0; i < l->n; i++) {
		any += f->sel[i];
		if (i < l->top)
			before += f->rows[i];
		total += f->rows[i];
	}
	before += l->skip;
	ck_assert_uint_lt(l->top, l->n);
	ck_assert_int_lt(l->skip, f->rows[l->top]);
	if (any > 0) {
		ck_assert(f->sel[l->sel]);
		if (!tui_list_shown(l, l->sel, NULL))
			for (i = l->top; i < l->n; i++)
				ck_assert(!(tui_list_shown(l, i, &y) && f->sel[i]));
	}
	if (before > 0)
		ck_assert_int_ge(total - before, l->height);
}

START_TEST(random_moves_keep_invariants)
{
	static const enum tui_req reqs[] = { REQ_UP, REQ_DOWN, REQ_PAGE_UP, REQ_PAGE_DOWN,
	    REQ_FIRST, REQ_LAST, REQ_SCROLL_UP, REQ_SCROLL_DOWN };
	int rows[40];
	bool sel[40];
	struct fake f = { rows, sel, 0 };
	struct tui_list l;
	unsigned seed = 17;
	size_t i, n;
	int k;

	for (k = 0; k < 3000; k++) {
		seed = seed * 1103515245u + 12345u;
		if (k % 100 == 0) {
			n = 1 + (seed >> 8) % 40;
			for (i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				rows[i] = 1 + (int)((seed >> 9) % 7);
				sel[i] = (seed >> 13) % 3 != 0;
			}
			setup(&l, &f, n, 1 + (int)((seed >> 16) % 12));
			check_invariants(&l, &f);
		}
		tui_list_move(&l, reqs[(seed >> 11) % 8]);
		check_invariants(&l, &f);
		if ((seed >> 20) % 17 == 0) {
			tui_list_select(&l, (seed >> 5) % l.n);
			check_invariants(&l, &f);
		}
	}
}
END_TEST

Suite *
test_suite(void)
{
	Suite *s = suite_create("tui-list");
	TCase *tc = tcase_create("tui-list");

	tcase_add_test(tc, one_row_items_page_as_tig);
	tcase_add_test(tc, headings_are_passed_and_kept_in_view);
	tcase_add_test(tc, items_of_several_rows);
	tcase_add_test(tc, whole_items_are_never_cut_at_the_top);
	tcase_add_test(tc, a_long_text_is_read_as_in_a_pager);
	tcase_add_test(tc, the_wheel_scrolls_and_the_selection_follows);
	tcase_add_test(tc, resizing_keeps_the_selection);
	tcase_add_test(tc, a_long_list_is_read_only_near_the_view);
	tcase_add_test(tc, random_moves_keep_invariants);
	suite_add_tcase(s, tc);
	return s;
}
