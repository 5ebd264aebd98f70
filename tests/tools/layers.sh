#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The layers, as the includes show them: who may include what. Prints
# each file that breaks a rule, with the include and the rule's reason,
# and fails.
#
#   sh tests/tools/layers.sh        (from the top of the tree; make check)
set -eu

# Each rule: "only HEADERS" or "never HEADERS", then "in FILES" and
# "because WHY". only: no file but FILES may include HEADERS; never:
# FILES must not include them. HEADERS are as #include names them
# (<x.h>, airejse/x.h); both lists are shell patterns.
rules='
only <curses.h> <ncurses.h> <ncursesw/*> <term.h> airejse/tui-curses.h
	in src/tui*.c include/airejse/tui-curses.h
	because curses belongs to the screens (tui*): the store and the logic never draw
only <sqlite3.h>
	in src/store*.c src/db*.c
	because SQL belongs to the store
only <libpq-fe.h> airejse/db-driver.h
	in src/db.c src/db-*.c
	because a database library belongs to its driver, behind db.h
never airejse/store.h airejse/store-*.h airejse/db*.h
	in src/tui*.c include/airejse/tui*.h
	because the screens never touch the store: they act through action.h
only airejse/cli.h airejse/cmd.h
	in src/main.c src/cli.c src/cmd*.c include/airejse/cli.h include/airejse/cmd.h
	because the commands are the top layer: nothing below them calls one
only airejse/app.h
	in src/main.c src/app.c src/cli.c src/cmd*.c src/plain.c src/tui*.c include/airejse/*.h
	because the application context is for the front ends (commands, terminal program, prompts)
'

# Breaches known when the check was written, "FILE HEADER" a line, each
# being removed by work under way (issue 15: app.h, the store's split).
# Delete a line when its include is gone; the check says when.
known=''

# "FILE HEADER" for each include of the sources and headers: <x.h>
# keeps its brackets, "x.h" loses its quotes.
awk '/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
	h = $0
	sub(/^[ \t]*#[ \t]*include[ \t]*/, "", h)
	if (sub(/^"/, "", h))
		sub(/".*/, "", h)
	else
		sub(/>.*/, ">", h)
	print FILENAME, h
}' src/*.c include/airejse/*.h | awk -v rules="$rules" -v known="$known" '
# A shell pattern (*, ?) as an anchored regular expression.
function glob(p) {
	gsub(/[.+()|^${}\\[\]]/, "\\\\&", p)
	gsub(/\*/, ".*", p)
	gsub(/\?/, ".", p)
	return "^" p "$"
}
function any(w, list,   v, n, i) {
	n = split(list, v, " ")
	for (i = 1; i <= n; i++)
		if (w ~ glob(v[i]))
			return 1
	return 0
}
BEGIN {
	n = split(rules, line, "\n")
	for (i = 1; i <= n; i++) {
		l = line[i]
		if (l ~ /^(only|never) /) {
			nr++
			kind[nr] = substr(l, 1, index(l, " ") - 1)
			hdrs[nr] = substr(l, index(l, " ") + 1)
		} else if (sub(/^[ \t]+in /, "", l)) {
			files[nr] = l
		} else if (sub(/^[ \t]+because /, "", l)) {
			why[nr] = l
		}
	}
	n = split(known, line, "\n")
	for (i = 1; i <= n; i++)
		if (line[i] != "")
			allowed[line[i]] = 0
}
{
	for (r = 1; r <= nr; r++) {
		if (!any($2, hdrs[r]))
			continue
		if ((kind[r] == "only") == any($1, files[r]))
			continue
		if (($1 " " $2) in allowed) {
			allowed[$1 " " $2] = 1
			continue
		}
		printf "layers: %s includes %s: %s\n", $1, $2, why[r]
		bad = 1
	}
}
END {
	for (k in allowed) {
		if (allowed[k])
			continue
		split(k, f, " ")
		printf "layers: %s no longer includes %s: delete its line from known in tests/tools/layers.sh\n", f[1], f[2]
		bad = 1
	}
	exit bad
}'
